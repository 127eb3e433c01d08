"""Measurement over time: the series of an indicator, its verdict, the warnings where a
werkgroep concludes, measuring per group, and the run chart in the CLI and in the docs."""

from __future__ import annotations

import datetime as dt
import json
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Geweigerd, InvalidValue, Meting, VasteKlok, Werkplaats, verloop_van
from onderzoekscyclus.domein import meetreeks
from onderzoekscyclus.domein.runchart import analyseer, grenzen
from onderzoekscyclus.domein.tijd import hoe_vaak
from onderzoekscyclus.export import grafiekgegevens, svg_in_html, teken, tekstalternatief

from .conftest import Ozc
from .docvoorbeeld import speel_af, voorbeeld

DOCS = Path(__file__).resolve().parent.parent / "docs"
SVG = "{http://www.w3.org/2000/svg}"
START = dt.date(2026, 6, 1)
VANDAAG = dt.date(2026, 11, 23)


def _week(n: int) -> dt.date:
    return START + dt.timedelta(days=7 * n)


def _cyclus(
    wp: Werkplaats, *, basislijn: list[float], daarna: list[float], nul: float = 12, doel: float = 6
) -> None:
    """Rust in de klas: the goal on START, a baseline a week apart, the uitvoering from
    the week after, one measurement a week."""
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"rust": "Leerlingen werken rustig"})
    wp.werkgroepen.toevoegen("Rust in de klas", scholen=["De Regenboog"])
    w = "Rust in de klas"
    wp.cycli.start(w, aanleiding="Onrust", vraag="Wat helpt?", datum=START)
    wp.cycli.beginsituatie(w, tekst="Veel onrust", bronnen=["turflijst"], datum=START)
    wp.cycli.doel(
        w, tekst="Rustiger", visie="rust", indicatoren=[("onrust", "", nul, doel)], datum=START
    )
    for i, waarde in enumerate(basislijn, start=1):
        wp.cycli.meting(w, indicator="onrust", waarde=waarde, datum=_week(i))
    n = len(basislijn)
    wp.cycli.plan(w, acties=[("Startopdracht", None, _week(n + 1))], literatuur=["boek"],
                  datum=_week(n))  # fmt: skip
    wp.cycli.uitvoeren(w, datum=_week(n + 1))
    for i, waarde in enumerate(daarna, start=n + 1):
        wp.cycli.meting(w, indicator="onrust", waarde=waarde, datum=_week(i))


@pytest.fixture
def wp(tmp_path: Path) -> Werkplaats:
    return Werkplaats.maak(tmp_path / "w", "Metingen", vandaag=VasteKlok(VANDAAG))


# --- the series and its verdict -----------------------------------------------------------


def test_basislijn_en_mediaan(wp: Werkplaats) -> None:
    """The nulmeting and the measurements before the uitvoering make the baseline; its
    median is the centre line; a run below it is a signal the way of the target."""
    _cyclus(wp, basislijn=[13, 11, 12], daarna=[11, 10, 10, 9, 8, 8, 7, 6])
    c = wp.cycli.overzicht("Rust in de klas").cyclus
    reeks = meetreeks.meetreeks(c, "onrust")
    assert [p.basislijn for p in reeks] == [True] * 4 + [False] * 8
    assert reeks[0].nulmeting and reeks[0].datum == START and reeks[0].waarde == 12
    v = verloop_van(c, "onrust")
    assert v.midden == 12 and v.uit_basislijn and v.punten == 12 and v.metingen == 11
    assert v.signaal is True and v.gunstig is True and v.bereikt is True
    run = next(s for s in v.signalen if s.regel == "anhoej-run")
    # 11 below (week 2), 12 on the median, then 8 below: a run of 9 from week 2
    assert (run.vanaf, run.richting, run.lengte) == (_week(2), -1, 9)
    assert run.lengte > run.grens == grenzen(10)[0]
    assert v.dagen_tussen == 7 and hoe_vaak(v.dagen_tussen) == "wekelijks"


def test_te_weinig_punten_zegt_hoeveel_er_nog_nodig_zijn(wp: Werkplaats) -> None:
    _cyclus(wp, basislijn=[12], daarna=[10, 9])
    v = verloop_van(wp.cycli.overzicht("Rust in de klas").cyclus, "onrust")
    assert v.signaal is None and v.signalen == () and v.tekort == 10 - 4
    assert "nog 6 meetpunten nodig" in meetreeks.korte_verlooptekst(v)
    assert "Meet vaker" in meetreeks.verlooptekst(v, "12")


