"""Besluitvorming: the katern's decision model as a state machine.

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

Every operation is declared in :data:`BESLUITVORMING`, adding an idea, feedback or a
reaction included. Every operation is a pure function: it returns a new
:class:`~onderzoekscyclus.domein.besluit.Besluit` with the event in its history, or
raises :class:`~onderzoekscyclus.errors.Geweigerd` with every reason and leaves the
besluit as it was. A date never lies after today, nor before the previous step. The
round closes by the calendar: the first operation after the closing date records the
move to ``besluitvorming``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import attrs

from onderzoekscyclus.domein import keuzes
from onderzoekscyclus.domein.besluit import (
    Besluit,
    Besluitfase,
    Besluittekst,
    Bewijs,
    Bijdrager,
    Evaluatie,
    Feedback,
    Feedbackronde,
    Idee,
    Notitie,
    Oordeel,
    Reactie,
    Voorstel,
)
from onderzoekscyclus.domein.machine import Machine, Overgang, Overgangsregel
from onderzoekscyclus.domein.redenen import met_woorden, reden
from onderzoekscyclus.domein.tekst import controleer_niet_leeg
from onderzoekscyclus.errors import Geweigerd, InvalidValue, Reden
from onderzoekscyclus.i18n import N_, _, ngettext

__all__ = [
    "BESLUITVORMING",
    "bijgewerkt",
    "bijstellen",
    "borg",
    "evalueer",
    "feedback",
    "feedback_open",
    "idee",
    "implementeer",
    "intrekken",
    "neem",
    "nieuw",
    "reageer",
    "voorstel",
]

F = Besluitfase


def _alles_beantwoord(b: Besluit) -> Reden | None:
    open_ = b.zonder_reactie()
    if not open_:
        return None
    return reden(
        "besluit.zonder-reactie",
        nummers=", ".join(str(f.nummer) for f in open_),
        eerste=open_[0].nummer,
    )


def _heeft_evaluatie(b: Besluit) -> Reden | None:
    return reden("besluit.geen-evaluatie") if not b.evaluaties else None


def _heeft_voorstel(b: Besluit) -> Reden | None:
    return reden("besluit.geen-voorstel") if b.voorstel is None else None


_VOOR_BESLUIT = (F.IDEEEN, F.VOORSTEL, F.FEEDBACK, F.BESLUITVORMING)

BESLUITVORMING: Machine[Besluit, Besluitfase] = Machine(
    naam="besluitvorming",
    toestanden=tuple(Besluitfase),
    begin=F.IDEEEN,
    overgangen=(
        Overgang("idee", (F.IDEEEN, F.VOORSTEL)),
        Overgang("voorstel", _VOOR_BESLUIT, F.VOORSTEL),
        Overgang("feedback-open", (F.VOORSTEL,), F.FEEDBACK, (_heeft_voorstel,)),
        Overgang("feedback", (F.FEEDBACK,)),
        Overgang("sluit", (F.FEEDBACK,), F.BESLUITVORMING),
        Overgang("reageer", (F.VOORSTEL, F.FEEDBACK, F.BESLUITVORMING)),
        Overgang("neem", (F.BESLUITVORMING,), F.BESLOTEN, (_alles_beantwoord,)),
        Overgang("verwerp", (F.BESLUITVORMING,), F.VERWORPEN, (_alles_beantwoord,)),
        Overgang("implementeer", (F.BESLOTEN, F.BIJGESTELD), F.GEIMPLEMENTEERD),
        Overgang("evalueer", (F.GEIMPLEMENTEERD, F.GEBORGD), F.GEEVALUEERD, (_heeft_evaluatie,)),
        Overgang("bijstellen", (F.GEEVALUEERD,), F.BIJGESTELD),
        Overgang("borg", (F.GEEVALUEERD,), F.GEBORGD, (_heeft_evaluatie,)),
        Overgang("intrekken", _VOOR_BESLUIT, F.INGETROKKEN),
    ),
    lees=lambda b: b.fase,
    zet=lambda b, fase: attrs.evolve(b, fase=fase),
    meldingen={
        "idee": N_("Het idee is niet toegevoegd"),
        "voorstel": N_("Het voorstel is niet vastgelegd"),
        "feedback-open": N_("De feedbackronde is niet geopend"),
        "feedback": N_("De feedback is niet toegevoegd"),
        "sluit": N_("De feedbackronde is niet gesloten"),
        "reageer": N_("De reactie is niet vastgelegd"),
        "neem": N_("Het besluit is niet genomen"),
        "verwerp": N_("Het voorstel is niet verworpen"),
        "implementeer": N_("De implementatie is niet vastgelegd"),
        "evalueer": N_("De evaluatie is niet vastgelegd"),
        "bijstellen": N_("De bijstelling is niet vastgelegd"),
        "borg": N_("Het besluit is niet geborgd"),
        "intrekken": N_("Het besluit is niet ingetrokken"),
    },
    volgende={
        F.IDEEEN: "voorstel",
        F.VOORSTEL: "feedback-open",
        F.FEEDBACK: "feedback",
        F.BESLUITVORMING: "neem",
        F.BESLOTEN: "implementeer",
        F.GEIMPLEMENTEERD: "evalueer",
        F.GEEVALUEERD: "borg",
        F.BIJGESTELD: "implementeer",
        F.GEBORGD: "evalueer",
    },
)
"""The declared state machine of a decision (also drawn in the docs)."""


def _weiger(b: Besluit, operatie: str, gevonden: Reden) -> Geweigerd:
    return BESLUITVORMING.weigering(operatie, b.fase, [gevonden])


def bijgewerkt(b: Besluit, datum: dt.date) -> Besluit:
    """``b`` as it stands on ``datum``: a feedback round whose closing date has passed
    is closed (the move to ``besluitvorming`` is recorded the day after that date)."""
    ronde = b.ronde
    if b.fase is F.FEEDBACK and ronde is not None and datum > ronde.tot:
        return BESLUITVORMING.voer_uit(
            b,
            "sluit",
            datum=ronde.tot + dt.timedelta(days=1),
            reden=_("de feedbackronde sloot op {tot}").format(tot=ronde.tot.isoformat()),
        )
    return b


def _stap(
    b: Besluit,
    operatie: str,
    datum: dt.date,
    vandaag: dt.date,
    *,
    wie: str | None = None,
    reden: str | None = None,
    **wijzigingen: Any,
) -> Besluit:
    """``b`` brought up to ``datum``, changed, and moved along ``operatie``; the date is
    checked before the calendar closes a round."""
    redenen = BESLUITVORMING.datum_redenen(b, datum, vandaag)
    if redenen:
        # the refusal names the phase as it stands today (a round whose date passed is
        # closed), so the step it suggests next is one that can be taken
        raise _weiger(bijgewerkt(b, vandaag), operatie, redenen[0])
    huidig = attrs.evolve(bijgewerkt(b, datum), **wijzigingen)
    try:
        return BESLUITVORMING.voer_uit(
            huidig, operatie, datum=datum, wie=wie, reden=reden, vandaag=vandaag
        )
    except Geweigerd:
        # refused as of an earlier day whose phase is not today's (a round that was
        # still open then): when today refuses it too, say why as of today, so the step
        # it suggests next is one that can be taken now
        nu = bijgewerkt(b, vandaag)
        if nu.fase is huidig.fase:
            raise
        try:
            BESLUITVORMING.voer_uit(
                attrs.evolve(nu, **wijzigingen), operatie, datum=vandaag, wie=wie, reden=reden,
                vandaag=vandaag,
            )  # fmt: skip
        except Geweigerd as vandaag_geweigerd:
            raise vandaag_geweigerd from None
        raise


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
    nummer = len(b.ideeen) + 1
    nieuw_idee = Idee(nummer=nummer, tekst=tekst, door=door, datum=datum)
    return _stap(
        b,
        "idee",
        datum,
        vandaag,
        wie=door.persoon,
        reden=_("idee {n}").format(n=nummer),
        ideeen=(*b.ideeen, nieuw_idee),
    )


def voorstel(
    b: Besluit,
    tekst: str,
    *,
    leider: str,
    datum: dt.date,
    vandaag: dt.date,
    bezwaar: Reden | None = None,
    zonder_expert: str | None = None,
    ideeen: Sequence[int] = (),
) -> Besluit:
    """Write (a new version of) the proposal under the lead of ``leider``.

    ``bezwaar`` is why the lead does not qualify (not a leider or expert of the
    werkgroep, or no expertise on the theme); the proposal is then refused unless
    ``zonder_expert`` gives a reason, which is recorded. During a feedback round a new
    version closes the round: its feedback stays with the old version.
    """
    if bezwaar is not None and not (zonder_expert and zonder_expert.strip()):
        raise _weiger(b, "voorstel", bezwaar)
    onbekend = sorted(set(ideeen) - {i.nummer for i in b.ideeen})
    if onbekend:
        raise InvalidValue(
            ngettext(
                "Idee {nummers} bestaat niet.", "De ideeën {nummers} bestaan niet.", len(onbekend)
            ).format(nummers=", ".join(map(str, onbekend))),
            veld="idee",
        )
    huidig = bijgewerkt(b, min(datum, vandaag))
    rondes = huidig.rondes
    reden = zonder_expert.strip() if bezwaar and zonder_expert else None
    if huidig.fase is F.FEEDBACK and huidig.ronde is not None:
        rondes = (*rondes[:-1], attrs.evolve(huidig.ronde, gesloten=datum))
        reden = _("het voorstel veranderde tijdens de feedbackronde; ronde {n} is gesloten").format(
            n=huidig.ronde.nummer
        ) + (f"; {reden}" if reden else "")
    nieuw_voorstel = Voorstel(
        versie=len(huidig.voorstellen) + 1,
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
        wie=leider,
        reden=reden,
        voorstellen=(*huidig.voorstellen, nieuw_voorstel),
        rondes=rondes,
    )


def feedback_open(
    b: Besluit, *, tot: dt.date, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Besluit:
    """Open a feedback round on the current proposal, until ``tot`` (inclusive)."""
    if tot <= datum:
        raise _weiger(
            b,
            "feedback-open",
            reden("besluit.sluitdatum", tot=tot.isoformat(), datum=datum.isoformat()),
        )
    huidig = bijgewerkt(b, min(datum, vandaag))
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
        wie=wie,
        reden=_("ronde {n} tot en met {tot}").format(n=ronde.nummer, tot=tot.isoformat()),
        rondes=(*huidig.rondes, ronde),
    )


def feedback(
    b: Besluit, tekst: str, *, door: Bijdrager, datum: dt.date, vandaag: dt.date
) -> Besluit:
    """React to the proposal during an open round (on or before its closing date)."""
    ronde = b.ronde
    if b.fase is F.FEEDBACK and ronde is not None:
        if datum > ronde.tot:
            raise _weiger(b, "feedback", reden("besluit.ronde-gesloten", tot=ronde.tot.isoformat()))
        if datum < ronde.geopend:
            raise _weiger(
                b, "feedback", reden("besluit.ronde-niet-begonnen", datum=ronde.geopend.isoformat())
            )
    nummer = len(b.feedback) + 1
    item = Feedback(
        nummer=nummer,
        ronde=ronde.nummer if ronde else 0,
        voorstel=ronde.voorstel if ronde else 0,
        tekst=tekst,
        door=door,
        datum=datum,
    )
    return _stap(
        b,
        "feedback",
        datum,
        vandaag,
        wie=door.persoon,
        reden=_("feedback {n}").format(n=nummer),
        feedback=(*b.feedback, item),
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
    if not any(f.nummer == nummer for f in b.feedback):
        bestaand = ", ".join(str(f.nummer) for f in b.feedback) or _("geen")
        raise InvalidValue(
            _("Feedback {n} bestaat niet (wel: {bestaand}).").format(n=nummer, bestaand=bestaand),
            veld="nummer",
        )
    reactie = Reactie(oordeel=oordeel, motivatie=motivatie, datum=datum)
    return _stap(
        b,
        "reageer",
        datum,
        vandaag,
        wie=wie,
        reden=_("feedback {n}: {oordeel}").format(n=nummer, oordeel=reactie.oordeel.value),
        feedback=tuple(
            attrs.evolve(f, reactie=reactie) if f.nummer == nummer else f for f in b.feedback
        ),
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
    operatie = "verwerp" if verwerp else "neem"
    ronde = b.ronde
    if b.fase is F.FEEDBACK and ronde is not None and datum <= ronde.tot:
        raise _weiger(
            b,
            operatie,
            reden(
                "besluit.ronde-loopt",
                tot=ronde.tot.isoformat(),
                na=(ronde.tot + dt.timedelta(days=1)).isoformat(),
            ),
        )
    return _stap(
        b,
        operatie,
        datum,
        vandaag,
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
    return _stap(b, "implementeer", datum, vandaag, wie=wie, implementaties=notities)


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
    return _stap(b, "evalueer", datum, vandaag, wie=wie, evaluaties=(*b.evaluaties, evaluatie))


def bijstellen(
    b: Besluit, tekst: str, *, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Besluit:
    """Adjust the decision after an evaluation; it is then implemented again."""
    return _stap(
        b,
        "bijstellen",
        datum,
        vandaag,
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
    if herevaluatie is not None and herevaluatie <= datum:
        raise _weiger(
            b,
            "borg",
            reden("besluit.herevaluatie", her=herevaluatie.isoformat(), datum=datum.isoformat()),
        )
    return _stap(
        b,
        "borg",
        datum,
        vandaag,
        wie=wie,
        reden=_("herevaluatie op {datum}").format(datum=herevaluatie.isoformat())
        if herevaluatie
        else None,
        herevaluatie=herevaluatie,
    )


def intrekken(
    b: Besluit, reden_: str, *, datum: dt.date, vandaag: dt.date, wie: str | None = None
) -> Besluit:
    """Withdraw the decision before it is taken, with a reason."""
    controleer_niet_leeg(reden_, "reden")
    if b.fase not in _VOOR_BESLUIT:
        genomen = met_woorden(
            reden("besluit.al-genomen", fase=b.fase.value), {"fase": keuzes.naam(b.fase)}
        )
        raise _weiger(b, "intrekken", genomen)
    return _stap(b, "intrekken", datum, vandaag, wie=wie, reden=reden_.strip())
