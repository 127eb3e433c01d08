"""The library API over one werkplaats: open or make it, then use its services.

>>> wp = Werkplaats.maak(map_ / "kempen", "Scholengroep De Kempen")  # doctest: +SKIP
>>> wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")  # doctest: +SKIP
>>> wp.cycli.start("Rekenen groep 5-8", aanleiding="…", vraag="…")  # doctest: +SKIP

Every method of a service is one operation. Reads need no lock. Every change takes
the werkplaats lock (between threads and processes), re-reads the file it changes and
replaces it atomically, so concurrent writers never lose an update and a refused
change leaves every file as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from onderzoekscyclus import klok
from onderzoekscyclus.api._dienst import Klok, Taalhouder, in_taal_van
from onderzoekscyclus.domein.model import Koppeling, WerkplaatsInfo
from onderzoekscyclus.i18n import Taal, in_taal
from onderzoekscyclus.opslag import vind_werkplaats
from onderzoekscyclus.opslag.bestanden import Opslag
from onderzoekscyclus.opslag.schema import MIGRATIES, Migratie

if TYPE_CHECKING:
    from onderzoekscyclus.api.beheer import Status
    from onderzoekscyclus.api.besluiten import Besluiten
    from onderzoekscyclus.api.bezoeken import Schoolbezoeken
    from onderzoekscyclus.api.cycli import Cycli
    from onderzoekscyclus.api.expertise import Expertise
    from onderzoekscyclus.api.logboek import Logboek
    from onderzoekscyclus.api.netwerk import Themanetwerk
    from onderzoekscyclus.api.ontwikkelagenda import Ontwikkelagenda
    from onderzoekscyclus.api.planning import Planning
    from onderzoekscyclus.api.register import Personen, Scholen, Werkgroepen
    from onderzoekscyclus.api.zelfevaluaties import Zelfevaluaties

__all__ = ["Werkplaats"]


class Werkplaats(Taalhouder):
    """One werkplaats: a folder of TOML files with ``onderzoekscyclus.toml`` at its root.

    ``vandaag`` is the clock the services use for "today" (by default the computer's
    date; see :mod:`onderzoekscyclus.klok`). ``taal`` is the language of every text the
    services return and every error they raise (``"nl"`` or ``"en"``; by default the
    language of the calling thread, see :mod:`onderzoekscyclus.i18n`). With ``voortgang``,
    reading many files for the index reports its progress on standard error (for a
    person at a terminal). One object may be shared by threads: every write holds a lock
    per thread and per process.
    """

    def __init__(
        self,
        root: Path,
        *,
        migraties: Mapping[tuple[str, int], Migratie] = MIGRATIES,
        vandaag: Klok = klok.systeemdatum,
        taal: Taal | None = None,
        voortgang: bool = False,
    ) -> None:
        self.opslag = Opslag(root, migraties=migraties)
        self.info: WerkplaatsInfo = self.opslag.info()
        self._klok = vandaag
        self.taal = taal
        self.voortgang = voortgang

    @property
    def root(self) -> Path:
        """The folder of the werkplaats."""
        return self.opslag.root

    def vandaag(self) -> dt.date:
        """Today, as this werkplaats' clock says."""
        return self._klok()

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def maak(
        cls,
        pad: Path | str,
        naam: str,
        *,
        vandaag: Klok = klok.systeemdatum,
        taal: Taal | None = None,
    ) -> Werkplaats:
        """Create a werkplaats in the new or empty folder ``pad``."""
        with in_taal(taal) if taal else contextlib.nullcontext():
            Opslag.maak(Path(pad), WerkplaatsInfo(naam=naam))
        return cls(Path(pad).resolve(), vandaag=vandaag, taal=taal)

    @classmethod
    def open(
        cls,
        pad: Path | str | None = None,
        *,
        start: Path | None = None,
        vandaag: Klok = klok.systeemdatum,
        taal: Taal | None = None,
        voortgang: bool = False,
        omgeving: Mapping[str, str] | None = None,
    ) -> Werkplaats:
        """Open the werkplaats at ``pad``, or find it upwards from ``start`` (or the
        current folder); with ``omgeving`` (``os.environ``, as the CLI passes it), the
        folder in ``ONDERZOEKSCYCLUS_WERKPLAATS`` is the last resort."""
        with in_taal(taal) if taal else contextlib.nullcontext():
            root = vind_werkplaats(
                Path(pad) if pad is not None else None, start=start, omgeving=omgeving
            )
            return cls(root, vandaag=vandaag, taal=taal, voortgang=voortgang)

    # --- the services --------------------------------------------------------------------

    @functools.cached_property
    def scholen(self) -> Scholen:
        """The schools: add, find, list, and their profile."""
        from onderzoekscyclus.api.register import Scholen  # noqa: PLC0415 - on first use

        return Scholen(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def personen(self) -> Personen:
        """The persons: the one place their names are kept."""
        from onderzoekscyclus.api.register import Personen  # noqa: PLC0415 - on first use

        return Personen(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def werkgroepen(self) -> Werkgroepen:
        """The werkgroepen and their members."""
        from onderzoekscyclus.api.register import Werkgroepen  # noqa: PLC0415 - on first use

        return Werkgroepen(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def logboek(self) -> Logboek:
        """The logboek of every werkgroep."""
        from onderzoekscyclus.api.logboek import Logboek  # noqa: PLC0415 - on first use

        return Logboek(self.opslag.schrijver, self._klok, self.taal)

    @functools.cached_property
    def cycli(self) -> Cycli:
        """The research cycles, one step at a time."""
        from onderzoekscyclus.api.cycli import Cycli  # noqa: PLC0415 - on first use

        return Cycli(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def besluitvorming(self) -> Besluiten:
        """The besluiten: from ideas through proposal, feedback and decision to borging."""
        from onderzoekscyclus.api.besluiten import Besluiten  # noqa: PLC0415 - on first use

        return Besluiten(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def bezoeken(self) -> Schoolbezoeken:
        """The school visits: visitaties, consultaties, lesbezoeken and studiebezoeken.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.api.bezoeken import Schoolbezoeken  # noqa: PLC0415 - on first use

        return Schoolbezoeken(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def zelfevaluaties(self) -> Zelfevaluaties:
        """The self-evaluations: instruments, filling in, importing and results."""
        from onderzoekscyclus.api.zelfevaluaties import Zelfevaluaties  # noqa: PLC0415 - on first use

        return Zelfevaluaties(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def ontwikkelagenda(self) -> Ontwikkelagenda:
        """The partnership's speerpunten per school year, with werkgroepen, applications
        and what was learned.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.api.ontwikkelagenda import Ontwikkelagenda  # noqa: PLC0415 - on first use

        return Ontwikkelagenda(self.opslag, self._klok, self.taal)

    @functools.cached_property
    def expertise(self) -> Expertise:
        """Expertise in beeld for a school, a werkgroep or the partnership."""
        from onderzoekscyclus.api.expertise import Expertise  # noqa: PLC0415 - on first use

        return Expertise(self.opslag, self._klok, self.taal, voortgang=self.voortgang)

    @functools.cached_property
    def planning(self) -> Planning:
        """What is due or overdue: actions, measurements, feedback rounds, decisions,
        re-evaluations, and cycles that lie still.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.api.planning import Planning  # noqa: PLC0415 - on first use

        return Planning(self.opslag, self._klok, self.taal)

    @property
    def netwerk(self) -> Themanetwerk:
        """The themanetwerk: themes, schools and experts across the partnership (with the
        thesaurus as it is now)."""
        from onderzoekscyclus.api.netwerk import Themanetwerk  # noqa: PLC0415 - on first use

        return Themanetwerk(self.opslag, self._klok, self.taal, voortgang=self.voortgang)

    # --- the werkplaats as a whole -------------------------------------------------------

    @in_taal_van
    def status(self, *, top: int | None = None) -> Status:
        """What is in the werkplaats, and what needs attention.

        With ``top`` a summary for a large werkplaats, counted from the index: every
        count and attention point, the phases and the schools with the most running
        cycles, and of the werkgroepen only the ``top`` that most need a next step
        (:attr:`Status.samengevat` says whether some were left out).

        .. versionchanged:: 0.2.0 ``top``
        """
        if top is None:
            from onderzoekscyclus.api import beheer  # noqa: PLC0415

            return beheer.status(self.opslag, self._klok())
        from onderzoekscyclus.api.samenvatting import samenvatting  # noqa: PLC0415

        return samenvatting(self.opslag, self._klok(), top)

    @in_taal_van
    def controleer(self, *, alles: bool = False) -> list[str]:
        """Every problem in the werkplaats' files, one line each with the file, the field,
        what is wrong and the way out; an empty list when all is well. Besides files
        that cannot be read and references that point at nothing, it finds states no
        operation makes (a phase the data does not reach, a history that jumps, a date
        after today by this werkplaats' clock, two schools with one BRIN code …; see
        :mod:`onderzoekscyclus.domein.samenhang`), and a derived index that does not
        match the files (it is then deleted, to be rebuilt when needed).

        What it found is kept per file in ``.onderzoekscyclus/``, and the next check
        reads only the files that changed since, and those that refer to what changed;
        the answer is the same as when every file is read. An edit that keeps a file's
        size and puts its old modification time back cannot be seen that way: with
        ``alles`` every file is read (spread over the processors).

        .. versionchanged:: 0.2.0 ``alles``; only what changed is read
        """
        from onderzoekscyclus.api import beheer  # noqa: PLC0415

        return beheer.controleer(self.opslag, self._klok(), alles=alles, voortgang=self.voortgang)

    @in_taal_van
    def koppel(self, pad: Path | str, *, naam: str | None = None) -> Koppeling:
        """Link the werkplaats at ``pad`` (of another partnership: a folder, or a clone of
        its repository) so that the themanetwerk answers across both; it is only read,
        never written. ``naam`` is how its answers are marked (by default its own name).
        A relative ``pad`` is kept relative to this werkplaats, so every clone finds it
        at the same place beside it.

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.domein.model import Koppeling  # noqa: PLC0415
        from onderzoekscyclus.errors import InvalidValue  # noqa: PLC0415
        from onderzoekscyclus.i18n import _  # noqa: PLC0415
        from onderzoekscyclus.opslag.koppelingen import map_van  # noqa: PLC0415

        tekst = str(pad)
        doel = map_van(self.root, tekst)
        if not (doel / "onderzoekscyclus.toml").is_file():
            raise InvalidValue(
                _("In {map} staat geen werkplaats (geen onderzoekscyclus.toml).").format(map=doel),
                veld="pad",
            )
        if doel == self.root.resolve():
            raise InvalidValue(
                _("Een werkplaats kan niet aan zichzelf gekoppeld worden."), veld="pad"
            )
        andere = Werkplaats(doel).info.naam if naam is None else naam
        for k in self.info.koppelingen:
            if map_van(self.root, k.pad) == doel or k.naam == andere:
                raise InvalidValue(
                    _("Er is al een koppeling '{naam}' ({pad}).").format(naam=k.naam, pad=k.pad),
                    veld="pad",
                )
        if not Path(tekst).is_absolute():
            tekst = Path(tekst).as_posix()
        koppeling = Koppeling(naam=andere, pad=tekst)
        with self.opslag.vergrendeld():
            self.info = self.opslag.info()
            self.info = attrs.evolve(self.info, koppelingen=(*self.info.koppelingen, koppeling))
            self.opslag.schrijf_info(self.info)
        return koppeling

    @in_taal_van
    def ontkoppel(self, naam: str) -> Koppeling:
        """Remove the link named ``naam`` (what the linked werkplaats holds stays as it is).

        .. versionadded:: 0.2.0
        """
        from onderzoekscyclus.errors import UnknownReference  # noqa: PLC0415
        from onderzoekscyclus.i18n import _  # noqa: PLC0415

        with self.opslag.vergrendeld():
            self.info = self.opslag.info()
            weg = [k for k in self.info.koppelingen if k.naam == naam]
            if not weg:
                raise UnknownReference(
                    _("Er is geen koppeling '{naam}'.").format(naam=naam),
                    soort="koppeling",
                    verwijzing=naam,
                )
            self.info = attrs.evolve(
                self.info, koppelingen=tuple(k for k in self.info.koppelingen if k.naam != naam)
            )
            self.opslag.schrijf_info(self.info)
        return weg[0]

    @in_taal_van
    def migreer(self) -> list[str]:
        """Rewrite every file that is not in the current schema; return their names."""
        from onderzoekscyclus.api import beheer  # noqa: PLC0415

        return beheer.migreer(self.opslag)
