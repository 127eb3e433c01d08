"""Schools, persons and werkgroepen: adding them, finding them, listing them.

``werkplaats.scholen``, ``werkplaats.personen`` and ``werkplaats.werkgroepen`` are the
services below. Names of persons are stored in ``personen/`` only; everything else
refers to a person by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api.lijsten import Kenmerken, selecteer
from onderzoekscyclus.domein.cyclus import Fase, FaseWaarde
from onderzoekscyclus.domein.model import (
    Lid,
    LidRol,
    LidRolWaarde,
    Persoon,
    Profiel,
    Rol,
    RolWaarde,
    School,
    Sector,
    SectorWaarde,
    VisieElement,
    Werkgroep,
    WerkgroepSoort,
    WerkgroepSoortWaarde,
    schone_naam,
)
from onderzoekscyclus.domein.schoolprofiel import Schoolprofiel, schoolprofiel
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.thesaurus import normaliseer
from onderzoekscyclus.domein.velden import naar_enum
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.index import Index

__all__ = ["Personen", "Scholen", "Werkgroepen"]


class Scholen(Dienst):
    """The schools and teacher-training institutes of the werkplaats."""

    def lijst(
        self,
        *,
        sector: Sector | SectorWaarde | None = None,
        cluster: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[School]:
        """The schools (of ``sector``, in ``cluster``), by name; ``offset`` and ``limit``
        give one page of them."""
        soort = None if sector is None else naar_enum(Sector, "sector")(sector).value

        def past(k: Kenmerken) -> bool:
            return (soort is None or k.soort == soort) and (cluster is None or k.cluster == cluster)

        return selecteer(self.opslag, School, past, limit=limit, offset=offset)

    def zoek(self, verwijzing: str | None = None, *, id: str | None = None) -> School:
        """The school with exactly this ``id``, or the one that ``verwijzing`` (what a
        person typed: a name, the start of one, or an id) points to."""
        return self._een(School, verwijzing, id)

    def toevoegen(
        self,
        naam: str,
        *,
        brin: str,
        sector: Sector | SectorWaarde,
        bestuur: str | None = None,
        cluster: str | None = None,
    ) -> School:
        """Add a school (or a teacher-training institute: sector ``opleiding``)."""
        naam = schone_naam(naam)
        with self.opslag.vergrendeld():
            bestaande = self.opslag.alle(School)
            for andere in bestaande:
                if vergelijkbaar(andere.naam) == vergelijkbaar(naam):
                    raise InvalidValue(
                        _("Er is al een school met de naam '{naam}'.").format(naam=andere.naam),
                        _("Kies een andere naam, bijvoorbeeld met de plaats erbij."),
                        veld="naam",
                    )
            school = School(
                id=self.opslag.nieuw_id(School, naam),
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
                        ),
                        veld="brin",
                    )
            self.opslag.schrijf(school)
        return school

    def profiel(
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
        school_id = self.school(verwijzing).id
        with self.opslag.vergrendeld():
            school = self.opslag.lees(School, school_id)
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

    def schoolprofiel(self, verwijzing: str) -> Schoolprofiel:
        """The profile a partnership shows of a school: visie, trots, speerpunten and the
        praktijkonderzoeken of its werkgroepen."""
        return schoolprofiel(
            self.school(verwijzing), self.opslag.alle(Werkgroep), self.opslag.alle(School)
        )


class Personen(Dienst):
    """The persons of the werkplaats: the one place their names are kept."""

    def lijst(
        self,
        *,
        school: str | None = None,
        expertise: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Persoon]:
        """The persons (of ``school``: its id, or a reference; with expertise on the theme
        ``expertise`` or a narrower one), by name; ``offset`` and ``limit`` give a page."""
        school_id = self.school(school).id if school is not None else None
        past_thema = self._thema_filter(expertise)

        def past(k: Kenmerken) -> bool:
            return (school_id is None or school_id in k.scholen) and past_thema(k)

        return selecteer(self.opslag, Persoon, past, limit=limit, offset=offset)

    def zoek(self, verwijzing: str | None = None, *, id: str | None = None) -> Persoon:
        """The person with exactly this ``id``, or the one ``verwijzing`` (what a person
        typed: a name, the start of one, or an id) points to."""
        return self._een(Persoon, verwijzing, id)

    def toevoegen(
        self,
        naam: str,
        *,
        school: str | None = None,
        rollen: Iterable[Rol | RolWaarde] = (),
        expertise: Iterable[str] = (),
        interesses: Iterable[str] = (),
        ambities: Iterable[str] = (),
    ) -> Persoon:
        """Add a person. Their name is stored here only; everything else uses the id."""
        school_id = self.school(school).id if school else None
        with self.opslag.vergrendeld():
            persoon = Persoon(
                id=self.opslag.nieuw_id(Persoon, None, voorvoegsel="persoon"),
                naam=naam,
                school=school_id,
                rollen=tuple(rollen),
                expertise=tuple(expertise),
                interesses=tuple(interesses),
                ambities=tuple(ambities),
            )
            self.opslag.schrijf(persoon)
        return persoon


class Werkgroepen(Dienst):
    """The werkgroepen of the werkplaats and their members."""

    def lijst(
        self,
        *,
        school: str | None = None,
        thema: str | None = None,
        fase: Fase | FaseWaarde | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Werkgroep]:
        """The werkgroepen (of ``school``: its id or a reference; on ``thema`` or a
        narrower theme; whose latest cycle is in ``fase``), by name; ``offset`` and
        ``limit`` give a page."""
        school_id = self.school(school).id if school is not None else None
        past_thema = self._thema_filter(thema)
        gezocht = None if fase is None else naar_enum(Fase, "fase")(fase).value

        def past(k: Kenmerken) -> bool:
            return (
                (school_id is None or school_id in k.scholen)
                and past_thema(k)
                and (gezocht is None or k.fase == gezocht)
            )

        return selecteer(self.opslag, Werkgroep, past, limit=limit, offset=offset)

    def zoek(self, verwijzing: str | None = None, *, id: str | None = None) -> Werkgroep:
        """The werkgroep with exactly this ``id``, or the one ``verwijzing`` (what a
        person typed: a name, the start of one, or an id) points to."""
        return self._een(Werkgroep, verwijzing, id)

    def toevoegen(
        self,
        naam: str,
        *,
        scholen: Iterable[str],
        soort: WerkgroepSoort | WerkgroepSoortWaarde = WerkgroepSoort.LEERTEAM,
        themas: Iterable[str] = (),
        nieuw_thema: bool = False,
    ) -> Werkgroep:
        """Add a werkgroep of one or more schools.

        A theme the thesaurus does not know (and no werkgroep uses) is refused with a
        suggestion, unless ``nieuw_thema`` is set.
        """
        naam = schone_naam(naam)
        themas = tuple(themas)
        if not nieuw_thema:
            self._controleer_themas(themas)
        school_ids = tuple(dict.fromkeys(self.school(s).id for s in scholen))
        with self.opslag.vergrendeld():
            for andere in self.opslag.alle(Werkgroep):
                gedeeld = set(andere.scholen) & set(school_ids)
                if gedeeld and vergelijkbaar(andere.naam) == vergelijkbaar(naam):
                    raise InvalidValue(
                        _("Deze school heeft al een werkgroep '{naam}'.").format(naam=andere.naam),
                        _("Kies een andere naam."),
                        veld="naam",
                    )
            werkgroep = Werkgroep(
                id=self.opslag.nieuw_id(Werkgroep, naam),
                naam=naam,
                scholen=school_ids,
                soort=soort,
                themas=themas,
            )
            self.opslag.schrijf(werkgroep)
        return werkgroep

    def lid(
        self, werkgroep: str, persoon: str, *, rol: LidRol | LidRolWaarde = LidRol.LID
    ) -> Werkgroep:
        """Make a person a member of a werkgroep, or change the role of a member."""
        groep_id = self.werkgroep(werkgroep).id
        wie = self.persoon(persoon)
        nieuw = Lid(persoon=wie.id, rol=rol)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            leden = [lid for lid in groep.leden if lid.persoon != wie.id]
            groep = attrs.evolve(groep, leden=(*leden, nieuw))
            self.opslag.schrijf(groep)
        return groep

    def _controleer_themas(self, themas: Iterable[str]) -> None:
        """Refuse a theme the thesaurus does not know and no werkgroep uses yet, with the
        known themes it looks like ("bedoelde u …?")."""
        thesaurus = self.lees_thesaurus()
        onbekend = [t for t in themas if normaliseer(t) and thesaurus.zoek(t) is None]
        if not onbekend:
            return
        with Index(self.opslag.root) as index:
            index.ververs(("werkgroepen",))
            gebruikt = [r[0] for r in index.rijen("SELECT DISTINCT tekst FROM werkgroep_themas")]
        bekend = {normaliseer(t) for t in gebruikt}
        onbekend = [t for t in onbekend if normaliseer(t) not in bekend]
        if not onbekend:
            return
        suggesties = thesaurus.suggesties(onbekend[0], gebruikt)
        bedoeld = (
            _("Bedoelde u: {themas}?").format(themas=", ".join(suggesties)) + " "
            if suggesties
            else ""
        )
        raise InvalidValue(
            _("Onbekend thema '{thema}': het staat niet in de thesaurus.").format(
                thema=onbekend[0]
            ),
            bedoeld
            + _(
                "Kies een bekend thema, voeg het toe aan thesaurus.toml, of neem het toch op "
                "als nieuw thema."
            ),
            veld="themas",
        )
