"""`ozc controleer` reads only what changed, and still gives the answer of a full check.

The check keeps per file what it found (`.onderzoekscyclus/controle.sqlite3`); the next
run reads the files that are new or changed, and those that refer to what changed. The
answer must be the one of reading every file and checking them all together, as the
check did before it kept anything (`_zoals_vroeger` below). `--alles` reads every file,
spread over processes, and also sees the one edit a look at times cannot: a file edited
in place with its old size and time put back. Along the way the derived index is
compared with the files; when it is off, that is reported and the index deleted.

Every werkplaats here is aged an hour first, so that "changed within the last clock
tick" (read again whatever the time says) does not hide what the cache does.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.api import controle
from onderzoekscyclus.api._controlewerk import regels_van
from onderzoekscyclus.demo import maak_demo
from onderzoekscyclus.demo.schaal import maak_grote_demo
from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.domein.ids import is_geldig_id
from onderzoekscyclus.errors import OnderzoekscyclusError
from onderzoekscyclus.i18n import in_taal
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND, ROOTBESTAND
from onderzoekscyclus.opslag.bestanden import SOORTEN, Opslag
from onderzoekscyclus.opslag.controlecache import CONTROLEBESTAND
from onderzoekscyclus.opslag.index import Index
from onderzoekscyclus.opslag.schema import MIGRATIES

from .conftest import Ozc
from .grondig import voorbeelden

VANDAAG = dt.date(2026, 11, 23)
UUR = 3600 * 1_000_000_000
_TIJD = itertools.count(1)


# --- helpers ---------------------------------------------------------------------------------


def _oud(root: Path) -> None:
    """Every file and folder of the werkplaats an hour old (the cache trusts their times)."""
    nu = time.time_ns()
    for pad in [*root.rglob("*"), root]:
        if GEGEVENSMAP not in pad.relative_to(root).parts:
            os.utime(pad, ns=(nu - UUR, nu - UUR), follow_symlinks=False)


def _schrijf(pad: Path, inhoud: bytes) -> None:
    """Write ``pad`` as an editor would, with a time of its own that is not recent, and
    keep its folder's time old too."""
    map_tijd = pad.parent.stat().st_mtime_ns
    pad.write_bytes(inhoud)
    tijd = time.time_ns() - UUR + next(_TIJD) * 1000
    os.utime(pad, ns=(tijd, tijd))
    os.utime(pad.parent, ns=(map_tijd, map_tijd))


def _zoals_vroeger(root: Path, vandaag: dt.date = VANDAAG) -> list[str]:
    """Every problem, found as the check did before it kept anything: read every file,
    then check them all together."""
    opslag = Opslag(root)
    problemen: list[str] = []
    try:
        opslag.info()
    except OnderzoekscyclusError as fout:
        problemen += regels_van(fout, ROOTBESTAND)
    gelezen: dict[type, list[Any]] = {k: [] for k in SOORTEN}
    for pad, klasse in opslag.bestanden():
        label = opslag.label(pad)
        if not is_geldig_id(pad.stem):
            problemen.append(controle._geen_id(label))
            continue
        try:
            gelezen[klasse].append(opslag.lees(klasse, pad.stem))
        except OnderzoekscyclusError as fout:
            problemen += regels_van(fout, label)
    samen = samenhang.controleer(
        **{f"{soort.map}": gelezen[k] for k, soort in SOORTEN.items()}, vandaag=vandaag
    )
    mappen = {soort.naam: soort.map for soort in SOORTEN.values()}
    return problemen + [controle.regel(p, mappen[p.soort]) for p in samen]


def _stap(root: Path, vandaag: dt.date = VANDAAG, **opties: Any) -> controle.Controle:
    """One run of the check as `ozc controleer` does it (keeping what it found)."""
    return controle.controleer(root, vandaag, **opties)


