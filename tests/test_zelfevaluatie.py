"""Zelfevaluatie: the aggregation as properties, and filling in through the real ``ozc``."""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein.uitslag import bereken, vergelijk
from onderzoekscyclus.domein.zelfevaluatie import (
    Domein,
    Instrument,
    Item,
    Respondent,
    Zelfevaluatie,
)
from onderzoekscyclus.errors import FileFormatError
from onderzoekscyclus.opslag.instrumenten import laad_catalogus, lees_instrument

from .conftest import Ozc, momentopname
from .grondig import voorbeelden

DAG = dt.date(2026, 11, 23)

INSTRUMENT = Instrument(
    id="teamscan",
    naam="Teamscan",
    voor="school",
    schaal=("nee", "soms", "ja"),
    domeinen=(
        Domein(id="a", naam="A", items=tuple(Item(id=f"a-{n}", tekst=f"A{n}") for n in (1, 2, 3))),
        Domein(id="b", naam="B", items=tuple(Item(id=f"b-{n}", tekst=f"B{n}") for n in (1, 2))),
    ),
)
ITEMS = [i.id for i in INSTRUMENT.items()]

# one respondent: a scale point or None (skipped) per item
antwoordrij = st.lists(st.one_of(st.none(), st.integers(1, 3)), min_size=5, max_size=5)


def _meting(rijen: list[list[int | None]], id_: str = "teamscan-1") -> Zelfevaluatie:
    return Zelfevaluatie(
        id=id_,
        instrument="teamscan",
        datum=DAG,
        school="school-1",
        respondenten=tuple(
            Respondent(
                label=f"r{n}",
                datum=DAG,
                antwoorden={i: a for i, a in zip(ITEMS, rij, strict=True) if a is not None},
                overgeslagen=tuple(i for i, a in zip(ITEMS, rij, strict=True) if a is None),
            )
            for n, rij in enumerate(rijen)
        ),
    )


# --- the aggregation -----------------------------------------------------------------------


@settings(max_examples=voorbeelden(60))
@given(st.lists(antwoordrij, min_size=1, max_size=10))
def test_gemiddelden_en_spreiding_kloppen_en_blijven_binnen_de_schaal(
    rijen: list[list[int | None]],
) -> None:
    """Every mean lies on the scale (1..3) and equals the plain mean of the answers; the
    spread is the population standard deviation; the distribution counts every answer."""
    uit = bereken(INSTRUMENT, _meting(rijen))
    for n, item in enumerate(uit.items):
        waarden = [rij[n] for rij in rijen if rij[n] is not None]
        assert sum(item.verdeling) == item.n == len(waarden)
        if not waarden:
            assert (item.gemiddelde, item.spreiding) == (None, None)
            continue
        assert item.gemiddelde is not None and item.spreiding is not None
        assert 1 <= item.gemiddelde <= 3
        assert abs(item.gemiddelde - statistics.fmean(waarden)) <= 0.005
        assert abs(item.spreiding - statistics.pstdev(waarden)) <= 0.005
    for gemiddelde in [uit.gemiddelde, *(d.gemiddelde for d in uit.domeinen)]:
        assert gemiddelde is None or 1 <= gemiddelde <= 3


@settings(max_examples=voorbeelden(40))
@given(st.lists(st.integers(1, 3), min_size=5, max_size=5), st.integers(1, 8))
def test_geen_spreiding_als_iedereen_het_eens_is(rij: list[int], aantal: int) -> None:
    """When every respondent gives the same answers, every spread is 0, nothing is flagged
    as a topic to discuss, and each mean is the answer itself."""
    uit = bereken(INSTRUMENT, _meting([list(rij) for _ in range(aantal)]))
    assert [i.spreiding for i in uit.items] == [0.0] * 5
    assert uit.bespreken == ()
    assert [i.gemiddelde for i in uit.items] == [float(a) for a in rij]


