"""Start-up time of quick commands, as a ratio to `python -c "import click"`.

    python benchmarks/opstart.py [--herhalingen 21]

Everything is measured in the same run with the same interpreter: the median wall time of
`ozc --version`, `ozc log` (in a fresh werkplaats with one school and one werkgroep; each
run appends a line) and `python -m onderzoekscyclus --version`, against the baseline.
Goal: at most 2.0x the baseline for `ozc --version` and `ozc log`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from onderzoekscyclus import Werkplaats


def _mediaan(opdracht: list[str], herhalingen: int, cwd: Path) -> float:
    subprocess.run(opdracht, cwd=cwd, check=True, capture_output=True)  # warm-up
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        subprocess.run(opdracht, cwd=cwd, check=True, capture_output=True)
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=21)
    n = parser.parse_args().herhalingen
    naast = Path(sys.executable).with_name("ozc")
    ozc = [str(naast)] if naast.exists() else [shutil.which("ozc") or "ozc"]
    with tempfile.TemporaryDirectory() as map_:
        wp = Werkplaats.maak(Path(map_) / "wp", "Benchmark")
        wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
        wp.werkgroepen.toevoegen("Rekenen groep 5-8", scholen=["De Regenboog"])
        metingen = {
            'python -c "import click" (basis)': [sys.executable, "-c", "import click"],
            "ozc --version": [*ozc, "--version"],
            "ozc log": [*ozc, "log", "rekenen", "Benchmarkregel"],
            "python -m onderzoekscyclus --version": [
                sys.executable,
                "-m",
                "onderzoekscyclus",
                "--version",
            ],
        }
        tijden = {naam: _mediaan(opdracht, n, wp.root) for naam, opdracht in metingen.items()}
    basis = next(iter(tijden.values()))
    print(f"{'opdracht':<40} {'mediaan (ms)':>12} {'verhouding':>11}")
    for naam, tijd in tijden.items():
        print(f"{naam:<40} {tijd * 1000:>12.1f} {tijd / basis:>10.2f}x")
    print(f"\ndoel: ozc --version en ozc log <= 2.00x de basis ({n} herhalingen, mediaan)")


if __name__ == "__main__":
    main()
