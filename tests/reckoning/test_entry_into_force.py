"""Entry into force reckoned under each instrument's own clause (`coopgraph reckon`, data/derived/)."""

import datetime as dt
import shutil

import pytest

from conftest import REPO
from coopgraph.loading import LoadError, load_graph
from coopgraph.reckoning import ReckoningError, derived_path, disagreements, entry_into_force, reckon_all, render
from coopgraph.settings import Settings

D = dt.date
UNTOC_IN_FORCE = D(2003, 9, 29)


@pytest.mark.parametrize(("consented", "period", "first_of_month", "instrument_in_force", "expected"), [
    # UNCAC art. 68(2): the thirtieth day after deposit (Ukraine: deposited 2 Dec 2009, bound from 1 Jan 2010).
    (D(2009, 12, 2), "P30D", False, D(2005, 12, 14), D(2010, 1, 1)),
    # Budapest art. 36(4): first day of the month after three months (Ukraine: 10 Mar 2006 → 1 Jul 2006).
    (D(2006, 3, 10), "P3M", True, D(2004, 7, 1), D(2006, 7, 1)),
    # Rome Statute art. 126(2): first day of the month after the sixtieth day (Ukraine: 25 Oct 2024 → 1 Jan 2025).
    (D(2024, 10, 25), "P60D", True, D(2002, 7, 1), D(2025, 1, 1)),
    # A month that is shorter than the deposit day: 30 Nov + 3 months is 29 Feb in a leap year.
    (D(2003, 11, 30), "P3M", True, D(2002, 1, 1), D(2004, 3, 1)),
    (D(2004, 11, 30), "P3M", False, D(2002, 1, 1), D(2005, 2, 28)),
    # A period that ends on the last day of a year rolls into the next.
    (D(2020, 12, 15), "P30D", True, D(2002, 1, 1), D(2021, 2, 1)),
    # Nobody is bound before the instrument is: an early deposit binds from the instrument's own entry into force.
    (D(2003, 1, 15), "P30D", False, UNTOC_IN_FORCE, UNTOC_IN_FORCE),
])
def test_entry_into_force_follows_the_clause(consented, period, first_of_month, instrument_in_force, expected):
    assert entry_into_force(consented, period, first_of_month, instrument_in_force) == expected


def test_a_clause_read_as_binding_from_the_day_after_the_period():
    # ETS 73 art. 38(3), "three months after the date of the deposit": Spain deposited 11 Aug 1988 and the
    # depositary has it bound from 12 Nov 1988, the day after the three months end.
    assert entry_into_force(D(1988, 8, 11), "P3M", False, D(1978, 3, 30), day_after_period=True) == D(1988, 11, 12)
    assert entry_into_force(D(1988, 8, 11), "P3M", False, D(1978, 3, 30)) == D(1988, 11, 11)


def test_a_period_in_years_is_refused():
    with pytest.raises(ReckoningError, match="P1Y"):
        entry_into_force(D(2020, 1, 1), "P1Y", False, D(2002, 1, 1))


@pytest.fixture(scope="module")
def repository_reckonings():
    return reckon_all(Settings())


def test_the_derived_file_is_current(repository_reckonings):
    """Every consent in data/parties/ a rule covers and no source dates is in the derived file, and nothing else."""
    assert derived_path(Settings()).read_text(encoding="utf-8") == render(repository_reckonings), \
        "data/derived/entry-into-force.ttl is stale: run `coopgraph reckon`"


# Dates the registers state one day later than "90 days after the deposit" gives (ETS 24 art. 29(3), 30(2); ETS 86
# art. 3(3)); the other 30 dated ETS 24 and 35 dated ETS 86 parties fit the clause exactly. The dates read are kept.
DEPOSITARY_EXCEPTIONS = {
    ("https://w3id.org/coopgraph/instrument/coe-extradition-1957-protocol-1/party/MCO", "2009-05-01", "2009-04-30"),
    ("https://w3id.org/coopgraph/instrument/coe-extradition-1957/party/DEU", "1977-01-01", "1976-12-31"),
    ("https://w3id.org/coopgraph/instrument/coe-extradition-1957/party/KOR", "2011-12-29", "2011-12-28"),
}


