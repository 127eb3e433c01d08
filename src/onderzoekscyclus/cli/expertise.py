"""``ozc expertise``: which expertise a school, werkgroep or partnership needs and has."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import click
from click.core import ParameterSource

from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import Omgeving, datum_of_geen, melding, pass_omgeving, toon
from onderzoekscyclus.domein.expertise import (
    Betrokkene,
    Expertisebeeld,
    Partnerschapsbeeld,
    Specialistsignaal,
    Themadeskundigen,
)
from onderzoekscyclus.domein.keuzes import weergave_van
from onderzoekscyclus.domein.model import LidRol
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import getal


def _namen_lijst(personen: Iterable[Betrokkene], *, school: bool = False) -> list[str]:
    delen = []
    for p in personen:
        rol = weergave_van(LidRol, p.rol) if p.rol else None
        extra = [x for x in (rol, p.school if school else None) if x]
        delen.append(f"{p.naam} ({', '.join(extra)})" if extra else p.naam)
    return delen


def _namen(personen: Iterable[Betrokkene], *, school: bool = False) -> str:
    return ", ".join(_namen_lijst(personen, school=school))


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


_MAX_NAMEN = 8
"""How many names a list of the partnership's overview shows before "… en N meer"."""
_MAX_SIGNALEN = 10
"""How many warnings about specialists the partnership's overview shows."""


def _kort(namen: list[str], alle: bool) -> str:
    """``namen`` joined, or the first :data:`_MAX_NAMEN` and how many more."""
    if alle or len(namen) <= _MAX_NAMEN:
        return ", ".join(namen)
    meer = len(namen) - _MAX_NAMEN
    return (
        ", ".join(namen[:_MAX_NAMEN])
        + " "
        + ngettext("… en {n} meer", "… en {n} meer", meer).format(n=getal(meer))
    )


def _partnerschap_tekst(p: Partnerschapsbeeld, blad: Pagina, themas: list[Themadeskundigen]) -> str:
    regels = [
        _("Expertise in beeld: {naam}, schooljaar {jaar}").format(naam=p.naam, jaar=p.schooljaar)
    ]
    if not themas and blad.pagina > 1:
        regels.extend(["", blad.voorbij()])
    for t in themas:
        regels.append("")
        regels.append(t.thema + (_("  — ontbreekt") if t.ontbreekt else ""))
        if t.experts:
            regels.append(
                _("  experts: {wie}").format(
                    wie=_kort(_namen_lijst(t.experts, school=True), blad.alle)
                )
            )
        if t.speerpunt_van:
            regels.append(
                _("  speerpunt van: {scholen}").format(
                    scholen=_kort(list(t.speerpunt_van), blad.alle)
                )
            )
        if t.werkgroepen:
            regels.append(
                _("  werkgroepen: {werkgroepen}").format(
                    werkgroepen=_kort(list(t.werkgroepen), blad.alle)
                )
            )
        if t.groeit:
            regels.append(
                _("  wil erin groeien: {wie}").format(
                    wie=_kort(_namen_lijst(t.groeit, school=True), blad.alle)
                )
            )
    regels.append("")
    regels.append(
        _("Ontbreekt in het partnerschap: {themas}").format(themas=", ".join(p.ontbreekt))
        if p.ontbreekt
        else _("Ontbreekt in het partnerschap: niets.")
    )
    signalen = p.waarschuwingen if blad.alle else p.waarschuwingen[:_MAX_SIGNALEN]
    regels.extend(_signalen(signalen))
    if len(signalen) < len(p.waarschuwingen):
        regels.append("")
        meer = len(p.waarschuwingen) - len(signalen)
        regels.append(
            ngettext(
                "Nog {n} specialist draagt meer dan één speerpunt; zie ze allemaal met --alle.",
                "Nog {n} specialisten dragen meer dan één speerpunt; zie ze allemaal met --alle.",
                meer,
            ).format(n=getal(meer))
        )
    return "\n".join(regels)


@click.command(
    "expertise",
    cls=Opdracht,
    help=_(
        "Expertise in beeld: welke expertise een school of werkgroep nodig heeft (speerpunten, "
        "thema's van werkgroepen, --nodig), wie die heeft, wat ontbreekt en wie erin wil "
        "groeien. Met --partnerschap: de experts per thema in het hele partnerschap, per "
        "pagina van --aantal thema's, met van elke lange lijst de eerste namen (alles met "
        "--alle). Waarschuwt als een specialist meer dan één speerpunt per schooljaar draagt."
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
@pagina_opties
@pass_omgeving
def expertise(
    omgeving: Omgeving,
    verwijzing: str | None,
    werkgroep: bool,
    partnerschap: bool,
    nodig: tuple[str, ...],
    datum: str | None,
    aantal: int,
    pagina: int,
    alle: bool,
) -> None:
    peildatum = datum_of_geen(datum)
    if partnerschap:
        if verwijzing is not None or werkgroep or nodig:
            raise click.UsageError(
                _("--partnerschap gaat niet samen met een school, werkgroep of --nodig.")
            )
        beeld = omgeving.werkplaats.expertise.partnerschap(peildatum=peildatum)
        if beeld.onleesbaar:
            melding(
                omgeving,
                ngettext(
                    "Let op: {n} bestand kon niet gelezen worden en telt niet mee (zie `ozc controleer`).",
                    "Let op: {n} bestanden konden niet gelezen worden en tellen niet mee (zie `ozc controleer`).",
                    len(beeld.onleesbaar),
                ).format(n=len(beeld.onleesbaar)),
            )
        blad = Pagina.van(aantal, pagina, alle)
        themas, meer = blad.knip(beeld.themas[blad.offset :])
        deel = attrs.evolve(beeld, themas=tuple(themas))
        toon(omgeving, deel, lambda: _partnerschap_tekst(beeld, blad, themas), ombreken=True)
        if meer:
            melding(omgeving, blad.meer())
        return
    ctx = click.get_current_context()
    if any(
        ctx.get_parameter_source(n) is ParameterSource.COMMANDLINE
        for n in ("aantal", "pagina", "alle")
    ):
        raise click.UsageError(_("--aantal, --pagina en --alle horen bij --partnerschap."))
    if verwijzing is None:
        raise click.UsageError(_("Noem een school of werkgroep, of gebruik --partnerschap."))
    gevonden = omgeving.werkplaats.expertise.beeld(
        verwijzing, werkgroep=werkgroep, nodig=nodig, peildatum=peildatum
    )
    toon(omgeving, gevonden, lambda: _beeld_tekst(gevonden), ombreken=True)
