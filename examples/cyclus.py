"""A whole research cycle through the library, in a temporary werkplaats.

The werkgroep records its first cycle afterwards, so every step has the day it
happened: never after today, never before the step it follows, and each measurement
on or after the start of the uitvoering (in any order).

Run: python examples/cyclus.py
"""

import datetime as dt
import tempfile
from pathlib import Path

from onderzoekscyclus import Werkplaats

with tempfile.TemporaryDirectory() as map_:
    wp = Werkplaats.maak(Path(map_) / "werkplaats", "Voorbeeld")
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.werkgroepen.toevoegen("Rekenen groep 5-8", scholen=["De Regenboog"], themas=["rekenen"])

    wp.cycli.start(
        "rekenen",
        aanleiding="Verhaaltjessommen gaan slechter",
        vraag="Wat helpt?",
        datum=dt.date(2025, 9, 1),
    )
    wp.cycli.beginsituatie(
        "rekenen", tekst="62% op niveau", bronnen=["Toets M5"], datum=dt.date(2025, 9, 15)
    )
    wp.cycli.doel(
        "rekenen",
        tekst="75% op niveau",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 62, 75)],
        datum=dt.date(2025, 10, 1),
    )
    wp.cycli.plan(
        "rekenen",
        acties=[("Dagelijks oefenen", "groep 5-8", "vanaf januari")],
        literatuur=["Overzichtsstudie rekendidactiek"],
        datum=dt.date(2025, 10, 15),
    )
    wp.cycli.uitvoeren("rekenen", datum=dt.date(2025, 11, 3))
    wp.cycli.meting("rekenen", indicator="op niveau", waarde=68, datum=dt.date(2026, 1, 20))
    wp.cycli.meting("rekenen", indicator="op niveau", waarde=74, datum=dt.date(2026, 5, 20))
    wp.cycli.evaluatie(
        "rekenen",
        conclusie="deels",
        tekst="Vooruitgang, doel net niet gehaald",
        datum=dt.date(2026, 6, 19),
    )

    overzicht = wp.cycli.overzicht("rekenen")
    print("Fase:", overzicht.cyclus.fase.value)
    print("Methodekwaliteit:", overzicht.kwaliteit.samenvatting())
    for element in overzicht.kwaliteit.ontbreekt():
        print("  nog te doen:", element.omschrijving, f"({element.sleutel})")
    print("Volgende stap:", overzicht.volgende)
