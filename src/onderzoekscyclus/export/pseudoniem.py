"""Pseudonymising an export (AVG): no personal datum is left, in any form, in any text.

:class:`Pseudonimisering` is the one place that knows what personal data looks like in a
werkplaats and replaces it:

* every person's name, and every outsider's (a parent who gave feedback, a respondent
  label that is not ``respondent N``), by a stable keyed pseudonym (HMAC-SHA-256 with a
  key); in free text the full name, the surname with its tussenvoegsels and each part
  of the name are found as words in any case (the Turkish ı and İ included), with or
  without diacritics, composed or decomposed (NFC or NFD); scripts written without
  spaces (Chinese, Japanese, Thai) are matched without word boundaries;
* e-mail addresses and telephone numbers, wherever they occur, by a placeholder;
* every person id, and the id of a werkgroep or besluit whose name gave it a slug of a
  person's name, by a keyed id, in every field that refers to it.

The full names of schools are left as they are (an institution's name is no personal
datum, even "Anne Frankschool"); a person's name elsewhere is replaced even when a school
shares a word with it. The key is fresh for every export unless one is given, and it is
never written into the export.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
import functools
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = [
    "MIN_SLEUTEL",
    "Pseudonimisering",
    "pseudoniem",
    "pseudoniem_id",
    "pseudonimiseer",
    "sleutel_uit",
    "vouw",
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

# letters that neither decomposition nor casefold bring to a plain letter, and the
# apostrophes people type in names (d'Ancona, O’Brien)
_EXTRA = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "‐": "-",
        "‑": "-",
    }
)


@functools.lru_cache(maxsize=4096)
def _vouw_teken(teken: str) -> str:
    """One character as it is compared: no diacritics, folded case, plain letters (a
    combining mark on its own folds to nothing)."""
    kaal = "".join(
        c
        for c in unicodedata.normalize("NFKD", teken.translate(_EXTRA))
        if not unicodedata.combining(c)
    )
    gevouwen = unicodedata.normalize("NFKD", kaal.casefold().translate(_EXTRA))
    return "".join(c for c in gevouwen if not unicodedata.combining(c))


def vouw(tekst: str) -> tuple[str, list[int]]:
    """``tekst`` as names are compared, and for each character of it the index of the
    character of ``tekst`` it came from.

    Case (Turkish ı and İ included), diacritics and composed or decomposed forms do not
    count: "Yılmaz", "YILMAZ", "Yilmaz" and "Yılmaz" in NFD all fold to "yilmaz".
    """
    gevouwen: list[str] = []
    herkomst: list[int] = []
    for plek, teken in enumerate(tekst):
        for deel in _vouw_teken(teken):
            gevouwen.append(deel)
            herkomst.append(plek)
    return "".join(gevouwen), herkomst


def _zonder_spaties(teken: str) -> bool:
    """Whether ``teken`` belongs to a script written without spaces between words."""
    naam = unicodedata.name(teken, "")
    return naam.startswith(("CJK ", "HIRAGANA", "KATAKANA", "THAI", "LAO ", "KHMER", "MYANMAR"))


_EMAIL = re.compile(r"[\w.+%'-]+@[\w-]+(?:\.[\w-]+)+")
# a telephone number as people write one: international (+31 6 1234 5678, 0031-20-…)
# or Dutch (ten digits from a 0: 06-12345678, (030) 123 45 67, 020.123.45.67)
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}(?:[\s.-]{0,2}\(0\))?(?:[\s().-]{0,2}\d){7,12}"
    r"|\(?0(?:[\s()./-]{0,2}\d){9})(?!\w)"
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


def _delen(naam: str) -> list[str]:
    """What of a name identifies a person on its own: the full name, the surname with
    its tussenvoegsels ("van den Berg"), and each part of two letters or more that is no
    tussenvoegsel between first name and surname ("Uit" as a first name counts)."""
    woorden = naam.split()
    uit = [naam]
    if len(woorden) > 2:
        uit.append(" ".join(woorden[1:]))
    stukken = [s for s in re.split(r"[\s\-]+", naam) if s]
    for i, stuk in enumerate(stukken):
        tussen = 0 < i < len(stukken) - 1 and stuk.casefold() in _TUSSENVOEGSELS
        if not tussen and (len(stuk) >= 2 or any(_zonder_spaties(t) for t in stuk)):
            uit.append(stuk)
        if "'" in stuk or "’" in stuk:  # d'Ancona also goes by Ancona
            rest = re.split(r"['’]", stuk)[-1]
            if len(rest) >= 2:
                uit.append(rest)
    return uit


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
    """Everything personal in one selection of a werkplaats, and its replacements."""

    def __init__(self, entiteiten: Mapping[str, tuple[Any, ...]], sleutel: bytes) -> None:
        self.sleutel = sleutel
        personen = entiteiten.get("personen", ())
        namen: dict[str, str] = {p.naam: pseudoniem(sleutel, p.id) for p in personen}
        for objecten in entiteiten.values():
            for obj in objecten:
                for buiten in _buitenstaanders(obj):
                    namen.setdefault(buiten, pseudoniem(sleutel, buiten, soort="buitenstaander"))
        self.namen = namen
        self.ids: dict[str, str] = {p.id: pseudoniem_id(sleutel, p.id) for p in personen}
        self._vormen = self._naamvormen(namen)
        self._patroon = _patroon(self._vormen)
        self._scholen = _patroon({vouw(s.naam)[0]: "" for s in entiteiten.get("scholen", ())})
        for map_, voorvoegsel in (("werkgroepen", "werkgroep"), ("besluiten", "besluit")):
            for obj in entiteiten.get(map_, ()):
                if self._noemt_iemand(obj.id):
                    self.ids[obj.id] = pseudoniem_id(sleutel, obj.id, voorvoegsel=voorvoegsel)
        self._alle_ids = {obj.id for objecten in entiteiten.values() for obj in objecten}
        self._id_patroon = (
            re.compile("|".join(re.escape(i) for i in sorted(self.ids, key=len, reverse=True)))
            if self.ids
            else None
        )

    @staticmethod
    def _naamvormen(namen: Mapping[str, str]) -> dict[str, str]:
        """Each folded form of a name that identifies someone, with its pseudonym; a
        longer form is tried before a shorter one."""
        vormen: dict[str, str] = {}
        for naam, schuilnaam in sorted(namen.items(), key=lambda p: (-len(p[0]), p[0])):
            for deel in _delen(naam):
                gevouwen = vouw(deel)[0].strip()
                if gevouwen:
                    vormen.setdefault(gevouwen, schuilnaam)
        return vormen

    def _noemt_iemand(self, id_: str) -> bool:
        """Whether the slug of ``id_`` holds a word of someone's name."""
        from onderzoekscyclus.domein.tekst import slug  # noqa: PLC0415

        woorden = f"-{id_}-"
        return any(
            f"-{s}-" in woorden for vorm in self._vormen if (s := slug(vorm)) and len(s) >= 2
        )

    def tekst(self, tekst: str) -> str:
        """``tekst`` with every personal datum in it replaced."""
        tekst = _EMAIL.sub(_("[e-mailadres]"), tekst)
        tekst = _TELEFOON.sub(_("[telefoonnummer]"), tekst)
        if self._id_patroon is not None:
            tekst = self._id_patroon.sub(lambda m: self.ids[m.group(0)], tekst)
        if self._patroon is None:
            return tekst
        gevouwen, herkomst = vouw(tekst)
        beschermd = (
            [(m.start(), m.end()) for m in self._scholen.finditer(gevouwen)]
            if self._scholen is not None
            else []
        )
        stukken = []
        for m in self._patroon.finditer(gevouwen):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in beschermd):
                continue
            begin = herkomst[m.start()]
            einde = herkomst[m.end() - 1] + 1
            while einde < len(tekst) and unicodedata.combining(tekst[einde]):
                einde += 1
            stukken.append((begin, einde, self._vormen[m.group(0)]))
        for begin, einde, schuilnaam in reversed(stukken):
            tekst = tekst[:begin] + schuilnaam + tekst[einde:]
        return tekst

    def waarde(self, data: Any) -> Any:  # noqa: PLR0911 - one return per kind of value
        """``data`` with every personal datum replaced. Enum values (a role "lid", a
        sector "po") are no free text; an id is replaced only when it is a person's or
        names someone."""
        if isinstance(data, enum.Enum):
            return data
        if isinstance(data, str):
            if data in self.ids:
                return self.ids[data]
            if data in self._alle_ids:
                return data
            return self.tekst(data)
        if attrs.has(type(data)):
            return attrs.evolve(
                data,
                **{
                    veld.alias: self.waarde(getattr(data, veld.name))
                    for veld in attrs.fields(type(data))
                    if veld.init
                },
            )
        if isinstance(data, dict):
            return {self.waarde(k): self.waarde(v) for k, v in data.items()}
        if isinstance(data, list | tuple):
            return type(data)(self.waarde(v) for v in data)
        return data


