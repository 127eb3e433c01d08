"""For random small werkplaatsen, the answers from the index equal the answers worked out
directly from the loaded objects, also after files changed behind the index's back."""

from __future__ import annotations

import math
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein import cyclus as c
from onderzoekscyclus.domein import cyclusstappen as stappen
from onderzoekscyclus.domein.model import Lid, Persoon, School, Werkgroep
from onderzoekscyclus.domein.netwerk import Expert, Gelijkenis, WerkgroepOpThema
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.thesaurus import Thesaurus, normaliseer
from onderzoekscyclus.errors import UnknownReference
from onderzoekscyclus.opslag.thesaurus import laad_thesaurus

from .grondig import voorbeelden

THEMAS = [
    "rekenen", "Rekenen", "redactiesommen", "hoogbegaafdheid", "Ontwikkelingsvoorsprong",
    "begrijpend lezen", "Technisch  Lezen", "lezen", "taal", "gedrag", "PBS",
    "Kanjertraining", "kanjertraining", "coachen", "W&T", "techniek",
]  # fmt: skip
# names that sort differently by case, accents and code point: the order of a list is
# by name as lists sort (no case, no accents), then by id
NAMEN = ["De Ster", "de Zon", "École Bilingue", "Eekhoorn", "Ábel", "abel", "Zeester"]
VRAGEN = [
    "rekenen",
    "lezen",
    "taal",
    "hoogbegaafdheid",
    "gedrag",
    "kanjertraining",
    "w&t",
    "coachen",
]
_START = __import__("datetime").date(2026, 1, 5)
DAG = stappen.start(1, aanleiding="a", vraag="v", datum=_START, vandaag=_START)


def _cyclus(soort: int) -> tuple[c.Onderzoekscyclus, ...]:
    """No cycle, one just started, or a finished one (with a conclusion) and a next one."""
    if soort == 0:
        return ()
    if soort == 1:
        return (DAG,)
    afgerond = attrs.evolve(
        DAG,
        fase=c.Fase.AFGEROND,
        evaluatie=c.Evaluatie(
            conclusie=["bereikt", "deels"][soort % 2], tekst="t", datum=DAG.gestart
        ),
    )
    if soort == 2:
        return (afgerond,)
    return (afgerond, attrs.evolve(DAG, nummer=2, fase=c.Fase.UITVOERING, gepauzeerd=soort == 4))


@st.composite
def werkplaatsen(draw: st.DrawFn) -> dict[str, list[object]]:
    scholen = [
        School(
            id=f"school-{i}",
            naam=draw(st.sampled_from(NAMEN)),
            brin=f"{10 + i}AB",
            sector=draw(st.sampled_from(["po", "so", "vo", "opleiding"])),
        )
        for i in range(draw(st.integers(1, 5)))
    ]
    school_ids = [s.id for s in scholen]
    personen = [
        Persoon(
            id=f"persoon-{i}",
            naam=f"Persoon {chr(65 + i)}",
            school=draw(st.none() | st.sampled_from(school_ids)),
            rollen=tuple(
                draw(st.lists(st.sampled_from(["leraar", "specialist", "lector"]), max_size=2))
            ),
            expertise=tuple(draw(st.lists(st.sampled_from(THEMAS), max_size=3))),
        )
        for i in range(draw(st.integers(0, 5)))
    ]
    persoon_ids = [p.id for p in personen]
    werkgroepen = [
        Werkgroep(
            id=f"werkgroep-{i}",
            naam=draw(st.sampled_from(NAMEN)),
            scholen=tuple(
                draw(st.lists(st.sampled_from(school_ids), min_size=1, max_size=3, unique=True))
            ),
            themas=tuple(draw(st.lists(st.sampled_from(THEMAS), max_size=3))),
            leden=tuple(
                Lid(persoon=p, rol=draw(st.sampled_from(["leider", "lid", "expert"])))
                for p in draw(st.lists(st.sampled_from(persoon_ids), max_size=3, unique=True))
            )
            if persoon_ids
            else (),
            cycli=_cyclus(draw(st.integers(0, 4))),
        )
        for i in range(draw(st.integers(0, 7)))
    ]
    return {"scholen": scholen, "personen": personen, "werkgroepen": werkgroepen}


