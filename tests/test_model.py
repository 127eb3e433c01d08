"""Validation in the domain classes: Dutch messages that say how to fix the input."""

from __future__ import annotations

import pytest

from onderzoekscyclus import AmbiguousReference, InvalidValue, UnknownReference, Werkplaats
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep


@pytest.mark.parametrize("brin", ["1234", "ABCD", "12ABC", "1A2B", ""])
def test_ongeldige_brin(brin: str) -> None:
    """A BRIN code is two digits and two letters; the message shows an example."""
    with pytest.raises(InvalidValue, match="twee cijfers en twee letters") as fout:
        School(id="s-abc234", naam="X", brin=brin, sector="po")
    assert fout.value.veld == "brin"


def test_brin_wordt_hoofdletters() -> None:
    """Lower case and spaces around a BRIN code are normalised."""
    assert School(id="s-abc234", naam="X", brin=" 12ab ", sector="po").brin == "12AB"


@pytest.mark.parametrize(
    "naam", ["", "   ", "../../x", "a\\b", ".verborgen", "a\nb", "a\u200bb", "a\u202eb"]
)
def test_ongeldige_namen(naam: str) -> None:
    """Empty names, names with a backslash or a leading dot, and names with a line end
    or an invisible character are refused ("groep 1/2" is a good name)."""
    with pytest.raises(InvalidValue) as fout:
        School(id="s-abc234", naam=naam, brin="12AB", sector="po")
    assert fout.value.veld == "naam"


def test_onbekende_sector_noemt_de_keuzes() -> None:
    """An unknown sector lists the sectors there are."""
    with pytest.raises(InvalidValue, match="po, so, vo, mbo, opleiding"):
        School(id="s-abc234", naam="X", brin="12AB", sector="hbo")


def test_sets_zijn_gesorteerd_en_uniek() -> None:
    """Themes, expertise and roles are kept sorted and without duplicates."""
    persoon = Persoon(
        id="persoon-abc234",
        naam="X",
        rollen=("leraar", "specialist", "leraar"),
        expertise=("rekenen", "Coachen", "rekenen ", "REKENEN"),
    )
    assert persoon.expertise == ("Coachen", "rekenen")
    assert [r.value for r in persoon.rollen] == ["leraar", "specialist"]


def test_werkgroep_zonder_school() -> None:
    """A werkgroep belongs to at least one school."""
    with pytest.raises(InvalidValue, match="minstens één school"):
        Werkgroep(id="w-abc234", naam="X", scholen=())


def test_verwijzingen(gevulde_werkplaats: Werkplaats) -> None:
    """Name, prefix, accents and case do not matter; id prefixes work."""
    wp = gevulde_werkplaats
    wp.scholen.toevoegen("Kindcentrum Het Palet", brin="14CD", sector="po")
    wp.werkgroepen.toevoegen("Rekenen kleuters", scholen=["palet"])
    groep = next(g for g in wp.werkgroepen.lijst() if g.naam == "Rekenen groep 5-8")
    assert wp.personen.zoek("anna").naam == "Anna de Vries"
    assert wp.personen.zoek("ANNA DE VRIES").naam == "Anna de Vries"
    assert wp.scholen.zoek("de régenboog").naam == "De Regenboog"
    assert wp.werkgroepen.zoek("rekenen groep").id == groep.id
    assert wp.werkgroepen.zoek(groep.id[:-3]).id == groep.id
    with pytest.raises(AmbiguousReference) as fout:
        wp.werkgroepen.zoek("rekenen")
    assert len(fout.value.kandidaten) == 2
    with pytest.raises(UnknownReference, match="Bedoelde u: De Regenboog"):
        wp.scholen.zoek("De Regnboog")


def test_exacte_naam_wint_van_voorvoegsel(werkplaats: Werkplaats) -> None:
    """ "Taal" finds the werkgroep called Taal, even if "Taalbeleid" exists too."""
    werkplaats.scholen.toevoegen("A", brin="12AB", sector="po")
    werkplaats.werkgroepen.toevoegen("Taal", scholen=["A"])
    werkplaats.werkgroepen.toevoegen("Taalbeleid", scholen=["A"])
    assert werkplaats.werkgroepen.zoek("taal").naam == "Taal"


def test_dubbele_school_en_brin(werkplaats: Werkplaats) -> None:
    """Two schools cannot share a name or a BRIN code."""
    werkplaats.scholen.toevoegen("A", brin="12AB", sector="po")
    with pytest.raises(InvalidValue, match="al een school"):
        werkplaats.scholen.toevoegen("a", brin="13AB", sector="po")
    with pytest.raises(InvalidValue, match="hoort al bij A"):
        werkplaats.scholen.toevoegen("B", brin="12ab", sector="po")


def test_publieke_namen() -> None:
    """Every name in __all__ can be imported from the package, and nothing else is listed."""
    import onderzoekscyclus

    for naam in onderzoekscyclus.__all__:
        assert getattr(onderzoekscyclus, naam) is not None
    assert set(onderzoekscyclus.__all__) == set(onderzoekscyclus._MODULE_VAN) | {"__version__"}
    with pytest.raises(AttributeError):
        onderzoekscyclus.BestaatNiet  # noqa: B018
