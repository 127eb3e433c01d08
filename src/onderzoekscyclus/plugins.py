"""Plugins: what other distributions add to onderzoekscyclus through entry points.

A plugin is an installed distribution that declares entry points in one of the groups
below. The built-in export formats register the same way, in this package's own
``pyproject.toml``, so they are found, listed and loaded exactly like a third party's.

Discovery is cached per process. A plugin that fails to load does not stop the rest:
it is reported by name as a warning and left out. Setting
``ONDERZOEKSCYCLUS_GEEN_PLUGINS=1`` switches autoloading off: only what this package
itself registers is loaded (handy when a broken plugin is in the way, and in tests).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Mapping
from importlib import metadata
from typing import Any

import attrs

from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.i18n import _

__all__ = [
    "EXPORTEURS",
    "GEEN_PLUGINS",
    "GROEPEN",
    "INSTRUMENTEN",
    "Geladen",
    "Plugin",
    "autoload_aan",
    "laad",
    "plugins",
    "vergeet",
]

EXPORTEURS = "onderzoekscyclus.exporteurs"
"""Entry-point group of export formats; the name is the format (``json``, ``ics``)."""

INSTRUMENTEN = "onderzoekscyclus.instrumenten"
"""Entry-point group of zelfevaluatie instruments; the name is the instrument's id."""

GROEPEN: Mapping[str, str] = {EXPORTEURS: "exporteur", INSTRUMENTEN: "instrument"}
"""Every group we read, with the kind of plugin it holds."""

GEEN_PLUGINS = "ONDERZOEKSCYCLUS_GEEN_PLUGINS"
"""Environment variable: set to ``1`` to load only what this package registers itself."""

_EIGEN_DISTRIBUTIE = "onderzoekscyclus"


@attrs.frozen
class Plugin:
    """One entry point as ``ozc plugins`` lists it."""

    naam: str
    soort: str
    groep: str
    module: str
    distributie: str
    versie: str
    ingebouwd: bool
    fout: str | None = None


@attrs.frozen
class Geladen:
    """What loading a group gave: the objects by name, and warnings for what failed."""

    objecten: Mapping[str, Any]
    plugins: tuple[Plugin, ...]
    waarschuwingen: tuple[str, ...]
    fouten: Mapping[str, str] = attrs.field(factory=dict)
    """The warning of each name that failed to load, by entry-point name."""


def autoload_aan(omgeving: Mapping[str, str] | None = None) -> bool:
    """Whether third-party plugins are loaded (see :data:`GEEN_PLUGINS`)."""
    omgeving = os.environ if omgeving is None else omgeving
    return omgeving.get(GEEN_PLUGINS, "").strip().lower() in ("", "0", "nee", "no", "false")


def _distributie(punt: metadata.EntryPoint) -> tuple[str, str]:
    dist = punt.dist
    if dist is None:
        return "?", "?"
    return dist.metadata["Name"] or dist.name, dist.version


def _reden(fout: BaseException) -> str:
    if isinstance(fout, OnderzoekscyclusError):
        return str(fout)
    return f"{type(fout).__name__}: {fout}"


@functools.cache
def _laad(groep: str, autoload: bool) -> Geladen:
    objecten: dict[str, Any] = {}
    lijst: list[Plugin] = []
    waarschuwingen: list[str] = []
    fouten: dict[str, str] = {}
    punten = sorted(metadata.entry_points(group=groep), key=lambda p: (p.name, p.value))
    for punt in punten:
        distributie, versie = _distributie(punt)
        ingebouwd = distributie.lower() == _EIGEN_DISTRIBUTIE
        if not (ingebouwd or autoload):
            continue
        fout: str | None = None
        try:
            objecten.setdefault(punt.name, punt.load())
        except Exception as e:  # a broken plugin must not take the others down
            fout = _reden(e)
            bericht = _("Plugin '{naam}' ({distributie}) is niet geladen: {reden}").format(
                naam=punt.name, distributie=distributie, reden=fout
            )
            waarschuwingen.append(bericht)
            fouten.setdefault(punt.name, bericht)
        lijst.append(
            Plugin(
                naam=punt.name,
                soort=GROEPEN.get(groep, groep),
                groep=groep,
                module=punt.value,
                distributie=distributie,
                versie=versie,
                ingebouwd=ingebouwd,
                fout=fout,
            )
        )
    return Geladen(
        objecten=objecten,
        plugins=tuple(lijst),
        waarschuwingen=tuple(waarschuwingen),
        fouten=fouten,
    )


def laad(groep: str, *, omgeving: Mapping[str, str] | None = None) -> Geladen:
    """Load every entry point of ``groep`` (once per process; see :func:`vergeet`)."""
    return _laad(groep, autoload_aan(omgeving))


def plugins(*, omgeving: Mapping[str, str] | None = None) -> list[Plugin]:
    """Every plugin of every group we read, loaded, with the error of those that failed."""
    uit: list[Plugin] = []
    for groep in GROEPEN:
        uit.extend(laad(groep, omgeving=omgeving).plugins)
    return sorted(uit, key=lambda p: (p.soort, p.naam))


def vergeet() -> None:
    """Forget what was discovered, so the next call looks again (after installing one)."""
    _laad.cache_clear()
    importlib.invalidate_caches()
