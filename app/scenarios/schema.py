"""The scenario file format (scenarios/*.yaml), validated strictly.

A scenario is the buyer's whole world: persona, shareable facts, hidden needs
in layers, the decision process, an objection schedule and the advance the
trainee should earn. The offline buyer plays it; the scorer reads it to tell
which needs the trainee uncovered. Field docs are the authoring guide.
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from app.analysis.model import ObjectionKind
from app.analysis.topics import Topic
from app.inputs import INT32_MAX, PlainText

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{1,79}$")]
Line = Annotated[str, PlainText(strip=True, min_length=2, max_length=600)]
Label = Annotated[str, PlainText(strip=True, min_length=1, max_length=200)]
Keyword = Annotated[str, PlainText(strip=True, min_length=1, max_length=40)]
Probe = Annotated[str, PlainText(strip=True, min_length=2, max_length=300)]
PROBES_DOC = (
    "Questions a trainee might ask to get this out of the buyer, in everyday words. Optional: "
    "the buyer also matches the item's own words; probes widen what it recognises, and "
    "`coach scenarios check` reports items that no probe of another item leaves reachable."
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NeedLayer(enum.StrEnum):
    surface = "surface"  # the problem the buyer names first
    impact = "impact"  # what it costs the business
    personal = "personal"  # the buyer's own stake (买点): KPI, career, risk


class ObjectionTrigger(enum.StrEnum):
    opening = "opening"  # raised at the trainee's first business turn
    turn = "turn"  # raised at trainee turn `at_turn` (1-based) if nothing else is open
    pitch = "pitch"  # raised when the trainee pitches features
    price_talk = "price_talk"  # raised when price, cost or a proposal comes up
    advance = "advance"  # raised when the trainee asks for a next step


class Resolution(enum.StrEnum):
    value = "value"  # value tied to a need the buyer has revealed
    proof = "proof"  # a reference customer, data, a case
    pilot = "pilot"  # a small, low-risk step: trial, pilot, survey


class Persona(Strict):
    name: Label
    title: Label
    company: Label
    personality: Line
    communication_style: Line
    opening_lines: list[Line] = Field(min_length=1, description="How the buyer opens the meeting.")


class Fact(Strict):
    """Situation facts: shared freely to a fitting situation question."""

    id: Slug
    topics: list[Topic] = Field(min_length=1)
    keywords: list[Keyword] = Field(default_factory=list)
    says: Line
    probes: list[Probe] = Field(default_factory=list, max_length=30, description=PROBES_DOC)


class Need(Strict):
    """A hidden need. Revealed only to a good question, once trust allows."""

    id: Slug
    layer: NeedLayer
    summary: Label = Field(description="Short label shown on the scorecard.")
    keywords: list[Keyword] = Field(min_length=1)
    says: Line
    builds_on: Slug | None = Field(
        default=None, description="A need that must be revealed first (impact builds on surface)."
    )
    min_trust: int | None = Field(default=None, ge=0, le=100)
    probes: list[Probe] = Field(default_factory=list, max_length=30, description=PROBES_DOC)

    def trust_needed(self) -> int:
        if self.min_trust is not None:
            return self.min_trust
        return {NeedLayer.surface: 15, NeedLayer.impact: 35, NeedLayer.personal: 55}[self.layer]


class Stakeholder(Strict):
    id: Slug
    name: Label
    title: Label
    role: Literal["decision_maker", "approver", "influencer", "user", "gatekeeper"]
    cares_about: Line
    says: Line = Field(description="How the buyer mentions this person when asked.")
    probes: list[Probe] = Field(default_factory=list, max_length=30, description=PROBES_DOC)


class DecisionProbes(Strict):
    process: list[Probe] = Field(default_factory=list, max_length=30)
    budget: list[Probe] = Field(default_factory=list, max_length=30)
    timeline: list[Probe] = Field(default_factory=list, max_length=30)
    criteria: list[Probe] = Field(default_factory=list, max_length=30)


class DecisionProcess(Strict):
    process: Line = Field(description="How the decision gets made, in the buyer's words.")
    budget: Line
    timeline: Line
    criteria: Line
    stakeholders: list[Stakeholder] = Field(min_length=1)
    probes: DecisionProbes = Field(default_factory=DecisionProbes, description=PROBES_DOC)


class Objection(Strict):
    id: Slug
    kind: ObjectionKind
    trigger: ObjectionTrigger
    at_turn: int | None = Field(default=None, ge=1, le=40)
    phrasings: list[Line] = Field(min_length=2, description="Ways the buyer raises it.")
    again: list[Line] = Field(
        default_factory=list,
        description=(
            "Ways the buyer comes back to it when the trainee talked past it, each in other "
            "words. With the phrasings, four or more let the buyer restate it without repeating itself."
        ),
    )
    reason: Line = Field(
        description="The concern behind it, described for coaches and the LLM buyer (third person)."
    )
    reveals: Line = Field(
        description="The buyer's own words when sharing that concern, after understanding + a question."
    )
    resolved_by: list[Resolution] = Field(
        default_factory=lambda: [Resolution.value, Resolution.proof, Resolution.pilot], min_length=1
    )
    resolution: Line = Field(description="What the buyer says once it is handled.")

    @model_validator(mode="after")
    def _turn_needs_at_turn(self) -> Objection:
        if self.trigger is ObjectionTrigger.turn and self.at_turn is None:
            raise ValueError("trigger 'turn' needs at_turn")
        if self.trigger is not ObjectionTrigger.turn and self.at_turn is not None:
            raise ValueError("at_turn is only for trigger 'turn'")
        return self


class Advance(Strict):
    goal: Line = Field(description="The next step the trainee should earn, told to the trainee.")
    accepts: Line = Field(description="The buyer's words when agreeing to it.")
    requires_needs: int = Field(default=2, ge=0, le=10)
    min_trust: int = Field(default=50, ge=0, le=100)


class Tuning(Strict):
    initial_trust: int = Field(default=20, ge=0, le=100)
    patience: int = Field(default=100, ge=20, le=200)


class Scenario(Strict):
    id: Slug
    version: int = Field(default=1, ge=1, le=INT32_MAX)
    language: Literal["zh", "en"]
    title: Label
    industry: Label
    product: Line = Field(description="What the trainee sells.")
    seller_company: Label
    difficulty: Literal["easy", "medium", "hard"]
    trainee_brief: Line = Field(description="What the trainee knows before the meeting.")
    buyer: Persona
    facts: list[Fact] = Field(min_length=3)
    needs: list[Need] = Field(min_length=3)
    decision: DecisionProcess
    objections: list[Objection] = Field(min_length=2)
    advance: Advance
    tuning: Tuning = Field(default_factory=Tuning)

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        for group, items in (
            ("facts", self.facts),
            ("needs", self.needs),
            ("objections", self.objections),
            ("decision.stakeholders", self.decision.stakeholders),
        ):
            ids = [item.id for item in items]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"{group}: duplicate id {', '.join(dupes)}")
        need_ids = {n.id for n in self.needs}
        for need in self.needs:
            if need.builds_on is not None and need.builds_on not in need_ids:
                raise ValueError(f"needs.{need.id}.builds_on: no need with id {need.builds_on!r}")
            if need.builds_on == need.id:
                raise ValueError(f"needs.{need.id}.builds_on: a need can't build on itself")
        layers = {n.layer for n in self.needs}
        missing = [layer.value for layer in NeedLayer if layer not in layers]
        if missing:
            raise ValueError(f"needs: at least one need per layer; missing {', '.join(missing)}")
        if self.advance.requires_needs > len(self.needs):
            raise ValueError("advance.requires_needs is more than the number of needs")
        return self

    def need(self, need_id: str) -> Need:
        return next(n for n in self.needs if n.id == need_id)

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        return next(s for s in self.decision.stakeholders if s.id == stakeholder_id)