# --- the answers, worked out directly from the objects ------------------------------------


def _doel(t: Thesaurus, vraag: str, in_gebruik: list[str]) -> set[str] | None:
    thema = t.zoek(vraag)
    if thema is not None:
        return t.omvat(thema.label)
    if normaliseer(vraag) in {t.sleutel(x) for x in in_gebruik}:
        return {normaliseer(vraag)}
    return None


def verwacht_scholen(wp: Werkplaats, t: Thesaurus, vraag: str) -> list[WerkgroepOpThema] | None:
    groepen, scholen = wp.werkgroepen.lijst(), {s.id: s for s in wp.scholen.lijst()}
    namen = {p.id: p.naam for p in wp.personen.lijst()}
    doel = _doel(t, vraag, [x for g in groepen for x in g.themas])
    if doel is None:
        return None
    uit = []
    for g in groepen:
        passend = [x for x in g.themas if t.sleutel(x) in doel]
        if not passend:
            continue
        huidig = g.actieve_cyclus()
        klaar = next(
            (x for x in reversed(g.cycli) if x.fase is c.Fase.AFGEROND and x.evaluatie), None
        )
        for s in g.scholen:
            uit.append(
                WerkgroepOpThema(
                    school=s,
                    school_naam=scholen[s].naam,
                    sector=scholen[s].sector.value,
                    werkgroep=g.id,
                    werkgroep_naam=g.naam,
                    themas=tuple(sorted(passend, key=str.casefold)),
                    cyclus=huidig.nummer if huidig else None,
                    fase=huidig.fase.value if huidig else None,
                    gepauzeerd=huidig.gepauzeerd if huidig else False,
                    leiders=tuple(namen[p] for p in g.leiders()),
                    conclusie=klaar.evaluatie.conclusie.value
                    if klaar and klaar.evaluatie
                    else None,
                    conclusie_cyclus=klaar.nummer if klaar else None,
                )
            )
    return sorted(
        uit,
        key=lambda r: (
            vergelijkbaar(r.school_naam),
            r.school,
            vergelijkbaar(r.werkgroep_naam),
            r.werkgroep,
        ),
    )


def verwacht_experts(wp: Werkplaats, t: Thesaurus, vraag: str) -> list[Expert] | None:
    personen, scholen = wp.personen.lijst(), {s.id: s.naam for s in wp.scholen.lijst()}
    gebruikt = [x for p in personen for x in p.expertise] + [
        x for g in wp.werkgroepen.lijst() for x in g.themas
    ]
    doel = _doel(t, vraag, gebruikt)
    if doel is None:
        return None
    uit = [
        Expert(
            persoon=p.id,
            naam=p.naam,
            school=p.school,
            school_naam=scholen[p.school] if p.school else None,
            rollen=tuple(r.value for r in p.rollen),
            expertise=tuple(
                sorted((x for x in p.expertise if t.sleutel(x) in doel), key=str.casefold)
            ),
        )
        for p in personen
        if any(t.sleutel(x) in doel for x in p.expertise)
    ]
    return sorted(uit, key=lambda e: (e.naam.casefold(), e.persoon))


def verwacht_vergelijkbaar(wp: Werkplaats, t: Thesaurus, school: str) -> list[Gelijkenis]:
    scholen = {s.id: s for s in wp.scholen.lijst()}
    themas: dict[str, set[str]] = defaultdict(set)
    for g in wp.werkgroepen.lijst():
        for s in g.scholen:
            themas[s].update(t.sleutel(x) for x in g.themas)
    themas = defaultdict(set, {s: v for s, v in themas.items() if v})
    n = {k: sum(k in v for v in themas.values()) for v in themas.values() for k in v}
    gewicht = {k: math.log(1 + len(themas) / aantal) for k, aantal in n.items()}
    eigen = themas[school]
    uit = []
    for ander, hun in themas.items():
        gedeeld = hun & eigen
        if ander == school or not gedeeld:
            continue
        uit.append(
            Gelijkenis(
                school=ander,
                naam=scholen[ander].naam,
                sector=scholen[ander].sector.value,
                score=round(sum(gewicht[k] for k in sorted(gedeeld)), 4),
                gedeeld=tuple(t.label(k) for k in sorted(gedeeld, key=lambda k: (-gewicht[k], k))),
            )
        )
    return sorted(uit, key=lambda g: (-g.score, g.naam.casefold(), g.school))[:10]


