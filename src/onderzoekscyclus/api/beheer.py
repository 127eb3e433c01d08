"""The werkplaats as a whole: its status, a check of every file, and migration.

``werkplaats.status()``, ``werkplaats.controleer()`` and ``werkplaats.migreer()`` call
the functions here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from onderzoekscyclus.api import controle
from onderzoekscyclus.api._controlewerk import regels_van
from onderzoekscyclus.domein import besluitvorming
from onderzoekscyclus.domein.besluit import Besluit, Besluitfase
from onderzoekscyclus.domein.cyclus import Fase, methodekwaliteit
from onderzoekscyclus.domein.cyclusstappen import CYCLUS
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep, WerkgroepSoort, WerkplaatsInfo
from onderzoekscyclus.errors import FileFormatError, OnderzoekscyclusError
from onderzoekscyclus.i18n import _, ngettext
from onderzoekscyclus.opslag._paden import ROOTBESTAND
from onderzoekscyclus.opslag._toml import loads_toml
from onderzoekscyclus.opslag.bestanden import Opslag
from onderzoekscyclus.opslag.schema import HUIDIG, MIGRATIES, versie_tekst

__all__ = [
    "Aandachtspunt",
    "BesluitStand",
    "SchoolTelling",
    "Status",
    "WerkgroepOverzicht",
    "controleer",
    "migreer",
    "status",
]


@attrs.frozen
class WerkgroepOverzicht:
    """One line of the status: a werkgroep and how active it is.

    ``scholen`` and ``leiders`` hold ids, as :class:`~onderzoekscyclus.domein.model.
    Werkgroep` does (:attr:`Status.namen` gives their names); ``ontbreekt`` holds the
    keys of the method-quality elements its current cycle still lacks (see
    :class:`~onderzoekscyclus.domein.cyclus.Kwaliteitselement`); ``volgende`` the
    operation that moves the cycle on.
    """

    id: str
    naam: str
    soort: WerkgroepSoort
    scholen: tuple[str, ...]
    themas: tuple[str, ...]
    leden: int
    leiders: tuple[str, ...]
    logregels: int
    laatste_log: dt.date | None
    cyclus: int | None = None
    fase: Fase | None = None
    gepauzeerd: bool = False
    kwaliteit: str | None = None
    ontbreekt: tuple[str, ...] = ()
    volgende: str | None = None


@attrs.frozen
class BesluitStand:
    """A besluit in the status overview."""

    id: str
    titel: str
    fase: Besluitfase
    werkgroep: str


@attrs.frozen
class Aandachtspunt:
    """Something that needs attention: a stable ``code``, what it is about, and a text.

    Codes: ``werkgroep.geen-leider``, ``besluit.herevaluatie``,
    ``besluit.zonder-reactie``, ``bestand.conflict`` (a conflict of a merge, see
    docs/delen.md). ``id`` and ``naam`` name the werkgroep or besluit (for a conflict:
    the id of the file's entity).

    .. versionchanged:: 0.2.0 ``bestand.conflict``
    """

    code: str
    id: str
    naam: str
    tekst: str

    def __str__(self) -> str:
        return self.tekst


@attrs.frozen
class SchoolTelling:
    """A school in the summary: how many werkgroepen it has and how many running cycles.

    .. versionadded:: 0.2.0
    """

    id: str
    werkgroepen: int
    lopend: int


@attrs.frozen
class Status:
    """An overview of a werkplaats: what is in it and what needs attention.

    Werkgroepen and besluiten refer to schools, persons and werkgroepen by id;
    ``namen`` gives the name of each id used (no other names are in it). The folder of
    the werkplaats is not part of it: ``Werkplaats.root`` holds it for who needs it.
    """

    naam: str
    schema: str
    scholen: int
    personen: int
    werkgroepen: tuple[WerkgroepOverzicht, ...]
    aandachtspunten: tuple[Aandachtspunt, ...]
    besluiten: tuple[BesluitStand, ...] = ()
    namen: dict[str, str] = attrs.field(factory=dict)
    aantal_werkgroepen: int = attrs.field()
    """How many werkgroepen there are; ``werkgroepen`` holds them all, or (a summary,
    ``wp.status(top=N)``) the N that most need a next step.

    .. versionadded:: 0.2.0"""
    per_fase: dict[str, int] = attrs.field(factory=dict)
    """How many werkgroepen have their latest cycle in each phase (``"gepauzeerd"`` for
    a paused one, ``"geen"`` without a cycle), in the order of the cycle.

    .. versionadded:: 0.2.0"""
    per_school: tuple[SchoolTelling, ...] = ()
    """The schools with the most running cycles, most first (a summary only).

    .. versionadded:: 0.2.0"""

    @aantal_werkgroepen.default
    def _alle_werkgroepen(self) -> int:
        return len(self.werkgroepen)

    @property
    def samengevat(self) -> bool:
        """Whether ``werkgroepen`` holds fewer than all werkgroepen."""
        return len(self.werkgroepen) < self.aantal_werkgroepen


def _overzicht(groep: Werkgroep) -> WerkgroepOverzicht:
    actief = groep.actieve_cyclus()
    kwaliteit = (
        methodekwaliteit(actief, heeft_vervolg=groep.heeft_vervolg(actief)) if actief else None
    )
    return WerkgroepOverzicht(
        id=groep.id,
        naam=groep.naam,
        soort=groep.soort,
        scholen=groep.scholen,
        themas=groep.themas,
        leden=len(groep.leden),
        leiders=groep.leiders(),
        logregels=len(groep.logboek),
        laatste_log=max((r.datum for r in groep.logboek), default=None),
        cyclus=actief.nummer if actief else None,
        fase=actief.fase if actief else None,
        gepauzeerd=actief.gepauzeerd if actief else False,
        kwaliteit=kwaliteit.samenvatting() if kwaliteit else None,
        ontbreekt=tuple(e.sleutel for e in kwaliteit.ontbreekt()) if kwaliteit else (),
        volgende=CYCLUS.volgende.get(actief.toestand) if actief else None,
    )


def tel_per_fase(fasen: Iterable[tuple[str | None, bool, int]]) -> dict[str, int]:
    """How many werkgroepen are in each phase, from (phase of the latest cycle or
    ``None``, paused, how many): ``"gepauzeerd"`` and ``"geen"`` (no cycle) after the
    phases, in the order of the cycle."""
    telling: dict[str, int] = {}
    for fase, gepauzeerd, n in fasen:
        sleutel = "geen" if fase is None else "gepauzeerd" if gepauzeerd else fase
        telling[sleutel] = telling.get(sleutel, 0) + n
    volgorde = [f.value for f in Fase] + ["gepauzeerd", "geen"]
    return {k: telling[k] for k in volgorde if k in telling}


def geen_leider(id_: str, naam: str) -> Aandachtspunt:
    """The attention point of a werkgroep without a leader."""
    return Aandachtspunt(
        "werkgroep.geen-leider",
        id_,
        naam,
        _("Werkgroep '{naam}' heeft nog geen leider.").format(naam=naam),
    )


def conflict(bestand: str, id_: str, naam: str) -> Aandachtspunt:
    """The attention point of a file that notes a conflict of a merge."""
    return Aandachtspunt(
        "bestand.conflict",
        id_,
        naam,
        _(
            "{bestand} heeft een conflict van het samenvoegen; kies met `ozc conflict kies "
            "{bestand} ons` of `hun` (zie `ozc conflict lijst`)."
        ).format(bestand=bestand),
    )


def conflicten(root: Path, bestanden: Iterable[str] | None = None) -> list[Aandachtspunt]:
    """An attention point per file (of ``bestanden``, or of the werkplaats) with conflicts."""
    from onderzoekscyclus.api.samenvoegen import conflicten_in  # noqa: PLC0415

    gezien = {c["bestand"]: c["naam"] for c in conflicten_in(root, bestanden)}
    return [conflict(b, Path(b).stem, naam) for b, naam in gezien.items()]


def _aandacht_besluit(besluit: Besluit, vandaag: dt.date) -> list[Aandachtspunt]:
    uit = []
    if besluit.herevaluatie_nodig(vandaag):
        uit.append(
            Aandachtspunt(
                "besluit.herevaluatie",
                besluit.id,
                besluit.titel,
                _("Besluit '{titel}' is toe aan herevaluatie (gepland op {datum}).").format(
                    titel=besluit.titel, datum=besluit.herevaluatie
                ),
            )
        )
    open_ = besluit.zonder_reactie()
    if besluit.fase is Besluitfase.BESLUITVORMING and open_:
        uit.append(
            Aandachtspunt(
                "besluit.zonder-reactie",
                besluit.id,
                besluit.titel,
                ngettext(
                    "Besluit '{titel}': de feedbackronde is gesloten en {n} feedbackpunt "
                    "wacht op een reactie.",
                    "Besluit '{titel}': de feedbackronde is gesloten en {n} feedbackpunten "
                    "wachten op een reactie.",
                    len(open_),
                ).format(titel=besluit.titel, n=len(open_)),
            )
        )
    return uit


def status(opslag: Opslag, vandaag: dt.date) -> Status:
    """What is in the werkplaats, and what needs attention."""
    namen = {s.id: s.naam for s in opslag.alle(School)}
    namen.update({p.id: p.naam for p in opslag.alle(Persoon)})
    overzicht, aandacht = [], []
    for groep in opslag.alle(Werkgroep):
        regel = _overzicht(groep)
        overzicht.append(regel)
        namen[groep.id] = groep.naam
        if not regel.leiders:
            aandacht.append(geen_leider(groep.id, groep.naam))
    besluiten = [besluitvorming.bijgewerkt(b, vandaag) for b in opslag.alle(Besluit)]
    for besluit in besluiten:
        aandacht.extend(_aandacht_besluit(besluit, vandaag))
    aandacht.extend(conflicten(opslag.root))
    gebruikt = {i for r in overzicht for i in (r.id, *r.scholen, *r.leiders)}
    gebruikt.update(b.werkgroep for b in besluiten)
    return Status(
        naam=opslag.info().naam,
        schema=versie_tekst(HUIDIG),
        scholen=len(opslag.ids(School)),
        personen=len(opslag.ids(Persoon)),
        werkgroepen=tuple(overzicht),
        besluiten=tuple(
            BesluitStand(id=b.id, titel=b.titel, fase=b.fase, werkgroep=b.werkgroep)
            for b in besluiten
        ),
        aandachtspunten=tuple(aandacht),
        namen={i: namen[i] for i in sorted(gebruikt) if i in namen},
        per_fase=tel_per_fase(
            (r.fase.value if r.fase else None, r.gepauzeerd, 1) for r in overzicht
        ),
    )


# --- checking ----------------------------------------------------------------------------


def controleer(
    opslag: Opslag, vandaag: dt.date, *, alles: bool = False, voortgang: bool = False
) -> list[str]:
    """Every problem in the werkplaats' files, one line each; an empty list when all is
    well: files that cannot be read, references that point at nothing, and states no
    operation makes (see :mod:`onderzoekscyclus.domein.samenhang`), each with the file,
    the field, what is wrong and the way out. ``vandaag`` is today: nothing that happened
    lies after it. Only what changed since the last check is read, unless ``alles``
    (see :mod:`onderzoekscyclus.api.controle`)."""
    migraties = opslag.schrijver.migraties
    return controle.controleer(
        opslag.root,
        vandaag,
        alles=alles,
        voortgang=voortgang,
        migraties=None if migraties is MIGRATIES else migraties,
    ).problemen


def _met_conflict(inhoud: bytes) -> bool:
    """Whether a file's bytes note a conflict of a merge (a broken file is reported
    when it is read)."""
    try:
        return bool(loads_toml(inhoud).get("conflicten"))
    except OnderzoekscyclusError:
        return False


def migreer(opslag: Opslag) -> list[str]:
    """Rewrite every file that is not in the current schema (or whose entries have no
    ids yet, see :mod:`onderzoekscyclus.opslag.regelids`); return their names.

    All files are read first: if any cannot be read (or is of a newer version),
    nothing is written and the error lists every problem.
    """
    with opslag.vergrendeld():
        te_schrijven: list[tuple[Path, bytes]] = []
        problemen: list[str] = []
        bestanden = [(opslag.root / ROOTBESTAND, WerkplaatsInfo), *opslag.bestanden()]
        for pad, klasse in bestanden:
            label = opslag.label(pad)
            inhoud = pad.read_bytes()
            if b"conflicten" in inhoud and _met_conflict(inhoud):
                # rewriting would drop what the other side had: a person decides first
                problemen.append(
                    _(
                        "{bestand}: heeft een conflict van het samenvoegen; beslis het eerst met `ozc conflict kies`."
                    ).format(bestand=label)
                )
                continue
            try:
                obj: Any = opslag.ontleed(
                    inhoud, klasse, None if klasse is WerkplaatsInfo else pad.stem, label
                )
            except OnderzoekscyclusError as fout:
                problemen.extend(regels_van(fout, label))
                continue
            nieuw = opslag.inhoud(obj)
            if nieuw != inhoud:
                te_schrijven.append((pad, nieuw))
        if problemen:
            raise FileFormatError(
                _("Er is niets gemigreerd: niet elk bestand kan gelezen worden."),
                problemen,
                _("Herstel deze bestanden eerst; `controleer` noemt elk probleem."),
            )
        for pad, nieuw in te_schrijven:
            opslag.schrijver.schrijf_bestand(pad, nieuw)
    return [opslag.label(pad) for pad, _inhoud in te_schrijven]
