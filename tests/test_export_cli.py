"""`ozc export`: formats, selections, pseudonyms, and plugins that fail."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import exporteurs

from .conftest import Ozc
from .pluginhulp import exporttekst, gevonden_namen, installeer_distributie, ozc_proces

SLEUTEL = "00112233445566778899aabbccddeeff"

KAPOT_BIJ_IMPORT = """
raise ImportError("pakket 'grafiek' ontbreekt")
"""

HALF_KAPOT = """
from pathlib import Path

class Bestand:
    beschrijving = "Schrijft half en valt dan om"
    extensie = ".txt"
    soort = "bestand"
    tekst = True

    def schrijf(self, gegevens, doel: Path) -> None:
        doel.write_text("het begin van een export", encoding="utf-8")
        raise RuntimeError("schijf vol halverwege")

class Map:
    beschrijving = "Vult een map half en valt dan om"
    extensie = ""
    soort = "map"
    tekst = False

    def schrijf(self, gegevens, doel: Path) -> None:
        (doel / "scholen.txt").write_text("één", encoding="utf-8")
        (doel / "sub").mkdir()
        (doel / "sub" / "meer.txt").write_text("twee", encoding="utf-8")
        raise KeyError("personen")
"""

ONBRUIKBAAR = """
class Zonder:
    beschrijving = "Heeft geen schrijf()"
    extensie = ".txt"
    soort = "bestand"
    tekst = True

class Weigert:
    def __init__(self) -> None:
        raise RuntimeError("licentie verlopen")
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Werkplaats:
    """The demo werkplaats; tests only read it."""
    return maak_demo(tmp_path_factory.mktemp("demo") / "wp", vandaag=dt.date(2026, 11, 23))


@pytest.fixture(scope="module")
def derden(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for PYTHONPATH with `kapot` (fails on import) from ozc-kapot."""
    map_ = tmp_path_factory.mktemp("site")
    installeer_distributie(
        map_, "ozc-kapot", {"ozc_kapot": KAPOT_BIJ_IMPORT}, {"kapot": "ozc_kapot:X"}
    )
    return map_


@pytest.fixture(scope="module")
def halfkapot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for PYTHONPATH with `halfkapot` (one file) and `halfkapotmap` (a folder)
    from ozc-halfkapot: both write part of their export, then raise inside schrijf."""
    map_ = tmp_path_factory.mktemp("site")
    installeer_distributie(
        map_,
        "ozc-halfkapot",
        {"ozc_halfkapot": HALF_KAPOT},
        {"halfkapot": "ozc_halfkapot:Bestand", "halfkapotmap": "ozc_halfkapot:Map"},
    )
    return map_


def _namen(werkplaats: Werkplaats) -> list[str]:
    """Every person's name, and outsiders' names in besluiten where those exist."""
    namen = [p.naam for p in werkplaats.personen.lijst()]
    for besluit in werkplaats.besluitvorming.lijst():
        buiten = getattr(besluit, "buitenstaanders", None)
        namen.extend(buiten() if callable(buiten) else ())
    return namen


def _inhoud(map_: Path) -> list[str]:
    return sorted(p.relative_to(map_).as_posix() for p in map_.rglob("*"))


# --- plugins that fail ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formaat", "reden"),
    [
        ("zonder", "Plugin 'zonder' is geen exporteur: hij mist beschrijving, extensie"),
        ("weigert", "Plugin 'weigert' is niet geladen: licentie verlopen"),
    ],
)
def test_plugin_die_laadt_maar_geen_exporteur_is(
    tmp_path: Path, demo: Werkplaats, formaat: str, reden: str
) -> None:
    """A plugin that loads but is no exporter, or whose constructor fails: exporting it
    names the plugin and why, writes nothing; `json` still works and warns about both."""
    site = tmp_path / "site"
    site.mkdir()
    installeer_distributie(
        site,
        "ozc-onbruikbaar",
        {"ozc_onbruikbaar": ONBRUIKBAAR},
        {"zonder": "ozc_onbruikbaar:Zonder", "weigert": "ozc_onbruikbaar:Weigert"},
    )
    doelmap = tmp_path / "uit"
    doelmap.mkdir()
    uit = ozc_proces(
        "export", formaat, "--uit", str(doelmap / "x.txt"), cwd=demo.root, pythonpad=site
    )
    assert uit.returncode == 1
    regels = uit.stderr.splitlines()
    assert any(r.startswith(f"Fout: {reden}") for r in regels), uit.stderr
    # the other broken plugin is a warning; this one's own failure is only the error
    assert [r for r in regels if r.startswith("Waarschuwing:")] == [
        r for r in regels if r.startswith("Waarschuwing:") and f"'{formaat}'" not in r
    ]
    assert len([r for r in regels if r.startswith("Waarschuwing:")]) == 1
    assert "Traceback" not in uit.stderr
    assert _inhoud(doelmap) == []

    json_uit = ozc_proces(
        "export", "json", "--uit", str(doelmap / "a.json"), cwd=demo.root, pythonpad=site
    )
    assert json_uit.returncode == 0, json_uit.stderr
    assert "Plugin 'zonder' is geen exporteur" in json_uit.stderr
    assert "Plugin 'weigert' is niet geladen: licentie verlopen" in json_uit.stderr
    assert _inhoud(doelmap) == ["a.json"]


