"""``ozc persoon``: the persons of the werkplaats (the one place for personal data)."""

from __future__ import annotations

from collections.abc import Sequence

import click

from onderzoekscyclus.api.register import Lidmaatschap
from onderzoekscyclus.api.vergeten import Vergeetverslag
from onderzoekscyclus.cli._bevestig import (
    bevestig,
    ja_optie,
    samenvoegen_met_vraag,
    verwijder_met_vraag,
)
from onderzoekscyclus.cli._eenmalig import Groep
from onderzoekscyclus.cli._opties import Keuze
from onderzoekscyclus.cli._pagina import Pagina, pagina_opties
from onderzoekscyclus.cli._uitvoer import (
    Omgeving,
    datum_of_geen,
    datum_optie,
    melding,
    pass_omgeving,
    toon,
)
from onderzoekscyclus.domein.keuzes import weergave, weergave_van
from onderzoekscyclus.domein.model import LidRol, Persoon, Rol
from onderzoekscyclus.i18n import _, ngettext


@click.group(cls=Groep, help=_("Personen: leraren, specialisten, opleiders, studenten en anderen."))
def persoon() -> None:
    pass


def _persoon_tekst(
    p: Persoon, scholen: dict[str, str], werkgroepen: Sequence[Lidmaatschap] = ()
) -> str:
    regels = [f"{p.naam}  ({p.id})"]
    if p.school:
        regels.append(_("  School:     {school}").format(school=scholen.get(p.school, p.school)))
    velden = [
        (_("Rollen"), [weergave(r) for r in p.rollen]),
        (_("Lectoraat"), [p.lectoraat] if p.lectoraat else []),
        (_("Expertise"), p.expertise),
        (_("Interesses"), p.interesses),
        (_("Ambities"), p.ambities),
        (
            _("Lid van"),
            [f"{m.werkgroep_naam} ({weergave_van(LidRol, m.rol)})" for m in werkgroepen],
        ),
        (
            _("Onderzoek"),
            [
                "; ".join(
                    f"{m.onderzoeksvraag} ({m.werkgroep_naam})"
                    for m in werkgroepen
                    if m.onderzoeksvraag
                )
            ]
            if any(m.onderzoeksvraag for m in werkgroepen)
            else [],
        ),
    ]
    regels.extend(f"  {kop + ':':<11} {', '.join(waarden)}" for kop, waarden in velden if waarden)
    if p.toestemming is not None:
        website = _("met naam (toestemming sinds {datum})").format(datum=p.toestemming.isoformat())
    else:
        website = _("zonder naam, als rol (geen toestemming)")
    regels.append(_("  Website:    {website}").format(website=website))
    return "\n".join(regels)


@persoon.command("toevoegen", help=_("Voeg een persoon toe."))
@click.argument("naam")
@click.option("--school", help=_("De school waar de persoon werkt of leert."))
@click.option(
    "--rol",
    "rollen",
    multiple=True,
    type=Keuze(Rol, "rol"),
    help=_("Rol in de school; herhaal voor meer."),
)
@click.option(
    "--expertise",
    multiple=True,
    help=_("Thema of kwaliteit (coachen, onderzoek, …); herhaal voor meer."),
)
@click.option(
    "--interesse",
    "interesses",
    multiple=True,
    help=_(
        "Een thema dat de persoon wil onderzoeken (bij een student: het afstudeeronderzoek); "
        "herhaal voor meer."
    ),
)
@click.option("--lectoraat", help=_("Het lectoraat van een lector of onderzoeker (de naam)."))
@click.option(
    "--ambitie",
    "ambities",
    multiple=True,
    help=_("Waarin de persoon wil groeien; herhaal voor meer."),
)
@pass_omgeving
def toevoegen(
    omgeving: Omgeving,
    naam: str,
    school: str | None,
    rollen: tuple[Rol, ...],
    expertise: tuple[str, ...],
    interesses: tuple[str, ...],
    lectoraat: str | None,
    ambities: tuple[str, ...],
) -> None:
    nieuw = omgeving.werkplaats.personen.toevoegen(
        naam,
        school=school,
        rollen=list(rollen),
        expertise=expertise,
        interesses=interesses,
        ambities=ambities,
        lectoraat=lectoraat,
    )
    toon(
        omgeving,
        nieuw,
        lambda: _("Persoon toegevoegd: {naam} ({id}).").format(naam=nieuw.naam, id=nieuw.id),
    )


