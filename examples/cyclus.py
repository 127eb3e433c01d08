"""A whole research cycle through the library, in a temporary werkplaats.

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

    wp.cycli.start("rekenen", aanleiding="Verhaaltjessommen gaan slechter", vraag="Wat helpt?")
    wp.cycli.beginsituatie("rekenen", tekst="62% op niveau", bronnen=["Toets M5"])
    wp.cycli.doel(
        "rekenen",
        tekst="75% op niveau",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 62, 75)],
    )
    wp.cycli.plan(
        "rekenen",
        acties=[("Dagelijks oefenen", "groep 5-8", "vanaf januari")],
        literatuur=["Overzichtsstudie rekendidactiek"],
    )
    wp.cycli.uitvoeren("rekenen")
    wp.cycli.meting("rekenen", indicator="op niveau", waarde=68, datum=dt.date(2026, 1, 20))
    wp.cycli.meting("rekenen", indicator="op niveau", waarde=74, datum=dt.date(2026, 5, 20))
    wp.cycli.evaluatie("rekenen", conclusie="deels", tekst="Vooruitgang, doel net niet gehaald")

    overzicht = wp.cycli.overzicht("rekenen")
    print("Fase:", overzicht.cyclus.fase.value)
    print("Methodekwaliteit:", overzicht.kwaliteit.samenvatting())
    for element in overzicht.kwaliteit.ontbreekt():
        print("  nog te doen:", element.omschrijving, f"({element.sleutel})")
    print("Volgende stap:", overzicht.volgende)
