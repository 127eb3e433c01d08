"""The format `aantallen` counts every kind of entity of the selection."""

from __future__ import annotations

from pathlib import Path

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.export import exporteer, exporteurs


def test_aantallen_is_geregistreerd() -> None:
    """The installed entry point makes `aantallen` one of the export formats."""
    gevonden, _waarschuwingen = exporteurs()
    assert "aantallen" in gevonden


def test_aantallen_telt_per_soort(tmp_path: Path) -> None:
    """Exporting a werkplaats with one school writes `scholen: 1`, nothing else counted."""
    werkplaats = Werkplaats.maak(tmp_path / "wp", "Proef")
    werkplaats.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")

    resultaat = exporteer(werkplaats, "aantallen", tmp_path / "aantallen.txt")

    regels = (tmp_path / "aantallen.txt").read_text(encoding="utf-8").splitlines()
    assert "scholen: 1" in regels
    assert "personen: 0" in regels
    assert resultaat.aantallen["scholen"] == 1
