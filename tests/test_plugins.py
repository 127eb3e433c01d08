"""The plugin mechanism, seen from outside: installed distributions and `ozc plugins`."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import onderzoekscyclus
from onderzoekscyclus import Werkplaats, plugins
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import korte_datum, lange_datum

from .pluginhulp import installeer_distributie, ozc_proces

TOP = Path(__file__).resolve().parent.parent
VOORBEELD = TOP / "examples" / "exporteur-plugin"

KAPOT_BIJ_IMPORT = """
raise RuntimeError("de module van deze plugin is stuk")
"""

REGELS = """
from pathlib import Path

class Regels:
    beschrijving = "Eén regel per persoon"
    extensie = ".txt"
    soort = "bestand"
    tekst = True

    def schrijf(self, gegevens, doel: Path) -> None:
        doel.write_text("".join(f"{p.id}\\n" for p in gegevens.personen), encoding="utf-8")
"""


def _ingebouwd() -> dict[str, str]:
    """The export formats the installed package onderzoekscyclus registers itself."""
    punten = metadata.distribution("onderzoekscyclus").entry_points
    return {p.name: p.value for p in punten if p.group == plugins.EXPORTEURS}


def test_installatie_registreert_de_formaten_uit_pyproject() -> None:
    """The installed package registers exactly the formats of pyproject.toml (after a
    change there: `pip install -e .`), and each of them loads."""
    with (TOP / "pyproject.toml").open("rb") as f:
        punten = tomllib.load(f)["project"]["entry-points"][plugins.EXPORTEURS]
    assert _ingebouwd() == punten
    assert {n: p.fout for n, p in _lijst().items() if n in punten} == dict.fromkeys(punten)


def _lijst() -> dict[str, plugins.Plugin]:
    return {p.naam: p for p in plugins.plugins() if p.soort == "exporteur"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Werkplaats:
    """The demo werkplaats (read only in these tests)."""
    return maak_demo(tmp_path_factory.mktemp("demo") / "wp", vandaag=dt.date(2026, 11, 23))


@pytest.fixture
def derden(tmp_path: Path) -> Path:
    """A folder on PYTHONPATH with two third-party plugins: `kapot` (fails on import)
    from ozc-kapot and `regels` (works) from ozc-regels."""
    map_ = tmp_path / "site"
    map_.mkdir()
    installeer_distributie(
        map_, "ozc-kapot", {"ozc_kapot": KAPOT_BIJ_IMPORT}, {"kapot": "ozc_kapot:X"}
    )
    installeer_distributie(
        map_, "ozc-regels", {"ozc_regels": REGELS}, {"regels": "ozc_regels:Regels"}, "2.3.4"
    )
    return map_


def test_ingebouwde_formaten_komen_uit_onderzoekscyclus(tmp_path: Path) -> None:
    """`ozc plugins` lists every format the package registers as built in, from the
    distribution onderzoekscyclus at the package's version, loaded without error."""
    uit = ozc_proces("--json", "plugins", cwd=tmp_path)
    assert uit.returncode == 0, uit.stderr
    lijst = {p["naam"]: p for p in json.loads(uit.stdout) if p["soort"] == "exporteur"}
    for naam, doel in _ingebouwd().items():
        assert lijst[naam] == {
            "naam": naam,
            "soort": "exporteur",
            "groep": plugins.EXPORTEURS,
            "module": doel,
            "distributie": "onderzoekscyclus",
            "versie": onderzoekscyclus.__version__,
            "ingebouwd": True,
            "fout": None,
        }
    tekst = ozc_proces("plugins", cwd=tmp_path).stdout
    for naam, doel in _ingebouwd().items():
        regel = next(r for r in tekst.splitlines() if r.split()[1:2] == [naam])
        assert regel.split() == [
            "exporteur",
            naam,
            "onderzoekscyclus",
            "(ingebouwd)",
            onderzoekscyclus.__version__,
            doel,
        ]


