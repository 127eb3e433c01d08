"""Whether the contents of a werkplaats make sense together: states no operation makes.

Every file can be valid on its own and still describe something no sequence of
operations leads to: a cycle in phase ``afgerond`` without an evaluation, a measurement
after the evaluation, a history that jumps, two schools with one BRIN code, feedback
dated after its round closed, a member who does not exist. A hand edit or a git merge
can leave such a state behind. :func:`controleer` finds every one of them in one go;
each is a :class:`Probleem` with a stable code (listed in :data:`CODES`), the entity and
the path of the field in its file, the values involved, what is wrong and a way out.

The phases are not described here a second time: :func:`eisen_in` reads from a declared
:class:`~onderzoekscyclus.domein.machine.Machine` which guards every way to a state has
passed, and the history is checked against the declared transitions.

Nothing here reads a file or a clock: the caller passes the objects and today's date.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Any

import attrs

from onderzoekscyclus.domein.besluit import Besluit, Feedback, Feedbackronde
from onderzoekscyclus.domein.besluitvorming import BESLUITVORMING
from onderzoekscyclus.domein.bezoek import Schoolbezoek
from onderzoekscyclus.domein.cyclus import Fase, Onderzoekscyclus, Pauze
from onderzoekscyclus.domein.cyclusstappen import CYCLUS
from onderzoekscyclus.domein.machine import Eis, Machine, Overgangsregel
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.ontwikkelagenda import Agendapunt
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.zelfevaluatie import Zelfevaluatie
from onderzoekscyclus.errors import Reden
from onderzoekscyclus.i18n import N_, _, huidige_taal

__all__ = [
    "CODES",
    "Bekend",
    "Entiteit",
    "Kenmerken",
    "Probleem",
    "Verwijzing",
    "controleer",
    "controleer_besluit",
    "controleer_bezoek",
    "controleer_werkgroep",
    "dubbele",
    "eigen_problemen",
    "eisen_in",
    "kenmerken",
    "laatste_datum",
    "onbekende_cycli",
    "onbekende_verwijzingen",
    "sleutels",
    "verwijzingen_naar",
]

CODES: dict[str, tuple[str, str]] = {
    # references
    "verwijzing.onbekend": (
        N_("{naar} '{id}' bestaat niet."),
        N_("Voeg die {naar} toe, verbeter het id, of haal de verwijzing weg."),
    ),
    "verwijzing.onbekende-cyclus": (
        N_("Werkgroep '{werkgroep}' heeft geen cyclus {nummer}."),
        N_("Verbeter het nummer van de cyclus, of haal de verwijzing weg."),
    ),
    # schools and werkgroepen
    "school.brin-dubbel": (
        N_("De BRIN-code {brin} hoort ook bij school '{naam}' ({ander})."),
        N_(
            "Een BRIN-code hoort bij één school: verbeter de code in een van de twee "
            "bestanden, of voeg de scholen samen."
        ),
    ),
    "school.naam-dubbel": (
        N_("Er is al een school met de naam '{naam}' ({ander})."),
        N_("Geef een van de twee scholen een andere naam, bijvoorbeeld met de plaats erbij."),
    ),
    "persoon.dubbel": (
        N_("Er is al een persoon '{naam}' op deze school ({ander})."),
        N_(
            "Is het dezelfde persoon (bijvoorbeeld in twee kopieën van de werkplaats "
            "toegevoegd), voeg de twee dan samen; zijn het twee mensen, maak de namen "
            "verschillend, bijvoorbeeld met een voorletter."
        ),
    ),
    "werkgroep.naam-dubbel": (
        N_("School '{school}' heeft al een werkgroep '{naam}' ({ander})."),
        N_("Geef een van de twee werkgroepen een andere naam, of voeg ze samen."),
    ),
    # the research cycle
    "cyclus.nummering": (
        N_("Dit is cyclus {positie} van de werkgroep, maar hij heeft nummer {nummer}."),
        N_("Nummer de cycli 1, 2, 3 … in de volgorde waarin ze in het bestand staan."),
    ),
    "cyclus.vorige-onbekend": (
        N_("De cyclus bouwt voort op cyclus {vorige}, maar die staat er niet vóór."),
        N_("Verbeter `vorige`, of haal het weg."),
    ),
    "cyclus.eerdere-loopt-nog": (
        N_("Cyclus {nummer} staat nog in '{fase}', terwijl er al een volgende cyclus is."),
        N_(
            "Een nieuwe cyclus begint pas als de vorige is afgerond: rond cyclus {nummer} af "
            "in het bestand (fase 'afgerond', met een evaluatie), of haal de latere cyclus weg."
        ),
    ),
    "cyclus.meting-onbekende-indicator": (
        N_("De meting is van indicator '{indicator}', maar de cyclus heeft die indicator niet."),
        N_("Verbeter de naam van de indicator, of voeg de indicator toe aan het doel."),
    ),
    "cyclus.meting-voor-start": (
        N_("De meting van '{indicator}' op {datum} ligt vóór de start van de cyclus ({gestart})."),
        N_("Verbeter de datum van de meting of `gestart`."),
    ),
    "cyclus.meting-na-evaluatie": (
        N_("De meting van '{indicator}' op {datum} ligt na de evaluatie ({evaluatie})."),
        N_(
            "Verbeter de datum; hoort de meting echt bij deze cyclus, zet de cyclus dan terug "
            "naar 'uitvoering' en evalueer opnieuw."
        ),
    ),
    # any state machine: the phase and its history
    "fase.onbereikbaar": (
        N_("De fase is '{fase}', maar {redenen}."),
        N_("Vul in het bestand aan wat ontbreekt, of zet de fase terug naar '{terug}'."),
    ),
    "historie.leeg": (
        N_("Er is geen historie: niets laat zien hoe de fase '{fase}' is bereikt."),
        N_("Zet de stappen die ertoe leidden in `historie`, elk met datum, overgang, van en naar."),
    ),
    "historie.begin": (
        N_(
            "De historie begint met '{overgang}' van '{van}' naar '{naar}', niet bij het "
            "begin ('{begin}')."
        ),
        N_("Laat de historie beginnen met de eerste stap: van \"\" naar '{begin}'."),
    ),
    "historie.onbekende-stap": (
        N_("'{overgang}' van '{van}' naar '{naar}' is geen stap die kan."),
        N_("Verbeter de overgang, `van` of `naar`, of haal de regel weg."),
    ),
    "historie.keten": (
        N_("Deze stap begint in '{van}', maar de stap ervoor eindigde in '{vorige}'."),
        N_("Vul de stap aan die ontbreekt, of verbeter `van`."),
    ),
    "historie.einde": (
        N_("De fase is '{fase}', maar de historie eindigt in '{laatste}'."),
        N_("Zet de fase op '{laatste}', of vul de historie aan met de stappen naar '{fase}'."),
    ),
    # dates
    "datum.volgorde": (
        N_("{datum} ligt vóór de stap ervoor ({vorige}); de historie staat op volgorde van datum."),
        N_("Verbeter de datum, of zet de stappen in de volgorde waarin ze gebeurden."),
    ),
    "datum.toekomst": (
        N_("{datum} ligt na vandaag ({vandaag}); wat is vastgelegd, is gebeurd."),
        N_("Verbeter de datum in de dag waarop het gebeurde."),
    ),
    # school visits
    "bezoek.bevinding-voor-bezoek": (
        N_("De bevinding van {datum} ligt vóór de dag van het bezoek ({bezoek})."),
        N_("Verbeter de datum van de bevinding of van het bezoek."),
    ),
    # besluitvorming
    "besluit.nummering": (
        N_("Dit is nummer {positie} in `{lijst}`, maar er staat {nummer}."),
        N_(
            "Nummer 1, 2, 3 … in de volgorde waarin ze in het bestand staan; anders komt een "
            "reactie of verwijzing op nummer bij het verkeerde punt."
        ),
    ),
    "besluit.onbekend-idee": (
        N_("Voorstel versie {versie} bouwt voort op idee {idee}, dat niet bestaat."),
        N_("Verbeter het nummer van het idee, of haal het weg."),
    ),
    "besluit.onbekend-voorstel": (
        N_("Ronde {ronde} gaat over voorstel versie {versie}, die niet bestaat."),
        N_("Verbeter `voorstel` in de ronde."),
    ),
    "besluit.onbekende-ronde": (
        N_("Feedback {nummer} hoort bij ronde {ronde}, die niet bestaat."),
        N_("Verbeter `ronde` in het feedbackpunt."),
    ),
    "besluit.feedback-versie": (
        N_(
            "Feedback {nummer} gaat over voorstel versie {voorstel}, maar ronde {ronde} ging "
            "over versie {versie}."
        ),
        N_("Zet `voorstel` op {versie}."),
    ),
    "besluit.feedback-na-sluiting": (
        N_("Feedback {nummer} is van {datum}, maar ronde {ronde} liep tot en met {tot}."),
        N_("Verbeter de datum; feedback kan alleen tijdens een open ronde."),
    ),
    "besluit.feedback-voor-opening": (
        N_("Feedback {nummer} is van {datum}, vóór de opening van ronde {ronde} ({geopend})."),
        N_("Verbeter de datum van de feedback of van de opening."),
    ),
    "besluit.reactie-voor-feedback": (
        N_("De reactie op feedback {nummer} ({datum}) is ouder dan de feedback zelf ({feedback})."),
        N_("Verbeter een van de twee datums."),
    ),
    "besluit.ronde-sluitdatum": (
        N_("Ronde {ronde} sluit op {tot}, niet na de opening ({geopend})."),
        N_("Zet `tot` na `geopend`."),
    ),
    "besluit.genomen-tijdens-ronde": (
        N_("Het besluit is van {datum}, terwijl ronde {ronde} nog liep tot en met {tot}."),
        N_("Verbeter de datum: de werkgroep besluit pas na de sluitdatum van de laatste ronde."),
    ),
}
"""Every problem code, with what is wrong and the way out (texts marked for translation,
filled in with the problem's values). Codes are never renamed, only added."""

SOORTNAMEN: dict[str, str] = {
    "school": N_("school"),
    "persoon": N_("persoon"),
    "werkgroep": N_("werkgroep"),
    "bezoek": N_("bezoek"),
}
"""The kinds of entity a reference can point to, as a message names them."""

_VOLGORDE = ("school", "persoon", "werkgroep", "besluit", "zelfevaluatie", "agendapunt", "bezoek")


@attrs.frozen
class Probleem:
    """A state no operation leads to: ``code`` (a key of :data:`CODES`), the entity (its
    ``soort``, as the schema names it, and ``id``), the ``pad`` of the field in its file
    (``$.cycli[0].fase``) and the ``waarden`` involved. ``redenen`` are the guards that
    fail for a phase that cannot be reached (code ``fase.onbereikbaar``).

    The texts are made in the current language when they are read.
    """

    code: str
    soort: str
    id: str
    pad: str
    waarden: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    redenen: tuple[Reden, ...] = ()

    def _ingevuld(self) -> dict[str, Any]:
        waarden = dict(self.waarden)
        # `naar` is data ("persoon"); the message names that kind in the reader's language
        if "naar" in waarden and waarden["naar"] in SOORTNAMEN:
            waarden["naar"] = _(SOORTNAMEN[waarden["naar"]])
        taal = huidige_taal()
        waarden["redenen"] = "; ".join(r.tekst(taal) for r in self.redenen)
        return waarden

    def wat(self) -> str:
        """What is wrong."""
        return _(CODES[self.code][0]).format(**self._ingevuld())

    def uitweg(self) -> str:
        """How to put it right."""
        return _(CODES[self.code][1]).format(**self._ingevuld())

    def tekst(self) -> str:
        """What is wrong and how to put it right, in one line."""
        return f"{self.wat()} {self.uitweg()}"

    def __str__(self) -> str:
        return self.tekst()


@attrs.frozen
class _Bij:
    """Makes the problems of one entity: its ``soort`` and ``id``."""

    soort: str
    id: str

    def __call__(self, code: str, pad: str, *redenen: Reden, **waarden: Any) -> Probleem:
        data = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in waarden.items()}
        return Probleem(code, self.soort, self.id, pad, data, redenen)


