"""``ozc persoon``: the persons of the werkplaats (the one place for personal data)."""

from __future__ import annotations

import click

from onderzoekscyclus.cli._uitvoer import Omgeving, pass_omgeving, toon
from onderzoekscyclus.domein.model import Persoon, Rol
from onderzoekscyclus.i18n import _


@click.group(help=_("Personen: leraren, specialisten, opleiders, studenten en anderen."))
def persoon() -> None:
    pass


def _persoon_tekst(p: Persoon, scholen: dict[str, str]) -> str:
    regels = [f"{p.naam}  ({p.id})"]
    if p.school:
        regels.append(_("  School:     {school}").format(school=scholen.get(p.school, p.school)))
    velden = [
        (_("Rollen"), [r.value for r in p.rollen]),
        (_("Expertise"), p.expertise),
        (_("Interesses"), p.interesses),
        (_("Ambities"), p.ambities),
    ]
    regels.extend(f"  {kop + ':':<11} {', '.join(waarden)}" for kop, waarden in velden if waarden)
    return "\n".join(regels)


@persoon.command("toevoegen", help=_("Voeg een persoon toe."))
@click.argument("naam")
@click.option("--school", help=_("De school waar de persoon werkt of leert."))
@click.option(
    "--rol",
    "rollen",
    multiple=True,
    type=click.Choice([r.value for r in Rol], case_sensitive=False),
    help=_("Rol in de school; herhaal voor meer."),
)
@click.option(
    "--expertise",
    multiple=True,
    help=_("Thema of kwaliteit (coachen, onderzoek, …); herhaal voor meer."),
)
@click.option(
    "--interesse", "interesses", multiple=True, help=_("Een interesse; herhaal voor meer.")
)
@click.option(
    "--ambitie",
    "ambities",
    multiple=True,
    help=_("Waarin de persoon wil groeien; herhaal voor meer."),
)
@pass_omgeving
def toevoegen(
    omgeving: Omgeving,
    naam: str,
    school: str | None,
    rollen: tuple[str, ...],
    expertise: tuple[str, ...],
    interesses: tuple[str, ...],
    ambities: tuple[str, ...],
) -> None:
    nieuw = omgeving.werkplaats.personen.toevoegen(
        naam,
        school=school,
        rollen=[Rol(r) for r in rollen],
        expertise=expertise,
        interesses=interesses,
        ambities=ambities,
    )
    toon(
        omgeving,
        nieuw,
        lambda: _("Persoon toegevoegd: {naam} ({id}).").format(naam=nieuw.naam, id=nieuw.id),
    )


@persoon.command("lijst", help=_("Toon alle personen."))
@click.option("--school", "school_ref", help=_("Alleen de personen van deze school."))
@pass_omgeving
def lijst(omgeving: Omgeving, school_ref: str | None) -> None:
    wp = omgeving.werkplaats
    personen = wp.personen.lijst(school=school_ref)
    scholen = wp.personen.namen()
    toon(
        omgeving,
        personen,
        lambda: (
            "\n".join(
                f"{p.naam}  [{', '.join(r.value for r in p.rollen) or '-'}; "
                f"{scholen.get(p.school or '', '-')}]  ({p.id})"
                for p in personen
            )
            or _("Nog geen personen. Voeg er een toe met `ozc persoon toevoegen`.")
        ),
    )


@persoon.command("toon", help=_("Toon een persoon met rollen, expertise en ambities."))
@click.argument("persoon_ref", metavar="PERSOON")
@pass_omgeving
def toon_persoon(omgeving: Omgeving, persoon_ref: str) -> None:
    wp = omgeving.werkplaats
    gevonden = wp.personen.zoek(persoon_ref)
    scholen = wp.personen.namen()
    toon(omgeving, gevonden, lambda: _persoon_tekst(gevonden, scholen))
