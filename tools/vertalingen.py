"""Keep the translation catalogues up to date.

    python tools/vertalingen.py          update the .po files and compile the .mo files
    python tools/vertalingen.py --check  exit 1 when a message of ours lacks a translation,
                                         a .po file is stale or a .mo file does not match
                                         its .po (the tests and CI run this)

Two catalogues:

* ``locale/en/LC_MESSAGES/onderzoekscyclus.po``: English for every ``_()`` and
  ``ngettext()`` message in the source (which is written in Dutch);
* ``locale/nl/LC_MESSAGES/click.po``: Dutch for click's own messages, taken from the
  installed click.

The check compares messages, never bytes: header lines (``Generated-By``, dates) and the
way a Babel release lays out a file do not count. Our own catalogue must cover exactly
the messages in our source. The click catalogue belongs to another project: a message
that a new click adds is shown untranslated (in English) until the catalogue is
updated, so the check lists such messages as a notice and does not fail on them.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import click
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

_VASTE_DATUM = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
BRON = Path(__file__).resolve().parent.parent / "src" / "onderzoekscyclus"
LOCALE = BRON / "locale"
# name -> (.po file, language, source folder, whether the source is ours)
CATALOGI = {
    "onderzoekscyclus": (
        LOCALE / "en" / "LC_MESSAGES" / "onderzoekscyclus.po",
        "en",
        BRON,
        True,
    ),
    "click": (
        LOCALE / "nl" / "LC_MESSAGES" / "click.po",
        "nl",
        Path(click.__file__).parent,
        False,
    ),
}
# {name}, {name!r}, {0:>3} and %(name)s, %s: what a translation must keep
_PLAATSHOUDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sdifr]")

Sleutel = str | tuple[str, ...]


# the website's templates (Jinja2, with _() and ngettext()) hold messages too
_METHODES = [("**/sjablonen/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
_OPTIES = {
    "**/sjablonen/**.html": {
        "extensions": "jinja2.ext.i18n",
        "trim_blocks": "true",
        "lstrip_blocks": "true",
        "newstyle_gettext": "true",
    }
}


def sjabloon(bron: Path) -> Catalog:
    """Every message in the Python files and website templates under ``bron``."""
    catalogus = Catalog()
    sleutelwoorden = {"_": None, "N_": None, "ngettext": (1, 2)}
    for _bestand, _regel, bericht, _opm, context in extract_from_dir(
        bron, method_map=_METHODES, options_map=_OPTIES, keywords=sleutelwoorden, comment_tags=()
    ):
        catalogus.add(bericht, None, [], context=context)
    return catalogus


def _lees_po(po: Path, taal: str) -> Catalog:
    if not po.exists():
        return Catalog(locale=taal)
    with po.open("rb") as f:
        return read_po(f, locale=taal)


def bijgewerkt(po: Path, taal: str, bron: Path, *, eigen: bool = True) -> Catalog:
    """The catalogue at ``po`` brought up to date with the messages in ``bron``.

    From our own catalogue, messages no longer in the source are dropped. From another
    project's catalogue nothing is dropped: a message can still be used at run time
    when the extractor no longer sees it (click 8.5 builds ``_(extra["required"])``).
    """
    catalogus = _lees_po(po, taal)
    catalogus.update(sjabloon(bron), no_fuzzy_matching=True)
    if not eigen:
        for bericht in catalogus.obsolete.values():
            catalogus[bericht.id] = bericht
    catalogus.obsolete.clear()
    # fixed dates: the same messages give the same file, whenever this runs
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


def _eerste(sleutel: Sleutel) -> str:
    return sleutel if isinstance(sleutel, str) else sleutel[0]


def berichten(catalogus: Iterable[Message]) -> dict[Sleutel, Sleutel]:
    """Message id -> translation, without the header entry and without fuzzy entries."""
    uit: dict[Sleutel, Sleutel] = {}
    for bericht in catalogus:
        if bericht.id and not bericht.fuzzy:
            sleutel = bericht.id if isinstance(bericht.id, str) else tuple(bericht.id)
            uit[sleutel] = _als_sleutel(bericht.string or "")
    return uit


def _vertaald(tekst: Sleutel) -> bool:
    return all(tekst) if isinstance(tekst, tuple) else bool(tekst)


def ontbrekend(catalogus: Catalog) -> list[str]:
    """Messages without a (complete) translation."""
    return [
        _eerste(bericht.id)
        for bericht in catalogus
        if bericht.id and (bericht.fuzzy or not _vertaald(_als_sleutel(bericht.string)))
    ]


def _als_sleutel(waarde: str | Iterable[str]) -> Sleutel:
    return waarde if isinstance(waarde, str) else tuple(waarde)


def andere_plaatshouders(id_: Sleutel, tekst: Sleutel) -> bool:
    """Whether a translation lacks or adds a placeholder of its message."""
    ids = (id_,) if isinstance(id_, str) else id_
    teksten = (tekst,) if isinstance(tekst, str) else tekst
    return any(
        sorted(_PLAATSHOUDER.findall(bron)) != sorted(_PLAATSHOUDER.findall(doel))
        for bron, doel in zip(ids, teksten, strict=False)
        if doel
    )


def _gecompileerd(po: Path) -> dict[Sleutel, Sleutel] | None:
    mo = po.with_suffix(".mo")
    if not mo.exists():
        return None
    with mo.open("rb") as f:
        return berichten(read_mo(f))


def problemen() -> list[str]:
    """What is wrong with our work; an empty list when every catalogue is complete,
    current and compiled."""
    uit: list[str] = []
    for naam, (po, taal, bron, eigen) in CATALOGI.items():
        catalogus = _lees_po(po, taal)
        vertaald = berichten(catalogus)
        if eigen:
            uit.extend(f"{naam} ({taal}): geen vertaling voor {m!r}" for m in ontbrekend(catalogus))
        uit.extend(
            f"{naam} ({taal}): andere plaatshouders in de vertaling van {_eerste(i)!r}"
            for i, t in vertaald.items()
            if andere_plaatshouders(i, t)
        )
        if eigen:
            in_bron = set(berichten(sjabloon(bron)))
            uit.extend(
                f"{naam} ({taal}): geen vertaling voor {_eerste(m)!r}; draai python tools/vertalingen.py"
                for m in sorted(in_bron - set(vertaald), key=_eerste)
            )
            if set(vertaald) - in_bron:
                uit.append(
                    f"{po.name} ({taal}): bevat berichten die niet meer in de code staan; "
                    "draai python tools/vertalingen.py"
                )
        # write_mo leaves untranslated messages out; those are reported above
        if _gecompileerd(po) != {i: t for i, t in vertaald.items() if _vertaald(t)}:
            uit.append(
                f"{po.with_suffix('.mo').name} ({taal}): past niet bij {po.name}; "
                "draai python tools/vertalingen.py"
            )
    return uit


def opmerkingen() -> list[str]:
    """Messages of the installed click that our Dutch catalogue does not translate yet.

    Not an error: click shows them in English until ``python tools/vertalingen.py``
    adds them and someone translates them.
    """
    uit = []
    for naam, (po, taal, bron, eigen) in CATALOGI.items():
        if eigen:
            continue
        catalogus = _lees_po(po, taal)
        vertaald = {i: t for i, t in berichten(catalogus).items() if _vertaald(t)}
        nieuw = sorted(set(berichten(sjabloon(bron))) - set(vertaald), key=_eerste)
        uit.extend(
            f"{naam} {importlib.metadata.version('click')} ({taal}): nog niet vertaald, getoond in het Engels: "
            f"{_eerste(m)!r}"
            for m in nieuw
        )
    return uit


def werk_bij() -> None:
    """Update every .po file and compile its .mo file."""
    for po, taal, bron, eigen in CATALOGI.values():
        catalogus = bijgewerkt(po, taal, bron, eigen=eigen)
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(_bytes_po(catalogus))
        po.with_suffix(".mo").write_bytes(_bytes_mo(catalogus))


def main(argumenten: list[str]) -> int:
    if "--check" not in argumenten:
        werk_bij()
    for regel in opmerkingen():
        print(regel)
    gevonden = problemen()
    print("\n".join(gevonden) or "Vertalingen zijn compleet.")
    return 1 if gevonden and "--check" in argumenten else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
