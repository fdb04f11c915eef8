"""The running graph: the current store, how it was loaded, and the one way to reload it safely."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from coopgraph.loading import LoadError, load_graph
from coopgraph.queries import QueryRunner
from coopgraph.response_cache import ResponseCache
from coopgraph.settings import Settings
from coopgraph.store import GraphStore, open_store
from coopgraph.store.sandbox import SandboxPool

log = logging.getLogger(__name__)


@dataclass
class LoadStatus:
    loaded_at: float | None = None
    triples: int = 0
    files: int = 0
    last_error: list[dict] = field(default_factory=list)


class GraphService:
    def __init__(self, settings: Settings, store: GraphStore | None = None):
        self.settings = settings
        self.store = store or open_store(settings)
        self.queries = QueryRunner(self.store, settings.query_cache_size)
        self.responses = ResponseCache(settings.response_cache_mb * 2**20)
        self.remote = bool(settings.sparql_endpoint)
        # Public queries run in killable worker processes, trusted named queries in-process (embedded store);
        # a remote engine enforces its own limits and we stop waiting at the timeout.
        self.sandbox = (SandboxPool(settings.sparql_workers)
                        if settings.sparql_workers > 0 and not self.remote else None)
        self.status = LoadStatus()
        self._reload_lock = threading.Lock()

    def reload(self, extra: list[Path] | None = None) -> LoadStatus:
        """Validate the sources and swap them in; on LoadError the previous graph keeps serving.
        With a remote store, `coopgraph load` validated and pushed the graph: find which graph is current."""
        if self.remote:
            self.store.replace(None)
            self.status = LoadStatus(loaded_at=time.time(), triples=self.store.triple_count(), files=0)
            return self.status
        with self._reload_lock:
            try:
                loaded = load_graph(self.settings, extra)
            except LoadError as error:
                self.status.last_error = [p.as_dict() for p in error.problems]
                log.error("graph not reloaded, previous graph still serving:\n%s", error)
                raise
            started = time.perf_counter()
            self.store.replace(loaded)
            if self.sandbox is not None:
                self.sandbox.load(loaded.files)
            self.status = LoadStatus(
                loaded_at=time.time(), triples=self.store.triple_count(), files=len(loaded.files)
            )
            log.info("graph loaded: %d triples from %d files in %.2fs", self.status.triples,
                     self.status.files, time.perf_counter() - started)
            return self.status

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.close()
