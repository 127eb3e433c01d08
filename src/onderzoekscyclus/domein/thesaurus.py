"""The thesaurus of education themes: preferred labels, synonyms and broader themes.

Werkgroepen, speerpunten and expertise are free text ("Begrijpend Lezen",
"hoogbegaafdheid", "W&T"). A partnership can only find schools on the same theme when
that text lands on one canonical theme, so every comparison goes through
:meth:`Thesaurus.sleutel`: case, accents, spacing and hyphens do not count, and a
synonym counts as its preferred label. The stored text is never rewritten: when a
theme gains a synonym later, existing werkgroepen are found under it at once.

The package ships ``data/thesaurus.toml``; a werkplaats adds themes or synonyms in
its own ``thesaurus.toml`` at its root, in the same format (the store reads both:
:mod:`onderzoekscyclus.opslag.thesaurus`)::

    schema = "1.0"

    [thema."kanjertraining"]
    breder = "sociale veiligheid"
    synoniemen = ["kanjer"]

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.errors import FileFormatError
from onderzoekscyclus.i18n import _

__all__ = ["THESAURUSBESTAND", "Thema", "Thesaurus", "fout", "normaliseer", "uitgebreid", "vorm"]

THESAURUSBESTAND = "thesaurus.toml"
"""The werkplaats' own additions, at its root."""

_SCHEIDING = re.compile(r"[-_/]+")
_VELDEN = frozenset({"breder", "synoniemen"})


def normaliseer(tekst: str) -> str:
    """The form two theme texts are compared in: ``"Sociaal-Emotionele  ontwikkeling"``
    and ``"sociaal emotionele ontwikkeling"`` are the same."""
    return " ".join(_SCHEIDING.sub(" ", vergelijkbaar(tekst)).split())


@attrs.frozen
class Thema:
    """A canonical theme: its preferred label, synonyms and broader theme."""

    label: str
    breder: str | None = None
    synoniemen: tuple[str, ...] = ()
    eigen: bool = False
    """Whether it comes from (or was extended by) the werkplaats' own thesaurus."""


