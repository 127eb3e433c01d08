"""The themanetwerk of a partnership: who researches which theme, who knows about it,
and which schools could learn from each other (``werkplaats.netwerk``).

Every question is answered on demand from the derived index
(:mod:`onderzoekscyclus.opslag.index`), so a question over thousands of schools reads
only the files that changed; :mod:`onderzoekscyclus.domein.netwerk` holds the answers
and the pure parts of the questions.

Themes are compared through the thesaurus (:mod:`onderzoekscyclus.domein.thesaurus`): a
synonym finds its preferred theme, and a theme includes every narrower one
(``lezen`` finds werkgroepen on ``begrijpend lezen``).

networkx is imported only by :meth:`Themanetwerk.netwerken` and :meth:`Themanetwerk.graaf`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api._indexvraag import vraag_index
from onderzoekscyclus.api._pagina import pagina
from onderzoekscyclus.domein import bezoek as bz
from onderzoekscyclus.domein import netwerk
from onderzoekscyclus.domein.bezoek import (
    Bezoekerssuggestie,
    Bezoekerssuggesties,
    Bezoeksuggesties,
    Speerpuntsuggestie,
    TrotseSchool,
)
from onderzoekscyclus.domein.netwerk import (
    Aansluiten,
    Expert,
    Ondersteuner,
    Ondersteuning,
    Overeenkomst,
    ThemaExperts,
    ThemaGebruik,
    ThemaScholen,
    Thematischnetwerk,
    VergelijkbareScholen,
    WerkgroepOpThema,
    WerkgroepVoorPersoon,
)
from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.thesaurus import Thema, Thesaurus, normaliseer
from onderzoekscyclus.domein.verwijzing import zoek
from onderzoekscyclus.errors import InvalidValue, Kandidaat, UnknownReference
from onderzoekscyclus.i18n import Taal, _
from onderzoekscyclus.opslag._paden import ROOTBESTAND
from onderzoekscyclus.opslag.index import Index
from onderzoekscyclus.opslag.koppelingen import Gekoppeld, gekoppeld
from onderzoekscyclus.opslag.thesaurus import laad_thesaurus

if TYPE_CHECKING:
    import networkx as nx  # type: ignore[import-untyped]

    from onderzoekscyclus.opslag.bestanden import Opslag

__all__ = ["Themanetwerk"]

T = TypeVar("T")


class Themanetwerk(Dienst):
    """Questions about themes across one werkplaats.

    >>> wp.netwerk.scholen("hoogbegaafdheid").werkgroepen  # doctest: +SKIP
    """

    def __init__(
        self,
        opslag: Opslag | Path,
        klok: Callable[[], Any],
        taal: Taal | None = None,
        *,
        thesaurus: Thesaurus | None = None,
        voortgang: bool = False,
    ) -> None:
        super().__init__(opslag, klok, taal)
        self.thesaurus = thesaurus if thesaurus is not None else laad_thesaurus(self.root)
        self.voortgang = voortgang

    # --- the index, kept current and rebuilt when it is damaged -------------------------------

    def _vraag(self, mappen: Sequence[str], vraag: Callable[[Index], T]) -> T:
        return vraag_index(self.root, mappen, vraag, voortgang=self.voortgang)

    # --- linked werkplaatsen (other partnerships), read only -------------------------------

    def _koppelingen(self) -> list[Gekoppeld]:
        return gekoppeld(self.root)

    def _overal(
        self,
        vraag: Callable[[Index], T],
        mappen: Sequence[str] = ("werkgroepen", "scholen", "personen"),
    ) -> list[tuple[str | None, T]]:
        """``vraag`` asked of this werkplaats's index (name ``None``) and of the index of
        every linked werkplaats that can be found (by its name)."""
        uit: list[tuple[str | None, T]] = [(None, self._vraag(mappen, vraag))]
        for k in self._koppelingen():
            if (k.root / ROOTBESTAND).is_file():
                uit.append(
                    (
                        k.naam,
                        vraag_index(
                            k.root, mappen, vraag, voortgang=self.voortgang, pad=k.database
                        ),
                    )
                )
        return uit

    @staticmethod
    def _onvindbaar(koppelingen: Sequence[Gekoppeld]) -> list[str]:
        return [
            _("{naam}: de gekoppelde werkplaats in {map} is niet te vinden.").format(
                naam=k.naam, map=k.root
            )
            for k in koppelingen
            if not (k.root / ROOTBESTAND).is_file()
        ]

    def _sleutels(self, teksten: Iterable[str]) -> dict[str, str]:
        return {t: self.thesaurus.sleutel(t) for t in teksten}

    def _label(self, sleutel: str) -> str:
        thema = self.thesaurus.zoek(sleutel)
        return thema.label if thema is not None else sleutel

    def _doel(self, gezocht: str, in_gebruik: Iterable[str]) -> tuple[str, set[str]]:
        """The theme ``gezocht`` names, and the keys of it and every narrower theme."""
        thema = self.thesaurus.zoek(gezocht)
        if thema is not None:
            return thema.label, self.thesaurus.omvat(thema.label)
        sleutel = normaliseer(gezocht)
        gebruikt = list(in_gebruik)
        if sleutel and any(self.thesaurus.sleutel(t) == sleutel for t in gebruikt):
            return sleutel, {sleutel}
        suggesties = self.thesaurus.suggesties(gezocht, gebruikt)
        raise UnknownReference(
            _(
                "Onbekend thema '{thema}': het staat niet in de thesaurus en geen werkgroep of persoon gebruikt het."
            ).format(thema=gezocht),
            [Kandidaat(t, t) for t in suggesties],
            hint=_("Bedoelde u: {themas}?").format(themas=", ".join(suggesties))
            if suggesties
            else None,
            soort="thema",
            verwijzing=gezocht,
        )

    def _labels(self, sleutels: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted((self._label(s) for s in set(sleutels)), key=normaliseer))

    @staticmethod
    def _scholen(index: Index, ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        lijst = sorted(set(ids))
        index.controleer("scholen", lijst)
        return {
            r[0]: (r[1], r[2])
            for r in index.rijen_voor(
                "SELECT id, naam, sector FROM scholen WHERE id IN ({})", lijst
            )
        }

    @staticmethod
    def _persoonsnamen(index: Index, ids: Iterable[str]) -> dict[str, str]:
        lijst = sorted(set(ids))
        index.controleer("personen", lijst)
        return {
            r[0]: r[1]
            for r in index.rijen_voor("SELECT id, naam FROM personen WHERE id IN ({})", lijst)
        }

    @staticmethod
    def _school_themas(index: Index) -> list[tuple[str, str, str | None, str]]:
        """(school, naam, sector, tekst) for every theme of every werkgroep of a school."""
        return [
            (r[0], r[1], r[2], r[3])
            for r in index.rijen(
                "SELECT DISTINCT s.id, s.naam, s.sector, wt.tekst FROM werkgroep_scholen ws "
                "JOIN werkgroep_themas wt ON wt.werkgroep = ws.werkgroep "
                "JOIN scholen s ON s.id = ws.school"
            )
        ]

    def _themas_per_school(
        self, index: Index
    ) -> tuple[dict[str, set[str]], dict[str, tuple[str, str | None]]]:
        """Per school the keys of its werkgroepen's themes, and its name and sector; of
        this werkplaats and every linked one (schools are told apart by their ids)."""
        paren = self._school_themas(index)
        for k in self._koppelingen():
            if (k.root / ROOTBESTAND).is_file():
                paren += vraag_index(
                    k.root,
                    ("werkgroepen", "scholen"),
                    self._school_themas,
                    voortgang=self.voortgang,
                    pad=k.database,
                )
        sleutel = self._sleutels({p[3] for p in paren})
        themas_van: dict[str, set[str]] = defaultdict(set)
        info: dict[str, tuple[str, str | None]] = {}
        for school_id, naam, sector, tekst in paren:
            themas_van[school_id].add(sleutel[tekst])
            info[school_id] = (naam, sector)
        return themas_van, info

    # --- toevoegen --------------------------------------------------------------------------------

    def toevoegen(
        self, naam: str, *, breder: str | None = None, synoniemen: Iterable[str] = ()
    ) -> Thema:
        """Add the theme ``naam`` to the werkplaats' own thesaurus (``thesaurus.toml``,
        shared with the werkplaats): under ``breder`` (a known theme, found as a theme is
        found), with ``synoniemen``. Refused when a name is already in the thesaurus.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.opslag.thesaurus import voeg_thema_toe  # noqa: PLC0415

        thema = voeg_thema_toe(self.root, naam, breder=breder, synoniemen=synoniemen)
        self.thesaurus = laad_thesaurus(self.root)
        return thema

    # --- lijst ------------------------------------------------------------------------------------

    def lijst(
        self, *, alle: bool = False, limit: int | None = None, offset: int = 0
    ) -> list[ThemaGebruik]:
        """The themes in use (with ``alle``: the whole thesaurus too), as a tree;
        ``offset`` and ``limit`` give one page of it.

        Counts are per theme itself; :meth:`scholen` includes narrower themes.
        """
        pagina(range(0), limit, offset)  # refuse a wrong page before the work

        def vraag(index: Index) -> list[ThemaGebruik]:
            werkgroepen = index.rijen("SELECT werkgroep, tekst FROM werkgroep_themas")
            scholen = index.rijen(
                "SELECT DISTINCT ws.school, wt.tekst FROM werkgroep_scholen ws "
                "JOIN werkgroep_themas wt ON wt.werkgroep = ws.werkgroep"
            )
            experts = index.rijen("SELECT persoon, tekst FROM expertise")
            sleutel = self._sleutels({t for _i, t in (*werkgroepen, *scholen, *experts)})
            tellingen: dict[str, list[set[str]]] = defaultdict(lambda: [set(), set(), set()])
            varianten: dict[str, set[str]] = defaultdict(set)
            for plek, paren in enumerate((werkgroepen, scholen, experts)):
                for wie, tekst in paren:
                    tellingen[sleutel[tekst]][plek].add(wie)
                    varianten[sleutel[tekst]].add(" ".join(tekst.split()))
            sleutels = set(tellingen)
            # the broader themes of what is used, so the tree reads from the top
            for s in list(sleutels):
                if self.thesaurus.zoek(s) is not None:
                    sleutels.update(normaliseer(label) for label in self._boompad(s)[:-1])
            if alle:
                sleutels |= {normaliseer(t.label) for t in self.thesaurus}
            return sorted(
                (self._gebruik(s, tellingen.get(s), varianten.get(s, set())) for s in sleutels),
                key=lambda g: tuple(normaliseer(d) for d in self._boompad(g.label)),
            )

        return pagina(self._vraag(("werkgroepen", "personen"), vraag), limit, offset)

    def _gebruik(
        self, sleutel: str, tellingen: list[set[str]] | None, varianten: set[str]
    ) -> ThemaGebruik:
        thema = self.thesaurus.zoek(sleutel)
        wg, sch, exp = tellingen or [set(), set(), set()]
        label = thema.label if thema else sleutel
        return ThemaGebruik(
            label=label,
            breder=thema.breder if thema else None,
            diepte=len(self._boompad(label)) - 1 if thema else 0,
            in_thesaurus=thema is not None,
            eigen=bool(thema and thema.eigen),
            synoniemen=thema.synoniemen if thema else (),
            werkgroepen=len(wg),
            scholen=len(sch),
            experts=len(exp),
            varianten=tuple(
                sorted((v for v in varianten if v != label), key=lambda v: (v.casefold(), v))
            ),
        )

    def _boompad(self, label: str) -> tuple[str, ...]:
        """The labels from the top of the tree down to ``label`` (unknown themes last)."""
        thema = self.thesaurus.zoek(label)
        if thema is None:
            return ("\uffff", normaliseer(label))
        pad = [thema.label]
        while thema is not None and thema.breder is not None and len(pad) < 50:
            thema = self.thesaurus.zoek(thema.breder)
            if thema is not None:
                pad.append(thema.label)
        return tuple(reversed(pad))

    # --- scholen ----------------------------------------------------------------------------------

    def scholen(self, thema: str, *, limit: int | None = None, offset: int = 0) -> ThemaScholen:
        """Schools researching ``thema`` (and every narrower theme): per school the
        werkgroep, the phase of its current cycle, its leaders, and the conclusion of
        its last finished cycle; sorted by school and werkgroep (by name as lists sort,
        then id). ``limit`` and ``offset`` choose a page of those lines;
        :attr:`ThemaScholen.aantal` counts them all.

        .. versionchanged:: 0.2.0 ``limit``, ``offset`` and ``aantal``
        """
        pagina((), limit, offset)  # checks both before anything is read
        koppelingen = self._koppelingen()
        if not koppelingen:

            def vraag(index: Index) -> ThemaScholen:
                label, doel = self._doel(thema, _teksten(index))
                aantal, scholen, regels = self._scholen_in(index, doel, limit, offset)
                return ThemaScholen(
                    thema=label,
                    omvat=self._labels(doel),
                    scholen=scholen,
                    aantal=aantal,
                    werkgroepen=tuple(regels),
                    onleesbaar=tuple(index.onleesbaar()),
                )

            return self._vraag(("werkgroepen",), vraag)
        # across linked werkplaatsen: the theme as all of them use it, each one's first
        # lines up to the end of the page, merged in the same order
        label, doel = self._doel(thema, [t for _n, ts in self._overal(_teksten) for t in ts])
        tot = None if limit is None else offset + limit
        delen = self._overal(
            lambda index: (*self._scholen_in(index, doel, tot, 0), index.onleesbaar())
        )
        regels = sorted(
            (attrs.evolve(r, werkplaats=naam) for naam, (_a, _s, rs, _o) in delen for r in rs),
            key=lambda r: (
                vergelijkbaar(r.school_naam),
                r.school,
                vergelijkbaar(r.werkgroep_naam),
                r.werkgroep,
            ),
        )
        return ThemaScholen(
            thema=label,
            omvat=self._labels(doel),
            scholen=sum(d[1][1] for d in delen),
            aantal=sum(d[1][0] for d in delen),
            werkgroepen=tuple(pagina(regels, limit, offset)),
            onleesbaar=tuple(f"{naam}: {o}" if naam else o for naam, d in delen for o in d[3])
            + tuple(self._onvindbaar(koppelingen)),
        )

    def _scholen_in(
        self, index: Index, doel: set[str], limit: int | None, offset: int
    ) -> tuple[int, int, list[WerkgroepOpThema]]:
        """Of one index: every line on a theme of ``doel`` counted, its schools counted,
        and the lines of the page, each file they come from checked."""
        passend = [t for t, s in self._sleutels(_teksten(index)).items() if s in doel]
        gezocht = index.lijsttabel("gezochte_themas", passend)
        groepen = f"SELECT werkgroep FROM werkgroep_themas WHERE tekst IN {gezocht}"

        def blad(aantal: int) -> list[tuple[Any, ...]]:
            # the page in the order of the index that sorts it: read in that order while
            # few lines are passed over to reach it, otherwise the theme's lines sorted
            eind = None if limit is None else offset + limit
            alle = index.rijen("SELECT max(rowid) FROM werkgroep_scholen")[0][0] or 0
            op_volgorde = eind is not None and aantal > 0 and eind * alle <= 4 * aantal * aantal
            sleutels = index.rijen(
                "SELECT school, werkgroep FROM werkgroep_scholen "
                f"{'INDEXED BY ws_volgorde' if op_volgorde else ''} "
                f"WHERE werkgroep IN ({groepen}) "
                "ORDER BY svnaam, school, wvnaam, werkgroep LIMIT ? OFFSET ?",
                (-1 if limit is None else limit, offset),
            )
            sql = (
                "SELECT ws.school, s.naam, s.sector, w.id, w.naam, w.cyclus, w.fase, "
                "w.gepauzeerd, w.conclusie, w.conclusie_cyclus, "
                "bs.mtime_ns, bs.grootte, bw.mtime_ns, bw.grootte "
                "FROM werkgroep_scholen ws JOIN werkgroepen w ON w.id = ws.werkgroep "
                "LEFT JOIN scholen s ON s.id = ws.school "
                "LEFT JOIN bestanden bs ON bs.map = 'scholen' AND bs.id = ws.school "
                "LEFT JOIN bestanden bw ON bw.map = 'werkgroepen' AND bw.id = w.id "
                "WHERE ws.school = ? AND ws.werkgroep = ?"
            )
            return [r for sleutel in sleutels for r in index.rijen(sql, sleutel)]

        aantal, scholen = index.thema_telling(passend)
        regels = blad(aantal)
        # every file a shown line comes from is checked; when one was read anew, the
        # page is asked again (a renamed school may move, a removed one drops out)
        opnieuw = index.vers("scholen", {r[0]: (r[-4], r[-3]) for r in regels})
        if index.vers("werkgroepen", {r[3]: (r[-2], r[-1]) for r in regels}) or opnieuw:
            aantal, scholen = index.thema_telling(passend)
            regels = blad(aantal)
        return aantal, scholen, self._op_thema(index, regels, gezocht)

    @staticmethod
    def _op_thema(
        index: Index, regels: list[tuple[Any, ...]], gezocht: str
    ) -> list[WerkgroepOpThema]:
        """The lines of :meth:`scholen`, with the themes and the leaders of their werkgroepen."""
        ids = sorted({r[3] for r in regels})
        themas: dict[str, list[str]] = defaultdict(list)
        for groep, tekst in index.rijen_voor(
            "SELECT werkgroep, tekst FROM werkgroep_themas "
            f"WHERE tekst IN {gezocht} AND werkgroep IN ({{}})",
            ids,
        ):
            themas[groep].append(tekst)
        leiders_rijen = _vers(
            index,
            "personen",
            "SELECT l.werkgroep, l.persoon, l.volgorde, p.naam, b.mtime_ns, b.grootte "
            "FROM leden l LEFT JOIN personen p ON p.id = l.persoon "
            "LEFT JOIN bestanden b ON b.map = 'personen' AND b.id = l.persoon "
            "WHERE l.rol = 'leider' AND l.werkgroep IN ({})",
            ids,
        )
        leiders_van = _per_werkgroep(r[:3] for r in leiders_rijen)
        namen = {r[1]: r[3] for r in leiders_rijen if r[3] is not None}
        return [
            WerkgroepOpThema(
                school=r[0],
                school_naam=r[0] if r[1] is None else r[1],
                sector=r[2],
                werkgroep=r[3],
                werkgroep_naam=r[4],
                themas=tuple(sorted(set(themas[r[3]]), key=str.casefold)),
                cyclus=r[5],
                fase=r[6],
                gepauzeerd=bool(r[7]),
                leiders=tuple(namen.get(p, p) for p in leiders_van.get(r[3], ())),
                conclusie=r[8],
                conclusie_cyclus=r[9],
            )
            for r in regels
        ]

    # --- vergelijkbaar ----------------------------------------------------------------------------

    def vergelijkbaar(self, school: str, *, aantal: int = 10) -> VergelijkbareScholen:
        """The ``aantal`` schools most alike to ``school`` (a name, name prefix or id).

        Two schools are alike by the themes their werkgroepen share, each weighted by
        its rarity across the partnership: ``log(1 + N / n)``, with N the schools that
        research any theme and n those that research this one. Sharing a rare theme
        counts for more than sharing ``rekenen`` with half the partnership.
        """
        if aantal < 1:
            raise InvalidValue(_("Het aantal moet 1 of meer zijn."), veld="aantal")

        def vraag(index: Index) -> VergelijkbareScholen:
            gekozen = zoek(
                school,
                index.namen("scholen"),
                soort="school",
                naam=lambda r: r[1],
                id_=lambda r: r[0],
            )
            themas_van, info = self._themas_per_school(index)
            return VergelijkbareScholen(
                school=gekozen[0],
                naam=gekozen[1],
                themas=self._labels(themas_van.get(gekozen[0], set())),
                scholen=tuple(
                    netwerk.vergelijkbare(gekozen[0], themas_van, info, self._label)[:aantal]
                ),
                onleesbaar=tuple(index.onleesbaar()),
            )

        return self._vraag(("werkgroepen", "scholen"), vraag)

    # --- netwerken --------------------------------------------------------------------------------

    def netwerken(
        self,
        *,
        min_scholen: int = 2,
        seed: int = 1,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Thematischnetwerk]:
        """Suggested thematic networks across schools (``offset`` and ``limit``: a page).

        Louvain community detection (networkx, fixed ``seed``) on the bipartite graph
        of schools and the themes their werkgroepen research, each edge weighted by the
        rarity of its theme. A community with at least ``min_scholen`` schools becomes
        a network: its themes (most shared first) and its schools.
        """

        def vraag(index: Index) -> list[Thematischnetwerk]:
            themas_van, info = self._themas_per_school(index)
            return netwerk.netwerken(
                themas_van, info, self._label, min_scholen=min_scholen, seed=seed
            )

        if min_scholen < 1:
            raise InvalidValue(_("Het minimum aantal scholen moet 1 of meer zijn."))
        pagina(range(0), limit, offset)
        return pagina(self._vraag(("werkgroepen", "scholen"), vraag), limit, offset)

    # --- experts ----------------------------------------------------------------------------------

    def experts(self, thema: str) -> ThemaExperts:
        """Persons across the partnership with expertise in ``thema`` (or a narrower
        one), and across every linked werkplaats (each expert then names it).

        .. versionchanged:: 0.2.0 linked werkplaatsen
        """

        def teksten(index: Index) -> list[str]:
            return [
                *(r[0] for r in index.rijen("SELECT DISTINCT tekst FROM expertise")),
                *_teksten(index),
            ]

        delen = self._overal(teksten, ("personen", "werkgroepen"))
        label, doel = self._doel(thema, [t for _n, ts in delen for t in ts])
        gevonden = self._overal(
            lambda index: (self._experts_in(index, doel), index.onleesbaar()), ("personen",)
        )
        experts = sorted(
            (attrs.evolve(e, werkplaats=naam) for naam, (es, _o) in gevonden for e in es),
            key=lambda e: (e.naam.casefold(), e.persoon),
        )
        return ThemaExperts(
            thema=label,
            omvat=self._labels(doel),
            experts=tuple(experts),
            onleesbaar=tuple(
                f"{naam}: {o}" if naam else o for naam, (_e, os_) in gevonden for o in os_
            )
            + tuple(self._onvindbaar(self._koppelingen())),
        )

    def _experts_in(self, index: Index, doel: set[str]) -> list[Expert]:
        teksten = [r[0] for r in index.rijen("SELECT DISTINCT tekst FROM expertise")]
        passend = [t for t, s in self._sleutels(teksten).items() if s in doel]
        personen: dict[str, tuple[Any, ...]] = {}
        expertise: dict[str, list[str]] = defaultdict(list)
        for rij in index.rijen_voor(
            "SELECT p.id, p.naam, p.school, p.rollen, e.tekst FROM expertise e "
            "JOIN personen p ON p.id = e.persoon WHERE e.tekst IN ({})",
            passend,
        ):
            personen[rij[0]] = rij
            expertise[rij[0]].append(rij[4])
        scholen = self._scholen(index, (r[2] for r in personen.values() if r[2]))
        return [
            Expert(
                persoon=p,
                naam=rij[1],
                school=rij[2],
                school_naam=scholen.get(rij[2], (rij[2], None))[0] if rij[2] else None,
                rollen=tuple(r for r in rij[3].split(",") if r),
                expertise=tuple(sorted(expertise[p], key=str.casefold)),
            )
            for p, rij in personen.items()
        ]

    # --- school visits: where to go, whom to ask along -------------------------------------------

    def bezoekscholen(
        self, school: str, *, speerpunt: str | None = None, aantal: int = 10
    ) -> Bezoeksuggesties:
        """Per speerpunt of ``school`` (or for ``speerpunt`` alone), the schools proud of
        something on its theme or on a broader or narrower one (a theme named in what
        they wrote: "Rekenen met concreet materiaal" is on rekenen), nearest first: the same
        cluster, then the same bestuur, then the rest of the partnership; at most
        ``aantal`` per speerpunt. Answered from the index: the proud schools of a theme
        are looked up by their texts, never school by school.

        .. versionadded:: 0.2.0
        """
        if isinstance(aantal, bool) or not isinstance(aantal, int) or aantal < 1:
            raise InvalidValue(_("Het aantal moet 1 of meer zijn."), veld="aantal")
        gast = self.school(school)
        punten = [speerpunt] if speerpunt is not None else list(gast.profiel.speerpunten)

        def vraag(index: Index) -> Bezoeksuggesties:
            teksten = [r[0] for r in index.rijen("SELECT DISTINCT tekst FROM trots")]
            themas = {t: self.thesaurus.themas_in(t) for t in teksten}
            uit = []
            for punt in punten:
                doel = self.thesaurus.verwant(punt)
                passend = [t for t, s in themas.items() if s & doel]
                per_school: dict[str, list[Any]] = {}
                for rij in index.rijen_voor(
                    "SELECT t.school, s.naam, s.cluster, s.bestuur, s.gezag, t.tekst FROM trots t "
                    "JOIN scholen s ON s.id = t.school WHERE t.tekst IN ({}) "
                    "ORDER BY t.school, t.volgorde",
                    passend,
                ):
                    if rij[0] != gast.id:
                        per_school.setdefault(rij[0], [*rij[1:5], []])[4].append(rij[5])
                scholen = sorted(
                    (
                        TrotseSchool(
                            school=i,
                            naam=naam,
                            trots=tuple(trots),
                            nabijheid=bz.nabijheid(
                                cluster,
                                bestuur,
                                gast.cluster,
                                gast.bestuur,
                                gezag=gezag,
                                gast_gezag=gast.bevoegd_gezag,
                            ),
                            cluster=cluster,
                            bestuur=bestuur,
                        )
                        for i, (naam, cluster, bestuur, gezag, trots) in per_school.items()
                    ),
                    key=lambda s: (bz.NABIJHEID.index(s.nabijheid), s.naam.casefold(), s.school),
                )
                uit.append(
                    Speerpuntsuggestie(
                        speerpunt=punt,
                        thema=self.thesaurus.label(punt),
                        omvat=self._labels(doel),
                        scholen=tuple(scholen[:aantal]),
                        totaal=len(scholen),
                    )
                )
            return Bezoeksuggesties(school=gast.id, naam=gast.naam, speerpunten=tuple(uit))

        return self._vraag(("scholen",), vraag)

    def bezoekers(self, bezoek: str) -> Bezoekerssuggesties:
        """Persons with expertise on the themes of a visit's question (or a narrower
        theme), from other schools than the host and not yet among its visitors; those
        with the most matching expertise first.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.api.bezoeken import bezoek_bij  # noqa: PLC0415

        gevonden = bezoek_bij(self.opslag, bezoek)
        doel: set[str] = set()
        for thema in gevonden.themas:
            doel |= self.thesaurus.omvat(thema)
        al = {x.persoon for x in gevonden.bezoekers}

        def vraag(index: Index) -> list[Expert]:
            return self._experts_in(index, doel) if doel else []

        experts = [
            e
            for e in self._vraag(("personen", "scholen"), vraag)
            if e.persoon not in al and e.school != gevonden.school
        ]
        experts.sort(key=lambda e: (-len(e.expertise), e.naam.casefold(), e.persoon))
        return Bezoekerssuggesties(
            bezoek=gevonden.id,
            titel=gevonden.titel,
            themas=gevonden.themas,
            omvat=self._labels(doel),
            personen=tuple(
                Bezoekerssuggestie(
                    persoon=e.persoon,
                    naam=e.naam,
                    school=e.school,
                    school_naam=e.school_naam,
                    rollen=e.rollen,
                    expertise=e.expertise,
                )
                for e in experts
            ),
        )

    # --- aansluiten: werkgroepen for a person's research ----------------------------------------

    def _bredere(self, sleutel: str) -> list[str]:
        """The keys of every theme above ``sleutel``'s theme, nearest first (none for a
        theme the thesaurus does not know)."""
        if self.thesaurus.zoek(sleutel) is None:
            return []
        return [normaliseer(label) for label in reversed(self._boompad(sleutel)[:-1])]

    def _verwant(self, teksten: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        return netwerk.verwantschap(self._sleutels(teksten), self.thesaurus.omvat, self._bredere)

    def aansluiten(self, persoon: str, *, limit: int | None = None, offset: int = 0) -> Aansluiten:
        """The werkgroepen whose themes match the interests of ``persoon`` (a name or
        id): the werkgroepen a student's graduation research could join (any person
        may ask). A werkgroep on the same theme comes first, then one on a narrower
        theme, then one on a broader theme; then those with the person's own school
        (or institute) among their schools, then those with a cycle under way, then
        by name. Every suggestion says which interest matched which theme, and how.
        Werkgroepen the person is already a member of are left out. ``offset`` and
        ``limit`` choose a page; :attr:`Aansluiten.aantal` counts them all.

        .. versionadded:: 0.2.0
        """
        pagina((), limit, offset)
        wie = self.persoon(persoon)
        kaart = self._verwant(wie.interesses)

        def vraag(index: Index) -> Aansluiten:
            alle = self._groepen_voor(index, wie.id, wie.school, kaart)
            blad = pagina(alle, limit, offset)
            if index.controleer("werkgroepen", (g.werkgroep for g in blad)):
                alle = self._groepen_voor(index, wie.id, wie.school, kaart)
                blad = pagina(alle, limit, offset)
            return Aansluiten(
                persoon=wie.id,
                naam=wie.naam,
                rollen=tuple(r.value for r in wie.rollen),
                interesses=wie.interesses,
                aantal=len(alle),
                werkgroepen=tuple(self._met_namen(index, blad)),
                onleesbaar=tuple(index.onleesbaar()),
            )

        return self._vraag(("werkgroepen", "scholen", "personen"), vraag)

    def _groepen_voor(
        self,
        index: Index,
        persoon_id: str,
        school: str | None,
        kaart: dict[str, list[tuple[str, str]]],
    ) -> list[WerkgroepVoorPersoon]:
        """Every werkgroep matching ``kaart`` (see :func:`netwerk.verwantschap`), sorted;
        without the names of schools and leaders (only a page needs those)."""
        passend = {t: kaart[s] for t, s in self._sleutels(_teksten(index)).items() if s in kaart}
        if not passend:
            return []
        gezocht = index.lijsttabel("gezochte_themas", passend)
        redenen: dict[str, list[Overeenkomst]] = defaultdict(list)
        info: dict[str, tuple[Any, ...]] = {}
        for groep, naam, vnaam, cyclus, fase, gepauzeerd, tekst in index.rijen(
            "SELECT w.id, w.naam, w.vnaam, w.cyclus, w.fase, w.gepauzeerd, wt.tekst "
            f"FROM werkgroep_themas wt JOIN werkgroepen w ON w.id = wt.werkgroep "
            f"WHERE wt.tekst IN {gezocht}"
        ):
            info[groep] = (naam, vnaam, cyclus, fase, bool(gepauzeerd))
            redenen[groep].extend(
                Overeenkomst(persoonsthema=eigen, werkgroepthema=tekst, relatie=relatie)
                for eigen, relatie in passend[tekst]
            )
        lid_van = {
            r[0]
            for r in index.rijen("SELECT werkgroep FROM leden WHERE persoon = ?", (persoon_id,))
        }
        eigen = (
            {
                r[0]
                for r in index.rijen(
                    "SELECT werkgroep FROM werkgroep_scholen WHERE school = ?", (school,)
                )
            }
            if school
            else set()
        )
        groepen = [
            WerkgroepVoorPersoon(
                werkgroep=groep,
                werkgroep_naam=naam,
                scholen=(),
                school_namen=(),
                cyclus=cyclus,
                fase=fase,
                gepauzeerd=gepauzeerd,
                actief=fase is not None and fase != "afgerond" and not gepauzeerd,
                eigen_school=groep in eigen,
                leiders=(),
                redenen=netwerk.sorteer_redenen(redenen[groep]),
            )
            for groep, (naam, _v, cyclus, fase, gepauzeerd) in info.items()
            if groep not in lid_van
        ]
        return sorted(
            groepen,
            key=lambda g: (
                netwerk.rang(g.redenen),
                not g.eigen_school,
                not g.actief,
                info[g.werkgroep][1],
                g.werkgroep,
            ),
        )

    def _met_namen(
        self, index: Index, groepen: Sequence[WerkgroepVoorPersoon]
    ) -> list[WerkgroepVoorPersoon]:
        """``groepen`` with their schools and leaders, by name."""
        ids = [g.werkgroep for g in groepen]
        scholen_van = _per_werkgroep(
            index.rijen_voor(
                "SELECT werkgroep, school, volgorde FROM werkgroep_scholen WHERE werkgroep IN ({})",
                ids,
            )
        )
        scholen = self._scholen(index, (s for ss in scholen_van.values() for s in ss))
        leiders_van = _per_werkgroep(
            index.rijen_voor(
                "SELECT werkgroep, persoon, volgorde FROM leden "
                "WHERE rol = 'leider' AND werkgroep IN ({})",
                ids,
            )
        )
        namen = self._persoonsnamen(index, (p for ps in leiders_van.values() for p in ps))
        return [
            attrs.evolve(
                g,
                scholen=tuple(scholen_van.get(g.werkgroep, ())),
                school_namen=tuple(
                    scholen.get(s, (s, None))[0] for s in scholen_van.get(g.werkgroep, ())
                ),
                leiders=tuple(namen.get(p, p) for p in leiders_van.get(g.werkgroep, ())),
            )
            for g in groepen
        ]

    # --- ondersteuning: lectoren and researchers for a werkgroep ---------------------------------

    def ondersteuning(
        self, werkgroep: str, *, limit: int | None = None, offset: int = 0
    ) -> Ondersteuning:
        """The lectoren and researchers (role ``lector`` or ``onderzoeker``) whose
        expertise or interests match the themes of ``werkgroep``, with their lectoraat
        and institute: who could support its research. The same theme comes first,
        then a broader or narrower one; expertise before interest, lectoren before
        researchers, then by name. Members of the werkgroep are left out. ``offset``
        and ``limit`` choose a page; :attr:`Ondersteuning.aantal` counts them all.

        .. versionadded:: 0.2.0
        """
        pagina((), limit, offset)
        groep = self.werkgroep(werkgroep)
        # seen from the werkgroep: "smaller" is a person's theme below the werkgroep's
        kaart = self._verwant(groep.themas)
        omgekeerd = {"zelfde": "zelfde", "smaller": "breder", "breder": "smaller"}
        leden = {lid.persoon for lid in groep.leden}
        al_lid: dict[str, str] = {}  # members who would fit: id -> name

        def zoek_ze(index: Index) -> list[Ondersteuner]:
            teksten = [
                r[0]
                for r in index.rijen(
                    "SELECT tekst FROM expertise UNION SELECT tekst FROM interesses"
                )
            ]
            passend = {t: kaart[s] for t, s in self._sleutels(teksten).items() if s in kaart}
            if not passend:
                return []
            gezocht = index.lijsttabel("gezochte_themas", passend)
            rollen = (
                "(',' || p.rollen || ',' LIKE '%,lector,%' "
                "OR ',' || p.rollen || ',' LIKE '%,onderzoeker,%')"
            )
            personen: dict[str, tuple[Any, ...]] = {}
            redenen: dict[str, list[Overeenkomst]] = defaultdict(list)
            for bron in ("expertise", "interesses"):
                for rij in index.rijen(
                    "SELECT p.id, p.naam, p.vnaam, p.school, p.rollen, p.lectoraat, t.tekst "
                    f"FROM {bron} t JOIN personen p ON p.id = t.persoon "
                    f"WHERE t.tekst IN {gezocht} AND {rollen}"
                ):
                    if rij[0] in leden:
                        al_lid[rij[0]] = rij[1]
                        continue
                    personen[rij[0]] = rij
                    redenen[rij[0]].extend(
                        Overeenkomst(
                            persoonsthema=rij[6],
                            werkgroepthema=eigen,
                            relatie=omgekeerd[relatie],
                            bron="expertise" if bron == "expertise" else "interesse",
                        )
                        for eigen, relatie in passend[rij[6]]
                    )
            uit = [
                Ondersteuner(
                    persoon=p,
                    naam=rij[1],
                    rollen=tuple(r for r in rij[4].split(",") if r),
                    lectoraat=rij[5],
                    school=rij[3],
                    school_naam=None,
                    redenen=netwerk.sorteer_redenen(redenen[p]),
                )
                for p, rij in personen.items()
            ]
            return sorted(
                uit,
                key=lambda o: (
                    netwerk.rang(o.redenen),
                    all(r.bron != "expertise" for r in o.redenen),
                    "lector" not in o.rollen,
                    personen[o.persoon][2],
                    o.persoon,
                ),
            )

        def vraag(index: Index) -> Ondersteuning:
            alle = zoek_ze(index)
            blad = pagina(alle, limit, offset)
            if index.controleer("personen", (o.persoon for o in blad)):
                alle = zoek_ze(index)
                blad = pagina(alle, limit, offset)
            scholen = self._scholen(index, (o.school for o in blad if o.school))
            return Ondersteuning(
                werkgroep=groep.id,
                werkgroep_naam=groep.naam,
                themas=groep.themas,
                aantal=len(alle),
                ondersteuners=tuple(
                    attrs.evolve(o, school_naam=scholen.get(o.school, (o.school, None))[0])
                    if o.school
                    else o
                    for o in blad
                ),
                onleesbaar=tuple(index.onleesbaar()),
                al_lid=tuple(sorted(al_lid.values(), key=str.casefold)),
            )

        return self._vraag(("personen", "scholen"), vraag)

    # --- the whole graph --------------------------------------------------------------------------

    def graaf(self) -> nx.Graph:
        """The themanetwerk as a networkx graph with typed nodes and edges.

        Nodes are ``(soort, id)`` with soort ``school``, ``werkgroep``, ``persoon`` or
        ``thema`` (id: the theme's key) and a ``naam``; schools carry their ``sector``
        (``opleiding`` for a teacher-training institute). Edges carry a ``relatie``:
        ``werkgroep`` (school–werkgroep), ``onderzoekt`` (werkgroep–thema),
        ``lid`` (persoon–werkgroep, with ``rol``), ``werkt_op`` (persoon–school),
        ``expertise`` (persoon–thema) and ``breder`` (thema–broader thema).
        """
        import networkx as nx  # noqa: PLC0415 - only this question needs it

        def vraag(index: Index) -> nx.Graph:
            g = nx.Graph()
            for id_, naam, sector in index.rijen("SELECT id, naam, sector FROM scholen"):
                g.add_node(("school", id_), naam=naam, sector=sector)
            for id_, naam in index.rijen("SELECT id, naam FROM werkgroepen"):
                g.add_node(("werkgroep", id_), naam=naam)
            for id_, naam, school in index.rijen("SELECT id, naam, school FROM personen"):
                g.add_node(("persoon", id_), naam=naam)
                if school:
                    g.add_edge(("persoon", id_), ("school", school), relatie="werkt_op")
            for groep, school in index.rijen("SELECT werkgroep, school FROM werkgroep_scholen"):
                g.add_edge(("school", school), ("werkgroep", groep), relatie="werkgroep")
            for persoon, groep, rol in index.rijen("SELECT persoon, werkgroep, rol FROM leden"):
                g.add_edge(("persoon", persoon), ("werkgroep", groep), relatie="lid", rol=rol)
            for relatie, sql in (
                ("onderzoekt", "SELECT werkgroep, tekst FROM werkgroep_themas"),
                ("expertise", "SELECT persoon, tekst FROM expertise"),
            ):
                soort = "werkgroep" if relatie == "onderzoekt" else "persoon"
                for wie, tekst in index.rijen(sql):
                    s = self.thesaurus.sleutel(tekst)
                    g.add_node(("thema", s), naam=self._label(s))
                    g.add_edge((soort, wie), ("thema", s), relatie=relatie)
            for thema in self.thesaurus:
                if thema.breder is not None:
                    onder, boven = normaliseer(thema.label), normaliseer(thema.breder)
                    g.add_node(("thema", onder), naam=thema.label)
                    g.add_node(("thema", boven), naam=self._label(boven))
                    g.add_edge(("thema", onder), ("thema", boven), relatie="breder")
            return g

        return self._vraag(("werkgroepen", "personen", "scholen"), vraag)


def _teksten(index: Index) -> list[str]:
    """Every theme text a werkgroep in the index has."""
    return [r[0] for r in index.rijen("SELECT DISTINCT tekst FROM werkgroep_themas")]


def _vers(index: Index, map_: str, sql: str, waarden: Iterable[str]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (id second, the file's mtime and size last), with every file they
    come from checked against the index first; asks again when one was read anew."""
    teksten = list(waarden)
    rijen = index.rijen_voor(sql, teksten)
    if index.vers(map_, {r[1]: (r[-2], r[-1]) for r in rijen}):
        rijen = index.rijen_voor(sql, teksten)
    return rijen


def _per_werkgroep(rijen: Iterable[tuple[Any, ...]]) -> dict[str, list[str]]:
    """``(werkgroep, wie, volgorde)`` rows as werkgroep -> [wie] in their stored order."""
    uit: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for groep, wie, volgorde in rijen:
        uit[groep].add((volgorde, wie))  # a set: a werkgroep may match by two themes
    return {g: [w for _v, w in sorted(paren)] for g, paren in uit.items()}
