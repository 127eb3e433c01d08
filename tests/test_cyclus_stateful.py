"""Random sequences of every cycle operation against a simple model of the phases."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from onderzoekscyclus import OnderzoekscyclusError, Werkplaats
from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.domein.cyclus import Fase
from onderzoekscyclus.domein.model import Werkgroep

from .grondig import voorbeelden

VOLGORDE = list(Fase)
datums = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))
DATUMCODES = {"datum.volgorde", "cyclus.meting-voor-start", "cyclus.meting-na-evaluatie"}


class CyclusMachine(RuleBasedStateMachine):
    """The model: the expected phase, paused flag and number of recorded transitions
    (every successful operation is one, a measurement and a pause included)."""

    def __init__(self) -> None:
        super().__init__()
        self._map = tempfile.TemporaryDirectory()
        wp = Werkplaats.maak(Path(self._map.name) / "wp", "Stateful")
        wp.scholen.toevoegen("School", brin="12AB", sector="po")
        wp.scholen.profiel("School", visie={"visie": "tekst"})
        wp.werkgroepen.toevoegen("Rekenen", scholen=["School"])
        wp.werkgroepen.toevoegen("Elders", scholen=["School"])
        wp.cycli.start("Elders", aanleiding="a", vraag="v")
        self.wp = wp
        self.fase: Fase | None = None
        self.gepauzeerd = False
        self.overgangen = 0
        self.indicatoren: set[str] = set()
        self.metingen: dict[str, int] = {}
        self.heeft_bron = False
        # a cycle keeps its vision link and its grounding when it goes back a phase
        self.heeft_visie = False
        self.heeft_onderbouwing = False

    def teardown(self) -> None:
        self._map.cleanup()

    def _pad(self) -> Path:
        return self.wp.opslag.pad(Werkgroep, self.wp.werkgroepen.zoek("Rekenen").id)

    def _doe(self, stap, *, verwacht: bool, nieuwe_fase: Fase | None = None) -> bool:
        voor_bytes = self._pad().read_bytes()
        voor = self.wp.werkgroepen.zoek("Rekenen")
        try:
            stap()
        except OnderzoekscyclusError:
            assert not verwacht, "refused while the model says it is allowed"
            assert self._pad().read_bytes() == voor_bytes
            assert self.wp.werkgroepen.zoek("Rekenen") == voor
            return False
        assert verwacht, "allowed while the model says it must be refused"
        if nieuwe_fase is not None:
            self.fase = nieuwe_fase
        self.overgangen += 1  # every operation is a transition of the machine, recorded
        return True

    def _actief(self) -> bool:
        return self.fase is not None and not self.gepauzeerd

    @initialize(datum=datums)
    def begin(self, datum: dt.date) -> None:
        self.start(datum)

    @rule(datum=datums)
    def start(self, datum: dt.date) -> None:
        mag = self.fase in (None, Fase.AFGEROND)
        if self._doe(
            lambda: self.wp.cycli.start("Rekenen", aanleiding="a", vraag="v", datum=datum),
            verwacht=mag,
            nieuwe_fase=Fase.AANLEIDING,
        ):
            self.overgangen = 1
            self.indicatoren, self.metingen, self.heeft_bron = set(), {}, False
            self.heeft_visie = self.heeft_onderbouwing = False

    @rule(met_bron=st.sampled_from([True, True, True, False]), datum=datums)
    def beginsituatie(self, met_bron: bool, datum: dt.date) -> None:
        # in the beginsituatie phase a bron is already there, so adding none is allowed;
        # a cycle started by `volgende` already holds the evaluation as its first bron
        mag = self._actief() and (
            ((met_bron or self.heeft_bron) and self.fase is Fase.AANLEIDING)
            or self.fase is Fase.BEGINSITUATIE
        )
        if self._doe(
            lambda: self.wp.cycli.beginsituatie(
                "Rekenen", tekst="t", bronnen=["b"] if met_bron else [], datum=datum
            ),
            verwacht=mag,
            nieuwe_fase=Fase.BEGINSITUATIE,
        ):
            self.heeft_bron = True

    @rule(
        visie=st.sampled_from(["visie", "visie", "visie", "onbekend", None]),
        indicator=st.sampled_from(["a", "b", "a", "b", None]),
    )
    def doel(self, visie: str | None, indicator: str | None) -> None:
        nieuw = indicator is not None and indicator not in self.indicatoren
        if self.fase in (Fase.VERBETERPLAN, Fase.UITVOERING):
            mag = self._actief() and visie is None and nieuw
            if self._doe(
                lambda: self.wp.cycli.doel(
                    "Rekenen",
                    visie=visie,
                    indicatoren=[(indicator, "%", 1, 2)] if indicator else [],
                ),
                verwacht=mag,
            ):
                self.indicatoren.add(indicator)  # type: ignore[arg-type]
            return
        heeft = bool(self.indicatoren) or nieuw
        mag = (
            self._actief()
            and self.fase in (Fase.BEGINSITUATIE, Fase.DOEL)
            and visie != "onbekend"
            and (indicator is None or nieuw)
            and heeft
            and (visie == "visie" or self.heeft_visie)
        )
        if self._doe(
            lambda: self.wp.cycli.doel(
                "Rekenen",
                tekst="d",
                visie=visie,
                indicatoren=[(indicator, "%", 1, 2)] if indicator else [],
            ),
            verwacht=mag,
            nieuwe_fase=Fase.DOEL,
        ):
            self.heeft_visie = True
            if indicator:
                self.indicatoren.add(indicator)

    @rule(
        grond=st.sampled_from(
            ["literatuur", "elders", "literatuur", "elders", "nergens", "onbekend"]
        )
    )
    def plan(self, grond: str) -> None:
        mag = (
            self._actief()
            and self.fase in (Fase.DOEL, Fase.VERBETERPLAN)
            and grond in ("literatuur", "elders")
        )
        if grond == "nergens" and (
            self.fase is Fase.VERBETERPLAN or (self.fase is Fase.DOEL and self.heeft_onderbouwing)
        ):
            mag = self._actief()
        extra = {
            "literatuur": {"literatuur": ["l"]},
            "elders": {"elders": ["Elders"]},
            "nergens": {},
            "onbekend": {"elders": ["Bestaatniet"]},
        }[grond]
        if self._doe(
            lambda: self.wp.cycli.plan("Rekenen", acties=[("a", None, None)], **extra),
            verwacht=mag,
            nieuwe_fase=Fase.VERBETERPLAN,
        ):
            self.heeft_onderbouwing = True

    @rule(datum=datums)
    def uitvoeren(self, datum: dt.date) -> None:
        self._doe(
            lambda: self.wp.cycli.uitvoeren("Rekenen", datum=datum),
            verwacht=self._actief() and self.fase is Fase.VERBETERPLAN,
            nieuwe_fase=Fase.UITVOERING,
        )

    @rule(indicator=st.sampled_from(["a", "b", "c"]), waarde=st.floats(-100, 100), datum=datums)
    def meting(self, indicator: str, waarde: float, datum: dt.date) -> None:
        mag = self._actief() and self.fase is Fase.UITVOERING and indicator in self.indicatoren
        if self._doe(
            lambda: self.wp.cycli.meting(
                "Rekenen", indicator=indicator, waarde=waarde, datum=datum
            ),
            verwacht=mag,
        ):
            self.metingen[indicator] = self.metingen.get(indicator, 0) + 1

    @rule(conclusie=st.sampled_from(["bereikt", "deels", "niet-bereikt", "misschien"]))
    def evaluatie(self, conclusie: str) -> None:
        compleet = all(self.metingen.get(i) for i in self.indicatoren)
        mag = (
            self._actief()
            and conclusie != "misschien"
            and (self.fase is Fase.EVALUATIE or (self.fase is Fase.UITVOERING and compleet))
        )
        self._doe(
            lambda: self.wp.cycli.evaluatie("Rekenen", conclusie=conclusie, tekst="t"),
            verwacht=mag,
            nieuwe_fase=Fase.EVALUATIE,
        )

    @rule()
    def afronden(self) -> None:
        self._doe(
            lambda: self.wp.cycli.afronden("Rekenen"),
            verwacht=self._actief() and self.fase is Fase.EVALUATIE,
            nieuwe_fase=Fase.AFGEROND,
        )

    @rule()
    def volgende(self) -> None:
        if self._doe(
            lambda: self.wp.cycli.volgende("Rekenen"),
            verwacht=self.fase is Fase.AFGEROND,
            nieuwe_fase=Fase.AANLEIDING,
        ):
            self.overgangen = 1
            self.indicatoren, self.metingen, self.heeft_bron = set(), {}, True
            self.heeft_visie = self.heeft_onderbouwing = False

    @rule(reden=st.sampled_from(["", "Terug om een reden", "", ""]))
    def terug(self, reden: str) -> None:
        mag = self._actief() and bool(reden) and self.fase not in (None, Fase.AANLEIDING)
        vorige = VOLGORDE[VOLGORDE.index(self.fase) - 1] if self.fase else None
        self._doe(
            lambda: self.wp.cycli.terug("Rekenen", reden=reden), verwacht=mag, nieuwe_fase=vorige
        )

    @rule()
    def pauzeer(self) -> None:
        mag = self.fase not in (None, Fase.AFGEROND) and not self.gepauzeerd
        if self._doe(lambda: self.wp.cycli.pauzeer("Rekenen"), verwacht=mag):
            self.gepauzeerd = True

    @precondition(lambda self: self.fase is not None)
    @rule()
    def hervat(self) -> None:
        if self._doe(lambda: self.wp.cycli.hervat("Rekenen"), verwacht=self.gepauzeerd):
            self.gepauzeerd = False

    @precondition(lambda self: self._actief())
    @rule(datum=datums, stappen=st.integers(1, 12))
    def vooruit(self, datum: dt.date, stappen: int) -> None:
        """A few valid next steps, so random runs also reach the later phases."""
        for _ in range(stappen):
            if self._actief():
                self._een_stap_vooruit(datum)

    def _een_stap_vooruit(self, datum: dt.date) -> None:
        fase = self.fase
        if fase is Fase.AANLEIDING:
            self.beginsituatie(met_bron=True, datum=datum)
        elif fase is Fase.BEGINSITUATIE:
            self.doel(visie="visie", indicator=None if "a" in self.indicatoren else "a")
        elif fase is Fase.DOEL:
            self.plan(grond="literatuur")
        elif fase is Fase.VERBETERPLAN:
            self.uitvoeren(datum=datum)
        elif fase is Fase.UITVOERING:
            for indicator in sorted(i for i in self.indicatoren if not self.metingen.get(i)):
                self.meting(indicator=indicator, waarde=1.0, datum=datum)
            self.evaluatie(conclusie="deels")
        elif fase is Fase.EVALUATIE:
            self.afronden()
        else:
            self.volgende()

    @invariant()
    def bestand_en_model_kloppen(self) -> None:
        groep = self.wp.werkgroepen.zoek("Rekenen")
        cyclus = groep.actieve_cyclus()
        if self.fase is None:
            assert cyclus is None
            return
        assert cyclus is not None
        assert (cyclus.fase, cyclus.gepauzeerd) == (self.fase, self.gepauzeerd)
        event(f"fase {cyclus.fase.value}")
        assert len(cyclus.historie) == self.overgangen
        vorige = ""
        for regel in cyclus.historie:
            assert regel.van == vorige
            vorige = regel.naar
        assert vorige == ("gepauzeerd" if self.gepauzeerd else cyclus.fase.value)
        assert self.wp.opslag.lees(Werkgroep, groep.id) == groep
        # `controleer` agrees: the phase fits the data and the history, the numbering
        # holds. Dates are left out: this machine steps on random days, which the cycle
        # service takes as they come.
        problemen = samenhang.controleer_werkgroep(groep, vandaag=dt.date.max)
        assert [p.code for p in problemen if p.code not in DATUMCODES] == []


CyclusMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("OZC_STATEFUL_VOORBEELDEN", voorbeelden(25, 300))),
    stateful_step_count=30,
    deadline=None,
)
TestCyclus = CyclusMachine.TestCase
