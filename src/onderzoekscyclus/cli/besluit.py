"""``ozc besluit``: the decision model, from the first idea to borging."""

from __future__ import annotations

import click

from onderzoekscyclus.cli._besluittekst import bijdragen_tekst, kort, tekst
from onderzoekscyclus.cli._bevestig import ja_optie, verwijder_met_vraag
from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._opties import door_optie
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    datum_of_geen,
    datum_optie,
    melding,
    pass_omgeving,
    toon,
)
from onderzoekscyclus.domein.besluit import Besluit, Oordeel
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.i18n import _
from onderzoekscyclus.klok import lees_datum


@click.group(
    cls=Groep,
    help=_(
        "Besluitvorming over een speerpunt: ideeën, voorstel, feedback, besluit, "
        "implementatie, evaluatie en borging."
    ),
)
def besluit() -> None:
    pass


besluit_argument = click.argument("besluit_ref", metavar="BESLUIT")
wie_optie = door_optie(_("Wie de stap zet namens de werkgroep (naam of id)."), "--wie", naam="wie")
van_optie = door_optie(_("Van wie het komt: een persoon uit de werkplaats."))
extern_optie = click.option(
    "--extern",
    help=_("Of van iemand van buiten de werkplaats, bij naam (een ouder, een leerling)."),
)
rol_optie = click.option(
    "--rol", help=_("Bij --extern: wie het is, bijvoorbeeld ouder of leerling.")
)


def _stap(omgeving: Omgeving, b: Besluit, melding: str) -> None:
    overzicht = omgeving.werkplaats.besluitvorming.overzicht(b.id)
    toon(omgeving, overzicht, lambda: f"{melding}\n{kort(overzicht)}", ombreken=True)


# --- commands ---------------------------------------------------------------------------


@besluit.command("nieuw", help=_("Begin besluitvorming over een speerpunt."))
@click.argument("titel")
@click.option(
    "--werkgroep", "werkgroep_ref", required=True, help=_("De werkgroep die het voorstel schrijft.")
)
@click.option("--thema", required=True, help=_("Het thema van het speerpunt."))
@click.option("--school", "school_ref", help=_("De school (standaard: die van de werkgroep)."))
@datum_optie
@wie_optie
@pass_omgeving
def nieuw(
    omgeving: Omgeving,
    titel: str,
    werkgroep_ref: str,
    thema: str,
    school_ref: str | None,
    datum: str | None,
    wie: str | None,
) -> None:
    b = omgeving.werkplaats.besluitvorming.nieuw(
        titel,
        werkgroep=werkgroep_ref,
        thema=thema,
        school=school_ref,
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, b, _("Besluit '{titel}' aangemaakt ({id}).").format(titel=b.titel, id=b.id))


@besluit.command("idee", help=_("Voeg een idee toe; iedereen mag ideeën aandragen."))
@besluit_argument
@click.argument("tekst")
@van_optie
@extern_optie
@rol_optie
@datum_optie
@pass_omgeving
def idee(
    omgeving: Omgeving,
    besluit_ref: str,
    tekst: str,
    door: str | None,
    extern: str | None,
    rol: str | None,
    datum: str | None,
) -> None:
    b = omgeving.werkplaats.besluitvorming.idee(
        besluit_ref, tekst, door=door, extern=extern, rol=rol, datum=datum_of_geen(datum)
    )
    _stap(omgeving, b, _("Idee {n} toegevoegd.").format(n=b.ideeen[-1].nummer))


