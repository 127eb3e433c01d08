"""TOML in and out, with Dutch errors; no domain classes needed.

Every file of a werkplaats is parsed here, so the limits on what is read live here too:
a file larger than :data:`MAX_GROOTTE` or nested deeper than :data:`MAX_DIEPTE` is
refused with a message, before it can exhaust memory or the interpreter's stack.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import tomli  # tomllib's own source, compiled: it reads three times as fast
import tomli_w

from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import N_, _
from onderzoekscyclus.opmaak import getal
from onderzoekscyclus.opslag.invoer import GROOTSTE_INVOER, open_gewoon

__all__ = [
    "MAX_DIEPTE",
    "MAX_GROOTTE",
    "controleer_grootte",
    "dumps_toml",
    "lees_begrensd",
    "loads_toml",
]

MAX_GROOTTE = GROOTSTE_INVOER
"""The most bytes a werkplaats file may have (10 MB, as for any file ``ozc`` reads), far
beyond any file ``ozc`` writes."""

MAX_DIEPTE = 32
"""How deeply lists and tables may nest in a file; ``ozc`` writes at most about six."""

_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# tomli says what and where: "Invalid statement (at line 3, column 5)"
_FOUT = re.compile(
    r"^(?P<wat>.*?) \(at (?:line (?P<regel>\d+), column (?P<kolom>\d+)|end of document)\)$", re.S
)

# tomli's English reasons, each with a Dutch explanation and a way out; a name or
# character the reason mentions is passed on as {naam}
_REDENEN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(patroon), tekst)
    for patroon, tekst in (
        (
            r"Invalid statement",
            N_(
                "hier begint geen geldige regel; een regel is `sleutel = waarde`, een "
                "kop als `[tabel]` of `[[lijst]]`, of een opmerking na `#`"
            ),
        ),
        (
            r"Expected newline or end of document after a statement",
            N_(
                "na de waarde staat nog iets op dezelfde regel; zet elke sleutel op een eigen regel"
            ),
        ),
        (
            r"Invalid initial character for a key part",
            N_(
                "een sleutel begint met een teken dat daar niet mag; gebruik letters, cijfers, "
                "`_` en `-`, of zet de sleutel tussen aanhalingstekens"
            ),
        ),
        (r"Expected '=' after a key in a key/value pair", N_("na de sleutel hoort een `=`")),
        (r"Expected '\]' at the end of a table declaration", N_("de kop mist de sluitende `]`")),
        (
            r"Expected '\]\]' at the end of an array declaration",
            N_("de kop mist de sluitende `]]`"),
        ),
        (
            r"Cannot declare (?P<naam>.+) twice",
            N_("de tabel `[{naam}]` staat twee keer in het bestand; voeg ze samen"),
        ),
        (
            r"Cannot overwrite a value",
            N_("deze sleutel heeft al een waarde; een sleutel mag maar één keer voorkomen"),
        ),
        (
            r"Cannot mutate immutable namespace (?P<naam>.+)",
            N_("`{naam}` is al eerder helemaal vastgelegd en kan hier niet worden aangevuld"),
        ),
        (
            r"Cannot redefine namespace (?P<naam>.+)",
            N_("`{naam}` is al als tabel vastgelegd en kan hier niet opnieuw beginnen"),
        ),
        (
            r"Duplicate inline table key '(?P<naam>.+)'",
            N_("de sleutel `{naam}` staat twee keer in dezelfde tabel"),
        ),
        (r"Unclosed array", N_("een lijst die met `[` begint, wordt niet afgesloten met `]`")),
        (
            r"Unclosed inline table",
            N_(
                "een tabel tussen accolades wordt niet op dezelfde regel afgesloten met een accolade"
            ),
        ),
        (r"Unterminated string", N_("een tekst wordt niet afgesloten met een aanhalingsteken")),
        (
            r"Expected (?P<naam>(['\"]).+\2)",
            N_("een tekst wordt nergens afgesloten met {naam}"),
        ),
        (
            r"Unescaped '\\' in a string",
            N_(
                "schrijf een `\\` in een tekst als `\\\\`, of zet de tekst tussen enkele aanhalingstekens"
            ),
        ),
        (r"Invalid hex value", N_("na `\\u` of `\\U` horen vier of acht hexadecimale cijfers")),
        (
            r"Escaped character is not a Unicode scalar value",
            N_("de code na `\\u` of `\\U` is geen bestaand teken"),
        ),
        (
            r"(?:Illegal|Found invalid) character '\\n'",
            N_(
                "een tekst tussen gewone aanhalingstekens mag niet over meer regels gaan; "
                'zet tekst over meer regels tussen drie aanhalingstekens (""")'
            ),
        ),
        (
            r"(?:Illegal|Found invalid) character (?P<naam>.+)",
            N_("het teken {naam} mag hier niet staan"),
        ),
        (
            r"Invalid date or datetime",
            N_("dit is geen bestaande datum of tijd; schrijf een datum als JJJJ-MM-DD"),
        ),
        (
            r"Invalid value",
            N_(
                "hier hoort een waarde: tekst tussen aanhalingstekens, een getal, true of "
                "false, een datum, een lijst of een tabel"
            ),
        ),
    )
)


