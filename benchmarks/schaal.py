"""Every everyday command at partnership and national scale, against its goal.

    python benchmarks/schaal.py                          # 1,072 and 7,000 schools
    python benchmarks/schaal.py --scholen 1072 --snel    # one size, fewer repetitions
    python benchmarks/schaal.py --map /tmp/ozc-schaal    # keep (and reuse) the werkplaatsen
    python benchmarks/schaal.py --schrijf                # also update docs/prestaties.md

For every size it generates a partnership (`ozc demo MAP --scholen N`; with --map an
earlier one of the same size is reused) and measures each command in its own child
process: wall time, and peak memory of that process via ``os.wait4``. Stdout is a pipe
that is read to the end, so the table also shows how many lines a command printed (lists
print their first page).

- Baselines: ``python -c "import click"`` (measured right before every command, so each
  ratio compares neighbours), and a script that parses every TOML file with ``tomllib``.
- Warm commands (the index is current): the median of ``--herhalingen`` runs, round by
  round, each run next to a run of the baseline.
- ``ozc controleer`` after one change: each run follows an ``ozc log`` in a werkgroep of
  its own, so one file changed since the last run.
- Heavy measurements (the tomllib baseline, ``ozc controleer --alles``, building the
  index from scratch): ``--zwaar`` runs (default 1).
- ``ozc log`` by werkgroep name, against the same in a werkplaats of one school.

The goals (set for 7,000 schools) are in the table; peak memory must stay within
500 MB for every command. The exit code is 0 unless a command failed (exit code 2 or
higher for ``ozc controleer``, anything but 0 for the others).
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from _meten import (
    BASISLIJN,
    IMPORT_CLICK,
    OZC,
    Meting,
    draai,
    getal,
    keer,
    megabytes,
    tijd,
    werkplaats,
    zet_benchmarkgroep,
)

import onderzoekscyclus

TOP = Path(__file__).resolve().parent.parent
PRESTATIES = TOP / "docs" / "prestaties.md"
BEGIN, EIND = "<!-- schaal:begin -->", "<!-- schaal:eind -->"
GEHEUGEN_MB = 500
TRAAG, TRAAG_HERHALINGEN = 2.0, 3
LEESCLUB = "Benchmark Leesclub"
WIJZIGING = "Benchmark Wijziging"
LOG = [*OZC, "log", LEESCLUB, "Benchmarkregel"]


@dataclass(frozen=True)
class Doel:
    """At most ``grens`` times a reference: ``klik`` (import click), ``basislijn`` (the
    tomllib baseline) or ``een`` (the same command in a werkplaats of one school)."""

    soort: str
    grens: float

    def tekst(self) -> str:
        ten_opzichte = {
            "klik": "import click",
            "basislijn": "tomllib-basislijn",
            "een": "bij 1 school",
        }[self.soort]
        decimalen = 0 if self.grens >= 2 and self.grens == int(self.grens) else 1
        return f"≤ {getal(self.grens, decimalen)}× {ten_opzichte}"


@dataclass(frozen=True)
class Opdracht:
    """A command in the table."""

    naam: str
    args: list[str]
    doel: Doel | None = None
    codes: frozenset[int] = frozenset({0})
    """Exit codes that count as success."""


LIJST = Doel("klik", 5)
WARM = [
    Opdracht("`ozc status`", ["status"], Doel("klik", 10)),
    Opdracht("`ozc school lijst`", ["school", "lijst"], LIJST),
    Opdracht("`ozc persoon lijst`", ["persoon", "lijst"], LIJST),
    Opdracht("`ozc werkgroep lijst`", ["werkgroep", "lijst"], LIJST),
    Opdracht("`ozc besluit lijst`", ["besluit", "lijst"], LIJST),
    Opdracht("`ozc cyclus lijst`", ["cyclus", "lijst"], LIJST),
    Opdracht("`ozc zelfevaluatie lijst`", ["zelfevaluatie", "lijst"], LIJST),
    Opdracht("`ozc expertise --partnerschap`", ["expertise", "--partnerschap"]),
    Opdracht("`ozc thema scholen rekenen`", ["thema", "scholen", "rekenen"], Doel("klik", 3)),
    Opdracht("`ozc thema experts rekenen`", ["thema", "experts", "rekenen"]),
    Opdracht("`ozc thema netwerken`", ["thema", "netwerken"]),
]
CONTROLEER = Opdracht(
    "`ozc controleer` na één wijziging", ["controleer"], Doel("klik", 15), frozenset({0, 1})
)
ALLES = Opdracht(
    "`ozc controleer --alles`",
    ["controleer", "--alles"],
    Doel("basislijn", 1),
    frozenset({0, 1}),
)
OPBOUW = Opdracht(
    "index opbouwen (`ozc thema scholen rekenen` zonder index)",
    ["thema", "scholen", "rekenen"],
    Doel("basislijn", 1),
)
LOGREGEL = Opdracht(f'`ozc log "{LEESCLUB}" TEKST`', LOG[len(OZC) :], Doel("een", 1.2))
OPDRACHTEN = [*WARM, CONTROLEER, ALLES, OPBOUW, LOGREGEL]


@dataclass
class Reeks:
    """The runs of one command, and the baseline runs measured next to them."""

    metingen: list[Meting] = field(default_factory=list)
    klik: list[float] = field(default_factory=list)
    mislukt: Meting | None = None
    nvt: str = ""
    """Why the command was not measured (an option that does not exist yet)."""

    def voeg_toe(self, meting: Meting, opdracht: Opdracht) -> bool:
        """Keep ``meting``; False (and remember it) when the command failed."""
        if meting.code not in opdracht.codes:
            self.mislukt = meting
            return False
        self.metingen.append(meting)
        return True

    @property
    def tijd(self) -> float:
        return statistics.median(m.tijd for m in self.metingen)

    @property
    def geheugen(self) -> float:
        return max(m.geheugen for m in self.metingen)


def metingen(n: int) -> str:
    return "1 meting" if n == 1 else f"mediaan van {n} metingen"


def voortgang(tekst: str) -> None:
    print(tekst, file=sys.stderr, flush=True)


def ozc(opdracht: Opdracht) -> list[str]:
    return [*OZC, *opdracht.args]


def verwijder_index(map_: Path) -> None:
    for pad in (map_ / ".onderzoekscyclus").glob("index.sqlite3*"):
        pad.unlink()


def heeft_alles() -> bool:
    """Whether this version of `ozc controleer` has ``--alles``."""
    hulp = subprocess.run(
        [*OZC, "controleer", "--help"], capture_output=True, text=True, check=False
    )
    return "--alles" in hulp.stdout


def meld_fout(opdracht: Opdracht, meting: Meting) -> None:
    voortgang(f"  {opdracht.naam} faalde met afsluitcode {meting.code}:\n{meting.fout.rstrip()}")


@dataclass
class Grootte:
    """Everything measured for one size."""

    scholen: int
    map_: Path
    gemaakt: float | None
    """Seconds generating the werkplaats took; None when it was reused."""
    bestanden: int = 0
    mb: float = 0.0
    reeksen: dict[str, Reeks] = field(default_factory=lambda: {o.naam: Reeks() for o in OPDRACHTEN})
    klik: list[float] = field(default_factory=list)
    basislijn: Reeks = field(default_factory=Reeks)
    log_een: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        bestanden = [
            p
            for p in self.map_.rglob("*.toml")
            if not any(deel.startswith(".") for deel in p.relative_to(self.map_).parts)
        ]
        self.bestanden = len(bestanden)
        self.mb = sum(p.stat().st_size for p in bestanden) / 1e6

    def meet(self, opdracht: Opdracht) -> Meting | None:
        """One run of ``opdracht``; None (and remembered) when it failed."""
        meting = draai(ozc(opdracht), self.map_)
        if self.reeksen[opdracht.naam].voeg_toe(meting, opdracht):
            return meting
        meld_fout(opdracht, meting)
        return None

    def zwaar(self, rondes: int) -> None:
        """The tomllib baseline, building the index from scratch, `controleer --alles`."""
        if not heeft_alles():
            self.reeksen[ALLES.naam].nvt = "`ozc controleer` kent `--alles` nog niet"
        for ronde in range(rondes):
            voortgang(f"  zwaar {ronde + 1}/{rondes}: basislijn (tomllib) …")
            meting = draai([sys.executable, "-c", BASISLIJN, str(self.map_)], self.map_)
            if not self.basislijn.voeg_toe(meting, Opdracht("tomllib-basislijn", [])):
                raise SystemExit(f"de tomllib-basislijn faalde:\n{meting.fout}")
            voortgang(f"    {tijd(meting.tijd)}; index opbouwen …")
            verwijder_index(self.map_)
            if gemeten := self.meet(OPBOUW):
                voortgang(f"    {tijd(gemeten.tijd)}")
            if not self.reeksen[ALLES.naam].nvt:
                voortgang("    `ozc controleer --alles` …")
                if gemeten := self.meet(ALLES):
                    voortgang(f"    {tijd(gemeten.tijd)}")

    def wijzig(self) -> bool:
        """Change one werkgroep file (a line in its logboek), as before `ozc controleer`."""
        meting = draai([*OZC, "log", WIJZIGING, "Een wijziging"], self.map_, uitvoer=False)
        if meting.code != 0:
            self.reeksen[CONTROLEER.naam].mislukt = meting
            meld_fout(Opdracht(f"`ozc log {WIJZIGING}`", []), meting)
        return meting.code == 0

    def warm(self, herhalingen: int) -> None:
        """Every warm command once, then round by round, each next to `import click`.

        A command that took longer than ``TRAAG`` seconds the first time is measured at
        most ``TRAAG_HERHALINGEN`` times: it is far from any goal, and a median of a few
        runs says that well enough.
        """
        opdrachten = [*WARM, CONTROLEER]
        aantal: dict[str, int] = {}
        voortgang("  warm maken (elke opdracht één keer) …")
        for opdracht in opdrachten:
            if opdracht is CONTROLEER and not self.wijzig():
                continue
            meting = draai(ozc(opdracht), self.map_)
            if meting.code not in opdracht.codes:
                self.reeksen[opdracht.naam].mislukt = meting
                meld_fout(opdracht, meting)
            traag = meting.tijd > TRAAG
            aantal[opdracht.naam] = min(herhalingen, TRAAG_HERHALINGEN) if traag else herhalingen
        for ronde in range(herhalingen):
            voortgang(f"  warm: ronde {ronde + 1}/{herhalingen} …")
            for opdracht in opdrachten:
                reeks = self.reeksen[opdracht.naam]
                if reeks.mislukt or len(reeks.metingen) >= aantal.get(opdracht.naam, herhalingen):
                    continue
                if opdracht is CONTROLEER and not self.wijzig():
                    continue
                basis = draai(IMPORT_CLICK, self.map_).tijd
                if self.meet(opdracht):
                    reeks.klik.append(basis)
                    self.klik.append(basis)

    def log(self, een: Path, herhalingen: int) -> None:
        """`ozc log` here and in the werkplaats of one school, in turn."""
        voortgang("  `ozc log` hier en bij 1 school …")
        for _ in range(3):  # the first log after a new file looks at the folder once
            draai(LOG, self.map_, uitvoer=False)
            draai(LOG, een, uitvoer=False)
        for _ in range(herhalingen * 2):
            if not self.meet(LOGREGEL):
                return
            klein = draai(LOG, een)
            if klein.code != 0:
                raise SystemExit(f"`ozc log` bij 1 school faalde:\n{klein.fout}")
            self.log_een.append(klein.tijd)


def meet_grootte(
    scholen: int, basis: Path, een: Path, herhalingen: int, zwaar: int, opnieuw: bool
) -> Grootte:
    voortgang(f"{getal(scholen)} scholen: werkplaats …")
    map_, gemaakt = werkplaats(basis, scholen, opnieuw=opnieuw)
    voortgang(
        f"  hergebruikt: {map_}"
        if gemaakt is None
        else f"  gemaakt met `ozc demo` in {tijd(gemaakt)}: {map_}"
    )
    zet_benchmarkgroep(map_, LEESCLUB)
    zet_benchmarkgroep(map_, WIJZIGING)
    grootte = Grootte(scholen, map_, gemaakt)
    time.sleep(2.1)  # files younger than 2 s are read again on purpose; measure the steady state
    grootte.zwaar(zwaar)
    grootte.warm(herhalingen)
    grootte.log(een, herhalingen)
    return grootte


def rij(opdracht: Opdracht, reeks: Reeks, grootte: Grootte) -> str:
    if reeks.nvt or reeks.mislukt or not reeks.metingen:
        doel = opdracht.doel.tekst() if opdracht.doel else f"piekgeheugen ≤ {GEHEUGEN_MB} MB"
        if reeks.nvt:
            return f"| {opdracht.naam} | n.v.t. | — | — | — | {doel} | n.v.t.: {reeks.nvt} |"
        code = reeks.mislukt.code if reeks.mislukt else "?"
        return f"| {opdracht.naam} | faalde (afsluitcode {code}) | — | — | — | {doel} | nee |"
    tijd_ = reeks.tijd
    klikken = reeks.klik or grootte.klik
    klik = statistics.median(klikken) if klikken else float("nan")
    geheugen = reeks.geheugen
    laatste = reeks.metingen[-1]
    regels = getal(laatste.regels) + (" (eerste pagina)" if laatste.meer else "")
    gehaald = geheugen <= GEHEUGEN_MB
    toelichting = "" if gehaald else f" (piekgeheugen > {GEHEUGEN_MB} MB)"
    doel = f"piekgeheugen ≤ {GEHEUGEN_MB} MB"
    if opdracht.doel:
        doel = opdracht.doel.tekst()
        referentie = {
            "klik": klik,
            "basislijn": grootte.basislijn.tijd,
            "een": statistics.median(grootte.log_een) if grootte.log_een else float("nan"),
        }[opdracht.doel.soort]
        verhouding = tijd_ / referentie
        gehaald = gehaald and verhouding <= opdracht.doel.grens
        if opdracht.doel.soort != "klik":
            toelichting = f" ({keer(verhouding)})" + toelichting
    return (
        f"| {opdracht.naam} | {tijd(tijd_)} | {keer(tijd_ / klik)} | {megabytes(geheugen)} "
        f"| {regels} | {doel} | {'ja' if gehaald else 'nee'}{toelichting} |"
    )


def tabel(grootte: Grootte, zwaar: int) -> str:
    klik = statistics.median(grootte.klik) if grootte.klik else float("nan")
    basislijn = grootte.basislijn
    gemaakt = (
        "hergebruikt"
        if grootte.gemaakt is None
        else f"gemaakt met `ozc demo` in {tijd(grootte.gemaakt)}"
    )
    regels = [
        f"### {getal(grootte.scholen)} scholen",
        "",
        f"{getal(grootte.bestanden)} bestanden, {getal(grootte.mb, 0 if grootte.mb >= 10 else 1)} MB; "
        f"werkplaats {gemaakt}.",
        "",
        f'- `python -c "import click"`: {tijd(klik)} ({metingen(len(grootte.klik))})',
        f"- tomllib-basislijn (elk TOML-bestand lezen): {tijd(basislijn.tijd)}, "
        f"piekgeheugen {megabytes(basislijn.geheugen)}"
        + (f" ({metingen(zwaar)})" if zwaar > 1 else ""),
    ]
    if grootte.log_een:
        regels.append(
            f"- `ozc log` bij 1 school: {tijd(statistics.median(grootte.log_een))} "
            f"({metingen(len(grootte.log_een))})"
        )
    regels += [
        "",
        "| opdracht | tijd | × import click | piekgeheugen | regels | doel | gehaald? |",
        "|---|---|---|---|---|---|---|",
    ]
    regels += [rij(o, grootte.reeksen[o.naam], grootte) for o in OPDRACHTEN]
    return "\n".join(regels)


def kop(herhalingen: int, zwaar: int) -> str:
    versie = ""
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=TOP, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        versie = f", commit `{commit}`"
    except (OSError, subprocess.CalledProcessError):
        pass
    return (
        f"Python {platform.python_version()}, {platform.system()}, "
        f"{os.cpu_count()} processorkernen{versie}. Warm: {metingen(herhalingen)} "
        f"(`ozc log`: {metingen(herhalingen * 2)}; wat de eerste keer langer dan "
        f"{getal(TRAAG)} s duurde: {metingen(min(herhalingen, TRAAG_HERHALINGEN))}); "
        f"zwaar: {metingen(zwaar)}. "
        f"Piekgeheugen ≤ {GEHEUGEN_MB} MB hoort bij elk doel."
    )


def schrijf(tekst: str, pad: Path = PRESTATIES) -> None:
    """Replace the block between the markers in ``pad`` with ``tekst``."""
    inhoud = pad.read_text(encoding="utf-8")
    voor, begin, rest = inhoud.partition(BEGIN)
    _oud, eind, na = rest.partition(EIND)
    if not begin or not eind:
        raise SystemExit(f"{pad} mist {BEGIN} of {EIND}")
    pad.write_text(f"{voor}{BEGIN}\n{tekst}\n{EIND}{na}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--scholen", type=int, nargs="+", default=[1072, 7000], metavar="N", help="groottes"
    )
    parser.add_argument("--map", type=Path, help="map voor de werkplaatsen, bewaard en hergebruikt")
    parser.add_argument("--herhalingen", type=int, help="metingen per warme opdracht (7)")
    parser.add_argument("--snel", action="store_true", help="minder herhalingen (3)")
    parser.add_argument("--zwaar", type=int, default=1, help="metingen per zware opdracht (1)")
    parser.add_argument(
        "--opnieuw", action="store_true", help="maak de werkplaatsen opnieuw, ook met --map"
    )
    parser.add_argument(
        "--schrijf", action="store_true", help=f"zet de tabellen in {PRESTATIES.relative_to(TOP)}"
    )
    args = parser.parse_args()
    herhalingen = args.herhalingen
    if herhalingen is None:
        herhalingen = 3 if args.snel else 7
    if herhalingen < 1 or args.zwaar < 1 or min(args.scholen) < 1:
        parser.error("herhalingen, zwaar en scholen zijn minstens 1")
    os.environ.setdefault("ONDERZOEKSCYCLUS_VANDAAG", "2026-11-23")
    os.environ["ONDERZOEKSCYCLUS_TAAL"] = "nl"
    for naam in ("ONDERZOEKSCYCLUS_WERKPLAATS", "COLUMNS"):
        os.environ.pop(naam, None)
    # measured as installed: pip writes the bytecode of every module; without it (an
    # editable install run with PYTHONDONTWRITEBYTECODE) every start would compile
    compileall.compile_dir(Path(onderzoekscyclus.__file__).parent, quiet=1)

    basis = args.map or Path(tempfile.mkdtemp(prefix="ozc-schaal-"))
    basis.mkdir(parents=True, exist_ok=True)
    delen = [kop(herhalingen, args.zwaar)]
    print(delen[0], flush=True)
    mislukt = False
    try:
        een, _ = werkplaats(basis, 1, opnieuw=args.opnieuw)
        zet_benchmarkgroep(een, LEESCLUB)
        for scholen in args.scholen:
            grootte = meet_grootte(scholen, basis, een, herhalingen, args.zwaar, args.opnieuw)
            delen.append(tabel(grootte, args.zwaar))
            print("\n" + delen[-1], flush=True)
            mislukt = mislukt or any(r.mislukt for r in grootte.reeksen.values())
    finally:
        if not args.map:
            shutil.rmtree(basis, ignore_errors=True)
    if args.schrijf:
        schrijf("\n\n".join(delen))
        voortgang(f"{PRESTATIES.relative_to(TOP)} bijgewerkt.")
    if mislukt:
        voortgang("Een of meer opdrachten faalden; zie hierboven.")
    return 1 if mislukt else 0


if __name__ == "__main__":
    sys.exit(main())
