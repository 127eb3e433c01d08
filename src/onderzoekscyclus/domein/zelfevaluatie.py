"""Zelfevaluatie: checklists a team fills in together, and what their answers show.

An :class:`Instrument` is data: domains of items (statements) and a scale of named
points (the katern's checklists use three: nog in startfase, gedeeltelijk ontwikkeld,
sterk ontwikkeld). A :class:`Zelfevaluatie` is one measurement of one instrument for
one school, or for the partnership as a whole, with many :class:`Respondent`\\ s.

The results (per item, per domain, with advice and comparisons) are computed in
:mod:`onderzoekscyclus.domein.uitslag`. Nothing here reads or writes files: :mod:`onderzoekscyclus.opslag.instrumenten` loads
instruments and :mod:`onderzoekscyclus.api.zelfevaluaties` keeps the measurements.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from onderzoekscyclus.domein import velden
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.keuzes import keuze
from onderzoekscyclus.domein.tekst import niet_leeg, vergelijkbaar
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import N_, _, ngettext

__all__ = [
    "MAX_SCHAALPUNTEN",
    "SPREIDINGSFACTOR",
    "Domein",
    "Instrument",
    "Item",
    "Niveau",
    "Respondent",
    "Stap",
    "Zelfevaluatie",
    "antwoorden_uit_lijst",
    "lees_antwoord",
    "natuurlijke_volgorde",
]

MAX_SCHAALPUNTEN = 10
"""The most points a scale may have."""

SPREIDINGSFACTOR = Fraction(3, 5)
"""An item is a topic to discuss when its spread reaches this share of the largest
spread the scale allows (half the range). On a three-point scale that is 0.6: four
colleagues answering 1, 2, 2, 3 (0.71) are flagged, 1, 1, 2, 2 (0.50) are not."""


@keuze({"school": N_("school"), "partnerschap": N_("partnerschap")})
class Niveau(enum.StrEnum):
    """What an instrument evaluates: one school (or institute), or the partnership."""

    SCHOOL = "school"
    PARTNERSCHAP = "partnerschap"


# --- validators --------------------------------------------------------------------------


def _stappen(_inst: object, attribuut: attrs.Attribute[Any], waarde: tuple[int, ...]) -> None:
    for stap in waarde:
        if isinstance(stap, bool) or not isinstance(stap, int) or not 1 <= stap <= 6:
            raise InvalidValue(
                _("Stap {stap} bestaat niet; het katern kent de stappen 1 tot en met 6.").format(
                    stap=stap
                ),
                veld=attribuut.name,
            )


_GETAL = re.compile(r"(\d+)")


def natuurlijke_volgorde(tekst: str) -> tuple[Any, ...]:
    """Sort key that puts ``cultuur-2`` before ``cultuur-10``."""
    return tuple(int(d) if d.isdigit() else d for d in _GETAL.split(tekst))


def _gesorteerd(antwoorden: Mapping[str, int]) -> dict[str, int]:
    return {k: antwoorden[k] for k in sorted(antwoorden, key=natuurlijke_volgorde)}


def _gesorteerde_ids(waarden: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(waarden), key=natuurlijke_volgorde))


def _niveau(waarde: Any) -> Niveau:
    return velden.naar_enum(Niveau, "voor")(waarde)


# --- instruments ---------------------------------------------------------------------------


@attrs.frozen
class Item:
    """One statement of a checklist."""

    id: str = attrs.field(validator=velden.id_)
    tekst: str = attrs.field(converter=velden.strip, validator=niet_leeg)
    stappen: tuple[int, ...] = attrs.field(default=(), validator=_stappen)
    """The katern's steps that fit when this item is among the weakest."""


@attrs.frozen
class Domein:
    """A group of items, such as "Ondersteunende cultuur"."""

    id: str = attrs.field(validator=velden.id_)
    naam: str = attrs.field(converter=velden.strip, validator=niet_leeg)
    items: tuple[Item, ...] = attrs.field()
    stappen: tuple[int, ...] = attrs.field(default=(), validator=_stappen)
    """The katern's steps that fit when this domain is among the weakest."""

    @items.validator
    def _minstens_een(self, _a: attrs.Attribute[Any], waarde: tuple[Item, ...]) -> None:
        if not waarde:
            raise InvalidValue(
                _("Domein '{naam}' heeft geen items.").format(naam=self.naam),
                _("Geef minstens één [[domeinen.items]] met een tekst."),
                veld="items",
            )


