"""The themanetwerk's answers, and the pure parts of its questions.

The structure is bipartite: schools hold werkgroepen, werkgroepen research themes,
persons have expertise in themes, themes sit under broader themes. No school × school
table is ever built: schools alike to one school are found through the themes it has
(:func:`vergelijkbare`), and thematic networks come from community detection on the
school–theme graph itself (:func:`netwerken`). The library reads the rows from the
derived index (:class:`onderzoekscyclus.api.netwerk.Themanetwerk`) and passes them in.

networkx is imported only by :func:`netwerken`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Mapping

import attrs

__all__ = [
    "RELATIES",
    "Aansluiten",
    "Expert",
    "Gelijkenis",
    "Ondersteuner",
    "Ondersteuning",
    "Overeenkomst",
    "SchoolInNetwerk",
    "ThemaExperts",
    "ThemaGebruik",
    "ThemaScholen",
    "Thematischnetwerk",
    "VergelijkbareScholen",
    "WerkgroepOpThema",
    "WerkgroepVoorPersoon",
    "netwerken",
    "rang",
    "sorteer_redenen",
    "vergelijkbare",
    "verwantschap",
    "zeldzaamheid",
]

SchoolInfo = Mapping[str, tuple[str, str | None]]
"""School id -> (name, sector)."""


# --- answers ---------------------------------------------------------------------------------


@attrs.frozen
class ThemaGebruik:
    """A theme and how much the partnership works on it."""

    label: str
    breder: str | None
    diepte: int
    in_thesaurus: bool
    eigen: bool
    synoniemen: tuple[str, ...]
    werkgroepen: int
    scholen: int
    experts: int
    varianten: tuple[str, ...]
    """Other ways the theme was typed in werkgroepen and expertise (``Hoogbegaafdheid``)."""


@attrs.frozen
class WerkgroepOpThema:
    """A werkgroep of a school that researches the theme, and how far it is."""

    school: str
    school_naam: str
    sector: str | None
    werkgroep: str
    werkgroep_naam: str
    themas: tuple[str, ...]
    cyclus: int | None
    fase: str | None
    gepauzeerd: bool
    leiders: tuple[str, ...]
    conclusie: str | None
    conclusie_cyclus: int | None
    werkplaats: str | None = None
    """For a linked werkplaats (another partnership): its name; ``None`` for this one.

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class ThemaScholen:
    """The answer to "which schools research this theme?": ``werkgroepen`` holds the
    lines asked for (every line, or one page of them), ``aantal`` counts every line and
    ``scholen`` every school among them.

    .. versionchanged:: 0.2.0 ``aantal``
    """

    thema: str
    omvat: tuple[str, ...]
    scholen: int
    aantal: int
    werkgroepen: tuple[WerkgroepOpThema, ...]
    onleesbaar: tuple[str, ...] = ()


@attrs.frozen
class Gelijkenis:
    """A school alike to the one asked about, with the themes they share."""

    school: str
    naam: str
    sector: str | None
    score: float
    gedeeld: tuple[str, ...]


@attrs.frozen
class VergelijkbareScholen:
    """Schools most alike to ``school``, most alike first."""

    school: str
    naam: str
    themas: tuple[str, ...]
    scholen: tuple[Gelijkenis, ...]
    onleesbaar: tuple[str, ...] = ()


@attrs.frozen
class SchoolInNetwerk:
    """A school (or teacher-training institute) in a suggested network."""

    school: str
    naam: str
    sector: str | None
    themas: tuple[str, ...]


@attrs.frozen
class Thematischnetwerk:
    """A suggested thematic network: themes and the schools that work on them."""

    nummer: int
    themas: tuple[str, ...]
    scholen: tuple[SchoolInNetwerk, ...]


@attrs.frozen
class Expert:
    """A person with expertise in the theme."""

    persoon: str
    naam: str
    school: str | None
    school_naam: str | None
    rollen: tuple[str, ...]
    expertise: tuple[str, ...]
    werkplaats: str | None = None
    """For a linked werkplaats (another partnership): its name; ``None`` for this one.

    .. versionadded:: 0.2.0
    """


@attrs.frozen
class ThemaExperts:
    """The answer to "who knows about this theme?"."""

    thema: str
    omvat: tuple[str, ...]
    experts: tuple[Expert, ...]
    onleesbaar: tuple[str, ...] = ()


