"""Pseudonymising an export (AVG): no name of a person is left, in any text.

Every person's name is replaced by a stable keyed pseudonym (HMAC-SHA-256 of the
person's id with a key) in ``personen`` and in every free text where the full name, or
a part of it, occurs as a word; every person id by a keyed id. Names of outsiders (a
parent who gave feedback) go the same way. The key is fresh for every export unless one
is given, and it is never written into the export.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["MIN_SLEUTEL", "pseudoniem", "pseudoniem_id", "pseudonimiseer", "sleutel_uit"]

MIN_SLEUTEL = 12
"""The shortest key, in bytes: a shorter one could be guessed, and with it every
pseudonym computed back."""

_HEX = re.compile(r"^(?:[0-9a-fA-F]{2})+$")


def sleutel_uit(tekst: str) -> bytes:
    """A pseudonym key from text: hexadecimal when it reads as such, else its UTF-8
    bytes; refused when empty or shorter than :data:`MIN_SLEUTEL` bytes."""
    tekst = tekst.strip()
    if not tekst:
        raise InvalidValue(
            _("De sleutel voor pseudoniemen is leeg."),
            _("Geef een geheime tekst of hexadecimale sleutel op, of laat de sleutel weg."),
            veld="sleutel",
        )
    sleutel = bytes.fromhex(tekst) if _HEX.match(tekst) else tekst.encode("utf-8")
    controleer_sleutel(sleutel)
    return sleutel


def controleer_sleutel(sleutel: bytes) -> None:
    """Refuse a key shorter than :data:`MIN_SLEUTEL` bytes."""
    if len(sleutel) < MIN_SLEUTEL:
        raise InvalidValue(
            _(
                "De sleutel voor pseudoniemen is te kort: wie hem raadt, kan de pseudoniemen "
                "terugrekenen naar personen."
            ),
            _(
                "Gebruik minstens {n} tekens, bijvoorbeeld een zin die alleen u kent, of "
                'maak er een met `python3 -c "import secrets; print(secrets.token_hex(16))"`.'
            ).format(n=MIN_SLEUTEL),
            veld="sleutel",
        )


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
