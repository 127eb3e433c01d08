"""Regenerate the parts of docs/ that come from the code.

    python tools/docs.py          rewrite them
    python tools/docs.py --check  exit 1 when one is stale (the tests do this)

* ``docs/cli.md``, below the marker line: the ``--help`` of every command;
* every block between ``<!-- diagram:NAAM -->`` and ``<!-- /diagram -->`` in docs/*.md
  and docs/en/*.md: the Mermaid diagram of the state machine NAAM (see ``MACHINES``),
  the layer map (``lagen``) or a table of codes (``foutcodes``, ``redencodes``; with
  ``-en`` in English);
* ``docs/schema/export.schema.json``: the JSON Schema of the ``json`` export, and
  ``docs/schema/NAAM.schema.json`` for every view the API returns, generated from the
  classes.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

DOCS = Path(__file__).resolve().parent.parent / "docs"
EXPORTSCHEMA = DOCS / "schema" / "export.schema.json"
MARKERING = "<!-- Hieronder gemaakt door tools/docs.py: niet met de hand wijzigen. -->"
MACHINES = {
    "onderzoekscyclus": "onderzoekscyclus.domein.cyclusstappen:CYCLUS",
    "besluitvorming": "onderzoekscyclus.domein.besluitvorming:BESLUITVORMING",
}
_DIAGRAM = re.compile(
    r"(<!-- diagram:(?P<naam>[\w-]+) -->\n)(?P<blok>.*?)(<!-- /diagram -->)", re.S
)


def opdrachten(groep: click.Command, pad: list[str] | None = None) -> list[list[str]]:
    """Every command in the tree under ``groep`` as its path of names, ``[]`` first."""
    pad = pad or []
    uit = [pad]
    if isinstance(groep, click.Group):
        ctx = click.Context(groep)
        for naam in groep.list_commands(ctx):
            sub = groep.get_command(ctx, naam)
            if sub is not None and not sub.hidden:
                uit.extend(opdrachten(sub, [*pad, naam]))
    return uit


def kop(pad: list[str]) -> str:
    """The heading text of a command in docs/cli.md: ```ozc school toevoegen```."""
    return f"`ozc{''.join(' ' + p for p in pad)}`"


@contextlib.contextmanager
def _nederlands() -> Iterator[None]:
    # the reference is Dutch whatever the caller's shell says; leave the environment as found
    bewaard = {n: os.environ.get(n) for n in ("ONDERZOEKSCYCLUS_TAAL", "LANGUAGE")}
    os.environ["ONDERZOEKSCYCLUS_TAAL"] = "nl"
    try:
        from onderzoekscyclus.cli import kies_cli_taal

        kies_cli_taal([])
        yield
    finally:
        for naam, waarde in bewaard.items():
            if waarde is None:
                os.environ.pop(naam, None)
            else:
                os.environ[naam] = waarde


def cli_referentie() -> str:
    """The generated part of docs/cli.md: the ``--help`` of every command, in Dutch."""
    with _nederlands():
        from onderzoekscyclus.cli._root import ozc

        runner = CliRunner()
        delen = []
        for pad in opdrachten(ozc):
            resultaat = runner.invoke(ozc, [*pad, "--help"], terminal_width=88)
            if resultaat.exit_code != 0:
                raise RuntimeError(f"{kop(pad)} --help: {resultaat.output}")
            niveau = "#" * min(2 + len(pad), 4)
            delen.append(f"{niveau} {kop(pad)}\n\n```text\n{resultaat.output.rstrip()}\n```\n")
    return "\n".join(delen)


def diagram(naam: str) -> str:
    """The generated block ``naam``: the Mermaid diagram of a state machine, (for
    ``lagen``) the layer map that tools/lagen.py reads from the imports, or a table of
    the error or reason codes."""
    if naam == "lagen":
        return lagenkaart()
    soort, _streep, taal = naam.partition("-")
    if soort in ("foutcodes", "redencodes"):
        return codetabel(soort, taal or "nl")
    module, _, attribuut = MACHINES[naam].partition(":")
    machine = getattr(importlib.import_module(module), attribuut)
    return f"```mermaid\n{machine.mermaid()}```\n"


def lagenkaart() -> str:
    """The layers as a Mermaid flowchart (an arrow where one layer imports another) and
    as a table, both from the code."""
    spec = importlib.util.spec_from_file_location("lagen", Path(__file__).with_name("lagen.py"))
    assert spec and spec.loader
    lagen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lagen)
    graaf, _fouten = lagen.onderzoek()
    regels = ["```mermaid", "flowchart TD"]
    for naam, _aantal, _lengte, gebruikt in reversed(lagen.kaart(graaf)):
        regels.extend(f"    {naam} --> {doel}" for doel in gebruikt.split(", ") if doel != "-")
    return "\n".join([*regels, "```", ""]) + "\n" + lagen.markdown(graaf)


def codetabel(soort: str, taal: str) -> str:
    """A Markdown table of every error code (``foutcodes``: with its class) or every
    reason code of a refusal (``redencodes``: with its text), in ``taal``."""
    from onderzoekscyclus import errors
    from onderzoekscyclus.domein.redenen import TEKSTEN
    from onderzoekscyclus.i18n import vertaal

    if soort == "redencodes":
        kop: tuple[str, ...] = ("code", "tekst" if taal == "nl" else "text")
        rijen = [(f"`{c}`", vertaal(t, taal)) for c, t in TEKSTEN.items()]  # type: ignore[arg-type]
    else:
        klassen: dict[str, list[str]] = {}
        for naam in errors.__all__:
            klasse = getattr(errors, naam)
            if isinstance(klasse, type) and issubclass(klasse, errors.OnderzoekscyclusError):
                klassen.setdefault(klasse.code, []).append(f"`{naam}`")
        kop = (
            "code",
            "standaard van" if taal == "nl" else "default of",
            "betekenis" if taal == "nl" else "meaning",
        )
        rijen = [
            (f"`{c}`", ", ".join(klassen.get(c, [])), vertaal(t, taal))  # type: ignore[arg-type]
            for c, t in errors.FOUTCODES.items()
        ]
    regels = ["| " + " | ".join(kop) + " |", "|" + "---|" * len(kop)]
    streep = "\\|"
    regels += ["| " + " | ".join(c.replace("|", streep) for c in rij) + " |" for rij in rijen]
    return "\n".join(regels) + "\n"


def verwacht() -> dict[Path, str]:
    """Every generated file as it should be."""
    uit = {}
    cli = DOCS / "cli.md"
    kop = (
        cli.read_text(encoding="utf-8").split(MARKERING)[0] if cli.exists() else "# Opdrachten\n\n"
    )
    uit[cli] = f"{kop}{MARKERING}\n\n{cli_referentie()}"
    for pad in sorted([*DOCS.glob("*.md"), *DOCS.glob("en/*.md")]):
        if pad == cli:
            continue
        tekst = pad.read_text(encoding="utf-8")
        nieuw = _DIAGRAM.sub(lambda m: f"{m[1]}{diagram(m['naam'])}{m[4]}", tekst)
        if nieuw != tekst or _DIAGRAM.search(tekst):
            uit[pad] = nieuw
    from onderzoekscyclus.export.formaten.jsonschema import schema_tekst

    uit[EXPORTSCHEMA] = schema_tekst()
    from onderzoekscyclus.api import vorm

    for naam in vorm.VORMEN:
        uit[DOCS / "schema" / f"{naam}.schema.json"] = vorm.schema_tekst(naam)
    return uit


def verouderd() -> dict[Path, str]:
    """The generated files that differ from what the code gives, with their new text."""
    return {
        pad: tekst
        for pad, tekst in verwacht().items()
        if not pad.exists() or pad.read_text(encoding="utf-8") != tekst
    }


def main(argumenten: list[str]) -> int:
    """``--check``: report stale files and return 1; otherwise rewrite them."""
    oud = verouderd()
    if "--check" in argumenten:
        for pad in oud:
            print(f"verouderd: {pad.relative_to(DOCS.parent)} (draai python tools/docs.py)")
        return 1 if oud else 0
    for pad, tekst in oud.items():
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8", newline="\n")
        print(f"bijgewerkt: {pad.relative_to(DOCS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
