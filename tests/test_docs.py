"""Docs that cannot drift: generated parts are current, examples run and parse."""

from __future__ import annotations

import os
import re
import runpy
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from onderzoekscyclus.domein.model import (
    LidRol,
    Persoon,
    Rol,
    School,
    Sector,
    Werkgroep,
    WerkgroepSoort,
    WerkplaatsInfo,
)
from onderzoekscyclus.domein.ontwikkelagenda import Aanvraagstatus, Agendapunt
from onderzoekscyclus.opslag import Opslag

from .gereedschap import laad
from .test_cli import EERSTE_SESSIE

TOP = Path(__file__).resolve().parent.parent
DOCS = TOP / "docs"
README = TOP / "README.md"


def _tools_docs() -> ModuleType:
    return laad("docs")


def _blokken(pad: Path, taal: str) -> list[str]:
    """The contents of every ```taal block in ``pad``."""
    return re.findall(rf"^```{taal}\n(.*?)^```", pad.read_text(encoding="utf-8"), re.S | re.M)


# --- generated parts ---------------------------------------------------------------------


def test_gegenereerde_docs_zijn_actueel() -> None:
    """docs/cli.md and the Mermaid diagrams match the code (run tools/docs.py if not)."""
    for pad, tekst in _tools_docs().verwacht().items():
        assert pad.read_text(encoding="utf-8") == tekst, (
            f"{pad.name} is verouderd: python tools/docs.py"
        )


def test_elke_opdracht_staat_in_de_naslag() -> None:
    """Every command and sub-command of the click tree has a section with its help."""
    from onderzoekscyclus.cli._root import ozc

    docs = _tools_docs()
    tekst = (DOCS / "cli.md").read_text(encoding="utf-8")
    paden = docs.opdrachten(ozc)
    assert ["school", "toevoegen"] in paden and ["log"] in paden
    for pad in paden:
        assert re.search(rf"^#+ {re.escape(docs.kop(pad))}\n\n```text\nGebruik: ", tekst, re.M), pad


def test_naslag_heeft_een_eigen_inleiding() -> None:
    """docs/cli.md opens with hand-written text above the marker line, kept on regenerating."""
    docs = _tools_docs()
    inleiding, _, gemaakt = (DOCS / "cli.md").read_text(encoding="utf-8").partition(docs.MARKERING)
    assert gemaakt, "the marker line is missing"
    assert "--json" in inleiding and "--werkplaats" in inleiding
    assert "## `ozc`" not in inleiding


def test_docs_generator_herkent_en_herstelt_verouderde_naslag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tools/docs.py --check` exits 1 on a stale copy; without --check it rewrites the
    generated part only, after which --check passes."""
    docs = _tools_docs()
    kopie = tmp_path / "docs"
    shutil.copytree(DOCS, kopie)
    monkeypatch.setattr(docs, "DOCS", kopie)
    inleiding = (kopie / "cli.md").read_text(encoding="utf-8").split(docs.MARKERING)[0]
    (kopie / "cli.md").write_text(f"{inleiding}{docs.MARKERING}\n\n## `ozc` oud\n")

    assert docs.main(["--check"]) == 1
    assert "verouderd: docs/cli.md" in capsys.readouterr().out
    assert docs.main([]) == 0
    assert docs.main(["--check"]) == 0
    nieuw = (kopie / "cli.md").read_text(encoding="utf-8")
    assert nieuw == (DOCS / "cli.md").read_text(encoding="utf-8")
    assert nieuw.startswith(inleiding)


def test_docs_generator_als_programma() -> None:
    """`python tools/docs.py --check` runs on its own and finds the docs current."""
    uit = subprocess.run(
        [sys.executable, str(TOP / "tools" / "docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "ONDERZOEKSCYCLUS_TAAL": "en"},
    )
    assert (uit.returncode, uit.stdout) == (0, "")


# --- examples that run -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pad", "toont"),
    [
        (README, "Rekenen groep 5-8"),
        (DOCS / "bibliotheek.md", "Kandidaten:"),
        (DOCS / "en" / "library.md", "Refused: doel aanleiding"),
        (DOCS / "corrigeren.md", "Vergeten persoon"),
        (DOCS / "metingen.md", "True True ['anhoej-run'"),
    ],
    ids=lambda x: x.name if isinstance(x, Path) else "",
)
def test_python_voorbeelden_draaien(
    pad: Path,
    toont: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The Python examples in the README and the docs run, show their result, and leave
    nothing behind in the folder they run in."""
    monkeypatch.chdir(tmp_path)
    blokken = _blokken(pad, "python")
    assert blokken
    scripts = []
    for i, blok in enumerate(blokken):
        script = tmp_path / f"voorbeeld{i}.py"
        script.write_text(blok, encoding="utf-8")
        runpy.run_path(str(script), run_name="__main__")
        scripts.append(script)
    assert toont in capsys.readouterr().out
    assert sorted(tmp_path.iterdir()) == scripts


def test_readme_begint_met_de_twee_opdrachten() -> None:
    """The README opens, right below the title, with exactly the two commands CI runs:
    the first makes a virtual environment with `python3` and installs the pinned
    versions, the second runs the tests with that environment's Python."""
    regels = README.read_text(encoding="utf-8").splitlines()
    assert regels[:6] == [
        "# onderzoekscyclus",
        "",
        "```sh",
        "python3 -m venv .venv && .venv/bin/python -m pip install -r requirements.txt "
        "-c constraints.txt && .venv/bin/ozc demo demo-werkplaats --vervang",
        ".venv/bin/python -m pytest",
        "```",
    ]


