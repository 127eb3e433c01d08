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
more measurements are needed. (qicharts2 gives a verdict for any length; the rules are
too weak below 10 points to tell a teacher anything.)

For series of :data:`SPC_MINIMUM` points or more, :func:`regelkaart` adds an individuals
control chart: limits at the mean ± 2.66 × the average moving range, with the NHS
"Making Data Count" signals.

Pure: no I/O, no clock. The charts themselves are drawn elsewhere.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence

import attrs

__all__ = [
    "MINIMUM",
    "Anhoej",
    "Ihi",
    "Regelkaart",
    "Runanalyse",
    "analyseer",
    "anhoej",
    "grenzen",
    "ihi",
    "kruisingen_minimum",
    "langste_run_maximum",
    "regelkaart",
]

MINIMUM = 10
"""Fewer points than this give no verdict (the rules need at least this many)."""


def langste_run_maximum(n: int) -> int:
    """The longest run on one side of the median that ``n`` useful points may have
    without a signal: ``round(log2(n) + 3)``."""
    return round(math.log2(n) + 3)


@functools.cache
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
class _Reeks:
    """The longest stretch of a kind found in a series: how long, where it starts (the
    index of its first point), which way it goes (+1 above/up, −1 below/down), and
    where the first one of at least the asked length starts."""

    langste: int = 0
    vanaf: int | None = None
    kant: int = 0
    eerste: int | None = None


def _aan_een_kant(waarden: Sequence[float], midden: float, lengte: int) -> _Reeks:
    """Runs of consecutive points on one side of ``midden``; a point on it neither
    counts nor breaks a run."""
    langste, huidig, begin, vorige = 0, 0, 0, 0
    vanaf: int | None = None
    eerste: int | None = None
    kant_langste = 0
    for i, w in enumerate(waarden):
        if w == midden:
            continue
        kant = 1 if w > midden else -1
        if kant == vorige:
            huidig += 1
        else:
            huidig, begin = 1, i
        vorige = kant
        if huidig > langste:
            langste, vanaf, kant_langste = huidig, begin, kant
        if huidig >= lengte and eerste is None:
            eerste = begin
    return _Reeks(langste, vanaf, kant_langste, eerste)


def _trend(waarden: Sequence[float], lengte: int) -> _Reeks:
    """Consecutive points all going up or all going down; equal neighbours count once."""
    if not waarden:
        return _Reeks()
    langste, huidig, begin, richting = 1, 1, 0, 0
    vanaf: int | None = 0
    eerste: int | None = None
    richting_langste = 0
    vorige_waarde, vorige_index = waarden[0], 0
    for i, w in enumerate(waarden[1:], start=1):
        if w == vorige_waarde:
            continue  # equal neighbours count once
        stap = 1 if w > vorige_waarde else -1
        if stap == richting:
            huidig += 1
        else:
            huidig, begin, richting = 2, vorige_index, stap
        vorige_waarde, vorige_index = w, i
        if huidig > langste:
            langste, vanaf, richting_langste = huidig, begin, richting
        if huidig >= lengte and eerste is None:
            eerste = begin
    return _Reeks(langste, vanaf, richting_langste, eerste)


@attrs.frozen
class Anhoej:
    """The Anhøj rules for one series: the useful points, the longest run and the
    crossings, each with its limit, and whether either signals. ``langste_run_vanaf``
    is the index of the first point of the longest run and ``langste_run_kant`` its
    side (+1 above the median, −1 below).

    .. versionchanged:: 0.2.0 ``langste_run_vanaf`` and ``langste_run_kant``
    """

    nuttig: int
    langste_run: int
    langste_run_max: int
    kruisingen: int
    kruisingen_min: int
    langste_run_vanaf: int | None = None
    langste_run_kant: int = 0

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
    kruisingen = sum(1 for a, b in itertools.pairwise(kanten) if a != b)
    runs = _aan_een_kant(waarden, midden, 0)
    n = len(kanten)
    maximum, minimum = grenzen(n) if n else (0, 0)
    return Anhoej(n, runs.langste, maximum, kruisingen, minimum, runs.vanaf, runs.kant)


VERSCHUIVING = 6
"""Points on one side of the median that make an IHI shift."""
TREND = 5
"""Points all going up or all going down that make an IHI trend."""


@attrs.frozen
class Ihi:
    """The IHI rules for one series: the longest shift and the longest trend, and
    where each signalling one starts (the index of its first point), if any, with its
    way (+1 above the median or going up, −1 below or going down).

    .. versionchanged:: 0.2.0 ``verschuiving_kant`` and ``trend_richting``
    """

    langste_verschuiving: int
    langste_trend: int
    verschuiving_vanaf: int | None = None
    trend_vanaf: int | None = None
    verschuiving_kant: int = 0
    trend_richting: int = 0

    @property
    def signaal(self) -> bool:
        """A shift (6 or more) or a trend (5 or more)."""
        return self.verschuiving_vanaf is not None or self.trend_vanaf is not None


