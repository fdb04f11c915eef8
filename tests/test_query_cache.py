"""Named-query answers are remembered per graph version and forgotten when the graph is replaced."""

import shutil

from conftest import REPO
from coopgraph.service import GraphService
from coopgraph.settings import Settings

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
