"""The ontology QC suite: every ontology/checks/*-violation.rq returns no row on the loaded graph."""

import re
from pathlib import Path

import pytest
from rdflib import OWL, Graph

from coopgraph.loading import LoadedGraph, read_turtle, source_files
from coopgraph.store.embedded import EmbeddedStore

CHECKS = sorted((Path(__file__).resolve().parents[2] / "ontology" / "checks").glob("*-violation.rq"))


def test_there_are_checks():
    assert len(CHECKS) >= 5


@pytest.mark.parametrize("check", CHECKS, ids=lambda p: p.stem)
def test_check_finds_no_violation(service, check: Path):
    rows = service.store.select(check.read_text(encoding="utf-8"))
    assert rows == [], f"{check.name} found violations:\n" + "\n".join(map(str, rows[:20]))


def test_label_check_catches_a_term_without_ukrainian_label(settings, tmp_path):
    # The check must be able to fail: add a term that has only English text.
    extra = tmp_path / "term.ttl"
    extra.write_text(
        "@prefix coop: <https://w3id.org/coopgraph/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'coop:Halfway a owl:Class ; rdfs:label "Halfway"@en ; skos:definition "A test term."@en .\n',
        encoding="utf-8",
    )
    files = source_files(settings, [extra])
    graph, problems = read_turtle(files)
    assert problems == []
    store = EmbeddedStore()
    store.replace(LoadedGraph(graph=graph, files=files))
    check = next(c for c in CHECKS if c.stem == "term-label-violation")
    missing = {row["missing"] for row in store.select(check.read_text()) if row["term"].endswith("#Halfway")}
    assert missing == {"rdfs:label@uk", "skos:definition@uk"}


def test_ontology_header_names_the_latest_changelog_version():
    root = Path(__file__).resolve().parents[2] / "ontology"
    header = Graph().parse(root / "coop.ttl")
    latest = re.search(r"^## \[(\d+\.\d+\.\d+)\]", (root / "CHANGELOG.md").read_text(), re.M).group(1)
    versions = {str(o) for o in header.objects(predicate=OWL.versionIRI)}
    assert versions == {f"https://w3id.org/coopgraph/ontology/{latest}"}
    assert {str(o) for o in header.objects(predicate=OWL.versionInfo)} == {latest}
