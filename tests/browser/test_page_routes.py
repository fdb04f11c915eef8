"""The routes behind the pages, over plain HTTP (no browser needed): pages and their files, the example queries,
the concept labels, and the ontology as documentation, Turtle and JSON-LD."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import browser_session
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

from coopgraph import ontology_docs
from coopgraph.routes.web import EXAMPLES_DIR, STATIC_DIR

embedded_only = browser_session.EMBEDDED_ONLY
REPO = Path(__file__).resolve().parents[2]
COOP = "https://w3id.org/coopgraph/ontology#"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_docs.ontology_graph(REPO / "ontology")


def documented_terms(graph: Graph) -> list[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return sorted({t for kind in kinds for t in graph.subjects(RDF.type, kind) if str(t).startswith(COOP)})


def text(graph: Graph, term, predicate, language: str) -> str:
    return next(str(v) for v in graph.objects(term, predicate) if getattr(v, "language", None) == language)


@embedded_only
@pytest.mark.parametrize("path", ["/", "/query"])
def test_the_pages_load_only_their_own_files(http, path):
    page = http.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    referenced = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert any(ref.endswith(".js") for ref in referenced) and "/static/style.css" in referenced
    assert not re.search(r'<script[^>]+src="(https?:)?//', page.text), "no script may come from the network"
    for ref in referenced:
        assert http.get(ref).status_code == 200, ref


def test_the_scripts_import_only_modules_that_are_served():
    for script in STATIC_DIR.glob("*.js"):
        for module in re.findall(r"""^import .* from '([^']+)';""", script.read_text(encoding="utf-8"), re.M):
            assert module.startswith("./") and (STATIC_DIR / module[2:]).is_file(), f"{script.name}: {module}"


@embedded_only
@pytest.mark.parametrize("name", ["../app.py", "..%2Fapp.py", ".hidden.js", "web.py", "missing.js"])
def test_static_files_never_leave_their_folder(http, name):
    response = http.get(f"/static/{name}")
    assert response.status_code == 404
    assert "message" in response.json()["error"]


@embedded_only
def test_every_example_query_has_a_summary_and_an_answer(http):
    examples = http.get("/query/examples").json()["examples"]
    assert {e["id"] for e in examples} == {p.stem for p in EXAMPLES_DIR.glob("*.rq")}
    for example in examples:
        assert example["query"].startswith("#+ summary: ") and example["summary"], example["id"]
        answer = http.post("/sparql", data={"query": example["query"]},
                           headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200, (example["id"], answer.text)
        assert answer.json()["results"]["bindings"], f"{example['id']} returns no row"


@embedded_only
def test_concept_labels_come_in_both_languages(http):
    english = http.get("/ui/concept-labels", params={"lang": "en"}).json()["labels"]
    ukrainian = http.get("/ui/concept-labels", params={"lang": "uk"}).json()["labels"]
    assert english["authorisations"]["investigating-judge"] == "ruling of an investigating judge"
    assert ukrainian["authorisations"]["investigating-judge"] == "ухвала слідчого судді"
    assert set(english["statement-effects"]) == set(ukrainian["statement-effects"])
    assert http.get("/ui/concept-labels", params={"lang": "fr"}).status_code == 422


@embedded_only
def test_the_ontology_page_shows_every_class_and_property_in_english_and_ukrainian(http, ontology):
    page = http.get("/ontology", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    shown = html.unescape(page.text)
    terms = documented_terms(ontology)
    assert len(terms) > 50
    for term in terms:
        for language in ("en", "uk"):
            assert text(ontology, term, RDFS.label, language) in shown, (term, language)
            assert text(ontology, term, SKOS.definition, language) in shown, (term, language)
    assert "Rendered by pyLODE" in shown
    assert 'href="/docs/extending"' in page.text and 'id="vocabularies"' in page.text


@embedded_only
def test_the_ontology_is_served_as_turtle_and_json_ld_by_content_negotiation(http, ontology):
    turtle = http.get("/ontology", headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    from_turtle = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(COOP + "Permission"), RDF.type, OWL.Class) in from_turtle
    assert len(from_turtle) == len(ontology)

    jsonld = http.get("/ontology", headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) == len(ontology)
    assert "@context" in json.loads(jsonld.text)

    assert http.get("/ontology", params={"format": "ttl"}).text == turtle.text
    assert http.get("/ontology", headers={"Accept": "text/turtle;q=0.5, application/ld+json"}).text == jsonld.text
    refused = http.get("/ontology", headers={"Accept": "image/png"})
    assert refused.status_code == 406 and refused.json()["error"]["parameter"] == "Accept"


@embedded_only
def test_the_extending_guide_is_served_as_a_page(http):
    guide = http.get("/docs/extending")
    assert guide.status_code == 200
    assert "<h1" in guide.text and "coopgraph validate" in guide.text


def test_without_pylode_the_ontology_page_is_rendered_from_the_graph(monkeypatch, ontology):
    def broken(_terms):
        raise ImportError("pylode is not installed")

    monkeypatch.setattr(ontology_docs, "_render_with_pylode", broken)
    documents = ontology_docs.build_documents(REPO / "ontology")
    shown = html.unescape(documents.html)
    assert documents.generator == "coopgraph"
    for term in documented_terms(ontology):
        for language in ("en", "uk"):
            assert text(ontology, term, RDFS.label, language) in shown, (term, language)
            assert text(ontology, term, SKOS.definition, language) in shown, (term, language)
