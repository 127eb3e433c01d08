"""The partnership website: ``ozc site UIT`` writes a folder of static pages.

Plain HTML and one stylesheet, publishable on any static host or a school's intranet:
no server, no database, no script needed to read a page. Rendered with Jinja2 templates
(``sjablonen/``) with autoescaping, so text typed by users is always text.

The pages: the partnership's home (its schools, its themes, what is being researched
now, recently finished studies), one page per school (vision, pride, priorities, its
research and werkgroepen, other schools on the same themes), one per theme (its place in
the thesaurus, schools, werkgroepen, expertise, finished studies), one per finished
research cycle (the poster's content, with the run chart of each indicator, its text
alternative and its points as a table), an accessibility statement and a colophon.

**Privacy by default.** The site is built from the pseudonymised export data
(:mod:`onderzoekscyclus.export.pseudoniem`): a person's name that appears in any text is
replaced before a page is made. A person is named only with consent
(:attr:`~onderzoekscyclus.domein.model.Persoon.toestemming`, set with ``ozc persoon
toestemming``); otherwise expertise shows as a role at a school ("intern begeleider, De
Regenboog"). An action of a plan shows without who does it. A zelfevaluatie shows only
as averages per domain, and only when at least ``min_respondenten`` (default 5) answered.
Logboeken are not published; a besluit only when it is marked public (``ozc besluit
openbaar``), and then without its feedback. :func:`voorbeeld` says, per personal datum,
what would be published and why.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections import defaultdict
from html import escape
from pathlib import Path
from typing import Any, Literal

import attrs

from onderzoekscyclus.domein.cyclus import Fase, Onderzoekscyclus
from onderzoekscyclus.domein.keuzes import weergave
from onderzoekscyclus.domein.meetreeks import korte_verlooptekst, verloop_van, verlooptekst
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.tekst import slug
from onderzoekscyclus.domein.thesaurus import Thesaurus
from onderzoekscyclus.export.gegevens import Exportgegevens
from onderzoekscyclus.export.grafiek import grafiekgegevens, svg_in_html, tabel
from onderzoekscyclus.i18n import _, huidige_taal, in_taal, ngettext
from onderzoekscyclus.opmaak import getal, lange_datum, met_eenheid

__all__ = [
    "MANIFEST",
    "SiteExporteur",
    "Siteverslag",
    "Voorbeeldregel",
    "bouw",
    "sitesleutel",
    "voorbeeld",
]

_SJABLONEN = Path(__file__).parent / "sjablonen"


def alleen_wat_de_site_toont(entiteiten: dict[str, tuple[Any, ...]]) -> dict[str, tuple[Any, ...]]:
    """The export data without what the site never shows (besluiten not marked public,
    logboeken), so that none of it needs to be pseudonymised."""
    uit = dict(entiteiten)
    uit["besluiten"] = tuple(b for b in entiteiten.get("besluiten", ()) if b.openbaar)
    uit["werkgroepen"] = tuple(
        attrs.evolve(g, logboek=()) for g in entiteiten.get("werkgroepen", ())
    )
    return uit


def sitesleutel(werkplaats_naam: str) -> bytes:
    """The key of the site's pseudonyms: the same for every build of one werkplaats, so
    a rebuild gives the same pages for the same data."""
    return hashlib.sha256(f"onderzoekscyclus-site:{werkplaats_naam}".encode()).digest()


@attrs.frozen
class _Onderzoek:
    """A research cycle as the site shows it: whose, on which themes, how far."""

    groep: Werkgroep
    cyclus: Onderzoekscyclus
    pad: str | None  # its own page, when it is finished

    @property
    def afgerond(self) -> dt.date | None:
        if self.cyclus.fase is not Fase.AFGEROND:
            return None
        return max((r.datum for r in self.cyclus.historie), default=self.cyclus.gestart)


def _themapad(label: str) -> str:
    return f"themas/{slug(label) or 'thema'}.html"


def _onderzoekspad(groep: Werkgroep, c: Onderzoekscyclus) -> str:
    return f"onderzoek/{groep.id}-cyclus-{c.nummer}.html"


class _Site:
    """Everything the templates need, gathered once from the export data."""

    def __init__(self, gegevens: Exportgegevens, min_respondenten: int = 5) -> None:
        e = gegevens.entiteiten
        self.min_respondenten = min_respondenten
        self.gegevens = gegevens
        self.scholen: list[School] = sorted(e.get("scholen", ()), key=lambda s: s.naam.casefold())
        self.werkgroepen: list[Werkgroep] = sorted(
            e.get("werkgroepen", ()), key=lambda w: w.naam.casefold()
        )
        self.personen: list[Persoon] = list(e.get("personen", ()))
        self.zelfevaluaties: list[Any] = list(e.get("zelfevaluaties", ()))
        self._zelfevaluaties_per_school: dict[str, list[Any]] = defaultdict(list)
        for m in sorted(self.zelfevaluaties, key=lambda m: (m.datum, m.id)):
            if m.school and m.afgerond():
                self._zelfevaluaties_per_school[m.school].append(m)
        # the real names of those who consented (the export data holds pseudonyms)
        terug = {nieuw: oud for oud, nieuw in gegevens.persoon_ids.items()}
        self.echte_naam: dict[str, str] = {}
        # a consenting person's pseudonym in free text (a finding, a question) -> the name
        self.terug_in_tekst: dict[str, str] = {}
        for p in self.personen:
            if p.toestemming is not None:
                echt = gegevens.werkplaats.personen.zoek(id=terug.get(p.id, p.id))
                self.echte_naam[p.id] = echt.naam
                if gegevens.pseudoniem and p.naam != echt.naam:
                    self.terug_in_tekst[escape(p.naam)] = escape(echt.naam)
        self.school = {s.id: s for s in self.scholen}
        self.besluiten: list[Any] = sorted(
            (b for b in e.get("besluiten", ()) if b.openbaar), key=lambda b: b.titel.casefold()
        )
        self.werkgroepnaam = {g.id: g.naam for g in self.werkgroepen}
        self.agenda: list[Any] = sorted(
            e.get("ontwikkelagenda", ()),
            key=lambda p: (p.schooljaren[0], p.titel.casefold(), p.id),
        )
        self.thesaurus: Thesaurus = gegevens.werkplaats.netwerk.thesaurus
        self.onderzoek = [
            _Onderzoek(g, c, _onderzoekspad(g, c) if c.fase is Fase.AFGEROND else None)
            for g in self.werkgroepen
            for c in g.cycli
        ]
        # the visits a school hosted, and which research their findings fed
        self._bezoeken_per_school: dict[str, list[Any]] = defaultdict(list)
        for b in sorted(e.get("bezoeken", ()), key=lambda b: (b.datum, b.id)):
            self._bezoeken_per_school[b.school].append(b)
        self._bron_van: dict[str, list[_Onderzoek]] = defaultdict(list)
        for o in self.onderzoek:
            for bezoek_id in dict.fromkeys(x.bezoek for x in o.cyclus.bronnen if x.bezoek):
                self._bron_van[bezoek_id].append(o)
        self._persoon_per_id = {p.id: p for p in self.personen}
        self._experts: dict[str, list[Persoon]] = defaultdict(list)
        for p in self.personen:
            for sleutel in dict.fromkeys(self.thesaurus.sleutel(x) for x in p.expertise):
                self._experts[sleutel].append(p)
        # theme label -> werkgroepen on it (each theme as the thesaurus names it)
        self.op_thema: dict[str, list[Werkgroep]] = defaultdict(list)
        for g in self.werkgroepen:
            for label in dict.fromkeys(self.thesaurus.label(t) for t in g.themas):
                self.op_thema[label].append(g)

    def schoolnaam(self, id_: str) -> str:
        s = self.school.get(id_)
        return s.naam if s else id_

    def themas_van(self, groep: Werkgroep) -> list[str]:
        return list(dict.fromkeys(self.thesaurus.label(t) for t in groep.themas))

    @functools.cache  # noqa: B019 - one site, built once
    def scholen_op(self, label: str) -> list[School]:
        ids = dict.fromkeys(s for g in self.op_thema.get(label, ()) for s in g.scholen)
        return sorted((self.school[i] for i in ids if i in self.school), key=lambda s: s.naam)

    def experts_op(self, label: str) -> list[str]:
        """Expertise on a theme as roles at schools, never as names."""
        return sorted(self.persoon(p) for p in self._experts.get(self.thesaurus.sleutel(label), ()))

    def persoon(self, p: Persoon) -> str:
        """How the site names a person: with consent the name and role, without it the
        role at the school only."""
        rol = ", ".join(weergave(r) for r in p.rollen) or _("medewerker")
        plek = self.schoolnaam(p.school) if p.school else _("het partnerschap")
        naam = self.echte_naam.get(p.id)
        return f"{naam} ({rol}, {plek})" if naam else f"{rol}, {plek}"

    def bezoeken_van(self, school: str) -> list[dict[str, Any]]:
        """The visits ``school`` hosted: kind, day, its own question, the visitors as the
        site names persons (roles without consent), how many findings, and the research
        whose beginsituatie a finding became part of. The findings themselves stay off
        the site: they are the host's to share."""
        uit = []
        for b in self._bezoeken_per_school.get(school, ()):
            bezoekers = [
                self.persoon(self._persoon_per_id[x.persoon])
                for x in b.bezoekers
                if x.persoon in self._persoon_per_id
            ]
            uit.append(
                {
                    "bezoek": b,
                    "bezoekers": bezoekers,
                    "bevindingen": len(b.bevindingen),
                    "onderzoek": self._bron_van.get(b.id, []),
                }
            )
        return uit

    def zelfevaluaties_van(self, school: str) -> list[Any]:
        """The latest finished result per instrument of a school, as averages, when
        enough people answered (:attr:`min_respondenten`)."""
        from onderzoekscyclus.domein.uitslag import bereken  # noqa: PLC0415

        laatste: dict[str, Any] = {}
        for m in self._zelfevaluaties_per_school.get(school, ()):
            laatste[m.instrument] = m
        uit = []
        for m in laatste.values():
            instrument = self.gegevens.werkplaats.zelfevaluaties.instrument(m.instrument)
            r = bereken(instrument, m)
            if r.respondenten >= self.min_respondenten:
                uit.append(r)
        return uit

    def breder(self, label: str) -> str | None:
        thema = self.thesaurus.zoek(label)
        return self.thesaurus.label(thema.breder) if thema and thema.breder else None

    def smaller(self, label: str) -> list[str]:
        return [t.label for t in self.thesaurus.smaller(label)]


