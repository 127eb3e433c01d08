"""``ozc cyclus``: the research cycle of a werkgroep, one step at a time."""

from __future__ import annotations

import click

from onderzoekscyclus.api import CyclusOverzicht
from onderzoekscyclus.cli._cyclustekst import kort, volledig
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    datum_of_geen,
    datum_optie,
    pass_omgeving,
    toon,
)
from onderzoekscyclus.domein.cyclus import Conclusie
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _


@click.group(
    help=_(
        "De onderzoekscyclus van een werkgroep: aanleiding, beginsituatie, doel, "
        "verbeterplan, uitvoering, evaluatie, afgerond."
    )
)
def cyclus() -> None:
    pass


werkgroep_argument = click.argument("werkgroep_ref", metavar="WERKGROEP")
wie_optie = click.option("--wie", help=_("Wie de stap zet (naam of id van een persoon)."))


def _stap(omgeving: Omgeving, overzicht: CyclusOverzicht, melding: str) -> None:
    toon(omgeving, overzicht, lambda: f"{melding}\n{kort(overzicht)}")


@cyclus.command("start", help=_("Begin een onderzoekscyclus: de aanleiding en de onderzoeksvraag."))
@werkgroep_argument
@click.option("--aanleiding", required=True, help=_("Het urgente probleem of de verbeterwens."))
@click.option("--vraag", required=True, help=_("De vraag die de werkgroep wil beantwoorden."))
@datum_optie
@wie_optie
@pass_omgeving
def start(
    omgeving: Omgeving,
    werkgroep_ref: str,
    aanleiding: str,
    vraag: str,
    datum: str | None,
    wie: str | None,
) -> None:
    o = omgeving.werkplaats.cycli.start(
        werkgroep_ref, aanleiding=aanleiding, vraag=vraag, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, o, _("Cyclus {n} gestart.").format(n=o.cyclus.nummer))


@cyclus.command(
    "beginsituatie", help=_("Waar staan we nu en waar blijkt dat uit? Beschrijving en bronnen.")
)
@werkgroep_argument
@click.option("--tekst", help=_("Beschrijving van de beginsituatie."))
@click.option(
    "--bron",
    "bronnen",
    multiple=True,
    help=_("Wat het laat zien (toets, observatie, …); herhaal voor meer."),
)
@click.option(
    "--bron-soort",
    default="document",
    show_default=True,
    help=_("Soort bron, bijvoorbeeld toets, observatie, vragenlijst."),
)
@datum_optie
@wie_optie
@pass_omgeving
def beginsituatie(
    omgeving: Omgeving,
    werkgroep_ref: str,
    tekst: str | None,
    bronnen: tuple[str, ...],
    bron_soort: str,
    datum: str | None,
    wie: str | None,
) -> None:
    o = omgeving.werkplaats.cycli.beginsituatie(
        werkgroep_ref,
        tekst=tekst,
        bronnen=bronnen,
        bron_soort=bron_soort,
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, o, _("Beginsituatie vastgelegd."))


def _getallen(waarden: tuple[str, ...], optie: str) -> list[float]:
    uit = []
    for waarde in waarden:
        try:
            uit.append(float(waarde.replace(",", ".")))
        except ValueError:
            raise InvalidValue(
                _("{optie} '{waarde}' is geen getal.").format(optie=optie, waarde=waarde),
                _("Schrijf bijvoorbeeld 62 of 7,5."),
            ) from None
    return uit


