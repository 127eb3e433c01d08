"""``ozc thema``: schools, experts and networks on the same theme across a partnership."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import attrs
import click

from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import Omgeving, melding, pass_omgeving, toon
from onderzoekscyclus.domein.keuzes import weergave_van
from onderzoekscyclus.domein.waarden import Conclusie, Fase, Rol, Sector

if TYPE_CHECKING:
    from onderzoekscyclus.api import Themanetwerk
    from onderzoekscyclus.domein.netwerk import (
        Aansluiten,
        Ondersteuning,
        Overeenkomst,
        ThemaExperts,
        ThemaGebruik,
        ThemaScholen,
        Thematischnetwerk,
        VergelijkbareScholen,
    )
from onderzoekscyclus.i18n import N_, _, ngettext
from onderzoekscyclus.opmaak import aantal, getal

_MAX_SCHOLEN_IN_TEKST = 12

T = TypeVar("T")


@click.group(
    cls=Groep,
    help=_(
        "Thema's in het partnerschap: wie onderzoekt wat, wie weet ervan, "
        "en welke scholen kunnen van elkaar leren."
    ),
)
def thema() -> None:
    pass


def _netwerk(omgeving: Omgeving) -> Themanetwerk:
    return omgeving.netwerk


def _onleesbaar(omgeving: Omgeving, bestanden: Sequence[str]) -> None:
    if bestanden:
        click.echo(
            ngettext(
                "Let op: {n} bestand kon niet gelezen worden en telt niet mee (zie `ozc controleer`).",
                "Let op: {n} bestanden konden niet gelezen worden en tellen niet mee (zie `ozc controleer`).",
                len(bestanden),
            ).format(n=len(bestanden)),
            err=True,
        )


def _toon_blad(
    omgeving: Omgeving, blad: Pagina, antwoord: T, veld: str, tekst: Callable[[T, Pagina], str]
) -> None:
    """Show an answer whose list ``veld`` was asked for one page and one item more: the
    page, and below it how to see the next one when there is more."""
    _onleesbaar(omgeving, getattr(antwoord, "onleesbaar"))  # noqa: B009 - every answer has it
    items, meer = blad.knip(getattr(antwoord, veld))
    deel = attrs.evolve(antwoord, **{veld: tuple(items)})  # type: ignore[misc]
    toon(omgeving, deel, lambda: tekst(deel, blad), ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


# --- lijst -------------------------------------------------------------------------------------


def _tellingen(t: ThemaGebruik) -> str:
    """``2 werkgroepen, 1 school, 3 experts``."""
    return ", ".join(
        [
            ngettext("{n} werkgroep", "{n} werkgroepen", t.werkgroepen).format(n=t.werkgroepen),
            ngettext("{n} school", "{n} scholen", t.scholen).format(n=t.scholen),
            ngettext("{n} expert", "{n} experts", t.experts).format(n=t.experts),
        ]
    )


def _lijst_tekst(themas: list[ThemaGebruik]) -> str:
    if not themas:
        return _("Nog geen thema's in gebruik. Geef een werkgroep een thema met --thema.")
    regels = []
    vrij = [t for t in themas if not t.in_thesaurus]
    for t in themas:
        if not t.in_thesaurus:
            continue
        tellingen = _tellingen(t)
        extra = ""
        if t.varianten:
            extra = "  " + _("(ook als: {varianten})").format(varianten=", ".join(t.varianten))
        regels.append(f"{'  ' * t.diepte}{t.label}: {tellingen}{extra}")
    if vrij:
        regels.append("")
        regels.append(
            _("Niet in de thesaurus (voeg ze toe aan thesaurus.toml om synoniemen te koppelen):")
        )
        regels.extend(f"  {t.label}: {_tellingen(t)}" for t in vrij)
    return "\n".join(regels)


@thema.command(
    "toevoegen",
    help=_(
        "Voeg een thema toe aan de eigen thesaurus van de werkplaats (thesaurus.toml), "
        "onder een breder thema en met synoniemen."
    ),
)
@click.argument("naam")
@click.option("--breder", help=_("Het bredere thema waaronder het valt (een bekend thema)."))
@click.option("--synoniem", "synoniemen", multiple=True, help=_("Een andere naam; mag vaker."))
@pass_omgeving
def toevoegen(
    omgeving: Omgeving, naam: str, breder: str | None, synoniemen: tuple[str, ...]
) -> None:
    nieuw = _netwerk(omgeving).toevoegen(naam, breder=breder, synoniemen=synoniemen)
    toon(
        omgeving,
        nieuw,
        lambda: (
            _("Thema '{naam}' toegevoegd aan thesaurus.toml, onder '{breder}'.").format(
                naam=nieuw.label, breder=nieuw.breder
            )
            if nieuw.breder
            else _("Thema '{naam}' toegevoegd aan thesaurus.toml.").format(naam=nieuw.label)
        ),
        ombreken=True,
    )


@thema.command("lijst", help=_("Toon de thema's die in gebruik zijn, als boom met aantallen."))
@click.option(
    "--alle", is_flag=True, help=_("Toon ook de thema's van de thesaurus die niemand gebruikt.")
)
@pass_omgeving
def lijst(omgeving: Omgeving, alle: bool) -> None:
    themas = _netwerk(omgeving).lijst(alle=alle)
    toon(omgeving, themas, lambda: _lijst_tekst(themas))


# --- scholen -----------------------------------------------------------------------------------


def _fase(fase: str | None, cyclus: int | None, gepauzeerd: bool) -> str:
    if fase is None:
        return _("nog geen cyclus")
    pauze = _(", gepauzeerd") if gepauzeerd else ""
    return _("cyclus {n}: {fase}{pauze}").format(
        n=cyclus, fase=weergave_van(Fase, fase), pauze=pauze
    )


def _scholen_tekst(antwoord: ThemaScholen, blad: Pagina) -> str:
    kop = ngettext(
        "{thema}: {n} school",
        "{thema}: {n} scholen",
        antwoord.scholen,
    ).format(thema=antwoord.thema, n=getal(antwoord.scholen))
    regels = [kop]
    if len(antwoord.omvat) > 1:
        regels.append(_("  (met {themas})").format(themas=", ".join(antwoord.omvat)))
    if not antwoord.werkgroepen:
        regels.append(
            blad.voorbij() if blad.pagina > 1 else _("Geen werkgroep onderzoekt dit thema.")
        )
    vorige = None
    for t in antwoord.werkgroepen:
        if t.school != vorige:
            regels.append("")
            sector = weergave_van(Sector, t.sector)
            waar = f" ({t.werkplaats})" if t.werkplaats else ""
            regels.append(f"{t.school_naam}" + (f" [{sector}]" if sector else "") + waar)
            vorige = t.school
        leiders = (
            ngettext("leider: {namen}", "leiders: {namen}", len(t.leiders)).format(
                namen=", ".join(t.leiders)
            )
            if t.leiders
            else _("geen leider")
        )
        fase = _fase(t.fase, t.cyclus, t.gepauzeerd)
        conclusie = weergave_van(Conclusie, t.conclusie)
        if conclusie and t.conclusie_cyclus == t.cyclus:
            fase += f" ({conclusie})"
        elif conclusie:
            fase += "; " + _("cyclus {n} afgerond ({conclusie})").format(
                n=t.conclusie_cyclus, conclusie=conclusie
            )
        regels.append(f"  {t.werkgroep_naam} ({', '.join(t.themas)}): {fase}; {leiders}")
    return "\n".join(regels)


@thema.command("scholen", help=_("Toon de scholen die THEMA onderzoeken (ook smallere thema's)."))
@click.argument("thema_tekst", metavar="THEMA")
@pagina_opties
@pass_omgeving
def scholen(omgeving: Omgeving, thema_tekst: str, aantal: int, pagina: int, alle: bool) -> None:
    blad = Pagina.van(aantal, pagina, alle)
    antwoord = _netwerk(omgeving).scholen(thema_tekst, limit=blad.limit, offset=blad.offset)
    _toon_blad(omgeving, blad, antwoord, "werkgroepen", _scholen_tekst)


# --- vergelijkbaar ----------------------------------------------------------------------------


def _vergelijkbaar_tekst(antwoord: VergelijkbareScholen) -> str:
    if not antwoord.themas:
        return _(
            "{naam} heeft nog geen werkgroep met een thema; er is niets om te vergelijken."
        ).format(naam=antwoord.naam)
    regels = [
        _("Scholen die lijken op {naam} ({themas}):").format(
            naam=antwoord.naam, themas=", ".join(antwoord.themas)
        )
    ]
    if not antwoord.scholen:
        regels.append(_("  Geen andere school werkt aan deze thema's."))
    for i, g in enumerate(antwoord.scholen, start=1):
        regels.append(
            f"  {i}. {g.naam}  ({getal(g.score, decimalen=2)})  "
            + _("gedeeld: {themas}").format(themas=", ".join(g.gedeeld))
        )
    return "\n".join(regels)


@thema.command(
    "vergelijkbaar",
    help=_(
        "Toon de scholen die het meest op SCHOOL lijken: gedeelde thema's, "
        "waarbij een zeldzaam thema zwaarder telt."
    ),
)
@click.argument("school_ref", metavar="SCHOOL")
@click.option(
    "--aantal",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help=_("Hoeveel scholen."),
)
@pass_omgeving
def vergelijkbaar(omgeving: Omgeving, school_ref: str, aantal: int) -> None:
    antwoord = _netwerk(omgeving).vergelijkbaar(school_ref, aantal=aantal)
    _onleesbaar(omgeving, antwoord.onleesbaar)
    toon(omgeving, antwoord, lambda: _vergelijkbaar_tekst(antwoord))


# --- netwerken ---------------------------------------------------------------------------------


def _netwerken_tekst(netwerken: list[Thematischnetwerk]) -> str:
    if not netwerken:
        return _("Geen netwerken gevonden: er zijn te weinig scholen met gedeelde thema's.")
    regels = []
    for n in netwerken:
        regels.append(
            _("Netwerk {nummer}: {themas}").format(nummer=n.nummer, themas=", ".join(n.themas[:6]))
            + (" …" if len(n.themas) > 6 else "")
        )
        opleidingen = sum(s.sector == "opleiding" for s in n.scholen)
        regels.append(
            "  "
            + ngettext("{n} school", "{n} scholen", len(n.scholen)).format(n=len(n.scholen))
            + (
                ", "
                + ngettext("waarvan {n} opleiding", "waarvan {n} opleidingen", opleidingen).format(
                    n=opleidingen
                )
                if opleidingen
                else ""
            )
            + ": "
            + ", ".join(s.naam for s in n.scholen[:_MAX_SCHOLEN_IN_TEKST])
            + (
                " " + _("en {n} meer").format(n=len(n.scholen) - _MAX_SCHOLEN_IN_TEKST)
                if len(n.scholen) > _MAX_SCHOLEN_IN_TEKST
                else ""
            )
        )
    return "\n".join(regels)


@thema.command(
    "netwerken",
    help=_(
        "Stel thematische netwerken voor: groepen scholen die aan dezelfde thema's werken "
        "(Louvain-gemeenschappen in het netwerk van scholen en thema's)."
    ),
)
@click.option(
    "--min-scholen",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help=_("Alleen netwerken met minstens zoveel scholen."),
)
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help=_("Startwaarde van de berekening; dezelfde waarde geeft dezelfde netwerken."),
)
@pass_omgeving
def netwerken(omgeving: Omgeving, min_scholen: int, seed: int) -> None:
    antwoord = _netwerk(omgeving).netwerken(min_scholen=min_scholen, seed=seed)
    toon(omgeving, antwoord, lambda: _netwerken_tekst(antwoord))


# --- experts -----------------------------------------------------------------------------------


def _experts_tekst(antwoord: ThemaExperts, totaal: int) -> str:
    regels = [
        ngettext("{thema}: {n} expert", "{thema}: {n} experts", totaal).format(
            thema=antwoord.thema, n=aantal(totaal)
        )
    ]
    if len(antwoord.omvat) > 1:
        regels.append(_("  (met {themas})").format(themas=", ".join(antwoord.omvat)))
    for e in antwoord.experts:
        waar = e.school_naam or _("geen school")
        if e.werkplaats:
            waar += f", {e.werkplaats}"
        rollen = ", ".join(weergave_van(Rol, r) for r in e.rollen) or _("geen rol")
        regels.append(f"  {e.naam} ({waar}; {rollen}): {', '.join(e.expertise)}")
    return "\n".join(regels)


@thema.command("experts", help=_("Toon wie in het partnerschap expertise heeft op THEMA."))
@click.argument("thema_tekst", metavar="THEMA")
@pagina_opties
@pass_omgeving
def experts(omgeving: Omgeving, thema_tekst: str, aantal: int, pagina: int, alle: bool) -> None:
    antwoord = _netwerk(omgeving).experts(thema_tekst)
    _onleesbaar(omgeving, antwoord.onleesbaar)
    blad = Pagina.van(aantal, pagina, alle)
    gekozen, meer = blad.knip(antwoord.experts[blad.offset :])
    totaal = len(antwoord.experts)
    deel = attrs.evolve(antwoord, experts=tuple(gekozen))
    toon(omgeving, deel, lambda: _experts_tekst(deel, totaal), ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


# --- aansluiten and ondersteuning: students, lectoren and researchers ---------------------------

_RELATIE = {
    "zelfde": N_("hetzelfde thema als"),
    "smaller": N_("smaller dan"),
    "breder": N_("breder dan"),
}
_BRON = {"interesse": N_("interesse"), "expertise": N_("expertise")}


def _waarom(redenen: Sequence[Overeenkomst]) -> str:
    """``begrijpend lezen: smaller dan interesse 'lezen'; …``."""
    return "; ".join(
        f"{r.werkgroepthema}: {_(_RELATIE[r.relatie])} {_(_BRON[r.bron])} '{r.persoonsthema}'"
        for r in redenen
    )


def _aansluiten_tekst(antwoord: Aansluiten, blad: Pagina) -> str:
    ref = shlex.quote(antwoord.naam)
    if not antwoord.interesses:
        return _(
            "{naam} heeft nog geen interesses, dus er is niets om bij aan te sluiten. Leg "
            "het thema van het onderzoek vast met `ozc persoon wijzig {ref} --interesse THEMA`."
        ).format(naam=antwoord.naam, ref=ref)
    if not antwoord.aantal:
        return _(
            "Geen werkgroep werkt aan {themas} of een verwant thema. Kijk met `ozc thema "
            "lijst` welke thema's in gebruik zijn en geef een passend thema op met `ozc "
            "persoon wijzig {ref} --interesse THEMA` (de lijst vervangt de oude)."
        ).format(themas=", ".join(antwoord.interesses), ref=ref)
    regels = [
        ngettext(
            "{naam} ({themas}): {n} werkgroep",
            "{naam} ({themas}): {n} werkgroepen",
            antwoord.aantal,
        ).format(
            naam=antwoord.naam, themas=", ".join(antwoord.interesses), n=aantal(antwoord.aantal)
        )
    ]
    if not antwoord.werkgroepen:
        regels.append(blad.voorbij())
    for nummer, g in enumerate(antwoord.werkgroepen, start=blad.offset + 1):
        stand = [_fase(g.fase, g.cyclus, g.gepauzeerd)]
        if g.eigen_school:
            stand.append(_("met de eigen school of opleiding"))
        if g.leiders:
            stand.append(
                ngettext("leider: {namen}", "leiders: {namen}", len(g.leiders)).format(
                    namen=", ".join(g.leiders)
                )
            )
        regels.append(f"  {nummer}. {g.werkgroep_naam} ({', '.join(g.school_namen)})")
        regels.append(f"     {'; '.join(stand)}")
        regels.append("     " + _("waarom: {redenen}").format(redenen=_waarom(g.redenen)))
    return "\n".join(regels)


@thema.command(
    "aansluiten",
    help=_(
        "Stel de werkgroepen voor waarbij het onderzoek van PERSOON (het afstudeeronderzoek "
        "van een student) kan aansluiten: werkgroepen op de thema's van diens interesses, "
        "met de reden. Hetzelfde thema eerst, dan een smaller of breder thema; daarna de "
        "eigen school en werkgroepen met een lopende cyclus."
    ),
)
@click.argument("persoon_ref", metavar="PERSOON")
@pagina_opties
@pass_omgeving
def aansluiten(omgeving: Omgeving, persoon_ref: str, aantal: int, pagina: int, alle: bool) -> None:
    blad = Pagina.van(aantal, pagina, alle)
    antwoord = _netwerk(omgeving).aansluiten(persoon_ref, limit=blad.limit, offset=blad.offset)
    _toon_blad(omgeving, blad, antwoord, "werkgroepen", _aansluiten_tekst)


def _ondersteuning_tekst(antwoord: Ondersteuning, blad: Pagina) -> str:
    if not antwoord.themas:
        return _(
            "Werkgroep '{naam}' heeft nog geen thema, dus er is niets om op te zoeken. Geef "
            "haar een thema met `ozc werkgroep wijzig {ref} --thema THEMA`."
        ).format(naam=antwoord.werkgroep_naam, ref=shlex.quote(antwoord.werkgroep_naam))
    if not antwoord.aantal and antwoord.al_lid:
        return ngettext(
            "Wie past, is al lid van {naam}: {namen}.",
            "Wie passen, zijn al lid van {naam}: {namen}.",
            len(antwoord.al_lid),
        ).format(naam=antwoord.werkgroep_naam, namen=", ".join(antwoord.al_lid))
    if not antwoord.aantal:
        return _(
            "Geen lector of onderzoeker heeft expertise of interesse in {themas} of een "
            "verwant thema. Leg die vast met\n"
            "  ozc persoon wijzig PERSOON --interesse THEMA\n"
            "of voeg een lector toe met\n"
            "  ozc persoon toevoegen NAAM --rol lector --interesse THEMA"
        ).format(themas=", ".join(antwoord.themas))
    regels = [
        ngettext(
            "{naam} ({themas}): {n} lector of onderzoeker",
            "{naam} ({themas}): {n} lectoren en onderzoekers",
            antwoord.aantal,
        ).format(
            naam=antwoord.werkgroep_naam,
            themas=", ".join(antwoord.themas),
            n=aantal(antwoord.aantal),
        )
    ]
    if not antwoord.ondersteuners:
        regels.append(blad.voorbij())
    for nummer, o in enumerate(antwoord.ondersteuners, start=blad.offset + 1):
        rollen = ", ".join(weergave_van(Rol, r) for r in o.rollen)
        waar = ", ".join(d for d in (o.lectoraat, o.school_naam) if d) or _("geen lectoraat")
        regels.append(f"  {nummer}. {o.naam} ({rollen}; {waar})")
        regels.append("     " + _("waarom: {redenen}").format(redenen=_waarom(o.redenen)))
    return "\n".join(regels)


@thema.command(
    "ondersteuning",
    help=_(
        "Stel de lectoren en onderzoekers voor die het onderzoek van WERKGROEP kunnen "
        "ondersteunen: met expertise of interesse in haar thema's, met hun lectoraat en "
        "de reden. Hetzelfde thema eerst, expertise voor interesse."
    ),
)
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@pagina_opties
@pass_omgeving
def ondersteuning(
    omgeving: Omgeving, werkgroep_ref: str, aantal: int, pagina: int, alle: bool
) -> None:
    blad = Pagina.van(aantal, pagina, alle)
    antwoord = _netwerk(omgeving).ondersteuning(werkgroep_ref, limit=blad.limit, offset=blad.offset)
    _toon_blad(omgeving, blad, antwoord, "ondersteuners", _ondersteuning_tekst)
