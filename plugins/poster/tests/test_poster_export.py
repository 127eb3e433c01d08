"""The ``poster`` export, parsed with the standard library's HTML parser."""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from ozc_poster import met_links

from onderzoekscyclus import Onderzoekscyclus, VasteKlok, Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import Selectie, exporteer, met_eenheid

VANDAAG = "2026-11-23"
SCRIPT = "<script>alert(1)</script>"
ATTRIBUUT = '" onmouseover="x'
JAVASCRIPT = "javascript:alert(1)"
DATA = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="


@pytest.fixture(autouse=True)
def _vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests do not depend on the caller's environment, language or date."""
    for naam in (
        "ONDERZOEKSCYCLUS_WERKPLAATS",
        "ONDERZOEKSCYCLUS_TAAL",
        "ONDERZOEKSCYCLUS_GEEN_PLUGINS",
    ):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)


@attrs.define
class Element:
    tag: str
    attrs: dict[str, str]
    svg: int | None


class Poster(HTMLParser):
    """Every start tag with its attributes, every text, and the SVG each tag is in."""

    def __init__(self, tekst: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = tekst
        self.elementen: list[Element] = []
        self.teksten: list[str] = []
        self.binnen: list[str] = []
        self._svg: int | None = None
        self._svgs = 0
        self.feed(tekst)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "svg":
            self._svgs += 1
            self._svg = self._svgs
        self.elementen.append(Element(tag, {k: v or "" for k, v in attrs}, self._svg))
        self.binnen.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._svg = None
        if tag in self.binnen:
            while self.binnen.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.teksten.append(data)

    @property
    def tekst(self) -> str:
        return "".join(self.teksten)

    def alle(self, tag: str, **gezocht: str) -> list[Element]:
        return [
            e
            for e in self.elementen
            if e.tag == tag and all(e.attrs.get(k) == v for k, v in gezocht.items())
        ]


def _lees(pad: Path | None) -> Poster:
    assert pad is not None
    tekst = pad.read_text(encoding="utf-8")
    return Poster(tekst)


def _is_veilig(poster: Poster) -> None:
    """No script, no event handler, only http/https/mailto links, nothing fetched."""
    assert not poster.alle("script")
    for element in poster.elementen:
        assert not [a for a in element.attrs if a.lower().startswith("on")], element
        assert "src" not in element.attrs, element
        assert element.tag not in ("link", "img", "iframe", "object", "embed", "base"), element
        for naam in ("href", "xlink:href", "action", "formaction"):
            if naam in element.attrs:
                if element.tag == "use" and element.attrs[naam].startswith("#"):
                    continue  # a chart reusing its own marker shape
                schema = urllib.parse.urlsplit(element.attrs[naam]).scheme
                assert schema in ("http", "https", "mailto"), element
    stijl = "".join(t for t in poster.teksten if "@page" in t)
    assert "url(" not in stijl
    assert "@import" not in stijl


def _figuren(html_tekst: str) -> dict[tuple[str, str], ET.Element]:
    """Every chart's figure of a poster, by (indicator, cycle), read by an XML parser."""
    figuren = {}
    for blok in re.findall(r'<figure class="indicator".*?</figure>', html_tekst, re.S):
        figuur = ET.fromstring(blok)
        sleutel = (figuur.attrib["data-indicator"], figuur.attrib["data-cyclus"])
        assert sleutel not in figuren, sleutel
        figuren[sleutel] = figuur
    return figuren


def _controleer_grafieken(poster: Poster, c: Onderzoekscyclus) -> None:
    """Each indicator has a run chart that a screen reader can read (role, title, text
    alternative) and a table of its points: the nulmeting and one point per day."""
    figuren = _figuren(poster.html)
    for indicator in c.indicatoren:
        figuur = figuren[(indicator.naam, str(c.nummer))]
        (svg,) = figuur.iter("{http://www.w3.org/2000/svg}svg")
        assert svg.attrib["role"] == "img"
        titel, uitleg = svg.attrib["aria-labelledby"].split()
        ids = {e.attrib.get("id"): e for e in svg.iter()}
        assert (ids[titel].text or "") == indicator.naam
        assert indicator.naam in (ids[uitleg].text or "")
        assert "meetpunten" in (ids[uitleg].text or "")
        rijen = [[td.text or "" for td in tr.iter("td")] for tr in figuur.iter("tr")][1:]
        dagen = sorted({m.datum for m in c.metingen_van(indicator.naam)})
        assert [r[0] for r in rijen] == [indicator.vastgesteld.isoformat()] + [
            d.isoformat() for d in dagen
        ]
        gemiddelden = [
            sum(w := [m.waarde for m in c.metingen_van(indicator.naam) if m.datum == d]) / len(w)
            for d in dagen
        ]
        assert [r[1] for r in rijen] == [
            met_eenheid(x, indicator.eenheid, significant=6)
            for x in [indicator.nulmeting, *gemiddelden]
        ]


@pytest.fixture
def demo(tmp_path: Path) -> Werkplaats:
    return maak_demo(tmp_path / "w", vandaag=dt.date.fromisoformat(VANDAAG))


def test_poster_van_de_demo_toont_de_cyclus(demo: Werkplaats, tmp_path: Path) -> None:
    """The poster of werkgroep rekenen shows its question, goal, plan, charts and conclusion."""
    groep = demo.werkgroepen.zoek("rekenen")
    pad = exporteer(
        demo, "poster", tmp_path / "poster.html", selectie=Selectie("werkgroep", groep.id)
    ).pad
    poster = _lees(pad)
    _is_veilig(poster)
    tekst = poster.tekst
    assert groep.naam in tekst
    for school in groep.scholen:
        assert demo.scholen.zoek(school).naam in tekst
    for lid in groep.leden:
        assert demo.personen.zoek(lid.persoon).naam in tekst
    afgerond = groep.cycli[0]
    assert afgerond.evaluatie is not None
    for stuk in (
        afgerond.vraag,
        afgerond.aanleiding,
        afgerond.beginsituatie,
        afgerond.doel,
        afgerond.visie,
        afgerond.evaluatie.tekst,
        *afgerond.evaluatie.lessen,
        *(b.beschrijving for b in afgerond.bronnen),
        *(a.wat for a in afgerond.acties),
        *(o.literatuur for o in afgerond.onderbouwing if o.literatuur),
    ):
        assert stuk
        assert stuk in tekst
    for c in groep.cycli:
        _controleer_grafieken(poster, c)
    assert len(poster.alle("svg")) == sum(len(c.indicatoren) for c in groep.cycli)
    assert poster.alle("p", **{"class": "oordeel deels"}) or poster.alle(
        "p", **{"class": "oordeel bereikt"}
    )


def test_elke_werkgroep_een_eigen_deel(demo: Werkplaats, tmp_path: Path) -> None:
    """Without a selection every werkgroep gets its own section with a chart per indicator."""
    poster = _lees(exporteer(demo, "poster", tmp_path / "alle.html").pad)
    _is_veilig(poster)
    delen = poster.alle("section", **{"class": "werkgroep"})
    assert [d.attrs["id"] for d in delen] == [
        f"werkgroep-{g.id}" for g in sorted(demo.werkgroepen.lijst(), key=lambda g: g.id)
    ]
    for groep in demo.werkgroepen.lijst():
        for c in groep.cycli:
            assert c.vraag in poster.tekst
            _controleer_grafieken(poster, c)


@pytest.fixture
def vijandig(tmp_path: Path) -> Werkplaats:
    """A werkgroep whose every text tries to become markup, a script or a bad link."""
    wp = Werkplaats.maak(tmp_path / "v", "Partnerschap <script>alert(1) 🌍")
    wp.scholen.toevoegen("De Regenboog " + ATTRIBUUT, brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": SCRIPT + " 🌈"})
    wp.personen.toevoegen("Anna " + ATTRIBUUT, school="De Regenboog")
    wp.werkgroepen.toevoegen("Rekenen " + ATTRIBUUT + " 🧮", scholen=["De Regenboog"])
    wp.werkgroepen.lid("Rekenen", "Anna", rol="leider")
    dag = dt.date(2026, 1, 5)
    wp.cycli.start("Rekenen", aanleiding=SCRIPT, vraag="Werkt " + ATTRIBUUT + "? 🧮", datum=dag)
    wp.cycli.beginsituatie(
        "Rekenen",
        tekst="<img src=x onerror=alert(1)>\r\nregel twee",
        bronnen=[
            JAVASCRIPT,
            DATA,
            "Rapport https://example.org/rapport?a=1&b=2.",
            "mailto:ib@example.org",
            "JaVaScRiPt:alert(2) en vbscript:x",
        ],
        datum=dag,
    )
    wp.cycli.doel(
        "Rekenen",
        tekst=ATTRIBUUT + " 🎯",
        visie="eigenaarschap",
        indicatoren=[("<b>score</b>", "%", 40.0, 60.0), ("rust " + ATTRIBUUT, "", 12.0, 6.0)],
        datum=dag + dt.timedelta(days=7),
    )
    wp.cycli.plan(
        "Rekenen",
        acties=[(SCRIPT, "Anna", "<i>maart</i>")],
        literatuur=["Zie " + JAVASCRIPT + " en https://example.org/boek."],
        datum=dag + dt.timedelta(days=14),
    )
    wp.cycli.uitvoeren("Rekenen", datum=dag + dt.timedelta(days=15))
    for i, (score, rust) in enumerate(((45.0, 10.0), (52.5, 9.0), (61.0, 7.0))):
        moment = dag + dt.timedelta(days=40 + 30 * i)
        wp.cycli.meting("Rekenen", indicator="<b>score</b>", waarde=score, datum=moment)
        wp.cycli.meting("Rekenen", indicator="rust " + ATTRIBUUT, waarde=rust, datum=moment)
    wp.cycli.evaluatie(
        "Rekenen",
        conclusie="deels",
        tekst=SCRIPT + " 🎉",
        lessen=[ATTRIBUUT, JAVASCRIPT],
        datum=dag + dt.timedelta(days=200),
    )
    return wp


def test_vijandige_tekst_blijft_tekst(vijandig: Werkplaats, tmp_path: Path) -> None:
    """Markup, attribute breakouts and bad links in user text only ever appear as text."""
    pad = exporteer(vijandig, "poster", tmp_path / "v.html").pad
    poster = _lees(pad)
    _is_veilig(poster)
    tekst = poster.tekst
    for stuk in (SCRIPT, ATTRIBUUT, JAVASCRIPT, DATA, "<img src=x onerror=alert(1)>", "🧮", "🎉"):
        assert stuk in tekst
    assert "<b>score</b>" in tekst
    assert not poster.alle("img")
    assert not poster.alle("b")
    assert not poster.alle("i")
    # the hostile strings are never part of an attribute, except escaped in a data attribute
    for element in poster.elementen:
        for naam, waarde in element.attrs.items():
            if naam != "data-indicator":
                assert ATTRIBUUT not in waarde, (element, naam)
                assert "javascript" not in waarde.lower(), (element, naam)
    links = sorted(e.attrs["href"] for e in poster.alle("a"))
    assert links == [
        "https://example.org/boek",
        "https://example.org/rapport?a=1&b=2",
        "mailto:ib@example.org",
    ]
    ruw = pad.read_text(encoding="utf-8") if pad else ""
    assert "<script" not in ruw.lower()
    groep = vijandig.werkgroepen.zoek("Rekenen")
    _controleer_grafieken(poster, groep.cycli[0])


def test_links_alleen_http_https_mailto() -> None:
    """Only http, https and mailto addresses become links; trailing punctuation stays outside."""
    assert met_links("zie https://a.example/x?y=1&z=2.") == (
        'zie <a href="https://a.example/x?y=1&amp;z=2" rel="noopener noreferrer">'
        "https://a.example/x?y=1&amp;z=2</a>."
    )
    assert met_links("javascript:alert('x')") == "javascript:alert(&#x27;x&#x27;)"
    assert met_links("javascript:https://a.example") == "javascript:https://a.example"
    assert met_links("data:text/html,<b>") == "data:text/html,&lt;b&gt;"
    assert met_links("http:// leeg") == "http:// leeg"
    assert 'href="mailto:a@b.example"' in met_links("mail mailto:a@b.example")


def test_pseudoniemen_op_de_poster(demo: Werkplaats, tmp_path: Path) -> None:
    """With --pseudoniem no member's name is on the poster, and it says names were replaced."""
    groep = demo.werkgroepen.zoek("rekenen")
    pad = exporteer(
        demo,
        "poster",
        tmp_path / "p.html",
        selectie=Selectie("werkgroep", groep.id),
        pseudoniem_=True,
    ).pad
    assert pad is not None
    ruw = pad.read_text(encoding="utf-8")
    for persoon in demo.personen.lijst():
        assert persoon.naam not in ruw
    assert "pseudoniemen" in _lees(pad).tekst


def test_ozc_export_poster(demo: Werkplaats, tmp_path: Path) -> None:
    """`ozc export poster --werkgroep rekenen --uit …` in a real process writes the poster."""
    uit = tmp_path / "poster.html"
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("ONDERZOEKSCYCLUS_")}
    omgeving["ONDERZOEKSCYCLUS_VANDAAG"] = VANDAAG
    klaar = subprocess.run(
        [
            sys.executable,
            "-m",
            "onderzoekscyclus",
            "export",
            "poster",
            "--werkgroep",
            "rekenen",
            "--uit",
            str(uit),
        ],
        cwd=demo.root,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert klaar.returncode == 0, klaar.stderr
    poster = _lees(uit)
    _is_veilig(poster)
    assert demo.werkgroepen.zoek("rekenen").cycli[0].vraag in poster.tekst


# --- extreme values: every accepted number gives a chart, in bounded time ---------------

GROOTSTE = 1e12
"""The largest size of a measured value (docs/cyclus.md)."""

DAG = dt.date(2026, 1, 5)


def _uitersten(wp: Werkplaats) -> Onderzoekscyclus:
    """A cycle whose indicators are at the edges of the range, measured three times."""
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"])
    wp.cycli.start("Rekenen", aanleiding="a", vraag="Helpt oefenen?", datum=DAG)
    wp.cycli.beginsituatie("Rekenen", tekst="t", bronnen=["toets"], datum=DAG)
    uitersten = {
        "groot": (GROOTSTE, math.nextafter(GROOTSTE, 0), [GROOTSTE, -GROOTSTE, 0.5]),
        "klein": (0.0, 5e-324, [5e-324, -5e-324, 1e-300]),
        "subnormaal": (5e-324, 0.0, [-5e-324, 5e-324, 0.0]),
        "gelijk": (-GROOTSTE, -GROOTSTE, [-GROOTSTE, -GROOTSTE, -GROOTSTE]),
        "dichtbij": (123456789.123, 123456789.124, [123456789.1235, 0.1 + 0.2, 1e-12]),
    }
    wp.cycli.doel(
        "Rekenen",
        tekst="Hoger",
        visie="eigenaarschap",
        indicatoren=[(n, "", nul, doel) for n, (nul, doel, _m) in uitersten.items()],
        datum=DAG,
    )
    wp.cycli.plan("Rekenen", acties=[("oefenen", None, None)], literatuur=["boek"], datum=DAG)
    wp.cycli.uitvoeren("Rekenen", datum=DAG)
    for naam, (_nul, _doel, metingen) in uitersten.items():
        for i, waarde in enumerate(metingen, start=1):
            moment = DAG + dt.timedelta(days=30 * i)
            wp.cycli.meting("Rekenen", indicator=naam, waarde=waarde, datum=moment)
    return wp.werkgroepen.zoek("Rekenen").cycli[0]


def test_uiterste_getallen_op_de_poster(tmp_path: Path) -> None:
    """Values at the edges of the range give a poster with a readable chart and a
    table of the points for every indicator."""
    wp = Werkplaats.maak(tmp_path / "u", "Uitersten", vandaag=VasteKlok(dt.date(2026, 11, 23)))
    c = _uitersten(wp)
    pad = exporteer(wp, "poster", tmp_path / "u.html").pad
    poster = _lees(pad)
    _is_veilig(poster)
    assert len(_figuren(poster.html)) == len(c.indicatoren) == 5
    _controleer_grafieken(poster, c)


def _geheugen_begrensd() -> None:  # pragma: no cover - runs in the child process
    """At most 2 GB of memory: a runaway export fails instead of exhausting the machine."""
    import resource  # noqa: PLC0415 - POSIX only, like the limit

    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


BEGRENS = _geheugen_begrensd if os.name == "posix" else None


def test_de_aanval_met_1e16_komt_niet_binnen_en_de_poster_blijft_snel(tmp_path: Path) -> None:
    """The attack of the issue, with the real `ozc`: an indicator from 1e16 to 1e16+2 and
    a measurement of 1.7e308 are refused; `ozc export poster` then finishes quickly."""
    wp = Werkplaats.maak(tmp_path / "a", "Aanval", vandaag=VasteKlok(dt.date(2026, 11, 23)))
    _uitersten(wp)
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("ONDERZOEKSCYCLUS_")}
    omgeving["ONDERZOEKSCYCLUS_VANDAAG"] = VANDAAG

    def ozc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "onderzoekscyclus", "--werkplaats", str(wp.root), *args],
            env=omgeving,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
            preexec_fn=BEGRENS,
        )

    doel = ozc("cyclus", "doel", "Rekenen", "--indicator", "aanval", "--eenheid", "",
               "--nulmeting", "1e16", "--streefwaarde", "10000000000000002")  # fmt: skip
    assert doel.returncode == 2, doel.stderr
    assert "nulmeting: 1e+16 valt buiten het bereik" in doel.stderr
    meting = ozc("cyclus", "meting", "Rekenen", "--indicator", "groot", "--waarde", "1.7e308")
    assert meting.returncode == 2, meting.stderr
    uit = tmp_path / "poster.html"
    export = ozc("export", "poster", "--uit", str(uit))
    assert export.returncode == 0, export.stderr
    assert len(_figuren(uit.read_text(encoding="utf-8"))) == 5
