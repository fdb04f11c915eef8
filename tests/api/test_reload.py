"""A reload that fails validation leaves the previous graph serving; a good one is swapped in."""

import httpx
import pytest

from conftest import start_server, stop_server

TOKEN = "test-admin-token"
COUNT_PERMISSIONS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/coopgraph/ontology#Permission> }"


@pytest.fixture
def server(tmp_path, data_copy):
    running = start_server(tmp_path, {"COOPGRAPH_DATA_DIR": str(data_copy), "COOPGRAPH_ADMIN_TOKEN": TOKEN})
    yield running
    stop_server(running)


def permissions(client: httpx.Client) -> int:
    body = client.get("/sparql", params={"query": COUNT_PERMISSIONS}).json()
    return int(body["results"]["bindings"][0]["n"]["value"])


def test_failed_reload_keeps_previous_graph_serving(server, data_copy):
    rome = data_copy / "instruments" / "rome-statute.ttl"
    with server.client() as client:
        before = permissions(client)
        assert before > 0
        rome.write_text(rome.read_text(encoding="utf-8").replace('"2024-10-25"^^xsd:date', '"2030-10-25"^^xsd:date'),
                        encoding="utf-8")
        response = client.post("/api/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 422
        problems = response.json()["error"]["problems"]
        assert any(p["file"] == str(rome) and p["focus_node"].endswith("/rome-statute/party/UKR") for p in problems)
        assert permissions(client) == before
        assert client.get("/health").json()["last_reload_error"]


def test_good_reload_swaps_the_graph(server, data_copy):
    rome = data_copy / "instruments" / "rome-statute.ttl"
    with server.client() as client:
        before = permissions(client)
        text = rome.read_text(encoding="utf-8")
        point_l = "<https://w3id.org/coopgraph/instrument/rome-statute/art/93/para/1/point/l/permission/"
        assert point_l in text
        rome.write_text(text.replace(" a coop:Permission", " a coop:Obligation", 1), encoding="utf-8")
        response = client.post("/api/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200, response.text
        assert permissions(client) == before - 1


def test_reload_needs_the_token(server):
    with server.client() as client:
        assert client.post("/api/v1/admin/reload").status_code == 401
        assert client.post("/api/v1/admin/reload", headers={"Authorization": "Bearer wrong"}).status_code == 401


def test_reload_is_disabled_without_a_token(http):
    assert http.post("/api/v1/admin/reload").status_code == 404
