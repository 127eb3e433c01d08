"""The themanetwerk: thesaurus, index and the `ozc thema` questions, with exact answers."""

from __future__ import annotations

import json
import math
import os
import sqlite3
from pathlib import Path
from typing import Any

import attrs
import pytest

from onderzoekscyclus import Werkplaats
from onderzoekscyclus.domein.expertise import KWALITEITEN
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.domein.netwerk import Gelijkenis, SchoolInNetwerk
from onderzoekscyclus.errors import FileFormatError, InvalidValue, UnknownReference
from onderzoekscyclus.opslag import GEGEVENSMAP
from onderzoekscyclus.opslag._paden import INDEXBESTAND
from onderzoekscyclus.opslag.index import Index
from onderzoekscyclus.opslag.thesaurus import laad_thesaurus, standaard_thesaurus
from tests.conftest import Ozc


def _scholen_met(wp: Werkplaats, thema: str) -> list[tuple[str, str]]:
    """(school, werkgroep) pairs of ``ozc thema scholen`` as names."""
    return [(t.school_naam, t.werkgroep_naam) for t in wp.netwerk.scholen(thema).werkgroepen]


def _herschrijf(pad: Path, inhoud: bytes) -> None:
    """Write a file in place, as an editor would, and move its time clearly forward."""
    oud = pad.stat().st_mtime_ns if pad.exists() else 0
    with pad.open("wb") as bestand:
        bestand.write(inhoud)
    stap = 5_000_000_000
    os.utime(pad, ns=(oud + stap, oud + stap))


@pytest.fixture
def partnerschap(werkplaats: Werkplaats) -> Werkplaats:
    """Six schools (one an institute), five persons and eight werkgroepen.

    Themes as people type them: ``hoogbegaafdheid`` (a synonym of
    ontwikkelingsvoorsprong), ``Ontwikkelingsvoorsprong`` with a capital, and narrower
    themes under ``lezen`` and ``rekenen``.
    """
    wp = werkplaats
    for naam, brin, sector in [
        ("De Regenboog", "11AA", "po"),
        ("Het Palet", "12BB", "po"),
        ("De Vlinder", "13CC", "po"),
        ("SBO De Brug", "14DD", "so"),
        ("Pabo Kempen", "15EE", "opleiding"),
        ("Het Kompas", "16FF", "po"),
    ]:
        wp.scholen.toevoegen(naam, brin=brin, sector=sector, bestuur="Stichting Kempen")
    wp.scholen.profiel("De Regenboog", visie={"eigenaarschap": "Leerlingen sturen mee"})
    for naam, school, rol, expertise in [
        ("Anna Aalbers", "De Regenboog", "intern-begeleider", ["rekenen", "coachen"]),
        ("Bert Bos", "Het Palet", "leraar", ["Hoogbegaafdheid"]),
        ("Cor Claassen", "De Vlinder", "specialist", ["begrijpend lezen"]),
        ("Dirk Dekker", "SBO De Brug", "leraar", ["gedrag"]),
        ("Eva Evers", "Pabo Kempen", "lector", ["redactiesommen", "onderzoek"]),
    ]:
        wp.personen.toevoegen(naam, school=school, rollen=[rol], expertise=expertise)
    for naam, scholen, themas, leider in [
        ("Rekenen bovenbouw", ["De Regenboog"], ["rekenen"], "Anna"),
        ("Plusklas", ["Het Palet", "De Vlinder"], ["hoogbegaafdheid"], "Bert"),
        ("Meer uitdaging", ["De Vlinder"], ["Ontwikkelingsvoorsprong"], None),
        ("Leesgroep", ["De Vlinder"], ["begrijpend lezen"], "Cor"),
        ("Technisch lezen", ["De Regenboog"], ["technisch lezen", "spelling"], "Anna"),
        ("Rust in de klas", ["SBO De Brug"], ["gedrag", "pedagogisch klimaat"], "Dirk"),
        (
            "Onderzoekswerkplaats",
            ["Pabo Kempen", "De Regenboog"],
            ["praktijkonderzoek", "rekenen"],
            "Eva",
        ),
        ("Rekenen en gedrag", ["Het Kompas"], ["rekenen", "gedrag"], None),
    ]:
        wp.werkgroepen.toevoegen(naam, scholen=scholen, themas=themas)
        if leider:
            wp.werkgroepen.lid(naam, leider, rol="leider")
    # a finished cycle (conclusion "bereikt") and one that has just started
    wp.cycli.start("Rekenen bovenbouw", aanleiding="Sommen blijven achter", vraag="Hoe beter?")
    wp.cycli.beginsituatie("Rekenen bovenbouw", tekst="62% op niveau", bronnen=["Toets M5"])
    wp.cycli.doel(
        "Rekenen bovenbouw",
        tekst="75% op niveau",
        visie="eigenaarschap",
        indicatoren=[("op niveau", "%", 62.0, 75.0)],
    )
    wp.cycli.plan(
        "Rekenen bovenbouw", acties=[("Dagelijks oefenen", None, None)], literatuur=["Studie"]
    )
    wp.cycli.uitvoeren("Rekenen bovenbouw")
    wp.cycli.meting("Rekenen bovenbouw", indicator="op niveau", waarde=76.0)
    wp.cycli.evaluatie("Rekenen bovenbouw", conclusie="bereikt", tekst="Doel gehaald")
    wp.cycli.afronden("Rekenen bovenbouw")
    wp.cycli.start("Plusklas", aanleiding="Leerlingen vervelen zich", vraag="Meer uitdaging?")
    return wp


