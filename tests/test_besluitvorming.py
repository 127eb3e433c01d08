"""The decision model: every rule with its message, the CLI session of the issue, status."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein import besluitvorming as bv
from onderzoekscyclus.errors import InvalidValue, UnknownReference

from .conftest import Ozc, geweigerd, momentopname

D = dt.date


@pytest.fixture
def besluit_wp(gevulde_werkplaats: Werkplaats, monkeypatch: pytest.MonkeyPatch) -> Werkplaats:
    """The fundament session's werkplaats plus Piet (no expertise) on 2026-12-01."""
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-01")
    wp = gevulde_werkplaats
    wp.personen.toevoegen("Piet Jansen", school="De Regenboog", rollen=["leraar"])
    wp.besluitvorming.nieuw(
        "Verhaaltjessommen: nieuwe aanpak", werkgroep="rekenen", thema="rekenen"
    )
    return wp


def _tot_feedback(wp: Werkplaats) -> None:
    bvm = wp.besluitvorming
    bvm.voorstel("verhaaltjessommen", "Drieslagmodel in groep 5-8", leider="Anna")
    bvm.feedback_open("verhaaltjessommen", tot=D(2026, 12, 15))
    bvm.feedback("verhaaltjessommen", "Neem groep 4 ook mee", door="Piet")


def test_leider_moet_expert_zijn_of_een_vastgelegde_uitzondering(besluit_wp: Werkplaats) -> None:
    """Piet is no leider or expert of the werkgroep: refused, unless a reason is recorded."""
    bvm = besluit_wp.besluitvorming
    voor = momentopname(besluit_wp.root)
    geweigerd(
        lambda: bvm.voorstel("verhaaltjessommen", "x", leider="Piet"),
        "besluit.leider-geen-lid",
        "Piet Jansen is geen leider of expert",
        "--zonder-expert",
    )
    assert momentopname(besluit_wp.root) == voor
    b = bvm.voorstel("verhaaltjessommen", "x", leider="Piet", zonder_expert="Anna is ziek")
    assert b.voorstel is not None
    assert b.voorstel.zonder_expert == "Anna is ziek"
    assert b.historie[-1].reden == "Anna is ziek"


def test_leider_zonder_expertise_op_het_thema_wordt_geweigerd(besluit_wp: Werkplaats) -> None:
    """A leider of the werkgroep without expertise on the theme is refused too."""
    besluit_wp.werkgroepen.lid("rekenen", "Piet", rol="expert")
    geweigerd(
        lambda: besluit_wp.besluitvorming.voorstel("verhaaltjessommen", "x", leider="Piet"),
        "besluit.leider-geen-expertise",
        "geen expertise op het thema 'rekenen'",
    )


def test_expertise_op_een_smaller_thema_telt(besluit_wp: Werkplaats) -> None:
    """Expertise in a narrower theme of the thesaurus (verhaaltjessommen is a synonym of
    redactiesommen, under rekenen) covers the broader speerpunt."""
    besluit_wp.personen.toevoegen(
        "Kim Smit", school="De Regenboog", rollen=["leraar"], expertise=["verhaaltjessommen"]
    )
    besluit_wp.werkgroepen.lid("rekenen", "Kim", rol="expert")
    b = besluit_wp.besluitvorming.voorstel("verhaaltjessommen", "x", leider="Kim")
    assert b.voorstel is not None
    assert b.voorstel.zonder_expert is None


def test_sluitdatum_moet_na_vandaag_liggen(besluit_wp: Werkplaats) -> None:
    """A round closing on its opening day or earlier is refused with both dates in the
    message."""
    bvm = besluit_wp.besluitvorming
    bvm.voorstel("verhaaltjessommen", "x", leider="Anna")
    geweigerd(
        lambda: bvm.feedback_open("verhaaltjessommen", tot=D(2026, 12, 1)),
        "besluit.sluitdatum",
        "de sluitdatum 2026-12-01 moet na de opening (2026-12-01) liggen",
    )


