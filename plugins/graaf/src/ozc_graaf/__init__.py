"""The ``graphml``, ``gexf`` and ``dot`` exports of onderzoekscyclus: the themanetwerk
as a file that network tools open.

The network is :meth:`onderzoekscyclus.export.exporteren.Exportgegevens.graaf`: schools,
werkgroepen, persons and themes of the selection, with pseudonyms for persons when the
export is pseudonymised. :func:`als_graaf` turns it into a graph that any tool can
store:

- a node's id is ``soort:id`` (``school:de-regenboog-k3f9x2``, ``thema:rekenen``) and
  it carries ``soort``, ``naam``, ``label`` (the name again: Gephi shows ``label``) and,
  for a school, ``sector``;
- an edge carries ``relatie`` (``werkgroep``, ``onderzoekt``, ``lid``, ``werkt_op``,
  ``expertise``, ``breder``) and, for ``lid``, the member's ``rol``;
- every value is text, a whole number, a decimal number or a truth value, never empty
  (``None``), because GraphML and GEXF readers such as Gephi accept only those;
- line ends become ``\\n`` and characters that XML cannot hold are left out, so that
  what is read back equals what was written.

The same data gives the same bytes: nodes and edges are sorted, and the GEXF date is
the export's date.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, Literal
from xml.etree.ElementTree import Element

import networkx as nx  # type: ignore[import-untyped]
from networkx.readwrite.gexf import GEXFWriter  # type: ignore[import-untyped]

from onderzoekscyclus.export import Exportgegevens
from ozc_graaf.dot import als_dot

__all__ = [
    "DotExporteur",
    "GexfExporteur",
    "GraphmlExporteur",
    "als_dot",
    "als_graaf",
    "knoop_id",
    "schoon",
]

KLEUREN: Mapping[str, tuple[int, int, int]] = {
    "school": (66, 133, 244),
    "werkgroep": (244, 160, 0),
    "persoon": (52, 168, 83),
    "thema": (171, 71, 188),
}
"""The colour of each kind of node in the GEXF file (Gephi shows it)."""

# XML 1.0 allows tab, line feed and these ranges; everything else cannot be stored
_NIET_IN_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def schoon(tekst: str) -> str:
    """``tekst`` with ``\\r\\n`` and ``\\r`` as ``\\n`` and without characters XML forbids."""
    return _NIET_IN_XML.sub("", tekst.replace("\r\n", "\n").replace("\r", "\n"))


def knoop_id(soort: str, id_: str) -> str:
    """The id of a node in the exported graph: ``soort:id``."""
    return f"{soort}:{id_}"


def _waarde(waarde: Any) -> str | int | float | bool:
    if isinstance(waarde, bool):
        return waarde
    if isinstance(waarde, enum.Enum):
        return schoon(str(waarde.value))
    if isinstance(waarde, int | float):
        return waarde
    return schoon(str(waarde))


def _kenmerken(data: Mapping[str, Any], eerst: Mapping[str, Any]) -> dict[str, Any]:
    uit = {k: _waarde(v) for k, v in eerst.items() if v is not None}
    for sleutel in sorted(data):
        if sleutel not in uit and data[sleutel] is not None:
            uit[sleutel] = _waarde(data[sleutel])
    return uit


def als_graaf(gegevens: Exportgegevens) -> nx.Graph:
    """The themanetwerk of the export with text ids and storable attributes only."""
    bron = gegevens.graaf()
    graaf = nx.Graph()
    graaf.graph.update(
        {
            "werkplaats": schoon(gegevens.werkplaats_naam),
            "datum": gegevens.datum.isoformat(),
            "selectie": gegevens.selectie.soort,
            "pseudoniem": gegevens.pseudoniem,
        }
    )
    if gegevens.selectie.id is not None:
        graaf.graph["selectie_id"] = gegevens.selectie.id
    for knoop in sorted(bron.nodes):
        soort, id_ = knoop
        data = bron.nodes[knoop]
        naam = schoon(str(data.get("naam") or id_))
        graaf.add_node(
            knoop_id(soort, id_),
            **_kenmerken(data, {"soort": soort, "naam": naam, "label": naam}),
        )
    randen = sorted(
        (tuple(sorted((knoop_id(*u), knoop_id(*v)))), data) for u, v, data in bron.edges(data=True)
    )
    for (u, v), data in randen:
        graaf.add_edge(u, v, **_kenmerken(data, {"relatie": data.get("relatie")}))
    return graaf


def _versie() -> str:
    try:
        return metadata.version("onderzoekscyclus-graaf")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "?"


class GraphmlExporteur:
    """Writes :func:`als_graaf` as GraphML (networkx ``write_graphml``)."""

    beschrijving = "Themanetwerk als GraphML (voor Gephi, Cytoscape, yEd en networkx)"
    extensie = ".graphml"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        nx.write_graphml(als_graaf(gegevens), doel, encoding="utf-8", prettyprint=True)


class GexfExporteur:
    """Writes :func:`als_graaf` as GEXF 1.2, with a colour per kind of node."""

    beschrijving = "Themanetwerk als GEXF (voor Gephi), met een kleur per soort"
    extensie = ".gexf"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        graaf = als_graaf(gegevens)
        graaf.graph["name"] = schoon(f"Themanetwerk {gegevens.werkplaats_naam}")
        for _knoop, data in graaf.nodes(data=True):
            r, g, b = KLEUREN.get(data["soort"], (128, 128, 128))
            data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        schrijver = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
        meta = schrijver.xml.find("meta")
        # the export's date instead of the clock's: same data, same bytes
        meta.set("lastmodifieddate", gegevens.datum.isoformat())
        meta.find("creator").text = f"onderzoekscyclus-graaf {_versie()}"
        omschrijving = Element("description")
        omschrijving.text = _omschrijving(gegevens)
        meta.append(omschrijving)
        schrijver.add_graph(graaf)
        with doel.open("wb") as bestand:
            schrijver.write(bestand)


class DotExporteur:
    """Writes :func:`als_graaf` as Graphviz DOT (see :mod:`ozc_graaf.dot`)."""

    beschrijving = "Themanetwerk als Graphviz DOT (een plaatje met dot, neato of sfdp)"
    extensie = ".dot"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        tekst = als_dot(als_graaf(gegevens), titel=_omschrijving(gegevens))
        doel.write_text(tekst, encoding="utf-8", newline="\n")


def _omschrijving(gegevens: Exportgegevens) -> str:
    wat = {
        "alles": "de hele werkplaats",
        "school": "een school",
        "werkgroep": "een werkgroep",
        "besluit": "een besluit",
    }.get(gegevens.selectie.soort, gegevens.selectie.soort)
    naam = gegevens.naam(gegevens.selectie.id) if gegevens.selectie.id else ""
    keuze = f"{wat} ({naam})" if naam else wat
    pseudoniemen = ", personen onder pseudoniem" if gegevens.pseudoniem else ""
    return schoon(
        f"Themanetwerk van {gegevens.werkplaats_naam}: {keuze}, "
        f"stand van {gegevens.datum.isoformat()}{pseudoniemen}"
    )