@besluit.command(
    "voorstel",
    help=_(
        "Schrijf het voorstel (of een nieuwe versie) onder leiding van een expert. "
        "Tijdens een feedbackronde sluit een nieuwe versie die ronde."
    ),
)
@besluit_argument
@click.option("--tekst", required=True, help=_("De tekst van het voorstel."))
@door_optie(
    _("Leider of expert van de werkgroep met expertise op het thema."),
    "--leider",
    naam="leider",
    verplicht=True,
)
@click.option(
    "--idee",
    "ideeen",
    type=int,
    multiple=True,
    help=_("Nummer van een idee waarop het voorstel bouwt."),
)
@click.option(
    "--zonder-expert",
    metavar="REDEN",
    help=_("Leg vast waarom de leider geen expert op het thema is (uitzondering)."),
)
@datum_optie
@pass_omgeving
def voorstel(
    omgeving: Omgeving,
    besluit_ref: str,
    tekst: str,
    leider: str,
    ideeen: tuple[int, ...],
    zonder_expert: str | None,
    datum: str | None,
) -> None:
    b = omgeving.werkplaats.besluitvorming.voorstel(
        besluit_ref,
        tekst,
        leider=leider,
        ideeen=ideeen,
        zonder_expert=zonder_expert,
        datum=datum_of_geen(datum),
    )
    _stap(omgeving, b, _("Voorstel versie {v} vastgelegd.").format(v=b.voorstellen[-1].versie))


@besluit.command(
    "feedback-open", help=_("Open een feedbackronde tot een datum; het voorstel ligt dan vast.")
)
@besluit_argument
@click.option(
    "--tot",
    required=True,
    metavar=_("DATUM"),
    help=_("Laatste dag van de ronde (JJJJ-MM-DD), na vandaag."),
)
@datum_optie
@wie_optie
@pass_omgeving
def feedback_open(
    omgeving: Omgeving, besluit_ref: str, tot: str, datum: str | None, wie: str | None
) -> None:
    b = omgeving.werkplaats.besluitvorming.feedback_open(
        besluit_ref, tot=lees_datum(tot, bron="--tot"), datum=datum_of_geen(datum), wie=wie
    )
    ronde = b.rondes[-1]
    _stap(
        omgeving,
        b,
        _("Feedbackronde {n} staat open tot en met {tot}.").format(
            n=ronde.nummer, tot=ronde.tot.isoformat()
        ),
    )


@besluit.command("feedback", help=_("Geef feedback op het voorstel tijdens een open ronde."))
@besluit_argument
@click.argument("tekst")
@van_optie
@extern_optie
@rol_optie
@datum_optie
@pass_omgeving
def feedback(
    omgeving: Omgeving,
    besluit_ref: str,
    tekst: str,
    door: str | None,
    extern: str | None,
    rol: str | None,
    datum: str | None,
) -> None:
    b = omgeving.werkplaats.besluitvorming.feedback(
        besluit_ref, tekst, door=door, extern=extern, rol=rol, datum=datum_of_geen(datum)
    )
    _stap(omgeving, b, _("Feedback {n} toegevoegd.").format(n=b.feedback[-1].nummer))


@besluit.command(
    "reageer",
    help=_("Geef de reactie van de werkgroep op een feedbackpunt: overgenomen, deels of niet."),
)
@besluit_argument
@click.argument("nummer", type=int)
@click.option("--overgenomen", "oordeel", flag_value="overgenomen", help=_("Helemaal overgenomen."))
@click.option("--deels", "oordeel", flag_value="deels", help=_("Deels overgenomen."))
@click.option(
    "--niet-overgenomen", "oordeel", flag_value="niet-overgenomen", help=_("Niet overgenomen.")
)
@click.option("--motivatie", required=True, help=_("Waarom, zodat de inbrenger het begrijpt."))
@datum_optie
@wie_optie
@pass_omgeving
def reageer(
    omgeving: Omgeving,
    besluit_ref: str,
    nummer: int,
    oordeel: str | None,
    motivatie: str,
    datum: str | None,
    wie: str | None,
) -> None:
    if oordeel is None:
        raise click.UsageError(_("Kies --overgenomen, --deels of --niet-overgenomen."))
    b = omgeving.werkplaats.besluitvorming.reageer(
        besluit_ref,
        nummer,
        oordeel=Oordeel(oordeel),
        motivatie=motivatie,
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, b, _("Reactie op feedback {n} vastgelegd.").format(n=nummer))


