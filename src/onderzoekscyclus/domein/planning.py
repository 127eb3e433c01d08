"""What is due: the rules of the planning of a werkgroep, a school or a partnership.

A werkgroep looks ahead at what it set itself and what the rules ask of it, and back at
what it let slip. Each :class:`Planpunt` has the day it is due and whether that day has
passed (``verlopen``). The rules, per kind (:class:`Planpuntsoort`):

``actie``
    An action of the improvement plan with a day (:attr:`~onderzoekscyclus.domein.
    cyclus.Actie.datum`), while the cycle is in ``verbeterplan`` or ``uitvoering`` and
    not paused. An action has no "done": a day that has passed stays in the planning for
    ``weken`` weeks (a reminder to record it in the logboek), then it drops out.
``meting``
    Per indicator of a cycle in ``uitvoering`` (not paused): the next measurement is due
    ``weken`` weeks after the last one, or after the day the uitvoering began when there
    is none yet (or began again, after going back or a pause).
``stil``
    A cycle that is not finished, with no activity for ``weken`` weeks: no step, no
    measurement, no bron since. Due the day the weeks were full; listed from that day on.
    A line in the logboek does not count: it shows the werkgroep talks, not that the cycle
    moves. A paused cycle counts too (a pause is no plan); a cycle in ``uitvoering``
    does not, since its measurements (``meting``) already say when it lies still.
``feedback``
    The last day of an open feedback round of a besluit.
``besluit``
    A besluit whose feedback round has closed: the werkgroep reacts to every feedback item
    and decides, from the day after the round closed.
``herevaluatie``
    The day an embedded (``geborgd``) besluit is to be evaluated again.

Every rule takes today as a parameter (``vandaag``): the domain reads no clock.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping

import attrs

from onderzoekscyclus.domein import besluitvorming
from onderzoekscyclus.domein.besluit import Besluit, Besluitfase
from onderzoekscyclus.domein.cyclus import Fase, Onderzoekscyclus
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import lange_datum

__all__ = [
    "MAX_WEKEN",
    "STANDAARD_WEKEN",
    "Planpunt",
    "Planpuntsoort",
    "controleer_weken",
    "planpunten",
    "punten_van_besluit",
    "punten_van_werkgroep",
]

STANDAARD_WEKEN = 6
"""Weeks between two measurements, and of silence before a cycle is flagged."""

MAX_WEKEN = 520
"""The most weeks a planning may count with (ten years)."""


class Planpuntsoort(enum.StrEnum):
    """What kind of thing is due (see the module for the rule of each)."""

    ACTIE = "actie"
    METING = "meting"
    STIL = "stil"
    FEEDBACK = "feedback"
    BESLUIT = "besluit"
    HEREVALUATIE = "herevaluatie"


_VOLGORDE = {soort: plek for plek, soort in enumerate(Planpuntsoort)}


@attrs.frozen
class Planpunt:
    """One thing that is due: its kind, its day, and whether that day has passed.

    ``werkgroep`` (an id) and ``werkgroep_naam`` say whose it is; ``cyclus`` (a number),
    ``besluit`` (an id) and ``indicator`` what it is about, where that applies.
    ``sinds`` is the last measurement of the indicator or the last activity of the
    cycle (``meting``, ``stil``). ``tekst`` says it in words, in the language of the call.
    """

    soort: Planpuntsoort
    datum: dt.date
    verlopen: bool
    werkgroep: str
    werkgroep_naam: str
    tekst: str
    cyclus: int | None = None
    besluit: str | None = None
    indicator: str | None = None
    sinds: dt.date | None = None


def controleer_weken(weken: int) -> int:
    """``weken`` when it is a whole number from 1 to :data:`MAX_WEKEN`; otherwise
    :class:`~onderzoekscyclus.errors.InvalidValue` naming the field ``weken``."""
    if isinstance(weken, bool) or not isinstance(weken, int) or not 1 <= weken <= MAX_WEKEN:
        raise InvalidValue(
            _("weken moet een geheel getal van 1 tot en met {max} zijn, niet {waarde!r}.").format(
                max=MAX_WEKEN, waarde=weken
            ),
            veld="weken",
        )
    return weken


# --- research cycles -----------------------------------------------------------------------


def _laatste_activiteit(c: Onderzoekscyclus) -> dt.date:
    """The last day anything happened in ``c``: a step, a measurement or a bron."""
    dagen = [c.gestart, *(r.datum for r in c.historie), *(m.datum for m in c.metingen)]
    return max([*dagen, *(b.datum for b in c.bronnen)])


def _uitvoering_sinds(c: Onderzoekscyclus) -> dt.date:
    """The day the cycle last entered ``uitvoering`` (began, or began again)."""
    return max(
        (r.datum for r in c.historie if r.naar == Fase.UITVOERING and r.van != Fase.UITVOERING),
        default=c.gestart,
    )


def _punt(
    groep: Werkgroep,
    c: Onderzoekscyclus,
    soort: Planpuntsoort,
    datum: dt.date,
    vandaag: dt.date,
    tekst: str,
    *,
    indicator: str | None = None,
    sinds: dt.date | None = None,
) -> Planpunt:
    return Planpunt(
        soort=soort,
        datum=datum,
        verlopen=datum < vandaag,
        werkgroep=groep.id,
        werkgroep_naam=groep.naam,
        tekst=tekst,
        cyclus=c.nummer,
        indicator=indicator,
        sinds=sinds,
    )


def _acties(groep: Werkgroep, c: Onderzoekscyclus, vandaag: dt.date, weken: int) -> list[Planpunt]:
    if c.gepauzeerd or c.fase not in (Fase.VERBETERPLAN, Fase.UITVOERING):
        return []
    herinnering = dt.timedelta(weeks=weken)
    uit = []
    for a in c.acties:
        if a.datum is None or a.datum + herinnering < vandaag:
            continue
        tekst = _("Actie: {wat}").format(wat=a.wat)
        if a.wie:
            tekst += _(" (door {wie})").format(wie=a.wie)
        uit.append(_punt(groep, c, Planpuntsoort.ACTIE, a.datum, vandaag, tekst))
    return uit


def _metingen(
    groep: Werkgroep, c: Onderzoekscyclus, vandaag: dt.date, weken: int
) -> list[Planpunt]:
    if c.gepauzeerd or c.fase is not Fase.UITVOERING:
        return []
    begin = _uitvoering_sinds(c)
    uit = []
    for ind in c.indicatoren:
        reeks = c.metingen_van(ind.naam)
        if reeks and reeks[-1].datum >= begin:
            sinds = reeks[-1].datum
            tekst = _("Meting van '{indicator}' (de vorige was op {datum})")
        else:
            sinds = begin
            tekst = _("Meting van '{indicator}' (nog geen sinds de uitvoering op {datum} begon)")
        uit.append(
            _punt(
                groep,
                c,
                Planpuntsoort.METING,
                sinds + dt.timedelta(weeks=weken),
                vandaag,
                tekst.format(indicator=ind.naam, datum=lange_datum(sinds)),
                indicator=ind.naam,
                sinds=sinds,
            )
        )
    return uit


def _stil(groep: Werkgroep, c: Onderzoekscyclus, vandaag: dt.date, weken: int) -> list[Planpunt]:
    if c.fase is Fase.AFGEROND or (c.fase is Fase.UITVOERING and not c.gepauzeerd):
        return []
    sinds = _laatste_activiteit(c)
    datum = sinds + dt.timedelta(weeks=weken)
    if datum > vandaag:
        return []
    sjabloon = (
        _("Cyclus {n} is gepauzeerd (fase '{fase}') en ligt sinds {datum} stil")
        if c.gepauzeerd
        else _("Cyclus {n} (fase '{fase}') ligt sinds {datum} stil")
    )
    tekst = sjabloon.format(n=c.nummer, fase=weergave(c.fase), datum=lange_datum(sinds))
    return [_punt(groep, c, Planpuntsoort.STIL, datum, vandaag, tekst, sinds=sinds)]


def punten_van_werkgroep(groep: Werkgroep, *, vandaag: dt.date, weken: int) -> list[Planpunt]:
    """What is due in the current cycle of ``groep``: dated actions, measurements and a
    flag when it lies still (see the module for the rules)."""
    c = groep.actieve_cyclus()
    if c is None:
        return []
    return [
        *_acties(groep, c, vandaag, weken),
        *_metingen(groep, c, vandaag, weken),
        *_stil(groep, c, vandaag, weken),
    ]


# --- besluiten -----------------------------------------------------------------------------


def _besluitpunt(
    b: Besluit, naam: str, soort: Planpuntsoort, datum: dt.date, vandaag: dt.date, tekst: str
) -> Planpunt:
    return Planpunt(
        soort=soort,
        datum=datum,
        verlopen=datum < vandaag,
        werkgroep=b.werkgroep,
        werkgroep_naam=naam,
        tekst=tekst,
        besluit=b.id,
    )


def punten_van_besluit(b: Besluit, *, werkgroep_naam: str, vandaag: dt.date) -> list[Planpunt]:
    """What is due for besluit ``b`` as it stands on ``vandaag`` (a round whose last day
    has passed is closed): the end of its feedback round, the decision after it, or its
    re-evaluation."""
    b = besluitvorming.bijgewerkt(b, vandaag)
    ronde = b.ronde
    if b.fase is Besluitfase.FEEDBACK and ronde is not None:
        tekst = _("Laatste dag van feedbackronde {n} op '{titel}'").format(
            n=ronde.nummer, titel=b.titel
        )
        return [_besluitpunt(b, werkgroep_naam, Planpuntsoort.FEEDBACK, ronde.tot, vandaag, tekst)]
    if b.fase is Besluitfase.BESLUITVORMING and ronde is not None:
        open_ = len(b.zonder_reactie())
        if open_:
            tekst = ngettext(
                "Besluit '{titel}': {n} feedbackpunt wacht op een reactie",
                "Besluit '{titel}': {n} feedbackpunten wachten op een reactie",
                open_,
            ).format(titel=b.titel, n=open_)
        else:
            tekst = _("Besluit '{titel}': de feedbackronde is gesloten; de werkgroep kan besluiten")
            tekst = tekst.format(titel=b.titel)
        datum = ronde.tot + dt.timedelta(days=1)
        return [_besluitpunt(b, werkgroep_naam, Planpuntsoort.BESLUIT, datum, vandaag, tekst)]
    if b.fase is Besluitfase.GEBORGD and b.herevaluatie is not None:
        tekst = _("Herevaluatie van besluit '{titel}'").format(titel=b.titel)
        return [
            _besluitpunt(
                b, werkgroep_naam, Planpuntsoort.HEREVALUATIE, b.herevaluatie, vandaag, tekst
            )
        ]
    return []


# --- the planning --------------------------------------------------------------------------


def _volgorde(p: Planpunt) -> tuple[object, ...]:
    return (
        p.datum,
        vergelijkbaar(p.werkgroep_naam),
        p.werkgroep,
        _VOLGORDE[p.soort],
        p.cyclus or 0,
        p.besluit or "",
        p.indicator or "",
        p.tekst,
    )


def planpunten(
    werkgroepen: Iterable[Werkgroep],
    besluiten: Iterable[Besluit],
    *,
    vandaag: dt.date,
    weken: int = STANDAARD_WEKEN,
    tot: dt.date | None = None,
    namen: Mapping[str, str] | None = None,
) -> list[Planpunt]:
    """Everything due in ``werkgroepen`` and ``besluiten`` as of ``vandaag``, by date
    (what has passed, first), then werkgroep; with ``tot``, only what is due on or before
    that day. ``namen`` gives the name of a besluit's werkgroep that is not among
    ``werkgroepen`` (by id; otherwise the id is shown)."""
    controleer_weken(weken)
    groepen = list(werkgroepen)
    groepnamen = {**(namen or {}), **{g.id: g.naam for g in groepen}}
    punten = [p for g in groepen for p in punten_van_werkgroep(g, vandaag=vandaag, weken=weken)]
    for b in besluiten:
        naam = groepnamen.get(b.werkgroep, b.werkgroep)
        punten += punten_van_besluit(b, werkgroep_naam=naam, vandaag=vandaag)
    if tot is not None:
        punten = [p for p in punten if p.datum <= tot]
    return sorted(punten, key=_volgorde)