# --- what a state asks: derived from the declared machine --------------------------------


def eisen_in(
    machine: Machine[Any, Any], extra: Mapping[str, Sequence[Eis]] | None = None
) -> dict[Any, tuple[Eis, ...]]:
    """Per state, the guards every way into it has passed (in declaration order).

    ``extra`` adds, per operation, what the operation itself brings about (a decision
    taken has its text); those count as guards of that operation. Contents only grow
    along the way, so what a guard asked on the way still holds in the state. Returning
    to the state before (resuming) adds nothing, and the begin state asks nothing. This
    is a greatest fixed point: start from "everything" and keep, per state, what every
    transition into it guarantees.
    """
    eigen = {o: (*o.eisen, *(extra or {}).get(o.naam, ())) for o in machine.overgangen}
    alle = list(dict.fromkeys(e for eisen in eigen.values() for e in eisen))
    binnen = [
        (van, o)
        for o in machine.overgangen
        if o.naar is not None and not o.naar_vorige
        for van in o.van
        if van is not o.naar
    ]
    eisen: dict[Any, set[Eis]] = {t: set(alle) for t in machine.toestanden}
    eisen[machine.begin] = set()
    veranderd = True
    while veranderd:
        veranderd = False
        for toestand in machine.toestanden:
            wegen = [set(eigen[o]) | eisen[van] for van, o in binnen if o.naar is toestand]
            if toestand is machine.begin or not wegen:
                continue
            nieuw = set.intersection(*wegen)
            if nieuw != eisen[toestand]:
                eisen[toestand], veranderd = nieuw, True
    return {t: tuple(e for e in alle if e in eisen[t]) for t in machine.toestanden}