def _patroon(vormen: Mapping[str, str]) -> re.Pattern[str] | None:
    """One pattern for all ``vormen`` (folded), longest first, as whole words; a form in
    a script without spaces matches anywhere."""
    if not vormen:
        return None
    delen = []
    for vorm in sorted(vormen, key=lambda v: (-len(v), v)):
        voor = "" if _zonder_spaties(vorm[0]) else r"(?<!\w)"
        na = "" if _zonder_spaties(vorm[-1]) else r"(?!\w)"
        delen.append(voor + re.escape(vorm) + na)
    return re.compile("|".join(delen))


def pseudonimiseer(
    entiteiten: Mapping[str, tuple[Any, ...]], sleutel: bytes
) -> tuple[dict[str, tuple[Any, ...]], dict[str, str]]:
    """The same entities with every personal datum replaced (see
    :class:`Pseudonimisering`); also the map of each replaced id to its keyed id."""
    p = Pseudonimisering(entiteiten, sleutel)
    uit = {m: tuple(p.waarde(obj) for obj in objecten) for m, objecten in entiteiten.items()}
    return uit, dict(p.ids)


def schoonmaker(entiteiten: Mapping[str, tuple[Any, ...]], sleutel: bytes) -> Callable[[str], str]:
    """The text scrubber of :class:`Pseudonimisering` for ``entiteiten``."""
    return Pseudonimisering(entiteiten, sleutel).tekst
