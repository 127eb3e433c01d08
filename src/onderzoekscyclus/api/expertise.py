"""Expertise in beeld over a werkplaats: ``werkplaats.expertise``.

The overviews themselves are pure (:mod:`onderzoekscyclus.domein.expertise`); this
service reads the schools, persons and werkgroepen and passes them in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.domein.expertise import (
    Expertisebeeld,
    Partnerschapsbeeld,
    partnerschapsbeeld,
    schoolbeeld,
    werkgroepbeeld,
)
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.errors import AmbiguousReference, UnknownReference
from onderzoekscyclus.i18n import _

__all__ = ["Expertise"]


class Expertise(Dienst):
    """Which expertise is needed, present and missing, and who wants to grow into it."""

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
        """Experts per theme across the whole werkplaats (the partnership)."""
        return partnerschapsbeeld(
            self.opslag.info().naam,
            scholen=self.opslag.alle(School),
            personen=self.opslag.alle(Persoon),
            werkgroepen=self.opslag.alle(Werkgroep),
            thesaurus=self.lees_thesaurus(),
            peildatum=peildatum or self.vandaag(),
        )
