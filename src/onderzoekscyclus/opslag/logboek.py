"""Writing in a werkgroep's logboek: the most frequent operation, kept light.

A werkgroep logs often, so ``ozc log`` must start fast and, in a partnership of
thousands of schools, touch one file only: the werkgroep is found by name through the
derived index (:mod:`onderzoekscyclus.opslag.index`), which learns about the file it writes. This module appends an entry to the raw
data of the werkgroep file without building the domain objects: the rest of the file
is kept exactly as it is (nothing is lost or reinterpreted), the schema version is
checked (a newer major version is refused, an older one migrated), and the write is
atomic under the werkplaats lock. Checking every field of the file is the job of
``ozc controleer`` and of every command that reads the werkgroep.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from onderzoekscyclus import klok
from onderzoekscyclus.domein.tekst import controleer_niet_leeg
from onderzoekscyclus.errors import (
    FileFormatError,
    OnderzoekscyclusError,
)
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._atomic import sweep_temporaries, write_atomic
from onderzoekscyclus.opslag._lock import WerkplaatsLock
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, LOCKBESTAND
from onderzoekscyclus.opslag._toml import dumps_toml, loads_toml
from onderzoekscyclus.opslag.index import INDEXBESTAND, kies, na_schrijven
from onderzoekscyclus.opslag.schema import lees_versie, migreer, versie_tekst

__all__ = ["voeg_logregel_toe"]

_WERKGROEPEN = "werkgroepen"
_PERSONEN = "personen"


def voeg_logregel_toe(
    root: Path,
    werkgroep: str,
    tekst: str,
    *,
    auteur: str | None = None,
    datum: dt.date | None = None,
) -> dict[str, Any]:
    """Append an entry to the logboek of ``werkgroep`` (a name, prefix or id).

    ``auteur`` is a person's name, prefix or id; ``datum`` defaults to today.
    Returns the entry as stored: ``{"datum": …, "tekst": …, "auteur": …}``.
    """
    controleer_niet_leeg(tekst, "tekst")
    groep_id, bekend = kies(root, _WERKGROEPEN, werkgroep, _("werkgroep"), "ozc werkgroep lijst")
    regel: dict[str, Any] = {"datum": datum or klok.vandaag(), "tekst": tekst}
    if auteur:
        regel["auteur"] = kies(root, _PERSONEN, auteur, _("persoon"), "ozc persoon lijst")[0]
    pad = root / _WERKGROEPEN / f"{groep_id}.toml"
    label = f"{_WERKGROEPEN}/{pad.name}"
    with WerkplaatsLock(root / GEGEVENSMAP / LOCKBESTAND):
        if not (root / GEGEVENSMAP / INDEXBESTAND).exists():
            # listing tens of thousands of files would cost more than the append itself;
            # with an index, the next command that writes anything else sweeps instead
            sweep_temporaries([pad.parent])
        try:
            data = loads_toml(pad.read_bytes())
            data = migreer("werkgroep", data, lees_versie(data))
        except OnderzoekscyclusError as fout:
            raise FileFormatError(
                _("{bestand} kan niet gelezen worden:").format(bestand=label),
                [f"{label}: {fout.bericht}"],
                fout.hint or _("Herstel het bestand (zie `ozc controleer`)."),
            ) from None
        logboek = data.setdefault("logboek", [])
        if not isinstance(logboek, list):
            raise FileFormatError(
                _("{bestand} kan niet gelezen worden:").format(bestand=label),
                [f"{label} @ $.logboek: " + _("verwacht een lijst")],
            )
        logboek.append(regel)
        map_mtime = _mtime(pad.parent)
        write_atomic(pad, dumps_toml({"schema": versie_tekst(), **data}))
        na_schrijven(root, _WERKGROEPEN, groep_id, data, map_mtime, bekend)
    return regel


def _mtime(map_: Path) -> int:
    return map_.stat().st_mtime_ns
