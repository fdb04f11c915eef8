"""A ground for refusal answers only for the rules of the part it governs (coop:refusalScope, real data)."""

QUESTION = {"requesting": "UKR", "requested": "ITA", "date": "2015-01-01"}


def grounds_by_provision(http, action, instrument):
    answer = http.get("/api/v1/legal-bases", params={**QUESTION, "action": action}).json()
    return {b["provision"]["number"]: {g["provision"] for g in b["refusal_grounds"]}
            for b in answer["legal_bases"] if b["instrument"]["id"] == instrument}


def test_untoc_extradition_is_not_refused_on_the_mutual_assistance_grounds_of_article_18(http):
    assert grounds_by_provision(http, "extradition", "untoc")["16(1)"] == {"16(14)"}


def test_untoc_confiscation_takes_article_18_grounds_through_13_3_and_its_own_13_7(http):
    assert grounds_by_provision(http, "confiscation", "untoc")["13(1)"] == {
        "13(7)", "18(9)", "18(21)(a)", "18(21)(b)", "18(21)(c)", "18(21)(d)"}


def test_uncac_confiscation_under_article_55_takes_the_article_46_grounds_but_54_does_not(http):
    grounds = grounds_by_provision(http, "confiscation", "uncac")
    assert {"46(21)(a)", "55(7)"} <= grounds["55(1)"]
    assert grounds["54(1)"] == {"55(7)"}


def test_budapest_preservation_is_refused_only_on_the_grounds_of_article_29(http):
    grounds = grounds_by_provision(http, "expedited-preservation-of-stored-data", "budapest-convention")
    assert grounds["29"] == {"29(4)", "29(5)(a)", "29(5)(b)"}


def test_warsaw_fiu_cooperation_is_outside_chapter_iv_grounds(http):
    answer = http.get("/api/v1/legal-bases", params={**QUESTION, "requested": "POL", "date": "2025-06-01",
                                                     "action": "postponement-of-suspicious-transactions"}).json()
    (basis,) = answer["legal_bases"]
    assert basis["provision"]["number"] == "47(1)" and basis["refusal_grounds"] == []
    exchange = http.get("/api/v1/legal-bases", params={**QUESTION, "requested": "POL", "date": "2025-06-01",
                                                       "action": "financial-intelligence-exchange"}).json()
    (basis,) = exchange["legal_bases"]
    assert {g["id"] for g in basis["refusal_grounds"]} == {"pending-domestic-proceedings",
                                                           "fundamental-legal-principle"}
    assert {g["provision"] for g in basis["refusal_grounds"]} == {"46(6)"}


def test_the_instrument_tree_and_the_provision_say_which_part_a_ground_governs(http):
    untoc = http.get("/api/v1/instruments/untoc").json()

    def rules_of(nodes):
        for node in nodes:
            yield from node["rules"]
            yield from rules_of(node["children"])
    scopes = {r["iri"].split("/instrument/untoc/")[1]: r["refusal_scope"] for r in rules_of(untoc["provisions"])
              if r["type"] == "groundforrefusal"}
    assert scopes["art/16/para/14/refusal/discrimination"] == ["16"]
    assert scopes["art/18/para/21/point/b/refusal/essential-interests"] == ["13", "18"]
    provision = http.get("/api/v1/provisions/untoc/art/18/para/21/point/b").json()
    (ground,) = [r for r in provision["rules"] if r["type"] == "groundforrefusal"]
    assert ground["refusal_scope"] == ["13", "18"]
    rome = http.get("/api/v1/provisions/rome-statute/art/95").json()
    assert rome["rules"] and all(r["refusal_scope"] == [] for r in rome["rules"])  # no scope: the whole Statute


def excluded_by_provision(http, action, instrument, **question):
    answer = http.get("/api/v1/legal-bases", params={**QUESTION, **question, "action": action}).json()
    return {b["provision"]["number"]: {(g["id"], g["provision"]) for g in b["refusal_grounds_excluded"]}
            for b in answer["legal_bases"] if b["instrument"]["id"] == instrument}


def test_untoc_says_which_grounds_may_not_be_invoked_for_each_kind_of_request(http):
    assert excluded_by_provision(http, "extradition", "untoc")["16(1)"] == {("fiscal-offence", "16(15)")}
    assert excluded_by_provision(http, "mutual-legal-assistance", "untoc")["18(1)"] == {
        ("bank-secrecy", "18(8)"), ("fiscal-offence", "18(22)")}
    assert excluded_by_provision(http, "confiscation", "untoc")["13(1)"] == {
        ("bank-secrecy", "18(8)"), ("fiscal-offence", "18(22)")}


def test_budapest_25_4_forbids_the_fiscal_ground_for_mutual_assistance_but_not_for_extradition(http):
    preservation = excluded_by_provision(http, "expedited-preservation-of-stored-data", "budapest-convention")
    assert preservation["29"] == {("fiscal-offence", "25(4)")}
    assert excluded_by_provision(http, "extradition", "budapest-convention")["24(3)"] == set()


def test_a_convention_without_such_a_clause_excludes_nothing(http):
    assert excluded_by_provision(http, "extradition", "coe-extradition-1957", requested="POL")["1"] == set()


def test_excluded_grounds_are_in_the_json_ld_view(http):
    response = http.get("/api/v1/legal-bases", params={**QUESTION, "action": "extradition"},
                        headers={"Accept": "application/ld+json"})
    assert response.status_code == 200 and "refusal_grounds_excluded" in response.text
