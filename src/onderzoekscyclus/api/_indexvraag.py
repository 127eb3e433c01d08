"""Asking the derived index a question: brought up to date first, and rebuilt once when
it turns out to be damaged (the files are the truth; the index can always be made anew).

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from onderzoekscyclus.errors import LockTimeout
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.index import Index

__all__ = ["vraag_index"]

T = TypeVar("T")


def vraag_index(
    root: Path,
    mappen: Sequence[str],
    vraag: Callable[[Index], T],
    *,
    voortgang: bool = False,
    pad: Path | None = None,
) -> T:
    """``vraag`` asked of the index of the werkplaats at ``root``, after the folders
    ``mappen`` were brought up to date (with a progress bar on standard error when
    ``voortgang`` and many files are read); ``pad``: where the index of a linked
    werkplaats is kept (see :mod:`onderzoekscyclus.opslag.koppelingen`)."""
    with Index(root, voortgang=voortgang, pad=pad) as index:
        try:
            index.ververs(mappen)
            return vraag(index)
        except sqlite3.OperationalError as fout:
            if "locked" in str(fout) or "busy" in str(fout):
                raise LockTimeout(
                    _("De index van de werkplaats is bezet door een ander proces."),
                    _("Probeer het zo nog eens."),
                ) from None
            index.herbouw()
        except sqlite3.DatabaseError:
            index.herbouw()
        index.ververs(mappen)
        return vraag(index)
