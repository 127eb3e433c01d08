"""The partnership's ontwikkelagenda: its speerpunten per school year, over several years.

An :class:`Agendapunt` is one speerpunt of the partnership: the question behind it
(why it matters, from the vision), the school years it is on the agenda, the werkgroepen
working on it, and the research applications (:class:`Aanvraag`) made for it. What was
learned is not typed here: it comes from the finished cycles of its werkgroepen.
:func:`overzicht` lays the agenda out per school year and says where it does not hold
together: a speerpunt that no werkgroep works on, a werkgroep that serves no speerpunt.

A school year is written as in school: ``2026-2027``; it starts on 1 August.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import attrs

from onderzoekscyclus.domein import velden
from onderzoekscyclus.domein.keuzes import keuze
from onderzoekscyclus.domein.tekst import niet_leeg, vergelijkbaar
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import N_, _, ngettext
from onderzoekscyclus.opmaak import aantal

__all__ = [
    "Aanvraag",
    "Aanvraagstatus",
    "AanvraagstatusWaarde",
    "Agendajaar",
    "Agendaoverzicht",
    "Agendapunt",
    "Geleerd",
    "Puntstand",
    "Waarschuwing",
    "Werkgroepstand",
    "overzicht",
    "schooljaar",
    "schooljaar_van",
]

_EERSTE_JAAR = 1990
_LAATSTE_JAAR = 2100
_SCHOOLJAAR = re.compile(r"^\s*(\d{4})\s*[-/–]\s*(\d{2}|\d{4})\s*$")


def schooljaar(waarde: Any) -> str:
    """A school year as it is written (``2026-2027``) from what a person types:
    ``2026-2027``, ``2026/2027``, ``2026-27`` or the year it starts in (``2026``)."""
    begin: int | None = None
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        begin = waarde
    elif isinstance(waarde, str):
        tekst = waarde.strip()
        if tekst.isdigit() and len(tekst) == 4:
            begin = int(tekst)
        elif (gevonden := _SCHOOLJAAR.fullmatch(tekst)) is not None:
            eerste, tweede = int(gevonden[1]), gevonden[2]
            einde = int(tweede) if len(tweede) == 4 else eerste // 100 * 100 + int(tweede)
            if einde == eerste + 1:
                begin = eerste
    if begin is None or not _EERSTE_JAAR <= begin <= _LAATSTE_JAAR:
        raise InvalidValue(
            _("'{waarde}' is geen schooljaar.").format(waarde=waarde),
            _("Schrijf een schooljaar als 2026-2027 (van {eerste} tot {laatste}).").format(
                eerste=_EERSTE_JAAR, laatste=_LAATSTE_JAAR
            ),
            veld="schooljaar",
        )
    return f"{begin}-{begin + 1}"


def schooljaar_van(dag: dt.date) -> str:
    """The school year ``dag`` falls in (a school year starts on 1 August)."""
    begin = dag.year if dag.month >= 8 else dag.year - 1
    return f"{begin}-{begin + 1}"


def _schooljaren(waarde: Any) -> tuple[str, ...]:
    if isinstance(waarde, str | int):
        waarde = (waarde,)
    if not isinstance(waarde, list | tuple):
        raise InvalidValue(_("Verwacht een lijst van schooljaren."), veld="schooljaren")
    return tuple(sorted({schooljaar(w) for w in waarde}))


def _woorden(waarde: Any) -> Any:
    if isinstance(waarde, list | tuple):
        return tuple(dict.fromkeys(velden.als_naam(w) for w in waarde))
    return waarde


def _optioneel(waarde: Any) -> Any:
    if isinstance(waarde, str):
        waarde = velden.als_naam(waarde)
        return waarde or None
    return waarde


def _jaren_validator(_inst: object, _attribuut: attrs.Attribute[Any], waarde: Any) -> None:
    if not waarde:
        raise InvalidValue(
            _("Een agendapunt staat op de agenda van minstens één schooljaar."),
            _("Geef een schooljaar, zoals 2026-2027."),
            veld="schooljaren",
        )


@keuze(
    {
        "idee": N_("idee"),
        "in-voorbereiding": N_("in voorbereiding"),
        "ingediend": N_("ingediend"),
        "toegekend": N_("toegekend"),
        "afgewezen": N_("afgewezen"),
        "ingetrokken": N_("ingetrokken"),
    },
    {"aangevraagd": "ingediend", "gehonoreerd": "toegekend", "afgekeurd": "afgewezen"},
)
class Aanvraagstatus(enum.StrEnum):
    """Where a research application stands."""

    IDEE = "idee"
    IN_VOORBEREIDING = "in-voorbereiding"
    INGEDIEND = "ingediend"
    TOEGEKEND = "toegekend"
    AFGEWEZEN = "afgewezen"
    INGETROKKEN = "ingetrokken"


AanvraagstatusWaarde = Literal[
    "idee", "in-voorbereiding", "ingediend", "toegekend", "afgewezen", "ingetrokken"
]
"""An :class:`Aanvraagstatus` as text."""


def _status(waarde: Any) -> Aanvraagstatus:
    return velden.naar_enum(Aanvraagstatus, "status")(waarde)


@attrs.frozen
class Aanvraag:
    """A research application for a speerpunt: to a fund, a scheme or a lectoraat,
    with where it stands and since when (``datum``: the day it got this status)."""

    titel: str = attrs.field(converter=velden.als_naam, validator=niet_leeg)
    datum: dt.date = attrs.field(validator=velden.datum)
    status: Aanvraagstatus = attrs.field(default=Aanvraagstatus.IDEE, converter=_status)
    regeling: str | None = attrs.field(default=None, converter=_optioneel)
    id: str | None = attrs.field(
        default=None, validator=velden.regel_id, kw_only=True, metadata={"regel": True}
    )
    """Known in every clone as the same entry (see :mod:`onderzoekscyclus.opslag.regelids`)."""

    @property
    def loopt(self) -> bool:
        """Whether nobody has decided on it yet."""
        return self.status in {
            Aanvraagstatus.IDEE,
            Aanvraagstatus.IN_VOORBEREIDING,
            Aanvraagstatus.INGEDIEND,
        }


@attrs.frozen
class Agendapunt:
    """One speerpunt of the partnership's ontwikkelagenda (see the module)."""

    id: str = attrs.field(validator=velden.id_)
    titel: str = attrs.field(converter=velden.als_naam, validator=niet_leeg)
    schooljaren: tuple[str, ...] = attrs.field(converter=_schooljaren, validator=_jaren_validator)
    vraag: str | None = attrs.field(default=None, converter=_optioneel)
    thema: str | None = attrs.field(default=None, converter=_optioneel)
    werkgroepen: tuple[str, ...] = attrs.field(default=(), converter=_woorden, validator=velden.ids)
    aanvragen: tuple[Aanvraag, ...] = ()

    @property
    def eerste_jaar(self) -> str:
        """The first school year it is on the agenda."""
        return self.schooljaren[0]

    def aanvraag(self, nummer: int) -> Aanvraag:
        """Application ``nummer`` (counting from 1, in the order they were added)."""
        if not 1 <= nummer <= len(self.aanvragen):
            raise InvalidValue(
                _("'{titel}' heeft geen aanvraag {nummer}.").format(
                    titel=self.titel, nummer=nummer
                ),
                _("Kies een nummer van 1 tot en met {n}.").format(n=len(self.aanvragen))
                if self.aanvragen
                else _("Er is nog geen aanvraag; voeg er een toe."),
                veld="aanvraag",
            )
        return self.aanvragen[nummer - 1]


