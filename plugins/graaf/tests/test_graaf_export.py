"""The ``graphml``, ``gexf`` and ``dot`` exports, read back and compared with the werkplaats."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pydot
import pytest
from ozc_graaf import DotExporteur, GexfExporteur, GraphmlExporteur, als_dot, knoop_id, schoon

from onderzoekscyclus import Werkplaats, plugins
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import Selectie, exporteer, exporteurs

VANDAAG = "2026-11-23"
FORMATEN = ("graphml", "gexf", "dot")

# text that tries to break out of XML and of DOT strings
SCHOOL = 'De "Regenboog" <script>alert(1)<script> & co 🎉'
PERSOON = "Anna 'Ånne' \"de\" Vries-Öztürk 👩‍🏫"
THEMA = 'lezen "plus" \\ <script>alert(1)</script> ]; } 🎉'
THEMA_EINDE = 'rekenen \\" -- "x" \\'


@pytest.fixture(autouse=True)
def _vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests do not depend on the caller's environment, language or date."""
    for naam in ("ONDERZOEKSCYCLUS_WERKPLAATS", "ONDERZOEKSCYCLUS_TAAL", plugins.GEEN_PLUGINS):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Werkplaats]:
    """The demo werkplaats, made once: the exports only read it."""
    with pytest.MonkeyPatch.context() as omgeving:
        omgeving.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)
        yield maak_demo(
            tmp_path_factory.mktemp("demo") / "w", vandaag=dt.date.fromisoformat(VANDAAG)
        )


@pytest.fixture
def vijandig(tmp_path: Path) -> Werkplaats:
    """A werkplaats whose names and themes hold quotes, backslashes, markup and emoji."""
    wp = Werkplaats.maak(tmp_path / "v", 'Werkplaats <b>"vet" & 🎉')
    wp.scholen.toevoegen(SCHOOL, brin="12AB", sector="po")
    wp.personen.toevoegen(PERSOON, school=SCHOOL, expertise=[THEMA, THEMA_EINDE])
    wp.werkgroepen.toevoegen(
        'Groep "5\'6" [x] {y}', scholen=[SCHOOL], themas=[THEMA], nieuw_thema=True
    )
    wp.werkgroepen.lid("Groep", "Anna", rol="leider")
    return wp


def _verwacht(wp: Werkplaats) -> nx.Graph:
    """The library's own themanetwerk of ``wp``, with ids and names as the export writes them."""
    volledig = wp.netwerk.graaf()
    # themes that no school, werkgroep or person uses stay out, their broader themes stay in
    houden = {k for k in volledig if k[0] != "thema"}
    houden |= {b for k in list(houden) for b in volledig[k] if b[0] == "thema"}
    rand = [k for k in houden if k[0] == "thema"]
    while rand:
        knoop = rand.pop()
        for boven in volledig[knoop]:
            if volledig.edges[knoop, boven]["relatie"] == "breder" and boven not in houden:
                houden.add(boven)
                rand.append(boven)
    bron = volledig.subgraph(houden)
    verwacht = nx.Graph()
    for (soort, id_), data in bron.nodes(data=True):
        verwacht.add_node(knoop_id(soort, id_), soort=soort, naam=schoon(data["naam"]))
        if data.get("sector"):
            verwacht.nodes[knoop_id(soort, id_)]["sector"] = data["sector"]
    for u, v, data in bron.edges(data=True):
        verwacht.add_edge(knoop_id(*u), knoop_id(*v), **data)
    return verwacht


def _vergelijk(gelezen: nx.Graph, verwacht: nx.Graph) -> None:
    assert set(gelezen.nodes) == set(verwacht.nodes)
    for knoop, data in verwacht.nodes(data=True):
        assert gelezen.nodes[knoop]["soort"] == data["soort"]
        assert gelezen.nodes[knoop]["naam"] == data["naam"]
        assert gelezen.nodes[knoop].get("sector") == data.get("sector")
    assert {frozenset(e) for e in gelezen.edges} == {frozenset(e) for e in verwacht.edges}
    for u, v, data in verwacht.edges(data=True):
        assert gelezen.edges[u, v]["relatie"] == data["relatie"]
        assert gelezen.edges[u, v].get("rol") == data.get("rol")


def _exporteer(wp: Werkplaats, formaat: str, doel: Path, **opties: Any) -> Path:
    resultaat = exporteer(wp, formaat, doel, **opties)
    assert resultaat.pad == doel
    return doel