def test_feedback_ronde_vraagt_eerst_een_voorstel(besluit_wp: Werkplaats) -> None:
    """Without a proposal there is nothing to react to; the message names the command."""
    geweigerd(
        lambda: besluit_wp.besluitvorming.feedback_open("verhaaltjessommen", tot=D(2026, 12, 9)),
        "fase",
        "Volgende stap: `ozc besluit voorstel 'Verhaaltjessommen: nieuwe aanpak' --tekst",
    )


def test_voorstel_wijzigen_sluit_de_ronde_en_bewaart_de_oude_versie(
    besluit_wp: Werkplaats, monkeypatch: pytest.MonkeyPatch
) -> None:
    """During a round the proposal is frozen: a new version closes the round; the old
    version and its feedback stay, and new feedback needs a new round."""
    bvm = besluit_wp.besluitvorming
    _tot_feedback(besluit_wp)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-05")
    b = bvm.voorstel("verhaaltjessommen", "Drieslagmodel in groep 4-8", leider="Anna")
    assert b.fase is bv.Besluitfase.VOORSTEL
    assert [v.tekst for v in b.voorstellen] == [
        "Drieslagmodel in groep 5-8",
        "Drieslagmodel in groep 4-8",
    ]
    assert b.rondes[0].gesloten == D(2026, 12, 5)
    assert b.feedback[0].voorstel == 1
    geweigerd(
        lambda: bvm.feedback("verhaaltjessommen", "Mooi", door="Piet"),
        "fase",
        "'feedback' kan niet in fase 'voorstel'",
        "ozc besluit feedback-open",
    )
    bvm.feedback_open("verhaaltjessommen", tot=D(2026, 12, 20))
    b = bvm.feedback("verhaaltjessommen", "Mooi", door="Piet")
    assert [(f.ronde, f.voorstel) for f in b.feedback] == [(1, 1), (2, 2)]


