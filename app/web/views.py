"""What the trainee-facing pages show, gathered through the same services the API uses.

Each function opens its own short transactions (never nested: on SQLite the
container queues writers) and returns plain data for a template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role
from app.accounts.service import Principal
from app.assignments.repository import AssignmentsRepository
from app.assignments.schemas import AssignmentDetail
from app.assignments.service import AssignmentsService
from app.container import Container
from app.errors import NotFound
from app.reviews.effective import effective
from app.reviews.repository import ReviewsRepository
from app.reviews.schemas import SessionReviewRead
from app.reviews.service import ReviewsService
from app.roleplay.repository import RoleplayRepository
from app.scenarios.service import ScenarioService, public_view, snapshot_view
from app.scoring.schema import DIMENSIONS


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
    db: AsyncSession, org_id: int, user_ids: set[int], limit: int
) -> list[SessionRow]:
    rows, _ = await RoleplayRepository(db).list_sessions(org_id, user_ids, limit=limit)
    sessions = [s for s, _ in rows]
    repo = ReviewsRepository(db)
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


def _assignment_order(a: AssignmentDetail) -> tuple[int, float, int]:
    done = 1 if a.mine is not None and a.mine.completed else 0
    due = a.due_at.timestamp() if a.due_at else float("inf")
    return done, due, a.id


async def trainee_home(c: Container, user: Principal) -> dict[str, Any]:
    async with c.unit_of_work() as db:
        assignments = await AssignmentsService(db, c.builtin_scenarios).visible(user)
        library = await ScenarioService(db, c.builtin_scenarios).list(user)
        recent = await session_rows(db, user.org_id, {user.id}, limit=8)
    scenarios = [public_view(s, source) for s, source in library]
    scenarios.sort(key=lambda s: (s["language"] != "zh", s["difficulty"] != "easy", s["title"]))
    return {
        "assignments": sorted(assignments, key=_assignment_order),
        "scenarios": scenarios,
        "recent": recent,
        "active": [r for r in recent if r.status == "active"],
    }


async def session_page(c: Container, viewer: Principal, sid: str) -> dict[str, Any]:
    """A session for its page: the chat while active, the report once ended."""
    async with c.unit_of_work() as db:
        reviews = ReviewsService(db)
        s = await reviews.readable(viewer, sid)
        turns = list(await RoleplayRepository(db).turns(sid))
        owner = (await reviews.repo.users([s.user_id]))[s.user_id]
        review: SessionReviewRead = await reviews.get(viewer, sid)
        assignment = (
            await AssignmentsRepository(db).assignment(s.assignment_id)
            if s.assignment_id is not None
            else None
        )
    scenario = snapshot_view(s.source, s.scenario)
    is_owner = s.user_id == viewer.id
    staff = viewer.role in (Role.coach, Role.manager)
    comments: dict[int | None, list[Any]] = {}
    for comment in review.comments:
        comments.setdefault(comment.turn_index, []).append(comment)
    return {
        "s": s,
        "turns": turns,
        "owner": owner,
        "scenario": scenario,
        "card": s.scorecard,
        "review": review,
        "assignment": assignment,
        "comments": comments,
        "is_owner": is_owner,
        "can_play": is_owner and s.status == "active",
        "can_review": staff and not is_owner and s.status == "ended" and bool(s.scorecard),
        "can_comment": staff and not is_owner,
        "can_dispute": is_owner and s.status == "ended" and bool(s.scorecard),
        "buyer_ended": bool((s.buyer_state or {}).get("ended", False)),
        "open_disputes": {d.dimension for d in review.disputes if d.status == "open"},
    }


async def history_page(c: Container, viewer: Principal, user_id: int) -> dict[str, Any]:
    async with c.unit_of_work() as db:
        repo = ReviewsRepository(db)
        owner = (await repo.users([user_id])).get(user_id)
        allowed = owner is not None and await ReviewsService(db).accounts.can_read_user(
            viewer, owner.id, owner.org_id
        )
        if owner is None or not allowed:
            raise NotFound(f"No trainee {user_id}.", key="no_trainee")
        rows = await session_rows(db, viewer.org_id, {user_id}, limit=200)
    finished = sorted(
        (r for r in rows if r.status == "ended" and r.ended_at),
        key=lambda r: r.ended_at or r.created_at,
    )
    points = [
        {
            "id": r.id,
            "at": r.ended_at.isoformat() if r.ended_at else "",
            "title": r.title,
            "overall": r.overall,
            **{d: r.dims.get(d) for d in DIMENSIONS},
        }
        for r in finished
    ]
    summary = {}
    for dim in ("overall", *DIMENSIONS):
        values = [p[dim] for p in points if p[dim] is not None]
        summary[dim] = {
            "latest": values[-1] if values else None,
            "best": max(values) if values else None,
            "average": round(sum(values) / len(values)) if values else None,
            "change": values[-1] - values[0] if len(values) > 1 else None,
        }
    return {"owner": owner, "rows": rows, "points": points, "summary": summary}
