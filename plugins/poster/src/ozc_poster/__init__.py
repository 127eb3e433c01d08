"""The ``poster`` export of onderzoekscyclus: a werkgroep's research cycle as a poster.

One HTML file that a browser prints on A3 (or, scaled, on A4) and that can be mailed or
put on a website as it is: the styles are inside, there are no scripts, images, fonts or
anything else fetched from elsewhere. Per werkgroep in the export it shows the schools,
the members and, per research cycle, the question and its reason, the starting point
with its evidence, the goal with its link to the school's vision, the plan and what it
is grounded in, a run chart per indicator (baseline, measurements over time, median,
target; drawn by :mod:`onderzoekscyclus.export.grafiek`, with its text alternative,
its verdict on change and its points as a table), and the conclusion with the lessons
learned.

Everything a user typed is escaped. Web addresses in texts become links only when they
start with ``http://``, ``https://`` or ``mailto:``; anything else (``javascript:``,
``data:``) stays plain text. Persons appear by the name the export gives them, a
pseudonym when the export is pseudonymised.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Literal

from onderzoekscyclus import (
    Conclusie,
    Fase,
    Onderzoekscyclus,
    OnderzoekscyclusError,
    School,
    Werkgroep,
    groepen_van,
    korte_verlooptekst,
    methodekwaliteit,
    resultaten_van,
    verloop_van,
    verlooptekst,
)
from onderzoekscyclus.export import (
    Exportgegevens,
    grafiekgegevens,
    lange_datum,
    svg_in_html,
    tabel,
)
from onderzoekscyclus.export import met_eenheid as _met_eenheid

__all__ = ["PosterExporteur", "met_links", "poster"]

_SCHEMAS = frozenset({"http", "https", "mailto"})
_LINK = re.compile(r"(?<![\w@/:.])(?:https?://|mailto:)[^\s<>\"'`]+", re.IGNORECASE)
_LEESTEKENS_ACHTER = ".,;:!?)]}"

_CONCLUSIES = {
    Conclusie.BEREIKT: "Doel bereikt",
    Conclusie.DEELS: "Doel deels bereikt",
    Conclusie.NIET_BEREIKT: "Doel niet bereikt",
}


def met_eenheid(waarde: float | None, eenheid: str) -> str:
    """``62%``, ``2,4 score 1-5``: a value with its unit, as the poster writes it."""
    return _met_eenheid(waarde, eenheid, significant=6)


def _e(tekst: str) -> str:
    return html.escape(tekst, quote=True)


def _veilige_link(adres: str) -> bool:
    delen = urllib.parse.urlsplit(adres)
    if delen.scheme.lower() not in _SCHEMAS:
        return False
    if delen.scheme.lower() == "mailto":
        return len(adres) > len("mailto:")
    return bool(delen.netloc)


def met_links(tekst: str) -> str:
    """``tekst`` escaped for HTML, with its http, https and mailto addresses as links."""
    stukken: list[str] = []
    begin = 0
    for gevonden in _LINK.finditer(tekst):
        adres = gevonden.group(0).rstrip(_LEESTEKENS_ACHTER)
        if not _veilige_link(adres):
            continue
        stukken.append(_e(tekst[begin : gevonden.start()]))
        stukken.append(f'<a href="{_e(adres)}" rel="noopener noreferrer">{_e(adres)}</a>')
        begin = gevonden.start() + len(adres)
    stukken.append(_e(tekst[begin:]))
    return "".join(stukken)


def _alinea(tekst: str | None, klasse: str = "tekst") -> str:
    if not tekst:
        return ""
    return f'<p class="{klasse}">{met_links(tekst)}</p>'


def _lijst(items: Iterable[str], klasse: str) -> str:
    regels = [f"<li>{item}</li>" for item in items]
    if not regels:
        return ""
    return f'<ul class="{klasse}">{"".join(regels)}</ul>'


def _paneel(nummer: str, titel: str, inhoud: str, klasse: str = "") -> str:
    if not inhoud:
        return ""
    return (
        f'<section class="paneel {klasse}"><h3><span class="stap">{_e(nummer)}</span>'
        f"{_e(titel)}</h3>{inhoud}</section>"
    )


# --- the parts of a cycle ---------------------------------------------------------------


class _Opmaak:
    """Writes one werkgroep's part of the poster, with names from the export."""

    def __init__(self, gegevens: Exportgegevens, groep: Werkgroep) -> None:
        self.gegevens = gegevens
        self.groep = groep
        scholen = {s.id: s for s in gegevens.scholen}
        self.scholen: list[School] = [scholen[s] for s in groep.scholen if s in scholen]

    def naam(self, id_: str | None) -> str:
        return self.gegevens.naam(id_)

    def werkgroepnaam(self, id_: str) -> str:
        naam = self.gegevens.naam(id_)
        if naam != id_:
            return naam
        try:  # a werkgroep outside the selection, pseudonymised like everything else
            return self.gegevens.schoon(self.gegevens.werkplaats.werkgroepen.zoek(id_).naam)
        except OnderzoekscyclusError:
            return id_

    def kop(self) -> str:
        groep = self.groep
        scholen = " · ".join(_e(self.naam(s)) for s in groep.scholen)
        leden = ", ".join(
            _e(self.naam(lid.persoon))
            + (f" ({_e(lid.rol.value)})" if lid.rol.value != "lid" else "")
            for lid in groep.leden
        )
        themas = ", ".join(_e(t) for t in groep.themas)
        regels = [
            f'<p class="scholen">{scholen}</p>',
            f"<h1>{_e(groep.naam)}</h1>",
            f'<p class="soort">{_e(groep.soort.value)}'
            + (f" · thema's: {themas}" if themas else "")
            + "</p>",
        ]
        if leden:
            regels.append(f'<p class="leden">Werkgroep: {leden}</p>')
        return f'<header class="kop">{"".join(regels)}</header>'

    def beginsituatie(self, c: Onderzoekscyclus) -> str:
        bronnen = [
            f'<span class="bronsoort">{_e(b.soort)}, {_e(lange_datum(b.datum))}</span> '
            f"{met_links(b.beschrijving)}"
            for b in c.bronnen
        ]
        inhoud = _alinea(c.beginsituatie)
        if bronnen:
            inhoud += "<h4>Waar blijkt dat uit?</h4>" + _lijst(bronnen, "bronnen")
        return _paneel("1", "Waar staan we?", inhoud, "beginsituatie")

    def doel(self, c: Onderzoekscyclus) -> str:
        inhoud = _alinea(c.doel)
        if c.visie:
            element = next(
                (v for s in self.scholen if (v := s.visie_element(c.visie)) is not None), None
            )
            uitleg = f": {met_links(element.tekst)}" if element else ""
            inhoud += (
                f'<p class="visie"><strong>Waarom: de visie van de school</strong> '
                f"<em>{_e(c.visie)}</em>{uitleg}</p>"
            )
        if c.indicatoren:
            rijen = "".join(
                f"<tr><td>{_e(i.naam)}{' <small>(later toegevoegd)</small>' if i.achteraf else ''}"
                f"</td><td>{_e(met_eenheid(i.nulmeting, i.eenheid))}</td>"
                f"<td>{_e(met_eenheid(i.streefwaarde, i.eenheid))}</td></tr>"
                for i in c.indicatoren
            )
            inhoud += (
                '<table class="indicatoren"><thead><tr><th>Indicator</th><th>Nulmeting</th>'
                f"<th>Streefwaarde</th></tr></thead><tbody>{rijen}</tbody></table>"
            )
        return _paneel("2", "Waar willen we naartoe, en waarom?", inhoud, "doel")

    def plan(self, c: Onderzoekscyclus) -> str:
        acties = []
        for actie in c.acties:
            wanneer = lange_datum(actie.datum) if actie.datum else actie.wanneer or ""
            wie_wanneer = [w for w in (self.naam(actie.wie), wanneer) if w]
            extra = (
                f' <span class="wie">({_e(", ".join(wie_wanneer))})</span>' if wie_wanneer else ""
            )
            acties.append(met_links(actie.wat) + extra)
        gronden = []
        for grond in c.onderbouwing:
            if grond.literatuur:
                gronden.append(met_links(grond.literatuur))
            elif grond.werkgroep:
                cyclus = f", cyclus {grond.cyclus}" if grond.cyclus else ""
                gronden.append(
                    f"Ervaring van werkgroep {_e(self.werkgroepnaam(grond.werkgroep))}{cyclus}"
                )
        inhoud = _lijst(acties, "acties")
        if gronden:
            inhoud += "<h4>Waarop baseren we dit?</h4>" + _lijst(gronden, "onderbouwing")
        return _paneel("3", "Wat gaan we doen?", inhoud, "plan")

    def resultaten(self, c: Onderzoekscyclus) -> str:
        figuren = []
        for nr, (indicator, resultaat) in enumerate(
            zip(c.indicatoren, resultaten_van(c), strict=True), start=1
        ):
            g = grafiekgegevens(c, indicator.naam)
            svg = svg_in_html(g, f"g-{self.groep.id}-{c.nummer}-{nr}")
            if resultaat.laatste is None or resultaat.datum is None:
                stand = "Nog geen metingen."
            else:
                oordeel = "doel gehaald" if resultaat.bereikt else "doel nog niet gehaald"
                stand = (
                    f"Nulmeting {met_eenheid(indicator.nulmeting, indicator.eenheid)}, "
                    f"laatste meting {met_eenheid(resultaat.laatste, indicator.eenheid)} "
                    f"({lange_datum(resultaat.datum)}), streefwaarde "
                    f"{met_eenheid(indicator.streefwaarde, indicator.eenheid)}: {oordeel}."
                )
            verloop = verlooptekst(g.verloop, g.waarde(g.verloop.midden))
            groepen = "".join(
                f"<li>{_e(o.groep or '')}: {_e(korte_verlooptekst(o))}</li>"
                for o in (verloop_van(c, indicator, x) for x in groepen_van(c, indicator))
            )
            rijen = "".join(
                f"<tr><td>{_e(d)}</td><td>{_e(w)}</td><td>{_e(soort)}</td></tr>"
                for d, w, soort in tabel(g)
            )
            figuren.append(
                f'<figure class="indicator" data-indicator="{_e(indicator.naam)}" '
                f'data-cyclus="{c.nummer}">{svg}<figcaption><strong>{_e(indicator.naam)}</strong>'
                f" {_e(stand)} Verloop: {_e(verloop)}"
                + (f'<ul class="groepen">{groepen}</ul>' if groepen else "")
                + "</figcaption>"
                '<details class="meetpunten"><summary>De meetpunten als tabel</summary>'
                '<table class="meetpunten"><thead><tr><th>Datum</th><th>Waarde</th>'
                f"<th>Soort</th></tr></thead><tbody>{rijen}</tbody></table></details></figure>"
            )
        inhoud = f'<div class="grafieken">{"".join(figuren)}</div>' if figuren else ""
        return _paneel("4", "Wat hebben we gemeten?", inhoud, "resultaten breed")

    def evaluatie(self, c: Onderzoekscyclus) -> str:
        if c.evaluatie is None:
            return ""
        ev = c.evaluatie
        inhoud = (
            f'<p class="oordeel {_e(ev.conclusie.value)}">{_e(_CONCLUSIES[ev.conclusie])}'
            f" <small>({_e(lange_datum(ev.datum))})</small></p>" + _alinea(ev.tekst, "conclusie")
        )
        if ev.lessen:
            inhoud += "<h4>Wat hebben we geleerd?</h4>" + _lijst(
                (met_links(les) for les in ev.lessen), "lessen"
            )
        return _paneel("5", "Zijn we er gekomen?", inhoud, "evaluatie breed")

    def methode(self, c: Onderzoekscyclus) -> str:
        kwaliteit = methodekwaliteit(c, heeft_vervolg=self.groep.heeft_vervolg(c))
        items = [
            f'<li class="{"ja" if e.aanwezig else "nee"}">'
            f'<span aria-hidden="true">{"✔" if e.aanwezig else "○"}</span> {_e(e.omschrijving)}</li>'
            for e in kwaliteit.elementen
        ]
        return (
            f'<details class="methode" open><summary>Methode: {kwaliteit.score} van '
            f"{kwaliteit.totaal} onderdelen vastgelegd</summary>"
            f"<ul>{''.join(items)}</ul></details>"
        )

    def cyclus(self, c: Onderzoekscyclus) -> str:
        status = c.fase.value
        if c.gepauzeerd:
            status += ", gepauzeerd"
        vervolg = f" · vervolg op cyclus {c.vorige}" if c.vorige else ""
        loopt = (
            ""
            if c.fase is Fase.AFGEROND
            else f'<p class="loopt">Deze cyclus loopt nog: hij staat in de fase {_e(status)}.</p>'
        )
        panelen = "".join(
            [
                self.beginsituatie(c),
                self.doel(c),
                self.plan(c),
                self.resultaten(c),
                self.evaluatie(c),
            ]
        )
        return (
            f'<article class="cyclus" id="cyclus-{_e(self.groep.id)}-{c.nummer}">'
            f'<p class="cycluskop">Onderzoekscyclus {c.nummer} · {_e(status)} · gestart '
            f"{_e(lange_datum(c.gestart))}{_e(vervolg)}</p>"
            f'<div class="vraagblok"><h2 class="vraag">{met_links(c.vraag)}</h2>'
            f'<p class="aanleiding"><strong>Aanleiding:</strong> {met_links(c.aanleiding)}</p></div>'
            f'{loopt}<div class="raster">{panelen}</div>{self.methode(c)}</article>'
        )

    def werkgroep(self) -> str:
        cycli = "".join(self.cyclus(c) for c in self.groep.cycli) or (
            '<p class="loopt">Deze werkgroep is nog niet met een onderzoekscyclus begonnen.</p>'
        )
        return (
            f'<section class="werkgroep" id="werkgroep-{_e(self.groep.id)}">'
            f"{self.kop()}{cycli}</section>"
        )


