"""What the operating system said, in words a teacher can act on.

The system's own text (``Permission denied``, ``No space left on device``) is English
whatever the language of ``ozc``; here each common error number gets a sentence in the
language of the messages and a way out. The file it was about stays in the message.
"""

from __future__ import annotations

import errno
import os

from onderzoekscyclus.i18n import N_, _

__all__ = ["systeemfout"]

_SCHIJF_VOL = N_(
    "Maak ruimte vrij en probeer het opnieuw; een bestand van de werkplaats wordt nooit "
    "half geschreven."
)
_IN_GEBRUIK = N_("Sluit dat programma en probeer het opnieuw.")
_TE_VEEL_OPEN = (
    N_("Er staan te veel bestanden tegelijk open"),
    N_("Sluit andere programma's en probeer het opnieuw."),
)

# error name -> (what happened, without a full stop; the way out)
_REDENEN: dict[str, tuple[str, str]] = {
    "EISDIR": (
        N_("Hier hoort een bestand, maar er staat een map"),
        N_("Verplaats of hernoem die map, of kies een andere naam."),
    ),
    "ENOTDIR": (
        N_("Hier hoort een map, maar er staat een bestand"),
        N_("Verplaats of hernoem dat bestand, of kies een andere plek."),
    ),
    "EEXIST": (
        N_("Er staat al een bestand of map met deze naam"),
        N_("Kies een andere naam, of verplaats wat er nu staat."),
    ),
    "ENOENT": (
        N_("Dit bestand of deze map bestaat niet"),
        N_("Controleer de naam en de plek."),
    ),
    "EACCES": (
        N_("U hebt geen toestemming om dit te lezen of te schrijven"),
        N_(
            "Vraag wie de map beheert om schrijfrechten, of werk in een kopie op een plek "
            "waar dat wel mag. Houdt een ander programma het bestand open, sluit dat dan."
        ),
    ),
    "EPERM": (
        N_("Het besturingssysteem staat dit niet toe; het bestand of de map is beveiligd"),
        N_("Vraag wie de map beheert om de beveiliging op te heffen, of werk in een kopie."),
    ),
    "EROFS": (
        N_("Deze schijf of map mag alleen gelezen worden"),
        N_(
            "Kopieer de werkplaats naar een plek waar u mag schrijven, of vraag wie de "
            "schijf beheert."
        ),
    ),
    "ENOSPC": (N_("De schijf is vol"), _SCHIJF_VOL),
    "EDQUOT": (N_("Uw ruimte op deze schijf is op"), _SCHIJF_VOL),
    "EFBIG": (N_("Het bestand wordt groter dan hier mag"), _SCHIJF_VOL),
    "ENAMETOOLONG": (
        N_("De naam of het pad is te lang"),
        N_("Kies een kortere naam, of een map dichter bij de hoofdmap van de schijf."),
    ),
    "EMFILE": _TE_VEEL_OPEN,
    "ENFILE": _TE_VEEL_OPEN,
    "EIO": (
        N_("De schijf gaf een lees- of schrijffout"),
        N_(
            "Controleer de schijf of de verbinding (een USB-stick, een netwerkmap) en "
            "probeer het opnieuw."
        ),
    ),
    "EBUSY": (N_("Een ander programma gebruikt dit bestand"), _IN_GEBRUIK),
    "ETXTBSY": (N_("Een ander programma gebruikt dit bestand"), _IN_GEBRUIK),
    "ELOOP": (
        N_("Een snelkoppeling verwijst (via andere) naar zichzelf"),
        N_("Herstel of verwijder die snelkoppeling."),
    ),
}


def systeemfout(fout: OSError) -> tuple[str, str]:
    """The message and the way out for ``fout``, in the current language, naming the
    file (or files) it was about."""
    naam = errno.errorcode.get(fout.errno) if fout.errno is not None else None
    if naam in _REDENEN:
        wat, hint = _REDENEN[naam]
        bericht = _(wat)
    else:
        bericht = _(
            "Het besturingssysteem kon dit niet lezen of schrijven (foutcode {code})"
        ).format(code=naam or fout.errno or type(fout).__name__)
        hint = N_("Controleer of de map bestaat, of u er mag schrijven en of de schijf vol is.")
    bestanden = [
        os.fsdecode(f) for f in (fout.filename, fout.filename2) if isinstance(f, str | bytes)
    ]
    if bestanden:
        bericht += ": " + " → ".join(bestanden)
    return bericht + ".", _(hint)
