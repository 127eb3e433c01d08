"""The ``xlsx`` export of onderzoekscyclus: an Excel workbook for schools that work in Excel.

The workbook opens with a sheet that says what was exported (werkplaats, date,
selection, pseudonymised or not) and lists the other sheets. Then comes one sheet per
kind of entity in the export (``scholen``, ``personen``, ``werkgroepen``, and whatever
kinds the library adds later), built from the stored form of each entity:

- a field holding one value is a column; a nested record (a school's ``profiel``)
  becomes columns with dotted names (``profiel.trots``);
- a list of plain values is one cell, its values joined with ``"; "``;
- a list of records (a werkgroep's ``leden``, ``logboek`` and ``cycli``; a cycle's
  ``metingen``) gets a sheet of its own, named by its path (``werkgroepen_cycli_metingen``),
  whose first columns say which entity (``werkgroep_id``, ``werkgroep_naam``) and which
  position in each enclosing list (``cycli_nr``, then its own ``metingen_nr``) a row
  belongs to; sheet and key names are those of the ``csv`` export's files and columns;
- a column that holds ids of entities in the export is followed by a column with their
  names (``persoon (naam)``), pseudonyms when the export is pseudonymised;
- dates are real Excel dates.

Every sheet has a bold, frozen header row with an autofilter. Every text is written as
text, never as a formula: a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'`` so that a spreadsheet does not run it. The same data
gives the same bytes: timestamps inside the file are the export's date.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

import attrs
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from onderzoekscyclus.export import MAPPEN, Exportgegevens, als_data, neutraliseer

__all__ = ["XlsxExporteur", "werkmap"]

_MAX_CEL = 32_767
_MAX_BLADNAAM = 31
_MAX_BREEDTE = 60
_INFOBLAD = "over deze export"
_VET = Font(bold=True)
_OMLOOP = Alignment(wrap_text=True, vertical="top")


@attrs.frozen
class _Lijst:
    """A list of plain values, kept whole until it is written as one ``"; "``-joined cell."""

    waarden: tuple[Any, ...]


@attrs.define
class _Tabel:
    """The rows of one sheet, and the order of its columns and child sheets."""

    pad: tuple[str, ...]
    sleutels: tuple[str, ...] = ()
    volgorde: list[str] = attrs.Factory(list)
    kinderen: set[str] = attrs.Factory(set)
    samengesteld: set[str] = attrs.Factory(set)
    rijen: list[dict[str, Any]] = attrs.Factory(list)

    def noteer(self, velden: Sequence[str]) -> None:
        """Merge the fields of one row into the order, each after the field before it."""
        vorige: str | None = None
        for veld in velden:
            if veld not in self.volgorde:
                plek = self.volgorde.index(vorige) + 1 if vorige is not None else 0
                self.volgorde.insert(plek, veld)
            vorige = veld

    @property
    def kolommen(self) -> list[str]:
        weg = self.kinderen | self.samengesteld | set(self.sleutels)
        eigen = [v for v in self.volgorde if v not in weg]
        return [*self.sleutels, *eigen]


def _is_record_lijst(waarde: Any) -> bool:
    return (
        isinstance(waarde, list | tuple)
        and bool(waarde)
        and all(isinstance(w, Mapping) for w in waarde)
    )


def _is_enkelvoudig(waarde: Any) -> bool:
    return waarde is None or isinstance(waarde, str | int | float | dt.date)


def _plat(
    data: Mapping[str, Any], voorvoegsel: str, rij: dict[str, Any], velden: list[str], tabel: _Tabel
) -> Iterator[tuple[str, Sequence[Mapping[str, Any]]]]:
    """Fill ``rij`` with the plain fields of ``data``; yield the lists of records."""
    for sleutel, waarde in data.items():
        naam = f"{voorvoegsel}{sleutel}"
        if _is_record_lijst(waarde):
            velden.append(naam)
            yield naam, waarde
        elif isinstance(waarde, Mapping):
            # a record in one row may be empty (None) in another: its parts are the columns
            velden.append(naam)
            tabel.samengesteld.add(naam)
            yield from _plat(waarde, f"{naam}.", rij, velden, tabel)
        else:
            velden.append(naam)
            if isinstance(waarde, list | tuple):
                if all(_is_enkelvoudig(w) for w in waarde):
                    rij[naam] = _Lijst(tuple(waarde))
                else:
                    rij[naam] = json.dumps(waarde, ensure_ascii=False, sort_keys=True, default=str)
            elif _is_enkelvoudig(waarde):
                rij[naam] = waarde
            else:
                rij[naam] = json.dumps(waarde, ensure_ascii=False, sort_keys=True, default=str)


def _voeg_toe(
    tabellen: dict[tuple[str, ...], _Tabel],
    pad: tuple[str, ...],
    sleutels: Mapping[str, Any],
    data: Mapping[str, Any],
    namen: Mapping[str, str],
    enkelvoud: str,
) -> None:
    tabel = tabellen[pad]
    rij: dict[str, Any] = dict(sleutels)
    velden: list[str] = []
    kinderen = list(_plat(data, "", rij, velden, tabel))
    tabel.noteer(velden)
    tabel.rijen.append(rij)
    if len(pad) == 1:
        id_ = data.get("id")
        sleutels = {f"{enkelvoud}_id": id_, f"{enkelvoud}_naam": namen.get(id_) if id_ else None}
    for veld, records in kinderen:
        tabel.kinderen.add(veld)
        kindpad = (*pad, veld)
        nummer = f"{veld.replace('.', '_')}_nr"
        if kindpad not in tabellen:
            tabellen[kindpad] = _Tabel(kindpad, sleutels=(*sleutels, nummer))
        for nr, record in enumerate(records, start=1):
            _voeg_toe(tabellen, kindpad, {**sleutels, nummer: nr}, record, namen, enkelvoud)


def _in_volgorde(
    tabellen: Mapping[tuple[str, ...], _Tabel], pad: tuple[str, ...]
) -> Iterator[_Tabel]:
    """The table at ``pad``, then its child tables in the order of their fields."""
    tabel = tabellen[pad]
    yield tabel
    for veld in tabel.volgorde:
        if (*pad, veld) in tabellen:
            yield from _in_volgorde(tabellen, (*pad, veld))


def _tabellen(soort: str, objecten: Sequence[Any], namen: Mapping[str, str]) -> list[_Tabel]:
    """One table for the entities of ``soort`` and one for each list of records in them."""
    tabellen: dict[tuple[str, ...], _Tabel] = {(soort,): _Tabel((soort,))}
    enkelvoud = MAPPEN.get(soort, soort)
    for obj in objecten:
        _voeg_toe(tabellen, (soort,), {}, als_data(obj), namen, enkelvoud)
    if not objecten:
        tabellen[soort,].noteer(["id"])
    return list(_in_volgorde(tabellen, (soort,)))


# --- cells ------------------------------------------------------------------------------


def _tekst(waarde: str) -> str:
    """A text as a cell holds it: neutralised, control characters that XML cannot carry
    replaced by U+FFFD, line ends as ``\\n`` (as Excel stores them), at most 32,767 long."""
    schoon = neutraliseer(ILLEGAL_CHARACTERS_RE.sub("\ufffd", waarde))
    schoon = schoon.replace("\r\n", "\n").replace("\r", "\n")
    if len(schoon) > _MAX_CEL:
        schoon = schoon[: _MAX_CEL - 1] + "…"
    return schoon


def _als_tekst(waarde: Any) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if waarde is None:
        return ""
    return str(waarde)


def _celwaarde(waarde: Any) -> Any:
    if isinstance(waarde, _Lijst):
        return _tekst("; ".join(_als_tekst(w) for w in waarde.waarden))
    if isinstance(waarde, str):
        return _tekst(waarde)
    if isinstance(waarde, dt.datetime) and waarde.tzinfo is not None:
        return waarde.astimezone(dt.UTC).replace(tzinfo=None)
    return waarde


def _zijn_ids(waarden: Sequence[Any], namen: Mapping[str, str]) -> bool:
    """Whether a column holds ids of exported entities (and nothing else)."""
    gezien = False
    for waarde in waarden:
        items = waarde.waarden if isinstance(waarde, _Lijst) else (waarde,)
        for item in items:
            if item is None:
                continue
            if not isinstance(item, str) or item not in namen:
                return False
            gezien = True
    return gezien


def _met_namen(tabel: _Tabel, namen: Mapping[str, str]) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of ``tabel``, with a name column after every id column."""
    kolommen: list[str] = []
    rijen: list[list[Any]] = [[] for _ in tabel.rijen]
    for kolom in tabel.kolommen:
        waarden = [rij.get(kolom) for rij in tabel.rijen]
        kolommen.append(kolom)
        for rij, waarde in zip(rijen, waarden, strict=True):
            rij.append(waarde)
        if kolom == "id" or kolom in tabel.sleutels or not _zijn_ids(waarden, namen):
            continue
        kolommen.append(f"{kolom} (naam)")
        for rij, waarde in zip(rijen, waarden, strict=True):
            if isinstance(waarde, _Lijst):
                rij.append(_Lijst(tuple(namen[w] for w in waarde.waarden)))
            else:
                rij.append(namen[waarde] if waarde is not None else None)
    return kolommen, rijen


