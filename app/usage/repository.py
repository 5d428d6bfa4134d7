"""The usage API's query over the counters each session keeps (role-play's table)."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import User
from app.roleplay.models import PracticeSession


class TraineeCounters(NamedTuple):
    user_id: int
    username: str
    display_name: str
    sessions: int
    prompt_tokens: int
    completion_tokens: int
    estimated: bool  # any of the sessions' counts was estimated


class UsageRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def per_trainee(self, org_id: int) -> list[TraineeCounters]:
        """The summed counters of every user of the organisation with a session, by username."""
        stmt = (
            select(
                User.id,
                User.username,
                User.display_name,
                func.count(PracticeSession.id),
                func.coalesce(func.sum(PracticeSession.llm_prompt_tokens), 0),
                func.coalesce(func.sum(PracticeSession.llm_completion_tokens), 0),
                func.max(case((PracticeSession.llm_usage_estimated, 1), else_=0)),
            )
            .join(PracticeSession, PracticeSession.user_id == User.id)
            .where(User.org_id == org_id)
            .group_by(User.id, User.username, User.display_name)
            .order_by(User.username)
        )
        return [
            TraineeCounters(uid, username, display, int(n), int(p), int(c), bool(est))
            for uid, username, display, n, p, c, est in (await self.db.execute(stmt)).all()
        ]
