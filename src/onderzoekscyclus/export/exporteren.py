"""Exporting a werkplaats: selecting, pseudonymising and writing through an exporter.

An **exporter** is any object with the attributes and method of :class:`Exporteur`,
registered as an entry point in the group ``onderzoekscyclus.exporteurs``
(:data:`onderzoekscyclus.plugins.EXPORTEURS`); the entry point's name is the format's
name (``json``, ``ics``). The entry point may point at the exporter itself or at a class
that is called without arguments. The built-in ``json``, ``csv`` and ``markdown``
register the same way.

:func:`exporteer` does everything around the exporter:

1. it **selects**: the whole werkplaats, one school, one werkgroep or one besluit, with
   what they refer to (the schools of a werkgroep, the persons mentioned);
2. it **pseudonymises** on request: every person's name is replaced by a stable keyed
   pseudonym (HMAC-SHA-256 of the person's id with a key), in the ``personen`` and in
   every free text where the full name, or a part of it, occurs as a word. Names of
   outsiders (a parent who gave feedback) go the same way. The key is fresh for every
   export unless one is given, and it is never written into the export;
3. it **writes safely**: the exporter writes into a temporary path next to the target,
   which replaces the target only when the exporter finished. An exporter that fails
   leaves nothing behind.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import hashlib
import hmac
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import attrs

from onderzoekscyclus import klok, plugins
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.errors import (
    ExportFailed,
    InvalidValue,
    OnderzoekscyclusError,
    UnknownReference,
)
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.bestanden import SOORTEN
from onderzoekscyclus.opslag.converter import unstructure

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped]

    from onderzoekscyclus.api.werkplaats import Werkplaats

__all__ = [
    "Exporteur",
    "Exportgegevens",
    "Exportresultaat",
    "Selectie",
    "exporteer",
    "exporteurs",
    "kapotte_exporteurs",
    "kies_exporteur",
    "korte_datum",
    "lange_datum",
    "pseudoniem",
    "pseudoniem_id",
    "pseudonimiseer",
    "verzamel",
]

_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_AFKORTINGEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def lange_datum(datum: dt.date) -> str:
    """A date as Dutch readers write it in an export: ``3 februari 2026``."""
    return f"{datum.day} {_MAANDEN[datum.month - 1]} {datum.year}"


def korte_datum(datum: dt.date) -> str:
    """The short Dutch form for tight spaces (chart labels): ``8 mrt 2026``."""
    return f"{datum.day} {_AFKORTINGEN[datum.month - 1]} {datum.year}"


SelectieSoort = Literal["alles", "school", "werkgroep", "besluit"]


@runtime_checkable
class Exporteur(Protocol):
    """What an export format provides.

    ``soort`` is ``"bestand"`` for one file (``extensie`` such as ``".json"``) or
    ``"map"`` for a folder of files. ``tekst`` says whether the file is text, so that
    it may go to standard output when no ``--uit`` is given.
    """

    beschrijving: str
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
    """Pseudonymised: each person's id in the werkplaats and the id it has here."""
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

        from onderzoekscyclus.api.netwerk import Themanetwerk  # noqa: PLC0415

        volledig = Themanetwerk.open(self.werkplaats).graaf()
        if self.persoon_ids:
            volledig = nx.relabel_nodes(
                volledig,
                {
                    k: ("persoon", self.persoon_ids[k[1]])
                    for k in volledig
                    if k[0] == "persoon" and k[1] in self.persoon_ids
                },
            )
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


# --- finding exporters ------------------------------------------------------------------


def _instantie(object_: Any) -> Any:
    return object_() if isinstance(object_, type) else object_


