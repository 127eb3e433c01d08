"""A decision from idea to borging through the library, in a temporary werkplaats.

Run: python examples/besluitvorming.py
"""

import datetime as dt
import tempfile
from pathlib import Path

from onderzoekscyclus import Geweigerd, VasteKlok, Werkplaats

klok = VasteKlok(dt.date(2026, 12, 1))  # "today", as the werkplaats sees it

with tempfile.TemporaryDirectory() as map_:
    wp = Werkplaats.maak(Path(map_) / "werkplaats", "Voorbeeld", vandaag=klok)
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["rekenen"])
    wp.personen.toevoegen("Piet Jansen", school="De Regenboog")
    wp.werkgroepen.toevoegen("Rekenen groep 5-8", scholen=["De Regenboog"], themas=["rekenen"])
    wp.werkgroepen.lid("rekenen", "Anna", rol="leider")

    besluiten = wp.besluitvorming
    besluiten.nieuw("Verhaaltjessommen: nieuwe aanpak", werkgroep="rekenen", thema="rekenen")
    besluiten.idee("verhaaltjessommen", "Werk met het drieslagmodel", door="Piet")
    besluiten.idee("verhaaltjessommen", "Oefen met sommen uit de buurt", extern="Mevrouw Bos")
    besluiten.voorstel(
        "verhaaltjessommen", "Groep 5-8 werken met het drieslagmodel", leider="Anna", ideeen=[1]
    )
    besluiten.feedback_open("verhaaltjessommen", tot=dt.date(2026, 12, 15))
    besluiten.feedback("verhaaltjessommen", "Neem groep 4 ook mee", door="Piet")

    try:
        besluiten.neem("verhaaltjessommen", "Zo doen we het")
    except Geweigerd as fout:
        reden = fout.redenen[0]
        print(f"Geweigerd ({reden.code}): {reden}")

    klok.zet(dt.date(2026, 12, 16))
    besluiten.reageer("verhaaltjessommen", 1, oordeel="deels", motivatie="Groep 4 volgt later")
    besluit = besluiten.neem("verhaaltjessommen", "Groep 5-8 beginnen in januari")
    print("Fase:", besluit.fase)

    overzicht = besluiten.overzicht("verhaaltjessommen", voor="Piet")
    for bijdrage in overzicht.bijdragen or ():
        print(f"{bijdrage.soort} {bijdrage.nummer}: {bijdrage.uitkomst}")
