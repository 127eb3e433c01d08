"""Schools from DUO's open data (`ozc school importeer`): both generations of the
address files, their encodings and quoting, filters, updating on a second import
without touching what the partnership added, a dry run, and bad rows refused whole."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.errors import FileFormatError, InvalidValue

from .conftest import Ozc, momentopname
from .docvoorbeeld import speel_af, voorbeeld

# the older generation, as DUO wrote it for years: quoted, semicolons, Windows-1252,
# place names in capitals, a vestigingsnummer of two digits
OUD_KOP = (
    '"PROVINCIE";"BEVOEGD GEZAG NUMMER";"BRIN NUMMER";"VESTIGINGSNUMMER";"VESTIGINGSNAAM";'
    '"STRAATNAAM";"HUISNUMMER-TOEVOEGING";"POSTCODE";"PLAATSNAAM";"GEMEENTENUMMER";'
    '"GEMEENTENAAM";"DENOMINATIE";"TELEFOONNUMMER";"INTERNETADRES";"SOORT PO"'
)
OUD = [
    '"Noord-Brabant";"41230";"12AB";"00";"Basisschool De Regenboog";"Kerkstraat";"12";'
    '"5551 AB";"VALKENSWAARD";"0858";"Valkenswaard";"Rooms-Katholiek";"040-1234567";'
    '"www.regenboog.example";"Bo"',
    '"Noord-Brabant";"41230";"12AB";"01";"Basisschool De Regenboog dependance";"Molenpad";'
    '"3a";"5552 XY";"DOMMELEN";"0858";"Valkenswaard";"Rooms-Katholiek";"";"";"Bo"',
    '"Noord-Brabant";"41230";"56EF";"00";"SBO De Brug";"Brugweg";"1";"5551 CC";'
    '"VALKENSWAARD";"0858";"Valkenswaard";"Openbaar";"";"";"Sbo"',
    '"Noord-Brabant";"50100";"78GH";"00";"Basisschool Tweeëntwintig";"Lindelaan";"22";'
    '"5611 AA";"EINDHOVEN";"0772";"Eindhoven";"Protestants-Christelijk";"";"";"Bo"',
    '"Noord-Brabant";"50100";"90JK";"00";"Basisschool De Regenboog";"Parklaan";"5";'
    '"5612 BB";"EINDHOVEN";"0772";"Eindhoven";"Openbaar";"";"";"Bo"',
]

# the newer generation: unquoted unless needed, UTF-8 with a byte-order mark, codes
# of six characters, a name with a semicolon and quotes in it
NIEUW_KOP = (
    "INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;STRAATNAAM;HUISNUMMER;"
    "HUISNUMMERTOEVOEGING;POSTCODE;PLAATSNAAM;GEMEENTENUMMER;GEMEENTENAAM;PROVINCIE;"
    "BEVOEGD GEZAG NUMMER;DENOMINATIE;INTERNETADRES;ONDERWIJSSTRUCTUUR"
)
NIEUW = [
    "34CD;34CD00;Kempencollege;Molenweg;1;;5521 CD;Eersel;1770;Eersel;Noord-Brabant;"
    "40123;Algemeen bijzonder;https://kempencollege.example;VMBO/HAVO/VWO",
    '34CD;34CD01;"Kempencollege ""De Boog""; locatie Zuid";Zuidweg;7;b;5521 ZZ;Eersel;1770;'
    "Eersel;Noord-Brabant;40123;Algemeen bijzonder;;VMBO",
]


def schrijf(pad: Path, kop: str, rijen: list[str], codering: str) -> Path:
    pad.write_bytes(("\r\n".join([kop, *rijen]) + "\r\n").encode(codering))
    return pad


@pytest.fixture
def oud(tmp_path: Path) -> Path:
    return schrijf(tmp_path / "ADRESSEN ALLE VESTIGINGEN BO.csv", OUD_KOP, OUD, "cp1252")


@pytest.fixture
def nieuw(tmp_path: Path) -> Path:
    return schrijf(tmp_path / "vestigingen-vo.csv", NIEUW_KOP, NIEUW, "utf-8-sig")


def test_de_oude_generatie_in_windows_1252(werkplaats: Werkplaats, oud: Path) -> None:
    """Codes of two digits become vestigingscodes, the sector comes from the kind of
    school (SBO: special), place names written in capitals read as people write them,
    a letter such as ë survives the encoding, and a filter on the gemeente chooses."""
    verslag = werkplaats.scholen.importeer(oud, gemeente=["valkenswaard"])
    assert verslag.uitgevoerd and verslag.niet_gekozen == 2 and verslag.ongewijzigd == 0
    assert [(w.code, w.naam) for w in verslag.nieuw] == [
        ("12AB00", "Basisschool De Regenboog"),
        ("12AB01", "Basisschool De Regenboog dependance"),
        ("56EF00", "SBO De Brug"),
    ]
    regenboog = werkplaats.scholen.zoek(id=verslag.nieuw[0].id)
    assert (regenboog.brin, regenboog.vestiging, regenboog.sector.value) == ("12AB", "12AB00", "po")
    assert regenboog.adres is not None
    assert (regenboog.adres.straat, regenboog.adres.postcode, regenboog.adres.plaats) == (
        "Kerkstraat 12",
        "5551 AB",
        "Valkenswaard",
    )
    assert (regenboog.bevoegd_gezag, regenboog.denominatie, regenboog.website) == (
        "41230",
        "Rooms-Katholiek",
        "www.regenboog.example",
    )
    assert werkplaats.scholen.zoek("SBO De Brug").sector.value == "so"
    assert werkplaats.scholen.zoek("dependance").adres.plaats == "Dommelen"  # type: ignore[union-attr]

    verslag = werkplaats.scholen.importeer(oud, bestuur=["50100"])
    assert [w.naam for w in verslag.nieuw] == [
        "Basisschool Tweeëntwintig",
        "Basisschool De Regenboog (Eindhoven)",  # the name is taken: the place is added
    ]
    assert verslag.ongewijzigd == 0 and verslag.niet_gekozen == 3
    assert len(werkplaats.scholen.lijst()) == 5


def test_de_nieuwe_generatie_in_utf8_met_aanhalingstekens(
    werkplaats: Werkplaats, nieuw: Path
) -> None:
    """Six-character codes, a name with a semicolon and quotes inside quotes, a house
    number with a letter, and secondary education from the structure column."""
    verslag = werkplaats.scholen.importeer(nieuw, brin=["34CD01"])
    (zuid,) = verslag.nieuw
    school = werkplaats.scholen.zoek(id=zuid.id)
    assert school.naam == 'Kempencollege "De Boog"; locatie Zuid'
    assert (school.code, school.sector.value) == ("34CD01", "vo")
    assert school.adres is not None and school.adres.straat == "Zuidweg 7 b"
    assert verslag.niet_gekozen == 1


def test_opnieuw_importeren_werkt_bij_en_laat_het_eigen_werk_staan(
    werkplaats: Werkplaats, oud: Path
) -> None:
    """A school added by hand with its BRIN code is that school of the file; a second
    import of a newer file changes names and addresses, adds nothing twice, and leaves
    the profile, the vision, the cluster and the werkgroepen as they were."""
    hand = werkplaats.scholen.toevoegen("De Brug", brin="56EF", sector="so", cluster="Zuid")
    werkplaats.scholen.profiel(
        "De Brug", trots=["Onze leesclub"], visie={"samen": "Wij leren samen."}
    )
    werkplaats.werkgroepen.toevoegen("Leesteam", scholen=["De Brug"])
    eerste = werkplaats.scholen.importeer(oud)
    assert len(eerste.nieuw) == 4 and [w.id for w in eerste.bijgewerkt] == [hand.id]
    assert set(eerste.bijgewerkt[0].velden) >= {"naam", "vestiging", "adres"}

    nieuwer = [
        r.replace("Kerkstraat", "Schoolstraat").replace("SBO De Brug", "SBO De Boog") for r in OUD
    ]
    schrijf(oud, OUD_KOP, nieuwer, "cp1252")
    tweede = werkplaats.scholen.importeer(oud)
    assert tweede.nieuw == ()
    assert sorted((w.naam, w.velden) for w in tweede.bijgewerkt) == [
        ("Basisschool De Regenboog", ("adres",)),
        ("SBO De Boog", ("naam",)),
    ]
    assert tweede.ongewijzigd == 3
    assert len(werkplaats.scholen.lijst()) == 5
    boog = werkplaats.scholen.zoek(id=hand.id)
    assert (boog.naam, boog.cluster, boog.profiel.trots) == (
        "SBO De Boog",
        "Zuid",
        ("Onze leesclub",),
    )
    assert [v.sleutel for v in boog.visie] == ["samen"]
    assert werkplaats.werkgroepen.zoek("Leesteam").scholen == (hand.id,)
    assert werkplaats.controleer() == []


def test_een_voorbeeld_verandert_niets(werkplaats: Werkplaats, oud: Path, ozc: Ozc) -> None:
    voor = momentopname(werkplaats.root)
    uit = ozc("--werkplaats", str(werkplaats.root), "school", "importeer", str(oud), "--voorbeeld")
    assert uit.exit_code == 0, uit.output
    assert " ".join(uit.stdout.split()).startswith(
        "Voorbeeld: er is niets veranderd. Zo zou het worden: "
        "ADRESSEN ALLE VESTIGINGEN BO.csv: 5 scholen nieuw, 0 bijgewerkt, 0 ongewijzigd."
    )
    assert "  nieuw: Basisschool De Regenboog (Eindhoven) [90JK00]" in uit.stdout
    assert momentopname(werkplaats.root) == voor


def test_foute_regels_en_niets_half_geimporteerd(
    werkplaats: Werkplaats, oud: Path, ozc: Ozc
) -> None:
    """A BRIN code that is none, a missing name and a vestigingscode of another school:
    every bad row by its line, the way out, and not one school written."""
    fout = [*OUD]
    fout[1] = fout[1].replace('"12AB";"01"', '"1XAB";"01"')
    fout[2] = fout[2].replace('"SBO De Brug"', '""')
    fout[3] = fout[3].replace('"78GH";"00"', '"78GH";"12AB00"')
    schrijf(oud, OUD_KOP, fout, "cp1252")
    voor = momentopname(werkplaats.root)
    uit = ozc("--werkplaats", str(werkplaats.root), "school", "importeer", str(oud))
    assert uit.exit_code == 1
    bestand = "ADRESSEN ALLE VESTIGINGEN BO.csv"
    assert f"Niets geïmporteerd: {bestand} heeft fouten." in uit.stderr
    assert f"{bestand} regel 3: Ongeldige BRIN-code '1XAB'." in uit.stderr
    assert f"{bestand} regel 4: de naam van de school ontbreekt." in uit.stderr
    assert f"{bestand} regel 5: de vestigingscode '12AB00' past niet bij BRIN-code 78GH." in (
        uit.stderr
    )
    assert "importeer het hele bestand opnieuw" in uit.stderr
    assert momentopname(werkplaats.root) == voor


def test_een_bestand_zonder_sector_vraagt_erom(werkplaats: Werkplaats, tmp_path: Path) -> None:
    kop = NIEUW_KOP.removesuffix(";ONDERWIJSSTRUCTUUR")
    mbo = schrijf(tmp_path / "mbo.csv", kop, [r.rsplit(";", 1)[0] for r in NIEUW], "utf-8")
    with pytest.raises(InvalidValue) as fout:
        werkplaats.scholen.importeer(mbo)
    assert "--sector" in (fout.value.hint or "")
    verslag = werkplaats.scholen.importeer(mbo, sector="mbo")
    assert {werkplaats.scholen.zoek(id=w.id).sector.value for w in verslag.nieuw} == {"mbo"}


def test_geen_adressenbestand_en_dubbele_vestiging(werkplaats: Werkplaats, tmp_path: Path) -> None:
    ander = schrijf(tmp_path / "formulier.csv", "Tijdstempel;Vraag 1", ["1-1-2026;3"], "utf-8")
    with pytest.raises(InvalidValue, match="geen adressenbestand van DUO"):
        werkplaats.scholen.importeer(ander)
    dubbel = schrijf(tmp_path / "dubbel.csv", OUD_KOP, [OUD[0], OUD[0]], "cp1252")
    with pytest.raises(FileFormatError, match="12AB00 meer dan eens"):
        werkplaats.scholen.importeer(dubbel)
    assert werkplaats.scholen.lijst() == []


def test_json_en_toon(werkplaats: Werkplaats, nieuw: Path, ozc: Ozc) -> None:
    wp = ["--werkplaats", str(werkplaats.root)]
    data = json.loads(ozc(*wp, "--json", "school", "importeer", str(nieuw)).stdout)
    assert data["bestand"] == "vestigingen-vo.csv" and data["uitgevoerd"] is True
    assert [n["code"] for n in data["nieuw"]] == ["34CD00", "34CD01"]
    assert data["nieuw"][0]["velden"] == [
        "naam", "brin", "vestiging", "sector", "adres", "bevoegd_gezag", "denominatie", "website",
    ]  # fmt: skip
    toon = ozc(*wp, "school", "toon", "Kempencollege").stdout
    assert "  BRIN:     34CD00" in toon
    assert "  Adres:    Molenweg 1, 5521 CD Eersel" in toon
    assert "  Richting: Algemeen bijzonder" in toon
    engels = ozc(*wp, "--taal", "en", "school", "importeer", str(nieuw), "--voorbeeld").stdout
    assert " ".join(engels.split()) == (
        "Preview: nothing was changed. This is what it would be: "
        "vestigingen-vo.csv: 0 schools new, 0 updated, 2 unchanged."
    )


def test_het_voorbeeld_van_de_docs_draait_zoals_het_er_staat(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/partnerschap.md as a coordinator would type it, with the example file of
    examples/duo: every answer word for word."""
    top = Path(__file__).parents[1]
    shutil.copy(top / "examples" / "duo" / "adressen-bo.csv", tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    speel_af(ozc, voorbeeld(top / "docs" / "partnerschap.md", "### Een voorbeeld:"))
