"""What ``ozc controleer`` found per file the last time, so the next check reads only
what changed.

The cache (``.onderzoekscyclus/controle.sqlite3``, git-ignored, like the index) holds
per file: its modification time (ns), size and a hash of its bytes; whether it could be
read; what other files' checks need of it (a name, a BRIN code, the schools and cycle
numbers of a werkgroep, the keys it must not share, every id it refers to); the latest
date "today" is held against; and the lines of every problem found in it, in the
language they were made in. Lines across files (two schools with one BRIN code) are
kept per entity as well.

It is a cache and nothing more: it can be deleted at any time, and one that is missing,
damaged, of another version or of another version of onderzoekscyclus is started anew.
When ``.onderzoekscyclus`` is a symbolic link, or cannot be written, it lives in memory
for one run (which then checks everything). One check at a time writes it: a run holds
its write lock from start to end, so two runs never mix their findings.

Only the standard library is used; the module knows nothing of the domain classes.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from onderzoekscyclus.opslag._paden import GEGEVENSMAP
from onderzoekscyclus.versie import __version__

__all__ = ["CONTROLEBESTAND", "Controlecache", "Rij"]

CONTROLEBESTAND = "controle.sqlite3"

_VERSIE = 2
"""Bumped whenever the tables change; a cache of another version is started anew."""

_SCHEMA = """
CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT) WITHOUT ROWID;
CREATE TABLE bestanden (
    map TEXT NOT NULL, id TEXT NOT NULL, mtime_ns INTEGER, grootte INTEGER, hash TEXT,
    ok INTEGER NOT NULL, naam TEXT, brin TEXT, scholen TEXT, cycli TEXT,
    laatste TEXT, vandaag TEXT, taal TEXT, leesfout INTEGER NOT NULL, regels TEXT,
    PRIMARY KEY (map, id)) WITHOUT ROWID;
CREATE INDEX bestanden_regels ON bestanden (map, id) WHERE regels IS NOT NULL;
CREATE INDEX bestanden_niet_ok ON bestanden (map, id) WHERE ok = 0;
CREATE TABLE doelen (
    map TEXT, id TEXT, naar TEXT, doel TEXT, PRIMARY KEY (map, id, naar, doel)) WITHOUT ROWID;
CREATE TABLE sleutels (
    map TEXT, id TEXT, sleutel TEXT, PRIMARY KEY (map, id, sleutel)) WITHOUT ROWID;
