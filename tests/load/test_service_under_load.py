"""The service under concurrent clients: never a 5xx, and a reload with a bad data file, sent while the clients
are asking, is refused (422) while the previous graph keeps answering the same answers.

Short in `make test` (a few clients for a few seconds); COOPGRAPH_FULL_LOAD_TESTS=1 runs them at full length.
Throughput and latency figures are not asserted here: they belong to `make bench`.
"""

from __future__ import annotations

import shutil
import time

import httpx
import pytest
from load_clients import CLIENTS, FULL, SECONDS, ClientPool, Probe

from conftest import REPO, start_server, stop_server

TOKEN = "load-test-admin-token"
BAD_FILE = REPO / "tests" / "shapes" / "examples" / "invalid" / "participation-signature-after-consent.ttl"
LEGAL_BASES = "/api/v1/legal-bases"


def cited(response: httpx.Response) -> list[tuple]:
    return [(b["match"], b["instrument"]["id"], b["provision"]["number"]) for b in response.json()["legal_bases"]]


def same_answer_as(expected: list[tuple]):
    def check(response: httpx.Response) -> str | None:
        got = cited(response)
        return None if got == expected else f"answer changed under load: {got} instead of {expected}"
    return check


def legal_bases_probe(client: httpx.Client, **params: str) -> Probe:
    """A legal-bases request whose answer, taken before the load, every later answer must equal."""
    baseline = client.get(LEGAL_BASES, params=params)
    assert baseline.status_code == 200, baseline.text
    assert cited(baseline), f"the baseline question {params} has no legal basis: a weak probe"
    return Probe(LEGAL_BASES, params, 200, same_answer_as(cited(baseline)))


def test_concurrent_clients_never_get_a_server_error(live_server):
    with live_server.client() as client:
        probes = [
            legal_bases_probe(client, action="expedited-preservation-of-stored-data", requesting="UKR",
                              requested="POL", date="2025-06-01"),
            legal_bases_probe(client, action="taking-of-evidence", requesting="UKR", requested="USA",
                              date="2025-06-01"),
            Probe(LEGAL_BASES, {"action": "no-such-action"}, 404),
            Probe(LEGAL_BASES, {"action": "extradition", "date": "2025-13-45"}, 422),
            Probe(LEGAL_BASES, {"action": "extradition", "requested": "NOPE"}, 404),
            Probe("/api/v1/actions"),
            Probe("/sparql", {"query": "ASK { ?s ?p ?o }"}),
            Probe("/health"),
        ]
    report = ClientPool(live_server.url, probes).run_for(SECONDS)
    assert report.server_errors == 0, report.statuses
    assert not report.failures, report.failures[:5]
    assert report.requests >= CLIENTS, f"too few answers to mean anything: {report.statuses}"


@pytest.fixture
def reloadable_server(tmp_path):
    """A small graph (reference data and one bilateral treaty), so that a reload validates in a second or two."""
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    (data / "bilateral").mkdir()
    shutil.copy(REPO / "data" / "bilateral" / "ua-pl-legal-assistance-1993.ttl", data / "bilateral")
    server = start_server(tmp_path, {"COOPGRAPH_DATA_DIR": str(data), "COOPGRAPH_ADMIN_TOKEN": TOKEN})
    yield server, data
    stop_server(server)


def test_a_bad_reload_during_load_is_refused_and_the_old_graph_keeps_answering(reloadable_server):
    server, data = reloadable_server
    with server.client() as client:
        probes = [legal_bases_probe(client, action="mutual-legal-assistance", requesting="UKR", requested="POL",
                                    date="2020-01-01"),
                  legal_bases_probe(client, action="transfer-of-proceedings", requesting="POL", requested="UKR",
                                    date="2020-01-01"),
                  Probe(LEGAL_BASES, {"action": "no-such-action"}, 404),
                  Probe("/health")]
        pool = ClientPool(server.url, probes).start()
        try:
            time.sleep(SECONDS / 2)
            bad = data / "bad-dates.ttl"
            shutil.copy(BAD_FILE, bad)
            reloads = 0
            answered_before = pool.report.requests
            until = time.monotonic() + (SECONDS / 2 if FULL else 0)
            while reloads == 0 or time.monotonic() < until:  # the full variant keeps trying for half its length
                response = client.post("/api/v1/admin/reload", headers={"Authorization": f"Bearer {TOKEN}"})
                assert response.status_code == 422, response.text
                assert any(p["file"] == str(bad) for p in response.json()["error"]["problems"])
                reloads += 1
            answered_during_reloads = pool.report.requests - answered_before
            time.sleep(SECONDS / 2)
        finally:
            report = pool.stop()
        assert report.server_errors == 0, report.statuses
        assert not report.failures, report.failures[:5]
        assert answered_during_reloads > 0, "no request was answered while the reload was validating"
        health = client.get("/health").json()
        assert health["last_reload_error"], health
        for probe in probes[:2]:
            assert probe.check(client.get(LEGAL_BASES, params=probe.params)) is None
