"""Public names imported on first use (PEP 562), so quick commands start quickly.

``onderzoekscyclus`` and ``onderzoekscyclus.api`` offer many names; importing them all
would load attrs, cattrs and every module, which ``ozc --version`` and ``ozc log`` do
not need. Each package lists where its names live and imports a module when one of its
names is first used.

A public name that is renamed or removed keeps working for one minor release: the
package lists it in ``verouderd`` (old name -> the new one and the version that
removes it), and using it gives a :class:`DeprecationWarning` that says what to use
instead (see docs/bibliotheek.md, "Stabiliteit").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["op_aanvraag"]


def op_aanvraag(
    pakket: str,
    module_van: Mapping[str, str],
    naamruimte: dict[str, Any],
    verouderd: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``pakket``: a name of ``module_van`` is
    imported from its module when it is first used, then kept in ``naamruimte``.

    A name in ``verouderd`` (``{"OudeNaam": ("NieuweNaam", "0.3.0")}``) still gives
    the new object, with a :class:`DeprecationWarning`; it is never kept, so every use
    warns.
    """

    def getattr_(naam: str) -> Any:
        if verouderd and naam in verouderd:
            import warnings  # noqa: PLC0415 - only when an old name is used

            nieuw, weg_in = verouderd[naam]
            warnings.warn(
                f"{pakket}.{naam} is deprecated and will be removed in {weg_in}; "
                f"use {pakket}.{nieuw}",
                DeprecationWarning,
                stacklevel=2,
            )
            return getattr_(nieuw)
        module = module_van.get(naam)
        if module is None:
            raise AttributeError(f"module {pakket!r} has no attribute {naam!r}")
        waarde = getattr(importlib.import_module(module), naam)
        naamruimte[naam] = waarde
        return waarde

    def dir_() -> list[str]:
        return sorted({*naamruimte.get("__all__", ()), *module_van})

    return getattr_, dir_
