"""Where one trainee stands on one assignment. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from app.accounts.models import User
from app.assignments.models import Assignment
from app.assignments.schemas import ProgressStatus, TraineeProgress
from app.reviews.effective import effective
from app.reviews.models import ScoreOverride
from app.reviews.schemas import PersonRead
from app.roleplay.models import PracticeSession


def trainee_progress(
    a: Assignment,
    trainee: User,
    sessions: Sequence[PracticeSession],
    overrides: Mapping[str, Sequence[ScoreOverride]],
    now: datetime,
) -> TraineeProgress:
    """Attempts used, best effective overall, completed once a finished session reaches the bar.

    Scores count as coaches left them (the effective score), so an override can
    complete, or un-complete, an assignment.
    """
    finished = sorted(
        (s for s in sessions if s.status == "ended" and s.scorecard and s.ended_at),
        key=lambda s: (s.ended_at, s.id),
    )
    best: int | None = None
    completed_at: datetime | None = None
    for s in finished:
        score = effective(s.scorecard, overrides.get(s.id, [])).overall
        if score is None:
            continue
        best = score if best is None else max(best, score)
        if completed_at is None and score >= a.min_score:
            completed_at = s.ended_at
    completed = completed_at is not None
    used = len(sessions)
    left = None if a.max_attempts is None else max(0, a.max_attempts - used)
    overdue = not completed and a.due_at is not None and now > a.due_at
    active = [s for s in sessions if s.status == "active"]
    status: ProgressStatus
    if completed:
        status = "completed"
    elif overdue:
        status = "overdue"
    elif used:
        status = "in_progress"
    else:
        status = "not_started"
    return TraineeProgress(
        trainee=PersonRead.model_validate(trainee),
        attempts_used=used,
        attempts_left=left,
        best_score=best,
        completed=completed,
        completed_at=completed_at,
        overdue=overdue,
        status=status,
        can_start=not a.archived and (left is None or left > 0),
        last_session_id=sessions[-1].id if sessions else None,
        active_session_id=active[-1].id if active else None,
    )
