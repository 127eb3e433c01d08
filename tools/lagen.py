"""Check the layers of onderzoekscyclus: every import points down, no module imports
itself in a circle, and a plugin uses public modules only.

    python tools/lagen.py            print the layer map and every violation
    python tools/lagen.py --check    the same; exit 1 on a violation (the tests run this)
    python tools/lagen.py --markdown the layer map as a Markdown table (for the docs)

The layers, from the ground up (a module may import from its own layer and those
below it)::

    basis   errors, i18n, klok, opmaak, plugins, versie
    domein  domein/
    opslag  opslag/
    api     api/
    export  export/
    demo    demo/, and the package itself (its public names)
    cli     cli/, __main__

Every import counts, also one inside a function or under ``TYPE_CHECKING``: an import
made lazily to keep start-up quick must point down too, and cannot hide a cycle.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
BRON = TOP / "src" / "onderzoekscyclus"
PAKKET = "onderzoekscyclus"

LAGEN = ("basis", "domein", "opslag", "api", "export", "demo", "cli")
BESCHRIJVING = {
    "basis": "errors, i18n, klok, opmaak, plugins, versie",
    "domein": "domein/",
    "opslag": "opslag/",
    "api": "api/",
    "export": "export/",
    "demo": "demo/ en het pakket zelf (`onderzoekscyclus`)",
    "cli": "cli/ en `__main__`",
}
PUBLIEK = frozenset(
    {
        PAKKET,
        f"{PAKKET}.export",
        f"{PAKKET}.errors",
        f"{PAKKET}.opmaak",
        f"{PAKKET}.plugins",
        f"{PAKKET}.demo",
    }
)
"""The modules a plugin may import: the rest is the library's own layout."""


def laag(module: str) -> str:
    """The layer of a module of the package."""
    delen = module.split(".")
    if len(delen) == 1:
        return "demo"
    if delen[1] in ("domein", "opslag", "api", "export", "demo", "cli"):
        return delen[1]
    if delen[1] == "__main__":
        return "cli"
    return "basis"


def modulenaam(pad: Path, wortel: Path) -> str:
    """``src/onderzoekscyclus/api/cycli.py`` -> ``onderzoekscyclus.api.cycli``."""
    delen = list(pad.relative_to(wortel).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def _is_pakket(module: str, modules: set[str]) -> bool:
    return any(m.startswith(module + ".") for m in modules)


def imports(pad: Path, module: str, modules: set[str]) -> Iterator[tuple[int, str]]:
    """(line, imported module of the package) for every import in ``pad``."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), str(pad))
    is_pakket = pad.name == "__init__.py"
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            for alias in knoop.names:
                if alias.name.split(".")[0] == PAKKET:
                    yield knoop.lineno, alias.name
        elif isinstance(knoop, ast.ImportFrom):
            basis = knoop.module or ""
            if knoop.level:
                delen = module.split(".")
                ouder = delen if is_pakket else delen[:-1]
                ouder = ouder[: len(ouder) - (knoop.level - 1)]
                basis = ".".join([*ouder, basis] if basis else ouder)
            if basis.split(".")[0] != PAKKET:
                continue
            for alias in knoop.names:
                sub = f"{basis}.{alias.name}"
                # `from onderzoekscyclus.domein import cyclus` imports the module cyclus
                yield knoop.lineno, sub if sub in modules else basis


def _bronbestanden() -> dict[str, Path]:
    return {modulenaam(p, BRON.parent): p for p in sorted(BRON.rglob("*.py"))}


def _pluginbestanden() -> list[Path]:
    bronnen = [*TOP.glob("plugins/*/src"), *TOP.glob("examples/*/src")]
    return sorted(p for bron in bronnen for p in bron.rglob("*.py"))


def onderzoek() -> tuple[dict[str, set[str]], list[str]]:
    """The import graph of the package, and every violation found."""
    bestanden = _bronbestanden()
    modules = set(bestanden)
    graaf: dict[str, set[str]] = {m: set() for m in modules}
    fouten: list[str] = []
    for module, pad in bestanden.items():
        for regel, doel in imports(pad, module, modules):
            if doel == module or doel not in modules:
                continue
            graaf[module].add(doel)
            if LAGEN.index(laag(doel)) > LAGEN.index(laag(module)):
                fouten.append(
                    f"{pad.relative_to(TOP)}:{regel}: {module} ({laag(module)}) importeert "
                    f"{doel} ({laag(doel)}): een pijl omhoog"
                )
    fouten.extend(f"kringloop: {' -> '.join(k)}" for k in kringlopen(graaf))
    for pad in _pluginbestanden():
        module = modulenaam(pad, pad.parents[len(pad.relative_to(TOP).parts) - 3])
        for regel, doel in imports(pad, module, modules):
            if doel not in PUBLIEK:
                fouten.append(
                    f"{pad.relative_to(TOP)}:{regel}: een plugin importeert {doel}, geen "
                    f"publieke module (wel: {', '.join(sorted(PUBLIEK))})"
                )
    return graaf, fouten


def kringlopen(graaf: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), as a path."""
    index: dict[str, int] = {}
    laagst: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    uit: list[list[str]] = []

    def bezoek(v: str) -> None:
        index[v] = laagst[v] = len(index)
        stapel.append(v)
        op_stapel.add(v)
        for w in sorted(graaf[v]):
            if w not in index:
                bezoek(w)
                laagst[v] = min(laagst[v], laagst[w])
            elif w in op_stapel:
                laagst[v] = min(laagst[v], index[w])
        if laagst[v] == index[v]:
            groep = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                groep.append(w)
                if w == v:
                    break
            if len(groep) > 1:
                uit.append([*sorted(groep), sorted(groep)[0]])

    for v in sorted(graaf):
        if v not in index:
            bezoek(v)
    return uit


def kaart(graaf: dict[str, set[str]]) -> list[tuple[str, int, int, str]]:
    """Per layer: its modules, the lines of code in them, and the layers it imports."""
    regels: dict[str, int] = {}
    bestanden = _bronbestanden()
    for module, pad in bestanden.items():
        regels[module] = len(pad.read_text(encoding="utf-8").splitlines())
    uit = []
    for naam in LAGEN:
        leden = [m for m in graaf if laag(m) == naam]
        gebruikt = {laag(d) for m in leden for d in graaf[m]} - {naam}
        volgorde = [laag_ for laag_ in reversed(LAGEN) if laag_ in gebruikt]
        uit.append((naam, len(leden), sum(regels[m] for m in leden), ", ".join(volgorde) or "-"))
    return uit


def markdown(graaf: dict[str, set[str]]) -> str:
    """The layer map as a Markdown table, top layer first."""
    regels = ["| laag | wat | gebruikt |", "|---|---|---|"]
    for naam, _aantal, _lengte, gebruikt in reversed(kaart(graaf)):
        regels.append(f"| {naam} | {BESCHRIJVING[naam]} | {gebruikt} |")
    return "\n".join(regels) + "\n"


def main(argumenten: list[str]) -> int:
    graaf, fouten = onderzoek()
    if "--markdown" in argumenten:
        print(markdown(graaf), end="")
        return 0
    print(f"{'laag':8} {'modules':>7} {'regels':>7}  gebruikt")
    for naam, aantal, lengte, gebruikt in reversed(kaart(graaf)):
        print(f"{naam:8} {aantal:7} {lengte:7}  {gebruikt}")
    randen = sum(len(d) for d in graaf.values())
    print(f"{len(graaf)} modules, {randen} imports binnen het pakket, {len(fouten)} fouten")
    for fout in fouten:
        print(fout)
    return 1 if fouten and "--check" in argumenten else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
