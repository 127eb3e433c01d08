"""The library contract: what another school tool builds on.

Structured errors with stable codes, one data shape with a published JSON Schema for
every view, exact and fuzzy lookups, lists with filters and pages, typed inputs, and a
consumer script that passes ``mypy --strict``.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import subprocess
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import onderzoekscyclus
from onderzoekscyclus import (
    FOUTCODES,
    AmbiguousReference,
    Geweigerd,
    InvalidValue,
    Kandidaat,
    OnderzoekscyclusError,
    UnknownReference,
    VasteKlok,
    Werkplaats,
    als_data,
    schema_van,
)
from onderzoekscyclus.api import vorm
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.domein.redenen import TEKSTEN

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "onderzoekscyclus"
SCHEMAS = ROOT / "docs" / "schema"
VOORBEELD = ROOT / "examples" / "integratie.py"
DAG = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Werkplaats:
    """The demo werkplaats, once: these tests only read it."""
    return maak_demo(tmp_path_factory.mktemp("demo") / "w", vandaag=DAG)


def _valideer(naam: str, data: Any) -> None:
    schema = json.loads((SCHEMAS / f"{naam}.schema.json").read_text(encoding="utf-8"))
    klasse = jsonschema.validators.validator_for(schema)
    klasse.check_schema(schema)
    klasse(schema, format_checker=klasse.FORMAT_CHECKER).validate(data)


# --- errors ------------------------------------------------------------------------------


def _codes_in_de_bron() -> tuple[set[str], set[str]]:
    """Every ``code="…"`` given to an error and every ``reden("…")`` in the source."""
    fouten, redenen = set(), set()
    for pad in SRC.rglob("*.py"):
        for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if not isinstance(knoop, ast.Call):
                continue
            for kw in knoop.keywords:
                if kw.arg == "code" and isinstance(kw.value, ast.Constant):
                    fouten.add(kw.value.value)
            naam = getattr(knoop.func, "id", None)
            if naam == "reden" and knoop.args and isinstance(knoop.args[0], ast.Constant):
                redenen.add(knoop.args[0].value)
    return fouten, redenen


def test_elke_code_is_vastgelegd_en_gedocumenteerd() -> None:
    """Every error code (of a class or given at a raise) and every reason code is in
    its table, and both docs pages (Dutch and English) list every one."""
    klassen = {
        getattr(onderzoekscyclus.errors, n).code
        for n in onderzoekscyclus.errors.__all__
        if isinstance(getattr(onderzoekscyclus.errors, n), type)
        and issubclass(getattr(onderzoekscyclus.errors, n), OnderzoekscyclusError)
    }
    fouten, redenen = _codes_in_de_bron()
    assert klassen | fouten <= set(FOUTCODES)
    assert redenen <= set(TEKSTEN)
    for pagina in (ROOT / "docs" / "bibliotheek.md", ROOT / "docs" / "en" / "library.md"):
        tekst = pagina.read_text(encoding="utf-8")
        ontbreekt = [c for c in [*FOUTCODES, *TEKSTEN] if f"| `{c}` |" not in tekst]
        assert ontbreekt == [], f"{pagina.name} mist {ontbreekt}"


def test_een_weigering_is_data_met_code_operatie_toestand_en_onderwerp(tmp_path: Path) -> None:
    """A refused step says, as data, what was asked, in which state, about what, and
    why (codes with values); the text is in the werkplaats' language."""
    wp = Werkplaats.maak(tmp_path / "w", "W", vandaag=VasteKlok(DAG), taal="en")
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    groep = wp.werkgroepen.toevoegen("Lezen", scholen=["De Regenboog"], themas=["lezen"])
    wp.cycli.start(groep.id, aanleiding="a", vraag="v")
    with pytest.raises(Geweigerd) as fout:
        wp.cycli.plan(groep.id, acties=[("x", None, None)], literatuur=["boek"])
    data = json.loads(json.dumps(als_data(fout.value)))
    assert data["code"] == "geweigerd"
    assert (data["machine"], data["operatie"], data["toestand"]) == (
        "onderzoekscyclus",
        "plan",
        "aanleiding",
    )
    assert (data["onderwerp"], data["onderwerp_id"]) == ("Lezen", groep.id)
    assert [r["code"] for r in data["redenen"]] == ["fase"]
    assert data["redenen"][0]["waarden"]["fase"] == "aanleiding"
    assert "not possible in phase" in data["redenen"][0]["tekst"]
    assert "ozc" not in json.dumps(data)


