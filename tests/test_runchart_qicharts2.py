"""The Anhøj rules give the same verdicts as the R package qicharts2 on its own examples.

Every expected number below comes from qicharts2, never from our code. The source is
the repository github.com/anhoej/qicharts2 at commit 1b9487ec (2025-09-05, version
0.8.1), where ``runs.analysis`` in ``R/helper.functions.R`` drops the points that lie on
the centre line before it counts runs and crossings, and takes the limits
``round(log2(n.useful)) + 3`` and ``qbinom(0.05, n.useful - 1, 0.5)``.

* Limits: the table of critical values for 10 to 100 useful observations in Appendix 2
  of the vignette, as rendered in ``docs/articles/qicharts2.html`` (last built in commit
  80efe157).
* Run charts (median): the ``cdi`` and ``gtt`` cases of ``vignettes/qicharts2.Rmd``,
  data from ``data/cdi.rda`` and ``data/gtt.rda`` (gtt summed by month as in the
  vignette). The vignette states the verdicts, and for the frozen CDI baseline the
  median (19) and the longest run (15); the other counts are what ``summary()`` of
  qicharts2 0.8.1 at that commit reports for the same calls.
* Fixed centre lines: the stored reference outputs ``tests/testthat/ex_*.rds`` (last
  rebuilt in commit d6fdaca), made by ``tests/testthat/test_montgomery.R`` from the
  textbook tables in ``R/sysdata.rda``. They are control charts, so the centre line is
  a mean, which qicharts2 hands to the same run counting; we pass it in as given.
"""

from __future__ import annotations

import pytest

from onderzoekscyclus.domein.runchart import analyseer, anhoej, grenzen

# Appendix 2 of the vignette: n = 10..100. The upper limit for the longest run goes
# 6 (n 10-11), 7 (12-22), 8 (23-45), 9 (46-90), 10 (91-100); the lower limits for
# the crossings, in order of n:
CROSSINGS_MIN = [
    2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12,
    13, 13, 14, 14, 14, 15, 15, 16, 16, 17, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 21,
    22, 22, 23, 23, 24, 24, 25, 25, 25, 26, 26, 27, 27, 28, 28, 29, 29, 29, 30, 30, 31,
    31, 32, 32, 33, 33, 34, 34, 34, 35, 35, 36, 36, 37, 37, 38, 38, 39, 39, 39, 40, 40,
    41, 41,
]  # fmt: skip
LONGEST_RUN_MAX = [6] * 2 + [7] * 11 + [8] * 23 + [9] * 45 + [10] * 10


@pytest.mark.parametrize("n", range(10, 101))
def test_limits_match_the_vignette_table(n: int) -> None:
    assert grenzen(n) == (LONGEST_RUN_MAX[n - 10], CROSSINGS_MIN[n - 10])


# data/cdi.rda, column n: hospital acquired C. difficile infections per month,
# 2012-11 .. 2015-10; the intervention began with month 25.
CDI = [
    17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17,
    11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9,
]  # fmt: skip
# data/gtt.rda summed by month (2010-01 .. 2011-05): adverse events, patient days, and
# harmed patients out of the 20 records reviewed each month (n.harmed / n).
GTT_HARMS = [5, 7, 5, 7, 7, 5, 4, 9, 8, 13, 8, 7, 8, 7, 12, 11, 8]
GTT_DAYS = [113, 132, 121, 134, 116, 131, 93, 138, 182, 157, 100, 103, 146, 108, 153, 141, 134]
GTT_HARMED = [
    0.15, 0.30, 0.20, 0.25, 0.35, 0.25, 0.20, 0.40, 0.35, 0.45, 0.35, 0.35, 0.40, 0.25,
    0.50, 0.40, 0.40,
]  # fmt: skip
# qicharts2 analyses y = harms / days and multiplies by 1000 only afterwards.
GTT_RATE = [h / d for h, d in zip(GTT_HARMS, GTT_DAYS, strict=True)]

