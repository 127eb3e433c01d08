"""Every mistake correctable: change and remove every entity and part, and forget a person.

The rules: an id never changes; a removal is shown first and needs a yes (``--ja``, or
an answer on a terminal); what others still refer to is refused with the list, or goes
with its references when asked and when nothing is lost; a correction never leaves a
state no normal step leads to; a forgotten person's name is nowhere in the werkplaats,
in any spelling.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from onderzoekscyclus import (
    AmbiguousReference,
    Geweigerd,
    InvalidValue,
    UnknownReference,
    VasteKlok,
    Werkplaats,
)
from onderzoekscyclus.demo import maak_demo

from .conftest import Ozc
from .docvoorbeeld import speel_af, voorbeeld

DAG = dt.date(2026, 11, 23)


@pytest.fixture
def demo(tmp_path: Path) -> Werkplaats:
    return maak_demo(tmp_path / "demo", vandaag=DAG)


def _alle_bytes(root: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


# --- schools, persons, werkgroepen ---------------------------------------------------------


def test_hernoemen_houdt_het_id_en_elke_verwijzing(demo: Werkplaats, ozc: Ozc) -> None:
    school = demo.scholen.zoek("De Regenboog")
    os.chdir(demo.root)
    uit = ozc("school", "wijzig", "De Regenboog", "--naam", "De Regenboog Eindhoven")
    assert uit.exit_code == 0, uit.stderr
    assert demo.scholen.zoek(id=school.id).naam == "De Regenboog Eindhoven"
    assert ozc("school", "wijzig", "Regenboog", "--naam", "Kempencollege").exit_code == 2
    groep = demo.werkgroepen.lijst(school=school.id)[0]
    assert ozc("werkgroep", "wijzig", groep.id, "--naam", "Groep 1/2 lezen").exit_code == 0
    assert demo.werkgroepen.zoek(id=groep.id).naam == "Groep 1/2 lezen"
    assert demo.werkgroepen.zoek("Groep 1/2 lezen").id == groep.id
    assert demo.controleer() == []


def test_een_school_met_verwijzingen_wordt_geweigerd_met_de_lijst(demo: Werkplaats) -> None:
    with pytest.raises(Geweigerd) as fout:
        demo.scholen.verwijder("De Regenboog")
    reden = fout.value.redenen[0]
    assert reden.code == "verwijder.in-gebruik"
    groepen = {g.id for g in demo.werkgroepen.lijst(school="De Regenboog")}
    assert groepen <= set(reden.waarden["ids"])
    assert demo.scholen.zoek("De Regenboog")  # still there


def test_met_verwijzingen_gaat_alleen_wat_zonder_verlies_weg_kan(demo: Werkplaats) -> None:
    """A school that shares werkgroepen: persons lose their school, a werkgroep of two
    schools loses one; a werkgroep's only school and a school's measurements stay."""
    nieuw = demo.scholen.toevoegen("De Zon", brin="77ZZ", sector="po")
    wie = demo.personen.toevoegen("Kim Bos", school=nieuw.id)
    gedeeld = demo.werkgroepen.lijst()[0]
    demo.werkgroepen.wijzig(gedeeld.id, scholen=[*gedeeld.scholen, nieuw.id])
    verslag = demo.scholen.verwijder(nieuw.id, met_verwijzingen=True)
    assert set(verslag.bijgewerkt) == {wie.id, gedeeld.id}
    assert demo.personen.zoek(id=wie.id).school is None
    assert demo.werkgroepen.zoek(id=gedeeld.id).scholen == gedeeld.scholen
    assert demo.controleer() == []
    with pytest.raises(Geweigerd):  # its werkgroepen would lose their only school
        demo.scholen.verwijder("De Regenboog", met_verwijzingen=True)


def test_verwijderen_vraagt_eerst_en_zonder_ja_verandert_er_niets(
    demo: Werkplaats, ozc: Ozc
) -> None:
    os.chdir(demo.root)
    wie = demo.personen.toevoegen("Vergissing")
    voor = _alle_bytes(demo.root / "personen")
    uit = ozc("persoon", "verwijder", "Vergissing")
    assert uit.exit_code == 2
    assert "Dit verwijdert persoon 'Vergissing'" in uit.stdout
    assert "--ja" in uit.stderr
    assert _alle_bytes(demo.root / "personen") == voor
    assert ozc("persoon", "verwijder", "Vergissing", "--ja").exit_code == 0
    with pytest.raises(UnknownReference):
        demo.personen.zoek(id=wie.id)


def _verwijder_op_een_terminal(root: Path) -> tuple[subprocess.Popen[bytes], int]:
    """`ozc persoon verwijder Vergissing` on a pseudo-terminal: the process and the
    terminal's own end, to read the question from and type the answer into."""
    import pty

    hoofd, kind = pty.openpty()
    proces = subprocess.Popen(
        [sys.executable, "-m", "onderzoekscyclus", "persoon", "verwijder", "Vergissing"],
        cwd=root,
        stdin=kind,
        stdout=kind,
        stderr=kind,
        env={**os.environ, "ONDERZOEKSCYCLUS_VANDAAG": DAG.isoformat()},
    )
    os.close(kind)
    return proces, hoofd


