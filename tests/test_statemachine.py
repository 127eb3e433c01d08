"""The state-machine engine: declared as data, checked, and refusing with reason codes."""

from __future__ import annotations

import datetime as dt
import enum

import attrs
import pytest

from onderzoekscyclus.domein.machine import Machine, Overgang, Overgangsregel
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.errors import Geweigerd, Reden

D = dt.date(2026, 3, 1)


class Stand(enum.StrEnum):
    DICHT = "dicht"
    OPEN = "open"
    KLEM = "klem"


@attrs.frozen
class Deur:
    fase: Stand = Stand.DICHT
    sleutel: bool = False
    kieren: int = 0
    historie: tuple[Overgangsregel, ...] = ()


def _sleutel(deur: Deur) -> Reden | None:
    return None if deur.sleutel else reden("beginsituatie.geen-bron")


def _deur(**extra: object) -> Machine[Deur, Stand]:
    velden: dict[str, object] = {
        "naam": "deur",
        "toestanden": tuple(Stand),
        "begin": Stand.DICHT,
        "overgangen": (
            Overgang("open", (Stand.DICHT,), Stand.OPEN, (_sleutel,)),
            Overgang("sluit", (Stand.OPEN,), Stand.DICHT),
            Overgang("kier", (Stand.OPEN,)),
            Overgang("klem", (Stand.OPEN, Stand.DICHT), Stand.KLEM),
            Overgang("los", (Stand.KLEM,), naar_vorige=True),
            Overgang("terug", (Stand.OPEN,), Stand.DICHT),
        ),
        "lees": lambda d: d.fase,
        "zet": lambda d, s: attrs.evolve(d, fase=s),
        "meldingen": dict.fromkeys(
            ("open", "sluit", "kier", "klem", "los", "terug"), "Dat lukt niet"
        ),
        "volgende": {Stand.DICHT: "open", Stand.OPEN: "sluit", Stand.KLEM: "los"},
        "terug": "terug",
    }
    velden.update(extra)
    return Machine(**velden)  # type: ignore[arg-type]


DEUR = _deur()


def test_declaratie_wordt_gecontroleerd() -> None:
    """Undeclared states, a transition declared twice, a transition without a message and
    a next step that cannot start in its state are refused when the machine is declared."""
    with pytest.raises(ValueError, match="undeclared"):
        _deur(toestanden=(Stand.DICHT, Stand.OPEN))
    with pytest.raises(ValueError, match="twice"):
        _deur(overgangen=(Overgang("sluit", (Stand.OPEN,)), Overgang("sluit", (Stand.OPEN,))))
    with pytest.raises(ValueError, match="no message"):
        _deur(meldingen={"open": "x"})
    with pytest.raises(ValueError, match="next step"):
        _deur(volgende={Stand.DICHT: "sluit"})
    with pytest.raises(ValueError, match="begin"):
        _deur(toestanden=(Stand.OPEN, Stand.KLEM), overgangen=(), volgende={})


def test_weigering_met_reden_code_laat_het_object_ongemoeid() -> None:
    """A guard's reason is in the error with its code; the object is unchanged."""
    deur = Deur()
    with pytest.raises(Geweigerd) as fout:
        DEUR.voer_uit(deur, "open", datum=D)
    assert fout.value.codes == ("beginsituatie.geen-bron",)
    assert (fout.value.machine, fout.value.operatie, fout.value.toestand) == (
        "deur",
        "open",
        "dicht",
    )
    assert str(fout.value).startswith("Dat lukt niet: ")
    assert deur == Deur()


def test_overgang_wordt_vastgelegd_ook_als_de_toestand_blijft() -> None:
    """Every transition is recorded: who, when, from, to, why; a self-transition too."""
    deur = DEUR.voer_uit(Deur(sleutel=True), "open", datum=D, wie="persoon-abc234", reden="lucht")
    deur = DEUR.voer_uit(deur, "kier", datum=D + dt.timedelta(days=1))
    assert deur.fase is Stand.OPEN
    assert [(h.overgang, h.van, h.naar, h.wie, h.reden) for h in deur.historie] == [
        ("open", "dicht", "open", "persoon-abc234", "lucht"),
        ("kier", "open", "open", None, None),
    ]


def test_niet_mogelijk_in_deze_toestand_geeft_de_volgende_stap() -> None:
    """An operation that cannot start in the state is refused with code ``fase``, the
    declared next step, and whether going back would make it possible."""
    deur = DEUR.voer_uit(Deur(sleutel=True), "open", datum=D)
    assert DEUR.redenen(deur, "open") == [
        Reden("fase", "", {"operatie": "open", "fase": "open", "volgende": "sluit", "eerder": True})
    ]
    assert DEUR.redenen(Deur(), "kier")[0].waarden["eerder"] is False


def test_terug_naar_de_vorige_toestand() -> None:
    """``naar_vorige`` returns to the state before the current one, found in the history."""
    open_ = DEUR.voer_uit(Deur(sleutel=True), "open", datum=D)
    for begin in (Deur(), open_):
        klem = DEUR.voer_uit(begin, "klem", datum=D)
        assert DEUR.voer_uit(klem, "los", datum=D).fase is begin.fase


def test_datum_in_de_toekomst_of_voor_de_vorige_stap_wordt_geweigerd() -> None:
    """With ``vandaag`` a step never lies after today, nor before the step it follows."""
    deur = DEUR.voer_uit(Deur(sleutel=True), "open", datum=D, vandaag=D)
    with pytest.raises(Geweigerd) as fout:
        DEUR.voer_uit(deur, "kier", datum=D + dt.timedelta(days=1), vandaag=D)
    assert fout.value.codes == ("datum.toekomst",)
    with pytest.raises(Geweigerd) as fout:
        DEUR.voer_uit(deur, "kier", datum=D - dt.timedelta(days=1), vandaag=D)
    assert fout.value.codes == ("datum.volgorde",)


def test_mermaid_toont_elke_operatie() -> None:
    """The diagram shows every operation: self-transitions as loops, a return to the state
    before to each state it can return to, and the end states."""
    assert DEUR.mermaid() == (
        "stateDiagram-v2\n"
        "    [*] --> dicht\n"
        "    dicht --> open: open\n"
        "    open --> dicht: sluit\n"
        "    open --> open: kier\n"
        "    open --> klem: klem\n"
        "    dicht --> klem: klem\n"
        "    klem --> dicht: los\n"
        "    klem --> open: los\n"
        "    open --> dicht: terug\n"
    )


def test_mermaid_met_namen_die_geen_id_kunnen_zijn() -> None:
    """States with accents get a plain id and keep their name as the label."""

    class Fase(enum.StrEnum):
        IDEEEN = "ideeën"
        KLAAR = "klaar"

    machine: Machine[Deur, Fase] = Machine(
        naam="x",
        toestanden=tuple(Fase),
        begin=Fase.IDEEEN,
        overgangen=(Overgang("verder", (Fase.IDEEEN,), Fase.KLAAR),),
        lees=lambda d: Fase.IDEEEN,
        zet=lambda d, s: d,
        meldingen={"verder": "x"},
    )
    assert machine.mermaid() == (
        "stateDiagram-v2\n"
        '    state "ideeën" as s0\n'
        "    [*] --> s0\n"
        "    s0 --> klaar: verder\n"
        "    klaar --> [*]\n"
    )
