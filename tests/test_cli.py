"""The `ozc` command as a user types it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from onderzoekscyclus import Werkplaats

from .conftest import Ozc, momentopname

EERSTE_SESSIE = [
    [
        "school",
        "toevoegen",
        "De Regenboog",
        "--brin",
        "12AB",
        "--sector",
        "po",
        "--cluster",
        "Noord",
    ],
    [
        "school",
        "profiel",
        "De Regenboog",
        "--visie",
        "eigenaarschap=Leerlingen sturen mee in hun eigen leerproces",
        "--trots",
        "Coöperatief leren",
        "--speerpunt",
        "rekenen",
    ],
    [
        "persoon",
        "toevoegen",
        "Anna de Vries",
        "--school",
        "De Regenboog",
        "--rol",
        "intern-begeleider",
        "--expertise",
        "rekenen",
    ],
    [
        "werkgroep",
        "toevoegen",
        "Rekenen groep 5-8",
        "--school",
        "De Regenboog",
        "--thema",
        "rekenen",
    ],
    ["werkgroep", "lid", "Rekenen groep 5-8", "Anna de Vries", "--rol", "leider"],
    ["log", "Rekenen groep 5-8", "Toetsresultaten M5 besproken", "--auteur", "Anna"],
]


@pytest.fixture
def eerste_sessie(ozc: Ozc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new user's first session, up to the log entry; returns the werkplaats."""
    monkeypatch.chdir(tmp_path)
    assert ozc("init", "mijn-werkplaats", "--naam", "Scholengroep De Kempen").exit_code == 0
    monkeypatch.chdir(tmp_path / "mijn-werkplaats")
    for opdracht in EERSTE_SESSIE:
        resultaat = ozc(*opdracht)
        assert resultaat.exit_code == 0, (opdracht, resultaat.output)
    return tmp_path / "mijn-werkplaats"


def test_eerste_sessie_van_een_nieuwe_gebruiker(eerste_sessie: Path, ozc: Ozc) -> None:
    """The session of the README works as written, ending in status and JSON."""
    status = ozc("status")
    assert status.exit_code == 0
    assert "Rekenen groep 5-8" in status.stdout
    assert "leider: Anna de Vries" in status.stdout
    resultaat = ozc("--json", "werkgroep", "toon", "rekenen")
    assert resultaat.exit_code == 0
    groep = json.loads(resultaat.stdout)
    anna = Werkplaats.open(eerste_sessie).persoon("Anna")
    assert groep["naam"] == "Rekenen groep 5-8"
    assert groep["leden"] == [{"persoon": anna.id, "rol": "leider"}]
    assert groep["logboek"] == [
        {"datum": "2026-11-23", "tekst": "Toetsresultaten M5 besproken", "auteur": anna.id}
    ]


@pytest.mark.parametrize(
    "opdracht",
    [
        ["status"],
        ["school", "lijst"],
        ["school", "toon", "regenboog"],
        ["persoon", "lijst"],
        ["persoon", "toon", "anna"],
        ["werkgroep", "lijst"],
        ["werkgroep", "toon", "rekenen"],
        ["log", "rekenen", "nog een"],
        ["controleer"],
    ],
)
def test_json_geeft_alleen_json_op_stdout(
    eerste_sessie: Path, ozc: Ozc, opdracht: list[str]
) -> None:
    """With --json, stdout holds exactly one JSON document."""
    resultaat = ozc("--json", *opdracht)
    assert resultaat.exit_code == 0
    json.loads(resultaat.stdout)


def _kapot(wp: Path, inhoud: str) -> None:
    (wp / "werkgroepen" / "kapot-abc234.toml").write_text(inhoud, encoding="utf-8")


SLECHTE_INVOER = [
    ("toml", lambda wp: _kapot(wp, "naam = "), ["werkgroep", "lijst"], "kapot-abc234.toml"),
    (
        "type",
        lambda wp: _kapot(wp, 'schema = "1.0"\nnaam = 3\nscholen = ["a-abc234"]\n'),
        ["werkgroep", "lijst"],
        "@ $.naam",
    ),
    (
        "sleutel",
        lambda wp: _kapot(wp, 'schema = "1.0"\nnaam = "K"\nscholen = ["a-abc234"]\nx = 1\n'),
        ["werkgroep", "lijst"],
        "onbekende sleutel",
    ),
    (
        "schema",
        lambda wp: _kapot(wp, 'schema = "2.0"\nnaam = "K"\nscholen = ["a-abc234"]\n'),
        ["werkgroep", "lijst"],
        "nieuwere versie",
    ),
    ("pad1", None, ["school", "toevoegen", "../../x", "--brin", "13AB", "--sector", "po"], "'/'"),
    ("pad2", None, ["school", "toevoegen", "/etc/x", "--brin", "13AB", "--sector", "po"], "'/'"),
    ("pad3", None, ["werkgroep", "toevoegen", "a/b", "--school", "regenboog"], "groep 1-2"),
    ("leeg", None, ["persoon", "toevoegen", ""], "niet leeg"),
    ("spaties", None, ["persoon", "toevoegen", "   "], "niet leeg"),
    ("brin", None, ["school", "toevoegen", "Nieuw", "--brin", "1234", "--sector", "po"], "BRIN"),
    ("sector", None, ["school", "toevoegen", "Nieuw", "--brin", "13AB", "--sector", "hbo"], "hbo"),
    ("onbekend", None, ["werkgroep", "toon", "taal"], "Geen werkgroep gevonden"),
    ("auteur", None, ["log", "rekenen", "x", "--auteur", "Bert"], "Geen persoon gevonden"),
    ("datum", None, ["log", "rekenen", "x", "--datum", "2026-13-01"], "geen datum"),
    ("lege-log", None, ["log", "rekenen", "  "], "niet leeg"),
]