# --- the questions, with exact answers ------------------------------------------------------


def test_een_synoniem_vindt_de_werkgroepen_van_het_voorkeursthema(partnerschap: Werkplaats) -> None:
    """`hoogbegaafdheid` finds the werkgroepen on ontwikkelingsvoorsprong, however typed."""
    antwoord = partnerschap.netwerk.scholen("hoogbegaafdheid")
    assert antwoord.thema == "ontwikkelingsvoorsprong"
    assert antwoord.omvat == (
        "hoogbegaafdenvoorziening",
        "onderpresteren",
        "ontwikkelingsvoorsprong",
    )
    assert antwoord.scholen == 2
    assert [
        (t.school_naam, t.werkgroep_naam, t.themas, t.cyclus, t.fase, t.leiders)
        for t in antwoord.werkgroepen
    ] == [
        ("De Vlinder", "Meer uitdaging", ("Ontwikkelingsvoorsprong",), None, None, ()),
        ("De Vlinder", "Plusklas", ("hoogbegaafdheid",), 1, "aanleiding", ("Bert Bos",)),
        ("Het Palet", "Plusklas", ("hoogbegaafdheid",), 1, "aanleiding", ("Bert Bos",)),
    ]


def test_een_breder_thema_omvat_de_smallere(partnerschap: Werkplaats) -> None:
    """`lezen` includes begrijpend and technisch lezen; `rekenen` lists the conclusion."""
    assert _scholen_met(partnerschap, "lezen") == [
        ("De Regenboog", "Technisch lezen"),
        ("De Vlinder", "Leesgroep"),
    ]
    rekenen = partnerschap.netwerk.scholen("Rekenen")
    assert [(t.school_naam, t.werkgroep_naam) for t in rekenen.werkgroepen] == [
        ("De Regenboog", "Onderzoekswerkplaats"),
        ("De Regenboog", "Rekenen bovenbouw"),
        ("Het Kompas", "Rekenen en gedrag"),
        ("Pabo Kempen", "Onderzoekswerkplaats"),
    ]
    afgerond = rekenen.werkgroepen[1]
    assert (afgerond.fase, afgerond.conclusie, afgerond.conclusie_cyclus, afgerond.leiders) == (
        "afgerond",
        "bereikt",
        1,
        ("Anna Aalbers",),
    )
    assert rekenen.werkgroepen[3].sector == "opleiding"


def test_experts_met_synoniemen_en_smallere_thema_s(partnerschap: Werkplaats) -> None:
    """Experts on rekenen include redactiesommen; hoogbegaafdheid finds the expertise as typed."""
    netwerk = partnerschap.netwerk
    assert [
        (e.naam, e.school_naam, e.rollen, e.expertise) for e in netwerk.experts("rekenen").experts
    ] == [
        ("Anna Aalbers", "De Regenboog", ("intern-begeleider",), ("rekenen",)),
        ("Eva Evers", "Pabo Kempen", ("lector",), ("redactiesommen",)),
    ]
    assert [e.naam for e in netwerk.experts("ontwikkelingsvoorsprong").experts] == ["Bert Bos"]
    assert netwerk.experts("coachen").thema == "coachen"  # free text in use is a theme too


