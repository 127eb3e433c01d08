"""The chart of one indicator: its baseline, its measurements over time and its target.

An inline SVG drawn here, without a charting library, so the poster stays one file that
needs nothing from the internet. Time runs left to right (days to scale), the value
bottom to top; the target is a dashed line. Every point carries its date and value in
``data-datum`` and ``data-waarde`` attributes and in a tooltip, so the chart can be
checked by a program as well as read by a person.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable, Sequence

from onderzoekscyclus import Indicator, Meting
from onderzoekscyclus.export import getal as _getal
from onderzoekscyclus.export import korte_datum, lange_datum
from onderzoekscyclus.export import met_eenheid as _met_eenheid

__all__ = ["getal", "grafiek", "met_eenheid"]

BREEDTE, HOOGTE = 520, 280
LINKS, RECHTS, BOVEN, ONDER = 52, 96, 18, 44
_MIN_AFSTAND_LABELS = 74
_MAX_STREEPJES = 12
_KLEINSTE_BEREIK = 1e-290


def _e(tekst: str) -> str:
    return html.escape(tekst, quote=True)


def getal(waarde: float) -> str:
    """A number as a reader writes it, short enough for a chart label: ``7,5``, ``62``."""
    return _getal(waarde, significant=6)


def met_eenheid(waarde: float, eenheid: str) -> str:
    """``62%``, ``2,4 score 1-5``, ``12``: a value with its unit, for the chart."""
    return _met_eenheid(waarde, eenheid, significant=6)


def _stap(bereik: float, aantal: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) that divides ``bereik`` in about ``aantal``."""
    ruw = bereik / aantal
    macht = 10.0 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 5, 10):
        if ruw <= factor * macht:
            return factor * macht
    return 10 * macht


def _as(waarden: Sequence[float]) -> tuple[float, float, list[float]]:
    """The value axis: bottom, top and the round values to mark on it.

    Any finite values up to about 1e300 in size give an axis: a range too narrow to draw
    (relative to the size of its values, or below ``_KLEINSTE_BEREIK``) is widened
    around its values, so the step is always far larger than the spacing of floats near
    them, and the marks are counted, not stepped through, and at most ``_MAX_STREEPJES``.
    """
    laag, hoog = min(waarden), max(waarden)
    grootte = max(abs(laag), abs(hoog))
    if hoog - laag <= max(grootte * 1e-9, _KLEINSTE_BEREIK):
        breed = max(1.0, grootte * 1e-6)
        laag, hoog = laag - breed, hoog + breed
    # room above and below, so no point or label sits on the edge
    laag, hoog = laag - (hoog - laag) * 0.05, hoog + (hoog - laag) * 0.08
    stap = _stap(hoog - laag)
    eerste = math.floor(laag / stap)
    aantal = min(max(math.ceil(hoog / stap) - eerste, 1), _MAX_STREEPJES - 1)
    streepjes = [(eerste + i) * stap for i in range(aantal + 1)]
    return streepjes[0], streepjes[-1], streepjes


def _cijfers(streepjes: Sequence[float]) -> int:
    """Significant digits that write every mark of the axis differently (6 at least)."""
    stap = streepjes[1] - streepjes[0]
    grootte = max(abs(streepjes[0]), abs(streepjes[-1]))
    nodig = math.floor(math.log10(grootte)) - math.floor(math.log10(stap)) + 2
    return min(max(6, nodig), 17)


