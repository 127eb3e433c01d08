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
    from onderzoekscyclus.domein.model import GenummerdeLogregel, Logregel

__all__ = ["Logboek"]


class Logboek:
    """Writes lines in the logboek of any werkgroep of one werkplaats, and reads them."""

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

    def lees(
        self,
        werkgroep: str,
        *,
        zoek: str | None = None,
        sinds: dt.date | None = None,
        auteur: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[GenummerdeLogregel]:
        """The lines of a werkgroep's logboek, newest first, each with its number (1 is
        the first line written): only those that hold ``zoek`` (case and accents do not
        count), lie on or after ``sinds`` and were written by ``auteur`` (a person's
        name, start of a name or id); ``offset`` and ``limit`` give a page.

        Reading loads the domain classes, which writing does not.

        .. versionadded:: 0.2.0
        """
        # imported here, so that writing a line stays quick
        from onderzoekscyclus.api.lijsten import pagina  # noqa: PLC0415
        from onderzoekscyclus.domein.logboek import selecteer_regels  # noqa: PLC0415
        from onderzoekscyclus.domein.model import GenummerdeLogregel, Werkgroep  # noqa: PLC0415
        from onderzoekscyclus.opslag.bestanden import Opslag  # noqa: PLC0415
        from onderzoekscyclus.opslag.zoeken import kies  # noqa: PLC0415

        with in_taal(self.taal) if self.taal else contextlib.nullcontext():
            pagina((), limit, offset)  # refuse a wrong limit or offset before reading
            root = self.schrijver.root
            groep_id = kies(root, "werkgroepen", werkgroep, "werkgroep")[0]
            auteur_id = kies(root, "personen", auteur, "persoon")[0] if auteur else None
            groep = Opslag(root, migraties=self.schrijver.migraties).lees(Werkgroep, groep_id)
            gekozen = selecteer_regels(groep.logboek, zoek=zoek, sinds=sinds, auteur=auteur_id)
            return [
                GenummerdeLogregel(nummer=n, datum=r.datum, tekst=r.tekst, auteur=r.auteur)
                for n, r in pagina(gekozen, limit, offset)
            ]

    def verwijder(self, werkgroep: str, nummer: int) -> Logregel:
        """Remove line ``nummer`` of a werkgroep's logboek (1 is the first line written,
        as ``ozc log WERKGROEP`` numbers them); returns the line removed."""
        return self._corrigeer(werkgroep, nummer, verwijder=True)

    def wijzig(
        self,
        werkgroep: str,
        nummer: int,
        *,
        tekst: str | None = None,
        datum: dt.date | None = None,
    ) -> Logregel:
        """Correct the text or date of line ``nummer``; returns the line as it was."""
        return self._corrigeer(werkgroep, nummer, tekst=tekst, datum=datum)

    def _corrigeer(self, werkgroep: str, nummer: int, **wijziging: Any) -> Logregel:
        from onderzoekscyclus.domein.model import Logregel  # noqa: PLC0415 - see regel()
        from onderzoekscyclus.opslag.converter import structure  # noqa: PLC0415
        from onderzoekscyclus.opslag.logboek import corrigeer_logregel  # noqa: PLC0415

        with in_taal(self.taal) if self.taal else contextlib.nullcontext():
            oud = corrigeer_logregel(
                self.schrijver, werkgroep, nummer, vandaag=self._klok(), **wijziging
            )
        return structure(oud, Logregel)
