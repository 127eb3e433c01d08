"""The root ``ozc`` group: global options, lazy sub-commands, one error handler."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._opties import nederlandse_hulp
from onderzoekscyclus.cli._taal import kies_cli_taal
from onderzoekscyclus.cli._uitvoer import Omgeving, meld_wachten, vertaal_fout
from onderzoekscyclus.i18n import TALEN, _
from onderzoekscyclus.opslag._lock import bij_wachten
from onderzoekscyclus.versie import __version__

# name -> (module, attribute); modules are imported only when their command runs
OPDRACHTEN: dict[str, tuple[str, str]] = {
    "besluit": ("onderzoekscyclus.cli.besluit", "besluit"),
    "conflict": ("onderzoekscyclus.cli.delen", "conflict"),
    "controleer": ("onderzoekscyclus.cli.controle", "controleer"),
    "bezoek": ("onderzoekscyclus.cli.bezoek", "bezoek"),
    "cyclus": ("onderzoekscyclus.cli.cyclus", "cyclus"),
    "deel": ("onderzoekscyclus.cli.delen", "deel"),
    "demo": ("onderzoekscyclus.cli.beheer", "demo"),
    "expertise": ("onderzoekscyclus.cli.expertise", "expertise"),
    "export": ("onderzoekscyclus.cli.export", "export"),
    "git": ("onderzoekscyclus.cli.delen", "git"),
    "init": ("onderzoekscyclus.cli.beheer", "init"),
    "koppeling": ("onderzoekscyclus.cli.delen", "koppeling"),
    "log": ("onderzoekscyclus.cli.logboek", "log"),
    "migreer": ("onderzoekscyclus.cli.beheer", "migreer"),
    "ontwikkelagenda": ("onderzoekscyclus.cli.ontwikkelagenda", "ontwikkelagenda"),
    "persoon": ("onderzoekscyclus.cli.persoon", "persoon"),
    "planning": ("onderzoekscyclus.cli.planning", "planning"),
    "plugins": ("onderzoekscyclus.cli.export", "plugins"),
    "school": ("onderzoekscyclus.cli.school", "school"),
    "site": ("onderzoekscyclus.cli.site", "site"),
    "status": ("onderzoekscyclus.cli.beheer", "status"),
    "thema": ("onderzoekscyclus.cli.thema", "thema"),
    "werkgroep": ("onderzoekscyclus.cli.werkgroep", "werkgroep"),
    "zelfevaluatie": ("onderzoekscyclus.cli.zelfevaluatie", "zelfevaluatie"),
}


class OzcGroup(Groep):
    """The root group: loads sub-commands lazily and turns library errors into messages;
    like every group of ``ozc``, it refuses an option given twice."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(OPDRACHTEN)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        plek = OPDRACHTEN.get(cmd_name)
        if plek is None:
            return None
        opdracht: click.Command = getattr(importlib.import_module(plek[0]), plek[1])
        return nederlandse_hulp(opdracht)

    def main(self, args: Sequence[str] | None = None, **extra: Any) -> Any:  # type: ignore[override]
        argumenten = list(args) if args is not None else None
        if argumenten is not None:
            kies_cli_taal(argumenten)
        return super().main(args=argumenten, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with bij_wachten(meld_wachten):
                return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as fout:
            cli_fout = vertaal_fout(fout)
            if cli_fout is None:
                raise
            raise cli_fout from None


@click.group(
    cls=OzcGroup,
    options_metavar=_("[OPTIES]"),
    subcommand_metavar=_("OPDRACHT [ARGUMENTEN]..."),
    help=_(
        "Praktijkonderzoek en besluitvorming voor werkgroepen in scholen.\n\n"
        "Alle gegevens staan in een werkplaats: een map met TOML-bestanden die u met "
        "git kunt delen. Begin met `ozc init` of probeer `ozc demo`."
    ),
    epilog=_(
        "Afsluitcodes:\n\n"
        "\b\n"
        "  0   gelukt\n"
        "  1   een probleem in de werkplaats, of `ozc controleer` vond problemen\n"
        "  2   ongeldige invoer: een onbekende optie of een verkeerde waarde\n"
        "  3   de regels staan deze stap nu niet toe; de melding zegt waarom\n"
        "  70  een fout in onderzoekscyclus zelf; meld die alstublieft\n"
        "  74  het besturingssysteem kon een bestand niet lezen of schrijven"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(
    __version__,
    "--version",
    "-V",
    prog_name="ozc",
    message="%(prog)s %(version)s",
    help=_("Toon de versie en stop."),
)
@click.option(
    "--werkplaats",
    "werkplaats_pad",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="MAP",
    help=_(
        "De werkplaats (map) om mee te werken. Anders: de huidige map of een map daarboven, "
        "of $ONDERZOEKSCYCLUS_WERKPLAATS."
    ),
)
@click.option(
    "--json", "als_json", is_flag=True, help=_("Geef de gegevens als JSON (voor scripts).")
)
@click.option(
    "--taal",
    type=click.Choice(TALEN),
    help=_("Taal van meldingen: nl (standaard) of en."),
)
@click.pass_context
def ozc(ctx: click.Context, werkplaats_pad: Path | None, als_json: bool, taal: str | None) -> None:
    ctx.obj = Omgeving(werkplaats_pad, als_json)