def grafiek(
    indicator: Indicator, metingen: Sequence[Meting], *, sleutel: str, cyclus: int | None = None
) -> str:
    """The SVG chart of ``indicator`` with ``metingen`` (oldest first).

    ``sleutel`` makes the ids inside the SVG unique on the page.
    """
    punten = [
        (indicator.vastgesteld, indicator.nulmeting),
        *((m.datum, m.waarde) for m in metingen),
    ]
    eerste = min(d for d, _w in punten)
    laatste = max(d for d, _w in punten)
    dagen = max((laatste - eerste).days, 1)
    onder, boven, streepjes = _as([indicator.streefwaarde, *(w for _d, w in punten)])
    vlak_b = BREEDTE - LINKS - RECHTS
    vlak_h = HOOGTE - BOVEN - ONDER

    def x(datum: dt.date) -> float:
        if eerste == laatste:
            return LINKS + vlak_b / 2
        return LINKS + vlak_b * (datum - eerste).days / dagen

    def y(waarde: float) -> float:
        return BOVEN + vlak_h * (boven - waarde) / (boven - onder)

    naam, eenheid = indicator.naam, indicator.eenheid
    titel = f"{naam}: van {met_eenheid(indicator.nulmeting, eenheid)} naar {met_eenheid(indicator.streefwaarde, eenheid)}"
    beschrijving = "; ".join(
        [
            f"nulmeting {met_eenheid(indicator.nulmeting, eenheid)} op {lange_datum(indicator.vastgesteld)}"
        ]
        + [f"meting {lange_datum(m.datum)}: {met_eenheid(m.waarde, eenheid)}" for m in metingen]
        + [f"streefwaarde {met_eenheid(indicator.streefwaarde, eenheid)}"]
    )
    attributen = f' data-indicator="{_e(naam)}"'
    if cyclus is not None:
        attributen += f' data-cyclus="{cyclus}"'
    delen = [
        f'<svg class="grafiek" viewBox="0 0 {BREEDTE} {HOOGTE}" role="img" '
        f'aria-labelledby="{sleutel}-titel {sleutel}-uitleg"{attributen}>',
        f'<title id="{sleutel}-titel">{_e(titel)}</title>',
        f'<desc id="{sleutel}-uitleg">{_e(beschrijving)}</desc>',
    ]
    cijfers = _cijfers(streepjes)
    for waarde in streepjes:
        hoogte = y(waarde)
        delen.append(
            f'<line class="raster" x1="{LINKS}" x2="{LINKS + vlak_b}" '
            f'y1="{hoogte:.2f}" y2="{hoogte:.2f}"></line>'
            f'<text class="as" x="{LINKS - 6}" y="{hoogte + 4:.2f}" text-anchor="end">'
            f"{_e(_getal(waarde, significant=cijfers))}</text>"
        )
    doel = y(indicator.streefwaarde)
    delen.append(
        f'<line class="streefwaarde" data-waarde="{indicator.streefwaarde!r}" '
        f'x1="{LINKS}" x2="{LINKS + vlak_b}" y1="{doel:.2f}" y2="{doel:.2f}"></line>'
        f'<text class="doel" x="{LINKS + vlak_b + 6}" y="{doel + 4:.2f}">'
        f"doel {_e(met_eenheid(indicator.streefwaarde, eenheid))}</text>"
    )
    lijn = " ".join(f"{x(d):.2f},{y(w):.2f}" for d, w in sorted(punten, key=lambda p: p[0]))
    delen.append(f'<polyline class="verloop" points="{lijn}"></polyline>')
    for i, (datum, waarde) in enumerate(punten):
        soort = "nulmeting" if i == 0 else "meting"
        delen.append(
            f'<circle class="{soort}" data-datum="{datum.isoformat()}" data-waarde="{waarde!r}" '
            f'cx="{x(datum):.2f}" cy="{y(waarde):.2f}" r="{5 if i else 6}">'
            f"<title>{soort} {_e(lange_datum(datum))}: {_e(met_eenheid(waarde, eenheid))}</title>"
            f"</circle>"
            f'<text class="waarde" x="{x(datum):.2f}" y="{y(waarde) - 10:.2f}" text-anchor="middle">'
            f"{_e(getal(waarde))}</text>"
        )
    delen.extend(_datumlabels(sorted({d for d, _w in punten}), x, BOVEN + vlak_h))
    delen.append(
        f'<line class="as" x1="{LINKS}" x2="{LINKS + vlak_b}" y1="{BOVEN + vlak_h}" '
        f'y2="{BOVEN + vlak_h}"></line>'
    )
    delen.append("</svg>")
    return "".join(delen)


def _datumlabels(data: Sequence[dt.date], x: Callable[[dt.date], float], basis: float) -> list[str]:
    """Date labels under the axis, skipping those that would overlap (the last one stays)."""
    gekozen: list[dt.date] = []
    for datum in data:
        if gekozen and x(datum) - x(gekozen[-1]) < _MIN_AFSTAND_LABELS:
            if datum == data[-1]:
                gekozen[-1] = datum
            continue
        gekozen.append(datum)
    return [
        f'<text class="as" x="{x(datum):.2f}" y="{basis + 18}" text-anchor="middle">'
        f"{_e(korte_datum(datum))}</text>"
        for datum in gekozen
    ]
