"""The work of ``controleer`` on one file at a time: read it, check it on its own, and
note what other files' checks need of it.

This is what :mod:`onderzoekscyclus.api.controle` spreads over processes when many
files are to be read, so everything crosses a process boundary as plain tuples: a
:class:`Taak` in, an :class:`Uitslag` out, and one :class:`Context` per process (the
werkplaats, today, the language, and which entities exist as far as is known when the
work starts). References to a cycle by number are not resolved here: which cycles a
werkgroep has may be read in another process; the caller resolves them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Container, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.errors import FileFormatError, OnderzoekscyclusError
from onderzoekscyclus.i18n import _, in_taal
from onderzoekscyclus.opslag._toml import lees_begrensd
from onderzoekscyclus.opslag.bestanden import SOORTEN, Opslag
from onderzoekscyclus.opslag.indexcontrole import Indexblik, verwachte_rijen
from onderzoekscyclus.opslag.schema import Migratie
from onderzoekscyclus.opslag.schrijver import Schrijver

__all__ = [
    "Context",
    "Taak",
    "Uitslag",
    "conflictregels",
    "lees",
    "lees_in_proces",
    "regels_van",
    "start",
]

_KLASSE = {soort.map: klasse for klasse, soort in SOORTEN.items()}


class Taak(NamedTuple):
    """A file to read: its folder and id, the time and size seen when the folder was
    listed, and the hash of its bytes the last time (the same bytes need no new look)."""

    map: str
    id: str
    mtime_ns: int
    grootte: int
    hash: str | None = None


class Context(NamedTuple):
    """What every file of one run is checked against: the werkplaats ``root``, today,
    the language of the lines, the ids that exist per kind of entity (``school``,
    ``persoon``, ``werkgroep``) as far as is known, the migrations (``None``: the
    standard ones) and whether to compare each file with the derived index
    (``met_index``)."""

    root: str
    vandaag: dt.date
    taal: str
    bestaat: Mapping[str, Container[str]]
    migraties: Mapping[tuple[str, int], Migratie] | None = None
    met_index: bool = False


class Uitslag(NamedTuple):
    """What one file gave.

    ``staat``: ``ok`` (read and checked), ``fout`` (the file cannot be read as an
    entity: ``leesregels`` say why), ``systeem`` (the system would not let it be read:
    look again next time), ``weg`` (it disappeared) or ``zelfde`` (its bytes are those
    of the last time: nothing was read further). For a file that is ``ok``:
    ``verwijzingen`` are the lines of its references to what does not exist,
    ``eigen`` the lines of its own problems, and the rest its
    :class:`~onderzoekscyclus.domein.samenhang.Kenmerken` as other files need them.
    ``index_wijkt_af``: its rows in the index differ from what it gives.
    """

    map: str
    id: str
    staat: str
    hash: str | None = None
    leesregels: tuple[str, ...] = ()
    verwijzingen: tuple[str, ...] = ()
    eigen: tuple[str, ...] = ()
    naam: str | None = None
    brin: str | None = None
    scholen: tuple[str, ...] = ()
    cycli: tuple[int, ...] = ()
    doelen: tuple[tuple[str, str], ...] = ()
    sleutels: tuple[str, ...] = ()
    cyclusverwijzingen: tuple[tuple[str, str, int], ...] = ()
    laatste: str | None = None
    index_wijkt_af: bool = False


def lees(context: Context, taken: Sequence[Taak], blik: Indexblik | None = None) -> list[Uitslag]:
    """Read and check the files of ``taken``, in order; ``blik`` is the look at the
    index to compare with (by default one for this call, when ``context`` asks)."""
    with in_taal(context.taal):
        if blik is not None or not context.met_index:
            return _Lezer(context, blik).lees(taken)
        with Indexblik(Path(context.root)) as eigen:
            return _Lezer(context, eigen).lees(taken)


_PROCES: tuple[Context, Indexblik | None] | None = None
"""The context of a worker process and its look at the index (set once, by :func:`start`)."""


def start(context: Context) -> None:
    """Begin a worker process: every :func:`lees_in_proces` in it uses ``context``."""
    global _PROCES  # noqa: PLW0603 - one context per worker process, set as it starts
    _PROCES = (context, Indexblik(Path(context.root)) if context.met_index else None)


def lees_in_proces(taken: Sequence[Taak]) -> list[Uitslag]:
    """:func:`lees` in a worker process begun with :func:`start`."""
    assert _PROCES is not None
    context, blik = _PROCES
    return lees(context, taken, blik)


class _Lezer:
    def __init__(self, context: Context, blik: Indexblik | None) -> None:
        self.context = context
        self.blik = blik
        self.root = Path(context.root)
        self.schrijver = (
            Schrijver(self.root)
            if context.migraties is None
            else Schrijver(self.root, migraties=context.migraties)
        )

    def lees(self, taken: Sequence[Taak]) -> list[Uitslag]:
        vergelijk: dict[tuple[str, str], tuple[bytes, dict[str, Any] | None]] = {}
        blik = self.blik
        te_vergelijken = self._te_vergelijken(blik, taken)
        uit = [self._lees_een(taak, te_vergelijken, vergelijk) for taak in taken]
        if blik is not None and vergelijk:
            afwijkend = self._wijken_af(blik, vergelijk)
            uit = [
                u._replace(index_wijkt_af=True) if (u.map, u.id) in afwijkend else u for u in uit
            ]
        return uit

    @staticmethod
    def _te_vergelijken(blik: Indexblik | None, taken: Sequence[Taak]) -> set[tuple[str, str]]:
        if blik is None or not blik.beschikbaar:
            return set()
        per_map: dict[str, dict[str, tuple[int, int]]] = {}
        for taak in taken:
            per_map.setdefault(taak.map, {})[taak.id] = (taak.mtime_ns, taak.grootte)
        return {(m, i) for m, stats in per_map.items() for i in blik.te_vergelijken(m, stats)}

    @staticmethod
    def _wijken_af(
        blik: Indexblik, vergelijk: Mapping[tuple[str, str], tuple[bytes, dict[str, Any] | None]]
    ) -> set[tuple[str, str]]:
        per_map: dict[str, dict[str, Any]] = {}
        for (m, i), (inhoud, data) in vergelijk.items():
            per_map.setdefault(m, {})[i] = verwachte_rijen(m, i, inhoud, data)
        return {(m, i) for m, verwacht in per_map.items() for i in blik.wijken_af(m, verwacht)}

    def _lees_een(
        self,
        taak: Taak,
        te_vergelijken: Container[tuple[str, str]],
        vergelijk: dict[tuple[str, str], tuple[bytes, dict[str, Any] | None]],
    ) -> Uitslag:
        map_, id_ = taak.map, taak.id
        label = f"{map_}/{id_}.toml"
        try:
            inhoud = lees_begrensd(self.root / map_ / f"{id_}.toml")
        except FileNotFoundError:
            return Uitslag(map_, id_, "weg")
        except OnderzoekscyclusError as fout:  # no regular file
            return Uitslag(map_, id_, "fout", leesregels=tuple(regels_van(fout, label)))
        except OSError as fout:
            return Uitslag(map_, id_, "systeem", leesregels=(systeemregel(label, fout),))
        hash_ = hashlib.blake2b(inhoud, digest_size=16).hexdigest()
        if hash_ == taak.hash:
            return Uitslag(map_, id_, "zelfde", hash_)
        if (map_, id_) in te_vergelijken and not self._onveranderd(taak):
            te_vergelijken = ()  # changed since the folder was listed: the index reads it too
        klasse = _KLASSE[map_]
        data: dict[str, Any] | None = None
        try:
            data = self.schrijver.ontleed(inhoud, SOORTEN[klasse].naam, label)
            conflicten = conflictregels(data, label)
            obj = Opslag.structureer(data, klasse, id_, label)
        except OnderzoekscyclusError as fout:
            if (map_, id_) in te_vergelijken:
                vergelijk[map_, id_] = (inhoud, None)
            return Uitslag(map_, id_, "fout", hash_, leesregels=tuple(regels_van(fout, label)))
        if (map_, id_) in te_vergelijken:
            vergelijk[map_, id_] = (inhoud, data if self.context.migraties is None else None)
        uitslag = self._uitslag(taak, hash_, obj, label)
        return uitslag._replace(eigen=(*conflicten, *uitslag.eigen)) if conflicten else uitslag

    def _onveranderd(self, taak: Taak) -> bool:
        """Whether the file still has the time and size it had when it was listed."""
        try:
            stat = (self.root / taak.map / f"{taak.id}.toml").stat()
        except OSError:
            return False
        return (stat.st_mtime_ns, stat.st_size) == (taak.mtime_ns, taak.grootte)

    def _uitslag(self, taak: Taak, hash_: str, obj: samenhang.Entiteit, label: str) -> Uitslag:
        deel = samenhang.kenmerken(obj)
        verwijzingen = samenhang.onbekende_verwijzingen(deel, self.context.bestaat)
        eigen = samenhang.eigen_problemen(obj, vandaag=self.context.vandaag)
        laatste = samenhang.laatste_datum(obj)
        return Uitslag(
            taak.map,
            taak.id,
            "ok",
            hash_,
            verwijzingen=tuple(f"{label} @ {p.pad}: {p.tekst()}" for p in verwijzingen),
            eigen=tuple(f"{label} @ {p.pad}: {p.tekst()}" for p in eigen),
            naam=deel.naam or None,
            brin=deel.brin or None,
            scholen=deel.scholen,
            cycli=deel.cycli,
            doelen=tuple(sorted(deel.doelen())),
            sleutels=samenhang.sleutels(deel),
            cyclusverwijzingen=deel.cyclusverwijzingen,
            laatste=laatste.isoformat() if laatste else None,
        )


def conflictregels(data: Mapping[str, Any], label: str) -> tuple[str, ...]:
    """A line for every conflict a merge noted in the file, with the way out."""
    uit = []
    for conflict in data.get("conflicten", []):
        pad = str(conflict.get("pad", "")) if isinstance(conflict, dict) else ""
        if pad:
            uit.append(
                _(
                    "{bestand} @ {pad}: conflict van het samenvoegen: hier {ons}, in de andere "
                    "kopie {hun}. Kies met `ozc conflict kies {bestand} ons --pad {pad}` of `hun`."
                ).format(
                    bestand=label,
                    pad=pad,
                    ons=_kort(conflict.get("ons")),
                    hun=_kort(conflict.get("hun")),
                )
            )
        else:
            reden = conflict.get("reden", "") if isinstance(conflict, dict) else ""
            uit.append(
                _(
                    "{bestand}: conflict van het samenvoegen: de twee kopieën zijn niet samen "
                    "te voegen ({reden}). Kies een van beide met `ozc conflict kies {bestand} "
                    "ons` of `hun`."
                ).format(bestand=label, reden=reden)
            )
    return tuple(uit)


def _kort(waarde: Any) -> str:
    if waarde is None:
        return _("(weg)")
    tekst = str(waarde)
    return repr(tekst if len(tekst) <= 60 else tekst[:57] + "…")


def regels_van(fout: OnderzoekscyclusError, label: str) -> list[str]:
    """The lines of a file that cannot be read: every problem listed (each names the
    file and the field), or else the message, starting with the file's name."""
    if isinstance(fout, FileFormatError) and fout.problemen:
        return list(fout.problemen)
    tekst = fout.bericht
    return [tekst if tekst.startswith(label) else f"{label}: {tekst}"]


def systeemregel(label: str, fout: OSError) -> str:
    """The line of a file the system would not let be read (no permission, a disk
    error), with the way out."""
    if isinstance(fout, PermissionError):
        return _(
            "{bestand}: dit bestand mag niet gelezen worden (geen toestemming). Geef "
            "leesrechten op het bestand, of haal het uit de werkplaats."
        ).format(bestand=label)
    return _(
        "{bestand}: het bestand kan niet gelezen worden ({fout}). Controleer de schijf "
        "of de verbinding en probeer het opnieuw."
    ).format(bestand=label, fout=fout.strerror or type(fout).__name__)
