"""The research cycle: its refusals, going back, pausing, method quality, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein import cyclus as c
from onderzoekscyclus.domein import cyclusstappen as stappen
from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.domein.machine import Geweigerd
from onderzoekscyclus.opslag.regelids import zonder_ids as zonder_regelids

from . import strategies as s
from .conftest import Ozc, geweigerd
from .grondig import voorbeelden

START = dt.date(2025, 9, 1)
D = dt.date(2026, 1, 10)


@pytest.fixture
def wp(gevulde_werkplaats: Werkplaats) -> Werkplaats:
    """The filled werkplaats with a cycle for 'rekenen', started on ``START``."""
    gevulde_werkplaats.cycli.start(
        "rekenen", aanleiding="Resultaten dalen", vraag="Hoe beter?", datum=START
    )
    return gevulde_werkplaats


def _tot_uitvoering(wp: Werkplaats) -> None:
    wp.cycli.beginsituatie("rekenen", tekst="62% op niveau", bronnen=["Toets M5"], datum=D)
    wp.cycli.doel(
        "rekenen",
        tekst="75%",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 62, 75)],
        datum=D,
    )
    wp.cycli.plan("rekenen", acties=[("Oefenen", None, None)], literatuur=["Studie"], datum=D)
    wp.cycli.uitvoeren("rekenen", datum=D)


def test_doel_voor_beginsituatie_wordt_geweigerd(wp: Werkplaats) -> None:
    """Without a beginsituatie, doel is refused; the CLI names the next step, with the
    werkgroep's real name."""
    geweigerd(
        lambda: wp.cycli.doel(
            "rekenen", tekst="75%", visie="eigenaarschap", indicatoren=[("x", "%", 1, 2)]
        ),
        "fase",
        "'doel' kan niet in fase 'aanleiding'",
        "Volgende stap: `ozc cyclus beginsituatie 'Rekenen groep 5-8' --tekst TEKST --bron TEKST`",
    )
    assert wp.werkgroepen.zoek("rekenen").cycli[0].fase is c.Fase.AANLEIDING


@pytest.mark.parametrize(
    ("stap", "verwacht"),
    [
        (lambda wp: wp.cycli.beginsituatie("rekenen", tekst="x", bronnen=[]), "nog geen bron"),
        (lambda wp: wp.cycli.beginsituatie("rekenen", bronnen=["b"]), "nog niet beschreven"),
    ],
)
def test_beginsituatie_eisen(wp: Werkplaats, stap, verwacht: str) -> None:
    """The beginsituatie needs a description and at least one bron."""
    with pytest.raises(Geweigerd, match=verwacht):
        stap(wp)


def test_doel_eisen(wp: Werkplaats) -> None:
    """The goal needs an existing vision element and an indicator."""
    wp.cycli.beginsituatie("rekenen", tekst="x", bronnen=["b"])
    geweigerd(
        lambda: wp.cycli.doel(
            "rekenen", tekst="t", visie="vrijheid", indicatoren=[("x", "%", 1, 2)]
        ),
        "doel.onbekend-visie-element",
        "geen visie-element 'vrijheid' (bekend: eigenaarschap)",
        "ozc school profiel SCHOOL --visie vrijheid=",
    )
    with pytest.raises(Geweigerd, match="nog geen indicator"):
        wp.cycli.doel("rekenen", tekst="t", visie="eigenaarschap")
    with pytest.raises(Geweigerd, match="visie van de school"):
        wp.cycli.doel("rekenen", tekst="t", indicatoren=[("x", "%", 1, 2)])