@attrs.frozen
class Instrument:
    """A checklist: domains of items, answered on a scale of named points (1, 2, …)."""

    id: str = attrs.field(validator=velden.id_)
    naam: str = attrs.field(converter=velden.strip, validator=niet_leeg)
    voor: Niveau = attrs.field(converter=_niveau)
    schaal: tuple[str, ...] = attrs.field()
    domeinen: tuple[Domein, ...] = attrs.field()
    beschrijving: str | None = None
    drempel_spreiding: float | None = attrs.field(default=None)
    """The spread from which an item is a topic to discuss; by default 0.6 times half
    the range of the scale (see :data:`SPREIDINGSFACTOR`)."""

    @schaal.validator
    def _schaal(self, _a: attrs.Attribute[Any], waarde: tuple[str, ...]) -> None:
        if not 2 <= len(waarde) <= MAX_SCHAALPUNTEN:
            raise InvalidValue(
                _("Een schaal heeft 2 tot {max} punten; deze heeft er {n}.").format(
                    max=MAX_SCHAALPUNTEN, n=len(waarde)
                ),
                veld="schaal",
            )
        gevouwen = [vergelijkbaar(w) if isinstance(w, str) else "" for w in waarde]
        if "" in gevouwen:
            raise InvalidValue(_("Elk punt van de schaal heeft een naam."), veld="schaal")
        if len(set(gevouwen)) != len(gevouwen) or any(g.isdigit() for g in gevouwen):
            raise InvalidValue(
                _("De namen van de schaalpunten moeten verschillen en mogen geen getal zijn."),
                veld="schaal",
            )

    @domeinen.validator
    def _domeinen(self, _a: attrs.Attribute[Any], waarde: tuple[Domein, ...]) -> None:
        if not waarde:
            raise InvalidValue(
                _("Het instrument heeft geen domeinen."),
                _("Geef minstens één [[domeinen]] met een id, een naam en items."),
                veld="domeinen",
            )
        for soort, ids in (
            (_("domein"), [d.id for d in waarde]),
            (_("item"), [i.id for d in waarde for i in d.items]),
        ):
            dubbel = sorted({i for i in ids if ids.count(i) > 1})
            if dubbel:
                raise InvalidValue(
                    _("Het {soort}-id '{id}' komt meer dan eens voor.").format(
                        soort=soort, id=dubbel[0]
                    ),
                    _("Geef elk domein en elk item een eigen id."),
                    veld="domeinen",
                )

    @drempel_spreiding.validator
    def _drempel(self, _a: attrs.Attribute[Any], waarde: float | None) -> None:
        if waarde is not None and not 0 < waarde <= len(self.schaal):
            raise InvalidValue(
                _("De drempel voor spreiding moet groter dan 0 zijn, zoals 0.6."),
                veld="drempel_spreiding",
            )

    def items(self) -> tuple[Item, ...]:
        """Every item, in the order of the checklist."""
        return tuple(i for d in self.domeinen for i in d.items)

    def item(self, id_: str) -> Item | None:
        """The item with id ``id_``, if there is one."""
        return next((i for i in self.items() if i.id == id_), None)

    def domein_van(self, item_id: str) -> Domein | None:
        """The domain the item belongs to."""
        return next((d for d in self.domeinen if any(i.id == item_id for i in d.items)), None)

    def drempel(self) -> Fraction:
        """The spread from which an item is a topic to discuss."""
        if self.drempel_spreiding is not None:
            return Fraction(self.drempel_spreiding)
        return SPREIDINGSFACTOR * Fraction(len(self.schaal) - 1, 2)

    def schaaluitleg(self) -> str:
        """``1 = nog in startfase, 2 = …``."""
        return ", ".join(f"{n} = {label}" for n, label in enumerate(self.schaal, start=1))


def lees_antwoord(instrument: Instrument, tekst: str) -> int | None:
    """The scale point ``tekst`` names: a number (``2``), the name of a point
    (``gedeeltelijk ontwikkeld``) or a word that names only one (``sterk``).
    ``-`` or empty text means no answer (``None``)."""
    schoon = vergelijkbaar(tekst)
    if schoon in ("", "-"):
        return None
    if schoon.isdigit() and 1 <= int(schoon) <= len(instrument.schaal):
        return int(schoon)
    labels = [vergelijkbaar(label) for label in instrument.schaal]
    if schoon in labels:
        return labels.index(schoon) + 1
    passend = [n for n, label in enumerate(labels, start=1) if schoon in label.split()]
    if len(passend) == 1:
        return passend[0]
    raise InvalidValue(
        _("'{tekst}' is geen antwoord op de schaal.").format(tekst=tekst.strip()),
        _("Antwoord met 1 tot en met {n} of met de naam: {uitleg}.").format(
            n=len(instrument.schaal), uitleg=instrument.schaaluitleg()
        ),
    )


