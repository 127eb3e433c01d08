"""Text as a person reads it in a terminal: the names of steps, and lines that fit.

* :func:`stap`: the name of an operation of a state machine as the history shows it
  ("doel", in English "goal"); the operation itself, the command, stays Dutch.
* :func:`omgebroken`: free text wrapped to the width of the terminal, with a hanging
  indent under a label or a bullet; a command in `backticks` is never broken, so it
  can be copied whole.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap

from onderzoekscyclus.i18n import N_, _

__all__ = ["breedte", "kolom", "omgebroken", "stap"]

STANDAARDBREEDTE = 80
"""The width when the output is no terminal (a file, a pipe) and $COLUMNS is not set."""
_SMALST = 40

# per operation of the two state machines, how it reads in the history
_STAPPEN = {
    "start": N_("start"),
    "beginsituatie": N_("beginsituatie"),
    "doel": N_("doel"),
    "plan": N_("plan"),
    "uitvoeren": N_("uitvoeren"),
    "meting": N_("meting"),
    "evaluatie": N_("evaluatie"),
    "afronden": N_("afronden"),
    "volgende": N_("volgende cyclus"),
    "terug": N_("terug"),
    "pauzeer": N_("pauzeer"),
    "hervat": N_("hervat"),
    "nieuw": N_("nieuw"),
    "idee": N_("idee"),
    "voorstel": N_("voorstel"),
    "feedback-open": N_("feedbackronde open"),
    "feedback": N_("feedback"),
    "sluit": N_("feedbackronde dicht"),
    "reageer": N_("reactie"),
    "neem": N_("besluit"),
    "verwerp": N_("verwerp"),
    "implementeer": N_("implementeer"),
    "evalueer": N_("evalueer"),
    "bijstellen": N_("bijstellen"),
    "borg": N_("borg"),
    "intrekken": N_("intrekken"),
}


def stap(operatie: str) -> str:
    """How the operation ``operatie`` reads in a history (unknown ones as they are)."""
    naam = _STAPPEN.get(operatie)
    return _(naam) if naam else operatie


def breedte() -> int:
    """The width to wrap to: $COLUMNS when set, the terminal's width when the output is
    a terminal, otherwise :data:`STANDAARDBREEDTE`; never less than 40."""
    gezet = os.environ.get("COLUMNS", "")
    if gezet.isdigit() and int(gezet) > 0:
        return max(int(gezet), _SMALST)
    isatty = getattr(sys.stdout, "isatty", None)
    if isatty is not None and isatty():
        return max(shutil.get_terminal_size((STANDAARDBREEDTE, 24)).columns, _SMALST)
    return STANDAARDBREEDTE


# a label with aligned values ("Aanleiding:    …") or a bullet ("  - ", "  ✓ ", "  3. ")
# ("Beginsituatie: …", the longest label, has one space)
_KOP = re.compile(r"^\s*(?:[^\s:`,;][^:`,;]{0,22}:\s{2,}|[A-Z][a-z]{11,22}: |(?:[-•·✓→]|\d+\.)\s+)")
_OPDRACHT = re.compile(r"`[^`]*`")
_HEEL = "\x00"


def _breek(regel: str, breed: int) -> list[str]:
    if len(regel) <= breed:
        return [regel]
    inspringing = len(regel) - len(regel.lstrip(" "))
    kop = _KOP.match(regel)
    hangend = len(kop.group(0)) if kop else inspringing + 2
    if hangend > breed // 2:
        hangend = inspringing + 2
    heel = _OPDRACHT.sub(lambda m: m.group(0).replace(" ", _HEEL), regel)
    if kop:
        # a label or bullet keeps its first word (or path) beside it, aligned as it was
        kaal = kop.group(0).rstrip(" ")
        heel = kaal + _HEEL * (len(kop.group(0)) - len(kaal)) + heel[len(kop.group(0)) :]
    regels = textwrap.wrap(
        heel,
        width=breed,
        subsequent_indent=" " * hangend,
        break_long_words=False,
        break_on_hyphens=False,
    )
    # a command or a path too long for any line stays behind the text before it:
    # moving it to a line of its own would not make it fit, only leave a gap
    samen: list[str] = []
    for r in regels:
        if samen and len(r) > breed and " " not in r.strip():
            samen[-1] += " " + r.lstrip()
        else:
            samen.append(r)
    return [r.replace(_HEEL, " ") for r in samen] or [regel]


def omgebroken(tekst: str, breed: int | None = None) -> str:
    """``tekst`` with every line longer than ``breed`` (default: :func:`breedte`)
    wrapped at spaces; words and commands in `backticks` stay whole."""
    breed = breed or breedte()
    return "\n".join(deel for regel in tekst.split("\n") for deel in _breek(regel, breed))


def kolom(voor: str, tekst: str, breed: int | None = None) -> str:
    """A table row: ``voor`` (the fixed columns) and then ``tekst``, wrapped so that every
    line of it starts under its first word."""
    breed = breed or breedte()
    if len(voor) + len(tekst) <= breed or len(voor) > breed // 2:
        return voor + tekst
    return "\n".join(
        textwrap.wrap(
            voor.replace(" ", _HEEL) + tekst,
            width=breed,
            subsequent_indent=" " * len(voor),
            break_long_words=False,
            break_on_hyphens=False,
        )
    ).replace(_HEEL, " ")
