"""Random sequences of every decision operation on random days, through real files.

After every step: a refused operation changed no byte; feedback never lies after its
round's closing date (or after the round was closed early); a taken decision has a
disposition for every feedback item; each feedback item names the proposal version
that was current when it was given; the history has one entry per successful step
(plus one per round that closed by the calendar), in date order, ending in the
current phase; and `controleer` finds nothing amiss in it.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from onderzoekscyclus import OnderzoekscyclusError, VasteKlok, Werkplaats
from onderzoekscyclus.domein import besluitvorming as bv
from onderzoekscyclus.domein import samenhang

from .grondig import voorbeelden

BEGIN = dt.date(2026, 12, 1)
TITEL = "Verhaaltjessommen"
bijdragers = st.sampled_from([("Anna", None), ("Piet", None), (None, "Mevrouw Bos")])
teksten = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40).filter(str.strip),
    st.sampled_from(['"; drop', "<script>x</script>", "a\r\nb", "=1+1", "😀 ë", "[x] = 1"]),
)


class BesluitMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self._map = tempfile.TemporaryDirectory()
        self.klok = VasteKlok(BEGIN)
        wp = Werkplaats.maak(Path(self._map.name) / "wp", "Stateful", vandaag=self.klok)
        wp.scholen.toevoegen("School", brin="12AB", sector="po")
        wp.personen.toevoegen("Anna", school="School", expertise=["rekenen"])
        wp.personen.toevoegen("Piet", school="School")
        wp.werkgroepen.toevoegen("Rekenen", scholen=["School"], themas=["rekenen"])
        wp.werkgroepen.lid("Rekenen", "Anna", rol="leider")
        wp.cycli.start("Rekenen", aanleiding="a", vraag="v")
        self.wp = wp
        self.bv = wp.besluitvorming
        self.id = self.bv.nieuw(TITEL, werkgroep="Rekenen", thema="rekenen").id
        self.gelukt = 1

    def teardown(self) -> None:
        self._map.cleanup()

    @property
    def vandaag(self) -> dt.date:
        return self.klok()

    @vandaag.setter
    def vandaag(self, datum: dt.date) -> None:
        self.klok.zet(datum)

    def _pad(self) -> Path:
        return self.wp.opslag.pad(bv.Besluit, self.id)

    def _besluit(self) -> bv.Besluit:
        return self.wp.opslag.lees(bv.Besluit, self.id)

    def _doe(self, stap) -> bool:  # type: ignore[no-untyped-def]
        voor = self._pad().read_bytes()
        try:
            stap()
        except OnderzoekscyclusError:
            assert self._pad().read_bytes() == voor, "a refused step changed the file"
            return False
        self.gelukt += 1
        return True

    def _datum(self, terug: int) -> dt.date:
        return max(BEGIN, self.vandaag - dt.timedelta(days=terug))

    @rule(dagen=st.integers(0, 12))
    def tijd_verstrijkt(self, dagen: int) -> None:
        self.vandaag += dt.timedelta(days=dagen)

    @rule(wie=bijdragers, tekst=teksten, terug=st.integers(0, 3))
    def idee(self, wie: tuple[str | None, str | None], tekst: str, terug: int) -> None:
        self._doe(
            lambda: self.bv.idee(
                self.id, tekst, door=wie[0], extern=wie[1], datum=self._datum(terug)
            )
        )

    @rule(
        tekst=teksten,
        leider=st.sampled_from(["Anna", "Piet"]),
        uitzondering=st.none() | st.just("Anna is ziek"),
    )
    def voorstel(self, tekst: str, leider: str, uitzondering: str | None) -> None:
        gelukt = self._doe(
            lambda: self.bv.voorstel(self.id, tekst, leider=leider, zonder_expert=uitzondering)
        )
        if leider == "Piet" and uitzondering is None:
            assert not gelukt, "a lead without expertise was accepted without a reason"

    @rule(dagen=st.integers(-2, 8))
    def feedback_open(self, dagen: int) -> None:
        tot = self.vandaag + dt.timedelta(days=dagen)
        gelukt = self._doe(lambda: self.bv.feedback_open(self.id, tot=tot))
        if dagen <= 0:
            assert not gelukt, "a round closing today or earlier was opened"

    @rule(wie=bijdragers, tekst=teksten, terug=st.integers(0, 3))
    def feedback(self, wie: tuple[str | None, str | None], tekst: str, terug: int) -> None:
        datum = self._datum(terug)
        voor = bv.bijgewerkt(self._besluit(), datum)
        gelukt = self._doe(
            lambda: self.bv.feedback(self.id, tekst, door=wie[0], extern=wie[1], datum=datum)
        )
        ronde = voor.ronde
        if ronde is not None and datum > ronde.tot:
            assert not gelukt, "feedback accepted after its round closed"

    @rule(
        nummer=st.integers(1, 6),
        oordeel=st.sampled_from(bv.Oordeel),
        motivatie=teksten,
    )
    def reageer(self, nummer: int, oordeel: bv.Oordeel, motivatie: str) -> None:
        self._doe(lambda: self.bv.reageer(self.id, nummer, oordeel=oordeel, motivatie=motivatie))

    @rule(tekst=teksten, verwerp=st.booleans())
    def neem(self, tekst: str, verwerp: bool) -> None:
        voor = bv.bijgewerkt(self._besluit(), self.vandaag)
        gelukt = self._doe(lambda: self.bv.neem(self.id, tekst, verwerp=verwerp))
        if voor.zonder_reactie():
            assert not gelukt, "decided while feedback lacks a disposition"

    @rule()
    def implementeer(self) -> None:
        self._doe(lambda: self.bv.implementeer(self.id))

    @rule(tekst=teksten, met_meting=st.booleans())
    def evalueer(self, tekst: str, met_meting: bool) -> None:
        metingen = ["Rekenen:1"] if met_meting else []
        self._doe(lambda: self.bv.evalueer(self.id, tekst, metingen=metingen))

    @rule(tekst=teksten)
    def bijstellen(self, tekst: str) -> None:
        self._doe(lambda: self.bv.bijstellen(self.id, tekst))

    @rule(dagen=st.none() | st.integers(-1, 400))
    def borg(self, dagen: int | None) -> None:
        her = None if dagen is None else self.vandaag + dt.timedelta(days=dagen)
        self._doe(lambda: self.bv.borg(self.id, herevaluatie=her))

    @rule(reden=teksten, kans=st.integers(0, 5))
    def intrekken(self, reden: str, kans: int) -> None:
        # rarely: a withdrawn decision ends the run, and the later phases need steps too
        if kans == 5:
            self._doe(lambda: self.bv.intrekken(self.id, reden))

    @rule(bijstellen=st.booleans())
    def verder(self, bijstellen: bool) -> None:
        """The next sensible step, so that runs reach the later phases too."""
        b = bv.bijgewerkt(self._besluit(), self.vandaag)
        fase = bv.Besluitfase
        if b.fase is fase.IDEEEN:
            self._doe(lambda: self.bv.voorstel(self.id, "Plan", leider="Anna"))
        elif b.fase is fase.VOORSTEL:
            self._doe(
                lambda: self.bv.feedback_open(self.id, tot=self.vandaag + dt.timedelta(days=2))
            )
        elif b.fase is fase.FEEDBACK and b.ronde is not None:
            self.vandaag = b.ronde.tot + dt.timedelta(days=1)
        elif b.fase is fase.BESLUITVORMING:
            for f in b.zonder_reactie():
                self._doe(
                    lambda f=f: self.bv.reageer(
                        self.id, f.nummer, oordeel="deels", motivatie="Later"
                    )
                )
            self._doe(lambda: self.bv.neem(self.id, "Besluit"))
        elif b.fase in (fase.BESLOTEN, fase.BIJGESTELD):
            self._doe(lambda: self.bv.implementeer(self.id))
        elif b.fase in (fase.GEIMPLEMENTEERD, fase.GEBORGD):
            self._doe(lambda: self.bv.evalueer(self.id, "Goed"))
        elif b.fase is fase.GEEVALUEERD:
            if bijstellen:
                self._doe(lambda: self.bv.bijstellen(self.id, "Anders"))
            else:
                self._doe(lambda: self.bv.borg(self.id))

    @invariant()
    def regels_gelden(self) -> None:
        b = self._besluit()
        event(f"fase {b.fase.value}")
        rondes = {r.nummer: r for r in b.rondes}
        for f in b.feedback:
            ronde = rondes[f.ronde]
            assert ronde.geopend <= f.datum <= ronde.tot
            assert ronde.gesloten is None or f.datum <= ronde.gesloten
            assert f.voorstel == ronde.voorstel
            gezien = b.voorstel_versie(f.voorstel)
            assert gezien is not None
            later = [v for v in b.voorstellen if v.versie > f.voorstel]
            assert all(v.datum >= f.datum for v in later), "feedback saw a newer version"
        if b.besluit is not None:
            assert not b.zonder_reactie(), "a decision with undisposed feedback"
        sluit = sum(1 for h in b.historie if h.overgang == "sluit")
        assert len(b.historie) == self.gelukt + sluit
        assert b.historie[-1].naar == b.fase.value
        datums = [h.datum for h in b.historie]
        assert datums == sorted(datums)
        assert samenhang.controleer_besluit(b, vandaag=self.vandaag) == []


BesluitMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("OZC_STATEFUL_VOORBEELDEN", voorbeelden(40, 300))),
    stateful_step_count=40,
    deadline=None,
)
TestBesluitvorming = BesluitMachine.TestCase
