"""Every query on sessions and turns."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import User
from app.roleplay.models import PracticeSession, Turn


class RoleplayRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def session(self, session_id: str, *, lock: bool = False) -> PracticeSession | None:
        stmt = select(PracticeSession).where(PracticeSession.id == session_id)
        if lock:
            # Row lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the write lock.
            stmt = stmt.with_for_update()
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def turns(self, session_id: str) -> Sequence[Turn]:
        stmt = select(Turn).where(Turn.session_id == session_id).order_by(Turn.index)
        return (await self.db.execute(stmt)).scalars().all()

    async def turn_by_key(self, session_id: str, key: str) -> Turn | None:
        stmt = select(Turn).where(Turn.session_id == session_id, Turn.idempotency_key == key)
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def turn_at(self, session_id: str, index: int) -> Turn | None:
        stmt = select(Turn).where(Turn.session_id == session_id, Turn.index == index)
        return (await self.db.execute(stmt)).scalar_one_or_none()

    def add(self, obj: object) -> None:
        self.db.add(obj)

    async def flush(self) -> None:
        await self.db.flush()

    async def owner(self, user_id: int) -> User | None:
        return await self.db.get(User, user_id)

    async def list_sessions(
        self,
        org_id: int,
        user_ids: set[int] | None,
        *,
        status: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> tuple[Sequence[tuple[PracticeSession, User]], int]:
        stmt = (
            select(PracticeSession, User)
            .join(User, User.id == PracticeSession.user_id)
            .where(PracticeSession.org_id == org_id)
        )
        if user_ids is not None:
            stmt = stmt.where(PracticeSession.user_id.in_(user_ids))
        if status is not None:
            stmt = stmt.where(PracticeSession.status == status)
        total = (
            await self.db.execute(select(func.count()).select_from(stmt.subquery()))
        ).scalar_one()
        rows = await self.db.execute(
            stmt.order_by(PracticeSession.created_at.desc(), PracticeSession.id)
            .limit(limit)
            .offset(offset)
        )
        return [(s, u) for s, u in rows.all()], total
