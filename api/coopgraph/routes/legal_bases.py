"""GET /api/v1/legal-bases: which instruments permit an action between two parties on a date (DESIGN §4)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from fastapi import APIRouter, Query, Request, Response

from coopgraph.errors import ApiError
from coopgraph.legal_bases import Party, assemble, pick, today
from coopgraph.routes.actions import SLUG, action_iri
from coopgraph.routes.parties import find_party
from coopgraph.routes.tables import csv_response, preferred
from coopgraph.schemas import LegalBasesAnswer

router = APIRouter(prefix="/api/v1", tags=["legal bases"])
CSV_COLUMNS = ["match", "instrument", "instrument_kind", "provision", "provision_label", "heading", "action",
               "conditions", "reservations", "in_force", "in_force_reckoned_under", "sources"]


@router.get("/legal-bases", summary="Legal bases for an action between a requesting and a requested party on a date",
            response_model=LegalBasesAnswer, response_model_exclude_unset=True,
            responses={200: {"content": {"text/csv": {}, "application/ld+json": {}}},
                       404: {"description": "Unknown action or party (the message says where to find valid ids)"},
                       422: {"description": "Malformed parameter, e.g. a date that is not YYYY-MM-DD"}})
def legal_bases(
    request: Request,
    action: str = Query(..., description="Action type id, e.g. expedited-preservation-of-stored-data "
                                          "(GET /api/v1/actions lists them)"),
    requesting: str | None = Query(None, description="Requesting party code: UKR, POL, ICC … (GET /api/v1/parties)"),
    requested: str | None = Query(None, description="Requested party code"),
    date: dt.date | None = Query(None, description="YYYY-MM-DD; the day both parties must be bound (default today)"),
    lang: Literal["en", "uk"] = Query("en", description="Label language"),
    explain: bool = Query(False, description="Add, per result, the chain of facts that justifies it"),
):
    day = date or today()
    chosen = preferred(request, ("application/json", "text/csv", "application/ld+json"))
    service = request.app.state.service
    # A rendered answer is served again until the graph changes (the JSON-LD one names this host's context).
    key = ("legal-bases", action, requesting, requested, day, lang, explain, chosen, str(request.base_url))
    version = service.store.version()
    remembered = service.responses.get(version, key)
    if remembered is not None:
        return Response(remembered[0], media_type=remembered[1])
    response = _answer(request, action, requesting, requested, day, lang, explain, chosen)
    service.responses.put(version, key, response.body, response.media_type)
    return response


def _answer(request: Request, action: str, requesting: str | None, requested: str | None, day: dt.date,
            lang: str, explain: bool, chosen: str) -> Response:
    if not SLUG.match(action):
        raise ApiError(404, f"unknown action {action!r}; GET /api/v1/actions lists the valid ids", "action")
    action_rows = request.app.state.service.queries.run("actions/find-action", concept=action_iri(request, action))
    if not action_rows:
        raise ApiError(404, f"unknown action {action!r}; GET /api/v1/actions lists the valid ids", "action")
    parties: list[Party] = []
    named = {}
    for parameter, code in (("requesting", requesting), ("requested", requested)):
        if code is not None:
            named[parameter] = find_party(request, code, parameter, lang)
            parties.append(named[parameter])
    question = {"action": action_iri(request, action), "date": day,
                "requesting": named["requesting"].iri if "requesting" in named else None,
                "requested": named["requested"].iri if "requested" in named else None}
    queries = request.app.state.service.queries
    matches = {row["rule"]: row["match"] for row in queries.run("legal-bases/find-candidate-rules", **question)}
    rows = queries.run("legal-bases/describe-legal-bases", rule=list(matches), **question) if matches else []
    for row in rows:
        row["match"] = matches[row["rule"]]
    answer = {
        "action": {"id": action, "iri": action_iri(request, action),
                   "label": pick({r["labelLang"]: r["label"] for r in action_rows}, lang)},
        "requesting": requesting, "requested": requested, "date": day.isoformat(),
        "legal_bases": assemble(rows, lang=lang, parties=parties, explain=explain),
    }
    if chosen == "text/csv":
        return csv_response(_table(answer), CSV_COLUMNS)
    if chosen == "application/ld+json":
        # The same answer, read as Linked Data through the published context (ELI, schema.org, DCTERMS).
        context = str(request.url_for("context"))
        return Response(json.dumps({"@context": context, **answer}, ensure_ascii=False),
                        media_type="application/ld+json")
    # Checked against the published response model here, as FastAPI would, so that the body can be remembered.
    return Response(LegalBasesAnswer.model_validate(answer).model_dump_json(exclude_unset=True),
                    media_type="application/json")


def _table(answer: dict) -> list[dict]:
    """One CSV row per legal basis; lists become space-separated ids."""
    return [{
        "match": basis["match"], "instrument": basis["instrument"]["id"],
        "instrument_kind": basis["instrument"]["kind"],
        "provision": basis["provision"]["number"], "provision_label": basis["provision"]["label"],
        "heading": basis["provision"]["heading"], "action": basis["action"]["id"],
        "conditions": [c["id"] for c in basis["conditions"]], "reservations": [r["iri"] for r in basis["reservations"]],
        "in_force": [f"{party}={day}" for party, day in basis["in_force"].items()],
        "in_force_reckoned_under": [f"{party}={clause}" for party, clause in basis["in_force_reckoned_under"].items()],
        "sources": basis["sources"],
    } for basis in answer["legal_bases"]]
