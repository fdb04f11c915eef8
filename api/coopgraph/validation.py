"""The SHACL gate: validate a data graph with the shapes and turn the report into readable problems.

Two engines give the same reports (tests/shapes checks both on every example and on the repository's data):
pyshacl-turbo, a Rust SHACL engine with pySHACL's API, validates a pyoxigraph store directly (the 1M-triple
world in about 30 s instead of about 280 s); pySHACL, the reference implementation, needs an rdflib graph.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from rdflib import BNode, Graph, Namespace
from rdflib.namespace import RDF
from rdflib.plugins.sparql import processor as sparql_processor

SH = Namespace("http://www.w3.org/ns/shacl#")


@lru_cache(maxsize=1024)
def _translated_query(text: str, base: str | None, namespaces: tuple):
    return sparql_processor.translateQuery(sparql_processor.parseQuery(text), base, dict(namespaces) or None)


def _query_with_parse_cache(self, strOrQuery, initBindings=None, initNs=None, base=None, DEBUG=False):  # noqa: N803
    if isinstance(strOrQuery, str):
        strOrQuery = _translated_query(strOrQuery, base, tuple(sorted((initNs or {}).items())))
    return sparql_processor.evalQuery(self.graph, strOrQuery, initBindings, base)


# pySHACL hands rdflib the same SHACL-SPARQL text once per focus node, and rdflib parses it every time
# (pyparsing, ~20 ms a parse): that was 90% of validation. The parsed algebra is immutable, so cache it.
sparql_processor.SPARQLProcessor.query = _query_with_parse_cache


@dataclass
class Problem:
    """One reason the graph cannot load: where (file, line), what (node, path), why (message, component)."""

    message: str
    file: Path | None = None
    line: int | None = None
    focus_node: str | None = None
    path: str | None = None
    component: str | None = None
    severity: str = "Violation"

    def describe(self) -> str:
        where = str(self.file) if self.file else "<graph>"
        if self.line:
            where += f":{self.line}"
        parts = [where]
        if self.focus_node:
            parts.append(f"node <{self.focus_node}>")
        if self.path:
            parts.append(f"path {self.path}")
        text = " ".join(parts) + f": {self.message}"
        if self.component:
            text += f" [{self.component}]"
        return text

    def as_dict(self) -> dict:
        return {
            "file": str(self.file) if self.file else None,
            "line": self.line,
            "focus_node": self.focus_node,
            "path": self.path,
            "message": self.message,
            "component": self.component,
            "severity": self.severity,
        }


ENGINES = {"turbo": "pyshacl_turbo", "pyshacl": "pyshacl"}


def resolve_engine(name: str) -> str:
    """"auto" is pyshacl-turbo when it is installed (it ships wheels for common platforms), else pySHACL."""
    if name == "auto":
        return "turbo" if importlib.util.find_spec("pyshacl_turbo") is not None else "pyshacl"
    if name not in ENGINES:
        raise ValueError(f"unknown SHACL engine {name!r}: choose auto, turbo or pyshacl")
    return name


def engine_version(engine: str) -> str:
    return f"{engine} {version(ENGINES[engine].replace('_', '-'))}"


def validate(data, shapes: Graph, engine: str = "pyshacl") -> list[Problem]:
    """Validate without inference (the data must say what it means); return Violations, sorted.

    `data` is an rdflib Graph, or for the turbo engine also a pyoxigraph Store.
    """
    module = importlib.import_module(ENGINES[engine])
    conforms, report, _ = module.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=True,
    )
    if conforms:
        return []
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        if severity != SH.Violation or (None, SH.detail, result) in report:
            continue  # details of a nested sh:node result are explained by their parent result
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        component = report.value(result, SH.sourceConstraintComponent)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        problems.append(
            Problem(
                message="; ".join(messages) or "violates a shape",
                focus_node=str(focus) if focus is not None else None,
                path=_curie(shapes, path),
                component=report.namespace_manager.normalizeUri(component) if component is not None else None,
            )
        )
    return sorted(problems, key=lambda p: (p.focus_node or "", p.path or "", p.message))


def _curie(graph: Graph, path) -> str | None:
    """A predicate path as coop:name; complex (blank-node) paths are not named."""
    if path is None or isinstance(path, BNode):
        return None
    return graph.namespace_manager.normalizeUri(path)
