"""Finding an entity from what a user types: a name, a prefix of it, or an id.

Case, accents and extra spaces do not count, so ``rekenen`` finds "Rekenen groep 5-8"
and ``anna`` finds "Anna de Vries"; failing that, the start of
any word counts (``palet`` finds "Kindcentrum Het Palet"). An exact name wins over a prefix; a reference
that fits several entities, or none, is refused with the candidates listed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import AmbiguousReference, UnknownReference
from onderzoekscyclus.i18n import N_, _

__all__ = ["SOORTEN", "zoek"]

SOORTEN = {
    "school": N_("school"),
    "persoon": N_("persoon"),
    "werkgroep": N_("werkgroep"),
    "besluit": N_("besluit"),
    "instrument": N_("instrument"),
    "meting": N_("meting"),
}
"""The kinds of entity a reference can point to, with their names in messages."""

T = TypeVar("T")

_MAX_GETOOND = 8


def _omschrijf(naam: str, id_: str) -> str:
    return f"{naam} ({id_})"


def zoek(
    verwijzing: str,
    kandidaten: Sequence[T],
    *,
    soort: str,
    naam: Callable[[T], str] = lambda x: x.naam,  # type: ignore[attr-defined]
    id_: Callable[[T], str] = lambda x: x.id,  # type: ignore[attr-defined]
) -> T:
    """The one entity among ``kandidaten`` that ``verwijzing`` points to.

    ``soort`` is a key of :data:`SOORTEN` (``"school"``); the refusal carries it, so a
    caller can say where to look (the CLI names its list command).
    """
    naam_soort = _(SOORTEN[soort])
    gezocht = vergelijkbaar(verwijzing)
    if not gezocht:
        raise UnknownReference(
            _("Geef de naam of het id van een {soort}.").format(soort=naam_soort),
            soort=soort,
            verwijzing=verwijzing,
        )
    for kandidaat in kandidaten:
        if id_(kandidaat) == verwijzing.strip():
            return kandidaat
    treffers = _treffers(gezocht, kandidaten, naam, id_)
    if len(treffers) == 1:
        return treffers[0]
    if treffers:
        getoond = [_omschrijf(naam(k), id_(k)) for k in treffers[:_MAX_GETOOND]]
        raise AmbiguousReference(
            _("'{verwijzing}' past bij meer dan één {soort}: {lijst}.").format(
                verwijzing=verwijzing, soort=naam_soort, lijst="; ".join(getoond)
            ),
            getoond,
            hint=_("Typ meer van de naam, of gebruik het id."),
            soort=soort,
            verwijzing=verwijzing,
        )
    raise _niet_gevonden(verwijzing, [naam(k) for k in kandidaten], soort)


def _treffers(
    gezocht: str, kandidaten: Sequence[T], naam: Callable[[T], str], id_: Callable[[T], str]
) -> list[T]:
    """What ``gezocht`` (folded) may mean: an exact name, else the start of a name or id,
    else the start of any word of a name ("palet" finds "Het Palet")."""
    exact = [k for k in kandidaten if vergelijkbaar(naam(k)) == gezocht]
    if exact:
        return exact
    treffers = [
        k
        for k in kandidaten
        if vergelijkbaar(naam(k)).startswith(gezocht) or id_(k).startswith(gezocht)
    ]
    return treffers or [
        k for k in kandidaten if any(w.startswith(gezocht) for w in vergelijkbaar(naam(k)).split())
    ]


def _niet_gevonden(verwijzing: str, namen: list[str], soort: str) -> UnknownReference:
    """The refusal for a reference that fits nothing, with names it looks like."""
    import difflib  # noqa: PLC0415 - only needed when nothing matched

    naam_soort = _(SOORTEN[soort])
    gevouwen = {vergelijkbaar(n): n for n in namen}
    lijkt_op = [
        gevouwen[n]
        for n in difflib.get_close_matches(
            vergelijkbaar(verwijzing), list(gevouwen), n=3, cutoff=0.6
        )
    ]
    if lijkt_op:
        hint: str | None = _("Bedoelde u: {namen}?").format(namen=", ".join(lijkt_op))
    elif namen:
        hint = None
    else:
        hint = _("Er is nog geen enkele {soort}; voeg er een toe.").format(soort=naam_soort)
    return UnknownReference(
        _("Geen {soort} gevonden voor '{verwijzing}'.").format(
            soort=naam_soort, verwijzing=verwijzing
        ),
        lijkt_op,
        hint=hint,
        soort=soort,
        verwijzing=verwijzing,
    )
