"""Changing and removing schools, persons and werkgroepen without leaving loose ends.

A removal first asks the domain who still refers to the entity
(:func:`~onderzoekscyclus.domein.samenhang.verwijzingen_naar`). When nothing does, it
goes. When something does, it is refused with the list (a :class:`~onderzoekscyclus.
errors.Geweigerd` with code ``verwijder.in-gebruik``), unless the caller asks to drop
the references too and every one of them can be dropped without losing what it says:

* a person's school, and a besluit's school, become empty;
* a school leaves a werkgroep of several schools (not the last school of a werkgroep);
* a werkgroep leaves the speerpunten of the ontwikkelagenda it was linked to;
* a person leaves the werkgroepen they are a member of, and the visitors of the school
  visits they were on (what they wrote down stays theirs).

Authorship, evidence and history are never dropped: for a person that is what
``vergeet`` is for. Ids never change; a rename changes only the name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from onderzoekscyclus.domein.besluit import Besluit
from onderzoekscyclus.domein.bezoek import Schoolbezoek
from onderzoekscyclus.domein.model import Persoon, School, Werkgroep
from onderzoekscyclus.domein.ontwikkelagenda import Agendapunt
from onderzoekscyclus.domein.redenen import reden
from onderzoekscyclus.domein.verwijzing import SOORTEN as SOORTEN_TEKST
from onderzoekscyclus.domein.zelfevaluatie import Zelfevaluatie
from onderzoekscyclus.errors import Geweigerd
from onderzoekscyclus.i18n import N_, _
from onderzoekscyclus.opslag.bestanden import SOORTEN, Opslag

if TYPE_CHECKING:
    from onderzoekscyclus.domein.samenhang import Verwijzing

__all__ = ["Samengevoegd", "Verwijderd", "verwijder", "voeg_samen"]

_KLASSEN: dict[str, type[Any]] = {
    "school": School,
    "persoon": Persoon,
    "werkgroep": Werkgroep,
    "besluit": Besluit,
    "zelfevaluatie": Zelfevaluatie,
    "agendapunt": Agendapunt,
    "bezoek": Schoolbezoek,
}


@attrs.frozen
class Verwijderd:
    """What a removal removed (or, as a trial, would remove): the entity, and the ids of
    the entities whose references to it were dropped."""

    soort: str
    id: str
    naam: str
    bijgewerkt: tuple[str, ...] = ()
    uitgevoerd: bool = True


def _los_te_maken(v: Verwijzing) -> bool:
    """Whether a reference can be dropped without losing what the entity says."""
    if v.naar == "school":
        return (v.soort, v.pad) in {("persoon", "$.school"), ("besluit", "$.school")} or (
            v.soort == "werkgroep" and v.pad.startswith("$.scholen[")
        )
    if v.naar == "persoon":
        return (v.soort == "werkgroep" and v.pad.startswith("$.leden[")) or (
            v.soort == "bezoek" and v.pad.startswith("$.bezoekers[")
        )
    if v.naar == "werkgroep":
        return v.soort == "agendapunt" and v.pad.startswith("$.werkgroepen[")
    return False


def _zonder(obj: Any, v: Verwijzing) -> Any:
    """``obj`` without reference ``v`` (one :func:`_los_te_maken` allows)."""
    if v.pad == "$.school":
        return attrs.evolve(obj, school=None)
    if v.pad.startswith("$.scholen["):
        return attrs.evolve(obj, scholen=tuple(s for s in obj.scholen if s != v.doel))
    if v.pad.startswith("$.werkgroepen["):
        return attrs.evolve(obj, werkgroepen=tuple(g for g in obj.werkgroepen if g != v.doel))
    if v.pad.startswith("$.bezoekers["):
        return attrs.evolve(obj, bezoekers=tuple(x for x in obj.bezoekers if x.persoon != v.doel))
    return attrs.evolve(obj, leden=tuple(lid for lid in obj.leden if lid.persoon != v.doel))


def _verwijzingen(opslag: Opslag, id_: str) -> list[Verwijzing]:
    """Every place in the werkplaats that refers to ``id_``."""
    from onderzoekscyclus.domein.samenhang import verwijzingen_naar  # noqa: PLC0415

    return verwijzingen_naar(
        id_,
        personen=opslag.alle(Persoon),
        werkgroepen=opslag.alle(Werkgroep),
        besluiten=opslag.alle(Besluit),
        zelfevaluaties=opslag.alle(Zelfevaluatie),
        ontwikkelagenda=opslag.alle(Agendapunt),
        bezoeken=opslag.alle(Schoolbezoek),
    )


# what an entry of a list in a file is called, for a person reading where a reference is
_ITEMS = {
    "cycli": N_("cyclus {n}"),
    "bronnen": N_("bron {n}"),
    "historie": N_("stap {n}"),
    "onderbouwing": N_("onderbouwing {n}"),
    "logboek": N_("logregel {n}"),
    "leden": N_("lid"),
    "scholen": N_("school"),
    "werkgroepen": N_("werkgroep"),
    "bezoekers": N_("bezoeker"),
    "bevindingen": N_("bevinding {n}"),
    "ideeen": N_("idee {n}"),
    "feedback": N_("feedback {n}"),
    "voorstellen": N_("voorstel {n}"),
    "evaluaties": N_("evaluatie {n}"),
    "respondenten": N_("respondent {n}"),
    "aanvragen": N_("aanvraag {n}"),
}
_VELDEN = {
    "school": N_("school"),
    "werkgroep": N_("werkgroep"),
    "auteur": N_("schrijver"),
    "wie": N_("wie"),
    "leider": N_("leider"),
    "door": N_("door"),
}
_STAP = re.compile(r"\.([a-z_]+)(?:\[(\d+)\])?")


def plek(pad: str) -> str:
    """Where in a file a reference is (``$.cycli[1].bronnen[1].bezoek``), in words:
    "cyclus 2, bron 2". A part with no word of its own is left out; a path of none of
    them reads as itself.

    .. versionadded:: 0.2.0
    """
    delen: list[str] = []
    for naam, index in _STAP.findall(pad):
        if index and naam in _ITEMS:
            delen.append(_(_ITEMS[naam]).format(n=int(index) + 1))
        elif not index and naam in _VELDEN and not delen:
            delen.append(_(_VELDEN[naam]))
    return ", ".join(delen) or pad


def _omschrijf(verwijzingen: Sequence[Verwijzing], namen: dict[str, str]) -> str:
    per: dict[tuple[str, str], list[str]] = {}
    for v in verwijzingen:
        per.setdefault((v.soort, v.id), []).append(plek(v.pad))
    return "; ".join(
        f"{_(SOORTEN_TEKST.get(soort, soort))} '{namen.get(id_, id_)}' "
        f"({id_}: {'; '.join(dict.fromkeys(plekken))})"
        for (soort, id_), plekken in sorted(per.items())
    )


def verwijder(
    opslag: Opslag,
    klasse: type[Any],
    id_: str,
    *,
    met_verwijzingen: bool = False,
    uitvoeren: bool = True,
) -> Verwijderd:
    """Remove entity ``id_`` of ``klasse`` (see the module for what happens to the
    references to it); with ``uitvoeren=False`` nothing changes."""
    soort = SOORTEN[klasse].naam
    with opslag.vergrendeld():
        obj = opslag.lees(klasse, id_)
        naam = getattr(obj, "naam", None) or getattr(obj, "titel", None) or id_
        verwijzingen = _verwijzingen(opslag, id_)
        vast: list[Verwijzing] = []
        gewijzigd: dict[str, Any] = {}
        for v in verwijzingen:
            if not (met_verwijzingen and _los_te_maken(v)):
                vast.append(v)
                continue
            huidig = gewijzigd.get(v.id) or opslag.lees(_KLASSEN[v.soort], v.id)
            if v.pad.startswith("$.scholen[") and not set(huidig.scholen) - {v.doel}:
                vast.append(v)  # a werkgroep's last school: dropping it would lose it
                continue
            gewijzigd[v.id] = _zonder(huidig, v)
        if vast:
            raise _in_gebruik(opslag, soort, naam, vast, kan_los=any(map(_los_te_maken, vast)))
        if uitvoeren:
            for nieuw in gewijzigd.values():
                opslag.schrijf(nieuw)
            opslag.verwijder(klasse, id_)
    return Verwijderd(soort, id_, naam, tuple(sorted(gewijzigd)), uitgevoerd=uitvoeren)


def _in_gebruik(
    opslag: Opslag, soort: str, naam: str, vast: Sequence[Verwijzing], *, kan_los: bool
) -> Geweigerd:
    namen: dict[str, str] = {}
    for v in vast:
        if v.id not in namen:
            obj = opslag.lees(_KLASSEN[v.soort], v.id)
            namen[v.id] = getattr(obj, "naam", None) or getattr(obj, "titel", None) or v.id
    return Geweigerd(
        _("Kan {soort} '{naam}' niet verwijderen").format(
            soort=_(SOORTEN_TEKST.get(soort, soort)), naam=naam
        ),
        [
            reden(
                "verwijder.in-gebruik",
                wat=naam,
                lijst=_omschrijf(vast, namen),
                ids=sorted({v.id for v in vast}),
                los=kan_los,
            )
        ],
        operatie="verwijder",
        onderwerp=naam,
    )


# --- two entities that are one ---------------------------------------------------------


@attrs.frozen
class Samengevoegd:
    """What joining ``weg`` into ``blijft`` did (or, as a trial, would do): the ids of
    the entities whose references to ``weg`` now point to ``blijft``.

    .. versionadded:: 0.2.0
    """

    soort: str
    blijft: str
    weg: str
    naam: str
    bijgewerkt: tuple[str, ...] = ()
    uitgevoerd: bool = True


_PAD = re.compile(r"\.([a-z_]+)|\[(\d+)\]")


def _vervang(data: dict[str, Any], pad: str, waarde: str) -> None:
    """Set the value at ``pad`` (as :class:`Verwijzing` names it: ``$.leden[1].persoon``)."""
    stappen = [m.group(1) if m.group(1) else int(m.group(2)) for m in _PAD.finditer(pad)]
    plek: Any = data
    for stap in stappen[:-1]:
        plek = plek[stap]
    plek[stappen[-1]] = waarde


def _uniek(data: dict[str, Any]) -> dict[str, Any]:
    """A werkgroep's schools and members each once, after two ids became one (the
    first membership stays, with its role)."""
    if isinstance(data.get("scholen"), list):
        data["scholen"] = list(dict.fromkeys(data["scholen"]))
    if isinstance(data.get("leden"), list):
        gezien: set[str] = set()
        leden = []
        for lid in data["leden"]:
            if lid.get("persoon") not in gezien:
                gezien.add(lid.get("persoon"))
                leden.append(lid)
        data["leden"] = leden
    return data


def _aangevuld(blijft: Any, weg: Any) -> Any:
    """``blijft`` with what only ``weg`` knew: an empty field filled, lists joined."""
    velden: dict[str, Any] = {}
    for veld in attrs.fields(type(blijft)):
        if veld.name == "id":
            continue
        hier, daar = getattr(blijft, veld.name), getattr(weg, veld.name)
        if attrs.has(type(hier)) and type(hier) is type(daar):
            velden[veld.name] = _aangevuld(hier, daar)
        elif isinstance(hier, tuple) and isinstance(daar, tuple):
            velden[veld.name] = tuple(dict.fromkeys((*hier, *daar)))
        elif hier in (None, "") and daar not in (None, ""):
            velden[veld.name] = daar
    return attrs.evolve(blijft, **velden)


def voeg_samen(
    opslag: Opslag, klasse: type[Any], blijft_id: str, weg_id: str, *, uitvoeren: bool = True
) -> Samengevoegd:
    """Join entity ``weg_id`` into ``blijft_id`` (two schools or two persons that are
    one, as two clones may each add): every reference to ``weg_id`` points to
    ``blijft_id``, what only ``weg_id`` knew is added, and ``weg_id`` goes. With
    ``uitvoeren=False`` nothing changes."""
    soort = SOORTEN[klasse]
    if blijft_id == weg_id:
        raise Geweigerd(
            _("Kan niet samenvoegen"),
            [reden("samenvoegen.zelfde", soort=soort.naam)],
            operatie="samenvoegen",
            onderwerp=soort.naam,
            onderwerp_id=weg_id,
        )
    with opslag.vergrendeld():
        blijft, weg = opslag.lees(klasse, blijft_id), opslag.lees(klasse, weg_id)
        verwijzingen = _verwijzingen(opslag, weg_id)
        per: dict[tuple[str, str], list[str]] = {}
        for v in verwijzingen:
            per.setdefault((v.soort, v.id), []).append(v.pad)
        if uitvoeren:
            for (verwijzer, id_), paden in per.items():
                map_ = SOORTEN[_KLASSEN[verwijzer]].map

                def pas_aan(data: dict[str, Any], paden: list[str] = paden) -> dict[str, Any]:
                    for pad in paden:
                        _vervang(data, pad, blijft_id)
                    return _uniek(data)

                opslag.schrijver.wijzig_ruw(map_, id_, pas_aan)
            opslag.schrijf(_aangevuld(blijft, weg))
            opslag.verwijder(klasse, weg_id)
    naam = getattr(blijft, "naam", blijft_id)
    return Samengevoegd(
        soort.naam,
        blijft_id,
        weg_id,
        naam,
        tuple(sorted({id_ for _s, id_ in per})),
        uitgevoerd=uitvoeren,
    )
