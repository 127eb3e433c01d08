"""The domain core: schools, persons, werkgroepen and their logboek.

Plain attrs classes with no I/O. They validate what they hold (a BRIN code, a
non-empty name, a known sector) with messages a teacher can act on; reading and
writing files happens elsewhere, through one converter (:mod:`onderzoekscyclus.opslag`).
Instances are frozen: a change is a new object (``attrs.evolve``), which keeps a
refused operation from leaving half a change behind.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from onderzoekscyclus.domein import velden
from onderzoekscyclus.domein.cyclus import Onderzoekscyclus
from onderzoekscyclus.domein.tekst import controleer_zichtbaar, nfc, niet_leeg
from onderzoekscyclus.domein.waarden import (
    LidRol,
    LidRolWaarde,
    Rol,
    RolWaarde,
    Sector,
    SectorWaarde,
    WerkgroepSoort,
    WerkgroepSoortWaarde,
)
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = [
    "Adres",
    "GenummerdeLogregel",
    "Koppeling",
    "Lid",
    "LidRol",
    "LidRolWaarde",
    "Logregel",
    "Persoon",
    "Profiel",
    "Rol",
    "RolWaarde",
    "School",
    "Sector",
    "SectorWaarde",
    "VisieElement",
    "Werkgroep",
    "WerkgroepSoort",
    "WerkgroepSoortWaarde",
    "WerkplaatsInfo",
]


E = TypeVar("E", bound=enum.Enum)

_MAX_NAAM = 200
_BRIN = re.compile(r"^[0-9]{2}[A-Z]{2}$")
_VERBODEN_IN_NAAM = re.compile(r"[\\]")


# --- converters and validators: each names the field and says how to fix it ---------


def _sector(waarde: Any) -> Sector:
    return velden.naar_enum(Sector, "sector")(waarde)


def _soort(waarde: Any) -> WerkgroepSoort:
    return velden.naar_enum(WerkgroepSoort, "soort")(waarde)


def _lidrol(waarde: Any) -> LidRol:
    return velden.naar_enum(LidRol, "rol")(waarde)


def _rollen(waarden: Iterable[Any]) -> tuple[Rol, ...]:
    rol = velden.naar_enum(Rol, "rol")
    return tuple(sorted({rol(w) for w in waarden}, key=lambda e: str(e.value)))


def _naam_validator(_inst: object, attribuut: attrs.Attribute[str], waarde: str) -> None:
    try:
        schone_naam(waarde)
    except InvalidValue as fout:
        fout.veld = attribuut.name
        raise


def schone_naam(waarde: str) -> str:
    """Clean and check a name: composed (NFC), trimmed, not empty, not too long, every
    character visible.

    A name is display text (the id is a slug made from it), so "Rekenen groep 1/2" is
    fine. Invisible characters and ones that turn the writing direction (a zero-width
    space, a right-to-left override) are refused: they would make a name that looks
    like another one.

    .. versionchanged:: 0.2.0 ``/`` is allowed; invisible characters are refused.
    """
    if not isinstance(waarde, str):
        raise InvalidValue(_("Een naam moet tekst zijn."), veld="naam")
    schoon = nfc(waarde).strip()
    if not schoon:
        raise InvalidValue(
            _("Een naam mag niet leeg zijn."), _("Geef een naam met letters of cijfers.")
        )
    if len(schoon) > _MAX_NAAM:
        raise InvalidValue(
            _("De naam is {n} tekens lang; het maximum is {max}.").format(
                n=len(schoon), max=_MAX_NAAM
            )
        )
    controleer_zichtbaar(schoon, "naam", regel=True)
    if _VERBODEN_IN_NAAM.search(schoon) or schoon.startswith("."):
        raise InvalidValue(
            _("De naam '{naam}' bevat een '\\' of begint met een punt.").format(naam=schoon),
            _("Laat het teken weg, of gebruik bijvoorbeeld een '/' of '-'."),
        )
    return schoon


def _woorden(waarden: Iterable[str]) -> tuple[str, ...]:
    """A set of short texts (themes, expertise): trimmed, unique, sorted."""
    gezien: dict[str, str] = {}
    for waarde in waarden:
        if not isinstance(waarde, str):
            raise InvalidValue(_("Verwacht tekst, maar kreeg {waarde!r}.").format(waarde=waarde))
        schoon = " ".join(waarde.split())
        if schoon:
            gezien.setdefault(schoon.casefold(), schoon)
    return tuple(sorted(gezien.values(), key=str.casefold))


def _lijst(waarden: Iterable[str]) -> tuple[str, ...]:
    """An ordered list of texts: trimmed, empty ones dropped, order kept."""
    return tuple(s for s in (w.strip() for w in waarden) if s)


def _brin_vorm(waarde: Any) -> Any:
    return waarde.strip().upper() if isinstance(waarde, str) else waarde


def _brin_validator(_inst: object, _a: attrs.Attribute[str], waarde: str) -> None:
    schone_brin(waarde)


_VESTIGING = re.compile(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$")


def _vestiging_vorm(waarde: Any) -> Any:
    if isinstance(waarde, str):
        return waarde.strip().upper() or None
    return waarde


def _vestiging_validator(inst: School, _a: attrs.Attribute[str | None], waarde: str | None) -> None:
    if waarde is None:
        return
    if not isinstance(waarde, str) or not _VESTIGING.fullmatch(waarde):
        raise InvalidValue(
            _("Ongeldige vestigingscode '{waarde}'.").format(waarde=waarde),
            _("Een vestigingscode is de BRIN-code met twee cijfers erachter, zoals 12AB00."),
            veld="vestiging",
        )
    if not waarde.startswith(inst.brin):
        raise InvalidValue(
            _("De vestigingscode {vestiging} hoort niet bij BRIN-code {brin}.").format(
                vestiging=waarde, brin=inst.brin
            ),
            _("Een vestigingscode begint met de BRIN-code van de school."),
            veld="vestiging",
        )


def schone_brin(waarde: str) -> str:
    """Normalise and check a BRIN code or instellingscode: two digits, two letters."""
    if not isinstance(waarde, str):
        raise InvalidValue(_("Een BRIN-code moet tekst zijn, zoals 12AB."), veld="brin")
    schoon = waarde.strip().upper()
    if not _BRIN.fullmatch(schoon):
        raise InvalidValue(
            _("Ongeldige BRIN-code '{waarde}'.").format(waarde=waarde),
            _("Een BRIN-code (of instellingscode) is twee cijfers en twee letters, zoals 12AB."),
            veld="brin",
        )
    return schoon


def _optionele_tekst(waarde: str | None) -> str | None:
    if waarde is None:
        return None
    schoon = waarde.strip()
    return schoon or None


# --- the classes ---------------------------------------------------------------------


@attrs.frozen
class VisieElement:
    """A named element of a school's vision, which a goal can point to (the "why")."""

    sleutel: str = attrs.field(converter=velden.als_naam, validator=_naam_validator)
    tekst: str = attrs.field(validator=niet_leeg)


