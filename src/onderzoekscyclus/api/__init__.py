"""The library API: a :class:`Werkplaats` and the services it hands out.

Everything a school tool needs is re-exported from :mod:`onderzoekscyclus`; this
package is where it lives. Its names are imported on first use, so that ``ozc log``
can use :mod:`onderzoekscyclus.api.logboek` without loading the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from onderzoekscyclus.laden import op_aanvraag

if TYPE_CHECKING:
    from onderzoekscyclus.api.beheer import Aandachtspunt, BesluitStand, Status, WerkgroepOverzicht
    from onderzoekscyclus.api.besluiten import Besluiten, BesluitOverzicht
    from onderzoekscyclus.api.bezoeken import Schoolbezoeken
    from onderzoekscyclus.api.cycli import Cycli, CyclusOverzicht, CyclusSamenvatting
    from onderzoekscyclus.api.duoimport import Schoolimport, Schoolwijziging
    from onderzoekscyclus.api.expertise import Expertise
    from onderzoekscyclus.api.logboek import Logboek
    from onderzoekscyclus.api.netwerk import Themanetwerk
    from onderzoekscyclus.api.ontwikkelagenda import Ontwikkelagenda
    from onderzoekscyclus.api.planning import Planning
    from onderzoekscyclus.api.register import Lidmaatschap, Personen, Scholen, Werkgroepen
    from onderzoekscyclus.api.vergeten import Vergeetverslag
    from onderzoekscyclus.api.werkplaats import Werkplaats
    from onderzoekscyclus.api.wijzigen import Samengevoegd, Verwijderd
    from onderzoekscyclus.api.zelfevaluaties import (
        Import,
        Invulling,
        MetingSamenvatting,
        Zelfevaluaties,
    )

__all__ = [
    "Aandachtspunt",
    "BesluitOverzicht",
    "BesluitStand",
    "Besluiten",
    "Cycli",
    "CyclusOverzicht",
    "CyclusSamenvatting",
    "Expertise",
    "Import",
    "Invulling",
    "Lidmaatschap",
    "Logboek",
    "MetingSamenvatting",
    "Ontwikkelagenda",
    "Personen",
    "Planning",
    "Samengevoegd",
    "Scholen",
    "Schoolbezoeken",
    "Schoolimport",
    "Schoolwijziging",
    "Status",
    "Themanetwerk",
    "Vergeetverslag",
    "Verwijderd",
    "WerkgroepOverzicht",
    "Werkgroepen",
    "Werkplaats",
    "Zelfevaluaties",
]

_MODULE_VAN = {
    "Aandachtspunt": "onderzoekscyclus.api.beheer",
    "BesluitOverzicht": "onderzoekscyclus.api.besluiten",
    "BesluitStand": "onderzoekscyclus.api.beheer",
    "Besluiten": "onderzoekscyclus.api.besluiten",
    "Cycli": "onderzoekscyclus.api.cycli",
    "CyclusOverzicht": "onderzoekscyclus.api.cycli",
    "CyclusSamenvatting": "onderzoekscyclus.api.cycli",
    "Expertise": "onderzoekscyclus.api.expertise",
    "Import": "onderzoekscyclus.api.zelfevaluaties",
    "Invulling": "onderzoekscyclus.api.zelfevaluaties",
    "Lidmaatschap": "onderzoekscyclus.api.register",
    "Logboek": "onderzoekscyclus.api.logboek",
    "MetingSamenvatting": "onderzoekscyclus.api.zelfevaluaties",
    "Ontwikkelagenda": "onderzoekscyclus.api.ontwikkelagenda",
    "Personen": "onderzoekscyclus.api.register",
    "Planning": "onderzoekscyclus.api.planning",
    "Samengevoegd": "onderzoekscyclus.api.wijzigen",
    "Scholen": "onderzoekscyclus.api.register",
    "Schoolbezoeken": "onderzoekscyclus.api.bezoeken",
    "Schoolimport": "onderzoekscyclus.api.duoimport",
    "Schoolwijziging": "onderzoekscyclus.api.duoimport",
    "Status": "onderzoekscyclus.api.beheer",
    "Themanetwerk": "onderzoekscyclus.api.netwerk",
    "Vergeetverslag": "onderzoekscyclus.api.vergeten",
    "Verwijderd": "onderzoekscyclus.api.wijzigen",
    "WerkgroepOverzicht": "onderzoekscyclus.api.beheer",
    "Werkgroepen": "onderzoekscyclus.api.register",
    "Werkplaats": "onderzoekscyclus.api.werkplaats",
    "Zelfevaluaties": "onderzoekscyclus.api.zelfevaluaties",
}


__getattr__, __dir__ = op_aanvraag(__name__, _MODULE_VAN, globals())