def _voorgangers(machine: Machine[Any, Any]) -> dict[Any, tuple[Any, ...]]:
    """Per state, the states from which forward steps (not back, not resuming) lead to
    it, in declaration order."""
    stappen = {
        (van, o.naar)
        for o in machine.overgangen
        if o.naar is not None and not o.naar_vorige and o.naam != machine.terug
        for van in o.van
    }
    uit = {}
    for toestand in machine.toestanden:
        gevonden: set[Any] = set()
        rand = {toestand}
        while rand:
            rand = {van for van, naar in stappen if naar in rand} - gevonden
            gevonden |= rand
        uit[toestand] = tuple(t for t in machine.toestanden if t in gevonden - {toestand})
    return uit


class _Fasen:
    """What each state of a machine asks of the data, and the last earlier state that
    the data does fit (the way back to suggest)."""

    def __init__(self, machine: Machine[Any, Any], extra: Mapping[str, Sequence[Eis]]) -> None:
        self.begin = machine.begin
        self.eisen = eisen_in(machine, extra)
        self.voorgangers = _voorgangers(machine)

    def redenen(self, obj: Any, toestand: Any) -> list[Reden]:
        """Why ``obj`` cannot be in ``toestand`` (each reason once)."""
        gevonden = (eis(obj) for eis in self.eisen[toestand])
        return list(dict.fromkeys(r for r in gevonden if r is not None))

    def controleer(self, obj: Any, toestand: Any, bij: _Bij, pad: str) -> list[Probleem]:
        redenen = self.redenen(obj, toestand)
        if not redenen:
            return []
        passend = [t for t in self.voorgangers[toestand] if not self.redenen(obj, t)]
        terug = passend[-1] if passend else self.begin
        return [bij("fase.onbereikbaar", pad, *redenen, fase=toestand.value, terug=terug.value)]


def _heeft_voorstel(b: Besluit) -> Reden | None:
    return None if b.voorstellen else reden("besluit.geen-voorstel")


def _heeft_ronde(b: Besluit) -> Reden | None:
    return None if b.rondes else Reden("besluit.geen-ronde", N_("er is nog geen feedbackronde"))


def _besloten(verworpen: bool) -> Eis:
    def eis(b: Besluit) -> Reden | None:
        if b.besluit is None:
            return Reden("besluit.geen-besluit", N_("het besluit zelf ontbreekt (`besluit`)"))
        if b.besluit.verworpen and not verworpen:
            return Reden("besluit.verworpen", N_("het voorstel is verworpen (`besluit.verworpen`)"))
        if verworpen and not b.besluit.verworpen:
            return Reden(
                "besluit.niet-verworpen", N_("het voorstel is niet verworpen (`besluit.verworpen`)")
            )
        return None

    return eis


def _heeft_bijstelling(b: Besluit) -> Reden | None:
    if b.bijstellingen:
        return None
    return Reden("besluit.geen-bijstelling", N_("er is nog geen bijstelling"))


_CYCLUSFASEN = _Fasen(CYCLUS, {})
_BESLUITFASEN = _Fasen(
    BESLUITVORMING,
    {
        # what these operations bring about themselves, beyond their guards
        "voorstel": (_heeft_voorstel,),
        "feedback-open": (_heeft_ronde,),
        "neem": (_besloten(verworpen=False),),
        "verwerp": (_besloten(verworpen=True),),
        "bijstellen": (_heeft_bijstelling,),
    },
)


# --- the history -------------------------------------------------------------------------


def _voor(historie: Sequence[Overgangsregel], toestand: str) -> str | None:
    """The state before ``toestand`` was last entered (what resuming returns to)."""
    for regel in reversed(historie):
        if regel.naar == toestand and regel.van != regel.naar:
            return regel.van
    return None


def _leidt_naar(
    machine: Machine[Any, Any], regel: Overgangsregel, eerder: Sequence[Overgangsregel]
) -> str | None:
    """The state the declared step of ``regel`` leads to (``None``: no such step)."""
    van: Any = next((t for t in machine.toestanden if t.value == regel.van), None)
    overgang = machine.overgang(regel.overgang, van) if van is not None else None
    if overgang is None:
        return None
    if overgang.naar_vorige:
        return _voor(eerder, regel.van)
    return str((overgang.naar if overgang.naar is not None else van).value)


def _historie(
    machine: Machine[Any, Any], historie: Sequence[Overgangsregel], fase: str, bij: _Bij, pad: str
) -> list[Probleem]:
    """Every step declared, each starting where the one before ended, in date order (as
    the machine orders them: a measurement from the start of its uitvoering, every other
    step on or after all steps before it, see :meth:`Machine.datumgrenzen`)."""
    if not historie:
        return [bij("historie.leeg", f"{pad}.historie", fase=fase)]
    uit = []
    grenzen = machine.datumgrenzen(historie)
    eerste, begin = historie[0], str(machine.begin.value)
    if eerste.van or eerste.naar != begin:
        uit.append(
            bij(
                "historie.begin",
                f"{pad}.historie[0]",
                overgang=eerste.overgang,
                van=eerste.van,
                naar=eerste.naar,
                begin=begin,
            )
        )
    for i in range(1, len(historie)):
        regel, vorige, hier = historie[i], historie[i - 1], f"{pad}.historie[{i}]"
        stap = {"overgang": regel.overgang, "van": regel.van, "naar": regel.naar}
        if regel.van != vorige.naar:
            uit.append(bij("historie.keten", f"{hier}.van", van=regel.van, vorige=vorige.naar))
        elif _leidt_naar(machine, regel, historie[:i]) != regel.naar:
            uit.append(bij("historie.onbekende-stap", hier, **stap))
        grens = grenzen[i]
        if grens is not None and regel.datum < grens:
            uit.append(bij("datum.volgorde", f"{hier}.datum", datum=regel.datum, vorige=grens))
    return uit


