"""`controleer` checks meaning, not only form.

A file can be valid TOML with valid fields and still describe a state no operation
makes: a hand edit or a git merge left it behind. `Werkplaats.controleer()` and
`ozc controleer` report each one with its file, the field, what is wrong and a way out,
all of them in one run; the demo and werkplaatsen made through the API report nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import attrs
import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from onderzoekscyclus import OnderzoekscyclusError, VasteKlok, Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.domein.besluit import Besluit, Besluitfase
from onderzoekscyclus.domein.cyclus import Fase
from onderzoekscyclus.domein.cyclusstappen import CYCLUS
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.zelfevaluatie import Zelfevaluatie

from .conftest import Ozc
from .grondig import voorbeelden

VANDAAG = dt.date(2026, 11, 23)  # the clock of the `werkplaats` fixture and of `ozc`
DOCS = Path(__file__).parent.parent / "docs" / "werkplaats.md"

# --- hand-written files ------------------------------------------------------------------

WERKGROEP = """\
schema = "1.0"
naam = "NAAM"
scholen = ["SCHOOL"]
soort = "leerteam"
leden = [{ persoon = "ANNA", rol = "leider" }]
"""

KLAAR = """
[[cycli]]
nummer = 1
aanleiding = "Resultaten op verhaaltjessommen dalen"
vraag = "Hoe worden leerlingen sterker in verhaaltjessommen?"
gestart = 2026-01-05
fase = "afgerond"
beginsituatie = "62% haalt het niveau op de M5-toets"
bronnen = [{ beschrijving = "Toetsresultaten M5", datum = 2026-01-20 }]
doel = "75% haalt het niveau"
visie = "eigenaarschap"
onderbouwing = [{ literatuur = "Overzichtsstudie rekendidactiek" }]
metingen = [
    { indicator = "op niveau", datum = 2026-03-01, waarde = 68.0 },
    { indicator = "op niveau", datum = 2026-06-01, waarde = 76.0 },
]
historie = [
    { datum = 2026-01-05, overgang = "start", van = "", naar = "aanleiding" },
    { datum = 2026-01-20, overgang = "beginsituatie", van = "aanleiding", naar = "beginsituatie" },
    { datum = 2026-02-01, overgang = "doel", van = "beginsituatie", naar = "doel" },
    { datum = 2026-02-10, overgang = "plan", van = "doel", naar = "verbeterplan" },
    { datum = 2026-02-15, overgang = "uitvoeren", van = "verbeterplan", naar = "uitvoering" },
    { datum = 2026-03-01, overgang = "meting", van = "uitvoering", naar = "uitvoering" },
    { datum = 2026-06-01, overgang = "meting", van = "uitvoering", naar = "uitvoering" },
    { datum = 2026-06-20, overgang = "evaluatie", van = "uitvoering", naar = "evaluatie" },
    { datum = 2026-06-25, overgang = "afronden", van = "evaluatie", naar = "afgerond" },
]

[[cycli.indicatoren]]
naam = "op niveau"
eenheid = "%"
nulmeting = 62.0
streefwaarde = 75.0
vastgesteld = 2026-02-01

[[cycli.acties]]
wat = "Dagelijks tien minuten verhaaltjessommen"

