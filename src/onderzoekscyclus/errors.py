"""One exception tree for everything the library refuses.

Every error carries a message that states what is wrong and, where there is one,
a ``hint``: how to put it right. The CLI prints both and exits with the error's
``exit_code``; a school tool can catch :class:`OnderzoekscyclusError` and show
the same texts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from onderzoekscyclus.i18n import Taal, huidige_taal, vertaal

__all__ = [
    "AmbiguousReference",
    "ExportFailed",
    "FileFormatError",
    "Geweigerd",
    "InvalidValue",
    "LockTimeout",
    "OnderzoekscyclusError",
    "Reden",
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
    """No werkplaats where one was looked for (``zoek_vanaf``: the folder searched up from)."""

    def __init__(self, bericht: str, hint: str | None = None, *, zoek_vanaf: str | None = None):
        super().__init__(bericht, hint)
        self.zoek_vanaf = zoek_vanaf


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
    """A name or id refers to nothing in the werkplaats.

    ``soort`` names the kind of entity looked for (``"school"``, ``"persoon"``,
    ``"werkgroep"``, ``"besluit"``, ``"cyclus"``, …), ``verwijzing`` what was typed,
    ``kandidaten`` the entities it may have meant, and ``onderwerp`` the entity it was
    looked for in, if any (the werkgroep of a cycle).
    """

    def __init__(
        self,
        bericht: str,
        kandidaten: Sequence[str] = (),
        hint: str | None = None,
        *,
        soort: str | None = None,
        verwijzing: str | None = None,
        onderwerp: str | None = None,
    ):
        super().__init__(bericht, hint)
        self.kandidaten = tuple(kandidaten)
        self.soort = soort
        self.verwijzing = verwijzing
        self.onderwerp = onderwerp


class AmbiguousReference(UnknownReference):
    """A name or id prefix matches more than one entity."""


class Reden:
    """Why a state machine refuses an operation: a stable ``code`` with its data.

    ``code`` (``"beginsituatie.geen-bron"``) and ``waarden`` are for programs; the text
    is for people, made in the current language when it is read. The codes and their
    texts are listed in :mod:`onderzoekscyclus.domein.redenen`.
    """

    __slots__ = ("code", "sjabloon", "taal", "waarden")

    def __init__(self, code: str, sjabloon: str, waarden: Mapping[str, Any] | None = None):
        self.code = code
        self.sjabloon = sjabloon
        self.waarden = dict(waarden or {})
        self.taal = huidige_taal()

    def tekst(self, taal: Taal | None = None) -> str:
        """The reason in ``taal`` (by default the language it was given in), with its
        data filled in."""
        return vertaal(self.sjabloon, taal or self.taal).format(**self.waarden)

    def __eq__(self, ander: object) -> bool:
        return isinstance(ander, Reden) and (self.code, self.waarden) == (ander.code, ander.waarden)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Reden({self.code!r}, {self.waarden!r})"

    def __str__(self) -> str:
        return self.tekst()


class Geweigerd(OnderzoekscyclusError):
    """An operation the rules refuse (a state machine, or a rule of the domain).

    ``machine`` names the state machine (``"onderzoekscyclus"``, ``"besluitvorming"``),
    ``operatie`` the operation (``"doel"``), ``toestand`` the state it was asked in,
    ``redenen`` every :class:`Reden` (each with a stable code and its data), and
    ``onderwerp`` the display name of what it was about (a werkgroep, a besluit), which
    the library fills in so that a message or hint can name it.
    """

    exit_code = 3

    def __init__(
        self,
        bericht: str,
        redenen: Sequence[Reden],
        *,
        machine: str | None = None,
        operatie: str | None = None,
        toestand: str | None = None,
        onderwerp: str | None = None,
    ) -> None:
        super().__init__(bericht)
        self.redenen = tuple(redenen)
        self.machine = machine
        self.operatie = operatie
        self.toestand = toestand
        self.onderwerp = onderwerp

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of every reason, in order."""
        return tuple(r.code for r in self.redenen)

    def __str__(self) -> str:
        teksten = [_zin(r.tekst()) for r in self.redenen]
        if len(teksten) == 1:
            return f"{self.bericht}: {teksten[0]}"
        return "\n".join([self.bericht + ":", *(f"  - {t}" for t in teksten)])


def _zin(tekst: str) -> str:
    return tekst if tekst.endswith((".", "?", "!")) else tekst + "."
