"""The partnership's expertise overview, answered from the index, equals the overview
worked out directly from the loaded objects by the plain rules of the katern; also
after files changed behind the index's back."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein.expertise import (
    KWALITEITEN,
    Betrokkene,
    Partnerschapsbeeld,
    Specialistsignaal,
    Speerpuntdrager,
    Themadeskundigen,
    schooljaar,
)
from onderzoekscyclus.domein.model import Lid, Logregel, Persoon, Profiel, School, Werkgroep
from onderzoekscyclus.domein.thesaurus import Thesaurus, normaliseer
from onderzoekscyclus.opslag.thesaurus import laad_thesaurus

from .grondig import voorbeelden

THEMAS = [
    "rekenen", "Rekenen", "redactiesommen", "begrijpend lezen", "lezen", "Technisch  Lezen",
    "gedrag", "PBS", "coachen", "Coachen", "eigen thema", "Eigen  Thema", "W&T",
]  # fmt: skip
ROLLEN = ["leraar", "specialist", "intern-begeleider"]
DATUMS = [dt.date(2025, 7, 31), dt.date(2025, 8, 1), dt.date(2026, 3, 2), dt.date(2026, 9, 1)]
PEILDATUMS = [dt.date(2025, 6, 1), dt.date(2025, 10, 1), dt.date(2026, 10, 1)]
_KWALITEIT = {normaliseer(k) for k in KWALITEITEN}


@st.composite
def werkplaatsen(draw: st.DrawFn) -> dict[str, list[object]]:
    woorden = st.lists(st.sampled_from(THEMAS), max_size=3)
    scholen = [
        School(
            id=f"school-{i}",
            naam=draw(st.sampled_from(["De Ster", "de Zon", "École", "Abel"])) + f" {i}",
            brin=f"{10 + i}AB",
            sector="po",
            profiel=Profiel(speerpunten=tuple(draw(woorden))),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    school_ids = [s.id for s in scholen]
    personen = [
        Persoon(
            id=f"persoon-{i}",
            naam=draw(st.sampled_from(["Anna", "anna", "Ábel", "Piet"])) + f" {i}",
            school=draw(st.none() | st.sampled_from([*school_ids, "weg-school"])),
            rollen=tuple(draw(st.lists(st.sampled_from(ROLLEN), max_size=2, unique=True))),
            expertise=tuple(draw(woorden)),
            ambities=tuple(draw(woorden)),
            interesses=tuple(draw(woorden)),
        )
        for i in range(draw(st.integers(0, 6)))
    ]
    persoon_ids = [p.id for p in personen]
    werkgroepen = [
        Werkgroep(
            id=f"werkgroep-{i}",
            naam=draw(st.sampled_from(["Rekenen", "lezen", "Ábc"])) + f" {i}",
            scholen=tuple(
                draw(st.lists(st.sampled_from(school_ids), min_size=1, max_size=3, unique=True))
            ),
            themas=tuple(draw(woorden)),
            leden=tuple(
                Lid(persoon=p, rol=draw(st.sampled_from(["leider", "lid", "expert"])))
                for p in draw(st.lists(st.sampled_from(persoon_ids), max_size=3, unique=True))
            )
            if persoon_ids
            else (),
            logboek=tuple(
                Logregel(datum=d, tekst="t")
                for d in sorted(draw(st.lists(st.sampled_from(DATUMS), max_size=2)))
            ),
        )
        for i in range(draw(st.integers(0, 6)))
    ]
    return {"scholen": scholen, "personen": personen, "werkgroepen": werkgroepen}


# --- the overview by the plain rules, from the objects -----------------------------------


def _dekt(t: Thesaurus, teksten: Sequence[str], behoefte: str) -> bool:
    return any(t.sleutel(x) in t.omvat(behoefte) for x in teksten)


def _wie(p: Persoon, namen: dict[str, str]) -> Betrokkene:
    return Betrokkene(id=p.id, naam=p.naam, school=namen.get(p.school) if p.school else None)


def _op_naam(wie: list[Betrokkene]) -> tuple[Betrokkene, ...]:
    return tuple(sorted(wie, key=lambda b: (b.naam.casefold(), b.id)))


def _signalen(
    t: Thesaurus,
    scholen: list[School],
    personen: list[Persoon],
    werkgroepen: list[Werkgroep],
    peildatum: dt.date,
) -> tuple[Specialistsignaal, ...]:
    begin, einde, jaar = schooljaar(peildatum)
    per_school = {s.id: s for s in scholen}
    namen = {s.id: s.naam for s in scholen}
    specialisten = {p.id: p for p in personen if "specialist" in {r.value for r in p.rollen}}
    draagt: dict[str, dict[str, list[Speerpuntdrager]]] = {}
    for g in sorted(werkgroepen, key=lambda g: (g.naam.casefold(), g.id)):
        data = [r.datum for r in g.logboek] + [c.gestart for c in g.cycli]
        if data and not any(begin <= d <= einde for d in data):
            continue
        dragers = [
            lid.persoon
            for lid in g.leden
            if lid.persoon in specialisten and lid.rol.value in ("leider", "expert")
        ]
        for school_id in g.scholen if dragers else ():
            school = per_school.get(school_id)
            for sp in school.profiel.speerpunten if school else ():
                if school is None or not _dekt(t, g.themas, sp):
                    continue
                for p in dragers:
                    draagt.setdefault(p, {}).setdefault(t.sleutel(sp), []).append(
                        Speerpuntdrager(school=school.naam, speerpunt=t.label(sp), werkgroep=g.naam)
                    )
    uit = [
        Specialistsignaal(
            persoon=_wie(specialisten[p], namen),
            schooljaar=jaar,
            speerpunten=tuple(d for k in sorted(per) for d in per[k]),
        )
        for p, per in draagt.items()
        if len(per) > 1
    ]
    return tuple(sorted(uit, key=lambda s: (s.persoon.naam.casefold(), s.persoon.id)))


def verwacht(wp: Werkplaats, t: Thesaurus, peildatum: dt.date) -> Partnerschapsbeeld:
    """Theme by theme, every person checked against it, as the katern describes."""
    scholen, personen = wp.scholen.lijst(), wp.personen.lijst()
    werkgroepen = wp.werkgroepen.lijst()
    namen = {s.id: s.naam for s in scholen}
    spellingen: dict[str, set[str]] = {}
    teksten = [sp for s in scholen for sp in s.profiel.speerpunten]
    teksten += [x for g in werkgroepen for x in g.themas]
    teksten += [e for p in personen for e in p.expertise if normaliseer(e) not in _KWALITEIT]
    for x in teksten:
        spellingen.setdefault(t.sleutel(x), set()).add(t.label(x))
    labels = {k: min(v, key=lambda s: (normaliseer(s), s)) for k, v in spellingen.items()}
    themas = []
    for k, label in sorted(labels.items(), key=lambda kv: (normaliseer(kv[1]), kv[0])):
        experts = [_wie(p, namen) for p in personen if _dekt(t, p.expertise, label)]
        met = {e.id for e in experts}
        groei = [
            _wie(p, namen)
            for p in personen
            if p.id not in met and _dekt(t, (*p.ambities, *p.interesses), label)
        ]
        themas.append(
            Themadeskundigen(
                thema=label,
                experts=_op_naam(experts),
                speerpunt_van=tuple(
                    sorted(
                        {
                            s.naam
                            for s in scholen
                            for sp in s.profiel.speerpunten
                            if t.sleutel(sp) == k
                        },
                        key=str.casefold,
                    )
                ),
                werkgroepen=tuple(
                    sorted(
                        {g.naam for g in werkgroepen for x in g.themas if t.sleutel(x) == k},
                        key=str.casefold,
                    )
                ),
                groeit=_op_naam(groei),
            )
        )
    return Partnerschapsbeeld(
        naam=wp.info.naam,
        schooljaar=schooljaar(peildatum)[2],
        themas=tuple(themas),
        ontbreekt=tuple(x.thema for x in themas if x.ontbreekt),
        waarschuwingen=_signalen(t, scholen, personen, werkgroepen, peildatum),
    )


def _vergelijk(wp: Werkplaats) -> None:
    t = laad_thesaurus(wp.root)
    for peildatum in PEILDATUMS:
        assert wp.expertise.partnerschap(peildatum=peildatum) == verwacht(wp, t, peildatum)


_UUR_GELEDEN = __import__("time").time_ns() - 3_600_000_000_000


@settings(max_examples=voorbeelden(30), deadline=None)
@given(werkplaatsen(), st.data())
def test_partnerschap_uit_de_index_is_het_overzicht_uit_de_objecten(
    inhoud: dict[str, list[object]], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wp = Werkplaats.maak(Path(tmp) / "wp", "Test", vandaag=lambda: dt.date(2026, 11, 1))
        with wp.opslag.vergrendeld():
            for soort in ("scholen", "personen", "werkgroepen"):
                for obj in inhoud[soort]:
                    pad = wp.opslag.schrijf(obj)
                    os.utime(pad, ns=(_UUR_GELEDEN, _UUR_GELEDEN))
        _vergelijk(wp)
        # changed behind the index's back: rewritten in place (same folder time), or removed
        for persoon in wp.personen.lijst():
            actie = data.draw(st.sampled_from(["niets", "expertise", "weg"]))
            pad = wp.opslag.pad(Persoon, persoon.id)
            if actie == "expertise":
                nieuw = attrs.evolve(persoon, expertise=("rekenen",), rollen=("specialist",))
                pad.write_bytes(wp.opslag.inhoud(nieuw))
                os.utime(pad, ns=(_UUR_GELEDEN + 60_000_000_000,) * 2)
            elif actie == "weg":
                pad.unlink()
        for groep in wp.werkgroepen.lijst():
            if data.draw(st.booleans()):
                wp.logboek.schrijf(groep.id, "Nu", datum=dt.date(2026, 10, 5))
        _vergelijk(wp)