class Thesaurus:
    """Canonical themes, and the way from free text to them."""

    def __init__(self, themas: Iterable[Thema]) -> None:
        self._themas: dict[str, Thema] = {normaliseer(t.label): t for t in themas}
        self._termen: dict[str, str] = {}
        for sleutel, thema in self._themas.items():
            self._termen[sleutel] = sleutel
            for synoniem in thema.synoniemen:
                self._termen.setdefault(normaliseer(synoniem), sleutel)
        self._smaller: dict[str, list[str]] = {}
        for sleutel, thema in self._themas.items():
            if thema.breder is not None:
                self._smaller.setdefault(normaliseer(thema.breder), []).append(sleutel)

    # --- looking up --------------------------------------------------------------------

    def __iter__(self) -> Any:
        return iter(sorted(self._themas.values(), key=lambda t: normaliseer(t.label)))

    def __len__(self) -> int:
        return len(self._themas)

    def zoek(self, tekst: str) -> Thema | None:
        """The theme ``tekst`` names (its label or a synonym), if the thesaurus knows it."""
        sleutel = self._termen.get(normaliseer(tekst))
        return self._themas[sleutel] if sleutel is not None else None

    def sleutel(self, tekst: str) -> str:
        """What ``tekst`` is compared by: its theme's key, or the text itself normalised."""
        gevouwen = normaliseer(tekst)
        return self._termen.get(gevouwen, gevouwen)

    def label(self, tekst: str) -> str:
        """The preferred label for ``tekst``, or the text itself if it is no known theme."""
        thema = self.zoek(tekst)
        return thema.label if thema else " ".join(tekst.split())

    def smaller(self, tekst: str) -> tuple[Thema, ...]:
        """The themes directly below ``tekst``'s theme."""
        return tuple(
            sorted(
                (self._themas[s] for s in self._smaller.get(self.sleutel(tekst), ())),
                key=lambda t: normaliseer(t.label),
            )
        )

    def omvat(self, tekst: str) -> set[str]:
        """The keys of ``tekst``'s theme and of every theme below it."""
        begin = self.sleutel(tekst)
        uit, te_doen = set(), [begin]
        while te_doen:
            sleutel = te_doen.pop()
            if sleutel not in uit:
                uit.add(sleutel)
                te_doen.extend(self._smaller.get(sleutel, ()))
        return uit

    def themas_in(self, tekst: str) -> set[str]:
        """The keys of every theme named in ``tekst``, a free text such as "Rekenen met
        concreet materiaal": the whole text, and every run of up to four of its words
        that is a label or synonym ("rekenen"). Unknown text is its own key.

        .. versionadded:: 0.2.0
        """
        woorden = normaliseer(tekst).split()
        uit = {self.sleutel(tekst)}
        for lengte in range(1, min(4, len(woorden)) + 1):
            for begin in range(len(woorden) - lengte + 1):
                sleutel = self._termen.get(" ".join(woorden[begin : begin + lengte]))
                if sleutel is not None:
                    uit.add(sleutel)
        return uit

    def verwant(self, tekst: str) -> set[str]:
        """The keys of ``tekst``'s theme, of every theme below it and of every theme
        above it: what a school proud of a broader or narrower theme can show.

        .. versionadded:: 0.2.0
        """
        uit = self.omvat(tekst)
        sleutel = self.sleutel(tekst)
        while (thema := self._themas.get(sleutel)) is not None and thema.breder is not None:
            sleutel = normaliseer(thema.breder)
            if sleutel in uit:
                break
            uit.add(sleutel)
        return uit

    def suggesties(self, tekst: str, extra: Iterable[str] = (), n: int = 3) -> list[str]:
        """Known themes that look like ``tekst`` (for "bedoelde u …?")."""
        kandidaten: dict[str, str] = {}
        for term, sleutel in self._termen.items():
            kandidaten.setdefault(term, self._themas[sleutel].label)
        for woord in extra:
            kandidaten.setdefault(normaliseer(woord), self.label(woord))
        import difflib  # noqa: PLC0415 - only for a theme not found

        gezocht = normaliseer(tekst)
        gevonden = difflib.get_close_matches(gezocht, list(kandidaten), n=n * 3, cutoff=0.6)
        # a word that starts the same way is a likely candidate too ("ontwikkelingsv")
        if not gevonden and len(gezocht) >= 4:
            gevonden = sorted(k for k in kandidaten if k.startswith(gezocht))
        return list(dict.fromkeys(kandidaten[k] for k in gevonden))[:n]


# --- checking the entries of thesaurus files -------------------------------------------------


def fout(label: str, problemen: list[str]) -> FileFormatError:
    """The error for a thesaurus file with ``problemen``."""
    return FileFormatError(
        _("{bestand} kan niet gelezen worden:").format(bestand=label),
        problemen,
        _(
            'Elk thema staat als [thema."naam"] met eventueel breder = "…" en synoniemen = ["…"]; '
            "zie docs/thema.md."
        ),
    )


def vorm(data: Mapping[str, Any], label: str) -> dict[str, dict[str, Any]]:
    """The entries of a thesaurus file's data, checked for form; every problem is listed."""
    problemen = [
        f"{label} @ $.{sleutel}: " + _("onbekende sleutel; verwacht alleen 'schema' en 'thema'")
        for sleutel in sorted(set(data) - {"thema"})
    ]
    themas = data.get("thema", {})
    if not isinstance(themas, dict):
        raise fout(label, [f"{label} @ $.thema: " + _('verwacht tabellen [thema."naam"]')])
    for naam, velden in themas.items():
        plek = f'{label} @ $.thema."{naam}"'
        if not normaliseer(naam):
            problemen.append(f"{plek}: " + _("de naam van een thema mag niet leeg zijn"))
        if not isinstance(velden, dict):
            problemen.append(f"{plek}: " + _("verwacht een tabel met breder en synoniemen"))
            continue
        for onbekend in sorted(set(velden) - _VELDEN):
            problemen.append(
                f"{plek}.{onbekend}: "
                + _("onbekende sleutel; verwacht alleen 'breder' en 'synoniemen'")
            )
        breder = velden.get("breder")
        if breder is not None and (not isinstance(breder, str) or not normaliseer(breder)):
            problemen.append(f"{plek}.breder: " + _("verwacht de naam van een thema (tekst)"))
        synoniemen = velden.get("synoniemen", [])
        if not isinstance(synoniemen, list) or not all(
            isinstance(s, str) and normaliseer(s) for s in synoniemen
        ):
            problemen.append(f"{plek}.synoniemen: " + _("verwacht een lijst met tekst"))
    if problemen:
        raise fout(label, problemen)
    return themas


