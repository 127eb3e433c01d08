"""The JSON Schema of the ``json`` export, generated from the stored classes.

:func:`schema` walks every class registered in
:data:`onderzoekscyclus.opslag.bestanden.SOORTEN` and the types of its fields, so the
schema follows the classes: text, numbers, ``true``/``false``, dates as
``JJJJ-MM-DD`` text (``"format": "date"``), choices (enums) as ``enum``, lists, tables
(``dict``), optional values and nested classes as ``$defs``. Fields without a default
are ``required``; unknown keys are refused (``additionalProperties: false``), as they
are in the werkplaats' files.

The schema is published as ``docs/schema/export.schema.json`` (written by
``tools/docs.py``; the tests check that it is current).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import json
import typing
from typing import Any

from onderzoekscyclus.export.formaten._typen import (
    is_attrs,
    is_union,
    lijst_element,
    velden,
    zonder_none,
)
from onderzoekscyclus.export.formaten.jsonformaat import FORMAATNAAM, FORMAATVERSIE
from onderzoekscyclus.export.gegevens import SelectieSoort
from onderzoekscyclus.opslag.bestanden import SOORTEN

__all__ = ["DIALECT", "schema", "schema_tekst"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema version the schema is written in."""

_JSON_TYPEN = {str: "string", bool: "boolean", int: "integer", float: "number"}


class _Definities:
    """The ``$defs`` of the schema: one entry per attrs class.

    A class is named by its class name; when two classes share one (the ``Evaluatie``
    of a cycle and of a besluit), both get their module's name in front
    (``cyclus.Evaluatie``, ``besluitvorming.Evaluatie``).
    """

    def __init__(self) -> None:
        self.schemas: dict[type[Any], dict[str, Any]] = {}

    def verwijzing(self, klasse: type[Any]) -> dict[str, Any]:
        if klasse not in self.schemas:
            self.schemas[klasse] = {}  # placeholder: a class may refer to itself
            self.schemas[klasse] = self._klasse(klasse)
        return {"$ref": _voorlopig(klasse)}

    def definities(self) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """The ``$defs`` by final name, and the final ``$ref`` of each provisional one."""
        namen = [k.__name__ for k in self.schemas]
        definitief = {
            k: k.__name__
            if namen.count(k.__name__) == 1
            else f"{k.__module__.rsplit('.', 1)[-1]}.{k.__name__}"
            for k in self.schemas
        }
        refs = {_voorlopig(k): f"#/$defs/{naam}" for k, naam in definitief.items()}
        defs = {definitief[k]: _vervang_refs(s, refs) for k, s in self.schemas.items()}
        return dict(sorted(defs.items())), refs

    def _klasse(self, klasse: type[Any]) -> dict[str, Any]:
        alle = velden(klasse)
        return {
            "title": klasse.__name__,
            "type": "object",
            "properties": {v.naam: self.type(v.type) for v in alle},
            "required": [v.naam for v in alle if v.verplicht],
            "additionalProperties": False,
        }

    def type(self, soort: Any) -> dict[str, Any]:  # noqa: PLR0911 - one branch per kind of type
        """The schema of a value of ``soort``."""
        if soort is Any:
            return {}
        if soort is type(None):
            return {"type": "null"}
        if is_union(soort):
            kern, leeg = zonder_none(soort)
            if is_union(kern):
                schema: dict[str, Any] = {"anyOf": [self.type(a) for a in typing.get_args(kern)]}
            else:
                schema = self.type(kern)
            return _met_null(schema) if leeg else schema
        if typing.get_origin(soort) is typing.Literal:
            return {"enum": list(typing.get_args(soort))}
        element = lijst_element(soort)
        if element is not None:
            return {"type": "array", "items": self.type(element)}
        oorsprong = typing.get_origin(soort)
        if oorsprong is tuple:
            args = typing.get_args(soort)
            return {
                "type": "array",
                "prefixItems": [self.type(a) for a in args],
                "items": False,
                "minItems": len(args),
            }
        if oorsprong in (dict, collections.abc.Mapping):
            sleutel, waarde = typing.get_args(soort)
            if sleutel is not str:
                raise TypeError(f"only text keys can be described, not {sleutel!r}")
            return {"type": "object", "additionalProperties": self.type(waarde)}
        if is_attrs(soort):
            return self.verwijzing(soort)
        return _eenvoudig(soort)


def _voorlopig(klasse: type[Any]) -> str:
    return f"{klasse.__module__}:{klasse.__qualname__}"


def _vervang_refs(data: Any, refs: dict[str, str]) -> Any:
    if isinstance(data, dict):
        return {k: refs[v] if k == "$ref" else _vervang_refs(v, refs) for k, v in data.items()}
    if isinstance(data, list):
        return [_vervang_refs(v, refs) for v in data]
    return data


def _eenvoudig(soort: Any) -> dict[str, Any]:
    if isinstance(soort, type) and issubclass(soort, enum.Enum):
        waarden = [lid.value for lid in soort]
        typen = sorted({_JSON_TYPEN[type(w)] for w in waarden})
        return {"type": typen[0] if len(typen) == 1 else typen, "enum": waarden}
    if soort is dt.datetime:
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"}
    if soort is dt.date:
        return {"type": "string", "format": "date"}
    for python, json_type in _JSON_TYPEN.items():
        if soort is python:
            return {"type": json_type}
    raise TypeError(f"no JSON Schema for the type {soort!r}")


def _met_null(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` that also allows ``null``."""
    if "enum" in schema:
        uit = dict(schema, enum=[*schema["enum"], None])
        if "type" in uit:
            typen = uit["type"] if isinstance(uit["type"], list) else [uit["type"]]
            uit["type"] = [*typen, "null"]
        return uit
    if isinstance(schema.get("type"), str) and "$ref" not in schema:
        return dict(schema, type=[schema["type"], "null"])
    return {"anyOf": [schema, {"type": "null"}]}


def schema() -> dict[str, Any]:
    """The JSON Schema of a ``json`` export (the whole werkplaats or a selection)."""
    definities = _Definities()
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
        eigenschappen[map_] = {"type": "array", "items": _vervang_refs(verwijzing, refs)}
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