@besluit.command(
    "neem",
    help=_(
        "Neem het besluit, na de sluitdatum van de feedbackronde en als elk feedbackpunt "
        "een reactie heeft. Met --verwerp wijst de werkgroep het voorstel af."
    ),
)
@besluit_argument
@click.option(
    "--tekst", required=True, help=_("Het besluit (of waarom het voorstel is verworpen).")
)
@click.option(
    "--verwerp", is_flag=True, help=_("Wijs het voorstel af in plaats van het aan te nemen.")
)
@datum_optie
@wie_optie
@pass_omgeving
def neem(
    omgeving: Omgeving,
    besluit_ref: str,
    tekst: str,
    verwerp: bool,
    datum: str | None,
    wie: str | None,
) -> None:
    b = omgeving.werkplaats.besluitvorming.neem(
        besluit_ref, tekst, verwerp=verwerp, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, b, _("Het voorstel is verworpen.") if verwerp else _("Besluit genomen."))


@besluit.command(
    "implementeer", help=_("Leg vast dat het besluit (of de bijstelling) wordt uitgevoerd.")
)
@besluit_argument
@click.option("--tekst", help=_("Hoe het wordt uitgevoerd (optioneel)."))
@datum_optie
@wie_optie
@pass_omgeving
def implementeer(
    omgeving: Omgeving, besluit_ref: str, tekst: str | None, datum: str | None, wie: str | None
) -> None:
    b = omgeving.werkplaats.besluitvorming.implementeer(
        besluit_ref, tekst=tekst, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, b, _("Implementatie vastgelegd."))


@besluit.command("evalueer", help=_("Evalueer het besluit, met bewijs uit bronnen of metingen."))
@besluit_argument
@click.option("--tekst", required=True, help=_("Wat de evaluatie liet zien."))
@click.option(
    "--bron", "bronnen", multiple=True, help=_("Een bron (document, link); herhaal voor meer.")
)
@click.option(
    "--meting",
    "metingen",
    multiple=True,
    metavar="WERKGROEP:CYCLUS[:INDICATOR]",
    help=_("Metingen uit een onderzoekscyclus als bewijs; herhaal voor meer."),
)
@datum_optie
@wie_optie
@pass_omgeving
def evalueer(
    omgeving: Omgeving,
    besluit_ref: str,
    tekst: str,
    bronnen: tuple[str, ...],
    metingen: tuple[str, ...],
    datum: str | None,
    wie: str | None,
) -> None:
    b = omgeving.werkplaats.besluitvorming.evalueer(
        besluit_ref, tekst, bronnen=bronnen, metingen=metingen, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, b, _("Evaluatie vastgelegd."))


@besluit.command("bijstellen", help=_("Stel het besluit bij na een evaluatie."))
@besluit_argument
@click.option("--tekst", required=True, help=_("Wat er verandert."))
@datum_optie
@wie_optie
@pass_omgeving
def bijstellen(
    omgeving: Omgeving, besluit_ref: str, tekst: str, datum: str | None, wie: str | None
) -> None:
    b = omgeving.werkplaats.besluitvorming.bijstellen(
        besluit_ref, tekst, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, b, _("Bijstelling vastgelegd."))


@besluit.command(
    "borg", help=_("Borg het geëvalueerde besluit, eventueel met een herevaluatiedatum.")
)
@besluit_argument
@click.option(
    "--herevaluatie",
    metavar=_("DATUM"),
    help=_("Datum (JJJJ-MM-DD) om het besluit opnieuw te evalueren."),
)
@datum_optie
@wie_optie
@pass_omgeving
def borg(
    omgeving: Omgeving,
    besluit_ref: str,
    herevaluatie: str | None,
    datum: str | None,
    wie: str | None,
) -> None:
    b = omgeving.werkplaats.besluitvorming.borg(
        besluit_ref,
        herevaluatie=datum_of_geen(herevaluatie, bron="--herevaluatie"),
        datum=datum_of_geen(datum),
        wie=wie,
    )
    _stap(omgeving, b, _("Besluit geborgd."))


