"""``ozc werkgroep`` and ``ozc log``: werkgroepen, their members and their logboek."""

from __future__ import annotations

import contextlib
from collections.abc import Collection
from typing import TYPE_CHECKING

import click

from onderzoekscyclus.cli._bevestig import bevestig, ja_optie, verwijder_met_vraag
from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._opties import Keuze
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import Omgeving, melding, pass_omgeving, toon
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.model import LidRol, Rol, Werkgroep, WerkgroepSoort
from onderzoekscyclus.errors import UnknownReference
from onderzoekscyclus.i18n import _

if TYPE_CHECKING:
    from onderzoekscyclus.api import Werkplaats


@click.group(cls=Groep, help=_("Werkgroepen: leerteams, PLG's, learning communities en andere."))
def werkgroep() -> None:
    pass


def _studenten(wp: Werkplaats, g: Werkgroep) -> set[str]:
    """The members of ``g`` who are students: their graduation research is done with
    the werkgroep, which ``werkgroep toon`` shows by their role."""
    uit = set()
    for lid_ in g.leden:
        with contextlib.suppress(UnknownReference):  # a member without a file yet
            if Rol.STUDENT in wp.personen.zoek(id=lid_.persoon).rollen:
                uit.add(lid_.persoon)
    return uit


def _werkgroep_tekst(
    g: Werkgroep, namen: dict[str, str], studenten: Collection[str] = frozenset()
) -> str:
    regels = [
        f"{g.naam}  ({g.id})",
        _("  Soort:    {soort}").format(soort=weergave(g.soort)),
        _("  Scholen:  {scholen}").format(scholen=", ".join(namen.get(s, s) for s in g.scholen)),
    ]
    if g.themas:
        regels.append(_("  Thema's:  {themas}").format(themas=", ".join(g.themas)))
    regels.append(_("  Leden:") if g.leden else _("  Leden:    nog geen"))
    for lid_ in g.leden:
        rol = weergave(lid_.rol)
        if lid_.persoon in studenten:
            rol = _("{rol}, student: afstudeeronderzoek").format(rol=rol)
        regels.append(f"    - {namen.get(lid_.persoon, lid_.persoon)} ({rol})")
        if lid_.onderzoeksvraag:
            regels.append(
                "      " + _("onderzoeksvraag: {vraag}").format(vraag=lid_.onderzoeksvraag)
            )
    if g.logboek:
        regels.append(_("  Logboek:"))
        for regel in g.logboek:
            auteur = f" ({namen.get(regel.auteur, regel.auteur)})" if regel.auteur else ""
            regels.append(f"    {regel.datum.isoformat()}{auteur}: {regel.tekst}")
    return "\n".join(regels)


@werkgroep.command("toevoegen", help=_("Voeg een werkgroep toe."))
@click.argument("naam")
@click.option(
    "--school",
    "scholen",
    multiple=True,
    required=True,
    help=_("School van de werkgroep; herhaal voor een bovenschoolse werkgroep."),
)
@click.option(
    "--soort",
    type=Keuze(WerkgroepSoort, "soort"),
    default=WerkgroepSoort.LEERTEAM.value,
    show_default=True,
    help=_("Het soort werkgroep."),
)
@click.option(
    "--thema", "themas", multiple=True, help=_("Thema van de werkgroep; herhaal voor meer.")
)
@click.option(
    "--nieuw-thema",
    is_flag=True,
    help=_("Neem een thema op dat de thesaurus nog niet kent (anders volgt een suggestie)."),
)
@pass_omgeving
def toevoegen(
    omgeving: Omgeving,
    naam: str,
    scholen: tuple[str, ...],
    soort: str,
    themas: tuple[str, ...],
    nieuw_thema: bool,
) -> None:
    nieuw = omgeving.werkplaats.werkgroepen.toevoegen(
        naam,
        scholen=scholen,
        soort=WerkgroepSoort(soort),
        themas=themas,
        nieuw_thema=nieuw_thema,
    )
    toon(
        omgeving,
        nieuw,
        lambda: _("Werkgroep toegevoegd: {naam} ({id}).").format(naam=nieuw.naam, id=nieuw.id),
    )


