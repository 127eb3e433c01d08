"""Writing an export: finding the format, and writing so that nothing is half done.

An **exporter** is any object with the attributes and method of
:class:`~onderzoekscyclus.export.gegevens.Exporteur`, registered as an entry point in
the group ``onderzoekscyclus.exporteurs`` (:data:`onderzoekscyclus.plugins.EXPORTEURS`);
the entry point's name is the format's name (``json``, ``ics``). The entry point may
point at the exporter itself or at a class that is called without arguments. The
built-in ``json``, ``csv`` and ``markdown`` register the same way.

:func:`exporteer` selects (:func:`~onderzoekscyclus.export.gegevens.verzamel`),
pseudonymises on request (:mod:`onderzoekscyclus.export.pseudoniem`), and writes
safely: the exporter writes into a temporary path next to the target, which replaces
the target only when the exporter finished. An exporter that fails leaves nothing
behind.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import contextlib
import glob
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onderzoekscyclus import plugins
from onderzoekscyclus.errors import (
    ExportFailed,
    InvalidValue,
    Kandidaat,
    OnderzoekscyclusError,
    UnknownReference,
)
from onderzoekscyclus.export.gegevens import (
    Exporteur,
    Exportgegevens,
    Exportresultaat,
    Selectie,
    verzamel,
)
from onderzoekscyclus.export.pseudoniem import Pseudonimisering, controleer_sleutel
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag import GEGEVENSMAP, ROOTBESTAND
from onderzoekscyclus.opslag.schrijver import MAPPEN

if TYPE_CHECKING:
    from onderzoekscyclus.api.werkplaats import Werkplaats

__all__ = ["exporteer", "exporteurs", "exportgegevens", "kapotte_exporteurs", "kies_exporteur"]


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
        kandidaten=[Kandidaat(f, f) for f in sorted(gevonden)],
        soort="exportformaat",
        verwijzing=formaat,
    )


# --- writing ----------------------------------------------------------------------------


_WERKPLAATSDELEN = frozenset({ROOTBESTAND, GEGEVENSMAP, ".gitignore", ".git", *MAPPEN})
"""What of a werkplaats' folder belongs to the werkplaats itself."""

_OUD = 3600
"""Seconds after which a temporary folder of an export counts as left behind by one that
was killed (a running export keeps its folder far shorter)."""


