"""Small text helpers shared by the model, references and ids (no I/O)."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

if TYPE_CHECKING:
    import attrs

_SPATIES = re.compile(r"\s+")


def vergelijkbaar(tekst: str) -> str:
    """Fold text for comparison: case, accents and runs of white space do not count."""
    ontleed = unicodedata.normalize("NFKD", tekst.casefold())
    zonder_accenten = "".join(c for c in ontleed if not unicodedata.combining(c))
    return _SPATIES.sub(" ", zonder_accenten).strip()


def slug(tekst: str, max_lengte: int = 40) -> str:
    """A lowercase ASCII slug of letters, digits and hyphens (may be empty)."""
    kaal = vergelijkbaar(tekst)
    kaal = re.sub(r"[^a-z0-9]+", "-", kaal.encode("ascii", "ignore").decode()).strip("-")
    return kaal[:max_lengte].rstrip("-")


def controleer_niet_leeg(waarde: object, veld: str) -> None:
    """Refuse text that is missing or only white space."""
    if not isinstance(waarde, str) or not waarde.strip():
        raise InvalidValue(_("De tekst mag niet leeg zijn."), veld=veld)


def niet_leeg(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """attrs validator: the field holds text that is not empty or only white space."""
    controleer_niet_leeg(waarde, attribuut.name)
