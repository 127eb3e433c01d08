"""Making an example werkplaats without destroying anything the tool did not make.

The example is built beside its folder and swapped into place only when it is complete,
so a failure halfway leaves the old folder as it was. ``--vervang`` replaces only a
folder that an earlier ``ozc demo`` made: it must hold the demo's mark and nothing but
what a werkplaats holds; a ``.git`` folder in it is carried over to the new example.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from onderzoekscyclus.errors import WerkplaatsError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag import GEGEVENSMAP, ROOTBESTAND
from onderzoekscyclus.opslag.schrijver import MAPPEN

__all__ = ["DEMO_MARKERING", "bouw_naast"]

DEMO_MARKERING = "demo"
"""The file in the data folder that marks a werkplaats made by ``ozc demo``."""

_BEWAAR = ".git"
_EIGEN = frozenset({ROOTBESTAND, GEGEVENSMAP, ".gitignore", ".gitattributes", _BEWAAR, *MAPPEN})


def _geen_voorbeeld(map_: Path, reden: str) -> WerkplaatsError:
    return WerkplaatsError(
        _("{map} is geen voorbeeldwerkplaats die ik mag vervangen: {reden}").format(
            map=map_, reden=reden
        ),
        _("Kies een nieuwe map voor het voorbeeld, of haal weg wat er niet in hoort."),
        code="werkplaats.geen-voorbeeld",
    )


def controleer_vervangbaar(map_: Path) -> None:
    """Refuse ``map_`` unless it is an example werkplaats holding nothing else."""
    if map_.is_symlink() or not map_.is_dir():
        raise _geen_voorbeeld(map_, _("het is geen gewone map."))
    if not (map_ / GEGEVENSMAP / DEMO_MARKERING).is_file() or not (map_ / ROOTBESTAND).is_file():
        raise _geen_voorbeeld(map_, _("`ozc demo` heeft hem niet gemaakt."))
    vreemd = sorted(p.name for p in map_.iterdir() if p.name not in _EIGEN)
    for soort in MAPPEN:
        map_soort = map_ / soort
        if map_soort.is_symlink() or (map_soort.exists() and not map_soort.is_dir()):
            vreemd.append(soort)
        elif map_soort.is_dir():
            vreemd += [
                f"{soort}/{p.name}"
                for p in sorted(map_soort.iterdir())
                if p.suffix != ".toml" or not p.is_file() or p.is_symlink()
            ]
    if vreemd:
        raise _geen_voorbeeld(
            map_, _("er staat ook iets anders in ({wat}).").format(wat=", ".join(vreemd[:8]))
        )


@contextlib.contextmanager
def bouw_naast(map_: Path, *, vervang: bool) -> Iterator[Path]:
    """A new folder beside ``map_`` to build the example in; when the block ends well it
    takes the place of ``map_`` (an earlier example is swapped out and removed, its
    ``.git`` kept), otherwise it is removed and ``map_`` is untouched."""
    map_ = Path(map_).absolute()
    if map_.exists() or map_.is_symlink():
        if not vervang:
            if map_.is_dir() and not map_.is_symlink() and not any(map_.iterdir()):
                pass  # an empty folder is as good as none
            else:
                raise WerkplaatsError(
                    _("De map {map} is niet leeg.").format(map=map_),
                    _(
                        "Kies een nieuwe of lege map, of vervang een eerder voorbeeld met --vervang."
                    ),
                    code="werkplaats.map-niet-leeg",
                )
        elif any(map_.iterdir()):
            controleer_vervangbaar(map_)
    map_.parent.mkdir(parents=True, exist_ok=True)
    staart = secrets.token_hex(4)
    nieuw = map_.with_name(f".{map_.name}.nieuw-{staart}")
    oud = map_.with_name(f".{map_.name}.oud-{staart}")
    try:
        yield nieuw
        if (map_ / _BEWAAR).exists():
            (map_ / _BEWAAR).rename(nieuw / _BEWAAR)
        if map_.exists():
            map_.rename(oud)
        nieuw.rename(map_)
    except BaseException:
        if (nieuw / _BEWAAR).exists() and map_.is_dir() and not (map_ / _BEWAAR).exists():
            (nieuw / _BEWAAR).rename(map_ / _BEWAAR)
        shutil.rmtree(nieuw, ignore_errors=True)
        raise
    # the old example is out of the way; a file in it that cannot be removed leaves it
    # behind as a hidden folder, never a half-deleted werkplaats in its place
    shutil.rmtree(oud, ignore_errors=True)
