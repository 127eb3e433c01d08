"""Schools as DUO's open data gives them: the rows of an address file, read into what a
werkplaats keeps of a school.

DUO (Dienst Uitvoering Onderwijs) publishes the addresses of every school location as
semicolon-separated files. Two generations are in use: older files name a school by
``BRIN NUMMER`` (with ``VESTIGINGSNUMMER`` and ``VESTIGINGSNAAM`` or ``INSTELLINGSNAAM``),
newer ones by ``INSTELLINGSCODE``, ``VESTIGINGSCODE`` and ``VESTIGINGSNAAM``; both carry
columns such as ``STRAATNAAM``, ``POSTCODE``, ``PLAATSNAAM``, ``GEMEENTENAAM``,
``PROVINCIE``, ``BEVOEGD GEZAG NUMMER``, ``DENOMINATIE`` and ``INTERNETADRES``. A column
is found by its name in either spelling (case, spaces, hyphens and underscores do not
count), wherever it stands.

The sector comes from the file: a column with the kind of primary school (``SOORT PO``:
BO, SBO, SO, VSO) or the structure of secondary education (``ONDERWIJSSTRUCTUUR``: vo);
for any other file the caller says which sector it is.

Pure: rows in, schools or reasons out; reading the file is the caller's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from onderzoekscyclus.domein.model import Adres, schone_brin
from onderzoekscyclus.domein.waarden import Sector
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["Duovestiging", "lees_duo"]

# each field, with the names DUO gives its column (first found wins)
_KOLOMMEN: dict[str, tuple[str, ...]] = {
    "brin": ("INSTELLINGSCODE", "BRIN NUMMER", "BRINNUMMER", "BRIN"),
    "vestiging": ("VESTIGINGSCODE", "VESTIGINGSNUMMER"),
    "naam": ("VESTIGINGSNAAM", "INSTELLINGSNAAM", "NAAM"),
    "straat": ("STRAATNAAM",),
    "huisnummer": ("HUISNUMMER TOEVOEGING", "HUISNUMMER"),
    "toevoeging": ("HUISNUMMERTOEVOEGING", "TOEVOEGING"),
    "postcode": ("POSTCODE",),
    "plaats": ("PLAATSNAAM", "PLAATS"),
    "gemeente": ("GEMEENTENAAM", "GEMEENTE"),
    "provincie": ("PROVINCIE",),
    "bevoegd_gezag": ("BEVOEGD GEZAG NUMMER", "BEVOEGDGEZAGNUMMER", "BEVOEGD GEZAG"),
    "denominatie": ("DENOMINATIE",),
    "website": ("INTERNETADRES", "WEBSITE"),
    "soort_po": ("SOORT PO", "SOORT PRIMAIR ONDERWIJS", "SOORT BASISONDERWIJS"),
    "structuur_vo": ("ONDERWIJSSTRUCTUUR",),
}

# the kinds of primary and special school in DUO's files
_SOORT_PO = {
    "BO": Sector.PO,
    "BAO": Sector.PO,
    "SBO": Sector.SO,
    "SO": Sector.SO,
    "VSO": Sector.SO,
    "(V)SO": Sector.SO,
    "SO/VSO": Sector.SO,
}


@attrs.frozen
class Duovestiging:
    """One school location of a DUO file, with the line it stands on.

    .. versionadded:: 0.2.0
    """

    regel: int
    brin: str
    vestiging: str
    naam: str
    sector: Sector
    adres: Adres
    bevoegd_gezag: str | None
    denominatie: str | None
    website: str | None


def _kop(tekst: str) -> str:
    """A column name as compared: capitals, single spaces (hyphens and underscores count
    as spaces), no byte-order mark or quotes."""
    return " ".join(re.sub(r"[-_]+", " ", tekst.replace("\ufeff", "").strip(' "')).upper().split())


def _plekken(kop: Sequence[str]) -> dict[str, int]:
    gezien = {_kop(k): i for i, k in reversed(list(enumerate(kop)))}
    uit = {}
    for veld, namen in _KOLOMMEN.items():
        for naam in namen:
            if naam in gezien:
                uit[veld] = gezien[naam]
                break
    return uit


def lees_duo(
    rijen: Sequence[tuple[int, Sequence[str]]], label: str, sector: Sector | None = None
) -> tuple[list[Duovestiging], list[str]]:
    """The school locations of a DUO address file (its rows with their line numbers, the
    header first), and a line for every row that cannot be read (``label`` names the
    file). ``sector`` is the sector of every school when the file does not say it.

    A file without a school code or a name column is refused as a whole.
    """
    (_regel, kop), *rest = rijen
    plek = _plekken(kop)
    ontbreekt = [k for k in ("brin", "naam") if k not in plek]
    if ontbreekt:
        raise InvalidValue(
            _("{bestand} is geen adressenbestand van DUO: de kolom {kolom} ontbreekt.").format(
                bestand=label, kolom=_KOLOMMEN[ontbreekt[0]][0]
            ),
            _(
                "Gebruik een bestand met de adressen van scholen of vestigingen van "
                "DUO (onderwijsdata.duo.nl), met een kopregel."
            ),
        )
    if sector is None and "soort_po" not in plek and "structuur_vo" not in plek:
        raise InvalidValue(
            _("Uit {bestand} blijkt niet om welke sector het gaat.").format(bestand=label),
            _("Zeg het met --sector (po, so, vo, mbo of opleiding)."),
            veld="sector",
        )
    uit, problemen = [], []
    for regel, rij in rest:

        def cel(veld: str, rij: Sequence[str] = rij) -> str:
            i = plek.get(veld)
            return rij[i].strip() if i is not None and i < len(rij) else ""

        try:
            uit.append(_vestiging(regel, cel, sector))
        except InvalidValue as fout:
            problemen.append(
                _("{bestand} regel {regel}: {fout}").format(
                    bestand=label, regel=regel, fout=fout.bericht
                )
            )
    return uit, problemen


_Cel = Callable[[str], str]
"""Reads the cell of a field in the row at hand ("" when there is none)."""


def _vestiging(regel: int, cel: _Cel, sector: Sector | None) -> Duovestiging:
    naam = cel("naam")
    if not naam:
        raise InvalidValue(_("de naam van de school ontbreekt."))
    brin = schone_brin(cel("brin"))
    nummer = cel("vestiging").upper()
    if not nummer:
        vestiging = f"{brin}00"
    elif re.fullmatch(r"[0-9]{1,2}", nummer):
        vestiging = f"{brin}{int(nummer):02d}"
    elif re.fullmatch(r"[0-9]{2}[A-Z]{2}[0-9]{2}", nummer) and nummer.startswith(brin):
        vestiging = nummer
    else:
        raise InvalidValue(
            _("de vestigingscode '{code}' past niet bij BRIN-code {brin}.").format(
                code=nummer, brin=brin
            )
        )
    straat = " ".join(d for d in (cel("straat"), cel("huisnummer"), cel("toevoeging")) if d)
    return Duovestiging(
        regel=regel,
        brin=brin,
        vestiging=vestiging,
        naam=naam,
        sector=sector or _sector_van(cel),
        adres=Adres(
            straat=straat,
            postcode=cel("postcode"),
            plaats=_zoals_geschreven(cel("plaats")),
            gemeente=_zoals_geschreven(cel("gemeente")),
            provincie=_zoals_geschreven(cel("provincie")),
        ),
        bevoegd_gezag=cel("bevoegd_gezag").lstrip("0") or None,
        denominatie=cel("denominatie") or None,
        website=cel("website") or None,
    )


def _sector_van(cel: _Cel) -> Sector:
    soort = cel("soort_po").upper().replace(" ", "")
    if soort:
        if soort in _SOORT_PO:
            return _SOORT_PO[soort]
        raise InvalidValue(
            _("de soort school '{soort}' ken ik niet; zeg de sector met --sector.").format(
                soort=soort
            )
        )
    if cel("structuur_vo"):
        return Sector.VO
    raise InvalidValue(_("de soort school ontbreekt; zeg de sector met --sector."))


def _zoals_geschreven(tekst: str) -> str:
    """A place name in capitals (as older DUO files write them) as people write it;
    anything already in mixed case as it is."""
    if not tekst.isupper():
        return tekst
    geschreven = re.sub(
        r"[^\W\d_]+(?:['’][^\W\d_]+)?",
        lambda m: (
            m.group(0).lower()
            if m.group(0).lower() in {"aan", "de", "den", "der", "en", "op", "bij", "in"}
            and m.start() > 0
            else m.group(0).capitalize()
        ),
        tekst,
    )
    return re.sub(r"^['’]S-", "'s-", geschreven)  # 's-Hertogenbosch, 's-Gravenhage
