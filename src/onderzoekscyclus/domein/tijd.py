"""The rules for dates, the same everywhere: the calendar, and what is recorded has happened.

Every date the werkplaats holds lies in its calendar, :data:`EERSTE_DAG` to
:data:`LAATSTE_DAG` (:func:`in_kalender`): wide enough for any school's history and any
plan, narrow enough that every export can count on the day before and after it (an
iCalendar event ends the next day; a school year runs on into the next calendar year).

A fact (a log line, a measurement, a respondent, a step) never lies after today, and a
step never before the step it follows (:meth:`~onderzoekscyclus.domein.machine.Machine.
datum_redenen`). Today is passed in: the domain reads no clock.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import N_, _

__all__ = ["EERSTE_DAG", "LAATSTE_DAG", "dagen_tussen", "gebeurd", "hoe_vaak", "in_kalender"]

EERSTE_DAG = dt.date(1900, 1, 1)
"""The first day a date in the werkplaats may be."""

LAATSTE_DAG = dt.date(2199, 12, 31)
"""The last day a date in the werkplaats may be."""


def in_kalender(datum: dt.date, *, veld: str = "datum") -> dt.date:
    """``datum``, when it lies from :data:`EERSTE_DAG` to :data:`LAATSTE_DAG`; otherwise
    :class:`~onderzoekscyclus.errors.InvalidValue` naming ``veld`` and the period."""
    if not EERSTE_DAG <= datum <= LAATSTE_DAG:
        raise InvalidValue(
            _("{veld}: {datum} valt buiten de periode van {eerste} tot en met {laatste}.").format(
                veld=veld,
                datum=datum.isoformat(),
                eerste=EERSTE_DAG.isoformat(),
                laatste=LAATSTE_DAG.isoformat(),
            ),
            _("Controleer het jaartal."),
            veld=veld,
        )
    return datum


def gebeurd(datum: dt.date | None, vandaag: dt.date, *, veld: str = "datum") -> dt.date:
    """``datum``, or ``vandaag`` when it is ``None``; a date after today, or outside the
    calendar (:func:`in_kalender`), is refused."""
    if datum is None:
        return in_kalender(vandaag, veld=veld)
    if datum > vandaag:
        raise InvalidValue(
            _("{datum} ligt in de toekomst (vandaag is {vandaag}).").format(
                datum=datum.isoformat(), vandaag=vandaag.isoformat()
            ),
            _("Geef de dag waarop het gebeurde, of laat de datum weg voor vandaag."),
            veld=veld,
            code="waarde.toekomst",
        )
    return in_kalender(datum, veld=veld)


def dagen_tussen(dagen: Iterable[dt.date]) -> float | None:
    """The median number of days between successive days of ``dagen`` (each day once);
    ``None`` with fewer than two days.

    .. versionadded:: 0.2.0
    """
    import statistics  # noqa: PLC0415 - only a cycle's overview needs it; `ozc log` starts fast

    uniek = sorted(set(dagen))
    if len(uniek) < 2:
        return None
    return statistics.median((b - a).days for a, b in itertools.pairwise(uniek))


# (most days between measurements, how often that is) — a school's rhythms
_RITMES = (
    (2.0, N_("dagelijks")),
    (10.0, N_("wekelijks")),
    (20.0, N_("om de twee weken")),
    (45.0, N_("maandelijks")),
    (120.0, N_("per kwartaal")),
)


def hoe_vaak(dagen: float | None) -> str | None:
    """How often, in words, for a median of ``dagen`` between measurements:
    ``"wekelijks"``, ``"maandelijks"``… (``None`` for ``None``).

    .. versionadded:: 0.2.0
    """
    if dagen is None:
        return None
    for grens, woord in _RITMES:
        if dagen <= grens:
            return _(woord)
    return _("minder dan eens per kwartaal")
