"""Every query of the demo history: its marker, the real work it must not mix with,
the clean-up of a seeding that died half way, and dating what it made in the past."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, exists, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import User
from app.assignments.models import Assignment
from app.demo.models import DemoHistory
from app.reviews.models import ScoreDispute, ScoreOverride, SessionComment, SessionReview
from app.roleplay.models import PracticeSession, Turn

_TURNS = cast(Table, Turn.__table__)
_TURN_TIME = (
    update(_TURNS)
    .where(_TURNS.c.session_id == bindparam("sid"), _TURNS.c.index == bindparam("i"))
    .values(created_at=bindparam("at"))
)


class DemoRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    def add(self, obj: object) -> None:
        self.db.add(obj)

    async def flush(self) -> None:
        await self.db.flush()

    async def marker(self, org_id: int, *, lock: bool = False) -> DemoHistory | None:
        stmt = select(DemoHistory).where(DemoHistory.org_id == org_id)
        if lock:
            stmt = stmt.with_for_update()
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def has_real_sessions(self, org_id: int) -> bool:
        """Sessions of people (not demo accounts): a database in real use."""
        stmt = select(
            exists().where(
                PracticeSession.org_id == org_id,
                PracticeSession.user_id == User.id,
                User.is_demo.is_(False),
            )
        )
        return bool((await self.db.execute(stmt)).scalar())

    async def discard_partial(self, org_id: int, since: datetime) -> int:
        """What a seeding that died half way left: flagged rows, and demo accounts'
        sessions it started before it could flag them. Reviews and turns cascade."""
        demo_users = select(User.id).where(User.org_id == org_id, User.is_demo.is_(True))
        sessions = await self.db.execute(
            delete(PracticeSession).where(
                PracticeSession.org_id == org_id,
                or_(
                    PracticeSession.is_demo.is_(True),
                    (PracticeSession.created_at >= since) & PracticeSession.user_id.in_(demo_users),
                ),
            )
        )
        await self.db.execute(
            delete(Assignment).where(Assignment.org_id == org_id, Assignment.is_demo.is_(True))
        )
        return int(getattr(sessions, "rowcount", 0) or 0)

    async def date_session(
        self, sid: str, started_at: datetime, turn_seconds: Sequence[float]
    ) -> datetime:
        """Flag the session as demo and move it to `started_at`; its turns follow at the
        given gaps (seconds after the one before). Returns when it ended."""
        at = started_at
        rows: list[dict[str, Any]] = []
        for i, gap in enumerate(turn_seconds):
            at = at + timedelta(seconds=gap) if i else started_at
            rows.append({"sid": sid, "i": i, "at": at})
        ended = at + timedelta(seconds=20)
        await self.db.execute(_TURN_TIME, rows)
        await self.db.execute(
            update(PracticeSession)
            .where(PracticeSession.id == sid)
            .values(is_demo=True, created_at=started_at, updated_at=ended, ended_at=ended)
        )
        return ended

    async def date_assignment(
        self, assignment_id: int, created_at: datetime, due_at: datetime
    ) -> None:
        await self.db.execute(
            update(Assignment)
            .where(Assignment.id == assignment_id)
            .values(is_demo=True, created_at=created_at, updated_at=created_at, due_at=due_at)
        )

    async def date_comment(self, comment_id: int, at: datetime) -> None:
        await self.db.execute(
            update(SessionComment).where(SessionComment.id == comment_id).values(created_at=at)
        )

    async def date_override(self, override_id: int, at: datetime) -> None:
        await self.db.execute(
            update(ScoreOverride).where(ScoreOverride.id == override_id).values(created_at=at)
        )

    async def date_review(self, sid: str, at: datetime) -> None:
        await self.db.execute(
            update(SessionReview).where(SessionReview.session_id == sid).values(reviewed_at=at)
        )

    async def date_dispute(
        self, dispute_id: int, created_at: datetime, resolved_at: datetime | None
    ) -> None:
        values: dict[str, Any] = {"created_at": created_at}
        if resolved_at is not None:
            values["resolved_at"] = resolved_at
        await self.db.execute(
            update(ScoreDispute).where(ScoreDispute.id == dispute_id).values(**values)
        )
