"""Reading a form tool's export: which column holds which item, and the respondents.

Teams often fill in a checklist with a form tool and export a table: a header row,
then one row per respondent. This module maps such a table onto an
:class:`~onderzoekscyclus.domein.zelfevaluatie.Instrument`, without reading files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from onderzoekscyclus.domein.tekst import vergelijkbaar
from onderzoekscyclus.domein.zelfevaluatie import Instrument, lees_antwoord
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _, ngettext

__all__ = ["kolommen_van", "respondenten_van"]

_LABEL_KOLOMMEN = ("respondent", "label")


def kolommen_van(
    instrument: Instrument, kop: Sequence[str], label: str
) -> tuple[dict[str, tuple[int, str]], int | None, list[str]]:
    """Which column holds which item (index and header), the label column, and the
    headers of the columns that are left out."""
    gevouwen = [vergelijkbaar(k) for k in kop]
    kolommen: dict[str, tuple[int, str]] = {}
    for item in instrument.items():
        tekst = vergelijkbaar(item.tekst).strip(" .…")
        passend = [n for n, k in enumerate(gevouwen) if k == item.id or (tekst and tekst in k)]
        if len(passend) > 1:
            raise InvalidValue(
                _("{bestand}: meer dan één kolom past bij uitspraak {item}: {koppen}.").format(
                    bestand=label, item=item.id, koppen=", ".join(kop[n] for n in passend)
                )
            )
        if passend:
            kolommen[item.id] = (passend[0], kop[passend[0]])
    ontbreekt = [i.id for i in instrument.items() if i.id not in kolommen]
    if ontbreekt:
        raise InvalidValue(
            _("Niets geïmporteerd: {bestand} heeft geen kolom voor {items}.").format(
                bestand=label, items=", ".join(ontbreekt)
            ),
            _("De kopregel noemt per uitspraak het id (zoals {id}) of de tekst ervan.").format(
                id=instrument.items()[0].id
            ),
        )
    label_kolom = next((n for n, k in enumerate(gevouwen) if k in _LABEL_KOLOMMEN), None)
    gebruikt = {n for n, _k in kolommen.values()} | {label_kolom}
    genegeerd = [k for n, k in enumerate(kop) if n not in gebruikt]
    return kolommen, label_kolom, genegeerd


def respondenten_van(
    instrument: Instrument,
    rijen: Sequence[tuple[int, list[str]]],
    kolommen: Mapping[str, tuple[int, str]],
    label_kolom: int | None,
) -> tuple[list[tuple[str | None, dict[str, int], tuple[str, ...]]], list[str]]:
    """Per good row: the label it gives (or None), its answers and the items left open;
    and a line for every problem."""
    breedte = max(n for n, _k in kolommen.values()) + 1
    respondenten: list[tuple[str | None, dict[str, int], tuple[str, ...]]] = []
    problemen: list[str] = []
    labels: dict[str, int] = {}
    for regel, rij in rijen:
        fouten: list[str] = []
        if len(rij) < breedte:
            problemen.append(
                ngettext(
                    "regel {regel}: {n} kolom, maar de kopregel heeft er meer.",
                    "regel {regel}: {n} kolommen, maar de kopregel heeft er meer.",
                    len(rij),
                ).format(regel=regel, n=len(rij))
            )
            continue
        antwoorden: dict[str, int] = {}
        open_: list[str] = []
        for item, (n, kop) in kolommen.items():
            try:
                punt = lees_antwoord(instrument, rij[n])
            except InvalidValue as fout:
                fouten.append(
                    _("regel {regel}, kolom '{kop}': {fout}").format(
                        regel=regel, kop=_kort(kop), fout=fout.bericht
                    )
                )
                continue
            if punt is None:
                open_.append(item)
            else:
                antwoorden[item] = punt
        label = (
            rij[label_kolom].strip() if label_kolom is not None and label_kolom < len(rij) else ""
        )
        if label:
            sleutel = vergelijkbaar(label)
            if sleutel in labels:
                fouten.append(
                    _("regel {regel}: respondent '{label}' staat ook op regel {eerder}.").format(
                        regel=regel, label=label, eerder=labels[sleutel]
                    )
                )
            labels.setdefault(sleutel, regel)
        if not fouten and not antwoorden:
            fouten.append(_("regel {regel}: geen enkel antwoord.").format(regel=regel))
        if fouten:
            problemen.extend(fouten)
            continue
        respondenten.append((label or None, antwoorden, tuple(open_)))
    return respondenten, problemen


def _kort(tekst: str, lengte: int = 40) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"