def test_plan_eisen_en_ervaringen_elders(wp: Werkplaats) -> None:
    """The plan needs an action and a grounding; 'elders' must be another existing cycle."""
    wp.cycli.beginsituatie("rekenen", tekst="x", bronnen=["b"])
    wp.cycli.doel("rekenen", tekst="t", visie="eigenaarschap", indicatoren=[("x", "%", 1, 2)])
    with pytest.raises(Geweigerd, match="nog niet onderbouwd"):
        wp.cycli.plan("rekenen", acties=[("a", None, None)])
    with pytest.raises(Geweigerd, match="geen actie"):
        wp.cycli.plan("rekenen", literatuur=["boek"])
    with pytest.raises(Geweigerd, match="andere werkgroep"):
        wp.cycli.plan("rekenen", acties=[("a", None, None)], elders=["rekenen"])
    wp.werkgroepen.toevoegen("Lezen", scholen=["regenboog"])
    with pytest.raises(Geweigerd, match="nog geen onderzoekscyclus"):
        wp.cycli.plan("rekenen", acties=[("a", None, None)], elders=["lezen"])
    wp.cycli.start("lezen", aanleiding="a", vraag="v")
    with pytest.raises(Geweigerd, match="geen cyclus 4"):
        wp.cycli.plan("rekenen", acties=[("a", None, None)], elders=["lezen#4"])
    cyclus = wp.cycli.plan("rekenen", acties=[("a", "Anna", "januari")], elders=["lezen#1"]).cyclus
    assert cyclus.fase is c.Fase.VERBETERPLAN
    assert cyclus.onderbouwing[0].werkgroep == wp.werkgroepen.zoek("lezen").id


def test_meting_alleen_in_uitvoering_en_voor_bekende_indicator(wp: Werkplaats) -> None:
    """Measurements belong to the uitvoering and to a known indicator."""
    geweigerd(
        lambda: wp.cycli.meting("rekenen", indicator="op niveau", waarde=1),
        "fase",
        "'meting' kan niet in fase 'aanleiding'",
        "Volgende stap: `ozc cyclus beginsituatie",
    )
    _tot_uitvoering(wp)
    with pytest.raises(Geweigerd, match=r"geen indicator 'lezen'.*'op niveau'"):
        wp.cycli.meting("rekenen", indicator="lezen", waarde=1)
    with pytest.raises(Geweigerd, match="nog geen meting"):
        wp.cycli.evaluatie("rekenen", conclusie="deels", tekst="t")


def test_terug_met_reden_en_pauze(wp: Werkplaats) -> None:
    """Going back needs a reason, which is recorded; a paused cycle refuses steps."""
    wp.cycli.beginsituatie("rekenen", tekst="x", bronnen=["b"])
    with pytest.raises(Geweigerd, match="geef een reden"):
        wp.cycli.terug("rekenen", reden=" ")
    cyclus = wp.cycli.terug("rekenen", reden="Bron was verkeerd").cyclus
    assert cyclus.fase is c.Fase.AANLEIDING
    assert (cyclus.historie[-1].van, cyclus.historie[-1].naar, cyclus.historie[-1].reden) == (
        "beginsituatie",
        "aanleiding",
        "Bron was verkeerd",
    )
    wp.cycli.pauzeer("rekenen", reden="Drukke periode")
    geweigerd(
        lambda: wp.cycli.beginsituatie("rekenen", tekst="x", bronnen=["b"]),
        "fase",
        "kan niet in fase 'gepauzeerd'",
        "Volgende stap: `ozc cyclus hervat 'Rekenen groep 5-8'`",
    )
    cyclus = wp.cycli.hervat("rekenen").cyclus
    assert not cyclus.gepauzeerd
    assert cyclus.fase is c.Fase.AANLEIDING
    assert [h.overgang for h in cyclus.historie][-2:] == ["pauzeer", "hervat"]


def test_indicator_na_het_plan_is_achteraf(wp: Werkplaats) -> None:
    """An indicator added after the plan is marked and does not count as set beforehand."""
    wp.cycli.beginsituatie("rekenen", tekst="x", bronnen=["b"], datum=D)
    with pytest.raises(Geweigerd, match="nog geen indicator"):
        wp.cycli.doel("rekenen", tekst="t", visie="eigenaarschap", datum=D)
    wp.cycli.doel(
        "rekenen", tekst="t", visie="eigenaarschap", indicatoren=[("a", "%", 1, 2)], datum=D
    )
    wp.cycli.plan("rekenen", acties=[("x", None, None)], literatuur=["l"], datum=D)
    cyclus = wp.cycli.doel("rekenen", indicatoren=[("b", "%", 1, 2)]).cyclus
    assert [(i.naam, i.achteraf) for i in cyclus.indicatoren] == [("a", False), ("b", True)]
    with pytest.raises(Geweigerd, match="al gemaakt"):
        wp.cycli.doel("rekenen", tekst="nieuw doel")


