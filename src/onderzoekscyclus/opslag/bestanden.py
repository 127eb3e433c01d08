"""The store: one TOML file per entity, read strictly, written through the one writer.

Reads need no lock (a file is only ever replaced whole); every write goes through
:class:`~onderzoekscyclus.opslag.schrijver.Schrijver`: under the werkplaats lock,
atomically, with the schema version stamped and the index told.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
from cattrs.errors import BaseValidationError

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.model import WerkplaatsInfo
from onderzoekscyclus.errors import FileFormatError, OnderzoekscyclusError, WerkplaatsError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, ROOTBESTAND
from onderzoekscyclus.opslag._toml import lees_begrensd
from onderzoekscyclus.opslag.converter import fout_regels, structure, unstructure
from onderzoekscyclus.opslag.git import ATTRIBUTEN
from onderzoekscyclus.opslag.regelids import geef_ids
from onderzoekscyclus.opslag.samenvoegen import CONFLICTEN
from onderzoekscyclus.opslag.schema import MIGRATIES, Migratie
from onderzoekscyclus.opslag.schrijver import MAPPEN, Schrijver

__all__ = ["SOORTEN", "Opslag", "Soort"]

T = TypeVar("T")


@attrs.frozen
class Soort:
    """A kind of entity and the folder its files live in."""

    naam: str
    map: str
    klasse: type[Any]


class _Soorten(Mapping[type[Any], Soort]):
    """Every kind of entity file, keyed by its class; a class is imported only when the
    registry is walked, so a command about werkgroepen loads no besluit classes."""

    _PLEKKEN = (
        ("onderzoekscyclus.domein.model", "School", "scholen"),
        ("onderzoekscyclus.domein.model", "Persoon", "personen"),
        ("onderzoekscyclus.domein.model", "Werkgroep", "werkgroepen"),
        ("onderzoekscyclus.domein.besluit", "Besluit", "besluiten"),
        ("onderzoekscyclus.domein.zelfevaluatie", "Zelfevaluatie", "zelfevaluaties"),
        ("onderzoekscyclus.domein.ontwikkelagenda", "Agendapunt", "ontwikkelagenda"),
        ("onderzoekscyclus.domein.bezoek", "Schoolbezoek", "bezoeken"),
    )

    def __init__(self) -> None:
        self._map = {(module, naam): map_ for module, naam, map_ in self._PLEKKEN}
        self._alle: dict[type[Any], Soort] | None = None

    @staticmethod
    def _sleutel(klasse: object) -> tuple[str, str]:
        return (str(getattr(klasse, "__module__", "")), str(getattr(klasse, "__qualname__", "")))

    def __getitem__(self, klasse: type[Any]) -> Soort:
        map_ = self._map.get(self._sleutel(klasse))
        if map_ is None:
            raise KeyError(klasse)
        return Soort(MAPPEN[map_], map_, klasse)

    def __contains__(self, klasse: object) -> bool:
        return self._sleutel(klasse) in self._map

    def _geladen(self) -> dict[type[Any], Soort]:
        if self._alle is None:
            klassen = [
                getattr(importlib.import_module(module), naam) for module, naam, _m in self._PLEKKEN
            ]
            self._alle = {k: self[k] for k in klassen}
        return self._alle

    def __iter__(self) -> Iterator[type[Any]]:
        return iter(self._geladen())

    def __len__(self) -> int:
        return len(self._PLEKKEN)


SOORTEN: Mapping[type[Any], Soort] = _Soorten()
"""Every kind of entity file, keyed by its class."""

_GITIGNORE = f"{GEGEVENSMAP}/\n"


class Opslag:
    """The files of one werkplaats, as domain objects."""

    def __init__(
        self,
        root: Path,
        *,
        migraties: Mapping[tuple[str, int], Migratie] = MIGRATIES,
        lock_timeout: float = 60.0,
    ) -> None:
        self.schrijver = Schrijver(root, migraties=migraties, lock_timeout=lock_timeout)
        self.root = self.schrijver.root

    # --- creating ----------------------------------------------------------------------

    @classmethod
    def maak(cls, root: Path, info: WerkplaatsInfo) -> Opslag:
        """Create a new, empty werkplaats in ``root`` (which may exist but must be empty)."""
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise WerkplaatsError(
                _("{pad} bestaat al en is geen map.").format(pad=root),
                code="werkplaats.map-niet-leeg",
            )
        if root.is_dir() and any(root.iterdir()):
            raise WerkplaatsError(
                _("De map {pad} is niet leeg.").format(pad=root),
                _("Kies een nieuwe of lege map voor de werkplaats."),
                code="werkplaats.map-niet-leeg",
            )
        root.mkdir(parents=True, exist_ok=True)
        opslag = cls(root)
        with opslag.vergrendeld():
            for soort in SOORTEN.values():
                (root / soort.map).mkdir(exist_ok=True)
            opslag.schrijver.schrijf_bestand(root / ".gitignore", _GITIGNORE.encode())
            opslag.schrijver.schrijf_bestand(root / ".gitattributes", ATTRIBUTEN.encode())
            opslag.schrijf_info(info)
        return opslag

    def vergrendeld(self) -> contextlib.AbstractContextManager[None]:
        """Hold the werkplaats lock, for a read-change-write that must see no other write."""
        return self.schrijver.vergrendeld()

    # --- paths -------------------------------------------------------------------------

    def pad(self, klasse: type[Any], id_: str) -> Path:
        """The file of entity ``id_`` of ``klasse``."""
        return self.schrijver.pad(SOORTEN[klasse].map, id_)

    def label(self, pad: Path) -> str:
        """``pad`` relative to the root, with ``/``: how messages name a file."""
        return self.schrijver.label(pad)

    def nieuw_id(self, klasse: type[Any], naam: str | None, *, voorvoegsel: str = "") -> str:
        """A new, unused id for an entity of ``klasse`` (see :meth:`Schrijver.nieuw_id`)."""
        return self.schrijver.nieuw_id(SOORTEN[klasse].map, naam, voorvoegsel=voorvoegsel)

    # --- reading -----------------------------------------------------------------------

    def info(self) -> WerkplaatsInfo:
        """The root file's contents."""
        pad = self.root / ROOTBESTAND
        try:
            inhoud = lees_begrensd(pad)
        except FileNotFoundError:
            raise WerkplaatsError(
                _("Het bestand {bestand} bestaat niet.").format(bestand=ROOTBESTAND),
                code="bestand.ontbreekt",
            ) from None
        return self.ontleed(inhoud, WerkplaatsInfo, None, ROOTBESTAND)

    def ids(self, klasse: type[Any]) -> list[str]:
        """Ids of every entity of ``klasse``, sorted."""
        map_ = self.root / SOORTEN[klasse].map
        if not map_.is_dir():
            return []
        return sorted(p.stem for p in map_.glob("*.toml") if is_geldig_id(p.stem))

    def bestaat(self, klasse: type[Any], id_: str) -> bool:
        """Whether entity ``id_`` of ``klasse`` has a file."""
        return is_geldig_id(id_) and self.pad(klasse, id_).is_file()

    def lees(self, klasse: type[T], id_: str) -> T:
        """Entity ``id_`` of ``klasse``; raises if it does not exist or cannot be read."""
        pad = self.pad(klasse, id_)
        try:
            inhoud = lees_begrensd(pad)
        except FileNotFoundError:
            raise WerkplaatsError(
                _("Het bestand {bestand} bestaat niet.").format(bestand=self.label(pad)),
                code="bestand.ontbreekt",
            ) from None
        return self.ontleed(inhoud, klasse, id_, self.label(pad))

    def alle(self, klasse: type[T]) -> list[T]:
        """Every entity of ``klasse``, in id order."""
        return [self.lees(klasse, id_) for id_ in self.ids(klasse)]

    def ontleed(self, inhoud: bytes, klasse: type[T], id_: str | None, label: str) -> T:
        """Parse, migrate and check the bytes of one file."""
        soortnaam = SOORTEN[klasse].naam if klasse in SOORTEN else "werkplaats"
        data = self.schrijver.ontleed(inhoud, soortnaam, label)
        if id_ is not None and klasse in SOORTEN:
            geef_ids(SOORTEN[klasse].map, id_, data)
        return self.structureer(data, klasse, id_, label)

    @staticmethod
    def structureer(data: dict[str, Any], klasse: type[T], id_: str | None, label: str) -> T:
        """The entity of ``klasse`` that ``data`` (a file's parsed and migrated contents,
        see :meth:`Schrijver.ontleed`) describes; its id ``id_`` is added to ``data``.
        Conflicts a merge noted in the file (``conflicten``) are not part of the entity:
        it is what the file holds on this side (see docs/delen.md)."""
        data.pop(CONFLICTEN, None)
        if id_ is not None:
            if "id" in data:
                raise FileFormatError(
                    _("{bestand} kan niet gelezen worden:").format(bestand=label),
                    [
                        f"{label} @ $.id: "
                        + _("het id is de bestandsnaam en staat niet in het bestand")
                    ],
                )
            data["id"] = id_
        try:
            return structure(data, klasse)
        except (BaseValidationError, OnderzoekscyclusError, ValueError, TypeError) as fout:
            raise FileFormatError(
                _("{bestand} kan niet gelezen worden:").format(bestand=label),
                [f"{label} @ {regel}" for regel in fout_regels(fout)],
                _("Herstel het bestand; `controleer` noemt elk probleem."),
            ) from None

    # --- writing -----------------------------------------------------------------------

    @staticmethod
    def data(obj: Any) -> dict[str, Any]:
        """The plain data ``obj`` is stored as (its id is the file name)."""
        data = unstructure(obj)
        data.pop("id", None)
        if isinstance(obj, WerkplaatsInfo) and not data.get("koppelingen"):
            # a root file without links stays as it was, readable by earlier versions
            data.pop("koppelingen", None)
        return data

    def inhoud(self, obj: Any) -> bytes:
        """The exact bytes ``obj`` is stored as."""
        return self.schrijver.inhoud(self.data(obj))

    def schrijf(self, obj: Any) -> Path:
        """Store ``obj`` in its own file, atomically."""
        return self.schrijver.schrijf_ruw(SOORTEN[type(obj)].map, obj.id, self.data(obj))

    def verwijder(self, klasse: type[Any], id_: str) -> None:
        """Remove the file of entity ``id_`` (under the lock), and its rows in the index."""
        self.schrijver.verwijder_ruw(SOORTEN[klasse].map, id_)

    def schrijf_nieuw(self, obj: Any) -> None:
        """Write ``obj`` as a new file of a werkplaats being made (see
        :meth:`Schrijver.schrijf_nieuw`)."""
        self.schrijver.schrijf_nieuw(SOORTEN[type(obj)].map, obj.id, self.data(obj))

    def schrijf_info(self, info: WerkplaatsInfo) -> None:
        """Store the root file."""
        self.schrijver.schrijf_bestand(self.root / ROOTBESTAND, self.inhoud(info))

    # --- checking ----------------------------------------------------------------------

    def bestanden(self) -> Iterator[tuple[Path, type[Any]]]:
        """Every file that should hold an entity, with its class."""
        for klasse, soort in SOORTEN.items():
            map_ = self.root / soort.map
            if map_.is_dir():
                for pad in sorted(map_.glob("*.toml")):
                    yield pad, klasse
