"""Rendered answers of the JSON endpoints, kept per graph version within a byte budget.

The answer to a question depends only on its parameters and on the graph, so a rendered body can be served
again until the graph is replaced: that skips assembling the answer, checking it against its response model
and serialising it, which is most of a request's time once the named queries' rows are remembered.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class ResponseCache:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._bodies: OrderedDict[Hashable, tuple[bytes, str]] = OrderedDict()
        self._bytes = 0
        self._version: object = None
        self._lock = threading.Lock()

    def get(self, version: object, key: Hashable) -> tuple[bytes, str] | None:
        """The body and media type remembered for this question on this graph version, if any."""
        with self._lock:
            if version != self._version:
                return None
            found = self._bodies.get(key)
            if found is not None:
                self._bodies.move_to_end(key)
            return found

    def put(self, version: object, key: Hashable, body: bytes, media_type: str) -> None:
        if len(body) > self.max_bytes:
            return
        with self._lock:
            if version != self._version:  # a new graph: every remembered body is stale
                self._bodies.clear()
                self._bytes = 0
                self._version = version
            previous = self._bodies.pop(key, None)
            if previous is not None:
                self._bytes -= len(previous[0])
            self._bodies[key] = (body, media_type)
            self._bytes += len(body)
            while self._bytes > self.max_bytes:
                _, (evicted, _) = self._bodies.popitem(last=False)
                self._bytes -= len(evicted)