def test_kapotte_plugin_staat_in_de_lijst_met_de_reden(tmp_path: Path, derden: Path) -> None:
    """A plugin that raises on import is listed with its distribution and the reason, the
    working third-party plugin beside it with its version; the command itself succeeds."""
    uit = ozc_proces("--json", "plugins", cwd=tmp_path, pythonpad=derden)
    assert uit.returncode == 0, uit.stderr
    lijst = {p["naam"]: p for p in json.loads(uit.stdout)}
    assert lijst["kapot"]["distributie"] == "ozc-kapot"
    assert lijst["kapot"]["fout"] == "RuntimeError: de module van deze plugin is stuk"
    assert lijst["regels"]["fout"] is None
    assert (lijst["regels"]["distributie"], lijst["regels"]["versie"]) == ("ozc-regels", "2.3.4")
    assert lijst["regels"]["ingebouwd"] is False
    assert set(_ingebouwd()) <= set(lijst)

    tekst = ozc_proces("plugins", cwd=tmp_path, pythonpad=derden)
    assert tekst.returncode == 0
    regels = tekst.stdout.splitlines()
    i = next(i for i, r in enumerate(regels) if r.split()[1:2] == ["kapot"])
    assert regels[i + 1].strip() == (
        "NIET GELADEN: RuntimeError: de module van deze plugin is stuk"
    )


def test_geen_plugins_verbergt_derden_maar_niet_de_ingebouwde(
    tmp_path: Path, derden: Path, demo: Werkplaats
) -> None:
    """With ONDERZOEKSCYCLUS_GEEN_PLUGINS=1 third-party plugins are neither listed nor
    loaded (no warning about the broken one), while every built-in format still works."""
    uit = ozc_proces("--json", "plugins", cwd=tmp_path, pythonpad=derden, geen_plugins=True)
    assert uit.returncode == 0
    exporteurs = {p["naam"] for p in json.loads(uit.stdout) if p["soort"] == "exporteur"}
    assert exporteurs == set(_ingebouwd())
    assert uit.stderr == ""
    tekst = ozc_proces("plugins", cwd=tmp_path, pythonpad=derden, geen_plugins=True).stdout
    assert "ONDERZOEKSCYCLUS_GEEN_PLUGINS" in tekst

    regels = ozc_proces("export", "regels", cwd=demo.root, pythonpad=derden, geen_plugins=True)
    assert regels.returncode == 1
    assert regels.stderr.startswith("Fout: Onbekend exportformaat 'regels'.")
    doel = tmp_path / "alles.json"
    json_uit = ozc_proces(
        "export", "json", "--uit", str(doel), cwd=demo.root, pythonpad=derden, geen_plugins=True
    )
    assert json_uit.returncode == 0, json_uit.stderr
    assert "Waarschuwing" not in json_uit.stderr
    assert len(json.loads(doel.read_text(encoding="utf-8"))["personen"]) == len(
        demo.personen.lijst()
    )


