"""The team dashboard: effective scores per dimension, their weekly trend, the tips trainees
keep getting, and how far the team's assignments are done.

It lives here, above reviews and assignments, because it reads both: assignment progress
(app.assignments) and effective scores (app.reviews), and assignments read reviews too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from statistics import fmean

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.service import Principal
from app.analytics.dashboard_schemas import (
    AssignmentCompletion,
    CommonMiss,
    Dashboard,
    DimensionAverage,
    OverdueItem,
    TrendPoint,
)
from app.assignments.service import AssignmentsService
from app.reviews import practice
from app.reviews.effective import Effective, effective
from app.reviews.queue import trainee_scope
from app.reviews.repository import ReviewsRepository
from app.reviews.schemas import PersonRead
from app.roleplay.models import PracticeSession
from app.scenarios.schema import Scenario
from app.scoring.schema import DIMENSIONS


def _mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are numbers, to one decimal; None when there are none."""
    vals = [v for v in values if v is not None]
    return round(fmean(vals), 1) if vals else None


def _week(d: datetime) -> date:
    day = d.astimezone(UTC).date()
    return day - timedelta(days=day.weekday())


def _trend(scored: Sequence[tuple[PracticeSession, Effective]]) -> list[TrendPoint]:
    weeks: dict[date, list[Effective]] = defaultdict(list)
    for s, eff in scored:
        if s.ended_at is not None:
            weeks[_week(s.ended_at)].append(eff)
    points = []
    for week in sorted(weeks)[-12:]:
        effs = weeks[week]
        points.append(
            TrendPoint(
                week=week,
                sessions=len(effs),
                overall=_mean(e.overall for e in effs),
                dimensions={
                    dim: _mean(e.dimensions[dim].effective for e in effs) for dim in DIMENSIONS
                },
            )
        )
    return points


def common_misses(sessions: Sequence[PracticeSession]) -> list[CommonMiss]:
    """The five most frequent coaching tips, counted by meaning (app.reviews.practice):
    codes that share a tip, and the zh and en wording of one tip, count as one miss."""
    coaching = (c for s in sessions for c in (s.scorecard or {}).get("coaching") or [])
    items = [i for i in practice.group(coaching) if i.key not in practice.PROGRESSIONS]
    return [
        CommonMiss(
            code=i.codes[0] if i.codes else i.key,
            codes=i.codes,
            tip_key=i.key if i.known else None,
            label=i.label,
            tip=i.tip,
            count=i.count,
        )
        for i in items[:5]
    ]


async def dashboard(
    db: AsyncSession, viewer: Principal, team_id: int | None, builtin: dict[str, Scenario]
) -> Dashboard:
    repo = ReviewsRepository(db)
    scope = await trainee_scope(db, viewer, team_id)
    trainees = [
        t
        for t in await repo.trainees_of_teams(viewer.org_id, None)
        if scope is None or t.id in scope
    ]
    ids = {t.id for t in trainees}
    sessions = await repo.finished_sessions(viewer.org_id, ids)
    overrides = await repo.overrides([s.id for s in sessions])
    scored = [(s, effective(s.scorecard, overrides.get(s.id, []))) for s in sessions]
    averages = [
        DimensionAverage(
            dimension=dim,
            average=_mean(e.dimensions[dim].effective for _, e in scored),
            sessions=sum(1 for _, e in scored if e.dimensions[dim].effective is not None),
        )
        for dim in DIMENSIONS
    ]
    weakest = sorted(
        (a for a in averages if a.average is not None), key=lambda a: (a.average, a.dimension)
    )
    work = await AssignmentsService(db, builtin).progress(viewer, ids)
    completion = [
        AssignmentCompletion(
            assignment_id=d.id,
            title=d.title,
            due_at=d.due_at,
            min_score=d.min_score,
            assignees=d.assignees,
            completed=d.completed,
            overdue=d.overdue,
        )
        for d in work
    ]
    overdue = [
        OverdueItem(
            assignment_id=d.id,
            title=d.title,
            due_at=d.due_at,
            trainee=p.trainee,
            attempts_used=p.attempts_used,
            best_score=p.best_score,
            min_score=d.min_score,
        )
        for d in work
        for p in d.progress
        if p.overdue
    ]
    assigned = sum(c.assignees for c in completion)
    return Dashboard(
        team_id=team_id,
        trainees=[PersonRead.model_validate(t) for t in trainees],
        finished_sessions=len(sessions),
        overall=_mean(e.overall for _, e in scored),
        averages=averages,
        weakest=[a.dimension for a in weakest],
        common_misses=common_misses(sessions),
        trend=_trend(scored),
        completion=completion,
        completion_rate=round(sum(c.completed for c in completion) / assigned, 3)
        if assigned
        else None,
        overdue=overdue,
    )