@attrs.frozen
class Profiel:
    """What a school is proud of and wants to share, and its speerpunten."""

    trots: tuple[str, ...] = attrs.field(default=(), converter=_lijst)
    speerpunten: tuple[str, ...] = attrs.field(default=(), converter=_woorden)


@attrs.frozen
class Adres:
    """Where a school is, as DUO's register gives it.

    .. versionadded:: 0.2.0
    """

    straat: str | None = attrs.field(default=None, converter=_optionele_tekst)
    """Street and number, e.g. ``Dorpsstraat 12a``."""
    postcode: str | None = attrs.field(default=None, converter=_optionele_tekst)
    plaats: str | None = attrs.field(default=None, converter=_optionele_tekst)
    gemeente: str | None = attrs.field(default=None, converter=_optionele_tekst)
    provincie: str | None = attrs.field(default=None, converter=_optionele_tekst)

    def kort(self) -> str:
        """Street, postcode and place on one line (what is known of them)."""
        return ", ".join(
            d for d in (self.straat, " ".join(filter(None, (self.postcode, self.plaats)))) if d
        )


@attrs.frozen
class School:
    """A school, or a teacher-training institute (sector ``opleiding``).

    ``vestiging`` (the location's code, the BRIN code and two digits), ``adres``,
    ``bevoegd_gezag`` (DUO's number of the board), ``denominatie`` and ``website`` are
    what DUO's register says (see :meth:`~onderzoekscyclus.api.register.Scholen.importeer`);
    ``bestuur``, ``cluster``, ``visie`` and ``profiel`` are the partnership's own.

    .. versionchanged:: 0.2.0 ``vestiging``, ``adres``, ``bevoegd_gezag``,
       ``denominatie`` and ``website``
    """

    id: str = attrs.field(validator=velden.id_)
    naam: str = attrs.field(converter=velden.als_naam, validator=_naam_validator)
    brin: str = attrs.field(converter=_brin_vorm, validator=_brin_validator)
    sector: Sector = attrs.field(converter=_sector)
    bestuur: str | None = attrs.field(default=None, converter=_optionele_tekst)
    cluster: str | None = attrs.field(default=None, converter=_optionele_tekst)
    visie: tuple[VisieElement, ...] = attrs.field(default=())
    profiel: Profiel = attrs.field(factory=Profiel)
    vestiging: str | None = attrs.field(
        default=None, converter=_vestiging_vorm, validator=_vestiging_validator
    )
    adres: Adres | None = None
    bevoegd_gezag: str | None = attrs.field(default=None, converter=_optionele_tekst)
    denominatie: str | None = attrs.field(default=None, converter=_optionele_tekst)
    website: str | None = attrs.field(default=None, converter=_optionele_tekst)

    @property
    def code(self) -> str:
        """What identifies the school in DUO's register: its vestigingscode, or else
        its BRIN code."""
        return self.vestiging or self.brin

    @visie.validator
    def _unieke_visie(self, _a: attrs.Attribute[Any], waarde: tuple[VisieElement, ...]) -> None:
        sleutels = [v.sleutel.casefold() for v in waarde]
        dubbel = sorted({s for s in sleutels if sleutels.count(s) > 1})
        if dubbel:
            raise InvalidValue(
                _("Het visie-element '{sleutel}' staat er twee keer in.").format(sleutel=dubbel[0])
            )

    def visie_element(self, sleutel: str) -> VisieElement | None:
        """The vision element called ``sleutel`` (case-insensitive), if there is one."""
        gezocht = sleutel.strip().casefold()
        return next((v for v in self.visie if v.sleutel.casefold() == gezocht), None)


