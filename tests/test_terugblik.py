"""Looking back: the cycles of a werkgroep or a werkplaats, the logboek, the measurements.

``ozc cyclus lijst``, ``ozc log WERKGROEP`` (without text) and ``ozc zelfevaluatie
lijst`` each make one library call that filters and pages; their JSON fits the
published schemas, and their text says what to type next.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from onderzoekscyclus import Geweigerd, InvalidValue, VasteKlok, Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.demo.schaal import maak_grote_demo
from onderzoekscyclus.opslag.index import Index

from .conftest import Ozc

SCHEMAS = Path(__file__).resolve().parent.parent / "docs" / "schema"
DAG = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Werkplaats:
    """The demo werkplaats, once: these tests only read it."""
    return maak_demo(tmp_path_factory.mktemp("demo") / "w", vandaag=DAG)


def _json(ozc: Ozc, *args: str) -> Any:
    uit = ozc("--json", *args)
    assert uit.exit_code == 0, uit.output
    return json.loads(uit.stdout)


def _past(naam: str, items: list[Any]) -> None:
    schema = json.loads((SCHEMAS / f"{naam}.schema.json").read_text(encoding="utf-8"))
    for item in items:
        jsonschema.validate(item, schema, format_checker=jsonschema.FormatChecker())


# --- ozc cyclus lijst ---------------------------------------------------------------------------


def test_cycli_van_de_werkplaats_op_werkgroep_en_nummer(demo: Werkplaats) -> None:
    """Every cycle of every werkgroep, by werkgroep name and then number, with its phase
    (and pause), its dates and its method quality; pages cut that order."""
    alle = demo.cycli.lijst()
    groepen = demo.werkgroepen.lijst()
    assert [(s.werkgroep, s.nummer) for s in alle] == [
        (g.id, c.nummer) for g in groepen for c in g.cycli
    ]
    rekenen = [s for s in alle if s.werkgroep_naam == "Rekenen groep 5-8"]
    assert [(s.nummer, s.fase.value, s.vorige) for s in rekenen] == [
        (1, "afgerond", None),
        (2, "beginsituatie", 1),  # a bevinding of the demo's visitatie became its bron
    ]
    assert rekenen[0].afgerond == DAG - dt.timedelta(days=35)  # not its "volgende" step
    assert rekenen[0].gestart == DAG - dt.timedelta(days=300)
    assert (rekenen[0].kwaliteit, rekenen[0].score, rekenen[0].ontbreekt) == ("7 van 7", 7, ())
    assert rekenen[1].afgerond is None and rekenen[1].bijgewerkt == DAG - dt.timedelta(
        days=10
    )  # the bron
    (kleuters,) = [s for s in alle if s.werkgroep_naam == "Beredeneerd aanbod kleuters"]
    assert (kleuters.fase.value, kleuters.gepauzeerd) == ("beginsituatie", True)
    paginas = [demo.cycli.lijst(limit=3, offset=o) for o in range(0, len(alle), 3)]
    assert [s for p in paginas for s in p] == alle
    regenboog = demo.scholen.zoek("De Regenboog").id
    assert demo.cycli.lijst(school="De Regenboog") == [
        s for s in alle if regenboog in demo.werkgroepen.zoek(id=s.werkgroep).scholen
    ]
    assert demo.cycli.lijst("rekenen") == rekenen
    assert demo.cycli.lijst("rekenen", limit=1, offset=1) == rekenen[1:]
    with pytest.raises(InvalidValue):
        demo.cycli.lijst(offset=-1)


def test_cycli_van_een_groot_partnerschap_uit_de_index(tmp_path: Path) -> None:
    """With hundreds of werkgroepen the index chooses and orders them, fetched in
    batches as the page needs them: every page, of the werkplaats and of one school,
    is the one the files give, across the batches' edges."""
    root = maak_grote_demo(tmp_path / "groot", 60, vandaag=DAG)
    with Index(root) as index:  # as after any partnership-wide question
        index.ververs()
    wp = Werkplaats.open(root)
    groepen = wp.werkgroepen.lijst()
    verwacht = [(g.id, c.nummer) for g in groepen for c in g.cycli]
    assert len({w for w, _n in verwacht}) > 64 * 2  # more than the first two batches
    alle = wp.cycli.lijst()
    assert [(s.werkgroep, s.nummer) for s in alle] == verwacht
    for limit, offset in ((10, 0), (20, 60), (50, 90), (7, len(alle) - 3), (5, len(alle))):
        blad = wp.cycli.lijst(limit=limit, offset=offset)
        assert [(s.werkgroep, s.nummer) for s in blad] == verwacht[offset : offset + limit]
    school = max(wp.scholen.lijst(), key=lambda s: len(wp.werkgroepen.lijst(school=s.id)))
    van_school = [(g.id, c.nummer) for g in groepen if school.id in g.scholen for c in g.cycli]
    assert [(s.werkgroep, s.nummer) for s in wp.cycli.lijst(school=school.id)] == van_school


