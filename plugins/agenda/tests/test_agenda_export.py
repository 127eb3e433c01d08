"""The ``ics`` export, read back with the icalendar package and compared with the werkplaats."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
from ozc_agenda import IcsExporteur

from onderzoekscyclus import VasteKlok, Werkgroep, Werkplaats, plugins
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.export import Selectie, exporteer, exporteurs, lange_datum, met_eenheid

VANDAAG = "2026-11-23"
VIJANDIG = (
    'Komma, puntkomma; dubbele punt: backslash \\ "quote" <script>alert(1)</script>'
    '\r\nregel 2\rregel 3 =HYPERLINK("x") 🎉'
)
INDICATOR = 'leesplezier; "groep 5", \\ 🎉'


@pytest.fixture(autouse=True)
def _vaste_omgeving(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests do not depend on the caller's environment, language or date."""
    for naam in ("ONDERZOEKSCYCLUS_WERKPLAATS", "ONDERZOEKSCYCLUS_TAAL", plugins.GEEN_PLUGINS):
        monkeypatch.delenv(naam, raising=False)
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Werkplaats]:
    """The demo werkplaats, made once: the exports only read it."""
    with pytest.MonkeyPatch.context() as omgeving:
        omgeving.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG)
        yield maak_demo(
            tmp_path_factory.mktemp("demo") / "w", vandaag=dt.date.fromisoformat(VANDAAG)
        )


def _op(klok: VasteKlok, datum: str) -> dt.date:
    klok.zet(dt.date.fromisoformat(datum))
    return klok()


@pytest.fixture
def vijandig(tmp_path: Path) -> Werkplaats:
    """A besluit that went all the way to its re-evaluation date and a research cycle
    with measurements and an evaluation, every text full of iCalendar's special characters."""
    klok = VasteKlok(dt.date(2026, 3, 1))
    begin = klok()
    wp = Werkplaats.maak(tmp_path / "v", "Werkplaats; met, tekens", vandaag=klok)
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["lezen"])
    wp.werkgroepen.toevoegen('Lezen; "groep 5,6"', scholen=["De Regenboog"], themas=["lezen"])
    wp.werkgroepen.lid("Lezen", "Anna", rol="leider")
    besluiten = wp.besluitvorming
    besluit = besluiten.nieuw(VIJANDIG, werkgroep="Lezen", thema="lezen")
    besluiten.voorstel(besluit.id, VIJANDIG, leider="Anna")
    besluiten.feedback_open(besluit.id, tot=begin + dt.timedelta(days=14))
    besluiten.feedback(besluit.id, VIJANDIG, extern="Piet Ouder", rol="ouder")
    wp.cycli.start("Lezen", aanleiding=VIJANDIG, vraag=VIJANDIG, datum=begin)
    wp.cycli.beginsituatie("Lezen", tekst=VIJANDIG, bronnen=["enquête"], datum=begin)
    wp.cycli.doel(
        "Lezen",
        tekst="Meer leesplezier",
        visie="eigenaarschap",
        indicatoren=[(INDICATOR, "%", 40.0, 55.5), ("boeken", "per maand", 1.0, 2.0)],
        datum=begin,
    )
    wp.cycli.plan("Lezen", acties=[("voorlezen", None, None)], literatuur=["boek"], datum=begin)
    wp.cycli.uitvoeren("Lezen", datum=begin)
    _op(klok, "2026-04-10")  # the measurements lie in the past
    for dagen, plezier in ((20, 47.25), (40, 56.0)):
        dag = begin + dt.timedelta(days=dagen)
        wp.cycli.meting("Lezen", indicator=INDICATOR, waarde=plezier, datum=dag)
    wp.cycli.meting("Lezen", indicator="boeken", waarde=2, datum=begin + dt.timedelta(days=40))
    _op(klok, "2026-06-01")
    wp.cycli.evaluatie(
        "Lezen", conclusie="bereikt", tekst=VIJANDIG, lessen=[VIJANDIG, "samen; lezen"]
    )
    besluiten.reageer(besluit.id, 1, oordeel="overgenomen", motivatie="goed punt, dank")
    besluiten.neem(besluit.id, VIJANDIG)
    besluiten.implementeer(besluit.id)
    besluiten.evalueer(besluit.id, VIJANDIG, bronnen=[VIJANDIG], metingen=["Lezen:1"])
    besluiten.borg(besluit.id, herevaluatie=dt.date(2027, 6, 1))
    _op(klok, VANDAAG)
    return wp


