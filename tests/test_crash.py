"""Crash safety: a writer killed at any moment leaves the old or the new file."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time

import pytest

from onderzoekscyclus import Werkplaats

from .grondig import voorbeelden

SCHRIJVER = """
import sys
from onderzoekscyclus import Werkplaats

from .grondig import voorbeelden
wp = Werkplaats.open(sys.argv[1])
i = int(sys.argv[2])
while True:
    wp.logboek.schrijf("rekenen", f"regel {i}")
    i += 1
"""


@pytest.mark.slow
def test_sigkill_op_willekeurige_momenten(gevulde_werkplaats: Werkplaats) -> None:
    """Killed mid-write again and again (20 times, 300 with OZC_GRONDIG=1): every file
    parses, the logboek is an intact prefix."""
    wp = gevulde_werkplaats
    rng = random.Random(20261123)
    for _ in range(voorbeelden(20, 300)):
        voor = len(wp.werkgroepen.zoek("rekenen").logboek)
        proces = subprocess.Popen([sys.executable, "-c", SCHRIJVER, str(wp.root), str(voor)])
        time.sleep(rng.uniform(0.15, 0.4))
        proces.send_signal(signal.SIGKILL)
        proces.wait()
        assert wp.controleer() == []
        logboek = wp.werkgroepen.zoek("rekenen").logboek
        assert len(logboek) >= voor
        nieuw = [r.tekst for r in logboek[voor:]]
        assert nieuw == [f"regel {voor + i}" for i in range(len(nieuw))]
    wp.scholen.toevoegen("Na de crash", brin="99XX", sector="po")  # takes the lock: sweeps
    assert not list(wp.root.rglob(".ozc-*.tmp"))
