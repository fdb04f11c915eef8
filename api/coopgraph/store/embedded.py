"""The embedded backend: an in-memory pyoxigraph store, swapped whole on every reload."""

from __future__ import annotations

import threading

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
)

from coopgraph.loading import LoadedGraph
from coopgraph.store.base import QueryFailed, RawResult
from coopgraph.store.formats import negotiate_graph_format, negotiate_results_format, python_value


class EmbeddedStore:
    def __init__(self) -> None:
        self._store = Store()
        self._lock = threading.Lock()  # serialises reloads; queries read self._store without locking

    def replace(self, loaded: LoadedGraph) -> None:
        fresh = Store()
        for path in loaded.files:
            fresh.bulk_load(path=str(path), format=RdfFormat.TURTLE)
        with self._lock:
            self._store = fresh

    def triple_count(self) -> int:
        return len(self._store)

    def select(self, query: str) -> list[dict[str, object]]:
        solutions = self._run(query)
        if not isinstance(solutions, QuerySolutions):
            raise QueryFailed("a named query must be a SELECT query")
        names = [v.value for v in solutions.variables]
        return [
            {name: python_value(row[name]) for name in names if row[name] is not None} for row in solutions
        ]

    def protocol_query(self, query: str, accept: str, default_graphs: list[str], named_graphs: list[str]) -> RawResult:
        options = {}
        if default_graphs:
            options["default_graph"] = [_graph(iri) for iri in default_graphs]
        if named_graphs:
            options["named_graphs"] = [NamedNode(iri) for iri in named_graphs]
        result = self._run(query, **options)
        if isinstance(result, QuerySolutions | QueryBoolean):
            fmt = negotiate_results_format(accept)
            return RawResult(result.serialize(format=fmt), fmt.media_type)
        fmt = negotiate_graph_format(accept)
        return RawResult(result.serialize(format=fmt), fmt.media_type)

    def dump(self, path, fmt: RdfFormat, prefixes: dict[str, str]) -> None:
        """Write the whole graph to a file (Turtle gets the sources' prefixes)."""
        options = {"prefixes": prefixes} if fmt in (RdfFormat.TURTLE, RdfFormat.TRIG) else {}
        self._store.dump(output=str(path), format=fmt, from_graph=DefaultGraph(), **options)

    def _run(self, query: str, **options):
        try:
            return self._store.query(query, **options)
        except SyntaxError as error:
            raise QueryFailed(str(error)) from error
        except (ValueError, OSError) as error:
            raise QueryFailed(str(error)) from error


def _graph(iri: str):
    # The store keeps everything in its default graph; naming it explicitly is allowed.
    return DefaultGraph() if iri == "urn:x-arq:DefaultGraph" else NamedNode(iri)
