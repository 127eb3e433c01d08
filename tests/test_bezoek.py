"""School visits: a visit is a file of its own, its bevindingen are facts (on or after
the day of the visit, never after today), a bevinding can become a bron of a cycle as
the cycle's own rules allow, and the visit takes part in everything else a werkplaats
does: references, removal, forgetting, checking, exports, merging and suggestions."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.api.delen import deel
from onderzoekscyclus.domein import bezoek as bz
from onderzoekscyclus.domein.tijd import EERSTE_DAG, LAATSTE_DAG
from onderzoekscyclus.errors import Geweigerd, UnknownReference
from onderzoekscyclus.export import exporteer
from onderzoekscyclus.opslag.bestanden import Opslag
from onderzoekscyclus.opslag.git import stel_in

from .conftest import Ozc, geweigerd
from .docvoorbeeld import speel_af, voorbeeld

VANDAAG = dt.date(2026, 11, 23)  # the clock of the conftest
BEZOEKDAG = dt.date(2026, 11, 2)


@pytest.fixture
def wp(gevulde_werkplaats: Werkplaats) -> Werkplaats:
    """De Regenboog (Noord) with Anna and the werkgroep Rekenen; De Vlinderboom with
    Lotte, and a visitatie to De Regenboog on BEZOEKDAG with Lotte as a visitor."""
    w = gevulde_werkplaats
    w.scholen.toevoegen("De Vlinderboom", brin="17EF", sector="po", cluster="Zuid")
    w.personen.toevoegen(
        "Lotte Hendriks",
        school="De Vlinderboom",
        rollen=["intern-begeleider"],
        expertise=["breuken"],
    )
    b = w.bezoeken.nieuw(
        "De Regenboog",
        vraag="Hoe maken we verhaaltjessommen betekenisvol?",
        soort="visitatie",
        datum=BEZOEKDAG,
        themas=["Rekenen"],
    )
    w.bezoeken.bezoeker(b.id, "Lotte", rol="intern-begeleider")
    return w


def _bezoek_id(w: Werkplaats) -> str:
    return w.bezoeken.lijst()[0].id


def _bestand(w: Werkplaats, id_: str) -> dict[str, object]:
    return tomllib.loads((w.root / "bezoeken" / f"{id_}.toml").read_text(encoding="utf-8"))


# --- the entity and its file --------------------------------------------------------------


def test_een_bezoek_is_een_eigen_bestand_met_ids_voor_bevindingen(wp: Werkplaats) -> None:
    """The visit is ``bezoeken/<slug>-<random>.toml``; its host and visitors are ids (no
    names), and every bevinding gets an id when it is stored."""
    id_ = _bezoek_id(wp)
    assert id_.startswith("visitatie-de-regenboog-")
    wp.bezoeken.bevinding(id_, "Leerlingen tekenen de situatie niet", datum=BEZOEKDAG)
    data = _bestand(wp, id_)
    assert data["schema"] == "1.0"
    assert data["school"] == wp.scholen.zoek("De Regenboog").id
    assert data["soort"] == "visitatie"
    assert data["themas"] == ["rekenen"]  # the thesaurus' label
    lotte = wp.personen.zoek("Lotte").id
    assert data["bezoekers"] == [{"persoon": lotte, "rol": "intern-begeleider"}]
    [bevinding] = data["bevindingen"]  # type: ignore[misc]
    assert bevinding["datum"] == BEZOEKDAG and len(bevinding["id"]) == 12
    assert "Lotte" not in (wp.root / "bezoeken" / f"{id_}.toml").read_text(encoding="utf-8")
    assert wp.controleer() == []


def test_cli_nieuw_lijst_toon_wijzig_verwijder(wp: Werkplaats, ozc: Ozc, in_map: object) -> None:
    """Every command answers in Dutch and with --json; a removal asks first (--ja)."""
    in_map(wp.root)  # type: ignore[operator]
    uit = ozc(
        "--json", "bezoek", "nieuw", "Vlinderboom", "--vraag", "Hoe lezen kleuters?",
        "--soort", "lesbezoek", "--datum", "2026-12-10", "--thema", "lezen",
    )  # fmt: skip
    assert uit.exit_code == 0, uit.output
    nieuw = json.loads(uit.stdout)
    assert (nieuw["soort"], nieuw["datum"], nieuw["titel"]) == (
        "lesbezoek",
        "2026-12-10",
        "Lesbezoek De Vlinderboom",
    )
    lijst = json.loads(ozc("--json", "bezoek", "lijst").stdout)
    assert [b["datum"] for b in lijst] == ["2026-11-02", "2026-12-10"]
    assert [
        b["id"] for b in json.loads(ozc("--json", "bezoek", "lijst", "--soort", "lesbezoek").stdout)
    ] == [nieuw["id"]]
    assert len(json.loads(ozc("--json", "bezoek", "lijst", "--persoon", "Lotte").stdout)) == 1
    tekst = ozc("bezoek", "toon", "Lesbezoek").stdout
    assert "Hoe lezen kleuters?" in tekst and "Bezoekers: (nog niemand)" in tekst
    assert all(len(r) <= 80 for r in tekst.splitlines())
    gewijzigd = ozc("--json", "bezoek", "wijzig", nieuw["id"], "--vraag", "Hoe lezen peuters?")
    assert json.loads(gewijzigd.stdout)["vraag"] == "Hoe lezen peuters?"
    assert ozc("bezoek", "verwijder", nieuw["id"], invoer="n\n").exit_code != 0
    assert (wp.root / "bezoeken" / f"{nieuw['id']}.toml").exists()
    assert ozc("bezoek", "verwijder", nieuw["id"], "--ja").exit_code == 0
    assert not (wp.root / "bezoeken" / f"{nieuw['id']}.toml").exists()


def test_onbekende_school_of_persoon_wordt_geweigerd(
    wp: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    in_map(wp.root)  # type: ignore[operator]
    with pytest.raises(UnknownReference):
        wp.bezoeken.nieuw("Het Bolwerk", vraag="?")
    uit = ozc("bezoek", "bezoeker", _bezoek_id(wp), "Jan Klaassen")
    assert uit.exit_code != 0 and "Geen persoon gevonden voor 'Jan Klaassen'" in uit.stderr
    assert len(wp.bezoeken.lijst()[0].bezoekers) == 1


# --- dates ---------------------------------------------------------------------------------


def test_bevinding_voor_het_bezoek_wordt_geweigerd(
    wp: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    in_map(wp.root)  # type: ignore[operator]
    id_ = _bezoek_id(wp)
    uit = ozc("bezoek", "bevinding", id_, "Vooraf gezien", "--datum", "2026-11-01")
    assert uit.exit_code == 3
    assert "vóór het bezoek (2026-11-02)" in uit.stderr and "--datum" in uit.stderr
    assert _bestand(wp, id_)["bevindingen"] == []


def test_bevinding_in_de_toekomst_wordt_geweigerd(wp: Werkplaats) -> None:
    geweigerd(
        lambda: wp.bezoeken.bevinding(_bezoek_id(wp), "Later", datum=VANDAAG + dt.timedelta(1)),
        "datum.toekomst",
        "2026-11-24",
    )


def test_gepland_bezoek_mag_in_de_toekomst_maar_krijgt_nog_geen_bevinding(wp: Werkplaats) -> None:
    """A planned visit is fine; today lies before it, so no day fits a bevinding yet."""
    b = wp.bezoeken.nieuw("Vlinderboom", vraag="?", datum=dt.date(2027, 1, 15))
    assert wp.controleer() == []
    fout = geweigerd(lambda: wp.bezoeken.bevinding(b.id, "Te vroeg"), "bezoek.gepland", "wijzig")
    assert "gepland op 2027-01-15" in fout


def test_de_dag_van_een_bezoek_schuift_niet_voorbij_een_bevinding(wp: Werkplaats) -> None:
    id_ = _bezoek_id(wp)
    wp.bezoeken.bevinding(id_, "Gezien", datum=dt.date(2026, 11, 3))
    geweigerd(
        lambda: wp.bezoeken.wijzig(id_, datum=dt.date(2026, 11, 4)), "bezoek.bevinding-voor-bezoek"
    )
    assert wp.bezoeken.wijzig(id_, datum=dt.date(2026, 11, 3)).datum == dt.date(2026, 11, 3)


@given(
    bezoekdag=st.dates(EERSTE_DAG, LAATSTE_DAG),
    datum=st.dates(EERSTE_DAG, LAATSTE_DAG),
    vandaag=st.dates(EERSTE_DAG, LAATSTE_DAG),
)
def test_een_bevinding_ligt_tussen_het_bezoek_en_vandaag(
    bezoekdag: dt.date, datum: dt.date, vandaag: dt.date
) -> None:
    """The one date rule for bevindingen: accepted exactly when visit <= date <= today."""
    b = bz.Schoolbezoek(
        id="bezoek-abc234", titel="B", school="school-abc234", soort="lesbezoek",
        datum=bezoekdag, vraag="?",
    )  # fmt: skip
    if bezoekdag <= datum <= vandaag:
        assert bz.met_bevinding(b, "x", datum=datum, vandaag=vandaag).bevindingen[-1].datum == datum
    else:
        with pytest.raises(Geweigerd):
            bz.met_bevinding(b, "x", datum=datum, vandaag=vandaag)


# --- a bevinding as a bron -------------------------------------------------------------------


def _cyclus_in_aanleiding(w: Werkplaats) -> None:
    w.cycli.start("Rekenen", aanleiding="Sommen gaan slecht", vraag="Hoe beter?", datum=BEZOEKDAG)


def test_een_bevinding_wordt_in_een_stap_een_bron(wp: Werkplaats, ozc: Ozc, in_map: object) -> None:
    """`ozc bezoek bron` adds the bevinding to the beginsituatie (moving the cycle from
    aanleiding on), and the bron names the visit and the bevinding."""
    in_map(wp.root)  # type: ignore[operator]
    _cyclus_in_aanleiding(wp)
    id_ = _bezoek_id(wp)
    wp.bezoeken.bevinding(id_, "Niemand tekent de situatie", datum=BEZOEKDAG)
    uit = ozc(
        "--json", "bezoek", "bron", id_, "1", "--werkgroep", "Rekenen",
        "--tekst", "Leerlingen visualiseren niet", "--datum", "2026-11-10",
    )  # fmt: skip
    assert uit.exit_code == 0, uit.output
    assert json.loads(uit.stdout)["cyclus"]["fase"] == "beginsituatie"
    [bron] = wp.cycli.overzicht("Rekenen").cyclus.bronnen
    bevinding = wp.bezoeken.zoek(id_).bevindingen[0]
    assert (bron.beschrijving, bron.soort, bron.bezoek, bron.bevinding) == (
        "Niemand tekent de situatie",
        "schoolbezoek",
        id_,
        bevinding.id,
    )
    again = ozc("bezoek", "bron", id_, "1", "--werkgroep", "Rekenen")
    assert again.exit_code == 3 and "al een bron van cyclus 1" in again.stderr
    assert wp.controleer() == []


def test_na_de_beginsituatie_weigert_de_cyclus_zelf_de_bron(wp: Werkplaats) -> None:
    """The refusal is the state machine's own: 'beginsituatie' cannot in phase doel."""
    _cyclus_in_aanleiding(wp)
    wp.cycli.beginsituatie("Rekenen", tekst="t", bronnen=["toets"], datum=BEZOEKDAG)
    wp.cycli.doel(
        "Rekenen", tekst="d", visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 60.0, 75.0)], datum=BEZOEKDAG,
    )  # fmt: skip
    id_ = _bezoek_id(wp)
    wp.bezoeken.bevinding(id_, "Gezien", datum=BEZOEKDAG)
    tekst = geweigerd(lambda: wp.bezoeken.bron(id_, 1, werkgroep="Rekenen"), "fase", "terug")
    assert "'beginsituatie' kan niet in fase 'doel'" in tekst
    assert len(wp.cycli.overzicht("Rekenen").cyclus.bronnen) == 1


