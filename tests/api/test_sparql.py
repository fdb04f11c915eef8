"""/sparql over real HTTP: the SPARQL 1.1 Protocol for queries, content negotiation, read-only."""

import csv
import io
import json

import pytest
from rdflib import Graph, URIRef

COUNT_ACTIONS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT (COUNT(?c) AS ?n) WHERE { ?c skos:inScheme <https://w3id.org/coopgraph/scheme/action-types> }"""
CONSTRUCT_UKRAINE = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { <https://w3id.org/coopgraph/state/UKR> skos:prefLabel ?l }
WHERE { <https://w3id.org/coopgraph/state/UKR> skos:prefLabel ?l }"""


def action_count(body: dict) -> int:
    return int(body["results"]["bindings"][0]["n"]["value"])


def test_get_answers_select_with_sparql_json(http):
    response = http.get("/sparql", params={"query": COUNT_ACTIONS})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert action_count(response.json()) >= 48


def test_form_post_and_direct_post_give_the_same_answer(http):
    by_form = http.post("/sparql", data={"query": COUNT_ACTIONS})
    direct = http.post("/sparql", content=COUNT_ACTIONS.encode(), headers={"Content-Type": "application/sparql-query"})
    assert by_form.status_code == direct.status_code == 200
    assert action_count(by_form.json()) == action_count(direct.json())


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+json", "application/sparql-results+json"),
    ],
)
def test_select_results_follow_accept(http, accept, media_type):
    response = http.get("/sparql", params={"query": COUNT_ACTIONS}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)


def test_csv_results_are_parseable(http):
    response = http.get("/sparql", params={"query": COUNT_ACTIONS, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert int(rows[0]["n"]) >= 48


def test_ask_answers_boolean(http):
    query = "ASK { <https://w3id.org/coopgraph/state/UKR> ?p ?o }"
    assert http.get("/sparql", params={"query": query}).json() == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")],
)
def test_construct_follows_accept(http, accept, rdflib_format):
    response = http.get("/sparql", params={"query": CONSTRUCT_UKRAINE}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.text, format=rdflib_format)
    labels = {(str(o), o.language) for o in graph.objects()}
    assert ("Україна", "uk") in labels and ("Ukraine", "en") in labels


def test_unacceptable_media_type_is_406(http):
    response = http.get("/sparql", params={"query": COUNT_ACTIONS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.json()["error"]["parameter"] == "Accept"


def test_syntax_error_is_400_with_parser_message(http):
    response = http.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert "error" in response.json()["error"]["message"]


def test_two_query_parameters_are_400(http):
    response = http.get("/sparql", params=[("query", COUNT_ACTIONS), ("query", COUNT_ACTIONS)])
    assert response.status_code == 400


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"data": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
        {"data": {"query": "# comment\nPREFIX x: <urn:x#>\nDELETE WHERE { ?s ?p ?o }"}},
    ],
    ids=["update-parameter", "update-as-query", "update-media-type", "update-after-prologue"],
)
def test_updates_are_refused_and_change_nothing(http, request_kwargs):
    before = action_count(http.get("/sparql", params={"query": COUNT_ACTIONS}).json())
    response = http.post("/sparql", **request_kwargs)
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]["message"]
    assert action_count(http.get("/sparql", params={"query": COUNT_ACTIONS}).json()) == before


def test_wrong_content_type_is_415(http):
    response = http.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert response.status_code == 415


def test_plain_get_returns_service_description(http):
    response = http.get("/sparql")
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    endpoint = next(graph.objects(predicate=URIRef("http://www.w3.org/ns/sparql-service-description#endpoint")))
    assert str(endpoint).endswith("/sparql")


def test_errors_are_json_without_stack_traces(http):
    response = http.get("/sparql", params={"query": "SELECT"})
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == 400
    assert "Traceback" not in json.dumps(body)
