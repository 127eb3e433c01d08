"""The rule for dates, the same everywhere: what is recorded has happened.

A fact (a log line, a measurement, a respondent, a step) never lies after today, and a
step never before the step it follows (:meth:`~onderzoekscyclus.domein.machine.Machine.
datum_redenen`). Today is passed in: the domain reads no clock.
"""

from __future__ import annotations

import datetime as dt

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["gebeurd"]


def gebeurd(datum: dt.date | None, vandaag: dt.date, *, veld: str = "datum") -> dt.date:
    """``datum``, or ``vandaag`` when it is ``None``; a date after today is refused."""
    if datum is None:
        return vandaag
    if datum > vandaag:
        raise InvalidValue(
            _("{datum} ligt in de toekomst (vandaag is {vandaag}).").format(
                datum=datum.isoformat(), vandaag=vandaag.isoformat()
            ),
            _("Geef de dag waarop het gebeurde, of laat de datum weg voor vandaag."),
            veld=veld,
            code="waarde.toekomst",
        )
    return datum
