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
    from onderzoekscyclus.besluiten import Besluiten, BesluitOverzicht
    from onderzoekscyclus.besluitvorming import Besluit, Besluitfase, Bijdrager, Oordeel
    from onderzoekscyclus.cyclus import Conclusie, Fase, Methodekwaliteit, Onderzoekscyclus
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
    from onderzoekscyclus.expertise import Expertisebeeld, Partnerschapsbeeld
    from onderzoekscyclus.klok import vandaag
    from onderzoekscyclus.model import (
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
    from onderzoekscyclus.netwerk import Themanetwerk
    from onderzoekscyclus.schoolprofiel import Praktijkonderzoek, Schoolprofiel
    from onderzoekscyclus.statemachine import Geweigerd
    from onderzoekscyclus.thesaurus import Thema, Thesaurus
    from onderzoekscyclus.werkplaats import CyclusOverzicht, Status, WerkgroepOverzicht, Werkplaats
    from onderzoekscyclus.zelfevaluatie import (
        Instrument,
        Respondent,
        Resultaat,
        Vergelijking,
        Zelfevaluatie,
    )

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
    "Themanetwerk": "onderzoekscyclus.netwerk",
    "Thema": "onderzoekscyclus.thesaurus",
    "Thesaurus": "onderzoekscyclus.thesaurus",
    "Conclusie": "onderzoekscyclus.cyclus",
    "Fase": "onderzoekscyclus.cyclus",
    "Methodekwaliteit": "onderzoekscyclus.cyclus",
    "Onderzoekscyclus": "onderzoekscyclus.cyclus",
    "Geweigerd": "onderzoekscyclus.statemachine",
    "CyclusOverzicht": "onderzoekscyclus.werkplaats",
    "AmbiguousReference": "onderzoekscyclus.errors",
    "ExportFailed": "onderzoekscyclus.errors",
    "Besluit": "onderzoekscyclus.besluitvorming",
    "Besluitfase": "onderzoekscyclus.besluitvorming",
    "Bijdrager": "onderzoekscyclus.besluitvorming",
    "Oordeel": "onderzoekscyclus.besluitvorming",
    "BesluitOverzicht": "onderzoekscyclus.besluiten",
    "Besluiten": "onderzoekscyclus.besluiten",
    "FileFormatError": "onderzoekscyclus.errors",
    "InvalidValue": "onderzoekscyclus.errors",
    "LockTimeout": "onderzoekscyclus.errors",
    "OnderzoekscyclusError": "onderzoekscyclus.errors",
    "SchemaVersionError": "onderzoekscyclus.errors",
    "UnknownReference": "onderzoekscyclus.errors",
    "WerkplaatsError": "onderzoekscyclus.errors",
    "WerkplaatsNotFound": "onderzoekscyclus.errors",
    "vandaag": "onderzoekscyclus.klok",
    "Lid": "onderzoekscyclus.model",
    "LidRol": "onderzoekscyclus.model",
    "Logregel": "onderzoekscyclus.model",
    "Persoon": "onderzoekscyclus.model",
    "Profiel": "onderzoekscyclus.model",
    "Rol": "onderzoekscyclus.model",
    "School": "onderzoekscyclus.model",
    "Sector": "onderzoekscyclus.model",
    "VisieElement": "onderzoekscyclus.model",
    "Werkgroep": "onderzoekscyclus.model",
    "WerkgroepSoort": "onderzoekscyclus.model",
    "WerkplaatsInfo": "onderzoekscyclus.model",
    "Status": "onderzoekscyclus.werkplaats",
    "WerkgroepOverzicht": "onderzoekscyclus.werkplaats",
    "Werkplaats": "onderzoekscyclus.werkplaats",
    "Expertisebeeld": "onderzoekscyclus.expertise",
    "Partnerschapsbeeld": "onderzoekscyclus.expertise",
    "Praktijkonderzoek": "onderzoekscyclus.schoolprofiel",
    "Schoolprofiel": "onderzoekscyclus.schoolprofiel",
    "Instrument": "onderzoekscyclus.zelfevaluatie",
    "Respondent": "onderzoekscyclus.zelfevaluatie",
    "Resultaat": "onderzoekscyclus.zelfevaluatie",
    "Vergelijking": "onderzoekscyclus.zelfevaluatie",
    "Zelfevaluatie": "onderzoekscyclus.zelfevaluatie",
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
