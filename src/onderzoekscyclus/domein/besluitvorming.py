"""Besluitvorming: how a school decides on a speerpunt, as a state machine.

The katern's decision model, step by step:

1. ``ideeën`` — anyone brings ideas on the speerpunt (a colleague, a parent, a student);
2. ``voorstel`` — the werkgroep writes a proposal under the lead of an expert;
3. ``feedback`` — until a set date anyone reacts to the proposal, which is frozen
   meanwhile: changing it closes the round, and a new round is needed (the old version
   and the feedback on it are kept);
4. ``besluitvorming`` — after that date the werkgroep gives every feedback item a
   disposition (overgenomen, deels, niet overgenomen) with a motivation, and decides;
5. ``besloten`` → ``geïmplementeerd`` → ``geëvalueerd`` → (``bijgesteld`` →
   ``geïmplementeerd`` → …) → ``geborgd``, with an optional date to evaluate again.

``ingetrokken`` and ``verworpen`` end a decision early, with a reason.

Unlike tools that record one overall outcome, every idea and every feedback item is
kept with its author, and :func:`bijdragen_van` tells each contributor what became of
theirs. Every operation is a pure function: it returns a new :class:`Besluit` with the
event in its history, or raises :class:`~onderzoekscyclus.domein.machine.Geweigerd` with
every reason and leaves the besluit as it was. The round closes by the calendar: the
first operation after the closing date records the move to ``besluitvorming``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from onderzoekscyclus.domein.machine import Geweigerd, Machine, Overgang, Overgangsregel
from onderzoekscyclus.domein.tekst import controleer_niet_leeg, niet_leeg
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = [
    "BESLUITVORMING",
    "Besluit",
    "Besluitfase",
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
    "Reactie",
    "Voorstel",
    "bijdragen_van",
    "bijgewerkt",
]


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


class Oordeel(enum.StrEnum):
    """What the werkgroep did with a feedback item."""

    OVERGENOMEN = "overgenomen"
    DEELS = "deels"
    NIET_OVERGENOMEN = "niet-overgenomen"


def _optioneel_niet_leeg(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    if waarde is not None:
        controleer_niet_leeg(waarde, attribuut.name)


def _oordeel(waarde: Any) -> Oordeel:
    try:
        return Oordeel(str(waarde).strip().lower())
    except ValueError:
        raise InvalidValue(
            _("Onbekende reactie '{waarde}'.").format(waarde=waarde),
            _("Kies uit: overgenomen, deels, niet-overgenomen."),
            veld="oordeel",
        ) from None


@attrs.frozen
class Bijdrager:
    """Who brought an idea or feedback: a person of the werkplaats (by id) or an
    outsider by name, such as a parent or a student (``naam``, optionally ``rol``)."""

    persoon: str | None = None
    naam: str | None = attrs.field(default=None, validator=_optioneel_niet_leeg)
    rol: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.persoon is None) == (self.naam is None):
            raise InvalidValue(
                _("Een bijdrage komt van een persoon uit de werkplaats óf van iemand van buiten."),
                _("Geef --door PERSOON of --extern NAAM."),
                veld="door",
            )


@attrs.frozen
class Idee:
    """An idea on the speerpunt."""

    nummer: int
    tekst: str = attrs.field(validator=niet_leeg)
    door: Bijdrager
    datum: dt.date


@attrs.frozen
class Voorstel:
    """One version of the proposal; ``ideeen`` are the numbers of the ideas it builds on.

    ``zonder_expert`` holds the reason when the lead is not an expert on the theme.
    """

    versie: int
    tekst: str = attrs.field(validator=niet_leeg)
    leider: str
    datum: dt.date
    ideeen: tuple[int, ...] = ()
    zonder_expert: str | None = None


@attrs.frozen
class Feedbackronde:
    """A round in which anyone may react to one version of the proposal, until ``tot``
    (inclusive). ``gesloten`` is set when the round ended early because the proposal
    changed."""

    nummer: int
    voorstel: int
    geopend: dt.date
    tot: dt.date
    gesloten: dt.date | None = None


@attrs.frozen
class Reactie:
    """The werkgroep's disposition of a feedback item, with its motivation."""

    oordeel: Oordeel = attrs.field(converter=_oordeel)
    motivatie: str = attrs.field(validator=niet_leeg)
    datum: dt.date


