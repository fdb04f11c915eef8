"""The question every engine is asked: one legal-bases request, as API parameters and as the service's own `.rq`.

The service answers with two named queries (legal-bases/find-candidate-rules, then
legal-bases/describe-legal-bases for the rules found); a raw engine is asked exactly the same rendered texts,
in the same order, so the comparison is of engines and service overhead, not of two different queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass

from coopgraph.queries import named_query

BASE_IRI = "https://w3id.org/coopgraph/"
BENCH_DATE = "2024-06-01"
CANDIDATE_RULES = "legal-bases/find-candidate-rules"
DESCRIBE_RULES = "legal-bases/describe-legal-bases"

# Runs one SELECT on some engine and returns its rows as {variable: value as text}.
Select = Callable[[str], list[dict[str, str]]]


@dataclass(frozen=True)
class LegalBasesRequest:
    action: str
    requesting: str | None = None
    requested: str | None = None
    date: str = BENCH_DATE

    def api_params(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def parameters(self, base_iri: str = BASE_IRI) -> dict[str, object]:
        """The values the service binds, with party codes turned into IRIs as its party lookup would."""
        return {"action": f"{base_iri}action/{self.action}", "date": dt.date.fromisoformat(self.date),
                "requesting": _party_iri(base_iri, self.requesting),
                "requested": _party_iri(base_iri, self.requested)}

    def ask(self, select: Select, base_iri: str = BASE_IRI) -> int:
        """Both queries of the service on a raw engine; returns the number of distinct facts (0: no legal basis).
        Distinct, because engines differ on duplicates (rdflib collapses those a UNION makes; SPARQL keeps them)."""
        values = self.parameters(base_iri)
        rules = sorted({row["rule"] for row in select(named_query(CANDIDATE_RULES).render(values))})
        if not rules:
            return 0
        facts = select(named_query(DESCRIBE_RULES).render({**values, "rule": rules}))
        return len({tuple(sorted(fact.items())) for fact in facts})


def _party_iri(base_iri: str, code: str | None) -> str | None:
    # Synthetic worlds name states only; the real data's organisations are resolved by the service itself.
    return f"{base_iri}state/{code}" if code else None


# Questions a user of the real data asks (README, competency questions): states only, so that the raw
# engines can be handed the same IRIs without the service's party lookup.
REAL_DATA_REQUESTS = [
    LegalBasesRequest("expedited-preservation-of-stored-data", "UKR", "POL"),
    LegalBasesRequest("taking-of-evidence", "UKR", "USA"),
    LegalBasesRequest("extradition", "UKR", "POL"),
    LegalBasesRequest("hearing-by-videoconference", "UKR", "LTU"),
    LegalBasesRequest("search-and-seizure-of-stored-data", "POL", "UKR"),
    LegalBasesRequest("freezing-of-assets", "UKR", "CAN"),
    LegalBasesRequest("transfer-of-sentenced-persons", "UKR", "MDA"),
    LegalBasesRequest("service-of-documents", "UKR", "CHN"),
    LegalBasesRequest("joint-investigation-team", "UKR", "LTU"),
    LegalBasesRequest("mutual-legal-assistance", "USA", "UKR"),
]