class _Grafiekcache:
    """Charts drawn before, by what they show: drawing is the slow part of a build, and a
    chart whose data did not change is the same chart. Kept in a folder of the site's own
    (``.onderzoekscyclus-grafieken``); a chart no page uses any more is removed. Charts
    not drawn yet are drawn beforehand (:meth:`teken_vooraf`), over every processor."""

    def __init__(self, map_: Path | None) -> None:
        self.map = map_
        self.gebruikt: set[str] = set()

    def _naam(self, g: Any, sleutel: str) -> str:
        import matplotlib  # noqa: PLC0415 - its version is part of the key

        from onderzoekscyclus.versie import __version__  # noqa: PLC0415

        return hashlib.sha256(
            f"{__version__}|{matplotlib.__version__}|{sleutel}|{g!r}".encode()
        ).hexdigest()[:32]

    def svg(self, g: Any, sleutel: str) -> str:
        if self.map is None:
            return svg_in_html(g, sleutel)
        naam = self._naam(g, sleutel)
        self.gebruikt.add(naam)
        pad = self.map / f"{naam}.svg"
        if pad.is_file():
            return pad.read_text(encoding="utf-8")
        svg = svg_in_html(g, sleutel)
        self.map.mkdir(parents=True, exist_ok=True)
        pad.write_text(svg, encoding="utf-8")
        return svg

    def teken_vooraf(self, grafieken: list[tuple[Any, str]]) -> None:
        """Draw the charts of ``grafieken`` (data, key) that are not in the folder yet,
        in worker processes when there are many: each chart is a separate drawing."""
        if self.map is None:
            return
        te_tekenen = {}
        for g, sleutel in grafieken:
            naam = self._naam(g, sleutel)
            if not (self.map / f"{naam}.svg").is_file():
                te_tekenen[naam] = (g, sleutel)
        if len(te_tekenen) < _PARALLEL_VANAF:
            return  # drawn one by one as their pages are made
        self.map.mkdir(parents=True, exist_ok=True)
        namen = list(te_tekenen)
        for naam, svg in zip(namen, _teken_verdeeld(list(te_tekenen.values())), strict=False):
            if svg is not None:
                (self.map / f"{naam}.svg").write_text(svg, encoding="utf-8")

    def ruim_op(self) -> None:
        if self.map is not None and self.map.is_dir():
            for pad in self.map.glob("*.svg"):
                if pad.stem not in self.gebruikt:
                    pad.unlink()


