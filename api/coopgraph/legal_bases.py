"""Assemble the answer to "which legal bases permit this action between these parties on this date"
from the rows of queries/legal-bases/describe-legal-bases.rq (one row per fact, grouped by rule), each rule
found and given its match kind by find-candidate-rules.rq."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

MATCH_ORDER = {"exact": 0, "general": 1, "residual": 2, "domestic": 3}


@dataclass(frozen=True)
class Party:
    iri: str
    code: str
    label: str


def pick(labels: dict[str, str], lang: str) -> str | None:
    """The label in the wanted language, else English, else any."""
    return labels.get(lang) or labels.get("en") or next(iter(labels.values()), None)


def assemble(rows: list[dict], *, lang: str, parties: list[Party], explain: bool) -> list[dict]:
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_rule[row["rule"]].append(row)
    # A rule without its "rule" row would be a query bug; it is left out rather than answered half-known.
    results = [_legal_basis(rule, facts, lang, parties, explain)
               for rule, facts in by_rule.items() if any(f["row"] == "rule" for f in facts)]
    results.sort(key=lambda r: (MATCH_ORDER[r["match"]], r["instrument"]["id"],
                                citation_order(r["provision"]["number"]), r["action"]["id"]))
    return results


def citation_order(citation: str | None) -> tuple:
    """Document order of citations: "57(3)(e)" < "93(1)(k)" < "93(10)" < "615-1"; none (a whole treaty) last.

    Numbers compare as numbers and letters as text, part by part. A provision's own coop:position counts only
    among its siblings, so it cannot order a point of one article against a point of another.
    """
    if not citation:
        return ((2, 0, ""),)
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.findall(r"\d+|[A-Za-z]+", citation))


def _legal_basis(rule: str, facts: list[dict], lang: str, parties: list[Party], explain: bool) -> dict:
    main = next(f for f in facts if f["row"] == "rule")
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    conditions: dict[str, dict] = {}
    not_required: dict[str, dict] = {}
    refusals: dict[tuple, dict] = {}
    excluded: dict[tuple, dict] = {}
    reservations: dict[str, dict] = {}
    participations: dict[tuple, dict] = {}
    executions: dict[str, dict] = {}
    sources: set[str] = set()
    for fact in facts:
        kind, language = fact["row"], fact.get("labelLang") or ""
        if kind in ("title", "provision-label", "heading", "action-label"):
            labels[kind][language] = fact["label"]
        elif kind in ("condition", "not-required"):
            target = conditions if kind == "condition" else not_required
            entry = target.setdefault(fact["item"], {"id": fact["itemSlug"], "iri": fact["item"], "labels": {}})
            entry["labels"][language] = fact["label"]
        elif kind in ("refusal", "excluded"):
            key = (fact["item"], fact.get("citation"))
            entry = (refusals if kind == "refusal" else excluded).setdefault(key, {
                "id": fact["itemSlug"], "iri": fact["item"], "labels": {}, "mandatory": fact.get("mandatory"),
                "provision": fact.get("citation")})
            entry["labels"][language] = fact["label"]
        elif kind == "source":
            sources.add(fact["item"])
        elif kind == "reservation":
            entry = reservations.setdefault(fact["item"], {"iri": fact["item"], "party": fact["partyCode"],
                                                           "effect": fact.get("itemSlug"), "summaries": {},
                                                           "valid_from": fact.get("from"),
                                                           "valid_until": fact.get("until")})
            if "label" in fact:
                entry["summaries"][language] = fact["label"]
        elif kind == "participation":
            participations[(fact["partyCode"], fact["item"])] = {
                "party": fact["partyCode"], "basis": fact["basis"], "iri": fact["item"],
                "in_force_from": fact.get("from"), "until": fact.get("until"),
                "reckoned_under": fact.get("reckonedUnder")}
        elif kind == "execution":
            entry = executions.setdefault(fact["item"], {
                "iri": fact["item"], "instrument": fact["instrumentId"], "provision": fact["citation"],
                "provision_iri": fact["provision"], "authorisation": fact.get("authorisationSlug"), "labels": {}})
            if "label" in fact:
                entry["labels"][language] = fact["label"]

    number = main.get("citation")
    bases = _bases(participations, parties)
    result = {
        "instrument": {"id": main["instrumentId"], "iri": main["instrument"], "title": pick(labels["title"], lang),
                       "kind": main["kindSlug"]},
        "provision": {"iri": main.get("provision"), "number": number,
                      "label": pick(labels["provision-label"], lang) if number else None,
                      "heading": pick(labels["heading"], lang),
                      "instrument_level": bool(main.get("instrumentLevel"))},
        "action": {"id": main["ruleActionSlug"], "iri": main["ruleAction"],
                   "label": pick(labels["action-label"], lang)},
        "match": main["match"],
        "rule": {"iri": rule, "type": main["ruleType"].rsplit("#", 1)[-1].lower()},
        "conditions": _concepts(conditions, lang),
        "conditions_not_required": _concepts(not_required, lang),
        "refusal_grounds": sorted(
            ({"id": r["id"], "iri": r["iri"], "label": pick(r["labels"], lang), "mandatory": r["mandatory"],
              "provision": r["provision"]} for r in refusals.values()),
            key=lambda r: (r["provision"] or "", r["id"])),
        "refusal_grounds_excluded": sorted(
            ({"id": r["id"], "iri": r["iri"], "label": pick(r["labels"], lang), "provision": r["provision"]}
             for r in excluded.values()),
            key=lambda r: (r["provision"] or "", r["id"])),
        "reservations": sorted(
            ({"iri": r["iri"], "party": r["party"], "effect": r["effect"], "summary": pick(r["summaries"], lang),
              "valid_from": r["valid_from"], "valid_until": r["valid_until"]} for r in reservations.values()),
            key=lambda r: r["iri"]),
        "in_force": {code: b["in_force_from"] if b else None for code, b in bases.items()},
        "bound_as": {code: b["basis"] if b else None for code, b in bases.items()},
        "in_force_reckoned_under": {code: b["reckoned_under"] for code, b in bases.items()
                                    if b and b.get("reckoned_under")},
        "domestic_execution": sorted(
            ({"iri": e["iri"], "instrument": e["instrument"], "provision": e["provision"],
              "provision_iri": e["provision_iri"], "label": pick(e["labels"], lang),
              "authorisation": e["authorisation"]} for e in executions.values()),
            key=lambda e: e["iri"]),
        "sources": sorted(sources),
    }
    if explain:
        result["explanation"] = _explanation(result, participations, parties)
    return result


def _concepts(found: dict[str, dict], lang: str) -> list[dict]:
    return sorted(({"id": c["id"], "iri": c["iri"], "label": pick(c["labels"], lang)} for c in found.values()),
                  key=lambda c: c["id"])


# When several bases hold on the date, membership explains the answer best: a State Party that had earlier
# accepted jurisdiction under Rome Statute art. 12(3) is answered as a party.
BASIS_PREFERENCE = ["party", "role-holder", "enacting-state", "acceptance-of-jurisdiction"]


def _bases(participations: dict[tuple, dict], parties: list[Party]) -> dict[str, dict | None]:
    """For each named party, the basis on which it is bound on the date and from when."""
    chosen: dict[str, dict | None] = {}
    for party in parties:
        held = [p for p in participations.values() if p["party"] == party.code]
        held.sort(key=lambda p: (BASIS_PREFERENCE.index(p["basis"]), p["in_force_from"] or ""))
        chosen[party.code] = held[0] if held else None
    return chosen


def _explanation(result: dict, participations: dict[tuple, dict], parties: list[Party]) -> list[dict]:
    steps = [{"step": "instrument", "iri": result["instrument"]["iri"], "id": result["instrument"]["id"],
              "kind": result["instrument"]["kind"]}]
    for party in parties:
        for p in sorted((p for p in participations.values() if p["party"] == party.code), key=lambda p: p["iri"]):
            steps.append({"step": "participation", "party": party.code, "basis": p["basis"], "iri": p["iri"],
                          "in_force_from": p["in_force_from"], "until": p["until"],
                          "in_force_reckoned_under": p.get("reckoned_under")})
    steps.append({"step": "provision", "iri": result["provision"]["iri"], "number": result["provision"]["number"],
                  "heading": result["provision"]["heading"]})
    steps.append({"step": result["rule"]["type"], "iri": result["rule"]["iri"], "action": result["action"]["id"],
                  "match": result["match"]})
    steps.append({"step": "reservations-checked", "parties": [p.code for p in parties],
                  "found": [r["iri"] for r in result["reservations"]]})
    steps.append({"step": "domestic-execution", "found": [e["iri"] for e in result["domestic_execution"]]})
    return steps


def today() -> dt.date:
    return dt.date.today()
