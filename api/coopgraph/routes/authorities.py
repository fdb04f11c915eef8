"""GET /api/v1/authorities: which authority of a state sends or receives requests, at which stage, by which law."""

from __future__ import annotations

import re
from typing import Literal

from fastapi import APIRouter, Query, Request

from coopgraph.errors import ApiError
from coopgraph.routes.actions import SLUG, action_iri
from coopgraph.routes.parties import find_party
from coopgraph.schemas import AuthorityDesignationList

router = APIRouter(prefix="/api/v1", tags=["authorities"])
STAGE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@router.get("/authorities", response_model=AuthorityDesignationList,
            summary="Authorities designated to send or receive cooperation requests (e.g. central authorities), "
                    "by state, kind of request and stage of proceedings",
            responses={404: {"description": "Unknown party, action or stage (the message says where to look)"}})
def list_authorities(
    request: Request,
    party: str | None = Query(None, description="State code, e.g. UKR"),
    action: str | None = Query(None, description="Action type id, e.g. extradition: designations for it, for a "
                                                 "broader kind, or for every kind"),
    stage: str | None = Query(None, description="pre-trial-investigation, court-proceedings or "
                                                "enforcement-of-sentence: designations for it or for every stage"),
    lang: Literal["en", "uk"] = Query("en", description="Label language"),
) -> dict:
    service = request.app.state.service
    settings = request.app.state.settings
    values: dict[str, object] = {"lang": lang}
    if party is not None:
        values["state"] = find_party(request, party, "party", lang).iri
    if action is not None:
        if not SLUG.match(action) or not service.queries.run("actions/find-action",
                                                             concept=action_iri(request, action)):
            raise ApiError(404, f"unknown action {action!r}; GET /api/v1/actions lists the valid ids", "action")
        values["action"] = action_iri(request, action)
    if stage is not None:
        stage_iri = f"{settings.base_iri}stage/{stage}"
        if not STAGE.match(stage) or not service.queries.run("authorities/find-stage", stage=stage_iri):
            raise ApiError(404, f"unknown stage {stage!r}: use pre-trial-investigation, court-proceedings or "
                                "enforcement-of-sentence", "stage")
        values["stage"] = stage_iri
    designations = [{
        "iri": row["designation"], "state": row["stateCode"],
        "authority": {"code": row["authorityCode"], "iri": row["authority"], "label": row.get("authorityLabel")},
        "stages": _words(row.get("stages")), "actions": _words(row.get("actions")),
        "directions": _words(row.get("directions")),
        "provision": {"instrument": row["instrumentId"], "number": row["citation"], "iri": row["provision"],
                      "heading": row.get("heading")},
        "summary": row.get("summary"), "sources": _words(row.get("sources")),
    } for row in service.queries.run("authorities/list-authority-designations", **values)]
    return {"count": len(designations), "designations": designations}


def _words(text: str | None) -> list[str]:
    return sorted(text.split()) if text else []
