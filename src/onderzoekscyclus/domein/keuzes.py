"""The domain's choices (its enums): how each one reads, and what people may type for it.

A stored choice stays the Dutch word it is in a file (``intern-begeleider``,
``niet-bereikt``): the file format does not depend on anyone's language. What a person
reads is its name in the current language, :func:`weergave`: "intern begeleider", in
English "special needs coordinator". What a person types is read by :func:`lees`: the
stored value, its name in Dutch or in English, or a word a teacher uses for it
("leerkracht" for ``leraar``, "basisonderwijs" for ``po``), whatever the case, the
accents, and whether words are joined by spaces, hyphens or underscores ("Niet
bereikt" is ``niet-bereikt``).

Each enum declares its names and synonyms where it is defined, with :func:`keuze`;
the names are marked with ``N_`` and translated when they are shown.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.i18n import TALEN, _, vertaal

__all__ = ["keuze", "lees", "naam", "weergave", "weergave_van"]

E = TypeVar("E", bound=enum.Enum)

_NAMEN: dict[type[enum.Enum], dict[str, str]] = {}
_SYNONIEMEN: dict[type[enum.Enum], dict[str, str]] = {}
_SCHEIDING = re.compile(r"[\s_\-‐‑–]+")


def _vouw(tekst: str) -> str:
    """Text as choices are compared: no case, accents or apostrophes, and spaces,
    hyphens and underscores all alike ("Intern-begeleider", "intern begeleider")."""
    zonder = vergelijkbaar(tekst).replace("'", "").replace("’", "")
    return _SCHEIDING.sub(" ", zonder).strip()


def keuze(
    namen: Mapping[str, str], synoniemen: Mapping[str, str] | None = None
) -> Callable[[type[E]], type[E]]:
    """Class decorator: declare how the members of an enum read (``namen``: value ->
    Dutch name, marked with ``N_``) and what else people type for them (``synoniemen``:
    word -> value). Checked when declared: every member has a name, every synonym
    points to a member."""

    def registreer(soort: type[E]) -> type[E]:
        waarden = {str(lid.value) for lid in soort}
        if set(namen) != waarden:
            raise ValueError(f"{soort.__name__}: names for {sorted(set(namen) ^ waarden)}")
        onbekend = set((synoniemen or {}).values()) - waarden
        if onbekend:
            raise ValueError(f"{soort.__name__}: synonyms for unknown {sorted(onbekend)}")
        _NAMEN[soort] = dict(namen)
        _SYNONIEMEN[soort] = {_vouw(w): v for w, v in (synoniemen or {}).items()}
        return soort

    return registreer


def naam(waarde: enum.Enum) -> str:
    """The Dutch name of ``waarde`` as declared, not yet translated (for a text that is
    translated later, such as a :class:`~onderzoekscyclus.errors.Reden`)."""
    return _NAMEN.get(type(waarde), {}).get(str(waarde.value)) or str(waarde.value)


def weergave(waarde: enum.Enum) -> str:
    """How ``waarde`` reads in the current language: ``weergave(Rol.LERAAR)`` is
    "leraar", in English "teacher". A member without a declared name reads as its value."""
    naam = _NAMEN.get(type(waarde), {}).get(str(waarde.value))
    return _(naam) if naam else str(waarde.value)


def weergave_van(soort: type[enum.Enum], tekst: str | None) -> str:
    """How the stored value ``tekst`` of ``soort`` reads (for views that hold the value
    as text); text that is no value of ``soort`` is returned as it is, ``None`` as ""."""
    if tekst is None:
        return ""
    try:
        return weergave(soort(tekst))
    except ValueError:
        return tekst


def lees(soort: type[E], waarde: Any) -> E | None:
    """The member of ``soort`` that ``waarde`` means, or ``None``.

    Accepted: a member, its value, its name in Dutch or English, or a declared synonym;
    case, accents, apostrophes and the way words are joined do not count. A value wins
    over a synonym, a synonym over a name.
    """
    if isinstance(waarde, soort):
        return waarde
    gevouwen = _vouw(waarde) if isinstance(waarde, str) else ""
    gevonden = _vormen(soort).get(gevouwen) if gevouwen else None
    return None if gevonden is None else soort(gevonden)


def _vormen(soort: type[enum.Enum]) -> dict[str, str]:
    """Every form a member of ``soort`` may be typed in (folded) -> its value."""
    vormen = {
        _vouw(vertaal(naam, taal)): waarde
        for waarde, naam in _NAMEN.get(soort, {}).items()
        for taal in TALEN
    }
    vormen.update(_SYNONIEMEN.get(soort, {}))
    vormen.update({_vouw(str(lid.value)): str(lid.value) for lid in soort})
    return vormen
