"""The zelfevaluaties of one werkplaats: filling in, importing and the results.

Each measurement is a file ``zelfevaluaties/<id>.toml``. Which measurement an answer
belongs to follows the way a team works: colleagues fill in the checklist over a
couple of weeks, so a measurement stays open for new respondents for
:data:`MEETVENSTER` days after it opened. Two ``invullen`` calls on the same day (or a
week apart) are two respondents of one measurement; a call after the window starts the
next measurement. ``nieuwe_meting`` starts one earlier and ``meting`` adds to a chosen one.

A respondent who stops halfway is kept as a concept (not counted in the results) and
can continue later with ``hervat``. Respondents are labelled ``respondent 1``,
``respondent 2``, …: a label someone gives is kept only when it names a person of the
werkplaats (then the person's id is stored) or is itself ``respondent N``; any other
text is not stored, since it may be personal data and names of persons stay in
``personen/`` (AVG).

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api.lijsten import pagina
from onderzoekscyclus.api.wijzigen import Verwijderd, verwijder
from onderzoekscyclus.domein.formulier import kolommen_van, respondenten_van
from onderzoekscyclus.domein.model import Persoon, School
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.tijd import gebeurd
from onderzoekscyclus.domein.uitslag import Resultaat, Vergelijking, bereken, vergelijk
from onderzoekscyclus.domein.zelfevaluatie import Instrument, Niveau, Respondent, Zelfevaluatie
from onderzoekscyclus.errors import (
    AmbiguousReference,
    FileFormatError,
    InvalidValue,
    Kandidaat,
    UnknownReference,
)
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opslag.formulierbestand import lees_csv
from onderzoekscyclus.opslag.instrumenten import Catalogus, laad_catalogus, stappen

__all__ = ["MEETVENSTER", "Import", "Invulling", "MetingSamenvatting", "Zelfevaluaties"]

MEETVENSTER = 30
"""Days after it opened that a measurement takes new respondents."""


@attrs.frozen
class Invulling:
    """What one ``invullen`` stored: the measurement and the respondent in it."""

    meting: Zelfevaluatie
    respondent: Respondent
    nieuwe_meting: bool
    open_items: int
    """How many items the respondent still has to answer (for a concept)."""


@attrs.frozen
class Import:
    """What a CSV import stored."""

    meting: Zelfevaluatie
    respondenten: tuple[str, ...]
    nieuwe_meting: bool
    kolommen: Mapping[str, str]
    """Per item id, the CSV column it was read from."""
    genegeerde_kolommen: tuple[str, ...]


@attrs.frozen
class MetingSamenvatting:
    """One measurement in a list: its id (what ``vergelijk`` and ``resultaat`` take),
    the day it opened, its instrument and school (``None``: the partnership), and how
    many respondents finished (``afgerond``, the ones the results count) or stopped
    halfway (``concepten``).

    .. versionadded:: 0.2.0
    """

    id: str
    datum: dt.date
    instrument: str
    instrument_naam: str
    afgerond: int
    concepten: int
    school: str | None = None
    school_naam: str | None = None


class Zelfevaluaties(Dienst):
    """Self-evaluations in a werkplaats: ``werkplaats.zelfevaluaties``."""

    _catalogus: Catalogus | None = None

    # --- instruments ---------------------------------------------------------------------

    def catalogus(self) -> Catalogus:
        """Every instrument this werkplaats can use (loaded once)."""
        if self._catalogus is None:
            self._catalogus = laad_catalogus(self.opslag.root)
        return self._catalogus

    def instrument(self, verwijzing: str) -> Instrument:
        """The instrument ``verwijzing`` points to."""
        return self.catalogus().instrument(verwijzing)

    # --- measurements --------------------------------------------------------------------

    def metingen(
        self,
        instrument: str | None = None,
        *,
        school: str | None = None,
        alle: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Zelfevaluatie]:
        """Measurements, oldest first; of one instrument, and of one school (or, without
        ``school`` and unless ``alle``, of the partnership); ``offset`` and ``limit``
        give a page."""
        gekozen = self.instrument(instrument).id if instrument else None
        school_id = self.school(school).id if school else None
        gevonden = sorted(
            (
                m
                for m in self.opslag.alle(Zelfevaluatie)
                if (gekozen is None or m.instrument == gekozen) and (alle or m.school == school_id)
            ),
            key=lambda m: (m.datum, m.id),
        )
        return pagina(gevonden, limit, offset)

    def verwijder(self, verwijzing: str, *, uitvoeren: bool = True) -> Verwijderd:
        """Remove a measurement (id, start of an id, or date) with all its respondents."""
        return verwijder(
            self.opslag, Zelfevaluatie, self.meting(verwijzing).id, uitvoeren=uitvoeren
        )

    def verwijder_respondent(self, verwijzing: str, label: str) -> Zelfevaluatie:
        """Remove one respondent (by label: ``respondent 3``, or the person a list
        belongs to) from a measurement; the results are computed without them."""
        meting_id = self.meting(verwijzing).id
        gezocht = {vergelijkbaar(label), vergelijkbaar(self._label(label) or "")}
        with self.opslag.vergrendeld():
            meting = self.opslag.lees(Zelfevaluatie, meting_id)
            blijft = tuple(r for r in meting.respondenten if vergelijkbaar(r.label) not in gezocht)
            if len(blijft) == len(meting.respondenten):
                raise UnknownReference(
                    _("Meting {meting} heeft geen respondent '{label}'.").format(
                        meting=meting.id, label=label
                    ),
                    [Kandidaat(r.label, r.label) for r in meting.respondenten],
                    soort="respondent",
                    verwijzing=label,
                    onderwerp=meting.id,
                    onderwerp_id=meting.id,
                )
            meting = attrs.evolve(meting, respondenten=blijft)
            self.opslag.schrijf(meting)
        return meting

    def lijst(
        self,
        instrument: str | None = None,
        *,
        school: str | None = None,
        alle: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[MetingSamenvatting]:
        """The measurements of :meth:`metingen` (the same choice and order, oldest
        first), each in short: id, day, instrument, school and the number of
        respondents, finished and halfway.

        .. versionadded:: 0.2.0
        """
        metingen = self.metingen(instrument, school=school, alle=alle, limit=limit, offset=offset)
        instrumenten = {i.id: i.naam for i in self.catalogus().instrumenten}
        scholen = {m.school for m in metingen if m.school is not None}
        namen = {
            s: self.opslag.lees(School, s).naam for s in scholen if self.opslag.bestaat(School, s)
        }
        return [
            MetingSamenvatting(
                id=m.id,
                datum=m.datum,
                instrument=m.instrument,
                instrument_naam=instrumenten.get(m.instrument, m.instrument),
                afgerond=len(m.afgerond()),
                concepten=len(m.concepten()),
                school=m.school,
                school_naam=namen.get(m.school) if m.school is not None else None,
            )
            for m in metingen
        ]

    def meting(
        self, verwijzing: str, *, instrument: str | None = None, school: str | None = None
    ) -> Zelfevaluatie:
        """The measurement with this id (or start of it), or of this date (JJJJ-MM-DD)."""
        kandidaten = self.metingen(instrument, school=school, alle=school is None)
        gezocht = verwijzing.strip()
        for m in kandidaten:
            if m.id == gezocht:
                return m
        treffers = [m for m in kandidaten if m.id.startswith(gezocht)] or [
            m for m in kandidaten if m.datum.isoformat() == gezocht
        ]
        if len(treffers) == 1:
            return treffers[0]
        if treffers:
            raise AmbiguousReference(
                _("'{verwijzing}' past bij meer dan één meting: {lijst}.").format(
                    verwijzing=verwijzing, lijst=", ".join(m.id for m in treffers[:8])
                ),
                [Kandidaat(m.id, m.datum.isoformat()) for m in treffers],
                hint=_("Gebruik meer van het id, of noem de school en het instrument."),
                soort="meting",
                verwijzing=verwijzing,
            )
        raise UnknownReference(
            _("Geen meting gevonden voor '{verwijzing}'.").format(verwijzing=verwijzing),
            [Kandidaat(m.id, m.datum.isoformat()) for m in kandidaten[-5:]],
            soort="meting",
            verwijzing=verwijzing,
        )

    def _doel(self, instrument: Instrument, school: str | None) -> str | None:
        """The school id a measurement of ``instrument`` is about (None: the partnership)."""
        if instrument.voor is Niveau.PARTNERSCHAP:
            if school:
                raise InvalidValue(
                    _(
                        "'{naam}' gaat over het partnerschap als geheel, niet over één school."
                    ).format(naam=instrument.naam),
                    _("Noem geen school."),
                )
            return None
        if not school:
            raise InvalidValue(
                _("'{naam}' gaat over één school: welke?").format(naam=instrument.naam),
                _("Noem de school."),
                veld="school",
            )
        return self.school(school).id

    def _kies_meting(
        self,
        instrument: Instrument,
        school_id: str | None,
        dag: dt.date,
        *,
        nieuwe_meting: bool,
        meting: str | None,
    ) -> tuple[Zelfevaluatie, bool]:
        """The measurement new respondents go into, and whether it is a new one."""
        eigen = [
            m
            for m in self.opslag.alle(Zelfevaluatie)
            if m.instrument == instrument.id and m.school == school_id
        ]
        if meting is not None:
            if nieuwe_meting:
                raise InvalidValue(
                    _("Kies een bestaande meting of een nieuwe meting, niet allebei.")
                )
            gekozen = self.meting(meting, instrument=instrument.id, school=None)
            if gekozen.instrument != instrument.id or gekozen.school != school_id:
                raise InvalidValue(
                    _("Meting {id} hoort bij een ander instrument of een andere school.").format(
                        id=gekozen.id
                    )
                )
            return gekozen, False
        if not nieuwe_meting:
            open_ = [m for m in eigen if m.datum <= dag <= m.datum + dt.timedelta(days=MEETVENSTER)]
            if open_:
                return max(open_, key=lambda m: (m.datum, m.id)), False
        nieuw = Zelfevaluatie(
            id=self.opslag.nieuw_id(Zelfevaluatie, f"{instrument.id}-{dag.isoformat()}"),
            instrument=instrument.id,
            school=school_id,
            datum=dag,
        )
        return nieuw, True

    # --- filling in ----------------------------------------------------------------------

    def concept(
        self, instrument: str, *, school: str | None = None, respondent: str | None = None
    ) -> tuple[Zelfevaluatie, Respondent]:
        """The concept to continue: the one of ``respondent``, or the only one open."""
        gekozen = self.instrument(instrument)
        school_id = self._doel(gekozen, school)
        concepten = [
            (m, r)
            for m in self.opslag.alle(Zelfevaluatie)
            if m.instrument == gekozen.id and m.school == school_id
            for r in m.concepten()
        ]
        if respondent is not None:
            gezocht = {vergelijkbaar(respondent), vergelijkbaar(self._label(respondent) or "")}
            concepten = [(m, r) for m, r in concepten if vergelijkbaar(r.label) in gezocht]
        if len(concepten) == 1:
            return concepten[0]
        if not concepten:
            raise UnknownReference(
                _("Er is geen half ingevulde lijst om mee verder te gaan{voor}.").format(
                    voor=_(" voor '{label}'").format(label=respondent) if respondent else ""
                ),
                hint=_("Begin opnieuw in plaats van verder te gaan."),
                soort="respondent",
                verwijzing=respondent,
            )
        labels = [r.label for _m, r in concepten]
        raise AmbiguousReference(
            _("Er zijn meer half ingevulde lijsten: {labels}.").format(labels=", ".join(labels)),
            [Kandidaat(m.id, r.label) for m, r in concepten],
            hint=_("Noem de respondent van de lijst die verder moet."),
            soort="respondent",
            verwijzing=respondent,
        )

    def invullen(
        self,
        instrument: str,
        *,
        antwoorden: Mapping[str, int],
        overgeslagen: Iterable[str] = (),
        school: str | None = None,
        respondent: str | None = None,
        concept: bool = False,
        hervat: bool = False,
        datum: dt.date | None = None,
        nieuwe_meting: bool = False,
        meting: str | None = None,
    ) -> Invulling:
        """Store one respondent's answers (item id -> scale point).

        With ``concept`` the answers are kept as a concept to continue later; with
        ``hervat`` they are added to the respondent's concept (see :meth:`concept`).
        A finished respondent has answered or skipped every item.
        """
        gekozen = self.instrument(instrument)
        school_id = self._doel(gekozen, school)
        dag = gebeurd(datum, self.vandaag())
        _controleer_antwoorden(gekozen, antwoorden, overgeslagen)
        with self.opslag.vergrendeld():
            if hervat:
                if meting is not None or nieuwe_meting:
                    raise InvalidValue(
                        _(
                            "Wie verder gaat met een concept, gaat verder in de meting van dat concept."
                        )
                    )
                doel, nieuw_respondent = self._verder(
                    gekozen, school, respondent, antwoorden, overgeslagen, dag, concept
                )
                respondenten = tuple(
                    nieuw_respondent if r.label == nieuw_respondent.label else r
                    for r in doel.respondenten
                )
                is_nieuw = False
            else:
                doel, is_nieuw = self._kies_meting(
                    gekozen, school_id, dag, nieuwe_meting=nieuwe_meting, meting=meting
                )
                nieuw_respondent = Respondent(
                    label=_nieuw_label(doel, self._label(respondent)),
                    datum=dag,
                    antwoorden=dict(antwoorden),
                    overgeslagen=tuple(overgeslagen),
                    concept=concept,
                )
                respondenten = (*doel.respondenten, nieuw_respondent)
            open_items = len(nieuw_respondent.open_items(gekozen))
            if open_items and not concept:
                raise InvalidValue(
                    ngettext(
                        "Er ontbreekt nog {n} antwoord; een lijst is pas af als elke uitspraak "
                        "beantwoord of overgeslagen is.",
                        "Er ontbreken nog {n} antwoorden; een lijst is pas af als elke uitspraak "
                        "beantwoord of overgeslagen is.",
                        open_items,
                    ).format(n=open_items),
                    _("Sla een uitspraak over met '-', of bewaar de lijst als concept."),
                )
            doel = attrs.evolve(doel, respondenten=respondenten)
            self.opslag.schrijf(doel)
        return Invulling(
            meting=doel, respondent=nieuw_respondent, nieuwe_meting=is_nieuw, open_items=open_items
        )

    def _verder(
        self,
        instrument: Instrument,
        school: str | None,
        respondent: str | None,
        antwoorden: Mapping[str, int],
        overgeslagen: Iterable[str],
        dag: dt.date,
        concept: bool,
    ) -> tuple[Zelfevaluatie, Respondent]:
        """The measurement of a respondent's concept, and the respondent with the new
        answers added (an answer given now is no longer skipped)."""
        doel, oud = self.concept(instrument.id, school=school, respondent=respondent)
        verder = attrs.evolve(
            oud,
            datum=dag,
            antwoorden={**oud.antwoorden, **antwoorden},
            overgeslagen=tuple(
                i for i in {*oud.overgeslagen, *overgeslagen} if i not in antwoorden
            ),
            concept=concept,
        )
        return self.opslag.lees(Zelfevaluatie, doel.id), verder

    def importeer_csv(
        self,
        instrument: str,
        pad: Path | str,
        *,
        school: str | None = None,
        datum: dt.date | None = None,
        nieuwe_meting: bool = False,
        meting: str | None = None,
    ) -> Import:
        """Import many respondents from a CSV file as a form tool exports it: a header
        row, then one row per respondent.

        A column is an item's when its header is the item's id or contains its text
        (``Ondersteunende cultuur [Leraren voelen …]`` counts); a column ``respondent``
        gives the labels; other columns (a timestamp, an e-mail address) are left out
        and never stored. Answers are 1, 2, 3 or the names of the scale; an empty cell
        is no answer. If any row is wrong, nothing is stored and every wrong row is named.
        """
        gekozen = self.instrument(instrument)
        school_id = self._doel(gekozen, school)
        dag = gebeurd(datum, self.vandaag())
        label = Path(pad).name
        rijen = lees_csv(Path(pad), label)
        kolommen, label_kolom, genegeerd = kolommen_van(gekozen, rijen[0][1], label)
        nieuwe, problemen = respondenten_van(gekozen, rijen[1:], kolommen, label_kolom)
        if problemen:
            raise FileFormatError(
                _("Niets geïmporteerd: {bestand} heeft fouten.").format(bestand=label),
                [f"{label} {p}" for p in problemen],
                _("Herstel de genoemde regels en importeer het hele bestand opnieuw."),
            )
        if not nieuwe:
            raise InvalidValue(
                _("{bestand} heeft geen enkele respondent.").format(bestand=label),
                _("Onder de kopregel staat per respondent één regel."),
            )
        with self.opslag.vergrendeld():
            doel, is_nieuw = self._kies_meting(
                gekozen, school_id, dag, nieuwe_meting=nieuwe_meting, meting=meting
            )
            toegevoegd: list[Respondent] = []
            for gegeven, antwoorden, open_ in nieuwe:
                huidig = attrs.evolve(doel, respondenten=(*doel.respondenten, *toegevoegd))
                try:
                    label = _nieuw_label(huidig, self._label(gegeven))
                except InvalidValue as fout:
                    raise InvalidValue(
                        _("Niets geïmporteerd: {fout}").format(fout=fout.bericht), fout.hint
                    ) from None
                toegevoegd.append(
                    Respondent(label=label, datum=dag, antwoorden=antwoorden, overgeslagen=open_)
                )
            doel = attrs.evolve(doel, respondenten=(*doel.respondenten, *toegevoegd))
            self.opslag.schrijf(doel)
        return Import(
            meting=doel,
            respondenten=tuple(r.label for r in toegevoegd),
            nieuwe_meting=is_nieuw,
            kolommen={item: kop for item, (_n, kop) in kolommen.items()},
            genegeerde_kolommen=tuple(genegeerd),
        )

    def _label(self, gegeven: str | None) -> str | None:
        """What is stored of a respondent label someone typed: the id of the person of
        the werkplaats it names, the label itself when it is ``respondent N``, and
        otherwise nothing (the respondent gets the next ``respondent N``), so that no
        personal datum is kept outside ``personen/``."""
        if gegeven is None or not gegeven.strip():
            return None
        if re.fullmatch(r"\s*respondent\s+\d+\s*", gegeven, re.IGNORECASE):
            return " ".join(gegeven.split()).lower()
        gezocht = vergelijkbaar(gegeven)
        for persoon in self.opslag.alle(Persoon):
            if gezocht in (persoon.id, vergelijkbaar(persoon.naam)):
                return persoon.id
        return None

    # --- results -------------------------------------------------------------------------

    def resultaat(
        self, instrument: str, *, school: str | None = None, meting: str | None = None
    ) -> Resultaat:
        """The results of a measurement (the latest, or ``meting``), with the change since
        the measurement before it."""
        gekozen = self.instrument(instrument)
        school_id = self._doel(gekozen, school)
        metingen = [
            m
            for m in self.opslag.alle(Zelfevaluatie)
            if m.instrument == gekozen.id and m.school == school_id
        ]
        metingen.sort(key=lambda m: (m.datum, m.id))
        if not metingen:
            raise UnknownReference(
                _("Er is nog geen meting van '{naam}'{voor}.").format(
                    naam=gekozen.naam, voor=self._voor_tekst(school_id)
                ),
                soort="meting",
                verwijzing=gekozen.id,
            )
        huidig = (
            self.meting(meting, instrument=gekozen.id, school=school) if meting else metingen[-1]
        )
        eerder = [
            m for m in metingen if (m.datum, m.id) < (huidig.datum, huidig.id) and m.afgerond()
        ]
        return bereken(
            gekozen,
            huidig,
            vorige=eerder[-1] if eerder else None,
            stappen=stappen(),
            school_naam=self.school(school_id).naam if school_id else None,
        )

    def vergelijk(self, a: str, b: str, *, school: str | None = None) -> Vergelijking:
        """Measurement ``b`` against measurement ``a`` (ids, starts of ids or dates);
        ``b`` is looked for among the measurements of ``a``'s instrument."""
        meting_a = self.meting(a, school=school)
        meting_b = self.meting(b, instrument=meting_a.instrument, school=school)
        return vergelijk(self.instrument(meting_a.instrument), meting_a, meting_b)

    def _voor_tekst(self, school_id: str | None) -> str:
        if school_id is None:
            return ""
        return _(" voor {school}").format(school=self.school(school_id).naam)