def _lees(pad: Path) -> list[icalendar.Event]:
    kalender = icalendar.Calendar.from_ical(pad.read_bytes())
    assert str(kalender["version"]) == "2.0"
    return list(kalender.walk("VEVENT"))


def _tekst(event: icalendar.Event, veld: str) -> str:
    return str(event[veld])


def _categorie(event: icalendar.Event) -> str:
    (categorie,) = event["categories"].cats
    return str(categorie)


def _verwacht(wp: Werkplaats) -> Counter[tuple[str, dt.date, str]]:
    """(category, date, werkgroep name) of every event the werkplaats calls for."""
    uit: Counter[tuple[str, dt.date, str]] = Counter()
    for besluit in wp.besluitvorming.lijst():
        groep = wp.werkgroepen.zoek(besluit.werkgroep).naam
        for ronde in besluit.rondes:
            uit["Feedback", ronde.gesloten or ronde.tot, groep] += 1
        for evaluatie in besluit.evaluaties:
            uit["Evaluatie", evaluatie.datum, groep] += 1
        if besluit.herevaluatie is not None:
            uit["Herevaluatie", besluit.herevaluatie, groep] += 1
    for groep in wp.werkgroepen.lijst():
        for cyclus in groep.cycli:
            for dag in {m.datum for m in cyclus.metingen}:
                uit["Meetmoment", dag, groep.naam] += 1
            if cyclus.evaluatie is not None:
                uit["Evaluatie", cyclus.evaluatie.datum, groep.naam] += 1
            for actie in cyclus.acties:
                if actie.datum is not None:
                    uit["Actie", actie.datum, groep.naam] += 1
        for dag in _volgende_metingen(groep):
            uit["Meting gepland", dag, groep.naam] += 1
    return uit


def _volgende_metingen(groep: Werkgroep) -> list[dt.date]:
    """Per indicator of a cycle in its uitvoering: six weeks after its last measurement
    since the uitvoering began, or after that beginning."""
    c = groep.actieve_cyclus()
    if c is None or c.fase.value != "uitvoering" or c.gepauzeerd:
        return []
    begin = max(r.datum for r in c.historie if r.naar == "uitvoering" and r.van != r.naar)
    return [
        max([begin, *(m.datum for m in c.metingen_van(i.naam))]) + dt.timedelta(weeks=6)
        for i in c.indicatoren
    ]


def _gelezen(events: list[icalendar.Event]) -> Counter[tuple[str, dt.date, str]]:
    uit: Counter[tuple[str, dt.date, str]] = Counter()
    for event in events:
        groep = re.search(r"^Werkgroep: (.*)$", _tekst(event, "description"), re.M)
        assert groep is not None, _tekst(event, "description")
        uit[_categorie(event), event["dtstart"].dt, groep.group(1)] += 1
    return uit


def _exporteer(wp: Werkplaats, doel: Path, **opties: Any) -> Path:
    resultaat = exporteer(wp, "ics", doel, **opties)
    assert resultaat.pad == doel
    return doel


def test_exporteur_is_te_vinden_via_entry_points() -> None:
    """``ics`` is found through the entry-point group, from this distribution."""
    gevonden, _waarschuwingen = exporteurs()
    assert isinstance(gevonden["ics"], IcsExporteur)
    (plugin,) = [p for p in plugins.plugins() if p.naam == "ics"]
    assert (plugin.distributie, plugin.ingebouwd, plugin.fout) == (
        "onderzoekscyclus-agenda",
        False,
        None,
    )