def test_schommeling_is_geen_signaal(wp: Werkplaats) -> None:
    _cyclus(wp, basislijn=[12, 11, 13], daarna=[11, 13, 12, 11, 13, 11, 13, 12])
    v = verloop_van(wp.cycli.overzicht("Rust in de klas").cyclus, "onrust")
    assert v.signaal is False and v.gunstig is None and v.bereikt is False


def test_een_verandering_van_het_doel_af(wp: Werkplaats) -> None:
    _cyclus(wp, basislijn=[12, 11, 12], daarna=[13, 14, 14, 15, 14, 15, 16, 15])
    v = verloop_van(wp.cycli.overzicht("Rust in de klas").cyclus, "onrust")
    assert v.signaal is True and v.gunstig is False
    assert "van de streefwaarde af" in meetreeks.verlooptekst(v, "12")


@settings(max_examples=40, deadline=None)
@given(
    basis=st.lists(st.integers(0, 20), min_size=0, max_size=4),
    daarna=st.lists(st.integers(0, 20), min_size=1, max_size=14),
)
def test_het_verloop_is_de_runchart_van_de_reeks(
    tmp_path_factory: pytest.TempPathFactory, basis: list[int], daarna: list[int]
) -> None:
    """Whatever the values: the verdict is the run chart of the nulmeting and the
    measurements, with the baseline as its centre, and the last value is the last one."""
    wp = Werkplaats.maak(tmp_path_factory.mktemp("h") / "w", "H", vandaag=VasteKlok(VANDAAG))
    _cyclus(wp, basislijn=[float(x) for x in basis], daarna=[float(x) for x in daarna])
    c = wp.cycli.overzicht("Rust in de klas").cyclus
    waarden = [12.0, *basis, *daarna]
    verwacht = analyseer(waarden, basislijn=1 + len(basis))
    v = verloop_van(c, "onrust")
    assert (v.signaal, v.midden, v.punten) == (verwacht.signaal, verwacht.midden, len(waarden))
    assert v.laatste == daarna[-1] and v.bereikt == (daarna[-1] <= 6)


# --- measuring before the plan, and per group -----------------------------------------------


def test_meten_voor_het_plan_maar_niet_voor_het_doel(wp: Werkplaats) -> None:
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"rust": "Rust"})
    wp.werkgroepen.toevoegen("Rust", scholen=["De Regenboog"])
    wp.cycli.start("Rust", aanleiding="a", vraag="v", datum=START)
    with pytest.raises(Geweigerd, match="'meting' kan niet in fase 'aanleiding'"):
        wp.cycli.meting("Rust", indicator="onrust", waarde=12, datum=START)
    wp.cycli.beginsituatie("Rust", tekst="t", bronnen=["b"], datum=START)
    wp.cycli.doel("Rust", tekst="d", visie="rust", indicatoren=[("onrust", "", 12, 6)],
                  datum=_week(1))  # fmt: skip
    with pytest.raises(Geweigerd, match="vóór de vorige stap"):
        wp.cycli.meting("Rust", indicator="onrust", waarde=12, datum=START)
    with pytest.raises(Geweigerd, match="geen indicator 'rumoer'"):
        wp.cycli.meting("Rust", indicator="rumoer", waarde=12, datum=_week(1))
    o = wp.cycli.meting("Rust", indicator="onrust", waarde=12, datum=_week(2))
    assert o.cyclus.fase.value == "doel" and len(o.cyclus.metingen) == 1


def test_per_groep_en_in_totaal(wp: Werkplaats) -> None:
    """Each group its own series; the total one point per day, the mean of that day."""
    _cyclus(wp, basislijn=[12], daarna=[])
    for week in range(2, 14):
        for groep, waarde in (("groep 5/6", 12 - week * 0.5), ("Groep 7", 11.0)):
            wp.cycli.meting("Rust in de klas", indicator="onrust", waarde=waarde,
                            datum=_week(week), groep=groep)  # fmt: skip
    o = wp.cycli.overzicht("Rust in de klas")
    c = o.cyclus
    assert meetreeks.groepen_van(c, "onrust") == ("groep 5/6", "Groep 7")
    totaal = meetreeks.meetreeks(c, "onrust")
    assert totaal[-1].aantal == 2 and totaal[-1].waarde == statistics.fmean([12 - 6.5, 11])
    assert len(meetreeks.meetreeks(c, "onrust", "GROEP 7")) == 12
    assert [(x.indicator, x.groep) for x in o.verloop] == [
        ("onrust", None), ("onrust", "groep 5/6"), ("onrust", "Groep 7"),
    ]  # fmt: skip
    stijl = {x.groep: x for x in o.verloop}
    assert stijl["Groep 7"].signaal is False and stijl["groep 5/6"].signaal is True
    assert o.resultaten[0].laatste == totaal[-1].waarde


