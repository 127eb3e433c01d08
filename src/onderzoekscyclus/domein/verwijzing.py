"""Finding an entity from what a person types: a name, words of it, or an id.

Case, accents and extra spaces do not count. A reference is tried, in this order, as:

1. the id itself;
2. the whole name (``rekenen groep 5-8`` finds "Rekenen groep 5-8");
3. every typed word as a whole word of the name, in any order (``Het Baken`` and
   ``baken het`` find "CBS Het Baken", and not "Het Bakenhof");
4. every typed word as the start of a word of the name, in any order (``reken gr``,
   ``palet`` finds "Kindcentrum Het Palet");
5. the start of the name or of an id, where the start of an id counts only once it
   reaches the id's own last part (``persoon-4k`` may find ``persoon-4k7mzq``; ``p``
   or ``persoon-`` find no person by id).

The first step that finds anything decides. A reference that fits several entities is
refused with the candidates listed (each with its id); one that fits none is refused
with the names it most looks like ("Bedoelde u …?").

A program that knows the id asks for it exactly (``zoek(id=…)``); this module is for
what people type.

.. versionchanged:: 0.2.0 every typed word, in any order; suggestions that look at
   single words ("Bakn" suggests "CBS Het Baken")
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import AmbiguousReference, Kandidaat, UnknownReference
from onderzoekscyclus.i18n import N_, _

__all__ = ["SOORTEN", "woorden", "zoek"]

SOORTEN = {
    "school": N_("school"),
    "persoon": N_("persoon"),
    "werkgroep": N_("werkgroep"),
    "besluit": N_("besluit"),
    "agendapunt": N_("agendapunt"),
    "bezoek": N_("bezoek"),
    "zelfevaluatie": N_("zelfevaluatie"),
    "instrument": N_("instrument"),
    "meting": N_("meting"),
}
"""The kinds of entity a reference can point to, with their names in messages."""

T = TypeVar("T")

_MAX_GETOOND = 8
_MAX_SUGGESTIES = 3
_DREMPEL = 0.6
"""How alike a name must look (see :func:`_gelijkenis`) to be suggested."""
_WOORD = re.compile(r"\w+")


def _omschrijf(naam: str, id_: str) -> str:
    return f"{naam} ({id_})"


def zoek(
    verwijzing: str,
    kandidaten: Sequence[T],
    *,
    soort: str,
    naam: Callable[[T], str] = lambda x: x.naam,  # type: ignore[attr-defined]
    id_: Callable[[T], str] = lambda x: x.id,  # type: ignore[attr-defined]
    voorkeur: Callable[[T], bool] | None = None,
) -> T:
    """The one entity among ``kandidaten`` that ``verwijzing`` points to.

    ``soort`` is a key of :data:`SOORTEN` (``"school"``); the refusal carries it, so a
    caller can say where to look (the CLI names its list command). When a name fits
    more than one and ``voorkeur`` holds for some of them (a besluit that was not
    withdrawn), only those count: what is done with keeps no name busy.
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
    if len(treffers) > 1 and voorkeur is not None:
        treffers = [k for k in treffers if voorkeur(k)] or treffers
    if len(treffers) == 1:
        return treffers[0]
    if treffers:
        getoond = [_omschrijf(naam(k), id_(k)) for k in treffers[:_MAX_GETOOND]]
        gelijk = len({vergelijkbaar(naam(k)) for k in treffers}) == 1
        raise AmbiguousReference(
            _("'{verwijzing}' past bij meer dan één {soort}: {lijst}.").format(
                verwijzing=verwijzing, soort=naam_soort, lijst="; ".join(getoond)
            ),
            [Kandidaat(id_(k), naam(k)) for k in treffers],
            hint=_("Ze heten precies hetzelfde: gebruik het id.")
            if gelijk
            else _("Typ meer van de naam, of gebruik het id."),
            soort=soort,
            verwijzing=verwijzing,
        )
    raise _niet_gevonden(verwijzing, [Kandidaat(id_(k), naam(k)) for k in kandidaten], soort)


def woorden(tekst: str) -> list[str]:
    """The words of ``tekst`` as references compare them: folded (see
    :func:`~onderzoekscyclus.domein.tekst.vergelijkbaar`), split at anything that is no
    letter or digit ("5-8" is two words, "'t" is "t")."""
    return _WOORD.findall(vergelijkbaar(tekst))


def _treffers(
    gezocht: str, kandidaten: Sequence[T], naam: Callable[[T], str], id_: Callable[[T], str]
) -> list[T]:
    """What ``gezocht`` (folded) may mean, step by step as the module says."""
    exact = [k for k in kandidaten if vergelijkbaar(naam(k)) == gezocht]
    if exact:
        return exact
    getypt = woorden(gezocht)
    if getypt:
        per_kandidaat = [(k, woorden(naam(k))) for k in kandidaten]
        heel = [k for k, w in per_kandidaat if all(g in w for g in getypt)]
        if heel:
            return heel
        begin = [
            k for k, w in per_kandidaat if all(any(x.startswith(g) for x in w) for g in getypt)
        ]
        if begin:
            return begin
    return [
        k
        for k in kandidaten
        if vergelijkbaar(naam(k)).startswith(gezocht) or _begin_van_id(gezocht, id_(k))
    ]


def _begin_van_id(gezocht: str, id_: str) -> bool:
    """Whether ``gezocht`` is the start of ``id_`` that reaches its own last part: the
    part every id of its kind shares (``persoon-``) says nothing about which one."""
    gedeeld = id_.rsplit("-", 1)[0] + "-" if "-" in id_ else ""
    return len(gezocht) > len(gedeeld) and id_.startswith(gezocht)


def _gelijkenis(gezocht: str, naam: str) -> float:
    """How much ``naam`` looks like ``gezocht`` (both folded), from 0 to 1: as a whole,
    or word for word (a typo in one word of a long name still counts)."""
    import difflib  # noqa: PLC0415 - only needed when nothing matched

    geheel = difflib.SequenceMatcher(None, gezocht, naam).ratio()
    getypt, eigen = _WOORD.findall(gezocht), _WOORD.findall(naam)
    if not getypt or not eigen:
        return geheel
    per_woord = sum(
        max(difflib.SequenceMatcher(None, g, w).ratio() for w in eigen) for g in getypt
    ) / len(getypt)
    return max(geheel, per_woord)


def _niet_gevonden(verwijzing: str, alle: list[Kandidaat], soort: str) -> UnknownReference:
    """The refusal for a reference that fits nothing, with the few entities it looks
    most like (none when nothing looks alike: the CLI then names its list command)."""
    naam_soort = _(SOORTEN[soort])
    gezocht = vergelijkbaar(verwijzing)
    scores = sorted(
        ((_gelijkenis(gezocht, vergelijkbaar(k.naam)), i) for i, k in enumerate(alle)),
        key=lambda si: (-si[0], si[1]),
    )
    lijkt_op = [alle[i] for score, i in scores[:_MAX_SUGGESTIES] if score >= _DREMPEL]
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
