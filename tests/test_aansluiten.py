"""Students, lectoren and researchers: `ozc thema aansluiten` (which werkgroepen a
student's graduation research could join) and `ozc thema ondersteuning` (which lector
or researcher could support a werkgroep), through the library and the real CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein.netwerk import Overeenkomst, verwantschap
from onderzoekscyclus.errors import UnknownReference
from onderzoekscyclus.opslag.index import Index
from onderzoekscyclus.opslag.thesaurus import standaard_thesaurus

from .conftest import Ozc
from .docvoorbeeld import speel_af, voorbeeld

DOCS = Path(__file__).parent.parent / "docs"
SCHEMAS = DOCS / "schema"


def _valideer(naam: str, data: Any) -> None:
    schema = json.loads((SCHEMAS / f"{naam}.schema.json").read_text(encoding="utf-8"))
    klasse = jsonschema.validators.validator_for(schema)
    klasse(schema, format_checker=klasse.FORMAT_CHECKER).validate(data)


@pytest.fixture
def partnerschap(werkplaats: Werkplaats) -> Werkplaats:
    """Three schools and a teacher-training institute; werkgroepen on begrijpend lezen
    (one as its synonym tekstbegrip), on the broader lezen, on the sibling technisch
    lezen and on rekenen; a student with an interest in begrijpend lezen; lectoren,
    researchers and a teacher with expertise or interests near it."""
    wp = werkplaats
    for naam, brin, sector in [
        ("De Regenboog", "11AA", "po"),
        ("Het Palet", "12BB", "po"),
        ("De Vlinder", "13CC", "po"),
        ("Pabo Kempen", "15EE", "opleiding"),
    ]:
        wp.scholen.toevoegen(naam, brin=brin, sector=sector)
    for naam, scholen, thema in [
        ("Leesteam Regenboog", ["De Regenboog"], "begrijpend lezen"),
        ("Leesclub Palet", ["Het Palet"], "begrijpend lezen"),
        ("Tekstbegrip Pabo", ["Pabo Kempen"], "tekstbegrip"),
        ("Lezen bovenschools", ["Het Palet", "Pabo Kempen"], "lezen"),
        ("Technisch lezen Vlinder", ["De Vlinder"], "technisch lezen"),
        ("Rekenen Vlinder", ["De Vlinder"], "rekenen"),
    ]:
        wp.werkgroepen.toevoegen(naam, scholen=scholen, themas=[thema])
    wp.cycli.start("Leesteam Regenboog", aanleiding="Tekstbegrip blijft achter", vraag="Hoe?")
    wp.personen.toevoegen(
        "Sem Dekker", school="Pabo Kempen", rollen=["student"], interesses=["begrijpend lezen"]
    )
    for naam, rol, lectoraat, expertise, interesses in [
        ("Lies Jansen", "lector", "Lectoraat Taal en Leren", ["lezen"], []),
        ("Mia de Wit", "lector", "Lectoraat Jonge Kind", ["begrijpend lezen"], []),
        ("Tom Bos", "onderzoeker", None, [], ["begrijpend lezen"]),
        ("Rik Smit", "onderzoeker", None, ["rekenen"], []),
        ("Ans Kok", "leraar", None, ["begrijpend lezen"], []),
    ]:
        wp.personen.toevoegen(
            naam,
            school="Pabo Kempen",
            rollen=[rol],
            lectoraat=lectoraat,
            expertise=expertise,
            interesses=interesses,
        )
    return wp


def _namen(wp: Werkplaats, persoon: str) -> list[str]:
    return [g.werkgroep_naam for g in wp.netwerk.aansluiten(persoon).werkgroepen]


# --- aansluiten: the library ----------------------------------------------------------------


def test_zelfde_thema_eerst_dan_eigen_school_dan_lopend_onderzoek(
    partnerschap: Werkplaats,
) -> None:
    """The same theme (a synonym counts) before a broader one; within that the
    student's own institute first, then a werkgroep with a cycle under way, then a
    dormant one. A sibling theme (technisch lezen) and an unrelated one do not match."""
    antwoord = partnerschap.netwerk.aansluiten("Sem")
    assert [g.werkgroep_naam for g in antwoord.werkgroepen] == [
        "Tekstbegrip Pabo",
        "Leesteam Regenboog",
        "Leesclub Palet",
        "Lezen bovenschools",
    ]
    assert antwoord.aantal == 4
    assert [(g.eigen_school, g.actief) for g in antwoord.werkgroepen] == [
        (True, False),
        (False, True),
        (False, False),
        (True, False),
    ]
    leesteam = antwoord.werkgroepen[1]
    assert (leesteam.cyclus, leesteam.fase, leesteam.school_namen) == (
        1,
        "aanleiding",
        ("De Regenboog",),
    )


def test_elke_suggestie_zegt_welk_thema_hoe_paste(partnerschap: Werkplaats) -> None:
    """The reason names the interest, the werkgroep's theme as it was typed, and how
    they relate: the same theme, or the werkgroep's theme broader or narrower."""
    groepen = {g.werkgroep_naam: g for g in partnerschap.netwerk.aansluiten("Sem").werkgroepen}
    assert groepen["Tekstbegrip Pabo"].redenen == (
        Overeenkomst("begrijpend lezen", "tekstbegrip", "zelfde", "interesse"),
    )
    assert groepen["Lezen bovenschools"].redenen == (
        Overeenkomst("begrijpend lezen", "lezen", "breder", "interesse"),
    )
    partnerschap.personen.wijzig("Sem", interesses=["lezen"])
    groepen = {g.werkgroep_naam: g for g in partnerschap.netwerk.aansluiten("Sem").werkgroepen}
    assert next(iter(groepen)) == "Lezen bovenschools"
    assert groepen["Technisch lezen Vlinder"].redenen == (
        Overeenkomst("lezen", "technisch lezen", "smaller", "interesse"),
    )
    assert "Rekenen Vlinder" not in groepen


