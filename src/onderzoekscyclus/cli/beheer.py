"""Commands about the werkplaats as a whole: init, status, migreer, demo (and
``controleer``, in :mod:`onderzoekscyclus.cli.controle`, which loads less)."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

import click

from onderzoekscyclus.api import Status, Werkplaats
from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    als_data,
    melding,
    pass_omgeving,
    toon,
    vandaag,
)
from onderzoekscyclus.cli.hints import aandacht_opdracht, opdracht
from onderzoekscyclus.domein.cyclus import Fase
from onderzoekscyclus.domein.keuzes import weergave, weergave_van
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import aantal


@click.command(cls=Opdracht, help=_("Maak een nieuwe, lege werkplaats in MAP."))
@click.argument("map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--naam", required=True, help=_("Naam van de werkplaats, bijvoorbeeld het partnerschap.")
)
@pass_omgeving
def init(omgeving: Omgeving, map_: Path, naam: str) -> None:
    wp = Werkplaats.maak(map_, naam)
    toon(
        omgeving,
        {"naam": wp.info.naam, "root": str(wp.root)},
        lambda: _(
            "Werkplaats '{naam}' gemaakt in {map}.\nVolgende stap: cd {map} en "
            "`ozc school toevoegen NAAM --brin 12AB --sector po`."
        ).format(naam=wp.info.naam, map=map_),
    )


def _status_tekst(status: Status, root: Path) -> str:
    naam = status.namen.get
    regels = [
        _("Werkplaats: {naam}").format(naam=status.naam),
        _("Map:        {root}").format(root=root),
        ", ".join(
            [
                ngettext("{n} school", "{n} scholen", status.scholen).format(
                    n=aantal(status.scholen)
                ),
                ngettext("{n} persoon", "{n} personen", status.personen).format(
                    n=aantal(status.personen)
                ),
                ngettext("{n} werkgroep", "{n} werkgroepen", status.aantal_werkgroepen).format(
                    n=aantal(status.aantal_werkgroepen)
                ),
            ]
        ),
    ]
    if status.samengevat:
        regels += _samenvatting(status)
    if status.werkgroepen:
        regels.append("")
        regels.append(
            ngettext(
                "De werkgroep die het meest een stap nodig heeft ({n} van {totaal}):",
                "De {n} werkgroepen die het meest een stap nodig hebben (van {totaal}):",
                len(status.werkgroepen),
            ).format(n=len(status.werkgroepen), totaal=aantal(status.aantal_werkgroepen))
            if status.samengevat
            else _("Werkgroepen:")
        )
    for groep in status.werkgroepen:
        laatst = (
            _("laatste log {datum}").format(datum=groep.laatste_log.isoformat())
            if groep.laatste_log
            else _("nog geen logboek")
        )
        leiders = (
            ngettext("leider: {namen}", "leiders: {namen}", len(groep.leiders)).format(
                namen=", ".join(naam(p, p) for p in groep.leiders)
            )
            if groep.leiders
            else _("geen leider")
        )
        scholen = ", ".join(naam(s, s) for s in groep.scholen)
        regels.append(f"  {groep.naam} ({weergave(groep.soort)}; {scholen})")
        regels.append(
            "    "
            + ngettext("{n} lid", "{n} leden", groep.leden).format(n=groep.leden)
            + f", {leiders}; "
            + ngettext("{n} logregel", "{n} logregels", groep.logregels).format(n=groep.logregels)
            + f", {laatst}"
        )
        if groep.cyclus is not None:
            pauze = _(", gepauzeerd") if groep.gepauzeerd else ""
            regels.append(
                "    "
                + _("cyclus {n}: fase {fase}{pauze}; methodekwaliteit {kwaliteit}").format(
                    n=groep.cyclus,
                    fase=weergave(groep.fase) if groep.fase else "",
                    pauze=pauze,
                    kwaliteit=groep.kwaliteit,
                )
            )
            verder = opdracht("onderzoekscyclus", groep.volgende, groep.naam)
            if verder:
                regels.append("      " + _("volgende stap: `{opdracht}`").format(opdracht=verder))
    if status.besluiten:
        regels.append("")
        regels.append(_("Besluiten:"))
        regels.extend(f"  {b.titel} — {weergave(b.fase)}" for b in status.besluiten[:_TOP])
        if len(status.besluiten) > _TOP:
            regels.append("  " + _("… en meer: `ozc besluit lijst`"))
    if status.aandachtspunten:
        regels.append("")
        regels.append(
            ngettext(
                "Aandachtspunten ({n}; de eerste {top}):",
                "Aandachtspunten ({n}; de eerste {top}):",
                len(status.aandachtspunten),
            ).format(n=aantal(len(status.aandachtspunten)), top=_TOP)
            if len(status.aandachtspunten) > _TOP
            else _("Aandachtspunten:")
        )
        for punt in status.aandachtspunten[:_TOP]:
            verder = aandacht_opdracht(punt.code, punt.naam)
            regels.append(f"  - {punt.tekst}" + (f" `{verder}`" if verder else ""))
    if status.samengevat or len(status.aandachtspunten) > _TOP:
        regels += [
            "",
            _(
                "Meer zien: `ozc werkgroep lijst`, `ozc cyclus lijst`, `ozc planning`, of "
                "alles met `ozc status --alle`."
            ),
        ]
    return "\n".join(regels)


_TOP = 10
"""How many werkgroepen, besluiten and attention points a summary shows."""


def _samenvatting(status: Status) -> list[str]:
    """The counts of a summary: cycles per phase, the schools with most running cycles."""
    fasen = ", ".join(f"{_fase_woord(fase)} {aantal(n)}" for fase, n in status.per_fase.items())
    regels = ["", _("Werkgroepen per fase van hun cyclus: {fasen}").format(fasen=fasen)]
    if status.per_school:
        scholen = ", ".join(
            f"{status.namen.get(s.id, s.id)} ({aantal(s.lopend)})" for s in status.per_school
        )
        regels.append(_("Scholen met de meeste lopende cycli: {scholen}").format(scholen=scholen))
    return regels


def _fase_woord(sleutel: str) -> str:
    if sleutel == "geen":
        return _("zonder cyclus")
    if sleutel == "gepauzeerd":
        return _("gepauzeerd")
    return weergave_van(Fase, sleutel)


@click.command(
    cls=Opdracht,
    help=_(
        "Toon wat er in de werkplaats staat en wat aandacht vraagt. In een grote werkplaats "
        "een samenvatting: werkgroepen per fase, de scholen met de meeste lopende cycli, de "
        "aandachtspunten en de werkgroepen die het meest een stap nodig hebben."
    ),
)
@click.option(
    "--alle", is_flag=True, help=_("Toon elke werkgroep (bij duizenden scholen duurt dat even).")
)
@pass_omgeving
def status(omgeving: Omgeving, alle: bool) -> None:
    _toon_status(omgeving, omgeving.werkplaats, alle=alle)


def _toon_status(omgeving: Omgeving, wp: Werkplaats, *, alle: bool = False) -> None:
    resultaat = wp.status(top=None if alle else _TOP)
    data = {**als_data(resultaat), "map": str(wp.root)}
    toon(omgeving, data, lambda: _status_tekst(resultaat, wp.root), ombreken=True)


@click.command(
    cls=Opdracht,
    help=_(
        "Schrijf bestanden van een oudere schemaversie in de huidige versie, en geef regels "
        "zonder id (van vóór versie 0.2.0) hun id. Een bestand met een conflict van het "
        "samenvoegen blijft staan tot het beslist is."
    ),
)
@pass_omgeving
def migreer(omgeving: Omgeving) -> None:
    herschreven = omgeving.werkplaats.migreer()
    toon(
        omgeving,
        {"herschreven": herschreven},
        lambda: ngettext(
            "{n} bestand bijgewerkt.", "{n} bestanden bijgewerkt.", len(herschreven)
        ).format(n=len(herschreven)),
    )


@click.command(
    cls=Opdracht,
    help=_("Maak een voorbeeldwerkplaats van een partnerschap in MAP en toon de status."),
)
@click.argument("map_", metavar="MAP", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--vervang",
    is_flag=True,
    help=_(
        "Vervang een bestaande voorbeeldwerkplaats in MAP (alleen als die door `ozc demo` is gemaakt)."
    ),
)
@click.option(
    "--scholen",
    type=click.IntRange(min=1),
    help=_(
        "Maak een groot verzonnen partnerschap met zoveel scholen (besturen, clusters, "
        "werkgroepen, cycli), om het themanetwerk op schaal te proberen."
    ),
)
@pass_omgeving
def demo(omgeving: Omgeving, map_: Path, vervang: bool, scholen: int | None) -> None:
    if scholen is not None:
        from onderzoekscyclus.demo.schaal import maak_grote_demo  # noqa: PLC0415

        root = maak_grote_demo(map_, scholen, vervang=vervang, vandaag=vandaag())
        melding(omgeving, _("Voorbeeldwerkplaats gemaakt in {map}.").format(map=map_))
        toon(
            omgeving,
            {"root": str(root), "scholen": scholen},
            lambda: _("Probeer nu: cd {map} en `ozc thema lijst`.").format(map=map_),
        )
        return
    from onderzoekscyclus.demo import maak_demo  # noqa: PLC0415 - only this command needs it

    wp = maak_demo(map_, vervang=vervang, vandaag=vandaag())
    omgeving.werkplaats_pad = wp.root
    melding(omgeving, _("Voorbeeldwerkplaats gemaakt in {map}.").format(map=map_))
    _toon_status(omgeving, wp)
    melding(omgeving, "\n" + _probeer_nu(map_, wp.root))


def _probeer_nu(map_: Path, root: Path) -> str:
    """Where the example werkplaats is and what to type next, for someone who just
    copied the README's first command."""
    regels = [_("De voorbeeldwerkplaats staat in {root}.").format(root=root)]
    bin_map = Path(sys.executable).parent
    activeer = bin_map / "activate"
    gevonden = shutil.which("ozc")
    if activeer.exists() and (gevonden is None or Path(gevonden).parent != bin_map):
        pad = os.path.relpath(activeer) if activeer.is_relative_to(Path.cwd()) else activeer
        regels.append(
            _("Maak `ozc` eerst vindbaar in deze shell: . {activeer}").format(
                activeer=shlex.quote(str(pad))
            )
        )
    regels.append(_("Probeer dan:"))
    regels.extend(
        f"  {opdracht}"
        for opdracht in (
            f"cd {shlex.quote(str(map_))}",
            "ozc status",
            'ozc cyclus toon "Leergroep Begrijpend Lezen"',
            "ozc besluit lijst",
            "ozc thema scholen lezen",
            "ozc --help",
        )
    )
    return "\n".join(regels)