def test_ozc_cyclus_lijst(demo: Werkplaats, ozc: Ozc) -> None:
    """The text groups the cycles under their werkgroep with phase, dates and method
    quality; --json fits the schema; --aantal and --pagina page and say there is more."""
    wp = ("--werkplaats", str(demo.root))
    uit = ozc(*wp, "cyclus", "lijst", "rekenen")
    assert uit.exit_code == 0, uit.output
    groep = demo.werkgroepen.zoek("rekenen")
    regels = uit.stdout.splitlines()
    assert regels[:5] == [
        "Per cyclus: nummer, fase, begin – laatste stap, methodekwaliteit.",
        "",
        f"Rekenen groep 5-8  ({groep.id})",
        "  1  afgerond       27 jan 2026 – 19 okt 2026  7 van 7",
        "  2  beginsituatie  3 nov 2026 – 13 nov 2026   1 van 7",
    ]
    alles = ozc(*wp, "cyclus", "lijst").stdout
    assert "  1  beginsituatie (gepauzeerd)  " in alles
    assert alles.index("Beredeneerd aanbod kleuters") < alles.index("Taalbeleid bovenbouw")
    data = _json(ozc, *wp, "cyclus", "lijst")
    _past("CyclusSamenvatting", data)
    assert len(data) == len(demo.cycli.lijst())
    eerste = ozc(*wp, "cyclus", "lijst", "--aantal", "3")
    assert len(re.findall(r"  \d van 7$", eerste.stdout, re.M)) == 3
    assert (
        "Er is meer: zie de volgende pagina met --pagina 2, of alles met --alle." in eerste.stdout
    )
    tweede = _json(ozc, *wp, "cyclus", "lijst", "--aantal", "3", "--pagina", "2")
    assert [(c["werkgroep"], c["nummer"]) for c in tweede] == [
        (s.werkgroep, s.nummer) for s in demo.cycli.lijst(limit=3, offset=3)
    ]
    palet = _json(ozc, *wp, "cyclus", "lijst", "--school", "Kindcentrum Het Palet")
    assert {c["werkgroep_naam"] for c in palet} == {
        "Leergroep Begrijpend Lezen",
        "PLG Ontwikkelingsvoorsprong",
    }


def test_ozc_cyclus_lijst_zonder_cycli(gevulde_werkplaats: Werkplaats, ozc: Ozc) -> None:
    """A werkgroep without a cycle hears how to start one."""
    uit = ozc("--werkplaats", str(gevulde_werkplaats.root), "cyclus", "lijst", "rekenen")
    assert " ".join(uit.stdout.split()) == (
        "Deze werkgroep heeft nog geen onderzoekscyclus. Begin er een met "
        "`ozc cyclus start 'Rekenen groep 5-8' --aanleiding TEKST --vraag TEKST`."
    )


def test_een_onbekend_cyclusnummer_noemt_de_cycli_die_er_zijn(demo: Werkplaats, ozc: Ozc) -> None:
    """`cyclus toon --cyclus N` with a number the werkgroep does not have is refused;
    the reason carries the numbers it does have, and the CLI names them with the command
    that lists them (or, for one cycle, the command that shows it)."""
    with pytest.raises(Geweigerd) as fout:
        demo.cycli.overzicht("rekenen", 3)
    (reden,) = fout.value.redenen
    assert (reden.code, reden.waarden["bestaand"]) == ("cyclus.onbekend", [1, 2])
    assert fout.value.als_data()["redenen"][0]["waarden"]["bestaand"] == [1, 2]
    wp = ("--werkplaats", str(demo.root))
    uit = ozc(*wp, "cyclus", "toon", "rekenen", "--cyclus", "3")
    assert uit.exit_code == 3
    assert uit.stderr.splitlines() == [
        "Fout: Kan de cyclus niet tonen: de werkgroep heeft geen cyclus 3.",
        "Deze werkgroep heeft de cycli 1 en 2; zie ze met `ozc cyclus lijst 'Rekenen groep 5-8'`.",
    ]
    een = ozc(*wp, "cyclus", "toon", "gedrag", "--cyclus", "2")
    assert een.stderr.splitlines()[-1] == (
        "Deze werkgroep heeft alleen cyclus 1; toon die met `ozc cyclus toon 'Gedrag in de klas'`."
    )


# --- ozc log WERKGROEP ---------------------------------------------------------------------------