def test_methodekwaliteit_precies() -> None:
    """Each element counts only when it is documented."""
    dag = {"datum": D, "vandaag": D + dt.timedelta(days=60)}
    cyclus = stappen.start(1, aanleiding="a", vraag="v", **dag)
    assert c.methodekwaliteit(cyclus, heeft_vervolg=False).score == 0
    cyclus = stappen.beginsituatie(cyclus, tekst="t", bronnen=[c.Bron("b", D)], **dag)
    cyclus = stappen.doel(
        cyclus,
        tekst="d",
        visie="v",
        visie_elementen=["v"],
        indicatoren=[c.Indicator("i", "%", 10, 5, D)],
        **dag,
    )
    cyclus = stappen.plan(
        cyclus, acties=[c.Actie("a")], onderbouwing=[c.Onderbouwing(literatuur="l")], **dag
    )
    cyclus = stappen.uitvoeren(cyclus, **dag)
    cyclus = stappen.meting(cyclus, indicator="i", waarde=7, **dag)
    kwaliteit = c.methodekwaliteit(cyclus, heeft_vervolg=False)
    assert kwaliteit.samenvatting() == "4 van 7"
    assert [e.sleutel for e in kwaliteit.ontbreekt()] == ["data-over-tijd", "conclusie", "vervolg"]
    later = {"datum": D + dt.timedelta(days=30), "vandaag": dag["vandaag"]}
    cyclus = stappen.meting(cyclus, indicator="i", waarde=4, **later)
    (resultaat,) = c.resultaten_van(cyclus)
    assert (resultaat.laatste, resultaat.bereikt) == (4, True)  # lower is better here
    cyclus = stappen.evalueer(cyclus, conclusie="bereikt", tekst="t", **later)
    assert c.methodekwaliteit(cyclus, heeft_vervolg=True).samenvatting() == "7 van 7"


