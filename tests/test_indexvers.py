"""The index is current at the cost of a look per folder, and never picks a wrong file.

What the file system tells cheaply is a folder's modification time: it changes when a
file is added, removed or replaced (renamed over). An edit in place does not change
it; a file edited in place with its time and size restored (``cp -p``, ``rsync -t``
with --inplace) cannot be seen by any look at times at all. These tests make each of
those happen with real files and show what ``ozc`` does: a write checks the file's own
name before it trusts the index; a folder or file changed within one clock tick is
looked at again; and a full look is due after :data:`VOLLEDIG_NA` seconds.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.opslag import index as indexmodule
from onderzoekscyclus.opslag._paden import GEGEVENSMAP, INDEXBESTAND
from onderzoekscyclus.opslag.index import Index

from .conftest import Ozc

UUR = 3600 * 1_000_000_000


def _een_uur_terug(root: Path) -> None:
    """Every file and folder of the werkplaats an hour old, as after a checkout long ago."""
    nu = time.time_ns()
    for pad in [*root.rglob("*"), root]:
        if GEGEVENSMAP not in pad.parts:
            os.utime(pad, ns=(nu - UUR, nu - UUR))


def _in_plaats(pad: Path, oud: bytes, nieuw: bytes) -> None:
    """Rewrite ``pad`` in place (same inode, same folder time) with ``oud`` replaced by
    ``nieuw``, and put its old times back, as ``cp -p`` does."""
    stat = pad.stat()
    map_stat = pad.parent.stat()
    inhoud = pad.read_bytes()
    assert oud in inhoud
    with pad.open("r+b") as f:
        f.write(inhoud.replace(oud, nieuw))
        f.truncate()
    os.utime(pad, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert pad.stat().st_size == stat.st_size or len(oud) != len(nieuw)
    assert pad.parent.stat().st_mtime_ns == map_stat.st_mtime_ns


@pytest.fixture
def veiligheid(werkplaats: Werkplaats) -> Werkplaats:
    wp = werkplaats
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.werkgroepen.toevoegen("PLG Sociale veiligheid onderbouw", scholen=["De Regenboog"])
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"])
    _een_uur_terug(wp.root)
    with Index(wp.root) as index:
        index.ververs()
    return wp


def test_een_schrijfopdracht_vertrouwt_de_index_niet_blind(
    veiligheid: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """The werkgroep file is renamed in place to "…bovenbouw" with its old time and size:
    `ozc log "…onderbouw"` no longer writes into it (it did), and "…bovenbouw" does."""
    wp = veiligheid
    groep = wp.werkgroepen.zoek("PLG Sociale veiligheid onderbouw")
    pad = wp.opslag.pad(Werkgroep, groep.id)
    _in_plaats(pad, b"onderbouw", b"bovenbouw")
    in_map(wp.root)  # type: ignore[operator]
    voor = pad.read_bytes()
    fout = ozc("log", "PLG Sociale veiligheid onderbouw", "Gesprek met de IB'er")
    assert fout.exit_code == 1, fout.output
    assert "Geen werkgroep gevonden" in fout.stderr
    assert pad.read_bytes() == voor
    goed = ozc("log", "PLG Sociale veiligheid bovenbouw", "Gesprek met de IB'er")
    assert goed.exit_code == 0, goed.output
    assert [r.tekst for r in wp.werkgroepen.zoek(id=groep.id).logboek] == ["Gesprek met de IB'er"]


def test_een_met_de_hand_gewijzigde_indexrij_stuurt_geen_schrijfopdracht_verkeerd(
    veiligheid: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """Someone edits the index itself: the name "Rekenen" now points at the other file.
    A write checks the file and goes to the right werkgroep."""
    wp = veiligheid
    rekenen = wp.werkgroepen.zoek("Rekenen").id
    ander = wp.werkgroepen.zoek("PLG").id
    with sqlite3.connect(wp.root / GEGEVENSMAP / INDEXBESTAND) as db:
        db.execute(
            "UPDATE werkgroepen SET naam = 'Veiligheid', vnaam = 'veiligheid' WHERE id = ?",
            (ander,),
        )
        db.execute(
            "UPDATE werkgroepen SET naam = 'Rekenen', vnaam = 'rekenen' WHERE id = ?", (ander,)
        )
        db.execute("UPDATE werkgroepen SET naam = 'X', vnaam = 'x' WHERE id = ?", (rekenen,))
    in_map(wp.root)  # type: ignore[operator]
    assert ozc("log", "Rekenen", "Toetsen besproken").exit_code == 0
    assert [r.tekst for r in wp.werkgroepen.zoek(id=rekenen).logboek] == ["Toetsen besproken"]
    assert wp.werkgroepen.zoek(id=ander).logboek == ()


def test_een_bestand_in_dezelfde_tik_erbij_wordt_gezien(werkplaats: Werkplaats) -> None:
    """Another program adds a file in the same clock tick as the index looked (the
    folder's time does not move on): the folder was too fresh to trust, so the next
    question looks again and finds it."""
    wp = werkplaats
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.werkgroepen.toevoegen("Lezen", scholen=["De Regenboog"])
    map_ = wp.root / "werkgroepen"
    with Index(wp.root) as index:
        index.ververs()
    tijd = map_.stat().st_mtime_ns
    nieuw = Werkgroep(
        id="lezen-extra-abc234", naam="Lezen extra", scholen=wp.werkgroepen.zoek("Lezen").scholen
    )
    (map_ / f"{nieuw.id}.toml").write_bytes(wp.opslag.inhoud(nieuw))
    os.utime(map_, ns=(tijd, tijd))  # the same tick
    assert [g.naam for g in wp.werkgroepen.lijst()] == ["Lezen", "Lezen extra"]


def test_een_gewone_vraag_kijkt_alleen_naar_de_mappen(veiligheid: Werkplaats) -> None:
    """With nothing added or removed, a question looks at folders, not at every file;
    a full look is due after VOLLEDIG_NA seconds, and then an edit in place shows."""
    wp = veiligheid
    groep = wp.werkgroepen.zoek("Rekenen")
    pad = wp.opslag.pad(Werkgroep, groep.id)
    _in_plaats(pad, b'naam = "Rekenen"', b'naam = "Rekenen groep 3"')
    os.utime(pad, ns=(time.time_ns() - UUR // 2, time.time_ns() - UUR // 2))  # time moved on
    with Index(wp.root) as index:
        index.ververs(("werkgroepen",))
        namen = dict(index.namen("werkgroepen"))
    assert namen[groep.id] == "Rekenen"  # not looked at: the folder did not change
    with Index(wp.root) as index:
        index.db.execute("UPDATE meta SET waarde = '0' WHERE sleutel = 'werkgroepen:volledig'")
        index.ververs(("werkgroepen",))
        assert dict(index.namen("werkgroepen"))[groep.id] == "Rekenen groep 3"
    assert indexmodule.VOLLEDIG_NA == 600


def test_een_lijst_leest_wat_hij_toont_uit_de_bestanden(veiligheid: Werkplaats) -> None:
    """A list shows the entities of its page as their files are now, even when the index
    has not seen an edit in place yet."""
    wp = veiligheid
    groep = wp.werkgroepen.zoek("Rekenen")
    _in_plaats(wp.opslag.pad(Werkgroep, groep.id), b"Rekenen", b"Reken 2")
    assert "Reken 2" in [g.naam for g in wp.werkgroepen.lijst()]


def test_controleer_laat_de_index_een_bewerking_ter_plekke_zien(veiligheid: Werkplaats) -> None:
    """`ozc controleer` looks at every file's time: what it sees changed in place, the
    index reads again, so lists and counts show it at once."""
    wp = veiligheid
    wp.controleer()  # the check knows every file as it is now
    groep = wp.werkgroepen.zoek("Rekenen")
    pad = wp.opslag.pad(Werkgroep, groep.id)
    _in_plaats(pad, b'naam = "Rekenen"', b'naam = "Rekenen groep 3"')
    os.utime(pad, ns=(time.time_ns() - UUR // 2, time.time_ns() - UUR // 2))
    with Index(wp.root) as index:
        index.ververs(("werkgroepen",))
        assert dict(index.namen("werkgroepen"))[groep.id] == "Rekenen"
    assert wp.controleer() == []
    with Index(wp.root) as index:
        index.ververs(("werkgroepen",))
        assert dict(index.namen("werkgroepen"))[groep.id] == "Rekenen groep 3"


def _rijen_heel_en_licht(pad: Path) -> tuple[object, object]:
    """The rows of a werkgroep file from the quick read (logboek and history left out)
    and from the whole file, parsed and migrated."""
    from onderzoekscyclus.opslag._toml import loads_toml
    from onderzoekscyclus.opslag.indexrijen import RIJEN, ontleed
    from onderzoekscyclus.opslag.schema import lees_versie, migreer

    inhoud = pad.read_bytes()
    data = loads_toml(inhoud)
    heel = RIJEN["werkgroepen"](pad.stem, migreer("werkgroep", data, lees_versie(data)))
    return ontleed("werkgroepen", pad.stem, inhoud), heel


def test_de_snelle_lezing_geeft_dezelfde_rijen_als_het_hele_bestand(tmp_path: Path) -> None:
    """Leaving out the logboek and the history must not lose the school years in which
    they date the werkgroep: for every werkgroep of the demo, after lines are logged in
    another school year, in the form ozc writes and in forms it does not."""
    wp = Werkplaats.maak(tmp_path / "wp", "W")
    wp.scholen.toevoegen("De Ster", brin="12AB", sector="po")
    groep = wp.werkgroepen.toevoegen("Rekenen", scholen=["De Ster"], themas=["rekenen"])
    for i, dag in enumerate(("2024-09-02", "2025-03-01", "2026-09-01")):
        wp.logboek.schrijf(groep.id, f"regel {i}", datum=dt.date.fromisoformat(dag))
    pad = wp.opslag.pad(Werkgroep, groep.id)
    licht, heel = _rijen_heel_en_licht(pad)
    assert licht == heel
    assert isinstance(heel, dict)
    assert [j for _g, j in heel["werkgroep_jaren"]] == [2024, 2026]
    # a logboek as tables, each date where ozc writes it
    tabellen = (
        'schema = "1.0"\nnaam = "Rekenen"\nscholen = ["de-ster"]\n\n'
        '[[logboek]]\ndatum = 2023-10-01\ntekst = "a"\n\n'
        '[[logboek]]\ndatum = 2022-01-05\ntekst = "b"\n'
    )
    pad.write_text(tabellen, encoding="utf-8")
    licht, heel = _rijen_heel_en_licht(pad)
    assert licht == heel
    assert [j for _g, j in heel["werkgroep_jaren"]] == [2021, 2023]  # type: ignore[index]
    # a conflict of a merge is counted alike, with the other side's data nested in it
    pad.write_text(
        tabellen + '\n[[conflicten]]\npad = "naam"\nons = "a"\n\n[conflicten.hun]\nnaam = "b"\n',
        encoding="utf-8",
    )
    licht, heel = _rijen_heel_en_licht(pad)
    assert licht == heel
    assert heel["werkgroepen"][0][-1] == 1  # type: ignore[index]
    # a date written as text: the quick read cannot trust its pattern and reads it whole
    pad.write_text(tabellen.replace("datum = 2023-10-01", 'datum = "2019-10-01"'), encoding="utf-8")
    licht, heel = _rijen_heel_en_licht(pad)
    assert licht == heel
    assert [j for _g, j in heel["werkgroep_jaren"]] == [2019, 2021]  # type: ignore[index]


def test_een_telling_van_een_voorbij_moment_wordt_niet_onthouden(werkplaats: Werkplaats) -> None:
    """A theme's count is remembered only when nothing changed the index while it was
    counted: another process that adds a line in the middle of the count leaves no
    stale count behind, and the next count sees the line."""
    wp = werkplaats
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"], themas=["rekenen"])
    with Index(wp.root) as index:
        index.ververs()
        ander = sqlite3.connect(index.pad, isolation_level=None)
        geschreven = []
        stappen = []

        def tussendoor() -> int:
            # another process writes while this one counts, a little way into its count
            stappen.append(index.db.in_transaction)
            if stappen.count(True) == 30 and not geschreven:
                ander.execute("INSERT INTO werkgroep_themas VALUES ('elders', 'rekenen')")
                ander.execute(
                    "INSERT INTO werkgroep_scholen (werkgroep, school) VALUES ('elders', 'x')"
                )
                geschreven.append(True)
            return 0

        index.db.set_progress_handler(tussendoor, 1)
        assert index.thema_telling(["rekenen"]) == (1, 1)  # what it saw when it began
        index.db.set_progress_handler(None, 1)
        assert geschreven
        assert index.rijen("SELECT * FROM tellingen") == []
        assert index.thema_telling(["rekenen"]) == (2, 2)
        assert index.rijen("SELECT aantal, scholen FROM tellingen") == [(2, 2)]
        ander.close()


def test_een_onthouden_telling_vergeet_alleen_wat_haar_thema_raakt(werkplaats: Werkplaats) -> None:
    """A remembered count of a theme stays through a change to a werkgroep on another
    theme (a log line elsewhere), and is forgotten, and counted anew, by every change
    that alters what it counts: a werkgroep that gets a narrower theme, one that moves
    school, one that loses the theme, one removed."""
    wp = werkplaats
    for naam, brin in (("De Regenboog", "12AB"), ("De Klimop", "34CD"), ("Het Baken", "56EF")):
        wp.scholen.toevoegen(naam, brin=brin, sector="po")
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"], themas=["rekenen"])
    wp.werkgroepen.toevoegen("Lezen", scholen=["De Klimop"], themas=["begrijpend lezen"])
    netwerk = wp.netwerk

    def geteld() -> tuple[int, int]:
        antwoord = netwerk.scholen("rekenen")
        return antwoord.aantal, antwoord.scholen

    def onthouden() -> list[tuple[int, int]]:
        with Index(wp.root) as index:
            return [tuple(r) for r in index.rijen("SELECT aantal, scholen FROM tellingen")]

    assert geteld() == (1, 1)
    assert onthouden() == [(1, 1)]
    wp.logboek.schrijf("Lezen", "We lazen samen.")
    wp.werkgroepen.wijzig("Lezen", naam="Lezen en schrijven")
    assert geteld() == (1, 1)
    assert onthouden() == [(1, 1)]  # the other theme's changes left it alone

    wp.werkgroepen.wijzig("Lezen en schrijven", themas=["begrijpend lezen", "wiskunde"])
    assert onthouden() == []
    assert geteld() == (2, 2)
    wp.werkgroepen.wijzig("Rekenen", scholen=["De Regenboog", "Het Baken"])
    assert geteld() == (3, 3)
    wp.werkgroepen.wijzig("Lezen en schrijven", themas=["begrijpend lezen"])
    assert geteld() == (2, 2)
    wp.werkgroepen.verwijder("Rekenen")
    assert geteld() == (0, 0)