def test_op_een_terminal_vraagt_ozc_en_nee_is_nee(demo: Werkplaats) -> None:
    """A real terminal (a pseudo-terminal): the question is asked, 'n' changes nothing."""
    demo.personen.toevoegen("Vergissing")
    voor = _alle_bytes(demo.root / "personen")
    proces, hoofd = _verwijder_op_een_terminal(demo.root)
    uitvoer = b""
    while b"Doorgaan? [j/N]" not in uitvoer:
        uitvoer += os.read(hoofd, 1024)
    os.write(hoofd, b"misschien\n")  # asked again
    while b"Antwoord met j (ja) of n (nee)." not in uitvoer:
        uitvoer += os.read(hoofd, 1024)
    os.write(hoofd, b"nee\n")
    assert proces.wait(timeout=60) == 1
    with pytest.raises(OSError):
        while True:
            if not (stuk := os.read(hoofd, 1024)):
                break
            uitvoer += stuk
    os.close(hoofd)
    assert "Er is niets gewijzigd." in uitvoer.decode()
    assert _alle_bytes(demo.root / "personen") == voor


def test_iemand_die_iets_deed_verwijder_je_niet_maar_vergeet_je(demo: Werkplaats) -> None:
    auteur = next(
        r.auteur for g in demo.werkgroepen.lijst() for r in g.logboek if r.auteur is not None
    )
    with pytest.raises(Geweigerd) as fout:
        demo.personen.verwijder(auteur, met_verwijzingen=True)
    assert "logregel 1" in str(fout.value)


def test_lid_weg_en_werkgroep_verwijderen(demo: Werkplaats, ozc: Ozc) -> None:
    os.chdir(demo.root)
    groep = demo.werkgroepen.lijst()[0]
    lid = groep.leden[0].persoon
    naam = demo.personen.zoek(id=lid).naam
    assert ozc("werkgroep", "lid", groep.id, lid, "--weg", "--rol", "leider", "--ja").exit_code == 2
    assert ozc("werkgroep", "lid", groep.id, lid, "--weg", "--ja").exit_code == 0
    assert lid not in {x.persoon for x in demo.werkgroepen.zoek(id=groep.id).leden}
    uit = ozc("werkgroep", "lid", groep.id, lid, "--weg", "--ja")
    assert uit.exit_code == 1 and naam in uit.stderr
    leeg = demo.werkgroepen.toevoegen("Per ongeluk", scholen=[groep.scholen[0]], themas=["lezen"])
    assert ozc("werkgroep", "verwijder", leeg.id, "--ja").exit_code == 0
    assert not demo.opslag.bestaat(type(leeg), leeg.id)
    besluit = demo.besluitvorming.lijst()[0]
    uit = ozc("werkgroep", "verwijder", besluit.werkgroep, "--ja")
    assert uit.exit_code == 3 and besluit.id in uit.stderr


