"""Merging a file of the werkplaats that two clones both changed, and choosing a side
where they conflict (``ozc git samenvoegen``, ``ozc conflict``; see docs/delen.md).

:func:`voeg_bestand_samen` is what git's merge driver runs: the three versions of one
file are merged field by field and entry by entry
(:mod:`onderzoekscyclus.opslag.samenvoegen`), and the result is checked as the domain
checks a file. A merge that only combines what each side did, but together describes a
state no sequence of operations leads to (a measurement after the evaluation the other
clone wrote), is not made: the file keeps this side's version and notes the other side
whole, with the reason, as a conflict for a person to decide.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.errors import InvalidValue, OnderzoekscyclusError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._paden import ROOTBESTAND
from onderzoekscyclus.opslag._toml import dumps_toml, lees_begrensd, loads_toml
from onderzoekscyclus.opslag.bestanden import SOORTEN, Opslag
from onderzoekscyclus.opslag.regelids import geef_ids
from onderzoekscyclus.opslag.samenvoegen import CONFLICTEN, WEG, Conflict, noteer, voeg_samen
from onderzoekscyclus.opslag.schema import lees_versie, migreer, versie_tekst
from onderzoekscyclus.opslag.schrijver import MAPPEN

__all__ = ["Samenvoeging", "conflicten_in", "kies", "soort_van", "voeg_bestand_samen"]

_KLASSE = {soort.map: klasse for klasse, soort in SOORTEN.items()}


class Samenvoeging(NamedTuple):
    """The merged bytes of a file and the conflicts noted in it (by their ``pad``;
    ``""`` is the file as a whole)."""

    inhoud: bytes
    conflicten: tuple[Conflict, ...]


def soort_van(pad: str) -> tuple[str | None, str | None]:
    """The folder and id of an entity file at ``pad`` (relative, with ``/``), or
    ``("", None)`` for the root file and ``(None, None)`` for any other file."""
    deel = PurePosixPath(pad.replace("\\", "/"))
    if deel.name == ROOTBESTAND:
        return "", None
    if deel.suffix == ".toml" and deel.parent.name in MAPPEN:
        return deel.parent.name, deel.stem
    return None, None


def _lees(inhoud: bytes, soort: str, label: str) -> dict[str, Any]:
    if not inhoud.strip():
        return {}
    data = loads_toml(inhoud)
    return migreer(soort, data, lees_versie(data))


def voeg_bestand_samen(
    basis: bytes, ons: bytes, hun: bytes, pad: str, *, vandaag: dt.date
) -> Samenvoeging:
    """Merge the three versions of the file at ``pad`` (``basis``: the common
    ancestor, empty when both sides added the file). Raises
    :class:`~onderzoekscyclus.errors.OnderzoekscyclusError` when a version cannot be
    read as TOML of this werkplaats: such a file is left to git and a person."""
    map_, id_ = soort_van(pad)
    soort = MAPPEN.get(map_ or "", "werkplaats" if map_ == "" else "bestand")
    b, o, h = (_lees(x, soort, pad) for x in (basis, ons, hun))
    if map_ and id_ is not None:
        # entries written before they had ids get theirs now, alike on every side
        for kant in (b, o, h):
            geef_ids(map_, id_, kant)
    uit, conflicten = voeg_samen(b, o, h)
    if map_ and id_ is not None:
        nieuw = _nieuwe_problemen(uit, o, h, map_, id_, pad, vandaag)
        if nieuw:
            uit = copy.deepcopy(o)
            reden = _("Samen beschrijven de twee versies iets wat niet kan: {wat}").format(
                wat="; ".join(nieuw)
            )
            hele = {k: v for k, v in h.items() if k != CONFLICTEN}
            conflicten = [Conflict("", WEG, WEG, hele, reden)]
            noteer(uit, conflicten)
    return Samenvoeging(dumps_toml({"schema": versie_tekst(), **uit}), tuple(conflicten))


def _problemen(
    data: dict[str, Any], map_: str, id_: str, label: str, vandaag: dt.date
) -> set[tuple[str, str]] | None:
    """The problems of ``data`` as an entity, or ``None`` when it is no valid entity."""
    schoon = {k: copy.deepcopy(v) for k, v in data.items() if k != CONFLICTEN}
    try:
        obj = Opslag.structureer(schoon, _KLASSE[map_], id_, label)
    except OnderzoekscyclusError:
        return None
    return {(p.code, p.tekst()) for p in samenhang.eigen_problemen(obj, vandaag=vandaag)}


def _nieuwe_problemen(
    uit: dict[str, Any],
    ons: dict[str, Any],
    hun: dict[str, Any],
    map_: str,
    id_: str,
    label: str,
    vandaag: dt.date,
) -> list[str]:
    """What is wrong with the merged entity that was wrong with neither side."""
    if not uit:
        return []
    na = _problemen(uit, map_, id_, label, vandaag)
    if na is None:
        return [_("het samengevoegde bestand is geen geldige {soort}").format(soort=MAPPEN[map_])]
    al = set()
    for kant in (ons, hun):
        if kant:
            al |= _problemen(kant, map_, id_, label, vandaag) or set()
    return sorted(tekst for code, tekst in na - al)


def conflicten_in(root: Path, bestanden: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every conflict a merge noted in the werkplaats at ``root`` (or in ``bestanden``,
    relative to it): each as stored, with ``bestand`` and the entity's ``naam`` added."""
    if bestanden is None:
        bestanden = [ROOTBESTAND] + [
            p.relative_to(root).as_posix()
            for map_ in MAPPEN
            for p in sorted((Path(root) / map_).glob("*.toml"))
        ]
    uit = []
    for bestand in bestanden:
        try:
            inhoud = lees_begrensd(Path(root) / bestand)
            data = loads_toml(inhoud) if b"conflicten" in inhoud else {}
        except (OSError, OnderzoekscyclusError):
            continue  # gone, or not readable: `ozc controleer` says what is wrong
        naam = str(data.get("naam") or data.get("titel") or Path(bestand).stem)
        uit += [
            {"bestand": bestand, "naam": naam, **c}
            for c in data.get(CONFLICTEN, [])
            if isinstance(c, dict)
        ]
    return uit


