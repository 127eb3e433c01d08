"""A small state-machine engine, declared as data.

A :class:`Machine` lists its states (members of an enum) and every operation as a
declared :class:`Overgang`: the states it may start from, the state it leads to (or
none: a self-transition, such as adding a measurement), and guards. A guard looks at
the object as it would be after the operation and returns ``None`` when all is well or
a :class:`~onderzoekscyclus.errors.Reden`: a stable code with its data. The engine
performs only declared transitions, records each one (who, when, from, to, why) and
draws the machine as a Mermaid diagram for the docs, so the diagram shows every
operation there is.

A transition may lead back to the state before the current one (``naar_vorige``): that
is how resuming after a pause is declared. The engine finds that state in the history.

Dates follow one rule (:meth:`Machine.datum_redenen`): a step never lies after today,
and never before the step it follows. A transition may name another operation as its
date's anchor (``datum_vanaf``): it then lies on or after the last step of that
operation instead, so that facts of one period (the measurements of an uitvoering) can
be recorded in any order. Every other step lies on or after every step before it.

The engine knows nothing of cycles or decisions, and nothing of commands:
:mod:`onderzoekscyclus.domein.cyclus` and :mod:`onderzoekscyclus.domein.besluitvorming`
declare their machines with it; what a user types to get out of a refusal is the CLI's
business.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs

from onderzoekscyclus.domein import keuzes, velden
from onderzoekscyclus.domein.redenen import met_woorden, reden
from onderzoekscyclus.errors import Geweigerd, Reden
from onderzoekscyclus.i18n import _

__all__ = ["Eis", "Machine", "Overgang", "Overgangsregel", "datumredenen"]


T = TypeVar("T")
S = TypeVar("S", bound=enum.Enum)

Eis = Callable[[Any], Reden | None]
"""A guard: the reason it refuses, or ``None``."""


def datumredenen(datum: dt.date, vandaag: dt.date, vanaf: dt.date | None) -> list[Reden]:
    """Why ``datum`` cannot be the date of a step that may lie from ``vanaf`` (``None``:
    any day) up to and including ``vandaag``. Each reason carries the whole window
    (``vanaf``, ``vandaag``), so the way out can name the days that are allowed."""
    grenzen = {"vanaf": vanaf.isoformat() if vanaf else None, "vandaag": vandaag.isoformat()}
    if datum > vandaag:
        return [reden("datum.toekomst", datum=datum.isoformat(), **grenzen)]
    if vanaf is not None and datum < vanaf:
        return [
            reden("datum.volgorde", datum=datum.isoformat(), laatste=vanaf.isoformat(), **grenzen)
        ]
    return []


@attrs.frozen
class Overgangsregel:
    """One recorded transition: who did what when, from which state to which, and why.

    ``van`` is empty for the first record (the object was made); a self-transition has
    ``van == naar``.
    """

    datum: dt.date = attrs.field(validator=velden.datum)
    overgang: str
    van: str
    naar: str
    wie: str | None = None
    reden: str | None = None
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class Overgang(Generic[S]):
    """The operation ``naam`` from any state in ``van`` to ``naar``.

    Without ``naar`` the object stays in its state (a self-transition); with
    ``naar_vorige`` it returns to the state it had before it entered the current one.
    With ``datum_vanaf`` its date lies on or after the last step of that operation
    rather than after every step before it (see :meth:`Machine.vroegste`).
    """

    naam: str
    van: tuple[S, ...]
    naar: S | None = None
    eisen: tuple[Eis, ...] = ()
    naar_vorige: bool = False
    datum_vanaf: str | None = None


@attrs.frozen
class Machine(Generic[T, S]):
    """States and transitions of one kind of object, checked when declared.

    ``lees`` gives an object's state and ``zet`` the object in another state; ``historie``
    names the attribute that holds its :class:`Overgangsregel` records. ``volgende`` names,
    per state, the operation that moves the object on (used for "what now?").
    ``meldingen`` holds, per operation, the message (marked with ``N_``) shown when it is
    refused. ``terug`` names the operation that goes back a step, if there is one.
    """

    naam: str
    toestanden: tuple[S, ...]
    begin: S
    overgangen: tuple[Overgang[S], ...]
    lees: Callable[[T], S]
    zet: Callable[[T, S], T]
    meldingen: Mapping[str, str]
    volgende: Mapping[S, str] = attrs.field(factory=dict)
    historie: str = "historie"
    terug: str | None = None

    def __attrs_post_init__(self) -> None:
        bekend = set(self.toestanden)
        if self.begin not in bekend:
            raise ValueError(f"begin state {self.begin!r} is not declared")
        gezien: set[tuple[str, S]] = set()
        for overgang in self.overgangen:
            doelen = {overgang.naar} if overgang.naar is not None else set()
            onbekend = (doelen | set(overgang.van)) - bekend
            if onbekend:
                raise ValueError(f"transition {overgang.naam!r} uses undeclared {onbekend}")
            if overgang.naam not in self.meldingen:
                raise ValueError(f"transition {overgang.naam!r} has no message")
            for van in overgang.van:
                if (overgang.naam, van) in gezien:
                    raise ValueError(f"transition {overgang.naam!r} from {van!r} declared twice")
                gezien.add((overgang.naam, van))
            if overgang.datum_vanaf is not None and overgang.datum_vanaf not in self.meldingen:
                raise ValueError(
                    f"transition {overgang.naam!r} dates from undeclared {overgang.datum_vanaf!r}"
                )
        for toestand, operatie in self.volgende.items():
            if self.overgang(operatie, toestand) is None:
                raise ValueError(f"next step {operatie!r} is not declared from {toestand!r}")

    # --- asking --------------------------------------------------------------------------

    def overgang(self, naam: str, toestand: S) -> Overgang[S] | None:
        """The transition ``naam`` that may start in ``toestand``, if any."""
        return next((o for o in self.overgangen if o.naam == naam and toestand in o.van), None)

    def operaties(self, toestand: S) -> tuple[str, ...]:
        """Every operation that may start in ``toestand``, in declaration order."""
        return tuple(dict.fromkeys(o.naam for o in self.overgangen if toestand in o.van))

    def bericht(self, naam: str) -> str:
        """The message of a refused ``naam``, in the current language."""
        return _(self.meldingen[naam])

    def vroegste(
        self, historie: Sequence[Overgangsregel], naam: str, toestand: str | None = None
    ) -> dt.date | None:
        """The earliest date a step ``naam`` from ``toestand`` may have after ``historie``
        (``None``: any): the last step of its ``datum_vanaf`` operation (the first step
        while there is none of those), otherwise the latest step of all.

        .. versionchanged:: 0.2.0 ``toestand``: one operation may have another anchor in
           another state
        """
        anker = self._anker(naam, toestand)
        if anker is None or not historie:
            return max((r.datum for r in historie), default=None)
        return next((r.datum for r in reversed(historie) if r.overgang == anker), historie[0].datum)

    def datumgrenzen(self, historie: Sequence[Overgangsregel]) -> list[dt.date | None]:
        """For each step of ``historie``, :meth:`vroegste` after the steps before it."""
        uit: list[dt.date | None] = []
        hoogste: dt.date | None = None
        laatst: dict[str, dt.date] = {}
        for regel in historie:
            anker = self._anker(regel.overgang, regel.van)
            if anker is None or hoogste is None:
                uit.append(hoogste)
            else:
                uit.append(laatst.get(anker, historie[0].datum))
            hoogste = regel.datum if hoogste is None else max(hoogste, regel.datum)
            laatst[regel.overgang] = regel.datum
        return uit

    def _anker(self, naam: str, toestand: str | None) -> str | None:
        """The ``datum_vanaf`` of operation ``naam`` from the state with value
        ``toestand`` (any state when ``None``)."""
        return next(
            (
                o.datum_vanaf
                for o in self.overgangen
                if o.naam == naam
                and o.datum_vanaf is not None
                and (toestand is None or any(v.value == toestand for v in o.van))
            ),
            None,
        )

    def redenen(self, obj: T, naam: str) -> list[Reden]:
        """Why the operation ``naam`` is refused for ``obj`` (empty when it is allowed)."""
        toestand = self.lees(obj)
        overgang = self.overgang(naam, toestand)
        if overgang is None:
            return [self._verkeerde_toestand(naam, toestand)]
        return [r for r in (eis(obj) for eis in overgang.eisen) if r is not None]

    def _verkeerde_toestand(self, naam: str, toestand: S) -> Reden:
        fout = reden(
            "fase",
            operatie=naam,
            fase=str(toestand.value),
            volgende=self.volgende.get(toestand),
            eerder=self._eerder_mogelijk(naam, toestand),
        )
        return met_woorden(fout, {"fase": keuzes.naam(toestand)})

    def _eerder_mogelijk(self, naam: str, toestand: S) -> bool:
        """Whether going back (``terug``) leads to a state where ``naam`` may start."""
        if self.terug is None:
            return False
        gezien = {toestand}
        huidig: S | None = toestand
        while huidig is not None:
            stap = self.overgang(self.terug, huidig)
            huidig = stap.naar if stap is not None else None
            if huidig is None or huidig in gezien:
                return False
            if self.overgang(naam, huidig) is not None:
                return True
            gezien.add(huidig)
        return False

    # --- acting --------------------------------------------------------------------------

    def voer_uit(
        self,
        obj: T,
        naam: str,
        *,
        datum: dt.date,
        wie: str | None = None,
        reden: str | None = None,
        vandaag: dt.date | None = None,
    ) -> T:
        """``obj`` moved along the operation ``naam``, with the transition recorded.

        With ``vandaag`` the date is checked too: a step never lies in the future, and
        never before the step it follows. Raises
        :class:`~onderzoekscyclus.errors.Geweigerd` with every reason when the operation
        cannot start in this state or a guard refuses; ``obj`` itself never changes.
        """
        van = self.lees(obj)
        redenen = self.redenen(obj, naam)
        if vandaag is not None:
            redenen = [*self.datum_redenen(obj, datum, vandaag, naam), *redenen]
        if redenen:
            raise self.weigering(naam, van, redenen)
        overgang = self.overgang(naam, van)
        assert overgang is not None  # redenen() is empty only when there is one
        naar = self._doel(obj, overgang, van)
        regel = Overgangsregel(
            datum=datum,
            overgang=naam,
            van=str(van.value),
            naar=str(naar.value),
            wie=wie,
            reden=reden,
        )
        nieuw = self.zet(obj, naar) if naar is not van else obj
        return attrs.evolve(  # type: ignore[misc]
            nieuw, **{self.historie: (*getattr(obj, self.historie), regel)}
        )

    def weigering(self, naam: str, toestand: S, redenen: list[Reden]) -> Geweigerd:
        """The refusal of ``naam`` in ``toestand`` for ``redenen``."""
        return Geweigerd(
            self.bericht(naam),
            redenen,
            machine=self.naam,
            operatie=naam,
            toestand=str(toestand.value),
        )

    def datum_redenen(
        self, obj: T, datum: dt.date, vandaag: dt.date, naam: str | None = None
    ) -> list[Reden]:
        """Why ``datum`` cannot be the date of the next step (``naam``) of ``obj``: it lies
        after ``vandaag``, or before :meth:`vroegste`."""
        historie: tuple[Overgangsregel, ...] = getattr(obj, self.historie)
        vanaf = self.vroegste(historie, naam or "", self.lees(obj).value)
        return datumredenen(datum, vandaag, vanaf)

    def _doel(self, obj: T, overgang: Overgang[S], van: S) -> S:
        if overgang.naar_vorige:
            historie: tuple[Overgangsregel, ...] = getattr(obj, self.historie)
            for regel in reversed(historie):
                if regel.naar == van.value and regel.van != regel.naar:
                    return next(t for t in self.toestanden if t.value == regel.van)
            raise ValueError(f"no state before {van!r} in the history")
        return overgang.naar if overgang.naar is not None else van

    # --- drawing -------------------------------------------------------------------------

    def mermaid(self) -> str:
        """The machine as a Mermaid state diagram, every operation included.

        A state whose name is not a plain ASCII identifier (``ideeën``) gets a plain id
        with its name as the label, because Mermaid ids allow no accents. A
        self-transition is drawn as a loop; a return to the state before is drawn to
        every state it can return to.
        """
        namen = [str(t.value) for t in self.toestanden]
        ids = {n: n if n.isascii() and n.isidentifier() else f"s{i}" for i, n in enumerate(namen)}
        regels = ["stateDiagram-v2"]
        regels.extend(f'    state "{n}" as {ids[n]}' for n in namen if ids[n] != n)
        regels.append(f"    [*] --> {ids[str(self.begin.value)]}")
        for overgang in self.overgangen:
            for van in overgang.van:
                for naar in self._getekende_doelen(overgang, van):
                    regels.append(
                        f"    {ids[str(van.value)]} --> {ids[str(naar.value)]}: {overgang.naam}"
                    )
        eind = [n for t, n in zip(self.toestanden, namen, strict=True) if not self._verder(t)]
        regels.extend(f"    {ids[n]} --> [*]" for n in eind)
        return "\n".join(regels) + "\n"

    def _getekende_doelen(self, overgang: Overgang[S], van: S) -> list[S]:
        if not overgang.naar_vorige:
            return [overgang.naar if overgang.naar is not None else van]
        # every state from which an operation leads into `van`
        return [
            t
            for t in self.toestanden
            if any(o.naar is van and t in o.van for o in self.overgangen if o is not overgang)
        ]

    def _verder(self, toestand: S) -> bool:
        """Whether any operation leads out of ``toestand`` to another state."""
        return any(
            toestand in o.van and (o.naar_vorige or (o.naar is not None and o.naar is not toestand))
            for o in self.overgangen
        )
