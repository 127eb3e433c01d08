"""The research cycles of the werkgroepen: ``werkplaats.cycli``.

Each step finds the werkgroep, applies one operation of
:mod:`onderzoekscyclus.domein.cyclusstappen` to its current cycle under the werkplaats
lock, saves the werkgroep, and returns a :class:`CyclusOverzicht`: the cycle with its
results and method quality. A refusal (:class:`~onderzoekscyclus.errors.Geweigerd`)
names the werkgroep in ``onderwerp``. :meth:`Cycli.lijst` lists the cycles of one
werkgroep, a school or the werkplaats, one :class:`CyclusSamenvatting` each.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api.lijsten import Kenmerken, kenmerken, pagina, werkgroepen_met_cyclus
from onderzoekscyclus.domein import cyclusdelen as delen
from onderzoekscyclus.domein import cyclusstappen as stappen
from onderzoekscyclus.domein import meetreeks
from onderzoekscyclus.domein.cyclus import (
    Bron,
    Conclusie,
    ConclusieWaarde,
    Fase,
    Indicator,
    IndicatorResultaat,
    Methodekwaliteit,
    Meting,
    Onderbouwing,
    Onderzoekscyclus,
    actie,
    methodekwaliteit,
    resultaten_van,
)
from onderzoekscyclus.domein.cyclusdelen import Deel
from onderzoekscyclus.domein.meetreeks import Indicatorverloop, Waarschuwing
from onderzoekscyclus.domein.model import School, Werkgroep
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.errors import Geweigerd
from onderzoekscyclus.i18n import _

__all__ = ["Cycli", "CyclusOverzicht", "CyclusSamenvatting"]


@attrs.frozen
class CyclusOverzicht:
    """A cycle with its results per indicator, its method quality, and what comes next.

    ``volgende`` is the operation that moves the cycle on (``"doel"``, ``"hervat"``…),
    as the state machine declares it. ``verloop`` holds, per indicator, the verdict on
    its series in total and then per group it was measured in (see
    :mod:`onderzoekscyclus.domein.meetreeks`); ``waarschuwingen`` what to look at again
    when the evaluation concludes ``bereikt``.

    .. versionchanged:: 0.2.0 ``verloop`` and ``waarschuwingen``
    """

    werkgroep: str
    werkgroep_naam: str
    cyclus: Onderzoekscyclus
    resultaten: tuple[IndicatorResultaat, ...]
    kwaliteit: Methodekwaliteit
    volgende: str | None = None
    verloop: tuple[Indicatorverloop, ...] = ()
    waarschuwingen: tuple[Waarschuwing, ...] = ()


def overzicht_van(groep: Werkgroep, c: Onderzoekscyclus) -> CyclusOverzicht:
    """The overview of cycle ``c`` of ``groep``."""
    return CyclusOverzicht(
        werkgroep=groep.id,
        werkgroep_naam=groep.naam,
        cyclus=c,
        resultaten=tuple(resultaten_van(c)),
        kwaliteit=methodekwaliteit(c, heeft_vervolg=groep.heeft_vervolg(c)),
        volgende=stappen.CYCLUS.volgende.get(c.toestand),
        verloop=tuple(
            meetreeks.verloop_van(c, i, g)
            for i in c.indicatoren
            for g in (None, *meetreeks.groepen_van(c, i))
        ),
        waarschuwingen=meetreeks.waarschuwingen(c),
    )


@attrs.frozen
class CyclusSamenvatting:
    """One cycle in a list: whose it is, its number, phase and dates, and its method
    quality in short.

    ``bijgewerkt`` is the day of its last step; ``afgerond`` the day it was closed (when
    it is); ``kwaliteit`` the method quality as text (``"5 van 7"``), ``score`` and
    ``totaal`` as numbers, and ``ontbreekt`` the keys of the elements still missing (see
    :class:`~onderzoekscyclus.domein.cyclus.Kwaliteitselement`).

    .. versionadded:: 0.2.0
    """

    werkgroep: str
    werkgroep_naam: str
    nummer: int
    fase: Fase
    gepauzeerd: bool
    vraag: str
    gestart: dt.date
    bijgewerkt: dt.date
    kwaliteit: str
    score: int
    totaal: int
    ontbreekt: tuple[str, ...] = ()
    afgerond: dt.date | None = None
    vorige: int | None = None


def samenvatting_van(groep: Werkgroep, c: Onderzoekscyclus) -> CyclusSamenvatting:
    """Cycle ``c`` of ``groep`` in short."""
    kwaliteit = methodekwaliteit(c, heeft_vervolg=groep.heeft_vervolg(c))
    afgerond = (
        max(
            (r.datum for r in c.historie if r.naar == Fase.AFGEROND and r.van != Fase.AFGEROND),
            default=None,
        )
        if c.fase is Fase.AFGEROND
        else None
    )
    return CyclusSamenvatting(
        werkgroep=groep.id,
        werkgroep_naam=groep.naam,
        nummer=c.nummer,
        fase=c.fase,
        gepauzeerd=c.gepauzeerd,
        vraag=c.vraag,
        gestart=c.gestart,
        bijgewerkt=max((r.datum for r in c.historie), default=c.gestart),
        kwaliteit=kwaliteit.samenvatting(),
        score=kwaliteit.score,
        totaal=kwaliteit.totaal,
        ontbreekt=tuple(e.sleutel for e in kwaliteit.ontbreekt()),
        afgerond=afgerond,
        vorige=c.vorige,
    )


@contextlib.contextmanager
def _over(groep: Werkgroep) -> Iterator[None]:
    """Name the werkgroep in a refusal that passes through."""
    try:
        yield
    except Geweigerd as fout:
        fout.onderwerp = fout.onderwerp or groep.naam
        fout.onderwerp_id = fout.onderwerp_id or groep.id
        raise


class Cycli(Dienst):
    """Every step of the research cycle, for any werkgroep of the werkplaats."""

    def _wijzig(
        self,
        werkgroep: str,
        stap: Callable[[Werkgroep, Onderzoekscyclus], Onderzoekscyclus],
        operatie: str,
    ) -> CyclusOverzicht:
        """Apply ``stap`` to the werkgroep's current cycle under the lock, and save."""
        groep_id = self.werkgroep(werkgroep).id
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            with _over(groep):
                huidig = self._huidig(groep, operatie)
                nieuw = stap(groep, huidig)
            groep = attrs.evolve(groep, cycli=(*groep.cycli[:-1], nieuw))
            self.opslag.schrijf(groep)
        return overzicht_van(groep, nieuw)

    @staticmethod
    def _huidig(groep: Werkgroep, operatie: str) -> Onderzoekscyclus:
        huidig = groep.actieve_cyclus()
        if huidig is None:
            raise Geweigerd(
                stappen.CYCLUS.bericht(operatie)
                if operatie in stappen.CYCLUS.meldingen
                else _("Kan de cyclus niet tonen"),
                [reden("cyclus.geen")],
                machine=stappen.CYCLUS.naam,
                operatie=operatie,
                onderwerp=groep.naam,
                onderwerp_id=groep.id,
            )
        return huidig

    def _dag(self, datum: dt.date | None) -> dt.date:
        return datum or self.vandaag()

    # --- the steps ---------------------------------------------------------------------

    def start(
        self,
        werkgroep: str,
        *,
        aanleiding: str,
        vraag: str,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Start a research cycle: the reason (an urgent problem or a wish) and the question."""
        groep_id = self.werkgroep(werkgroep).id
        wie_id = self.persoon_id(wie)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            huidig = groep.actieve_cyclus()
            if huidig is not None and huidig.fase is not Fase.AFGEROND:
                raise Geweigerd(
                    _("Kan geen nieuwe cyclus starten"),
                    [reden("cyclus.loopt", nummer=huidig.nummer, fase=huidig.toestand.value)],
                    machine=stappen.CYCLUS.naam,
                    operatie="start",
                    toestand=huidig.toestand.value,
                    onderwerp=groep.naam,
                    onderwerp_id=groep.id,
                )
            with _over(groep):
                nieuw = stappen.start(
                    len(groep.cycli) + 1,
                    aanleiding=aanleiding,
                    vraag=vraag,
                    datum=self._dag(datum),
                    vandaag=self.vandaag(),
                    wie=wie_id,
                    na=huidig,
                )
            groep = attrs.evolve(groep, cycli=(*groep.cycli, nieuw))
            self.opslag.schrijf(groep)
        return overzicht_van(groep, nieuw)

    def beginsituatie(
        self,
        werkgroep: str,
        *,
        tekst: str | None = None,
        bronnen: Iterable[str | tuple[str, str]] = (),
        bron_soort: str = "document",
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Describe the starting point and what shows it (at least one bron).

        A bron is a text, or ``(text, kind)`` to give each bron its own kind;
        ``bron_soort`` is the kind of the bronnen given as text alone.
        """
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        nieuwe_bronnen = [
            Bron(beschrijving=b, datum=dag, soort=bron_soort)
            if isinstance(b, str)
            else Bron(beschrijving=b[0], datum=dag, soort=b[1])
            for b in bronnen
        ]
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.beginsituatie(
                c,
                tekst=tekst,
                bronnen=nieuwe_bronnen,
                datum=dag,
                vandaag=self.vandaag(),
                wie=wie_id,
            ),
            "beginsituatie",
        )

    def doel(
        self,
        werkgroep: str,
        *,
        tekst: str | None = None,
        visie: str | None = None,
        indicatoren: Iterable[tuple[str, str, float | str, float | str]] = (),
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Set the goal, its link to the school's vision, and indicators
        ``(naam, eenheid, nulmeting, streefwaarde)``."""
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        nieuw = [
            Indicator(naam=n, eenheid=e, nulmeting=nul, streefwaarde=streef, vastgesteld=dag)
            for n, e, nul, streef in indicatoren
        ]

        def stap(groep: Werkgroep, c: Onderzoekscyclus) -> Onderzoekscyclus:
            elementen = [
                v.sleutel for s in groep.scholen for v in self.opslag.lees(School, s).visie
            ]
            return stappen.doel(
                c,
                tekst=tekst,
                visie=visie,
                indicatoren=nieuw,
                visie_elementen=elementen,
                datum=dag,
                vandaag=self.vandaag(),
                wie=wie_id,
            )

        return self._wijzig(werkgroep, stap, "doel")

    def plan(
        self,
        werkgroep: str,
        *,
        acties: Iterable[tuple[str, str | None, str | dt.date | None]] = (),
        literatuur: Iterable[str] = (),
        elders: Iterable[str] = (),
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Make the improvement plan: actions ``(wat, wie, wanneer)`` grounded in literature
        or in another werkgroep's cycle (``elders``: a werkgroep reference, optionally
        ``#N`` for its cycle N; it must exist).

        ``wanneer`` is a date (or text ``JJJJ-MM-DD``), kept as the action's ``datum`` and
        counted on by the planning, or any other text (``"vanaf januari"``), kept as it
        is (see :func:`~onderzoekscyclus.domein.cyclus.actie`).

        .. versionchanged:: 0.2.0 ``wanneer`` may be a date
        """
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        groep = self.werkgroep(werkgroep)
        onderbouwing = [Onderbouwing(literatuur=t) for t in literatuur]
        with _over(groep):
            onderbouwing += [self._ervaring_elders(v, groep.id) for v in elders]
        nieuwe_acties = [actie(w, p, t) for w, p, t in acties]
        return self._wijzig(
            groep.id,
            lambda _g, c: stappen.plan(
                c,
                acties=nieuwe_acties,
                onderbouwing=onderbouwing,
                datum=dag,
                vandaag=self.vandaag(),
                wie=wie_id,
            ),
            "plan",
        )

    def _ervaring_elders(self, verwijzing: str, eigen: str) -> Onderbouwing:
        naam, _hekje, nummer = verwijzing.partition("#")
        andere = self.werkgroep(naam)
        bericht = _("Kan het verbeterplan niet onderbouwen met '{v}'").format(v=verwijzing)
        if andere.id == eigen:
            raise Geweigerd(
                bericht, [reden("plan.elders-eigen")], machine=stappen.CYCLUS.naam, operatie="plan"
            )
        if not andere.cycli:
            raise Geweigerd(
                bericht,
                [reden("plan.elders-geen-cyclus", naam=andere.naam)],
                machine=stappen.CYCLUS.naam,
                operatie="plan",
            )
        laatste = andere.cycli[-1].nummer
        if not nummer:
            return Onderbouwing(werkgroep=andere.id, cyclus=laatste)
        if not nummer.isdigit() or not any(c.nummer == int(nummer) for c in andere.cycli):
            raise Geweigerd(
                bericht,
                [
                    reden(
                        "plan.elders-onbekende-cyclus",
                        naam=andere.naam,
                        nummer=nummer,
                        laatste=laatste,
                    )
                ],
                machine=stappen.CYCLUS.naam,
                operatie="plan",
            )
        return Onderbouwing(werkgroep=andere.id, cyclus=int(nummer))

    def uitvoeren(
        self, werkgroep: str, *, datum: dt.date | None = None, wie: str | None = None
    ) -> CyclusOverzicht:
        """Start carrying out the plan."""
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.uitvoeren(c, datum=dag, vandaag=self.vandaag(), wie=wie_id),
            "uitvoeren",
        )

    def meting(
        self,
        werkgroep: str,
        *,
        indicator: str,
        waarde: float | str,
        datum: dt.date | None = None,
        wie: str | None = None,
        groep: str | None = None,
    ) -> CyclusOverzicht:
        """Record a measurement of an indicator (``datum`` defaults to today); ``waarde``
        may be text as a person types it: ``"48%"``, ``"6,5"``. ``groep`` is the part of
        the whole it was measured in (a class, a year group, a school), if the werkgroep
        measures per part. Before the uitvoering, once the goal is set, a measurement
        belongs to the baseline.

        .. versionchanged:: 0.2.0 ``waarde`` as text, ``groep``, the baseline
        """
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.meting(
                c,
                indicator=indicator,
                waarde=waarde,
                datum=dag,
                vandaag=self.vandaag(),
                wie=wie_id,
                groep=groep,
            ),
            "meting",
        )

    def metingen(
        self, werkgroep: str, reeks: Iterable[Meting], *, wie: str | None = None
    ) -> CyclusOverzicht:
        """Record a series of measurements at once (a school tool importing what a
        spreadsheet holds): each is checked as :meth:`meting` checks one, in the order
        given, and either all are saved or, on the first refusal, none.

        .. versionadded:: 0.2.0
        """
        wie_id, vandaag = self.persoon_id(wie), self.vandaag()

        def stap(_g: Werkgroep, c: Onderzoekscyclus) -> Onderzoekscyclus:
            for m in reeks:
                c = stappen.meting(
                    c,
                    indicator=m.indicator,
                    waarde=m.waarde,
                    datum=m.datum,
                    vandaag=vandaag,
                    wie=wie_id,
                    groep=m.groep,
                )
            return c

        return self._wijzig(werkgroep, stap, "meting")

    def evaluatie(
        self,
        werkgroep: str,
        *,
        conclusie: Conclusie | ConclusieWaarde,
        tekst: str,
        lessen: Iterable[str] = (),
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Evaluate against the targets: bereikt, deels or niet-bereikt, and lessons."""
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.evalueer(
                c,
                conclusie=conclusie,
                tekst=tekst,
                lessen=tuple(lessen),
                datum=dag,
                vandaag=self.vandaag(),
                wie=wie_id,
            ),
            "evaluatie",
        )

    def afronden(
        self, werkgroep: str, *, datum: dt.date | None = None, wie: str | None = None
    ) -> CyclusOverzicht:
        """Close the current cycle."""
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.afronden(c, datum=dag, vandaag=self.vandaag(), wie=wie_id),
            "afronden",
        )

    def volgende(
        self,
        werkgroep: str,
        *,
        vraag: str | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Start the next cycle from the evaluation of the finished one."""
        groep_id = self.werkgroep(werkgroep).id
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            with _over(groep):
                oud, nieuw = stappen.volgende(
                    self._huidig(groep, "volgende"),
                    datum=dag,
                    vandaag=self.vandaag(),
                    wie=wie_id,
                    vraag=vraag,
                )
            groep = attrs.evolve(groep, cycli=(*groep.cycli[:-1], oud, nieuw))
            self.opslag.schrijf(groep)
        return overzicht_van(groep, nieuw)

    def terug(
        self, werkgroep: str, *, reden: str, datum: dt.date | None = None, wie: str | None = None
    ) -> CyclusOverzicht:
        """Go back one phase, with the reason recorded."""
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.terug(
                c, reden=reden, datum=dag, vandaag=self.vandaag(), wie=wie_id
            ),
            "terug",
        )

    def pauzeer(
        self,
        werkgroep: str,
        *,
        reden: str | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Pause the current cycle; it keeps its phase."""
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.pauzeer(
                c, reden=reden, datum=dag, vandaag=self.vandaag(), wie=wie_id
            ),
            "pauzeer",
        )

    def hervat(
        self, werkgroep: str, *, datum: dt.date | None = None, wie: str | None = None
    ) -> CyclusOverzicht:
        """Resume a paused cycle."""
        dag, wie_id = self._dag(datum), self.persoon_id(wie)
        return self._wijzig(
            werkgroep,
            lambda _g, c: stappen.hervat(c, datum=dag, vandaag=self.vandaag(), wie=wie_id),
            "hervat",
        )

    # --- reading -----------------------------------------------------------------------

    # --- corrections -------------------------------------------------------------------

    def _corrigeer(
        self, werkgroep: str, cyclus: int | None, correctie: Callable[[Werkgroep, int], Werkgroep]
    ) -> CyclusOverzicht:
        groep_id = self.werkgroep(werkgroep).id
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            nummer = cyclus if cyclus is not None else self._huidig(groep, "toon").nummer
            nieuw = correctie(groep, nummer)
            self.opslag.schrijf(nieuw)
        return overzicht_van(nieuw, next(c for c in nieuw.cycli if c.nummer == nummer))

    def verwijder(
        self,
        werkgroep: str,
        deel: Deel,
        welke: int | str,
        *,
        cyclus: int | None = None,
        met_metingen: bool = False,
    ) -> CyclusOverzicht:
        """Remove a bron, action or measurement (by its number, as ``overzicht`` and
        ``ozc cyclus toon`` number them) or an indicator (by its name) from the current
        cycle (or cycle ``cyclus``). An indicator with measurements needs
        ``met_metingen``; a removal that leaves the cycle in a state its phase does not
        allow is refused (see :mod:`onderzoekscyclus.domein.cyclusdelen`)."""
        return self._corrigeer(
            werkgroep,
            cyclus,
            lambda g, n: delen.verwijder_deel(
                g, n, deel, welke, vandaag=self.vandaag(), met_metingen=met_metingen
            ),
        )

    def wijzig(
        self,
        werkgroep: str,
        deel: Deel,
        welke: int | str,
        *,
        cyclus: int | None = None,
        **velden: Any,
    ) -> CyclusOverzicht:
        """Change fields of a bron (``beschrijving``, ``soort``, ``datum``), indicator
        (``naam``, ``eenheid``, ``nulmeting``, ``streefwaarde``), action (``wat``, ``wie``,
        ``wanneer``) or measurement (``waarde``, ``datum``) of the current cycle (or cycle
        ``cyclus``); the same checks as every step apply."""
        return self._corrigeer(
            werkgroep,
            cyclus,
            lambda g, n: delen.wijzig_deel(g, n, deel, welke, velden, vandaag=self.vandaag()),
        )

    def overzicht(self, werkgroep: str, nummer: int | None = None) -> CyclusOverzicht:
        """A cycle (the last one, or number ``nummer``) with its results and quality.

        A number the werkgroep does not have is refused with the reason
        ``cyclus.onbekend``, whose data ``bestaand`` lists the numbers it does have."""
        groep = self.werkgroep(werkgroep)
        laatste = self._huidig(groep, "toon")
        gekozen = (
            laatste
            if nummer is None
            else next((c for c in groep.cycli if c.nummer == nummer), None)
        )
        if gekozen is None:
            raise Geweigerd(
                _("Kan de cyclus niet tonen"),
                [reden("cyclus.onbekend", nummer=nummer, bestaand=[c.nummer for c in groep.cycli])],
                machine=stappen.CYCLUS.naam,
                operatie="toon",
                onderwerp=groep.naam,
                onderwerp_id=groep.id,
            )
        return overzicht_van(groep, gekozen)

    def lijst(
        self,
        werkgroep: str | None = None,
        *,
        school: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[CyclusSamenvatting]:
        """Every cycle of ``werkgroep`` (a reference or id), of the werkgroepen of
        ``school``, or of the werkplaats: by werkgroep name, then number; ``offset`` and
        ``limit`` give a page.

        The werkgroepen are chosen and ordered from their records (the index, on a large
        werkplaats) and read one by one until the page is full, so a first page reads
        only the files it shows.

        .. versionadded:: 0.2.0
        """
        pagina((), limit, offset)  # refuse a wrong limit or offset before reading
        if werkgroep is not None:
            groep = self.werkgroep(werkgroep)
            if school is not None and self.school(school).id not in groep.scholen:
                return []
            return pagina([samenvatting_van(groep, c) for c in groep.cycli], limit, offset)
        school_id = self.school(school).id if school is not None else None
        ids: Iterable[str] | None = werkgroepen_met_cyclus(self.opslag, school_id)
        if ids is None:
            ids = [
                k.id
                for k in sorted(kenmerken(self.opslag, Werkgroep), key=_volgorde)
                if school_id is None or school_id in k.scholen
            ]
        gevonden: list[CyclusSamenvatting] = []
        for id_ in ids:
            if limit is not None and len(gevonden) >= offset + limit:
                break
            groep = self.opslag.lees(Werkgroep, id_)
            gevonden += [samenvatting_van(groep, c) for c in groep.cycli]
        return pagina(gevonden, limit, offset)


def _volgorde(k: Kenmerken) -> tuple[str, str]:
    return (k.sorteer, k.id)
