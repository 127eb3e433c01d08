"""One read path: the same question gets the same answer, whichever way it is asked.

A list answered from the index equals the list answered from the files, for any filter
and page; a besluit read by ``zoek``, ``zoek(id=…)``, ``lijst``, ``overzicht`` and the
status is in the same phase on any day; a werkgroep's schools and leaders are the same
ids in the werkgroep and in the status.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from onderzoekscyclus import Sector, VasteKlok, Werkplaats
from onderzoekscyclus.api.lijsten import kenmerken, selecteer
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep

from .grondig import voorbeelden

BEGIN = dt.date(2026, 9, 1)
THEMAS = ["lezen", "begrijpend lezen", "rekenen", "burgerschap", "Lezen", "eigen thema"]
NAMEN = ["Anna", "anna", "Ëlla", "Bert", "groep 1-2", "Zoë", "  Piet  ", "Ö"]

scholen_st = st.lists(
    st.tuples(st.sampled_from(list(Sector)), st.sampled_from([None, "Noord", "Zuid"])),
    min_size=1,
    max_size=4,
)
personen_st = st.lists(
    st.tuples(st.sampled_from(NAMEN), st.integers(0, 3), st.lists(st.sampled_from(THEMAS))),
    max_size=6,
)
werkgroepen_st = st.lists(
    st.tuples(
        st.sampled_from(NAMEN),
        st.lists(st.integers(0, 3), min_size=1, max_size=2),
        st.lists(st.sampled_from(THEMAS), max_size=2),
        st.integers(0, 3),  # how far its cycle got: none, started, beginsituatie, doel
    ),
    max_size=6,
)


def _vul(wp: Werkplaats, scholen, personen, werkgroepen) -> None:  # type: ignore[no-untyped-def]
    ids = [
        wp.scholen.toevoegen(f"School {i}", brin=f"{10 + i}AB", sector=s, cluster=c).id
        for i, (s, c) in enumerate(scholen)
    ]
    for naam, school, expertise in personen:
        wp.personen.toevoegen(naam, school=ids[school % len(ids)], expertise=expertise)
    for n, (naam, welke, themas, stappen) in enumerate(werkgroepen):
        groep = wp.werkgroepen.toevoegen(
            f"{naam} {n}",
            scholen=[ids[w % len(ids)] for w in welke],
            themas=themas,
            nieuw_thema=True,
        )
        if stappen >= 1:
            wp.cycli.start(groep.id, aanleiding="a", vraag="v")
        if stappen >= 2:
            wp.cycli.beginsituatie(groep.id, tekst="t", bronnen=["b"])
        if stappen >= 3:
            wp.scholen.profiel(groep.scholen[0], visie={"eigenaarschap": "samen"})
            wp.cycli.doel(
                groep.id,
                tekst="d",
                visie="eigenaarschap",
                indicatoren=[("op niveau", "%", 60, 70)],
            )


@settings(max_examples=voorbeelden(40))
@given(
    scholen=scholen_st,
    personen=personen_st,
    werkgroepen=werkgroepen_st,
    filter_=st.tuples(
        st.integers(0, 3) | st.none(),
        st.sampled_from([None, *THEMAS, "lezen", "onbekend"]),
        st.sampled_from([None, "aanleiding", "beginsituatie", "doel"]),
    ),
    pagina=st.tuples(st.integers(0, 3), st.none() | st.integers(0, 4)),
)
def test_index_en_bestanden_geven_dezelfde_lijst(  # type: ignore[no-untyped-def]
    scholen, personen, werkgroepen, filter_, pagina
) -> None:
    with tempfile.TemporaryDirectory() as map_:
        wp = Werkplaats.maak(Path(map_) / "w", "W", vandaag=VasteKlok(BEGIN))
        _vul(wp, scholen, personen, werkgroepen)
        for klasse in (School, Persoon, Werkgroep):
            uit_index = sorted(kenmerken(wp.opslag, klasse, index=True), key=lambda k: k.id)
            uit_bestanden = sorted(kenmerken(wp.opslag, klasse, index=False), key=lambda k: k.id)
            assert uit_index == uit_bestanden
        school_nr, thema, fase = filter_
        school = wp.scholen.lijst()[school_nr % len(scholen)].id if school_nr is not None else None
        past_thema = wp.werkgroepen._thema_filter(thema)

        def past(k) -> bool:  # type: ignore[no-untyped-def]
            return (
                (school is None or school in k.scholen)
                and past_thema(k)
                and (fase is None or k.fase == fase)
            )

        offset, limit = pagina
        for index in (True, False):
            gekozen = selecteer(wp.opslag, Werkgroep, past, limit=limit, offset=offset, index=index)
            if index:
                eerst = gekozen
            else:
                assert gekozen == eerst
        assert wp.werkgroepen.lijst(school=school, thema=thema, fase=fase) == selecteer(  # type: ignore[arg-type]
            wp.opslag, Werkgroep, past
        )
        status = wp.status()
        for regel in status.werkgroepen:
            groep = wp.werkgroepen.zoek(id=regel.id)
            assert (regel.scholen, regel.leiders) == (groep.scholen, groep.leiders())


@settings(max_examples=voorbeelden(40))
@given(
    stappen=st.integers(0, 4),
    ronde=st.integers(1, 20),
    later=st.lists(st.integers(0, 30), min_size=1, max_size=4),
)
def test_een_besluit_staat_overal_in_dezelfde_fase(
    stappen: int, ronde: int, later: list[int]
) -> None:
    """Whether the round closed by the calendar or by a step, every read path sees it."""
    klok = VasteKlok(BEGIN)
    with tempfile.TemporaryDirectory() as map_:
        wp = Werkplaats.maak(Path(map_) / "w", "W", vandaag=klok)
        wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
        anna = wp.personen.toevoegen("Anna", school="De Regenboog", expertise=["rekenen"])
        groep = wp.werkgroepen.toevoegen("Rekenen", scholen=["De Regenboog"], themas=["rekenen"])
        wp.werkgroepen.lid(groep.id, anna.id, rol="leider")
        bv = wp.besluitvorming
        besluit = bv.nieuw("Minder toetsen", werkgroep=groep.id, thema="rekenen")
        if stappen >= 1:
            bv.voorstel(besluit.id, "Alleen methodetoetsen", leider=anna.id)
        if stappen >= 2:
            bv.feedback_open(besluit.id, tot=BEGIN + dt.timedelta(days=ronde))
        if stappen >= 3:
            bv.feedback(besluit.id, "Goed idee", door=anna.id)
        for dagen in later:
            klok.zet(klok() + dt.timedelta(days=dagen))
            fasen = {
                bv.zoek("Minder").fase,
                bv.zoek(id=besluit.id).fase,
                bv.lijst()[0].fase,
                bv.lijst(fase=bv.zoek(id=besluit.id).fase)[0].fase,
                bv.overzicht(besluit.id).besluit.fase,
                wp.status().besluiten[0].fase,
            }
            assert len(fasen) == 1, fasen
