"""The ``csv`` export: a folder of CSV files for spreadsheets and data tools.

One file per kind of entity (``scholen.csv``, ``personen.csv``, ``werkgroepen.csv``,
``besluiten.csv``, ``zelfevaluaties.csv``, …) with a row per entity, and one file per
list of records inside it (``werkgroepen_leden.csv``, ``werkgroepen_cycli.csv``,
``werkgroepen_cycli_metingen.csv``, …) with a row per record. A row of such a child
file starts with the keys of where it belongs: the id of the entity
(``werkgroep_id``) and the position in each list on the way (``cycli_nr``, then its
own ``metingen_nr``, counted from 1), so files join on columns of the same name.

Inside a row: text, numbers, dates (``JJJJ-MM-DD``) and ``true``/``false`` as they are;
a nested record as columns with a dotted name (``profiel.trots``, ``evaluatie.conclusie``);
a list of short texts joined with ``"; "``; anything else (a table such as a
respondent's answers) as compact JSON. The layout comes from the classes, so every
file has the same columns whatever the data, also when it has no rows.

Files are UTF-8 without a byte order mark, comma-separated, with a header row, in
the ``excel`` dialect of Python's :mod:`csv` (quotes where needed, lines end in CRLF).
Text that would start a formula is neutralised (:func:`~onderzoekscyclus.export.formaten.veilig.neutraliseer`).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs

from onderzoekscyclus.api._typen import (
    is_attrs,
    is_scalair,
    lijst_element,
    velden,
    zonder_none,
)
from onderzoekscyclus.export.formaten.veilig import neutraliseer
from onderzoekscyclus.export.gegevens import Exportgegevens, als_data
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.bestanden import SOORTEN

__all__ = ["LIJSTSCHEIDING", "CsvExporteur", "Kolom", "Tabel", "cel", "indeling"]

LIJSTSCHEIDING = "; "
"""What joins the items of a list of short texts in one cell."""

Kolomsoort = Literal["waarde", "lijst", "json"]


@attrs.frozen
class Kolom:
    """A column: its header and where its value is in the entity's data."""

    naam: str
    pad: tuple[str, ...]
    soort: Kolomsoort


@attrs.frozen
class Tabel:
    """The layout of one CSV file, derived from a class."""

    naam: str
    """The file name without ``.csv``."""
    sleutels: tuple[str, ...]
    """The key columns that say where a row belongs (empty for an entity file)."""
    kolommen: tuple[Kolom, ...]
    kinderen: tuple[tuple[tuple[str, ...], Tabel], ...]
    """Per list of records in a row (by its path), the file of those records."""

    @property
    def koppen(self) -> list[str]:
        """The header row."""
        return [*self.sleutels, *(k.naam for k in self.kolommen)]

    def alle(self) -> Iterator[Tabel]:
        """This table and every table below it."""
        yield self
        for _pad, kind in self.kinderen:
            yield from kind.alle()


def indeling(map_: str, klasse: type[Any], soortnaam: str) -> Tabel:
    """The files of one kind of entity: ``map_``.csv and those of its lists."""
    return _plan(klasse, map_, (), f"{soortnaam}_id")


