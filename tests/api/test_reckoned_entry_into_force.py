"""Dates reckoned under a treaty's entry-into-force clause are answered, and always marked as reckoned (real data)."""

import csv
import io

UNTOC_38_2 = "https://w3id.org/coopgraph/instrument/untoc/art/38/para/2"
UNCAC_68_2 = "https://w3id.org/coopgraph/instrument/uncac/art/68/para/2"
QUESTION = {"action": "mutual-legal-assistance", "requesting": "UKR", "requested": "ITA", "date": "2015-01-01"}


def by_provision(answer, instrument):
    return {b["provision"]["number"]: b for b in answer["legal_bases"] if b["instrument"]["id"] == instrument}


def test_untoc_answers_between_ukraine_and_italy_with_italys_date_marked_as_reckoned(http):
    # Italy's deposit (2 Aug 2006) is read in a depositary source; its entry into force is not: art. 38(2) gives it.
    answer = http.get("/api/v1/legal-bases", params=QUESTION).json()
    basis = by_provision(answer, "untoc")["18(1)"]
    assert basis["in_force"] == {"UKR": "2004-05-21", "ITA": "2006-09-01"}
    assert basis["in_force_reckoned_under"] == {"ITA": UNTOC_38_2}  # Ukraine's date was read: not marked


def test_a_party_bound_only_after_the_reckoned_date_is_not_bound_the_day_before(http):
    answer = http.get("/api/v1/legal-bases", params={**QUESTION, "date": "2006-08-31"}).json()
    assert "18(1)" not in by_provision(answer, "untoc")


def test_explain_names_the_clause_in_the_participation_step(http):
    answer = http.get("/api/v1/legal-bases", params={**QUESTION, "explain": "true"}).json()
    steps = by_provision(answer, "uncac")["46(1)"]["explanation"]
    participations = {s["party"]: s for s in steps if s["step"] == "participation"}
    assert participations["UKR"]["in_force_from"] == "2010-01-01"
    assert participations["UKR"]["in_force_reckoned_under"] == UNCAC_68_2


def test_csv_lists_the_reckoned_parties(http):
    response = http.get("/api/v1/legal-bases", params=QUESTION, headers={"Accept": "text/csv"})
    rows = [r for r in csv.DictReader(io.StringIO(response.text)) if r["instrument"] == "untoc"]
    assert rows and all(r["in_force_reckoned_under"] == f"ITA={UNTOC_38_2}" for r in rows)


def test_the_parties_of_an_instrument_say_which_dates_are_reckoned(http):
    parties = {p["party"]: p for p in http.get("/api/v1/instruments/uncac/parties").json()["parties"]}
    assert (parties["UKR"]["consented"], parties["UKR"]["in_force"]) == ("2009-12-02", "2010-01-01")
    assert parties["UKR"]["in_force_reckoned_under"] == UNCAC_68_2
    # Austria's date is read in the Austrian gazette notice: nothing reckoned.
    assert parties["AUT"]["in_force"] is not None and parties["AUT"]["in_force_reckoned_under"] is None
    # Sources disagree on Bhutan: no date stated, none reckoned.
    assert parties["BTN"]["in_force"] is None and parties["BTN"]["in_force_reckoned_under"] is None


def test_a_state_on_a_date_lists_reckoned_participations(http):
    state = http.get("/api/v1/states/UKR", params={"date": "2015-01-01"}).json()
    uncac = next(i for i in state["instruments"] if i["id"] == "uncac")
    assert uncac["party_in_force"] == "2010-01-01" and uncac["party_in_force_reckoned_under"] == UNCAC_68_2


def test_an_instrument_states_its_entry_into_force_clauses(http):
    budapest = http.get("/api/v1/instruments/budapest-convention").json()
    rules = {r["citation"]: r for r in budapest["entry_into_force_rules"]}
    assert set(rules) == {"36(4)", "37(2)"}
    assert (rules["37(2)"]["period"], rules["37(2)"]["first_day_of_next_month"]) == ("P3M", True)
    assert rules["37(2)"]["consent_kinds"] == ["accession"]
    assert "ratification" in rules["36(4)"]["consent_kinds"] and "accession" not in rules["36(4)"]["consent_kinds"]
    untoc = http.get("/api/v1/instruments/untoc").json()["entry_into_force_rules"]
    assert [(r["citation"], r["period"], r["first_day_of_next_month"]) for r in untoc] == [("38(2)", "P30D", False)]
    assert http.get("/api/v1/instruments/ua-cpc-2012").json()["entry_into_force_rules"] == []


def test_an_instrument_binding_from_the_day_after_its_period_says_so(http):
    rules = http.get("/api/v1/instruments/coe-transfer-of-proceedings-1972").json()["entry_into_force_rules"]
    assert [(r["citation"], r["period"], r["first_day_of_next_month"], r["day_after_period"]) for r in rules] == [
        ("38(3)", "P3M", False, True), ("39(2)", "P3M", False, True)]
    budapest = http.get("/api/v1/instruments/budapest-convention").json()["entry_into_force_rules"]
    assert not any(r["day_after_period"] for r in budapest)
