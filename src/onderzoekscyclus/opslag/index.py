"""A derived SQLite index of a werkplaats, for partnership-wide questions.

The TOML files are the truth; the index (``.onderzoekscyclus/index.sqlite3``,
git-ignored) only makes questions over thousands of schools fast. It remembers each
file's modification time (ns) and size, and each folder's modification time; a missing,
corrupt or outdated index is rebuilt, and it can be deleted at any time.

How it stays current, at a cost that depends on the number of folders, not of files:

- A file added, removed or replaced (what ``ozc`` itself, ``git pull``, ``rsync`` and
  most editors do: write a new file and rename it) changes its folder's modification
  time. A question first compares each folder it searches with the time the index
  noted (:meth:`Index.ververs`); only a changed folder is looked at file by file, and
  only its changed files are read again.
- A file or folder changed in the last two seconds may change again within the same
  tick of the file system's clock, keeping its time and size: the index notes it as
  "look again" (-1) and looks at exactly those the next time.
- A file edited in place (truncated and rewritten, as some editors do) leaves its
  folder's time alone. The rows a question shows are checked file by file
  (:meth:`Index.controleer`), a write checks the file's own id and name before it
  trusts the index (:func:`onderzoekscyclus.opslag.zoeken.kies`), and every folder is
  looked at file by file again when that was last done more than
  :data:`VOLLEDIG_NA` seconds ago (always with ``volledig=True``); ``ozc controleer``,
  which looks at the time of every file, has the index read what it saw change.

Only the standard library and ``tomli`` are used, so ``ozc log`` can find a werkgroep by
name among tens of thousands without loading the rest of the library.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.verwijzing import woorden
from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND
from onderzoekscyclus.opslag._toml import lees_begrensd
from onderzoekscyclus.opslag._voortgang import Voortgang
from onderzoekscyclus.opslag.indexrijen import KOLOMMEN, MAPPEN, TABELLEN, Rijen, ontleed

__all__ = [
    "INDEXBESTAND",
    "THEMATELLING",
    "VOLLEDIG_NA",
    "Index",
    "niet_te_vers",
    "transactie",
]

VOLLEDIG_NA = 600
"""Seconds after which a question looks at every file of a folder again, even when the
folder's own modification time says nothing was added or removed: the bound on how
long an edit in place can stay unseen by lists and counts."""

_VERSIE = 15
"""Bumped whenever the tables change; an index of another version is rebuilt."""

_HOOGSTE = "\U0010ffff"

_WACHTEN_S = 60
"""How long a question waits for another process that is writing the index."""

THEMATELLING = (
    "SELECT COUNT(*), COUNT(DISTINCT school) FROM werkgroep_scholen WHERE werkgroep IN "
    "(SELECT werkgroep FROM werkgroep_themas WHERE tekst IN (SELECT value FROM json_each(?)))"
)
"""The count :meth:`Index.thema_telling` remembers in ``tellingen``, of the theme texts
given as a JSON list (which is also the key it is remembered under)."""

_SCHEMA = """
CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT) WITHOUT ROWID;
CREATE TABLE bestanden (
    map TEXT, id TEXT, mtime_ns INTEGER, grootte INTEGER, fout TEXT,
    PRIMARY KEY (map, id)) WITHOUT ROWID;
CREATE TABLE scholen (
    id TEXT PRIMARY KEY, naam TEXT, vnaam TEXT, sector TEXT, bestuur TEXT, cluster TEXT,
    gezag TEXT, conflicten INTEGER) WITHOUT ROWID;
CREATE TABLE personen (
    id TEXT PRIMARY KEY, naam TEXT, vnaam TEXT, school TEXT, rollen TEXT, lectoraat TEXT,
    conflicten INTEGER) WITHOUT ROWID;
CREATE TABLE expertise (persoon TEXT, tekst TEXT);
CREATE TABLE interesses (persoon TEXT, tekst TEXT);
CREATE TABLE groei (persoon TEXT, tekst TEXT);
CREATE TABLE speerpunten (school TEXT, tekst TEXT, volgorde INTEGER);
CREATE TABLE trots (school TEXT, tekst TEXT, volgorde INTEGER);
CREATE TABLE werkgroepen (
    id TEXT PRIMARY KEY, naam TEXT, vnaam TEXT, soort TEXT, cyclus INTEGER, fase TEXT,
    gepauzeerd INTEGER, conclusie TEXT, conclusie_cyclus INTEGER, gestart TEXT,
    conflicten INTEGER) WITHOUT ROWID;
