"""One way to write numbers, units and dates: the same in the CLI, exports and plugins."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderzoekscyclus.opmaak import getal, korte_datum, lange_datum, met_eenheid, verschil

from .conftest import Ozc


@pytest.mark.parametrize(
    ("waarde", "nl", "en"),
    [(62, "62", "62"), (7.5, "7,5", "7.5"), (-0.25, "-0,25", "-0.25"), (None, "–", "–")],
)
def test_getal_in_beide_talen(waarde: float | None, nl: str, en: str) -> None:
    """Whole numbers have no decimals; the decimal sign follows the language."""
    assert (getal(waarde, taal="nl"), getal(waarde, taal="en")) == (nl, en)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_getal_leest_exact_terug(waarde: float) -> None:
    """Without a precision every digit is kept: an export reads back the exact value."""
    assert float(getal(waarde, taal="nl").replace(",", ".")) == waarde


def test_precisie_en_verschil() -> None:
    """Fixed decimals, significant digits for labels, and a sign only when it went up."""
    assert getal(2.0 / 3, decimalen=2, taal="nl") == "0,67"
    assert getal(2.0 / 3, significant=3, taal="nl") == "0,667"
    assert [verschil(w, decimalen=2, taal="nl") for w in (0.25, -1, 0)] == [
        "+0,25",
        "-1,00",
        "0,00",
    ]
    assert verschil(None) == "–"


def test_eenheid_met_spatie_behalve_procent() -> None:
    """A unit stands apart from its value, except a percentage; no unit, no space."""
    assert met_eenheid(6.5, "punt", taal="nl") == "6,5 punt"
    assert met_eenheid(62, "%", taal="nl") == "62%"
    assert met_eenheid(12, " ", taal="nl") == "12"


def test_datums_in_beide_talen() -> None:
    """Dates written out, and short for chart labels, in Dutch and English."""
    dag = dt.date(2026, 3, 8)
    assert (lange_datum(dag, taal="nl"), korte_datum(dag, taal="nl")) == (
        "8 maart 2026",
        "8 mrt 2026",
    )
    assert (lange_datum(dag, taal="en"), korte_datum(dag, taal="en")) == (
        "8 March 2026",
        "8 Mar 2026",
    )


def test_cyclus_toon_schrijft_eenheden_zoals_de_exports(gevulde_werkplaats, ozc: Ozc) -> None:
    """`ozc cyclus toon` writes "6,5 punt" as the Markdown export does, never "6.5punt"."""
    wp = gevulde_werkplaats
    wp.cycli.start("rekenen", aanleiding="a", vraag="v")
    wp.cycli.beginsituatie("rekenen", tekst="t", bronnen=["b"])
    wp.cycli.doel(
        "rekenen", tekst="d", visie="eigenaarschap", indicatoren=[("cijfer", "punt", 6.5, 7)]
    )
    tekst = ozc("--werkplaats", str(wp.root), "cyclus", "toon", "rekenen").stdout
    assert "nulmeting 6,5 punt, streefwaarde 7 punt" in tekst
    assert "6.5" not in tekst
