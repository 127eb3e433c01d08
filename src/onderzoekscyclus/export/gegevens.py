"""What an exporter gets: the selected data, and the protocol an exporter follows.

This module and :mod:`onderzoekscyclus.export` are the public interface for export
plugins; everything a plugin needs is re-exported from :mod:`onderzoekscyclus.export`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import attrs

from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.errors import InvalidValue, UnknownReference
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.bestanden import SOORTEN
from onderzoekscyclus.opslag.converter import unstructure

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped]

    from onderzoekscyclus.api.werkplaats import Werkplaats

__all__ = [
    "MAPPEN",
    "Exporteur",
    "Exportgegevens",
    "Exportresultaat",
    "Selectie",
    "als_data",
    "kies_selectie",
    "verzamel",
]

MAPPEN: dict[str, str] = {s.map: s.naam for s in SOORTEN.values()}
"""Every kind of entity an export holds: its folder (``werkgroepen``) and its name
in the singular (``werkgroep``), in the order of the werkplaats."""


def als_data(obj: Any) -> dict[str, Any]:
    """Plain data (dicts, lists, text, numbers, dates) for any object of the library, as
    the JSON export and the werkplaats files hold it."""
    return unstructure(obj)


SelectieSoort = Literal["alles", "school", "werkgroep", "besluit"]


@runtime_checkable
class Exporteur(Protocol):
    """What an export format provides.

    ``soort`` is ``"bestand"`` for one file (``extensie`` such as ``".json"``) or
    ``"map"`` for a folder of files. ``tekst`` says whether the file is text, so that
    it may go to standard output when no ``--uit`` is given. ``beschrijving`` may be a
    plain attribute or a property (one that follows the current language).
    """

    @property
    def beschrijving(self) -> str:
        """What the format is for, in words."""

    extensie: str
    soort: Literal["bestand", "map"]
    tekst: bool

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        """Write the export to ``doel`` (a file, or an existing empty folder)."""


@attrs.frozen
class Selectie:
    """What to export: everything, or one school, werkgroep or besluit (by id)."""

    soort: SelectieSoort = "alles"
    id: str | None = None
    naam: str | None = None


@attrs.frozen
class Exportgegevens:
    """The selected (and, on request, pseudonymised) data an exporter writes.

    ``entiteiten`` holds every kind of entity by its werkplaats folder (``scholen``,
    ``personen``, ``werkgroepen``, ``besluiten``, ``zelfevaluaties``, …), so an
    exporter that walks it covers kinds added later without a change.
    """

    werkplaats_naam: str
    selectie: Selectie
    entiteiten: Mapping[str, tuple[Any, ...]]
    pseudoniem: bool
    datum: dt.date
    werkplaats: Werkplaats = attrs.field(eq=False, repr=False)
    persoon_ids: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    """Pseudonymised: each id in the werkplaats that was replaced (every person's, and a
    werkgroep's or besluit's whose name holds a person's name), with the id it has here."""
    schoon: Callable[[str], str] = attrs.field(default=lambda t: t, repr=False, eq=False)
    """Pseudonymised: what an exporter applies to any text it takes from elsewhere than
    ``entiteiten`` (the werkplaats itself), so that no personal datum gets in; otherwise
    it returns the text as it is."""
    namen: Mapping[str, str] = attrs.field(repr=False, eq=False)
    """Display names of every entity in the selection by id (built once)."""

    @namen.default
    def _namen_standaard(self) -> dict[str, str]:
        namen: dict[str, str] = {}
        for objecten in self.entiteiten.values():
            for obj in objecten:
                naam = getattr(obj, "naam", None) or getattr(obj, "titel", None)
                if isinstance(naam, str):
                    namen[obj.id] = naam
        return namen

    @property
    def scholen(self) -> tuple[School, ...]:
        return self.entiteiten.get("scholen", ())

    @property
    def personen(self) -> tuple[Persoon, ...]:
        return self.entiteiten.get("personen", ())

    @property
    def werkgroepen(self) -> tuple[Werkgroep, ...]:
        return self.entiteiten.get("werkgroepen", ())

    @property
    def besluiten(self) -> tuple[Any, ...]:
        return self.entiteiten.get("besluiten", ())

    @property
    def zelfevaluaties(self) -> tuple[Any, ...]:
        return self.entiteiten.get("zelfevaluaties", ())

    @property
    def ontwikkelagenda(self) -> tuple[Any, ...]:
        """The speerpunten of the ontwikkelagenda in the selection.

        .. versionadded:: 0.2.0
        """
        return self.entiteiten.get("ontwikkelagenda", ())

    def naam(self, id_: str | None) -> str:
        """The name of a school, person, werkgroep or besluit by id (pseudonym for a
        person when pseudonymised); the id itself when it is not in the selection."""
        if id_ is None:
            return ""
        return self.namen.get(id_, id_)

    def graaf(self) -> nx.Graph:
        """The themanetwerk of the selection, with (pseudonymised) names on the nodes.

        Nodes and edges as :meth:`onderzoekscyclus.api.netwerk.Themanetwerk.graaf`; schools,
        werkgroepen and persons outside the selection are left out, and so are themes
        that nothing in the selection connects to.
        """
        import networkx as nx  # noqa: PLC0415

        volledig = self.werkplaats.netwerk.graaf()
        if self.pseudoniem:
            volledig = nx.relabel_nodes(
                volledig,
                {
                    k: (
                        k[0],
                        self.persoon_ids.get(k[1], k[1]) if k[0] != "thema" else self.schoon(k[1]),
                    )
                    for k in volledig
                },
            )
            for _knoop, attributen in volledig.nodes(data=True):
                for sleutel, waarde in list(attributen.items()):
                    if isinstance(waarde, str):
                        attributen[sleutel] = self.schoon(waarde)
        gekozen = {
            (soort, obj.id)
            for soort, map_ in (("school", "scholen"), ("werkgroep", "werkgroepen"))
            for obj in self.entiteiten.get(map_, ())
        } | {("persoon", p.id) for p in self.personen}
        houden = set(gekozen)
        for knoop in gekozen:
            if knoop in volledig:
                houden.update(b for b in volledig[knoop] if b[0] == "thema")
        # broader themes of kept themes stay, so the hierarchy is complete
        rand = [k for k in houden if k[0] == "thema"]
        while rand:
            knoop = rand.pop()
            for buur in volledig[knoop]:
                if buur[0] == "thema" and buur not in houden:
                    rel = volledig.edges[knoop, buur].get("relatie")
                    if rel == "breder":
                        houden.add(buur)
                        rand.append(buur)
        graaf = volledig.subgraph(k for k in houden if k in volledig).copy()
        for soort, id_ in graaf.nodes:
            if soort != "thema":
                graaf.nodes[soort, id_]["naam"] = self.naam(id_)
        return graaf


@attrs.frozen
class Exportresultaat:
    """Where an export went and what it holds."""

    formaat: str
    pad: Path | None
    aantallen: Mapping[str, int]
    pseudoniem: bool


# --- selecting --------------------------------------------------------------------------


def kies_selectie(
    werkplaats: Werkplaats,
    *,
    school: str | None = None,
    werkgroep: str | None = None,
    besluit: str | None = None,
) -> Selectie:
    """The selection that a school, werkgroep or besluit reference points to (at most
    one of them); without any, the whole werkplaats."""
    gekozen = [
        (s, w) for s, w in (("school", school), ("werkgroep", werkgroep), ("besluit", besluit)) if w
    ]
    if len(gekozen) > 1:
        raise InvalidValue(
            _("Kies één selectie: {opties}.").format(
                opties=", ".join(f"{soort} {waarde}" for soort, waarde in gekozen)
            ),
            _("Kies een school, een werkgroep óf een besluit; zonder keuze gaat alles mee."),
            veld="selectie",
        )
    if not gekozen:
        return Selectie()
    soort, verwijzing = gekozen[0]
    if soort == "school":
        gevonden: Any = werkplaats.scholen.zoek(verwijzing)
        return Selectie("school", gevonden.id, gevonden.naam)
    if soort == "werkgroep":
        gevonden = werkplaats.werkgroepen.zoek(verwijzing)
        return Selectie("werkgroep", gevonden.id, gevonden.naam)
    gevonden = werkplaats.besluitvorming.zoek(verwijzing)
    return Selectie("besluit", gevonden.id, gevonden.titel)


def _teksten(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, Mapping):
        for waarde in data.values():
            yield from _teksten(waarde)
    elif isinstance(data, list | tuple):
        for waarde in data:
            yield from _teksten(waarde)


def _verwijst_naar(obj: Any, ids: set[str]) -> bool:
    return any(t in ids for t in _teksten(unstructure(obj)))


def verzamel(werkplaats: Werkplaats, selectie: Selectie) -> dict[str, tuple[Any, ...]]:
    """Every entity of the selection, by werkplaats folder, sorted by id.

    A school brings its werkgroepen and the persons of the school; a werkgroep its
    schools; a besluit its werkgroep and that werkgroep's schools. Every other entity
    that refers to a selected one comes along (the besluiten and zelfevaluaties of a
    school), and so does every person that a selected entity refers to.
    """
    alles: dict[str, list[Any]] = {
        soort.map: werkplaats.opslag.alle(klasse) for klasse, soort in SOORTEN.items()
    }
    if selectie.soort == "alles":
        return {m: tuple(sorted(objs, key=lambda o: o.id)) for m, objs in alles.items()}
    per_id = {obj.id: (m, obj) for m, objs in alles.items() for obj in objs}
    if selectie.id is None or selectie.id not in per_id:
        raise UnknownReference(_("'{id}' staat niet in de werkplaats.").format(id=selectie.id))
    gezocht: str = selectie.id
    kern: set[str] = {gezocht}
    _map, object_ = per_id[gezocht]
    if selectie.soort == "school":
        kern |= {w.id for w in alles["werkgroepen"] if selectie.id in w.scholen}
    elif selectie.soort == "werkgroep":
        kern |= set(object_.scholen)
    elif selectie.soort == "besluit":
        groep = getattr(object_, "werkgroep", None)
        if isinstance(groep, str) and groep in per_id:
            kern.add(groep)
            kern |= set(per_id[groep][1].scholen)
        school = getattr(object_, "school", None)
        if isinstance(school, str) and school in per_id:
            kern.add(school)
    gekozen: set[str] = set(kern)
    if selectie.soort in ("school", "werkgroep"):
        # what refers to the selected school or werkgroep: its besluiten, zelfevaluaties
        basis = {gezocht} if selectie.soort == "werkgroep" else kern
        for m, objs in alles.items():
            if m in ("scholen", "werkgroepen", "personen"):
                continue
            gekozen |= {o.id for o in objs if _verwijst_naar(o, basis)}
    if selectie.soort == "school":
        gekozen |= {p.id for p in alles["personen"] if p.school == gezocht}
    persoon_ids = {p.id for p in alles["personen"]}
    for id_ in list(gekozen):
        gekozen |= {t for t in _teksten(unstructure(per_id[id_][1])) if t in persoon_ids}
    return {
        m: tuple(sorted((o for o in objs if o.id in gekozen), key=lambda o: o.id))
        for m, objs in alles.items()
    }