_PARALLEL_VANAF = 24
"""From this many charts to draw, worker processes draw them (starting one costs about
as much as drawing ten charts)."""


def _teken_verdeeld(grafieken: list[tuple[Any, str]]) -> list[str | None]:
    """The charts drawn in one worker process per processor, in the language of this
    one; ``None`` for each chart when processes cannot be started here (then its page
    draws it)."""
    import concurrent.futures as cf  # noqa: PLC0415 - only for a large build
    import multiprocessing  # noqa: PLC0415
    import os  # noqa: PLC0415
    import threading  # noqa: PLC0415
    from concurrent.futures.process import BrokenProcessPool  # noqa: PLC0415

    # forking copies the library already loaded; a process with other threads (a web
    # server) is not forked: a lock one of them holds would stay held in the copy
    methodes = multiprocessing.get_all_start_methods()
    methode = "fork" if "fork" in methodes and threading.active_count() == 1 else "spawn"
    taal = huidige_taal()
    try:
        with cf.ProcessPoolExecutor(
            max_workers=os.cpu_count() or 1, mp_context=multiprocessing.get_context(methode)
        ) as pool:
            return list(
                pool.map(
                    _teken_in_proces,
                    [(taal, g, sleutel) for g, sleutel in grafieken],
                    chunksize=8,
                )
            )
    except (OSError, NotImplementedError, BrokenProcessPool):
        return [None] * len(grafieken)