def test_een_lid_krijgt_zijn_werkgroep_niet_opnieuw_voorgesteld(
    partnerschap: Werkplaats,
) -> None:
    """Linking the student (a member of the werkgroep) takes it out of the suggestions
    and shows it with the person."""
    partnerschap.werkgroepen.lid("Tekstbegrip Pabo", "Sem")
    assert "Tekstbegrip Pabo" not in _namen(partnerschap, "Sem")
    [lidmaatschap] = partnerschap.personen.werkgroepen("Sem")
    assert (lidmaatschap.werkgroep_naam, lidmaatschap.rol) == ("Tekstbegrip Pabo", "lid")


def test_de_onderzoeksvraag_blijft_bij_een_andere_rol(partnerschap: Werkplaats) -> None:
    """A member's research question stays when the role changes, goes with "", and is
    part of the membership the library gives (from the index)."""
    wp = partnerschap
    wp.werkgroepen.lid("Leesteam Regenboog", "Sem", onderzoeksvraag="Werkt wederzijds leren?")
    wp.werkgroepen.lid("Leesteam Regenboog", "Sem", rol="expert")
    lid = wp.werkgroepen.zoek("Leesteam Regenboog").lid(wp.personen.zoek("Sem").id)
    assert lid is not None
    assert (lid.rol.value, lid.onderzoeksvraag) == ("expert", "Werkt wederzijds leren?")
    [lidmaatschap] = wp.personen.werkgroepen("Sem")
    assert lidmaatschap.onderzoeksvraag == "Werkt wederzijds leren?"
    wp.werkgroepen.lid("Leesteam Regenboog", "Sem", onderzoeksvraag="")
    assert wp.personen.werkgroepen("Sem")[0].onderzoeksvraag is None


def test_een_pagina_en_het_totaal(partnerschap: Werkplaats) -> None:
    """``offset`` and ``limit`` give a page of the same order; ``aantal`` counts all."""
    pagina = partnerschap.netwerk.aansluiten("Sem", limit=2, offset=1)
    assert [g.werkgroep_naam for g in pagina.werkgroepen] == [
        "Leesteam Regenboog",
        "Leesclub Palet",
    ]
    assert pagina.aantal == 4