def _vergelijk(wp: Werkplaats) -> None:
    t = laad_thesaurus(wp.root)
    netwerk = wp.netwerk
    for vraag in VRAGEN:
        verwacht = verwacht_scholen(wp, t, vraag)
        if verwacht is None:
            with pytest.raises(UnknownReference):
                netwerk.scholen(vraag)
        else:
            antwoord = netwerk.scholen(vraag)
            assert list(antwoord.werkgroepen) == verwacht, vraag
            assert antwoord.aantal == len(verwacht)
            assert antwoord.scholen == len({r.school for r in verwacht})
            for begin in range(0, len(verwacht) + 1, 2):
                blad = netwerk.scholen(vraag, limit=2, offset=begin)
                assert list(blad.werkgroepen) == verwacht[begin : begin + 2], (vraag, begin)
                assert blad.aantal == len(verwacht)
        experts = verwacht_experts(wp, t, vraag)
        if experts is None:
            with pytest.raises(UnknownReference):
                netwerk.experts(vraag)
        else:
            assert list(netwerk.experts(vraag).experts) == experts, vraag
    for school in wp.scholen.lijst():
        assert list(netwerk.vergelijkbaar(school.id).scholen) == verwacht_vergelijkbaar(
            wp, t, school.id
        )


_UUR_GELEDEN = time.time_ns() - 3_600_000_000_000


def _in_place(pad: Path, inhoud: bytes) -> None:
    """Write as an editor would: in place, the folder unchanged; dated a minute after the
    original files, so only the modification time and size tell the index it changed."""
    pad.write_bytes(inhoud)
    os.utime(pad, ns=(_UUR_GELEDEN + 60_000_000_000,) * 2)


@settings(max_examples=voorbeelden(40))
@given(werkplaatsen(), st.data())
def test_index_geeft_dezelfde_antwoorden_als_de_objecten(
    inhoud: dict[str, list[object]], data: st.DataObject
) -> None:
    """Index answers equal the answers from the objects, before and after random changes
    behind the index's back (rewritten in place, deleted, added)."""
    with tempfile.TemporaryDirectory() as tmp:
        wp = Werkplaats.maak(Path(tmp) / "wp", "Test")
        with wp.opslag.vergrendeld():
            for soort in ("scholen", "personen", "werkgroepen"):
                for obj in inhoud[soort]:
                    pad = wp.opslag.schrijf(obj)
                    os.utime(pad, ns=(_UUR_GELEDEN, _UUR_GELEDEN))
        _vergelijk(wp)
        groepen = wp.werkgroepen.lijst()
        for groep in groepen:
            actie = data.draw(st.sampled_from(["niets", "themas", "weg", "naam"]))
            pad = wp.opslag.pad(Werkgroep, groep.id)
            if actie == "themas":
                themas = tuple(data.draw(st.lists(st.sampled_from(THEMAS), max_size=3)))
                _in_place(pad, wp.opslag.inhoud(attrs.evolve(groep, themas=themas)))
            elif actie == "weg":
                pad.unlink()
            elif actie == "naam":
                _in_place(pad, wp.opslag.inhoud(attrs.evolve(groep, naam=groep.naam + " nieuw")))
        school = data.draw(st.sampled_from(wp.scholen.lijst()))
        _in_place(
            wp.opslag.pad(School, school.id),
            wp.opslag.inhoud(attrs.evolve(school, naam="Omgedoopt")),
        )
        nieuw = Werkgroep(
            id="toegevoegd-abc234",
            naam="Toegevoegd",
            scholen=(school.id,),
            themas=("rekenen", "PBS"),
        )
        _in_place(wp.opslag.pad(Werkgroep, nieuw.id), wp.opslag.inhoud(nieuw))
        _vergelijk(wp)
