"""``ozc site UIT``: the partnership website, as a folder of static pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._uitvoer import Omgeving, pass_omgeving, toon
from onderzoekscyclus.i18n import _


@click.command(
    cls=Opdracht,
    help=_(
        "Maak de website van het partnerschap in de map UIT: een pagina per school, per "
        "thema en per afgerond onderzoek, en een startpagina. Gewone HTML-bestanden, voor "
        "elke webserver of een map op het intranet. Een persoon staat er alleen met naam op "
        "na toestemming (`ozc persoon toestemming`)."
    ),
)
@click.argument("uit", type=click.Path(path_type=Path), metavar="UIT")
@click.option(
    "--min-respondenten",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help=_("Een zelfevaluatie staat er alleen op (als gemiddelden) vanaf zoveel respondenten."),
)
@click.option(
    "--voorbeeld",
    is_flag=True,
    help=_("Maak niets, maar zeg per persoonsgegeven wat er op de website zou komen en waarom."),
)
@pass_omgeving
def site(omgeving: Omgeving, uit: Path, min_respondenten: int, voorbeeld: bool) -> None:
    from onderzoekscyclus import export as exporteren  # noqa: PLC0415 - draws, renders
    from onderzoekscyclus.export import site as website  # noqa: PLC0415

    werkplaats = omgeving.werkplaats
    if voorbeeld:
        regels = website.voorbeeld(
            exporteren.exportgegevens(werkplaats), min_respondenten=min_respondenten
        )
        toon(omgeving, regels, lambda: _voorbeeld_tekst(regels), ombreken=True)
        return
    verslag = website.bouw(
        exporteren.exportgegevens(
            werkplaats,
            pseudoniem_=True,
            sleutel=website.sitesleutel(werkplaats.info.naam),
            bijsnijden=website.alleen_wat_de_site_toont,
        ),
        uit,
        min_respondenten=min_respondenten,
    )
    toon(
        omgeving,
        verslag,
        lambda: (
            _("Website gemaakt in {map}: {n} pagina's. Begin bij {index}.").format(
                map=verslag.map, n=len(verslag.paginas), index=verslag.map / "index.html"
            )
            + "\n"
            + _("{nieuw} bestanden geschreven, {zelfde} ongewijzigd, {weg} weggehaald.").format(
                nieuw=len(verslag.geschreven),
                zelfde=verslag.ongewijzigd,
                weg=len(verslag.verwijderd),
            )
        ),
        ombreken=True,
    )


def _voorbeeld_tekst(regels: list[Any]) -> str:
    kop = {
        "persoon": _("Personen"),
        "zelfevaluatie": _("Zelfevaluaties"),
        "besluit": _("Besluiten"),
        "logboek": _("Logboeken"),
    }
    uit = [_("Wat de website zou tonen (er is niets gemaakt):")]
    for soort, titel in kop.items():
        deze = [r for r in regels if r.soort == soort]
        if not deze:
            continue
        uit += ["", titel]
        uit += [f"  {'✓' if r.gepubliceerd else '·'} {r.wat}: {r.waarom}" for r in deze]
    return "\n".join(uit)
