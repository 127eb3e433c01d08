"""The state-machine engine: declared as data, checked, and refusing with reasons."""

from __future__ import annotations

import datetime as dt
import enum

import attrs
import pytest

from onderzoekscyclus.domein.machine import Geweigerd, Machine, Overgang, Overgangsregel

D = dt.date(2026, 3, 1)


class Stand(enum.StrEnum):
    DICHT = "dicht"
    OPEN = "open"


@attrs.frozen
class Deur:
    fase: Stand = Stand.DICHT
    sleutel: bool = False
    historie: tuple[Overgangsregel, ...] = ()


def _sleutel(deur: Deur) -> str | None:
    return None if deur.sleutel else "de deur zit op slot. Gebruik de sleutel."


DEUR = Machine(
    naam="deur",
    toestanden=("dicht", "open"),
    begin="dicht",
    overgangen=(
        Overgang("open", ("dicht",), "open", (_sleutel,)),
        Overgang("sluit", ("open",), "dicht"),
    ),
    wat_nu={"open": "sluit de deur eerst"},
)


def test_declaratie_wordt_gecontroleerd() -> None:
    """Undeclared states and a transition declared twice are refused at definition."""
    with pytest.raises(ValueError, match="undeclared"):
        Machine(naam="x", toestanden=("a",), begin="a", overgangen=(Overgang("t", ("a",), "b"),))
    with pytest.raises(ValueError, match="twice"):
        Machine(
            naam="x",
            toestanden=("a", "b"),
            begin="a",
            overgangen=(Overgang("t", ("a",), "b"), Overgang("t", ("a",), "a")),
        )
    with pytest.raises(ValueError, match="begin"):
        Machine(naam="x", toestanden=("a",), begin="z", overgangen=())


def test_weigering_met_reden_laat_het_object_ongemoeid() -> None:
    """A guard's reason is in the error; the object is unchanged."""
    deur = Deur()
    with pytest.raises(Geweigerd) as fout:
        DEUR.voer_uit(deur, "open", datum=D, bericht="Kan niet open")
    assert fout.value.redenen == ("de deur zit op slot. Gebruik de sleutel.",)
    assert str(fout.value) == "Kan niet open: de deur zit op slot. Gebruik de sleutel."
    assert deur == Deur()


def test_overgang_wordt_vastgelegd() -> None:
    """Who, when, from, to and why are recorded, in order; the state keeps its type."""
    deur = DEUR.voer_uit(Deur(sleutel=True), "open", datum=D, wie="persoon-abc234", reden="lucht")
    deur = DEUR.voer_uit(deur, "sluit", datum=D + dt.timedelta(days=1))
    assert deur.fase is Stand.DICHT
    assert [(r.overgang, r.van, r.naar, r.wie, r.reden) for r in deur.historie] == [
        ("open", "dicht", "open", "persoon-abc234", "lucht"),
        ("sluit", "open", "dicht", None, None),
    ]


def test_niet_mogelijk_in_deze_toestand_zegt_wat_nu() -> None:
    """An operation not declared from the current state says what has to happen first."""
    deur = DEUR.voer_uit(Deur(sleutel=True), "open", datum=D)
    assert DEUR.redenen(deur, "open") == ["'open' kan niet in fase 'open'; sluit de deur eerst"]


def test_mermaid() -> None:
    """The diagram lists every transition."""
    assert DEUR.mermaid() == (
        "stateDiagram-v2\n    [*] --> dicht\n    dicht --> open: open\n    open --> dicht: sluit\n"
    )
