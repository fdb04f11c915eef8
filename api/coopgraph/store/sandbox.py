"""Run public SPARQL queries in worker processes that can be killed: a runaway query is stopped at its time
limit (its process is killed and replaced) while the service and the other workers keep answering.

Each worker holds its own in-memory copy of the validated graph, loaded from the same files as the store.
The parent thread that waits for an answer is an ordinary request thread; the event loop never blocks.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from pathlib import Path

from coopgraph.store.base import ProtocolRequest, QueryFailed, StoreUnavailable
from coopgraph.store.formats import NotAcceptable
from coopgraph.store.results import SerialisedResult

log = logging.getLogger(__name__)
_CONTEXT = multiprocessing.get_context("spawn")  # no inherited threads or locks from the server process


class QueryTimeout(Exception):
    """The query ran past its time limit and was stopped."""


class Busy(Exception):
    """No worker became free in time."""


def _serve(files: list[str], connection) -> None:
    """The worker process: load the graph, then answer requests until the pipe closes."""
    from pyoxigraph import RdfFormat, Store

    from coopgraph.store.embedded import answer_protocol_query

    store = Store()
    for path in files:
        store.bulk_load(path=path, format=RdfFormat.TURTLE)
    connection.send(("ready", len(store)))
    while True:
        try:
            request: ProtocolRequest = connection.recv()
        except EOFError:
            return
        try:
            connection.send(("ok", answer_protocol_query(store, request)))
        except QueryFailed as error:
            connection.send(("failed", str(error)))
        except NotAcceptable as error:
            connection.send(("not-acceptable", str(error)))
        except Exception as error:  # noqa: BLE001 — reported to the parent as a query failure, never a crash
            connection.send(("failed", f"{type(error).__name__}: {error}"))


class _Worker:
    def __init__(self, files: list[str], generation: int):
        self.generation = generation
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(files, child), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        try:
            if self.connection.poll(timeout):
                status, _ = self.connection.recv()
                return status == "ready"
        except (EOFError, OSError):
            pass  # the worker died while loading, or the pool is shutting down
        return False

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class SandboxPool:
    """A fixed number of worker processes; each query borrows one and returns it, or kills it on timeout."""

    def __init__(self, size: int, start_timeout_s: float = 300.0):
        self.size = size
        self.start_timeout_s = start_timeout_s
        self._files: list[str] = []
        self._generation = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()

    def load(self, files: list[Path]) -> None:
        """Start workers on a new graph; the old workers are retired as they come back."""
        with self._lock:
            self._files = [str(p) for p in files]
            self._generation += 1
            generation = self._generation
        for _ in range(self.size):
            threading.Thread(target=self._add_worker, args=(generation,), daemon=True).start()

    def _add_worker(self, generation: int) -> None:
        worker = _Worker(self._files, generation)
        if not worker.wait_ready(self.start_timeout_s) or generation != self._generation:
            worker.kill()
            return
        self._idle.put(worker)

    def run(self, request: ProtocolRequest, timeout_s: float, queue_wait_s: float) -> SerialisedResult:
        worker = self._borrow(queue_wait_s)
        try:
            worker.connection.send(request)
            if not worker.connection.poll(timeout_s):
                raise QueryTimeout(f"the query ran longer than {timeout_s:g} s and was stopped")
            status, payload = worker.connection.recv()
        except QueryTimeout:
            self._replace(worker)
            raise
        except (EOFError, OSError, BrokenPipeError) as error:
            self._replace(worker)
            raise StoreUnavailable("a query worker stopped unexpectedly; try again") from error
        self._give_back(worker)
        if status == "failed":
            raise QueryFailed(payload)
        if status == "not-acceptable":
            raise NotAcceptable(payload)
        return payload

    def _borrow(self, wait_s: float) -> _Worker:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty as error:
                raise Busy("all query workers are busy") from error
            if worker.generation == self._generation and worker.process.is_alive():
                return worker
            worker.kill()  # from an older graph, or dead

    def _give_back(self, worker: _Worker) -> None:
        if worker.generation == self._generation:
            self._idle.put(worker)
        else:
            worker.kill()

    def _replace(self, worker: _Worker) -> None:
        log.warning("killing query worker %s", worker.process.pid)
        threading.Thread(target=worker.kill, daemon=True).start()
        threading.Thread(target=self._add_worker, args=(self._generation,), daemon=True).start()

    def close(self) -> None:
        with self._lock:
            self._generation += 1
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return
