"""The one query runner: named `.rq` files with typed parameters.

A query file starts with grlc-style header lines:

    #+ summary: what the query answers
    #+ param lang: language, required — en or uk

Parameter kinds: iri, iris (a list of IRIs), string, language, date, integer, boolean. A parameter left out
stays unbound.
Values are checked against their kind, turned into RDF terms, and bound as one `VALUES` row placed first in
the query's WHERE group (or in place of every `# @bindings` line, e.g. inside a sub-select or at the start of
each UNION branch), so every later pattern, OPTIONAL and FILTER of that group sees them. A list parameter
becomes its own `VALUES ?name { … }` block. The same text runs on any
SPARQL 1.1 engine, embedded or remote; user text never reaches the query except as a serialised RDF term.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from coopgraph.resources import QUERIES_DIR

XSD = "http://www.w3.org/2001/XMLSchema#"
_HEADER = re.compile(r"^#\+\s*(\w+)\s*:?\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*:\s*(\w+)\s*(,\s*required)?\s*(?:[—-]+\s*(.*))?$")
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_MARKER = "# @bindings"
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class InvalidParameter(ValueError):
    """A parameter value does not fit its declared kind (HTTP 422, naming the parameter)."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(f"parameter '{name}': {message}")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    required: bool
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    text: str
    summary: str
    parameters: tuple[Parameter, ...]

    def render(self, values: dict[str, object]) -> str:
        """The query text with the checked values bound."""
        bindings = self.bind(values)
        if not bindings:
            return self.text
        single = {name: term for name, term in bindings.items() if not isinstance(term, list)}
        blocks = [f"VALUES ?{name} {{ {' '.join(str(t) for t in terms)} }}"
                  for name, terms in bindings.items() if isinstance(terms, list)]
        if single:
            names = " ".join(f"?{name}" for name in single)
            blocks.insert(0, f"VALUES ({names}) {{ ({' '.join(str(term) for term in single.values())}) }}")
        row = " ".join(blocks)
        if _MARKER in self.text:
            return self.text.replace(_MARKER, row)
        where = _WHERE.search(self.text)
        if where is None:
            raise ValueError(f"{self.name}.rq: a query with parameters needs an explicit 'WHERE {{'")
        return self.text[: where.end()] + "\n  " + row + "\n" + self.text[where.end() :]

    def bind(self, values: dict[str, object]) -> dict:
        """Check every value against its declared kind and turn it into an RDF term."""
        declared = {p.name: p for p in self.parameters}
        unknown = set(values) - set(declared)
        if unknown:
            raise InvalidParameter(sorted(unknown)[0], f"not a parameter of query {self.name}")
        bindings = {}
        for parameter in self.parameters:
            value = values.get(parameter.name)
            if value is None:
                if parameter.required:
                    raise InvalidParameter(parameter.name, "is required")
                continue
            bindings[parameter.name] = _term(parameter, value)
        return bindings


def _term(parameter: Parameter, value: object):
    kind, name = parameter.kind, parameter.name
    if kind == "iris":
        if not isinstance(value, list | tuple | set) or not value:
            raise InvalidParameter(name, "must be a non-empty list of IRIs")
        return [_term(Parameter(name, "iri", True, ""), item) for item in sorted(value)]
    if kind == "iri":
        if not isinstance(value, str) or not _IRI.match(value):
            raise InvalidParameter(name, f"not an absolute IRI: {value!r}")
        return NamedNode(value)
    if kind == "string":
        return Literal(str(value))
    if kind == "language":
        if not isinstance(value, str) or not _LANGUAGE.match(value):
            raise InvalidParameter(name, f"not a language tag: {value!r}")
        return Literal(value)
    if kind == "date":
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError as error:
                raise InvalidParameter(name, f"not a date (YYYY-MM-DD): {value!r}") from error
        if not isinstance(value, dt.date):
            raise InvalidParameter(name, f"not a date: {value!r}")
        return Literal(value.isoformat(), datatype=NamedNode(XSD + "date"))
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidParameter(name, f"not an integer: {value!r}")
        return Literal(str(value), datatype=NamedNode(XSD + "integer"))
    if kind == "boolean":
        if not isinstance(value, bool):
            raise InvalidParameter(name, f"not a boolean: {value!r}")
        return Literal("true" if value else "false", datatype=NamedNode(XSD + "boolean"))
    raise ValueError(f"query parameter {name} has unknown kind {kind}")


def parse_query_file(name: str, text: str) -> NamedQuery:
    summary, parameters = "", []
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, rest = match.groups()
        if key == "summary":
            summary = rest.strip()
        elif key == "param":
            param = _PARAM.match(rest.strip())
            if not param:
                raise ValueError(f"{name}.rq: cannot read parameter line {line!r}")
            pname, kind, required, description = param.groups()
            parameters.append(Parameter(pname, kind, bool(required), (description or "").strip()))
    return NamedQuery(name=name, text=text, summary=summary, parameters=tuple(parameters))


@lru_cache
def named_query(name: str) -> NamedQuery:
    """`actions/list-actions` → queries/actions/list-actions.rq, parsed once."""
    path = (QUERIES_DIR / f"{name}.rq").resolve()
    if QUERIES_DIR.resolve() not in path.parents or not path.is_file():
        raise KeyError(f"no named query {name!r}")
    return parse_query_file(name, path.read_text(encoding="utf-8"))


def all_query_names() -> list[str]:
    return sorted(str(p.relative_to(QUERIES_DIR).with_suffix("")) for p in Path(QUERIES_DIR).rglob("*.rq"))


class QueryRunner:
    """Runs named queries against whichever store is current, remembering recent answers.

    A named query's answer depends only on its parameters and on the graph, which changes only when it is
    replaced; so answers are kept per graph version (the store's `version()`), and a reload forgets them all.
    """

    def __init__(self, store, cache_size: int = 4096):
        self.store = store
        self.cache_size = cache_size
        self._answers: OrderedDict[tuple, list[dict]] = OrderedDict()
        self._lock = threading.Lock()

    def run(self, name: str, **values) -> list[dict[str, object]]:
        if not self.cache_size:
            return self.store.select(named_query(name).render(values))
        key = (self.store.version(), name, _frozen(values))
        with self._lock:
            rows = self._answers.get(key)
            if rows is not None:
                self._answers.move_to_end(key)
        if rows is None:
            rows = self.store.select(named_query(name).render(values))
            with self._lock:
                self._answers[key] = rows
                while len(self._answers) > self.cache_size:
                    self._answers.popitem(last=False)
        return [dict(row) for row in rows]  # callers may add to a row; the remembered one stays as it was


def _frozen(values: dict) -> tuple:
    return tuple(sorted((k, tuple(sorted(v)) if isinstance(v, list | tuple | set) else v)
                        for k, v in values.items()))
