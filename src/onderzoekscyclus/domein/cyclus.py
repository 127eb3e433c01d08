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
import re
from typing import Any

import attrs

from onderzoekscyclus.domein import velden
from onderzoekscyclus.domein.machine import Overgangsregel
from onderzoekscyclus.domein.tekst import niet_leeg, vergelijkbaar
from onderzoekscyclus.domein.tijd import dagen_tussen, hoe_vaak, in_kalender
from onderzoekscyclus.domein.waarden import Conclusie, ConclusieWaarde, Fase, FaseWaarde, Pauze
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _, ngettext

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
    "actie",
    "controleer_eenheid",
    "methodekwaliteit",
    "resultaten_van",
]


# numbers as people type them ("48%", "6,5"); a refusal names the field
def _nulmeting(waarde: Any) -> Any:
    return velden.naar_getal("nulmeting")(waarde)


def _streefwaarde(waarde: Any) -> Any:
    return velden.naar_getal("streefwaarde")(waarde)


def _waarde(waarde: Any) -> Any:
    return velden.naar_getal("waarde")(waarde)


def _conclusie(waarde: Any) -> Conclusie:
    return velden.naar_enum(Conclusie, "conclusie")(waarde)


@attrs.frozen
class Bron:
    """Evidence for the starting point: what shows where the school stands."""

    beschrijving: str = attrs.field(validator=niet_leeg)
    datum: dt.date = attrs.field(validator=velden.datum)
    soort: str = "document"
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """
    bezoek: str | None = attrs.field(default=None, validator=velden.optioneel_id, kw_only=True)
    """The school visit this bron came from (its id), if it came from one.

    .. versionadded:: 0.2.0
    """
    bevinding: str | None = attrs.field(default=None, kw_only=True)
    """The id of the visit's bevinding this bron came from.

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class Indicator:
    """A measurable sign of the goal, with its baseline (nulmeting) and target.

    ``achteraf`` marks an indicator that was added after the plan was made: allowed,
    but it no longer counts as a target set beforehand.
    """

    naam: str = attrs.field(validator=niet_leeg)
    eenheid: str
    nulmeting: float = attrs.field(converter=_nulmeting, validator=velden.eindig)
    streefwaarde: float = attrs.field(converter=_streefwaarde, validator=velden.eindig)
    vastgesteld: dt.date = attrs.field(validator=velden.datum)
    achteraf: bool = False


