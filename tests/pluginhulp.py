"""Helpers for plugin tests: real installed distributions and real `ozc` processes.

A distribution is "installed" the way Python finds any: a folder on ``sys.path`` (here
through ``PYTHONPATH``) holding ``<naam>-<versie>.dist-info/`` with ``METADATA`` and
``entry_points.txt``, next to the plugin's module.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from onderzoekscyclus.plugins import EXPORTEURS, GEEN_PLUGINS


def installeer_distributie(
    map_: Path,
    naam: str,
    modules: Mapping[str, str],
    exporteurs: Mapping[str, str],
    versie: str = "0.1.0",
) -> None:
    """Install distribution ``naam`` into ``map_``: its modules and its export entry points."""
    for module, bron in modules.items():
        (map_ / f"{module}.py").write_text(textwrap.dedent(bron), encoding="utf-8")
    info = map_ / f"{naam.replace('-', '_')}-{versie}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {naam}\nVersion: {versie}\n", encoding="utf-8"
    )
    punten = "".join(f"{n} = {doel}\n" for n, doel in exporteurs.items())
    (info / "entry_points.txt").write_text(f"[{EXPORTEURS}]\n{punten}", encoding="utf-8")


def ozc_proces(
    *args: str,
    cwd: Path,
    pythonpad: Path | None = None,
    geen_plugins: bool = False,
    extra: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m onderzoekscyclus ARGS`` as its own process, in Dutch."""
    omgeving = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LANG", "ONDERZOEKSCYCLUS_TAAL", GEEN_PLUGINS)
        and not k.startswith("ONDERZOEKSCYCLUS_PSEUDONIEM")
    }
    if pythonpad is not None:
        omgeving["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(pythonpad), os.environ.get("PYTHONPATH", "")) if p
        )
    if geen_plugins:
        omgeving[GEEN_PLUGINS] = "1"
    omgeving.update(extra or {})
    return subprocess.run(
        [sys.executable, "-m", "onderzoekscyclus", *args],
        cwd=cwd,
        env=omgeving,
        capture_output=True,
        text=True,
        check=False,
    )


def exporttekst(pad: Path) -> str:
    """Every text in an export (a file or a folder), zip archives such as xlsx unpacked,
    HTML/XML entities resolved, so a search sees what a reader would see."""
    bestanden = sorted(p for p in pad.rglob("*") if p.is_file()) if pad.is_dir() else [pad]
    delen: list[str] = []
    for bestand in bestanden:
        if zipfile.is_zipfile(bestand):
            with zipfile.ZipFile(bestand) as archief:
                delen.extend(
                    archief.read(lid).decode("utf-8", errors="replace")
                    for lid in archief.namelist()
                )
        else:
            delen.append(bestand.read_bytes().decode("utf-8", errors="replace"))
    return html.unescape("\n".join(delen))


def naamdelen(naam: str) -> list[str]:
    """A person's full name, first name, surname (with tussenvoegsel) and last word."""
    woorden = naam.split()
    delen = [naam, woorden[0]]
    if len(woorden) > 1:
        delen += [" ".join(woorden[1:]), woorden[-1]]
    return list(dict.fromkeys(d for d in delen if len(d) >= 3))


def gevonden_namen(tekst: str, namen: Iterable[str]) -> list[str]:
    """The name parts (see :func:`naamdelen`) that occur in ``tekst`` as a word."""
    return [
        deel
        for naam in namen
        for deel in naamdelen(naam)
        if re.search(rf"(?<!\w){re.escape(deel)}(?!\w)", tekst, re.IGNORECASE)
    ]
