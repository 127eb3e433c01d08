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


def nfc(tekst: str) -> str:
    """``tekst`` in composed form (NFC): "é" typed as one character or as "e" with an
    accent is stored the same way."""
    return unicodedata.normalize("NFC", tekst)


# invisible characters (Cf: zero-width space and joiner, byte order mark, soft hyphen,
# the bidirectional embeddings, overrides and isolates) and lone surrogates (Cs); in a
# name also control characters (Cc: line ends, tabs) and line and paragraph separators
_ONZICHTBAAR = frozenset({"Cf", "Cs"})
_STUURTEKENS = frozenset({"Cc", "Zl", "Zp"})


def _code(teken: str) -> str:
    return f"U+{ord(teken):04X}"


_ZWJ = "\u200d"


def _is_emoji(teken: str) -> bool:
    # a pictograph, or the variation selector and skin tone that end one
    return (
        unicodedata.category(teken) == "So"
        or teken == "\ufe0f"
        or ("\U0001f3fb" <= teken <= "\U0001f3ff")
    )


def _verboden_tekens(waarde: str, verboden: frozenset[str]) -> list[int]:
    """Positions of the refused characters; a zero-width joiner between two emoji
    (👩‍🏫, one picture of a teacher) is part of the picture, not hidden text."""
    posities = []
    for i, teken in enumerate(waarde):
        if unicodedata.category(teken) not in verboden:
            continue
        if (
            teken == _ZWJ
            and 0 < i < len(waarde) - 1
            and _is_emoji(waarde[i - 1])
            and unicodedata.category(waarde[i + 1]) == "So"
        ):
            continue
        posities.append(i)
    return posities


def controleer_zichtbaar(waarde: str, veld: str, *, regel: bool = False) -> None:
    """Refuse text with an invisible or direction-changing character: it would look
    like other text (a look-alike name), or show in another order than it was typed.
    With ``regel`` (a name: one line) control characters such as line ends too.

    .. versionadded:: 0.2.0
    """
    verboden = _ONZICHTBAAR | _STUURTEKENS if regel else _ONZICHTBAAR
    posities = _verboden_tekens(waarde, verboden)
    if not posities:
        return
    onzichtbaar = [waarde[i] for i in posities]
    getoond = "".join(f"[{_code(t)}]" if i in posities else t for i, t in enumerate(waarde))
    raise InvalidValue(
        _(
            "'{tekst}' bevat een onzichtbaar teken of een teken dat de schrijfrichting "
            "verandert ({tekens})."
        ).format(tekst=getoond, tekens=", ".join(dict.fromkeys(map(_code, onzichtbaar)))),
        _(
            "Typ de tekst opnieuw; zulke tekens komen vaak mee als u tekst kopieert uit een "
            "webpagina of document."
        ),
        veld=veld,
    )


def controleer_niet_leeg(waarde: object, veld: str) -> None:
    """Refuse text that is missing or only white space."""
    if not isinstance(waarde, str) or not waarde.strip():
        raise InvalidValue(_("De tekst mag niet leeg zijn."), veld=veld)


def niet_leeg(_inst: object, attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    """attrs validator: the field holds text that is not empty or only white space."""
    controleer_niet_leeg(waarde, attribuut.name)