# --- reading the DOT back with pydot ------------------------------------------------------


def _tekst(waarde: str) -> str:
    """A quoted DOT string as Graphviz reads it: \\" is a quote, \\\\ stays two characters."""
    assert len(waarde) >= 2 and waarde[0] == waarde[-1] == '"', (
        f"geen tekst tussen aanhalingstekens: {waarde!r}"
    )
    return re.sub(r'\\(["\\])', lambda m: '"' if m.group(1) == '"' else "\\\\", waarde[1:-1])


def _label(waarde: str) -> str:
    """A label's escape sequences as Graphviz draws them: \\\\ a backslash, \\n a line end."""
    return re.sub(r"\\(.)", lambda m: {"\\": "\\", "n": "\n"}.get(m.group(1), m.group()), waarde)


def _kenmerken(kenmerken: dict[str, str]) -> dict[str, str]:
    return {sleutel: _tekst(waarde) for sleutel, waarde in kenmerken.items()}


def _dot_als_graaf(dot: str) -> nx.Graph:
    """The DOT text parsed by pydot (Graphviz' grammar) as a networkx graph; ids and
    labels unescaped so they compare with the werkplaats."""
    grafieken = pydot.graph_from_dot_data(dot)
    assert grafieken is not None and len(grafieken) == 1, "geen of meer dan één graaf"
    dot_graaf = grafieken[0]
    assert (dot_graaf.get_type(), dot_graaf.get_strict()) == ("graph", True)
    grafiek: dict[str, str] = {}
    for standaard in dot_graaf.get_graph_defaults():
        grafiek.update(_kenmerken(standaard))
    graaf = nx.Graph(**grafiek)
    for knoop in dot_graaf.get_nodes():
        if knoop.get_name() in ("graph", "node", "edge"):
            continue  # default attribute statements, not nodes
        naam = _label(_tekst(knoop.get_name()))
        assert naam not in graaf, f"knoop {naam!r} staat er twee keer in"
        data = _kenmerken(knoop.get_attributes())
        graaf.add_node(naam, **{**data, "naam": _label(data["label"])})
    for rand in dot_graaf.get_edges():
        u, v = (_label(_tekst(k)) for k in (rand.get_source(), rand.get_destination()))
        assert u in graaf and v in graaf, "een verbinding naar een onbekende knoop"
        graaf.add_edge(u, v, **_kenmerken(rand.get_attributes()))
    return graaf


# --- the tests --------------------------------------------------------------------------


def test_exporteurs_zijn_te_vinden_via_entry_points() -> None:
    """The three formats are found through the entry-point group, from this distribution."""
    gevonden, _waarschuwingen = exporteurs()
    assert isinstance(gevonden["graphml"], GraphmlExporteur)
    assert isinstance(gevonden["gexf"], GexfExporteur)
    assert isinstance(gevonden["dot"], DotExporteur)
    van_graaf = {p.naam: p for p in plugins.plugins() if p.distributie == "onderzoekscyclus-graaf"}
    assert set(van_graaf) == set(FORMATEN)
    assert all(p.fout is None and not p.ingebouwd for p in van_graaf.values())


def test_graphml_leest_terug_als_het_themanetwerk(demo: Werkplaats, tmp_path: Path) -> None:
    """networkx reads the GraphML back as the werkplaats' themanetwerk: same nodes, names,
    sectors, relations and roles, plus the export's own details on the graph."""
    pad = _exporteer(demo, "graphml", tmp_path / "netwerk.graphml")
    gelezen = nx.read_graphml(pad)
    _vergelijk(gelezen, _verwacht(demo))
    scholen = {f"school:{s.id}": s for s in demo.scholen.lijst()}
    for knoop, school in scholen.items():
        assert gelezen.nodes[knoop]["naam"] == school.naam
        assert gelezen.nodes[knoop]["label"] == school.naam
        assert gelezen.nodes[knoop]["sector"] == str(school.sector)
    for groep in demo.werkgroepen.lijst():
        for lid in groep.leden:
            rand = gelezen.edges[f"persoon:{lid.persoon}", f"werkgroep:{groep.id}"]
            assert (rand["relatie"], rand["rol"]) == ("lid", str(lid.rol))
    assert {k: v for k, v in gelezen.graph.items() if not k.endswith("_default")} == {
        "werkplaats": demo.info.naam,
        "datum": VANDAAG,
        "selectie": "alles",
        "pseudoniem": False,
    }