@contextlib.contextmanager
def _tijdelijk(doel: Path, soort: str) -> Iterator[Path]:
    """A temporary file or folder next to ``doel``, removed when anything fails; what a
    killed export to the same place left behind is removed first."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    _veeg_achtergelaten(doel)
    tijdelijk = Path(tempfile.mkdtemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent))
    try:
        yield tijdelijk if soort == "map" else tijdelijk / doel.name
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)


def _veeg_achtergelaten(doel: Path) -> None:
    grens = time.time() - _OUD
    for pad in doel.parent.glob(f".{glob.escape(doel.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if pad.is_dir() and not pad.is_symlink() and pad.stat().st_mtime < grens:
                shutil.rmtree(pad, ignore_errors=True)


def controleer_doel(doel: Path, root: Path, *, forceer: bool = False) -> None:
    """Refuse to write an export over a file of the werkplaats itself, and (unless
    ``forceer``) over a symbolic link, a device, a FIFO or anything else that is not a
    plain file or folder: replacing those is never what was meant."""
    echt = doel.resolve()
    werkplaats = root.resolve()
    if echt == werkplaats or (
        echt.is_relative_to(werkplaats)
        and echt.relative_to(werkplaats).parts[0] in _WERKPLAATSDELEN
    ):
        raise InvalidValue(
            _("{pad} hoort bij de werkplaats zelf; een export schrijf ik daar niet.").format(
                pad=doel
            ),
            _("Kies een ander bestand of een andere map voor --uit."),
            veld="uit",
            code="export.doel-geweigerd",
        )
    if forceer:
        return
    if doel.is_symlink():
        waarom = _("het is een symbolische koppeling naar {doel}").format(doel=echt)
    elif doel.exists() and not (doel.is_file() or doel.is_dir()):
        waarom = _("het is geen gewoon bestand of map (een apparaat, FIFO of socket)")
    else:
        return
    raise InvalidValue(
        _("Naar {pad} schrijf ik geen export: {waarom}.").format(pad=doel, waarom=waarom),
        _("Kies een gewoon bestand, of geef --forceer als u dit echt bedoelt."),
        veld="uit",
        code="export.doel-geweigerd",
    )


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


def _zelfde(tekst: str) -> str:
    return tekst


def exporteer(
    werkplaats: Werkplaats,
    formaat: str,
    uit: Path | None,
    *,
    selectie: Selectie | None = None,
    pseudoniem_: bool = False,
    sleutel: bytes | None = None,
    stdout: Any = None,
    forceer: bool = False,
    exporteur: Exporteur | None = None,
) -> Exportresultaat:
    """Export the selection in ``formaat`` to ``uit`` (or to ``stdout`` for text formats).

    ``sleutel`` (at least :data:`~onderzoekscyclus.export.pseudoniem.MIN_SLEUTEL` bytes)
    fixes the pseudonyms across exports; without it every export gets a fresh random
    key. An exporter that raises becomes an :class:`~onderzoekscyclus.errors.ExportFailed` naming
    the format, and nothing is written at ``uit``. ``uit`` may not be a file of the
    werkplaats itself; a symbolic link, device or FIFO only with ``forceer`` (see
    :func:`controleer_doel`). ``exporteur`` writes instead of the one registered as
    ``formaat`` (``ozc site`` passes its own).

    .. versionchanged:: 0.2.0 ``exporteur``
    """
    if sleutel is not None:
        controleer_sleutel(sleutel)
    if exporteur is None:
        exporteur = kies_exporteur(formaat)
    gegevens = _gegevens(werkplaats, selectie or Selectie(), pseudoniem_, sleutel)
    aantallen = {m: len(objs) for m, objs in gegevens.entiteiten.items()}
    if uit is None:
        if exporteur.soort != "bestand" or not exporteur.tekst or stdout is None:
            raise InvalidValue(
                _("Het formaat '{formaat}' heeft een doel nodig.").format(formaat=formaat),
                hint=_("Geef het op met --uit PAD."),
                veld="uit",
            )
        # bytes decoded as they are: a format that needs CRLF (iCalendar) keeps it
        stdout.write(_apart(exporteur, formaat, gegevens, "export").decode("utf-8"))
        return Exportresultaat(formaat, None, aantallen, pseudoniem_)
    doel = _doelpad(Path(uit), exporteur, gegevens.selectie.id or "werkplaats")
    controleer_doel(doel, werkplaats.root, forceer=forceer)
    if forceer and doel.exists() and not (doel.is_file() or doel.is_dir()):
        # a device or FIFO the user named on purpose: written into, not replaced
        inhoud = _apart(exporteur, formaat, gegevens, doel.name)
        with doel.open("wb") as uitvoer:
            uitvoer.write(inhoud)
        return Exportresultaat(formaat, doel, aantallen, pseudoniem_)
    if forceer and doel.is_symlink():
        doel = doel.resolve()
    with _tijdelijk(doel, exporteur.soort) as tijdelijk:
        _voer_uit(exporteur, formaat, gegevens, tijdelijk)
        _plaats(tijdelijk, doel, exporteur.soort)
    return Exportresultaat(formaat, doel, aantallen, pseudoniem_)


def exportgegevens(
    werkplaats: Werkplaats,
    selectie: Selectie | None = None,
    *,
    pseudoniem_: bool = False,
    sleutel: bytes | None = None,
    bijsnijden: Callable[[dict[str, tuple[Any, ...]]], dict[str, tuple[Any, ...]]] | None = None,
) -> Exportgegevens:
    """The data an exporter gets for ``selectie`` (everything by default), pseudonymised
    on request: for a preview of what an export would contain, or for a writer that
    places its files itself (``ozc site``). ``bijsnijden`` leaves out, before anything
    is pseudonymised, what the writer will not show (the persons stay: they are what
    is looked for).

    .. versionadded:: 0.2.0
    """
    if sleutel is not None:
        controleer_sleutel(sleutel)
    return _gegevens(werkplaats, selectie or Selectie(), pseudoniem_, sleutel, bijsnijden)


def _gegevens(
    werkplaats: Werkplaats,
    selectie: Selectie,
    pseudoniem_: bool,
    sleutel: bytes | None,
    bijsnijden: Callable[[dict[str, tuple[Any, ...]]], dict[str, tuple[Any, ...]]] | None = None,
) -> Exportgegevens:
    """What the exporter gets: the selection, pseudonymised on request."""
    entiteiten = verzamel(werkplaats, selectie)
    if bijsnijden is not None:
        entiteiten = bijsnijden(dict(entiteiten))
    persoon_ids: dict[str, str] = {}
    werkplaats_naam = werkplaats.info.naam
    schoon: Callable[[str], str] = _zelfde
    if pseudoniem_:
        p = Pseudonimisering(entiteiten, sleutel or secrets.token_bytes(32))
        entiteiten = {m: tuple(p.waarde(o) for o in objs) for m, objs in entiteiten.items()}
        persoon_ids, schoon, werkplaats_naam = dict(p.ids), p.tekst, p.tekst(werkplaats_naam)
        selectie = p.waarde(selectie)
    return Exportgegevens(
        werkplaats_naam=werkplaats_naam,
        selectie=selectie,
        entiteiten=entiteiten,
        pseudoniem=pseudoniem_,
        datum=werkplaats.vandaag(),
        werkplaats=werkplaats,
        persoon_ids=persoon_ids,
        schoon=schoon,
    )


def _apart(exporteur: Exporteur, formaat: str, gegevens: Exportgegevens, naam: str) -> bytes:
    """The export as bytes, written in a temporary folder of its own."""
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / (naam if "." in naam else f"{naam}{exporteur.extensie}")
        _voer_uit(exporteur, formaat, gegevens, pad)
        return pad.read_bytes()


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
