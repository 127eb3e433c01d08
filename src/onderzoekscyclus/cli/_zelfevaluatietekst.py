"""How ``ozc zelfevaluatie`` shows a result and a comparison: tables that fit a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from onderzoekscyclus.domein.uitslag import Resultaat, Vergelijking
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opmaak import getal, verschil

__all__ = ["kort", "resultaat_tekst", "vergelijking_tekst"]

_TEKSTBREEDTE = 36


def _getal(waarde: float | None) -> str:
    return getal(waarde, decimalen=2)


def _verschil(waarde: float | None) -> str:
    return "" if waarde is None else verschil(waarde, decimalen=2)


def kort(tekst: str, lengte: int = _TEKSTBREEDTE) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _kop(r: Resultaat) -> list[str]:
    voor = r.school_naam or _("het partnerschap")
    regels = [
        f"{r.instrument_naam} — {voor}",
        ngettext(
            "Meting {meting} van {datum}: {n} respondent",
            "Meting {meting} van {datum}: {n} respondenten",
            r.respondenten,
        ).format(meting=r.meting, datum=r.datum.isoformat(), n=r.respondenten)
        + (_(" ({n} nog bezig)").format(n=r.concepten) if r.concepten else ""),
    ]
    if r.vorige and r.vorige_datum:
        regels.append(
            _("Vergeleken met de vorige meting, van {datum} ({meting}).").format(
                datum=r.vorige_datum.isoformat(), meting=r.vorige
            )
        )
    regels.append(
        _("Schaal: {uitleg}").format(
            uitleg=", ".join(f"{n} = {s}" for n, s in enumerate(r.schaal, start=1))
        )
    )
    regels.append(
        _("Gemiddeld: {gem}").format(gem=_getal(r.gemiddelde))
        + (f" ({_verschil(r.verschil)})" if r.verschil is not None else "")
    )
    return regels


def _regel(cellen: Sequence[tuple[str, int]]) -> str:
    """One table row: text cells left-aligned (positive width), numbers right (negative)."""
    return (
        "  "
        + "  ".join(
            f"{tekst:<{breedte}}" if breedte > 0 else f"{tekst:>{-breedte}}"
            for tekst, breedte in cellen
        ).rstrip()
    )


def _tabel(r: Resultaat) -> list[str]:
    """Per domain: its items with mean, distribution, spread (and change), then its mean."""
    met_verschil = r.vorige is not None
    b_id = max(len(i.item) for i in r.items)
    b_verdeling = max(len(_("verdeling")), 2 * len(r.schaal) - 1)

    def rij(id_: str, tekst: str, gem: str, verdeling: str, spreiding: str, verschil: str) -> str:
        cellen = [(id_, b_id), (tekst, _TEKSTBREEDTE), (gem, -5), (verdeling, b_verdeling)]
        cellen.append((spreiding, -11))
        if met_verschil:
            cellen.append((verschil, -8))
        return _regel(cellen)

    kop = rij("", _("uitspraak"), _("gem."), _("verdeling"), _("spreiding") + "  ", _("verschil"))
    regels = []
    for d in r.domeinen:
        regels.extend(["", d.naam, kop])
        for i in (i for i in r.items if i.domein == d.domein):
            regels.append(
                rij(
                    i.item,
                    kort(i.tekst),
                    _getal(i.gemiddelde),
                    "/".join(str(c) for c in i.verdeling),
                    _getal(i.spreiding) + (" !" if i.bespreken else "  "),
                    _verschil(i.verschil),
                )
            )
        regels.append(
            rij(
                "",
                _("gemiddelde van het domein"),
                _getal(d.gemiddelde),
                "",
                "",
                _verschil(d.verschil),
            )
        )
    return regels


def resultaat_tekst(r: Resultaat) -> str:
    regels = _kop(r)
    if not r.respondenten:
        regels.append(_("Nog geen afgeronde lijsten; er valt nog niets te tonen."))
        return "\n".join(regels)
    regels.extend(_tabel(r))
    per_item = {i.item: i for i in r.items}
    regels.append("")
    regels.append(
        _("verdeling: aantal per schaalpunt (1/2/…); ! = grote spreiding (vanaf {d})").format(
            d=_getal(r.drempel)
        )
    )

    def lijst(ids: Sequence[str]) -> list[str]:
        return [f"  {i} {kort(per_item[i].tekst)} ({_getal(per_item[i].gemiddelde)})" for i in ids]

    for kop, ids in ((_("Sterkst:"), r.sterkst), (_("Zwakst:"), r.zwakst)):
        if ids:
            regels.extend(["", kop, *lijst(ids)])
    if r.bespreken:
        regels.extend(
            [
                "",
                _("Om te bespreken (collega's denken er verschillend over):"),
                *[
                    f"  {i} {kort(per_item[i].tekst)} "
                    f"({_('spreiding')} {_getal(per_item[i].spreiding)})"
                    for i in r.bespreken
                ],
            ]
        )
    namen = {d.domein: d for d in r.domeinen}
    if r.zwakste_domeinen:
        regels.append("")
        regels.append(
            _("Zwakste domeinen: {domeinen}").format(
                domeinen=", ".join(
                    f"{namen[d].naam} ({_getal(namen[d].gemiddelde)})" for d in r.zwakste_domeinen
                )
            )
        )
    if r.advies:
        regels.extend(["", _("Wat past (stappen uit het katern):")])
        for a in r.advies:
            bij = [*a.domeinen, *a.items]
            regels.append(
                _("  Stap {n}. {titel} (bij {bij})").format(
                    n=a.stap, titel=a.titel, bij=", ".join(bij)
                )
            )
            if a.domeinen:
                regels.append(f"     {a.kern}")
                regels.extend(f"     - {tekst}" for tekst in a.interventies)
    if r.genegeerd:
        regels.extend(["", _("Niet meegeteld:"), *(f"  {g}" for g in r.genegeerd)])
    return "\n".join(regels)


def _respondenten(n: int) -> str:
    return ngettext("{n} respondent", "{n} respondenten", n).format(n=n)


def vergelijking_tekst(v: Vergelijking) -> str:
    breedte = max(len(i.item) for i in v.items)
    regels = [
        v.instrument_naam,
        _("A: {meting} van {datum}, {respondenten}").format(
            meting=v.a, datum=v.datum_a.isoformat(), respondenten=_respondenten(v.respondenten_a)
        ),
        _("B: {meting} van {datum}, {respondenten}").format(
            meting=v.b, datum=v.datum_b.isoformat(), respondenten=_respondenten(v.respondenten_b)
        ),
        _("Gemiddeld: {a} → {b} ({verschil})").format(
            a=_getal(v.gemiddelde_a), b=_getal(v.gemiddelde_b), verschil=_verschil(v.verschil)
        ),
    ]
    kop = f"  {'':<{breedte}}  {_('uitspraak'):<{_TEKSTBREEDTE}}  {'A':>5}  {'B':>5}  {'B - A':>6}"
    for d in v.domeinen:
        regels.extend(["", d.naam, kop])
        for i in (i for i in v.items if i.domein == d.domein):
            regels.append(
                f"  {i.item:<{breedte}}  {kort(i.tekst):<{_TEKSTBREEDTE}}  {_getal(i.a):>5}  "
                f"{_getal(i.b):>5}  {_verschil(i.verschil):>6}"
            )
        regels.append(
            f"  {'':<{breedte}}  {_('gemiddelde van het domein'):<{_TEKSTBREEDTE}}  "
            f"{_getal(d.a):>5}  {_getal(d.b):>5}  {_verschil(d.verschil):>6}"
        )
    for kop_tekst, ids in ((_("Vooruit:"), v.vooruit), (_("Achteruit:"), v.achteruit)):
        if ids:
            regels.extend(["", f"{kop_tekst} {', '.join(ids)}"])
    return "\n".join(regels)
