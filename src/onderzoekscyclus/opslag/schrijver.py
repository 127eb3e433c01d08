"""The one writer of a werkplaats: every file that changes, changes here.

A write takes the werkplaats lock (shared by threads of one process and by every
``ozc`` process), sweeps what a crashed writer left behind, stamps the current schema
version, replaces the file atomically and tells the derived index what it wrote. Reads
of a file's raw data parse it, check its schema version and migrate it.

This module works on plain data (dicts from TOML) and needs no domain classes, so the
quickest command, ``ozc log``, writes through it without loading the library;
:class:`~onderzoekscyclus.opslag.bestanden.Opslag` writes typed entities through it.
"""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from onderzoekscyclus.errors import (
    FileFormatError,
    InvalidValue,
    OnderzoekscyclusError,
    SchemaVersionError,
    WerkplaatsError,
)
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._atomic import fsync_folder, sweep_temporaries, write_atomic
from onderzoekscyclus.opslag._lock import WerkplaatsLock
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND, LOCKBESTAND
from onderzoekscyclus.opslag._toml import dumps_toml, lees_begrensd, loads_toml
from onderzoekscyclus.opslag.regelids import geef_ids
from onderzoekscyclus.opslag.schema import (
    HUIDIG,
    MIGRATIES,
    Migratie,
    lees_versie,
    migreer,
    versie_tekst,
)

__all__ = ["MAPPEN", "Schrijver"]

MAPPEN: dict[str, str] = {
    "scholen": "school",
    "personen": "persoon",
    "werkgroepen": "werkgroep",
    "besluiten": "besluit",
    "zelfevaluaties": "zelfevaluatie",
    "ontwikkelagenda": "agendapunt",
    "bezoeken": "bezoek",
}
"""Every folder of entity files, with the kind of entity (as the schema names it)."""

_ALFABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to read aloud
_WILLEKEURIG = 6


_VEEG_NA = 600
"""Seconds between two sweeps of a large folder a write goes to."""


