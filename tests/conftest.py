"""Shared fixtures: every test gets its own werkplaats in a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from onderzoekscyclus import Werkplaats

from .grondig import GRONDIG

settings.register_profile(
    "ozc",
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)
settings.register_profile("grondig", parent=settings.get_profile("ozc"), max_examples=1000)
settings.load_profile("grondig" if GRONDIG else "ozc")


@pytest.fixture(autouse=True)
def _vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests do not depend on the caller's environment or language, nor on each other:
    a test that switches to English (`--taal en` in-process) leaves Dutch behind."""
    from onderzoekscyclus.cli import kies_cli_taal

    for naam in ("ONDERZOEKSCYCLUS_WERKPLAATS", "ONDERZOEKSCYCLUS_TAAL", "ONDERZOEKSCYCLUS_DEBUG"):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-11-23")
    yield
    kies_cli_taal(["--taal", "nl"])


@pytest.fixture
def werkplaats(tmp_path: Path) -> Werkplaats:
    """A new, empty werkplaats whose clock is the CLI's: ``ONDERZOEKSCYCLUS_VANDAAG``
    (2026-11-23 unless a test moves it), so a test can move "today" for the library and
    for the real ``ozc`` alike."""
    from onderzoekscyclus.cli._uitvoer import vandaag

    return Werkplaats.maak(tmp_path / "wp", "Test", vandaag=vandaag)


@pytest.fixture
def gevulde_werkplaats(werkplaats: Werkplaats) -> Werkplaats:
    """De Regenboog with a vision, Anna de Vries, and the werkgroep Rekenen groep 5-8."""
    werkplaats.scholen.toevoegen("De Regenboog", brin="12AB", sector="po", cluster="Noord")
    werkplaats.scholen.profiel(
        "De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"}, speerpunten=["rekenen"]
    )
    werkplaats.personen.toevoegen(
        "Anna de Vries", school="De Regenboog", rollen=["intern-begeleider"], expertise=["rekenen"]
    )
    werkplaats.werkgroepen.toevoegen(
        "Rekenen groep 5-8", scholen=["De Regenboog"], themas=["rekenen"]
    )
    werkplaats.werkgroepen.lid("rekenen", "Anna", rol="leider")
    werkplaats.logboek.schrijf("rekenen", "Toetsresultaten besproken", auteur="Anna")
    return werkplaats


class Ozc:
    """Runs ``ozc`` in-process, with stdout and stderr kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, invoer: str | None = None) -> Result:
        from onderzoekscyclus.cli._root import ozc

        return self.runner.invoke(ozc, list(args), input=invoer, catch_exceptions=False)


@pytest.fixture
def ozc() -> Ozc:
    """Call as ``ozc("school", "lijst")``; runs in the current folder."""
    return Ozc()


def momentopname(map_: Path) -> dict[str, bytes]:
    """Every file under ``map_`` (except the lock) with its bytes."""
    return {
        p.relative_to(map_).as_posix(): p.read_bytes()
        for p in sorted(map_.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


@pytest.fixture
def in_map(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Change the current folder for the duration of a test: ``in_map(pad)``."""
    yield monkeypatch.chdir


def geweigerd(stap: Callable[[], object], code: str, *woorden: str) -> str:
    """Run ``stap``: it must be refused with reason ``code``; each of ``woorden`` must be in
    the message or in the hints the CLI adds (the command to type next). Returns both."""
    from onderzoekscyclus.cli.hints import hints
    from onderzoekscyclus.errors import Geweigerd

    with pytest.raises(Geweigerd) as fout:
        stap()
    assert code in fout.value.codes, fout.value.codes
    tekst = "\n".join([str(fout.value), *hints(fout.value)])
    for woord in woorden:
        assert woord in tekst, tekst
    assert fout.value.exit_code == 3
    return tekst
