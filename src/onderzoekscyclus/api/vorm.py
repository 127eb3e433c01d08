"""One data shape for everything the library returns.

:func:`als_data` turns any object the API returns (an entity, a derived view such as
:class:`~onderzoekscyclus.api.beheer.Status`, a list of them, or an error) into plain
JSON-able data, with the one cattrs converter the werkplaats' files are written with:
dates as ``JJJJ-MM-DD`` text, choices as their value, lists for tuples. :data:`VORMEN`
names every view with a published JSON Schema (``docs/schema/NAAM.schema.json``,
written by ``tools/docs.py`` from :func:`schema_van`); the tests validate real answers
against them.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import json
import typing
from pathlib import PurePath
from typing import Any

from onderzoekscyclus.api._typen import is_attrs, is_union, lijst_element, velden, zonder_none
from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.opslag.converter import unstructure

__all__ = ["DIALECT", "VORMEN", "Definities", "als_data", "schema_tekst", "schema_van"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema version the schemas are written in."""

VORMEN: dict[str, str] = {
    # stored entities
    "School": "onderzoekscyclus.domein.model:School",
    "Persoon": "onderzoekscyclus.domein.model:Persoon",
    "Werkgroep": "onderzoekscyclus.domein.model:Werkgroep",
    "Logregel": "onderzoekscyclus.domein.model:Logregel",
    "Besluit": "onderzoekscyclus.domein.besluit:Besluit",
    "Zelfevaluatie": "onderzoekscyclus.domein.zelfevaluatie:Zelfevaluatie",
    "Agendapunt": "onderzoekscyclus.domein.ontwikkelagenda:Agendapunt",
    "Schoolbezoek": "onderzoekscyclus.domein.bezoek:Schoolbezoek",
    "Bezoeksuggesties": "onderzoekscyclus.domein.bezoek:Bezoeksuggesties",
    "Bezoekerssuggesties": "onderzoekscyclus.domein.bezoek:Bezoekerssuggesties",
    # derived views
    "Status": "onderzoekscyclus.api.beheer:Status",
    "CyclusOverzicht": "onderzoekscyclus.api.cycli:CyclusOverzicht",
    "BesluitOverzicht": "onderzoekscyclus.api.besluiten:BesluitOverzicht",
    "Expertisebeeld": "onderzoekscyclus.domein.expertise:Expertisebeeld",
    "Partnerschapsbeeld": "onderzoekscyclus.domein.expertise:Partnerschapsbeeld",
    "Schoolprofiel": "onderzoekscyclus.domein.schoolprofiel:Schoolprofiel",
    "Resultaat": "onderzoekscyclus.domein.uitslag:Resultaat",
    "Vergelijking": "onderzoekscyclus.domein.uitslag:Vergelijking",
    "ThemaGebruik": "onderzoekscyclus.domein.netwerk:ThemaGebruik",
    "ThemaScholen": "onderzoekscyclus.domein.netwerk:ThemaScholen",
    "ThemaExperts": "onderzoekscyclus.domein.netwerk:ThemaExperts",
    "VergelijkbareScholen": "onderzoekscyclus.domein.netwerk:VergelijkbareScholen",
    "Thematischnetwerk": "onderzoekscyclus.domein.netwerk:Thematischnetwerk",
    "Aansluiten": "onderzoekscyclus.domein.netwerk:Aansluiten",
    "Ondersteuning": "onderzoekscyclus.domein.netwerk:Ondersteuning",
    "Lidmaatschap": "onderzoekscyclus.api.register:Lidmaatschap",
    "Instrument": "onderzoekscyclus.domein.zelfevaluatie:Instrument",
    "Catalogus": "onderzoekscyclus.opslag.instrumenten:Catalogus",
    "Invulling": "onderzoekscyclus.api.zelfevaluaties:Invulling",
    "Import": "onderzoekscyclus.api.zelfevaluaties:Import",
    "CyclusSamenvatting": "onderzoekscyclus.api.cycli:CyclusSamenvatting",
    "GenummerdeLogregel": "onderzoekscyclus.domein.model:GenummerdeLogregel",
    "MetingSamenvatting": "onderzoekscyclus.api.zelfevaluaties:MetingSamenvatting",
    "Planpunt": "onderzoekscyclus.domein.planning:Planpunt",
    "Vergeetverslag": "onderzoekscyclus.api.vergeten:Vergeetverslag",
    "Verwijderd": "onderzoekscyclus.api.wijzigen:Verwijderd",
    "Samengevoegd": "onderzoekscyclus.api.wijzigen:Samengevoegd",
    "Schoolimport": "onderzoekscyclus.api.duoimport:Schoolimport",
    "Thema": "onderzoekscyclus.domein.thesaurus:Thema",
    "Koppeling": "onderzoekscyclus.domein.model:Koppeling",
    "Agendaoverzicht": "onderzoekscyclus.domein.ontwikkelagenda:Agendaoverzicht",
    "Puntstand": "onderzoekscyclus.domein.ontwikkelagenda:Puntstand",
    "Aanvraag": "onderzoekscyclus.domein.ontwikkelagenda:Aanvraag",
}
"""Every class the API returns that has a published JSON Schema, by name, with where it
lives (``module:Klasse``)."""


