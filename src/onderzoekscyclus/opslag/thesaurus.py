"""Reading the thesaurus: the one the package ships, and the werkplaats' own additions."""

from __future__ import annotations

import functools
from pathlib import Path

from onderzoekscyclus.domein.thesaurus import (
    THESAURUSBESTAND,
    Thema,
    Thesaurus,
    fout,
    uitgebreid,
    vorm,
)
from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.opslag._toml import loads_toml
from onderzoekscyclus.opslag.invoer import lees_invoer
from onderzoekscyclus.opslag.schema import lees_versie, migreer

__all__ = ["laad_thesaurus", "standaard_thesaurus"]


def _lees(inhoud: bytes, label: str) -> dict[str, dict[str, object]]:
    try:
        data = loads_toml(inhoud)
        data = migreer("thesaurus", data, lees_versie(data))
    except OnderzoekscyclusError as probleem:
        raise fout(label, [f"{label}: {probleem.bericht}"]) from None
    return vorm(data, label)


@functools.cache
def _standaard_themas() -> dict[str, Thema]:
    # next to the package's modules (it is installed as files, never zipped); read
    # without importlib.resources, whose imports cost a quick question 4 ms
    inhoud = (Path(__file__).parent.parent / "data" / THESAURUSBESTAND).read_bytes()
    return uitgebreid({}, _lees(inhoud, "onderzoekscyclus/data/thesaurus.toml"), "")


def standaard_thesaurus() -> Thesaurus:
    """The thesaurus shipped with the package."""
    return Thesaurus(_standaard_themas().values())


def laad_thesaurus(root: Path | None = None) -> Thesaurus:
    """The shipped thesaurus, extended with ``root/thesaurus.toml`` if there is one.

    Raises :class:`~onderzoekscyclus.errors.FileFormatError` listing every problem of
    the werkplaats' file.
    """
    basis = _standaard_themas()
    if root is None:
        return Thesaurus(basis.values())
    try:
        inhoud = lees_invoer(Path(root) / THESAURUSBESTAND, THESAURUSBESTAND)
    except FileNotFoundError:
        return Thesaurus(basis.values())
    return Thesaurus(uitgebreid(basis, _lees(inhoud, THESAURUSBESTAND), THESAURUSBESTAND).values())