# --- the pure parts of the questions ---------------------------------------------------


def zeldzaamheid(themas_van: Mapping[str, set[str]]) -> dict[str, float]:
    """The weight of each theme: ``log(1 + N / n)`` (N schools with themes, n with this one)."""
    hoe_vaak: dict[str, int] = defaultdict(int)
    for themas in themas_van.values():
        for t in themas:
            hoe_vaak[t] += 1
    totaal = len(themas_van)
    return {t: math.log(1 + totaal / n) for t, n in hoe_vaak.items()}


def vergelijkbare(
    gekozen: str,
    themas_van: Mapping[str, set[str]],
    info: SchoolInfo,
    label: Callable[[str], str],
) -> list[Gelijkenis]:
    """Schools alike to ``gekozen`` by the themes they share (theme keys in
    ``themas_van``), each theme weighted by its rarity; most alike first."""
    gewicht = zeldzaamheid(themas_van)
    eigen = themas_van.get(gekozen, set())
    scores: dict[str, float] = defaultdict(float)
    for ander, themas in themas_van.items():
        if ander != gekozen and not themas.isdisjoint(eigen):
            scores[ander] = sum(gewicht[s] for s in sorted(themas & eigen))
    return sorted(
        (
            Gelijkenis(
                school=ander,
                naam=info[ander][0],
                sector=info[ander][1],
                score=round(score, 4),
                gedeeld=tuple(
                    label(s)
                    for s in sorted(themas_van[ander] & eigen, key=lambda s: (-gewicht[s], s))
                ),
            )
            for ander, score in scores.items()
        ),
        key=lambda g: (-g.score, g.naam.casefold(), g.school),
    )


def netwerken(
    themas_van: Mapping[str, set[str]],
    info: SchoolInfo,
    label: Callable[[str], str],
    *,
    min_scholen: int,
    seed: int,
) -> list[Thematischnetwerk]:
    """Louvain community detection (networkx, fixed ``seed``) on the bipartite graph of
    schools and the themes their werkgroepen research, each edge weighted by the rarity
    of its theme. A community with at least ``min_scholen`` schools becomes a network."""
    import networkx as nx  # type: ignore[import-untyped]  # noqa: PLC0415 - only here

    gewicht = zeldzaamheid(themas_van)
    graaf = nx.Graph()
    graaf.add_nodes_from(sorted(("s", s) for s in themas_van))
    graaf.add_nodes_from(sorted(("t", t) for t in gewicht))
    graaf.add_weighted_edges_from(
        (("s", s), ("t", t), gewicht[t]) for s in sorted(themas_van) for t in sorted(themas_van[s])
    )
    uit = []
    for groep in nx.community.louvain_communities(graaf, weight="weight", seed=seed):
        scholen = sorted(s for soort, s in groep if soort == "s")
        themas = {t for soort, t in groep if soort == "t"}
        if len(scholen) < min_scholen or not themas:
            continue
        hoe_vaak = {t: sum(t in themas_van[s] for s in scholen) for t in themas}
        volgorde = sorted(themas, key=lambda t: (-hoe_vaak[t], t))
        leden = sorted(
            (
                SchoolInNetwerk(
                    school=s,
                    naam=info[s][0],
                    sector=info[s][1],
                    themas=tuple(label(t) for t in volgorde if t in themas_van[s]),
                )
                for s in scholen
            ),
            key=lambda x: (x.naam.casefold(), x.school),
        )
        uit.append((tuple(label(t) for t in volgorde), tuple(leden)))
    uit.sort(key=lambda n: (-len(n[1]), n[0]))
    return [
        Thematischnetwerk(nummer=i, themas=themas, scholen=scholen)
        for i, (themas, scholen) in enumerate(uit, start=1)
    ]


# --- who fits where: a person's themes against a werkgroep's ------------------------------

RELATIES = ("zelfde", "smaller", "breder")
"""How a werkgroep's theme relates to a person's theme, best match first: the same
theme, a narrower one (the person asks for ``lezen``, the werkgroep works on
``begrijpend lezen``) or a broader one (the other way round)."""


