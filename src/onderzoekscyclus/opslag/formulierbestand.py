"""Reading the table a form tool exports (a CSV file of answers to a checklist)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from onderzoekscyclus.errors import FileFormatError, InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.invoer import lees_invoer

__all__ = ["lees_csv"]


def lees_csv(pad: Path, label: str) -> list[tuple[int, list[str]]]:
    """The rows of a CSV file with their line numbers; UTF-8 (with or without BOM) or
    Windows-1252, separated by commas, semicolons or tabs. Only a regular file of at
    most :data:`~onderzoekscyclus.opslag.invoer.GROOTSTE_INVOER` bytes is read; a
    refusal names the path as given."""
    inhoud = lees_invoer(pad, str(pad))
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")
    eerste = tekst.split("\n", 1)[0]
    scheiding = max((";", ",", "\t"), key=eerste.count)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    rijen: list[tuple[int, list[str]]] = []
    try:
        for rij in lezer:
            if any(cel.strip() for cel in rij):
                rijen.append((lezer.line_num, rij))
    except csv.Error as fout:
        raise FileFormatError(
            _("Niets geïmporteerd: {bestand} is geen geldige CSV.").format(bestand=label),
            [
                _("{bestand} regel {regel}: {fout}").format(
                    bestand=label, regel=lezer.line_num, fout=fout
                )
            ],
        ) from None
    if not rijen:
        raise InvalidValue(_("{bestand} is leeg.").format(bestand=label))
    return rijen
