"""The partnership's ontwikkelagenda: speerpunten per school year, werkgroepen on them,
research applications, what was learned, and the warnings where it does not fit."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein.ontwikkelagenda import schooljaar, schooljaar_van
from onderzoekscyclus.errors import InvalidValue, OnderzoekscyclusError
from onderzoekscyclus.export import exporteer
from onderzoekscyclus.opslag._toml import dumps_toml, loads_toml

from .conftest import Ozc, momentopname
from .docvoorbeeld import speel_af, voorbeeld
from .test_delen import _git, deel, maak_kopieen

SCHEMA = Path(__file__).parents[1] / "docs" / "schema"


@pytest.fixture
def agenda(gevulde_werkplaats: Werkplaats) -> Werkplaats:
    """De Regenboog with two werkgroepen that have a cycle under way: Rekenen groep 5-8
    (rekenen) and Verhaaltjessommen (a narrower theme of rekenen), and a dormant one."""
    wp = gevulde_werkplaats
    wp.werkgroepen.toevoegen(
        "Verhaaltjessommen", scholen=["De Regenboog"], themas=["contextopgaven"]
    )
    wp.werkgroepen.toevoegen("Leesclub", scholen=["De Regenboog"], themas=["leesmotivatie"])
    dag = dt.date(2026, 9, 1)
    for groep in ("Rekenen groep 5-8", "Verhaaltjessommen"):
        wp.cycli.start(groep, aanleiding="Scores dalen", vraag="Hoe beter?", datum=dag)
    return wp


@given(st.integers(1990, 2099))
def test_een_schooljaar_schrijft_u_op_elke_gewone_manier(begin: int) -> None:
    verwacht = f"{begin}-{begin + 1}"
    vormen = [begin, str(begin), verwacht, f"{begin}/{begin + 1}", f" {begin} - {begin + 1} "]
    if begin % 100 != 99:
        vormen.append(f"{begin}-{(begin + 1) % 100:02d}")
    assert {schooljaar(v) for v in vormen} == {verwacht}


@pytest.mark.parametrize("fout", ["2026-2028", "2026", "twintig", "1850-1851", "2026-2025", ""])
def test_een_schooljaar_dat_er_geen_is_wordt_geweigerd(fout: str) -> None:
    if fout == "2026":
        assert schooljaar(fout) == "2026-2027"
        return
    with pytest.raises(InvalidValue, match="schooljaar"):
        schooljaar(fout)


def test_een_schooljaar_begint_op_1_augustus() -> None:
    assert schooljaar_van(dt.date(2026, 7, 31)) == "2025-2026"
    assert schooljaar_van(dt.date(2026, 8, 1)) == "2026-2027"


def test_agenda_per_schooljaar_met_werkgroepen_aanvragen_en_waarschuwingen(
    agenda: Werkplaats,
) -> None:
    wp = agenda
    oa = wp.ontwikkelagenda
    rekenen = oa.toevoegen(
        "Rekenen met eigenaarschap",
        schooljaren=["2026-27", "2025/2026"],
        vraag="Hoe sturen leerlingen hun rekenontwikkeling?",
        thema="rekenonderwijs",  # a synonym: stored as the thesaurus' label
        werkgroepen=["Rekenen groep 5-8"],
    )
    assert rekenen.schooljaren == ("2025-2026", "2026-2027") and rekenen.thema == "rekenen"
    oa.toevoegen("Burgerschap", schooljaren=["2027-2028"], thema="burgerschap")
    oa.toevoegen("Oud speerpunt", schooljaren=["2023-2024"])
    oa.aanvraag("Rekenen met", "Rekenen in contexten", regeling="NRO", datum=dt.date(2026, 10, 1))
    oa.aanvraag_status("Rekenen met", 1, "toegekend", datum=dt.date(2026, 11, 2))

    o = oa.overzicht()
    assert [(j.schooljaar, j.huidig) for j in o.jaren] == [
        ("2023-2024", False),
        ("2025-2026", False),
        ("2026-2027", True),
        ("2027-2028", False),
    ]
    assert [len(j.punten) for j in o.jaren] == [1, 1, 1, 1]
    stand = next(s for s in o.punten if s.punt.id == rekenen.id)
    assert [g.naam for g in stand.werkgroepen] == ["Rekenen groep 5-8"]
    assert stand.aanvragen == {"toegekend": 1}
    verhaal = wp.werkgroepen.zoek("Verhaaltjessommen").id
    soorten = {(w.soort, w.naam, w.werkgroepen, w.voorbeelden) for w in o.waarschuwingen}
    assert soorten == {
        # Burgerschap lies ahead without a werkgroep; the old point is history
        ("punt-zonder-werkgroep", "Burgerschap", (), ()),
        # Verhaaltjessommen researches a narrower theme of rekenen without being
        # linked; the dormant Leesclub (no cycle) is not held against the agenda
        ("niet-gekoppeld", "Rekenen met eigenaarschap", (verhaal,), ("Verhaaltjessommen",)),
        ("werkgroepen-zonder-punt", "", (verhaal,), ("Verhaaltjessommen",)),
    }
    assert o.werkgroepen_zonder_punt == 1

    oa.koppel("Rekenen met", "Verhaaltjessommen")
    oa.koppel("Rekenen met", "Verhaaltjessommen")  # twice is once
    o = oa.overzicht(van="2025-2026", tot="2026-2027")
    assert [j.schooljaar for j in o.jaren] == ["2025-2026", "2026-2027"]
    assert not [w for w in o.waarschuwingen if w.soort != "punt-zonder-werkgroep"]
    assert oa.zoek("Rekenen met").werkgroepen == (
        wp.werkgroepen.zoek("Rekenen groep 5-8").id,
        wp.werkgroepen.zoek("Verhaaltjessommen").id,
    )
    oa.ontkoppel("Rekenen met", "Verhaal")
    assert len(oa.zoek("Rekenen met").werkgroepen) == 1


def test_wat_er_geleerd_is_komt_uit_de_afgeronde_cycli(agenda: Werkplaats) -> None:
    wp = agenda
    dag = dt.date(2026, 9, 1)
    wp.cycli.beginsituatie("Rekenen groep 5-8", tekst="52% op niveau", bronnen=["toets"], datum=dag)
    wp.cycli.doel(
        "Rekenen groep 5-8",
        tekst="Meer leerlingen op niveau",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 52.0, 65.0)],
        datum=dag,
    )
    wp.cycli.plan(
        "Rekenen groep 5-8",
        acties=[("samen lessen bekijken", "team", "okt")],
        literatuur=["boek"],
        datum=dag,
    )
    wp.cycli.uitvoeren("Rekenen groep 5-8", datum=dag)
    wp.cycli.meting(
        "Rekenen groep 5-8", indicator="op niveau", waarde=61.0, datum=dt.date(2026, 11, 1)
    )
    wp.cycli.evaluatie(
        "Rekenen groep 5-8",
        conclusie="deels",
        tekst="Vooruitgang, doel nog niet gehaald",
        lessen=["Samen lessen bekijken hielp"],
        datum=dt.date(2026, 11, 10),
    )
    wp.ontwikkelagenda.toevoegen(
        "Rekenen", schooljaren=["2026-2027"], werkgroepen=["Rekenen groep"]
    )
    stand = wp.ontwikkelagenda.stand("Rekenen")
    [geleerd] = stand.geleerd
    assert (geleerd.werkgroep, geleerd.cyclus, geleerd.conclusie) == (
        "Rekenen groep 5-8",
        1,
        "deels",
    )
    assert geleerd.lessen == ("Samen lessen bekijken hielp",)


def test_data_van_een_aanvraag_kloppen(agenda: Werkplaats) -> None:
    oa = agenda.ontwikkelagenda
    oa.toevoegen("Rekenen", schooljaren=["2026-2027"])
    with pytest.raises(InvalidValue, match="toekomst"):
        oa.aanvraag("Rekenen", "Te vroeg", datum=dt.date(2026, 12, 24))
    oa.aanvraag("Rekenen", "Contexten", datum=dt.date(2026, 10, 1), status="ingediend")
    with pytest.raises(InvalidValue, match="eerder"):
        oa.aanvraag_status("Rekenen", 1, "toegekend", datum=dt.date(2026, 9, 30))
    with pytest.raises(InvalidValue, match="geen aanvraag 2"):
        oa.aanvraag_status("Rekenen", 2, "toegekend")
    with pytest.raises(InvalidValue, match="status"):
        oa.aanvraag_status("Rekenen", 1, "misschien")
    bijgewerkt = oa.aanvraag_status("Rekenen", 1, "gehonoreerd")  # a synonym
    assert bijgewerkt.aanvragen[0].status.value == "toegekend"
    assert bijgewerkt.aanvragen[0].datum == dt.date(2026, 11, 23)
    weg = oa.verwijder_aanvraag("Rekenen", 1)
    assert weg.titel == "Contexten" and oa.zoek("Rekenen").aanvragen == ()
    with pytest.raises(InvalidValue, match="minstens één schooljaar"):
        oa.toevoegen("Zonder jaar", schooljaren=[])


def test_een_werkgroep_op_de_agenda_weghalen(
    agenda: Werkplaats, ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    wp = agenda
    wp.ontwikkelagenda.toevoegen("Rekenen", schooljaren=["2026-2027"], werkgroepen=["Verhaal"])
    in_map(wp.root)
    voor = momentopname(wp.root)
    geweigerd = ozc("werkgroep", "verwijder", "Verhaaltjessommen", "--ja")
    assert geweigerd.exit_code != 0
    assert "agendapunt" in geweigerd.stderr and "--met-verwijzingen" in geweigerd.stderr
    assert momentopname(wp.root) == voor
    gelukt = ozc("werkgroep", "verwijder", "Verhaaltjessommen", "--met-verwijzingen", "--ja")
    assert gelukt.exit_code == 0, gelukt.stderr
    assert wp.ontwikkelagenda.zoek("Rekenen").werkgroepen == ()
    assert wp.controleer() == []


def test_controleer_vindt_een_verdwenen_werkgroep_en_een_datum_in_de_toekomst(
    agenda: Werkplaats,
) -> None:
    punt = agenda.ontwikkelagenda.toevoegen("Rekenen", schooljaren=["2026-2027"])
    pad = agenda.root / "ontwikkelagenda" / f"{punt.id}.toml"
    data = loads_toml(pad.read_bytes())
    data["werkgroepen"] = ["bestaat-niet-abc123"]
    data["aanvragen"] = [{"titel": "Later", "datum": dt.date(2027, 3, 1), "status": "idee"}]
    pad.write_bytes(dumps_toml(data))
    problemen = agenda.controleer()
    assert len(problemen) == 2, problemen
    assert all(f"ontwikkelagenda/{punt.id}.toml" in r for r in problemen)
    assert any("werkgroepen[0]" in r and "bestaat-niet-abc123" in r for r in problemen)
    assert any("aanvragen[0].datum" in r and "2027-03-01" in r for r in problemen)
    [onbekend] = [
        w
        for w in agenda.ontwikkelagenda.overzicht().waarschuwingen
        if w.soort == "onbekende-werkgroep"
    ]
    assert onbekend.werkgroepen == ("bestaat-niet-abc123",)


def test_ozc_ontwikkelagenda_voor_een_coordinator(
    agenda: Werkplaats, ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    in_map(agenda.root)
    r = ozc("ontwikkelagenda", "toevoegen", "Rekenen met eigenaarschap", "--jaar", "2026-2027",
            "--jaar", "2027-2028", "--thema", "rekenen", "--werkgroep", "Rekenen groep 5-8",
            "--vraag", "Hoe sturen leerlingen zelf?")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "Op de agenda: Rekenen met eigenaarschap (2026-2027, 2027-2028)." in r.stdout
    r = ozc("ontwikkelagenda", "aanvraag", "Rekenen met", "Rekenen in contexten",
            "--regeling", "NRO", "--status", "ingediend", "--datum", "2026-10-01")  # fmt: skip
    assert "Aanvraag 1 bij 'Rekenen met eigenaarschap'" in r.stdout, r.stderr
    r = ozc("ontwikkelagenda", "wijzig", "Rekenen met", "--aanvraag", "1", "--status", "toegekend")
    assert "Aanvraag 1: Rekenen in contexten (NRO), toegekend sinds 23 nov 2026." in r.stdout
    r = ozc("ontwikkelagenda", "overzicht")
    assert r.exit_code == 0, r.stderr
    regels = r.stdout.splitlines()
    assert "2026-2027 (dit schooljaar)" in regels
    assert "  Rekenen met eigenaarschap  (1 werkgroep, 1 aanvraag)" in regels
    assert "Werkgroep 'Verhaaltjessommen' werkt aan het thema van 'Rekenen met" in r.stdout
    assert all(len(x) <= 80 for x in regels)
    r = ozc("ontwikkelagenda", "toon", "rekenen-met")
    assert "1. Rekenen in contexten (NRO): toegekend sinds 23 nov 2026" in r.stdout, r.stderr
    # a mistake is refused with the way out, and nothing changes
    voor = momentopname(agenda.root)
    for fout in (
        ("ontwikkelagenda", "toevoegen", "Zonder jaar"),
        ("ontwikkelagenda", "toevoegen", "Fout jaar", "--jaar", "2026-2028"),
        ("ontwikkelagenda", "wijzig", "Rekenen met", "--aanvraag", "1"),
        ("ontwikkelagenda", "wijzig", "Rekenen met", "--aanvraag", "1", "--status", "idee",
         "--datum", "2026-10-02", "--titel", "Nieuw"),
        ("ontwikkelagenda", "aanvraag", "Rekenen met", "Later", "--datum", "2026-12-01"),
        ("ontwikkelagenda", "toon", "Onbekend punt"),
        ("ontwikkelagenda", "verwijder", "Rekenen met"),  # no --ja and no terminal
    ):  # fmt: skip
        uit = ozc(*fout)
        assert uit.exit_code != 0, fout
        assert "Traceback" not in uit.stderr and uit.stderr.strip(), fout
    assert momentopname(agenda.root) == voor
    assert "ozc ontwikkelagenda lijst" in ozc("ontwikkelagenda", "toon", "Onbekend punt").stderr
    r = ozc("ontwikkelagenda", "verwijder", "Rekenen met", "--aanvraag", "1", "--ja")
    assert "Aanvraag 1 is weggehaald: Rekenen in contexten." in r.stdout, r.stderr
    r = ozc("ontwikkelagenda", "verwijder", "Rekenen met", "--ja")
    assert (
        r.exit_code == 0
        and ozc("ontwikkelagenda", "lijst").stdout.strip() == "Geen speerpunten gevonden."
    )


def test_json_van_de_agenda_volgt_het_schema(
    agenda: Werkplaats, ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    in_map(agenda.root)
    ozc(
        "ontwikkelagenda",
        "toevoegen",
        "Rekenen",
        "--jaar",
        "2026-2027",
        "--werkgroep",
        "Rekenen groep",
    )
    ozc("ontwikkelagenda", "aanvraag", "Rekenen", "Contexten")
    for opdracht, schema in (
        (("ontwikkelagenda", "overzicht"), "Agendaoverzicht"),
        (("ontwikkelagenda", "toon", "Rekenen"), "Puntstand"),
    ):
        r = ozc("--json", *opdracht)
        assert r.exit_code == 0, r.stderr
        data = json.loads(r.stdout)
        jsonschema.validate(data, json.loads((SCHEMA / f"{schema}.schema.json").read_text()))
    data = json.loads(ozc("--json", "ontwikkelagenda", "lijst").stdout)
    punt_schema = json.loads((SCHEMA / "Agendapunt.schema.json").read_text())
    for punt in data:
        jsonschema.validate(punt, punt_schema)
    assert data[0]["aanvragen"][0]["status"] == "idee"


def test_de_agenda_gaat_mee_in_de_export(agenda: Werkplaats, tmp_path: Path) -> None:
    agenda.ontwikkelagenda.toevoegen(
        "Rekenen", schooljaren=["2026-2027"], werkgroepen=["Rekenen groep"]
    )
    exporteer(agenda, "json", tmp_path / "alles.json")
    data = json.loads((tmp_path / "alles.json").read_text(encoding="utf-8"))
    [punt] = data["ontwikkelagenda"]
    assert punt["titel"] == "Rekenen" and punt["schooljaren"] == ["2026-2027"]
    exporteer(agenda, "markdown", tmp_path / "alles.md")
    md = (tmp_path / "alles.md").read_text(encoding="utf-8")
    assert "## Ontwikkelagenda" in md and "Rekenen (2026-2027)" in md


def test_twee_kopieen_vullen_dezelfde_agenda_aan(tmp_path: Path) -> None:
    """Two coordinators each add an application to one speerpunt in their own clone;
    after sharing both are there, in both clones."""
    a, b = maak_kopieen(tmp_path, 2)
    punt = a.ontwikkelagenda.toevoegen("Rekenen", schooljaren=["2026-2027"])
    _git(a.root, "add", "-A")
    _git(a.root, "commit", "-q", "-m", "agenda")
    deel(a.root)
    deel(b.root)
    a.ontwikkelagenda.aanvraag(punt.id, "Uit A")
    b.ontwikkelagenda.aanvraag(punt.id, "Uit B")
    b.ontwikkelagenda.koppel(punt.id, "Rekenen")
    deel(a.root)
    verslag = deel(b.root)
    assert verslag.conflicten == ()
    deel(a.root)
    for wp in (a, b):
        gezien = wp.ontwikkelagenda.zoek(id=punt.id)
        assert sorted(x.titel for x in gezien.aanvragen) == ["Uit A", "Uit B"]
        assert gezien.werkgroepen == (wp.werkgroepen.zoek("Rekenen").id,)
        assert wp.controleer() == []


def test_een_onbekend_agendapunt_noemt_de_lijst(agenda: Werkplaats) -> None:
    with pytest.raises(OnderzoekscyclusError) as fout:
        agenda.ontwikkelagenda.zoek("Bestaat niet")
    assert "agendapunt" in str(fout.value)


def test_het_voorbeeld_van_de_docs_draait_zoals_het_er_staat(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/partnerschap.md's agenda example, as a coordinator would type it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    docs = Path(__file__).parents[1] / "docs" / "partnerschap.md"
    speel_af(ozc, voorbeeld(docs, "### Een voorbeeld: de agenda"))


def test_het_jaar_van_de_coordinator_draait_zoals_het_er_staat(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/partnerschap.md's coordinator's year: schools from DUO, the agenda, a visit
    whose finding becomes a bron, a student linked to the werkgroep, the overview."""
    top = Path(__file__).parents[1]
    shutil.copy(top / "examples" / "duo" / "adressen-bo.csv", tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    speel_af(ozc, voorbeeld(top / "docs" / "partnerschap.md", "## Het jaar van de coördinator"))
    wp = Werkplaats.open(tmp_path / "kempen")
    groep = wp.werkgroepen.zoek("Rekenen SBO")
    [bron] = groep.cycli[0].bronnen
    assert bron.bezoek is not None and bron.bevinding is not None
    assert [lid.onderzoeksvraag for lid in groep.leden] == [
        None,
        "Wat doet tekenen bij verhaaltjessommen?",
    ]
    assert wp.controleer() == []


def test_vergissingen_bij_de_agenda_zijn_te_herstellen(agenda: Werkplaats) -> None:
    """A title the agenda has is refused (with the command that adds the year), a theme
    the thesaurus does not know is refused unless it is new on purpose, a werkgroep that
    is not linked is named as such, and an application's title, scheme and the day of its
    status can be corrected."""
    oa = agenda.ontwikkelagenda
    punt = oa.toevoegen("Rekenen", schooljaren=["2026-2027"], werkgroepen=["Rekenen groep"])
    with pytest.raises(InvalidValue) as fout:
        oa.toevoegen("rekenen", schooljaren=["2027-2028"])
    assert "--jaar 2026-2027 --jaar 2027-2028" in str(fout.value)
    oa.toevoegen("Burgerschap", schooljaren=["2027"])
    with pytest.raises(InvalidValue, match="staat al op de agenda"):
        oa.wijzig("Burgerschap", titel="Rekenen")
    with pytest.raises(InvalidValue, match="Bedoelde u: rekenen"):
        oa.wijzig("Rekenen", thema="rekenenn")
    assert oa.wijzig("Rekenen", thema="Kanjertraining", nieuw_thema=True).thema == "Kanjertraining"
    assert oa.wijzig("Rekenen", thema="").thema is None
    with pytest.raises(InvalidValue, match="hoort niet bij 'Rekenen'") as fout:
        oa.ontkoppel("Rekenen", "Verhaaltjessommen")
    assert "Rekenen groep 5-8" in str(fout.value)
    oa.aanvraag(
        punt.id, "Contexten", regeling="NRO", status="ingediend", datum=dt.date(2026, 11, 10)
    )
    p = oa.wijzig_aanvraag(punt.id, 1, titel="Rekenen in contexten", regeling="")
    assert (p.aanvragen[0].titel, p.aanvragen[0].regeling) == ("Rekenen in contexten", None)
    # the day of the status it has can be corrected, also to before
    p = oa.wijzig_aanvraag(punt.id, 1, datum=dt.date(2026, 10, 1))
    assert (p.aanvragen[0].status.value, p.aanvragen[0].datum) == (
        "ingediend",
        dt.date(2026, 10, 1),
    )
    p = oa.aanvraag_status(punt.id, 1, "ingediend", datum=dt.date(2026, 9, 30))
    assert p.aanvragen[0].datum == dt.date(2026, 9, 30)
    with pytest.raises(InvalidValue, match="toekomst"):
        oa.wijzig_aanvraag(punt.id, 1, datum=dt.date(2026, 12, 1))