def test_een_dubbelzinnige_verwijzing_noemt_de_kandidaten_met_id(tmp_path: Path) -> None:
    wp = Werkplaats.maak(tmp_path / "w", "W", vandaag=VasteKlok(DAG))
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    groepen = [
        wp.werkgroepen.toevoegen(n, scholen=["De Regenboog"], themas=["rekenen"])
        for n in ("Rekenen groep 5-8", "Rekenen kleuters")
    ]
    with pytest.raises(AmbiguousReference) as fout:
        wp.werkgroepen.zoek("rekenen")
    assert set(fout.value.kandidaten) == {Kandidaat(g.id, g.naam) for g in groepen}
    data = fout.value.als_data()
    assert data["code"] == "verwijzing.dubbelzinnig"
    assert {k["id"] for k in data["kandidaten"]} == {g.id for g in groepen}
    with pytest.raises(UnknownReference) as onbekend:
        wp.werkgroepen.zoek("Rekenen groep 5-9")
    assert onbekend.value.code == "verwijzing.onbekend"
    assert groepen[0].id in {k.id for k in onbekend.value.kandidaten}


def test_engelse_meldingen_voor_wie_erom_vraagt(tmp_path: Path) -> None:
    """Library messages follow the language of the werkplaats, not of the process."""
    nl = Werkplaats.maak(tmp_path / "nl", "NL", vandaag=VasteKlok(DAG))
    en = Werkplaats.open(nl.root, vandaag=VasteKlok(DAG), taal="en")
    for wp, woord in ((nl, "Geen school"), (en, "No school")):
        with pytest.raises(UnknownReference, match=woord):
            wp.scholen.zoek("Nergens")
    with pytest.raises(InvalidValue, match="Invalid sector"):
        en.scholen.toevoegen("X", brin="12AB", sector="poo")  # type: ignore[arg-type]


# --- data shapes -------------------------------------------------------------------------


def _koppel_en_weer_los(wp: Werkplaats) -> object:
    """A link to another werkplaats, made and removed again (the demo is shared)."""
    import tempfile

    ander = Werkplaats.maak(Path(tempfile.mkdtemp()) / "ander", "Ander partnerschap")
    wp.koppel(ander.root)
    return wp.ontkoppel("Ander partnerschap")


