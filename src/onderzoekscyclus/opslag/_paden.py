"""Where things are in a werkplaats, and how to find the werkplaats itself.

Kept free of the domain classes, so quick commands (``ozc log``) can use it without
loading the whole library.
"""

from __future__ import annotations

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
    then ``ONDERZOEKSCYCLUS_WERKPLAATS`` in ``omgeving`` (the CLI passes ``os.environ``;
    the library reads no environment of its own).
    """
    omgeving = omgeving or {}
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
        _("Maak er een, of geef de map van een bestaande werkplaats op."),
        zoek_vanaf=str(huidig),
    )


def _controleer_root(pad: Path) -> Path:
    pad = pad.expanduser()
    if not (pad / ROOTBESTAND).is_file():
        raise WerkplaatsNotFound(
            _("{map} is geen werkplaats: {bestand} ontbreekt.").format(
                map=pad, bestand=ROOTBESTAND
            ),
            _("Kies de map van een bestaande werkplaats, of maak er een."),
            zoek_vanaf=str(pad),
        )
    return pad.resolve()
