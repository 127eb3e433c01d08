"""Where "today" comes from: never from the library itself.

A :class:`~onderzoekscyclus.api.werkplaats.Werkplaats` is given a clock: a function that
returns today's date. By default that is :func:`systeemdatum`; a server that answers for
another day, a replay or a test passes its own, for example a :class:`VasteKlok`. The
``ozc`` command's clock also honours ``ONDERZOEKSCYCLUS_VANDAAG`` (read by the CLI only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["Klok", "VasteKlok", "lees_datum", "systeemdatum"]

Klok = Callable[[], dt.date]
"""A clock: a function that returns today's date."""


def systeemdatum() -> dt.date:
    """Today's date by the computer's clock."""
    return dt.date.today()


class VasteKlok:
    """A clock that says the date it is set to, until it is set to another.

    >>> klok = VasteKlok(dt.date(2026, 12, 1))
    >>> klok()
    datetime.date(2026, 12, 1)
    """

    def __init__(self, datum: dt.date) -> None:
        self.datum = datum

    def __call__(self) -> dt.date:
        return self.datum

    def zet(self, datum: dt.date) -> None:
        """From now on, today is ``datum``."""
        self.datum = datum


def lees_datum(tekst: str, *, bron: str = "--datum") -> dt.date:
    """Parse ``JJJJ-MM-DD``; the message names ``bron`` when it is not a date."""
    try:
        return dt.date.fromisoformat(tekst.strip())
    except ValueError:
        raise InvalidValue(
            _("{bron}: '{tekst}' is geen datum.").format(bron=bron, tekst=tekst),
            _("Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-15."),
        ) from None