@persoon.command("lijst", help=_("Toon de personen, op naam, per pagina."))
@click.option("--school", "school_ref", help=_("Alleen de personen van deze school."))
@pagina_opties
@pass_omgeving
def lijst(omgeving: Omgeving, school_ref: str | None, aantal: int, pagina: int, alle: bool) -> None:
    wp = omgeving.werkplaats
    blad = Pagina.van(aantal, pagina, alle)
    personen, meer = blad.knip(
        wp.personen.lijst(school=school_ref, limit=blad.limit, offset=blad.offset)
    )
    scholen = wp.personen.namen_van(p.school for p in personen if p.school)

    def tekst() -> str:
        if not personen:
            if blad.pagina > 1:
                return blad.voorbij()
            return _("Nog geen personen. Voeg er een toe met `ozc persoon toevoegen`.")
        return "\n".join(
            f"{p.naam}  [{', '.join(weergave(r) for r in p.rollen) or '-'}; "
            f"{scholen.get(p.school or '', '-')}]  ({p.id})"
            for p in personen
        )

    toon(omgeving, personen, tekst, ombreken=True)
    if meer:
        melding(omgeving, blad.meer())


@persoon.command("toon", help=_("Toon een persoon met rollen, expertise en ambities."))
@click.argument("persoon_ref", metavar="PERSOON")
@pass_omgeving
def toon_persoon(omgeving: Omgeving, persoon_ref: str) -> None:
    wp = omgeving.werkplaats
    gevonden = wp.personen.zoek(persoon_ref)
    scholen = wp.personen.namen()
    toon(
        omgeving,
        gevonden,
        lambda: _persoon_tekst(gevonden, scholen, wp.personen.werkgroepen(gevonden.id)),
        ombreken=True,
    )


def _verslag_tekst(verslag: Vergeetverslag, naam: str) -> str:
    aantal = len(verslag.wijzigingen)
    if verslag.uitgevoerd:
        kop = ngettext(
            "{naam} is vergeten en heet nu '{pseudoniem}'; {n} bestand is gewijzigd:",
            "{naam} is vergeten en heet nu '{pseudoniem}'; {n} bestanden zijn gewijzigd:",
            aantal,
        )
    else:
        kop = ngettext(
            "Dit vergeet {naam} (voortaan '{pseudoniem}') en wijzigt {n} bestand:",
            "Dit vergeet {naam} (voortaan '{pseudoniem}') en wijzigt {n} bestanden:",
            aantal,
        )
    regels = [kop.format(naam=naam, pseudoniem=verslag.pseudoniem, n=aantal)]
    for w in verslag.wijzigingen:
        regels.append(f"  {w.bestand}: {', '.join(w.velden)}")
    if verslag.uitgevoerd:
        regels.append(
            _(
                "Eerdere versies in git bevatten de naam nog; hoe u ook die wist, staat in "
                "docs/corrigeren.md."
            )
        )
    return "\n".join(regels)


@persoon.command(
    "vergeet",
    help=_(
        "Vergeet een persoon (AVG, het recht op vergetelheid): het bestand houdt alleen een "
        "vast pseudoniem, lidmaatschappen verdwijnen en de naam verdwijnt uit elke tekst. "
        "ozc toont eerst wat er verandert."
    ),
)
@click.argument("persoon_ref", metavar="PERSOON")
@ja_optie
@pass_omgeving
def vergeet(omgeving: Omgeving, persoon_ref: str, ja: bool) -> None:
    personen = omgeving.werkplaats.personen
    wie = personen.zoek(persoon_ref)
    proef = personen.vergeet(wie.id, uitvoeren=False)
    bevestig(omgeving, _verslag_tekst(proef, wie.naam), ja=ja)
    verslag = personen.vergeet(wie.id)
    toon(omgeving, verslag, lambda: _verslag_tekst(verslag, wie.naam), ombreken=True)


