"""Quick commands stay quick: they do not load networkx or the domain classes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from onderzoekscyclus import Werkplaats

CONTROLE = """
import sys
from onderzoekscyclus.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    if stop.code not in (0, None):
        raise
zwaar = sorted(m for m in ("networkx", "attrs", "cattrs", "onderzoekscyclus.domein.model") if m in sys.modules)
print("geladen:", ",".join(zwaar))
"""


def _geladen(*args: str, cwd: Path) -> set[str]:
    uit = subprocess.run(
        [sys.executable, "-c", CONTROLE, *args], capture_output=True, text=True, cwd=cwd, check=True
    )
    regel = uit.stdout.strip().splitlines()[-1]
    assert regel.startswith("geladen:")
    return {m for m in regel.removeprefix("geladen:").strip().split(",") if m}


@pytest.mark.parametrize("opdracht", [["--version"], ["log", "rekenen", "Snel genoteerd"]])
def test_snelle_opdrachten_laden_weinig(
    gevulde_werkplaats: Werkplaats, opdracht: list[str]
) -> None:
    """`ozc --version` and `ozc log` import neither networkx nor attrs/cattrs."""
    assert _geladen(*opdracht, cwd=gevulde_werkplaats.root) == set()


def test_log_schrijft_echt(gevulde_werkplaats: Werkplaats) -> None:
    """The light path really appends (and keeps the file valid)."""
    _geladen(
        "log", "rekenen", "Via het lichte pad", "--auteur", "anna", cwd=gevulde_werkplaats.root
    )
    laatste = gevulde_werkplaats.werkgroepen.zoek("rekenen").logboek[-1]
    assert laatste.tekst == "Via het lichte pad"
    assert laatste.auteur == gevulde_werkplaats.personen.zoek("anna").id
    assert gevulde_werkplaats.controleer() == []


def test_log_lezen_mag_meer_laden(gevulde_werkplaats: Werkplaats) -> None:
    """Reading the logboek (`ozc log WERKGROEP` without text) loads the library it needs,
    in a process of its own, and shows the line the werkgroep wrote."""
    uit = subprocess.run(
        [sys.executable, "-m", "onderzoekscyclus", "log", "rekenen"],
        capture_output=True,
        text=True,
        cwd=gevulde_werkplaats.root,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    assert "Toetsresultaten besproken (Anna de Vries)" in uit.stdout
