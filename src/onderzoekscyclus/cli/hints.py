"""What to type next: the library's refusals turned into ``ozc`` commands.

The library refuses with stable codes and their data
(:mod:`onderzoekscyclus.domein.redenen`, :class:`~onderzoekscyclus.errors.UnknownReference`'s
``soort``); only the CLI knows its commands. Every hint names the real werkgroep or
besluit, quoted so it can be pasted into a shell.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping

from onderzoekscyclus.errors import (
    Geweigerd,
    InvalidValue,
    OnderzoekscyclusError,
    Reden,
    UnknownReference,
    WerkplaatsNotFound,
)
from onderzoekscyclus.i18n import N_, _

__all__ = ["aandacht_opdracht", "hints", "opdracht"]

# per state machine, the command line of each operation; {o} is the werkgroep or besluit
OPDRACHTEN: dict[str, dict[str, str]] = {
    "onderzoekscyclus": {
        "start": "ozc cyclus start {o} --aanleiding … --vraag …",
        "beginsituatie": "ozc cyclus beginsituatie {o} --tekst … --bron …",
        "doel": (
            "ozc cyclus doel {o} --tekst … --visie … --indicator … --eenheid … "
            "--nulmeting … --streefwaarde …"
        ),
        "plan": "ozc cyclus plan {o} --actie … --literatuur … (of --elders WERKGROEP)",
        "uitvoeren": "ozc cyclus uitvoeren {o}",
        "meting": "ozc cyclus meting {o} --indicator … --waarde …",
        "evaluatie": "ozc cyclus evaluatie {o} --conclusie … --tekst …",
        "afronden": "ozc cyclus afronden {o}",
        "volgende": "ozc cyclus volgende {o}",
        "terug": "ozc cyclus terug {o} --reden …",
        "pauzeer": "ozc cyclus pauzeer {o} --reden …",
        "hervat": "ozc cyclus hervat {o}",
        "toon": "ozc cyclus toon {o}",
    },
    "besluitvorming": {
        "idee": "ozc besluit idee {o} TEKST --door …",
        "voorstel": "ozc besluit voorstel {o} --tekst … --leider …",
        "feedback-open": "ozc besluit feedback-open {o} --tot JJJJ-MM-DD",
        "feedback": "ozc besluit feedback {o} TEKST --door …",
        "reageer": (
            "ozc besluit reageer {o} NUMMER --overgenomen|--deels|--niet-overgenomen --motivatie …"
        ),
        "neem": "ozc besluit neem {o} --tekst …",
        "verwerp": "ozc besluit neem {o} --verwerp --tekst …",
        "implementeer": "ozc besluit implementeer {o}",
        "evalueer": "ozc besluit evalueer {o} --tekst …",
        "bijstellen": "ozc besluit bijstellen {o} --tekst …",
        "borg": "ozc besluit borg {o}",
        "intrekken": "ozc besluit intrekken {o} --reden …",
        "toon": "ozc besluit toon {o}",
    },
}

# reason code -> (operation whose command fixes it, how to say it)
_HERSTEL: dict[str, tuple[str, str]] = {
    "beginsituatie.geen-tekst": ("beginsituatie", N_("Beschrijf hem met `{opdracht}`.")),
    "beginsituatie.geen-bron": ("beginsituatie", N_("Voeg er een toe met `{opdracht}`.")),
    "doel.geen-tekst": ("doel", N_("Beschrijf het met `{opdracht}`.")),
    "doel.geen-visie": ("doel", N_("Geef het visie-element met `{opdracht}`.")),
    "doel.geen-indicator": ("doel", N_("Voeg er een toe met `{opdracht}`.")),
    "doel.na-plan": ("terug", N_("Wilt u het doel wijzigen, ga dan terug met `{opdracht}`.")),
    "plan.geen-actie": ("plan", N_("Voeg er een toe met `{opdracht}`.")),
    "plan.geen-onderbouwing": ("plan", N_("Voeg een onderbouwing toe met `{opdracht}`.")),
    "evaluatie.metingen-ontbreken": ("meting", N_("Voeg metingen toe met `{opdracht}`.")),
    "evaluatie.ontbreekt": ("evaluatie", N_("Leg haar vast met `{opdracht}`.")),
    "cyclus.geen": ("start", N_("Begin er een met `{opdracht}`.")),
    "cyclus.loopt": ("toon", N_("Zie waar hij staat met `{opdracht}`.")),
    "cyclus.onbekend": ("toon", N_("Zie de laatste met `{opdracht}`.")),
    "besluit.zonder-reactie": ("reageer", N_("Geef die met `{opdracht}`.")),
    "besluit.geen-evaluatie": ("evalueer", N_("Evalueer eerst met `{opdracht}`.")),
    "besluit.geen-voorstel": ("voorstel", N_("Schrijf het met `{opdracht}`.")),
    "besluit.ronde-gesloten": (
        "feedback-open",
        N_("De werkgroep kan een nieuwe ronde openen met `{opdracht}`."),
    ),
    "besluit.al-genomen": ("bijstellen", N_("Stel het na een evaluatie bij met `{opdracht}`.")),
}

# reason codes whose way out is an option, not another step
_OPTIE: dict[str, str] = {
    "terug.geen-reden": N_("Geef een reden met --reden."),
    "besluit.reden-leeg": N_("Geef een reden met --reden."),
    "datum.toekomst": N_("Geef met --datum de dag waarop het gebeurde, of laat --datum weg."),
    "datum.volgorde": N_("Geef met --datum een dag op of na de vorige stap."),
    "besluit.leider-geen-lid": N_(
        "Kies een leider of expert van de werkgroep met expertise op het thema, of leg met "
        "--zonder-expert REDEN vast waarom het zo moet."
    ),
    "besluit.leider-geen-expertise": N_(
        "Kies een leider of expert van de werkgroep met expertise op het thema, of leg met "
        "--zonder-expert REDEN vast waarom het zo moet."
    ),
    "doel.onbekend-visie-element": N_(
        'Voeg het toe met `ozc school profiel SCHOOL --visie {visie}="…"`.'
    ),
}

# kind of entity -> the command that lists them
_LIJSTEN = {
    "school": "ozc school lijst",
    "persoon": "ozc persoon lijst",
    "werkgroep": "ozc werkgroep lijst",
    "besluit": "ozc besluit lijst",
    "thema": "ozc thema lijst --alle",
    "instrument": "ozc zelfevaluatie instrumenten",
    "meting": "ozc --json zelfevaluatie resultaat INSTRUMENT",
    "school-of-werkgroep": "ozc school lijst` en `ozc werkgroep lijst",
}

# field of an invalid value -> what the CLI adds to the library's hint
_VELDEN = {
    "themas": N_("Zie `ozc thema lijst --alle`; met --nieuw-thema neemt u het toch op."),
    "selectie": N_("--school, --werkgroep en --besluit sluiten elkaar uit."),
    "school": N_("Geef de school op met --school."),
}


_AANDACHT = {
    "werkgroep.geen-leider": "ozc werkgroep lid {o} PERSOON --rol leider",
    "besluit.herevaluatie": OPDRACHTEN["besluitvorming"]["evalueer"],
    "besluit.zonder-reactie": OPDRACHTEN["besluitvorming"]["reageer"],
}


def aandacht_opdracht(code: str, naam: str) -> str | None:
    """The command that deals with an attention point of the status."""
    sjabloon = _AANDACHT.get(code)
    return sjabloon.format(o=shlex.quote(naam)) if sjabloon else None


def opdracht(machine: str | None, operatie: str | None, onderwerp: str | None) -> str | None:
    """The command line of ``operatie``, with the werkgroep or besluit filled in."""
    sjabloon = OPDRACHTEN.get(machine or "", {}).get(operatie or "")
    if sjabloon is None:
        return None
    if onderwerp:
        return sjabloon.format(o=shlex.quote(onderwerp))
    return sjabloon.format(o="WERKGROEP" if machine == "onderzoekscyclus" else "BESLUIT")


def _hint_reden(fout: Geweigerd, reden: Reden) -> str | None:
    if reden.code == "fase":
        return _hint_fase(fout, reden.waarden)
    if reden.code in _HERSTEL:
        operatie, sjabloon = _HERSTEL[reden.code]
        regel = opdracht(fout.machine, operatie, fout.onderwerp)
        return _(sjabloon).format(opdracht=regel) if regel else None
    if reden.code in _OPTIE:
        return _(_OPTIE[reden.code]).format(**reden.waarden)
    return None


def _hint_fase(fout: Geweigerd, waarden: Mapping[str, object]) -> str | None:
    regels = []
    volgende = waarden.get("volgende")
    verder = opdracht(fout.machine, volgende, fout.onderwerp) if isinstance(volgende, str) else None
    if verder:
        regels.append(_("Volgende stap: `{opdracht}`.").format(opdracht=verder))
    terug = opdracht(fout.machine, "terug", fout.onderwerp)
    if waarden.get("eerder") and terug:
        regels.append(
            _("Of ga terug om toch '{operatie}' te doen: `{opdracht}`.").format(
                operatie=waarden.get("operatie"), opdracht=terug
            )
        )
    return "\n".join(regels) or None


def hints(fout: OnderzoekscyclusError) -> list[str]:
    """The lines the CLI adds to the library's message: what to type next."""
    if isinstance(fout, Geweigerd):
        gevonden = (_hint_reden(fout, r) for r in fout.redenen)
        return list(dict.fromkeys(h for h in gevonden if h))
    if isinstance(fout, UnknownReference) and fout.soort == "cyclus" and fout.onderwerp:
        return [
            _("Zie `{opdracht}`.").format(
                opdracht=opdracht("onderzoekscyclus", "toon", fout.onderwerp)
            )
        ]
    if isinstance(fout, UnknownReference) and fout.hint is None and fout.soort in _LIJSTEN:
        return [_("Zie `{opdracht}`.").format(opdracht=_LIJSTEN[fout.soort])]
    if isinstance(fout, InvalidValue) and fout.veld in _VELDEN:
        return [_(_VELDEN[fout.veld])]
    if isinstance(fout, WerkplaatsNotFound):
        return [
            _(
                "Maak er een met `ozc init MAP --naam NAAM`, ga naar een werkplaats toe, of "
                "geef er een op met --werkplaats of $ONDERZOEKSCYCLUS_WERKPLAATS."
            )
        ]
    return []