# --- the agenda laid out ------------------------------------------------------------------------


@attrs.frozen
class Geleerd:
    """What a finished cycle of a werkgroep on the speerpunt concluded."""

    werkgroep: str
    cyclus: int
    vraag: str
    conclusie: str
    tekst: str
    lessen: tuple[str, ...]
    datum: dt.date


@attrs.frozen
class Werkgroepstand:
    """A werkgroep as the agenda needs it: its name, themes and cycles (number, phase,
    question), and what its finished cycles concluded. The caller makes these from the
    werkgroep files (the domain reads none)."""

    id: str
    naam: str
    themas: tuple[str, ...] = ()
    cycli: tuple[tuple[int, str, str], ...] = ()
    geleerd: tuple[Geleerd, ...] = ()

    @property
    def actief(self) -> bool:
        """Whether a cycle is under way (started and not finished)."""
        return any(fase != "afgerond" for _n, fase, _v in self.cycli)


@attrs.frozen
class Puntstand:
    """A speerpunt in the overview: the point itself, its werkgroepen (as far as they
    exist), the applications by status, and what was learned."""

    punt: Agendapunt
    werkgroepen: tuple[Werkgroepstand, ...]
    geleerd: tuple[Geleerd, ...]
    aanvragen: dict[str, int]


@attrs.frozen
class Agendajaar:
    """One school year of the agenda: its speerpunten."""

    schooljaar: str
    punten: tuple[str, ...]
    huidig: bool


