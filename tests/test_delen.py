"""A werkplaats shared through git: real git, real clones, a bare repository on disk as
the shared place. Everyday work merges by itself; what cannot be combined is noted as
a conflict in the file (never as markers) and decided with `ozc conflict kies`."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.api.delen import deel
from onderzoekscyclus.api.samenvoegen import conflicten_in, voeg_bestand_samen
from onderzoekscyclus.errors import WerkplaatsError
from onderzoekscyclus.opslag._toml import dumps_toml, loads_toml
from onderzoekscyclus.opslag.git import GitFout, stel_in

from .conftest import Ozc
from .grondig import voorbeelden

DAG = dt.date(2026, 9, 7)
VANDAAG = dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _wie(monkeypatch: pytest.MonkeyPatch) -> None:
    """Git needs to know who commits; a test machine may not have it configured."""
    for soort in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{soort}_NAME", "Test")
        monkeypatch.setenv(f"GIT_{soort}_EMAIL", "test@school.example")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("ONDERZOEKSCYCLUS_VANDAAG", VANDAAG.isoformat())


def _git(map_: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=map_, check=True, capture_output=True, text=True
    ).stdout.strip()


def maak_kopieen(map_: Path, n: int) -> list[Werkplaats]:
    """A werkplaats with a werkgroep in the middle of its cycle, shared in a bare
    repository in ``map_``, and ``n`` clones of it, each set up for merging."""
    _git(map_, "init", "-q", "--bare", "-b", "main", "gedeeld.git")
    wp = Werkplaats.maak(map_ / "begin", "Partnerschap", vandaag=lambda: VANDAAG)
    wp.scholen.toevoegen("De Ster", brin="12AB", sector="po")
    wp.scholen.profiel("De Ster", visie={"eigenaarschap": "Leerlingen sturen mee"})
    wp.personen.toevoegen("Anna", school="De Ster")
    wp.werkgroepen.toevoegen("Rekenen", scholen=["De Ster"], themas=["rekenen"])
    wp.cycli.start("Rekenen", aanleiding="a", vraag="v", datum=DAG)
    wp.cycli.beginsituatie("Rekenen", tekst="t", bronnen=["toets"], datum=DAG)
    wp.cycli.doel(
        "Rekenen",
        tekst="d",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 60.0, 75.0)],
        datum=DAG,
    )
    wp.cycli.plan("Rekenen", acties=[("oefenen", "team", "week 3")], literatuur=["boek"], datum=DAG)
    wp.cycli.uitvoeren("Rekenen", datum=DAG)
    _git(wp.root, "init", "-q", "-b", "main")
    _git(wp.root, "add", "-A")
    _git(wp.root, "commit", "-q", "-m", "begin")
    _git(wp.root, "push", "-q", str(map_ / "gedeeld.git"), "main")
    uit = []
    for i in range(n):
        kopie = map_ / f"kopie{i}"
        _git(map_, "clone", "-q", str(map_ / "gedeeld.git"), kopie.name)
        stel_in(kopie)
        uit.append(Werkplaats.open(kopie, vandaag=lambda: VANDAAG))
    return uit


@pytest.fixture
def kopieen(tmp_path: Path) -> Callable[[int], list[Werkplaats]]:
    """``n`` clones of one shared werkplaats (see :func:`maak_kopieen`)."""
    return lambda n: maak_kopieen(tmp_path, n)


def _regels(wp: Werkplaats) -> list[str]:
    return sorted(r.tekst for r in wp.logboek.lees("Rekenen", limit=None))


def _zonder_markers(wp: Werkplaats) -> None:
    for pad in wp.root.rglob("*.toml"):
        tekst = pad.read_text(encoding="utf-8")
        assert "<<<<<<<" not in tekst and ">>>>>>>" not in tekst, pad


def test_twee_kopieen_schrijven_in_hetzelfde_logboek(
    kopieen: Callable[[int], list[Werkplaats]],
) -> None:
    """The most ordinary day: both clones log in one werkgroep; both lines survive."""
    a, b = kopieen(2)
    a.logboek.schrijf("Rekenen", "Regel uit A")
    b.logboek.schrijf("Rekenen", "Regel uit B")
    deel(a.root)
    verslag = deel(b.root)
    assert verslag.binnengehaald == ("werkgroepen/" + a.werkgroepen.zoek("Rekenen").id + ".toml",)
    assert verslag.conflicten == ()
    deel(a.root)
    for wp in (a, b):
        assert _regels(wp) == ["Regel uit A", "Regel uit B"]
        _zonder_markers(wp)
        assert wp.controleer() == []
    groep = a.werkgroepen.zoek("Rekenen").id
    assert (a.root / "werkgroepen" / f"{groep}.toml").read_bytes() == (
        b.root / "werkgroepen" / f"{groep}.toml"
    ).read_bytes()


def test_meting_na_de_evaluatie_van_de_ander_wordt_een_conflict(
    kopieen: Callable[[int], list[Werkplaats]], ozc: Ozc
) -> None:
    """A evaluates while B measures after A's evaluation date: together an impossible
    state. B, merging A's work in, keeps its own version and notes A's whole: nothing
    is lost, and a person decides."""
    a, b = kopieen(2)
    a.cycli.meting("Rekenen", indicator="op niveau", waarde=70.0, datum=DAG + dt.timedelta(days=20))
    a.cycli.evaluatie("Rekenen", conclusie="deels", tekst="e", datum=DAG + dt.timedelta(days=30))
    b.cycli.meting("Rekenen", indicator="op niveau", waarde=74.0, datum=DAG + dt.timedelta(days=40))
    deel(a.root)
    verslag = deel(b.root)
    groep = b.werkgroepen.zoek("Rekenen").id
    bestand = f"werkgroepen/{groep}.toml"
    assert verslag.conflicten == (bestand,)
    _zonder_markers(b)
    [conflict] = conflicten_in(b.root)
    assert conflict["pad"] == ""
    assert "na de evaluatie" in conflict["reden"]
    assert [m["waarde"] for m in conflict["hun"]["cycli"][0]["metingen"]] == [70.0]
    assert conflict["hun"]["cycli"][0]["evaluatie"]["conclusie"] == "deels"
    assert [m.waarde for m in b.werkgroepen.zoek("Rekenen").cycli[0].metingen] == [74.0]
    # what the file holds is valid, and checks point at the conflict and the way out
    problemen = b.controleer()
    assert any("conflict van het samenvoegen" in p and "ozc conflict kies" in p for p in problemen)
    # the status names it, from the files and (in a large werkplaats) from the index
    assert [p.code for p in b.status().aandachtspunten if p.code.startswith("bestand")] == [
        "bestand.conflict"
    ]
    b.netwerk.scholen("rekenen")  # builds the index
    samengevat = b.status(top=5).aandachtspunten
    assert [(p.code, p.naam) for p in samengevat if p.code.startswith("bestand")] == [
        ("bestand.conflict", "Rekenen")
    ]
    # a change on one side only is refused until a person decides
    with pytest.raises(WerkplaatsError) as fout:
        b.logboek.schrijf("Rekenen", "Nog een regel")
    assert fout.value.code == "bestand.conflict"
    uit = ozc("--werkplaats", str(b.root), "conflict", "lijst")
    assert uit.exit_code == 0 and bestand in uit.stdout
    uit = ozc("--werkplaats", str(b.root), "conflict", "kies", bestand, "hun")
    assert uit.exit_code == 0, uit.stderr
    assert conflicten_in(b.root) == []
    uit = ozc("--werkplaats", str(b.root), "conflict", "kies", bestand, "hun")
    assert uit.exit_code == 2 and "geen conflict om te beslissen" in uit.stderr
    cyclus = b.werkgroepen.zoek("Rekenen").cycli[0]
    assert [m.waarde for m in cyclus.metingen] == [70.0] and cyclus.evaluatie is not None
    b.logboek.schrijf("Rekenen", "Opgelost")
    assert b.controleer() == []


def test_een_meting_voor_de_evaluatie_voegt_gewoon_samen(
    kopieen: Callable[[int], list[Werkplaats]],
) -> None:
    a, b = kopieen(2)
    a.cycli.meting("Rekenen", indicator="op niveau", waarde=70.0, datum=DAG + dt.timedelta(days=5))
    a.cycli.evaluatie("Rekenen", conclusie="deels", tekst="e", datum=DAG + dt.timedelta(days=30))
    b.cycli.meting("Rekenen", indicator="op niveau", waarde=74.0, datum=DAG + dt.timedelta(days=10))
    deel(a.root)
    assert deel(b.root).conflicten == ()
    cyclus = b.werkgroepen.zoek("Rekenen").cycli[0]
    assert cyclus.fase.value == "evaluatie"
    assert sorted(m.waarde for m in cyclus.metingen) == [70.0, 74.0]
    assert b.controleer() == []


def test_dezelfde_school_in_twee_kopieen_wordt_gemeld_en_samengevoegd(
    kopieen: Callable[[int], list[Werkplaats]], ozc: Ozc
) -> None:
    """Both clones add one school: two files, one BRIN. `ozc controleer` names it, and
    `ozc school samenvoegen` joins them, every reference pointing to the one kept."""
    a, b = kopieen(2)
    hier = a.scholen.toevoegen("De Maan", brin="34CD", sector="po", bestuur="Stichting Maan")
    a.personen.toevoegen("Piet", school=hier.id)
    daar = b.scholen.toevoegen("De Maan", brin="34CD", sector="po")
    b.scholen.profiel(daar.id, speerpunten=["lezen"])
    b.personen.toevoegen("Kees", school=daar.id)
    b.werkgroepen.toevoegen("Lezen", scholen=[daar.id, "De Ster"], themas=["lezen"])
    b.werkgroepen.lid("Lezen", "Kees", rol="leider")
    deel(a.root)
    deel(b.root)
    problemen = b.controleer()
    kleinste, grootste = sorted((hier.id, daar.id))
    regel = f"`ozc school samenvoegen {kleinste} {grootste}`"
    assert any("34CD" in p and regel in p for p in problemen), problemen
    uit = ozc("--werkplaats", str(b.root), "school", "samenvoegen", hier.id, daar.id, "--ja")
    assert uit.exit_code == 0, uit.stderr
    assert b.controleer() == []
    school = b.scholen.zoek(id=hier.id)
    assert school.bestuur == "Stichting Maan" and school.profiel.speerpunten == ("lezen",)
    assert b.personen.zoek("Kees").school == hier.id
    assert b.werkgroepen.zoek("Lezen").scholen == (hier.id, b.scholen.zoek("De Ster").id)
    assert [s.id for s in b.scholen.lijst() if s.naam == "De Maan"] == [hier.id]
    deel(b.root)
    deel(a.root)
    assert a.personen.zoek("Kees").school == hier.id


def test_tegelijk_gewijzigd_veld_is_een_conflict_met_beide_waarden() -> None:
    """The driver itself: one field changed differently on both sides is kept as this
    side's value and noted with the other's; what only one side changed is taken."""
    basis = dumps_toml({"schema": "1.0", "naam": "Rekenen", "scholen": ["a"], "themas": ["x"]})
    ons = dumps_toml(
        {"schema": "1.0", "naam": "Rekenen 5-8", "scholen": ["a"], "themas": ["x", "y"]}
    )
    hun = dumps_toml(
        {"schema": "1.0", "naam": "Rekenen bovenbouw", "scholen": ["a", "b"], "themas": []}
    )
    uit = voeg_bestand_samen(basis, ons, hun, "werkgroepen/rekenen-ab12cd.toml", vandaag=VANDAAG)
    data = loads_toml(uit.inhoud)
    assert data["naam"] == "Rekenen 5-8"
    assert data["scholen"] == ["a", "b"]
    assert data["themas"] == ["y"]  # x removed by them, y added by us
    assert data["conflicten"] == [
        {"pad": "naam", "basis": "Rekenen", "ons": "Rekenen 5-8", "hun": "Rekenen bovenbouw"}
    ]


def test_deel_zonder_gedeelde_plek_houdt_het_werk(tmp_path: Path, ozc: Ozc) -> None:
    wp = Werkplaats.maak(tmp_path / "w", "W")
    _git(wp.root, "init", "-q", "-b", "main")
    wp.scholen.toevoegen("De Ster", brin="12AB", sector="po")
    uit = ozc("--werkplaats", str(wp.root), "deel")
    assert uit.exit_code == 1
    assert "geen gedeelde plek" in uit.stderr and "git remote add" in uit.stderr
    assert "ozc deel: " in _git(wp.root, "log", "-1", "--format=%s")  # committed, not lost


def test_deel_buiten_git_zegt_hoe_het_wel_kan(tmp_path: Path, ozc: Ozc) -> None:
    wp = Werkplaats.maak(tmp_path / "w", "W")
    uit = ozc("--werkplaats", str(wp.root), "deel")
    assert uit.exit_code == 1
    assert "niet in een git-repository" in uit.stderr and "git init" in uit.stderr
    with pytest.raises(GitFout):
        stel_in(wp.root)


def test_deel_probeert_opnieuw_als_een_ander_net_eerder_verstuurde(
    kopieen: Callable[[int], list[Werkplaats]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The push is rejected because B shared between A's fetch and A's push: A fetches,
    merges and sends again, losing nothing."""
    from onderzoekscyclus.opslag import git as gitmodule

    a, b = kopieen(2)
    a.logboek.schrijf("Rekenen", "Regel uit A")
    b.logboek.schrijf("Rekenen", "Regel uit B")
    echt = gitmodule.Git.__call__
    gedaan = []

    def tussendoor(self: gitmodule.Git, *args: str, controleer: bool = True) -> object:
        if args[:1] == ("push",) and self.root == a.root and not gedaan:
            gedaan.append(True)
            deel(b.root)  # someone else shares first
        return echt(self, *args, controleer=controleer)

    monkeypatch.setattr(gitmodule.Git, "__call__", tussendoor)
    verslag = deel(a.root)
    assert verslag.pogingen == 2
    deel(b.root)
    assert _regels(a) == _regels(b) == ["Regel uit A", "Regel uit B"]


