"""The school visits of the example partnership: a visitatie whose bevinding became a
bron of a research cycle, a collegiale consultatie, and a studiebezoek still ahead."""

from __future__ import annotations

import datetime as dt

from onderzoekscyclus.api.werkplaats import Werkplaats

__all__ = ["maak_bezoeken"]


def maak_bezoeken(wp: Werkplaats, vandaag: dt.date, personen: dict[str, str]) -> None:
    """Add three visits; every bevinding lies before ``vandaag``, the studiebezoek after."""

    def dag(dagen: int) -> dt.date:
        return vandaag - dt.timedelta(days=dagen)

    visitatie = wp.bezoeken.nieuw(
        "De Regenboog",
        vraag="Hoe maken onze leraren verhaaltjessommen betekenisvol voor de leerlingen?",
        soort="visitatie",
        datum=dag(16),
        themas=["rekenen"],
    )
    for naam, rol in (
        ("Lotte Hendriks", "intern-begeleider"),
        ("Joris Bakker", "schoolleider"),
        ("Iris Maas", "student"),
    ):
        wp.bezoeken.bezoeker(visitatie.id, personen[naam], rol=rol)  # type: ignore[arg-type]
    wp.bezoeken.bevinding(
        visitatie.id,
        "In vier van de zes lessen lazen leerlingen de opgave alleen; samen de situatie "
        "tekenen gebeurde nergens.",
        datum=dag(16),
        door=personen["Lotte Hendriks"],
    )
    wp.bezoeken.bevinding(
        visitatie.id,
        "De leerlingen kunnen goed uitleggen welke bewerking ze kiezen, zodra de context "
        "uit hun eigen omgeving komt.",
        datum=dag(15),
        door=personen["Joris Bakker"],
    )
    wp.bezoeken.bron(
        visitatie.id,
        1,
        werkgroep="Rekenen groep 5-8",
        tekst="Leerlingen lezen contextopgaven vaak alleen en zonder te visualiseren",
        datum=dag(10),
        wie=personen["Anna de Vries"],
    )

    consultatie = wp.bezoeken.nieuw(
        "Kindcentrum Het Palet",
        vraag="Hoe houden we de plusgroep uitdagend zonder dat het extra werk wordt?",
        soort="collegiale-consultatie",
        datum=dag(40),
        themas=["ontwikkelingsvoorsprong"],
    )
    wp.bezoeken.bezoeker(consultatie.id, personen["Mehmet Yilmaz"], rol="leraar")
    wp.bezoeken.bevinding(
        consultatie.id,
        "Verrijkingswerk vervangt nu de gewone taken niet; kinderen doen het erbij.",
        datum=dag(40),
        door=personen["Mehmet Yilmaz"],
    )

    studiebezoek = wp.bezoeken.nieuw(
        "'t Startblok",
        vraag="Wat kunnen wij leren van hun aanpak van een veilige groep?",
        soort="studiebezoek",
        datum=vandaag + dt.timedelta(days=21),
        titel="Studiebezoek Kanjertraining 't Startblok",
        themas=["pedagogisch klimaat"],
    )
    wp.bezoeken.bezoeker(studiebezoek.id, personen["Noor Verhoeven"], rol="specialist")
