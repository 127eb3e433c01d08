"""``ozc log``: write in a werkgroep's logboek, or read it.

Writing imports only what an append needs, so that ``ozc log WERKGROEP TEKST`` stays
quick; reading (without ``TEKST``) loads the library.
"""

from __future__ import annotations

import shlex

import click
from click.core import ParameterSource

from onderzoekscyclus.cli._eenmalig import Opdracht
from onderzoekscyclus.cli._opties import door_optie
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    datum_of_geen,
    datum_optie,
    melding,
    toon,
)
from onderzoekscyclus.cli._woorden import kolom
from onderzoekscyclus.i18n import _

_ALLEEN_LEZEN = ("zoek", "sinds", "aantal", "pagina")


@click.command(
    cls=Opdracht,
    help=_(
        "Schrijf een regel in het logboek van een werkgroep. Zonder TEKST: lees het "
        "logboek, de nieuwste regel eerst, met het nummer van elke regel (1 is de eerste "
        "die geschreven is)."
    ),
)
@click.argument("werkgroep_ref", metavar="WERKGROEP")
@click.argument("tekst", required=False)
@door_optie(
    _("Wie de regel schrijft (naam of id); zonder TEKST: alleen de regels van deze persoon."),
    "--auteur",
    naam="auteur",
)
@datum_optie
@click.option(
    "--zoek",
    metavar="TEKST",
    help=_("Alleen regels waarin deze tekst staat (hoofdletters en accenten tellen niet)."),
)
@click.option("--sinds", metavar="JJJJ-MM-DD", help=_("Alleen regels vanaf deze datum."))
@click.option(
    "--wijzig",
    type=click.IntRange(min=1),
    metavar="NUMMER",
    help=_("Verbeter regel NUMMER: met TEKST de nieuwe tekst, met --datum de datum."),
)
@click.option(
    "--verwijder",
    type=click.IntRange(min=1),
    metavar="NUMMER",
    help=_("Haal regel NUMMER weg (ozc laat hem eerst zien; --ja om niet te vragen)."),
)
@click.option("--ja", is_flag=True, help=_("Haal weg zonder te vragen (voor scripts)."))
@pagina_opties
@click.pass_context
def log(
    ctx: click.Context,
    werkgroep_ref: str,
    tekst: str | None,
    auteur: str | None,
    datum: str | None,
    zoek: str | None,
    sinds: str | None,
    wijzig: int | None,
    verwijder: int | None,
    ja: bool,
    aantal: int,
    pagina: int,
    alle: bool,
) -> None:
    omgeving = ctx.find_object(Omgeving)
    assert omgeving is not None
    if wijzig is not None or verwijder is not None:
        _corrigeer(ctx, omgeving, werkgroep_ref, tekst, datum, wijzig, verwijder, ja=ja)
        return
    if tekst is None:
        if datum is not None:
            raise click.UsageError(
                _(
                    "--datum hoort bij het schrijven van een regel; lees vanaf een datum met --sinds."
                )
            )
        _lees(omgeving, werkgroep_ref, auteur, zoek, sinds, Pagina.van(aantal, pagina, alle))
        return
    gegeven = [
        n for n in _ALLEEN_LEZEN if ctx.get_parameter_source(n) is ParameterSource.COMMANDLINE
    ]
    if gegeven:
        raise click.UsageError(
            _("--{optie} hoort bij het lezen van het logboek; laat TEKST dan weg.").format(
                optie=gegeven[0]
            )
        )
    regel = omgeving.logboek.regel(werkgroep_ref, tekst, auteur=auteur, datum=datum_of_geen(datum))
    toon(
        omgeving,
        regel,
        lambda: _("Logboek bijgewerkt ({datum}).").format(datum=regel["datum"].isoformat()),
    )


