"""GET /api/v1/authorities: who sends or receives requests, at which stage, by which provision (CPC of Ukraine)."""


def codes(answer: dict) -> set[tuple[str, str]]:
    return {(d["authority"]["code"], d["provision"]["number"]) for d in answer["designations"]}


def test_the_ministry_of_justice_handles_extradition_at_the_trial_stage(http):
    answer = http.get("/api/v1/authorities", params={"party": "UKR", "action": "extradition",
                                                      "stage": "court-proceedings"}).json()
    assert codes(answer) == {("UA-MOJ", "574")}
    designation = answer["designations"][0]
    assert designation["stages"] == ["court-proceedings"] and "extradition" in designation["actions"]
    assert designation["provision"]["instrument"] == "ua-cpc-2012"
    assert designation["sources"] and designation["sources"][0].startswith("http")


def test_the_prosecution_service_handles_extradition_before_trial(http):
    answer = http.get("/api/v1/authorities", params={"party": "UKR", "action": "extradition",
                                                      "stage": "pre-trial-investigation"}).json()
    assert codes(answer) == {("UA-PGO", "574")}


def test_labels_follow_the_language(http):
    answer = http.get("/api/v1/authorities", params={"party": "UKR", "stage": "court-proceedings",
                                                      "lang": "uk"}).json()
    labels = {d["authority"]["code"]: d["authority"]["label"] for d in answer["designations"]}
    assert labels["UA-MOJ"] == "Міністерство юстиції України"


def test_every_designation_names_its_state_and_provision(http):
    answer = http.get("/api/v1/authorities").json()
    assert answer["count"] == len(answer["designations"]) >= 6
    assert all(d["state"] == "UKR" and d["provision"]["iri"].startswith("https://w3id.org/coopgraph/instrument/")
               for d in answer["designations"])


def test_a_state_without_designations_gets_an_empty_list(http):
    assert http.get("/api/v1/authorities", params={"party": "POL"}).json() == {"count": 0, "designations": []}


def test_unknown_parameters_are_404_naming_the_parameter(http):
    for params, name in (({"party": "XXX"}, "party"), ({"action": "teleportation"}, "action"),
                         ({"stage": "appeal-to-heaven"}, "stage"), ({"stage": "Bad Stage"}, "stage")):
        response = http.get("/api/v1/authorities", params=params)
        assert response.status_code == 404, params
        assert name in response.text
