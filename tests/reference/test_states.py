"""The generated ISO 3166-1 state reference data (data/reference/states.ttl)."""

from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from coopgraph.reference import states

COOP = Namespace("https://w3id.org/coopgraph/ontology#")
STATE = Namespace("https://w3id.org/coopgraph/state/")
STATES_TTL = Path(__file__).resolve().parents[2] / "data" / "reference" / "states.ttl"
REGENERATE = "python -m coopgraph.reference.states"


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(STATES_TTL, format="turtle")
    return g


def test_committed_file_is_exactly_the_generated_one():
    committed = STATES_TTL.read_text(encoding="utf-8")
    assert committed == states.render_states_turtle(), (
        f"{STATES_TTL} differs from what the generator produces; it must not be edited by hand. "
        f"Regenerate it with `{REGENERATE}` (from the repository, with coopgraph importable) "
        "and commit the result."
    )


def test_249_states(graph: Graph):
    assert len(set(graph.subjects(RDF.type, COOP.State))) == 249


def test_ukraine_and_poland(graph: Graph):
    assert (STATE.UKR, SKOS.prefLabel, Literal("Україна", lang="uk")) in graph
    assert (STATE.UKR, SKOS.prefLabel, Literal("Ukraine", lang="en")) in graph
    assert (STATE.POL, COOP.iso3166Alpha2, Literal("PL")) in graph


def test_codes_match_iri(graph: Graph):
    import pycountry

    for s in graph.subjects(RDF.type, COOP.State):
        assert isinstance(s, URIRef) and s.startswith(str(STATE))
        alpha3 = s[len(str(STATE)):]
        country = pycountry.countries.get(alpha_3=alpha3)
        assert country is not None, f"{s}: not an ISO 3166-1 alpha-3 code"
        assert list(graph.objects(s, COOP.iso3166Alpha3)) == [Literal(alpha3)], s
        assert list(graph.objects(s, COOP.partyCode)) == [Literal(alpha3)], s
        assert list(graph.objects(s, COOP.iso3166Alpha2)) == [Literal(country.alpha_2)], s
        numeric = list(graph.objects(s, COOP.iso3166Numeric))
        assert numeric == [Literal(country.numeric)], s
        assert len(str(numeric[0])) == 3 and str(numeric[0]).isdigit(), s
        en = [o for o in graph.objects(s, SKOS.prefLabel) if o.language == "en"]
        assert len(en) == 1, s
