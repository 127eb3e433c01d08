"""``ozc expertise``: which expertise a school, werkgroep or partnership needs and has."""

from __future__ import annotations

from collections.abc import Iterable

import click

from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._uitvoer import Omgeving, datum_of_geen, pass_omgeving, toon
from onderzoekscyclus.domein.expertise import (
    Betrokkene,
    Expertisebeeld,
    Partnerschapsbeeld,
    Specialistsignaal,
)
from onderzoekscyclus.domein.keuzes import weergave_van
from onderzoekscyclus.domein.model import LidRol
from onderzoekscyclus.i18n import _, ngettext


def _namen(personen: Iterable[Betrokkene], *, school: bool = False) -> str:
    delen = []
    for p in personen:
        rol = weergave_van(LidRol, p.rol) if p.rol else None
        extra = [x for x in (rol, p.school if school else None) if x]
        delen.append(f"{p.naam} ({', '.join(extra)})" if extra else p.naam)
    return ", ".join(delen)


def _signalen(signalen: Iterable[Specialistsignaal]) -> list[str]:
    regels = []
    for s in signalen:
        regels.append("")
        regels.append(
            _(
                "Let op: specialist {naam} draagt in schooljaar {jaar} meer dan één speerpunt; "
                "het katern houdt het bij één per specialist per schooljaar:"
            ).format(naam=s.persoon.naam, jaar=s.schooljaar)
        )
        regels.extend(
            _("  - {speerpunt} ({school}, via {werkgroep})").format(
                speerpunt=d.speerpunt, school=d.school, werkgroep=d.werkgroep
            )
            for d in s.speerpunten
        )
    return regels


def _beeld_tekst(b: Expertisebeeld) -> str:
    soort = _("school") if b.soort == "school" else _("werkgroep")
    regels = [
        _("Expertise in beeld: {naam} ({soort}), schooljaar {jaar}, {personen}").format(
            naam=b.naam,
            soort=soort,
            jaar=b.schooljaar,
            personen=ngettext("{n} persoon", "{n} personen", b.personen).format(n=b.personen),
        ),
        "",
        _("Nodig:"),
    ]
    if not b.nodig:
        regels.append(_("  (niets: geef speerpunten, thema's van werkgroepen of --nodig THEMA op)"))
    for n in b.nodig:
        regels.append(f"  {n.thema}  ({'; '.join(n.waarom)})")
        if n.aanwezig:
            regels.append(_("    aanwezig: {wie}").format(wie=_namen(n.aanwezig)))
        else:
            regels.append(_("    ontbreekt"))
            if n.elders:
                regels.append(
                    _("    elders in het partnerschap: {wie}").format(
                        wie=_namen(n.elders, school=True)
                    )
                )
        if n.groeit:
            regels.append(_("    wil erin groeien: {wie}").format(wie=_namen(n.groeit)))
    regels.append("")
    regels.append(
        _("Ontbreekt: {themas}").format(themas=", ".join(b.ontbreekt))
        if b.ontbreekt
        else _("Ontbreekt: niets; alle benodigde expertise is er.")
    )
    if b.aanwezig:
        regels.extend(["", _("Aanwezig:")])
        for a in b.aanwezig:
            label = (
                _("{expertise} (kwaliteit)").format(expertise=a.expertise)
                if a.kwaliteit
                else a.expertise
            )
            regels.append(f"  {label}: {_namen(a.personen)}")
    regels.extend(_signalen(b.waarschuwingen))
    return "\n".join(regels)


def _partnerschap_tekst(p: Partnerschapsbeeld) -> str:
    regels = [
        _("Expertise in beeld: {naam}, schooljaar {jaar}").format(naam=p.naam, jaar=p.schooljaar)
    ]
    for t in p.themas:
        regels.append("")
        regels.append(t.thema + (_("  — ontbreekt") if t.ontbreekt else ""))
        if t.experts:
            regels.append(_("  experts: {wie}").format(wie=_namen(t.experts, school=True)))
        if t.speerpunt_van:
            regels.append(
                _("  speerpunt van: {scholen}").format(scholen=", ".join(t.speerpunt_van))
            )
        if t.werkgroepen:
            regels.append(
                _("  werkgroepen: {werkgroepen}").format(werkgroepen=", ".join(t.werkgroepen))
            )
        if t.groeit:
            regels.append(_("  wil erin groeien: {wie}").format(wie=_namen(t.groeit, school=True)))
    regels.append("")
    regels.append(
        _("Ontbreekt in het partnerschap: {themas}").format(themas=", ".join(p.ontbreekt))
        if p.ontbreekt
        else _("Ontbreekt in het partnerschap: niets.")
    )
    regels.extend(_signalen(p.waarschuwingen))
    return "\n".join(regels)


@click.command(
    "expertise",
    cls=Opdracht,
    help=_(
        "Expertise in beeld: welke expertise een school of werkgroep nodig heeft (speerpunten, "
        "thema's van werkgroepen, --nodig), wie die heeft, wat ontbreekt en wie erin wil "
        "groeien. Met --partnerschap: de experts per thema in het hele partnerschap. "
        "Waarschuwt als een specialist meer dan één speerpunt per schooljaar draagt."
    ),
)
@click.argument("verwijzing", metavar="SCHOOL|WERKGROEP", required=False)
@click.option("--werkgroep", is_flag=True, help=_("Zoek VERWIJZING alleen bij de werkgroepen."))
@click.option(
    "--partnerschap", is_flag=True, help=_("Toon de experts per thema in het hele partnerschap.")
)
@click.option("--nodig", multiple=True, help=_("Nog een benodigde expertise; herhaal voor meer."))
@click.option(
    "--datum", help=_("Een dag in het schooljaar om naar te kijken (standaard: vandaag).")
)
@pass_omgeving
def expertise(
    omgeving: Omgeving,
    verwijzing: str | None,
    werkgroep: bool,
    partnerschap: bool,
    nodig: tuple[str, ...],
    datum: str | None,
) -> None:
    peildatum = datum_of_geen(datum)
    if partnerschap:
        if verwijzing is not None or werkgroep or nodig:
            raise click.UsageError(
                _("--partnerschap gaat niet samen met een school, werkgroep of --nodig.")
            )
        beeld = omgeving.werkplaats.expertise.partnerschap(peildatum=peildatum)
        toon(omgeving, beeld, lambda: _partnerschap_tekst(beeld), ombreken=True)
        return
    if verwijzing is None:
        raise click.UsageError(_("Noem een school of werkgroep, of gebruik --partnerschap."))
    gevonden = omgeving.werkplaats.expertise.beeld(
        verwijzing, werkgroep=werkgroep, nodig=nodig, peildatum=peildatum
    )
    toon(omgeving, gevonden, lambda: _beeld_tekst(gevonden), ombreken=True)
