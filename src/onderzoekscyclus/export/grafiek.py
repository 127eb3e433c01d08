"""The run chart of one indicator of a cycle: measurements in time, median, target.

:func:`grafiekgegevens` gathers what a chart shows as plain data (the points, the centre
line and where it comes from, the target, the verdict, the steps of the cycle and the
plan's actions with a day); :func:`teken` draws it as SVG or PNG with matplotlib;
:func:`svg_in_html` gives the SVG to put inside a web page, with a title, a text
alternative and ``role="img"``. :func:`tekstalternatief` and :func:`tabel` say the same
in words and as a table, for readers who do not see the chart.

matplotlib is imported only by :func:`teken`: the commands that do not draw start as
fast as before. Drawing uses a figure of its own (no pyplot), one chart at a time (matplotlib's
settings are global), so a web server may call it from several threads; the SVG is
the same for the same data.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import io
import re
import threading
from html import escape
from typing import Any, Literal

import attrs

from onderzoekscyclus.domein.cyclus import Onderzoekscyclus
from onderzoekscyclus.domein.keuzes import weergave_van
from onderzoekscyclus.domein.meetreeks import (
    Indicatorverloop,
    Meetpunt,
    korte_verlooptekst,
    meetreeks,
    regelkaart_van,
    verloop_van,
    verlooptekst,
)
from onderzoekscyclus.domein.runchart import Regelkaart
from onderzoekscyclus.domein.waarden import Fase
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import getal, korte_datum, met_eenheid

__all__ = [
    "Gebeurtenis",
    "Grafiekgegevens",
    "grafiekgegevens",
    "svg_in_html",
    "tabel",
    "teken",
    "tekstalternatief",
]

Vorm = Literal["svg", "png"]


@attrs.frozen
class Gebeurtenis:
    """A moment drawn on the chart: a step of the cycle (``soort`` ``"fase"``) or an
    action of the plan that starts that day (``"actie"``)."""

    datum: dt.date
    soort: str
    tekst: str


@attrs.frozen
class Grafiekgegevens:
    """Everything one run chart shows. ``regelkaart`` is there when control limits
    were asked for and the series is long enough."""

    indicator: str
    eenheid: str
    groep: str | None
    streefwaarde: float
    punten: tuple[Meetpunt, ...]
    verloop: Indicatorverloop
    gebeurtenissen: tuple[Gebeurtenis, ...] = ()
    regelkaart: Regelkaart | None = None

    def waarde(self, w: float | None) -> str:
        """A value as the reader reads it, with the unit: ``52%``."""
        return met_eenheid(w, self.eenheid, significant=3)

    @property
    def titel(self) -> str:
        """``gemotiveerde lezers`` or ``gemotiveerde lezers — havo 4``."""
        return f"{self.indicator} — {self.groep}" if self.groep else self.indicator


def grafiekgegevens(
    c: Onderzoekscyclus, indicator: str, groep: str | None = None, *, spc: bool = False
) -> Grafiekgegevens:
    """What the run chart of ``indicator`` (in ``groep``, if given) of ``c`` shows."""
    ind = c.indicator(indicator)
    if ind is None:
        raise KeyError(indicator)
    gebeurtenissen = [
        Gebeurtenis(r.datum, "fase", weergave_van(Fase, r.naar))
        for r in c.historie
        if r.van and r.van != r.naar and r.naar in {f.value for f in Fase}
    ]
    gebeurtenissen += [Gebeurtenis(a.datum, "actie", a.wat) for a in c.acties if a.datum]
    return Grafiekgegevens(
        indicator=ind.naam,
        eenheid=ind.eenheid,
        groep=groep,
        streefwaarde=ind.streefwaarde,
        punten=meetreeks(c, ind, groep),
        verloop=verloop_van(c, ind, groep),
        gebeurtenissen=tuple(sorted(gebeurtenissen, key=lambda g: g.datum)),
        regelkaart=regelkaart_van(c, ind, groep) if spc else None,
    )


# --- in words, and as a table ------------------------------------------------------------------


def tekstalternatief(g: Grafiekgegevens) -> str:
    """The chart in words, for a screen reader or a text-only reader."""
    o = g.verloop
    if not g.punten:
        return _("Runchart van '{titel}': nog geen meetpunten.").format(titel=g.titel)
    midden = (
        _("de mediaan van de basislijn") if o.uit_basislijn else _("de mediaan van alle meetpunten")
    )
    delen = [
        ngettext(
            "Runchart van '{titel}': {n} meetpunt van {van} tot {tot}.",
            "Runchart van '{titel}': {n} meetpunten van {van} tot {tot}.",
            len(g.punten),
        ).format(
            titel=g.titel,
            n=len(g.punten),
            van=korte_datum(g.punten[0].datum),
            tot=korte_datum(g.punten[-1].datum),
        ),
        _("De middenlijn is {soort}: {midden}. De streefwaarde is {streef}.").format(
            soort=midden, midden=g.waarde(o.midden), streef=g.waarde(g.streefwaarde)
        ),
    ]
    if o.laatste is not None:
        bereikt = _("bereikt") if o.bereikt else _("nog niet bereikt")
        delen.append(
            _("De laatste waarde is {w}: de streefwaarde is {bereikt}.").format(
                w=g.waarde(o.laatste), bereikt=bereikt
            )
        )
    verloop = verlooptekst(o, g.waarde(o.midden))
    delen.append(verloop[:1].upper() + verloop[1:])
    if g.regelkaart is not None:
        k = g.regelkaart
        delen.append(
            _("Regelgrenzen: {onder} tot {boven} rond het gemiddelde {gem}; {signaal}.").format(
                onder=g.waarde(k.ondergrens),
                boven=g.waarde(k.bovengrens),
                gem=g.waarde(k.gemiddelde),
                signaal=_("signaal") if k.signaal else _("geen signaal"),
            )
        )
    return " ".join(delen)


def tabel(g: Grafiekgegevens) -> list[tuple[str, str, str]]:
    """The points of the chart as rows: day, value, what the point is."""
    rijen = []
    for p in g.punten:
        if p.nulmeting:
            soort = _("nulmeting")
        elif p.basislijn:
            soort = _("basislijn")
        else:
            soort = _("uitvoering")
        if p.aantal > 1:
            soort += " " + _("(gemiddelde van {n})").format(n=p.aantal)
        rijen.append((p.datum.isoformat(), met_eenheid(p.waarde, g.eenheid, significant=6), soort))
    return rijen


# --- drawing -----------------------------------------------------------------------------------

_KLEUREN = {
    "lijn": "#1f4e79",
    "signaal": "#c2410c",
    "mediaan": "#6b7280",
    "streef": "#15803d",
    "grens": "#9333ea",
    "gebeurtenis": "#9ca3af",
}


def _signaalpunten(g: Grafiekgegevens) -> list[int]:
    """The points of the signals that have a start: the run or trend itself."""
    o = g.verloop
    index = {p.datum: i for i, p in enumerate(g.punten) if not p.nulmeting}
    gekozen: set[int] = set()
    for s in o.signalen:
        if s.vanaf is None or s.vanaf not in index:
            continue
        i, genomen = index[s.vanaf], 0
        while i < len(g.punten) and genomen < s.lengte:
            if s.regel == "ihi-trend" or g.punten[i].waarde != o.midden:
                gekozen.add(i)
                genomen += 1
            i += 1
    return sorted(gekozen)


def _gebeurtenissen(ax: Any, g: Grafiekgegevens) -> None:
    """The steps of the cycle along the top, the plan's actions along the bottom; a
    label in the right part of the chart runs to the left of its line."""
    begin, eind = _xbereik(g)
    for soort, hoogte, richting in (("fase", 1.0, -1), ("actie", 0.0, 1)):
        for n, e in enumerate(x for x in g.gebeurtenissen if x.soort == soort):
            x = _x(e.datum)
            links = x > begin + 0.7 * (eind - begin)
            ax.axvline(x, color=_KLEUREN["gebeurtenis"], lw=0.7, ls=":", zorder=1)
            ax.annotate(
                _kort(e.tekst, 32), (x, hoogte), xycoords=("data", "axes fraction"),
                xytext=(-2 if links else 2, richting * (2 + 9 * (n % 3))),
                textcoords="offset points", fontsize=6.5, color="#4b5563",
                ha="right" if links else "left", va="top" if richting < 0 else "bottom",
                bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.9},
                zorder=10, gid=f"{soort}-{n + 1}",
            )  # fmt: skip
    ax.set_xlim(begin, eind)


_TEKENSLOT = threading.Lock()


def teken(g: Grafiekgegevens, vorm: Vorm = "svg") -> bytes:
    """The chart as an SVG or PNG file's bytes; the SVG carries its title and, in a
    ``<desc>``, the chart in words (:func:`tekstalternatief`)."""
    import matplotlib  # noqa: PLC0415 — only drawing commands pay for it
    import matplotlib.dates as mdates  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415

    # rc_context changes matplotlib's global settings: one chart at a time
    with (
        _TEKENSLOT,
        matplotlib.rc_context(
            {
                "svg.hashsalt": "onderzoekscyclus",  # the same file for the same data
                "svg.fonttype": "none",  # text stays text: searchable, readable aloud
                "font.size": 9,
                "axes.spines.top": False,
                "axes.spines.right": False,
            }
        ),
    ):
        # a fixed layout: room for the value axis on the left, the legend on the right,
        # the verdict below (a constrained layout would cost half the drawing time)
        fig = Figure(figsize=(7.5, 3.8))
        fig.subplots_adjust(left=0.085, right=0.735, top=0.91, bottom=0.17)
        ax = fig.add_subplot()
        dagen = [_x(p.datum) for p in g.punten]
        waarden = [p.waarde for p in g.punten]
        o = g.verloop
        if g.punten:
            ax.plot(dagen, waarden, color=_KLEUREN["lijn"], lw=1.3, zorder=3, gid="meetreeks")
            ax.plot(
                dagen, waarden, "o", color=_KLEUREN["lijn"], ms=4, zorder=4,
                label=_("meetpunt"), gid="meetpunten",
            )  # fmt: skip
            basis = [i for i, p in enumerate(g.punten) if p.basislijn]
            if basis:
                ax.plot(
                    [dagen[i] for i in basis], [waarden[i] for i in basis], "o", ms=5,
                    mfc="white", mec=_KLEUREN["lijn"], zorder=5, label=_("basislijn"),
                    gid="basislijn",
                )  # fmt: skip
            signaal = _signaalpunten(g)
            if signaal:
                ax.plot(
                    [dagen[i] for i in signaal], [waarden[i] for i in signaal], "o", ms=5,
                    color=_KLEUREN["signaal"], zorder=6, label=_("signaal"), gid="signaal",
                )  # fmt: skip
        if o.midden is not None:
            soort = _("mediaan basislijn") if o.uit_basislijn else _("mediaan")
            ax.axhline(
                o.midden, color=_KLEUREN["mediaan"], lw=1, zorder=2,
                label=f"{soort} ({g.waarde(o.midden)})", gid="mediaan",
            )  # fmt: skip
        ax.axhline(
            g.streefwaarde, color=_KLEUREN["streef"], lw=1, ls="--", zorder=2,
            label=_("streefwaarde ({w})").format(w=g.waarde(g.streefwaarde)), gid="streefwaarde",
        )  # fmt: skip
        if g.regelkaart is not None:
            k = g.regelkaart
            ax.axhline(
                k.gemiddelde, color=_KLEUREN["grens"], lw=0.8, ls="-.", gid="gemiddelde",
                label=_("gemiddelde ({w})").format(w=g.waarde(k.gemiddelde)),
            )  # fmt: skip
            for grens, naam in ((k.bovengrens, "bovengrens"), (k.ondergrens, "ondergrens")):
                ax.axhline(
                    grens, color=_KLEUREN["grens"], lw=0.8, ls=":", gid=naam,
                    label=_("regelgrenzen") if naam == "bovengrens" else None,
                )  # fmt: skip
            if k.buiten:
                ax.plot(
                    [dagen[i] for i in k.buiten], [waarden[i] for i in k.buiten], "s",
                    ms=6, mfc="none", mec=_KLEUREN["grens"], zorder=7,
                    label=_("buiten de grenzen"), gid="buiten",
                )  # fmt: skip
        _gebeurtenissen(ax, g)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: korte_datum(_dag(x))))
        ax.set_ylim(*_hoogte(g))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: getal(y, significant=6)))
        ax.set_ylabel(g.eenheid or _("waarde"))
        ax.set_title(g.titel, loc="left", fontsize=10, fontweight="bold")
        ax.text(
            0, -0.13, korte_verlooptekst(o), transform=ax.transAxes, fontsize=7.5,
            color="#374151", va="top",
        )  # fmt: skip
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=7, frameon=False)
        uit = io.BytesIO()
        if vorm == "png":
            fig.savefig(uit, format="png", dpi=150, metadata={"Title": g.titel})
            return uit.getvalue()
        fig.savefig(uit, format="svg", metadata={"Date": None, "Title": g.titel})
    # the chart in words right after its title: what a screen reader reads
    svg = uit.getvalue().decode("utf-8")
    titel = re.search(r"<title>.*?</title>", svg, re.S)
    assert titel is not None  # matplotlib writes the metadata's title
    uitleg = f"\n <desc>{escape(tekstalternatief(g), quote=False)}</desc>"
    return (svg[: titel.end()] + uitleg + svg[titel.end() :]).encode("utf-8")


_KLEINSTE_BEREIK = 1e-290


def _hoogte(g: Grafiekgegevens) -> tuple[float, float]:
    """The value axis: every point, the centre line, the target and the limits, with
    room around them; a range too narrow to draw (nearly equal values, or tiny ones) is
    widened around its values, so any accepted value gives a bounded axis."""
    alle = [p.waarde for p in g.punten] + [g.streefwaarde]
    if g.verloop.midden is not None:
        alle.append(g.verloop.midden)
    if g.regelkaart is not None:
        alle += [g.regelkaart.ondergrens, g.regelkaart.bovengrens]
    laag, hoog = min(alle), max(alle)
    grootte = max(abs(laag), abs(hoog))
    if hoog - laag <= max(grootte * 1e-9, _KLEINSTE_BEREIK):
        breed = max(1.0, grootte * 1e-6)
        laag, hoog = laag - breed, hoog + breed
    # room for the steps of the cycle above and the plan's actions below
    boven = 0.25 if any(e.soort == "fase" for e in g.gebeurtenissen) else 0.08
    onder = 0.2 if any(e.soort == "actie" for e in g.gebeurtenissen) else 0.08
    return laag - (hoog - laag) * onder, hoog + (hoog - laag) * boven


def _xbereik(g: Grafiekgegevens) -> tuple[float, float]:
    """The time axis: every point and every step, with room around them (two weeks
    either side of a single day)."""
    dagen = [_x(p.datum) for p in g.punten] + [_x(e.datum) for e in g.gebeurtenissen]
    if not dagen:
        return 0.0, 1.0
    begin, eind = min(dagen), max(dagen)
    marge = max(14.0, (eind - begin) * 0.04)
    return begin - marge, eind + marge


_EPOCHE = dt.date(1970, 1, 1)


def _x(dag: dt.date) -> float:
    """A day as the chart's x: days since :data:`_EPOCHE`, matplotlib's default epoch
    for date numbers (its date locator reads them so)."""
    return float((dag - _EPOCHE).days)


def _dag(x: float) -> dt.date:
    return _EPOCHE + dt.timedelta(days=round(x))


def _kort(tekst: str, lengte: int) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


_PROLOOG = re.compile(r"^.*?(?=<svg\b)", re.S)


def svg_in_html(g: Grafiekgegevens, sleutel: str) -> str:
    """The chart as an ``<svg>`` element for a web page: without the XML prologue, with
    ``role="img"`` and ``aria-labelledby`` pointing at its ``<title>`` and its ``<desc>``
    (the text alternative). ``sleutel`` makes the ids unique on the page."""
    svg = _PROLOOG.sub("", teken(g, "svg").decode("utf-8"), count=1)
    # ids unique on the page, with every reference to them
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{sleutel}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{sleutel}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{sleutel}-\1"', svg)
    svg = svg.replace("<title>", f'<title id="{sleutel}-titel">', 1)
    svg = svg.replace("<desc>", f'<desc id="{sleutel}-uitleg">', 1)
    return re.sub(
        r"<svg\b([^>]*)>",
        lambda m: (
            f'<svg{m.group(1)} role="img" class="grafiek" '
            f'aria-labelledby="{sleutel}-titel {sleutel}-uitleg">'
        ),
        svg,
        count=1,
    )
