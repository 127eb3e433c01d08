"""Finding an entity by what a user types, through the derived index.

A small werkplaats without an index is read directly; a large one asks the index, after
a look at the folder's own modification time (a ``git pull`` that added or removed
files) and at the files of the candidates found. The answer is the same as
:func:`onderzoekscyclus.domein.verwijzing.zoek` over every name. This is also the quick
path of ``ozc log``: the standard library only, no domain classes.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.errors import AmbiguousReference, OnderzoekscyclusError, UnknownReference
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND
from onderzoekscyclus.opslag._toml import lees_begrensd, loads_toml
from onderzoekscyclus.opslag.index import Index, niet_te_vers, transactie
from onderzoekscyclus.opslag.indexrijen import RIJEN, TABELLEN

__all__ = [
    "GROOT",
    "aantal_bestanden",
    "alle_namen",
    "kandidaten",
    "kies",
    "na_schrijven",
    "na_verwijderen",
    "namen_van",
]

GROOT = 500
"""From this many files in a folder on, the index answers; below it, names are read from
the files themselves."""


def kandidaten(
    root: Path, map_: str, verwijzing: str
) -> tuple[list[tuple[str, str]], bool, int | None]:
    """(id, naam) of the entities in ``map_`` that ``verwijzing`` may mean.

    Returns the list, whether it holds every entity of the folder, and the folder's
    modification time for which the index knows every file (or ``None``). A small
    werkplaats without an index is read directly; otherwise the index answers, after
    a look at the folder's own modification time (a ``git pull`` that added or removed
    files) and at the files of the candidates found.
    """
    ref = verwijzing.strip()
    if is_geldig_id(ref) and (root / map_ / f"{ref}.toml").is_file():
        return [(ref, ref)], False, None
    pad = root / GEGEVENSMAP / INDEXBESTAND
    if not pad.exists() and aantal_bestanden(root / map_) < GROOT:
        return _namen_uit_bestanden(root, map_), True, None
    with Index(root, voortgang=True) as index:
        mtime = index.ververs_als_gewijzigd(map_)
        gevonden = index.namen(map_, verwijzing)
        if index.controleer(map_, [i for i, _n in gevonden]):
            gevonden = index.namen(map_, verwijzing)
        return gevonden, False, mtime


def alle_namen(root: Path, map_: str) -> list[tuple[str, str]]:
    """(id, naam) of every entity in ``map_``, with every file of it looked at."""
    pad = root / GEGEVENSMAP / INDEXBESTAND
    if not pad.exists() and aantal_bestanden(root / map_) < GROOT:
        return _namen_uit_bestanden(root, map_)
    with Index(root, voortgang=True) as index:
        index.ververs((map_,))
        return index.namen(map_)


def namen_van(root: Path, map_: str, ids: Iterable[str]) -> dict[str, str]:
    """The names of ``ids`` in ``map_`` (an id that is not there is left out): from the
    index when there is one, with the files of exactly these ids looked at; otherwise
    from those files."""
    gezocht = sorted({i for i in ids if is_geldig_id(i)})
    if not gezocht:
        return {}
    if not (root / GEGEVENSMAP / INDEXBESTAND).exists() and len(gezocht) < GROOT:
        uit = {}
        for id_ in gezocht:
            pad = root / map_ / f"{id_}.toml"
            if not pad.is_file():
                continue
            try:
                naam = loads_toml(lees_begrensd(pad)).get("naam")
            except (OnderzoekscyclusError, OSError):
                continue
            uit[id_] = naam if isinstance(naam, str) else id_
        return uit
    with Index(root, voortgang=True) as index:
        index.ververs_als_gewijzigd(map_)
        index.controleer(map_, gezocht)
        return dict(index.rijen_voor(f"SELECT id, naam FROM {map_} WHERE id IN ({{}})", gezocht))


def na_schrijven(
    root: Path,
    map_: str,
    id_: str,
    data: dict[str, Any],
    map_mtime_voor: int | None,
    map_mtime_bekend: int | None = None,
) -> None:
    """Bring an existing index up to date with a file just written (under the lock).

    ``data`` is what was written; ``map_mtime_voor`` the folder's modification time
    just before, ``map_mtime_bekend`` the time for which the index knew every file
    of the folder (from :func:`kandidaten`). When those are the same, nothing else
    changed the folder in between, and the index learns its new time too: the next
    ``ozc log`` need not look at the whole folder.
    """
    if not (root / GEGEVENSMAP / INDEXBESTAND).exists():
        return
    try:
        rijen = RIJEN[map_](id_, data)
    except (ValueError, TypeError, KeyError, AttributeError):
        return  # the next question reads the file itself and notes what is wrong
    try:
        with Index(root) as index:
            stat = (root / map_ / f"{id_}.toml").stat()
            mtime = index._map_mtime(map_)
            bekend = map_mtime_voor is not None and map_mtime_voor in (
                map_mtime_bekend,
                _als_getal(index._opgeslagen_mtime(map_)),
            )
            with transactie(index.db):
                for tabel, kolom in TABELLEN[map_]:
                    index.db.execute(f"DELETE FROM {tabel} WHERE {kolom} = ?", (id_,))
                index.db.execute(
                    "INSERT OR REPLACE INTO bestanden VALUES (?, ?, ?, ?, NULL)",
                    (map_, id_, niet_te_vers(stat.st_mtime_ns), stat.st_size),
                )
                index.voeg_in(rijen)
                if bekend:
                    index.db.execute(
                        "INSERT OR REPLACE INTO meta VALUES (?, ?)", (map_, str(mtime))
                    )
    except sqlite3.OperationalError:
        return  # busy: the next question sees the new modification time and reads the file
    except sqlite3.DatabaseError:
        Index.verwijder(root)


def na_verwijderen(root: Path, map_: str, id_: str) -> None:
    """Take the rows of a removed file out of an existing index (under the lock); a busy
    or damaged index is left for the next question to bring up to date."""
    try:
        with Index(root) as index, transactie(index.db):
            for tabel, kolom in TABELLEN.get(map_, ()):
                index.db.execute(f"DELETE FROM {tabel} WHERE {kolom} = ?", (id_,))
            index.db.execute("DELETE FROM bestanden WHERE map = ? AND id = ?", (map_, id_))
    except sqlite3.OperationalError:
        return
    except sqlite3.DatabaseError:
        Index.verwijder(root)


def _als_getal(tekst: str | None) -> int | None:
    return int(tekst) if tekst is not None and tekst.lstrip("-").isdigit() else None


def _namen_uit_bestanden(root: Path, map_: str) -> list[tuple[str, str]]:
    uit = []
    for pad in sorted((root / map_).glob("*.toml")):
        try:
            naam = loads_toml(lees_begrensd(pad)).get("naam")
        except OnderzoekscyclusError:
            naam = None
        uit.append((pad.stem, naam if isinstance(naam, str) else pad.stem))
    return uit


def aantal_bestanden(map_: Path) -> int:
    """How many entries ``map_`` has, counting no further than needed."""
    n = 0
    with contextlib.suppress(FileNotFoundError), os.scandir(map_) as inhoud:
        for _item in inhoud:
            n += 1
            if n >= GROOT:
                break
    return n


def kies(root: Path, map_: str, verwijzing: str, soort: str) -> tuple[str, int | None]:
    """The id that ``verwijzing`` points to among the entities in ``map_``.

    The index narrows the names down first (a werkplaats of thousands of werkgroepen
    is not read whole); when that finds nothing, every name is looked at, for the
    same answer and the same "bedoelde u …?" as without an index. Also returns the
    folder's modification time for which the index knows every file (or ``None``).

    The index is never trusted on its own to pick the file a write goes to: the chosen
    file's own name must still fit ``verwijzing``. A file edited in place with its old
    time and size restored (``cp -p``, some sync tools) is read again, and the whole
    folder looked at, before the question is asked again.
    """
    keuze, map_mtime, uit_index = _kies(root, map_, verwijzing, soort)
    if not uit_index or _past_nog(root, map_, keuze, verwijzing, soort):
        return keuze, map_mtime
    with Index(root, voortgang=True, volledig=True) as index:
        index.lees_opnieuw(map_, [keuze])
        index.ververs((map_,))
    with contextlib.suppress(UnknownReference):
        keuze, _mtime, uit_index = _kies(root, map_, verwijzing, soort)
        if not uit_index or _past_nog(root, map_, keuze, verwijzing, soort):
            return keuze, None
    # the index differs from the files in ways no time or size shows (edited by hand):
    # the files answer, and the index is built again at the next question
    Index.verwijder(root)
    gekozen = _zoek_in(verwijzing, _namen_uit_bestanden(root, map_), soort)
    return gekozen[0], None


def _kies(root: Path, map_: str, verwijzing: str, soort: str) -> tuple[str, int | None, bool]:
    gevonden, volledig, map_mtime = kandidaten(root, map_, verwijzing)
    try:
        keuze = _zoek_in(verwijzing, gevonden, soort)
    except UnknownReference as fout:
        if volledig or isinstance(fout, AmbiguousReference):
            raise
        map_mtime = None
        keuze = _zoek_in(verwijzing, alle_namen(root, map_), soort)
    # an id typed in full names its own file; anything else came from the index
    return keuze[0], map_mtime, not volledig and keuze[0] != verwijzing.strip()


def _past_nog(root: Path, map_: str, id_: str, verwijzing: str, soort: str) -> bool:
    """Whether the file ``id_`` itself, as it is now, still answers to ``verwijzing``."""
    try:
        naam = loads_toml(lees_begrensd(root / map_ / f"{id_}.toml")).get("naam")
    except OnderzoekscyclusError:
        return True  # unreadable: the write that follows says so
    if not isinstance(naam, str):
        return True
    try:
        _zoek_in(verwijzing, [(id_, naam)], soort)
    except UnknownReference:
        return False
    return True


def _zoek_in(verwijzing: str, rijen: list[tuple[str, str]], soort: str) -> tuple[str, str]:
    """:func:`~onderzoekscyclus.domein.verwijzing.zoek` over (id, naam) rows."""
    return zoek(verwijzing, rijen, soort=soort, naam=lambda k: k[1], id_=lambda k: k[0])
