"""Reading the thesaurus: the one the package ships, and the werkplaats' own additions."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from onderzoekscyclus.domein.thesaurus import (
    THESAURUSBESTAND,
    Thema,
    Thesaurus,
    fout,
    normaliseer,
    uitgebreid,
    vorm,
)
from onderzoekscyclus.errors import InvalidValue, OnderzoekscyclusError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag._toml import loads_toml
from onderzoekscyclus.opslag.invoer import lees_invoer
from onderzoekscyclus.opslag.schema import lees_versie, migreer

__all__ = ["laad_thesaurus", "standaard_thesaurus"]


def _lees(inhoud: bytes, label: str) -> dict[str, dict[str, object]]:
    try:
        data = loads_toml(inhoud)
        data = migreer("thesaurus", data, lees_versie(data))
    except OnderzoekscyclusError as probleem:
        raise fout(label, [f"{label}: {probleem.bericht}"]) from None
    return vorm(data, label)


@functools.cache
def _standaard_themas() -> dict[str, Thema]:
    # next to the package's modules (it is installed as files, never zipped); read
    # without importlib.resources, whose imports cost a quick question 4 ms
    inhoud = (Path(__file__).parent.parent / "data" / THESAURUSBESTAND).read_bytes()
    return uitgebreid({}, _lees(inhoud, "onderzoekscyclus/data/thesaurus.toml"), "")


def standaard_thesaurus() -> Thesaurus:
    """The thesaurus shipped with the package."""
    return Thesaurus(_standaard_themas().values())


def laad_thesaurus(root: Path | None = None) -> Thesaurus:
    """The shipped thesaurus, extended with ``root/thesaurus.toml`` if there is one.

    Raises :class:`~onderzoekscyclus.errors.FileFormatError` listing every problem of
    the werkplaats' file.
    """
    basis = _standaard_themas()
    if root is None:
        return Thesaurus(basis.values())
    try:
        inhoud = lees_invoer(Path(root) / THESAURUSBESTAND, THESAURUSBESTAND)
    except FileNotFoundError:
        return Thesaurus(basis.values())
    return Thesaurus(uitgebreid(basis, _lees(inhoud, THESAURUSBESTAND), THESAURUSBESTAND).values())


def voeg_thema_toe(
    root: Path, naam: str, *, breder: str | None = None, synoniemen: Iterable[str] = ()
) -> Thema:
    """Add the theme ``naam`` (under ``breder``, with ``synoniemen``) to the werkplaats'
    own ``thesaurus.toml``, made when there is none. The new entry is added at the end
    of the file, so what the file holds stays as it is, comments included; the file as
    it will be is read and checked before it is written.

    Refused when ``naam`` or a synonym already stands for a theme, or ``breder`` is no
    theme (with the nearest known ones as candidates).
    """
    from onderzoekscyclus.opslag._atomic import write_atomic  # noqa: PLC0415 - writing only
    from onderzoekscyclus.opslag.schema import versie_tekst  # noqa: PLC0415
    from onderzoekscyclus.opslag.schrijver import Schrijver  # noqa: PLC0415

    label = " ".join(naam.split())
    eigen_synoniemen = [" ".join(s.split()) for s in synoniemen if s.strip()]
    schrijver = Schrijver(Path(root))
    pad = schrijver.root / THESAURUSBESTAND
    with schrijver.vergrendeld():
        huidig = laad_thesaurus(schrijver.root)
        if not normaliseer(label):
            raise InvalidValue(_("Een thema heeft een naam nodig."), veld="naam")
        for term in (label, *eigen_synoniemen):
            bestaand = huidig.zoek(term)
            if bestaand is not None:
                raise InvalidValue(
                    _("'{term}' staat al in de thesaurus, bij het thema '{thema}'.").format(
                        term=term, thema=bestaand.label
                    ),
                    _("Gebruik dat thema, of kies een andere naam."),
                    veld="naam" if term == label else "synoniemen",
                )
        bredere = None
        if breder is not None:
            gevonden = huidig.zoek(breder)
            if gevonden is None:
                suggesties = huidig.suggesties(breder)
                raise InvalidValue(
                    _("Het bredere thema '{breder}' staat niet in de thesaurus.").format(
                        breder=breder
                    ),
                    (
                        _("Bedoelde u: {themas}?").format(themas=", ".join(suggesties)) + " "
                        if suggesties
                        else ""
                    )
                    + _("Voeg een nieuw breder thema eerst zelf toe."),
                    veld="breder",
                )
            bredere = gevonden.label
        velden: dict[str, object] = {}
        if bredere is not None:
            velden["breder"] = bredere
        if eigen_synoniemen:
            velden["synoniemen"] = eigen_synoniemen
        try:
            oud = lees_invoer(pad, THESAURUSBESTAND)
        except FileNotFoundError:
            oud = f'schema = "{versie_tekst()}"\n'.encode()
        import tomli_w  # noqa: PLC0415

        tabel = tomli_w.dumps({"thema": {label: velden}}).encode("utf-8")
        nieuw = oud + (b"" if oud.endswith(b"\n") else b"\n") + b"\n" + tabel
        # the file as it will be: read back, with every check of a thesaurus file
        uitgebreid(_standaard_themas(), _lees(nieuw, THESAURUSBESTAND), THESAURUSBESTAND)
        write_atomic(pad, nieuw)
    thema = laad_thesaurus(schrijver.root).zoek(label)
    assert thema is not None
    return thema
