"""The library API over one werkplaats: what a werkgroep, a partnership or another
school tool does with it. Every method is one operation; the CLI calls exactly one.

Reads need no lock. Every change takes the werkplaats lock, re-reads the file it
changes, and replaces it atomically, so concurrent ``ozc`` processes never lose an
update and a refused change leaves every file as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from onderzoekscyclus import klok
from onderzoekscyclus._tekst import vergelijkbaar
from onderzoekscyclus.errors import FileFormatError, InvalidValue, OnderzoekscyclusError
from onderzoekscyclus.i18n import _
from onderzoekscyclus.ids import is_geldig_id, nieuw_id
from onderzoekscyclus.model import (
    Lid,
    LidRol,
    Logregel,
    Persoon,
    Profiel,
    School,
    VisieElement,
    Werkgroep,
    WerkplaatsInfo,
    schone_naam,
)
from onderzoekscyclus.opslag import (
    ROOTBESTAND,
    SOORTEN,
    Opslag,
    vind_werkplaats,
)
from onderzoekscyclus.opslag._atomic import write_atomic
from onderzoekscyclus.opslag.schema import HUIDIG, MIGRATIES, Migratie, versie_tekst
from onderzoekscyclus.verwijzing import zoek

__all__ = ["Status", "WerkgroepOverzicht", "Werkplaats"]


@attrs.frozen
class WerkgroepOverzicht:
    """One line of the status: a werkgroep and how active it is."""

    id: str
    naam: str
    soort: str
    scholen: tuple[str, ...]
    themas: tuple[str, ...]
    leden: int
    leiders: tuple[str, ...]
    logregels: int
    laatste_log: dt.date | None


@attrs.frozen
class Status:
    """An overview of a werkplaats: what is in it and what needs attention."""

    naam: str
    root: str
    schema: str
    scholen: int
    personen: int
    werkgroepen: tuple[WerkgroepOverzicht, ...]
    aandachtspunten: tuple[str, ...]


class Werkplaats:
    """One werkplaats: a folder of TOML files with ``onderzoekscyclus.toml`` at its root.

    >>> wp = Werkplaats.maak(tmp / "kempen", "Scholengroep De Kempen")  # doctest: +SKIP
    >>> wp.school_toevoegen("De Regenboog", brin="12AB", sector="po")  # doctest: +SKIP
    """

    def __init__(self, root: Path, *, migraties: Mapping[tuple[str, int], Migratie] = MIGRATIES):
        self.opslag = Opslag(root, migraties=migraties)
        self.info = self.opslag.info()

    @property
    def root(self) -> Path:
        """The folder of the werkplaats."""
        return self.opslag.root

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def maak(cls, pad: Path | str, naam: str) -> Werkplaats:
        """Create a werkplaats in the new or empty folder ``pad``."""
        Opslag.maak(Path(pad), WerkplaatsInfo(naam=naam))
        return cls(Path(pad).resolve())

    @classmethod
    def open(cls, pad: Path | str | None = None, *, start: Path | None = None) -> Werkplaats:
        """Open the werkplaats at ``pad``, or find it upwards from ``start`` (or the
        current folder), or take it from ``$ONDERZOEKSCYCLUS_WERKPLAATS``."""
        return cls(vind_werkplaats(Path(pad) if pad is not None else None, start=start))

    # --- reading -----------------------------------------------------------------------

    def scholen(self) -> list[School]:
        """Every school, in id order."""
        return self.opslag.alle(School)

    def personen(self) -> list[Persoon]:
        """Every person, in id order."""
        return self.opslag.alle(Persoon)

    def werkgroepen(self) -> list[Werkgroep]:
        """Every werkgroep, in id order."""
        return self.opslag.alle(Werkgroep)

    def school(self, verwijzing: str) -> School:
        """The school that ``verwijzing`` (name, name prefix or id prefix) points to."""
        return zoek(verwijzing, self.scholen(), soort=_("school"), lijstopdracht="ozc school lijst")

    def persoon(self, verwijzing: str) -> Persoon:
        """The person that ``verwijzing`` points to."""
        return zoek(
            verwijzing, self.personen(), soort=_("persoon"), lijstopdracht="ozc persoon lijst"
        )

    def werkgroep(self, verwijzing: str) -> Werkgroep:
        """The werkgroep that ``verwijzing`` points to."""
        return zoek(
            verwijzing,
            self.werkgroepen(),
            soort=_("werkgroep"),
            lijstopdracht="ozc werkgroep lijst",
        )

    def namen(self) -> dict[str, str]:
        """Display names of schools and persons by id (for showing references)."""
        namen = {s.id: s.naam for s in self.scholen()}
        namen.update({p.id: p.naam for p in self.personen()})
        return namen

    # --- schools -----------------------------------------------------------------------

    def school_toevoegen(
        self,
        naam: str,
        *,
        brin: str,
        sector: str,
        bestuur: str | None = None,
        cluster: str | None = None,
    ) -> School:
        """Add a school (or a teacher-training institute: sector ``opleiding``)."""
        naam = schone_naam(naam)
        with self.opslag.vergrendeld():
            bestaande = self.scholen()
            for andere in bestaande:
                if vergelijkbaar(andere.naam) == vergelijkbaar(naam):
                    raise InvalidValue(
                        _("Er is al een school met de naam '{naam}'.").format(naam=andere.naam),
                        _("Kies een andere naam, bijvoorbeeld met de plaats erbij."),
                    )
            school = School(
                id=self._nieuw_id(School, naam),
                naam=naam,
                brin=brin,
                sector=sector,
                bestuur=bestuur,
                cluster=cluster,
            )
            for andere in bestaande:
                if andere.brin == school.brin:
                    raise InvalidValue(
                        _("De BRIN-code {brin} hoort al bij {naam}.").format(
                            brin=school.brin, naam=andere.naam
                        )
                    )
            self.opslag.schrijf(school)
        return school

    def school_profiel(
        self,
        verwijzing: str,
        *,
        visie: Mapping[str, str] | None = None,
        trots: Iterable[str] = (),
        speerpunten: Iterable[str] = (),
        vervang: bool = False,
    ) -> School:
        """Set vision elements, what the school is proud of, and its speerpunten.

        Vision elements with an existing name get the new text; the others are added.
        Trots and speerpunten are added to what is there, unless ``vervang`` is set.
        """
        with self.opslag.vergrendeld():
            school = self.opslag.lees(School, self.school(verwijzing).id)
            elementen = {v.sleutel.casefold(): v for v in school.visie}
            for sleutel, tekst in (visie or {}).items():
                element = VisieElement(sleutel=sleutel, tekst=tekst)
                elementen[element.sleutel.casefold()] = element
            oud = Profiel() if vervang else school.profiel
            profiel = Profiel(
                trots=(*oud.trots, *(t for t in trots if t not in oud.trots)),
                speerpunten=(*oud.speerpunten, *speerpunten),
            )
            school = attrs.evolve(school, visie=tuple(elementen.values()), profiel=profiel)
            self.opslag.schrijf(school)
        return school

    # --- persons -----------------------------------------------------------------------

    def persoon_toevoegen(
        self,
        naam: str,
        *,
        school: str | None = None,
        rollen: Iterable[str] = (),
        expertise: Iterable[str] = (),
        interesses: Iterable[str] = (),
        ambities: Iterable[str] = (),
    ) -> Persoon:
        """Add a person. Their name is stored here only; everything else uses the id."""
        with self.opslag.vergrendeld():
            persoon = Persoon(
                id=self._nieuw_id(Persoon, None, voorvoegsel="persoon"),
                naam=naam,
                school=self.school(school).id if school else None,
                rollen=tuple(rollen),
                expertise=tuple(expertise),
                interesses=tuple(interesses),
                ambities=tuple(ambities),
            )
            self.opslag.schrijf(persoon)
        return persoon

    # --- werkgroepen ---------------------------------------------------------------------

    def werkgroep_toevoegen(
        self,
        naam: str,
        *,
        scholen: Iterable[str],
        soort: str = "leerteam",
        themas: Iterable[str] = (),
    ) -> Werkgroep:
        """Add a werkgroep of one or more schools."""
        naam = schone_naam(naam)
        with self.opslag.vergrendeld():
            school_ids = tuple(dict.fromkeys(self.school(s).id for s in scholen))
            for andere in self.werkgroepen():
                gedeeld = set(andere.scholen) & set(school_ids)
                if gedeeld and vergelijkbaar(andere.naam) == vergelijkbaar(naam):
                    raise InvalidValue(
                        _("Deze school heeft al een werkgroep '{naam}'.").format(naam=andere.naam),
                        _("Kies een andere naam."),
                    )
            werkgroep = Werkgroep(
                id=self._nieuw_id(Werkgroep, naam),
                naam=naam,
                scholen=school_ids,
                soort=soort,
                themas=tuple(themas),
            )
            self.opslag.schrijf(werkgroep)
        return werkgroep

    def lid_toevoegen(self, werkgroep: str, persoon: str, *, rol: str = "lid") -> Werkgroep:
        """Make a person a member of a werkgroep, or change the role of a member."""
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, self.werkgroep(werkgroep).id)
            wie = self.persoon(persoon)
            nieuw = Lid(persoon=wie.id, rol=LidRol(rol) if isinstance(rol, LidRol) else rol)
            leden = [lid for lid in groep.leden if lid.persoon != wie.id]
            groep = attrs.evolve(groep, leden=(*leden, nieuw))
            self.opslag.schrijf(groep)
        return groep

    def log(
        self,
        werkgroep: str,
        tekst: str,
        *,
        auteur: str | None = None,
        datum: dt.date | None = None,
    ) -> Logregel:
        """Add an entry to a werkgroep's logboek (``datum`` defaults to today)."""
        groep_id = self.werkgroep(werkgroep).id
        auteur_id = self.persoon(auteur).id if auteur else None
        regel = Logregel(datum=datum or klok.vandaag(), tekst=tekst, auteur=auteur_id)
        with self.opslag.vergrendeld():
            groep = self.opslag.lees(Werkgroep, groep_id)
            self.opslag.schrijf(attrs.evolve(groep, logboek=(*groep.logboek, regel)))
        return regel

    # --- overview and checks -------------------------------------------------------------

    def status(self) -> Status:
        """What is in the werkplaats, and what needs attention."""
        namen = self.namen()
        overzicht = []
        aandacht = []
        for groep in self.werkgroepen():
            leiders = tuple(namen.get(p, p) for p in groep.leiders())
            overzicht.append(
                WerkgroepOverzicht(
                    id=groep.id,
                    naam=groep.naam,
                    soort=groep.soort.value,
                    scholen=tuple(namen.get(s, s) for s in groep.scholen),
                    themas=groep.themas,
                    leden=len(groep.leden),
                    leiders=leiders,
                    logregels=len(groep.logboek),
                    laatste_log=max((r.datum for r in groep.logboek), default=None),
                )
            )
            if not leiders:
                aandacht.append(
                    _(
                        "Werkgroep '{naam}' heeft nog geen leider: `ozc werkgroep lid` met --rol leider."
                    ).format(naam=groep.naam)
                )
        return Status(
            naam=self.info.naam,
            root=str(self.root),
            schema=versie_tekst(HUIDIG),
            scholen=len(self.opslag.ids(School)),
            personen=len(self.opslag.ids(Persoon)),
            werkgroepen=tuple(overzicht),
            aandachtspunten=tuple(aandacht),
        )

    def controleer(self) -> list[str]:
        """Every problem in the werkplaats' files; an empty list when all is well."""
        problemen: list[str] = []
        gelezen: dict[type[Any], list[Any]] = {k: [] for k in SOORTEN}
        try:
            self.opslag.info()
        except OnderzoekscyclusError as fout:
            problemen.extend(_regels_van(fout, ROOTBESTAND))
        for pad, klasse in self.opslag.bestanden():
            label = self.opslag.label(pad)
            if not is_geldig_id(pad.stem):
                problemen.append(
                    _(
                        "{bestand}: de bestandsnaam is geen geldig id (kleine letters, cijfers, koppeltekens)."
                    ).format(bestand=label)
                )
                continue
            try:
                gelezen[klasse].append(self.opslag.lees(klasse, pad.stem))
            except OnderzoekscyclusError as fout:
                problemen.extend(_regels_van(fout, label))
        problemen.extend(_verwijzingen(gelezen))
        return problemen

    def migreer(self) -> list[str]:
        """Rewrite every file that is not in the current schema; return their names.

        All files are read first: if any cannot be read (or is of a newer version),
        nothing is written and the error lists every problem.
        """
        with self.opslag.vergrendeld():
            te_schrijven: list[tuple[Path, bytes]] = []
            problemen: list[str] = []
            bestanden = [(self.root / ROOTBESTAND, WerkplaatsInfo), *self.opslag.bestanden()]
            for pad, klasse in bestanden:
                label = self.opslag.label(pad)
                inhoud = pad.read_bytes()
                try:
                    obj: Any = self.opslag.ontleed(
                        inhoud, klasse, None if klasse is WerkplaatsInfo else pad.stem, label
                    )
                except OnderzoekscyclusError as fout:
                    problemen.extend(_regels_van(fout, label))
                    continue
                nieuw = self.opslag.inhoud(obj)
                if nieuw != inhoud:
                    te_schrijven.append((pad, nieuw))
            if problemen:
                raise FileFormatError(
                    _("Er is niets gemigreerd: niet elk bestand kan gelezen worden."),
                    problemen,
                    _("Herstel deze bestanden eerst (zie `ozc controleer`)."),
                )
            for pad, nieuw in te_schrijven:
                write_atomic(pad, nieuw)
        return [self.opslag.label(pad) for pad, _inhoud in te_schrijven]

    # --- helpers -------------------------------------------------------------------------

    def _nieuw_id(self, klasse: type[Any], naam: str | None, *, voorvoegsel: str = "") -> str:
        while True:
            kandidaat = nieuw_id(naam, voorvoegsel=voorvoegsel)
            if not self.opslag.pad(klasse, kandidaat).exists():
                return kandidaat


