"""Forgetting a person (AVG, article 17): their personal data goes, everywhere.

:func:`vergeet` rewrites every file of the werkplaats in which the person appears:

* their own file keeps only the id, with a stable pseudonym as name ("Vergeten persoon
  3f9a12"), so that history that refers to them stays readable;
* their memberships of werkgroepen are removed;
* a respondent list labelled with their id becomes ``respondent N``;
* their name, in every spelling and every part of it, is replaced by the pseudonym in
  all free text (logboek, feedback and its outsiders, evaluations, histories…), as are
  e-mail addresses and telephone numbers that hold it.

The derived index is thrown away (it is rebuilt on the next question), since a database
can keep old values in freed pages. Every file and field that changed is reported. What
git has kept of earlier versions is not rewritten: the docs say how to do that.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import attrs

from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.namen import Namenvervanger
from onderzoekscyclus.domein.zelfevaluatie import Zelfevaluatie
from onderzoekscyclus.i18n import N_, vertaal
from onderzoekscyclus.opslag.bestanden import SOORTEN, Opslag
from onderzoekscyclus.opslag.converter import unstructure
from onderzoekscyclus.opslag.index import Index

__all__ = ["Vergeetverslag", "Wijziging", "vergeet"]

_PSEUDONIEM = N_("Vergeten persoon {code}")


@attrs.frozen
class Wijziging:
    """One file that changed, and the fields in it (``$.logboek[2].tekst``)."""

    bestand: str
    velden: tuple[str, ...]


@attrs.frozen
class Vergeetverslag:
    """What forgetting a person changed (or, as a trial, would change)."""

    persoon: str
    pseudoniem: str
    wijzigingen: tuple[Wijziging, ...]
    uitgevoerd: bool


def pseudoniem_van(persoon_id: str) -> str:
    """The stable name a forgotten person keeps: the same id, the same pseudonym; it is
    stored in the werkplaats' own language (Dutch)."""
    code = hashlib.sha256(persoon_id.encode()).hexdigest()[:6]
    return vertaal(_PSEUDONIEM, "nl").format(code=code)


def _verschillen(oud: Any, nieuw: Any, pad: str = "$") -> Iterator[str]:
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for sleutel in sorted(set(oud) | set(nieuw), key=str):
            yield from _verschillen(oud.get(sleutel), nieuw.get(sleutel), f"{pad}.{sleutel}")
    elif isinstance(oud, list) and isinstance(nieuw, list) and len(oud) == len(nieuw):
        for i, (a, b) in enumerate(zip(oud, nieuw, strict=True)):
            yield from _verschillen(a, b, f"{pad}[{i}]")
    elif oud != nieuw:
        yield pad


def _zonder_persoon(obj: Any, persoon_id: str) -> Any:
    """``obj`` without the links that say what the person does now (their memberships)
    and without respondent lists labelled with them."""
    if isinstance(obj, Werkgroep):
        return attrs.evolve(obj, leden=tuple(lid for lid in obj.leden if lid.persoon != persoon_id))
    if isinstance(obj, Zelfevaluatie) and any(r.label == persoon_id for r in obj.respondenten):
        vrij = len(obj.respondenten) + 1
        bezet = {r.label for r in obj.respondenten}
        nieuw = []
        for r in obj.respondenten:
            if r.label == persoon_id:
                while (label := f"respondent {vrij}") in bezet:
                    vrij += 1
                bezet.add(label)
                r = attrs.evolve(r, label=label)  # noqa: PLW2901 - the list is rebuilt
            nieuw.append(r)
        return attrs.evolve(obj, respondenten=tuple(nieuw))
    return obj


def vergeet(opslag: Opslag, persoon_id: str, *, uitvoeren: bool = True) -> Vergeetverslag:
    """Forget person ``persoon_id`` (see the module); with ``uitvoeren=False`` nothing is
    written and the report says what would change."""
    with opslag.vergrendeld():
        persoon = opslag.lees(Persoon, persoon_id)
        schuilnaam = pseudoniem_van(persoon_id)
        anderen = [p for p in opslag.alle(Persoon) if p.id != persoon_id]
        # the full names of schools and of other persons stay as they are: "Anna" goes,
        # "Anna Jansen", a colleague, does not
        beschermd = [s.naam for s in opslag.alle(School)] + [p.naam for p in anderen]
        vervanger = Namenvervanger(
            {persoon.naam: schuilnaam},
            beschermd=beschermd,
            houd_ids={i for klasse in SOORTEN for i in opslag.ids(klasse)},
        )
        wijzigingen = []
        nieuwe = []
        for klasse in SOORTEN:
            for obj in opslag.alle(klasse):
                if isinstance(obj, Persoon):
                    # another person's record is their own: a shared surname stays
                    nieuw: Any = (
                        Persoon(id=persoon_id, naam=schuilnaam) if obj.id == persoon_id else obj
                    )
                else:
                    nieuw = vervanger.waarde(_zonder_persoon(obj, persoon_id))
                velden = tuple(_verschillen(unstructure(obj), unstructure(nieuw)))
                if velden:
                    wijzigingen.append(Wijziging(opslag.label(opslag.pad(klasse, obj.id)), velden))
                    nieuwe.append(nieuw)
        info = opslag.info()
        nieuwe_info = vervanger.waarde(info)
        if nieuwe_info != info:
            wijzigingen.append(
                Wijziging(
                    "onderzoekscyclus.toml",
                    tuple(_verschillen(unstructure(info), unstructure(nieuwe_info))),
                )
            )
        if uitvoeren:
            for nieuw in nieuwe:
                opslag.schrijf(nieuw)
            if nieuwe_info != info:
                opslag.schrijf_info(nieuwe_info)
            Index.verwijder(opslag.root)
    return Vergeetverslag(
        persoon=persoon_id,
        pseudoniem=schuilnaam,
        wijzigingen=tuple(sorted(wijzigingen, key=lambda w: w.bestand)),
        uitgevoerd=uitvoeren,
    )
