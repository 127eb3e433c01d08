"""The ``xlsx`` export, read back with openpyxl and compared with the werkplaats."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from ozc_xlsx import XlsxExporteur

from onderzoekscyclus import VasteKlok, Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import Exportgegevens, Selectie, exporteer, verzamel

VANDAAG = "2026-11-23"

VIJANDIG = [
    '=HYPERLINK("http://evil.example/","klik")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\tverborgen",
    "\r\nregel twee",
]


@pytest.fixture(autouse=True)
def _vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests do not depend on the caller's environment, language or date."""
    for naam in (
        "ONDERZOEKSCYCLUS_WERKPLAATS",
        "ONDERZOEKSCYCLUS_TAAL",
        "ONDERZOEKSCYCLUS_GEEN_PLUGINS",
    ):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)


@pytest.fixture
def demo(tmp_path: Path) -> Werkplaats:
    return maak_demo(tmp_path / "w", vandaag=dt.date.fromisoformat(VANDAAG))


def _rijen(blad: Worksheet) -> list[dict[str, Any]]:
    regels = list(blad.iter_rows(values_only=True))
    kop = [str(k) for k in regels[0]]
    return [dict(zip(kop, regel, strict=True)) for regel in regels[1:]]


def _cellen(boek: openpyxl.Workbook) -> Iterator[Any]:
    for blad in boek.worksheets:
        for rij in blad.iter_rows():
            yield from rij


def _datum(waarde: Any) -> dt.date:
    assert isinstance(waarde, dt.datetime), waarde
    return waarde.date()


def test_elke_soort_in_de_export_heeft_een_tabblad(demo: Werkplaats, tmp_path: Path) -> None:
    """Every kind of entity the export holds gets a sheet, also when it is empty."""
    pad = exporteer(demo, "xlsx", tmp_path / "w.xlsx").pad
    assert pad is not None
    boek = openpyxl.load_workbook(pad)
    soorten = list(verzamel(demo, Selectie()))
    assert [n for n in boek.sheetnames if n in soorten] == soorten
    assert boek.sheetnames[0] == "over deze export"


def test_de_tabbladen_geven_de_werkplaats_terug(demo: Werkplaats, tmp_path: Path) -> None:
    """Schools, persons, werkgroepen, members, logboek and measurements read back as stored."""
    pad = exporteer(demo, "xlsx", tmp_path / "w.xlsx").pad
    assert pad is not None
    boek = openpyxl.load_workbook(pad)
    namen = {p.id: p.naam for p in demo.personen.lijst()}

    scholen = {r["id"]: r for r in _rijen(boek["scholen"])}
    assert set(scholen) == {s.id for s in demo.scholen.lijst()}
    for school in demo.scholen.lijst():
        rij = scholen[school.id]
        assert (rij["naam"], rij["brin"], rij["sector"]) == (
            school.naam,
            school.brin,
            school.sector.value,
        )
        assert rij["profiel.speerpunten"] == "; ".join(school.profiel.speerpunten)

    personen = {r["id"]: r for r in _rijen(boek["personen"])}
    assert {i: r["naam"] for i, r in personen.items()} == namen
    for persoon in demo.personen.lijst():
        assert personen[persoon.id]["expertise"] == ("; ".join(persoon.expertise) or None)
        assert personen[persoon.id]["school (naam)"] == demo.scholen.zoek(persoon.school or "").naam

    leden = [
        (r["werkgroep_id"], r["persoon"], r["persoon (naam)"], r["rol"])
        for r in _rijen(boek["werkgroepen_leden"])
    ]
    assert leden == [
        (g.id, lid.persoon, namen[lid.persoon], lid.rol.value)
        for g in sorted(demo.werkgroepen.lijst(), key=lambda g: g.id)
        for lid in g.leden
    ]

    logboek = [
        (r["werkgroep_id"], _datum(r["datum"]), r["tekst"])
        for r in _rijen(boek["werkgroepen_logboek"])
    ]
    assert logboek == [
        (g.id, regel.datum, regel.tekst)
        for g in sorted(demo.werkgroepen.lijst(), key=lambda g: g.id)
        for regel in g.logboek
    ]

    metingen = [
        (r["werkgroep_id"], r["cycli_nr"], r["indicator"], _datum(r["datum"]), r["waarde"])
        for r in _rijen(boek["werkgroepen_cycli_metingen"])
    ]
    verwacht = [
        (g.id, nr, m.indicator, m.datum, m.waarde)
        for g in sorted(demo.werkgroepen.lijst(), key=lambda g: g.id)
        for nr, c in enumerate(g.cycli, start=1)
        for m in c.metingen
    ]
    assert verwacht, "the demo has measurements"
    assert metingen == verwacht

    cycli = {(r["werkgroep_id"], r["nummer"]): r for r in _rijen(boek["werkgroepen_cycli"])}
    for groep in demo.werkgroepen.lijst():
        for c in groep.cycli:
            rij = cycli[groep.id, c.nummer]
            assert (rij["vraag"], rij["fase"], _datum(rij["gestart"])) == (
                c.vraag,
                c.fase.value,
                c.gestart,
            )
            conclusie = c.evaluatie.conclusie.value if c.evaluatie else None
            assert rij["evaluatie.conclusie"] == conclusie
    assert "evaluatie" not in cycli[next(iter(cycli))], "a record is split into its parts"


