"""Words a teacher reads: plurals, numbers, help, English, line length, what people
type, one option name for one idea, finding things by name, and names themselves.

An intern begeleider who leads a reading werkgroep uses `ozc` for a week; every test
here is something she ran into.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein import keuzes
from onderzoekscyclus.domein.cyclus import Conclusie
from onderzoekscyclus.domein.model import Rol, WerkgroepSoort
from onderzoekscyclus.domein.velden import lees_getal
from onderzoekscyclus.errors import InvalidValue, UnknownReference
from onderzoekscyclus.opmaak import getal
from tests.conftest import Ozc
from tests.gereedschap import laad

# Dutch words for the stored choices: phases, kinds, sectors, roles, statuses. None of
# them may show in English output (commands in `backticks` and the user's own texts
# aside).
NEDERLANDSE_KEUZES = [
    "aanleiding",
    "beginsituatie",
    "doel",
    "verbeterplan",
    "uitvoering",
    "evaluatie",
    "afgerond",
    "gepauzeerd",
    "ideeën",
    "voorstel",
    "besluitvorming",
    "besloten",
    "geïmplementeerd",
    "geëvalueerd",
    "bijgesteld",
    "geborgd",
    "ingetrokken",
    "verworpen",
    "overgenomen",
    "niet-overgenomen",
    "bereikt",
    "deels",
    "niet-bereikt",
    "leerteam",
    "plg",
    "learning-community",
    "gelegenheidscommunity",
    "bovenschools",
    "leraar",
    "intern-begeleider",
    "schoolleider",
    "middenmanager",
    "onderwijsassistent",
    "opleider",
    "onderzoeker",
    "bestuurder",
    "stafmedewerker",
    "leider",
    "lid",
    "po",
    "so",
    "vo",
    "mbo",
    "opleiding",
    "werkgroep",
    "werkgroepen",
    "werkplaats",
    "cyclus",
    "fase",
    "workgroup",
    "workgroups",
]


@pytest.fixture
def leesgroep(werkplaats: Werkplaats) -> Werkplaats:
    """CBS Het Baken with one intern begeleider, Ilse Jansen, who leads the PLG
    Leesgroep (theme lezen) and wrote one log line."""
    wp = werkplaats
    wp.scholen.toevoegen("CBS Het Baken", brin="12AB", sector="po")
    wp.scholen.profiel("CBS Het Baken", visie={"lezen": "Every child likes to read"})
    wp.personen.toevoegen(
        "Ilse Jansen", school="CBS Het Baken", rollen=["intern-begeleider"], expertise=["lezen"]
    )
    wp.werkgroepen.toevoegen("Leesgroep", scholen=["CBS Het Baken"], soort="plg", themas=["lezen"])
    wp.werkgroepen.lid("Leesgroep", "Ilse", rol="leider")
    wp.logboek.schrijf("Leesgroep", "First meeting", auteur="Ilse")
    return wp


def _in_uitvoering(wp: Werkplaats) -> None:
    """Leesgroep's first cycle up to the uitvoering, with one indicator on a 1-4 score."""
    wp.cycli.start("Leesgroep", aanleiding="Few children read for fun", vraag="How?")
    wp.cycli.beginsituatie("Leesgroep", tekst="Survey in May", bronnen=["Survey"])
    wp.cycli.doel(
        "Leesgroep",
        tekst="More reading for fun",
        visie="lezen",
        indicatoren=[("reading score", "score 1-4", 1.8, 2.5)],
    )
    wp.cycli.plan("Leesgroep", acties=[("Read aloud daily", None, None)], literatuur=["Study"])
    wp.cycli.uitvoeren("Leesgroep")


def _zonder_opdrachten(tekst: str) -> str:
    """``tekst`` without the commands in `backticks` (those are Dutch by design)."""
    return re.sub(r"`[^`]*`", "", tekst)


# --- 1. plurals -----------------------------------------------------------------------------