@pytest.fixture(scope="module")
def sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo, an hour old; every test works in a copy."""
    root = maak_demo(tmp_path_factory.mktemp("sjabloon") / "demo", vandaag=VANDAAG).root
    _oud(root)
    return root


@pytest.fixture
def kopie(sjabloon: Path, tmp_path: Path) -> Callable[[], Path]:
    """A fresh copy of the demo (times kept) for each call."""
    teller = itertools.count()

    def maak() -> Path:
        doel = tmp_path / f"wp{next(teller)}"
        shutil.copytree(sjabloon, doel, symlinks=True)
        return doel

    return maak


def _bestand(root: Path, map_: str, bevat: str = "") -> Path:
    return next(p for p in sorted((root / map_).glob("*.toml")) if bevat in p.read_text("utf-8"))


# --- incremental is full ---------------------------------------------------------------------

Bewerking = Callable[[Path, st.DataObject], None]


def _weg(root: Path, data: st.DataObject) -> None:
    bestanden = sorted(root.glob("*/*.toml"))
    if bestanden:
        data.draw(st.sampled_from(bestanden)).unlink()


def _kapot(root: Path, data: st.DataObject) -> None:
    bestanden = sorted(root.glob("*/*.toml"))
    if bestanden:
        _schrijf(data.draw(st.sampled_from(bestanden)), b'schema = "1.0"\nnaam = \n')


def _terug(sjabloon: Path) -> Bewerking:
    def terug(root: Path, data: st.DataObject) -> None:
        bron = data.draw(st.sampled_from(sorted(sjabloon.glob("*/*.toml"))))
        _schrijf(root / bron.relative_to(sjabloon), bron.read_bytes())

    return terug


def _vervang(map_: str, oud: str, nieuw: str) -> Bewerking:
    """In a file of ``map_`` that holds ``oud``, replace it by ``nieuw``."""

    def vervang(root: Path, data: st.DataObject) -> None:
        kandidaten = [
            p for p in sorted((root / map_).glob("*.toml")) if oud in p.read_text("utf-8")
        ]
        if kandidaten:
            pad = data.draw(st.sampled_from(kandidaten))
            _schrijf(pad, pad.read_text("utf-8").replace(oud, nieuw, 1).encode())

    return vervang


def _tweede_school(root: Path, data: st.DataObject) -> None:
    scholen = sorted((root / "scholen").glob("*.toml"))
    if scholen:
        bron = data.draw(st.sampled_from(scholen))
        _schrijf(root / "scholen" / f"kopie-{next(_TIJD)}.toml", bron.read_bytes())


def _dezelfde_naam(root: Path, data: st.DataObject) -> None:
    groepen = sorted((root / "werkgroepen").glob("*.toml"))
    if len(groepen) > 1:
        a, b = data.draw(st.permutations(groepen))[:2]
        naam = next(r for r in a.read_text("utf-8").splitlines() if r.startswith("naam = "))
        regels = [naam if r.startswith("naam = ") else r for r in b.read_text("utf-8").split("\n")]
        _schrijf(b, "\n".join(regels).encode())


def _ongeldige_naam(root: Path, data: st.DataObject) -> None:
    _schrijf(root / "personen" / "Geen Id.toml", b'schema = "1.0"\nnaam = "X"\n')


def _persoon_zonder_school(root: Path, data: st.DataObject) -> None:
    _schrijf(root / "personen" / f"nieuw-{next(_TIJD)}.toml", b'schema = "1.0"\nnaam = "Nieuw"\n')


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(max_examples=voorbeelden(40))
@given(data=st.data())
def test_stapsgewijs_geeft_hetzelfde_als_alles_lezen(
    sjabloon: Path, kopie: Callable[[], Path], data: st.DataObject
) -> None:
    """After any edits (a file removed, broken, restored, duplicated, renamed, a
    reference or a cycle number changed, a file with a name that is no id), on any day
    and in either language, the incremental check answers as reading every file does."""
    bewerkingen: dict[str, Bewerking] = {
        "weg": _weg,
        "kapot": _kapot,
        "terug": _terug(sjabloon),
        "tweede school": _tweede_school,
        "dezelfde naam": _dezelfde_naam,
        "onbekende persoon": _vervang("werkgroepen", 'persoon = "persoon-', 'persoon = "weg-'),
        "cyclusnummer": _vervang("werkgroepen", "nummer = 1\n", "nummer = 7\n"),
        "andere school": _vervang("personen", 'school = "', 'school = "x'),
        "ongeldige naam": _ongeldige_naam,
        "nieuwe persoon": _persoon_zonder_school,
    }
    root = kopie()
    assert _stap(root).problemen == _zoals_vroeger(root) == []
    stappen = data.draw(st.lists(st.sampled_from(sorted(bewerkingen)), min_size=1, max_size=4))
    for naam in stappen:
        bewerkingen[naam](root, data)
        vandaag = data.draw(st.sampled_from([VANDAAG, dt.date(2026, 11, 9), dt.date(2026, 3, 1)]))
        taal = data.draw(st.sampled_from(["nl", "nl", "en"]))
        with in_taal(taal):
            assert _stap(root, vandaag).problemen == _zoals_vroeger(root, vandaag), stappen


def test_alleen_wat_veranderde_wordt_gelezen(kopie: Callable[[], Path]) -> None:
    """The second run reads nothing; after one log line, only that werkgroep (nothing
    refers to a werkgroep's log); after the same bytes written again, that file (and
    it is not checked again)."""
    root = kopie()
    eerste = _stap(root)
    assert eerste.bekeken == eerste.bestanden == 43
    assert _stap(root).bekeken == 0

    groep = _bestand(root, "werkgroepen", "[[logboek]]")
    _schrijf(groep, groep.read_bytes() + b'\n[[logboek]]\ndatum = 2026-11-20\ntekst = "x"\n')
    assert (_stap(root).bekeken, _stap(root).bekeken) == (1, 0)
    _schrijf(groep, groep.read_bytes())
    assert _stap(root).bekeken == 1


def test_een_verwijderde_school_laat_de_werkgroepen_falen(kopie: Callable[[], Path]) -> None:
    """A school removed: every file that refers to it is read again and says so; the
    rest is not read."""
    root = kopie()
    assert _stap(root).problemen == []
    school = _bestand(root, "scholen")
    verwijzers = sorted(
        p.relative_to(root).as_posix()
        for p in root.glob("*/*.toml")
        if f'"{school.stem}"' in p.read_text("utf-8")
    )
    assert any(v.startswith("werkgroepen/") for v in verwijzers)
    school.unlink()

    uitkomst = _stap(root)

    assert uitkomst.problemen == _zoals_vroeger(root)
    assert uitkomst.bekeken == len(verwijzers)
    for bestand in verwijzers:
        assert any(
            r.startswith(f"{bestand} @ ") and f"school '{school.stem}' bestaat niet" in r
            for r in uitkomst.problemen
        ), (bestand, uitkomst.problemen)
    school.write_bytes(b"")  # back, but unreadable: still nothing to refer to
    assert _stap(root).problemen == _zoals_vroeger(root)


# --- what a look at times cannot see ------------------------------------------------------------


def _ter_plekke(pad: Path, oud: bytes, nieuw: bytes) -> None:
    """Rewrite ``pad`` in place, same size, and put its old times back (``cp -p``)."""
    assert len(oud) == len(nieuw)
    stat = pad.stat()
    inhoud = pad.read_bytes()
    assert oud in inhoud
    with pad.open("r+b") as f:
        f.write(inhoud.replace(oud, nieuw, 1))
    os.utime(pad, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_ter_plekke_bewerkt_met_oude_tijd_ziet_alleen_alles(
    kopie: Callable[[], Path], ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    """A werkgroep edited in place, same size, old time restored: the incremental check
    cannot see it (documented); `ozc controleer --alles` reads every file and finds the
    member who does not exist, and that the index no longer matches the file."""
    root = kopie()
    with Index(root) as index:
        index.ververs()
    in_map(root)
    assert ozc("controleer").stdout == "Alles in orde.\n"
    groep = _bestand(root, "werkgroepen", 'persoon = "persoon-')
    _ter_plekke(groep, b'persoon = "persoon-', b'persoon = "persoonx')

    assert ozc("controleer").stdout == "Alles in orde.\n"
    resultaat = ozc("controleer", "--alles")

    assert resultaat.exit_code == 1
    label = f"werkgroepen/{groep.name}"
    assert f"{label} @ $.leden[0].persoon: persoon 'persoonx" in resultaat.stdout
    assert f"De index wijkt af voor {label}; hij wordt opnieuw opgebouwd." in resultaat.stdout
    assert not (root / GEGEVENSMAP / INDEXBESTAND).exists()
    assert ozc("controleer").stdout.splitlines()[:-1] == _zoals_vroeger(root)


# --- the index ------------------------------------------------------------------------------


def _index(root: Path) -> Path:
    with Index(root) as index:
        index.ververs()
    return root / GEGEVENSMAP / INDEXBESTAND


def test_een_met_de_hand_bewerkte_indexrij_wordt_gemeld(
    kopie: Callable[[], Path], ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    """A row of the index changed by hand (a werkgroep's name): `--alles` names the
    file, and deletes the index; the next question rebuilds it."""
    root = kopie()
    pad = _index(root)
    groep = _bestand(root, "werkgroepen")
    with sqlite3.connect(pad) as db:
        db.execute("UPDATE werkgroepen SET naam = 'Iets anders' WHERE id = ?", (groep.stem,))
    db.close()
    in_map(root)

    resultaat = ozc("controleer", "--alles")

    assert resultaat.exit_code == 1
    assert resultaat.stdout.splitlines() == [
        f"De index wijkt af voor werkgroepen/{groep.name}; hij wordt opnieuw opgebouwd.",
        "1 probleem gevonden.",
    ]
    assert not pad.exists()
    assert ozc("controleer").stdout == "Alles in orde.\n"


@pytest.mark.parametrize(
    "bewerking",
    [
        "UPDATE werkgroep_scholen SET svnaam = 'aaa' WHERE rowid = (SELECT max(rowid) FROM "
        "werkgroep_scholen)",
        "UPDATE werkgroep_scholen SET wvnaam = 'zzz' WHERE rowid = 1",
        "UPDATE tellingen SET scholen = scholen + 1",
    ],
    ids=["schoolvolgorde", "werkgroepvolgorde", "telling"],
)
def test_wat_de_index_zelf_afleidt_en_met_de_hand_veranderde_wordt_gezien(
    kopie: Callable[[], Path], ozc: Ozc, in_map: Callable[[Path], None], bewerking: str
) -> None:
    """The names the index sorts a theme's schools on, and a theme count it remembered,
    changed by hand: `controleer --alles` says so and deletes the index (as for every
    file's rows), and the next answer is the true one again."""
    root = kopie()
    in_map(root)
    echt = ozc("--json", "thema", "scholen", "rekenen").stdout
    assert '"thema": "rekenen"' in echt
    assert ozc("controleer").stdout == "Alles in orde.\n"
    pad = root / GEGEVENSMAP / INDEXBESTAND
    with sqlite3.connect(pad) as db:
        assert db.execute("SELECT count(*) FROM tellingen").fetchone()[0] == 1
        db.execute(bewerking)
    db.close()

    assert ozc("controleer").stdout == "Alles in orde.\n"  # looks at what changed only
    resultaat = ozc("controleer", "--alles")

    assert resultaat.exit_code == 1
    assert resultaat.stdout.splitlines() == [
        "De index klopt niet met zichzelf (de volgorde of een telling die hij onthield); "
        "hij wordt opnieuw opgebouwd.",
        "1 probleem gevonden.",
    ]
    assert not pad.exists()
    assert ozc("--json", "thema", "scholen", "rekenen").stdout == echt
    assert ozc("controleer").stdout == "Alles in orde.\n"


def test_een_bestand_dat_de_index_mist_wordt_elke_keer_gezien(
    kopie: Callable[[], Path], ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    """The ids per folder are compared on every run: a file the index lost (while it
    claims to know the folder as it is) is found without `--alles`."""
    root = kopie()
    pad = _index(root)
    in_map(root)
    assert ozc("controleer").exit_code == 0
    with sqlite3.connect(pad) as db:
        db.execute(
            "DELETE FROM bestanden WHERE map = 'personen' AND id IN "
            "(SELECT id FROM bestanden WHERE map = 'personen' LIMIT 1)"
        )
    db.close()

    resultaat = ozc("controleer")

    assert resultaat.exit_code == 1
    assert resultaat.stdout.startswith(
        "De index noemt andere bestanden in personen/ dan er staan; hij wordt opnieuw opgebouwd."
    )
    assert not pad.exists()


def test_een_actuele_index_wijkt_niet_af(kopie: Callable[[], Path]) -> None:
    """An index kept up to date by `ozc` itself matches the files, also for the file
    just written through the library."""
    root = kopie()
    pad = _index(root)
    wp = Werkplaats.open(root, vandaag=lambda: VANDAAG)
    wp.logboek.schrijf(_bestand(root, "werkgroepen").stem, "Nieuwe regel")
    _oud(root)
    with Index(root) as index:
        index.ververs()
    assert _stap(root, alles=True).problemen == []
    assert pad.exists()


# --- every problem, also from the system ---------------------------------------------------------


def test_elk_onleesbaar_bestand_krijgt_een_regel(
    kopie: Callable[[], Path], ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    """A folder where a file belongs, a byte that is no UTF-8, and (for a user the
    system can refuse) a file without read permission: each gives a line, the run
    goes on, and the next run (from the cache) says the same."""
    root = kopie()
    (root / "werkgroepen" / "een-map-abc234.toml").mkdir()
    _schrijf(root / "scholen" / "geen-utf8-abc234.toml", b'schema = "1.0"\nnaam = "\xff"\n')
    verwacht = [
        "scholen/geen-utf8-abc234.toml @ $: Het bestand is geen UTF-8-tekst",
        "werkgroepen/een-map-abc234.toml is geen gewoon bestand",
    ]
    afgeschermd = root / "personen" / "afgeschermd-abc234.toml"
    if os.geteuid() != 0:  # root may read anything
        _schrijf(afgeschermd, b'schema = "1.0"\nnaam = "Geheim"\n')
        afgeschermd.chmod(0)
        verwacht.append("personen/afgeschermd-abc234.toml: dit bestand mag niet gelezen worden")
    in_map(root)
    try:
        for opdracht in (["controleer"], ["controleer"], ["controleer", "--alles"]):
            resultaat = ozc(*opdracht)
            assert resultaat.exit_code == 1
            regels = resultaat.stdout.splitlines()
            assert len(regels) == len(verwacht) + 1, regels
            for begin in verwacht:
                assert any(r.startswith(begin) for r in regels), (begin, regels)
    finally:
        afgeschermd.unlink(missing_ok=True)


def test_alles_in_twee_processen_is_hetzelfde_als_in_een(tmp_path: Path) -> None:
    """`--alles` spreads the files over two processes; the answer is that of one."""
    root = maak_grote_demo(tmp_path / "groot", 45, vandaag=VANDAAG)
    _oud(root)
    (root / "werkgroepen" / "kapot-abc234.toml").write_bytes(b"naam = \n")
    aantal = len(list(root.glob("*/*.toml")))
    assert aantal >= controle._PARALLEL_VANAF

    twee = _stap(root, alles=True, processen=2)
    een = _stap(root, alles=True, processen=1)

    assert twee == een
    assert twee.bekeken == aantal
    assert twee.problemen == _zoals_vroeger(root)


# --- the cache itself ------------------------------------------------------------------------------


def test_herbouw_begint_overnieuw(
    kopie: Callable[[], Path], ozc: Ozc, in_map: Callable[[Path], None]
) -> None:
    """`--herbouw` throws the index and the cache away and reads every file."""
    root = kopie()
    index = _index(root)
    in_map(root)
    assert ozc("controleer").exit_code == 0
    resultaat = ozc("controleer", "--herbouw")
    assert (resultaat.exit_code, resultaat.stdout) == (0, "Alles in orde.\n")
    assert not index.exists()
    assert (root / GEGEVENSMAP / CONTROLEBESTAND).exists()


def test_een_kapotte_cache_wordt_opnieuw_gemaakt(kopie: Callable[[], Path]) -> None:
    """A cache that is no database is started anew."""
    root = kopie()
    _schrijf(root / "scholen" / "x.toml", b"")
    cache = root / GEGEVENSMAP / CONTROLEBESTAND
    cache.write_bytes(b"geen database" * 100)
    assert _stap(root).problemen == _zoals_vroeger(root) != []
    assert _stap(root).bekeken == 0


def test_een_gekoppelde_gegevensmap_krijgt_niets(kopie: Callable[[], Path], tmp_path: Path) -> None:
    """When `.onderzoekscyclus` links out of the werkplaats, nothing is written there:
    every run checks everything in memory."""
    root = kopie()
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    shutil.rmtree(root / GEGEVENSMAP)
    (root / GEGEVENSMAP).symlink_to(buiten)
    assert _stap(root).bekeken == _stap(root).bekeken == 43
    assert list(buiten.iterdir()) == []


def test_andere_migraties_worden_niet_bewaard(kopie: Callable[[], Path]) -> None:
    """A check with migrations of its own keeps nothing of what it found."""
    root = kopie()
    assert _stap(root, migraties=dict(MIGRATIES)).bekeken == 43
    assert not (root / GEGEVENSMAP / CONTROLEBESTAND).exists()


def test_de_bibliotheek_kent_alles(kopie: Callable[[], Path]) -> None:
    """`Werkplaats.controleer(alles=True)` reads every file; without, only what changed."""
    wp = Werkplaats.open(kopie(), vandaag=lambda: VANDAAG)
    assert wp.controleer() == wp.controleer(alles=True) == []


# --- the parts of the domain -------------------------------------------------------------------------


def test_na_de_laatste_datum_telt_vandaag_niet(sjabloon: Path) -> None:
    """What an entity's file alone holds against today is the same for every day on or
    after its latest date; the day before, something lies in the future."""
    opslag = Opslag(sjabloon)
    for klasse in SOORTEN:
        for obj in opslag.alle(klasse):
            laatste = samenhang.laatste_datum(obj)
            if laatste is None:
                assert samenhang.eigen_problemen(obj, vandaag=dt.date.min) == []
                continue
            ver = samenhang.eigen_problemen(obj, vandaag=dt.date.max)
            assert samenhang.eigen_problemen(obj, vandaag=laatste) == ver
            eerder = samenhang.eigen_problemen(obj, vandaag=laatste - dt.timedelta(1))
            assert any(p.code == "datum.toekomst" for p in eerder)


def _alle(root: Path) -> Iterator[samenhang.Entiteit]:
    opslag = Opslag(root)
    for klasse in SOORTEN:
        yield from opslag.alle(klasse)


def test_dubbele_uit_een_deel_is_dubbele_uit_alles(sjabloon: Path) -> None:
    """Duplicates found among the entities that share a key are those found among all."""
    delen = [samenhang.kenmerken(x) for x in _alle(sjabloon)]
    school = next(d for d in delen if d.soort == "school")
    groep = next(d for d in delen if d.soort == "werkgroep")
    delen += [
        samenhang.Kenmerken("school", "zz-kopie", naam=school.naam.upper(), brin=school.brin),
        samenhang.Kenmerken("werkgroep", "zz-groep", naam=groep.naam, scholen=groep.scholen),
    ]
    namen = {d.id: d.naam for d in delen if d.soort == "school"}
    alle = samenhang.dubbele(delen)
    sleutels = [s for d in delen for s in samenhang.sleutels(d)]
    gedeeld = [d for d in delen if any(sleutels.count(s) > 1 for s in samenhang.sleutels(d))]
    assert len(alle) == 3
    assert samenhang.dubbele(gedeeld, namen) == alle


def test_een_controle_zonder_wijziging_laadt_de_bibliotheek_niet(kopie: Callable[[], Path]) -> None:
    """When nothing changed, `ozc controleer` answers from what it kept: it loads
    neither attrs/cattrs nor the domain classes (that is what keeps it quick)."""
    from .test_opstart import _geladen

    root = kopie()
    assert _stap(root).bekeken == 43
    assert _geladen("controleer", cwd=root) == set()