def test_gexf_leest_terug_met_een_kleur_per_soort(demo: Werkplaats, tmp_path: Path) -> None:
    """networkx reads the GEXF back as the themanetwerk; Gephi's label is the name and
    every kind of node has its own colour."""
    pad = _exporteer(demo, "gexf", tmp_path / "netwerk.gexf")
    gelezen = nx.read_gexf(pad)
    _vergelijk(gelezen, _verwacht(demo))
    kleuren: dict[str, set[tuple[int, int, int]]] = {}
    for _knoop, data in gelezen.nodes(data=True):
        assert data["label"] == data["naam"]
        kleur = data["viz"]["color"]
        kleuren.setdefault(data["soort"], set()).add((kleur["r"], kleur["g"], kleur["b"]))
    assert set(kleuren) == {"school", "werkgroep", "persoon", "thema"}
    assert all(len(k) == 1 for k in kleuren.values())
    assert len(set().union(*kleuren.values())) == 4


@pytest.mark.parametrize("formaat", ["graphml", "gexf"])
def test_xml_bevat_alleen_waarden_die_gephi_leest(
    demo: Werkplaats, tmp_path: Path, formaat: str
) -> None:
    """Every declared attribute is text, a number or a truth value, and no value is empty
    or the text 'None' (Gephi refuses those)."""
    pad = _exporteer(demo, formaat, tmp_path / f"netwerk.{formaat}")
    boom = ET.parse(pad)
    typen = {
        e.get("attr.type") or e.get("type")
        for e in boom.iter()
        if e.tag.endswith(("key", "attribute"))
    }
    assert typen
    assert typen <= {"string", "int", "long", "float", "double", "boolean", "integer"}
    waarden = [e.text for e in boom.iter() if e.tag.endswith("}data")] + [
        e.get("value") for e in boom.iter() if e.tag.endswith("}attvalue")
    ]
    assert waarden
    assert all(w and w.strip() and w != "None" for w in waarden)


def test_dot_leest_terug_als_het_themanetwerk(demo: Werkplaats, tmp_path: Path) -> None:
    """A strict DOT reader finds every node with its name as label, and every edge."""
    pad = _exporteer(demo, "dot", tmp_path / "netwerk.dot")
    gelezen = _dot_als_graaf(pad.read_text(encoding="utf-8"))
    _vergelijk(gelezen, _verwacht(demo))
    assert demo.info.naam in _label(gelezen.graph["label"])


@pytest.mark.parametrize("formaat", FORMATEN)
def test_vijandige_namen_blijven_tekst(vijandig: Werkplaats, tmp_path: Path, formaat: str) -> None:
    """Quotes, backslashes, brackets, markup and emoji in names and themes come back
    exactly as they were typed, and cannot break the file's syntax."""
    pad = _exporteer(vijandig, formaat, tmp_path / f"netwerk.{formaat}")
    if formaat == "graphml":
        gelezen = nx.read_graphml(pad)
    elif formaat == "gexf":
        gelezen = nx.read_gexf(pad)
    else:
        gelezen = _dot_als_graaf(pad.read_text(encoding="utf-8"))
    verwacht = _verwacht(vijandig)
    _vergelijk(gelezen, verwacht)
    namen = {data["naam"] for _k, data in gelezen.nodes(data=True)}
    assert {SCHOOL, PERSOON} <= namen
    assert any("<script>alert(1)" in n and '"plus" \\' in n for n in namen)
    if formaat != "dot":
        assert "<script>" not in pad.read_text(encoding="utf-8")


