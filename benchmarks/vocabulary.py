"""The real names a synthetic world is built from: the reference states and the ontology's SKOS concepts.

Read from the repository's own files with the queries in benchmarks/queries/, so a generated world only ever
uses states, action types, conditions and grounds that exist.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store, Variable

QUERIES = Path(__file__).resolve().parent / "queries"
SCHEME = "https://w3id.org/coopgraph/scheme/"


@dataclass(frozen=True)
class State:
    code: str  # ISO 3166-1 alpha-3, the party code
    alpha2: str
    name: str


@dataclass(frozen=True)
class ActionType:
    slug: str
    label: str
    tops: frozenset[str]  # the top concepts it falls under, e.g. {"mutual-legal-assistance"}


@dataclass(frozen=True)
class Vocabulary:
    states: list[State]
    actions: list[ActionType]
    conditions: list[str]
    grounds: list[str]

    def actions_under(self, *tops: str) -> list[ActionType]:
        return [a for a in self.actions if a.tops & set(tops)]


def read_vocabulary(ontology_dir: Path, reference_dir: Path) -> Vocabulary:
    store = Store()
    for path in sorted(ontology_dir.rglob("*.ttl")) + sorted(reference_dir.rglob("*.ttl")):
        store.bulk_load(path=str(path), format=RdfFormat.TURTLE)
    states = [State(row["code"].value, row["alpha2"].value, row["name"].value) for row in _select(store, "states")]
    tops: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    for row in _select(store, "action-types"):
        tops[row["slug"].value].add(row["top"].value)
        labels[row["slug"].value] = row["label"].value
    actions = [ActionType(slug, labels[slug], frozenset(tops[slug])) for slug in sorted(tops)]
    return Vocabulary(states=states, actions=actions, conditions=_scheme_slugs(store, "conditions"),
                      grounds=_scheme_slugs(store, "refusal-grounds"))


def _scheme_slugs(store: Store, scheme: str) -> list[str]:
    rows = _select(store, "scheme-concepts", {Variable("scheme"): NamedNode(SCHEME + scheme)})
    return [row["slug"].value for row in rows]


def _select(store: Store, name: str, substitutions: dict | None = None):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    return list(store.query(text, substitutions=substitutions or {}))
