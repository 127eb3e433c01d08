"""Writing a file so that a crash leaves either the old or the new content."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

TMP_PREFIX = ".ozc-"
TMP_SUFFIX = ".tmp"


def write_atomic(pad: Path, inhoud: bytes) -> None:
    """Replace ``pad`` with ``inhoud`` atomically and durably.

    The bytes go to a temporary file in the same folder (so ``os.replace`` stays on
    one file system), which is flushed to disk before it takes the place of ``pad``;
    then the folder itself is synced so the new name survives a power cut. A file that
    was there keeps its permissions and, where allowed, its group: a file someone made
    private (0600) stays private.
    """
    tijdelijk = pad.with_name(f"{TMP_PREFIX}{pad.name}.{os.urandom(4).hex()}{TMP_SUFFIX}")
    try:
        was = pad.lstat()
    except FileNotFoundError:
        was = None
    # O_EXCL: never follow or reuse someone else's file; 0o666 lets the umask decide
    fd = os.open(
        tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
    )
    try:
        if was is not None and stat.S_ISREG(was.st_mode):
            _neem_rechten_over(fd, was)
        with os.fdopen(fd, "wb") as bestand:
            bestand.write(inhoud)
            bestand.flush()
            os.fsync(bestand.fileno())
        os.replace(tijdelijk, pad)  # noqa: PTH105 - the name the design and docs use
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tijdelijk.unlink()
        raise
    fsync_folder(pad.parent)


def _neem_rechten_over(fd: int, was: os.stat_result) -> None:
    if os.name == "nt":
        return
    os.fchmod(fd, stat.S_IMODE(was.st_mode))
    with contextlib.suppress(PermissionError):  # only an owner in that group may
        os.fchown(fd, -1, was.st_gid)


def fsync_folder(map_: Path) -> None:
    """Flush a folder's entries to disk (a no-op where folders cannot be opened)."""
    if os.name == "nt":
        return
    fd = os.open(map_, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sweep_temporaries(mappen: list[Path]) -> list[Path]:
    """Remove temporary files a crashed writer left behind; call only under the lock."""
    weg: list[Path] = []
    for map_ in mappen:
        for pad in map_.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):
            with contextlib.suppress(FileNotFoundError):
                pad.unlink()
                weg.append(pad)
    return weg
