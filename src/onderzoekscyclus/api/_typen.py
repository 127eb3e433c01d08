"""Reading the shape of the stored attrs classes from their type annotations.

The JSON Schema and the CSV layout are derived from the classes, not written by hand,
so a field added to a class shows up in both without a change here.
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import types
import typing
from typing import Any

import attrs

__all__ = [
    "Veld",
    "is_attrs",
    "is_scalair",
    "is_union",
    "lijst_element",
    "velden",
    "zonder_none",
]

_SCALAIR = (str, int, float, bool, dt.date, dt.datetime)
_LIJSTEN = (tuple, list, set, frozenset, collections.abc.Sequence, collections.abc.Set)


@attrs.frozen
class Veld:
    """A field of a stored class: its name, its resolved type, whether it must be given."""

    naam: str
    type: Any
    verplicht: bool


def velden(klasse: type[Any]) -> tuple[Veld, ...]:
    """The fields of an attrs class in declaration order, with resolved types."""
    hints = typing.get_type_hints(klasse)
    return tuple(
        Veld(a.name, hints.get(a.name, a.type), a.default is attrs.NOTHING)
        for a in attrs.fields(klasse)
    )


def is_attrs(soort: Any) -> bool:
    """Whether ``soort`` is an attrs class."""
    return isinstance(soort, type) and attrs.has(soort)


def is_union(soort: Any) -> bool:
    """Whether ``soort`` is ``X | Y`` (or ``Optional[X]``)."""
    return typing.get_origin(soort) in (typing.Union, types.UnionType)


def zonder_none(soort: Any) -> tuple[Any, bool]:
    """``X`` for ``X | None`` (and whether ``None`` was allowed); other types unchanged."""
    if not is_union(soort):
        return soort, False
    leden = [a for a in typing.get_args(soort) if a is not type(None)]
    rest: Any = leden[0] if len(leden) == 1 else typing.Union[tuple(leden)]  # noqa: UP007
    return rest, len(leden) < len(typing.get_args(soort))


def lijst_element(soort: Any) -> Any | None:
    """``X`` for ``tuple[X, ...]``, ``list[X]`` and other homogeneous collections."""
    oorsprong = typing.get_origin(soort)
    if oorsprong not in _LIJSTEN:
        return None
    args = typing.get_args(soort)
    if oorsprong is tuple:
        return args[0] if len(args) == 2 and args[1] is Ellipsis else None
    return args[0] if args else Any


def is_scalair(soort: Any) -> bool:
    """Whether a value of ``soort`` is one plain value (text, number, date, choice)."""
    kern, _leeg = zonder_none(soort)
    if typing.get_origin(kern) is typing.Literal:
        return True
    if is_union(kern):
        return all(is_scalair(a) for a in typing.get_args(kern))
    return isinstance(kern, type) and (issubclass(kern, _SCALAIR) or issubclass(kern, enum.Enum))
