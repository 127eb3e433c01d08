"""Loading instruments for zelfevaluatie: shipped, from the werkplaats, and from plugins.

Three places, later ones winning when two use the same id:

1. the package ships ``data/instrumenten/*.toml`` (the katern's two checklists);
2. a plugin distribution registers instruments in the entry-point group
   :data:`~onderzoekscyclus.plugins.INSTRUMENTEN` (``onderzoekscyclus.instrumenten``); the entry point's name is the
   instrument's id and it points at an :class:`~onderzoekscyclus.domein.zelfevaluatie.Instrument`,
   TOML text, a TOML file (a path or an ``importlib.resources`` file), or a function
   without arguments that returns one of these;
3. a werkplaats keeps its own in ``instrumenten/<id>.toml``.

An instrument file is checked as strictly as a werkplaats file; every problem names the
file and the path inside it. A plugin that cannot be loaded does not stop the others:
it becomes a warning that names it. ``ONDERZOEKSCYCLUS_GEEN_PLUGINS=1`` leaves plugins
out altogether.

The katern's steps and which of them fit a weak domain or item come from
``data/stappen.toml``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from onderzoekscyclus import plugins
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.domein.zelfevaluatie import Domein, Instrument, Item, Stap
from onderzoekscyclus.errors import FileFormatError, InvalidValue, OnderzoekscyclusError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._toml import loads_toml
from onderzoekscyclus.opslag.converter import fout_regels, structure
from onderzoekscyclus.opslag.invoer import lees_invoer
from onderzoekscyclus.opslag.schema import lees_versie, migreer

__all__ = [
    "MAP",
    "Catalogus",
    "laad_catalogus",
    "lees_instrument",
    "stappen",
]

MAP = "instrumenten"
"""The werkplaats folder for its own instruments."""

_PAKKET = "onderzoekscyclus"


@attrs.frozen
class Catalogus:
    """Every instrument that can be used, where each comes from, and what went wrong."""

    instrumenten: tuple[Instrument, ...]
    bronnen: Mapping[str, str] = attrs.field(factory=dict)
    """Per id: ``ingebouwd``, ``werkplaats`` or ``plugin <distribution>``."""
    waarschuwingen: tuple[str, ...] = ()

    def instrument(self, verwijzing: str) -> Instrument:
        """The instrument ``verwijzing`` (its id, name, or the start of either) points to."""
        return zoek(
            verwijzing,
            self.instrumenten,
            soort="instrument",
        )


def lees_instrument(
    inhoud: bytes | str, id_: str, label: str, *, koppeling: Mapping[str, Any] | None = None
) -> Instrument:
    """Parse and check one instrument file; ``id_`` is its file name without ``.toml``.

    Raises :class:`~onderzoekscyclus.errors.FileFormatError` whose lines name ``label``
    and the path inside the file (``instrumenten/x.toml @ $.domeinen[1].items[0].tekst: …``).
    """
    if isinstance(inhoud, str):
        inhoud = inhoud.encode("utf-8")
    try:
        if not is_geldig_id(id_):
            raise InvalidValue(
                _("'{id}' is geen geldige naam voor een instrument.").format(id=id_),
                _("Gebruik kleine letters, cijfers en koppeltekens, zoals 'teamscan-2026'."),
            )
        data = loads_toml(inhoud)
        data = migreer("instrument", data, lees_versie(data))
    except OnderzoekscyclusError as fout:
        plek = f"$.{fout.veld}" if isinstance(fout, InvalidValue) and fout.veld else "$"
        raise _fout(label, [f"{label} @ {plek}: {fout.bericht}"]) from None
    if "id" in data:
        raise _fout(
            label,
            [
                f"{label} @ $.id: "
                + _("het id is de bestandsnaam (zonder .toml) en staat niet in het bestand")
            ],
        )
    data["id"] = id_
    _vul_item_ids(data)
    try:
        instrument = structure(data, Instrument)
    except (BaseValidationError, OnderzoekscyclusError, ValueError, TypeError) as fout:
        raise _fout(label, [f"{label} @ {regel}" for regel in fout_regels(fout)]) from None
    return _koppel(instrument, koppeling or {})


def _fout(label: str, problemen: list[str]) -> FileFormatError:
    return FileFormatError(
        _("Instrument {bestand} kan niet gelezen worden:").format(bestand=label),
        problemen,
        _("Zie docs/zelfevaluatie.md voor de opbouw van een instrumentbestand."),
    )


def _vul_item_ids(data: dict[str, Any]) -> None:
    """Items without an id get ``<domein>-<n>``, numbered within their domain."""
    domeinen = data.get("domeinen")
    if not isinstance(domeinen, list):
        return
    for domein in domeinen:
        if not isinstance(domein, dict) or not isinstance(domein.get("id"), str):
            continue
        items = domein.get("items")
        if not isinstance(items, list):
            continue
        for n, item in enumerate(items, start=1):
            if isinstance(item, dict) and "id" not in item:
                item["id"] = f"{domein['id']}-{n}"


def _koppel(instrument: Instrument, koppeling: Mapping[str, Any]) -> Instrument:
    """Give domains and items without steps of their own the steps of ``koppeling``."""
    eigen = koppeling.get(instrument.id, {})
    per_domein = eigen.get("domeinen", {})
    per_item = eigen.get("items", {})

    def item(i: Item) -> Item:
        return i if i.stappen else attrs.evolve(i, stappen=tuple(per_item.get(i.id, ())))

    def domein(d: Domein) -> Domein:
        stappen = d.stappen or tuple(per_domein.get(d.id, ()))
        return attrs.evolve(d, stappen=stappen, items=tuple(item(i) for i in d.items))

    return attrs.evolve(instrument, domeinen=tuple(domein(d) for d in instrument.domeinen))


# --- the katern's steps -----------------------------------------------------------------


@attrs.frozen
class _Stappenbestand:
    stap: tuple[Stap, ...]
    koppeling: dict[str, dict[str, dict[str, tuple[int, ...]]]] = attrs.field(factory=dict)


@functools.cache
def _stappenbestand() -> _Stappenbestand:
    label = f"{_PAKKET}/data/stappen.toml"
    inhoud = (resources.files(_PAKKET) / "data" / "stappen.toml").read_bytes()
    data = loads_toml(inhoud)
    data = migreer("stappen", data, lees_versie(data))
    try:
        return structure(data, _Stappenbestand)
    except (BaseValidationError, OnderzoekscyclusError, ValueError, TypeError) as fout:
        raise _fout(label, [f"{label} @ {regel}" for regel in fout_regels(fout)]) from None


def stappen() -> dict[int, Stap]:
    """The katern's six steps, by number."""
    return {s.nummer: s for s in _stappenbestand().stap}