# --- parts of a cycle, the logboek, zelfevaluaties, besluiten --------------------------------


def _met_metingen(wp: Werkplaats) -> str:
    return next(g.id for g in wp.werkgroepen.lijst() if g.cycli and len(g.cycli[-1].metingen) > 1)


def test_een_meting_weghalen_en_een_indicator_hernoemen(demo: Werkplaats, ozc: Ozc) -> None:
    os.chdir(demo.root)
    groep = _met_metingen(demo)
    c = demo.werkgroepen.zoek(id=groep).cycli[-1]
    toon = ozc("cyclus", "toon", groep).stdout
    assert "  1. " in toon and "bron 1 (" in toon  # the numbers people type
    assert ozc("cyclus", "verwijder", groep, "--meting", "2", "--ja").exit_code == 0
    na = demo.werkgroepen.zoek(id=groep).cycli[-1]
    assert na.metingen == c.metingen[:1] + c.metingen[2:]
    oud = c.indicatoren[0].naam
    assert (
        ozc("cyclus", "wijzig", groep, "--indicator", oud, "--naam", "Nieuwe naam").exit_code == 0
    )
    na = demo.werkgroepen.zoek(id=groep).cycli[-1]
    assert na.indicatoren[0].naam == "Nieuwe naam"
    assert {m.indicator for m in na.metingen} == {"Nieuwe naam"}
    weg = ozc("cyclus", "verwijder", groep, "--indicator", "Nieuwe naam", "--ja")
    assert weg.exit_code == 3 and "meting" in weg.stderr
    assert ozc("cyclus", "verwijder", groep, "--bron", "1", "--meting", "1").exit_code == 2
    assert demo.controleer() == []


def test_een_correctie_die_de_fase_breekt_wordt_geweigerd(demo: Werkplaats) -> None:
    """Removing the only bron of a cycle past its beginsituatie, or dating a measurement
    after today, would make a state no step leads to: refused, file unchanged."""
    groep = _met_metingen(demo)
    pad = demo.opslag.pad(type(demo.werkgroepen.zoek(id=groep)), groep)
    voor = pad.read_bytes()
    c = demo.werkgroepen.zoek(id=groep).cycli[-1]
    with pytest.raises(Geweigerd) as fout:
        for _ in c.bronnen:
            demo.cycli.verwijder(groep, "bron", 1)
    assert fout.value.codes == ("wijzig.samenhang",)
    if len(c.bronnen) == 1:
        assert pad.read_bytes() == voor
    with pytest.raises(Geweigerd):
        demo.cycli.wijzig(groep, "meting", 1, datum=DAG + dt.timedelta(days=1))
    with pytest.raises(InvalidValue):
        demo.cycli.wijzig(groep, "meting", 1, kleur="rood")
    with pytest.raises(UnknownReference):
        demo.cycli.verwijder(groep, "actie", 99)


def test_logregel_verbeteren_en_weghalen(demo: Werkplaats) -> None:
    groep = next(g for g in demo.werkgroepen.lijst() if len(g.logboek) > 1)
    eerste = groep.logboek[0]
    oud = demo.logboek.wijzig(groep.id, 1, tekst="Verbeterd")
    assert oud == eerste
    assert demo.werkgroepen.zoek(id=groep.id).logboek[0].tekst == "Verbeterd"
    with pytest.raises(InvalidValue):
        demo.logboek.wijzig(groep.id, 1, datum=DAG + dt.timedelta(days=3))
    demo.logboek.verwijder(groep.id, 1)
    assert demo.werkgroepen.zoek(id=groep.id).logboek == groep.logboek[1:]
    with pytest.raises(UnknownReference):
        demo.logboek.verwijder(groep.id, 99)


