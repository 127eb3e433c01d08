"""An indicator's measurements as a series in time, and the verdict it allows.

A werkgroep asks two questions of its data: *did we reach the target?* (the last value
against the streefwaarde) and *did something really change?* (a run chart: the
measurements around their median, read with the rules of
:mod:`onderzoekscyclus.domein.runchart`). This module builds the series of one indicator
of a cycle — in total, or for one group (a class, a year group, a school) — and gives
its :class:`Indicatorverloop`: both answers, and how often the werkgroep measured.

The **series** of an indicator starts with its nulmeting (on the day the indicator was
set), followed by the measurements, one point per day: on a day with measurements of
several groups the total is their mean. A group's series has its own measurements only.
The **baseline** is every point before the uitvoering started (the first
``uitvoeren``): the median of the baseline is the centre line, or the median of all
points when there is no baseline yet (or nothing after it).

Pure: no I/O, no clock.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

import attrs

from onderzoekscyclus.domein.cyclus import Conclusie, Indicator, Onderzoekscyclus
from onderzoekscyclus.domein.runchart import (
    MINIMUM,
    TREND,
    VERSCHUIVING,
    Regelkaart,
    Runanalyse,
    analyseer,
    regelkaart,
)
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.tijd import dagen_tussen
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import met_eenheid

__all__ = [
    "REGELS",
    "Indicatorverloop",
    "Meetpunt",
    "Signaal",
    "Waarschuwing",
    "groepen_van",
    "groepsleutel",
    "hoofdsignaal",
    "korte_verlooptekst",
    "meetreeks",
    "regelkaart_van",
    "signaaltekst",
    "start_uitvoering",
    "verloop_van",
    "verlooptekst",
    "waarschuwingen",
]

REGELS = ("anhoej-run", "anhoej-kruisingen", "ihi-verschuiving", "ihi-trend")
"""The rules a signal names, by stable key: the Anhøj longest run and crossings, the IHI
shift and trend."""


@attrs.frozen
class Meetpunt:
    """One point of a series: a day and its value. ``basislijn``: before the uitvoering
    started; ``nulmeting``: the indicator's nulmeting rather than a measurement;
    ``aantal``: how many measurements the point is the mean of."""

    datum: dt.date
    waarde: float
    basislijn: bool = False
    nulmeting: bool = False
    aantal: int = 1


@attrs.frozen
class Signaal:
    """A rule that finds a non-random change: which (a key of :data:`REGELS`), from which
    day (``None`` for the crossings, which count the whole series), which way
    (``richting``: +1 above the median or going up, −1 below or going down, 0 for the
    crossings), how long the run, trend or number of crossings is (``lengte``) and the
    limit it passed (``grens``)."""

    regel: str
    vanaf: dt.date | None
    richting: int
    lengte: int
    grens: int


@attrs.frozen
class Indicatorverloop:
    """What one series of an indicator says (``groep`` ``None``: the total).

    ``punten`` counts the points of the series (the nulmeting included), ``metingen``
    the measurements; ``midden`` is the centre line, the median of the baseline when
    ``uit_basislijn``, else of all points. ``signaal`` is ``None`` while the series has
    fewer than :data:`~onderzoekscyclus.domein.runchart.MINIMUM` points (``tekort`` says
    how many more are needed), else whether any rule finds a non-random change; the
    rules that do are in ``signalen``. ``gunstig``: a signal goes the way of the target
    (``False`` when signals go only away from it or have no way, like the crossings).
    ``laatste`` and ``datum`` are the last measured point, ``bereikt`` whether it meets
    the target (``None`` before a measurement). ``dagen_tussen`` is the median number of
    days between measurements (``None`` with fewer than two days).
    """

    indicator: str
    groep: str | None
    punten: int
    metingen: int
    midden: float | None
    uit_basislijn: bool
    signaal: bool | None
    signalen: tuple[Signaal, ...] = ()
    gunstig: bool | None = None
    tekort: int = 0
    laatste: float | None = None
    datum: dt.date | None = None
    bereikt: bool | None = None
    dagen_tussen: float | None = None
    uitvoering_vanaf: dt.date | None = None


def start_uitvoering(c: Onderzoekscyclus) -> dt.date | None:
    """The day the uitvoering first started, if it did: where the baseline ends."""
    return next((r.datum for r in c.historie if r.overgang == "uitvoeren"), None)


def _indicator(c: Onderzoekscyclus, indicator: Indicator | str) -> Indicator:
    if isinstance(indicator, Indicator):
        return indicator
    gevonden = c.indicator(indicator)
    if gevonden is None:
        raise KeyError(indicator)
    return gevonden


def groepsleutel(groep: str) -> str:
    """What makes two spellings one group: case, accents and spaces do not count
    (``"Groep 7"``, ``"groep7"``)."""
    return vergelijkbaar(groep).replace(" ", "")


def groepen_van(c: Onderzoekscyclus, indicator: Indicator | str) -> tuple[str, ...]:
    """The groups the indicator was measured in, in the order first measured, each in
    the spelling it was first measured with."""
    ind = _indicator(c, indicator)
    eerste: dict[str, str] = {}
    for m in c.metingen_van(ind.naam):
        if m.groep:
            eerste.setdefault(groepsleutel(m.groep), m.groep)
    return tuple(eerste.values())


def meetreeks(
    c: Onderzoekscyclus, indicator: Indicator | str, groep: str | None = None
) -> tuple[Meetpunt, ...]:
    """The series of ``indicator`` in time order: the nulmeting and one point per day
    (the mean of that day's measurements), or only ``groep``'s measurements."""
    import statistics  # noqa: PLC0415 - loaded for a series, not for every list of cycles

    ind = _indicator(c, indicator)
    start = start_uitvoering(c)

    def voor_start(dag: dt.date) -> bool:
        return start is None or dag < start

    per_dag: dict[dt.date, list[float]] = defaultdict(list)
    gezocht = groepsleutel(groep) if groep else None
    for m in c.metingen_van(ind.naam):
        if gezocht is None or (m.groep and groepsleutel(m.groep) == gezocht):
            per_dag[m.datum].append(m.waarde)
    punten = [
        Meetpunt(dag, statistics.fmean(w), voor_start(dag), aantal=len(w))
        for dag, w in sorted(per_dag.items())
    ]
    if groep is None:
        nul = Meetpunt(ind.vastgesteld, ind.nulmeting, voor_start(ind.vastgesteld), nulmeting=True)
        punten.insert(0, nul)
        punten.sort(key=lambda p: (p.datum, not p.nulmeting))
    return tuple(punten)


def _omhoog(ind: Indicator) -> bool:
    """Higher is better (the target lies at or above the nulmeting)."""
    return ind.streefwaarde >= ind.nulmeting


def _bereikt(ind: Indicator, waarde: float) -> bool:
    return waarde >= ind.streefwaarde if _omhoog(ind) else waarde <= ind.streefwaarde


def _signalen(reeks: Sequence[Meetpunt], analyse: Runanalyse) -> tuple[Signaal, ...]:
    a, i = analyse.anhoej, analyse.ihi
    if a is None or i is None:
        return ()

    def dag(index: int | None) -> dt.date | None:
        return reeks[index].datum if index is not None else None

    uit = []
    if a.run_signaal:
        uit.append(
            Signaal(
                "anhoej-run", dag(a.langste_run_vanaf), a.langste_run_kant, a.langste_run,
                a.langste_run_max,
            )
        )  # fmt: skip
    if a.kruisingen_signaal:
        uit.append(Signaal("anhoej-kruisingen", None, 0, a.kruisingen, a.kruisingen_min))
    if i.verschuiving_vanaf is not None:
        uit.append(
            Signaal(
                "ihi-verschuiving", dag(i.verschuiving_vanaf), i.verschuiving_kant,
                i.langste_verschuiving, VERSCHUIVING,
            )
        )  # fmt: skip
    if i.trend_vanaf is not None:
        uit.append(
            Signaal("ihi-trend", dag(i.trend_vanaf), i.trend_richting, i.langste_trend, TREND)
        )
    return tuple(uit)


def verloop_van(
    c: Onderzoekscyclus, indicator: Indicator | str, groep: str | None = None
) -> Indicatorverloop:
    """The verdict on one series of ``indicator``: target and signal."""
    ind = _indicator(c, indicator)
    reeks = meetreeks(c, ind, groep)
    waarden = [p.waarde for p in reeks]
    basislijn = sum(p.basislijn for p in reeks)
    analyse = analyseer(waarden, basislijn)
    gemeten = [p for p in reeks if not p.nulmeting]
    laatste = gemeten[-1] if gemeten else None
    signalen = _signalen(reeks, analyse)
    goede_kant = 1 if _omhoog(ind) else -1
    gunstig = any(s.richting == goede_kant for s in signalen) if signalen else None
    meetdagen = [m.datum for m in c.metingen_van(ind.naam)]
    return Indicatorverloop(
        indicator=ind.naam,
        groep=groep,
        punten=len(reeks),
        metingen=sum(p.aantal for p in gemeten),
        midden=analyse.midden if reeks else None,
        uit_basislijn=analyse.uit_basislijn,
        signaal=analyse.signaal,
        signalen=signalen,
        gunstig=gunstig,
        tekort=analyse.tekort,
        laatste=laatste.waarde if laatste else None,
        datum=laatste.datum if laatste else None,
        bereikt=_bereikt(ind, laatste.waarde) if laatste else None,
        dagen_tussen=dagen_tussen([p.datum for p in gemeten] if groep else meetdagen),
        uitvoering_vanaf=start_uitvoering(c),
    )


def regelkaart_van(
    c: Onderzoekscyclus, indicator: Indicator | str, groep: str | None = None
) -> Regelkaart | None:
    """The control chart of the series (``None`` with too few points for one)."""
    return regelkaart([p.waarde for p in meetreeks(c, indicator, groep)])


# --- warnings where the werkgroep concludes ---------------------------------------------------


@attrs.frozen
class Waarschuwing:
    """Something to look at again before concluding: a stable ``code``, the indicator
    it is about and the text for people.

    Codes: ``bereikt.doel-gemist`` (the last value misses the target),
    ``bereikt.te-weinig-metingen`` (too few points for a verdict on change),
    ``bereikt.geen-signaal`` (no sign of a non-random change), ``bereikt.verkeerde-kant``
    (no signal goes the way of the target, and one goes away from it).
    """

    code: str
    indicator: str
    tekst: str


def waarschuwingen(c: Onderzoekscyclus) -> tuple[Waarschuwing, ...]:
    """Why a conclusion ``bereikt`` may claim more than the data show: per indicator,
    the last value misses the target, or there is no (or not yet a) signal of change
    toward it. Nothing when the conclusion is another."""
    if c.evaluatie is None or c.evaluatie.conclusie is not Conclusie.BEREIKT:
        return ()
    uit = []
    for ind in c.indicatoren:
        o = verloop_van(c, ind)
        if o.bereikt is False:
            uit.append(
                Waarschuwing(
                    "bereikt.doel-gemist",
                    ind.naam,
                    _("de laatste meting van '{i}' ({w}) haalt de streefwaarde ({s}) niet")
                    .format(
                        i=ind.naam,
                        w=met_eenheid(o.laatste, ind.eenheid),
                        s=met_eenheid(ind.streefwaarde, ind.eenheid),
                    ),
                )
            )  # fmt: skip
        if o.signaal is None:
            uit.append(
                Waarschuwing(
                    "bereikt.te-weinig-metingen",
                    ind.naam,
                    _(
                        "'{i}' heeft {n} meetpunten: te weinig om een echte verandering van "
                        "toeval te onderscheiden (nodig: {minimum})"
                    ).format(i=ind.naam, n=o.punten, minimum=MINIMUM),
                )
            )
        elif not o.signaal:
            uit.append(
                Waarschuwing(
                    "bereikt.geen-signaal",
                    ind.naam,
                    _(
                        "de metingen van '{i}' tonen geen signaal van een echte verandering: "
                        "wat u ziet kan toeval zijn"
                    ).format(i=ind.naam),
                )
            )
        elif o.gunstig is False:
            uit.append(
                Waarschuwing(
                    "bereikt.verkeerde-kant",
                    ind.naam,
                    _("'{i}' verandert, maar van de streefwaarde af").format(i=ind.naam),
                )
            )
    return tuple(uit)


# --- the verdict in words ------------------------------------------------------------------

_NAAM = {
    "anhoej-run": "Anhøj",
    "anhoej-kruisingen": "Anhøj",
    "ihi-verschuiving": "IHI",
    "ihi-trend": "IHI",
}


def hoofdsignaal(o: Indicatorverloop) -> Signaal | None:
    """The signal a verdict leads with: the earliest one the way of the target, else the
    earliest one."""
    if not o.signalen:
        return None
    goede_kant = [s for s in o.signalen if o.gunstig and s.richting != 0]
    gedateerd = [s for s in (goede_kant or o.signalen) if s.vanaf is not None]
    return min(gedateerd, key=lambda s: s.vanaf or dt.date.min, default=o.signalen[0])


def _sinds(s: Signaal, start: dt.date | None) -> str:
    """`` sinds 2027-01-18``, saying so when that day lies in the baseline."""
    if s.vanaf is None:
        return ""
    if start is not None and s.vanaf < start:
        return _(" sinds {datum} (al in de basislijn)").format(datum=s.vanaf.isoformat())
    return _(" sinds {datum}").format(datum=s.vanaf.isoformat())


def signaaltekst(s: Signaal, midden: str, start: dt.date | None = None) -> str:
    """One signal in words, with the rule and its limit: ``"8 meetpunten op rij boven de
    mediaan (52%) sinds 2027-01-18 (Anhøj: meer dan 7 is geen toeval)"``; ``start``: the
    day the uitvoering started, to say when the run began in the baseline."""
    sinds = _sinds(s, start)
    kant = _("boven") if s.richting > 0 else _("onder")
    if s.regel == "anhoej-run":
        return _(
            "{n} meetpunten op rij {kant} de mediaan ({midden}){sinds} (Anhøj: meer dan "
            "{grens} op rij is geen toeval)"
        ).format(n=s.lengte, kant=kant, midden=midden, sinds=sinds, grens=s.grens)
    if s.regel == "anhoej-kruisingen":
        return _(
            "de lijn kruist de mediaan ({midden}) maar {n} keer (Anhøj: minder dan {grens} "
            "keer is geen toeval)"
        ).format(n=s.lengte, midden=midden, grens=s.grens)
    if s.regel == "ihi-verschuiving":
        return _(
            "{n} meetpunten op rij {kant} de mediaan ({midden}){sinds} (IHI: een verschuiving "
            "is {grens} of meer)"
        ).format(n=s.lengte, kant=kant, midden=midden, sinds=sinds, grens=s.grens)
    richting = _("stijgend") if s.richting > 0 else _("dalend")
    return _("{n} meetpunten op rij {richting}{sinds} (IHI: een trend is {grens} of meer)").format(
        n=s.lengte, richting=richting, sinds=sinds, grens=s.grens
    )


def verlooptekst(o: Indicatorverloop, midden: str) -> str:
    """The verdict on change in plain words (``midden``: the centre line as the reader
    reads it, ``"52%"``)."""
    if o.signaal is None:
        return ngettext(
            "nog geen oordeel over verandering: {n} meetpunt, nodig zijn er {minimum} (nog "
            "{tekort}). Meet vaker, bijvoorbeeld elke week of om de week.",
            "nog geen oordeel over verandering: {n} meetpunten, nodig zijn er {minimum} (nog "
            "{tekort}). Meet vaker, bijvoorbeeld elke week of om de week.",
            o.punten,
        ).format(n=o.punten, minimum=MINIMUM, tekort=o.tekort)
    if not o.signaal:
        return _(
            "geen signaal van een echte verandering: de metingen schommelen rond de mediaan "
            "({midden}); wat u ziet kan toeval zijn."
        ).format(midden=midden)
    s = hoofdsignaal(o)
    assert s is not None  # a signal has at least one rule
    if s.richting == 0:
        richting = ""
    elif o.gunstig:
        richting = _(", de goede kant op")
    else:
        richting = _(", van de streefwaarde af")
    ook = sorted({_NAAM[x.regel] for x in o.signalen} - {_NAAM[s.regel]})
    extra = _(" Ook {regels} ziet een signaal.").format(regels=", ".join(ook)) if ook else ""
    return (
        _("signaal van een echte verandering{richting}: {signaal}.").format(
            richting=richting, signaal=signaaltekst(s, midden, o.uitvoering_vanaf)
        )
        + extra
    )


def korte_verlooptekst(o: Indicatorverloop) -> str:
    """The verdict on change in a few words, for a line per group: ``"signaal, de
    goede kant op, sinds 2027-01-18 (Anhøj, IHI)"``."""
    if o.signaal is None:
        return ngettext(
            "nog geen oordeel (nog {n} meetpunt nodig)",
            "nog geen oordeel (nog {n} meetpunten nodig)",
            o.tekort,
        ).format(n=o.tekort)
    if not o.signaal:
        return _("geen signaal van een echte verandering")
    s = hoofdsignaal(o)
    assert s is not None
    delen = [_("signaal")]
    if s.richting != 0:
        delen.append(_("de goede kant op") if o.gunstig else _("van de streefwaarde af"))
    if s.vanaf is not None:
        delen.append(_sinds(s, o.uitvoering_vanaf).strip())
    regels = ", ".join(sorted({_NAAM[x.regel] for x in o.signalen}))
    return ", ".join(delen) + f" ({regels})"