def antwoorden_uit_lijst(
    instrument: Instrument, teksten: Sequence[str]
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Answers given in the order of the checklist (``1,3,2,…``), as answers per item id
    and the ids of the items left open (``-``)."""
    items = instrument.items()
    if len(teksten) != len(items):
        raise InvalidValue(
            ngettext(
                "{n} antwoord gegeven, maar '{naam}' heeft {m} uitspraken.",
                "{n} antwoorden gegeven, maar '{naam}' heeft {m} uitspraken.",
                len(teksten),
            ).format(n=len(teksten), naam=instrument.naam, m=len(items)),
            _("Geef er precies één per uitspraak, in volgorde; een '-' slaat er een over."),
        )
    antwoorden: dict[str, int] = {}
    open_: list[str] = []
    for nummer, (item, tekst) in enumerate(zip(items, teksten, strict=True), start=1):
        try:
            waarde = lees_antwoord(instrument, tekst)
        except InvalidValue as fout:
            fout.bericht = _("Antwoord {nummer} ({item}): {bericht}").format(
                nummer=nummer, item=item.id, bericht=fout.bericht
            )
            raise
        if waarde is None:
            open_.append(item.id)
        else:
            antwoorden[item.id] = waarde
    return antwoorden, tuple(open_)


# --- the katern's steps ------------------------------------------------------------------


@attrs.frozen
class Stap:
    """One of the katern's six steps towards a learning organisation."""

    nummer: int
    titel: str
    kern: str
    school: tuple[str, ...] = ()
    """Kinds of interventions in the school or institute."""
    partnerschap: tuple[str, ...] = ()
    """Kinds of interventions in the partnership."""


# --- measurements ------------------------------------------------------------------------


def _antwoorden(waarde: Mapping[str, int]) -> dict[str, int]:
    if not isinstance(waarde, Mapping):
        raise InvalidValue(_("Verwacht een tabel van item-id's met antwoorden."), veld="antwoorden")
    return _gesorteerd(waarde)


@attrs.frozen
class Respondent:
    """One person's answers, under a label that says nothing about who they are
    (``respondent 1``) unless a label was given on purpose."""

    label: str = attrs.field(converter=velden.strip, validator=niet_leeg)
    datum: dt.date = attrs.field(validator=velden.datum)
    antwoorden: dict[str, int] = attrs.field(factory=dict, converter=_antwoorden, hash=False)
    """Scale point (1, 2, …) per item id."""
    overgeslagen: tuple[str, ...] = attrs.field(default=(), converter=_gesorteerde_ids)
    """Items the respondent chose to leave open."""
    concept: bool = False
    """Still being filled in: not counted in the results until it is finished."""

    @antwoorden.validator
    def _geldige_antwoorden(self, _a: attrs.Attribute[Any], waarde: dict[str, int]) -> None:
        for item, punt in waarde.items():
            if not is_geldig_id(item):
                raise InvalidValue(
                    _("'{item}' is geen geldig item-id.").format(item=item), veld="antwoorden"
                )
            if isinstance(punt, bool) or not isinstance(punt, int):
                raise InvalidValue(
                    _("Het antwoord op {item} is geen geheel getal.").format(item=item),
                    veld="antwoorden",
                )
            if not 1 <= punt <= MAX_SCHAALPUNTEN:
                raise InvalidValue(
                    _("Het antwoord op {item} is {punt}; dat ligt niet op een schaal.").format(
                        item=item, punt=punt
                    ),
                    veld="antwoorden",
                )

    @overgeslagen.validator
    def _geldig_overgeslagen(self, _a: attrs.Attribute[Any], waarde: tuple[str, ...]) -> None:
        for item in waarde:
            if not is_geldig_id(item):
                raise InvalidValue(
                    _("'{item}' is geen geldig item-id.").format(item=item), veld="overgeslagen"
                )
            if item in self.antwoorden:
                raise InvalidValue(
                    _("Item {item} is beantwoord én overgeslagen.").format(item=item),
                    veld="overgeslagen",
                )

    def open_items(self, instrument: Instrument) -> tuple[Item, ...]:
        """The items of ``instrument`` this respondent has neither answered nor skipped."""
        klaar = set(self.antwoorden) | set(self.overgeslagen)
        return tuple(i for i in instrument.items() if i.id not in klaar)


@attrs.frozen
class Zelfevaluatie:
    """One measurement: an instrument filled in by many respondents for one school, or
    for the partnership (``school`` is ``None``)."""

    id: str = attrs.field(validator=velden.id_)
    instrument: str = attrs.field(validator=velden.id_)
    datum: dt.date = attrs.field(validator=velden.datum)
    """The day the measurement opened."""
    school: str | None = attrs.field(default=None, validator=velden.optioneel_id)
    respondenten: tuple[Respondent, ...] = attrs.field(default=())

    @respondenten.validator
    def _unieke_labels(self, _a: attrs.Attribute[Any], waarde: tuple[Respondent, ...]) -> None:
        labels = [vergelijkbaar(r.label) for r in waarde]
        dubbel = sorted({label for label in labels if labels.count(label) > 1})
        if dubbel:
            raise InvalidValue(
                _("Het label '{label}' staat er twee keer in.").format(label=dubbel[0]),
                _("Geef elke respondent een eigen label."),
                veld="respondenten",
            )

    def afgerond(self) -> tuple[Respondent, ...]:
        """The respondents who finished; only they count in the results."""
        return tuple(r for r in self.respondenten if not r.concept)

    def concepten(self) -> tuple[Respondent, ...]:
        """The respondents who stopped halfway and may continue."""
        return tuple(r for r in self.respondenten if r.concept)

    def respondent(self, label: str) -> Respondent | None:
        """The respondent called ``label`` (case and accents do not count)."""
        gezocht = vergelijkbaar(label)
        return next((r for r in self.respondenten if vergelijkbaar(r.label) == gezocht), None)
