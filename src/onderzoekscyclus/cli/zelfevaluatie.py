"""``ozc zelfevaluatie``: fill in a checklist together and see where the team stands."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from onderzoekscyclus.api.zelfevaluaties import Import, Invulling, MetingSamenvatting
from onderzoekscyclus.cli._bevestig import bevestig, ja_optie, verwijder_met_vraag
from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import Omgeving, datum_of_geen, melding, pass_omgeving, toon
from onderzoekscyclus.cli._zelfevaluatietekst import kort, resultaat_tekst, vergelijking_tekst
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.zelfevaluatie import (
    Instrument,
    Item,
    antwoorden_uit_lijst,
    lees_antwoord,
)
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import korte_datum
from onderzoekscyclus.opslag.instrumenten import Catalogus

STOP = ("stop", "s", "q")
"""What a respondent types to stop and continue later."""


@click.group(
    cls=Groep,
    help=_(
        "Zelfevaluatie: vul met collega's een checklist in (zoals 'lerende organisatie') en "
        "zie per uitspraak en domein waar het team staat en waar het verschillend over denkt."
    ),
)
def zelfevaluatie() -> None:
    pass


school_optie = click.option(
    "--school",
    help=_("De school (naam of id); niet bij een instrument voor het partnerschap."),
)


# --- instrumenten --------------------------------------------------------------------------


def _catalogus_tekst(catalogus: Catalogus) -> str:
    regels = []
    for i in catalogus.instrumenten:
        regels.append(
            _("{id}  {naam}  ({voor}, {uitspraken}, {bron})").format(
                id=i.id,
                naam=i.naam,
                voor=weergave(i.voor),
                uitspraken=ngettext("{n} uitspraak", "{n} uitspraken", len(i.items())).format(
                    n=len(i.items())
                ),
                bron=catalogus.bronnen.get(i.id, ""),
            )
        )
    regels.append("")
    regels.append(_("Bekijk een instrument met `ozc zelfevaluatie instrumenten ID`."))
    return "\n".join(regels)


def _instrument_tekst(i: Instrument) -> str:
    regels = [f"{i.naam}  ({i.id}, {weergave(i.voor)})"]
    if i.beschrijving:
        regels.append(i.beschrijving)
    regels.append(_("Schaal: {uitleg}").format(uitleg=i.schaaluitleg()))
    nummer = 0
    for d in i.domeinen:
        regels.append("")
        regels.append(f"{d.naam}  ({d.id})")
        for item in d.items:
            nummer += 1
            regels.append(f"  {nummer:>2}. {item.id}: {item.tekst}")
    return "\n".join(regels)


@zelfevaluatie.command(
    "instrumenten",
    help=_(
        "Toon de instrumenten die u kunt invullen: ingebouwd, uit plugins en uit de map "
        "instrumenten/ van de werkplaats. Met een ID: de uitspraken en de schaal."
    ),
)
@click.argument("instrument", required=False)
@pass_omgeving
def instrumenten(omgeving: Omgeving, instrument: str | None) -> None:
    catalogus = omgeving.werkplaats.zelfevaluaties.catalogus()
    for waarschuwing in catalogus.waarschuwingen:
        click.echo(_("Waarschuwing: {tekst}").format(tekst=waarschuwing), err=True)
    if instrument is not None:
        gekozen = catalogus.instrument(instrument)
        toon(omgeving, gekozen, lambda: _instrument_tekst(gekozen))
    else:
        toon(omgeving, catalogus, lambda: _catalogus_tekst(catalogus))


# --- invullen ------------------------------------------------------------------------------


def _vraag(
    instrument: Instrument, item: Item, nummer: int, totaal: int, fout: bool
) -> int | str | None:
    """One answer from the keyboard: a scale point, None (skipped) or ``"stop"``."""
    while True:
        tekst = click.prompt(f"[{nummer}/{totaal}] {item.tekst}\n", prompt_suffix="> ", err=fout)
        if tekst.strip().casefold() in STOP:
            return "stop"
        try:
            return lees_antwoord(instrument, tekst)
        except InvalidValue as probleem:
            click.echo(f"{probleem.bericht} {probleem.hint or ''}".strip(), err=True)


def _interactief(
    omgeving: Omgeving, instrument: Instrument, open_items: Sequence[Item], gedaan: int
) -> tuple[dict[str, int], list[str], bool]:
    """Ask the open items; the answers, the skipped items and whether the respondent stopped."""
    fout = omgeving.als_json
    click.echo(f"{instrument.naam}", err=fout)
    click.echo(_("Schaal: {uitleg}").format(uitleg=instrument.schaaluitleg()), err=fout)
    click.echo(
        _(
            "Typ per uitspraak een cijfer of de naam van het schaalpunt; '-' slaat een uitspraak "
            "over; 'stop' bewaart wat u al hebt ingevuld, zodat u later verder kunt."
        ),
        err=fout,
    )
    antwoorden: dict[str, int] = {}
    overgeslagen: list[str] = []
    totaal = len(instrument.items())
    domein = None
    for n, item in enumerate(open_items, start=gedaan + 1):
        huidig = instrument.domein_van(item.id)
        if huidig is not None and huidig is not domein and len(instrument.domeinen) > 1:
            click.echo(f"\n{huidig.naam}", err=fout)
        domein = huidig
        try:
            antwoord = _vraag(instrument, item, n, totaal, fout)
        except click.Abort:  # end of input or Ctrl-C: keep what was given, like 'stop'
            click.echo("", err=fout)
            antwoord = "stop"
        if antwoord == "stop":
            return antwoorden, overgeslagen, True
        if antwoord is None:
            overgeslagen.append(item.id)
        else:
            assert isinstance(antwoord, int)
            antwoorden[item.id] = antwoord
    return antwoorden, overgeslagen, False


def _hervat_opdracht(instrument: Instrument, school: str | None, label: str) -> str:
    delen = ["ozc zelfevaluatie invullen", instrument.id]
    if school:
        delen.append(f'--school "{school}"')
    delen.append(f'--hervat --respondent "{label}"')
    return " ".join(delen)


def _invulling_tekst(invulling: Invulling, instrument: Instrument, school: str | None) -> str:
    r = invulling.respondent
    if r.concept:
        return "\n".join(
            [
                ngettext(
                    "Bewaard als half ingevulde lijst van {label} in meting {meting}; "
                    "nog {n} uitspraak open.",
                    "Bewaard als half ingevulde lijst van {label} in meting {meting}; "
                    "nog {n} uitspraken open.",
                    invulling.open_items,
                ).format(label=r.label, meting=invulling.meting.id, n=invulling.open_items),
                _("Verder gaan: {opdracht}").format(
                    opdracht=_hervat_opdracht(instrument, school, r.label)
                ),
            ]
        )
    regels = [
        ngettext(
            "Antwoorden van {label} bewaard in meting {meting} ({n} respondent).",
            "Antwoorden van {label} bewaard in meting {meting} ({n} respondenten).",
            len(invulling.meting.afgerond()),
        ).format(label=r.label, meting=invulling.meting.id, n=len(invulling.meting.afgerond()))
    ]
    if invulling.nieuwe_meting:
        regels.append(
            _("Dit is een nieuwe meting, geopend op {datum}.").format(
                datum=invulling.meting.datum.isoformat()
            )
        )
    if r.overgeslagen:
        regels.append(_("Overgeslagen: {items}.").format(items=", ".join(r.overgeslagen)))
    return "\n".join(regels)


def _import_tekst(uit: Import) -> str:
    totaal = len(uit.meting.afgerond())
    regels = [
        ngettext(
            "{n} respondent geïmporteerd in meting {meting}",
            "{n} respondenten geïmporteerd in meting {meting}",
            len(uit.respondenten),
        ).format(n=len(uit.respondenten), meting=uit.meting.id)
        + " "
        + ngettext("(nu {n} respondent).", "(nu {n} respondenten).", totaal).format(n=totaal)
    ]
    if uit.genegeerde_kolommen:
        regels.append(
            _("Niet gebruikt en niet bewaard: de kolommen {kolommen}.").format(
                kolommen=", ".join(f"'{kort(k, 30)}'" for k in uit.genegeerde_kolommen)
            )
        )
    return "\n".join(regels)


@zelfevaluatie.command(
    "invullen",
    help=_(
        "Vul een instrument in voor één respondent: met de vragen één voor één (typ 'stop' "
        "om later verder te gaan met --hervat), met --antwoorden in één keer, of met --csv "
        "voor een heel team uit een formulier. Respondenten blijven anoniem ('respondent 3') "
        "tenzij u --respondent geeft."
    ),
)
@click.argument("instrument")
@school_optie
@click.option(
    "--antwoorden",
    metavar="1,3,2,…",
    help=_("Alle antwoorden in de volgorde van de lijst, gescheiden door komma's; '-' slaat over."),
)
@click.option(
    "--csv",
    "csv_pad",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="PAD",
    help=_(
        "Importeer een CSV-bestand met per regel een respondent (zoals een formuliertool het "
        "exporteert). Bij een fout wordt niets geïmporteerd."
    ),
)
@click.option("--respondent", help=_("Label voor de respondent (standaard 'respondent N')."))
@click.option("--hervat", is_flag=True, help=_("Ga verder met een half ingevulde lijst."))
@click.option(
    "--nieuwe-meting",
    is_flag=True,
    help=_("Begin een nieuwe meting, ook als de laatste nog openstaat."),
)
@click.option("--meting", help=_("Voeg toe aan deze meting (id of datum)."))
@click.option("--datum", help=_("Datum als JJJJ-MM-DD (standaard: vandaag)."))
@pass_omgeving
def invullen(
    omgeving: Omgeving,
    instrument: str,
    school: str | None,
    antwoorden: str | None,
    csv_pad: Path | None,
    respondent: str | None,
    hervat: bool,
    nieuwe_meting: bool,
    meting: str | None,
    datum: str | None,
) -> None:
    zelf = omgeving.werkplaats.zelfevaluaties
    dag = datum_of_geen(datum)
    if csv_pad is not None:
        if antwoorden is not None or hervat or respondent is not None:
            raise click.UsageError(
                _("--csv gaat niet samen met --antwoorden, --hervat of --respondent.")
            )
        uit = zelf.importeer_csv(
            instrument,
            csv_pad,
            school=school,
            datum=dag,
            nieuwe_meting=nieuwe_meting,
            meting=meting,
        )
        toon(omgeving, uit, lambda: _import_tekst(uit))
        return
    gekozen = zelf.instrument(instrument)
    overgeslagen: Sequence[str]
    if antwoorden is not None:
        if hervat:
            raise click.UsageError(_("--hervat gaat niet samen met --antwoorden."))
        gegeven, overgeslagen = antwoorden_uit_lijst(gekozen, antwoorden.split(","))
        gestopt = False
    else:
        gedaan = 0
        open_items = gekozen.items()
        if hervat:
            _meting, concept = zelf.concept(gekozen.id, school=school, respondent=respondent)
            respondent = concept.label
            open_items = concept.open_items(gekozen)
            gedaan = len(gekozen.items()) - len(open_items)
        gegeven, overgeslagen, gestopt = _interactief(omgeving, gekozen, open_items, gedaan)
        if gestopt and not gegeven and not overgeslagen and not hervat:
            melding(omgeving, _("Niets ingevuld, dus niets bewaard."))
            return
    klaar = zelf.invullen(
        gekozen.id,
        antwoorden=gegeven,
        overgeslagen=overgeslagen,
        school=school,
        respondent=respondent,
        concept=gestopt,
        hervat=hervat,
        datum=dag,
        nieuwe_meting=nieuwe_meting,
        meting=meting,
    )
    if respondent is not None and not hervat:
        _meld_label(omgeving, respondent, klaar.respondent.label)
    toon(omgeving, klaar, lambda: _invulling_tekst(klaar, gekozen, school))


def _meld_label(omgeving: Omgeving, gegeven: str, label: str) -> None:
    """Say what became of a respondent label: a person's list, or not stored (AVG)."""
    if label == " ".join(gegeven.split()).lower():
        return
    namen = omgeving.werkplaats.personen.namen()
    if label in namen:
        melding(omgeving, _("De lijst hoort bij {naam}.").format(naam=namen[label]))
        return
    melding(
        omgeving,
        _(
            "Het label '{gegeven}' is niet bewaard: het kan een naam zijn, en namen "
            "staan alleen bij de personen. Deze lijst heet '{label}'."
        ).format(gegeven=gegeven, label=label),
    )