[cycli.evaluatie]
conclusie = "bereikt"
tekst = "Doel gehaald"
datum = 2026-06-20
"""
"""A finished cycle as `ozc` writes it, written by hand: every step in its history."""

EVALUATIE = """
[cycli.evaluatie]
conclusie = "bereikt"
tekst = "Doel gehaald"
datum = 2026-06-20
"""

BEGIN = """
[[cycli]]
nummer = NUMMER
aanleiding = "Het aanbod verschilt per groep"
vraag = "Hoe maken we een gezamenlijk aanbod?"
gestart = 2026-09-01
fase = "FASE"
historie = [{ datum = 2026-09-01, overgang = "start", van = "", naar = "aanleiding" }]
"""

BESLUIT = """\
schema = "1.0"
titel = "Verhaaltjessommen"
werkgroep = "WERKGROEP"
thema = "rekenen"
school = "SCHOOL"
fase = "geborgd"
rondes = [{ nummer = 1, voorstel = 1, geopend = 2026-05-01, tot = 2026-05-15 }]
historie = [
    { datum = 2026-04-15, overgang = "nieuw", van = "", naar = "ideeën" },
    { datum = 2026-04-20, overgang = "voorstel", van = "ideeën", naar = "voorstel" },
    { datum = 2026-05-01, overgang = "feedback-open", van = "voorstel", naar = "feedback" },
    { datum = 2026-05-05, overgang = "feedback", van = "feedback", naar = "feedback" },
    { datum = 2026-05-16, overgang = "sluit", van = "feedback", naar = "besluitvorming" },
    { datum = 2026-05-16, overgang = "reageer", van = "besluitvorming", naar = "besluitvorming" },
    { datum = 2026-05-20, overgang = "neem", van = "besluitvorming", naar = "besloten" },
    { datum = 2026-06-01, overgang = "implementeer", van = "besloten", naar = "geïmplementeerd" },
    { datum = 2026-10-01, overgang = "evalueer", van = "geïmplementeerd", naar = "geëvalueerd" },
    { datum = 2026-10-05, overgang = "borg", van = "geëvalueerd", naar = "geborgd" },
]

[[voorstellen]]
versie = 1
tekst = "Groep 5-8 werken dagelijks met het drieslagmodel"
leider = "ANNA"
datum = 2026-04-20

[[feedback]]
nummer = 1
ronde = 1
voorstel = 1
tekst = "Neem groep 4 ook mee"
datum = 2026-05-05
door = { naam = "Mevrouw Bos", rol = "ouder" }
reactie = { oordeel = "deels", motivatie = "Groep 4 volgt later", datum = 2026-05-16 }

[besluit]
tekst = "Groep 5-8 werken vanaf januari met het drieslagmodel"
datum = 2026-05-20

[[evaluaties]]
datum = 2026-10-01
tekst = "Het aandeel op niveau steeg"
"""
"""A besluit that went all the way to borging, written by hand."""

FEEDBACK_TWEE = """
[[feedback]]
nummer = 3
ronde = 1
voorstel = 1
tekst = "Graag een voorbeeld voor ouders"
datum = 2026-05-06
door = { naam = "Mevrouw Bos", rol = "ouder" }
reactie = { oordeel = "overgenomen", motivatie = "Komt in de nieuwsbrief", datum = 2026-05-16 }
"""

IN_FEEDBACK = """\
schema = "1.0"
titel = "Time-outplek"
werkgroep = "WERKGROEP"
thema = "gedrag"
fase = "feedback"
rondes = [{ nummer = 1, voorstel = 1, geopend = 2026-11-01, tot = 2026-11-10 }]
historie = [
    { datum = 2026-10-20, overgang = "nieuw", van = "", naar = "ideeën" },
    { datum = 2026-10-25, overgang = "voorstel", van = "ideeën", naar = "voorstel" },
    { datum = 2026-11-01, overgang = "feedback-open", van = "voorstel", naar = "feedback" },
    { datum = 2026-11-15, overgang = "feedback", van = "feedback", naar = "feedback" },
]

[[voorstellen]]
versie = 1
tekst = "Elke groep een vaste rustplek"
leider = "ANNA"
datum = 2026-10-25

