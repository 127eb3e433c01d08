"""One exception tree for everything the library refuses.

Every error carries a message that states what is wrong and, where there is one,
a ``hint``: how to put it right. The CLI prints both and exits with the error's
``exit_code``; a school tool can catch :class:`OnderzoekscyclusError` and show
the same texts.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "AmbiguousReference",
    "ExportFailed",
    "FileFormatError",
    "InvalidValue",
    "LockTimeout",
    "OnderzoekscyclusError",
    "SchemaVersionError",
    "UnknownReference",
    "WerkplaatsError",
    "WerkplaatsNotFound",
]


class OnderzoekscyclusError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1

    def __init__(self, bericht: str, hint: str | None = None) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.hint = hint

    def __str__(self) -> str:
        return self.bericht if self.hint is None else f"{self.bericht}\n{self.hint}"


class InvalidValue(OnderzoekscyclusError, ValueError):
    """A value given by a user or found in a file does not fit its field.

    ``veld`` names the field when it is known, so a file error can point at it.
    """

    exit_code = 2

    def __init__(self, bericht: str, hint: str | None = None, *, veld: str | None = None):
        super().__init__(bericht, hint)
        self.veld = veld


class WerkplaatsError(OnderzoekscyclusError):
    """Something about the werkplaats folder itself is wrong."""


class WerkplaatsNotFound(WerkplaatsError):
    """No werkplaats where one was looked for."""


class FileFormatError(WerkplaatsError):
    """A file of the werkplaats cannot be read: bad TOML, a wrong type, an unknown key.

    ``problemen`` lists every problem found, each naming the file and the path
    inside it (``werkgroepen/x.toml @ $.leden[2].rol: …``).
    """

    def __init__(self, bericht: str, problemen: Sequence[str], hint: str | None = None) -> None:
        super().__init__(bericht, hint)
        self.problemen = tuple(problemen)

    def __str__(self) -> str:
        regels = [self.bericht, *(f"  - {p}" for p in self.problemen)]
        if self.hint:
            regels.append(self.hint)
        return "\n".join(regels)


class SchemaVersionError(WerkplaatsError):
    """A file was written by a newer version of onderzoekscyclus than this one."""


class LockTimeout(WerkplaatsError):
    """Another process kept the werkplaats locked for too long."""


class ExportFailed(OnderzoekscyclusError):
    """An export format failed; nothing was written at the target."""


class UnknownReference(OnderzoekscyclusError, LookupError):
    """A name or id refers to nothing in the werkplaats."""

    def __init__(self, bericht: str, kandidaten: Sequence[str] = (), hint: str | None = None):
        super().__init__(bericht, hint)
        self.kandidaten = tuple(kandidaten)


class AmbiguousReference(UnknownReference):
    """A name or id prefix matches more than one entity."""
