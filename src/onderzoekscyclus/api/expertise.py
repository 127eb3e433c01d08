"""Expertise in beeld over a werkplaats: ``werkplaats.expertise``.

The overviews themselves are pure (:mod:`onderzoekscyclus.domein.expertise`); this
service reads the schools, persons and werkgroepen and passes them in. The overview of
the whole partnership takes them from the derived index, as the themanetwerk does, so
it does not read every file of a large partnership.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onderzoekscyclus.api._dienst import Dienst, Klok
from onderzoekscyclus.api._indexvraag import vraag_index
from onderzoekscyclus.domein.expertise import (
    Expertisebeeld,
    Partnerschapsbeeld,
    PersoonKern,
    SchoolKern,
    WerkgroepKern,
    partnerschapsbeeld,
    schoolbeeld,
    werkgroepbeeld,
)
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.errors import AmbiguousReference, UnknownReference
from onderzoekscyclus.i18n import Taal, _
from onderzoekscyclus.opslag.index import Index

if TYPE_CHECKING:
    from onderzoekscyclus.opslag.bestanden import Opslag

__all__ = ["Expertise"]


class Expertise(Dienst):
    """Which expertise is needed, present and missing, and who wants to grow into it.

    With ``voortgang``, bringing the index up to date for :meth:`partnerschap` reports
    its progress on standard error (for a person at a terminal).
    """

    def __init__(
        self,
        opslag: Opslag | Path,
        klok: Klok,
        taal: Taal | None = None,
        *,
        voortgang: bool = False,
    ) -> None:
        super().__init__(opslag, klok, taal)
        self.voortgang = voortgang

    def beeld(
        self,
        verwijzing: str,
        *,
        werkgroep: bool = False,
        nodig: Iterable[str] = (),
        peildatum: dt.date | None = None,
    ) -> Expertisebeeld:
        """Expertise in beeld for the school (or, failing that or with ``werkgroep``, the
        werkgroep) that ``verwijzing`` points to; ``peildatum`` picks the school year."""
        dag = peildatum or self.vandaag()
        scholen, personen = self.opslag.alle(School), self.opslag.alle(Persoon)
        if not werkgroep:
            try:
                school = self.school(verwijzing)
            except AmbiguousReference:
                raise
            except UnknownReference as fout:
                groep = self._werkgroep_of_fout(verwijzing, fout)
            else:
                return schoolbeeld(
                    school,
                    scholen=scholen,
                    personen=personen,
                    werkgroepen=self.opslag.alle(Werkgroep),
                    thesaurus=self.lees_thesaurus(),
                    nodig=nodig,
                    peildatum=dag,
                )
        else:
            groep = self.werkgroep(verwijzing)
        return werkgroepbeeld(
            groep,
            scholen=scholen,
            personen=personen,
            thesaurus=self.lees_thesaurus(),
            nodig=nodig,
            peildatum=dag,
        )

    def _werkgroep_of_fout(self, verwijzing: str, fout_school: UnknownReference) -> Werkgroep:
        try:
            return self.werkgroep(verwijzing)
        except UnknownReference:
            raise UnknownReference(
                _("Geen school of werkgroep gevonden voor '{verwijzing}'.").format(
                    verwijzing=verwijzing
                ),
                fout_school.kandidaten,
                soort="school-of-werkgroep",
                verwijzing=verwijzing,
            ) from None

    def partnerschap(self, *, peildatum: dt.date | None = None) -> Partnerschapsbeeld:
        """Experts per theme across the whole werkplaats (the partnership), from the
        derived index; files that cannot be read are listed in
        :attr:`~onderzoekscyclus.domein.expertise.Partnerschapsbeeld.onleesbaar` and
        do not count.

        .. versionchanged:: 0.2.0 answered from the index
        """
        peildatum = peildatum or self.vandaag()
        scholen, personen, werkgroepen, onleesbaar = vraag_index(
            self.root, ("scholen", "personen", "werkgroepen"), _kernen, voortgang=self.voortgang
        )
        return partnerschapsbeeld(
            self.opslag.info().naam,
            scholen=scholen,
            personen=personen,
            werkgroepen=werkgroepen,
            thesaurus=self.lees_thesaurus(),
            peildatum=peildatum,
            onleesbaar=onleesbaar,
        )


def _per(index: Index, sql: str) -> dict[str, list[Any]]:
    """The rows of ``sql`` (an id first, a value second) as id -> [value] in their order."""
    uit: dict[str, list[Any]] = defaultdict(list)
    for sleutel, waarde in index.rijen(sql):
        uit[sleutel].append(waarde)
    return uit


def _kernen(
    index: Index,
) -> tuple[list[SchoolKern], list[PersoonKern], list[WerkgroepKern], list[str]]:
    """What the partnership's overview needs of every school, person and werkgroep."""
    speerpunten = _per(index, "SELECT school, tekst FROM speerpunten ORDER BY school, volgorde")
    scholen = [
        SchoolKern(id=i, naam=n, speerpunten=tuple(speerpunten.get(i, ())))
        for i, n in index.rijen("SELECT id, naam FROM scholen ORDER BY id")
    ]
    expertise = _per(index, "SELECT persoon, tekst FROM expertise ORDER BY persoon, rowid")
    groei = _per(index, "SELECT persoon, tekst FROM groei ORDER BY persoon, rowid")
    personen = [
        PersoonKern(
            id=i,
            naam=n,
            school=school,
            rollen=tuple(r for r in rollen.split(",") if r),
            expertise=tuple(expertise.get(i, ())),
            groei=tuple(groei.get(i, ())),
        )
        for i, n, school, rollen in index.rijen(
            "SELECT id, naam, school, rollen FROM personen ORDER BY id"
        )
    ]
    groep_scholen = _per(
        index, "SELECT werkgroep, school FROM werkgroep_scholen ORDER BY werkgroep, volgorde"
    )
    themas = _per(index, "SELECT werkgroep, tekst FROM werkgroep_themas ORDER BY werkgroep, rowid")
    jaren = _per(index, "SELECT werkgroep, jaar FROM werkgroep_jaren")
    leden: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for groep, persoon, rol in index.rijen(
        "SELECT werkgroep, persoon, rol FROM leden ORDER BY werkgroep, volgorde"
    ):
        leden[groep].append((persoon, rol))
    werkgroepen = [
        WerkgroepKern(
            id=i,
            naam=n,
            scholen=tuple(groep_scholen.get(i, ())),
            themas=tuple(themas.get(i, ())),
            leden=tuple(leden.get(i, ())),
            jaren=frozenset(jaren.get(i, ())),
        )
        for i, n in index.rijen("SELECT id, naam FROM werkgroepen ORDER BY id")
    ]
    return scholen, personen, werkgroepen, index.onleesbaar()
