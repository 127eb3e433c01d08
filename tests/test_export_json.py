"""The ``json`` export: valid against its published JSON Schema, and lossless."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import Selectie, exporteer
from onderzoekscyclus.export.formaten.jsonschema import schema, schema_tekst
from onderzoekscyclus.opslag.bestanden import SOORTEN
from onderzoekscyclus.opslag.converter import structure

from .hulp_export import FORMULE, MARKDOWN, MEERREGELIG, vijandige_werkplaats

TOP = Path(__file__).resolve().parent.parent
GEPUBLICEERD = TOP / "docs" / "schema" / "export.schema.json"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Werkplaats]:
    """The demo partnership, made once for this module (exports only read it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-11-23")
        yield maak_demo(tmp_path_factory.mktemp("demo") / "wp", vandaag=dt.date(2026, 11, 23))


def _valideerder() -> jsonschema.protocols.Validator:
    gepubliceerd = json.loads(GEPUBLICEERD.read_text(encoding="utf-8"))
    klasse = jsonschema.validators.validator_for(gepubliceerd)
    klasse.check_schema(gepubliceerd)
    return klasse(gepubliceerd, format_checker=klasse.FORMAT_CHECKER)


def _exporteer(wp: Werkplaats, pad: Path, **opties: Any) -> dict[str, Any]:
    exporteer(wp, "json", pad, **opties)
    data: dict[str, Any] = json.loads(pad.read_text(encoding="utf-8"))
    return data


def _selecties(wp: Werkplaats) -> list[Selectie]:
    return [
        Selectie(),
        Selectie("school", wp.scholen.zoek("De Regenboog").id),
        Selectie("werkgroep", wp.werkgroepen.zoek("rekenen").id),
        Selectie("besluit", wp.besluitvorming.lijst()[0].id),
    ]


def test_gepubliceerd_schema_is_het_gegenereerde() -> None:
    """docs/schema/export.schema.json is exactly what the classes give (tools/docs.py)."""
    assert GEPUBLICEERD.read_text(encoding="utf-8") == schema_tekst()


def test_schema_beschrijft_elke_soort_en_elk_veld() -> None:
    """Every stored kind is a required list, and every field of its class is a property."""
    gegenereerd = schema()
    for klasse, soort in SOORTEN.items():
        assert soort.map in gegenereerd["required"]
        verwijzing = gegenereerd["properties"][soort.map]["items"]["$ref"]
        definitie = gegenereerd["$defs"][verwijzing.rsplit("/", 1)[1]]
        velden = [a.name for a in klasse.__attrs_attrs__]
        assert list(definitie["properties"]) == velden
        assert definitie["additionalProperties"] is False


@pytest.mark.parametrize("pseudoniem", [False, True])
def test_echte_exports_voldoen_aan_het_schema(
    demo: Werkplaats, tmp_path: Path, pseudoniem: bool
) -> None:
    """The whole werkplaats and each kind of selection validate, plain and pseudonymised."""
    valideerder = _valideerder()
    for n, selectie in enumerate(_selecties(demo)):
        data = _exporteer(demo, tmp_path / f"{n}.json", selectie=selectie, pseudoniem_=pseudoniem)
        fouten = [f"{list(f.absolute_path)}: {f.message}" for f in valideerder.iter_errors(data)]
        assert fouten == [], selectie
        assert data["selectie"] == {"soort": selectie.soort, "id": selectie.id}
        assert data["pseudoniem"] is pseudoniem
        # an entry's id is made from its content: a pseudonymised export leaves it out
        regels = [r for g in data["werkgroepen"] for r in g.get("logboek", [])]
        assert regels and all((r.get("id") is None) is pseudoniem for r in regels)


def test_schema_weigert_wat_niet_klopt(demo: Werkplaats, tmp_path: Path) -> None:
    """The schema is strict: unknown keys, missing fields, wrong choices, types and dates fail."""
    valideerder = _valideerder()
    goed = _exporteer(demo, tmp_path / "alles.json")
    assert valideerder.is_valid(goed)

    def kapot(wijzig: Any) -> bool:
        data = copy.deepcopy(goed)
        wijzig(data)
        return not valideerder.is_valid(data)

    assert kapot(lambda d: d["scholen"][0].update(onbekend=1))
    assert kapot(lambda d: d["scholen"][0].pop("brin"))
    assert kapot(lambda d: d["scholen"][0].update(sector="universiteit"))
    assert kapot(lambda d: d["werkgroepen"][0]["cycli"][0].update(nummer="1"))
    assert kapot(lambda d: d["werkgroepen"][0]["cycli"][0].update(gepauzeerd=1))
    assert kapot(lambda d: d["werkgroepen"][0]["cycli"][0].update(gestart="27-01-2026"))
    assert kapot(lambda d: d["personen"][0].update(rollen="leraar"))
    assert kapot(lambda d: d.pop("besluiten"))
    assert kapot(lambda d: d.update(formaat="iets anders"))
    # optional fields may be left out, and null where the class allows None
    assert not kapot(lambda d: d["scholen"][0].pop("bestuur"))
    assert not kapot(lambda d: d["scholen"][0].update(cluster=None))


def _vergelijk_met_werkplaats(wp: Werkplaats, data: dict[str, Any]) -> None:
    for klasse, soort in SOORTEN.items():
        gelezen = [structure(item, klasse) for item in data[soort.map]]
        assert gelezen == sorted(wp.opslag.alle(klasse), key=lambda o: o.id), soort.map


def test_verliesvrij_demo(demo: Werkplaats, tmp_path: Path) -> None:
    """Every entity list read back with the library's converter equals the werkplaats."""
    data = _exporteer(demo, tmp_path / "alles.json")
    assert all(data[s.map] for s in SOORTEN.values() if s.map != "zelfevaluaties")
    _vergelijk_met_werkplaats(demo, data)


def test_verliesvrij_met_vijandige_tekst(werkplaats: Werkplaats, tmp_path: Path) -> None:
    """Formulas, markup, quotes, line breaks, tabs and emoji survive unchanged, as do
    answers of self-evaluations and negative measurements."""
    wp = vijandige_werkplaats(werkplaats)
    data = _exporteer(wp, tmp_path / "alles.json")
    assert _valideerder().is_valid(data)
    _vergelijk_met_werkplaats(wp, data)
    groep = data["werkgroepen"][0]
    assert groep["cycli"][0]["vraag"] == MARKDOWN
    logboek = [r["tekst"] for r in groep["logboek"]]
    assert logboek[0] == FORMULE
    assert MEERREGELIG in logboek


def test_selectie_houdt_alleen_wat_erbij_hoort(demo: Werkplaats, tmp_path: Path) -> None:
    """A werkgroep export holds that werkgroep, its schools and its besluiten, no others."""
    groep = demo.werkgroepen.zoek("rekenen")
    data = _exporteer(demo, tmp_path / "w.json", selectie=Selectie("werkgroep", groep.id))
    assert [w["id"] for w in data["werkgroepen"]] == [groep.id]
    assert sorted(s["id"] for s in data["scholen"]) == sorted(groep.scholen)
    assert {b["werkgroep"] for b in data["besluiten"]} <= {groep.id}
    leden = {lid.persoon for lid in groep.leden}
    assert leden <= {p["id"] for p in data["personen"]}
