"""What every service of the library API shares: the store, the clock, and lookups.

A service (:class:`~onderzoekscyclus.api.cycli.Cycli`,
:class:`~onderzoekscyclus.api.besluiten.Besluiten`, …) takes the store and a clock, never
the :class:`~onderzoekscyclus.api.werkplaats.Werkplaats`: it depends on what it uses,
and services do not import each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.thesaurus import Thesaurus
from onderzoekscyclus.opslag.bestanden import SOORTEN, Opslag
from onderzoekscyclus.opslag.thesaurus import laad_thesaurus
from onderzoekscyclus.opslag.zoeken import kies

__all__ = ["Dienst", "Klok"]

T = TypeVar("T")

Klok = Callable[[], dt.date]
"""Where a service gets today's date from."""


class Dienst:
    """Base of the services: the store of one werkplaats and a clock."""

    def __init__(self, opslag: Opslag, klok: Klok) -> None:
        self.opslag = opslag
        self._klok = klok

    def vandaag(self) -> dt.date:
        """Today, as this service's clock says."""
        return self._klok()

    def lees_thesaurus(self) -> Thesaurus:
        """The thesaurus of this werkplaats (the shipped one with its own additions)."""
        return laad_thesaurus(self.opslag.root)

    # --- finding an entity from what a user types ---------------------------------------

    def _id(self, klasse: type[Any], verwijzing: str) -> str:
        soort = SOORTEN[klasse]
        return kies(self.opslag.root, soort.map, verwijzing, soort.naam)[0]

    def _zoek(self, klasse: type[T], verwijzing: str) -> T:
        return self.opslag.lees(klasse, self._id(klasse, verwijzing))

    def school(self, verwijzing: str) -> School:
        """The school that ``verwijzing`` (name, start of the name or id) points to."""
        return self._zoek(School, verwijzing)

    def persoon(self, verwijzing: str) -> Persoon:
        """The person that ``verwijzing`` points to."""
        return self._zoek(Persoon, verwijzing)

    def werkgroep(self, verwijzing: str) -> Werkgroep:
        """The werkgroep that ``verwijzing`` points to."""
        return self._zoek(Werkgroep, verwijzing)

    def persoon_id(self, verwijzing: str | None) -> str | None:
        """The id of the person ``verwijzing`` points to, or ``None`` without one."""
        return self._id(Persoon, verwijzing) if verwijzing else None

    def namen(self) -> dict[str, str]:
        """Display names of schools, persons and werkgroepen by id."""
        from onderzoekscyclus.opslag.zoeken import alle_namen  # noqa: PLC0415

        namen: dict[str, str] = {}
        for map_ in ("scholen", "personen", "werkgroepen"):
            namen.update(alle_namen(self.opslag.root, map_))
        return namen