@attrs.frozen
class Feedback:
    """A reaction to version ``voorstel`` of the proposal, given in round ``ronde``."""

    nummer: int
    ronde: int
    voorstel: int
    tekst: str = attrs.field(validator=niet_leeg)
    door: Bijdrager
    datum: dt.date
    reactie: Reactie | None = None


@attrs.frozen
class Besluittekst:
    """The decision the werkgroep took."""

    tekst: str = attrs.field(validator=niet_leeg)
    datum: dt.date
    verworpen: bool = False


@attrs.frozen
class Notitie:
    """A dated note: how the decision was implemented, or how it was adjusted."""

    datum: dt.date
    tekst: str = attrs.field(validator=niet_leeg)


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
                _("Geef --bron TEKST of --meting WERKGROEP:CYCLUS[:INDICATOR]."),
                veld="bewijs",
            )


@attrs.frozen
class Evaluatie:
    """What the evaluation showed, with evidence."""

    datum: dt.date
    tekst: str = attrs.field(validator=niet_leeg)
    bewijs: tuple[Bewijs, ...] = ()


@attrs.frozen
class Besluit:
    """One decision on a speerpunt, from the first idea to the moment it is embedded."""

    id: str
    titel: str = attrs.field(validator=niet_leeg)
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
    herevaluatie: dt.date | None = None
    historie: tuple[Overgangsregel, ...] = ()

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


# --- the machine ------------------------------------------------------------------------

F = Besluitfase
_OPDRACHT = {
    "voorstel": "ozc besluit voorstel BESLUIT --tekst … --leider …",
    "feedback-open": "ozc besluit feedback-open BESLUIT --tot JJJJ-MM-DD",
    "reageer": "ozc besluit reageer BESLUIT NUMMER --overgenomen|--deels|--niet-overgenomen --motivatie …",
    "neem": "ozc besluit neem BESLUIT --tekst …",
    "implementeer": "ozc besluit implementeer BESLUIT",
    "evalueer": "ozc besluit evalueer BESLUIT --tekst …",
    "borg": "ozc besluit borg BESLUIT",
}


def _ronde_loopt(b: Besluit, datum: dt.date) -> str | None:
    ronde = b.ronde
    if b.fase is not F.FEEDBACK or ronde is None or datum > ronde.tot:
        return None
    return _(
        "de feedbackronde loopt nog tot en met {tot}; de werkgroep besluit pas daarna, vanaf {na}."
    ).format(tot=ronde.tot.isoformat(), na=(ronde.tot + dt.timedelta(days=1)).isoformat())


def _alles_beantwoord(b: Besluit) -> str | None:
    open_ = b.zonder_reactie()
    if not open_:
        return None
    nummers = ", ".join(str(f.nummer) for f in open_)
    return _(
        "feedback {nummers} heeft nog geen reactie (overgenomen, deels of niet overgenomen, "
        "met motivatie). Geef die met `{o}`."
    ).format(nummers=nummers, o=_OPDRACHT["reageer"])


def _heeft_evaluatie(b: Besluit) -> str | None:
    if not b.evaluaties:
        return _("er is nog geen evaluatie. Evalueer eerst met `{o}`.").format(
            o=_OPDRACHT["evalueer"]
        )
    return None


def _heeft_voorstel(b: Besluit) -> str | None:
    if b.voorstel is None:
        return _("er is nog geen voorstel. Schrijf het met `{o}`.").format(o=_OPDRACHT["voorstel"])
    return None


_VOOR_BESLUIT = (F.IDEEEN.value, F.VOORSTEL.value, F.FEEDBACK.value, F.BESLUITVORMING.value)

