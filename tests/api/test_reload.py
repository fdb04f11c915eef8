"""A reload that fails validation leaves the previous graph serving; a good one is swapped in."""

import shutil
from pathlib import Path

import httpx
import pytest

from conftest import start_server, stop_server

TOKEN = "test-admin-token"
EXAMPLES = Path(__file__).resolve().parents[1] / "shapes" / "examples"
COUNT_PERMISSIONS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/coopgraph/ontology#Permission> }"


@pytest.fixture
def server(tmp_path, data_copy):
    running = start_server(tmp_path, {"COOPGRAPH_DATA_DIR": str(data_copy), "COOPGRAPH_ADMIN_TOKEN": TOKEN})
    yield running
    stop_server(running)


def permissions(client: httpx.Client) -> int:
    body = client.get("/sparql", params={"query": COUNT_PERMISSIONS}).json()
    return int(body["results"]["bindings"][0]["n"]["value"])


def reload(client: httpx.Client) -> httpx.Response:
    return client.post("/api/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})


def test_failed_reload_keeps_previous_graph_serving(server, data_copy):
    bad = data_copy / "bad-dates.ttl"
    shutil.copy(EXAMPLES / "invalid" / "participation-signature-after-consent.ttl", bad)
    with server.client() as client:
        before = permissions(client)
        assert before > 0
        response = reload(client)
        assert response.status_code == 422
        problems = response.json()["error"]["problems"]
        assert any(p["file"] == str(bad) and p["line"] and p["path"] == "coop:signatureDate" for p in problems)
        assert permissions(client) == before
        assert client.get("/health").json()["last_reload_error"]


def test_good_reload_swaps_the_graph(server, data_copy):
    with server.client() as client:
        before = permissions(client)
        shutil.copy(EXAMPLES / "valid" / "complete-bilateral-treaty.ttl", data_copy / "example-treaty.ttl")
        response = reload(client)
        assert response.status_code == 200, response.text
        assert permissions(client) == before + 1
        assert client.get("/health").json()["last_reload_error"] is None


def test_reload_needs_the_token(server):
    with server.client() as client:
        assert client.post("/api/v1/admin/reload").status_code == 401
        assert client.post("/api/v1/admin/reload", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_reload_is_disabled_without_a_token(http):
    assert http.post("/api/v1/admin/reload").status_code == 404
