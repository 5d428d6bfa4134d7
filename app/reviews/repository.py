"""Every query on the review tables, and the reads of finished sessions they need."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role, Team, TeamMember, User
from app.reviews.models import ScoreDispute, ScoreOverride, SessionComment, SessionReview
from app.roleplay.models import PracticeSession


class ReviewsRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    # --- sessions and people ---------------------------------------------------------

    async def finished_sessions(
        self, org_id: int, user_ids: Collection[int] | None
    ) -> Sequence[PracticeSession]:
        """Scored sessions of trainees, newest first (user_ids None: the whole organisation)."""
        stmt = (
            select(PracticeSession)
            .join(User, User.id == PracticeSession.user_id)
            .where(
                PracticeSession.org_id == org_id,
                PracticeSession.status == "ended",
                User.role == Role.trainee.value,
            )
            .order_by(PracticeSession.ended_at.desc(), PracticeSession.id)
        )
        if user_ids is not None:
            stmt = stmt.where(PracticeSession.user_id.in_(list(user_ids)))
        rows = (await self.db.execute(stmt)).scalars().all()
        return [s for s in rows if s.scorecard]

    async def users(self, user_ids: Collection[int]) -> dict[int, User]:
        if not user_ids:
            return {}
        rows = await self.db.execute(select(User).where(User.id.in_(list(user_ids))))
        return {u.id: u for u in rows.scalars().all()}

    async def trainees_of_teams(self, org_id: int, team_ids: Collection[int] | None) -> list[User]:
        """Trainees in the given teams (None: every trainee of the organisation)."""
        stmt = select(User).where(User.org_id == org_id, User.role == Role.trainee.value)
        if team_ids is not None:
            members = select(TeamMember.user_id).where(TeamMember.team_id.in_(list(team_ids)))
            stmt = stmt.where(User.id.in_(members))
        return list((await self.db.execute(stmt.order_by(User.username))).scalars().all())

    async def team_names_of(self, user_ids: Collection[int]) -> dict[int, list[str]]:
        if not user_ids:
            return {}
        stmt = (
            select(TeamMember.user_id, Team.name)
            .join(Team, Team.id == TeamMember.team_id)
            .where(TeamMember.user_id.in_(list(user_ids)))
            .order_by(Team.name)
        )
        out: dict[int, list[str]] = {}
        for uid, name in (await self.db.execute(stmt)).all():
            out.setdefault(uid, []).append(name)
        return out

    # --- comments, overrides, disputes, reviews ------------------------------------------

    async def comments(self, session_id: str) -> Sequence[SessionComment]:
        stmt = (
            select(SessionComment)
            .where(SessionComment.session_id == session_id)
            .order_by(SessionComment.created_at, SessionComment.id)
        )
        return (await self.db.execute(stmt)).scalars().all()

    async def comment_counts(self, session_ids: Collection[str]) -> dict[str, int]:
        if not session_ids:
            return {}
        stmt = (
            select(SessionComment.session_id, func.count())
            .where(SessionComment.session_id.in_(list(session_ids)))
            .group_by(SessionComment.session_id)
        )
        return {sid: n for sid, n in (await self.db.execute(stmt)).all()}

    async def overrides(self, session_ids: Collection[str]) -> dict[str, list[ScoreOverride]]:
        """Every override of the given sessions, oldest first."""
        if not session_ids:
            return {}
        stmt = (
            select(ScoreOverride)
            .where(ScoreOverride.session_id.in_(list(session_ids)))
            .order_by(ScoreOverride.created_at, ScoreOverride.id)
        )
        out: dict[str, list[ScoreOverride]] = {}
        for o in (await self.db.execute(stmt)).scalars().all():
            out.setdefault(o.session_id, []).append(o)
        return out

    async def disputes(self, session_id: str) -> Sequence[ScoreDispute]:
        stmt = (
            select(ScoreDispute)
            .where(ScoreDispute.session_id == session_id)
            .order_by(ScoreDispute.created_at, ScoreDispute.id)
        )
        return (await self.db.execute(stmt)).scalars().all()

    async def dispute(self, dispute_id: int) -> ScoreDispute | None:
        return await self.db.get(ScoreDispute, dispute_id)

    async def open_dispute(self, session_id: str, dimension: str) -> ScoreDispute | None:
        stmt = select(ScoreDispute).where(
            ScoreDispute.session_id == session_id,
            ScoreDispute.dimension == dimension,
            ScoreDispute.status == "open",
        )
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def open_dispute_counts(self, session_ids: Collection[str]) -> dict[str, int]:
        if not session_ids:
            return {}
        stmt = (
            select(ScoreDispute.session_id, func.count())
            .where(ScoreDispute.session_id.in_(list(session_ids)), ScoreDispute.status == "open")
            .group_by(ScoreDispute.session_id)
        )
        return {sid: n for sid, n in (await self.db.execute(stmt)).all()}

    async def review(self, session_id: str) -> SessionReview | None:
        return await self.db.get(SessionReview, session_id)

    async def reviews(self, session_ids: Collection[str]) -> dict[str, SessionReview]:
        if not session_ids:
            return {}
        stmt = select(SessionReview).where(SessionReview.session_id.in_(list(session_ids)))
        return {r.session_id: r for r in (await self.db.execute(stmt)).scalars().all()}

    def add(self, obj: object) -> None:
        self.db.add(obj)

    async def insert_unique(self, obj: object) -> bool:
        """Insert under a savepoint; False when a unique constraint says it exists already."""
        try:
            async with self.db.begin_nested():
                self.db.add(obj)
        except IntegrityError:
            return False
        return True

    async def flush(self) -> None:
        await self.db.flush()