@pytest.mark.parametrize(
    ("voorbereiding", "opdracht", "verwacht"),
    [x[1:] for x in SLECHTE_INVOER],
    ids=[x[0] for x in SLECHTE_INVOER],
)
def test_slechte_invoer(
    eerste_sessie: Path, ozc: Ozc, voorbereiding, opdracht: list[str], verwacht: str
) -> None:
    """Bad input: a Dutch message, exit ≠ 0, no traceback, nothing changed or written."""
    if voorbereiding:
        voorbereiding(eerste_sessie)
    omgeving = eerste_sessie.parent
    voor = momentopname(omgeving)
    resultaat = ozc(*opdracht)
    assert resultaat.exit_code != 0
    assert verwacht in resultaat.stderr
    assert "Traceback" not in resultaat.output
    assert resultaat.stdout == ""
    assert momentopname(omgeving) == voor


def test_dubbelzinnige_verwijzing_noemt_de_kandidaten(eerste_sessie: Path, ozc: Ozc) -> None:
    """A prefix that fits two werkgroepen lists both."""
    ozc("werkgroep", "toevoegen", "Rekenen kleuters", "--school", "regenboog")
    resultaat = ozc("werkgroep", "toon", "rekenen")
    assert resultaat.exit_code != 0
    assert "Rekenen groep 5-8" in resultaat.stderr and "Rekenen kleuters" in resultaat.stderr


def test_geen_werkplaats(ozc: Ozc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outside a werkplaats, and with a --werkplaats that is none: clear messages."""
    monkeypatch.chdir(tmp_path)
    resultaat = ozc("status")
    assert resultaat.exit_code != 0
    assert "Geen werkplaats gevonden" in resultaat.stderr
    assert "ozc init" in resultaat.stderr
    resultaat = ozc("--werkplaats", str(tmp_path / "nergens"), "status")
    assert resultaat.exit_code != 0
    assert "is geen werkplaats" in resultaat.stderr


def test_controleer(eerste_sessie: Path, ozc: Ozc) -> None:
    """controleer: exit 0 when all is well; exit 1 listing every problem otherwise."""
    resultaat = ozc("controleer")
    assert (resultaat.exit_code, resultaat.stdout.strip()) == (0, "Alles in orde.")
    _kapot(eerste_sessie, "naam = ")
    (eerste_sessie / "scholen" / "kapot-abc234.toml").write_text('schema = "1.0"\nnaam = "K"\n')
    resultaat = ozc("controleer")
    assert resultaat.exit_code == 1
    assert "werkgroepen/kapot-abc234.toml" in resultaat.stdout
    assert "scholen/kapot-abc234.toml @ $.brin" in resultaat.stdout
    assert "problemen gevonden" in resultaat.output


def test_demo_en_vervangen(ozc: Ozc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """demo makes a werkplaats and shows its status; --vervang only replaces a demo."""
    monkeypatch.chdir(tmp_path)
    resultaat = ozc("demo", "voorbeeld")
    assert resultaat.exit_code == 0
    assert "Partnerschap Samen Opleiden De Kempen" in resultaat.stdout
    assert Werkplaats.open(tmp_path / "voorbeeld").controleer() == []
    assert ozc("demo", "voorbeeld").exit_code != 0
    assert ozc("demo", "voorbeeld", "--vervang").exit_code == 0
    ozc("init", "echt", "--naam", "Echt")
    voor = momentopname(tmp_path / "echt")
    resultaat = ozc("demo", "echt", "--vervang")
    assert resultaat.exit_code != 0
    assert "geen voorbeeldwerkplaats" in resultaat.stderr
    assert momentopname(tmp_path / "echt") == voor


def test_click_meldingen_in_het_nederlands(eerste_sessie: Path, ozc: Ozc) -> None:
    """Click's own messages (a missing option) appear in Dutch by default."""
    resultaat = ozc("school", "toevoegen", "Nieuw", "--sector", "po")
    assert resultaat.exit_code == 2
    assert "--brin" in resultaat.stderr
    assert "Ontbrekende optie" in resultaat.stderr


@pytest.mark.parametrize(
    "opdracht",
    [["-m", "onderzoekscyclus"], ["-c", "from onderzoekscyclus.cli import main; main()"]],
)
def test_versie_via_module_en_script(opdracht: list[str]) -> None:
    """`python -m onderzoekscyclus --version` and the entry point print the version."""
    import onderzoekscyclus

    uit = subprocess.run(
        [sys.executable, *opdracht, "--version"], capture_output=True, text=True, check=True
    )
    assert uit.stdout.strip() == f"ozc {onderzoekscyclus.__version__}"
