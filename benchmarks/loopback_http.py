"""A small keep-alive HTTP client on the standard library: light enough that, on two cores, the load generator
takes as little CPU from the server under test as possible. Loopback only."""

from __future__ import annotations

import http.client
from urllib.parse import urlencode, urlsplit

LOOPBACK = ("127.0.0.1", "localhost", "::1")
SPARQL_RESULTS = "application/sparql-results+json"


class HttpSession:
    def __init__(self, url: str, timeout: float = 60.0):
        parts = urlsplit(url)
        if parts.hostname not in LOOPBACK:
            raise ValueError(f"benchmarks only talk to this machine (loopback), not {parts.hostname}")
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self._connection: http.client.HTTPConnection | None = None

    def get(self, path: str, params: dict[str, str] | None = None, accept: str = "application/json"):
        target = f"{path}?{urlencode(params)}" if params else path
        return self._request("GET", target, None, {"Accept": accept})

    def post_query(self, path: str, query: str, accept: str = SPARQL_RESULTS):
        """A SPARQL 1.1 Protocol query by POST (the legal-bases query is too long to be comfortable in a URL)."""
        headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        return self._request("POST", path, query.encode("utf-8"), headers)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _request(self, method: str, target: str, body: bytes | None, headers: dict) -> tuple[int, bytes]:
        for attempt in (1, 2):  # a server may close an idle keep-alive connection: reconnect once
            connection = self._connection or http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self._connection = connection
            try:
                connection.request(method, target, body=body, headers=headers)
                response = connection.getresponse()
                return response.status, response.read()
            except (ConnectionError, http.client.BadStatusLine, http.client.CannotSendRequest):
                self.close()
                if attempt == 2:
                    raise
            except TimeoutError:
                self.close()
                raise
        raise AssertionError("unreachable")

    def __enter__(self) -> HttpSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