def _richting_vanaf(waarden: Sequence[float], vanaf: int | None, midden: float | None) -> int:
    """The way of the stretch that starts at ``vanaf``: its side of ``midden``, or
    (without one) whether it goes up or down."""
    if vanaf is None:
        return 0
    if midden is not None:
        return 1 if waarden[vanaf] > midden else -1
    volgende = next((w for w in waarden[vanaf + 1 :] if w != waarden[vanaf]), waarden[vanaf])
    return 1 if volgende > waarden[vanaf] else -1


def ihi(waarden: Sequence[float], midden: float) -> Ihi:
    """The IHI rules for ``waarden`` (in time order) around the centre ``midden``."""
    runs = _aan_een_kant(waarden, midden, VERSCHUIVING)
    trend = _trend(waarden, TREND)
    return Ihi(
        runs.langste,
        trend.langste,
        runs.eerste,
        trend.eerste,
        _richting_vanaf(waarden, runs.eerste, midden),
        _richting_vanaf(waarden, trend.eerste, None),
    )


# --- control limits (an individuals chart) ---------------------------------------------------

SPC_MINIMUM = 12
"""Control limits need at least this many points."""
SPC_RUN = 7
"""Points on one side of the mean, or all going up or down, that signal (NHS rules)."""
_E2 = 2.66
"""Limits lie at the mean ± this times the average moving range (3 / d₂, d₂ = 1.128)."""


@attrs.frozen
class Regelkaart:
    """An individuals chart (XmR) of a series: the mean, the average moving range and the
    limits at the mean ± 2.66 × that range, and the signals of the NHS "Making Data
    Count" rules, each as the index of the point where it is first seen:

    * ``buiten``: every point outside the limits;
    * ``aan_een_kant``: 7 or more points in a row on one side of the mean (a point on
      the mean neither counts nor breaks the run);
    * ``trend``: 7 points in a row all going up or all going down (equal neighbours
      count once);
    * ``dicht_bij_grens``: 2 of 3 points in a row near the same limit (in the outer
      third between the mean and the limit, or beyond).

    .. versionadded:: 0.2.0
    """

    gemiddelde: float
    bewegend_bereik: float
    bovengrens: float
    ondergrens: float
    buiten: tuple[int, ...] = ()
    aan_een_kant: int | None = None
    trend: int | None = None
    dicht_bij_grens: int | None = None

    @property
    def signaal(self) -> bool:
        """Any of the four rules signals."""
        return bool(self.buiten) or any(
            x is not None for x in (self.aan_een_kant, self.trend, self.dicht_bij_grens)
        )


def regelkaart(waarden: Sequence[float]) -> Regelkaart | None:
    """The individuals chart of ``waarden`` (in time order); ``None`` with fewer than
    :data:`SPC_MINIMUM` points."""
    if len(waarden) < SPC_MINIMUM:
        return None
    import statistics  # noqa: PLC0415 - loaded for a chart, not for every list of cycles

    gemiddelde = statistics.fmean(waarden)
    bereik = statistics.fmean(abs(b - a) for a, b in itertools.pairwise(waarden))
    boven, onder = gemiddelde + _E2 * bereik, gemiddelde - _E2 * bereik
    buiten = tuple(i for i, w in enumerate(waarden) if w > boven or w < onder)
    nabij_boven = gemiddelde + 2 / 3 * (boven - gemiddelde)
    nabij_onder = gemiddelde - 2 / 3 * (gemiddelde - onder)
    dicht: int | None = None
    for i in range(len(waarden) - 2):
        drie = waarden[i : i + 3]
        hoog = [j for j, w in enumerate(drie) if w > nabij_boven]
        laag = [j for j, w in enumerate(drie) if w < nabij_onder]
        paar = hoog if len(hoog) >= 2 else laag if len(laag) >= 2 else None
        if paar is not None and bereik > 0:
            dicht = i + paar[1]
            break
    return Regelkaart(
        gemiddelde=gemiddelde,
        bewegend_bereik=bereik,
        bovengrens=boven,
        ondergrens=onder,
        buiten=buiten,
        aan_een_kant=_aan_een_kant(waarden, gemiddelde, SPC_RUN).eerste,
        trend=_trend(waarden, SPC_RUN).eerste,
        dicht_bij_grens=dicht,
    )


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
    import statistics  # noqa: PLC0415 - see regelkaart

    eigen = 0 < basislijn < len(waarden)
    midden = statistics.median(waarden[:basislijn] if eigen else waarden)
    if len(waarden) < MINIMUM:
        return Runanalyse(midden, eigen, len(waarden), None, None)
    return Runanalyse(midden, eigen, len(waarden), anhoej(waarden, midden), ihi(waarden, midden))
