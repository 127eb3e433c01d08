"""``ozc deel``, ``ozc git`` and ``ozc conflict``: a werkplaats shared through git."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from onderzoekscyclus.cli._eenmalig import Groep, Opdracht
from onderzoekscyclus.cli._uitvoer import Omgeving, OzcFout, melding, pass_omgeving, toon, vandaag
from onderzoekscyclus.i18n import _, ngettext


@click.command(
    cls=Opdracht,
    help=_(
        "Deel de werkplaats met de andere scholen: leg uw wijzigingen vast, haal op wat "
        "anderen deelden, voeg samen en verstuur. Uw werk gaat nooit verloren: wat niet "
        "lukt, zegt wat u kunt doen. Stel git eenmalig in volgens docs/delen.md."
    ),
)
@pass_omgeving
def deel(omgeving: Omgeving) -> None:
    from onderzoekscyclus.api.delen import deel as deel_  # noqa: PLC0415

    verslag = deel_(omgeving.root, meld=lambda tekst: melding(omgeving, tekst))

    def tekst() -> str:
        regels = [
            ngettext(
                "Gedeeld: {n} eigen bestand verstuurd",
                "Gedeeld: {n} eigen bestanden verstuurd",
                len(verslag.vastgelegd),
            ).format(n=len(verslag.vastgelegd))
            + ngettext(
                ", {n} bestand van anderen binnengehaald.",
                ", {n} bestanden van anderen binnengehaald.",
                len(verslag.binnengehaald),
            ).format(n=len(verslag.binnengehaald))
        ]
        if verslag.conflicten:
            regels.append(
                _(
                    "Let op: in {bestanden} staat een conflict dat u moet beslissen; zie "
                    "`ozc conflict lijst`."
                ).format(bestanden=", ".join(verslag.conflicten))
            )
        return "\n".join(regels)

    toon(omgeving, verslag, tekst)


@click.group(
    cls=Groep,
    help=_(
        "Git voor deze werkplaats: stel het samenvoegen in (eenmalig per kopie). Zie docs/delen.md."
    ),
)
def git() -> None:
    pass


@git.command(
    "instellen",
    help=_(
        "Laat git de bestanden van deze werkplaats samenvoegen op hun gegevens (logregels, "
        "metingen, leden …) in plaats van op regels tekst. Eenmalig per kopie."
    ),
)
@pass_omgeving
def instellen(omgeving: Omgeving) -> None:
    from onderzoekscyclus.opslag.git import stel_in  # noqa: PLC0415

    top, veranderd = stel_in(omgeving.root)

    def tekst() -> str:
        regels = [_("Samenvoegen ingesteld voor de kopie in {map}.").format(map=top)]
        if veranderd:
            regels.append(
                _(
                    ".gitattributes is bijgewerkt; leg het vast (of gebruik `ozc deel`), "
                    "zodat de andere kopieën het ook krijgen."
                )
            )
        return "\n".join(regels)

    toon(omgeving, {"repository": str(top), "gitattributes_bijgewerkt": veranderd}, tekst)


@git.command(
    "samenvoegen",
    help=_(
        "Voeg drie versies van één bestand samen (git roept dit aan; u hoeft het niet zelf "
        "te doen): BASIS is de gezamenlijke voorganger, ONS wordt overschreven met de "
        "uitkomst, HUN is de andere kant, PAD de plek van het bestand."
    ),
)
@click.argument("basis", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ons", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("hun", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("pad")
def samenvoegen(basis: Path, ons: Path, hun: Path, pad: str) -> None:
    from onderzoekscyclus.api.samenvoegen import voeg_bestand_samen  # noqa: PLC0415
    from onderzoekscyclus.errors import OnderzoekscyclusError  # noqa: PLC0415

    try:
        uitkomst = voeg_bestand_samen(
            basis.read_bytes() if basis.exists() else b"",
            ons.read_bytes(),
            hun.read_bytes(),
            pad,
            vandaag=vandaag(),
        )
    except (OnderzoekscyclusError, OSError) as fout:
        # left to git: the file stays as it was on this side, marked as not merged
        click.echo(
            _("{pad}: niet samen te voegen ({fout}); git laat het aan u.").format(
                pad=pad, fout=getattr(fout, "bericht", fout)
            ),
            err=True,
        )
        sys.exit(1)
    ons.write_bytes(uitkomst.inhoud)
    if uitkomst.conflicten:
        click.echo(
            ngettext(
                "{pad}: samengevoegd met {n} conflict; zie `ozc conflict lijst`.",
                "{pad}: samengevoegd met {n} conflicten; zie `ozc conflict lijst`.",
                len(uitkomst.conflicten),
            ).format(pad=pad, n=len(uitkomst.conflicten)),
            err=True,
        )


@click.group(
    cls=Groep,
    help=_(
        "Conflicten van het samenvoegen: waar twee kopieën hetzelfde veld anders "
        "veranderden. Bekijk ze en kies per conflict welke versie blijft."
    ),
)
def conflict() -> None:
    pass


def _kort(waarde: Any) -> str:
    if waarde is None:
        return _("(weg)")
    tekst = str(waarde)
    return tekst if len(tekst) <= 70 else tekst[:67] + "…"


@conflict.command("lijst", help=_("Toon elk conflict van het samenvoegen in de werkplaats."))
@pass_omgeving
def lijst(omgeving: Omgeving) -> None:
    from onderzoekscyclus.api.samenvoegen import conflicten_in  # noqa: PLC0415

    conflicten = conflicten_in(omgeving.root)

    def tekst() -> str:
        if not conflicten:
            return _("Geen conflicten: alles is samengevoegd.")
        regels = []
        for c in conflicten:
            regels.append(f"{c['bestand']}  {c.get('pad') or _('(het hele bestand)')}")
            if c.get("reden"):
                regels.append("  " + str(c["reden"]))
            if c.get("pad"):
                regels.append(_("  ons: {waarde}").format(waarde=_kort(c.get("ons"))))
                regels.append(_("  hun: {waarde}").format(waarde=_kort(c.get("hun"))))
        regels.append("")
        regels.append(
            _("Kies met `ozc conflict kies BESTAND ons` of `hun` (met --pad voor één veld).")
        )
        return "\n".join(regels)

    toon(omgeving, conflicten, tekst)


@conflict.command(
    "kies",
    help=_(
        "Beslis de conflicten in BESTAND (bijvoorbeeld werkgroepen/rekenen-ab12cd.toml): ons "
        "houdt de waarde die in het bestand staat, hun neemt die van de andere kopie."
    ),
)
@click.argument("bestand")
@click.argument("kant", type=click.Choice(["ons", "hun"]))
@click.option(
    "--pad", help=_("Alleen het conflict op dit veld (zoals `ozc conflict lijst` het noemt).")
)
@pass_omgeving
def kies(omgeving: Omgeving, bestand: str, kant: str, pad: str | None) -> None:
    from onderzoekscyclus.api.samenvoegen import kies as kies_  # noqa: PLC0415
    from onderzoekscyclus.api.samenvoegen import soort_van  # noqa: PLC0415
    from onderzoekscyclus.opslag.bestanden import Opslag  # noqa: PLC0415

    root = omgeving.root
    relatief = Path(bestand)
    if relatief.is_absolute():
        relatief = relatief.resolve().relative_to(root.resolve())
    map_, id_ = soort_van(relatief.as_posix())
    if not map_ or id_ is None:
        raise OzcFout(
            _(
                "{bestand} is geen bestand van een school, persoon, werkgroep, besluit of zelfevaluatie."
            ).format(bestand=bestand)
        )
    opslag = Opslag(root)
    data = opslag.schrijver.lees_ruw(map_, id_)
    nieuw = kies_(data, kant, pad)
    klasse = next(k for k, s in _soorten().items() if s == map_)
    Opslag.structureer(
        {k: v for k, v in nieuw.items() if k != "conflicten"}, klasse, id_, relatief.as_posix()
    )
    opslag.schrijver.los_op(map_, id_, nieuw)
    over = len(nieuw.get("conflicten", []))
    toon(
        omgeving,
        {"bestand": relatief.as_posix(), "kant": kant, "over": over},
        lambda: (
            ngettext(
                "Beslist ({kant}); nog {n} conflict in {bestand}.",
                "Beslist ({kant}); nog {n} conflicten in {bestand}.",
                over,
            )
            if over
            else _("Beslist ({kant}); {bestand} heeft geen conflicten meer.")
        ).format(kant=kant, n=over, bestand=relatief.as_posix()),
    )


def _soorten() -> dict[type[Any], str]:
    from onderzoekscyclus.opslag.bestanden import SOORTEN  # noqa: PLC0415

    return {k: s.map for k, s in SOORTEN.items()}


@click.group(
    cls=Groep,
    help=_(
        "Werkplaatsen van andere partnerschappen waaruit deze werkplaats leest: `ozc thema` "
        "antwoordt dan over alle samen. Er wordt nooit iets in geschreven."
    ),
)
def koppeling() -> None:
    pass


@koppeling.command(
    "toevoegen",
    help=_(
        "Koppel de werkplaats in MAP (een map, of een kopie van de repository van een ander "
        "partnerschap). Een relatief pad geldt vanaf deze werkplaats."
    ),
)
@click.argument("pad", metavar="MAP")
@click.option(
    "--naam", help=_("Hoe de antwoorden uit die werkplaats heten (standaard: zijn eigen naam).")
)
@pass_omgeving
def koppeling_toevoegen(omgeving: Omgeving, pad: str, naam: str | None) -> None:
    nieuw = omgeving.werkplaats.koppel(pad, naam=naam)
    toon(
        omgeving,
        nieuw,
        lambda: _("Gekoppeld: {naam} ({pad}). `ozc thema` antwoordt nu ook daaruit.").format(
            naam=nieuw.naam, pad=nieuw.pad
        ),
    )


@koppeling.command("lijst", help=_("Toon de gekoppelde werkplaatsen."))
@pass_omgeving
def koppeling_lijst(omgeving: Omgeving) -> None:
    from onderzoekscyclus.opslag.koppelingen import map_van  # noqa: PLC0415

    wp = omgeving.werkplaats
    koppelingen = wp.info.koppelingen

    def tekst() -> str:
        if not koppelingen:
            return _(
                "Geen gekoppelde werkplaatsen. Koppel er een met `ozc koppeling toevoegen MAP`."
            )
        regels = []
        for k in koppelingen:
            gevonden = (map_van(wp.root, k.pad) / "onderzoekscyclus.toml").is_file()
            regels.append(f"{k.naam}  {k.pad}" + ("" if gevonden else "  " + _("(niet gevonden)")))
        return "\n".join(regels)

    toon(omgeving, koppelingen, tekst)


@koppeling.command("weg", help=_("Haal de koppeling NAAM weg (die werkplaats zelf blijft)."))
@click.argument("naam")
@pass_omgeving
def koppeling_weg(omgeving: Omgeving, naam: str) -> None:
    weg = omgeving.werkplaats.ontkoppel(naam)
    toon(omgeving, weg, lambda: _("Koppeling {naam} is weggehaald.").format(naam=weg.naam))
