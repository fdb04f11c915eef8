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
    reservations: list[Reservation] = Field(description="Of either named party, in effect on the date")
    in_force: dict[str, str | None] = Field(description="Party code → the day from which it is bound")
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
