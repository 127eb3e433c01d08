"""The school profile a partnership's website shows: the katern's step 1 in the partnership.

What the school stands for (visie), what it is proud of and wants to share (trots), its
speerpunten for the coming years, and its praktijkonderzoeken. The last are not typed
in but derived: every research cycle of every werkgroep the school takes part in, with
its question, theme, phase and, once evaluated, its conclusion.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from onderzoekscyclus.domein.cyclus import Conclusie, Fase
from onderzoekscyclus.domein.model import School, Sector, VisieElement, Werkgroep

__all__ = ["Praktijkonderzoek", "Schoolprofiel", "schoolprofiel"]


@attrs.frozen
class Praktijkonderzoek:
    """One research cycle of a werkgroep the school takes part in."""

    werkgroep: str
    werkgroep_naam: str
    themas: tuple[str, ...]
    cyclus: int
    vraag: str
    gestart: dt.date
    fase: Fase
    gepauzeerd: bool = False
    conclusie: Conclusie | None = None
    evaluatie: str | None = None
    """What the werkgroep concluded, in its own words."""
    met: tuple[str, ...] = ()
    """Names of the other schools in the werkgroep."""


@attrs.frozen
class Schoolprofiel:
    """A school as a partnership shows it to the others."""

    id: str
    naam: str
    brin: str
    sector: Sector
    bestuur: str | None
    cluster: str | None
    visie: tuple[VisieElement, ...]
    trots: tuple[str, ...]
    speerpunten: tuple[str, ...]
    praktijkonderzoeken: tuple[Praktijkonderzoek, ...]


def schoolprofiel(
    school: School, werkgroepen: Sequence[Werkgroep], scholen: Sequence[School] = ()
) -> Schoolprofiel:
    """The profile of ``school``; ``scholen`` gives the names of partner schools."""
    namen = {s.id: s.naam for s in scholen}
    onderzoeken = [
        Praktijkonderzoek(
            werkgroep=groep.id,
            werkgroep_naam=groep.naam,
            themas=groep.themas,
            cyclus=c.nummer,
            vraag=c.vraag,
            gestart=c.gestart,
            fase=c.fase,
            gepauzeerd=c.gepauzeerd,
            conclusie=c.evaluatie.conclusie if c.evaluatie else None,
            evaluatie=c.evaluatie.tekst if c.evaluatie else None,
            met=tuple(namen.get(s, s) for s in groep.scholen if s != school.id),
        )
        for groep in sorted(werkgroepen, key=lambda g: (g.naam.casefold(), g.id))
        if school.id in groep.scholen
        for c in groep.cycli
    ]
    return Schoolprofiel(
        id=school.id,
        naam=school.naam,
        brin=school.brin,
        sector=school.sector,
        bestuur=school.bestuur,
        cluster=school.cluster,
        visie=school.visie,
        trots=school.profiel.trots,
        speerpunten=school.profiel.speerpunten,
        praktijkonderzoeken=tuple(onderzoeken),
    )