@pytest.fixture
def logboek(gevulde_werkplaats: Werkplaats) -> Werkplaats:
    """Rekenen's logboek: line 1 by Anna today (the fixture's), then lines written later
    but about earlier days, and two on one day."""
    wp = gevulde_werkplaats
    wp.personen.toevoegen("Piet Jansen", school="De Regenboog")
    schrijf = wp.logboek.schrijf
    schrijf("rekenen", "Artikel over rekendidactiek gelezen", datum=dt.date(2026, 10, 1))
    schrijf("rekenen", "Lesbezoek bij Piet", auteur="Piet", datum=dt.date(2026, 11, 2))
    schrijf("rekenen", "Nabespreking RÉKENDIDACTIEK", auteur="Piet", datum=dt.date(2026, 11, 2))
    return wp


def test_het_logboek_lezen_nieuwste_eerst_met_nummers(logboek: Werkplaats) -> None:
    """Newest first by date (lines of one day: the later written first), each with the
    number it was written as; search ignores case and accents; --sinds and --auteur
    choose; pages cut the same order."""
    regels = logboek.logboek.lees("rekenen")
    assert [(r.nummer, r.datum) for r in regels] == [
        (1, DAG),
        (4, dt.date(2026, 11, 2)),
        (3, dt.date(2026, 11, 2)),
        (2, dt.date(2026, 10, 1)),
    ]
    assert regels[0].tekst == "Toetsresultaten besproken"
    assert [r.nummer for r in logboek.logboek.lees("rekenen", zoek="rekendidactiek")] == [4, 2]
    assert [r.nummer for r in logboek.logboek.lees("rekenen", zoek="Rékendidáctiek")] == [4, 2]
    assert [r.nummer for r in logboek.logboek.lees("rekenen", zoek="  lesBEZOEK ")] == [3]
    assert [r.nummer for r in logboek.logboek.lees("rekenen", sinds=dt.date(2026, 11, 2))] == [
        1,
        4,
        3,
    ]
    piet = logboek.personen.zoek("Piet").id
    van_piet = logboek.logboek.lees("rekenen", auteur="Piet")
    assert [(r.nummer, r.auteur) for r in van_piet] == [(4, piet), (3, piet)]
    assert logboek.logboek.lees("rekenen", limit=2, offset=1) == regels[1:3]
    assert logboek.logboek.lees("rekenen", zoek="bestaat niet") == []


def test_ozc_log_zonder_tekst_leest(logboek: Werkplaats, ozc: Ozc) -> None:
    """`ozc log WERKGROEP` shows the logboek with numbers, dates and authors; the filters
    and pages are options; --json fits the schema."""
    wp = ("--werkplaats", str(logboek.root))
    uit = ozc(*wp, "log", "rekenen")
    assert uit.exit_code == 0, uit.output
    assert uit.stdout.splitlines() == [
        "Logboek van Rekenen groep 5-8, nieuwste eerst:",
        "  1  23 nov 2026  Toetsresultaten besproken (Anna de Vries)",
        "  4  2 nov 2026   Nabespreking RÉKENDIDACTIEK (Piet Jansen)",
        "  3  2 nov 2026   Lesbezoek bij Piet (Piet Jansen)",
        "  2  1 okt 2026   Artikel over rekendidactiek gelezen",
    ]
    gezocht = ozc(*wp, "log", "rekenen", "--zoek", "rekendidactiek", "--sinds", "2026-11-01")
    assert [r.split()[0] for r in gezocht.stdout.splitlines()[1:]] == ["4"]
    van_piet = ozc(*wp, "log", "rekenen", "--door", "piet").stdout
    assert "(Piet Jansen)" in van_piet and "Anna de Vries" not in van_piet
    pagina = ozc(*wp, "log", "rekenen", "--aantal", "2", "--pagina", "2")
    assert [r.split()[0] for r in pagina.stdout.splitlines()[1:]] == ["3", "2"]
    data = _json(ozc, *wp, "log", "rekenen", "--aantal", "3")
    _past("GenummerdeLogregel", data)
    assert [r["nummer"] for r in data] == [1, 4, 3]
    geen = ozc(*wp, "log", "rekenen", "--zoek", "ouderavond")
    assert (
        geen.stdout.strip()
        == "Geen regels in het logboek van Rekenen groep 5-8 die hierbij passen."
    )
    assert ozc(*wp, "log", "rekenen", "--sinds", "1 november").exit_code == 2


