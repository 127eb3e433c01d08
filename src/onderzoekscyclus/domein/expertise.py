"""Expertise in beeld: which expertise a school, werkgroep or partnership needs, which is
present, which is missing, and who wants to grow into it (the katern's step 1).

**Needed** for a school: its speerpunten, the themes of its werkgroepen, and needs
given explicitly (``nodig``); for a werkgroep: its themes and explicit needs.
**Present**: the expertise and qualities of the school's staff (persons whose school
it is) or of the werkgroep's members. **Growing**: persons of the same group with the
theme among their ambities or interesses. For a need nobody has, the persons elsewhere
in the partnership who do have it are named: the expertise to bring in from outside.

Texts are compared through the thesaurus: a synonym counts as its theme, and expertise
in a narrower theme counts for a broader need ("redactiesommen" for "rekenen").

**One speerpunt per specialist.** The katern describes specialists who each choose one
speerpunt per school year. A specialist (role ``specialist``) *carries* a speerpunt of
a school when they are leider or expert of a werkgroep of that school, active in that
school year, whose themes cover the speerpunt. Carrying more than one different
speerpunt in one school year gives a warning. A werkgroep is active in a school year
(1 August to 31 July) when something in it is dated in that year (a logboek entry, a
cycle step, a measurement), or when nothing in it is dated yet.

Everything here is pure: :class:`onderzoekscyclus.api.expertise.Expertise` reads the
werkplaats and passes its schools, persons and werkgroepen in.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from onderzoekscyclus.domein.model import LidRol, Persoon, Rol, School, Werkgroep
from onderzoekscyclus.domein.thesaurus import Thesaurus, normaliseer
from onderzoekscyclus.domein.tijd import in_kalender
from onderzoekscyclus.i18n import _

__all__ = [
    "KWALITEITEN",
    "Aanwezig",
    "Behoefte",
    "Betrokkene",
    "Expertisebeeld",
    "Partnerschapsbeeld",
    "PersoonKern",
    "SchoolKern",
    "Specialistsignaal",
    "Speerpuntdrager",
    "Themadeskundigen",
    "WerkgroepKern",
    "jaar_van",
    "kern_van_persoon",
    "kern_van_school",
    "kern_van_werkgroep",
    "partnerschapsbeeld",
    "schoolbeeld",
    "schooljaar",
    "specialistsignalen",
    "werkgroepbeeld",
]

KWALITEITEN = (
    "coachen",
    "organiseren",
    "leidinggeven",
    "conflicten oplossen",
    "ondernemen",
    "creativiteit",
    "onderzoek",
)
"""Talents and skills the katern names beside subject knowledge."""

_KWALITEIT = frozenset(normaliseer(k) for k in KWALITEITEN)


@attrs.frozen
class Betrokkene:
    """A person as an expertise overview names them."""

    id: str
    naam: str
    school: str | None = None
    """The name of their school."""
    rol: str | None = None
    """Their role in the werkgroep, for a werkgroep's overview."""


@attrs.frozen
class Behoefte:
    """One needed expertise and how it is covered."""

    thema: str
    waarom: tuple[str, ...]
    """Where the need comes from: ``speerpunt``, ``werkgroep <naam>`` or ``opgegeven``."""
    aanwezig: tuple[Betrokkene, ...]
    groeit: tuple[Betrokkene, ...]
    """Persons without it yet who have it among their ambities or interesses."""
    elders: tuple[Betrokkene, ...] = ()
    """When it is missing: who in the rest of the partnership has it."""

    @property
    def ontbreekt(self) -> bool:
        """Nobody in the school or werkgroep has this expertise."""
        return not self.aanwezig


@attrs.frozen
class Aanwezig:
    """An expertise or quality present in the group, and who has it."""

    expertise: str
    kwaliteit: bool
    """A talent or skill (coachen, organiseren, …) rather than a theme."""
    personen: tuple[Betrokkene, ...]


@attrs.frozen
class Speerpuntdrager:
    """A speerpunt a specialist carries, and through which werkgroep."""

    school: str
    speerpunt: str
    werkgroep: str


@attrs.frozen
class Specialistsignaal:
    """A specialist who carries more than one speerpunt in one school year."""

    persoon: Betrokkene
    schooljaar: str
    speerpunten: tuple[Speerpuntdrager, ...]


@attrs.frozen
class Expertisebeeld:
    """Expertise in beeld for one school or werkgroep."""

    soort: str
    """``school`` or ``werkgroep``."""
    id: str
    naam: str
    schooljaar: str
    personen: int
    nodig: tuple[Behoefte, ...]
    ontbreekt: tuple[str, ...]
    aanwezig: tuple[Aanwezig, ...]
    waarschuwingen: tuple[Specialistsignaal, ...] = ()


