"""Messages a teacher can read: no English from the system inside a Dutch message, a
documented exit code for every kind of failure, word while waiting for the lock, and
limits on what a werkplaats file may be (size, nesting, byte order mark).

Everything is provoked for real: broken and odd files on disk, a folder where a file
belongs, a full disk (``/dev/full``), a user without rights, a read-only mount, an
immutable file, a second process holding the lock.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from onderzoekscyclus import Werkplaats

from .conftest import Ozc
from .pluginhulp import installeer_distributie

TOP = Path(__file__).resolve().parent.parent
KAPOT = "werkgroepen/kapot-abc234.toml"
REKENEN = "rekenen"


def _werkgroepbestand(wp: Werkplaats) -> Path:
    (pad,) = (wp.root / "werkgroepen").glob("*.toml")
    return pad


def ozc_proces(
    *args: str,
    cwd: Path,
    voor: Sequence[str] = (),
    stdout: Any = subprocess.PIPE,
    preexec_fn: Callable[[], Any] | None = None,
    extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m onderzoekscyclus ARGS`` as its own process (after the command ``voor``,
    such as ``unshare …``), in Dutch unless ``--taal`` says otherwise."""
    omgeving = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LANGUAGE", "ONDERZOEKSCYCLUS_TAAL", "ONDERZOEKSCYCLUS_GEEN_PLUGINS")
    }
    omgeving.update(extra or {})
    return subprocess.run(
        [*voor, sys.executable, "-m", "onderzoekscyclus", *args],
        cwd=cwd,
        env=omgeving,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=preexec_fn,
    )


def _nette_fout(tekst: str, *engels: str) -> None:
    """A message, not a crash, and none of the system's English in it."""
    assert tekst.startswith("Fout: "), tekst
    assert "Traceback" not in tekst
    for woorden in engels:
        assert woorden not in tekst, tekst


# --- TOML that does not parse -------------------------------------------------------------

TOML_FOUTEN = [
    (
        'schema = "1.0"\nnaam = "x"\nnaam = "y"\n',
        "Cannot overwrite a value",
        "regel 3, kolom 11",
        "een sleutel mag maar één keer voorkomen",
    ),
    ("= 1\n", "Invalid statement", "regel 1, kolom 1", "hier begint geen geldige regel"),
    (
        'schema = "1.0"\ndit is geen toml\n',
        "Expected '=' after a key",
        "regel 2, kolom 5",
        "na de sleutel hoort een `=`",
    ),
    (
        'schema = "1.0"\nnaam = "Rekenen\nscholen = []\n',
        "Illegal character",
        "regel 2, kolom 16",
        "mag niet over meer regels gaan",
    ),
    (
        "[cycli]\nnummer = 1\n[cycli]\nnummer = 2\n",
        "Cannot declare",
        "regel 3, kolom 7",
        "de tabel `[cycli]` staat twee keer in het bestand",
    ),
    (
        'schema = "1.0"\nnaam = "Rekenen',
        "Unterminated string",
        "aan het einde van het bestand",
        "wordt niet afgesloten met een aanhalingsteken",
    ),
    (
        'schema = "1.0"\ngestart = 2026-02-30\n',
        "Invalid date",
        "regel 2, kolom 11",
        "schrijf een datum als JJJJ-MM-DD",
    ),
]


@pytest.mark.parametrize(
    ("inhoud", "engels", "plek", "uitleg"),
    TOML_FOUTEN,
    ids=["dubbel", "regel", "is-teken", "regeleinde", "tabel-dubbel", "open-tekst", "datum"],
)
def test_toml_fouten_in_het_nederlands_met_plek_en_uitweg(
    gevulde_werkplaats: Werkplaats,
    ozc: Ozc,
    in_map: Any,
    inhoud: str,
    engels: str,
    plek: str,
    uitleg: str,
) -> None:
    """A TOML error names the file and where in it, and explains in Dutch what is wrong
    and how to put it right; tomllib's English reason is not shown."""
    (gevulde_werkplaats.root / KAPOT).write_text(inhoud, encoding="utf-8")
    in_map(gevulde_werkplaats.root)

    resultaat = ozc("status")

    assert resultaat.exit_code == 1
    _nette_fout(resultaat.stderr, engels)
    assert f"{KAPOT} @ $: Geen geldige TOML" in resultaat.stderr
    assert plek in resultaat.stderr
    assert uitleg in resultaat.stderr

    controle = ozc("controleer")
    assert controle.exit_code == 1
    assert uitleg in controle.stdout and engels not in controle.stdout


