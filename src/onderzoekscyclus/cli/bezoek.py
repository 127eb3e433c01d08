"""``ozc bezoek``: school visits (visitatie, collegiale consultatie, lesbezoek,
studiebezoek), their visitors and bevindingen, a bevinding as a bron of a cycle, and
suggestions of where to go and whom to ask along."""

from __future__ import annotations

import click

from onderzoekscyclus.cli._bevestig import ja_optie, verwijder_met_vraag
from onderzoekscyclus.cli._cyclustekst import kort
from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._opties import Keuze, door_optie
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    OzcFout,
    datum_of_geen,
    datum_optie,
    melding,
    pass_omgeving,
    toon,
)
from onderzoekscyclus.domein.bezoek import Bezoeksuggesties, Schoolbezoek
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.waarden import Bezoeksoort, Rol
from onderzoekscyclus.errors import Geweigerd
from onderzoekscyclus.i18n import _, ngettext


@click.group(
    cls=Groep,
    help=_(
        "Schoolbezoeken: visitaties, collegiale consultaties, lesbezoeken en "
        "studiebezoeken, met de vraag van de school zelf centraal."
    ),
)
def bezoek() -> None:
    pass


bezoek_argument = click.argument("bezoek_ref", metavar="BEZOEK")
soort_optie = click.option(
    "--soort",
    type=Keuze(Bezoeksoort, "soort"),
    help=_("Wat voor bezoek: visitatie, collegiale-consultatie, lesbezoek of studiebezoek."),
)
bezoekdatum_optie = click.option(
    "--datum",
    metavar=_("DATUM"),
    help=_("De dag van het bezoek als JJJJ-MM-DD; mag in de toekomst (gepland)."),
)
thema_optie = click.option(
    "--thema",
    "themas",
    multiple=True,
    help=_("Een thema van de vraag (voor wie er mee kan); herhaal voor meer."),
)


def _regel(b: Schoolbezoek) -> str:
    return f"{b.datum.isoformat()} {b.titel} — {weergave(b.soort)} [{b.id}]"


def _tekst(b: Schoolbezoek, namen: dict[str, str]) -> str:
    regels = [
        f"{b.titel} [{b.id}]",
        _("  Soort: {soort}").format(soort=weergave(b.soort)),
        _("  Datum: {datum}").format(datum=b.datum.isoformat()),
        _("  School: {school}").format(school=namen.get(b.school, b.school)),
        _("  Vraag: {vraag}").format(vraag=b.vraag),
    ]
    if b.themas:
        regels.append(_("  Thema's: {themas}").format(themas=", ".join(b.themas)))
    regels.append(_("  Bezoekers:") if b.bezoekers else _("  Bezoekers: (nog niemand)"))
    regels += [f"    - {namen.get(x.persoon, x.persoon)} ({weergave(x.rol)})" for x in b.bezoekers]
    regels.append(_("  Bevindingen:") if b.bevindingen else _("  Bevindingen: (nog geen)"))
    for i, x in enumerate(b.bevindingen, start=1):
        door = f" ({namen.get(x.door, x.door)})" if x.door else ""
        regels.append(f"    {i}. {x.datum.isoformat()}{door}: {x.tekst}")
    return "\n".join(regels)


def _toon(omgeving: Omgeving, b: Schoolbezoek, kop: str | None = None) -> None:
    ids = [b.school, *(x.persoon for x in b.bezoekers), *(x.door for x in b.bevindingen if x.door)]
    namen = omgeving.werkplaats.bezoeken.namen_van(ids)
    toon(omgeving, b, lambda: "\n".join(filter(None, [kop, _tekst(b, namen)])), ombreken=True)


# --- commands ---------------------------------------------------------------------------


