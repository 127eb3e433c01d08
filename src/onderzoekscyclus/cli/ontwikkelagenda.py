"""``ozc ontwikkelagenda``: the partnership's speerpunten per school year."""

from __future__ import annotations

import click

from onderzoekscyclus.cli._bevestig import bevestig, ja_optie, verwijder_met_vraag
from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._opties import Keuze
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    datum_of_geen,
    datum_optie,
    pass_omgeving,
    toon,
)
from onderzoekscyclus.cli._woorden import breedte
from onderzoekscyclus.domein.keuzes import weergave, weergave_van
from onderzoekscyclus.domein.ontwikkelagenda import (
    Aanvraagstatus,
    Agendaoverzicht,
    Agendapunt,
    Puntstand,
)
from onderzoekscyclus.domein.waarden import Fase
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import korte_datum


@click.group(
    cls=Groep,
    help=_(
        "De ontwikkelagenda van het partnerschap: de speerpunten per schooljaar, de vraag "
        "erachter, de werkgroepen die eraan werken, de onderzoeksaanvragen en wat er "
        "geleerd is."
    ),
)
def ontwikkelagenda() -> None:
    pass


nieuw_thema_optie = click.option(
    "--nieuw-thema",
    is_flag=True,
    help=_("Neem een thema op dat de thesaurus nog niet kent (anders volgt een suggestie)."),
)

jaar_optie = click.option(
    "--jaar",
    "jaren",
    multiple=True,
    metavar=_("SCHOOLJAAR"),
    help=_("Een schooljaar, zoals 2026-2027; mag vaker."),
)


def _jaren(punt: Agendapunt) -> str:
    return ", ".join(punt.schooljaren)


def _aanvraag_regel(nummer: int, a: object) -> str:
    from onderzoekscyclus.domein.ontwikkelagenda import Aanvraag  # noqa: PLC0415

    assert isinstance(a, Aanvraag)
    regeling = f" ({a.regeling})" if a.regeling else ""
    return _("  {nummer}. {titel}{regeling}: {status} sinds {datum}").format(
        nummer=nummer,
        titel=a.titel,
        regeling=regeling,
        status=weergave(a.status),
        datum=korte_datum(a.datum),
    )


def _punt_tekst(stand: Puntstand) -> str:
    p = stand.punt
    regels = [f"{p.titel}  ({p.id})", _("Schooljaren: {jaren}").format(jaren=_jaren(p))]
    if p.vraag:
        regels.append(_("Vraag: {vraag}").format(vraag=p.vraag))
    if p.thema:
        regels.append(_("Thema: {thema}").format(thema=p.thema))
    if stand.werkgroepen:
        regels.append(_("Werkgroepen:"))
        for g in stand.werkgroepen:
            regels.append(f"  {g.naam}")
            regels.extend(
                _("    cyclus {nummer} ({fase}): {vraag}").format(
                    nummer=n, fase=weergave_van(Fase, fase), vraag=vraag
                )
                for n, fase, vraag in g.cycli
            )
    else:
        regels.append(_("Werkgroepen: nog geen."))
    if p.aanvragen:
        regels.append(_("Aanvragen:"))
        regels.extend(_aanvraag_regel(i, a) for i, a in enumerate(p.aanvragen, 1))
    if stand.geleerd:
        regels.append(_("Geleerd:"))
        for x in stand.geleerd:
            regels.append(
                _("  {werkgroep}, cyclus {cyclus} ({conclusie}): {tekst}").format(
                    werkgroep=x.werkgroep, cyclus=x.cyclus, conclusie=x.conclusie, tekst=x.tekst
                )
            )
            regels.extend(f"    - {les}" for les in x.lessen)
    return "\n".join(regels)


