"""The besluiten of the example partnership: one in each stage of the decision model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from onderzoekscyclus.api.besluiten import Besluiten
from onderzoekscyclus.api.werkplaats import Werkplaats

__all__ = ["maak_besluiten"]


def maak_besluiten(wp: Werkplaats, vandaag: dt.date, personen: dict[str, str]) -> None:
    """Add decisions in several states; dates lie before ``vandaag`` (feedback rounds
    that are still open end after it)."""

    def dag(dagen: int) -> dt.date:
        # days before today; a negative number is a day after it (an open round's end)
        return vandaag - dt.timedelta(days=dagen)

    for maak in (_geborgd, _in_feedback, _in_besluitvorming, _met_ideeen, _ingetrokken):
        maak(wp.besluitvorming, dag, personen)


def _geborgd(bv: Besluiten, dag: Callable[[int], dt.date], personen: dict[str, str]) -> None:
    """Geborgd, after an evaluation with a measurement of the werkgroep's own cycle."""
    rekenen = bv.nieuw(
        "Verhaaltjessommen: nieuwe aanpak",
        werkgroep="Rekenen groep 5-8",
        thema="rekenen",
        datum=dag(200),
        wie=personen["Anna de Vries"],
    ).id
    bv.idee(rekenen, "Werk met het drieslagmodel", door=personen["Piet Jansen"], datum=dag(198))
    bv.idee(
        rekenen,
        "Laat kinderen thuis sommen uit de eigen omgeving bedenken",
        extern="Mevrouw Bos",
        rol="ouder",
        datum=dag(196),
    )
    bv.voorstel(
        rekenen,
        "Groep 5-8 werken dagelijks tien minuten aan verhaaltjessommen met het drieslagmodel",
        leider=personen["Anna de Vries"],
        ideeen=[1],
        datum=dag(190),
    )
    bv.feedback_open(rekenen, tot=dag(176), datum=dag(190), wie=personen["Anna de Vries"])
    bv.feedback(rekenen, "Neem groep 4 ook mee", door=personen["Iris Maas"], datum=dag(185))
    bv.feedback(
        rekenen,
        "Graag een voorbeeld voor ouders",
        extern="Mevrouw Bos",
        rol="ouder",
        datum=dag(180),
    )
    bv.reageer(
        rekenen, 1, oordeel="deels", motivatie="Groep 4 volgt na de evaluatie", datum=dag(175)
    )
    bv.reageer(
        rekenen,
        2,
        oordeel="overgenomen",
        motivatie="Er komt een voorbeeldblad in de nieuwsbrief",
        datum=dag(175),
    )
    bv.neem(
        rekenen,
        "Groep 5-8 werken vanaf januari dagelijks met het drieslagmodel",
        datum=dag(174),
        wie=personen["Anna de Vries"],
    )
    bv.implementeer(rekenen, tekst="Startbijeenkomst voor het team", datum=dag(170))
    bv.evalueer(
        rekenen,
        "Leraren zijn positief; het aandeel op niveau steeg",
        metingen=["Rekenen groep 5-8:1:op niveau"],
        datum=dag(40),
    )
    bv.borg(rekenen, herevaluatie=dag(-300), datum=dag(36))


def _in_feedback(bv: Besluiten, dag: Callable[[int], dt.date], personen: dict[str, str]) -> None:
    """Feedback: the round is still open."""
    lezen = bv.nieuw(
        "Strategieën in de zaakvakken",
        werkgroep="Leergroep Begrijpend Lezen",
        thema="begrijpend lezen",
        school="De Regenboog",
        datum=dag(30),
    ).id
    bv.idee(lezen, "Voordoen met hardop denken", door=personen["Marloes Aarts"], datum=dag(28))
    bv.voorstel(
        lezen,
        "Bij wereldoriëntatie doen leraren elke week een leesstrategie hardop voor",
        leider=personen["Fatima El Amrani"],
        ideeen=[1],
        datum=dag(10),
    )
    bv.feedback_open(lezen, tot=dag(-10), datum=dag(7))
    bv.feedback(lezen, "Begin in groep 6", door=personen["Joris Bakker"], datum=dag(3))


def _in_besluitvorming(
    bv: Besluiten, dag: Callable[[int], dt.date], personen: dict[str, str]
) -> None:
    """Besluitvorming: the round closed and one reaction is still missing."""
    gedrag = bv.nieuw(
        "Time-outplek in elke groep",
        werkgroep="Gedrag in de klas",
        thema="gedrag",
        datum=dag(60),
    ).id
    bv.voorstel(
        gedrag,
        "Elke groep krijgt een vaste rustplek met afspraken die de leerlingen kennen",
        leider=personen["Noor Verhoeven"],
        datum=dag(50),
    )
    bv.feedback_open(gedrag, tot=dag(20), datum=dag(50))
    bv.feedback(
        gedrag,
        "Hoe zorgen we dat het geen straf wordt?",
        extern="Sem",
        rol="leerling",
        datum=dag(30),
    )


def _met_ideeen(bv: Besluiten, dag: Callable[[int], dt.date], personen: dict[str, str]) -> None:
    """Ideeën: ideas are being collected."""
    voorsprong = bv.nieuw(
        "Plusklas voor jonge kinderen",
        werkgroep="PLG Ontwikkelingsvoorsprong",
        thema="ontwikkelingsvoorsprong",
        school="Kindcentrum Het Palet",
        datum=dag(14),
    ).id
    bv.idee(voorsprong, "Ook voor groep 1-2", door=personen["Sanne Peeters"], datum=dag(12))
    bv.idee(
        voorsprong, "Werk samen met De Vlinderboom", door=personen["Mehmet Yilmaz"], datum=dag(9)
    )


def _ingetrokken(bv: Besluiten, dag: Callable[[int], dt.date], personen: dict[str, str]) -> None:
    """Ingetrokken, with its reason."""
    taal = bv.nieuw(
        "Vaste leestijd in het rooster",
        werkgroep="Taalbeleid bovenbouw",
        thema="taalbeleid",
        datum=dag(90),
    ).id
    bv.idee(
        taal, "Elke dag twintig minuten vrij lezen", door=personen["Eva Willems"], datum=dag(88)
    )
    bv.intrekken(
        taal,
        "Gaat op in het bredere leesplan van de school",
        datum=dag(60),
        wie=personen["Daan Smits"],
    )
