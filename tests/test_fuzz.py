"""Fuzzing the CLI: damaged files and hostile arguments, and no crash gets through.

Each case copies a small, valid werkplaats, damages one of its files (bytes flipped or
cut, a value replaced by anything TOML can hold, an unknown key, a key twice, deep
nesting) or none, and runs one ``ozc`` command with arguments drawn from what people and
scripts type (names, prefixes, empty text, huge and odd numbers, impossible dates,
paths onto the werkplaats' own files). Then:

* no traceback, and the exit code is one the docs promise (0, 1, 2 or 3);
* a refused command (any exit code but 0) changed no file of the werkplaats;
* nothing was written outside the werkplaats and the export folder.

The normal run tries 1,500 cases (about half a minute on 2 cores); ``OZC_GRONDIG=1``
tries 20,000, and ``OZC_FUZZ_GEVALLEN=N`` any number.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onderzoekscyclus import VasteKlok, Werkplaats

from .grondig import voorbeelden

DAG = dt.date(2026, 11, 23)
GEVALLEN = int(os.environ.get("OZC_FUZZ_GEVALLEN", voorbeelden(1500, 20000)))
BELOOFD = {0, 1, 2, 3}


@pytest.fixture(scope="module")
def sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small werkplaats with something of every kind, made once."""
    from onderzoekscyclus.cli._uitvoer import vandaag

    root = tmp_path_factory.mktemp("sjabloon") / "wp"
    wp = Werkplaats.maak(root, "Fuzz", vandaag=VasteKlok(DAG - dt.timedelta(days=60)))
    klok = wp._klok  # the same VasteKlok, moved on below
    assert isinstance(klok, VasteKlok)
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Samen"}, speerpunten=["lezen"])
    anna = wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["lezen"])
    wp.personen.toevoegen("Mehmet Yılmaz", school="De Regenboog")
    groep = wp.werkgroepen.toevoegen("Lezen groep 4", scholen=["De Regenboog"], themas=["lezen"])
    wp.werkgroepen.lid(groep.id, anna.id, rol="leider")
    wp.logboek.schrijf(groep.id, "Eerste overleg", auteur=anna.id)
    wp.logboek.schrijf(groep.id, "YILMAZ belde; mail anna.de.vries@school.example", auteur=anna.id)
    wp.cycli.start(groep.id, aanleiding="Minder leesplezier", vraag="Wat helpt?")
    wp.cycli.beginsituatie(groep.id, tekst="40% leest graag", bronnen=["enquête"])
    wp.cycli.doel(
        groep.id, tekst="60%", visie="eigenaarschap", indicatoren=[("plezier", "%", 40, 60)]
    )
    wp.cycli.plan(groep.id, acties=[("voorlezen", None, None)], literatuur=["boek"])
    wp.cycli.uitvoeren(groep.id)
    klok.zet(DAG - dt.timedelta(days=30))
    wp.cycli.meting(groep.id, indicator="plezier", waarde=50)
    besluit = wp.besluitvorming.nieuw("Stillezen", werkgroep=groep.id, thema="lezen")
    wp.besluitvorming.voorstel(besluit.id, "Elke ochtend", leider=anna.id)
    wp.besluitvorming.feedback_open(besluit.id, tot=DAG + dt.timedelta(days=7))
    wp.besluitvorming.feedback(besluit.id, "Goed", extern="Een ouder")
    del vandaag
    return root


# --- what a damaged file looks like ----------------------------------------------------------

_TEKST = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(["", " ", "\x00", "\u202e", '"', "'''", "[x]", "a = 1", "😀", "ı", "İ"]),
)
_WAARDE: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=True, allow_infinity=True),
        _TEKST,
        st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    ),
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(_TEKST, kind, max_size=3),
    max_leaves=8,
)


