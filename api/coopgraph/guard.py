"""Query screening for the public SPARQL endpoint: what is refused before any evaluation.

The endpoint is read-only and makes no outbound request, ever: updates (incl. LOAD), SERVICE, and FROM /
FROM NAMED or protocol graph parameters naming anything but the store's own graphs are refused here, because
neither engine can be told to refuse them (pyoxigraph has no switch to disable SERVICE; rdflib fetches FROM
graphs). Length and nesting are bounded so that parsing itself stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coopgraph.store import QueryFailed, QueryRefused

# One token at a time: IRIs, strings (long and short), comments, variables, prefixed names, words, punctuation.
_TOKEN = re.compile(
    r"""(?P<iri><[^<>"{}|^`\\\s]*>)"""
    r"""|(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
    r"""|(?P<comment>\#[^\n]*)"""
    r"""|(?P<variable>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)"""
    r"""|(?P<pname>[A-Za-z][\w.-]*:[^\s{}()\[\],;]*|:[^\s{}()\[\],;]*)"""
    r"""|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"""
    r"""|(?P<open>[{(\[])|(?P<close>[})\]])"""
    r"""|(?P<other>\S)""",
    re.DOTALL,
)
_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


@dataclass(frozen=True)
class Limits:
    max_length: int
    max_depth: int


def screen_query(query: str, limits: Limits, allowed_graphs: frozenset[str] = frozenset()) -> None:
    """Raise QueryRefused (403) or QueryFailed (400) for a query that must not be evaluated."""
    if len(query) > limits.max_length:
        raise QueryFailed(f"the query is {len(query)} characters long; the limit is {limits.max_length}")
    depth, deepest, previous_word = 0, 0, None
    form_seen = False
    for match in _TOKEN.finditer(query):
        kind, text = match.lastgroup, match.group()
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limits.max_depth:
                raise QueryFailed(f"the query nests deeper than {limits.max_depth} levels")
        elif kind == "close":
            depth -= 1
        elif kind == "word":
            word = text.upper()
            if not form_seen and word in _UPDATE_KEYWORDS:
                raise QueryRefused("this endpoint is read-only: SPARQL updates are not accepted")
            if word in _QUERY_FORMS:
                form_seen = True
            if word == "SERVICE":
                raise QueryRefused("SERVICE is not allowed: this endpoint makes no outbound requests")
            previous_word = word
            continue
        elif kind == "iri" and previous_word in ("FROM", "NAMED"):
            graph_outside_store(text[1:-1], allowed_graphs)
        if kind != "comment":
            previous_word = None


def graph_outside_store(iri: str, allowed_graphs: frozenset[str]) -> None:
    """FROM, FROM NAMED and the protocol's graph parameters may only name the store's own graphs."""
    if iri not in allowed_graphs:
        raise QueryRefused(f"the dataset may only name this store's graphs; <{iri}> is not one of them "
                           "(this endpoint never fetches graphs from elsewhere)")
