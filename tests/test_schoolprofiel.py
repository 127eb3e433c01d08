"""The school profile: visie, trots, speerpunten and praktijkonderzoeken from the cycles."""

from __future__ import annotations

import json

import pytest

from onderzoekscyclus import Conclusie, Fase, Werkplaats

from .conftest import Ozc


def _met_onderzoek(wp: Werkplaats) -> Werkplaats:
    """Rekenen groep 5-8 evaluated a cycle; a shared werkgroep with another school started one."""
    wp.scholen.profiel("De Regenboog", trots=["Coöperatief leren"])
    wp.scholen.toevoegen("Het Palet", brin="14CD", sector="po")
    wp.cycli.start("rekenen", aanleiding="Sommen gaan slechter", vraag="Wat helpt?")
    wp.cycli.beginsituatie("rekenen", tekst="62% op niveau", bronnen=["Toets M5"])
    wp.cycli.doel(
        "rekenen", tekst="75%", visie="eigenaarschap", indicatoren=[("op niveau", "%", 62, 75)]
    )
    wp.cycli.plan("rekenen", acties=[("Dagelijks oefenen", None, None)], literatuur=["Studie"])
    wp.cycli.uitvoeren("rekenen")
    wp.cycli.meting("rekenen", indicator="op niveau", waarde=76)
    wp.cycli.evaluatie("rekenen", conclusie="bereikt", tekst="Doel gehaald")
    wp.werkgroepen.toevoegen("Lezen samen", scholen=["Het Palet", "De Regenboog"], themas=["lezen"])
    wp.cycli.start("Lezen samen", aanleiding="Weinig leesplezier", vraag="Hoe lezen ze meer?")
    return wp


def test_praktijkonderzoeken_komen_uit_de_cycli(gevulde_werkplaats: Werkplaats) -> None:
    """Every cycle of every werkgroep the school takes part in is a praktijkonderzoek, with
    its theme, phase and conclusion; a school without werkgroepen has none."""
    wp = _met_onderzoek(gevulde_werkplaats)
    profiel = wp.scholen.schoolprofiel("De Regenboog")
    assert profiel.trots == ("Coöperatief leren",)
    assert profiel.speerpunten == ("rekenen",)
    assert [v.sleutel for v in profiel.visie] == ["eigenaarschap"]
    assert [
        (o.werkgroep_naam, o.themas, o.fase, o.conclusie, o.evaluatie, o.met)
        for o in profiel.praktijkonderzoeken
    ] == [
        ("Lezen samen", ("lezen",), Fase.AANLEIDING, None, None, ("Het Palet",)),
        ("Rekenen groep 5-8", ("rekenen",), Fase.EVALUATIE, Conclusie.BEREIKT, "Doel gehaald", ()),
    ]
    assert [
        o.werkgroep_naam for o in wp.scholen.schoolprofiel("Het Palet").praktijkonderzoeken
    ] == ["Lezen samen"]


def test_school_toon_laat_het_profiel_zien(gevulde_werkplaats: Werkplaats, ozc: Ozc) -> None:
    """`ozc school toon` keeps its lines and adds the praktijkonderzoeken; --json adds them
    to the school's data."""
    wp = _met_onderzoek(gevulde_werkplaats)
    tekst = ozc("--werkplaats", str(wp.root), "school", "toon", "De Regenboog").stdout
    regels = tekst.splitlines()
    assert regels[1:] == [
        "  BRIN:     12AB",
        "  Sector:   po",
        "  Cluster:  Noord",
        "  Visie:",
        "    - eigenaarschap: Leerlingen sturen mee",
        "  Trots op: Coöperatief leren",
        "  Speerpunten: rekenen",
        "  Praktijkonderzoek:",
        "    - Lezen samen, cyclus 1 (lezen): aanleiding",
        "      Hoe lezen ze meer?",
        "      Samen met: Het Palet",
        "    - Rekenen groep 5-8, cyclus 1 (rekenen): evaluatie, conclusie: bereikt",
        "      Wat helpt?",
        "      Uitkomst: Doel gehaald",
    ]
    data = json.loads(
        ozc("--werkplaats", str(wp.root), "--json", "school", "toon", "regenboog").stdout
    )
    assert data["brin"] == "12AB" and data["profiel"]["trots"] == ["Coöperatief leren"]
    assert [
        (o["werkgroep_naam"], o["fase"], o["conclusie"]) for o in data["praktijkonderzoeken"]
    ] == [
        ("Lezen samen", "aanleiding", None),
        ("Rekenen groep 5-8", "evaluatie", "bereikt"),
    ]


def test_school_zonder_onderzoek(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A school without cycles says so and how to start one."""
    monkeypatch.setenv("COLUMNS", "100")
    tekst = ozc("--werkplaats", str(gevulde_werkplaats.root), "school", "toon", "regenboog").stdout
    assert tekst.endswith(
        "  Praktijkonderzoek: nog geen (een werkgroep begint er een met `ozc cyclus start`).\n"
    )
