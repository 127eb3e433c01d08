"""The JSON Schema of the ``json`` export, generated from the stored classes.

:func:`schema` walks every class registered in
:data:`onderzoekscyclus.opslag.bestanden.SOORTEN` and the types of its fields, so the
schema follows the classes: text, numbers, ``true``/``false``, dates as
``JJJJ-MM-DD`` text (``"format": "date"``), choices (enums) as ``enum``, lists, tables
(``dict``), optional values and nested classes as ``$defs``. Fields without a default
are ``required``; unknown keys are refused (``additionalProperties: false``), as they
are in the werkplaats' files.

The schema is published as ``docs/schema/export.schema.json`` (written by
``tools/docs.py``; the tests check that it is current). The class walk is the one of
:mod:`onderzoekscyclus.api.vorm`, which also gives the schemas of the derived views.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import json
import typing
from typing import Any

from onderzoekscyclus.api.vorm import DIALECT, Definities, vervang_refs
from onderzoekscyclus.export.formaten.jsonformaat import FORMAATNAAM, FORMAATVERSIE
from onderzoekscyclus.export.gegevens import SelectieSoort
from onderzoekscyclus.opslag.bestanden import SOORTEN

__all__ = ["DIALECT", "schema", "schema_tekst"]


def schema() -> dict[str, Any]:
    """The JSON Schema of a ``json`` export (the whole werkplaats or a selection)."""
    definities = Definities()
    soorten = {soort.map: definities.verwijzing(klasse) for klasse, soort in SOORTEN.items()}
    eigenschappen: dict[str, Any] = {
        "formaat": {"const": FORMAATNAAM},
        "schema": {"const": FORMAATVERSIE},
        "onderzoekscyclus": {"type": "string"},
        "werkplaats": {"type": "string"},
        "datum": {"type": "string", "format": "date"},
        "selectie": {
            "type": "object",
            "properties": {
                "soort": {"enum": list(typing.get_args(SelectieSoort))},
                "id": {"type": ["string", "null"]},
            },
            "required": ["soort", "id"],
            "additionalProperties": False,
        },
        "pseudoniem": {"type": "boolean"},
    }
    defs, refs = definities.definities()
    for map_, verwijzing in soorten.items():
        eigenschappen[map_] = {"type": "array", "items": vervang_refs(verwijzing, refs)}
    return {
        "$schema": DIALECT,
        "title": FORMAATNAAM,
        "type": "object",
        "properties": eigenschappen,
        "required": list(eigenschappen),
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_tekst() -> str:
    """:func:`schema` as the text of ``docs/schema/export.schema.json``."""
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