@attrs.frozen
class Persoon:
    """A person: the one place where personal data is kept (AVG).

    Everything else refers to a person by :attr:`id`, which carries no part of the name.
    ``interesses`` are the themes a person wants to learn or research more about: for
    a student, the themes of their graduation research; for a lector or researcher,
    those of their research; the themanetwerk matches them to werkgroepen.
    """

    id: str = attrs.field(validator=velden.id_)
    naam: str = attrs.field(converter=velden.als_naam, validator=_naam_validator)
    school: str | None = attrs.field(default=None, validator=velden.optioneel_id)
    rollen: tuple[Rol, ...] = attrs.field(default=(), converter=_rollen)
    expertise: tuple[str, ...] = attrs.field(default=(), converter=_woorden)
    interesses: tuple[str, ...] = attrs.field(default=(), converter=_woorden)
    ambities: tuple[str, ...] = attrs.field(default=(), converter=_woorden)
    toestemming: dt.date | None = attrs.field(default=None, validator=velden.optionele_datum)
    """The day the person consented to be named on the partnership website (``None``:
    no consent, and the site shows a role instead of the name).

    .. versionadded:: 0.2.0
    """
    lectoraat: str | None = attrs.field(default=None, converter=_optionele_tekst)
    """For a lector or researcher: the lectoraat (research group) they belong to, by
    name, such as ``Lectoraat Samen Opleiden``; the institute it is part of is their
    :attr:`school` (a school with sector ``opleiding``).

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class Lid:
    """A person's membership of a werkgroep."""

    persoon: str = attrs.field(validator=velden.id_)
    rol: LidRol = attrs.field(default=LidRol.LID, converter=_lidrol)
    onderzoeksvraag: str | None = attrs.field(default=None, converter=_optionele_tekst)
    """The member's own research question within the werkgroep's theme: for a student,
    the question of their graduation research.

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class Logregel:
    """One entry in a werkgroep's logboek."""

    datum: dt.date = attrs.field(validator=velden.datum)
    tekst: str = attrs.field(validator=niet_leeg)
    auteur: str | None = attrs.field(default=None, validator=velden.optioneel_id)
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (given when it is stored; see
    :mod:`onderzoekscyclus.opslag.regelids`).

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class GenummerdeLogregel:
    """A line of a logboek as it is read back, with its number: 1 is the first line
    written, whatever its date (the number a correction of the line refers to).

    .. versionadded:: 0.2.0
    """

    nummer: int
    datum: dt.date
    tekst: str
    auteur: str | None = None