_VOORBEELDEN: dict[str, Callable[[Werkplaats], Any]] = {
    "School": lambda wp: wp.scholen.zoek("De Regenboog"),
    "Persoon": lambda wp: wp.personen.lijst()[0],
    "Werkgroep": lambda wp: wp.werkgroepen.lijst()[0],
    "Logregel": lambda wp: next(g for g in wp.werkgroepen.lijst() if g.logboek).logboek[0],
    "Besluit": lambda wp: wp.besluitvorming.lijst()[0],
    "Zelfevaluatie": lambda wp: wp.zelfevaluaties.metingen(alle=True)[0],
    "Schoolbezoek": lambda wp: wp.bezoeken.zoek("Visitatie De Regenboog"),
    "Bezoeksuggesties": lambda wp: wp.netwerk.bezoekscholen("De Regenboog"),
    "Bezoekerssuggesties": lambda wp: wp.netwerk.bezoekers("Collegiale consultatie"),
    "Status": lambda wp: wp.status(),
    "CyclusOverzicht": lambda wp: wp.cycli.overzicht(
        next(g for g in wp.werkgroepen.lijst() if g.cycli).id
    ),
    "BesluitOverzicht": lambda wp: wp.besluitvorming.overzicht(
        wp.besluitvorming.lijst()[0].id, voor=wp.personen.lijst()[0].id
    ),
    "Expertisebeeld": lambda wp: wp.expertise.beeld("De Regenboog"),
    "Partnerschapsbeeld": lambda wp: wp.expertise.partnerschap(),
    "Schoolprofiel": lambda wp: wp.scholen.schoolprofiel("De Regenboog"),
    "Resultaat": lambda wp: wp.zelfevaluaties.resultaat(
        "lerende-organisatie", school="De Regenboog"
    ),
    "Vergelijking": lambda wp: wp.zelfevaluaties.vergelijk(
        *(m.id for m in wp.zelfevaluaties.metingen("lerende-organisatie", school="De Regenboog")),
        school="De Regenboog",
    ),
    "ThemaGebruik": lambda wp: wp.netwerk.lijst()[0],
    "ThemaScholen": lambda wp: wp.netwerk.scholen("lezen"),
    "ThemaExperts": lambda wp: wp.netwerk.experts("lezen"),
    "VergelijkbareScholen": lambda wp: wp.netwerk.vergelijkbaar("De Regenboog"),
    "Thematischnetwerk": lambda wp: wp.netwerk.netwerken()[0],
    "Instrument": lambda wp: wp.zelfevaluaties.instrument("lerende-organisatie"),
    "Catalogus": lambda wp: wp.zelfevaluaties.catalogus(),
    "Invulling": lambda wp: wp.zelfevaluaties.invullen(
        "lerend-partnerschap", antwoorden={}, respondent="concept 1", concept=True
    ),
    "Import": lambda wp: wp.zelfevaluaties.importeer_csv(
        "lerend-partnerschap", _csv(wp, "lerend-partnerschap")
    ),
    "CyclusSamenvatting": lambda wp: wp.cycli.lijst()[0],
    "GenummerdeLogregel": lambda wp: wp.logboek.lees(
        next(g for g in wp.werkgroepen.lijst() if g.logboek).id
    )[0],
    "MetingSamenvatting": lambda wp: wp.zelfevaluaties.lijst(alle=True)[0],
    "Planpunt": lambda wp: wp.planning.lijst()[0],
    "Vergeetverslag": lambda wp: wp.personen.vergeet(wp.personen.lijst()[0].id, uitvoeren=False),
    "Verwijderd": lambda wp: wp.besluitvorming.verwijder(
        wp.besluitvorming.lijst()[0].id, uitvoeren=False
    ),
    "Koppeling": _koppel_en_weer_los,
    "Samengevoegd": lambda wp: wp.scholen.samenvoegen(
        wp.scholen.lijst()[0].id, wp.scholen.lijst()[1].id, uitvoeren=False
    ),
    "Schoolimport": lambda wp: wp.scholen.importeer(_duo(wp), uitvoeren=False),
    "Thema": lambda wp: wp.netwerk.toevoegen("Kanjertraining", breder="sociale veiligheid"),
    "Agendapunt": lambda wp: wp.ontwikkelagenda.lijst()[0],
    "Agendaoverzicht": lambda wp: wp.ontwikkelagenda.overzicht(),
    "Puntstand": lambda wp: wp.ontwikkelagenda.stand("Begrijpend lezen"),
    "Aanvraag": lambda wp: wp.ontwikkelagenda.verwijder_aanvraag("Begrijpend lezen", 2),
    "Aansluiten": lambda wp: wp.netwerk.aansluiten("Iris Maas"),
    "Ondersteuning": lambda wp: wp.netwerk.ondersteuning("Rekenen groep 5-8"),
    "Lidmaatschap": lambda wp: wp.personen.werkgroepen("Iris Maas")[0],
}


def _duo(wp: Werkplaats) -> Path:
    """An address file as DUO gives it: one new location, one of a school already here."""
    regenboog = wp.scholen.zoek("De Regenboog")
    pad = wp.root.parent / "duo.csv"
    pad.write_text(
        "INSTELLINGSCODE;VESTIGINGSCODE;VESTIGINGSNAAM;PLAATSNAAM;SOORT PO\n"
        f"{regenboog.brin};{regenboog.brin}00;De Regenboog;Valkenswaard;BO\n"
        "99ZZ;99ZZ00;Basisschool Nieuw;Eersel;SBO\n",
        encoding="utf-8",
    )
    return pad


def _csv(wp: Werkplaats, instrument: str) -> Path:
    """A CSV as a form tool exports it: two respondents who answered every item 2."""
    items = [i.id for i in wp.zelfevaluaties.instrument(instrument).items()]
    pad = wp.root.parent / "formulier.csv"
    regels = [",".join(items), ",".join("2" for _ in items), ",".join("3" for _ in items)]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def test_elke_vorm_heeft_een_voorbeeld() -> None:
    assert set(_VOORBEELDEN) == set(vorm.VORMEN)


@pytest.mark.parametrize("naam", sorted(vorm.VORMEN))
def test_elke_vorm_valideert_tegen_zijn_gepubliceerde_schema(demo: Werkplaats, naam: str) -> None:
    """A real answer of each view, as ``als_data`` gives it, is valid JSON that fits
    the schema published in docs/schema/ (and the schema is the class's own)."""
    obj = _VOORBEELDEN[naam](demo)
    assert type(obj) is vorm.klasse_van(naam)
    data = json.loads(json.dumps(als_data(obj)))
    _valideer(naam, data)
    assert schema_van(type(obj))["title"] == naam