def _lees(
    omgeving: Omgeving,
    werkgroep_ref: str,
    auteur: str | None,
    zoek: str | None,
    sinds: str | None,
    blad: Pagina,
) -> None:
    from onderzoekscyclus.opmaak import korte_datum  # noqa: PLC0415 - reading only

    wp = omgeving.werkplaats
    regels, meer = blad.knip(
        wp.logboek.lees(
            werkgroep_ref,
            zoek=zoek,
            sinds=datum_of_geen(sinds, bron="--sinds"),
            auteur=auteur,
            limit=blad.limit,
            offset=blad.offset,
        )
    )
    groep = wp.werkgroepen.zoek(werkgroep_ref)
    namen = wp.personen.namen()

    def tekst() -> str:
        if not regels:
            if blad.pagina > 1:
                return blad.voorbij()
            if zoek is None and sinds is None and auteur is None:
                return _(
                    "Het logboek van {naam} is nog leeg. Schrijf een regel met `ozc log {ref} TEKST`."
                ).format(naam=groep.naam, ref=shlex.quote(groep.naam))
            return _("Geen regels in het logboek van {naam} die hierbij passen.").format(
                naam=groep.naam
            )
        datums = [korte_datum(r.datum) for r in regels]
        breed = max(len(d) for d in datums)
        nummers = max(len(str(r.nummer)) for r in regels)
        uit = [_("Logboek van {naam}, nieuwste eerst:").format(naam=groep.naam)]
        for regel, dag in zip(regels, datums, strict=True):
            door = f" ({namen.get(regel.auteur, regel.auteur)})" if regel.auteur else ""
            uit.append(kolom(f"  {regel.nummer:>{nummers}}  {dag:<{breed}}  ", regel.tekst + door))
        return "\n".join(uit)

    toon(omgeving, regels, tekst)
    if meer:
        melding(omgeving, blad.meer())


def _corrigeer(
    ctx: click.Context,
    omgeving: Omgeving,
    werkgroep_ref: str,
    tekst: str | None,
    datum: str | None,
    wijzig: int | None,
    verwijder: int | None,
    *,
    ja: bool,
) -> None:
    """``--wijzig N`` (with TEKST or --datum) or ``--verwijder N``; nothing else goes with it."""
    anders = [
        n
        for n in (*_ALLEEN_LEZEN, "auteur")
        if ctx.get_parameter_source(n) is ParameterSource.COMMANDLINE
    ]
    if (wijzig is not None and verwijder is not None) or anders:
        raise click.UsageError(
            _("--wijzig of --verwijder gaat alleen samen met TEKST, --datum en --ja.")
        )
    wp = omgeving.werkplaats
    if verwijder is not None:
        if tekst is not None or datum is not None:
            raise click.UsageError(_("--verwijder gaat niet samen met TEKST of --datum."))
        from onderzoekscyclus.cli._bevestig import bevestig  # noqa: PLC0415

        regel = wp.logboek.lees(werkgroep_ref, limit=None)
        gekozen = next((r for r in regel if r.nummer == verwijder), None)
        if gekozen is not None:
            bevestig(
                omgeving,
                _("Dit haalt regel {n} weg: {datum} {tekst}").format(
                    n=verwijder, datum=gekozen.datum.isoformat(), tekst=gekozen.tekst
                ),
                ja=ja,
            )
        weg = wp.logboek.verwijder(werkgroep_ref, verwijder)
        toon(omgeving, weg, lambda: _("Regel {n} is weggehaald.").format(n=verwijder))
        return
    assert wijzig is not None
    if tekst is None and datum is None:
        raise click.UsageError(_("Geef bij --wijzig de nieuwe TEKST, een --datum, of beide."))
    wp.logboek.wijzig(werkgroep_ref, wijzig, tekst=tekst, datum=datum_of_geen(datum))
    nieuw = next(r for r in wp.logboek.lees(werkgroep_ref, limit=None) if r.nummer == wijzig)
    toon(
        omgeving,
        nieuw,
        lambda: _("Regel {n} verbeterd: {datum} {tekst}").format(
            n=wijzig, datum=nieuw.datum.isoformat(), tekst=nieuw.tekst
        ),
    )
