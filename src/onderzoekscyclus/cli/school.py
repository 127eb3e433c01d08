"""``ozc school``: add, list, show and profile schools."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from onderzoekscyclus.cli._bevestig import ja_optie, samenvoegen_met_vraag, verwijder_met_vraag
from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._opties import Keuze
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import Omgeving, als_data, melding, pass_omgeving, toon
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.model import School, Sector
from onderzoekscyclus.domein.schoolprofiel import Praktijkonderzoek
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _, ngettext

if TYPE_CHECKING:
    from onderzoekscyclus.api.duoimport import Schoolimport


@click.group(cls=Groep, help=_("Scholen en opleidingen in de werkplaats."))
def school() -> None:
    pass


def _school_tekst(s: School) -> str:
    regels = [
        f"{s.naam}  ({s.id})",
        _("  BRIN:     {brin}").format(brin=s.code),
        _("  Sector:   {sector}").format(sector=weergave(s.sector)),
    ]
    if s.adres is not None and s.adres.kort():
        regels.append(_("  Adres:    {adres}").format(adres=s.adres.kort()))
    if s.denominatie:
        regels.append(_("  Richting: {denominatie}").format(denominatie=s.denominatie))
    if s.website:
        regels.append(_("  Website:  {website}").format(website=s.website))
    if s.bevoegd_gezag:
        regels.append(_("  Bevoegd gezag: {nummer}").format(nummer=s.bevoegd_gezag))
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
    type=Keuze(Sector, "sector"),
    help=_("po, so, vo, mbo of opleiding (lerarenopleiding)."),
)
@click.option("--bestuur", help=_("Het schoolbestuur."))
@click.option("--cluster", help=_("Het cluster binnen het bestuur."))
@pass_omgeving
def toevoegen(
    omgeving: Omgeving,
    naam: str,
    brin: str,
    sector: Sector,
    bestuur: str | None,
    cluster: str | None,
) -> None:
    nieuw = omgeving.werkplaats.scholen.toevoegen(
        naam, brin=brin, sector=sector, bestuur=bestuur, cluster=cluster
    )
    toon(
        omgeving,
        nieuw,
        lambda: _("School toegevoegd: {naam} ({id}).").format(naam=nieuw.naam, id=nieuw.id),
    )


@school.command(
    "importeer",
    help=_(
        "Voeg scholen toe uit een adressenbestand van DUO (onderwijsdata.duo.nl), of werk "
        "ze bij. Wat het partnerschap zelf toevoegde (profiel, visie, bestuur, cluster, "
        "werkgroepen) blijft staan."
    ),
)
@click.argument("bestand", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--bestuur",
    multiple=True,
    help=_("Alleen de scholen van dit bevoegd gezag (nummer); mag vaker."),
)
@click.option("--gemeente", multiple=True, help=_("Alleen de scholen in deze gemeente; mag vaker."))
@click.option(
    "--provincie", multiple=True, help=_("Alleen de scholen in deze provincie; mag vaker.")
)
@click.option(
    "--brin",
    multiple=True,
    help=_("Alleen deze school: BRIN-code of vestigingscode; mag vaker."),
)
@click.option(
    "--sector",
    type=Keuze(Sector, "sector"),
    help=_("De sector van alle scholen, als het bestand die niet zelf noemt."),
)
@click.option(
    "--voorbeeld", is_flag=True, help=_("Laat zien wat er zou veranderen, en verander niets.")
)
@pass_omgeving
def importeer(
    omgeving: Omgeving,
    bestand: Path,
    bestuur: tuple[str, ...],
    gemeente: tuple[str, ...],
    provincie: tuple[str, ...],
    brin: tuple[str, ...],
    sector: Sector | None,
    voorbeeld: bool,
) -> None:
    verslag = omgeving.werkplaats.scholen.importeer(
        bestand,
        bestuur=bestuur,
        gemeente=gemeente,
        provincie=provincie,
        brin=brin,
        sector=sector,
        uitvoeren=not voorbeeld,
    )
    toon(omgeving, verslag, lambda: _importtekst(verslag), ombreken=True)


_TOON_HOOGSTENS = 20


def _importtekst(v: Schoolimport) -> str:
    kop = _("{bestand}:").format(bestand=v.bestand)
    regels = [
        kop
        + " "
        + ", ".join(
            (
                ngettext("{n} school nieuw", "{n} scholen nieuw", len(v.nieuw)).format(
                    n=len(v.nieuw)
                ),
                ngettext("{n} bijgewerkt", "{n} bijgewerkt", len(v.bijgewerkt)).format(
                    n=len(v.bijgewerkt)
                ),
                ngettext("{n} ongewijzigd", "{n} ongewijzigd", v.ongewijzigd).format(
                    n=v.ongewijzigd
                ),
            )
        )
        + (
            ngettext(
                " ({n} regel van het bestand niet gekozen).",
                " ({n} regels van het bestand niet gekozen).",
                v.niet_gekozen,
            ).format(n=v.niet_gekozen)
            if v.niet_gekozen
            else "."
        )
    ]
    if not v.uitgevoerd:
        regels.insert(0, _("Voorbeeld: er is niets veranderd. Zo zou het worden:"))
    for soort, lijst in ((_("nieuw"), v.nieuw), (_("bijgewerkt"), v.bijgewerkt)):
        for w in lijst[:_TOON_HOOGSTENS]:
            velden = (
                "" if soort == _("nieuw") else ": " + ", ".join(_VELDNAMEN[k]() for k in w.velden)
            )
            regels.append(f"  {soort}: {w.naam} [{w.code}]{velden}")
        if len(lijst) > _TOON_HOOGSTENS:
            regels.append(
                _("  … en {n} meer (--json toont alles)").format(n=len(lijst) - _TOON_HOOGSTENS)
            )
    return "\n".join(regels)


# how the fields DUO decides are called on screen
_VELDNAMEN = {
    "naam": lambda: _("naam"),
    "brin": lambda: _("BRIN-code"),
    "vestiging": lambda: _("vestigingscode"),
    "sector": lambda: _("sector"),
    "adres": lambda: _("adres"),
    "bevoegd_gezag": lambda: _("bevoegd gezag"),
    "denominatie": lambda: _("richting"),
    "website": lambda: _("website"),
}


@school.command("lijst", help=_("Toon de scholen, op naam, per pagina."))
@pagina_opties
@pass_omgeving
def lijst(omgeving: Omgeving, aantal: int, pagina: int, alle: bool) -> None:
    blad = Pagina.van(aantal, pagina, alle)
    scholen, meer = blad.knip(
        omgeving.werkplaats.scholen.lijst(limit=blad.limit, offset=blad.offset)
    )

    def tekst() -> str:
        if not scholen:
            if blad.pagina > 1:
                return blad.voorbij()
            return _("Nog geen scholen. Voeg er een toe met `ozc school toevoegen`.")
        return "\n".join(f"{s.naam}  [{s.brin}, {weergave(s.sector)}]  ({s.id})" for s in scholen)

    toon(omgeving, scholen, tekst, ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


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
        ombreken=True,
    )


def _onderzoeken_tekst(onderzoeken: tuple[Praktijkonderzoek, ...]) -> str:
    if not onderzoeken:
        return _(
            "  Praktijkonderzoek: nog geen (een werkgroep begint er een met `ozc cyclus start`)."
        )
    regels = [_("  Praktijkonderzoek:")]
    for o in onderzoeken:
        fase = weergave(o.fase) + (_(" (gepauzeerd)") if o.gepauzeerd else "")
        if o.conclusie is not None:
            fase += _(", conclusie: {conclusie}").format(conclusie=weergave(o.conclusie))
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


@school.command(
    help=_(
        "Leg de visie, waar de school trots op is en haar speerpunten vast. Een visie-element "
        "met een naam die er al is, krijgt de nieuwe tekst; de andere blijven. Trots en "
        "speerpunten worden aangevuld, tenzij u --vervang-trots of --vervang-speerpunten geeft. "
        "Met --zonder-visie, --zonder-speerpunt en --zonder-trots haalt u één onderdeel weg."
    )
)
@click.argument("school_ref", metavar="SCHOOL")
@click.option(
    "--visie", multiple=True, metavar="NAAM=TEKST", help=_("Een visie-element; herhaal voor meer.")
)
@click.option(
    "--trots", multiple=True, help=_("Iets waar de school trots op is en dat ze wil delen.")
)
@click.option("--speerpunt", multiple=True, help=_("Een speerpunt (thema) voor de komende jaren."))
@click.option(
    "--vervang-trots",
    is_flag=True,
    help=_(
        "Vervang wat er bij trots staat door de --trots van deze opdracht (zonder --trots: "
        "maak het leeg)."
    ),
)
@click.option(
    "--vervang-speerpunten",
    is_flag=True,
    help=_(
        "Vervang de speerpunten door de --speerpunt van deze opdracht (zonder --speerpunt: "
        "maak ze leeg)."
    ),
)
@click.option(
    "--zonder-visie",
    multiple=True,
    metavar="NAAM",
    help=_("Haal het visie-element met deze naam weg; herhaal voor meer."),
)
@click.option(
    "--zonder-speerpunt",
    multiple=True,
    metavar="TEKST",
    help=_("Haal dit speerpunt weg; herhaal voor meer."),
)
@click.option(
    "--zonder-trots",
    multiple=True,
    metavar="TEKST",
    help=_("Haal dit weg bij trots; herhaal voor meer."),
)
@pass_omgeving
def profiel(
    omgeving: Omgeving,
    school_ref: str,
    visie: tuple[str, ...],
    trots: tuple[str, ...],
    speerpunt: tuple[str, ...],
    vervang_trots: bool,
    vervang_speerpunten: bool,
    zonder_visie: tuple[str, ...],
    zonder_speerpunt: tuple[str, ...],
    zonder_trots: tuple[str, ...],
) -> None:
    paren = dict(_visie_paar(v) for v in visie)
    scholen = omgeving.werkplaats.scholen
    weg = zonder_visie or zonder_speerpunt or zonder_trots
    if weg and (paren or trots or speerpunt or vervang_trots or vervang_speerpunten):
        raise click.UsageError(
            _(
                "Haal weg (--zonder-…) en vul aan (--visie, --trots, --speerpunt) in twee opdrachten."
            )
        )
    if weg:
        bijgewerkt = scholen.haal_weg(
            school_ref, visie=zonder_visie, speerpunten=zonder_speerpunt, trots=zonder_trots
        )
        toon(omgeving, bijgewerkt, lambda: _school_tekst(bijgewerkt))
        return
    bijgewerkt = scholen.profiel(
        school_ref,
        visie=paren,
        trots=trots,
        speerpunten=speerpunt,
        vervang_trots=vervang_trots,
        vervang_speerpunten=vervang_speerpunten,
    )
    toon(omgeving, bijgewerkt, lambda: _school_tekst(bijgewerkt))


@school.command(
    "wijzig",
    help=_(
        "Verbeter de gegevens van een school: naam, BRIN-code, sector, bestuur of cluster. "
        "Het id blijft, dus alles wat naar de school verwijst, blijft kloppen."
    ),
)
@click.argument("school_ref", metavar="SCHOOL")
@click.option("--naam", help=_("De nieuwe naam."))
@click.option("--brin", help=_("De juiste BRIN-code."))
@click.option(
    "--sector",
    type=Keuze(Sector, "sector"),
    help=_("De juiste sector."),
)
@click.option("--bestuur", help=_("Het bestuur (een lege tekst haalt het weg)."))
@click.option("--cluster", help=_("Het cluster (een lege tekst haalt het weg)."))
@pass_omgeving
def wijzig(
    omgeving: Omgeving,
    school_ref: str,
    naam: str | None,
    brin: str | None,
    sector: Sector | None,
    bestuur: str | None,
    cluster: str | None,
) -> None:
    nieuw = omgeving.werkplaats.scholen.wijzig(
        school_ref,
        naam=naam,
        brin=brin,
        sector=sector,
        bestuur=bestuur,
        cluster=cluster,
    )
    toon(omgeving, nieuw, lambda: _school_tekst(nieuw))


@school.command(
    "verwijder",
    help=_(
        "Verwijder een school. Verwijst er nog iets naar de school, dan noemt ozc wat; met "
        "--met-verwijzingen verdwijnen verwijzingen die weg kunnen (de school van een "
        "persoon, één van de scholen van een werkgroep)."
    ),
)
@click.argument("school_ref", metavar="SCHOOL")
@click.option(
    "--met-verwijzingen", is_flag=True, help=_("Haal ook de verwijzingen naar de school weg.")
)
@ja_optie
@pass_omgeving
def verwijder(omgeving: Omgeving, school_ref: str, met_verwijzingen: bool, ja: bool) -> None:
    verwijder_met_vraag(
        omgeving,
        omgeving.werkplaats.scholen.verwijder,
        ja=ja,
        verwijzing=school_ref,
        met_verwijzingen=met_verwijzingen,
    )


@school.command(
    "samenvoegen",
    help=_(
        "Koppel alles van SCHOOL_WEG aan SCHOOL (dezelfde school twee keer toegevoegd, bijvoorbeeld in twee kopieën): werkgroepen, personen, besluiten en zelfevaluaties gaan mee, wat alleen SCHOOL_WEG wist komt erbij, en SCHOOL_WEG verdwijnt."
    ),
)
@click.argument("blijft", metavar="SCHOOL")
@click.argument("weg", metavar="SCHOOL_WEG")
@ja_optie
@pass_omgeving
def samenvoegen(omgeving: Omgeving, blijft: str, weg: str, ja: bool) -> None:
    samenvoegen_met_vraag(
        omgeving, omgeving.werkplaats.scholen.samenvoegen, ja=ja, blijft=blijft, weg=weg
    )
