"""School visits (``werkplaats.bezoeken``): visitaties, collegiale consultaties,
lesbezoeken and studiebezoeken, their visitors and bevindingen, and a bevinding turned
into a bron of a research cycle in one step.

Each visit is a file ``bezoeken/<id>.toml``. A visit may be planned ahead; a bevinding
lies on or after the day of the visit and never after today. Lists read the visit
files themselves, as the besluiten do: a partnership records visits by the hundreds a
year, not by the thousands a week, and a file of a visit is small.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api._pagina import pagina
from onderzoekscyclus.api.cycli import CyclusOverzicht, overzicht_van
from onderzoekscyclus.api.wijzigen import Verwijderd, verwijder
from onderzoekscyclus.domein import bezoek as bz
from onderzoekscyclus.domein import cyclusstappen as stappen
from onderzoekscyclus.domein.bezoek import Schoolbezoek
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.keuzes import naam as woord
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.tijd import in_kalender
from onderzoekscyclus.domein.velden import naar_enum
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.domein.waarden import Bezoeksoort, BezoeksoortWaarde, Rol, RolWaarde
from onderzoekscyclus.errors import Geweigerd, InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opmaak import lange_datum
from onderzoekscyclus.opslag.bestanden import Opslag

__all__ = ["Schoolbezoeken", "bezoek_bij"]


def bezoek_bij(opslag: Opslag, verwijzing: str) -> Schoolbezoek:
    """The visit ``verwijzing`` points to: an exact id reads its own file only;
    anything else is looked up among the titles of every visit."""
    id_ = verwijzing.strip()
    if is_geldig_id(id_) and opslag.bestaat(Schoolbezoek, id_):
        return opslag.lees(Schoolbezoek, id_)
    return zoek(verwijzing, opslag.alle(Schoolbezoek), soort="bezoek")


class Schoolbezoeken(Dienst):
    """Every school visit of the werkplaats.

    >>> wp.bezoeken.nieuw("De Regenboog", vraag="…", soort="visitatie")  # doctest: +SKIP
    """

    # --- finding --------------------------------------------------------------------------

    def zoek(self, verwijzing: str | None = None, *, id: str | None = None) -> Schoolbezoek:
        """The visit with exactly this ``id``, or the one ``verwijzing`` (its title, words
        of it, or its id) points to."""
        if (verwijzing is None) == (id is None):
            return self._een(Schoolbezoek, verwijzing, id)  # refuses: both or neither
        if id is not None:
            return self._exact(Schoolbezoek, id)
        assert verwijzing is not None
        return bezoek_bij(self.opslag, verwijzing)

    def lijst(
        self,
        *,
        school: str | None = None,
        soort: Bezoeksoort | BezoeksoortWaarde | None = None,
        persoon: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Schoolbezoek]:
        """The visits (to ``school``; of ``soort``; with ``persoon`` among the visitors),
        by date and title; ``offset`` and ``limit`` give a page."""
        school_id = self.school(school).id if school is not None else None
        persoon_id = self.persoon_id(persoon)
        gezocht = None if soort is None else naar_enum(Bezoeksoort, "soort")(soort)
        pagina(range(0), limit, offset)  # checks both before any file is read
        bezoeken = [
            b
            for b in self.opslag.alle(Schoolbezoek)
            if (school_id is None or b.school == school_id)
            and (gezocht is None or b.soort is gezocht)
            and (persoon_id is None or any(x.persoon == persoon_id for x in b.bezoekers))
        ]
        bezoeken.sort(key=lambda b: (b.datum, vergelijkbaar(b.titel), b.id))
        return pagina(bezoeken, limit, offset)

    # --- creating and changing ------------------------------------------------------------

    def nieuw(
        self,
        school: str,
        *,
        vraag: str,
        soort: Bezoeksoort | BezoeksoortWaarde = Bezoeksoort.VISITATIE,
        datum: dt.date | None = None,
        titel: str | None = None,
        themas: Iterable[str] = (),
    ) -> Schoolbezoek:
        """Plan or record a visit to ``school`` with the host's own ``vraag``. The date
        may lie ahead (a planned visit); without one it is today. Themes are stored as
        the thesaurus names them. Without a ``titel`` the kind and the school make one;
        when another visit has that title already, the day is added to it (a school is
        visited again next year)."""
        gastschool = self.school(school)
        dag = in_kalender(datum or self.vandaag())
        soort_ = naar_enum(Bezoeksoort, "soort")(soort)
        gemaakt = titel is None or not titel.strip()
        if gemaakt:
            titel = _standaardtitel(soort_, gastschool.naam)
        assert titel is not None
        thesaurus = self.lees_thesaurus()
        with self.opslag.vergrendeld():
            if gemaakt and any(
                vergelijkbaar(b.titel) == vergelijkbaar(titel)
                for b in self.opslag.alle(Schoolbezoek)
            ):
                titel = f"{titel}, {lange_datum(dag, taal='nl')}"
            nieuw = Schoolbezoek(
                id=self.opslag.nieuw_id(Schoolbezoek, titel),
                titel=titel,
                school=gastschool.id,
                soort=soort_,
                datum=dag,
                vraag=vraag,
                themas=tuple(thesaurus.label(t) for t in themas),
            )
            self.opslag.schrijf(nieuw)
        return nieuw

    def wijzig(
        self,
        verwijzing: str,
        *,
        titel: str | None = None,
        vraag: str | None = None,
        soort: Bezoeksoort | BezoeksoortWaarde | None = None,
        datum: dt.date | None = None,
        school: str | None = None,
        themas: Iterable[str] | None = None,
    ) -> Schoolbezoek:
        """Change what is given; a new date is refused when a bevinding would then lie
        before the visit."""
        school_id = self.school(school).id if school is not None else None
        thesaurus = self.lees_thesaurus()
        velden: dict[str, Any] = {
            "titel": titel,
            "vraag": vraag,
            "soort": soort,
            "datum": in_kalender(datum) if datum is not None else None,
            "school": school_id,
            "themas": None if themas is None else tuple(thesaurus.label(t) for t in themas),
        }

        if all(v is None for v in velden.values()):
            raise InvalidValue(
                _("Er is niets om te wijzigen."),
                _("Geef een nieuwe titel, vraag, soort, datum, school of thema."),
                veld="wijzig",
            )

        def stap(b: Schoolbezoek) -> Schoolbezoek:
            nieuw = attrs.evolve(b, **{k: v for k, v in velden.items() if v is not None})
            # a title ozc made from the kind and the school follows them
            if titel is None and (nieuw.school, nieuw.soort) != (b.school, b.soort):
                namen = self.namen_van({b.school, nieuw.school})
                if b.titel == _standaardtitel(b.soort, namen.get(b.school, b.school)):
                    nieuw = attrs.evolve(
                        nieuw,
                        titel=_standaardtitel(nieuw.soort, namen.get(nieuw.school, nieuw.school)),
                    )
            bz.controleer_datum(nieuw)
            return nieuw

        return self._wijzig(verwijzing, stap)

    def bezoeker(
        self,
        verwijzing: str,
        persoon: str,
        *,
        rol: Rol | RolWaarde | None = None,
        weg: bool = False,
    ) -> Schoolbezoek:
        """Add ``persoon`` as a visitor in ``rol`` (without a role: their first role at
        their school, else ``leraar``), give a visitor another role, or with ``weg``
        take them off the visit."""
        wie = self.persoon(persoon)
        if weg:

            def zonder(b: Schoolbezoek) -> Schoolbezoek:
                if all(x.persoon != wie.id for x in b.bezoekers):
                    raise InvalidValue(
                        _("{naam} staat niet bij de bezoekers van '{bezoek}'.").format(
                            naam=wie.naam, bezoek=b.titel
                        ),
                        veld="persoon",
                    )
                return bz.zonder_bezoeker(b, wie.id)

            return self._wijzig(verwijzing, zonder)
        gekozen = rol if rol is not None else (wie.rollen[0] if wie.rollen else Rol.LERAAR)
        return self._wijzig(verwijzing, lambda b: bz.met_bezoeker(b, wie.id, gekozen))

    def bevinding(
        self,
        verwijzing: str,
        tekst: str,
        *,
        datum: dt.date | None = None,
        door: str | None = None,
    ) -> Schoolbezoek:
        """Write down a bevinding (by ``door``, a person), dated ``datum`` (today when
        not given): on or after the day of the visit, never after today."""
        door_id = self.persoon_id(door)
        vandaag = self.vandaag()
        return self._wijzig(
            verwijzing,
            lambda b: bz.met_bevinding(
                b, tekst, datum=datum or vandaag, vandaag=vandaag, door=door_id
            ),
        )

    def verwijder(self, verwijzing: str, *, uitvoeren: bool = True) -> Verwijderd:
        """Remove a visit; refused while a bron of a cycle came from it."""
        return verwijder(self.opslag, Schoolbezoek, self.zoek(verwijzing).id, uitvoeren=uitvoeren)

    def _wijzig(
        self, verwijzing: str, stap: Callable[[Schoolbezoek], Schoolbezoek]
    ) -> Schoolbezoek:
        id_ = self.zoek(verwijzing).id
        with self.opslag.vergrendeld():
            huidig = self.opslag.lees(Schoolbezoek, id_)
            nieuw = stap(huidig)
            if nieuw != huidig:
                self.opslag.schrijf(nieuw)
        return self.opslag.lees(Schoolbezoek, id_)

    # --- a bevinding as a bron of a research cycle ----------------------------------------

    def bron(
        self,
        verwijzing: str,
        bevinding: str | int,
        *,
        werkgroep: str,
        cyclus: int | None = None,
        tekst: str | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> CyclusOverzicht:
        """Add ``bevinding`` (its number or id) of the visit as a bron of the
        beginsituatie of ``werkgroep``'s cycle (the current one, or number ``cyclus``).

        This is the cycle's own step ``beginsituatie``: it is refused where the cycle's
        rules refuse that step (after the beginsituatie, or a cycle still in its
        aanleiding without a description: give ``tekst``). The bron keeps the visit's
        and the bevinding's ids. The same bevinding is a bron of a cycle only once."""
        b = self.zoek(verwijzing)
        gevonden = b.bevinding(bevinding)
        groep_id = self.werkgroep(werkgroep).id
        wie_id = self.persoon_id(wie)
        vandaag = self.vandaag()
        dag = datum or vandaag
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            plek = self._cyclusplek(groep, cyclus)
            c = groep.cycli[plek]
            redenen = []
            if any(x.bezoek == b.id and x.bevinding == gevonden.id for x in c.bronnen):
                redenen.append(reden("bezoek.al-bron", nummer=c.nummer))
            if dag < gevonden.datum:
                redenen.append(
                    reden("bezoek.bron-voor-bevinding", datum=dag, bevinding=gevonden.datum)
                )
            if redenen:
                raise Geweigerd(
                    _("Kan de bevinding niet als bron toevoegen"),
                    redenen,
                    operatie="bron",
                    onderwerp=groep.naam,
                    onderwerp_id=groep.id,
                )
            try:
                nieuw = stappen.beginsituatie(
                    c,
                    tekst=tekst,
                    bronnen=[bz.als_bron(b, gevonden, datum=dag)],
                    datum=dag,
                    vandaag=vandaag,
                    wie=wie_id,
                )
            except Geweigerd as fout:
                fout.onderwerp = fout.onderwerp or groep.naam
                fout.onderwerp_id = fout.onderwerp_id or groep.id
                raise
            cycli = list(groep.cycli)
            cycli[plek] = nieuw
            groep = attrs.evolve(groep, cycli=tuple(cycli))
            self.opslag.schrijf(groep)
        return overzicht_van(groep, nieuw)

    @staticmethod
    def _cyclusplek(groep: Werkgroep, nummer: int | None) -> int:
        if not groep.cycli:
            raise Geweigerd(
                _("Kan de bevinding niet als bron toevoegen"),
                [reden("cyclus.geen")],
                operatie="bron",
                onderwerp=groep.naam,
                onderwerp_id=groep.id,
            )
        if nummer is None:
            return len(groep.cycli) - 1
        for i, c in enumerate(groep.cycli):
            if c.nummer == nummer:
                return i
        raise Geweigerd(
            _("Kan de bevinding niet als bron toevoegen"),
            [reden("cyclus.onbekend", nummer=nummer)],
            operatie="bron",
            onderwerp=groep.naam,
            onderwerp_id=groep.id,
        )


def _standaardtitel(soort: Bezoeksoort, school: str) -> str:
    """The title ozc gives a visit without one: its kind and the host school."""
    return f"{woord(soort).capitalize()} {school}"