# --- the page ---------------------------------------------------------------------------

_STIJL = """
@page { size: A3 portrait; margin: 12mm; }
:root { --inkt: #1c2633; --accent: #1f5fa8; --zacht: #eef3f9; --lijn: #c9d4e2;
  --goed: #2e7d32; --half: #b26a00; --mis: #b3261e; --grijs: #5f6b7a; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--inkt); background: #fff; font: 11pt/1.45 "Segoe UI", "Helvetica Neue",
  Helvetica, Arial, sans-serif; }
main { max-width: 273mm; margin: 0 auto; padding: 10mm 8mm; }
section.werkgroep + section.werkgroep { margin-top: 16mm; }
header.kop { border-bottom: 3mm solid var(--accent); padding-bottom: 4mm; margin-bottom: 6mm; }
header.kop h1 { font-size: 30pt; line-height: 1.1; margin: 1mm 0 2mm; }
.scholen { font-size: 13pt; font-weight: 600; color: var(--accent); margin: 0;
  text-transform: uppercase; letter-spacing: .04em; }
.soort, .leden { margin: 0; color: var(--grijs); }
article.cyclus + article.cyclus { margin-top: 12mm; border-top: 1px dashed var(--lijn); padding-top: 8mm; }
.cycluskop { margin: 0 0 2mm; color: var(--grijs); font-weight: 600; }
.vraagblok { background: var(--zacht); border-left: 3mm solid var(--accent); padding: 5mm 6mm;
  border-radius: 0 3mm 3mm 0; margin-bottom: 6mm; }
h2.vraag { font-size: 20pt; line-height: 1.25; margin: 0 0 2mm; }
.aanleiding { margin: 0; }
.loopt { font-style: italic; color: var(--grijs); }
.raster { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 5mm; }
.paneel { border: 1px solid var(--lijn); border-radius: 3mm; padding: 4mm 5mm;
  break-inside: avoid; page-break-inside: avoid; }
.paneel.breed { grid-column: 1 / -1; }
.paneel h3 { font-size: 14pt; margin: 0 0 3mm; display: flex; align-items: center; gap: 3mm; }
.paneel h4 { font-size: 11pt; margin: 4mm 0 1mm; }
.stap { display: inline-flex; align-items: center; justify-content: center; width: 9mm;
  height: 9mm; border-radius: 50%; background: var(--accent); color: #fff; font-size: 12pt;
  flex: none; }
.tekst, .conclusie { white-space: pre-line; margin: 0 0 2mm; }
ul { margin: 1mm 0; padding-left: 5mm; }
li { margin: 0 0 1mm; white-space: pre-line; }
.bronsoort, .wie, small { color: var(--grijs); }
.visie { margin: 2mm 0; }
table.indicatoren { width: 100%; border-collapse: collapse; margin-top: 3mm; font-size: 10pt; }
table.indicatoren th, table.indicatoren td { text-align: left; padding: 1mm 2mm;
  border-bottom: 1px solid var(--lijn); }
.grafieken { display: grid; grid-template-columns: repeat(auto-fit, minmax(110mm, 1fr)); gap: 5mm; }
figure.indicator { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 10pt; margin-top: 1mm; }
svg.grafiek { width: 100%; height: auto; display: block; font-size: 11px; }
svg .raster { stroke: #e3e9f0; stroke-width: 1; }
svg line.as { stroke: var(--grijs); stroke-width: 1; }
svg text { fill: var(--inkt); }
svg text.as { fill: var(--grijs); }
svg .streefwaarde { stroke: var(--goed); stroke-width: 2; stroke-dasharray: 6 4; }
svg text.doel { fill: var(--goed); font-weight: 600; }
svg .verloop { fill: none; stroke: var(--accent); stroke-width: 2.5; }
svg circle.meting { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
svg circle.nulmeting { fill: #fff; stroke: var(--grijs); stroke-width: 2.5; }
svg text.waarde { font-weight: 600; }
.oordeel { display: inline-block; font-size: 14pt; font-weight: 700; color: #fff;
  border-radius: 2mm; padding: 1mm 4mm; margin: 0 0 3mm; }
.oordeel small { color: inherit; font-weight: 400; }
.oordeel.bereikt { background: var(--goed); }
.oordeel.deels { background: var(--half); }
.oordeel.niet-bereikt { background: var(--mis); }
details.methode { margin-top: 4mm; font-size: 10pt; color: var(--grijs); }
details.methode summary { font-weight: 600; }
details.methode ul { list-style: none; padding: 0; columns: 2; }
details.methode li.ja span { color: var(--goed); }
a { color: var(--accent); overflow-wrap: anywhere; }
footer { margin-top: 10mm; padding-top: 3mm; border-top: 1px solid var(--lijn);
  font-size: 9pt; color: var(--grijs); }
@media print {
  main { max-width: none; padding: 0; }
  section.werkgroep + section.werkgroep { break-before: page; page-break-before: always; margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}
@media screen and (max-width: 700px) {
  .raster { grid-template-columns: 1fr; }
  header.kop h1 { font-size: 22pt; }
}
"""