def test_vergelijkbaar_weegt_zeldzame_thema_s_zwaarder(partnerschap: Werkplaats) -> None:
    """Het Kompas (rekenen, gedrag) is most like SBO De Brug: gedrag is rarer than rekenen.

    Six schools have themes; rekenen is at three of them, gedrag at two; the weight of
    a theme is log(1 + 6 / n).
    """
    antwoord = partnerschap.netwerk.vergelijkbaar("kompas")
    assert antwoord.themas == ("gedrag", "rekenen")
    ids = {s.naam: s.id for s in partnerschap.scholen.lijst()}
    assert list(antwoord.scholen) == [
        Gelijkenis(ids["SBO De Brug"], "SBO De Brug", "so", round(math.log(4), 4), ("gedrag",)),
        Gelijkenis(ids["De Regenboog"], "De Regenboog", "po", round(math.log(3), 4), ("rekenen",)),
        Gelijkenis(
            ids["Pabo Kempen"], "Pabo Kempen", "opleiding", round(math.log(3), 4), ("rekenen",)
        ),
    ]
    regenboog = partnerschap.netwerk.vergelijkbaar("De Regenboog", aantal=1)
    assert [(g.naam, g.score, g.gedeeld) for g in regenboog.scholen] == [
        ("Pabo Kempen", round(math.log(3) + math.log(4), 4), ("praktijkonderzoek", "rekenen"))
    ]


def test_netwerken_vinden_de_twee_groepen_scholen(werkplaats: Werkplaats) -> None:
    """Two groups of three schools that share their themes become two networks; a school
    alone on its theme forms none. The answer does not depend on the seed here."""
    wp = werkplaats
    groepen = {
        "A": ["rekenen", "automatiseren"],
        "B": ["gedrag", "PBS"],
    }
    for groep, themas in groepen.items():
        for i in range(3):
            naam = f"School {groep}{i}"
            wp.scholen.toevoegen(naam, brin=f"{10 + i}{groep}{groep}", sector="po")
            wp.werkgroepen.toevoegen(f"Werkgroep {groep}{i}", scholen=[naam], themas=themas)
    wp.scholen.toevoegen("Muziekschool", brin="20MM", sector="po")
    wp.werkgroepen.toevoegen("Muziek", scholen=["Muziekschool"], themas=["muziek"])
    ids = {s.naam: s.id for s in wp.scholen.lijst()}
    for seed in (1, 7):
        netwerken = wp.netwerk.netwerken(seed=seed)
        assert [(n.nummer, n.themas, n.scholen) for n in netwerken] == [
            (
                nummer,
                themas,
                tuple(
                    SchoolInNetwerk(ids[f"School {groep}{i}"], f"School {groep}{i}", "po", themas)
                    for i in range(3)
                ),
            )
            for nummer, groep, themas in [
                (1, "A", ("automatiseren", "rekenen")),
                (2, "B", ("gedrag", "PBS")),
            ]
        ]


def test_lijst_toont_de_boom_met_aantallen(partnerschap: Werkplaats) -> None:
    """The list shows used themes under their broader themes, with counts and variants."""
    lijst = {t.label: t for t in partnerschap.netwerk.lijst()}
    voorsprong = lijst["ontwikkelingsvoorsprong"]
    assert (voorsprong.werkgroepen, voorsprong.scholen, voorsprong.experts) == (2, 2, 1)
    assert voorsprong.varianten == ("Hoogbegaafdheid", "hoogbegaafdheid", "Ontwikkelingsvoorsprong")
    assert (voorsprong.breder, voorsprong.diepte) == ("passend onderwijs", 1)
    assert lijst["passend onderwijs"].werkgroepen == 0  # shown as the parent
    assert (lijst["rekenen"].werkgroepen, lijst["rekenen"].scholen, lijst["rekenen"].experts) == (
        3,
        3,
        1,
    )
    assert not lijst["coachen"].in_thesaurus
    assert "wiskunde" not in lijst
    assert "wiskunde" in {t.label for t in partnerschap.netwerk.lijst(alle=True)}