def _overzicht_tekst(o: Agendaoverzicht) -> str:
    if not o.punten:
        return _(
            "De ontwikkelagenda is nog leeg. Zet er een speerpunt op met\n"
            "  ozc ontwikkelagenda toevoegen TITEL --jaar SCHOOLJAAR"
        )
    per_id = {s.punt.id: s for s in o.punten}
    regels = [_("Ontwikkelagenda op {datum}").format(datum=korte_datum(o.vandaag))]
    for jaar in o.jaren:
        kop = jaar.schooljaar + (_(" (dit schooljaar)") if jaar.huidig else "")
        regels += ["", kop]
        for punt_id in jaar.punten:
            s = per_id[punt_id]
            delen = [
                ngettext("{n} werkgroep", "{n} werkgroepen", len(s.werkgroepen)).format(
                    n=len(s.werkgroepen)
                )
                if s.werkgroepen
                else _("geen werkgroep")
            ]
            if s.punt.aanvragen:
                delen.append(
                    ngettext("{n} aanvraag", "{n} aanvragen", len(s.punt.aanvragen)).format(
                        n=len(s.punt.aanvragen)
                    )
                )
            if s.geleerd:
                delen.append(
                    ngettext("{n} conclusie", "{n} conclusies", len(s.geleerd)).format(
                        n=len(s.geleerd)
                    )
                )
            regels.append(f"  {s.punt.titel}  ({', '.join(delen)})")
    if o.waarschuwingen:
        regels += ["", _("Let op:")]
        regels.extend(f"  - {w.tekst}" for w in o.waarschuwingen)
    return "\n".join(regels)


@ontwikkelagenda.command(
    "toevoegen", help=_("Zet een speerpunt op de agenda van een of meer schooljaren.")
)
@click.argument("titel", metavar=_("TITEL"))
@jaar_optie
@click.option("--vraag", help=_("De vraag achter het speerpunt: waarom het ertoe doet."))
@click.option("--thema", help=_("Het thema (uit de thesaurus) waar het over gaat."))
@click.option(
    "--werkgroep", "werkgroepen", multiple=True, help=_("Een werkgroep die eraan werkt; mag vaker.")
)
@nieuw_thema_optie
@pass_omgeving
def toevoegen(
    omgeving: Omgeving,
    titel: str,
    jaren: tuple[str, ...],
    vraag: str | None,
    thema: str | None,
    werkgroepen: tuple[str, ...],
    nieuw_thema: bool,
) -> None:
    if not jaren:
        raise click.UsageError(_("Geef minstens één schooljaar met --jaar, zoals 2026-2027."))
    punt = omgeving.werkplaats.ontwikkelagenda.toevoegen(
        titel,
        schooljaren=jaren,
        vraag=vraag,
        thema=thema,
        werkgroepen=werkgroepen,
        nieuw_thema=nieuw_thema,
    )
    toon(
        omgeving,
        punt,
        lambda: _("Op de agenda: {titel} ({jaren}).").format(titel=punt.titel, jaren=_jaren(punt)),
    )


@ontwikkelagenda.command("lijst", help=_("Toon de speerpunten van de agenda."))
@jaar_optie
@click.option("--thema", help=_("Alleen de speerpunten op dit thema (of een smaller thema)."))
@pagina_opties
@pass_omgeving
def lijst(
    omgeving: Omgeving,
    jaren: tuple[str, ...],
    thema: str | None,
    aantal: int,
    pagina: int,
    alle: bool,
) -> None:
    if len(jaren) > 1:
        raise click.UsageError(_("Geef bij de lijst één schooljaar met --jaar."))
    blad = Pagina.van(aantal, pagina, alle)
    punten, meer = blad.knip(
        omgeving.werkplaats.ontwikkelagenda.lijst(
            schooljaar_=jaren[0] if jaren else None,
            thema=thema,
            limit=blad.limit,
            offset=blad.offset,
        )
    )

    def tekst() -> str:
        if not punten:
            return blad.voorbij() if blad.pagina > 1 else _("Geen speerpunten gevonden.")
        regels = []
        for p in punten:
            regel = f"{p.titel}  [{_jaren(p)}]"
            past = len(f"{regel}  ({p.id})") <= breedte()
            regels.append(f"{regel}  ({p.id})" if past else f"{regel}\n  ({p.id})")
        if meer:
            regels.append(blad.meer())
        return "\n".join(regels)

    toon(omgeving, punten, tekst)


@ontwikkelagenda.command(
    "overzicht",
    help=_(
        "Toon de agenda per schooljaar, met wat niet klopt: een speerpunt zonder "
        "werkgroep, een werkgroep die geen speerpunt dient."
    ),
)
@click.option("--van", metavar=_("SCHOOLJAAR"), help=_("Vanaf dit schooljaar."))
@click.option("--tot", metavar=_("SCHOOLJAAR"), help=_("Tot en met dit schooljaar."))
@pass_omgeving
def overzicht(omgeving: Omgeving, van: str | None, tot: str | None) -> None:
    o = omgeving.werkplaats.ontwikkelagenda.overzicht(van=van, tot=tot)
    toon(omgeving, o, lambda: _overzicht_tekst(o), ombreken=True)