class Schrijver:
    """Reads raw data from, and writes it to, the files of one werkplaats."""

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
        self.bij_commentaar: Callable[[str], None] | None = None
        """Called with a file's name before a write replaces a file that holds comments
        (TOML comments are not kept); the CLI warns with it."""

    # --- locking -------------------------------------------------------------------------

    @contextlib.contextmanager
    def vergrendeld(self) -> Iterator[None]:
        """Hold the werkplaats lock; sweep what a crashed writer left behind."""
        self.binnen(self.root / GEGEVENSMAP)
        with self._lock:
            if self._lock.diepte == 1:
                self._veeg()
            yield

    def _veeg(self) -> None:
        # with a large index, listing every folder would cost more than most writes:
        # then only the root and the folders written to are swept (see _schrijf)
        mappen = [self.root]
        if not self._heeft_index():
            mappen += [self.root / m for m in MAPPEN if (self.root / m).is_dir()]
        sweep_temporaries([m for m in mappen if self.binnen(m)])

    def binnen(self, map_: Path) -> bool:
        """Whether ``map_`` (a folder of the werkplaats) exists; refused when it is a
        symbolic link or leads outside the werkplaats, so that no write or sweep ever
        lands elsewhere (a link can arrive through git)."""
        if map_.is_symlink() or (
            map_.exists() and not map_.resolve().is_relative_to(self.root.resolve())
        ):
            raise WerkplaatsError(
                _(
                    "{map} is een koppeling naar {doel}, buiten de werkplaats; daarin "
                    "schrijf en ruim ik niets."
                ).format(map=self.label(map_), doel=map_.resolve()),
                _(
                    "Vervang de koppeling door een gewone map met dezelfde bestanden, of open "
                    "de werkplaats waar de bestanden echt staan."
                ),
                code="werkplaats.koppeling",
            )
        return map_.is_dir()

    def _veeg_nodig(self, map_: str) -> bool:
        """Whether the folder ``map_`` is due a sweep: listing tens of thousands of files
        costs more than the write itself, and what a crash left behind is harmless
        (loaders skip it), so a folder is swept at most every ``_VEEG_NA`` seconds."""
        teken = self.root / GEGEVENSMAP / f"geveegd-{map_}"
        try:
            if time.time() - teken.stat().st_mtime < _VEEG_NA:
                return False
        except FileNotFoundError:
            pass
        with contextlib.suppress(OSError):
            teken.touch()
        return True

    def _heeft_index(self) -> bool:
        return (self.root / GEGEVENSMAP / INDEXBESTAND).exists()

    # --- paths ---------------------------------------------------------------------------

    def pad(self, map_: str, id_: str) -> Path:
        """The file of entity ``id_`` in ``map_``."""
        from onderzoekscyclus.domein.ids import is_geldig_id  # noqa: PLC0415 - light

        if not is_geldig_id(id_):
            raise InvalidValue(_("'{id}' is geen geldig id.").format(id=id_))
        return self.root / map_ / f"{id_}.toml"

    def label(self, pad: Path) -> str:
        """``pad`` relative to the root, with ``/``: how messages name a file."""
        try:
            return pad.relative_to(self.root).as_posix()
        except ValueError:
            return str(pad)

    def nieuw_id(self, map_: str, naam: str | None, *, voorvoegsel: str = "") -> str:
        """A new id for an entity in ``map_``: a slug of ``naam`` (or only ``voorvoegsel``,
        when the name must stay out of it) and a random part, unused in this werkplaats."""
        import secrets  # noqa: PLC0415 - only when an id is made

        from onderzoekscyclus.domein.tekst import slug  # noqa: PLC0415

        deel = slug(naam) if naam is not None else ""
        basis = "-".join(d for d in (voorvoegsel, deel) if d)
        while True:
            staart = "".join(secrets.choice(_ALFABET) for _ in range(_WILLEKEURIG))
            kandidaat = f"{basis}-{staart}" if basis else staart
            if not self.pad(map_, kandidaat).exists():
                return kandidaat

    # --- raw data ------------------------------------------------------------------------

    def ontleed(self, inhoud: bytes, soort: str, label: str) -> dict[str, Any]:
        """The data of a file's bytes: parsed, its version checked, migrated."""
        try:
            data = loads_toml(inhoud)
            return migreer(soort, data, lees_versie(data), self.migraties)
        except OnderzoekscyclusError as fout:
            if isinstance(fout, InvalidValue):
                plek = f"$.{fout.veld}" if fout.veld else "$"
                raise FileFormatError(
                    _("{bestand} kan niet gelezen worden:").format(bestand=label),
                    [f"{label} @ {plek}: {fout.bericht}"],
                    _("Herstel het bestand; `controleer` noemt elk probleem."),
                ) from None
            fout.bericht = f"{label}: {fout.bericht}"
            raise

    def lees_ruw(self, map_: str, id_: str) -> dict[str, Any]:
        """The data of entity ``id_`` in ``map_``."""
        pad = self.pad(map_, id_)
        try:
            inhoud = lees_begrensd(pad)
        except FileNotFoundError:
            raise WerkplaatsError(
                _("Het bestand {bestand} bestaat niet.").format(bestand=self.label(pad)),
                code="bestand.ontbreekt",
            ) from None
        return geef_ids(map_, id_, self.ontleed(inhoud, MAPPEN[map_], self.label(pad)))

    @staticmethod
    def inhoud(data: Mapping[str, Any]) -> bytes:
        """The exact bytes ``data`` is stored as: the schema version first."""
        return dumps_toml({"schema": versie_tekst(), **data})

    def schrijf_ruw(self, map_: str, id_: str, data: Mapping[str, Any]) -> Path:
        """Store ``data`` as entity ``id_`` of ``map_``, atomically, under the lock."""
        with self.vergrendeld():
            return self._schrijf(map_, id_, data)

    def wijzig_ruw(
        self, map_: str, id_: str, wijziging: Callable[[dict[str, Any]], dict[str, Any]]
    ) -> dict[str, Any]:
        """Read entity ``id_`` under the lock, apply ``wijziging`` and store the result.

        A file of a newer minor schema version is refused: this version can read it, but
        writing would label keys it does not know with its own version."""
        with self.vergrendeld():
            pad = self.pad(map_, id_)
            with contextlib.suppress(FileNotFoundError):
                self._niet_nieuwer(lees_begrensd(pad), self.label(pad))
            data = wijziging(self.lees_ruw(map_, id_))
            self._schrijf(map_, id_, data)
        return data

    def _niet_nieuwer(self, inhoud: bytes, label: str) -> None:
        try:
            versie = lees_versie(loads_toml(inhoud))
        except OnderzoekscyclusError:
            return  # reading the file says what is wrong with it
        if versie > HUIDIG:
            raise SchemaVersionError(
                _(
                    "{bestand} heeft schema {gevonden}, van een nieuwere versie van "
                    "onderzoekscyclus; deze versie kan het lezen, maar wijzigt het niet (het "
                    "zou gegevens kunnen bevatten die ze niet kent)."
                ).format(bestand=label, gevonden=versie_tekst(versie)),
                _("Werk onderzoekscyclus bij: pip install --upgrade onderzoekscyclus"),
            )

    def _schrijf(
        self, map_: str, id_: str, data: Mapping[str, Any], *, oplossing: bool = False
    ) -> Path:
        pad = self.pad(map_, id_)
        self.binnen(pad.parent)
        pad.parent.mkdir(exist_ok=True)
        if not oplossing:
            self._geen_conflict(pad)
        data = geef_ids(map_, id_, dict(data))
        self._waarschuw_commentaar(pad)
        if self._lock.diepte == 1 and self._heeft_index() and self._veeg_nodig(map_):
            sweep_temporaries([pad.parent])
        map_mtime = pad.parent.stat().st_mtime_ns
        write_atomic(pad, self.inhoud(data))
        self._na_schrijven(map_, id_, data, map_mtime)
        return pad

    def los_op(self, map_: str, id_: str, data: Mapping[str, Any]) -> Path:
        """Store ``data`` over a file that notes conflicts of a merge: the one write
        such a file accepts (``ozc conflict kies``)."""
        with self.vergrendeld():
            return self._schrijf(map_, id_, data, oplossing=True)

    def _geen_conflict(self, pad: Path) -> None:
        """Refuse to change a file with conflicts of a merge: a change would be made to
        one side only, and the other side's value could be lost."""
        try:
            inhoud = lees_begrensd(pad)
        except (FileNotFoundError, OnderzoekscyclusError):
            return
        if b"conflicten" not in inhoud:
            return
        try:
            data = loads_toml(inhoud)
        except OnderzoekscyclusError:
            return
        if data.get("conflicten"):
            label = self.label(pad)
            raise WerkplaatsError(
                _(
                    "{bestand} heeft een conflict van het samenvoegen met een andere kopie "
                    "van de werkplaats; ozc wijzigt het pas als dat is opgelost."
                ).format(bestand=label),
                _(
                    "Bekijk het met `ozc conflict lijst` en kies met `ozc conflict kies {bestand} ons` of `hun`."
                ).format(bestand=label),
                code="bestand.conflict",
            )

    def _na_schrijven(self, map_: str, id_: str, data: Mapping[str, Any], map_mtime: int) -> None:
        if not self._heeft_index():
            return
        from onderzoekscyclus.opslag.zoeken import na_schrijven  # noqa: PLC0415 - sqlite3

        na_schrijven(self.root, map_, id_, dict(data), map_mtime)

    def verwijder_ruw(self, map_: str, id_: str) -> None:
        """Remove the file of entity ``id_`` of ``map_`` under the lock, durably, and tell
        the derived index."""
        with self.vergrendeld():
            pad = self.pad(map_, id_)
            self.binnen(pad.parent)
            pad.unlink()
            fsync_folder(pad.parent)
            if self._heeft_index():
                from onderzoekscyclus.opslag.zoeken import na_verwijderen  # noqa: PLC0415

                na_verwijderen(self.root, map_, id_)

    def schrijf_nieuw(self, map_: str, id_: str, data: Mapping[str, Any]) -> None:
        """Write a new file into a werkplaats that is being made (the large demo, an
        import): no lock, no fsync and no index, for speed; an existing file is never
        overwritten (it raises ``FileExistsError``)."""
        pad = self.pad(map_, id_)
        self.binnen(pad.parent)
        with pad.open("xb") as bestand:
            bestand.write(self.inhoud(data))

    def schrijf_bestand(self, pad: Path, inhoud: bytes) -> None:
        """Replace any file of the werkplaats (the root file, .gitignore) atomically."""
        with self.vergrendeld():
            self.binnen(pad.parent)
            self._waarschuw_commentaar(pad)
            write_atomic(pad, inhoud)

    def _waarschuw_commentaar(self, pad: Path) -> None:
        if self.bij_commentaar is None:
            return
        try:
            inhoud = lees_begrensd(pad)
        except OSError:
            return
        if heeft_commentaar(inhoud):
            self.bij_commentaar(self.label(pad))


def heeft_commentaar(inhoud: bytes) -> bool:
    """Whether TOML text holds a comment (a ``#`` outside every string)."""
    tekst = inhoud.decode("utf-8", errors="replace")
    tekst = _MEERREGELIG.sub("", tekst)
    return any("#" in _ENKEL.sub("", regel) for regel in tekst.splitlines())


_MEERREGELIG = re.compile(r'""".*?"""|\'\'\'.*?\'\'\'', re.S)
_ENKEL = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')
