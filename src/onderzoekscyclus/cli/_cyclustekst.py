"""How ``ozc cyclus`` shows a cycle: one line after a step, every part with ``toon``."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import TYPE_CHECKING

from onderzoekscyclus.cli._pagina import Pagina
from onderzoekscyclus.cli._woorden import stap
from onderzoekscyclus.cli.hints import kan, opdracht
from onderzoekscyclus.domein.cyclus import Fase, Onderzoekscyclus, Pauze
from onderzoekscyclus.domein.keuzes import weergave, weergave_van
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opmaak import korte_datum, met_eenheid

if TYPE_CHECKING:
    from onderzoekscyclus.api import CyclusOverzicht, CyclusSamenvatting

__all__ = [
    "cycli_tekst",
    "kort",
    "verloop_regels",
    "volgende_stap",
    "volledig",
    "waarschuwing_regels",
]

# the step of the cycle that documents each element of the method
_ELEMENT_OPERATIE = {
    "bewijs": "beginsituatie",
    "visie": "doel",
    "meetbaar-doel": "doel",
    "onderbouwd-plan": "plan",
    "data-over-tijd": "meting",
    "conclusie": "evaluatie",
    "vervolg": "volgende",
}


def kort(o: CyclusOverzicht) -> str:
    """``Rekenen groep 5-8, cyclus 1: fase doel; methodekwaliteit 3 van 7.``"""
    c = o.cyclus
    fase = weergave(c.fase) + (_(" (gepauzeerd)") if c.gepauzeerd else "")
    return _("{werkgroep}, cyclus {n}: fase {fase}; methodekwaliteit {kwaliteit}.").format(
        werkgroep=o.werkgroep_naam, n=c.nummer, fase=fase, kwaliteit=o.kwaliteit.samenvatting()
    )


def volgende_stap(o: CyclusOverzicht) -> str | None:
    """``Volgende stap: `ozc cyclus …`.``: the step that moves the cycle on, if any."""
    verder = opdracht("onderzoekscyclus", o.volgende, o.werkgroep_naam, **_bekend(o))
    return _("Volgende stap: `{opdracht}`.").format(opdracht=verder) if verder else None


def _bekend(o: CyclusOverzicht) -> dict[str, object]:
    """What a command for this cycle can fill in: its vision element, and the first
    indicator that does not yet have measurements on two days."""
    c = o.cyclus
    dun = (i.naam for i in c.indicatoren if len({m.datum for m in c.metingen_van(i.naam)}) < 2)
    return {"visie": c.visie, "indicator": next(dun, None)}


def volledig(o: CyclusOverzicht, namen: Mapping[str, str]) -> str:
    """The whole cycle, phase by phase, with its next step, quality and history."""
    delen = (_begin, _doel, _plan, _metingen, _evaluatie, _kwaliteit, _historie)
    verder = volgende_stap(o)
    kop = [kort(o), *([verder] if verder else []), ""]
    return "\n".join([*kop, *(r for deel in delen for r in deel(o, namen))])


def deel_tekst(c: Onderzoekscyclus, deel: str, n: int) -> str:
    """Part ``n`` (1, 2, …) of kind ``deel`` of cycle ``c`` in one line, as the overview
    shows it: what a correction or removal is about."""
    if deel == "bron":
        b = c.bronnen[n - 1]
        return f"{b.beschrijving} ({b.soort}, {b.datum.isoformat()})"
    if deel == "indicator":
        i = c.indicatoren[n - 1]
        return _("'{naam}', nulmeting {nul}, streefwaarde {streef}").format(
            naam=i.naam,
            nul=met_eenheid(i.nulmeting, i.eenheid),
            streef=met_eenheid(i.streefwaarde, i.eenheid),
        )
    if deel == "actie":
        a = c.acties[n - 1]
        wanneer = a.datum.isoformat() if a.datum else a.wanneer
        extra = ", ".join(x for x in (a.wie, wanneer) if x)
        return a.wat + (f" ({extra})" if extra else "")
    m = c.metingen[n - 1]
    groep = f" ({m.groep})" if m.groep else ""
    return f"{m.datum.isoformat()}, {m.indicator}{groep}: {_waarde(c, m.indicator, m.waarde)}"


def _begin(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    c = o.cyclus
    r = [_("Aanleiding:    {t}").format(t=c.aanleiding), _("Vraag:         {t}").format(t=c.vraag)]
    if c.beginsituatie:
        r.append(_("Beginsituatie: {t}").format(t=c.beginsituatie))
    r.extend(
        _("  bron {n} ({soort}, {datum}): {t}").format(
            n=n, soort=b.soort, datum=b.datum.isoformat(), t=b.beschrijving
        )
        for n, b in enumerate(c.bronnen, start=1)
    )
    return r


def _doel(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    c = o.cyclus
    r = [_("Doel:          {t} (visie: {v})").format(t=c.doel, v=c.visie or "-")] if c.doel else []
    for i in c.indicatoren:
        achteraf = _(" — achteraf toegevoegd") if i.achteraf else ""
        r.append(
            _("  indicator '{naam}': nulmeting {nul}, streefwaarde {streef}{achteraf}").format(
                naam=i.naam,
                nul=met_eenheid(i.nulmeting, i.eenheid),
                streef=met_eenheid(i.streefwaarde, i.eenheid),
                achteraf=achteraf,
            )
        )
    return r


def _plan(o: CyclusOverzicht, namen: Mapping[str, str]) -> list[str]:
    c = o.cyclus
    r = [_("Verbeterplan:")] if c.acties else []
    r.extend(f"  {n}. {deel_tekst(c, 'actie', n)}" for n in range(1, len(c.acties) + 1))
    for b in c.onderbouwing:
        if b.literatuur:
            r.append(_("  onderbouwing: {t}").format(t=b.literatuur))
        else:
            r.append(
                _("  ervaringen elders: {w}, cyclus {n}").format(
                    w=namen.get(b.werkgroep or "", b.werkgroep), n=b.cyclus
                )
            )
    return r


def _metingen(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    # loaded here, not for a list of cycles (nor api.cycli, which needs it): run charts
    # and statistics cost a list 7 ms
    from onderzoekscyclus.domein.meetreeks import start_uitvoering  # noqa: PLC0415

    c = o.cyclus
    r = [_("Metingen:")] if c.metingen else []
    start = start_uitvoering(c)
    # numbered as stored (what `ozc cyclus wijzig/verwijder --meting N` uses), by date
    for n, m in sorted(enumerate(c.metingen, start=1), key=lambda p: (p[1].datum, p[0])):
        groep = f" ({m.groep})" if m.groep else ""
        basis = _(" — basislijn") if start is None or m.datum < start else ""
        waarde = _waarde(c, m.indicator, m.waarde)
        r.append(f"  {n}. {m.datum.isoformat()}  {m.indicator}{groep}: {waarde}{basis}")
    gemeten = [x for x in o.resultaten if x.laatste is not None]
    if gemeten:
        r.append(_("Resultaten:"))
    for x in gemeten:
        r.append(
            _("  {i}: {laatste} (nulmeting {nul}, doel {streef}): {oordeel}").format(
                i=x.indicator,
                laatste=met_eenheid(x.laatste, x.eenheid),
                nul=met_eenheid(x.nulmeting, x.eenheid),
                streef=met_eenheid(x.streefwaarde, x.eenheid),
                oordeel=_("bereikt") if x.bereikt else _("nog niet bereikt"),
            )
        )
        r.extend(verloop_regels(o, x.indicator, x.eenheid))
    return r


def verloop_regels(o: CyclusOverzicht, indicator: str, eenheid: str) -> list[str]:
    """The verdict on change of one indicator, in total and per group: what the run
    chart shows, how often the werkgroep measured."""
    from onderzoekscyclus.domein.meetreeks import korte_verlooptekst, verlooptekst  # noqa: PLC0415

    r = []
    for x in (x for x in o.verloop if x.indicator == indicator):
        midden = met_eenheid(x.midden, eenheid, significant=3)
        if x.groep is None:
            r.append(_("    verloop: {t}").format(t=verlooptekst(x, midden)))
            continue
        bereikt = _("bereikt") if x.bereikt else _("nog niet bereikt")
        r.append(
            _("    {groep}: {laatste}, {bereikt}; {verloop}").format(
                groep=x.groep,
                laatste=met_eenheid(x.laatste, eenheid),
                bereikt=bereikt,
                verloop=korte_verlooptekst(x),
            )
        )
    return r


def _evaluatie(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    e = o.cyclus.evaluatie
    if e is None:
        return []
    r = [_("Evaluatie:     {conclusie}: {t}").format(conclusie=weergave(e.conclusie), t=e.tekst)]
    r += [_("  les: {t}").format(t=les) for les in e.lessen]
    return r + waarschuwing_regels(o)


def waarschuwing_regels(o: CyclusOverzicht) -> list[str]:
    """``Let op: …`` for each reason a conclusion ``bereikt`` claims more than the data
    show (nothing when there is none)."""
    if not o.waarschuwingen:
        return []
    return [
        _("  Let op: de conclusie is 'bereikt', maar:"),
        *(f"  - {w.tekst}." for w in o.waarschuwingen),
    ]


def _kwaliteit(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    r = ["", _("Methodekwaliteit: {s}").format(s=o.kwaliteit.samenvatting())]
    toestand = o.cyclus.toestand.value
    for e in o.kwaliteit.elementen:
        teken = "✓" if e.aanwezig else "·"
        operatie = _ELEMENT_OPERATIE[e.sleutel]
        # only a step the cycle can take now: later steps come with their phase
        verder = (
            opdracht("onderzoekscyclus", operatie, o.werkgroep_naam, **_bekend(o))
            if not e.aanwezig and kan("onderzoekscyclus", operatie, toestand)
            else None
        )
        toelichting = f" ({e.toelichting})" if e.toelichting else ""
        r.append(f"  {teken} {e.omschrijving}{toelichting}" + (f" — `{verder}`" if verder else ""))
    return r


def _waarde(c: Onderzoekscyclus, indicator: str, waarde: float) -> str:
    """A measured value with the unit of its indicator: ``2,1 score 1-4``, ``48%``."""
    gevonden = c.indicator(indicator)
    return met_eenheid(waarde, gevonden.eenheid if gevonden else "")


def _toestand(toestand: str) -> str:
    """A state of the cycle as it reads: a phase, or paused."""
    return weergave_van(Pauze if toestand in {p.value for p in Pauze} else Fase, toestand)


def _reden(c: Onderzoekscyclus, overgang: str, reden: str) -> str:
    """The reason of a history step; a measurement ("indicator: 2.1", as stored) reads
    with the value written for the reader and the indicator's unit."""
    if overgang == "meting":
        indicator, _dubbelepunt, waarde = reden.rpartition(": ")
        naam = indicator
        if c.indicator(naam) is None and naam.endswith(")") and " (" in naam:
            naam = naam.rsplit(" (", 1)[0]  # "indicator (groep 5)"
        with contextlib.suppress(ValueError):
            return f"{indicator}: {_waarde(c, naam, float(waarde))}"
    return reden