def test_cli_geeft_dezelfde_antwoorden_in_json(
    partnerschap: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """`ozc --json thema scholen hoogbegaafdheid` gives the ontwikkelingsvoorsprong werkgroepen."""
    in_map(partnerschap.root)  # type: ignore[operator]
    uit = ozc("--json", "thema", "scholen", "hoogbegaafdheid")
    assert uit.exit_code == 0, uit.output
    data = json.loads(uit.stdout)
    assert data["thema"] == "ontwikkelingsvoorsprong"
    assert [(w["school_naam"], w["werkgroep_naam"]) for w in data["werkgroepen"]] == [
        ("De Vlinder", "Meer uitdaging"),
        ("De Vlinder", "Plusklas"),
        ("Het Palet", "Plusklas"),
    ]
    for opdracht in (
        ["thema", "lijst"],
        ["thema", "scholen", "Begrijpend lezen"],
        ["thema", "vergelijkbaar", "De Regenboog"],
        ["thema", "netwerken"],
        ["thema", "experts", "rekenen"],
    ):
        tekst = ozc(*opdracht)
        assert tekst.exit_code == 0, (opdracht, tekst.output)
        assert json.loads(ozc("--json", *opdracht).stdout)
    assert "Leesgroep" in ozc("thema", "scholen", "Begrijpend lezen").stdout
    assert "Pabo Kempen" in ozc("thema", "vergelijkbaar", "De Regenboog").stdout


# --- unknown themes ---------------------------------------------------------------------------


def test_onbekend_thema_krijgt_een_suggestie(
    partnerschap: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """A typo is refused with "Bedoelde u …?"; --nieuw-thema takes it as it is."""
    in_map(partnerschap.root)  # type: ignore[operator]
    aantal = len(partnerschap.werkgroepen.lijst())
    fout = ozc("werkgroep", "toevoegen", "Sommen", "--school", "Kompas", "--thema", "rekenn")
    assert fout.exit_code == 2
    assert "Onbekend thema 'rekenn'" in fout.stderr
    assert "Bedoelde u: rekenen" in fout.stderr
    assert len(partnerschap.werkgroepen.lijst()) == aantal
    goed = ozc(
        "werkgroep", "toevoegen", "Kanjer", "--school", "Kompas", "--thema", "Kanjertraining",
        "--nieuw-thema",
    )  # fmt: skip
    assert goed.exit_code == 0, goed.output
    # once in use, the theme is known: no flag needed, and it can be asked about
    assert (
        ozc(
            "werkgroep", "toevoegen", "Kanjer 2", "--school", "Palet", "--thema", "kanjertraining"
        ).exit_code
        == 0
    )
    assert _scholen_met(partnerschap, "KANJERTRAINING") == [
        ("Het Kompas", "Kanjer"),
        ("Het Palet", "Kanjer 2"),
    ]
    vraag = ozc("thema", "scholen", "ontwikkelingsvoorsprongg")
    assert vraag.exit_code != 0
    assert "Bedoelde u: ontwikkelingsvoorsprong," in vraag.stderr


def test_onbekend_thema_in_de_bibliotheek(partnerschap: Werkplaats) -> None:
    """The library refuses an unknown theme with InvalidValue and its suggestions."""
    with pytest.raises(InvalidValue) as fout:
        partnerschap.werkgroepen.toevoegen("X", scholen=["Kompas"], themas=["begrijpend lzen"])
    assert "begrijpend lezen" in (fout.value.hint or "")
    with pytest.raises(UnknownReference) as onbekend:
        partnerschap.netwerk.scholen("xyzzy")
    assert onbekend.value.kandidaten == ()


# --- the werkplaats' own thesaurus ----------------------------------------------------------------


def test_eigen_thesaurus_breidt_uit(partnerschap: Werkplaats) -> None:
    """thesaurus.toml adds a theme under an existing one and a synonym to an existing theme;
    a werkgroep stored with that synonym earlier is found under the theme at once."""
    partnerschap.werkgroepen.toevoegen(
        "Cijferen", scholen=["Palet"], themas=["cijferen"], nieuw_thema=True
    )
    assert ("Het Palet", "Cijferen") not in _scholen_met(partnerschap, "rekenen")
    (partnerschap.root / "thesaurus.toml").write_text(
        'schema = "1.0"\n\n'
        '[thema.rekenen]\nsynoniemen = ["cijferen"]\n\n'
        '[thema.Kanjertraining]\nbreder = "sociale veiligheid"\nsynoniemen = ["kanjer"]\n',
        encoding="utf-8",
    )
    assert ("Het Palet", "Cijferen") in _scholen_met(partnerschap, "rekenen")
    partnerschap.werkgroepen.toevoegen("Kanjer", scholen=["Brug"], themas=["kanjer"])
    assert _scholen_met(partnerschap, "pedagogisch klimaat") == [
        ("SBO De Brug", "Kanjer"),
        ("SBO De Brug", "Rust in de klas"),
    ]
    thema = laad_thesaurus(partnerschap.root).zoek("KANJER")
    assert thema is not None
    assert (thema.label, thema.breder, thema.eigen) == (
        "Kanjertraining",
        "sociale veiligheid",
        True,
    )


def test_eigen_thesaurus_met_fouten_noemt_elk_probleem(
    partnerschap: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """A broken thesaurus.toml is refused with the file, the place and the way out."""
    (partnerschap.root / "thesaurus.toml").write_text(
        'schema = "1.0"\nkleur = "rood"\n\n'
        '[thema.a]\nbreder = "b"\n\n[thema.b]\nbreder = "a"\n\n'
        '[thema.c]\nbreder = "bestaat niet"\nsynoniemen = ["rekenen-wiskunde"]\n\n'
        '[thema.hoogbegaafdheid]\n\n[thema.d]\nsynoniemen = "e"\nkleur = 1\n',
        encoding="utf-8",
    )
    with pytest.raises(FileFormatError) as fout:
        laad_thesaurus(partnerschap.root)
    assert list(fout.value.problemen) == [
        "thesaurus.toml @ $.kleur: onbekende sleutel; verwacht alleen 'schema' en 'thema'",
        "thesaurus.toml @ $.thema.\"d\".kleur: onbekende sleutel; verwacht alleen 'breder' en 'synoniemen'",
        'thesaurus.toml @ $.thema."d".synoniemen: verwacht een lijst met tekst',
    ]
    (partnerschap.root / "thesaurus.toml").write_text(
        'schema = "1.0"\n\n[thema.a]\nbreder = "b"\n\n[thema.b]\nbreder = "a"\n\n'
        '[thema.c]\nbreder = "bestaat niet"\nsynoniemen = ["rekenen-wiskunde"]\n\n'
        "[thema.hoogbegaafdheid]\n",
        encoding="utf-8",
    )
    with pytest.raises(FileFormatError) as fout:
        laad_thesaurus(partnerschap.root)
    assert list(fout.value.problemen) == [
        "thesaurus.toml @ $.thema.\"c\".synoniemen: 'rekenen-wiskunde' hoort al bij het thema 'rekenen'",
        "thesaurus.toml @ $.thema.\"hoogbegaafdheid\": 'hoogbegaafdheid' is al een synoniem van "
        "'ontwikkelingsvoorsprong'; voeg synoniemen toe onder [thema.\"ontwikkelingsvoorsprong\"] "
        "of kies een andere naam",
        "thesaurus.toml @ $.thema.\"a\".breder: 'a' valt (via andere thema's) onder zichzelf",
        "thesaurus.toml @ $.thema.\"b\".breder: 'b' valt (via andere thema's) onder zichzelf",
        "thesaurus.toml @ $.thema.\"c\".breder: het bredere thema 'bestaat niet' bestaat niet in de thesaurus",
    ]
    in_map(partnerschap.root)  # type: ignore[operator]
    uit = ozc("thema", "lijst")
    assert uit.exit_code != 0
    assert "Fout: thesaurus.toml kan niet gelezen worden" in uit.stderr


def test_de_meegeleverde_thesaurus() -> None:
    """The shipped thesaurus has at least 40 themes and the relations the katern needs."""
    t = standaard_thesaurus()
    assert len(t) >= 40
    assert t.label("  HoogBegaafdheid ") == "ontwikkelingsvoorsprong"
    assert t.label("Sociaal emotionele  ontwikkeling") == "sociaal-emotionele ontwikkeling"
    assert t.label("wetenschap & techniek") == "wetenschap en techniek"
    assert t.zoek("begrijpend lezen").breder == "lezen"  # type: ignore[union-attr]
    assert t.zoek("technisch lezen").breder == "lezen"  # type: ignore[union-attr]
    assert t.zoek("lezen").breder == "taal"  # type: ignore[union-attr]
    assert t.zoek("digitale geletterdheid").breder == "ICT"  # type: ignore[union-attr]
    for thema in (
        "burgerschap",
        "pedagogisch klimaat",
        "gedrag",
        "passend onderwijs",
        "jonge kind",
    ):
        assert t.zoek(thema) is not None
    assert {x.label for x in t.smaller("lezen")} >= {"begrijpend lezen", "technisch lezen"}


# --- the index: fresh, and rebuilt when it is gone or damaged ------------------------------------


def _werkgroep_pad(wp: Werkplaats, naam: str) -> Path:
    return wp.opslag.pad(Werkgroep, wp.werkgroepen.zoek(naam).id)


def test_index_ziet_wijzigingen_buiten_ozc_om(partnerschap: Werkplaats) -> None:
    """A werkgroep file changed in place, a file added and a file deleted behind the CLI's
    back (as by `git pull` or an editor) are all seen by the next question."""
    wp = partnerschap
    assert _scholen_met(wp, "gedrag") == [
        ("Het Kompas", "Rekenen en gedrag"),
        ("SBO De Brug", "Rust in de klas"),
    ]
    assert (wp.root / GEGEVENSMAP / INDEXBESTAND).is_file()
    # changed in place: the folder itself does not change
    pad = _werkgroep_pad(wp, "Rust in de klas")
    groep = wp.werkgroepen.zoek("Rust in de klas")
    _herschrijf(pad, wp.opslag.inhoud(attrs.evolve(groep, themas=("rekenen",))))
    # added: a new file written directly
    nieuw = Werkgroep(
        id="gedrag-extra-abc234", naam="Gedrag extra", scholen=(groep.scholen[0],), themas=("PBS",)
    )
    _herschrijf(wp.opslag.pad(Werkgroep, nieuw.id), wp.opslag.inhoud(nieuw))
    # deleted
    _werkgroep_pad(wp, "Rekenen en gedrag").unlink()
    assert _scholen_met(wp, "gedrag") == [("SBO De Brug", "Gedrag extra")]
    assert ("SBO De Brug", "Rust in de klas") in _scholen_met(wp, "rekenen")


def test_index_ziet_een_gewijzigde_schoolnaam(partnerschap: Werkplaats) -> None:
    """A school renamed in place is shown with its new name (rows looked up are checked)."""
    wp = partnerschap
    assert _scholen_met(wp, "gedrag")[1][0] == "SBO De Brug"
    school = wp.scholen.zoek("SBO De Brug")
    _herschrijf(
        wp.opslag.pad(type(school), school.id),
        wp.opslag.inhoud(attrs.evolve(school, naam="SBO Het Veer")),
    )
    assert _scholen_met(wp, "gedrag")[1] == ("SBO Het Veer", "Rust in de klas")


@pytest.mark.parametrize("schade", ["weg", "rommel", "afgekapt"])
def test_index_wordt_herbouwd(partnerschap: Werkplaats, schade: str) -> None:
    """A deleted index, one of garbage bytes or a truncated one gives the same answers."""
    verwacht = _scholen_met(partnerschap, "lezen")
    pad = partnerschap.root / GEGEVENSMAP / INDEXBESTAND
    inhoud = pad.read_bytes()
    for extra in ("-wal", "-shm"):
        pad.with_name(pad.name + extra).unlink(missing_ok=True)
    if schade == "weg":
        pad.unlink()
    elif schade == "rommel":
        pad.write_bytes(b"dit is geen database\x00\xff" * 200)
    else:
        pad.write_bytes(inhoud[: len(inhoud) // 2])
    assert _scholen_met(partnerschap, "lezen") == verwacht
    with sqlite3.connect(pad) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_onleesbaar_bestand_wordt_gemeld(
    partnerschap: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """A werkgroep file that is no TOML is left out, and the answer says so."""
    _herschrijf(_werkgroep_pad(partnerschap, "Leesgroep"), b"naam = [kapot")
    antwoord = partnerschap.netwerk.scholen("lezen")
    assert [t.werkgroep_naam for t in antwoord.werkgroepen] == ["Technisch lezen"]
    assert len(antwoord.onleesbaar) == 1
    in_map(partnerschap.root)  # type: ignore[operator]
    assert "1 bestand kon niet gelezen worden" in ozc("thema", "scholen", "lezen").stderr


def test_log_gebruikt_de_index_en_houdt_hem_bij(
    partnerschap: Werkplaats, ozc: Ozc, in_map: object
) -> None:
    """With an index, `ozc log` finds werkgroepen by name, also ones added or renamed
    behind its back, and the index learns about the file it wrote."""
    wp = partnerschap
    wp.netwerk.scholen("rekenen")  # builds the index
    in_map(wp.root)  # type: ignore[operator]
    assert ozc("log", "Leesgroep", "Eerste regel", "--auteur", "Cor").exit_code == 0
    with Index(wp.root) as index:
        groep = wp.werkgroepen.zoek("Leesgroep")
        rij = index.rijen("SELECT mtime_ns, grootte FROM bestanden WHERE id = ?", [groep.id])
        assert rij[0][1] == wp.opslag.pad(Werkgroep, groep.id).stat().st_size
    # renamed in place (the folder does not change) and added behind its back
    pad = _werkgroep_pad(wp, "Meer uitdaging")
    _herschrijf(
        pad,
        wp.opslag.inhoud(
            attrs.evolve(wp.werkgroepen.zoek("Meer uitdaging"), naam="Uitdagend leren")
        ),
    )
    nieuw = Werkgroep(
        id="nieuw-uit-git-abc234", naam="Nieuw uit git", scholen=(wp.scholen.zoek("Palet").id,)
    )
    _herschrijf(wp.opslag.pad(Werkgroep, nieuw.id), wp.opslag.inhoud(nieuw))
    assert ozc("log", "Uitdagend leren", "Na hernoemen").exit_code == 0
    assert ozc("log", "Nieuw uit git", "Na git pull").exit_code == 0
    assert [r.tekst for r in wp.werkgroepen.zoek("Uitdagend").logboek] == ["Na hernoemen"]
    assert [r.tekst for r in wp.werkgroepen.zoek("Nieuw uit git").logboek] == ["Na git pull"]
    fout = ozc("log", "Leesgroepp", "x")
    assert fout.exit_code != 0
    assert "Bedoelde u: Leesgroep?" in fout.stderr


def test_thema_toevoegen_maakt_of_vult_de_eigen_thesaurus(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """`ozc thema toevoegen` writes thesaurus.toml (made when missing, added to at the
    end when there: comments stay), with the broader theme as the thesaurus calls it;
    a werkgroep that used the new word is then found under the broader theme."""
    in_map(partnerschap.root)
    partnerschap.werkgroepen.toevoegen(
        "Kanjer", scholen=["Brug"], themas=["kanjer"], nieuw_thema=True
    )
    assert not (partnerschap.root / "thesaurus.toml").exists()
    uit = ozc("thema", "toevoegen", "Kanjertraining", "--breder", "SOCIALE veiligheid",
              "--synoniem", "kanjer", "--synoniem", "kanjermethode")  # fmt: skip
    assert uit.exit_code == 0, uit.output
    assert " ".join(uit.stdout.split()) == (
        "Thema 'Kanjertraining' toegevoegd aan thesaurus.toml, onder 'sociale veiligheid'."
    )
    tekst = (partnerschap.root / "thesaurus.toml").read_text(encoding="utf-8")
    assert tekst.startswith('schema = "1.0"\n')
    assert ("SBO De Brug", "Kanjer") in _scholen_met(partnerschap, "pedagogisch klimaat")

    pad = partnerschap.root / "thesaurus.toml"
    pad.write_text("# onze eigen thema's, bijgehouden door de coördinator\n" + tekst, "utf-8")
    data = json.loads(ozc("--json", "thema", "toevoegen", "Rots en Water").stdout)
    assert data == {"label": "Rots en Water", "breder": None, "synoniemen": [], "eigen": True}
    nieuw = pad.read_text(encoding="utf-8")
    assert nieuw.startswith("# onze eigen thema's, bijgehouden door de coördinator\n")
    assert '[thema."Rots en Water"]' in nieuw
    assert ozc("controleer").stdout == "Alles in orde.\n"


def test_thema_toevoegen_weigert_wat_al_bestaat_en_een_onbekend_breder_thema(
    partnerschap: Werkplaats, ozc: Ozc, in_map: Any
) -> None:
    """A name or synonym that is already a theme, and a broader theme that is none (with
    the nearest known ones): refused, and thesaurus.toml not made."""
    in_map(partnerschap.root)
    bestaat = ozc("thema", "toevoegen", "Rekenonderwijs")
    assert bestaat.exit_code == 2
    assert "'Rekenonderwijs' staat al in de thesaurus, bij het thema 'rekenen'." in bestaat.stderr
    synoniem = ozc("thema", "toevoegen", "Cijferen", "--synoniem", "tekstbegrip")
    assert "bij het thema 'begrijpend lezen'" in synoniem.stderr
    onbekend = ozc("thema", "toevoegen", "Cijferen", "--breder", "rekenne")
    assert onbekend.exit_code == 2
    assert "Het bredere thema 'rekenne' staat niet in de thesaurus." in onbekend.stderr
    assert "Bedoelde u: rekenen" in onbekend.stderr
    assert not (partnerschap.root / "thesaurus.toml").exists()
    engels = ozc("--taal", "en", "thema", "toevoegen", "Cijferen", "--breder", "rekenen")
    assert engels.stdout == "Theme 'Cijferen' added to thesaurus.toml, under 'rekenen'.\n"


# what the seeds of the project name: themes, roles and kinds of werkgroep of Dutch schools
_UIT_DE_PRAKTIJK = {
    "ontwikkelingsvoorsprong": "ontwikkelingsvoorsprong",
    "begrijpend lezen": "begrijpend lezen",
    "passend onderwijs": "passend onderwijs",
    "remedial teaching": "remedial teaching",
    "taalbeleid": "taalbeleid",
    "schoolregels": "schoolregels",
    "beredeneerd aanbod kleuters": "beredeneerd aanbod",
    "didactisch coachen": "didactisch coachen",
    "onderwijskwaliteit": "onderwijskwaliteit",
    "kwaliteitszorg": "onderwijskwaliteit",
    "gedeeld leiderschap": "gedeeld leiderschap",
    "schoolklimaat": "pedagogisch klimaat",
    "werkklimaat": "welzijn van leraren",
    "taakbeleid": "personeelsbeleid",
    "aannamebeleid": "personeelsbeleid",
    "lerende organisatie": "professionele ontwikkeling",
    "professionele leergemeenschap": "professionele leergemeenschap",
    "PLG": "professionele leergemeenschap",
    "leerteam": "professionele leergemeenschap",
    "Learning Community": "professionele leergemeenschap",
    "leergroep": "professionele leergemeenschap",
    "collegiale consultatie": "collegiaal leren",
    "visitatie": "visitatie",
    "studieochtend": "studiedag",
    "intern begeleider": "interne begeleiding",
    "IB'er": "interne begeleiding",
    "rekencoördinator": "rekenbeleid",
    "taalcoördinator": "taalcoördinatie",
    "onderwijsassistent": "onderwijsassistentie",
    "kwaliteitsonderzoeker": "kwaliteitsonderzoek",
    "bouwcoördinator": "bouwcoördinatie",
    "LO-leerkracht": "vakleerkracht bewegingsonderwijs",
    "lector": "lectoraat",
    "NPO-gelden": "NPO",
    "krimp": "krimp",
    "burgerschap": "burgerschap",
    "schoolbezoek": "visitaties tussen scholen",
    "interschool collaborative learning": "schooloverstijgend leren",
    "afstudeeronderzoek": "afstudeeronderzoek",
    "ontwikkelagenda": "ontwikkelagenda",
}


def test_de_meegeleverde_thesaurus_kent_het_veld() -> None:
    """At least 250 themes, each with synonyms and (below the few roots) a broader theme;
    every theme, role and kind of werkgroep the project's sources name finds its theme."""
    t = standaard_thesaurus()
    themas = list(t)
    assert len(themas) >= 250
    assert all(thema.synoniemen for thema in themas)
    wortels = [thema.label for thema in themas if thema.breder is None]
    assert len(wortels) <= 20, wortels
    for term, label in _UIT_DE_PRAKTIJK.items():
        gevonden = t.zoek(term)
        assert gevonden is not None and gevonden.label == label, (term, gevonden)
    assert t.suggesties("rekenbeleit")[:1] == ["rekenbeleid"]
    # talents and skills beside subject knowledge stay what they are: no theme
    assert [k for k in KWALITEITEN if t.zoek(k) is not None] == []