@settings(max_examples=voorbeelden(30))
@given(cyclus=s.cycli)
def test_cyclus_rond_met_lastige_tekst(
    cyclus: c.Onderzoekscyclus, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A werkgroep holding any cycle saves and loads to the same object and bytes."""
    wp = Werkplaats.maak(tmp_path_factory.mktemp("c") / "wp", "T")
    from onderzoekscyclus.domein.model import Werkgroep

    groep = Werkgroep(id="g-abc234", naam="G", scholen=("s-abc234",), cycli=(cyclus,))
    with wp.opslag.vergrendeld():
        pad = wp.opslag.schrijf(groep)
        eerst = pad.read_bytes()
        assert zonder_regelids(wp.opslag.lees(Werkgroep, "g-abc234")) == zonder_regelids(groep)
        wp.opslag.schrijf(wp.opslag.lees(Werkgroep, "g-abc234"))
    assert pad.read_bytes() == eerst


DOCS = Path(__file__).parent.parent / "docs" / "cyclus.md"


class Regel(NamedTuple):
    """A command of an example in the docs, and what `ozc` answers (the ``#   `` lines
    below it; none when it succeeds)."""

    args: list[str]
    antwoord: list[str]


def voorbeeld(kop: str) -> list[Regel]:
    """The first ``sh`` block below the heading ``## kop`` of docs/cyclus.md."""
    deel = DOCS.read_text(encoding="utf-8").split(f"\n## {kop}\n", 1)[1]
    gevonden = re.search(r"^```sh\n(.*?)^```", deel, re.S | re.M)
    assert gevonden, kop
    regels: list[Regel] = []
    for tekst in gevonden[1].splitlines():
        if tekst.startswith("#   "):
            regels[-1].antwoord.append(tekst[4:])
        else:
            opdracht, *args = shlex.split(tekst, comments=True)
            assert opdracht == "ozc", tekst
            regels.append(Regel(args, []))
    return regels


SESSIE = voorbeeld("Een uitgewerkt voorbeeld")
"""The worked example of docs/cyclus.md: start, a refused goal, then beginsituatie to
afronden, toon and volgende."""


def speel(ozc: Ozc, regel: Regel) -> None:
    """Run ``regel``: it succeeds, or it is refused with exactly the lines the docs show."""
    uit = ozc(*regel.args)
    if regel.antwoord:
        assert uit.exit_code == 3, (regel.args, uit.output)
        assert uit.stderr.splitlines() == regel.antwoord
    else:
        assert uit.exit_code == 0, (regel.args, uit.output)


def _jaar_later(args: list[str]) -> list[str]:
    """``args`` with the day after ``--datum`` one year on."""
    return [
        dt.date.fromisoformat(a).replace(year=dt.date.fromisoformat(a).year + 1).isoformat()
        if i and args[i - 1] == "--datum"
        else a
        for i, a in enumerate(args)
    ]


def test_twee_iteraties_via_de_cli(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example of docs/cyclus.md as written (with its refusal, word for word), then a
    second cycle a school year later: every date lies in the past, no step before the
    one it follows, every measurement in the uitvoering."""
    monkeypatch.chdir(gevulde_werkplaats.root)
    for regel in SESSIE:
        speel(ozc, regel)
    assert "Traceback" not in ozc(*SESSIE[1].args).output
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2027-08-01")
    stappen_ = [r for r in SESSIE if not r.antwoord and r.args[1] not in ("start", "toon")]
    for regel in stappen_[:-1]:  # cycle 2, from its beginsituatie to afronden
        assert ozc(*_jaar_later(regel.args)).exit_code == 0, regel.args
    resultaat = ozc("--json", "cyclus", "toon", "rekenen", "--cyclus", "1")
    data = json.loads(resultaat.stdout)
    assert data["kwaliteit"]["elementen"][-1]["aanwezig"] is True
    assert [e["aanwezig"] for e in data["kwaliteit"]["elementen"]].count(True) == 7
    assert data["resultaten"][0]["laatste"] == 74.0
    data = json.loads(ozc("--json", "cyclus", "toon", "rekenen").stdout)
    assert (data["cyclus"]["nummer"], data["cyclus"]["fase"]) == (2, "afgerond")
    assert (
        samenhang.controleer_werkgroep(
            gevulde_werkplaats.werkgroepen.zoek("rekenen"), vandaag=dt.date(2027, 8, 1)
        )
        == []
    )
    tekst = ozc("cyclus", "toon", "rekenen", "--cyclus", "1").stdout
    assert "Methodekwaliteit: 7 van 7" in tekst
    assert "op niveau: 74% (nulmeting 62%, doel 75%): nog niet bereikt" in tekst
    status = ozc("status").stdout
    assert "cyclus 2: fase afgerond; methodekwaliteit 6 van 7" in status


def test_de_datumregels_van_de_docs(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refused dates of docs/cyclus.md ("Datums"), during the example's uitvoering on
    2026-11-23, answer word for word as the page shows, naming the days allowed."""
    monkeypatch.chdir(gevulde_werkplaats.root)
    tot_uitvoering = [r for r in SESSIE if r.args[1] != "meting"][:6]
    assert tot_uitvoering[-1].args[1] == "uitvoeren"
    for regel in tot_uitvoering + voorbeeld("Datums"):
        speel(ozc, regel)


def test_cli_invoerfouten(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Numbers, dates and indicator options are checked with Dutch messages."""
    monkeypatch.chdir(gevulde_werkplaats.root)
    ozc(*SESSIE[0].args)
    ozc(*SESSIE[2].args)
    resultaat = ozc(
        "cyclus",
        "doel",
        "rekenen",
        "--visie",
        "eigenaarschap",
        "--indicator",
        "x",
        "--eenheid",
        "%",
        "--nulmeting",
        "veel",
        "--streefwaarde",
        "3",
        "--tekst",
        "t",
    )
    assert resultaat.exit_code != 0 and "geen getal" in resultaat.stderr
    resultaat = ozc("cyclus", "doel", "rekenen", "--indicator", "x")
    assert resultaat.exit_code != 0 and "--eenheid" in resultaat.stderr
    resultaat = ozc("cyclus", "terug", "rekenen", "--reden", "r", "--datum", "gisteren")
    assert resultaat.exit_code != 0 and "geen datum" in resultaat.stderr


def test_voorbeeldscript(tmp_path: Path) -> None:
    """examples/cyclus.py runs and prints the method quality."""
    import subprocess
    import sys

    script = Path(__file__).parent.parent / "examples" / "cyclus.py"
    uit = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert "Methodekwaliteit: 6 van 7" in uit.stdout
