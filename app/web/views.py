"""What the trainee-facing pages show, gathered through the same services the API uses.

Each function opens its own short transactions (never nested: on SQLite the
container queues writers) and returns plain data for a template.
"""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.accounts.service import Principal
from app.assignments.schemas import AssignmentDetail
from app.assignments.service import AssignmentsService
from app.container import Container
from app.reviews.schemas import SessionReviewRead
from app.reviews.service import ReviewsService
from app.scenarios.service import ScenarioService, public_view, snapshot_view
from app.scoring.schema import DIMENSIONS


def _assignment_order(a: AssignmentDetail) -> tuple[int, float, int]:
    done = 1 if a.mine is not None and a.mine.completed else 0
    due = a.due_at.timestamp() if a.due_at else float("inf")
    return done, due, a.id


async def trainee_home(c: Container, user: Principal) -> dict[str, Any]:
    async with c.unit_of_work() as db:
        assignments = await AssignmentsService(db, c.builtin_scenarios).visible(user)
        library = await ScenarioService(db, c.builtin_scenarios).list(user)
        recent = await ReviewsService(db).session_rows(user.org_id, {user.id}, limit=8)
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
        s, turns, owner = await reviews.played(viewer, sid)
        review: SessionReviewRead = await reviews.get(viewer, sid)
        assignment = (
            await AssignmentsService(db, c.builtin_scenarios).assignment(s.assignment_id)
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
        reviews = ReviewsService(db)
        owner = await reviews.trainee(viewer, user_id)
        rows = await reviews.session_rows(viewer.org_id, {user_id}, limit=200)
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
