"""A besluit: how a school decides on a speerpunt, from the first idea to borging.

A :class:`Besluit` keeps every idea, every version of the proposal, every feedback round
and feedback item with its author and the werkgroep's reaction, the decision, and what
came after it (implementation, evaluations, adjustments, a date to evaluate again).
Unlike tools that record one overall outcome, :func:`bijdragen_van` tells each
contributor what became of their input. The phases and the operations that move a
besluit through them are declared in :mod:`onderzoekscyclus.domein.besluitvorming`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Literal

import attrs

from onderzoekscyclus.domein import velden
from onderzoekscyclus.domein.keuzes import keuze
from onderzoekscyclus.domein.machine import Overgangsregel
from onderzoekscyclus.domein.tekst import controleer_zichtbaar, niet_leeg
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import N_, _

__all__ = [
    "Besluit",
    "Besluitfase",
    "BesluitfaseWaarde",
    "Besluittekst",
    "Bewijs",
    "Bijdrage",
    "Bijdrager",
    "Evaluatie",
    "Feedback",
    "Feedbackronde",
    "Idee",
    "Notitie",
    "Oordeel",
    "OordeelWaarde",
    "Reactie",
    "Voorstel",
    "bijdragen_van",
]


@keuze(
    {
        "ideeën": N_("ideeën"),
        "voorstel": N_("voorstel"),
        "feedback": N_("feedback"),
        "besluitvorming": N_("besluitvorming"),
        "besloten": N_("besloten"),
        "geïmplementeerd": N_("geïmplementeerd"),
        "geëvalueerd": N_("geëvalueerd"),
        "bijgesteld": N_("bijgesteld"),
        "geborgd": N_("geborgd"),
        "ingetrokken": N_("ingetrokken"),
        "verworpen": N_("verworpen"),
    }
)
class Besluitfase(enum.StrEnum):
    """The phases of a decision."""

    IDEEEN = "ideeën"
    VOORSTEL = "voorstel"
    FEEDBACK = "feedback"
    BESLUITVORMING = "besluitvorming"
    BESLOTEN = "besloten"
    GEIMPLEMENTEERD = "geïmplementeerd"
    GEEVALUEERD = "geëvalueerd"
    BIJGESTELD = "bijgesteld"
    GEBORGD = "geborgd"
    INGETROKKEN = "ingetrokken"
    VERWORPEN = "verworpen"


BesluitfaseWaarde = Literal[
    "ideeën",
    "voorstel",
    "feedback",
    "besluitvorming",
    "besloten",
    "geïmplementeerd",
    "geëvalueerd",
    "bijgesteld",
    "geborgd",
    "ingetrokken",
    "verworpen",
]
"""A :class:`Besluitfase` as text."""


@keuze(
    {
        "overgenomen": N_("overgenomen"),
        "deels": N_("deels"),
        "niet-overgenomen": N_("niet overgenomen"),
    },
    {"gedeeltelijk": "deels", "deels overgenomen": "deels", "niet": "niet-overgenomen"},
)
class Oordeel(enum.StrEnum):
    """What the werkgroep did with a feedback item."""

    OVERGENOMEN = "overgenomen"
    DEELS = "deels"
    NIET_OVERGENOMEN = "niet-overgenomen"


OordeelWaarde = Literal["overgenomen", "deels", "niet-overgenomen"]
"""An :class:`Oordeel` as text."""


def _zichtbaar(_inst: object, attribuut: attrs.Attribute[str], waarde: str) -> None:
    controleer_zichtbaar(waarde, attribuut.name)


def _oordeel(waarde: Any) -> Oordeel:
    return velden.naar_enum(Oordeel, "reactie")(waarde)


@attrs.frozen
class Bijdrager:
    """Who brought an idea or feedback: a person of the werkplaats (by id) or an
    outsider by name, such as a parent or a student (``naam``, optionally ``rol``)."""

    persoon: str | None = None
    naam: str | None = attrs.field(default=None, validator=velden.optioneel_niet_leeg)
    rol: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.persoon is None) == (self.naam is None):
            raise InvalidValue(
                _("Een bijdrage komt van een persoon uit de werkplaats óf van iemand van buiten."),
                _("Geef iemand uit de werkplaats op, of de naam van iemand van buiten."),
                veld="door",
            )


@attrs.frozen
class Idee:
    """An idea on the speerpunt."""

    nummer: int
    tekst: str = attrs.field(validator=niet_leeg)
    door: Bijdrager
    datum: dt.date = attrs.field(validator=velden.datum)


@attrs.frozen
class Voorstel:
    """One version of the proposal; ``ideeen`` are the numbers of the ideas it builds on.

    ``zonder_expert`` holds the reason when the lead is not an expert on the theme.
    """

    versie: int
    tekst: str = attrs.field(validator=niet_leeg)
    leider: str
    datum: dt.date = attrs.field(validator=velden.datum)
    ideeen: tuple[int, ...] = ()
    zonder_expert: str | None = None


@attrs.frozen
class Feedbackronde:
    """A round in which anyone may react to one version of the proposal, until ``tot``
    (inclusive). ``gesloten`` is set when the round ended early because the proposal
    changed."""

    nummer: int
    voorstel: int
    geopend: dt.date = attrs.field(validator=velden.datum)
    tot: dt.date = attrs.field(validator=velden.datum)
    gesloten: dt.date | None = attrs.field(default=None, validator=velden.optionele_datum)


@attrs.frozen
class Reactie:
    """The werkgroep's disposition of a feedback item, with its motivation."""

    oordeel: Oordeel = attrs.field(converter=_oordeel)
    motivatie: str = attrs.field(validator=niet_leeg)
    datum: dt.date = attrs.field(validator=velden.datum)


