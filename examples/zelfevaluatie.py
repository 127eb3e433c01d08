"""A team fills in the checklist 'lerende organisatie' twice, through the library.

Run: python examples/zelfevaluatie.py
"""

import datetime as dt
import tempfile
from pathlib import Path

from onderzoekscyclus import Werkplaats

with tempfile.TemporaryDirectory() as map_:
    wp = Werkplaats.maak(Path(map_) / "werkplaats", "Voorbeeld")
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    zelf = wp.zelfevaluaties
    items = [i.id for i in zelf.instrument("lerende-organisatie").items()]

    # three colleagues at the start of October, three again six weeks later
    metingen = {
        dt.date(2026, 10, 1): ["1" * 18, "2" * 9 + "1" * 9, "3" + "1" * 17],
        dt.date(2026, 11, 12): ["2" * 18, "3" * 9 + "2" * 9, "1" + "2" * 17],
    }
    for datum, lijsten in metingen.items():
        for lijst in lijsten:
            zelf.invullen(
                "lerende-organisatie",
                school="De Regenboog",
                antwoorden={item: int(a) for item, a in zip(items, lijst, strict=True)},
                datum=datum,
            )

    uit = zelf.resultaat("lerende-organisatie", school="De Regenboog")
    print(f"Gemiddeld {uit.gemiddelde} ({uit.verschil:+} sinds {uit.vorige_datum})")
    for domein in uit.domeinen:
        print(f"  {domein.naam}: {domein.gemiddelde} ({domein.verschil:+})")
    print("Om te bespreken:", ", ".join(uit.bespreken))
    for advies in uit.advies[:2]:
        print(f"Stap {advies.stap}: {advies.titel}")
