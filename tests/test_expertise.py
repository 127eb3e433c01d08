"""Expertise in beeld: needed, present, missing and growing, and one speerpunt per specialist."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from onderzoekscyclus import Werkplaats

from .conftest import Ozc


@pytest.fixture
def school(tmp_path: Path) -> Werkplaats:
    """De Regenboog needs rekenen and begrijpend lezen; only rekenen is in its own team,
    Piet wants to grow into begrijpend lezen and Marloes at the pabo has it."""
    wp = Werkplaats.maak(tmp_path / "wp", "Partnerschap Test")
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", speerpunten=["rekenen", "begrijpend lezen"])
    wp.scholen.toevoegen("Pabo De Kempen", brin="27NP", sector="opleiding")
    wp.personen.toevoegen(
        "Anna de Vries",
        school="De Regenboog",
        rollen=["intern-begeleider"],
        expertise=["rekenen", "coachen"],
    )
    wp.personen.toevoegen(
        "Piet Jansen", school="De Regenboog", rollen=["leraar"], ambities=["begrijpend lezen"]
    )
    wp.personen.toevoegen(
        "Marloes Aarts",
        school="Pabo De Kempen",
        rollen=["opleider"],
        expertise=["begrijpend lezen"],
    )
    wp.werkgroepen.toevoegen("Rekenen groep 5-8", scholen=["De Regenboog"], themas=["rekenen"])
    wp.werkgroepen.lid("Rekenen", "Anna", rol="leider")
    return wp


VERWACHT = """\
Expertise in beeld: De Regenboog (school), schooljaar 2026-2027, 2 personen

Nodig:
  begrijpend lezen  (speerpunt)
    ontbreekt
    elders in het partnerschap: Marloes Aarts (Pabo De Kempen)
    wil erin groeien: Piet Jansen
  digitale geletterdheid  (opgegeven)
    ontbreekt
  rekenen  (speerpunt; werkgroep Rekenen groep 5-8)
    aanwezig: Anna de Vries

Ontbreekt: begrijpend lezen, digitale geletterdheid

Aanwezig:
  coachen (kwaliteit): Anna de Vries
  rekenen: Anna de Vries
"""


def test_expertise_van_een_school_precies(school: Werkplaats, ozc: Ozc) -> None:
    """`ozc expertise SCHOOL` lists each need with where it comes from, who has it, who
    elsewhere in the partnership has what is missing, and who wants to grow into it."""
    uit = ozc(
        "--werkplaats", str(school.root), "expertise", "De Regenboog",
        "--nodig", "digitale geletterdheid",
    )  # fmt: skip
    assert (uit.exit_code, uit.stderr) == (0, "")
    assert uit.stdout == VERWACHT


def test_expertise_als_json(school: Werkplaats, ozc: Ozc) -> None:
    """--json gives the same picture as data: the missing themes and who is present."""
    uit = ozc("--werkplaats", str(school.root), "--json", "expertise", "regenboog")
    data = json.loads(uit.stdout)
    assert data["ontbreekt"] == ["begrijpend lezen"]
    assert [(b["thema"], [p["naam"] for p in b["aanwezig"]]) for b in data["nodig"]] == [
        ("begrijpend lezen", []),
        ("rekenen", ["Anna de Vries"]),
    ]


def test_expertise_van_een_werkgroep(school: Werkplaats) -> None:
    """For a werkgroep the needs are its themes and the members' roles are named."""
    beeld = school.expertise.beeld("Rekenen groep", werkgroep=True)
    assert (beeld.soort, beeld.ontbreekt, beeld.personen) == ("werkgroep", (), 1)
    assert [(p.naam, p.rol) for p in beeld.nodig[0].aanwezig] == [("Anna de Vries", "leider")]


