"""A derived SQLite index of a werkplaats, for partnership-wide questions.

The TOML files are the truth; the index (``.onderzoekscyclus/index.sqlite3``,
git-ignored) only makes questions over thousands of schools fast. It remembers each
file's modification time (ns) and size, and before a question it looks again: a file
that was added, changed or deleted since — by ``ozc`` or by ``git pull``, an editor or
a script — is read again, and only that file. A missing, corrupt or outdated index is
rebuilt; it can be deleted at any time.

A file changed in the last two seconds is read again at the next question: within one
tick of the file system's clock a second change could keep the same time and size.
Freshness is checked where it matters, cheaply: a question names the folders it
searches through (:meth:`Index.ververs`), and every file in those is looked at; the
rows it then looks up in other folders (the school of a werkgroep, a leader's name)
are checked file by file (:meth:`Index.controleer`). A folder whose own modification
time has changed gets a full look, since files were added, removed or replaced in it.

Only the standard library is used (``sqlite3``, ``tomllib``), so ``ozc log`` can find a
werkgroep by name among tens of thousands without loading the rest of the library.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.errors import AmbiguousReference, OnderzoekscyclusError, UnknownReference
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._paden import GEGEVENSMAP
from onderzoekscyclus.opslag._toml import loads_toml
from onderzoekscyclus.opslag.schema import lees_versie, migreer

__all__ = ["INDEXBESTAND", "MAPPEN", "Index", "kandidaten", "na_schrijven"]

INDEXBESTAND = "index.sqlite3"
MAPPEN = ("scholen", "personen", "werkgroepen")
_SOORT = {"scholen": "school", "personen": "persoon", "werkgroepen": "werkgroep"}
_VERSIE = 3
"""Bumped whenever the tables change; an index of another version is rebuilt."""

_HOOGSTE = "\U0010ffff"
_KLEIN = 500
"""Below this many werkgroepen ``ozc log`` reads the names from the files themselves."""

_SCHEMA = """
CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT) WITHOUT ROWID;
CREATE TABLE bestanden (
    map TEXT, id TEXT, mtime_ns INTEGER, grootte INTEGER, fout TEXT,
    PRIMARY KEY (map, id)) WITHOUT ROWID;
CREATE TABLE scholen (
    id TEXT PRIMARY KEY, naam TEXT, vnaam TEXT, sector TEXT, bestuur TEXT, cluster TEXT
    ) WITHOUT ROWID;
CREATE TABLE personen (
    id TEXT PRIMARY KEY, naam TEXT, vnaam TEXT, school TEXT, rollen TEXT) WITHOUT ROWID;
CREATE TABLE expertise (persoon TEXT, tekst TEXT);
CREATE TABLE werkgroepen (
    id TEXT PRIMARY KEY, naam TEXT, vnaam TEXT, soort TEXT, cyclus INTEGER, fase TEXT,
    gepauzeerd INTEGER, conclusie TEXT, conclusie_cyclus INTEGER) WITHOUT ROWID;
