"""Sessions as rows of a list page: the scores a coach's overrides leave, comments, reviewed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from app.reviews.effective import effective
from app.reviews.repository import ReviewsRepository
from app.roleplay.models import PracticeSession


@dataclass
class SessionRow:
    id: str
    title: str
    language: str
    status: str
    created_at: datetime
    ended_at: datetime | None
    original_overall: int | None
    overall: int | None
    dims: dict[str, int | None] = field(default_factory=dict)
    assignment_id: int | None = None
    comments: int = 0
    reviewed: bool = False
    overridden: bool = False


async def session_rows(
    repo: ReviewsRepository, sessions: Sequence[PracticeSession]
) -> list[SessionRow]:
    ids = [s.id for s in sessions]
    overrides = await repo.overrides(ids)
    comments = await repo.comment_counts(ids)
    reviews = await repo.reviews(ids)
    out = []
    for s in sessions:
        eff = effective(s.scorecard, overrides.get(s.id, []))
        out.append(
            SessionRow(
                id=s.id,
                title=s.title,
                language=s.language,
                status=s.status,
                created_at=s.created_at,
                ended_at=s.ended_at,
                original_overall=eff.original_overall,
                overall=eff.overall,
                dims={k: d.effective for k, d in eff.dimensions.items()},
                assignment_id=s.assignment_id,
                comments=comments.get(s.id, 0),
                reviewed=s.id in reviews,
                overridden=eff.overridden,
            )
        )
    return out
