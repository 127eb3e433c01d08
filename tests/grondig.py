"""How thorough a test run is: quick by default, long with ``OZC_GRONDIG=1``.

The README's test command stays within a few minutes on a 2-core machine. Before a
release, or after touching the state machines, the store or the index, run::

    OZC_GRONDIG=1 .venv/bin/python -m pytest

which gives every Hypothesis test ten times the examples and the crash test many more
kills (about half an hour). ``OZC_STATEFUL_VOORBEELDEN=N`` sets the examples of the
stateful tests alone.
"""

from __future__ import annotations

import os

GRONDIG = os.environ.get("OZC_GRONDIG", "") not in ("", "0")


def voorbeelden(snel: int, grondig: int | None = None) -> int:
    """``snel`` in a normal run; ``grondig`` (default ten times ``snel``) in a long one."""
    if not GRONDIG:
        return snel
    return grondig if grondig is not None else snel * 10