def _einde(
    historie: Sequence[Overgangsregel], fase: str, gepauzeerd: bool, bij: _Bij, pad: str
) -> list[Probleem]:
    """The history ends in the state the object is in (when paused: paused from its
    phase)."""
    if not historie:
        return []
    laatste = historie[-1].naar
    if laatste == Pauze.GEPAUZEERD.value:
        laatste = _als_tekst(_voor(historie, laatste) or "", gepauzeerd=True)
    staat = _als_tekst(fase, gepauzeerd=gepauzeerd)
    return [] if staat == laatste else [bij("historie.einde", pad, fase=staat, laatste=laatste)]


def _als_tekst(fase: str, *, gepauzeerd: bool) -> str:
    return f"{Pauze.GEPAUZEERD.value} ({fase})" if gepauzeerd else fase


Datums = Iterable[tuple[str, dt.date | None]]


def _toekomst(datums: Datums, vandaag: dt.date, bij: _Bij) -> list[Probleem]:
    return [
        bij("datum.toekomst", pad, datum=datum, vandaag=vandaag)
        for pad, datum in datums
        if datum is not None and datum > vandaag
    ]


# --- a werkgroep and its cycles ------------------------------------------------------------


def controleer_werkgroep(groep: Werkgroep, *, vandaag: dt.date) -> list[Probleem]:
    """What does not fit within one werkgroep: its cycles (numbering, phase and history,
    measurements) and dates after ``vandaag``. References to other files are left to
    :func:`controleer`."""
    bij = _Bij("werkgroep", groep.id)
    logboek = ((f"$.logboek[{i}].datum", r.datum) for i, r in enumerate(groep.logboek))
    uit = _toekomst(logboek, vandaag, bij)
    for i in range(len(groep.cycli)):
        uit += _cyclus(groep, i, bij, vandaag)
    return uit


def _cyclus(groep: Werkgroep, i: int, bij: _Bij, vandaag: dt.date) -> list[Probleem]:
    c, pad = groep.cycli[i], f"$.cycli[{i}]"
    uit = []
    if c.nummer != i + 1:
        uit.append(bij("cyclus.nummering", f"{pad}.nummer", positie=i + 1, nummer=c.nummer))
    if c.vorige is not None and c.vorige not in {e.nummer for e in groep.cycli[:i]}:
        uit.append(bij("cyclus.vorige-onbekend", f"{pad}.vorige", vorige=c.vorige))
    if i < len(groep.cycli) - 1 and (c.fase is not Fase.AFGEROND or c.gepauzeerd):
        fase = _als_tekst(c.fase.value, gepauzeerd=c.gepauzeerd)
        uit.append(bij("cyclus.eerdere-loopt-nog", f"{pad}.fase", nummer=c.nummer, fase=fase))
    uit += _historie(CYCLUS, c.historie, c.fase.value, bij, pad)
    uit += _einde(c.historie, c.fase.value, c.gepauzeerd, bij, f"{pad}.fase")
    uit += _CYCLUSFASEN.controleer(c, c.fase, bij, f"{pad}.fase")
    uit += _metingen(c, bij, pad)
    uit += _toekomst(_cyclusdatums(c, pad), vandaag, bij)
    return uit


def _metingen(c: Onderzoekscyclus, bij: _Bij, pad: str) -> list[Probleem]:
    # The evaluation weighs the measurements before it. Back in `uitvoering` the old
    # evaluation stays until the next one: measuring again is what going back is for.
    klaar = c.fase in (Fase.EVALUATIE, Fase.AFGEROND)
    evaluatie = c.evaluatie.datum if c.evaluatie is not None and klaar else None
    uit = []
    for k, m in enumerate(c.metingen):
        hier, meting = f"{pad}.metingen[{k}]", {"indicator": m.indicator, "datum": m.datum}
        if c.indicator(m.indicator) is None:
            uit.append(bij("cyclus.meting-onbekende-indicator", f"{hier}.indicator", **meting))
        if m.datum < c.gestart:
            uit.append(
                bij("cyclus.meting-voor-start", f"{hier}.datum", gestart=c.gestart, **meting)
            )
        if evaluatie is not None and m.datum > evaluatie:
            uit.append(
                bij("cyclus.meting-na-evaluatie", f"{hier}.datum", evaluatie=evaluatie, **meting)
            )
    return uit


def _cyclusdatums(c: Onderzoekscyclus, pad: str) -> Datums:
    yield f"{pad}.gestart", c.gestart
    yield from ((f"{pad}.bronnen[{k}].datum", b.datum) for k, b in enumerate(c.bronnen))
    yield from (
        (f"{pad}.indicatoren[{k}].vastgesteld", x.vastgesteld) for k, x in enumerate(c.indicatoren)
    )
    yield from ((f"{pad}.metingen[{k}].datum", m.datum) for k, m in enumerate(c.metingen))
    yield f"{pad}.evaluatie.datum", c.evaluatie.datum if c.evaluatie else None
    yield from ((f"{pad}.historie[{k}].datum", r.datum) for k, r in enumerate(c.historie))


# --- a besluit -------------------------------------------------------------------------------


def controleer_besluit(b: Besluit, *, vandaag: dt.date) -> list[Probleem]:
    """What does not fit within one besluit: numbering, rounds and feedback, the phase
    and its history, and dates after ``vandaag``. A round whose closing date has passed
    may still be stored as ``feedback`` (the next step records the close). References to
    other files are left to :func:`controleer`."""
    bij = _Bij("besluit", b.id)
    uit = []
    for lijst, veld, nummers in (
        ("ideeen", "nummer", [i.nummer for i in b.ideeen]),
        ("voorstellen", "versie", [v.versie for v in b.voorstellen]),
        ("rondes", "nummer", [r.nummer for r in b.rondes]),
        ("feedback", "nummer", [f.nummer for f in b.feedback]),
    ):
        uit += [
            bij("besluit.nummering", f"$.{lijst}[{i}].{veld}", lijst=lijst, positie=i + 1, nummer=n)
            for i, n in enumerate(nummers)
            if n != i + 1
        ]
    uit += _voorstellen_en_rondes(b, bij)
    uit += _feedback(b, bij)
    if b.besluit is not None and b.ronde is not None and b.besluit.datum <= b.ronde.tot:
        uit.append(
            bij(
                "besluit.genomen-tijdens-ronde",
                "$.besluit.datum",
                datum=b.besluit.datum,
                ronde=b.ronde.nummer,
                tot=b.ronde.tot,
            )
        )
    uit += _historie(BESLUITVORMING, b.historie, b.fase.value, bij, "$")
    uit += _einde(b.historie, b.fase.value, False, bij, "$.fase")
    uit += _BESLUITFASEN.controleer(b, b.fase, bij, "$.fase")
    uit += _toekomst(_besluitdatums(b), vandaag, bij)
    return uit


