"""Ids for the entries inside a file: log lines, measurements, bronnen, actions,
onderbouwing, history steps, and a besluit's notes and evaluations.

Two clones of a werkplaats each add entries to one file; git's merge then has to know
which entry is which, also after one of them was corrected. Every entry therefore
carries an ``id``. It is given where entries are stored, not by the domain (which
makes entries without one): an entry read or written without an id gets one made
from what it is (the file, the list, its content, and the how-manieth of that same
content it is). So the same entry gets the same id in every clone, also in a file
written before entries had ids, and a correction keeps the id the entry already had.
The numbers people type (log line 3) are not ids: they follow from the order.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from typing import Any

__all__ = ["LIJSTEN", "geef_ids", "zonder_ids"]

LIJSTEN: dict[str, tuple[str, ...]] = {
    "werkgroepen": (
        "logboek",
        "cycli[].bronnen",
        "cycli[].acties",
        "cycli[].onderbouwing",
        "cycli[].metingen",
        "cycli[].historie",
    ),
    "besluiten": ("historie", "implementaties", "evaluaties", "bijstellingen"),
    "ontwikkelagenda": ("aanvragen",),
    "bezoeken": ("bevindingen",),
}
"""Per folder, the lists whose entries carry an id (``[]``: every item of that list)."""


def _lijsten(data: dict[str, Any], pad: str) -> Iterator[tuple[str, list[Any]]]:
    """The lists at ``pad`` in ``data``, each with a label that says where it is."""
    naam, _haak, rest = pad.partition("[].")
    waarde = data.get(naam)
    if not isinstance(waarde, list):
        return
    if not rest:
        yield naam, waarde
        return
    for i, item in enumerate(waarde):
        if isinstance(item, dict):
            plek = item.get("nummer", i)
            for label, lijst in _lijsten(item, rest):
                yield f"{naam}[{plek}].{label}", lijst


def _inhoud(item: dict[str, Any]) -> str:
    # what the file holds: an empty field (None) is not written, so it does not count
    return json.dumps(
        {k: v for k, v in item.items() if k != "id" and v is not None},
        sort_keys=True,
        default=str,
        ensure_ascii=False,
    )


def _maak(sleutel: str) -> str:
    digest = hashlib.blake2b(sleutel.encode("utf-8"), digest_size=10).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:12]


def geef_ids(map_: str, id_: str, data: dict[str, Any]) -> dict[str, Any]:
    """Give every entry of ``data`` (a file of ``map_`` with id ``id_``) that has no id
    one (see the module); ``data`` is changed in place and returned."""
    for pad in LIJSTEN.get(map_, ()):
        for label, lijst in _lijsten(data, pad):
            bezet = {x["id"] for x in lijst if isinstance(x, dict) and isinstance(x.get("id"), str)}
            keer: dict[str, int] = {}
            for item in lijst:
                if not isinstance(item, dict):
                    continue
                inhoud = _inhoud(item)
                keer[inhoud] = keer.get(inhoud, 0) + 1
                if item.get("id") is not None:
                    continue
                n = keer[inhoud]
                nieuw = _maak(f"{map_}/{id_}/{label}/{inhoud}/{n}")
                while nieuw in bezet:
                    n += 1
                    nieuw = _maak(f"{map_}/{id_}/{label}/{inhoud}/{n}")
                item["id"] = nieuw
                bezet.add(nieuw)
    return data


def zonder_ids(obj: Any) -> Any:
    """``obj`` (a domain object) with the ids of its entries left out: for a
    pseudonymised export (an id is made from the entry's content) and to compare an
    object read back with one made in memory."""
    import attrs  # noqa: PLC0415 - not for ozc log, which writes without domain objects

    if isinstance(obj, tuple):
        return tuple(zonder_ids(x) for x in obj)
    if not attrs.has(type(obj)):
        return obj
    velden = {
        v.name: zonder_ids(getattr(obj, v.name))
        for v in attrs.fields(type(obj))
        if v.init and v.name != "id"
    }
    regel = any(v.name == "id" and v.metadata.get("regel") for v in attrs.fields(type(obj)))
    return attrs.evolve(obj, **velden, **({"id": None} if regel else {}))
