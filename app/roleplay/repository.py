"""Every query on sessions and turns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

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

    async def scenario_data(self, session_id: str) -> dict[str, Any]:
        stmt = select(PracticeSession.scenario).where(PracticeSession.id == session_id)
        data: dict[str, Any] = (await self.db.execute(stmt)).scalar_one()
        return data

    async def scorecard(self, session_id: str) -> dict[str, Any] | None:
        stmt = select(PracticeSession.scorecard).where(PracticeSession.id == session_id)
        card: dict[str, Any] | None = (await self.db.execute(stmt)).scalar_one()
        return card

    async def history(self, session_id: str) -> list[tuple[int, str, str]]:
        """(index, role, text) of every turn, in order: the conversation without its metadata."""
        stmt = (
            select(Turn.index, Turn.role, Turn.text)
            .where(Turn.session_id == session_id)
            .order_by(Turn.index)
        )
        return [(i, r, t) for i, r, t in (await self.db.execute(stmt)).all()]

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

    async def lock_user(self, user_id: int) -> None:
        """Lock the user's row until the transaction ends (PostgreSQL; SQLite's write
        transaction already excludes other writers): their limits are checked in turn."""
        await self.db.execute(select(User.id).where(User.id == user_id).with_for_update())

    async def active_sessions(self, user_id: int) -> int:
        """Role-plays of the user not yet ended."""
        stmt = select(func.count()).where(
            PracticeSession.user_id == user_id,
            PracticeSession.source == "roleplay",
            PracticeSession.status == "active",
        )
        return int((await self.db.execute(stmt)).scalar_one())

    async def imports_since(self, user_id: int, since: datetime) -> tuple[int, datetime | None]:
        """Transcripts the user imported since `since`: how many, and when the first was."""
        stmt = select(func.count(), func.min(PracticeSession.created_at)).where(
            PracticeSession.created_by_id == user_id,
            PracticeSession.source == "import",
            PracticeSession.created_at >= since,
        )
        count, first = (await self.db.execute(stmt)).one()
        return int(count), first

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
        # A list shows none of the scenario snapshot or buyer state: don't load them.
        stmt = (
            select(PracticeSession, User)
            .join(User, User.id == PracticeSession.user_id)
            .where(PracticeSession.org_id == org_id)
            .options(defer(PracticeSession.scenario), defer(PracticeSession.buyer_state))
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
