"""Under attack: nothing leaks, nothing outside is touched, nothing is quietly damaged.

Each test plays one kind of attempt the way it would happen for real: a name typed in
another spelling, a folder that git checked out as a link, an export aimed at the
werkplaats' own file or at a FIFO, a file from a newer version, a private file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import subprocess
import unicodedata
from pathlib import Path

import pytest

from onderzoekscyclus import VasteKlok, Werkplaats
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.export import exporteer

from .conftest import Ozc

DAG = dt.date(2026, 11, 23)


def _momentopname(map_: Path) -> dict[str, bytes | str]:
    uit: dict[str, bytes | str] = {}
    for pad in sorted(map_.rglob("*")):
        sleutel = str(pad.relative_to(map_))
        if pad.is_symlink():
            uit[sleutel] = f"-> {pad.readlink()}"
        elif pad.is_file():
            uit[sleutel] = pad.read_bytes()
        else:
            uit[sleutel] = "map"
    return uit


@pytest.fixture
def wp(tmp_path: Path) -> Werkplaats:
    werkplaats = Werkplaats.maak(tmp_path / "wp", "Test", vandaag=VasteKlok(DAG))
    werkplaats.scholen.toevoegen("Anne Frankschool", brin="12AB", sector="po")
    werkplaats.personen.toevoegen("Anne Jansen", school="Anne Frankschool")
    werkplaats.personen.toevoegen("Mehmet Yılmaz", school="Anne Frankschool")
    werkplaats.werkgroepen.toevoegen(
        "Leesclub Mehmet", scholen=["Anne Frankschool"], themas=["lezen"]
    )
    return werkplaats


# --- pseudonymisation ----------------------------------------------------------------------


def test_turkse_i_laat_de_pseudoniem_export_niet_vallen(
    wp: Werkplaats, ozc: Ozc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The example of the report: a dotless i in free text crashed every --pseudoniem
    export (exit 70). Now it exports, and no spelling of the name is left."""
    monkeypatch.chdir(wp.root)
    for tekst in (
        "Gesprek met Mehmet Yılmaz",
        "MEHMET YILMAZ belde",
        "mehmet yilmaz zonder puntjes",
        unicodedata.normalize("NFD", "Yılmaz in NFD"),
        "İyi günler, YILMAZ",
    ):
        assert ozc("log", "leesclub", tekst).exit_code == 0
    uit = ozc("export", "json", "--pseudoniem")
    assert uit.exit_code == 0, uit.stderr
    tekst = unicodedata.normalize("NFC", uit.stdout).casefold()
    for vorm in ("yılmaz", "yilmaz", "mehmet"):
        assert vorm not in tekst


def test_voornaam_die_ook_in_een_schoolnaam_staat_gaat_toch(wp: Werkplaats, tmp_path: Path) -> None:
    """'Anne' alone is replaced, even though the school is called Anne Frankschool; the
    school's own name stays (it is no personal datum)."""
    wp.logboek.schrijf("leesclub", "Anne bezocht met ons de Anne Frankschool; ANNE was blij")
    exporteer(wp, "json", tmp_path / "uit.json", pseudoniem_=True)
    data = json.loads((tmp_path / "uit.json").read_text(encoding="utf-8"))
    regel = data["werkgroepen"][0]["logboek"][0]["tekst"]
    assert "Anne Frankschool" in regel
    assert regel.replace("Anne Frankschool", "").casefold().count("anne") == 0
    assert data["scholen"][0]["naam"] == "Anne Frankschool"


def test_mail_telefoon_en_ids_met_een_naam_lekken_niet(wp: Werkplaats, tmp_path: Path) -> None:
    groep = wp.werkgroepen.zoek("Leesclub")
    assert "mehmet" in groep.id  # the id holds the slug of a person's name
    wp.logboek.schrijf(
        groep.id, "Mail anne.jansen@school.example of bel 06-12345678 / +31 20 123 4567"
    )
    exporteer(wp, "json", tmp_path / "uit.json", pseudoniem_=True)
    tekst = (tmp_path / "uit.json").read_text(encoding="utf-8")
    for lek in ("school.example", "12345678", "123 4567", "mehmet", "Mehmet", "anne.jansen"):
        assert lek not in tekst
    data = json.loads(tekst)
    nieuw_id = data["werkgroepen"][0]["id"]
    assert nieuw_id.startswith("werkgroep-") and nieuw_id != groep.id