def _teken_in_proces(taak: tuple[str, Any, str]) -> str:
    taal, g, sleutel = taak
    with in_taal(taal):
        return svg_in_html(g, sleutel)


def _grafiekdata(c: Onderzoekscyclus, sleutel: str) -> list[tuple[Any, str]]:
    """Per indicator of ``c``: its chart's data and the key that makes its ids unique."""
    return [
        (grafiekgegevens(c, ind.naam), f"{sleutel}-{n}")
        for n, ind in enumerate(c.indicatoren, start=1)
    ]


def _grafieksleutel(o: Any) -> str:
    return f"g-{o.groep.id}-{o.cyclus.nummer}"


def _grafieken(c: Onderzoekscyclus, sleutel: str, cache: _Grafiekcache) -> list[dict[str, Any]]:
    """Per indicator: its chart for the page, the verdict in words, the table."""
    uit = []
    for ind, (g, sleutel_) in zip(c.indicatoren, _grafiekdata(c, sleutel), strict=True):
        v = verloop_van(c, ind)
        uit.append(
            {
                "indicator": ind,
                "svg": cache.svg(g, sleutel_),
                "verloop": verlooptekst(v, g.waarde(v.midden)),
                "tabel": tabel(g),
                "laatste": met_eenheid(v.laatste, ind.eenheid) if v.laatste is not None else None,
                "bereikt": v.bereikt,
            }
        )
    return uit


