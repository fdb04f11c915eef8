"""Named-query answers and rendered legal-bases answers are remembered per graph version and forgotten when the
graph is replaced."""

import shutil

from fastapi.testclient import TestClient

from conftest import REPO
from coopgraph.app import create_app
from coopgraph.response_cache import ResponseCache
from coopgraph.service import GraphService
from coopgraph.settings import Settings

TREATY = REPO / "tests" / "shapes" / "examples" / "valid" / "complete-bilateral-treaty.ttl"

NEW_BODY = """@prefix coop: <https://w3id.org/coopgraph/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/coopgraph/org/test-body> a coop:InternationalOrganisation ; coop:partyCode "TESTBODY" ;
    skos:prefLabel "Test body"@en ; dcterms:source <https://example.org/test-body> .
"""


def test_answers_are_reused_until_the_graph_is_replaced(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    service = GraphService(Settings(data_dir=data, sparql_workers=0, cache_dir=tmp_path / "cache"))
    service.reload()
    calls = []
    select = service.store.select
    service.store.select = lambda query: calls.append(query) or select(query)

    first = service.queries.run("parties/list-parties")
    again = service.queries.run("parties/list-parties")
    assert again == first and len(calls) == 1
    again[0]["code"] = "CHANGED"  # a caller changing its copy does not change what is remembered
    assert service.queries.run("parties/list-parties")[0]["code"] != "CHANGED"

    (data / "test-body.ttl").write_text(NEW_BODY, encoding="utf-8")
    service.reload()
    after = service.queries.run("parties/list-parties")
    assert len(calls) == 2 and "TESTBODY" in {row["code"] for row in after}


def test_rendered_legal_bases_are_served_again_until_the_graph_is_replaced(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    settings = Settings(data_dir=data, sparql_workers=0, cache_dir=tmp_path / "cache")
    service = GraphService(settings)
    service.reload()
    question = {"action": "search-and-seizure", "requesting": "UKR", "requested": "POL", "date": "2010-01-01"}
    with TestClient(create_app(settings, service)) as http:
        before = http.get("/api/v1/legal-bases", params=question)
        assert before.status_code == 200 and before.json()["legal_bases"] == []
        calls = []
        run = service.queries.run
        service.queries.run = lambda *a, **k: calls.append(a) or run(*a, **k)
        again = http.get("/api/v1/legal-bases", params=question)
        assert again.content == before.content and calls == []  # served as rendered, no query asked
        as_csv = http.get("/api/v1/legal-bases", params=question, headers={"Accept": "text/csv"})
        assert as_csv.headers["content-type"].startswith("text/csv") and calls  # another rendering, computed

        shutil.copy(TREATY, data / "example-treaty.ttl")
        service.reload()
        after = http.get("/api/v1/legal-bases", params=question).json()
        assert [b["instrument"]["id"] for b in after["legal_bases"]] == ["example-treaty"]


def test_response_cache_forgets_a_replaced_graph_and_keeps_within_its_budget():
    cache = ResponseCache(max_bytes=10)
    cache.put(1, "a", b"12345", "application/json")
    cache.put(1, "b", b"12345", "application/json")
    assert cache.get(1, "a") == (b"12345", "application/json")  # "a" is now the most recently used
    cache.put(1, "c", b"123", "text/csv")
    assert cache.get(1, "b") is None and cache.get(1, "a") and cache.get(1, "c")  # "b" made room
    cache.put(1, "huge", b"x" * 11, "application/json")
    assert cache.get(1, "huge") is None  # larger than the whole budget: not kept
    assert cache.get(2, "a") is None  # another graph version
    cache.put(2, "d", b"1", "application/json")
    assert cache.get(1, "a") is None and cache.get(2, "d")  # the old version's bodies are gone
