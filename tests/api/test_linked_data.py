"""Linked Data: IRIs of the graph dereference under /id/… (HTML, Turtle, JSON-LD), and the legal-bases answer
reads as JSON-LD through the published @context."""

import json

from rdflib import Graph, Literal, URIRef

ELI_NUMBER = URIRef("http://data.europa.eu/eli/ontology#number")
PROVISION = "https://w3id.org/coopgraph/instrument/rome-statute/art/93/para/1/point/k"


def test_a_provision_dereferences_as_turtle(http):
    response = http.get("/id/instrument/rome-statute/art/93/para/1/point/k", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert (URIRef(PROVISION), ELI_NUMBER, Literal("k")) in graph


def test_a_state_dereferences_as_jsonld_and_html(http):
    as_jsonld = http.get("/id/state/UKR", headers={"Accept": "application/ld+json"})
    graph = Graph().parse(data=as_jsonld.text, format="json-ld")
    assert any(str(o) == "Україна" for o in graph.objects(URIRef("https://w3id.org/coopgraph/state/UKR")))
    page = http.get("/id/state/UKR", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.headers["content-type"].startswith("text/html")
    assert "Ukraine" in page.text and 'href="/id/instrument/rome-statute/party/UKR"' in page.text


def test_unknown_resource_is_404(http):
    assert http.get("/id/state/XXX").status_code == 404
    assert http.get("/id/%3Cscript%3E").status_code == 404


def test_legal_bases_as_jsonld_with_the_published_context(http):
    params = {"action": "freezing-of-assets", "requesting": "ICC", "requested": "UKR", "date": "2025-06-01"}
    response = http.get("/api/v1/legal-bases", params=params, headers={"Accept": "application/ld+json"})
    assert response.headers["content-type"].startswith("application/ld+json")
    document = response.json()
    context = http.get(document["@context"].replace(str(http.base_url).rstrip("/"), "")).json()
    document["@context"] = context["@context"]  # read offline: no context is fetched from the network
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    assert (URIRef(PROVISION), ELI_NUMBER, Literal("93(1)(k)")) in graph
