"""Translations of user-facing text.

Messages are written in Dutch in the code (Dutch is the default language) and
translated to English through a gettext catalogue. The language is chosen once per
process by :func:`kies_taal` (the CLI's ``--taal``) or ``ONDERZOEKSCYCLUS_TAAL``.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

__all__ = ["LOCALE_DIR", "N_", "TALEN", "_", "huidige_taal", "kies_taal", "ngettext"]

TALEN = ("nl", "en")
LOCALE_DIR = Path(__file__).parent / "locale"
_DOMAIN = "onderzoekscyclus"

_vertaling: _gettext.NullTranslations = _gettext.NullTranslations()
_taal = "nl"


def kies_taal(taal: str | None = None) -> str:
    """Choose the language of messages: ``nl`` (default) or ``en``.

    Without an argument the language comes from ``ONDERZOEKSCYCLUS_TAAL``.
    Returns the language in force.
    """
    global _vertaling, _taal  # noqa: PLW0603 - one process-wide language, chosen at the edge
    taal = (taal or os.environ.get("ONDERZOEKSCYCLUS_TAAL") or "nl").strip().lower()
    if taal not in TALEN:
        taal = "nl"
    if taal == "nl":
        _vertaling = _gettext.NullTranslations()
    else:
        _vertaling = _gettext.translation(_DOMAIN, LOCALE_DIR, languages=[taal], fallback=True)
    _taal = taal
    return taal


def huidige_taal() -> str:
    """The language messages are shown in now."""
    return _taal


def _(bericht: str) -> str:
    """Translate a Dutch message into the chosen language."""
    return _vertaling.gettext(bericht)


def ngettext(enkelvoud: str, meervoud: str, n: int) -> str:
    """Translate a Dutch message with a singular and a plural form."""
    return _vertaling.ngettext(enkelvoud, meervoud, n)


def N_(bericht: str) -> str:
    """Mark a message for translation without translating it now: for tables built when
    a module is imported, whose texts are translated with :func:`_` when they are shown."""
    return bericht
