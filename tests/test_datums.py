"""One date policy for every kind: what is recorded has happened, and a step follows the
step before it.

A log line, a measurement, a bron, a step never lies after today; a step of the cycle
never before the step it follows; a measurement never before the start of its
uitvoering (but measurements may come in any order); a new cycle never before the last
step of the one before. A refusal names the days that are allowed and how to give one
(`--datum JJJJ-MM-DD`), and changes nothing. Today is 2026-12-05 here, the day these
holes were measured.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein import cyclusstappen as stappen
from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.domein.cyclus import Actie, Bron, Indicator, Onderbouwing, Onderzoekscyclus
from onderzoekscyclus.domein.machine import Overgangsregel
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.errors import Geweigerd

from .conftest import Ozc, momentopname

VANDAAG = "2026-12-05"
MORGEN = "2026-12-06"


@pytest.fixture
def cli(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str]]:
    """``cli(*args)``: run `ozc` in the filled werkplaats on 2026-12-05; gives the exit
    code and stderr."""
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)
    monkeypatch.chdir(gevulde_werkplaats.root)

    def draai(*args: str) -> tuple[int, str]:
        uit = ozc(*args)
        return uit.exit_code, uit.stderr

    return draai


DOEL = ("--tekst", "75%", "--visie", "eigenaarschap", "--indicator", "op niveau")
DOEL += ("--eenheid", "%", "--nulmeting", "62", "--streefwaarde", "75")
CYCLUS: list[tuple[str, ...]] = [
    ("start", "rekenen", "--aanleiding", "a", "--vraag", "v"),
    ("beginsituatie", "rekenen", "--tekst", "t", "--bron", "Toets M5"),
    ("doel", "rekenen", *DOEL),
    ("plan", "rekenen", "--actie", "Oefenen", "--literatuur", "Studie"),
    ("uitvoeren", "rekenen"),
    ("meting", "rekenen", "--indicator", "op niveau", "--waarde", "70"),
    ("evaluatie", "rekenen", "--conclusie", "deels", "--tekst", "t"),
    ("afronden", "rekenen"),
    ("volgende", "rekenen"),
]


def test_geen_stap_van_de_cyclus_ligt_na_vandaag(
    cli: Callable[..., tuple[int, str]], gevulde_werkplaats: Werkplaats
) -> None:
    """Each step of the cycle, given a day after today, is refused with the days allowed
    and how to give one, and nothing is written; then it is taken with a day that fits."""
    dagen = iter(f"2026-{m:02d}-01" for m in range(3, 12))
    for stap in CYCLUS:
        voor = momentopname(gevulde_werkplaats.root)
        code, fout = cli("cyclus", *stap, "--datum", MORGEN)
        assert code == 3, (stap, fout)
        assert f"{MORGEN} ligt in de toekomst (vandaag is {VANDAAG})" in fout
        assert "Geef met `--datum JJJJ-MM-DD` een dag" in fout and f"tot en met {VANDAAG}" in fout
        assert momentopname(gevulde_werkplaats.root) == voor
        assert cli("cyclus", *stap, "--datum", next(dagen)) == (0, ""), stap


def test_terug_gaat_niet_terug_in_de_tijd(cli: Callable[..., tuple[int, str]]) -> None:
    """`cyclus doel --datum 2030-01-01` is refused; a goal on 2026-11-01 and then `cyclus
    terug --datum 2020-01-01` is refused too, naming the window from the goal to today."""
    assert cli("cyclus", *CYCLUS[0], "--datum", "2026-10-01")[0] == 0
    assert cli("cyclus", *CYCLUS[1], "--datum", "2026-10-15")[0] == 0
    code, fout = cli("cyclus", *CYCLUS[2], "--datum", "2030-01-01")
    assert code == 3 and "2030-01-01 ligt in de toekomst" in fout
    assert cli("cyclus", *CYCLUS[2], "--datum", "2026-11-01")[0] == 0
    code, fout = cli("cyclus", "terug", "rekenen", "--reden", "r", "--datum", "2020-01-01")
    assert code == 3
    assert "2020-01-01 ligt vóór de vorige stap (2026-11-01)" in fout
    assert (
        "Geef met `--datum JJJJ-MM-DD` een dag van 2026-11-01 tot en met 2026-12-05, of laat "
        "--datum weg voor vandaag." in fout
    )


def test_een_meting_hoort_bij_de_uitvoering(
    cli: Callable[..., tuple[int, str]], gevulde_werkplaats: Werkplaats
) -> None:
    """A measurement lies from the start of the uitvoering up to today (`--datum
    2027-12-06` and a day before `uitvoeren` are refused); within that, in any order. The
    evaluation comes on or after the last measurement, and `controleer` finds nothing."""
    for stap, dag in zip(
        CYCLUS[:5],
        ("2025-09-01", "2025-09-15", "2025-10-01", "2025-10-15", "2025-11-03"),
        strict=True,
    ):
        assert cli("cyclus", *stap, "--datum", dag)[0] == 0, stap
    meting = ("cyclus", "meting", "rekenen", "--indicator", "op niveau", "--waarde")
    code, fout = cli(*meting, "70", "--datum", "2027-12-06")
    assert code == 3 and "2027-12-06 ligt in de toekomst" in fout
    assert "een dag van 2025-11-03 tot en met 2026-12-05" in fout
    code, fout = cli(*meting, "70", "--datum", "2025-10-20")
    assert code == 3 and "2025-10-20 ligt vóór de vorige stap (2025-11-03)" in fout
    assert cli(*meting, "74", "--datum", "2026-05-20")[0] == 0
    assert cli(*meting, "68", "--datum", "2026-01-20")[0] == 0  # earlier, entered later
    evaluatie = ("cyclus", "evaluatie", "rekenen", "--conclusie", "deels", "--tekst", "t")
    code, fout = cli(*evaluatie, "--datum", "2026-04-01")
    assert code == 3 and "ligt vóór de vorige stap (2026-05-20)" in fout
    assert cli(*evaluatie, "--datum", "2026-06-19")[0] == 0
    groep = gevulde_werkplaats.werkgroepen.zoek("rekenen")
    assert samenhang.controleer_werkgroep(groep, vandaag=dt.date(2026, 12, 5)) == []


def test_een_nieuwe_cyclus_begint_niet_voor_de_vorige_af_was(
    gevulde_werkplaats: Werkplaats, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a cycle was closed on 2026-07-03, a new one (with `start` or `volgende`)
    starts on or after that day."""
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)
    wp = gevulde_werkplaats
    _afgerond(wp, dt.date(2026, 7, 3))
    for stap in (
        lambda: wp.cycli.start("rekenen", aanleiding="a", vraag="v", datum=dt.date(2026, 7, 2)),
        lambda: wp.cycli.volgende("rekenen", datum=dt.date(2026, 7, 2)),
    ):
        with pytest.raises(Geweigerd) as fout:
            stap()
        assert fout.value.codes == ("datum.volgorde",)
        assert fout.value.redenen[0].waarden["vanaf"] == "2026-07-03"
        assert fout.value.onderwerp == "Rekenen groep 5-8"
    nieuw = wp.cycli.start("rekenen", aanleiding="a", vraag="v", datum=dt.date(2026, 7, 3))
    assert nieuw.cyclus.nummer == 2