_VOORBEELDEN = 3
"""How many werkgroepen a warning about many names by name."""


@attrs.frozen
class Waarschuwing:
    """Where the agenda does not hold together.

    ``soort`` is one of: ``"punt-zonder-werkgroep"`` (a speerpunt still on the agenda
    that no werkgroep works on), ``"onbekende-werkgroep"`` (a speerpunt names werkgroepen
    that do not exist), ``"niet-gekoppeld"`` (werkgroepen with a cycle under way on the
    theme of a speerpunt, or a narrower one, that are not linked to it) and
    ``"werkgroepen-zonder-punt"`` (werkgroepen with a cycle under way that serve no
    speerpunt). ``id`` and ``naam`` are the speerpunt's (empty for the last kind);
    ``werkgroepen`` holds the ids concerned, all of them; ``voorbeelden`` the names of
    the first few, for a reader.
    """

    soort: str
    id: str = ""
    naam: str = ""
    werkgroepen: tuple[str, ...] = ()
    voorbeelden: tuple[str, ...] = ()

    @property
    def tekst(self) -> str:
        """The warning in words."""
        n = len(self.werkgroepen)
        namen = ", ".join(f"'{x}'" for x in self.voorbeelden[:_VOORBEELDEN]) or ", ".join(
            self.werkgroepen[:_VOORBEELDEN]
        )
        if self.soort == "punt-zonder-werkgroep":
            return _("Aan '{naam}' werkt nog geen werkgroep.").format(naam=self.naam)
        if self.soort == "onbekende-werkgroep":
            return _("'{naam}' noemt een werkgroep die er niet (meer) is: {id}.").format(
                naam=self.naam, id=", ".join(self.werkgroepen)
            )
        if self.soort == "niet-gekoppeld":
            return ngettext(
                "Werkgroep {namen} werkt aan het thema van '{naam}', maar hoort er niet bij.",
                "{n} werkgroepen werken aan het thema van '{naam}', maar horen er niet bij "
                "(zoals {namen}).",
                n,
            ).format(n=aantal(n), naam=self.naam, namen=namen)
        return ngettext(
            "Werkgroep {namen} heeft een lopende cyclus maar dient geen speerpunt van de agenda.",
            "{n} werkgroepen met een lopende cyclus dienen geen speerpunt van de agenda "
            "(zoals {namen}).",
            n,
        ).format(n=aantal(n), namen=namen)

    @property
    def te_noemen(self) -> tuple[str, ...]:
        """The werkgroepen among which the caller picks :attr:`voorbeelden` (a few
        more than it shows: several werkgroepen may have one name)."""
        return self.werkgroepen[: _VOORBEELDEN * 4]


