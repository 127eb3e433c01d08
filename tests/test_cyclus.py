"""The research cycle: its refusals, going back, pausing, method quality, and the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein import cyclus as c
from onderzoekscyclus.domein import cyclusstappen as stappen
from onderzoekscyclus.domein.machine import Geweigerd

from . import strategies as s
from .conftest import Ozc, geweigerd
from .grondig import voorbeelden

D = dt.date(2026, 1, 10)


@pytest.fixture
def wp(gevulde_werkplaats: Werkplaats) -> Werkplaats:
    """The filled werkplaats with a started cycle for 'rekenen'."""
    gevulde_werkplaats.cycli.start("rekenen", aanleiding="Resultaten dalen", vraag="Hoe beter?")
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
        "Volgende stap: `ozc cyclus beginsituatie 'Rekenen groep 5-8' --tekst … --bron …`",
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
    cyclus = stappen.start(1, aanleiding="a", vraag="v", datum=D)
    assert c.methodekwaliteit(cyclus, heeft_vervolg=False).score == 0
    cyclus = stappen.beginsituatie(cyclus, tekst="t", bronnen=[c.Bron("b", D)], datum=D)
    cyclus = stappen.doel(
        cyclus,
        tekst="d",
        visie="v",
        visie_elementen=["v"],
        datum=D,
        indicatoren=[c.Indicator("i", "%", 10, 5, D)],
    )
    cyclus = stappen.plan(
        cyclus, acties=[c.Actie("a")], onderbouwing=[c.Onderbouwing(literatuur="l")], datum=D
    )
    cyclus = stappen.uitvoeren(cyclus, datum=D)
    cyclus = stappen.meting(cyclus, indicator="i", waarde=7, datum=D)
    kwaliteit = c.methodekwaliteit(cyclus, heeft_vervolg=False)
    assert kwaliteit.samenvatting() == "4 van 7"
    assert [e.sleutel for e in kwaliteit.ontbreekt()] == ["data-over-tijd", "conclusie", "vervolg"]
    cyclus = stappen.meting(cyclus, indicator="i", waarde=4, datum=D + dt.timedelta(days=30))
    (resultaat,) = c.resultaten_van(cyclus)
    assert (resultaat.laatste, resultaat.bereikt) == (4, True)  # lower is better here
    cyclus = stappen.evalueer(cyclus, conclusie="bereikt", tekst="t", datum=D)
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
        assert wp.opslag.lees(Werkgroep, "g-abc234") == groep
        wp.opslag.schrijf(wp.opslag.lees(Werkgroep, "g-abc234"))
    assert pad.read_bytes() == eerst


SESSIE = [
    [
        "cyclus",
        "start",
        "Rekenen groep 5-8",
        "--aanleiding",
        "Resultaten op verhaaltjessommen dalen",
        "--vraag",
        "Hoe worden leerlingen sterker in verhaaltjessommen?",
    ],
    [
        "cyclus",
        "beginsituatie",
        "rekenen",
        "--tekst",
        "62% haalt niveau op M5",
        "--bron",
        "Toetsresultaten M5 2025",
    ],
    [
        "cyclus",
        "doel",
        "rekenen",
        "--tekst",
        "75% op niveau",
        "--visie",
        "eigenaarschap",
        "--indicator",
        "op niveau",
        "--eenheid",
        "%",
        "--nulmeting",
        "62",
        "--streefwaarde",
        "75",
    ],
    [
        "cyclus",
        "plan",
        "rekenen",
        "--actie",
        "Dagelijks tien minuten verhaaltjessommen in groep 5-8",
        "--literatuur",
        "Effectieve rekendidactiek (overzichtsstudie)",
    ],
    ["cyclus", "uitvoeren", "rekenen"],
    [
        "cyclus",
        "meting",
        "rekenen",
        "--indicator",
        "op niveau",
        "--waarde",
        "68",
        "--datum",
        "2026-01-20",
    ],
    [
        "cyclus",
        "meting",
        "rekenen",
        "--indicator",
        "op niveau",
        "--waarde",
        "74",
        "--datum",
        "2026-05-20",
    ],
    [
        "cyclus",
        "evaluatie",
        "rekenen",
        "--conclusie",
        "deels",
        "--tekst",
        "Vooruitgang, doel net niet gehaald",
    ],
    ["cyclus", "afronden", "rekenen"],
    ["cyclus", "volgende", "rekenen"],
]


def test_twee_iteraties_via_de_cli(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's session as written (with the refusal), then a second full iteration."""
    monkeypatch.chdir(gevulde_werkplaats.root)
    assert ozc(*SESSIE[0]).exit_code == 0
    geweigerd = ozc(*SESSIE[2])
    assert geweigerd.exit_code == 3
    assert "ozc cyclus beginsituatie" in geweigerd.stderr
    assert "Traceback" not in geweigerd.output
    for opdracht in SESSIE[1:]:
        resultaat = ozc(*opdracht)
        assert resultaat.exit_code == 0, (opdracht, resultaat.output)
    for opdracht in SESSIE[1:-1]:  # cycle 2, from its beginsituatie to afronden
        assert ozc(*opdracht).exit_code == 0, opdracht
    resultaat = ozc("--json", "cyclus", "toon", "rekenen", "--cyclus", "1")
    data = json.loads(resultaat.stdout)
    assert data["kwaliteit"]["elementen"][-1]["aanwezig"] is True
    assert [e["aanwezig"] for e in data["kwaliteit"]["elementen"]].count(True) == 7
    assert data["resultaten"][0]["laatste"] == 74.0
    data = json.loads(ozc("--json", "cyclus", "toon", "rekenen").stdout)
    assert (data["cyclus"]["nummer"], data["cyclus"]["fase"]) == (2, "afgerond")
    tekst = ozc("cyclus", "toon", "rekenen", "--cyclus", "1").stdout
    assert "Methodekwaliteit: 7 van 7" in tekst
    assert "op niveau: 74% (nulmeting 62%, doel 75%): nog niet bereikt" in tekst
    status = ozc("status").stdout
    assert "cyclus 2: fase afgerond; methodekwaliteit 6 van 7" in status


def test_cli_invoerfouten(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Numbers, dates and indicator options are checked with Dutch messages."""
    monkeypatch.chdir(gevulde_werkplaats.root)
    ozc(*SESSIE[0])
    ozc(*SESSIE[1])
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
