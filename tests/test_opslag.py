"""The werkplaats store: round trips, deterministic bytes, schema versions, errors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from onderzoekscyclus import (
    FileFormatError,
    SchemaVersionError,
    Werkgroep,
    Werkplaats,
    WerkplaatsNotFound,
)
from onderzoekscyclus.opslag import Opslag, vind_werkplaats
from onderzoekscyclus.opslag._atomic import write_atomic
from onderzoekscyclus.opslag.bestanden import SOORTEN
from onderzoekscyclus.opslag.regelids import zonder_ids as zonder_regelids

from . import strategies as s
from .conftest import momentopname
from .grondig import voorbeelden

OPGESLAGEN = [s.scholen, s.personen, s.werkgroepen, s.besluiten]


@pytest.mark.parametrize("strategie", OPGESLAGEN, ids=["school", "persoon", "werkgroep", "besluit"])
def test_opslaan_en_laden_geeft_hetzelfde_object_en_dezelfde_bytes(
    strategie: Any, werkplaats: Werkplaats
) -> None:
    """save → load gives an equal object; save → load → save gives identical bytes."""
    opslag = werkplaats.opslag

    @settings(max_examples=voorbeelden(40))
    @given(obj=strategie)
    def eigenschap(obj: Any) -> None:
        pad = opslag.schrijf(obj)
        eerst = pad.read_bytes()
        geladen = opslag.lees(type(obj), obj.id)
        assert zonder_regelids(geladen) == zonder_regelids(obj)
        assert zonder_regelids(geladen) == geladen or geladen != obj  # entries got ids
        opslag.schrijf(geladen)
        assert pad.read_bytes() == eerst

    with opslag.vergrendeld():
        eigenschap()


@given(info=s.werkplaats_infos)
def test_rootbestand_rond(info: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The root file round-trips too."""
    opslag = Opslag.maak(tmp_path_factory.mktemp("wp"), info)
    assert opslag.info() == info


def test_bestand_draagt_schemaversie(gevulde_werkplaats: Werkplaats) -> None:
    """Every file and the root start with the schema version."""
    for pad in gevulde_werkplaats.root.rglob("*.toml"):
        assert pad.read_text(encoding="utf-8").startswith('schema = "1.0"\n'), pad


def _werkgroep_pad(wp: Werkplaats) -> Path:
    return next((wp.root / "werkgroepen").glob("*.toml"))


def test_nieuwere_hoofdversie_wordt_geweigerd_en_niet_herschreven(
    gevulde_werkplaats: Werkplaats,
) -> None:
    """A file of schema 2.0 is refused by reading, migrating and logging; its bytes stay."""
    pad = _werkgroep_pad(gevulde_werkplaats)
    nieuw = pad.read_bytes().replace(b'schema = "1.0"', b'schema = "2.0"')
    pad.write_bytes(nieuw)
    with pytest.raises(SchemaVersionError, match="nieuwere versie"):
        gevulde_werkplaats.werkgroepen.lijst()
    with pytest.raises(FileFormatError, match="nieuwere versie"):
        gevulde_werkplaats.migreer()
    with pytest.raises(SchemaVersionError, match="nieuwere versie"):
        gevulde_werkplaats.logboek.schrijf(pad.stem, "nog een regel")
    assert pad.read_bytes() == nieuw


def test_nieuwere_kleine_versie_met_bekende_sleutels_wordt_gelezen(
    gevulde_werkplaats: Werkplaats,
) -> None:
    """Schema 1.7 with only known keys reads as usual."""
    pad = _werkgroep_pad(gevulde_werkplaats)
    pad.write_bytes(pad.read_bytes().replace(b'schema = "1.0"', b'schema = "1.7"'))
    assert gevulde_werkplaats.werkgroepen.zoek(pad.stem).naam == "Rekenen groep 5-8"


