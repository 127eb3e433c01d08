"""The werkplaatsen of other partnerships a werkplaats reads from (``koppelingen`` in its
root file), found without loading the library.

A linked werkplaats is only read: its index is kept in this werkplaats's own
``.onderzoekscyclus/koppelingen/``, so nothing is ever written into the other folder
(which may be a clone of another partnership's repository, or read-only).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from onderzoekscyclus.opslag._paden import GEGEVENSMAP, ROOTBESTAND
from onderzoekscyclus.opslag._toml import lees_begrensd, loads_toml

__all__ = ["Gekoppeld", "gekoppeld", "map_van"]


class Gekoppeld(NamedTuple):
    """A linked werkplaats: its name, its folder, and where its index is kept."""

    naam: str
    root: Path
    database: Path


def map_van(root: Path, pad: str) -> Path:
    """The folder ``pad`` names, relative to the werkplaats at ``root`` unless absolute."""
    return (Path(root) / pad).resolve()


def gekoppeld(root: Path) -> list[Gekoppeld]:
    """Every werkplaats the one at ``root`` links to, as its root file says."""
    data = loads_toml(lees_begrensd(Path(root) / ROOTBESTAND))
    uit = []
    for koppeling in data.get("koppelingen", []):
        if not isinstance(koppeling, dict):
            continue
        naam, pad = str(koppeling.get("naam", "")), str(koppeling.get("pad", ""))
        if not naam or not pad:
            continue
        map_ = map_van(root, pad)
        import hashlib  # noqa: PLC0415 - only with links: 2 ms off every other question

        sleutel = hashlib.blake2b(str(map_).encode("utf-8"), digest_size=8).hexdigest()
        uit.append(
            Gekoppeld(naam, map_, Path(root) / GEGEVENSMAP / "koppelingen" / f"{sleutel}.sqlite3")
        )
    return uit