def test_feedback_na_de_sluitdatum_wordt_geweigerd(
    besluit_wp: Werkplaats, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On the closing date feedback is still accepted, the day after it is not."""
    bvm = besluit_wp.besluitvorming
    _tot_feedback(besluit_wp)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-15")
    bvm.feedback("verhaaltjessommen", "Op de valreep", door="Anna")
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-16")
    voor = momentopname(besluit_wp.root)
    geweigerd(
        lambda: bvm.feedback("verhaaltjessommen", "Te laat", door="Piet"),
        "besluit.ronde-gesloten",
        "gesloten op 2026-12-15",
    )
    assert momentopname(besluit_wp.root) == voor


def test_besluiten_kan_pas_na_de_sluitdatum_en_met_elke_reactie(
    besluit_wp: Werkplaats, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`neem` is refused during the round (naming the date) and while a feedback item
    lacks a disposition (naming its number); then it succeeds."""
    bvm = besluit_wp.besluitvorming
    _tot_feedback(besluit_wp)
    geweigerd(
        lambda: bvm.neem("verhaaltjessommen", "Besluit"),
        "besluit.ronde-loopt",
        "loopt nog tot en met 2026-12-15",
        "2026-12-16",
    )
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-16")
    geweigerd(
        lambda: bvm.neem("verhaaltjessommen", "Besluit"),
        "besluit.zonder-reactie",
        "feedback 1 heeft nog geen reactie",
        "ozc besluit reageer",
    )
    with pytest.raises(InvalidValue, match="Feedback 7 bestaat niet"):
        bvm.reageer("verhaaltjessommen", 7, oordeel="deels", motivatie="x")
    with pytest.raises(InvalidValue, match="niet-overgenomen"):
        bvm.reageer("verhaaltjessommen", 1, oordeel="misschien", motivatie="x")
    with pytest.raises(InvalidValue):
        bvm.reageer("verhaaltjessommen", 1, oordeel="deels", motivatie="  ")
    bvm.reageer("verhaaltjessommen", 1, oordeel="deels", motivatie="Groep 4 volgt later")
    b = bvm.neem("verhaaltjessommen", "Groep 5-8 beginnen in januari")
    assert b.fase is bv.Besluitfase.BESLOTEN
    assert [h.overgang for h in b.historie][-3:] == ["sluit", "reageer", "neem"]
    assert b.historie[-3].datum == D(2026, 12, 16)
    geweigerd(
        lambda: bvm.reageer("verhaaltjessommen", 1, oordeel="overgenomen", motivatie="toch"),
        "fase",
        "'reageer' kan niet in fase 'besloten'",
    )


def test_verwerpen_en_intrekken_eindigen_met_een_reden(
    besluit_wp: Werkplaats, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`neem --verwerp` ends in verworpen; `intrekken` needs a reason and only works
    before the decision; after either, nothing more can happen."""
    bvm = besluit_wp.besluitvorming
    with pytest.raises(InvalidValue):
        bvm.intrekken("verhaaltjessommen", " ")
    b = bvm.intrekken("verhaaltjessommen", "Past in het schoolplan")
    assert b.fase is bv.Besluitfase.INGETROKKEN
    assert b.historie[-1].reden == "Past in het schoolplan"
    geweigerd(lambda: bvm.idee("verhaaltjessommen", "x", door="Piet"), "fase", "ingetrokken")

    tweede = bvm.nieuw("Tweede", werkgroep="rekenen", thema="rekenen")
    bvm.voorstel(tweede.id, "x", leider="Anna")
    bvm.feedback_open(tweede.id, tot=D(2026, 12, 3))
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-04")
    b = bvm.neem(tweede.id, "Te duur", verwerp=True)
    assert b.fase is bv.Besluitfase.VERWORPEN
    assert b.besluit is not None
    assert b.besluit.verworpen
    geweigerd(lambda: bvm.intrekken(tweede.id, "x"), "besluit.al-genomen", "al genomen")


def test_evaluatie_met_bewijs_en_borging_met_herevaluatie(
    besluit_wp: Werkplaats, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Evaluation needs text and may link a bron or a cycle's measurement; borg checks
    the re-evaluation date; `status` flags it when due; a re-evaluation reopens it."""
    wp = besluit_wp
    bvm = wp.besluitvorming
    wp.cycli.start("rekenen", aanleiding="a", vraag="v")
    bvm.voorstel("verhaaltjessommen", "x", leider="Anna")
    bvm.feedback_open("verhaaltjessommen", tot=D(2026, 12, 2))
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-03")
    bvm.neem("verhaaltjessommen", "Doen")
    geweigerd(
        lambda: bvm.borg("verhaaltjessommen"),
        "fase",
        "'borg' kan niet in fase 'besloten'",
        "Volgende stap: `ozc besluit implementeer",
    )
    bvm.implementeer("verhaaltjessommen", tekst="Startbijeenkomst")
    with pytest.raises(InvalidValue):
        bvm.evalueer("verhaaltjessommen", "")
    with pytest.raises(UnknownReference, match="geen cyclus 4"):
        bvm.evalueer("verhaaltjessommen", "x", metingen=["rekenen:4"])
    with pytest.raises(InvalidValue, match="WERKGROEP:CYCLUS"):
        bvm.evalueer("verhaaltjessommen", "x", metingen=["rekenen"])
    b = bvm.evalueer(
        "verhaaltjessommen", "Werkt", bronnen=["Toetsanalyse M6"], metingen=["rekenen:1"]
    )
    assert b.evaluaties[0].bewijs == (
        bv.Bewijs(bron="Toetsanalyse M6"),
        bv.Bewijs(werkgroep=wp.werkgroepen.zoek("rekenen").id, cyclus=1),
    )
    geweigerd(
        lambda: bvm.borg("verhaaltjessommen", herevaluatie=D(2026, 12, 3)),
        "besluit.herevaluatie",
        "na de borging",
    )
    bvm.borg("verhaaltjessommen", herevaluatie=D(2027, 6, 1))
    assert not any(p.code == "besluit.herevaluatie" for p in wp.status().aandachtspunten)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2027-06-01")
    assert any("toe aan herevaluatie" in p.tekst for p in wp.status().aandachtspunten)
    b = bvm.evalueer("verhaaltjessommen", "Nog steeds goed")
    assert b.fase is bv.Besluitfase.GEEVALUEERD


def test_datum_mag_niet_in_de_toekomst_of_voor_de_vorige_stap(
    besluit_wp: Werkplaats,
) -> None:
    """`--datum` records something that happened earlier, never later than today and
    never before the last recorded event (the history stays in order)."""
    bvm = besluit_wp.besluitvorming
    geweigerd(
        lambda: bvm.idee("verhaaltjessommen", "x", door="Piet", datum=D(2026, 12, 2)),
        "datum.toekomst",
        "in de toekomst",
    )
    geweigerd(
        lambda: bvm.idee("verhaaltjessommen", "x", door="Piet", datum=D(2026, 11, 30)),
        "datum.volgorde",
        "vóór de vorige stap",
    )


def test_bijdrage_komt_van_een_persoon_of_iemand_van_buiten(besluit_wp: Werkplaats) -> None:
    """Ideas and feedback come from a person or a named outsider, not both or neither;
    an outsider can see what became of their input by name."""
    bvm = besluit_wp.besluitvorming
    with pytest.raises(InvalidValue, match="Van wie komt dit"):
        bvm.idee("verhaaltjessommen", "x")
    with pytest.raises(InvalidValue, match="niet allebei"):
        bvm.idee("verhaaltjessommen", "x", door="Piet", extern="Mevrouw Bos")
    bvm.idee("verhaaltjessommen", "Sommen uit de eigen buurt", extern="Mevrouw Bos", rol="ouder")
    b = bvm.voorstel("verhaaltjessommen", "x", leider="Anna", ideeen=[1])
    assert b.buitenstaanders() == ("Mevrouw Bos",)
    overzicht = bvm.overzicht("verhaaltjessommen", voor="mevrouw bos")
    assert overzicht.bijdragen is not None
    assert [(d.soort, d.uitkomst) for d in overzicht.bijdragen] == [
        ("idee", "verwerkt in voorstel versie 1")
    ]
    with pytest.raises(InvalidValue, match="Idee 5 bestaat niet"):
        bvm.voorstel("verhaaltjessommen", "y", leider="Anna", ideeen=[5])


def test_controleer_vindt_verwijzingen_van_een_besluit_die_nergens_heen_wijzen(
    besluit_wp: Werkplaats,
) -> None:
    """A besluit that names a removed person is reported with its file and field."""
    bvm = besluit_wp.besluitvorming
    bvm.idee("verhaaltjessommen", "x", door="Piet")
    piet = besluit_wp.personen.zoek("Piet")
    besluit_wp.opslag.pad(type(piet), piet.id).unlink()
    problemen = besluit_wp.controleer()
    assert any(
        "besluiten/" in p and "$.ideeen[0].door.persoon" in p and piet.id in p for p in problemen
    ), problemen


DOC = Path(__file__).parent.parent / "docs" / "besluitvorming.md"


def _blok(taal: str, nummer: int = 0) -> str:
    blokken = re.findall(rf"^```{taal}\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.S | re.M)
    return str(blokken[nummer])


def test_de_sessie_van_het_issue_werkt_zoals_beschreven(
    gevulde_werkplaats: Werkplaats, tmp_path: Path
) -> None:
    """The issue's session, as docs/besluitvorming.md shows it, through the real `ozc`
    program in a shell: the three refused steps exit 3 with exactly the messages and
    hints the page shows, all else succeeds, Piet sees what became of his input, and the JSON
    holds the whole story."""
    script = tmp_path / "sessie.sh"
    regels = ["set -u", f"cd {gevulde_werkplaats.root}", 'ozc() { "$OZC" "$@"; echo "[exit $?]"; }']
    script.write_text("\n".join([*regels, _blok("sh")]), encoding="utf-8")
    ozc_pad = Path(sys.executable).with_name("ozc")
    uit = subprocess.run(
        ["bash", str(script)],
        capture_output=True,
        text=True,
        env={"OZC": str(ozc_pad), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=True,
    )
    codes = [
        int(r.split()[1].rstrip("]")) for r in uit.stdout.splitlines() if r.startswith("[exit")
    ]
    assert codes == [0] * 6 + [3, 3, 3] + [0] * 10, uit.stdout + uit.stderr
    assert uit.stderr.splitlines() == _blok("text", 0).splitlines()
    assert "Traceback" not in uit.stderr
    assert _blok("text", 1) in uit.stdout
    data = json.loads(uit.stdout[uit.stdout.index("{") : uit.stdout.rindex("}") + 1])
    b = data["besluit"]
    assert b["fase"] == "geborgd"
    assert b["herevaluatie"] == "2027-12-01"
    assert [f["tekst"] for f in b["feedback"]] == ["Neem groep 4 ook mee"]
    assert b["feedback"][0]["reactie"]["oordeel"] == "deels"
    assert [h["naar"] for h in b["historie"]] == [
        "ideeën",
        "ideeën",
        "voorstel",
        "feedback",
        "feedback",
        "besluitvorming",
        "besluitvorming",
        "besloten",
        "geïmplementeerd",
        "geëvalueerd",
        "bijgesteld",
        "geïmplementeerd",
        "geëvalueerd",
        "geborgd",
    ]


def test_demo_heeft_besluiten_in_verschillende_fasen(tmp_path: Path) -> None:
    """The demo shows the model: decisions in at least five different phases."""
    from onderzoekscyclus.demo import maak_demo

    wp = maak_demo(tmp_path / "demo", vandaag=dt.date(2026, 11, 23))
    fasen = {b.fase for b in wp.besluitvorming.lijst()}
    assert len(fasen) >= 5, fasen
    assert wp.controleer() == []


def test_voorbeeldscript(tmp_path: Path) -> None:
    """examples/besluitvorming.py runs: the early decision is refused, the later one
    taken, and Piet's idea and feedback each have an outcome."""
    script = Path(__file__).parent.parent / "examples" / "besluitvorming.py"
    uit = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert uit.stdout.splitlines() == [
        "Geweigerd (besluit.ronde-loopt): de feedbackronde loopt nog tot en met 2026-12-15; "
        "de werkgroep besluit pas daarna, vanaf 2026-12-16",
        "Fase: besloten",
        "idee 1: verwerkt in voorstel versie 1",
        "feedback 1: deels overgenomen",
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argumenten", "verwacht"),
    [
        (["feedback-open", "verhaaltjessommen", "--tot", "2026-13-45"], "--tot: '2026-13-45'"),
        (["borg", "verhaaltjessommen", "--herevaluatie", "1-6-2027"], "--herevaluatie: '1-6-2027'"),
        (["idee", "verhaaltjessommen", "x", "--door", "Piet", "--datum", "gisteren"], "--datum"),
    ],
)
def test_een_foute_datum_noemt_de_optie(
    besluit_wp: Werkplaats, ozc: Ozc, in_map: Any, argumenten: list[str], verwacht: str
) -> None:
    """A date that is not JJJJ-MM-DD names the option it was given to; nothing changes."""
    in_map(besluit_wp.root)
    voor = momentopname(besluit_wp.root)
    uit = ozc("besluit", *argumenten)
    assert uit.exit_code != 0
    assert uit.stderr.startswith(f"Fout: {verwacht}"), uit.stderr
    assert "JJJJ-MM-DD" in uit.stderr
    assert momentopname(besluit_wp.root) == voor


def test_onbekende_cyclus_als_bewijs_geeft_een_opdracht_om_te_kopieren(
    besluit_wp: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """The hint names the werkgroep in quotes, so a name with spaces can be pasted."""
    in_map(besluit_wp.root)
    uit = ozc("besluit", "evalueer", "verhaaltjessommen", "--tekst", "x", "--meting", "rekenen:9")
    naam = besluit_wp.werkgroepen.zoek("rekenen").naam
    assert " " in naam
    assert uit.exit_code == 1
    assert f"Werkgroep '{naam}' heeft geen cyclus 9." in uit.stderr
    assert f"`ozc cyclus toon '{naam}'`" in uit.stderr