def test_respondent_meting_besluit_en_profiel_weghalen(demo: Werkplaats, ozc: Ozc) -> None:
    os.chdir(demo.root)
    meting = demo.zelfevaluaties.metingen(alle=True)[-1]
    n = len(meting.respondenten)
    uit = ozc("zelfevaluatie", "verwijder", meting.id, "--respondent", "respondent 1", "--ja")
    assert uit.exit_code == 0, uit.stderr
    assert len(demo.zelfevaluaties.meting(meting.id).respondenten) == n - 1
    assert ozc("zelfevaluatie", "verwijder", meting.id, "--ja").exit_code == 0
    with pytest.raises(UnknownReference):
        demo.zelfevaluaties.meting(meting.id)
    besluit = demo.besluitvorming.lijst()[0]
    assert ozc("besluit", "verwijder", besluit.id, "--ja").exit_code == 0
    with pytest.raises(UnknownReference):
        demo.besluitvorming.zoek(id=besluit.id)
    school = demo.scholen.zoek("De Regenboog")
    speerpunt = school.profiel.speerpunten[0]
    nieuw = demo.scholen.haal_weg(school.id, speerpunten=[speerpunt.upper()])
    assert speerpunt not in nieuw.profiel.speerpunten
    assert nieuw.profiel.trots == school.profiel.trots
    gebruikt = next(c.visie for g in demo.werkgroepen.lijst(school=school.id) for c in g.cycli)
    assert gebruikt is not None
    with pytest.raises(Geweigerd):
        demo.scholen.haal_weg(school.id, visie=[gebruikt])
    trots = nieuw.profiel.trots[0]
    uit = ozc("school", "profiel", school.id, "--zonder-trots", trots.lower())
    assert uit.exit_code == 0, uit.stderr
    na = demo.scholen.zoek(id=school.id)
    assert trots not in na.profiel.trots
    assert (na.visie, na.profiel.speerpunten) == (nieuw.visie, nieuw.profiel.speerpunten)
    fout = ozc("school", "profiel", school.id, "--zonder-speerpunt", "bestaat niet")
    assert fout.exit_code == 1
    assert f"Er staat nu: {'; '.join(na.profiel.speerpunten)}." in fout.stderr
    assert ozc("school", "profiel", school.id, "--zonder-visie", gebruikt).exit_code == 3
    assert demo.scholen.zoek(id=school.id) == na
    assert demo.controleer() == []


# --- forgetting a person -------------------------------------------------------------------


def _vormen(naam: str) -> set[bytes]:
    kaal = "".join(c for c in unicodedata.normalize("NFD", naam) if not unicodedata.combining(c))
    uit = set()
    for vorm in (naam, naam.upper(), naam.lower(), kaal, kaal.upper()):
        for deel in [vorm, *vorm.split()]:
            if len(deel) > 3:
                for norm in ("NFC", "NFD"):
                    uit.add(unicodedata.normalize(norm, deel).encode())
    return uit


