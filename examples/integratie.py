"""Another school tool on top of onderzoekscyclus: only the documented API, typed.

It makes a werkplaats with a fixed date and English messages, takes a werkgroep through
a whole research cycle and a besluit through its whole decision, lets eight threads
write to one shared Werkplaats at once, and prints every view it read as JSON. The
tests check this script with ``mypy --strict`` and validate each view against its
published JSON Schema (docs/schema/).

Run: python examples/integratie.py
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from onderzoekscyclus import (
    Geweigerd,
    OnderzoekscyclusError,
    VasteKlok,
    Werkplaats,
    als_data,
)

DRADEN, SCHRIJFBEURTEN = 8, 10


def cyclus_en_besluit(wp: Werkplaats, klok: VasteKlok) -> list[dict[str, Any]]:
    """A whole research cycle and a whole decision; returns every refusal met, as data."""
    geweigerd: list[dict[str, Any]] = []
    school = wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel(school.id, visie={"eigenaarschap": "Pupils steer their own learning"})
    anna = wp.personen.toevoegen("Anna de Vries", school=school.id, expertise=["rekenen"])
    groep = wp.werkgroepen.toevoegen("Rekenen groep 5-8", scholen=[school.id], themas=["rekenen"])
    wp.werkgroepen.lid(groep.id, anna.id, rol="leider")

    cycli = wp.cycli
    cycli.start(groep.id, aanleiding="Word problems go worse", vraag="What helps?")
    try:  # a goal before the starting point is refused, with a code per reason
        cycli.doel(groep.id, tekst="75% at level", visie="eigenaarschap")
    except Geweigerd as fout:
        geweigerd.append(als_data(fout))
    cycli.beginsituatie(groep.id, tekst="62% at level", bronnen=["Test M5"])
    cycli.doel(
        groep.id,
        tekst="75% at level",
        visie="eigenaarschap",
        indicatoren=[("at level", "%", 62, 75)],
    )
    cycli.plan(groep.id, acties=[("Three-step model", None, None)], literatuur=["Book"])
    cycli.uitvoeren(groep.id)
    klok.zet(klok() + dt.timedelta(days=60))
    cycli.meting(groep.id, indicator="at level", waarde=71)
    cycli.evaluatie(groep.id, conclusie="deels", tekst="Almost there", lessen=["Start early"])
    cycli.afronden(groep.id)

    besluiten = wp.besluitvorming
    besluit = besluiten.nieuw("Three-step model", werkgroep=groep.id, thema="rekenen")
    besluiten.voorstel(besluit.id, "Groups 5-8 use it", leider=anna.id)
    besluiten.feedback_open(besluit.id, tot=klok() + dt.timedelta(days=14))
    besluiten.feedback(besluit.id, "Include group 4", extern="A parent", rol="ouder")
    try:  # the round is still open
        besluiten.neem(besluit.id, "We do it")
    except Geweigerd as fout:
        geweigerd.append(als_data(fout))
    klok.zet(klok() + dt.timedelta(days=15))
    besluiten.reageer(besluit.id, 1, oordeel="deels", motivatie="Group 4 follows later")
    besluiten.neem(besluit.id, "Groups 5-8 start in January")
    besluiten.implementeer(besluit.id)
    klok.zet(klok() + dt.timedelta(days=90))
    besluiten.evalueer(besluit.id, "It works", bronnen=["Test M6"])
    besluiten.borg(besluit.id, herevaluatie=klok() + dt.timedelta(days=365))
    return geweigerd


def gelijktijdig(wp: Werkplaats, groep_id: str) -> tuple[int, list[str]]:
    """Eight threads write log lines through one shared Werkplaats; returns how many
    arrived and every error that was not one of the library's own."""
    vreemd: list[str] = []

    def schrijf(draad: int) -> None:
        for i in range(SCHRIJFBEURTEN):
            try:
                wp.logboek.schrijf(groep_id, f"thread {draad} line {i}")
            except OnderzoekscyclusError:
                raise
            except Exception as fout:
                vreemd.append(repr(fout))

    draden = [threading.Thread(target=schrijf, args=(d,)) for d in range(DRADEN)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    regels = wp.werkgroepen.zoek(id=groep_id).logboek
    return sum(r.tekst.startswith("thread ") for r in regels), vreemd


def views(wp: Werkplaats, groep_id: str, besluit_id: str, school_id: str) -> dict[str, Any]:
    """Every view the tool shows, as JSON-able data, by the name of its schema."""
    return {
        "Status": als_data(wp.status()),
        "CyclusOverzicht": als_data(wp.cycli.overzicht(groep_id)),
        "BesluitOverzicht": als_data(wp.besluitvorming.overzicht(besluit_id)),
        "Expertisebeeld": als_data(wp.expertise.beeld(school_id)),
        "Partnerschapsbeeld": als_data(wp.expertise.partnerschap()),
        "Schoolprofiel": als_data(wp.scholen.schoolprofiel(school_id)),
        "ThemaScholen": als_data(wp.netwerk.scholen("rekenen")),
        "ThemaExperts": als_data(wp.netwerk.experts("rekenen")),
        "Werkgroep": als_data(wp.werkgroepen.zoek(id=groep_id)),
        "Besluit": als_data(wp.besluitvorming.zoek(id=besluit_id)),
    }


def main(map_: Path) -> dict[str, Any]:
    """Everything above in a new werkplaats in ``map_``; returns what it found."""
    klok = VasteKlok(dt.date(2026, 9, 1))
    wp = Werkplaats.maak(map_ / "werkplaats", "Integration", vandaag=klok, taal="en")
    geweigerd = cyclus_en_besluit(wp, klok)
    groep = wp.werkgroepen.lijst(thema="rekenen", limit=1)[0]
    besluit = wp.besluitvorming.lijst(werkgroep=groep.id)[0]
    school = wp.scholen.lijst(sector="po")[0]
    aangekomen, vreemd = gelijktijdig(wp, groep.id)
    return {
        "geweigerd": geweigerd,
        "draden": {"geschreven": DRADEN * SCHRIJFBEURTEN, "aangekomen": aangekomen},
        "vreemde_fouten": vreemd,
        "views": views(wp, groep.id, besluit.id, school.id),
    }


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tijdelijk:
        json.dump(main(Path(tijdelijk)), sys.stdout, ensure_ascii=False, indent=2)
        print()