def _regels_van(fout: OnderzoekscyclusError, label: str) -> list[str]:
    if isinstance(fout, FileFormatError):
        return list(fout.problemen)
    tekst = fout.bericht
    return [tekst if tekst.startswith(label) else f"{label}: {tekst}"]


def _verwijzingen(gelezen: Mapping[type[Any], list[Any]]) -> list[str]:
    """References from one file to another that point at nothing."""
    scholen = {s.id for s in gelezen[School]}
    personen = {p.id for p in gelezen[Persoon]}
    problemen = []
    for persoon in gelezen[Persoon]:
        if persoon.school and persoon.school not in scholen:
            problemen.append(
                _("personen/{id}.toml @ $.school: school '{school}' bestaat niet.").format(
                    id=persoon.id, school=persoon.school
                )
            )
    for groep in gelezen[Werkgroep]:
        bestand = f"werkgroepen/{groep.id}.toml"
        for i, school in enumerate(groep.scholen):
            if school not in scholen:
                problemen.append(
                    _("{bestand} @ $.scholen[{i}]: school '{school}' bestaat niet.").format(
                        bestand=bestand, i=i, school=school
                    )
                )
        for i, lid in enumerate(groep.leden):
            if lid.persoon not in personen:
                problemen.append(
                    _("{bestand} @ $.leden[{i}].persoon: persoon '{persoon}' bestaat niet.").format(
                        bestand=bestand, i=i, persoon=lid.persoon
                    )
                )
        for i, regel in enumerate(groep.logboek):
            if regel.auteur and regel.auteur not in personen:
                problemen.append(
                    _(
                        "{bestand} @ $.logboek[{i}].auteur: persoon '{persoon}' bestaat niet."
                    ).format(bestand=bestand, i=i, persoon=regel.auteur)
                )
    return problemen