def _voorstellen_en_rondes(b: Besluit, bij: _Bij) -> list[Probleem]:
    ideeen = {i.nummer for i in b.ideeen}
    uit = [
        bij("besluit.onbekend-idee", f"$.voorstellen[{v}].ideeen[{k}]", versie=x.versie, idee=idee)
        for v, x in enumerate(b.voorstellen)
        for k, idee in enumerate(x.ideeen)
        if idee not in ideeen
    ]
    for r, ronde in enumerate(b.rondes):
        if b.voorstel_versie(ronde.voorstel) is None:
            pad = f"$.rondes[{r}].voorstel"
            uit.append(
                bij("besluit.onbekend-voorstel", pad, ronde=ronde.nummer, versie=ronde.voorstel)
            )
        if ronde.tot <= ronde.geopend:
            uit.append(
                bij(
                    "besluit.ronde-sluitdatum",
                    f"$.rondes[{r}].tot",
                    ronde=ronde.nummer,
                    tot=ronde.tot,
                    geopend=ronde.geopend,
                )
            )
    return uit


def _feedback(b: Besluit, bij: _Bij) -> list[Probleem]:
    rondes = {r.nummer: r for r in b.rondes}
    uit = []
    for k, f in enumerate(b.feedback):
        hier, ronde = f"$.feedback[{k}]", rondes.get(f.ronde)
        if ronde is None:
            uit.append(
                bij("besluit.onbekende-ronde", f"{hier}.ronde", nummer=f.nummer, ronde=f.ronde)
            )
        else:
            uit += _in_ronde(f, ronde, bij, hier)
        if f.reactie is not None and f.reactie.datum < f.datum:
            uit.append(
                bij(
                    "besluit.reactie-voor-feedback",
                    f"{hier}.reactie.datum",
                    nummer=f.nummer,
                    datum=f.reactie.datum,
                    feedback=f.datum,
                )
            )
    return uit


def _in_ronde(f: Feedback, ronde: Feedbackronde, bij: _Bij, hier: str) -> list[Probleem]:
    uit = []
    punt = {"nummer": f.nummer, "ronde": ronde.nummer}
    if f.voorstel != ronde.voorstel:
        uit.append(
            bij(
                "besluit.feedback-versie",
                f"{hier}.voorstel",
                voorstel=f.voorstel,
                versie=ronde.voorstel,
                **punt,
            )
        )
    # a round closes on its date, or earlier when the proposal changed during it
    tot = min(ronde.tot, ronde.gesloten) if ronde.gesloten else ronde.tot
    if f.datum > tot:
        uit.append(
            bij("besluit.feedback-na-sluiting", f"{hier}.datum", datum=f.datum, tot=tot, **punt)
        )
    elif f.datum < ronde.geopend:
        uit.append(
            bij(
                "besluit.feedback-voor-opening",
                f"{hier}.datum",
                datum=f.datum,
                geopend=ronde.geopend,
                **punt,
            )
        )
    return uit


def _besluitdatums(b: Besluit) -> Datums:
    """The date of everything that happened (not a closing date, nor a planned one)."""
    yield from ((f"$.ideeen[{k}].datum", i.datum) for k, i in enumerate(b.ideeen))
    yield from ((f"$.voorstellen[{k}].datum", v.datum) for k, v in enumerate(b.voorstellen))
    for k, r in enumerate(b.rondes):
        yield f"$.rondes[{k}].geopend", r.geopend
        yield f"$.rondes[{k}].gesloten", r.gesloten
    for k, f in enumerate(b.feedback):
        yield f"$.feedback[{k}].datum", f.datum
        yield f"$.feedback[{k}].reactie.datum", f.reactie.datum if f.reactie else None
    yield "$.besluit.datum", b.besluit.datum if b.besluit else None
    for lijst in ("implementaties", "evaluaties", "bijstellingen"):
        notities: Sequence[Any] = getattr(b, lijst)
        yield from ((f"$.{lijst}[{k}].datum", x.datum) for k, x in enumerate(notities))
    yield from ((f"$.historie[{k}].datum", r.datum) for k, r in enumerate(b.historie))


# --- the werkplaats as a whole ---------------------------------------------------------------

Entiteit = School | Persoon | Werkgroep | Besluit | Zelfevaluatie | Agendapunt | Schoolbezoek
"""Anything with a file of its own that :func:`controleer` checks."""


def controleer(
    *,
    scholen: Sequence[School] = (),
    personen: Sequence[Persoon] = (),
    werkgroepen: Sequence[Werkgroep] = (),
    besluiten: Sequence[Besluit] = (),
    zelfevaluaties: Sequence[Zelfevaluatie] = (),
    ontwikkelagenda: Sequence[Agendapunt] = (),
    bezoeken: Sequence[Schoolbezoek] = (),
    vandaag: dt.date,
) -> list[Probleem]:
    """Every problem of these entities together, by entity (schools first, then
    persons, werkgroepen, besluiten, zelfevaluaties and visits, each in id order); an empty list
    when everything fits.

    It is the sum of parts that a caller keeping results per file can also ask one by
    one (the check of a werkplaats does, to look again only at what changed): per entity
    :func:`eigen_problemen` (its file alone), and of its :class:`Kenmerken`
    :func:`onbekende_verwijzingen` and :func:`onbekende_cycli` (against what exists);
    over all of them :func:`dubbele`. Per entity the problems come in that order:
    duplicates, references, cycle references, its own.
    """
    alle: list[Entiteit] = [
        *scholen,
        *personen,
        *werkgroepen,
        *besluiten,
        *zelfevaluaties,
        *ontwikkelagenda,
        *bezoeken,
    ]
    delen = [kenmerken(x) for x in alle]
    bekend = Bekend.van(delen)
    uit = dubbele(delen)
    for obj, deel in zip(alle, delen, strict=True):
        uit += onbekende_verwijzingen(deel, bekend.ids)
        uit += onbekende_cycli(deel, bekend.werkgroepen)
        uit += eigen_problemen(obj, vandaag=vandaag)
    return sorted(uit, key=lambda p: (_VOLGORDE.index(p.soort), p.id))