@attrs.frozen
class Feedback:
    """A reaction to version ``voorstel`` of the proposal, given in round ``ronde``."""

    nummer: int
    ronde: int
    voorstel: int
    tekst: str = attrs.field(validator=niet_leeg)
    door: Bijdrager
    datum: dt.date = attrs.field(validator=velden.datum)
    reactie: Reactie | None = None


@attrs.frozen
class Besluittekst:
    """The decision the werkgroep took."""

    tekst: str = attrs.field(validator=niet_leeg)
    datum: dt.date = attrs.field(validator=velden.datum)
    verworpen: bool = False


@attrs.frozen
class Notitie:
    """A dated note: how the decision was implemented, or how it was adjusted."""

    datum: dt.date = attrs.field(validator=velden.datum)
    tekst: str = attrs.field(validator=niet_leeg)
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class Bewijs:
    """Evidence for an evaluation: a bron (text or link), or a measurement of a research
    cycle (``werkgroep`` id, ``cyclus`` number, optionally one ``indicator``)."""

    bron: str | None = None
    werkgroep: str | None = None
    cyclus: int | None = None
    indicator: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.bron is None) == (self.werkgroep is None) or (
            self.werkgroep is not None and self.cyclus is None
        ):
            raise InvalidValue(
                _("Bewijs is óf een bron óf een meting uit een onderzoekscyclus."),
                _("Geef een bron (een tekst of link) of een cyclus van een werkgroep."),
                veld="bewijs",
            )