def test_een_onbekende_bevinding_of_cyclus_wordt_geweigerd(wp: Werkplaats) -> None:
    _cyclus_in_aanleiding(wp)
    id_ = _bezoek_id(wp)
    geweigerd(lambda: wp.bezoeken.bron(id_, 1, werkgroep="Rekenen"), "bezoek.onbekende-bevinding")
    wp.bezoeken.bevinding(id_, "Gezien", datum=BEZOEKDAG)
    geweigerd(lambda: wp.bezoeken.bron(id_, 1, werkgroep="Rekenen", cyclus=2), "cyclus.onbekend")


# --- references, removal, forgetting, checking ------------------------------------------------


def test_een_bezoeker_gaat_niet_weg_zonder_met_verwijzingen(
    wp: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    in_map(wp.root)  # type: ignore[operator]
    uit = ozc("persoon", "verwijder", "Lotte", "--ja")
    assert uit.exit_code == 3 and "bezoek 'Visitatie De Regenboog'" in uit.stderr
    assert ozc("persoon", "verwijder", "Lotte", "--met-verwijzingen", "--ja").exit_code == 0
    assert wp.bezoeken.lijst()[0].bezoekers == ()
    assert wp.controleer() == []


def test_een_schrijver_van_een_bevinding_of_de_gastschool_blijft(wp: Werkplaats) -> None:
    id_ = _bezoek_id(wp)
    wp.bezoeken.bevinding(id_, "Gezien", datum=BEZOEKDAG, door="Lotte")
    geweigerd(lambda: wp.personen.verwijder("Lotte", met_verwijzingen=True), "verwijder.in-gebruik")
    wp.werkgroepen.verwijder("Rekenen")
    geweigerd(
        lambda: wp.scholen.verwijder("De Regenboog", met_verwijzingen=True), "verwijder.in-gebruik"
    )


def test_een_bezoek_dat_bron_werd_blijft(wp: Werkplaats) -> None:
    _cyclus_in_aanleiding(wp)
    id_ = _bezoek_id(wp)
    wp.bezoeken.bevinding(id_, "Gezien", datum=BEZOEKDAG)
    wp.bezoeken.bron(id_, 1, werkgroep="Rekenen", tekst="t")
    tekst = geweigerd(lambda: wp.bezoeken.verwijder(id_), "verwijder.in-gebruik")
    assert "Rekenen groep 5-8" in tekst
    assert (wp.root / "bezoeken" / f"{id_}.toml").exists()


def test_controleer_meldt_wat_een_bezoek_mist(wp: Werkplaats) -> None:
    """A hand edit: a visitor who does not exist, a bevinding before the visit, and a
    bron pointing at a visit that is gone."""
    id_ = _bezoek_id(wp)
    pad = wp.root / "bezoeken" / f"{id_}.toml"
    lotte = wp.personen.zoek("Lotte").id
    pad.write_text(
        pad.read_text(encoding="utf-8")
        .replace(lotte, "persoon-zzzzzz")
        .replace("bevindingen = []\n", "")
        + '\n[[bevindingen]]\ndatum = 2026-10-01\ntekst = "Te vroeg"\n',
        encoding="utf-8",
    )
    regels = wp.controleer()
    assert any("$.bezoekers[0].persoon" in r and "persoon-zzzzzz" in r for r in regels), regels
    assert any("$.bevindingen[0].datum" in r and "vóór de dag van het bezoek" in r for r in regels)
    _cyclus_in_aanleiding(wp)
    pad.unlink()
    groep = wp.root / "werkgroepen" / f"{wp.werkgroepen.zoek('Rekenen').id}.toml"
    bron = '[{ beschrijving = "b", datum = 2026-11-02, bezoek = "weg-abc234" }]'
    groep.write_text(
        groep.read_text(encoding="utf-8").replace("bronnen = []", f"bronnen = {bron}"),
        encoding="utf-8",
    )
    regels = wp.controleer()
    assert any("bronnen[0].bezoek" in r and "weg-abc234" in r for r in regels), regels


def test_een_vergeten_bezoeker_verdwijnt_uit_naam_en_tekst(wp: Werkplaats) -> None:
    id_ = _bezoek_id(wp)
    wp.bezoeken.bevinding(id_, "Lotte Hendriks zag rust in groep 6", datum=BEZOEKDAG)
    lotte = wp.personen.zoek("Lotte").id
    verslag = wp.personen.vergeet("Lotte")
    assert f"bezoeken/{id_}.toml" in {w.bestand for w in verslag.wijzigingen}
    tekst = (wp.root / "bezoeken" / f"{id_}.toml").read_text(encoding="utf-8")
    assert "Lotte" not in tekst and "Hendriks" not in tekst
    assert wp.bezoeken.zoek(id_).bezoekers[0].persoon == lotte  # the id stays, nameless
    assert wp.controleer() == []


@pytest.mark.parametrize("formaat", ["json", "csv", "markdown"])
def test_een_gepseudonimiseerde_export_noemt_geen_bezoeker(
    wp: Werkplaats, formaat: str, tmp_path: Path
) -> None:
    id_ = _bezoek_id(wp)
    wp.bezoeken.bevinding(id_, "Hendriks gaf een goede tip", datum=BEZOEKDAG, door="Lotte")
    eigen = wp.bezoeken.nieuw("Vlinderboom", vraag="?", titel="Les van Lotte Hendriks")
    assert "lotte" in eigen.id  # a title with a name makes an id with it
    uit = tmp_path / "uit"
    exporteer(wp, formaat, uit, pseudoniem_=True)
    bestanden = [uit] if uit.is_file() else sorted(p for p in uit.rglob("*") if p.is_file())
    alles = "\n".join(p.read_text(encoding="utf-8") for p in bestanden)
    assert "goede tip" in alles  # the visit is in the export
    for vorm in ("Lotte", "Hendriks", "lotte", wp.personen.zoek("Lotte").id, eigen.id):
        assert vorm not in alles, (formaat, vorm)


# --- merging two clones ------------------------------------------------------------------------


def _git(map_: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=map_, check=True, capture_output=True, text=True)


def test_twee_kopieen_schrijven_bevindingen_bij_hetzelfde_bezoek(
    wp: Werkplaats, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two schools write a bevinding to one visit in their own clone; after sharing,
    both clones hold both, in the same bytes, without a conflict."""
    for soort in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{soort}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{soort}_EMAIL", "test@school.example")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    _git(tmp_path, "init", "-q", "--bare", "-b", "main", "gedeeld.git")
    _git(wp.root, "init", "-q", "-b", "main")
    _git(wp.root, "add", "-A")
    _git(wp.root, "commit", "-q", "-m", "begin")
    _git(wp.root, "push", "-q", str(tmp_path / "gedeeld.git"), "main")
    kopieen = []
    for naam in ("a", "b"):
        _git(tmp_path, "clone", "-q", str(tmp_path / "gedeeld.git"), naam)
        stel_in(tmp_path / naam)
        kopieen.append(Werkplaats.open(tmp_path / naam, vandaag=lambda: VANDAAG))
    a, b = kopieen
    id_ = _bezoek_id(a)
    a.bezoeken.bevinding(id_, "Uit kopie A", datum=BEZOEKDAG)
    b.bezoeken.bevinding(id_, "Uit kopie B", datum=dt.date(2026, 11, 3))
    deel(a.root)
    assert deel(b.root).conflicten == ()
    deel(a.root)
    for kopie in (a, b):
        assert [x.tekst for x in kopie.bezoeken.zoek(id_).bevindingen] == [
            "Uit kopie A",
            "Uit kopie B",
        ]
        assert kopie.controleer() == []
    assert (a.root / "bezoeken" / f"{id_}.toml").read_bytes() == (
        b.root / "bezoeken" / f"{id_}.toml"
    ).read_bytes()


# --- suggestions -----------------------------------------------------------------------------


def _partnerschap(w: Werkplaats) -> None:
    """A host in cluster Noord of Stichting A, and proud schools near and far."""
    w.scholen.toevoegen("Gast", brin="10AA", sector="po", bestuur="Stichting A", cluster="Noord")
    w.scholen.profiel("Gast", speerpunten=["rekenen"])
    for naam, brin, bestuur, cluster, trots in (
        ("Zuid A", "11AA", "Stichting A", "Zuid", "Rekenen met concreet materiaal"),
        ("Noord A", "12AA", "Stichting A", "Noord", "Breuken in groep 7"),
        ("Noord B", "13AA", "Stichting B", "Noord", "Wiskunde voor iedereen"),
        ("Ander B", "14AA", "Stichting B", None, "Kanjertraining"),
    ):
        w.scholen.toevoegen(naam, brin=brin, sector="po", bestuur=bestuur, cluster=cluster)
        w.scholen.profiel(naam, trots=[trots])


def test_trotse_scholen_dichtbij_eerst(werkplaats: Werkplaats) -> None:
    """Same cluster (of the same bestuur) first, then the same bestuur, then the rest; a
    narrower theme (breuken, wiskunde) counts; another theme (Kanjertraining) does not.
    A cluster of the same name under another bestuur is not the host's cluster."""
    _partnerschap(werkplaats)
    [punt] = werkplaats.netwerk.bezoekscholen("Gast").speerpunten
    assert [(s.naam, s.nabijheid) for s in punt.scholen] == [
        ("Noord A", "cluster"),
        ("Zuid A", "bestuur"),
        ("Noord B", "partnerschap"),
    ]
    assert punt.totaal == 3 and "breuken" in punt.omvat and "wiskunde" in punt.omvat
    assert [
        s.naam for s in werkplaats.netwerk.bezoekscholen("Gast", aantal=1).speerpunten[0].scholen
    ] == ["Noord A"]


def test_suggesties_op_de_opdrachtregel(werkplaats: Werkplaats, ozc: Ozc, in_map: object) -> None:
    _partnerschap(werkplaats)
    in_map(werkplaats.root)  # type: ignore[operator]
    uit = ozc("bezoek", "suggesties", "Gast", "--speerpunt", "breuken")
    assert uit.exit_code == 0
    regels = uit.stdout.splitlines()
    assert regels[2:] == [
        "  - Noord A (zelfde cluster): Breuken in groep 7",
        "  - Zuid A (zelfde bestuur): Rekenen met concreet materiaal",
    ]  # rekenen is broader than breuken; wiskunde is beside it, not above or below
    data = json.loads(ozc("--json", "bezoek", "suggesties", "Gast").stdout)
    assert [s["nabijheid"] for s in data["speerpunten"][0]["scholen"]] == [
        "cluster",
        "bestuur",
        "partnerschap",
    ]


def test_bezoekers_met_expertise_van_buiten_de_school(wp: Werkplaats) -> None:
    """Experts on the visit's themes (breuken is narrower than rekenen), not from the
    host school, not already visiting."""
    wp.personen.toevoegen("Mehmet", school="De Vlinderboom", expertise=["breuken", "rekenen"])
    wp.personen.toevoegen("Sanne", expertise=["lezen"])
    s = wp.netwerk.bezoekers(_bezoek_id(wp))
    assert [p.naam for p in s.personen] == ["Mehmet"]  # not Anna (host), not Lotte (visiting)
    wp.bezoeken.bezoeker(_bezoek_id(wp), "Lotte", weg=True)
    assert [p.naam for p in wp.netwerk.bezoekers(_bezoek_id(wp)).personen] == [
        "Mehmet",
        "Lotte Hendriks",
    ]


# --- the docs ------------------------------------------------------------------------------

DOCS = Path(__file__).parent.parent / "docs"


def test_het_voorbeeld_van_de_docs_draait_zoals_het_er_staat(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/bezoeken.md as a coordinator would type it, every answer word for word; the
    bevinding ends up as the second bron of the demo's cycle 2, naming its visit."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    speel_af(ozc, voorbeeld(DOCS / "bezoeken.md", "## Een voorbeeld:"))
    w = Werkplaats.open(tmp_path / "voorbeeld")
    bezoek = w.bezoeken.zoek("Studiebezoek Kindcentrum Het Palet")
    bronnen = w.cycli.overzicht("Rekenen groep 5-8").cyclus.bronnen
    assert [b.bezoek for b in bronnen if b.soort == "schoolbezoek"][-1] == bezoek.id
    assert w.controleer() == []


def test_het_voorbeeldbestand_van_de_docs_is_zoals_ozc_het_schrijft(tmp_path: Path) -> None:
    tekst = (DOCS / "bezoeken.md").read_text(encoding="utf-8")
    [blok] = re.findall(r"^```toml\n(.*?)^```", tekst, re.S | re.M)
    opslag = Opslag(tmp_path)
    obj = opslag.ontleed(blok.encode(), bz.Schoolbezoek, "visitatie-de-regenboog-k3f9x2", "b")
    assert opslag.inhoud(obj) == blok.encode()


def test_de_docs_linken_naar_de_pagina() -> None:
    assert "(bezoeken.md)" in (DOCS / "index.md").read_text(encoding="utf-8")


def test_scholen_van_een_bevoegd_gezag_zijn_een_bestuur(werkplaats: Werkplaats) -> None:
    """Schools from DUO's files carry the number of their bevoegd gezag, not a bestuur's
    name: two schools with one number are of one bestuur; another number is elsewhere."""
    wp = werkplaats
    for naam, brin, gezag in (
        ("Gast", "10AA", "41230"),
        ("Buur", "11BB", "41230"),
        ("Ver", "12CC", "9999"),
    ):
        school = wp.scholen.toevoegen(naam, brin=brin, sector="po")
        wp.opslag.schrijf(attrs.evolve(school, bevoegd_gezag=gezag))  # as a DUO import sets it
    wp.scholen.profiel("Gast", speerpunten=["rekenen"])
    for naam in ("Buur", "Ver"):
        wp.scholen.profiel(naam, trots=["Rekenen met concreet materiaal"])
    [punt] = wp.netwerk.bezoekscholen("Gast").speerpunten
    assert [(s.naam, s.nabijheid) for s in punt.scholen] == [
        ("Buur", "bestuur"),
        ("Ver", "partnerschap"),
    ]


def test_niets_te_wijzigen_en_geen_bezoeker_zijn_geen_stille_succes(
    werkplaats: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """`bezoek wijzig` without a change, and `bezoeker --weg` of someone who is not on
    the visit, say so and change nothing; `suggesties` without a school asks for one."""
    wp = werkplaats
    wp.scholen.toevoegen("Gast", brin="10AA", sector="po")
    wp.personen.toevoegen("Lotte", school="Gast")
    b = wp.bezoeken.nieuw("Gast", vraag="Hoe lezen wij?", datum=dt.date(2026, 11, 1))
    in_map(wp.root)  # type: ignore[operator]
    for opdracht, woorden in (
        (("bezoek", "wijzig", b.id), "Er is niets om te wijzigen."),
        (("bezoek", "bezoeker", b.id, "Lotte", "--weg"), "staat niet bij de bezoekers"),
        (("bezoek", "suggesties"), "Voor welke school"),
    ):
        r = ozc(*opdracht)
        assert r.exit_code != 0 and woorden in r.stderr, (opdracht, r.stderr)


def test_een_gemaakte_titel_volgt_school_en_soort_een_eigen_titel_blijft(
    werkplaats: Werkplaats,
) -> None:
    wp = werkplaats
    for naam, brin in (("De Brug", "10AA"), ("De Regenboog", "11BB")):
        wp.scholen.toevoegen(naam, brin=brin, sector="po")
    b = wp.bezoeken.nieuw("De Brug", vraag="Hoe lezen wij?", datum=dt.date(2026, 11, 1))
    assert b.titel == "Visitatie De Brug"
    b = wp.bezoeken.wijzig(b.id, school="De Regenboog", soort="studiebezoek")
    assert b.titel == "Studiebezoek De Regenboog"
    b = wp.bezoeken.wijzig(b.id, titel="Lezen bij de buren")
    assert wp.bezoeken.wijzig(b.id, school="De Brug").titel == "Lezen bij de buren"


def test_een_bron_in_de_aanleiding_vraagt_om_tekst_bij_deze_opdracht(
    werkplaats: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """A cycle still in aanleiding has no beginsituatie yet: `bezoek bron` says to repeat
    itself with --tekst (not to go and run another command)."""
    wp = werkplaats
    wp.scholen.toevoegen("Gast", brin="10AA", sector="po")
    wp.werkgroepen.toevoegen("Lezen", scholen=["Gast"], themas=["lezen"])
    wp.cycli.start("Lezen", aanleiding="a", vraag="v", datum=dt.date(2026, 11, 1))
    b = wp.bezoeken.nieuw("Gast", vraag="Hoe lezen wij?", datum=dt.date(2026, 11, 2))
    wp.bezoeken.bevinding(b.id, "Kinderen lezen weinig", datum=dt.date(2026, 11, 2))
    in_map(wp.root)  # type: ignore[operator]
    r = ozc("bezoek", "bron", b.id, "1", "--werkgroep", "Lezen")
    assert r.exit_code == 3 and "Herhaal de opdracht met --tekst TEKST" in r.stderr, r.stderr
    r = ozc("bezoek", "bron", b.id, "1", "--werkgroep", "Lezen", "--tekst", "Weinig lezen")
    assert r.exit_code == 0, r.stderr


def test_een_tweede_bezoek_van_dezelfde_soort_krijgt_de_dag_in_zijn_titel(
    werkplaats: Werkplaats,
) -> None:
    """Next year's visitatie of the same school is not a second 'Visitatie De Brug' that
    only its id tells apart: the title ozc makes gets the day; a title given stays."""
    wp = werkplaats
    wp.scholen.toevoegen("De Brug", brin="10AA", sector="po")
    eerste = wp.bezoeken.nieuw("De Brug", vraag="Lezen?", datum=dt.date(2025, 11, 3))
    tweede = wp.bezoeken.nieuw("De Brug", vraag="Lezen?", datum=dt.date(2026, 11, 2))
    assert (eerste.titel, tweede.titel) == (
        "Visitatie De Brug",
        "Visitatie De Brug, 2 november 2026",
    )
    assert wp.bezoeken.zoek("Visitatie De Brug, 2 nov").id == tweede.id
    eigen = wp.bezoeken.nieuw(
        "De Brug", vraag="x", titel="Visitatie De Brug", datum=dt.date(2026, 11, 3)
    )
    assert eigen.titel == "Visitatie De Brug"
