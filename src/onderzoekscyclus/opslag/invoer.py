"""Reading a file a user gives as input, never unbounded.

A CSV file to import, an instrument or a thesaurus of the werkplaats: the user names or
places it, so it may be anything. :func:`lees_invoer` reads only a regular file, and at
most :data:`GROOTSTE_INVOER` bytes of it: a device (``/dev/zero``), a named pipe, a
socket or a folder is refused before anything is read, and so is a file that turns out
larger than the limit. The file is opened without waiting, so a named pipe that nobody
writes to does not make ``ozc`` hang.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from onderzoekscyclus.errors import FileFormatError
from onderzoekscyclus.i18n import _

__all__ = ["GROOTSTE_INVOER", "lees_invoer", "open_gewoon"]

GROOTSTE_INVOER = 10_000_000
"""The largest input file read, in bytes (10 MB): a form tool's export of thousands of
respondents is far smaller."""

# opening a named pipe waits for a writer, unless asked not to (POSIX only)
_NIET_WACHTEN = getattr(os, "O_NONBLOCK", 0)


def open_gewoon(pad: Path, label: str) -> BinaryIO:
    """``pad`` opened for reading, when it is a regular file; a named pipe is opened
    without waiting for a writer, and refused like a device, socket or folder with a
    :class:`~onderzoekscyclus.errors.FileFormatError` naming ``label``."""
    try:
        fd = os.open(pad, os.O_RDONLY | _NIET_WACHTEN)
    except IsADirectoryError:  # some systems refuse to open a folder at all
        raise _geen_bestand(label) from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _geen_bestand(label)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def lees_invoer(pad: Path, label: str) -> bytes:
    """The bytes of ``pad``, a regular file of at most :data:`GROOTSTE_INVOER` bytes.

    Raises :class:`~onderzoekscyclus.errors.FileFormatError` naming ``label`` when ``pad``
    is no regular file or is larger than that; ``FileNotFoundError`` when it does not exist.
    """
    with open_gewoon(pad, label) as bestand:
        inhoud = bestand.read(GROOTSTE_INVOER + 1)
    if len(inhoud) > GROOTSTE_INVOER:
        raise FileFormatError(
            _("{bestand} is groter dan {grens} MB en wordt niet gelezen.").format(
                bestand=label, grens=GROOTSTE_INVOER // 1_000_000
            ),
            [],
            _("Maak het bestand kleiner, bijvoorbeeld door het in delen te splitsen."),
        )
    return inhoud


def _geen_bestand(label: str) -> FileFormatError:
    return FileFormatError(
        _(
            "{bestand} is geen gewoon bestand (maar bijvoorbeeld een map, een apparaat of "
            "een pijp) en wordt niet gelezen."
        ).format(bestand=label),
        [],
        _("Sla de gegevens eerst op in een gewoon bestand en geef dat bestand op."),
    )
