"""Finding a person's name in text, in any spelling, and replacing it (AVG).

This is the one place that knows what a name looks like in free text. A
:class:`Namenvervanger` is given names and what each should become; it finds, in any
text, the full name, the surname with its tussenvoegsels and each part of the name as a
word, whatever the case (the Turkish ı and İ included), with or without diacritics,
composed or decomposed (NFC or NFD); in scripts written without spaces (Chinese,
Japanese, Thai) also inside a word. E-mail addresses and telephone numbers are replaced
too. Protected phrases (the full names of schools) are left alone.

Pseudonymised exports (:mod:`onderzoekscyclus.export.pseudoniem`) and forgetting a
person (``Personen.vergeet``) both use it.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from onderzoekscyclus.i18n import _, huidige_taal

__all__ = ["Namenvervanger", "delen", "vouw", "zonder_spaties"]

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
# apostrophes and hyphens people type in names (d'Ancona, O’Brien)
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


def zonder_spaties(teken: str) -> bool:
    """Whether ``teken`` belongs to a script written without spaces between words."""
    naam = unicodedata.name(teken, "")
    return naam.startswith(("CJK ", "HIRAGANA", "KATAKANA", "THAI", "LAO ", "KHMER", "MYANMAR"))


def delen(naam: str) -> list[str]:
    """What of a name identifies a person on its own: the full name, the surname with
    its tussenvoegsels ("van den Berg"), and each part of two letters or more that is no
    tussenvoegsel between first name and surname ("Uit" as a first name counts)."""
    woorden = naam.split()
    uit = [naam]
    if len(woorden) > 2:
        uit.append(" ".join(woorden[1:]))
    stukken = [s for s in re.split(r"[\s\-/]+", naam) if s]
    for i, stuk in enumerate(stukken):
        tussen = 0 < i < len(stukken) - 1 and stuk.casefold() in _TUSSENVOEGSELS
        if not tussen and (len(stuk) >= 2 or any(zonder_spaties(t) for t in stuk)):
            uit.append(stuk)
        if "'" in stuk or "’" in stuk:  # d'Ancona also goes by Ancona
            rest = re.split(r"['’]", stuk)[-1]
            if len(rest) >= 2:
                uit.append(rest)
    return uit


_EMAIL = re.compile(r"[\w.+%'-]+@[\w-]+(?:\.[\w-]+)+")
# a telephone number as people write one: international (+31 6 1234 5678, 0031-20-…)
# or Dutch (ten digits from a 0: 06-12345678, (030) 123 45 67, 020.123.45.67)
_TELEFOON = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}(?:[\s.-]{0,2}\(0\))?(?:[\s().-]{0,2}\d){7,12}"
    r"|\(?0(?:[\s()./-]{0,2}\d){9})(?!\w)"
)


_WOORD = re.compile(r"\w+")
_WOORDTEKEN = re.compile(r"\w")


class _Vormen:
    """Every form (folded) as whole words, found in a text as one pattern of all of them,
    longest first, would find them (left to right, the first form in that order at each
    place); a form in a script without spaces matches anywhere.

    Quick on thousands of forms: a form that begins with a word (in a script with
    spaces) can only be found where the text has exactly that word, so a text is
    searched only for the forms whose first word it has and that it holds at all (and
    the few others); a pattern of all forms would try each of them at every position.
    """

    def __init__(self, vormen: Iterable[str]) -> None:
        gesorteerd = sorted(set(vormen), key=lambda v: (-len(v), v))
        self._plek = {v: i for i, v in enumerate(gesorteerd)}
        self._per_woord: dict[str, list[str]] = {}
        self._altijd: list[str] = []
        for vorm in gesorteerd:
            eerste = _WOORD.match(vorm)
            if eerste is not None and not any(zonder_spaties(t) for t in eerste.group(0)):
                self._per_woord.setdefault(eerste.group(0), []).append(vorm)
            else:
                self._altijd.append(vorm)

    def __bool__(self) -> bool:
        return bool(self._plek)

    def vind(self, tekst: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of the forms in ``tekst`` (folded), left to right."""
        kandidaten = [v for v in self._altijd if v in tekst]
        for woord in set(_WOORD.findall(tekst)):
            kandidaten.extend(v for v in self._per_woord.get(woord, ()) if v in tekst)
        if not kandidaten:
            return []
        # every place a form stands as a whole word, then what the pattern would take
        plaatsen = []
        for vorm in kandidaten:
            voor, na = not zonder_spaties(vorm[0]), not zonder_spaties(vorm[-1])
            begin = tekst.find(vorm)
            while begin >= 0:
                einde = begin + len(vorm)
                if not (voor and begin > 0 and _WOORDTEKEN.match(tekst[begin - 1])) and not (
                    na and einde < len(tekst) and _WOORDTEKEN.match(tekst[einde])
                ):
                    plaatsen.append((begin, self._plek[vorm], einde, vorm))
                begin = tekst.find(vorm, begin + 1)
        uit: list[tuple[int, int, str]] = []
        verder = 0
        for begin, _plek, einde, vorm in sorted(plaatsen):
            if begin >= verder:
                uit.append((begin, einde, vorm))
                verder = einde
        return uit


