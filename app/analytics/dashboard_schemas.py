"""Response bodies of the team dashboard."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from app.reviews.schemas import PersonRead


class DimensionAverage(BaseModel):
    dimension: str
    average: float | None
    sessions: int


class TrendPoint(BaseModel):
    week: date  # the Monday (UTC) of the week
    sessions: int
    overall: float | None
    dimensions: dict[str, float | None]


class CommonMiss(BaseModel):
    """One thing trainees keep missing: coached turns that got the same tip."""

    code: str  # the most frequent coaching code among them
    codes: list[str] = []  # every coaching code that got this tip
    tip_key: str | None = None  # the tip's key in app.scoring.coaching.TIPS
    label: str  # as the scorecards store them (the transcript's language)
    tip: str
    count: int


class AssignmentCompletion(BaseModel):
    assignment_id: int
    title: str
    due_at: datetime | None
    min_score: int
    assignees: int
    completed: int
    overdue: int


class OverdueItem(BaseModel):
    assignment_id: int
    title: str
    due_at: datetime | None
    trainee: PersonRead
    attempts_used: int
    best_score: int | None
    min_score: int


class Dashboard(BaseModel):
    team_id: int | None
    trainees: list[PersonRead]
    finished_sessions: int
    overall: float | None
    averages: list[DimensionAverage]
    weakest: list[str]  # dimensions, weakest first
    common_misses: list[CommonMiss]
    trend: list[TrendPoint]
    completion: list[AssignmentCompletion]
    completion_rate: float | None
    overdue: list[OverdueItem]
