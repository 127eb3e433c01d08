"""Storage: the werkplaats folder with one TOML file per entity.

The layout::

    onderzoekscyclus.toml      the root: schema version and the werkplaats' name
    scholen/<id>.toml          one school each
    personen/<id>.toml         one person each: the only place names of persons live
    werkgroepen/<id>.toml      one werkgroep each, with its members, cycles and logboek
    .onderzoekscyclus/         derived data and the lock; git-ignored, safe to delete

:mod:`.bestanden` holds the store itself (:class:`Opslag`, the registry ``SOORTEN``);
the small modules beside it (paths, TOML, atomic writes, the lock, schema versions) need
no domain classes, so quick commands can use them without loading the library. The
names below are imported from :mod:`.bestanden` on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from onderzoekscyclus.opslag._paden import GEGEVENSMAP, ROOTBESTAND, vind_werkplaats

if TYPE_CHECKING:
    from onderzoekscyclus.opslag.bestanden import SOORTEN, Opslag, Soort

__all__ = ["GEGEVENSMAP", "ROOTBESTAND", "SOORTEN", "Opslag", "Soort", "vind_werkplaats"]

_UIT_BESTANDEN = {"SOORTEN", "Opslag", "Soort"}


def __getattr__(naam: str) -> Any:
    if naam in _UIT_BESTANDEN:
        return getattr(importlib.import_module("onderzoekscyclus.opslag.bestanden"), naam)
    raise AttributeError(f"module 'onderzoekscyclus.opslag' has no attribute {naam!r}")
