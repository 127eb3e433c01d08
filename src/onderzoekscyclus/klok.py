"""Where "today" comes from: one place, so tests, demos and catching up can set it.

``ONDERZOEKSCYCLUS_VANDAAG=JJJJ-MM-DD`` overrides the system date.
"""

from __future__ import annotations

import datetime as dt
import os

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["VANDAAG_VARIABELE", "lees_datum", "vandaag"]

VANDAAG_VARIABELE = "ONDERZOEKSCYCLUS_VANDAAG"


def lees_datum(tekst: str, *, bron: str = "--datum") -> dt.date:
    """Parse ``JJJJ-MM-DD`` with a Dutch message when it is not a date."""
    try:
        return dt.date.fromisoformat(tekst.strip())
    except ValueError:
        raise InvalidValue(
            _("{bron}: '{tekst}' is geen datum.").format(bron=bron, tekst=tekst),
            _("Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-15."),
        ) from None


def vandaag() -> dt.date:
    """Today's date, or the one in ``$ONDERZOEKSCYCLUS_VANDAAG``."""
    gezet = os.environ.get(VANDAAG_VARIABELE)
    if gezet:
        return lees_datum(gezet, bron=VANDAAG_VARIABELE)
    return dt.date.today()


def tot_en_met_vandaag(datum: dt.date | None) -> dt.date:
    """``datum``, or today when it is ``None``; a date after today is refused, because
    what is recorded has happened."""
    dag = vandaag()
    if datum is None:
        return dag
    if datum > dag:
        raise InvalidValue(
            _("{datum} ligt in de toekomst (vandaag is {vandaag}).").format(
                datum=datum.isoformat(), vandaag=dag.isoformat()
            ),
            _("Geef met --datum de dag waarop het gebeurde, of laat --datum weg voor vandaag."),
            veld="datum",
        )
    return datum
