"""Validators and converters for the fields of the domain's attrs classes.

Each one names the field and says how to put it right, so a message about a bad value
in a file or a call can be acted on without reading code.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from onderzoekscyclus.domein import keuzes
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.tekst import controleer_niet_leeg, nfc
from onderzoekscyclus.domein.tijd import in_kalender
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opmaak import getal

__all__ = [
    "GROOTSTE_WAARDE",
    "als_naam",
    "datum",
    "eindig",
    "id_",
    "ids",
    "lees_getal",
    "naar_enum",
    "naar_getal",
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
    """An attrs converter that turns what a person types into ``soort``, naming the
    choices when it cannot. Read by :func:`onderzoekscyclus.domein.keuzes.lees`: the
    value, its name in Dutch or English, or a synonym ("leerkracht" for ``leraar``,
    "niet bereikt"); case, accents and hyphens or spaces do not count.

    .. versionchanged:: 0.2.0 names and synonyms
    """

    def converteer(waarde: Any) -> E:
        gevonden = keuzes.lees(soort, waarde)
        if gevonden is not None:
            return gevonden
        raise InvalidValue(
            _("Ongeldige {veld} '{waarde}'.").format(veld=veld, waarde=waarde),
            _("Kies uit: {keuzes}.").format(keuzes=", ".join(str(lid.value) for lid in soort)),
            veld=veld,
        )

    return converteer


_GETAL = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")
_TUSSEN_CIJFERS = re.compile(r"(?<=\d)[ \u00a0\u202f'](?=\d)")


def lees_getal(waarde: str, veld: str) -> float:
    """A number as a person types it: ``62``, ``7,5`` or ``7.5``, ``48%``, ``-0,25``,
    ``1.234,5`` or ``1,234.5``.

    A single comma or point is the decimal sign; with both, the last one is, and the
    other separates thousands; several of one kind separate thousands. A ``%`` at the
    end and spaces between groups of digits are left out; ``1e6`` is a million. ``nan``
    and ``inf`` are no numbers here.

    .. versionadded:: 0.2.0
    """
    tekst = _TUSSEN_CIJFERS.sub("", waarde.strip().replace("\u2212", "-"))
    tekst = tekst.removesuffix("%").rstrip()
    komma, punt = tekst.count(","), tekst.count(".")
    if komma and punt:
        decimaal = "," if tekst.rfind(",") > tekst.rfind(".") else "."
        tekst = tekst.replace("." if decimaal == "," else ",", "").replace(",", ".")
    elif komma > 1 or punt > 1:
        tekst = tekst.replace(",", "").replace(".", "")
    else:
        tekst = tekst.replace(",", ".")
    if not _GETAL.fullmatch(tekst):
        raise InvalidValue(
            _("{veld}: '{waarde}' is geen getal.").format(veld=veld, waarde=waarde),
            _("Schrijf bijvoorbeeld 62, 7,5 of 48%."),
            veld=veld,
        )
    return float(tekst)


def naar_getal(veld: str) -> Callable[[Any], Any]:
    """An attrs converter for a number field ``veld``: text is read with
    :func:`lees_getal`, anything else is left for the validator.

    .. versionadded:: 0.2.0
    """

    def converteer(waarde: Any) -> Any:
        return lees_getal(waarde, veld) if isinstance(waarde, str) else waarde

    return converteer


def strip(waarde: Any) -> Any:
    """Converter: text without the spaces around it (anything else as it is)."""
    return waarde.strip() if isinstance(waarde, str) else waarde


def als_naam(waarde: Any) -> Any:
    """Converter for a name: composed (NFC) and without the spaces around it
    (anything else as it is, for the validator to refuse).

    .. versionadded:: 0.2.0
    """
    return nfc(waarde).strip() if isinstance(waarde, str) else waarde


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
        raise InvalidValue(_("Verwacht een getal, zoals 62 of 7,5."), veld=attribuut.name)
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


def regel_id(_inst: object, attribuut: attrs.Attribute[Any], waarde: object) -> None:
    """The id of an entry inside a file: absent, or a short text of letters and digits."""
    if waarde is None:
        return
    if not isinstance(waarde, str) or not waarde.isalnum() or not 1 <= len(waarde) <= 64:
        raise InvalidValue(
            _("{veld}: verwacht een id van letters en cijfers, niet {waarde!r}.").format(
                veld=attribuut.name, waarde=waarde
            ),
            veld=attribuut.name,
        )
