"""What every service of the library API shares: the store, the clock, and lookups.

A service (:class:`~onderzoekscyclus.api.cycli.Cycli`,
:class:`~onderzoekscyclus.api.besluiten.Besluiten`, …) takes the store, a clock and a
language, never the :class:`~onderzoekscyclus.api.werkplaats.Werkplaats`: it depends on
what it uses, and services do not import each other. Every public method of a service
runs in the service's language, so the texts it returns and the errors it raises are in
that language whatever the caller's thread speaks.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from onderzoekscyclus.domein.verwijzing import SOORTEN as SOORTEN_TEKST
from onderzoekscyclus.errors import InvalidValue, UnknownReference
from onderzoekscyclus.i18n import Taal, _, in_taal

if TYPE_CHECKING:
    # the domain classes and the store are imported where they are used, so that a
    # service that only asks the index (the themanetwerk) loads neither
    from onderzoekscyclus.api.lijsten import Kenmerken
    from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
    from onderzoekscyclus.domein.thesaurus import Thesaurus
    from onderzoekscyclus.opslag.bestanden import Opslag

__all__ = ["Dienst", "Klok", "Taalhouder", "in_taal_van"]

T = TypeVar("T")
P = ParamSpec("P")
D = TypeVar("D", bound="Taalhouder")

Klok = Callable[[], dt.date]
"""Where a service gets today's date from."""


class Taalhouder:
    """Something with a language of its own (``None``: the caller's)."""

    taal: Taal | None = None


def in_taal_van(methode: Callable[Concatenate[D, P], T]) -> Callable[Concatenate[D, P], T]:
    """Run ``methode`` in the language of its object, when it has one."""

    @functools.wraps(methode)
    def omhulsel(zelf: D, /, *args: P.args, **kwargs: P.kwargs) -> T:
        if zelf.taal is None:
            return methode(zelf, *args, **kwargs)
        with in_taal(zelf.taal):
            return methode(zelf, *args, **kwargs)

    return omhulsel


