"""Options are never resolved silently: what is given twice, or two ways at once, is
refused; and a "replace" replaces only the thing it names.

click would keep the last of two values (`--datum A --datum B`) or of two flags for one
value (`--niet-overgenomen --deels`), so a pasted line or a typo decided what was
stored. Every command of `ozc` refuses that instead (exit code 2), before it reads or
writes anything.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator

import click
import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.cli._eenmalig import Groep, Opdracht
from onderzoekscyclus.cli._root import ozc as root

from .conftest import Ozc, momentopname


def _opdrachten(
    groep: click.Group, pad: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    ctx = click.Context(groep)
    for naam in groep.list_commands(ctx):
        opdracht = groep.get_command(ctx, naam)
        assert opdracht is not None
        yield (*pad, naam), opdracht
        if isinstance(opdracht, click.Group):
            yield from _opdrachten(opdracht, (*pad, naam))


ALLE = [((), root), *_opdrachten(root)]


def _enkelvoudig(opdracht: click.Command) -> list[click.Option]:
    """The options of ``opdracht`` that hold one value (or are one flag)."""
    return [
        p
        for p in opdracht.params
        if isinstance(p, click.Option) and not (p.multiple or p.count or p.is_eager)
    ]


def test_elke_opdracht_is_er_een_die_herhaling_weigert() -> None:
    """Every command and group of the tree, also ones added later, is of the classes
    that refuse an option given twice."""
    for pad, opdracht in ALLE:
        assert isinstance(opdracht, Groep if isinstance(opdracht, click.Group) else Opdracht), pad


@pytest.mark.parametrize(
    ("pad", "optie"),
    [(pad, optie) for pad, opdracht in ALLE for optie in _enkelvoudig(opdracht)],
    ids=lambda x: " ".join(x) if isinstance(x, tuple) else x.opts[0],
)
def test_een_optie_met_een_waarde_twee_keer_wordt_geweigerd(
    pad: tuple[str, ...], optie: click.Option, ozc: Ozc
) -> None:
    """Every single-value option and flag of every command, given twice, is refused with
    its name, before anything is read (there is not even a werkplaats here)."""
    naam = optie.opts[0]
    keer = [naam, naam] if optie.is_flag else [naam, "een", naam, "twee"]
    args = [*keer, *pad] if not pad else [*pad, *keer]
    uit = ozc(*args)
    assert uit.exit_code == 2, uit.output
    assert f"{naam} is 2 keer gegeven; geef die optie één keer." in uit.stderr


def test_vlaggen_voor_een_waarde_sluiten_elkaar_uit(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`besluit reageer … --niet-overgenomen --deels` (it stored `deels`) is refused and
    stores nothing; one of them is accepted."""
    wp = gevulde_werkplaats
    monkeypatch.chdir(wp.root)
    wp.besluitvorming.nieuw("Verhaaltjessommen", werkgroep="rekenen", thema="rekenen")
    wp.besluitvorming.voorstel("Verhaaltjessommen", "Drieslag", leider="Anna")
    wp.besluitvorming.feedback_open("Verhaaltjessommen", tot=_dag(wp, 14))
    wp.besluitvorming.feedback("Verhaaltjessommen", "Ook groep 4", door="Anna")
    voor = momentopname(wp.root)
    reageer = ("besluit", "reageer", "Verhaaltjessommen", "1", "--motivatie", "m")
    uit = ozc(*reageer, "--niet-overgenomen", "--deels")
    assert uit.exit_code == 2
    assert "--niet-overgenomen en --deels sluiten elkaar uit; kies er één." in uit.stderr
    assert momentopname(wp.root) == voor
    assert ozc(*reageer, "--deels").exit_code == 0
    reactie = wp.besluitvorming.zoek("Verhaaltjessommen").feedback[0].reactie
    assert reactie is not None and reactie.oordeel.value == "deels"


def _dag(wp: Werkplaats, dagen: int) -> dt.date:
    return wp.scholen.vandaag() + dt.timedelta(days=dagen)