# --- the warnings of a conclusion "bereikt" --------------------------------------------------


@pytest.mark.parametrize(
    ("basislijn", "daarna", "codes"),
    [
        ([12], [9, 8], {"bereikt.doel-gemist", "bereikt.te-weinig-metingen"}),
        ([12, 11, 13], [11, 13, 12, 11, 13, 11, 13, 6], {"bereikt.geen-signaal"}),
        ([12, 11, 12], [13, 14, 14, 15, 14, 15, 16, 15], {"bereikt.doel-gemist",
                                                          "bereikt.verkeerde-kant"}),
        ([13, 11, 12], [11, 10, 10, 9, 8, 8, 7, 6], set()),
    ],
)  # fmt: skip
def test_waarschuwingen_bij_bereikt(
    wp: Werkplaats, basislijn: list[float], daarna: list[float], codes: set[str]
) -> None:
    _cyclus(wp, basislijn=basislijn, daarna=daarna)
    deels = wp.cycli.evaluatie("Rust in de klas", conclusie="deels", tekst="t", datum=VANDAAG)
    assert deels.waarschuwingen == ()
    o = wp.cycli.evaluatie("Rust in de klas", conclusie="bereikt", tekst="t", datum=VANDAAG)
    assert {w.code for w in o.waarschuwingen} == codes
    assert all("onrust" in w.tekst for w in o.waarschuwingen)


# --- the CLI --------------------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ozc: Ozc) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    assert ozc("demo", "d").exit_code == 0
    monkeypatch.chdir(tmp_path / "d")
    return tmp_path / "d"


def test_toon_geeft_het_verloop_per_indicator_en_per_groep(demo: Path, ozc: Ozc) -> None:
    uit = ozc("cyclus", "toon", "Taalbeleid bovenbouw").stdout
    assert "verloop: signaal van een echte verandering, de goede kant op" in uit
    assert re.search(r"havo 4: \d+%, bereikt; signaal, de goede kant op", uit)
    assert "(62 metingen, ongeveer wekelijks)" in uit and "— basislijn" in uit
    data = json.loads(ozc("--json", "cyclus", "toon", "Taalbeleid bovenbouw").stdout)
    assert [v["groep"] for v in data["verloop"]] == [None, "havo 4", "vwo 4"]
    assert data["verloop"][0]["signalen"][0]["regel"] == "anhoej-run"


def test_evaluatie_bereikt_met_te_weinig_metingen_waarschuwt(demo: Path, ozc: Ozc) -> None:
    uit = ozc("cyclus", "evaluatie", "Leergroep Begrijpend Lezen", "--conclusie", "bereikt",
              "--tekst", "Gelukt")  # fmt: skip
    assert uit.exit_code == 0
    assert "Let op: de conclusie is 'bereikt', maar:" in uit.stdout
    tekst = " ".join(uit.stdout.split())
    assert "'past strategie toe' (38%) haalt de streefwaarde (50%) niet" in tekst
    assert "te weinig om een echte verandering" in tekst


def test_meting_per_groep_en_verbeteren(demo: Path, ozc: Ozc) -> None:
    w = "Leergroep Begrijpend Lezen"
    assert ozc("cyclus", "meting", w, "--indicator", "past strategie toe", "--waarde", "40%",
               "--groep", "groep 1/2").exit_code == 0  # fmt: skip
    assert "groep 1/2" in ozc("cyclus", "toon", w).stdout
    assert ozc("cyclus", "wijzig", w, "--meting", "3", "--groep", "groep 3").exit_code == 0
    c = Werkplaats.open(demo).cycli.overzicht(w).cyclus
    assert c.metingen[2].groep == "groep 3"
    assert c.historie[-1].reden == "past strategie toe (groep 3): 40"


