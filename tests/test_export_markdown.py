"""The ``markdown`` export: a report whose structure user text cannot break.

The output is parsed with markdown-it-py (CommonMark with tables) and compared with
the werkplaats: headings, tables and text as a reader's Markdown viewer shows them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.domein.cyclus import resultaten_van
from onderzoekscyclus.export import Selectie, exporteer
from onderzoekscyclus.export.formaten.markdown import alinea, regel

from .hulp_export import BLOKKEN, FORMULE, MARKDOWN, MEERREGELIG, vijandige_werkplaats

PARSER = MarkdownIt("commonmark").enable("table")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Werkplaats]:
    """The demo partnership, made once for this module (exports only read it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-11-23")
        yield maak_demo(tmp_path_factory.mktemp("demo") / "wp", vandaag=dt.date(2026, 11, 23))


class Document:
    """The parsed report: headings, paragraphs, list items and tables, as shown."""

    def __init__(self, tekst: str) -> None:
        self.tokens = PARSER.parse(tekst)
        self.koppen: list[tuple[int, str]] = []
        self.alineas: list[str] = []
        self.items: list[str] = []
        self.tabellen: list[list[list[str]]] = []
        self.opmaak: list[str] = []
        in_item = 0
        for i, token in enumerate(self.tokens):
            if token.type == "list_item_open":
                in_item += 1
            elif token.type == "list_item_close":
                in_item -= 1
            elif token.type == "table_open":
                self.tabellen.append([])
            elif token.type == "tr_open":
                self.tabellen[-1].append([])
            elif token.type == "inline":
                tekst_ = _tekst(token)
                self.opmaak += [k.type for k in token.children or [] if k.type not in _GEWOON]
                vorige = self.tokens[i - 1].type
                if vorige == "heading_open":
                    self.koppen.append((int(self.tokens[i - 1].tag[1]), tekst_))
                elif vorige in ("th_open", "td_open"):
                    self.tabellen[-1][-1].append(tekst_)
                elif in_item:
                    self.items.append(tekst_)
                else:
                    self.alineas.append(tekst_)
            elif token.type not in _BLOKKEN:
                self.opmaak.append(token.type)

    def sectie(self, kop: str) -> Document:
        """The part of the report under the first heading ``kop``, up to the next one
        of the same or a higher level."""
        regels = self.bron.splitlines()
        start = next(n for n, r in enumerate(regels) if r.lstrip("#").strip() == kop)
        niveau = len(regels[start]) - len(regels[start].lstrip("#"))
        einde = next(
            (
                n
                for n in range(start + 1, len(regels))
                if regels[n].startswith("#")
                and len(regels[n]) - len(regels[n].lstrip("#")) <= niveau
            ),
            len(regels),
        )
        return lees("\n".join(regels[start:einde]))

    bron = ""


_GEWOON = {"text", "softbreak", "strong_open", "strong_close"}
_BLOKKEN = {
    "heading_open",
    "heading_close",
    "paragraph_open",
    "paragraph_close",
    "bullet_list_open",
    "bullet_list_close",
    "list_item_close",
    "table_close",
    "thead_open",
    "thead_close",
    "tbody_open",
    "tbody_close",
    "tr_close",
    "th_open",
    "th_close",
    "td_open",
    "td_close",
}


def _tekst(token: Token) -> str:
    return "".join(
        "\n" if k.type == "softbreak" else k.content
        for k in token.children or []
        if k.type in ("text", "softbreak")
    )


def lees(tekst: str) -> Document:
    document = Document(tekst)
    document.bron = tekst
    return document


def _verslag(wp: Werkplaats, pad: Path, **opties: object) -> Document:
    exporteer(wp, "markdown", pad, **opties)  # type: ignore[arg-type]
    return lees(pad.read_text(encoding="utf-8"))


def _getal(cel: str) -> float:
    return float(cel.replace(",", "."))


# --- escaping ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tekst",
    [MARKDOWN, FORMULE, "1. begin", "- lijst", "> citaat", "---", "=== x", "a & b &amp; c", "#"],
)
def test_regel_toont_precies_de_tekst(tekst: str) -> None:
    """One line of user text renders as exactly that text, without markup of its own."""
    document = lees(f"{regel(tekst)}\n\n| kop |\n| --- |\n| {regel(tekst)} |\n")
    assert document.alineas == [tekst]
    assert document.tabellen == [[["kop"], [tekst]]]
    assert document.opmaak == []


def test_alinea_houdt_regels_maar_geen_blokken() -> None:
    """Multi-line text keeps its lines and never becomes a heading, list, quote or code."""
    document = lees(alinea(BLOKKEN))
    assert document.koppen == document.items == []
    assert document.alineas == ["\n".join(r.strip() for r in BLOKKEN.splitlines())]
    assert [t.type for t in document.tokens if t.block] == [
        "paragraph_open",
        "inline",
        "paragraph_close",
    ]


