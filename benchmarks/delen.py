"""Many clones of one werkplaats, random everyday work, shared in random orders: is
anything lost, does anything impossible appear, and is every real conflict reported?

    python benchmarks/delen.py                          # 3 clones, 12 rounds, seed 1
    python benchmarks/delen.py --kopieen 5 --rondes 30 --zaad 7

Each round every clone does a few random things (a log line, a measurement, a theme, a
new idea, and now and then a new name for a werkgroep), then every clone runs
`ozc deel` (the library's ``deel``) in a random order, and once more so that all are
up to date; a conflict is decided the way a person would (keep this side). At the end every clone shares twice more. Real git,
real clones, a bare repository on disk as the shared place.

Counted: operations, merges that brought something in, entries expected and found in
every clone (lost = expected − found), files that differ between clones, problems
`ozc controleer` reports (impossible states), and conflicts reported against the real
conflicts made (two clones giving one werkgroep different names between two shares).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.api.delen import deel
from onderzoekscyclus.api.samenvoegen import conflicten_in, kies
from onderzoekscyclus.opslag.git import stel_in

VANDAAG = dt.date(2026, 11, 30)
BEGIN = dt.date(2026, 9, 1)
GROEPEN = ("Rekenen", "Lezen")


def _git(map_: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=map_, check=True, capture_output=True)


def _begin(basis: Path, kopieen: int) -> list[Werkplaats]:
    _git(basis, "init", "-q", "--bare", "-b", "main", "gedeeld.git")
    wp = Werkplaats.maak(basis / "begin", "Stresstest", vandaag=lambda: VANDAAG)
    wp.scholen.toevoegen("De Ster", brin="12AB", sector="po")
    wp.scholen.profiel("De Ster", visie={"eigenaarschap": "Leerlingen sturen mee"})
    for i in range(kopieen):
        wp.personen.toevoegen(f"Leraar {i}", school="De Ster")
    for naam in GROEPEN:
        wp.werkgroepen.toevoegen(naam, scholen=["De Ster"], themas=["rekenen"])
        wp.cycli.start(naam, aanleiding="a", vraag="v", datum=BEGIN)
        wp.cycli.beginsituatie(naam, tekst="t", bronnen=["toets"], datum=BEGIN)
        wp.cycli.doel(
            naam, tekst="d", visie="eigenaarschap", indicatoren=[("score", "%", 50.0, 70.0)],
            datum=BEGIN,
        )  # fmt: skip
        wp.cycli.plan(
            naam, acties=[("oefenen", "team", "week 3")], literatuur=["boek"], datum=BEGIN
        )
        wp.cycli.uitvoeren(naam, datum=BEGIN)
    wp.besluitvorming.nieuw("Aanpak", werkgroep="Rekenen", thema="rekenen", datum=BEGIN)
    _git(wp.root, "init", "-q", "-b", "main")
    _git(wp.root, "add", "-A")
    _git(wp.root, "commit", "-q", "-m", "begin")
    _git(wp.root, "push", "-q", str(basis / "gedeeld.git"), "main")
    uit = []
    for i in range(kopieen):
        _git(basis, "clone", "-q", str(basis / "gedeeld.git"), f"kopie{i}")
        stel_in(basis / f"kopie{i}")
        uit.append(Werkplaats.open(basis / f"kopie{i}", vandaag=lambda: VANDAAG))
    return uit


def _beslis(wp: Werkplaats) -> int:
    """Decide every conflict for this side, as a person keeping their own work would."""
    gezien = 0
    for bestand in dict.fromkeys(c["bestand"] for c in conflicten_in(wp.root)):
        map_, _slash, naam = bestand.partition("/")
        id_ = naam.removesuffix(".toml")
        data = wp.opslag.schrijver.lees_ruw(map_, id_)
        gezien += len(data.get("conflicten", []))
        wp.opslag.schrijver.los_op(map_, id_, kies(data, "ons"))
    return gezien


def main() -> int:  # noqa: PLR0912, PLR0915 - one measurement, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kopieen", type=int, default=3)
    parser.add_argument("--rondes", type=int, default=12)
    parser.add_argument("--zaad", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.zaad)
    for soort in ("AUTHOR", "COMMITTER"):
        os.environ.setdefault(f"GIT_{soort}_NAME", "Stresstest")
        os.environ.setdefault(f"GIT_{soort}_EMAIL", "stress@school.example")
    begin = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ozc-delen-") as tmp:
        wps = _begin(Path(tmp), args.kopieen)
        regels: set[str] = set()
        metingen: set[float] = set()
        themas: set[str] = {"rekenen"}
        ideeen: set[str] = set()
        bewerkingen: Counter[str] = Counter()
        echte_conflicten = gemelde_conflicten = samenvoegingen = 0
        dag = 0
        for ronde in range(args.rondes):
            hernoemd: dict[str, set[str]] = {}
            for i, wp in enumerate(wps):
                for stap in range(rng.randint(1, 4)):
                    dag += 1
                    # never before an earlier step: a history stays in order
                    datum = min(BEGIN + dt.timedelta(days=dag // 8), VANDAAG)
                    groep = rng.choice(GROEPEN)
                    soort = rng.choice(["log", "log", "meting", "thema", "idee", "naam"])
                    bewerkingen[soort] += 1
                    if soort == "log":
                        tekst = f"ronde {ronde}, kopie {i}, stap {stap}"
                        wp.logboek.schrijf(groep, tekst, datum=datum)
                        regels.add(tekst)
                    elif soort == "meting":
                        waarde = float(f"{ronde}.{i}{stap}")
                        wp.cycli.meting(groep, indicator="score", waarde=waarde, datum=datum)
                        metingen.add(waarde)
                    elif soort == "thema":
                        thema = f"thema {ronde}-{i}-{stap}"
                        huidig = wp.werkgroepen.zoek(groep)
                        wp.werkgroepen.wijzig(
                            groep, themas=[*huidig.themas, thema], nieuw_thema=True
                        )
                        themas.add(thema)
                    elif soort == "idee":
                        tekst = f"idee {ronde}-{i}-{stap}"
                        wp.besluitvorming.idee("Aanpak", tekst, door=f"Leraar {i}", datum=datum)
                        ideeen.add(tekst)
                    else:
                        nieuw = f"{groep} r{ronde} k{i}"
                        wp.werkgroepen.wijzig(wp.werkgroepen.zoek(groep).id, naam=nieuw)
                        hernoemd.setdefault(groep, set()).add(nieuw)
            # two clones naming one werkgroep differently between shares: a real conflict
            echte_conflicten += sum(len(namen) - 1 for namen in hernoemd.values())
            for i in rng.sample(range(len(wps)), len(wps)):
                verslag = deel(wps[i].root)
                samenvoegingen += bool(verslag.binnengehaald)
                gemelde_conflicten += _beslis(wps[i])
                if verslag.conflicten:
                    deel(wps[i].root)
            for wp in wps:  # everyone up to date before the next round
                deel(wp.root)
        for _ in range(2):
            for wp in wps:
                deel(wp.root)
        verloren = Counter()
        for wp in wps:
            gevonden = {
                r.tekst for g in wp.werkgroepen.lijst() for r in g.logboek
            }  # all werkgroepen: a name may have changed
            verloren["logregels"] += len(regels - gevonden)
            verloren["metingen"] += len(
                metingen - {m.waarde for g in wp.werkgroepen.lijst() for m in g.cycli[0].metingen}
            )
            verloren["thema's"] += len(
                themas - {t for g in wp.werkgroepen.lijst() for t in g.themas}
            )
            verloren["ideeën"] += len(
                ideeen - {x.tekst for x in wp.besluitvorming.zoek("Aanpak").ideeen}
            )
        problemen = [p for wp in wps for p in wp.controleer()]
        bestanden = [
            sorted(
                (p.relative_to(wp.root).as_posix(), p.read_bytes()) for p in wp.root.rglob("*.toml")
            )
            for wp in wps
        ]
        verschillend = sum(b != bestanden[0] for b in bestanden[1:])
        markers = sum(b"<<<<<<<" in inhoud for lijst in bestanden for _naam, inhoud in lijst)
    duur = time.perf_counter() - begin
    totaal = sum(bewerkingen.values())
    print(f"kopieën: {args.kopieen}, rondes: {args.rondes}, zaad: {args.zaad}, duur: {duur:.1f} s")
    print(
        f"bewerkingen: {totaal} ({', '.join(f'{k} {v}' for k, v in sorted(bewerkingen.items()))})"
    )
    print(f"samenvoegingen die iets binnenhaalden: {samenvoegingen}")
    print(
        f"verwacht: {len(regels)} logregels, {len(metingen)} metingen, {len(themas)} thema's, "
        f"{len(ideeen)} ideeën, in elke kopie"
    )
    print(f"verloren: {sum(verloren.values())} ({dict(verloren)})")
    print(f"kopieën die afwijken van de eerste: {verschillend}; bestanden met markers: {markers}")
    print(f"onmogelijke toestanden (problemen van ozc controleer): {len(problemen)}")
    print(f"conflicten gemeld: {gemelde_conflicten}; echte conflicten gemaakt: {echte_conflicten}")
    for p in problemen[:5]:
        print("  ", p)
    goed = not sum(verloren.values()) and not verschillend and not markers and not problemen
    return 0 if goed and gemelde_conflicten == echte_conflicten else 1


if __name__ == "__main__":
    sys.exit(main())
