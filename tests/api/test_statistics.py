"""GET /api/v1/statistics/requests: Ukraine's requests as seed 003 reports them, each with its source."""

SEED_URL = "https://www.pravda.com.ua/columns/2025/09/15/7530410/"


def test_outgoing_requests_per_year_with_their_source(http):
    body = http.get("/api/v1/statistics/requests", params={"direction": "outgoing"}).json()
    by_period = {o["period"]: o["count"] for o in body["observations"]
                 if o["dataset"].endswith("/ua-cooperation-requests") and o["category"] == "mutual-legal-assistance"}
    assert by_period == {"2021": 484, "2022": 388, "2023": 456, "2024": 574, "2025-H1": 225}
    first = body["observations"][0]
    assert first["reporting_party"] == "UA-PGO"
    assert first["sources"][0]["iri"] == "https://w3id.org/coopgraph/document/seed-003"
    assert first["sources"][0]["derived_from"] == SEED_URL


def test_filters_are_validated(http):
    assert http.get("/api/v1/statistics/requests", params={"direction": "sideways"}).status_code == 422
    assert http.get("/api/v1/statistics/requests", params={"category": "extradition"}).json()["count"] == 0
