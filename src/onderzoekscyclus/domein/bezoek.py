"""A school visit (schoolbezoek): a visitatie, collegiale consultatie, lesbezoek or
studiebezoek, with the host school's own question at the centre.

Other schools' colleagues (leraren, intern begeleiders, schoolleiders, students,
opleiders…) visit a host school on a day, with the host's question in mind, and write
down what they saw: the bevindingen. A bevinding can become evidence (a bron) of the
beginsituatie of a research cycle, which then names the visit and the bevinding it
came from.

A visit may be planned: its date can lie in the future. A bevinding is a fact: it lies
on or after the day of the visit and never after today. Today is passed in.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from onderzoekscyclus.domein import velden
from onderzoekscyclus.domein.cyclus import Bron
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.tekst import controleer_zichtbaar, niet_leeg
from onderzoekscyclus.domein.waarden import Bezoeksoort, Rol
from onderzoekscyclus.errors import Geweigerd, InvalidValue, Reden
from onderzoekscyclus.i18n import _

__all__ = [
    "BRONSOORT",
    "NABIJHEID",
    "Bevinding",
    "Bezoeker",
    "Bezoekerssuggestie",
    "Bezoekerssuggesties",
    "Bezoeksuggesties",
    "Schoolbezoek",
    "Speerpuntsuggestie",
    "TrotseSchool",
    "als_bron",
    "met_bevinding",
    "met_bezoeker",
    "nabijheid",
    "zonder_bezoeker",
]

BRONSOORT = "schoolbezoek"
"""The kind (``soort``) of a bron that came from a bevinding of a visit."""


def _soort(waarde: Any) -> Bezoeksoort:
    return velden.naar_enum(Bezoeksoort, "soort")(waarde)


def _rol(waarde: Any) -> Rol:
    return velden.naar_enum(Rol, "rol")(waarde)


def _zichtbaar(_inst: object, attribuut: attrs.Attribute[str], waarde: str) -> None:
    controleer_zichtbaar(waarde, attribuut.name)


def _themas(waarden: Iterable[str]) -> tuple[str, ...]:
    gezien: dict[str, str] = {}
    for waarde in waarden:
        if not isinstance(waarde, str):
            raise InvalidValue(_("Verwacht tekst, maar kreeg {waarde!r}.").format(waarde=waarde))
        schoon = " ".join(waarde.split())
        if schoon:
            gezien.setdefault(schoon.casefold(), schoon)
    return tuple(sorted(gezien.values(), key=str.casefold))


@attrs.frozen
class Bezoeker:
    """A person who visits, with the role they have in this visit."""

    persoon: str = attrs.field(validator=velden.id_)
    rol: Rol = attrs.field(converter=_rol)


@attrs.frozen
class Bevinding:
    """What the visitors saw or advised, written down on or after the day of the visit."""

    datum: dt.date = attrs.field(validator=velden.datum)
    tekst: str = attrs.field(validator=[niet_leeg, _zichtbaar])
    door: str | None = attrs.field(default=None, validator=velden.optioneel_id)
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (see
    :mod:`onderzoekscyclus.opslag.regelids`)."""


@attrs.frozen
class Schoolbezoek:
    """One visit to a host school (``school``), with the host's own question (``vraag``)
    and the themes it is about (which find visitors with expertise on them)."""

    id: str = attrs.field(validator=velden.id_)
    titel: str = attrs.field(converter=velden.als_naam, validator=[niet_leeg, _zichtbaar])
    school: str = attrs.field(validator=velden.id_)
    soort: Bezoeksoort = attrs.field(converter=_soort)
    datum: dt.date = attrs.field(validator=velden.datum)
    vraag: str = attrs.field(validator=[niet_leeg, _zichtbaar])
    themas: tuple[str, ...] = attrs.field(default=(), converter=_themas)
    bezoekers: tuple[Bezoeker, ...] = ()
    bevindingen: tuple[Bevinding, ...] = ()

    @property
    def naam(self) -> str:
        """The display name (the title), as every entity a person can refer to has one."""
        return self.titel

    def bevinding(self, verwijzing: str | int) -> Bevinding:
        """The bevinding with this number (1, 2, … in the order they were written) or id."""
        tekst = str(verwijzing).strip()
        for b in self.bevindingen:
            if b.id is not None and b.id == tekst:
                return b
        if tekst.isdigit() and 1 <= int(tekst) <= len(self.bevindingen):
            return self.bevindingen[int(tekst) - 1]
        raise Geweigerd(
            _("Kan de bevinding niet vinden"),
            [reden("bezoek.onbekende-bevinding", bevinding=tekst, aantal=len(self.bevindingen))],
            operatie="bevinding",
            onderwerp=self.titel,
            onderwerp_id=self.id,
        )


def _weiger(b: Schoolbezoek, operatie: str, redenen: list[Reden]) -> None:
    if redenen:
        raise Geweigerd(
            _("Kan de bevinding niet vastleggen")
            if operatie == "bevinding"
            else _("Kan het bezoek niet wijzigen"),
            redenen,
            operatie=operatie,
            onderwerp=b.titel,
            onderwerp_id=b.id,
        )


def bevinding_redenen(datum: dt.date, bezoekdag: dt.date, vandaag: dt.date) -> list[Reden]:
    """Why a bevinding cannot be dated ``datum``: the visit is still ahead, the date lies
    before the visit, or after today."""
    uit = []
    if bezoekdag > vandaag:
        uit.append(reden("bezoek.gepland", bezoek=bezoekdag, vandaag=vandaag))
    elif datum < bezoekdag:
        uit.append(reden("bezoek.bevinding-voor-bezoek", datum=datum, bezoek=bezoekdag))
    if datum > vandaag:
        uit.append(reden("datum.toekomst", datum=datum, vandaag=vandaag))
    return uit


