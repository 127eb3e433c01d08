"""Hypothesis strategies for every stored class, with hostile text."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

from onderzoekscyclus.domein import besluitvorming as b
from onderzoekscyclus.domein import cyclus as c
from onderzoekscyclus.domein.machine import Overgangsregel
from onderzoekscyclus.domein.model import (
    Lid,
    LidRol,
    Logregel,
    Persoon,
    Profiel,
    Rol,
    School,
    Sector,
    VisieElement,
    Werkgroep,
    WerkgroepSoort,
    WerkplaatsInfo,
)
from onderzoekscyclus.domein.tekst import slug
from onderzoekscyclus.domein.tijd import EERSTE_DAG, LAATSTE_DAG
from onderzoekscyclus.domein.velden import GROOTSTE_WAARDE

_LASTIG = st.sampled_from(
    ['"', "'", "\\", "\\n", "\r\n", "\t", "😀", "ë", "[x]", "a = 1", '"""', "'''", "#", "=", " "]
)

# any text except surrogates (which UTF-8 cannot hold)
_ALLES = st.characters(exclude_categories=("Cs",))

tekst = st.one_of(
    st.text(_ALLES, min_size=1, max_size=60),
    st.lists(_LASTIG, min_size=1, max_size=8).map("".join),
    st.text(_ALLES, min_size=1, max_size=20).map(lambda t: t * 300),
).filter(lambda t: t.strip() != "")