@attrs.frozen
class Overeenkomst:
    """Why a suggestion was made: a theme of the person (``persoonsthema``, as typed,
    from their ``bron``: ``interesse`` or ``expertise``) and a theme of the werkgroep
    (``werkgroepthema``, as typed), and how the second relates to the first
    (``relatie``: ``zelfde``, ``smaller`` or ``breder``).

    .. versionadded:: 0.2.0
    """

    persoonsthema: str
    werkgroepthema: str
    relatie: str
    bron: str = "interesse"


@attrs.frozen
class WerkgroepVoorPersoon:
    """A werkgroep a person could join with their research, and why.

    ``actief``: its latest cycle is under way (started, not finished, not paused);
    ``eigen_school``: the person's own school (or institute) is one of its schools.

    .. versionadded:: 0.2.0
    """

    werkgroep: str
    werkgroep_naam: str
    scholen: tuple[str, ...]
    school_namen: tuple[str, ...]
    cyclus: int | None
    fase: str | None
    gepauzeerd: bool
    actief: bool
    eigen_school: bool
    leiders: tuple[str, ...]
    redenen: tuple[Overeenkomst, ...]


@attrs.frozen
class Aansluiten:
    """The answer to "which werkgroepen could this person's research join?":
    ``werkgroepen`` holds the suggestions asked for (all, or one page), ``aantal``
    counts them all. A member of a werkgroep is not suggested it again.

    .. versionadded:: 0.2.0
    """

    persoon: str
    naam: str
    rollen: tuple[str, ...]
    interesses: tuple[str, ...]
    aantal: int
    werkgroepen: tuple[WerkgroepVoorPersoon, ...]
    onleesbaar: tuple[str, ...] = ()


@attrs.frozen
class Ondersteuner:
    """A lector or researcher whose expertise or interests match a werkgroep's themes,
    with their lectoraat and the institute they work at.

    .. versionadded:: 0.2.0
    """

    persoon: str
    naam: str
    rollen: tuple[str, ...]
    lectoraat: str | None
    school: str | None
    school_naam: str | None
    redenen: tuple[Overeenkomst, ...]


@attrs.frozen
class Ondersteuning:
    """The answer to "which lectoraat or researcher could support this werkgroep?".

    .. versionadded:: 0.2.0
    """

    werkgroep: str
    werkgroep_naam: str
    themas: tuple[str, ...]
    aantal: int
    ondersteuners: tuple[Ondersteuner, ...]
    onleesbaar: tuple[str, ...] = ()
    al_lid: tuple[str, ...] = ()
    """The names of the lectoren and researchers who would fit but are members already."""


def verwantschap(
    themas: Mapping[str, str], omvat: Callable[[str], set[str]], bredere: Callable[[str], list[str]]
) -> dict[str, list[tuple[str, str]]]:
    """For the themes of one side (text as typed -> its key): every key the other side
    may have that matches, with (text, relatie) for each: the theme itself
    (``zelfde``), every narrower one (``smaller``) and every broader one (``breder``),
    as seen from the first side."""
    uit: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for tekst, sleutel in themas.items():
        uit[sleutel].append((tekst, "zelfde"))
        for smaller in omvat(sleutel) - {sleutel}:
            uit[smaller].append((tekst, "smaller"))
        for breder in bredere(sleutel):
            if breder != sleutel:
                uit[breder].append((tekst, "breder"))
    return uit


def rang(redenen: tuple[Overeenkomst, ...]) -> int:
    """The best relatie among ``redenen`` as a number (0 is the same theme)."""
    return min(RELATIES.index(r.relatie) for r in redenen)


def sorteer_redenen(redenen: list[Overeenkomst]) -> tuple[Overeenkomst, ...]:
    """Each reason once, best first (the same theme, expertise before interest); a
    theme that is both a person's expertise and their interest counts as expertise."""
    gezien: dict[tuple[str, str, str], Overeenkomst] = {}
    for r in sorted(
        set(redenen),
        key=lambda r: (
            RELATIES.index(r.relatie),
            r.bron != "expertise",
            r.werkgroepthema.casefold(),
            r.persoonsthema.casefold(),
        ),
    ):
        gezien.setdefault((r.persoonsthema, r.werkgroepthema, r.relatie), r)
    return tuple(gezien.values())