def test_plugin_die_bij_importeren_faalt(tmp_path: Path, demo: Werkplaats, derden: Path) -> None:
    """Exporting the broken plugin's format fails with a message naming the plugin, its
    distribution and the reason, writes nothing; other formats work and warn about it."""
    doelmap = tmp_path / "uit"
    doelmap.mkdir()
    uit = ozc_proces(
        "export", "kapot", "--uit", str(doelmap / "x.txt"), cwd=demo.root, pythonpad=derden
    )
    assert uit.returncode == 1
    assert uit.stderr.startswith(
        "Fout: Plugin 'kapot' (ozc-kapot) is niet geladen: ImportError: pakket 'grafiek' ontbreekt"
    )
    assert "Traceback" not in uit.stderr
    assert _inhoud(doelmap) == []

    json_uit = ozc_proces(
        "export", "json", "--uit", str(doelmap / "a.json"), cwd=demo.root, pythonpad=derden
    )
    assert json_uit.returncode == 0, json_uit.stderr
    assert json_uit.stderr.startswith("Waarschuwing: Plugin 'kapot' (ozc-kapot) is niet geladen")
    assert json.loads((doelmap / "a.json").read_text(encoding="utf-8"))["werkplaats"] == (
        demo.info.naam
    )


@pytest.mark.parametrize("formaat", ["halfkapot", "halfkapotmap"])
def test_plugin_die_in_schrijf_faalt_laat_niets_achter(
    tmp_path: Path, demo: Werkplaats, halfkapot: Path, formaat: str
) -> None:
    """A plugin that raises halfway through schrijf gives one clear message naming the
    format and the reason; neither the target nor a temporary file or folder is left,
    and an earlier export at the target stays as it was."""
    doelmap = tmp_path / "uit"
    doelmap.mkdir()
    uit = ozc_proces(
        "export", formaat, "--uit", str(doelmap / "export"), cwd=demo.root, pythonpad=halfkapot
    )
    assert uit.returncode == 1
    reden = "RuntimeError: schijf vol halverwege" if formaat == "halfkapot" else "KeyError"
    assert uit.stderr.startswith(f"Fout: Het exportformaat '{formaat}' faalde: {reden}")
    assert "Traceback" not in uit.stderr
    assert uit.stdout == ""
    assert _inhoud(doelmap) == []

    oud = doelmap / "oud.txt"
    oud.write_text("vorige export\n", encoding="utf-8")
    if formaat == "halfkapotmap":
        oud = doelmap / "oudemap"
        oud.mkdir()
    opnieuw = ozc_proces("export", formaat, "--uit", str(oud), cwd=demo.root, pythonpad=halfkapot)
    assert opnieuw.returncode == 1
    if formaat == "halfkapot":
        assert oud.read_text(encoding="utf-8") == "vorige export\n"
        assert _inhoud(doelmap) == ["oud.txt"]
    else:
        assert _inhoud(doelmap) == ["oud.txt", "oudemap"]


def test_plugin_die_faalt_zonder_uit_schrijft_niets_naar_stdout(
    demo: Werkplaats, halfkapot: Path
) -> None:
    """Without --uit a failing text format prints nothing half on standard output."""
    uit = ozc_proces("export", "halfkapot", cwd=demo.root, pythonpad=halfkapot)
    assert (uit.returncode, uit.stdout) == (1, "")
    assert uit.stderr.startswith("Fout: Het exportformaat 'halfkapot' faalde")


def test_onbekend_formaat_noemt_de_formaten(ozc: Ozc, demo: Werkplaats) -> None:
    """An unknown format is a Dutch error that lists every available format."""
    resultaat = ozc("--werkplaats", str(demo.root), "export", "jsn")
    assert resultaat.exit_code == 1
    formaten = sorted(exporteurs()[0])
    assert resultaat.stderr == (
        "Fout: Onbekend exportformaat 'jsn'.\n"
        f"Beschikbaar: {', '.join(formaten)}. Zie `ozc plugins`.\n"
    )


