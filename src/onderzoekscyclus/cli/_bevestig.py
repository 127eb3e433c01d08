"""Asking before something is removed: shown first, then confirmed.

Every command that removes or forgets shows what it is about to change, then asks on a
terminal ("Doorgaan? [j/N]") or, in a script, needs ``--ja``; without a yes, nothing
changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from onderzoekscyclus.cli._uitvoer import Omgeving, OzcFout, melding, toon
from onderzoekscyclus.i18n import _

if TYPE_CHECKING:
    from onderzoekscyclus.api.wijzigen import Samengevoegd, Verwijderd

__all__ = ["bevestig", "ja_optie", "verwijder_met_vraag"]

F = TypeVar("F", bound=Callable[..., Any])


def ja_optie(functie: F) -> F:
    """The ``--ja`` option: do it without asking (for scripts)."""
    return click.option(
        "--ja",
        is_flag=True,
        help=_("Doe het zonder te vragen (voor scripts); anders vraagt ozc eerst."),
    )(functie)


def bevestig(omgeving: Omgeving, wat: str, *, ja: bool) -> None:
    """Go on after a yes: ``ja`` (``--ja``: the command's own report then says what
    changed), or, after showing ``wat`` (what will change), an answer on a terminal.
    Otherwise stop, with nothing changed."""
    if ja:
        return
    melding(omgeving, wat)
    if not sys.stdin.isatty() or omgeving.als_json:
        raise OzcFout(
            _("Er is niets gewijzigd. Herhaal de opdracht met --ja om het echt te doen."), 2
        )
    if not _ja_gezegd():
        melding(omgeving, _("Er is niets gewijzigd."))
        raise SystemExit(1)


_JA = frozenset({"j", "ja", "y", "yes"})
_NEE = frozenset({"", "n", "nee", "no"})


def _ja_gezegd() -> bool:
    """Ask until the answer is yes or no: j, ja, y or yes; n, nee, no, or Enter (no),
    in either language."""
    while True:
        antwoord = click.prompt(
            _("Doorgaan? [j/N]"), default="", show_default=False, err=True, prompt_suffix=" "
        )
        antwoord = antwoord.strip().casefold()
        if antwoord in _JA or antwoord in _NEE:
            return antwoord in _JA
        click.echo(_("Antwoord met j (ja) of n (nee)."), err=True)


def _soortnaam(soort: str) -> str:
    """A kind of entity (``agendapunt``) as the reader's language names it."""
    from onderzoekscyclus.domein.verwijzing import SOORTEN  # noqa: PLC0415

    return _(SOORTEN[soort]) if soort in SOORTEN else soort


def _wat_weg(verslag: Verwijderd) -> str:
    regels = [
        _("Dit verwijdert {soort} '{naam}' ({id}).").format(
            soort=_soortnaam(verslag.soort), naam=verslag.naam, id=verslag.id
        )
    ]
    if verslag.bijgewerkt:
        regels.append(
            _("De verwijzingen ernaar verdwijnen uit: {lijst}.").format(
                lijst=", ".join(verslag.bijgewerkt)
            )
        )
    return "\n".join(regels)


def verwijder_met_vraag(
    omgeving: Omgeving, verwijder: Callable[..., Verwijderd], *, ja: bool, **opties: Any
) -> None:
    """Run ``verwijder(uitvoeren=False, **opties)`` to show what goes, ask, then do it."""
    bevestig(omgeving, _wat_weg(verwijder(uitvoeren=False, **opties)), ja=ja)
    verslag = verwijder(**opties)
    toon(
        omgeving,
        verslag,
        lambda: _("Verwijderd: {soort} '{naam}' ({id}).").format(
            soort=_soortnaam(verslag.soort), naam=verslag.naam, id=verslag.id
        ),
    )


def samenvoegen_met_vraag(
    omgeving: Omgeving, samenvoegen: Callable[..., Samengevoegd], *, ja: bool, **opties: Any
) -> None:
    """Run ``samenvoegen(uitvoeren=False, **opties)`` to show what happens, ask, then do it."""
    proef = samenvoegen(uitvoeren=False, **opties)
    regels = [
        _("Dit voegt {soort} {weg} samen met '{naam}' ({blijft}); {weg} verdwijnt.").format(
            soort=proef.soort, weg=proef.weg, naam=proef.naam, blijft=proef.blijft
        )
    ]
    if proef.bijgewerkt:
        regels.append(
            _("Verwijzingen naar {weg} gaan naar {blijft} in: {lijst}.").format(
                weg=proef.weg, blijft=proef.blijft, lijst=", ".join(proef.bijgewerkt)
            )
        )
    bevestig(omgeving, "\n".join(regels), ja=ja)
    verslag = samenvoegen(**opties)
    toon(
        omgeving,
        verslag,
        lambda: _("Samengevoegd: {weg} is nu '{naam}' ({blijft}).").format(
            weg=verslag.weg, naam=verslag.naam, blijft=verslag.blijft
        ),
    )