# --- one entity on its own ---------------------------------------------------------------------


def eigen_problemen(obj: Entiteit, *, vandaag: dt.date) -> list[Probleem]:
    """What does not fit within the file of ``obj`` alone (see
    :func:`controleer_werkgroep` and :func:`controleer_besluit`; of a zelfevaluatie its
    dates after ``vandaag``; a school or person has no such problems).

    .. versionadded:: 0.2.0
    """
    if isinstance(obj, Werkgroep):
        return controleer_werkgroep(obj, vandaag=vandaag)
    if isinstance(obj, Besluit):
        return controleer_besluit(obj, vandaag=vandaag)
    if isinstance(obj, Zelfevaluatie):
        return _toekomst(_zelfevaluatiedatums(obj), vandaag, _Bij("zelfevaluatie", obj.id))
    if isinstance(obj, Agendapunt):
        return _toekomst(_agendadatums(obj), vandaag, _Bij("agendapunt", obj.id))
    if isinstance(obj, Schoolbezoek):
        return controleer_bezoek(obj, vandaag=vandaag)
    return []


def controleer_bezoek(b: Schoolbezoek, *, vandaag: dt.date) -> list[Probleem]:
    """What does not fit within one visit: a bevinding before the day of the visit, or
    after ``vandaag`` (the visit itself may lie ahead: it can be planned).

    .. versionadded:: 0.2.0
    """
    bij = _Bij("bezoek", b.id)
    uit = [
        bij(
            "bezoek.bevinding-voor-bezoek",
            f"$.bevindingen[{k}].datum",
            datum=x.datum,
            bezoek=b.datum,
        )
        for k, x in enumerate(b.bevindingen)
        if x.datum < b.datum
    ]
    return uit + _toekomst(_bezoekdatums(b), vandaag, bij)


def _bezoekdatums(b: Schoolbezoek) -> Datums:
    yield from ((f"$.bevindingen[{k}].datum", x.datum) for k, x in enumerate(b.bevindingen))


def laatste_datum(obj: Entiteit) -> dt.date | None:
    """The latest date of something that happened in ``obj``: the only dates
    :func:`eigen_problemen` holds against "today". Its answer is the same for every
    ``vandaag`` on or after this date (for every ``vandaag`` when it is ``None``), so a
    result kept from another day still holds when both days are on or after it.

    .. versionadded:: 0.2.0
    """
    return max((d for _pad, d in _gebeurd(obj) if d is not None), default=None)


def _gebeurd(obj: Entiteit) -> Datums:
    if isinstance(obj, Werkgroep):
        yield from ((f"$.logboek[{i}].datum", r.datum) for i, r in enumerate(obj.logboek))
        for i, c in enumerate(obj.cycli):
            yield from _cyclusdatums(c, f"$.cycli[{i}]")
    elif isinstance(obj, Besluit):
        yield from _besluitdatums(obj)
    elif isinstance(obj, Zelfevaluatie):
        yield from _zelfevaluatiedatums(obj)
    elif isinstance(obj, Agendapunt):
        yield from _agendadatums(obj)
    elif isinstance(obj, Schoolbezoek):
        yield from _bezoekdatums(obj)


def _zelfevaluatiedatums(z: Zelfevaluatie) -> Datums:
    yield "$.datum", z.datum
    yield from ((f"$.respondenten[{k}].datum", r.datum) for k, r in enumerate(z.respondenten))


def _agendadatums(p: Agendapunt) -> Datums:
    # the school years lie ahead on purpose (it is an agenda); an application's status
    # is something that happened
    yield from ((f"$.aanvragen[{k}].datum", a.datum) for k, a in enumerate(p.aanvragen))


# --- what other files need of an entity --------------------------------------------------------


@attrs.frozen
class Kenmerken:
    """What the checks across files need of one entity, and nothing more: its ``soort``
    and ``id``; of a school its ``naam`` and ``brin``; of a werkgroep its ``naam``, its
    ``scholen`` and the numbers of its ``cycli``; and every reference it makes:
    ``verwijzingen`` as (path, kind, id) and ``cyclusverwijzingen`` as (path, werkgroep,
    cycle number).

    Small and plain, so it can be kept per file: when one file changes, the others'
    kenmerken still answer who refers to what (:meth:`doelen`).

    .. versionadded:: 0.2.0
    """

    soort: str
    id: str
    naam: str = ""
    brin: str = ""
    scholen: tuple[str, ...] = ()
    cycli: tuple[int, ...] = ()
    verwijzingen: tuple[tuple[str, str, str], ...] = ()
    cyclusverwijzingen: tuple[tuple[str, str, int], ...] = ()

    def doelen(self) -> set[tuple[str, str]]:
        """Every entity this one refers to, as (kind, id)."""
        uit = {(naar, doel) for _pad, naar, doel in self.verwijzingen}
        uit.update(("werkgroep", groep) for _pad, groep, _nummer in self.cyclusverwijzingen)
        return uit


def kenmerken(obj: Entiteit) -> Kenmerken:
    """The :class:`Kenmerken` of ``obj``.

    .. versionadded:: 0.2.0
    """
    if isinstance(obj, School):
        # a location of DUO's register is known by its vestigingscode: the locations of
        # one BRIN code are different schools
        return Kenmerken("school", obj.id, naam=obj.naam, brin=obj.code)
    if isinstance(obj, Werkgroep):
        return Kenmerken(
            "werkgroep",
            obj.id,
            naam=obj.naam,
            scholen=tuple(obj.scholen),
            cycli=tuple(c.nummer for c in obj.cycli),
            verwijzingen=_paden(_van_werkgroep(obj)),
            cyclusverwijzingen=tuple(
                (f"$.cycli[{i}].onderbouwing[{k}].cyclus", o.werkgroep, o.cyclus)
                for i, c in enumerate(obj.cycli)
                for k, o in enumerate(c.onderbouwing)
                if o.werkgroep is not None and o.cyclus is not None
            ),
        )
    if isinstance(obj, Besluit):
        return Kenmerken(
            "besluit",
            obj.id,
            verwijzingen=_paden(_van_besluit(obj)),
            cyclusverwijzingen=tuple(
                (f"$.evaluaties[{i}].bewijs[{k}].cyclus", x.werkgroep, x.cyclus)
                for i, e in enumerate(obj.evaluaties)
                for k, x in enumerate(e.bewijs)
                if x.werkgroep is not None and x.cyclus is not None
            ),
        )
    if isinstance(obj, Agendapunt):
        return Kenmerken("agendapunt", obj.id, verwijzingen=_paden(_van_agendapunt(obj)))
    if isinstance(obj, Schoolbezoek):
        return Kenmerken("bezoek", obj.id, verwijzingen=_paden(_van_bezoek(obj)))
    soort = "persoon" if isinstance(obj, Persoon) else "zelfevaluatie"
    return Kenmerken(
        soort,
        obj.id,
        naam=obj.naam if isinstance(obj, Persoon) else "",
        scholen=(obj.school,) if isinstance(obj, Persoon) and obj.school else (),
        verwijzingen=_paden([(_Bij(soort, obj.id), "$.school", obj.school, "school")]),
    )


