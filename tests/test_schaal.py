"""A partnership of hundreds of schools: answers from the index, in pages a person reads.

A werkplaats of 120 made-up schools (more than 500 werkgroepen, so every list answers
from the derived index). The summary of ``status`` must count exactly what the whole
status counts; lists show a first page and say how to see more; ``--alle`` and
``--json`` give everything.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from onderzoekscyclus import VasteKlok, Werkplaats
from onderzoekscyclus.demo.schaal import maak_grote_demo

from .conftest import Ozc

DAG = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def groot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return maak_grote_demo(tmp_path_factory.mktemp("groot") / "wp", 120, vandaag=DAG)


def test_de_samenvatting_telt_wat_de_hele_status_telt(groot: Path) -> None:
    """status(top=N) from the index gives the same counts, attention points and phases as
    reading everything, and of the werkgroepen the N that most need a step, each as the
    whole status shows it."""
    wp = Werkplaats.open(groot, vandaag=VasteKlok(DAG))
    heel = wp.status()
    kort = wp.status(top=7)
    assert heel.aantal_werkgroepen > 500
    assert (kort.scholen, kort.personen, kort.aantal_werkgroepen) == (
        heel.scholen,
        heel.personen,
        heel.aantal_werkgroepen,
    )
    assert kort.per_fase == heel.per_fase
    assert sum(kort.per_fase.values()) == heel.aantal_werkgroepen
    assert sorted(kort.aandachtspunten, key=str) == sorted(heel.aandachtspunten, key=str)
    assert len(kort.werkgroepen) == 7 and kort.samengevat and not heel.samengevat
    alle = {r.id: r for r in heel.werkgroepen}
    assert all(alle[r.id] == r for r in kort.werkgroepen)
    # the ones chosen need a step: a running cycle, the oldest first
    assert all(r.fase is not None and r.fase.value != "afgerond" for r in kort.werkgroepen)
    lopend = {
        s: sum(
            1
            for r in heel.werkgroepen
            if s in r.scholen
            and r.fase is not None
            and r.fase.value != "afgerond"
            and not r.gepauzeerd
        )
        for s in {s for r in heel.werkgroepen for s in r.scholen}
    }
    assert [t.lopend for t in kort.per_school] == [lopend[t.id] for t in kort.per_school]
    assert kort.per_school[0].lopend == max(lopend.values())
    assert all(t.id in kort.namen for t in kort.per_school)


def test_ozc_status_vat_een_groot_partnerschap_samen(groot: Path, ozc: Ozc) -> None:
    """`ozc status` fits on a screen or two and says how to see more; --alle shows every
    werkgroep."""
    uit = ozc("--werkplaats", str(groot), "status")
    assert uit.exit_code == 0, uit.output
    regels = uit.stdout.splitlines()
    assert len(regels) < 80
    assert any(r.startswith("Werkgroepen per fase van hun cyclus:") for r in regels)
    assert "De 10 werkgroepen die het meest een stap nodig hebben (van" in uit.stdout
    assert "`ozc status --alle`" in uit.stdout
    alles = ozc("--werkplaats", str(groot), "status", "--alle")
    assert alles.stdout.count("\n  ") > 500
    data = json.loads(ozc("--werkplaats", str(groot), "--json", "status").stdout)
    assert data["aantal_werkgroepen"] > 500 and len(data["werkgroepen"]) == 10


@pytest.mark.parametrize("soort", ["school", "persoon", "werkgroep"])
def test_lijsten_tonen_eerst_een_pagina(groot: Path, ozc: Ozc, soort: str) -> None:
    """A list shows 50 and how to see more; --alle and --json give every one, in the
    same order as the pages."""
    wp = ("--werkplaats", str(groot))
    eerste = ozc(*wp, soort, "lijst")
    assert eerste.exit_code == 0, eerste.output
    regels = eerste.stdout.splitlines()
    assert regels[-1] == "Er is meer: zie de volgende pagina met --pagina 2, of alles met --alle."
    ids = [r.rsplit("(", 1)[1].rstrip(")") for r in regels[:-1] if r.endswith(")")]
    assert len(ids) == 50
    data = json.loads(ozc(*wp, "--json", soort, "lijst").stdout)
    assert len(data) > 50
    assert [d["id"] for d in data[:50]] == ids
    alle = ozc(*wp, soort, "lijst", "--alle").stdout
    assert "Er is meer" not in alle
    assert all(d["id"] in alle for d in data)
    tweede = json.loads(ozc(*wp, "--json", soort, "lijst", "--pagina", "2").stdout)
    assert [d["id"] for d in tweede] == [d["id"] for d in data[50:100]]
    fout = ozc(*wp, soort, "lijst", "--alle", "--pagina", "2")
    assert fout.exit_code == 2


def test_het_grote_voorbeeld_is_zelf_in_orde(groot: Path) -> None:
    """The made-up partnership passes its own check (two networks of one board on the
    same theme once gave a school two werkgroepen with one name)."""
    assert Werkplaats.open(groot, vandaag=VasteKlok(DAG)).controleer() == []