class SiteExporteur:
    """Writes the partnership website into a folder (see the module's description)."""

    @property
    def beschrijving(self) -> str:
        """What the format is for, in the current language."""
        return _("De website van het partnerschap (statische HTML-pagina's)")

    extensie = ""
    soort: Literal["bestand", "map"] = "map"
    tekst = False

    def __init__(self, *, min_respondenten: int = 5, grafieken: Path | None = None) -> None:
        self.min_respondenten = min_respondenten
        self.cache = _Grafiekcache(grafieken)

    def schrijf(self, gegevens: Exportgegevens, doel: Path, *, zoekindex: bool = True) -> None:
        """Write the site into ``doel``; without ``zoekindex`` the pages only (the caller
        makes or keeps the search index, see :func:`bouw`)."""
        from jinja2 import (  # noqa: PLC0415 - only the site needs templates
            Environment,
            FileSystemLoader,
            StrictUndefined,
            select_autoescape,
        )

        omgeving = Environment(
            loader=FileSystemLoader(_SJABLONEN),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,  # a misspelt field is an error, not an empty page part
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            extensions=["jinja2.ext.i18n"],
        )
        # the templates' texts come from the package's own catalogue, in the language
        # of the build (`ozc --taal en site`); newstyle: _("… %(naam)s", naam=x) escapes x
        omgeving.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=_, ngettext=ngettext, newstyle=True
        )
        omgeving.globals["taal"] = huidige_taal()
        omgeving.filters["getal"] = lambda w: getal(w, decimalen=1)
        omgeving.filters["datum"] = lambda d: lange_datum(d) if d else ""
        omgeving.filters["weergave"] = weergave
        omgeving.filters["kort_verloop"] = korte_verlooptekst
        omgeving.filters["eenheid"] = met_eenheid
        site = _Site(gegevens, self.min_respondenten)
        doel.mkdir(parents=True, exist_ok=True)
        for map_ in ("scholen", "themas", "onderzoek", "besluiten"):
            (doel / map_).mkdir(exist_ok=True)
        (doel / "stijl.css").write_text(
            (_SJABLONEN / "stijl.css").read_text(encoding="utf-8"), encoding="utf-8"
        )

        def pagina(pad: str, sjabloon: str, titel: str, **waarden: Any) -> None:
            diepte = pad.count("/")
            html = omgeving.get_template(sjabloon).render(
                site=site,
                titel=titel,
                basis="../" * diepte,
                partnerschap=gegevens.werkplaats_naam,
                gemaakt=gegevens.datum,
                themapad=_themapad,
                **waarden,
            )
            for schuilnaam, naam in site.terug_in_tekst.items():
                html = html.replace(schuilnaam, naam)
            (doel / pad).write_text(html, encoding="utf-8", newline="\n")

        lopend = [
            o for o in site.onderzoek if o.pad is None and o.cyclus.fase is not Fase.AANLEIDING
        ]
        klaar = sorted(
            (o for o in site.onderzoek if o.pad is not None),
            key=lambda o: o.afgerond or dt.date.min,
            reverse=True,
        )
        self.cache.teken_vooraf(
            [d for o in klaar for d in _grafiekdata(o.cyclus, _grafieksleutel(o))]
        )
        pagina(
            "index.html",
            "index.html",
            gegevens.werkplaats_naam,
            lopend=lopend,
            klaar=klaar[:10],
            themas=sorted(site.op_thema, key=str.casefold),
        )
        per_school: dict[str, list[Werkgroep]] = defaultdict(list)
        for g in site.werkgroepen:
            for school_id in g.scholen:
                per_school[school_id].append(g)
        onderzoek_van: dict[str, list[_Onderzoek]] = defaultdict(list)
        for o in site.onderzoek:
            onderzoek_van[o.groep.id].append(o)
        for s in site.scholen:
            groepen = per_school.get(s.id, [])
            themas = list(dict.fromkeys(t for g in groepen for t in site.themas_van(g)))
            ook = {t: [x for x in site.scholen_op(t) if x.id != s.id] for t in themas}
            pagina(
                f"scholen/{s.id}.html",
                "school.html",
                s.naam,
                school=s,
                groepen=groepen,
                onderzoek=[o for g in groepen for o in onderzoek_van[g.id]],
                ook={t: v for t, v in ook.items() if v},
                zelfevaluaties=site.zelfevaluaties_van(s.id),
                bezoeken=site.bezoeken_van(s.id),
            )
        for label in site.op_thema:
            op_thema = {g.id for g in site.op_thema[label]}
            pagina(
                _themapad(label),
                "thema.html",
                label,
                label=label,
                breder=site.breder(label),
                smaller=site.smaller(label),
                groepen=site.op_thema[label],
                scholen=site.scholen_op(label),
                experts=site.experts_op(label),
                klaar=[o for o in klaar if o.groep.id in op_thema],
            )
        for o in klaar:
            assert o.pad is not None
            pagina(
                o.pad,
                "onderzoek.html",
                o.cyclus.vraag,
                o=o,
                grafieken=_grafieken(o.cyclus, _grafieksleutel(o), self.cache),
            )
        for b in site.besluiten:
            pagina(f"besluiten/{b.id}.html", "besluit.html", b.titel, b=b)
        if site.agenda:
            from onderzoekscyclus.domein.ontwikkelagenda import schooljaar_van  # noqa: PLC0415

            per_jaar: dict[str, list[Any]] = defaultdict(list)
            for punt in site.agenda:
                for jaar in punt.schooljaren:
                    per_jaar[jaar].append(punt)
            pagina(
                "ontwikkelagenda.html",
                "ontwikkelagenda.html",
                _("Ontwikkelagenda"),
                jaren=sorted(per_jaar.items()),
                huidig=schooljaar_van(gegevens.datum),
                klaar_van=lambda p: [o for o in klaar if o.groep.id in p.werkgroepen],
            )
        pagina("toegankelijkheid.html", "toegankelijkheid.html", _("Toegankelijkheid"))
        pagina("colofon.html", "colofon.html", _("Colofon"))
        pagina("zoeken.html", "zoeken.html", _("Zoeken"))
        if zoekindex:
            _zoekindex(doel)


