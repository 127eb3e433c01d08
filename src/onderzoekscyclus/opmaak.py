"""One way to write numbers, units and dates, in Dutch and in English.

The CLI, the built-in export formats and the plugins all format through here, so a
value reads the same everywhere: ``7,5`` and ``62%`` in Dutch, ``7.5`` in English, never
``7.5punt``. The language is the one chosen for messages
(:func:`onderzoekscyclus.i18n.huidige_taal`) unless ``taal`` is given.

An export keeps every digit a value has (``repr``: it reads back exactly); a chart
label may ask for fewer (``significant``).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt

from onderzoekscyclus.i18n import huidige_taal

__all__ = ["aantal", "getal", "korte_datum", "lange_datum", "met_eenheid", "verschil"]

_MAANDEN = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
_AFKORTINGEN = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_GEEN = "–"


def _taal(taal: str | None) -> str:
    gekozen = taal or huidige_taal()
    return gekozen if gekozen in _MAANDEN else "nl"


def getal(
    waarde: float | None, *, significant: int | None = None, decimalen: int | None = None,
    taal: str | None = None,
) -> str:  # fmt: skip
    """A number as a reader of ``taal`` writes it: ``62``, ``7,5`` (``7.5`` in English).

    Whole numbers have no decimals; others keep every digit, or ``significant`` digits,
    or exactly ``decimalen`` decimals. ``None`` is a dash.
    """
    if waarde is None:
        return _GEEN
    getal_ = float(waarde)
    if decimalen is not None:
        tekst = f"{getal_:.{decimalen}f}"
    elif getal_.is_integer() and abs(getal_) < 1e15:
        tekst = str(int(getal_))
    elif significant is not None:
        tekst = f"{getal_:.{significant}g}"
    else:
        tekst = repr(getal_)
    return tekst.replace(".", ",") if _taal(taal) == "nl" else tekst


def aantal(n: int, *, taal: str | None = None) -> str:
    """A count with its thousands grouped as a reader of ``taal`` does: ``7.000``
    (``7,000`` in English); below 10,000 a Dutch reader leaves it out: ``1072``."""
    if _taal(taal) == "nl":
        return f"{n:,}".replace(",", ".") if abs(n) >= 10_000 else str(n)
    return f"{n:,}"


def verschil(waarde: float | None, *, decimalen: int | None = None, taal: str | None = None) -> str:
    """A change, with a plus sign when it went up: ``+0,25``, ``-1``, ``0``; ``None`` is
    a dash. ``decimalen`` as in :func:`getal`."""
    if waarde is None:
        return _GEEN
    return ("+" if waarde > 0 else "") + getal(waarde, decimalen=decimalen, taal=taal)


def met_eenheid(
    waarde: float | None, eenheid: str, *, significant: int | None = None, taal: str | None = None
) -> str:
    """A value with its unit: ``62%``, ``2,4 punt``, ``12`` (no unit)."""
    tekst = getal(waarde, significant=significant, taal=taal)
    eenheid = eenheid.strip()
    if not eenheid or waarde is None:
        return tekst
    if eenheid == "%":
        return f"{tekst}%"
    return f"{tekst} {eenheid}"


def lange_datum(datum: dt.date, *, taal: str | None = None) -> str:
    """A date written out: ``3 februari 2026`` (``3 February 2026``)."""
    return f"{datum.day} {_MAANDEN[_taal(taal)][datum.month - 1]} {datum.year}"


def korte_datum(datum: dt.date, *, taal: str | None = None) -> str:
    """A date for tight spaces (chart labels): ``8 mrt 2026`` (``8 Mar 2026``)."""
    return f"{datum.day} {_AFKORTINGEN[_taal(taal)][datum.month - 1]} {datum.year}"
