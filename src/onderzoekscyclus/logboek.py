"""Writing in a werkgroep's logboek: the most frequent operation, kept light.

A werkgroep logs often, so ``ozc log`` must start fast and, in a partnership of
thousands of schools, touch one file only. This module appends an entry to the raw
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
from onderzoekscyclus._tekst import controleer_niet_leeg
from onderzoekscyclus.errors import FileFormatError, InvalidValue, OnderzoekscyclusError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._atomic import sweep_temporaries, write_atomic
from onderzoekscyclus.opslag._lock import WerkplaatsLock
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, LOCKBESTAND
from onderzoekscyclus.opslag._toml import dumps_toml, loads_toml
from onderzoekscyclus.opslag.schema import lees_versie, migreer, versie_tekst
from onderzoekscyclus.verwijzing import zoek

__all__ = ["voeg_logregel_toe"]

_WERKGROEPEN = "werkgroepen"
_PERSONEN = "personen"


def _namen(root: Path, map_: str) -> list[tuple[str, str]]:
    """(id, naam) of every file in ``map_``, reading only what is needed."""
    uit = []
    for pad in sorted((root / map_).glob("*.toml")):
        try:
            naam = loads_toml(pad.read_bytes()).get("naam")
        except InvalidValue:
            naam = None
        uit.append((pad.stem, naam if isinstance(naam, str) else pad.stem))
    return uit


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
    groep_id, _naam = zoek(
        werkgroep,
        _namen(root, _WERKGROEPEN),
        soort=_("werkgroep"),
        lijstopdracht="ozc werkgroep lijst",
        naam=lambda k: k[1],
        id_=lambda k: k[0],
    )
    regel: dict[str, Any] = {"datum": datum or klok.vandaag(), "tekst": tekst}
    if auteur:
        regel["auteur"] = zoek(
            auteur,
            _namen(root, _PERSONEN),
            soort=_("persoon"),
            lijstopdracht="ozc persoon lijst",
            naam=lambda k: k[1],
            id_=lambda k: k[0],
        )[0]
    pad = root / _WERKGROEPEN / f"{groep_id}.toml"
    label = f"{_WERKGROEPEN}/{pad.name}"
    with WerkplaatsLock(root / GEGEVENSMAP / LOCKBESTAND):
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
        write_atomic(pad, dumps_toml({"schema": versie_tekst(), **data}))
    return regel
