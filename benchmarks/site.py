"""How long `ozc site` takes for a partnership, against parsing every file with tomllib.

    python benchmarks/site.py                          # 1,072 schools in a temporary folder
    python benchmarks/site.py --scholen 200 --map /tmp/ozc-schaal

Measured in one run, each in a child process of its own: the baseline (a script that
parses every TOML file of the werkplaats with stdlib tomllib), a first build into an
empty folder, a rebuild with nothing changed (the drawn charts are reused), and a
rebuild after one school's profile got a new line of pride (written: only the files whose
bytes changed; each run adds another line, so the werkplaats can be reused).
Goal: a build in at most the baseline's time. Also measured, as the floor under any
build: Pagefind alone indexing the pages of the first build (the search index is made
from every page, so each build that changed a page pays at least this).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _meten import BASISLIJN, OZC, keer, meet, megabytes, tijd, werkplaats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scholen", type=int, default=1072)
    parser.add_argument("--map", type=Path, help="Keep the generated werkplaats here.")
    args = parser.parse_args()
    basis = args.map or Path(tempfile.mkdtemp(prefix="ozc-site-"))
    map_, gemaakt = werkplaats(basis, args.scholen)
    if gemaakt is not None:
        print(f"werkplaats van {args.scholen} scholen gemaakt in {tijd(gemaakt)}")
    uit = basis / f"site-{args.scholen}"
    shutil.rmtree(uit, ignore_errors=True)
    basislijn, _m = meet([sys.executable, "-c", BASISLIJN, str(map_)], map_)
    eerste, geheugen = meet([*OZC, "site", str(uit)], map_)
    zelfde, _m = meet([*OZC, "site", str(uit)], map_)
    with tempfile.TemporaryDirectory(prefix="ozc-pagefind-") as tijdelijk:
        paginas_map = Path(tijdelijk) / "site"
        shutil.copytree(uit, paginas_map, ignore=shutil.ignore_patterns("pagefind", ".*"))
        zoekindex, _m = meet(
            [sys.executable, "-m", "pagefind", "--site", str(paginas_map), "--silent"], map_
        )
    school = next(iter(sorted((map_ / "scholen").glob("*.toml")))).stem
    subprocess.run(
        [*OZC, "school", "profiel", school, "--trots", f"Leesclub {time.time_ns()}"],
        cwd=map_, check=True, capture_output=True,
    )  # fmt: skip
    begin = time.perf_counter()
    laatste = subprocess.run(
        [*OZC, "--json", "site", str(uit)], cwd=map_, check=True, capture_output=True, text=True
    )
    na_een = time.perf_counter() - begin
    verslag = json.loads(laatste.stdout)
    paginas = len(verslag["paginas"])
    print(f"{args.scholen} scholen, {paginas} pagina's")
    print(f"basislijn (tomllib, alle bestanden):  {tijd(basislijn)}")
    print(f"eerste keer bouwen:                   {tijd(eerste)} = {keer(eerste / basislijn)}, "
          f"{megabytes(geheugen)}")  # fmt: skip
    print(f"opnieuw, niets veranderd:             {tijd(zelfde)} = {keer(zelfde / basislijn)}")
    print(f"opnieuw, na één wijziging:            {tijd(na_een)} = {keer(na_een / basislijn)}")
    print(f"alleen Pagefind (de zoekindex):       {tijd(zoekindex)} = "
          f"{keer(zoekindex / basislijn)}")  # fmt: skip
    geschreven = verslag["geschreven"]
    paginas_nieuw = [n for n in geschreven if n.endswith(".html")]
    print(
        f"  na de wijziging geschreven: {len(geschreven)} bestanden, waarvan pagina's: "
        f"{', '.join(paginas_nieuw) or '-'} (de rest: de zoekindex)"
    )
    if args.map is None:
        shutil.rmtree(basis, ignore_errors=True)


if __name__ == "__main__":
    main()
