"""What a zelfevaluatie shows: results per item and domain, advice, and comparisons.

The aggregation is pure and exact. Per item it gives the mean, the distribution over
the scale and the spread (population standard deviation: the respondents are the team
itself, not a sample of it); an item whose spread reaches the instrument's threshold
is a topic to discuss, because where colleagues disagree is where the conversation
is. Per domain it gives the mean of its item means. Means and spreads are computed
from the counts per scale point with fractions, so they do not depend on the order of
the respondents, and rounded to two decimals only at the end.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from onderzoekscyclus.domein.zelfevaluatie import Instrument, Niveau, Stap, Zelfevaluatie
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = [
    "Advies",
    "Domeinresultaat",
    "Domeinvergelijking",
    "Itemresultaat",
    "Itemvergelijking",
    "Resultaat",
    "Vergelijking",
    "bereken",
    "vergelijk",
]

_AANTAL_UITERSTEN = 3
"""How many strongest and weakest elements a result names."""

# --- results -------------------------------------------------------------------------------


@attrs.frozen
class Itemresultaat:
    """What the respondents said about one item."""

    item: str
    tekst: str
    domein: str
    n: int
    """How many respondents answered it."""
    gemiddelde: float | None
    verdeling: tuple[int, ...]
    """How many chose each scale point, from the first to the last."""
    spreiding: float | None
    """Population standard deviation of the answers."""
    bespreken: bool
    """The spread reaches the threshold: colleagues see this differently."""
    verschil: float | None = None
    """Change of the mean since the earlier measurement, if there is one."""


@attrs.frozen
class Domeinresultaat:
    """The mean of a domain: the mean of its item means."""

    domein: str
    naam: str
    gemiddelde: float | None
    verschil: float | None = None


@attrs.frozen
class Advies:
    """A step of the katern that fits a weak domain or item, with its interventions."""

    stap: int
    titel: str
    kern: str
    domeinen: tuple[str, ...]
    """Names of the weak domains it fits."""
    items: tuple[str, ...]
    """Ids of the weak items it fits."""
    interventies: tuple[str, ...]


@attrs.frozen
class Resultaat:
    """The results of one measurement, compared with an earlier one if given."""

    instrument: str
    instrument_naam: str
    schaal: tuple[str, ...]
    meting: str
    datum: dt.date
    school: str | None
    school_naam: str | None
    respondenten: int
    concepten: int
    drempel: float
    gemiddelde: float | None
    domeinen: tuple[Domeinresultaat, ...]
    items: tuple[Itemresultaat, ...]
    sterkst: tuple[str, ...]
    """Ids of the items with the highest means (at most three)."""
    zwakst: tuple[str, ...]
    """Ids of the items with the lowest means (at most three)."""
    bespreken: tuple[str, ...]
    """Ids of the items whose spread reaches the threshold."""
    zwakste_domeinen: tuple[str, ...]
    """Ids of the weakest domains, the weakest first."""
    advies: tuple[Advies, ...]
    vorige: str | None = None
    vorige_datum: dt.date | None = None
    verschil: float | None = None
    genegeerd: tuple[str, ...] = ()
    """Answers that were left out: to items the instrument does not have, or off its scale."""


@attrs.frozen
class _Telling:
    n: int
    verdeling: tuple[int, ...]
    gemiddelde: Fraction | None
    variantie: Fraction | None


def _tel(instrument: Instrument, meting: Zelfevaluatie) -> tuple[dict[str, _Telling], list[str]]:
    punten = len(instrument.schaal)
    tellingen = {i.id: [0] * punten for i in instrument.items()}
    genegeerd: list[str] = []
    for r in meting.afgerond():
        for item, punt in r.antwoorden.items():
            if item not in tellingen:
                genegeerd.append(
                    _("{label}: item '{item}' staat niet in het instrument").format(
                        label=r.label, item=item
                    )
                )
            elif not 1 <= punt <= punten:
                genegeerd.append(
                    _("{label}: antwoord {punt} op '{item}' ligt buiten de schaal").format(
                        label=r.label, punt=punt, item=item
                    )
                )
            else:
                tellingen[item][punt - 1] += 1
    uit = {}
    for item, verdeling in tellingen.items():
        n = sum(verdeling)
        if n == 0:
            uit[item] = _Telling(0, tuple(verdeling), None, None)
            continue
        gemiddelde = Fraction(sum(p * c for p, c in enumerate(verdeling, start=1)), n)
        variantie = (
            sum((c * (p - gemiddelde) ** 2 for p, c in enumerate(verdeling, start=1)), Fraction(0))
            / n
        )
        uit[item] = _Telling(n, tuple(verdeling), gemiddelde, variantie)
    return uit, genegeerd


def _rond(waarde: Fraction | None) -> float | None:
    return None if waarde is None else float(round(waarde, 2))


def _spreiding(telling: _Telling) -> float | None:
    if telling.variantie is None:
        return None
    return round(math.sqrt(telling.variantie), 2)


def _gemiddelde(waarden: Iterable[Fraction | None]) -> Fraction | None:
    bekend = [w for w in waarden if w is not None]
    return sum(bekend, Fraction(0)) / len(bekend) if bekend else None


def _verschil(nu: Fraction | None, toen: Fraction | None) -> float | None:
    return None if nu is None or toen is None else _rond(nu - toen)


def _domeinmiddelen(
    instrument: Instrument, tellingen: Mapping[str, _Telling]
) -> dict[str, Fraction | None]:
    return {
        d.id: _gemiddelde(tellingen[i.id].gemiddelde for i in d.items) for d in instrument.domeinen
    }


def _uitersten(
    instrument: Instrument, tellingen: Mapping[str, _Telling]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The strongest and weakest items; none when every answered item scores the same."""
    volgorde = {i.id: n for n, i in enumerate(instrument.items())}
    bekend = [(t.gemiddelde, item) for item, t in tellingen.items() if t.gemiddelde is not None]
    if not bekend:
        return (), ()
    hoogste = max(g for g, _i in bekend)
    laagste = min(g for g, _i in bekend)
    k = min(_AANTAL_UITERSTEN, len(bekend) // 2) or 1
    sterk = sorted(bekend, key=lambda gi: (-gi[0], volgorde[gi[1]]))
    zwak = sorted(bekend, key=lambda gi: (gi[0], volgorde[gi[1]]))
    return (
        tuple(i for g, i in sterk if g > laagste)[:k],
        tuple(i for g, i in zwak if g < hoogste)[:k],
    )


def bereken(
    instrument: Instrument,
    meting: Zelfevaluatie,
    *,
    vorige: Zelfevaluatie | None = None,
    stappen: Mapping[int, Stap] | None = None,
    school_naam: str | None = None,
) -> Resultaat:
    """The results of ``meting``: per item, per domain, the extremes, what to discuss,
    the change since ``vorige`` and the steps of ``stappen`` that fit the weakest parts."""
    tellingen, genegeerd = _tel(instrument, meting)
    oud = _tel(instrument, vorige)[0] if vorige is not None else None
    drempel = instrument.drempel()
    items = _itemresultaten(instrument, tellingen, oud, drempel)
    middelen = _domeinmiddelen(instrument, tellingen)
    oude_middelen = _domeinmiddelen(instrument, oud) if oud else None
    domeinen = tuple(
        Domeinresultaat(
            domein=d.id,
            naam=d.naam,
            gemiddelde=_rond(middelen[d.id]),
            verschil=_verschil(middelen[d.id], oude_middelen[d.id]) if oude_middelen else None,
        )
        for d in instrument.domeinen
    )
    totaal = _gemiddelde(tellingen[i.id].gemiddelde for i in instrument.items())
    oud_totaal = _gemiddelde(t.gemiddelde for t in oud.values()) if oud else None
    sterkst, zwakst = _uitersten(instrument, tellingen)
    zwakke_domeinen = _zwakste_domeinen(instrument, middelen)
    return Resultaat(
        instrument=instrument.id,
        instrument_naam=instrument.naam,
        schaal=instrument.schaal,
        meting=meting.id,
        datum=meting.datum,
        school=meting.school,
        school_naam=school_naam,
        respondenten=len(meting.afgerond()),
        concepten=len(meting.concepten()),
        drempel=float(round(drempel, 2)),
        gemiddelde=_rond(totaal),
        domeinen=domeinen,
        items=tuple(items),
        sterkst=sterkst,
        zwakst=zwakst,
        bespreken=tuple(i.item for i in items if i.bespreken),
        zwakste_domeinen=zwakke_domeinen,
        advies=_advies(instrument, zwakke_domeinen, zwakst, stappen or {}),
        vorige=vorige.id if vorige else None,
        vorige_datum=vorige.datum if vorige else None,
        verschil=_verschil(totaal, oud_totaal),
        genegeerd=tuple(genegeerd),
    )


def _itemresultaten(
    instrument: Instrument,
    tellingen: Mapping[str, _Telling],
    oud: Mapping[str, _Telling] | None,
    drempel: Fraction,
) -> list[Itemresultaat]:
    """Per item its mean, distribution, spread, whether to discuss it, and its change."""
    items = []
    for item in instrument.items():
        t = tellingen[item.id]
        domein = instrument.domein_van(item.id)
        assert domein is not None
        items.append(
            Itemresultaat(
                item=item.id,
                tekst=item.tekst,
                domein=domein.id,
                n=t.n,
                gemiddelde=_rond(t.gemiddelde),
                verdeling=t.verdeling,
                spreiding=_spreiding(t),
                # compare squares: exact, so an answer set on the threshold counts
                bespreken=t.variantie is not None and t.variantie >= drempel**2,
                verschil=_verschil(t.gemiddelde, oud[item.id].gemiddelde) if oud else None,
            )
        )
    return items


def _zwakste_domeinen(
    instrument: Instrument, middelen: Mapping[str, Fraction | None]
) -> tuple[str, ...]:
    """The domain with the lowest mean (all of them on a tie) and every domain below the
    middle of the scale; with a single domain, only when it is below the middle. The
    weakest comes first (on a tie, the instrument's order)."""
    bekend = {d: m for d, m in middelen.items() if m is not None}
    if not bekend:
        return ()
    midden = Fraction(1 + len(instrument.schaal), 2)
    laagste = min(bekend.values())
    meer_dan_een = len(instrument.domeinen) > 1
    zwak = [
        d.id
        for d in instrument.domeinen
        if d.id in bekend and (bekend[d.id] < midden or (meer_dan_een and bekend[d.id] == laagste))
    ]
    return tuple(sorted(zwak, key=lambda d: bekend[d]))


def _advies(
    instrument: Instrument,
    zwakke_domeinen: Sequence[str],
    zwakke_items: Sequence[str],
    stappen: Mapping[int, Stap],
) -> tuple[Advies, ...]:
    per_stap: dict[int, tuple[list[str], list[str]]] = {}
    for domein in instrument.domeinen:
        if domein.id in zwakke_domeinen:
            for nummer in domein.stappen:
                per_stap.setdefault(nummer, ([], []))[0].append(domein.naam)
    for item_id in zwakke_items:
        item = instrument.item(item_id)
        for nummer in item.stappen if item else ():
            per_stap.setdefault(nummer, ([], []))[1].append(item_id)
    adviezen = []
    for nummer, (domeinen, items) in per_stap.items():
        stap = stappen.get(nummer)
        if stap is None:
            continue
        adviezen.append(
            Advies(
                stap=nummer,
                titel=stap.titel,
                kern=stap.kern,
                domeinen=tuple(domeinen),
                items=tuple(items),
                interventies=stap.partnerschap
                if instrument.voor is Niveau.PARTNERSCHAP
                else stap.school,
            )
        )
    # the steps that fit the most weak parts first; a weak domain weighs more than an item
    return tuple(sorted(adviezen, key=lambda a: (-(2 * len(a.domeinen) + len(a.items)), a.stap)))


# --- comparing two measurements --------------------------------------------------------


@attrs.frozen
class Itemvergelijking:
    """One item in two measurements."""

    item: str
    tekst: str
    domein: str
    a: float | None
    b: float | None
    verschil: float | None
    spreiding_a: float | None
    spreiding_b: float | None


@attrs.frozen
class Domeinvergelijking:
    """One domain in two measurements."""

    domein: str
    naam: str
    a: float | None
    b: float | None
    verschil: float | None


@attrs.frozen
class Vergelijking:
    """Two measurements of one instrument side by side: ``b`` minus ``a``."""

    instrument: str
    instrument_naam: str
    a: str
    b: str
    datum_a: dt.date
    datum_b: dt.date
    respondenten_a: int
    respondenten_b: int
    gemiddelde_a: float | None
    gemiddelde_b: float | None
    verschil: float | None
    domeinen: tuple[Domeinvergelijking, ...]
    items: tuple[Itemvergelijking, ...]
    vooruit: tuple[str, ...]
    """Ids of the items whose mean rose the most (at most three)."""
    achteruit: tuple[str, ...]
    """Ids of the items whose mean fell the most (at most three)."""


def vergelijk(instrument: Instrument, a: Zelfevaluatie, b: Zelfevaluatie) -> Vergelijking:
    """How measurement ``b`` differs from measurement ``a`` of the same instrument."""
    if a.instrument != b.instrument or a.instrument != instrument.id:
        raise InvalidValue(
            _(
                "Metingen van verschillende instrumenten ({a}, {b}) zijn niet te vergelijken."
            ).format(a=a.instrument, b=b.instrument)
        )
    ta, tb = _tel(instrument, a)[0], _tel(instrument, b)[0]
    items = tuple(
        Itemvergelijking(
            item=i.id,
            tekst=i.tekst,
            domein=d.id,
            a=_rond(ta[i.id].gemiddelde),
            b=_rond(tb[i.id].gemiddelde),
            verschil=_verschil(tb[i.id].gemiddelde, ta[i.id].gemiddelde),
            spreiding_a=_spreiding(ta[i.id]),
            spreiding_b=_spreiding(tb[i.id]),
        )
        for d in instrument.domeinen
        for i in d.items
    )
    ma, mb = _domeinmiddelen(instrument, ta), _domeinmiddelen(instrument, tb)
    domeinen = tuple(
        Domeinvergelijking(
            domein=d.id,
            naam=d.naam,
            a=_rond(ma[d.id]),
            b=_rond(mb[d.id]),
            verschil=_verschil(mb[d.id], ma[d.id]),
        )
        for d in instrument.domeinen
    )
    totaal_a = _gemiddelde(t.gemiddelde for t in ta.values())
    totaal_b = _gemiddelde(t.gemiddelde for t in tb.values())
    veranderd = [(i.verschil, n, i.item) for n, i in enumerate(items) if i.verschil]
    return Vergelijking(
        instrument=instrument.id,
        instrument_naam=instrument.naam,
        a=a.id,
        b=b.id,
        datum_a=a.datum,
        datum_b=b.datum,
        respondenten_a=len(a.afgerond()),
        respondenten_b=len(b.afgerond()),
        gemiddelde_a=_rond(totaal_a),
        gemiddelde_b=_rond(totaal_b),
        verschil=_verschil(totaal_b, totaal_a),
        domeinen=domeinen,
        items=items,
        vooruit=tuple(i for v, _n, i in sorted(veranderd, key=lambda x: (-x[0], x[1])) if v > 0)[
            :_AANTAL_UITERSTEN
        ],
        achteruit=tuple(i for v, _n, i in sorted(veranderd, key=lambda x: (x[0], x[1])) if v < 0)[
            :_AANTAL_UITERSTEN
        ],
    )
