"""The library API over one werkplaats: what a werkgroep, a partnership or another
school tool does with it. Every method is one operation; the CLI calls exactly one.

Reads need no lock. Every change takes the werkplaats lock, re-reads the file it
changes, and replaces it atomically, so concurrent ``ozc`` processes never lose an
update and a refused change leaves every file as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from onderzoekscyclus import klok
from onderzoekscyclus.domein import besluitvorming, cyclus
from onderzoekscyclus.domein.besluitvorming import Besluit
from onderzoekscyclus.domein.cyclus import (
    Fase,
    IndicatorResultaat,
    Methodekwaliteit,
    Onderzoekscyclus,
)
from onderzoekscyclus.domein.ids import is_geldig_id, nieuw_id
from onderzoekscyclus.domein.machine import Geweigerd
from onderzoekscyclus.domein.model import (
    Lid,
    LidRol,
    Logregel,
    Persoon,
    Profiel,
    School,
    VisieElement,
    Werkgroep,
    WerkplaatsInfo,
    schone_naam,
)
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import FileFormatError, InvalidValue, OnderzoekscyclusError
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opslag import (
    ROOTBESTAND,
    SOORTEN,
    Opslag,
    vind_werkplaats,
)
from onderzoekscyclus.opslag._atomic import write_atomic
from onderzoekscyclus.opslag.converter import structure
from onderzoekscyclus.opslag.logboek import voeg_logregel_toe
from onderzoekscyclus.opslag.schema import HUIDIG, MIGRATIES, Migratie, versie_tekst

if TYPE_CHECKING:
    from onderzoekscyclus.api.besluiten import Besluiten
    from onderzoekscyclus.api.expertise import Expertisebeeld, Partnerschapsbeeld
    from onderzoekscyclus.api.zelfevaluaties import Zelfevaluaties
    from onderzoekscyclus.domein.schoolprofiel import Schoolprofiel

__all__ = ["BesluitStand", "CyclusOverzicht", "Status", "WerkgroepOverzicht", "Werkplaats"]


@attrs.frozen
class WerkgroepOverzicht:
    """One line of the status: a werkgroep and how active it is."""

    id: str
    naam: str
    soort: str
    scholen: tuple[str, ...]
    themas: tuple[str, ...]
    leden: int
    leiders: tuple[str, ...]
    logregels: int
    laatste_log: dt.date | None
    cyclus: int | None = None
    fase: str | None = None
    gepauzeerd: bool = False
    kwaliteit: str | None = None
    ontbreekt: tuple[str, ...] = ()


@attrs.frozen
class CyclusOverzicht:
    """A cycle as ``ozc cyclus toon`` shows it: the cycle, its results and its quality."""

    werkgroep: str
    werkgroep_naam: str
    cyclus: Onderzoekscyclus
    resultaten: tuple[IndicatorResultaat, ...]
    kwaliteit: Methodekwaliteit


@attrs.frozen
class Status:
    """An overview of a werkplaats: what is in it and what needs attention."""

    naam: str
    root: str
    schema: str
    scholen: int
    personen: int
    werkgroepen: tuple[WerkgroepOverzicht, ...]
    aandachtspunten: tuple[str, ...]
    besluiten: tuple[BesluitStand, ...] = ()


@attrs.frozen
class BesluitStand:
    """A besluit in the status overview."""

    id: str
    titel: str
    fase: str
    werkgroep: str


class Werkplaats:
    """One werkplaats: a folder of TOML files with ``onderzoekscyclus.toml`` at its root.

    >>> wp = Werkplaats.maak(tmp / "kempen", "Scholengroep De Kempen")  # doctest: +SKIP
    >>> wp.school_toevoegen("De Regenboog", brin="12AB", sector="po")  # doctest: +SKIP
    """

    def __init__(self, root: Path, *, migraties: Mapping[tuple[str, int], Migratie] = MIGRATIES):
        self.opslag = Opslag(root, migraties=migraties)
        self.info = self.opslag.info()

    @property
    def root(self) -> Path:
        """The folder of the werkplaats."""
        return self.opslag.root

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def maak(cls, pad: Path | str, naam: str) -> Werkplaats:
        """Create a werkplaats in the new or empty folder ``pad``."""
        Opslag.maak(Path(pad), WerkplaatsInfo(naam=naam))
        return cls(Path(pad).resolve())

    @classmethod
    def open(cls, pad: Path | str | None = None, *, start: Path | None = None) -> Werkplaats:
        """Open the werkplaats at ``pad``, or find it upwards from ``start`` (or the
        current folder), or take it from ``$ONDERZOEKSCYCLUS_WERKPLAATS``."""
        return cls(vind_werkplaats(Path(pad) if pad is not None else None, start=start))

    # --- reading -----------------------------------------------------------------------

    def scholen(self) -> list[School]:
        """Every school, in id order."""
        return self.opslag.alle(School)

    def personen(self) -> list[Persoon]:
        """Every person, in id order."""
        return self.opslag.alle(Persoon)

    def werkgroepen(self) -> list[Werkgroep]:
        """Every werkgroep, in id order."""
        return self.opslag.alle(Werkgroep)

    def school(self, verwijzing: str) -> School:
        """The school that ``verwijzing`` (name, name prefix or id prefix) points to."""
        return self.opslag.lees(
            School, self._kies("scholen", verwijzing, _("school"), "ozc school lijst")
        )

    def persoon(self, verwijzing: str) -> Persoon:
        """The person that ``verwijzing`` points to."""
        return self.opslag.lees(
            Persoon, self._kies("personen", verwijzing, _("persoon"), "ozc persoon lijst")
        )

    def werkgroep(self, verwijzing: str) -> Werkgroep:
        """The werkgroep that ``verwijzing`` points to."""
        return self.opslag.lees(
            Werkgroep,
            self._kies("werkgroepen", verwijzing, _("werkgroep"), "ozc werkgroep lijst"),
        )

    def _kies(self, map_: str, verwijzing: str, soort: str, lijstopdracht: str) -> str:
        # the derived index narrows the names down, so a partnership of thousands of
        # schools is not read whole to find one; the answer is the same as without it
        from onderzoekscyclus.opslag.index import kies  # noqa: PLC0415

        return kies(self.root, map_, verwijzing, soort, lijstopdracht)[0]

    def namen(self) -> dict[str, str]:
        """Display names of schools and persons by id (for showing references)."""
        namen = {s.id: s.naam for s in self.scholen()}
        namen.update({p.id: p.naam for p in self.personen()})
        return namen

    # --- schools -----------------------------------------------------------------------

    def school_toevoegen(
        self,
        naam: str,
        *,
        brin: str,
        sector: str,
        bestuur: str | None = None,
        cluster: str | None = None,
    ) -> School:
        """Add a school (or a teacher-training institute: sector ``opleiding``)."""
        naam = schone_naam(naam)
        with self.opslag.vergrendeld():
            bestaande = self.scholen()
            for andere in bestaande:
                if vergelijkbaar(andere.naam) == vergelijkbaar(naam):
                    raise InvalidValue(
                        _("Er is al een school met de naam '{naam}'.").format(naam=andere.naam),
                        _("Kies een andere naam, bijvoorbeeld met de plaats erbij."),
                    )
            school = School(
                id=self._nieuw_id(School, naam),
                naam=naam,
                brin=brin,
                sector=sector,
                bestuur=bestuur,
                cluster=cluster,
            )
            for andere in bestaande:
                if andere.brin == school.brin:
                    raise InvalidValue(
                        _("De BRIN-code {brin} hoort al bij {naam}.").format(
                            brin=school.brin, naam=andere.naam
                        )
                    )
            self.opslag.schrijf(school)
        return school

    def school_profiel(
        self,
        verwijzing: str,
        *,
        visie: Mapping[str, str] | None = None,
        trots: Iterable[str] = (),
        speerpunten: Iterable[str] = (),
        vervang: bool = False,
    ) -> School:
        """Set vision elements, what the school is proud of, and its speerpunten.

        Vision elements with an existing name get the new text; the others are added.
        Trots and speerpunten are added to what is there, unless ``vervang`` is set.
        """
        with self.opslag.vergrendeld():
            school = self.opslag.lees(School, self.school(verwijzing).id)
            elementen = {v.sleutel.casefold(): v for v in school.visie}
            for sleutel, tekst in (visie or {}).items():
                element = VisieElement(sleutel=sleutel, tekst=tekst)
                elementen[element.sleutel.casefold()] = element
            oud = Profiel() if vervang else school.profiel
            profiel = Profiel(
                trots=(*oud.trots, *(t for t in trots if t not in oud.trots)),
                speerpunten=(*oud.speerpunten, *speerpunten),
            )
            school = attrs.evolve(school, visie=tuple(elementen.values()), profiel=profiel)
            self.opslag.schrijf(school)
        return school

    # --- persons -----------------------------------------------------------------------

    def persoon_toevoegen(
        self,
        naam: str,
        *,
        school: str | None = None,
        rollen: Iterable[str] = (),
        expertise: Iterable[str] = (),
        interesses: Iterable[str] = (),
        ambities: Iterable[str] = (),
    ) -> Persoon:
        """Add a person. Their name is stored here only; everything else uses the id."""
        with self.opslag.vergrendeld():
            persoon = Persoon(
                id=self._nieuw_id(Persoon, None, voorvoegsel="persoon"),
                naam=naam,
                school=self.school(school).id if school else None,
                rollen=tuple(rollen),
                expertise=tuple(expertise),
                interesses=tuple(interesses),
                ambities=tuple(ambities),
            )
            self.opslag.schrijf(persoon)
        return persoon

    # --- werkgroepen ---------------------------------------------------------------------

    def werkgroep_toevoegen(
        self,
        naam: str,
        *,
        scholen: Iterable[str],
        soort: str = "leerteam",
        themas: Iterable[str] = (),
        nieuw_thema: bool = False,
    ) -> Werkgroep:
        """Add a werkgroep of one or more schools.

        A theme the thesaurus does not know (and no werkgroep uses) is refused with a
        suggestion, unless ``nieuw_thema`` is set.
        """
        from onderzoekscyclus.api.netwerk import controleer_themas  # noqa: PLC0415

        naam = schone_naam(naam)
        themas = tuple(themas)
        controleer_themas(self.root, themas, nieuw=nieuw_thema)
        with self.opslag.vergrendeld():
            school_ids = tuple(dict.fromkeys(self.school(s).id for s in scholen))
            for andere in self.werkgroepen():
                gedeeld = set(andere.scholen) & set(school_ids)
                if gedeeld and vergelijkbaar(andere.naam) == vergelijkbaar(naam):
                    raise InvalidValue(
                        _("Deze school heeft al een werkgroep '{naam}'.").format(naam=andere.naam),
                        _("Kies een andere naam."),
                    )
            werkgroep = Werkgroep(
                id=self._nieuw_id(Werkgroep, naam),
                naam=naam,
                scholen=school_ids,
                soort=soort,
                themas=tuple(themas),
            )
            self.opslag.schrijf(werkgroep)
        return werkgroep

    def lid_toevoegen(self, werkgroep: str, persoon: str, *, rol: str = "lid") -> Werkgroep:
        """Make a person a member of a werkgroep, or change the role of a member."""
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, self.werkgroep(werkgroep).id)
            wie = self.persoon(persoon)
            nieuw = Lid(persoon=wie.id, rol=LidRol(rol) if isinstance(rol, LidRol) else rol)
            leden = [lid for lid in groep.leden if lid.persoon != wie.id]
            groep = attrs.evolve(groep, leden=(*leden, nieuw))
            self.opslag.schrijf(groep)
        return groep

    def log(
        self,
        werkgroep: str,
        tekst: str,
        *,
        auteur: str | None = None,
        datum: dt.date | None = None,
    ) -> Logregel:
        """Add an entry to a werkgroep's logboek (``datum`` defaults to today)."""
        regel = voeg_logregel_toe(self.root, werkgroep, tekst, auteur=auteur, datum=datum)
        return structure(regel, Logregel)

    # --- the research cycle --------------------------------------------------------------

    def _cyclus_wijzigen(
        self,
        werkgroep: str,
        stap: Callable[[Werkgroep, Onderzoekscyclus], Onderzoekscyclus],
    ) -> Onderzoekscyclus:
        """Apply ``stap`` to the werkgroep's current cycle under the lock, and save."""
        groep_id = self.werkgroep(werkgroep).id
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            huidig = groep.actieve_cyclus()
            if huidig is None:
                raise Geweigerd(
                    _("Werkgroep '{naam}' heeft nog geen onderzoekscyclus").format(naam=groep.naam),
                    [_("begin er een met `ozc cyclus start WERKGROEP --aanleiding … --vraag …`.")],
                )
            nieuw = stap(groep, huidig)
            self.opslag.schrijf(attrs.evolve(groep, cycli=(*groep.cycli[:-1], nieuw)))
        return nieuw

    def _wie(self, wie: str | None) -> str | None:
        return self.persoon(wie).id if wie else None

    def cyclus_start(
        self,
        werkgroep: str,
        *,
        aanleiding: str,
        vraag: str,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Onderzoekscyclus:
        """Start a research cycle: the reason (an urgent problem or a wish) and the question."""
        groep_id = self.werkgroep(werkgroep).id
        wie_id = self._wie(wie)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            huidig = groep.actieve_cyclus()
            if huidig is not None and huidig.fase is not Fase.AFGEROND:
                raise Geweigerd(
                    _("Kan geen nieuwe cyclus starten"),
                    [
                        _("cyclus {n} loopt nog (fase '{fase}'). Rond die eerst af.").format(
                            n=huidig.nummer, fase=huidig.fase.value
                        )
                    ],
                )
            nieuw = cyclus.start(
                len(groep.cycli) + 1,
                aanleiding=aanleiding,
                vraag=vraag,
                datum=datum or klok.vandaag(),
                wie=wie_id,
            )
            self.opslag.schrijf(attrs.evolve(groep, cycli=(*groep.cycli, nieuw)))
        return nieuw

    def cyclus_beginsituatie(
        self,
        werkgroep: str,
        *,
        tekst: str | None = None,
        bronnen: Iterable[str] = (),
        bron_soort: str = "document",
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Onderzoekscyclus:
        """Describe the starting point and what shows it (at least one bron)."""
        dag = datum or klok.vandaag()
        wie_id = self._wie(wie)
        nieuwe_bronnen = [cyclus.Bron(beschrijving=b, datum=dag, soort=bron_soort) for b in bronnen]
        return self._cyclus_wijzigen(
            werkgroep,
            lambda _g, c: cyclus.beginsituatie(
                c, tekst=tekst, bronnen=nieuwe_bronnen, datum=dag, wie=wie_id
            ),
        )

    def cyclus_doel(
        self,
        werkgroep: str,
        *,
        tekst: str | None = None,
        visie: str | None = None,
        indicatoren: Iterable[tuple[str, str, float, float]] = (),
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Onderzoekscyclus:
        """Set the goal, its link to the school's vision, and indicators
        ``(naam, eenheid, nulmeting, streefwaarde)``."""
        dag = datum or klok.vandaag()
        wie_id = self._wie(wie)
        nieuw = [
            cyclus.Indicator(naam=n, eenheid=e, nulmeting=nul, streefwaarde=streef, vastgesteld=dag)
            for n, e, nul, streef in indicatoren
        ]

        def stap(groep: Werkgroep, c: Onderzoekscyclus) -> Onderzoekscyclus:
            elementen = [
                v.sleutel for s in groep.scholen for v in self.opslag.lees(School, s).visie
            ]
            return cyclus.doel(
                c,
                tekst=tekst,
                visie=visie,
                indicatoren=nieuw,
                visie_elementen=elementen,
                datum=dag,
                wie=wie_id,
            )

        return self._cyclus_wijzigen(werkgroep, stap)

    def cyclus_plan(
        self,
        werkgroep: str,
        *,
        acties: Iterable[tuple[str, str | None, str | None]] = (),
        literatuur: Iterable[str] = (),
        elders: Iterable[str] = (),
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Onderzoekscyclus:
        """Make the improvement plan: actions ``(wat, wie, wanneer)`` grounded in literature
        or in another werkgroep's cycle (``elders``: a werkgroep reference, optionally
        ``#N`` for its cycle N; it must exist)."""
        dag = datum or klok.vandaag()
        wie_id = self._wie(wie)
        onderbouwing = [cyclus.Onderbouwing(literatuur=t) for t in literatuur]
        eigen = self.werkgroep(werkgroep).id
        for verwijzing in elders:
            onderbouwing.append(self._ervaring_elders(verwijzing, eigen))
        nieuwe_acties = [cyclus.Actie(wat=w, wie=p, wanneer=t) for w, p, t in acties]
        return self._cyclus_wijzigen(
            werkgroep,
            lambda _g, c: cyclus.plan(
                c, acties=nieuwe_acties, onderbouwing=onderbouwing, datum=dag, wie=wie_id
            ),
        )

    def _ervaring_elders(self, verwijzing: str, eigen: str) -> cyclus.Onderbouwing:
        naam, _hekje, nummer = verwijzing.partition("#")
        andere = self.werkgroep(naam)
        bericht = _("Kan het verbeterplan niet onderbouwen met '{v}'").format(v=verwijzing)
        if andere.id == eigen:
            raise Geweigerd(bericht, [_("ervaringen elders komen van een andere werkgroep.")])
        if not andere.cycli:
            raise Geweigerd(
                bericht,
                [_("werkgroep '{naam}' heeft nog geen onderzoekscyclus.").format(naam=andere.naam)],
            )
        n = andere.cycli[-1].nummer
        if nummer:
            if not nummer.isdigit() or not any(c.nummer == int(nummer) for c in andere.cycli):
                raise Geweigerd(
                    bericht,
                    [
                        _("werkgroep '{naam}' heeft geen cyclus {nummer} (wel 1 t/m {n}).").format(
                            naam=andere.naam, nummer=nummer, n=n
                        )
                    ],
                )
            n = int(nummer)
        return cyclus.Onderbouwing(werkgroep=andere.id, cyclus=n)

    def cyclus_uitvoeren(
        self, werkgroep: str, *, datum: dt.date | None = None, wie: str | None = None
    ) -> Onderzoekscyclus:
        """Start carrying out the plan."""
        dag, wie_id = datum or klok.vandaag(), self._wie(wie)
        return self._cyclus_wijzigen(
            werkgroep, lambda _g, c: cyclus.uitvoeren(c, datum=dag, wie=wie_id)
        )

    def cyclus_meting(
        self, werkgroep: str, *, indicator: str, waarde: float, datum: dt.date | None = None
    ) -> Onderzoekscyclus:
        """Record a measurement of an indicator (``datum`` defaults to today)."""
        dag = datum or klok.vandaag()
        return self._cyclus_wijzigen(
            werkgroep,
            lambda _g, c: cyclus.meting(c, indicator=indicator, waarde=waarde, datum=dag),
        )

    def cyclus_evaluatie(
        self,
        werkgroep: str,
        *,
        conclusie: str,
        tekst: str,
        lessen: Iterable[str] = (),
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Onderzoekscyclus:
        """Evaluate against the targets: bereikt, deels or niet-bereikt, and lessons."""
        dag, wie_id = datum or klok.vandaag(), self._wie(wie)
        return self._cyclus_wijzigen(
            werkgroep,
            lambda _g, c: cyclus.evalueer(
                c, conclusie=conclusie, tekst=tekst, lessen=tuple(lessen), datum=dag, wie=wie_id
            ),
        )

    def cyclus_afronden(
        self, werkgroep: str, *, datum: dt.date | None = None, wie: str | None = None
    ) -> Onderzoekscyclus:
        """Close the current cycle."""
        dag, wie_id = datum or klok.vandaag(), self._wie(wie)
        return self._cyclus_wijzigen(
            werkgroep, lambda _g, c: cyclus.afronden(c, datum=dag, wie=wie_id)
        )

    def cyclus_volgende(
        self,
        werkgroep: str,
        *,
        vraag: str | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Onderzoekscyclus:
        """Start the next cycle from the evaluation of the finished one."""
        groep_id = self.werkgroep(werkgroep).id
        dag, wie_id = datum or klok.vandaag(), self._wie(wie)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            huidig = groep.actieve_cyclus()
            if huidig is None:
                raise Geweigerd(
                    _("Kan geen volgende cyclus beginnen"),
                    [_("er is nog geen cyclus; begin met `ozc cyclus start`.")],
                )
            nieuw = cyclus.volgende(huidig, datum=dag, wie=wie_id, vraag=vraag)
            self.opslag.schrijf(attrs.evolve(groep, cycli=(*groep.cycli, nieuw)))
        return nieuw

    def cyclus_terug(
        self, werkgroep: str, *, reden: str, datum: dt.date | None = None, wie: str | None = None
    ) -> Onderzoekscyclus:
        """Go back one phase, with the reason recorded."""
        dag, wie_id = datum or klok.vandaag(), self._wie(wie)
        return self._cyclus_wijzigen(
            werkgroep, lambda _g, c: cyclus.terug(c, reden=reden, datum=dag, wie=wie_id)
        )

    def cyclus_pauzeer(
        self,
        werkgroep: str,
        *,
        reden: str | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Onderzoekscyclus:
        """Pause the current cycle."""
        dag, wie_id = datum or klok.vandaag(), self._wie(wie)
        return self._cyclus_wijzigen(
            werkgroep, lambda _g, c: cyclus.pauzeer(c, reden=reden, datum=dag, wie=wie_id)
        )

    def cyclus_hervat(
        self, werkgroep: str, *, datum: dt.date | None = None, wie: str | None = None
    ) -> Onderzoekscyclus:
        """Resume a paused cycle."""
        dag, wie_id = datum or klok.vandaag(), self._wie(wie)
        return self._cyclus_wijzigen(
            werkgroep, lambda _g, c: cyclus.hervat(c, datum=dag, wie=wie_id)
        )

    def cyclus_overzicht(self, werkgroep: str, nummer: int | None = None) -> CyclusOverzicht:
        """A cycle with its results per indicator and its method quality."""
        groep = self.werkgroep(werkgroep)
        if not groep.cycli:
            raise Geweigerd(
                _("Werkgroep '{naam}' heeft nog geen onderzoekscyclus").format(naam=groep.naam),
                [_("begin er een met `ozc cyclus start WERKGROEP --aanleiding … --vraag …`.")],
            )
        gekozen = (
            groep.cycli[-1]
            if nummer is None
            else next((c for c in groep.cycli if c.nummer == nummer), None)
        )
        if gekozen is None:
            raise InvalidValue(
                _("Werkgroep '{naam}' heeft geen cyclus {nummer}.").format(
                    naam=groep.naam, nummer=nummer
                )
            )
        return CyclusOverzicht(
            werkgroep=groep.id,
            werkgroep_naam=groep.naam,
            cyclus=gekozen,
            resultaten=tuple(cyclus.resultaten_van(gekozen)),
            kwaliteit=cyclus.methodekwaliteit(gekozen, heeft_vervolg=groep.heeft_vervolg(gekozen)),
        )

    # --- besluitvorming ------------------------------------------------------------------

    @property
    def besluitvorming(self) -> Besluiten:
        """The besluiten: from ideas through proposal, feedback and decision to borging."""
        from onderzoekscyclus.api.besluiten import Besluiten  # noqa: PLC0415

        return Besluiten(self)

    def besluiten(self) -> list[Besluit]:
        """Every besluit, in id order."""
        return self.besluitvorming.lijst()

    def besluit(self, verwijzing: str) -> Besluit:
        """The besluit that ``verwijzing`` (title, a word of it, or id) points to."""
        return self.besluitvorming.zoek(verwijzing)

    # --- zelfevaluatie, expertise in beeld and the school profile -----------------------

    @property
    def zelfevaluaties(self) -> Zelfevaluaties:
        """The self-evaluations: instruments, filling in, importing and results."""
        from onderzoekscyclus.api.zelfevaluaties import Zelfevaluaties  # noqa: PLC0415

        return Zelfevaluaties(self)

    def expertise(
        self,
        verwijzing: str,
        *,
        werkgroep: bool = False,
        nodig: Iterable[str] = (),
        peildatum: dt.date | None = None,
    ) -> Expertisebeeld:
        """Expertise needed, present and missing in a school (or werkgroep), and who
        wants to grow into it; see :mod:`onderzoekscyclus.api.expertise`."""
        from onderzoekscyclus.api.expertise import in_beeld  # noqa: PLC0415

        return in_beeld(self, verwijzing, werkgroep=werkgroep, nodig=nodig, peildatum=peildatum)

    def expertise_partnerschap(self, *, peildatum: dt.date | None = None) -> Partnerschapsbeeld:
        """Experts per theme across the partnership."""
        from onderzoekscyclus.api.expertise import partnerschap_in_beeld  # noqa: PLC0415

        return partnerschap_in_beeld(self, peildatum=peildatum)

    def schoolprofiel(self, verwijzing: str) -> Schoolprofiel:
        """The profile a partnership shows of a school: visie, trots, speerpunten and the
        praktijkonderzoeken of its werkgroepen."""
        from onderzoekscyclus.domein.schoolprofiel import schoolprofiel  # noqa: PLC0415

        return schoolprofiel(self.school(verwijzing), self.werkgroepen(), self.scholen())

    # --- overview and checks -------------------------------------------------------------

    def status(self) -> Status:
        """What is in the werkplaats, and what needs attention."""
        namen = self.namen()
        overzicht = []
        aandacht = []
        for groep in self.werkgroepen():
            leiders = tuple(namen.get(p, p) for p in groep.leiders())
            actief = groep.actieve_cyclus()
            kwaliteit = (
                cyclus.methodekwaliteit(actief, heeft_vervolg=groep.heeft_vervolg(actief))
                if actief
                else None
            )
            overzicht.append(
                WerkgroepOverzicht(
                    id=groep.id,
                    naam=groep.naam,
                    soort=groep.soort.value,
                    scholen=tuple(namen.get(s, s) for s in groep.scholen),
                    themas=groep.themas,
                    leden=len(groep.leden),
                    leiders=leiders,
                    logregels=len(groep.logboek),
                    laatste_log=max((r.datum for r in groep.logboek), default=None),
                    cyclus=actief.nummer if actief else None,
                    fase=actief.fase.value if actief else None,
                    gepauzeerd=actief.gepauzeerd if actief else False,
                    kwaliteit=kwaliteit.samenvatting() if kwaliteit else None,
                    ontbreekt=tuple(
                        f"{e.omschrijving}: `{e.opdracht}`" for e in kwaliteit.ontbreekt()
                    )
                    if kwaliteit
                    else (),
                )
            )
            if not leiders:
                aandacht.append(
                    _(
                        "Werkgroep '{naam}' heeft nog geen leider: `ozc werkgroep lid` met --rol leider."
                    ).format(naam=groep.naam)
                )
        vandaag = klok.vandaag()
        besluiten = self.besluitvorming.actueel()
        for besluit in besluiten:
            if besluit.herevaluatie_nodig(vandaag):
                aandacht.append(
                    _(
                        "Besluit '{titel}' is toe aan herevaluatie (gepland op {datum}): "
                        "`ozc besluit evalueer`."
                    ).format(titel=besluit.titel, datum=besluit.herevaluatie)
                )
            open_ = besluit.zonder_reactie()
            if besluit.fase is besluitvorming.Besluitfase.BESLUITVORMING and open_:
                aandacht.append(
                    ngettext(
                        "Besluit '{titel}': de feedbackronde is gesloten en {n} feedbackpunt "
                        "wacht op een reactie: `ozc besluit reageer`.",
                        "Besluit '{titel}': de feedbackronde is gesloten en {n} feedbackpunten "
                        "wachten op een reactie: `ozc besluit reageer`.",
                        len(open_),
                    ).format(titel=besluit.titel, n=len(open_))
                )
        return Status(
            naam=self.info.naam,
            root=str(self.root),
            schema=versie_tekst(HUIDIG),
            scholen=len(self.opslag.ids(School)),
            personen=len(self.opslag.ids(Persoon)),
            werkgroepen=tuple(overzicht),
            besluiten=tuple(
                BesluitStand(id=b.id, titel=b.titel, fase=b.fase.value, werkgroep=b.werkgroep)
                for b in besluiten
            ),
            aandachtspunten=tuple(aandacht),
        )

    def controleer(self) -> list[str]:
        """Every problem in the werkplaats' files; an empty list when all is well."""
        problemen: list[str] = []
        gelezen: dict[type[Any], list[Any]] = {k: [] for k in SOORTEN}
        try:
            self.opslag.info()
        except OnderzoekscyclusError as fout:
            problemen.extend(_regels_van(fout, ROOTBESTAND))
        for pad, klasse in self.opslag.bestanden():
            label = self.opslag.label(pad)
            if not is_geldig_id(pad.stem):
                problemen.append(
                    _(
                        "{bestand}: de bestandsnaam is geen geldig id (kleine letters, cijfers, koppeltekens)."
                    ).format(bestand=label)
                )
                continue
            try:
                gelezen[klasse].append(self.opslag.lees(klasse, pad.stem))
            except OnderzoekscyclusError as fout:
                problemen.extend(_regels_van(fout, label))
        problemen.extend(_verwijzingen(gelezen))
        return problemen

    def migreer(self) -> list[str]:
        """Rewrite every file that is not in the current schema; return their names.

        All files are read first: if any cannot be read (or is of a newer version),
        nothing is written and the error lists every problem.
        """
        with self.opslag.vergrendeld():
            te_schrijven: list[tuple[Path, bytes]] = []
            problemen: list[str] = []
            bestanden = [(self.root / ROOTBESTAND, WerkplaatsInfo), *self.opslag.bestanden()]
            for pad, klasse in bestanden:
                label = self.opslag.label(pad)
                inhoud = pad.read_bytes()
                try:
                    obj: Any = self.opslag.ontleed(
                        inhoud, klasse, None if klasse is WerkplaatsInfo else pad.stem, label
                    )
                except OnderzoekscyclusError as fout:
                    problemen.extend(_regels_van(fout, label))
                    continue
                nieuw = self.opslag.inhoud(obj)
                if nieuw != inhoud:
                    te_schrijven.append((pad, nieuw))
            if problemen:
                raise FileFormatError(
                    _("Er is niets gemigreerd: niet elk bestand kan gelezen worden."),
                    problemen,
                    _("Herstel deze bestanden eerst (zie `ozc controleer`)."),
                )
            for pad, nieuw in te_schrijven:
                write_atomic(pad, nieuw)
        return [self.opslag.label(pad) for pad, _inhoud in te_schrijven]

    # --- helpers -------------------------------------------------------------------------

    def _nieuw_id(self, klasse: type[Any], naam: str | None, *, voorvoegsel: str = "") -> str:
        while True:
            kandidaat = nieuw_id(naam, voorvoegsel=voorvoegsel)
            if not self.opslag.pad(klasse, kandidaat).exists():
                return kandidaat


def _regels_van(fout: OnderzoekscyclusError, label: str) -> list[str]:
    if isinstance(fout, FileFormatError):
        return list(fout.problemen)
    tekst = fout.bericht
    return [tekst if tekst.startswith(label) else f"{label}: {tekst}"]


def _verwijzingen(gelezen: Mapping[type[Any], list[Any]]) -> list[str]:
    """References from one file to another that point at nothing."""
    scholen = {s.id for s in gelezen[School]}
    personen = {p.id for p in gelezen[Persoon]}
    problemen = []
    for persoon in gelezen[Persoon]:
        if persoon.school and persoon.school not in scholen:
            problemen.append(
                _("personen/{id}.toml @ $.school: school '{school}' bestaat niet.").format(
                    id=persoon.id, school=persoon.school
                )
            )
    for groep in gelezen[Werkgroep]:
        bestand = f"werkgroepen/{groep.id}.toml"
        for i, school in enumerate(groep.scholen):
            if school not in scholen:
                problemen.append(
                    _("{bestand} @ $.scholen[{i}]: school '{school}' bestaat niet.").format(
                        bestand=bestand, i=i, school=school
                    )
                )
        for i, lid in enumerate(groep.leden):
            if lid.persoon not in personen:
                problemen.append(
                    _("{bestand} @ $.leden[{i}].persoon: persoon '{persoon}' bestaat niet.").format(
                        bestand=bestand, i=i, persoon=lid.persoon
                    )
                )
        for i, regel in enumerate(groep.logboek):
            if regel.auteur and regel.auteur not in personen:
                problemen.append(
                    _(
                        "{bestand} @ $.logboek[{i}].auteur: persoon '{persoon}' bestaat niet."
                    ).format(bestand=bestand, i=i, persoon=regel.auteur)
                )
    werkgroepen = {g.id for g in gelezen[Werkgroep]}
    for besluit in gelezen.get(Besluit, []):
        problemen.extend(_besluit_verwijzingen(besluit, scholen, personen, werkgroepen))
    return problemen


def _besluit_verwijzingen(
    besluit: Besluit, scholen: set[str], personen: set[str], werkgroepen: set[str]
) -> list[str]:
    """References of one besluit that point at nothing."""
    bestand = f"besluiten/{besluit.id}.toml"
    verwijzingen: list[tuple[str, str | None, set[str], str]] = [
        ("$.werkgroep", besluit.werkgroep, werkgroepen, _("werkgroep")),
        ("$.school", besluit.school, scholen, _("school")),
    ]
    verwijzingen += [
        (f"$.ideeen[{i}].door.persoon", idee.door.persoon, personen, _("persoon"))
        for i, idee in enumerate(besluit.ideeen)
    ]
    verwijzingen += [
        (f"$.feedback[{i}].door.persoon", f.door.persoon, personen, _("persoon"))
        for i, f in enumerate(besluit.feedback)
    ]
    verwijzingen += [
        (f"$.voorstellen[{i}].leider", v.leider, personen, _("persoon"))
        for i, v in enumerate(besluit.voorstellen)
    ]
    verwijzingen += [
        (f"$.historie[{i}].wie", h.wie, personen, _("persoon"))
        for i, h in enumerate(besluit.historie)
    ]
    return [
        _("{bestand} @ {pad}: {soort} '{id}' bestaat niet.").format(
            bestand=bestand, pad=pad, soort=soort, id=id_
        )
        for pad, id_, bekend, soort in verwijzingen
        if id_ is not None and id_ not in bekend
    ]