BESLUITVORMING: Machine[Besluit] = Machine(
    naam="besluitvorming",
    toestanden=tuple(f.value for f in Besluitfase),
    begin=F.IDEEEN.value,
    overgangen=(
        Overgang("voorstel", _VOOR_BESLUIT, F.VOORSTEL.value),
        Overgang("feedback-open", (F.VOORSTEL.value,), F.FEEDBACK.value, (_heeft_voorstel,)),
        Overgang("sluit", (F.FEEDBACK.value,), F.BESLUITVORMING.value),
        Overgang(
            "neem",
            (F.BESLUITVORMING.value,),
            F.BESLOTEN.value,
            (_alles_beantwoord,),
        ),
        Overgang(
            "verwerp",
            (F.BESLUITVORMING.value,),
            F.VERWORPEN.value,
            (_alles_beantwoord,),
        ),
        Overgang("implementeer", (F.BESLOTEN.value, F.BIJGESTELD.value), F.GEIMPLEMENTEERD.value),
        Overgang(
            "evalueer",
            (F.GEIMPLEMENTEERD.value, F.GEBORGD.value),
            F.GEEVALUEERD.value,
            (_heeft_evaluatie,),
        ),
        Overgang("bijstellen", (F.GEEVALUEERD.value,), F.BIJGESTELD.value),
        Overgang("borg", (F.GEEVALUEERD.value,), F.GEBORGD.value, (_heeft_evaluatie,)),
        Overgang("intrekken", _VOOR_BESLUIT, F.INGETROKKEN.value),
    ),
    wat_nu={
        F.IDEEEN.value: _("eerst komt een voorstel: `{o}`").format(o=_OPDRACHT["voorstel"]),
        F.VOORSTEL.value: _("eerst komt een feedbackronde: `{o}`").format(
            o=_OPDRACHT["feedback-open"]
        ),
        F.FEEDBACK.value: _("de feedbackronde loopt nog"),
        F.BESLUITVORMING.value: _("eerst neemt de werkgroep een besluit: `{o}`").format(
            o=_OPDRACHT["neem"]
        ),
        F.BESLOTEN.value: _("eerst wordt het besluit uitgevoerd: `{o}`").format(
            o=_OPDRACHT["implementeer"]
        ),
        F.GEIMPLEMENTEERD.value: _("eerst komt een evaluatie: `{o}`").format(
            o=_OPDRACHT["evalueer"]
        ),
        F.GEEVALUEERD.value: _(
            "na de evaluatie volgt bijstellen (`ozc besluit bijstellen BESLUIT --tekst …`) "
            "of borgen (`{o}`)"
        ).format(o=_OPDRACHT["borg"]),
        F.BIJGESTELD.value: _("voer de bijstelling eerst uit: `{o}`").format(
            o=_OPDRACHT["implementeer"]
        ),
        F.GEBORGD.value: _(
            "het besluit is geborgd; evalueer het opnieuw met `{o}` als dat nodig is"
        ).format(o=_OPDRACHT["evalueer"]),
        F.INGETROKKEN.value: _("het besluit is ingetrokken; begin zo nodig een nieuw"),
        F.VERWORPEN.value: _("het voorstel is verworpen; begin zo nodig een nieuw besluit"),
    },
)
"""The declared state machine of a decision (also drawn in the docs)."""


# --- operations -------------------------------------------------------------------------


def _controleer_datum(b: Besluit, datum: dt.date, vandaag: dt.date, wat: str) -> None:
    if datum > vandaag:
        raise Geweigerd(
            wat,
            [
                _("{datum} ligt in de toekomst (vandaag is {vandaag}).").format(
                    datum=datum.isoformat(), vandaag=vandaag.isoformat()
                )
            ],
        )
    laatste = b.historie[-1].datum if b.historie else None
    if laatste is not None and datum < laatste:
        raise Geweigerd(
            wat,
            [
                _(
                    "{datum} ligt vóór de laatste gebeurtenis van dit besluit ({laatste}); "
                    "de geschiedenis blijft op volgorde."
                ).format(datum=datum.isoformat(), laatste=laatste.isoformat())
            ],
        )


def bijgewerkt(b: Besluit, datum: dt.date) -> Besluit:
    """``b`` as it stands on ``datum``: a feedback round whose closing date has passed
    is closed (the move to ``besluitvorming`` is recorded the day after that date)."""
    ronde = b.ronde
    if b.fase is Besluitfase.FEEDBACK and ronde is not None and datum > ronde.tot:
        return BESLUITVORMING.voer_uit(
            b,
            "sluit",
            datum=ronde.tot + dt.timedelta(days=1),
            reden=_("de feedbackronde sloot op {tot}").format(tot=ronde.tot.isoformat()),
        )
    return b


def _stap(
    b: Besluit,
    overgang: str,
    datum: dt.date,
    vandaag: dt.date,
    bericht: str,
    *,
    wie: str | None = None,
    reden: str | None = None,
    **wijzigingen: Any,
) -> Besluit:
    _controleer_datum(b, datum, vandaag, bericht)
    huidig = bijgewerkt(b, datum)
    redenen = BESLUITVORMING.redenen(attrs.evolve(huidig, **wijzigingen), overgang)
    if redenen:
        raise Geweigerd(bericht, redenen)
    return BESLUITVORMING.voer_uit(
        attrs.evolve(huidig, **wijzigingen), overgang, datum=datum, wie=wie, reden=reden
    )


