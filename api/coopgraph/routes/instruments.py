"""Resources: /api/v1/instruments (filtered, paged), /instruments/{id} with its provision tree,
/instruments/{id}/parties, /states/{code} (instruments binding it on a date) and /provisions/{…}."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Literal

from fastapi import APIRouter, Query, Request

from coopgraph.errors import ApiError
from coopgraph.legal_bases import pick, today
from coopgraph.routes.parties import find_party
from coopgraph.routes.tables import csv_response, preferred
from coopgraph.schemas import (
    InstrumentDetail,
    InstrumentList,
    InstrumentParties,
    ProvisionDetail,
    StateOnDate,
)

router = APIRouter(prefix="/api/v1", tags=["resources"])
INSTRUMENT_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PROVISION_PATH = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[A-Za-z0-9-]+)+$")
Kind = Literal["multilateral", "bilateral", "domestic", "inter-agency"]
MAX_PAGE = 500


def _base(request: Request) -> str:
    return request.app.state.settings.base_iri


def _instrument_summaries(rows: list[dict], lang: str) -> list[dict]:
    found: dict[str, dict] = {}
    for row in rows:
        entry = found.setdefault(row["instrument"], {
            "id": row["id"], "iri": row["instrument"], "kind": row["kindSlug"], "titles": {},
            "short_title": row.get("short"), "adopted": row.get("adopted"), "in_force": row.get("inForce"),
            "series": set()})
        if "title" in row:
            entry["titles"][row["titleLang"]] = row["title"]
        if "series" in row:
            entry["series"].add(row["series"])
    return [{**{k: v for k, v in e.items() if k not in ("titles", "series")}, "title": pick(e["titles"], lang),
             "series": sorted(e["series"])} for e in found.values()]


TABLE = {200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with Accept: text/csv"}}
INSTRUMENT_COLUMNS = ["id", "iri", "kind", "title", "short_title", "adopted", "in_force", "series"]
PARTY_COLUMNS = ["party", "label", "signed", "consent_kind", "consented", "in_force", "in_force_reckoned_under",
                 "withdrawal_notified",
                 "withdrawal_effective", "role", "iri", "sources"]


@router.get("/instruments", summary="Instruments, optionally of one kind or binding a party on a date (paged)",
            responses=TABLE, response_model=InstrumentList)
def list_instruments(request: Request, kind: Kind | None = None,
                     party: str | None = Query(None, description="Party code, e.g. UKR or ICC"),
                     date: dt.date | None = Query(None, description="With party: bound on this day"),
                     lang: Literal["en", "uk"] = "en",
                     limit: int = Query(100, ge=1, le=MAX_PAGE), offset: int = Query(0, ge=0)) -> dict:
    party_iri = find_party(request, party, "party").iri if party else None
    rows = request.app.state.service.queries.run("instruments/list-instruments", kind=kind, party=party_iri,
                                                  date=date if party else None)
    items = _instrument_summaries(rows, lang)
    page = items[offset:offset + limit]
    if preferred(request) == "text/csv":
        return csv_response(page, INSTRUMENT_COLUMNS)
    return {"count": len(items), "limit": limit, "offset": offset, "instruments": page}


@router.get("/instruments/{instrument_id}", summary="One instrument with its provision tree and rules",
            response_model=InstrumentDetail)
def get_instrument(request: Request, instrument_id: str, lang: Literal["en", "uk"] = "en") -> dict:
    iri = _instrument_iri(request, instrument_id)
    summary = next((s for s in _instrument_summaries(
        request.app.state.service.queries.run("instruments/list-instruments"), lang) if s["iri"] == iri), None)
    if summary is None:
        raise ApiError(404, f"unknown instrument {instrument_id!r}; GET /api/v1/instruments lists them",
                       "instrument_id")
    rows = request.app.state.service.queries.run("instruments/describe-instrument", instrument=iri)
    nodes: dict[str, dict] = {}
    texts: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    rules: dict[str, list[dict]] = defaultdict(list)
    scopes: dict[str, list[str]] = defaultdict(list)
    sources: set[str] = set()
    for row in rows:
        kind = row["row"]
        if kind == "provision":
            nodes[row["node"]] = {"iri": row["node"], "parent": row["parent"], "level": row["level"],
                                  "number": row["number"], "citation": row["citation"],
                                  "position": row.get("position"), "children": []}
        elif kind in ("label", "heading"):
            texts[(row["node"], kind)][row.get("textLang", "")] = row["text"]
        elif kind == "source" and row.get("node") == iri:
            sources.add(row["text"])
        elif kind == "rule":
            rule = {"iri": row["rule"], "type": row["ruleType"].rsplit("#", 1)[-1].lower(),
                    "action": row.get("actionSlug"), "residual": bool(row.get("residual")),
                    "refusal_scope": scopes[row["rule"]]}
            if rule not in rules[row.get("node", iri)]:
                rules[row.get("node", iri)].append(rule)
        elif kind == "scope":
            scopes[row["rule"]].append(row["scopeCitation"])
    for cited in scopes.values():
        cited.sort()
    roots = []
    for node in nodes.values():
        node["label"] = pick(texts[(node["iri"], "label")], lang)
        node["heading"] = pick(texts[(node["iri"], "heading")], lang)
        node["rules"] = rules.get(node["iri"], [])
        (nodes[node["parent"]]["children"] if node["parent"] in nodes else roots).append(node)
    for node in nodes.values():
        node["children"].sort(key=_order)
        del node["parent"]
    roots.sort(key=_order)
    return {**summary, "sources": sorted(sources), "instrument_level_rules": rules.get(iri, []), "provisions": roots,
            "entry_into_force_rules": _entry_into_force_rules(request, iri)}


def _entry_into_force_rules(request: Request, iri: str) -> list[dict]:
    rules: dict[str, dict] = {}
    for row in request.app.state.service.queries.run("instruments/list-entry-into-force-rules", instrument=iri):
        rule = rules.setdefault(row["rule"], {
            "iri": row["rule"], "provision": row["provision"], "citation": row["citation"], "period": row["period"],
            "first_day_of_next_month": bool(row.get("firstOfNextMonth")),
            "day_after_period": bool(row.get("dayAfterPeriod")), "consent_kinds": []})
        rule["consent_kinds"].append(row["consentKind"])
    return list(rules.values())


def _order(node: dict):
    position = node.get("position")
    return (position if position is not None else 10**6, node["citation"])


@router.get("/instruments/{instrument_id}/parties", summary="Who takes part in an instrument, and when",
            responses=TABLE, response_model=InstrumentParties)
def instrument_parties(request: Request, instrument_id: str) -> dict:
    iri = _instrument_iri(request, instrument_id)
    rows = request.app.state.service.queries.run("instruments/list-participations", instrument=iri)
    if not rows and not request.app.state.service.queries.run("instruments/describe-instrument", instrument=iri):
        raise ApiError(404, f"unknown instrument {instrument_id!r}; GET /api/v1/instruments lists them",
                       "instrument_id")
    parties: dict[str, dict] = {}
    for row in rows:
        entry = parties.setdefault(row["participation"], {
            "iri": row["participation"], "party": row["code"], "label": row.get("label"),
            "signed": row.get("signed"), "consent_kind": row.get("consentKind"), "consented": row.get("consented"),
            "in_force": row.get("inForce"), "in_force_reckoned_under": row.get("reckonedUnder"),
            "withdrawal_notified": row.get("notified"),
            "withdrawal_effective": row.get("withdrawn"), "role": row.get("role"), "sources": []})
        if row.get("source") and row["source"] not in entry["sources"]:
            entry["sources"].append(row["source"])
    if preferred(request) == "text/csv":
        return csv_response(list(parties.values()), PARTY_COLUMNS)
    return {"instrument": instrument_id, "count": len(parties), "parties": list(parties.values())}


@router.get("/states/{code}", summary="A state and the instruments that bind it on a date", responses=TABLE,
            response_model=StateOnDate)
def get_state(request: Request, code: str, date: dt.date | None = None,
              lang: Literal["en", "uk"] = "en") -> dict:
    party = find_party(request, code, "code", lang)
    day = date or today()
    queries = request.app.state.service.queries
    bound = _instrument_summaries(queries.run("instruments/list-instruments", party=party.iri, date=day), lang)
    participations = {row["instrument"]: row for row in
                      queries.run("instruments/list-party-participations", party=party.iri)}
    for instrument in bound:
        own = participations.get(instrument["iri"], {})
        instrument["party_in_force"] = own.get("inForce")
        instrument["party_in_force_reckoned_under"] = own.get("reckonedUnder")
        instrument["party_consent"] = own.get("consentKind")
    if preferred(request) == "text/csv":
        return csv_response(bound, INSTRUMENT_COLUMNS + ["party_in_force", "party_in_force_reckoned_under",
                                                         "party_consent"])
    return {"code": code, "iri": party.iri, "label": party.label, "date": day.isoformat(),
            "count": len(bound), "instruments": bound}


@router.get("/provisions/{path:path}",
            summary="One provision, e.g. /api/v1/provisions/rome-statute/art/93/para/1/point/k",
            response_model=ProvisionDetail)
def get_provision(request: Request, path: str, lang: Literal["en", "uk"] = "en") -> dict:
    if not PROVISION_PATH.match(path):
        raise ApiError(404, f"unknown provision {path!r}: use <instrument id>/art/<n>[/para/<p>][/point/<x>]",
                       "path")
    iri = f"{_base(request)}instrument/{path}"
    rows = request.app.state.service.queries.run("provisions/describe-provision", provision=iri)
    if not rows:
        raise ApiError(404, f"unknown provision {path!r}; GET /api/v1/instruments/{{id}} shows an instrument's "
                            "provisions", "path")
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    provision = {"iri": iri, "instrument": None, "parent": None, "level": None, "citation": None, "children": [],
                 "rules": [], "sources": []}
    rules: dict[str, dict] = {}
    for row in rows:
        kind, value = row["row"], row.get("value")
        if kind == "instrument":
            provision["instrument"] = row["otherSlug"]
        elif kind in ("parent", "level", "citation"):
            provision[kind] = value
        elif kind == "child":
            provision["children"].append({"iri": value, "citation": row["otherSlug"], "position": row.get("extra")})
        elif kind in ("label", "heading", "summary"):
            texts[kind][row.get("valueLang", "")] = value
        elif kind == "source":
            provision["sources"].append(value)
        elif kind == "rule":
            _rule(rules, value).update({"type": row["other"].rsplit("#", 1)[-1].lower(),
                                        "action": row.get("otherSlug"), "residual": bool(row.get("extra"))})
        elif kind == "condition":
            _rule(rules, row["other"])["conditions"].append(value)
        elif kind == "scope":
            _rule(rules, row["other"])["refusal_scope"].append(value)
    provision["label"] = pick(texts["label"], lang)
    provision["heading"] = pick(texts["heading"], lang)
    provision["summary"] = pick(texts["summary"], lang)
    provision["children"].sort(key=lambda c: (c["position"] if c["position"] is not None else 10**6, c["citation"]))
    provision["rules"] = sorted(rules.values(), key=lambda r: r["iri"])
    for rule in provision["rules"]:
        rule["refusal_scope"].sort()
    provision["sources"].sort()
    return provision


def _rule(rules: dict[str, dict], iri: str) -> dict:
    return rules.setdefault(iri, {"iri": iri, "type": None, "action": None, "residual": False, "conditions": [],
                                  "refusal_scope": []})


def _instrument_iri(request: Request, instrument_id: str) -> str:
    if not INSTRUMENT_ID.match(instrument_id):
        raise ApiError(404, f"unknown instrument {instrument_id!r}; GET /api/v1/instruments lists them",
                       "instrument_id")
    return f"{_base(request)}instrument/{instrument_id}"
