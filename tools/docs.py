"""Regenerate the parts of docs/ that come from the code.

    python tools/docs.py          rewrite them
    python tools/docs.py --check  exit 1 when one is stale (the tests do this)

* ``docs/cli.md``, below the marker line: the ``--help`` of every command;
* every block between ``<!-- diagram:NAAM -->`` and ``<!-- /diagram -->`` in docs/*.md:
  the Mermaid diagram of the state machine NAAM (see ``MACHINES``).
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from pathlib import Path

import click
from click.testing import CliRunner

DOCS = Path(__file__).resolve().parent.parent / "docs"
MARKERING = "<!-- Hieronder gemaakt door tools/docs.py: niet met de hand wijzigen. -->"
MACHINES = {"onderzoekscyclus": "onderzoekscyclus.cyclus:CYCLUS"}
_DIAGRAM = re.compile(
    r"(<!-- diagram:(?P<naam>[\w-]+) -->\n)(?P<blok>.*?)(<!-- /diagram -->)", re.S
)


def _opdrachten(groep: click.Command, pad: list[str]) -> list[list[str]]:
    uit = [pad]
    if isinstance(groep, click.Group):
        ctx = click.Context(groep)
        for naam in groep.list_commands(ctx):
            sub = groep.get_command(ctx, naam)
            if sub is not None and not sub.hidden:
                uit.extend(_opdrachten(sub, [*pad, naam]))
    return uit


def cli_referentie() -> str:
    """The generated part of docs/cli.md."""
    os.environ["ONDERZOEKSCYCLUS_TAAL"] = "nl"
    from onderzoekscyclus.cli import kies_cli_taal

    kies_cli_taal([])
    from onderzoekscyclus.cli._root import ozc

    runner = CliRunner()
    delen = []
    for pad in _opdrachten(ozc, []):
        resultaat = runner.invoke(ozc, [*pad, "--help"], terminal_width=88)
        kop = "#" * min(2 + len(pad), 4)
        delen.append(
            f"{kop} `ozc{''.join(' ' + p for p in pad)}`\n\n```text\n{resultaat.output.rstrip()}\n```\n"
        )
    return "\n".join(delen)


def diagram(naam: str) -> str:
    """The Mermaid block of machine ``naam``."""
    module, _, attribuut = MACHINES[naam].partition(":")
    machine = getattr(importlib.import_module(module), attribuut)
    return f"```mermaid\n{machine.mermaid()}```\n"


def verwacht() -> dict[Path, str]:
    """Every generated file as it should be."""
    uit = {}
    cli = DOCS / "cli.md"
    kop = (
        cli.read_text(encoding="utf-8").split(MARKERING)[0] if cli.exists() else "# Opdrachten\n\n"
    )
    uit[cli] = f"{kop}{MARKERING}\n\n{cli_referentie()}"
    for pad in sorted(DOCS.glob("*.md")):
        if pad == cli:
            continue
        tekst = pad.read_text(encoding="utf-8")
        nieuw = _DIAGRAM.sub(lambda m: f"{m[1]}{diagram(m['naam'])}{m[4]}", tekst)
        if nieuw != tekst or _DIAGRAM.search(tekst):
            uit[pad] = nieuw
    return uit


def main(argumenten: list[str]) -> int:
    verouderd = [
        p
        for p, tekst in verwacht().items()
        if not p.exists() or p.read_text(encoding="utf-8") != tekst
    ]
    if "--check" in argumenten:
        for pad in verouderd:
            print(f"verouderd: {pad.relative_to(DOCS.parent)} (draai python tools/docs.py)")
        return 1 if verouderd else 0
    for pad, tekst in verwacht().items():
        pad.write_text(tekst, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
