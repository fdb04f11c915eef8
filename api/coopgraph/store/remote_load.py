"""`coopgraph load`: push the validated graph into a remote store through the Graph Store Protocol, atomically.

The graph goes into a new named graph first; only when the remote store holds every triple does the pointer
graph switch to it, in one request. A failure at any step leaves the previous graph serving. The graph
before the previous one is then dropped (the previous one stays for queries still running on it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import httpx
from pyoxigraph import DefaultGraph, RdfFormat, Store

from coopgraph.loading import LoadedGraph
from coopgraph.store.base import StoreUnavailable
from coopgraph.store.remote import HAS_VERSION, POINTER_GRAPH, RemoteStore


class LoadFailed(Exception):
    """The remote store did not take the new graph; the previous one is still current."""


@dataclass
class PushResult:
    graph: str
    previous: str | None
    triples: int
    dropped: list[str]


def push_graph(loaded: LoadedGraph, remote: RemoteStore, graph_store_endpoint: str,
               auth: tuple[str, str] | None = None, timeout_s: float = 300.0) -> PushResult:
    local = Store()
    for path in loaded.files:
        local.bulk_load(path=str(path), format=RdfFormat.TURTLE)
    ntriples = local.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph())
    # Named by the sources' bytes (the dump's triple order is not stable): the same sources, the same name.
    digest = hashlib.sha256()
    for path in loaded.files:
        digest.update(path.read_bytes())
    graph = f"{remote.graph_base}/{digest.hexdigest()[:16]}"
    with httpx.Client(timeout=timeout_s, auth=auth) as client:
        previous = _current(remote)
        _put(client, graph_store_endpoint, graph, ntriples)
        held = remote.count(graph)
        if held != len(local):
            _delete(client, graph_store_endpoint, graph)
            raise LoadFailed(f"the remote store holds {held} of {len(local)} triples in {graph}; "
                             "the previous graph is still current")
        pointer = f"<{remote.graph_base}> <{HAS_VERSION}> <{graph}> .\n".encode()
        _put(client, graph_store_endpoint, POINTER_GRAPH, pointer)
        remote.refresh_pointer(force=True)
        dropped = [old for old in remote.versions() if old not in (graph, previous)]
        for old in dropped:
            _delete(client, graph_store_endpoint, old)
    return PushResult(graph=graph, previous=previous, triples=len(local), dropped=dropped)


def _current(remote: RemoteStore) -> str | None:
    try:
        return remote.refresh_pointer(force=True)
    except StoreUnavailable as error:
        if "holds no Cooperation Graph data" in str(error):
            return None
        raise


def _put(client: httpx.Client, endpoint: str, graph: str, ntriples: bytes) -> None:
    try:
        response = client.put(endpoint, params={"graph": graph}, content=ntriples,
                              headers={"Content-Type": "application/n-triples"})
    except httpx.HTTPError as error:
        raise LoadFailed(f"cannot reach the graph store {endpoint}: {error}") from error
    if response.status_code >= 300:
        raise LoadFailed(f"the graph store refused <{graph}>: HTTP {response.status_code} {response.text[:300]}")


def _delete(client: httpx.Client, endpoint: str, graph: str) -> None:
    try:
        client.delete(endpoint, params={"graph": graph})
    except httpx.HTTPError:
        pass  # an old graph left behind costs space, not correctness