[[feedback]]
nummer = 1
ronde = 1
voorstel = 1
tekst = "Hoe wordt het geen straf?"
datum = 2026-11-15
door = { naam = "Sem", rol = "leerling" }
"""
"""A besluit stored in `feedback` after its closing date: normal, the next step closes
the round; but this feedback came after the round had closed."""


@dataclass(frozen=True)
class Geval:
    """One inconsistent state: the file written by hand, and each problem expected in
    it as (field, code, words of the way out)."""

    naam: str
    bestand: str
    inhoud: str
    verwacht: tuple[tuple[str, str, str], ...]


def _werkgroep(naam: str, *cycli: str, extra: str = "") -> str:
    return WERKGROEP.replace("NAAM", naam) + extra + "".join(cycli)


def _begin(nummer: int, fase: str = "aanleiding") -> str:
    return BEGIN.replace("NUMMER", str(nummer)).replace("FASE", fase)


GEVALLEN = [
    Geval(
        "afgerond zonder de stappen ernaartoe",
        "werkgroepen/kleuters-abc234.toml",
        _werkgroep("Kleuters", _begin(1, "afgerond")),
        (
            ("$.cycli[0].fase", "historie.einde", "Zet de fase op 'aanleiding'"),
            ("$.cycli[0].fase", "fase.onbereikbaar", "zet de fase terug naar 'aanleiding'"),
        ),
    ),
    Geval(
        "afgerond zonder evaluatie",
        "werkgroepen/zonder-evaluatie-abc234.toml",
        _werkgroep("Zonder evaluatie", KLAAR.replace(EVALUATIE, "")),
        (("$.cycli[0].fase", "fase.onbereikbaar", "zet de fase terug naar 'uitvoering'"),),
    ),
    Geval(
        "een meting na de evaluatie",
        "werkgroepen/late-meting-abc234.toml",
        _werkgroep(
            "Late meting", KLAAR.replace("datum = 2026-06-01, waarde", "datum = 2026-07-01, waarde")
        ),
        (("$.cycli[0].metingen[1].datum", "cyclus.meting-na-evaluatie", "evalueer opnieuw"),),
    ),
    Geval(
        "een meting vóór de start",
        "werkgroepen/vroege-meting-abc234.toml",
        _werkgroep(
            "Vroege meting",
            KLAAR.replace("datum = 2026-03-01, waarde", "datum = 2025-12-01, waarde"),
        ),
        (("$.cycli[0].metingen[0].datum", "cyclus.meting-voor-start", "Verbeter de datum"),),
    ),
    Geval(
        "stappen die terug in de tijd gaan",
        "werkgroepen/terug-in-de-tijd-abc234.toml",
        _werkgroep(
            "Terug in de tijd",
            KLAAR.replace(
                '2026-02-15, overgang = "uitvoeren"', '2026-01-15, overgang = "uitvoeren"'
            ),
        ),
        (("$.cycli[0].historie[4].datum", "datum.volgorde", "in de volgorde waarin ze gebeurden"),),
    ),
    Geval(
        "een stap die ontbreekt in de historie",
        "werkgroepen/sprong-abc234.toml",
        _werkgroep(
            "Sprong",
            KLAAR.replace(
                '    { datum = 2026-02-01, overgang = "doel", van = "beginsituatie", naar = "doel" },\n',
                "",
            ),
        ),
        (("$.cycli[0].historie[2].van", "historie.keten", "Vul de stap aan die ontbreekt"),),
    ),
    Geval(
        "een stap die niet bestaat",
        "werkgroepen/onbekende-stap-abc234.toml",
        _werkgroep(
            "Onbekende stap",
            KLAAR.replace('overgang = "afronden"', 'overgang = "volgende"'),
        ),
        (("$.cycli[0].historie[8]", "historie.onbekende-stap", "haal de regel weg"),),
    ),
    Geval(
        "een logregel na vandaag",
        "werkgroepen/toekomst-abc234.toml",
        _werkgroep(
            "Toekomst", extra='logboek = [{ datum = 2026-12-24, tekst = "Kerstviering" }]\n'
        ),
        (("$.logboek[0].datum", "datum.toekomst", "de dag waarop het gebeurde"),),
    ),
    Geval(
        "een nieuwe cyclus terwijl de vorige loopt",
        "werkgroepen/twee-tegelijk-abc234.toml",
        _werkgroep("Twee tegelijk", _begin(1), _begin(3)),
        (
            ("$.cycli[0].fase", "cyclus.eerdere-loopt-nog", "rond cyclus 1 af"),
            ("$.cycli[1].nummer", "cyclus.nummering", "Nummer de cycli 1, 2, 3"),
        ),
    ),
    Geval(
        "een stap door iemand die niet bestaat",
        "werkgroepen/spook-abc234.toml",
        _werkgroep(
            "Spook",
            KLAAR.replace(
                'overgang = "beginsituatie", van = "aanleiding", naar = "beginsituatie"',
                'overgang = "beginsituatie", van = "aanleiding", naar = "beginsituatie", '
                'wie = "persoon-weg234"',
            ),
        ),
        (("$.cycli[0].historie[1].wie", "verwijzing.onbekend", "haal de verwijzing weg"),),
    ),
    Geval(
        "ervaringen elders uit een cyclus die niet bestaat",
        "werkgroepen/elders-abc234.toml",
        _werkgroep(
            "Elders",
            KLAAR.replace(
                '[{ literatuur = "Overzichtsstudie rekendidactiek" }]',
                '[{ werkgroep = "REKENEN", cyclus = 4 }]',
            ),
        ),
        (
            (
                "$.cycli[0].onderbouwing[0].cyclus",
                "verwijzing.onbekende-cyclus",
                "Verbeter het nummer",
            ),
        ),
    ),
    Geval(
        "twee scholen met één BRIN-code",
        "scholen/regenboog-zuid-abc234.toml",
        'schema = "1.0"\nnaam = "De Regenboog Zuid"\nbrin = "12ab"\nsector = "po"\n',
        (("$.brin", "school.brin-dubbel", "voeg de scholen samen"),),
    ),
    Geval(
        "twee werkgroepen van één school met dezelfde naam",
        "werkgroepen/rekenen-tweede-abc234.toml",
        _werkgroep("rekenen groep 5-8"),
        (("$.naam", "werkgroep.naam-dubbel", "een andere naam"),),
    ),
    Geval(
        "feedback na de sluitdatum van de ronde",
        "besluiten/time-outplek-abc234.toml",
        IN_FEEDBACK,
        (("$.feedback[0].datum", "besluit.feedback-na-sluiting", "tijdens een open ronde"),),
    ),
    Geval(
        "een reactie op een feedbackpunt dat niet bestaat",
        "besluiten/verkeerd-nummer-abc234.toml",
        BESLUIT.replace("[besluit]", FEEDBACK_TWEE.lstrip() + "\n[besluit]"),
        (("$.feedback[1].nummer", "besluit.nummering", "bij het verkeerde punt"),),
    ),
    Geval(
        "geborgd zonder evaluatie",
        "besluiten/niet-geevalueerd-abc234.toml",
        BESLUIT.split("[[evaluaties]]", maxsplit=1)[0],
        (("$.fase", "fase.onbereikbaar", "zet de fase terug naar 'geïmplementeerd'"),),
    ),
    Geval(
        "besloten terwijl feedback geen reactie heeft",
        "besluiten/zonder-reactie-abc234.toml",
        BESLUIT.replace(
            'reactie = { oordeel = "deels", motivatie = "Groep 4 volgt later", datum = 2026-05-16 }\n',
            "",
        ),
        (("$.fase", "fase.onbereikbaar", "zet de fase terug naar 'besluitvorming'"),),
    ),
]


def _ids(wp: Werkplaats) -> dict[str, str]:
    return {
        "SCHOOL": wp.scholen.zoek("De Regenboog").id,
        "ANNA": wp.personen.zoek("Anna").id,
        "REKENEN": wp.werkgroepen.zoek("Rekenen").id,
        "WERKGROEP": wp.werkgroepen.zoek("Rekenen").id,
    }


def _schrijf(wp: Werkplaats, *gevallen: Geval) -> None:
    """Write the files as a hand edit or a git pull would leave them."""
    ids = _ids(wp)
    for geval in gevallen:
        inhoud = geval.inhoud
        for sleutel, waarde in ids.items():
            inhoud = inhoud.replace(f'"{sleutel}"', f'"{waarde}"')
        (wp.root / geval.bestand).write_text(inhoud, encoding="utf-8")


def _codes(wp: Werkplaats) -> set[tuple[str, str, str]]:
    """(file, field, code) of every problem the domain finds in the werkplaats."""
    o = wp.opslag
    problemen = samenhang.controleer(
        scholen=o.alle(School),
        personen=o.alle(Persoon),
        werkgroepen=o.alle(Werkgroep),
        besluiten=o.alle(Besluit),
        zelfevaluaties=o.alle(Zelfevaluatie),
        vandaag=wp.vandaag(),
    )
    mappen = {"school": "scholen", "werkgroep": "werkgroepen", "besluit": "besluiten"}
    return {(f"{mappen[p.soort]}/{p.id}.toml", p.pad, p.code) for p in problemen}


def _regel(problemen: list[str], bestand: str, pad: str, uitweg: str) -> str:
    """The one line about ``pad`` in ``bestand`` that holds ``uitweg``."""
    regels = [r for r in problemen if r.startswith(f"{bestand} @ {pad}: ") and uitweg in r]
    assert len(regels) == 1, (bestand, pad, uitweg, problemen)
    return regels[0]


@pytest.mark.parametrize("geval", GEVALLEN, ids=lambda g: g.naam)
def test_elke_onmogelijke_toestand_wordt_gemeld(
    gevulde_werkplaats: Werkplaats, geval: Geval, ozc: Ozc, in_map
) -> None:
    """Each state is reported, with its file, field, stable code and a way out, by the
    library and by `ozc controleer` (exit 1); nothing else is reported about that file."""
    wp = gevulde_werkplaats
    assert wp.vandaag() == VANDAAG
    _schrijf(wp, geval)

    problemen = wp.controleer()

    over_dit_bestand = [r for r in problemen if r.startswith(f"{geval.bestand} @ ")]
    assert len(over_dit_bestand) == len(geval.verwacht), problemen
    for pad, code, uitweg in geval.verwacht:
        _regel(problemen, geval.bestand, pad, uitweg)
        assert (geval.bestand, pad, code) in _codes(wp)
    in_map(wp.root)
    resultaat = ozc("controleer")
    assert resultaat.exit_code == 1
    for pad, _code, uitweg in geval.verwacht:
        _regel(resultaat.stdout.splitlines(), geval.bestand, pad, uitweg)


def test_alle_problemen_komen_in_een_keer(gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map) -> None:
    """Every broken file at once, next to an unreadable one: one run reports them all,
    and the count says so."""
    wp = gevulde_werkplaats
    _schrijf(wp, *GEVALLEN)
    (wp.root / "personen" / "kapot-abc234.toml").write_text("dit is geen toml", encoding="utf-8")
    verwacht = [(g.bestand, pad, uitweg) for g in GEVALLEN for pad, _c, uitweg in g.verwacht]

    problemen = wp.controleer()

    assert len(problemen) == len(verwacht) + 1, "\n".join(problemen)
    assert any(r.startswith("personen/kapot-abc234.toml @ $") for r in problemen)
    for bestand, pad, uitweg in verwacht:
        _regel(problemen, bestand, pad, uitweg)
    in_map(wp.root)
    resultaat = ozc("controleer")
    assert resultaat.exit_code == 1
    assert resultaat.stdout.splitlines()[:-1] == problemen
    assert resultaat.stdout.splitlines()[-1] == f"{len(problemen)} problemen gevonden."


def test_de_docs_tonen_wat_ozc_meldt(gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map) -> None:
    """The example in docs/werkplaats.md is what `ozc controleer` prints for a cycle set
    to `afgerond` by hand: every missing piece in the order of the steps, and the last
    phase the data does reach. The table there names every code."""
    tekst = DOCS.read_text(encoding="utf-8")
    sectie = tekst[tekst.index("## Wat `ozc controleer` nakijkt") :]
    voorbeeld = re.findall(r"^```text\n(.*?)^```", sectie, re.S | re.M)[0]
    wp = gevulde_werkplaats
    _schrijf(wp, GEVALLEN[0])
    in_map(wp.root)
    uit = ozc("controleer").stdout
    assert uit == voorbeeld.replace("kleuters-k3f9x2", "kleuters-abc234")
    assert [c for c in samenhang.CODES if f"| `{c}` |" not in sectie] == []


# --- what the API and the demo make is sound -----------------------------------------------


def test_de_demo_meldt_niets_en_vandaag_telt(tmp_path: Path, ozc: Ozc, in_map) -> None:
    """The demo, as of the day it was made, reports nothing (library and `ozc`); opened
    with a clock two weeks earlier, its recent dates lie after "today" and are reported."""
    maak_demo(tmp_path / "demo", vandaag=VANDAAG)
    assert Werkplaats.open(tmp_path / "demo", vandaag=VasteKlok(VANDAAG)).controleer() == []
    in_map(tmp_path / "demo")
    assert ozc("controleer").stdout == "Alles in orde.\n"

    eerder = Werkplaats.open(tmp_path / "demo", vandaag=VasteKlok(VANDAAG - dt.timedelta(14)))
    problemen = eerder.controleer()
    assert problemen
    assert all("ligt na vandaag (2026-11-09)" in r for r in problemen), problemen


def test_elke_fase_vraagt_minstens_wat_de_vorige_vroeg() -> None:
    """What a phase asks is read from the declared machine: the start and a pause ask
    nothing, and along the cycle's phases the guards only add up."""
    eisen = samenhang.eisen_in(CYCLUS)
    assert eisen[Fase.AANLEIDING] == ()
    assert eisen[CYCLUS.toestanden[-1]] == ()  # gepauzeerd: the phase it keeps counts
    fasen = list(Fase)
    for vorige, fase in itertools.pairwise(fasen):
        assert set(eisen[vorige]) <= set(eisen[fase]), fase
    assert len(eisen[Fase.AFGEROND]) == len({e for f in fasen for e in eisen[f]})


