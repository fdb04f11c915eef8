"""The remote backend against a real `oxigraph serve`: the same answers as the embedded store, atomic loads,
and 503 during an outage with recovery when the endpoint comes back."""

import subprocess
import sys
import time

import httpx
import pytest

from conftest import OxigraphServer, free_port, start_server, stop_server

QUESTIONS = [
    {"action": "expedited-preservation-of-stored-data", "requesting": "UKR", "requested": "POL", "date": "2025-06-01"},
    {"action": "freezing-of-assets", "requesting": "ICC", "requested": "UKR", "date": "2025-06-01"},
    {"action": "search-and-seizure", "requesting": "USA", "requested": "UKR", "date": "2025-01-01", "explain": "true"},
    {"action": "extradition", "requesting": "POL", "requested": "UKR", "date": "2020-01-01", "lang": "uk"},
    {"action": "joint-investigation-team"},
]


@pytest.fixture(scope="module")
def both(tmp_path_factory, oxigraph):
    embedded = start_server(tmp_path_factory.mktemp("embedded"))
    remote = start_server(tmp_path_factory.mktemp("remote"), oxigraph.environment())
    with embedded.client() as e, remote.client() as r:
        yield e, r
    stop_server(embedded)
    stop_server(remote)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q["action"])
def test_legal_bases_are_identical_on_both_backends(both, question):
    embedded, remote = both
    a, b = embedded.get("/api/v1/legal-bases", params=question), remote.get("/api/v1/legal-bases", params=question)
    assert a.status_code == b.status_code == 200
    assert a.json() == b.json()
    assert a.json()["legal_bases"] or question["action"] == "joint-investigation-team"


def test_sparql_endpoint_gives_the_same_rows(both):
    embedded, remote = both
    query = "SELECT ?s ?code WHERE { ?s <https://w3id.org/coopgraph/ontology#partyCode> ?code } ORDER BY ?code"
    a = embedded.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    b = remote.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    assert a == b and len(a) > 250


def test_a_query_whose_comments_name_update_keywords_is_still_a_query(both):
    """SPARQLWrapper reads the query form from the text; comment lines saying "add" or "drop" must not make it
    send the query as an update (the endpoint would answer 415)."""
    embedded, remote = both
    query = ("# Which codes were added?\n# We drop nothing and load nothing; add nothing.\n# Still a query.\n"
             "SELECT ?code WHERE { ?s <https://w3id.org/coopgraph/ontology#partyCode> ?code } ORDER BY ?code LIMIT 3")
    a, b = embedded.get("/sparql", params={"query": query}), remote.get("/sparql", params={"query": query})
    assert a.status_code == b.status_code == 200
    assert a.json()["results"]["bindings"] == b.json()["results"]["bindings"] != []


def test_load_is_atomic_and_keeps_one_previous_version(tmp_path):
    server = OxigraphServer(port=free_port(), location=tmp_path / "db")
    server.start()
    try:
        def load(*extra):
            return subprocess.run([sys.executable, "-m", "coopgraph.cli", "load", "--endpoint", server.query_url,
                                   "--graph-store", server.store_url, *extra], capture_output=True, text=True,
                                  timeout=300)

        first = load()
        assert first.returncode == 0, first.stderr
        graph = first.stdout.split("<")[1].split(">")[0]
        again = load()
        assert again.returncode == 0 and f"into <{graph}>" in again.stdout  # same sources, same graph name
        # A failing push (no such graph store) leaves the current graph in place.
        broken = subprocess.run([sys.executable, "-m", "coopgraph.cli", "load", "--endpoint", server.query_url,
                                 "--graph-store", f"http://127.0.0.1:{free_port()}/store"],
                                capture_output=True, text=True, timeout=300)
        assert broken.returncode == 2 and "cannot reach the graph store" in broken.stderr
        pointer = httpx.get(server.query_url, params={"query": "SELECT ?g WHERE { GRAPH "
                            "<https://w3id.org/coopgraph/graph/pointer> { ?b ?p ?g } }"},
                            headers={"Accept": "application/sparql-results+json"}).json()
        assert [row["g"]["value"] for row in pointer["results"]["bindings"]] == [graph]
    finally:
        server.stop()


def test_outage_gives_503_then_recovers_by_itself(tmp_path):
    endpoint = OxigraphServer(port=free_port(), location=tmp_path / "db")
    endpoint.start()
    loaded = subprocess.run([sys.executable, "-m", "coopgraph.cli", "load", "--endpoint", endpoint.query_url,
                             "--graph-store", endpoint.store_url], capture_output=True, text=True, timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    service = start_server(tmp_path, {**endpoint.environment(), "COOPGRAPH_QUERY_TIMEOUT_S": "3",
                                      "COOPGRAPH_REMOTE_POINTER_TTL_S": "0.5"})
    question = {"action": "freezing-of-assets", "requesting": "ICC", "requested": "UKR", "date": "2025-06-01"}
    try:
        with service.client() as client:
            assert client.get("/api/v1/legal-bases", params=question).status_code == 200
            endpoint.stop()
            time.sleep(1)  # past the pointer's lifetime: remembered answers are no longer trusted
            for path, params in (("/api/v1/legal-bases", question), ("/sparql", {"query": "ASK { ?s ?p ?o }"}),
                                 ("/api/v1/actions", {})):
                down = client.get(path, params=params)
                assert down.status_code == 503, (path, down.text)
                assert "not answering" in down.json()["error"]["message"]
            endpoint.start()
            back = client.get("/api/v1/legal-bases", params=question)
            assert back.status_code == 200 and back.json()["legal_bases"]
            assert client.get("/health").json()["backend"] == "remote"
    finally:
        stop_server(service)
        endpoint.stop()