@attrs.frozen
class Themadeskundigen:
    """One theme across the partnership: who knows it, who needs it, who wants it."""

    thema: str
    experts: tuple[Betrokkene, ...]
    speerpunt_van: tuple[str, ...]
    """Names of the schools with this theme as a speerpunt."""
    werkgroepen: tuple[str, ...]
    groeit: tuple[Betrokkene, ...]

    @property
    def ontbreekt(self) -> bool:
        """A school or werkgroep needs it and nobody in the partnership has it."""
        return not self.experts and bool(self.speerpunt_van or self.werkgroepen)


@attrs.frozen
class Partnerschapsbeeld:
    """Experts per theme across the partnership."""

    naam: str
    schooljaar: str
    themas: tuple[Themadeskundigen, ...]
    ontbreekt: tuple[str, ...]
    waarschuwingen: tuple[Specialistsignaal, ...] = ()
    onleesbaar: tuple[str, ...] = ()
    """Files that could not be read and do not count (``map/id.toml: reason``).

    .. versionadded:: 0.2.0
    """


# --- what the overviews of a partnership need of each entity -----------------------------


@attrs.frozen
class SchoolKern:
    """What the partnership's overview needs of a school (see :func:`kern_van_school`).

    .. versionadded:: 0.2.0
    """

    id: str
    naam: str
    speerpunten: tuple[str, ...] = ()


@attrs.frozen
class PersoonKern:
    """What the partnership's overview needs of a person: ``groei`` holds their
    ambities and interesses together.

    .. versionadded:: 0.2.0
    """

    id: str
    naam: str
    school: str | None = None
    rollen: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    groei: tuple[str, ...] = ()


@attrs.frozen
class WerkgroepKern:
    """What the partnership's overview needs of a werkgroep: ``leden`` as (person,
    role) in their order, and ``jaren``: the school years (by the year they start in)
    in which something of it is dated; none means nothing is dated yet.

    .. versionadded:: 0.2.0
    """

    id: str
    naam: str
    scholen: tuple[str, ...] = ()
    themas: tuple[str, ...] = ()
    leden: tuple[tuple[str, str], ...] = ()
    jaren: frozenset[int] = frozenset()

    def actief_in(self, jaar: int) -> bool:
        """Whether it counts in the school year starting in ``jaar``."""
        return not self.jaren or jaar in self.jaren


def jaar_van(datum: dt.date) -> int:
    """The year the school year of ``datum`` starts in (1 August)."""
    return datum.year if datum.month >= 8 else datum.year - 1


def kern_van_school(school: School) -> SchoolKern:
    """The :class:`SchoolKern` of ``school``."""
    return SchoolKern(id=school.id, naam=school.naam, speerpunten=school.profiel.speerpunten)


def kern_van_persoon(p: Persoon) -> PersoonKern:
    """The :class:`PersoonKern` of ``p``."""
    return PersoonKern(
        id=p.id,
        naam=p.naam,
        school=p.school,
        rollen=tuple(r.value for r in p.rollen),
        expertise=p.expertise,
        groei=(*p.ambities, *p.interesses),
    )


def kern_van_werkgroep(groep: Werkgroep) -> WerkgroepKern:
    """The :class:`WerkgroepKern` of ``groep``."""
    return WerkgroepKern(
        id=groep.id,
        naam=groep.naam,
        scholen=groep.scholen,
        themas=groep.themas,
        leden=tuple((lid.persoon, lid.rol.value) for lid in groep.leden),
        jaren=frozenset(jaar_van(d) for d in _data(groep)),
    )


# --- helpers --------------------------------------------------------------------------


def schooljaar(datum: dt.date) -> tuple[dt.date, dt.date, str]:
    """The school year ``datum`` falls in: first day, last day, and ``2026-2027``.

    ``datum`` (a ``peildatum``) lies in the calendar of
    :func:`~onderzoekscyclus.domein.tijd.in_kalender`, so the school year does too."""
    in_kalender(datum, veld="peildatum")
    begin = datum.year if datum.month >= 8 else datum.year - 1  # a school year starts in August
    return dt.date(begin, 8, 1), dt.date(begin + 1, 7, 31), f"{begin}-{begin + 1}"


def _data(groep: Werkgroep) -> list[dt.date]:
    data = [r.datum for r in groep.logboek]
    for c in groep.cycli:
        data.append(c.gestart)
        data.extend(h.datum for h in c.historie)
        data.extend(m.datum for m in c.metingen)
    return data


