"""The `ozc` command as a user types it: the first session, bad input, JSON, the script."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import onderzoekscyclus
from onderzoekscyclus import Werkplaats

DAG = "2026-11-23"

EERSTE_SESSIE = """\
ozc init mijn-werkplaats --naam "Scholengroep De Kempen"
cd mijn-werkplaats
ozc school toevoegen "De Regenboog" --brin 12AB --sector po --cluster Noord
ozc school profiel "De Regenboog" --visie eigenaarschap="Leerlingen sturen mee in hun eigen leerproces" --trots "Coöperatief leren" --speerpunt rekenen
ozc persoon toevoegen "Anna de Vries" --school "De Regenboog" --rol intern-begeleider --expertise rekenen
ozc werkgroep toevoegen "Rekenen groep 5-8" --school "De Regenboog" --thema rekenen
ozc werkgroep lid "Rekenen groep 5-8" "Anna de Vries" --rol leider
ozc log "Rekenen groep 5-8" "Toetsresultaten M5 besproken" --door "Anna"
ozc status
ozc --json werkgroep toon rekenen
"""
"""A new user's first session, exactly as the README shows it."""

KAPOT = "werkgroepen/kapot-abc234.toml"
EERSTE_SCHOOL = ["toevoegen", "De Regenboog", "--brin", "12AB", "--sector", "po"]


@pytest.fixture(autouse=True)
def _vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fixed day, Dutch, and no werkplaats or debug switch from the caller's shell.

    The language is process-wide (``ozc --taal en`` switches the library too), so each
    test ends by switching back to Dutch for the tests that follow.
    """
    from onderzoekscyclus.cli import kies_cli_taal

    for naam in ("ONDERZOEKSCYCLUS_WERKPLAATS", "ONDERZOEKSCYCLUS_TAAL", "ONDERZOEKSCYCLUS_DEBUG"):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", DAG)
    monkeypatch.setenv("LANGUAGE", "nl")
    yield
    kies_cli_taal(["--taal", "nl"])


def ozc(*args: str) -> Result:
    """Run ``ozc`` in-process in the current folder; stdout and stderr stay apart.

    Exceptions are not caught: an error that escapes the CLI fails the test, just as it
    would end in a traceback for a user.
    """
    from onderzoekscyclus.cli._root import ozc as root

    return CliRunner().invoke(root, list(args), catch_exceptions=False)


def momentopname(map_: Path) -> dict[str, bytes | None]:
    """Every file under ``map_`` with its bytes, and every folder (as ``None``).

    Left out: the lock and the derived index in ``.onderzoekscyclus/``, a git-ignored
    cache that a read may bring up to date and that may be deleted at any time.
    """
    return {
        p.relative_to(map_).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(map_.rglob("*"))
        if ".onderzoekscyclus" not in p.relative_to(map_).parts
    }


def speel(sessie: str) -> list[Result]:
    """Run each line of ``sessie`` as a shell would split it; ``cd`` changes folder."""
    resultaten = []
    for regel in sessie.splitlines():
        opdracht, *args = shlex.split(regel)
        if opdracht == "cd":
            os.chdir(args[0])
            continue
        assert opdracht == "ozc", regel
        resultaat = ozc(*args)
        assert resultaat.exit_code == 0, (regel, resultaat.output)
        resultaten.append(resultaat)
    return resultaten


@pytest.fixture
def wp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The werkplaats after the first session; the current folder is inside it."""
    monkeypatch.chdir(tmp_path)
    speel(EERSTE_SESSIE)
    assert Path.cwd() == tmp_path / "mijn-werkplaats"
    return tmp_path / "mijn-werkplaats"


# --- the first session -------------------------------------------------------------------


