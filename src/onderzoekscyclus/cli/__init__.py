"""The ``ozc`` command: a thin click layer over the library.

The language is chosen before any command module is imported, so help texts, our
messages and click's own messages all appear in the chosen language.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Sequence

from onderzoekscyclus.cli._taal import kies_cli_taal

__all__ = ["kies_cli_taal", "main"]


def _gestopt(signaal: int, _frame: object) -> None:
    # a stop request (SIGTERM, a closed terminal) unwinds like Ctrl-C does, so every
    # temporary file and folder is removed on the way out
    raise SystemExit(128 + signaal)


def main(args: Sequence[str] | None = None) -> None:
    """Entry point of ``ozc`` and ``python -m onderzoekscyclus``."""
    argumenten = list(sys.argv[1:] if args is None else args)
    for naam in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, naam):
            signal.signal(getattr(signal, naam), _gestopt)
    kies_cli_taal(argumenten)
    from onderzoekscyclus.cli._root import ozc  # noqa: PLC0415 - after the language is set

    ozc.main(args=argumenten, prog_name="ozc")