class _Vergelijker:
    """Matches texts through the thesaurus: does expertise ``x`` cover need ``y``?"""

    def __init__(self, thesaurus: Thesaurus) -> None:
        self.thesaurus = thesaurus
        self._omvat: dict[str, set[str]] = {}
        self._boven: defaultdict[str, set[str]] | None = None
        self._sleutels: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._kwaliteit: dict[str, bool] = {}

    def sleutel(self, tekst: str) -> str:
        # the same few hundred texts come back for thousands of persons: look each up once
        sleutel = self._sleutels.get(tekst)
        if sleutel is None:
            sleutel = self._sleutels[tekst] = self.thesaurus.sleutel(tekst)
        return sleutel

    def label(self, tekst: str) -> str:
        label = self._labels.get(tekst)
        if label is None:
            label = self._labels[tekst] = self.thesaurus.label(tekst)
        return label

    def kwaliteit(self, tekst: str) -> bool:
        """Whether ``tekst`` is a talent or skill rather than a theme."""
        uit = self._kwaliteit.get(tekst)
        if uit is None:
            uit = self._kwaliteit[tekst] = normaliseer(tekst) in _KWALITEIT
        return uit

    def dekt(self, expertise: str, behoefte: str) -> bool:
        sleutel = self.sleutel(behoefte)
        if sleutel not in self._omvat:
            self._omvat[sleutel] = self.thesaurus.omvat(behoefte)
        return self.sleutel(expertise) in self._omvat[sleutel]

    def dekt_een(self, teksten: Iterable[str], behoefte: str) -> bool:
        return any(self.dekt(t, behoefte) for t in teksten)

    def boven_alle(self, teksten: Iterable[str]) -> set[str]:
        """The keys of every need the texts cover: each text's own theme and every
        broader one (the reverse of :meth:`dekt`)."""
        if self._boven is None:
            self._boven = defaultdict(set)
            for thema in self.thesaurus:
                boven = self.sleutel(thema.label)
                for sleutel in self.thesaurus.omvat(thema.label):
                    self._boven[sleutel].add(boven)
        uit: set[str] = set()
        for tekst in teksten:
            sleutel = self.sleutel(tekst)
            uit.add(sleutel)
            uit |= self._boven.get(sleutel, set())
        return uit


def _betrokkene(
    p: Persoon | PersoonKern, scholen: Mapping[str, str], rol: str | None = None
) -> Betrokkene:
    return Betrokkene(
        id=p.id, naam=p.naam, school=scholen.get(p.school) if p.school else None, rol=rol
    )


def _op_naam(personen: Iterable[Betrokkene]) -> tuple[Betrokkene, ...]:
    return tuple(sorted(personen, key=lambda b: (b.naam.casefold(), b.id)))


def _behoeften(
    bronnen: Iterable[tuple[str, str]], v: _Vergelijker
) -> dict[str, tuple[str, list[str]]]:
    """Per theme key: its label and the reasons it is needed, in the order given."""
    uit: dict[str, tuple[str, list[str]]] = {}
    for tekst, waarom in bronnen:
        if not tekst.strip():
            continue
        _label, redenen = uit.setdefault(v.sleutel(tekst), (v.label(tekst), []))
        if waarom not in redenen:
            redenen.append(waarom)
    return uit


def _beeld(
    soort: str,
    id_: str,
    naam: str,
    groep: Sequence[tuple[Persoon, str | None]],
    anderen: Sequence[Persoon],
    bronnen: Iterable[tuple[str, str]],
    scholen: Mapping[str, str],
    v: _Vergelijker,
    jaar: str,
) -> Expertisebeeld:
    nodig = []
    for _sleutel, (label, redenen) in sorted(
        _behoeften(bronnen, v).items(), key=lambda kv: normaliseer(kv[1][0])
    ):
        aanwezig = [_betrokkene(p, scholen, r) for p, r in groep if v.dekt_een(p.expertise, label)]
        met = {b.id for b in aanwezig}
        groeit = [
            _betrokkene(p, scholen, r)
            for p, r in groep
            if p.id not in met and v.dekt_een((*p.ambities, *p.interesses), label)
        ]
        elders = (
            [_betrokkene(p, scholen) for p in anderen if v.dekt_een(p.expertise, label)]
            if not aanwezig
            else []
        )
        nodig.append(
            Behoefte(
                thema=label,
                waarom=tuple(redenen),
                aanwezig=_op_naam(aanwezig),
                groeit=_op_naam(groeit),
                elders=_op_naam(elders),
            )
        )
    per_expertise: dict[str, tuple[str, list[Betrokkene]]] = {}
    for p, r in groep:
        for tekst in p.expertise:
            label, wie = per_expertise.setdefault(v.sleutel(tekst), (v.label(tekst), []))
            wie.append(_betrokkene(p, scholen, r))
    aanwezige = tuple(
        Aanwezig(
            expertise=label, kwaliteit=normaliseer(label) in _KWALITEIT, personen=_op_naam(wie)
        )
        for label, wie in sorted(per_expertise.values(), key=lambda lw: normaliseer(lw[0]))
    )
    return Expertisebeeld(
        soort=soort,
        id=id_,
        naam=naam,
        schooljaar=jaar,
        personen=len(groep),
        nodig=tuple(nodig),
        ontbreekt=tuple(b.thema for b in nodig if b.ontbreekt),
        aanwezig=aanwezige,
    )


