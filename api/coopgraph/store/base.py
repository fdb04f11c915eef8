"""What every backend offers, and the errors it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from coopgraph.loading import LoadedGraph
from coopgraph.store.results import SerialisedResult


class QueryFailed(Exception):
    """The query is malformed (a client error: HTTP 400)."""


class QueryRefused(Exception):
    """The query is well formed but not allowed here, e.g. an update (HTTP 403)."""


class StoreUnavailable(Exception):
    """The backend cannot answer now (HTTP 503)."""


@dataclass
class ProtocolRequest:
    """One SPARQL 1.1 Protocol query, already screened."""

    query: str
    accept: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    max_rows: int = 10_000


class GraphStore(Protocol):
    def replace(self, loaded: LoadedGraph) -> None:
        """Swap the whole graph for a validated one; readers see the old graph or the new, never a mix."""

    def select(self, query: str) -> list[dict[str, object]]:
        """Rows of a SELECT query as plain Python values (see formats.python_value)."""

    def protocol_query(self, request) -> SerialisedResult:
        """A SPARQL 1.1 Protocol query, serialised for its Accept header."""

    def triple_count(self) -> int: ...

    def version(self) -> object:
        """A value that changes whenever the graph changes."""