def met_bevinding(
    b: Schoolbezoek, tekst: str, *, datum: dt.date, vandaag: dt.date, door: str | None = None
) -> Schoolbezoek:
    """``b`` with a bevinding added; refused before the visit's day or after today."""
    _weiger(b, "bevinding", bevinding_redenen(datum, b.datum, vandaag))
    return attrs.evolve(
        b, bevindingen=(*b.bevindingen, Bevinding(datum=datum, tekst=tekst, door=door))
    )


def met_bezoeker(b: Schoolbezoek, persoon: str, rol: Rol | str) -> Schoolbezoek:
    """``b`` with ``persoon`` as a visitor in ``rol`` (a visitor already there gets the
    new role)."""
    nieuw = Bezoeker(persoon=persoon, rol=rol)
    andere = tuple(x for x in b.bezoekers if x.persoon != persoon)
    if len(andere) == len(b.bezoekers):
        return attrs.evolve(b, bezoekers=(*b.bezoekers, nieuw))
    return attrs.evolve(
        b, bezoekers=tuple(nieuw if x.persoon == persoon else x for x in b.bezoekers)
    )


def zonder_bezoeker(b: Schoolbezoek, persoon: str) -> Schoolbezoek:
    """``b`` without visitor ``persoon`` (what they wrote stays theirs)."""
    return attrs.evolve(b, bezoekers=tuple(x for x in b.bezoekers if x.persoon != persoon))


def controleer_datum(b: Schoolbezoek) -> None:
    """Refuse a visit whose day lies after one of its bevindingen (a changed date)."""
    eerder = [x for x in b.bevindingen if x.datum < b.datum]
    _weiger(
        b,
        "wijzig",
        [reden("bezoek.bevinding-voor-bezoek", datum=eerder[0].datum, bezoek=b.datum)]
        if eerder
        else [],
    )


def als_bron(b: Schoolbezoek, bevinding: Bevinding, *, datum: dt.date) -> Bron:
    """The bron of a beginsituatie that ``bevinding`` of ``b`` becomes, recorded on
    ``datum``: its text, with the visit and the bevinding it came from."""
    return Bron(
        beschrijving=bevinding.tekst,
        datum=datum,
        soort=BRONSOORT,
        bezoek=b.id,
        bevinding=bevinding.id,
    )


# --- suggestions: where to go, and whom to ask along ----------------------------------------

NABIJHEID = ("cluster", "bestuur", "partnerschap")
"""How near a school is to the host, nearest first: in the same cluster (of the same
bestuur), under the same bestuur, or elsewhere in the partnership."""


def nabijheid(
    cluster: str | None,
    bestuur: str | None,
    gast_cluster: str | None,
    gast_bestuur: str | None,
    *,
    gezag: str | None = None,
    gast_gezag: str | None = None,
) -> str:
    """How near a school (``cluster``, ``bestuur``) is to the host (see :data:`NABIJHEID`).
    Two boards may both have a cluster "Noord": a cluster counts only within one bestuur
    (or when either has none named). One bestuur is the same name, or the same number of
    the bevoegd gezag (``gezag``: what DUO's files give for every school)."""

    def zelfde(a: str | None, b: str | None) -> bool:
        return a is not None and b is not None and a.casefold() == b.casefold()

    eigen_bestuur = zelfde(bestuur, gast_bestuur) or zelfde(gezag, gast_gezag)
    if zelfde(cluster, gast_cluster) and (eigen_bestuur or bestuur is None or gast_bestuur is None):
        return "cluster"
    return "bestuur" if eigen_bestuur else "partnerschap"


@attrs.frozen
class TrotseSchool:
    """A school proud of something on the theme of a speerpunt: what it is proud of
    (``trots``, as it wrote it) and how near it is (``nabijheid``)."""

    school: str
    naam: str
    trots: tuple[str, ...]
    nabijheid: str
    cluster: str | None = None
    bestuur: str | None = None


@attrs.frozen
class Speerpuntsuggestie:
    """For one speerpunt of the host: its theme, the themes that count (broader and
    narrower ones too) and the schools proud of one of them, nearest first.
    ``totaal`` counts them all; ``scholen`` holds the first of them."""

    speerpunt: str
    thema: str
    omvat: tuple[str, ...]
    scholen: tuple[TrotseSchool, ...]
    totaal: int


@attrs.frozen
class Bezoeksuggesties:
    """Where the host school (``school``) could go to learn, per speerpunt.

    .. versionadded:: 0.2.0
    """

    school: str
    naam: str
    speerpunten: tuple[Speerpuntsuggestie, ...]


@attrs.frozen
class Bezoekerssuggestie:
    """A person with expertise on a theme of the visit's question."""

    persoon: str
    naam: str
    school: str | None
    school_naam: str | None
    rollen: tuple[str, ...]
    expertise: tuple[str, ...]


@attrs.frozen
class Bezoekerssuggesties:
    """Who could join a visit: persons with expertise on the themes of the host's
    question, from other schools, not yet visitors; most matching expertise first.

    .. versionadded:: 0.2.0
    """

    bezoek: str
    titel: str
    themas: tuple[str, ...]
    omvat: tuple[str, ...]
    personen: tuple[Bezoekerssuggestie, ...]
