"""The research cycle as a state machine, and the operations that move a cycle along.

Every operation is declared in :data:`CYCLUS`, including the ones that keep the phase
(adding to the beginsituatie, a measurement) and pausing and resuming. Every operation
is a pure function: it returns a new cycle with the step in its history, or raises
:class:`~onderzoekscyclus.errors.Geweigerd` with every reason (each a code from
:mod:`onderzoekscyclus.domein.redenen`) and leaves the cycle as it was.

Every operation gets today (``vandaag``) and checks its date: a step never lies after
today (``datum.toekomst``), nor before the step it follows (``datum.volgorde``). A
measurement is a fact of a period: during the uitvoering it lies on or after its start
(the last ``uitvoeren``); a measurement of the baseline, before the uitvoering, on or
after the goal was set (the last ``doel``). Within its period measurements may be
recorded in any order. A new cycle starts on or after the last step of the cycle before
it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence

import attrs

from onderzoekscyclus.domein.cyclus import (
    Actie,
    Bron,
    Evaluatie,
    Fase,
    Indicator,
    Meting,
    Onderbouwing,
    Onderzoekscyclus,
    Pauze,
    controleer_eenheid,
    resultaten_van,
)
from onderzoekscyclus.domein.machine import Machine, Overgang, Overgangsregel, datumredenen
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import Geweigerd, Reden
from onderzoekscyclus.i18n import N_, _

__all__ = [
    "CYCLUS",
    "afronden",
    "beginsituatie",
    "doel",
    "evalueer",
    "hervat",
    "meting",
    "pauzeer",
    "plan",
    "start",
    "terug",
    "uitvoeren",
    "volgende",
]

Toestand = Fase | Pauze


# --- guards: each returns the reason it refuses -----------------------------------------


def _beginsituatie_compleet(c: Onderzoekscyclus) -> Reden | None:
    if not c.beginsituatie:
        return reden("beginsituatie.geen-tekst")
    if not c.bronnen:
        return reden("beginsituatie.geen-bron")
    return None


def _doel_compleet(c: Onderzoekscyclus) -> Reden | None:
    if not c.doel:
        return reden("doel.geen-tekst")
    if not c.visie:
        return reden("doel.geen-visie")
    if not any(not i.achteraf for i in c.indicatoren):
        return reden("doel.geen-indicator")
    return None


def _plan_compleet(c: Onderzoekscyclus) -> Reden | None:
    if not c.acties:
        return reden("plan.geen-actie")
    if not c.onderbouwing:
        return reden("plan.geen-onderbouwing")
    return None


def _metingen_compleet(c: Onderzoekscyclus) -> Reden | None:
    zonder = [i.naam for i in c.indicatoren if not c.metingen_van(i.naam)]
    if zonder:
        return reden(
            "evaluatie.metingen-ontbreken",
            namen=", ".join(f"'{n}'" for n in zonder),
            indicatoren=zonder,
        )
    return None


def _evaluatie_compleet(c: Onderzoekscyclus) -> Reden | None:
    return reden("evaluatie.ontbreekt") if c.evaluatie is None else None


# --- the machine ------------------------------------------------------------------------

_FASEN = tuple(Fase)
_ACTIEF = tuple(f for f in Fase if f is not Fase.AFGEROND)
A, B, D, V, U, E, K = _FASEN  # aanleiding … afgerond ("klaar")


def _zet(c: Onderzoekscyclus, toestand: Toestand) -> Onderzoekscyclus:
    if isinstance(toestand, Pauze):
        return attrs.evolve(c, gepauzeerd=True)
    return attrs.evolve(c, fase=toestand, gepauzeerd=False)


CYCLUS: Machine[Onderzoekscyclus, Toestand] = Machine(
    naam="onderzoekscyclus",
    toestanden=(*_FASEN, Pauze.GEPAUZEERD),
    begin=A,
    overgangen=(
        Overgang("beginsituatie", (A,), B, (_beginsituatie_compleet,)),
        Overgang("beginsituatie", (B,), None, (_beginsituatie_compleet,)),
        Overgang("doel", (B,), D, (_beginsituatie_compleet, _doel_compleet)),
        Overgang("doel", (D,), None, (_doel_compleet,)),
        Overgang("doel", (V, U)),  # only an indicator, marked as added afterwards
        Overgang("plan", (D,), V, (_doel_compleet, _plan_compleet)),
        Overgang("plan", (V,), None, (_plan_compleet,)),
        Overgang("uitvoeren", (V,), U, (_plan_compleet,)),
        Overgang("meting", (D, V), datum_vanaf="doel"),  # the baseline, before the plan runs
        Overgang("meting", (U,), datum_vanaf="uitvoeren"),
        Overgang("evaluatie", (U,), E, (_metingen_compleet, _evaluatie_compleet)),
        Overgang("evaluatie", (E,), None, (_evaluatie_compleet,)),
        Overgang("afronden", (E,), K, (_evaluatie_compleet,)),
        Overgang("volgende", (K,), None, (_evaluatie_compleet,)),
        *(Overgang[Toestand]("terug", (_FASEN[i],), _FASEN[i - 1]) for i in range(1, len(_FASEN))),
        Overgang("pauzeer", _ACTIEF, Pauze.GEPAUZEERD),
        Overgang("hervat", (Pauze.GEPAUZEERD,), naar_vorige=True),
    ),
    lees=lambda c: c.toestand,
    zet=_zet,
    meldingen={
        "beginsituatie": N_("Kan de beginsituatie niet vastleggen"),
        "doel": N_("Kan het doel niet vastleggen"),
        "plan": N_("Kan het verbeterplan niet vastleggen"),
        "uitvoeren": N_("Kan de uitvoering niet starten"),
        "meting": N_("Kan de meting niet toevoegen"),
        "evaluatie": N_("Kan de cyclus niet evalueren"),
        "afronden": N_("Kan de cyclus niet afronden"),
        "volgende": N_("Kan geen volgende cyclus beginnen"),
        "terug": N_("Kan niet terug naar de vorige fase"),
        "pauzeer": N_("Kan de cyclus niet pauzeren"),
        "hervat": N_("Kan de cyclus niet hervatten"),
    },
    volgende={
        A: "beginsituatie",
        B: "doel",
        D: "plan",
        V: "uitvoeren",
        U: "evaluatie",
        E: "afronden",
        K: "volgende",
        Pauze.GEPAUZEERD: "hervat",
    },
    terug="terug",
)
"""The declared state machine of the research cycle (also drawn in the docs)."""


def _weiger(c: Onderzoekscyclus, operatie: str, gevonden: Reden) -> Geweigerd:
    """A refusal of ``operatie`` for a reason found in its input rather than by a guard."""
    return CYCLUS.weigering(operatie, c.toestand, [gevonden])


# --- operations -------------------------------------------------------------------------


def start(
    nummer: int,
    *,
    aanleiding: str,
    vraag: str,
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
    vorige: int | None = None,
    bronnen: Sequence[Bron] = (),
    na: Onderzoekscyclus | None = None,
) -> Onderzoekscyclus:
    """A new cycle in phase ``aanleiding``: the urgent problem or wish, and the question.

    ``na`` is the cycle before it, if any: the new one starts on or after its last step.
    """
    vanaf = max((r.datum for r in na.historie), default=None) if na is not None else None
    redenen = datumredenen(datum, vandaag, vanaf)
    if redenen:
        raise Geweigerd(
            _("Kan geen nieuwe cyclus starten"), redenen, machine=CYCLUS.naam, operatie="start"
        )
    return Onderzoekscyclus(
        nummer=nummer,
        aanleiding=aanleiding,
        vraag=vraag,
        gestart=datum,
        vorige=vorige,
        bronnen=tuple(bronnen),
        historie=(Overgangsregel(datum=datum, overgang="start", van="", naar=A.value, wie=wie),),
    )


def _tekst_of(nieuw: str | None, oud: str | None) -> str | None:
    return nieuw.strip() if nieuw and nieuw.strip() else oud


def beginsituatie(
    c: Onderzoekscyclus,
    *,
    tekst: str | None,
    bronnen: Sequence[Bron],
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Describe where the werkgroep stands and add the evidence (bronnen): moves the
    cycle from ``aanleiding`` to ``beginsituatie``, or adds to what is there."""
    nieuw = attrs.evolve(
        c, beginsituatie=_tekst_of(tekst, c.beginsituatie), bronnen=(*c.bronnen, *bronnen)
    )
    return CYCLUS.voer_uit(nieuw, "beginsituatie", datum=datum, wie=wie, vandaag=vandaag)