def test_agenda_bevat_elke_datum_uit_de_werkplaats(demo: Werkplaats, tmp_path: Path) -> None:
    """Every feedback round, evaluation, re-evaluation and measurement day of the demo is
    one all-day event, with its werkgroep in summary and description."""
    events = _lees(_exporteer(demo, tmp_path / "agenda.ics"))
    verwacht = _verwacht(demo)
    assert {c for c, _d, _g in verwacht} == {
        "Feedback",
        "Evaluatie",
        "Herevaluatie",
        "Meetmoment",
        "Meting gepland",
    }
    assert _gelezen(events) == verwacht
    stempel = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
    for event in events:
        begin, einde = event["dtstart"].dt, event["dtend"].dt
        assert type(begin) is dt.date and type(einde) is dt.date
        assert einde - begin == dt.timedelta(days=1)
        assert event["dtstamp"].dt == stempel
        groep = re.search(r"^Werkgroep: (.*)$", _tekst(event, "description"), re.M)
        assert groep is not None and groep.group(1) in _tekst(event, "summary")
        assert str(event["transp"]) == "TRANSPARENT"
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert [e["dtstart"].dt for e in events] == sorted(e["dtstart"].dt for e in events)


def test_meetmoment_noemt_elke_meting_met_nulmeting_en_streefwaarde(
    demo: Werkplaats, tmp_path: Path
) -> None:
    """A measurement day lists each indicator measured that day, with value, unit,
    baseline and target, under the cycle's question."""
    events = _lees(_exporteer(demo, tmp_path / "agenda.ics"))
    groep = demo.werkgroepen.zoek("rekenen")
    cyclus = groep.cycli[0]
    for meting in cyclus.metingen:
        indicator = cyclus.indicator(meting.indicator)
        assert indicator is not None
        (event,) = [
            e
            for e in events
            if _categorie(e) == "Meetmoment"
            and e["dtstart"].dt == meting.datum
            and groep.naam in _tekst(e, "summary")
        ]
        beschrijving = _tekst(event, "description")
        assert cyclus.vraag in beschrijving
        regel = f"- {indicator.naam}: {met_eenheid(meting.waarde, indicator.eenheid)} "
        assert regel in beschrijving
        assert f"nulmeting {met_eenheid(indicator.nulmeting, indicator.eenheid)}" in beschrijving
        streef = met_eenheid(indicator.streefwaarde, indicator.eenheid)
        assert f"streefwaarde {streef}" in beschrijving


def test_vijandige_tekst_komt_heel_terug(vijandig: Werkplaats, tmp_path: Path) -> None:
    """Commas, semicolons, colons, backslashes, quotes, markup, line ends and emoji come
    back as typed (line ends as \\n), and the file stays valid iCalendar: CRLF line ends
    and folded lines of at most 75 octets."""
    pad = _exporteer(vijandig, tmp_path / "agenda.ics")
    events = _lees(pad)
    schoon = VIJANDIG.replace("\r\n", "\n").replace("\r", "\n")
    per_soort = {_categorie(e): e for e in events if "Lezen" in _tekst(e, "summary")}
    assert set(per_soort) == {"Feedback", "Evaluatie", "Herevaluatie", "Meetmoment"}
    for categorie in ("Feedback", "Herevaluatie"):
        assert schoon in _tekst(per_soort[categorie], "summary")
        assert f"Besluit: {schoon}" in _tekst(per_soort[categorie], "description")
    besluit = vijandig.besluitvorming.lijst()[0]
    evaluaties = [e for e in events if _categorie(e) == "Evaluatie"]
    assert len(evaluaties) == 2
    beschrijvingen = "\n".join(_tekst(e, "description") for e in evaluaties)
    assert f"- {schoon}" in beschrijvingen
    assert 'Lezen; "groep 5,6", cyclus 1' in beschrijvingen
    assert "- samen; lezen" in beschrijvingen
    assert besluit.besluit is not None
    assert f"Genomen besluit ({lange_datum(besluit.besluit.datum)}): {schoon}" in beschrijvingen
    metingen = "\n".join(_tekst(e, "description") for e in events if _categorie(e) == "Meetmoment")
    assert f"- {INDICATOR}: 47,25% (nulmeting 40%, streefwaarde 55,5%)" in metingen
    assert "- boeken: 2 per maand (nulmeting 1 per maand, streefwaarde 2 per maand)" in metingen
    ruw = pad.read_bytes()
    assert b"\r\n" in ruw
    regels = ruw.split(b"\r\n")
    assert all(b"\r" not in r and b"\n" not in r for r in regels)
    assert all(len(r) <= 75 for r in regels)