@attrs.frozen
class Agendaoverzicht:
    """The ontwikkelagenda laid out (see :func:`overzicht`): per school year its
    speerpunten, per speerpunt its state, and the warnings."""

    vandaag: dt.date
    jaren: tuple[Agendajaar, ...]
    punten: tuple[Puntstand, ...]
    waarschuwingen: tuple[Waarschuwing, ...]
    werkgroepen_zonder_punt: int


def overzicht(
    punten: Sequence[Agendapunt],
    werkgroepen: Mapping[str, Werkgroepstand],
    bezig: Iterable[str],
    *,
    vandaag: dt.date,
    op_thema: Mapping[str, Sequence[str]] | None = None,
    van: str | None = None,
    tot: str | None = None,
) -> Agendaoverzicht:
    """The agenda of ``punten`` per school year (from ``van`` to ``tot`` when given).

    ``werkgroepen`` holds the werkgroepen the points name (by id; one that is not there
    no longer exists), ``bezig`` the ids of every werkgroep with a cycle under way, and
    ``op_thema`` per agendapunt id the ids of the werkgroepen with a cycle under way on
    its theme (broader or narrower, as the caller's thesaurus says). The warnings name
    werkgroepen by id; the caller fills in :attr:`Waarschuwing.voorbeelden`.
    """
    eerste = schooljaar(van) if van else None
    laatste = schooljaar(tot) if tot else None
    huidig = schooljaar_van(vandaag)

    def binnen(jaar: str) -> bool:
        return (eerste is None or jaar >= eerste) and (laatste is None or jaar <= laatste)

    gekozen = sorted(
        (p for p in punten if any(binnen(j) for j in p.schooljaren)),
        key=lambda p: (p.eerste_jaar, vergelijkbaar(p.titel), p.id),
    )
    per_jaar: dict[str, list[str]] = {}
    for p in gekozen:
        for jaar in p.schooljaren:
            if binnen(jaar):
                per_jaar.setdefault(jaar, []).append(p.id)
    jaren = tuple(
        Agendajaar(jaar, tuple(ids), jaar == huidig) for jaar, ids in sorted(per_jaar.items())
    )
    standen = []
    waarschuwingen: list[Waarschuwing] = []
    for p in gekozen:
        groepen = tuple(werkgroepen[g] for g in p.werkgroepen if g in werkgroepen)
        onbekend = tuple(g for g in p.werkgroepen if g not in werkgroepen)
        if onbekend:
            waarschuwingen.append(Waarschuwing("onbekende-werkgroep", p.id, p.titel, onbekend))
        loopt_nog = p.schooljaren[-1] >= huidig
        if not groepen and loopt_nog:
            waarschuwingen.append(Waarschuwing("punt-zonder-werkgroep", p.id, p.titel))
        los = tuple(g for g in (op_thema or {}).get(p.id, ()) if g not in p.werkgroepen)
        if los and loopt_nog:
            waarschuwingen.append(Waarschuwing("niet-gekoppeld", p.id, p.titel, los))
        tellingen: dict[str, int] = {}
        for a in p.aanvragen:
            tellingen[a.status.value] = tellingen.get(a.status.value, 0) + 1
        geleerd = sorted(
            (x for g in groepen for x in g.geleerd), key=lambda x: (x.datum, x.werkgroep, x.cyclus)
        )
        standen.append(Puntstand(p, groepen, tuple(geleerd), tellingen))
    gekoppeld = {g for p in punten for g in p.werkgroepen}
    zonder = tuple(sorted(set(bezig) - gekoppeld))
    if zonder:
        waarschuwingen.append(Waarschuwing("werkgroepen-zonder-punt", werkgroepen=zonder))
    return Agendaoverzicht(
        vandaag=vandaag,
        jaren=jaren,
        punten=tuple(standen),
        waarschuwingen=tuple(waarschuwingen),
        werkgroepen_zonder_punt=len(zonder),
    )
