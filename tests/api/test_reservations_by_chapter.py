"""A statement about one chapter of an instrument is not offered against the rules of another (real data)."""

UKR_ETS86_CHAPTER_I = "https://w3id.org/coopgraph/instrument/coe-extradition-1957-protocol-1/party/UKR/declaration/1"
QUESTION = {"action": "extradition", "requesting": "POL", "requested": "UKR", "date": "2024-01-01"}


def statements_by_provision(http, instrument):
    answer = http.get("/api/v1/legal-bases", params=QUESTION).json()
    return {b["provision"]["number"]: {r["iri"] for r in b["reservations"]}
            for b in answer["legal_bases"] if b["instrument"]["id"] == instrument}


def test_ukraines_chapter_i_declaration_to_ets_86_answers_for_chapter_i_only(http):
    statements = statements_by_provision(http, "coe-extradition-1957-protocol-1")
    assert UKR_ETS86_CHAPTER_I in statements["1"]       # Chapter I: political offences
    assert UKR_ETS86_CHAPTER_I not in statements["2(3)"]  # Chapter II: ne bis in idem


def test_a_statement_on_an_instrument_without_chapters_still_answers_by_its_action(http):
    # Ukraine's ETS 24 declaration on article 6 (its nationals) concerns extradition under every article.
    statements = statements_by_provision(http, "coe-extradition-1957")
    assert "https://w3id.org/coopgraph/instrument/coe-extradition-1957/party/UKR/declaration/1" in statements["1"]
