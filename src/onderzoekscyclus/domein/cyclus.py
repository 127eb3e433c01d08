"""The research cycle (onderzoekscyclus) of a werkgroep, as a state machine.

A werkgroep answers four questions, one phase at a time: where are we now and what
shows it (``beginsituatie``, with at least one bron); where do we want to be and why
(``doel``: a link to the school's vision, and indicators with a baseline and a target,
set before the plan); what will we do, grounded in literature or in what worked
elsewhere (``verbeterplan``); and did we get there (``uitvoering`` with measurements
over time, ``evaluatie`` against the targets). Then the cycle is ``afgerond`` and the
next one starts from its evaluation.

Every operation is a pure function: it returns a new cycle or raises
:class:`~onderzoekscyclus.domein.machine.Geweigerd` with every reason, leaving the cycle
as it was.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Literal

import attrs

from onderzoekscyclus.domein import velden
from onderzoekscyclus.domein.machine import Overgangsregel
from onderzoekscyclus.domein.tekst import niet_leeg, vergelijkbaar
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = [
    "Actie",
    "Bron",
    "Conclusie",
    "ConclusieWaarde",
    "Evaluatie",
    "Fase",
    "FaseWaarde",
    "Indicator",
    "IndicatorResultaat",
    "Kwaliteitselement",
    "Methodekwaliteit",
    "Meting",
    "Onderbouwing",
    "Onderzoekscyclus",
    "Pauze",
    "methodekwaliteit",
    "resultaten_van",
]


class Fase(enum.StrEnum):
    """The phases of a research cycle, in order."""

    AANLEIDING = "aanleiding"
    BEGINSITUATIE = "beginsituatie"
    DOEL = "doel"
    VERBETERPLAN = "verbeterplan"
    UITVOERING = "uitvoering"
    EVALUATIE = "evaluatie"
    AFGEROND = "afgerond"


FaseWaarde = Literal[
    "aanleiding", "beginsituatie", "doel", "verbeterplan", "uitvoering", "evaluatie", "afgerond"
]
"""A :class:`Fase` as text."""


class Pauze(enum.StrEnum):
    """The state of a paused cycle: it keeps its phase (``fase``) and waits."""

    GEPAUZEERD = "gepauzeerd"


class Conclusie(enum.StrEnum):
    """How far the goal was reached."""

    BEREIKT = "bereikt"
    DEELS = "deels"
    NIET_BEREIKT = "niet-bereikt"


ConclusieWaarde = Literal["bereikt", "deels", "niet-bereikt"]
"""A :class:`Conclusie` as text."""


def _conclusie(waarde: Any) -> Conclusie:
    return velden.naar_enum(Conclusie, "conclusie")(waarde)


@attrs.frozen
class Bron:
    """Evidence for the starting point: what shows where the school stands."""

    beschrijving: str = attrs.field(validator=niet_leeg)
    datum: dt.date = attrs.field(validator=velden.datum)
    soort: str = "document"


@attrs.frozen
class Indicator:
    """A measurable sign of the goal, with its baseline (nulmeting) and target.

    ``achteraf`` marks an indicator that was added after the plan was made: allowed,
    but it no longer counts as a target set beforehand.
    """

    naam: str = attrs.field(validator=niet_leeg)
    eenheid: str
    nulmeting: float = attrs.field(validator=velden.eindig)
    streefwaarde: float = attrs.field(validator=velden.eindig)
    vastgesteld: dt.date = attrs.field(validator=velden.datum)
    achteraf: bool = False


@attrs.frozen
class Actie:
    """One action of the improvement plan: what, who and when."""

    wat: str = attrs.field(validator=niet_leeg)
    wie: str | None = None
    wanneer: str | None = None


@attrs.frozen
class Onderbouwing:
    """What the plan is grounded in: literature, or another werkgroep's cycle."""

    literatuur: str | None = None
    werkgroep: str | None = None
    cyclus: int | None = None

    def __attrs_post_init__(self) -> None:
        if (self.literatuur is None) == (self.werkgroep is None):
            raise InvalidValue(
                _(
                    "Een onderbouwing is óf een literatuurverwijzing óf een cyclus van een andere werkgroep."
                )
            )


@attrs.frozen
class Meting:
    """A value of an indicator on a date."""

    indicator: str
    datum: dt.date = attrs.field(validator=velden.datum)
    waarde: float = attrs.field(validator=velden.eindig)


@attrs.frozen
class Evaluatie:
    """The conclusion against the targets, and what the werkgroep learned."""

    conclusie: Conclusie = attrs.field(converter=_conclusie)
    tekst: str = attrs.field(validator=niet_leeg)
    datum: dt.date = attrs.field(validator=velden.datum)
    lessen: tuple[str, ...] = ()