CREATE TABLE werkgroep_scholen (
    werkgroep TEXT, school TEXT, volgorde INTEGER, svnaam TEXT, wvnaam TEXT);
CREATE TABLE werkgroep_themas (werkgroep TEXT, tekst TEXT);
CREATE TABLE leden (
    werkgroep TEXT, persoon TEXT, rol TEXT, volgorde INTEGER, onderzoeksvraag TEXT);
CREATE TABLE werkgroep_jaren (werkgroep TEXT, jaar INTEGER);
CREATE INDEX groei_persoon ON groei (persoon);
CREATE INDEX speerpunten_school ON speerpunten (school);
CREATE INDEX trots_school ON trots (school);
CREATE INDEX trots_tekst ON trots (tekst, school);
CREATE INDEX jaren_werkgroep ON werkgroep_jaren (werkgroep);
CREATE INDEX bestanden_opnieuw ON bestanden (map, id) WHERE mtime_ns = -1;
CREATE INDEX bestanden_fout ON bestanden (map, id) WHERE fout IS NOT NULL;
CREATE INDEX expertise_tekst ON expertise (tekst, persoon);
CREATE INDEX expertise_persoon ON expertise (persoon);
CREATE INDEX interesses_tekst ON interesses (tekst, persoon);
CREATE INDEX interesses_persoon ON interesses (persoon);
CREATE INDEX leden_persoon ON leden (persoon);
CREATE INDEX ws_werkgroep ON werkgroep_scholen (werkgroep, school, volgorde);
CREATE INDEX ws_school ON werkgroep_scholen (school);
CREATE INDEX ws_volgorde ON werkgroep_scholen (svnaam, school, wvnaam, werkgroep);
CREATE INDEX wt_tekst ON werkgroep_themas (tekst, werkgroep);
CREATE INDEX wt_werkgroep ON werkgroep_themas (werkgroep);
CREATE INDEX leden_werkgroep ON leden (werkgroep, rol, persoon, volgorde);
CREATE INDEX scholen_vnaam ON scholen (vnaam);
CREATE INDEX personen_vnaam ON personen (vnaam);
CREATE INDEX werkgroepen_vnaam ON werkgroepen (vnaam);
CREATE TABLE tellingen (sleutel TEXT PRIMARY KEY, aantal INTEGER, scholen INTEGER) WITHOUT ROWID;
"""

# Kept by SQLite itself, whatever path writes the rows: each werkgroep_scholen row carries
# the names it sorts on (the school's, or its id when the school has no file, then the
# werkgroep's), so a page of a theme's schools is read in order from one index; and a
# remembered count of ``tellingen`` (keyed by its theme texts as a JSON list) is forgotten
# when a row it counts changes: a theme row with one of its texts, or a school row of a
# werkgroep with one of them (a werkgroep read again has all its rows replaced, so its
# theme rows going and coming cover every change of what it counts).
_VERGEET_TEKST = (
    "DELETE FROM tellingen WHERE EXISTS "
    "(SELECT 1 FROM json_each(tellingen.sleutel) WHERE value = {rij}.tekst);"
)
_VERGEET_WERKGROEP = (
    "DELETE FROM tellingen WHERE EXISTS (SELECT 1 FROM json_each(tellingen.sleutel) j "
    "JOIN werkgroep_themas wt ON wt.tekst = j.value WHERE wt.werkgroep = {rij}.werkgroep);"
)
_TRIGGERS = (
    f"""CREATE TRIGGER ws_erbij AFTER INSERT ON werkgroep_scholen BEGIN
        UPDATE werkgroep_scholen SET
            svnaam = COALESCE((SELECT vnaam FROM scholen WHERE id = NEW.school), NEW.school),
            wvnaam = (SELECT vnaam FROM werkgroepen WHERE id = NEW.werkgroep)
        WHERE rowid = NEW.rowid;
        {_VERGEET_WERKGROEP.format(rij="NEW")}
    END""",
    f"""CREATE TRIGGER ws_eraf AFTER DELETE ON werkgroep_scholen BEGIN
        {_VERGEET_WERKGROEP.format(rij="OLD")}
    END""",
    f"""CREATE TRIGGER wt_erbij AFTER INSERT ON werkgroep_themas BEGIN
        {_VERGEET_TEKST.format(rij="NEW")}
    END""",
    f"""CREATE TRIGGER wt_eraf AFTER DELETE ON werkgroep_themas BEGIN
        {_VERGEET_TEKST.format(rij="OLD")}
    END""",
    """CREATE TRIGGER school_erbij AFTER INSERT ON scholen BEGIN
        UPDATE werkgroep_scholen SET svnaam = NEW.vnaam WHERE school = NEW.id;
    END""",
    """CREATE TRIGGER school_eraf AFTER DELETE ON scholen BEGIN
        UPDATE werkgroep_scholen SET svnaam = OLD.id WHERE school = OLD.id;
    END""",
    """CREATE TRIGGER werkgroep_erbij AFTER INSERT ON werkgroepen BEGIN
        UPDATE werkgroep_scholen SET wvnaam = NEW.vnaam WHERE werkgroep = NEW.id;
    END""",
)


class Index:
    """The index of one werkplaats; open it, ask, close it (or use ``with``)."""

    def __init__(
        self,
        root: Path,
        *,
        voortgang: bool = False,
        volledig: bool = False,
        pad: Path | None = None,
    ) -> None:
        self.root = Path(root)
        # the index of a linked werkplaats lives with the werkplaats that reads it: nothing
        # is ever written into the other one
        self.eigen = pad is None
        self.pad = self.root / GEGEVENSMAP / INDEXBESTAND if pad is None else Path(pad)
        self.voortgang = voortgang
        self.volledig = volledig
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
        map_ = self.pad.parent
        if self.eigen and (
            map_.is_symlink()
            or (map_.exists() and not map_.resolve().is_relative_to(self.root.resolve()))
        ):
            # a linked data folder leads outside the werkplaats: nothing is written there
            return self._verbind(":memory:")
        try:
            self.pad.parent.mkdir(exist_ok=True, parents=not self.eigen)
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
        db = sqlite3.connect(pad, timeout=_WACHTEN_S, isolation_level=None)
        try:
            versie = db.execute("PRAGMA user_version").fetchone()[0]
            if versie not in (0, _VERSIE):
                raise sqlite3.DatabaseError("index van een andere versie")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if versie == 0:
                with transactie(db):
                    if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                        for opdracht in (*_SCHEMA.split(";"), *_TRIGGERS):
                            if opdracht.strip():
                                db.execute(opdracht)
                        db.execute(f"PRAGMA user_version = {_VERSIE}")
        except BaseException:
            db.close()
            raise
        return db

    def _verwijder(self) -> None:
        _weg(self.pad)

    @staticmethod
    def verwijder(root: Path) -> None:
        """Delete the index of the werkplaats at ``root`` (it is rebuilt when needed)."""
        _weg(Path(root) / GEGEVENSMAP / INDEXBESTAND)

    def herbouw(self) -> None:
        """Throw the index away and start a new one (after it turned out corrupt)."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self._verwijder()
        self.db = self._open()

    # --- keeping it current ---------------------------------------------------------------

    def ververs(self, mappen: Iterable[str] = MAPPEN) -> None:
        """Bring the rows of ``mappen`` up to date, at the cost of a look at each folder.

        A folder whose modification time changed, or that was last looked at file by
        file more than :data:`VOLLEDIG_NA` seconds ago (always, with ``volledig``), is
        looked at file by file; otherwise only its files noted as "look again" are.
        Rows of other folders are checked one by one when they are looked up
        (:meth:`controleer`).
        """
        for map_ in MAPPEN:
            if map_ in mappen:
                self.ververs_als_gewijzigd(map_)

    def ververs_als_gewijzigd(self, map_: str) -> int | None:
        """Look at ``map_`` file by file when files were added, removed or replaced in it
        since (or when a full look is due); otherwise look at its "look again" files.

        Returns the folder's modification time for which the index lists its files.
        """
        mtime = self._map_mtime(map_)
        if (
            self.volledig
            or self._opgeslagen_mtime(map_) != str(mtime)
            or self._volledig_te_oud(map_)
        ):
            return self._bekijk_map(map_)
        self.vers(
            map_,
            {
                r[0]: (r[1], r[2])
                for r in self.db.execute(
                    "SELECT id, mtime_ns, grootte FROM bestanden WHERE map = ? AND mtime_ns = -1",
                    (map_,),
                )
            },
        )
        return mtime

    def _volledig_te_oud(self, map_: str) -> bool:
        rij = self.db.execute(
            "SELECT waarde FROM meta WHERE sleutel = ?", (f"{map_}:volledig",)
        ).fetchone()
        return rij is None or time.time_ns() - int(rij[0]) > VOLLEDIG_NA * 1_000_000_000

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
        with contextlib.suppress(sqlite3.OperationalError):  # busy: look again next time
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                (f"{map_}:volledig", str(time.time_ns())),
            )
        return mtime

    def lees_opnieuw(self, map_: str, ids: Iterable[str]) -> None:
        """Read the files of ``ids`` again, whatever their time and size say (a file
        found to differ from its rows)."""
        te_lezen = []
        for id_ in ids:
            with contextlib.suppress(FileNotFoundError):
                stat = (self.root / map_ / f"{id_}.toml").stat()
                te_lezen.append((id_, stat.st_mtime_ns, stat.st_size))
        if te_lezen:
            self._werk_bij(map_, te_lezen, [], None)

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
        teller = _voortgang(len(te_lezen), actief=self.voortgang)
        for id_, mtime_ns, grootte in te_lezen:
            try:
                inhoud = lees_begrensd(self.root / map_ / f"{id_}.toml")
            except FileNotFoundError:
                weg = [*weg, id_]
                continue
            except OnderzoekscyclusError as onleesbaar:  # no regular file
                gelezen.append((id_, mtime_ns, grootte, onleesbaar.bericht))
                teller.stap()
                continue
            gelezen.append((id_, mtime_ns, grootte, ontleed(map_, id_, inhoud)))
            teller.stap()
        teller.klaar()
        with transactie(self.db):
            ids = [*weg, *(g[0] for g in gelezen)]
            for tabel, kolom in TABELLEN[map_]:
                self.db.executemany(f"DELETE FROM {tabel} WHERE {kolom} = ?", ((i,) for i in ids))
            self.db.executemany(
                "DELETE FROM bestanden WHERE map = ? AND id = ?", ((map_, i) for i in weg)
            )
            per_tabel: Rijen = {}
            for id_, mtime_ns, grootte, rijen in gelezen:
                fout = rijen if isinstance(rijen, str) else None
                self.db.execute(
                    "INSERT OR REPLACE INTO bestanden VALUES (?, ?, ?, ?, ?)",
                    (map_, id_, niet_te_vers(mtime_ns), grootte, fout),
                )
                if not isinstance(rijen, str):
                    for tabel, lijst in rijen.items():
                        per_tabel.setdefault(tabel, []).extend(lijst)
            self.voeg_in(per_tabel)
            if map_mtime is not None:
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    (map_, str(niet_te_vers(map_mtime))),
                )

    def voeg_in(self, rijen: Rijen) -> None:
        """Insert ``rijen`` (per table, as :func:`~onderzoekscyclus.opslag.indexrijen.ontleed`
        gives them), inside the caller's transaction."""
        for tabel, lijst in rijen.items():
            if lijst:
                vraag = ",".join("?" * len(lijst[0]))
                kolommen = f"({', '.join(KOLOMMEN[tabel])})" if tabel in KOLOMMEN else ""
                self.db.executemany(f"INSERT INTO {tabel} {kolommen} VALUES ({vraag})", lijst)

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

    def thema_telling(self, teksten: Iterable[str]) -> tuple[int, int]:
        """How many werkgroep_scholen lines, and how many distinct schools, belong to
        werkgroepen with a theme written as one of ``teksten``; remembered until those
        rows change (see :data:`THEMATELLING`).

        The count is read and stored in one transaction that never waits: when another
        process changed the rows in between (or is writing), storing fails and the
        answer is only used, not kept.
        """
        sleutel = json.dumps(sorted(set(teksten)), ensure_ascii=False)
        rij = self.db.execute(
            "SELECT aantal, scholen FROM tellingen WHERE sleutel = ?", (sleutel,)
        ).fetchone()
        if rij is not None:
            return rij[0], rij[1]
        if self.db.in_transaction:
            rij = self.db.execute(THEMATELLING, (sleutel,)).fetchone()
            return rij[0], rij[1]
        return self._tel_en_onthoud(sleutel)

    def _tel_en_onthoud(self, sleutel: str) -> tuple[int, int]:
        self.db.execute("PRAGMA busy_timeout = 0")
        self.db.execute("BEGIN")
        vastgelegd = False
        try:
            rij = self.db.execute(THEMATELLING, (sleutel,)).fetchone()
            with contextlib.suppress(sqlite3.OperationalError):  # changed meanwhile, or busy
                self.db.execute(
                    "INSERT OR REPLACE INTO tellingen VALUES (?, ?, ?)", (sleutel, *rij)
                )
                self.db.execute("COMMIT")
                vastgelegd = True
        finally:
            if not vastgelegd and self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.db.execute(f"PRAGMA busy_timeout = {_WACHTEN_S * 1000}")
        return rij[0], rij[1]

    def lijsttabel(self, naam: str, waarden: Iterable[Any]) -> str:
        """A temporary table ``naam`` with one column ``waarde`` holding ``waarden`` (each
        once), to join instead of a long ``IN (…)``; made anew on every call. Returns the
        name to use in a query."""
        self.db.execute(f"DROP TABLE IF EXISTS temp.{naam}")
        self.db.execute(f"CREATE TEMP TABLE {naam} (waarde PRIMARY KEY) WITHOUT ROWID")
        self.db.executemany(
            f"INSERT OR IGNORE INTO temp.{naam} VALUES (?)", ((w,) for w in waarden)
        )
        return f"temp.{naam}"

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

        The selection is wider than :func:`onderzoekscyclus.domein.verwijzing.zoek` needs,
        so ``zoek`` over it gives the same answer as over every name: the exact id or
        name when there is one (they win), otherwise every name or id that starts with
        the reference and every name that holds each typed word somewhere.
        """
        tabel = map_
        if gezocht is None:
            return self.rijen(f"SELECT id, naam FROM {tabel} ORDER BY id")
        ref = gezocht.strip()
        g = vergelijkbaar(gezocht)
        # the exact id or name, found through the indexes, decides at once
        exact = self.rijen(
            f"SELECT id, naam FROM {tabel} WHERE id = ? OR vnaam = ? ORDER BY id", (ref, g)
        )
        if exact:
            return exact
        # a word typed is the start of a word of the name, so somewhere in the name
        getypt = woorden(g)
        bevat = " AND ".join(["instr(vnaam, ?) > 0"] * len(getypt)) if getypt else "0"
        return self.rijen(
            f"SELECT id, naam FROM {tabel} WHERE (vnaam >= ? AND vnaam < ?) "
            f"OR (id >= ? AND id < ?) OR ({bevat}) ORDER BY id",
            (g, g + _HOOGSTE, g, g + _HOOGSTE, *getypt),
        )


# --- small helpers ------------------------------------------------------------------------------


_TE_VERS = 2_000_000_000
"""A file changed less than 2 s ago may change again within the same clock tick of the
file system, keeping its modification time; such a file is read again next time."""


def niet_te_vers(mtime_ns: int) -> int:
    """``mtime_ns``, or -1 for a file changed so recently that it may change again unseen."""
    return -1 if time.time_ns() - mtime_ns < _TE_VERS else mtime_ns


def _is_bezet(fout: sqlite3.OperationalError) -> bool:
    return "locked" in str(fout) or "busy" in str(fout)


def _weg(pad: Path) -> None:
    """Delete the index database at ``pad`` with its journal files."""
    for achtervoegsel in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            pad.with_name(pad.name + achtervoegsel).unlink()


@contextlib.contextmanager
def transactie(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction (nested ones join the outer one)."""
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


def _voortgang(totaal: int, *, actief: bool) -> Voortgang:
    return Voortgang(
        totaal,
        actief=actief,
        bezig=lambda n, t: _("Index bijwerken: {n} van {totaal} bestanden gelezen").format(
            n=n, totaal=t
        ),
        klaar=lambda t: _("Index bijgewerkt: {totaal} bestanden gelezen.").format(totaal=t),
    )
