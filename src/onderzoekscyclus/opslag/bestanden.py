"""The store: one TOML file per entity, read strictly and written atomically.

Reads need no lock (a file is only ever replaced whole); every write happens under
the werkplaats lock, re-reads what it changes, and replaces the file atomically.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs
from cattrs.errors import BaseValidationError

from onderzoekscyclus.domein.besluitvorming import Besluit
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep, WerkplaatsInfo
from onderzoekscyclus.domein.zelfevaluatie import Zelfevaluatie
from onderzoekscyclus.errors import (
    FileFormatError,
    InvalidValue,
    OnderzoekscyclusError,
    WerkplaatsError,
)
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._atomic import sweep_temporaries, write_atomic
from onderzoekscyclus.opslag._lock import WerkplaatsLock
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, LOCKBESTAND, ROOTBESTAND, vind_werkplaats
from onderzoekscyclus.opslag.converter import (
    dumps_toml,
    fout_regels,
    loads_toml,
    structure,
    unstructure,
)
from onderzoekscyclus.opslag.schema import (
    HUIDIG,
    MIGRATIES,
    Migratie,
    lees_versie,
    migreer,
    versie_tekst,
)

__all__ = [
    "GEGEVENSMAP",
    "ROOTBESTAND",
    "SOORTEN",
    "Opslag",
    "Soort",
    "vind_werkplaats",
]

T = TypeVar("T")


@attrs.frozen
class Soort:
    """A kind of entity and the folder its files live in."""

    naam: str
    map: str
    klasse: type[Any]


SOORTEN: dict[type[Any], Soort] = {
    School: Soort("school", "scholen", School),
    Persoon: Soort("persoon", "personen", Persoon),
    Werkgroep: Soort("werkgroep", "werkgroepen", Werkgroep),
    Besluit: Soort("besluit", "besluiten", Besluit),
    Zelfevaluatie: Soort("zelfevaluatie", "zelfevaluaties", Zelfevaluatie),
}
"""Every kind of entity file, keyed by its class."""

_GITIGNORE = f"{GEGEVENSMAP}/\n"


class Opslag:
    """The files of one werkplaats."""

    def __init__(
        self,
        root: Path,
        *,
        migraties: Mapping[tuple[str, int], Migratie] = MIGRATIES,
        lock_timeout: float = 60.0,
    ) -> None:
        self.root = Path(root)
        self.migraties = migraties
        self._lock = WerkplaatsLock(self.root / GEGEVENSMAP / LOCKBESTAND, timeout=lock_timeout)

    # --- creating ----------------------------------------------------------------------

    @classmethod
    def maak(cls, root: Path, info: WerkplaatsInfo) -> Opslag:
        """Create a new, empty werkplaats in ``root`` (which may exist but must be empty)."""
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise WerkplaatsError(_("{pad} bestaat al en is geen map.").format(pad=root))
        if root.is_dir() and any(root.iterdir()):
            raise WerkplaatsError(
                _("De map {pad} is niet leeg.").format(pad=root),
                _("Kies een nieuwe of lege map voor de werkplaats."),
            )
        root.mkdir(parents=True, exist_ok=True)
        opslag = cls(root)
        with opslag.vergrendeld():
            for soort in SOORTEN.values():
                (root / soort.map).mkdir(exist_ok=True)
            write_atomic(root / ".gitignore", _GITIGNORE.encode())
            opslag.schrijf_info(info)
        return opslag

    # --- locking -----------------------------------------------------------------------

    @contextlib.contextmanager
    def vergrendeld(self) -> Iterator[Opslag]:
        """Hold the werkplaats lock; sweep what a crashed writer left behind."""
        with self._lock:
            sweep_temporaries([self.root, *(self.root / s.map for s in SOORTEN.values())])
            yield self

    # --- paths -------------------------------------------------------------------------

    def pad(self, klasse: type[Any], id_: str) -> Path:
        """The file of entity ``id_`` of ``klasse``."""
        if not is_geldig_id(id_):
            raise InvalidValue(_("'{id}' is geen geldig id.").format(id=id_))
        return self.root / SOORTEN[klasse].map / f"{id_}.toml"

    def label(self, pad: Path) -> str:
        """``pad`` relative to the root, with ``/``: how messages name a file."""
        try:
            return pad.relative_to(self.root).as_posix()
        except ValueError:
            return str(pad)

    # --- reading -----------------------------------------------------------------------

    def info(self) -> WerkplaatsInfo:
        """The root file's contents."""
        info: WerkplaatsInfo = self._lees_bestand(self.root / ROOTBESTAND, WerkplaatsInfo, None)
        return info

    def ids(self, klasse: type[Any]) -> list[str]:
        """Ids of every entity of ``klasse``, sorted."""
        map_ = self.root / SOORTEN[klasse].map
        if not map_.is_dir():
            return []
        return sorted(p.stem for p in map_.glob("*.toml") if is_geldig_id(p.stem))

    def lees(self, klasse: type[T], id_: str) -> T:
        """Entity ``id_`` of ``klasse``; raises if it does not exist or cannot be read."""
        pad = self.pad(klasse, id_)
        return self._lees_bestand(pad, klasse, id_)

    def alle(self, klasse: type[T]) -> list[T]:
        """Every entity of ``klasse``, in id order."""
        return [self.lees(klasse, id_) for id_ in self.ids(klasse)]

    def _lees_bestand(self, pad: Path, klasse: type[T], id_: str | None) -> T:
        try:
            inhoud = pad.read_bytes()
        except FileNotFoundError:
            raise WerkplaatsError(
                _("Het bestand {bestand} bestaat niet.").format(bestand=self.label(pad))
            ) from None
        return self.ontleed(inhoud, klasse, id_, self.label(pad))

    def ontleed(self, inhoud: bytes, klasse: type[T], id_: str | None, label: str) -> T:
        """Parse, migrate and check the bytes of one file."""
        soortnaam = SOORTEN[klasse].naam if klasse in SOORTEN else "werkplaats"
        try:
            data = loads_toml(inhoud)
            versie = lees_versie(data)
            data = migreer(soortnaam, data, versie, self.migraties)
        except OnderzoekscyclusError as fout:
            if isinstance(fout, InvalidValue):
                plek = f"$.{fout.veld}" if fout.veld else "$"
                raise FileFormatError(
                    _("{bestand} kan niet gelezen worden:").format(bestand=label),
                    [f"{label} @ {plek}: {fout.bericht}"],
                    _("Herstel het bestand (zie `ozc controleer`)."),
                ) from None
            fout.bericht = f"{label}: {fout.bericht}"
            raise
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
            regels = [f"{label} @ {regel}" for regel in fout_regels(fout)]
            raise FileFormatError(
                _("{bestand} kan niet gelezen worden:").format(bestand=label),
                regels,
                _("Herstel het bestand (zie `ozc controleer`)."),
            ) from None

    # --- writing -----------------------------------------------------------------------

    def inhoud(self, obj: Any) -> bytes:
        """The exact bytes ``obj`` is stored as."""
        data = unstructure(obj)
        data.pop("id", None)
        return dumps_toml({"schema": versie_tekst(HUIDIG), **data})

    def schrijf(self, obj: Any) -> Path:
        """Store ``obj`` in its own file, atomically; hold :meth:`vergrendeld`."""
        pad = self.pad(type(obj), obj.id)
        pad.parent.mkdir(exist_ok=True)
        write_atomic(pad, self.inhoud(obj))
        return pad

    def schrijf_info(self, info: WerkplaatsInfo) -> None:
        """Store the root file."""
        write_atomic(self.root / ROOTBESTAND, self.inhoud(info))

    # --- checking ----------------------------------------------------------------------

    def bestanden(self) -> Iterator[tuple[Path, type[Any]]]:
        """Every file that should hold an entity, with its class."""
        for klasse, soort in SOORTEN.items():
            map_ = self.root / soort.map
            if map_.is_dir():
                for pad in sorted(map_.glob("*.toml")):
                    yield pad, klasse