@attrs.frozen
class Werkgroep:
    """A group of teachers that researches and improves one part of education."""

    id: str = attrs.field(validator=velden.id_)
    naam: str = attrs.field(converter=velden.als_naam, validator=_naam_validator)
    scholen: tuple[str, ...] = attrs.field(validator=velden.ids)
    soort: WerkgroepSoort = attrs.field(default=WerkgroepSoort.LEERTEAM, converter=_soort)
    themas: tuple[str, ...] = attrs.field(default=(), converter=_woorden)
    leden: tuple[Lid, ...] = attrs.field(default=())
    logboek: tuple[Logregel, ...] = attrs.field(default=())
    cycli: tuple[Onderzoekscyclus, ...] = attrs.field(default=())

    @scholen.validator
    def _minstens_een_school(self, _a: attrs.Attribute[Any], waarde: tuple[str, ...]) -> None:
        if not waarde:
            raise InvalidValue(
                _("Een werkgroep hoort bij minstens één school."),
                _("Geef een school op met --school."),
            )

    @leden.validator
    def _uniek_lidmaatschap(self, _a: attrs.Attribute[Any], waarde: tuple[Lid, ...]) -> None:
        personen = [lid.persoon for lid in waarde]
        if len(personen) != len(set(personen)):
            raise InvalidValue(_("Een persoon staat twee keer in de ledenlijst."))

    def lid(self, persoon_id: str) -> Lid | None:
        """The membership of ``persoon_id``, if that person is a member."""
        return next((lid for lid in self.leden if lid.persoon == persoon_id), None)

    def actieve_cyclus(self) -> Onderzoekscyclus | None:
        """The latest research cycle, if the werkgroep has started one."""
        return self.cycli[-1] if self.cycli else None

    def heeft_vervolg(self, cyclus: Onderzoekscyclus) -> bool:
        """Whether a later cycle starts from ``cyclus``."""
        return any(c.vorige == cyclus.nummer for c in self.cycli)

    def leiders(self) -> tuple[str, ...]:
        """Ids of the members who lead the werkgroep."""
        return tuple(lid.persoon for lid in self.leden if lid.rol is LidRol.LEIDER)


@attrs.frozen
class Koppeling:
    """Another werkplaats this one reads from (never writes to): the werkplaats of
    another partnership, by the name shown with its answers and its folder (relative
    to this werkplaats, or absolute).

    .. versionadded:: 0.2.0
    """

    naam: str = attrs.field(converter=velden.als_naam, validator=_naam_validator)
    pad: str = attrs.field(validator=niet_leeg)


@attrs.frozen
class WerkplaatsInfo:
    """What the root file ``onderzoekscyclus.toml`` says about the werkplaats:
    its name, and the werkplaatsen of other partnerships it reads from.

    .. versionchanged:: 0.2.0 ``koppelingen``
    """

    naam: str = attrs.field(converter=velden.als_naam, validator=_naam_validator)
    koppelingen: tuple[Koppeling, ...] = ()
