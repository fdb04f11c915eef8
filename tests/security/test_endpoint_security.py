"""The public /sparql endpoint cannot be abused: no outbound requests, real time limits, bounded input,
explicit truncation, per-client limits, CORS from an allow-list."""

import socket
import threading
import time

import pytest

from conftest import start_server, stop_server

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT_S = 2.0


class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    def __init__(self):
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self.running = False
        self.thread.join(timeout=2)
        self.socket.close()


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """A server with short limits, so the tests can reach them quickly."""
    server = start_server(tmp_path_factory.mktemp("guarded"), {
        "COOPGRAPH_QUERY_TIMEOUT_S": str(TIMEOUT_S), "COOPGRAPH_MAX_ROWS": "5", "COOPGRAPH_SPARQL_WORKERS": "2",
        "COOPGRAPH_MAX_CONCURRENT_PER_CLIENT": "2", "COOPGRAPH_CORS_ORIGINS": '["https://frontend.example"]',
    })
    with server.client() as client:
        yield client
    stop_server(server)


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.close()


def ssrf_attempts(url: str) -> list[dict]:
    return [
        {"params": {"query": f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"}},
        {"params": {"query": f"select * where {{ service silent <{url}/sparql> {{ ?s ?p ?o }} }}"}},
        {"params": {"query": f"SELECT * WHERE {{ SeRvIcE # hidden\n <{url}/x> {{ ?s ?p ?o }} }}"}},
        {"params": {"query": f"SELECT * FROM <{url}/graph.ttl> WHERE {{ ?s ?p ?o }}"}},
        {"params": {"query": f"SELECT * FROM NAMED <{url}/graph.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"}},
        {"params": {"query": f"CONSTRUCT {{ ?s ?p ?o }} FROM <{url}/g> WHERE {{ ?s ?p ?o }}"}},
        {"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "default-graph-uri": f"{url}/g"}},
        {"params": {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "named-graph-uri": f"{url}/g"}},
        {"data": {"query": f"LOAD <{url}/data.ttl>"}},
        {"data": {"update": f"LOAD <{url}/data.ttl>"}},
        {"content": f"LOAD <{url}/data.ttl>".encode(), "headers": {"Content-Type": "application/sparql-update"}},
    ]


def test_no_query_makes_an_outbound_connection(guarded, listener):
    url = f"http://127.0.0.1:{listener.port}"
    for attempt in ssrf_attempts(url):
        method = "POST" if "data" in attempt or "content" in attempt else "GET"
        response = guarded.request(method, "/sparql", **attempt)
        assert response.status_code == 403, (attempt, response.text)
    time.sleep(0.5)
    assert listener.connections == 0


def test_the_listener_would_notice_a_connection(listener):
    # The test above can fail: a real connection is counted.
    with socket.create_connection(("127.0.0.1", listener.port)):
        pass
    time.sleep(0.5)
    assert listener.connections == 1


def test_jsonld_output_fetches_no_context(guarded, listener):
    ukraine = "<https://w3id.org/coopgraph/state/UKR>"
    query = f"CONSTRUCT {{ {ukraine} ?p ?o }} WHERE {{ {ukraine} ?p ?o }}"
    response = guarded.get("/sparql", params={"query": query}, headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert listener.connections == 0


def test_runaway_query_is_stopped_while_health_keeps_answering(guarded):
    outcome = {}

    def run():
        started = time.monotonic()
        outcome["response"] = guarded.get("/sparql", params={"query": CARTESIAN}, timeout=60)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    health = guarded.get("/health", timeout=5)
    assert health.status_code == 200 and time.monotonic() - started < 1.0
    thread.join(timeout=30)
    response = outcome["response"]
    assert response.status_code == 422 and response.json()["error"]["code"] == "query-timeout"
    assert outcome["seconds"] < TIMEOUT_S + 2
    # The killed worker is replaced: ordinary queries keep working.
    for _ in range(3):
        assert guarded.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_truncation_is_signalled_never_silent(guarded):
    response = guarded.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    body = response.json()
    assert len(body["results"]["bindings"]) == 5 and body["truncated"] is True
    assert response.headers["Coopgraph-Truncated"] == "true" and response.headers["Coopgraph-Row-Limit"] == "5"
    as_csv = guarded.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "format": "csv"})
    assert as_csv.headers["Coopgraph-Truncated"] == "true" and len(as_csv.text.strip().splitlines()) == 6
    complete = guarded.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"})
    assert "Coopgraph-Truncated" not in complete.headers and "truncated" not in complete.json()


def test_oversized_body_is_413(guarded):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000
    response = guarded.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413 and response.json()["error"]["parameter"] == "body"


def test_overlong_query_is_400(guarded):
    query = "SELECT * WHERE { ?s ?p ?o } " + " " * 30_000
    response = guarded.post("/sparql", data={"query": query[:90_000]})
    assert response.status_code == 400 and "limit" in response.json()["error"]["message"]


def test_deep_nesting_is_400(guarded):
    query = "SELECT * WHERE " + "{ " * 200 + "?s ?p ?o" + " }" * 200
    response = guarded.post("/sparql", data={"query": query})
    assert response.status_code == 400 and "nests" in response.json()["error"]["message"]


def test_per_client_concurrency_limit_answers_429_with_retry_after(guarded):
    responses = []

    def slow():
        responses.append(guarded.get("/sparql", params={"query": CARTESIAN}, timeout=60))

    threads = [threading.Thread(target=slow) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    third = guarded.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
    for thread in threads:
        thread.join(timeout=30)
    assert third.status_code == 429 and third.headers["Retry-After"]


def test_cors_allows_only_listed_origins_without_credentials(guarded):
    allowed = guarded.get("/health", headers={"Origin": "https://frontend.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://frontend.example"
    assert "access-control-allow-credentials" not in allowed.headers
    refused = guarded.get("/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in refused.headers


def test_errors_are_json_without_stack_traces(guarded):
    for response in (guarded.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"}),
                     guarded.get("/api/v1/legal-bases", params={"action": "x", "date": "nope"}),
                     guarded.get("/nowhere")):
        assert response.headers["content-type"].startswith("application/json")
        assert set(response.json()) == {"error"} and "Traceback" not in response.text


def test_default_graph_by_its_store_name_is_allowed(guarded):
    response = guarded.get("/sparql", params={"query": "ASK { ?s ?p ?o }",
                                              "default-graph-uri": "urn:x-arq:DefaultGraph"})
    assert response.status_code == 200 and response.json()["boolean"] is True
