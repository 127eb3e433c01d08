"""Writing in a werkgroep's logboek: the most frequent write, kept light.

A werkgroep logs often, so ``ozc log`` must start fast and, in a partnership of
thousands of schools, touch one file only: the werkgroep is found by name through the
derived index (:mod:`onderzoekscyclus.opslag.index`), the new line is checked by the
domain's rule (:func:`onderzoekscyclus.domein.logboek.logregel`) and appended to the
raw data of the werkgroep file through the one writer
(:class:`~onderzoekscyclus.opslag.schrijver.Schrijver`): under the lock, migrated,
version-stamped, atomic, the index told. The rest of the file is kept exactly as it is;
no domain class is built, which is what keeps ``ozc log`` quick.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from onderzoekscyclus.domein.logboek import logregel
from onderzoekscyclus.errors import FileFormatError, UnknownReference
from onderzoekscyclus.i18n import _
from onderzoekscyclus.opslag.schrijver import Schrijver
from onderzoekscyclus.opslag.zoeken import kies

__all__ = ["corrigeer_logregel", "voeg_logregel_toe"]


def voeg_logregel_toe(
    schrijver: Schrijver,
    werkgroep: str,
    tekst: str,
    *,
    vandaag: dt.date,
    auteur: str | None = None,
    datum: dt.date | None = None,
) -> dict[str, Any]:
    """Append a line to the logboek of ``werkgroep`` (a name, prefix or id).

    ``auteur`` is a person's name, prefix or id; ``datum`` defaults to ``vandaag``.
    Returns the line as stored: ``{"datum": …, "tekst": …, "auteur": …}``.
    """
    groep_id = kies(schrijver.root, "werkgroepen", werkgroep, "werkgroep")[0]
    auteur_id = kies(schrijver.root, "personen", auteur, "persoon")[0] if auteur else None
    regel = logregel(tekst, datum=datum, vandaag=vandaag, auteur=auteur_id)
    label = f"werkgroepen/{groep_id}.toml"

    def voeg_toe(data: dict[str, Any]) -> dict[str, Any]:
        logboek = data.setdefault("logboek", [])
        if not isinstance(logboek, list):
            raise FileFormatError(
                _("{bestand} kan niet gelezen worden:").format(bestand=label),
                [f"{label} @ $.logboek: " + _("verwacht een lijst")],
            )
        logboek.append(regel)
        return data

    schrijver.wijzig_ruw("werkgroepen", groep_id, voeg_toe)
    return regel


def corrigeer_logregel(
    schrijver: Schrijver,
    werkgroep: str,
    nummer: int,
    *,
    vandaag: dt.date,
    tekst: str | None = None,
    datum: dt.date | None = None,
    verwijder: bool = False,
) -> dict[str, Any]:
    """Change (``tekst``, ``datum``) or remove line ``nummer`` (1 is the first line
    written) of the logboek of ``werkgroep``; the same rule as for a new line applies.
    Returns the line as it was."""
    groep_id = kies(schrijver.root, "werkgroepen", werkgroep, "werkgroep")[0]
    oud: dict[str, Any] = {}

    def pas_aan(data: dict[str, Any]) -> dict[str, Any]:
        logboek = data.get("logboek", [])
        if not isinstance(logboek, list) or not 1 <= nummer <= len(logboek):
            raise UnknownReference(
                _("Het logboek heeft geen regel {nummer} (wel 1 tot en met {n}).").format(
                    nummer=nummer, n=len(logboek) if isinstance(logboek, list) else 0
                ),
                hint=_("`ozc log WERKGROEP` laat de regels met hun nummer zien."),
                soort="logregel",
                verwijzing=str(nummer),
            )
        oud.update(logboek[nummer - 1])
        if verwijder:
            del logboek[nummer - 1]
        else:
            nieuw = logregel(
                tekst if tekst is not None else oud["tekst"],
                datum=datum if datum is not None else oud["datum"],
                vandaag=vandaag,
                auteur=oud.get("auteur"),
            )
            if "id" in oud:
                nieuw["id"] = oud["id"]  # a corrected line is the same line in every clone
            logboek[nummer - 1] = nieuw
        if not logboek:
            data.pop("logboek", None)
        return data

    schrijver.wijzig_ruw("werkgroepen", groep_id, pas_aan)
    return oud