def _historie(o: CyclusOverzicht, namen: Mapping[str, str]) -> list[str]:
    c = o.cyclus
    r = ["", _("Historie:")]
    for h in c.historie:
        wie = f" ({namen.get(h.wie, h.wie)})" if h.wie else ""
        reden = f": {_reden(c, h.overgang, h.reden)}" if h.reden else ""
        van = _toestand(h.van) if h.van else "-"
        r.append(
            f"  {h.datum.isoformat()} {stap(h.overgang)}: {van} → {_toestand(h.naar)}{wie}{reden}"
        )
    return r


# --- a list of cycles ------------------------------------------------------------------------


def _fase(s: CyclusSamenvatting) -> str:
    return weergave(s.fase) + (_(" (gepauzeerd)") if s.gepauzeerd else "")


def _datums(s: CyclusSamenvatting) -> str:
    eind = s.afgerond if s.afgerond is not None else s.bijgewerkt
    return f"{korte_datum(s.gestart)} – {korte_datum(eind)}"


def cycli_tekst(cycli: list[CyclusSamenvatting], blad: Pagina, werkgroep: str | None) -> str:
    """The cycles of ``ozc cyclus lijst``, under the name of their werkgroep
    (``werkgroep``: the name of the one werkgroep asked for, if any)."""
    if not cycli:
        if blad.pagina > 1:
            return blad.voorbij()
        start = opdracht("onderzoekscyclus", "start", werkgroep)
        if werkgroep is not None:
            return _(
                "Deze werkgroep heeft nog geen onderzoekscyclus. Begin er een met `{opdracht}`."
            ).format(opdracht=start)
        return _("Nog geen onderzoekscycli. Begin er een met `{opdracht}`.").format(opdracht=start)
    fasen = max(len(_fase(s)) for s in cycli)
    datums = max(len(_datums(s)) for s in cycli)
    nummers = max(len(str(s.nummer)) for s in cycli)
    regels = [_("Per cyclus: nummer, fase, begin – laatste stap, methodekwaliteit."), ""]
    vorige = None
    for s in cycli:
        if s.werkgroep != vorige:
            regels.append(f"{s.werkgroep_naam}  ({s.werkgroep})")
            vorige = s.werkgroep
        regels.append(
            f"  {s.nummer:>{nummers}}  {_fase(s):<{fasen}}  {_datums(s):<{datums}}  {s.kwaliteit}"
        )
    regels += ["", _("Een cyclus helemaal zien: `ozc cyclus toon WERKGROEP --cyclus N`.")]
    return "\n".join(regels)
