"""Schema versions of werkplaats files and the path from older versions to this one.

Every file starts with ``schema = "MAJOR.MINOR"``. A file of an older major version
is migrated in memory when read (and written at the current version when saved); a
file of a newer major version is refused and never rewritten. A newer minor version
of the same major is read as long as it holds no keys this version does not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from onderzoekscyclus.errors import InvalidValue, SchemaVersionError
from onderzoekscyclus.i18n import _

__all__ = ["HUIDIG", "MIGRATIES", "Migratie", "lees_versie", "migreer", "versie_tekst"]

HUIDIG = (1, 0)
"""The schema version this release writes."""

Migratie = Callable[[dict[str, Any]], dict[str, Any]]
"""A step that turns the data of a file of major version N into that of N + 1."""

MIGRATIES: Mapping[tuple[str, int], Migratie] = {}
"""The real migration steps, keyed by (kind of file, major version they start from)."""

_VERSIE = re.compile(r"^(\d+)\.(\d+)$")


def versie_tekst(versie: tuple[int, int] = HUIDIG) -> str:
    """``(1, 0)`` as it stands in a file: ``"1.0"``."""
    return f"{versie[0]}.{versie[1]}"


def lees_versie(data: dict[str, Any]) -> tuple[int, int]:
    """Take the schema version out of ``data`` (the key is removed)."""
    if "schema" not in data:
        raise InvalidValue(
            _("De sleutel 'schema' ontbreekt."),
            _('Elk bestand begint met schema = "{versie}".').format(versie=versie_tekst()),
            veld="schema",
        )
    waarde = data.pop("schema")
    gevonden = _VERSIE.fullmatch(waarde) if isinstance(waarde, str) else None
    if gevonden is None:
        raise InvalidValue(
            _('Ongeldige schemaversie {waarde!r}; verwacht iets als "1.0".').format(waarde=waarde),
            veld="schema",
        )
    return int(gevonden[1]), int(gevonden[2])


def migreer(
    soort: str,
    data: dict[str, Any],
    versie: tuple[int, int],
    migraties: Mapping[tuple[str, int], Migratie] = MIGRATIES,
) -> dict[str, Any]:
    """Bring ``data`` of schema ``versie`` to the current major version."""
    major = versie[0]
    if major > HUIDIG[0]:
        raise SchemaVersionError(
            _(
                "Dit bestand heeft schema {gevonden}, van een nieuwere versie van "
                "onderzoekscyclus; deze versie kent schema {huidig}. Het bestand is niet gewijzigd."
            ).format(gevonden=versie_tekst(versie), huidig=versie_tekst()),
            _("Werk onderzoekscyclus bij: pip install --upgrade onderzoekscyclus"),
        )
    while major < HUIDIG[0]:
        stap = migraties.get((soort, major))
        if stap is None:
            raise SchemaVersionError(
                _("Er is geen migratie van schema {van} naar {naar} voor een {soort}.").format(
                    van=major, naar=major + 1, soort=soort
                ),
                code="bestand.geen-migratie",
            )
        data = stap(data)
        major += 1
    return data
