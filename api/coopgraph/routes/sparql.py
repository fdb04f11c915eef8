"""GET|POST /sparql: the SPARQL 1.1 Protocol, queries only.

GET with ?query=, POST as application/x-www-form-urlencoded, POST with an application/sparql-query body.
A plain GET with no query returns the service description. Updates are refused.
"""

from __future__ import annotations

import threading
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import APIRouter, Request, Response
from pyoxigraph import RdfFormat, parse, serialize

from coopgraph.errors import ApiError
from coopgraph.guard import Limits, graph_outside_store, screen_query
from coopgraph.store import ProtocolRequest
from coopgraph.store.formats import FORMAT_ALIASES, negotiate_graph_format
from coopgraph.store.sandbox import Busy, QueryTimeout

router = APIRouter(tags=["sparql"])

_SERVICE_DESCRIPTION = (Path(__file__).parent / "service-description.ttl").read_text(encoding="utf-8")
# The only graph name the embedded store knows: its default graph, as Jena spells it.
STORE_GRAPHS = frozenset({"urn:x-arq:DefaultGraph"})
_DOC = {
    "parameters": [
        {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE). Without it: the service description."},
        {"name": "default-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "named-graph-uri", "in": "query", "required": False,
         "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "format", "in": "query", "required": False, "schema": {"type": "string"},
         "description": "Overrides Accept: json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml."},
    ]
}


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", openapi_extra=_DOC)
def sparql_get(request: Request) -> Response:
    params = parse_qs(request.url.query, keep_blank_values=True)
    if "query" not in params:
        return _service_description(request)
    return _answer(request, params)


_POST_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/sparql-query": {"schema": {"type": "string", "maxLength": 20000}},
            "application/x-www-form-urlencoded": {"schema": {
                "type": "object", "required": ["query"],
                "properties": {"query": {"type": "string", "maxLength": 20000},
                               "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                               "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}},
        },
    },
}


@router.post("/sparql", summary="SPARQL 1.1 query (form or direct POST)", openapi_extra=_POST_DOC)
async def sparql_post(request: Request) -> Response:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _bounded_body(request, request.app.state.settings.max_body_bytes)
    params = parse_qs(request.url.query, keep_blank_values=True)
    if media_type == "application/x-www-form-urlencoded":
        form = parse_qs(_decode(body), keep_blank_values=True)
        for name, values in form.items():
            params.setdefault(name, []).extend(values)
    elif media_type == "application/sparql-query":
        if "query" in params:
            raise ApiError(400, "a direct POST carries the query in its body, not also in the URL", "query")
        params["query"] = [_decode(body)]
    elif media_type == "application/sparql-update":
        raise ApiError(403, "this endpoint is read-only: SPARQL updates are not accepted", "query")
    else:
        raise ApiError(415, "send application/x-www-form-urlencoded or application/sparql-query "
                            f"(got {media_type or 'no Content-Type'})", "Content-Type")
    if "query" not in params:
        if "update" in params:
            raise ApiError(403, "this endpoint is read-only: SPARQL updates are not accepted", "update")
        raise ApiError(400, "missing parameter 'query'", "query")
    return _answer(request, params)


def _answer(request: Request, params: dict[str, list[str]]) -> Response:
    settings = request.app.state.settings
    if "update" in params:
        raise ApiError(403, "this endpoint is read-only: SPARQL updates are not accepted", "update")
    queries = params["query"]
    if len(queries) != 1:
        raise ApiError(400, f"exactly one 'query' parameter is allowed, got {len(queries)}", "query")
    query = queries[0]
    if not query.strip():
        raise ApiError(400, "the 'query' parameter is empty", "query")
    screen_query(query, Limits(settings.max_query_length, settings.max_query_depth), STORE_GRAPHS)
    default_graphs, named_graphs = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    for graph in default_graphs + named_graphs:
        graph_outside_store(graph, STORE_GRAPHS)
    protocol_request = ProtocolRequest(query, _accept(request, params), default_graphs, named_graphs,
                                       max_rows=settings.max_rows)
    service = request.app.state.service
    with _client_slot(request):
        if service.sandbox is None:
            result = service.store.protocol_query(protocol_request)
        else:
            try:
                result = service.sandbox.run(protocol_request, settings.query_timeout_s, settings.queue_wait_s)
            except QueryTimeout as error:
                raise ApiError(422, f"{error}; narrow it or add LIMIT", "query", code="query-timeout") from error
            except Busy as error:
                raise ApiError(503, f"{error}; try again shortly", headers={"Retry-After": "2"}) from error
    headers = {}
    if result.truncated:
        # Never a silent partial answer: the headers (and a "truncated" member in SPARQL JSON) say so.
        headers = {"Coopgraph-Truncated": "true", "Coopgraph-Row-Limit": str(result.limit)}
    return Response(result.body, media_type=_with_charset(result.media_type), headers=headers)


_in_flight: Counter[str] = Counter()
_in_flight_lock = threading.Lock()


@contextmanager
def _client_slot(request: Request):
    """At most max_concurrent_per_client queries at once per client address; the next one gets 429."""
    client = request.client.host if request.client else "unknown"
    limit = request.app.state.settings.max_concurrent_per_client
    with _in_flight_lock:
        if _in_flight[client] >= limit:
            raise ApiError(429, f"at most {limit} queries at once per client; wait for one to finish",
                           headers={"Retry-After": "1"})
        _in_flight[client] += 1
    try:
        yield
    finally:
        with _in_flight_lock:
            _in_flight[client] -= 1


async def _bounded_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the request body is larger than {limit} bytes", "body")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise ApiError(413, f"the request body is larger than {limit} bytes", "body")
    return bytes(body)


def _service_description(request: Request) -> Response:
    endpoint = str(request.url.replace(query=""))
    turtle = _SERVICE_DESCRIPTION.replace("{endpoint}", endpoint)
    fmt = negotiate_graph_format(_accept(request, parse_qs(request.url.query)))
    if fmt == RdfFormat.TURTLE:
        return Response(turtle, media_type=_with_charset(fmt.media_type))
    quads = parse(turtle, format=RdfFormat.TURTLE)
    return Response(serialize(quads, format=fmt), media_type=_with_charset(fmt.media_type))


def _accept(request: Request, params: dict[str, list[str]]) -> str:
    formats = params.get("format")
    if formats:
        name = formats[0].lower()
        if name not in FORMAT_ALIASES and "/" not in name:
            raise ApiError(400, f"unknown format {name!r}; use one of {', '.join(FORMAT_ALIASES)}", "format")
        return FORMAT_ALIASES.get(name, name)
    return request.headers.get("accept", "*/*")


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, "the request body is not UTF-8", "query") from error


def _with_charset(media_type: str) -> str:
    return media_type if media_type.startswith("application/n-triples") else f"{media_type}; charset=utf-8"