def _zonder_leeg(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return {k: _zonder_leeg(v) for k, v in waarde.items() if v is not None}
    if isinstance(waarde, list):
        return [_zonder_leeg(v) for v in waarde]
    return waarde


def dumps_toml(data: dict[str, Any]) -> bytes:
    """TOML bytes for ``data``: UTF-8, ``\\n`` line ends, keys in the order given.

    TOML has no null: a field that is ``None`` is left out, and reads back as its default.
    """
    return tomli_w.dumps(_zonder_leeg(data)).encode("utf-8")


def lees_begrensd(pad: Path) -> bytes:
    """The bytes of a werkplaats file, but no more than one past :data:`MAX_GROOTTE`
    (enough for :func:`loads_toml` to refuse a file that is too large without reading it
    whole); a regular file only, and a named pipe in its place does not make ``ozc``
    wait (see :func:`~onderzoekscyclus.opslag.invoer.open_gewoon`)."""
    with open_gewoon(pad, f"{pad.parent.name}/{pad.name}") as bestand:
        # as many bytes as the file says it has, and one more to see whether it grew:
        # asking for the limit at once costs a buffer of that size for every small file
        grootte = os.fstat(bestand.fileno()).st_size
        inhoud = bestand.read(min(grootte, MAX_GROOTTE) + 1)
        if grootte < len(inhoud) <= MAX_GROOTTE:
            inhoud += bestand.read(MAX_GROOTTE + 1 - len(inhoud))
        return inhoud


def controleer_grootte(inhoud: bytes) -> None:
    """Raise :class:`InvalidValue` when ``inhoud`` is larger than a werkplaats file may be."""
    if len(inhoud) > MAX_GROOTTE:
        raise InvalidValue(
            _(
                "Het bestand is groter dan {max} MB; zo groot wordt een bestand van ozc "
                "niet. Kijk of er per ongeluk iets anders in terecht is gekomen en haal dat weg."
            ).format(max=getal(MAX_GROOTTE / 1_000_000))
        )


def loads_toml(inhoud: bytes) -> dict[str, Any]:
    """Parse TOML bytes; raises :class:`InvalidValue` with a Dutch message.

    A UTF-8 byte order mark at the start (some Windows editors write one) is skipped.
    A file larger than :data:`MAX_GROOTTE` or nested deeper than :data:`MAX_DIEPTE`
    is refused.
    """
    controleer_grootte(inhoud)
    tekst = _als_tekst(inhoud.removeprefix(_BOM))
    try:
        data = tomli.loads(tekst)
    except tomli.TOMLDecodeError as fout:
        raise InvalidValue(_toml_fout(str(fout))) from None
    except RecursionError:
        raise _te_diep() from None
    except ValueError:
        # the only other ValueError tomli lets through: an integer longer than
        # Python converts (sys.get_int_max_str_digits)
        raise InvalidValue(
            _("Er staat een getal in met meer cijfers dan ozc kan lezen; herstel dat getal.")
        ) from None
    if _diepte(data) > MAX_DIEPTE:
        raise _te_diep()
    return data


def _als_tekst(inhoud: bytes) -> str:
    if inhoud.startswith(_UTF16_BOMS):
        raise InvalidValue(
            _(
                "Het bestand is opgeslagen als UTF-16; ozc leest alleen UTF-8. Sla het op "
                "met de codering UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8)."
            )
        )
    try:
        return inhoud.decode("utf-8")
    except UnicodeDecodeError as fout:
        raise InvalidValue(
            _(
                "Het bestand is geen UTF-8-tekst (byte {positie}). Sla het op met de "
                "codering UTF-8 (in Kladblok: Opslaan als, Codering: UTF-8)."
            ).format(positie=fout.start)
        ) from None


def _toml_fout(melding: str) -> str:
    """A Dutch message for tomli's English one, keeping where it went wrong."""
    plek = _FOUT.match(melding)
    wat = plek["wat"] if plek else melding
    detail = _("het bestand volgt hier de regels van TOML niet")
    for patroon, tekst in _REDENEN:
        gevonden = patroon.fullmatch(wat)
        if gevonden:
            detail = _(tekst).format(naam=_sleutel(gevonden.groupdict().get("naam")))
            break
    if plek is None:
        return _("Geen geldige TOML: {detail}").format(detail=detail)
    if plek["regel"] is None:
        return _("Geen geldige TOML aan het einde van het bestand ({detail}).").format(
            detail=detail
        )
    return _("Geen geldige TOML op regel {regel}, kolom {kolom} ({detail}).").format(
        regel=plek["regel"], kolom=plek["kolom"], detail=detail
    )


def _sleutel(naam: str | None) -> str | None:
    """A key as a person writes it (``a.b``), for tomli's ``('a', 'b')``."""
    if naam is None or not naam.startswith("("):
        return naam
    import ast  # noqa: PLC0415 - only for a broken file

    try:
        delen = ast.literal_eval(naam)
    except (ValueError, SyntaxError):
        return naam
    return ".".join(delen) if isinstance(delen, tuple) else naam


def _te_diep() -> InvalidValue:
    return InvalidValue(
        _(
            "Het bestand heeft lijsten of tabellen die meer dan {max} lagen diep in elkaar "
            "staan; zo schrijft ozc een bestand niet. Herstel het of haal het weg."
        ).format(max=MAX_DIEPTE)
    )


def _diepte(data: Any) -> int:
    """How deeply lists and tables nest in ``data`` (1 for a table of plain values);
    iterative, so a deep value cannot exhaust the stack here."""
    if not isinstance(data, dict | list):
        return 0
    diepste = 0
    te_doen: list[tuple[Any, int]] = [(data, 1)]
    while te_doen:
        waarde, diepte = te_doen.pop()
        if diepte > diepste:
            diepste = diepte
            if diepte > MAX_DIEPTE:
                break
        # only tables and lists are put on the stack: every file is checked, keep it quick
        for w in waarde.values() if isinstance(waarde, dict) else waarde:
            if isinstance(w, dict | list):
                te_doen.append((w, diepte + 1))
    return diepste