def test_dot_schrijver_houdt_elke_tekst_binnen_zijn_aanhalingstekens() -> None:
    """Line ends, a backslash before the closing quote, escape sequences Graphviz knows
    (``\\N``, ``\\l``) and control characters cannot end a string or a statement: read back,
    every label is the text with its line ends as ``\\n`` and without control characters."""
    namen = [
        "regel 1\r\nregel 2\rregel 3\nregel 4",
        "eindigt op een backslash \\",
        'al ontsnapt \\" en "]; } graph x { "a" -- "b',
        "Graphviz-codes \\N \\G \\l \\r \\n blijven tekst",
        "stuur\x00tekens\x07\x1b weg\ttab",
        "// geen commentaar /* ook niet */ # en dit niet",
        "<b>html</b> & 🎉",
    ]
    graaf = nx.Graph()
    for i, naam in enumerate(namen):
        graaf.add_node(f"thema:{naam}", soort="thema", naam=naam)
        if i:
            graaf.add_edge(f"thema:{namen[i - 1]}", f"thema:{naam}", relatie="breder")
    tekst = als_dot(graaf, titel='Titel met "quotes"\nen \\ backslash')
    gelezen = _dot_als_graaf(tekst)
    assert len(gelezen) == len(namen)
    assert gelezen.number_of_edges() == len(namen) - 1
    verwacht_labels = {
        n.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\x00", "")
        .replace("\x07", "")
        .replace("\x1b", "")
        .replace("\t", "")
        for n in namen
    }
    assert {d["naam"] for _k, d in gelezen.nodes(data=True)} == verwacht_labels
    assert _label(gelezen.graph["label"]) == 'Titel met "quotes"\nen \\ backslash'
    # one statement per line: a line end in a text never reaches the file
    assert len(tekst.splitlines()) == 1 + 1 + 3 + len(namen) + len(namen) - 1 + 1


@pytest.mark.parametrize("formaat", FORMATEN)
def test_pseudoniem_laat_geen_naam_van_een_persoon_achter(
    demo: Werkplaats, tmp_path: Path, formaat: str
) -> None:
    """With --pseudoniem no person's name, nor a part of it, is in the file; persons are
    still there, under their pseudonym."""
    pad = _exporteer(demo, formaat, tmp_path / f"netwerk.{formaat}", pseudoniem_=True)
    tekst = pad.read_text(encoding="utf-8")
    for persoon in demo.personen.lijst():
        delen = [d for d in persoon.naam.split() if len(d) >= 3 and d[0].isupper()]
        for deel in [persoon.naam, *delen]:
            assert not re.search(rf"(?<!\w){re.escape(deel)}(?!\w)", tekst), deel
    assert tekst.count("Persoon ") >= len(demo.personen.lijst())


@pytest.mark.parametrize("formaat", FORMATEN)
def test_zelfde_gegevens_geven_dezelfde_bytes(
    demo: Werkplaats, tmp_path: Path, formaat: str
) -> None:
    """Two exports of the same werkplaats on the same day are byte for byte the same."""
    een = _exporteer(demo, formaat, tmp_path / f"een.{formaat}").read_bytes()
    twee = _exporteer(demo, formaat, tmp_path / f"twee.{formaat}").read_bytes()
    assert een == twee


def test_selectie_van_een_werkgroep(demo: Werkplaats, tmp_path: Path) -> None:
    """A werkgroep's export holds that werkgroep, its schools and members, and no other
    werkgroep."""
    groep = demo.werkgroepen.zoek("rekenen")
    pad = tmp_path / "rekenen.graphml"
    exporteer(demo, "graphml", pad, selectie=Selectie("werkgroep", groep.id))
    gelezen = nx.read_graphml(pad)
    werkgroepen = {k for k, d in gelezen.nodes(data=True) if d["soort"] == "werkgroep"}
    assert werkgroepen == {f"werkgroep:{groep.id}"}
    assert {f"school:{s}" for s in groep.scholen} <= set(gelezen.nodes)
    assert {f"persoon:{lid.persoon}" for lid in groep.leden} <= set(gelezen.nodes)
    assert gelezen.graph["selectie"] == "werkgroep"
    assert gelezen.graph["selectie_id"] == groep.id


def test_ozc_export_graphml_in_een_eigen_proces(demo: Werkplaats, tmp_path: Path) -> None:
    """``ozc export graphml --uit PAD`` writes a file that networkx reads back."""
    pad = tmp_path / "uit" / "netwerk.graphml"
    omgeving = {**os.environ, "ONDERZOEKSCYCLUS_VANDAAG": VANDAAG}
    resultaat = subprocess.run(
        [
            sys.executable,
            "-m",
            "onderzoekscyclus",
            "--werkplaats",
            str(demo.root),
            "export",
            "graphml",
            "--uit",
            str(pad),
        ],
        capture_output=True,
        text=True,
        env=omgeving,
        check=False,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert "Traceback" not in resultaat.stderr
    _vergelijk(nx.read_graphml(pad), _verwacht(demo))
