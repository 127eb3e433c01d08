"""Translations: complete, compiled, and used for our messages and click's."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

TOP = Path(__file__).resolve().parent.parent
EN = TOP / "src" / "onderzoekscyclus" / "locale" / "en" / "LC_MESSAGES" / "onderzoekscyclus.po"


def _tool():
    spec = importlib.util.spec_from_file_location("vertalingen", TOP / "tools" / "vertalingen.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogi_zijn_compleet_en_gecompileerd() -> None:
    """Every message has a translation and every .mo matches its .po."""
    assert _tool().problemen() == []


def test_plaatshouders_blijven_gelijk() -> None:
    """A translation keeps exactly the {placeholders} of its message."""
    with EN.open("rb") as f:
        catalogus = read_po(f)
    for bericht in catalogus:
        if not bericht.id:
            continue
        ids = bericht.id if isinstance(bericht.id, tuple) else (bericht.id,)
        teksten = bericht.string if isinstance(bericht.string, tuple) else (bericht.string,)
        for bron, doel in zip(ids, teksten, strict=False):
            assert sorted(re.findall(r"\{[^}]*\}", bron)) == sorted(
                re.findall(r"\{[^}]*\}", doel)
            ), bron


def _ozc(*args: str, cwd: Path, **omgeving: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LANG", "ONDERZOEKSCYCLUS_TAAL")
    }
    env.update(omgeving)
    return subprocess.run(
        [sys.executable, "-m", "onderzoekscyclus", *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )


@pytest.fixture
def werkplaats_map(tmp_path: Path) -> Path:
    assert _ozc("init", "wp", "--naam", "T", cwd=tmp_path).returncode == 0
    return tmp_path / "wp"


def test_engels_met_taal_optie_en_omgevingsvariabele(werkplaats_map: Path) -> None:
    """--taal en and ONDERZOEKSCYCLUS_TAAL=en give English, for our errors and click's."""
    fout = _ozc(
        "--taal",
        "en",
        "school",
        "toevoegen",
        "X",
        "--brin",
        "1234",
        "--sector",
        "po",
        cwd=werkplaats_map,
    )
    assert fout.returncode != 0
    assert "Error: Invalid BRIN code '1234'." in fout.stderr
    hulp = _ozc("school", "--help", cwd=werkplaats_map, ONDERZOEKSCYCLUS_TAAL="en")
    assert "Usage:" in hulp.stdout and "Show this message and exit." in hulp.stdout


def test_standaard_nederlands_ook_met_engelse_locale(werkplaats_map: Path) -> None:
    """Without a choice, messages are Dutch, whatever the system locale says."""
    for locale in ("C", "en_US.UTF-8"):
        uit = _ozc("school", "toevoegen", "X", "--sector", "po", cwd=werkplaats_map, LANG=locale)
        assert "Fout: Ontbrekende optie '--brin'." in uit.stderr
        assert "Gebruik:" in uit.stderr
