"""Translations of user-facing text.

Messages are written in Dutch in the code (Dutch is the default language) and
translated to English through a gettext catalogue. The language is not a setting of the
process: it holds per thread and per task (a context variable), so a web server can
answer one request in Dutch and the next in English. A
:class:`~onderzoekscyclus.api.werkplaats.Werkplaats` speaks the language it was given
(``taal=``); :func:`in_taal` sets it for a block of code; the CLI chooses it once with
:func:`kies_taal` from ``--taal`` or ``ONDERZOEKSCYCLUS_TAAL``.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gettext as _gettext
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

__all__ = [
    "LOCALE_DIR",
    "N_",
    "TALEN",
    "Taal",
    "_",
    "huidige_taal",
    "in_taal",
    "kies_taal",
    "ngettext",
    "vertaal",
]

Taal = Literal["nl", "en"]
"""A language messages can be shown in."""

TALEN: tuple[Taal, ...] = ("nl", "en")
LOCALE_DIR = Path(__file__).parent / "locale"
_DOMAIN = "onderzoekscyclus"

_taal: contextvars.ContextVar[Taal] = contextvars.ContextVar("onderzoekscyclus_taal", default="nl")


def _geldig(taal: str | None) -> Taal:
    gekozen = (taal or "nl").strip().lower()
    return "en" if gekozen == "en" else "nl"


@functools.cache
def _vertaling(taal: Taal) -> _gettext.NullTranslations:
    if taal == "nl":
        return _gettext.NullTranslations()
    return _gettext.translation(_DOMAIN, LOCALE_DIR, languages=[taal], fallback=True)


def kies_taal(taal: str | None = None) -> Taal:
    """Choose the language of messages for the current thread (and the tasks it starts):
    ``nl`` (default) or ``en``; anything else is Dutch. Returns the language in force."""
    gekozen = _geldig(taal)
    _taal.set(gekozen)
    return gekozen


@contextlib.contextmanager
def in_taal(taal: str | None) -> Iterator[Taal]:
    """Show messages in ``taal`` inside the ``with`` block, then in the language before."""
    teken = _taal.set(_geldig(taal))
    try:
        yield _taal.get()
    finally:
        _taal.reset(teken)


def huidige_taal() -> Taal:
    """The language messages are shown in now."""
    return _taal.get()


def _(bericht: str) -> str:
    """Translate a Dutch message into the current language."""
    return _vertaling(_taal.get()).gettext(bericht)


def ngettext(enkelvoud: str, meervoud: str, n: int) -> str:
    """Translate a Dutch message with a singular and a plural form."""
    return _vertaling(_taal.get()).ngettext(enkelvoud, meervoud, n)


def vertaal(bericht: str, taal: Taal) -> str:
    """Translate a Dutch message into ``taal`` (whatever the current language is)."""
    return _vertaling(taal).gettext(bericht)


def N_(bericht: str) -> str:
    """Mark a message for translation without translating it now: for tables built when
    a module is imported, whose texts are translated with :func:`_` when they are shown."""
    return bericht
