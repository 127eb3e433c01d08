"""Pseudonymising an export (AVG): no personal datum is left, in any form, in any text.

:class:`Pseudonimisering` replaces what is personal in a werkplaats by keyed pseudonyms;
finding a name in every spelling is the domain's
(:class:`~onderzoekscyclus.domein.namen.Namenvervanger`), which forgetting a person uses
too:

* every person's name, and every outsider's (a parent who gave feedback, a respondent
  label that is not ``respondent N``), by a stable keyed pseudonym (HMAC-SHA-256 with a
  key); in free text the full name, the surname with its tussenvoegsels and each part
  of the name are found as words in any case (the Turkish ı and İ included), with or
  without diacritics, composed or decomposed (NFC or NFD); scripts written without
  spaces (Chinese, Japanese, Thai) are matched without word boundaries;
* e-mail addresses and telephone numbers, wherever they occur, by a placeholder;
* every person id, and the id of a werkgroep, besluit or school visit whose name gave it
  a slug of a person's name, by a keyed id, in every field that refers to it.

The full names of schools are left as they are (an institution's name is no personal
datum, even "Anne Frankschool"); a person's name elsewhere is replaced even when a school
shares a word with it. The key is fresh for every export unless one is given, and it is
never written into the export.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable, Mapping
from typing import Any

from onderzoekscyclus.domein.namen import Namenvervanger
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.regelids import zonder_ids

__all__ = [
    "MIN_SLEUTEL",
    "Pseudonimisering",
    "pseudoniem",
    "pseudoniem_id",
    "pseudonimiseer",
    "sleutel_uit",
]

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


def pseudoniem(sleutel: bytes, id_: str, *, soort: str = "persoon") -> str:
    """The stable pseudonym of ``id_`` under ``sleutel``: the same key, the same name."""
    code = hmac.new(sleutel, f"{soort}:{id_}".encode(), hashlib.sha256).hexdigest()[:8]
    if soort == "persoon":
        return _("Persoon {code}").format(code=code)
    return _("Betrokkene {code}").format(code=code)


def pseudoniem_id(sleutel: bytes, id_: str, *, voorvoegsel: str = "persoon") -> str:
    """The keyed id an entity gets in a pseudonymised export (``persoon-`` and six
    characters): another key gives another id, so exports cannot be linked by it."""
    code = hmac.new(sleutel, f"id:{id_}".encode(), hashlib.sha256).hexdigest()[:6]
    return f"{voorvoegsel}-{code}"


def _is_respondentlabel(label: str) -> bool:
    return re.fullmatch(r"respondent \d+", label.strip(), re.IGNORECASE) is not None


def _buitenstaanders(obj: Any) -> Iterable[str]:
    namen = getattr(obj, "buitenstaanders", None)
    if callable(namen):
        yield from namen()
    for respondent in getattr(obj, "respondenten", ()):
        if not _is_respondentlabel(respondent.label):
            yield respondent.label


class Pseudonimisering:
    """Everything personal in one selection of a werkplaats, and its keyed replacements
    (the finding is :class:`~onderzoekscyclus.domein.namen.Namenvervanger`'s)."""

    def __init__(self, entiteiten: Mapping[str, tuple[Any, ...]], sleutel: bytes) -> None:
        self.sleutel = sleutel
        personen = entiteiten.get("personen", ())
        namen: dict[str, str] = {p.naam: pseudoniem(sleutel, p.id) for p in personen}
        for objecten in entiteiten.values():
            for obj in objecten:
                for buiten in _buitenstaanders(obj):
                    namen.setdefault(buiten, pseudoniem(sleutel, buiten, soort="buitenstaander"))
        self.namen = namen
        scholen = [s.naam for s in entiteiten.get("scholen", ())]
        zoeker = Namenvervanger(namen, beschermd=scholen)
        ids: dict[str, str] = {p.id: pseudoniem_id(sleutel, p.id) for p in personen}
        for map_, voorvoegsel in (
            ("werkgroepen", "werkgroep"),
            ("besluiten", "besluit"),
            ("bezoeken", "bezoek"),
        ):
            for obj in entiteiten.get(map_, ()):
                if zoeker.noemt_iemand(obj.id):
                    ids[obj.id] = pseudoniem_id(sleutel, obj.id, voorvoegsel=voorvoegsel)
        self.ids = ids
        self._vervanger = Namenvervanger(
            namen,
            beschermd=scholen,
            ids=ids,
            houd_ids={obj.id for objecten in entiteiten.values() for obj in objecten},
        )

    def tekst(self, tekst: str) -> str:
        """``tekst`` with every personal datum in it replaced."""
        return self._vervanger.tekst(tekst)

    def waarde(self, data: Any) -> Any:
        """``data`` with every personal datum replaced (ids of persons, and of werkgroepen
        or besluiten whose name holds a person's name, by their keyed ids). The ids of
        entries go: one is made from its entry's content and would let someone test a
        guess of a text."""
        return self._vervanger.waarde(zonder_ids(data))


def pseudonimiseer(
    entiteiten: Mapping[str, tuple[Any, ...]], sleutel: bytes
) -> tuple[dict[str, tuple[Any, ...]], dict[str, str]]:
    """The same entities with every personal datum replaced (see
    :class:`Pseudonimisering`); also the map of each replaced id to its keyed id."""
    p = Pseudonimisering(entiteiten, sleutel)
    uit = {m: tuple(p.waarde(obj) for obj in objecten) for m, objecten in entiteiten.items()}
    return uit, dict(p.ids)
