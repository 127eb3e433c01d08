"""Translations: complete, compiled, and used for our messages and click's."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .gereedschap import laad

TOP = Path(__file__).resolve().parent.parent
LOCALE = TOP / "src" / "onderzoekscyclus" / "locale"
EN = LOCALE / "en" / "LC_MESSAGES" / "onderzoekscyclus.po"


def _tool() -> ModuleType:
    return laad("vertalingen")


def test_catalogi_zijn_compleet_en_gecompileerd() -> None:
    """Every message has a translation and every .mo matches its .po."""
    assert _tool().problemen() == []


@pytest.fixture
def kopie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """tools/vertalingen.py working on a copy of the catalogues in ``tmp_path``."""
    tool = _tool()
    shutil.copytree(LOCALE, tmp_path / "locale")
    monkeypatch.setattr(
        tool,
        "CATALOGI",
        {
            naam: (tmp_path / po.relative_to(tool.BRON), taal, bron, eigen)
            for naam, (po, taal, bron, eigen) in tool.CATALOGI.items()
        },
    )
    return tool


def _herschrijf(po: Path, van: str, naar: str) -> None:
    tekst = po.read_text(encoding="utf-8")
    assert van in tekst
    po.write_text(tekst.replace(van, naar, 1), encoding="utf-8")


def test_kop_en_opmaak_van_een_catalogus_tellen_niet(kopie, tmp_path: Path) -> None:
    """Another Babel release writes other header lines and wraps lines differently: the
    check compares messages, so it still passes."""
    for po, taal, _bron, _eigen in kopie.CATALOGI.values():
        with po.open("rb") as f:
            catalogus = read_po(f, locale=taal)
        catalogus.creation_date = catalogus.revision_date = dt.datetime(2031, 5, 6, tzinfo=dt.UTC)
        catalogus.project, catalogus.version = "Ander project", "9.9"
        uit = io.BytesIO()
        write_po(uit, catalogus, width=60, sort_output=False)
        po.write_bytes(uit.getvalue().replace(b"Generated-By: Babel", b"Generated-By: Iets"))
    assert kopie.problemen() == []


def test_ontbrekende_vertaling_van_een_eigen_bericht_wordt_gemeld(kopie, tmp_path: Path) -> None:
    """A message of ours without a translation, or a stale entry, fails the check."""
    po = kopie.CATALOGI["onderzoekscyclus"][0]
    _herschrijf(po, 'msgid "De tekst mag niet leeg zijn."', 'msgid "Bestaat niet meer."')
    gevonden = kopie.problemen()
    assert any("geen vertaling voor 'De tekst mag niet leeg zijn.'" in r for r in gevonden)
    assert any("niet meer in de code" in r for r in gevonden)
    assert kopie.main(["--check"]) == 1


def test_mo_die_niet_bij_de_po_past_wordt_gemeld(kopie) -> None:
    """Changing a translation in a .po without compiling it fails the check; compiling fixes it."""
    po = kopie.CATALOGI["onderzoekscyclus"][0]
    _herschrijf(po, 'msgstr "The text must not be empty."', 'msgstr "Text may not be blank."')
    assert kopie.problemen() == [
        "onderzoekscyclus.mo (en): past niet bij onderzoekscyclus.po; "
        "draai python tools/vertalingen.py"
    ]
    assert kopie.main([]) == 0
    assert kopie.problemen() == []


def test_andere_plaatshouders_worden_gemeld(kopie) -> None:
    """A translation that drops a {placeholder} or %(name)s fails the check."""
    po = kopie.CATALOGI["click"][0]
    _herschrijf(po, 'msgstr "%(prog)s, versie %(version)s"', 'msgstr "%(prog)s, versie"')
    assert any("andere plaatshouders" in r and "%(prog)s" in r for r in kopie.problemen())


def _zonder_bericht(po: Path, msgid: str, extra: str) -> None:
    """Drop ``msgid`` from the catalogue, add ``extra`` (a message click does not have),
    and compile it: the catalogue as it is when click has changed under it."""
    with po.open("rb") as f:
        catalogus = read_po(f, locale="nl")
    catalogus.delete(msgid)
    catalogus.add(extra, "Een bericht dat click niet (meer) heeft.")
    uit = io.BytesIO()
    write_po(uit, catalogus)
    po.write_bytes(uit.getvalue())
    with po.with_suffix(".mo").open("wb") as f:
        write_mo(f, catalogus)


def test_nieuw_bericht_van_click_is_een_opmerking_geen_fout(kopie) -> None:
    """A message that a new click adds, or one it dropped, is no failure of our check;
    the untranslated one is listed as a notice."""
    po = kopie.CATALOGI["click"][0]
    _zonder_bericht(po, "Missing option", "A message click dropped")
    assert any("'Missing option'" in r for r in kopie.opmerkingen())
    assert kopie.problemen() == []
    assert kopie.main(["--check"]) == 0
    kopie.main([])  # updating adds the new message, untranslated: still no failure
    assert 'msgid "Missing option"\nmsgstr ""' in po.read_text(encoding="utf-8")
    assert any("'Missing option'" in r for r in kopie.opmerkingen())
    assert kopie.problemen() == []


def test_bijwerken_houdt_vertalingen_die_click_nog_gebruikt(kopie) -> None:
    """Updating never drops a click translation: click 8.5 asks for "required" through
    ``_(extra["required"])``, which the extractor cannot see, and the help must still
    say [verplicht]."""
    po = kopie.CATALOGI["click"][0]
    kopie.main([])
    with po.open("rb") as f:
        catalogus = read_po(f, locale="nl")
    assert catalogus.get("required") is not None
    assert catalogus.get("required").string == "verplicht"


def test_click_valt_terug_op_engels_voor_een_onvertaald_bericht(tmp_path: Path) -> None:
    """With a Dutch click catalogue that lacks a message (click added it in a new release),
    ozc still works: that one message is English, the rest stays Dutch, no traceback."""
    locale = tmp_path / "locale"
    shutil.copytree(LOCALE, locale)
    _zonder_bericht(locale / "nl" / "LC_MESSAGES" / "click.po", "Missing option", "Gone")
    script = (
        "import sys, pathlib, onderzoekscyclus.i18n as i18n\n"
        f"i18n.LOCALE_DIR = pathlib.Path({str(locale)!r})\n"
        "from onderzoekscyclus.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", script, "school", "toevoegen", "X", "--sector", "po"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LANG", "LC_ALL")},
    )
    assert uit.returncode == 2, uit.stderr
    assert "Gebruik:" in uit.stderr
    assert "Missing option '--brin'." in uit.stderr
    assert "Traceback" not in uit.stderr


def test_plaatshouders_blijven_gelijk() -> None:
    """A translation keeps exactly the {placeholders} of its message."""
    with EN.open("rb") as f:
        catalogus = read_po(f)
    for bericht in catalogus:
        if not bericht.id:
            continue
        ids = bericht.id if isinstance(bericht.id, tuple) else (bericht.id,)
        teksten = bericht.string if isinstance(bericht.string, tuple) else (bericht.string,)
        for bron, doel in zip(ids, teksten, strict=False):
            assert sorted(re.findall(r"\{[^}]*\}", bron)) == sorted(
                re.findall(r"\{[^}]*\}", doel)
            ), bron


def _ozc(*args: str, cwd: Path, **omgeving: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "LC_ALL", "LANG", "ONDERZOEKSCYCLUS_TAAL")
    }
    env.update(omgeving)
    return subprocess.run(
        [sys.executable, "-m", "onderzoekscyclus", *args],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )


@pytest.fixture
def werkplaats_map(tmp_path: Path) -> Path:
    assert _ozc("init", "wp", "--naam", "T", cwd=tmp_path).returncode == 0
    return tmp_path / "wp"


def test_engels_met_taal_optie_en_omgevingsvariabele(werkplaats_map: Path) -> None:
    """--taal en and ONDERZOEKSCYCLUS_TAAL=en give English, for our errors and click's."""
    fout = _ozc(
        "--taal",
        "en",
        "school",
        "toevoegen",
        "X",
        "--brin",
        "1234",
        "--sector",
        "po",
        cwd=werkplaats_map,
    )
    assert fout.returncode != 0
    assert "Error: Invalid BRIN code '1234'." in fout.stderr
    hulp = _ozc("school", "--help", cwd=werkplaats_map, ONDERZOEKSCYCLUS_TAAL="en")
    assert "Usage:" in hulp.stdout and "Show this message and exit." in hulp.stdout


def test_standaard_nederlands_ook_met_engelse_locale(werkplaats_map: Path) -> None:
    """Without a choice, messages are Dutch, whatever the system locale says."""
    for locale in ("C", "en_US.UTF-8"):
        uit = _ozc("school", "toevoegen", "X", "--sector", "po", cwd=werkplaats_map, LANG=locale)
        assert "Fout: Ontbrekende optie '--brin'." in uit.stderr
        assert "Gebruik:" in uit.stderr