def _afgerond(wp: Werkplaats, dag: dt.date) -> None:
    """A whole cycle of 'rekenen', closed on ``dag``."""
    wp.cycli.start("rekenen", aanleiding="a", vraag="v", datum=dag)
    wp.cycli.beginsituatie("rekenen", tekst="t", bronnen=["b"], datum=dag)
    wp.cycli.doel(
        "rekenen", tekst="d", visie="eigenaarschap", indicatoren=[("i", "%", 1, 2)], datum=dag
    )
    wp.cycli.plan("rekenen", acties=[("a", None, None)], literatuur=["l"], datum=dag)
    wp.cycli.uitvoeren("rekenen", datum=dag)
    wp.cycli.meting("rekenen", indicator="i", waarde=2, datum=dag)
    wp.cycli.evaluatie("rekenen", conclusie="bereikt", tekst="t", datum=dag)
    wp.cycli.afronden("rekenen", datum=dag)


def test_de_bibliotheek_geeft_de_toegestane_dagen_mee(gevulde_werkplaats: Werkplaats) -> None:
    """A school tool gets the reason with its data: the date, today and the first day
    allowed (``None``: any day up to today)."""
    wp = gevulde_werkplaats
    with pytest.raises(Geweigerd) as fout:
        wp.cycli.start("rekenen", aanleiding="a", vraag="v", datum=dt.date(2026, 11, 24))
    (reden,) = fout.value.redenen
    assert (reden.code, reden.waarden) == (
        "datum.toekomst",
        {"datum": "2026-11-24", "vanaf": None, "vandaag": "2026-11-23"},
    )