def test_een_respondentlabel_wordt_bij_invoer_een_persoon_of_een_pseudoniem(
    wp: Werkplaats,
) -> None:
    """A label that names a person of the werkplaats is stored as that person's id; any
    other label is not stored at all (the respondent gets 'respondent N')."""
    zelf = wp.zelfevaluaties
    items = zelf.instrument("lerende-organisatie").items()
    antwoorden = {i.id: 2 for i in items}
    school = "Anne Frankschool"
    anne = zelf.invullen(
        "lerende-organisatie", antwoorden=antwoorden, school=school, respondent="anne jansen"
    )
    assert anne.respondent.label == wp.personen.zoek("Anne Jansen").id
    vreemde = zelf.invullen(
        "lerende-organisatie", antwoorden=antwoorden, school=school, respondent="Juf Petra de Wit"
    )
    assert vreemde.respondent.label == "respondent 2"
    inhoud = "".join(p.read_text(encoding="utf-8") for p in (wp.root / "zelfevaluaties").iterdir())
    assert "Petra" not in inhoud and "Anne" not in inhoud


# --- destruction -----------------------------------------------------------------------------


def test_demo_vervangen_houdt_git_en_is_heel_of_niet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--vervang keeps the .git of the old example; a build that fails halfway leaves
    the old example exactly as it was, and nothing hidden behind."""
    map_ = tmp_path / "demo"
    maak_demo(map_, vandaag=DAG)
    subprocess.run(["git", "init", "-q", str(map_)], check=True)
    (map_ / ".git" / "mijn-notitie").write_text("van mij", encoding="utf-8")
    git_voor = _momentopname(map_ / ".git")
    voor = _momentopname(map_)

    from onderzoekscyclus.demo import besluiten

    def faal(*_args: object) -> None:
        raise RuntimeError("halverwege kapot")

    monkeypatch.setattr(besluiten, "maak_besluiten", faal)
    with pytest.raises(RuntimeError):
        maak_demo(map_, vandaag=DAG, vervang=True)
    assert _momentopname(map_) == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]

    monkeypatch.undo()
    nieuw = maak_demo(map_, vandaag=DAG + dt.timedelta(days=1), vervang=True)
    assert nieuw.vandaag() == DAG + dt.timedelta(days=1)
    assert _momentopname(map_ / ".git") == git_voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo"]


@pytest.mark.parametrize(
    ("formaat", "doel"),
    [
        ("markdown", "onderzoekscyclus.toml"),
        ("markdown", ".onderzoekscyclus/lock"),
        ("markdown", ".gitignore"),
        ("csv", "scholen"),
        ("csv", "."),
        ("json", "personen/nieuw.json"),
    ],
)
def test_een_export_schrijft_nooit_over_de_werkplaats_zelf(
    wp: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch, formaat: str, doel: str
) -> None:
    """Not even with --forceer: an export over the werkplaats' own files would destroy
    it. (A new file beside them, such as `--uit verslag.md`, is fine.)"""
    monkeypatch.chdir(wp.root)
    voor = _momentopname(wp.root)
    uit = ozc("export", formaat, "--uit", doel, "--forceer")
    assert uit.exit_code == 2
    assert "hoort bij de werkplaats zelf" in uit.stderr
    assert _momentopname(wp.root) == voor
    assert ozc("export", formaat, "--uit", "verslag").exit_code == 0


def test_fifo_apparaat_en_koppeling_alleen_met_forceer(
    wp: Werkplaats, ozc: Ozc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(wp.root)
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    echt = tmp_path / "echt.md"
    echt.write_text("oud", encoding="utf-8")
    koppeling = tmp_path / "koppeling.md"
    koppeling.symlink_to(echt)
    for doel in (fifo, Path("/dev/null"), koppeling):
        uit = ozc("export", "markdown", "--uit", str(doel))
        assert uit.exit_code == 2, uit.stderr
        assert "--forceer" in uit.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert koppeling.is_symlink() and echt.read_text(encoding="utf-8") == "oud"
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)

    assert ozc("export", "markdown", "--uit", str(koppeling), "--forceer").exit_code == 0
    assert koppeling.is_symlink() and echt.read_text(encoding="utf-8").startswith("# ")
    assert ozc("export", "markdown", "--uit", "/dev/null", "--forceer").exit_code == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_een_gestopte_export_laat_geen_verborgen_map_achter(wp: Werkplaats, tmp_path: Path) -> None:
    """A temporary folder that a killed export left (it is old) goes at the next export
    to the same place; a recent one (an export running now) stays."""
    doel = tmp_path / "uit.json"
    oud = tmp_path / ".uit.json.abc123.tmp"
    oud.mkdir()
    (oud / "uit.json").write_text("{", encoding="utf-8")
    os.utime(oud, (0, 0))
    bezig = tmp_path / ".uit.json.def456.tmp"
    bezig.mkdir()
    exporteer(wp, "json", doel)
    assert not oud.exists()
    assert bezig.exists()
    assert json.loads(doel.read_text(encoding="utf-8"))["werkplaats"] == "Test"


# --- escapes ---------------------------------------------------------------------------------


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.parametrize("koppel", ["werkgroepen", ".onderzoekscyclus"])
def test_een_map_die_git_als_koppeling_uitcheckt_krijgt_niets(
    tmp_path: Path, ozc: Ozc, monkeypatch: pytest.MonkeyPatch, koppel: str
) -> None:
    """A partner commits `werkgroepen -> ../elders`; in a clone the link points outside
    the werkplaats. Writes are refused with a message; the temporary-file sweep leaves
    the files out there alone."""
    elders = tmp_path / "elders"
    elders.mkdir()
    (elders / ".ozc-iets.tmp").write_text("niet van ozc", encoding="utf-8")
    (elders / "rekenen-abc234.toml").write_text('schema = "1.0"\nnaam = "Rekenen"\nscholen = []\n')
    bron = tmp_path / "bron"
    wp = Werkplaats.maak(bron, "Bron", vandaag=VasteKlok(DAG))
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    if (bron / koppel).exists():
        (bron / koppel).rename(tmp_path / "weg")
    (bron / koppel).symlink_to(elders)
    _git("init", "-q", cwd=bron)
    _git("add", "-A", "-f", cwd=bron)
    _git("-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "x", cwd=bron)
    _git("clone", "-q", str(bron), str(tmp_path / "kloon"), cwd=tmp_path)
    kloon = tmp_path / "kloon"
    assert (kloon / koppel).is_symlink()
    voor = _momentopname(elders)
    monkeypatch.chdir(kloon)
    for opdracht in (
        ["werkgroep", "toevoegen", "Lezen", "--school", "regenboog", "--thema", "lezen"],
        ["school", "toevoegen", "De Zon", "--brin", "13AB", "--sector", "po"],
    ):
        uit = ozc(*opdracht)
        if koppel == ".onderzoekscyclus" or opdracht[0] == "werkgroep":
            assert uit.exit_code != 0
            assert "koppeling" in uit.stderr and "buiten de werkplaats" in uit.stderr
    assert _momentopname(elders) == voor


# --- quiet damage ------------------------------------------------------------------------------


def _werkgroepbestand(wp: Werkplaats) -> Path:
    return wp.opslag.pad(type(wp.werkgroepen.zoek("leesclub")), wp.werkgroepen.zoek("leesclub").id)


def test_een_nieuwer_schema_wordt_niet_overschreven(
    wp: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = _werkgroepbestand(wp)
    pad.write_bytes(pad.read_bytes().replace(b'schema = "1.0"', b'schema = "1.1"'))
    voor = pad.read_bytes()
    monkeypatch.chdir(wp.root)
    uit = ozc("log", "leesclub", "Nog een regel")
    assert uit.exit_code != 0
    assert "nieuwere versie" in uit.stderr and "1.1" in uit.stderr
    assert pad.read_bytes() == voor


def test_opmerkingen_worden_vooraf_gemeld_en_rechten_blijven(
    wp: Werkplaats, ozc: Ozc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A private file (0600, another group) stays private after a write; a file with
    comments gets a warning before they go, and the data stays."""
    pad = _werkgroepbestand(wp)
    pad.write_bytes(b"# afspraak: alleen de leider schrijft hier\n" + pad.read_bytes())
    pad.chmod(0o600)
    os.chown(pad, -1, 1)
    monkeypatch.chdir(wp.root)
    uit = ozc("log", "leesclub", "Nog een regel")
    assert uit.exit_code == 0, uit.stderr
    assert "opmerkingen" in uit.stderr and pad.name in uit.stderr
    assert stat.S_IMODE(pad.stat().st_mode) == 0o600
    assert pad.stat().st_gid == 1
    assert [r.tekst for r in wp.werkgroepen.zoek("leesclub").logboek] == ["Nog een regel"]
    stil = ozc("log", "leesclub", "Zonder opmerkingen nu")
    assert "opmerkingen" not in stil.stderr
