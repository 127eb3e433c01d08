"""The partnership website (`ozc site`): every page valid HTML5 with working links, no
name without consent, and accessible in a real Chromium: axe-core finds no WCAG 2.1 AA
violation, nothing overflows at phone or desktop width, and search works."""

from __future__ import annotations

import functools
import gzip
import html
import http.server
import json
import re
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest

from onderzoekscyclus import Werkplaats

from .conftest import Ozc

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGUMENTEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MET_TOESTEMMING = "Fatima El Amrani"
OPENBAAR = "Time-outplek in elke groep"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's site, with one person who consented to be named."""
    from click.testing import CliRunner

    from onderzoekscyclus.cli._root import ozc

    map_ = tmp_path_factory.mktemp("site")
    runner = CliRunner()
    assert runner.invoke(ozc, ["demo", str(map_ / "d")]).exit_code == 0
    wp = ["--werkplaats", str(map_ / "d")]
    assert runner.invoke(ozc, [*wp, "persoon", "toestemming", MET_TOESTEMMING]).exit_code == 0
    assert runner.invoke(ozc, [*wp, "besluit", "openbaar", OPENBAAR]).exit_code == 0
    # free text with the name of the one who consented and of one who did not
    trots = [
        "--trots",
        f"Leesclub van {MET_TOESTEMMING}",
        "--trots",
        "Rekenmiddag van Anna de Vries",
    ]
    assert runner.invoke(ozc, [*wp, "school", "profiel", "De Regenboog", *trots]).exit_code == 0
    uit = runner.invoke(ozc, [*wp, "site", str(map_ / "s")])
    assert uit.exit_code == 0, uit.output
    return map_ / "s"


