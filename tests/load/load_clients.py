"""Concurrent clients for load tests: N threads ask a fixed mix of requests in turn until told to stop, and
every response is checked (status, and the answer where one is expected). Loopback only; bounded in time."""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

# Short variants run in `make test`; COOPGRAPH_FULL_LOAD_TESTS=1 runs the same tests longer and harder.
FULL = os.environ.get("COOPGRAPH_FULL_LOAD_TESTS") == "1"
CLIENTS = 8 if FULL else 4
SECONDS = 30.0 if FULL else 2.0


@dataclass(frozen=True)
class Probe:
    """One request of the mix, the status it must get, and an optional check of its body (None = fine)."""

    path: str
    params: dict[str, str] = field(default_factory=dict)
    status: int = 200
    check: Callable[[httpx.Response], str | None] | None = None


@dataclass
class LoadReport:
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # wrong status, wrong answer, or no answer at all

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)


class ClientPool:
    """Start with `start()`; `stop()` ends every client (after its request in flight) and returns the report."""

    def __init__(self, url: str, probes: list[Probe], clients: int = CLIENTS, request_timeout_s: float = 30.0):
        if not url.startswith(("http://127.0.0.1:", "http://localhost:")):
            raise ValueError("load tests only ever target this machine's loopback address")
        self.url, self.probes, self.clients, self.timeout = url, probes, clients, request_timeout_s
        self.report = LoadReport()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._client, args=(i,), daemon=True) for i in range(clients)]

    def start(self) -> ClientPool:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> LoadReport:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout + 5)
        return self.report

    def run_for(self, seconds: float) -> LoadReport:
        self.start()
        time.sleep(seconds)
        return self.stop()

    def _client(self, offset: int) -> None:
        with httpx.Client(base_url=self.url, timeout=self.timeout) as client:
            for probe in itertools.islice(itertools.cycle(self.probes), offset, None):
                if self._stop.is_set():
                    return
                self._ask(client, probe)

    def _ask(self, client: httpx.Client, probe: Probe) -> None:
        try:
            response = client.get(probe.path, params=probe.params)
        except httpx.HTTPError as error:
            self._record(None, f"{probe.path} {probe.params}: no answer ({type(error).__name__}: {error})")
            return
        problem = None
        if response.status_code != probe.status:
            problem = f"{probe.path} {probe.params}: HTTP {response.status_code}, expected {probe.status}"
        elif probe.check is not None:
            problem = probe.check(response)
        self._record(response.status_code, problem)

    def _record(self, status: int | None, problem: str | None) -> None:
        with self._lock:
            if status is not None:
                self.report.statuses[status] += 1
            if problem:
                self.report.failures.append(problem)
