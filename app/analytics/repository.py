"""The queries of the analytics pages that the reviews repository does not already make."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import User
from app.analytics.schemas import Person, UsageSession
from app.roleplay.models import PracticeSession


class AnalyticsRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def usage_sessions(
        self, org_id: int, user_ids: Collection[int] | None
    ) -> list[UsageSession]:
        """Every session's token counters (any status: an open role-play has spent tokens
        too), for the given users (None: the whole organisation). Only the counters are
        read, not the transcripts or scorecards."""
        stmt = select(
            PracticeSession.id,
            PracticeSession.user_id,
            PracticeSession.title,
            PracticeSession.status,
            PracticeSession.buyer_engine,
            PracticeSession.created_at,
            PracticeSession.llm_prompt_tokens,
            PracticeSession.llm_completion_tokens,
            PracticeSession.llm_usage_estimated,
        ).where(PracticeSession.org_id == org_id)
        if user_ids is not None:
            stmt = stmt.where(PracticeSession.user_id.in_(list(user_ids)))
        rows = (await self.db.execute(stmt)).all()
        return [
            UsageSession(
                session_id=sid,
                user_id=uid,
                title=title,
                status=status,
                buyer_engine=engine,
                created_at=created,
                prompt_tokens=int(prompt or 0),
                completion_tokens=int(completion or 0),
                estimated=bool(estimated),
            )
            for sid, uid, title, status, engine, created, prompt, completion, estimated in rows
        ]

    async def people(self, org_id: int, user_ids: Collection[int]) -> dict[int, Person]:
        if not user_ids:
            return {}
        stmt = select(User.id, User.username, User.display_name).where(
            User.org_id == org_id, User.id.in_(list(user_ids))
        )
        return {
            uid: Person(uid, username, display)
            for uid, username, display in (await self.db.execute(stmt)).all()
        }
