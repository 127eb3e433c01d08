"""TOML in and out, with Dutch errors; no domain classes needed."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import tomli_w

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

# tomllib says where: "... (at line 3, column 5)"
_PLEK = re.compile(r"\(at line (?P<regel>\d+), column (?P<kolom>\d+)\)")


def _zonder_leeg(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return {k: _zonder_leeg(v) for k, v in waarde.items() if v is not None}
    if isinstance(waarde, list):
        return [_zonder_leeg(v) for v in waarde]
    return waarde


def dumps_toml(data: dict[str, Any]) -> bytes:
    """TOML bytes for ``data``: UTF-8, ``\\n`` line ends, keys in the order given.

    TOML has no null: a field that is ``None`` is left out, and reads back as its default.
    """
    return tomli_w.dumps(_zonder_leeg(data)).encode("utf-8")


def loads_toml(inhoud: bytes) -> dict[str, Any]:
    """Parse TOML bytes; raises :class:`InvalidValue` with a Dutch message."""
    try:
        return tomllib.loads(inhoud.decode("utf-8"))
    except UnicodeDecodeError as fout:
        raise InvalidValue(
            _("Het bestand is geen UTF-8-tekst (byte {positie}).").format(positie=fout.start)
        ) from None
    except tomllib.TOMLDecodeError as fout:
        plek = _PLEK.search(str(fout))
        if plek is None:
            raise InvalidValue(_("Geen geldige TOML: {detail}").format(detail=fout)) from None
        raise InvalidValue(
            _("Geen geldige TOML op regel {regel}, kolom {kolom} ({detail}).").format(
                regel=plek["regel"], kolom=plek["kolom"], detail=str(fout)[: plek.start()].strip()
            )
        ) from None