def test_voorbeeldplugin_installeert_en_exporteert(tmp_path: Path, demo: Werkplaats) -> None:
    """examples/exporteur-plugin, installed for real with pip, shows up in `ozc plugins`,
    `ozc export aantallen` counts what the werkplaats holds, and its own tests pass."""
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(site),
            str(VOORBEELD),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    lijst = ozc_proces("--json", "plugins", cwd=tmp_path, pythonpad=site)
    plugin = next(p for p in json.loads(lijst.stdout) if p["naam"] == "aantallen")
    assert (plugin["distributie"], plugin["versie"], plugin["fout"]) == (
        "ozc-aantallen",
        "1.0.0",
        None,
    )
    assert plugin["module"] == "ozc_aantallen:Aantallen"

    uit = ozc_proces("export", "aantallen", cwd=demo.root, pythonpad=site)
    assert uit.returncode == 0, uit.stderr
    regels = uit.stdout.splitlines()
    assert f"scholen: {len(demo.scholen.lijst())}" in regels
    assert f"personen: {len(demo.personen.lijst())}" in regels
    assert f"werkgroepen: {len(demo.werkgroepen.lijst())}" in regels
    assert uit.stderr.startswith("Export 'aantallen' geschreven naar standaarduitvoer.")

    bestand = tmp_path / "aantallen.txt"
    naar_bestand = ozc_proces(
        "export",
        "aantallen",
        "--werkgroep",
        "rekenen",
        "--uit",
        str(bestand),
        cwd=demo.root,
        pythonpad=site,
    )
    assert naar_bestand.returncode == 0, naar_bestand.stderr
    assert "werkgroepen: 1" in bestand.read_text(encoding="utf-8").splitlines()

    eigen = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(VOORBEELD / "tests")],
        cwd=VOORBEELD,
        env={**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert eigen.returncode == 0, eigen.stdout
    assert "2 passed" in eigen.stdout
    assert not (VOORBEELD / "build").exists()


def _eerste_partij() -> set[str]:
    """Names of the distributions this repository holds: the package and plugins/*."""
    namen = {"onderzoekscyclus"}
    for pyproject in sorted((TOP / "plugins").glob("*/pyproject.toml")):
        with pyproject.open("rb") as f:
            namen.add(tomllib.load(f)["project"]["name"].lower())
    return namen


def test_elk_geinstalleerd_formaat_heeft_een_docspagina() -> None:
    """Every export format installed from this repository (built in or a first-party
    plugin) has its page docs/export-<naam>.md that names the format."""
    eigen = _eerste_partij()
    formaten = [
        p.naam
        for p in plugins.plugins()
        if p.soort == "exporteur" and p.distributie.lower() in eigen
    ]
    assert set(_ingebouwd()) <= set(formaten)
    zonder = [n for n in formaten if not (TOP / "docs" / f"export-{n}.md").is_file()]
    assert not zonder, f"geen docs/export-<naam>.md voor: {', '.join(zonder)}"
    for naam in formaten:
        assert naam in (TOP / "docs" / f"export-{naam}.md").read_text(encoding="utf-8")


def test_plugins_md_toont_het_voorbeeld_zoals_het_is() -> None:
    """docs/plugins.md shows the example's entry point, exporter and test exactly as they
    are in examples/exporteur-plugin, and names the switch that turns plugins off."""
    tekst = (TOP / "docs" / "plugins.md").read_text(encoding="utf-8")
    with (VOORBEELD / "pyproject.toml").open("rb") as f:
        punten = tomllib.load(f)["project"]["entry-points"][plugins.EXPORTEURS]
    assert '[project.entry-points."onderzoekscyclus.exporteurs"]' in tekst
    for naam, doel in punten.items():
        assert f'{naam} = "{doel}"' in tekst
    bronnen = [
        (VOORBEELD / "src" / "ozc_aantallen" / "__init__.py").read_text(encoding="utf-8"),
        (VOORBEELD / "tests" / "test_aantallen.py").read_text(encoding="utf-8"),
    ]
    blokken = re.findall(r"^```python\n(.*?)^```", tekst, re.S | re.M)
    assert len(blokken) == 2
    for blok in blokken:
        assert any(blok in bron for bron in bronnen), blok
    assert plugins.GEEN_PLUGINS in tekst


@given(st.dates())
def test_datums_voor_plugins_zijn_nederlands_en_omkeerbaar(datum: dt.date) -> None:
    """The date helpers plugins share: Dutch month names, and the date can be read back."""
    lang, kort = lange_datum(datum), korte_datum(datum)
    dag, maand, jaar = lang.split(" ")
    assert (int(dag), int(jaar)) == (datum.day, datum.year)
    assert MAANDEN.index(maand) + 1 == datum.month
    assert kort.split(" ")[1] == AFKORTINGEN[datum.month - 1]
    assert lange_datum(dt.date(2026, 3, 8)) == "8 maart 2026"
    assert korte_datum(dt.date(2026, 3, 8)) == "8 mrt 2026"


MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
AFKORTINGEN = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