def test_vergeten_laat_geen_vorm_van_de_naam_achter(tmp_path: Path, ozc: Ozc) -> None:
    """The name goes from every file of the werkplaats (the index included), in every
    spelling; history stays readable under a stable pseudonym; a report lists each
    file and field."""
    klok = VasteKlok(DAG - dt.timedelta(days=40))
    wp = Werkplaats.maak(tmp_path / "wp", "Werkplaats van Ömer Çelikdoğan", vandaag=klok)
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wie = wp.personen.toevoegen("Ömer Çelikdoğan", school="De Regenboog", expertise=["lezen"])
    anna = wp.personen.toevoegen("Anna Jansen", school="De Regenboog", expertise=["lezen"])
    groep = wp.werkgroepen.toevoegen(
        "Leesclub Çelikdoğan", scholen=["De Regenboog"], themas=["lezen"]
    )
    wp.werkgroepen.lid(groep.id, wie.id, rol="leider")
    wp.werkgroepen.lid(groep.id, anna.id)
    wp.logboek.schrijf(groep.id, "OMER CELIKDOGAN belde; mail omer@school.example", auteur=wie.id)
    wp.logboek.schrijf(groep.id, unicodedata.normalize("NFD", "Gesprek met Ömer"), auteur=anna.id)
    besluit = wp.besluitvorming.nieuw("Voorlezen", werkgroep=groep.id, thema="lezen")
    wp.besluitvorming.idee(besluit.id, "Idee van çelikdoğan", extern="Ömer Çelikdoğan")
    wp.besluitvorming.voorstel(besluit.id, "Elke dag", leider=wie.id)
    items = wp.zelfevaluaties.instrument("lerende-organisatie").items()
    wp.zelfevaluaties.invullen(
        "lerende-organisatie",
        antwoorden={i.id: 2 for i in items},
        school="De Regenboog",
        respondent="Ömer Çelikdoğan",
    )
    ozc("--werkplaats", str(wp.root), "thema", "scholen", "lezen")  # builds the index
    assert any(v in _alle_bytes(wp.root) for v in _vormen(wie.naam))

    uit = ozc("--werkplaats", str(wp.root), "persoon", "vergeet", "Ömer", "--ja")
    assert uit.exit_code == 0, uit.stderr
    assert "werkgroepen/" in uit.stdout and "$.logboek[0].tekst" in uit.stdout
    alles = _alle_bytes(wp.root)
    assert [v for v in _vormen(wie.naam) if v in alles] == []
    vergeten = wp.personen.zoek(id=wie.id)
    assert vergeten.naam.startswith("Vergeten persoon ") and vergeten.school is None
    assert wie.id not in {lid.persoon for lid in wp.werkgroepen.zoek(id=groep.id).leden}
    assert wp.werkgroepen.zoek(id=groep.id).logboek[0].auteur == wie.id  # still readable
    assert wp.personen.zoek(id=anna.id).naam == "Anna Jansen"
    assert wp.controleer() == []
    # the same pseudonym the next time: history from before and after reads as one
    assert wp.personen.vergeet(wie.id, uitvoeren=False).pseudoniem == vergeten.naam


def test_logregel_via_ozc_log(demo: Werkplaats, ozc: Ozc) -> None:
    """`ozc log WERKGROEP` shows the numbers; `--wijzig N` and `--verwijder N` use them."""
    os.chdir(demo.root)
    groep = next(g for g in demo.werkgroepen.lijst() if len(g.logboek) > 1)
    lezen = ozc("log", groep.id)
    assert "  1  " in lezen.stdout
    assert ozc("log", groep.id, "Beter zo", "--wijzig", "1").exit_code == 0
    assert demo.werkgroepen.zoek(id=groep.id).logboek[0].tekst == "Beter zo"
    weiger = ozc("log", groep.id, "--verwijder", "1")
    assert weiger.exit_code == 2 and "Beter zo" in weiger.stdout
    assert ozc("log", groep.id, "--verwijder", "1", "--ja").exit_code == 0
    assert demo.werkgroepen.zoek(id=groep.id).logboek == groep.logboek[1:]
    assert ozc("log", groep.id, "x", "--verwijder", "1", "--ja").exit_code == 2
    assert ozc("log", groep.id, "--wijzig", "1").exit_code == 2


# --- the example of docs/corrigeren.md ----------------------------------------------------

VOORBEELD = Path(__file__).parent.parent / "docs" / "corrigeren.md"