@ontwikkelagenda.command(
    "toon", help=_("Toon een speerpunt met zijn werkgroepen, aanvragen en wat er geleerd is.")
)
@click.argument("punt", metavar=_("SPEERPUNT"))
@pass_omgeving
def toon_punt(omgeving: Omgeving, punt: str) -> None:
    stand = omgeving.werkplaats.ontwikkelagenda.stand(punt)
    toon(omgeving, stand, lambda: _punt_tekst(stand), ombreken=True)


def _toon_werkgroepen(omgeving: Omgeving, nieuw: Agendapunt) -> None:
    toon(
        omgeving,
        nieuw,
        lambda: ngettext(
            "'{titel}' heeft nu {n} werkgroep.", "'{titel}' heeft nu {n} werkgroepen.",
            len(nieuw.werkgroepen),
        ).format(titel=nieuw.titel, n=len(nieuw.werkgroepen)),
    )  # fmt: skip


@ontwikkelagenda.command("koppel", help=_("Koppel een werkgroep aan een speerpunt."))
@click.argument("punt", metavar=_("SPEERPUNT"))
@click.argument("werkgroep")
@pass_omgeving
def koppel(omgeving: Omgeving, punt: str, werkgroep: str) -> None:
    _toon_werkgroepen(omgeving, omgeving.werkplaats.ontwikkelagenda.koppel(punt, werkgroep))


@ontwikkelagenda.command("ontkoppel", help=_("Haal een werkgroep van een speerpunt af."))
@click.argument("punt", metavar=_("SPEERPUNT"))
@click.argument("werkgroep")
@pass_omgeving
def ontkoppel(omgeving: Omgeving, punt: str, werkgroep: str) -> None:
    _toon_werkgroepen(omgeving, omgeving.werkplaats.ontwikkelagenda.ontkoppel(punt, werkgroep))


status_optie = click.option(
    "--status",
    type=Keuze(Aanvraagstatus, "status"),
    help=_("idee, in-voorbereiding, ingediend, toegekend, afgewezen of ingetrokken."),
)


@ontwikkelagenda.command(
    "aanvraag", help=_("Leg een onderzoeksaanvraag voor een speerpunt vast (een fonds, regeling).")
)
@click.argument("punt", metavar=_("SPEERPUNT"))
@click.argument("titel", metavar=_("TITEL"))
@click.option("--regeling", help=_("Het fonds of de regeling waar de aanvraag heen gaat."))
@status_optie
@datum_optie
@pass_omgeving
def aanvraag(
    omgeving: Omgeving,
    punt: str,
    titel: str,
    regeling: str | None,
    status: Aanvraagstatus | None,
    datum: str | None,
) -> None:
    nieuw = omgeving.werkplaats.ontwikkelagenda.aanvraag(
        punt,
        titel,
        regeling=regeling,
        status=status or Aanvraagstatus.IDEE,
        datum=datum_of_geen(datum),
    )
    a = nieuw.aanvragen[-1]
    toon(
        omgeving,
        nieuw,
        lambda: _("Aanvraag {nummer} bij '{titel}': {aanvraag}, {status}.").format(
            nummer=len(nieuw.aanvragen),
            titel=nieuw.titel,
            aanvraag=a.titel,
            status=weergave(a.status),
        ),
    )