@settings(
    max_examples=voorbeelden(6),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_drie_kopieen_verliezen_niets(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    """Three clones log, measure and add themes in random turns and share in random
    orders: in the end every clone has every entry, the same files, no markers, and
    nothing for `controleer` to report."""
    wps = maak_kopieen(tmp_path_factory.mktemp("drie"), 3)
    verwacht_regels: set[str] = set()
    verwacht_themas = {"rekenen"}
    for ronde in range(data.draw(st.integers(2, 4))):
        for i, wp in enumerate(wps):
            for stap in range(data.draw(st.integers(0, 2))):
                soort = data.draw(st.sampled_from(["log", "meting", "thema"]))
                if soort == "log":
                    tekst = f"r{ronde} k{i} s{stap}"
                    wp.logboek.schrijf("Rekenen", tekst)
                    verwacht_regels.add(tekst)
                elif soort == "meting":
                    wp.cycli.meting(
                        "Rekenen",
                        indicator="op niveau",
                        waarde=float(ronde * 10 + i),
                        datum=DAG + dt.timedelta(days=ronde * 3 + i + 1),
                    )
                else:
                    thema = f"thema {ronde}-{i}"
                    groep = wp.werkgroepen.zoek("Rekenen")
                    wp.werkgroepen.wijzig(
                        "Rekenen", themas=[*groep.themas, thema], nieuw_thema=True
                    )
                    verwacht_themas.add(thema)
        for i in data.draw(st.permutations(range(3))):
            deel(wps[i].root)
    for wp in wps:
        deel(wp.root)
    bestanden = [
        sorted((p.relative_to(wp.root).as_posix(), p.read_bytes()) for p in wp.root.rglob("*.toml"))
        for wp in wps
    ]
    assert bestanden[0] == bestanden[1] == bestanden[2]
    for wp in wps:
        _zonder_markers(wp)
        assert set(_regels(wp)) == verwacht_regels
        assert set(wp.werkgroepen.zoek("Rekenen").themas) == verwacht_themas
        assert wp.controleer() == []


_REGEL = st.fixed_dictionaries(
    {
        "datum": st.dates(dt.date(2026, 1, 1), dt.date(2026, 3, 1)),
        "tekst": st.sampled_from(["a", "b", "c"]),
    }
)


@settings(max_examples=voorbeelden(200))
@given(st.lists(_REGEL, max_size=4), st.lists(_REGEL, max_size=3), st.lists(_REGEL, max_size=3))
def test_de_uitkomst_hangt_niet_af_van_wie_samenvoegt(
    basis: list[dict[str, object]],
    erbij_ons: list[dict[str, object]],
    erbij_hun: list[dict[str, object]],
) -> None:
    """Both sides add log lines (equal ones too): merging ours into theirs or theirs
    into ours gives the same logboek, with every line of both. Lines are known by
    their content until entries carry ids of their own: the same line with the same
    date written in both copies counts once (docs/delen.md says so)."""
    from onderzoekscyclus.opslag.samenvoegen import voeg_samen

    b = {"logboek": basis}
    o = {"logboek": basis + erbij_ons}
    h = {"logboek": basis + erbij_hun}
    een, c1 = voeg_samen(b, o, h)
    twee, c2 = voeg_samen(b, h, o)
    assert c1 == c2 == []
    assert een == twee

    def keer(regels: list[dict[str, object]]) -> Counter[str]:
        return Counter(json.dumps(r, sort_keys=True, default=str) for r in regels)

    verwacht = keer(basis + erbij_ons) | keer(basis + erbij_hun)  # the larger count of each
    assert keer(een.get("logboek", [])) == verwacht


def test_twee_ideeen_met_hetzelfde_nummer_blijven_allebei(
    kopieen: Callable[[int], list[Werkplaats]],
) -> None:
    """Numbered entries are numbered per clone: both clones add "idea 1". Both ideas
    stay, one renumbered, whichever clone merges."""
    a, b = kopieen(2)
    a.besluitvorming.nieuw("Rekenaanpak", werkgroep="Rekenen", thema="rekenen", datum=DAG)
    deel(a.root)
    deel(b.root)
    a.besluitvorming.idee("Rekenaanpak", "Idee uit A", door="Anna", datum=DAG)
    b.besluitvorming.idee("Rekenaanpak", "Idee uit B", door="Anna", datum=DAG)
    deel(a.root)
    assert deel(b.root).conflicten == ()
    deel(a.root)
    for wp in (a, b):
        ideeen = wp.besluitvorming.zoek("Rekenaanpak").ideeen
        assert sorted((i.nummer, i.tekst) for i in ideeen) == [(1, "Idee uit A"), (2, "Idee uit B")]
        assert wp.controleer() == []


def test_een_verbeterde_regel_blijft_een_regel(kopieen: Callable[[int], list[Werkplaats]]) -> None:
    """Entries carry ids: A corrects a log line while B adds one; the line is corrected,
    not doubled. Both correcting it differently is a conflict on that line's text."""
    a, b = kopieen(2)
    a.logboek.schrijf("Rekenen", "Eerste regel")
    deel(a.root)
    deel(b.root)
    a.logboek.wijzig("Rekenen", 1, tekst="Eerste regel, verbeterd")
    b.logboek.schrijf("Rekenen", "Regel uit B")
    deel(a.root)
    assert deel(b.root).conflicten == ()
    assert _regels(b) == ["Eerste regel, verbeterd", "Regel uit B"]
    deel(a.root)
    a.logboek.wijzig("Rekenen", 1, tekst="Versie A")
    b.logboek.wijzig("Rekenen", 1, tekst="Versie B")
    deel(a.root)
    verslag = deel(b.root)
    assert len(verslag.conflicten) == 1
    [conflict] = conflicten_in(b.root)
    assert conflict["pad"].startswith("logboek[id=") and conflict["pad"].endswith("].tekst")
    assert (conflict["ons"], conflict["hun"]) == ("Versie B", "Versie A")
    assert "Versie B" in _regels(b)


def test_genummerde_regels_staan_na_samenvoegen_op_volgorde() -> None:
    """Found by benchmarks/delen.py: numbered entries (ideas, feedback) must stand in the
    order of their numbers, also when both sides added some and one was renumbered."""
    from onderzoekscyclus.opslag.samenvoegen import voeg_samen

    def idee(n: int, tekst: str) -> dict[str, object]:
        return {"nummer": n, "tekst": tekst}

    basis = {"ideeen": [idee(1, "a")]}
    ons = {"ideeen": [idee(1, "a"), idee(2, "ons 2"), idee(3, "ons 3")]}
    hun = {"ideeen": [idee(1, "a"), idee(2, "hun 2")]}
    for links, rechts in ((ons, hun), (hun, ons)):
        uit, conflicten = voeg_samen(basis, links, rechts)
        assert conflicten == []
        assert [x["nummer"] for x in uit["ideeen"]] == [1, 2, 3, 4]
        assert sorted(str(x["tekst"]) for x in uit["ideeen"]) == ["a", "hun 2", "ons 2", "ons 3"]


def _momentopname(map_: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(map_).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(map_.rglob("*"))
        if p.is_file()
    }


def test_een_gekoppelde_werkplaats_wordt_gelezen_en_nooit_beschreven(
    tmp_path: Path, ozc: Ozc
) -> None:
    """A partnership links another partnership's werkplaats: `ozc thema scholen` and
    `ozc thema experts` answer across both, marking what comes from the other; the
    other folder is never written to, and a change there is seen."""
    hier = Werkplaats.maak(tmp_path / "hier", "De Kempen", vandaag=lambda: VANDAAG)
    hier.scholen.toevoegen("De Ster", brin="12AB", sector="po")
    hier.werkgroepen.toevoegen("Rekenen Ster", scholen=["De Ster"], themas=["rekenen"])
    daar = Werkplaats.maak(tmp_path / "daar", "Noord", vandaag=lambda: VANDAAG)
    daar.scholen.toevoegen("Het Anker", brin="34CD", sector="po")
    daar.personen.toevoegen("Piet", school="Het Anker", expertise=["redactiesommen"])
    daar.werkgroepen.toevoegen(
        "Verhaaltjessommen", scholen=["Het Anker"], themas=["redactiesommen"]
    )
    voor = _momentopname(daar.root)
    uit = ozc("--werkplaats", str(hier.root), "koppeling", "toevoegen", "../daar")
    assert uit.exit_code == 0, uit.stderr
    assert (
        hier.info.koppelingen == ()
        and Werkplaats.open(hier.root).info.koppelingen[0].pad == "../daar"
    )
    uit = ozc("--werkplaats", str(hier.root), "thema", "scholen", "rekenen")
    assert uit.exit_code == 0, uit.stderr
    assert "De Ster [po]" in uit.stdout and "Het Anker [po] (Noord)" in uit.stdout
    antwoord = Werkplaats.open(hier.root).netwerk.scholen("rekenen")
    assert (antwoord.aantal, antwoord.scholen) == (2, 2)
    assert [(r.school_naam, r.werkplaats) for r in antwoord.werkgroepen] == [
        ("De Ster", None),
        ("Het Anker", "Noord"),
    ]
    assert [
        (e.naam, e.werkplaats)
        for e in Werkplaats.open(hier.root).netwerk.experts("rekenen").experts
    ] == [("Piet", "Noord")]
    assert _momentopname(daar.root) == voor  # read, never written: not even an index
    # a change in the other werkplaats is seen at the next question
    daar.werkgroepen.toevoegen("Meten", scholen=["Het Anker"], themas=["meten en meetkunde"])
    assert Werkplaats.open(hier.root).netwerk.scholen("rekenen").aantal == 3
    # a link that cannot be found says so, and the rest still answers
    (tmp_path / "daar").rename(tmp_path / "verhuisd")
    antwoord = Werkplaats.open(hier.root).netwerk.scholen("rekenen")
    assert antwoord.aantal == 1 and any(
        "Noord" in o and "niet te vinden" in o for o in antwoord.onleesbaar
    )
    uit = ozc("--werkplaats", str(hier.root), "koppeling", "weg", "Noord")
    assert uit.exit_code == 0 and Werkplaats.open(hier.root).info.koppelingen == ()
    uit = ozc("--werkplaats", str(hier.root), "koppeling", "toevoegen", "../nergens")
    assert uit.exit_code == 2 and "geen werkplaats" in uit.stderr


def test_dezelfde_persoon_in_twee_kopieen_wordt_gemeld_en_samengevoegd(
    kopieen: Callable[[int], list[Werkplaats]], ozc: Ozc
) -> None:
    a, b = kopieen(2)
    hier = a.personen.toevoegen("Kees Jansen", school="De Ster", expertise=["rekenen"])
    daar = b.personen.toevoegen("Kees  jansen", school="De Ster", rollen=["leraar"])
    b.werkgroepen.lid("Rekenen", daar.id, rol="expert")
    deel(a.root)
    deel(b.root)
    assert any(hier.id in p and daar.id in p and "op deze school" in p for p in b.controleer())
    uit = ozc("--werkplaats", str(b.root), "persoon", "samenvoegen", hier.id, daar.id, "--ja")
    assert uit.exit_code == 0, uit.stderr
    assert b.controleer() == []
    kees = b.personen.zoek(id=hier.id)
    assert kees.expertise == ("rekenen",) and [r.value for r in kees.rollen] == ["leraar"]
    assert [(lid.persoon, lid.rol.value) for lid in b.werkgroepen.zoek("Rekenen").leden] == [
        (hier.id, "expert")
    ]


def test_migreer_geeft_oude_regels_een_id_maar_laat_een_conflict_staan(tmp_path: Path) -> None:
    """A file from before entries had ids gets them from `ozc migreer` (the same ids a
    clone would give them); a file with a conflict is left for a person first."""
    wp = Werkplaats.maak(tmp_path / "w", "W", vandaag=lambda: VANDAAG)
    wp.scholen.toevoegen("De Ster", brin="12AB", sector="po")
    groep = wp.werkgroepen.toevoegen("Rekenen", scholen=["De Ster"])
    pad = wp.root / "werkgroepen" / f"{groep.id}.toml"
    school = wp.scholen.zoek("De Ster").id
    oud = (
        f'schema = "1.0"\nnaam = "Rekenen"\nscholen = ["{school}"]\n\n'
        '[[logboek]]\ndatum = 2026-10-01\ntekst = "Van vroeger"\n'
    )
    pad.write_text(oud, encoding="utf-8")
    assert wp.migreer() == [f"werkgroepen/{groep.id}.toml"]
    [regel] = loads_toml(pad.read_bytes())["logboek"]
    assert regel["id"] == wp.werkgroepen.zoek("Rekenen").logboek[0].id
    assert wp.migreer() == []
    pad.write_text(oud + '\n[[conflicten]]\npad = "naam"\nons = "a"\nhun = "b"\n', encoding="utf-8")
    with pytest.raises(WerkplaatsError, match="conflict"):
        wp.migreer()
    assert b"conflicten" in pad.read_bytes()
