"""``ozc controleer``: every problem in the werkplaats.

Kept apart from the other commands about the werkplaats as a whole, so that a check in
which nothing changed loads neither the domain classes nor the rest of the library.
"""

from __future__ import annotations

import sys
import time

import click

from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._uitvoer import Omgeving, melding, pass_omgeving, toon, vandaag
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import aantal


@click.command(
    cls=Opdracht,
    help=_(
        "Controleer elk bestand van de werkplaats en meld alle problemen. Alleen wat "
        "sinds de vorige controle veranderde, wordt opnieuw gelezen (met wat ernaar "
        "verwijst); het antwoord is hetzelfde als wanneer alles gelezen wordt."
    ),
)
@click.option(
    "--alles",
    is_flag=True,
    help=_(
        "Lees elk bestand opnieuw, verdeeld over de processoren; ziet ook een bestand dat "
        "ter plekke is bewerkt en zijn oude tijd en grootte terugkreeg."
    ),
)
@click.option(
    "--herbouw",
    is_flag=True,
    help=_("Gooi eerst de afgeleide index en de bewaarde uitkomsten weg en lees dan elk bestand."),
)
@pass_omgeving
def controleer(omgeving: Omgeving, alles: bool, herbouw: bool) -> None:
    from onderzoekscyclus.api.controle import controleer as controleer_  # noqa: PLC0415

    begin = time.monotonic()
    uitkomst = controleer_(omgeving.root, vandaag(), alles=alles, herbouw=herbouw, voortgang=True)
    problemen = uitkomst.problemen
    toon(
        omgeving,
        {"problemen": problemen},
        lambda: "\n".join(problemen) if problemen else _("Alles in orde."),
    )
    if sys.stderr.isatty() or time.monotonic() - begin > 1.0:
        # for who waits at a terminal, or waited a while: how much was read this time
        click.echo(
            ngettext(
                "{n} van {totaal} bestand opnieuw bekeken.",
                "{n} van {totaal} bestanden opnieuw bekeken.",
                uitkomst.bestanden,
            ).format(n=aantal(uitkomst.bekeken), totaal=aantal(uitkomst.bestanden)),
            err=True,
        )
    if problemen:
        melding(
            omgeving,
            ngettext("{n} probleem gevonden.", "{n} problemen gevonden.", len(problemen)).format(
                n=len(problemen)
            ),
        )
        raise SystemExit(1)