@settings(max_examples=voorbeelden(40))
@given(st.data(), st.lists(antwoordrij, min_size=1, max_size=8))
def test_volgorde_van_respondenten_doet_er_niet_toe(
    data: st.DataObject, rijen: list[list[int | None]]
) -> None:
    """The results are the same whatever order the respondents are in."""
    meting = _meting(rijen)
    geschud = data.draw(st.permutations(meting.respondenten))
    andersom = Zelfevaluatie(
        id=meting.id,
        instrument=meting.instrument,
        datum=meting.datum,
        school=meting.school,
        respondenten=tuple(geschud),
    )
    assert bereken(INSTRUMENT, andersom) == bereken(INSTRUMENT, meting)


@settings(max_examples=voorbeelden(40))
@given(st.lists(antwoordrij, min_size=1, max_size=8))
def test_meting_met_zichzelf_vergeleken_verandert_niets(rijen: list[list[int | None]]) -> None:
    """Comparing a measurement with itself shows no change anywhere, and a result with
    itself as the earlier measurement reports a change of 0 where there is a mean."""
    meting = _meting(rijen)
    v = vergelijk(INSTRUMENT, meting, meting)
    assert (v.vooruit, v.achteruit) == ((), ())
    for rij in [*v.items, *v.domeinen]:
        assert rij.verschil == (None if rij.a is None else 0.0)
        assert rij.a == rij.b
    uit = bereken(INSTRUMENT, meting, vorige=meting)
    assert all(i.verschil in (0.0, None) for i in (*uit.items, *uit.domeinen))


def test_drempel_voor_spreiding_op_een_driepuntsschaal() -> None:
    """On a three-point scale 1, 2, 2, 3 (spread 0.71) is a topic to discuss and
    1, 1, 2, 2 (spread 0.50) is not; the threshold is 0.6."""
    uit = bereken(
        INSTRUMENT, _meting([[1, 1, 1, 1, 1], [2, 1, 1, 1, 1], [2, 2, 1, 1, 1], [3, 2, 1, 1, 1]])
    )
    assert uit.drempel == 0.6
    assert [(i.item, i.spreiding, i.bespreken) for i in uit.items[:2]] == [
        ("a-1", 0.71, True),
        ("a-2", 0.5, False),
    ]


# --- instrument files ----------------------------------------------------------------------

GOED = """schema = "1.0"
naam = "Teamscan"
voor = "school"
schaal = ["nee", "soms", "ja"]

[[domeinen]]
id = "samen"
naam = "Samen"

[[domeinen.items]]
tekst = "We delen lesmateriaal."

[[domeinen.items]]
tekst = "We kijken bij elkaar in de les."
"""


def test_ingebouwde_instrumenten_volgen_het_katern() -> None:
    """The shipped checklists: 3 domains of 6 items and 9 items, on a three-point scale."""
    catalogus = laad_catalogus(omgeving={"ONDERZOEKSCYCLUS_GEEN_PLUGINS": "1"})
    organisatie = catalogus.instrument("lerende-organisatie")
    partnerschap = catalogus.instrument("lerend-partnerschap")
    assert [len(d.items) for d in organisatie.domeinen] == [6, 6, 6]
    assert len(partnerschap.items()) == 9
    assert (
        organisatie.schaal
        == partnerschap.schaal
        == (
            "nog in startfase",
            "gedeeltelijk ontwikkeld",
            "sterk ontwikkeld",
        )
    )
    assert all(d.stappen for d in organisatie.domeinen)


