"""The logboek of the werkgroepen: ``werkplaats.logboek``.

Writing a line is the most frequent thing a werkgroep does, so this module loads no
domain classes (see :mod:`onderzoekscyclus.opslag.logboek`): ``ozc log`` uses it
directly and stays quick.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from onderzoekscyclus.i18n import Taal, in_taal
from onderzoekscyclus.opslag.logboek import voeg_logregel_toe
from onderzoekscyclus.opslag.schrijver import Schrijver

if TYPE_CHECKING:
    from onderzoekscyclus.domein.model import Logregel

__all__ = ["Logboek"]


class Logboek:
    """Writes lines in the logboek of any werkgroep of one werkplaats."""

    def __init__(
        self, schrijver: Schrijver, klok: Callable[[], dt.date], taal: Taal | None = None
    ) -> None:
        self.schrijver = schrijver
        self._klok = klok
        self.taal = taal

    def schrijf(
        self,
        werkgroep: str,
        tekst: str,
        *,
        auteur: str | None = None,
        datum: dt.date | None = None,
    ) -> Logregel:
        """Add a line to a werkgroep's logboek (``datum`` defaults to today, and may not
        lie after it); ``werkgroep`` and ``auteur`` are names, starts of names or ids."""
        from onderzoekscyclus.domein.model import Logregel  # noqa: PLC0415 - see regel()
        from onderzoekscyclus.opslag.converter import structure  # noqa: PLC0415

        return structure(self.regel(werkgroep, tekst, auteur=auteur, datum=datum), Logregel)

    def regel(
        self,
        werkgroep: str,
        tekst: str,
        *,
        auteur: str | None = None,
        datum: dt.date | None = None,
    ) -> dict[str, Any]:
        """Like :meth:`schrijf`, returning the line as plain data (``datum``, ``tekst``,
        ``auteur``) without loading the domain classes: the quick path of ``ozc log``."""
        with in_taal(self.taal) if self.taal else contextlib.nullcontext():
            return voeg_logregel_toe(
                self.schrijver, werkgroep, tekst, vandaag=self._klok(), auteur=auteur, datum=datum
            )