class Dienst(Taalhouder):
    """Base of the services: the store of one werkplaats, a clock and a language.

    Every public method of a subclass runs in ``taal`` (see :func:`in_taal_van`).
    Instead of the store, a service may be given the werkplaats' folder.
    """

    def __init__(self, opslag: Opslag | Path, klok: Klok, taal: Taal | None = None) -> None:
        self._opslag = opslag
        self._klok = klok
        self.taal = taal

    @property
    def opslag(self) -> Opslag:
        """The store; a service given only the werkplaats' folder opens it on first use
        (a question the index answers alone never does)."""
        if isinstance(self._opslag, Path):
            from onderzoekscyclus.opslag.bestanden import Opslag  # noqa: PLC0415

            self._opslag = Opslag(self._opslag)
        return self._opslag

    @property
    def root(self) -> Path:
        """The folder of the werkplaats."""
        return self._opslag if isinstance(self._opslag, Path) else self._opslag.root

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for naam, waarde in list(vars(cls).items()):
            if not naam.startswith("_") and inspect.isfunction(waarde):
                setattr(cls, naam, in_taal_van(waarde))

    def vandaag(self) -> dt.date:
        """Today, as this service's clock says."""
        return self._klok()

    def lees_thesaurus(self) -> Thesaurus:
        """The thesaurus of this werkplaats (the shipped one with its own additions)."""
        from onderzoekscyclus.opslag.thesaurus import laad_thesaurus  # noqa: PLC0415

        return laad_thesaurus(self.root)

    def _thema_filter(self, thema: str | None) -> Callable[[Kenmerken], bool]:
        """Whether a record has ``thema`` or a narrower theme (through the thesaurus, as
        the themanetwerk compares them); without a theme, every record passes."""
        if thema is None:
            return lambda _k: True
        thesaurus = self.lees_thesaurus()
        sleutels = thesaurus.omvat(thema)
        return lambda k: any(thesaurus.sleutel(t) in sleutels for t in k.themas)

    def _controleer_themas(self, themas: Iterable[str]) -> None:
        """Refuse a theme the thesaurus does not know and no werkgroep uses yet, with the
        known themes it looks like ("bedoelde u …?"); a caller passes ``nieuw_thema`` on
        to skip this for a theme that is new on purpose."""
        from onderzoekscyclus.domein.thesaurus import normaliseer  # noqa: PLC0415
        from onderzoekscyclus.opslag.index import Index  # noqa: PLC0415

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

    # --- finding an entity from what a user types ---------------------------------------

    def _id(self, klasse: type[Any], verwijzing: str) -> str:
        from onderzoekscyclus.opslag.bestanden import SOORTEN  # noqa: PLC0415
        from onderzoekscyclus.opslag.zoeken import kies  # noqa: PLC0415

        soort = SOORTEN[klasse]
        return kies(self.root, soort.map, verwijzing, soort.naam)[0]

    def _zoek(self, klasse: type[T], verwijzing: str) -> T:
        return self.opslag.lees(klasse, self._id(klasse, verwijzing))

    def _exact(self, klasse: type[T], id_: str) -> T:
        """Entity ``id_`` of ``klasse``, by its exact id; nothing else is tried."""
        from onderzoekscyclus.opslag.bestanden import SOORTEN  # noqa: PLC0415

        soort = SOORTEN[klasse]
        if not self.opslag.bestaat(klasse, id_):
            raise UnknownReference(
                _("Er is geen {soort} met het id '{id}'.").format(
                    soort=_(SOORTEN_TEKST.get(soort.naam, soort.naam)), id=id_
                ),
                soort=soort.naam,
                verwijzing=id_,
            )
        return self.opslag.lees(klasse, id_)

    def _een(self, klasse: type[T], verwijzing: str | None, id_: str | None) -> T:
        """``zoek(verwijzing)`` or ``zoek(id=…)``: exactly one of the two."""
        if (verwijzing is None) == (id_ is None):
            raise InvalidValue(
                _("Geef een verwijzing of een id, niet allebei en niet geen van beide."),
                veld="id",
            )
        if id_ is not None:
            return self._exact(klasse, id_)
        assert verwijzing is not None
        return self._zoek(klasse, verwijzing)

    def school(self, verwijzing: str) -> School:
        """The school that ``verwijzing`` (name, start of the name or id) points to."""
        from onderzoekscyclus.domein.model import School  # noqa: PLC0415

        return self._zoek(School, verwijzing)

    def persoon(self, verwijzing: str) -> Persoon:
        """The person that ``verwijzing`` points to."""
        from onderzoekscyclus.domein.model import Persoon  # noqa: PLC0415

        return self._zoek(Persoon, verwijzing)

    def werkgroep(self, verwijzing: str) -> Werkgroep:
        """The werkgroep that ``verwijzing`` points to."""
        from onderzoekscyclus.domein.model import Werkgroep  # noqa: PLC0415

        return self._zoek(Werkgroep, verwijzing)

    def persoon_id(self, verwijzing: str | None) -> str | None:
        """The id of the person ``verwijzing`` points to, or ``None`` without one."""
        from onderzoekscyclus.domein.model import Persoon  # noqa: PLC0415

        return self._id(Persoon, verwijzing) if verwijzing else None

    def namen_van(self, ids: Iterable[str]) -> dict[str, str]:
        """Display names of the schools, persons and werkgroepen among ``ids``: what a
        page of a list needs, without every name of a large werkplaats.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.opslag.zoeken import namen_van  # noqa: PLC0415

        gezocht = set(ids)
        namen: dict[str, str] = {}
        for map_ in ("scholen", "personen", "werkgroepen"):
            namen.update(namen_van(self.root, map_, gezocht - namen.keys()))
        return namen

    def namen(self) -> dict[str, str]:
        """Display names of schools, persons and werkgroepen by id."""
        from onderzoekscyclus.opslag.zoeken import alle_namen  # noqa: PLC0415

        namen: dict[str, str] = {}
        for map_ in ("scholen", "personen", "werkgroepen"):
            namen.update(alle_namen(self.root, map_))
        return namen
