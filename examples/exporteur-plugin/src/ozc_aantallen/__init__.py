"""The export format ``aantallen``: how many entities of each kind an export holds.

$ ozc export aantallen
scholen: 7
personen: 14
werkgroepen: 7
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from onderzoekscyclus.export import Exportgegevens

__all__ = ["Aantallen"]


class Aantallen:
    """One line per kind of entity in the selection: ``soort: aantal``."""

    beschrijving = "Aantallen per soort (tekst, één regel per soort)"
    extensie = ".txt"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        regels = [f"{soort}: {len(objecten)}" for soort, objecten in gegevens.entiteiten.items()]
        doel.write_text("\n".join(regels) + "\n", encoding="utf-8", newline="\n")