@attrs.frozen
class Actie:
    """One action of the improvement plan: what, who and when.

    ``wanneer`` is when in words ("vanaf januari"); ``datum`` the day itself, when the
    werkgroep gave one: only a day is something a planning can count on. See
    :func:`actie` for how a ``wanneer`` as typed becomes one or the other.

    .. versionchanged:: 0.2.0 ``datum``
    """

    wat: str = attrs.field(validator=niet_leeg)
    wie: str | None = None
    wanneer: str | None = None
    datum: dt.date | None = attrs.field(default=None, validator=velden.optionele_datum)
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """


_DATUMVORM = re.compile(r"\d{4}-\d{2}-\d{2}")


def actie(wat: str, wie: str | None = None, wanneer: str | dt.date | None = None) -> Actie:
    """An action of the plan; ``wanneer`` as a date, or as text of the form
    ``JJJJ-MM-DD``, is kept as its ``datum``, any other text as it is (``"vanaf
    januari"``). Text of the form that is no day (``2027-02-30``), or a day outside the
    calendar, is refused, naming the field ``wanneer``."""
    if isinstance(wanneer, dt.date):
        return Actie(wat=wat, wie=wie, datum=in_kalender(wanneer, veld="wanneer"))
    if wanneer is not None and _DATUMVORM.fullmatch(wanneer.strip()):
        try:
            dag = dt.date.fromisoformat(wanneer.strip())
        except ValueError:
            raise InvalidValue(
                _("wanneer: '{tekst}' is geen bestaande datum.").format(tekst=wanneer.strip()),
                _(
                    "Schrijf een datum als JJJJ-MM-DD, of zeg het in woorden, zoals 'vanaf januari'."
                ),
                veld="wanneer",
            ) from None
        return Actie(wat=wat, wie=wie, datum=in_kalender(dag, veld="wanneer"))
    return Actie(wat=wat, wie=wie, wanneer=wanneer)


@attrs.frozen
class Onderbouwing:
    """What the plan is grounded in: literature, or another werkgroep's cycle."""

    literatuur: str | None = None
    werkgroep: str | None = None
    cyclus: int | None = None
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """

    def __attrs_post_init__(self) -> None:
        if (self.literatuur is None) == (self.werkgroep is None):
            raise InvalidValue(
                _(
                    "Een onderbouwing is óf een literatuurverwijzing óf een cyclus van een andere werkgroep."
                )
            )


def _groep(waarde: str | None) -> str | None:
    tekst = (waarde or "").strip()
    return tekst or None


@attrs.frozen
class Meting:
    """A value of an indicator on a date; ``groep`` is the part of the whole it was
    measured in, when the werkgroep measures per part: a class, a year group, a school
    of a bovenschoolse werkgroep (display text, like ``"groep 5/6"``).

    .. versionchanged:: 0.2.0 ``groep``
    """

    indicator: str
    datum: dt.date = attrs.field(validator=velden.datum)
    waarde: float = attrs.field(converter=_waarde, validator=velden.eindig)
    groep: str | None = attrs.field(default=None, converter=_groep, kw_only=True)
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """

    @property
    def historietekst(self) -> str:
        """What the cycle's history says of this measurement: ``"indicator: 45"``
        (``"indicator (groep 5): 45"`` for a group)."""
        groep = f" ({self.groep})" if self.groep else ""
        return f"{self.indicator}{groep}: {self.waarde:g}"


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
    """Per indicator: the last value against the target (lower may be better). The last
    value is the mean of the measurements of the last day (one, unless the werkgroep
    measures per group).

    .. versionchanged:: 0.2.0 the mean of the last day's measurements, not the one
       recorded last
    """
    uit = []
    for ind in c.indicatoren:
        reeks = c.metingen_van(ind.naam)
        datum = reeks[-1].datum if reeks else None
        dag = [m.waarde for m in reeks if m.datum == datum]
        laatste = sum(dag) / len(dag) if dag else None
        bereikt = None
        if laatste is not None:
            omhoog = ind.streefwaarde >= ind.nulmeting
            bereikt = laatste >= ind.streefwaarde if omhoog else laatste <= ind.streefwaarde
        uit.append(
            IndicatorResultaat(
                indicator=ind.naam,
                eenheid=ind.eenheid,
                nulmeting=ind.nulmeting,
                streefwaarde=ind.streefwaarde,
                laatste=laatste,
                datum=datum,
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
    ``omschrijving`` says it in words; ``toelichting``, when there is one, what the
    cycle has of it (``"15 metingen, ongeveer wekelijks"``).

    .. versionchanged:: 0.2.0 ``toelichting``
    """

    sleutel: str
    omschrijving: str
    aanwezig: bool
    toelichting: str | None = None


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
    elementen: tuple[tuple[str, str, bool], ...] = (
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
    toelichting = {"data-over-tijd": _meetritme(c)}
    return Methodekwaliteit(
        tuple(
            Kwaliteitselement(sleutel=s, omschrijving=o, aanwezig=a, toelichting=toelichting.get(s))
            for s, o, a in elementen
        )
    )


def _meetritme(c: Onderzoekscyclus) -> str | None:
    """``"15 metingen, ongeveer wekelijks"``: how many measurements, and how often."""
    if not c.metingen:
        return None
    aantal = ngettext("{n} meting", "{n} metingen", len(c.metingen)).format(n=len(c.metingen))
    # the rhythm of the indicator measured most often
    ritmes = [dagen_tussen(m.datum for m in c.metingen_van(i.naam)) for i in c.indicatoren]
    kortste = min((r for r in ritmes if r is not None), default=None)
    woord = hoe_vaak(kortste)
    return _("{aantal}, ongeveer {ritme}").format(aantal=aantal, ritme=woord) if woord else aantal


_PROCENT = ("%", "procent", "percentage", "pct")


def controleer_eenheid(waarde: str, indicator: Indicator) -> None:
    """Refuse a value typed as a percentage ("48%") for an indicator counted in another
    unit (pupils, points): a slip that would put the measurement on the wrong scale.

    .. versionadded:: 0.2.0
    """
    eenheid = indicator.eenheid.strip().casefold()
    if not waarde.strip().endswith("%") or not eenheid:
        return
    if any(p in eenheid for p in _PROCENT):
        return
    raise InvalidValue(
        _("{waarde} is een percentage, maar '{indicator}' telt in {eenheid}.").format(
            waarde=waarde.strip(), indicator=indicator.naam, eenheid=indicator.eenheid
        ),
        _("Geef de waarde in {eenheid}, zonder %, of verbeter de eenheid van de indicator.").format(
            eenheid=indicator.eenheid
        ),
        veld="waarde",
    )
