"""Resource endpoints: instruments (filters, paging, provision tree), parties of an instrument, states on a date,
provisions, and action search in English and Ukrainian."""

import pytest


def test_action_search_finds_interception_in_ukrainian(http):
    body = http.get("/api/v1/actions", params={"q": "перехоплення", "lang": "uk"}).json()
    assert "interception-of-content-data" in [a["id"] for a in body["actions"]]


def test_action_search_in_english_and_by_synonym(http):
    assert "interception-of-content-data" in [a["id"] for a in http.get(
        "/api/v1/actions", params={"q": "wiretapping"}).json()["actions"]]
    assert http.get("/api/v1/actions", params={"q": "zzzz-nothing"}).json()["count"] == 0


def test_instruments_filtered_by_kind_and_paged(http):
    bilateral = http.get("/api/v1/instruments", params={"kind": "bilateral", "limit": 2}).json()
    assert bilateral["count"] >= 7 and len(bilateral["instruments"]) == 2
    assert {i["kind"] for i in bilateral["instruments"]} == {"bilateral"}
    second = http.get("/api/v1/instruments", params={"kind": "bilateral", "limit": 2, "offset": 2}).json()
    assert {i["id"] for i in second["instruments"]}.isdisjoint({i["id"] for i in bilateral["instruments"]})


def test_instruments_binding_ukraine_on_a_date(http):
    before = {i["id"] for i in http.get("/api/v1/instruments", params={"party": "UKR", "date": "2024-06-01"})
              .json()["instruments"]}
    after = {i["id"] for i in http.get("/api/v1/instruments", params={"party": "UKR", "date": "2025-06-01"})
             .json()["instruments"]}
    assert "rome-statute" not in before and "rome-statute" in after
    assert {"budapest-convention", "ua-cpc-2012"} <= before


def test_instrument_with_provision_tree(http):
    rome = http.get("/api/v1/instruments/rome-statute").json()
    assert rome["title"] == "Rome Statute of the International Criminal Court" and rome["kind"] == "multilateral"

    def find(nodes, citation):
        for node in nodes:
            if node["citation"] == citation:
                return node
            hit = find(node["children"], citation)
            if hit:
                return hit
        return None

    article = find(rome["provisions"], "93")
    assert article["heading"] == "Other forms of cooperation"
    points = [c["citation"] for c in find(article["children"], "93(1)")["children"]]
    assert points[:3] == ["93(1)(a)", "93(1)(b)", "93(1)(c)"] and points[-1] == "93(1)(l)"
    k = find(rome["provisions"], "93(1)(k)")
    assert {r["action"] for r in k["rules"]} >= {"freezing-of-assets"}


def test_instrument_parties(http):
    body = http.get("/api/v1/instruments/rome-statute/parties").json()
    ukraine = next(p for p in body["parties"] if p["party"] == "UKR")
    assert (ukraine["signed"], ukraine["consented"], ukraine["in_force"]) == ("2000-01-20", "2024-10-25",
                                                                              "2025-01-01")
    assert ukraine["sources"]


def test_state_on_a_date(http):
    body = http.get("/api/v1/states/UKR", params={"date": "2025-06-01"}).json()
    rome = next(i for i in body["instruments"] if i["id"] == "rome-statute")
    assert rome["party_in_force"] == "2025-01-01" and body["label"] == "Ukraine"


def test_provision_by_path(http):
    body = http.get("/api/v1/provisions/rome-statute/art/93/para/1/point/k").json()
    assert body["citation"] == "93(1)(k)" and body["instrument"] == "rome-statute"
    assert body["parent"].endswith("/art/93/para/1") and body["sources"]
    assert "freezing-of-assets" in {r["action"] for r in body["rules"]}


@pytest.mark.parametrize("path", ["/api/v1/instruments/no-such-treaty", "/api/v1/instruments/BAD%20ID/parties",
                                  "/api/v1/states/XXX", "/api/v1/provisions/rome-statute/art/9999",
                                  "/api/v1/provisions/%3E%7D"])
def test_unknown_resources_are_404_with_a_hint(http, path):
    response = http.get(path)
    assert response.status_code == 404
    assert "/api/v1/" in response.json()["error"]["message"] or "use" in response.json()["error"]["message"]


@pytest.mark.parametrize("params", [{"kind": "treaty"}, {"limit": 0}, {"limit": 100000}, {"offset": -1},
                                    {"party": "UKR", "date": "2025-02-30"}])
def test_bad_resource_parameters_are_422(http, params):
    assert http.get("/api/v1/instruments", params=params).status_code == 422


@pytest.mark.parametrize(("path", "column"), [("/api/v1/instruments?kind=bilateral", "id"),
                                              ("/api/v1/instruments/rome-statute/parties", "party"),
                                              ("/api/v1/states/UKR?date=2025-06-01", "party_in_force")])
def test_tabular_endpoints_answer_csv_on_request(http, path, column):
    response = http.get(path, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    header, *rows = response.text.strip().splitlines()
    assert column in header.split(",") and rows


INJECTIONS = ['x> } ; DROP ALL #', 'a"b', "line\nbreak", "\\u003e", "<urn:x>", "UKR) } UNION { ?s ?p ?o"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("template", ["/api/v1/instruments?party={}", "/api/v1/instruments?kind={}",
                                      "/api/v1/instruments/{}", "/api/v1/instruments/{}/parties",
                                      "/api/v1/states/{}", "/api/v1/provisions/{}", "/api/v1/actions?q={}",
                                      "/api/v1/actions/{}", "/id/{}", "/api/v1/statistics/requests?category={}"])
def test_injection_attempts_on_resources_are_4xx_never_500(http, template, value):
    from urllib.parse import quote

    response = http.get(template.format(quote(value, safe="")))
    assert 400 <= response.status_code < 500 or (response.status_code == 200 and "q=" in template), response.text