# --- the session of the issue ---------------------------------------------------------------


def _ozc_script() -> str:
    bin_map = Path(sys.executable).parent
    script = shutil.which("ozc", path=f"{bin_map}{os.pathsep}{os.environ.get('PATH', '')}")
    assert script is not None, "the console script `ozc` is not installed"
    return script


def test_sessie_uit_het_issue(tmp_path: Path) -> None:
    """`ozc plugins`, `ozc export json --uit …` and `ozc export json --pseudoniem --uit …`
    in a demo werkplaats, as real processes: the export holds everything the werkplaats
    holds, and the pseudonymised one the same entities without a single name."""

    def ozc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [_ozc_script(), *args],
            cwd=tmp_path / "demo",
            capture_output=True,
            text=True,
            check=True,
        )

    subprocess.run([_ozc_script(), "demo", "demo"], cwd=tmp_path, check=True, capture_output=True)
    werkplaats = Werkplaats.open(tmp_path / "demo")

    assert "json" in ozc("plugins").stdout.split()
    alles = ozc("export", "json", "--uit", str(tmp_path / "alles.json"))
    assert alles.stdout == ""
    assert alles.stderr.startswith(f"Export 'json' geschreven naar {tmp_path / 'alles.json'}.")
    assert f"personen: {len(werkplaats.personen.lijst())}" in alles.stderr
    data = json.loads((tmp_path / "alles.json").read_text(encoding="utf-8"))
    assert [p["naam"] for p in data["personen"]] == [
        p.naam for p in sorted(werkplaats.personen.lijst(), key=lambda p: p.id)
    ]
    assert [s["id"] for s in data["scholen"]] == sorted(s.id for s in werkplaats.scholen.lijst())
    assert [w["id"] for w in data["werkgroepen"]] == [w.id for w in werkplaats.werkgroepen.lijst()]

    anoniem = ozc("export", "json", "--pseudoniem", "--uit", str(tmp_path / "anoniem.json"))
    assert "pseudoniemen" in anoniem.stderr
    tekst = (tmp_path / "anoniem.json").read_text(encoding="utf-8")
    assert gevonden_namen(tekst, _namen(werkplaats)) == []
    anoniem_data = json.loads(tekst)
    echte_ids = {p["id"] for p in data["personen"]}
    assert len(anoniem_data["personen"]) == len(data["personen"])
    assert not echte_ids & {p["id"] for p in anoniem_data["personen"]}
    assert not [i for i in echte_ids if i in tekst], "a person's own id links the export"
    assert [w["naam"] for w in anoniem_data["werkgroepen"]] == [
        w["naam"] for w in data["werkgroepen"]
    ]


# --- every format, pseudonymised ------------------------------------------------------------


@pytest.mark.parametrize("selectie", [[], ["--werkgroep", "rekenen"]], ids=["alles", "werkgroep"])
def test_elk_formaat_met_pseudoniem_bevat_geen_naam(
    ozc: Ozc, demo: Werkplaats, tmp_path: Path, selectie: list[str]
) -> None:
    """Every installed export format, run with --pseudoniem on the demo werkplaats, writes
    output (binary formats unpacked) in which no person's full name, first name or
    surname occurs; the same formats without --pseudoniem do show names, so the search
    would find them."""
    formaten, _waarschuwingen = exporteurs()
    assert "json" in formaten
    namen = _namen(demo)
    for formaat in sorted(formaten):
        doel = tmp_path / f"anoniem-{formaat}"
        resultaat = ozc(
            "--werkplaats",
            str(demo.root),
            "export",
            formaat,
            *selectie,
            "--pseudoniem",
            "--uit",
            str(doel),
        )
        assert resultaat.exit_code == 0, (formaat, resultaat.stderr)
        assert doel.exists(), formaat
        assert gevonden_namen(exporttekst(doel), namen) == [], formaat

    leesbaar = tmp_path / "leesbaar.json"
    ozc("--werkplaats", str(demo.root), "export", "json", *selectie, "--uit", str(leesbaar))
    assert gevonden_namen(exporttekst(leesbaar), namen)


# --- keys, selections, output ---------------------------------------------------------------


def _personen(ozc: Ozc, werkplaats: Werkplaats, *extra: str, **omgeving: str) -> list[Any]:
    from onderzoekscyclus.cli._root import ozc as groep

    resultaat = ozc.runner.invoke(
        groep,
        ["--werkplaats", str(werkplaats.root), "export", "json", "--pseudoniem", *extra],
        env=omgeving or None,
        catch_exceptions=False,
    )
    assert resultaat.exit_code == 0, resultaat.stderr
    personen: list[Any] = json.loads(resultaat.stdout)["personen"]
    return personen