def test_een_logregel_na_vandaag_zegt_hoe_het_wel_kan(
    cli: Callable[..., tuple[int, str]], gevulde_werkplaats: Werkplaats
) -> None:
    """`ozc log … --datum 2027-03-01` is refused (exit 2) and says how to give the day;
    nothing is written."""
    voor = momentopname(gevulde_werkplaats.root)
    code, fout = cli("log", "rekenen", "Te vroeg", "--datum", "2027-03-01")
    assert code == 2
    assert "2027-03-01 ligt in de toekomst (vandaag is 2026-12-05)." in fout
    assert "`--datum JJJJ-MM-DD`" in fout
    assert momentopname(gevulde_werkplaats.root) == voor


D = dt.date(2026, 1, 5)


def _dag(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def _in_uitvoering() -> Onderzoekscyclus:
    """A cycle started on D, carried out from D + 10 days."""
    c = stappen.start(1, aanleiding="a", vraag="v", datum=D, vandaag=D)
    c = stappen.beginsituatie(c, tekst="t", bronnen=[Bron("b", D)], datum=D, vandaag=D)
    c = stappen.doel(
        c,
        tekst="d",
        visie="v",
        visie_elementen=["v"],
        indicatoren=[Indicator("i", "%", 1, 2, D)],
        datum=D,
        vandaag=D,
    )
    c = stappen.plan(
        c, acties=[Actie("a")], onderbouwing=[Onderbouwing(literatuur="l")], datum=D, vandaag=D
    )
    return stappen.uitvoeren(c, datum=_dag(10), vandaag=_dag(10))


def test_controleer_volgt_dezelfde_regel_als_de_machine() -> None:
    """`ozc controleer` (samenhang) reads a history as the machine writes it: measurements
    in any order within the uitvoering pass; a step dated before an earlier measurement,
    or a measurement before the uitvoering began, is reported."""
    vandaag = _dag(100)
    c = stappen.meting(_in_uitvoering(), indicator="i", waarde=1, datum=_dag(60), vandaag=vandaag)
    c = stappen.meting(c, indicator="i", waarde=2, datum=_dag(20), vandaag=vandaag)
    with pytest.raises(Geweigerd) as fout:
        stappen.meting(c, indicator="i", waarde=3, datum=_dag(9), vandaag=vandaag)
    assert fout.value.redenen[0].waarden["vanaf"] == _dag(10).isoformat()
    with pytest.raises(Geweigerd, match="ligt vóór de vorige stap"):
        stappen.pauzeer(c, reden=None, datum=_dag(59), vandaag=vandaag)

    def problemen(cyclus: Onderzoekscyclus) -> list[tuple[str, str]]:
        groep = Werkgroep(id="g-abc234", naam="G", scholen=("s-abc234",), cycli=(cyclus,))
        return [(p.code, p.pad) for p in samenhang.controleer_werkgroep(groep, vandaag=vandaag)]

    assert problemen(c) == []
    pauze = Overgangsregel(datum=_dag(30), overgang="pauzeer", van="uitvoering", naar="gepauzeerd")
    gepauzeerd = attrs.evolve(c, historie=(*c.historie, pauze), gepauzeerd=True)
    assert problemen(gepauzeerd) == [("datum.volgorde", "$.cycli[0].historie[7].datum")]
    vroeg = Overgangsregel(datum=_dag(5), overgang="meting", van="uitvoering", naar="uitvoering")
    voor_de_uitvoering = attrs.evolve(c, historie=(*c.historie, vroeg))
    assert problemen(voor_de_uitvoering) == [("datum.volgorde", "$.cycli[0].historie[7].datum")]
