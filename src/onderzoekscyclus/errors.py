"""One exception tree for everything the library refuses.

Every error carries a stable ``code`` (listed in :data:`FOUTCODES`), the data a program
needs (:meth:`OnderzoekscyclusError.als_data`), a message that states what is wrong and,
where there is one, a ``hint``: how to put it right. The texts are in the language of
the call. The CLI prints them and exits with the error's ``exit_code``; a school tool
catches :class:`OnderzoekscyclusError` and decides by ``code``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from onderzoekscyclus.i18n import N_, Taal, huidige_taal, vertaal

__all__ = [
    "FOUTCODES",
    "AmbiguousReference",
    "ExportFailed",
    "FileFormatError",
    "Geweigerd",
    "InvalidValue",
    "Kandidaat",
    "LockTimeout",
    "OnderzoekscyclusError",
    "Reden",
    "SchemaVersionError",
    "UnknownReference",
    "WerkplaatsError",
    "WerkplaatsNotFound",
]


FOUTCODES: dict[str, str] = {
    "fout": N_("een fout zonder nadere code"),
    "waarde.ongeldig": N_("een waarde past niet bij haar veld (`veld` noemt het)"),
    "waarde.toekomst": N_("een datum ligt na vandaag; wat is vastgelegd, is gebeurd"),
    "werkplaats.niet-gevonden": N_("op de opgegeven plek is geen werkplaats"),
    "werkplaats.map-niet-leeg": N_("een nieuwe werkplaats kan alleen in een lege map"),
    "werkplaats.geen-voorbeeld": N_("de map is geen voorbeeldwerkplaats en wordt niet vervangen"),
    "werkplaats.bezet": N_("een ander proces hield de werkplaats te lang bezet"),
    "werkplaats.fout": N_("iets aan de map van de werkplaats zelf klopt niet"),
    "werkplaats.koppeling": N_(
        "een map van de werkplaats is een koppeling naar elders; daar schrijft de bibliotheek niet"
    ),
    "bestand.ontbreekt": N_("een bestand van de werkplaats ontbreekt"),
    "bestand.onleesbaar": N_("een bestand is niet te lezen (`problemen` noemt elk probleem)"),
    "bestand.nieuwer-schema": N_("een bestand is geschreven door een nieuwere versie"),
    "bestand.geen-migratie": N_("er is geen migratie naar het huidige schema"),
    "bestand.conflict": N_(
        "een bestand heeft een conflict van het samenvoegen en wordt pas gewijzigd als het is "
        "opgelost (`ozc conflict kies`)"
    ),
    "git.ontbreekt": N_("git is niet geïnstalleerd"),
    "git.geen-repository": N_("de werkplaats staat niet in een git-repository"),
    "git.geen-remote": N_("de werkplaats heeft geen gedeelde plek (remote) om mee te delen"),
    "git.offline": N_("de gedeelde plek is niet bereikbaar; het eigen werk is vastgelegd"),
    "git.wie": N_("git weet niet wie de wijzigingen vastlegt (user.name, user.email)"),
    "git.samenvoegen": N_("git kan een bestand buiten de werkplaatsbestanden niet samenvoegen"),
    "git.versturen": N_("versturen lukte niet, ook niet na opnieuw ophalen en samenvoegen"),
    "git.mislukt": N_("een git-opdracht lukte niet (de melding zegt wat git zei)"),
    "export.mislukt": N_("een exportformaat faalde; er is niets geschreven"),
    "export.doel-geweigerd": N_(
        "een export gaat niet over een bestand van de werkplaats, een koppeling, apparaat of FIFO"
    ),
    "verwijzing.leeg": N_("er is geen naam of id gegeven"),
    "verwijzing.onbekend": N_(
        "een naam of id verwijst naar niets (`kandidaten` noemt wat erop lijkt)"
    ),
    "verwijzing.dubbelzinnig": N_(
        "een naam past bij meer dan één ding (`kandidaten` noemt ze, met id)"
    ),
    "geweigerd": N_("de regels weigeren de bewerking nu; `redenen` zegt waarom, met codes"),
}
"""Every error code, with what it means. Codes are never renamed, only added."""


class OnderzoekscyclusError(Exception):
    """Base of every error the library raises on purpose.

    ``code`` is a key of :data:`FOUTCODES` (the class gives a default, a raise may be
    more specific); ``bericht`` and ``hint`` are the texts; :meth:`als_data` gives it all
    as plain data.
    """

    exit_code = 1
    code = "fout"

    def __init__(self, bericht: str, hint: str | None = None, *, code: str | None = None) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.hint = hint
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.bericht if self.hint is None else f"{self.bericht}\n{self.hint}"

    def als_data(self) -> dict[str, Any]:
        """The error as JSON-able data: ``code``, ``fout`` (the class), ``bericht``,
        ``hint`` and the fields of its kind (``veld``, ``kandidaten``, ``redenen``, …)."""
        return {
            "code": self.code,
            "fout": type(self).__name__,
            "bericht": self.bericht,
            "hint": self.hint,
            **self._gegevens(),
        }

    def _gegevens(self) -> dict[str, Any]:
        return {}


class InvalidValue(OnderzoekscyclusError, ValueError):
    """A value given by a user or found in a file does not fit its field.

    ``veld`` names the field when it is known, so a file error can point at it.
    """

    exit_code = 2
    code = "waarde.ongeldig"

    def __init__(
        self,
        bericht: str,
        hint: str | None = None,
        *,
        veld: str | None = None,
        code: str | None = None,
    ):
        super().__init__(bericht, hint, code=code)
        self.veld = veld

    def _gegevens(self) -> dict[str, Any]:
        return {"veld": self.veld}


class WerkplaatsError(OnderzoekscyclusError):
    """Something about the werkplaats folder itself is wrong."""

    code = "werkplaats.fout"


class WerkplaatsNotFound(WerkplaatsError):
    """No werkplaats where one was looked for (``zoek_vanaf``: the folder searched up
    from; an attribute only, it is not part of :meth:`als_data`)."""

    code = "werkplaats.niet-gevonden"

    def __init__(self, bericht: str, hint: str | None = None, *, zoek_vanaf: str | None = None):
        super().__init__(bericht, hint)
        self.zoek_vanaf = zoek_vanaf


class FileFormatError(WerkplaatsError):
    """A file of the werkplaats cannot be read: bad TOML, a wrong type, an unknown key.

    ``problemen`` lists every problem found, each naming the file and the path
    inside it (``werkgroepen/x.toml @ $.leden[2].rol: …``).
    """

    code = "bestand.onleesbaar"

    def __init__(self, bericht: str, problemen: Sequence[str], hint: str | None = None) -> None:
        super().__init__(bericht, hint)
        self.problemen = tuple(problemen)

    def _gegevens(self) -> dict[str, Any]:
        return {"problemen": list(self.problemen)}

    def __str__(self) -> str:
        regels = [self.bericht, *(f"  - {p}" for p in self.problemen)]
        if self.hint:
            regels.append(self.hint)
        return "\n".join(regels)


class SchemaVersionError(WerkplaatsError):
    """A file was written by a newer version of onderzoekscyclus than this one."""

    code = "bestand.nieuwer-schema"


class LockTimeout(WerkplaatsError):
    """Another process kept the werkplaats locked for too long."""

    code = "werkplaats.bezet"


class ExportFailed(OnderzoekscyclusError):
    """An export format failed; nothing was written at the target."""

    code = "export.mislukt"


class Kandidaat(NamedTuple):
    """An entity a reference may have meant: its ``id`` and display ``naam``."""

    id: str
    naam: str


class UnknownReference(OnderzoekscyclusError, LookupError):
    """A name or id refers to nothing in the werkplaats.

    ``soort`` names the kind of entity looked for (``"school"``, ``"persoon"``,
    ``"werkgroep"``, ``"besluit"``, ``"cyclus"``, …), ``verwijzing`` what was typed,
    ``kandidaten`` the entities it may have meant (each a :class:`Kandidaat` with its
    id), and ``onderwerp`` and ``onderwerp_id`` the display name and id of the entity it
    was looked for in, if any (the werkgroep of a cycle).
    """

    code = "verwijzing.onbekend"

    def __init__(
        self,
        bericht: str,
        kandidaten: Sequence[Kandidaat] = (),
        hint: str | None = None,
        *,
        soort: str | None = None,
        verwijzing: str | None = None,
        onderwerp: str | None = None,
        onderwerp_id: str | None = None,
        code: str | None = None,
    ):
        super().__init__(bericht, hint, code=code)
        self.kandidaten = tuple(Kandidaat(*k) for k in kandidaten)
        self.soort = soort
        self.verwijzing = verwijzing
        self.onderwerp = onderwerp
        self.onderwerp_id = onderwerp_id

    def _gegevens(self) -> dict[str, Any]:
        return {
            "soort": self.soort,
            "verwijzing": self.verwijzing,
            "onderwerp": self.onderwerp,
            "onderwerp_id": self.onderwerp_id,
            "kandidaten": [k._asdict() for k in self.kandidaten],
        }


class AmbiguousReference(UnknownReference):
    """A name or id prefix matches more than one entity."""

    code = "verwijzing.dubbelzinnig"


class Reden:
    """Why a state machine refuses an operation: a stable ``code`` with its data.

    ``code`` (``"beginsituatie.geen-bron"``) and ``waarden`` are for programs; the text
    is for people, made in the current language when it is read. The codes and their
    texts are listed in :mod:`onderzoekscyclus.domein.redenen`. ``woorden`` holds, for
    some of the ``waarden`` (a phase), the word a person reads instead, in Dutch: the
    text translates it with the rest (``waarden["fase"]`` stays ``"doel"``, the English
    text says "goal").

    .. versionchanged:: 0.2.0 ``woorden``
    """

    __slots__ = ("code", "sjabloon", "taal", "waarden", "woorden")

    def __init__(
        self,
        code: str,
        sjabloon: str,
        waarden: Mapping[str, Any] | None = None,
        woorden: Mapping[str, str] | None = None,
    ):
        self.code = code
        self.sjabloon = sjabloon
        self.waarden = dict(waarden or {})
        self.woorden = dict(woorden or {})
        self.taal = huidige_taal()

    def tekst(self, taal: Taal | None = None) -> str:
        """The reason in ``taal`` (by default the language it was given in), with its
        data filled in."""
        gekozen = taal or self.taal
        woorden = {k: vertaal(w, gekozen) for k, w in self.woorden.items()}
        return vertaal(self.sjabloon, gekozen).format(**{**self.waarden, **woorden})

    def __eq__(self, ander: object) -> bool:
        return isinstance(ander, Reden) and (self.code, self.waarden) == (ander.code, ander.waarden)

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Reden({self.code!r}, {self.waarden!r})"

    def als_data(self) -> dict[str, Any]:
        """``code``, ``waarden`` (JSON-able) and ``tekst``."""
        return {
            "code": self.code,
            "waarden": {k: _json_waarde(w) for k, w in self.waarden.items()},
            "tekst": self.tekst(),
        }

    def __str__(self) -> str:
        return self.tekst()


class Geweigerd(OnderzoekscyclusError):
    """An operation the rules refuse (a state machine, or a rule of the domain).

    ``machine`` names the state machine (``"onderzoekscyclus"``, ``"besluitvorming"``),
    ``operatie`` the operation (``"doel"``), ``toestand`` the state it was asked in,
    ``redenen`` every :class:`Reden` (each with a stable code and its data), and
    ``onderwerp`` and ``onderwerp_id`` the display name and id of what it was about (a
    werkgroep, a besluit), which the library fills in so that a message or hint can
    name it.
    """

    exit_code = 3
    code = "geweigerd"

    def __init__(
        self,
        bericht: str,
        redenen: Sequence[Reden],
        *,
        machine: str | None = None,
        operatie: str | None = None,
        toestand: str | None = None,
        onderwerp: str | None = None,
        onderwerp_id: str | None = None,
    ) -> None:
        super().__init__(bericht)
        self.redenen = tuple(redenen)
        self.machine = machine
        self.operatie = operatie
        self.toestand = toestand
        self.onderwerp = onderwerp
        self.onderwerp_id = onderwerp_id

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of every reason, in order."""
        return tuple(r.code for r in self.redenen)

    def _gegevens(self) -> dict[str, Any]:
        return {
            "machine": self.machine,
            "operatie": self.operatie,
            "toestand": self.toestand,
            "onderwerp": self.onderwerp,
            "onderwerp_id": self.onderwerp_id,
            "redenen": [r.als_data() for r in self.redenen],
        }

    def __str__(self) -> str:
        teksten = [_zin(r.tekst()) for r in self.redenen]
        if len(teksten) == 1:
            return f"{self.bericht}: {teksten[0]}"
        return "\n".join([self.bericht + ":", *(f"  - {t}" for t in teksten)])


def _json_waarde(waarde: Any) -> Any:
    if waarde is None or isinstance(waarde, (str, int, float, bool)):
        return waarde
    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.isoformat()
    if isinstance(waarde, (list, tuple)):
        return [_json_waarde(w) for w in waarde]
    return str(waarde)


def _zin(tekst: str) -> str:
    return tekst if tekst.endswith((".", "?", "!")) else tekst + "."
