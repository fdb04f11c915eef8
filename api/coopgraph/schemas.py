"""Response shapes of the public API (DESIGN §4): they document every field in OpenAPI at /docs and are checked
against every answer (schemathesis). Field names are a contract with web frontends: keep them exact."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class Concept(BaseModel):
    id: str = Field(description="The concept's slug, e.g. expedited-preservation-of-stored-data")
    iri: str
    label: str | None = Field(description="Label in the requested language (English when it has none)")


class InstrumentRef(BaseModel):
    id: str = Field(description="Instrument id, e.g. budapest-convention")
    iri: str
    title: str | None
    kind: Literal["multilateral", "bilateral", "domestic", "inter-agency"]


class ProvisionRef(BaseModel):
    iri: str | None = Field(description="None for a rule stated for a whole treaty whose articles could not be read")
    number: str | None = Field(description="The citation, e.g. 29 or 93(1)(k)")
    label: str | None = Field(description="e.g. Article 93(1)(k)")
    heading: str | None = Field(description="Official heading of the article")
    instrument_level: bool


class RuleRef(BaseModel):
    iri: str
    type: Literal["permission", "obligation"]


class RefusalGround(Concept):
    mandatory: bool | None = Field(description="True when the provision requires refusal, false when it allows it")
    provision: str | None = Field(description="Citation of the provision stating the ground")


class ExcludedRefusalGround(Concept):
    provision: str | None = Field(description="Citation of the provision that forbids refusal on this ground")


class Reservation(BaseModel):
    iri: str
    party: str = Field(description="Code of the party that made it")
    effect: str | None = Field(description="excludes-action, adds-condition, designates-authority, …")
    summary: str | None
    valid_from: str | None
    valid_until: str | None


class DomesticExecution(BaseModel):
    iri: str
    instrument: str
    provision: str
    provision_iri: str
    label: str | None
    authorisation: str | None = Field(description="investigating-judge, prosecutor, investigator, court, …")


class LegalBasis(BaseModel):
    instrument: InstrumentRef
    provision: ProvisionRef
    action: Concept = Field(description="The action the provision names (the one asked, or a broader one)")
    match: Literal["exact", "general", "residual", "domestic"]
    rule: RuleRef
    conditions: list[Concept]
    conditions_not_required: list[Concept]
    refusal_grounds: list[RefusalGround]
    refusal_grounds_excluded: list[ExcludedRefusalGround] = Field(
        description="Grounds a provision forbids to invoke for this action (UNTOC 16(15): not solely as fiscal)")
    reservations: list[Reservation] = Field(description="Of either named party, in effect on the date")
    in_force: dict[str, str | None] = Field(description="Party code → the day from which it is bound")
    in_force_reckoned_under: dict[str, str] = Field(default_factory=dict, description=(
        "Party code → the instrument's entry-into-force clause (provision IRI), for the parties whose date no source "
        "read states and which was reckoned under that clause from the depositary's consent date"))
    bound_as: dict[str, str | None] = Field(
        description="Party code → party, acceptance-of-jurisdiction, role-holder or enacting-state")
    domestic_execution: list[DomesticExecution] = Field(description="How the requested state executes the action")
    sources: list[str]
    explanation: list[dict] | None = Field(None, description="With explain=true: the chain of facts, with IRIs")


class LegalBasesAnswer(BaseModel):
    action: Concept
    requesting: str | None
    requested: str | None
    date: str
    legal_bases: list[LegalBasis]


# ---------------------------------------------------------------------------------------------------- actions

class ActionItem(BaseModel):
    id: str
    iri: str
    label: str | None
    definition: str | None
    broader: list[str] = Field(description="Ids of the broader action types")


class ActionTreeNode(BaseModel):
    id: str
    iri: str
    label: str | None
    narrower: list[ActionTreeNode]


class ActionList(BaseModel):
    lang: Literal["en", "uk"]
    q: str | None = Field(None, description="The search text, when q= was given")
    count: int
    actions: list[ActionItem]
    tree: list[ActionTreeNode] | None = Field(None, description="The taxonomy from its top concepts (without q=)")


class ActionRef(BaseModel):
    id: str
    iri: str
    label: str | None


class ActionDetail(BaseModel):
    id: str
    iri: str
    label: str | None
    labels: dict[str, str]
    alt_labels: dict[str, list[str]]
    definition: str | None
    definitions: dict[str, str]
    scope_notes: dict[str, str]
    broader: list[ActionRef]
    narrower: list[ActionRef]
    close_matches: list[str]


# ---------------------------------------------------------------------------------------------------- parties

class PartyItem(BaseModel):
    code: str = Field(description="ISO 3166-1 alpha-3 for a state, a short upper-case name for a body")
    iri: str
    kind: Literal["state", "body"]
    label: str | None


class PartyList(BaseModel):
    count: int
    parties: list[PartyItem]


# ------------------------------------------------------------------------------------------------ instruments

class InstrumentSummary(BaseModel):
    id: str
    iri: str
    kind: Literal["multilateral", "bilateral", "domestic", "inter-agency"]
    title: str | None
    short_title: str | None
    adopted: str | None
    in_force: str | None
    series: list[str]


class InstrumentList(BaseModel):
    count: int
    limit: int
    offset: int
    instruments: list[InstrumentSummary]


class RuleSummary(BaseModel):
    iri: str
    type: str | None
    action: str | None = Field(description="Action id (or ground id for a ground for refusal)")
    residual: bool
    refusal_scope: list[str] = Field(default_factory=list, description="For a ground for refusal: the citations "
                                     "of the parts whose rules it governs (empty: every rule of the instrument)")


class ProvisionNode(BaseModel):
    iri: str
    level: str
    number: str
    citation: str
    position: int | None
    label: str | None
    heading: str | None
    rules: list[RuleSummary]
    children: list[ProvisionNode]


class EntryIntoForceRule(BaseModel):
    iri: str
    provision: str = Field(description="The clause (provision IRI)")
    citation: str
    period: str = Field(description="After the deposit of the consent, as an xsd:duration: P30D, P90D, P3M")
    first_day_of_next_month: bool = Field(description="Bound from the first day of the month after the period ends")
    day_after_period: bool = Field(description="Bound from the day after the period ends (e.g. ETS 73 art. 38(3))")
    consent_kinds: list[str] = Field(description="The consent kinds the clause covers (ratification, accession, …)")


class InstrumentDetail(InstrumentSummary):
    sources: list[str]
    instrument_level_rules: list[RuleSummary]
    provisions: list[ProvisionNode]
    entry_into_force_rules: list[EntryIntoForceRule] = Field(description=(
        "When the instrument binds a party that consents after it is in force; the API's party dates marked "
        "in_force_reckoned_under were reckoned under these"))


RECKONED_UNDER = ("Set when no source read states the entry-into-force date: the instrument's clause (provision IRI) "
                  "under which it was reckoned from the consent date")


class Participation(BaseModel):
    iri: str
    party: str
    label: str | None
    signed: str | None
    consent_kind: str | None
    consented: str | None
    in_force: str | None
    in_force_reckoned_under: str | None = Field(None, description=RECKONED_UNDER)
    withdrawal_notified: str | None
    withdrawal_effective: str | None
    role: str | None
    sources: list[str]


class InstrumentParties(BaseModel):
    instrument: str
    count: int
    parties: list[Participation]


class StateInstrument(InstrumentSummary):
    party_in_force: str | None
    party_in_force_reckoned_under: str | None = Field(None, description=RECKONED_UNDER)
    party_consent: str | None


class StateOnDate(BaseModel):
    code: str
    iri: str
    label: str
    date: str
    count: int
    instruments: list[StateInstrument]


class ProvisionChild(BaseModel):
    iri: str
    citation: str
    position: int | None


class ProvisionRule(RuleSummary):
    conditions: list[str]


class ProvisionDetail(BaseModel):
    iri: str
    instrument: str | None
    parent: str | None
    level: str | None
    citation: str | None
    label: str | None
    heading: str | None
    summary: str | None
    children: list[ProvisionChild]
    rules: list[ProvisionRule]
    sources: list[str]


# ------------------------------------------------------------------------------------------------- statistics

class ObservationSource(BaseModel):
    iri: str
    title: str | None
    derived_from: str | None


class Observation(BaseModel):
    iri: str
    dataset: str
    dataset_title: str | None
    period: str = Field(description="A year (2024) or half-year (2025-H1)")
    direction: Literal["outgoing", "incoming"]
    category: str = Field(description="An action type id")
    count: int
    reporting_party: str
    sources: list[ObservationSource]


class ObservationList(BaseModel):
    count: int
    observations: list[Observation]


# ------------------------------------------------------------------------------------------------ authorities

class AuthorityRef(BaseModel):
    code: str = Field(description="Party code of the authority, e.g. UA-MOJ (GET /api/v1/parties)")
    iri: str
    label: str | None


class DesignatingProvision(BaseModel):
    instrument: str = Field(description="Instrument id, e.g. ua-cpc-2012")
    number: str = Field(description="Citation, e.g. 574")
    iri: str
    heading: str | None


class AuthorityDesignation(BaseModel):
    iri: str
    state: str = Field(description="ISO 3166-1 alpha-3 code of the state")
    authority: AuthorityRef
    stages: list[str] = Field(description="Stages of proceedings (empty: every stage)")
    actions: list[str] = Field(description="Action type ids of the requests concerned (empty: every kind)")
    directions: list[str] = Field(description="outgoing, incoming (empty: both)")
    provision: DesignatingProvision
    summary: str | None
    sources: list[str]


class AuthorityDesignationList(BaseModel):
    count: int
    designations: list[AuthorityDesignation]
