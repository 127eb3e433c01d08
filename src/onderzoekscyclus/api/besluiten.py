"""The besluiten of one werkplaats: files under ``besluiten/``, references, the clock.

:mod:`onderzoekscyclus.domein.besluitvorming` holds the rules; this module finds the werkgroep,
the persons and the theme that a command names, asks the clock for today (one place:
:func:`onderzoekscyclus.klok.vandaag`, which honours ``ONDERZOEKSCYCLUS_VANDAAG``),
applies one rule under the werkplaats lock and saves the result.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from onderzoekscyclus import klok
from onderzoekscyclus.domein import besluitvorming as bv
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.model import LidRol, Persoon
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.errors import InvalidValue, UnknownReference
from onderzoekscyclus.i18n import _

if TYPE_CHECKING:
    from onderzoekscyclus.api.werkplaats import Werkplaats

__all__ = ["BesluitOverzicht", "Besluiten"]


@attrs.frozen
class BesluitOverzicht:
    """A besluit as ``ozc besluit toon`` shows it: the besluit as it stands today (a
    round whose date passed counts as closed), with names for the ids it holds."""

    besluit: bv.Besluit
    namen: dict[str, str]
    wat_nu: str | None
    bijdragen: tuple[bv.Bijdrage, ...] | None = None
    voor: str | None = None


class Besluiten:
    """Everything a werkgroep does with its besluiten (``werkplaats.besluitvorming``)."""

    def __init__(self, werkplaats: Werkplaats) -> None:
        self.werkplaats = werkplaats

    # --- reading -----------------------------------------------------------------------

    def lijst(self) -> list[bv.Besluit]:
        """Every besluit, in id order."""
        return self.werkplaats.opslag.alle(bv.Besluit)

    def actueel(self) -> list[bv.Besluit]:
        """Every besluit as it stands today: a round whose closing date has passed
        counts as closed (``besluitvorming``), as it will be recorded at the next step."""
        vandaag = klok.vandaag()
        return [bv.bijgewerkt(b, vandaag) for b in self.lijst()]

    def zoek(self, verwijzing: str) -> bv.Besluit:
        """The besluit that ``verwijzing`` (title, start of a word of it, or id) points to."""
        id_ = verwijzing.strip()
        if is_geldig_id(id_) and self.werkplaats.opslag.pad(bv.Besluit, id_).is_file():
            # an exact id wins over every name, so its own file is all there is to read
            return self.werkplaats.opslag.lees(bv.Besluit, id_)
        return zoek(
            verwijzing,
            self.lijst(),
            soort=_("besluit"),
            lijstopdracht="ozc besluit lijst",
            naam=lambda b: b.titel,
        )

    def overzicht(self, verwijzing: str, *, voor: str | None = None) -> BesluitOverzicht:
        """The besluit as it stands today, and optionally what became of the ideas and
        feedback of one contributor (a person, or an outsider by name)."""
        vandaag = klok.vandaag()
        besluit = bv.bijgewerkt(self.zoek(verwijzing), vandaag)
        namen = self.werkplaats.namen()
        namen[besluit.werkgroep] = self.werkplaats.werkgroep(besluit.werkgroep).naam
        bijdragen = None
        wie = None
        if voor is not None:
            persoon = self._persoon_of_none(voor, besluit)
            if persoon is not None:
                bijdragen = bv.bijdragen_van(besluit, persoon=persoon.id)
                wie = persoon.naam
            else:
                bijdragen = bv.bijdragen_van(besluit, naam=voor)
                wie = voor
        return BesluitOverzicht(
            besluit=besluit,
            namen=namen,
            wat_nu=bv.BESLUITVORMING.wat_nu.get(besluit.fase.value),
            bijdragen=bijdragen,
            voor=wie,
        )

    def _persoon_of_none(self, voor: str, besluit: bv.Besluit) -> Persoon | None:
        extern = {n.casefold() for n in besluit.buitenstaanders()}
        if voor.strip().casefold() in extern:
            return None
        return self.werkplaats.persoon(voor)

    # --- changing ----------------------------------------------------------------------

    def _wijzig(
        self,
        verwijzing: str,
        stap: Callable[..., bv.Besluit],
        *args: Any,
        datum: dt.date | None,
        **kwargs: Any,
    ) -> bv.Besluit:
        """Apply ``stap`` (an operation of :mod:`besluitvorming`) to the besluit under the
        lock; ``datum`` defaults to today."""
        besluit_id = self.zoek(verwijzing).id
        opslag = self.werkplaats.opslag
        with opslag.vergrendeld():
            besluit = opslag.lees(bv.Besluit, besluit_id)
            vandaag = klok.vandaag()
            nieuw = stap(besluit, *args, datum=datum or vandaag, vandaag=vandaag, **kwargs)
            opslag.schrijf(nieuw)
        return nieuw

    def _persoon(self, verwijzing: str | None) -> str | None:
        return self.werkplaats.persoon(verwijzing).id if verwijzing else None

    def _bijdrager(
        self, door: str | None, extern: str | None, rol: str | None = None
    ) -> bv.Bijdrager:
        if door and extern:
            raise InvalidValue(
                _("Geef --door óf --extern, niet allebei."),
                veld="door",
            )
        if door:
            return bv.Bijdrager(persoon=self.werkplaats.persoon(door).id)
        if extern:
            return bv.Bijdrager(naam=extern.strip(), rol=rol.strip() if rol else None)
        raise InvalidValue(
            _("Van wie komt dit?"),
            _(
                "Geef --door PERSOON (iemand uit de werkplaats) of --extern NAAM (bijvoorbeeld "
                "een ouder of een leerling)."
            ),
            veld="door",
        )

    def nieuw(
        self,
        titel: str,
        *,
        werkgroep: str,
        thema: str,
        school: str | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Start a decision on the speerpunt ``titel`` of ``werkgroep``, on ``thema``.

        The school is the werkgroep's when it has one school; with several, give it.
        """
        groep = self.werkplaats.werkgroep(werkgroep)
        if school is not None:
            school_id: str | None = self.werkplaats.school(school).id
        elif len(groep.scholen) == 1:
            school_id = groep.scholen[0]
        else:
            school_id = None
        from onderzoekscyclus.domein.thesaurus import Thesaurus  # noqa: PLC0415

        thema_label = Thesaurus.laad(self.werkplaats.root).label(thema)
        wie_id = self._persoon(wie)
        dag = klok.tot_en_met_vandaag(datum)
        with self.werkplaats.opslag.vergrendeld():
            besluit = bv.nieuw(
                self.werkplaats._nieuw_id(bv.Besluit, titel),
                titel=titel,
                werkgroep=groep.id,
                thema=thema_label,
                school=school_id,
                datum=dag,
                wie=wie_id,
            )
            self.werkplaats.opslag.schrijf(besluit)
        return besluit

    def idee(
        self,
        verwijzing: str,
        tekst: str,
        *,
        door: str | None = None,
        extern: str | None = None,
        rol: str | None = None,
        datum: dt.date | None = None,
    ) -> bv.Besluit:
        """Add an idea from a person of the werkplaats or from an outsider."""
        bijdrager = self._bijdrager(door, extern, rol)
        return self._wijzig(verwijzing, bv.idee, tekst, door=bijdrager, datum=datum)

    def _bezwaar(self, besluit: bv.Besluit, leider: Persoon) -> str | None:
        """Why ``leider`` may not lead the proposal, or ``None``."""
        groep = self.werkplaats.werkgroep(besluit.werkgroep)
        lid = groep.lid(leider.id)
        if lid is None or lid.rol not in (LidRol.LEIDER, LidRol.EXPERT):
            return _("{naam} is geen leider of expert van werkgroep '{groep}'.").format(
                naam=leider.naam, groep=groep.naam
            )
        from onderzoekscyclus.domein.thesaurus import Thesaurus  # noqa: PLC0415

        thesaurus = Thesaurus.laad(self.werkplaats.root)
        gedekt = thesaurus.omvat(besluit.thema)
        if not any(thesaurus.sleutel(e) in gedekt for e in leider.expertise):
            return _("{naam} heeft geen expertise op het thema '{thema}'.").format(
                naam=leider.naam, thema=besluit.thema
            )
        return None

    def voorstel(
        self,
        verwijzing: str,
        tekst: str,
        *,
        leider: str,
        zonder_expert: str | None = None,
        ideeen: Sequence[int] = (),
        datum: dt.date | None = None,
    ) -> bv.Besluit:
        """Write (a new version of) the proposal, led by an expert of the werkgroep."""
        persoon = self.werkplaats.persoon(leider)
        besluit = self.zoek(verwijzing)
        return self._wijzig(
            besluit.id,
            bv.voorstel,
            tekst,
            leider=persoon.id,
            datum=datum,
            bezwaar=self._bezwaar(besluit, persoon),
            zonder_expert=zonder_expert,
            ideeen=ideeen,
        )

    def feedback_open(
        self,
        verwijzing: str,
        *,
        tot: dt.date,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Open a feedback round until ``tot`` (inclusive)."""
        return self._wijzig(
            verwijzing,
            bv.feedback_open,
            tot=tot,
            wie=self._persoon(wie),
            datum=datum,
        )

    def feedback(
        self,
        verwijzing: str,
        tekst: str,
        *,
        door: str | None = None,
        extern: str | None = None,
        rol: str | None = None,
        datum: dt.date | None = None,
    ) -> bv.Besluit:
        """Give feedback on the proposal during its round."""
        bijdrager = self._bijdrager(door, extern, rol)
        return self._wijzig(verwijzing, bv.feedback, tekst, door=bijdrager, datum=datum)

    def reageer(
        self,
        verwijzing: str,
        nummer: int,
        *,
        oordeel: str,
        motivatie: str,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Give feedback item ``nummer`` its disposition and motivation."""
        return self._wijzig(
            verwijzing,
            bv.reageer,
            nummer,
            oordeel=oordeel,
            motivatie=motivatie,
            wie=self._persoon(wie),
            datum=datum,
        )

    def neem(
        self,
        verwijzing: str,
        tekst: str,
        *,
        verwerp: bool = False,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Take the decision, or reject the proposal (``verwerp``)."""
        return self._wijzig(
            verwijzing,
            bv.neem,
            tekst,
            wie=self._persoon(wie),
            verwerp=verwerp,
            datum=datum,
        )

    def implementeer(
        self,
        verwijzing: str,
        *,
        tekst: str | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Record that the decision (or its adjustment) is put into practice."""
        return self._wijzig(
            verwijzing,
            bv.implementeer,
            tekst=tekst,
            wie=self._persoon(wie),
            datum=datum,
        )

    def _bewijs(self, bronnen: Iterable[str], metingen: Iterable[str]) -> list[bv.Bewijs]:
        bewijs = [bv.Bewijs(bron=b.strip()) for b in bronnen if b.strip()]
        for tekst in metingen:
            delen = tekst.split(":")
            if len(delen) not in (2, 3) or not delen[1].strip().isdigit():
                raise InvalidValue(
                    _("Ongeldige meting '{tekst}'.").format(tekst=tekst),
                    _("Schrijf WERKGROEP:CYCLUS of WERKGROEP:CYCLUS:INDICATOR, zoals rekenen:1."),
                    veld="meting",
                )
            groep = self.werkplaats.werkgroep(delen[0])
            nummer = int(delen[1])
            gekozen = next((c for c in groep.cycli if c.nummer == nummer), None)
            if gekozen is None:
                raise UnknownReference(
                    _("Werkgroep '{groep}' heeft geen cyclus {n}.").format(
                        groep=groep.naam, n=nummer
                    ),
                    hint=_('Zie `ozc cyclus toon "{groep}"`.').format(groep=groep.naam),
                )
            indicator = None
            if len(delen) == 3:
                gevonden = gekozen.indicator(delen[2])
                if gevonden is None:
                    namen = ", ".join(i.naam for i in gekozen.indicatoren) or _("geen")
                    raise UnknownReference(
                        _(
                            "Cyclus {n} van '{groep}' heeft geen indicator '{naam}' (wel: {namen})."
                        ).format(n=nummer, groep=groep.naam, naam=delen[2], namen=namen)
                    )
                indicator = gevonden.naam
            bewijs.append(bv.Bewijs(werkgroep=groep.id, cyclus=nummer, indicator=indicator))
        return bewijs

    def evalueer(
        self,
        verwijzing: str,
        tekst: str,
        *,
        bronnen: Iterable[str] = (),
        metingen: Iterable[str] = (),
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Evaluate the decision, with bronnen or measurements of a research cycle."""
        wie_id = self._persoon(wie)
        return self._wijzig(
            verwijzing,
            bv.evalueer,
            tekst,
            bewijs=self._bewijs(bronnen, metingen),
            wie=wie_id,
            datum=datum,
        )

    def bijstellen(
        self,
        verwijzing: str,
        tekst: str,
        *,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Adjust the decision after an evaluation."""
        return self._wijzig(
            verwijzing,
            bv.bijstellen,
            tekst,
            wie=self._persoon(wie),
            datum=datum,
        )

    def borg(
        self,
        verwijzing: str,
        *,
        herevaluatie: dt.date | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Embed the decision, optionally with a date for a re-evaluation."""
        return self._wijzig(
            verwijzing,
            bv.borg,
            herevaluatie=herevaluatie,
            wie=self._persoon(wie),
            datum=datum,
        )

    def intrekken(
        self,
        verwijzing: str,
        reden: str,
        *,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> bv.Besluit:
        """Withdraw the decision before it is taken."""
        return self._wijzig(
            verwijzing,
            bv.intrekken,
            reden,
            wie=self._persoon(wie),
            datum=datum,
        )