def test_ozc_log_met_tekst_schrijft_zoals_altijd(logboek: Werkplaats, ozc: Ozc) -> None:
    """With a text, `ozc log` writes as before; reading options with a text, or --datum
    without one, are refused with the way out."""
    wp = ("--werkplaats", str(logboek.root))
    uit = ozc(*wp, "log", "rekenen", "Nieuwe afspraak", "--auteur", "anna", "--datum", "2026-11-20")
    assert uit.exit_code == 0, uit.output
    assert uit.stdout == "Logboek bijgewerkt (2026-11-20).\n"
    laatste = logboek.werkgroepen.zoek("rekenen").logboek[-1]
    assert (laatste.tekst, laatste.datum) == ("Nieuwe afspraak", dt.date(2026, 11, 20))
    for optie in (("--zoek", "x"), ("--sinds", "2026-01-01"), ("--pagina", "2")):
        fout = ozc(*wp, "log", "rekenen", "Tekst", *optie)
        assert fout.exit_code == 2
        assert f"{optie[0]} hoort bij het lezen van het logboek; laat TEKST dan weg." in fout.stderr
    fout = ozc(*wp, "log", "rekenen", "--datum", "2026-11-01")
    assert fout.exit_code == 2
    assert "lees vanaf een datum met --sinds" in fout.stderr
    assert len(logboek.werkgroepen.zoek("rekenen").logboek) == 5


def test_een_leeg_logboek(werkplaats: Werkplaats, ozc: Ozc) -> None:
    werkplaats.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    werkplaats.werkgroepen.toevoegen("Lezen", scholen=["De Regenboog"], themas=["lezen"])
    uit = ozc("--werkplaats", str(werkplaats.root), "log", "lezen")
    assert uit.stdout.strip() == (
        "Het logboek van Lezen is nog leeg. Schrijf een regel met `ozc log Lezen TEKST`."
    )


# --- ozc zelfevaluatie lijst ---------------------------------------------------------------------


def test_ozc_zelfevaluatie_lijst(demo: Werkplaats, ozc: Ozc) -> None:
    """Every measurement with its id, day, instrument, school and respondents, oldest
    first; an instrument and --school choose; --json fits the schema; the ids are the
    ones `vergelijk` takes."""
    wp = ("--werkplaats", str(demo.root))
    alle = demo.zelfevaluaties.metingen(alle=True)
    uit = ozc(*wp, "zelfevaluatie", "lijst")
    assert uit.exit_code == 0, uit.output
    regels = uit.stdout.splitlines()
    assert regels[0] == "Metingen, de oudste eerst (met hun id):"
    assert [r.strip() for r in regels[2:7:2]] == [m.id for m in alle]
    assert regels[1] == "  8 nov 2025  Checklist lerende organisatie  De Regenboog  5 respondenten"
    assert "  partnerschap  4 respondenten" in regels[3]
    assert max(len(r) for r in regels) <= 80
    data = _json(ozc, *wp, "zelfevaluatie", "lijst", "lerende-organisatie", "--school", "regenboog")
    _past("MetingSamenvatting", data)
    assert [(m["datum"], m["afgerond"], m["concepten"]) for m in data] == [
        ("2025-11-08", 5, 0),
        ("2026-10-09", 6, 0),
    ]
    vergelijk = ozc(*wp, "zelfevaluatie", "vergelijk", data[0]["id"], data[1]["id"])
    assert vergelijk.exit_code == 0, vergelijk.output
    partnerschap = _json(ozc, *wp, "zelfevaluatie", "lijst", "lerend-partnerschap")
    assert [(m["school"], m["school_naam"]) for m in partnerschap] == [(None, None)]
    pagina = _json(ozc, *wp, "zelfevaluatie", "lijst", "--aantal", "1", "--pagina", "3")
    assert [m["id"] for m in pagina] == [alle[2].id]


def test_zelfevaluatie_lijst_telt_half_ingevulde_lijsten(tmp_path: Path, ozc: Ozc) -> None:
    """A respondent who stopped halfway counts apart, in the right plural."""
    wp = Werkplaats.maak(tmp_path / "w", "W", vandaag=VasteKlok(DAG))
    items = [i.id for i in wp.zelfevaluaties.instrument("lerend-partnerschap").items()]
    wp.zelfevaluaties.invullen("lerend-partnerschap", antwoorden=dict.fromkeys(items, 2))
    wp.zelfevaluaties.invullen("lerend-partnerschap", antwoorden={items[0]: 1}, concept=True)
    (meting,) = wp.zelfevaluaties.lijst()
    assert (meting.afgerond, meting.concepten, meting.school) == (1, 1, None)
    uit = ozc("--werkplaats", str(wp.root), "zelfevaluatie", "lijst")
    assert "  partnerschap  1 respondent\n" in uit.stdout
    assert "(1 half ingevulde lijst)" in uit.stdout
    leeg = Werkplaats.maak(tmp_path / "leeg", "Leeg", vandaag=VasteKlok(DAG))
    assert (
        "Nog geen metingen." in ozc("--werkplaats", str(leeg.root), "zelfevaluatie", "lijst").stdout
    )