def test_zelfde_gegevens_geven_dezelfde_uids_en_bytes(vijandig: Werkplaats, tmp_path: Path) -> None:
    """The same data gives the same file; new data adds events without changing the UID
    or content of the ones that were already there."""
    een = _exporteer(vijandig, tmp_path / "een.ics").read_bytes()
    twee = _exporteer(vijandig, tmp_path / "twee.ics").read_bytes()
    assert een == twee
    voor = {str(e["uid"]): e.to_ical() for e in _lees(tmp_path / "een.ics")}
    besluiten = vijandig.besluitvorming
    nieuw = besluiten.nieuw("Stilleesmoment", werkgroep="Lezen", thema="lezen")
    besluiten.voorstel(nieuw.id, "Elke ochtend een kwartier", leider="Anna")
    besluiten.feedback_open(nieuw.id, tot=dt.date(2026, 12, 10))
    na = {str(e["uid"]): e.to_ical() for e in _lees(_exporteer(vijandig, tmp_path / "drie.ics"))}
    assert set(na) - set(voor) == {f"feedback-{nieuw.id}-ronde-1@onderzoekscyclus"}
    assert voor == {uid: na[uid] for uid in voor}


def test_acties_met_een_datum_en_de_volgende_meting(tmp_path: Path) -> None:
    """An action of the plan with a day is an event on that day (one in words is not);
    the next measurement of each indicator is an event six weeks after the last, and
    moves, keeping its UID, when a measurement is recorded."""
    klok = VasteKlok(dt.date(2026, 9, 1))
    wp = Werkplaats.maak(tmp_path / "a", "Acties", vandaag=klok)
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"], themas=["rekenen"])
    cyclus = wp.cycli
    cyclus.start("Rekenen", aanleiding="Dalende resultaten", vraag="Wat helpt?")
    cyclus.beginsituatie("Rekenen", tekst="62%", bronnen=["Toets M5"])
    cyclus.doel("Rekenen", tekst="75%", visie="eigenaarschap", indicatoren=[INDICATOR_KORT])
    cyclus.plan(
        "Rekenen",
        acties=[
            ("Lesbezoek; groep 6", "Anna", "2026-10-05"),
            ("Ouderavond", None, "vanaf januari"),
        ],
        literatuur=["Overzichtsstudie"],
    )
    cyclus.uitvoeren("Rekenen")
    events = _lees(_exporteer(wp, tmp_path / "een.ics"))
    (actie,) = [e for e in events if _categorie(e) == "Actie"]
    assert actie["dtstart"].dt == dt.date(2026, 10, 5)
    assert _tekst(actie, "summary") == "Actie: Lesbezoek; groep 6 (Rekenen)"
    assert "Door: Anna" in _tekst(actie, "description")
    assert "Ouderavond" not in "".join(_tekst(e, "summary") for e in events)
    (gepland,) = [e for e in events if _categorie(e) == "Meting gepland"]
    assert gepland["dtstart"].dt == dt.date(2026, 10, 13)
    assert _tekst(gepland, "summary") == "Meting gepland: plezier (Rekenen)"
    klok.zet(dt.date(2026, 10, 20))
    cyclus.meting("Rekenen", indicator="plezier", waarde=45)
    (later,) = [
        e for e in _lees(_exporteer(wp, tmp_path / "twee.ics")) if _categorie(e) == "Meting gepland"
    ]
    assert later["dtstart"].dt == dt.date(2026, 12, 1)
    assert str(later["uid"]) == str(gepland["uid"])


def test_ingetrokken_besluit_is_geannuleerd(tmp_path: Path) -> None:
    """The feedback deadline of a withdrawn besluit stays in the calendar, cancelled."""
    wp = Werkplaats.maak(tmp_path / "i", "Intrekken", vandaag=VasteKlok(dt.date(2026, 3, 1)))
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["rekenen"])
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"], themas=["rekenen"])
    wp.werkgroepen.lid("Rekenen", "Anna", rol="leider")
    besluit = wp.besluitvorming.nieuw("Minder toetsen", werkgroep="Rekenen", thema="rekenen")
    wp.besluitvorming.voorstel(besluit.id, "Alleen nog methodetoetsen", leider="Anna")
    wp.besluitvorming.feedback_open(besluit.id, tot=dt.date(2026, 3, 20))
    wp.besluitvorming.intrekken(besluit.id, "Het bestuur kiest een andere aanpak")
    (event,) = _lees(_exporteer(wp, tmp_path / "agenda.ics"))
    assert str(event["status"]) == "CANCELLED"
    assert event["dtstart"].dt == dt.date(2026, 3, 20)
    assert "fase: ingetrokken" in _tekst(event, "description")