def test_een_is_enkelvoud(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """One school, one person, one werkgroep, one member and one log line are counted
    in the singular, in the status and in the theme list."""
    in_map(leesgroep.root)
    status = ozc("status").stdout
    assert "1 school, 1 persoon, 1 werkgroep\n" in status
    assert "1 lid, leider: Ilse Jansen; 1 logregel, laatste log 2026-11-23" in status
    assert "lezen: 1 werkgroep, 1 school, 1 expert" in ozc("thema", "lijst").stdout
    engels = ozc("--taal", "en", "status").stdout
    assert "1 school, 1 person, 1 working group\n" in engels
    assert "1 member, leader: Ilse Jansen; 1 log entry" in engels


# --- 2. numbers -----------------------------------------------------------------------------


def test_getallen_met_komma_en_eenheid(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """Dutch output writes a decimal comma and a space before a unit, everywhere in a
    cycle (the targets, the measurements, their history); English writes a point."""
    _in_uitvoering(leesgroep)
    in_map(leesgroep.root)
    assert (
        ozc(
            "cyclus", "meting", "Leesgroep", "--indicator", "reading score", "--waarde", "2,1"
        ).exit_code
        == 0
    )
    nl = ozc("cyclus", "toon", "Leesgroep").stdout
    assert "nulmeting 1,8 score 1-4, streefwaarde 2,5 score 1-4" in nl
    assert "2026-11-23  reading score: 2,1 score 1-4" in nl
    assert not re.search(r"\d\.\d", nl), nl
    en = ozc("--taal", "en", "cyclus", "toon", "Leesgroep").stdout
    assert "baseline 1.8 score 1-4, target 2.5 score 1-4" in en
    assert "2026-11-23  reading score: 2.1 score 1-4" in en
    assert not re.search(r"\d,\d", en), en


# --- 3. help --------------------------------------------------------------------------------


ENGELSE_CLICKWOORDEN = re.compile(
    r"\b(TEXT|INTEGER|FLOAT|RANGE|OPTIONS|COMMAND|ARGS|PATH|FILENAME|DIRECTORY|BOOLEAN|"
    r"UUID|Usage|Options|Commands|default|required)\b"
)


def test_hulp_is_helemaal_nederlands(ozc: Ozc) -> None:
    """Every command's help is Dutch, click's usage line and value names included."""
    from onderzoekscyclus.cli._root import ozc as root

    assert ozc("--help").stdout.startswith("Gebruik: ozc [OPTIES] OPDRACHT [ARGUMENTEN]...\n")
    for pad in laad("docs").opdrachten(root):
        hulp = ozc(*pad, "--help").stdout
        assert not ENGELSE_CLICKWOORDEN.search(hulp), (pad, ENGELSE_CLICKWOORDEN.findall(hulp))
    assert "--aantal GETAL" in ozc("thema", "vergelijkbaar", "--help").stdout
    assert "--datum DATUM" in ozc("cyclus", "start", "--help").stdout


# --- 4. English -----------------------------------------------------------------------------


def test_engels_zonder_nederlandse_keuzes(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """Under --taal en the phases, kinds, sectors, roles and statuses read in English,
    and a werkgroep is a "working group" everywhere; the files keep the Dutch values."""
    wp = leesgroep
    _in_uitvoering(wp)
    wp.cycli.meting("Leesgroep", indicator="reading score", waarde=2.1)
    wp.besluitvorming.nieuw("Daily reading time", werkgroep="Leesgroep", thema="lezen")
    wp.besluitvorming.idee("Daily", "Twenty minutes after lunch", door="Ilse")
    wp.besluitvorming.voorstel("Daily", "Twenty minutes after lunch", leider="Ilse", ideeen=[1])
    in_map(wp.root)
    opdrachten = [
        ["status"],
        ["cyclus", "toon", "Leesgroep"],
        ["werkgroep", "lijst"],
        ["werkgroep", "toon", "Leesgroep"],
        ["persoon", "lijst"],
        ["persoon", "toon", "Ilse"],
        ["school", "lijst"],
        ["school", "toon", "Baken"],
        ["besluit", "lijst"],
        ["besluit", "toon", "Daily"],
        ["thema", "scholen", "lezen"],
        ["thema", "experts", "lezen"],
        ["expertise", "Baken"],
        ["zelfevaluatie", "instrumenten"],
    ]
    for opdracht in opdrachten:
        uit = ozc("--taal", "en", *opdracht)
        assert uit.exit_code == 0, uit.stderr
        tekst = _zonder_opdrachten(uit.stdout)
        gevonden = [
            w for w in NEDERLANDSE_KEUZES if re.search(rf"(?<![\w-]){w}(?![\w-])", tekst, re.I)
        ]
        assert gevonden == [], (opdracht, gevonden, tekst)
    assert "working group" in ozc("--taal", "en", "status").stdout
    assert (
        "(partnership, 9 statements, "
        in ozc("--taal", "en", "zelfevaluatie", "instrumenten").stdout
    )
    bestand = next((wp.root / "werkgroepen").glob("*.toml")).read_text(encoding="utf-8")
    assert 'soort = "plg"' in bestand and 'fase = "uitvoering"' in bestand


# --- 5. line length -------------------------------------------------------------------------


LANG = (
    "The children in groups 5 to 8 read less and less for fun: in the survey of May only a "
    "quarter said they read at home, and the library loans of the school fell by a third."
)


def test_lange_tekst_wordt_omgebroken(
    leesgroep: Werkplaats,
    ozc: Ozc,
    in_map,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    """Free text is wrapped to the terminal width ($COLUMNS), to 80 when the output is
    no terminal, and never in --json; a command to type stays on one line."""
    leesgroep.cycli.start("Leesgroep", aanleiding=LANG, vraag="How do we get them reading?")
    in_map(leesgroep.root)
    monkeypatch.setenv("COLUMNS", "60")
    for opdracht in (["status"], ["cyclus", "toon", "Leesgroep"]):
        regels = ozc(*opdracht).stdout.splitlines()
        te_lang = [r for r in regels if len(r) > 60 and "`" not in r and not r.startswith("Map:")]
        assert te_lang == [], te_lang
    smal = ozc("cyclus", "toon", "Leesgroep").stdout
    assert " ".join(smal.split()).count(LANG) == 1
    monkeypatch.delenv("COLUMNS")
    regels = ozc("cyclus", "toon", "Leesgroep").stdout.splitlines()
    assert max(len(r) for r in regels if "`" not in r and not r.startswith("Map:")) <= 80
    data = json.loads(ozc("--json", "cyclus", "toon", "Leesgroep").stdout)
    assert data["cyclus"]["aanleiding"] == LANG


LIJSTEN = [
    ["school", "lijst"],
    ["persoon", "lijst"],
    ["werkgroep", "lijst"],
    ["besluit", "lijst"],
    ["cyclus", "lijst"],
    ["zelfevaluatie", "lijst"],
    ["planning"],
    ["log", "Leergroep Begrijpend Lezen"],
    ["thema", "lijst"],
    ["expertise", "--partnerschap"],
    ["thema", "netwerken"],
    ["status"],
]


def test_elke_lijst_past_in_een_terminal(tmp_path: Path, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """Every list of the demo werkplaats fits in 80 columns; only a command to type
    (in backticks) may stick out, since breaking it would make it wrong."""
    from onderzoekscyclus.demo import maak_demo

    demo = maak_demo(tmp_path / "demo", vandaag=dt.date(2026, 11, 23))
    in_map(demo.root)
    for opdracht in LIJSTEN:
        uit = ozc(*opdracht)
        assert uit.exit_code == 0, (opdracht, uit.output)
        te_lang = [r for r in uit.stdout.splitlines() if len(r) > 80 and "`" not in r]
        assert te_lang == [], (opdracht, te_lang)


# --- 6. what people type ----------------------------------------------------------------------


def test_invoer_zoals_een_leraar_hem_typt(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """`--rol leerkracht`, `--conclusie "niet bereikt"`, `--waarde 48%` and `6,5` are
    understood, by the CLI and the library alike (48% then refused for a score); what
    is not understood is refused with the choices."""
    wp = leesgroep
    _in_uitvoering(wp)
    in_map(wp.root)
    assert (
        ozc(
            "persoon", "toevoegen", "Bo", "--rol", "leerkracht", "--rol", "Intern begeleider"
        ).exit_code
        == 0
    )
    assert [r.value for r in wp.personen.zoek("Bo").rollen] == ["intern-begeleider", "leraar"]
    assert (
        ozc(
            "school", "toevoegen", "De Brug", "--brin", "13AB", "--sector", "Basisonderwijs"
        ).exit_code
        == 0
    )
    assert wp.scholen.zoek("Brug").sector.value == "po"
    # 48% is read as a number, and refused for a score of 1 to 4: a percentage there is a slip
    procent = ozc(
        "cyclus", "meting", "Leesgroep", "--indicator", "reading score", "--waarde", "48%"
    )
    assert procent.exit_code == 2
    assert "48% is een percentage, maar 'reading score' telt in score 1-4." in procent.stderr
    assert (
        ozc(
            "cyclus", "meting", "Leesgroep", "--indicator", "reading score", "--waarde", "6,5"
        ).exit_code
        == 0
    )
    wp.cycli.meting("Leesgroep", indicator="reading score", waarde="2,25")
    metingen = wp.werkgroepen.zoek("Leesgroep").cycli[-1].metingen
    assert [m.waarde for m in metingen] == [6.5, 2.25]
    uit = ozc(
        "cyclus", "evaluatie", "Leesgroep", "--conclusie", "Niet bereikt", "--tekst", "Not yet"
    )
    assert uit.exit_code == 0, uit.stderr
    assert wp.werkgroepen.zoek("Leesgroep").cycli[-1].evaluatie.conclusie.value == "niet-bereikt"
    assert wp.personen.toevoegen("Cas", rollen=["Leerkracht", "ib'er"]).rollen == (
        wp.personen.zoek("Bo").rollen
    )
    fout = ozc("persoon", "toevoegen", "Dirk", "--rol", "kok")
    assert fout.exit_code == 2
    assert "kok" in fout.stderr and "leraar" in fout.stderr
    fout = ozc("cyclus", "meting", "Leesgroep", "--indicator", "reading score", "--waarde", "veel")
    assert fout.exit_code == 2 and "'veel' is geen getal" in fout.stderr


@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["nl", "en"]))
def test_een_getal_zoals_ozc_het_schrijft_leest_terug(waarde: float, taal: str) -> None:
    """Whatever number ozc writes, in Dutch or English, reads back as the same number."""
    assert lees_getal(getal(waarde, taal=taal), "waarde") == waarde


def test_een_keuze_in_het_engels_of_met_een_synoniem() -> None:
    """A choice may be typed by its English name or a synonym too; a value wins."""
    assert keuzes.lees(Rol, "Teacher") is Rol.LERAAR
    assert keuzes.lees(Rol, "special needs coordinator") is Rol.INTERN_BEGELEIDER
    assert keuzes.lees(WerkgroepSoort, "bovenschoolse werkgroep") is WerkgroepSoort.BOVENSCHOOLS
    assert keuzes.lees(Conclusie, "NIET_BEREIKT") is Conclusie.NIET_BEREIKT
    assert keuzes.lees(Rol, "kok") is None
    assert keuzes.weergave(Rol.INTERN_BEGELEIDER) == "intern begeleider"


# --- 7. one option name ---------------------------------------------------------------------


def test_door_zegt_wie_het_deed(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """`--door` names the person who did it in every command; the old names still work
    for a release, with a notice, and are no longer in the help."""
    wp = leesgroep
    in_map(wp.root)
    ilse = wp.personen.zoek("Ilse").id
    assert (
        ozc(
            "cyclus", "start", "Leesgroep", "--aanleiding", "a", "--vraag", "v", "--door", "Ilse"
        ).exit_code
        == 0
    )
    assert wp.werkgroepen.zoek("Leesgroep").cycli[-1].historie[-1].wie == ilse
    assert ozc("log", "Leesgroep", "Second meeting", "--door", "Ilse").exit_code == 0
    assert wp.werkgroepen.zoek("Leesgroep").logboek[-1].auteur == ilse
    oud = ozc("log", "Leesgroep", "Third meeting", "--auteur", "Ilse")
    assert oud.exit_code == 0
    assert "--auteur heet nu --door" in oud.stderr
    assert wp.werkgroepen.zoek("Leesgroep").logboek[-1].auteur == ilse
    oud = ozc(
        "cyclus", "beginsituatie", "Leesgroep", "--tekst", "t", "--bron", "b", "--wie", "Ilse"
    )
    assert oud.exit_code == 0 and "--wie heet nu --door" in oud.stderr
    wp.besluitvorming.nieuw("Daily reading time", werkgroep="Leesgroep", thema="lezen")
    assert ozc("besluit", "voorstel", "Daily", "--tekst", "t", "--door", "Ilse").exit_code == 0
    assert wp.besluitvorming.zoek("Daily").voorstellen[-1].leider == ilse
    for pad, oude in [
        (["log"], "--auteur"),
        (["cyclus", "start"], "--wie"),
        (["besluit", "voorstel"], "--leider"),
        (["besluit", "neem"], "--wie"),
    ]:
        hulp = ozc(*pad, "--help").stdout
        assert "--door PERSOON" in hulp and oude not in hulp, pad
    dubbel = ozc("log", "Leesgroep", "x", "--door", "Ilse", "--auteur", "Bo")
    assert dubbel.exit_code == 2


# --- 8. finding things by name ----------------------------------------------------------------


def test_alle_getypte_woorden_vinden(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """ "Het Baken" finds "CBS Het Baken" (every word typed, in any order), with and
    without the index; a miss always says what was probably meant."""
    wp = leesgroep
    wp.scholen.toevoegen("Het Bakenhof", brin="13AB", sector="po")
    assert wp.scholen.zoek("Het Baken").naam == "CBS Het Baken"
    assert wp.scholen.zoek("baken het cbs").naam == "CBS Het Baken"
    assert wp.personen.zoek("Jansen Ilse").naam == "Ilse Jansen"
    with pytest.raises(UnknownReference, match="Bedoelde u: CBS Het Baken"):
        wp.scholen.zoek("Bakn")
    wp.netwerk.scholen("lezen")  # builds the index: `ozc log` now asks it
    in_map(wp.root)
    assert ozc("log", "Leesgroep", "With the index", "--door", "Jansen Ilse").exit_code == 0
    assert wp.werkgroepen.zoek("Leesgroep").logboek[-1].auteur == wp.personen.zoek("Ilse").id
    fout = ozc("log", "Leesgroep", "x", "--door", "Ilze Jansen")
    assert "Bedoelde u: Ilse Jansen?" in fout.stderr


# --- 9. names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("teken", "wat"),
    [
        ("\u200b", "U+200B"),  # zero-width space
        ("\u200d", "U+200D"),  # zero-width joiner
        ("\ufeff", "U+FEFF"),  # byte order mark
        ("\u202e", "U+202E"),  # right-to-left override
        ("\u2066", "U+2066"),  # left-to-right isolate
    ],
)
def test_onzichtbare_tekens_in_een_naam_worden_geweigerd(
    leesgroep: Werkplaats, teken: str, wat: str
) -> None:
    """A name with an invisible or direction-changing character would look like
    another name; it is refused, saying which character it is."""
    with pytest.raises(InvalidValue, match="onzichtbaar") as fout:
        leesgroep.scholen.toevoegen(f"CBS Het{teken} Baken", brin="13AB", sector="po")
    assert wat in str(fout.value)
    with pytest.raises(InvalidValue, match="onzichtbaar"):
        leesgroep.werkgroepen.toevoegen(f"Lees{teken}groep", scholen=["Baken"])


def test_een_emoji_met_verbindingsteken_is_een_plaatje(leesgroep: Werkplaats) -> None:
    """👩‍🏫 is one picture built with a zero-width joiner: it stays; the same joiner
    between letters is still refused."""
    groep = leesgroep.werkgroepen.toevoegen("Leesgroep 👩\u200d🏫", scholen=["Baken"])
    assert leesgroep.werkgroepen.zoek(groep.id).naam == "Leesgroep 👩\u200d🏫"
    with pytest.raises(InvalidValue, match="U\\+200D"):
        leesgroep.werkgroepen.toevoegen("Lees\u200d🏫", scholen=["Baken"])


def test_schuine_streep_in_een_naam_en_nfc(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """ "Rekenen groep 1/2" is an everyday name; its id is a slug. A name is stored
    composed (NFC), so "é" typed in two ways is one name."""
    in_map(leesgroep.root)
    uit = ozc("werkgroep", "toevoegen", "Rekenen groep 1/2", "--school", "Baken")
    assert uit.exit_code == 0, uit.stderr
    groep = leesgroep.werkgroepen.zoek("Rekenen groep 1/2")
    assert groep.naam == "Rekenen groep 1/2"
    assert re.fullmatch(r"rekenen-groep-1-2-[a-z0-9]{6}", groep.id)
    persoon = leesgroep.personen.toevoegen("Rene\u0301e de Wit / van Dam", school="Baken")
    assert persoon.naam == unicodedata.normalize("NFC", "Renée de Wit / van Dam")
    leesgroep.scholen.toevoegen("Cafe\u0301school", brin="13AB", sector="po")
    assert leesgroep.scholen.zoek("Caféschool").naam == "Caféschool"
    with pytest.raises(InvalidValue, match="al een school"):
        leesgroep.scholen.toevoegen("Caféschool", brin="14AB", sector="po")


# --- 10. weakest first ----------------------------------------------------------------------


def test_zwakste_domeinen_zwakste_eerst(leesgroep: Werkplaats, ozc: Ozc, in_map) -> None:  # type: ignore[no-untyped-def]
    """ "Zwakste domeinen" lists the weakest domain first."""
    zelf = leesgroep.zelfevaluaties
    instrument = zelf.instrument("lerende-organisatie")
    punten = {"cultuur": (1, 2), "ontwikkeling": (1, 1), "expertise": (3, 3)}
    for respondent in range(2):
        antwoorden = {
            item.id: punten[instrument.domein_van(item.id).id][respondent]  # type: ignore[union-attr]
            for item in instrument.items()
        }
        zelf.invullen("lerende-organisatie", antwoorden=antwoorden, school="Baken")
    uitslag = zelf.resultaat("lerende-organisatie", school="Baken")
    assert uitslag.zwakste_domeinen == ("ontwikkeling", "cultuur")
    in_map(leesgroep.root)
    tekst = ozc("zelfevaluatie", "resultaat", "lerende-organisatie", "--school", "Baken").stdout
    assert "Zwakste domeinen: Focus op ontwikkeling (1,00), Ondersteunende cultuur (1,50)" in tekst


def test_een_lange_foutmelding_past_op_een_terminal(tmp_path: Path) -> None:
    """On a real terminal (a pseudo-terminal, 80 columns) a long refusal is wrapped like
    other output. Read by a script (no terminal) each line stays as it was, so what it
    searches for is found."""
    import os
    import pty
    import subprocess
    import sys

    omgeving = {**os.environ, "ONDERZOEKSCYCLUS_VANDAAG": "2026-11-23", "COLUMNS": "80"}
    wp = Werkplaats.maak(tmp_path / "wp", "Test", vandaag=lambda: dt.date(2026, 11, 23))
    punt = wp.ontwikkelagenda.toevoegen("Rekenen", schooljaren=["2026-2027"])
    wp.ontwikkelagenda.aanvraag(
        punt.id, "Contexten", status="ingediend", datum=dt.date(2026, 11, 20)
    )
    opdracht = [sys.executable, "-m", "onderzoekscyclus", "ontwikkelagenda", "wijzig", "Rekenen"]
    opdracht += ["--aanvraag", "1", "--status", "toegekend", "--datum", "2026-10-01"]
    hoofd, kind = pty.openpty()
    proces = subprocess.Popen(
        opdracht, cwd=wp.root, stdin=kind, stdout=kind, stderr=kind, env=omgeving
    )
    os.close(kind)
    uitvoer = b""
    while True:
        try:
            stuk = os.read(hoofd, 1024)
        except OSError:
            break
        if not stuk:
            break
        uitvoer += stuk
    os.close(hoofd)
    assert proces.wait(timeout=60) == 2  # a value that cannot be
    regels = uitvoer.decode().replace("\r\n", "\n").strip().splitlines()
    assert regels[0].startswith("Fout: Aanvraag 1 staat sinds 2026-11-20 op 'ingediend';")
    assert len(regels) > 2 and all(len(r) <= 80 for r in regels), regels
    # without a terminal (a script): the same message, one line per line of the message
    zonder = subprocess.run(
        opdracht, cwd=wp.root, env=omgeving, capture_output=True, text=True, check=False
    )
    assert "een nieuwe status kan niet van eerder zijn (2026-10-01)." in zonder.stderr
    assert len(zonder.stderr.splitlines()) == 2
