"""GET /api/v1/parties: the codes the API accepts for states and international bodies."""

from __future__ import annotations

import re
from typing import Literal

from fastapi import APIRouter, Query, Request

from coopgraph.errors import ApiError
from coopgraph.legal_bases import Party, pick
from coopgraph.schemas import PartyList

router = APIRouter(prefix="/api/v1/parties", tags=["parties"])
PARTY_CODE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
UNKNOWN_PARTY_HINT = ("use an ISO 3166-1 alpha-3 code for a state (UKR, POL, USA) or a body's code "
                      "(ICC, EUROPOL, EUROJUST, EPPO); GET /api/v1/parties lists them all")


def find_party(request: Request, code: str, parameter: str, lang: str = "en") -> Party:
    """The party with this code, or a 404 naming the parameter; malformed codes never reach a query."""
    if not PARTY_CODE.match(code or ""):
        raise ApiError(404, f"unknown party {code!r} in '{parameter}': {UNKNOWN_PARTY_HINT}", parameter)
    rows = request.app.state.service.queries.run("parties/find-party", code=code)
    if not rows:
        raise ApiError(404, f"unknown party {code!r} in '{parameter}': {UNKNOWN_PARTY_HINT}", parameter)
    labels = {r["labelLang"]: r["label"] for r in rows if "label" in r}
    return Party(iri=rows[0]["party"], code=code, label=pick(labels, lang) or code)


@router.get("", summary="Every party code the API accepts, with names", response_model=PartyList)
def list_parties(request: Request, lang: Literal["en", "uk"] = Query("en", description="Name language"),
                 kind: Literal["state", "body"] | None = Query(None, description="Only states or only bodies")) -> dict:
    parties: dict[str, dict] = {}
    for row in request.app.state.service.queries.run("parties/list-parties"):
        entry = parties.setdefault(row["code"], {"code": row["code"], "iri": row["party"],
                                                 "kind": "state" if row["isState"] else "body", "labels": {}})
        if "label" in row:
            entry["labels"][row["labelLang"]] = row["label"]
    items = [{"code": p["code"], "iri": p["iri"], "kind": p["kind"], "label": pick(p["labels"], lang)}
             for p in parties.values() if kind is None or p["kind"] == kind]
    return {"count": len(items), "parties": items}