def _in_fase(b: Besluit, fasen: Iterable[Besluitfase], bericht: str, uitleg: str) -> None:
    if b.fase not in set(fasen):
        raise Geweigerd(
            bericht,
            [_("het besluit is in fase '{fase}'; {uitleg}").format(fase=b.fase, uitleg=uitleg)],
        )


def nieuw(
    id_: str,
    *,
    titel: str,
    werkgroep: str,
    thema: str,
    school: str | None,
    datum: dt.date,
    wie: str | None = None,
) -> Besluit:
    """A new decision on a speerpunt, collecting ideas."""
    return Besluit(
        id=id_,
        titel=titel,
        werkgroep=werkgroep,
        thema=thema,
        school=school,
        historie=(
            Overgangsregel(datum=datum, overgang="nieuw", van="", naar=F.IDEEEN.value, wie=wie),
        ),
    )


def idee(b: Besluit, tekst: str, *, door: Bijdrager, datum: dt.date, vandaag: dt.date) -> Besluit:
    """Add an idea (while the decision collects ideas or a proposal is being written)."""
    bericht = _("Het idee is niet toegevoegd")
    _controleer_datum(b, datum, vandaag, bericht)
    b = bijgewerkt(b, datum)
    _in_fase(
        b,
        (F.IDEEEN, F.VOORSTEL),
        bericht,
        _(
            "ideeën kunnen alleen vóór de feedbackronde. Geef nu feedback met `ozc besluit feedback`."
        ),
    )
    nummer = len(b.ideeen) + 1
    nieuw_idee = Idee(nummer=nummer, tekst=tekst, door=door, datum=datum)
    b = attrs.evolve(b, ideeen=(*b.ideeen, nieuw_idee))
    return BESLUITVORMING.noteer(
        b, "idee", datum=datum, wie=door.persoon, reden=_("idee {n}").format(n=nummer)
    )


def voorstel(
    b: Besluit,
    tekst: str,
    *,
    leider: str,
    datum: dt.date,
    vandaag: dt.date,
    bezwaar: str | None = None,
    zonder_expert: str | None = None,
    ideeen: Sequence[int] = (),
) -> Besluit:
    """Write (a new version of) the proposal under the lead of ``leider``.

    ``bezwaar`` is why the lead does not qualify (not a leider or expert of the
    werkgroep, or no expertise on the theme); the proposal is then refused unless
    ``zonder_expert`` gives a reason, which is recorded. During a feedback round a new
    version closes the round: its feedback stays with the old version.
    """
    bericht = _("Het voorstel is niet vastgelegd")
    if bezwaar and not (zonder_expert and zonder_expert.strip()):
        raise Geweigerd(
            bericht,
            [
                bezwaar
                + " "
                + _(
                    "Kies een leider of expert van de werkgroep met expertise op het thema, "
                    "of leg met --zonder-expert REDEN vast waarom het zo moet."
                )
            ],
        )
    onbekend = sorted(set(ideeen) - {i.nummer for i in b.ideeen})
    if onbekend:
        raise InvalidValue(
            _("Idee {nummers} bestaat niet.").format(nummers=", ".join(map(str, onbekend))),
            _("Zie `ozc besluit toon BESLUIT`."),
            veld="idee",
        )
    _controleer_datum(b, datum, vandaag, bericht)
    huidig = bijgewerkt(b, datum)
    rondes = huidig.rondes
    reden = zonder_expert.strip() if bezwaar and zonder_expert else None
    if huidig.fase is F.FEEDBACK and huidig.ronde is not None:
        rondes = (*rondes[:-1], attrs.evolve(huidig.ronde, gesloten=datum))
        reden = _("het voorstel veranderde tijdens de feedbackronde; ronde {n} is gesloten").format(
            n=huidig.ronde.nummer
        ) + (f"; {reden}" if reden else "")
    versie = len(huidig.voorstellen) + 1
    nieuw_voorstel = Voorstel(
        versie=versie,
        tekst=tekst,
        leider=leider,
        datum=datum,
        ideeen=tuple(sorted(set(ideeen))),
        zonder_expert=zonder_expert.strip() if bezwaar and zonder_expert else None,
    )
    return _stap(
        huidig,
        "voorstel",
        datum,
        vandaag,
        bericht,
        wie=leider,
        reden=reden,
        voorstellen=(*huidig.voorstellen, nieuw_voorstel),
        rondes=rondes,
    )


