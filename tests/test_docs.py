"""Docs that cannot drift: generated parts are current, examples run and parse."""

from __future__ import annotations

import importlib.util
import re
import runpy
from pathlib import Path

import pytest

from onderzoekscyclus.model import Persoon, School, Werkgroep, WerkplaatsInfo
from onderzoekscyclus.opslag import Opslag

TOP = Path(__file__).resolve().parent.parent
DOCS = TOP / "docs"


def _tools_docs():
    spec = importlib.util.spec_from_file_location("tools_docs", TOP / "tools" / "docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _blokken(pad: Path, taal: str) -> list[str]:
    return re.findall(rf"^```{taal}\n(.*?)^```", pad.read_text(encoding="utf-8"), re.S | re.M)


def test_gegenereerde_docs_zijn_actueel() -> None:
    """docs/cli.md and the Mermaid diagrams match the code (run tools/docs.py if not)."""
    for pad, tekst in _tools_docs().verwacht().items():
        assert pad.read_text(encoding="utf-8") == tekst, (
            f"{pad.name} is verouderd: python tools/docs.py"
        )


def test_elke_opdracht_staat_in_de_naslag() -> None:
    """Every command and sub-command has a section in docs/cli.md."""
    from onderzoekscyclus.cli._root import ozc

    tekst = (DOCS / "cli.md").read_text(encoding="utf-8")
    for pad in _tools_docs()._opdrachten(ozc, []):
        assert f"`ozc{''.join(' ' + p for p in pad)}`" in tekst


@pytest.mark.parametrize("pad", [TOP / "README.md", DOCS / "bibliotheek.md"], ids=lambda p: p.name)
def test_python_voorbeelden_draaien(
    pad: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Python examples in the README and the docs run without errors."""
    monkeypatch.chdir(tmp_path)
    blokken = _blokken(pad, "python")
    assert blokken
    for i, blok in enumerate(blokken):
        script = tmp_path / f"voorbeeld{i}.py"
        script.write_text(blok, encoding="utf-8")
        runpy.run_path(str(script), run_name="__main__")


SOORT_PER_KOP = {
    "onderzoekscyclus.toml": (WerkplaatsInfo, None),
    "scholen/<id>.toml": (School, "de-regenboog-hbrpzn"),
    "personen/<id>.toml": (Persoon, "persoon-565p5h"),
    "werkgroepen/<id>.toml": (Werkgroep, "rekenen-groep-5-8-k3f9x2"),
}


def test_voorbeeldbestanden_in_de_docs_zijn_geldig(tmp_path: Path) -> None:
    """Each example file in docs/werkplaats.md loads with the real loader."""
    tekst = (DOCS / "werkplaats.md").read_text(encoding="utf-8")
    opslag = Opslag(tmp_path)
    gevonden = 0
    for kop, (klasse, id_) in SOORT_PER_KOP.items():
        blok = re.search(rf"### `{re.escape(kop)}`\n\n```toml\n(.*?)```", tekst, re.S)
        assert blok, kop
        obj = opslag.ontleed(blok[1].encode(), klasse, id_, kop)
        if id_ is not None:
            assert opslag.inhoud(obj) == blok[1].encode(), f"{kop}: not as ozc writes it"
        gevonden += 1
    assert gevonden == 4


def test_readme_begint_met_de_twee_opdrachten() -> None:
    """The README opens with exactly the two commands CI runs."""
    assert _blokken(TOP / "README.md", "sh")[0].splitlines() == [
        "python -m pip install -r requirements.txt && ozc demo demo-werkplaats --vervang",
        "python -m pytest",
    ]
