"""Whether the derived index still tells the truth about the files.

The index (:mod:`onderzoekscyclus.opslag.index`) trusts a folder's modification time
for the list of its files, and a file's modification time and size for its rows.
Someone who edits the index by hand, or a file edited in place with its old time put
back, makes it show what is not in the files, and no question would notice. ``ozc
controleer`` does, with what this module finds:

- per folder, when the index claims to know the folder as it is now (it noted the
  folder's present modification time), whether it lists exactly the files there are
  (:meth:`Indexblik.mappen_die_afwijken`);
- whether what the index derives from its own rows (the names a table sorts on,
  remembered counts) agrees with them (:meth:`Indexblik.afgeleid_wijkt_af`);
- per file checked, when the index claims to know the file as it is now (same time and
  size), whether its rows are the rows the file gives
  (:meth:`Indexblik.te_vergelijken`, :meth:`Indexblik.wijken_af`).

The index is only read, through a read-only connection, with nothing but the public
pieces of :mod:`onderzoekscyclus.opslag.indexrijen`: the folders (``MAPPEN``), the
tables each folder fills (``TABELLEN``) and the rows of a file (``ontleed``, or
``RIJEN`` over contents already parsed). Columns are selected by name (for a table
with columns the index derives itself, the ones ``KOLOMMEN`` names), so a column
added to a table does not confuse it. What to do about a difference (delete the
index, which the next question rebuilds) is the caller's choice.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND
from onderzoekscyclus.opslag.index import THEMATELLING
from onderzoekscyclus.opslag.indexrijen import KOLOMMEN, MAPPEN, RIJEN, TABELLEN, Rijen, ontleed

__all__ = ["Indexblik", "verwachte_rijen"]


def verwachte_rijen(
    map_: str, id_: str, inhoud: bytes, data: dict[str, Any] | None = None
) -> Rijen | str:
    """The rows the index should hold for a file of ``map_`` with bytes ``inhoud``, or
    the reason it cannot hold any. ``data`` is the file's contents when they were
    already parsed and migrated (and found valid): the rows are then made from it, as
    the writer does after a write, without parsing the bytes a second time."""
    if data is None:
        return ontleed(map_, id_, inhoud)
    try:
        return RIJEN[map_](id_, data)
    except (ValueError, TypeError, KeyError, AttributeError) as fout:
        return str(fout) or type(fout).__name__


class Indexblik:
    """A read-only look at the index of the werkplaats at ``root``, as it is now.

    :attr:`beschikbaar` is false when there is no index to look at (none yet, or its
    folder is a link out of the werkplaats, which the index itself never uses either).
    A look that fails (the index is damaged, or of another version) finds nothing:
    the index deals with that itself when it is next opened.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.db: sqlite3.Connection | None = None
        self._kolommen: dict[str, list[str]] = {}
        map_ = self.root / GEGEVENSMAP
        pad = map_ / INDEXBESTAND
        if map_.is_symlink() or not pad.is_file():
            return
        if not map_.resolve().is_relative_to(self.root.resolve()):
            return
        with contextlib.suppress(sqlite3.Error):
            self.db = sqlite3.connect(
                pad.resolve().as_uri() + "?mode=ro", uri=True, timeout=5, isolation_level=None
            )

    @property
    def beschikbaar(self) -> bool:
        """Whether there is an index to compare with."""
        return self.db is not None

    def close(self) -> None:
        """Close the connection."""
        if self.db is not None:
            self.db.close()
            self.db = None

    def __enter__(self) -> Indexblik:
        return self

    def __exit__(self, *_fout: object) -> None:
        self.close()

    # --- folders ------------------------------------------------------------------------

    def mappen_die_afwijken(
        self, gezien: Mapping[str, Collection[str]], map_mtimes: Mapping[str, int | None]
    ) -> list[str]:
        """The folders of the index (of ``MAPPEN``) whose files the index claims to know
        as they are now (it noted the folder's modification time of ``map_mtimes``),
        but whose ids differ from ``gezien`` (per folder, the ids of its files)."""
        uit = []
        for map_ in MAPPEN:
            try:
                if self._genoteerd(map_) != map_mtimes.get(map_):
                    continue  # the index looks at this folder again anyway
                ids = self._ids(map_)
            except sqlite3.Error:
                continue
            if ids != set(gezien.get(map_, ())):
                uit.append(map_)
        return uit

    def afgeleid_wijkt_af(self) -> bool:
        """Whether what the index derives itself disagrees with its own rows: the names
        werkgroep_scholen sorts on, or a remembered theme count (see
        :data:`~onderzoekscyclus.opslag.index.THEMATELLING`)."""
        if self.db is None:
            return False
        try:
            if self.db.execute(
                "SELECT 1 FROM werkgroep_scholen ws "
                "LEFT JOIN scholen s ON s.id = ws.school "
                "LEFT JOIN werkgroepen w ON w.id = ws.werkgroep "
                "WHERE ws.svnaam IS NOT COALESCE(s.vnaam, ws.school) "
                "OR ws.wvnaam IS NOT w.vnaam LIMIT 1"
            ).fetchone():
                return True
            for sleutel, aantal, scholen in self.db.execute("SELECT * FROM tellingen").fetchall():
                if self.db.execute(THEMATELLING, (sleutel,)).fetchone() != (aantal, scholen):
                    return True
        except sqlite3.Error:
            return False  # of another version, or damaged: the index deals with that itself
        return False

    def _genoteerd(self, map_: str) -> int | None:
        if self.db is None:
            return None
        rij = self.db.execute("SELECT waarde FROM meta WHERE sleutel = ?", (map_,)).fetchone()
        try:
            return int(rij[0]) if rij else None
        except (TypeError, ValueError):
            return None

    def _ids(self, map_: str) -> set[str]:
        assert self.db is not None
        return {r[0] for r in self.db.execute("SELECT id FROM bestanden WHERE map = ?", (map_,))}

    # --- files --------------------------------------------------------------------------------

    def te_vergelijken(self, map_: str, stats: Mapping[str, tuple[int, int]]) -> set[str]:
        """Of the files ``stats`` (``id -> (mtime_ns, size)``) of ``map_``, those whose
        rows the index claims to know as they are now (it noted the same time and size):
        their rows can be compared. Every other file the index reads again itself."""
        if self.db is None or map_ not in TABELLEN or not stats:
            return set()
        uit = set()
        try:
            for deel in _delen(sorted(stats)):
                vraag = ",".join("?" * len(deel))
                for id_, mtime_ns, grootte in self.db.execute(
                    "SELECT id, mtime_ns, grootte FROM bestanden "
                    f"WHERE map = ? AND id IN ({vraag})",
                    (map_, *deel),
                ):
                    if (mtime_ns, grootte) == stats.get(id_) and mtime_ns != -1:
                        uit.add(id_)
        except sqlite3.Error:
            return set()
        return uit

    def wijken_af(self, map_: str, verwacht: Mapping[str, Rijen | str]) -> list[str]:
        """Of the files ``verwacht`` of ``map_`` (each with the rows it gives, or the
        reason it gives none), those whose rows in the index differ, in id order."""
        if self.db is None or not verwacht:
            return []
        try:
            in_index = self._rijen(map_, sorted(verwacht))
        except sqlite3.Error:
            return []
        uit = []
        for id_ in sorted(verwacht):
            rijen = verwacht[id_]
            fout, gevonden = in_index.get(id_, (None, {}))
            if isinstance(rijen, str):
                if fout is None:  # only whether there is a reason: its words are of a language
                    uit.append(id_)
            elif fout is not None or any(
                not _dezelfde(rijen.get(tabel, []), gevonden.get(tabel, []))
                for tabel, _kolom in TABELLEN[map_]
            ):
                uit.append(id_)
        return uit

    def _rijen(
        self, map_: str, ids: Sequence[str]
    ) -> dict[str, tuple[str | None, dict[str, list[tuple[Any, ...]]]]]:
        """Per id: the reason the index noted it cannot be read, and its rows per table."""
        assert self.db is not None
        uit: dict[str, tuple[str | None, dict[str, list[tuple[Any, ...]]]]] = {}
        self.db.execute("BEGIN")  # one moment of the index for every table
        try:
            for deel in _delen(ids):
                vraag = ",".join("?" * len(deel))
                for id_, fout in self.db.execute(
                    f"SELECT id, fout FROM bestanden WHERE map = ? AND id IN ({vraag})",
                    (map_, *deel),
                ):
                    uit[id_] = (fout, {})
                for tabel, kolom in TABELLEN[map_]:
                    kolommen = KOLOMMEN.get(tabel) or self._kolommen_van(tabel)
                    plek = kolommen.index(kolom)
                    lijst = ", ".join(f'"{k}"' for k in kolommen)
                    for rij in self.db.execute(
                        f'SELECT {lijst} FROM "{tabel}" WHERE "{kolom}" IN ({vraag})', deel
                    ):
                        uit.setdefault(rij[plek], (None, {}))[1].setdefault(tabel, []).append(rij)
        finally:
            self.db.execute("COMMIT")
        return uit

    def _kolommen_van(self, tabel: str) -> list[str]:
        if tabel not in self._kolommen:
            assert self.db is not None
            self._kolommen[tabel] = [
                r[1] for r in self.db.execute(f'PRAGMA table_info("{tabel}")').fetchall()
            ]
        return self._kolommen[tabel]