def uitgebreid(
    basis: Mapping[str, Thema], nieuw: Mapping[str, Mapping[str, Any]], label: str
) -> dict[str, Thema]:
    """``basis`` with the entries of a file added; checks names, broader themes and cycles.

    ``label`` names the file in messages; the entries of the werkplaats' own file
    (:data:`THESAURUSBESTAND`) are marked ``eigen``.
    """
    eigen = bool(label) and label == THESAURUSBESTAND
    themas = dict(basis)
    termen = {normaliseer(s): k for k, t in basis.items() for s in (t.label, *t.synoniemen)}
    problemen: list[str] = []
    for naam, velden in nieuw.items():
        plek = f'{label} @ $.thema."{naam}"' if label else f'$.thema."{naam}"'
        sleutel = normaliseer(naam)
        synoniemen = tuple(" ".join(s.split()) for s in velden.get("synoniemen", []))
        breder = velden.get("breder")
        if sleutel in themas:
            oud = themas[sleutel]
            erbij = tuple(s for s in synoniemen if normaliseer(s) not in termen)
            themas[sleutel] = attrs.evolve(
                oud,
                breder=breder if breder is not None else oud.breder,
                synoniemen=(*oud.synoniemen, *erbij),
                eigen=eigen,
            )
            synoniemen = erbij
        elif sleutel in termen:
            ander = themas[termen[sleutel]].label
            problemen.append(
                f"{plek}: "
                + _(
                    "'{naam}' is al een synoniem van '{ander}'; voeg synoniemen toe onder "
                    '[thema."{ander}"] of kies een andere naam'
                ).format(naam=naam, ander=ander)
            )
            continue
        else:
            themas[sleutel] = Thema(
                label=" ".join(naam.split()), breder=breder, synoniemen=synoniemen, eigen=eigen
            )
            termen[sleutel] = sleutel
        for synoniem in synoniemen:
            bezet = termen.setdefault(normaliseer(synoniem), sleutel)
            if bezet != sleutel:
                problemen.append(
                    f"{plek}.synoniemen: "
                    + _("'{synoniem}' hoort al bij het thema '{ander}'").format(
                        synoniem=synoniem, ander=themas[bezet].label
                    )
                )
    problemen.extend(_bredere_problemen(themas, label))
    if problemen:
        raise fout(label or "thesaurus", problemen)
    return themas


def _bredere_problemen(themas: Mapping[str, Thema], label: str) -> list[str]:
    """Broader themes that do not exist, and themes that fall under themselves."""
    problemen = []
    for sleutel, thema in themas.items():
        if thema.breder is None:
            continue
        plek = f'{label} @ $.thema."{thema.label}".breder' if label else thema.label
        if normaliseer(thema.breder) not in themas:
            problemen.append(
                f"{plek}: "
                + _("het bredere thema '{breder}' bestaat niet in de thesaurus").format(
                    breder=thema.breder
                )
            )
        elif _in_kring(themas, sleutel):
            problemen.append(
                f"{plek}: "
                + _("'{naam}' valt (via andere thema's) onder zichzelf").format(naam=thema.label)
            )
    return problemen


def _in_kring(themas: Mapping[str, Thema], begin: str) -> bool:
    gezien = {begin}
    huidig = themas[begin].breder
    while huidig is not None:
        sleutel = normaliseer(huidig)
        if sleutel == begin:
            return True
        if sleutel in gezien or sleutel not in themas:
            return False
        gezien.add(sleutel)
        huidig = themas[sleutel].breder
    return False