def test_eerste_sessie_van_een_nieuwe_gebruiker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every command of the first session succeeds; status and JSON show what was entered."""
    monkeypatch.chdir(tmp_path)
    *_, status, als_json = speel(EERSTE_SESSIE)

    assert "Werkplaats: Scholengroep De Kempen" in status.stdout
    assert "1 school, 1 persoon, 1 werkgroep" in status.stdout
    assert "Rekenen groep 5-8 (leerteam; De Regenboog)" in status.stdout
    assert "1 lid, leider: Anna de Vries; 1 logregel, laatste log 2026-11-23" in status.stdout

    groep = json.loads(als_json.stdout)
    anna = Werkplaats.open(tmp_path / "mijn-werkplaats").personen.zoek("Anna de Vries")
    assert anna.id.startswith("persoon-")
    assert groep["naam"] == "Rekenen groep 5-8"
    assert groep["themas"] == ["rekenen"]
    assert groep["leden"] == [{"persoon": anna.id, "rol": "leider", "onderzoeksvraag": None}]
    [regel] = groep["logboek"]
    assert regel.pop("id").isalnum()  # every entry is known by an id, in every clone
    assert regel == {"datum": DAG, "tekst": "Toetsresultaten M5 besproken", "auteur": anna.id}
    assert "Anna" not in json.dumps(groep), "a werkgroep refers to a person by id only"


def test_eerste_sessie_in_een_echte_shell(tmp_path: Path) -> None:
    """The installed `ozc` script runs the session line by line in bash, as a user would."""
    bin_map = Path(_ozc_script()).parent
    omgeving = {**os.environ, "PATH": f"{bin_map}{os.pathsep}{os.environ.get('PATH', '')}"}
    uit = subprocess.run(
        ["bash", "-e", "-c", EERSTE_SESSIE],
        cwd=tmp_path,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    assert "Traceback" not in uit.stdout + uit.stderr
    assert "leider: Anna de Vries" in uit.stdout
    assert '"rol": "leider"' in uit.stdout


# --- bad input ---------------------------------------------------------------------------


def _schrijf(relatief: str, inhoud: str) -> Callable[[Path], Any]:
    return lambda wp: (wp / relatief).write_text(inhoud, encoding="utf-8")


def _tweede_rekengroep(wp: Path) -> None:
    Werkplaats.open(wp).werkgroepen.toevoegen(
        "Rekenen kleuters", scholen=["De Regenboog"], themas=["rekenen"]
    )


GEEN = None
TOEVOEGEN = ["school", "toevoegen"]
SLECHTE_INVOER: list[tuple[str, Callable[[Path], Any] | None, list[str], list[str]]] = [
    (
        "toml-kapot",
        _schrijf(KAPOT, "naam = \n"),
        ["werkgroep", "lijst"],
        [f"{KAPOT} kan niet gelezen worden", f"{KAPOT} @ $:", "Geen geldige TOML op regel 1"],
    ),
    (
        "type-naam",
        _schrijf(KAPOT, 'schema = "1.0"\nnaam = 3\nscholen = ["a-abc234"]\n'),
        ["status"],
        [f"{KAPOT} @ $.naam: verwacht tekst"],
    ),
    (
        "type-rol",
        _schrijf(
            KAPOT,
            'schema = "1.0"\nnaam = "K"\nscholen = ["a-abc234"]\n'
            'leden = [{ persoon = "persoon-abc234", rol = "baas" }]\n',
        ),
        ["werkgroep", "lijst"],
        [f"{KAPOT} @ $.leden[0].rol:", "leider, expert, lid"],
    ),
    (
        "type-datum",
        _schrijf(
            KAPOT,
            'schema = "1.0"\nnaam = "K"\nscholen = ["a-abc234"]\n'
            'logboek = [{ datum = "gisteren", tekst = "x" }]\n',
        ),
        ["werkgroep", "lijst"],
        [f"{KAPOT} @ $.logboek[0].datum:", "datum"],
    ),
    (
        "onbekende-sleutel",
        _schrijf(KAPOT, 'schema = "1.0"\nnaam = "K"\nscholen = ["a-abc234"]\nkleur = "rood"\n'),
        ["werkgroep", "lijst"],
        [f"{KAPOT} @ $", "onbekende sleutel", "kleur"],
    ),
    (
        "nieuwer-schema",
        _schrijf(KAPOT, 'schema = "2.0"\nnaam = "K"\nscholen = ["a-abc234"]\n'),
        ["werkgroep", "lijst"],
        [KAPOT, "schema 2.0", "nieuwere versie", "niet gewijzigd"],
    ),
    (
        "school-kapot",
        _schrijf("scholen/kapot-abc234.toml", 'schema = "1.0"\nnaam = "K"\nsector = "po"\n'),
        ["school", "lijst"],
        ["scholen/kapot-abc234.toml @ $.brin"],
    ),
    ("pad-omhoog", GEEN, [*TOEVOEGEN, "../../x", "--brin", "13AB", "--sector", "po"], ["'/'"]),
    (
        "onzichtbaar",
        GEEN,
        [*TOEVOEGEN, "De\u200bBrug", "--brin", "13AB", "--sector", "po"],
        ["U+200B"],
    ),
    (
        "schrijfrichting",
        GEEN,
        ["werkgroep", "toevoegen", "a\u202eb", "--school", "regenboog"],
        ["U+202E"],
    ),
    ("naam-leeg", GEEN, ["persoon", "toevoegen", ""], ["niet leeg"]),
    ("naam-spaties", GEEN, ["persoon", "toevoegen", "   "], ["niet leeg"]),
    ("school-leeg", GEEN, [*TOEVOEGEN, " ", "--brin", "13AB", "--sector", "po"], ["niet leeg"]),
    ("brin", GEEN, [*TOEVOEGEN, "Nieuw", "--brin", "1234", "--sector", "po"], ["BRIN", "1234"]),
    ("brin-dubbel", GEEN, [*TOEVOEGEN, "Nieuw", "--brin", "12ab", "--sector", "po"], ["12AB"]),
    ("sector", GEEN, [*TOEVOEGEN, "Nieuw", "--brin", "13AB", "--sector", "hbo"], ["'hbo'"]),
    ("rol", GEEN, ["werkgroep", "lid", "rekenen", "anna", "--rol", "baas"], ["'baas'"]),
    ("visie", GEEN, ["school", "profiel", "regenboog", "--visie", "zonder-is"], ["NAAM=TEKST"]),
    (
        "onbekend",
        GEEN,
        ["werkgroep", "toon", "taal"],
        ["Geen werkgroep gevonden voor 'taal'", "ozc werkgroep lijst"],
    ),
    (
        "dubbelzinnig",
        _tweede_rekengroep,
        ["werkgroep", "toon", "rekenen"],
        ["meer dan één werkgroep", "Rekenen groep 5-8 (", "Rekenen kleuters ("],
    ),
    ("onbekende-school", GEEN, ["persoon", "toevoegen", "Bert", "--school", "Zon"], ["'Zon'"]),
    ("door", GEEN, ["log", "rekenen", "x", "--door", "Bert"], ["Geen persoon gevonden"]),
    ("datum", GEEN, ["log", "rekenen", "x", "--datum", "2026-13-01"], ["2026-13-01"]),
    ("lege-log", GEEN, ["log", "rekenen", "  "], ["niet leeg"]),
    ("init-bestaat", GEEN, ["init", ".", "--naam", "Nog een"], ["niet leeg"]),
    (
        "werkplaats-nergens",
        GEEN,
        ["--werkplaats", "../nergens", "status"],
        ["is geen werkplaats", "onderzoekscyclus.toml ontbreekt"],
    ),
    (
        "werkplaats-is-gewone-map",
        GEEN,
        ["--werkplaats", "scholen", "school", "lijst"],
        ["is geen werkplaats"],
    ),
]


@pytest.mark.parametrize(
    ("voorbereiding", "opdracht", "verwacht"),
    [geval[1:] for geval in SLECHTE_INVOER],
    ids=[geval[0] for geval in SLECHTE_INVOER],
)
def test_slechte_invoer_wordt_geweigerd_zonder_iets_te_veranderen(
    wp: Path,
    voorbereiding: Callable[[Path], Any] | None,
    opdracht: list[str],
    verwacht: list[str],
) -> None:
    """Bad input: exit ≠ 0, a Dutch "Fout: …" saying what is wrong, no traceback, and
    not one byte changed in the werkplaats nor anything created next to it."""
    if voorbereiding is not None:
        voorbereiding(wp)
    buiten = wp.parent.parent
    naast = {p.name for p in buiten.iterdir()}
    voor = momentopname(wp.parent)

    resultaat = ozc(*opdracht)

    assert resultaat.exit_code not in (0, None)
    _is_nette_fout(resultaat, verwacht)
    assert momentopname(wp.parent) == voor
    assert {p.name for p in buiten.iterdir()} == naast


def _is_nette_fout(resultaat: Result, verwacht: list[str]) -> None:
    assert resultaat.stdout == ""
    assert "Traceback" not in resultaat.output
    regels = resultaat.stderr.splitlines()
    # click's own usage errors put "Gebruik: …" above the error; ours start with it
    begin = next(i for i, r in enumerate(regels) if r.startswith("Fout: "))
    melding = "\n".join(regels[begin:])
    if not regels[0].startswith("Gebruik: "):
        assert begin == 0, resultaat.stderr
    for stuk in verwacht:
        assert stuk in melding, (stuk, melding)


def test_zonder_werkplaats_een_duidelijke_weg(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside any werkplaats every command that needs one says how to get one."""
    monkeypatch.chdir(tmp_path)
    for opdracht in (["status"], ["school", "lijst"], ["log", "rekenen", "x"], ["controleer"]):
        resultaat = ozc(*opdracht)
        assert resultaat.exit_code == 1
        _is_nette_fout(resultaat, ["Geen werkplaats gevonden", "ozc init", "--werkplaats"])
    assert list(tmp_path.iterdir()) == []