def test_een_gewijzigd_bestand_telt_meteen(partnerschap: Werkplaats) -> None:
    """The answer follows the files: a werkgroep that gets another theme drops out, a
    new one on the theme comes in (through the index, kept current)."""
    partnerschap.werkgroepen.wijzig("Leesclub Palet", themas=["rekenen"])
    partnerschap.werkgroepen.toevoegen(
        "Leesbevordering Vlinder", scholen=["De Vlinder"], themas=["leesbegrip"]
    )
    namen = _namen(partnerschap, "Sem")
    assert "Leesclub Palet" not in namen
    assert "Leesbevordering Vlinder" in namen


def test_een_eigen_thema_buiten_de_thesaurus_past_op_de_tekst(partnerschap: Werkplaats) -> None:
    """A theme the thesaurus does not know matches the same text (case and spacing
    aside), and nothing broader or narrower."""
    partnerschap.werkgroepen.toevoegen(
        "Kanjer Vlinder", scholen=["De Vlinder"], themas=["Kanjertraining"], nieuw_thema=True
    )
    partnerschap.personen.wijzig("Sem", interesses=["kanjertraining"])
    [groep] = partnerschap.netwerk.aansluiten("Sem").werkgroepen
    assert groep.redenen == (
        Overeenkomst("kanjertraining", "Kanjertraining", "zelfde", "interesse"),
    )


def test_onbekende_persoon_wordt_geweigerd(partnerschap: Werkplaats) -> None:
    with pytest.raises(UnknownReference):
        partnerschap.netwerk.aansluiten("Niemand Bekend")


# --- ondersteuning: the library ---------------------------------------------------------------


def test_lectoren_en_onderzoekers_op_het_thema_van_de_werkgroep(
    partnerschap: Werkplaats,
) -> None:
    """Only lectoren and researchers (not a teacher with the same expertise); the same
    theme first, expertise before interest; a broader expertise after that; with the
    lectoraat and the institute."""
    antwoord = partnerschap.netwerk.ondersteuning("Leesteam Regenboog")
    assert [(o.naam, o.lectoraat, o.school_naam) for o in antwoord.ondersteuners] == [
        ("Mia de Wit", "Lectoraat Jonge Kind", "Pabo Kempen"),
        ("Tom Bos", None, "Pabo Kempen"),
        ("Lies Jansen", "Lectoraat Taal en Leren", "Pabo Kempen"),
    ]
    assert antwoord.ondersteuners[2].redenen == (
        Overeenkomst("lezen", "begrijpend lezen", "smaller", "expertise"),
    )
    assert antwoord.ondersteuners[1].redenen == (
        Overeenkomst("begrijpend lezen", "begrijpend lezen", "zelfde", "interesse"),
    )
    assert antwoord.aantal == 3


def test_een_lid_van_de_werkgroep_wordt_niet_voorgesteld(partnerschap: Werkplaats) -> None:
    partnerschap.werkgroepen.lid("Leesteam Regenboog", "Mia", rol="expert")
    namen = [o.naam for o in partnerschap.netwerk.ondersteuning("Leesteam Regenboog").ondersteuners]
    assert namen == ["Tom Bos", "Lies Jansen"]


def test_expertise_en_interesse_op_hetzelfde_thema_is_een_reden(
    partnerschap: Werkplaats,
) -> None:
    """A lector with rekenen as expertise and as interest gets one reason: expertise."""
    partnerschap.personen.wijzig("Rik Smit", interesses=["rekenen"])
    [rik] = partnerschap.netwerk.ondersteuning("Rekenen Vlinder").ondersteuners
    assert rik.redenen == (Overeenkomst("rekenen", "rekenen", "zelfde", "expertise"),)


# --- the CLI ------------------------------------------------------------------------------


