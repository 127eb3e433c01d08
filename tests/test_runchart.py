"""The run chart rules (Anhøj, IHI) on hand-checked series, and their limits."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderzoekscyclus.domein.runchart import (
    MINIMUM,
    analyseer,
    anhoej,
    grenzen,
    ihi,
    kruisingen_minimum,
)


def _qbinom_05(proeven: int) -> int:
    """R's qbinom(0.05, proeven, 0.5), worked out with exact fractions."""
    cumulatief = Fraction(0)
    for k in range(proeven + 1):
        cumulatief += Fraction(math.comb(proeven, k), 2**proeven)
        if cumulatief >= Fraction(1, 20):
            return k
    return proeven


# n -> (longest run allowed, fewest crossings allowed), as Anhøj's tables give them
ANHOEJ = {
    10: (6, 2), 11: (6, 2), 12: (7, 3), 13: (7, 3), 14: (7, 4), 15: (7, 4), 16: (7, 4),
    17: (7, 5), 18: (7, 5), 19: (7, 6), 20: (7, 6), 21: (7, 6), 22: (7, 7), 23: (8, 7),
    24: (8, 8), 25: (8, 8), 26: (8, 8), 27: (8, 9), 28: (8, 9), 29: (8, 10), 30: (8, 10),
}  # fmt: skip


@pytest.mark.parametrize("n", sorted(ANHOEJ))
def test_grenzen_zoals_de_tabel(n: int) -> None:
    assert grenzen(n) == ANHOEJ[n]
    assert kruisingen_minimum(n) == _qbinom_05(n - 1)


@given(st.integers(2, 200))
def test_kruisingen_minimum_is_het_5e_percentiel(n: int) -> None:
    assert kruisingen_minimum(n) == _qbinom_05(n - 1)


def test_afwisselend_is_geen_signaal() -> None:
    reeks = [1.0, 3.0] * 6
    a = anhoej(reeks, 2.0)
    assert (a.nuttig, a.langste_run, a.kruisingen) == (12, 1, 11)
    assert not a.signaal
    assert not ihi(reeks, 2.0).signaal
    assert analyseer(reeks).signaal is False


def test_een_verschuiving_na_de_basislijn() -> None:
    """Four baseline points, then eight above their median: a shift since point 5."""
    reeks = [40.0, 42.0, 41.0, 43.0, 48.0, 50.0, 47.0, 52.0, 55.0, 51.0, 53.0, 56.0]
    uit = analyseer(reeks, basislijn=4)
    assert uit.uit_basislijn and uit.midden == 41.5
    assert uit.anhoej is not None and uit.anhoej.run_signaal
    # 41 (below) breaks the run; from 43 on every point is above 41.5: nine in a row
    assert uit.ihi is not None and uit.ihi.verschuiving_vanaf == 3
    assert uit.ihi.langste_verschuiving == 9
    assert uit.signaal is True


def test_punten_op_de_mediaan_tellen_niet_en_breken_niet() -> None:
    reeks = [5.0, 6.0, 5.0, 6.0, 5.0, 6.0, 5.0, 6.0, 5.0, 6.0, 5.0, 6.0]
    a = anhoej(reeks, 5.0)
    assert (a.nuttig, a.langste_run, a.kruisingen) == (6, 6, 0)
    assert ihi(reeks, 5.0).verschuiving_vanaf == 1


def test_een_trend_met_gelijke_buren() -> None:
    """Equal neighbours count once: 1 2 2 3 4 5 is a trend of five."""
    assert ihi([1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 1.0], 3.0).trend_vanaf == 0
    assert ihi([1.0, 2.0, 2.0, 3.0, 4.0, 1.0], 3.0).trend_vanaf is None
    omlaag = ihi([9.0, 8.0, 9.0, 8.0, 7.0, 6.0, 5.0], 7.0)
    assert (omlaag.trend_vanaf, omlaag.langste_trend) == (2, 5)


def test_te_weinig_punten_geeft_geen_oordeel() -> None:
    uit = analyseer([1.0, 2.0, 3.0])
    assert uit.signaal is None and uit.tekort == MINIMUM - 3
    assert analyseer([]).signaal is None