# --- sheets -----------------------------------------------------------------------------

_ONGELDIG_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")


def _bladnaam(pad: tuple[str, ...], bezet: set[str]) -> str:
    """A sheet name for ``pad``: Excel allows 31 characters, unique regardless of case."""
    delen = [_ONGELDIG_IN_BLADNAAM.sub("_", d.replace(".", "_")) for d in pad]
    kandidaten = ["_".join(delen[i:]).strip("'") for i in range(len(delen))]
    for kandidaat in kandidaten:
        if kandidaat and len(kandidaat) <= _MAX_BLADNAAM and kandidaat.casefold() not in bezet:
            bezet.add(kandidaat.casefold())
            return kandidaat
    basis = kandidaten[0][: _MAX_BLADNAAM - 4]
    teller = 2
    while f"{basis}~{teller}".casefold() in bezet:
        teller += 1
    bezet.add(f"{basis}~{teller}".casefold())
    return f"{basis}~{teller}"


def _vul(blad: Worksheet, kolommen: Sequence[str], rijen: Sequence[Sequence[Any]]) -> None:
    breedtes = [len(k) for k in kolommen]
    for k, kop in enumerate(kolommen, start=1):
        cel = blad.cell(row=1, column=k, value=_tekst(kop))
        cel.data_type = "s"
        cel.font = _VET
    for r, rij in enumerate(rijen, start=2):
        for k, waarde in enumerate(rij, start=1):
            inhoud = _celwaarde(waarde)
            if inhoud is None:
                continue
            cel = blad.cell(row=r, column=k, value=inhoud)
            if isinstance(inhoud, str):
                cel.data_type = "s"
                if "\n" in inhoud:
                    cel.alignment = _OMLOOP
                breedtes[k - 1] = max(breedtes[k - 1], min(len(inhoud), _MAX_BREEDTE))
            elif isinstance(inhoud, dt.datetime):
                cel.number_format = "yyyy-mm-dd hh:mm"
                breedtes[k - 1] = max(breedtes[k - 1], 16)
            elif isinstance(inhoud, dt.date):
                cel.number_format = "yyyy-mm-dd"
                breedtes[k - 1] = max(breedtes[k - 1], 10)
            else:
                breedtes[k - 1] = max(breedtes[k - 1], len(str(inhoud)))
    for k, breedte in enumerate(breedtes, start=1):
        blad.column_dimensions[get_column_letter(k)].width = min(breedte, _MAX_BREEDTE) + 2
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = f"A1:{get_column_letter(len(kolommen))}{len(rijen) + 1}"


