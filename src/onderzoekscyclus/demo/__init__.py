"""An example partnership to try ``ozc`` on: ``ozc demo MAP``.

Everyone and everything in it is made up. The partnership has primary schools in two
clusters, a school for special education, a secondary school and a teacher-training
institute, with werkgroepen of every kind, their members and logboeken.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from onderzoekscyclus.api.werkplaats import Werkplaats
from onderzoekscyclus.demo._vervangen import DEMO_MARKERING, bouw_naast
from onderzoekscyclus.domein.cyclus import Meting
from onderzoekscyclus.domein.model import LidRol, Rol, Sector, WerkgroepSoort
from onderzoekscyclus.i18n import Taal, _
from onderzoekscyclus.klok import VasteKlok, systeemdatum
from onderzoekscyclus.opslag import GEGEVENSMAP

__all__ = ["DEMO_MARKERING", "maak_demo"]

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
        ["Ouderbetrokkenheid", "Spelend rekenen bij de kleuters"],
        ["begrijpend lezen", "ontwikkelingsvoorsprong"],
    ),
    (
        "De Vlinderboom",
        "17EF",
        "po",
        "Zuid",
        {"nieuwsgierigheid": "We leren vanuit vragen van kinderen"},
        ["Onderzoekend en ontwerpend leren", "Rekenen met concreet materiaal"],
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

# research interests (a student's graduation research, a lector's research) and the
# lectoraat of a lector: what `ozc thema aansluiten` and `ozc thema ondersteuning` use
_INTERESSES = {
    "Iris Maas": ["redactiesommen", "begrijpend lezen"],
    "Ruud Coenen": ["rekenen"],
}
_LECTORATEN = {"Ruud Coenen": "Lectoraat Samen Opleiden en Onderzoeken"}
_ONDERZOEKSVRAGEN = {
    ("Rekenen groep 5-8", "Iris Maas"): (
        "Helpt een vast stappenplan leerlingen van groep 6 een verhaaltjessom te ontleden?"
    ),
}

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


def maak_demo(
    map_: Path | str,
    *,
    vandaag: dt.date | None = None,
    vervang: bool = False,
    taal: Taal | None = None,
) -> Werkplaats:
    """Create the example partnership in ``map_`` as of ``vandaag`` (default: the
    computer's date) and return its werkplaats, whose clock stays at that day.

    The example is built beside ``map_`` and put in place when it is complete. With
    ``vervang`` an earlier example in ``map_`` is replaced (its ``.git`` kept); a folder
    that ``ozc demo`` did not make, or that holds anything else, is refused, so a real
    werkplaats is never overwritten.
    """
    vandaag = vandaag or systeemdatum()
    with bouw_naast(Path(map_), vervang=vervang) as bouw:
        wp = Werkplaats.maak(
            bouw, "Partnerschap Samen Opleiden De Kempen", vandaag=VasteKlok(vandaag), taal=taal
        )
        (wp.root / GEGEVENSMAP / DEMO_MARKERING).write_text(
            _("Gemaakt door `ozc demo`.") + "\n", encoding="utf-8"
        )
        _vul(wp, vandaag)
    return Werkplaats.open(Path(map_), vandaag=VasteKlok(vandaag), taal=taal)


def _vul(wp: Werkplaats, vandaag: dt.date) -> None:
    for naam, brin, sector, cluster, visie, trots, speerpunten in _SCHOLEN:
        wp.scholen.toevoegen(
            naam,
            brin=brin,
            sector=Sector(sector),
            bestuur="Stichting De Kempen" if sector != "opleiding" else None,
            cluster=cluster,
        )
        wp.scholen.profiel(naam, visie=visie, trots=trots, speerpunten=speerpunten)
    personen = {}
    for naam, school, rollen, expertise, ambities in _PERSONEN:
        personen[naam] = wp.personen.toevoegen(
            naam,
            school=school,
            rollen=[Rol(r) for r in rollen],
            expertise=expertise,
            interesses=_INTERESSES.get(naam, ()),
            ambities=ambities,
            lectoraat=_LECTORATEN.get(naam),
        ).id
    for naam, soort, scholen, themas, leden, logboek in _WERKGROEPEN:
        groep = wp.werkgroepen.toevoegen(
            naam, scholen=scholen, soort=WerkgroepSoort(soort), themas=themas
        )
        for wie, rol in leden:
            wp.werkgroepen.lid(
                groep.id,
                personen[wie],
                rol=LidRol(rol),
                onderzoeksvraag=_ONDERZOEKSVRAGEN.get((naam, wie)),
            )
        for dagen, wie, tekst in logboek:
            wp.logboek.schrijf(
                groep.id, tekst, auteur=personen[wie], datum=vandaag - dt.timedelta(days=dagen)
            )
    leiders = {naam: personen[leden[0][0]] for naam, _s, _sc, _t, leden, _l in _WERKGROEPEN}
    _demo_cycli(wp, vandaag, leiders)
    _demo_zelfevaluaties(wp, vandaag)
    from onderzoekscyclus.demo.besluiten import maak_besluiten  # noqa: PLC0415

    maak_besluiten(wp, vandaag, personen)
    _demo_ontwikkelagenda(wp, vandaag)
    from onderzoekscyclus.demo.bezoeken import maak_bezoeken  # noqa: PLC0415

    maak_bezoeken(wp, vandaag, personen)


# werkgroep -> (visie-element, the cycle's texts, the phase it has reached)
_CYCLI = {
    "Rekenen groep 5-8": ("eigenaarschap", "afgerond+volgende"),
    "Taalbeleid bovenbouw": ("wereldburgerschap", "evaluatie"),
    "Leergroep Begrijpend Lezen": ("samen leren", "uitvoering"),
    "PLG Ontwikkelingsvoorsprong": ("kansengelijkheid", "verbeterplan"),
    "Gedrag in de klas": ("maatwerk", "doel"),
    "Beredeneerd aanbod kleuters": ("veiligheid", "beginsituatie+pauze"),
    "Onderzoekswerkplaats De Kempen": ("samen opleiden", "aanleiding"),
}

_INHOUD = {
    "Rekenen groep 5-8": (
        "De resultaten op verhaaltjessommen dalen al twee jaar",
        "Hoe worden leerlingen van groep 5-8 sterker in verhaaltjessommen?",
        "62% van de leerlingen haalt het niveau op de M5-toets",
        "Toetsresultaten M5",
        "75% van de leerlingen haalt het niveau",
        ("op niveau", "%", 62.0, 75.0),
        "Dagelijks tien minuten verhaaltjessommen met het drieslagmodel",
        "Overzichtsstudie effectieve rekendidactiek",
        (68.0, 74.0),
    ),
    "Taalbeleid bovenbouw": (
        "Leerlingen lezen weinig buiten de lessen Nederlands",
        "Hoe krijgt lezen een plek in alle vakken?",
        "Leesmotivatie is laag volgens de leerlingenenquête",
        "Leerlingenenquête 2025",
        "Meer leerlingen lezen gemotiveerd",
        ("gemotiveerde lezers", "%", 40.0, 55.0),
        "In elk vak een tekst per week met een leesopdracht",
        "Literatuur over leesbevordering in het voortgezet onderwijs",
        (),  # measured every week, per class: see _wekelijks
    ),
    "Leergroep Begrijpend Lezen": (
        "Leerlingen passen leesstrategieën niet toe buiten de leesles",
        "Hoe leren leerlingen strategieën toepassen bij wereldoriëntatie?",
        "Bij observaties past een kwart van de leerlingen een strategie toe",
        "Lesobservaties",
        "Helft van de leerlingen past een strategie zelfstandig toe",
        ("past strategie toe", "%", 25.0, 50.0),
        "Strategieën expliciet voordoen in de zaakvakken",
        "Overzicht van onderzoek naar strategieonderwijs",
        (31.0, 38.0),
    ),
    "PLG Ontwikkelingsvoorsprong": (
        "Leerlingen met een ontwikkelingsvoorsprong vervelen zich",
        "Hoe bieden we deze leerlingen genoeg uitdaging in de klas?",
        "Gesprekken met leerlingen en ouders laten weinig uitdaging zien",
        "Leerlinggesprekken",
        "Leerlingen ervaren uitdaging",
        ("ervaart uitdaging", "score 1-5", 2.4, 3.8),
        "Verrijkingstaken en een plusklas op vrijdag",
        "Handreiking onderwijs aan hoogbegaafde leerlingen",
        (),
    ),
    "Gedrag in de klas": (
        "Veel lestijd gaat verloren aan onrust",
        "Welke afspraken helpen leerlingen om rustig te werken?",
        "Gemiddeld twaalf onderbrekingen per les",
        "Klassenobservaties met turflijst",
        "Minder onderbrekingen per les",
        ("onderbrekingen per les", "", 12.0, 6.0),
        "",
        "",
        (),
    ),
    "Beredeneerd aanbod kleuters": (
        "Het aanbod voor kleuters verschilt sterk per groep",
        "Hoe maken we een gezamenlijk beredeneerd aanbod?",
        "Elke groep werkt met eigen thema's en doelen",
        "Inventarisatie van de jaarplanningen",
        "",
        None,
        "",
        "",
        (),
    ),
    "Onderzoekswerkplaats De Kempen": (
        "Studenten doen onderzoek dat scholen weinig gebruiken",
        "Hoe sluit afstudeeronderzoek beter aan bij vragen van werkgroepen?",
        "",
        "",
        "",
        None,
        "",
        "",
        (),
    ),
}


# werkgroep -> the classes it measures in every week, from the goal on
_PER_WEEK = {"Taalbeleid bovenbouw": ("havo 4", "vwo 4")}
_RUIS = (1, -2, 0, 2, -1, 1, -1, 0, 2, -2, 1)


def _wekelijks(naam: str) -> list[tuple[int, str, float]]:
    """A weekly indicator with a clear change: (days ago, class, value). Five weeks of
    baseline around the nulmeting, then 26 weeks of uitvoering that climb and level off
    above the target, with a little noise: the run chart signals."""
    uit = []
    for k, groep in enumerate(_PER_WEEK.get(naam, ())):
        for week in range(31):
            dagen = 259 - 7 * week
            na_start = max(0, week - 4)
            waarde = 40 + min(17, 1.5 * na_start) + _RUIS[(week + 3 * k) % len(_RUIS)]
            uit.append((dagen, groep, float(waarde)))
    return uit


def _demo_cycli(wp: Werkplaats, vandaag: dt.date, leiders: dict[str, str]) -> None:
    """Research cycles in every phase, with dates spread over the past school year."""
    for naam, (visie, fase) in _CYCLI.items():
        aanleiding, vraag, begin, bron, doel, indicator, actie, literatuur, metingen = _INHOUD[naam]
        wie = leiders[naam]

        def dag(dagen: int) -> dt.date:
            return vandaag - dt.timedelta(days=dagen)

        wp.cycli.start(naam, aanleiding=aanleiding, vraag=vraag, datum=dag(300), wie=wie)
        if fase == "aanleiding":
            continue
        wp.cycli.beginsituatie(naam, tekst=begin, bronnen=[bron], datum=dag(280), wie=wie)
        if fase.startswith("beginsituatie"):
            wp.cycli.pauzeer(naam, reden="Eerst de nieuwe methode kiezen", datum=dag(200), wie=wie)
            continue
        assert indicator is not None
        wp.cycli.doel(
            naam, tekst=doel, visie=visie, indicatoren=[indicator], datum=dag(260), wie=wie
        )
        if fase == "doel":
            continue

        def meet(tot: int, vanaf: int, naam: str = naam, indicator: str = indicator[0]) -> None:
            """The weekly measurements from ``vanaf`` up to ``tot`` days ago."""
            reeks = [
                Meting(indicator=indicator, datum=dag(dagen), waarde=waarde, groep=groep)
                for dagen, groep, waarde in _wekelijks(naam)
                if tot < dagen <= vanaf
            ]
            if reeks:
                wp.cycli.metingen(naam, reeks)

        meet(240, 260)  # the baseline, before the plan
        wp.cycli.plan(
            naam, acties=[(actie, None, "dit schooljaar")], literatuur=[literatuur], datum=dag(240)
        )
        if fase == "verbeterplan":
            continue
        meet(230, 240)  # the baseline, between plan and uitvoering
        wp.cycli.uitvoeren(naam, datum=dag(230), wie=wie)
        meet(0, 230)
        for i, waarde in enumerate(metingen):
            wp.cycli.meting(naam, indicator=indicator[0], waarde=waarde, datum=dag(150 - 90 * i))
        if fase == "uitvoering":
            continue
        bereikt = bool(wp.cycli.overzicht(naam).resultaten[0].bereikt)
        wp.cycli.evaluatie(
            naam,
            conclusie="bereikt" if bereikt else "deels",
            tekst="Doel gehaald" if bereikt else "Vooruitgang, maar het doel is nog niet gehaald",
            lessen=["Samen lessen bekijken hielp het meest"],
            datum=dag(40),
            wie=wie,
        )
        if fase == "evaluatie":
            continue
        wp.cycli.afronden(naam, datum=dag(35), wie=wie)
        wp.cycli.volgende(naam, datum=dag(20), wie=wie)


# instrument, school, days ago, answers per respondent in the order of the checklist
_ZELFEVALUATIES = [
    (
        "lerende-organisatie",
        "De Regenboog",
        380,
        [
            "2,2,1,2,1,2,2,1,1,1,1,1,2,1,2,1,1,1",
            "2,3,1,2,1,2,3,2,1,1,1,1,1,1,2,2,1,1",
            "1,2,2,1,1,2,2,1,2,1,1,1,2,1,1,1,1,2",
            "2,2,1,2,2,3,2,2,1,2,1,1,2,1,2,1,2,1",
            "3,2,1,2,1,2,2,1,1,1,1,1,1,1,2,1,1,1",
        ],
    ),
    (
        "lerende-organisatie",
        "De Regenboog",
        45,
        [
            "2,3,2,2,1,3,3,2,2,1,2,1,2,2,2,2,2,2",
            "3,3,1,2,3,2,3,2,2,2,2,1,2,3,2,2,1,2",
            "1,2,2,2,1,3,3,2,2,1,2,2,2,2,3,2,2,1",
            "3,3,3,2,1,2,2,3,2,1,1,1,2,2,2,2,2,2",
            "2,2,1,3,3,3,3,2,3,2,2,1,3,2,2,2,1,2",
            "1,3,2,2,1,2,3,2,2,1,2,1,2,3,2,1,2,2",
        ],
    ),
    (
        "lerend-partnerschap",
        None,
        45,
        [
            "1,2,2,1,2,1,2,2,1",
            "2,2,1,1,2,1,2,3,1",
            "1,3,2,1,1,1,2,2,2",
            "2,2,2,2,1,1,3,2,1",
        ],
    ),
]


def _demo_zelfevaluaties(wp: Werkplaats, vandaag: dt.date) -> None:
    """A team filling in the checklists at two moments, a year apart."""
    zelf = wp.zelfevaluaties
    for instrument, school, dagen, rijen in _ZELFEVALUATIES:
        items = zelf.instrument(instrument).items()
        for n, rij in enumerate(rijen):
            zelf.invullen(
                instrument,
                antwoorden={i.id: int(a) for i, a in zip(items, rij.split(","), strict=True)},
                school=school,
                datum=vandaag - dt.timedelta(days=dagen),
                nieuwe_meting=n == 0,
            )


# title, theme, school years (0: this one), question, werkgroepen, applications
# (title, scheme, status, days ago)
_AGENDA: list[
    tuple[str, str, tuple[int, ...], str, tuple[str, ...], list[tuple[str, str, str, int]]]
] = [
    (
        "Rekenen met eigenaarschap",
        "rekenen",
        (-1, 0),
        "Hoe worden leerlingen eigenaar van hun rekenontwikkeling, zoals onze visie vraagt?",
        ("Rekenen groep 5-8",),
        [("Verhaaltjessommen in de bovenbouw", "Lerarenontwikkelfonds", "toegekend", 300)],
    ),
    (
        "Begrijpend lezen in alle vakken",
        "begrijpend lezen",
        (0, 1),
        "Hoe leren leerlingen teksten begrijpen in elk vak, niet alleen in de leesles?",
        ("Leergroep Begrijpend Lezen", "Taalbeleid bovenbouw"),
        [
            (
                "Leesstrategieën bij wereldoriëntatie",
                "NRO praktijkgericht onderzoek",
                "ingediend",
                40,
            ),
            ("Leesmotivatie in groep 7 en 8", "Stichting De Kempen", "idee", 10),
        ],
    ),
    (
        "Kansengelijkheid: elk talent in beeld",
        "kansengelijkheid",
        (0, 1),
        "Hoe zien we wat elk kind kan, ook een kind met een ontwikkelingsvoorsprong?",
        ("PLG Ontwikkelingsvoorsprong",),
        [],
    ),
    (
        "Burgerschap in de hele school",
        "burgerschap",
        (1,),
        "Hoe oefenen leerlingen in de school wat samenleven in een democratie vraagt?",
        (),
        [],
    ),
]


def _demo_ontwikkelagenda(wp: Werkplaats, vandaag: dt.date) -> None:
    """An ontwikkelagenda over three school years: last year, this one and the next."""
    from onderzoekscyclus.domein.ontwikkelagenda import Aanvraagstatus  # noqa: PLC0415

    begin = vandaag.year if vandaag.month >= 8 else vandaag.year - 1
    agenda = wp.ontwikkelagenda
    for titel, thema, jaren, vraag, groepen, aanvragen in _AGENDA:
        punt = agenda.toevoegen(
            titel,
            schooljaren=[f"{begin + j}-{begin + j + 1}" for j in jaren],
            vraag=vraag,
            thema=thema,
            werkgroepen=groepen,
        )
        for naam, regeling, status, dagen in aanvragen:
            agenda.aanvraag(
                punt.id,
                naam,
                regeling=regeling,
                datum=vandaag - dt.timedelta(days=dagen + 30),
            )
            agenda.aanvraag_status(
                punt.id, len(agenda.zoek(id=punt.id).aanvragen), Aanvraagstatus(status),
                datum=vandaag - dt.timedelta(days=dagen),
            )  # fmt: skip
