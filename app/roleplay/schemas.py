"""Request and response bodies of the sessions API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from app.inputs import Id, PlainText

# The configured limit (COACH_MAX_MESSAGE_CHARS, 4,000 by default) is checked by
# the service and stated in the OpenAPI document (app/openapi.py); this bound
# only stops absurd bodies early.
MessageText = Annotated[str, PlainText(min_length=1, max_length=100_000)]
ScenarioKey = Annotated[str, PlainText(min_length=1, max_length=100)]


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scenario_id: ScenarioKey
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    assignment_id: Id | None = Field(default=None, description="the assignment this attempt is for")


class MessageCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: MessageText


class TurnRead(BaseModel):
    index: int
    role: str
    text: str
    created_at: datetime


class OwnerRead(BaseModel):
    id: int
    username: str
    display_name: str


class SessionRead(BaseModel):
    id: str
    status: str
    source: str
    title: str
    language: str
    scenario_id: str | None
    scenario: dict[str, Any] | None
    buyer_engine: str
    buyer_ended: bool
    end_reason: str | None
    created_at: datetime
    ended_at: datetime | None
    owner: OwnerRead
    turns: list[TurnRead]
    scorecard: dict[str, Any] | None = None
    overall: int | None = None
    is_demo: bool = False  # played by a simulated trainee for demo mode's history


class SessionSummary(BaseModel):
    id: str
    status: str
    source: str
    title: str
    language: str
    scenario_id: str | None
    owner: OwnerRead
    turn_count: int
    overall: int | None
    created_at: datetime
    ended_at: datetime | None
    is_demo: bool = False  # played by a simulated trainee for demo mode's history


class SessionPage(BaseModel):
    items: list[SessionSummary]
    total: int
    limit: int
    offset: int


class ReplyRead(BaseModel):
    role: str = "buyer"
    text: str
    index: int


class SessionState(BaseModel):
    status: str
    buyer_ended: bool
    end_reason: str | None


class MessageResult(BaseModel):
    reply: ReplyRead
    message: TurnRead
    session: SessionState
    scorecard: dict[str, Any] | None = None