def _versie() -> str:
    try:
        return metadata.version("onderzoekscyclus")
    except metadata.PackageNotFoundError:
        return ""


def _titel(gegevens: Exportgegevens, groepen: Sequence[Werkgroep]) -> str:
    if len(groepen) == 1:
        return f"{groepen[0].naam}: onderzoek in de praktijk"
    return f"{gegevens.werkplaats_naam}: onderzoek in de praktijk"


def poster(gegevens: Exportgegevens) -> str:
    """The poster of every werkgroep in ``gegevens``, one section each, as one HTML page."""
    groepen = gegevens.werkgroepen
    delen = [_Opmaak(gegevens, g).werkgroep() for g in groepen] or [
        '<p class="loopt">Deze export bevat geen werkgroep. Kies er een met '
        "<code>ozc export poster --werkgroep WERKGROEP</code>.</p>"
    ]
    voet = [
        f"{_e(gegevens.werkplaats_naam)} · gemaakt op {_e(lange_datum(gegevens.datum))} "
        f"met onderzoekscyclus {_e(_versie())}".rstrip()
    ]
    if gegevens.pseudoniem:
        voet.append("Namen van personen zijn vervangen door pseudoniemen.")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="onderzoekscyclus-poster">\n'
        f"<title>{_e(_titel(gegevens, groepen))}</title>\n"
        f"<style>{_STIJL}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(delen)
        + f"\n<footer>{'<br>'.join(voet)}</footer>\n</main>\n</body>\n</html>\n"
    )


class PosterExporteur:
    """Writes :func:`poster` as a UTF-8 HTML file."""

    beschrijving = "Afdrukbare poster van de onderzoekscyclus van een werkgroep (HTML)"
    extensie = ".html"
    soort: Literal["bestand", "map"] = "bestand"
    tekst = True

    def schrijf(self, gegevens: Exportgegevens, doel: Path) -> None:
        doel.write_text(poster(gegevens), encoding="utf-8", newline="\n")