# --- the overviews ----------------------------------------------------------------------


def schoolbeeld(
    school: School,
    *,
    scholen: Sequence[School],
    personen: Sequence[Persoon],
    werkgroepen: Sequence[Werkgroep],
    thesaurus: Thesaurus,
    nodig: Iterable[str] = (),
    peildatum: dt.date,
) -> Expertisebeeld:
    """Expertise in beeld for ``school``; ``peildatum`` picks the school year."""
    v = _Vergelijker(thesaurus)
    namen = {s.id: s.naam for s in scholen}
    jaar = schooljaar(peildatum)[2]
    bronnen: list[tuple[str, str]] = [(sp, _("speerpunt")) for sp in school.profiel.speerpunten]
    for groep in sorted(werkgroepen, key=lambda g: g.naam.casefold()):
        if school.id in groep.scholen:
            bronnen.extend((t, _("werkgroep {naam}").format(naam=groep.naam)) for t in groep.themas)
    bronnen.extend((t, _("opgegeven")) for t in nodig)
    eigen = [p for p in personen if p.school == school.id]
    anderen = [p for p in personen if p.school != school.id]
    beeld = _beeld(
        "school",
        school.id,
        school.naam,
        [(p, None) for p in eigen],
        anderen,
        bronnen,
        namen,
        v,
        jaar,
    )
    signalen = [
        s
        for s in specialistsignalen(
            scholen=[kern_van_school(s) for s in scholen],
            personen=[kern_van_persoon(p) for p in personen],
            werkgroepen=[kern_van_werkgroep(g) for g in werkgroepen],
            thesaurus=thesaurus,
            peildatum=peildatum,
        )
        if any(d.school == school.naam for d in s.speerpunten)
    ]
    return attrs.evolve(beeld, waarschuwingen=tuple(signalen))


def werkgroepbeeld(
    werkgroep: Werkgroep,
    *,
    scholen: Sequence[School],
    personen: Sequence[Persoon],
    thesaurus: Thesaurus,
    nodig: Iterable[str] = (),
    peildatum: dt.date,
) -> Expertisebeeld:
    """Expertise in beeld for ``werkgroep``: its themes against its members."""
    v = _Vergelijker(thesaurus)
    namen = {s.id: s.naam for s in scholen}
    per_id = {p.id: p for p in personen}
    leden = [
        (per_id[lid.persoon], lid.rol.value) for lid in werkgroep.leden if lid.persoon in per_id
    ]
    lid_ids = {p.id for p, _r in leden}
    bronnen = [(t, _("thema")) for t in werkgroep.themas]
    bronnen.extend((t, _("opgegeven")) for t in nodig)
    return _beeld(
        "werkgroep",
        werkgroep.id,
        werkgroep.naam,
        leden,
        [p for p in personen if p.id not in lid_ids],
        bronnen,
        namen,
        v,
        schooljaar(peildatum)[2],
    )


