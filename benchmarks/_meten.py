"""What the benchmarks share: child processes, generated werkplaatsen and Dutch numbers.

Every measurement runs in a child process of its own; its wall time is taken around
``Popen`` and ``os.wait4``, its peak memory is the ``ru_maxrss`` that ``os.wait4`` reports
for that child alone.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import onderzoekscyclus

OZC = [sys.executable, "-m", "onderzoekscyclus"]
IMPORT_CLICK = [sys.executable, "-c", "import click"]
BASISLIJN = """
import os, sys, tomllib
for map_, mappen, namen in os.walk(sys.argv[1]):
    mappen[:] = sorted(m for m in mappen if not m.startswith("."))
    for naam in sorted(namen):
        if naam.endswith(".toml"):
            with open(os.path.join(map_, naam), "rb") as bestand:
                tomllib.loads(bestand.read().decode("utf-8"))
"""
"""The baseline: a script that parses every TOML file of the werkplaats with ``tomllib``."""

_STAART = 4096  # bytes of stdout kept to see whether the output names a next page


@dataclass(frozen=True)
class Meting:
    """One child process: how long it took, how much memory it used, what it printed."""

    tijd: float
    """Wall time in seconds."""
    geheugen: float
    """Peak resident memory in MB."""
    code: int
    """Exit code."""
    regels: int
    """Lines on stdout (0 when stdout was not read)."""
    meer: bool
    """Whether stdout ends by pointing to a next page (``--pagina 2``)."""
    fout: str
    """The end of stderr, for a message when the process failed."""


def draai(opdracht: list[str], map_: Path, *, uitvoer: bool = True) -> Meting:
    """Run ``opdracht`` in ``map_`` and measure it; never raises on a failing exit code.

    With ``uitvoer`` stdout is a pipe that is read to the end (counting lines), as when a
    user pipes the output into ``less``; otherwise it goes to ``/dev/null``.
    """
    with tempfile.TemporaryFile() as stderr:
        begin = time.perf_counter()
        proces = subprocess.Popen(
            opdracht,
            cwd=map_,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if uitvoer else subprocess.DEVNULL,
            stderr=stderr,
        )
        regels, staart = 0, b""
        if proces.stdout is not None:
            with proces.stdout:
                while blok := proces.stdout.read(65536):
                    regels += blok.count(b"\n")
                    staart = (staart + blok)[-_STAART:]
            if staart and not staart.endswith(b"\n"):
                regels += 1
        _pid, status, gebruik = os.wait4(proces.pid, 0)
        duur = time.perf_counter() - begin
        proces.returncode = os.waitstatus_to_exitcode(status)  # so Popen won't wait again
        stderr.seek(0)
        fout = stderr.read()[-_STAART:].decode("utf-8", "replace")
    delen = 2**20 if sys.platform == "darwin" else 1024  # bytes on macOS, KB elsewhere
    return Meting(
        tijd=duur,
        geheugen=gebruik.ru_maxrss / delen,
        code=proces.returncode,
        regels=regels,
        meer=b"--pagina 2" in staart,
        fout=fout,
    )


def meet(opdracht: list[str], map_: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of one child process; it must succeed."""
    meting = draai(opdracht, map_, uitvoer=False)
    if meting.code != 0:
        raise SystemExit(f"{' '.join(opdracht)} faalde:\n{meting.fout}")
    return meting.tijd, meting.geheugen


def mediaan(opdracht: list[str], map_: Path, n: int) -> tuple[float, float]:
    """Median wall time and highest peak memory of ``n`` runs."""
    metingen = [meet(opdracht, map_) for _ in range(n)]
    return statistics.median(m[0] for m in metingen), max(m[1] for m in metingen)


def maak(map_: Path, scholen: int) -> float:
    """Generate a partnership of ``scholen`` schools in ``map_`` (replacing it); seconds."""
    if map_.exists():
        shutil.rmtree(map_)
    begin = time.perf_counter()
    subprocess.run(
        [*OZC, "demo", str(map_), "--scholen", str(scholen)], check=True, capture_output=True
    )
    return time.perf_counter() - begin


def _kenmerk(scholen: int) -> dict[str, object]:
    return {"scholen": scholen, "versie": onderzoekscyclus.__version__}


def werkplaats(basis: Path, scholen: int, *, opnieuw: bool = False) -> tuple[Path, float | None]:
    """The werkplaats ``basis/scholen-N``: reused when an earlier run generated it for the
    same size with the same version of onderzoekscyclus, else generated.

    Returns its path and the seconds generating took (``None`` when reused). A file next
    to the werkplaats (``scholen-N.json``) records what it was generated for; it is
    written only after generating succeeded.
    """
    map_ = basis / f"scholen-{scholen}"
    kenmerk = basis / f"scholen-{scholen}.json"
    if not opnieuw and kenmerk.is_file() and (map_ / "onderzoekscyclus.toml").is_file():
        try:
            gelijk = json.loads(kenmerk.read_text(encoding="utf-8")) == _kenmerk(scholen)
        except ValueError:
            gelijk = False
        if gelijk and len(list((map_ / "scholen").glob("*.toml"))) == scholen:
            return map_, None
    kenmerk.unlink(missing_ok=True)
    duur = maak(map_, scholen)
    kenmerk.write_text(json.dumps(_kenmerk(scholen)) + "\n", encoding="utf-8")
    return map_, duur


def zet_benchmarkgroep(map_: Path, naam: str = "Benchmark Leesclub") -> None:
    """A werkgroep with a unique name, for `ozc log` by name, written by ozc itself.

    Does nothing when the werkplaats already has it (a reused werkplaats).
    """
    if any((map_ / "werkgroepen").glob(f"{naam.lower().replace(' ', '-')}-*.toml")):
        return
    school = sorted((map_ / "scholen").glob("*.toml"))[0].stem
    subprocess.run(
        [*OZC, "werkgroep", "toevoegen", naam, "--school", school, "--thema", "lezen"],
        cwd=map_, check=True, capture_output=True,
    )  # fmt: skip


# --- Dutch numbers -------------------------------------------------------------------------


def getal(waarde: float, decimalen: int = 0) -> str:
    """``1234.5`` as ``1.234,5``: a dot between thousands, a decimal comma."""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def tijd(seconden: float) -> str:
    """``0.0953`` as ``95 ms``, ``3.456`` as ``3,46 s``, ``22.6`` as ``22,6 s``."""
    if seconden < 1:
        return f"{getal(seconden * 1000)} ms"
    return f"{getal(seconden, 2 if seconden < 10 else 1)} s"


def keer(verhouding: float) -> str:
    """``1.234`` as ``1,23×``, ``12.34`` as ``12,3×``, ``123.4`` as ``123×``."""
    if verhouding < 10:
        decimalen = 2
    elif verhouding < 100:
        decimalen = 1
    else:
        decimalen = 0
    return f"{getal(verhouding, decimalen)}×"


def megabytes(mb: float) -> str:
    """Peak memory, as ``46 MB``."""
    return f"{getal(mb)} MB"
