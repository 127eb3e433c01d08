"""A counter on standard error while many files are read (the index, ``controleer``).

On a terminal it shows at once and rewrites its line; in a log it writes a line now and
then, and only when the work takes longer than a second. Below 200 files it is silent.
Only the standard library: ``ozc log`` may load it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

__all__ = ["Voortgang"]


class Voortgang:
    """Count ``totaal`` files; ``bezig(n, totaal)`` and ``klaar(totaal)`` give the texts."""

    def __init__(
        self,
        totaal: int,
        *,
        actief: bool,
        bezig: Callable[[int, int], str],
        klaar: Callable[[int], str],
    ) -> None:
        self.totaal = totaal
        self.actief = actief and totaal >= 200
        self.bezig = bezig
        self.klaar_tekst = klaar
        self.begin = time.monotonic()
        self.vorige = 0.0
        self.n = 0
        self.getoond = False
        self.terminal = sys.stderr.isatty()

    def stap(self, n: int = 1) -> None:
        """``n`` more files read."""
        self.n += n
        if not self.actief:
            return
        nu = time.monotonic()
        # on a terminal the line is rewritten in place; in a log, a line now and then
        tussenpoos = 0.2 if self.terminal else 5.0
        if (self.terminal or nu - self.begin > 1.0) and nu - self.vorige > tussenpoos:
            self.vorige = nu
            self.getoond = True
            sys.stderr.write(self.bezig(self.n, self.totaal) + ("\r" if self.terminal else "\n"))
            sys.stderr.flush()

    def klaar(self) -> None:
        """The work is done: say so, when the counter was shown."""
        if self.getoond:
            sys.stderr.write(self.klaar_tekst(self.totaal) + "\n")
            sys.stderr.flush()