# --- choosing a side -------------------------------------------------------------------


def kies(data: dict[str, Any], kant: str, pad: str | None = None) -> dict[str, Any]:
    """``data`` with its conflict at ``pad`` (or every conflict) decided for ``kant``:
    ``ons`` keeps the value in the file, ``hun`` takes the other side's."""
    if kant not in ("ons", "hun"):
        raise InvalidValue(_("Kies 'ons' of 'hun', niet {kant!r}.").format(kant=kant), veld="kant")
    conflicten = list(data.get(CONFLICTEN, []))
    gekozen = [c for c in conflicten if pad is None or c.get("pad") == pad]
    if not gekozen:
        raise InvalidValue(
            _("Er is geen conflict op {pad}.").format(pad=pad)
            if pad is not None
            else _("Dit bestand heeft geen conflict om te beslissen."),
            veld="pad",
        )
    uit = {k: v for k, v in data.items() if k != CONFLICTEN}
    for conflict in gekozen:
        if kant == "hun":
            uit = _zet(uit, str(conflict.get("pad", "")), conflict.get("hun", WEG))
    over = [c for c in conflicten if c not in gekozen]
    if over:
        uit[CONFLICTEN] = over
    return uit


def _stappen(pad: str) -> list[tuple[str, str | None]]:
    """``cycli[nummer=2].fase`` as ``[("cycli", "nummer=2"), ("fase", None)]``."""
    uit: list[tuple[str, str | None]] = []
    for deel in pad.split("."):
        naam, _haak, rest = deel.partition("[")
        uit.append((naam, rest.rstrip("]") if rest else None))
    return uit


def _zet(data: dict[str, Any], pad: str, waarde: Any) -> dict[str, Any]:
    """``data`` with the value at ``pad`` replaced (removed for :data:`WEG`)."""
    if pad == "":
        return {} if waarde is WEG else copy.deepcopy(waarde)
    uit = copy.deepcopy(data)
    plek: Any = uit
    stappen = _stappen(pad)
    for i, (naam, kies_op) in enumerate(stappen):
        laatste = i == len(stappen) - 1
        if kies_op is None:
            if laatste:
                if waarde is WEG:
                    plek.pop(naam, None)
                else:
                    plek[naam] = copy.deepcopy(waarde)
                return uit
            plek = plek.setdefault(naam, {})
            continue
        veld, _is, gezocht = kies_op.partition("=")
        lijst = plek.setdefault(naam, [])
        nummer = next((k for k, x in enumerate(lijst) if str(x.get(veld)) == gezocht), None)
        if laatste:
            if nummer is not None and waarde is WEG:
                lijst.pop(nummer)
            elif nummer is not None:
                lijst[nummer] = copy.deepcopy(waarde)
            elif waarde is not WEG:
                lijst.append(copy.deepcopy(waarde))
            return uit
        if nummer is None:
            return uit  # the entry is gone: nothing to set inside it
        plek = lijst[nummer]
    return uit
