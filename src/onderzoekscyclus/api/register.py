"""Schools, persons and werkgroepen: adding them, finding them, listing them.

``werkplaats.scholen``, ``werkplaats.personen`` and ``werkplaats.werkgroepen`` are the
services below. Names of persons are stored in ``personen/`` only; everything else
refers to a person by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.domein.model import (
    Lid,
    LidRol,
    Persoon,
    Profiel,
    School,
    VisieElement,
    Werkgroep,
    schone_naam,
)
from onderzoekscyclus.domein.schoolprofiel import Schoolprofiel, schoolprofiel
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.thesaurus import normaliseer
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.index import Index

__all__ = ["Personen", "Scholen", "Werkgroepen"]


class Scholen(Dienst):
    """The schools and teacher-training institutes of the werkplaats."""

    def lijst(self) -> list[School]:
        """Every school, by name."""
        return sorted(self.opslag.alle(School), key=lambda s: (s.naam.casefold(), s.id))

    def zoek(self, verwijzing: str) -> School:
        """The school that ``verwijzing`` (name, start of the name, or id) points to."""
        return self.school(verwijzing)

    def toevoegen(
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
            bestaande = self.lijst()
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

    def lijst(self, *, school: str | None = None) -> list[Persoon]:
        """Every person (of ``school``, a name, start of a name or id), by name."""
        personen = self.opslag.alle(Persoon)
        if school is not None:
            school_id = self.school(school).id
            personen = [p for p in personen if p.school == school_id]
        return sorted(personen, key=lambda p: (p.naam.casefold(), p.id))

    def zoek(self, verwijzing: str) -> Persoon:
        """The person that ``verwijzing`` (name, start of the name, or id) points to."""
        return self.persoon(verwijzing)

    def toevoegen(
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

    def lijst(self, *, school: str | None = None) -> list[Werkgroep]:
        """Every werkgroep (of ``school``, a name, start of a name or id), by name."""
        groepen = self.opslag.alle(Werkgroep)
        if school is not None:
            school_id = self.school(school).id
            groepen = [g for g in groepen if school_id in g.scholen]
        return sorted(groepen, key=lambda g: (g.naam.casefold(), g.id))

    def zoek(self, verwijzing: str) -> Werkgroep:
        """The werkgroep that ``verwijzing`` (name, start of the name, or id) points to."""
        return self.werkgroep(verwijzing)

    def toevoegen(
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
        naam = schone_naam(naam)
        themas = tuple(themas)
        if not nieuw_thema:
            self._controleer_themas(themas)
        school_ids = tuple(dict.fromkeys(self.school(s).id for s in scholen))
        with self.opslag.vergrendeld():
            for andere in self.lijst():
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

    def lid(self, werkgroep: str, persoon: str, *, rol: str | LidRol = "lid") -> Werkgroep:
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
