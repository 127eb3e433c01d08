"""Bounded and total: every number and date the library takes can be shown in every
export, a value outside the documented range is refused where it enters, and an input
file is read only when it is a regular file within the size limit."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein.cyclus import Meting
from onderzoekscyclus.domein.tijd import EERSTE_DAG, LAATSTE_DAG
from onderzoekscyclus.domein.velden import GROOTSTE_WAARDE
from onderzoekscyclus.errors import FileFormatError, InvalidValue
from onderzoekscyclus.export import exporteer, exporteurs
from onderzoekscyclus.opmaak import getal
from onderzoekscyclus.opslag.instrumenten import laad_catalogus
from onderzoekscyclus.opslag.invoer import GROOTSTE_INVOER
from onderzoekscyclus.opslag.thesaurus import laad_thesaurus

from .conftest import Ozc
from .grondig import voorbeelden

DAG = dt.date(2026, 1, 5)
BEREIK = "van -1000000000000 tot en met 1000000000000"
PERIODE = "valt buiten de periode van 1900-01-01 tot en met 2199-12-31"

# the values at the edges: the largest, the smallest above zero, nearly equal ones
UITERSTEN = {
    "groot": (GROOTSTE_WAARDE, math.nextafter(GROOTSTE_WAARDE, 0), [GROOTSTE_WAARDE, 0.1 + 0.2]),
    "klein": (0.0, 5e-324, [5e-324, -5e-324, 1e-300, -0.0]),
    "subnormaal": (5e-324, 0.0, [-5e-324]),
    "breed": (-GROOTSTE_WAARDE, GROOTSTE_WAARDE, [-GROOTSTE_WAARDE, 123456.789, 1e-12]),
}


def _tot_de_uitvoering(wp: Werkplaats, indicatoren: list[tuple[str, str, float, float]]) -> None:
    """Werkgroep Rekenen with a cycle in its uitvoering, with ``indicatoren``."""
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"])
    wp.cycli.start("Rekenen", aanleiding="Lage scores", vraag="Helpt oefenen?", datum=DAG)
    wp.cycli.beginsituatie("Rekenen", tekst="Lage scores", bronnen=["toets"], datum=DAG)
    wp.cycli.doel(
        "Rekenen", tekst="Hoger", visie="eigenaarschap", indicatoren=indicatoren, datum=DAG
    )
    wp.cycli.plan("Rekenen", acties=[("oefenen", None, None)], literatuur=["boek"], datum=DAG)
    wp.cycli.uitvoeren("Rekenen", datum=DAG)


@pytest.fixture
def uitvoering(werkplaats: Werkplaats) -> Werkplaats:
    """A werkplaats whose werkgroep Rekenen measures indicator score (40% to 60%)."""
    _tot_de_uitvoering(werkplaats, [("score", "%", 40.0, 60.0)])
    return werkplaats


def _ozc(wp: Werkplaats, ozc: Ozc, *args: str) -> tuple[int, str]:
    uit = ozc("--werkplaats", str(wp.root), *args)
    return uit.exit_code, uit.stderr


# --- numbers ------------------------------------------------------------------------------


@settings(max_examples=voorbeelden(60, 300))
@given(waarde=st.floats(allow_nan=False) | st.integers())
@example(waarde=GROOTSTE_WAARDE)
@example(waarde=-GROOTSTE_WAARDE)
@example(waarde=math.nextafter(GROOTSTE_WAARDE, math.inf))
@example(waarde=5e-324)
@example(waarde=1.7e308)
@example(waarde=math.inf)
@example(waarde=10**400)
def test_een_meting_wordt_bewaard_of_met_het_bereik_geweigerd(
    uitvoering: Werkplaats, waarde: float
) -> None:
    """A value from -1e12 to 1e12 is stored exactly; any other number (infinity, an
    integer beyond any float) is refused, naming the field and the range."""
    if abs(waarde) <= GROOTSTE_WAARDE:
        o = uitvoering.cycli.meting("Rekenen", indicator="score", waarde=waarde, datum=DAG)
        assert o.cyclus.metingen[-1].waarde == waarde
        return
    with pytest.raises(InvalidValue) as fout:
        uitvoering.cycli.meting("Rekenen", indicator="score", waarde=waarde, datum=DAG)
    assert (fout.value.veld, fout.value.code) == ("waarde", "waarde.ongeldig")
    assert fout.value.bericht.startswith("waarde: ")
    assert fout.value.bericht.endswith(f"valt buiten het bereik {BEREIK}.")


@pytest.mark.parametrize(
    ("opdracht", "verwacht"),
    [
        (
            ["meting", "Rekenen", "--indicator", "score", "--waarde", "1.7e308"],
            f"waarde: 1,7e+308 valt buiten het bereik {BEREIK}.",
        ),
        (
            ["meting", "Rekenen", "--indicator", "score", "--waarde", "-1e400"],
            f"waarde: -inf valt buiten het bereik {BEREIK}.",
        ),
        (
            [
                *("doel", "Rekenen", "--indicator", "groot", "--eenheid", ""),
                *("--nulmeting", "1e16", "--streefwaarde", "10000000000000002"),
            ],
            f"nulmeting: 1e+16 valt buiten het bereik {BEREIK}.",
        ),
    ],
    ids=["meting", "min-oneindig", "nulmeting"],
)
def test_ozc_weigert_een_absurd_getal(
    uitvoering: Werkplaats, ozc: Ozc, opdracht: list[str], verwacht: str
) -> None:
    """`ozc cyclus meting --waarde 1.7e308` and an indicator at 1e16 are refused with the
    field, the range and a way out; nothing is stored."""
    voor = uitvoering.werkgroepen.zoek("Rekenen").cycli[-1]
    code, fouten = _ozc(uitvoering, ozc, "cyclus", *opdracht)
    assert code == 2, fouten
    assert verwacht in fouten
    assert "Kies een grotere eenheid" in fouten
    assert uitvoering.werkgroepen.zoek("Rekenen").cycli[-1] == voor


def test_uiterste_getallen_in_elk_exportformaat(werkplaats: Werkplaats, tmp_path: Path) -> None:
    """The largest, the tiniest and nearly equal values render in every export format
    there is (plugins included, the poster's charts too): json, csv and markdown give
    each value back exactly."""
    _tot_de_uitvoering(werkplaats, [(n, "", nul, doel) for n, (nul, doel, _m) in UITERSTEN.items()])
    verwacht: dict[str, list[float]] = {}
    for naam, (_nul, _doel, metingen) in UITERSTEN.items():
        for dagen, waarde in enumerate(metingen, start=10):
            datum = DAG + dt.timedelta(days=dagen)
            werkplaats.cycli.meting("Rekenen", indicator=naam, waarde=waarde, datum=datum)
        verwacht[naam] = metingen
    formaten, _waarschuwingen = exporteurs()
    for formaat in sorted(formaten):
        exporteer(werkplaats, formaat, tmp_path / formaat)

    cyclus = json.loads((tmp_path / "json").read_text(encoding="utf-8"))["werkgroepen"][0]
    gelezen: dict[str, list[float]] = {n: [] for n in UITERSTEN}
    for m in cyclus["cycli"][0]["metingen"]:
        gelezen[m["indicator"]].append(m["waarde"])
    assert gelezen == verwacht
    assert [(i["nulmeting"], i["streefwaarde"]) for i in cyclus["cycli"][0]["indicatoren"]] == [
        (nul, doel) for nul, doel, _m in UITERSTEN.values()
    ]

    with (tmp_path / "csv" / "werkgroepen_cycli_metingen.csv").open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    assert {n: [float(r["waarde"]) for r in rijen if r["indicator"] == n] for n in UITERSTEN} == (
        verwacht
    )

    markdown = (tmp_path / "markdown").read_text(encoding="utf-8")
    for waarde in (w for _n, _d, metingen in UITERSTEN.values() for w in metingen):
        assert f"| {getal(waarde)} |" in markdown, waarde


# --- dates --------------------------------------------------------------------------------


@given(st.dates())
@example(EERSTE_DAG)
@example(LAATSTE_DAG)
@example(dt.date.min)
@example(dt.date.max)
def test_een_datum_ligt_in_de_kalender_of_wordt_geweigerd(datum: dt.date) -> None:
    """A stored date lies from 1900-01-01 to 2199-12-31; any other is refused, naming
    the field and the period."""
    if EERSTE_DAG <= datum <= LAATSTE_DAG:
        assert Meting(indicator="score", datum=datum, waarde=1.0).datum == datum
        return
    with pytest.raises(InvalidValue) as fout:
        Meting(indicator="score", datum=datum, waarde=1.0)
    assert fout.value.veld == "datum"
    assert fout.value.bericht == f"datum: {datum.isoformat()} {PERIODE}."


@pytest.mark.parametrize(
    "opdracht",
    [
        ["log", "Rekenen", "Heel oud nieuws", "--datum", "1899-12-31"],
        [
            *("cyclus", "meting", "Rekenen", "--indicator", "score"),
            *("--waarde", "5", "--datum", "0001-01-01"),
        ],
        ["expertise", "De Regenboog", "--datum", "0001-01-01"],
        ["expertise", "--partnerschap", "--datum", "9999-12-31"],
    ],
    ids=["log", "meting", "expertise", "partnerschap"],
)
def test_ozc_weigert_een_datum_buiten_de_kalender(
    uitvoering: Werkplaats, ozc: Ozc, opdracht: list[str]
) -> None:
    """A date outside the calendar is refused where it is typed, also on the light path
    of `ozc log` and for a day to look at; nothing is stored."""
    voor = uitvoering.werkgroepen.zoek("Rekenen")
    code, fouten = _ozc(uitvoering, ozc, *opdracht)
    assert code == 2, fouten
    assert PERIODE in fouten
    assert uitvoering.werkgroepen.zoek("Rekenen") == voor


def test_vandaag_buiten_de_kalender_wordt_geweigerd(
    uitvoering: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ONDERZOEKSCYCLUS_VANDAAG far in the future is refused, naming the variable."""
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", "9999-12-31")
    code, fouten = _ozc(uitvoering, ozc, "cyclus", "meting", "Rekenen", "--indicator", "score",
                        "--waarde", "5")  # fmt: skip
    assert code == 2, fouten
    assert f"ONDERZOEKSCYCLUS_VANDAAG: 9999-12-31 {PERIODE}." in fouten


def test_een_bestand_met_een_datum_buiten_de_kalender_wordt_niet_geladen(
    uitvoering: Werkplaats,
) -> None:
    """A werkplaats file edited by hand to a far date cannot be read; the message names
    the file, the field and the period."""
    pad = next((uitvoering.root / "werkgroepen").glob("*.toml"))
    pad.write_text(
        pad.read_text(encoding="utf-8").replace("2026-01-05", "2500-01-05"), encoding="utf-8"
    )
    with pytest.raises(FileFormatError) as fout:
        uitvoering.werkgroepen.zoek("Rekenen")
    assert any(pad.name in p and "2500-01-05" in p and PERIODE in p for p in fout.value.problemen)


# --- input files --------------------------------------------------------------------------


def _geheugen_begrensd() -> None:  # pragma: no cover - runs in the child process
    """At most 2 GB of memory: a runaway read fails instead of exhausting the machine."""
    import resource  # POSIX only, like the limit

    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


BEGRENS = _geheugen_begrensd if os.name == "posix" else None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("soort", ["apparaat", "pijp"])
def test_csv_van_een_apparaat_of_pijp_wordt_niet_gelezen(
    gevulde_werkplaats: Werkplaats, tmp_path: Path, soort: str
) -> None:
    """`--csv /dev/zero` or a named pipe nobody writes to: the real `ozc` refuses at once,
    naming the file and the way out, instead of reading forever or waiting."""
    if soort == "pijp":
        pad = tmp_path / "antwoorden.csv"
        os.mkfifo(pad)
    else:
        pad = Path("/dev/zero")
    klaar = subprocess.run(
        [
            *(sys.executable, "-m", "onderzoekscyclus", "--werkplaats", gevulde_werkplaats.root),
            *("zelfevaluatie", "invullen", "lerende-organisatie", "--school", "De Regenboog"),
            *("--csv", pad),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        preexec_fn=BEGRENS,
    )
    assert klaar.returncode == 1, klaar.stderr
    assert f"{pad} is geen gewoon bestand" in klaar.stderr
    assert "Sla de gegevens eerst op in een gewoon bestand" in klaar.stderr


def _te_groot(pad: Path) -> Path:
    """A file one byte over the limit (sparse: it takes no room on disk)."""
    with pad.open("wb") as f:
        f.truncate(GROOTSTE_INVOER + 1)
    return pad


def test_te_grote_csv_wordt_niet_gelezen(gevulde_werkplaats: Werkplaats, tmp_path: Path) -> None:
    """A CSV file over 10 MB is refused before it is read, and so is a folder."""
    zelf = gevulde_werkplaats.zelfevaluaties
    pad = _te_groot(tmp_path / "groot.csv")
    with pytest.raises(FileFormatError) as fout:
        zelf.importeer_csv("lerende-organisatie", pad, school="De Regenboog")
    assert fout.value.bericht == f"{pad} is groter dan 10 MB en wordt niet gelezen."
    assert fout.value.hint and "splitsen" in fout.value.hint
    with pytest.raises(FileFormatError, match="is geen gewoon bestand"):
        zelf.importeer_csv("lerende-organisatie", tmp_path, school="De Regenboog")


def test_eigen_instrument_en_thesaurus_binnen_de_grenzen(tmp_path: Path) -> None:
    """The werkplaats' own instrument files and thesaurus are input too: a file over the
    limit or a folder in their place is refused, naming it."""
    (tmp_path / "instrumenten").mkdir()
    _te_groot(tmp_path / "instrumenten" / "groot.toml")
    with pytest.raises(FileFormatError) as fout:
        laad_catalogus(tmp_path, omgeving={"ONDERZOEKSCYCLUS_GEEN_PLUGINS": "1"})
    assert (
        fout.value.bericht == "instrumenten/groot.toml is groter dan 10 MB en wordt niet gelezen."
    )
    (tmp_path / "thesaurus.toml").mkdir()
    with pytest.raises(FileFormatError) as fout:
        laad_thesaurus(tmp_path)
    assert fout.value.bericht.startswith("thesaurus.toml is geen gewoon bestand")