def _teruggegeven_klassen() -> set[type[Any]]:
    """Every attrs class a public method of a service (or of Werkplaats) returns."""
    from onderzoekscyclus import api

    gevonden: set[type[Any]] = set()

    def voeg_toe(soort: Any) -> None:
        if isinstance(soort, type) and attrs.has(soort):
            gevonden.add(soort)
        for arg in typing.get_args(soort):
            voeg_toe(arg)

    for naam in api.__all__:
        klasse = getattr(api, naam)
        if attrs.has(klasse):
            continue
        for methode_naam, methode in vars(klasse).items():
            if methode_naam.startswith("_") or not callable(methode):
                continue
            # names a module imports for type checking only come from the package root
            import networkx as nx

            namen = {n: getattr(onderzoekscyclus, n) for n in onderzoekscyclus.__all__}
            namen.update(vars(sys.modules[methode.__module__]), nx=nx)
            voeg_toe(typing.get_type_hints(methode, globalns=namen).get("return"))
    return gevonden


def test_elke_klasse_die_de_api_teruggeeft_heeft_een_schema() -> None:
    """A new view cannot be added without a published schema (or it is part of one)."""
    gepubliceerd = {vorm.klasse_van(n) for n in vorm.VORMEN}
    binnen = set()
    for klasse in gepubliceerd:
        binnen |= set(schema_van(klasse)["$defs"])
    zonder = {
        k.__name__
        for k in _teruggegeven_klassen()
        if k not in gepubliceerd and k.__name__ not in binnen
    }
    assert zonder == set()


def test_status_bevat_geen_pad_en_verwijst_met_ids(demo: Werkplaats) -> None:
    """The status holds no folder of the server, refers to schools and leaders by id
    as the werkgroep does, and names only the ids it uses."""
    status = demo.status()
    tekst = json.dumps(als_data(status))
    assert str(demo.root) not in tekst
    assert str(demo.root.parent) not in tekst
    for regel in status.werkgroepen:
        groep = demo.werkgroepen.zoek(id=regel.id)
        assert regel.scholen == groep.scholen
        assert regel.leiders == groep.leiders()
        assert {*regel.scholen, *regel.leiders, regel.id} <= set(status.namen)


# --- lookups and lists ---------------------------------------------------------------------


def test_exact_op_id_en_vaag_alleen_op_wat_iemand_typt(tmp_path: Path) -> None:
    wp = Werkplaats.maak(tmp_path / "w", "W", vandaag=VasteKlok(DAG))
    piet = wp.personen.toevoegen("Piet")
    assert wp.personen.zoek(id=piet.id) == piet
    for bijna in ("p", "persoon", "persoon-", "PERSOON-"):
        if bijna.lower() != "p":  # "p" is the start of Piet's name
            with pytest.raises(UnknownReference):
                wp.personen.zoek(bijna)
    assert wp.personen.zoek("p") == piet
    assert wp.personen.zoek(piet.id[:9]) == piet  # the start of its own part counts
    with pytest.raises(UnknownReference) as fout:
        wp.personen.zoek(id=piet.id[:-1])
    assert fout.value.verwijzing == piet.id[:-1]
    with pytest.raises(InvalidValue):
        wp.personen.zoek("Piet", id=piet.id)
    with pytest.raises(InvalidValue):
        wp.personen.zoek()


def test_lijsten_filteren_en_bladeren(demo: Werkplaats) -> None:
    """Filters choose, the order is by name, and pages cut that order without overlap."""
    alle = demo.werkgroepen.lijst()
    assert [g.naam.casefold() for g in alle] == sorted(g.naam.casefold() for g in alle)
    paginas = [demo.werkgroepen.lijst(limit=3, offset=o) for o in range(0, len(alle), 3)]
    assert [g for p in paginas for g in p] == alle
    assert demo.werkgroepen.lijst(limit=0) == []
    lezen = demo.werkgroepen.lijst(thema="lezen")
    assert lezen and all("lezen" in " ".join(g.themas).lower() for g in lezen)
    po = demo.scholen.lijst(sector="po")
    assert po and {s.sector.value for s in po} == {"po"}
    regenboog = demo.scholen.zoek("De Regenboog")
    assert {g.id for g in demo.werkgroepen.lijst(school=regenboog.id)} == {
        g.id for g in alle if regenboog.id in g.scholen
    }
    in_uitvoering = demo.werkgroepen.lijst(fase="uitvoering")
    assert {g.id for g in in_uitvoering} == {
        g.id for g in alle if g.cycli and g.cycli[-1].fase.value == "uitvoering"
    }
    besloten = demo.besluitvorming.lijst(fase="geborgd")
    assert all(b.fase.value == "geborgd" for b in besloten)
    for fout in ({"limit": -1}, {"offset": -2}, {"limit": True}):
        with pytest.raises(InvalidValue):
            demo.personen.lijst(**fout)
    with pytest.raises(InvalidValue, match="fase"):
        demo.werkgroepen.lijst(fase="klaar")  # type: ignore[arg-type]


