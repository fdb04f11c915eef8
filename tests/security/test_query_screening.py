"""Property-based fuzzing of the query screening (hypothesis): it never crashes, always catches SERVICE and
updates however they are spelt, and does not refuse the same words inside strings, IRIs or comments."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopgraph.guard import Limits, screen_query
from coopgraph.store import QueryFailed, QueryRefused

LIMITS = Limits(max_length=20_000, max_depth=40)


def spellings(word: str):
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda upper: "".join(c.upper() if u else c.lower() for c, u in zip(word, upper, strict=True)))


gaps = st.sampled_from([" ", "\n", "\t", "  ", " # a comment\n", "\n#\n"])
iris = st.from_regex(r"<https?://[a-z0-9.]{1,12}(:[0-9]{2,5})?/[a-z0-9/]{0,12}>", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_screening_never_fails_unexpectedly(text):
    try:
        screen_query(text, LIMITS)
    except (QueryFailed, QueryRefused):
        pass


@settings(max_examples=200, deadline=None)
@given(spellings("service"), gaps, gaps, iris, st.booleans())
def test_service_is_always_refused(keyword, gap1, gap2, iri, silent):
    query = f"SELECT * WHERE {{{gap1}{keyword}{' SILENT' if silent else ''}{gap2}{iri} {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryRefused):
        screen_query(query, LIMITS)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["insert data", "delete where", "load", "clear all", "drop all", "create graph",
                        "add default to", "move default to", "copy default to", "with"]).flatmap(spellings),
       gaps, iris)
def test_updates_are_always_refused(keyword, gap, iri):
    query = f"PREFIX ex: <https://example.org/>{gap}{keyword} {iri}"
    with pytest.raises(QueryRefused):
        screen_query(query, LIMITS)


@settings(max_examples=200, deadline=None)
@given(spellings("from"), st.sampled_from(["", " NAMED"]), gaps, iris)
def test_any_from_outside_the_store_is_refused(keyword, named, gap, iri):
    with pytest.raises(QueryRefused):
        screen_query(f"SELECT *{gap}{keyword}{named} {iri} WHERE {{ ?s ?p ?o }}", LIMITS)


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }',
    "SELECT * WHERE { ?s ?p <https://example.org/SERVICE> }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }",
    "SELECT ?service ?load WHERE { ?service ?load ?from }",
    "PREFIX service: <https://example.org/> SELECT * WHERE { ?s service:load ?o }",
    "SELECT * WHERE { ?s ?p '''DROP ALL''' }",
])
def test_the_same_words_elsewhere_are_not_refused(query):
    screen_query(query, LIMITS)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=41, max_value=500))
def test_nesting_beyond_the_limit_is_refused(depth):
    with pytest.raises(QueryFailed):
        screen_query("ASK " + "{" * depth + "}" * depth, LIMITS)
