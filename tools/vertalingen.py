"""Keep the translation catalogues up to date.

    python tools/vertalingen.py          update the .po files and compile the .mo files
    python tools/vertalingen.py --check  exit 1 when a message lacks a translation or a
                                         .mo file is stale (the tests run this)

Two catalogues:

* ``locale/en/LC_MESSAGES/onderzoekscyclus.po``: English for every ``_()`` and
  ``ngettext()`` message in the source (which is written in Dutch);
* ``locale/nl/LC_MESSAGES/click.po``: Dutch for click's own messages, taken from the
  installed click.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import click
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

_VASTE_DATUM = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
BRON = Path(__file__).resolve().parent.parent / "src" / "onderzoekscyclus"
LOCALE = BRON / "locale"
CATALOGI = {
    "onderzoekscyclus": (LOCALE / "en" / "LC_MESSAGES" / "onderzoekscyclus.po", "en", BRON),
    "click": (LOCALE / "nl" / "LC_MESSAGES" / "click.po", "nl", Path(click.__file__).parent),
}


def sjabloon(bron: Path) -> Catalog:
    """Every message in the Python files under ``bron``."""
    catalogus = Catalog()
    sleutelwoorden = {"_": None, "ngettext": (1, 2)}
    for _bestand, regel, bericht, _opm, context in extract_from_dir(
        bron, keywords=sleutelwoorden, comment_tags=()
    ):
        catalogus.add(bericht, None, [], context=context)
        del regel
    return catalogus


def bijgewerkt(po: Path, taal: str, bron: Path) -> Catalog:
    """The catalogue at ``po`` brought up to date with the messages in ``bron``."""
    if po.exists():
        with po.open("rb") as f:
            catalogus = read_po(f, locale=taal)
    else:
        catalogus = Catalog(locale=taal)
    catalogus.update(sjabloon(bron), no_fuzzy_matching=True)
    catalogus.obsolete.clear()
    # fixed dates: the same messages must give the same bytes, whenever this runs
    catalogus.creation_date = catalogus.revision_date = _VASTE_DATUM
    return catalogus


def _bytes_po(catalogus: Catalog) -> bytes:
    uit = io.BytesIO()
    write_po(uit, catalogus, no_location=True, width=100, omit_header=False, sort_output=True)
    return uit.getvalue()


def _bytes_mo(catalogus: Catalog) -> bytes:
    uit = io.BytesIO()
    write_mo(uit, catalogus)
    return uit.getvalue()


def ontbrekend(catalogus: Catalog) -> list[str]:
    """Messages without a (complete) translation."""
    uit = []
    for bericht in catalogus:
        if not bericht.id:
            continue
        vertaling = bericht.string
        leeg = not all(vertaling) if isinstance(vertaling, tuple | list) else not vertaling
        if leeg or bericht.fuzzy:
            uit.append(bericht.id if isinstance(bericht.id, str) else bericht.id[0])
    return uit


def problemen() -> list[str]:
    """What is out of date; an empty list when all catalogues are complete and compiled."""
    uit = []
    for domein, (po, taal, bron) in CATALOGI.items():
        catalogus = bijgewerkt(po, taal, bron)
        uit.extend(f"{domein} ({taal}): geen vertaling voor {m!r}" for m in ontbrekend(catalogus))
        if not po.exists() or po.read_bytes() != _bytes_po(catalogus):
            uit.append(f"{po.name} ({taal}): niet bijgewerkt; draai python tools/vertalingen.py")
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != _bytes_mo(catalogus):
            uit.append(f"{mo.name} ({taal}): niet gecompileerd; draai python tools/vertalingen.py")
    return uit


def werk_bij() -> None:
    """Update every .po file and compile its .mo file."""
    for po, taal, bron in CATALOGI.values():
        catalogus = bijgewerkt(po, taal, bron)
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(_bytes_po(catalogus))
        po.with_suffix(".mo").write_bytes(_bytes_mo(catalogus))


def main(argumenten: list[str]) -> int:
    if "--check" in argumenten:
        gevonden = problemen()
        print("\n".join(gevonden) or "Vertalingen zijn compleet.")
        return 1 if gevonden else 0
    werk_bij()
    for regel in problemen():
        print(regel)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
