"""Request and response bodies of the assignments API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.inputs import Id, Instant, PlainText
from app.reviews.schemas import PersonRead

ProgressStatus = Literal["not_started", "in_progress", "completed", "overdue"]
Note = Annotated[str, PlainText(strip=True, max_length=2000)]
DUE_DOC = "ISO 8601; without a zone: UTC; between 1970 and 9998"


class AssignmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scenario_id: Annotated[str, PlainText(min_length=1, max_length=100)]
    team_id: Id | None = None
    trainee_ids: list[Id] = Field(default_factory=list, max_length=500)
    due_at: Instant | None = Field(default=None, description=DUE_DOC)
    min_score: int = Field(default=60, ge=0, le=100, description="overall score to complete it")
    max_attempts: int | None = Field(default=None, ge=1, le=50, description="None: unlimited")
    note: Note = ""


class AssignmentUpdate(BaseModel):
    """Only the fields sent change; send null to clear due_at, max_attempts or team_id."""

    model_config = ConfigDict(extra="forbid")

    team_id: Id | None = None
    trainee_ids: list[Id] | None = Field(default=None, max_length=500)
    due_at: Instant | None = Field(default=None, description=DUE_DOC)
    min_score: int | None = Field(default=None, ge=0, le=100)
    max_attempts: int | None = Field(default=None, ge=1, le=50)
    note: Note | None = None


class TeamRef(BaseModel):
    id: int
    name: str


class TraineeProgress(BaseModel):
    trainee: PersonRead
    attempts_used: int
    attempts_left: int | None  # None: unlimited
    best_score: int | None
    completed: bool
    completed_at: datetime | None
    overdue: bool
    status: ProgressStatus
    can_start: bool
    last_session_id: str | None
    active_session_id: str | None


class AssignmentRead(BaseModel):
    id: int
    scenario_id: str
    title: str
    language: str
    team: TeamRef | None
    trainee_ids: list[int]  # named one by one
    due_at: datetime | None
    min_score: int
    max_attempts: int | None
    note: str
    created_by: PersonRead | None
    created_at: datetime
    assignees: int  # within what the viewer may see
    completed: int
    overdue: int
    mine: TraineeProgress | None = None  # the viewer's own progress, for a trainee


class AssignmentDetail(AssignmentRead):
    progress: list[TraineeProgress] = Field(default_factory=list)
