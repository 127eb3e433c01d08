"""Concurrency: processes that write at once never lose an update."""

from __future__ import annotations

import json
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


GEMENGD = """
import json, sys, threading
from onderzoekscyclus import OnderzoekscyclusError, Werkplaats

root, proces, draden, rondes, gedeeld = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
fouten, buiten = [], []
eigen = Werkplaats.open(root) if gedeeld else None

def werk(draad):
    wp = eigen or Werkplaats.open(root)
    for i in range(rondes):
        naam = f"Leerkracht {proces}-{draad}-{i}"
        try:
            wp.personen.toevoegen(naam, school="De Regenboog")
            wp.werkgroepen.lid("rekenen", naam)
            wp.logboek.schrijf("rekenen", f"regel {proces}-{draad}-{i}")
        except OnderzoekscyclusError as fout:
            fouten.append(f"{type(fout).__name__}: {fout}")
        except Exception as fout:
            buiten.append(f"{type(fout).__name__}: {fout}")

alle = [threading.Thread(target=werk, args=(d,)) for d in range(draden)]
for d in alle:
    d.start()
for d in alle:
    d.join()
print(json.dumps({"fouten": fouten, "buiten": buiten}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("gedeeld", [True, False], ids=["een-object", "object-per-draad"])
@pytest.mark.parametrize("met_index", [False, True], ids=["zonder-index", "met-index"])
def test_draden_en_processen_verliezen_niets(
    gevulde_werkplaats: Werkplaats, gedeeld: bool, met_index: bool
) -> None:
    """2 processes × 4 threads × 10 rounds of (person, member, log entry) on one
    werkplaats, with one Werkplaats object shared by a process's threads or one per
    thread: every write is there afterwards and nothing raised at all."""
    wp = gevulde_werkplaats
    if met_index:
        from onderzoekscyclus.opslag.index import Index

        with Index(wp.root) as index:
            index.herbouw()
    processen, draden, rondes = 2, 4, 10
    getallen = [str(draden), str(rondes), str(int(gedeeld))]
    lopend = [
        subprocess.Popen(
            [sys.executable, "-c", GEMENGD, str(wp.root), str(p), *getallen],
            stdout=subprocess.PIPE,
            text=True,
        )
        for p in range(processen)
    ]
    uitkomsten = [json.loads(p.communicate(timeout=300)[0]) for p in lopend]
    assert [p.returncode for p in lopend] == [0] * processen
    assert [u["buiten"] for u in uitkomsten] == [[]] * processen
    assert [u["fouten"] for u in uitkomsten] == [[]] * processen
    verwacht = {
        f"Leerkracht {p}-{d}-{i}"
        for p in range(processen)
        for d in range(draden)
        for i in range(rondes)
    }
    namen = {p.naam for p in wp.personen.lijst()}
    assert verwacht <= namen
    groep = wp.werkgroepen.zoek("rekenen")
    per_id = {p.id: p.naam for p in wp.personen.lijst()}
    assert verwacht <= {per_id[lid.persoon] for lid in groep.leden}
    regels = {r.tekst for r in groep.logboek}
    assert {n.replace("Leerkracht", "regel") for n in verwacht} <= regels
    assert len(groep.logboek) == 1 + len(verwacht)
