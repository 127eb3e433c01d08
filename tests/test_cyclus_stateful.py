"""Random sequences of every cycle operation against a simple model of the phases and
of the dates: a clock that moves on, and steps dated today, earlier, or (wrongly) in the
future or before the step they follow."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from onderzoekscyclus import OnderzoekscyclusError, VasteKlok, Werkplaats
from onderzoekscyclus.domein import samenhang
from onderzoekscyclus.domein.cyclus import Fase
from onderzoekscyclus.domein.model import Werkgroep

from .grondig import voorbeelden

VOLGORDE = list(Fase)
BEGIN = dt.date(2026, 1, 5)
dagen = st.one_of(st.none(), st.integers(-30, 3))
"""A step's date, in days from today: ``None`` leaves --datum out (today); a day after
today, or one before the step it follows, is refused."""


class CyclusMachine(RuleBasedStateMachine):
    """The model: the expected phase, paused flag and number of recorded transitions
    (every successful operation is one, a measurement and a pause included), and the
    dates: today, the latest step and the start of the uitvoering."""

    def __init__(self) -> None:
        super().__init__()
        self._map = tempfile.TemporaryDirectory()
        self.vandaag = BEGIN
        self.klok = VasteKlok(BEGIN)
        wp = Werkplaats.maak(Path(self._map.name) / "wp", "Stateful", vandaag=self.klok)
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
        self.laatste: dt.date | None = None  # the latest step of the current cycle
        self.uitvoering: dt.date | None = None  # the last `uitvoeren`
        self.vastgesteld: dt.date | None = None  # the last `doel`

    def teardown(self) -> None:
        self._map.cleanup()

    def _pad(self) -> Path:
        return self.wp.opslag.pad(Werkgroep, self.wp.werkgroepen.zoek("Rekenen").id)

    # --- dates -----------------------------------------------------------------------

    def _dag(self, verschuiving: int | None) -> dt.date | None:
        return None if verschuiving is None else self.vandaag + dt.timedelta(days=verschuiving)

    def _past(self, datum: dt.date | None, vanaf: dt.date | None) -> bool:
        """Whether ``datum`` (``None``: today) lies from ``vanaf`` up to today."""
        dag = datum or self.vandaag
        return dag <= self.vandaag and (vanaf is None or dag >= vanaf)

    def _stap(self, datum: dt.date | None) -> bool:
        return self._past(datum, self.laatste)

    # --- doing -----------------------------------------------------------------------

    def _doe(
        self,
        stap,
        *,
        verwacht: bool,
        nieuwe_fase: Fase | None = None,
        datum: dt.date | None = None,
    ) -> bool:
        voor_bytes = self._pad().read_bytes()
        voor = self.wp.werkgroepen.zoek("Rekenen")
        try:
            stap()
        except OnderzoekscyclusError as fout:
            assert not verwacht, f"refused while the model says it is allowed: {fout}"
            assert self._pad().read_bytes() == voor_bytes
            assert self.wp.werkgroepen.zoek("Rekenen") == voor
            event(f"refused: {', '.join(getattr(fout, 'codes', (fout.code,)))}")
            return False
        assert verwacht, "allowed while the model says it must be refused"
        if nieuwe_fase is not None:
            self.fase = nieuwe_fase
        self.overgangen += 1  # every operation is a transition of the machine, recorded
        dag = datum or self.vandaag
        self.laatste = dag if self.laatste is None else max(self.laatste, dag)
        return True

    def _actief(self) -> bool:
        return self.fase is not None and not self.gepauzeerd

    @rule(dagen=st.integers(0, 40))
    def tijd_verstrijkt(self, dagen: int) -> None:
        self.vandaag += dt.timedelta(days=dagen)
        self.klok.zet(self.vandaag)

    @initialize(dag=dagen)
    def begin(self, dag: int | None) -> None:
        self.start(dag)

    @rule(dag=dagen)
    def start(self, dag: int | None) -> None:
        datum = self._dag(dag)
        mag = self.fase in (None, Fase.AFGEROND) and self._stap(datum)
        if self._doe(
            lambda: self.wp.cycli.start("Rekenen", aanleiding="a", vraag="v", datum=datum),
            verwacht=mag,
            nieuwe_fase=Fase.AANLEIDING,
            datum=datum,
        ):
            self.overgangen = 1
            self.indicatoren, self.metingen, self.heeft_bron = set(), {}, False
            self.heeft_visie = self.heeft_onderbouwing = False
            self.laatste, self.uitvoering = datum or self.vandaag, None
            self.vastgesteld = None

    @rule(met_bron=st.sampled_from([True, True, True, False]), dag=dagen)
    def beginsituatie(self, met_bron: bool, dag: int | None) -> None:
        # in the beginsituatie phase a bron is already there, so adding none is allowed;
        # a cycle started by `volgende` already holds the evaluation as its first bron
        datum = self._dag(dag)
        mag = (
            self._actief()
            and (
                ((met_bron or self.heeft_bron) and self.fase is Fase.AANLEIDING)
                or self.fase is Fase.BEGINSITUATIE
            )
            and self._stap(datum)
        )
        if self._doe(
            lambda: self.wp.cycli.beginsituatie(
                "Rekenen", tekst="t", bronnen=["b"] if met_bron else [], datum=datum
            ),
            verwacht=mag,
            nieuwe_fase=Fase.BEGINSITUATIE,
            datum=datum,
        ):
            self.heeft_bron = True

    @rule(
        visie=st.sampled_from(["visie", "visie", "visie", "onbekend", None]),
        indicator=st.sampled_from(["a", "b", "a", "b", None]),
        dag=dagen,
    )
    def doel(self, visie: str | None, indicator: str | None, dag: int | None) -> None:
        datum = self._dag(dag)
        nieuw = indicator is not None and indicator not in self.indicatoren
        if self.fase in (Fase.VERBETERPLAN, Fase.UITVOERING):
            mag = self._actief() and visie is None and nieuw and self._stap(datum)
            if self._doe(
                lambda: self.wp.cycli.doel(
                    "Rekenen",
                    visie=visie,
                    indicatoren=[(indicator, "%", 1, 2)] if indicator else [],
                    datum=datum,
                ),
                verwacht=mag,
                datum=datum,
            ):
                self.indicatoren.add(indicator)  # type: ignore[arg-type]
                self.vastgesteld = datum or self.vandaag
            return
        heeft = bool(self.indicatoren) or nieuw
        mag = (
            self._actief()
            and self.fase in (Fase.BEGINSITUATIE, Fase.DOEL)
            and visie != "onbekend"
            and (indicator is None or nieuw)
            and heeft
            and (visie == "visie" or self.heeft_visie)
            and self._stap(datum)
        )
        if self._doe(
            lambda: self.wp.cycli.doel(
                "Rekenen",
                tekst="d",
                visie=visie,
                indicatoren=[(indicator, "%", 1, 2)] if indicator else [],
                datum=datum,
            ),
            verwacht=mag,
            nieuwe_fase=Fase.DOEL,
            datum=datum,
        ):
            self.heeft_visie = True
            self.vastgesteld = datum or self.vandaag
            if indicator:
                self.indicatoren.add(indicator)

    @rule(
        grond=st.sampled_from(
            ["literatuur", "elders", "literatuur", "elders", "nergens", "onbekend"]
        ),
        dag=dagen,
    )
    def plan(self, grond: str, dag: int | None) -> None:
        datum = self._dag(dag)
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
            lambda: self.wp.cycli.plan("Rekenen", acties=[("a", None, None)], datum=datum, **extra),
            verwacht=mag and self._stap(datum),
            nieuwe_fase=Fase.VERBETERPLAN,
            datum=datum,
        ):
            self.heeft_onderbouwing = True

    @rule(dag=dagen)
    def uitvoeren(self, dag: int | None) -> None:
        datum = self._dag(dag)
        if self._doe(
            lambda: self.wp.cycli.uitvoeren("Rekenen", datum=datum),
            verwacht=self._actief() and self.fase is Fase.VERBETERPLAN and self._stap(datum),
            nieuwe_fase=Fase.UITVOERING,
            datum=datum,
        ):
            self.uitvoering = datum or self.vandaag

    @rule(indicator=st.sampled_from(["a", "b", "c"]), waarde=st.floats(-100, 100), dag=dagen)
    def meting(self, indicator: str, waarde: float, dag: int | None) -> None:
        # a measurement lies in its period, in any order: the uitvoering from its start,
        # or the baseline (phases doel and verbeterplan) from the last goal step
        datum = self._dag(dag)
        mag = (
            self._actief()
            and indicator in self.indicatoren
            and (
                (self.fase is Fase.UITVOERING and self._past(datum, self.uitvoering))
                or (
                    self.fase in (Fase.DOEL, Fase.VERBETERPLAN)
                    and self._past(datum, self.vastgesteld)
                )
            )
        )
        if self._doe(
            lambda: self.wp.cycli.meting(
                "Rekenen", indicator=indicator, waarde=waarde, datum=datum
            ),
            verwacht=mag,
            datum=datum,
        ):
            self.metingen[indicator] = self.metingen.get(indicator, 0) + 1

    @rule(conclusie=st.sampled_from(["bereikt", "deels", "niet-bereikt", "misschien"]), dag=dagen)
    def evaluatie(self, conclusie: str, dag: int | None) -> None:
        datum = self._dag(dag)
        compleet = all(self.metingen.get(i) for i in self.indicatoren)
        mag = (
            self._actief()
            and conclusie != "misschien"
            and (self.fase is Fase.EVALUATIE or (self.fase is Fase.UITVOERING and compleet))
            and self._stap(datum)
        )
        self._doe(
            lambda: self.wp.cycli.evaluatie("Rekenen", conclusie=conclusie, tekst="t", datum=datum),
            verwacht=mag,
            nieuwe_fase=Fase.EVALUATIE,
            datum=datum,
        )

    @rule(dag=dagen)
    def afronden(self, dag: int | None) -> None:
        datum = self._dag(dag)
        self._doe(
            lambda: self.wp.cycli.afronden("Rekenen", datum=datum),
            verwacht=self._actief() and self.fase is Fase.EVALUATIE and self._stap(datum),
            nieuwe_fase=Fase.AFGEROND,
            datum=datum,
        )

    @rule(dag=dagen)
    def volgende(self, dag: int | None) -> None:
        datum = self._dag(dag)
        if self._doe(
            lambda: self.wp.cycli.volgende("Rekenen", datum=datum),
            verwacht=self.fase is Fase.AFGEROND and self._stap(datum),
            nieuwe_fase=Fase.AANLEIDING,
            datum=datum,
        ):
            self.overgangen = 1
            self.indicatoren, self.metingen, self.heeft_bron = set(), {}, True
            self.heeft_visie = self.heeft_onderbouwing = False
            self.laatste, self.uitvoering = datum or self.vandaag, None
            self.vastgesteld = None

    @rule(reden=st.sampled_from(["", "Terug om een reden", "", ""]), dag=dagen)
    def terug(self, reden: str, dag: int | None) -> None:
        datum = self._dag(dag)
        mag = (
            self._actief()
            and bool(reden)
            and self.fase not in (None, Fase.AANLEIDING)
            and self._stap(datum)
        )
        vorige = VOLGORDE[VOLGORDE.index(self.fase) - 1] if self.fase else None
        self._doe(
            lambda: self.wp.cycli.terug("Rekenen", reden=reden, datum=datum),
            verwacht=mag,
            nieuwe_fase=vorige,
            datum=datum,
        )

    @rule(dag=dagen)
    def pauzeer(self, dag: int | None) -> None:
        datum = self._dag(dag)
        mag = self.fase not in (None, Fase.AFGEROND) and not self.gepauzeerd
        if self._doe(
            lambda: self.wp.cycli.pauzeer("Rekenen", datum=datum),
            verwacht=mag and self._stap(datum),
            datum=datum,
        ):
            self.gepauzeerd = True

    @precondition(lambda self: self.fase is not None)
    @rule(dag=dagen)
    def hervat(self, dag: int | None) -> None:
        datum = self._dag(dag)
        if self._doe(
            lambda: self.wp.cycli.hervat("Rekenen", datum=datum),
            verwacht=self.gepauzeerd and self._stap(datum),
            datum=datum,
        ):
            self.gepauzeerd = False

    @precondition(lambda self: self._actief())
    @rule(stappen=st.integers(1, 12))
    def vooruit(self, stappen: int) -> None:
        """A few valid next steps, dated today, so random runs also reach the later
        phases."""
        for _ in range(stappen):
            if self._actief():
                self._een_stap_vooruit()

    def _een_stap_vooruit(self) -> None:
        fase = self.fase
        if fase is Fase.AANLEIDING:
            self.beginsituatie(met_bron=True, dag=None)
        elif fase is Fase.BEGINSITUATIE:
            self.doel(visie="visie", indicator=None if "a" in self.indicatoren else "a", dag=None)
        elif fase is Fase.DOEL:
            self.plan(grond="literatuur", dag=None)
        elif fase is Fase.VERBETERPLAN:
            self.uitvoeren(dag=None)
        elif fase is Fase.UITVOERING:
            for indicator in sorted(i for i in self.indicatoren if not self.metingen.get(i)):
                self.meting(indicator=indicator, waarde=1.0, dag=None)
            self.evaluatie(conclusie="deels", dag=None)
        elif fase is Fase.EVALUATIE:
            self.afronden(dag=None)
        else:
            self.volgende(dag=None)

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
        # `controleer` agrees with everything the service let through: the phase fits
        # the data and the history, the numbering holds, and so do the dates
        assert samenhang.controleer_werkgroep(groep, vandaag=self.vandaag) == []


CyclusMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("OZC_STATEFUL_VOORBEELDEN", voorbeelden(25, 300))),
    stateful_step_count=30,
    deadline=None,
)
TestCyclus = CyclusMachine.TestCase
