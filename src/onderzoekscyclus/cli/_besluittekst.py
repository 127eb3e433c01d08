"""How ``ozc besluit`` shows a besluit: short after a step, whole with ``toon``, and
what became of one contributor's input."""

from __future__ import annotations

from onderzoekscyclus.api import BesluitOverzicht
from onderzoekscyclus.cli._woorden import stap
from onderzoekscyclus.cli.hints import opdracht
from onderzoekscyclus.domein.besluit import Besluitfase, Bijdrager
from onderzoekscyclus.domein.keuzes import weergave, weergave_van
from onderzoekscyclus.i18n import _

__all__ = ["bijdragen_tekst", "kort", "tekst"]


def kort(o: BesluitOverzicht) -> str:
    b = o.besluit
    regel = _("{titel}: fase {fase}.").format(titel=b.titel, fase=weergave(b.fase))
    verder = opdracht("besluitvorming", o.volgende, b.titel)
    if verder:
        regel += " " + _("Volgende stap: `{opdracht}`.").format(opdracht=verder)
    return regel


def _wie(o: BesluitOverzicht, door: Bijdrager) -> str:
    if door.persoon is not None:
        return o.namen.get(door.persoon, door.persoon)
    naam = door.naam or "?"
    return f"{naam} ({door.rol})" if door.rol else naam


def tekst(o: BesluitOverzicht) -> str:
    """A besluit as ``ozc besluit toon`` shows it: every part of the model, then its history."""
    b = o.besluit
    n = o.namen
    regels = [
        b.titel,
        _("  werkgroep: {w}; thema: {t}; school: {s}").format(
            w=n.get(b.werkgroep, b.werkgroep),
            t=b.thema,
            s=n.get(b.school, "-") if b.school else "-",
        ),
        _("  fase: {fase}").format(fase=weergave(b.fase)),
    ]
    verder = opdracht("besluitvorming", o.volgende, b.titel)
    if verder:
        regels.append(_("  volgende stap: `{opdracht}`").format(opdracht=verder))
    for deel in (_ideeen, _voorstellen, _rondes, _feedback, _besluit, _evaluaties, _historie):
        regels.extend(deel(o))
    return "\n".join(regels)


def _ideeen(o: BesluitOverzicht) -> list[str]:
    ideeen = o.besluit.ideeen
    return ([_("Ideeën:")] if ideeen else []) + [
        f"  {i.nummer}. {i.tekst} — {_wie(o, i.door)}, {i.datum.isoformat()}" for i in ideeen
    ]


def _voorstellen(o: BesluitOverzicht) -> list[str]:
    regels = []
    for v in o.besluit.voorstellen:
        regels.append(
            _("Voorstel versie {v} ({datum}, leider {leider}):").format(
                v=v.versie, datum=v.datum.isoformat(), leider=o.namen.get(v.leider, v.leider)
            )
        )
        regels.append(f"  {v.tekst}")
        if v.ideeen:
            regels.append(
                _("  bouwt op idee {nummers}").format(nummers=", ".join(map(str, v.ideeen)))
            )
        if v.zonder_expert:
            regels.append(_("  zonder expert als leider: {reden}").format(reden=v.zonder_expert))
    return regels


def _rondes(o: BesluitOverzicht) -> list[str]:
    regels = []
    for r in o.besluit.rondes:
        status = (
            _("gesloten op {d} (voorstel gewijzigd)").format(d=r.gesloten.isoformat())
            if r.gesloten
            else _("tot en met {d}").format(d=r.tot.isoformat())
        )
        regels.append(
            _("Feedbackronde {n} op versie {v}, geopend {open}, {status}").format(
                n=r.nummer, v=r.voorstel, open=r.geopend.isoformat(), status=status
            )
        )
    return regels


def _feedback(o: BesluitOverzicht) -> list[str]:
    regels = [_("Feedback:")] if o.besluit.feedback else []
    for f in o.besluit.feedback:
        regels.append(
            f"  {f.nummer}. {f.tekst} — {_wie(o, f.door)}, {f.datum.isoformat()} "
            + _("(ronde {r}, versie {v})").format(r=f.ronde, v=f.voorstel)
        )
        if f.reactie is None:
            regels.append(_("     reactie: nog geen"))
        else:
            regels.append(
                _("     reactie: {oordeel} — {motivatie}").format(
                    oordeel=weergave(f.reactie.oordeel), motivatie=f.reactie.motivatie
                )
            )
    return regels


def _besluit(o: BesluitOverzicht) -> list[str]:
    b = o.besluit
    regels = []
    if b.besluit is not None:
        kop = _("Verworpen") if b.besluit.verworpen else _("Besluit")
        regels.append(f"{kop} ({b.besluit.datum.isoformat()}): {b.besluit.tekst}")
    regels.extend(
        _("Implementatie ({d}): {t}").format(d=x.datum.isoformat(), t=x.tekst)
        for x in b.implementaties
    )
    return regels


def _evaluaties(o: BesluitOverzicht) -> list[str]:
    b = o.besluit
    regels = []
    for e in b.evaluaties:
        regels.append(_("Evaluatie ({d}): {t}").format(d=e.datum.isoformat(), t=e.tekst))
        for bewijs in e.bewijs:
            if bewijs.bron:
                regels.append(_("  bron: {b}").format(b=bewijs.bron))
            else:
                regels.append(
                    _("  meting: {w}, cyclus {c}{i}").format(
                        w=o.namen.get(bewijs.werkgroep or "", bewijs.werkgroep),
                        c=bewijs.cyclus,
                        i=f", {bewijs.indicator}" if bewijs.indicator else "",
                    )
                )
    regels.extend(
        _("Bijstelling ({d}): {t}").format(d=x.datum.isoformat(), t=x.tekst)
        for x in b.bijstellingen
    )
    if b.herevaluatie:
        regels.append(_("Herevaluatie gepland op {d}").format(d=b.herevaluatie.isoformat()))
    return regels


def _historie(o: BesluitOverzicht) -> list[str]:
    regels = [_("Geschiedenis:")]
    for h in o.besluit.historie:
        wie = f" ({o.namen.get(h.wie, h.wie)})" if h.wie else ""
        reden = f": {h.reden}" if h.reden else ""
        naar = weergave_van(Besluitfase, h.naar)
        overgang = (
            f"{weergave_van(Besluitfase, h.van) or '·'} → {naar}" if h.van != h.naar else naar
        )
        regels.append(f"  {h.datum.isoformat()} {stap(h.overgang)} [{overgang}]{wie}{reden}")
    return regels


def bijdragen_tekst(o: BesluitOverzicht) -> str:
    b = o.besluit
    regels = [
        _("Wat er werd van de inbreng van {wie} in '{titel}' (fase {fase}):").format(
            wie=o.voor, titel=b.titel, fase=weergave(b.fase)
        )
    ]
    if not o.bijdragen:
        regels.append(_("  (geen ideeën of feedback van {wie})").format(wie=o.voor))
    for d in o.bijdragen or ():
        soort = _("Idee") if d.soort == "idee" else _("Feedback")
        regels.append(f"  {soort} {d.nummer} ({d.datum.isoformat()}): {d.tekst}")
        regels.append(f"    → {d.uitkomst}" + (f": {d.motivatie}" if d.motivatie else ""))
    if b.besluit is not None:
        kop = _("Verworpen") if b.besluit.verworpen else _("Besluit")
        regels.append(f"{kop}: {b.besluit.tekst}")
    return "\n".join(regels)