def test_sleutel_maakt_pseudoniemen_vast(ozc: Ozc, demo: Werkplaats) -> None:
    """With one key (as hex, or from ONDERZOEKSCYCLUS_PSEUDONIEM_SLEUTEL) two exports name
    and number every person the same; another key or no key gives other pseudonyms and
    other ids; the key itself is not in the export."""
    een = _personen(ozc, demo, "--sleutel", SLEUTEL)
    assert een == _personen(ozc, demo, "--sleutel", SLEUTEL)
    assert een == _personen(ozc, demo, ONDERZOEKSCYCLUS_PSEUDONIEM_SLEUTEL=SLEUTEL)
    ander = _personen(ozc, demo, "--sleutel", "een geheime zin")
    assert ander == _personen(ozc, demo, "--sleutel", "een geheime zin")
    zonder = _personen(ozc, demo)
    for a, b, c in zip(een, ander, zonder, strict=True):
        assert len({a["id"], b["id"], c["id"]}) == 3
        assert len({a["naam"], b["naam"], c["naam"]}) == 3
    assert SLEUTEL not in json.dumps(een) and "geheime" not in json.dumps(ander)


def test_sleutel_zonder_pseudoniem_of_leeg_is_een_fout(ozc: Ozc, demo: Werkplaats) -> None:
    """--sleutel without --pseudoniem is refused, so nobody thinks names were hidden; so
    is an empty key."""
    resultaat = ozc("--werkplaats", str(demo.root), "export", "json", "--sleutel", SLEUTEL)
    assert resultaat.exit_code == 2
    assert resultaat.stderr == "Fout: --sleutel heeft alleen zin samen met --pseudoniem.\n"
    assert resultaat.stdout == ""
    leeg = ozc("--werkplaats", str(demo.root), "export", "json", "--pseudoniem", "--sleutel", " ")
    assert leeg.exit_code == 2
    assert leeg.stderr.startswith("Fout: De sleutel voor pseudoniemen is leeg.")


@pytest.mark.parametrize("sleutel", ["kort", "elf tekens!", "0011223344556677889900"])
def test_te_korte_sleutel_wordt_geweigerd(
    ozc: Ozc, demo: Werkplaats, tmp_path: Path, sleutel: str
) -> None:
    """A key that can be guessed would let anyone compute the pseudonyms back: fewer
    than 12 bytes (text, or hexadecimal digits in pairs) is refused and nothing written."""
    doel = tmp_path / "anoniem.json"
    uit = ozc(
        "--werkplaats",
        str(demo.root),
        "export",
        "json",
        "--pseudoniem",
        "--sleutel",
        sleutel,
        "--uit",
        str(doel),
    )
    assert uit.exit_code == 2
    assert uit.stderr.startswith("Fout: De sleutel voor pseudoniemen is te kort"), uit.stderr
    assert "minstens 12 tekens" in uit.stderr
    assert not doel.exists()