def _paden(verwijzingen: Iterable[_Verwijzing]) -> tuple[tuple[str, str, str], ...]:
    return tuple((pad, naar, doel) for _bij, pad, doel, naar in verwijzingen if doel is not None)


@attrs.frozen
class Bekend:
    """What exists: per kind of entity (``school``, ``persoon``, ``werkgroep``) the ids
    of those that could be read, and the :class:`Kenmerken` of each werkgroep that
    could be read (its name and cycle numbers).

    .. versionadded:: 0.2.0
    """

    ids: Mapping[str, Container[str]]
    werkgroepen: Mapping[str, Kenmerken]

    @classmethod
    def van(cls, delen: Iterable[Kenmerken]) -> Bekend:
        """What exists when ``delen`` is everything."""
        ids: dict[str, set[str]] = {naar: set() for naar in SOORTNAMEN}
        werkgroepen = {}
        for deel in delen:
            ids.setdefault(deel.soort, set()).add(deel.id)
            if deel.soort == "werkgroep":
                werkgroepen[deel.id] = deel
        return cls(ids, werkgroepen)


def onbekende_verwijzingen(deel: Kenmerken, ids: Mapping[str, Container[str]]) -> list[Probleem]:
    """References of ``deel`` to a school, person or werkgroep whose id is not in
    ``ids`` (per kind, as in :attr:`Bekend.ids`).

    .. versionadded:: 0.2.0
    """
    bij = _Bij(deel.soort, deel.id)
    return [
        bij("verwijzing.onbekend", pad, naar=naar, id=doel)
        for pad, naar, doel in deel.verwijzingen
        if doel not in ids.get(naar, ())
    ]


def onbekende_cycli(deel: Kenmerken, werkgroepen: Mapping[str, Kenmerken]) -> list[Probleem]:
    """References of ``deel`` to a cycle by its number, of a werkgroep that exists (is
    in ``werkgroepen``) but has no such cycle.

    .. versionadded:: 0.2.0
    """
    bij = _Bij(deel.soort, deel.id)
    uit = []
    for pad, groep, nummer in deel.cyclusverwijzingen:
        doel = werkgroepen.get(groep)
        if doel is not None and nummer not in doel.cycli:
            uit.append(bij("verwijzing.onbekende-cyclus", pad, werkgroep=doel.naam, nummer=nummer))
    return uit


# --- duplicates --------------------------------------------------------------------------------


def dubbele(
    delen: Iterable[Kenmerken], schoolnamen: Mapping[str, str] | None = None
) -> list[Probleem]:
    """Two schools with one BRIN code or one name, two werkgroepen of one school with
    one name, and two persons of one school with one name: the one with the larger id
    is reported, naming the other.
    ``schoolnamen`` names the schools of the werkgroepen (by default: the schools among
    ``delen``).

    Only entities that share one of their :func:`sleutels` with another can be
    reported, so a caller that keeps the kenmerken of many can pass just those.

    .. versionadded:: 0.2.0
    """
    lijst = sorted(delen, key=lambda k: k.id)
    scholen = [k for k in lijst if k.soort == "school"]
    groepen = [k for k in lijst if k.soort == "werkgroep"]
    personen = [k for k in lijst if k.soort == "persoon"]
    namen = {s.id: s.naam for s in scholen} if schoolnamen is None else schoolnamen
    return [
        *_dubbele_scholen(scholen),
        *_dubbele_werkgroepen(groepen, namen),
        *_dubbele_personen(personen),
    ]


def _dubbele_personen(personen: Sequence[Kenmerken]) -> list[Probleem]:
    """A name that a person of the same school with a smaller id already has."""
    eerste: dict[str, Kenmerken] = {}
    uit = []
    for persoon in personen:
        for sleutel in sleutels(persoon):
            ander = eerste.setdefault(sleutel, persoon)
            if ander is not persoon:
                uit.append(
                    _Bij("persoon", persoon.id)(
                        "persoon.dubbel", "$.naam", naam=ander.naam, ander=ander.id
                    )
                )
    return uit


def sleutels(deel: Kenmerken) -> tuple[str, ...]:
    """What ``deel`` must not share with another entity, as text: a school's BRIN code
    and name, a werkgroep's name per school (names compared as
    :func:`~onderzoekscyclus.domein.tekst.vergelijkbaar`). Two entities that
    :func:`dubbele` reports share one of these.

    .. versionadded:: 0.2.0
    """
    if deel.soort == "school":
        return tuple("|".join(s) for s in _schoolsleutels(deel))
    if deel.soort == "werkgroep":
        naam = vergelijkbaar(deel.naam)
        return tuple(dict.fromkeys("|".join(_groepsleutel(s, naam)) for s in deel.scholen))
    if deel.soort == "persoon" and deel.scholen:
        return (f"persoon.dubbel|{deel.scholen[0]}|{vergelijkbaar(deel.naam)}",)
    return ()


def _schoolsleutels(school: Kenmerken) -> tuple[tuple[str, str], ...]:
    return (
        ("school.brin-dubbel", school.brin),
        ("school.naam-dubbel", vergelijkbaar(school.naam)),
    )


def _groepsleutel(school: str, naam: str) -> tuple[str, str, str]:
    return ("werkgroep.naam-dubbel", school, naam)