def test_vaste_versies_staan_in_constraints_en_de_bibliotheek_houdt_ondergrenzen() -> None:
    """constraints.txt pins every package (==) that CI installs; pyproject.toml names
    lower bounds only, so a school tool can install the library beside its own pins."""
    vast = {
        regel.split("==")[0].lower()
        for regel in (TOP / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in regel and not regel.startswith("#")
    }
    pyproject = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))
    for eis in pyproject["project"]["dependencies"]:
        naam, _, grens = eis.partition(">=")
        assert grens and not re.search(r"[<=~!]", grens), eis
        naam = re.sub(r"\[.*\]$", "", naam)  # "pagefind[bin]": the extra is pinned too
        assert naam.lower() in vast, naam
    installatie = (DOCS / "installatie.md").read_text(encoding="utf-8")
    assert "-c constraints.txt" in installatie
    assert "python3 -m pip install onderzoekscyclus" in installatie
    assert "tools/vastleggen.sh" in installatie and ".ci/nieuwste" in installatie


def test_readme_toont_de_geteste_eerste_sessie() -> None:
    """The first session in the README is the one tests/test_cli.py runs."""
    assert EERSTE_SESSIE in _blokken(README, "sh")


def test_links_in_de_docs_bestaan() -> None:
    """Every relative link in the README and docs/ points to a file that exists."""
    for pad in [README, *sorted(DOCS.glob("*.md"))]:
        for doel in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", pad.read_text(encoding="utf-8")):
            assert (pad.parent / doel).exists(), f"{pad.name}: {doel}"


# --- the file format ---------------------------------------------------------------------

SOORT_PER_KOP = {
    "onderzoekscyclus.toml": (WerkplaatsInfo, None),
    "scholen/<id>.toml": (School, "de-regenboog-hbrpzn"),
    "personen/<id>.toml": (Persoon, "persoon-565p5h"),
    "werkgroepen/<id>.toml": (Werkgroep, "rekenen-groep-5-8-k3f9x2"),
    "ontwikkelagenda/<id>.toml": (Agendapunt, "rekenen-met-eigenaarschap-vjjs4n"),
}


def test_voorbeeldbestanden_in_de_docs_zijn_geldig(tmp_path: Path) -> None:
    """Every TOML block in docs/werkplaats.md loads with the real loader and is byte for byte
    what ozc would write for it; each kind of file has one."""
    tekst = (DOCS / "werkplaats.md").read_text(encoding="utf-8")
    opslag = Opslag(tmp_path)
    blokken = re.findall(r"^### `([^`]+)`\n\n```toml\n(.*?)^```", tekst, re.S | re.M)
    assert len(blokken) == tekst.count("```toml"), "every TOML example sits below its file name"
    assert sorted(kop for kop, _ in blokken) == sorted(SOORT_PER_KOP)
    for kop, blok in blokken:
        klasse, id_ = SOORT_PER_KOP[kop]
        obj = opslag.ontleed(blok.encode(), klasse, id_, kop)
        assert opslag.inhoud(obj) == blok.encode(), f"{kop}: not as ozc writes it"


