"""A werkplaats full of text that tries to break exports, shared by the export tests."""

from __future__ import annotations

import datetime as dt

from onderzoekscyclus import Werkplaats

FORMULE = '=HYPERLINK("http://x")'
PLUS = "+1 extra les"
MIN = "-2 dagen later"
APENSTAART = "@SUM(A1:A2)"
TAB = "\tbegint met een tab"
ENTER = "\rbegint met een enter"
MEERREGELIG = 'Regel 1\r\nRegel 2 met "aanhalingstekens", een komma; en 🎉'
MARKDOWN = "# Geen kop | *geen nadruk* <script>alert(1)</script> [klik](javascript:alert(1)) `x` 🎉"
BLOKKEN = (
    "Eerste regel\n# geen kop\n- geen lijst\n1. geen nummer\n> geen citaat\n---\n    geen code"
)

DAG = dt.date(2026, 3, 1)


def vijandige_werkplaats(wp: Werkplaats) -> Werkplaats:
    """Fill an empty werkplaats with hostile text in every kind of entity."""
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po", bestuur=FORMULE)
    wp.scholen.profiel(
        "De Regenboog",
        visie={"eigenaarschap": "Leerlingen | sturen *mee*"},
        speerpunten=["rekenen", PLUS],
        trots=[MIN, "Coöperatief leren 🎉"],
    )
    wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=[APENSTAART])
    wp.personen.toevoegen("Bram Bakker", school="De Regenboog")
    wp.werkgroepen.toevoegen("Rekenen groep 5-8", scholen=["De Regenboog"], themas=["rekenen"])
    wp.werkgroepen.lid("rekenen", "Anna", rol="leider")
    wp.werkgroepen.lid("rekenen", "Bram")
    for tekst in (FORMULE, PLUS, MIN, APENSTAART, TAB, ENTER, MEERREGELIG):
        wp.logboek.schrijf("rekenen", tekst, auteur="Anna", datum=DAG)
    wp.cycli.start("rekenen", aanleiding=BLOKKEN, vraag=MARKDOWN, datum=DAG, wie="Anna")
    wp.cycli.beginsituatie(
        "rekenen",
        tekst=MEERREGELIG,
        bronnen=["Toets &amp; observatie | M5", FORMULE],
        datum=DAG + dt.timedelta(days=1),
    )
    wp.cycli.doel(
        "rekenen",
        tekst="Meer leerlingen op niveau, besproken met Anna de Vries",
        visie="eigenaarschap",
        indicatoren=[("op niveau | groep 5", "%", 62.0, 75.5), ("onrust", "keer", 0.0, -3.0)],
        datum=DAG + dt.timedelta(days=2),
    )
    wp.cycli.plan(
        "rekenen",
        acties=[("=1+1 oefenen", "@team", "-week 3")],
        literatuur=["<b>Boek</b> over [rekenen]"],
        datum=DAG + dt.timedelta(days=3),
    )
    wp.cycli.uitvoeren("rekenen", datum=DAG + dt.timedelta(days=4))
    for dagen, niveau, onrust in ((30, 68.0, -1.5), (60, 76.25, -2.5)):
        wp.cycli.meting(
            "rekenen",
            indicator="op niveau | groep 5",
            waarde=niveau,
            datum=DAG + dt.timedelta(days=dagen),
        )
        wp.cycli.meting(
            "rekenen", indicator="onrust", waarde=onrust, datum=DAG + dt.timedelta(days=dagen)
        )
    wp.cycli.evaluatie(
        "rekenen",
        conclusie="deels",
        tekst=BLOKKEN,
        lessen=[FORMULE, "Samen | lessen *bekijken*"],
        datum=DAG + dt.timedelta(days=70),
    )
    besluiten = wp.besluitvorming
    besluit = besluiten.nieuw(
        "Verhaaltjessommen | *aanpak*", werkgroep="rekenen", thema="rekenen", datum=DAG
    )
    besluiten.idee(besluit.id, MARKDOWN, door="Bram", datum=DAG)
    besluiten.idee(besluit.id, FORMULE, extern="Piet Ouder", rol="ouder", datum=DAG)
    instrument = wp.zelfevaluaties.instrument("lerende-organisatie")
    items = [i.id for i in instrument.items()]
    for label, punten in (("a", 1), ("b", 3)):
        wp.zelfevaluaties.invullen(
            instrument.id,
            antwoorden={item: punten if n % 2 else 2 for n, item in enumerate(items)},
            school="De Regenboog",
            respondent=label,
            datum=DAG,
        )
    return wp
