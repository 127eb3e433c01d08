"""Make the screenshots of docs/website.md anew: the demo's website at phone and desktop
width, in Debian's Chromium.

    python tools/schermafdrukken.py

Writes docs/img/site-telefoon.png (375 px wide) and docs/img/site-scherm.png (1280 px),
both of the page of the demo's finished study, the day fixed so that the pictures only
change when the site does.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
DOCS_IMG = TOP / "docs" / "img"
ARGUMENTEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    omgeving = dict(os.environ, ONDERZOEKSCYCLUS_VANDAAG=dt.date(2026, 11, 23).isoformat())
    with tempfile.TemporaryDirectory() as map_:
        demo, site = Path(map_) / "demo", Path(map_) / "site"
        ozc = [sys.executable, "-m", "onderzoekscyclus"]
        subprocess.run([*ozc, "demo", str(demo)], check=True, capture_output=True, env=omgeving)
        subprocess.run(
            [*ozc, "--werkplaats", str(demo), "site", str(site)],
            check=True, capture_output=True, env=omgeving,
        )  # fmt: skip
        (pagina,) = sorted((site / "onderzoek").glob("*.html"))[:1]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGUMENTEN)
            for naam, breedte, hoogte in (("telefoon", 375, 1400), ("scherm", 1280, 1100)):
                tab = browser.new_page(viewport={"width": breedte, "height": hoogte})
                tab.goto(pagina.as_uri())
                doel = DOCS_IMG / f"site-{naam}.png"
                tab.screenshot(path=str(doel))
                print(f"{doel.relative_to(TOP)}: {breedte} px breed")
                tab.close()
            browser.close()


if __name__ == "__main__":
    main()
