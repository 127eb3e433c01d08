"""Where things are in a werkplaats, and how to find the werkplaats itself.

Kept free of the domain classes, so quick commands (``ozc log``) can use it without
loading the whole library.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from onderzoekscyclus.errors import WerkplaatsNotFound
from onderzoekscyclus.i18n import _

ROOTBESTAND = "onderzoekscyclus.toml"
GEGEVENSMAP = ".onderzoekscyclus"
OMGEVINGSVARIABELE = "ONDERZOEKSCYCLUS_WERKPLAATS"
LOCKBESTAND = "lock"
INDEXBESTAND = "index.sqlite3"


def vind_werkplaats(
    expliciet: Path | None = None,
    *,
    start: Path | None = None,
    omgeving: Mapping[str, str] | None = None,
) -> Path:
    """The root folder of the werkplaats to use.

    In order: ``expliciet`` (the CLI's ``--werkplaats``), the nearest folder at or
    above ``start`` (default: the current folder) that holds ``onderzoekscyclus.toml``,
    then ``$ONDERZOEKSCYCLUS_WERKPLAATS``.
    """
    omgeving = os.environ if omgeving is None else omgeving
    if expliciet is not None:
        return _controleer_root(expliciet)
    huidig = (start or Path.cwd()).resolve()
    for map_ in (huidig, *huidig.parents):
        if (map_ / ROOTBESTAND).is_file():
            return map_
    if omgeving.get(OMGEVINGSVARIABELE):
        return _controleer_root(Path(omgeving[OMGEVINGSVARIABELE]))
    raise WerkplaatsNotFound(
        _("Geen werkplaats gevonden in {map} of een map daarboven.").format(map=huidig),
        _(
            "Maak er een met `ozc init MAP --naam NAAM`, ga naar een werkplaats toe, "
            "of geef er een op met --werkplaats of ${var}."
        ).format(var=OMGEVINGSVARIABELE),
    )


def _controleer_root(pad: Path) -> Path:
    pad = pad.expanduser()
    if not (pad / ROOTBESTAND).is_file():
        raise WerkplaatsNotFound(
            _("{map} is geen werkplaats: {bestand} ontbreekt.").format(
                map=pad, bestand=ROOTBESTAND
            ),
            _("Maak er een met `ozc init {map} --naam NAAM`.").format(map=pad),
        )
    return pad.resolve()
