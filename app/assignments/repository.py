"""Every query on the assignment tables, and the sessions started for them."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role, Team, TeamMember, User
from app.assignments.models import Assignment, AssignmentTrainee
from app.roleplay.models import PracticeSession


class AssignmentsRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def assignment(self, assignment_id: int, *, lock: bool = False) -> Assignment | None:
        stmt = select(Assignment).where(Assignment.id == assignment_id)
        if lock:
            # Serialises attempt counting for one assignment on PostgreSQL.
            stmt = stmt.with_for_update()
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def active_in_org(self, org_id: int) -> Sequence[Assignment]:
        stmt = (
            select(Assignment)
            .where(Assignment.org_id == org_id, Assignment.archived.is_(False))
            .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id.desc())
        )
        return (await self.db.execute(stmt)).scalars().all()

    async def for_trainee(self, org_id: int, user_id: int, team_ids: Sequence[int]) -> set[int]:
        """Ids of the live assignments that name the trainee or one of their teams."""
        named = select(AssignmentTrainee.assignment_id).where(AssignmentTrainee.user_id == user_id)
        conds = [Assignment.id.in_(named)]
        if team_ids:
            conds.append(Assignment.team_id.in_(list(team_ids)))
        stmt = select(Assignment.id).where(
            Assignment.org_id == org_id, Assignment.archived.is_(False), or_(*conds)
        )
        return set((await self.db.execute(stmt)).scalars().all())

    async def named_trainees(self, assignment_ids: Collection[int]) -> dict[int, list[int]]:
        if not assignment_ids:
            return {}
        stmt = select(AssignmentTrainee.assignment_id, AssignmentTrainee.user_id).where(
            AssignmentTrainee.assignment_id.in_(list(assignment_ids))
        )
        out: dict[int, list[int]] = {}
        for aid, uid in (await self.db.execute(stmt)).all():
            out.setdefault(aid, []).append(uid)
        return out

    async def team_trainees(self, team_ids: Collection[int]) -> dict[int, list[int]]:
        """Current trainee members of each team."""
        if not team_ids:
            return {}
        stmt = (
            select(TeamMember.team_id, TeamMember.user_id)
            .join(User, User.id == TeamMember.user_id)
            .where(TeamMember.team_id.in_(list(team_ids)), User.role == Role.trainee.value)
        )
        out: dict[int, list[int]] = {}
        for tid, uid in (await self.db.execute(stmt)).all():
            out.setdefault(tid, []).append(uid)
        return out

    async def teams(self, team_ids: Collection[int]) -> dict[int, Team]:
        if not team_ids:
            return {}
        rows = await self.db.execute(select(Team).where(Team.id.in_(list(team_ids))))
        return {t.id: t for t in rows.scalars().all()}

    async def users(self, user_ids: Collection[int]) -> dict[int, User]:
        if not user_ids:
            return {}
        rows = await self.db.execute(select(User).where(User.id.in_(list(user_ids))))
        return {u.id: u for u in rows.scalars().all()}

    async def sessions_for(
        self, assignment_ids: Collection[int], user_ids: Collection[int] | None = None
    ) -> Sequence[PracticeSession]:
        if not assignment_ids:
            return []
        stmt = select(PracticeSession).where(
            PracticeSession.assignment_id.in_(list(assignment_ids))
        )
        if user_ids is not None:
            stmt = stmt.where(PracticeSession.user_id.in_(list(user_ids)))
        stmt = stmt.order_by(PracticeSession.created_at, PracticeSession.id)
        return (await self.db.execute(stmt)).scalars().all()

    async def attempts(self, assignment_id: int, user_id: int) -> int:
        return len(await self.sessions_for([assignment_id], [user_id]))

    async def set_named_trainees(self, assignment_id: int, user_ids: Collection[int]) -> None:
        await self.db.execute(
            delete(AssignmentTrainee).where(AssignmentTrainee.assignment_id == assignment_id)
        )
        for uid in sorted(set(user_ids)):
            self.db.add(AssignmentTrainee(assignment_id=assignment_id, user_id=uid))

    def add(self, obj: object) -> None:
        self.db.add(obj)

    async def flush(self) -> None:
        await self.db.flush()
