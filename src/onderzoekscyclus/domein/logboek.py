"""A line in a werkgroep's logboek, as plain data.

The logboek is written most of all (a command of its own), so its rule is kept free of the
domain classes: :func:`logregel` checks a new line and gives it as the data the
:class:`~onderzoekscyclus.domein.model.Logregel` class stores, and the store appends it
without building the werkgroep's objects. :func:`selecteer_regels` is the rule for
reading it back: which lines a search finds, newest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.tekst import controleer_niet_leeg, vergelijkbaar
from onderzoekscyclus.domein.tijd import gebeurd
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

if TYPE_CHECKING:
    from onderzoekscyclus.domein.model import Logregel

__all__ = ["logregel", "selecteer_regels"]


def logregel(
    tekst: str, *, datum: dt.date | None, vandaag: dt.date, auteur: str | None = None
) -> dict[str, Any]:
    """A new line: text that is not empty, a date that is not after today (default:
    today), and the id of its author, if any."""
    controleer_niet_leeg(tekst, "tekst")
    regel: dict[str, Any] = {"datum": gebeurd(datum, vandaag), "tekst": tekst}
    if auteur is not None:
        if not is_geldig_id(auteur):
            raise InvalidValue(
                _("'{waarde}' is geen geldig id.").format(waarde=auteur), veld="auteur"
            )
        regel["auteur"] = auteur
    return regel


def selecteer_regels(
    regels: Sequence[Logregel],
    *,
    zoek: str | None = None,
    sinds: dt.date | None = None,
    auteur: str | None = None,
) -> list[tuple[int, Logregel]]:
    """The lines of a logboek with their numbers (1 is the first line written), newest
    first: by date, and lines of one day in the reverse of the order they were written.
    Only the lines that hold ``zoek`` (case, accents and runs of white space do not
    count), lie on or after ``sinds`` and were written by the person with id ``auteur``;
    a filter that is ``None`` lets every line through."""
    gezocht = vergelijkbaar(zoek) if zoek is not None else None
    gekozen = [
        (nummer, regel)
        for nummer, regel in enumerate(regels, start=1)
        if (gezocht is None or gezocht in vergelijkbaar(regel.tekst))
        and (sinds is None or regel.datum >= sinds)
        and (auteur is None or regel.auteur == auteur)
    ]
    gekozen.sort(key=lambda paar: (paar[1].datum, paar[0]), reverse=True)
    return gekozen