# --- the report ---------------------------------------------------------------------------


def test_verslag_volgt_de_werkplaats(demo: Werkplaats, tmp_path: Path) -> None:
    """A section per werkgroep, with a heading per cycle and per besluit, in order."""
    document = _verslag(demo, tmp_path / "alles.md")
    verwacht: list[tuple[int, str]] = []
    for groep in sorted(demo.werkgroepen.lijst(), key=lambda g: g.id):
        verwacht.append((2, f"Werkgroep: {groep.naam}"))
        verwacht += [(3, f"Cyclus {c.nummer}: {c.vraag}") for c in groep.cycli]
        verwacht += [
            (3, f"Besluit: {b.titel}")
            for b in demo.besluitvorming.lijst()
            if b.werkgroep == groep.id
        ]
    metingen = sorted(demo.zelfevaluaties.metingen(alle=True), key=lambda m: (m.datum, m.id))
    assert metingen, "the demo has self-evaluations"
    punten = demo.ontwikkelagenda.lijst()
    assert punten, "the demo has an ontwikkelagenda"
    verwacht.append((2, "Ontwikkelagenda"))
    verwacht += [(3, f"{p.titel} ({', '.join(p.schooljaren)})") for p in punten]
    verwacht.append((2, "Zelfevaluaties"))
    for m in metingen:
        instrument = demo.zelfevaluaties.instrument(m.instrument).naam
        voor = demo.scholen.zoek(m.school).naam if m.school else "het partnerschap"
        verwacht.append((3, f"{instrument}: {voor}, {m.datum.isoformat()}"))
    bezoeken = sorted(demo.bezoeken.lijst(), key=lambda b: (b.datum, b.id))
    assert bezoeken, "the demo has school visits"
    verwacht.append((2, "Schoolbezoeken"))
    for b in bezoeken:
        school = demo.scholen.zoek(b.school).naam
        verwacht.append((3, f"{b.titel}: {school}, {b.datum.isoformat()}"))
    hoofdstukken = [(n, k) for n, k in document.koppen if n in (2, 3)]
    assert hoofdstukken == verwacht
    assert document.koppen[0] == (1, f"Onderzoeksverslag: {demo.info.naam}")
    assert document.opmaak == []


def test_metingen_en_indicatoren_als_tabel(demo: Werkplaats, tmp_path: Path) -> None:
    """The measurement table has a column per indicator and a row per date between the
    baseline and the target; the indicator table lists baseline and target."""
    groep = demo.werkgroepen.zoek("rekenen")
    document = _verslag(demo, tmp_path / "r.md", selectie=Selectie("werkgroep", groep.id))
    c = groep.cycli[0]
    cyclus = document.sectie(f"Cyclus {c.nummer}: {c.vraag}")
    indicatoren, metingen = cyclus.tabellen
    assert [(r[0], _getal(r[3]), _getal(r[4])) for r in indicatoren[1:]] == [
        (i.naam, i.nulmeting, i.streefwaarde) for i in c.indicatoren
    ]
    ind = c.indicatoren[0]
    assert metingen[0] == ["Datum", f"{ind.naam} ({ind.eenheid})"]
    assert metingen[1] == ["nulmeting", f"{ind.nulmeting:g}"]
    assert [(r[0], _getal(r[1])) for r in metingen[2:-1]] == [
        (m.datum.isoformat(), m.waarde) for m in c.metingen_van(ind.naam)
    ]
    assert metingen[-1] == ["streefwaarde", f"{ind.streefwaarde:g}"]
    uitslag = resultaten_van(c)[0]
    assert any(
        item.startswith(f"{ind.naam}: laatste meting") and "niet bereikt" in item
        for item in cyclus.items
    ) is (uitslag.bereikt is False)
    assert c.evaluatie is not None
    assert f"Conclusie: {c.evaluatie.conclusie.value}" in cyclus.alineas
    assert [k for _n, k in cyclus.koppen][1:] == [
        "Aanleiding",
        "Beginsituatie",
        "Doel",
        "Verbeterplan",
        "Metingen",
        "Evaluatie",
        "Methodekwaliteit",
    ]


def test_besluit_met_feedback_en_reacties(demo: Werkplaats, tmp_path: Path) -> None:
    """A besluit shows every feedback item with what the werkgroep did with it."""
    besluit = next(b for b in demo.besluitvorming.lijst() if b.feedback)
    document = _verslag(demo, tmp_path / "b.md", selectie=Selectie("besluit", besluit.id))
    sectie = document.sectie(f"Besluit: {besluit.titel}")
    tabel = sectie.tabellen[0]
    assert tabel[0] == ["Nr", "Datum", "Van", "Feedback", "Reactie", "Motivatie"]
    assert [(int(r[0]), r[3], r[4]) for r in tabel[1:]] == [
        (f.nummer, f.tekst, f.reactie.oordeel.value if f.reactie else "nog geen reactie")
        for f in besluit.feedback
    ]
    # a besluit selection reports the werkgroep but not its cycles
    assert not any(k.startswith("Cyclus") for _n, k in document.koppen)