# Expected: (centre line, (n.useful, longest.run, longest.run.max, n.crossings,
# n.crossings.min, runs.signal)) as qicharts2 reports them.
RUN_CHARTS = [
    # qic(month, n, data = cdi): "supported by the runs analysis" (a signal).
    pytest.param(CDI, 0, 17, (32, 14, 8, 6, 11, True), id="cdi"),
    # qic(month, n, data = cdi, freeze = 24): median 19, a run of 15 below it.
    pytest.param(CDI, 24, 19, (31, 15, 8, 8, 11, True), id="cdi-freeze-24"),
    # qic(month, n, data = cdi, part = 24): "both periods show only random variation";
    # each part gets its own median.
    pytest.param(CDI[:24], 0, 19, (19, 3, 7, 8, 6, False), id="cdi-part-1"),
    pytest.param(CDI[24:], 0, 6, (12, 4, 7, 4, 3, False), id="cdi-part-2"),
    # qic(month, harms, days, data = gtt, multiply = 1000): "only random variation".
    pytest.param(GTT_RATE, 0, 8 / 134, (16, 4, 7, 7, 4, False), id="gtt-harm-rate"),
    # qic(month, n.harmed, n = n, data = gtt_by_month): "random variation"; four
    # months on the median, and the crossings exactly at their limit.
    pytest.param(GTT_HARMED, 0, 0.35, (13, 6, 7, 3, 3, False), id="gtt-harmed"),
]


@pytest.mark.parametrize(("waarden", "basislijn", "centre", "expected"), RUN_CHARTS)
def test_run_charts_match_qicharts2(
    waarden: list[float],
    basislijn: int,
    centre: float,
    expected: tuple[int, int, int, int, int, bool],
) -> None:
    analyse = analyseer(waarden, basislijn)
    assert analyse.midden == pytest.approx(centre, rel=1e-12)
    r = analyse.anhoej
    assert r is not None
    got = (r.nuttig, r.langste_run, r.langste_run_max, r.kruisingen, r.kruisingen_min)
    assert (*got, r.signaal) == expected


# tests/testthat/ex_*.rds: y and cl columns, and the runs columns of every row.
# Example 6.5: qic(weeks, cost, data = tbl_06.07, chart = "i", freeze = 20); the centre
# is the mean of the first 20 weeks, the runs are counted over all 40.
EX_6_5 = [
    310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293,
    306, 301, 304, 305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299,
    304, 310, 304, 305, 333, 328,
]  # fmt: skip
# Example 7.3: qic(sample, count, data = tbl_07.08, chart = "c", exclude = c(6, 20),
# freeze = 26); qic leaves excluded points out of the runs analysis, so samples 6 (5)
# and 20 (39) are not listed. Longest run at its limit, too few crossings.
EX_7_3 = [
    21, 24, 16, 12, 15, 28, 20, 31, 25, 20, 24, 16, 19, 10, 17, 13, 22, 18, 30, 24, 16,
    19, 17, 15, 16, 18, 12, 15, 24, 21, 28, 20, 25, 19, 18, 21, 16, 22, 19, 12, 14, 9,
    16, 21,
]  # fmt: skip
# Example 7.4: qic(sample, count, size, data = tbl_07.10, chart = "u").
EX_7_4 = [
    0.04, 0.06, 0.16, 0.02, 0.02, 0.08, 0.02, 0.08, 0.1, 0.02, 0.16, 0.04, 0.08, 0.06,
    0.08, 0.02, 0.16, 0.06, 0.14, 0.08,
]  # fmt: skip
# Example 7.5: qic(roll, count, meters, data = tbl_07.11, chart = "u", multiply = 50);
# ten points, the smallest series the vignette's table covers.
EX_7_5 = [1.4, 1.5, 1.538462, 1.1, 0.736842, 1, 1.75, 1.52381, 1.583333, 1.84]
# Example 7.6: qic(failure, hours, data = tbl_07.14, chart = "t").
EX_7_6 = [
    286, 948, 536, 124, 816, 729, 4, 143, 431, 8, 2837, 596, 81, 227, 603, 492, 1199,
    1214, 2831, 96,
]  # fmt: skip

CONTROL_CHARTS = [
    pytest.param(EX_6_5, 300.5, (40, 6, 8, 20, 14, False), id="montgomery-6.5-freeze"),
    pytest.param(EX_7_3, 19.666667, (44, 8, 8, 14, 16, True), id="montgomery-7.3"),
    pytest.param(EX_7_4, 0.074, (20, 2, 7, 15, 6, False), id="montgomery-7.4"),
    pytest.param(EX_7_5, 1.423256, (10, 4, 6, 3, 2, False), id="montgomery-7.5"),
    pytest.param(EX_7_6, 430.040952, (20, 5, 7, 10, 6, False), id="montgomery-7.6"),
]


@pytest.mark.parametrize(("waarden", "centre", "expected"), CONTROL_CHARTS)
def test_counting_around_a_given_centre_matches_qicharts2(
    waarden: list[float], centre: float, expected: tuple[int, int, int, int, int, bool]
) -> None:
    r = anhoej(waarden, centre)
    got = (r.nuttig, r.langste_run, r.langste_run_max, r.kruisingen, r.kruisingen_min)
    assert (*got, r.signaal) == expected
