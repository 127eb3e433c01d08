"""A made-up partnership of any size: ``ozc demo MAP --scholen N``.

For trying the themanetwerk (and measuring it) at the scale of a large partnership or
of the whole country. Everything is invented and reproducible from ``seed``: boards
(besturen) of about twenty schools in clusters of about five, a teacher-training
institute per hundred schools, three to six werkgroepen per school and now and then a
bovenschoolse one, themes drawn with a realistic skew (a few themes are everywhere,
most are rare; every board has speerpunten of its own), research cycles in every
phase, logboeken of realistic length, and persons with expertise.

The files are written with :meth:`Opslag.schrijf_nieuw` (new files in a new folder: no
lock, no fsync), one board at a time, in several processes when there are many boards.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from onderzoekscyclus.demo import gegevens
from onderzoekscyclus.demo._vervangen import DEMO_MARKERING, bouw_naast
from onderzoekscyclus.domein import cyclus as c
from onderzoekscyclus.domein import cyclusstappen as stappen
from onderzoekscyclus.domein.model import (
    Lid,
    Logregel,
    Persoon,
    Profiel,
    School,
    VisieElement,
    Werkgroep,
    WerkplaatsInfo,
)
from onderzoekscyclus.domein.tekst import slug, vergelijkbaar
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.klok import systeemdatum
from onderzoekscyclus.opslag import GEGEVENSMAP, Opslag

__all__ = ["maak_grote_demo"]

_ALFABET = "23456789abcdefghjkmnpqrstuvwxyz"
_PER_BESTUUR = 20
_PER_CLUSTER = 5


# themes by popularity per sector; drawn with weight 1 / rank (Zipf)
def maak_grote_demo(
    map_: Path | str,
    scholen: int,
    *,
    seed: int = 1,
    vervang: bool = False,
    vandaag: dt.date | None = None,
) -> Path:
    """Write a made-up partnership of ``scholen`` schools (institutes included) in ``map_``,
    as of ``vandaag`` (default: the computer's date).

    Returns the root of the new werkplaats. The same ``seed`` and the same date give
    the same files.
    """
    dag = vandaag or systeemdatum()
    if scholen < 1:
        raise InvalidValue(_("Het aantal scholen moet 1 of meer zijn."), veld="scholen")
    with bouw_naast(Path(map_), vervang=vervang) as bouw:
        Opslag.maak(
            bouw,
            WerkplaatsInfo(
                naam=ngettext(
                    "Voorbeeldpartnerschap met {n} school",
                    "Voorbeeldpartnerschap met {n} scholen",
                    scholen,
                ).format(n=scholen)
            ),
        )
        (bouw / GEGEVENSMAP / DEMO_MARKERING).write_text(
            _("Gemaakt door `ozc demo --scholen`.") + "\n", encoding="utf-8"
        )
        _vul(bouw.resolve(), scholen, seed, dag)
    return Path(map_).resolve()


def _vul(root: Path, scholen: int, seed: int, dag: dt.date) -> None:
    """The schools, persons and werkgroepen of the large example, by board, in
    parallel where it pays."""
    opleidingen = max(1, scholen // 100) if scholen >= 10 else 0
    besturen = _verdeel(scholen - opleidingen, seed)
    taken = [(str(root), seed, b, start, n, dag) for b, (start, n) in enumerate(besturen)]
    if opleidingen:
        taken.append((str(root), seed, -1, scholen - opleidingen, opleidingen, dag))
    if len(taken) > 8 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
            list(pool.map(_maak_bestuur, taken, chunksize=4))
    else:
        for taak in taken:
            _maak_bestuur(taak)


def _verdeel(aantal: int, seed: int) -> list[tuple[int, int]]:
    """(first school number, number of schools) per board: about twenty each."""
    rng = random.Random(f"{seed}-besturen")
    uit, start = [], 0
    while start < aantal:
        n = min(aantal - start, max(1, round(rng.gauss(_PER_BESTUUR, 5))))
        uit.append((start, n))
        start += n
    return uit


class _Ids:
    """Ids unique across the whole werkplaats without coordination: the board's number
    is part of the random tail."""

    def __init__(self, rng: random.Random, bestuur: int) -> None:
        self.rng = rng
        n = bestuur + 1
        self.kop = "".join(_ALFABET[(n // len(_ALFABET) ** i) % len(_ALFABET)] for i in range(3))
        self.gezien: set[str] = set()

    def __call__(self, naam: str | None, voorvoegsel: str = "") -> str:
        while True:
            staart = self.kop + "".join(self.rng.choice(_ALFABET) for _ in range(3))
            if staart not in self.gezien:
                self.gezien.add(staart)
                break
        deel = slug(naam) if naam else ""
        basis = "-".join(d for d in (voorvoegsel, deel) if d)
        return f"{basis}-{staart}" if basis else staart


def _zipf(rng: random.Random, themas: Sequence[str], extra: Sequence[str], k: int) -> list[str]:
    gewichten = [1 / (i + 1) ** 1.05 for i in range(len(themas))]
    # a board's own speerpunten are as popular as the top themes
    gewichten = [g * (6 if t in extra else 1) for g, t in zip(gewichten, themas, strict=True)]
    gekozen: list[str] = []
    while len(gekozen) < k:
        t = rng.choices(themas, gewichten)[0]
        if t not in gekozen:
            gekozen.append(t)
    return gekozen


def _zoals_getypt(rng: random.Random, thema: str) -> str:
    if rng.random() < 0.02:
        return rng.choice(gegevens.VRIJ)
    if thema in gegevens.VARIANTEN and rng.random() < 0.2:
        return rng.choice(gegevens.VARIANTEN[thema])
    return thema


def _plaats(nummer: int) -> str:
    """A town for board (or institute) ``nummer``; a town that comes round again gets a district."""
    plaats = gegevens.PLAATSEN[nummer % len(gegevens.PLAATSEN)]
    ronde = nummer // len(gegevens.PLAATSEN)
    if ronde == 0:
        return plaats
    wijk = gegevens.WIJKEN[(ronde - 1) % len(gegevens.WIJKEN)]
    extra = (ronde - 1) // len(gegevens.WIJKEN)
    return f"{plaats}-{wijk}" + (f" {extra + 1}" if extra else "")


def _maak_bestuur(taak: tuple[str, int, int, int, int, dt.date]) -> None:
    root_tekst, seed, bestuur, start, aantal, vandaag = taak
    root = Path(root_tekst)
    rng = random.Random(f"{seed}-bestuur-{bestuur}")
    ids = _Ids(rng, bestuur if bestuur >= 0 else 29000)
    opslag = Opslag(root)
    bestuursnaam = f"Stichting Onderwijs {_plaats(bestuur)}" if bestuur >= 0 else None
    speerpunten = rng.sample(gegevens.PO[:30], 3)
    scholen: list[School] = []
    personen_van: dict[str, list[Persoon]] = {}
    namen: set[str] = set()
    for i in range(aantal):
        nummer = start + i
        school = _school(rng, ids, nummer, bestuur, bestuursnaam, i, namen, speerpunten)
        scholen.append(school)
        personen_van[school.id] = _personen(rng, ids, school, speerpunten)
    for school in scholen:
        opslag_schrijf(opslag, school)
        for persoon in personen_van[school.id]:
            opslag_schrijf(opslag, persoon)
        gebruikt: set[str] = set()
        for _k in range(rng.randint(3, 6) if school.sector != "opleiding" else rng.randint(2, 4)):
            groep = _werkgroep(rng, ids, [school], personen_van, speerpunten, vandaag, gebruikt)
            if groep is not None:
                opslag_schrijf(opslag, groep)
    if bestuur >= 0 and len(scholen) >= 3:
        netwerken: set[str] = set()  # one network per theme in a board: names stay unique
        for _k in range(rng.randint(1, 3)):
            deel = rng.sample(scholen, min(len(scholen), rng.randint(3, 6)))
            groep = _werkgroep(
                rng, ids, deel, personen_van, speerpunten, vandaag, netwerken, bovenschools=True
            )
            if groep is not None:
                opslag_schrijf(opslag, groep)


def opslag_schrijf(opslag: Opslag, obj: Any) -> None:
    """Write ``obj`` to its new file in the werkplaats being made."""
    opslag.schrijf_nieuw(obj)


def _brin(nummer: int) -> str:
    # two digits and two letters, unique for up to 67,600 schools
    letters = nummer // 100
    return f"{nummer % 100:02d}{chr(65 + letters // 26 % 26)}{chr(65 + letters % 26)}"


def _school(
    rng: random.Random,
    ids: _Ids,
    nummer: int,
    bestuur: int,
    bestuursnaam: str | None,
    volgnummer: int,
    namen: set[str],
    speerpunten: Sequence[str],
) -> School:
    if bestuur < 0:
        plaats = _plaats(nummer)
        naam = f"Pabo {plaats}" if nummer % 2 == 0 else f"Lerarenopleiding {plaats}"
        sector = "opleiding"
    else:
        plaats = _plaats(bestuur)
        sector = rng.choices(["po", "so", "vo"], [85, 5, 10])[0]
        kern = rng.choice(gegevens.SCHOOLNAMEN)
        if sector == "vo":
            naam = f"{rng.choice(['College', 'Lyceum', 'Scholengemeenschap'])} {kern.split()[-1]}"
        elif sector == "so":
            naam = f"SBO {kern}"
        else:
            naam = f"{rng.choice(gegevens.VOORVOEGSELS)}{kern}"
        naam = f"{naam} {plaats}"
    basis, n = naam, 1
    while vergelijkbaar(naam) in namen:
        n += 1
        naam = f"{basis} {n}"
    namen.add(vergelijkbaar(naam))
    visie = rng.sample(gegevens.VISIE, rng.randint(1, 3))
    return School(
        id=ids(naam),
        naam=naam,
        brin=_brin(nummer),
        sector=sector,
        bestuur=bestuursnaam,
        cluster=f"Cluster {volgnummer // _PER_CLUSTER + 1}" if bestuur >= 0 else None,
        visie=tuple(VisieElement(sleutel=s, tekst=t) for s, t in visie),
        profiel=Profiel(
            trots=(
                rng.choice(["Kanjertraining", "Onze schooltuin", "Leerlingenraad", "Techniekles"]),
            ),
            speerpunten=tuple(rng.sample(list(speerpunten), 2)),
        ),
    )


def _personen(
    rng: random.Random, ids: _Ids, school: School, speerpunten: Sequence[str]
) -> list[Persoon]:
    opleiding = school.sector == "opleiding"
    uit = []
    namen: set[str] = set()
    for k in range(rng.randint(5, 10) if opleiding else rng.randint(2, 6)):
        if opleiding:
            rollen = [rng.choice(["opleider", "lector", "onderzoeker", "student"])]
        else:
            rollen = [
                "schoolleider"
                if k == 0
                else rng.choice(["leraar", "leraar", "leraar", "intern-begeleider", "specialist"])
            ]
        themas = _zipf(rng, gegevens.THEMAS[school.sector], speerpunten, rng.randint(0, 3))
        kwaliteiten = rng.sample(gegevens.KWALITEITEN, rng.randint(0, 2))
        if opleiding:
            kwaliteiten = [*kwaliteiten, "onderzoek"]
        voornaam, achternaam = rng.choice(gegevens.VOORNAMEN), rng.choice(gegevens.ACHTERNAMEN)
        naam = f"{voornaam} {achternaam}"
        letters = iter("ABCDEFGHJKLMNPRSTVW")
        while vergelijkbaar(naam) in namen:
            # two people of one school with one name: the second gets an initial, as a
            # school would write them (and `ozc controleer` asks of a real werkplaats)
            naam = f"{voornaam} {next(letters)}. {achternaam}"
        namen.add(vergelijkbaar(naam))
        id_ = ids(None, "persoon")  # drawn before the rest, as it always was
        expertise = tuple(_zoals_getypt(rng, t) for t in themas)
        uit.append(
            Persoon(
                id=id_,
                naam=naam,
                school=school.id,
                rollen=tuple(rollen),
                expertise=expertise + tuple(kwaliteiten),
                # what the students, lectoren and researchers of the institute research
                # (drawn from nothing new, so the rest of the partnership stays the same)
                interesses=expertise if opleiding and rollen[0] != "opleider" else (),
                ambities=tuple(rng.sample(gegevens.KWALITEITEN, rng.randint(0, 1))),
            )
        )
    return uit


def _werkgroep(
    rng: random.Random,
    ids: _Ids,
    scholen: Sequence[School],
    personen_van: dict[str, list[Persoon]],
    speerpunten: Sequence[str],
    vandaag: dt.date,
    gebruikt: set[str],
    *,
    bovenschools: bool = False,
) -> Werkgroep | None:
    """A werkgroep on a theme its school has no werkgroep on yet (``gebruikt``)."""
    eerste = scholen[0]
    vrij = [t for t in gegevens.THEMAS[eerste.sector] if t not in gebruikt] or gegevens.THEMAS[
        eerste.sector
    ]
    themas = _zipf(rng, vrij, speerpunten, min(len(vrij), rng.choices([1, 2, 3], [70, 25, 5])[0]))
    gebruikt.add(themas[0])
    soort, woord, _w = rng.choices(gegevens.SOORTEN, [s[2] for s in gegevens.SOORTEN])[0]
    if bovenschools:
        soort, woord = "bovenschools", "Netwerk"
    naam = f"{woord} {themas[0][:1].upper()}{themas[0][1:]}"
    if not bovenschools:
        naam += rng.choice(
            ["", "", f" groep {rng.randint(1, 7)}-{rng.randint(2, 8)}", " onderbouw", " bovenbouw"]
        )
    kandidaten = [p for s in scholen for p in personen_van[s.id]]
    leden = rng.sample(kandidaten, min(len(kandidaten), rng.randint(1, 5)))
    if not leden:
        return None
    leider = leden[0].id
    cycli = _cycli(rng, vandaag, leider, [v.sleutel for v in eerste.visie], themas[0])
    begin = min((x.gestart for x in cycli), default=vandaag - dt.timedelta(days=200))
    return Werkgroep(
        id=ids(naam),
        naam=naam,
        scholen=tuple(s.id for s in scholen),
        soort=soort,
        themas=tuple(_zoals_getypt(rng, t) for t in themas),
        leden=tuple(
            Lid(persoon=p.id, rol="leider" if k == 0 else rng.choice(["lid", "lid", "expert"]))
            for k, p in enumerate(leden)
        ),
        logboek=_logboek(rng, vandaag, begin, [p.id for p in leden], themas[0]),
        cycli=tuple(cycli),
    )


def _logboek(
    rng: random.Random, vandaag: dt.date, begin: dt.date, leden: Sequence[str], thema: str
) -> tuple[Logregel, ...]:
    # most werkgroepen write a little, some a lot: a long-tailed length
    n = min(80, int(rng.lognormvariate(math.log(8), 0.8)))
    dagen = max(1, (vandaag - begin).days)
    data = sorted(begin + dt.timedelta(days=rng.randrange(dagen)) for _ in range(n))
    return tuple(
        Logregel(
            datum=d,
            tekst=rng.choice(gegevens.LOGTEKSTEN).format(thema=thema, groep=rng.randint(1, 8)),
            auteur=rng.choice(leden) if rng.random() < 0.9 else None,
        )
        for d in data
    )


def _cycli(
    rng: random.Random, vandaag: dt.date, wie: str, visie: Sequence[str], thema: str
) -> list[c.Onderzoekscyclus]:
    aantal = rng.choices([0, 1, 2, 3], [15, 55, 22, 8])[0]
    if aantal == 0:
        return []
    dag = vandaag - dt.timedelta(days=330 * aantal + rng.randint(0, 60))
    cycli: list[c.Onderzoekscyclus] = []
    for nummer in range(1, aantal + 1):
        laatste = nummer == aantal
        doelfase = rng.choice(gegevens.FASEN) if laatste else "afgerond"
        if cycli:
            cycli[-1], huidig = stappen.volgende(cycli[-1], datum=dag, vandaag=vandaag, wie=wie)
        else:
            huidig = stappen.start(
                1,
                aanleiding=f"Zorgen over {thema} in de school",
                vraag=f"Hoe versterken we {thema}?",
                datum=dag,
                vandaag=vandaag,
                wie=wie,
            )
        huidig, dag = _tot(rng, huidig, doelfase, dag, vandaag, wie, visie, thema)
        if laatste and doelfase != "afgerond" and rng.random() < 0.05:
            huidig = stappen.pauzeer(
                huidig, reden="Even geen ruimte in het rooster", datum=dag, vandaag=vandaag, wie=wie
            )
        cycli.append(huidig)
        dag = min(vandaag, dag + dt.timedelta(days=rng.randint(10, 40)))
    return cycli


def _tot(
    rng: random.Random,
    cyclus: c.Onderzoekscyclus,
    doelfase: str,
    dag: dt.date,
    vandaag: dt.date,
    wie: str,
    visie: Sequence[str],
    thema: str,
) -> tuple[c.Onderzoekscyclus, dt.date]:
    """Take ``cyclus`` through the phases up to ``doelfase``, a few weeks per step."""
    # one block per phase, in the order of the cycle: longer than most functions, but
    # it reads as the cycle itself

    def verder() -> dt.date:
        nonlocal dag
        # a step never lies after today: a long cycle ends up with a few on one day
        dag = min(vandaag, dag + dt.timedelta(days=rng.randint(7, 35)))
        return dag

    stap = gegevens.FASEN.index(doelfase)
    if stap >= 1:
        cyclus = stappen.beginsituatie(
            cyclus,
            tekst=f"Zo staat {thema} er nu voor",
            bronnen=[c.Bron(beschrijving="Toetsresultaten en observaties", datum=dag)],
            datum=verder(),
            vandaag=vandaag,
            wie=wie,
        )
    nulmeting = float(rng.randint(40, 70))
    streef = nulmeting + rng.randint(5, 20)
    if stap >= 2:
        cyclus = stappen.doel(
            cyclus,
            tekst=f"Meer leerlingen op niveau voor {thema}",
            visie=rng.choice(visie),
            indicatoren=[
                c.Indicator(
                    naam="op niveau",
                    eenheid="%",
                    nulmeting=nulmeting,
                    streefwaarde=streef,
                    vastgesteld=dag,
                )
            ],
            visie_elementen=visie,
            datum=verder(),
            vandaag=vandaag,
            wie=wie,
        )
    if stap >= 3:
        cyclus = stappen.plan(
            cyclus,
            acties=[
                c.Actie(
                    wat=f"Wekelijks een les {thema} samen voorbereiden", wanneer="dit schooljaar"
                )
            ],
            onderbouwing=[c.Onderbouwing(literatuur=f"Overzichtsstudie over {thema}")],
            datum=verder(),
            vandaag=vandaag,
            wie=wie,
        )
    if stap >= 4:
        cyclus = stappen.uitvoeren(cyclus, datum=verder(), vandaag=vandaag, wie=wie)
        for k in range(rng.randint(1, 4)):
            waarde = nulmeting + (streef - nulmeting) * (k + 1) / 4 + rng.uniform(-4, 4)
            cyclus = stappen.meting(
                cyclus,
                indicator="op niveau",
                waarde=round(waarde, 1),
                datum=verder(),
                vandaag=vandaag,
            )
    if stap >= 5:
        laatste = cyclus.metingen[-1].waarde
        conclusie = (
            "bereikt" if laatste >= streef else ("deels" if laatste > nulmeting else "niet-bereikt")
        )
        cyclus = stappen.evalueer(
            cyclus,
            conclusie=conclusie,
            tekst=f"Evaluatie van de aanpak voor {thema}",
            lessen=["Samen lessen voorbereiden werkt"],
            datum=verder(),
            vandaag=vandaag,
            wie=wie,
        )
    if stap >= 6:
        cyclus = stappen.afronden(cyclus, datum=verder(), vandaag=vandaag, wie=wie)
    return cyclus, dag