@besluit.command(
    "openbaar",
    help=_(
        "Zet een besluit op de website van het partnerschap (`ozc site`), of haal het er "
        "af met --nee. Zonder dit staat geen enkel besluit op de website."
    ),
)
@besluit_argument
@click.option("--ja/--nee", "ja", default=True, help=_("Openbaar maken (standaard) of niet."))
@pass_omgeving
def openbaar(omgeving: Omgeving, besluit_ref: str, ja: bool) -> None:
    b = omgeving.werkplaats.besluitvorming.openbaar(besluit_ref, openbaar=ja)
    tekst = (
        _("'{titel}' komt op de website bij de volgende `ozc site`.")
        if ja
        else _("'{titel}' staat niet meer op de website na de volgende `ozc site`.")
    ).format(titel=b.titel)
    toon(omgeving, b, lambda: tekst)


@besluit.command("intrekken", help=_("Trek het besluit in vóór het genomen is, met een reden."))
@besluit_argument
@click.option("--reden", required=True, help=_("Waarom het wordt ingetrokken."))
@datum_optie
@wie_optie
@pass_omgeving
def intrekken(
    omgeving: Omgeving, besluit_ref: str, reden: str, datum: str | None, wie: str | None
) -> None:
    b = omgeving.werkplaats.besluitvorming.intrekken(
        besluit_ref, reden, datum=datum_of_geen(datum), wie=wie
    )
    _stap(omgeving, b, _("Besluit ingetrokken."))


@besluit.command(
    "toon",
    help=_(
        "Toon een besluit met ideeën, voorstellen, feedback en reacties en de hele "
        "geschiedenis; met --voor wat er van iemands inbreng werd."
    ),
)
@besluit_argument
@click.option("--voor", metavar="PERSOON", help=_("Een persoon, of de naam van iemand van buiten."))
@pass_omgeving
def toon_besluit(omgeving: Omgeving, besluit_ref: str, voor: str | None) -> None:
    overzicht = omgeving.werkplaats.besluitvorming.overzicht(besluit_ref, voor=voor)
    toon(
        omgeving,
        overzicht,
        lambda: bijdragen_tekst(overzicht) if voor is not None else tekst(overzicht),
        ombreken=True,
    )


@besluit.command("lijst", help=_("Toon de besluiten met hun fase, op titel, per pagina."))
@pagina_opties
@pass_omgeving
def lijst(omgeving: Omgeving, aantal: int, pagina: int, alle: bool) -> None:
    wp = omgeving.werkplaats
    blad = Pagina.van(aantal, pagina, alle)
    besluiten, meer = blad.knip(wp.besluitvorming.lijst(limit=blad.limit, offset=blad.offset))
    namen = wp.besluitvorming.namen_van(b.werkgroep for b in besluiten)

    def tekst() -> str:
        if not besluiten:
            if blad.pagina > 1:
                return blad.voorbij()
            return _("Nog geen besluiten. Begin er een met `ozc besluit nieuw`.")
        return "\n".join(
            f"{b.titel} — {weergave(b.fase)} ({namen.get(b.werkgroep, b.werkgroep)}) [{b.id}]"
            for b in besluiten
        )

    toon(omgeving, besluiten, tekst, ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


@besluit.command(
    "verwijder",
    help=_(
        "Verwijder een besluit met zijn hele geschiedenis, bijvoorbeeld een dat per "
        "vergissing is begonnen. Een genomen besluit kunt u beter houden: daar leert de "
        "school van."
    ),
)
@click.argument("besluit_ref", metavar="BESLUIT")
@ja_optie
@pass_omgeving
def verwijder(omgeving: Omgeving, besluit_ref: str, ja: bool) -> None:
    verwijder_met_vraag(
        omgeving, omgeving.werkplaats.besluitvorming.verwijder, ja=ja, verwijzing=besluit_ref
    )
