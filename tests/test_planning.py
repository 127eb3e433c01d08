"""The planning: what is due or overdue, by rules that take today as a parameter.

The rules (:mod:`onderzoekscyclus.domein.planning`) are tested with a fixed clock on
real werkgroepen and besluiten; the service chooses a werkgroep, a school or the whole
werkplaats; ``ozc planning`` shows what is overdue first, marked, and as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from onderzoekscyclus import (
    InvalidValue,
    Planpunt,
    Planpuntsoort,
    VasteKlok,
    Werkplaats,
    planpunten,
)
from onderzoekscyclus.domein.cyclus import actie
from onderzoekscyclus.export import exporteer

from .conftest import Ozc

SCHEMAS = Path(__file__).resolve().parent.parent / "docs" / "schema"
BEGIN = dt.date(2026, 9, 1)
UITVOERING = dt.date(2026, 9, 7)


def _werkplaats(tmp_path: Path, klok: VasteKlok) -> Werkplaats:
    """Two schools, Anna (an expert on rekenen), and two werkgroepen: Rekenen at De
    Regenboog and Lezen at Het Palet."""
    wp = Werkplaats.maak(tmp_path / "w", "Kempen", vandaag=klok)
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.toevoegen("Het Palet", brin="14CD", sector="po")
    for school in ("De Regenboog", "Het Palet"):
        wp.scholen.profiel(school, visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["rekenen", "lezen"])
    wp.werkgroepen.toevoegen("Rekenen groep 5-8", scholen=["De Regenboog"], themas=["rekenen"])
    wp.werkgroepen.toevoegen("Lezen", scholen=["Het Palet"], themas=["lezen"])
    for groep in ("Rekenen", "Lezen"):
        wp.werkgroepen.lid(groep, "Anna", rol="leider")
    return wp


def _tot_het_plan(
    wp: Werkplaats, groep: str, acties: list[tuple[str, str | None, str | None]]
) -> None:
    c = wp.cycli
    c.start(groep, aanleiding="Resultaten dalen", vraag="Wat helpt?", datum=BEGIN)
    c.beginsituatie(groep, tekst="62% op niveau", bronnen=["Toets M5"], datum=BEGIN)
    c.doel(
        groep,
        tekst="75% op niveau",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 62.0, 75.0), ("plezier", "score", 3.0, 4.0)],
        datum=BEGIN,
    )
    c.plan(groep, acties=acties, literatuur=["Overzichtsstudie"], datum=BEGIN)


def _punten(wp: Werkplaats, vandaag: dt.date, **opties: Any) -> list[Planpunt]:
    """The rules applied directly to the stored werkgroepen and besluiten."""
    return planpunten(wp.werkgroepen.lijst(), wp.besluitvorming.lijst(), vandaag=vandaag, **opties)


def _soort(punten: list[Planpunt], soort: Planpuntsoort) -> list[Planpunt]:
    return [p for p in punten if p.soort is soort]


# --- the actions of a plan ------------------------------------------------------------------


def test_wanneer_als_datum_wordt_een_datum_en_tekst_blijft_tekst() -> None:
    """``--wanneer 2027-01-15`` is a day; "vanaf januari" stays words; a form of a date
    that is no day, or lies outside the calendar, is refused naming ``wanneer``."""
    assert actie("Lesbezoek", "Anna", "2027-01-15").datum == dt.date(2027, 1, 15)
    assert actie("Lesbezoek", "Anna", " 2027-01-15 ").wanneer is None
    assert actie("Lesbezoek", None, dt.date(2027, 1, 15)).datum == dt.date(2027, 1, 15)
    vrij = actie("Ouderavond", None, "vanaf januari")
    assert (vrij.wanneer, vrij.datum) == ("vanaf januari", None)
    assert actie("Ouderavond", None, "15-01-2027").wanneer == "15-01-2027"
    for fout in ("2027-02-30", "2300-01-01"):
        with pytest.raises(InvalidValue) as gevangen:
            actie("Lesbezoek", None, fout)
        assert gevangen.value.veld == "wanneer"


def test_een_datum_van_een_actie_wordt_als_datum_bewaard(tmp_path: Path) -> None:
    """The stored file holds the day as a TOML date in the action, free text as before,
    and both read back; an action without a day is written as it always was. The
    Markdown report writes the day out."""
    wp = _werkplaats(tmp_path, VasteKlok(UITVOERING))
    _tot_het_plan(
        wp,
        "Rekenen",
        [("Lesbezoek", "Anna", "2026-10-05"), ("Ouderavond", None, "vanaf januari")],
    )
    groep = wp.werkgroepen.zoek("Rekenen")
    tekst = wp.opslag.pad(type(groep), groep.id).read_text(encoding="utf-8")
    # each action as ozc writes it, with the id every entry carries
    assert re.search(
        r'\{ wat = "Lesbezoek", wie = "Anna", datum = 2026-10-05, id = "\w+" \}', tekst
    )
    assert re.search(r'\{ wat = "Ouderavond", wanneer = "vanaf januari", id = "\w+" \}', tekst)
    (acties,) = [c.acties for c in groep.cycli]
    assert [(a.wanneer, a.datum) for a in acties] == [
        (None, dt.date(2026, 10, 5)),
        ("vanaf januari", None),
    ]
    assert wp.controleer() == []
    verslag = exporteer(wp, "markdown", tmp_path / "verslag.md").pad.read_text(encoding="utf-8")
    assert "Lesbezoek (Anna, 5 oktober 2026)" in verslag
    assert "Ouderavond (vanaf januari)" in verslag


def test_een_actie_met_datum_staat_in_de_planning_en_blijft_weken_als_herinnering(
    tmp_path: Path,
) -> None:
    """A dated action is due on its day while the plan is made or carried out; once
    past it is overdue and stays as a reminder for ``weken`` weeks, then drops out. An
    action in words is never in the planning."""
    klok = VasteKlok(UITVOERING)
    wp = _werkplaats(tmp_path, klok)
    _tot_het_plan(
        wp, "Rekenen", [("Lesbezoek", "Anna", "2026-10-05"), ("Ouderavond", None, "in januari")]
    )
    (punt,) = _soort(_punten(wp, dt.date(2026, 10, 1)), Planpuntsoort.ACTIE)
    assert (punt.datum, punt.verlopen, punt.cyclus) == (dt.date(2026, 10, 5), False, 1)
    assert punt.tekst == "Actie: Lesbezoek (door Anna)"
    assert punt.werkgroep_naam == "Rekenen groep 5-8"
    assert not _soort(_punten(wp, dt.date(2026, 10, 5)), Planpuntsoort.ACTIE)[0].verlopen
    assert _soort(_punten(wp, dt.date(2026, 10, 6)), Planpuntsoort.ACTIE)[0].verlopen
    laatste_dag = dt.date(2026, 10, 5) + dt.timedelta(weeks=6)
    assert _soort(_punten(wp, laatste_dag), Planpuntsoort.ACTIE)
    assert not _soort(_punten(wp, laatste_dag + dt.timedelta(days=1)), Planpuntsoort.ACTIE)
    assert _soort(_punten(wp, laatste_dag + dt.timedelta(days=1), weken=8), Planpuntsoort.ACTIE)
    wp.cycli.pauzeer("Rekenen", reden="Zieke collega", datum=UITVOERING)
    assert not _soort(_punten(wp, dt.date(2026, 10, 1)), Planpuntsoort.ACTIE)


# --- measurements and silence ---------------------------------------------------------------


def test_een_meting_is_weken_na_de_vorige_aan_de_beurt(tmp_path: Path) -> None:
    """In the uitvoering each indicator is due for a measurement ``weken`` weeks after
    its last one, or after the uitvoering began when it has none; the day after that,
    it is overdue."""
    klok = VasteKlok(UITVOERING)
    wp = _werkplaats(tmp_path, klok)
    _tot_het_plan(wp, "Rekenen", [("Lesbezoek", None, None)])
    assert _soort(_punten(wp, UITVOERING), Planpuntsoort.METING) == []
    wp.cycli.uitvoeren("Rekenen", datum=UITVOERING)
    klok.zet(dt.date(2026, 10, 1))
    wp.cycli.meting("Rekenen", indicator="op niveau", waarde=66, datum=dt.date(2026, 10, 1))
    punten = _soort(_punten(wp, dt.date(2026, 10, 19)), Planpuntsoort.METING)
    assert [(p.indicator, p.sinds, p.datum, p.verlopen) for p in punten] == [
        ("plezier", UITVOERING, dt.date(2026, 10, 19), False),
        ("op niveau", dt.date(2026, 10, 1), dt.date(2026, 11, 12), False),
    ]
    assert punten[0].tekst == (
        "Meting van 'plezier' (nog geen sinds de uitvoering op 7 september 2026 begon)"
    )
    assert punten[1].tekst == "Meting van 'op niveau' (de vorige was op 1 oktober 2026)"
    later = _soort(_punten(wp, dt.date(2026, 11, 13)), Planpuntsoort.METING)
    assert [p.verlopen for p in later] == [True, True]
    vier = _soort(_punten(wp, dt.date(2026, 10, 19), weken=4), Planpuntsoort.METING)
    assert [p.datum for p in vier] == [dt.date(2026, 10, 5), dt.date(2026, 10, 29)]


def test_een_cyclus_zonder_activiteit_ligt_na_weken_stil(tmp_path: Path) -> None:
    """A cycle whose last step, measurement or bron is ``weken`` weeks ago lies still:
    listed from that day on and overdue the day after. A line in the logboek does not
    move the cycle; a paused cycle lies still as well; a cycle in its uitvoering is
    watched through its measurements instead."""
    klok = VasteKlok(BEGIN)
    wp = _werkplaats(tmp_path, klok)
    wp.cycli.start("Lezen", aanleiding="Weinig plezier", vraag="Wat helpt?", datum=BEGIN)
    zes_weken = BEGIN + dt.timedelta(weeks=6)
    assert _soort(_punten(wp, zes_weken - dt.timedelta(days=1)), Planpuntsoort.STIL) == []
    klok.zet(zes_weken)
    wp.logboek.schrijf("Lezen", "Veel besproken, niets besloten")
    (punt,) = _soort(_punten(wp, zes_weken), Planpuntsoort.STIL)
    assert (punt.datum, punt.verlopen, punt.sinds) == (zes_weken, False, BEGIN)
    assert punt.tekst == "Cyclus 1 (fase 'aanleiding') ligt sinds 1 september 2026 stil"
    assert _soort(_punten(wp, zes_weken + dt.timedelta(days=1)), Planpuntsoort.STIL)[0].verlopen
    wp.cycli.pauzeer("Lezen", reden="Eerst een methode kiezen", datum=zes_weken)
    assert _soort(_punten(wp, zes_weken), Planpuntsoort.STIL) == []
    (gepauzeerd,) = _soort(_punten(wp, zes_weken + dt.timedelta(weeks=6)), Planpuntsoort.STIL)
    assert gepauzeerd.tekst == (
        "Cyclus 1 is gepauzeerd (fase 'aanleiding') en ligt sinds 13 oktober 2026 stil"
    )
    klok.zet(UITVOERING)
    _tot_het_plan(wp, "Rekenen", [("Lesbezoek", None, None)])
    wp.cycli.uitvoeren("Rekenen", datum=UITVOERING)
    stil = _soort(_punten(wp, dt.date(2027, 6, 1)), Planpuntsoort.STIL)
    assert [p.werkgroep_naam for p in stil] == ["Lezen"]


# --- besluiten --------------------------------------------------------------------------------


def test_feedbackronde_besluit_en_herevaluatie(tmp_path: Path) -> None:
    """An open round is due on its last day; after it the werkgroep has to react and
    decide (from the day after), with the number of feedback items still open in the
    right plural; an embedded besluit is due for its re-evaluation."""
    klok = VasteKlok(dt.date(2026, 10, 1))
    wp = _werkplaats(tmp_path, klok)
    bv = wp.besluitvorming
    besluit = bv.nieuw("Minder toetsen", werkgroep="Rekenen", thema="rekenen").id
    bv.voorstel(besluit, "Alleen nog methodetoetsen", leider="Anna")
    bv.feedback_open(besluit, tot=dt.date(2026, 10, 14))
    (ronde,) = _punten(wp, dt.date(2026, 10, 2))
    assert (ronde.soort, ronde.datum, ronde.verlopen, ronde.besluit) == (
        Planpuntsoort.FEEDBACK,
        dt.date(2026, 10, 14),
        False,
        besluit,
    )
    assert ronde.tekst == "Laatste dag van feedbackronde 1 op 'Minder toetsen'"
    klok.zet(dt.date(2026, 10, 5))
    bv.feedback(besluit, "Ook groep 4?", door="Anna")
    (een,) = _punten(wp, dt.date(2026, 10, 20))
    assert (een.soort, een.datum, een.verlopen) == (
        Planpuntsoort.BESLUIT,
        dt.date(2026, 10, 15),
        True,
    )
    assert een.tekst == "Besluit 'Minder toetsen': 1 feedbackpunt wacht op een reactie"
    bv.feedback(besluit, "Wat vinden ouders?", extern="Piet", rol="ouder")
    (twee,) = _punten(wp, dt.date(2026, 10, 20))
    assert twee.tekst == "Besluit 'Minder toetsen': 2 feedbackpunten wachten op een reactie"
    klok.zet(dt.date(2026, 10, 20))
    for nummer in (1, 2):
        bv.reageer(besluit, nummer, oordeel="overgenomen", motivatie="Goed punt")
    (klaar,) = _punten(wp, dt.date(2026, 10, 20))
    assert klaar.tekst == (
        "Besluit 'Minder toetsen': de feedbackronde is gesloten; de werkgroep kan besluiten"
    )
    bv.neem(besluit, "Alleen nog methodetoetsen")
    assert _punten(wp, dt.date(2026, 10, 20)) == []
    bv.implementeer(besluit)
    bv.evalueer(besluit, "Het werkt", bronnen=["observatie"])
    bv.borg(besluit, herevaluatie=dt.date(2027, 10, 1))
    (her,) = _punten(wp, dt.date(2026, 10, 20))
    assert (her.soort, her.datum, her.verlopen) == (
        Planpuntsoort.HEREVALUATIE,
        dt.date(2027, 10, 1),
        False,
    )
    assert her.tekst == "Herevaluatie van besluit 'Minder toetsen'"


def test_op_datum_wat_te_laat_is_eerst_en_weken_wordt_gecontroleerd(tmp_path: Path) -> None:
    """Points are by date, so what is overdue comes first, and on one day by werkgroep;
    ``tot`` keeps what is due up to a day; ``weken`` is a whole number of weeks from 1 to
    520."""
    klok = VasteKlok(UITVOERING)
    wp = _werkplaats(tmp_path, klok)
    _tot_het_plan(
        wp,
        "Rekenen",
        [
            ("Lesbezoek", None, "2026-11-02"),
            ("Studiedag", None, "2026-09-20"),
            ("Intervisie", None, "2026-10-05"),
        ],
    )
    wp.cycli.start("Lezen", aanleiding="Weinig plezier", vraag="Wat helpt?", datum=BEGIN)
    punten = _punten(wp, dt.date(2026, 10, 20))
    assert [(p.datum, p.soort, p.werkgroep_naam, p.verlopen) for p in punten] == [
        (dt.date(2026, 9, 20), Planpuntsoort.ACTIE, "Rekenen groep 5-8", True),
        (dt.date(2026, 10, 5), Planpuntsoort.ACTIE, "Rekenen groep 5-8", True),
        (dt.date(2026, 10, 13), Planpuntsoort.STIL, "Lezen", True),
        (dt.date(2026, 10, 13), Planpuntsoort.STIL, "Rekenen groep 5-8", True),
        (dt.date(2026, 11, 2), Planpuntsoort.ACTIE, "Rekenen groep 5-8", False),
    ]
    tot = _punten(wp, dt.date(2026, 10, 20), tot=dt.date(2026, 10, 5))
    assert [p.datum for p in tot] == [dt.date(2026, 9, 20), dt.date(2026, 10, 5)]
    assert len(_punten(wp, dt.date(2026, 10, 20), weken=520)) == 3
    for fout in (0, -1, 521, True, 1.5):
        with pytest.raises(InvalidValue) as gevangen:
            _punten(wp, dt.date(2026, 10, 20), weken=fout)
        assert gevangen.value.veld == "weken"


# --- the service ------------------------------------------------------------------------------


def test_planning_van_een_werkgroep_een_school_of_alles(tmp_path: Path) -> None:
    """The service uses the werkplaats' clock and chooses: one werkgroep (its cycle and
    besluiten), one school (its werkgroepen, and besluiten of the school or of those
    werkgroepen), or everything; pages cut the same order."""
    klok = VasteKlok(dt.date(2026, 10, 1))
    wp = _werkplaats(tmp_path, klok)
    _tot_het_plan(wp, "Rekenen", [("Lesbezoek", None, "2026-10-05")])
    wp.cycli.start("Lezen", aanleiding="Weinig plezier", vraag="Wat helpt?", datum=BEGIN)
    besluit = wp.besluitvorming.nieuw("Leeshoek", werkgroep="Lezen", thema="lezen").id
    wp.besluitvorming.voorstel(besluit, "Een leeshoek in elke groep", leider="Anna")
    wp.besluitvorming.feedback_open(besluit, tot=dt.date(2026, 10, 10))
    klok.zet(dt.date(2026, 10, 13))
    alles = wp.planning.lijst()
    assert alles == _punten(wp, dt.date(2026, 10, 13))
    assert {p.werkgroep_naam for p in alles} == {"Rekenen groep 5-8", "Lezen"}
    lezen = wp.planning.lijst(werkgroep="Lezen")
    assert {p.soort for p in lezen} == {Planpuntsoort.STIL, Planpuntsoort.BESLUIT}
    assert wp.planning.lijst(school="Het Palet") == lezen
    rekenen = wp.planning.lijst(school="De Regenboog")
    assert {p.werkgroep_naam for p in rekenen} == {"Rekenen groep 5-8"}
    paginas = [wp.planning.lijst(limit=2, offset=o) for o in range(0, len(alles), 2)]
    assert [p for pagina in paginas for p in pagina] == alles
    with pytest.raises(InvalidValue):
        wp.planning.lijst(werkgroep="Lezen", school="Het Palet")
    with pytest.raises(InvalidValue):
        wp.planning.lijst(limit=-1)


# --- ozc planning -------------------------------------------------------------------------------


@pytest.fixture
def met_planning(gevulde_werkplaats: Werkplaats, monkeypatch: pytest.MonkeyPatch) -> Werkplaats:
    """On 23 November 2026: Rekenen carries out a plan with an action yesterday, one
    tomorrow and one in words, a measurement due eleven days ago, and a besluit whose
    feedback round closes in ten days; Lezen (at Het Palet) has lain still for exactly
    six weeks."""
    wp = gevulde_werkplaats
    monkeypatch.chdir(wp.root)
    wp.scholen.toevoegen("Het Palet", brin="14CD", sector="po")
    wp.scholen.profiel("Het Palet", visie={"leesplezier": "Kinderen lezen graag"})
    wp.werkgroepen.toevoegen("Lezen", scholen=["Het Palet"], themas=["lezen"])
    c = wp.cycli
    c.start("Rekenen", aanleiding="Resultaten dalen", vraag="Wat helpt?", datum=BEGIN)
    c.beginsituatie("Rekenen", tekst="62% op niveau", bronnen=["Toets M5"], datum=BEGIN)
    c.doel(
        "Rekenen",
        tekst="75% op niveau",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 62.0, 75.0)],
        datum=BEGIN,
    )
    c.plan(
        "Rekenen",
        acties=[
            ("Startbijeenkomst", "Anna", "2026-11-22"),
            ("Lesbezoek", None, "2026-11-24"),
            ("Ouderavond", None, "vanaf januari"),
        ],
        literatuur=["Overzichtsstudie"],
        datum=BEGIN,
    )
    c.uitvoeren("Rekenen", datum=UITVOERING)
    c.meting("Rekenen", indicator="op niveau", waarde=66, datum=dt.date(2026, 10, 1))
    c.start("Lezen", aanleiding="Weinig plezier", vraag="Wat helpt?", datum=dt.date(2026, 10, 12))
    besluit = wp.besluitvorming.nieuw("Minder toetsen", werkgroep="Rekenen", thema="rekenen").id
    wp.besluitvorming.voorstel(besluit, "Alleen nog methodetoetsen", leider="Anna")
    wp.besluitvorming.feedback_open(besluit, tot=dt.date(2026, 12, 3))
    return wp


def test_ozc_planning_toont_eerst_wat_te_laat_is(met_planning: Werkplaats, ozc: Ozc) -> None:
    """What is overdue stands under its own heading, each line marked with ``!`` and how
    many days late (one day, or days); then what comes, with how many days to go."""
    uit = ozc("planning")
    assert uit.exit_code == 0, uit.output
    regels = uit.stdout.splitlines()
    assert regels[0] == ("Planning op 23 november 2026 (meten: elke 6 weken; stil: na 6 weken)")
    te_laat, komt = regels.index("Te laat:"), regels.index("Wat eraan komt:")
    assert te_laat < komt
    # a line too long for the terminal goes on under its text column: read it whole
    regels = re.sub(r"\n {33}", " ", uit.stdout).splitlines()
    te_laat, komt = regels.index("Te laat:"), regels.index("Wat eraan komt:")
    verlopen = [r for r in regels[te_laat + 1 : komt] if r]
    assert max(len(r) for r in uit.stdout.splitlines()) <= 80
    assert verlopen == [
        "! 12 nov 2026  11 dagen te laat  Rekenen groep 5-8: Meting van 'op niveau' (de vorige "
        "was op 1 oktober 2026)",
        "! 22 nov 2026  1 dag te laat     Rekenen groep 5-8: Actie: Startbijeenkomst (door Anna)",
    ]
    assert regels[komt + 1 :] == [
        "  23 nov 2026  vandaag           Lezen: Cyclus 1 (fase 'aanleiding') ligt sinds 12 "
        "oktober 2026 stil",
        "  24 nov 2026  over 1 dag        Rekenen groep 5-8: Actie: Lesbezoek",
        "  3 dec 2026   over 10 dagen     Rekenen groep 5-8: Laatste dag van feedbackronde 1 "
        "op 'Minder toetsen'",
    ]
    assert "Ouderavond" not in uit.stdout


def test_het_voorbeeld_in_de_docs_is_echt(met_planning: Werkplaats, ozc: Ozc) -> None:
    """docs/planning.md shows exactly what `ozc planning` prints for this werkplaats."""
    tekst = (SCHEMAS.parent / "planning.md").read_text(encoding="utf-8")
    voorbeeld = re.search(r"^```text\n(.*?)^```", tekst, re.S | re.M)
    assert voorbeeld is not None
    assert ozc("planning").stdout == voorbeeld.group(1)


def test_ozc_planning_kiest_en_geeft_json(met_planning: Werkplaats, ozc: Ozc) -> None:
    """--werkgroep, --school, --weken and --tot choose; --json gives every point as data
    that fits the published schema; --werkgroep with --school is refused."""
    schema = json.loads((SCHEMAS / "Planpunt.schema.json").read_text(encoding="utf-8"))
    uit = ozc("--json", "planning", "--werkgroep", "Lezen")
    data = json.loads(uit.stdout)
    assert [(p["soort"], p["datum"], p["verlopen"]) for p in data] == [
        ("stil", "2026-11-23", False)
    ]
    for punt in json.loads(ozc("--json", "planning").stdout):
        jsonschema.validate(punt, schema, format_checker=jsonschema.FormatChecker())
    palet = json.loads(ozc("--json", "planning", "--school", "Het Palet").stdout)
    assert palet == data
    vier = json.loads(ozc("--json", "planning", "--werkgroep", "Rekenen", "--weken", "4").stdout)
    meting = next(p for p in vier if p["soort"] == "meting")
    assert (meting["datum"], meting["sinds"]) == ("2026-10-29", "2026-10-01")
    tot = json.loads(ozc("--json", "planning", "--tot", "2026-11-23").stdout)
    assert max(p["datum"] for p in tot) == "2026-11-23"
    beide = ozc("planning", "--werkgroep", "Lezen", "--school", "Het Palet")
    assert beide.exit_code == 2
    assert "niet allebei" in beide.stderr
    assert ozc("planning", "--weken", "0").exit_code == 2


def test_ozc_planning_bladert_en_zegt_als_er_niets_is(
    met_planning: Werkplaats, ozc: Ozc, werkplaats: Werkplaats, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page holds --aantal points and says how to see the next (on stderr with
    --json, so the data stays clean); an empty werkplaats says there is nothing to do."""
    eerste = ozc("planning", "--aantal", "2")
    assert eerste.stdout.count("te laat  ") == 2
    assert eerste.stdout.endswith(
        "Er is meer: zie de volgende pagina met --pagina 2, of alles met --alle.\n"
    )
    tweede = ozc("planning", "--aantal", "2", "--pagina", "3")
    assert "3 dec 2026" in tweede.stdout and "--pagina" not in tweede.stdout
    als_json = ozc("--json", "planning", "--aantal", "2")
    assert len(json.loads(als_json.stdout)) == 2
    assert "--pagina 2" in als_json.stderr
    voorbij = ozc("planning", "--aantal", "2", "--pagina", "9")
    assert "Pagina 9 is leeg" in voorbij.stdout
    leeg = Werkplaats.maak(werkplaats.root.parent / "leeg", "Leeg")
    monkeypatch.chdir(leeg.root)
    assert "Er staat niets open" in ozc("planning").stdout


