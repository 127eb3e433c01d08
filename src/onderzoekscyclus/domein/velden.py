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
from onderzoekscyclus.domein.tijd import in_kalender
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opmaak import getal

__all__ = [
    "GROOTSTE_WAARDE",
    "datum",
    "eindig",
    "id_",
    "ids",
    "naar_enum",
    "optioneel_id",
    "optioneel_niet_leeg",
    "optionele_datum",
    "strip",
]

GROOTSTE_WAARDE = 1e12
"""The largest size of a measured value (a baseline, a target, a measurement): a
thousand billion, far beyond any score, percentage, count or budget of a school, and
small enough that every export and chart can compute with it."""

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
    """Validator: a date (not a date and time) in the calendar of
    :func:`~onderzoekscyclus.domein.tijd.in_kalender`."""
    if not isinstance(waarde, dt.date) or isinstance(waarde, dt.datetime):
        raise InvalidValue(_("Verwacht een datum (JJJJ-MM-DD)."), veld=attribuut.name)
    in_kalender(waarde, veld=attribuut.name)


def optionele_datum(inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: a date as :func:`datum` wants it, or nothing."""
    if waarde is not None:
        datum(inst, attribuut, waarde)


def eindig(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: a number from ``-GROOTSTE_WAARDE`` to ``GROOTSTE_WAARDE`` (``true`` is
    no number; infinity lies outside)."""
    geen_getal = isinstance(waarde, bool) or not isinstance(waarde, int | float)
    if geen_getal or (isinstance(waarde, float) and math.isnan(waarde)):
        raise InvalidValue(_("Verwacht een getal, zoals 62 of 7.5."), veld=attribuut.name)
    if not -GROOTSTE_WAARDE <= waarde <= GROOTSTE_WAARDE:
        raise InvalidValue(
            _("{veld}: {waarde} valt buiten het bereik van {laagste} tot en met {hoogste}.").format(
                veld=attribuut.name,
                waarde=_als_tekst(waarde),
                laagste=getal(-GROOTSTE_WAARDE),
                hoogste=getal(GROOTSTE_WAARDE),
            ),
            _("Kies een grotere eenheid, bijvoorbeeld duizenden in plaats van stuks."),
            veld=attribuut.name,
        )


def _als_tekst(waarde: float) -> str:
    try:
        return getal(waarde)
    except OverflowError:  # an int beyond any float
        return getal(math.inf if waarde > 0 else -math.inf)


def optioneel_niet_leeg(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """Validator: text that is not empty, or nothing."""
    if waarde is not None:
        controleer_niet_leeg(waarde, attribuut.name)
