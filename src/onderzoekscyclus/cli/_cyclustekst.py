"""How ``ozc cyclus`` shows a cycle: one line after a step, every part with ``toon``."""

from __future__ import annotations

from collections.abc import Mapping

from onderzoekscyclus.api import CyclusOverzicht
from onderzoekscyclus.cli.hints import opdracht
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opmaak import getal, met_eenheid

__all__ = ["kort", "volledig"]

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
    fase = c.fase.value + (_(" (gepauzeerd)") if c.gepauzeerd else "")
    return _("{werkgroep}, cyclus {n}: fase {fase}; methodekwaliteit {kwaliteit}.").format(
        werkgroep=o.werkgroep_naam, n=c.nummer, fase=fase, kwaliteit=o.kwaliteit.samenvatting()
    )


def volledig(o: CyclusOverzicht, namen: Mapping[str, str]) -> str:
    """The whole cycle, phase by phase, with its quality and history."""
    delen = (_begin, _doel, _plan, _metingen, _evaluatie, _kwaliteit, _historie)
    return "\n".join([kort(o), "", *(r for deel in delen for r in deel(o, namen))])


def _begin(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    c = o.cyclus
    r = [_("Aanleiding:    {t}").format(t=c.aanleiding), _("Vraag:         {t}").format(t=c.vraag)]
    if c.beginsituatie:
        r.append(_("Beginsituatie: {t}").format(t=c.beginsituatie))
    r.extend(
        _("  bron ({soort}, {datum}): {t}").format(
            soort=b.soort, datum=b.datum.isoformat(), t=b.beschrijving
        )
        for b in c.bronnen
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
    for a in c.acties:
        extra = ", ".join(x for x in (a.wie, a.wanneer) if x)
        r.append(f"  - {a.wat}" + (f" ({extra})" if extra else ""))
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
    c = o.cyclus
    r = [_("Metingen:")] if c.metingen else []
    r.extend(
        f"  {m.datum.isoformat()}  {m.indicator}: {getal(m.waarde)}"
        for m in sorted(c.metingen, key=lambda m: (m.datum, m.indicator))
    )
    gemeten = [x for x in o.resultaten if x.laatste is not None]
    if gemeten:
        r.append(_("Resultaten:"))
    for x in gemeten:
        oordeel = _("bereikt") if x.bereikt else _("nog niet bereikt")
        r.append(
            _("  {i}: {laatste} (nulmeting {nul}, doel {streef}): {oordeel}").format(
                i=x.indicator,
                laatste=met_eenheid(x.laatste, x.eenheid),
                nul=met_eenheid(x.nulmeting, x.eenheid),
                streef=met_eenheid(x.streefwaarde, x.eenheid),
                oordeel=oordeel,
            )
        )
    return r


def _evaluatie(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    e = o.cyclus.evaluatie
    if e is None:
        return []
    r = [_("Evaluatie:     {conclusie}: {t}").format(conclusie=e.conclusie.value, t=e.tekst)]
    return r + [_("  les: {t}").format(t=les) for les in e.lessen]


def _kwaliteit(o: CyclusOverzicht, _namen: Mapping[str, str]) -> list[str]:
    r = ["", _("Methodekwaliteit: {s}").format(s=o.kwaliteit.samenvatting())]
    for e in o.kwaliteit.elementen:
        teken = "✓" if e.aanwezig else "·"
        verder = opdracht("onderzoekscyclus", _ELEMENT_OPERATIE[e.sleutel], o.werkgroep_naam)
        r.append(f"  {teken} {e.omschrijving}" + ("" if e.aanwezig else f" — `{verder}`"))
    return r


def _historie(o: CyclusOverzicht, namen: Mapping[str, str]) -> list[str]:
    r = ["", _("Historie:")]
    for h in o.cyclus.historie:
        wie = f" ({namen.get(h.wie, h.wie)})" if h.wie else ""
        reden = f": {h.reden}" if h.reden else ""
        r.append(f"  {h.datum.isoformat()} {h.overgang}: {h.van or '-'} → {h.naar}{wie}{reden}")
    return r
