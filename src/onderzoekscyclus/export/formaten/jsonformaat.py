"""The ``json`` export: the whole selection, complete and lossless.

One JSON object: ``formaat`` and ``schema`` (the version of this layout), the
werkplaats' name, the selection, whether names are pseudonymised, and one list per
kind of entity (``scholen``, ``personen``, ``werkgroepen``, …) holding each entity as
it is stored in its TOML file, with dates as ``JJJJ-MM-DD`` text. Reading the lists back
with the library's converter gives the same objects. The layout is described by a
JSON Schema generated from the classes (:mod:`onderzoekscyclus.export.formaten.jsonschema`,
published as ``docs/schema/export.schema.json``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Literal

from onderzoekscyclus.export.gegevens import Exportgegevens, als_data
from onderzoekscyclus.i18n import _
from onderzoekscyclus.versie import __version__

__all__ = ["FORMAATNAAM", "FORMAATVERSIE", "JsonExporteur", "json_data"]

FORMAATNAAM = "onderzoekscyclus-export"
"""The value of ``formaat`` in every JSON export."""

FORMAATVERSIE = "1.0"
"""Version of the layout of the JSON export (not of the werkplaats files)."""


def _waarde(waarde: Any) -> Any:
    if isinstance(waarde, dt.date | dt.datetime):
        return waarde.isoformat()
    raise TypeError(type(waarde).__name__)


def json_data(gegevens: Exportgegevens) -> dict[str, Any]:
    """The export as plain JSON-ready data, as the ``json`` format writes it."""
    data: dict[str, Any] = {
        "formaat": FORMAATNAAM,
        "schema": FORMAATVERSIE,
        "onderzoekscyclus": __version__,
        "werkplaats": gegevens.werkplaats_naam,
        "datum": gegevens.datum.isoformat(),
        "selectie": {
            "soort": gegevens.selectie.soort,
            "id": gegevens.selectie.id,
        },
        "pseudoniem": gegevens.pseudoniem,
    }
    for map_, objecten in gegevens.entiteiten.items():
        data[map_] = [als_data(obj) for obj in objecten]
    result: dict[str, Any] = json.loads(json.dumps(data, default=_waarde))
    return result


class JsonExporteur:
    """Writes :func:`json_data` as indented UTF-8 JSON."""

    @property
    def beschrijving(self) -> str:
        """What the format is for, in the current language."""
        return _("Alles, volledig en zonder verlies (JSON, met JSON Schema)")

    extensie = ".json"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        tekst = json.dumps(json_data(gegevens), ensure_ascii=False, indent=2, sort_keys=False)
        doel.write_text(tekst + "\n", encoding="utf-8", newline="\n")
