"""The public interface for exports and export plugins.

A plugin imports only from here (and from :mod:`onderzoekscyclus`): the protocol an
exporter follows (:class:`Exporteur`), the data it gets (:class:`Exportgegevens`), the
kinds of entity (:data:`MAPPEN`), plain data for any object (:func:`als_data`), safe
text for spreadsheets (:func:`neutraliseer`), the shared way to write numbers and
dates (:mod:`onderzoekscyclus.opmaak`, re-exported here), and the run chart of an
indicator with its text alternative and data table (:mod:`onderzoekscyclus.export.grafiek`). See ``docs/plugins.md``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from onderzoekscyclus.export.formaten.veilig import GEVAARLIJK, neutraliseer
from onderzoekscyclus.export.gegevens import (
    MAPPEN,
    Exporteur,
    Exportgegevens,
    Exportresultaat,
    Selectie,
    als_data,
    kies_selectie,
    verzamel,
)
from onderzoekscyclus.export.grafiek import (
    Grafiekgegevens,
    grafiekgegevens,
    svg_in_html,
    tabel,
    teken,
    tekstalternatief,
)
from onderzoekscyclus.export.pseudoniem import (
    MIN_SLEUTEL,
    pseudoniem,
    pseudoniem_id,
    pseudonimiseer,
    sleutel_uit,
)
from onderzoekscyclus.export.schrijven import (
    exporteer,
    exporteurs,
    exportgegevens,
    kapotte_exporteurs,
    kies_exporteur,
)
from onderzoekscyclus.opmaak import getal, korte_datum, lange_datum, met_eenheid, verschil

__all__ = [
    "GEVAARLIJK",
    "MAPPEN",
    "MIN_SLEUTEL",
    "Exporteur",
    "Exportgegevens",
    "Exportresultaat",
    "Grafiekgegevens",
    "Selectie",
    "als_data",
    "exporteer",
    "exporteurs",
    "exportgegevens",
    "getal",
    "grafiekgegevens",
    "kapotte_exporteurs",
    "kies_exporteur",
    "kies_selectie",
    "korte_datum",
    "lange_datum",
    "met_eenheid",
    "neutraliseer",
    "pseudoniem",
    "pseudoniem_id",
    "pseudonimiseer",
    "sleutel_uit",
    "svg_in_html",
    "tabel",
    "teken",
    "tekstalternatief",
    "verschil",
    "verzamel",
]
