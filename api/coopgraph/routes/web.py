"""Pages for people who don't write SPARQL: the legal-bases page (/), the query page (/query), the ontology
documentation (/ontology, also Turtle and JSON-LD by content negotiation), the authoring guide, and their files.

The pages are static HTML; their scripts call the JSON API and /sparql, so everything they show is also
available to programs.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from coopgraph import resources
from coopgraph.errors import ApiError
from coopgraph.ontology_docs import ontology_documents
from coopgraph.queries import parse_query_file
from coopgraph.store.formats import accepted_types

router = APIRouter()

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
PAGES_DIR, STATIC_DIR, EXAMPLES_DIR = WEB_DIR / "pages", WEB_DIR / "static", WEB_DIR / "examples"
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}
# Revalidate on every load (ETag): a new release never meets a stale script.
NO_STALE_CACHE = {"Cache-Control": "no-cache"}
ONTOLOGY_FORMATS = {"html": "text/html", "turtle": "text/turtle", "ttl": "text/turtle",
                    "jsonld": "application/ld+json", "json": "application/ld+json"}


@router.get("/", include_in_schema=False)
def legal_bases_page() -> FileResponse:
    return FileResponse(PAGES_DIR / "index.html", media_type="text/html; charset=utf-8", headers=NO_STALE_CACHE)


@router.get("/query", include_in_schema=False)
def query_page() -> FileResponse:
    return FileResponse(PAGES_DIR / "query.html", media_type="text/html; charset=utf-8", headers=NO_STALE_CACHE)


@router.get("/query/examples", tags=["pages"], summary="The example SPARQL queries shown on the query page")
def query_examples() -> dict:
    return {"examples": list(example_queries())}


@lru_cache
def example_queries() -> tuple[dict, ...]:
    examples = []
    for path in sorted(EXAMPLES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        examples.append({"id": path.stem, "summary": parse_query_file(path.stem, text).summary, "query": text})
    return tuple(examples)


@router.get("/static/{name}", include_in_schema=False)
def static_file(name: str) -> FileResponse:
    path = STATIC_DIR / name
    # Only files that sit directly in static/ with a known type; no path ever leaves the folder.
    if "/" in name or "\\" in name or name.startswith(".") or path.suffix not in STATIC_TYPES or not path.is_file():
        raise ApiError(404, f"no static file {name!r}")
    return FileResponse(path, media_type=STATIC_TYPES[path.suffix], headers=NO_STALE_CACHE)


@router.get("/ui/concept-labels", tags=["pages"], summary="Labels of the concepts the pages show by id")
def concept_labels(request: Request, lang: Literal["en", "uk"] = Query("en", description="Label language")) -> dict:
    """{scheme: {notation: label}} for authorisations, effects of reservations and instrument kinds."""
    rows = request.app.state.service.store.select(_concept_labels_query().render({"lang": lang}))
    labels: dict[str, dict[str, str]] = {}
    for row in rows:
        labels.setdefault(row["scheme"], {})[row["notation"]] = row["label"]
    return {"lang": lang, "labels": labels}


@lru_cache
def _concept_labels_query():
    path = WEB_DIR / "queries" / "concept-labels.rq"
    return parse_query_file("web/concept-labels", path.read_text(encoding="utf-8"))


@router.get("/ontology", tags=["ontology"], summary="The ontology: documentation (HTML), Turtle or JSON-LD",
            responses={200: {"content": {"text/html": {}, "text/turtle": {}, "application/ld+json": {}}}})
def ontology(request: Request, fmt: str | None = Query(
        None, alias="format", description="Overrides Accept: html, turtle (ttl) or jsonld")) -> Response:
    media_type = _ontology_media_type(request, fmt)
    documents = ontology_documents(request.app.state.settings.ontology_dir,
                                   with_extending_guide=extending_guide_path() is not None)
    headers = {"Vary": "Accept"}
    if media_type == "text/turtle":
        return Response(documents.turtle, media_type="text/turtle; charset=utf-8", headers=headers)
    if media_type == "application/ld+json":
        return Response(documents.jsonld, media_type="application/ld+json", headers=headers)
    return HTMLResponse(documents.html, headers=headers)


def _ontology_media_type(request: Request, fmt: str | None) -> str:
    if fmt is not None:
        if fmt.lower() not in ONTOLOGY_FORMATS:
            raise ApiError(400, f"unknown format {fmt!r}; use html, turtle or jsonld", "format")
        return ONTOLOGY_FORMATS[fmt.lower()]
    for media_type in accepted_types(request.headers.get("accept", "")):
        if media_type in ("text/html", "application/xhtml+xml", "text/*", "*/*"):
            return "text/html"
        if media_type == "text/turtle":
            return media_type
        if media_type in ("application/ld+json", "application/json"):
            return "application/ld+json"
    raise ApiError(406, "the ontology is available as text/html, text/turtle or application/ld+json", "Accept")


def extending_guide_path() -> Path | None:
    """docs/extending.md of the checkout; an installed wheel carries no docs/."""
    try:
        path = resources.source_dir("ontology").parent / "docs" / "extending.md"
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


@router.get("/docs/extending", include_in_schema=False)
def extending_guide() -> HTMLResponse:
    path = extending_guide_path()
    if path is None:
        raise ApiError(404, "the guide docs/extending.md is in the source repository, not in this installation")
    return HTMLResponse(_guide_html(path.read_text(encoding="utf-8")))


def _guide_html(markdown_text: str) -> str:
    import markdown  # imported on first use: only this page needs it

    body = markdown.markdown(markdown_text, extensions=["tables", "fenced_code"])
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{html.escape("Extending the graph — Cooperation Graph")}</title>'
            '<link rel="stylesheet" href="/static/style.css"></head><body class="guide">'
            '<header class="site-header"><a class="brand" href="/">Cooperation Graph</a><nav class="site-nav">'
            '<a href="/">Legal bases</a><a href="/query">SPARQL</a><a href="/ontology">Ontology</a></nav></header>'
            f'<main class="prose">{body}</main></body></html>')
