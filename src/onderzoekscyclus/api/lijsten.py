"""Lists with filters and pages: the same answer from the files and from the index.

Every list of the API (``wp.scholen.lijst(sector="po", limit=20)``) is answered in three
steps: a small record per entity (its id, its name as it sorts, and what the filters
look at), the filter and the order (by name, then id), and the page (``offset``,
``limit``). Only the entities of the page are read whole.

The records come from the derived index when the werkplaats has one (or a folder is so
large that reading every file would be slow), otherwise from the files themselves. Both
make the same records, and the filter works on records only, so the answer does not
depend on where the records came from; a property test compares the two.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import attrs

from onderzoekscyclus.api._pagina import pagina
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND
from onderzoekscyclus.opslag.bestanden import Opslag
from onderzoekscyclus.opslag.index import Index
from onderzoekscyclus.opslag.zoeken import GROOT, aantal_bestanden

__all__ = ["Kenmerken", "kenmerken", "pagina", "selecteer", "werkgroepen_met_cyclus"]

T = TypeVar("T")


@attrs.frozen
class Kenmerken:
    """What a filter looks at of one school, person or werkgroep.

    ``sorteer`` is the name as it sorts (folded: case, accents and spacing do not
    count); ``scholen`` the school(s) it belongs to, ``themas`` its themes (a person's
    expertise), ``soort`` its sector (a school), ``cluster`` a school's cluster and
    ``fase`` the phase of a werkgroep's latest cycle.
    """

    id: str
    sorteer: str
    scholen: tuple[str, ...] = ()
    themas: tuple[str, ...] = ()
    soort: str | None = None
    cluster: str | None = None
    fase: str | None = None


def _uit_object(obj: Any) -> Kenmerken:
    if isinstance(obj, School):
        return Kenmerken(
            obj.id, vergelijkbaar(obj.naam), soort=obj.sector.value, cluster=obj.cluster
        )
    if isinstance(obj, Persoon):
        scholen = (obj.school,) if obj.school else ()
        return Kenmerken(obj.id, vergelijkbaar(obj.naam), scholen=scholen, themas=obj.expertise)
    groep: Werkgroep = obj
    actief = groep.actieve_cyclus()
    return Kenmerken(
        groep.id,
        vergelijkbaar(groep.naam),
        scholen=groep.scholen,
        themas=groep.themas,
        fase=actief.fase.value if actief else None,
    )


def _per_id(rijen: Iterable[tuple[Any, ...]]) -> dict[str, list[Any]]:
    uit: dict[str, list[Any]] = {}
    for sleutel, waarde, *_rest in rijen:
        uit.setdefault(sleutel, []).append(waarde)
    return uit


def _uit_index(index: Index, klasse: type[Any]) -> list[Kenmerken]:
    if klasse is School:
        return [
            Kenmerken(i, v, soort=s, cluster=c)
            for i, v, s, c in index.rijen("SELECT id, vnaam, sector, cluster FROM scholen")
        ]
    if klasse is Persoon:
        expertise = _per_id(index.rijen("SELECT persoon, tekst FROM expertise"))
        return [
            Kenmerken(i, v, scholen=(s,) if s else (), themas=tuple(expertise.get(i, ())))
            for i, v, s in index.rijen("SELECT id, vnaam, school FROM personen")
        ]
    scholen = _per_id(
        index.rijen("SELECT werkgroep, school, volgorde FROM werkgroep_scholen ORDER BY volgorde")
    )
    themas = _per_id(index.rijen("SELECT werkgroep, tekst FROM werkgroep_themas"))
    return [
        Kenmerken(
            i,
            v,
            scholen=tuple(scholen.get(i, ())),
            themas=tuple(themas.get(i, ())),
            fase=f,
        )
        for i, v, f in index.rijen("SELECT id, vnaam, fase FROM werkgroepen")
    ]


_MAPPEN = {School: "scholen", Persoon: "personen", Werkgroep: "werkgroepen"}


def kenmerken(opslag: Opslag, klasse: type[Any], *, index: bool | None = None) -> list[Kenmerken]:
    """The records of every entity of ``klasse`` (:class:`School`, :class:`Persoon` or
    :class:`Werkgroep`), from the index (``index=True``), from the files
    (``index=False``), or (``None``) from the index when there is one or the folder is
    large."""
    map_ = _MAPPEN[klasse]
    if index is None:
        index = (opslag.root / GEGEVENSMAP / INDEXBESTAND).exists() or aantal_bestanden(
            opslag.root / map_
        ) >= GROOT
    if not index:
        return [_uit_object(obj) for obj in opslag.alle(klasse)]
    with Index(opslag.root) as geopend:
        geopend.ververs((map_,))
        kapot = geopend.rijen(
            "SELECT id FROM bestanden WHERE map = ? AND fout IS NOT NULL ORDER BY id LIMIT 1",
            (map_,),
        )
        uit = _uit_index(geopend, klasse)
    if kapot:
        # as reading every file would: the error names the file and the way out
        opslag.lees(klasse, kapot[0][0])
    return uit


def selecteer(
    opslag: Opslag,
    klasse: type[T],
    past: Callable[[Kenmerken], bool] | None,
    *,
    limit: int | None = None,
    offset: int = 0,
    index: bool | None = None,
) -> list[T]:
    """The entities of ``klasse`` whose records ``past``, by name, one page of them.

    ``past=None`` (no filter) lets the index hand out the page itself, in the same
    order, without a record per entity: what a first page of thousands needs.
    """
    if past is None:
        ids = _pagina_uit_index(opslag, klasse, limit, offset, index=index)
        if ids is not None:
            return [opslag.lees(klasse, i) for i in ids]
    gekozen = sorted(
        (k for k in kenmerken(opslag, klasse, index=index) if past is None or past(k)),
        key=_volgorde,
    )
    return [opslag.lees(klasse, k.id) for k in pagina(gekozen, limit, offset)]


def werkgroepen_met_cyclus(opslag: Opslag, school: str | None = None) -> Iterator[str] | None:
    """The ids of the werkgroepen (of ``school``) that have a cycle, by name, from the
    index, read as they are taken (a first page does not fetch tens of thousands of
    ids); ``None`` when the werkplaats answers from its files."""
    if (
        not (opslag.root / GEGEVENSMAP / INDEXBESTAND).exists()
        and aantal_bestanden(opslag.root / "werkgroepen") < GROOT
    ):
        return None
    with Index(opslag.root) as geopend:
        geopend.ververs(("werkgroepen",))
        kapot = geopend.rijen(
            "SELECT id FROM bestanden WHERE map = 'werkgroepen' AND fout IS NOT NULL LIMIT 1"
        )
    if kapot:
        opslag.lees(Werkgroep, kapot[0][0])
    return _met_cyclus(opslag.root, school)


def _met_cyclus(root: Path, school: str | None) -> Iterator[str]:
    # by name from (vnaam, id) onwards, in growing batches: each batch is one short
    # question of its own, so nothing is held open between them
    if school is None:
        sql = (
            "SELECT vnaam, id FROM werkgroepen WHERE cyclus IS NOT NULL "
            "AND (vnaam, id) > (?, ?) ORDER BY vnaam, id LIMIT ?"
        )
    else:
        sql = (
            "SELECT w.vnaam, w.id FROM werkgroepen w JOIN werkgroep_scholen ws "
            "ON ws.werkgroep = w.id WHERE w.cyclus IS NOT NULL AND ws.school = ? "
            "AND (w.vnaam, w.id) > (?, ?) ORDER BY w.vnaam, w.id LIMIT ?"
        )
    na: tuple[str, str] = ("", "")
    aantal = 64
    while True:
        with Index(root) as geopend:
            rijen = geopend.rijen(sql, (*([school] if school else []), *na, aantal))
        for _vnaam, id_ in rijen:
            yield id_
        if len(rijen) < aantal:
            return
        na = rijen[-1]
        aantal *= 4


def _pagina_uit_index(
    opslag: Opslag, klasse: type[Any], limit: int | None, offset: int, *, index: bool | None
) -> list[str] | None:
    """The ids of one page by name, straight from the index (``None``: no index used)."""
    map_ = _MAPPEN[klasse]
    if index is False or (
        index is None
        and not (opslag.root / GEGEVENSMAP / INDEXBESTAND).exists()
        and aantal_bestanden(opslag.root / map_) < GROOT
    ):
        return None
    pagina((), limit, offset)  # refuse a wrong limit or offset as the other path does
    with Index(opslag.root) as geopend:
        geopend.ververs((map_,))
        kapot = geopend.rijen(
            "SELECT id FROM bestanden WHERE map = ? AND fout IS NOT NULL ORDER BY id LIMIT 1",
            (map_,),
        )
        ids = [
            r[0]
            for r in geopend.rijen(
                f"SELECT id FROM {map_} ORDER BY vnaam, id LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset),
            )
        ]
    if kapot:
        opslag.lees(klasse, kapot[0][0])
    return ids


def _volgorde(k: Kenmerken) -> tuple[str, str]:
    return (k.sorteer, k.id)
