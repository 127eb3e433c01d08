"""Pseudonymised exports leak no form of a name, in any format (AVG).

Names come from many scripts and in many casings; they are written through the library
into every kind of free text (log, cycle, besluit, feedback by an outsider, school
profile, werkgroep name, respondent label), spelled as a teacher might (all capitals,
without accents, decomposed, with a Turkish İ, only the first name or surname, in an
e-mail address). Every export format is written with ``--pseudoniem`` and read back with
a real parser; no form of any name may be found, and nothing may crash.
"""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import json
import re
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from onderzoekscyclus import VasteKlok, Werkplaats
from onderzoekscyclus.export import exporteer, exporteurs

from .grondig import voorbeelden

BEGIN = dt.date(2026, 3, 2)
FORMATEN = sorted(exporteurs()[0])
SCHRIFTEN = {
    "latijn": "abcdefghijklmnoprstuvwyzàáâäãåçèéêëìíîïñòóôöõùúûüýÿøłßæœ",
    "turks": "abcçdefgğhıijklmnoöprsştuüvyz",
    "grieks": "αβγδεζηθικλμνξοπρστυφχψω",
    "cyrillisch": "абвгдежзийклмнопрстуфхцчшщыэюя",
    "arabisch": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "chinees": "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高",
}
_VULLING = ["gesprek", "met", "over", "toets", "besproken", "samen", "met", "zei", "en"]


def _vouw(tekst: str) -> str:
    """How the test compares: no case, no diacritics, dotless i as i (written apart from
    the library's own folding, so a mistake there is not repeated here)."""
    tekst = tekst.replace("ı", "i").replace("ø", "o").replace("ł", "l")
    tekst = tekst.replace("æ", "ae").replace("œ", "oe").replace("Æ", "ae").replace("Œ", "oe")
    kaal = unicodedata.normalize("NFKD", tekst.casefold())
    return "".join(c for c in kaal if not unicodedata.combining(c)).replace("ı", "i")


def _aaneen(woord: str) -> bool:
    return any(unicodedata.name(c, "").startswith("CJK") for c in woord)


def _gevonden(vorm: str, tekst: str) -> bool:
    if _aaneen(vorm):
        return vorm in tekst
    return re.search(rf"(?<!\w){re.escape(vorm)}(?!\w)", tekst) is not None


@st.composite
def namen(draw: st.DrawFn) -> str:
    schrift = draw(st.sampled_from(sorted(SCHRIFTEN)))
    letters = SCHRIFTEN[schrift]
    if schrift == "chinees":
        return "".join(draw(st.lists(st.sampled_from(letters), min_size=2, max_size=3)))
    woord = st.text(letters, min_size=2, max_size=8).map(lambda w: w[0].upper() + w[1:])
    tussen = draw(st.sampled_from(["", "de ", "van ", "van der "])) if schrift == "latijn" else ""
    return f"{draw(woord)} {tussen}{draw(woord)}"


def _vormen(naam: str) -> list[str]:
    """The parts of a name that identify someone, as the test looks for them."""
    delen = [d for d in naam.split() if d not in ("de", "van", "der")]
    return [naam, *delen]


