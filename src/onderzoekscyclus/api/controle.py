"""Every problem in a werkplaats, looking again only at what changed since the last check.

A full check reads every file; with tens of thousands that takes a minute. So
:func:`controleer` keeps, per file, what it found (see
:mod:`onderzoekscyclus.opslag.controlecache`) and the next time:

1. lists every folder and notes each file's modification time and size (cheap, even
   for tens of thousands of files);
2. reads again only the files that are new or whose time or size changed (and those
   noted as "look again": changed within the last clock tick, or unreadable for a
   reason outside the file), and those whose lines would read differently now: made
   in another language, or holding a date that "today" moved past; a file whose bytes
   turn out the same as before is not checked again;
3. forgets the files that are gone;
4. reads again every file that refers to a school, person or werkgroep that appeared,
   disappeared, or (a werkgroep) changed its name or cycles, since its references
   were checked against what was there before;
5. looks for duplicates (two schools with one BRIN code …) among the entities that
   share a key, from what the cache holds of every file.

The answer is the one a full check gives. Only an edit that keeps a file's size and
puts its old modification time back (``cp -p``, some sync tools) cannot be seen this
way; ``alles=True`` (``ozc controleer --alles``) reads every file, spread over the
processors, and finds that too.

Along the way the derived index is checked (see
:mod:`onderzoekscyclus.opslag.indexcontrole`): per folder, whether it lists the files
there are; per file read, whether its rows are the file's. When it is off, a line says
so and the index is deleted; the next question rebuilds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.i18n import _, huidige_taal, ngettext
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND, ROOTBESTAND
from onderzoekscyclus.opslag._voortgang import Voortgang
from onderzoekscyclus.opslag.controlecache import Controlecache, Rij
from onderzoekscyclus.opslag.index import Index, niet_te_vers
from onderzoekscyclus.opslag.indexcontrole import Indexblik
from onderzoekscyclus.opslag.indexrijen import MAPPEN as INDEXMAPPEN
from onderzoekscyclus.opslag.schrijver import MAPPEN

if TYPE_CHECKING:
    from onderzoekscyclus.api._controlewerk import Context, Taak, Uitslag
    from onderzoekscyclus.domein import samenhang
    from onderzoekscyclus.opslag.schema import Migratie

__all__ = ["Controle", "controleer"]

DOELSOORTEN = ("school", "persoon", "werkgroep", "bezoek")
"""The kinds of entity other files refer to."""

_PARALLEL_VANAF = 400
"""From this many files to read, the work is spread over processes."""

_PORTIE = 256_000
"""About how many bytes of files a worker process reads at a time (some 0.1 s of work)."""

_MEESTE_INDEXREGELS = 10
"""At most this many files are named when the index differs (it is rebuilt anyway)."""


class Controle(NamedTuple):
    """The outcome of a check: every problem (one line each, as :func:`controleer`
    describes), how many files were read in this run, and how many entity files the
    werkplaats has."""

    problemen: list[str]
    bekeken: int
    bestanden: int


def controleer(
    root: Path,
    vandaag: dt.date,
    *,
    alles: bool = False,
    herbouw: bool = False,
    voortgang: bool = False,
    processen: int | None = None,
    migraties: Mapping[tuple[str, int], Migratie] | None = None,
) -> Controle:
    """Every problem in the files of the werkplaats at ``root``, one line each with the
    file, the field, what is wrong and the way out: the root file, file names that are
    no id, files that cannot be read (each one, also when the system refuses it),
    references that point at nothing, states no operation makes (see
    :mod:`onderzoekscyclus.domein.samenhang`; ``vandaag`` is today), and a derived index
    that does not match the files. Read-errors come first, per folder in file order;
    then per entity (schools, persons, werkgroepen, besluiten, zelfevaluaties, each in
    id order) what is wrong with it; then the index.

    By default only what changed since the last check is read (see the module). With
    ``alles`` every file is read, over ``processen`` processes (by default one per
    processor); with ``herbouw`` the index and the kept findings are thrown away first.
    With ``voortgang`` a counter on standard error shows how far a long run is.
    ``migraties`` other than the standard ones are used for this run only: nothing
    found with them is kept.
    """
    root = Path(root)
    if herbouw:
        Index.verwijder(root)
        Controlecache.verwijder(root)
    cache = Controlecache(root, leeg=alles or herbouw, alleen_geheugen=migraties is not None)
    try:
        uitkomst = _Run(root, vandaag, cache, voortgang, processen, migraties, alles=alles).doe()
    except BaseException:
        cache.close()
        raise
    cache.bewaar()
    return uitkomst


class _Lijst(NamedTuple):
    """What listing the folders found."""

    stats: dict[str, dict[str, tuple[int, int]]]
    """Per folder: ``id -> (mtime_ns, size)`` of every file with an id for a name."""
    regels: dict[str, list[tuple[str, str]]]
    """Per folder: (file name, line) of every file that is not even looked into."""
    map_mtimes: dict[str, int | None]
    veranderd: list[tuple[str, str]]
    """(folder, id) of the files that are new, or whose time or size is not as known."""
    weg: list[tuple[str, str]]
    """(folder, id) of the files known that are gone."""

    def aantal(self) -> int:
        """How many files with an id for a name there are."""
        return sum(len(s) for s in self.stats.values())


class Bestaan:
    """The ids of one kind of entity taken to exist: those of the files there are,
    except those known not to be readable (and what reading showed otherwise). Answers
    ``in`` without copying the list of files, however long."""

    def __init__(self, ids: Collection[str], niet: Collection[str] = ()) -> None:
        self.ids = ids
        self.niet = set(niet)
        self.wel: set[str] = set()

    def __contains__(self, id_: object) -> bool:
        return id_ in self.wel or (id_ in self.ids and id_ not in self.niet)

    def add(self, id_: str) -> None:
        """Take ``id_`` to exist."""
        self.niet.discard(id_)
        self.wel.add(id_)

    def discard(self, id_: str) -> None:
        """Take ``id_`` not to exist."""
        self.wel.discard(id_)
        self.niet.add(id_)


class _Ronde:
    """One round of reading: which entities are taken to exist, and what turned out
    otherwise. ``nieuw``: the cache holds nothing yet of the files read."""

    def __init__(self, bestaat: dict[str, Bestaan], *, nieuw: bool) -> None:
        self.bestaat = bestaat
        self.nieuw = nieuw
        self.omgeslagen: set[tuple[str, str]] = set()
        self.anders: set[tuple[str, str]] = set()


class _Run:
    """One check: what is known, what is read, and what it adds up to."""

    def __init__(
        self,
        root: Path,
        vandaag: dt.date,
        cache: Controlecache,
        voortgang: bool,
        processen: int | None,
        migraties: Mapping[tuple[str, int], Migratie] | None,
        *,
        alles: bool = False,
    ) -> None:
        self.root = root
        self.alles = alles
        self.vandaag = vandaag
        self.dag = vandaag.isoformat()
        self.taal = huidige_taal()
        self.cache = cache
        self.voortgang = voortgang
        self.processen = processen
        self.migraties = migraties
        self.lijst = _lijst(root, {map_: cache.stats(map_) for map_ in MAPPEN})
        self.oud: dict[tuple[str, str], Rij] = {}
        self.gelezen: dict[tuple[str, str], Uitslag] = {}
        self.zelfde: dict[tuple[str, str], Uitslag] = {}
        self.weg: set[tuple[str, str]] = set()
        self.index_wijkt_af: set[tuple[str, str]] = set()

    def doe(self) -> Controle:
        taken = self._te_lezen()
        if taken or self.weg:
            self._lees_tot_alles_klopt(taken)
        self._bewaar()
        if self._dubbel_opnieuw():
            self._zoek_dubbel()
        self.cache.zet_meta("vandaag", self.dag)
        self.cache.zet_meta("taal", self.taal)
        problemen = [*self._rootbestand(), *self._regels(), *self._index()]
        self._index_bij()
        gelezen = len(self.gelezen.keys() | self.zelfde.keys())
        return Controle(problemen, gelezen, self.lijst.aantal())

    def _index_bij(self) -> None:
        """Let an existing index look again at the files this run saw change (an edit in
        place leaves the folder's time alone, so a question would not look at them)."""
        per_map: dict[str, list[str]] = {}
        for map_, id_ in self.lijst.veranderd:
            if map_ in INDEXMAPPEN:
                per_map.setdefault(map_, []).append(id_)
        if not per_map or not (self.root / GEGEVENSMAP / INDEXBESTAND).exists():
            return
        with contextlib.suppress(sqlite3.Error, OSError), Index(self.root) as index:
            for map_, ids in per_map.items():
                index.controleer(map_, ids)

    # --- what to read -------------------------------------------------------------------

    def _te_lezen(self) -> list[Taak]:
        gedwongen: set[tuple[str, str]] = set()
        if self.cache.meta("vandaag") != self.dag or self.cache.meta("taal") != self.taal:
            gedwongen = self.cache.te_herzien(self.dag, self.taal)
        nieuw = self.lijst.veranderd
        if gedwongen:
            nieuw = sorted({*nieuw, *(s for s in gedwongen if self._is_er(s))})
        self.weg.update(self.lijst.weg)
        self._ken_oud([*nieuw, *self.weg])
        if not nieuw:
            return []
        # only now the library is loaded: a run in which nothing changed does without
        from onderzoekscyclus.api._controlewerk import Taak  # noqa: PLC0415

        taken = []
        for map_, id_ in sorted(nieuw):
            rij = self.oud.get((map_, id_))
            hash_ = rij.hash if rij is not None and (map_, id_) not in gedwongen else None
            taken.append(Taak(map_, id_, *self.lijst.stats[map_][id_], hash_))
        return taken

    def _is_er(self, sleutel: tuple[str, str]) -> bool:
        """Whether the file (map, id) was there when the folders were listed."""
        return sleutel[1] in self.lijst.stats.get(sleutel[0], {})

    def _ken_oud(self, sleutels: Iterable[tuple[str, str]]) -> None:
        """Fetch what the cache holds of these files (once)."""
        per_map: dict[str, list[str]] = {}
        for map_, id_ in sleutels:
            if (map_, id_) not in self.oud:
                per_map.setdefault(map_, []).append(id_)
        for map_, ids in per_map.items():
            self.oud.update(((map_, i), r) for i, r in self.cache.rijen(map_, ids).items())

    def _bestaat(self) -> dict[str, Bestaan]:
        """Per kind, the ids taken to exist while reading: every file there is, except
        those that could not be read the last time (the reading corrects this)."""
        niet = self.cache.niet_leesbaar()
        return {
            MAPPEN[map_]: Bestaan(self.lijst.stats.get(map_, {}), {i for m, i in niet if m == map_})
            for map_ in MAPPEN
            if MAPPEN[map_] in DOELSOORTEN
        }

    def _lees_tot_alles_klopt(self, taken: list[Taak]) -> None:
        """Read ``taken``, then every file whose references were checked against what
        turned out otherwise, until nothing is left to read again. What is read is kept
        in the cache as it comes in."""
        from onderzoekscyclus.api._controlewerk import Context, Taak  # noqa: PLC0415

        bestaat = self._bestaat()
        index = Indexblik(self.root)
        vergelijk = index.beschikbaar
        index.close()
        eerste = True
        while taken or eerste:
            context = Context(
                str(self.root),
                self.vandaag,
                self.taal,
                bestaat,
                self.migraties,
                met_index=vergelijk and eerste,
            )
            ronde = _Ronde(bestaat, nieuw=eerste and self.cache.leeg_begonnen)
            self._lees(context, taken, functools.partial(self._neem, ronde))
            if eerste:
                ronde.anders |= self._weg_was_er()
            opnieuw = {
                sleutel
                for sleutel, u in self.gelezen.items()
                if u.staat == "ok" and ronde.omgeslagen.intersection(u.doelen)
            }
            if len(self.gelezen) + len(self.zelfde) < self.lijst.aantal():
                # files not read now that refer to what changed (when every file was
                # read, there are none)
                self.cache.maak_indexen()
                opnieuw |= self.cache.verwijzers(ronde.anders) - self.gelezen.keys()
            opnieuw = {s for s in opnieuw if self._is_er(s) and s not in self.weg}
            self._ken_oud(opnieuw)
            taken = [Taak(m, i, *self.lijst.stats[m][i]) for m, i in sorted(opnieuw)]
            eerste = False

    def _neem(self, ronde: _Ronde, uitslagen: Sequence[Uitslag]) -> None:
        """Take in what was read: note what turned out otherwise than the reading took
        (``ronde.omgeslagen``: files read look again at their references to it) or than
        the cache held (``ronde.anders``: files that refer to it are read again), and
        keep it."""
        bestaat = ronde.bestaat
        for u in uitslagen:
            sleutel = (u.map, u.id)
            if u.staat == "weg":
                self.weg.add(sleutel)
                self.gelezen.pop(sleutel, None)
                nieuw: tuple[bool, object] = (False, None)
            elif u.staat == "zelfde":
                self.zelfde[sleutel] = u
                nieuw = _toestand(u.map, self.oud[sleutel])
            else:
                self.gelezen[sleutel] = u
                self.zelfde.pop(sleutel, None)
                nieuw = _toestand(u.map, u)
                if u.index_wijkt_af:
                    self.index_wijkt_af.add(sleutel)
            soort = MAPPEN[u.map]
            if soort not in DOELSOORTEN:
                continue
            if nieuw[0] != (u.id in bestaat[soort]):
                ronde.omgeslagen.add((soort, u.id))
                (bestaat[soort].add if nieuw[0] else bestaat[soort].discard)(u.id)
            oud = self.oud.get(sleutel)
            if nieuw != (_toestand(u.map, oud) if oud else (False, None)):
                ronde.anders.add((soort, u.id))
        self._schrijf(uitslagen, nieuw=ronde.nieuw)

    def _weg_was_er(self) -> set[tuple[str, str]]:
        """The entities that could be read the last time and are gone now."""
        uit = set()
        for map_, id_ in self.weg:
            oud = self.oud.get((map_, id_))
            if MAPPEN[map_] in DOELSOORTEN and oud is not None and oud.ok:
                uit.add((MAPPEN[map_], id_))
        return uit

    def _lees(
        self,
        context: Context,
        taken: Sequence[Taak],
        neem: Callable[[Sequence[Uitslag]], None],
    ) -> None:
        if not taken:
            return
        from onderzoekscyclus.api import _controlewerk as werk  # noqa: PLC0415

        teller = _voortgang(len(taken), actief=self.voortgang)
        processen = self.processen or _processoren()
        if len(taken) >= _PARALLEL_VANAF and processen > 1 and context.migraties is None:
            rest = _verdeeld(context, taken, processen, teller, neem)
        else:
            rest = list(taken)
        with Indexblik(self.root) as blik:
            for deel in _in_delen(rest, 100):
                neem(werk.lees(context, deel, blik if context.met_index else None))
                teller.stap(len(deel))
        teller.klaar()

    # --- keeping it ---------------------------------------------------------------------

    def _schrijf(self, uitslagen: Sequence[Uitslag], *, nieuw: bool) -> None:
        """Keep what was read (a file that refers to a cycle by number waits for
        :meth:`_bewaar`: that needs every werkgroep read first)."""
        rijen = []
        for u in uitslagen:
            mtime_ns, grootte = self.lijst.stats[u.map][u.id]
            if u.staat == "zelfde":
                self.cache.zet_stat(u.map, u.id, niet_te_vers(mtime_ns), grootte)
            elif u.staat != "weg" and not (u.staat == "ok" and u.cyclusverwijzingen):
                rijen.append((u.map, u.id, self._rij(u, ()), u.doelen, u.sleutels))
        self.cache.schrijf(rijen, nieuw=nieuw)

    def _rij(self, u: Uitslag, cyclusregels: Sequence[str]) -> Rij:
        mtime_ns, grootte = self.lijst.stats[u.map][u.id]
        ok = u.staat == "ok"
        return Rij(
            -1 if u.staat == "systeem" else niet_te_vers(mtime_ns),
            grootte,
            u.hash,
            ok,
            u.naam,
            u.brin,
            u.scholen,
            u.cycli,
            u.laatste,
            self.dag,
            self.taal,
            leesfout=not ok,
            regels=(*u.verwijzingen, *cyclusregels, *u.eigen) if ok else u.leesregels,
        )

    def _bewaar(self) -> None:
        self.cache.maak_indexen()
        for map_ in MAPPEN:
            self.cache.vergeet(map_, sorted(i for m, i in self.weg if m == map_))
        cycli = self._cyclusregels()
        self.cache.schrijf(
            [
                (m, i, self._rij(self.gelezen[m, i], regels), u.doelen, u.sleutels)
                for (m, i), regels in cycli.items()
                for u in (self.gelezen[m, i],)
            ],
            nieuw=False,
        )

    def _cyclusregels(self) -> dict[tuple[str, str], list[str]]:
        """The lines of references to a cycle by number, of the files read."""
        met = {k: u for k, u in self.gelezen.items() if u.staat == "ok" and u.cyclusverwijzingen}
        if not met:
            return {}
        from onderzoekscyclus.domein import samenhang  # noqa: PLC0415

        groepen = {g for u in met.values() for _pad, g, _n in u.cyclusverwijzingen}
        self._ken_oud(("werkgroepen", g) for g in groepen)
        bekend: dict[str, samenhang.Kenmerken] = {}
        for groep in groepen:
            sleutel = ("werkgroepen", groep)
            u = self.gelezen.get(sleutel)
            oud = self.oud.get(sleutel)
            if sleutel in self.weg:
                continue
            if u is not None and u.staat == "ok":
                bekend[groep] = samenhang.Kenmerken("werkgroep", groep, u.naam or "", cycli=u.cycli)
            elif u is None and oud is not None and oud.ok:
                bekend[groep] = samenhang.Kenmerken(
                    "werkgroep", groep, oud.naam or "", cycli=oud.cycli
                )
        uit = {}
        for (map_, id_), u in met.items():
            deel = samenhang.Kenmerken(MAPPEN[map_], id_, cyclusverwijzingen=u.cyclusverwijzingen)
            label = f"{map_}/{id_}.toml"
            uit[map_, id_] = [
                f"{label} @ {p.pad}: {p.tekst()}" for p in samenhang.onbekende_cycli(deel, bekend)
            ]
        return uit

    # --- duplicates ---------------------------------------------------------------------

    def _dubbel_opnieuw(self) -> bool:
        """Whether duplicates must be looked for again: the lines kept are in another
        language, or a school, werkgroep or person came, went, or changed what it must
        not share with another (or the name a line about it uses)."""
        if self.cache.meta("dubbel") != self.taal:
            return True
        for sleutel in self.weg | self.gelezen.keys():
            if sleutel[0] not in ("scholen", "werkgroepen", "personen"):
                continue
            oud, u = self.oud.get(sleutel), self.gelezen.get(sleutel)
            was = (oud.ok, oud.naam, oud.brin, oud.scholen) if oud and oud.ok else None
            wordt = (True, u.naam, u.brin, u.scholen) if u and u.staat == "ok" else None
            if was != wordt:
                return True
        return False

    def _zoek_dubbel(self) -> None:
        from onderzoekscyclus.domein import samenhang  # noqa: PLC0415

        kandidaten = self.cache.dubbelkandidaten()
        rijen: dict[tuple[str, str], Rij] = {}
        for map_ in ("scholen", "werkgroepen", "personen"):
            ids = [i for m, i in kandidaten if m == map_]
            rijen.update(((map_, i), r) for i, r in self.cache.rijen(map_, ids).items())
        scholen = {s for (m, _i), r in rijen.items() if m == "werkgroepen" for s in r.scholen}
        namen = {i: r.naam or "" for i, r in self.cache.rijen("scholen", scholen).items() if r.ok}
        delen = [
            samenhang.Kenmerken(
                MAPPEN[m], i, naam=r.naam or "", brin=r.brin or "", scholen=r.scholen
            )
            for (m, i), r in rijen.items()
        ]
        regels: dict[tuple[str, str], list[str]] = {}
        for p in samenhang.dubbele(delen, namen):
            map_ = {"school": "scholen", "persoon": "personen"}.get(p.soort, "werkgroepen")
            regels.setdefault((map_, p.id), []).append(regel(p, map_))
        self.cache.zet_dubbel(regels)
        self.cache.zet_meta("dubbel", self.taal)

    # --- the answer ---------------------------------------------------------------------

    def _rootbestand(self) -> list[str]:
        """The problems of the root file (read again when it changed)."""
        try:
            stat = (self.root / ROOTBESTAND).stat()
        except OSError:
            stat = None
        bewaard = self.cache.meta("rootbestand")
        if stat is not None and bewaard is not None:
            mtime_ns, grootte, taal, regels = json.loads(bewaard)
            if (mtime_ns, grootte, taal) == (stat.st_mtime_ns, stat.st_size, self.taal):
                return list(regels)
        regels, opnieuw = _lees_rootbestand(self.root, self.migraties)
        if stat is not None:
            mtime_ns = -1 if opnieuw else niet_te_vers(stat.st_mtime_ns)
            bewaren = [mtime_ns, stat.st_size, self.taal, regels]
            self.cache.zet_meta("rootbestand", json.dumps(bewaren, ensure_ascii=False))
        return regels

    def _regels(self) -> list[str]:
        """Every line kept: files that cannot be read first, then per entity."""
        lezen: dict[str, list[tuple[str, tuple[str, ...]]]] = {m: [] for m in MAPPEN}
        for map_, lijst in self.lijst.regels.items():
            lezen[map_].extend((naam, (regel,)) for naam, regel in lijst)
        per_ding: dict[tuple[str, str], list[str]] = {}
        for (map_, id_), regels in self.cache.dubbel().items():
            per_ding.setdefault((map_, id_), []).extend(regels)
        for map_, id_, leesfout, regels in self.cache.meldingen():
            if leesfout:
                lezen[map_].append((f"{id_}.toml", regels))
            else:
                per_ding.setdefault((map_, id_), []).extend(regels)
        uit = [r for map_ in MAPPEN for _naam, regels in sorted(lezen[map_]) for r in regels]
        volgorde = {map_: i for i, map_ in enumerate(MAPPEN)}
        for sleutel in sorted(per_ding, key=lambda s: (volgorde[s[0]], s[1])):
            uit += per_ding[sleutel]
        return uit

    def _index(self) -> list[str]:
        """Lines for an index that does not match the files (which is then deleted)."""
        with Indexblik(self.root) as blik:
            if not blik.beschikbaar:
                return []
            gezien = {m: s.keys() for m, s in self.lijst.stats.items()}
            mappen = blik.mappen_die_afwijken(gezien, self.lijst.map_mtimes)
            # what the index derives from its own rows, as every file's rows: with --alles
            # (at 7,000 schools it costs 40 ms, a tenth of a check after one change)
            afgeleid = self.alles and blik.afgeleid_wijkt_af()
        bestanden = sorted(f"{m}/{i}.toml" for m, i in self.index_wijkt_af)
        if not mappen and not bestanden and not afgeleid:
            return []
        with contextlib.suppress(OSError):  # a folder we may not write in: the lines still say it
            Index.verwijder(self.root)
        uit = [
            _(
                "De index noemt andere bestanden in {map}/ dan er staan; hij wordt opnieuw "
                "opgebouwd."
            ).format(map=m)
            for m in mappen
        ]
        if afgeleid:
            uit.append(
                _(
                    "De index klopt niet met zichzelf (de volgorde of een telling die hij "
                    "onthield); hij wordt opnieuw opgebouwd."
                )
            )
        uit += [
            _("De index wijkt af voor {bestand}; hij wordt opnieuw opgebouwd.").format(bestand=b)
            for b in bestanden[:_MEESTE_INDEXREGELS]
        ]
        rest = len(bestanden) - _MEESTE_INDEXREGELS
        if rest > 0:
            uit.append(
                ngettext(
                    "De index wijkt ook af voor {n} ander bestand.",
                    "De index wijkt ook af voor {n} andere bestanden.",
                    rest,
                ).format(n=rest)
            )
        return uit


def regel(p: samenhang.Probleem, map_: str) -> str:
    """The line of problem ``p`` of a file in ``map_``: the file, the field, what is
    wrong and the way out; for one school or person added twice (in two clones, say)
    also the command that joins them.

    .. versionadded:: 0.2.0
    """
    tekst = f"{map_}/{p.id}.toml @ {p.pad}: {p.tekst()}"
    if p.code in ("school.brin-dubbel", "persoon.dubbel"):
        tekst += " " + _("Samenvoegen: `ozc {soort} samenvoegen {ander} {id}`.").format(
            soort=p.soort, ander=p.waarden.get("ander"), id=p.id
        )
    return tekst


def _toestand(map_: str, wat: Rij | Uitslag) -> tuple[bool, object]:
    """What files that refer to a file depend on: whether it exists, and (a werkgroep)
    its name and cycle numbers."""
    ok = wat.ok if isinstance(wat, Rij) else wat.staat == "ok"
    return (ok, (wat.naam, wat.cycli) if ok and map_ == "werkgroepen" else None)


def _lees_rootbestand(
    root: Path, migraties: Mapping[tuple[str, int], Migratie] | None
) -> tuple[list[str], bool]:
    """The problems of the root file, and whether to read it again next time whatever
    its time says (the system would not let it be read)."""
    from onderzoekscyclus.api._controlewerk import regels_van, systeemregel  # noqa: PLC0415
    from onderzoekscyclus.errors import OnderzoekscyclusError  # noqa: PLC0415
    from onderzoekscyclus.opslag.bestanden import Opslag  # noqa: PLC0415

    opslag = Opslag(root) if migraties is None else Opslag(root, migraties=migraties)
    try:
        opslag.info()
    except OnderzoekscyclusError as fout:
        return regels_van(fout, ROOTBESTAND), False
    except OSError as fout:
        return [systeemregel(ROOTBESTAND, fout)], True
    return [], False


# --- listing the folders -------------------------------------------------------------------


def _lijst(root: Path, bekend: Mapping[str, Mapping[str, tuple[int, int]]]) -> _Lijst:
    """Every file of every folder, with its time and size (one look per file), compared
    with what is ``bekend`` of them (per folder ``id -> (mtime_ns, size)``, a time of
    -1 for a file to read again anyway)."""
    lijst = _Lijst({}, {}, {}, [], [])
    for map_ in MAPPEN:
        _lijst_map(root, map_, bekend.get(map_, {}), lijst)
    return lijst


def _lijst_map(root: Path, map_: str, bekend: Mapping[str, tuple[int, int]], lijst: _Lijst) -> None:
    # the one loop that runs for every file on every check: kept plain
    stats: dict[str, tuple[int, int]] = {}
    regels: list[tuple[str, str]] = []
    lijst.stats[map_], lijst.regels[map_] = stats, regels
    pad = os.path.join(root, map_)  # noqa: PTH118 - plain strings: tens of thousands of files
    try:
        lijst.map_mtimes[map_] = os.stat(pad).st_mtime_ns  # noqa: PTH116
        with os.scandir(pad) as inhoud:
            for item in inhoud:
                naam = item.name
                if naam[-5:] != ".toml":
                    continue
                id_ = naam[:-5]
                oud = bekend.get(id_)
                if oud is None and not is_geldig_id(id_):
                    regels.append((naam, _geen_id(f"{map_}/{naam}")))
                    continue
                try:
                    stat = item.stat()
                except OSError as fout:
                    if not item.is_symlink() and isinstance(fout, FileNotFoundError):
                        continue  # removed while we looked
                    regels.append((naam, _niet_te_zien(f"{map_}/{naam}", fout)))
                    continue
                nu = (stat.st_mtime_ns, stat.st_size)
                stats[id_] = nu
                if oud != nu:
                    lijst.veranderd.append((map_, id_))
    except (FileNotFoundError, NotADirectoryError):
        lijst.map_mtimes.setdefault(map_, None)  # no such folder: nothing in it
    except OSError as fout:
        lijst.map_mtimes.setdefault(map_, None)
        regels.append(("", _map_onleesbaar(map_, fout)))
    lijst.weg.extend((map_, i) for i in bekend.keys() - stats.keys())


def _geen_id(bestand: str) -> str:
    return _(
        "{bestand}: de bestandsnaam is geen geldig id (kleine letters, cijfers, koppeltekens)."
    ).format(bestand=bestand)


def _niet_te_zien(bestand: str, fout: OSError) -> str:
    if isinstance(fout, FileNotFoundError):
        return _(
            "{bestand}: dit is een koppeling naar een bestand dat niet bestaat. Haal de "
            "koppeling weg, of zet het bestand zelf op deze plek."
        ).format(bestand=bestand)
    from onderzoekscyclus.api._controlewerk import systeemregel  # noqa: PLC0415

    return systeemregel(bestand, fout)


def _map_onleesbaar(map_: str, fout: OSError) -> str:
    if isinstance(fout, PermissionError):
        return _(
            "{map}/: deze map mag niet gelezen worden (geen toestemming), dus de bestanden "
            "erin zijn niet gecontroleerd. Geef leesrechten op de map."
        ).format(map=map_)
    return _(
        "{map}/: de map kan niet gelezen worden ({fout}), dus de bestanden erin zijn niet "
        "gecontroleerd. Controleer de schijf of de verbinding en probeer het opnieuw."
    ).format(map=map_, fout=fout.strerror or type(fout).__name__)


# --- spreading the work --------------------------------------------------------------------


def _processoren() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every system
        return os.cpu_count() or 1


def _in_delen(taken: Sequence[Taak], grootte: int) -> Iterable[Sequence[Taak]]:
    for i in range(0, len(taken), grootte):
        yield taken[i : i + grootte]


def _in_porties(taken: Sequence[Taak], processen: int) -> list[list[Taak]]:
    """``taken`` in parts of about equal bytes (reading takes time by the byte), the
    largest files first: the parts that come last are short, so no process is left
    alone with a long one at the end."""
    totaal = sum(t.grootte for t in taken)
    grens = min(_PORTIE, max(_PORTIE // 8, totaal // (processen * 8)))
    delen: list[list[Taak]] = [[]]
    bytes_ = 0
    for taak in sorted(taken, key=lambda t: -t.grootte):
        if bytes_ >= grens:
            delen.append([])
            bytes_ = 0
        delen[-1].append(taak)
        bytes_ += taak.grootte
    return delen


def _verdeeld(
    context: Context,
    taken: Sequence[Taak],
    processen: int,
    teller: Voortgang,
    neem: Callable[[Sequence[Uitslag]], None],
) -> list[Taak]:
    """Read ``taken`` in ``processen`` worker processes, handing each part read to
    ``neem`` as it comes in (this process keeps it meanwhile). Returns what is left to
    read here (all of it when processes cannot be started)."""
    import concurrent.futures as cf  # noqa: PLC0415 - only for a long run
    import multiprocessing  # noqa: PLC0415
    import threading  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    from onderzoekscyclus.api import _controlewerk as werk  # noqa: PLC0415

    # forking copies the library already loaded, so workers start at once; a process
    # with other threads (a web server) is not forked: a lock one of them holds would
    # stay held in the copy
    methodes = multiprocessing.get_all_start_methods()
    enkel = threading.active_count() == 1
    methode = "fork" if "fork" in methodes and enkel else "spawn"
    delen = _in_porties(taken, processen)
    klaar: set[int] = set()
    try:
        with cf.ProcessPoolExecutor(
            max_workers=processen,
            mp_context=multiprocessing.get_context(methode),
            initializer=werk.start,
            initargs=(context,),
        ) as pool:
            lopend = {pool.submit(werk.lees_in_proces, deel): i for i, deel in enumerate(delen)}
            for gedaan in cf.as_completed(lopend):
                neem(gedaan.result())
                klaar.add(lopend[gedaan])
                teller.stap(len(delen[lopend[gedaan]]))
    except (OSError, NotImplementedError, BrokenProcessPool):
        pass  # no processes here (a sandbox, a platform without them): read the rest here
    return [t for i, deel in enumerate(delen) if i not in klaar for t in deel]


def _voortgang(totaal: int, *, actief: bool) -> Voortgang:
    return Voortgang(
        totaal,
        actief=actief,
        bezig=lambda n, t: _("Controleren: {n} van {totaal} bestanden gelezen").format(
            n=n, totaal=t
        ),
        klaar=lambda t: _("Gecontroleerd: {totaal} bestanden gelezen.").format(totaal=t),
    )
