"""Linked Data: every IRI of the graph dereferences under /id/… (for when the base IRI is not served here):
HTML for browsers, Turtle, N-Triples and JSON-LD for machines. Also the JSON-LD @context of the API."""

from __future__ import annotations

import html
import re
from pathlib import Path
from string import Template

from fastapi import APIRouter, Query, Request, Response

from coopgraph.errors import ApiError
from coopgraph.queries import named_query
from coopgraph.store import ProtocolRequest
from coopgraph.store.formats import FORMAT_ALIASES, accepted_types

router = APIRouter(tags=["linked data"])
PACKAGE = Path(__file__).resolve().parents[1]
RESOURCE_PAGE = Template((PACKAGE / "templates" / "resource.html").read_text(encoding="utf-8"))
CONTEXT = (PACKAGE / "contexts" / "legal-bases.jsonld").read_bytes()
RESOURCE_PATH = re.compile(r"^[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$")
MACHINE_TYPES = ("text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml")


@router.get("/api/v1/context.jsonld", summary="The JSON-LD @context of the API's answers (ELI, schema.org, DCTERMS)")
def context() -> Response:
    return Response(CONTEXT, media_type="application/ld+json")


@router.get("/id/{path:path}", summary="Dereference an IRI of the graph: HTML, Turtle, N-Triples or JSON-LD")
def resource(request: Request, path: str,
             format: str | None = Query(None, description="turtle, ntriples, jsonld or html; overrides Accept")):
    if not RESOURCE_PATH.match(path):
        raise ApiError(404, f"no resource at /id/{path}", "path")
    iri = request.app.state.settings.base_iri + path
    service = request.app.state.service
    rows = service.queries.run("linked-data/describe-resource", resource=iri)
    if not rows:
        raise ApiError(404, f"the graph says nothing about <{iri}>", "path")
    media_type = _choose(request, format)
    if media_type == "text/html":
        return Response(_page(request, iri, path, rows), media_type="text/html; charset=utf-8")
    query = named_query("linked-data/construct-resource").render({"resource": iri})
    result = service.store.protocol_query(ProtocolRequest(query, media_type, max_rows=100_000))
    return Response(result.body, media_type=result.media_type)


def _choose(request: Request, format: str | None) -> str:
    if format:
        if format == "html":
            return "text/html"
        chosen = FORMAT_ALIASES.get(format)
        if chosen not in MACHINE_TYPES:
            raise ApiError(400, f"unknown format {format!r}; use turtle, ntriples, jsonld or html", "format")
        return chosen
    for media_type in accepted_types(request.headers.get("accept", "")):
        if media_type in ("text/html", "application/xhtml+xml"):
            return "text/html"
        if media_type in MACHINE_TYPES:
            return media_type
    return "text/turtle"


def _page(request: Request, iri: str, path: str, rows: list[dict]) -> str:
    base = request.app.state.settings.base_iri
    title = next((r["value"] for r in rows if r["direction"] == "out" and r.get("valueLang") == "en"
                  and r["property"].endswith(("#label", "#prefLabel", "/title"))), path)

    def link(value: str, label: str | None = None) -> str:
        text = html.escape(label or value)
        if value.startswith(base):
            return f'<a href="/id/{html.escape(value[len(base):])}">{text}</a>'
        if value.startswith(("http://", "https://")):
            return f'<a href="{html.escape(value)}" rel="nofollow">{text}</a>'
        return text

    def table(direction: str) -> str:
        lines = []
        for row in (r for r in rows if r["direction"] == direction):
            value = row["value"]
            shown = link(value, row.get("valueLabel")) if row.get("isIri") else html.escape(str(value))
            if row.get("valueLang"):
                shown += f' <span class="lang">@{html.escape(row["valueLang"])}</span>'
            lines.append(f"<tr><th>{link(row['property'], _local_name(row['property']))}</th><td>{shown}</td></tr>")
        return "\n".join(lines) or "<tr><td>—</td></tr>"

    return RESOURCE_PAGE.substitute(title=html.escape(str(title)), iri=html.escape(iri),
                                    path=f"/id/{html.escape(path)}", outgoing=table("out"), incoming=table("in"))


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1] or iri
