"""Finding an entity from what a person types: a name, a prefix of it, or an id.

Case, accents and extra spaces do not count, so ``rekenen`` finds "Rekenen groep 5-8"
and ``anna`` finds "Anna de Vries"; failing that, the start of any word counts
(``palet`` finds "Kindcentrum Het Palet"). The start of an id counts only once it
reaches the id's own last part (``persoon-4k`` may find ``persoon-4k7mzq``; ``p`` or
``persoon-`` find no person by id). An exact id or name wins over a prefix; a
reference that fits several entities, or none, is refused with the candidates listed
(each with its id).

A program that knows the id asks for it exactly (``zoek(id=…)``); this module is for
what people type.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import AmbiguousReference, Kandidaat, UnknownReference
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
            code="verwijzing.leeg",
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
            [Kandidaat(id_(k), naam(k)) for k in treffers],
            hint=_("Typ meer van de naam, of gebruik het id."),
            soort=soort,
            verwijzing=verwijzing,
        )
    raise _niet_gevonden(verwijzing, [Kandidaat(id_(k), naam(k)) for k in kandidaten], soort)


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
        if vergelijkbaar(naam(k)).startswith(gezocht) or _begin_van_id(gezocht, id_(k))
    ]
    return treffers or [
        k for k in kandidaten if any(w.startswith(gezocht) for w in vergelijkbaar(naam(k)).split())
    ]


def _begin_van_id(gezocht: str, id_: str) -> bool:
    """Whether ``gezocht`` is the start of ``id_`` that reaches its own last part: the
    part every id of its kind shares (``persoon-``) says nothing about which one."""
    gedeeld = id_.rsplit("-", 1)[0] + "-" if "-" in id_ else ""
    return len(gezocht) > len(gedeeld) and id_.startswith(gezocht)


def _niet_gevonden(verwijzing: str, alle: list[Kandidaat], soort: str) -> UnknownReference:
    """The refusal for a reference that fits nothing, with the entities it looks like."""
    import difflib  # noqa: PLC0415 - only needed when nothing matched

    naam_soort = _(SOORTEN[soort])
    gevouwen = {vergelijkbaar(k.naam): k for k in alle}
    lijkt_op = [
        gevouwen[n]
        for n in difflib.get_close_matches(
            vergelijkbaar(verwijzing), list(gevouwen), n=3, cutoff=0.6
        )
    ]
    if lijkt_op:
        hint: str | None = _("Bedoelde u: {namen}?").format(
            namen=", ".join(k.naam for k in lijkt_op)
        )
    elif alle:
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
