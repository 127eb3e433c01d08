"""Schools from DUO's open data into the werkplaats (``ozc school importeer``).

A partnership's coordinator does not type twenty or a thousand schools: DUO's address
file has them. Each location of the file (after the filters) is matched to a school of
the werkplaats by its vestigingscode, or else by its BRIN code (a school added by hand
with only a BRIN code); a match is updated, anything else is added. What DUO says (name,
codes, sector, address, board number, denomination, website) follows the file; what the
partnership added (bestuur, cluster, visie, profile, and the werkgroepen that refer to the
school) stays. Every row is checked before anything is written: one bad row and nothing
is imported, and each bad row is named by its line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from onderzoekscyclus.domein.duo import Duovestiging, lees_duo
from onderzoekscyclus.domein.model import School
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.velden import naar_enum
from onderzoekscyclus.domein.waarden import Sector, SectorWaarde
from onderzoekscyclus.errors import FileFormatError, InvalidValue
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.formulierbestand import lees_csv

if TYPE_CHECKING:
    from onderzoekscyclus.opslag.bestanden import Opslag

__all__ = ["Schoolimport", "Schoolwijziging", "importeer"]

# the fields DUO's file decides; the rest of a school is the partnership's
_VAN_DUO = (
    "naam",
    "brin",
    "vestiging",
    "sector",
    "adres",
    "bevoegd_gezag",
    "denominatie",
    "website",
)


@attrs.frozen
class Schoolwijziging:
    """One school an import adds or changes: its id, name and code, and the fields that
    change (for a new school: every field the file gave).

    .. versionadded:: 0.2.0
    """

    id: str
    naam: str
    code: str
    regel: int
    velden: tuple[str, ...]


@attrs.frozen
class Schoolimport:
    """What an import of a DUO file did (or, with ``uitgevoerd`` false, would do).

    .. versionadded:: 0.2.0
    """

    bestand: str
    uitgevoerd: bool
    nieuw: tuple[Schoolwijziging, ...]
    bijgewerkt: tuple[Schoolwijziging, ...]
    ongewijzigd: int
    niet_gekozen: int
    """Rows of the file the filters left out."""


def importeer(
    opslag: Opslag,
    pad: Path | str,
    *,
    bestuur: Iterable[str] = (),
    gemeente: Iterable[str] = (),
    provincie: Iterable[str] = (),
    brin: Iterable[str] = (),
    sector: Sector | SectorWaarde | None = None,
    uitvoeren: bool = True,
) -> Schoolimport:
    """Import the schools of DUO's address file at ``pad``: those of the boards
    (bevoegd gezag numbers) ``bestuur``, in ``gemeente`` or ``provincie``, or with a BRIN
    or vestigingscode of ``brin`` (each filter a list; a row passes when it passes
    every filter given). Without ``uitvoeren`` nothing is written: the answer says what
    would change."""
    label = Path(pad).name
    gekozen_sector = None if sector is None else naar_enum(Sector, "sector")(sector)
    rijen = lees_csv(Path(pad), label)
    vestigingen, problemen = lees_duo(rijen, label, gekozen_sector)
    if problemen:
        raise FileFormatError(
            _("Niets geïmporteerd: {bestand} heeft fouten.").format(bestand=label),
            problemen,
            _("Herstel de genoemde regels en importeer het hele bestand opnieuw."),
        )
    dubbel = [v for v, n in Counter(v.vestiging for v in vestigingen).items() if n > 1]
    if dubbel:
        regels = [str(v.regel) for v in vestigingen if v.vestiging == dubbel[0]]
        raise FileFormatError(
            _("Niets geïmporteerd: {bestand} noemt vestiging {code} meer dan eens.").format(
                bestand=label, code=dubbel[0]
            ),
            [_("{bestand} regels {regels}").format(bestand=label, regels=", ".join(regels))],
            _("Gebruik het bestand zoals DUO het geeft, met elke vestiging één keer."),
        )
    filters = _Filters(bestuur, gemeente, provincie, brin)
    gekozen = [v for v in vestigingen if filters.past(v)]
    if not gekozen:
        raise InvalidValue(
            _("In {bestand} staat geen school die past bij wat u koos.").format(bestand=label),
            _("Kijk of --bestuur, --gemeente, --provincie en --brin kloppen."),
        )
    with opslag.vergrendeld():
        bestaand = opslag.alle(School)
        plan = _plan(opslag, gekozen, bestaand)
        if uitvoeren:
            for school, _wijziging, _is_nieuw in plan:
                opslag.schrijf(school)
    return Schoolimport(
        bestand=label,
        uitgevoerd=uitvoeren,
        nieuw=tuple(w for _s, w, nieuw in plan if nieuw),
        bijgewerkt=tuple(w for _s, w, nieuw in plan if not nieuw),
        ongewijzigd=len(gekozen) - len(plan),
        niet_gekozen=len(vestigingen) - len(gekozen),
    )


class _Filters:
    """Which rows of the file are chosen: each filter given must let a row through."""

    def __init__(
        self,
        bestuur: Iterable[str],
        gemeente: Iterable[str],
        provincie: Iterable[str],
        brin: Iterable[str],
    ) -> None:
        self.bestuur = frozenset(b.strip().lstrip("0") for b in bestuur)
        self.gemeente = frozenset(vergelijkbaar(g) for g in gemeente)
        self.provincie = frozenset(vergelijkbaar(p) for p in provincie)
        self.brin = frozenset(b.strip().upper() for b in brin)

    def past(self, v: Duovestiging) -> bool:
        return (
            (not self.bestuur or (v.bevoegd_gezag or "") in self.bestuur)
            and (not self.gemeente or vergelijkbaar(v.adres.gemeente or "") in self.gemeente)
            and (not self.provincie or vergelijkbaar(v.adres.provincie or "") in self.provincie)
            and (not self.brin or bool({v.brin, v.vestiging} & self.brin))
        )


def _plan(
    opslag: Opslag, gekozen: list[Duovestiging], bestaand: list[School]
) -> list[tuple[School, Schoolwijziging, bool]]:
    """Per location that adds or changes a school: the school as it will be written."""
    op_code = {s.vestiging: s for s in bestaand if s.vestiging}
    per_brin = Counter(v.brin for v in gekozen)
    zonder_vestiging: dict[str, list[School]] = {}
    for s in bestaand:
        if not s.vestiging:
            zonder_vestiging.setdefault(s.brin, []).append(s)
    namen = {vergelijkbaar(s.naam): s.id for s in bestaand}
    uit: list[tuple[School, Schoolwijziging, bool]] = []
    for v in gekozen:
        oud = op_code.get(v.vestiging)
        if oud is None:
            # a school added by hand with its BRIN code: the only location of that code
            # in the file, or the one of the same name
            kandidaten = zonder_vestiging.get(v.brin, [])
            oud = next(
                (
                    s
                    for s in kandidaten
                    if per_brin[v.brin] == 1 or vergelijkbaar(s.naam) == vergelijkbaar(v.naam)
                ),
                None,
            )
            if oud is not None:
                kandidaten.remove(oud)
        naam = _vrije_naam(v, namen, None if oud is None else oud.id)
        velden: dict[str, Any] = {
            "naam": naam,
            "brin": v.brin,
            "vestiging": v.vestiging,
            "sector": v.sector,
            "adres": v.adres,
            "bevoegd_gezag": v.bevoegd_gezag,
            "denominatie": v.denominatie,
            "website": v.website,
        }
        if oud is None:
            school = School(id=opslag.nieuw_id(School, naam), **velden)
            gegeven = tuple(k for k in _VAN_DUO if velden[k] is not None)
            uit.append(
                (school, Schoolwijziging(school.id, naam, v.vestiging, v.regel, gegeven), True)
            )
        else:
            school = attrs.evolve(oud, **velden)
            anders = tuple(k for k in _VAN_DUO if getattr(school, k) != getattr(oud, k))
            if anders:
                wijziging = Schoolwijziging(school.id, naam, v.vestiging, v.regel, anders)
                uit.append((school, wijziging, False))
            namen.pop(vergelijkbaar(oud.naam), None)
        namen[vergelijkbaar(naam)] = school.id
    return uit


def _vrije_naam(v: Duovestiging, namen: dict[str, str], eigen: str | None) -> str:
    """The location's name, or, when another school has it, with its place (and then its
    code) added: names are how people refer to schools, so each is one school's."""
    for naam in (
        v.naam,
        f"{v.naam} ({v.adres.plaats})" if v.adres.plaats else None,
        f"{v.naam} ({', '.join(filter(None, (v.adres.plaats, v.vestiging)))})",
    ):
        if naam is not None and namen.get(vergelijkbaar(naam), eigen) == eigen:
            return naam
    return f"{v.naam} ({v.vestiging}, {v.regel})"