def test_selectie_op_werkgroep_en_school(ozc: Ozc, demo: Werkplaats, tmp_path: Path) -> None:
    """--werkgroep exports that werkgroep with its schools; --school that school with its
    werkgroepen; references resolve like everywhere in ozc (name prefix)."""
    groep = demo.werkgroepen.zoek("rekenen")
    resultaat = ozc(
        "--werkplaats",
        str(demo.root),
        "export",
        "json",
        "--werkgroep",
        "rekenen",
        "--uit",
        str(tmp_path / "groep.json"),
    )
    assert resultaat.exit_code == 0, resultaat.stderr
    data = json.loads((tmp_path / "groep.json").read_text(encoding="utf-8"))
    assert data["selectie"] == {"soort": "werkgroep", "id": groep.id}
    assert [w["id"] for w in data["werkgroepen"]] == [groep.id]
    assert sorted(s["id"] for s in data["scholen"]) == sorted(groep.scholen)
    assert {lid.persoon for lid in groep.leden} <= {p["id"] for p in data["personen"]}
    assert f"Selectie: werkgroep {groep.naam}." in resultaat.stderr

    school = demo.scholen.zoek("Regenboog")
    ozc(
        "--werkplaats",
        str(demo.root),
        "export",
        "json",
        "--school",
        "De Regenb",
        "--uit",
        str(tmp_path / "school.json"),
    )
    data = json.loads((tmp_path / "school.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["scholen"]] == [school.id]
    assert sorted(w["id"] for w in data["werkgroepen"]) == sorted(
        w.id for w in demo.werkgroepen.lijst() if school.id in w.scholen
    )


def test_selecties_sluiten_elkaar_uit(ozc: Ozc, demo: Werkplaats, tmp_path: Path) -> None:
    """Two selections at once are refused with a message naming both; nothing is written."""
    resultaat = ozc(
        "--werkplaats",
        str(demo.root),
        "export",
        "json",
        "--school",
        "Regenboog",
        "--werkgroep",
        "rekenen",
        "--uit",
        str(tmp_path / "x.json"),
    )
    assert resultaat.exit_code == 2
    assert resultaat.stderr.startswith(
        "Fout: Kies één selectie: school Regenboog, werkgroep rekenen."
    )
    assert list(tmp_path.iterdir()) == []


def test_selectie_op_besluit(ozc: Ozc, demo: Werkplaats, tmp_path: Path) -> None:
    """--besluit selects one besluit (found by a word of its title) with its werkgroep and
    that werkgroep's schools; no other besluit or werkgroep comes along."""
    besluit = demo.besluitvorming.lijst()[0]
    groep = demo.werkgroepen.zoek(besluit.werkgroep)
    woord = max(besluit.titel.split(), key=len)
    resultaat = ozc(
        "--werkplaats", str(demo.root), "export", "json", "--besluit", besluit.id,
        "--uit", str(tmp_path / "b.json"),
    )  # fmt: skip
    assert resultaat.exit_code == 0, resultaat.stderr
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert data["selectie"] == {"soort": "besluit", "id": besluit.id}
    assert [b["id"] for b in data["besluiten"]] == [besluit.id]
    assert [w["id"] for w in data["werkgroepen"]] == [groep.id]
    assert {s["id"] for s in data["scholen"]} >= set(groep.scholen)
    assert f"Selectie: besluit {besluit.titel}." in resultaat.stderr
    via_titel = ozc("--werkplaats", str(demo.root), "export", "json", "--besluit", woord)
    assert via_titel.exit_code == 0, via_titel.stderr
    assert json.loads(via_titel.stdout)["selectie"]["id"] == besluit.id


def test_zonder_uit_naar_stdout_met_samenvatting(ozc: Ozc, demo: Werkplaats) -> None:
    """Without --uit a text format goes to standard output and the summary to stderr."""
    resultaat = ozc("--werkplaats", str(demo.root), "export", "json")
    assert resultaat.exit_code == 0
    assert len(json.loads(resultaat.stdout)["scholen"]) == len(demo.scholen.lijst())
    assert resultaat.stderr.splitlines()[0] == "Export 'json' geschreven naar standaarduitvoer."


def test_json_samenvatting(ozc: Ozc, demo: Werkplaats, tmp_path: Path) -> None:
    """With --json the summary is JSON: on stdout when the export went to a file, on
    stderr when the export itself is on stdout; counts match the werkplaats."""
    doel = tmp_path / "a.json"
    resultaat = ozc(
        "--werkplaats",
        str(demo.root),
        "--json",
        "export",
        "json",
        "--pseudoniem",
        "--uit",
        str(doel),
    )
    assert resultaat.exit_code == 0
    samenvatting = json.loads(resultaat.stdout)
    assert samenvatting["formaat"] == "json"
    assert samenvatting["uit"] == str(doel)
    assert samenvatting["pseudoniem"] is True
    assert samenvatting["selectie"] == {"soort": "alles", "id": None, "naam": None}
    assert samenvatting["aantallen"]["personen"] == len(demo.personen.lijst())
    assert samenvatting["aantallen"]["werkgroepen"] == len(demo.werkgroepen.lijst())

    naar_stdout = ozc("--werkplaats", str(demo.root), "--json", "export", "json")
    assert json.loads(naar_stdout.stderr)["uit"] is None
    assert json.loads(naar_stdout.stdout)["formaat"] == "onderzoekscyclus-export"


def test_map_als_uit_krijgt_een_bestandsnaam(ozc: Ozc, demo: Werkplaats, tmp_path: Path) -> None:
    """--uit naming an existing folder puts a one-file format inside it, named after the
    selection, and the summary says where."""
    groep = demo.werkgroepen.zoek("rekenen")
    resultaat = ozc(
        "--werkplaats",
        str(demo.root),
        "export",
        "json",
        "--werkgroep",
        "rekenen",
        "--uit",
        str(tmp_path),
    )
    assert resultaat.exit_code == 0
    assert _inhoud(tmp_path) == [f"{groep.id}.json"]
    assert str(tmp_path / f"{groep.id}.json") in resultaat.stderr