@bezoek.command(
    "nieuw",
    help=_(
        "Plan of leg een bezoek vast aan een school, met de vraag van die school. "
        "De titel is standaard de soort en de naam van de school."
    ),
)
@click.argument("school_ref", metavar="SCHOOL")
@click.option("--vraag", required=True, help=_("De eigen vraag van de school die bezocht wordt."))
@soort_optie
@bezoekdatum_optie
@click.option("--titel", help=_("Een eigen titel voor het bezoek."))
@thema_optie
@pass_omgeving
def nieuw(
    omgeving: Omgeving,
    school_ref: str,
    vraag: str,
    soort: Bezoeksoort | None,
    datum: str | None,
    titel: str | None,
    themas: tuple[str, ...],
) -> None:
    b = omgeving.werkplaats.bezoeken.nieuw(
        school_ref,
        vraag=vraag,
        soort=soort or Bezoeksoort.VISITATIE,
        datum=datum_of_geen(datum),
        titel=titel,
        themas=themas,
    )
    _toon(omgeving, b, _("Bezoek '{titel}' vastgelegd ({id}).").format(titel=b.titel, id=b.id))


@bezoek.command("lijst", help=_("Toon de bezoeken op datum, per pagina."))
@click.option("--school", "school_ref", help=_("Alleen bezoeken aan deze school."))
@soort_optie
@click.option("--persoon", "persoon_ref", help=_("Alleen bezoeken met deze persoon als bezoeker."))
@pagina_opties
@pass_omgeving
def lijst(
    omgeving: Omgeving,
    school_ref: str | None,
    soort: Bezoeksoort | None,
    persoon_ref: str | None,
    aantal: int,
    pagina: int,
    alle: bool,
) -> None:
    wp = omgeving.werkplaats
    blad = Pagina.van(aantal, pagina, alle)
    bezoeken, meer = blad.knip(
        wp.bezoeken.lijst(
            school=school_ref,
            soort=soort,
            persoon=persoon_ref,
            limit=blad.limit,
            offset=blad.offset,
        )
    )

    def tekst() -> str:
        if not bezoeken:
            if blad.pagina > 1:
                return blad.voorbij()
            return _("Nog geen bezoeken. Leg er een vast met `ozc bezoek nieuw`.")
        return "\n".join(_regel(b) for b in bezoeken)

    toon(omgeving, bezoeken, tekst, ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


@bezoek.command("toon", help=_("Toon een bezoek met zijn bezoekers en bevindingen."))
@bezoek_argument
@pass_omgeving
def toon_bezoek(omgeving: Omgeving, bezoek_ref: str) -> None:
    _toon(omgeving, omgeving.werkplaats.bezoeken.zoek(bezoek_ref))


@bezoek.command(
    "bezoeker",
    help=_(
        "Zet iemand op het bezoek, met de rol die hij of zij erbij heeft (standaard de "
        "eerste eigen rol), of haal iemand eraf met --weg."
    ),
)
@bezoek_argument
@click.argument("persoon_ref", metavar="PERSOON")
@click.option(
    "--rol",
    type=Keuze(Rol, "rol"),
    help=_("De rol bij dit bezoek, zoals leraar, intern-begeleider, schoolleider of student."),
)
@click.option("--weg", is_flag=True, help=_("Haal deze persoon van het bezoek af."))
@pass_omgeving
def bezoeker(
    omgeving: Omgeving, bezoek_ref: str, persoon_ref: str, rol: Rol | None, weg: bool
) -> None:
    if weg and rol is not None:
        raise click.UsageError(_("--rol en --weg gaan niet samen."))
    b = omgeving.werkplaats.bezoeken.bezoeker(bezoek_ref, persoon_ref, rol=rol, weg=weg)
    _toon(omgeving, b)


@bezoek.command(
    "bevinding",
    help=_(
        "Schrijf een bevinding op: wat de bezoekers zagen of aanraden. Op of na de dag "
        "van het bezoek, nooit in de toekomst."
    ),
)
@bezoek_argument
@click.argument("tekst")
@door_optie(_("Wie de bevinding opschreef (naam of id)."))
@datum_optie
@pass_omgeving
def bevinding(
    omgeving: Omgeving, bezoek_ref: str, tekst: str, door: str | None, datum: str | None
) -> None:
    b = omgeving.werkplaats.bezoeken.bevinding(
        bezoek_ref, tekst, door=door, datum=datum_of_geen(datum)
    )
    _toon(omgeving, b, _("Bevinding {n} opgeschreven.").format(n=len(b.bevindingen)))


@bezoek.command(
    "bron",
    help=_(
        "Maak van een bevinding een bron van de beginsituatie van een cyclus van een "
        "werkgroep. Dat kan zolang de cyclus nog in de aanleiding of beginsituatie is."
    ),
)
@bezoek_argument
@click.argument("bevinding_ref", metavar="BEVINDING")
@click.option("--werkgroep", "werkgroep_ref", required=True, help=_("De werkgroep."))
@click.option(
    "--cyclus",
    "nummer",
    type=click.IntRange(min=1),
    help=_("Het nummer van de cyclus (standaard: de laatste)."),
)
@click.option(
    "--tekst",
    help=_("De beschrijving van de beginsituatie, als die er nog niet is."),
)
@door_optie(_("Wie de stap zet namens de werkgroep (naam of id)."))
@datum_optie
@pass_omgeving
def bron(
    omgeving: Omgeving,
    bezoek_ref: str,
    bevinding_ref: str,
    werkgroep_ref: str,
    nummer: int | None,
    tekst: str | None,
    door: str | None,
    datum: str | None,
) -> None:
    try:
        overzicht = omgeving.werkplaats.bezoeken.bron(
            bezoek_ref,
            bevinding_ref,
            werkgroep=werkgroep_ref,
            cyclus=nummer,
            tekst=tekst,
            datum=datum_of_geen(datum),
            wie=door,
        )
    except Geweigerd as fout:
        if "beginsituatie.geen-tekst" not in fout.codes:
            raise
        # the cycle's own hint names `ozc cyclus beginsituatie`; here it is one option away
        raise OzcFout(
            "\n".join(
                [
                    str(fout),
                    _(
                        "Herhaal de opdracht met --tekst TEKST: wat de bevinding zegt over "
                        "waar de werkgroep nu staat."
                    ),
                ]
            ),
            fout.exit_code,
        ) from None
    toon(
        omgeving,
        overzicht,
        lambda: _("De bevinding is een bron van de beginsituatie.") + "\n" + kort(overzicht),
        ombreken=True,
    )


def _suggesties_tekst(s: Bezoeksuggesties) -> str:
    if not s.speerpunten:
        return _(
            "School '{naam}' heeft nog geen speerpunten. Geef er een met --speerpunt, of "
            "leg ze vast met `ozc school profiel`."
        ).format(naam=s.naam)
    regels = [_("Scholen om te bezoeken voor '{naam}':").format(naam=s.naam)]
    for punt in s.speerpunten:
        regels.append(
            ngettext(
                "Speerpunt {speerpunt} (met {n} verwant thema):",
                "Speerpunt {speerpunt} (met {n} verwante thema's):",
                len(punt.omvat) - 1,
            ).format(speerpunt=punt.speerpunt, n=len(punt.omvat) - 1)
            if len(punt.omvat) > 1
            else _("Speerpunt {speerpunt}:").format(speerpunt=punt.speerpunt)
        )
        if not punt.scholen:
            regels.append(_("  (geen school is hier trots op)"))
        for school in punt.scholen:
            waar = {
                "cluster": _("zelfde cluster"),
                "bestuur": _("zelfde bestuur"),
                "partnerschap": _("elders"),
            }[school.nabijheid]
            regels.append(f"  - {school.naam} ({waar}): {'; '.join(school.trots)}")
        if punt.totaal > len(punt.scholen):
            regels.append(
                _("  … en {n} meer (zie --aantal).").format(n=punt.totaal - len(punt.scholen))
            )
    return "\n".join(regels)


@bezoek.command(
    "suggesties",
    help=_(
        "Waar kan een school op bezoek? Per speerpunt de scholen die trots zijn op dat "
        "thema (of een breder of smaller thema), dichtbij eerst. Met --bezoek: wie kan "
        "er mee, met expertise op de thema's van de vraag."
    ),
)
@click.argument("school_ref", metavar="[SCHOOL]", required=False)
@click.option("--speerpunt", help=_("Alleen voor dit speerpunt (of thema)."))
@click.option(
    "--aantal",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help=_("Hoeveel scholen per speerpunt."),
)
@click.option(
    "--bezoek", "bezoek_ref", metavar="BEZOEK", help=_("Stel bezoekers voor voor dit bezoek.")
)
@pass_omgeving
def suggesties(
    omgeving: Omgeving,
    school_ref: str | None,
    speerpunt: str | None,
    aantal: int,
    bezoek_ref: str | None,
) -> None:
    if school_ref is not None and bezoek_ref is not None:
        raise click.UsageError(_("Geef een SCHOOL of --bezoek BEZOEK, niet allebei."))
    if school_ref is None and bezoek_ref is None:
        raise click.UsageError(
            _(
                "Voor welke school zoekt u scholen om te bezoeken? Geef een SCHOOL, of "
                "--bezoek BEZOEK voor wie er mee kan."
            )
        )
    netwerk = omgeving.werkplaats.netwerk
    if bezoek_ref is not None:
        wie = netwerk.bezoekers(bezoek_ref)

        def tekst() -> str:
            if not wie.themas:
                return _(
                    "Het bezoek heeft nog geen thema's. Geef ze met `ozc bezoek wijzig {id} "
                    "--thema THEMA`."
                ).format(id=wie.bezoek)
            if not wie.personen:
                return _("Niemand buiten de school heeft expertise op {themas}.").format(
                    themas=", ".join(wie.themas)
                )
            regels = [_("Wie kan er mee naar '{titel}':").format(titel=wie.titel)]
            regels += [
                f"  - {p.naam}"
                + (f", {p.school_naam}" if p.school_naam else "")
                + f": {', '.join(p.expertise)}"
                for p in wie.personen
            ]
            return "\n".join(regels)

        toon(omgeving, wie, tekst, ombreken=True)
        return
    assert school_ref is not None
    waar = netwerk.bezoekscholen(school_ref, speerpunt=speerpunt, aantal=aantal)
    toon(omgeving, waar, lambda: _suggesties_tekst(waar), ombreken=True)


@bezoek.command("wijzig", help=_("Wijzig titel, vraag, soort, datum, school of thema's."))
@bezoek_argument
@click.option("--titel", help=_("De nieuwe titel."))
@click.option("--vraag", help=_("De nieuwe vraag."))
@soort_optie
@bezoekdatum_optie
@click.option("--school", "school_ref", help=_("De school die bezocht wordt."))
@click.option(
    "--thema",
    "themas",
    multiple=True,
    help=_("De thema's van de vraag; vervangt de vorige. Herhaal voor meer."),
)
@pass_omgeving
def wijzig(
    omgeving: Omgeving,
    bezoek_ref: str,
    titel: str | None,
    vraag: str | None,
    soort: Bezoeksoort | None,
    datum: str | None,
    school_ref: str | None,
    themas: tuple[str, ...],
) -> None:
    b = omgeving.werkplaats.bezoeken.wijzig(
        bezoek_ref,
        titel=titel,
        vraag=vraag,
        soort=soort,
        datum=datum_of_geen(datum),
        school=school_ref,
        themas=themas or None,
    )
    _toon(omgeving, b, _("Bezoek gewijzigd."))


@bezoek.command(
    "verwijder",
    help=_(
        "Verwijder een bezoek met zijn bevindingen. Is een bevinding een bron van een "
        "cyclus geworden, dan blijft het bezoek."
    ),
)
@bezoek_argument
@ja_optie
@pass_omgeving
def verwijder(omgeving: Omgeving, bezoek_ref: str, ja: bool) -> None:
    verwijder_met_vraag(
        omgeving, omgeving.werkplaats.bezoeken.verwijder, ja=ja, verwijzing=bezoek_ref
    )
