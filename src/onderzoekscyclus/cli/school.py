"""``ozc school``: add, list, show and profile schools."""

from __future__ import annotations

import click

from onderzoekscyclus.cli._uitvoer import Omgeving, als_data, pass_omgeving, toon
from onderzoekscyclus.domein.model import School, Sector
from onderzoekscyclus.domein.schoolprofiel import Praktijkonderzoek
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _


@click.group(help=_("Scholen en opleidingen in de werkplaats."))
def school() -> None:
    pass


def _school_tekst(s: School) -> str:
    regels = [
        f"{s.naam}  ({s.id})",
        _("  BRIN:     {brin}").format(brin=s.brin),
        _("  Sector:   {sector}").format(sector=s.sector.value),
    ]
    if s.bestuur:
        regels.append(_("  Bestuur:  {bestuur}").format(bestuur=s.bestuur))
    if s.cluster:
        regels.append(_("  Cluster:  {cluster}").format(cluster=s.cluster))
    if s.visie:
        regels.append(_("  Visie:"))
        regels.extend(f"    - {v.sleutel}: {v.tekst}" for v in s.visie)
    if s.profiel.trots:
        regels.append(_("  Trots op: {trots}").format(trots="; ".join(s.profiel.trots)))
    if s.profiel.speerpunten:
        regels.append(
            _("  Speerpunten: {speerpunten}").format(speerpunten=", ".join(s.profiel.speerpunten))
        )
    return "\n".join(regels)


@school.command("toevoegen", help=_("Voeg een school (of opleiding) toe."))
@click.argument("naam")
@click.option(
    "--brin",
    required=True,
    help=_("BRIN-code of instellingscode: twee cijfers en twee letters, zoals 12AB."),
)
@click.option(
    "--sector",
    required=True,
    type=click.Choice([s.value for s in Sector], case_sensitive=False),
    help=_("po, so, vo, mbo of opleiding (lerarenopleiding)."),
)
@click.option("--bestuur", help=_("Het schoolbestuur."))
@click.option("--cluster", help=_("Het cluster binnen het bestuur."))
@pass_omgeving
def toevoegen(
    omgeving: Omgeving, naam: str, brin: str, sector: str, bestuur: str | None, cluster: str | None
) -> None:
    nieuw = omgeving.werkplaats.scholen.toevoegen(
        naam, brin=brin, sector=Sector(sector), bestuur=bestuur, cluster=cluster
    )
    toon(
        omgeving,
        nieuw,
        lambda: _("School toegevoegd: {naam} ({id}).").format(naam=nieuw.naam, id=nieuw.id),
    )


@school.command("lijst", help=_("Toon alle scholen."))
@pass_omgeving
def lijst(omgeving: Omgeving) -> None:
    scholen = omgeving.werkplaats.scholen.lijst()
    toon(
        omgeving,
        scholen,
        lambda: (
            "\n".join(f"{s.naam}  [{s.brin}, {s.sector.value}]  ({s.id})" for s in scholen)
            or _("Nog geen scholen. Voeg er een toe met `ozc school toevoegen`.")
        ),
    )


@school.command("toon", help=_("Toon een school met haar visie en profiel."))
@click.argument("school_ref", metavar="SCHOOL")
@pass_omgeving
def toon_school(omgeving: Omgeving, school_ref: str) -> None:
    gevonden = omgeving.werkplaats.scholen.zoek(school_ref)
    onderzoeken = omgeving.werkplaats.scholen.schoolprofiel(gevonden.id).praktijkonderzoeken
    toon(
        omgeving,
        {**als_data(gevonden), "praktijkonderzoeken": als_data(onderzoeken)},
        lambda: _school_tekst(gevonden) + "\n" + _onderzoeken_tekst(onderzoeken),
    )


def _onderzoeken_tekst(onderzoeken: tuple[Praktijkonderzoek, ...]) -> str:
    if not onderzoeken:
        return _(
            "  Praktijkonderzoek: nog geen (een werkgroep begint er een met `ozc cyclus start`)."
        )
    regels = [_("  Praktijkonderzoek:")]
    for o in onderzoeken:
        fase = o.fase.value + (_(" (gepauzeerd)") if o.gepauzeerd else "")
        if o.conclusie is not None:
            fase += _(", conclusie: {conclusie}").format(conclusie=o.conclusie.value)
        regels.append(
            _("    - {werkgroep}, cyclus {n} ({themas}): {fase}").format(
                werkgroep=o.werkgroep_naam, n=o.cyclus, themas=", ".join(o.themas), fase=fase
            )
        )
        regels.append(f"      {o.vraag}")
        if o.evaluatie:
            regels.append(_("      Uitkomst: {tekst}").format(tekst=o.evaluatie))
        if o.met:
            regels.append(_("      Samen met: {scholen}").format(scholen=", ".join(o.met)))
    return "\n".join(regels)


def _visie_paar(waarde: str) -> tuple[str, str]:
    sleutel, is_, tekst = waarde.partition("=")
    if not is_ or not sleutel.strip() or not tekst.strip():
        raise InvalidValue(
            _("--visie '{waarde}' heeft niet de vorm NAAM=TEKST.").format(waarde=waarde),
            _('Bijvoorbeeld: --visie eigenaarschap="Leerlingen sturen mee in hun leerproces"'),
        )
    return sleutel.strip(), tekst.strip()


@school.command(help=_("Leg de visie, waar de school trots op is en haar speerpunten vast."))
@click.argument("school_ref", metavar="SCHOOL")
@click.option(
    "--visie", multiple=True, metavar="NAAM=TEKST", help=_("Een visie-element; herhaal voor meer.")
)
@click.option(
    "--trots", multiple=True, help=_("Iets waar de school trots op is en dat ze wil delen.")
)
@click.option("--speerpunt", multiple=True, help=_("Een speerpunt (thema) voor de komende jaren."))
@click.option(
    "--vervang",
    is_flag=True,
    help=_("Vervang trots en speerpunten in plaats van ze aan te vullen."),
)
@pass_omgeving
def profiel(
    omgeving: Omgeving,
    school_ref: str,
    visie: tuple[str, ...],
    trots: tuple[str, ...],
    speerpunt: tuple[str, ...],
    vervang: bool,
) -> None:
    paren = dict(_visie_paar(v) for v in visie)
    bijgewerkt = omgeving.werkplaats.scholen.profiel(
        school_ref, visie=paren, trots=trots, speerpunten=speerpunt, vervang=vervang
    )
    toon(omgeving, bijgewerkt, lambda: _school_tekst(bijgewerkt))
