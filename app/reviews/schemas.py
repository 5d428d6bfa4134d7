"""Request and response bodies of the reviews API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.inputs import Count, PlainText
from app.scoring.schema import DimensionName

Text1000 = Annotated[str, PlainText(strip=True, min_length=1, max_length=1000)]
Text2000 = Annotated[str, PlainText(strip=True, min_length=1, max_length=2000)]
DisputeTarget = Literal["overall", "questioning", "objection_handling", "needs_discovery"]
QueueFilter = Literal["all", "flagged", "disputed", "unreviewed", "reviewed"]
QueueSort = Literal["newest", "oldest", "lowest", "highest"]


class PersonRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str


class CommentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    turn_index: Count | None = Field(default=None, description="None: the whole session")
    body: Text2000


class CommentRead(BaseModel):
    id: int
    turn_index: int | None
    body: str
    author: PersonRead | None
    created_at: datetime


class OverrideCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dimension: DimensionName
    score: int = Field(ge=0, le=100)
    reason: Text1000


class OverrideRead(BaseModel):
    id: int
    dimension: str
    original_score: int | None
    score: int
    reason: str
    author: PersonRead | None
    created_at: datetime


class DisputeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dimension: DisputeTarget = "overall"
    reason: Text1000


class DisputeResolve(BaseModel):
    model_config = ConfigDict(extra="forbid")

    response: Text1000


class DisputeRead(BaseModel):
    id: int
    dimension: str
    reason: str
    status: str
    response: str | None
    user: PersonRead | None
    resolved_by: PersonRead | None
    created_at: datetime
    resolved_at: datetime | None


class ReviewedRead(BaseModel):
    reviewer: PersonRead | None
    reviewed_at: datetime


class DimensionRead(BaseModel):
    original: int | None
    effective: int | None
    band: str | None
    overridden: bool
    override: OverrideRead | None = None


class SessionReviewRead(BaseModel):
    """Everything a coach added to a session, and the scores as they now stand."""

    session_id: str
    status: str
    owner: PersonRead | None
    dimensions: dict[str, DimensionRead]
    original_overall: int | None
    overall: int | None
    comments: list[CommentRead]
    overrides: list[OverrideRead]
    disputes: list[DisputeRead]
    reviewed: ReviewedRead | None
    flags: list[dict[str, Any]] = Field(default_factory=list)


class QueueItem(BaseModel):
    session_id: str
    title: str
    scenario_id: str | None
    language: str
    trainee: PersonRead
    teams: list[str]
    ended_at: datetime | None
    original_overall: int | None
    overall: int | None
    flags: int
    open_disputes: int
    comments: int
    overridden: bool
    reviewed: bool


class QueuePage(BaseModel):
    items: list[QueueItem]
    total: int
    limit: int
    offset: int


class OverrideStat(BaseModel):
    dimension: str
    overrides: int  # every override row, re-overrides included
    sessions_overridden: int
    share: float  # of finished sessions
    mean_abs_change: float | None  # newest override vs the scorer, where both are numbers
    mean_signed_change: float | None


class OverrideStats(BaseModel):
    finished_sessions: int
    dimensions: list[OverrideStat]