@pytest.mark.parametrize(
    ("inhoud", "plek", "probleem"),
    [
        (GOED.replace('voor = "school"', 'voor = "klas"'), "$.voor", "school, partnerschap"),
        (GOED.replace('naam = "Teamscan"', 'naam = "Teamscan"\nkleur = 3'), "$", "kleur"),
        (
            GOED.replace('tekst = "We delen lesmateriaal."', 'tekst = " "'),
            "$.domeinen[0].items[0].tekst",
            "leeg",
        ),
        (GOED.replace('["nee", "soms", "ja"]', '["ja"]'), "$.schaal", "2 tot 10 punten"),
        (GOED.replace('"soms"', '"nee"'), "$.schaal", "moeten verschillen"),
        ('naam = "T\n', "$", "Geen geldige TOML op regel 1"),
        (GOED.replace('schema = "1.0"', 'schema = "1.0"\nid = "x"'), "$.id", "bestandsnaam"),
    ],
    ids=[
        "soort",
        "onbekende-sleutel",
        "lege-tekst",
        "schaal-te-kort",
        "schaal-dubbel",
        "toml",
        "id",
    ],
)
def test_fout_in_een_instrumentbestand_noemt_bestand_en_probleem(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, inhoud: str, plek: str, probleem: str
) -> None:
    """A broken instrument file in the werkplaats stops `ozc zelfevaluatie instrumenten` with
    a message naming the file, the place inside it and what is wrong; no traceback."""
    map_ = gevulde_werkplaats.root / "instrumenten"
    map_.mkdir()
    (map_ / "teamscan.toml").write_text(inhoud, encoding="utf-8")
    uit = ozc("--werkplaats", str(gevulde_werkplaats.root), "zelfevaluatie", "instrumenten")
    assert uit.exit_code == 1
    regel = next(r for r in uit.stderr.splitlines() if "@" in r)
    assert regel.startswith(f"  - instrumenten/teamscan.toml @ {plek}: "), uit.stderr
    assert probleem in uit.stderr
    assert "Traceback" not in uit.stderr


def test_eigen_instrument_uit_de_werkplaats(gevulde_werkplaats: Werkplaats, ozc: Ozc) -> None:
    """An instrument in instrumenten/ is listed beside the shipped ones, its items get ids
    numbered per domain, and it can be filled in."""
    map_ = gevulde_werkplaats.root / "instrumenten"
    map_.mkdir()
    (map_ / "teamscan.toml").write_text(GOED, encoding="utf-8")
    wp = ["--werkplaats", str(gevulde_werkplaats.root)]
    lijst = ozc(*wp, "zelfevaluatie", "instrumenten").stdout
    assert "teamscan  Teamscan  (school, 2 uitspraken, werkplaats)" in lijst
    assert (
        "samen-2: We kijken bij elkaar in de les."
        in ozc(*wp, "zelfevaluatie", "instrumenten", "teamscan").stdout
    )
    uit = ozc(
        *wp,
        "zelfevaluatie",
        "invullen",
        "teamscan",
        "--school",
        "regenboog",
        "--antwoorden",
        "ja,-",
    )
    assert uit.exit_code == 0, uit.stderr
    meting = gevulde_werkplaats.zelfevaluaties.metingen("teamscan", school="regenboog")[0]
    assert meting.respondenten[0].antwoorden == {"samen-1": 3}
    assert meting.respondenten[0].overgeslagen == ("samen-2",)


def test_lees_instrument_geeft_fileformaterror_met_alle_regels() -> None:
    """The library raises FileFormatError whose lines name the label given."""
    with pytest.raises(FileFormatError) as fout:
        lees_instrument(GOED.replace('"school"', "3"), "teamscan", "plugin teamscan")
    assert list(fout.value.problemen) == [
        "plugin teamscan @ $.voor: verwacht een van: school, partnerschap"
    ]


# --- filling in through ozc ------------------------------------------------------------------


def _wp(w: Werkplaats) -> list[str]:
    return ["--werkplaats", str(w.root)]