@attrs.frozen
class Onderzoekscyclus:
    """One round of the research cycle of a werkgroep."""

    nummer: int
    aanleiding: str = attrs.field(validator=niet_leeg)
    vraag: str = attrs.field(validator=niet_leeg)
    gestart: dt.date = attrs.field(validator=velden.datum)
    fase: Fase = Fase.AANLEIDING
    gepauzeerd: bool = False
    vorige: int | None = None
    beginsituatie: str | None = None
    bronnen: tuple[Bron, ...] = ()
    doel: str | None = None
    visie: str | None = None
    indicatoren: tuple[Indicator, ...] = ()
    acties: tuple[Actie, ...] = ()
    onderbouwing: tuple[Onderbouwing, ...] = ()
    metingen: tuple[Meting, ...] = ()
    evaluatie: Evaluatie | None = None
    historie: tuple[Overgangsregel, ...] = ()

    @property
    def toestand(self) -> Fase | Pauze:
        """The state of the cycle's machine: its phase, or ``gepauzeerd``."""
        return Pauze.GEPAUZEERD if self.gepauzeerd else self.fase

    def indicator(self, naam: str) -> Indicator | None:
        """The indicator called ``naam`` (case and accents do not count)."""
        gezocht = vergelijkbaar(naam)
        return next((i for i in self.indicatoren if vergelijkbaar(i.naam) == gezocht), None)

    def metingen_van(self, indicator: str) -> tuple[Meting, ...]:
        """The measurements of one indicator, oldest first."""
        gezocht = vergelijkbaar(indicator)
        return tuple(
            sorted(
                (m for m in self.metingen if vergelijkbaar(m.indicator) == gezocht),
                key=lambda m: m.datum,
            )
        )


# --- what a cycle shows: results and method quality ------------------------------------


@attrs.frozen
class IndicatorResultaat:
    """An indicator's last value against its target."""

    indicator: str
    eenheid: str
    nulmeting: float
    streefwaarde: float
    laatste: float | None
    datum: dt.date | None
    metingen: int
    bereikt: bool | None


def resultaten_van(c: Onderzoekscyclus) -> list[IndicatorResultaat]:
    """Per indicator: the last measurement against the target (lower may be better)."""
    uit = []
    for ind in c.indicatoren:
        reeks = c.metingen_van(ind.naam)
        laatste = reeks[-1] if reeks else None
        bereikt = None
        if laatste is not None:
            omhoog = ind.streefwaarde >= ind.nulmeting
            bereikt = (
                laatste.waarde >= ind.streefwaarde if omhoog else laatste.waarde <= ind.streefwaarde
            )
        uit.append(
            IndicatorResultaat(
                indicator=ind.naam,
                eenheid=ind.eenheid,
                nulmeting=ind.nulmeting,
                streefwaarde=ind.streefwaarde,
                laatste=laatste.waarde if laatste else None,
                datum=laatste.datum if laatste else None,
                metingen=len(reeks),
                bereikt=bereikt,
            )
        )
    return uit


@attrs.frozen
class Kwaliteitselement:
    """One element of sound practitioner research, and whether the cycle documents it.

    ``sleutel`` is stable (``"bewijs"``, ``"visie"``, ``"meetbaar-doel"``,
    ``"onderbouwd-plan"``, ``"data-over-tijd"``, ``"conclusie"``, ``"vervolg"``);
    ``omschrijving`` says it in words.
    """

    sleutel: str
    omschrijving: str
    aanwezig: bool


@attrs.frozen
class Methodekwaliteit:
    """Which elements of the method a cycle documents: "5 van 7"."""

    elementen: tuple[Kwaliteitselement, ...]

    @property
    def score(self) -> int:
        """How many elements are documented."""
        return sum(e.aanwezig for e in self.elementen)

    @property
    def totaal(self) -> int:
        """How many elements there are."""
        return len(self.elementen)

    def samenvatting(self) -> str:
        """``"5 van 7"``."""
        return _("{score} van {totaal}").format(score=self.score, totaal=self.totaal)

    def ontbreekt(self) -> tuple[Kwaliteitselement, ...]:
        """The elements still missing."""
        return tuple(e for e in self.elementen if not e.aanwezig)


def methodekwaliteit(c: Onderzoekscyclus, *, heeft_vervolg: bool) -> Methodekwaliteit:
    """The method quality of ``c``; ``heeft_vervolg``: a next cycle starts from it."""
    plan_datum = next((r.datum for r in c.historie if r.overgang == "plan"), None)
    voor_plan = any(
        not i.achteraf and (plan_datum is None or i.vastgesteld <= plan_datum)
        for i in c.indicatoren
    )
    data_over_tijd = any(len({m.datum for m in c.metingen_van(i.naam)}) >= 2 for i in c.indicatoren)
    elementen = (
        (
            "bewijs",
            _("bewijs voor de beginsituatie (een bron)"),
            bool(c.bronnen and c.beginsituatie),
        ),
        (
            "visie",
            _("het doel verwijst naar de visie van de school"),
            bool(c.visie),
        ),
        (
            "meetbaar-doel",
            _("een meetbaar doel (nulmeting en streefwaarde) vóór het plan"),
            voor_plan,
        ),
        (
            "onderbouwd-plan",
            _("een plan onderbouwd met literatuur of ervaringen elders"),
            bool(c.onderbouwing),
        ),
        (
            "data-over-tijd",
            _("gegevens op twee of meer momenten"),
            data_over_tijd,
        ),
        (
            "conclusie",
            _("een conclusie ten opzichte van het doel"),
            c.evaluatie is not None,
        ),
        (
            "vervolg",
            _("een volgende stap (een nieuwe cyclus)"),
            heeft_vervolg,
        ),
    )
    return Methodekwaliteit(
        tuple(Kwaliteitselement(sleutel=s, omschrijving=o, aanwezig=a) for s, o, a in elementen)
    )
