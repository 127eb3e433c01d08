"""The besluiten of one werkplaats: ``werkplaats.besluitvorming``.

:mod:`onderzoekscyclus.domein.besluitvorming` holds the rules; this service finds the
werkgroep, the persons and the theme that a caller names, asks its clock for today,
applies one rule under the werkplaats lock and saves the result. A refusal
(:class:`~onderzoekscyclus.errors.Geweigerd`) names the besluit in ``onderwerp``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api.lijsten import Kenmerken, pagina
from onderzoekscyclus.api.wijzigen import Verwijderd, verwijder
from onderzoekscyclus.domein import besluitvorming as bv
from onderzoekscyclus.domein.besluit import (
    Besluit,
    Besluitfase,
    BesluitfaseWaarde,
    Bewijs,
    Bijdrage,
    Bijdrager,
    Oordeel,
    OordeelWaarde,
    bijdragen_van,
)
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.model import LidRol, Persoon, Werkgroep
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.tijd import gebeurd
from onderzoekscyclus.domein.velden import naar_enum
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.errors import Geweigerd, InvalidValue, Reden, UnknownReference
from onderzoekscyclus.i18n import _

__all__ = ["BesluitOverzicht", "Besluiten"]


@attrs.frozen
class BesluitOverzicht:
    """A besluit as it stands today (a round whose date passed counts as closed), with
    names for the ids it holds and the operation that moves it on (``volgende``)."""

    besluit: Besluit
    namen: dict[str, str]
    volgende: str | None
    bijdragen: tuple[Bijdrage, ...] | None = None
    voor: str | None = None


class Besluiten(Dienst):
    """Everything a werkgroep does with its besluiten."""

    # --- reading -----------------------------------------------------------------------

    def lijst(
        self,
        *,
        werkgroep: str | None = None,
        thema: str | None = None,
        fase: Besluitfase | BesluitfaseWaarde | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Besluit]:
        """The besluiten (of ``werkgroep``: its id or a reference; on ``thema`` or a
        narrower theme; in ``fase``) as they stand today, by title; ``offset`` and
        ``limit`` give a page. A round whose closing date has passed counts as closed
        (``besluitvorming``), as the next step will record."""
        vandaag = self.vandaag()
        groep_id = self.werkgroep(werkgroep).id if werkgroep is not None else None
        gezocht = None if fase is None else naar_enum(Besluitfase, "fase")(fase)
        past_thema = self._thema_filter(thema)
        besluiten = [
            b
            for b in (bv.bijgewerkt(b, vandaag) for b in self.opslag.alle(Besluit))
            if (groep_id is None or b.werkgroep == groep_id)
            and (gezocht is None or b.fase is gezocht)
            and past_thema(Kenmerken(b.id, "", themas=(b.thema,)))
        ]
        besluiten.sort(key=lambda b: (vergelijkbaar(b.titel), b.id))
        return pagina(besluiten, limit, offset)

    def zoek(self, verwijzing: str | None = None, *, id: str | None = None) -> Besluit:
        """The besluit with exactly this ``id``, or the one ``verwijzing`` (what a person
        typed: the title, the start of a word of it, or an id) points to, as it stands
        today."""
        if id is not None:
            besluit = self._exact(Besluit, id) if verwijzing is None else None
        else:
            besluit = self._opgeslagen(verwijzing) if verwijzing is not None else None
        if besluit is None:
            return self._een(Besluit, verwijzing, id)  # refuses: both or neither given
        return bv.bijgewerkt(besluit, self.vandaag())

    def verwijder(self, verwijzing: str, *, uitvoeren: bool = True) -> Verwijderd:
        """Remove a besluit with its whole history (one made by mistake, or a withdrawn
        one nobody needs to see again). A besluit that was taken is better kept: a
        decision and its evaluation are what a school learns from."""
        return verwijder(self.opslag, Besluit, self._opgeslagen(verwijzing).id, uitvoeren=uitvoeren)

    def _opgeslagen(self, verwijzing: str) -> Besluit:
        id_ = verwijzing.strip()
        if is_geldig_id(id_) and self.opslag.bestaat(Besluit, id_):
            # an exact id wins over every name, so its own file is all there is to read
            return self.opslag.lees(Besluit, id_)
        return zoek(
            verwijzing,
            self.opslag.alle(Besluit),
            soort="besluit",
            naam=lambda b: b.titel,
            voorkeur=lambda b: b.fase is not Besluitfase.INGETROKKEN,
        )

    def overzicht(self, verwijzing: str, *, voor: str | None = None) -> BesluitOverzicht:
        """The besluit as it stands today, and optionally what became of the ideas and
        feedback of one contributor (a person, or an outsider by name)."""
        besluit = self.zoek(verwijzing)
        namen = self.namen()
        bijdragen = None
        wie = None
        if voor is not None:
            persoon = self._persoon_of_none(voor, besluit)
            if persoon is not None:
                bijdragen = bijdragen_van(besluit, persoon=persoon.id)
                wie = persoon.naam
            else:
                bijdragen = bijdragen_van(besluit, naam=voor)
                wie = voor
        return BesluitOverzicht(
            besluit=besluit,
            namen=namen,
            volgende=bv.BESLUITVORMING.volgende.get(besluit.fase),
            bijdragen=bijdragen,
            voor=wie,
        )

    def _persoon_of_none(self, voor: str, besluit: Besluit) -> Persoon | None:
        extern = {n.casefold() for n in besluit.buitenstaanders()}
        if voor.strip().casefold() in extern:
            return None
        return self.persoon(voor)

    # --- changing ----------------------------------------------------------------------

    def _wijzig(
        self,
        verwijzing: str,
        stap: Callable[..., Besluit],
        *args: Any,
        datum: dt.date | None,
        **kwargs: Any,
    ) -> Besluit:
        """Apply ``stap`` (an operation of :mod:`besluitvorming`) to the besluit under the
        lock; ``datum`` defaults to today."""
        besluit_id = self._opgeslagen(verwijzing).id
        with self.opslag.vergrendeld():
            besluit = self.opslag.lees(Besluit, besluit_id)
            vandaag = self.vandaag()
            try:
                nieuw = stap(besluit, *args, datum=datum or vandaag, vandaag=vandaag, **kwargs)
            except Geweigerd as fout:
                fout.onderwerp = besluit.titel
                fout.onderwerp_id = besluit.id
                raise
            self.opslag.schrijf(nieuw)
        return nieuw

    def _bijdrager(self, door: str | None, extern: str | None, rol: str | None = None) -> Bijdrager:
        if door and extern:
            raise InvalidValue(
                _("Geef een persoon uit de werkplaats óf iemand van buiten, niet allebei."),
                veld="door",
            )
        if door:
            return Bijdrager(persoon=self.persoon(door).id)
        if extern:
            return Bijdrager(naam=extern.strip(), rol=rol.strip() if rol else None)
        raise InvalidValue(
            _("Van wie komt dit?"),
            _(
                "Geef een persoon uit de werkplaats op, of de naam van iemand van buiten "
                "(bijvoorbeeld een ouder of een leerling)."
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
    ) -> Besluit:
        """Start a decision on the speerpunt ``titel`` of ``werkgroep``, on ``thema``.

        The school is the werkgroep's when it has one school; with several, give it.
        """
        groep = self.werkgroep(werkgroep)
        if school is not None:
            school_id: str | None = self.school(school).id
        elif len(groep.scholen) == 1:
            school_id = groep.scholen[0]
        else:
            school_id = None
        thema_label = self.lees_thesaurus().label(thema)
        wie_id = self.persoon_id(wie)
        dag = gebeurd(datum, self.vandaag())
        with self.opslag.vergrendeld():
            besluit = bv.nieuw(
                self.opslag.nieuw_id(Besluit, titel),
                titel=titel,
                werkgroep=groep.id,
                thema=thema_label,
                school=school_id,
                datum=dag,
                wie=wie_id,
            )
            self.opslag.schrijf(besluit)
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
    ) -> Besluit:
        """Add an idea from a person of the werkplaats or from an outsider."""
        bijdrager = self._bijdrager(door, extern, rol)
        return self._wijzig(verwijzing, bv.idee, tekst, door=bijdrager, datum=datum)

    def _bezwaar(self, besluit: Besluit, leider: Persoon) -> Reden | None:
        """Why ``leider`` may not lead the proposal, or ``None``."""
        groep = self.opslag.lees(Werkgroep, besluit.werkgroep)
        lid = groep.lid(leider.id)
        if lid is None or lid.rol not in (LidRol.LEIDER, LidRol.EXPERT):
            return reden("besluit.leider-geen-lid", naam=leider.naam, groep=groep.naam)
        thesaurus = self.lees_thesaurus()
        gedekt = thesaurus.omvat(besluit.thema)
        if not any(thesaurus.sleutel(e) in gedekt for e in leider.expertise):
            return reden("besluit.leider-geen-expertise", naam=leider.naam, thema=besluit.thema)
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
    ) -> Besluit:
        """Write (a new version of) the proposal, led by an expert of the werkgroep."""
        persoon = self.persoon(leider)
        besluit = self._opgeslagen(verwijzing)
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
    ) -> Besluit:
        """Open a feedback round until ``tot`` (inclusive)."""
        return self._wijzig(
            verwijzing,
            bv.feedback_open,
            tot=tot,
            wie=self.persoon_id(wie),
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
    ) -> Besluit:
        """Give feedback on the proposal during its round."""
        bijdrager = self._bijdrager(door, extern, rol)
        return self._wijzig(verwijzing, bv.feedback, tekst, door=bijdrager, datum=datum)

    def reageer(
        self,
        verwijzing: str,
        nummer: int,
        *,
        oordeel: Oordeel | OordeelWaarde,
        motivatie: str,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Besluit:
        """Give feedback item ``nummer`` its disposition and motivation."""
        return self._wijzig(
            verwijzing,
            bv.reageer,
            nummer,
            oordeel=oordeel,
            motivatie=motivatie,
            wie=self.persoon_id(wie),
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
    ) -> Besluit:
        """Take the decision, or reject the proposal (``verwerp``)."""
        return self._wijzig(
            verwijzing,
            bv.neem,
            tekst,
            wie=self.persoon_id(wie),
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
    ) -> Besluit:
        """Record that the decision (or its adjustment) is put into practice."""
        return self._wijzig(
            verwijzing,
            bv.implementeer,
            tekst=tekst,
            wie=self.persoon_id(wie),
            datum=datum,
        )

    def _bewijs(self, bronnen: Iterable[str], metingen: Iterable[str]) -> list[Bewijs]:
        bewijs = [Bewijs(bron=b.strip()) for b in bronnen if b.strip()]
        for tekst in metingen:
            delen = tekst.split(":")
            if len(delen) not in (2, 3) or not delen[1].strip().isdigit():
                raise InvalidValue(
                    _("Ongeldige meting '{tekst}'.").format(tekst=tekst),
                    _("Schrijf WERKGROEP:CYCLUS of WERKGROEP:CYCLUS:INDICATOR, zoals rekenen:1."),
                    veld="meting",
                )
            groep = self.werkgroep(delen[0])
            nummer = int(delen[1])
            gekozen = next((c for c in groep.cycli if c.nummer == nummer), None)
            if gekozen is None:
                raise UnknownReference(
                    _("Werkgroep '{groep}' heeft geen cyclus {n}.").format(
                        groep=groep.naam, n=nummer
                    ),
                    soort="cyclus",
                    verwijzing=tekst,
                    onderwerp=groep.naam,
                    onderwerp_id=groep.id,
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
            bewijs.append(Bewijs(werkgroep=groep.id, cyclus=nummer, indicator=indicator))
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
    ) -> Besluit:
        """Evaluate the decision, with bronnen or measurements of a research cycle."""
        wie_id = self.persoon_id(wie)
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
    ) -> Besluit:
        """Adjust the decision after an evaluation."""
        return self._wijzig(
            verwijzing,
            bv.bijstellen,
            tekst,
            wie=self.persoon_id(wie),
            datum=datum,
        )

    def borg(
        self,
        verwijzing: str,
        *,
        herevaluatie: dt.date | None = None,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Besluit:
        """Embed the decision, optionally with a date for a re-evaluation."""
        return self._wijzig(
            verwijzing,
            bv.borg,
            herevaluatie=herevaluatie,
            wie=self.persoon_id(wie),
            datum=datum,
        )

    def openbaar(self, verwijzing: str, *, openbaar: bool = True) -> Besluit:
        """Mark the besluit for the partnership website, or (``openbaar=False``) take the
        mark away: the next build of the site shows it, or no longer does.

        .. versionadded:: 0.2.0
        """
        besluit_id = self._opgeslagen(verwijzing).id
        with self.opslag.vergrendeld():
            oud = self.opslag.lees(Besluit, besluit_id)
            nieuw = attrs.evolve(oud, openbaar=openbaar)
            self.opslag.schrijf(nieuw)
        return nieuw

    def intrekken(
        self,
        verwijzing: str,
        reden: str,
        *,
        datum: dt.date | None = None,
        wie: str | None = None,
    ) -> Besluit:
        """Withdraw the decision before it is taken."""
        return self._wijzig(
            verwijzing,
            bv.intrekken,
            reden,
            wie=self.persoon_id(wie),
            datum=datum,
        )
