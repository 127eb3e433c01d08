"""Choosing the language of ``ozc``: for our messages and for click's own.

The language is chosen before any command module is imported, so help texts, our
messages and click's own messages all appear in the chosen language.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Sequence

__all__ = ["kies_cli_taal"]


def _taal_uit(args: Sequence[str]) -> str | None:
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--taal" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--taal="):
            return arg.split("=", 1)[1]
    return None


def kies_cli_taal(args: Sequence[str]) -> str:
    """Choose the language for our messages and click's, from ``--taal`` or the environment."""
    from onderzoekscyclus.i18n import LOCALE_DIR, kies_taal  # noqa: PLC0415 - keep start-up light

    taal = kies_taal(_taal_uit(args) or os.environ.get("ONDERZOEKSCYCLUS_TAAL"))
    # click translates its own texts through the global gettext domain; LANGUAGE is
    # gettext's own way to pick a language regardless of the system locale.
    os.environ["LANGUAGE"] = taal
    if taal == "nl":
        gettext.bindtextdomain("click", LOCALE_DIR)
        gettext.textdomain("click")
    else:
        gettext.textdomain("messages")
    return taal