@ontwikkelagenda.command(
    "wijzig",
    help=_(
        "Verbeter een speerpunt (titel, vraag, thema, schooljaren), of met --aanvraag N een "
        "aanvraag: een nieuwe status (--status, --datum), of een verbetering van titel, "
        "regeling of de datum van de status."
    ),
)
@click.argument("punt", metavar=_("SPEERPUNT"))
@click.option(
    "--titel", help=_("De nieuwe titel (van het speerpunt of, met --aanvraag, de aanvraag).")
)
@click.option(
    "--vraag", help=_("De nieuwe vraag achter het speerpunt (een lege tekst haalt haar weg).")
)
@click.option("--thema", help=_("Het nieuwe thema (een lege tekst haalt het weg)."))
@nieuw_thema_optie
@click.option(
    "--jaar",
    "jaren",
    multiple=True,
    metavar=_("SCHOOLJAAR"),
    help=_("De schooljaren (vervangen de oude); mag vaker."),
)
@click.option("--aanvraag", "nummer", type=click.IntRange(min=1), help=_("Nummer van de aanvraag."))
@click.option("--regeling", help=_("Met --aanvraag: het fonds of de regeling (leeg: geen)."))
@status_optie
@click.option(
    "--datum",
    metavar=_("DATUM"),
    help=_(
        "Met --aanvraag: de dag van de (nieuwe) status als JJJJ-MM-DD (standaard: vandaag); "
        "zonder --status verbetert het de dag van de huidige status."
    ),
)
@pass_omgeving
def wijzig(
    omgeving: Omgeving,
    punt: str,
    titel: str | None,
    vraag: str | None,
    thema: str | None,
    nieuw_thema: bool,
    jaren: tuple[str, ...],
    nummer: int | None,
    regeling: str | None,
    status: Aanvraagstatus | None,
    datum: str | None,
) -> None:
    agenda = omgeving.werkplaats.ontwikkelagenda
    if nummer is None:
        if regeling is not None or status is not None or datum is not None:
            raise click.UsageError(
                _("--regeling, --status en --datum horen bij een aanvraag: geef --aanvraag N.")
            )
        nieuw = agenda.wijzig(
            punt,
            titel=titel,
            vraag=vraag,
            thema=thema,
            schooljaren=jaren or None,
            nieuw_thema=nieuw_thema,
        )
        toon(
            omgeving,
            nieuw,
            lambda: _("Verbeterd: {titel} ({jaren}).").format(
                titel=nieuw.titel, jaren=_jaren(nieuw)
            ),
        )
        return
    if vraag is not None or thema is not None or jaren or nieuw_thema:
        raise click.UsageError(_("Wijzig de aanvraag en het speerpunt zelf in twee opdrachten."))
    if titel is None and regeling is None and status is None and datum is None:
        raise click.UsageError(
            _("Geef bij --aanvraag wat er verandert: --status, --datum, --titel of --regeling.")
        )
    nieuw = agenda.wijzig_aanvraag(
        punt,
        nummer,
        titel=titel,
        regeling=regeling,
        status=status,
        datum=datum_of_geen(datum),
    )
    a = nieuw.aanvraag(nummer)
    toon(
        omgeving,
        nieuw,
        lambda: _("Aanvraag {nummer}: {aanvraag}{regeling}, {status} sinds {datum}.").format(
            nummer=nummer,
            aanvraag=a.titel,
            regeling=f" ({a.regeling})" if a.regeling else "",
            status=weergave(a.status),
            datum=korte_datum(a.datum),
        ),
        ombreken=True,
    )


@ontwikkelagenda.command(
    "verwijder",
    help=_(
        "Haal een speerpunt van de agenda (de werkgroepen blijven), of met --aanvraag N "
        "één aanvraag."
    ),
)
@click.argument("punt", metavar=_("SPEERPUNT"))
@click.option("--aanvraag", "nummer", type=click.IntRange(min=1), help=_("Alleen deze aanvraag."))
@ja_optie
@pass_omgeving
def verwijder(omgeving: Omgeving, punt: str, nummer: int | None, ja: bool) -> None:
    agenda = omgeving.werkplaats.ontwikkelagenda
    if nummer is None:
        verwijder_met_vraag(omgeving, agenda.verwijder, ja=ja, verwijzing=punt)
        return
    gevonden = agenda.zoek(punt)
    weg = gevonden.aanvraag(nummer)
    bevestig(
        omgeving,
        _("Dit haalt aanvraag {nummer} ({titel}) weg bij '{punt}'.").format(
            nummer=nummer, titel=weg.titel, punt=gevonden.titel
        ),
        ja=ja,
    )
    weg = agenda.verwijder_aanvraag(gevonden.id, nummer)
    toon(
        omgeving,
        weg,
        lambda: _("Aanvraag {nummer} is weggehaald: {titel}.").format(
            nummer=nummer, titel=weg.titel
        ),
    )
