"""GET /api/v1/legal-bases on fixture data (a fictitious convention and code) over real HTTP: DESIGN §4."""

import csv
import io
import shutil
from pathlib import Path

import pytest

from conftest import REPO, start_server, stop_server

FIXTURES = Path(__file__).parent / "fixtures" / "legal-bases"
CONVENTION = "https://w3id.org/coopgraph/instrument/example-convention"


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    data = tmp_path_factory.mktemp("legal-bases-data")
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    for fixture in FIXTURES.glob("*.ttl"):
        shutil.copy(fixture, data / fixture.name)
    server = start_server(data, {"COOPGRAPH_DATA_DIR": str(data)})
    with server.client() as client:
        yield client
    stop_server(server)


def bases(api, **params):
    response = api.get("/api/v1/legal-bases", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def cited(answer):
    return [(b["match"], b["instrument"]["id"], b["provision"]["number"]) for b in answer["legal_bases"]]


def test_answer_has_the_design_shape(api):
    answer = bases(api, action="search-and-seizure", requesting="UKR", requested="POL", date="2020-01-01")
    assert set(answer) >= {"action", "requesting", "requested", "date", "legal_bases"}
    assert answer["action"]["id"] == "search-and-seizure" and answer["action"]["label"]
    assert (answer["requesting"], answer["requested"], answer["date"]) == ("UKR", "POL", "2020-01-01")
    basis = answer["legal_bases"][0]
    assert set(basis) >= {"instrument", "provision", "action", "match", "conditions", "reservations", "in_force",
                          "sources"}
    assert basis["instrument"] == {"id": "example-convention", "iri": CONVENTION, "kind": "multilateral",
                                   "title": "Example Convention on Cooperation (test fixture)"}
    assert basis["provision"]["label"] == "Article 2" and basis["provision"]["heading"] == "Search and seizure"
    assert basis["in_force"] == {"UKR": "2006-07-01", "POL": "2015-06-01"}
    assert "https://example.org/example-convention#art2" in basis["sources"]


def test_search_between_ukraine_and_poland_cites_article_2_then_the_residual_clause(api):
    answer = bases(api, action="search-and-seizure", requesting="UKR", requested="POL", date="2020-01-01")
    assert cited(answer) == [("exact", "example-convention", "2"), ("residual", "example-convention", "1")]
    exact = answer["legal_bases"][0]
    assert [c["id"] for c in exact["conditions"]] == ["dual-criminality"]
    assert [g["id"] for g in exact["refusal_grounds"]] == ["political-offence"]
    assert exact["refusal_grounds"][0]["mandatory"] is False


def test_a_narrower_action_gets_the_broader_provision_as_general(api):
    answer = bases(api, action="search-and-seizure-of-stored-data", requesting="UKR", requested="POL",
                   date="2020-01-01")
    assert ("general", "example-convention", "2") in cited(answer)
    general = next(b for b in answer["legal_bases"] if b["match"] == "general")
    assert general["action"]["id"] == "search-and-seizure"


def test_results_are_ordered_exact_general_residual_domestic(api):
    answer = bases(api, action="search-and-seizure", requesting="POL", requested="UKR", date="2020-01-01")
    assert [m for m, _, _ in cited(answer)] == ["exact", "residual", "domestic"]
    assert cited(answer)[-1] == ("domestic", "example-code", "10")


def test_domestic_execution_in_the_requested_state_names_provision_and_authorisation(api):
    answer = bases(api, action="search-and-seizure", requesting="POL", requested="UKR", date="2020-01-01")
    execution = answer["legal_bases"][0]["domestic_execution"]
    assert execution == [{
        "iri": "https://w3id.org/coopgraph/instrument/example-code/art/20/execution/search-and-seizure",
        "instrument": "example-code", "provision": "20",
        "provision_iri": "https://w3id.org/coopgraph/instrument/example-code/art/20",
        "label": "Article 20", "authorisation": "investigating-judge"}]


def test_domestic_law_does_not_answer_for_a_state_that_did_not_enact_it(api):
    answer = bases(api, action="search-and-seizure", requesting="UKR", requested="POL", date="2020-01-01")
    assert "example-code" not in {b["instrument"]["id"] for b in answer["legal_bases"]}


def test_before_one_party_is_bound_the_convention_does_not_qualify(api):
    answer = bases(api, action="search-and-seizure", requesting="UKR", requested="POL", date="2010-01-01")
    assert answer["legal_bases"] == []


def test_a_withdrawal_ends_the_basis_on_its_effective_date(api):
    before = bases(api, action="search-and-seizure", requesting="UKR", requested="RUS", date="2023-03-14")
    after = bases(api, action="search-and-seizure", requesting="UKR", requested="RUS", date="2023-03-15")
    assert ("exact", "example-convention", "2") in cited(before)
    assert after["legal_bases"] == []


def test_conditions_not_required_and_reservation_of_the_requested_party(api):
    answer = bases(api, action="expedited-preservation-of-stored-data", requesting="UKR", requested="POL",
                   date="2025-06-01")
    exact = answer["legal_bases"][0]
    assert exact["provision"]["number"] == "3(2)" and exact["provision"]["heading"] == "Preservation of stored data"
    assert [c["id"] for c in exact["conditions_not_required"]] == ["dual-criminality"]
    assert [(r["party"], r["effect"]) for r in exact["reservations"]] == [("POL", "adds-condition")]
    assert exact["reservations"][0]["iri"].endswith("/party/POL/reservation/1")


def test_reservation_of_a_party_not_named_is_not_shown(api):
    answer = bases(api, action="expedited-preservation-of-stored-data", requesting="UKR", requested="RUS",
                   date="2020-01-01")
    assert answer["legal_bases"][0]["reservations"] == []


def test_only_the_action_is_required(api):
    answer = bases(api, action="expedited-preservation-of-stored-data")
    assert answer["requesting"] is None and answer["requested"] is None
    assert ("exact", "example-convention", "3(2)") in cited(answer)


def test_explain_shows_the_chain_from_instrument_to_domestic_execution(api):
    answer = bases(api, action="search-and-seizure", requesting="POL", requested="UKR", date="2020-01-01",
                   explain="true")
    steps = answer["legal_bases"][0]["explanation"]
    assert [s["step"] for s in steps] == ["instrument", "participation", "participation", "provision", "permission",
                                         "reservations-checked", "domestic-execution"]
    assert {(s["party"], s["iri"]) for s in steps if s["step"] == "participation"} == {
        ("POL", CONVENTION + "/party/POL"), ("UKR", CONVENTION + "/party/UKR")}
    assert steps[-1]["found"] == ["https://w3id.org/coopgraph/instrument/example-code/art/20/execution/search-and-seizure"]


def test_ukrainian_labels(api):
    answer = bases(api, action="search-and-seizure", requesting="UKR", requested="POL", date="2020-01-01", lang="uk")
    exact = answer["legal_bases"][0]
    assert exact["provision"]["label"] == "Стаття 2" and exact["provision"]["heading"] == "Обшук і виїмка"


def test_csv_by_accept(api):
    response = api.get("/api/v1/legal-bases", params={"action": "search-and-seizure", "requesting": "UKR",
                                                       "requested": "POL", "date": "2020-01-01"},
                       headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["match"], r["instrument"], r["provision"]) for r in rows] == [
        ("exact", "example-convention", "2"), ("residual", "example-convention", "1")]


