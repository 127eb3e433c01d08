"""``ozc plugins`` and ``ozc export``: what is installed, and writing an export."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._uitvoer import Omgeving, pass_omgeving, toon
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.export.pseudoniem import MIN_SLEUTEL
from onderzoekscyclus.i18n import _

if TYPE_CHECKING:
    from onderzoekscyclus.export import Exportresultaat, Selectie
    from onderzoekscyclus.plugins import Plugin

SLEUTEL_VARIABELE = "ONDERZOEKSCYCLUS_PSEUDONIEM_SLEUTEL"


# --- ozc plugins --------------------------------------------------------------------------


def _plugins_tekst(lijst: Sequence[Plugin], autoload: bool) -> str:
    if not lijst:
        return _("Geen plugins gevonden.")
    kop = (_("SOORT"), _("NAAM"), _("DISTRIBUTIE"), _("VERSIE"), _("MODULE"))
    rijen = [
        (
            p.soort,
            p.naam,
            p.distributie + (_(" (ingebouwd)") if p.ingebouwd else ""),
            p.versie,
            p.module,
        )
        for p in lijst
    ]
    breedtes = [max(len(r[i]) for r in [kop, *rijen]) for i in range(len(kop) - 1)]
    regels = []
    for rij, plugin in zip([kop, *rijen], [None, *lijst], strict=True):
        regels.append(
            "  ".join(c.ljust(b) for c, b in zip(rij, breedtes, strict=False)) + "  " + rij[-1]
        )
        if plugin is not None and plugin.fout:
            regels.append("    " + _("NIET GELADEN: {fout}").format(fout=plugin.fout))
    if not autoload:
        regels.append("")
        regels.append(
            _("Plugins van anderen worden niet geladen: {variabele} staat aan.").format(
                variabele="ONDERZOEKSCYCLUS_GEEN_PLUGINS"
            )
        )
    return "\n".join(regels)


@click.command(
    cls=Opdracht,
    help=_(
        "Toon de geïnstalleerde plugins: exportformaten en instrumenten, ingebouwd of van "
        "anderen, met de distributie waar ze uit komen. Een plugin die niet laadt staat "
        "erbij met de reden."
    ),
)
@pass_omgeving
def plugins(omgeving: Omgeving) -> None:
    from onderzoekscyclus import plugins as plugins_  # noqa: PLC0415 - loads every plugin

    lijst = plugins_.plugins()
    autoload = plugins_.autoload_aan()
    toon(omgeving, lijst, lambda: _plugins_tekst(lijst, autoload))


# --- ozc export ---------------------------------------------------------------------------


def _aantallen_tekst(aantallen: Mapping[str, int]) -> str:
    delen = [f"{soort}: {n}" for soort, n in aantallen.items() if n]
    return ", ".join(delen) if delen else _("niets")


def _samenvatting(resultaat: Exportresultaat, selectie: Selectie) -> dict[str, Any]:
    return {
        "formaat": resultaat.formaat,
        "uit": None if resultaat.pad is None else str(resultaat.pad),
        "selectie": {"soort": selectie.soort, "id": selectie.id, "naam": selectie.naam},
        "pseudoniem": resultaat.pseudoniem,
        "aantallen": dict(resultaat.aantallen),
    }


def _samenvatting_tekst(resultaat: Exportresultaat, selectie: Selectie) -> str:
    waar = (
        _("naar standaarduitvoer")
        if resultaat.pad is None
        else _("naar {pad}").format(pad=resultaat.pad)
    )
    regels = [
        _("Export '{formaat}' geschreven {waar}.").format(formaat=resultaat.formaat, waar=waar),
        _("Inhoud: {aantallen}.").format(aantallen=_aantallen_tekst(resultaat.aantallen)),
    ]
    if selectie.soort != "alles":
        regels.append(
            _("Selectie: {soort} {naam}.").format(
                soort=selectie.soort, naam=selectie.naam or selectie.id
            )
        )
    if resultaat.pseudoniem:
        regels.append(_("Namen van personen zijn vervangen door pseudoniemen."))
    return "\n".join(regels)


@click.command(
    cls=Opdracht,
    help=_(
        "Exporteer de werkplaats, of een deel ervan, in FORMAAT (zie `ozc plugins`).\n\n"
        "Zonder --uit gaat een tekstformaat naar standaarduitvoer. Een samenvatting (waar "
        "de export staat en wat erin zit) verschijnt op standaardfout; met --json als JSON, "
        "op standaarduitvoer als de export zelf in een bestand staat. Mislukt de export, "
        "dan blijft er bij --uit niets half geschreven achter."
    ),
)
@click.argument("formaat")
@click.option(
    "--uit",
    type=click.Path(path_type=Path),
    metavar="PAD",
    help=_(
        "Bestand of map om naar te schrijven. Is PAD een bestaande map en schrijft het "
        "formaat één bestand, dan komt dat in die map."
    ),
)
@click.option(
    "--forceer",
    is_flag=True,
    help=_(
        "Schrijf ook naar een symbolische koppeling (het doel ervan), een apparaat of een "
        "FIFO. De bestanden van de werkplaats zelf blijven altijd onaangeroerd."
    ),
)
@click.option("--school", "school_ref", metavar="SCHOOL", help=_("Alleen deze school."))
@click.option("--werkgroep", "werkgroep_ref", metavar="WERKGROEP", help=_("Alleen deze werkgroep."))
@click.option("--besluit", "besluit_ref", metavar="BESLUIT", help=_("Alleen dit besluit."))
@click.option(
    "--pseudoniem",
    is_flag=True,
    help=_("Vervang de namen van personen door vaste pseudoniemen (ook in vrije tekst)."),
)
@click.option(
    "--sleutel",
    envvar=SLEUTEL_VARIABELE,
    metavar="SLEUTEL",
    help=_(
        "Geheime sleutel (hexadecimaal of tekst) voor de pseudoniemen, zodat een persoon in "
        "elke export hetzelfde pseudoniem krijgt. Zonder sleutel krijgt elke export een "
        "nieuwe. Minstens {n} tekens; de sleutel komt nooit in de export. Ook via "
        "${variabele}."
    ).format(n=MIN_SLEUTEL, variabele=SLEUTEL_VARIABELE),
)
@pass_omgeving
def export(
    omgeving: Omgeving,
    formaat: str,
    uit: Path | None,
    school_ref: str | None,
    werkgroep_ref: str | None,
    besluit_ref: str | None,
    pseudoniem: bool,
    sleutel: str | None,
    forceer: bool,
) -> None:
    from onderzoekscyclus import export as exporteren  # noqa: PLC0415 - loads the export plugins

    if sleutel is not None and not pseudoniem:
        if (
            click.get_current_context().get_parameter_source("sleutel")
            == ParameterSource.COMMANDLINE
        ):
            raise InvalidValue(
                _("--sleutel heeft alleen zin samen met --pseudoniem."), veld="sleutel"
            )
        sleutel = None
    for naam, waarschuwing in exporteren.kapotte_exporteurs().items():
        if naam != formaat:  # the chosen format's own failure is the error
            click.echo(_("Waarschuwing: {tekst}").format(tekst=waarschuwing), err=True)
    werkplaats = omgeving.werkplaats
    selectie = exporteren.kies_selectie(
        werkplaats, school=school_ref, werkgroep=werkgroep_ref, besluit=besluit_ref
    )
    resultaat = exporteren.exporteer(
        werkplaats,
        formaat,
        uit,
        selectie=selectie,
        pseudoniem_=pseudoniem,
        sleutel=None if sleutel is None else exporteren.sleutel_uit(sleutel),
        stdout=None if uit is not None else sys.stdout,
        forceer=forceer,
    )
    if omgeving.als_json:
        import json  # noqa: PLC0415 - only for --json

        click.echo(
            json.dumps(_samenvatting(resultaat, selectie), ensure_ascii=False, indent=2),
            err=resultaat.pad is None,
        )
    else:
        click.echo(_samenvatting_tekst(resultaat, selectie), err=True)