def test_het_voorbeeld_van_de_docs_draait_zoals_het_er_staat(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/corrigeren.md as a teacher would type it: a wrong measurement corrected, a
    double one removed, a log line corrected, the planning, a person forgotten and the
    logboek read back; every answer word for word (``…``: an id)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    speel_af(ozc, voorbeeld(VOORBEELD, "## Een voorbeeld:"))
    wp = Werkplaats.open(tmp_path / "voorbeeld")
    c = wp.cycli.overzicht("Leergroep Begrijpend Lezen").cyclus
    assert [m.waarde for m in c.metingen][-1] == 45
    metingen = [h.reden for h in c.historie if h.overgang == "meting"]
    assert metingen[-1] == "past strategie toe: 45" and len(metingen) == len(c.metingen)
    assert b"Joris" not in _alle_bytes(wp.root) and b"Bakker" not in _alle_bytes(wp.root)


def test_een_ingetrokken_besluit_houdt_geen_naam_bezet(demo: Werkplaats) -> None:
    """A withdrawn besluit no longer makes its name ambiguous: "Vaste leestijd" is the new
    one; the withdrawn one is still found by more of its title or its id."""
    oud = demo.besluitvorming.zoek("Vaste leestijd in het rooster")
    assert oud.fase.value == "ingetrokken"
    nieuw = demo.besluitvorming.nieuw(
        "Vaste leestijd groep 3", werkgroep="Taalbeleid bovenbouw", thema="taalbeleid"
    )
    assert demo.besluitvorming.zoek("Vaste leestijd").id == nieuw.id
    assert demo.besluitvorming.zoek("Vaste leestijd in het").id == oud.id
    demo.besluitvorming.intrekken(nieuw.id, reden="toch niet")
    with pytest.raises(AmbiguousReference):
        demo.besluitvorming.zoek("Vaste leestijd")


def test_twee_personen_met_dezelfde_naam_kiest_u_met_het_id(demo: Werkplaats) -> None:
    """Two persons called exactly the same: the refusal lists both ids and says to use
    one, not to type more of a name that is the same."""
    anna = demo.personen.zoek("Anna de Vries")
    tweede = demo.personen.toevoegen("Anna de Vries", school="Kindcentrum Het Palet")
    with pytest.raises(AmbiguousReference) as fout:
        demo.personen.zoek("Anna de Vries")
    assert {k.id for k in fout.value.kandidaten} == {anna.id, tweede.id}
    assert fout.value.hint == "Ze heten precies hetzelfde: gebruik het id."
    assert demo.personen.zoek(tweede.id) == tweede


def test_op_een_terminal_is_ja_ja(demo: Werkplaats) -> None:
    """A Dutch answer: 'ja' on a real terminal removes, as 'y' would."""
    wie = demo.personen.toevoegen("Vergissing")
    proces, hoofd = _verwijder_op_een_terminal(demo.root)
    uitvoer = b""
    while b"Doorgaan? [j/N]" not in uitvoer:
        uitvoer += os.read(hoofd, 1024)
    os.write(hoofd, b"Ja\n")
    assert proces.wait(timeout=60) == 0
    os.close(hoofd)
    with pytest.raises(UnknownReference):
        demo.personen.zoek(id=wie.id)


def test_een_geweigerde_verwijdering_zegt_in_woorden_waar_de_verwijzing_staat(
    demo: Werkplaats,
) -> None:
    """Not `$.cycli[1].bronnen[1].bezoek` but "cyclus 2, bron 2": where another entity
    still refers to what is to go, as a person reads it."""
    from onderzoekscyclus.api.wijzigen import plek

    assert plek("$.cycli[1].bronnen[1].bezoek") == "cyclus 2, bron 2"
    assert plek("$.leden[0].persoon") == "lid"
    assert plek("$.werkgroep") == "werkgroep"
    assert plek("$.logboek[2].auteur") == "logregel 3"
    assert plek("$.onbekend") == "$.onbekend"
    bezoek = next(b for b in demo.bezoeken.lijst() if b.soort.value == "visitatie")
    with pytest.raises(Geweigerd) as fout:
        demo.bezoeken.verwijder(bezoek.id)
    groep = demo.werkgroepen.zoek("Rekenen groep 5-8").id
    assert f"werkgroep 'Rekenen groep 5-8' ({groep}: cyclus 2, bron 2)" in str(fout.value)
    assert "$." not in str(fout.value)
