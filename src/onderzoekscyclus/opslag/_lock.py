"""An exclusive lock on the werkplaats, shared by every thread and every ``ozc`` process.

The standard library's ``fcntl.flock`` (POSIX) and ``msvcrt.locking`` (Windows) do
the work between processes; the operating system releases the lock when a process
dies, so a crash never leaves the werkplaats locked. Between the threads of one
process a re-entrant thread lock comes first: a second thread waits instead of
slipping through a lock its process already holds.

The library prints nothing while it waits. A program that wants to tell its user why
nothing happens (the CLI does) sets a callback with :func:`bij_wachten`: it is called
once when a lock in that context has waited :data:`MELDEN_NA` seconds for another
process.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

from onderzoekscyclus.errors import LockTimeout
from onderzoekscyclus.i18n import _

Wachtmelding = Callable[[float], None]
"""Called with the timeout (in seconds) when a lock starts to wait for another process."""

MELDEN_NA = 1.0
"""Seconds of waiting before the :func:`bij_wachten` callback is called."""

_wachtmelding: contextvars.ContextVar[Wachtmelding | None] = contextvars.ContextVar(
    "onderzoekscyclus_wachtmelding", default=None
)


@contextlib.contextmanager
def bij_wachten(melding: Wachtmelding) -> Iterator[None]:
    """Inside the ``with`` block (in this thread or task), a lock that waits
    :data:`MELDEN_NA` seconds for another process calls ``melding(timeout)``, once per
    wait; the library itself never prints."""
    teken = _wachtmelding.set(melding)
    try:
        yield
    finally:
        _wachtmelding.reset(teken)


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
        try:
            self._wacht_op(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _wacht_op(self, fd: int) -> None:
        begin = time.monotonic()
        melding = _wachtmelding.get()
        wacht = 0.001
        while not _probeer(fd):
            gewacht = time.monotonic() - begin
            if gewacht >= self.timeout:
                raise _bezet(self.timeout)
            if melding is not None and gewacht >= MELDEN_NA:
                melding(self.timeout)
                melding = None
            time.sleep(wacht)
            wacht = min(wacht * 2, 0.05)

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
