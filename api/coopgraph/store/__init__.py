"""Backends that hold the graph and answer SPARQL: the embedded pyoxigraph store (default) or a remote endpoint."""

from coopgraph.store.base import GraphStore, ProtocolRequest, QueryFailed, QueryRefused, StoreUnavailable

__all__ = ["GraphStore", "ProtocolRequest", "QueryFailed", "QueryRefused", "StoreUnavailable", "open_store"]


def open_store(settings) -> GraphStore:
    """The store the settings ask for."""
    from coopgraph.store.embedded import EmbeddedStore

    return EmbeddedStore()
