"""A line in a werkgroep's logboek, as plain data.

The logboek is written most of all (a command of its own), so its rule is kept free of the
domain classes: :func:`logregel` checks a new line and gives it as the data the
:class:`~onderzoekscyclus.domein.model.Logregel` class stores, and the store appends it
without building the werkgroep's objects.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.tekst import controleer_niet_leeg
from onderzoekscyclus.domein.tijd import gebeurd
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["logregel"]


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
