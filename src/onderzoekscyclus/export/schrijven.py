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
import secrets
import shutil
import tempfile
from collections.abc import Iterator
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
from onderzoekscyclus.export.pseudoniem import controleer_sleutel, pseudonimiseer
from onderzoekscyclus.i18n import _

if TYPE_CHECKING:
    from onderzoekscyclus.api.werkplaats import Werkplaats

__all__ = ["exporteer", "exporteurs", "kapotte_exporteurs", "kies_exporteur"]


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

    ``sleutel`` (at least :data:`~onderzoekscyclus.export.pseudoniem.MIN_SLEUTEL` bytes)
    fixes the pseudonyms across exports; without it every export gets a fresh random
    key. An exporter that raises becomes an :class:`~onderzoekscyclus.errors.ExportFailed` naming
    the format, and nothing is written at ``uit``.
    """
    if sleutel is not None:
        controleer_sleutel(sleutel)
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
        datum=werkplaats.vandaag(),
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
