"""Schools, persons and werkgroepen: adding them, finding them, listing them.

``werkplaats.scholen``, ``werkplaats.personen`` and ``werkplaats.werkgroepen`` are the
services below. Names of persons are stored in ``personen/`` only; everything else
refers to a person by id.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api._indexvraag import vraag_index
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
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.tijd import gebeurd
from onderzoekscyclus.domein.velden import naar_enum
from onderzoekscyclus.errors import Geweigerd, InvalidValue, Kandidaat, UnknownReference
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.index import Index

if TYPE_CHECKING:
    from onderzoekscyclus.api.duoimport import Schoolimport

    # what removing, forgetting and the school profile need is imported on first use
    from onderzoekscyclus.api.vergeten import Vergeetverslag
    from onderzoekscyclus.api.wijzigen import Samengevoegd, Verwijderd
    from onderzoekscyclus.domein.schoolprofiel import Schoolprofiel

__all__ = ["Lidmaatschap", "Personen", "Scholen", "Werkgroepen"]


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

        zonder = soort is None and cluster is None
        return selecteer(self.opslag, School, None if zonder else past, limit=limit, offset=offset)

    def zoek(self, verwijzing: str | None = None, *, id: str | None = None) -> School:
        """The school with exactly this ``id``, or the one that ``verwijzing`` (what a
        person typed: a name, the start of one, or an id) points to."""
        return self._een(School, verwijzing, id)

    def importeer(
        self,
        pad: Path | str,
        *,
        bestuur: Iterable[str] = (),
        gemeente: Iterable[str] = (),
        provincie: Iterable[str] = (),
        brin: Iterable[str] = (),
        sector: Sector | SectorWaarde | None = None,
        uitvoeren: bool = True,
    ) -> Schoolimport:
        """Add and update schools from DUO's address file at ``pad`` (semicolon-separated,
        UTF-8 or Windows-1252, either generation of column names): those of the boards
        ``bestuur`` (bevoegd gezag numbers), in ``gemeente`` or ``provincie``, with a code
        of ``brin``. A school already here (same vestigingscode, or added by hand with its
        BRIN code) is updated in what DUO says; what the partnership added stays. One bad
        row and nothing is imported; ``uitvoeren=False`` only says what would change.
        See :mod:`onderzoekscyclus.api.duoimport`.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.api.duoimport import importeer  # noqa: PLC0415 - on first use

        return importeer(
            self.opslag,
            pad,
            bestuur=bestuur,
            gemeente=gemeente,
            provincie=provincie,
            brin=brin,
            sector=sector,
            uitvoeren=uitvoeren,
        )

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
            school = School(
                id=self.opslag.nieuw_id(School, naam),
                naam=naam,
                brin=brin,
                sector=sector,
                bestuur=bestuur,
                cluster=cluster,
            )
            _uniek(school, self.opslag.alle(School))
            self.opslag.schrijf(school)
        return school

    def wijzig(
        self,
        verwijzing: str,
        *,
        naam: str | None = None,
        brin: str | None = None,
        sector: Sector | SectorWaarde | None = None,
        bestuur: str | None = None,
        cluster: str | None = None,
    ) -> School:
        """Change what is given (``bestuur=""`` or ``cluster=""`` empties it); the id
        stays, so everything that refers to the school still does."""
        school_id = self.school(verwijzing).id
        with self.opslag.vergrendeld():
            oud = self.opslag.lees(School, school_id)
            velden: dict[str, Any] = {}
            if naam is not None:
                velden["naam"] = schone_naam(naam)
            if brin is not None:
                velden["brin"] = brin
            if sector is not None:
                velden["sector"] = sector
            if bestuur is not None:
                velden["bestuur"] = bestuur or None
            if cluster is not None:
                velden["cluster"] = cluster or None
            nieuw = attrs.evolve(oud, **velden)
            _uniek(nieuw, [s for s in self.opslag.alle(School) if s.id != school_id])
            self.opslag.schrijf(nieuw)
        return nieuw

    def verwijder(
        self, verwijzing: str, *, met_verwijzingen: bool = False, uitvoeren: bool = True
    ) -> Verwijderd:
        """Remove a school. Refused while anything refers to it, unless
        ``met_verwijzingen``: then persons and besluiten lose their school and werkgroepen
        of several schools lose this one (see :mod:`onderzoekscyclus.api.wijzigen`)."""
        from onderzoekscyclus.api.wijzigen import verwijder  # noqa: PLC0415

        return verwijder(
            self.opslag,
            School,
            self.school(verwijzing).id,
            met_verwijzingen=met_verwijzingen,
            uitvoeren=uitvoeren,
        )

    def samenvoegen(self, blijft: str, weg: str, *, uitvoeren: bool = True) -> Samengevoegd:
        """Join school ``weg`` into ``blijft`` (the same school added twice, for example in
        two clones): every werkgroep, person, besluit and zelfevaluatie of ``weg`` then
        belongs to ``blijft``, what only ``weg`` knew is added, and ``weg`` goes.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.api.wijzigen import voeg_samen  # noqa: PLC0415

        return voeg_samen(
            self.opslag, School, self.school(blijft).id, self.school(weg).id, uitvoeren=uitvoeren
        )

    def profiel(
        self,
        verwijzing: str,
        *,
        visie: Mapping[str, str] | None = None,
        trots: Iterable[str] = (),
        speerpunten: Iterable[str] = (),
        vervang_trots: bool = False,
        vervang_speerpunten: bool = False,
        vervang: bool | None = None,
    ) -> School:
        """Set vision elements, what the school is proud of, and its speerpunten.

        Vision elements with an existing name get the new text; the others are added, and
        none is removed. Trots and speerpunten are added to what is there; with
        ``vervang_trots`` (``vervang_speerpunten``) the ones given replace that list
        alone (none given: it is emptied), and the other list stays as it is.

        .. versionchanged:: 0.2.0 ``vervang_trots`` and ``vervang_speerpunten`` take the
           place of ``vervang``, which replaced both lists even when only a vision text
           was given; ``vervang`` still works, with a :class:`DeprecationWarning`, until
           0.3.0.
        """
        if vervang is not None:
            warnings.warn(
                "Scholen.profiel(vervang=...) is deprecated and will be removed in 0.3.0; "
                "use vervang_trots= and vervang_speerpunten=",
                DeprecationWarning,
                stacklevel=3,  # past the wrapper that sets the language
            )
            vervang_trots = vervang_speerpunten = vervang
        school_id = self.school(verwijzing).id
        with self.opslag.vergrendeld():
            school = self.opslag.lees(School, school_id)
            elementen = {v.sleutel.casefold(): v for v in school.visie}
            for sleutel, tekst in (visie or {}).items():
                element = VisieElement(sleutel=sleutel, tekst=tekst)
                elementen[element.sleutel.casefold()] = element
            oude_trots = () if vervang_trots else school.profiel.trots
            oude_speerpunten = () if vervang_speerpunten else school.profiel.speerpunten
            profiel = Profiel(
                trots=(*oude_trots, *(t for t in trots if t not in oude_trots)),
                speerpunten=(*oude_speerpunten, *speerpunten),
            )
            school = attrs.evolve(school, visie=tuple(elementen.values()), profiel=profiel)
            self.opslag.schrijf(school)
        return school

    def haal_weg(
        self,
        verwijzing: str,
        *,
        visie: Iterable[str] = (),
        speerpunten: Iterable[str] = (),
        trots: Iterable[str] = (),
    ) -> School:
        """Take vision elements (by key), speerpunten and things the school is proud of
        out of its profile; each must be there (case and accents do not count). A vision
        element that a cycle's goal refers to stays: it says why the goal matters."""
        school_id = self.school(verwijzing).id
        visie, speerpunten, trots = list(visie), list(speerpunten), list(trots)
        with self.opslag.vergrendeld():
            school = self.opslag.lees(School, school_id)
            _niet_in_gebruik(school, visie, self.opslag.alle(Werkgroep))
            nieuw = attrs.evolve(
                school,
                visie=_zonder_tekst(school.visie, visie, "visie", lambda v: v.sleutel),
                profiel=Profiel(
                    trots=_zonder_tekst(school.profiel.trots, trots, "trots", str),
                    speerpunten=_zonder_tekst(
                        school.profiel.speerpunten, speerpunten, "speerpunt", str
                    ),
                ),
            )
            self.opslag.schrijf(nieuw)
        return nieuw

    def schoolprofiel(self, verwijzing: str) -> Schoolprofiel:
        """The profile a partnership shows of a school: visie, trots, speerpunten and the
        praktijkonderzoeken of its werkgroepen."""
        from onderzoekscyclus.domein.schoolprofiel import schoolprofiel  # noqa: PLC0415

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

        zonder = school is None and expertise is None
        return selecteer(self.opslag, Persoon, None if zonder else past, limit=limit, offset=offset)

    def toestemming(
        self, verwijzing: str, *, gegeven: bool = True, datum: dt.date | None = None
    ) -> Persoon:
        """Record that the person consents to be named on the partnership website (on
        ``datum``, default today), or, with ``gegeven=False``, that the consent is
        withdrawn: from the next build on the site shows a role instead of the name.

        .. versionadded:: 0.2.0
        """
        persoon_id = self.persoon(verwijzing).id
        dag = gebeurd(datum, self.vandaag()) if gegeven else None
        with self.opslag.vergrendeld():
            oud = self.opslag.lees(Persoon, persoon_id)
            nieuw = attrs.evolve(oud, toestemming=dag)
            self.opslag.schrijf(nieuw)
        return nieuw

    def wijzig(
        self,
        verwijzing: str,
        *,
        naam: str | None = None,
        school: str | None = None,
        rollen: Iterable[Rol | RolWaarde] | None = None,
        expertise: Iterable[str] | None = None,
        interesses: Iterable[str] | None = None,
        ambities: Iterable[str] | None = None,
        lectoraat: str | None = None,
    ) -> Persoon:
        """Change what is given: a list replaces the list that was there, ``school=""``
        and ``lectoraat=""`` empty the school and the lectoraat. The id stays.

        .. versionchanged:: 0.2.0 ``lectoraat``
        """
        persoon_id = self.persoon(verwijzing).id
        school_id = (self.school(school).id if school else "") if school is not None else None
        with self.opslag.vergrendeld():
            oud = self.opslag.lees(Persoon, persoon_id)
            velden: dict[str, Any] = {
                "naam": naam,
                "rollen": None if rollen is None else tuple(rollen),
                "expertise": None if expertise is None else tuple(expertise),
                "interesses": None if interesses is None else tuple(interesses),
                "ambities": None if ambities is None else tuple(ambities),
            }
            nieuw = attrs.evolve(oud, **{k: v for k, v in velden.items() if v is not None})
            if school_id is not None:
                nieuw = attrs.evolve(nieuw, school=school_id or None)
            if lectoraat is not None:
                nieuw = attrs.evolve(nieuw, lectoraat=lectoraat)
            self.opslag.schrijf(nieuw)
        return nieuw

    def verwijder(
        self, verwijzing: str, *, met_verwijzingen: bool = False, uitvoeren: bool = True
    ) -> Verwijderd:
        """Remove a person who is nowhere in the history. With ``met_verwijzingen`` they
        also leave their werkgroepen and the school visits they were on; someone who wrote
        or did something is refused (to
        remove their personal data and keep the history readable, use :meth:`vergeet`)."""
        from onderzoekscyclus.api.wijzigen import verwijder  # noqa: PLC0415

        return verwijder(
            self.opslag,
            Persoon,
            self.persoon(verwijzing).id,
            met_verwijzingen=met_verwijzingen,
            uitvoeren=uitvoeren,
        )

    def samenvoegen(self, blijft: str, weg: str, *, uitvoeren: bool = True) -> Samengevoegd:
        """Join person ``weg`` into ``blijft`` (one person added twice): memberships,
        log lines, steps, contributions and respondents of ``weg`` become ``blijft``'s,
        expertise and roles are joined, and ``weg`` goes.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.api.wijzigen import voeg_samen  # noqa: PLC0415

        return voeg_samen(
            self.opslag, Persoon, self.persoon(blijft).id, self.persoon(weg).id, uitvoeren=uitvoeren
        )

    def vergeet(self, verwijzing: str, *, uitvoeren: bool = True) -> Vergeetverslag:
        """Forget a person (AVG, article 17): their file keeps only a stable pseudonym,
        their memberships go, and their name leaves every text of the werkplaats (see
        :mod:`onderzoekscyclus.api.vergeten`). With ``uitvoeren=False`` nothing changes
        and the report says what would."""
        from onderzoekscyclus.api.vergeten import vergeet  # noqa: PLC0415

        return vergeet(self.opslag, self.persoon(verwijzing).id, uitvoeren=uitvoeren)

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
        lectoraat: str | None = None,
    ) -> Persoon:
        """Add a person. Their name is stored here only; everything else uses the id.

        ``interesses`` are the themes they want to research (a student's graduation
        research); ``lectoraat`` the research group of a lector or researcher.

        .. versionchanged:: 0.2.0 ``lectoraat``
        """
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
                lectoraat=lectoraat,
            )
            self.opslag.schrijf(persoon)
        return persoon

    def werkgroepen(self, verwijzing: str) -> tuple[Lidmaatschap, ...]:
        """The werkgroepen the person is a member of, with their role, by name (from
        the index: quick in a large partnership).

        .. versionadded:: 0.2.0
        """
        persoon_id = self.persoon(verwijzing).id
        sql = (
            "SELECT l.werkgroep, w.naam, l.rol, l.onderzoeksvraag FROM leden l "
            "JOIN werkgroepen w ON w.id = l.werkgroep WHERE l.persoon = ?"
        )

        def vraag(index: Index) -> list[tuple[Any, ...]]:
            rijen = index.rijen(sql, (persoon_id,))
            if index.controleer("werkgroepen", (r[0] for r in rijen)):
                rijen = index.rijen(sql, (persoon_id,))
            return rijen

        rijen = vraag_index(self.root, ("werkgroepen",), vraag)
        return tuple(
            sorted(
                (
                    Lidmaatschap(
                        werkgroep=r[0], werkgroep_naam=r[1], rol=r[2], onderzoeksvraag=r[3]
                    )
                    for r in rijen
                ),
                key=lambda m: (vergelijkbaar(m.werkgroep_naam), m.werkgroep),
            )
        )


@attrs.frozen
class Lidmaatschap:
    """A person's place in a werkgroep: which werkgroep (id and name), their role and
    their own research question, if they noted one.

    .. versionadded:: 0.2.0
    """

    werkgroep: str
    werkgroep_naam: str
    rol: str
    onderzoeksvraag: str | None = None


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

        zonder = school is None and thema is None and fase is None
        return selecteer(
            self.opslag, Werkgroep, None if zonder else past, limit=limit, offset=offset
        )

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
            werkgroep = Werkgroep(
                id=self.opslag.nieuw_id(Werkgroep, naam),
                naam=naam,
                scholen=school_ids,
                soort=soort,
                themas=themas,
            )
            _uniek_in_school(werkgroep, self.opslag.alle(Werkgroep))
            self.opslag.schrijf(werkgroep)
        return werkgroep

    def wijzig(
        self,
        verwijzing: str,
        *,
        naam: str | None = None,
        soort: WerkgroepSoort | WerkgroepSoortWaarde | None = None,
        themas: Iterable[str] | None = None,
        scholen: Iterable[str] | None = None,
        nieuw_thema: bool = False,
    ) -> Werkgroep:
        """Change what is given (a list replaces the list that was there); the id stays."""
        groep_id = self.werkgroep(verwijzing).id
        if themas is not None:
            themas = tuple(themas)
            if not nieuw_thema:
                self._controleer_themas(themas)
        school_ids = (
            None if scholen is None else tuple(dict.fromkeys(self.school(s).id for s in scholen))
        )
        with self.opslag.vergrendeld():
            oud = self.opslag.lees(Werkgroep, groep_id)
            velden: dict[str, Any] = {
                "naam": None if naam is None else schone_naam(naam),
                "soort": soort,
                "themas": themas,
                "scholen": school_ids,
            }
            nieuw = attrs.evolve(oud, **{k: v for k, v in velden.items() if v is not None})
            _uniek_in_school(nieuw, [g for g in self.opslag.alle(Werkgroep) if g.id != groep_id])
            self.opslag.schrijf(nieuw)
        return nieuw

    def verwijder(
        self, verwijzing: str, *, met_verwijzingen: bool = False, uitvoeren: bool = True
    ) -> Verwijderd:
        """Remove a werkgroep, with its logboek and cycles; refused while a besluit or
        another werkgroep's cycle or evidence refers to it. With ``met_verwijzingen`` it
        leaves the speerpunten of the ontwikkelagenda it was linked to.

        .. versionchanged:: 0.2.0 ``met_verwijzingen``
        """
        from onderzoekscyclus.api.wijzigen import verwijder  # noqa: PLC0415

        return verwijder(
            self.opslag,
            Werkgroep,
            self.werkgroep(verwijzing).id,
            met_verwijzingen=met_verwijzingen,
            uitvoeren=uitvoeren,
        )

    def lid_weg(self, werkgroep: str, persoon: str) -> Werkgroep:
        """A member leaves the werkgroep (their history in it stays)."""
        groep_id = self.werkgroep(werkgroep).id
        wie = self.persoon(persoon)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            if all(lid.persoon != wie.id for lid in groep.leden):
                raise UnknownReference(
                    _("{naam} is geen lid van werkgroep '{groep}'.").format(
                        naam=wie.naam, groep=groep.naam
                    ),
                    [Kandidaat(lid.persoon, lid.persoon) for lid in groep.leden],
                    soort="lid",
                    verwijzing=persoon,
                    onderwerp=groep.naam,
                    onderwerp_id=groep.id,
                )
            groep = attrs.evolve(
                groep, leden=tuple(lid for lid in groep.leden if lid.persoon != wie.id)
            )
            self.opslag.schrijf(groep)
        return groep

    def lid(
        self,
        werkgroep: str,
        persoon: str,
        *,
        rol: LidRol | LidRolWaarde | None = None,
        onderzoeksvraag: str | None = None,
    ) -> Werkgroep:
        """Make a person a member of a werkgroep, or change the role of a member.

        Without ``rol`` a new member is a ``lid`` and a member keeps the role they had.
        ``onderzoeksvraag`` notes the member's own research question (a student's
        graduation research); without it a member keeps the question they had, and
        ``""`` removes it.

        .. versionchanged:: 0.2.0 ``onderzoeksvraag``; ``rol`` keeps a member's role when
           not given
        """
        groep_id = self.werkgroep(werkgroep).id
        wie = self.persoon(persoon)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            oud = groep.lid(wie.id)
            vraag = onderzoeksvraag
            if vraag is None and oud is not None:
                vraag = oud.onderzoeksvraag
            if rol is None:
                rol = oud.rol if oud is not None else LidRol.LID
            nieuw = Lid(persoon=wie.id, rol=rol, onderzoeksvraag=vraag)
            # a member keeps their place in the list; a new one comes last
            leden = [nieuw if lid.persoon == wie.id else lid for lid in groep.leden]
            groep = attrs.evolve(groep, leden=tuple(leden if oud is not None else [*leden, nieuw]))
            self.opslag.schrijf(groep)
        return groep


def _uniek(school: School, anderen: Iterable[School]) -> None:
    """Refuse a school whose name or BRIN code another school already has."""
    for andere in anderen:
        if vergelijkbaar(andere.naam) == vergelijkbaar(school.naam):
            raise InvalidValue(
                _("Er is al een school met de naam '{naam}'.").format(naam=andere.naam),
                _("Kies een andere naam, bijvoorbeeld met de plaats erbij."),
                veld="naam",
            )
        if andere.code == school.code:
            raise InvalidValue(
                _("De BRIN-code {brin} hoort al bij {naam}.").format(
                    brin=school.code, naam=andere.naam
                ),
                veld="brin",
            )


def _uniek_in_school(groep: Werkgroep, anderen: Iterable[Werkgroep]) -> None:
    """Refuse a werkgroep whose name another werkgroep of one of its schools has."""
    for andere in anderen:
        gedeeld = set(andere.scholen) & set(groep.scholen)
        if gedeeld and vergelijkbaar(andere.naam) == vergelijkbaar(groep.naam):
            raise InvalidValue(
                _("Deze school heeft al een werkgroep '{naam}'.").format(naam=andere.naam),
                _("Kies een andere naam."),
                veld="naam",
            )


def _zonder_tekst(
    lijst: tuple[Any, ...], weg: Sequence[str], soort: str, tekst: Callable[[Any], str]
) -> tuple[Any, ...]:
    """``lijst`` without the items named in ``weg``; an item that is not there is refused
    with what is."""
    gezocht = {vergelijkbaar(w): w for w in weg}
    aanwezig = {vergelijkbaar(tekst(x)) for x in lijst}
    for sleutel, w in gezocht.items():
        if sleutel not in aanwezig:
            raise UnknownReference(
                _("Het profiel heeft geen {soort} '{tekst}'.").format(soort=soort, tekst=w),
                [Kandidaat(tekst(x), tekst(x)) for x in lijst],
                hint=_("Er staat nu: {lijst}.").format(lijst="; ".join(tekst(x) for x in lijst))
                if lijst
                else _("Er staat nog niets."),
                soort=soort,
                verwijzing=w,
            )
    return tuple(x for x in lijst if vergelijkbaar(tekst(x)) not in gezocht)


def _niet_in_gebruik(school: School, visie: Sequence[str], groepen: Iterable[Werkgroep]) -> None:
    """Refuse to remove a vision element that a cycle of a werkgroep of the school
    refers to (its goal says why with it)."""
    weg = {vergelijkbaar(v) for v in visie}
    gebruikt = sorted(
        {
            f"{g.naam} ({g.id}, cyclus {c.nummer})"
            for g in groepen
            if school.id in g.scholen
            for c in g.cycli
            if c.visie is not None and vergelijkbaar(c.visie) in weg
        }
    )
    if gebruikt:
        raise Geweigerd(
            _("Kan het visie-element niet weghalen"),
            [reden("verwijder.in-gebruik", wat=", ".join(visie), lijst="; ".join(gebruikt))],
            operatie="verwijder",
            onderwerp=school.naam,
            onderwerp_id=school.id,
        )
