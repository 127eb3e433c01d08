"""A small JSON web service over one werkplaats: how another school tool embeds the library.

Start it (from this folder) with::

    WEBDIENST_WERKPLAATS=../../demo-werkplaats uvicorn webdienst:app --factory --port 8000

``WEBDIENST_VANDAAG`` (JJJJ-MM-DD) fixes "today", for a replay or a test. Each request
gets its own language from ``Accept-Language`` (``en`` or Dutch). Every answer is JSON:
what the library returns, through ``onderzoekscyclus.als_data`` (its shape is in
docs/schema/), or an error as ``{"fout": {...}}`` with ``code``, message and data, and
an HTTP status chosen by the kind of error.

The endpoints are plain functions: Starlette runs them in its thread pool, so requests
share the one ``Werkplaats`` from several threads at once, which the library allows.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from onderzoekscyclus import (
    AmbiguousReference,
    Geweigerd,
    InvalidValue,
    Klok,
    LockTimeout,
    OnderzoekscyclusError,
    UnknownReference,
    VasteKlok,
    Werkplaats,
    als_data,
    in_taal,
    systeemdatum,
)

# the steps a client may take, by the name in the URL
CYCLUSSTAPPEN = (
    "start",
    "beginsituatie",
    "doel",
    "plan",
    "uitvoeren",
    "meting",
    "evaluatie",
    "afronden",
    "terug",
    "pauzeer",
    "hervat",
)
BESLUITSTAPPEN = (
    "idee",
    "voorstel",
    "feedback_open",
    "feedback",
    "reageer",
    "neem",
    "implementeer",
    "evalueer",
    "bijstellen",
    "borg",
    "intrekken",
)
DATUMVELDEN = ("datum", "tot", "herevaluatie")


def status_van(fout: OnderzoekscyclusError) -> int:
    """The HTTP status of a library error."""
    if isinstance(fout, AmbiguousReference):
        return 409
    if isinstance(fout, UnknownReference):
        return 404
    if isinstance(fout, InvalidValue):
        return 422
    if isinstance(fout, Geweigerd):
        return 409
    if isinstance(fout, LockTimeout):
        return 503
    return 500


def _fout(status: int, data: dict[str, Any]) -> JSONResponse:
    return JSONResponse({"fout": data}, status_code=status)


def _verzoekfout(bericht: str) -> JSONResponse:
    return _fout(400, {"code": "verzoek.ongeldig", "fout": "Verzoek", "bericht": bericht})


class Ongeldig(Exception):
    """A request the service cannot read (not the library's to judge)."""


def _taal(verzoek: Request) -> str:
    return "en" if verzoek.headers.get("accept-language", "").lower().startswith("en") else "nl"


def _inhoud(lichaam: bytes) -> dict[str, Any]:
    try:
        data = json.loads(lichaam or b"{}")
    except ValueError as fout:
        raise Ongeldig(f"no JSON: {fout}") from None
    if not isinstance(data, dict):
        raise Ongeldig("the body must be a JSON object")
    for veld in DATUMVELDEN:
        if isinstance(data.get(veld), str):
            try:
                data[veld] = dt.date.fromisoformat(data[veld])
            except ValueError:
                raise Ongeldig(f"{veld}: not a date (YYYY-MM-DD)") from None
    return data


def _getal(verzoek: Request, naam: str) -> int | None:
    tekst = verzoek.query_params.get(naam)
    if tekst is None:
        return None
    try:
        return int(tekst)
    except ValueError:
        raise Ongeldig(f"{naam}: not a whole number") from None


def maak_app(wp: Werkplaats) -> Starlette:
    """The service over ``wp``."""

    def eindpunt(
        werk: Callable[[Request, dict[str, Any]], Any], status: int = 200
    ) -> Callable[[Request], Any]:
        async def behandel(verzoek: Request) -> JSONResponse:
            try:
                inhoud = _inhoud(await verzoek.body()) if verzoek.method == "POST" else {}
            except Ongeldig as fout:
                return _verzoekfout(str(fout))

            def in_draad() -> JSONResponse:
                with in_taal(_taal(verzoek)):
                    try:
                        return JSONResponse(als_data(werk(verzoek, inhoud)), status_code=status)
                    except OnderzoekscyclusError as fout:
                        return _fout(status_van(fout), als_data(fout))
                    except Ongeldig as fout:
                        return _verzoekfout(str(fout))
                    except TypeError as fout:  # an unknown or missing field in the body
                        return _verzoekfout(str(fout))

            return await run_in_threadpool(in_draad)

        return behandel

    def pagina(v: Request) -> dict[str, Any]:
        return {"limit": _getal(v, "limit"), "offset": _getal(v, "offset") or 0}

    def filters(v: Request, *namen: str) -> dict[str, Any]:
        return {n: v.query_params[n] for n in namen if n in v.query_params}

    def stap(dienst: Any, toegestaan: tuple[str, ...], sleutel: str) -> Callable[..., Any]:
        def doe(v: Request, inhoud: dict[str, Any]) -> Any:
            naam = v.path_params["stap"]
            if naam not in toegestaan:
                raise Ongeldig(f"unknown step {naam!r}; one of: {', '.join(toegestaan)}")
            return getattr(dienst(), naam)(v.path_params[sleutel], **inhoud)

        return doe

    def lijst(pad: str, lees: Callable[..., Any], *namen: str) -> Route:
        """GET ``pad``: a list, with the filters ``namen`` and a page from the query."""
        return Route(pad, eindpunt(lambda v, _i: lees(**filters(v, *namen), **pagina(v))))

    def nieuw(pad: str, maak: Callable[..., Any]) -> Route:
        """POST ``pad``: add what the JSON body describes."""
        return Route(pad, eindpunt(lambda _v, i: maak(**i), 201), methods=["POST"])

    def lees(pad: str, vraag: Callable[[str], Any]) -> Route:
        """GET ``pad``: what ``vraag`` answers for the id in the path."""
        return Route(pad, eindpunt(lambda v, _i: vraag(v.path_params["id"])))

    def schrijf(pad: str, doe: Callable[..., Any], status: int = 200) -> Route:
        """POST ``pad``: ``doe(id, **body)``."""
        return Route(
            pad,
            eindpunt(lambda v, i: doe(v.path_params["id"], **i), status),
            methods=["POST"],
        )

    routes = [
        Route("/status", eindpunt(lambda _v, _i: wp.status())),
        Route("/zoek/{soort}", eindpunt(lambda v, _i: _zoek(wp, v))),
        lijst("/scholen", wp.scholen.lijst, "sector", "cluster"),
        nieuw("/scholen", wp.scholen.toevoegen),
        lijst("/personen", wp.personen.lijst, "school", "expertise"),
        nieuw("/personen", wp.personen.toevoegen),
        lijst("/werkgroepen", wp.werkgroepen.lijst, "school", "thema", "fase"),
        nieuw("/werkgroepen", wp.werkgroepen.toevoegen),
        lees("/werkgroepen/{id}", lambda id_: wp.werkgroepen.zoek(id=id_)),
        schrijf("/werkgroepen/{id}/leden", wp.werkgroepen.lid),
        schrijf("/werkgroepen/{id}/logboek", wp.logboek.schrijf, 201),
        lees("/werkgroepen/{id}/cyclus", wp.cycli.overzicht),
        Route(
            "/werkgroepen/{id}/cyclus/{stap}",
            eindpunt(stap(lambda: wp.cycli, CYCLUSSTAPPEN, "id")),
            methods=["POST"],
        ),
        lijst("/besluiten", wp.besluitvorming.lijst, "werkgroep", "thema", "fase"),
        nieuw("/besluiten", wp.besluitvorming.nieuw),
        lees("/besluiten/{id}", wp.besluitvorming.overzicht),
        Route(
            "/besluiten/{id}/{stap}",
            eindpunt(stap(lambda: wp.besluitvorming, BESLUITSTAPPEN, "id")),
            methods=["POST"],
        ),
    ]
    return Starlette(routes=routes)


def _zoek(wp: Werkplaats, v: Request) -> Any:
    """``/zoek/werkgroep?q=reken``: the fuzzy lookup, for what a person typed."""
    diensten: dict[str, Callable[[str], Any]] = {
        "school": wp.scholen.zoek,
        "persoon": wp.personen.zoek,
        "werkgroep": wp.werkgroepen.zoek,
    }
    zoek = diensten.get(v.path_params["soort"])
    if zoek is None:
        raise Ongeldig(f"unknown kind; one of: {', '.join(diensten)}")
    return zoek(v.query_params.get("q", ""))


def app() -> Starlette:
    """The service over ``$WEBDIENST_WERKPLAATS`` (for ``uvicorn --factory``)."""
    vast = os.environ.get("WEBDIENST_VANDAAG")
    klok: Klok = VasteKlok(dt.date.fromisoformat(vast)) if vast else systeemdatum
    return maak_app(Werkplaats.open(os.environ["WEBDIENST_WERKPLAATS"], vandaag=klok))