def test_vijandige_tekst_breekt_de_opbouw_niet(werkplaats: Werkplaats, tmp_path: Path) -> None:
    """Markup, HTML, links, pipes and block starters in user text show as text: the
    headings, tables and lists are only the report's own."""
    wp = vijandige_werkplaats(werkplaats)
    document = _verslag(wp, tmp_path / "v.md")
    assert document.opmaak == []
    c = wp.werkgroepen.zoek("rekenen").cycli[0]
    assert [k for _n, k in document.koppen] == [
        "Onderzoeksverslag: Test",
        "Werkgroep: Rekenen groep 5-8",
        f"Cyclus 1: {MARKDOWN}",
        "Aanleiding",
        "Beginsituatie",
        "Doel",
        "Verbeterplan",
        "Metingen",
        "Evaluatie",
        "Methodekwaliteit",
        "Besluit: Verhaaltjessommen | *aanpak*",
        "Ideeën",
        "Zelfevaluaties",
        "Checklist lerende organisatie: De Regenboog, 2026-03-01",
    ]
    blokken = "\n".join(r.strip() for r in BLOKKEN.splitlines())
    assert document.alineas.count(blokken) == 2  # aanleiding and evaluatie
    assert "\n".join(r.strip() for r in MEERREGELIG.splitlines()) in document.alineas
    assert f"Onderzoeksvraag: {MARKDOWN}" in document.alineas
    assert "2026-03-02: Toets &amp; observatie | M5 (document)" in document.items
    assert f"2026-03-01, Piet Ouder (ouder): {FORMULE}" in document.items
    indicatoren, metingen, domeinen = document.tabellen
    assert all(len(rij) == 5 for rij in indicatoren)
    assert indicatoren[1][0] == "op niveau | groep 5"
    assert metingen[0] == ["Datum", "op niveau | groep 5 (%)", "onrust (keer)"]
    assert [rij[1:] for rij in metingen[1:]] == [
        ["62", "0"],
        ["68", "-1,5"],
        ["76,25", "-2,5"],
        ["75,5", "-3"],
    ]
    assert [r for r in c.indicatoren if r.naam == indicatoren[1][0]]
    resultaat = wp.zelfevaluaties.resultaat("lerende-organisatie", school="De Regenboog")
    assert [(r[0], _getal(r[1])) for r in domeinen[1:]] == [
        (d.naam, d.gemiddelde) for d in resultaat.domeinen
    ]


def test_pseudoniem_en_selectie(demo: Werkplaats, tmp_path: Path) -> None:
    """A werkgroep's pseudonymised report names no person and no other werkgroep."""
    groep = demo.werkgroepen.zoek("rekenen")
    pad = tmp_path / "r.md"
    document = _verslag(demo, pad, selectie=Selectie("werkgroep", groep.id), pseudoniem_=True)
    tekst = pad.read_text(encoding="utf-8")
    for persoon in demo.personen.lijst():
        assert persoon.naam not in tekst
    # the speerpunt it serves comes along, without the other werkgroepen on it
    assert [k for n, k in document.koppen if n == 2] == [
        f"Werkgroep: {groep.naam}",
        "Ontwikkelagenda",
    ]
    for ander in demo.werkgroepen.lijst():
        if ander.id != groep.id:
            assert ander.naam not in tekst and ander.id not in tekst
    leden = next(i for i in document.items if i.startswith("Leden: "))
    assert leden.count("Persoon ") == len(groep.leden)


def test_het_onderzoek_van_een_student_staat_bij_de_werkgroep(
    demo: Werkplaats, tmp_path: Path
) -> None:
    """A member's own research question (the demo's student) is in the report, after
    the members; pseudonymised it names the student by her pseudonym only."""
    groep = next(g for g in demo.werkgroepen.lijst() if any(x.onderzoeksvraag for x in g.leden))
    lid = next(x for x in groep.leden if x.onderzoeksvraag)
    naam = demo.personen.zoek(id=lid.persoon).naam
    document = _verslag(demo, tmp_path / "g.md", selectie=Selectie("werkgroep", groep.id))
    assert f"Onderzoek van {naam}: {lid.onderzoeksvraag}" in document.items
    pad = tmp_path / "p.md"
    _verslag(demo, pad, selectie=Selectie("werkgroep", groep.id), pseudoniem_=True)
    tekst = pad.read_text(encoding="utf-8")
    assert naam not in tekst and lid.onderzoeksvraag in tekst
