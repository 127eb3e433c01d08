"""What to type next: the library's refusals turned into ``ozc`` commands.

The library refuses with stable codes and their data
(:mod:`onderzoekscyclus.domein.redenen`, :class:`~onderzoekscyclus.errors.UnknownReference`'s
``soort``); only the CLI knows its commands. Every hint names the real werkgroep or
besluit, quoted so it can be pasted into a shell, and what else the tool knows (the
indicator still without a measurement, the feedback item still without a reaction).
What the user has to supply is an upper-case placeholder: ``TEKST``, ``GETAL``,
``PERSOON``, ``JJJJ-MM-DD``.

A hint only names a step the state machine allows in the state the refusal was given
in; a step that cannot start there is replaced by the machine's next step for that
state, so following the hints never leads in a circle (``tests/test_hints.py`` walks
both machines and runs every command they print).
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from onderzoekscyclus.errors import (
    Geweigerd,
    InvalidValue,
    OnderzoekscyclusError,
    Reden,
    UnknownReference,
    WerkplaatsNotFound,
)
from onderzoekscyclus.i18n import N_, _

if TYPE_CHECKING:
    from onderzoekscyclus.domein.machine import Machine

__all__ = ["aandacht_opdracht", "hints", "kan", "opdracht"]

# per state machine, the command line of each operation; {o} is the werkgroep or besluit
OPDRACHTEN: dict[str, dict[str, str]] = {
    "onderzoekscyclus": {
        "start": "ozc cyclus start {o} --aanleiding TEKST --vraag TEKST",
        "beginsituatie": "ozc cyclus beginsituatie {o} --tekst TEKST --bron TEKST",
        "doel": (
            "ozc cyclus doel {o} --tekst TEKST --visie {visie} --indicator NAAM --eenheid "
            "EENHEID --nulmeting GETAL --streefwaarde GETAL"
        ),
        "plan": "ozc cyclus plan {o} --actie TEKST --literatuur TEKST",
        "uitvoeren": "ozc cyclus uitvoeren {o}",
        "meting": "ozc cyclus meting {o} --indicator {indicator} --waarde GETAL",
        "evaluatie": "ozc cyclus evaluatie {o} --conclusie CONCLUSIE --tekst TEKST",
        "afronden": "ozc cyclus afronden {o}",
        "volgende": "ozc cyclus volgende {o}",
        "terug": "ozc cyclus terug {o} --reden TEKST",
        "pauzeer": "ozc cyclus pauzeer {o} --reden TEKST",
        "hervat": "ozc cyclus hervat {o}",
        "toon": "ozc cyclus toon {o}",
        "lijst": "ozc cyclus lijst {o}",
    },
    "besluitvorming": {
        "idee": "ozc besluit idee {o} TEKST --door PERSOON",
        "voorstel": "ozc besluit voorstel {o} --tekst TEKST --door PERSOON",
        "feedback-open": "ozc besluit feedback-open {o} --tot JJJJ-MM-DD",
        "feedback": "ozc besluit feedback {o} TEKST --door PERSOON",
        "reageer": "ozc besluit reageer {o} {nummer} --overgenomen --motivatie TEKST",
        "neem": "ozc besluit neem {o} --tekst TEKST",
        "verwerp": "ozc besluit neem {o} --verwerp --tekst TEKST",
        "implementeer": "ozc besluit implementeer {o}",
        "evalueer": "ozc besluit evalueer {o} --tekst TEKST",
        "bijstellen": "ozc besluit bijstellen {o} --tekst TEKST",
        "borg": "ozc besluit borg {o}",
        "intrekken": "ozc besluit intrekken {o} --reden TEKST",
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
    "besluit.zonder-reactie": ("reageer", N_("Geef die met `{opdracht}`.")),
    "besluit.geen-evaluatie": ("evalueer", N_("Evalueer eerst met `{opdracht}`.")),
    "besluit.geen-voorstel": ("voorstel", N_("Schrijf het met `{opdracht}`.")),
    "besluit.ronde-gesloten": (
        "voorstel",
        N_(
            "Wil de werkgroep nog feedback, dan schrijft ze eerst een nieuwe versie van het "
            "voorstel met `{opdracht}`; daarna kan er een nieuwe ronde open."
        ),
    ),
    "besluit.al-genomen": ("bijstellen", N_("Stel het na een evaluatie bij met `{opdracht}`.")),
}

# reason codes whose way out is an option, not another step
_OPTIE: dict[str, str] = {
    "terug.geen-reden": N_("Geef een reden met --reden."),
    "besluit.reden-leeg": N_("Geef een reden met --reden."),
    "datum.toekomst": N_("Geef met --datum de dag waarop het gebeurde, of laat --datum weg."),
    "datum.volgorde": N_("Geef met --datum een dag op of na de vorige stap."),
    "bezoek.bevinding-voor-bezoek": N_(
        "Een bevinding komt op of na de dag van het bezoek ({bezoek}): geef een passende --datum."
    ),
    "bezoek.gepland": N_(
        "Schrijf de bevinding op na het bezoek; was het eerder, verbeter dan de dag met "
        "`ozc bezoek wijzig BEZOEK --datum JJJJ-MM-DD`."
    ),
    "bezoek.bron-voor-bevinding": N_("Geef met --datum een dag op of na {bevinding}."),
    "bezoek.onbekende-bevinding": N_(
        "Zie de nummers van de bevindingen met `ozc bezoek toon BEZOEK`."
    ),
    "besluit.leider-geen-lid": N_(
        "Kies een leider of expert van de werkgroep met expertise op het thema, of leg met "
        "--zonder-expert REDEN vast waarom het zo moet."
    ),
    "besluit.leider-geen-expertise": N_(
        "Kies een leider of expert van de werkgroep met expertise op het thema, of leg met "
        "--zonder-expert REDEN vast waarom het zo moet."
    ),
}

# reason codes whose hint is made from their data (see below)
_UIT_DE_GEGEVENS: dict[str, Callable[[Reden], str | None]] = {}

# kind of entity -> the command that lists them
_LIJSTEN = {
    "school": "ozc school lijst",
    "persoon": "ozc persoon lijst",
    "werkgroep": "ozc werkgroep lijst",
    "besluit": "ozc besluit lijst",
    "agendapunt": "ozc ontwikkelagenda lijst",
    "bezoek": "ozc bezoek lijst",
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


# what a command may hold besides the werkgroep or besluit, and its placeholder when unknown
_PLAATSHOUDERS = {"indicator": "INDICATOR", "nummer": "NUMMER", "visie": "VISIE"}


def _vul(sjabloon: str, onderwerp: str, bekend: Mapping[str, object]) -> str:
    waarden = {
        sleutel: plaatshouder if bekend.get(sleutel) is None else shlex.quote(str(bekend[sleutel]))
        for sleutel, plaatshouder in _PLAATSHOUDERS.items()
    }
    return sjabloon.format(o=onderwerp, **waarden)


def aandacht_opdracht(code: str, naam: str) -> str | None:
    """The command that deals with an attention point of the status."""
    sjabloon = _AANDACHT.get(code)
    return _vul(sjabloon, shlex.quote(naam), {}) if sjabloon else None


def opdracht(
    machine: str | None, operatie: str | None, onderwerp: str | None, **bekend: object
) -> str | None:
    """The command line of ``operatie``, with the werkgroep or besluit filled in, and
    what else is ``bekend`` (``indicator``, ``nummer``, ``visie``)."""
    sjabloon = OPDRACHTEN.get(machine or "", {}).get(operatie or "")
    if sjabloon is None:
        return None
    if onderwerp:
        return _vul(sjabloon, shlex.quote(onderwerp), bekend)
    return _vul(sjabloon, "WERKGROEP" if machine == "onderzoekscyclus" else "BESLUIT", bekend)


def _machine(naam: str | None) -> Machine[Any, Any] | None:
    """The declared state machine called ``naam``, imported when a hint needs it."""
    if naam == "onderzoekscyclus":
        from onderzoekscyclus.domein.cyclusstappen import CYCLUS  # noqa: PLC0415

        return CYCLUS
    if naam == "besluitvorming":
        from onderzoekscyclus.domein.besluitvorming import BESLUITVORMING  # noqa: PLC0415

        return BESLUITVORMING
    return None


def _in_toestand(machine: str | None, toestand: str | None) -> tuple[Any, Any] | None:
    m = _machine(machine)
    staat = next((t for t in m.toestanden if t.value == toestand), None) if m else None
    return (m, staat) if staat is not None else None


def kan(machine: str | None, operatie: str, toestand: str | None) -> bool:
    """Whether ``operatie`` may start in ``toestand`` (a state's value) of ``machine``, as
    the machine declares it; a command that is no step (``toon``), or a state that is not
    known, does not stop it."""
    gevonden = _in_toestand(machine, toestand)
    if gevonden is None or operatie not in gevonden[0].meldingen:
        return True
    return gevonden[0].overgang(operatie, gevonden[1]) is not None


def _volgende_stap(machine: str | None, toestand: str | None) -> str | None:
    gevonden = _in_toestand(machine, toestand)
    return gevonden[0].volgende.get(gevonden[1]) if gevonden else None


def _bekend(reden: Reden) -> dict[str, object]:
    """What the data of ``reden`` fills in of a command: the first indicator without a
    measurement, the first feedback item without a reaction."""
    indicatoren = reden.waarden.get("indicatoren")
    return {
        "indicator": indicatoren[0] if isinstance(indicatoren, list) and indicatoren else None,
        "nummer": reden.waarden.get("eerste"),
    }


def _hint_herstel(fout: Geweigerd, reden: Reden) -> str | None:
    operatie, sjabloon = _HERSTEL[reden.code]
    if not kan(fout.machine, operatie, fout.toestand):
        # the step that would fix it cannot start in this state: name the step that can
        verder = opdracht(fout.machine, _volgende_stap(fout.machine, fout.toestand), fout.onderwerp)
        return _("Volgende stap: `{opdracht}`.").format(opdracht=verder) if verder else None
    regel = opdracht(fout.machine, operatie, fout.onderwerp, **_bekend(reden))
    return _(sjabloon).format(opdracht=regel) if regel else None


def _hint_datum(reden: Reden) -> str | None:
    """Which days a step may have, and how to give one."""
    waarden = reden.waarden
    if "vandaag" not in waarden:  # a reason from before the days were part of it
        return _(_OPTIE[reden.code])
    if waarden.get("vanaf"):
        return _(
            "Geef met `--datum JJJJ-MM-DD` een dag van {vanaf} tot en met {vandaag}, of laat "
            "--datum weg voor vandaag."
        ).format(vanaf=waarden["vanaf"], vandaag=waarden["vandaag"])
    return _(
        "Geef met `--datum JJJJ-MM-DD` een dag tot en met {vandaag}, of laat --datum weg "
        "voor vandaag."
    ).format(vandaag=waarden["vandaag"])


def _hint_visie(reden: Reden) -> str | None:
    regel = "ozc school profiel SCHOOL --visie " + shlex.quote(f"{reden.waarden['visie']}=TEKST")
    return _("Voeg het toe met `{opdracht}`.").format(opdracht=regel)


def _hint_in_gebruik(reden: Reden) -> str | None:
    if not reden.waarden.get("los"):
        return None
    return _(
        "Met --met-verwijzingen verdwijnen de verwijzingen die weg kunnen; wat een "
        "geschiedenis vertelt, blijft staan."
    )


_UIT_DE_GEGEVENS.update(
    {
        "verwijder.in-gebruik": _hint_in_gebruik,
        "datum.toekomst": _hint_datum,
        "datum.volgorde": _hint_datum,
        "doel.onbekend-visie-element": _hint_visie,
    }
)


def _hint_reden(fout: Geweigerd, reden: Reden) -> str | None:
    if reden.code == "fase":
        return _hint_fase(fout, reden.waarden)
    if reden.code == "cyclus.onbekend":
        return _hint_cycli(fout, reden.waarden)
    if reden.code in _HERSTEL:
        return _hint_herstel(fout, reden)
    if reden.code in _UIT_DE_GEGEVENS:
        return _UIT_DE_GEGEVENS[reden.code](reden)
    if reden.code in _OPTIE:
        return _(_OPTIE[reden.code]).format(**reden.waarden)
    return None


def _opsomming(delen: list[str]) -> str:
    """``1, 2 en 3``."""
    if len(delen) < 2:
        return "".join(delen)
    return _("{eerdere} en {laatste}").format(eerdere=", ".join(delen[:-1]), laatste=delen[-1])


def _hint_cycli(fout: Geweigerd, waarden: Mapping[str, object]) -> str | None:
    """The cycles the werkgroep does have, and how to see them."""
    bestaand = waarden.get("bestaand")
    toon = opdracht(fout.machine, "toon", fout.onderwerp)
    if not isinstance(bestaand, list) or not bestaand:
        return _("Zie de laatste met `{opdracht}`.").format(opdracht=toon) if toon else None
    if len(bestaand) == 1:
        return _("Deze werkgroep heeft alleen cyclus {n}; toon die met `{opdracht}`.").format(
            n=bestaand[0], opdracht=toon
        )
    return _("Deze werkgroep heeft de cycli {nummers}; zie ze met `{opdracht}`.").format(
        nummers=_opsomming([str(n) for n in bestaand]),
        opdracht=opdracht(fout.machine, "lijst", fout.onderwerp),
    )


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


def _hints_waarde(fout: InvalidValue) -> list[str]:
    if fout.veld in _VELDEN:
        return [_(_VELDEN[fout.veld])]
    if fout.code == "waarde.toekomst":  # every such date comes from --datum
        return [_("Dat doet u met `--datum JJJJ-MM-DD`.")]
    return []


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
    if isinstance(fout, InvalidValue):
        return _hints_waarde(fout)
    if isinstance(fout, WerkplaatsNotFound):
        return [
            _(
                "Maak er een met `ozc init MAP --naam NAAM`, ga naar een werkplaats toe, of "
                "geef er een op met --werkplaats of $ONDERZOEKSCYCLUS_WERKPLAATS."
            )
        ]
    return []