def _kaal(tekst: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", tekst) if not unicodedata.combining(c))


_SCHRIJFWIJZEN = {
    "zo": lambda naam: naam,
    "hoofd": str.upper,
    "klein": str.lower,
    "nfd": lambda naam: unicodedata.normalize("NFD", naam),
    "kaal": _kaal,
    "turks": lambda naam: naam.replace("i", "İ").replace("ı", "I").upper(),
    "voornaam": lambda naam: naam.split()[0],
    "achternaam": lambda naam: naam.split()[-1],
    "mail": lambda naam: ".".join(naam.split()).lower() + "@school.example",
}


@st.composite
def vermeldingen(draw: st.DrawFn, naam: str) -> str:
    """``naam`` as someone might type it."""
    return _SCHRIJFWIJZEN[draw(st.sampled_from(sorted(_SCHRIJFWIJZEN)))](naam)


@st.composite
def werkplaatsinhoud(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Two or three names and a dozen texts that mention them."""
    gekozen = draw(st.lists(namen(), min_size=2, max_size=3, unique_by=_vouw))
    woorden = {_vouw(w) for n in gekozen for w in n.split()}
    assume(len(woorden) == sum(len(n.split()) for n in gekozen))  # no shared parts
    teksten = [
        " ".join(
            draw(
                st.lists(
                    st.one_of(
                        st.sampled_from(_VULLING), vermeldingen(draw(st.sampled_from(gekozen)))
                    ),
                    min_size=2,
                    max_size=6,
                )
            )
        )
        for _ in range(12)
    ]
    return gekozen, teksten


def _vul(wp: Werkplaats, klok: VasteKlok, namen_: list[str], teksten: list[str]) -> None:
    t = iter(teksten * 3)
    school = wp.scholen.toevoegen("De Zonnebloem", brin="12AB", sector="po")
    wp.scholen.profiel(school.id, visie={"samen": next(t)}, trots=[next(t)], speerpunten=[next(t)])
    personen = [wp.personen.toevoegen(n, school=school.id, expertise=["lezen"]) for n in namen_]
    groep = wp.werkgroepen.toevoegen(
        f"Leesclub {namen_[0]}", scholen=[school.id], themas=["lezen"], nieuw_thema=True
    )
    for p in personen:
        wp.werkgroepen.lid(groep.id, p.id, rol="leider")
    wp.logboek.schrijf(groep.id, next(t), auteur=personen[0].id)
    c = wp.cycli
    c.start(groep.id, aanleiding=next(t), vraag=next(t))
    c.beginsituatie(groep.id, tekst=next(t), bronnen=[next(t)])
    wp.scholen.profiel(school.id, visie={"lezen": "Lezen is fijn"})
    c.doel(groep.id, tekst=next(t), visie="lezen", indicatoren=[("plezier", "%", 40, 60)])
    c.plan(groep.id, acties=[(next(t), None, None)], literatuur=[next(t)])
    c.uitvoeren(groep.id)
    klok.zet(klok() + dt.timedelta(days=20))
    c.meting(groep.id, indicator="plezier", waarde=55)
    c.evaluatie(groep.id, conclusie="deels", tekst=next(t), lessen=[next(t)])
    b = wp.besluitvorming
    besluit = b.nieuw(f"Voorlezen met {namen_[1]}", werkgroep=groep.id, thema="lezen")
    b.idee(besluit.id, next(t), extern=namen_[-1])
    b.voorstel(besluit.id, next(t), leider=personen[0].id)
    b.feedback_open(besluit.id, tot=klok() + dt.timedelta(days=7))
    b.feedback(besluit.id, next(t), extern=namen_[-1], rol="ouder")
    zelf = wp.zelfevaluaties
    items = zelf.instrument("lerende-organisatie").items()
    for label in (namen_[0], namen_[-1].upper()):
        zelf.invullen(
            "lerende-organisatie",
            antwoorden={i.id: 2 for i in items},
            school=school.id,
            respondent=label,
        )


# --- reading every format back ---------------------------------------------------------


def _json_teksten(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield k
            yield from _json_teksten(v)
    elif isinstance(data, list):
        for v in data:
            yield from _json_teksten(v)


class _Html(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.teksten: list[str] = []

    def handle_data(self, data: str) -> None:
        self.teksten.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.teksten.extend(v for _k, v in attrs if v)


def _lees_csv(pad: Path) -> str:
    return "\n".join(
        cel
        for bestand in sorted(pad.glob("*.csv"))
        for rij in csv.reader(bestand.read_text(encoding="utf-8-sig").splitlines())
        for cel in rij
    )


def _lees_xlsx(pad: Path) -> str:
    boek = openpyxl.load_workbook(pad, read_only=True)
    cellen = [
        str(c)
        for blad in boek.worksheets
        for rij in blad.iter_rows(values_only=True)
        for c in rij
        if c is not None
    ]
    return "\n".join([blad.title for blad in boek.worksheets] + cellen)


def _lees_html(pad: Path) -> str:
    lezer = _Html()
    lezer.feed(pad.read_text(encoding="utf-8"))
    return "\n".join(lezer.teksten)


def _lees_xml(pad: Path) -> str:
    boom = ET.parse(pad)
    teksten = [t for e in boom.iter() for t in (e.text, e.tail) if t]
    return "\n".join(teksten + [v for e in boom.iter() for v in e.attrib.values()])


def _lees_ics(pad: Path) -> str:
    kalender = icalendar.Calendar.from_ical(pad.read_bytes())
    return "\n".join(str(w) for c in kalender.walk() for w in c.values() if isinstance(w, str))


def _lees_tekst(pad: Path) -> str:
    # markdown and dot: the text itself, without the escapes of the format
    return re.sub(r"\\(.)", r"\1", pad.read_text(encoding="utf-8"))


_LEZERS = {
    "json": lambda pad: "\n".join(_json_teksten(json.loads(pad.read_text(encoding="utf-8")))),
    "csv": _lees_csv,
    "xlsx": _lees_xlsx,
    "poster": _lees_html,
    "gexf": _lees_xml,
    "graphml": _lees_xml,
    "ics": _lees_ics,
}


def lees_terug(formaat: str, pad: Path) -> str:
    """Every text in an export, read back with a parser for its format."""
    return _LEZERS.get(formaat, _lees_tekst)(pad)


def _doel(map_: str, formaat: str) -> Path:
    return Path(map_) / f"export-{formaat}{getattr(exporteurs()[0][formaat], 'extensie', '')}"


@pytest.fixture(scope="module")
def woordenschat() -> set[str]:
    """Every word the exports write whatever the names are (headings, labels, themes):
    a generated name that happens to be such a word cannot be told apart from it."""
    woorden: set[str] = set()
    with tempfile.TemporaryDirectory() as map_:
        klok = VasteKlok(BEGIN)
        wp = Werkplaats.maak(Path(map_) / "w", "Partnerschap", vandaag=klok)
        _vul(wp, klok, ["Qqq Zzz", "Xxx Www", "Vvv Jjj"], ["gesprek met samen"] * 12)
        for formaat in FORMATEN:
            uit = _doel(map_, formaat)
            exporteer(wp, formaat, uit, pseudoniem_=True, sleutel=b"k" * 16)
            woorden |= set(re.findall(r"\w+", _vouw(lees_terug(formaat, uit))))
    return woorden


@settings(
    max_examples=voorbeelden(6, 60),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    deadline=None,
)
@given(inhoud=werkplaatsinhoud())
def test_geen_vorm_van_een_naam_overleeft_in_enig_formaat(
    woordenschat: set[str], inhoud: tuple[list[str], list[str]]
) -> None:
    namen_, teksten = inhoud
    vormen = {_vouw(v) for n in namen_ for v in _vormen(n)}
    assume(not vormen & woordenschat)
    with tempfile.TemporaryDirectory() as map_:
        klok = VasteKlok(BEGIN)
        wp = Werkplaats.maak(Path(map_) / "w", f"Partnerschap van {namen_[0]}", vandaag=klok)
        _vul(wp, klok, namen_, teksten)
        for formaat in FORMATEN:
            uit = _doel(map_, formaat)
            exporteer(wp, formaat, uit, pseudoniem_=True)
            tekst = _vouw(lees_terug(formaat, uit))
            gelekt = sorted(v for v in vormen if _gevonden(v, tekst))
            assert gelekt == [], f"{formaat}: {gelekt}"
            assert "@school.example" not in tekst
        # without pseudonyms the names are there: the check above can see them
        exporteer(wp, "json", Path(map_) / "open.json")
        open_ = _vouw(lees_terug("json", Path(map_) / "open.json"))
        assert all(_gevonden(_vouw(n), open_) for n in namen_)
        # respondent labels were never stored as typed
        opgeslagen = "".join(
            p.read_text(encoding="utf-8") for p in (wp.root / "zelfevaluaties").glob("*.toml")
        )
        assert not any(_gevonden(v, _vouw(opgeslagen)) for v in vormen)