def _dubbele_scholen(scholen: Sequence[Kenmerken]) -> list[Probleem]:
    """A BRIN code or a name that a school with a smaller id already has."""
    uit = []
    eerste: dict[tuple[str, str], Kenmerken] = {}
    for school in scholen:
        bij = _Bij("school", school.id)
        for sleutel in _schoolsleutels(school):
            ander = eerste.setdefault(sleutel, school)
            if ander is not school:
                code = sleutel[0]
                pad = "$.brin" if code == "school.brin-dubbel" else "$.naam"
                uit.append(bij(code, pad, brin=school.brin, naam=ander.naam, ander=ander.id))
    return uit


def _dubbele_werkgroepen(
    werkgroepen: Sequence[Kenmerken], namen: Mapping[str, str]
) -> list[Probleem]:
    """A name that a werkgroep of the same school with a smaller id already has."""
    eerste: dict[tuple[str, str, str], Kenmerken] = {}
    uit = []
    for groep in werkgroepen:
        naam = vergelijkbaar(groep.naam)
        andere = [eerste.setdefault(_groepsleutel(s, naam), groep) for s in groep.scholen]
        gedeeld = [(s, a) for s, a in zip(groep.scholen, andere, strict=True) if a is not groep]
        if gedeeld:
            school, ander = gedeeld[0]
            uit.append(
                _Bij("werkgroep", groep.id)(
                    "werkgroep.naam-dubbel",
                    "$.naam",
                    school=namen.get(school, school),
                    naam=ander.naam,
                    ander=ander.id,
                )
            )
    return uit


# --- references --------------------------------------------------------------------------

_Verwijzing = tuple[_Bij, str, str | None, str]
"""Who refers, the path, the id referred to, and the kind of entity it should be."""


@attrs.frozen
class Verwijzing:
    """One place that refers to another entity: who (``soort``, ``id``), where in its
    file (``pad``), and to what (``naar``: the kind, ``doel``: the id)."""

    soort: str
    id: str
    pad: str
    naar: str
    doel: str


def verwijzingen_naar(
    doel: str,
    *,
    personen: Sequence[Persoon] = (),
    werkgroepen: Sequence[Werkgroep] = (),
    besluiten: Sequence[Besluit] = (),
    zelfevaluaties: Sequence[Zelfevaluatie] = (),
    ontwikkelagenda: Sequence[Agendapunt] = (),
    bezoeken: Sequence[Schoolbezoek] = (),
) -> list[Verwijzing]:
    """Every place that refers to the entity with id ``doel`` (a school, person,
    werkgroep or visit): the same references :func:`controleer` checks, and respondent
    lists labelled with a person's id.

    .. versionchanged:: 0.2.0 ``bezoeken``
    """
    alle: list[_Verwijzing] = [
        (_Bij("persoon", p.id), "$.school", p.school, "school") for p in personen
    ]
    for groep in werkgroepen:
        alle += _van_werkgroep(groep)
    for b in besluiten:
        alle += _van_besluit(b)
    for z in zelfevaluaties:
        bij = _Bij("zelfevaluatie", z.id)
        alle.append((bij, "$.school", z.school, "school"))
        alle += [
            (bij, f"$.respondenten[{k}].label", r.label, "persoon")
            for k, r in enumerate(z.respondenten)
        ]
    for punt in ontwikkelagenda:
        alle += _van_agendapunt(punt)
    for x in bezoeken:
        alle += _van_bezoek(x)
    return [
        Verwijzing(bij.soort, bij.id, pad, naar, doel)
        for bij, pad, naar_id, naar in alle
        if naar_id == doel
    ]


def _van_werkgroep(groep: Werkgroep) -> list[_Verwijzing]:
    bij = _Bij("werkgroep", groep.id)
    uit: list[_Verwijzing] = [
        (bij, f"$.scholen[{i}]", s, "school") for i, s in enumerate(groep.scholen)
    ]
    uit += [(bij, f"$.leden[{i}].persoon", x.persoon, "persoon") for i, x in enumerate(groep.leden)]
    uit += [
        (bij, f"$.logboek[{i}].auteur", r.auteur, "persoon") for i, r in enumerate(groep.logboek)
    ]
    for i, c in enumerate(groep.cycli):
        pad = f"$.cycli[{i}]"
        uit += [
            (bij, f"{pad}.historie[{k}].wie", r.wie, "persoon") for k, r in enumerate(c.historie)
        ]
        uit += [
            (bij, f"{pad}.onderbouwing[{k}].werkgroep", o.werkgroep, "werkgroep")
            for k, o in enumerate(c.onderbouwing)
        ]
        uit += [
            (bij, f"{pad}.bronnen[{k}].bezoek", b.bezoek, "bezoek") for k, b in enumerate(c.bronnen)
        ]
    return uit


def _van_bezoek(b: Schoolbezoek) -> list[_Verwijzing]:
    bij = _Bij("bezoek", b.id)
    uit: list[_Verwijzing] = [(bij, "$.school", b.school, "school")]
    uit += [
        (bij, f"$.bezoekers[{i}].persoon", x.persoon, "persoon") for i, x in enumerate(b.bezoekers)
    ]
    uit += [
        (bij, f"$.bevindingen[{i}].door", x.door, "persoon") for i, x in enumerate(b.bevindingen)
    ]
    return uit


def _van_besluit(b: Besluit) -> list[_Verwijzing]:
    bij = _Bij("besluit", b.id)
    uit: list[_Verwijzing] = [
        (bij, "$.werkgroep", b.werkgroep, "werkgroep"),
        (bij, "$.school", b.school, "school"),
    ]
    uit += [
        (bij, f"$.ideeen[{i}].door.persoon", x.door.persoon, "persoon")
        for i, x in enumerate(b.ideeen)
    ]
    uit += [
        (bij, f"$.feedback[{i}].door.persoon", f.door.persoon, "persoon")
        for i, f in enumerate(b.feedback)
    ]
    uit += [
        (bij, f"$.voorstellen[{i}].leider", v.leider, "persoon")
        for i, v in enumerate(b.voorstellen)
    ]
    uit += [(bij, f"$.historie[{i}].wie", h.wie, "persoon") for i, h in enumerate(b.historie)]
    uit += [
        (bij, f"$.evaluaties[{i}].bewijs[{k}].werkgroep", x.werkgroep, "werkgroep")
        for i, e in enumerate(b.evaluaties)
        for k, x in enumerate(e.bewijs)
    ]
    return uit


def _van_agendapunt(p: Agendapunt) -> list[_Verwijzing]:
    bij = _Bij("agendapunt", p.id)
    return [(bij, f"$.werkgroepen[{i}]", g, "werkgroep") for i, g in enumerate(p.werkgroepen)]
