"""GET /api/v1/statistics/requests: counts of cooperation requests (RDF Data Cube), each with its source."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request

from coopgraph.schemas import ObservationList

router = APIRouter(prefix="/api/v1/statistics", tags=["statistics"])


@router.get("/requests", summary="Cooperation requests per period, direction and category, with sources",
            response_model=ObservationList)
def request_statistics(
    request: Request,
    direction: str | None = Query(None, pattern="^(outgoing|incoming)$", description="outgoing or incoming"),
    category: str | None = Query(None, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", description="an action type id"),
) -> dict:
    observations: dict[str, dict] = {}
    for row in request.app.state.service.queries.run("statistics/list-request-observations"):
        if (direction and row["direction"] != direction) or (category and row["category"] != category):
            continue
        entry = observations.setdefault(row["observation"], {
            "iri": row["observation"], "dataset": row["dataset"], "dataset_title": row.get("datasetTitle"),
            "period": row["period"], "direction": row["direction"], "category": row["category"],
            "count": row["count"], "reporting_party": row.get("reporterCode") or row["reporter"],
            "sources": []})
        source = {"iri": row["source"], "title": row.get("sourceTitle"), "derived_from": row.get("derivedFrom")}
        if source not in entry["sources"]:
            entry["sources"].append(source)
    return {"count": len(observations), "observations": list(observations.values())}