CREATE TABLE werkgroep_scholen (werkgroep TEXT, school TEXT, volgorde INTEGER);
CREATE TABLE werkgroep_themas (werkgroep TEXT, tekst TEXT);
CREATE TABLE leden (werkgroep TEXT, persoon TEXT, rol TEXT, volgorde INTEGER);
CREATE INDEX expertise_tekst ON expertise (tekst, persoon);
CREATE INDEX expertise_persoon ON expertise (persoon);
CREATE INDEX ws_werkgroep ON werkgroep_scholen (werkgroep, school, volgorde);
CREATE INDEX ws_school ON werkgroep_scholen (school);
CREATE INDEX wt_tekst ON werkgroep_themas (tekst, werkgroep);
CREATE INDEX wt_werkgroep ON werkgroep_themas (werkgroep);
CREATE INDEX leden_werkgroep ON leden (werkgroep, rol, persoon, volgorde);
CREATE INDEX scholen_vnaam ON scholen (vnaam);
CREATE INDEX personen_vnaam ON personen (vnaam);
CREATE INDEX werkgroepen_vnaam ON werkgroepen (vnaam);
"""

# the tables each folder fills, with the column that holds the file's id
_TABELLEN = {
    "scholen": (("scholen", "id"),),
    "personen": (("personen", "id"), ("expertise", "persoon")),
    "werkgroepen": (
        ("werkgroepen", "id"),
        ("werkgroep_scholen", "werkgroep"),
        ("werkgroep_themas", "werkgroep"),
        ("leden", "werkgroep"),
    ),
}

Rijen = dict[str, list[tuple[Any, ...]]]


class Index:
    """The index of one werkplaats; open it, ask, close it (or use ``with``)."""

    def __init__(self, root: Path, *, voortgang: bool = False) -> None:
        self.root = Path(root)
        self.pad = self.root / GEGEVENSMAP / INDEXBESTAND
        self.voortgang = voortgang
        self.db = self._open()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *_fout: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    # --- opening and rebuilding -----------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.pad.parent.mkdir(exist_ok=True)
            return self._verbind(str(self.pad))
        except sqlite3.OperationalError as fout:
            if _is_bezet(fout):
                raise
            # a folder we cannot write in (a read-only copy): answer from memory instead
            return self._verbind(":memory:")
        except sqlite3.DatabaseError:
            self._verwijder()
            return self._verbind(str(self.pad))
        except OSError:
            return self._verbind(":memory:")

    def _verbind(self, pad: str) -> sqlite3.Connection:
        db = sqlite3.connect(pad, timeout=60, isolation_level=None)
        try:
            versie = db.execute("PRAGMA user_version").fetchone()[0]
            if versie not in (0, _VERSIE):
                raise sqlite3.DatabaseError("index van een andere versie")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if versie == 0:
                with _transactie(db):
                    if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                        for opdracht in _SCHEMA.split(";"):
                            if opdracht.strip():
                                db.execute(opdracht)
                        db.execute(f"PRAGMA user_version = {_VERSIE}")
        except BaseException:
            db.close()
            raise
        return db

    def _verwijder(self) -> None:
        Index.verwijder(self.root)

    @staticmethod
    def verwijder(root: Path) -> None:
        """Delete the index of the werkplaats at ``root`` (it is rebuilt when needed)."""
        pad = Path(root) / GEGEVENSMAP / INDEXBESTAND
        for achtervoegsel in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                pad.with_name(pad.name + achtervoegsel).unlink()

    def herbouw(self) -> None:
        """Throw the index away and start a new one (after it turned out corrupt)."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self._verwijder()
        self.db = self._open()

    # --- keeping it current ---------------------------------------------------------------

    def ververs(self, mappen: Iterable[str] = MAPPEN) -> None:
        """Look at every file in ``mappen`` and read again those that changed.

        Rows of other folders are checked one by one when they are looked up
        (:meth:`controleer`); :meth:`ververs_als_gewijzigd` looks at a folder only
        when its own modification time changed.
        """
        for map_ in MAPPEN:
            if map_ in mappen:
                self._bekijk_map(map_)

    def ververs_als_gewijzigd(self, map_: str) -> int | None:
        """Look at ``map_`` when files were added, removed or replaced in it since.

        Returns the folder's modification time for which the index lists its files.
        """
        mtime = self._map_mtime(map_)
        if self._opgeslagen_mtime(map_) != str(mtime):
            return self._bekijk_map(map_)
        return mtime

    def _map_mtime(self, map_: str) -> int | None:
        try:
            return (self.root / map_).stat().st_mtime_ns
        except FileNotFoundError:
            return None

    def _opgeslagen_mtime(self, map_: str) -> str | None:
        rij = self.db.execute("SELECT waarde FROM meta WHERE sleutel = ?", (map_,)).fetchone()
        return rij[0] if rij else None

    def _map_gewijzigd(self, map_: str) -> bool:
        return self._opgeslagen_mtime(map_) != str(self._map_mtime(map_))

    def _bekijk_map(self, map_: str) -> int | None:
        # the hot path of every question, over tens of thousands of files: kept plain
        mtime = self._map_mtime(map_)
        bekend = {
            rij[0]: rij
            for rij in self.db.execute(
                "SELECT id, mtime_ns, grootte FROM bestanden WHERE map = ?", (map_,)
            ).fetchall()
        }
        te_lezen: list[tuple[str, int, int]] = []
        gezien: set[str] = set()
        if mtime is not None:
            with os.scandir(self.root / map_) as inhoud:
                for item in inhoud:
                    naam = item.name
                    if naam[-5:] != ".toml" or naam[:1] == ".":
                        continue
                    id_ = naam[:-5]
                    try:
                        stat = item.stat()
                    except FileNotFoundError:
                        continue
                    rij = bekend.get(id_)
                    if rij is None or rij[1] != stat.st_mtime_ns or rij[2] != stat.st_size:
                        if rij is None and not is_geldig_id(id_):
                            continue
                        te_lezen.append((id_, stat.st_mtime_ns, stat.st_size))
                    gezien.add(id_)
        weg = sorted(bekend.keys() - gezien)
        if te_lezen or weg or self._map_gewijzigd(map_):
            self._werk_bij(map_, te_lezen, weg, mtime)
        return mtime

    def controleer(self, map_: str, ids: Iterable[str]) -> bool:
        """Check the files of ``ids`` against the index; read those that changed.

        Returns whether anything was read again (so the caller asks again).
        """
        lijst = sorted({i for i in ids if is_geldig_id(i)})
        bekend: dict[str, tuple[int | None, int | None]] = dict.fromkeys(lijst, (None, None))
        for deel in _delen(lijst):
            vraag = ",".join("?" * len(deel))
            bekend.update(
                (r[0], (r[1], r[2]))
                for r in self.db.execute(
                    f"SELECT id, mtime_ns, grootte FROM bestanden WHERE map = ? AND id IN ({vraag})",
                    (map_, *deel),
                )
            )
        return self.vers(map_, bekend)

    def vers(self, map_: str, bekend: Mapping[str, tuple[int | None, int | None]]) -> bool:
        """Compare files with what the index knows of them (``id -> (mtime_ns, size)``,
        ``(None, None)`` for unknown) and read those that changed.

        Returns whether anything was read again (so the caller asks again).
        """
        map_pad = os.path.join(self.root, map_)  # noqa: PTH118 - plain strings: thousands of stats
        te_lezen, weg = [], []
        for id_, (mtime_ns, grootte) in bekend.items():
            if not is_geldig_id(id_):
                continue
            try:
                stat = os.stat(f"{map_pad}/{id_}.toml")  # noqa: PTH116 - see above
            except FileNotFoundError:
                if mtime_ns is not None:
                    weg.append(id_)
                continue
            if mtime_ns != stat.st_mtime_ns or grootte != stat.st_size:
                te_lezen.append((id_, stat.st_mtime_ns, stat.st_size))
        if te_lezen or weg:
            self._werk_bij(map_, te_lezen, weg, None)
            return True
        return False

    def _werk_bij(
        self,
        map_: str,
        te_lezen: Sequence[tuple[str, int, int]],
        weg: Sequence[str],
        map_mtime: int | None,
    ) -> None:
        """Read ``te_lezen``, forget ``weg``, and store it all in one transaction.

        The stat is taken before the file is read: a file that changes while it is
        read is seen as changed the next time.
        """
        gelezen: list[tuple[str, int, int, Rijen | str]] = []
        teller = _Voortgang(len(te_lezen), actief=self.voortgang)
        for id_, mtime_ns, grootte in te_lezen:
            try:
                inhoud = (self.root / map_ / f"{id_}.toml").read_bytes()
            except FileNotFoundError:
                weg = [*weg, id_]
                continue
            gelezen.append((id_, mtime_ns, grootte, ontleed(map_, id_, inhoud)))
            teller.stap()
        teller.klaar()
        with _transactie(self.db):
            ids = [*weg, *(g[0] for g in gelezen)]
            for tabel, kolom in _TABELLEN[map_]:
                self.db.executemany(f"DELETE FROM {tabel} WHERE {kolom} = ?", ((i,) for i in ids))
            self.db.executemany(
                "DELETE FROM bestanden WHERE map = ? AND id = ?", ((map_, i) for i in weg)
            )
            per_tabel: Rijen = {}
            for id_, mtime_ns, grootte, rijen in gelezen:
                fout = rijen if isinstance(rijen, str) else None
                self.db.execute(
                    "INSERT OR REPLACE INTO bestanden VALUES (?, ?, ?, ?, ?)",
                    (map_, id_, _niet_te_vers(mtime_ns), grootte, fout),
                )
                if not isinstance(rijen, str):
                    for tabel, lijst in rijen.items():
                        per_tabel.setdefault(tabel, []).extend(lijst)
            for tabel, lijst in per_tabel.items():
                if lijst:
                    vraag = ",".join("?" * len(lijst[0]))
                    self.db.executemany(f"INSERT INTO {tabel} VALUES ({vraag})", lijst)
            if map_mtime is not None:
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    (map_, str(_niet_te_vers(map_mtime))),
                )

    # --- asking -----------------------------------------------------------------------------

    def rijen(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query (for the modules that answer questions from the index)."""
        return self.db.execute(sql, parameters).fetchall()

    def rijen_voor(self, sql: str, waarden: Iterable[Any]) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` (with ``{}`` where the ``IN`` list goes) for many values."""
        uit: list[tuple[Any, ...]] = []
        for deel in _delen(sorted(set(waarden))):
            uit.extend(self.db.execute(sql.format(",".join("?" * len(deel))), deel).fetchall())
        return uit

    def onleesbaar(self) -> list[str]:
        """The files that could not be read, as ``map/id.toml: reason``."""
        return [
            f"{m}/{i}.toml: {f}"
            for m, i, f in self.db.execute(
                "SELECT map, id, fout FROM bestanden WHERE fout IS NOT NULL ORDER BY map, id"
            )
        ]

    def namen(self, map_: str, gezocht: str | None = None) -> list[tuple[str, str]]:
        """(id, naam) in ``map_``; with ``gezocht`` (a reference) only those it may mean.

        The selection is wider than :func:`onderzoekscyclus.domein.verwijzing.zoek` needs
        (exact id or name, the start of the name or id, the start of a word), so
        ``zoek`` over it gives the same answer as over every name.
        """
        tabel = map_
        if gezocht is None:
            return self.rijen(f"SELECT id, naam FROM {tabel} ORDER BY id")
        ref = gezocht.strip()
        g = vergelijkbaar(gezocht)
        # the exact id, or a name or id that starts with it: found through the indexes
        gevonden = self.rijen(
            f"SELECT id, naam FROM {tabel} WHERE id = ? "
            "OR (vnaam >= ? AND vnaam < ?) OR (id >= ? AND id < ?) ORDER BY id",
            (ref, g, g + _HOOGSTE, g, g + _HOOGSTE),
        )
        if gevonden:
            return gevonden
        # `zoek` only then looks at the start of every word of the name
        return self.rijen(
            f"SELECT id, naam FROM {tabel} WHERE instr(' ' || vnaam, ' ' || ?) > 0 ORDER BY id",
            (g,),
        )


# --- reading one file -----------------------------------------------------------------------

_KOP = re.compile(rb"\[\[?[a-z]+(?:\.[a-z]+)*\]\]?")
_BEWAAR = frozenset({b"[[leden]]", b"[[cycli]]", b"[cycli.evaluatie]"})


def _zonder_ballast(inhoud: bytes) -> bytes:
    """A werkgroep file without the sections the index does not use (logboek, history…).

    Only done when the file is plainly laid out (every line that starts with ``[`` is
    a simple table header and there are no multi-line strings), as ``ozc`` writes it;
    anything else is read whole.
    """
    if b'"""' in inhoud or b"'''" in inhoud:
        return inhoud
    uit: list[bytes] = []
    bewaar = True
    for regel in inhoud.split(b"\n"):
        if regel.startswith(b"["):
            kop = regel.rstrip(b"\r \t")
            if _KOP.fullmatch(kop) is None:
                return inhoud
            bewaar = kop in _BEWAAR
        if bewaar:
            uit.append(regel)
    return b"\n".join(uit)


def _tekst(waarde: Any, veld: str) -> str:
    if not isinstance(waarde, str):
        raise ValueError(_("{veld}: verwacht tekst").format(veld=veld))
    return waarde.strip()


def _optioneel(waarde: Any, veld: str) -> str | None:
    if waarde is None:
        return None
    return _tekst(waarde, veld) or None


def _lijst(waarde: Any, veld: str) -> list[Any]:
    if not isinstance(waarde, list):
        raise ValueError(_("{veld}: verwacht een lijst").format(veld=veld))
    return waarde


def _woorden(waarde: Any, veld: str) -> list[str]:
    """Like the model: trimmed, inner spacing collapsed, unique regardless of case."""
    gezien: dict[str, str] = {}
    for item in _lijst(waarde, veld):
        schoon = " ".join(_tekst(item, veld).split())
        if schoon:
            gezien.setdefault(schoon.casefold(), schoon)
    return sorted(gezien.values(), key=str.casefold)


def _tabel(waarde: Any, veld: str) -> dict[str, Any]:
    if not isinstance(waarde, dict):
        raise ValueError(_("{veld}: verwacht een tabel").format(veld=veld))
    return waarde


def ontleed(map_: str, id_: str, inhoud: bytes) -> Rijen | str:
    """The index rows of one file, or the reason it cannot be read."""
    try:
        data = loads_toml(_zonder_ballast(inhoud) if map_ == "werkgroepen" else inhoud)
        data = migreer(_SOORT[map_], data, lees_versie(data))
        return _RIJEN[map_](id_, data)
    except OnderzoekscyclusError as fout:
        return fout.bericht
    except (ValueError, TypeError, KeyError, AttributeError) as fout:
        return str(fout) or type(fout).__name__


def _school_rijen(id_: str, data: dict[str, Any]) -> Rijen:
    naam = _tekst(data["naam"], "naam")
    return {
        "scholen": [
            (
                id_,
                naam,
                vergelijkbaar(naam),
                _tekst(data["sector"], "sector").lower(),
                _optioneel(data.get("bestuur"), "bestuur"),
                _optioneel(data.get("cluster"), "cluster"),
            )
        ]
    }


def _persoon_rijen(id_: str, data: dict[str, Any]) -> Rijen:
    naam = _tekst(data["naam"], "naam")
    rollen = sorted({_tekst(r, "rollen").lower() for r in _lijst(data.get("rollen", []), "rollen")})
    return {
        "personen": [
            (
                id_,
                naam,
                vergelijkbaar(naam),
                _optioneel(data.get("school"), "school"),
                ",".join(rollen),
            )
        ],
        "expertise": [(id_, t) for t in _woorden(data.get("expertise", []), "expertise")],
    }


def _werkgroep_rijen(id_: str, data: dict[str, Any]) -> Rijen:
    naam = _tekst(data["naam"], "naam")
    cycli = [_tabel(c, "cycli") for c in _lijst(data.get("cycli", []), "cycli")]
    laatste = cycli[-1] if cycli else None
    conclusie, conclusie_cyclus = None, None
    for cyclus in reversed(cycli):
        if cyclus.get("fase") == "afgerond" and "evaluatie" in cyclus:
            conclusie = _tekst(_tabel(cyclus["evaluatie"], "evaluatie")["conclusie"], "conclusie")
            conclusie_cyclus = cyclus.get("nummer")
            break
    scholen = [_tekst(s, "scholen") for s in _lijst(data["scholen"], "scholen")]
    leden = [_tabel(lid, "leden") for lid in _lijst(data.get("leden", []), "leden")]
    return {
        "werkgroepen": [
            (
                id_,
                naam,
                vergelijkbaar(naam),
                _tekst(data.get("soort", "leerteam"), "soort").lower(),
                laatste.get("nummer") if laatste else None,
                _tekst(laatste.get("fase", "aanleiding"), "fase") if laatste else None,
                int(bool(laatste.get("gepauzeerd", False))) if laatste else 0,
                conclusie,
                conclusie_cyclus,
            )
        ],
        "werkgroep_scholen": [(id_, s, i) for i, s in enumerate(scholen)],
        "werkgroep_themas": [(id_, t) for t in _woorden(data.get("themas", []), "themas")],
        "leden": [
            (
                id_,
                _tekst(lid["persoon"], "persoon"),
                _tekst(lid.get("rol", "lid"), "rol").lower(),
                i,
            )
            for i, lid in enumerate(leden)
        ],
    }


_RIJEN: dict[str, Callable[[str, dict[str, Any]], Rijen]] = {
    "scholen": _school_rijen,
    "personen": _persoon_rijen,
    "werkgroepen": _werkgroep_rijen,
}


# --- the quick paths of `ozc log` -------------------------------------------------------------


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
    if not pad.exists() and _aantal(root / map_) < _KLEIN:
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
    if not pad.exists() and _aantal(root / map_) < _KLEIN:
        return _namen_uit_bestanden(root, map_)
    with Index(root, voortgang=True) as index:
        index.ververs((map_,))
        return index.namen(map_)


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
        rijen = _RIJEN[map_](id_, data)
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
            with _transactie(index.db):
                for tabel, kolom in _TABELLEN[map_]:
                    index.db.execute(f"DELETE FROM {tabel} WHERE {kolom} = ?", (id_,))
                index.db.execute(
                    "INSERT OR REPLACE INTO bestanden VALUES (?, ?, ?, ?, NULL)",
                    (map_, id_, _niet_te_vers(stat.st_mtime_ns), stat.st_size),
                )
                for tabel, lijst in rijen.items():
                    if lijst:
                        vraag = ",".join("?" * len(lijst[0]))
                        index.db.executemany(f"INSERT INTO {tabel} VALUES ({vraag})", lijst)
                if bekend:
                    index.db.execute(
                        "INSERT OR REPLACE INTO meta VALUES (?, ?)", (map_, str(mtime))
                    )
    except sqlite3.OperationalError:
        return  # busy: the next question sees the new modification time and reads the file
    except sqlite3.DatabaseError:
        Index.verwijder(root)


def _als_getal(tekst: str | None) -> int | None:
    return int(tekst) if tekst is not None and tekst.lstrip("-").isdigit() else None


def _namen_uit_bestanden(root: Path, map_: str) -> list[tuple[str, str]]:
    uit = []
    for pad in sorted((root / map_).glob("*.toml")):
        try:
            naam = loads_toml(pad.read_bytes()).get("naam")
        except OnderzoekscyclusError:
            naam = None
        uit.append((pad.stem, naam if isinstance(naam, str) else pad.stem))
    return uit


def _aantal(map_: Path) -> int:
    """How many entries ``map_`` has, counting no further than needed."""
    n = 0
    with contextlib.suppress(FileNotFoundError), os.scandir(map_) as inhoud:
        for _item in inhoud:
            n += 1
            if n >= _KLEIN:
                break
    return n


# --- small helpers ------------------------------------------------------------------------------


_TE_VERS = 2_000_000_000
"""A file changed less than 2 s ago may change again within the same clock tick of the
file system, keeping its modification time; such a file is read again next time."""


def _niet_te_vers(mtime_ns: int) -> int:
    return -1 if time.time_ns() - mtime_ns < _TE_VERS else mtime_ns


def _is_bezet(fout: sqlite3.OperationalError) -> bool:
    return "locked" in str(fout) or "busy" in str(fout)


@contextlib.contextmanager
def _transactie(db: sqlite3.Connection) -> Iterator[None]:
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _delen(waarden: Sequence[Any], grootte: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(waarden), grootte):
        yield waarden[i : i + grootte]


class _Voortgang:
    """A counter on stderr while many files are read: at once on a terminal, else after 1 s."""

    def __init__(self, totaal: int, *, actief: bool) -> None:
        self.totaal = totaal
        self.actief = actief and totaal >= 200
        self.begin = time.monotonic()
        self.vorige = 0.0
        self.n = 0
        self.getoond = False
        self.terminal = sys.stderr.isatty()

    def stap(self) -> None:
        self.n += 1
        if not self.actief or self.n % 100:
            return
        nu = time.monotonic()
        # on a terminal the line is rewritten in place; in a log, a line now and then
        tussenpoos = 0.2 if self.terminal else 5.0
        if (self.terminal or nu - self.begin > 1.0) and nu - self.vorige > tussenpoos:
            self.vorige = nu
            self.getoond = True
            einde = "\r" if self.terminal else "\n"
            sys.stderr.write(
                _("Index bijwerken: {n} van {totaal} bestanden gelezen").format(
                    n=self.n, totaal=self.totaal
                )
                + einde
            )
            sys.stderr.flush()

    def klaar(self) -> None:
        if self.getoond:
            sys.stderr.write(
                _("Index bijgewerkt: {totaal} bestanden gelezen.").format(totaal=self.totaal) + "\n"
            )
            sys.stderr.flush()


def kies(root: Path, map_: str, verwijzing: str, soort: str) -> tuple[str, int | None]:
    """The id that ``verwijzing`` points to among the entities in ``map_``.

    The index narrows the names down first (a werkplaats of thousands of werkgroepen
    is not read whole); when that finds nothing, every name is looked at, for the
    same answer and the same "bedoelde u …?" as without an index. Also returns the
    folder's modification time for which the index knows every file (or ``None``).
    """
    gevonden, volledig, map_mtime = kandidaten(root, map_, verwijzing)
    try:
        keuze = zoek(
            verwijzing,
            gevonden,
            soort=soort,
            naam=lambda k: k[1],
            id_=lambda k: k[0],
        )
    except UnknownReference as fout:
        if volledig or isinstance(fout, AmbiguousReference):
            raise
        map_mtime = None
        keuze = zoek(
            verwijzing,
            alle_namen(root, map_),
            soort=soort,
            naam=lambda k: k[1],
            id_=lambda k: k[0],
        )
    return keuze[0], map_mtime