def test_kopregel_is_vet_bevroren_en_filterbaar(demo: Werkplaats, tmp_path: Path) -> None:
    """Every data sheet has a bold header row that stays in view and an autofilter over the data."""
    pad = exporteer(demo, "xlsx", tmp_path / "w.xlsx").pad
    assert pad is not None
    boek = openpyxl.load_workbook(pad)
    for blad in boek.worksheets[1:]:
        assert blad.freeze_panes == "A2", blad.title
        assert (
            blad.auto_filter.ref
            == f"A1:{blad.cell(1, blad.max_column).column_letter}{blad.max_row}"
        )
        assert all(cel.font.b for cel in blad[1]), blad.title


@attrs.frozen
class Regel:
    """A line of a :class:`Notitie`, a kind of entity the library does not have."""

    tekst: str
    datum: dt.date


@attrs.frozen
class Notitie:
    """A kind of entity that only this test knows."""

    id: str
    naam: str
    labels: tuple[str, ...]
    regels: tuple[Regel, ...]


def test_een_later_toegevoegde_soort_krijgt_vanzelf_een_tabblad(
    demo: Werkplaats, tmp_path: Path
) -> None:
    """The exporter walks ``gegevens.entiteiten``: an unknown kind gets a sheet and child sheets."""
    notities = (
        Notitie("notitie-1", "Eerste", ("a", "b"), (Regel("=1+1", dt.date(2026, 1, 2)),)),
        Notitie("notitie-2", "Tweede", (), ()),
    )
    gegevens = Exportgegevens(
        werkplaats_naam="Test",
        selectie=Selectie(),
        entiteiten={**verzamel(demo, Selectie()), "notities": notities},
        pseudoniem=False,
        datum=dt.date(2026, 11, 23),
        werkplaats=demo,
    )
    XlsxExporteur().schrijf(gegevens, tmp_path / "n.xlsx")
    boek = openpyxl.load_workbook(tmp_path / "n.xlsx")
    assert [(r["id"], r["naam"], r["labels"]) for r in _rijen(boek["notities"])] == [
        ("notitie-1", "Eerste", "a; b"),
        ("notitie-2", "Tweede", None),
    ]
    assert [
        (r["notities_id"], r["regels_nr"], r["tekst"], _datum(r["datum"]))
        for r in _rijen(boek["notities_regels"])
    ] == [("notitie-1", 1, "'=1+1", dt.date(2026, 1, 2))]