def _zoekindex(doel: Path) -> None:
    """The search index of the pages, made by Pagefind (a static search library: the
    index lies beside the pages and the browser searches it, no server needed)."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    klaar = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(doel), "--silent"],
        capture_output=True,
        text=True,
        check=False,
    )
    if klaar.returncode != 0:
        raise RuntimeError(f"pagefind: {klaar.stderr.strip() or klaar.stdout.strip()}")


@attrs.frozen
class Voorbeeldregel:
    """One personal datum and what the site does with it: ``soort`` (``persoon`` or
    ``zelfevaluatie``, ``besluit``, ``logboek``), what it is, whether it is published
    and why."""

    soort: str
    wat: str
    gepubliceerd: bool
    waarom: str


def voorbeeld(gegevens: Exportgegevens, *, min_respondenten: int = 5) -> list[Voorbeeldregel]:
    """What the site would publish of each personal datum, and why (for ``ozc site
    --voorbeeld``). ``gegevens`` is the werkplaats as it is, not pseudonymised."""
    uit = []
    for p in sorted(gegevens.entiteiten.get("personen", ()), key=lambda p: p.naam.casefold()):
        if p.toestemming is not None:
            uit.append(
                Voorbeeldregel(
                    "persoon", p.naam, True,
                    _("met naam: toestemming sinds {datum}").format(datum=p.toestemming.isoformat()),
                )
            )  # fmt: skip
        else:
            uit.append(
                Voorbeeldregel(
                    "persoon", p.naam, False,
                    _("geen toestemming: alleen de rol op de school (`ozc persoon toestemming`)"),
                )
            )  # fmt: skip
    from onderzoekscyclus.domein.uitslag import bereken  # noqa: PLC0415

    for m in sorted(gegevens.entiteiten.get("zelfevaluaties", ()), key=lambda m: (m.datum, m.id)):
        wie = gegevens.naam(m.school) if m.school else _("het partnerschap")
        wat = f"{m.instrument}, {wie}, {m.datum.isoformat()}"
        if not m.afgerond() or m.school is None:
            uit.append(
                Voorbeeldregel(
                    "zelfevaluatie", wat, False, _("niet afgerond of niet van één school")
                )
            )
            continue
        r = bereken(gegevens.werkplaats.zelfevaluaties.instrument(m.instrument), m)
        genoeg = r.respondenten >= min_respondenten
        waarom = (
            _("{n} respondenten: alleen gemiddelden per domein, bij de laatste meting")
            if genoeg
            else _("{n} respondenten, minder dan {min}: niet getoond")
        ).format(n=r.respondenten, min=min_respondenten)
        uit.append(Voorbeeldregel("zelfevaluatie", wat, genoeg, waarom))
    for b in gegevens.entiteiten.get("besluiten", ()):
        if b.openbaar:
            waarom = _("openbaar: het voorstel, het besluit en de uitvoering, zonder feedback")
        else:
            waarom = _("niet openbaar (`ozc besluit openbaar`)")
        uit.append(Voorbeeldregel("besluit", b.titel, b.openbaar, waarom))
    for g in gegevens.entiteiten.get("werkgroepen", ()):
        if g.logboek:
            uit.append(
                Voorbeeldregel("logboek", g.naam, False, _("logboeken staan niet op de website"))
            )
    return uit


_ZOEKMAP = "pagefind/"
"""Where Pagefind puts the search index, in the site's folder."""