def test_bestandsformaat_noemt_elke_toegestane_waarde() -> None:
    """docs/werkplaats.md lists every sector, role, kind of werkgroep and member role."""
    tekst = (DOCS / "werkplaats.md").read_text(encoding="utf-8")
    for soort in (Sector, Rol, WerkgroepSoort, LidRol, Aanvraagstatus):
        for waarde in soort:
            assert f"`{waarde.value}`" in tekst, (soort.__name__, waarde.value)


BEGRIPPEN = [
    *("werkplaats", "werkgroep", "leerteam", "PLG", "learning community"),
    *("gelegenheidscommunity", "bovenschoolse werkgroep", "onderzoekscyclus", "aanleiding"),
    *("beginsituatie", "bron", "doel", "indicator", "nulmeting", "streefwaarde"),
    *("verbeterplan", "uitvoering", "meting", "evaluatie", "besluitvorming", "speerpunt"),
    *("visie", "profiel", "trots", "expertise", "BRIN", "partnerschap", "thema"),
    *("Samen Opleiden & Professionaliseren", "lerende organisatie", "intern begeleider"),
]


def test_begrippenlijst_is_compleet() -> None:
    """The glossary explains the domain's core terms, each with an English word."""
    rijen: dict[str, list[str]] = {}
    for regel in (DOCS / "begrippen.md").read_text(encoding="utf-8").splitlines():
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        if regel.startswith("|") and len(cellen) == 3 and cellen[0] not in ("Nederlands", "---"):
            for naam in cellen[0].split(", "):
                rijen[naam.split(" (")[0].casefold()] = cellen
    for begrip in BEGRIPPEN:
        gevonden = [cellen for naam, cellen in rijen.items() if naam.startswith(begrip.casefold())]
        assert gevonden, begrip
        _, engels, betekenis = gevonden[0]
        assert engels and len(betekenis) > 20, gevonden[0]


# --- shell completion as docs/installatie.md describes it --------------------------------


def _ozc_bin_map() -> Path:
    bin_map = Path(sys.executable).parent
    script = shutil.which("ozc", path=f"{bin_map}{os.pathsep}{os.environ.get('PATH', '')}")
    assert script is not None, "the console script `ozc` is not installed"
    return Path(script).parent


def _aanvulregels() -> dict[str, str]:
    tekst = (DOCS / "installatie.md").read_text(encoding="utf-8")
    return {
        shell.split()[0]: regel.replace("\\|", "|")
        for shell, regel in re.findall(r"^\| (\w[^|]*) \| `(.+?)` \| `[^`]+` \|$", tekst, re.M)
    }


def test_aanvullen_staat_voor_elke_shell_beschreven() -> None:
    """installatie.md gives a completion line for bash, zsh and fish."""
    assert sorted(_aanvulregels()) == ["bash", "fish", "zsh"]


@pytest.mark.parametrize(
    ("shell", "kenmerk"),
    [
        ("bash", "complete -o nosort -F _ozc_completion ozc"),
        ("zsh", "#compdef ozc"),
        ("fish", "complete --no-files --command ozc"),
    ],
)
def test_aanvulscript_per_shell(shell: str, kenmerk: str) -> None:
    """The environment variable in the documented line makes `ozc` print the script."""
    regel = _aanvulregels()[shell]
    variabele = re.search(r"(_OZC_COMPLETE=\w+) ozc", regel)
    assert variabele, regel
    naam, _, waarde = variabele[1].partition("=")
    uit = subprocess.run(
        [str(_ozc_bin_map() / "ozc")],
        env={**os.environ, naam: waarde},
        capture_output=True,
        text=True,
        check=True,
    )
    assert kenmerk in uit.stdout


def test_aanvullen_werkt_in_bash(tmp_path: Path) -> None:
    """With the documented bash line, completing `ozc sch` offers `school`."""
    script = f"""
{_aanvulregels()["bash"]}
COMP_WORDS=(ozc sch); COMP_CWORD=1
_ozc_completion ozc
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    uit = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{_ozc_bin_map()}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert uit.stdout.split() == ["school"]