def test_every_stated_entry_into_force_agrees_with_its_clause(repository_reckonings):
    """The dates read in depositary sources check the rules (and the rules check the dates for typos)."""
    stated = [r for r in repository_reckonings if r.stated is not None]
    assert len(stated) > 300
    found = {(r.participation, str(r.stated), str(r.in_force)) for r in disagreements(repository_reckonings)}
    assert found == DEPOSITARY_EXCEPTIONS


def test_reckoned_dates_of_known_participations(repository_reckonings):
    by_iri = {r.participation: r for r in repository_reckonings}
    ukraine_uncac = by_iri["https://w3id.org/coopgraph/instrument/uncac/party/UKR"]
    assert (ukraine_uncac.consented, ukraine_uncac.in_force) == (D(2009, 12, 2), D(2010, 1, 1))
    assert ukraine_uncac.stated is None
    assert ukraine_uncac.rule == "https://w3id.org/coopgraph/instrument/uncac/art/68/para/2/entry-into-force"
    # Sources that disagree on when these became bound: nothing is reckoned (coop:entryIntoForceUnsettled).
    for unsettled in ("coe-transfer-of-sentenced-persons-1983/party/BOL", "uncac/party/BTN", "untoc/party/LIE"):
        assert f"https://w3id.org/coopgraph/instrument/{unsettled}" not in by_iri


@pytest.fixture
def copied_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    return Settings(data_dir=data)


def test_a_date_stated_later_collides_with_the_reckoned_one_until_reckoned_again(copied_data):
    """A source read later gives the date: the graph refuses to load, naming the derived file, until `reckon`."""
    parties = copied_data.data_dir / "parties" / "uncac.ttl"
    parties.write_text(parties.read_text(encoding="utf-8") + (
        '\n<https://w3id.org/coopgraph/instrument/uncac/party/UKR> <https://w3id.org/coopgraph/ontology#entryIntoForceDate>'
        ' "2010-01-02"^^<http://www.w3.org/2001/XMLSchema#date> .\n'),
        encoding="utf-8")
    with pytest.raises(LoadError) as failure:
        load_graph(copied_data, use_cache=False)
    problems = failure.value.problems
    assert {p.focus_node for p in problems} == {"https://w3id.org/coopgraph/instrument/uncac/party/UKR"}
    assert any("run `coopgraph reckon`" in p.message for p in problems)

    reckonings = reckon_all(copied_data)
    ukraine = next(r for r in reckonings if r.participation.endswith("/uncac/party/UKR"))
    assert ukraine.stated == D(2010, 1, 2)
    assert ukraine in disagreements(reckonings)  # the clause gives 2010-01-01: the author is told
    derived_path(copied_data).write_text(render(reckonings), encoding="utf-8")
    assert load_graph(copied_data, use_cache=False).triples


def test_two_rules_covering_one_consent_kind_are_refused(copied_data):
    instruments = copied_data.data_dir / "instruments" / "uncac.ttl"
    text = instruments.read_text(encoding="utf-8")
    extra = text[text.index("<https://w3id.org/coopgraph/instrument/uncac/art/68/para/2/entry-into-force> a"):]
    extra = extra[: extra.index("\n\n")].replace("/para/2/entry-into-force", "/entry-into-force").replace(
        "coop:provision <https://w3id.org/coopgraph/instrument/uncac/art/68/para/2>",
        "coop:provision <https://w3id.org/coopgraph/instrument/uncac/art/68>")
    rule = "https://w3id.org/coopgraph/instrument/uncac/art/68/entry-into-force"
    link = f"instrument:uncac coop:entryIntoForceRule <{rule}> ."
    instruments.write_text(f"{text}\n{extra}\n{link}\n", encoding="utf-8")
    with pytest.raises(ReckoningError, match="two rules"):
        reckon_all(copied_data)