def _dezelfde(verwacht: Sequence[tuple[Any, ...]], gevonden: Sequence[tuple[Any, ...]]) -> bool:
    """Whether two lists of rows hold the same rows, in any order."""
    if len(verwacht) != len(gevonden):
        return False
    if len(verwacht) == 1 and verwacht[0] == gevonden[0]:
        return True
    eens = set(verwacht)
    # without repeated rows, equal sets of equal length are equal lists in another order
    if len(eens) == len(verwacht) and eens == set(gevonden):
        return True
    if len(eens) < len(verwacht) and Counter(verwacht) == Counter(gevonden):
        return True
    # a value SQLite stored as its column's type (a number as text …) is the same value
    return Counter(map(_vorm, verwacht)) == Counter(map(_vorm, gevonden))


def _vorm(rij: Sequence[Any]) -> tuple[Any, ...]:
    """A row as SQLite gives it back, whatever type its columns store a value as: a
    whole number and its text are the same (``1`` in an INTEGER column is ``"1"`` in a
    TEXT one)."""
    return tuple(_waarde(w) for w in rij)


def _waarde(waarde: Any) -> Any:
    if waarde is None or isinstance(waarde, str | bytes):
        return waarde
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, bool | int):
        return str(int(waarde))
    return repr(waarde)


def _delen(waarden: Sequence[Any], grootte: int = 500) -> Any:
    for i in range(0, len(waarden), grootte):
        yield waarden[i : i + grootte]
