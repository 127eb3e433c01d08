"""Every reason the rules can give for refusing an operation, by its stable code.

A refusal (:class:`~onderzoekscyclus.errors.Geweigerd`) carries one or more
:class:`~onderzoekscyclus.errors.Reden`: a code from this table with its data. The code
and the data are for programs (a school tool shows its own button, the CLI its own
hint with the command to type); the text is for people, translated when it is read.
Codes are part of the public contract: they are never renamed, only added.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from onderzoekscyclus.errors import Reden
from onderzoekscyclus.i18n import N_

__all__ = ["TEKSTEN", "reden"]

TEKSTEN: dict[str, str] = {
    # any state machine
    "fase": N_("'{operatie}' kan niet in fase '{fase}'"),
    "datum.toekomst": N_("{datum} ligt in de toekomst (vandaag is {vandaag})"),
    "datum.volgorde": N_(
        "{datum} ligt vóór de vorige stap ({laatste}); de geschiedenis blijft op volgorde"
    ),
    # the research cycle
    "cyclus.geen": N_("de werkgroep heeft nog geen onderzoekscyclus"),
    "cyclus.loopt": N_("cyclus {nummer} loopt nog (fase '{fase}'); rond die eerst af"),
    "cyclus.onbekend": N_("de werkgroep heeft geen cyclus {nummer}"),
    "beginsituatie.geen-tekst": N_("de beginsituatie is nog niet beschreven"),
    "beginsituatie.geen-bron": N_(
        "de beginsituatie heeft nog geen bron (wat laat zien waar de werkgroep staat)"
    ),
    "doel.geen-tekst": N_("het doel is nog niet beschreven"),
    "doel.geen-visie": N_(
        "het doel verwijst nog niet naar een element van de visie van de school (het waarom)"
    ),
    "doel.geen-indicator": N_(
        "het doel heeft nog geen indicator met eenheid, nulmeting en streefwaarde"
    ),
    "doel.onbekend-visie-element": N_(
        "de school heeft geen visie-element '{visie}' (bekend: {bekend})"
    ),
    "doel.indicator-bestaat": N_("de indicator '{naam}' bestaat al"),
    "doel.na-plan": N_(
        "het verbeterplan is al gemaakt; alleen een indicator kan er nog bij (gemarkeerd "
        "als achteraf toegevoegd)"
    ),
    "plan.geen-actie": N_("het verbeterplan heeft nog geen actie"),
    "plan.geen-onderbouwing": N_(
        "het verbeterplan is nog niet onderbouwd met literatuur of ervaringen elders"
    ),
    "plan.elders-eigen": N_("ervaringen elders komen van een andere werkgroep"),
    "plan.elders-geen-cyclus": N_("werkgroep '{naam}' heeft nog geen onderzoekscyclus"),
    "plan.elders-onbekende-cyclus": N_(
        "werkgroep '{naam}' heeft geen cyclus {nummer} (wel 1 tot en met {laatste})"
    ),
    "meting.onbekende-indicator": N_("de cyclus heeft geen indicator '{naam}' (wel: {namen})"),
    "evaluatie.metingen-ontbreken": N_("de indicator(en) {namen} hebben nog geen meting"),
    "evaluatie.ontbreekt": N_("de evaluatie is nog niet vastgelegd"),
    "terug.geen-reden": N_("geef een reden; die komt in de historie"),
    # besluitvorming
    "besluit.ronde-loopt": N_(
        "de feedbackronde loopt nog tot en met {tot}; de werkgroep besluit pas daarna, vanaf {na}"
    ),
    "besluit.zonder-reactie": N_(
        "feedback {nummers} heeft nog geen reactie (overgenomen, deels of niet "
        "overgenomen, met motivatie)"
    ),
    "besluit.geen-evaluatie": N_("er is nog geen evaluatie"),
    "besluit.geen-voorstel": N_("er is nog geen voorstel"),
    "besluit.leider-geen-lid": N_("{naam} is geen leider of expert van werkgroep '{groep}'"),
    "besluit.leider-geen-expertise": N_("{naam} heeft geen expertise op het thema '{thema}'"),
    "besluit.sluitdatum": N_("de sluitdatum {tot} moet na de opening ({datum}) liggen"),
    "besluit.ronde-gesloten": N_(
        "de feedbackronde is gesloten op {tot}; feedback kan alleen tijdens een open ronde"
    ),
    "besluit.ronde-niet-begonnen": N_("de ronde begon pas op {datum}"),
    "besluit.herevaluatie": N_("de herevaluatie ({her}) moet na de borging ({datum}) liggen"),
    "besluit.al-genomen": N_("een besluit in fase '{fase}' is al genomen"),
    "besluit.reden-leeg": N_("geef een reden; die komt in de historie"),
    # school visits
    "bezoek.bevinding-voor-bezoek": N_(
        "de bevinding van {datum} ligt vóór het bezoek ({bezoek}); een bevinding komt op "
        "of na de dag van het bezoek"
    ),
    "bezoek.gepland": N_(
        "het bezoek is gepland op {bezoek}; een bevinding komt pas op of na die dag"
    ),
    "bezoek.al-bron": N_("deze bevinding is al een bron van cyclus {nummer}"),
    "bezoek.bron-voor-bevinding": N_(
        "de bron zou van {datum} zijn, vóór de bevinding zelf ({bevinding})"
    ),
    "bezoek.onbekende-bevinding": N_(
        "het bezoek heeft geen bevinding '{bevinding}' (het heeft er {aantal})"
    ),
    # changing and removing
    "verwijder.in-gebruik": N_("'{wat}' wordt nog gebruikt door: {lijst}"),
    "wijzig.samenhang": N_("{tekst}"),
    "samenvoegen.zelfde": N_("een {soort} samenvoegen met zichzelf kan niet; noem er twee"),
    "verwijder.fase": N_(
        "zonder dit past de cyclus niet meer bij fase '{fase}': {waarom}; voeg eerst iets "
        "anders toe, of ga een fase terug"
    ),
}
"""Every reason code, with its text (marked for translation, filled in with its data)."""


def reden(code: str, **waarden: Any) -> Reden:
    """The reason ``code`` with its data."""
    return Reden(code, TEKSTEN[code], waarden)


def met_woorden(gegeven: Reden, woorden: Mapping[str, str]) -> Reden:
    """``gegeven`` with the words a person reads for some of its data (a phase), as
    :class:`~onderzoekscyclus.errors.Reden` has them.

    .. versionadded:: 0.2.0
    """
    gegeven.woorden.update(woorden)
    return gegeven
