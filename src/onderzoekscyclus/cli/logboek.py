"""``ozc log``: write in a werkgroep's logboek. Imports only what an append needs."""

from __future__ import annotations

import click

from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    datum_of_geen,
    datum_optie,
    pass_omgeving,
    toon,
)
from onderzoekscyclus.i18n import _


@click.command(help=_("Schrijf een regel in het logboek van een werkgroep."))
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@click.argument("tekst")
@click.option("--auteur", help=_("Wie de regel schrijft (naam of id)."))
@datum_optie
@pass_omgeving
def log(
    omgeving: Omgeving, werkgroep_ref: str, tekst: str, auteur: str | None, datum: str | None
) -> None:
    regel = omgeving.logboek.regel(werkgroep_ref, tekst, auteur=auteur, datum=datum_of_geen(datum))
    toon(
        omgeving,
        regel,
        lambda: _("Logboek bijgewerkt ({datum}).").format(datum=regel["datum"].isoformat()),
    )