def _paden(data: Any, pad: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield pad
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paden(v, (*pad, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paden(v, (*pad, i))


def _zet(data: Any, pad: tuple[Any, ...], waarde: Any) -> Any:
    if not pad:
        return waarde
    houder = data
    for stap in pad[:-1]:
        houder = houder[stap]
    if waarde is None and isinstance(houder, dict):
        houder.pop(pad[-1], None)
    elif waarde is not None:
        houder[pad[-1]] = waarde
    return data


def _schoon(waarde: Any) -> Any:
    """What tomli-w can write of a drawn value (no None inside; no null in TOML)."""
    if isinstance(waarde, dict):
        return {k: _schoon(v) for k, v in waarde.items() if v is not None}
    if isinstance(waarde, list):
        return [_schoon(v) for v in waarde if v is not None]
    return waarde


def _bytes(draw: st.DrawFn, inhoud: bytes) -> bytes:
    nieuw = bytearray(inhoud)
    for plek in draw(st.lists(st.integers(0, max(0, len(inhoud) - 1)), min_size=1, max_size=4)):
        if nieuw:
            nieuw[plek] = draw(st.integers(0, 255))
    return bytes(nieuw)


def _waarde(draw: st.DrawFn, inhoud: bytes) -> bytes:
    data = tomllib.loads(inhoud.decode("utf-8"))
    plek = draw(st.sampled_from(list(_paden(data))[1:] or [()]))
    try:
        return tomli_w.dumps(_schoon(_zet(data, plek, draw(_WAARDE)))).encode()
    except (TypeError, ValueError):
        return inhoud


def _dubbel(_draw: st.DrawFn, inhoud: bytes) -> bytes:
    eerste = inhoud.split(b"\n", 2)
    return b"\n".join([eerste[0], *eerste]) if len(eerste) > 1 else inhoud


_SCHADE = {
    "bytes": _bytes,
    "knip": lambda draw, inhoud: inhoud[: draw(st.integers(0, len(inhoud)))],
    "waarde": _waarde,
    "sleutel": lambda draw, inhoud: (
        inhoud + f"\n{draw(st.sampled_from(['x', 'naam', 'schema']))} = 1\n".encode()
    ),
    "dubbel": _dubbel,
    "diep": lambda draw, inhoud: (
        inhoud + b"\nx = " + b"[" * (n := draw(st.integers(10, 700))) + b"]" * n + b"\n"
    ),
}


@st.composite
def beschadiging(draw: st.DrawFn, bestanden: list[Path]) -> tuple[Path, bytes] | None:
    """One file and the damaged bytes it gets, or None for an undamaged werkplaats."""
    if draw(st.booleans()):
        return None
    pad = draw(st.sampled_from(bestanden))
    soort = draw(st.sampled_from(sorted(_SCHADE)))
    return pad, _SCHADE[soort](draw, pad.read_bytes())


# --- what people and scripts type -------------------------------------------------------------

_REF = st.sampled_from(
    ["lezen", "Lezen groep 4", "le", "anna", "Anna de Vries", "regenboog", "stillezen", "x"]
) | _TEKST.filter(lambda t: "\x00" not in t)
_NAAMVORM = st.sampled_from(["Mehmet Yılmaz", "YILMAZ", "yilmaz", "MEHMET", "anna.de.vries@x.nl"])
_GETAL = st.sampled_from(
    ["1", "-0", "1e308", "1.7e308", "-1e400", "nan", "inf", "6,5", "48%", "1e16", "0.1", "abc"]
)
_DATUM = st.sampled_from(
    ["2026-11-23", "2026-11-24", "9999-12-31", "0001-01-01", "2026-02-30", "gisteren", "1-6-2027"]
)
_UIT = st.sampled_from(
    ["export/uit", "export/uit.md", "onderzoekscyclus.toml", ".onderzoekscyclus", "scholen", "."]
)


def _opdrachten() -> st.SearchStrategy[list[str]]:
    t = st.one_of(_NAAMVORM, _NAAMVORM, _TEKST).filter(lambda s: "\x00" not in s)
    export = st.builds(
        lambda f, u, p: ["export", f, "--uit", u, *(["--pseudoniem"] if p else [])],
        st.sampled_from(
            ["json", "csv", "markdown", "ics", "poster", "xlsx", "graphml", "gexf", "dot"]
        ),
        _UIT,
        st.booleans(),
    )
    return st.one_of(
        export,
        export,
        st.builds(lambda r, x: ["log", r, x], _REF, t),
        st.just(["status"]),
        st.just(["controleer"]),
        st.builds(lambda r, x: ["log", r, x], _REF, t),
        st.builds(lambda r, x, d: ["log", r, x, "--datum", d], _REF, t, _DATUM),
        st.builds(
            lambda r, g, d: (
                ["cyclus", "meting", r, "--indicator", "plezier", "--waarde", g, "--datum", d]
            ),
            _REF,
            _GETAL,
            _DATUM,
        ),
        st.builds(lambda r: ["cyclus", "toon", r], _REF),
        st.builds(
            lambda r, x: ["cyclus", "evaluatie", r, "--conclusie", "deels", "--tekst", x], _REF, t
        ),
        st.builds(lambda r, x: ["besluit", "feedback", r, x, "--extern", "Een ouder"], _REF, t),
        st.builds(lambda r, d: ["besluit", "borg", r, "--herevaluatie", d], _REF, _DATUM),
        st.builds(lambda r: ["besluit", "toon", r], _REF),
        st.builds(
            lambda n, b, s: ["school", "toevoegen", n, "--brin", b, "--sector", s],
            t,
            st.sampled_from(["13AB", "12AB", "xx", ""]),
            st.sampled_from(["po", "vo", "poo"]),
        ),
        st.builds(lambda n, r: ["persoon", "toevoegen", n, "--school", r], t, _REF),
        st.builds(
            lambda g, p, r: ["werkgroep", "lid", g, p, "--rol", r],
            _REF,
            _REF,
            st.sampled_from(["lid", "baas"]),
        ),
        st.builds(lambda r: ["werkgroep", "toon", r], _REF),
        st.builds(lambda r: ["thema", "scholen", r], _REF),
        st.builds(lambda r: ["expertise", "toon", r], _REF),
        st.builds(lambda: ["migreer"]),
    )


# --- the property -------------------------------------------------------------------------------


def _momentopname(map_: Path, *, zonder: str | None = None) -> dict[str, bytes]:
    return {
        str(p.relative_to(map_)): p.read_bytes() if p.is_file() else b"<map>"
        for p in sorted(map_.rglob("*"))
        if not (zonder and p.relative_to(map_).parts[0] == zonder) and not p.is_symlink()
    }


class Vastgelopen(Exception):
    """A command that did not finish within its time."""


def _stop(_signaal: int, _frame: object) -> None:
    raise Vastgelopen


def _draai(root: Path, opdracht: list[str]) -> Any:
    """Run ``ozc`` in-process in ``root``, stopped after 20 seconds."""
    from onderzoekscyclus.cli._root import ozc

    huidig = Path.cwd()
    os.chdir(root)
    oud = signal.signal(signal.SIGALRM, _stop)
    signal.setitimer(signal.ITIMER_REAL, 20)
    try:
        return CliRunner().invoke(ozc, ["--werkplaats", str(root), *opdracht])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, oud)
        os.chdir(huidig)


@settings(
    max_examples=GEVALLEN,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_geen_crash_geen_schade_niets_erbuiten(sjabloon: Path, data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tijdelijk:
        basis = Path(tijdelijk)
        root = basis / "wp"
        shutil.copytree(sjabloon, root)
        (basis / "export").mkdir()
        elders = basis / "elders"
        elders.mkdir()
        (elders / "niet-aankomen.txt").write_text("van iemand anders", encoding="utf-8")
        bestanden = sorted(p for p in root.rglob("*.toml") if ".onderzoekscyclus" not in p.parts)
        schade = data.draw(beschadiging(bestanden), label="beschadiging")
        if schade is not None:
            schade[0].write_bytes(schade[1])
        buiten = _momentopname(basis, zonder="wp")
        for opdracht in data.draw(
            st.lists(_opdrachten(), min_size=1, max_size=3), label="opdrachten"
        ):
            voor = _momentopname(root, zonder=".onderzoekscyclus")
            uitkomst = _draai(root, opdracht)
            uitvoer = uitkomst.stdout + uitkomst.stderr
            assert not isinstance(uitkomst.exception, Vastgelopen), opdracht
            assert uitkomst.exit_code in BELOOFD, (uitkomst.exit_code, opdracht, uitvoer)
            assert uitkomst.exception is None or isinstance(uitkomst.exception, SystemExit), (
                uitkomst.exception
            )
            assert "Traceback" not in uitvoer
            if uitkomst.exit_code != 0:
                assert _momentopname(root, zonder=".onderzoekscyclus") == voor, (opdracht, uitvoer)
        nu = _momentopname(basis, zonder="wp")
        assert {k: v for k, v in nu.items() if not k.startswith("export")} == {
            k: v for k, v in buiten.items() if not k.startswith("export")
        }
