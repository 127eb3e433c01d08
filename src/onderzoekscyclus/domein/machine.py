"""A small state-machine engine, declared as data.

A :class:`Machine` lists its states and its transitions; each transition names the
states it may start from, the state it leads to, and guards. A guard looks at the
object as it would be after the operation and returns ``None`` when all is well or
the reason it refuses (a Dutch sentence that says what is missing and how to supply
it). The engine records every transition it performs — who, when, from, to, why —
and draws the machine as a Mermaid diagram for the docs.

The engine knows nothing of cycles or decisions; :mod:`onderzoekscyclus.domein.cyclus` and the
decision model declare their machines with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import attrs

from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.i18n import _

__all__ = ["Eis", "Geweigerd", "Machine", "Overgang", "Overgangsregel"]

T = TypeVar("T")

Eis = Callable[[Any], "str | None"]
"""A guard: the reason it refuses, or ``None``."""


class Geweigerd(OnderzoekscyclusError):
    """An operation that the state machine refuses; ``redenen`` lists every reason."""

    exit_code = 3

    def __init__(self, bericht: str, redenen: Sequence[str] = ()) -> None:
        super().__init__(bericht)
        self.redenen = tuple(redenen)

    def __str__(self) -> str:
        if len(self.redenen) == 1:
            return f"{self.bericht}: {self.redenen[0]}"
        return "\n".join([self.bericht + ":", *(f"  - {r}" for r in self.redenen)])


@attrs.frozen
class Overgangsregel:
    """One recorded transition: who did what when, from which state to which, and why."""

    datum: dt.date
    overgang: str
    van: str
    naar: str
    wie: str | None = None
    reden: str | None = None


@attrs.frozen
class Overgang:
    """A transition called ``naam`` from any state in ``van`` to ``naar``."""

    naam: str
    van: tuple[str, ...]
    naar: str
    eisen: tuple[Eis, ...] = ()
    omschrijving: str = ""


def _weigering_zonder_overgang(naam: str, toestand: str) -> str:
    return _("'{naam}' kan niet in fase '{fase}'").format(naam=naam, fase=toestand)


@attrs.frozen
class Machine(Generic[T]):
    """States and transitions of one kind of object, checked when declared.

    ``toestand`` and ``historie`` name the attributes of the object that hold its state
    and its list of :class:`Overgangsregel`. ``wat_nu`` gives, per state, what has to
    happen before the object can move on; it is used when an operation is asked for in
    a state it cannot start from.
    """

    naam: str
    toestanden: tuple[str, ...]
    begin: str
    overgangen: tuple[Overgang, ...]
    wat_nu: dict[str, str] = attrs.field(factory=dict)
    toestand: str = "fase"
    historie: str = "historie"

    def __attrs_post_init__(self) -> None:
        bekend = set(self.toestanden)
        if self.begin not in bekend:
            raise ValueError(f"begin state {self.begin!r} is not declared")
        gezien: set[tuple[str, str]] = set()
        for overgang in self.overgangen:
            onbekend = {overgang.naar, *overgang.van} - bekend
            if onbekend:
                raise ValueError(f"transition {overgang.naam!r} uses undeclared {sorted(onbekend)}")
            for van in overgang.van:
                if (overgang.naam, van) in gezien:
                    raise ValueError(f"transition {overgang.naam!r} from {van!r} declared twice")
                gezien.add((overgang.naam, van))

    def overgang(self, naam: str, toestand: str) -> Overgang | None:
        """The transition ``naam`` that may start in ``toestand``, if any."""
        return next((o for o in self.overgangen if o.naam == naam and toestand in o.van), None)

    def redenen(self, obj: T, naam: str) -> list[str]:
        """Why transition ``naam`` is refused for ``obj`` (empty when it is allowed)."""
        toestand = str(getattr(obj, self.toestand))
        overgang = self.overgang(naam, toestand)
        if overgang is None:
            uitleg = self.wat_nu.get(toestand)
            reden = _weigering_zonder_overgang(naam, toestand)
            return [f"{reden}; {uitleg}" if uitleg else reden]
        return [r for r in (eis(obj) for eis in overgang.eisen) if r]

    def voer_uit(
        self,
        obj: T,
        naam: str,
        *,
        datum: dt.date,
        wie: str | None = None,
        reden: str | None = None,
        bericht: str | None = None,
    ) -> T:
        """``obj`` moved along transition ``naam``, with the transition recorded.

        Raises :class:`Geweigerd` with every reason when a guard refuses; ``obj``
        itself is never changed.
        """
        redenen = self.redenen(obj, naam)
        if redenen:
            raise Geweigerd(bericht or _("Dat kan nu niet"), redenen)
        van = str(getattr(obj, self.toestand))
        overgang = self.overgang(naam, van)
        assert overgang is not None  # redenen() is empty only when there is one
        regel = Overgangsregel(
            datum=datum, overgang=naam, van=van, naar=overgang.naar, wie=wie, reden=reden
        )
        return attrs.evolve(  # type: ignore[misc]
            obj,
            **{
                self.toestand: type(getattr(obj, self.toestand))(overgang.naar),
                self.historie: (*getattr(obj, self.historie), regel),
            },
        )

    def noteer(
        self,
        obj: T,
        naam: str,
        *,
        datum: dt.date,
        wie: str | None = None,
        reden: str | None = None,
    ) -> T:
        """``obj`` with an event recorded that does not change its state (a pause)."""
        toestand = str(getattr(obj, self.toestand))
        regel = Overgangsregel(
            datum=datum, overgang=naam, van=toestand, naar=toestand, wie=wie, reden=reden
        )
        return attrs.evolve(  # type: ignore[misc]
            obj, **{self.historie: (*getattr(obj, self.historie), regel)}
        )

    def mermaid(self) -> str:
        """The machine as a Mermaid state diagram.

        A state whose name is not a plain ASCII identifier (``ideeën``) gets a plain id
        with its name as the label, because Mermaid ids allow no accents.
        """
        ids = {
            t: t if t.isascii() and t.isidentifier() else f"s{i}"
            for i, t in enumerate(self.toestanden)
        }
        regels = ["stateDiagram-v2"]
        regels.extend(f'    state "{t}" as {ids[t]}' for t in self.toestanden if ids[t] != t)
        regels.append(f"    [*] --> {ids[self.begin]}")
        for overgang in self.overgangen:
            for van in overgang.van:
                regels.append(f"    {ids[van]} --> {ids[overgang.naar]}: {overgang.naam}")
        eind = [t for t in self.toestanden if not any(t in o.van for o in self.overgangen)]
        regels.extend(f"    {ids[t]} --> [*]" for t in eind)
        return "\n".join(regels) + "\n"
