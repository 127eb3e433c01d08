"""The ``ics`` export of onderzoekscyclus: the dates that matter, as a calendar file.

An iCalendar file (RFC 5545) with an all-day event for:

- the **last day of every feedback round** of a besluit (or the day it closed early,
  because a new version of the proposal came);
- every **evaluation** of a besluit, and its **re-evaluation date** once it is embedded;
- every **measurement moment** of a research cycle: one event per werkgroep, cycle and
  day, listing the indicators measured that day against their baseline and target;
- the **evaluation** of every research cycle, with its conclusion and lessons;
- every **action of an improvement plan with a day** (``ozc cyclus plan --wanneer
  JJJJ-MM-DD``);
- the **next measurement** of each indicator of a cycle in its uitvoering, on the day
  ``ozc planning`` has it due (:func:`onderzoekscyclus.planpunten`): the same UID moves
  to its new day once a measurement is recorded.

Each event names its werkgroep in the summary and the description, which are in Dutch.
Every event has a stable ``UID`` made of the ids in the werkplaats (the same data gives
the same UID, so a calendar that imports the file again updates its events instead of
doubling them) and ``DTSTAMP`` is the export's date, so the same data gives the same
bytes. The events are transparent: they do not make anyone look busy. Events of a
besluit that was withdrawn or rejected are marked cancelled.

Escaping commas, semicolons, backslashes and line ends is left to the ``icalendar``
package; line ends are written as ``\\n`` and control characters, which iCalendar
text cannot hold, are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import attrs
import icalendar

from onderzoekscyclus import (
    Besluit,
    Besluitfase,
    Bewijs,
    Onderzoekscyclus,
    Planpuntsoort,
    Werkgroep,
    planpunten,
)
from onderzoekscyclus.export import Exportgegevens, getal, lange_datum, met_eenheid

__all__ = ["DOMEIN", "Afspraak", "IcsExporteur", "afspraken", "agenda", "schoon"]

DOMEIN = "onderzoekscyclus"
"""The part of every UID after the ``@``."""

PRODID = "-//onderzoekscyclus//agenda-export//NL"

_CONCLUSIES = {
    "bereikt": "doel bereikt",
    "deels": "doel deels bereikt",
    "niet-bereikt": "doel niet bereikt",
}
_GESTOPT = (Besluitfase.INGETROKKEN, Besluitfase.VERWORPEN)
# iCalendar text holds no control characters other than the tab
_STUURTEKENS = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


@attrs.frozen
class Afspraak:
    """One all-day event of the agenda."""

    uid: str
    datum: dt.date
    categorie: str
    titel: str
    beschrijving: str
    geannuleerd: bool = False


def schoon(tekst: str) -> str:
    """``tekst`` with ``\\r\\n`` and ``\\r`` as ``\\n`` and without control characters."""
    regels = tekst.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_STUURTEKENS.sub("", regel) for regel in regels)


def _uid(*delen: object) -> str:
    return "-".join(str(d) for d in delen) + f"@{DOMEIN}"


def _tekst(*regels: str | None) -> str:
    return schoon("\n".join(r for r in regels if r is not None))


# --- besluiten --------------------------------------------------------------------------


def _besluitkop(gegevens: Exportgegevens, b: Besluit) -> list[str]:
    kop = [f"Werkgroep: {gegevens.naam(b.werkgroep)}", f"Besluit: {b.titel}"]
    kop.append(f"Thema: {b.thema}; fase: {b.fase.value}")
    if b.besluit is not None:
        kop.append(f"Genomen besluit ({lange_datum(b.besluit.datum)}): {b.besluit.tekst}")
    return kop


def _bewijs(gegevens: Exportgegevens, bewijs: Bewijs) -> str:
    if bewijs.bron is not None:
        return f"- {bewijs.bron}"
    meting = f"- meting uit {gegevens.naam(bewijs.werkgroep)}, cyclus {bewijs.cyclus}"
    return meting + (f", indicator {bewijs.indicator}" if bewijs.indicator else "")


def _van_besluit(gegevens: Exportgegevens, b: Besluit) -> Iterator[Afspraak]:
    groep = gegevens.naam(b.werkgroep)
    gestopt = b.fase in _GESTOPT
    for ronde in b.rondes:
        voorstel = b.voorstel_versie(ronde.voorstel)
        reacties = sum(1 for f in b.feedback if f.ronde == ronde.nummer)
        vervroegd = ronde.gesloten is not None and ronde.gesloten < ronde.tot
        datum = ronde.gesloten if ronde.gesloten is not None and vervroegd else ronde.tot
        titel = (
            f"Feedbackronde gesloten: {b.titel} ({groep})"
            if vervroegd
            else f"Laatste dag feedback: {b.titel} ({groep})"
        )
        yield Afspraak(
            uid=_uid("feedback", b.id, "ronde", ronde.nummer),
            datum=datum,
            categorie="Feedback",
            titel=titel,
            beschrijving=_tekst(
                *_besluitkop(gegevens, b),
                f"Feedbackronde {ronde.nummer} over versie {ronde.voorstel} van het voorstel, "
                f"open van {lange_datum(ronde.geopend)} tot en met {lange_datum(ronde.tot)}.",
                f"Vervroegd gesloten op {lange_datum(datum)}: er kwam een nieuwe versie van het "
                "voorstel."
                if vervroegd
                else None,
                f"Reacties in deze ronde: {reacties}.",
                "Voorstel:" if voorstel else None,
                voorstel.tekst if voorstel else None,
            ),
            geannuleerd=gestopt,
        )
    for nummer, evaluatie in enumerate(b.evaluaties, start=1):
        yield Afspraak(
            uid=_uid("evaluatie", b.id, nummer),
            datum=evaluatie.datum,
            categorie="Evaluatie",
            titel=f"Evaluatie besluit: {b.titel} ({groep})",
            beschrijving=_tekst(
                *_besluitkop(gegevens, b),
                f"Evaluatie {nummer}:",
                evaluatie.tekst,
                "Bewijs:" if evaluatie.bewijs else None,
                *(_bewijs(gegevens, e) for e in evaluatie.bewijs),
            ),
        )
    if b.herevaluatie is not None:
        laatste = b.evaluaties[-1] if b.evaluaties else None
        yield Afspraak(
            uid=_uid("herevaluatie", b.id),
            datum=b.herevaluatie,
            categorie="Herevaluatie",
            titel=f"Herevaluatie besluit: {b.titel} ({groep})",
            beschrijving=_tekst(
                *_besluitkop(gegevens, b),
                "Tijd om opnieuw te evalueren: werkt het besluit nog zoals bedoeld?",
                f"Vorige evaluatie ({lange_datum(laatste.datum)}):" if laatste else None,
                laatste.tekst if laatste else None,
            ),
            geannuleerd=gestopt,
        )


# --- onderzoekscycli --------------------------------------------------------------------


def _cycluskop(groep: Werkgroep, c: Onderzoekscyclus) -> list[str]:
    return [f"Werkgroep: {groep.naam}", f"Onderzoekscyclus {c.nummer}: {c.vraag}"]


def _meting(c: Onderzoekscyclus, naam: str, waarde: float) -> str:
    indicator = c.indicator(naam)
    if indicator is None:
        return f"- {naam}: {getal(waarde)}"
    eenheid = indicator.eenheid
    return (
        f"- {indicator.naam}: {met_eenheid(waarde, eenheid)} "
        f"(nulmeting {met_eenheid(indicator.nulmeting, eenheid)}, "
        f"streefwaarde {met_eenheid(indicator.streefwaarde, eenheid)})"
    )


def _acties(groep: Werkgroep, c: Onderzoekscyclus) -> Iterator[Afspraak]:
    for nummer, actie in enumerate(c.acties, start=1):
        if actie.datum is None:
            continue
        yield Afspraak(
            uid=_uid("actie", groep.id, "cyclus", c.nummer, nummer),
            datum=actie.datum,
            categorie="Actie",
            titel=f"Actie: {actie.wat} ({groep.naam})",
            beschrijving=_tekst(
                *_cycluskop(groep, c),
                f"Actie {nummer} uit het verbeterplan: {actie.wat}",
                f"Door: {actie.wie}" if actie.wie else None,
            ),
        )


def _volgende_metingen(groep: Werkgroep, datum: dt.date) -> Iterator[Afspraak]:
    """The next measurement of each indicator of the current cycle, as the planning has it
    due on ``datum`` (the day of the export)."""
    c = groep.actieve_cyclus()
    if c is None:
        return
    for punt in planpunten([groep], (), vandaag=datum):
        if punt.soort is not Planpuntsoort.METING or punt.indicator is None:
            continue
        plek = next(k for k, i in enumerate(c.indicatoren, start=1) if i.naam == punt.indicator)
        vorige = lange_datum(punt.sinds) if punt.sinds else "-"
        yield Afspraak(
            uid=_uid("volgende-meting", groep.id, "cyclus", c.nummer, "indicator", plek),
            datum=punt.datum,
            categorie="Meting gepland",
            titel=f"Meting gepland: {punt.indicator} ({groep.naam})",
            beschrijving=_tekst(
                *_cycluskop(groep, c),
                f"Tijd voor een nieuwe meting van {punt.indicator} (vorige: {vorige}).",
                "Zo laten de gegevens over de tijd zien of het plan werkt (zie ozc planning).",
            ),
        )


def _van_cyclus(groep: Werkgroep, c: Onderzoekscyclus) -> Iterator[Afspraak]:
    yield from _acties(groep, c)
    for dag in sorted({m.datum for m in c.metingen}):
        metingen = sorted((m for m in c.metingen if m.datum == dag), key=lambda m: m.indicator)
        yield Afspraak(
            uid=_uid("meetmoment", groep.id, "cyclus", c.nummer, dag.strftime("%Y%m%d")),
            datum=dag,
            categorie="Meetmoment",
            titel=f"Meetmoment cyclus {c.nummer} ({groep.naam})",
            beschrijving=_tekst(
                *_cycluskop(groep, c),
                "Gemeten:",
                *(_meting(c, m.indicator, m.waarde) for m in metingen),
            ),
        )
    if c.evaluatie is not None:
        e = c.evaluatie
        conclusie = _CONCLUSIES.get(e.conclusie.value, e.conclusie.value)
        yield Afspraak(
            uid=_uid("evaluatie", groep.id, "cyclus", c.nummer),
            datum=e.datum,
            categorie="Evaluatie",
            titel=f"Evaluatie cyclus {c.nummer} ({groep.naam}): {conclusie}",
            beschrijving=_tekst(
                *_cycluskop(groep, c),
                f"Conclusie: {conclusie}.",
                e.tekst,
                "Lessen:" if e.lessen else None,
                *(f"- {les}" for les in e.lessen),
            ),
        )


# --- the calendar -----------------------------------------------------------------------


def afspraken(gegevens: Exportgegevens) -> list[Afspraak]:
    """Every event of the export, by date and then UID."""
    gevonden: list[Afspraak] = []
    for besluit in gegevens.besluiten:
        if isinstance(besluit, Besluit):
            gevonden.extend(_van_besluit(gegevens, besluit))
    for groep in gegevens.werkgroepen:
        for c in groep.cycli:
            gevonden.extend(_van_cyclus(groep, c))
        gevonden.extend(_volgende_metingen(groep, gegevens.datum))
    return sorted(gevonden, key=lambda a: (a.datum, a.uid))


def _gebeurtenis(afspraak: Afspraak, stempel: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", afspraak.uid)
    event.add("dtstamp", stempel)
    event.add("dtstart", afspraak.datum)
    event.add("dtend", afspraak.datum + dt.timedelta(days=1))
    event.add("summary", schoon(afspraak.titel))
    event.add("description", afspraak.beschrijving)
    event.add("categories", [afspraak.categorie])
    event.add("transp", "TRANSPARENT")
    event.add("status", "CANCELLED" if afspraak.geannuleerd else "CONFIRMED")
    return event


def _kalendernaam(gegevens: Exportgegevens) -> str:
    naam = f"Onderzoekscyclus: {gegevens.werkplaats_naam}"
    if gegevens.selectie.id is not None:
        naam += f" ({gegevens.naam(gegevens.selectie.id)})"
    return schoon(naam)


def agenda(gegevens: Exportgegevens) -> icalendar.Calendar:
    """The export as an iCalendar calendar with the events of :func:`afspraken`."""
    stempel = dt.datetime.combine(gegevens.datum, dt.time(0, 0), tzinfo=dt.UTC)
    naam = _kalendernaam(gegevens)
    omschrijving = schoon(
        "Feedbackrondes, meetmomenten, geplande acties en metingen, evaluaties en "
        f"herevaluaties uit {gegevens.werkplaats_naam}, "
        f"stand van {lange_datum(gegevens.datum)}."
        + (" Personen staan er onder pseudoniem in." if gegevens.pseudoniem else "")
    )
    kalender = icalendar.Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("name", naam)
    kalender.add("x-wr-calname", naam)
    kalender.add("description", omschrijving)
    kalender.add("x-wr-caldesc", omschrijving)
    for afspraak in afspraken(gegevens):
        kalender.add_component(_gebeurtenis(afspraak, stempel))
    return kalender


class IcsExporteur:
    """Writes :func:`agenda` as an ``.ics`` file."""

    beschrijving = (
        "Agenda (iCalendar): feedbackrondes, meetmomenten, geplande acties en metingen, "
        "evaluaties en herevaluaties"
    )
    extensie = ".ics"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        doel.write_bytes(agenda(gegevens).to_ical())
