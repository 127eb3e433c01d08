"""examples/webdienst: the library inside a real web service, under real load.

The service runs for real (uvicorn in its own process, on 127.0.0.1, a port the system
picks); the clients are real HTTP clients in several threads. Nothing sent may be lost,
and every refusal must arrive as structured JSON with the right HTTP status.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from onderzoekscyclus import VasteKlok, Werkplaats

ROOT = Path(__file__).resolve().parent.parent
WEBDIENST = ROOT / "examples" / "webdienst"
VANDAAG = dt.date(2026, 11, 23)
CLIENTS, RONDES = 4, 12


class Dienst:
    """The running service: its address and a small JSON client."""

    def __init__(self, adres: str) -> None:
        self.adres = adres

    def __call__(
        self,
        methode: str,
        pad: str,
        inhoud: Any = None,
        *,
        taal: str | None = None,
        ruw: bytes | None = None,
    ) -> tuple[int, Any]:
        data = ruw if ruw is not None else (None if inhoud is None else json.dumps(inhoud).encode())
        verzoek = urllib.request.Request(self.adres + pad, data=data, method=methode)
        verzoek.add_header("Content-Type", "application/json")
        if taal:
            verzoek.add_header("Accept-Language", taal)
        try:
            with urllib.request.urlopen(verzoek, timeout=60) as antwoord:
                return antwoord.status, json.loads(antwoord.read())
        except urllib.error.HTTPError as fout:
            return fout.code, json.loads(fout.read())


@pytest.fixture(scope="module")
def werkplaats(tmp_path_factory: pytest.TempPathFactory) -> Werkplaats:
    wp = Werkplaats.maak(
        tmp_path_factory.mktemp("dienst") / "w", "Dienst", vandaag=VasteKlok(VANDAAG)
    )
    wp.scholen.toevoegen("De Regenboog", brin="12AB", sector="po")
    anna = wp.personen.toevoegen("Anna de Vries", school="De Regenboog", expertise=["rekenen"])
    for naam in ("Rekenen groep 5-8", "Rekenen kleuters"):
        groep = wp.werkgroepen.toevoegen(naam, scholen=["De Regenboog"], themas=["rekenen"])
        wp.werkgroepen.lid(groep.id, anna.id, rol="leider")
    return wp


@pytest.fixture(scope="module")
def dienst(werkplaats: Werkplaats) -> Iterator[Dienst]:
    """uvicorn with the example app, on a free port of 127.0.0.1."""
    opties = ["--host", "127.0.0.1", "--port", "0", "--app-dir", str(WEBDIENST), "--no-access-log"]
    proces = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "webdienst:app", "--factory", *opties],
        env={
            **os.environ,
            "WEBDIENST_WERKPLAATS": str(werkplaats.root),
            "WEBDIENST_VANDAAG": VANDAAG.isoformat(),
        },
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proces.stderr is not None
        adres = None
        einde = time.monotonic() + 60
        while adres is None and time.monotonic() < einde:
            regel = proces.stderr.readline()
            if not regel and proces.poll() is not None:
                break
            gevonden = re.search(r"running on (http://127\.0\.0\.1:\d+)", regel)
            adres = gevonden.group(1) if gevonden else None
        assert adres, f"the service did not start (exit {proces.poll()})"
        # keep reading what it logs, so a full pipe never stops it
        threading.Thread(target=proces.stderr.read, daemon=True).start()
        yield Dienst(adres)
    finally:
        proces.terminate()
        proces.wait(timeout=30)
        if proces.stderr is not None:
            proces.stderr.close()


def _schema(naam: str) -> jsonschema.protocols.Validator:
    schema = json.loads((ROOT / "docs" / "schema" / f"{naam}.schema.json").read_text())
    klasse = jsonschema.validators.validator_for(schema)
    return klasse(schema, format_checker=klasse.FORMAT_CHECKER)


def test_gelijktijdige_clients_verliezen_niets(dienst: Dienst, werkplaats: Werkplaats) -> None:
    """4 clients × 12 rounds of (new person, membership, log line) at once: every one of
    the 144 writes is there afterwards, through the service and on disk."""
    groep = werkplaats.werkgroepen.zoek("Rekenen groep 5-8")

    def client(nummer: int) -> list[int]:
        statussen = []
        for ronde in range(RONDES):
            naam = f"Leerkracht {nummer}-{ronde}"
            status, persoon = dienst("POST", "/personen", {"naam": naam, "school": "De Regenboog"})
            statussen.append(status)
            status, _ = dienst("POST", f"/werkgroepen/{groep.id}/leden", {"persoon": persoon["id"]})
            statussen.append(status)
            status, _ = dienst("POST", f"/werkgroepen/{groep.id}/logboek", {"tekst": naam})
            statussen.append(status)
        return statussen

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        alle = [s for statussen in pool.map(client, range(CLIENTS)) for s in statussen]
    assert sorted(set(alle)) == [200, 201]
    verwacht = {f"Leerkracht {n}-{r}" for n in range(CLIENTS) for r in range(RONDES)}
    status, personen = dienst("GET", "/personen?limit=1000")
    assert status == 200
    assert verwacht <= {p["naam"] for p in personen}
    status, gelezen = dienst("GET", f"/werkgroepen/{groep.id}")
    namen = {p["id"]: p["naam"] for p in personen}
    assert verwacht <= {namen[lid["persoon"]] for lid in gelezen["leden"]}
    assert verwacht <= {r["tekst"] for r in gelezen["logboek"]}
    op_schijf = werkplaats.werkgroepen.zoek(id=groep.id)
    assert len(op_schijf.logboek) == len(gelezen["logboek"]) == CLIENTS * RONDES
    _schema("Werkgroep").validate(gelezen)
    status, data = dienst("GET", "/status")
    _schema("Status").validate(data)


def test_elke_weigering_is_json_met_de_juiste_status(
    dienst: Dienst, werkplaats: Werkplaats
) -> None:
    groep = werkplaats.werkgroepen.zoek("Rekenen kleuters")
    status, overzicht = dienst(
        "POST", f"/werkgroepen/{groep.id}/cyclus/start", {"aanleiding": "a", "vraag": "v"}
    )
    assert status == 200
    _schema("CyclusOverzicht").validate(overzicht)

    status, data = dienst("POST", f"/werkgroepen/{groep.id}/cyclus/doel", {"tekst": "x"})
    fout = data["fout"]
    assert status == 409
    assert (fout["code"], fout["operatie"], fout["toestand"]) == ("geweigerd", "doel", "aanleiding")
    assert fout["onderwerp_id"] == groep.id
    assert [r["code"] for r in fout["redenen"]] == ["fase"]

    status, data = dienst("GET", "/werkgroepen/rekenen-bestaat-niet-abc234")
    assert (status, data["fout"]["code"]) == (404, "verwijzing.onbekend")

    status, data = dienst("GET", "/zoek/werkgroep?q=rekenen")
    assert (status, data["fout"]["code"]) == (409, "verwijzing.dubbelzinnig")
    assert len(data["fout"]["kandidaten"]) == 2
    assert groep.id in {k["id"] for k in data["fout"]["kandidaten"]}

    status, data = dienst(
        "POST", "/scholen", {"naam": "X", "brin": "99XX", "sector": "poo"}, taal="en"
    )
    assert (status, data["fout"]["code"], data["fout"]["veld"]) == (
        422,
        "waarde.ongeldig",
        "sector",
    )
    assert data["fout"]["bericht"].startswith("Invalid sector")
    status, data = dienst("POST", "/scholen", {"naam": "X", "brin": "99XX", "sector": "poo"})
    assert data["fout"]["bericht"].startswith("Ongeldige sector")

    morgen = (VANDAAG + dt.timedelta(days=1)).isoformat()
    status, data = dienst(
        "POST", f"/werkgroepen/{groep.id}/logboek", {"tekst": "later", "datum": morgen}
    )
    assert (status, data["fout"]["code"]) == (422, "waarde.toekomst")

    status, data = dienst("GET", "/personen?limit=-1")
    assert (status, data["fout"]["veld"]) == (422, "limit")
    status, data = dienst("POST", "/personen", ruw=b"{niet json")
    assert (status, data["fout"]["code"]) == (400, "verzoek.ongeldig")
    status, data = dienst("POST", "/personen", {"naam": "Y", "kleur": "blauw"})
    assert (status, data["fout"]["code"]) == (400, "verzoek.ongeldig")
    assert werkplaats.personen.lijst(limit=1000) == werkplaats.personen.lijst()
    assert "Y" not in {p.naam for p in werkplaats.personen.lijst()}


def test_een_besluit_door_de_dienst(dienst: Dienst, werkplaats: Werkplaats) -> None:
    """A decision taken step by step over HTTP; the early decision is refused with its
    reason, and the overview validates against its schema."""
    groep = werkplaats.werkgroepen.zoek("Rekenen groep 5-8")
    anna = werkplaats.personen.zoek("Anna")
    status, besluit = dienst(
        "POST", "/besluiten", {"titel": "Minder toetsen", "werkgroep": groep.id, "thema": "rekenen"}
    )
    assert status == 201
    pad = f"/besluiten/{besluit['id']}"
    assert (
        dienst("POST", f"{pad}/voorstel", {"tekst": "Alleen methodetoetsen", "leider": anna.id})[0]
        == 200
    )
    tot = (VANDAAG + dt.timedelta(days=7)).isoformat()
    assert dienst("POST", f"{pad}/feedback_open", {"tot": tot})[0] == 200
    assert dienst("POST", f"{pad}/feedback", {"tekst": "Goed", "extern": "Een ouder"})[0] == 200
    status, data = dienst("POST", f"{pad}/neem", {"tekst": "Zo doen we het"})
    assert status == 409
    assert [r["code"] for r in data["fout"]["redenen"]] == ["besluit.ronde-loopt"]
    status, data = dienst("POST", f"{pad}/vliegen", {})
    assert (status, data["fout"]["code"]) == (400, "verzoek.ongeldig")
    status, overzicht = dienst("GET", pad)
    assert status == 200 and overzicht["besluit"]["fase"] == "feedback"
    _schema("BesluitOverzicht").validate(overzicht)