def feedback_open(
    b: Besluit, *, tot: dt.date, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Besluit:
    """Open a feedback round on the current proposal, until ``tot`` (inclusive)."""
    bericht = _("De feedbackronde is niet geopend")
    if tot <= datum:
        raise Geweigerd(
            bericht,
            [
                _("de sluitdatum {tot} moet na vandaag ({datum}) liggen.").format(
                    tot=tot.isoformat(), datum=datum.isoformat()
                )
            ],
        )
    huidig = bijgewerkt(b, datum)
    ronde = Feedbackronde(
        nummer=len(huidig.rondes) + 1,
        voorstel=huidig.voorstel.versie if huidig.voorstel else 0,
        geopend=datum,
        tot=tot,
    )
    return _stap(
        huidig,
        "feedback-open",
        datum,
        vandaag,
        bericht,
        wie=wie,
        reden=_("ronde {n} tot en met {tot}").format(n=ronde.nummer, tot=tot.isoformat()),
        rondes=(*huidig.rondes, ronde),
    )


def feedback(
    b: Besluit, tekst: str, *, door: Bijdrager, datum: dt.date, vandaag: dt.date
) -> Besluit:
    """React to the proposal during an open round (on or before its closing date)."""
    bericht = _("De feedback is niet toegevoegd")
    _controleer_datum(b, datum, vandaag, bericht)
    ronde = b.ronde
    if b.fase is F.FEEDBACK and ronde is not None and datum > ronde.tot:
        raise Geweigerd(
            bericht,
            [
                _(
                    "de feedbackronde is gesloten op {tot}. Feedback kan alleen tijdens een "
                    "open ronde; de werkgroep kan een nieuwe ronde openen met `{o}`."
                ).format(tot=ronde.tot.isoformat(), o=_OPDRACHT["feedback-open"])
            ],
        )
    b = bijgewerkt(b, datum)
    _in_fase(
        b,
        (F.FEEDBACK,),
        bericht,
        _("feedback kan alleen tijdens een open feedbackronde (`{o}`).").format(
            o=_OPDRACHT["feedback-open"]
        ),
    )
    assert ronde is not None
    if datum < ronde.geopend:
        raise Geweigerd(
            bericht,
            [_("de ronde begon pas op {datum}.").format(datum=ronde.geopend.isoformat())],
        )
    nummer = len(b.feedback) + 1
    item = Feedback(
        nummer=nummer,
        ronde=ronde.nummer,
        voorstel=ronde.voorstel,
        tekst=tekst,
        door=door,
        datum=datum,
    )
    b = attrs.evolve(b, feedback=(*b.feedback, item))
    return BESLUITVORMING.noteer(
        b, "feedback", datum=datum, wie=door.persoon, reden=_("feedback {n}").format(n=nummer)
    )


def reageer(
    b: Besluit,
    nummer: int,
    *,
    oordeel: Oordeel | str,
    motivatie: str,
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
) -> Besluit:
    """Give feedback item ``nummer`` its disposition with a motivation (may be changed
    until the decision is taken)."""
    bericht = _("De reactie is niet vastgelegd")
    _controleer_datum(b, datum, vandaag, bericht)
    b = bijgewerkt(b, datum)
    item = next((f for f in b.feedback if f.nummer == nummer), None)
    if item is None:
        bestaand = ", ".join(str(f.nummer) for f in b.feedback) or _("geen")
        raise InvalidValue(
            _("Feedback {n} bestaat niet (wel: {bestaand}).").format(n=nummer, bestaand=bestaand),
            _("Zie `ozc besluit toon BESLUIT`."),
            veld="nummer",
        )
    _in_fase(
        b,
        (F.FEEDBACK, F.VOORSTEL, F.BESLUITVORMING),
        bericht,
        _("na het besluit liggen de reacties vast."),
    )
    reactie = Reactie(oordeel=oordeel, motivatie=motivatie, datum=datum)
    b = attrs.evolve(
        b,
        feedback=tuple(
            attrs.evolve(f, reactie=reactie) if f.nummer == nummer else f for f in b.feedback
        ),
    )
    return BESLUITVORMING.noteer(
        b,
        "reageer",
        datum=datum,
        wie=wie,
        reden=_("feedback {n}: {oordeel}").format(n=nummer, oordeel=reactie.oordeel.value),
    )


def neem(
    b: Besluit,
    tekst: str,
    *,
    datum: dt.date,
    vandaag: dt.date,
    wie: str | None = None,
    verwerp: bool = False,
) -> Besluit:
    """Take the decision (or reject the proposal, with ``verwerp``): only after the
    feedback round has closed, and only when every feedback item has a disposition."""
    bericht = _("Het voorstel is niet verworpen") if verwerp else _("Het besluit is niet genomen")
    _controleer_datum(b, datum, vandaag, bericht)
    loopt = _ronde_loopt(bijgewerkt(b, datum), datum)
    if loopt:
        raise Geweigerd(bericht, [loopt])
    return _stap(
        b,
        "verwerp" if verwerp else "neem",
        datum,
        vandaag,
        bericht,
        wie=wie,
        reden=tekst if verwerp else None,
        besluit=Besluittekst(tekst=tekst, datum=datum, verworpen=verwerp),
    )


def implementeer(
    b: Besluit,
    *,
    datum: dt.date,
    vandaag: dt.date,
    tekst: str | None = None,
    wie: str | None = None,
) -> Besluit:
    """Record that the decision (or its adjustment) is put into practice."""
    notities = b.implementaties + ((Notitie(datum=datum, tekst=tekst),) if tekst else ())
    return _stap(
        b,
        "implementeer",
        datum,
        vandaag,
        _("De implementatie is niet vastgelegd"),
        wie=wie,
        implementaties=notities,
    )


def evalueer(
    b: Besluit,
    tekst: str,
    *,
    datum: dt.date,
    vandaag: dt.date,
    bewijs: Sequence[Bewijs] = (),
    wie: str | None = None,
) -> Besluit:
    """Evaluate the implemented (or embedded) decision: what it brought, with evidence."""
    evaluatie = Evaluatie(datum=datum, tekst=tekst, bewijs=tuple(bewijs))
    return _stap(
        b,
        "evalueer",
        datum,
        vandaag,
        _("De evaluatie is niet vastgelegd"),
        wie=wie,
        evaluaties=(*b.evaluaties, evaluatie),
    )


def bijstellen(
    b: Besluit, tekst: str, *, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Besluit:
    """Adjust the decision after an evaluation; it is then implemented again."""
    return _stap(
        b,
        "bijstellen",
        datum,
        vandaag,
        _("De bijstelling is niet vastgelegd"),
        wie=wie,
        reden=tekst,
        bijstellingen=(*b.bijstellingen, Notitie(datum=datum, tekst=tekst)),
    )


def borg(
    b: Besluit,
    *,
    datum: dt.date,
    vandaag: dt.date,
    herevaluatie: dt.date | None = None,
    wie: str | None = None,
) -> Besluit:
    """Embed the evaluated decision, optionally with a date to evaluate it again."""
    bericht = _("Het besluit is niet geborgd")
    if herevaluatie is not None and herevaluatie <= datum:
        raise Geweigerd(
            bericht,
            [
                _("de herevaluatie ({her}) moet na de borging ({datum}) liggen.").format(
                    her=herevaluatie.isoformat(), datum=datum.isoformat()
                )
            ],
        )
    return _stap(
        b,
        "borg",
        datum,
        vandaag,
        bericht,
        wie=wie,
        reden=_("herevaluatie op {datum}").format(datum=herevaluatie.isoformat())
        if herevaluatie
        else None,
        herevaluatie=herevaluatie,
    )


def intrekken(
    b: Besluit, reden: str, *, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Besluit:
    """Withdraw the decision before it is taken, with a reason."""
    controleer_niet_leeg(reden, "reden")
    bericht = _("Het besluit is niet ingetrokken")
    _controleer_datum(b, datum, vandaag, bericht)
    huidig = bijgewerkt(b, datum)
    if huidig.fase.value not in _VOOR_BESLUIT:
        raise Geweigerd(
            bericht,
            [
                _(
                    "een besluit in fase '{fase}' is al genomen; stel het bij na een evaluatie "
                    "(`ozc besluit bijstellen`)."
                ).format(fase=huidig.fase)
            ],
        )
    return _stap(huidig, "intrekken", datum, vandaag, bericht, wie=wie, reden=reden.strip())


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
