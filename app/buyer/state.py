"""What the buyer carries from turn to turn. Stored as JSON on the session."""

from __future__ import annotations

import enum

from pydantic import BaseModel, ConfigDict, Field


class ObjectionStatus(enum.StrEnum):
    pending = "pending"  # not raised yet
    open = "open"  # raised, not handled
    reason_shared = "reason_shared"  # the trainee asked why; the real concern is out
    parked = "parked"  # talked past too often: set aside, back on its own trigger
    resolved = "resolved"


class ObjectionState(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: ObjectionStatus = ObjectionStatus.pending
    raised_at: int | None = None  # transcript index of the buyer turn that raised it
    times_raised: int = 0
    resolved_at: int | None = None
    restated: int = 0  # times the buyer said it again, in other words
    acknowledged: bool = False  # the trainee showed they understood it

    @property
    def unresolved(self) -> bool:
        return self.status in (
            ObjectionStatus.open,
            ObjectionStatus.reason_shared,
            ObjectionStatus.parked,
        )


class EndReason(enum.StrEnum):
    patience = "buyer_out_of_patience"
    trainee_left = "trainee_gave_up"
    trainee_ended = "trainee_ended"


class BuyerState(BaseModel):
    """Trust and patience run 0-100; every list keeps reveal order."""

    model_config = ConfigDict(extra="forbid")

    trust: int = 20
    patience: int = 100
    trainee_turns: int = 0
    revealed_facts: list[str] = Field(default_factory=list)
    revealed_needs: list[str] = Field(default_factory=list)
    named_stakeholders: list[str] = Field(default_factory=list)
    shared_decision: list[str] = Field(default_factory=list)  # process, budget, timeline, criteria
    objections: dict[str, ObjectionState] = Field(default_factory=dict)
    open_objection: str | None = None
    advance_asks: int = 0
    advance_granted: bool = False
    summary_confirmed: bool = False
    closed_streak: int = 0
    pitch_strikes: int = 0
    ended: bool = False
    end_reason: EndReason | None = None
    line_uses: dict[str, int] = Field(default_factory=dict)
    # Content said only in part (a guarded, short answer): the rest can follow.
    brief_keys: list[str] = Field(default_factory=list)
    # Of those, the sentences said (absent in states stored before it was kept: the first).
    brief_said: dict[str, str] = Field(default_factory=dict)
    # What the last reply talked about: a follow-up question is about it.
    last_keys: list[str] = Field(default_factory=list)
    # The buyer's last reply asked the trainee something (an objection in question form).
    buyer_asked: bool = False
    # Digests of every sentence said, so nothing is said twice word for word.
    said: list[str] = Field(default_factory=list)

    @property
    def mood(self) -> str:
        if self.patience < 30:
            return "impatient"
        if self.trust >= 60:
            return "open"
        if self.trust >= 35:
            return "warming"
        return "guarded"

    def adjust(self, *, trust: int = 0, patience: int = 0) -> None:
        self.trust = max(0, min(100, self.trust + trust))
        self.patience = max(0, min(200, self.patience + patience))