def test_niet_herkende_fouten_van_het_systeem_zonder_traceback(wp: Path) -> None:
    """An OS error (a folder that is in the way of a file) is a message, not a crash."""
    (wp / "personen").rename(wp / "personen-weg")
    (wp / "personen").write_text("geen map", encoding="utf-8")
    voor = momentopname(wp)
    resultaat = ozc("persoon", "toevoegen", "Bert")
    assert resultaat.exit_code != 0
    assert resultaat.stderr.startswith("Fout: ")
    assert "Traceback" not in resultaat.output
    assert momentopname(wp) == voor


def test_een_persoon_vergeten(wp: Path) -> None:
    """Deleting a person's file (AVG) removes their name everywhere; the werkplaats stays
    usable and `ozc controleer` points at the references left behind."""
    (persoon,) = (wp / "personen").glob("*.toml")
    persoon.unlink()
    assert not any("Anna" in p.read_text(encoding="utf-8") for p in wp.rglob("*.toml")), (
        "a name of a person stands outside personen/"
    )
    status = ozc("status")
    assert status.exit_code == 0
    assert f"leider: {persoon.stem}" in status.stdout
    assert ozc("log", "rekenen", "Verder zonder Anna").exit_code == 0
    controle = ozc("controleer")
    assert controle.exit_code == 1
    assert f"@ $.leden[0].persoon: persoon '{persoon.stem}' bestaat niet" in controle.stdout
    assert f"@ $.logboek[0].auteur: persoon '{persoon.stem}' bestaat niet" in controle.stdout