def test_cli_aansluiten_toont_volgorde_en_reden(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    in_map(partnerschap.root)
    uit = ozc("thema", "aansluiten", "Sem Dekker")
    assert uit.exit_code == 0, uit.output
    assert uit.stdout.splitlines() == [
        "Sem Dekker (begrijpend lezen): 4 werkgroepen",
        "  1. Tekstbegrip Pabo (Pabo Kempen)",
        "     nog geen cyclus; met de eigen school of opleiding",
        "     waarom: tekstbegrip: hetzelfde thema als interesse 'begrijpend lezen'",
        "  2. Leesteam Regenboog (De Regenboog)",
        "     cyclus 1: aanleiding",
        "     waarom: begrijpend lezen: hetzelfde thema als interesse 'begrijpend lezen'",
        "  3. Leesclub Palet (Het Palet)",
        "     nog geen cyclus",
        "     waarom: begrijpend lezen: hetzelfde thema als interesse 'begrijpend lezen'",
        "  4. Lezen bovenschools (Het Palet, Pabo Kempen)",
        "     nog geen cyclus; met de eigen school of opleiding",
        "     waarom: lezen: breder dan interesse 'begrijpend lezen'",
    ]


def test_cli_pagina_en_json_volgens_het_schema(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    in_map(partnerschap.root)
    pagina = ozc("thema", "aansluiten", "Sem", "--aantal", "2", "--pagina", "2")
    assert pagina.exit_code == 0, pagina.output
    assert "  3. Leesclub Palet (Het Palet)" in pagina.stdout
    assert "Tekstbegrip" not in pagina.stdout
    eerste = ozc("thema", "aansluiten", "Sem", "--aantal", "2")
    assert "--pagina 2" in eerste.stdout
    data = json.loads(ozc("--json", "thema", "aansluiten", "Sem").stdout)
    _valideer("Aansluiten", data)
    assert [g["werkgroep_naam"] for g in data["werkgroepen"]][:2] == [
        "Tekstbegrip Pabo",
        "Leesteam Regenboog",
    ]
    steun = json.loads(ozc("--json", "thema", "ondersteuning", "Leesteam").stdout)
    _valideer("Ondersteuning", steun)
    assert steun["ondersteuners"][0]["lectoraat"] == "Lectoraat Jonge Kind"


def test_cli_ondersteuning_noemt_lectoraat_en_reden(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    in_map(partnerschap.root)
    uit = ozc("thema", "ondersteuning", "Leesteam Regenboog")
    assert uit.exit_code == 0, uit.output
    assert uit.stdout.splitlines()[:3] == [
        "Leesteam Regenboog (begrijpend lezen): 3 lectoren en onderzoekers",
        "  1. Mia de Wit (lector; Lectoraat Jonge Kind, Pabo Kempen)",
        "     waarom: begrijpend lezen: hetzelfde thema als expertise 'begrijpend lezen'",
    ]
    assert "waarom: begrijpend lezen: smaller dan expertise 'lezen'" in uit.stdout


def test_cli_zegt_wat_te_doen_als_niets_past(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """No interests, no matching werkgroep, a werkgroep without lector: a Dutch message
    that says which command adds what is missing, and exit code 0."""
    in_map(partnerschap.root)
    partnerschap.personen.toevoegen("Noa Vos", rollen=["student"])
    zonder = ozc("thema", "aansluiten", "Noa Vos")
    assert zonder.exit_code == 0
    assert "Noa Vos heeft nog geen interesses" in zonder.stdout
    assert "ozc persoon wijzig 'Noa Vos' --interesse THEMA" in " ".join(zonder.stdout.split())
    partnerschap.personen.wijzig("Noa Vos", interesses=["burgerschap"])
    niets = ozc("thema", "aansluiten", "Noa Vos")
    assert "Geen werkgroep werkt aan burgerschap of een verwant thema" in " ".join(
        niets.stdout.split()
    )
    steun = ozc("thema", "ondersteuning", "Rekenen Vlinder")
    assert "Rik Smit" in steun.stdout  # a researcher with expertise on rekenen
    partnerschap.werkgroepen.toevoegen(
        "Burgerschap Vlinder", scholen=["De Vlinder"], themas=["burgerschap"]
    )
    geen = " ".join(ozc("thema", "ondersteuning", "Burgerschap Vlinder").stdout.split())
    assert "Geen lector of onderzoeker heeft expertise of interesse in burgerschap" in geen
    assert "--rol lector --interesse THEMA" in geen


def test_cli_weigert_een_onbekende_persoon(partnerschap: Werkplaats, ozc: Ozc, in_map: Any) -> None:
    in_map(partnerschap.root)
    uit = ozc("thema", "aansluiten", "Niemand Bekend")
    assert uit.exit_code != 0
    assert "Niemand Bekend" in uit.stderr
    assert ozc("thema", "ondersteuning", "Geen Werkgroep").exit_code != 0


def test_cli_koppelt_student_aan_werkgroep_en_toont_het(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """The student becomes a member; `werkgroep toon` shows the graduation research,
    `persoon toon` the werkgroep and the interests; a lector shows the lectoraat."""
    in_map(partnerschap.root)
    vraag = "Helpt samen voorspellen bij tekstbegrip?"
    gekoppeld = ozc(
        "werkgroep", "lid", "Leesteam Regenboog", "Sem Dekker", "--onderzoeksvraag", vraag
    )
    assert gekoppeld.exit_code == 0, gekoppeld.output
    groep = ozc("werkgroep", "toon", "Leesteam Regenboog").stdout
    assert "    - Sem Dekker (lid, student: afstudeeronderzoek)" in groep
    assert f"      onderzoeksvraag: {vraag}" in groep
    persoon = ozc("persoon", "toon", "Sem Dekker").stdout
    assert "  Interesses: begrijpend lezen" in persoon
    assert "  Lid van:    Leesteam Regenboog (lid)" in persoon
    assert f"  Onderzoek:  {vraag} (Leesteam Regenboog)" in persoon
    lector = ozc("persoon", "toon", "Lies Jansen").stdout
    assert "  Lectoraat:  Lectoraat Taal en Leren" in lector
    veranderd = ozc("persoon", "wijzig", "Lies Jansen", "--lectoraat", "Lectoraat Lezen")
    assert veranderd.exit_code == 0, veranderd.output
    assert partnerschap.personen.zoek("Lies").lectoraat == "Lectoraat Lezen"
    assert ozc("persoon", "wijzig", "Lies Jansen", "--lectoraat", "").exit_code == 0
    assert partnerschap.personen.zoek("Lies").lectoraat is None


# --- privacy ---------------------------------------------------------------------------------


def test_een_vergeten_student_laat_geen_spoor_na(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """Forgetting a linked student removes the name from every file, the interests and
    the membership; the index is rebuilt without them, and the student's suggestions
    and the lector's are gone."""
    in_map(partnerschap.root)
    sem = partnerschap.personen.zoek("Sem").id
    partnerschap.werkgroepen.lid(
        "Leesteam Regenboog", "Sem", onderzoeksvraag="Wat leert Sem Dekker van voorspellen?"
    )
    partnerschap.logboek.schrijf("Leesteam Regenboog", "Sem Dekker begint zijn onderzoek")
    assert ozc("persoon", "vergeet", "Sem Dekker", "--ja").exit_code == 0
    assert ozc("persoon", "vergeet", "Lies Jansen", "--ja").exit_code == 0
    for pad in partnerschap.root.rglob("*.toml"):
        tekst = pad.read_text(encoding="utf-8")
        for spoor in ("Sem", "Dekker", "Lies", "Lectoraat Taal", "voorspellen"):
            assert spoor not in tekst, (pad, spoor)
    weg = partnerschap.netwerk.aansluiten(sem)
    assert (weg.interesses, weg.werkgroepen) == ((), ())
    steun = partnerschap.netwerk.ondersteuning("Leesteam Regenboog")
    assert [o.naam for o in steun.ondersteuners] == ["Mia de Wit", "Tom Bos"]
    with Index(partnerschap.root) as index:
        assert index.rijen("SELECT count(*) FROM interesses WHERE tekst = 'lezen'") == [(0,)]


# --- the worked example of docs/thema.md -------------------------------------------------------


def test_het_voorbeeld_van_de_docs_draait_zoals_het_er_staat(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/thema.md as a coordinator would type it: a student added with interests,
    the werkgroepen that fit, the student linked to the first, a lector for it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    speel_af(ozc, voorbeeld(DOCS / "thema.md", "### Een voorbeeld: een afstudeeronderzoek"))
    wp = Werkplaats.open(tmp_path / "voorbeeld")
    groep = wp.werkgroepen.zoek("Rekenen groep 5-8")
    sem = wp.personen.zoek("Sem Dekker")
    assert groep.lid(sem.id) is not None
    # the demo's own student is linked the same way
    iris = wp.personen.zoek("Iris Maas")
    lid = groep.lid(iris.id)
    assert lid is not None
    assert iris.interesses == ("begrijpend lezen", "redactiesommen")
    assert lid.onderzoeksvraag is not None
    assert "verhaaltjessom" in lid.onderzoeksvraag
    assert wp.personen.zoek("Ruud Coenen").lectoraat == "Lectoraat Samen Opleiden en Onderzoeken"


# --- the pure rule ---------------------------------------------------------------------------

_THESAURUS = standaard_thesaurus()
_LABELS = sorted(t.label for t in _THESAURUS)
_SPIEGEL = {"zelfde": "zelfde", "smaller": "breder", "breder": "smaller"}


def _bredere(sleutel: str) -> list[str]:
    uit, thema = [], _THESAURUS.zoek(sleutel)
    while thema is not None and thema.breder is not None:
        uit.append(_THESAURUS.sleutel(thema.breder))
        thema = _THESAURUS.zoek(thema.breder)
    return uit


def _relatie(van: str, naar: str) -> str | None:
    kaart = verwantschap({van: _THESAURUS.sleutel(van)}, _THESAURUS.omvat, _bredere)
    return next((r for _t, r in kaart.get(_THESAURUS.sleutel(naar), [])), None)


@given(st.sampled_from(_LABELS), st.sampled_from(_LABELS))
def test_verwantschap_is_gespiegeld(a: str, b: str) -> None:
    """If b is narrower than a, a is broader than b (and the same theme both ways);
    two themes are related only when one lies under the other in the thesaurus."""
    heen, terug = _relatie(a, b), _relatie(b, a)
    assert terug == (None if heen is None else _SPIEGEL[heen])
    onder = _THESAURUS.sleutel(b) in _THESAURUS.omvat(a)
    boven = _THESAURUS.sleutel(a) in _THESAURUS.omvat(b)
    assert (heen is not None) == (onder or boven)


def test_een_onderzoeksvraag_geven_laat_de_rol_en_de_plek_staan(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    """`werkgroep lid` without --rol changes nothing of a member's role: giving the
    leader a research question does not make her a plain member."""
    wp = gevulde_werkplaats
    wp.personen.toevoegen("Bram", school="De Regenboog")
    wp.werkgroepen.lid("rekenen", "Bram")
    in_map(wp.root)
    r = ozc("werkgroep", "lid", "rekenen", "Anna", "--onderzoeksvraag", "Hoe helpt tekenen?")
    assert r.exit_code == 0, r.stderr
    leden = wp.werkgroepen.zoek("rekenen").leden
    assert [(lid.rol.value, lid.onderzoeksvraag) for lid in leden] == [
        ("leider", "Hoe helpt tekenen?"),
        ("lid", None),
    ]


def test_een_passende_lector_die_al_lid_is_wordt_genoemd(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    """When the only lector who fits is a member already, ondersteuning says so instead of
    'no lector has expertise'."""
    wp = gevulde_werkplaats
    wp.personen.toevoegen("Ruud Coenen", rollen=["lector"], expertise=["rekenen"])
    assert [o.naam for o in wp.netwerk.ondersteuning("rekenen").ondersteuners] == ["Ruud Coenen"]
    wp.werkgroepen.lid("rekenen", "Ruud")
    antwoord = wp.netwerk.ondersteuning("rekenen")
    assert (antwoord.aantal, antwoord.al_lid) == (0, ("Ruud Coenen",))
    in_map(wp.root)
    r = ozc("thema", "ondersteuning", "rekenen")
    assert r.stdout.strip() == "Wie past, is al lid van Rekenen groep 5-8: Ruud Coenen.", r.stderr
