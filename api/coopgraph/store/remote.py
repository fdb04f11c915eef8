"""The remote backend: any SPARQL 1.1 endpoint (Oxigraph server, Fuseki, Virtuoso, GraphDB) via SPARQLWrapper.

The graph lives in a named graph whose name changes with every load (`<base>/<digest>`); a one-triple pointer
graph says which one is current, so a load writes a new graph first and then switches the pointer in one
Graph Store Protocol request: readers see the old graph or the new, never half of one. Every query names the
current graph as its default graph (the protocol's default-graph-uri), so the same `.rq` files run unchanged.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error

from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results
from SPARQLWrapper import POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from coopgraph.queries import named_query
from coopgraph.store.base import ProtocolRequest, QueryFailed, StoreUnavailable
from coopgraph.store.formats import (
    NotAcceptable,
    json_term_value,
    negotiate_graph_format,
    negotiate_results_format,
)
from coopgraph.store.results import SerialisedResult, boolean_result, graph_result, select_result, take

log = logging.getLogger(__name__)
POINTER_GRAPH = "https://w3id.org/coopgraph/graph/pointer"
HAS_VERSION = "http://purl.org/dc/terms/hasVersion"
# JSON for solutions, N-Triples for graphs: both are easy to read back and re-serialise exactly.
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


class RemoteStore:
    def __init__(self, query_endpoint: str, graph_base: str, timeout_s: float, user: str | None = None,
                 password: str | None = None, pointer_ttl_s: float = 5.0):
        self.query_endpoint = query_endpoint
        self.graph_base = graph_base
        self.timeout_s = timeout_s
        self.credentials = (user, password) if user else None
        self.pointer_ttl_s = pointer_ttl_s
        self._current: str | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()

    # -- the graph in use ------------------------------------------------------------------------------------

    def replace(self, loaded) -> None:
        """The remote store is loaded by `coopgraph load`; here we only find out which graph is current."""
        self.refresh_pointer(force=True)

    def refresh_pointer(self, force: bool = False) -> str:
        with self._lock:
            if force or self._current is None or time.monotonic() - self._checked_at > self.pointer_ttl_s:
                rows = self._select_raw(named_query("remote/find-current-graph").render({"base": self.graph_base}),
                                        default_graph=None)
                if not rows:
                    raise StoreUnavailable(f"the SPARQL endpoint {self.query_endpoint} holds no Cooperation Graph "
                                           "data yet: run `coopgraph load` first")
                self._current = rows[0]["graph"]["value"]
                self._checked_at = time.monotonic()
            return self._current

    @property
    def current_graph(self) -> str:
        return self.refresh_pointer()

    def version(self) -> str:
        """The current graph's name: a new `coopgraph load` is noticed within pointer_ttl_s."""
        return self.current_graph

    def triple_count(self) -> int:
        return self.count(self.current_graph)

    def count(self, graph: str) -> int:
        rows = self._select_raw(named_query("remote/count-graph").render({"graph": graph}), None)
        return int(rows[0]["n"]["value"])

    def versions(self) -> list[str]:
        rows = self._select_raw(named_query("remote/list-versions").render({"prefix": self.graph_base + "/"}), None)
        return [row["graph"]["value"] for row in rows]

    # -- queries ---------------------------------------------------------------------------------------------

    def select(self, query: str) -> list[dict[str, object]]:
        rows = self._select_raw(query, self.current_graph)
        return [{name: json_term_value(term) for name, term in row.items()} for row in rows]

    def protocol_query(self, request: ProtocolRequest) -> SerialisedResult:
        graphs = request.default_graphs or [self.current_graph]
        body, media_type = self._send(request.query, _ACCEPT, graphs, request.named_graphs)
        if media_type.startswith("application/sparql-results+json"):
            document = json.loads(body)
            if "boolean" in document:
                return boolean_result(document["boolean"], negotiate_results_format(request.accept))
            fmt = negotiate_results_format(request.accept)
            solutions = parse_query_results(body, format=QueryResultsFormat.JSON)
            variables = [v.value for v in solutions.variables]
            chosen, truncated = take(solutions, request.max_rows)
            rows = [{n: s[n] for n in variables if s[n] is not None} for s in chosen]
            return select_result(variables, rows, truncated, fmt, request.max_rows)
        if media_type.startswith("application/n-triples") or media_type.startswith("text/plain"):
            fmt = negotiate_graph_format(request.accept)
            triples, truncated = take((quad.triple for quad in parse(body, format=RdfFormat.N_TRIPLES)),
                                      request.max_rows)
            return graph_result(triples, truncated, fmt, request.max_rows)
        raise NotAcceptable(f"the remote endpoint answered in {media_type}, which cannot be converted")

    def _select_raw(self, query: str, default_graph: str | None) -> list[dict]:
        body, media_type = self._send(query, "application/sparql-results+json",
                                      [default_graph] if default_graph else [], [])
        if not media_type.startswith("application/sparql-results+json"):
            raise QueryFailed("a named query must be a SELECT query")
        return json.loads(body)["results"]["bindings"]

    def _send(self, query: str, accept: str, default_graphs: list[str], named_graphs: list[str]) -> tuple[bytes, str]:
        client = SPARQLWrapper(self.query_endpoint)
        client.setMethod(POST)
        client.setRequestMethod("postdirectly")
        client.setQuery(query)
        if client.isSparqlUpdateRequest():
            # SPARQLWrapper guesses the form from the first keyword left after removing comments, but its comment
            # pattern skips every second line of a comment block, so "# … ADD …" there reads as an update. Only
            # queries reach this point (the guard refuses updates), so correct the guess.
            client.queryType = SELECT
        client.setOnlyConneg(True)
        client.addCustomHttpHeader("Accept", accept)
        client.setTimeout(max(1, round(self.timeout_s)))
        for graph in default_graphs:
            client.addDefaultGraph(graph)
        for graph in named_graphs:
            client.addNamedGraph(graph)
        if self.credentials:
            client.setCredentials(*self.credentials)
        try:
            response = client.query().response
            return response.read(), response.headers.get("Content-Type", "")
        except QueryBadFormed as error:
            raise QueryFailed(str(error).split("Response:")[-1].strip()[:500]) from error
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            raise StoreUnavailable(f"the SPARQL endpoint {self.query_endpoint} is not answering ({error}); "
                                   "it will be retried on the next request") from error
        except SPARQLWrapperException as error:
            raise StoreUnavailable(f"the SPARQL endpoint {self.query_endpoint} failed: {error}") from error
