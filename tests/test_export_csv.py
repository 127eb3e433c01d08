"""The ``csv`` export: a file per kind and per list, readable back, safe in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import Selectie, exporteer
from onderzoekscyclus.export.formaten.veilig import GEVAARLIJK, neutraliseer
from onderzoekscyclus.opslag.bestanden import SOORTEN

from .hulp_export import (
    APENSTAART,
    ENTER,
    FORMULE,
    MEERREGELIG,
    MIN,
    PLUS,
    TAB,
    vijandige_werkplaats,
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Werkplaats]:
    """The demo partnership, made once for this module (exports only read it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-11-23")
        yield maak_demo(tmp_path_factory.mktemp("demo") / "wp", vandaag=dt.date(2026, 11, 23))


def _lees(map_: Path, naam: str) -> list[dict[str, str]]:
    with (map_ / f"{naam}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _koppen(map_: Path, naam: str) -> list[str]:
    with (map_ / f"{naam}.csv").open(encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def _getal(cel: str) -> float:
    return float(cel)


# --- neutralising ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        (FORMULE, "'" + FORMULE),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("＝1+1", "'＝1+1"),
        ("'t Startblok", "'t Startblok"),
        ("1 + 1 = 2", "1 + 1 = 2"),
        ("", ""),
        ("🎉 =1", "🎉 =1"),
    ],
)
def test_neutraliseer(tekst: str, verwacht: str) -> None:
    """Text that would start a formula gets a leading quote; other text is unchanged."""
    assert neutraliseer(tekst) == verwacht


@given(st.text())
def test_neutraliseer_begint_nooit_een_formule(tekst: str) -> None:
    """Whatever the text, the cell never starts with a formula character, and the text
    itself follows whole after at most one added quote."""
    uit = neutraliseer(tekst)
    assert not uit or uit[0] not in GEVAARLIJK
    assert uit in (tekst, "'" + tekst)


# --- layout and content -------------------------------------------------------------------


def test_een_bestand_per_soort_en_per_lijst(demo: Werkplaats, tmp_path: Path) -> None:
    """Every kind of entity has its file with a header row and a row per entity, keyed
    by id; lists inside entities have their own file that starts with the keys."""
    exporteer(demo, "csv", tmp_path / "csv")
    map_ = tmp_path / "csv"
    for klasse, soort in SOORTEN.items():
        rijen = _lees(map_, soort.map)
        assert [r["id"] for r in rijen] == sorted(o.id for o in demo.opslag.alle(klasse))
    assert _koppen(map_, "werkgroepen_leden") == [
        "werkgroep_id",
        "leden_nr",
        "persoon",
        "rol",
        "onderzoeksvraag",
    ]
    assert _koppen(map_, "werkgroepen_cycli_metingen")[:3] == [
        "werkgroep_id",
        "cycli_nr",
        "metingen_nr",
    ]
    # the same columns for an empty werkplaats: the layout comes from the classes
    leeg = Werkplaats.maak(tmp_path / "leeg", "Leeg")
    exporteer(leeg, "csv", tmp_path / "leeg-csv")
    bestanden = sorted(p.name for p in map_.iterdir())
    assert sorted(p.name for p in (tmp_path / "leeg-csv").iterdir()) == bestanden
    for naam in bestanden:
        stam = naam.removesuffix(".csv")
        assert _koppen(tmp_path / "leeg-csv", stam) == _koppen(map_, stam)
        assert _lees(tmp_path / "leeg-csv", stam) == []


def test_inhoud_komt_overeen_met_de_werkplaats(demo: Werkplaats, tmp_path: Path) -> None:
    """Schools, persons, werkgroepen, members, measurements and feedback read back as stored."""
    exporteer(demo, "csv", tmp_path)
    scholen = {r["id"]: r for r in _lees(tmp_path, "scholen")}
    for school in demo.scholen.lijst():
        rij = scholen[school.id]
        assert rij["naam"] == school.naam
        assert rij["brin"] == school.brin
        assert rij["sector"] == school.sector.value
        assert rij["bestuur"] == (school.bestuur or "")
        assert rij["profiel.speerpunten"] == "; ".join(school.profiel.speerpunten)
    personen = {r["id"]: r for r in _lees(tmp_path, "personen")}
    for persoon in demo.personen.lijst():
        assert personen[persoon.id]["naam"] == persoon.naam
        assert personen[persoon.id]["rollen"] == "; ".join(r.value for r in persoon.rollen)
    leden = _lees(tmp_path, "werkgroepen_leden")
    assert [(r["werkgroep_id"], int(r["leden_nr"]), r["persoon"], r["rol"]) for r in leden] == [
        (g.id, n, lid.persoon, lid.rol.value)
        for g in sorted(demo.werkgroepen.lijst(), key=lambda g: g.id)
        for n, lid in enumerate(g.leden, start=1)
    ]
    metingen = _lees(tmp_path, "werkgroepen_cycli_metingen")
    verwacht = [
        (g.id, c_nr, m.indicator, m.datum.isoformat(), m.waarde)
        for g in sorted(demo.werkgroepen.lijst(), key=lambda g: g.id)
        for c_nr, c in enumerate(g.cycli, start=1)
        for m in c.metingen
    ]
    assert verwacht
    assert [
        (r["werkgroep_id"], int(r["cycli_nr"]), r["indicator"], r["datum"], _getal(r["waarde"]))
        for r in metingen
    ] == verwacht
    cycli = _lees(tmp_path, "werkgroepen_cycli")
    assert len(cycli) == sum(len(g.cycli) for g in demo.werkgroepen.lijst())
    afgerond = [r for r in cycli if r["evaluatie.conclusie"]]
    assert afgerond and all(r["evaluatie.datum"] for r in afgerond)
    feedback = _lees(tmp_path, "besluiten_feedback")
    assert len(feedback) == sum(len(b.feedback) for b in demo.besluitvorming.lijst())
    for rij in feedback:
        besluit = demo.besluitvorming.zoek(rij["besluit_id"])
        item = besluit.feedback[int(rij["feedback_nr"]) - 1]
        assert rij["tekst"] == item.tekst
        assert rij["reactie.oordeel"] == (item.reactie.oordeel.value if item.reactie else "")


def test_vijandige_tekst_wordt_geneutraliseerd_of_blijft_heel(
    werkplaats: Werkplaats, tmp_path: Path
) -> None:
    """Formula starters get a quote; line breaks, quotes, commas and emoji survive as they
    are; numbers (negative measurements too) stay numbers."""
    wp = vijandige_werkplaats(werkplaats)
    exporteer(wp, "csv", tmp_path)
    logboek = [r["tekst"] for r in _lees(tmp_path, "werkgroepen_logboek")]
    assert logboek == [
        "'" + FORMULE,
        "'" + PLUS,
        "'" + MIN,
        "'" + APENSTAART,
        "'" + TAB,
        "'" + ENTER,
        MEERREGELIG,
    ]
    school = _lees(tmp_path, "scholen")[0]
    assert school["bestuur"] == "'" + FORMULE
    assert school["profiel.trots"] == "'" + MIN + "; Coöperatief leren 🎉"
    persoon = next(r for r in _lees(tmp_path, "personen") if r["naam"] == "Anna de Vries")
    assert persoon["expertise"] == "'" + APENSTAART
    acties = _lees(tmp_path, "werkgroepen_cycli_acties")
    assert [(a["wat"], a["wie"], a["wanneer"]) for a in acties] == [
        ("'=1+1 oefenen", "'@team", "'-week 3")
    ]
    metingen = _lees(tmp_path, "werkgroepen_cycli_metingen")
    assert [r["waarde"] for r in metingen if r["indicator"] == "onrust"] == ["-1.5", "-2.5"]
    ideeen = _lees(tmp_path, "besluiten_ideeen")
    assert [(r["door.naam"], r["tekst"]) for r in ideeen][1] == ("Piet Ouder", "'" + FORMULE)
    respondenten = _lees(tmp_path, "zelfevaluaties_respondenten")
    assert [r["label"] for r in respondenten] == ["respondent 1", "respondent 2"]
    assert respondenten[0]["antwoorden"].startswith("{")
    # no cell anywhere starts a formula
    for pad in tmp_path.glob("*.csv"):
        with pad.open(encoding="utf-8", newline="") as f:
            for rij in csv.reader(f):
                for cel in rij:
                    getal = cel.lstrip("-").replace(".", "", 1).isdigit()
                    assert getal or not cel or cel[0] not in GEVAARLIJK, (pad.name, cel)


def test_pseudoniem_laat_geen_namen_achter(demo: Werkplaats, tmp_path: Path) -> None:
    """With pseudonyms, no person's name (nor a part of it) is in any file."""
    groep = demo.werkgroepen.zoek("rekenen")
    exporteer(demo, "csv", tmp_path, selectie=Selectie("werkgroep", groep.id), pseudoniem_=True)
    alles = "\n".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.csv"))
    personen = _lees(tmp_path, "personen")
    assert personen and all(r["naam"].startswith("Persoon ") for r in personen)
    for persoon in demo.personen.lijst():
        assert persoon.naam not in alles


def test_map_komt_in_een_keer_of_naast_eigen_bestanden(demo: Werkplaats, tmp_path: Path) -> None:
    """A new folder appears whole with no temporary folder left beside it; an existing
    folder keeps the user's own files while every table is replaced."""
    nieuw = tmp_path / "nieuw"
    exporteer(demo, "csv", nieuw)
    tabellen = sorted(p.name for p in nieuw.iterdir())
    assert "scholen.csv" in tabellen
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nieuw"]

    bestaand = tmp_path / "bestaand"
    bestaand.mkdir()
    (bestaand / "aantekeningen.txt").write_text("van mij", encoding="utf-8")
    (bestaand / "scholen.csv").write_text("oud", encoding="utf-8")
    exporteer(demo, "csv", bestaand)
    assert sorted(p.name for p in bestaand.iterdir()) == sorted([*tabellen, "aantekeningen.txt"])
    assert (bestaand / "aantekeningen.txt").read_text(encoding="utf-8") == "van mij"
    assert (bestaand / "scholen.csv").read_bytes() == (nieuw / "scholen.csv").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaand", "nieuw"]
