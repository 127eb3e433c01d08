"""The one converter between domain objects and the werkplaats' TOML files.

Domain classes know nothing of files; this module turns them into plain data and
back with a single :class:`cattrs.Converter`, strict about types (``"12"`` is not a
number, ``12`` is not text) and about unknown keys, and writes TOML that is the same
bytes for the same data. Errors name the field by its path (``$.leden[2].rol``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from typing import Any, TypeVar

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._toml import dumps_toml, loads_toml

__all__ = ["CONVERTER", "dumps_toml", "fout_regels", "loads_toml", "structure", "unstructure"]

T = TypeVar("T")


def _strikt(soort: type[Any], *ook: type[Any]) -> Any:
    toegestaan = (soort, *ook)

    def structureer(waarde: Any, _t: Any) -> Any:
        # bool is an int in Python, but `true` is not a number in a werkplaats file
        if isinstance(waarde, bool) and soort is not bool:
            raise TypeError(waarde)
        if not isinstance(waarde, toegestaan):
            raise TypeError(waarde)
        return soort(waarde)

    return structureer


def _datum(waarde: Any, _t: Any) -> dt.date:
    if isinstance(waarde, dt.date) and not isinstance(waarde, dt.datetime):
        return waarde
    if isinstance(waarde, str):
        return dt.date.fromisoformat(waarde)
    raise TypeError(waarde)


def _tijdstip(waarde: Any, _t: Any) -> dt.datetime:
    if isinstance(waarde, dt.datetime):
        return waarde
    if isinstance(waarde, str):
        return dt.datetime.fromisoformat(waarde)
    raise TypeError(waarde)


def _is_enum(soort: Any) -> bool:
    return isinstance(soort, type) and issubclass(soort, enum.Enum)


def _enum(waarde: Any, soort: type[enum.Enum]) -> enum.Enum:
    # without this hook a StrEnum would be taken for plain text (it is a str subclass)
    if isinstance(waarde, bool) or not isinstance(waarde, str | int):
        raise TypeError(waarde)
    return soort(waarde)


_tekst = _strikt(str)


def _tekst_of_enum(waarde: Any, soort: Any) -> Any:
    # the hook for str is also chosen for StrEnums (they are str subclasses)
    if _is_enum(soort):
        return _enum(waarde, soort)
    return _tekst(waarde, soort)


def _maak_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _tekst_of_enum)
    conv.register_structure_hook(int, _strikt(int))
    conv.register_structure_hook(float, _strikt(float, int))
    conv.register_structure_hook(bool, _strikt(bool))
    conv.register_structure_hook(dt.date, _datum)
    conv.register_structure_hook(dt.datetime, _tijdstip)
    conv.register_unstructure_hook(dt.date, lambda d: d)
    conv.register_unstructure_hook(dt.datetime, lambda d: d)
    return conv


CONVERTER = _maak_converter()


def unstructure(obj: Any) -> dict[str, Any]:
    """Plain data (dicts, lists, text, numbers, dates) for ``obj``."""
    data: dict[str, Any] = CONVERTER.unstructure(obj)
    return data


def structure(data: Any, soort: type[T]) -> T:
    """An instance of ``soort`` from plain data; raises cattrs' validation errors."""
    return CONVERTER.structure(data, soort)


# --- errors, in Dutch, with the path of the field --------------------------------------


def _typenamen() -> dict[Any, str]:
    return {
        str: _("tekst"),
        int: _("een geheel getal"),
        float: _("een getal"),
        bool: _("true of false"),
        dt.date: _("een datum (JJJJ-MM-DD)"),
        dt.datetime: _("een tijdstip"),
    }


def _typenaam(soort: Any) -> str:
    namen = _typenamen()
    if soort in namen:
        return namen[soort]
    if isinstance(soort, type) and issubclass(soort, enum.Enum):
        keuzes = ", ".join(str(lid.value) for lid in soort)
        return _("een van: {keuzes}").format(keuzes=keuzes)
    if getattr(soort, "__origin__", None) in (tuple, list):
        return _("een lijst")
    if isinstance(soort, type):
        return _("een tabel ({naam})").format(naam=soort.__name__)
    return str(soort)


def _beschrijf(fout: BaseException, soort: Any) -> str:
    if isinstance(fout, InvalidValue):
        return fout.bericht + (f" {fout.hint}" if fout.hint else "")
    if isinstance(fout, ForbiddenExtraKeysError):
        sleutels = ", ".join(sorted(fout.extra_fields))
        return _("onbekende sleutel(s): {sleutels}").format(sleutels=sleutels)
    if isinstance(fout, KeyError):
        return _("verplicht veld ontbreekt")
    if soort is not None:
        return _("verwacht {type}").format(type=_typenaam(soort))
    if isinstance(fout, AttributeError | TypeError):
        return _("verwacht een tabel")
    return _("ongeldige waarde ({detail})").format(detail=fout)


def _regels(fout: BaseException, pad: str, soort: Any = None) -> Iterator[str]:
    if isinstance(fout, IterableValidationError):
        met, zonder = fout.group_exceptions()
        for sub, noot in met:
            yield from _regels(sub, f"{pad}[{noot.index!r}]", noot.type)
        for sub in zonder:
            yield from _regels(sub, pad)
    elif isinstance(fout, ClassValidationError):
        met_veld, zonder_veld = fout.group_exceptions()
        for sub, veldnoot in met_veld:
            yield from _regels(sub, f"{pad}.{veldnoot.name}", veldnoot.type)
        for sub in zonder_veld:
            yield from _regels(sub, pad)
    else:
        veld = getattr(fout, "veld", None)
        if veld and not pad.endswith(f".{veld}"):
            pad = f"{pad}.{veld}"
        yield f"{pad}: {_beschrijf(fout, soort)}"


def fout_regels(fout: BaseException, pad: str = "$") -> list[str]:
    """Every problem inside a failed structure, as ``$.path: what is wrong`` lines."""
    return list(_regels(fout, pad))
