"""Three versions of one file merged into one: what git needs when two clones of a
werkplaats both changed the same file (see docs/delen.md).

The merge works on the data, not on lines of text. For every field: what only one
side changed is taken; what both changed alike is taken once; what both changed
differently is a *conflict*: the file keeps this side's value (so it stays valid) and
notes both, with the common ancestor, under ``conflicten``, for a person to choose.

Lists of entries (log lines, measurements, members, cycles …) are merged entry by
entry: an entry is known by its ``id``, ``nummer``, ``versie``, ``persoon``,
``sleutel`` or ``naam`` when every entry has one that is unique, and otherwise by its
whole content (two equal lines are two entries). An entry added on either side is kept,
one removed on one side and left alone on the other is removed, and new entries follow
the old ones in a fixed order (by date, then content), so the result does not depend
on which side merges into which. Two new entries that both sides gave the same number
(idea 3 in both clones) are both kept: one gets the next free number. A list of words
(themes, schools) merges as a set.

Nothing here reads or writes a file; the caller parses, checks and writes.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

__all__ = ["CONFLICTEN", "WEG", "Conflict", "noteer", "voeg_samen"]

CONFLICTEN = "conflicten"
"""The key under which a file notes its conflicts."""

_SLEUTELVELDEN = ("id", "nummer", "versie", "persoon", "sleutel", "naam")


class _Weg:
    """The value of a field that is not there (removed, or never set)."""

    def __repr__(self) -> str:
        return "WEG"


WEG: Any = _Weg()


class Conflict(NamedTuple):
    """Both sides changed ``pad`` differently: ``ons`` is kept, ``hun`` noted, and
    ``basis`` is what it was before (each may be :data:`WEG`); ``pad`` ``""`` is the
    file as a whole, and ``reden`` then says why the two could not be combined."""

    pad: str
    basis: Any
    ons: Any
    hun: Any
    reden: str = ""

    def als_data(self) -> dict[str, Any]:
        """The conflict as it is stored in the file (absent values left out)."""
        uit: dict[str, Any] = {"pad": self.pad}
        if self.reden:
            uit["reden"] = self.reden
        for naam, waarde in (("basis", self.basis), ("ons", self.ons), ("hun", self.hun)):
            if waarde is not WEG:
                uit[naam] = waarde
        return uit


def voeg_samen(
    basis: Mapping[str, Any], ons: Mapping[str, Any], hun: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Conflict]]:
    """The three-way merge of the data of one file: the result, and the conflicts it
    holds (already noted under :data:`CONFLICTEN` in the result)."""
    conflicten: list[Conflict] = []
    uit = _tabel(dict(basis), dict(ons), dict(hun), "", conflicten)
    if conflicten:
        noteer(uit, conflicten)
    return uit, conflicten


def noteer(data: dict[str, Any], conflicten: Iterable[Conflict]) -> None:
    """Add ``conflicten`` to those ``data`` already notes (each once)."""
    bestaand = list(data.get(CONFLICTEN, []))
    gezien = {_inhoud(c) for c in bestaand}
    for conflict in conflicten:
        nieuw = conflict.als_data()
        if _inhoud(nieuw) not in gezien:
            bestaand.append(nieuw)
            gezien.add(_inhoud(nieuw))
    data[CONFLICTEN] = bestaand


def _waarde(basis: Any, ons: Any, hun: Any, pad: str, conflicten: list[Conflict]) -> Any:
    if ons == hun:
        return ons
    if basis == ons:
        return hun
    if basis == hun:
        return ons
    if all(isinstance(x, dict) for x in (ons, hun)):
        return _tabel(basis if isinstance(basis, dict) else {}, ons, hun, pad, conflicten)
    if all(isinstance(x, list) for x in (ons, hun)):
        lijst = _lijst(basis if isinstance(basis, list) else [], ons, hun, pad, conflicten)
        if lijst is not None:
            return lijst
    conflicten.append(Conflict(pad, basis, ons, hun))
    return ons


def _tabel(
    basis: dict[str, Any], ons: dict[str, Any], hun: dict[str, Any], pad: str, c: list[Conflict]
) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for sleutel in dict.fromkeys([*ons, *hun, *basis]):
        hier = f"{pad}.{sleutel}" if pad else sleutel
        waarde = _waarde(
            basis.get(sleutel, WEG), ons.get(sleutel, WEG), hun.get(sleutel, WEG), hier, c
        )
        if waarde is not WEG:
            uit[sleutel] = waarde
    return uit


def _lijst(
    basis: list[Any], ons: list[Any], hun: list[Any], pad: str, c: list[Conflict]
) -> list[Any] | None:
    """A merged list, or ``None`` when it cannot be merged entry by entry (then the
    list as a whole is a conflict)."""
    alles = [*basis, *ons, *hun]
    if all(isinstance(x, dict) for x in alles):
        return _tabellen(basis, ons, hun, pad, c)
    if all(isinstance(x, (str, int, float)) and not isinstance(x, bool) for x in alles):
        return _woorden(basis, ons, hun)
    return None


def _woorden(basis: list[Any], ons: list[Any], hun: list[Any]) -> list[Any]:
    weg = (set(basis) - set(ons)) | (set(basis) - set(hun))
    erbij = [x for x in dict.fromkeys([*ons, *hun]) if x not in basis]
    gebleven = [x for x in dict.fromkeys(basis) if x not in weg]
    return gebleven + sorted(erbij, key=lambda x: (str(type(x)), str(x)))


def _inhoud(waarde: Any) -> str:
    return json.dumps(waarde, sort_keys=True, default=str, ensure_ascii=False)


def _sleutelveld(*lijsten: list[dict[str, Any]]) -> str | None:
    """The field every entry of the lists is known by, if there is one."""
    for veld in _SLEUTELVELDEN:
        if all(
            all(veld in x for x in lijst) and len({_inhoud(x[veld]) for x in lijst}) == len(lijst)
            for lijst in lijsten
        ):
            return veld
    return None


def _gesleuteld(lijst: list[dict[str, Any]], veld: str | None) -> dict[str, dict[str, Any]]:
    """The entries of ``lijst`` by the key they are known by (in their order)."""
    uit: dict[str, dict[str, Any]] = {}
    keer: dict[str, int] = {}
    for x in lijst:
        if veld is not None:
            sleutel = f"{veld}={_inhoud(x[veld])}"
        else:
            inhoud = _inhoud(x)
            keer[inhoud] = keer.get(inhoud, 0) + 1
            sleutel = f"{inhoud}#{keer[inhoud]}"
        uit[sleutel] = x
    return uit


def _tabellen(
    basis: list[dict[str, Any]],
    ons: list[dict[str, Any]],
    hun: list[dict[str, Any]],
    pad: str,
    c: list[Conflict],
) -> list[dict[str, Any]]:
    veld = _sleutelveld(basis, ons, hun)
    b, o, h = (_gesleuteld(x, veld) for x in (basis, ons, hun))

    volgorde = {s: i for i, s in enumerate({**b, **o, **h})}

    def plek(sleutel: str, x: dict[str, Any]) -> str:
        if veld is not None:
            return f"{pad}[{veld}={x[veld]}]"
        return f"{pad}[{volgorde[sleutel]}]"

    uit: list[dict[str, Any]] = []
    for sleutel, oud in b.items():
        waarde = _waarde(oud, o.get(sleutel, WEG), h.get(sleutel, WEG), plek(sleutel, oud), c)
        if waarde is not WEG:
            uit.append(waarde)
    nieuw = []
    later: list[dict[str, Any]] = []
    for sleutel in dict.fromkeys([*o, *h]):
        if sleutel in b:
            continue
        x = o[sleutel] if sleutel in o else h[sleutel]
        if veld == "nummer" and sleutel in o and sleutel in h and o[sleutel] != h[sleutel]:
            # both sides numbered a new entry alike (idea 3, feedback 3): both are kept;
            # the one whose content sorts first keeps the number, whichever side merges
            eerst, tweede = sorted((o[sleutel], h[sleutel]), key=_inhoud)
            nieuw.append(eerst)
            later.append(tweede)
            continue
        waarde = _waarde(WEG, o.get(sleutel, WEG), h.get(sleutel, WEG), plek(sleutel, x), c)
        nieuw.append(waarde)
    nieuw.sort(key=lambda x: (str(x.get("datum", "")), _inhoud(x)))
    if later:
        hoogste = max(
            (x["nummer"] for x in (*basis, *ons, *hun) if isinstance(x.get("nummer"), int)),
            default=0,
        )
        for i, x in enumerate(sorted(later, key=_inhoud), start=1):
            nieuw.append({**x, "nummer": hoogste + i})
    if veld == "nummer":
        # numbered entries stand in the order of their numbers (idea 1, 2, 3 …)
        return sorted(uit + nieuw, key=lambda x: (not isinstance(x["nummer"], int), x["nummer"]))
    return uit + nieuw