@pytest.fixture
def vijandig(tmp_path: Path) -> Werkplaats:
    """A werkplaats whose texts try to become formulas, with line breaks and emoji."""
    wp = Werkplaats.maak(tmp_path / "v", "=1+1 partnerschap")
    wp.scholen.toevoegen("@Regenboog 🌈", brin="12AB", sector="po")
    wp.scholen.profiel("@Regenboog 🌈", visie={"eigenaarschap": "=A1*2"}, trots=VIJANDIG)
    wp.personen.toevoegen("+31 Anna", school="@Regenboog 🌈", expertise=["-rekenen"])
    wp.werkgroepen.toevoegen("-Rekenen 🧮", scholen=["@Regenboog 🌈"], themas=["rekenen"])
    for tekst in VIJANDIG:
        wp.logboek.schrijf("-Rekenen 🧮", tekst + " 🎉", auteur="+31 Anna")
    wp.cycli.start("-Rekenen 🧮", aanleiding="@SUM(A1)", vraag='=HYPERLINK("http://evil")')
    return wp


def test_vijandige_tekst_wordt_nooit_een_formule(vijandig: Werkplaats, tmp_path: Path) -> None:
    """Texts starting with =, +, -, @, tab or CR get a leading ' and stay text; emoji survive."""
    pad = exporteer(vijandig, "xlsx", tmp_path / "v.xlsx").pad
    assert pad is not None
    boek = openpyxl.load_workbook(pad)
    cellen = list(_cellen(boek))
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    teksten = [c.value for c in cellen if isinstance(c.value, str)]
    assert all(not t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in teksten)

    logboek = [r["tekst"] for r in _rijen(boek["werkgroepen_logboek"])]
    verwacht = ["'" + t + " 🎉" for t in VIJANDIG]
    assert logboek == [t.replace("\r\n", "\n") for t in verwacht]
    cyclus = _rijen(boek["werkgroepen_cycli"])[0]
    assert (cyclus["aanleiding"], cyclus["vraag"]) == ("'@SUM(A1)", '\'=HYPERLINK("http://evil")')
    assert _rijen(boek["scholen"])[0]["naam"] == "'@Regenboog 🌈"
    persoon = _rijen(boek["personen"])[0]
    assert (persoon["naam"], persoon["expertise"]) == ("'+31 Anna", "'-rekenen")
    assert _rijen(boek["werkgroepen_logboek"])[0]["auteur (naam)"] == "'+31 Anna"
    assert _rijen(boek["scholen_visie"])[0]["tekst"] == "'=A1*2"
    assert _rijen(boek["scholen"])[0]["profiel.trots"].startswith("'=HYPERLINK(")
    overzicht = dict(boek["over deze export"].iter_rows(max_col=2, max_row=5, values_only=True))
    assert overzicht["werkplaats"] == "'=1+1 partnerschap"


def test_zelfde_gegevens_geven_dezelfde_bytes(demo: Werkplaats, tmp_path: Path) -> None:
    """Two exports of the same data on the same day are byte for byte the same file."""
    een = exporteer(demo, "xlsx", tmp_path / "een.xlsx").pad
    twee = exporteer(demo, "xlsx", tmp_path / "twee.xlsx").pad
    assert een is not None
    assert twee is not None
    assert een.read_bytes() == twee.read_bytes()


def test_pseudoniemen_laten_geen_naam_achter(demo: Werkplaats, tmp_path: Path) -> None:
    """With --pseudoniem no person's name, nor a part of it, is in any cell; pseudonyms are."""
    pad = exporteer(demo, "xlsx", tmp_path / "p.xlsx", pseudoniem_=True, sleutel=b"k" * 32).pad
    assert pad is not None
    boek = openpyxl.load_workbook(pad)
    teksten = "\n".join(str(c.value) for c in _cellen(boek) if c.value is not None)
    for persoon in demo.personen.lijst():
        assert persoon.naam not in teksten
        assert not re.search(rf"\b{re.escape(persoon.naam.split()[0])}\b", teksten)
    leden = _rijen(boek["werkgroepen_leden"])
    assert all(str(r["persoon (naam)"]).startswith("Persoon ") for r in leden)