@pytest.mark.parametrize(("params", "parameter"), [
    ({"action": "time-travel"}, "action"),
    ({"action": "search-and-seizure", "requesting": "XXX"}, "requesting"),
    ({"action": "search-and-seizure", "requested": "ATLANTIS"}, "requested"),
])
def test_unknown_action_or_party_is_404_saying_where_to_find_ids(api, params, parameter):
    response = api.get("/api/v1/legal-bases", params=params)
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["parameter"] == parameter
    assert "/api/v1/actions" in error["message"] or "/api/v1/parties" in error["message"]


@pytest.mark.parametrize("date", ["2025-13-01", "yesterday", "2025-02-30", "20250101"])
def test_malformed_date_is_422(api, date):
    response = api.get("/api/v1/legal-bases", params={"action": "search-and-seizure", "date": date})
    assert response.status_code == 422
    assert response.json()["error"]["parameter"] == "date"


def test_missing_action_is_422(api):
    response = api.get("/api/v1/legal-bases")
    assert response.status_code == 422 and response.json()["error"]["parameter"] == "action"


INJECTIONS = ['x> } ; DROP ALL #', 'a"b', "a'b", "line\nbreak", "\\u003e", "}", "<urn:x>", "UKR) } UNION { ?s ?p ?o",
              "search-and-seizure> . ?s ?p ?o"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("parameter", ["action", "requesting", "requested", "date", "lang"])
def test_injection_attempts_are_4xx_never_500(api, parameter, value):
    params = {"action": "search-and-seizure", parameter: value}
    response = api.get("/api/v1/legal-bases", params=params)
    assert 400 <= response.status_code < 500, response.text
