"""The rows the derived index holds for one file of the werkplaats.

A file is read with ``tomli`` and the standard library only, without building domain
objects: this is what ``ozc log`` and the index need, and it must stay quick. A file
that cannot be read gives the reason instead of rows; the index notes it and answers
without that file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._toml import controleer_grootte, loads_toml
from onderzoekscyclus.opslag.schema import lees_versie, migreer

__all__ = ["KOLOMMEN", "MAPPEN", "RIJEN", "TABELLEN", "Rijen", "ontleed"]

MAPPEN = ("scholen", "personen", "werkgroepen")
"""The folders the index holds rows of."""
_SOORT = {"scholen": "school", "personen": "persoon", "werkgroepen": "werkgroep"}

# the tables each folder fills, with the column that holds the file's id
TABELLEN = {
    "scholen": (("scholen", "id"), ("speerpunten", "school"), ("trots", "school")),
    "personen": (
        ("personen", "id"),
        ("expertise", "persoon"),
        ("interesses", "persoon"),
        ("groei", "persoon"),
    ),
    "werkgroepen": (
        ("werkgroepen", "id"),
        ("werkgroep_scholen", "werkgroep"),
        ("werkgroep_themas", "werkgroep"),
        ("leden", "werkgroep"),
        ("werkgroep_jaren", "werkgroep"),
    ),
}

Rijen = dict[str, list[tuple[Any, ...]]]
"""Rows per table."""

KOLOMMEN = {"werkgroep_scholen": ("werkgroep", "school", "volgorde")}
"""The columns a file's rows fill, for the tables that have more (which the index
derives itself, such as the names a table sorts on)."""

_KOP = re.compile(rb"\[\[?[a-z]+(?:\.[a-z]+)*\]\]?")
_BEWAAR = frozenset({b"[[leden]]", b"[[cycli]]", b"[cycli.evaluatie]", b"[[conflicten]]"})
# the sections left out whose dates say in which school years a werkgroep was active
_GEDATEERD = frozenset({b"[[logboek]]", b"[[cycli.historie]]", b"[[cycli.metingen]]"})
_DATUMREGEL = re.compile(rb"datum = ([0-9]{4}-[0-9]{2}-[0-9]{2})\r?")


def _zonder_ballast(inhoud: bytes) -> tuple[bytes, list[str] | None]:
    """A werkgroep file without the sections the index does not use (logboek, history…),
    and the dates of the dated sections it left out (see :func:`_jaren`).

    Only done when the file is plainly laid out (every line that starts with ``[`` is
    a simple table header, there are no multi-line strings, and every ``datum`` of a
    left-out section is a plain date), as ``ozc`` writes it; anything else is read
    whole, and ``None`` says the dates are still to be found in its data.
    """
    if b'"""' in inhoud or b"'''" in inhoud:
        return inhoud, None
    uit: list[bytes] = []
    datums: list[str] = []
    bewaar, gedateerd = True, False
    for regel in inhoud.split(b"\n"):
        if regel.startswith(b"["):
            kop = regel.rstrip(b"\r \t")
            if _KOP.fullmatch(kop) is None:
                return inhoud, None
            bewaar, gedateerd = kop in _BEWAAR, kop in _GEDATEERD
        if bewaar:
            uit.append(regel)
        elif gedateerd and regel.startswith(b"datum"):
            gevonden = _DATUMREGEL.fullmatch(regel)
            if gevonden is None:
                return inhoud, None
            datums.append(gevonden.group(1).decode())
    return b"\n".join(uit), datums


def _schooljaar(datum: Any, veld: str) -> int:
    """The year the school year of ``datum`` starts in (it runs from 1 August)."""
    if isinstance(datum, str):
        datum = dt.date.fromisoformat(datum)
    if not isinstance(datum, dt.date) or isinstance(datum, dt.datetime):
        raise ValueError(_("{veld}: verwacht een datum").format(veld=veld))
    return datum.year if datum.month >= 8 else datum.year - 1


def _jaren(data: dict[str, Any], datums: list[str] | None) -> list[int]:
    """The school years in which something of a werkgroep is dated: a logboek line, the
    start or a step of a cycle, a measurement (as the expertise overview counts them).
    ``datums``: those of the sections left out of ``data``, if any were."""
    cycli = [_tabel(c, "cycli") for c in _lijst(data.get("cycli", []), "cycli")]
    gevonden: list[Any] = list(datums or ())
    gevonden += [_tabel(r, "logboek")["datum"] for r in _lijst(data.get("logboek", []), "logboek")]
    for cyclus in cycli:
        if "gestart" in cyclus:
            gevonden.append(cyclus["gestart"])
        for deel in ("historie", "metingen"):
            gevonden += [_tabel(x, deel)["datum"] for x in _lijst(cyclus.get(deel, []), deel)]
    return sorted({_schooljaar(d, "datum") for d in gevonden})


def _tekst(waarde: Any, veld: str) -> str:
    if not isinstance(waarde, str):
        raise ValueError(_("{veld}: verwacht tekst").format(veld=veld))
    return waarde.strip()


def _optioneel(waarde: Any, veld: str) -> str | None:
    if waarde is None:
        return None
    return _tekst(waarde, veld) or None


def _lijst(waarde: Any, veld: str) -> list[Any]:
    if not isinstance(waarde, list):
        raise ValueError(_("{veld}: verwacht een lijst").format(veld=veld))
    return waarde


def _woorden(waarde: Any, veld: str) -> list[str]:
    """Like the model: trimmed, inner spacing collapsed, unique regardless of case."""
    gezien: dict[str, str] = {}
    for item in _lijst(waarde, veld):
        schoon = " ".join(_tekst(item, veld).split())
        if schoon:
            gezien.setdefault(schoon.casefold(), schoon)
    return sorted(gezien.values(), key=str.casefold)


def _conflicten(data: dict[str, Any]) -> int:
    """How many conflicts of a merge the file notes (see docs/delen.md)."""
    return len(_lijst(data.get("conflicten", []), "conflicten"))


def _tabel(waarde: Any, veld: str) -> dict[str, Any]:
    if not isinstance(waarde, dict):
        raise ValueError(_("{veld}: verwacht een tabel").format(veld=veld))
    return waarde


def ontleed(map_: str, id_: str, inhoud: bytes) -> Rijen | str:
    """The index rows of one file, or the reason it cannot be read."""
    try:
        controleer_grootte(inhoud)  # before the ballast goes: the file as a whole counts
        if map_ == "werkgroepen":
            licht, datums = _zonder_ballast(inhoud)
            data = loads_toml(licht)
            return _werkgroep_rijen(id_, migreer("werkgroep", data, lees_versie(data)), datums)
        data = loads_toml(inhoud)
        data = migreer(_SOORT[map_], data, lees_versie(data))
        return RIJEN[map_](id_, data)
    except OnderzoekscyclusError as fout:
        return fout.bericht
    except (ValueError, TypeError, KeyError, AttributeError) as fout:
        return str(fout) or type(fout).__name__


def _school_rijen(id_: str, data: dict[str, Any]) -> Rijen:
    naam = _tekst(data["naam"], "naam")
    profiel = _tabel(data.get("profiel", {}), "profiel")
    return {
        "scholen": [
            (
                id_,
                naam,
                vergelijkbaar(naam),
                _tekst(data["sector"], "sector").lower(),
                _optioneel(data.get("bestuur"), "bestuur"),
                _optioneel(data.get("cluster"), "cluster"),
                _optioneel(data.get("bevoegd_gezag"), "bevoegd_gezag"),
                _conflicten(data),
            )
        ],
        "speerpunten": [
            (id_, t, i)
            for i, t in enumerate(_woorden(profiel.get("speerpunten", []), "speerpunten"))
        ],
        # what the school is proud of, each text once (an ordered list in the file)
        "trots": [
            (id_, t, i)
            for i, t in enumerate(
                dict.fromkeys(
                    " ".join(_tekst(x, "trots").split())
                    for x in _lijst(profiel.get("trots", []), "trots")
                )
            )
            if t
        ],
    }


def _persoon_rijen(id_: str, data: dict[str, Any]) -> Rijen:
    naam = _tekst(data["naam"], "naam")
    rollen = sorted({_tekst(r, "rollen").lower() for r in _lijst(data.get("rollen", []), "rollen")})
    return {
        "personen": [
            (
                id_,
                naam,
                vergelijkbaar(naam),
                _optioneel(data.get("school"), "school"),
                ",".join(rollen),
                _optioneel(data.get("lectoraat"), "lectoraat"),
                _conflicten(data),
            )
        ],
        "expertise": [(id_, t) for t in _woorden(data.get("expertise", []), "expertise")],
        "interesses": [(id_, t) for t in _woorden(data.get("interesses", []), "interesses")],
        "groei": [
            (id_, t)
            for veld in ("ambities", "interesses")
            for t in _woorden(data.get(veld, []), veld)
        ],
    }


def _werkgroep_rijen(id_: str, data: dict[str, Any], datums: list[str] | None = None) -> Rijen:
    naam = _tekst(data["naam"], "naam")
    cycli = [_tabel(c, "cycli") for c in _lijst(data.get("cycli", []), "cycli")]
    laatste = cycli[-1] if cycli else None
    conclusie, conclusie_cyclus = None, None
    for cyclus in reversed(cycli):
        if cyclus.get("fase") == "afgerond" and "evaluatie" in cyclus:
            conclusie = _tekst(_tabel(cyclus["evaluatie"], "evaluatie")["conclusie"], "conclusie")
            conclusie_cyclus = cyclus.get("nummer")
            break
    scholen = [_tekst(s, "scholen") for s in _lijst(data["scholen"], "scholen")]
    leden = [_tabel(lid, "leden") for lid in _lijst(data.get("leden", []), "leden")]
    return {
        "werkgroepen": [
            (
                id_,
                naam,
                vergelijkbaar(naam),
                _tekst(data.get("soort", "leerteam"), "soort").lower(),
                laatste.get("nummer") if laatste else None,
                _tekst(laatste.get("fase", "aanleiding"), "fase") if laatste else None,
                int(bool(laatste.get("gepauzeerd", False))) if laatste else 0,
                conclusie,
                conclusie_cyclus,
                str(laatste.get("gestart")) if laatste and laatste.get("gestart") else None,
                _conflicten(data),
            )
        ],
        # each school once, as the werkgroep's own check demands of a valid file
        "werkgroep_scholen": [(id_, s, i) for i, s in enumerate(dict.fromkeys(scholen))],
        "werkgroep_themas": [(id_, t) for t in _woorden(data.get("themas", []), "themas")],
        "leden": [
            (
                id_,
                _tekst(lid["persoon"], "persoon"),
                _tekst(lid.get("rol", "lid"), "rol").lower(),
                i,
                _optioneel(lid.get("onderzoeksvraag"), "onderzoeksvraag"),
            )
            for i, lid in enumerate(leden)
        ],
        "werkgroep_jaren": [(id_, j) for j in _jaren(data, datums)],
    }


RIJEN: dict[str, Callable[[str, dict[str, Any]], Rijen]] = {
    "scholen": _school_rijen,
    "personen": _persoon_rijen,
    "werkgroepen": _werkgroep_rijen,
}