@cyclus.command(
    "doel",
    help=_(
        "Waar willen we staan en waarom? Het doel, het visie-element van de school en "
        "indicatoren met nulmeting en streefwaarde. Herhaal --indicator, --eenheid, "
        "--nulmeting en --streefwaarde voor meer indicatoren (in dezelfde volgorde)."
    ),
)
@werkgroep_argument
@click.option("--tekst", help=_("Het doel."))
@click.option("--visie", help=_("Het visie-element van de school waar het doel aan bijdraagt."))
@click.option("--indicator", "indicatoren", multiple=True, help=_("Naam van een indicator."))
@click.option("--eenheid", "eenheden", multiple=True, help=_("Eenheid van de indicator, zoals %."))
@click.option("--nulmeting", "nulmetingen", multiple=True, help=_("De waarde bij de start."))
@click.option(
    "--streefwaarde",
    "streefwaarden",
    multiple=True,
    help=_("De waarde die de werkgroep wil bereiken."),
)
@datum_optie
@wie_optie
@pass_omgeving
def doel(
    omgeving: Omgeving,
    werkgroep_ref: str,
    tekst: str | None,
    visie: str | None,
    indicatoren: tuple[str, ...],
    eenheden: tuple[str, ...],
    nulmetingen: tuple[str, ...],
    streefwaarden: tuple[str, ...],
    datum: str | None,
    wie: str | None,
) -> None:
    if not len(indicatoren) == len(eenheden) == len(nulmetingen) == len(streefwaarden):
        raise InvalidValue(
            _("Geef bij elke --indicator ook --eenheid, --nulmeting en --streefwaarde."),
            _('Bijvoorbeeld: --indicator "op niveau" --eenheid % --nulmeting 62 --streefwaarde 75'),
        )
    reeks = list(
        zip(
            indicatoren,
            eenheden,
            _getallen(nulmetingen, "--nulmeting"),
            _getallen(streefwaarden, "--streefwaarde"),
            strict=True,
        )
    )
    o = omgeving.werkplaats.cycli.doel(
        werkgroep_ref,
        tekst=tekst,
        visie=visie,
        indicatoren=reeks,
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, o, _("Doel vastgelegd."))


@cyclus.command(
    "plan",
    help=_(
        "Wat gaan we doen? Acties, onderbouwd met literatuur of ervaringen elders. "
        "--wie en --wanneer horen bij de --actie op dezelfde plek in de rij."
    ),
)
@werkgroep_argument
@click.option("--actie", "acties", multiple=True, help=_("Wat er gebeurt; herhaal voor meer."))
@click.option("--wie", "wie_acties", multiple=True, help=_("Wie de actie uitvoert (per actie)."))
@click.option(
    "--wanneer",
    "wanneer_acties",
    multiple=True,
    help=_("Wanneer (per actie), bijvoorbeeld 'vanaf januari'."),
)
@click.option("--literatuur", multiple=True, help=_("Een literatuurverwijzing."))
@click.option(
    "--elders",
    multiple=True,
    metavar="WERKGROEP[#N]",
    help=_("Een cyclus van een andere werkgroep (ervaringen elders)."),
)
@datum_optie
@pass_omgeving
def plan(
    omgeving: Omgeving,
    werkgroep_ref: str,
    acties: tuple[str, ...],
    wie_acties: tuple[str, ...],
    wanneer_acties: tuple[str, ...],
    literatuur: tuple[str, ...],
    elders: tuple[str, ...],
    datum: str | None,
) -> None:
    if len(wie_acties) > len(acties) or len(wanneer_acties) > len(acties):
        raise InvalidValue(_("Er zijn meer --wie of --wanneer dan --actie."))
    reeks = [
        (
            wat,
            wie_acties[i] if i < len(wie_acties) else None,
            wanneer_acties[i] if i < len(wanneer_acties) else None,
        )
        for i, wat in enumerate(acties)
    ]
    o = omgeving.werkplaats.cycli.plan(
        werkgroep_ref,
        acties=reeks,
        literatuur=literatuur,
        elders=elders,
        datum=datum_of_geen(datum),
    )
    _stap(omgeving, o, _("Verbeterplan vastgelegd."))


@cyclus.command("uitvoeren", help=_("Start de uitvoering van het verbeterplan."))
@werkgroep_argument
@datum_optie
@wie_optie
@pass_omgeving
def uitvoeren(omgeving: Omgeving, werkgroep_ref: str, datum: str | None, wie: str | None) -> None:
    o = omgeving.werkplaats.cycli.uitvoeren(werkgroep_ref, datum=datum_of_geen(datum), wie=wie)
    _stap(omgeving, o, _("De uitvoering is gestart."))


@cyclus.command("meting", help=_("Leg een meting van een indicator vast."))
@werkgroep_argument
@click.option("--indicator", required=True, help=_("De indicator."))
@click.option("--waarde", required=True, help=_("De gemeten waarde."))
@datum_optie
@pass_omgeving
def meting(
    omgeving: Omgeving, werkgroep_ref: str, indicator: str, waarde: str, datum: str | None
) -> None:
    (gemeten,) = _getallen((waarde,), "--waarde")
    o = omgeving.werkplaats.cycli.meting(
        werkgroep_ref, indicator=indicator, waarde=gemeten, datum=datum_of_geen(datum)
    )
    _stap(omgeving, o, _("Meting vastgelegd."))


