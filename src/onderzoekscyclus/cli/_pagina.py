"""Pages of a long list: ``--aantal``, ``--pagina`` and ``--alle`` for every command
that lists.

A list shows its first page of :data:`STANDAARD_AANTAL` unless asked otherwise, so a
partnership of thousands of schools gets an answer it can read; ``--alle`` shows
everything, and so does ``--json`` (a script wants the whole list) unless ``--aantal``
or ``--pagina`` is given. A command asks the library for one item more than it shows:
that one tells whether a next page exists, without counting the whole list. Imports
only click, so that ``ozc log`` stays quick.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from onderzoekscyclus.i18n import _

__all__ = ["STANDAARD_AANTAL", "Pagina", "pagina_opties"]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

STANDAARD_AANTAL = 50
"""How many items a page shows unless ``--aantal`` says otherwise."""


def pagina_opties(functie: F) -> F:
    """Add ``--aantal N`` (per page), ``--pagina P`` (1 is the first) and ``--alle`` to
    a command."""
    functie = click.option(
        "--alle", is_flag=True, help=_("Toon alles in één keer, niet per pagina.")
    )(functie)
    functie = click.option(
        "--pagina",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help=_("Welke pagina (1 is de eerste)."),
    )(functie)
    return click.option(
        "--aantal",
        type=click.IntRange(min=1),
        default=STANDAARD_AANTAL,
        show_default=True,
        help=_("Hoeveel per pagina."),
    )(functie)


class Pagina:
    """Page ``pagina`` of ``aantal`` items: what to ask the library, and what to show."""

    def __init__(self, aantal: int, pagina: int, alle: bool = False) -> None:
        self.aantal = aantal
        self.pagina = pagina
        self.alle = alle

    @classmethod
    def van(cls, aantal: int, pagina: int, alle: bool) -> Pagina:
        """The page the options of the current command ask for: ``--alle``, or ``--json``
        without ``--aantal`` and ``--pagina``, is everything."""
        ctx = click.get_current_context()
        if not alle and getattr(ctx.obj, "als_json", False):
            gegeven = (
                ctx.get_parameter_source(n) is click.core.ParameterSource.COMMANDLINE
                for n in ("aantal", "pagina")
            )
            alle = not any(gegeven)
        if alle and ctx.get_parameter_source("pagina") is click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError(_("--alle en --pagina sluiten elkaar uit; kies er één."))
        return cls(aantal, 1 if alle else pagina, alle)

    @property
    def limit(self) -> int | None:
        """How many to ask for: one more than a page, to know whether there is more."""
        return None if self.alle else self.aantal + 1

    @property
    def offset(self) -> int:
        """How many to skip."""
        return 0 if self.alle else (self.pagina - 1) * self.aantal

    def knip(self, items: Sequence[T]) -> tuple[list[T], bool]:
        """The items of the page, and whether a next page exists."""
        if self.alle:
            return list(items), False
        return list(items[: self.aantal]), len(items) > self.aantal

    def meer(self) -> str:
        """The line that says how to see the next page."""
        return _(
            "Er is meer: zie de volgende pagina met --pagina {n}, of alles met --alle."
        ).format(n=self.pagina + 1)

    def voorbij(self) -> str:
        """The line for an empty page after the first."""
        return _("Pagina {n} is leeg: zoveel zijn er niet.").format(n=self.pagina)