# --- stability --------------------------------------------------------------------------


@pytest.mark.parametrize("pagina", ["bibliotheek.md", "en/library.md"])
def test_elke_publieke_naam_heeft_een_plek_in_de_stabiliteit(pagina: str) -> None:
    """Every public name is named on the library page, or is a stored class, a view or a
    choice (which the page covers as groups, each with its schema)."""
    import enum
    import re

    tekst = (ROOT / "docs" / pagina).read_text(encoding="utf-8")
    zonder = [
        n
        for n in onderzoekscyclus.__all__
        if not re.search(rf"\b{re.escape(n)}\b", tekst)
        and not (
            isinstance(getattr(onderzoekscyclus, n), type)
            and (
                attrs.has(getattr(onderzoekscyclus, n))
                or issubclass(getattr(onderzoekscyclus, n), enum.Enum)
            )
        )
    ]
    assert zonder == []


def test_een_verouderde_naam_werkt_nog_een_versie_met_een_waarschuwing() -> None:
    """The deprecation policy: an old name still gives the new object, and warns."""
    from onderzoekscyclus.laden import op_aanvraag

    naamruimte: dict[str, Any] = {}
    getattr_, _dir = op_aanvraag(
        "pakket",
        {"VasteKlok": "onderzoekscyclus.klok"},
        naamruimte,
        {"Klok2": ("VasteKlok", "0.3.0")},
    )
    with pytest.warns(DeprecationWarning, match=r"pakket\.Klok2 .* 0\.3\.0; use pakket\.VasteKlok"):
        assert getattr_("Klok2") is VasteKlok
    assert "Klok2" not in naamruimte


# --- typed inputs --------------------------------------------------------------------------


def test_elke_waarde_soort_past_bij_zijn_enum() -> None:
    """The Literal type of each choice names exactly the values of its enum."""
    for naam in onderzoekscyclus.__all__:
        if not naam.endswith("Waarde"):
            continue
        enum = getattr(onderzoekscyclus, naam.removesuffix("Waarde"))
        assert set(typing.get_args(getattr(onderzoekscyclus, naam))) == {e.value for e in enum}


def _mypy(pad: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), str(pad)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


@pytest.mark.slow
def test_een_gebruiker_slaagt_voor_mypy_strict_en_een_tikfout_niet(tmp_path: Path) -> None:
    """examples/integratie.py passes ``mypy --strict``; the same script with
    ``sector="poo"`` does not, and mypy names the argument."""
    goed = _mypy(VOORBEELD, tmp_path / "cache")
    assert goed.returncode == 0, goed.stdout
    fout = tmp_path / "tikfout.py"
    tekst = VOORBEELD.read_text(encoding="utf-8")
    assert 'sector="po"' in tekst
    fout.write_text(tekst.replace('sector="po"', 'sector="poo"', 1), encoding="utf-8")
    slecht = _mypy(fout, tmp_path / "cache")
    assert slecht.returncode == 1
    assert '"sector"' in slecht.stdout and "poo" in slecht.stdout


# --- the consumer script -------------------------------------------------------------------


def test_de_gebruiker_doorloopt_alles_in_het_engels_met_een_vaste_datum(tmp_path: Path) -> None:
    """The integration example runs a whole cycle and decision with a fixed date and
    English messages, survives eight threads on one object, and every view it reads
    validates against its schema."""
    import runpy

    main = runpy.run_path(str(VOORBEELD))["main"]
    uit = main(tmp_path)
    assert [f["operatie"] for f in uit["geweigerd"]] == ["doel", "neem"]
    assert all(r["tekst"].isascii() for f in uit["geweigerd"] for r in f["redenen"])
    assert "feedback round" in uit["geweigerd"][1]["redenen"][0]["tekst"]
    assert uit["draden"]["aangekomen"] == uit["draden"]["geschreven"] == 80
    assert uit["vreemde_fouten"] == []
    for naam, data in uit["views"].items():
        _valideer(naam, data)
    assert uit["views"]["Besluit"]["fase"] == "geborgd"
    assert uit["views"]["CyclusOverzicht"]["cyclus"]["fase"] == "afgerond"
