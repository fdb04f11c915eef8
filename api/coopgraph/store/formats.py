"""Media types for SPARQL results and RDF graphs, Accept negotiation, and RDF terms as plain Python values."""

from __future__ import annotations

from pyoxigraph import BlankNode, Literal, NamedNode, QueryResultsFormat, RdfFormat

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}

RESULTS_FORMATS = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "application/xml": QueryResultsFormat.XML,
    "text/csv": QueryResultsFormat.CSV,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
    "application/json": RdfFormat.JSON_LD,
}
# Short names for the `format=` parameter.
FORMAT_ALIASES = {
    "json": "application/sparql-results+json, application/ld+json;q=0.9",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "ntriples": "application/n-triples",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


class NotAcceptable(Exception):
    """No format we can produce matches the Accept header (HTTP 406)."""


def accepted_types(accept: str) -> list[str]:
    """Media types of an Accept header, best first; q=0 entries dropped; empty header means anything."""
    ranked = []
    for position, item in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in item.split(";")]
        media_type, quality = fields[0].lower(), 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if media_type and quality > 0:
            ranked.append((-quality, position, media_type))
    return [media_type for _, _, media_type in sorted(ranked)]


def _negotiate(accept: str, table: dict, default):
    for media_type in accepted_types(accept):
        if media_type in table:
            return table[media_type]
        if media_type in ("*/*", "application/*", "text/*") or media_type.endswith("/*"):
            family = media_type.split("/")[0]
            if media_type == "*/*":
                return default
            for candidate, fmt in table.items():
                if candidate.startswith(family + "/"):
                    return fmt
    raise NotAcceptable(f"cannot produce any of: {accept}; available: {', '.join(table)}")


def negotiate_results_format(accept: str) -> QueryResultsFormat:
    return _negotiate(accept, RESULTS_FORMATS, QueryResultsFormat.JSON)


def negotiate_graph_format(accept: str) -> RdfFormat:
    return _negotiate(accept, GRAPH_FORMATS, RdfFormat.TURTLE)


def json_term_value(term: dict) -> object:
    """The same plain value as python_value, for a term of SPARQL JSON results."""
    if term["type"] == "literal":
        datatype = term.get("datatype", "")
        if datatype in _INTEGER_TYPES:
            return int(term["value"])
        if datatype == XSD + "boolean":
            return term["value"] in ("true", "1")
        return term["value"]
    if term["type"] == "bnode":
        return "_:" + term["value"]
    return term["value"]


def python_value(term: NamedNode | Literal | BlankNode) -> object:
    """IRIs and strings as str, integers as int, booleans as bool; dates stay ISO strings (JSON-ready)."""
    if type(term) is NamedNode:  # most values: answer before the isinstance chain
        return term.value
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype in _INTEGER_TYPES:
            return int(term.value)
        if datatype == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, BlankNode):
        return "_:" + term.value
    return term.value