def test_interactief_stoppen_en_hervatten(gevulde_werkplaats: Werkplaats, ozc: Ozc) -> None:
    """A respondent answers two questions, types 'stop', and later continues with --hervat
    where they left off; a wrong answer is asked again; the concept does not count until
    the list is finished."""
    wp = _wp(gevulde_werkplaats)
    eerst = ozc(
        *wp, "zelfevaluatie", "invullen", "lerende-organisatie", "--school", "De Regenboog",
        invoer="1\nsterk\nstop\n",
    )  # fmt: skip
    assert eerst.exit_code == 0, eerst.stderr
    assert "[1/18] Leraren voelen zich samen verantwoordelijk" in eerst.stdout
    assert "nog 16 uitspraken open" in eerst.stdout
    assert (
        'ozc zelfevaluatie invullen lerende-organisatie --school "De Regenboog" '
        '--hervat --respondent "respondent 1"' in eerst.stdout
    )
    concept = gevulde_werkplaats.zelfevaluaties.metingen("lerende-organisatie", school="regenboog")
    assert [(r.label, r.concept, r.antwoorden) for r in concept[0].respondenten] == [
        ("respondent 1", True, {"cultuur-1": 1, "cultuur-2": 3})
    ]
    tussenstand = ozc(
        *wp, "zelfevaluatie", "resultaat", "lerende-organisatie", "--school", "regenboog"
    )
    assert "0 respondenten (1 nog bezig)" in tussenstand.stdout

    rest = ["7", "2", "-", *["2"] * 14]
    verder = ozc(
        *wp, "zelfevaluatie", "invullen", "lerende-organisatie", "--school", "De Regenboog",
        "--hervat", invoer="\n".join(rest) + "\n",
    )  # fmt: skip
    assert verder.exit_code == 0, verder.stderr
    assert "[3/18] Leraren en schoolleiding durven" in verder.stdout
    assert "[1/18]" not in verder.stdout
    assert "'7' is geen antwoord op de schaal." in verder.stderr
    assert "Antwoorden van respondent 1 bewaard" in verder.stdout
    (meting,) = gevulde_werkplaats.zelfevaluaties.metingen(
        "lerende-organisatie", school="regenboog"
    )
    (r,) = meting.respondenten
    assert not r.concept
    assert r.overgeslagen == ("cultuur-4",)
    assert {k: r.antwoorden[k] for k in ("cultuur-1", "cultuur-2", "cultuur-3", "cultuur-5")} == {
        "cultuur-1": 1,
        "cultuur-2": 3,
        "cultuur-3": 2,
        "cultuur-5": 2,
    }
    assert len(r.antwoorden) == 17


def test_stoppen_zonder_antwoord_bewaart_niets(gevulde_werkplaats: Werkplaats, ozc: Ozc) -> None:
    """'stop' at the first question stores nothing; --hervat then says there is no concept."""
    voor = momentopname(gevulde_werkplaats.root)
    uit = ozc(*_wp(gevulde_werkplaats), "zelfevaluatie", "invullen", "lerende-organisatie",
              "--school", "regenboog", invoer="stop\n")  # fmt: skip
    assert uit.exit_code == 0 and "niets bewaard" in uit.stdout
    assert momentopname(gevulde_werkplaats.root) == voor
    hervat = ozc(*_wp(gevulde_werkplaats), "zelfevaluatie", "invullen", "lerende-organisatie",
                 "--school", "regenboog", "--hervat")  # fmt: skip
    assert hervat.exit_code != 0 and "geen half ingevulde lijst" in hervat.stderr


def test_antwoorden_moeten_passen(gevulde_werkplaats: Werkplaats, ozc: Ozc) -> None:
    """--antwoorden with too few answers or one off the scale is refused, nothing stored."""
    voor = momentopname(gevulde_werkplaats.root)
    basis = [*_wp(gevulde_werkplaats), "zelfevaluatie", "invullen", "lerende-organisatie"]
    te_weinig = ozc(*basis, "--school", "regenboog", "--antwoorden", "1,2,3")
    assert te_weinig.exit_code != 0
    assert "3 antwoorden gegeven, maar 'Checklist lerende organisatie' heeft 18" in te_weinig.stderr
    buiten = ozc(*basis, "--school", "regenboog", "--antwoorden", ",".join(["2"] * 17 + ["4"]))
    assert buiten.exit_code != 0 and "Antwoord 18 (expertise-6)" in buiten.stderr
    zonder_school = ozc(*basis, "--antwoorden", ",".join(["2"] * 18))
    assert zonder_school.exit_code != 0 and "--school" in zonder_school.stderr
    assert momentopname(gevulde_werkplaats.root) == voor