STAPPEN = 30
CYCLUSSTAPPEN = [
    *("start", "beginsituatie", "doel", "achteraf", "plan", "elders", "uitvoeren", "meting"),
    *("evaluatie", "afronden", "volgende", "terug", "pauzeer", "hervat"),
]


class WerkplaatsMachine(RuleBasedStateMachine):
    """Random use of the library, one day after another: schools, werkgroepen, cycles
    and besluiten. After every step `controleer` reports nothing; and a hand edit of a
    phase or a date in what was made is always reported, at its field."""

    def __init__(self) -> None:
        super().__init__()
        self._map = tempfile.TemporaryDirectory()
        self.klok = VasteKlok(dt.date(2026, 1, 5))
        wp = Werkplaats.maak(Path(self._map.name) / "wp", "Willekeurig", vandaag=self.klok)
        wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
        wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
        wp.personen.toevoegen("Anna", school="De Regenboog", expertise=["rekenen"])
        rekenen = wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"], themas=["rekenen"])
        wp.werkgroepen.lid(rekenen.id, "Anna", rol="leider")
        self.wp = wp
        self.groepen = [rekenen.id]
        self.besluiten: list[str] = []

    def teardown(self) -> None:
        self._map.cleanup()

    def _probeer(self, stap) -> None:  # type: ignore[no-untyped-def]
        # a refusal is fine: the rules decide, and `controleer` must agree with them
        with contextlib.suppress(OnderzoekscyclusError):
            stap()

    @rule(dagen=st.integers(0, 20))
    def tijd_verstrijkt(self, dagen: int) -> None:
        self.klok.zet(self.klok() + dt.timedelta(days=dagen))

    @rule(naam=st.sampled_from(["De Regenboog", "Het Palet", "de regenboog"]))
    def school(self, naam: str) -> None:
        brin = {"De Regenboog": "12AB", "Het Palet": "14CD"}.get(naam, "17EF")
        self._probeer(lambda: self.wp.scholen.toevoegen(naam, brin=brin, sector="po"))

    @rule(
        naam=st.sampled_from(["Rekenen", "Lezen", "rekenen"]),
        school=st.sampled_from(["De Regenboog", "Het Palet"]),
    )
    def werkgroep(self, naam: str, school: str) -> None:
        with contextlib.suppress(OnderzoekscyclusError):
            groep = self.wp.werkgroepen.toevoegen(naam, scholen=[school], nieuw_thema=True)
            self.groepen.append(groep.id)

    @rule(data=st.data(), stap=st.sampled_from(CYCLUSSTAPPEN))
    def cyclus(self, data: st.DataObject, stap: str) -> None:
        self._cyclusstap(data.draw(st.sampled_from(self.groepen)), stap)

    @rule(data=st.data(), stappen=st.integers(1, 8))
    def cyclus_vooruit(self, data: st.DataObject, stappen: int) -> None:
        """A few times the step the machine names as next, so runs reach every phase."""
        groep = data.draw(st.sampled_from(self.groepen))
        for _ in range(stappen):
            try:
                volgende = self.wp.cycli.overzicht(groep).volgende or "start"
            except OnderzoekscyclusError:
                volgende = "start"
            if volgende == "evaluatie":
                self._cyclusstap(groep, "meting")
            self._cyclusstap(groep, volgende)

    def _cyclusstap(self, groep: str, stap: str) -> None:
        c = self.wp.cycli
        stappen = {
            "start": lambda: c.start(groep, aanleiding="a", vraag="v", wie="Anna"),
            "beginsituatie": lambda: c.beginsituatie(groep, tekst="t", bronnen=["b"]),
            "doel": lambda: c.doel(
                groep, tekst="d", visie="eigenaarschap", indicatoren=[("a", "%", 1, 2)]
            ),
            "achteraf": lambda: c.doel(groep, indicatoren=[("b", "%", 1, 2)]),
            "plan": lambda: c.plan(groep, acties=[("x", None, None)], literatuur=["l"]),
            "elders": lambda: c.plan(groep, acties=[("y", None, None)], elders=self.groepen[:1]),
            "uitvoeren": lambda: c.uitvoeren(groep),
            "meting": lambda: [c.meting(groep, indicator=i, waarde=1.5) for i in ("a", "b")],
            "evaluatie": lambda: c.evaluatie(groep, conclusie="deels", tekst="t"),
            "afronden": lambda: c.afronden(groep),
            "volgende": lambda: c.volgende(groep),
            "terug": lambda: c.terug(groep, reden="opnieuw"),
            "pauzeer": lambda: c.pauzeer(groep),
            "hervat": lambda: c.hervat(groep),
        }
        self._probeer(stappen[stap])

    @rule(bijstellen=st.booleans(), verwerp=st.booleans())
    def besluit(self, bijstellen: bool, verwerp: bool) -> None:
        """The latest besluit one step further; a new one when it has ended."""
        bv = self.wp.besluitvorming
        b = bv.zoek(id=self.besluiten[-1]) if self.besluiten else None
        if b is None or b.fase in (Besluitfase.INGETROKKEN, Besluitfase.VERWORPEN):
            self.besluiten.append(bv.nieuw("Sommen", werkgroep=self.groepen[0], thema="rekenen").id)
            return
        self._probeer(lambda: self._verder(b, bijstellen=bijstellen, verwerp=verwerp))

    def _verder(self, b: Besluit, *, bijstellen: bool, verwerp: bool) -> None:
        bv, f = self.wp.besluitvorming, Besluitfase
        if b.fase is f.IDEEEN and not b.ideeen:
            bv.idee(b.id, "Idee", door="Anna")
        elif b.fase is f.IDEEEN:
            bv.voorstel(b.id, "Plan", leider="Anna", ideeen=[1])
        elif b.fase is f.VOORSTEL:
            bv.feedback_open(b.id, tot=self.klok() + dt.timedelta(days=3))
        elif b.fase is f.FEEDBACK:
            bv.feedback(b.id, "Mooi", extern="Mevrouw Bos")
        elif b.fase is f.BESLUITVORMING:
            for punt in b.zonder_reactie():
                bv.reageer(b.id, punt.nummer, oordeel="deels", motivatie="Later")
            bv.neem(b.id, "Besluit", verwerp=verwerp)
        elif b.fase in (f.BESLOTEN, f.BIJGESTELD):
            bv.implementeer(b.id)
        elif b.fase in (f.GEIMPLEMENTEERD, f.GEBORGD):
            try:  # with a measurement of a cycle as evidence, when there is one
                bv.evalueer(b.id, "Goed", metingen=[f"{self.groepen[0]}:1"])
            except OnderzoekscyclusError:
                bv.evalueer(b.id, "Goed")
        elif bijstellen:
            bv.bijstellen(b.id, "Anders")
        else:
            bv.borg(b.id)

    @invariant()
    def niets_te_melden(self) -> None:
        for groep in self.wp.werkgroepen.lijst():
            event(f"cyclus {groep.cycli[-1].fase.value}" if groep.cycli else "geen cyclus")
        for b in self.besluiten:
            event(f"besluit {self.wp.opslag.lees(Besluit, b).fase.value}")
        assert self.wp.controleer() == []

    def _met_cycli(self) -> list[Werkgroep]:
        # in the order they were made: ids have a random part, and draws must not
        return [g for g in (self.wp.werkgroepen.zoek(id=i) for i in self.groepen) if g.cycli]

    def _met_de_hand(self, bewerkt: Werkgroep | Besluit, pad: str, woorden: str = "") -> None:
        """Store ``bewerkt`` as a hand edit would leave it: `controleer` names ``pad``
        in its file. Then put the file back."""
        opslag = self.wp.opslag
        voor = opslag.lees(type(bewerkt), bewerkt.id)
        opslag.schrijf(bewerkt)
        try:
            bestand = opslag.label(opslag.pad(type(bewerkt), bewerkt.id))
            problemen = self.wp.controleer()
            assert any(r.startswith(f"{bestand} @ {pad}: ") and woorden in r for r in problemen), (
                pad,
                problemen,
            )
        finally:
            opslag.schrijf(voor)

    @precondition(lambda self: bool(self._met_cycli()))
    @rule(data=st.data())
    def fase_met_de_hand(self, data: st.DataObject) -> None:
        groep = data.draw(st.sampled_from(self._met_cycli()))
        i = data.draw(st.integers(0, len(groep.cycli) - 1))
        c = groep.cycli[i]
        fase = data.draw(st.sampled_from([f for f in Fase if f is not c.fase]))
        cycli = (*groep.cycli[:i], attrs.evolve(c, fase=fase), *groep.cycli[i + 1 :])
        self._met_de_hand(attrs.evolve(groep, cycli=cycli), f"$.cycli[{i}].fase")

    @precondition(lambda self: bool(self.besluiten))
    @rule(data=st.data())
    def besluit_met_de_hand(self, data: st.DataObject) -> None:
        b = self.wp.opslag.lees(Besluit, data.draw(st.sampled_from(self.besluiten)))
        fase = data.draw(st.sampled_from([f for f in Besluitfase if f is not b.fase]))
        self._met_de_hand(attrs.evolve(b, fase=fase), "$.fase")
        k = data.draw(st.integers(0, len(b.historie) - 1))
        later = self.klok() + dt.timedelta(days=data.draw(st.integers(1, 30)))
        historie = list(b.historie)
        historie[k] = attrs.evolve(historie[k], datum=later)
        bewerkt = attrs.evolve(b, historie=tuple(historie))
        self._met_de_hand(bewerkt, f"$.historie[{k}].datum", "ligt na vandaag")


WerkplaatsMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("OZC_STATEFUL_VOORBEELDEN", voorbeelden(25, 250))),
    stateful_step_count=STAPPEN,
    deadline=None,
)
TestWerkplaats = WerkplaatsMachine.TestCase