def test_selectie_van_een_werkgroep(demo: Werkplaats, tmp_path: Path) -> None:
    """With a werkgroep selected, the workbook holds that werkgroep and its schools only."""
    groep = demo.werkgroepen.zoek("rekenen")
    pad = exporteer(demo, "xlsx", tmp_path / "r.xlsx", selectie=Selectie("werkgroep", groep.id)).pad
    assert pad is not None
    boek = openpyxl.load_workbook(pad)
    assert [r["id"] for r in _rijen(boek["werkgroepen"])] == [groep.id]
    assert {r["id"] for r in _rijen(boek["scholen"])} == set(groep.scholen)


def test_ozc_export_xlsx(demo: Werkplaats, tmp_path: Path) -> None:
    """`ozc export xlsx --uit …` in a real process writes a workbook openpyxl can read."""
    uit = tmp_path / "werkplaats.xlsx"
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("ONDERZOEKSCYCLUS_")}
    omgeving["ONDERZOEKSCYCLUS_VANDAAG"] = VANDAAG
    klaar = subprocess.run(
        [sys.executable, "-m", "onderzoekscyclus", "export", "xlsx", "--uit", str(uit)],
        cwd=demo.root,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert klaar.returncode == 0, klaar.stderr
    boek = openpyxl.load_workbook(uit)
    assert len(_rijen(boek["werkgroepen"])) == len(demo.werkgroepen.lijst())


def test_uiterste_getallen_en_de_eerste_dag_komen_terug(tmp_path: Path) -> None:
    """Values at the edges of the accepted range (1e12, the tiniest float, nearly equal
    ones) stay numbers that read back to the 15 significant digits a spreadsheet keeps,
    and the first day of the calendar (1900-01-01, also Excel's first day) stays that day."""
    eerste = dt.date(1900, 1, 1)
    wp = Werkplaats.maak(tmp_path / "u", "Uitersten", vandaag=VasteKlok(dt.date(2026, 11, 23)))
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"])
    wp.cycli.start("Rekenen", aanleiding="a", vraag="v", datum=eerste)
    wp.cycli.beginsituatie("Rekenen", tekst="t", bronnen=["toets"], datum=eerste)
    wp.cycli.doel(
        "Rekenen",
        tekst="d",
        visie="eigenaarschap",
        indicatoren=[("groot", "", 1e12, math.nextafter(1e12, 0))],
        datum=eerste,
    )
    wp.cycli.plan("Rekenen", acties=[("oefenen", None, None)], literatuur=["boek"], datum=eerste)
    wp.cycli.uitvoeren("Rekenen", datum=eerste)
    waarden = [1e12, -1e12, 5e-324, -5e-324, 1e-300, 0.1 + 0.2, 123456.789]
    for waarde in waarden:
        wp.cycli.meting("Rekenen", indicator="groot", waarde=waarde, datum=eerste)
    pad = exporteer(wp, "xlsx", tmp_path / "u.xlsx").pad
    assert pad is not None
    boek = openpyxl.load_workbook(pad)
    rijen = _rijen(boek["werkgroepen_cycli_metingen"])
    assert [_datum(r["datum"]) for r in rijen] == [eerste] * len(waarden)
    assert [r["waarde"] for r in rijen] == [pytest.approx(w, rel=1e-15) for w in waarden]
    (indicator,) = _rijen(boek["werkgroepen_cycli_indicatoren"])
    assert (indicator["nulmeting"], indicator["streefwaarde"]) == (1e12, math.nextafter(1e12, 0))
