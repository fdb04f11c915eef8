"""The legal-bases question on the repository's real data: the Rome Statute chain works end to end."""


def test_icc_freezing_request_to_a_state_party_cites_article_93_1_k(http):
    answer = http.get("/api/v1/legal-bases", params={"action": "freezing-of-assets", "requesting": "ICC",
                                                      "requested": "UKR", "date": "2025-06-01"}).json()
    rome = [b for b in answer["legal_bases"] if b["instrument"]["id"] == "rome-statute"]
    by_number = {b["provision"]["number"]: b for b in rome}
    basis = by_number["93(1)(k)"]
    assert basis["match"] == "exact"
    assert basis["provision"]["heading"] == "Other forms of cooperation"
    assert basis["in_force"]["UKR"] == "2025-01-01"
    # The Pre-Trial Chamber's protective measures (57(3)(e)) come first: same match, document order.
    assert [b["provision"]["number"] for b in rome][:2] == ["57(3)(e)", "93(1)(k)"]


def test_the_statute_gives_nothing_for_a_state_that_is_not_a_party(http):
    answer = http.get("/api/v1/legal-bases", params={"action": "freezing-of-assets", "requesting": "ICC",
                                                      "requested": "USA", "date": "2025-06-01"}).json()
    assert [b for b in answer["legal_bases"] if b["instrument"]["id"] == "rome-statute"] == []


def test_the_court_cannot_be_asked_by_a_state_under_article_93_1(http):
    answer = http.get("/api/v1/legal-bases", params={"action": "freezing-of-assets", "requesting": "UKR",
                                                      "requested": "ICC", "date": "2025-06-01"}).json()
    assert "93(1)(k)" not in [b["provision"]["number"] for b in answer["legal_bases"]]


def test_residual_clause_93_1_l_answers_for_an_action_it_does_not_name(http):
    answer = http.get("/api/v1/legal-bases", params={"action": "interception-of-content-data", "requesting": "ICC",
                                                      "requested": "UKR", "date": "2025-06-01"}).json()
    residual = [b for b in answer["legal_bases"]
                if b["match"] == "residual" and b["instrument"]["id"] == "rome-statute"]
    assert [b["provision"]["number"] for b in residual] == ["93(1)(l)"]
    assert "not-prohibited-by-domestic-law" in [c["id"] for c in residual[0]["conditions"]]