@pytest.mark.parametrize(
    ("opties", "soorten"),
    [
        (
            ["--bron", "A", "--bron-soort", "toets", "--bron", "B", "--bron-soort", "observatie"],
            ["toets", "observatie"],
        ),
        (
            ["--bron", "A", "--bron", "B", "--bron-soort", "toets", "--bron-soort", "observatie"],
            ["toets", "observatie"],
        ),
        (["--bron", "A", "--bron", "B", "--bron-soort", "toets"], ["toets", "toets"]),
        (["--bron-soort", "toets", "--bron", "A", "--bron", "B"], ["toets", "toets"]),
        (["--bron", "A", "--bron", "B"], ["document", "document"]),
    ],
)
def test_elke_bron_zijn_eigen_soort_of_een_voor_allemaal(
    opties: list[str],
    soorten: list[str],
    gevulde_werkplaats: Werkplaats,
    ozc: Ozc,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each --bron gets its own --bron-soort in order, or one --bron-soort is for all
    (before the first --bron or after the last); without one, a bron is a document."""
    monkeypatch.chdir(gevulde_werkplaats.root)
    gevulde_werkplaats.cycli.start("rekenen", aanleiding="a", vraag="v")
    uit = ozc("cyclus", "beginsituatie", "rekenen", "--tekst", "t", *opties)
    assert uit.exit_code == 0, uit.output
    bronnen = gevulde_werkplaats.werkgroepen.zoek("rekenen").cycli[0].bronnen
    assert [(b.beschrijving, b.soort) for b in bronnen] == list(zip("AB", soorten, strict=True))


@pytest.mark.parametrize(
    ("opties", "melding"),
    [
        (
            ["--bron", "A", "--bron-soort", "toets", "--bron", "B"],
            "Nu staan er 2 keer --bron en 1 keer --bron-soort.",
        ),
        (
            ["--bron", "A", "--bron", "B", "--bron", "C", "--bron-soort", "x", "--bron-soort", "y"],
            "Nu staan er 3 keer --bron en 2 keer --bron-soort.",
        ),
        (["--bron-soort", "toets"], "--bron-soort hoort bij een --bron, maar er is geen --bron."),
    ],
)
def test_een_dubbelzinnige_bron_soort_wordt_geweigerd(
    opties: list[str],
    melding: str,
    gevulde_werkplaats: Werkplaats,
    ozc: Ozc,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One --bron-soort between two --bron, or a number that is neither one nor one per
    bron, could be read two ways: refused, nothing stored."""
    monkeypatch.chdir(gevulde_werkplaats.root)
    gevulde_werkplaats.cycli.start("rekenen", aanleiding="a", vraag="v")
    voor = momentopname(gevulde_werkplaats.root)
    uit = ozc("cyclus", "beginsituatie", "rekenen", "--tekst", "t", *opties)
    assert uit.exit_code == 2
    assert melding in uit.stderr
    assert momentopname(gevulde_werkplaats.root) == voor


def _profiel(wp: Werkplaats) -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...]]:
    school = wp.scholen.zoek("De Regenboog")
    return (
        {v.sleutel: v.tekst for v in school.visie},
        school.profiel.trots,
        school.profiel.speerpunten,
    )


def test_vervangen_vervangt_alleen_wat_het_noemt(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fixing one vision text leaves trots and speerpunten alone; --vervang-trots replaces
    the trots only, --vervang-speerpunten (without --speerpunt) empties the speerpunten
    only. The old --vervang, which wiped both, is gone from the command line."""
    wp = gevulde_werkplaats
    monkeypatch.chdir(wp.root)
    wp.scholen.profiel("De Regenboog", trots=["Coöperatief leren"])
    profiel = ("school", "profiel", "De Regenboog")
    assert ozc(*profiel, "--visie", "eigenaarschap=Leerlingen sturen zelf").exit_code == 0
    assert _profiel(wp) == (
        {"eigenaarschap": "Leerlingen sturen zelf"},
        ("Coöperatief leren",),
        ("rekenen",),
    )
    assert ozc(*profiel, "--visie", "eigenaarschap=x", "--vervang").exit_code == 2
    assert ozc(*profiel, "--vervang-trots", "--trots", "Onderzoekend leren").exit_code == 0
    assert _profiel(wp)[1:] == (("Onderzoekend leren",), ("rekenen",))
    assert ozc(*profiel, "--vervang-speerpunten").exit_code == 0
    assert _profiel(wp)[1:] == (("Onderzoekend leren",), ())


def test_vervang_in_de_bibliotheek_werkt_nog_met_een_waarschuwing(
    gevulde_werkplaats: Werkplaats,
) -> None:
    """``Scholen.profiel(vervang=True)`` keeps its old meaning for one release, with a
    DeprecationWarning that names what to use."""
    wp = gevulde_werkplaats
    wp.scholen.profiel("De Regenboog", trots=["Coöperatief leren"])
    with warnings.catch_warnings(record=True) as gevangen:
        warnings.simplefilter("always")
        wp.scholen.profiel("De Regenboog", trots=["Nieuw"], vervang=True)
    assert [w.category for w in gevangen] == [DeprecationWarning]
    assert "vervang_trots" in str(gevangen[0].message)
    assert gevangen[0].filename == __file__
    assert _profiel(wp)[1:] == (("Nieuw",), ())