# --- helpers -------------------------------------------------------------------------------


def _controleer_antwoorden(
    instrument: Instrument, antwoorden: Mapping[str, int], overgeslagen: Iterable[str]
) -> None:
    for item, punt in antwoorden.items():
        if instrument.item(item) is None:
            raise InvalidValue(
                _("'{naam}' heeft geen uitspraak '{item}'.").format(
                    naam=instrument.naam, item=item
                ),
            )
        if (
            isinstance(punt, bool)
            or not isinstance(punt, int)
            or not 1 <= punt <= len(instrument.schaal)
        ):
            raise InvalidValue(
                _("Het antwoord op {item} is {punt}; kies uit {uitleg}.").format(
                    item=item, punt=punt, uitleg=instrument.schaaluitleg()
                )
            )
    for item in overgeslagen:
        if instrument.item(item) is None:
            raise InvalidValue(
                _("'{naam}' heeft geen uitspraak '{item}'.").format(naam=instrument.naam, item=item)
            )


def _nieuw_label(meting: Zelfevaluatie, gegeven: str | None) -> str:
    """``gegeven`` if it is free in ``meting``, or the next free ``respondent N``."""
    if gegeven is not None and gegeven.strip():
        bestaand = meting.respondent(gegeven)
        if bestaand is not None:
            raise InvalidValue(
                _("In deze meting staat al een respondent '{label}'.").format(label=bestaand.label),
                _("Ga verder met die lijst als hij half ingevuld is, of kies een ander label.")
                if bestaand.concept
                else _("Kies een ander label."),
            )
        return gegeven.strip()
    n = len(meting.respondenten) + 1
    while meting.respondent(_("respondent {n}").format(n=n)) is not None:
        n += 1
    return _("respondent {n}").format(n=n)
