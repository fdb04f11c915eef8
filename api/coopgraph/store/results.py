"""SPARQL results as bytes in the format asked for, with a row limit that is signalled, never silent.

Solutions are written once as SPARQL JSON (simple and exact), then converted by pyoxigraph's own parsers and
serialisers to XML, CSV or TSV; the same path serves the embedded store and a remote endpoint's JSON.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, QueryResultsFormat, RdfFormat, Triple, parse_query_results
from pyoxigraph import serialize as serialize_rdf

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class SerialisedResult:
    body: bytes
    media_type: str
    truncated: bool = False
    limit: int | None = None


def term_json(term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"unexpected RDF term {term!r}")


def solutions_json(variables: list[str], rows: Iterable[dict], truncated: bool) -> bytes:
    document = {"head": {"vars": variables},
                "results": {"bindings": [{k: term_json(v) for k, v in row.items()} for row in rows]}}
    if truncated:
        document["truncated"] = True  # an extra member SPARQL JSON readers ignore and our clients check
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def take(iterator, limit: int) -> tuple[list, bool]:
    """Up to `limit` items, and whether there were more."""
    items = []
    for item in iterator:
        if len(items) == limit:
            return items, True
        items.append(item)
    return items, False


def select_result(variables: list[str], rows: list[dict], truncated: bool, fmt: QueryResultsFormat,
                  limit: int) -> SerialisedResult:
    if fmt == QueryResultsFormat.JSON:
        body = solutions_json(variables, rows, truncated)
    else:
        standard = solutions_json(variables, rows, truncated=False)  # pyoxigraph's reader rejects extra members
        body = parse_query_results(standard, format=QueryResultsFormat.JSON).serialize(format=fmt)
    return SerialisedResult(body, fmt.media_type, truncated, limit)


def boolean_result(value: bool, fmt: QueryResultsFormat) -> SerialisedResult:
    body = json.dumps({"head": {}, "boolean": value}).encode()
    if fmt != QueryResultsFormat.JSON:
        body = parse_query_results(body, format=QueryResultsFormat.JSON).serialize(format=fmt)
    return SerialisedResult(body, fmt.media_type)


def graph_result(triples: list, truncated: bool, fmt: RdfFormat, limit: int) -> SerialisedResult:
    return SerialisedResult(serialize_rdf(triples, format=fmt), fmt.media_type, truncated, limit)
