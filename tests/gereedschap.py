"""The scripts in tools/, loaded by path for the tests (tools/ is not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parent.parent / "tools"


def laad(naam: str) -> ModuleType:
    """A fresh copy of ``tools/<naam>.py`` (a test may change its globals)."""
    spec = importlib.util.spec_from_file_location(f"tools_{naam}", TOOLS / f"{naam}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