@cyclus.command("evaluatie", help=_("Hebben we ons doel bereikt? Conclusie en lessen."))
@werkgroep_argument
@click.option(
    "--conclusie",
    required=True,
    type=click.Choice([c.value for c in Conclusie], case_sensitive=False),
    help=_("bereikt, deels of niet-bereikt."),
)
@click.option("--tekst", required=True, help=_("Toelichting op de conclusie."))
@click.option("--les", "lessen", multiple=True, help=_("Een geleerde les; herhaal voor meer."))
@datum_optie
@wie_optie
@pass_omgeving
def evaluatie(
    omgeving: Omgeving,
    werkgroep_ref: str,
    conclusie: str,
    tekst: str,
    lessen: tuple[str, ...],
    datum: str | None,
    wie: str | None,
) -> None:
    o = omgeving.werkplaats.cycli.evaluatie(
        werkgroep_ref,
        conclusie=Conclusie(conclusie),
        tekst=tekst,
        lessen=lessen,
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, o, _("Evaluatie vastgelegd."))


@cyclus.command("afronden", help=_("Rond de cyclus af: de resultaten kunnen gedeeld worden."))
@werkgroep_argument
@datum_optie
@wie_optie
@pass_omgeving
def afronden(omgeving: Omgeving, werkgroep_ref: str, datum: str | None, wie: str | None) -> None:
    o = omgeving.werkplaats.cycli.afronden(werkgroep_ref, datum=datum_of_geen(datum), wie=wie)
    _stap(omgeving, o, _("Cyclus {n} is afgerond.").format(n=o.cyclus.nummer))


@cyclus.command("volgende", help=_("Begin een nieuwe cyclus vanuit de evaluatie van de vorige."))
@werkgroep_argument
@click.option("--vraag", help=_("Een nieuwe onderzoeksvraag (standaard: de vorige)."))
@datum_optie
@wie_optie
@pass_omgeving
def volgende(
    omgeving: Omgeving, werkgroep_ref: str, vraag: str | None, datum: str | None, wie: str | None
) -> None:
    o = omgeving.werkplaats.cycli.volgende(
        werkgroep_ref, vraag=vraag, datum=datum_of_geen(datum), wie=wie
    )
    _stap(
        omgeving,
        o,
        _("Cyclus {n} gestart vanuit de evaluatie van cyclus {v}.").format(
            n=o.cyclus.nummer, v=o.cyclus.vorige
        ),
    )


@cyclus.command("terug", help=_("Ga een fase terug; de reden komt in de historie."))
@werkgroep_argument
@click.option("--reden", required=True, help=_("Waarom de werkgroep teruggaat."))
@datum_optie
@wie_optie
@pass_omgeving
def terug(
    omgeving: Omgeving, werkgroep_ref: str, reden: str, datum: str | None, wie: str | None
) -> None:
    o = omgeving.werkplaats.cycli.terug(
        werkgroep_ref, reden=reden, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, o, _("Terug naar fase {fase}.").format(fase=o.cyclus.fase.value))


@cyclus.command("pauzeer", help=_("Pauzeer de cyclus; hij blijft in zijn fase."))
@werkgroep_argument
@click.option("--reden", help=_("Waarom de cyclus even stilligt."))
@datum_optie
@wie_optie
@pass_omgeving
def pauzeer(
    omgeving: Omgeving, werkgroep_ref: str, reden: str | None, datum: str | None, wie: str | None
) -> None:
    o = omgeving.werkplaats.cycli.pauzeer(
        werkgroep_ref, reden=reden, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, o, _("De cyclus is gepauzeerd."))


@cyclus.command("hervat", help=_("Hervat een gepauzeerde cyclus."))
@werkgroep_argument
@datum_optie
@wie_optie
@pass_omgeving
def hervat(omgeving: Omgeving, werkgroep_ref: str, datum: str | None, wie: str | None) -> None:
    o = omgeving.werkplaats.cycli.hervat(werkgroep_ref, datum=datum_of_geen(datum), wie=wie)
    _stap(omgeving, o, _("De cyclus is hervat."))


@cyclus.command(
    "toon",
    help=_("Toon een cyclus: de stappen, de resultaten, de methodekwaliteit en de historie."),
)
@werkgroep_argument
@click.option(
    "--cyclus", "nummer", type=int, help=_("Het nummer van de cyclus (standaard: de laatste).")
)
@pass_omgeving
def toon_cyclus(omgeving: Omgeving, werkgroep_ref: str, nummer: int | None) -> None:
    wp = omgeving.werkplaats
    overzicht = wp.cycli.overzicht(werkgroep_ref, nummer)
    namen = wp.cycli.namen()
    toon(omgeving, overzicht, lambda: volledig(overzicht, namen))
