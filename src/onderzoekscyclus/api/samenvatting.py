"""The status of a large werkplaats in short, answered from the derived index.

``wp.status()`` reads every werkgroep and besluit: right for a werkgroep's own
werkplaats, slow for a partnership of thousands of schools. ``wp.status(top=N)`` gives
the same :class:`~onderzoekscyclus.api.beheer.Status`, counted from the index: how
many werkgroepen have their cycle in each phase, the schools with the most running
cycles, every attention point, and of the werkgroepen only the N that most need a next
step (the longest running cycles first), each read from its own file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from onderzoekscyclus.api.beheer import (
    BesluitStand,
    SchoolTelling,
    Status,
    _aandacht_besluit,
    _overzicht,
    conflicten,
    geen_leider,
    status,
    tel_per_fase,
)
from onderzoekscyclus.domein import besluitvorming
from onderzoekscyclus.domein.besluit import Besluit
from onderzoekscyclus.domein.cyclus import Fase
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND
from onderzoekscyclus.opslag.bestanden import Opslag
from onderzoekscyclus.opslag.index import Index
from onderzoekscyclus.opslag.schema import HUIDIG, versie_tekst
from onderzoekscyclus.opslag.zoeken import GROOT, aantal_bestanden, namen_van

__all__ = ["samenvatting"]

_KLASSEN: dict[str, type[Any]] = {"scholen": School, "personen": Persoon, "werkgroepen": Werkgroep}


def samenvatting(opslag: Opslag, vandaag: dt.date, top: int) -> Status:
    """The status with counts for everything and the ``top`` werkgroepen that most need
    a next step."""
    if isinstance(top, bool) or not isinstance(top, int) or top < 0:
        raise InvalidValue(
            _("top moet een geheel getal van 0 of meer zijn, niet {waarde!r}.").format(waarde=top),
            veld="top",
        )
    if not (opslag.root / GEGEVENSMAP / INDEXBESTAND).exists() and (
        aantal_bestanden(opslag.root / "werkgroepen") < GROOT
    ):
        # a small werkplaats: every file read is quick, and needs no index
        return _ingekort(status(opslag, vandaag), top)
    with Index(opslag.root, voortgang=True) as index:
        index.ververs(("scholen", "personen", "werkgroepen"))
        scholen = index.rijen("SELECT count(*) FROM scholen")[0][0]
        personen = index.rijen("SELECT count(*) FROM personen")[0][0]
        aantal_groepen = index.rijen("SELECT count(*) FROM werkgroepen")[0][0]
        fasen = index.rijen(
            "SELECT fase, gepauzeerd, count(*) FROM werkgroepen GROUP BY fase, gepauzeerd"
        )
        zonder_leider = index.rijen(
            "SELECT w.id, w.naam FROM werkgroepen w WHERE NOT EXISTS (SELECT 1 FROM leden l "
            "WHERE l.werkgroep = w.id AND l.rol = 'leider') ORDER BY w.vnaam, w.id"
        )
        # the ones that most need a step: a running cycle started longest ago first,
        # then paused ones, then those without a cycle, then finished ones
        gekozen = index.rijen(
            "SELECT id, vnaam FROM werkgroepen ORDER BY CASE WHEN fase IS NULL THEN 2 "
            "WHEN fase = 'afgerond' THEN 3 WHEN gepauzeerd THEN 1 ELSE 0 END, "
            "coalesce(gestart, ''), vnaam, id LIMIT ?",
            (top,),
        )
        met_conflict = index.rijen(
            "SELECT 'scholen', id FROM scholen WHERE conflicten > 0 UNION ALL "
            "SELECT 'personen', id FROM personen WHERE conflicten > 0 UNION ALL "
            "SELECT 'werkgroepen', id FROM werkgroepen WHERE conflicten > 0 ORDER BY 1, 2"
        )
        kapot = index.rijen(
            "SELECT map, id FROM bestanden WHERE fout IS NOT NULL ORDER BY map, id LIMIT 1"
        )
        per_school = [
            SchoolTelling(id=s, werkgroepen=n, lopend=lopend)
            for s, n, lopend in index.rijen(
                "SELECT ws.school, count(*), "
                "sum(w.fase IS NOT NULL AND w.fase != 'afgerond' AND NOT w.gepauzeerd) "
                "FROM werkgroep_scholen ws JOIN werkgroepen w ON w.id = ws.werkgroep "
                "GROUP BY ws.school ORDER BY 3 DESC, 2 DESC, 1 LIMIT ?",
                (top,),
            )
            if lopend
        ]
    if kapot:
        # a file that cannot be read stops the status, as reading it whole would: the
        # error names the file, the place in it and the way out
        map_, id_ = kapot[0]
        opslag.lees(_KLASSEN[map_], id_)
    aandacht = [geen_leider(i, naam) for i, naam in zonder_leider]
    besluiten = [besluitvorming.bijgewerkt(b, vandaag) for b in opslag.alle(Besluit)]
    for besluit in besluiten:
        aandacht.extend(_aandacht_besluit(besluit, vandaag))
    # conflicts of a merge: the index knows them of its folders; the others are few
    aandacht.extend(conflicten(opslag.root, [f"{m}/{i}.toml" for m, i in met_conflict]))
    aandacht.extend(
        conflicten(
            opslag.root,
            [
                p.relative_to(opslag.root).as_posix()
                for map_ in ("besluiten", "zelfevaluaties")
                for p in sorted((opslag.root / map_).glob("*.toml"))
            ],
        )
    )
    # shown by name, as the whole status is
    overzicht = [
        _overzicht(opslag.lees(Werkgroep, i))
        for i, _v in sorted(gekozen, key=lambda r: (r[1], r[0]))
    ]
    gebruikt = {i for r in overzicht for i in (r.id, *r.scholen, *r.leiders)}
    gebruikt.update(b.werkgroep for b in besluiten)
    gebruikt.update(s.id for s in per_school)
    namen = {r.id: r.naam for r in overzicht}
    for map_ in ("scholen", "personen", "werkgroepen"):
        namen.update(namen_van(opslag.root, map_, gebruikt - namen.keys()))
    return Status(
        naam=opslag.info().naam,
        schema=versie_tekst(HUIDIG),
        scholen=scholen,
        personen=personen,
        werkgroepen=tuple(overzicht),
        aandachtspunten=tuple(aandacht),
        besluiten=tuple(
            BesluitStand(id=b.id, titel=b.titel, fase=b.fase, werkgroep=b.werkgroep)
            for b in sorted(besluiten, key=lambda b: b.id)
        ),
        namen={i: namen[i] for i in sorted(gebruikt) if i in namen},
        aantal_werkgroepen=aantal_groepen,
        per_fase=tel_per_fase((f, bool(g), n) for f, g, n in fasen),
        per_school=tuple(per_school),
    )


def _ingekort(volledig: Status, top: int) -> Status:
    """The whole status with only the ``top`` werkgroepen that most need a step, and
    the schools with the most running cycles."""
    per_school: dict[str, list[int]] = {}
    for r in volledig.werkgroepen:
        for s in r.scholen:
            telling = per_school.setdefault(s, [0, 0])
            telling[0] += 1
            telling[1] += r.fase is not None and r.fase.value != "afgerond" and not r.gepauzeerd
    rijen = [
        (r.id, r.naam, vergelijkbaar(r.naam), r.fase.value if r.fase else None, r.gepauzeerd, "")
        for r in volledig.werkgroepen
    ]
    gekozen = set(_meest_nodig(rijen, top))
    scholen = sorted(per_school.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))[:top]
    return attrs.evolve(
        volledig,
        werkgroepen=tuple(r for r in volledig.werkgroepen if r.id in gekozen),
        aantal_werkgroepen=len(volledig.werkgroepen),
        per_school=tuple(
            SchoolTelling(id=s, werkgroepen=n, lopend=lo) for s, (n, lo) in scholen if lo
        ),
    )


def _meest_nodig(groepen: list[tuple[Any, ...]], top: int) -> list[str]:
    """The ids of the ``top`` werkgroepen that most need a next step, by name: a running
    cycle that started longest ago first, then paused ones, then those without a cycle,
    then those whose cycle is finished (a new one may start)."""

    def rang(rij: tuple[Any, ...]) -> tuple[int, str, str, str]:
        i, _naam, vnaam, fase, gepauzeerd, gestart = rij
        if fase is None:
            groep = 2
        elif fase == Fase.AFGEROND.value:
            groep = 3
        else:
            groep = 1 if gepauzeerd else 0
        return (groep, gestart or "", vnaam, i)

    gekozen = sorted(groepen, key=rang)[:top]
    # shown by name, as the whole status is
    return [r[0] for r in sorted(gekozen, key=lambda r: (r[2], r[0]))]