def _paginas(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for naam in ("href", "src", "action"):
            if a.get(naam):
                self.links.append(a[naam] or "")


def test_de_site_heeft_de_paginas_van_het_partnerschap(site: Path) -> None:
    namen = {p.relative_to(site).as_posix() for p in _paginas(site)}
    assert {"index.html", "toegankelijkheid.html", "colofon.html", "zoeken.html"} <= namen
    wp = Werkplaats.open(site.parent / "d")
    scholen = wp.scholen.lijst()
    assert {f"scholen/{s.id}.html" for s in scholen} <= namen
    afgerond = [
        (g.id, c.nummer) for g in wp.werkgroepen.lijst() for c in wp.werkgroepen.zoek(id=g.id).cycli
        if c.fase.value == "afgerond"
    ]  # fmt: skip
    assert afgerond and {f"onderzoek/{g}-cyclus-{n}.html" for g, n in afgerond} <= namen
    assert "themas/rekenen.html" in namen
    besluiten = {b.titel: b for b in wp.besluitvorming.lijst()}
    assert [n for n in namen if n.startswith("besluiten/")] == [
        f"besluiten/{besluiten[OPENBAAR].id}.html"
    ]
    besluit = (site / "besluiten" / f"{besluiten[OPENBAAR].id}.html").read_text("utf-8")
    assert OPENBAAR in besluit and "Het voorstel" in besluit
    volledig = wp.besluitvorming.zoek(id=besluiten[OPENBAAR].id)
    assert volledig.feedback and not any(f.tekst in besluit for f in volledig.feedback)
    rekenen = (site / "themas" / "rekenen.html").read_text(encoding="utf-8")
    assert "Omvat:" in rekenen and "De Regenboog" in rekenen


def test_een_schoolbezoek_staat_bij_de_school_zonder_bevindingen(site: Path) -> None:
    """A hosted visit is on the host's page with its kind, question, visitors (as roles
    without consent) and the research its finding fed; the findings stay off the site."""
    wp = Werkplaats.open(site.parent / "d")
    bezoeken = [b for b in wp.bezoeken.lijst() if b.datum <= wp.vandaag()]
    assert bezoeken
    for b in bezoeken:
        pagina = (site / "scholen" / f"{b.school}.html").read_text(encoding="utf-8")
        assert "Schoolbezoeken" in pagina and b.vraag in pagina
        for x in b.bevindingen:
            assert x.tekst not in pagina
    visitatie = next(b for b in bezoeken if b.bevindingen and b.soort.value == "visitatie")
    pagina = (site / "scholen" / f"{visitatie.school}.html").read_text(encoding="utf-8")
    rekenen = wp.werkgroepen.zoek("Rekenen groep 5-8")
    assert rekenen.cycli[1].vraag in pagina.split("kop-bezoeken", 1)[1]


def test_de_ontwikkelagenda_staat_per_schooljaar_op_de_site(site: Path) -> None:
    """Every speerpunt under each of its school years, with its werkgroepen and the
    finished research of those werkgroepen linked; the menu of every page leads there."""
    wp = Werkplaats.open(site.parent / "d")
    agenda = (site / "ontwikkelagenda.html").read_text(encoding="utf-8")
    jaren = sorted({j for p in wp.ontwikkelagenda.lijst() for j in p.schooljaren})
    assert len(jaren) == 3
    kopjes = [agenda.index(f">{j}") for j in jaren]
    assert kopjes == sorted(kopjes)
    for punt in wp.ontwikkelagenda.lijst():
        assert agenda.count(f">{punt.titel}<") == len(punt.schooljaren), punt.titel
    rekenen = wp.werkgroepen.zoek("Rekenen groep 5-8")
    assert f'href="onderzoek/{rekenen.id}-cyclus-1.html"' in agenda
    assert 'href="ontwikkelagenda.html"' in (site / "index.html").read_text(encoding="utf-8")


def test_elke_pagina_is_geldige_html5(site: Path) -> None:
    for pad in _paginas(site):
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        parser.parse(pad.read_bytes())  # raises on the first parse error
        assert re.search(r'<html lang="nl">', pad.read_text(encoding="utf-8")), pad


def test_elke_interne_link_bestaat(site: Path) -> None:
    ids = {}
    links = {}
    for pad in _paginas(site):
        p = _Links()
        p.feed(pad.read_text(encoding="utf-8"))
        ids[pad.resolve()] = p.ids
        links[pad] = p.links
    geteld = 0
    for pad, lijst in links.items():
        for link in lijst:
            deel = urllib.parse.urlsplit(link)
            if deel.scheme or (link.startswith("#") and not deel.path):
                if link.startswith("#"):
                    assert link[1:] in ids[pad.resolve()], (pad, link)
                continue
            doel = (pad.parent / deel.path).resolve()
            assert doel.exists(), (pad, link)
            if deel.fragment and doel.suffix == ".html":
                assert deel.fragment in ids[doel], (pad, link)
            geteld += 1
    assert geteld > 100


def _teksten(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file of the site as text, the search index unpacked."""
    for pad in sorted(site.rglob("*")):
        if pad.is_dir():
            continue
        if pad.suffix in {".html", ".css", ".json", ".js", ".svg"} or pad.name.startswith(".onder"):
            yield pad, pad.read_text(encoding="utf-8", errors="replace")
        elif pad.suffix in {".pf_fragment", ".pf_index", ".pf_meta"}:
            yield pad, gzip.decompress(pad.read_bytes()).decode("utf-8", errors="replace")


def test_geen_naam_zonder_toestemming(site: Path) -> None:
    """No form of the name of anyone who did not consent, anywhere (the search index
    included); the one who consented is named, with role and school."""
    wp = Werkplaats.open(site.parent / "d")
    alles = "\n".join(t for _p, t in _teksten(site))
    for p in wp.personen.lijst():
        if p.naam == MET_TOESTEMMING:
            continue
        for vorm in [p.naam, *(d for d in p.naam.split() if len(d) > 3)]:
            assert not re.search(rf"(?<!\w){re.escape(vorm)}(?!\w)", alles, re.I), (p.naam, vorm)
    thema = (site / "themas" / "begrijpend-lezen.html").read_text(encoding="utf-8")
    assert f"{MET_TOESTEMMING} (leraar, specialist, De Regenboog)" in thema
    # in free text too: the one who consented by name, the other by a pseudonym
    regenboog = wp.scholen.zoek("De Regenboog").id
    school = (site / "scholen" / f"{regenboog}.html").read_text(encoding="utf-8")
    assert f"Leesclub van {MET_TOESTEMMING}" in school
    assert re.search(r"Rekenmiddag van Persoon [0-9a-f]{8}", school)


def test_zelfevaluatie_alleen_als_gemiddelden_met_genoeg_respondenten(
    site: Path, tmp_path: Path, ozc: Ozc
) -> None:
    wp = Werkplaats.open(site.parent / "d")
    regenboog = wp.scholen.zoek("De Regenboog")
    pagina = (site / "scholen" / f"{regenboog.id}.html").read_text(encoding="utf-8")
    assert "Zelfevaluatie: " in pagina and "6 respondenten" in pagina
    streng = ozc("--werkplaats", str(site.parent / "d"), "site", str(tmp_path / "s"),
                 "--min-respondenten", "7")  # fmt: skip
    assert streng.exit_code == 0
    assert "Zelfevaluatie" not in (tmp_path / "s" / "scholen" / f"{regenboog.id}.html").read_text(
        encoding="utf-8"
    )


def test_voorbeeld_zegt_wat_er_op_komt_en_maakt_niets(site: Path, tmp_path: Path, ozc: Ozc) -> None:
    uit = ozc("--werkplaats", str(site.parent / "d"), "--json", "site", str(tmp_path / "x"),
              "--voorbeeld")  # fmt: skip
    assert uit.exit_code == 0 and not (tmp_path / "x").exists()
    regels = json.loads(uit.stdout)
    personen = {r["wat"]: r for r in regels if r["soort"] == "persoon"}
    assert personen[MET_TOESTEMMING]["gepubliceerd"] is True
    assert not any(r["gepubliceerd"] for n, r in personen.items() if n != MET_TOESTEMMING)
    assert all(not r["gepubliceerd"] for r in regels if r["soort"] == "logboek")
    besluiten = {r["wat"]: r["gepubliceerd"] for r in regels if r["soort"] == "besluit"}
    assert besluiten.pop(OPENBAAR) is True and not any(besluiten.values())


def test_een_afgerond_onderzoek_heeft_grafiek_tekst_en_tabel(site: Path) -> None:
    (pad,) = sorted((site / "onderzoek").glob("*.html"))[:1]
    tekst = pad.read_text(encoding="utf-8")
    assert 'role="img"' in tekst and "<desc id=" in tekst and "Runchart van" in tekst
    assert "<caption>De meetpunten van" in tekst


# --- in a real browser ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium ontbreekt: installeer het met `apt-get install chromium`.")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMENTEN)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1, as a static host would."""

    class Stil(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    dienst = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Stil, directory=str(site))
    )
    draad = threading.Thread(target=dienst.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{dienst.server_port}"
    dienst.shutdown()
    dienst.server_close()


@pytest.mark.slow
def test_axe_vindt_geen_schending_op_enige_pagina(site: Path, server: str, browser: object) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page()  # type: ignore[attr-defined]
    regels: set[str] = set()
    for pad in _paginas(site):
        page.goto(f"{server}/{pad.relative_to(site).as_posix()}")
        uitslag = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        schendingen = uitslag.response["violations"]
        assert schendingen == [], (
            pad.name,
            [(v["id"], v["nodes"][0]["html"]) for v in schendingen],
        )
        regels |= {r["id"] for r in uitslag.response["passes"]}
    assert {"color-contrast", "html-has-lang", "document-title", "svg-img-alt"} <= regels
    # the check can fail: a page with an image without text and faint text
    page.set_content(
        '<html lang="nl"><title>x</title><body style="background:#fff"><main><img src="a.png">'
        '<p style="color:#d0d0d0;background-color:#fff">Lichte tekst op wit</p></main></body>'
    )
    fout = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    assert {"image-alt", "color-contrast"} <= {v["id"] for v in fout.response["violations"]}
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize("breedte", [375, 1280])
def test_niets_steekt_uit_op_telefoon_en_scherm(
    site: Path, server: str, browser: object, breedte: int, tmp_path: Path
) -> None:
    page = browser.new_page(viewport={"width": breedte, "height": 900})  # type: ignore[attr-defined]
    for pad in _paginas(site):
        page.goto(f"{server}/{pad.relative_to(site).as_posix()}")
        breed = page.evaluate("document.documentElement.scrollWidth")
        assert breed <= breedte, (pad.name, breed)
    page.goto(f"{server}/index.html")
    page.screenshot(path=str(tmp_path / f"index-{breedte}.png"), full_page=True)
    assert (tmp_path / f"index-{breedte}.png").stat().st_size > 10_000
    page.close()


@pytest.mark.slow
def test_zoeken_vindt_een_school_en_werkt_met_het_toetsenbord(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(f"{server}/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.fill("#zoekterm", "Regenboog")
    page.press("#zoekterm", "Enter")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15_000)
    titels = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert "De Regenboog" in titels
    page.close()


@pytest.mark.slow
def test_zonder_javascript_is_elke_pagina_te_gebruiken(
    site: Path, server: str, browser: object
) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/zoeken.html?q=rekenen")
    assert "Zonder JavaScript vindt u alles via de lijsten" in page.inner_text("main")
    page.click("text=thema's")
    assert page.url.endswith("/index.html#themas")
    context.close()


def test_opnieuw_bouwen_schrijft_alleen_wat_veranderde(tmp_path: Path, ozc: Ozc) -> None:
    """A rebuild writes only the files whose content changed, removes what an earlier
    build made and no longer belongs to the site, and leaves others' files alone."""
    assert ozc("demo", str(tmp_path / "d")).exit_code == 0
    wp = ["--werkplaats", str(tmp_path / "d"), "--json"]
    uit = tmp_path / "s"
    eerste = json.loads(ozc(*wp, "site", str(uit)).stdout)
    assert eerste["ongewijzigd"] == 0 and "index.html" in eerste["geschreven"]
    (uit / "eigen.txt").write_text("van de coördinator", encoding="utf-8")
    (uit / "scholen" / "oud.html").write_text("weg", encoding="utf-8")
    manifest = uit / ".onderzoekscyclus-site"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "scholen/oud.html\n", "utf-8")
    tweede = json.loads(ozc(*wp, "site", str(uit)).stdout)
    assert tweede["geschreven"] == [] and tweede["verwijderd"] == ["scholen/oud.html"]
    regenboog = Werkplaats.open(tmp_path / "d").scholen.zoek("De Regenboog")
    assert ozc(*wp, "school", "profiel", "De Regenboog", "--trots", "Onze leesclub").exit_code == 0
    derde = json.loads(ozc(*wp, "site", str(uit)).stdout)
    assert f"scholen/{regenboog.id}.html" in derde["geschreven"]
    assert not [n for n in derde["geschreven"] if n.startswith(("scholen/", "onderzoek/"))
                and regenboog.id not in n]  # fmt: skip
    assert "Onze leesclub" in (uit / "scholen" / f"{regenboog.id}.html").read_text("utf-8")
    # the search index was made anew from the changed page (and kept when nothing changed)
    zoekbaar = "".join(t for pad, t in _teksten(uit / "pagefind") if pad.suffix == ".pf_fragment")
    assert "Onze leesclub" in zoekbaar
    assert any(n.startswith("pagefind/") for n in derde["geschreven"])
    assert (uit / "eigen.txt").read_text(encoding="utf-8") == "van de coördinator"


def test_grafieken_in_werkprocessen_zijn_dezelfde_in_dezelfde_taal(tmp_path: Path) -> None:
    """A large build draws its charts in worker processes beforehand: each is the chart
    this process draws, in this process's language, and the pages are the same as when
    every chart is drawn as its page is made."""
    import datetime as dt

    from onderzoekscyclus.demo.schaal import maak_grote_demo
    from onderzoekscyclus.export import exportgegevens
    from onderzoekscyclus.export import site as sitemodule
    from onderzoekscyclus.export.grafiek import grafiekgegevens, svg_in_html
    from onderzoekscyclus.i18n import in_taal

    root = maak_grote_demo(tmp_path / "d", 40, vandaag=dt.date(2026, 11, 23))
    wp = Werkplaats.open(root)
    klaar = [(g, c) for g in wp.werkgroepen.lijst() for c in g.cycli if c.fase.value == "afgerond"]
    data = [
        (grafiekgegevens(c, i.naam), f"g-{g.id}-{c.nummer}-{n}")
        for g, c in klaar[:3]
        for n, i in enumerate(c.indicatoren, start=1)
    ]
    with in_taal("en"):
        getekend = sitemodule._teken_verdeeld(data)
        assert getekend == [svg_in_html(d, s) for d, s in data]
    assert all("baseline" in svg for svg in getekend if svg)

    aantal = sum(len(c.indicatoren) for _g, c in klaar)
    assert aantal >= sitemodule._PARALLEL_VANAF  # this build draws in worker processes

    def gebouwd(uit: Path) -> dict[str, bytes]:
        gegevens = exportgegevens(
            wp,
            pseudoniem_=True,
            sleutel=sitemodule.sitesleutel(wp.info.naam),
            bijsnijden=sitemodule.alleen_wat_de_site_toont,
        )
        verslag = sitemodule.bouw(gegevens, uit)
        return {n: (uit / n).read_bytes() for n in verslag.paginas}

    verdeeld = gebouwd(tmp_path / "verdeeld")
    assert len(list((tmp_path / "verdeeld" / sitemodule.GRAFIEKEN).glob("*.svg"))) == aantal
    with pytest.MonkeyPatch.context() as m:
        m.setattr(sitemodule, "_PARALLEL_VANAF", 10**9)  # every chart drawn by its page
        assert gebouwd(tmp_path / "hier") == verdeeld


def test_de_site_in_het_engels(tmp_path: Path, ozc: Ozc) -> None:
    """`ozc --taal en site`: every page says it is English, parses as HTML5, and shows
    no text of the templates in Dutch, each in its English words instead."""
    import gettext

    from onderzoekscyclus.export import site as sitemodule

    assert ozc("demo", str(tmp_path / "d")).exit_code == 0
    uit = ozc("--taal", "en", "--werkplaats", str(tmp_path / "d"), "site", str(tmp_path / "s"))
    assert uit.exit_code == 0, uit.output
    assert "Website made in" in uit.stdout
    engels = gettext.translation(
        "onderzoekscyclus",
        Path(sitemodule.__file__).parents[2] / "locale",
        languages=["en"],
    )
    # every message of the templates, with its placeholders as the page fills them
    berichten = set()
    for sjabloon in (Path(sitemodule.__file__).parent / "sjablonen").glob("*.html"):
        berichten |= set(re.findall(r'_\(["\']([^"\']+)["\']', sjabloon.read_text("utf-8")))
    vast = sorted(b for b in berichten if "%(" not in b and engels.gettext(b) != b)
    assert len(vast) > 40
    paginas = _paginas(tmp_path / "s")
    inhoud = {p: p.read_text(encoding="utf-8") for p in paginas}
    for pad, tekst in inhoud.items():
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(tekst)
        assert '<html lang="en">' in tekst, pad
        zichtbaar = re.sub(r"<svg.*?</svg>|<script.*?</script>", "", tekst, flags=re.S)
        for bericht in vast:
            # a whole element in Dutch; a sentence of the templates anywhere (a single
            # word such as "scholen" may well be in a werkgroep's own text)
            assert f">{html.escape(bericht)}<" not in zichtbaar, (pad, bericht)
            if len(bericht.split()) >= 3:
                assert html.escape(bericht) not in zichtbaar, (pad, bericht)
    alles = "".join(inhoud.values())
    for engelse in (
        "Skip to content",
        "Finished research",
        "Where were we?",
        "What did we measure?",
        "The measurements of",
        "What we are proud of",
        "Also researched on these themes",
        "Searching this site uses JavaScript.",
        "Found something that does not work?",
        "Made on",
    ):
        assert engelse in alles, engelse


def test_elke_tekst_van_de_sjablonen_gaat_door_de_vertaling() -> None:
    """No word of the templates is written outside `_()` or `ngettext()` (whose messages
    the catalogue check requires to be translated): a Dutch text in a part of a page the
    demo does not show would otherwise reach an English site unseen."""
    from onderzoekscyclus.export import site as sitemodule

    for sjabloon in sorted((Path(sitemodule.__file__).parent / "sjablonen").glob("*.html")):
        tekst = sjabloon.read_text(encoding="utf-8")
        tekst = re.sub(r"<script>.*?</script>|\{%.*?%\}|\{\{.*?\}\}", " ", tekst, flags=re.S)
        tekst = re.sub(r"<[^>]*>|&\w+;", " ", tekst)
        woorden = set(re.findall(r"[^\W\d_]{2,}", tekst)) - {"BRIN"}
        assert not woorden, (sjabloon.name, sorted(woorden))
