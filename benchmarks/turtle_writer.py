"""A minimal, fast Turtle writer for generated data: rdflib's serialiser is far too slow for a million triples."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

PREFIXES = {
    "coop": "https://w3id.org/coopgraph/ontology#",
    "dcterms": "http://purl.org/dc/terms/",
    "eli": "http://data.europa.eu/eli/ontology#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "instrument": "https://w3id.org/coopgraph/instrument/",
    "state": "https://w3id.org/coopgraph/state/",
    "action": "https://w3id.org/coopgraph/action/",
    "condition": "https://w3id.org/coopgraph/condition/",
    "ground": "https://w3id.org/coopgraph/ground/",
    "role": "https://w3id.org/coopgraph/role/",
    "kind": "https://w3id.org/coopgraph/instrument-kind/",
    "level": "https://w3id.org/coopgraph/level/",
    "consent": "https://w3id.org/coopgraph/consent-kind/",
    "effect": "https://w3id.org/coopgraph/effect/",
}


def iri(value: str) -> str:
    return f"<{value}>"


def text(value: str, lang: str = "en") -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}'


def string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def date(value: dt.date) -> str:
    return f'"{value.isoformat()}"^^xsd:date'


def integer(value: int) -> str:
    return str(value)  # a bare integer is xsd:integer in Turtle


def boolean(value: bool) -> str:
    return "true" if value else "false"


class TurtleWriter:
    """Writes subject blocks and counts the triples it wrote."""

    def __init__(self, out: TextIO, header: str = ""):
        self.out = out
        self.triples = 0
        if header:
            out.write("".join(f"# {line}\n" for line in header.splitlines()))
        out.write("".join(f"@prefix {name}: <{namespace}> .\n" for name, namespace in PREFIXES.items()))

    def subject(self, subject: str, *facts: tuple[str, str]) -> None:
        """One block: `subject p1 o1 ; p2 o2 .` (a predicate repeated with several objects is several facts)."""
        body = " ;\n    ".join(f"{predicate} {obj}" for predicate, obj in facts)
        self.out.write(f"\n{subject} {body} .\n")
        self.triples += len(facts)
