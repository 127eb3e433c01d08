"""Ids: readable, stable, and safe as file names.

An id is a slug of the name plus a short random part (``de-regenboog-k3f9x2``), so two
schools that each add "Rekenen" in their own git clone create two files, never one file
twice. Persons get no slug of their name: their id must not carry personal data into
the files that refer to them (AVG). The store makes new ids
(:meth:`~onderzoekscyclus.opslag.schrijver.Schrijver.nieuw_id`); this module says which
text can be one.
"""

from __future__ import annotations

import re

__all__ = ["ID_PATROON", "is_geldig_id"]

ID_PATROON = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MAX_LENGTE = 64


def is_geldig_id(waarde: str) -> bool:
    """Whether ``waarde`` can be an id (and so a file name inside the werkplaats)."""
    return len(waarde) <= _MAX_LENGTE and ID_PATROON.fullmatch(waarde) is not None
