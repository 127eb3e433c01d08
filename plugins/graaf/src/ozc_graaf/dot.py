"""A small Graphviz DOT writer for the themanetwerk, safe for any text in it.

Every id and every attribute value is written as a quoted DOT string: a backslash
becomes ``\\\\``, a double quote ``\\"`` and a line end ``\\n`` (a line break in a
label). So a name such as ``Groep "5\\6"`` or a theme with ``<script>`` stays text
inside its quotes and can never end the string, the statement or the graph. Nothing
the user typed goes into a comment, and every statement stays on one line.

Graphviz reads the extra attributes ``soort``, ``relatie`` and ``rol`` along with the
layout attributes and keeps them when it writes the graph again, so the file is a
faithful copy of the network, not only a picture.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx  # type: ignore[import-untyped]

__all__ = ["VORMEN", "als_dot", "citeer"]

VORMEN: Mapping[str, Mapping[str, str]] = {
    "school": {"shape": "box", "fillcolor": "#c6dafc"},
    "werkgroep": {"shape": "ellipse", "fillcolor": "#fde3a7"},
    "persoon": {"shape": "ellipse", "fillcolor": "#cdeccf"},
    "thema": {"shape": "note", "fillcolor": "#ead1f0"},
}
"""How each kind of node is drawn."""

_STIJL_RELATIE: Mapping[str, Mapping[str, str]] = {
    "breder": {"style": "dashed"},
    "expertise": {"style": "dotted"},
}

# control characters other than the line feed (which becomes \n) cannot be shown
_STUURTEKENS = re.compile("[\x00-\x09\x0b-\x1f\x7f]")


def citeer(tekst: str) -> str:
    """``tekst`` as a quoted DOT string, with every character that could end it escaped."""
    schoon = _STUURTEKENS.sub("", tekst.replace("\r\n", "\n").replace("\r", "\n"))
    binnen = schoon.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{binnen}"'


def _lijst(kenmerken: Mapping[str, Any]) -> str:
    delen = (f"{sleutel}={citeer(_tekst(waarde))}" for sleutel, waarde in kenmerken.items())
    return "[" + ", ".join(delen) + "]"


def _tekst(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    return str(waarde)


def _regels(graaf: nx.Graph, titel: str) -> Iterable[str]:
    yield "// Themanetwerk uit onderzoekscyclus. Een plaatje: sfdp -Tsvg netwerk.dot -o netwerk.svg"
    yield "strict graph themanetwerk {"
    yield (
        "  graph "
        + _lijst(
            {
                "label": titel,
                "labelloc": "t",
                "layout": "sfdp",
                "overlap": "false",
                "fontsize": "18",
            }
        )
        + ";"
    )
    yield "  node " + _lijst({"style": "filled", "fontname": "Helvetica"}) + ";"
    yield "  edge " + _lijst({"color": "#777777"}) + ";"
    for knoop, data in graaf.nodes(data=True):
        soort = str(data.get("soort", ""))
        kenmerken: dict[str, Any] = {"label": data.get("naam", knoop)}
        kenmerken.update(VORMEN.get(soort, {}))
        kenmerken.update(
            (k, v) for k, v in data.items() if k not in ("naam", "label") and v is not None
        )
        yield f"  {citeer(str(knoop))} {_lijst(kenmerken)};"
    for u, v, data in graaf.edges(data=True):
        kenmerken = {k: w for k, w in data.items() if w is not None}
        kenmerken.update(_STIJL_RELATIE.get(str(data.get("relatie")), {}))
        yield f"  {citeer(str(u))} -- {citeer(str(v))} {_lijst(kenmerken)};"
    yield "}"


def als_dot(graaf: nx.Graph, *, titel: str) -> str:
    """``graaf`` (text ids, attributes ``soort`` and ``naam``) as an undirected DOT graph."""
    return "\n".join(_regels(graaf, titel)) + "\n"