def _vul_overzicht(
    blad: Worksheet, stamgegevens: Sequence[Sequence[Any]], inhoud: Sequence[Sequence[Any]]
) -> None:
    """What was exported (key, value), then the list of sheets with their row counts."""
    regels = [*stamgegevens, [], ["blad", "inhoud", "rijen"], *inhoud]
    kop = len(stamgegevens) + 2
    for r, regel in enumerate(regels, start=1):
        for k, waarde in enumerate(regel, start=1):
            cel = blad.cell(row=r, column=k, value=_celwaarde(waarde))
            if isinstance(waarde, str):
                cel.data_type = "s"
            elif isinstance(waarde, dt.date):
                cel.number_format = "yyyy-mm-dd"
            if k == 1 or r == kop:
                cel.font = _VET
    for kolom, breedte in zip("ABC", (16, 40, 8), strict=True):
        blad.column_dimensions[kolom].width = breedte


def _namen(gegevens: Exportgegevens) -> dict[str, str]:
    """Every exported entity's id with its name (a pseudonym for a pseudonymised person)."""
    namen: dict[str, str] = {}
    for objecten in gegevens.entiteiten.values():
        for obj in objecten:
            naam = getattr(obj, "naam", None) or getattr(obj, "titel", None)
            if isinstance(naam, str):
                namen[obj.id] = naam
    return namen


