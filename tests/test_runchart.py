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
    regelkaart,
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


def test_de_langste_run_weet_waar_hij_begint_en_aan_welke_kant() -> None:
    # median 5: 6 above, 4 below, then five above with one on the median in between
    a = anhoej([6.0, 4.0, 7.0, 8.0, 5.0, 9.0, 6.0, 7.0], 5.0)
    assert (a.langste_run, a.langste_run_vanaf, a.langste_run_kant) == (5, 2, 1)
    i = ihi([9.0, 8.0, 7.0, 7.0, 6.0, 5.0, 6.0], 7.0)
    assert (i.trend_vanaf, i.trend_richting, i.langste_trend) == (0, -1, 5)


# --- control limits (NHS "Making Data Count") ------------------------------------------------


def test_regelkaart_grenzen_met_de_hand() -> None:
    """Mean 10, moving ranges all 2: limits at 10 ± 2.66 × 2."""
    k = regelkaart([9.0, 11.0] * 6)
    assert k is not None
    assert (k.gemiddelde, k.bewegend_bereik) == (10.0, 2.0)
    assert k.bovengrens == pytest.approx(15.32) and k.ondergrens == pytest.approx(4.68)
    assert not k.signaal


def test_regelkaart_signalen() -> None:
    stabiel = [9.0, 11.0] * 6
    buiten = regelkaart([*stabiel[:-1], 30.0])
    assert buiten is not None and buiten.buiten == (11,)
    kant = regelkaart([9.0, 11.0, 9.0, 11.0, 9.0, 12.0, 12.5, 12.0, 12.5, 12.0, 12.5, 12.0])
    assert kant is not None and kant.aan_een_kant == 5 and kant.buiten == ()
    stijgend = regelkaart([10.0, 9.0, 11.0, 10.0, 9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0, 12.5])
    assert stijgend is not None and stijgend.trend == 4  # 9 (index 4) up to 12.5
    # mean 133/12 = 11.08, average moving range 14.5/11 = 1.32, upper limit 14.59; the
    # outer third starts at 13.42: 13.5, 12, 13.5 is two of three near the upper limit
    dicht = regelkaart([10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 13.5, 12.0, 13.5])
    assert dicht is not None and dicht.dicht_bij_grens == 11 and dicht.buiten == ()


def test_regelkaart_pas_vanaf_12_punten() -> None:
    assert regelkaart([1.0] * 11) is None
    vlak = regelkaart([3.0] * 12)
    assert vlak is not None and vlak.bewegend_bereik == 0 and vlak.dicht_bij_grens is None
