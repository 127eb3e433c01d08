"""Pages of a long list: ``--aantal`` and ``--pagina`` for every command that lists.

A command asks the library for one item more than it shows: that one tells whether a
next page exists, without counting the whole list. Imports only click, so that
``ozc log`` stays quick.
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
    """Add ``--aantal N`` (per page) and ``--pagina P`` (1 is the first) to a command."""
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

    def __init__(self, aantal: int, pagina: int) -> None:
        self.aantal = aantal
        self.pagina = pagina

    @property
    def limit(self) -> int:
        """How many to ask for: one more than a page, to know whether there is more."""
        return self.aantal + 1

    @property
    def offset(self) -> int:
        """How many to skip."""
        return (self.pagina - 1) * self.aantal

    def knip(self, items: Sequence[T]) -> tuple[list[T], bool]:
        """The items of the page, and whether a next page exists."""
        return list(items[: self.aantal]), len(items) > self.aantal

    def meer(self) -> str:
        """The line that says how to see the next page."""
        return _("Er is meer: zie de volgende pagina met --pagina {n}.").format(n=self.pagina + 1)

    def voorbij(self) -> str:
        """The line for an empty page after the first."""
        return _("Pagina {n} is leeg: zoveel zijn er niet.").format(n=self.pagina)