GRAFIEKEN = ".onderzoekscyclus-grafieken"
"""The folder of drawn charts in the site's folder (see :class:`_Grafiekcache`)."""

MANIFEST = ".onderzoekscyclus-site"
"""The list of files the last build wrote, kept in the site's folder: what a rebuild may
remove. Files of others in the folder are never touched."""


@attrs.frozen
class Siteverslag:
    """What a build did: the folder, its pages, the files written anew (the rest were
    the same and stayed as they were), and the files of an earlier build that no longer
    belong to the site and were removed.

    .. versionadded:: 0.2.0
    """

    map: Path
    paginas: tuple[str, ...]
    geschreven: tuple[str, ...]
    ongewijzigd: int
    verwijderd: tuple[str, ...]


def bouw(gegevens: Exportgegevens, uit: Path, *, min_respondenten: int = 5) -> Siteverslag:
    """Build the site of ``gegevens`` (pseudonymised, see :func:`sitesleutel`) into
    ``uit``. Every page is made anew, but only a file whose bytes changed is written
    (atomically, so a visitor never reads half a page), and only the files of an earlier
    build that are no longer part of the site are removed."""
    import tempfile  # noqa: PLC0415

    from onderzoekscyclus.export.schrijven import controleer_doel  # noqa: PLC0415
    from onderzoekscyclus.opslag._atomic import write_atomic  # noqa: PLC0415

    controleer_doel(uit, gegevens.werkplaats.root)
    uit.mkdir(parents=True, exist_ok=True)
    oud_manifest = uit / MANIFEST
    oud = set(oud_manifest.read_text(encoding="utf-8").split()) if oud_manifest.is_file() else set()
    with tempfile.TemporaryDirectory(prefix=".site-", dir=uit.parent) as tijdelijk:
        nieuw_map = Path(tijdelijk) / "site"
        exporteur = SiteExporteur(min_respondenten=min_respondenten, grafieken=uit / GRAFIEKEN)
        exporteur.schrijf(gegevens, nieuw_map, zoekindex=False)
        exporteur.cache.ruim_op()
        nieuw = {
            p.relative_to(nieuw_map).as_posix(): p for p in nieuw_map.rglob("*") if p.is_file()
        }
        # the search index is made from the pages alone: when no page changed and the
        # earlier build's index is all there, it stays (Pagefind takes seconds)
        oude_index = sorted(n for n in oud if n.startswith(_ZOEKMAP))
        zelfde = bool(oude_index) and all((uit / n).is_file() for n in oude_index)
        zelfde = zelfde and {n for n in oud if not n.startswith(_ZOEKMAP)} == set(nieuw)
        zelfde = zelfde and all(
            (uit / n).read_bytes() == p.read_bytes()
            for n, p in nieuw.items()
            if n.endswith(".html")
        )
        if zelfde:
            nieuw.update((n, uit / n) for n in oude_index)
        else:
            _zoekindex(nieuw_map)
            nieuw = {
                p.relative_to(nieuw_map).as_posix(): p for p in nieuw_map.rglob("*") if p.is_file()
            }
        geschreven = []
        for naam, pad in sorted(nieuw.items()):
            doel = uit / naam
            inhoud = pad.read_bytes()
            if doel.is_file() and doel.read_bytes() == inhoud:
                continue
            doel.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(doel, inhoud)
            geschreven.append(naam)
    weg = sorted(oud - set(nieuw))
    for naam in weg:
        (uit / naam).unlink(missing_ok=True)
    write_atomic(oud_manifest, "".join(f"{n}\n" for n in sorted(nieuw)).encode("utf-8"))
    return Siteverslag(
        map=uit,
        paginas=tuple(n for n in sorted(nieuw) if n.endswith(".html")),
        geschreven=tuple(geschreven),
        ongewijzigd=len(nieuw) - len(geschreven),
        verwijderd=tuple(weg),
    )
