"""Backends that hold the graph and answer SPARQL: the embedded pyoxigraph store (default) or a remote endpoint."""

from coopgraph.store.base import GraphStore, ProtocolRequest, QueryFailed, QueryRefused, StoreUnavailable

__all__ = ["GraphStore", "ProtocolRequest", "QueryFailed", "QueryRefused", "StoreUnavailable", "open_store"]


def open_store(settings) -> GraphStore:
    """The store the settings ask for: a remote SPARQL endpoint when one is configured, else embedded."""
    if settings.sparql_endpoint:
        from coopgraph.store.remote import RemoteStore

        return RemoteStore(settings.sparql_endpoint, settings.remote_graph, settings.query_timeout_s,
                           settings.remote_user, settings.remote_password, settings.remote_pointer_ttl_s)
    from coopgraph.store.embedded import EmbeddedStore

    return EmbeddedStore()
