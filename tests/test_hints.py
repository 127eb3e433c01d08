"""Hints that always work: every command `ozc` prints, run as printed, is accepted.

A werkgroep follows what `ozc` tells it: the next step after each step and in `ozc
status`, `ozc cyclus toon` and `ozc besluit toon`, and the command under a refusal. The
walk below takes both state machines (the research cycle and a besluit) through random
sequences of real commands, with the clock moving on and dates that are sometimes
wrong. After every step, and after every refusal, it runs each `ozc …` command the
output names (filling in the upper-case placeholders the way a user would) and checks
that it is accepted, or refused only because content is still missing: never because
it does not fit the phase, a date or the command line.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from hypothesis import given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.cli import _root
from onderzoekscyclus.errors import Geweigerd
from onderzoekscyclus.klok import VasteKlok

from .conftest import Ozc
from .grondig import voorbeelden

BEGIN = dt.date(2026, 9, 1)
WERKGROEP = "Rekenen groep 5-8"

ONTBREEKT = {
    "beginsituatie.geen-tekst",
    "beginsituatie.geen-bron",
    "doel.geen-tekst",
    "doel.geen-visie",
    "doel.geen-indicator",
    "plan.geen-actie",
    "plan.geen-onderbouwing",
    "evaluatie.metingen-ontbreken",
    "evaluatie.ontbreekt",
    "besluit.zonder-reactie",
    "besluit.geen-evaluatie",
    "besluit.geen-voorstel",
}
"""The reason codes of content that is still missing: the only refusal a hint may meet."""

VERBODEN = ("WERKGROEP", "BESLUIT", "INDICATOR", "…")
"""What a printed command never holds: a placeholder for what the tool knows."""

# what a user fills in for each placeholder; {n} makes every text and name new
INVULLING = {
    "TEKST": "tekst-{n}",
    "NAAM": "indicator-{n}",
    "GETAL": "5",
    "EENHEID": "%",
    "VISIE": "eigenaarschap",
    "CONCLUSIE": "deels",
    "PERSOON": "Anna",
    "NUMMER": "1",
}

STAPPEN: list[tuple[str, ...]] = [
    # the research cycle; {w} is the werkgroep
    ("cyclus", "start", "{w}", "--aanleiding", "a", "--vraag", "v"),
    ("cyclus", "beginsituatie", "{w}", "--tekst", "t", "--bron", "b"),
    ("cyclus", "beginsituatie", "{w}", "--tekst", "t"),
    (
        *("cyclus", "doel", "{w}", "--tekst", "d", "--visie", "eigenaarschap"),
        *("--indicator", "i", "--eenheid", "%", "--nulmeting", "1", "--streefwaarde", "2"),
    ),
    ("cyclus", "doel", "{w}", "--tekst", "d"),
    ("cyclus", "plan", "{w}", "--actie", "a", "--literatuur", "l"),
    ("cyclus", "plan", "{w}", "--actie", "a"),
    ("cyclus", "uitvoeren", "{w}"),
    ("cyclus", "meting", "{w}", "--indicator", "i", "--waarde", "3"),
    ("cyclus", "evaluatie", "{w}", "--conclusie", "deels", "--tekst", "t"),
    ("cyclus", "afronden", "{w}"),
    ("cyclus", "volgende", "{w}"),
    ("cyclus", "terug", "{w}", "--reden", "r"),
    ("cyclus", "pauzeer", "{w}"),
    ("cyclus", "hervat", "{w}"),
    # a besluit; {b} is the current one, a new one starts with "nieuw"
    ("besluit", "nieuw", "{nieuw}", "--werkgroep", "{w}", "--thema", "rekenen"),
    ("besluit", "idee", "{b}", "idee", "--door", "Anna"),
    ("besluit", "voorstel", "{b}", "--tekst", "v", "--door", "Anna"),
    ("besluit", "feedback-open", "{b}", "--tot", "{over_een_week}"),
    ("besluit", "feedback", "{b}", "feedback", "--door", "Anna"),
    ("besluit", "reageer", "{b}", "1", "--deels", "--motivatie", "m"),
    ("besluit", "neem", "{b}", "--tekst", "t"),
    ("besluit", "neem", "{b}", "--verwerp", "--tekst", "t"),
    ("besluit", "implementeer", "{b}"),
    ("besluit", "evalueer", "{b}", "--tekst", "e"),
    ("besluit", "bijstellen", "{b}", "--tekst", "b"),
    ("besluit", "borg", "{b}", "--herevaluatie", "{over_een_week}"),
    ("besluit", "intrekken", "{b}", "--reden", "r"),
]

stappen = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(STAPPEN), st.sampled_from([None, None, None, -3, 2])),
        st.tuples(st.just(("tijd",)), st.integers(1, 12)),
    ),
    min_size=8,
    max_size=24,
)
"""A walk: steps (each with no --datum, or one a few days back or ahead) and the clock
moving on a few days."""


def _bewaar(root: Path) -> dict[Path, bytes]:
    """The files of the werkplaats at ``root`` (not its derived index) and their bytes."""
    return {
        p: p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".onderzoekscyclus" not in p.relative_to(root).parts
    }


def _herstel(root: Path, bewaard: dict[Path, bytes]) -> None:
    """Put the files of ``root`` back as :func:`_bewaar` found them; the index, derived
    from them, is rebuilt by the next command."""
    shutil.rmtree(root / ".onderzoekscyclus", ignore_errors=True)
    for pad in set(_bewaar(root)) - set(bewaard):
        pad.unlink()
    for pad, inhoud in bewaard.items():
        if not pad.exists() or pad.read_bytes() != inhoud:
            pad.write_bytes(inhoud)


def opdrachten(tekst: str) -> list[str]:
    """Every `ozc …` command in backticks in ``tekst``."""
    return [c for c in re.findall(r"`([^`]+)`", tekst) if c.startswith("ozc ")]


class Wandeling:
    """One walk through a fresh werkplaats, recording what each refusal was for."""

    def __init__(self, ozc: Ozc, klok: VasteKlok, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ozc = ozc
        self.klok = klok
        self.monkeypatch = monkeypatch
        self.besluiten = 0
        self.teller = itertools.count()
        self.geweigerd: Geweigerd | None = None
        self.gevolgd = 0
        origineel = _root.vertaal_fout

        def onthoud(fout: BaseException) -> Any:
            self.geweigerd = fout if isinstance(fout, Geweigerd) else None
            return origineel(fout)

        monkeypatch.setattr(_root, "vertaal_fout", onthoud)
        self.zet_dag(BEGIN)

    def zet_dag(self, dag: dt.date) -> None:
        self.klok.zet(dag)
        self.monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", dag.isoformat())

    @property
    def besluit(self) -> str:
        return f"Besluit {chr(ord('A') + max(self.besluiten - 1, 0))}"

    def draai(self, *args: str) -> Result:
        self.geweigerd = None
        return self.ozc(*args)

    def stap(self, sjabloon: tuple[str, ...], verschuiving: int | None) -> Result:
        if sjabloon[:2] == ("besluit", "nieuw"):
            self.besluiten += 1
        vandaag = self.klok()
        waarden = {
            "w": "rekenen",
            "b": self.besluit,
            "nieuw": self.besluit,
            "over_een_week": (vandaag + dt.timedelta(days=7)).isoformat(),
        }
        args = [deel.format(**waarden) for deel in sjabloon]
        if verschuiving is not None:
            args += ["--datum", (vandaag + dt.timedelta(days=verschuiving)).isoformat()]
        return self.draai(*args)

    def vul_in(self, opdracht: str) -> list[str]:
        """``opdracht`` as a user types it: each placeholder filled in."""
        for verboden in VERBODEN:
            assert verboden not in opdracht.split(), opdracht
        n = next(self.teller)
        week = (self.klok() + dt.timedelta(days=7)).isoformat()
        gevuld = re.sub(r"\bJJJJ-MM-DD\b", week, opdracht)
        gevuld = re.sub(
            r"\b(" + "|".join(INVULLING) + r")\b",
            lambda m: INVULLING[m[1]].format(n=n),
            gevuld,
        )
        woorden = shlex.split(gevuld)
        assert woorden[0] == "ozc", opdracht
        return woorden[1:]

    def volg(self, uitvoer: str, waar: str) -> None:
        """Run every command ``uitvoer`` names: accepted, or refused only for content.

        The commands are ways on from one state, so each runs from the state they were
        printed in (the files are put back in between); then the first one accepted runs
        again and stays, which moves the walk along."""
        bewaard = _bewaar(Path.cwd())
        aangenomen = None
        for opdracht in dict.fromkeys(opdrachten(uitvoer)):
            _herstel(Path.cwd(), bewaard)
            uit = self.draai(*self.vul_in(opdracht))
            self.gevolgd += 1
            if uit.exit_code == 0:
                aangenomen = aangenomen or opdracht
                continue
            codes = set(self.geweigerd.codes) if self.geweigerd else set()
            assert codes and codes <= ONTBREEKT, (
                f"{waar} names `{opdracht}`, which is refused:\n{uit.output}"
            )
        _herstel(Path.cwd(), bewaard)
        if aangenomen is not None:
            assert self.draai(*self.vul_in(aangenomen)).exit_code == 0

    def kijk_rond(self) -> None:
        """Follow what the overviews show: status, the cycle, the current besluit."""
        for args in (
            ("status",),
            ("cyclus", "toon", "rekenen"),
            *((("besluit", "toon", self.besluit),) if self.besluiten else ()),
        ):
            uit = self.draai(*args)
            self.volg(uit.output, " ".join(args))


@pytest.fixture
def nieuwe_werkplaats(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Makes a fresh werkplaats (De Regenboog with a vision, Anna leider of the
    werkgroep with expertise rekenen) for each example, on a clock of its own."""

    def maak() -> tuple[Werkplaats, VasteKlok]:
        klok = VasteKlok(BEGIN)
        wp = Werkplaats.maak(tmp_path_factory.mktemp("hints") / "wp", "Hints", vandaag=klok)
        wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
        wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
        wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["rekenen"])
        wp.werkgroepen.toevoegen(WERKGROEP, scholen=["De Regenboog"], themas=["rekenen"])
        wp.werkgroepen.lid("rekenen", "Anna", rol="leider")
        return wp, klok

    yield maak


@settings(max_examples=voorbeelden(12, 120), deadline=None)
@given(wandeling=stappen)
def test_elke_getoonde_opdracht_werkt(
    wandeling: list[tuple[tuple[str, ...], int | None]],
    nieuwe_werkplaats: Any,
    ozc: Ozc,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After every step and every refusal of a random walk through both machines, each
    `ozc …` command printed (in the step's own output, in `ozc status`, `ozc cyclus
    toon` and `ozc besluit toon`) is accepted, or refused only for missing content;
    none holds a placeholder for the werkgroep, the besluit or an indicator."""
    wp, klok = nieuwe_werkplaats()
    vorige = Path.cwd()
    os.chdir(wp.root)
    try:
        with monkeypatch.context() as m:
            loop = Wandeling(ozc, klok, m)
            for sjabloon, getal in wandeling:
                if sjabloon == ("tijd",):
                    loop.zet_dag(klok() + dt.timedelta(days=getal or 0))
                    continue
                uit = loop.stap(sjabloon, getal)
                loop.volg(uit.output, " ".join(sjabloon[:2]))
                loop.kijk_rond()
    finally:
        os.chdir(vorige)