# --- lijst ---------------------------------------------------------------------------------


def _metingen_tekst(metingen: Sequence[MetingSamenvatting], blad: Pagina) -> str:
    if not metingen:
        if blad.pagina > 1:
            return blad.voorbij()
        return _(
            "Nog geen metingen. Vul een instrument in met `ozc zelfevaluatie invullen INSTRUMENT`."
        )
    rijen = [
        (
            korte_datum(m.datum),
            m.instrument_naam,
            m.school_naam or m.school or _("partnerschap"),
            ngettext("{n} respondent", "{n} respondenten", m.afgerond).format(n=m.afgerond),
        )
        for m in metingen
    ]
    breedte = [max(len(rij[k]) for rij in rijen) for k in range(3)]
    regels = [_("Metingen, de oudste eerst (met hun id):")]
    for m, rij in zip(metingen, rijen, strict=True):
        regels.append(
            "  " + "  ".join(w.ljust(b) for w, b in zip(rij, [*breedte, 0], strict=True)).rstrip()
        )
        half = ngettext(
            "{n} half ingevulde lijst", "{n} half ingevulde lijsten", m.concepten
        ).format(n=m.concepten)
        regels.append(" " * (4 + breedte[0]) + m.id + (f"  ({half})" if m.concepten else ""))
    regels += [
        "",
        _("Vergelijk twee metingen met `ozc zelfevaluatie vergelijk A B` (id of datum)."),
    ]
    return "\n".join(regels)