# a name: one line of visible characters ("groep 1/2" included), stored composed (NFC)
_ZICHTBAAR = st.characters(exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp"))
naam = (
    st.one_of(
        st.text(_ZICHTBAAR, min_size=1, max_size=80),
        st.lists(
            st.sampled_from(['"', "'", "😀", "ë", "e\u0301", "[x]", "a = 1", "#", "x", "1/2"]),
            min_size=1,
        ).map("".join),
    )
    .map(lambda t: unicodedata.normalize("NFC", t).strip())
    .filter(lambda t: t and "\\" not in t and not t.startswith(".") and len(t) <= 200)
)
# a title: like free text, but without invisible characters (Cf)
titel = tekst.filter(lambda t: not any(unicodedata.category(c) == "Cf" for c in t))

# every date and number a stored class takes: its calendar and its range of values
datum = st.dates(min_value=EERSTE_DAG, max_value=LAATSTE_DAG)
# ids as the store makes them: a slug of the name (none for persons) and a random part
_STAART = st.text("23456789abcdefghjkmnpqrstuvwxyz", min_size=6, max_size=6)
ids = st.builds(lambda n, s: "-".join(d for d in (slug(n)[:40].rstrip("-"), s) if d), naam, _STAART)
persoon_ids = _STAART.map(lambda s: f"persoon-{s}")
getal = st.floats(min_value=-GROOTSTE_WAARDE, max_value=GROOTSTE_WAARDE, width=64) | st.integers(
    -(10**6), 10**6
).map(float)

visie_elementen = st.builds(VisieElement, sleutel=naam, tekst=tekst)
profielen = st.builds(
    Profiel,
    trots=st.lists(tekst, max_size=3).map(tuple),
    speerpunten=st.lists(naam, max_size=3).map(tuple),
)
scholen = st.builds(
    School,
    id=ids,
    naam=naam,
    brin=st.from_regex(r"\A[0-9]{2}[A-Z]{2}\Z"),
    sector=st.sampled_from(Sector),
    bestuur=st.none() | naam,
    cluster=st.none() | naam,
    visie=st.lists(visie_elementen, max_size=3, unique_by=lambda v: v.sleutel.casefold()).map(
        tuple
    ),
    profiel=profielen,
)
personen = st.builds(
    Persoon,
    id=persoon_ids,
    naam=naam,
    school=st.none() | ids,
    rollen=st.lists(st.sampled_from(Rol), max_size=3).map(tuple),
    expertise=st.lists(naam, max_size=3).map(tuple),
    interesses=st.lists(naam, max_size=2).map(tuple),
    ambities=st.lists(naam, max_size=2).map(tuple),
    lectoraat=st.none() | naam,
)
leden = st.builds(
    Lid, persoon=persoon_ids, rol=st.sampled_from(LidRol), onderzoeksvraag=st.none() | tekst
)
logregels = st.builds(Logregel, datum=datum, tekst=tekst, auteur=st.none() | persoon_ids)
overgangsregels = st.builds(
    Overgangsregel,
    datum=datum,
    overgang=st.sampled_from(["start", "doel", "terug"]),
    van=st.sampled_from([f.value for f in c.Fase]),
    naar=st.sampled_from([f.value for f in c.Fase]),
    wie=st.none() | persoon_ids,
    reden=st.none() | tekst,
)
bronnen = st.builds(c.Bron, beschrijving=tekst, datum=datum, soort=tekst)
indicatoren = st.builds(
    c.Indicator,
    naam=tekst,
    eenheid=tekst,
    nulmeting=getal,
    streefwaarde=getal,
    vastgesteld=datum,
    achteraf=st.booleans(),
)
acties = st.builds(
    c.Actie, wat=tekst, wie=st.none() | tekst, wanneer=st.none() | tekst, datum=st.none() | datum
)
onderbouwingen = st.one_of(
    st.builds(c.Onderbouwing, literatuur=tekst),
    st.builds(c.Onderbouwing, werkgroep=ids, cyclus=st.integers(1, 99)),
)
metingen = st.builds(c.Meting, indicator=tekst, datum=datum, waarde=getal)
evaluaties = st.builds(
    c.Evaluatie,
    conclusie=st.sampled_from(c.Conclusie),
    tekst=tekst,
    datum=datum,
    lessen=st.lists(tekst, max_size=2).map(tuple),
)
cycli = st.builds(
    c.Onderzoekscyclus,
    nummer=st.integers(1, 50),
    aanleiding=tekst,
    vraag=tekst,
    gestart=datum,
    fase=st.sampled_from(c.Fase),
    gepauzeerd=st.booleans(),
    vorige=st.none() | st.integers(1, 49),
    beginsituatie=st.none() | tekst,
    bronnen=st.lists(bronnen, max_size=2).map(tuple),
    doel=st.none() | tekst,
    visie=st.none() | naam,
    indicatoren=st.lists(indicatoren, max_size=2).map(tuple),
    acties=st.lists(acties, max_size=2).map(tuple),
    onderbouwing=st.lists(onderbouwingen, max_size=2).map(tuple),
    metingen=st.lists(metingen, max_size=3).map(tuple),
    evaluatie=st.none() | evaluaties,
    historie=st.lists(overgangsregels, max_size=3).map(tuple),
)
werkgroepen = st.builds(
    Werkgroep,
    id=ids,
    naam=naam,
    scholen=st.lists(ids, min_size=1, max_size=3).map(tuple),
    soort=st.sampled_from(WerkgroepSoort),
    themas=st.lists(naam, max_size=3).map(tuple),
    leden=st.lists(leden, max_size=3, unique_by=lambda lid: lid.persoon).map(tuple),
    logboek=st.lists(logregels, max_size=4).map(tuple),
    cycli=st.lists(cycli, max_size=2).map(tuple),
)
werkplaats_infos = st.builds(WerkplaatsInfo, naam=naam)

# --- besluitvorming ------------------------------------------------------------------
bijdragers = st.one_of(
    st.builds(b.Bijdrager, persoon=persoon_ids),
    st.builds(b.Bijdrager, naam=tekst, rol=st.none() | tekst),
)
besluiten = st.builds(
    b.Besluit,
    id=ids,
    titel=titel,
    werkgroep=ids,
    thema=naam,
    school=st.none() | ids,
    fase=st.sampled_from(b.Besluitfase),
    ideeen=st.lists(
        st.builds(b.Idee, nummer=st.integers(1, 99), tekst=tekst, door=bijdragers, datum=datum),
        max_size=2,
    ).map(tuple),
    voorstellen=st.lists(
        st.builds(
            b.Voorstel,
            versie=st.integers(1, 9),
            tekst=tekst,
            leider=persoon_ids,
            datum=datum,
            ideeen=st.lists(st.integers(1, 9), max_size=2).map(tuple),
            zonder_expert=st.none() | tekst,
        ),
        max_size=2,
    ).map(tuple),
    rondes=st.lists(
        st.builds(
            b.Feedbackronde,
            nummer=st.integers(1, 9),
            voorstel=st.integers(1, 9),
            geopend=datum,
            tot=datum,
            gesloten=st.none() | datum,
        ),
        max_size=2,
    ).map(tuple),
    feedback=st.lists(
        st.builds(
            b.Feedback,
            nummer=st.integers(1, 99),
            ronde=st.integers(1, 9),
            voorstel=st.integers(1, 9),
            tekst=tekst,
            door=bijdragers,
            datum=datum,
            reactie=st.none()
            | st.builds(
                b.Reactie, oordeel=st.sampled_from(b.Oordeel), motivatie=tekst, datum=datum
            ),
        ),
        max_size=2,
    ).map(tuple),
    besluit=st.none()
    | st.builds(b.Besluittekst, tekst=tekst, datum=datum, verworpen=st.booleans()),
    implementaties=st.lists(st.builds(b.Notitie, datum=datum, tekst=tekst), max_size=2).map(tuple),
    evaluaties=st.lists(
        st.builds(
            b.Evaluatie,
            datum=datum,
            tekst=tekst,
            bewijs=st.lists(
                st.builds(b.Bewijs, bron=tekst)
                | st.builds(
                    b.Bewijs, werkgroep=ids, cyclus=st.integers(1, 9), indicator=st.none() | tekst
                ),
                max_size=2,
            ).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    bijstellingen=st.lists(st.builds(b.Notitie, datum=datum, tekst=tekst), max_size=2).map(tuple),
    herevaluatie=st.none() | datum,
    historie=st.lists(overgangsregels, max_size=3).map(tuple),
)