CREATE TABLE dubbel (map TEXT, id TEXT, regels TEXT, PRIMARY KEY (map, id)) WITHOUT ROWID;
"""

_INDEXEN = """
CREATE INDEX IF NOT EXISTS doelen_doel ON doelen (naar, doel);
CREATE INDEX IF NOT EXISTS sleutels_sleutel ON sleutels (sleutel, id);
"""
"""The indexes for looking up who refers to what and who shares a key. A cache that
starts empty gets them after it is filled (:meth:`Controlecache.maak_indexen`): built
at once, they cost a fraction of keeping them up to date row by row."""

_GEHEUGEN_KIB = 256 * 1024
"""How much of the cache may stay in memory during a run (at most; in KiB): a run
writes in one transaction, and pages written out before its end would be written
again."""


class Rij(NamedTuple):
    """What the cache holds of one file.

    ``mtime_ns`` is -1 for a file to read again next time whatever its time says (it
    changed within the last clock tick, or reading it failed for a reason outside the
    file). ``ok``: it could be read. ``naam``, ``brin``, ``scholen`` and ``cycli`` are
    what other files' checks need of it. ``laatste`` (ISO date) is the latest date that
    ``vandaag`` (the day it was checked) was held against. ``regels`` are the lines of
    its problems in ``taal``: reasons it could not be read when ``leesfout``, otherwise
    its references and its own problems.
    """

    mtime_ns: int
    grootte: int
    hash: str | None
    ok: bool
    naam: str | None = None
    brin: str | None = None
    scholen: tuple[str, ...] = ()
    cycli: tuple[int, ...] = ()
    laatste: str | None = None
    vandaag: str | None = None
    taal: str | None = None
    leesfout: bool = False
    regels: tuple[str, ...] = ()


_KOLOMMEN = (
    "mtime_ns, grootte, hash, ok, naam, brin, scholen, cycli, laatste, vandaag, taal, "
    "leesfout, regels"
)


def _waarden(map_: str, id_: str, rij: Rij) -> tuple[Any, ...]:
    return (
        map_,
        id_,
        rij.mtime_ns,
        rij.grootte,
        rij.hash,
        int(rij.ok),
        rij.naam,
        rij.brin,
        json.dumps(rij.scholen) if rij.scholen else None,
        json.dumps(rij.cycli) if rij.cycli else None,
        rij.laatste,
        rij.vandaag,
        rij.taal,
        int(rij.leesfout),
        json.dumps(rij.regels, ensure_ascii=False) if rij.regels else None,
    )


def _rij(waarden: Sequence[Any]) -> Rij:
    m, g, h, ok, naam, brin, scholen, cycli, laatste, vandaag, taal, leesfout, regels = waarden
    return Rij(
        m,
        g,
        h,
        bool(ok),
        naam,
        brin,
        tuple(json.loads(scholen)) if scholen else (),
        tuple(json.loads(cycli)) if cycli else (),
        laatste,
        vandaag,
        taal,
        bool(leesfout),
        tuple(json.loads(regels)) if regels else (),
    )


class Controlecache:
    """The cache of one werkplaats, for one run of the check: open it, read what it
    knows, write what the run found, then :meth:`bewaar` (or :meth:`close` to drop it).

    With ``leeg`` it starts empty (the run checks everything and fills it anew); with
    ``alleen_geheugen`` it is kept in memory only, for a run whose findings must not be
    kept (one with other migrations than the standard ones).
    """

    def __init__(self, root: Path, *, leeg: bool = False, alleen_geheugen: bool = False) -> None:
        self.root = Path(root)
        self.pad = self.root / GEGEVENSMAP / CONTROLEBESTAND
        self._geheugen = True
        self.db = self._verbind(":memory:", leeg=True) if alleen_geheugen else self._open(leeg=leeg)

    @property
    def leeg_begonnen(self) -> bool:
        """Whether the cache held nothing when this run began."""
        return self._leeg_begonnen

    @property
    def in_geheugen(self) -> bool:
        """Whether nothing of this run is kept on disk."""
        return self._geheugen

    # --- opening ----------------------------------------------------------------------------

    def _open(self, *, leeg: bool) -> sqlite3.Connection:
        map_ = self.pad.parent
        if map_.is_symlink() or (
            map_.exists() and not map_.resolve().is_relative_to(self.root.resolve())
        ):
            return self._verbind(":memory:", leeg=True)
        try:
            map_.mkdir(exist_ok=True)
            db = self._verbind(str(self.pad), leeg=leeg)
        except sqlite3.DatabaseError as fout:
            if _is_bezet(fout) or not _is_stuk(fout):
                # busy too long, or a folder or file we may not write: check in memory
                return self._verbind(":memory:", leeg=True)
            Controlecache.verwijder(self.root)
            try:
                db = self._verbind(str(self.pad), leeg=False)
            except sqlite3.DatabaseError:
                return self._verbind(":memory:", leeg=True)
        except OSError:
            return self._verbind(":memory:", leeg=True)
        self._geheugen = False
        return db

    def _verbind(self, pad: str, *, leeg: bool) -> sqlite3.Connection:
        db = sqlite3.connect(pad, timeout=60, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA cache_size = -{_GEHEUGEN_KIB}")
            # the lock for the whole run: two checks never mix what they found
            db.execute("BEGIN IMMEDIATE")
            versie = db.execute("PRAGMA user_version").fetchone()[0]
            if versie == _VERSIE and self._meta(db, "onderzoekscyclus") != __version__:
                versie = -1  # found by another version of the rules
            if versie not in (0, _VERSIE) or leeg:
                for (tabel,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                ).fetchall():
                    db.execute(f'DROP TABLE "{tabel}"')
                versie = 0
            self._leeg_begonnen = bool(versie == 0)
            if versie == 0:
                for opdracht in _SCHEMA.split(";"):
                    if opdracht.strip():
                        db.execute(opdracht)
                db.execute(f"PRAGMA user_version = {_VERSIE}")
                db.execute("INSERT INTO meta VALUES ('onderzoekscyclus', ?)", (__version__,))
            else:
                self._maak_indexen(db)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def verwijder(root: Path) -> None:
        """Delete the cache of the werkplaats at ``root`` (the next check reads everything)."""
        pad = Path(root) / GEGEVENSMAP / CONTROLEBESTAND
        for achtervoegsel in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                pad.with_name(pad.name + achtervoegsel).unlink()

    def maak_indexen(self) -> None:
        """Make the lookup indexes, if the cache started empty (see :data:`_INDEXEN`);
        before :meth:`verwijzers` or :meth:`dubbelkandidaten` of a new cache."""
        self._maak_indexen(self.db)

    @staticmethod
    def _maak_indexen(db: sqlite3.Connection) -> None:
        for opdracht in _INDEXEN.split(";"):
            if opdracht.strip():
                db.execute(opdracht)

    def bewaar(self) -> None:
        """Keep what this run wrote, and close."""
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError:
            pass  # the disk is full or gone: the next run looks at everything again
        finally:
            self.db.close()

    def close(self) -> None:
        """Close without keeping anything of this run."""
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("ROLLBACK")
        self.db.close()

    # --- the run as a whole ---------------------------------------------------------------

    @staticmethod
    def _meta(db: sqlite3.Connection, sleutel: str) -> str | None:
        try:
            rij = db.execute("SELECT waarde FROM meta WHERE sleutel = ?", (sleutel,)).fetchone()
        except sqlite3.OperationalError:  # no such table: a new file
            return None
        return rij[0] if rij else None

    def meta(self, sleutel: str) -> str | None:
        """A value noted for the werkplaats as a whole (``None``: not noted)."""
        return self._meta(self.db, sleutel)

    def zet_meta(self, sleutel: str, waarde: str | None) -> None:
        """Note ``waarde`` for the werkplaats as a whole (``None`` forgets it)."""
        if waarde is None:
            self.db.execute("DELETE FROM meta WHERE sleutel = ?", (sleutel,))
        else:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (sleutel, waarde))

    # --- what it knows --------------------------------------------------------------------

    def stats(self, map_: str) -> dict[str, tuple[int, int]]:
        """``id -> (mtime_ns, size)`` of every file of ``map_`` it knows."""
        return {
            r[0]: (r[1], r[2])
            for r in self.db.execute(
                "SELECT id, mtime_ns, grootte FROM bestanden WHERE map = ?", (map_,)
            )
        }

    def rijen(self, map_: str, ids: Iterable[str]) -> dict[str, Rij]:
        """What it holds of the files ``ids`` of ``map_`` (those it knows)."""
        uit = {}
        for deel in _delen(sorted(set(ids))):
            vraag = ",".join("?" * len(deel))
            for r in self.db.execute(
                f"SELECT id, {_KOLOMMEN} FROM bestanden WHERE map = ? AND id IN ({vraag})",
                (map_, *deel),
            ):
                uit[r[0]] = _rij(r[1:])
        return uit

    def niet_leesbaar(self) -> set[tuple[str, str]]:
        """(map, id) of every file that could not be read."""
        return {(m, i) for m, i in self.db.execute("SELECT map, id FROM bestanden WHERE ok = 0")}

    def te_herzien(self, vandaag: str, taal: str) -> set[tuple[str, str]]:
        """(map, id) of the files whose lines would read differently today or in
        ``taal``: lines in another language, or a latest date after the earlier of
        ``vandaag`` and the day they were checked."""
        return {
            (m, i)
            for m, i in self.db.execute(
                "SELECT map, id FROM bestanden WHERE (regels IS NOT NULL AND taal != :taal) "
                "OR (laatste IS NOT NULL AND vandaag != :vandaag "
                "AND laatste > min(vandaag, :vandaag))",
                {"taal": taal, "vandaag": vandaag},
            )
        }

    def verwijzers(self, doelen: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """(map, id) of every file that refers to one of ``doelen`` (kind, id)."""
        uit: set[tuple[str, str]] = set()
        per_soort: dict[str, list[str]] = {}
        for naar, doel in doelen:
            per_soort.setdefault(naar, []).append(doel)
        for naar, ids in per_soort.items():
            for deel in _delen(sorted(set(ids))):
                vraag = ",".join("?" * len(deel))
                uit.update(
                    self.db.execute(
                        f"SELECT DISTINCT map, id FROM doelen WHERE naar = ? AND doel IN ({vraag})",
                        (naar, *deel),
                    )
                )
        return uit

    def dubbelkandidaten(self) -> list[tuple[str, str]]:
        """(map, id) of every file that shares a key it must not share with another."""
        return self.db.execute(
            "SELECT DISTINCT s.map, s.id FROM sleutels AS s JOIN ("
            " SELECT sleutel FROM sleutels GROUP BY sleutel HAVING COUNT(DISTINCT id) > 1"
            ") AS d ON s.sleutel = d.sleutel ORDER BY s.map, s.id"
        ).fetchall()

    def meldingen(self) -> Iterator[tuple[str, str, bool, tuple[str, ...]]]:
        """(map, id, leesfout, lines) of every file with problems."""
        for m, i, leesfout, regels in self.db.execute(
            "SELECT map, id, leesfout, regels FROM bestanden WHERE regels IS NOT NULL"
        ):
            yield m, i, bool(leesfout), tuple(json.loads(regels))

    def dubbel(self) -> dict[tuple[str, str], tuple[str, ...]]:
        """The lines of the duplicates found last, per (map, id)."""
        return {
            (m, i): tuple(json.loads(r))
            for m, i, r in self.db.execute("SELECT map, id, regels FROM dubbel")
        }

    # --- what this run found -----------------------------------------------------------

    def schrijf(
        self,
        rijen: Iterable[tuple[str, str, Rij, Collection[tuple[str, str]], Collection[str]]],
        *,
        nieuw: bool = False,
    ) -> None:
        """Keep what was found in files just read: per file its folder, id, :class:`Rij`,
        the (kind, id) it refers to and its keys. ``nieuw``: the cache holds nothing of
        these files yet (no old rows to take away first)."""
        lijst = list(rijen)
        if not nieuw:
            self._vergeet_verwijzingen([(m, i) for m, i, *_rest in lijst])
        self.db.executemany(
            f"INSERT OR REPLACE INTO bestanden (map, id, {_KOLOMMEN}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_waarden(m, i, rij) for m, i, rij, _doelen, _sleutels in lijst),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO doelen VALUES (?, ?, ?, ?)",
            ((m, i, naar, doel) for m, i, _rij, doelen, _s in lijst for naar, doel in doelen),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO sleutels VALUES (?, ?, ?)",
            ((m, i, s) for m, i, _rij, _doelen, sleutels in lijst for s in sleutels),
        )

    def zet_stat(self, map_: str, id_: str, mtime_ns: int, grootte: int) -> None:
        """Note a new time and size for a file whose bytes did not change."""
        self.db.execute(
            "UPDATE bestanden SET mtime_ns = ?, grootte = ? WHERE map = ? AND id = ?",
            (mtime_ns, grootte, map_, id_),
        )

    def vergeet(self, map_: str, ids: Collection[str]) -> None:
        """Forget the files ``ids`` of ``map_`` (they are gone)."""
        self.db.executemany(
            "DELETE FROM bestanden WHERE map = ? AND id = ?", ((map_, i) for i in ids)
        )
        self._vergeet_verwijzingen([(map_, i) for i in ids])

    def _vergeet_verwijzingen(self, bestanden: Sequence[tuple[str, str]]) -> None:
        for tabel in ("doelen", "sleutels"):
            self.db.executemany(f"DELETE FROM {tabel} WHERE map = ? AND id = ?", bestanden)

    def zet_dubbel(self, regels: dict[tuple[str, str], list[str]]) -> None:
        """Keep the lines of the duplicates found now, instead of those found before."""
        self.db.execute("DELETE FROM dubbel")
        self.db.executemany(
            "INSERT INTO dubbel VALUES (?, ?, ?)",
            ((m, i, json.dumps(r, ensure_ascii=False)) for (m, i), r in regels.items()),
        )


def _is_bezet(fout: sqlite3.DatabaseError) -> bool:
    return "locked" in str(fout) or "busy" in str(fout)


def _is_stuk(fout: sqlite3.DatabaseError) -> bool:
    """Whether the file itself is damaged or no database (rather than out of reach)."""
    tekst = str(fout)
    return isinstance(fout, sqlite3.DatabaseError) and (
        "not a database" in tekst or "malformed" in tekst or "corrupt" in tekst
    )


def _delen(waarden: Sequence[Any], grootte: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(waarden), grootte):
        yield waarden[i : i + grootte]