class Namenvervanger:
    """Replaces names (each with its own replacement), e-mail addresses and telephone
    numbers in text, and ids by other ids; leaves protected phrases alone."""

    def __init__(
        self,
        namen: Mapping[str, str],
        *,
        beschermd: Iterable[str] = (),
        ids: Mapping[str, str] | None = None,
        houd_ids: Iterable[str] = (),
    ) -> None:
        self.vormen: dict[str, str] = {}
        for naam, vervanging in sorted(namen.items(), key=lambda p: (-len(p[0]), p[0])):
            for deel in delen(naam):
                gevouwen = vouw(deel)[0].strip()
                if gevouwen:
                    self.vormen.setdefault(gevouwen, vervanging)
        self._patroon = _Vormen(self.vormen)
        self._beschermd = _Vormen(v for b in beschermd if (v := vouw(b)[0].strip()))
        self.ids = dict(ids or {})
        self._houd = frozenset(houd_ids)
        self._id_patroon = (
            re.compile("|".join(re.escape(i) for i in sorted(self.ids, key=len, reverse=True)))
            if self.ids
            else None
        )
        # the same text is often met many times (an indicator's name in every
        # measurement, a theme in every werkgroep): replaced once, remembered
        self._vervangen: dict[tuple[str, str], str] = {}
        self._slugs: frozenset[str] | None = None

    def noemt_iemand(self, id_: str) -> bool:
        """Whether the slug of ``id_`` holds a word of one of the names (a run of its
        dash-separated parts is the slug of a form of a name)."""
        if self._slugs is None:
            from onderzoekscyclus.domein.tekst import slug  # noqa: PLC0415

            self._slugs = frozenset(s for vorm in self.vormen if (s := slug(vorm)) and len(s) >= 2)
        delen_ = id_.split("-")
        return any(
            "-".join(delen_[i:j]) in self._slugs
            for i in range(len(delen_))
            for j in range(i + 1, len(delen_) + 1)
        )

    def tekst(self, tekst: str) -> str:
        """``tekst`` with every name, e-mail address, telephone number and id replaced."""
        sleutel = (huidige_taal(), tekst)  # "[e-mailadres]" is said in the current language
        klaar = self._vervangen.get(sleutel)
        if klaar is None:
            klaar = self._vervangen[sleutel] = self._vervang(tekst)
        return klaar

    def _vervang(self, tekst: str) -> str:
        tekst = _EMAIL.sub(_("[e-mailadres]"), tekst)
        tekst = _TELEFOON.sub(_("[telefoonnummer]"), tekst)
        if self._id_patroon is not None:
            tekst = self._id_patroon.sub(lambda m: self.ids[m.group(0)], tekst)
        if not self._patroon:
            return tekst
        gevouwen, herkomst = vouw(tekst)
        beschermd = (
            [(a, b) for a, b, _v in self._beschermd.vind(gevouwen)] if self._beschermd else []
        )
        stukken = []
        for start, eind, vorm in self._patroon.vind(gevouwen):
            if any(a <= start < b or a < eind <= b for a, b in beschermd):
                continue
            begin = herkomst[start]
            einde = herkomst[eind - 1] + 1
            while einde < len(tekst) and unicodedata.combining(tekst[einde]):
                einde += 1
            stukken.append((begin, einde, self.vormen[vorm]))
        for begin, einde, vervanging in reversed(stukken):
            tekst = tekst[:begin] + vervanging + tekst[einde:]
        return tekst

    def waarde(self, data: Any) -> Any:  # noqa: PLR0911 - one return per kind of value
        """``data`` (an attrs object, a dict, list, tuple or text) with every personal
        datum replaced. Enum values (a role "lid", a sector "po") are no free text; an id
        is replaced when it is in ``ids``, kept when it is in ``houd_ids``."""
        if isinstance(data, enum.Enum):
            return data
        if isinstance(data, str):
            if data in self.ids:
                return self.ids[data]
            if data in self._houd:
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

    def tekstvervanger(self) -> Callable[[str], str]:
        """:meth:`tekst` as a plain function."""
        return self.tekst