def test_pseudoniem_laat_geen_naam_van_een_persoon_achter(
    vijandig: Werkplaats, tmp_path: Path
) -> None:
    """With --pseudoniem no person's or outsider's name is in the calendar, not even
    across a folded line."""
    pad = _exporteer(vijandig, tmp_path / "agenda.ics", pseudoniem_=True)
    tekst = pad.read_text(encoding="utf-8").replace("\r\n ", "")
    for naam in ("Anna de Vries", "Anna", "Vries", "Piet Ouder", "Piet", "Ouder"):
        assert not re.search(rf"(?<!\w){naam}(?!\w)", tekst), naam


def test_selectie_van_een_werkgroep(demo: Werkplaats, tmp_path: Path) -> None:
    """A werkgroep's calendar holds only the dates of that werkgroep."""
    groep = demo.werkgroepen.zoek("rekenen")
    pad = tmp_path / "rekenen.ics"
    exporteer(demo, "ics", pad, selectie=Selectie("werkgroep", groep.id))
    gelezen = _gelezen(_lees(pad))
    assert gelezen
    assert gelezen == Counter({k: n for k, n in _verwacht(demo).items() if k[2] == groep.naam})


def test_ozc_export_ics_in_een_eigen_proces(demo: Werkplaats, tmp_path: Path) -> None:
    """``ozc export ics --uit PAD`` writes a calendar that icalendar reads back."""
    pad = tmp_path / "uit" / "agenda.ics"
    resultaat = subprocess.run(
        [
            sys.executable,
            "-m",
            "onderzoekscyclus",
            "--werkplaats",
            str(demo.root),
            "export",
            "ics",
            "--uit",
            str(pad),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "ONDERZOEKSCYCLUS_VANDAAG": VANDAAG},
        check=False,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert "Traceback" not in resultaat.stderr
    assert _gelezen(_lees(pad)) == _verwacht(demo)


# --- far dates: every date the werkplaats takes is an event, the others are refused -----

PERIODE = "valt buiten de periode van 1900-01-01 tot en met 2199-12-31."
INDICATOR_KORT = ("plezier", "%", 40.0, 60.0)
EERSTE = dt.date(1900, 1, 1)


def _klaar_voor_verre_datums(tmp_path: Path) -> tuple[Werkplaats, str, str]:
    """A werkplaats with a besluit ready to be embedded, one ready for a feedback round,
    and a research cycle in its uitvoering since the first day of the calendar; returns
    the ids of the two besluiten."""
    klok = VasteKlok(dt.date(2026, 3, 1))
    wp = Werkplaats.maak(tmp_path / "d", "Verre datums", vandaag=klok)
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["lezen"])
    wp.werkgroepen.toevoegen("Lezen", scholen=["De Regenboog"], themas=["lezen"])
    wp.werkgroepen.lid("Lezen", "Anna", rol="leider")
    bv = wp.besluitvorming
    borgen = bv.nieuw("Stillezen", werkgroep="Lezen", thema="lezen")
    bv.voorstel(borgen.id, "Elke ochtend een kwartier", leider="Anna")
    bv.feedback_open(borgen.id, tot=dt.date(2026, 3, 14))
    ronde = bv.nieuw("Voorlezen", werkgroep="Lezen", thema="lezen")
    bv.voorstel(ronde.id, "Elke middag", leider="Anna")
    cyclus = wp.cycli
    cyclus.start("Lezen", aanleiding="Weinig plezier", vraag="Helpt lezen?", datum=EERSTE)
    cyclus.beginsituatie("Lezen", tekst="Weinig", bronnen=["enquête"], datum=EERSTE)
    cyclus.doel(
        "Lezen", tekst="Meer", visie="eigenaarschap", indicatoren=[INDICATOR_KORT], datum=EERSTE
    )
    cyclus.plan("Lezen", acties=[("lezen", None, None)], literatuur=["boek"], datum=EERSTE)
    cyclus.uitvoeren("Lezen", datum=EERSTE)
    klok.zet(dt.date(2026, 6, 1))
    bv.neem(borgen.id, "Elke ochtend een kwartier stillezen")
    bv.implementeer(borgen.id)
    bv.evalueer(borgen.id, "Het werkt", bronnen=["observatie"])
    return wp, borgen.id, ronde.id