def _koppeling() -> Mapping[str, Any]:
    return _stappenbestand().koppeling


# --- the catalogue --------------------------------------------------------------------------


def _ingebouwd() -> list[tuple[Instrument, str]]:
    map_ = resources.files(_PAKKET) / "data" / MAP
    uit = []
    for bestand in sorted(map_.iterdir(), key=lambda b: b.name):
        if bestand.name.endswith(".toml"):
            id_ = bestand.name.removesuffix(".toml")
            label = f"{_PAKKET}/data/{MAP}/{bestand.name}"
            uit.append(
                (lees_instrument(bestand.read_bytes(), id_, label, koppeling=_koppeling()), "")
            )
    return uit


def _uit_plugin(naam: str, waarde: Any) -> Instrument:
    if callable(waarde) and not isinstance(waarde, Instrument):
        waarde = waarde()
    if isinstance(waarde, Instrument):
        if waarde.id != naam:
            raise InvalidValue(
                _("het instrument heet '{id}', maar het entry point '{naam}'").format(
                    id=waarde.id, naam=naam
                )
            )
        return waarde
    if hasattr(waarde, "read_bytes"):
        waarde = waarde.read_bytes()
    if isinstance(waarde, str | bytes):
        return lees_instrument(waarde, naam, f"plugin {naam}", koppeling=_koppeling())
    raise InvalidValue(
        _("verwacht een Instrument, TOML-tekst of een TOML-bestand, maar kreeg {soort}").format(
            soort=type(waarde).__name__
        )
    )


def _plugins(omgeving: Mapping[str, str]) -> tuple[list[tuple[Instrument, str]], list[str]]:
    geladen = plugins.laad(plugins.INSTRUMENTEN, omgeving=omgeving)
    gevonden: list[tuple[Instrument, str]] = []
    waarschuwingen = list(geladen.waarschuwingen)
    for plugin in geladen.plugins:
        if plugin.naam not in geladen.objecten:
            continue  # it did not load; laad already warned
        try:
            instrument = _uit_plugin(plugin.naam, geladen.objecten[plugin.naam])
        except Exception as fout:  # a broken plugin must not stop the rest
            reden = str(fout) if isinstance(fout, OnderzoekscyclusError) else repr(fout)
            waarschuwingen.append(
                _("Instrument '{naam}' uit plugin {plugin} is overgeslagen: {reden}").format(
                    naam=plugin.naam, plugin=plugin.distributie, reden=reden
                )
            )
            continue
        gevonden.append((instrument, f"plugin {plugin.distributie}"))
    return gevonden, waarschuwingen


def _eigen(root: Path) -> list[tuple[Instrument, str]]:
    map_ = root / MAP
    if not map_.is_dir():
        return []
    uit = []
    for pad in sorted(map_.glob("*.toml")):
        label = f"{MAP}/{pad.name}"
        instrument = lees_instrument(
            lees_invoer(pad, label), pad.stem, label, koppeling=_koppeling()
        )
        uit.append((instrument, "werkplaats"))
    return uit


def laad_catalogus(
    root: Path | None = None, *, omgeving: Mapping[str, str] | None = None
) -> Catalogus:
    """Every instrument: shipped, from plugins, and from ``root/instrumenten/``.

    A broken instrument file in the werkplaats raises
    :class:`~onderzoekscyclus.errors.FileFormatError` (it is the user's own file, to be
    fixed); a broken plugin becomes one of the catalogue's ``waarschuwingen``.
    """
    omgeving = os.environ if omgeving is None else omgeving
    per_id: dict[str, tuple[Instrument, str]] = {}
    bron_namen = {"": _("ingebouwd"), "werkplaats": _("werkplaats")}
    van_plugins, waarschuwingen = _plugins(omgeving)
    for instrument, bron in [
        *_ingebouwd(),
        *van_plugins,
        *(_eigen(root) if root is not None else []),
    ]:
        per_id[instrument.id] = (instrument, bron_namen.get(bron, bron))
    gesorteerd = sorted(per_id.values(), key=lambda ib: ib[0].id)
    return Catalogus(
        instrumenten=tuple(i for i, _b in gesorteerd),
        bronnen={i.id: b for i, b in gesorteerd},
        waarschuwingen=tuple(waarschuwingen),
    )
