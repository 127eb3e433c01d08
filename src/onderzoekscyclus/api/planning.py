"""What is due, as of today: ``werkplaats.planning``.

The rules are in :mod:`onderzoekscyclus.domein.planning`; this service chooses the
werkgroepen and besluiten (of a werkgroep, of a school, or of the whole werkplaats) and
gives the rules today's date from the werkplaats' clock.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import datetime as dt

from onderzoekscyclus.api._dienst import Dienst
from onderzoekscyclus.api.lijsten import pagina, selecteer
from onderzoekscyclus.domein.besluit import Besluit
from onderzoekscyclus.domein.model import Werkgroep
from onderzoekscyclus.domein.planning import STANDAARD_WEKEN, Planpunt, controleer_weken, planpunten
from onderzoekscyclus.errors import InvalidValue
from onderzoekscyclus.i18n import _

__all__ = ["Planning"]


class Planning(Dienst):
    """The planning: what is due or overdue in the werkgroepen and besluiten."""

    def lijst(
        self,
        *,
        werkgroep: str | None = None,
        school: str | None = None,
        weken: int = STANDAARD_WEKEN,
        tot: dt.date | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Planpunt]:
        """Everything due as of today: dated actions of improvement plans, measurements
        (``weken`` weeks after the last), cycles that lie still for ``weken`` weeks,
        feedback rounds that close, besluiten to decide on and re-evaluations.

        For one ``werkgroep`` (a reference or id: its cycle and its besluiten), one
        ``school`` (its werkgroepen, and the besluiten of the school or of those
        werkgroepen), or the whole werkplaats; with ``tot``, only what is due on or before
        that day. By date, so what is overdue (:attr:`Planpunt.verlopen`) comes first;
        ``offset`` and ``limit`` give a page.
        """
        controleer_weken(weken)
        pagina((), limit, offset)  # refuse a wrong limit or offset before reading
        if werkgroep is not None and school is not None:
            raise InvalidValue(
                _("Kies een werkgroep of een school, niet allebei."), veld="werkgroep"
            )
        besluiten = self.opslag.alle(Besluit)
        if werkgroep is not None:
            groepen = [self.werkgroep(werkgroep)]
            besluiten = [b for b in besluiten if b.werkgroep == groepen[0].id]
        elif school is not None:
            school_id = self.school(school).id
            groepen = selecteer(self.opslag, Werkgroep, lambda k: school_id in k.scholen)
            ids = {g.id for g in groepen}
            besluiten = [b for b in besluiten if b.school == school_id or b.werkgroep in ids]
        else:
            groepen = self.opslag.alle(Werkgroep)
        bekend = {g.id for g in groepen}
        namen = self.namen() if any(b.werkgroep not in bekend for b in besluiten) else {}
        punten = planpunten(
            groepen, besluiten, vandaag=self.vandaag(), weken=weken, tot=tot, namen=namen
        )
        return pagina(punten, limit, offset)