def _plan(klasse: type[Any], naam: str, sleutels: tuple[str, ...], id_sleutel: str) -> Tabel:
    kolommen: list[Kolom] = []
    lijsten: list[tuple[tuple[str, ...], type[Any]]] = []

    def loop(soort: type[Any], voor: tuple[str, ...], bezocht: frozenset[type[Any]]) -> None:
        for veld in velden(soort):
            pad = (*voor, veld.naam)
            kern, _leeg = zonder_none(veld.type)
            element = lijst_element(kern)
            if is_attrs(kern) and kern not in bezocht:
                loop(kern, pad, bezocht | {kern})
            elif element is not None and is_attrs(element) and element not in bezocht:
                lijsten.append((pad, element))
            elif is_scalair(kern):
                kolommen.append(Kolom(".".join(pad), pad, "waarde"))
            elif element is not None and is_scalair(element):
                kolommen.append(Kolom(".".join(pad), pad, "lijst"))
            else:
                kolommen.append(Kolom(".".join(pad), pad, "json"))

    loop(klasse, (), frozenset({klasse}))
    # a row of a child file: the entity's id, the positions on the way, its own position
    voor_kind = sleutels or (id_sleutel,)
    kinderen = tuple(
        (
            pad,
            _plan(
                element,
                f"{naam}_{'_'.join(pad)}",
                (*voor_kind, f"{'_'.join(pad)}_nr"),
                id_sleutel,
            ),
        )
        for pad, element in lijsten
    )
    tabel = Tabel(naam, sleutels, tuple(kolommen), kinderen)
    dubbel = {k for k in tabel.koppen if tabel.koppen.count(k) > 1}
    if dubbel:
        raise ValueError(f"{naam}.csv would have the column(s) {sorted(dubbel)} twice")
    return tabel


def _op(data: Any, pad: Sequence[str]) -> Any:
    for stap in pad:
        if not isinstance(data, Mapping):
            return None
        data = data.get(stap)
    return data


def _tekst(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    return str(waarde)


def _json_waarde(waarde: Any) -> Any:
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    raise TypeError(type(waarde).__name__)


def cel(soort: Kolomsoort, waarde: Any) -> str:
    """The text of a cell: numbers as they are, every other text neutralised."""
    if soort == "waarde":
        if isinstance(waarde, int | float) and not isinstance(waarde, bool):
            return _tekst(waarde)
        return neutraliseer(_tekst(waarde))
    if soort == "lijst":
        return neutraliseer(LIJSTSCHEIDING.join(_tekst(w) for w in waarde or ()))
    if waarde is None:
        return ""
    return neutraliseer(
        json.dumps(waarde, ensure_ascii=False, separators=(",", ":"), default=_json_waarde)
    )


def _vul(
    tabel: Tabel,
    items: Sequence[Any],
    sleutelwaarden: tuple[Any, ...],
    rijen: dict[str, list[list[str]]],
) -> None:
    for positie, data in enumerate(items, start=1):
        sleutels = (*sleutelwaarden, positie) if tabel.sleutels else ()
        rijen[tabel.naam].append(
            [
                *(neutraliseer(_tekst(s)) for s in sleutels),
                *(cel(k.soort, _op(data, k.pad)) for k in tabel.kolommen),
            ]
        )
        voor_kind = sleutels if tabel.sleutels else (data.get("id"),)
        for pad, kind in tabel.kinderen:
            _vul(kind, _op(data, pad) or (), voor_kind, rijen)


def _klassen() -> dict[str, tuple[type[Any], str]]:
    return {soort.map: (klasse, soort.naam) for klasse, soort in SOORTEN.items()}


class CsvExporteur:
    """Writes a folder with a CSV file per kind of entity and per list inside it."""

    @property
    def beschrijving(self) -> str:
        """What the format is for, in the current language."""
        return _("Een map met CSV-bestanden per soort gegevens, voor spreadsheets")

    extensie = ""
    soort: Literal["bestand", "map"] = "map"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        klassen = _klassen()
        for map_, objecten in gegevens.entiteiten.items():
            if map_ in klassen:
                klasse, soortnaam = klassen[map_]
            elif objecten:
                klasse, soortnaam = type(objecten[0]), map_
            else:
                continue
            hoofd = indeling(map_, klasse, soortnaam)
            rijen: dict[str, list[list[str]]] = {t.naam: [] for t in hoofd.alle()}
            _vul(hoofd, [als_data(o) for o in objecten], (), rijen)
            for tabel in hoofd.alle():
                with (doel / f"{tabel.naam}.csv").open("w", encoding="utf-8", newline="") as f:
                    schrijver = csv.writer(f)
                    schrijver.writerow(tabel.koppen)
                    schrijver.writerows(rijen[tabel.naam])