@persoon.command(
    "wijzig",
    help=_(
        "Verbeter de gegevens van een persoon. Een lijst (--rol, --expertise, --interesse, "
        "--ambitie) vervangt wat er stond; --school '' en --lectoraat '' halen de school en "
        "het lectoraat weg. Het id blijft."
    ),
)
@click.argument("persoon_ref", metavar="PERSOON")
@click.option("--naam", help=_("De juiste naam."))
@click.option("--school", help=_("De school (een lege tekst haalt haar weg)."))
@click.option(
    "--rol",
    "rollen",
    multiple=True,
    type=Keuze(Rol, "rol"),
    help=_("Rol in de school; herhaal voor meer."),
)
@click.option("--expertise", multiple=True, help=_("Expertise; herhaal voor meer."))
@click.option("--interesse", "interesses", multiple=True, help=_("Interesse; herhaal voor meer."))
@click.option("--ambitie", "ambities", multiple=True, help=_("Ambitie; herhaal voor meer."))
@click.option("--lectoraat", help=_("Het lectoraat (een lege tekst haalt het weg)."))
@pass_omgeving
def wijzig(
    omgeving: Omgeving,
    persoon_ref: str,
    naam: str | None,
    school: str | None,
    rollen: tuple[Rol, ...],
    expertise: tuple[str, ...],
    interesses: tuple[str, ...],
    ambities: tuple[str, ...],
    lectoraat: str | None,
) -> None:
    wp = omgeving.werkplaats
    nieuw = wp.personen.wijzig(
        persoon_ref,
        naam=naam,
        school=school,
        rollen=list(rollen) if rollen else None,
        expertise=expertise or None,
        interesses=interesses or None,
        ambities=ambities or None,
        lectoraat=lectoraat,
    )
    scholen = {s.id: s.naam for s in wp.scholen.lijst()}
    toon(omgeving, nieuw, lambda: _persoon_tekst(nieuw, scholen))


@persoon.command(
    "verwijder",
    help=_(
        "Verwijder een persoon die nergens in de geschiedenis staat (een vergissing). Wie "
        "iets schreef of deed, vergeet u met `ozc persoon vergeet`; --met-verwijzingen haalt "
        "ook lidmaatschappen weg."
    ),
)
@click.argument("persoon_ref", metavar="PERSOON")
@click.option(
    "--met-verwijzingen",
    is_flag=True,
    help=_("Haal ook de lidmaatschappen van werkgroepen en de plaatsen als bezoeker weg."),
)
@ja_optie
@pass_omgeving
def verwijder(omgeving: Omgeving, persoon_ref: str, met_verwijzingen: bool, ja: bool) -> None:
    verwijder_met_vraag(
        omgeving,
        omgeving.werkplaats.personen.verwijder,
        ja=ja,
        verwijzing=persoon_ref,
        met_verwijzingen=met_verwijzingen,
    )


@persoon.command(
    "samenvoegen",
    help=_(
        "Koppel alles van PERSOON_WEG aan PERSOON (dezelfde persoon twee keer toegevoegd): lidmaatschappen, logregels, stappen, bijdragen en antwoorden gaan mee, expertise en rollen worden samengevoegd, en PERSOON_WEG verdwijnt."
    ),
)
@click.argument("blijft", metavar="PERSOON")
@click.argument("weg", metavar="PERSOON_WEG")
@ja_optie
@pass_omgeving
def samenvoegen(omgeving: Omgeving, blijft: str, weg: str, ja: bool) -> None:
    samenvoegen_met_vraag(
        omgeving, omgeving.werkplaats.personen.samenvoegen, ja=ja, blijft=blijft, weg=weg
    )


@persoon.command(
    "toestemming",
    help=_(
        "Leg vast dat een persoon toestemming geeft om met naam op de website van het "
        "partnerschap (`ozc site`) te staan, of trek die in met --nee. Zonder toestemming "
        "toont de website een rol, zoals 'intern begeleider, De Regenboog'."
    ),
)
@click.argument("persoon_ref", metavar="PERSOON")
@click.option(
    "--ja/--nee", "gegeven", default=True, help=_("Toestemming geven (standaard) of intrekken.")
)
@datum_optie
@pass_omgeving
def toestemming(omgeving: Omgeving, persoon_ref: str, gegeven: bool, datum: str | None) -> None:
    wp = omgeving.werkplaats
    nieuw = wp.personen.toestemming(persoon_ref, gegeven=gegeven, datum=datum_of_geen(datum))
    scholen = {s.id: s.naam for s in wp.scholen.lijst()}
    kop = (
        _("{naam} staat voortaan met naam op de website.")
        if gegeven
        else _(
            "{naam} staat voortaan zonder naam op de website; maak de site opnieuw met `ozc site`."
        )
    ).format(naam=nieuw.naam)
    toon(omgeving, nieuw, lambda: kop + "\n" + _persoon_tekst(nieuw, scholen))