def test_toml_fout_in_het_engels(gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any) -> None:
    """With --taal en the same error is proper English, without Dutch (needs the English
    catalogue with this change's messages)."""
    (gevulde_werkplaats.root / KAPOT).write_text(TOML_FOUTEN[0][0], encoding="utf-8")
    in_map(gevulde_werkplaats.root)

    resultaat = ozc("--taal", "en", "status")

    assert resultaat.exit_code == 1
    assert resultaat.stderr.startswith("Error: ")
    assert "Not valid TOML at line 3, column 11 (" in resultaat.stderr
    assert "a key may appear only once" in resultaat.stderr
    assert "sleutel" not in resultaat.stderr


def test_een_getal_te_lang_om_te_lezen(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """An integer longer than Python converts (4300 digits) is a problem of that file,
    named in Dutch; not an internal error."""
    (gevulde_werkplaats.root / KAPOT).write_text(
        'schema = "1.0"\nnummer = ' + "1" * 5000 + "\n", encoding="utf-8"
    )
    in_map(gevulde_werkplaats.root)

    resultaat = ozc("controleer")

    assert resultaat.exit_code == 1
    assert (
        f"{KAPOT} @ $: Er staat een getal in met meer cijfers dan ozc kan lezen" in resultaat.stdout
    )
    assert "Exceeds the limit" not in resultaat.output


# --- encodings ---------------------------------------------------------------------------


def test_een_bestand_met_bom_wordt_gelezen_en_zonder_bom_geschreven(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """A file that starts with a UTF-8 byte order mark (as some Windows editors save it)
    reads as if the mark were not there, everywhere: status, controleer, the index; the
    next save (here `ozc migreer`) writes it without the mark, otherwise unchanged."""
    pad = _werkgroepbestand(gevulde_werkplaats)
    zonder = pad.read_bytes()
    pad.write_bytes(b"\xef\xbb\xbf" + zonder)
    in_map(gevulde_werkplaats.root)

    assert ozc("werkgroep", "toon", REKENEN).exit_code == 0
    assert "rekenen: 1 werkgroep" in ozc("thema", "lijst").stdout
    assert ozc("controleer").stdout == "Alles in orde.\n"
    assert ozc("migreer").exit_code == 0
    assert pad.read_bytes() == zonder


def test_utf16_krijgt_een_uitweg(gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any) -> None:
    """A file saved as UTF-16 ("Unicode" in old Notepad) is named as such, with how to
    save it as UTF-8."""
    pad = _werkgroepbestand(gevulde_werkplaats)
    pad.write_bytes(pad.read_text(encoding="utf-8").encode("utf-16"))
    in_map(gevulde_werkplaats.root)

    resultaat = ozc("controleer")

    assert resultaat.exit_code == 1
    assert "is opgeslagen als UTF-16" in resultaat.stdout
    assert "Sla het op met de codering UTF-8" in resultaat.stdout


# --- limits on what a file may be ----------------------------------------------------------


def _blijft_bruikbaar(ozc: Ozc, kapot: str, melding: str) -> None:
    """`controleer` names the file with ``melding``; commands that do not need it work."""
    controle = ozc("controleer")
    assert controle.exit_code == 1
    assert controle.stdout.splitlines()[0] == f"{kapot} @ $: {melding}", controle.stdout
    assert "1 probleem gevonden." in controle.stdout

    status = ozc("status")
    assert status.exit_code == 1
    _nette_fout(status.stderr, "RecursionError", "recursion")
    assert f"{kapot} kan niet gelezen worden" in status.stderr

    assert ozc("werkgroep", "toon", REKENEN).exit_code == 0
    assert "rekenen: 1 werkgroep" in ozc("thema", "lijst").stdout
    assert ozc("log", REKENEN, "Gewoon verder").exit_code == 0


@pytest.mark.parametrize("diepte", [100, 600])
def test_diep_geneste_lijsten_worden_geweigerd_met_de_naam_van_het_bestand(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any, diepte: int
) -> None:
    """Lists nested hundreds deep in one werkgroep file are refused with a Dutch message
    naming that file, instead of a RecursionError in every command."""
    (gevulde_werkplaats.root / KAPOT).write_text(
        'schema = "1.0"\nnaam = "Diep"\nscholen = ["x-abc234"]\nleden = '
        + "[" * diepte
        + "]" * diepte
        + "\n",
        encoding="utf-8",
    )
    in_map(gevulde_werkplaats.root)
    _blijft_bruikbaar(
        ozc,
        KAPOT,
        "Het bestand heeft lijsten of tabellen die meer dan 32 lagen diep in elkaar staan; "
        "zo schrijft ozc een bestand niet. Herstel het of haal het weg.",
    )


def test_een_te_groot_bestand_wordt_geweigerd_met_de_naam_van_het_bestand(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """A werkplaats file over the size limit (here: valid TOML with an enormous comment)
    is refused by name; the rest of the werkplaats keeps working."""
    from onderzoekscyclus.opslag._toml import MAX_GROOTTE

    (gevulde_werkplaats.root / KAPOT).write_text(
        'schema = "1.0"\nnaam = "Groot"\nscholen = ["x-abc234"]\n# ' + "x" * MAX_GROOTTE + "\n",
        encoding="utf-8",
    )
    in_map(gevulde_werkplaats.root)
    _blijft_bruikbaar(
        ozc,
        KAPOT,
        "Het bestand is groter dan 10 MB; zo groot wordt een bestand van ozc niet. Kijk of "
        "er per ongeluk iets anders in terecht is gekomen en haal dat weg.",
    )


def test_het_lezen_stopt_net_na_de_grens(tmp_path: Path) -> None:
    """The index reads a file no further than one byte past the limit: enough to refuse
    it, without reading a huge file whole."""
    from onderzoekscyclus.opslag._toml import MAX_GROOTTE, lees_begrensd

    pad = tmp_path / "groot.toml"
    with pad.open("wb") as bestand:
        bestand.truncate(3 * MAX_GROOTTE)
    assert len(lees_begrensd(pad)) == MAX_GROOTTE + 1
    (tmp_path / "klein.toml").write_bytes(b"a = 1\n")
    assert lees_begrensd(tmp_path / "klein.toml") == b"a = 1\n"


# --- what the operating system says --------------------------------------------------------


def test_een_map_waar_een_bestand_hoort(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """A folder where the lock file belongs: exit 74, Dutch, the path, a way out."""
    slot = gevulde_werkplaats.root / ".onderzoekscyclus" / "lock"
    slot.unlink(missing_ok=True)
    slot.mkdir(parents=True)
    in_map(gevulde_werkplaats.root)

    resultaat = ozc("school", "toevoegen", "De Horizon", "--brin", "34CD", "--sector", "po")

    assert resultaat.exit_code == 74
    _nette_fout(resultaat.stderr, "Is a directory")
    assert "Hier hoort een bestand, maar er staat een map" in resultaat.stderr
    assert str(slot) in resultaat.stderr
    assert "Verplaats of hernoem die map" in resultaat.stderr


def test_een_map_waar_een_bestand_hoort_in_het_engels(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """The same with --taal en: English, no Dutch (needs the English catalogue with this
    change's messages)."""
    slot = gevulde_werkplaats.root / ".onderzoekscyclus" / "lock"
    slot.unlink(missing_ok=True)
    slot.mkdir(parents=True)
    in_map(gevulde_werkplaats.root)

    resultaat = ozc(
        "--taal", "en", "school", "toevoegen", "De Horizon", "--brin", "34CD", "--sector", "po"
    )

    assert resultaat.exit_code == 74
    assert resultaat.stderr.startswith("Error: A file belongs here, but there is a folder")
    assert "Move or rename that folder" in resultaat.stderr
    assert "hoort" not in resultaat.stderr and "Verplaats" not in resultaat.stderr


def test_een_volle_schijf(gevulde_werkplaats: Werkplaats) -> None:
    """Output to a full disk (/dev/full): exit 74 and "De schijf is vol" with a way out."""
    if not Path("/dev/full").exists():
        pytest.skip("geen /dev/full op dit systeem")
    with Path("/dev/full").open("w") as vol:
        uit = ozc_proces("status", cwd=gevulde_werkplaats.root, stdout=vol)
    assert uit.returncode == 74, uit.stderr
    _nette_fout(uit.stderr, "No space left on device")
    assert "De schijf is vol." in uit.stderr
    assert "Maak ruimte vrij" in uit.stderr


def _zonder_voorrang() -> None:
    """In a child process of root: give up the capabilities that let root write where
    the permissions say no (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), for the program it
    starts."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0):  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl")


def test_geen_schrijfrechten(gevulde_werkplaats: Werkplaats) -> None:
    """Someone without write rights in the werkplaats folders: exit 74, Dutch, a way out.
    (Root, who may write anywhere, first gives up that privilege.)"""
    root = gevulde_werkplaats.root
    mappen = [p for p in root.rglob("*") if p.is_dir()]
    for map_ in mappen:
        map_.chmod(0o555)
    try:
        uit = ozc_proces(
            "school", "toevoegen", "De Horizon", "--brin", "34CD", "--sector", "po",
            cwd=root, preexec_fn=_zonder_voorrang if os.geteuid() == 0 else None,
        )  # fmt: skip
    finally:
        for map_ in mappen:
            map_.chmod(0o755)
    assert uit.returncode == 74, uit.stderr
    _nette_fout(uit.stderr, "Permission denied")
    assert "U hebt geen toestemming om dit te lezen of te schrijven" in uit.stderr
    assert "Vraag wie de map beheert" in uit.stderr


def test_een_beveiligd_bestand(gevulde_werkplaats: Werkplaats) -> None:
    """A file the system protects even from root (``chattr +i``): exit 74, Dutch."""
    scholen = gevulde_werkplaats.root / "scholen"
    if subprocess.run(["chattr", "+i", str(scholen)], capture_output=True, check=False).returncode:
        pytest.skip("chattr +i kan hier niet (geen root, of een bestandssysteem zonder)")
    try:
        uit = ozc_proces(
            "school", "toevoegen", "De Horizon", "--brin", "34CD", "--sector", "po",
            cwd=gevulde_werkplaats.root,
        )  # fmt: skip
    finally:
        subprocess.run(["chattr", "-i", str(scholen)], check=True)
    assert uit.returncode == 74, uit.stderr
    _nette_fout(uit.stderr, "Operation not permitted")
    assert "Het besturingssysteem staat dit niet toe" in uit.stderr


def _alleen_lezen(map_: Path) -> list[str]:
    """The command that runs what follows it with ``map_`` mounted read-only (in a
    mount namespace of its own, so nothing outside the test sees it)."""
    return [
        "unshare", "--map-root-user", "--mount", "sh", "-c",
        'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"', str(map_),
    ]  # fmt: skip


def test_een_schijf_die_alleen_gelezen_mag_worden(gevulde_werkplaats: Werkplaats) -> None:
    """A werkplaats on a read-only mount: reading works, writing gives exit 74 in Dutch."""
    root = gevulde_werkplaats.root
    if shutil.which("unshare") is None:
        pytest.skip("geen unshare")
    proef = subprocess.run([*_alleen_lezen(root), "true"], capture_output=True, check=False)
    if proef.returncode:
        pytest.skip(f"alleen-lezen koppelen kan hier niet: {proef.stderr!r}")

    lezen = ozc_proces("werkgroep", "toon", REKENEN, cwd=root, voor=_alleen_lezen(root))
    schrijven = ozc_proces(
        "school", "toevoegen", "De Horizon", "--brin", "34CD", "--sector", "po",
        cwd=root, voor=_alleen_lezen(root),
    )  # fmt: skip

    assert lezen.returncode == 0, lezen.stderr
    assert schrijven.returncode == 74, schrijven.stderr
    _nette_fout(schrijven.stderr, "Read-only file system")
    assert "Deze schijf of map mag alleen gelezen worden" in schrijven.stderr


# --- exit codes ----------------------------------------------------------------------------

# an exporter that breaks its contract: it says it writes text, and writes bytes that
# are not UTF-8, which `ozc export` to standard output does not expect
ONZIN = """
class Onzin:
    beschrijving = "kapotte tekst"
    extensie = ".txt"
    soort = "bestand"
    tekst = True

    def schrijf(self, gegevens, doel):
        doel.write_bytes(b"\\xff\\xfe kapot")
"""


def _kapot_bestand(wp: Werkplaats, tmp_path: Path) -> dict[str, str]:
    (wp.root / KAPOT).write_text("= 1\n", encoding="utf-8")
    return {}


def _slot_is_een_map(wp: Werkplaats, tmp_path: Path) -> dict[str, str]:
    slot = wp.root / ".onderzoekscyclus" / "lock"
    slot.unlink(missing_ok=True)
    slot.mkdir(parents=True)
    return {}


def _kapotte_plugin(wp: Werkplaats, tmp_path: Path) -> dict[str, str]:
    map_ = tmp_path / "site"
    map_.mkdir()
    installeer_distributie(map_, "ozc-onzin", {"ozc_onzin": ONZIN}, {"onzin": "ozc_onzin:Onzin"})
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(map_), os.environ.get("PYTHONPATH")]))}


AFSLUITCODES: dict[int, tuple[Callable[[Werkplaats, Path], dict[str, str]] | None, list[str]]] = {
    0: (None, ["status"]),
    1: (_kapot_bestand, ["status"]),
    2: (None, ["school", "toevoegen", "De Horizon", "--brin", "1", "--sector", "po"]),
    3: (None, ["cyclus", "uitvoeren", REKENEN]),
    70: (_kapotte_plugin, ["export", "onzin"]),
    74: (
        _slot_is_een_map,
        ["school", "toevoegen", "De Horizon", "--brin", "34CD", "--sector", "po"],
    ),
}
"""Every exit code of ``ozc``, with a real way to get it."""


def _gedocumenteerde_codes(tekst: str, patroon: str) -> set[int]:
    return {int(c) for c in re.findall(patroon, tekst, re.MULTILINE)}


@pytest.mark.parametrize("code", sorted(AFSLUITCODES))
def test_elke_afsluitcode_is_echt_en_staat_in_de_hulp_en_de_naslag(
    gevulde_werkplaats: Werkplaats, tmp_path: Path, code: int
) -> None:
    """Each exit code happens for real (in its own process, without a traceback) and is
    explained in `ozc --help` and in the hand-written part of docs/cli.md."""
    voorbereiding, opdracht = AFSLUITCODES[code]
    extra = voorbereiding(gevulde_werkplaats, tmp_path) if voorbereiding else {}

    uit = ozc_proces(*opdracht, cwd=gevulde_werkplaats.root, extra=extra)

    assert uit.returncode == code, uit.stderr
    assert "Traceback" not in uit.stderr
    if code == 70:
        assert uit.stderr.startswith(
            "Fout: Onverwachte fout in onderzoekscyclus (UnicodeDecodeError)."
        )
        assert "codec" not in uit.stderr
    hulp = ozc_proces("--help", cwd=tmp_path).stdout
    assert code in _gedocumenteerde_codes(hulp.split("Afsluitcodes:")[-1], r"^\s+(\d+)\s+\S")
    naslag = (TOP / "docs" / "cli.md").read_text(encoding="utf-8").split("<!-- Hieronder")[0]
    assert code in _gedocumenteerde_codes(naslag, r"^\| `?(\d+)`? \|")


def test_de_hulp_en_de_naslag_noemen_alleen_echte_afsluitcodes() -> None:
    """No exit code is documented that the tests above do not produce."""
    from onderzoekscyclus.cli._root import ozc

    hulp = ozc.epilog or ""
    naslag = (TOP / "docs" / "cli.md").read_text(encoding="utf-8").split("<!-- Hieronder")[0]
    assert _gedocumenteerde_codes(hulp, r"^\s+(\d+)\s+\S") == set(AFSLUITCODES)
    assert _gedocumenteerde_codes(naslag, r"^\| `?(\d+)`? \|") == set(AFSLUITCODES)


# --- waiting for the lock ------------------------------------------------------------------

HOUDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o666)
fcntl.flock(fd, fcntl.LOCK_EX)
print("vast", flush=True)
time.sleep(float(sys.argv[2]))
"""


@pytest.fixture
def slot_bezet(gevulde_werkplaats: Werkplaats) -> Iterator[Callable[[float], None]]:
    """``slot_bezet(seconden)``: a second process takes the werkplaats lock and holds it
    that long (returns once it holds it)."""
    if sys.platform == "win32":
        pytest.skip("the holder uses fcntl")
    processen: list[subprocess.Popen[str]] = []

    def houd_vast(seconden: float) -> None:
        slot = gevulde_werkplaats.root / ".onderzoekscyclus" / "lock"
        slot.parent.mkdir(exist_ok=True)
        proces = subprocess.Popen(
            [sys.executable, "-c", HOUDER, str(slot), str(seconden)],
            stdout=subprocess.PIPE,
            text=True,
        )
        processen.append(proces)
        assert proces.stdout is not None and proces.stdout.readline() == "vast\n"

    yield houd_vast
    for proces in processen:
        proces.kill()
        proces.wait()
        if proces.stdout is not None:
            proces.stdout.close()


def test_de_cli_zegt_dat_hij_wacht(
    gevulde_werkplaats: Werkplaats, ozc: Ozc, in_map: Any, slot_bezet: Callable[[float], None]
) -> None:
    """While another process holds the werkplaats, a write says once (on stderr, after
    about a second) that it waits, and then goes ahead; without a wait it says nothing."""
    in_map(gevulde_werkplaats.root)
    vrij = ozc("school", "toevoegen", "De Linde", "--brin", "56EF", "--sector", "po")
    assert (vrij.exit_code, vrij.stderr) == (0, "")

    slot_bezet(2.0)
    begin = time.monotonic()
    resultaat = ozc("school", "toevoegen", "De Horizon", "--brin", "34CD", "--sector", "po")

    assert resultaat.exit_code == 0, resultaat.output
    assert time.monotonic() - begin >= 1.5
    wachten = "De werkplaats is bezig met een andere opdracht; ik wacht (hoogstens 60 seconden)…\n"
    assert resultaat.stderr == wachten
    assert wachten not in resultaat.stdout


def test_de_bibliotheek_meldt_het_wachten_alleen_aan_wie_erom_vraagt(
    gevulde_werkplaats: Werkplaats,
    slot_bezet: Callable[[float], None],
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The library prints nothing while it waits; a callback set with ``bij_wachten``
    is called once, with the timeout, and the write goes ahead."""
    from onderzoekscyclus.opslag._lock import bij_wachten

    gemeld: list[float] = []
    slot_bezet(1.5)
    with bij_wachten(gemeld.append):
        gevulde_werkplaats.scholen.toevoegen("De Horizon", brin="34CD", sector="po")
    slot_bezet(1.5)
    gevulde_werkplaats.scholen.toevoegen("De Linde", brin="56EF", sector="po")

    assert gemeld == [60.0]
    assert capfd.readouterr() == ("", "")
    assert {s.naam for s in gevulde_werkplaats.scholen.lijst()} >= {"De Horizon", "De Linde"}