def doel(
    c: Onderzoekscyclus,
    *,
    tekst: str | None,
    visie: str | None,
    indicatoren: Sequence[Indicator],
    visie_elementen: Collection[str],
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Set the goal: the text, the vision element it serves, and its indicators.

    From ``beginsituatie`` this moves the cycle to ``doel``; in ``doel`` it adds or
    changes. Once the plan is made, only indicators can be added, marked ``achteraf``.
    """
    if visie is not None:
        bekend = {vergelijkbaar(v): v for v in visie_elementen}
        if vergelijkbaar(visie) not in bekend:
            keuzes = ", ".join(sorted(visie_elementen)) or _("nog geen")
            raise _weiger(
                c, "doel", reden("doel.onbekend-visie-element", visie=visie, bekend=keuzes)
            )
        visie = bekend[vergelijkbaar(visie)]
    dubbel = [i.naam for i in indicatoren if c.indicator(i.naam) is not None]
    if dubbel:
        raise _weiger(c, "doel", reden("doel.indicator-bestaat", naam=dubbel[0]))
    if c.fase in (V, U) and not c.gepauzeerd:
        if tekst or visie or not indicatoren:
            raise _weiger(c, "doel", reden("doel.na-plan"))
        later = tuple(attrs.evolve(i, achteraf=True) for i in indicatoren)
        nieuw = attrs.evolve(c, indicatoren=(*c.indicatoren, *later))
    else:
        nieuw = attrs.evolve(
            c,
            doel=_tekst_of(tekst, c.doel),
            visie=visie or c.visie,
            indicatoren=(*c.indicatoren, *indicatoren),
        )
    return CYCLUS.voer_uit(nieuw, "doel", datum=datum, wie=wie, vandaag=vandaag)


def plan(
    c: Onderzoekscyclus,
    *,
    acties: Sequence[Actie],
    onderbouwing: Sequence[Onderbouwing],
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Make the improvement plan: actions, grounded in literature or experience elsewhere.

    The werkplaats checks that a cycle named as experience elsewhere exists.
    """
    nieuw = attrs.evolve(
        c, acties=(*c.acties, *acties), onderbouwing=(*c.onderbouwing, *onderbouwing)
    )
    return CYCLUS.voer_uit(nieuw, "plan", datum=datum, wie=wie, vandaag=vandaag)


def uitvoeren(
    c: Onderzoekscyclus, *, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Onderzoekscyclus:
    """Start carrying out the plan."""
    return CYCLUS.voer_uit(c, "uitvoeren", datum=datum, wie=wie, vandaag=vandaag)


def meting(
    c: Onderzoekscyclus,
    *,
    indicator: str,
    waarde: float | str,
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
    groep: str | None = None,
) -> Onderzoekscyclus:
    """Record a value of an indicator on a date (in ``groep``, a part of the whole, if
    given): during the uitvoering, from its start (the last ``uitvoeren``) up to today;
    or before it, once the goal is set (the last ``doel``), as part of the baseline. In
    any order within its period.

    .. versionchanged:: 0.2.0 ``groep``, and measurements of the baseline
    """
    gevonden = c.indicator(indicator)
    if gevonden is None and c.toestand in (D, V, U):
        namen = ", ".join(f"'{i.naam}'" for i in c.indicatoren)
        raise _weiger(c, "meting", reden("meting.onbekende-indicator", naam=indicator, namen=namen))
    naam = gevonden.naam if gevonden is not None else indicator
    if gevonden is not None and isinstance(waarde, str):
        controleer_eenheid(waarde, gevonden)
    if gevonden is not None and groep and groep.strip():
        # the series module (run charts, statistics) is loaded only here: lists of
        # cycles do without it
        from onderzoekscyclus.domein.meetreeks import groepen_van, groepsleutel  # noqa: PLC0415

        # "groep7" and "Groep 7" are the group already measured, as it was written then
        sleutel = groepsleutel(groep)
        groep = next((g for g in groepen_van(c, naam) if groepsleutel(g) == sleutel), groep)
    gemeten = Meting(indicator=naam, datum=datum, waarde=waarde, groep=groep)  # reads "48%"
    nieuw = attrs.evolve(c, metingen=(*c.metingen, gemeten))
    return CYCLUS.voer_uit(
        nieuw, "meting", datum=datum, wie=wie, reden=gemeten.historietekst, vandaag=vandaag
    )


def evalueer(
    c: Onderzoekscyclus,
    *,
    conclusie: str,
    tekst: str,
    lessen: Iterable[str] = (),
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Compare the measurements with the targets and conclude; moves to ``evaluatie``."""
    evaluatie = Evaluatie(
        conclusie=conclusie,
        tekst=tekst,
        datum=datum,
        lessen=tuple(les.strip() for les in lessen if les.strip()),
    )
    return CYCLUS.voer_uit(
        attrs.evolve(c, evaluatie=evaluatie), "evaluatie", datum=datum, wie=wie, vandaag=vandaag
    )


def afronden(
    c: Onderzoekscyclus, *, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Onderzoekscyclus:
    """Close the cycle: its results are there to share."""
    return CYCLUS.voer_uit(c, "afronden", datum=datum, wie=wie, vandaag=vandaag)


def volgende(
    c: Onderzoekscyclus,
    *,
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
    vraag: str | None = None,
) -> tuple[Onderzoekscyclus, Onderzoekscyclus]:
    """A new cycle that starts from the evaluation of the finished cycle ``c``.

    Returns ``c`` with the step recorded, and the new cycle (its first bron is the
    evaluation of ``c``).
    """
    oud = CYCLUS.voer_uit(
        c, "volgende", datum=datum, wie=wie, reden=str(c.nummer + 1), vandaag=vandaag
    )
    assert c.evaluatie is not None  # the guard of "volgende" asks for it
    resultaten = "; ".join(
        f"{r.indicator}: {r.laatste:g}{r.eenheid} (doel {r.streefwaarde:g}{r.eenheid})"
        for r in resultaten_van(c)
        if r.laatste is not None
    )
    bron = Bron(
        beschrijving=_("Evaluatie van cyclus {n}: {conclusie}. {resultaten}")
        .format(n=c.nummer, conclusie=c.evaluatie.conclusie.value, resultaten=resultaten)
        .strip(),
        datum=c.evaluatie.datum,
        soort="evaluatie",
    )
    nieuw = start(
        c.nummer + 1,
        aanleiding=_("Vervolg op cyclus {n}: {tekst}").format(n=c.nummer, tekst=c.evaluatie.tekst),
        vraag=vraag or c.vraag,
        datum=datum,
        vandaag=vandaag,
        wie=wie,
        vorige=c.nummer,
        bronnen=(bron,),
        na=oud,
    )
    return oud, nieuw


def terug(
    c: Onderzoekscyclus, *, reden: str, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Onderzoekscyclus:
    """Go back one phase; the reason is recorded in the history."""
    if not reden or not reden.strip():
        raise _weiger(c, "terug", _geen_reden())
    return CYCLUS.voer_uit(c, "terug", datum=datum, wie=wie, reden=reden.strip(), vandaag=vandaag)


def _geen_reden() -> Reden:
    return reden("terug.geen-reden")


def pauzeer(
    c: Onderzoekscyclus,
    *,
    reden: str | None,
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Pause the cycle: it keeps its phase, and nothing changes until it is resumed."""
    return CYCLUS.voer_uit(c, "pauzeer", datum=datum, wie=wie, reden=reden, vandaag=vandaag)


def hervat(
    c: Onderzoekscyclus, *, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Onderzoekscyclus:
    """Resume a paused cycle in the phase it was in."""
    return CYCLUS.voer_uit(c, "hervat", datum=datum, wie=wie, vandaag=vandaag)