def _versie(distributie: str) -> str:
    try:
        return metadata.version(distributie)
    except metadata.PackageNotFoundError:
        return "?"


def _selectie(gegevens: Exportgegevens) -> str:
    selectie = gegevens.selectie
    if selectie.soort == "alles":
        return "de hele werkplaats"
    naam = selectie.naam or gegevens.naam(selectie.id)
    return f"{selectie.soort} {naam}"


def werkmap(gegevens: Exportgegevens) -> Workbook:
    """The workbook of ``gegevens``: an overview sheet, then the sheets of every kind."""
    namen = _namen(gegevens)
    boek = Workbook()
    overzicht = boek.active
    assert overzicht is not None
    overzicht.title = _INFOBLAD
    bezet = {_INFOBLAD}
    inhoud: list[list[Any]] = []
    for soort, objecten in gegevens.entiteiten.items():
        for tabel in _tabellen(soort, objecten, namen):
            naam = _bladnaam(tabel.pad, bezet)
            kolommen, rijen = _met_namen(tabel, namen)
            _vul(boek.create_sheet(naam), kolommen, rijen)
            inhoud.append([naam, " → ".join(tabel.pad), len(rijen)])
    stamgegevens: list[list[Any]] = [
        ["werkplaats", gegevens.werkplaats_naam],
        ["datum", gegevens.datum],
        ["selectie", _selectie(gegevens)],
        ["pseudoniemen", "ja: namen van personen zijn vervangen" if gegevens.pseudoniem else "nee"],
        [
            "gemaakt met",
            f"onderzoekscyclus {_versie('onderzoekscyclus')}, "
            f"onderzoekscyclus-xlsx {_versie('onderzoekscyclus-xlsx')}",
        ],
    ]
    _vul_overzicht(overzicht, stamgegevens, inhoud)
    moment = dt.datetime.combine(gegevens.datum, dt.time())
    boek.properties.creator = "onderzoekscyclus"
    boek.properties.lastModifiedBy = None
    boek.properties.title = _tekst(f"Export van {gegevens.werkplaats_naam}")
    boek.properties.created = moment
    boek.properties.modified = moment
    return boek


def _bewaar(boek: Workbook, doel: Path, datum: dt.date) -> None:
    """Save ``boek`` with every timestamp in the archive set to ``datum``."""
    ruw = io.BytesIO()
    ExcelWriter(boek, zipfile.ZipFile(ruw, "w", zipfile.ZIP_DEFLATED)).save()
    tijd = (max(datum.year, 1980), datum.month, datum.day, 0, 0, 0)
    with (
        zipfile.ZipFile(io.BytesIO(ruw.getvalue())) as bron,
        zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as uit,
    ):
        for info in bron.infolist():
            kopie = zipfile.ZipInfo(info.filename, date_time=tijd)
            kopie.compress_type = zipfile.ZIP_DEFLATED
            kopie.external_attr = 0o644 << 16
            uit.writestr(kopie, bron.read(info.filename))


class XlsxExporteur:
    """Writes :func:`werkmap` as an ``.xlsx`` file."""

    beschrijving = "Excel-werkmap met een tabblad per soort gegevens (xlsx)"
    extensie = ".xlsx"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = False

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        _bewaar(werkmap(gegevens), doel, gegevens.datum)
