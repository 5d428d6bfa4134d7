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
# A column to sort by, or one of the four older names that carry their own order
# (newest/oldest: date; lowest/highest: overall).
QueueSort = Literal[
    "newest",
    "oldest",
    "lowest",
    "highest",
    "date",
    "trainee",
    "scenario",
    "overall",
    "questioning",
    "objection_handling",
    "needs_discovery",
]
QueueOrder = Literal["asc", "desc"]


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


class QueueQuery(BaseModel):
    """What the queue shows: one status filter, the flagged-only switch, who and what, the order.
    `order` None: the column's natural order (dates newest first, names A-Z, scores lowest first)."""

    sort: QueueSort = "newest"
    order: QueueOrder | None = None
    only: QueueFilter = "all"
    flagged: bool = False
    team_id: int | None = None
    trainee_id: int | None = None
    scenario_id: str | None = None


class QueueScenario(BaseModel):
    id: str
    title: str


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
    flag_types: dict[str, int] = Field(
        default_factory=dict,
        description="the scorer's flags by type (injection, disagreement, ...)",
    )
    scores: dict[str, int | None] = Field(
        default_factory=dict, description="effective score per dimension (overrides applied)"
    )
    overridden_dimensions: list[str] = Field(default_factory=list)
    open_disputes: int
    comments: int
    overridden: bool
    reviewed: bool


class QueuePage(BaseModel):
    items: list[QueueItem]
    total: int
    limit: int
    offset: int
    # Who and what the filters can choose from: every trainee and scenario in the scope.
    trainees: list[PersonRead] = Field(default_factory=list)
    scenarios: list[QueueScenario] = Field(default_factory=list)


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
