"""GET /api/v1/actions and /api/v1/actions/{slug}: the action-type taxonomy (SKOS) in English or Ukrainian."""

from __future__ import annotations

import re
from typing import Literal

from fastapi import APIRouter, Query, Request

from coopgraph.errors import ApiError
from coopgraph.schemas import ActionDetail, ActionList

router = APIRouter(prefix="/api/v1/actions", tags=["actions"])
Language = Literal["en", "uk"]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def action_iri(request: Request, slug: str) -> str:
    return f"{request.app.state.settings.base_iri}action/{slug}"


def list_actions(request: Request, lang: str) -> dict[str, dict]:
    """Every action type keyed by slug, with its broader slugs."""
    actions: dict[str, dict] = {}
    for row in request.app.state.service.queries.run("actions/list-actions", lang=lang):
        action = actions.setdefault(row["slug"], {
            "id": row["slug"], "iri": row["concept"], "label": row.get("label"),
            "definition": row.get("definition"), "broader": [],
        })
        if "broader" in row:
            action["broader"].append(row["broader"])
    return actions


@router.get("", summary="The action-type taxonomy, as a flat list and as a tree; q= searches labels in en and uk",
            response_model=ActionList, response_model_exclude_unset=True)
def get_actions(request: Request, lang: Language = Query("en", description="Label language: en or uk"),
                q: str | None = Query(None, min_length=2, max_length=100,
                                      description="Text to find in labels and synonyms, any language")) -> dict:
    actions = list_actions(request, lang)
    if q is not None:
        found = {row["slug"] for row in request.app.state.service.queries.run("actions/search-actions", text=q)}
        matches = sorted((a for slug, a in actions.items() if slug in found), key=lambda a: a["id"])
        return {"lang": lang, "q": q, "count": len(matches), "actions": matches}
    children: dict[str, list[str]] = {}
    for slug, action in actions.items():
        for parent in action["broader"]:
            children.setdefault(parent, []).append(slug)

    def subtree(slug: str, seen: frozenset[str]) -> dict:
        node = {k: actions[slug][k] for k in ("id", "iri", "label")}
        node["narrower"] = [subtree(c, seen | {c}) for c in sorted(children.get(slug, [])) if c not in seen]
        return node

    tops = sorted(slug for slug, action in actions.items() if not action["broader"])
    return {
        "lang": lang,
        "count": len(actions),
        "actions": sorted(actions.values(), key=lambda a: a["id"]),
        "tree": [subtree(slug, frozenset({slug})) for slug in tops],
    }


@router.get("/{slug}", summary="One action type with its labels, definitions, broader and narrower types",
            response_model=ActionDetail)
def get_action(request: Request, slug: str, lang: Language = Query("en", description="Label language")) -> dict:
    if not SLUG.match(slug):
        raise ApiError(404, f"unknown action {slug!r}: action ids are lower-case kebab slugs; "
                            "GET /api/v1/actions lists them", "slug")
    rows = request.app.state.service.queries.run("actions/describe-action", concept=action_iri(request, slug))
    if not rows:
        raise ApiError(404, f"unknown action {slug!r}; GET /api/v1/actions lists the valid ids", "slug")
    labels = {a["id"]: a["label"] for a in list_actions(request, lang).values()}
    action = {"id": slug, "iri": action_iri(request, slug), "label": None, "labels": {}, "alt_labels": {},
              "definition": None, "definitions": {}, "scope_notes": {}, "broader": [], "narrower": [],
              "close_matches": []}
    for row in rows:
        relation, value, language = row["relation"], row["value"], row.get("lang") or None
        if relation == "prefLabel":
            action["labels"][language] = value
        elif relation == "altLabel":
            action["alt_labels"].setdefault(language, []).append(value)
        elif relation == "definition":
            action["definitions"][language] = value
        elif relation == "scopeNote":
            action["scope_notes"][language] = value
        elif relation in ("broader", "narrower"):
            action[relation].append({"id": row["slug"], "iri": value, "label": labels.get(row["slug"])})
        elif relation in ("closeMatch", "exactMatch"):
            action["close_matches"].append(value)
    action["label"] = action["labels"].get(lang) or action["labels"].get("en")
    action["definition"] = action["definitions"].get(lang) or action["definitions"].get("en")
    return action
