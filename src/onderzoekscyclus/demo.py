"""An example partnership to try ``ozc`` on: ``ozc demo MAP``.

Everyone and everything in it is made up. The partnership has primary schools in two
clusters, a school for special education, a secondary school and a teacher-training
institute, with werkgroepen of every kind, their members and logboeken.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from onderzoekscyclus import klok
from onderzoekscyclus.errors import WerkplaatsError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag import GEGEVENSMAP, ROOTBESTAND
from onderzoekscyclus.werkplaats import Werkplaats

__all__ = ["DEMO_MARKERING", "maak_demo"]

DEMO_MARKERING = "demo"
"""File in ``.onderzoekscyclus/`` that marks a werkplaats made by :func:`maak_demo`."""

_SCHOLEN = [
    # naam, brin, sector, cluster, visie, trots, speerpunten
    (
        "De Regenboog",
        "12AB",
        "po",
        "Noord",
        {
            "eigenaarschap": "Leerlingen sturen mee in hun eigen leerproces",
            "samen leren": "Leraren leren van en met elkaar, op de werkvloer",
        },
        ["Coöperatief leren in alle groepen"],
        ["rekenen", "begrijpend lezen"],
    ),
    (
        "Kindcentrum Het Palet",
        "14CD",
        "po",
        "Noord",
        {"kansengelijkheid": "Elk kind krijgt de ondersteuning die het nodig heeft"},
        ["Ouderbetrokkenheid"],
        ["begrijpend lezen", "ontwikkelingsvoorsprong"],
    ),
    (
        "De Vlinderboom",
        "17EF",
        "po",
        "Zuid",
        {"nieuwsgierigheid": "We leren vanuit vragen van kinderen"},
        ["Onderzoekend en ontwerpend leren"],
        ["wetenschap en techniek", "rekenen"],
    ),
    (
        "'t Startblok",
        "21GH",
        "po",
        "Zuid",
        {"veiligheid": "Een veilige groep is de basis voor leren"},
        ["Kanjertraining"],
        ["pedagogisch klimaat"],
    ),
    (
        "SBO De Brug",
        "23JK",
        "so",
        "Zuid",
        {"maatwerk": "Onderwijs dat past bij wat een leerling nodig heeft"},
        ["Handelingsgericht werken"],
        ["gedrag", "rekenen"],
    ),
    (
        "Kempencollege",
        "25LM",
        "vo",
        None,
        {"wereldburgerschap": "Leerlingen leren hun plek in de wereld in te nemen"},
        ["Technasium"],
        ["taalbeleid", "digitale geletterdheid"],
    ),
    (
        "Pabo De Kempen",
        "27NP",
        "opleiding",
        None,
        {"samen opleiden": "Studenten leren het vak in de school, samen met leraren"},
        ["Onderzoekswerkplaats met de scholen"],
        ["praktijkonderzoek"],
    ),
]

_PERSONEN = [
    # naam, school, rollen, expertise, ambities
    ("Anna de Vries", "De Regenboog", ["intern-begeleider"], ["rekenen", "coachen"], ["onderzoek"]),
    ("Piet Jansen", "De Regenboog", ["leraar"], ["rekenen"], ["leidinggeven"]),
    ("Fatima El Amrani", "De Regenboog", ["leraar", "specialist"], ["begrijpend lezen"], []),
    (
        "Joris Bakker",
        "Kindcentrum Het Palet",
        ["schoolleider"],
        ["leidinggeven", "organiseren"],
        [],
    ),
    (
        "Sanne Peeters",
        "Kindcentrum Het Palet",
        ["specialist"],
        ["ontwikkelingsvoorsprong"],
        ["coachen"],
    ),
    (
        "Mehmet Yilmaz",
        "De Vlinderboom",
        ["leraar"],
        ["wetenschap en techniek", "creativiteit"],
        ["onderzoek"],
    ),
    ("Lotte Hendriks", "De Vlinderboom", ["intern-begeleider"], ["rekenen", "onderzoek"], []),
    (
        "Kees van den Berg",
        "'t Startblok",
        ["leraar"],
        ["pedagogisch klimaat", "conflicten oplossen"],
        [],
    ),
    ("Noor Verhoeven", "SBO De Brug", ["specialist"], ["gedrag", "coachen"], ["leidinggeven"]),
    ("Daan Smits", "Kempencollege", ["middenmanager"], ["taalbeleid", "leidinggeven"], []),
    ("Eva Willems", "Kempencollege", ["leraar"], ["digitale geletterdheid"], ["onderzoek"]),
    (
        "Marloes Aarts",
        "Pabo De Kempen",
        ["opleider", "onderzoeker"],
        ["onderzoek", "begrijpend lezen"],
        [],
    ),
    ("Ruud Coenen", "Pabo De Kempen", ["lector"], ["onderzoek", "praktijkonderzoek"], []),
    ("Iris Maas", "Pabo De Kempen", ["student"], [], ["rekenen"]),
]

_WERKGROEPEN = [
    # naam, soort, scholen, thema's, leden (naam, rol), logboek (dagen geleden, auteur, tekst)
    (
        "Rekenen groep 5-8",
        "leerteam",
        ["De Regenboog"],
        ["rekenen"],
        [("Anna de Vries", "leider"), ("Piet Jansen", "lid"), ("Iris Maas", "lid")],
        [
            (60, "Anna de Vries", "Toetsresultaten M5 besproken: verhaaltjessommen blijven achter"),
            (
                45,
                "Piet Jansen",
                "Drie lessen bij elkaar bekeken, focus op het oplossen van contextopgaven",
            ),
            (30, "Anna de Vries", "Artikel over effectieve rekendidactiek samen gelezen"),
        ],
    ),
    (
        "Leergroep Begrijpend Lezen",
        "learning-community",
        ["De Regenboog", "Kindcentrum Het Palet", "Pabo De Kempen"],
        ["begrijpend lezen"],
        [("Fatima El Amrani", "leider"), ("Marloes Aarts", "expert"), ("Joris Bakker", "lid")],
        [
            (50, "Fatima El Amrani", "Startbijeenkomst: elke school brengt een lesvoorbeeld mee"),
            (20, "Marloes Aarts", "Literatuur over strategieonderwijs gedeeld"),
        ],
    ),
    (
        "PLG Ontwikkelingsvoorsprong",
        "plg",
        ["Kindcentrum Het Palet", "De Vlinderboom"],
        ["ontwikkelingsvoorsprong"],
        [("Sanne Peeters", "leider"), ("Mehmet Yilmaz", "lid")],
        [(40, "Sanne Peeters", "Collegiale visitatie op De Vlinderboom voorbereid")],
    ),
    (
        "Beredeneerd aanbod kleuters",
        "gelegenheidscommunity",
        ["'t Startblok", "De Vlinderboom"],
        ["jonge kind"],
        [("Kees van den Berg", "leider"), ("Lotte Hendriks", "lid")],
        [],
    ),
    (
        "Gedrag in de klas",
        "leerteam",
        ["SBO De Brug"],
        ["gedrag", "pedagogisch klimaat"],
        [("Noor Verhoeven", "leider")],
        [(15, "Noor Verhoeven", "Afspraken over de time-outplek geëvalueerd")],
    ),
    (
        "Taalbeleid bovenbouw",
        "leerteam",
        ["Kempencollege"],
        ["taalbeleid"],
        [("Daan Smits", "leider"), ("Eva Willems", "lid")],
        [(25, "Daan Smits", "Leesbevordering in alle vakken: nulmeting gepland")],
    ),
    (
        "Onderzoekswerkplaats De Kempen",
        "bovenschools",
        ["Pabo De Kempen", "De Regenboog", "Kempencollege"],
        ["praktijkonderzoek"],
        [("Ruud Coenen", "leider"), ("Marloes Aarts", "expert"), ("Anna de Vries", "lid")],
        [
            (70, "Ruud Coenen", "Ontwikkelagenda van het partnerschap vastgesteld"),
            (
                10,
                "Marloes Aarts",
                "Studenten gekoppeld aan werkgroepen voor hun afstudeeronderzoek",
            ),
        ],
    ),
]


def maak_demo(map_: Path | str, *, vervang: bool = False) -> Werkplaats:
    """Create the example partnership in ``map_`` and return its werkplaats.

    With ``vervang`` an earlier demo in ``map_`` is replaced; any other folder with
    content is refused, so a real werkplaats is never overwritten.
    """
    map_ = Path(map_)
    if vervang and map_.exists():
        if (
            not (map_ / GEGEVENSMAP / DEMO_MARKERING).is_file()
            or not (map_ / ROOTBESTAND).is_file()
        ):
            raise WerkplaatsError(
                _("{map} is geen voorbeeldwerkplaats; die vervang ik niet.").format(map=map_),
                _("Kies een nieuwe map voor het voorbeeld."),
            )
        shutil.rmtree(map_)
    wp = Werkplaats.maak(map_, "Partnerschap Samen Opleiden De Kempen")
    (wp.root / GEGEVENSMAP / DEMO_MARKERING).write_text(
        _("Gemaakt door `ozc demo`.") + "\n", encoding="utf-8"
    )
    vandaag = klok.vandaag()
    for naam, brin, sector, cluster, visie, trots, speerpunten in _SCHOLEN:
        wp.school_toevoegen(
            naam,
            brin=brin,
            sector=sector,
            bestuur="Stichting De Kempen" if sector != "opleiding" else None,
            cluster=cluster,
        )
        wp.school_profiel(naam, visie=visie, trots=trots, speerpunten=speerpunten)
    personen = {}
    for naam, school, rollen, expertise, ambities in _PERSONEN:
        personen[naam] = wp.persoon_toevoegen(
            naam, school=school, rollen=rollen, expertise=expertise, ambities=ambities
        ).id
    for naam, soort, scholen, themas, leden, logboek in _WERKGROEPEN:
        groep = wp.werkgroep_toevoegen(naam, scholen=scholen, soort=soort, themas=themas)
        for wie, rol in leden:
            wp.lid_toevoegen(groep.id, personen[wie], rol=rol)
        for dagen, wie, tekst in logboek:
            wp.log(groep.id, tekst, auteur=personen[wie], datum=vandaag - dt.timedelta(days=dagen))
    return wp
