"""Concurrency: processes that write at once never lose an update."""

from __future__ import annotations

import subprocess
import sys

import pytest

from onderzoekscyclus import Werkplaats

SCHRIJVER = """
import sys
from onderzoekscyclus import Werkplaats
wp = Werkplaats.open(sys.argv[1])
for i in range(100):
    wp.logboek.schrijf("rekenen", f"proces {sys.argv[2]} regel {i}")
"""


@pytest.mark.slow
def test_vier_processen_elk_honderd_regels(gevulde_werkplaats: Werkplaats) -> None:
    """4 processes × 100 log entries: all 400 are there afterwards."""
    wp = gevulde_werkplaats
    voor = len(wp.werkgroepen.zoek("rekenen").logboek)
    processen = [
        subprocess.Popen([sys.executable, "-c", SCHRIJVER, str(wp.root), str(n)]) for n in range(4)
    ]
    assert [p.wait(timeout=120) for p in processen] == [0, 0, 0, 0]
    teksten = [r.tekst for r in wp.werkgroepen.zoek("rekenen").logboek[voor:]]
    assert len(teksten) == 400
    assert set(teksten) == {f"proces {n} regel {i}" for n in range(4) for i in range(100)}


@pytest.mark.slow
def test_gelijktijdig_via_de_cli(gevulde_werkplaats: Werkplaats) -> None:
    """The same through `ozc log` in separate processes (4 × 10)."""
    wp = gevulde_werkplaats
    voor = len(wp.werkgroepen.zoek("rekenen").logboek)
    script = (
        "import subprocess, sys\n"
        "for i in range(10):\n"
        "    subprocess.run([sys.executable, '-m', 'onderzoekscyclus', '--werkplaats', sys.argv[1],"
        " 'log', 'rekenen', f'cli {sys.argv[2]}-{i}'], check=True, capture_output=True)\n"
    )
    processen = [
        subprocess.Popen([sys.executable, "-c", script, str(wp.root), str(n)]) for n in range(4)
    ]
    assert [p.wait(timeout=120) for p in processen] == [0, 0, 0, 0]
    assert len(wp.werkgroepen.zoek("rekenen").logboek) == voor + 40