def als_data(obj: Any) -> Any:
    """Plain JSON-able data for anything the library returns.

    An attrs object becomes a dict of its fields, a list or tuple a list, a date its
    ``JJJJ-MM-DD`` text, a choice its value, an error its :meth:`~onderzoekscyclus.
    errors.OnderzoekscyclusError.als_data`, a path its text (the API itself returns
    none). ``json.dumps(als_data(x))`` always works.
    """
    if isinstance(obj, OnderzoekscyclusError):
        return obj.als_data()
    if isinstance(obj, dict):
        return {str(k): als_data(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [als_data(o) for o in obj]
    if isinstance(obj, PurePath):
        return str(obj)
    return _json(unstructure(obj))


def _json(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return {str(k): _json(v) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        return [_json(v) for v in waarde]
    if isinstance(waarde, (set, frozenset)):
        return sorted(_json(v) for v in waarde)
    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.isoformat()
    if isinstance(waarde, enum.Enum):
        return waarde.value
    return waarde


_JSON_TYPEN = {str: "string", bool: "boolean", int: "integer", float: "number"}


class Definities:
    """The ``$defs`` of a schema: one entry per attrs class met on the way.

    A class is named by its class name; when two classes share one (the ``Evaluatie``
    of a cycle and of a besluit), both get their module's name in front
    (``cyclus.Evaluatie``, ``besluitvorming.Evaluatie``).
    """

    def __init__(self) -> None:
        self.schemas: dict[type[Any], dict[str, Any]] = {}

    def verwijzing(self, klasse: type[Any]) -> dict[str, Any]:
        """A provisional ``$ref`` to ``klasse`` (see :meth:`definities`)."""
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
        defs = {definitief[k]: vervang_refs(s, refs) for k, s in self.schemas.items()}
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


def vervang_refs(data: Any, refs: dict[str, str]) -> Any:
    """``data`` with every provisional ``$ref`` replaced by its final one."""
    if isinstance(data, dict):
        return {k: refs[v] if k == "$ref" else vervang_refs(v, refs) for k, v in data.items()}
    if isinstance(data, list):
        return [vervang_refs(v, refs) for v in data]
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


def klasse_van(naam: str) -> type[Any]:
    """The class of view ``naam`` (a key of :data:`VORMEN`)."""
    import importlib  # noqa: PLC0415

    module, _dubbelepunt, attribuut = VORMEN[naam].partition(":")
    klasse: type[Any] = getattr(importlib.import_module(module), attribuut)
    return klasse


def schema_van(klasse: type[Any]) -> dict[str, Any]:
    """The JSON Schema of what :func:`als_data` gives for an instance of ``klasse``."""
    definities = Definities()
    verwijzing = definities.verwijzing(klasse)
    defs, refs = definities.definities()
    return {
        "$schema": DIALECT,
        "title": klasse.__name__,
        **vervang_refs(verwijzing, refs),
        "$defs": defs,
    }


def schema_tekst(naam: str) -> str:
    """:func:`schema_van` the view ``naam`` as the text of its published file."""
    return json.dumps(schema_van(klasse_van(naam)), ensure_ascii=False, indent=2) + "\n"
