"""/api/v1/actions: every DESIGN §5 slug resolves, with en and uk labels and its broader concepts."""

import pytest

# DESIGN §5: slug -> broader slugs (a contract with API users).
DESIGN_ACTIONS = {
    "mutual-legal-assistance": set(),
    "taking-of-evidence": {"mutual-legal-assistance"},
    "questioning-of-persons": {"taking-of-evidence"},
    "hearing-by-videoconference": {"questioning-of-persons"},
    "hearing-by-telephone-conference": {"questioning-of-persons"},
    "production-of-records": {"taking-of-evidence"},
    "identification-and-location-of-persons": {"mutual-legal-assistance"},
    "service-of-documents": {"mutual-legal-assistance"},
    "facilitation-of-voluntary-appearance": {"mutual-legal-assistance"},
    "temporary-transfer-of-detained-persons": {"mutual-legal-assistance"},
    "examination-of-sites-and-exhumation": {"taking-of-evidence"},
    "search-and-seizure": {"mutual-legal-assistance"},
    "protection-of-victims-and-witnesses": {"mutual-legal-assistance"},
    "preservation-of-evidence": {"mutual-legal-assistance"},
    "spontaneous-information": {"mutual-legal-assistance"},
    "covert-investigative-actions": {"mutual-legal-assistance"},
    "interception-of-content-data": {"covert-investigative-actions", "electronic-evidence"},
    "real-time-collection-of-traffic-data": {"covert-investigative-actions", "electronic-evidence"},
    "electronic-surveillance": {"covert-investigative-actions"},
    "controlled-delivery": {"covert-investigative-actions"},
    "covert-investigation": {"covert-investigative-actions"},
    "cross-border-observation": {"covert-investigative-actions"},
    "electronic-evidence": {"mutual-legal-assistance"},
    "expedited-preservation-of-stored-data": {"electronic-evidence"},
    "expedited-disclosure-of-preserved-traffic-data": {"electronic-evidence"},
    "search-and-seizure-of-stored-data": {"electronic-evidence", "search-and-seizure"},
    "trans-border-access-to-stored-data": {"electronic-evidence"},
    "production-order-for-subscriber-information": {"electronic-evidence"},
    "disclosure-of-domain-name-registration-information": {"electronic-evidence"},
    "emergency-disclosure-of-stored-data": {"electronic-evidence"},
    "bank-information": {"mutual-legal-assistance"},
    "monitoring-of-bank-transactions": {"bank-information", "covert-investigative-actions"},
    "asset-recovery": set(),
    "identification-and-tracing-of-proceeds": {"asset-recovery"},
    "freezing-of-assets": {"asset-recovery"},
    "seizure-of-assets": {"asset-recovery"},
    "confiscation": {"asset-recovery"},
    "return-of-assets": {"asset-recovery"},
    "surrender-and-extradition": set(),
    "extradition": {"surrender-and-extradition"},
    "provisional-arrest": {"surrender-and-extradition"},
    "extradition-arrest": {"surrender-and-extradition"},
    "arrest-and-surrender": {"surrender-and-extradition"},
    "transit": {"surrender-and-extradition"},
    "transfer-of-proceedings": set(),
    "joint-investigation-team": set(),
    "recognition-and-enforcement-of-sentences": set(),
    "transfer-of-sentenced-persons": {"recognition-and-enforcement-of-sentences"},
}


@pytest.mark.parametrize("slug", sorted(DESIGN_ACTIONS))
def test_every_design_slug_resolves_with_en_uk_labels_and_broader(http, slug):
    response = http.get(f"/api/v1/actions/{slug}")
    assert response.status_code == 200, response.text
    action = response.json()
    assert action["id"] == slug
    assert action["iri"] == f"https://w3id.org/coopgraph/action/{slug}"
    assert action["labels"]["en"] and action["labels"]["uk"]
    assert action["definitions"]["en"] and action["definitions"]["uk"]
    assert {b["id"] for b in action["broader"]} == DESIGN_ACTIONS[slug]
    assert all(b["label"] for b in action["broader"])


def test_ukrainian_labels_on_request(http):
    action = http.get("/api/v1/actions/interception-of-content-data", params={"lang": "uk"}).json()
    assert "перехоплення" in action["label"]
    assert action["label"] == action["labels"]["uk"]


def test_narrower_lists_children(http):
    action = http.get("/api/v1/actions/electronic-evidence").json()
    narrower = {n["id"] for n in action["narrower"]}
    assert {"expedited-preservation-of-stored-data", "interception-of-content-data"} <= narrower


def test_tree_has_the_seven_top_concepts_and_reaches_every_action(http):
    body = http.get("/api/v1/actions", params={"lang": "uk"}).json()
    assert body["lang"] == "uk"
    assert {node["id"] for node in body["tree"]} == {
        "mutual-legal-assistance", "asset-recovery", "surrender-and-extradition", "transfer-of-proceedings",
        "joint-investigation-team", "recognition-and-enforcement-of-sentences", "financial-intelligence-cooperation"}
    reached = set()

    def walk(node):
        reached.add(node["id"])
        for child in node["narrower"]:
            walk(child)

    for top in body["tree"]:
        walk(top)
    assert reached == {a["id"] for a in body["actions"]} >= set(DESIGN_ACTIONS)
    assert body["count"] == len(body["actions"])


def test_unknown_action_is_404_and_says_where_to_look(http):
    response = http.get("/api/v1/actions/time-travel")
    assert response.status_code == 404
    assert "/api/v1/actions" in response.json()["error"]["message"]


def test_malformed_slug_is_404_not_500(http):
    assert http.get("/api/v1/actions/DROP%20TABLE").status_code == 404


def test_unknown_language_is_422_naming_the_parameter(http):
    response = http.get("/api/v1/actions", params={"lang": "fr"})
    assert response.status_code == 422
    assert response.json()["error"]["parameter"] == "lang"


def test_health_reports_the_loaded_graph(http):
    health = http.get("/health").json()
    assert health["status"] == "ok" and health["triples"] > 1000


def test_openapi_is_published(http):
    assert http.get("/docs").status_code == 200
    paths = http.get("/openapi.json").json()["paths"]
    assert {"/sparql", "/api/v1/actions", "/api/v1/actions/{slug}", "/health"} <= set(paths)