def specialistsignalen(
    *,
    scholen: Sequence[SchoolKern],
    personen: Sequence[PersoonKern],
    werkgroepen: Sequence[WerkgroepKern],
    thesaurus: Thesaurus,
    peildatum: dt.date,
) -> tuple[Specialistsignaal, ...]:
    """Specialists who carry more than one speerpunt in the school year of ``peildatum``.

    .. versionchanged:: 0.2.0 takes the kernels of schools, persons and werkgroepen
    """
    v = _Vergelijker(thesaurus)
    _begin, _einde, jaar = schooljaar(peildatum)
    begonnen = jaar_van(peildatum)
    per_school = {s.id: s for s in scholen}
    namen = {s.id: s.naam for s in scholen}
    specialisten = {p.id: p for p in personen if Rol.SPECIALIST.value in p.rollen}
    dragend = (LidRol.LEIDER.value, LidRol.EXPERT.value)
    draagt: dict[str, dict[str, list[Speerpuntdrager]]] = {}
    for groep in sorted(werkgroepen, key=lambda g: (g.naam.casefold(), g.id)):
        if not groep.actief_in(begonnen):
            continue
        dragers = [p for p, rol in groep.leden if p in specialisten and rol in dragend]
        if not dragers:
            continue
        for school_id in groep.scholen:
            school = per_school.get(school_id)
            for speerpunt in school.speerpunten if school else ():
                if not v.dekt_een(groep.themas, speerpunt):
                    continue
                assert school is not None
                for persoon in dragers:
                    draagt.setdefault(persoon, {}).setdefault(v.sleutel(speerpunt), []).append(
                        Speerpuntdrager(
                            school=school.naam, speerpunt=v.label(speerpunt), werkgroep=groep.naam
                        )
                    )
    signalen = [
        Specialistsignaal(
            persoon=_betrokkene(specialisten[p], namen),
            schooljaar=jaar,
            speerpunten=tuple(d for sleutel in sorted(per) for d in per[sleutel]),
        )
        for p, per in draagt.items()
        if len(per) > 1
    ]
    return tuple(sorted(signalen, key=lambda s: (s.persoon.naam.casefold(), s.persoon.id)))


def partnerschapsbeeld(
    naam: str,
    *,
    scholen: Sequence[SchoolKern],
    personen: Sequence[PersoonKern],
    werkgroepen: Sequence[WerkgroepKern],
    thesaurus: Thesaurus,
    peildatum: dt.date,
    onleesbaar: Sequence[str] = (),
) -> Partnerschapsbeeld:
    """Experts per theme across the partnership, with what is needed and missing.

    The themes are every speerpunt, every werkgroep theme and every expertise that is
    not a quality (coachen, organiseren, …). A theme no thesaurus knows is named by its
    spelling that sorts first. Each person's texts are looked up once, with every
    theme they count for (their own and each broader one), so the work grows with the
    partnership, not with partnership times themes.

    .. versionchanged:: 0.2.0 takes the kernels of schools, persons and werkgroepen
    """
    v = _Vergelijker(thesaurus)
    namen = {s.id: s.naam for s in scholen}
    spellingen: dict[str, set[str]] = defaultdict(set)
    speerpunt_van: dict[str, set[str]] = defaultdict(set)
    in_werkgroepen: dict[str, set[str]] = defaultdict(set)
    for school in scholen:
        for sp in school.speerpunten:
            spellingen[v.sleutel(sp)].add(v.label(sp))
            speerpunt_van[v.sleutel(sp)].add(school.naam)
    for groep in werkgroepen:
        for t in groep.themas:
            spellingen[v.sleutel(t)].add(v.label(t))
            in_werkgroepen[v.sleutel(t)].add(groep.naam)
    experts: dict[str, list[Betrokkene]] = defaultdict(list)
    groeit: dict[str, list[Betrokkene]] = defaultdict(list)
    for p in personen:
        for e in p.expertise:
            if not v.kwaliteit(e):
                spellingen[v.sleutel(e)].add(v.label(e))
        kan = v.boven_alle(p.expertise)
        for sleutel in kan:
            experts[sleutel].append(_betrokkene(p, namen))
        for sleutel in v.boven_alle(p.groei) - kan:
            groeit[sleutel].append(_betrokkene(p, namen))
    labels = {
        s: min(teksten, key=lambda t: (normaliseer(t), t)) for s, teksten in spellingen.items()
    }
    themas = [
        Themadeskundigen(
            thema=label,
            experts=_op_naam(experts.get(sleutel, ())),
            speerpunt_van=tuple(sorted(speerpunt_van.get(sleutel, ()), key=str.casefold)),
            werkgroepen=tuple(sorted(in_werkgroepen.get(sleutel, ()), key=str.casefold)),
            groeit=_op_naam(groeit.get(sleutel, ())),
        )
        for sleutel, label in sorted(labels.items(), key=lambda kv: (normaliseer(kv[1]), kv[0]))
    ]
    return Partnerschapsbeeld(
        naam=naam,
        schooljaar=schooljaar(peildatum)[2],
        themas=tuple(themas),
        ontbreekt=tuple(t.thema for t in themas if t.ontbreekt),
        waarschuwingen=specialistsignalen(
            scholen=scholen,
            personen=personen,
            werkgroepen=werkgroepen,
            thesaurus=thesaurus,
            peildatum=peildatum,
        ),
        onleesbaar=tuple(onleesbaar),
    )