def test_expertise_van_het_partnerschap(school: Werkplaats, ozc: Ozc) -> None:
    """`ozc expertise --partnerschap` gives the experts per theme with their school."""
    uit = ozc("--werkplaats", str(school.root), "expertise", "--partnerschap")
    assert uit.exit_code == 0, uit.stderr
    assert (
        "begrijpend lezen\n"
        "  experts: Marloes Aarts (Pabo De Kempen)\n"
        "  speerpunt van: De Regenboog\n"
        "  wil erin groeien: Piet Jansen (De Regenboog)\n"
    ) in uit.stdout


def test_onbekende_school_of_werkgroep(school: Werkplaats, ozc: Ozc) -> None:
    """A name that is neither a school nor a werkgroep gives a clear error."""
    uit = ozc("--werkplaats", str(school.root), "expertise", "Nergenshuizen")
    assert uit.exit_code != 0
    assert "Geen school of werkgroep gevonden voor 'Nergenshuizen'" in uit.stderr


# --- one speerpunt per specialist ----------------------------------------------------------


@pytest.fixture
def specialist(school: Werkplaats) -> Werkplaats:
    """Fatima, specialist at De Regenboog, leads the reading werkgroep and is expert in
    the arithmetic werkgroep: two speerpunten of one school."""
    school.personen.toevoegen(
        "Fatima El Amrani",
        school="De Regenboog",
        rollen=["leraar", "specialist"],
        expertise=["begrijpend lezen"],
    )
    school.werkgroepen.toevoegen("Lezen", scholen=["De Regenboog"], themas=["begrijpend lezen"])
    school.werkgroepen.lid("Lezen", "Fatima", rol="leider")
    school.werkgroepen.lid("Rekenen groep", "Fatima", rol="expert")
    school.logboek.schrijf("Rekenen groep", "Start", datum=dt.date(2025, 10, 1))
    school.logboek.schrijf("Rekenen groep", "Tweede jaar", datum=dt.date(2026, 10, 1))
    school.logboek.schrijf("Lezen", "Start", datum=dt.date(2026, 10, 5))
    return school


def test_specialist_met_twee_speerpunten_krijgt_een_waarschuwing(
    specialist: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A specialist who carries two speerpunten in one school year is named, with the
    speerpunten and the werkgroepen through which they carry them."""
    (signaal,) = specialist.expertise.beeld("De Regenboog").waarschuwingen
    assert (signaal.persoon.naam, signaal.schooljaar) == ("Fatima El Amrani", "2026-2027")
    assert [(d.speerpunt, d.werkgroep) for d in signaal.speerpunten] == [
        ("begrijpend lezen", "Lezen"),
        ("rekenen", "Rekenen groep 5-8"),
    ]
    monkeypatch.setenv("COLUMNS", "160")  # a wide terminal: no line is wrapped
    tekst = ozc("--werkplaats", str(specialist.root), "expertise", "De Regenboog").stdout
    assert tekst.endswith(
        "Let op: specialist Fatima El Amrani draagt in schooljaar 2026-2027 meer dan één "
        "speerpunt; het katern houdt het bij één per specialist per schooljaar:\n"
        "  - begrijpend lezen (De Regenboog, via Lezen)\n"
        "  - rekenen (De Regenboog, via Rekenen groep 5-8)\n"
    )
    assert specialist.expertise.partnerschap().waarschuwingen == (signaal,)


def test_geen_waarschuwing_in_een_ander_schooljaar(specialist: Werkplaats) -> None:
    """In 2025-2026 only the arithmetic werkgroep was active: one speerpunt, no warning."""
    assert (
        specialist.expertise.beeld("De Regenboog", peildatum=dt.date(2025, 11, 1)).waarschuwingen
        == ()
    )


def test_geen_waarschuwing_voor_een_gewoon_lid_of_een_leraar(specialist: Werkplaats) -> None:
    """Only leider or expert counts as carrying, and only for role specialist."""
    specialist.werkgroepen.lid("Rekenen groep", "Fatima", rol="lid")
    assert specialist.expertise.beeld("De Regenboog").waarschuwingen == ()
    specialist.werkgroepen.lid("Lezen", "Anna", rol="leider")
    assert specialist.expertise.beeld("De Regenboog").waarschuwingen == ()