@attrs.frozen
class Evaluatie:
    """What the evaluation showed, with evidence."""

    datum: dt.date = attrs.field(validator=velden.datum)
    tekst: str = attrs.field(validator=niet_leeg)
    bewijs: tuple[Bewijs, ...] = ()
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class Besluit:
    """One decision on a speerpunt, from the first idea to the moment it is embedded."""

    id: str
    titel: str = attrs.field(converter=velden.als_naam, validator=[niet_leeg, _zichtbaar])
    werkgroep: str
    thema: str = attrs.field(validator=niet_leeg)
    school: str | None = None
    fase: Besluitfase = Besluitfase.IDEEEN
    ideeen: tuple[Idee, ...] = ()
    voorstellen: tuple[Voorstel, ...] = ()
    rondes: tuple[Feedbackronde, ...] = ()
    feedback: tuple[Feedback, ...] = ()
    besluit: Besluittekst | None = None
    implementaties: tuple[Notitie, ...] = ()
    evaluaties: tuple[Evaluatie, ...] = ()
    bijstellingen: tuple[Notitie, ...] = ()
    herevaluatie: dt.date | None = attrs.field(default=None, validator=velden.optionele_datum)
    historie: tuple[Overgangsregel, ...] = ()
    openbaar: bool = False
    """Whether the werkgroep wants the besluit on the partnership website (``ozc
    besluit openbaar``); a besluit is not published otherwise.

    .. versionadded:: 0.2.0
    """

    @property
    def naam(self) -> str:
        """The title, so that references find a besluit like any other entity."""
        return self.titel

    @property
    def voorstel(self) -> Voorstel | None:
        """The current version of the proposal."""
        return self.voorstellen[-1] if self.voorstellen else None

    @property
    def ronde(self) -> Feedbackronde | None:
        """The last feedback round."""
        return self.rondes[-1] if self.rondes else None

    def voorstel_versie(self, versie: int) -> Voorstel | None:
        """Version ``versie`` of the proposal."""
        return next((v for v in self.voorstellen if v.versie == versie), None)

    def zonder_reactie(self) -> tuple[Feedback, ...]:
        """Feedback items that have no disposition yet."""
        return tuple(f for f in self.feedback if f.reactie is None)

    def herevaluatie_nodig(self, vandaag: dt.date) -> bool:
        """Whether an embedded decision is due for its re-evaluation."""
        return (
            self.fase is Besluitfase.GEBORGD
            and self.herevaluatie is not None
            and self.herevaluatie <= vandaag
        )

    def buitenstaanders(self) -> tuple[str, ...]:
        """Names of outsiders who contributed (personal data: exports pseudonymise them)."""
        bijdragers = [i.door for i in self.ideeen] + [f.door for f in self.feedback]
        namen = {d.naam for d in bijdragers if d.naam is not None}
        return tuple(sorted(namen))


# --- what became of a contribution ------------------------------------------------------


@attrs.frozen
class Bijdrage:
    """One idea or feedback item of a contributor, and what became of it."""

    soort: str
    nummer: int
    datum: dt.date
    tekst: str
    uitkomst: str
    oordeel: str | None = None
    motivatie: str | None = None
    voorstel: int | None = None


def _uitkomst_idee(b: Besluit, i: Idee) -> tuple[str, int | None]:
    versies = [v.versie for v in b.voorstellen if i.nummer in v.ideeen]
    if versies:
        return _("verwerkt in voorstel versie {v}").format(v=versies[0]), versies[0]
    if b.voorstellen:
        return _("het voorstel verwijst niet naar dit idee"), None
    return _("wacht op een voorstel"), None


def _uitkomst_feedback(b: Besluit, f: Feedback) -> str:
    if f.reactie is None:
        return _("nog geen reactie van de werkgroep")
    teksten = {
        Oordeel.OVERGENOMEN: _("overgenomen"),
        Oordeel.DEELS: _("deels overgenomen"),
        Oordeel.NIET_OVERGENOMEN: _("niet overgenomen"),
    }
    return teksten[f.reactie.oordeel]


def bijdragen_van(
    b: Besluit, *, persoon: str | None = None, naam: str | None = None
) -> tuple[Bijdrage, ...]:
    """The ideas and feedback of one contributor (a person id or an outsider's name),
    each with what became of it."""

    def van_hem(door: Bijdrager) -> bool:
        if persoon is not None:
            return door.persoon == persoon
        return (
            naam is not None and door.naam is not None and door.naam.casefold() == naam.casefold()
        )

    uit: list[Bijdrage] = []
    for i in b.ideeen:
        if van_hem(i.door):
            uitkomst, versie = _uitkomst_idee(b, i)
            uit.append(Bijdrage("idee", i.nummer, i.datum, i.tekst, uitkomst, voorstel=versie))
    for f in b.feedback:
        if van_hem(f.door):
            uit.append(
                Bijdrage(
                    "feedback",
                    f.nummer,
                    f.datum,
                    f.tekst,
                    _uitkomst_feedback(b, f),
                    oordeel=f.reactie.oordeel.value if f.reactie else None,
                    motivatie=f.reactie.motivatie if f.reactie else None,
                    voorstel=f.voorstel,
                )
            )
    return tuple(uit)