# --- controleer --------------------------------------------------------------------------


def test_controleer_een_gezonde_werkplaats(wp: Path) -> None:
    """`ozc controleer` on a good werkplaats: exit 0 and "Alles in orde."."""
    resultaat = ozc("controleer")
    assert (resultaat.exit_code, resultaat.stdout, resultaat.stderr) == (0, "Alles in orde.\n", "")


def test_controleer_meldt_alle_problemen(wp: Path) -> None:
    """Two broken files and a dangling reference: exit 1, each problem on its own line."""
    _schrijf(KAPOT, "naam = \n")(wp)
    _schrijf("scholen/kapot-abc234.toml", 'schema = "1.0"\nnaam = "K"\nsector = "po"\n')(wp)
    _schrijf(
        "werkgroepen/los-abc234.toml",
        'schema = "1.0"\nnaam = "Los"\nscholen = ["weg-abc234"]\n'
        'leden = [{ persoon = "persoon-zzz234", rol = "lid" }]\n',
    )(wp)
    voor = momentopname(wp)

    resultaat = ozc("controleer")

    assert resultaat.exit_code == 1
    assert f"{KAPOT} @ $: Geen geldige TOML" in resultaat.stdout
    assert "scholen/kapot-abc234.toml @ $.brin" in resultaat.stdout
    assert "werkgroepen/los-abc234.toml @ $.scholen[0]: school 'weg-abc234'" in resultaat.stdout
    assert "werkgroepen/los-abc234.toml @ $.leden[0].persoon" in resultaat.stdout
    assert "persoon-zzz234" in resultaat.stdout
    assert "4 problemen gevonden." in resultaat.stdout
    assert momentopname(wp) == voor