def _v0_naar_v1(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data["naam"] = data.pop("name")
    data["leden"] = [{"persoon": p, "rol": r} for p, r in data.pop("members", {}).items()]
    return data


V0 = b"""schema = "0.4"
name = "Oude werkgroep"
scholen = ["school-abc234"]
members = { persoon-abc234 = "leider" }
"""


def test_migratie_van_een_oudere_versie(werkplaats: Werkplaats) -> None:
    """A v0 file loads through its migration step, and migreer rewrites it at 1.0."""
    pad = werkplaats.root / "werkgroepen" / "oud-abc234.toml"
    pad.write_bytes(V0)
    wp = Werkplaats(werkplaats.root, migraties={("werkgroep", 0): _v0_naar_v1})
    groep = wp.werkgroepen.zoek("oud")
    assert groep.naam == "Oude werkgroep"
    assert [(lid.persoon, lid.rol.value) for lid in groep.leden] == [("persoon-abc234", "leider")]
    assert wp.migreer() == ["werkgroepen/oud-abc234.toml"]
    assert pad.read_bytes() == wp.opslag.inhoud(groep)
    assert wp.migreer() == []


def test_zonder_migratiestap_noemt_de_fout_de_ontbrekende_migratie(werkplaats: Werkplaats) -> None:
    """Without a step from 0 to 1 the message says so, and names the file."""
    pad = werkplaats.root / "werkgroepen" / "oud-abc234.toml"
    pad.write_bytes(V0)
    with pytest.raises(SchemaVersionError) as fout:
        werkplaats.werkgroepen.lijst()
    assert "werkgroepen/oud-abc234.toml" in str(fout.value)
    assert "geen migratie van schema 0 naar 1" in str(fout.value)
    assert pad.read_bytes() == V0


def _schrijf_werkgroep(wp: Werkplaats, inhoud: str) -> Path:
    pad = wp.root / "werkgroepen" / "kapot-abc234.toml"
    pad.write_text(inhoud, encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    ("inhoud", "verwacht"),
    [
        (
            'schema = "1.0"\nnaam = "X"\nscholen = ["s-abc234"]\nleden = [\n'
            '  {persoon = "p-abc234", rol = "leider"},\n  {persoon = "p-bcd234", rol = "lid"},\n'
            '  {persoon = "p-cde234", rol = "baas"},\n]\n',
            "werkgroepen/kapot-abc234.toml @ $.leden[2].rol",
        ),
        ('schema = "1.0"\nnaam = 12\nscholen = ["s-abc234"]\n', "@ $.naam: verwacht tekst"),
        (
            'schema = "1.0"\nnaam = "X"\nscholen = ["s-abc234"]\nkleur = "rood"\n',
            "onbekende sleutel(s): kleur",
        ),
        ('schema = "1.0"\nscholen = ["s-abc234"]\n', "@ $.naam: verplicht veld ontbreekt"),
        ('schema = "1.0"\nnaam = "X"\nscholen = ["s-abc234"\n', "Geen geldige TOML"),
        ('naam = "X"\nscholen = ["s-abc234"]\n', "De sleutel 'schema' ontbreekt"),
        ('schema = "1.0"\nnaam = "X"\nscholen = []\n', "minstens één school"),
    ],
    ids=["rol", "type", "onbekend", "ontbreekt", "toml", "schema", "validatie"],
)
def test_fouten_in_bestanden_noemen_bestand_en_pad(
    werkplaats: Werkplaats, inhoud: str, verwacht: str
) -> None:
    """Unknown keys, wrong types, bad TOML: an error naming the file and the path."""
    _schrijf_werkgroep(werkplaats, inhoud)
    with pytest.raises(FileFormatError) as fout:
        werkplaats.werkgroepen.lijst()
    tekst = str(fout.value)
    assert "werkgroepen/kapot-abc234.toml" in tekst
    assert verwacht in tekst


def test_geen_utf8(werkplaats: Werkplaats) -> None:
    """Bytes that are not UTF-8 are reported with the file name."""
    (werkplaats.root / "werkgroepen" / "kapot-abc234.toml").write_bytes(b'naam = "\xff"\n')
    with pytest.raises(FileFormatError, match="geen UTF-8"):
        werkplaats.werkgroepen.lijst()


def test_controleer_meldt_alle_problemen(gevulde_werkplaats: Werkplaats) -> None:
    """controleer lists every problem of several files and dangling references."""
    wp = gevulde_werkplaats
    (wp.root / "scholen" / "kapot-abc234.toml").write_text('schema = "1.0"\nnaam = 1\n')
    (wp.root / "personen" / "kapot-abc234.toml").write_text("dit is geen toml")
    groep = wp.werkgroepen.lijst()[0]
    wp.opslag.schrijf(
        attrs.evolve(
            groep, leden=(*groep.leden, attrs.evolve(groep.leden[0], persoon="persoon-weg234"))
        )
    )
    problemen = wp.controleer()
    tekst = "\n".join(problemen)
    assert "scholen/kapot-abc234.toml @ $.naam" in tekst
    assert "scholen/kapot-abc234.toml @ $.brin: verplicht veld ontbreekt" in tekst
    assert "personen/kapot-abc234.toml" in tekst
    assert "$.leden[1].persoon: persoon 'persoon-weg234' bestaat niet" in tekst
    assert len(problemen) >= 5


def test_controleer_op_een_goede_werkplaats(gevulde_werkplaats: Werkplaats) -> None:
    """A werkplaats made through the API has no problems."""
    assert gevulde_werkplaats.controleer() == []


def test_atomisch_schrijven_laat_geen_tijdelijke_bestanden(tmp_path: Path) -> None:
    """After a write only the target exists, with the umask's permissions."""
    pad = tmp_path / "x.toml"
    write_atomic(pad, b"a = 1\n")
    write_atomic(pad, b"a = 2\n")
    assert [p.name for p in tmp_path.iterdir()] == ["x.toml"]
    assert pad.read_bytes() == b"a = 2\n"
    masker = os.umask(0)
    os.umask(masker)
    assert pad.stat().st_mode & 0o777 == 0o666 & ~masker


def test_oude_tijdelijke_bestanden_worden_opgeruimd(werkplaats: Werkplaats) -> None:
    """A temp file a crashed writer left is swept when the lock is taken next."""
    resten = werkplaats.root / "werkgroepen" / ".ozc-x.toml.abcd.tmp"
    resten.write_bytes(b"half")
    werkplaats.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    assert not resten.exists()


def test_werkplaats_gevonden_naar_boven_expliciet_en_via_omgeving(
    werkplaats: Werkplaats, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Upwards from a sub folder, by explicit path, then by the environment variable."""
    diep = werkplaats.root / "scholen"
    assert vind_werkplaats(start=diep) == werkplaats.root
    assert vind_werkplaats(werkplaats.root) == werkplaats.root
    elders = tmp_path / "elders"
    elders.mkdir()
    omgeving = {"ONDERZOEKSCYCLUS_WERKPLAATS": str(werkplaats.root)}
    assert vind_werkplaats(start=elders, omgeving=omgeving) == werkplaats.root
    with pytest.raises(WerkplaatsNotFound, match="Geen werkplaats gevonden"):
        vind_werkplaats(start=elders, omgeving={})
    with pytest.raises(WerkplaatsNotFound, match="ontbreekt"):
        vind_werkplaats(elders)


def test_ids_zijn_leesbaar_uniek_en_persoonsids_bevatten_geen_naam(werkplaats: Werkplaats) -> None:
    """School ids are slug + random part; person ids carry nothing of the name."""
    school = werkplaats.scholen.toevoegen("Basisschool De Regenboog", brin="12AB", sector="po")
    assert school.id.startswith("basisschool-de-regenboog-")
    personen = [werkplaats.personen.toevoegen("Anna de Vries") for _ in range(30)]
    assert len({p.id for p in personen}) == 30
    for persoon in personen:
        assert persoon.id.startswith("persoon-")
        assert "anna" not in persoon.id and "vries" not in persoon.id


def test_namen_van_personen_staan_alleen_in_personen(gevulde_werkplaats: Werkplaats) -> None:
    """AVG: no other file holds the name of a person."""
    for pad, inhoud in momentopname(gevulde_werkplaats.root).items():
        if not pad.startswith("personen/"):
            assert b"Anna" not in inhoud, pad


def test_elke_soort_heeft_een_map(werkplaats: Werkplaats) -> None:
    """A new werkplaats has a folder for every kind of entity."""
    for soort in SOORTEN.values():
        assert (werkplaats.root / soort.map).is_dir()


def test_bestaande_niet_lege_map_wordt_niet_overschreven(tmp_path: Path) -> None:
    """init refuses a folder that is not empty and leaves it alone."""
    (tmp_path / "iets.txt").write_text("van mij")
    with pytest.raises(Exception, match="niet leeg"):
        Werkplaats.maak(tmp_path, "X")
    assert momentopname(tmp_path) == {"iets.txt": b"van mij"}


def test_werkgroep_zonder_cycli_laadt(gevulde_werkplaats: Werkplaats) -> None:
    """A werkgroep file without cycles is a werkgroep with an empty tuple of cycles."""
    groep: Werkgroep = gevulde_werkplaats.werkgroepen.zoek("rekenen")
    assert groep.cycli == ()
