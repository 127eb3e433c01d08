"""How fast `ozc thema` and `ozc log` are at partnership and national scale.

    python benchmarks/thema.py                 # 1,072 and 7,000 schools
    python benchmarks/thema.py --scholen 500   # other sizes
    python benchmarks/thema.py --map /tmp/ozc-bench   # keep the generated werkplaatsen

For every size it generates a partnership (`ozc demo MAP --scholen N`) and measures, each
in its own process (wall time and peak memory of that process, via ``os.wait4``):

- the baseline: a script that parses every file of the werkplaats with ``tomllib``;
- ``ozc thema scholen rekenen`` cold (no index) and warm (index current; median);
- ``ozc log`` by werkgroep name (median), against the same in a werkplaats of one school.

When ``tomli`` is importable, its parse speed is compared with ``tomllib`` on the same
werkgroep files. The figures go to stdout as Markdown; docs/prestaties.md holds the last
run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _meten import BASISLIJN, OZC, maak, mediaan, meet, zet_benchmarkgroep


def toml_parsers(map_: Path) -> str:
    bestanden = [
        p.read_bytes().decode() for p in sorted((map_ / "werkgroepen").glob("*.toml"))[:3000]
    ]
    megabytes = sum(len(b) for b in bestanden) / 1e6
    regels = []
    import tomllib  # noqa: PLC0415

    parsers = [("tomllib", tomllib.loads)]
    try:
        import tomli  # noqa: PLC0415

        parsers.append(
            (
                f"tomli {tomli.__version__ if hasattr(tomli, '__version__') else ''}".strip(),
                tomli.loads,
            )
        )
    except ImportError:
        regels.append("tomli is niet geïnstalleerd; alleen tomllib gemeten.")
    for naam, parse in parsers:
        begin = time.perf_counter()
        for tekst in bestanden:
            parse(tekst)
        duur = time.perf_counter() - begin
        regels.append(
            f"| {naam} | {len(bestanden)} | {megabytes / duur:.1f} MB/s | {duur / len(bestanden) * 1000:.2f} ms |"
        )
    return "\n".join(regels)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scholen", type=int, action="append", help="grootte (herhaalbaar)")
    parser.add_argument("--map", type=Path, help="map voor de werkplaatsen (anders tijdelijk)")
    parser.add_argument("--warm", type=int, default=9, help="herhalingen warm (log: het dubbele)")
    args = parser.parse_args()
    groottes = args.scholen or [1072, 7000]
    basis = args.map or Path(tempfile.mkdtemp(prefix="ozc-bench-"))
    basis.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("ONDERZOEKSCYCLUS_VANDAAG", "2026-11-23")

    een = basis / "scholen-1"
    maak(een, 1)
    zet_benchmarkgroep(een)
    log = [*OZC, "log", "Benchmark Leesclub", "Benchmarkregel"]
    for _ in range(3):
        meet(log, een)

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cpu's, {sys.platform}\n")
    print(
        "| scholen | bestanden | MB | maken | basislijn (tomllib) | koud | warm | warm vs basislijn | piekgeheugen koud / warm | ozc log | ozc log (1 school) | verhouding |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    laatste = een
    for n in groottes:
        map_ = basis / f"scholen-{n}"
        maken = maak(map_, n)
        bestanden = [
            p for m in ("scholen", "personen", "werkgroepen") for p in (map_ / m).glob("*.toml")
        ]
        mb = sum(p.stat().st_size for p in bestanden) / 1e6
        time.sleep(
            2.1
        )  # files younger than 2 s are read again on purpose; measure the steady state
        basislijn, basis_mb = meet([sys.executable, "-c", BASISLIJN, str(map_)], map_)
        vraag = [*OZC, "thema", "scholen", "rekenen"]
        for pad in (map_ / ".onderzoekscyclus").glob("index.sqlite3*"):
            pad.unlink()
        koud, koud_mb = meet(vraag, map_)
        warm, warm_mb = mediaan(vraag, map_, args.warm)
        zet_benchmarkgroep(map_)
        for _ in range(3):  # the first log after a new file looks at the folder once
            meet(log, map_)
        groot, klein = [], []
        for _ in range(args.warm * 2):
            groot.append(meet(log, map_)[0])
            klein.append(meet(log, een)[0])
        log_groot, log_klein = statistics.median(groot), statistics.median(klein)
        print(
            f"| {n:,} | {len(bestanden):,} | {mb:.0f} | {maken:.0f} s | {basislijn:.2f} s ({basis_mb:.0f} MB) "
            f"| {koud:.2f} s | {warm:.2f} s | {basislijn / warm:.0f}× sneller "
            f"| {koud_mb:.0f} / {warm_mb:.0f} MB | {log_groot * 1000:.0f} ms | {log_klein * 1000:.0f} ms "
            f"| {log_groot / log_klein:.2f} |"
        )
        laatste = map_
    print("\nTOML-parsers op werkgroepbestanden:\n")
    print("| parser | bestanden | snelheid | per bestand |\n|---|---|---|---|")
    print(toml_parsers(laatste))
    if not args.map:
        shutil.rmtree(basis)


if __name__ == "__main__":
    main()