def test_grafiek_schrijft_svg_en_png(demo: Path, ozc: Ozc) -> None:
    uit = ozc("cyclus", "grafiek", "Taalbeleid bovenbouw", "--uit", "lezers.svg", "--spc")
    assert uit.exit_code == 0, uit.output
    assert "Runchart geschreven naar lezers.svg." in uit.stdout
    svg = ET.parse(demo / "lezers.svg").getroot()
    assert svg.find(f"{SVG}title").text == "gemotiveerde lezers"  # type: ignore[union-attr]
    assert "Signaal van een echte verandering" in (svg.find(f"{SVG}desc").text or "")  # type: ignore[union-attr]
    gids = {e.get("id") for e in svg.iter()}
    assert {"meetpunten", "basislijn", "signaal", "mediaan", "streefwaarde"} <= gids
    assert {"bovengrens", "ondergrens"} <= gids
    teksten = " ".join(e.text or "" for e in svg.iter(f"{SVG}text"))
    assert "uitvoering" in teksten and "mrt 2026" in teksten
    assert ozc("cyclus", "grafiek", "Taalbeleid bovenbouw", "--uit", "l.png").exit_code == 0
    assert (demo / "l.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_grafiek_in_een_map_per_groep(demo: Path, ozc: Ozc) -> None:
    (demo / "g").mkdir()
    uit = ozc("--json", "cyclus", "grafiek", "Taalbeleid bovenbouw", "--groep", "VWO 4",
              "--uit", "g")  # fmt: skip
    assert uit.exit_code == 0, uit.output
    (geschreven,) = json.loads(uit.stdout)
    assert geschreven["groep"] == "vwo 4" and geschreven["verloop"]["signaal"] is True
    assert Path(geschreven["bestand"]).name.endswith("-gemotiveerde-lezers-vwo-4.svg")
    assert Path(geschreven["bestand"]).is_file()


@pytest.mark.parametrize(
    ("args", "woorden"),
    [
        (["Taalbeleid bovenbouw", "--uit", "x.pdf"], ".svg- of .png-bestand"),
        (["Taalbeleid bovenbouw", "--uit", "nergens/x.svg"], "bestaat niet"),
        (["Taalbeleid bovenbouw", "--indicator", "lezers", "--uit", "x.svg"],
         "Kies uit: 'gemotiveerde lezers'"),
        (["Taalbeleid bovenbouw", "--groep", "havo 5", "--uit", "x.svg"],
         "Gemeten groepen: 'havo 4', 'vwo 4'"),
        (["Onderzoekswerkplaats De Kempen", "--uit", "x.svg"],
         "nog geen indicator"),
    ],
)  # fmt: skip
def test_grafiek_weigert_met_uitleg_en_schrijft_niets(
    demo: Path, ozc: Ozc, args: list[str], woorden: str
) -> None:
    uit = ozc("cyclus", "grafiek", *args)
    assert uit.exit_code == 2
    assert woorden in " ".join(uit.stderr.split()) and uit.stderr.startswith("Fout: ")
    assert not list(demo.glob("x.*"))


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--version"], ["log", "Taalbeleid bovenbouw", "Besproken"]])
def test_snelle_opdrachten_laden_geen_matplotlib(demo: Path, args: list[str]) -> None:
    """`ozc --version` and `ozc log` start as before: the plotting library stays out."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('matplotlib' in sys.modules, 'numpy' in sys.modules,"
        " file=sys.stderr))\n"
        "from onderzoekscyclus.cli import main\n"
        f"sys.argv = ['ozc', *{args!r}]\n"
        "main()\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False, cwd=demo, timeout=60)  # fmt: skip
    assert uit.returncode == 0, uit.stderr
    assert uit.stderr.strip().splitlines()[-1] == "False False"
    teken_wel = code.replace(f"*{args!r}", "*['cyclus', 'grafiek', 'Taalbeleid bovenbouw',"
                             " '--uit', 'a.svg']")  # fmt: skip
    wel = subprocess.run([sys.executable, "-c", teken_wel], capture_output=True, text=True,
                         check=False, cwd=demo, timeout=60)  # fmt: skip
    assert wel.stderr.strip().splitlines()[-1] == "True True"  # the check can see it


# --- the chart itself ------------------------------------------------------------------------


def test_svg_is_steeds_hetzelfde_en_past_in_een_webpagina(wp: Werkplaats) -> None:
    _cyclus(wp, basislijn=[13, 11, 12], daarna=[11, 10, 10, 9, 8, 8, 7, 6])
    c = wp.cycli.overzicht("Rust in de klas").cyclus
    g = grafiekgegevens(c, "onrust")
    assert teken(g) == teken(g)
    pagina = f"<div>{svg_in_html(g, 'a')}{svg_in_html(g, 'b')}</div>"
    root = ET.fromstring(pagina)
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for svg in root.iter(f"{SVG}svg"):
        assert svg.get("role") == "img"
        titel, uitleg = (svg.get("aria-labelledby") or "").split()
        assert titel in ids and uitleg in ids
    verwijzingen = re.findall(r'(?:href="#|url\(#)([^")]+)', pagina)
    assert verwijzingen and set(verwijzingen) <= set(ids)
    assert "13 meetpunten" not in tekstalternatief(g) and "12 meetpunten" in tekstalternatief(g)


@settings(max_examples=12, deadline=None)
@given(
    waarden=st.lists(
        st.sampled_from([1e12, -1e12, 0.0, 5e-324, -5e-324, 1e-300, 123456789.123, 0.5]),
        min_size=1,
        max_size=12,
    ),
    doel=st.sampled_from([1e12, 0.0, 5e-324, -1e12]),
)
def test_elke_geldige_waarde_geeft_een_grafiek(
    tmp_path_factory: pytest.TempPathFactory, waarden: list[float], doel: float
) -> None:
    """Values at the edges of the accepted range draw, without a warning (warnings
    fail the tests), as a readable SVG."""
    wp = Werkplaats.maak(tmp_path_factory.mktemp("u") / "w", "U", vandaag=VasteKlok(VANDAAG))
    _cyclus(wp, basislijn=[], daarna=waarden, nul=waarden[0], doel=doel)
    g = grafiekgegevens(wp.cycli.overzicht("Rust in de klas").cyclus, "onrust", spc=True)
    svg = ET.fromstring(teken(g))
    assert svg.find(f"{SVG}title") is not None


# --- the docs ------------------------------------------------------------------------------


def test_de_tabel_van_anhoej_in_de_docs() -> None:
    tekst = (DOCS / "metingen.md").read_text(encoding="utf-8")
    rijen = re.findall(r"^\| (\d+) \| (\d+) \| (\d+) \|$", tekst, re.M)
    assert [int(n) for n, _r, _k in rijen] == list(range(10, 31))
    assert all(grenzen(int(n)) == (int(r), int(k)) for n, r, k in rijen)


def test_het_voorbeeld_van_de_docs_draait_zoals_het_er_staat(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/metingen.md as a werkgroep would type it: a baseline, the plan, weekly
    measurements until the signal, the chart; the chart in the docs is this one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    speel_af(ozc, voorbeeld(DOCS / "metingen.md", "## Een voorbeeld:"))
    gemaakt = ET.parse(tmp_path / "voorbeeld" / "gedrag-in-de-klas.svg").getroot()
    in_docs = ET.parse(DOCS / "img" / "gedrag-in-de-klas.svg").getroot()

    def teksten(svg: ET.Element) -> list[str]:
        return [e.text or "" for e in svg.iter() if e.tag in (f"{SVG}text", f"{SVG}desc")]

    assert teksten(gemaakt) == teksten(in_docs), "docs/img/gedrag-in-de-klas.svg is verouderd"
    c = Werkplaats.open(tmp_path / "voorbeeld").cycli.overzicht("Gedrag in de klas").cyclus
    v = verloop_van(c, "onderbrekingen per les")
    assert v.signaal and v.gunstig and v.bereikt and v.punten == 13


def test_een_reeks_in_een_keer_alles_of_niets(wp: Werkplaats) -> None:
    """A school tool imports a series at once; a refused measurement saves none."""
    _cyclus(wp, basislijn=[12], daarna=[])
    reeks = [Meting("onrust", _week(3), 10, groep="5a"), Meting("onrust", _week(4), "9,5")]
    o = wp.cycli.metingen("Rust in de klas", reeks)
    assert [(m.waarde, m.groep) for m in o.cyclus.metingen[-2:]] == [(10, "5a"), (9.5, None)]
    fout = [Meting("onrust", _week(5), 9), Meting("onrust", VANDAAG + dt.timedelta(days=1), 8)]
    with pytest.raises(Geweigerd, match="in de toekomst"):
        wp.cycli.metingen("Rust in de klas", fout)
    assert len(wp.cycli.overzicht("Rust in de klas").cyclus.metingen) == 3


def test_een_groep_anders_gespeld_is_dezelfde_groep(wp: Werkplaats) -> None:
    _cyclus(wp, basislijn=[12], daarna=[])
    w = "Rust in de klas"
    wp.cycli.meting(w, indicator="onrust", waarde=10, datum=_week(3), groep="Groep 7")
    o = wp.cycli.meting(w, indicator="onrust", waarde=9, datum=_week(4), groep=" groep7 ")
    assert [m.groep for m in o.cyclus.metingen[-2:]] == ["Groep 7", "Groep 7"]
    assert meetreeks.groepen_van(o.cyclus, "onrust") == ("Groep 7",)


def test_meting_zonder_indicator_als_er_een_is(demo: Path, ozc: Ozc) -> None:
    w = "Leergroep Begrijpend Lezen"
    uit = ozc("cyclus", "meting", w, "--waarde", "41%")
    assert uit.exit_code == 0 and "past strategie toe: 41%" in uit.stdout
    assert (
        "regelgrenzen tekent ozc vanaf 12"
        in ozc("cyclus", "grafiek", w, "--spc", "--uit", "l.svg").stdout
    )
    (demo / "g").mkdir()
    assert ozc("cyclus", "grafiek", w, "--uit", "g").exit_code == 0
    assert [p.name for p in (demo / "g").iterdir()] == [
        "leergroep-begrijpend-lezen-cyclus-1-past-strategie-toe.svg"
    ]
    weg = ozc("cyclus", "grafiek", w, "--uit", "nieuw/")
    assert weg.exit_code == 2 and "bestaat niet" in weg.stderr


def test_een_percentage_bij_een_indicator_in_een_andere_eenheid(wp: Werkplaats, ozc: Ozc) -> None:
    """ "48%" for an indicator counted in pupils is refused (nothing stored) with the
    unit it counts in; a % indicator, one without a unit, and a plain number are fine."""
    w = "Lezen"
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"lezen": "Iedereen leest"})
    wp.werkgroepen.toevoegen(w, scholen=["De Regenboog"])
    wp.cycli.start(w, aanleiding="Weinig lezers", vraag="Wat helpt?", datum=START)
    wp.cycli.beginsituatie(w, tekst="Weinig lezers", bronnen=["telling"], datum=START)
    wp.cycli.doel(
        w, tekst="Meer lezers", visie="lezen", datum=START,
        indicatoren=[("lezers", "leerlingen", 8, 20), ("op niveau", "%", 50, 75),
                     ("plezier", "", 3, 4)],
    )  # fmt: skip
    with pytest.raises(InvalidValue) as fout:
        wp.cycli.meting(w, indicator="lezers", waarde="48%", datum=_week(1))
    assert fout.value.bericht == "48% is een percentage, maar 'lezers' telt in leerlingen."
    assert wp.cycli.overzicht(w).cyclus.metingen == ()
    wp.cycli.meting(w, indicator="lezers", waarde="12", datum=_week(1))
    wp.cycli.meting(w, indicator="op niveau", waarde="55%", datum=_week(1))
    wp.cycli.meting(w, indicator="plezier", waarde="70%", datum=_week(1))
    assert [m.waarde for m in wp.cycli.overzicht(w).cyclus.metingen] == [12, 55, 70]
    uit = ozc("--werkplaats", str(wp.root), "cyclus", "meting", w, "--indicator", "lezers",
              "--waarde", "48 %", "--datum", _week(2).isoformat())  # fmt: skip
    assert uit.exit_code == 2
    assert "telt in leerlingen" in uit.stderr and "zonder %" in uit.stderr
    # correcting a measurement follows the same rule
    fout_ = ozc("--werkplaats", str(wp.root), "cyclus", "wijzig", w, "--meting", "1",
                "--waarde", "48%")  # fmt: skip
    assert fout_.exit_code == 2 and "telt in leerlingen" in fout_.stderr
    goed = ozc("--werkplaats", str(wp.root), "cyclus", "wijzig", w, "--meting", "2",
               "--waarde", "60%")  # fmt: skip
    assert goed.exit_code == 0, goed.output
    assert [m.waarde for m in wp.cycli.overzicht(w).cyclus.metingen] == [12, 60, 70]
