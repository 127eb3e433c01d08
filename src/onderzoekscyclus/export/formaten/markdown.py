"""The ``markdown`` export: a readable report of research cycles and decisions.

Per werkgroep of the selection: its members, then each research cycle (the question,
the starting point with its bronnen, the goal with its indicators, the plan and what
it is grounded in, the measurements over time as a table, per indicator its verdict on
change and its run chart (an SVG image inside the file, with the chart in words as its
alternative text), the evaluation and the method quality), then its besluiten (ideas, proposal, feedback and what became of it,
the decision, implementation and evaluation). Self-evaluations in the selection close
the report with their results per domain.

Text typed by users cannot change the structure: characters that Markdown reads as
markup (``*``, ``_``, ``[``, ``<``, ``|``, ``#``, …) are escaped with a backslash,
a line that would start a heading, quote or list is escaped too, and line breaks
inside table cells and headings become spaces.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from onderzoekscyclus.domein import cyclus as cy
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.meetreeks import (
    groepen_van,
    korte_verlooptekst,
    verloop_van,
    verlooptekst,
)
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.uitslag import Resultaat, bereken
from onderzoekscyclus.domein.zelfevaluatie import Zelfevaluatie
from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.export.gegevens import Exportgegevens
from onderzoekscyclus.export.grafiek import grafiekgegevens, teken, tekstalternatief
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import getal, lange_datum, met_eenheid, verschil

__all__ = ["MarkdownExporteur", "alinea", "regel", "verslag"]

_MARKUP = re.compile(r"([\\`*_\[\]<>|~#])")
_ENTITEIT = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOKTEKEN = re.compile(r"^([>+=-])")
_LIJSTNUMMER = re.compile(r"^(\d{1,9})([.)])")


def regel(waarde: object) -> str:
    """User text as one line that Markdown shows literally, wherever it is put."""
    tekst = " ".join(str(waarde).split())
    tekst = _ENTITEIT.sub(r"\\&", _MARKUP.sub(r"\\\1", tekst))
    return _LIJSTNUMMER.sub(r"\1\\\2", _BLOKTEKEN.sub(r"\\\1", tekst))


def alinea(waarde: object) -> str:
    """User text as paragraphs: its lines kept, blank lines between paragraphs."""
    alineas: list[list[str]] = [[]]
    for lijn in str(waarde).splitlines():
        if lijn.strip():
            alineas[-1].append(regel(lijn))
        elif alineas[-1]:
            alineas.append([])
    return "\n\n".join("\n".join(a) for a in alineas if a)


def _datum(waarde: Any) -> str:
    return waarde.isoformat() if waarde is not None else "–"


class _Verslag:
    """The blocks of the report, joined by blank lines."""

    def __init__(self, gegevens: Exportgegevens) -> None:
        self.gegevens = gegevens
        self.blokken: list[str] = []

    def naam(self, id_: str | None) -> str:
        return regel(self.gegevens.naam(id_)) if id_ else "–"

    def kop(self, niveau: int, tekst: str) -> None:
        self.blokken.append(f"{'#' * niveau} {tekst}")

    def tekst(self, blok: str) -> None:
        if blok:
            self.blokken.append(blok)

    def lijst(self, items: Iterable[str]) -> None:
        regels = [f"- {item}" for item in items]
        if regels:
            self.blokken.append("\n".join(regels))

    def tabel(self, koppen: Sequence[str], rijen: Sequence[Sequence[str]], rechts: int = 0) -> None:
        """A table; the last ``rechts`` columns (numbers) align right."""
        scheiding = ["---"] * (len(koppen) - rechts) + ["---:"] * rechts
        regels = [koppen, scheiding, *rijen]
        self.blokken.append("\n".join("| " + " | ".join(r) + " |" for r in regels))

    def veld(self, label: str, waarde: str) -> str:
        return f"**{label}:** {waarde}"


# --- werkgroepen and cycles ---------------------------------------------------------------


def _werkgroep(v: _Verslag, groep: Werkgroep, met_cycli: bool) -> None:
    v.kop(2, _("Werkgroep: {naam}").format(naam=regel(groep.naam)))
    leden = ", ".join(f"{v.naam(lid.persoon)} ({weergave(lid.rol)})" for lid in groep.leden)
    v.lijst(
        [
            v.veld(_("Soort"), weergave(groep.soort)),
            v.veld(_("Scholen"), ", ".join(v.naam(s) for s in groep.scholen)),
            v.veld(_("Thema's"), ", ".join(regel(t) for t in groep.themas) or "–"),
            v.veld(_("Leden"), leden or "–"),
            # a member's own research (a student's graduation research) in the werkgroep
            *(
                v.veld(
                    _("Onderzoek van {naam}").format(naam=v.naam(lid.persoon)),
                    regel(lid.onderzoeksvraag),
                )
                for lid in groep.leden
                if lid.onderzoeksvraag
            ),
        ]
    )
    if not met_cycli:
        return
    if not groep.cycli:
        v.tekst(_("Deze werkgroep is nog niet met een onderzoekscyclus begonnen."))
    for c in groep.cycli:
        _cyclus(v, groep, c)


def _cyclus(v: _Verslag, groep: Werkgroep, c: cy.Onderzoekscyclus) -> None:
    v.kop(3, _("Cyclus {nummer}: {vraag}").format(nummer=c.nummer, vraag=regel(c.vraag)))
    fase = weergave(c.fase) + (" " + _("(gepauzeerd)") if c.gepauzeerd else "")
    kenmerken = [v.veld(_("Fase"), fase), v.veld(_("Gestart"), _datum(c.gestart))]
    if c.vorige is not None:
        kenmerken.append(v.veld(_("Bouwt voort op"), _("cyclus {nummer}").format(nummer=c.vorige)))
    v.lijst(kenmerken)
    v.kop(4, _("Aanleiding"))
    v.tekst(alinea(c.aanleiding))
    v.tekst(v.veld(_("Onderzoeksvraag"), regel(c.vraag)))
    if c.beginsituatie or c.bronnen:
        v.kop(4, _("Beginsituatie"))
        v.tekst(alinea(c.beginsituatie or ""))
        if c.bronnen:
            v.tekst(f"**{_('Bronnen')}**")
            v.lijst(
                f"{_datum(b.datum)}: {regel(b.beschrijving)} ({regel(b.soort)})" for b in c.bronnen
            )
    if c.doel or c.indicatoren:
        _doel(v, groep, c)
    if c.acties or c.onderbouwing:
        _plan(v, c)
    if c.metingen:
        _metingen(v, c)
    if c.evaluatie is not None:
        v.kop(4, _("Evaluatie"))
        v.tekst(v.veld(_("Conclusie"), weergave(c.evaluatie.conclusie)))
        v.tekst(alinea(c.evaluatie.tekst))
        if c.evaluatie.lessen:
            v.tekst(f"**{_('Lessen')}**")
            v.lijst(regel(les) for les in c.evaluatie.lessen)
    kwaliteit = cy.methodekwaliteit(c, heeft_vervolg=groep.heeft_vervolg(c))
    v.kop(4, _("Methodekwaliteit"))
    v.tekst(
        _("{samenvatting} elementen van de methode zijn vastgelegd.").format(
            samenvatting=kwaliteit.samenvatting()
        )
    )
    v.lijst(
        f"{_('ja') if e.aanwezig else _('nog niet')}: {regel(e.omschrijving)}"
        for e in kwaliteit.elementen
    )


def _visie(v: _Verslag, groep: Werkgroep, sleutel: str) -> str:
    for school in v.gegevens.scholen:
        if school.id in groep.scholen:
            element = school.visie_element(sleutel)
            if element is not None:
                return f"{regel(element.sleutel)}: {regel(element.tekst)}"
    return regel(sleutel)


def _doel(v: _Verslag, groep: Werkgroep, c: cy.Onderzoekscyclus) -> None:
    v.kop(4, _("Doel"))
    v.tekst(alinea(c.doel or ""))
    if c.visie:
        v.tekst(v.veld(_("Visie"), _visie(v, groep, c.visie)))
    if c.indicatoren:
        v.tabel(
            [_("Indicator"), _("Eenheid"), _("Vastgesteld"), _("Nulmeting"), _("Streefwaarde")],
            [
                [
                    regel(i.naam) + (" " + _("(achteraf)") if i.achteraf else ""),
                    regel(i.eenheid),
                    _datum(i.vastgesteld),
                    getal(i.nulmeting),
                    getal(i.streefwaarde),
                ]
                for i in c.indicatoren
            ],
            rechts=2,
        )


def _plan(v: _Verslag, c: cy.Onderzoekscyclus) -> None:
    v.kop(4, _("Verbeterplan"))

    def actie(a: cy.Actie) -> str:
        wanneer = lange_datum(a.datum) if a.datum else a.wanneer
        extra = ", ".join(regel(x) for x in (a.wie, wanneer) if x)
        return regel(a.wat) + (f" ({extra})" if extra else "")

    v.lijst(actie(a) for a in c.acties)
    if c.onderbouwing:
        v.tekst(f"**{_('Onderbouwing')}**")
        v.lijst(
            regel(o.literatuur)
            if o.literatuur
            else _("ervaringen van werkgroep {naam}, cyclus {nummer}").format(
                naam=v.naam(o.werkgroep), nummer=o.cyclus if o.cyclus is not None else "–"
            )
            for o in c.onderbouwing
        )


def _metingen(v: _Verslag, c: cy.Onderzoekscyclus) -> None:
    v.kop(4, _("Metingen"))
    namen = [i.naam for i in c.indicatoren]
    bekend = {vergelijkbaar(n) for n in namen}
    for m in c.metingen:
        if vergelijkbaar(m.indicator) not in bekend:
            bekend.add(vergelijkbaar(m.indicator))
            namen.append(m.indicator)
    reeksen = {n: c.metingen_van(n) for n in namen}
    data = sorted({m.datum for m in c.metingen})
    koppen = [_("Datum")]
    for n in namen:
        ind = c.indicator(n)
        koppen.append(regel(n) + (f" ({regel(ind.eenheid)})" if ind and ind.eenheid else ""))

    def rij(label: str, waarde: Any) -> list[str]:
        return [label, *(waarde(n) for n in namen)]

    def op(naam: str, attribuut: str) -> str:
        ind = c.indicator(naam)
        return getal(getattr(ind, attribuut)) if ind else "–"

    rijen = [rij(_("nulmeting"), lambda n: op(n, "nulmeting"))]
    for dag in data:
        rijen.append(
            rij(
                _datum(dag),
                lambda n, dag=dag: (
                    "; ".join(
                        getal(m.waarde) + (f" ({regel(m.groep)})" if m.groep else "")
                        for m in reeksen[n]
                        if m.datum == dag
                    )
                    or "–"
                ),
            )
        )
    rijen.append(rij(_("streefwaarde"), lambda n: op(n, "streefwaarde")))
    v.tabel(koppen, rijen, rechts=len(namen))
    uitslag = {
        True: _("streefwaarde bereikt"),
        False: _("streefwaarde niet bereikt"),
        None: _("nog niet gemeten"),
    }
    v.lijst(
        _(
            "{indicator}: laatste meting {waarde} ({datum}), streefwaarde {streef}: {uitslag}"
        ).format(
            indicator=regel(r.indicator),
            waarde=met_eenheid(r.laatste, r.eenheid),
            datum=_datum(r.datum),
            streef=met_eenheid(r.streefwaarde, r.eenheid),
            uitslag=uitslag[r.bereikt],
        )
        for r in cy.resultaten_van(c)
    )
    for ind in c.indicatoren:
        if c.metingen_van(ind.naam):
            _grafiek(v, c, ind)


def _grafiek(v: _Verslag, c: cy.Onderzoekscyclus, ind: cy.Indicator) -> None:
    """The run chart of one indicator: its verdict on change in words (in total and per
    group), then the chart as an SVG image inside the file, with the chart in words as
    its alternative text (the table above holds its points)."""
    g = grafiekgegevens(c, ind.naam)
    midden = g.waarde(g.verloop.midden)
    regels = [
        _("{indicator}, verloop: {tekst}").format(
            indicator=regel(ind.naam), tekst=regel(verlooptekst(g.verloop, midden))
        )
    ]
    regels += [
        f"{regel(groep)}: {regel(korte_verlooptekst(verloop_van(c, ind, groep)))}"
        for groep in groepen_van(c, ind)
    ]
    v.lijst(regels)
    data = base64.b64encode(teken(g, "svg")).decode("ascii")
    v.tekst(f"![{regel(tekstalternatief(g))}](data:image/svg+xml;base64,{data})")


# --- besluiten -------------------------------------------------------------------------------


def _wie(v: _Verslag, door: Any) -> str:
    """A contributor: a person of the werkplaats by id, or an outsider by name."""
    persoon = getattr(door, "persoon", None)
    if persoon:
        return v.naam(persoon)
    naam = regel(getattr(door, "naam", None) or "–")
    rol = getattr(door, "rol", None)
    return f"{naam} ({regel(rol)})" if rol else naam


def _waarde(waarde: Any) -> str:
    return regel(getattr(waarde, "value", waarde))


def _besluit(v: _Verslag, b: Any) -> None:
    v.kop(3, _("Besluit: {titel}").format(titel=regel(getattr(b, "titel", b.id))))
    kenmerken = [
        v.veld(_("Fase"), _waarde(getattr(b, "fase", "–"))),
        v.veld(_("Thema"), regel(getattr(b, "thema", "") or "–")),
    ]
    if getattr(b, "school", None):
        kenmerken.append(v.veld(_("School"), v.naam(b.school)))
    if getattr(b, "herevaluatie", None):
        kenmerken.append(v.veld(_("Herevaluatie"), _datum(b.herevaluatie)))
    v.lijst(kenmerken)
    ideeen = getattr(b, "ideeen", ())
    if ideeen:
        v.kop(4, _("Ideeën"))
        v.lijst(f"{_datum(i.datum)}, {_wie(v, i.door)}: {regel(i.tekst)}" for i in ideeen)
    voorstellen = getattr(b, "voorstellen", ())
    if voorstellen:
        laatste = voorstellen[-1]
        v.kop(4, _("Voorstel"))
        v.tekst(
            _("Versie {versie} van {datum}, onder leiding van {leider}.").format(
                versie=laatste.versie, datum=_datum(laatste.datum), leider=v.naam(laatste.leider)
            )
        )
        v.tekst(alinea(laatste.tekst))
    feedback = getattr(b, "feedback", ())
    if feedback:
        v.kop(4, _("Feedback en wat ermee gebeurde"))
        v.tabel(
            [_("Nr"), _("Datum"), _("Van"), _("Feedback"), _("Reactie"), _("Motivatie")],
            [
                [
                    str(f.nummer),
                    _datum(f.datum),
                    _wie(v, f.door),
                    regel(f.tekst),
                    _waarde(f.reactie.oordeel) if f.reactie else _("nog geen reactie"),
                    regel(f.reactie.motivatie) if f.reactie else "–",
                ]
                for f in feedback
            ],
        )
    besluit = getattr(b, "besluit", None)
    if besluit is not None:
        v.kop(4, _("Besluit"))
        wat = _("Verworpen op {datum}") if getattr(besluit, "verworpen", False) else None
        v.tekst(f"**{(wat or _('Besloten op {datum}')).format(datum=_datum(besluit.datum))}**")
        v.tekst(alinea(besluit.tekst))
    _verloop(v, b)


def _bewijs(v: _Verslag, bewijs: Any) -> str:
    if getattr(bewijs, "bron", None):
        return regel(bewijs.bron)
    delen = [v.naam(getattr(bewijs, "werkgroep", None))]
    if getattr(bewijs, "cyclus", None) is not None:
        delen.append(_("cyclus {nummer}").format(nummer=bewijs.cyclus))
    if getattr(bewijs, "indicator", None):
        delen.append(regel(bewijs.indicator))
    return ", ".join(delen)


def _verloop(v: _Verslag, b: Any) -> None:
    stappen: list[tuple[Any, str]] = []
    for n in getattr(b, "implementaties", ()):
        stappen.append((n.datum, f"{_('geïmplementeerd')}: {regel(n.tekst)}"))
    for e in getattr(b, "evaluaties", ()):
        bewijs = "; ".join(_bewijs(v, x) for x in getattr(e, "bewijs", ()))
        extra = f" ({_('bewijs')}: {bewijs})" if bewijs else ""
        stappen.append((e.datum, f"{_('geëvalueerd')}: {regel(e.tekst)}{extra}"))
    for n in getattr(b, "bijstellingen", ()):
        stappen.append((n.datum, f"{_('bijgesteld')}: {regel(n.tekst)}"))
    if stappen:
        v.kop(4, _("Uitvoering en evaluatie"))
        v.lijst(f"{_datum(d)}, {t}" for d, t in sorted(stappen, key=lambda s: s[0]))


# --- zelfevaluaties ----------------------------------------------------------------------------


def _uitslag(v: _Verslag, meting: Zelfevaluatie) -> Resultaat | None:
    try:
        instrument = v.gegevens.werkplaats.zelfevaluaties.instrument(meting.instrument)
    except OnderzoekscyclusError:
        return None
    eerder = [
        m
        for m in v.gegevens.zelfevaluaties
        if m.instrument == meting.instrument
        and m.school == meting.school
        and (m.datum, m.id) < (meting.datum, meting.id)
        and m.afgerond()
    ]
    eerder.sort(key=lambda m: (m.datum, m.id))
    return bereken(
        instrument,
        meting,
        vorige=eerder[-1] if eerder else None,
        school_naam=v.gegevens.naam(meting.school) if meting.school else None,
    )


def _zelfevaluatie(v: _Verslag, meting: Zelfevaluatie) -> None:
    voor = v.naam(meting.school) if meting.school else _("het partnerschap")
    r = _uitslag(v, meting)
    titel = r.instrument_naam if r else meting.instrument
    v.kop(3, f"{regel(titel)}: {voor}, {_datum(meting.datum)}")
    if r is None:
        v.tekst(
            _("Het instrument '{id}' is niet gevonden; de uitslag ontbreekt.").format(
                id=regel(meting.instrument)
            )
        )
        return
    teksten = {i.item: regel(i.tekst) for i in r.items}
    gemiddelde = _("{gemiddelde} op een schaal van 1 tot {n}").format(
        gemiddelde=getal(r.gemiddelde), n=len(r.schaal)
    )
    if r.vorige_datum is not None:
        gemiddelde += " " + _("({verschil} sinds {datum})").format(
            verschil=verschil(r.verschil), datum=_datum(r.vorige_datum)
        )
    v.lijst(
        [
            v.veld(_("Respondenten"), str(r.respondenten)),
            v.veld(_("Gemiddelde"), gemiddelde),
        ]
    )
    v.tabel(
        [_("Domein"), _("Gemiddelde"), _("Verschil")],
        [[regel(d.naam), getal(d.gemiddelde), verschil(d.verschil)] for d in r.domeinen],
        rechts=2,
    )
    for label, ids in (
        (_("Sterkst ontwikkeld"), r.sterkst),
        (_("Zwakst ontwikkeld"), r.zwakst),
        (_("Om te bespreken: hier lopen de antwoorden uiteen"), r.bespreken),
    ):
        if ids:
            v.tekst(f"**{label}**")
            v.lijst(teksten[i] for i in ids)


# --- the ontwikkelagenda ------------------------------------------------------------------------


def _ontwikkelagenda(v: _Verslag, punten: Sequence[Any]) -> None:
    v.kop(2, _("Ontwikkelagenda"))
    for p in sorted(punten, key=lambda p: (p.schooljaren[0], p.titel.casefold(), p.id)):
        v.kop(3, f"{regel(p.titel)} ({', '.join(p.schooljaren)})")
        velden = []
        if p.vraag:
            velden.append(v.veld(_("Vraag"), regel(p.vraag)))
        if p.thema:
            velden.append(v.veld(_("Thema"), regel(p.thema)))
        # a selection names the werkgroepen it holds; the others are counted
        binnen = [g for g in p.werkgroepen if v.naam(g) != g]
        groepen = ", ".join(regel(v.naam(g)) for g in binnen) or _("nog geen")
        if len(binnen) < len(p.werkgroepen):
            anders = len(p.werkgroepen) - len(binnen)
            groepen += " " + ngettext(
                "(en {n} werkgroep buiten deze selectie)",
                "(en {n} werkgroepen buiten deze selectie)",
                anders,
            ).format(n=anders)
        velden.append(v.veld(_("Werkgroepen"), groepen))
        v.lijst(velden)
        if p.aanvragen:
            v.tabel(
                [_("Aanvraag"), _("Regeling"), _("Status"), _("Sinds")],
                [
                    [regel(a.titel), regel(a.regeling or ""), weergave(a.status), _datum(a.datum)]
                    for a in p.aanvragen
                ],
            )


# --- school visits ---------------------------------------------------------------------------


def _bezoek(v: _Verslag, b: Any) -> None:
    v.kop(3, f"{regel(b.titel)}: {v.naam(b.school)}, {_datum(b.datum)}")
    v.lijst(
        [
            v.veld(_("Soort"), weergave(b.soort)),
            v.veld(_("Vraag van de school"), regel(b.vraag)),
            *([v.veld(_("Thema's"), regel(", ".join(b.themas)))] if b.themas else []),
            *(
                [
                    v.veld(
                        _("Bezoekers"),
                        ", ".join(f"{v.naam(x.persoon)} ({weergave(x.rol)})" for x in b.bezoekers),
                    )
                ]
                if b.bezoekers
                else []
            ),
        ]
    )
    if b.bevindingen:
        v.tekst(f"**{_('Bevindingen')}**")
        v.lijst(f"{_datum(x.datum)}: {regel(x.tekst)}" for x in b.bevindingen)


# --- the report -------------------------------------------------------------------------------


def verslag(gegevens: Exportgegevens) -> str:
    """The report of the selection as Markdown text."""
    v = _Verslag(gegevens)
    selectie = gegevens.selectie
    onderwerp = gegevens.naam(selectie.id) if selectie.id else gegevens.werkplaats_naam
    v.kop(1, _("Onderzoeksverslag: {onderwerp}").format(onderwerp=regel(onderwerp)))
    inleiding = _("Gemaakt op {datum} uit de werkplaats {werkplaats}.").format(
        datum=_datum(gegevens.datum), werkplaats=regel(gegevens.werkplaats_naam)
    )
    if gegevens.pseudoniem:
        inleiding += " " + _("De namen van personen zijn vervangen door schuilnamen.")
    v.tekst(inleiding)
    besluiten = list(gegevens.besluiten)
    for groep in gegevens.werkgroepen:
        _werkgroep(v, groep, met_cycli=selectie.soort != "besluit")
        for b in [b for b in besluiten if getattr(b, "werkgroep", None) == groep.id]:
            _besluit(v, b)
            besluiten.remove(b)
    if besluiten:
        v.kop(2, _("Overige besluiten"))
        for b in besluiten:
            _besluit(v, b)
    if gegevens.ontwikkelagenda:
        _ontwikkelagenda(v, gegevens.ontwikkelagenda)
    if gegevens.zelfevaluaties:
        v.kop(2, _("Zelfevaluaties"))
        for meting in sorted(gegevens.zelfevaluaties, key=lambda m: (m.datum, m.id)):
            _zelfevaluatie(v, meting)
    bezoeken = gegevens.entiteiten.get("bezoeken", ())
    if bezoeken:
        v.kop(2, _("Schoolbezoeken"))
        for b in sorted(bezoeken, key=lambda b: (b.datum, b.id)):
            _bezoek(v, b)
    if not (gegevens.werkgroepen or gegevens.besluiten or gegevens.zelfevaluaties or bezoeken):
        v.tekst(_("De selectie bevat geen werkgroepen, besluiten of zelfevaluaties."))
    return "\n\n".join(v.blokken) + "\n"


class MarkdownExporteur:
    """Writes :func:`verslag` as a UTF-8 Markdown file."""

    @property
    def beschrijving(self) -> str:
        """What the format is for, in the current language."""
        return _("Een leesbaar verslag van onderzoekscycli en besluiten (Markdown)")

    extensie = ".md"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        doel.write_text(verslag(gegevens), encoding="utf-8", newline="\n")