def _exporteurs() -> tuple[dict[str, Exporteur], dict[str, str]]:
    """Every usable export format by name, and why each unusable one is not."""
    geladen = plugins.laad(plugins.EXPORTEURS)
    uit: dict[str, Exporteur] = {}
    kapot = dict(geladen.fouten)
    for naam, object_ in sorted(geladen.objecten.items()):
        try:
            exporteur = _instantie(object_)
        except Exception as fout:
            kapot[naam] = _("Plugin '{naam}' is niet geladen: {reden}").format(
                naam=naam, reden=fout
            )
            continue
        if not isinstance(exporteur, Exporteur):
            kapot[naam] = _(
                "Plugin '{naam}' is geen exporteur: hij mist beschrijving, extensie, "
                "soort, tekst of schrijf()."
            ).format(naam=naam)
            continue
        uit[naam] = exporteur
    return uit, kapot


def exporteurs() -> tuple[dict[str, Exporteur], tuple[str, ...]]:
    """Every export format by name, and warnings for plugins that could not be loaded."""
    uit, kapot = _exporteurs()
    laden = plugins.laad(plugins.EXPORTEURS).waarschuwingen
    return uit, (*laden, *(w for w in kapot.values() if w not in laden))


def kapotte_exporteurs() -> dict[str, str]:
    """Why each export format that a plugin offers cannot be used, by format name."""
    return _exporteurs()[1]


def kies_exporteur(formaat: str) -> Exporteur:
    """The exporter of ``formaat``; an error listing the formats when there is none."""
    gevonden, kapot = _exporteurs()
    if formaat in gevonden:
        return gevonden[formaat]
    if formaat in kapot:
        raise ExportFailed(kapot[formaat], hint=_("Zie `ozc plugins`."))
    raise UnknownReference(
        _("Onbekend exportformaat '{formaat}'.").format(formaat=formaat),
        hint=_("Beschikbaar: {formaten}. Zie `ozc plugins`.").format(
            formaten=", ".join(sorted(gevonden))
        ),
        kandidaten=sorted(gevonden),
    )


# --- selecting --------------------------------------------------------------------------


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


# --- pseudonymising ---------------------------------------------------------------------

_TUSSENVOEGSELS = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "von",
        "zu",
    ]
)


def pseudoniem(sleutel: bytes, id_: str, *, soort: str = "persoon") -> str:
    """The stable pseudonym of ``id_`` under ``sleutel``: the same key, the same name."""
    code = hmac.new(sleutel, f"{soort}:{id_}".encode(), hashlib.sha256).hexdigest()[:8]
    if soort == "persoon":
        return _("Persoon {code}").format(code=code)
    return _("Betrokkene {code}").format(code=code)


def _buitenstaanders(obj: Any) -> Iterable[str]:
    namen = getattr(obj, "buitenstaanders", None)
    return namen() if callable(namen) else ()


def _vervanger(vervangingen: Mapping[str, str]) -> Callable[[str], str]:
    if not vervangingen:
        return lambda tekst: tekst
    per_vorm = {n.casefold(): p for n, p in vervangingen.items()}
    # longest first, so "Anna de Vries" goes before "Anna"; whole words, any case
    volgorde = sorted(vervangingen, key=lambda n: (-len(n), n))
    patroon = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in volgorde) + r")(?!\w)", re.IGNORECASE
    )
    return lambda tekst: patroon.sub(lambda m: per_vorm[m.group(1).casefold()], tekst)


def _vervangingen(namen: Mapping[str, str], gereserveerd: set[str]) -> dict[str, str]:
    """Names to pseudonyms: every full name, the surname with its tussenvoegsels ("van
    den Berg"), and each single part of at least 3 letters that is no tussenvoegsel and
    no word of a school's or werkgroep's name."""
    uit: dict[str, str] = {}
    for naam, schuilnaam in namen.items():
        uit[naam] = schuilnaam
        delen = re.split(r"\s+", naam.strip())
        if len(delen) > 2:
            uit.setdefault(" ".join(delen[1:]), schuilnaam)
    bezet = {g.casefold() for g in gereserveerd}
    for naam, schuilnaam in namen.items():
        delen = re.split(r"[\s\-]+", naam.strip())
        for i, deel in enumerate(delen):
            # the first and last part are a first name and a surname, even when they are
            # spelled like a tussenvoegsel ("Uit", "Van"); only the parts between can be one
            tussen = 0 < i < len(delen) - 1 and deel.casefold() in _TUSSENVOEGSELS
            if (
                len(deel) >= 3
                and not tussen
                and deel.casefold() not in {u.casefold() for u in uit}
                and deel.casefold() not in bezet
            ):
                uit[deel] = schuilnaam
    return uit


