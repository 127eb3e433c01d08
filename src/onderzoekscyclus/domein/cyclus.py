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
import math
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import attrs

from onderzoekscyclus.domein.machine import Geweigerd, Machine, Overgang, Overgangsregel
from onderzoekscyclus.domein.tekst import niet_leeg, vergelijkbaar
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = [
    "CYCLUS",
    "Actie",
    "Bron",
    "Conclusie",
    "Evaluatie",
    "Fase",
    "Indicator",
    "IndicatorResultaat",
    "Kwaliteitselement",
    "Methodekwaliteit",
    "Meting",
    "Onderbouwing",
    "Onderzoekscyclus",
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


class Conclusie(enum.StrEnum):
    """How far the goal was reached."""

    BEREIKT = "bereikt"
    DEELS = "deels"
    NIET_BEREIKT = "niet-bereikt"


def _eindig(_inst: object, attribuut: attrs.Attribute[float], waarde: float) -> None:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not math.isfinite(waarde):
        raise InvalidValue(_("Verwacht een getal, zoals 62 of 7.5."), veld=attribuut.name)


def _conclusie(waarde: Any) -> Conclusie:
    try:
        return Conclusie(str(waarde).strip().lower())
    except ValueError:
        raise InvalidValue(
            _("Ongeldige conclusie '{waarde}'.").format(waarde=waarde),
            _("Kies uit: bereikt, deels, niet-bereikt."),
            veld="conclusie",
        ) from None


@attrs.frozen
class Bron:
    """Evidence for the starting point: what shows where the school stands."""

    beschrijving: str = attrs.field(validator=niet_leeg)
    datum: dt.date
    soort: str = "document"


@attrs.frozen
class Indicator:
    """A measurable sign of the goal, with its baseline (nulmeting) and target.

    ``achteraf`` marks an indicator that was added after the plan was made: allowed,
    but it no longer counts as a target set beforehand.
    """

    naam: str = attrs.field(validator=niet_leeg)
    eenheid: str
    nulmeting: float = attrs.field(validator=_eindig)
    streefwaarde: float = attrs.field(validator=_eindig)
    vastgesteld: dt.date
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
    datum: dt.date
    waarde: float = attrs.field(validator=_eindig)


@attrs.frozen
class Evaluatie:
    """The conclusion against the targets, and what the werkgroep learned."""

    conclusie: Conclusie = attrs.field(converter=_conclusie)
    tekst: str = attrs.field(validator=niet_leeg)
    datum: dt.date
    lessen: tuple[str, ...] = ()


@attrs.frozen
class Onderzoekscyclus:
    """One round of the research cycle of a werkgroep."""

    nummer: int
    aanleiding: str = attrs.field(validator=niet_leeg)
    vraag: str = attrs.field(validator=niet_leeg)
    gestart: dt.date
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


# --- guards: each returns the reason it refuses, naming the command that helps --------

_OPDRACHT = {
    Fase.AANLEIDING: "ozc cyclus start",
    Fase.BEGINSITUATIE: "ozc cyclus beginsituatie WERKGROEP --tekst … --bron …",
    Fase.DOEL: "ozc cyclus doel WERKGROEP --tekst … --visie … --indicator … --eenheid … --nulmeting … --streefwaarde …",
    Fase.VERBETERPLAN: "ozc cyclus plan WERKGROEP --actie … --literatuur …",
    Fase.UITVOERING: "ozc cyclus uitvoeren WERKGROEP",
    Fase.EVALUATIE: "ozc cyclus evaluatie WERKGROEP --conclusie … --tekst …",
    Fase.AFGEROND: "ozc cyclus afronden WERKGROEP",
}


def _beginsituatie_compleet(c: Onderzoekscyclus) -> str | None:
    if not c.beginsituatie:
        return _("de beginsituatie is nog niet beschreven. Doe dat met `{opdracht}`.").format(
            opdracht=_OPDRACHT[Fase.BEGINSITUATIE]
        )
    if not c.bronnen:
        return _(
            "de beginsituatie heeft nog geen bron (wat laat zien waar u staat). "
            "Voeg er een toe met `{opdracht}`."
        ).format(opdracht=_OPDRACHT[Fase.BEGINSITUATIE])
    return None


def _doel_compleet(c: Onderzoekscyclus) -> str | None:
    if not c.doel:
        return _("het doel is nog niet beschreven. Doe dat met `{opdracht}`.").format(
            opdracht=_OPDRACHT[Fase.DOEL]
        )
    if not c.visie:
        return _(
            "het doel verwijst nog niet naar een element van de visie van de school (het waarom). "
            "Geef er een met `ozc cyclus doel WERKGROEP --visie …`."
        )
    if not any(not i.achteraf for i in c.indicatoren):
        return _(
            "het doel heeft nog geen indicator met eenheid, nulmeting en streefwaarde. "
            "Voeg er een toe met `{opdracht}`."
        ).format(opdracht=_OPDRACHT[Fase.DOEL])
    return None


def _plan_compleet(c: Onderzoekscyclus) -> str | None:
    if not c.acties:
        return _("het verbeterplan heeft nog geen actie. Voeg er een toe met `{opdracht}`.").format(
            opdracht=_OPDRACHT[Fase.VERBETERPLAN]
        )
    if not c.onderbouwing:
        return _(
            "het verbeterplan is nog niet onderbouwd met literatuur of ervaringen elders. "
            "Voeg een onderbouwing toe met `ozc cyclus plan WERKGROEP --literatuur …` of `--elders WERKGROEP`."
        )
    return None


def _metingen_compleet(c: Onderzoekscyclus) -> str | None:
    zonder = [i.naam for i in c.indicatoren if not c.metingen_van(i.naam)]
    if zonder:
        return _(
            "de indicator(en) {namen} hebben nog geen meting. "
            "Voeg metingen toe met `ozc cyclus meting WERKGROEP --indicator … --waarde …`."
        ).format(namen=", ".join(f"'{n}'" for n in zonder))
    return None


def _evaluatie_compleet(c: Onderzoekscyclus) -> str | None:
    if c.evaluatie is None:
        return _("de evaluatie is nog niet vastgelegd. Doe dat met `{opdracht}`.").format(
            opdracht=_OPDRACHT[Fase.EVALUATIE]
        )
    return None


def _geen_eis(_c: Onderzoekscyclus) -> str | None:
    return None


_VOLGORDE = tuple(Fase)

CYCLUS: Machine[Onderzoekscyclus] = Machine(
    naam="onderzoekscyclus",
    toestanden=tuple(f.value for f in Fase),
    begin=Fase.AANLEIDING.value,
    overgangen=(
        Overgang("beginsituatie", ("aanleiding",), "beginsituatie", (_beginsituatie_compleet,)),
        Overgang("doel", ("beginsituatie",), "doel", (_beginsituatie_compleet, _doel_compleet)),
        Overgang("plan", ("doel",), "verbeterplan", (_doel_compleet, _plan_compleet)),
        Overgang("uitvoeren", ("verbeterplan",), "uitvoering", (_plan_compleet,)),
        Overgang(
            "evaluatie", ("uitvoering",), "evaluatie", (_metingen_compleet, _evaluatie_compleet)
        ),
        Overgang("afronden", ("evaluatie",), "afgerond", (_evaluatie_compleet,)),
        *(
            Overgang("terug", (_VOLGORDE[i].value,), _VOLGORDE[i - 1].value, (_geen_eis,))
            for i in range(1, len(_VOLGORDE))
        ),
    ),
    wat_nu={
        "aanleiding": _(
            "de beginsituatie heeft nog geen beschrijving en geen bron (wat laat zien waar u "
            "staat). Leg die eerst vast met `{o}`"
        ).format(o=_OPDRACHT[Fase.BEGINSITUATIE]),
        "beginsituatie": _("eerst komt het doel: `{o}`").format(o=_OPDRACHT[Fase.DOEL]),
        "doel": _("eerst komt het verbeterplan: `{o}`").format(o=_OPDRACHT[Fase.VERBETERPLAN]),
        "verbeterplan": _("eerst start de uitvoering: `{o}`").format(o=_OPDRACHT[Fase.UITVOERING]),
        "uitvoering": _("eerst komt de evaluatie: `{o}`").format(o=_OPDRACHT[Fase.EVALUATIE]),
        "evaluatie": _("rond de cyclus eerst af: `{o}`").format(o=_OPDRACHT[Fase.AFGEROND]),
        "afgerond": _(
            "de cyclus is afgerond; begin een nieuwe met `ozc cyclus volgende WERKGROEP`"
        ),
    },
)
"""The declared state machine of the research cycle (also drawn in the docs)."""


# --- operations ----------------------------------------------------------------------


def _zin(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _niet_gepauzeerd(c: Onderzoekscyclus, bericht: str) -> None:
    if c.gepauzeerd:
        raise Geweigerd(
            bericht,
            [_("de cyclus is gepauzeerd. Hervat hem met `ozc cyclus hervat WERKGROEP`.")],
        )


def start(
    nummer: int,
    *,
    aanleiding: str,
    vraag: str,
    datum: dt.date,
    wie: str | None = None,
    vorige: int | None = None,
    bronnen: Sequence[Bron] = (),
) -> Onderzoekscyclus:
    """A new cycle in phase ``aanleiding``: the urgent problem or wish, and the question."""
    return Onderzoekscyclus(
        nummer=nummer,
        aanleiding=aanleiding,
        vraag=vraag,
        gestart=datum,
        vorige=vorige,
        bronnen=tuple(bronnen),
        historie=(
            Overgangsregel(
                datum=datum, overgang="start", van="", naar=Fase.AANLEIDING.value, wie=wie
            ),
        ),
    )


def beginsituatie(
    c: Onderzoekscyclus,
    *,
    tekst: str | None,
    bronnen: Sequence[Bron],
    datum: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Describe where the werkgroep stands and add the evidence (bronnen).

    In phase ``aanleiding`` this moves the cycle on to ``beginsituatie``; in phase
    ``beginsituatie`` it adds to what is there.
    """
    bericht = _("Kan de beginsituatie niet vastleggen")
    _niet_gepauzeerd(c, bericht)
    nieuw = attrs.evolve(
        c,
        beginsituatie=tekst.strip() if tekst and tekst.strip() else c.beginsituatie,
        bronnen=(*c.bronnen, *bronnen),
    )
    if c.fase is Fase.BEGINSITUATIE:
        reden = _beginsituatie_compleet(nieuw)
        if reden:
            raise Geweigerd(bericht, [reden])
        return nieuw
    return CYCLUS.voer_uit(nieuw, "beginsituatie", datum=datum, wie=wie, bericht=bericht)


def doel(
    c: Onderzoekscyclus,
    *,
    tekst: str | None,
    visie: str | None,
    indicatoren: Sequence[Indicator],
    visie_elementen: Collection[str],
    datum: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Set the goal: the text, the vision element it serves, and its indicators.

    From ``beginsituatie`` this moves the cycle to ``doel``. In ``doel`` it adds or
    changes. Once the plan is made, only indicators can be added, marked ``achteraf``.
    """
    bericht = _("Kan de cyclus niet naar 'doel' zetten")
    _niet_gepauzeerd(c, bericht)
    if visie is not None:
        bekend = {vergelijkbaar(v): v for v in visie_elementen}
        if vergelijkbaar(visie) not in bekend:
            keuzes = ", ".join(sorted(visie_elementen)) or _("(nog geen)")
            raise Geweigerd(
                bericht,
                [
                    _(
                        "de school heeft geen visie-element '{visie}' (bekend: {keuzes}). "
                        'Voeg het toe met `ozc school profiel SCHOOL --visie {visie}="…"`.'
                    ).format(visie=visie, keuzes=keuzes)
                ],
            )
        visie = bekend[vergelijkbaar(visie)]
    dubbel = [i.naam for i in indicatoren if c.indicator(i.naam) is not None]
    if dubbel:
        raise Geweigerd(bericht, [_("de indicator '{naam}' bestaat al.").format(naam=dubbel[0])])
    if c.fase in (Fase.VERBETERPLAN, Fase.UITVOERING):
        if tekst or visie or not indicatoren:
            raise Geweigerd(
                _("Kan het doel niet meer wijzigen"),
                [
                    _(
                        "het verbeterplan is al gemaakt; alleen een indicator kan er nog bij "
                        "(gemarkeerd als achteraf toegevoegd). Wilt u het doel wijzigen, ga dan "
                        "terug met `ozc cyclus terug WERKGROEP --reden …`."
                    )
                ],
            )
        later = tuple(attrs.evolve(i, achteraf=True) for i in indicatoren)
        return attrs.evolve(c, indicatoren=(*c.indicatoren, *later))
    nieuw = attrs.evolve(
        c,
        doel=tekst.strip() if tekst and tekst.strip() else c.doel,
        visie=visie or c.visie,
        indicatoren=(*c.indicatoren, *indicatoren),
    )
    if c.fase is Fase.DOEL:
        reden = _doel_compleet(nieuw)
        if reden:
            raise Geweigerd(bericht, [reden])
        return nieuw
    return CYCLUS.voer_uit(nieuw, "doel", datum=datum, wie=wie, bericht=bericht)


def plan(
    c: Onderzoekscyclus,
    *,
    acties: Sequence[Actie],
    onderbouwing: Sequence[Onderbouwing],
    datum: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Make the improvement plan: actions, grounded in literature or experience elsewhere.

    The werkplaats checks that a cycle named as experience elsewhere exists.
    """
    bericht = _("Kan het verbeterplan niet vastleggen")
    _niet_gepauzeerd(c, bericht)
    nieuw = attrs.evolve(
        c, acties=(*c.acties, *acties), onderbouwing=(*c.onderbouwing, *onderbouwing)
    )
    if c.fase is Fase.VERBETERPLAN:
        reden = _plan_compleet(nieuw)
        if reden:
            raise Geweigerd(bericht, [reden])
        return nieuw
    return CYCLUS.voer_uit(nieuw, "plan", datum=datum, wie=wie, bericht=bericht)


def uitvoeren(c: Onderzoekscyclus, *, datum: dt.date, wie: str | None = None) -> Onderzoekscyclus:
    """Start carrying out the plan."""
    bericht = _("Kan de uitvoering niet starten")
    _niet_gepauzeerd(c, bericht)
    return CYCLUS.voer_uit(c, "uitvoeren", datum=datum, wie=wie, bericht=bericht)


def meting(
    c: Onderzoekscyclus, *, indicator: str, waarde: float, datum: dt.date
) -> Onderzoekscyclus:
    """Record a value of an indicator on a date (during the uitvoering)."""
    bericht = _("Kan de meting niet toevoegen")
    _niet_gepauzeerd(c, bericht)
    if c.fase is not Fase.UITVOERING:
        raise Geweigerd(
            bericht,
            [
                _(
                    "metingen horen bij de uitvoering en de cyclus staat in fase '{fase}'. "
                    "{wat_nu}."
                ).format(fase=c.fase.value, wat_nu=_zin(CYCLUS.wat_nu.get(c.fase.value, "")))
                if c.fase.value in ("aanleiding", "beginsituatie", "doel", "verbeterplan")
                else _(
                    "metingen horen bij de uitvoering en de cyclus staat in fase '{fase}'. "
                    "Ga terug met `ozc cyclus terug WERKGROEP --reden …` om nog te meten."
                ).format(fase=c.fase.value)
            ],
        )
    gevonden = c.indicator(indicator)
    if gevonden is None:
        namen = ", ".join(f"'{i.naam}'" for i in c.indicatoren)
        raise Geweigerd(
            bericht,
            [
                _("de cyclus heeft geen indicator '{naam}' (wel: {namen}).").format(
                    naam=indicator, namen=namen
                )
            ],
        )
    return attrs.evolve(
        c, metingen=(*c.metingen, Meting(indicator=gevonden.naam, datum=datum, waarde=waarde))
    )


def evalueer(
    c: Onderzoekscyclus,
    *,
    conclusie: str,
    tekst: str,
    lessen: Iterable[str] = (),
    datum: dt.date,
    wie: str | None = None,
) -> Onderzoekscyclus:
    """Compare the measurements with the targets and conclude; moves to ``evaluatie``."""
    bericht = _("Kan de cyclus niet evalueren")
    _niet_gepauzeerd(c, bericht)
    evaluatie = Evaluatie(
        conclusie=conclusie,
        tekst=tekst,
        datum=datum,
        lessen=tuple(les.strip() for les in lessen if les.strip()),
    )
    nieuw = attrs.evolve(c, evaluatie=evaluatie)
    if c.fase is Fase.EVALUATIE:
        return nieuw
    return CYCLUS.voer_uit(nieuw, "evaluatie", datum=datum, wie=wie, bericht=bericht)


def afronden(c: Onderzoekscyclus, *, datum: dt.date, wie: str | None = None) -> Onderzoekscyclus:
    """Close the cycle: its results are there to share."""
    bericht = _("Kan de cyclus niet afronden")
    _niet_gepauzeerd(c, bericht)
    return CYCLUS.voer_uit(c, "afronden", datum=datum, wie=wie, bericht=bericht)


def volgende(
    c: Onderzoekscyclus, *, datum: dt.date, wie: str | None = None, vraag: str | None = None
) -> Onderzoekscyclus:
    """A new cycle that starts from the evaluation of the finished cycle ``c``."""
    if c.fase is not Fase.AFGEROND or c.evaluatie is None:
        raise Geweigerd(
            _("Kan geen volgende cyclus beginnen"),
            [
                _("cyclus {n} is nog niet afgerond (fase '{fase}'). {wat_nu}.").format(
                    n=c.nummer,
                    fase=c.fase.value,
                    wat_nu=_zin(CYCLUS.wat_nu.get(c.fase.value, "")),
                )
            ],
        )
    resultaten = "; ".join(
        f"{r.indicator}: {r.laatste:g}{r.eenheid} (doel {r.streefwaarde:g}{r.eenheid})"
        for r in resultaten_van(c)
        if r.laatste is not None
    )
    bron = Bron(
        beschrijving=_("Evaluatie van cyclus {n}: {conclusie}. {resultaten}")
        .format(n=c.nummer, conclusie=c.evaluatie.conclusie.value, resultaten=resultaten)
        .strip(),
        datum=c.evaluatie.datum,
        soort="evaluatie",
    )
    return start(
        c.nummer + 1,
        aanleiding=_("Vervolg op cyclus {n}: {tekst}").format(n=c.nummer, tekst=c.evaluatie.tekst),
        vraag=vraag or c.vraag,
        datum=datum,
        wie=wie,
        vorige=c.nummer,
        bronnen=(bron,),
    )


def terug(
    c: Onderzoekscyclus, *, reden: str, datum: dt.date, wie: str | None = None
) -> Onderzoekscyclus:
    """Go back one phase; the reason is recorded in the history."""
    bericht = _("Kan niet terug naar de vorige fase")
    if not reden or not reden.strip():
        raise Geweigerd(bericht, [_("geef een reden met --reden; die komt in de historie.")])
    _niet_gepauzeerd(c, bericht)
    return CYCLUS.voer_uit(c, "terug", datum=datum, wie=wie, reden=reden.strip(), bericht=bericht)


def pauzeer(
    c: Onderzoekscyclus, *, reden: str | None, datum: dt.date, wie: str | None = None
) -> Onderzoekscyclus:
    """Pause the cycle (it keeps its phase); nothing changes until it is resumed."""
    if c.gepauzeerd:
        raise Geweigerd(_("Kan de cyclus niet pauzeren"), [_("hij is al gepauzeerd.")])
    if c.fase is Fase.AFGEROND:
        raise Geweigerd(_("Kan de cyclus niet pauzeren"), [_("hij is al afgerond.")])
    return attrs.evolve(
        CYCLUS.noteer(c, "pauzeer", datum=datum, wie=wie, reden=reden), gepauzeerd=True
    )


def hervat(c: Onderzoekscyclus, *, datum: dt.date, wie: str | None = None) -> Onderzoekscyclus:
    """Resume a paused cycle where it was."""
    if not c.gepauzeerd:
        raise Geweigerd(_("Kan de cyclus niet hervatten"), [_("hij is niet gepauzeerd.")])
    return attrs.evolve(CYCLUS.noteer(c, "hervat", datum=datum, wie=wie), gepauzeerd=False)


# --- results and method quality --------------------------------------------------------


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
    """One element of sound practitioner research, and whether the cycle documents it."""

    sleutel: str
    omschrijving: str
    aanwezig: bool
    opdracht: str


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
            "ozc cyclus beginsituatie WERKGROEP --tekst … --bron …",
        ),
        (
            "visie",
            _("het doel verwijst naar de visie van de school"),
            bool(c.visie),
            "ozc cyclus doel WERKGROEP --visie …",
        ),
        (
            "meetbaar-doel",
            _("een meetbaar doel (nulmeting en streefwaarde) vóór het plan"),
            voor_plan,
            "ozc cyclus doel WERKGROEP --indicator … --eenheid … --nulmeting … --streefwaarde …",
        ),
        (
            "onderbouwd-plan",
            _("een plan onderbouwd met literatuur of ervaringen elders"),
            bool(c.onderbouwing),
            "ozc cyclus plan WERKGROEP --literatuur … (of --elders WERKGROEP)",
        ),
        (
            "data-over-tijd",
            _("gegevens op twee of meer momenten"),
            data_over_tijd,
            "ozc cyclus meting WERKGROEP --indicator … --waarde … --datum …",
        ),
        (
            "conclusie",
            _("een conclusie ten opzichte van het doel"),
            c.evaluatie is not None,
            "ozc cyclus evaluatie WERKGROEP --conclusie … --tekst …",
        ),
        (
            "vervolg",
            _("een volgende stap (een nieuwe cyclus)"),
            heeft_vervolg,
            "ozc cyclus volgende WERKGROEP",
        ),
    )
    return Methodekwaliteit(
        tuple(
            Kwaliteitselement(sleutel=s, omschrijving=o, aanwezig=a, opdracht=op)
            for s, o, a, op in elementen
        )
    )
