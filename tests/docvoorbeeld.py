"""A worked example of the docs, run as a teacher would type it.

A ``sh`` block under a heading of a page in ``docs/``: each line an ``ozc`` command (or
``cd``), followed by what ``ozc`` answers, each line of the answer as ``#   tekst``.
:func:`speel_af` runs every command and compares every answer word for word (``…``
stands for an id that differs per werkplaats).
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from .conftest import Ozc

__all__ = ["speel_af", "voorbeeld"]


def voorbeeld(pad: Path, kop: str) -> list[tuple[list[str], list[str]]]:
    """The ``sh`` block under the heading that starts with ``kop``: each command with
    the answer below it."""
    deel = pad.read_text(encoding="utf-8").split(f"\n{kop}", 1)[1]
    gevonden = re.search(r"^```sh\n(.*?)^```", deel, re.S | re.M)
    assert gevonden, (pad, kop)
    regels: list[tuple[list[str], list[str]]] = []
    for tekst in gevonden[1].splitlines():
        if tekst.startswith("#"):
            regels[-1][1].append(tekst[4:])
        else:
            regels.append((shlex.split(tekst), []))
    return regels


def speel_af(ozc: Ozc, regels: list[tuple[list[str], list[str]]]) -> None:
    """Run each command (in the current folder); each answer shown must be the answer."""
    for args, antwoord in regels:
        if args[0] == "cd":
            os.chdir(args[1])
            continue
        assert args[0] == "ozc"
        uit = ozc(*args[1:])
        assert uit.exit_code == 0, (args, uit.output)
        if antwoord:
            patroon = "\n".join(re.escape(r).replace("…", "[a-z0-9]+") for r in antwoord)
            assert re.fullmatch(patroon, uit.stdout.rstrip("\n")), (args, uit.stdout)
