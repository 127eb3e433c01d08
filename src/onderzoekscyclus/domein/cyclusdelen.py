"""Correcting a research cycle: changing or removing one of its parts.

A werkgroep makes mistakes: a bron with the wrong date, an indicator with a typo, a
measurement typed twice. Each part of a cycle can be changed or removed here, named the
way the overview of the cycle shows it: a bron, an action and a measurement by their number
(1, 2, 3 … in the order shown), an indicator by its name.

A correction may not leave the werkgroep in a state no normal step leads to: the cycle
is checked before and after (:func:`~onderzoekscyclus.domein.samenhang.
controleer_werkgroep`) and a correction that adds a problem is refused with it, for
example removing the only bron of a cycle that is already past its beginsituatie.
Renaming an indicator renames it in its measurements too; removing an indicator that has
measurements needs ``met_metingen``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

from onderzoekscyclus.domein.cyclus import Meting, Onderzoekscyclus, controleer_eenheid
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import Geweigerd, InvalidValue, Kandidaat, UnknownReference
from onderzoekscyclus.i18n import N_, _

if TYPE_CHECKING:
    # the whole consistency check (with the besluit classes) loads only when a part changes
    from onderzoekscyclus.domein.samenhang import Probleem

__all__ = ["DELEN", "Deel", "verwijder_deel", "wijzig_deel"]

Deel = Literal["bron", "indicator", "actie", "meting"]
"""The parts of a cycle that can be changed or removed."""

DELEN: dict[str, tuple[str, str]] = {
    "bron": ("bronnen", N_("bron")),
    "indicator": ("indicatoren", N_("indicator")),
    "actie": ("acties", N_("actie")),
    "meting": ("metingen", N_("meting")),
}
"""Each part: the field of the cycle that holds it, and its name in messages."""

_VELDEN: dict[str, frozenset[str]] = {
    "bron": frozenset({"beschrijving", "soort", "datum"}),
    "indicator": frozenset({"naam", "eenheid", "nulmeting", "streefwaarde"}),
    "actie": frozenset({"wat", "wie", "wanneer", "datum"}),
    "meting": frozenset({"waarde", "datum", "groep"}),
}


def plek(c: Onderzoekscyclus, deel: str, welke: int | str) -> int:
    """The index in its list of the part ``welke`` names (a number from 1, or for an
    indicator its name)."""
    lijst = getattr(c, DELEN[deel][0])
    if deel == "indicator" and isinstance(welke, str):
        gezocht = vergelijkbaar(welke)
        for i, indicator in enumerate(lijst):
            if vergelijkbaar(indicator.naam) == gezocht:
                return i
    elif isinstance(welke, int) and 1 <= welke <= len(lijst):
        return welke - 1
    naam = _(DELEN[deel][1])
    raise UnknownReference(
        _("Cyclus {cyclus} heeft geen {deel} '{welke}'.").format(
            cyclus=c.nummer, deel=naam, welke=welke
        ),
        [
            Kandidaat(str(i + 1), getattr(x, "naam", None) or str(i + 1))
            for i, x in enumerate(lijst)
        ],
        hint=_("Het overzicht van de cyclus laat de nummers zien.")
        if lijst
        else _("De cyclus heeft nog geen enkele {deel}.").format(deel=naam),
        soort=deel,
        verwijzing=str(welke),
    )


def _met(groep: Werkgroep, nummer: int, c: Onderzoekscyclus) -> Werkgroep:
    return attrs.evolve(groep, cycli=tuple(c if x.nummer == nummer else x for x in groep.cycli))


def _controleer(groep: Werkgroep, nieuw: Werkgroep, vandaag: dt.date, operatie: str) -> Werkgroep:
    """``nieuw``, unless it has a problem ``groep`` did not have."""

    def sleutels(problemen: list[Probleem]) -> set[tuple[str, str]]:
        return {(p.code, p.pad) for p in problemen}

    from onderzoekscyclus.domein.samenhang import controleer_werkgroep  # noqa: PLC0415

    voor = sleutels(controleer_werkgroep(groep, vandaag=vandaag))
    na = controleer_werkgroep(nieuw, vandaag=vandaag)
    erbij = [p for p in na if (p.code, p.pad) not in voor]
    if erbij:
        raise Geweigerd(
            _("Kan de cyclus zo niet corrigeren"),
            [reden("wijzig.samenhang", tekst=p.wat()) for p in erbij],
            machine="onderzoekscyclus",
            operatie=operatie,
            onderwerp=groep.naam,
            onderwerp_id=groep.id,
        )
    return nieuw


def verwijder_deel(
    groep: Werkgroep,
    nummer: int,
    deel: Deel,
    welke: int | str,
    *,
    vandaag: dt.date,
    met_metingen: bool = False,
) -> Werkgroep:
    """``groep`` with part ``welke`` of kind ``deel`` removed from cycle ``nummer``."""
    c = _cyclus(groep, nummer)
    veld = DELEN[deel][0]
    i = plek(c, deel, welke)
    lijst = getattr(c, veld)
    zonder: dict[str, Any] = {veld: lijst[:i] + lijst[i + 1 :]}
    nieuw = attrs.evolve(c, **zonder)
    if deel == "indicator":
        naam = vergelijkbaar(lijst[i].naam)
        eigen = [m for m in c.metingen if vergelijkbaar(m.indicator) == naam]
        if eigen and not met_metingen:
            raise Geweigerd(
                _("Kan de indicator niet verwijderen"),
                [reden("verwijder.in-gebruik", wat=lijst[i].naam, lijst=_metingen(len(eigen)))],
                machine="onderzoekscyclus",
                operatie="verwijder",
                onderwerp=groep.naam,
                onderwerp_id=groep.id,
            )
        nieuw = attrs.evolve(nieuw, metingen=tuple(m for m in c.metingen if m not in eigen))
        for m in eigen:
            nieuw = _historie_van_meting(nieuw, m, None)
    elif deel == "meting":
        nieuw = _historie_van_meting(nieuw, lijst[i], None)
    return _controleer(groep, _met(groep, c.nummer, nieuw), vandaag, "verwijder")


def _historie_van_meting(
    c: Onderzoekscyclus, oud: Meting, nieuw: Meting | None
) -> Onderzoekscyclus:
    """``c`` with the history record of measurement ``oud`` (its last record of that
    indicator, day and value) following the correction: gone with the measurement, or
    saying the corrected value on the corrected day. The history tells what the cycle
    went through, and a measurement typed twice or wrong is not part of that."""
    regels = list(c.historie)
    for i in range(len(regels) - 1, -1, -1):
        r = regels[i]
        if (r.overgang, r.datum, r.reden) == ("meting", oud.datum, oud.historietekst):
            if nieuw is None:
                del regels[i]
            else:
                regels[i] = attrs.evolve(r, datum=nieuw.datum, reden=nieuw.historietekst)
                # the history stays in date order; the check after refuses what breaks
                regels.sort(key=lambda x: x.datum)
            return attrs.evolve(c, historie=tuple(regels))
    return c


def _metingen(n: int) -> str:
    from onderzoekscyclus.i18n import ngettext  # noqa: PLC0415

    return ngettext("{n} meting", "{n} metingen", n).format(n=n)


def wijzig_deel(
    groep: Werkgroep,
    nummer: int,
    deel: Deel,
    welke: int | str,
    velden: Mapping[str, Any],
    *,
    vandaag: dt.date,
) -> Werkgroep:
    """``groep`` with the fields ``velden`` of part ``welke`` of cycle ``nummer`` changed
    (an indicator renamed keeps its measurements)."""
    onbekend = sorted(set(velden) - _VELDEN[deel])
    if onbekend or not velden:
        raise InvalidValue(
            _("Een {deel} heeft de velden {velden}.").format(
                deel=_(DELEN[deel][1]), velden=", ".join(sorted(_VELDEN[deel]))
            ),
            veld=onbekend[0] if onbekend else deel,
        )
    c = _cyclus(groep, nummer)
    veld = DELEN[deel][0]
    i = plek(c, deel, welke)
    lijst = list(getattr(c, veld))
    oud = lijst[i]
    if deel == "meting" and isinstance(velden.get("waarde"), str):
        indicator = c.indicator(velden.get("indicator", oud.indicator))
        if indicator is not None:
            controleer_eenheid(velden["waarde"], indicator)
    bouw: Callable[..., Any] = _BOUW.get(deel, attrs.evolve)
    lijst[i] = bouw(oud, **velden)
    vervanging: dict[str, Any] = {veld: tuple(lijst)}
    nieuw = attrs.evolve(c, **vervanging)
    if deel == "indicator" and "naam" in velden:
        was = vergelijkbaar(oud.naam)
        nieuw = attrs.evolve(
            nieuw,
            metingen=tuple(
                attrs.evolve(m, indicator=lijst[i].naam) if vergelijkbaar(m.indicator) == was else m
                for m in c.metingen
            ),
        )
        for voor, na in zip(c.metingen, nieuw.metingen, strict=True):
            if voor != na:
                nieuw = _historie_van_meting(nieuw, voor, na)
    elif deel == "meting":
        nieuw = _historie_van_meting(nieuw, oud, lijst[i])
    return _controleer(groep, _met(groep, c.nummer, nieuw), vandaag, "wijzig")


def _actie(oud: Any, **velden: Any) -> Any:
    """An action with new fields; a ``wanneer`` is read as :func:`~onderzoekscyclus.
    domein.cyclus.actie` reads it (a date becomes the action's day)."""
    from onderzoekscyclus.domein.cyclus import actie  # noqa: PLC0415

    if "wanneer" in velden:
        nieuw = actie(velden.get("wat", oud.wat), velden.get("wie", oud.wie), velden["wanneer"])
        nieuw = attrs.evolve(nieuw, id=oud.id)  # the same action, corrected
        return attrs.evolve(nieuw, **{k: v for k, v in velden.items() if k != "wanneer"})
    return attrs.evolve(oud, **velden)


_BOUW: dict[str, Callable[..., Any]] = {"actie": _actie}


def _cyclus(groep: Werkgroep, nummer: int) -> Onderzoekscyclus:
    for c in groep.cycli:
        if c.nummer == nummer:
            return c
    raise UnknownReference(
        _("Werkgroep '{groep}' heeft geen cyclus {n}.").format(groep=groep.naam, n=nummer),
        [Kandidaat(str(c.nummer), str(c.nummer)) for c in groep.cycli],
        soort="cyclus",
        verwijzing=str(nummer),
        onderwerp=groep.naam,
        onderwerp_id=groep.id,
    )