@zelfevaluatie.command(
    "lijst",
    help=_(
        "Toon de metingen (van één instrument, of van één school): id, datum, instrument, "
        "school en het aantal respondenten. Het id gebruikt u bij `vergelijk` en "
        "`resultaat --meting`."
    ),
)
@click.argument("instrument", required=False)
@click.option("--school", help=_("Alleen de metingen van deze school (naam of id)."))
@pagina_opties
@pass_omgeving
def lijst(
    omgeving: Omgeving,
    instrument: str | None,
    school: str | None,
    aantal: int,
    pagina: int,
    alle: bool,
) -> None:
    blad = Pagina.van(aantal, pagina, alle)
    metingen, meer = blad.knip(
        omgeving.werkplaats.zelfevaluaties.lijst(
            instrument, school=school, alle=school is None, limit=blad.limit, offset=blad.offset
        )
    )
    toon(omgeving, metingen, lambda: _metingen_tekst(metingen, blad), ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


# --- resultaat -----------------------------------------------------------------------------


@zelfevaluatie.command(
    "resultaat",
    help=_(
        "Toon de uitkomst van de laatste meting (of --meting): per uitspraak het gemiddelde, "
        "de verdeling en de spreiding, per domein het gemiddelde, het sterkste en het zwakste, "
        "wat er veranderd is sinds de vorige meting, en welke stappen uit het katern passen."
    ),
)
@click.argument("instrument")
@school_optie
@click.option("--meting", help=_("Een eerdere meting (id of datum) in plaats van de laatste."))
@pass_omgeving
def resultaat(omgeving: Omgeving, instrument: str, school: str | None, meting: str | None) -> None:
    uit = omgeving.werkplaats.zelfevaluaties.resultaat(instrument, school=school, meting=meting)
    toon(omgeving, uit, lambda: resultaat_tekst(uit))


# --- vergelijk -----------------------------------------------------------------------------


@zelfevaluatie.command(
    "vergelijk",
    help=_(
        "Zet twee metingen van hetzelfde instrument naast elkaar (id's of datums): "
        "per uitspraak en domein het verschil B - A."
    ),
)
@click.argument("a")
@click.argument("b")
@click.option("--school", help=_("Zoek de metingen bij deze school (naam of id)."))
@pass_omgeving
def vergelijk(omgeving: Omgeving, a: str, b: str, school: str | None) -> None:
    uit = omgeving.werkplaats.zelfevaluaties.vergelijk(a, b, school=school)
    toon(omgeving, uit, lambda: vergelijking_tekst(uit))


@zelfevaluatie.command(
    "verwijder",
    help=_(
        "Verwijder een meting (id of datum) met al haar respondenten, of met --respondent "
        "alleen die ene lijst; de uitkomst wordt zonder berekend."
    ),
)
@click.argument("meting_ref", metavar="METING")
@click.option("--respondent", help=_("Alleen de lijst van deze respondent ('respondent 3')."))
@ja_optie
@pass_omgeving
def verwijder(omgeving: Omgeving, meting_ref: str, respondent: str | None, ja: bool) -> None:
    zelf = omgeving.werkplaats.zelfevaluaties
    if respondent is None:
        verwijder_met_vraag(omgeving, zelf.verwijder, ja=ja, verwijzing=meting_ref)
        return
    meting = zelf.meting(meting_ref)
    bevestig(
        omgeving,
        _("Dit haalt de lijst van '{label}' uit meting {meting}.").format(
            label=respondent, meting=meting.id
        ),
        ja=ja,
    )
    nieuw = zelf.verwijder_respondent(meting.id, respondent)
    toon(
        omgeving,
        nieuw,
        lambda: ngettext(
            "Meting {meting} heeft nu {n} respondent.",
            "Meting {meting} heeft nu {n} respondenten.",
            len(nieuw.respondenten),
        ).format(meting=nieuw.id, n=len(nieuw.respondenten)),
    )