@pytest.mark.parametrize(
    ("datum", "binnen"),
    [
        (dt.date(2199, 12, 31), True),
        (dt.date(2200, 1, 1), False),
        (dt.date.max, False),
    ],
    ids=str,
)
def test_verre_datums_in_de_agenda_of_geweigerd(
    tmp_path: Path, datum: dt.date, binnen: bool
) -> None:
    """A re-evaluation date and a feedback deadline up to 2199-12-31 become events that
    end the next day; a later one is refused where it is entered, naming the field and
    the period, and the calendar still exports."""
    wp, borgen, ronde = _klaar_voor_verre_datums(tmp_path)
    stappen = {
        "herevaluatie": lambda: wp.besluitvorming.borg(borgen, herevaluatie=datum),
        "tot": lambda: wp.besluitvorming.feedback_open(ronde, tot=datum),
    }
    for veld, stap in stappen.items():
        if binnen:
            stap()
            continue
        with pytest.raises(InvalidValue) as fout:
            stap()
        assert fout.value.veld == veld
        assert fout.value.bericht == f"{veld}: {datum.isoformat()} {PERIODE}"
    events = _lees(_exporteer(wp, tmp_path / "agenda.ics"))
    verre = sorted(_categorie(e) for e in events if e["dtstart"].dt == datum)
    assert verre == (["Feedback", "Herevaluatie"] if binnen else [])
    assert all(e["dtend"].dt - e["dtstart"].dt == dt.timedelta(days=1) for e in events)


def test_de_eerste_dag_van_de_kalender_in_de_agenda(tmp_path: Path) -> None:
    """A measurement on 1900-01-01 is an event; one a day earlier is refused."""
    wp, _borgen, _ronde = _klaar_voor_verre_datums(tmp_path)
    wp.cycli.meting("Lezen", indicator="plezier", waarde=41, datum=EERSTE)
    with pytest.raises(InvalidValue) as fout:
        wp.cycli.meting("Lezen", indicator="plezier", waarde=41, datum=dt.date(1899, 12, 31))
    assert fout.value.bericht == f"datum: 1899-12-31 {PERIODE}"
    (event,) = [
        e for e in _lees(_exporteer(wp, tmp_path / "a.ics")) if _categorie(e) == "Meetmoment"
    ]
    assert (event["dtstart"].dt, event["dtend"].dt) == (EERSTE, dt.date(1900, 1, 2))


def test_ozc_weigert_9999_12_31_en_de_agenda_blijft_werken(tmp_path: Path) -> None:
    """The attack of the issue, with the real `ozc`: `besluit borg --herevaluatie
    9999-12-31` and `besluit feedback-open --tot 9999-12-31` are refused, and
    `ozc export ics` still writes a calendar icalendar reads."""
    wp, borgen, ronde = _klaar_voor_verre_datums(tmp_path)

    def ozc(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "onderzoekscyclus", "--werkplaats", str(wp.root), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "ONDERZOEKSCYCLUS_VANDAAG": VANDAAG},
            check=False,
            timeout=120,
        )

    borg = ozc("besluit", "borg", borgen, "--herevaluatie", "9999-12-31")
    assert borg.returncode == 2, borg.stderr
    assert f"herevaluatie: 9999-12-31 {PERIODE}" in borg.stderr
    open_ = ozc("besluit", "feedback-open", ronde, "--tot", "9999-12-31")
    assert open_.returncode == 2, open_.stderr
    assert f"tot: 9999-12-31 {PERIODE}" in open_.stderr
    pad = tmp_path / "agenda.ics"
    export = ozc("export", "ics", "--uit", str(pad))
    assert export.returncode == 0, export.stderr
    assert _gelezen(_lees(pad)) == _verwacht(wp)
