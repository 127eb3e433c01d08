"""onderzoekscyclus: practitioner research and decisions for werkgroepen in schools.

The public names are listed in ``__all__``. They are imported on first use, so that
``ozc --version`` and other quick commands start without loading the whole library.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from onderzoekscyclus.api.besluiten import Besluiten, BesluitOverzicht
    from onderzoekscyclus.api.expertise import Expertisebeeld, Partnerschapsbeeld
    from onderzoekscyclus.api.netwerk import Themanetwerk
    from onderzoekscyclus.api.werkplaats import (
        CyclusOverzicht,
        Status,
        WerkgroepOverzicht,
        Werkplaats,
    )
    from onderzoekscyclus.domein.besluitvorming import Besluit, Besluitfase, Bijdrager, Oordeel
    from onderzoekscyclus.domein.cyclus import Conclusie, Fase, Methodekwaliteit, Onderzoekscyclus
    from onderzoekscyclus.domein.machine import Geweigerd
    from onderzoekscyclus.domein.model import (
        Lid,
        LidRol,
        Logregel,
        Persoon,
        Profiel,
        Rol,
        School,
        Sector,
        VisieElement,
        Werkgroep,
        WerkgroepSoort,
        WerkplaatsInfo,
    )
    from onderzoekscyclus.domein.schoolprofiel import Praktijkonderzoek, Schoolprofiel
    from onderzoekscyclus.domein.thesaurus import Thema, Thesaurus
    from onderzoekscyclus.domein.zelfevaluatie import (
        Instrument,
        Respondent,
        Resultaat,
        Vergelijking,
        Zelfevaluatie,
    )
    from onderzoekscyclus.errors import (
        AmbiguousReference,
        ExportFailed,
        FileFormatError,
        InvalidValue,
        LockTimeout,
        OnderzoekscyclusError,
        SchemaVersionError,
        UnknownReference,
        WerkplaatsError,
        WerkplaatsNotFound,
    )
    from onderzoekscyclus.klok import vandaag

__all__ = [
    "AmbiguousReference",
    "Besluit",
    "BesluitOverzicht",
    "Besluiten",
    "Besluitfase",
    "Bijdrager",
    "Conclusie",
    "CyclusOverzicht",
    "Expertisebeeld",
    "ExportFailed",
    "Fase",
    "FileFormatError",
    "Geweigerd",
    "Instrument",
    "InvalidValue",
    "Lid",
    "LidRol",
    "LockTimeout",
    "Logregel",
    "Methodekwaliteit",
    "Onderzoekscyclus",
    "OnderzoekscyclusError",
    "Oordeel",
    "Partnerschapsbeeld",
    "Persoon",
    "Praktijkonderzoek",
    "Profiel",
    "Respondent",
    "Resultaat",
    "Rol",
    "SchemaVersionError",
    "School",
    "Schoolprofiel",
    "Sector",
    "Status",
    "Thema",
    "Themanetwerk",
    "Thesaurus",
    "UnknownReference",
    "Vergelijking",
    "VisieElement",
    "Werkgroep",
    "WerkgroepOverzicht",
    "WerkgroepSoort",
    "Werkplaats",
    "WerkplaatsError",
    "WerkplaatsInfo",
    "WerkplaatsNotFound",
    "Zelfevaluatie",
    "__version__",
    "vandaag",
]

# where each public name lives; imported on first use (PEP 562)
_MODULE_VAN = {
    "Themanetwerk": "onderzoekscyclus.api.netwerk",
    "Thema": "onderzoekscyclus.domein.thesaurus",
    "Thesaurus": "onderzoekscyclus.domein.thesaurus",
    "Conclusie": "onderzoekscyclus.domein.cyclus",
    "Fase": "onderzoekscyclus.domein.cyclus",
    "Methodekwaliteit": "onderzoekscyclus.domein.cyclus",
    "Onderzoekscyclus": "onderzoekscyclus.domein.cyclus",
    "Geweigerd": "onderzoekscyclus.domein.machine",
    "CyclusOverzicht": "onderzoekscyclus.api.werkplaats",
    "AmbiguousReference": "onderzoekscyclus.errors",
    "ExportFailed": "onderzoekscyclus.errors",
    "Besluit": "onderzoekscyclus.domein.besluitvorming",
    "Besluitfase": "onderzoekscyclus.domein.besluitvorming",
    "Bijdrager": "onderzoekscyclus.domein.besluitvorming",
    "Oordeel": "onderzoekscyclus.domein.besluitvorming",
    "BesluitOverzicht": "onderzoekscyclus.api.besluiten",
    "Besluiten": "onderzoekscyclus.api.besluiten",
    "FileFormatError": "onderzoekscyclus.errors",
    "InvalidValue": "onderzoekscyclus.errors",
    "LockTimeout": "onderzoekscyclus.errors",
    "OnderzoekscyclusError": "onderzoekscyclus.errors",
    "SchemaVersionError": "onderzoekscyclus.errors",
    "UnknownReference": "onderzoekscyclus.errors",
    "WerkplaatsError": "onderzoekscyclus.errors",
    "WerkplaatsNotFound": "onderzoekscyclus.errors",
    "vandaag": "onderzoekscyclus.klok",
    "Lid": "onderzoekscyclus.domein.model",
    "LidRol": "onderzoekscyclus.domein.model",
    "Logregel": "onderzoekscyclus.domein.model",
    "Persoon": "onderzoekscyclus.domein.model",
    "Profiel": "onderzoekscyclus.domein.model",
    "Rol": "onderzoekscyclus.domein.model",
    "School": "onderzoekscyclus.domein.model",
    "Sector": "onderzoekscyclus.domein.model",
    "VisieElement": "onderzoekscyclus.domein.model",
    "Werkgroep": "onderzoekscyclus.domein.model",
    "WerkgroepSoort": "onderzoekscyclus.domein.model",
    "WerkplaatsInfo": "onderzoekscyclus.domein.model",
    "Status": "onderzoekscyclus.api.werkplaats",
    "WerkgroepOverzicht": "onderzoekscyclus.api.werkplaats",
    "Werkplaats": "onderzoekscyclus.api.werkplaats",
    "Expertisebeeld": "onderzoekscyclus.api.expertise",
    "Partnerschapsbeeld": "onderzoekscyclus.api.expertise",
    "Praktijkonderzoek": "onderzoekscyclus.domein.schoolprofiel",
    "Schoolprofiel": "onderzoekscyclus.domein.schoolprofiel",
    "Instrument": "onderzoekscyclus.domein.zelfevaluatie",
    "Respondent": "onderzoekscyclus.domein.zelfevaluatie",
    "Resultaat": "onderzoekscyclus.domein.zelfevaluatie",
    "Vergelijking": "onderzoekscyclus.domein.zelfevaluatie",
    "Zelfevaluatie": "onderzoekscyclus.domein.zelfevaluatie",
}


def __getattr__(naam: str) -> Any:
    module = _MODULE_VAN.get(naam)
    if module is None:
        raise AttributeError(f"module 'onderzoekscyclus' has no attribute {naam!r}")
    waarde = getattr(importlib.import_module(module), naam)
    globals()[naam] = waarde
    return waarde


def __dir__() -> list[str]:
    return __all__
