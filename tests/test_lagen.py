"""The house: every import points down, no cycles, plugins use public modules, and the
domain does no I/O, reads no clock or environment and knows no command."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .gereedschap import laad

TOP = Path(__file__).resolve().parent.parent
DOMEIN = TOP / "src" / "onderzoekscyclus" / "domein"


def _lagen() -> ModuleType:
    return laad("lagen")


def test_het_pakket_houdt_zich_aan_de_lagen() -> None:
    """tools/lagen.py finds no upward import, no cycle and no private import in a plugin."""
    graaf, fouten = _lagen().onderzoek()
    assert fouten == []
    assert len(graaf) > 50


def test_lagenkaart_als_programma() -> None:
    """`python tools/lagen.py --check` runs on its own, prints the map and exits 0."""
    uit = subprocess.run(
        [sys.executable, str(TOP / "tools" / "lagen.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert uit.returncode == 0, uit.stdout
    lagen = [r.split()[0] for r in uit.stdout.splitlines()[1:8]]
    assert lagen == ["cli", "demo", "export", "api", "opslag", "domein", "basis"]
    assert ", 0 fouten" in uit.stdout


def _schrijf(wortel: Path, pad: str, tekst: str) -> None:
    bestand = wortel / pad
    bestand.parent.mkdir(parents=True, exist_ok=True)
    bestand.write_text(tekst, encoding="utf-8")


def test_een_pijl_omhoog_een_kringloop_en_een_private_plugin_import_falen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a small made-up package the checker finds each kind of violation, also when
    the import sits inside a function (a lazy import may not hide one)."""
    lagen = _lagen()
    bron = tmp_path / "src" / "onderzoekscyclus"
    for pakket in ("", "domein/", "api/"):
        _schrijf(bron, f"{pakket}__init__.py", "")
    _schrijf(bron, "domein/regel.py", "def f():\n    from onderzoekscyclus.api import dienst\n")
    _schrijf(bron, "api/dienst.py", "from onderzoekscyclus.api import hulp\n")
    _schrijf(bron, "api/hulp.py", "from onderzoekscyclus.api.dienst import x\n")
    _schrijf(
        tmp_path, "plugins/p/src/ozc_p/__init__.py", "from onderzoekscyclus.api import dienst\n"
    )
    monkeypatch.setattr(lagen, "TOP", tmp_path)
    monkeypatch.setattr(lagen, "BRON", bron)
    _graaf, fouten = lagen.onderzoek()
    assert any("domein.regel (domein) importeert onderzoekscyclus.api.dienst" in f for f in fouten)
    assert (
        "kringloop: onderzoekscyclus.api.dienst -> onderzoekscyclus.api.hulp -> "
        "onderzoekscyclus.api.dienst" in fouten
    )
    assert any("een plugin importeert onderzoekscyclus.api.dienst" in f for f in fouten)
    assert len(fouten) == 3


_VERBODEN_MODULES = {"os", "pathlib", "io", "sqlite3", "subprocess", "shutil", "tempfile"}
_VERBODEN_MODULES |= {"secrets", "random", "time", "importlib", "sys", "socket", "urllib"}


def _domeinbestanden() -> list[Path]:
    return sorted(DOMEIN.glob("*.py"))


@pytest.mark.parametrize("pad", _domeinbestanden(), ids=lambda p: p.name)
def test_het_domein_doet_geen_io_en_kent_geen_opdrachten(pad: Path) -> None:
    """A domain module opens no file, imports nothing that does I/O or reads the
    environment or the clock, and holds no `ozc` command line."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            assert not {a.name.split(".")[0] for a in knoop.names} & _VERBODEN_MODULES
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            assert knoop.module.split(".")[0] not in _VERBODEN_MODULES, knoop.module
        elif isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Name):
            assert knoop.func.id != "open", knoop.lineno
        elif isinstance(knoop, ast.Attribute):
            assert knoop.attr not in ("environ", "getenv", "today", "now"), knoop.lineno
        elif isinstance(knoop, ast.Constant) and isinstance(knoop.value, str):
            assert "ozc " not in knoop.value, (knoop.lineno, knoop.value)
