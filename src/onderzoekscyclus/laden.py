"""Public names imported on first use (PEP 562), so quick commands start quickly.

``onderzoekscyclus`` and ``onderzoekscyclus.api`` offer many names; importing them all
would load attrs, cattrs and every module, which ``ozc --version`` and ``ozc log`` do
not need. Each package lists where its names live and imports a module when one of its
names is first used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["op_aanvraag"]


def op_aanvraag(
    pakket: str, module_van: Mapping[str, str], naamruimte: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``pakket``: a name of ``module_van`` is
    imported from its module when it is first used, then kept in ``naamruimte``."""

    def getattr_(naam: str) -> Any:
        module = module_van.get(naam)
        if module is None:
            raise AttributeError(f"module {pakket!r} has no attribute {naam!r}")
        waarde = getattr(importlib.import_module(module), naam)
        naamruimte[naam] = waarde
        return waarde

    def dir_() -> list[str]:
        return sorted({*naamruimte.get("__all__", ()), *module_van})

    return getattr_, dir_
