"""An exclusive lock on the werkplaats, shared by every thread and every ``ozc`` process.

The standard library's ``fcntl.flock`` (POSIX) and ``msvcrt.locking`` (Windows) do
the work between processes; the operating system releases the lock when a process
dies, so a crash never leaves the werkplaats locked. Between the threads of one
process a re-entrant thread lock comes first: a second thread waits instead of
slipping through a lock its process already holds.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path
from types import TracebackType

from onderzoekscyclus.errors import LockTimeout
from onderzoekscyclus.i18n import _


class WerkplaatsLock:
    """A lock on one lock file: re-entrant within a thread, exclusive between threads
    and between processes."""

    def __init__(self, pad: Path, timeout: float = 60.0) -> None:
        self.pad = pad
        self.timeout = timeout
        self._fd: int | None = None
        self._diepte = 0
        self._draad = threading.RLock()

    @property
    def diepte(self) -> int:
        """How many times the current holder entered the lock (0: not held)."""
        return self._diepte

    def __enter__(self) -> WerkplaatsLock:
        if not self._draad.acquire(timeout=self.timeout):
            raise _bezet(self.timeout)
        if self._diepte == 0:
            try:
                self._verkrijg()
            except BaseException:
                self._draad.release()
                raise
        self._diepte += 1
        return self

    def __exit__(
        self,
        soort: type[BaseException] | None,
        fout: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._diepte -= 1
        if self._diepte == 0:
            self._geef_vrij()
        self._draad.release()

    def _verkrijg(self) -> None:
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.pad, os.O_RDWR | os.O_CREAT, 0o666)
        einde = time.monotonic() + self.timeout
        wacht = 0.001
        while not _probeer(fd):
            if time.monotonic() >= einde:
                os.close(fd)
                raise _bezet(self.timeout)
            time.sleep(wacht)
            wacht = min(wacht * 2, 0.05)
        self._fd = fd

    def _geef_vrij(self) -> None:
        if self._fd is not None:
            _ontgrendel(self._fd)
            os.close(self._fd)
            self._fd = None


def _bezet(timeout: float) -> LockTimeout:
    return LockTimeout(
        _("De werkplaats is al {s:.0f} seconden bezet door een ander proces.").format(s=timeout),
        _("Wacht tot dat klaar is en probeer het opnieuw."),
    )


if sys.platform == "win32":
    import msvcrt

    def _probeer(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _ontgrendel(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _probeer(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _ontgrendel(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
