"""Readable ids that stay unique when two clones of a werkplaats add things at once.

An id is a slug of the name plus a short random part (``de-regenboog-k3f9x2``), so
two schools that each add "Rekenen" in their own git clone create two files, never
one file twice. Persons get no slug of their name: their id must not carry
personal data into the files that refer to them (AVG).
"""

from __future__ import annotations

import re

from onderzoekscyclus.domein.tekst import slug

__all__ = ["ID_PATROON", "is_geldig_id", "nieuw_id"]

_ALFABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to read aloud
_WILLEKEURIG = 6
ID_PATROON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_LENGTE = 64


def nieuw_id(naam: str | None, *, voorvoegsel: str = "") -> str:
    """A new id from ``naam`` (or only ``voorvoegsel`` when the name must stay out)."""
    import secrets  # noqa: PLC0415 - only when an id is made; keeps `ozc log` quick

    deel = slug(naam) if naam is not None else ""
    basis = "-".join(d for d in (voorvoegsel, deel) if d)
    staart = "".join(secrets.choice(_ALFABET) for _ in range(_WILLEKEURIG))
    return f"{basis}-{staart}" if basis else staart


def is_geldig_id(waarde: str) -> bool:
    """Whether ``waarde`` can be an id (and so a file name inside the werkplaats)."""
    return len(waarde) <= _MAX_LENGTE and ID_PATROON.fullmatch(waarde) is not None