def _vervang_teksten(  # noqa: PLR0911 - one return per kind of value
    data: Any, vervang: Callable[[str], str], ids: set[str], andere_ids: Mapping[str, str]
) -> Any:
    """``data`` with names replaced in its free text. Enum values (a role "lid", a sector
    "po") and ids are no free text: a person called "Lid" must not change a member's role."""
    if isinstance(data, enum.Enum):
        return data
    if isinstance(data, str):
        if data in andere_ids:
            return andere_ids[data]
        return data if data in ids else vervang(data)
    if attrs.has(type(data)):
        return attrs.evolve(
            data,
            **{
                veld.alias: _vervang_teksten(getattr(data, veld.name), vervang, ids, andere_ids)
                for veld in attrs.fields(type(data))
                if veld.init
            },
        )
    if isinstance(data, dict):
        return {k: _vervang_teksten(v, vervang, ids, andere_ids) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(_vervang_teksten(v, vervang, ids, andere_ids) for v in data)
    return data


def pseudoniem_id(sleutel: bytes, id_: str) -> str:
    """The keyed id a person gets in a pseudonymised export (``persoon-`` and six
    characters): another key gives another id, so exports cannot be linked by it."""
    code = hmac.new(sleutel, f"id:{id_}".encode(), hashlib.sha256).hexdigest()[:6]
    return f"persoon-{code}"


def pseudonimiseer(
    entiteiten: Mapping[str, tuple[Any, ...]], sleutel: bytes
) -> tuple[dict[str, tuple[Any, ...]], dict[str, str]]:
    """The same entities with every person's and outsider's name replaced by a
    pseudonym and every person id by a keyed one; also the map of old to new ids."""
    namen: dict[str, str] = {}
    for p in entiteiten.get("personen", ()):
        namen[p.naam] = pseudoniem(sleutel, p.id)
    for objecten in entiteiten.values():
        for obj in objecten:
            for buiten in _buitenstaanders(obj):
                namen.setdefault(buiten, pseudoniem(sleutel, buiten, soort="buitenstaander"))
    # names of schools and werkgroepen are not personal data: their words stay
    gereserveerd = {
        deel
        for m in ("scholen", "werkgroepen")
        for obj in entiteiten.get(m, ())
        for deel in re.split(r"[\s\-]+", obj.naam)
    }
    vervang = _vervanger(_vervangingen(namen, gereserveerd))
    persoon_ids = {p.id: pseudoniem_id(sleutel, p.id) for p in entiteiten.get("personen", ())}
    ids = {obj.id for objecten in entiteiten.values() for obj in objecten}
    uit: dict[str, tuple[Any, ...]] = {}
    for m, objecten in entiteiten.items():
        uit[m] = tuple(_vervang_teksten(obj, vervang, ids, persoon_ids) for obj in objecten)
    return uit, persoon_ids


# --- writing ----------------------------------------------------------------------------


@contextlib.contextmanager
def _tijdelijk(doel: Path, soort: str) -> Iterator[Path]:
    """A temporary file or folder next to ``doel``, removed when anything fails."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent))
    try:
        yield tijdelijk if soort == "map" else tijdelijk / doel.name
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)


def _plaats(bron: Path, doel: Path, soort: str) -> None:
    if soort == "bestand":
        bron.replace(doel)
        return
    if doel.exists() and not doel.is_dir():
        raise InvalidValue(
            _("{pad} is een bestand; dit formaat schrijft een map.").format(pad=doel),
            veld="uit",
        )
    if doel.is_dir() and not any(doel.iterdir()):
        doel.rmdir()
    if not doel.exists():
        bron.rename(doel)  # a new folder appears whole, in one step
        return
    # an existing folder may hold the user's own files: each file is replaced, none removed
    for pad in sorted(bron.rglob("*")):
        doelpad = doel / pad.relative_to(bron)
        if pad.is_dir():
            doelpad.mkdir(exist_ok=True)
        else:
            pad.replace(doelpad)


def _doelpad(uit: Path, exporteur: Exporteur, basisnaam: str) -> Path:
    if exporteur.soort == "bestand" and uit.is_dir():
        return uit / f"{basisnaam}{exporteur.extensie}"
    return uit


def exporteer(
    werkplaats: Werkplaats,
    formaat: str,
    uit: Path | None,
    *,
    selectie: Selectie | None = None,
    pseudoniem_: bool = False,
    sleutel: bytes | None = None,
    stdout: Any = None,
) -> Exportresultaat:
    """Export the selection in ``formaat`` to ``uit`` (or to ``stdout`` for text formats).

    ``sleutel`` fixes the pseudonyms across exports; without it every export gets a
    fresh random key. An exporter that raises becomes an :class:`~onderzoekscyclus.errors.ExportFailed` naming
    the format, and nothing is written at ``uit``.
    """
    exporteur = kies_exporteur(formaat)
    selectie = selectie or Selectie()
    entiteiten = verzamel(werkplaats, selectie)
    persoon_ids: dict[str, str] = {}
    if pseudoniem_:
        entiteiten, persoon_ids = pseudonimiseer(entiteiten, sleutel or secrets.token_bytes(32))
    gegevens = Exportgegevens(
        werkplaats_naam=werkplaats.info.naam,
        selectie=selectie,
        entiteiten=entiteiten,
        pseudoniem=pseudoniem_,
        datum=klok.vandaag(),
        werkplaats=werkplaats,
        persoon_ids=persoon_ids,
    )
    aantallen = {m: len(objs) for m, objs in entiteiten.items()}
    if uit is None:
        if exporteur.soort != "bestand" or not exporteur.tekst or stdout is None:
            raise InvalidValue(
                _("Het formaat '{formaat}' heeft een doel nodig.").format(formaat=formaat),
                hint=_("Geef het op met --uit PAD."),
                veld="uit",
            )
        with tempfile.TemporaryDirectory() as map_:
            pad = Path(map_) / f"export{exporteur.extensie}"
            _voer_uit(exporteur, formaat, gegevens, pad)
            # bytes decoded as they are: a format that needs CRLF (iCalendar) keeps it
            stdout.write(pad.read_bytes().decode("utf-8"))
        return Exportresultaat(formaat, None, aantallen, pseudoniem_)
    doel = _doelpad(Path(uit), exporteur, selectie.id or "werkplaats")
    with _tijdelijk(doel, exporteur.soort) as tijdelijk:
        _voer_uit(exporteur, formaat, gegevens, tijdelijk)
        _plaats(tijdelijk, doel, exporteur.soort)
    return Exportresultaat(formaat, doel, aantallen, pseudoniem_)


def _voer_uit(exporteur: Exporteur, formaat: str, gegevens: Exportgegevens, pad: Path) -> None:
    try:
        exporteur.schrijf(gegevens, pad)
    except OnderzoekscyclusError:
        raise
    except Exception as fout:
        raise ExportFailed(
            _("Het exportformaat '{formaat}' faalde: {reden}").format(
                formaat=formaat, reden=f"{type(fout).__name__}: {fout}"
            ),
            hint=_(
                "Er is niets geschreven. Meld dit bij de makers van de plugin (zie `ozc plugins`)."
            ),
        ) from fout
