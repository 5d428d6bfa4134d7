"""The coach's side of the demo history, through the reviews service, then dated.

coach1 has reviewed most sessions older than a week (the last week's wait in
the queue), commented where a trainee's habit took over and on some sessions
as a whole, overridden a few scores; two trainees disputed a score, one
answered and one still open. What is chosen depends on the scorer's actual
scores, so the comments fit the sessions they are on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.service import Principal
from app.demo import cast
from app.demo.plan import Planned
from app.demo.play import Developing, Played
from app.demo.repository import DemoRepository
from app.reviews.schemas import CommentCreate, DisputeCreate, DisputeResolve, OverrideCreate
from app.reviews.service import ReviewsService

REVIEW_AFTER_DAYS = 7  # the coach is about a week behind


def _score(card: dict[str, Any], dimension: str) -> int | None:
    value = card.get("dimensions", {}).get(dimension, {}).get("score")
    return int(value) if value is not None else None


def _band(overall: int | None) -> str:
    if overall is None or overall < 40:
        return "weak"
    return "strong" if overall >= 70 else "middle"


async def review_history(
    db: AsyncSession,
    people: dict[str, Principal],
    played: Sequence[tuple[Planned, Played, Developing]],
    ended: dict[str, datetime],
    now: datetime,
) -> dict[str, int]:
    coach = people[cast.COACH]
    service = ReviewsService(db)
    repo = DemoRepository(db)
    latest = now - timedelta(minutes=30)  # nothing dated in the future
    counts = {"reviewed": 0, "comments": 0, "overrides": 0, "disputes": 0}
    overrides: set[str] = set()
    disputed: set[str] = set()
    older = [x for x in played if ended[x[1].session_id] < now - timedelta(days=REVIEW_AFTER_DAYS)]

    async def override(sid: str, dimension: str, score: int, reason: str, at: datetime) -> None:
        """Each kind of override once: a coach corrects the scorer now and then, not always."""
        if reason in overrides:
            return
        row = await service.override(
            coach,
            sid,
            OverrideCreate(dimension=dimension, score=score, reason=reason),
        )
        await repo.date_override(row.id, at)
        overrides.add(reason)
        counts["overrides"] += 1

    for n, (p, result, style) in enumerate(older):
        if n % 4 == 3:
            continue  # not every old session gets looked at
        sid, card = result.session_id, result.scorecard
        at = min(ended[sid] + timedelta(days=1, hours=n % 5, minutes=7 * n % 60), latest)
        switch = style.switch_index
        if switch is not None and switch < result.turns and n % 2 == 0:
            row = await service.comment(
                coach, sid, CommentCreate(turn_index=switch, body=cast.HABIT_COMMENTS[p.habit])
            )
            await repo.date_comment(row.id, at - timedelta(minutes=4))
            counts["comments"] += 1
        if n % 3 == 0:
            body = cast.SESSION_COMMENTS[_band(card.get("overall"))]
            row = await service.comment(coach, sid, CommentCreate(body=body))
            await repo.date_comment(row.id, at - timedelta(minutes=2))
            counts["comments"] += 1
        handling = _score(card, "objection_handling")
        needs = _score(card, "needs_discovery")
        questions = _score(card, "questioning")
        stamina = style.stamina or 0
        if p.habit == "discounter" and stamina and handling is not None and handling >= 15:
            await override(sid, "objection_handling", handling - 10, cast.OVERRIDE_DOWN, at)
        elif stamina >= 4 and needs is not None and needs <= 70:
            await override(sid, "needs_discovery", min(100, needs + 8), cast.OVERRIDE_UP, at)
        elif p.trainee == "trainee3" and questions is not None and questions <= 70:
            await override(sid, "questioning", questions + 6, cast.OVERRIDE_QUESTIONS, at)
        await service.mark_reviewed(coach, sid)
        await repo.date_review(sid, at)
        counts["reviewed"] += 1
        # The arguer argues with the coach too: once, about questioning, answered a day later.
        if p.trainee == "trainee4" and style.stamina and questions is not None and not disputed:
            trainee = people[p.trainee]
            d = await service.dispute(
                trainee, sid, DisputeCreate(dimension="questioning", reason=cast.DISPUTE_ANSWERED)
            )
            await service.resolve(coach, sid, d.id, DisputeResolve(response=cast.DISPUTE_RESPONSE))
            raised = min(at + timedelta(hours=5), latest)
            await repo.date_dispute(d.id, raised, min(raised + timedelta(days=1), latest))
            disputed.add(sid)
            counts["disputes"] += 1

    # The discounter disputes his newest objection-handling score; the coach hasn't answered.
    mine = [x for x in played if x[0].trainee == "trainee2"]
    if mine:
        p, result, _ = mine[-1]
        sid = result.session_id
        dimension = "objection_handling"
        if _score(result.scorecard, dimension) is None:
            dimension = "overall"
        d = await service.dispute(
            people[p.trainee],
            sid,
            DisputeCreate(dimension=dimension, reason=cast.DISPUTE_OPEN),
        )
        await repo.date_dispute(d.id, min(ended[sid] + timedelta(hours=2), latest), None)
        counts["disputes"] += 1
    return counts
