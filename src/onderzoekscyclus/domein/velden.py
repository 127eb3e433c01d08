"""Validators and converters for the fields of the domain's attrs classes.

Each one names the field and says how to put it right, so a message about a bad value
in a file or a call can be acted on without reading code.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.tekst import controleer_niet_leeg
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = [
    "datum",
    "eindig",
    "id_",
    "ids",
    "naar_enum",
    "optioneel_id",
    "optioneel_niet_leeg",
    "strip",
]

E = TypeVar("E", bound=enum.Enum)


def naar_enum(soort: type[E], veld: str) -> Callable[[Any], E]:
    """An attrs converter that turns text into ``soort``, naming the choices when it
    cannot (case and surrounding spaces do not count)."""

    def converteer(waarde: Any) -> E:
        if isinstance(waarde, soort):
            return waarde
        try:
            return soort(str(waarde).strip().lower())
        except ValueError:
            keuzes = ", ".join(str(lid.value) for lid in soort)
            raise InvalidValue(
                _("Ongeldige {veld} '{waarde}'.").format(veld=veld, waarde=waarde),
                _("Kies uit: {keuzes}.").format(keuzes=keuzes),
                veld=veld,
            ) from None

    return converteer


def strip(waarde: Any) -> Any:
    """Converter: text without the spaces around it (anything else as it is)."""
    return waarde.strip() if isinstance(waarde, str) else waarde


def id_(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: an id (lowercase letters, digits and hyphens)."""
    if not isinstance(waarde, str) or not is_geldig_id(waarde):
        raise InvalidValue(
            _("'{waarde}' is geen geldig id.").format(waarde=waarde),
            _("Een id bestaat uit kleine letters, cijfers en koppeltekens, zoals 'cultuur-1'."),
            veld=attribuut.name,
        )


def optioneel_id(inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: an id, or nothing."""
    if waarde is not None:
        id_(inst, attribuut, waarde)


def ids(inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: a tuple of ids."""
    for item in waarde:
        id_(inst, attribuut, item)


def datum(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: a date (not a date and time)."""
    if not isinstance(waarde, dt.date) or isinstance(waarde, dt.datetime):
        raise InvalidValue(_("Verwacht een datum (JJJJ-MM-DD)."), veld=attribuut.name)


def eindig(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: a finite number (``true`` is no number)."""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not math.isfinite(waarde):
        raise InvalidValue(_("Verwacht een getal, zoals 62 of 7.5."), veld=attribuut.name)


def optioneel_niet_leeg(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: text that is not empty, or nothing."""
    if waarde is not None:
        controleer_niet_leeg(waarde, attribuut.name)
