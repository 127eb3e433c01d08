"""Run charts: does a series of measurements show a real change, or ordinary variation?

Two measurements cannot tell an improvement from noise; a series can. A run chart
puts the measurements in time order around a centre line (the median) and applies a
few well-studied rules that say when the pattern is unlikely to be chance:

* **Anhøj** (as in the R package qicharts2): with ``n`` the useful observations (the
  points not on the median), a signal when the longest run on one side of the median
  is longer than ``round(log2(n) + 3)``, or when the series crosses the median fewer
  times than the 5th percentile of the binomial distribution ``B(n − 1, ½)``;
* **IHI**: a *shift* of 6 or more consecutive points on one side of the median, or a
  *trend* of 5 or more consecutive points all going up or all going down (equal
  neighbours count once); a point on the median neither counts nor breaks a run.

With fewer than :data:`MINIMUM` points no verdict is given: the answer says how many
more measurements are needed.

Pure: no I/O, no clock. The charts themselves are drawn elsewhere.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

import attrs

__all__ = [
    "MINIMUM",
    "Anhoej",
    "Ihi",
    "Runanalyse",
    "analyseer",
    "anhoej",
    "grenzen",
    "ihi",
    "kruisingen_minimum",
    "langste_run_maximum",
]

MINIMUM = 10
"""Fewer points than this give no verdict (the rules need at least this many)."""


def langste_run_maximum(n: int) -> int:
    """The longest run on one side of the median that ``n`` useful points may have
    without a signal: ``round(log2(n) + 3)``."""
    return round(math.log2(n) + 3)


def kruisingen_minimum(n: int) -> int:
    """The fewest crossings of the median ``n`` useful points may have without a
    signal: the 5th percentile of ``B(n − 1, ½)`` (the smallest ``k`` with
    ``P(X ≤ k) ≥ 0.05``, as R's ``qbinom(0.05, n − 1, 0.5)``)."""
    proeven = n - 1
    totaal = 2**proeven
    cumulatief = 0
    for k in range(proeven + 1):
        cumulatief += math.comb(proeven, k)
        if cumulatief * 20 >= totaal:  # P(X ≤ k) ≥ 0.05, in whole numbers
            return k
    return proeven


def grenzen(n: int) -> tuple[int, int]:
    """``(longest run allowed, fewest crossings allowed)`` for ``n`` useful points."""
    return langste_run_maximum(n), kruisingen_minimum(n)


def _kanten(waarden: Sequence[float], midden: float) -> list[int]:
    """+1 above the median, −1 below; points on it left out."""
    return [1 if w > midden else -1 for w in waarden if w != midden]


@attrs.frozen
class Anhoej:
    """The Anhøj rules for one series: the useful points, the longest run and the
    crossings, each with its limit, and whether either signals."""

    nuttig: int
    langste_run: int
    langste_run_max: int
    kruisingen: int
    kruisingen_min: int

    @property
    def run_signaal(self) -> bool:
        """A run on one side of the median longer than chance makes likely."""
        return self.langste_run > self.langste_run_max

    @property
    def kruisingen_signaal(self) -> bool:
        """Fewer crossings of the median than chance makes likely."""
        return self.kruisingen < self.kruisingen_min

    @property
    def signaal(self) -> bool:
        """Either rule signals non-random variation."""
        return self.run_signaal or self.kruisingen_signaal


def anhoej(waarden: Sequence[float], midden: float) -> Anhoej:
    """The Anhøj rules for ``waarden`` (in time order) around the centre ``midden``."""
    kanten = _kanten(waarden, midden)
    langste = huidig = 0
    vorige = 0
    kruisingen = 0
    for kant in kanten:
        if kant == vorige:
            huidig += 1
        else:
            if vorige:
                kruisingen += 1
            huidig = 1
        vorige = kant
        langste = max(langste, huidig)
    n = len(kanten)
    maximum, minimum = grenzen(n) if n else (0, 0)
    return Anhoej(n, langste, maximum, kruisingen, minimum)


@attrs.frozen
class Ihi:
    """The IHI rules for one series: the longest shift and the longest trend, and
    where each signalling one starts (the index of its first point), if any."""

    langste_verschuiving: int
    langste_trend: int
    verschuiving_vanaf: int | None = None
    trend_vanaf: int | None = None

    @property
    def signaal(self) -> bool:
        """A shift (6 or more) or a trend (5 or more)."""
        return self.verschuiving_vanaf is not None or self.trend_vanaf is not None


VERSCHUIVING = 6
"""Points on one side of the median that make an IHI shift."""
TREND = 5
"""Points all going up or all going down that make an IHI trend."""


def ihi(waarden: Sequence[float], midden: float) -> Ihi:
    """The IHI rules for ``waarden`` (in time order) around the centre ``midden``."""
    langste_v, huidig_v, begin_v, vorige = 0, 0, 0, 0
    verschuiving: int | None = None
    for i, w in enumerate(waarden):
        if w == midden:
            continue  # neither counts nor breaks a run
        kant = 1 if w > midden else -1
        if kant == vorige:
            huidig_v += 1
        else:
            huidig_v, begin_v = 1, i
        vorige = kant
        langste_v = max(langste_v, huidig_v)
        if huidig_v >= VERSCHUIVING and verschuiving is None:
            verschuiving = begin_v
    langste_t, huidig_t, begin_t, richting = 1 if waarden else 0, 1, 0, 0
    trend: int | None = None
    vorige_waarde: float | None = None
    laatste_index = 0
    for i, w in enumerate(waarden):
        if vorige_waarde is None:
            vorige_waarde, begin_t, laatste_index = w, i, i
            continue
        if w == vorige_waarde:
            continue  # equal neighbours count once
        stap = 1 if w > vorige_waarde else -1
        if stap == richting:
            huidig_t += 1
        else:
            huidig_t, begin_t, richting = 2, laatste_index, stap
        vorige_waarde, laatste_index = w, i
        langste_t = max(langste_t, huidig_t)
        if huidig_t >= TREND and trend is None:
            trend = begin_t
    return Ihi(langste_v, langste_t, verschuiving, trend)


@attrs.frozen
class Runanalyse:
    """A series read as a run chart: its centre (the median of the baseline, or of all
    points without one), how many points it has, and the verdict of both sets of
    rules (``None`` with fewer than :data:`MINIMUM` points: ``tekort`` then says how
    many more are needed)."""

    midden: float
    uit_basislijn: bool
    punten: int
    anhoej: Anhoej | None
    ihi: Ihi | None

    @property
    def tekort(self) -> int:
        """How many more points a verdict needs (0 when there is one)."""
        return max(0, MINIMUM - self.punten)

    @property
    def signaal(self) -> bool | None:
        """Non-random change by either set of rules; ``None`` without a verdict."""
        if self.anhoej is None or self.ihi is None:
            return None
        return self.anhoej.signaal or self.ihi.signaal


def analyseer(waarden: Sequence[float], basislijn: int = 0) -> Runanalyse:
    """Read ``waarden`` (in time order) as a run chart. The first ``basislijn`` points
    (the nulmeting and the measurements before the plan started) give the median; with
    none (or all), every point does."""
    if not waarden:
        return Runanalyse(0.0, False, 0, None, None)
    eigen = 0 < basislijn < len(waarden)
    midden = statistics.median(waarden[:basislijn] if eigen else waarden)
    if len(waarden) < MINIMUM:
        return Runanalyse(midden, eigen, len(waarden), None, None)
    return Runanalyse(midden, eigen, len(waarden), anhoej(waarden, midden), ihi(waarden, midden))
