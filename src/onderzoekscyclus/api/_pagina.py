"""One page of a list: ``offset`` and ``limit`` checked the same way everywhere.

Kept apart from :mod:`onderzoekscyclus.api.lijsten` so that a service answering from
the index alone needs neither the domain classes nor the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["pagina"]

T = TypeVar("T")


def pagina(items: Sequence[T], limit: int | None, offset: int) -> list[T]:
    """``items[offset:offset + limit]``, after checking both (``limit=None``: all)."""
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidValue(
            _("offset moet een geheel getal van 0 of meer zijn, niet {waarde!r}.").format(
                waarde=offset
            ),
            veld="offset",
        )
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InvalidValue(
            _("limit moet een geheel getal van 0 of meer zijn, niet {waarde!r}.").format(
                waarde=limit
            ),
            veld="limit",
        )
    return list(items[offset:] if limit is None else items[offset : offset + limit])