def test_actie_met_datum_via_de_cli(met_planning: Werkplaats, ozc: Ozc) -> None:
    """``ozc cyclus plan --wanneer JJJJ-MM-DD`` stores a day that `toon` and the planning
    show; a wrong day is refused with a Dutch message naming --wanneer's field."""
    groep = "Lezen"
    ozc("cyclus", "beginsituatie", groep, "--tekst", "Weinig", "--bron", "Enquête")
    ozc(
        *("cyclus", "doel", groep, "--tekst", "Meer", "--visie", "leesplezier"),
        *("--indicator", "plezier", "--eenheid", "score", "--nulmeting", "3"),
        *("--streefwaarde", "4"),
    )
    fout = ozc(
        *("cyclus", "plan", groep, "--actie", "Leeshoek", "--wanneer", "2026-12-32"),
        *("--literatuur", "Boek"),
    )
    assert fout.exit_code == 2, fout.output
    assert "wanneer: '2026-12-32' is geen bestaande datum." in fout.stderr
    goed = ozc(
        *("cyclus", "plan", groep, "--actie", "Leeshoek", "--wanneer", "2026-12-15"),
        *("--literatuur", "Boek"),
    )
    assert goed.exit_code == 0, goed.output
    assert "1. Leeshoek (2026-12-15)" in ozc("cyclus", "toon", groep).stdout
    planning = ozc("planning", "--werkgroep", groep).stdout
    assert "15 dec 2026  over 22 dagen  Lezen: Actie: Leeshoek" in planning
