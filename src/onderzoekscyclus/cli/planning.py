"""``ozc planning``: what is due or overdue, for a werkgroep, a school or everyone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import click

from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import Omgeving, datum_of_geen, melding, pass_omgeving, toon
from onderzoekscyclus.cli._woorden import kolom, omgebroken
from onderzoekscyclus.domein.planning import MAX_WEKEN, STANDAARD_WEKEN, Planpunt
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import korte_datum, lange_datum


def _wanneer(p: Planpunt, vandaag: dt.date) -> str:
    dagen = (p.datum - vandaag).days
    if dagen < 0:
        return ngettext("{n} dag te laat", "{n} dagen te laat", -dagen).format(n=-dagen)
    if dagen == 0:
        return _("vandaag")
    return ngettext("over {n} dag", "over {n} dagen", dagen).format(n=dagen)


def planning_tekst(punten: Sequence[Planpunt], vandaag: dt.date, weken: int, blad: Pagina) -> str:
    """The planning as ``ozc planning`` shows it: what is overdue under its own heading,
    marked with ``!``, then what comes."""
    kop = ngettext(
        "Planning op {datum} (meten: elke week; stil: na {n} week)",
        "Planning op {datum} (meten: elke {n} weken; stil: na {n} weken)",
        weken,
    ).format(datum=lange_datum(vandaag), n=weken)
    kop = omgebroken(kop)
    if not punten:
        if blad.pagina > 1:
            return blad.voorbij()
        return kop + "\n" + _("Er staat niets open: niets te laat en niets gepland.")
    datums = max(len(korte_datum(p.datum)) for p in punten)
    wanneer = max(len(_wanneer(p, vandaag)) for p in punten)
    regels = [kop]
    for verlopen, titel in ((True, _("Te laat:")), (False, _("Wat eraan komt:"))):
        deze = [p for p in punten if p.verlopen is verlopen]
        if not deze:
            continue
        regels += ["", titel]
        for p in deze:
            teken = "!" if p.verlopen else " "
            regels.append(
                kolom(
                    f"{teken} {korte_datum(p.datum):<{datums}}  {_wanneer(p, vandaag):<{wanneer}}  ",
                    f"{p.werkgroep_naam}: {p.tekst}",
                )
            )
    return "\n".join(regels)


@click.command(
    cls=Opdracht,
    help=_(
        "Wat moet er gebeuren, en wat is te laat? Acties uit het verbeterplan met een datum, "
        "metingen die aan de beurt zijn, cycli die stilliggen, feedbackrondes die sluiten, "
        "besluiten die genomen moeten worden en herevaluaties; voor één werkgroep, één "
        "school of de hele werkplaats, op datum, wat te laat is eerst (met een !)."
    ),
)
@click.option("--werkgroep", "werkgroep_ref", help=_("Alleen deze werkgroep (naam of id)."))
@click.option(
    "--school", "school_ref", help=_("Alleen de werkgroepen en besluiten van deze school.")
)
@click.option(
    "--weken",
    type=click.IntRange(1, MAX_WEKEN),
    default=STANDAARD_WEKEN,
    show_default=True,
    help=_(
        "Na hoeveel weken zonder meting een nieuwe meting aan de beurt is, en zonder "
        "activiteit een cyclus stilligt."
    ),
)
@click.option(
    "--tot", metavar="JJJJ-MM-DD", help=_("Alleen wat uiterlijk op deze datum aan de beurt is.")
)
@pagina_opties
@pass_omgeving
def planning(
    omgeving: Omgeving,
    werkgroep_ref: str | None,
    school_ref: str | None,
    weken: int,
    tot: str | None,
    aantal: int,
    pagina: int,
    alle: bool,
) -> None:
    if werkgroep_ref is not None and school_ref is not None:
        raise click.UsageError(_("Kies --werkgroep of --school, niet allebei."))
    wp = omgeving.werkplaats
    blad = Pagina.van(aantal, pagina, alle)
    punten, meer = blad.knip(
        wp.planning.lijst(
            werkgroep=werkgroep_ref,
            school=school_ref,
            weken=weken,
            tot=datum_of_geen(tot, bron="--tot"),
            limit=blad.limit,
            offset=blad.offset,
        )
    )
    vandaag = wp.vandaag()
    toon(omgeving, punten, lambda: planning_tekst(punten, vandaag, weken, blad))
    if meer:
        melding(omgeving, blad.meer())