def test_een_meting_in_de_toekomst_wordt_geweigerd(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Answers are given today or earlier: --datum after today is refused, for typed
    answers and for a CSV import alike, and nothing is stored."""
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "2026-12-01")
    voor = momentopname(gevulde_werkplaats.root)
    basis = [*_wp(gevulde_werkplaats), "zelfevaluatie", "invullen", "lerende-organisatie"]
    basis += ["--school", "regenboog", "--datum", "2026-12-02"]
    getypt = ozc(*basis, "--antwoorden", ",".join(["2"] * 18))
    assert getypt.exit_code == 2
    assert getypt.stderr.startswith(
        "Fout: 2026-12-02 ligt in de toekomst (vandaag is 2026-12-01)."
    ), getypt.stderr
    bestand = tmp_path / "antwoorden.csv"
    bestand.write_text(_csv([_kop(), ["t", "e", *(["2"] * 18)]]), encoding="utf-8")
    uit_csv = ozc(*basis, "--csv", str(bestand))
    assert uit_csv.exit_code == 2 and "ligt in de toekomst" in uit_csv.stderr
    assert momentopname(gevulde_werkplaats.root) == voor
    gisteren = ozc(*basis[:-1], "2026-11-30", "--antwoorden", ",".join(["2"] * 18))
    assert gisteren.exit_code == 0, gisteren.stderr


# --- CSV import ------------------------------------------------------------------------------


def _csv(regels: list[list[str]]) -> str:
    return "\n".join(";".join(r) for r in regels) + "\n"


def _kop() -> list[str]:
    """As a form tool exports it: a timestamp, an e-mail address, then the statements."""
    catalogus = laad_catalogus(omgeving={"ONDERZOEKSCYCLUS_GEEN_PLUGINS": "1"})
    organisatie = catalogus.instrument("lerende-organisatie")
    return [
        "Tijdstempel",
        "E-mailadres",
        *(f"{d.naam} [{i.tekst}]" for d in organisatie.domeinen for i in d.items),
    ]


def test_csv_import_van_een_formulier(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, tmp_path: Path
) -> None:
    """Every row becomes a respondent; answers may be numbers or scale names; the e-mail
    column is left out and never stored."""
    pad = tmp_path / "formulier.csv"
    pad.write_text(
        _csv(
            [
                _kop(),
                ["2026-11-20 10:00", "a@school.nl", *["2"] * 17, "sterk ontwikkeld"],
                ["2026-11-20 11:00", "b@school.nl", *["1"] * 17, ""],
                ["2026-11-21 09:00", "c@school.nl", *["3"] * 18],
            ]
        ),
        encoding="utf-8",
    )
    uit = ozc(*_wp(gevulde_werkplaats), "--json", "zelfevaluatie", "invullen", "lerende-organisatie",
              "--school", "regenboog", "--csv", str(pad))  # fmt: skip
    assert uit.exit_code == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["respondenten"] == ["respondent 1", "respondent 2", "respondent 3"]
    assert data["genegeerde_kolommen"] == ["Tijdstempel", "E-mailadres"]
    bestanden = list((gevulde_werkplaats.root / "zelfevaluaties").glob("*.toml"))
    assert len(bestanden) == 1 and "school.nl" not in bestanden[0].read_text(encoding="utf-8")
    resultaat = gevulde_werkplaats.zelfevaluaties.resultaat(
        "lerende-organisatie", school="regenboog"
    )
    assert resultaat.respondenten == 3
    assert resultaat.items[-1].verdeling == (0, 0, 2)


def test_csv_met_foute_regels_importeert_niets(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, tmp_path: Path
) -> None:
    """A CSV with bad rows stores nothing; the message names each bad line and column."""
    pad = tmp_path / "formulier.csv"
    pad.write_text(
        _csv(
            [
                _kop(),
                ["t", "a@x.nl", *["2"] * 18],
                ["t", "b@x.nl", *["2"] * 5, "4", *["2"] * 12],
                ["t", "c@x.nl", *["2"] * 18],
                ["t", "d@x.nl", *["2"] * 17, "misschien"],
                ["t", "e@x.nl", "2", "2"],
            ]
        ),
        encoding="utf-8",
    )
    voor = momentopname(gevulde_werkplaats.root)
    uit = ozc(*_wp(gevulde_werkplaats), "zelfevaluatie", "invullen", "lerende-organisatie",
              "--school", "regenboog", "--csv", str(pad))  # fmt: skip
    assert uit.exit_code != 0
    fouten = uit.stderr
    assert "Niets geïmporteerd: formulier.csv heeft fouten." in fouten
    assert (
        "formulier.csv regel 3, kolom 'Ondersteunende cultuur [Leraren en scho…': '4' is geen antwoord"
        in fouten
    )
    assert (
        "formulier.csv regel 5, kolom 'Expertise benutten [Leraren met experti…': 'misschien'"
        in fouten
    )
    assert "formulier.csv regel 6: 4 kolommen" in fouten
    assert "regel 2" not in fouten and "regel 4" not in fouten
    assert momentopname(gevulde_werkplaats.root) == voor


# --- the session of the issue, end to end ----------------------------------------------------

SESSIE = [
    ["zelfevaluatie", "instrumenten"],
    ["zelfevaluatie", "invullen", "lerende-organisatie", "--school", "De Regenboog",
     "--antwoorden", "1,2,2,3,1,2,3,3,2,1,1,2,2,1,3,2,2,1"],
    ["zelfevaluatie", "invullen", "lerende-organisatie", "--school", "De Regenboog",
     "--antwoorden", "2,2,3,3,1,2,3,2,2,1,2,2,2,1,3,3,2,1"],
    ["zelfevaluatie", "resultaat", "lerende-organisatie", "--school", "De Regenboog"],
    ["expertise", "De Regenboog"],
    ["school", "toon", "De Regenboog"],
]  # fmt: skip


def test_sessie_in_de_demo_via_het_echte_ozc(tmp_path: Path) -> None:
    """The session of the issue runs in a demo werkplaats with the installed `ozc`
    (a real process), each command exiting 0 and showing what it promises."""
    ozc_bin = Path(sys.executable).parent / "ozc"
    omgeving = {"ONDERZOEKSCYCLUS_VANDAAG": "2026-11-23", "PATH": str(ozc_bin.parent)}

    def draai(*args: str) -> str:
        uit = subprocess.run(
            [str(ozc_bin), *args], capture_output=True, text=True, cwd=tmp_path / "demo",
            env=omgeving, check=False,
        )  # fmt: skip
        assert (uit.returncode, uit.stderr) == (0, ""), args
        return uit.stdout

    subprocess.run(
        [str(ozc_bin), "demo", "demo"], cwd=tmp_path, env=omgeving, check=True, capture_output=True
    )
    uitvoer = [draai(*opdracht) for opdracht in SESSIE]
    assert (
        "lerende-organisatie  Checklist lerende organisatie  (school, 18 uitspraken" in uitvoer[0]
    )
    assert "Dit is een nieuwe meting, geopend op 2026-11-23." in uitvoer[1]
    assert "Antwoorden van respondent 2 bewaard" in uitvoer[2]
    resultaat = uitvoer[3]
    assert "Meting lerende-organisatie-2026-11-23-" in resultaat and "2 respondenten" in resultaat
    assert "Vergeleken met de vorige meting, van 2026-10-09" in resultaat
    assert (
        "  cultuur-1       Leraren voelen zich samen verantwoo…   1,50  1/1/0           0,50       -0,50"
        in resultaat
    )
    assert "Zwakste domeinen: Expertise benutten (1,92)" in resultaat
    assert "Stap 3. Benut de verschillende expertises" in resultaat
    assert (
        "  praktijkonderzoek  (werkgroep Onderzoekswerkplaats De Kempen)\n    ontbreekt"
        in uitvoer[4]
    )
    assert "  Trots op: Coöperatief leren in alle groepen" in uitvoer[5]
    assert "    - Rekenen groep 5-8, cyclus 1 (rekenen): afgerond, conclusie: deels" in uitvoer[5]


def test_demo_heeft_twee_metingen_met_verschil(tmp_path: Path) -> None:
    """The demo has a measurement a year ago and one this autumn with several respondents,
    so its result shows a change; the partnership checklist is filled in too."""
    from onderzoekscyclus.demo import maak_demo

    zelf = maak_demo(tmp_path / "demo", vandaag=dt.date(2026, 11, 23)).zelfevaluaties
    metingen = zelf.metingen("lerende-organisatie", school="De Regenboog")
    assert [(m.datum.isoformat(), len(m.afgerond())) for m in metingen] == [
        ("2025-11-08", 5),
        ("2026-10-09", 6),
    ]
    resultaat = zelf.resultaat("lerende-organisatie", school="De Regenboog")
    assert resultaat.verschil == 0.54 and resultaat.bespreken == (
        "cultuur-1",
        "cultuur-3",
        "cultuur-5",
    )
    assert len(zelf.metingen("lerend-partnerschap")[0].respondenten) == 4


def test_vergelijk_twee_metingen(tmp_path: Path, ozc: Ozc) -> None:
    """`ozc zelfevaluatie vergelijk` on two dates shows B - A per domain, as JSON too."""
    from onderzoekscyclus.demo import maak_demo

    wp = maak_demo(tmp_path / "demo", vandaag=dt.date(2026, 11, 23))
    uit = ozc("--werkplaats", str(wp.root), "--json", "zelfevaluatie", "vergelijk", "2025-11-08", "2026-10-09",
              "--school", "regenboog")  # fmt: skip
    assert uit.exit_code == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert [(d["domein"], d["verschil"]) for d in data["domeinen"]] == [
        ("cultuur", 0.37),
        ("ontwikkeling", 0.58),
        ("expertise", 0.67),
    ]
    assert data["vooruit"][0] == "expertise-2"
    tekst = ozc(
        "--werkplaats", str(wp.root), "zelfevaluatie", "vergelijk", "2025-11-08", "2026-10-09"
    ).stdout
    assert "Gemiddeld: 1,48 → 2,02 (+0,54)" in tekst


def test_voorbeeldscript(tmp_path: Path) -> None:
    """examples/zelfevaluatie.py runs and prints the change since the first measurement."""
    script = Path(__file__).parent.parent / "examples" / "zelfevaluatie.py"
    uit = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert "Gemiddeld 2.15 (+0.94 sinds 2026-10-01)" in uit.stdout
    assert list(tmp_path.iterdir()) == []


# --- the docs ----------------------------------------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _blokken(naam: str, taal: str) -> list[str]:
    import re

    tekst = (DOCS / naam).read_text(encoding="utf-8")
    return re.findall(rf"^```{taal}\n(.*?)^```", tekst, re.S | re.M)


@pytest.mark.parametrize(
    ("naam", "toont"),
    [
        ("zelfevaluatie.md", "3 2.0 0.82 True\n"),
        ("expertise.md", "Ontbreekt: begrijpend lezen\n0 "),
    ],
)
def test_python_in_de_docs_draait(naam: str, toont: str, tmp_path: Path) -> None:
    """The Python example in the doc runs and prints what the text says it prints."""
    (blok,) = _blokken(naam, "python")
    uit = subprocess.run(
        [sys.executable, "-c", blok], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert uit.stdout.startswith(toont)


def test_instrument_in_de_docs_is_geldig() -> None:
    """The example instrument in docs/zelfevaluatie.md loads, with the ids the text names."""
    toml = next(b for b in _blokken("zelfevaluatie.md", "toml") if "[[domeinen]]" in b)
    instrument = lees_instrument(toml, "teamscan", "instrumenten/teamscan.toml")
    assert [i.id for i in instrument.items()] == ["samen-1", "samen-2", "lesbezoek"]
    assert instrument.domeinen[0].stappen == (2, 3)
    assert instrument.domeinen[0].items[1].stappen == (2,)
