"""``ozc cyclus``: the research cycle of a werkgroep, one step at a time."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import click

from onderzoekscyclus.cli._bevestig import bevestig, ja_optie
from onderzoekscyclus.cli._cyclustekst import (
    cycli_tekst,
    deel_tekst,
    kort,
    volgende_stap,
    volledig,
    waarschuwing_regels,
)
from onderzoekscyclus.cli._eenmalig import Groep, volgorde
from onderzoekscyclus.cli._opties import Keuze, door_optie
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    datum_of_geen,
    datum_optie,
    melding,
    pass_omgeving,
    toon,
)
from onderzoekscyclus.domein.cyclus import Conclusie
from onderzoekscyclus.domein.cyclusdelen import DELEN, Deel, plek
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.tekst import slug
from onderzoekscyclus.domein.velden import lees_getal
from onderzoekscyclus.errors import InvalidValue, UnknownReference
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._atomic import write_atomic

if TYPE_CHECKING:
    from onderzoekscyclus.api import CyclusOverzicht


@click.group(
    cls=Groep,
    help=_(
        "De onderzoekscyclus van een werkgroep: aanleiding, beginsituatie, doel, "
        "verbeterplan, uitvoering, evaluatie, afgerond."
    ),
)
def cyclus() -> None:
    pass


werkgroep_argument = click.argument("werkgroep_ref", metavar="WERKGROEP")
wie_optie = door_optie(_("Wie de stap zet (naam of id van een persoon)."), "--wie", naam="wie")


def _stap(omgeving: Omgeving, overzicht: CyclusOverzicht, melding: str) -> None:
    verder = volgende_stap(overzicht)
    regels = [melding, kort(overzicht), *([verder] if verder else [])]
    toon(omgeving, overzicht, lambda: "\n".join(regels), ombreken=True)


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
    "bron_soorten",
    multiple=True,
    help=_(
        "Soort bron, bijvoorbeeld toets, observatie, vragenlijst (standaard: document). "
        "Eén --bron-soort geldt voor alle bronnen; bij meer bronnen mag elke --bron ook een "
        "eigen --bron-soort krijgen, in dezelfde volgorde."
    ),
)
@datum_optie
@wie_optie
@pass_omgeving
def beginsituatie(
    omgeving: Omgeving,
    werkgroep_ref: str,
    tekst: str | None,
    bronnen: tuple[str, ...],
    bron_soorten: tuple[str, ...],
    datum: str | None,
    wie: str | None,
) -> None:
    o = omgeving.werkplaats.cycli.beginsituatie(
        werkgroep_ref,
        tekst=tekst,
        bronnen=list(zip(bronnen, _soorten(bronnen, bron_soorten), strict=True)),
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, o, _("Beginsituatie vastgelegd."))


def _soorten(bronnen: tuple[str, ...], soorten: tuple[str, ...]) -> list[str]:
    """The kind of each bron: ``document``, the one --bron-soort for all, or one
    --bron-soort per --bron in the same order. One --bron-soort between two --bron could
    belong to either: refused, as is any other number."""
    if soorten and not bronnen:
        raise click.UsageError(_("--bron-soort hoort bij een --bron, maar er is geen --bron."))
    if not soorten:
        return ["document"] * len(bronnen)
    if len(soorten) == len(bronnen):
        return list(soorten)
    gegeven = volgorde(click.get_current_context())
    bron = [i for i, naam in enumerate(gegeven) if naam == "bronnen"]
    if len(soorten) == 1 and not bron[0] < gegeven.index("bron_soorten") < bron[-1]:
        return [soorten[0]] * len(bronnen)
    raise click.UsageError(
        _(
            "Geef één --bron-soort voor alle bronnen (vóór de eerste of na de laatste --bron), "
            "of bij elke --bron een eigen --bron-soort, in dezelfde volgorde. Nu staan er "
            "{bronnen} keer --bron en {soorten} keer --bron-soort."
        ).format(bronnen=len(bronnen), soorten=len(soorten))
    )


def _getallen(waarden: tuple[str, ...], optie: str) -> list[float]:
    """The numbers of ``optie`` as a person types them (``62``, ``7,5``, ``48%``), read
    as the library reads them."""
    return [lees_getal(waarde, optie) for waarde in waarden]


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
    help=_(
        "Wanneer (per actie): een datum als JJJJ-MM-DD, die in `ozc planning` komt, of in "
        "woorden, zoals 'vanaf januari'."
    ),
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


@cyclus.command(
    "meting",
    help=_(
        "Leg een meting van een indicator vast. Vóór de uitvoering (na het doel) hoort een "
        "meting bij de basislijn. Meet vaak: vanaf 10 meetpunten ziet u of er echt iets "
        "verandert."
    ),
)
@werkgroep_argument
@click.option("--indicator", help=_("De indicator (niet nodig als de cyclus er één heeft)."))
@click.option("--waarde", required=True, help=_("De gemeten waarde."))
@click.option(
    "--groep",
    help=_("Het deel waarin gemeten is, als u per deel meet: een klas, een jaargroep, een school."),
)
@datum_optie
@wie_optie
@pass_omgeving
def meting(
    omgeving: Omgeving,
    werkgroep_ref: str,
    indicator: str | None,
    waarde: str,
    groep: str | None,
    datum: str | None,
    wie: str | None,
) -> None:
    _getallen((waarde,), "--waarde")  # no number: refused naming the option
    if indicator is None:
        namen = [
            i.naam for i in omgeving.werkplaats.cycli.overzicht(werkgroep_ref).cyclus.indicatoren
        ]
        if len(namen) != 1:
            raise click.UsageError(
                _("Kies de indicator met --indicator: {namen}.").format(
                    namen=", ".join(f"'{n}'" for n in namen)
                )
                if namen
                else _("De cyclus heeft nog geen indicator; leg die vast met `ozc cyclus doel`.")
            )
        indicator = namen[0]
    o = omgeving.werkplaats.cycli.meting(
        werkgroep_ref,
        indicator=indicator,
        waarde=waarde,  # as typed: the library reads it, and checks a % against the unit
        datum=datum_of_geen(datum),
        wie=wie,
        groep=groep,
    )
    from onderzoekscyclus.domein.meetreeks import korte_verlooptekst  # noqa: PLC0415 - lists do without

    n = len(o.cyclus.metingen)
    m = o.cyclus.metingen[-1]
    totaal = next((x for x in o.verloop if x.indicator == m.indicator and x.groep is None), None)
    verloop = (
        [
            _("Verloop van '{indicator}': {verloop}.").format(
                indicator=m.indicator, verloop=korte_verlooptekst(totaal)
            )
        ]
        if totaal is not None
        else []
    )
    _stap(
        omgeving,
        o,
        "\n".join(
            [
                _("Meting {n} vastgelegd: {meting}.").format(
                    n=n, meting=deel_tekst(o.cyclus, "meting", n)
                ),
                *verloop,
            ]
        ),
    )


@cyclus.command("evaluatie", help=_("Hebben we ons doel bereikt? Conclusie en lessen."))
@werkgroep_argument
@click.option(
    "--conclusie",
    required=True,
    type=Keuze(Conclusie, "conclusie"),
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
    conclusie: Conclusie,
    tekst: str,
    lessen: tuple[str, ...],
    datum: str | None,
    wie: str | None,
) -> None:
    o = omgeving.werkplaats.cycli.evaluatie(
        werkgroep_ref,
        conclusie=conclusie,
        tekst=tekst,
        lessen=lessen,
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, o, "\n".join([_("Evaluatie vastgelegd."), *waarschuwing_regels(o)]))


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
    _stap(omgeving, o, _("Terug naar fase {fase}.").format(fase=weergave(o.cyclus.fase)))


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
    "lijst",
    help=_(
        "Toon de cycli van een werkgroep, of (zonder WERKGROEP) van alle werkgroepen: "
        "nummer, fase, datums en methodekwaliteit."
    ),
)
@click.argument("werkgroep_ref", metavar="[WERKGROEP]", required=False)
@click.option("--school", "school_ref", help=_("Alleen de cycli van werkgroepen van deze school."))
@pagina_opties
@pass_omgeving
def lijst(
    omgeving: Omgeving,
    werkgroep_ref: str | None,
    school_ref: str | None,
    aantal: int,
    pagina: int,
    alle: bool,
) -> None:
    blad = Pagina.van(aantal, pagina, alle)
    cycli, meer = blad.knip(
        omgeving.werkplaats.cycli.lijst(
            werkgroep_ref, school=school_ref, limit=blad.limit, offset=blad.offset
        )
    )
    naam = werkgroep_ref
    if werkgroep_ref is not None and not cycli:
        naam = omgeving.werkplaats.werkgroepen.zoek(werkgroep_ref).naam
    toon(omgeving, cycli, lambda: cycli_tekst(cycli, blad, naam), ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


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
    toon(omgeving, overzicht, lambda: volledig(overzicht, namen), ombreken=True)


@cyclus.command(
    "grafiek",
    help=_(
        "Teken de runchart van een indicator: de meetpunten in de tijd, de mediaan (van de "
        "basislijn), de streefwaarde, en wanneer de cyclus van fase wisselde en acties "
        "begonnen. PAD eindigt op .svg of .png; is PAD een map, dan komt er een bestand "
        "per indicator in."
    ),
)
@werkgroep_argument
@click.option("--indicator", metavar="NAAM", help=_("De indicator (nodig bij meer dan één)."))
@click.option("--groep", help=_("Alleen de metingen van dit deel (een klas, een school)."))
@click.option(
    "--cyclus", "nummer", type=int, help=_("Het nummer van de cyclus (standaard: de laatste).")
)
@click.option(
    "--spc",
    is_flag=True,
    help=_(
        "Teken ook regelgrenzen (gemiddelde ± 2,66 × het gemiddelde bewegende bereik), "
        "vanaf 12 meetpunten."
    ),
)
@click.option(
    "--uit",
    required=True,
    metavar="PAD",
    help=_("Het bestand (.svg of .png) of de map om in te schrijven."),
)
@pass_omgeving
def grafiek(
    omgeving: Omgeving,
    werkgroep_ref: str,
    indicator: str | None,
    groep: str | None,
    nummer: int | None,
    spc: bool,
    uit: str,
) -> None:
    from onderzoekscyclus.export import grafiek as grafieken  # noqa: PLC0415 - draws

    o = omgeving.werkplaats.cycli.overzicht(werkgroep_ref, nummer)
    c = o.cyclus
    namen = [i.naam for i in c.indicatoren]
    if indicator is not None:
        gevonden = c.indicator(indicator)
        if gevonden is None:
            raise InvalidValue(
                _("Cyclus {n} van {w} heeft geen indicator '{i}'.").format(
                    n=c.nummer, w=o.werkgroep_naam, i=indicator
                ),
                _("Kies uit: {namen}.").format(namen=", ".join(f"'{x}'" for x in namen) or "-"),
                veld="indicator",
            )
        namen = [gevonden.naam]
    if not namen:
        raise InvalidValue(
            _("Cyclus {n} van {w} heeft nog geen indicator om te tekenen.").format(
                n=c.nummer, w=o.werkgroep_naam
            ),
            _("Leg het doel met een indicator vast met `ozc cyclus doel`."),
            veld="indicator",
        )
    bestanden = _grafiekbestanden(uit, o.werkgroep_naam, c.nummer, namen, groep)
    geschreven = []
    from onderzoekscyclus.domein.meetreeks import groepen_van  # noqa: PLC0415 - lists do without

    for naam, pad in bestanden:
        gemeten = groepen_van(c, naam)
        deel = next((x for x in gemeten if groep and x.casefold() == groep.casefold()), None)
        if groep is not None and deel is None:
            raise InvalidValue(
                _("'{i}' heeft geen metingen in groep '{g}'.").format(i=naam, g=groep),
                _("Gemeten groepen: {bekend}.").format(
                    bekend=", ".join(f"'{x}'" for x in gemeten) or "-"
                ),
                veld="groep",
            )
        g = grafieken.grafiekgegevens(c, naam, deel, spc=spc)
        if spc and g.regelkaart is None:
            melding(
                omgeving,
                _(
                    "'{i}' heeft {n} meetpunten; regelgrenzen tekent ozc vanaf 12. De runchart "
                    "staat er wel."
                ).format(i=naam, n=len(g.punten)),
            )
        vorm: Literal["svg", "png"] = "png" if pad.suffix.lower() == ".png" else "svg"
        write_atomic(pad, grafieken.teken(g, vorm))
        geschreven.append((pad, g))
    toon(
        omgeving,
        [
            {"bestand": str(pad), "indicator": g.indicator, "groep": g.groep, "verloop": g.verloop}
            for pad, g in geschreven
        ],
        lambda: "\n".join(
            _("Runchart geschreven naar {pad}.\n  {tekst}").format(
                pad=pad, tekst=grafieken.tekstalternatief(g)
            )
            for pad, g in geschreven
        ),
        ombreken=True,
    )


def _grafiekbestanden(
    uit_tekst: str, werkgroep: str, nummer: int, namen: list[str], groep: str | None
) -> list[tuple[str, Path]]:
    """Where each chart goes: ``uit`` itself, or a file per indicator in folder ``uit``
    (named after the werkgroep, the cycle and the indicator)."""
    uit = Path(uit_tekst)
    if uit.is_dir():
        extra = f"-{slug(groep)}" if groep else ""
        return [(n, uit / f"{slug(werkgroep)}-cyclus-{nummer}-{slug(n)}{extra}.svg") for n in namen]
    if uit_tekst.endswith(("/", os.sep)):
        raise InvalidValue(
            _("De map {map} bestaat niet.").format(map=uit),
            _("Maak de map eerst, of kies een andere plek."),
            veld="uit",
        )
    if uit.suffix.lower() not in {".svg", ".png"}:
        raise InvalidValue(
            _("Een grafiek wordt een .svg- of .png-bestand, niet '{pad}'.").format(pad=uit),
            _("Bijvoorbeeld: --uit grafiek.svg, of --uit een bestaande map."),
            veld="uit",
        )
    if len(namen) > 1:
        raise InvalidValue(
            _("De cyclus heeft {n} indicatoren; kies er een met --indicator.").format(n=len(namen)),
            _("Kies uit: {namen}; of geef met --uit een map voor alle indicatoren.").format(
                namen=", ".join(f"'{x}'" for x in namen)
            ),
            veld="indicator",
        )
    if not uit.parent.is_dir():
        raise InvalidValue(
            _("De map {map} bestaat niet.").format(map=uit.parent),
            _("Maak de map eerst, of kies een andere plek."),
            veld="uit",
        )
    return [(namen[0], uit)]


# --- corrections ------------------------------------------------------------------------------

_DEEL_OPTIES = (
    ("bron", "--bron", _("De bron met dit nummer (zoals `ozc cyclus toon` nummert).")),
    ("indicator", "--indicator", _("De indicator met deze naam.")),
    ("actie", "--actie", _("De actie met dit nummer.")),
    ("meting", "--meting", _("De meting met dit nummer.")),
)


def _deel_opties(functie: Any) -> Any:
    for deel, optie, uitleg in reversed(_DEEL_OPTIES):
        functie = click.option(
            optie, deel, metavar="NAAM" if deel == "indicator" else "NUMMER", help=uitleg
        )(functie)
    return click.option(
        "--cyclus",
        "nummer",
        type=int,
        metavar="NUMMER",
        help=_("Een eerdere cyclus dan de laatste."),
    )(functie)


@contextlib.contextmanager
def _nummers_in_toon() -> Iterator[None]:
    """An unknown part number: point at the command that shows the numbers."""
    try:
        yield
    except UnknownReference as fout:
        if fout.soort in DELEN and fout.kandidaten:
            fout.hint = _("`ozc cyclus toon` laat de nummers zien.")
        raise


def _gekozen_deel(gekozen: dict[str, str | None]) -> tuple[Deel, int | str]:
    """The one part chosen with --bron, --indicator, --actie or --meting."""
    gegeven = [(deel, waarde) for deel, waarde in gekozen.items() if waarde is not None]
    if len(gegeven) != 1:
        raise click.UsageError(_("Kies precies één van --bron, --indicator, --actie en --meting."))
    deel, waarde = gegeven[0]
    if deel == "indicator":
        return "indicator", waarde or ""
    assert waarde is not None
    if not waarde.strip().isdigit():
        raise InvalidValue(
            _("--{deel} '{waarde}' is geen nummer.").format(deel=deel, waarde=waarde),
            _("`ozc cyclus toon` laat de nummers zien."),
            veld=deel,
        )
    return deel, int(waarde)  # type: ignore[return-value]


@cyclus.command(
    "verwijder",
    help=_(
        "Haal een bron, indicator, actie of meting weg uit de cyclus (een vergissing). ozc "
        "weigert als de cyclus daarna niet meer bij haar fase past; een indicator met "
        "metingen gaat alleen met --met-metingen."
    ),
)
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@_deel_opties
@click.option(
    "--met-metingen", is_flag=True, help=_("Haal bij een indicator ook haar metingen weg.")
)
@ja_optie
@pass_omgeving
def verwijder(
    omgeving: Omgeving,
    werkgroep_ref: str,
    nummer: int | None,
    bron: str | None,
    indicator: str | None,
    actie: str | None,
    meting: str | None,
    met_metingen: bool,
    ja: bool,
) -> None:
    deel, welke = _gekozen_deel(
        {"bron": bron, "indicator": indicator, "actie": actie, "meting": meting}
    )
    wp = omgeving.werkplaats
    groep = wp.werkgroepen.zoek(werkgroep_ref)
    with _nummers_in_toon():
        voor = wp.cycli.overzicht(groep.id, nummer).cyclus
        n = plek(voor, deel, welke) + 1
    wat = _("{deel} {n}").format(deel=_(DELEN[deel][1]), n=n)
    bevestig(
        omgeving,
        _("Dit haalt {wat} weg uit cyclus {cyclus} van '{groep}': {deel}.").format(
            wat=wat, cyclus=voor.nummer, groep=groep.naam, deel=deel_tekst(voor, deel, n)
        ),
        ja=ja,
    )
    o = wp.cycli.verwijder(groep.id, deel, n, cyclus=voor.nummer, met_metingen=met_metingen)
    later = len(getattr(voor, DELEN[deel][0])) > n and deel != "indicator"
    regels = [
        _("{wat} is weggehaald: {deel}.").format(
            wat=wat[:1].upper() + wat[1:], deel=deel_tekst(voor, deel, n)
        ),
        *([_("De nummers erna schuiven één op; `ozc cyclus toon` laat ze zien.")] if later else []),
        kort(o),
    ]
    toon(omgeving, o, lambda: "\n".join(regels), ombreken=True)


@cyclus.command(
    "wijzig",
    help=_(
        "Verbeter een bron (--beschrijving, --soort, --datum), indicator (--naam, --eenheid, "
        "--nulmeting, --streefwaarde), actie (--wat, --wie, --wanneer) of meting (--waarde, "
        "--datum, --groep). Dezelfde regels als bij het vastleggen gelden."
    ),
)
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@_deel_opties
@click.option("--beschrijving", help=_("De beschrijving van de bron."))
@click.option("--soort", help=_("De soort bron (document, toets, observatie, …)."))
@click.option("--datum", help=_("De datum als JJJJ-MM-DD."))
@click.option("--naam", help=_("De naam van de indicator."))
@click.option("--eenheid", help=_("De eenheid van de indicator."))
@click.option("--nulmeting", help=_("De nulmeting."))
@click.option("--streefwaarde", help=_("De streefwaarde."))
@click.option("--wat", help=_("Wat de actie is."))
@click.option("--wie", help=_("Wie de actie doet."))
@click.option("--wanneer", help=_("Wanneer: een datum als JJJJ-MM-DD, of in woorden."))
@click.option("--waarde", help=_("De gemeten waarde."))
@click.option("--groep", help=_("Het deel waarin gemeten is (leeg: geen)."))
@pass_omgeving
def wijzig(
    omgeving: Omgeving,
    /,
    werkgroep_ref: str,
    nummer: int | None,
    bron: str | None,
    indicator: str | None,
    actie: str | None,
    meting: str | None,
    **velden: str | None,
) -> None:
    deel, welke = _gekozen_deel(
        {"bron": bron, "indicator": indicator, "actie": actie, "meting": meting}
    )
    gegeven: dict[str, Any] = {k: v for k, v in velden.items() if v is not None}
    for getal in ("nulmeting", "streefwaarde", "waarde"):
        if getal in gegeven:
            (gelezen,) = _getallen((gegeven[getal],), f"--{getal}")
            # a measured value as typed: the library checks a % against the unit
            if getal != "waarde":
                gegeven[getal] = gelezen
    if "datum" in gegeven:
        gegeven["datum"] = datum_of_geen(gegeven["datum"])
    with _nummers_in_toon():
        o = omgeving.werkplaats.cycli.wijzig(werkgroep_ref, deel, welke, cyclus=nummer, **gegeven)
    n = plek(o.cyclus, deel, gegeven.get("naam", welke)) + 1
    wat = _("{deel} {n}").format(deel=_(DELEN[deel][1]), n=n)
    regels = [
        _("{wat} is verbeterd: {deel}.").format(
            wat=wat[:1].upper() + wat[1:], deel=deel_tekst(o.cyclus, deel, n)
        ),
        kort(o),
    ]
    toon(omgeving, o, lambda: "\n".join(regels), ombreken=True)