@werkgroep.command("lijst", help=_("Toon de werkgroepen, op naam, per pagina."))
@click.option("--school", "school_ref", help=_("Alleen de werkgroepen van deze school."))
@pagina_opties
@pass_omgeving
def lijst(omgeving: Omgeving, school_ref: str | None, aantal: int, pagina: int, alle: bool) -> None:
    wp = omgeving.werkplaats
    blad = Pagina.van(aantal, pagina, alle)
    groepen, meer = blad.knip(
        wp.werkgroepen.lijst(school=school_ref, limit=blad.limit, offset=blad.offset)
    )
    namen = wp.werkgroepen.namen_van(s for g in groepen for s in g.scholen)

    def tekst() -> str:
        if not groepen:
            if blad.pagina > 1:
                return blad.voorbij()
            return _("Nog geen werkgroepen. Voeg er een toe met `ozc werkgroep toevoegen`.")
        return "\n".join(
            f"{g.naam}  [{weergave(g.soort)}; {', '.join(namen.get(s, s) for s in g.scholen)}]"
            f"  ({g.id})"
            for g in groepen
        )

    toon(omgeving, groepen, tekst, ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


@werkgroep.command("toon", help=_("Toon een werkgroep met haar leden en logboek."))
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@pass_omgeving
def toon_werkgroep(omgeving: Omgeving, werkgroep_ref: str) -> None:
    wp = omgeving.werkplaats
    gevonden = wp.werkgroepen.zoek(werkgroep_ref)
    toon(
        omgeving,
        gevonden,
        lambda: _werkgroep_tekst(gevonden, wp.werkgroepen.namen(), _studenten(wp, gevonden)),
        ombreken=True,
    )


@werkgroep.command(
    "lid",
    help=_(
        "Maak iemand lid van een werkgroep, of wijzig diens rol of onderzoeksvraag. Een "
        "student die afstudeert met de werkgroep, wordt zo lid."
    ),
)
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@click.argument("persoon_ref", metavar="PERSOON")
@click.option(
    "--rol",
    type=Keuze(LidRol, "rol"),
    help=_("Rol in de werkgroep (een nieuw lid: lid; wie al lid is, houdt zijn rol)."),
)
@click.option(
    "--onderzoeksvraag",
    help=_(
        "De eigen onderzoeksvraag van het lid binnen het thema van de werkgroep, zoals de "
        "vraag van het afstudeeronderzoek van een student (een lege tekst haalt haar weg)."
    ),
)
@click.option(
    "--weg",
    is_flag=True,
    help=_("Haal de persoon uit de werkgroep; wat die er schreef of deed, blijft staan."),
)
@ja_optie
@pass_omgeving
def lid(
    omgeving: Omgeving,
    werkgroep_ref: str,
    persoon_ref: str,
    rol: str | None,
    onderzoeksvraag: str | None,
    weg: bool,
    ja: bool,
) -> None:
    wp = omgeving.werkplaats
    if weg:
        if rol is not None:
            raise click.UsageError(_("--weg gaat niet samen met --rol."))
        if onderzoeksvraag is not None:
            raise click.UsageError(_("--weg gaat niet samen met --onderzoeksvraag."))
        gekozen = wp.werkgroepen.zoek(werkgroep_ref)
        wie = wp.personen.zoek(persoon_ref)
        bevestig(
            omgeving,
            _(
                "Dit haalt {naam} uit werkgroep '{groep}'; wat {naam} er schreef of deed, "
                "blijft staan."
            ).format(naam=wie.naam, groep=gekozen.naam),
            ja=ja,
        )
        groep = wp.werkgroepen.lid_weg(gekozen.id, wie.id)
    else:
        groep = wp.werkgroepen.lid(
            werkgroep_ref,
            persoon_ref,
            rol=None if rol is None else LidRol(rol),
            onderzoeksvraag=onderzoeksvraag,
        )
    toon(
        omgeving,
        groep,
        lambda: _werkgroep_tekst(groep, wp.werkgroepen.namen(), _studenten(wp, groep)),
        ombreken=True,
    )


@werkgroep.command(
    "wijzig",
    help=_(
        "Verbeter een werkgroep: naam, soort, thema's of scholen. Een lijst (--thema, "
        "--school) vervangt wat er stond. Het id blijft."
    ),
)
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@click.option("--naam", help=_("De nieuwe naam."))
@click.option(
    "--soort",
    type=Keuze(WerkgroepSoort, "soort"),
    help=_("De soort werkgroep."),
)
@click.option("--thema", "themas", multiple=True, help=_("Thema; herhaal voor meer."))
@click.option("--school", "scholen", multiple=True, help=_("School; herhaal voor meer."))
@click.option(
    "--nieuw-thema",
    is_flag=True,
    help=_("Neem een thema op dat de thesaurus nog niet kent (anders volgt een suggestie)."),
)
@pass_omgeving
def wijzig(
    omgeving: Omgeving,
    werkgroep_ref: str,
    naam: str | None,
    soort: str | None,
    themas: tuple[str, ...],
    scholen: tuple[str, ...],
    nieuw_thema: bool,
) -> None:
    wp = omgeving.werkplaats
    groep = wp.werkgroepen.wijzig(
        werkgroep_ref,
        naam=naam,
        soort=None if soort is None else WerkgroepSoort(soort),
        themas=themas or None,
        scholen=scholen or None,
        nieuw_thema=nieuw_thema,
    )
    toon(omgeving, groep, lambda: _werkgroep_tekst(groep, wp.werkgroepen.namen()), ombreken=True)


@werkgroep.command(
    "verwijder",
    help=_(
        "Verwijder een werkgroep met haar logboek en cycli. Verwijst een besluit of een "
        "andere werkgroep er nog naar, dan noemt ozc wat; met --met-verwijzingen gaat ze "
        "ook van de speerpunten van de ontwikkelagenda af."
    ),
)
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@click.option(
    "--met-verwijzingen",
    is_flag=True,
    help=_("Haal de werkgroep ook van de speerpunten van de ontwikkelagenda af."),
)
@ja_optie
@pass_omgeving
def verwijder(omgeving: Omgeving, werkgroep_ref: str, met_verwijzingen: bool, ja: bool) -> None:
    verwijder_met_vraag(
        omgeving,
        omgeving.werkplaats.werkgroepen.verwijder,
        ja=ja,
        verwijzing=werkgroep_ref,
        met_verwijzingen=met_verwijzingen,
    )
