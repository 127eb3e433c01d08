"""The partnership's ontwikkelagenda: ``werkplaats.ontwikkelagenda``.

:mod:`onderzoekscyclus.domein.ontwikkelagenda` holds the speerpunten and how the agenda
is laid out; this service finds the werkgroepen and themes a caller names, keeps the
dates honest, and writes under the werkplaats lock. The overview reads the files of the
werkgroepen a speerpunt names, and for everything else the records of the index, so it
stays quick in a partnership of thousands of schools.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api._pagina import pagina
from onderzoekscyclus.api.wijzigen import Verwijderd, verwijder
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.domein.ontwikkelagenda import (
    Aanvraag,
    Aanvraagstatus,
    AanvraagstatusWaarde,
    Agendaoverzicht,
    Agendapunt,
    Geleerd,
    Puntstand,
    Werkgroepstand,
    overzicht,
    schooljaar,
)
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.tijd import gebeurd
from onderzoekscyclus.domein.velden import naar_enum
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.domein.waarden import Fase
from onderzoekscyclus.errors import InvalidValue, UnknownReference
from onderzoekscyclus.i18n import _

__all__ = ["Ontwikkelagenda"]


def _stand(groep: Werkgroep) -> Werkgroepstand:
    geleerd = tuple(
        Geleerd(
            werkgroep=groep.naam,
            cyclus=c.nummer,
            vraag=c.vraag,
            conclusie=weergave(c.evaluatie.conclusie),
            tekst=c.evaluatie.tekst,
            lessen=c.evaluatie.lessen,
            datum=c.evaluatie.datum,
        )
        for c in groep.cycli
        if c.evaluatie is not None
    )
    return Werkgroepstand(
        id=groep.id,
        naam=groep.naam,
        themas=groep.themas,
        cycli=tuple((c.nummer, c.fase.value, c.vraag) for c in groep.cycli),
        geleerd=geleerd,
    )


class Ontwikkelagenda(Dienst):
    """The speerpunten of the partnership per school year (see the module)."""

    # --- reading -----------------------------------------------------------------------

    def lijst(
        self,
        *,
        schooljaar_: str | None = None,
        thema: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Agendapunt]:
        """The speerpunten (on the agenda of ``schooljaar_``; on ``thema`` or a narrower
        theme), by their first school year, then title."""
        jaar = schooljaar(schooljaar_) if schooljaar_ else None
        if thema is not None:
            thesaurus = self.lees_thesaurus()
            sleutels = thesaurus.omvat(thema)
        punten = [
            p
            for p in self.opslag.alle(Agendapunt)
            if (jaar is None or jaar in p.schooljaren)
            and (thema is None or (p.thema is not None and thesaurus.sleutel(p.thema) in sleutels))
        ]
        punten.sort(key=lambda p: (p.eerste_jaar, vergelijkbaar(p.titel), p.id))
        return pagina(punten, limit, offset)

    def zoek(self, verwijzing: str | None = None, *, id: str | None = None) -> Agendapunt:
        """The speerpunt with exactly this ``id``, or the one ``verwijzing`` (its title,
        the start of a word of it, or its id) points to."""
        if verwijzing is not None and id is None:
            return self._opgeslagen(verwijzing)
        return self._een(Agendapunt, verwijzing, id)

    def _opgeslagen(self, verwijzing: str) -> Agendapunt:
        id_ = verwijzing.strip()
        if is_geldig_id(id_) and self.opslag.bestaat(Agendapunt, id_):
            return self.opslag.lees(Agendapunt, id_)
        return zoek(
            verwijzing, self.opslag.alle(Agendapunt), soort="agendapunt", naam=lambda p: p.titel
        )

    def overzicht(self, *, van: str | None = None, tot: str | None = None) -> Agendaoverzicht:
        """The agenda per school year (from ``van`` to ``tot``, school years such as
        ``2026-2027``), each speerpunt with its werkgroepen, their cycles, the
        applications and what finished cycles concluded; and the warnings: a speerpunt
        still on the agenda that no werkgroep works on, a werkgroep with a cycle under
        way that serves no speerpunt, and a werkgroep with a cycle under way on the theme
        of a speerpunt it is not linked to."""
        from onderzoekscyclus.api.lijsten import kenmerken  # noqa: PLC0415

        punten = self.opslag.alle(Agendapunt)
        bezig = [
            k for k in kenmerken(self.opslag, Werkgroep)
            if k.fase is not None and k.fase != Fase.AFGEROND.value
        ]  # fmt: skip
        op_thema: dict[str, list[str]] = {}
        if any(p.thema for p in punten):
            thesaurus = self.lees_thesaurus()
            for p in punten:
                if p.thema is not None:
                    sleutels = thesaurus.omvat(p.thema)
                    op_thema[p.id] = sorted(
                        k.id
                        for k in bezig
                        if any(thesaurus.sleutel(t) in sleutels for t in k.themas)
                    )
        gekoppeld = {g for p in punten for g in p.werkgroepen}
        groepen = {g.id: _stand(g) for g in self._werkgroepen(gekoppeld)}
        gevonden = overzicht(
            punten,
            groepen,
            [k.id for k in bezig],
            vandaag=self.vandaag(),
            op_thema=op_thema,
            van=van,
            tot=tot,
        )
        namen = self.namen_van({g for w in gevonden.waarschuwingen for g in w.te_noemen})
        return attrs.evolve(
            gevonden,
            waarschuwingen=tuple(
                attrs.evolve(
                    w,
                    voorbeelden=tuple(dict.fromkeys(namen.get(g, g) for g in w.te_noemen))[:3],
                )
                for w in gevonden.waarschuwingen
            ),
        )

    def stand(self, verwijzing: str) -> Puntstand:
        """One speerpunt as the overview shows it: its werkgroepen with their cycles,
        the applications by status, and what was learned."""
        punt = self._opgeslagen(verwijzing)
        groepen = {g.id: _stand(g) for g in self._werkgroepen(punt.werkgroepen)}
        gevonden = overzicht([punt], groepen, (), vandaag=self.vandaag())
        return gevonden.punten[0]

    def _werkgroepen(self, ids: Iterable[str]) -> list[Werkgroep]:
        return [
            self.opslag.lees(Werkgroep, i) for i in sorted(ids) if self.opslag.bestaat(Werkgroep, i)
        ]

    # --- changing ----------------------------------------------------------------------

    def toevoegen(
        self,
        titel: str,
        *,
        schooljaren: Sequence[str],
        vraag: str | None = None,
        thema: str | None = None,
        werkgroepen: Sequence[str] = (),
        nieuw_thema: bool = False,
    ) -> Agendapunt:
        """Put the speerpunt ``titel`` on the agenda of ``schooljaren`` (such as
        ``2026-2027``), with the question behind it, its theme (from the thesaurus; a
        theme it does not know is refused with the nearest ones, unless ``nieuw_thema``)
        and the werkgroepen working on it. A title the agenda already has is refused:
        the speerpunt gets another school year instead."""
        label = self._thema(thema, nieuw_thema)
        groep_ids = tuple(self.werkgroep(w).id for w in werkgroepen)
        with self.opslag.vergrendeld():
            self._uniek(titel, jaren=schooljaren)
            punt = Agendapunt(
                id=self.opslag.nieuw_id(Agendapunt, titel),
                titel=titel,
                schooljaren=tuple(schooljaren),
                vraag=vraag,
                thema=label,
                werkgroepen=groep_ids,
            )
            self.opslag.schrijf(punt)
        return punt

    def wijzig(
        self,
        verwijzing: str,
        *,
        titel: str | None = None,
        vraag: str | None = None,
        thema: str | None = None,
        schooljaren: Sequence[str] | None = None,
        nieuw_thema: bool = False,
    ) -> Agendapunt:
        """Correct the title, question, theme or school years of a speerpunt (the school
        years given replace the old ones; ``""`` removes the question or theme); the id
        stays."""
        velden: dict[str, Any] = {}
        if titel is not None:
            velden["titel"] = titel
        if vraag is not None:
            velden["vraag"] = vraag or None
        if thema is not None:
            velden["thema"] = self._thema(thema, nieuw_thema) if thema.strip() else None
        if schooljaren:
            velden["schooljaren"] = tuple(schooljaren)
        if titel is not None:
            self._uniek(titel, behalve=self._opgeslagen(verwijzing).id)
        if not velden:
            raise InvalidValue(
                _("Er is niets om te wijzigen."),
                _("Geef een nieuwe titel, vraag, thema of schooljaren."),
                veld="wijzig",
            )
        return self._pas_toe(verwijzing, lambda p: attrs.evolve(p, **velden))

    def _thema(self, thema: str | None, nieuw_thema: bool) -> str | None:
        if not thema:
            return None
        if not nieuw_thema:
            self._controleer_themas([thema])
        return self.lees_thesaurus().label(thema)

    def _uniek(self, titel: str, *, behalve: str | None = None, jaren: Sequence[str] = ()) -> None:
        gezocht = vergelijkbaar(titel)
        for p in self.opslag.alle(Agendapunt):
            if p.id != behalve and vergelijkbaar(p.titel) == gezocht:
                alle = sorted({*p.schooljaren, *(schooljaar(j) for j in jaren)})
                raise InvalidValue(
                    _("'{titel}' staat al op de agenda ({jaren}).").format(
                        titel=p.titel, jaren=", ".join(p.schooljaren)
                    ),
                    _(
                        "Zet dat speerpunt op meer schooljaren met `ozc ontwikkelagenda wijzig "
                        "{id} {opties}`, of kies een andere titel."
                    ).format(id=p.id, opties=" ".join(f"--jaar {j}" for j in alle)),
                    veld="titel",
                )

    def koppel(self, verwijzing: str, werkgroep: str) -> Agendapunt:
        """Link ``werkgroep`` to the speerpunt (linking it again changes nothing)."""
        groep_id = self.werkgroep(werkgroep).id
        return self._pas_toe(
            verwijzing,
            lambda p: (
                p
                if groep_id in p.werkgroepen
                else attrs.evolve(p, werkgroepen=(*p.werkgroepen, groep_id))
            ),
        )

    def ontkoppel(self, verwijzing: str, werkgroep: str) -> Agendapunt:
        """Take ``werkgroep`` off the speerpunt."""
        punt = self._opgeslagen(verwijzing)
        namen = self.namen_van(punt.werkgroepen)
        try:
            groep_id = zoek(
                werkgroep,
                [(g, namen.get(g, g)) for g in punt.werkgroepen],
                soort="werkgroep",
                naam=lambda x: x[1],
                id_=lambda x: x[0],
            )[0]
        except UnknownReference:
            groep = self.werkgroep(werkgroep)  # refuses a werkgroep that is nowhere
            raise InvalidValue(
                _("Werkgroep '{groep}' hoort niet bij '{titel}'.").format(
                    groep=groep.naam, titel=punt.titel
                ),
                _("Daar horen bij: {lijst}.").format(
                    lijst=", ".join(namen.get(g, g) for g in punt.werkgroepen)
                )
                if punt.werkgroepen
                else _("Er hoort nog geen werkgroep bij."),
                veld="werkgroep",
            ) from None
        return self._pas_toe(
            verwijzing,
            lambda p: attrs.evolve(p, werkgroepen=tuple(g for g in p.werkgroepen if g != groep_id)),
        )

    def aanvraag(
        self,
        verwijzing: str,
        titel: str,
        *,
        status: Aanvraagstatus | AanvraagstatusWaarde = Aanvraagstatus.IDEE,
        regeling: str | None = None,
        datum: dt.date | None = None,
    ) -> Agendapunt:
        """Add a research application to the speerpunt: its title, the fund or scheme,
        where it stands and since when (``datum``, default today; not in the future)."""
        dag = gebeurd(datum, self.vandaag())
        nieuw = Aanvraag(titel=titel, datum=dag, status=status, regeling=regeling)
        return self._pas_toe(verwijzing, lambda p: attrs.evolve(p, aanvragen=(*p.aanvragen, nieuw)))

    def aanvraag_status(
        self,
        verwijzing: str,
        nummer: int,
        status: Aanvraagstatus | AanvraagstatusWaarde,
        *,
        datum: dt.date | None = None,
    ) -> Agendapunt:
        """Application ``nummer`` got a new status on ``datum`` (default today): not in
        the future, and not before the day of its previous status. The status it already
        has, given again, corrects the day it got it."""
        return self.wijzig_aanvraag(verwijzing, nummer, status=status, datum=datum)

    def wijzig_aanvraag(
        self,
        verwijzing: str,
        nummer: int,
        *,
        titel: str | None = None,
        regeling: str | None = None,
        status: Aanvraagstatus | AanvraagstatusWaarde | None = None,
        datum: dt.date | None = None,
    ) -> Agendapunt:
        """Change application ``nummer``: a new ``status`` (on ``datum``, default today;
        not in the future and not before the day of the status it had), a correction of
        the day of the status it has (``datum`` without a new status, or with the same
        one: any day up to today), or of its ``titel`` or ``regeling`` (``""``: none).

        .. versionadded:: 0.2.0
        """
        nieuwe = None if status is None else naar_enum(Aanvraagstatus, "status")(status)
        vandaag = self.vandaag()

        def stap(p: Agendapunt) -> Agendapunt:
            oud = p.aanvraag(nummer)
            velden: dict[str, Any] = {}
            if titel is not None:
                velden["titel"] = titel
            if regeling is not None:
                velden["regeling"] = regeling or None
            if nieuwe is not None and nieuwe is not oud.status:
                dag = gebeurd(datum, vandaag)
                if dag < oud.datum:
                    raise InvalidValue(
                        _(
                            "Aanvraag {nummer} staat sinds {sinds} op '{status}'; een nieuwe "
                            "status kan niet van eerder zijn ({datum})."
                        ).format(
                            nummer=nummer,
                            sinds=oud.datum.isoformat(),
                            status=weergave(oud.status),
                            datum=dag.isoformat(),
                        ),
                        _(
                            "Geef een datum op of na {sinds}, of verbeter eerst de dag van "
                            "'{status}' met --datum."
                        ).format(sinds=oud.datum.isoformat(), status=weergave(oud.status)),
                        veld="datum",
                    )
                velden.update(status=nieuwe, datum=dag)
            elif datum is not None:
                velden["datum"] = gebeurd(datum, vandaag)
            lijst = list(p.aanvragen)
            lijst[nummer - 1] = attrs.evolve(oud, **velden)
            return attrs.evolve(p, aanvragen=tuple(lijst))

        return self._pas_toe(verwijzing, stap)

    def verwijder_aanvraag(self, verwijzing: str, nummer: int) -> Aanvraag:
        """Remove application ``nummer`` (one added by mistake); the others keep their
        order and are numbered again from 1."""
        weg: list[Aanvraag] = []

        def stap(p: Agendapunt) -> Agendapunt:
            weg.append(p.aanvraag(nummer))
            return attrs.evolve(
                p, aanvragen=tuple(a for i, a in enumerate(p.aanvragen, 1) if i != nummer)
            )

        self._pas_toe(verwijzing, stap)
        return weg[0]

    def verwijder(self, verwijzing: str, *, uitvoeren: bool = True) -> Verwijderd:
        """Take a speerpunt off the agenda altogether (the werkgroepen stay; only the
        link goes). A speerpunt of an earlier year is better kept: it is the partnership's
        history."""
        return verwijder(
            self.opslag, Agendapunt, self._opgeslagen(verwijzing).id, uitvoeren=uitvoeren
        )

    def _pas_toe(self, verwijzing: str, stap: Callable[[Agendapunt], Agendapunt]) -> Agendapunt:
        punt_id = self._opgeslagen(verwijzing).id
        with self.opslag.vergrendeld():
            punt = self.opslag.lees(Agendapunt, punt_id)
            nieuw = stap(punt)
            if nieuw != punt:
                self.opslag.schrijf(nieuw)
        return nieuw