def test_controleer_als_json(wp: Path) -> None:
    """With --json the problems are a list on stdout and the count goes to stderr."""
    _schrijf(KAPOT, "naam = \n")(wp)
    resultaat = ozc("--json", "controleer")
    assert resultaat.exit_code == 1
    problemen = json.loads(resultaat.stdout)["problemen"]
    assert len(problemen) == 1
    assert problemen[0].startswith(f"{KAPOT} @ $")
    assert resultaat.stderr == "1 probleem gevonden.\n"


# --- demo --------------------------------------------------------------------------------


def test_demo_maakt_een_werkplaats_en_toont_de_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ozc demo PAD` makes a sound werkplaats and prints its status."""
    monkeypatch.chdir(tmp_path)
    resultaat = ozc("demo", "voorbeeld")
    assert resultaat.exit_code == 0, resultaat.output
    assert "Voorbeeldwerkplaats gemaakt in voorbeeld." in resultaat.stdout
    assert "Werkplaats: Partnerschap Samen Opleiden De Kempen" in resultaat.stdout
    assert "Werkgroepen:" in resultaat.stdout
    wp = Werkplaats.open(tmp_path / "voorbeeld")
    assert wp.controleer() == []
    assert len(wp.scholen.lijst()) > 1 and len(wp.werkgroepen.lijst()) > 1


def test_demo_zegt_waar_hij_staat_en_wat_te_proberen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the status, `ozc demo` names the werkplaats' full path and suggests commands;
    each suggested command works in the demo."""
    monkeypatch.chdir(tmp_path)
    resultaat = ozc("demo", "voorbeeld")
    assert f"De voorbeeldwerkplaats staat in {tmp_path / 'voorbeeld'}." in resultaat.stdout
    voorstellen = resultaat.stdout.split("Probeer dan:\n", 1)[1].splitlines()
    assert voorstellen[0].strip() == "cd voorbeeld"
    monkeypatch.chdir(tmp_path / "voorbeeld")
    for regel in voorstellen[1:]:
        woorden = shlex.split(regel)
        assert woorden[0] == "ozc"
        uit = ozc(*woorden[1:])
        assert uit.exit_code == 0, (regel, uit.output)
        assert uit.stdout.strip(), regel


def test_demo_vervangt_alleen_een_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second demo needs --vervang; --vervang never touches a real werkplaats."""
    monkeypatch.chdir(tmp_path)
    assert ozc("demo", "voorbeeld").exit_code == 0
    (tmp_path / "voorbeeld" / "aantekening.txt").write_text("oud", encoding="utf-8")

    nogmaals = ozc("demo", "voorbeeld")
    assert nogmaals.exit_code != 0
    assert nogmaals.stderr.startswith("Fout: ")
    assert (tmp_path / "voorbeeld" / "aantekening.txt").exists()

    # a file the demo did not make is never removed: --vervang refuses and names it
    weigering = ozc("demo", "voorbeeld", "--vervang")
    _is_nette_fout(weigering, ["aantekening.txt"])
    assert (tmp_path / "voorbeeld" / "aantekening.txt").read_text(encoding="utf-8") == "oud"
    (tmp_path / "voorbeeld" / "aantekening.txt").unlink()
    assert ozc("demo", "voorbeeld", "--vervang").exit_code == 0
    assert Werkplaats.open(tmp_path / "voorbeeld").controleer() == []

    assert ozc("init", "echt", "--naam", "Echt").exit_code == 0
    assert ozc("--werkplaats", "echt", "school", *EERSTE_SCHOOL).exit_code == 0
    voor = momentopname(tmp_path)
    geweigerd = ozc("demo", "echt", "--vervang")
    assert geweigerd.exit_code != 0
    _is_nette_fout(geweigerd, ["geen voorbeeldwerkplaats"])
    assert momentopname(tmp_path) == voor


# --- JSON --------------------------------------------------------------------------------


def _naam(verwacht: str) -> Callable[[Any], bool]:
    return lambda data: data["naam"] == verwacht


def _namen(*verwacht: str) -> Callable[[Any], bool]:
    return lambda data: [x["naam"] for x in data] == list(verwacht)


JSON_OPDRACHTEN: list[tuple[list[str], Callable[[Any], bool]]] = [
    (
        ["status"],
        lambda d: [d["namen"][p] for p in d["werkgroepen"][0]["leiders"]] == ["Anna de Vries"],
    ),
    (["school", "lijst"], _namen("De Regenboog")),
    (["school", "toon", "regenboog"], lambda d: d["brin"] == "12AB" and d["sector"] == "po"),
    (["school", "toevoegen", "De Zon", "--brin", "13AB", "--sector", "so"], _naam("De Zon")),
    (["school", "profiel", "regenboog", "--speerpunt", "taal"], _naam("De Regenboog")),
    (["persoon", "lijst"], _namen("Anna de Vries")),
    (["persoon", "toon", "anna"], lambda d: d["rollen"] == ["intern-begeleider"]),
    (["persoon", "toevoegen", "Bert"], _naam("Bert")),
    (["werkgroep", "lijst"], _namen("Rekenen groep 5-8")),
    (["werkgroep", "toon", "rekenen"], lambda d: d["leden"][0]["rol"] == "leider"),
    (["werkgroep", "lid", "rekenen", "anna", "--rol", "expert"], lambda d: "leden" in d),
    (
        ["log", "rekenen", "Nog een"],
        lambda d: (
            {k: v for k, v in d.items() if k != "id"} == {"datum": DAG, "tekst": "Nog een"}
            and d["id"].isalnum()
        ),
    ),
    (["init", "../tweede", "--naam", "Tweede"], _naam("Tweede")),
    (["controleer"], lambda d: d == {"problemen": []}),
    (["migreer"], lambda d: d == {"herschreven": []}),
    (["demo", "../demo"], lambda d: d["naam"] == "Partnerschap Samen Opleiden De Kempen"),
]


@pytest.mark.parametrize(
    ("opdracht", "klopt"), JSON_OPDRACHTEN, ids=[" ".join(o[:2]) for o, _ in JSON_OPDRACHTEN]
)
def test_json_geeft_alleen_json_op_stdout(
    wp: Path, opdracht: list[str], klopt: Callable[[Any], bool]
) -> None:
    """With --json, stdout holds exactly one JSON document with the data; nothing else."""
    resultaat = ozc("--json", *opdracht)
    assert resultaat.exit_code == 0, resultaat.output
    data = json.loads(resultaat.stdout)
    assert klopt(data), data
    assert resultaat.stdout.lstrip()[0] in "[{"


# --- the program itself ------------------------------------------------------------------


def _ozc_script() -> str:
    bin_map = Path(sys.executable).parent
    script = shutil.which("ozc", path=f"{bin_map}{os.pathsep}{os.environ.get('PATH', '')}")
    assert script is not None, "the console script `ozc` is not installed"
    return script


@pytest.mark.parametrize("hoe", ["module", "script"])
def test_versie(hoe: str) -> None:
    """`python -m onderzoekscyclus --version` and the `ozc` script print the version."""
    start = [sys.executable, "-m", "onderzoekscyclus"] if hoe == "module" else [_ozc_script()]
    uit = subprocess.run([*start, "--version"], capture_output=True, text=True, check=True)
    assert uit.stdout == f"ozc {onderzoekscyclus.__version__}\n"
    assert uit.stderr == ""


def test_een_fout_in_een_echt_proces(tmp_path: Path) -> None:
    """In a real process a broken file gives exit 1 and "Fout: …" on stderr, no traceback."""
    subprocess.run([_ozc_script(), "init", "wp", "--naam", "X"], cwd=tmp_path, check=True)
    (tmp_path / "wp" / KAPOT).write_text("naam = \n", encoding="utf-8")
    uit = subprocess.run(
        [_ozc_script(), "status"], cwd=tmp_path / "wp", capture_output=True, text=True, check=False
    )
    assert uit.returncode == 1
    assert uit.stdout == ""
    assert uit.stderr.startswith(f"Fout: {KAPOT} kan niet gelezen worden")
    assert "Traceback" not in uit.stderr


def test_click_meldingen_zijn_nederlands(wp: Path) -> None:
    """Click's own messages (a missing option, a bad choice) are Dutch by default."""
    resultaat = ozc("school", "toevoegen", "Nieuw", "--sector", "po")
    assert resultaat.exit_code == 2
    assert resultaat.stderr.startswith("Gebruik: ozc school toevoegen [OPTIES] NAAM\n")
    assert "Fout: Ontbrekende optie '--brin'." in resultaat.stderr
    assert "Missing" not in resultaat.stderr

    onbekend = ozc("scholen")
    assert onbekend.exit_code == 2
    assert "Fout:" in onbekend.stderr and "'scholen'" in onbekend.stderr
    assert "No such command" not in onbekend.stderr


def test_click_meldingen_in_het_engels_met_taal_en(wp: Path) -> None:
    """With --taal en, click's messages and ours are English."""
    resultaat = ozc("--taal", "en", "school", "toevoegen", "Nieuw", "--sector", "po")
    assert resultaat.exit_code == 2
    assert "Missing option '--brin'" in resultaat.stderr
    eigen = ozc("--taal", "en", "werkgroep", "toon", "taal")
    assert eigen.exit_code != 0
    assert "Geen werkgroep" not in eigen.stderr


def test_een_lezer_die_vroeg_stopt_geeft_geen_foutmelding(tmp_path: Path) -> None:
    """`ozc school lijst | head -1`: when the reader has stopped before `ozc` writes,
    `ozc` stops too, without a message about a broken pipe."""
    from onderzoekscyclus.demo import maak_demo

    maak_demo(tmp_path / "d")
    with subprocess.Popen(
        [sys.executable, "-m", "onderzoekscyclus", "school", "lijst"],
        cwd=tmp_path / "d",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proces:
        assert proces.stdout is not None and proces.stderr is not None
        proces.stdout.close()  # the reader is gone before a line is written
        fout = proces.stderr.read().decode()
        proces.wait(timeout=60)
    assert "EPIPE" not in fout and "Fout" not in fout and "Traceback" not in fout, fout
