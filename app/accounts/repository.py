"""Every query on the accounts tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.accounts.models import AuthToken, Organization, Team, TeamMember, User


class AccountsRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def user_by_username(self, username: str) -> User | None:
        """Usernames match whatever their case ('Manager1' is manager1)."""
        stmt = select(User).where(func.lower(User.username) == func.lower(username.strip()))
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def user(self, user_id: int) -> User | None:
        return await self.db.get(User, user_id)

    async def users_in_org(self, org_id: int) -> Sequence[User]:
        rows = await self.db.execute(select(User).where(User.org_id == org_id).order_by(User.id))
        return rows.scalars().all()

    async def principal_row(
        self, digest: str, now: datetime
    ) -> tuple[tuple[int, int, str, str, str], list[int]] | None:
        return await principal_row(self.db, digest, now)

    async def token(self, digest: str) -> AuthToken | None:
        stmt = select(AuthToken).where(AuthToken.token_hash == digest)
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def revoke_tokens(self, user_id: int, now: datetime, keep: str | None = None) -> int:
        """Revoke every live token of the user (but `keep`, a digest); how many."""
        stmt = update(AuthToken).where(
            AuthToken.user_id == user_id, AuthToken.revoked_at.is_(None), AuthToken.expires_at > now
        )
        if keep is not None:
            stmt = stmt.where(AuthToken.token_hash != keep)
        result = await self.db.execute(stmt.values(revoked_at=now))
        return int(getattr(result, "rowcount", 0) or 0)

    async def demo_users(self) -> Sequence[User]:
        rows = await self.db.execute(select(User).where(User.is_demo.is_(True)).order_by(User.id))
        return rows.scalars().all()

    async def has_active_manager(self, org_id: int) -> bool:
        """Someone who can run the organisation, not a demo account."""
        stmt = select(User.id).where(
            User.org_id == org_id,
            User.role == "manager",
            User.is_active.is_(True),
            User.is_demo.is_(False),
        )
        return (await self.db.execute(stmt.limit(1))).first() is not None

    def add(self, obj: object) -> None:
        self.db.add(obj)

    async def flush(self) -> None:
        await self.db.flush()

    async def first_organization(self) -> Organization | None:
        return (
            await self.db.execute(select(Organization).order_by(Organization.id).limit(1))
        ).scalar_one_or_none()

    async def teams_in_org(self, org_id: int) -> Sequence[Team]:
        rows = await self.db.execute(select(Team).where(Team.org_id == org_id).order_by(Team.id))
        return rows.scalars().all()

    async def team(self, team_id: int) -> Team | None:
        return await self.db.get(Team, team_id)

    async def team_by_name(self, org_id: int, name: str) -> Team | None:
        stmt = select(Team).where(Team.org_id == org_id, Team.name == name)
        return (await self.db.execute(stmt)).scalar_one_or_none()

    async def team_ids_of(self, user_id: int) -> list[int]:
        rows = await self.db.execute(
            select(TeamMember.team_id).where(TeamMember.user_id == user_id)
        )
        return sorted(rows.scalars().all())

    async def members_of(self, team_ids: Sequence[int]) -> list[int]:
        if not team_ids:
            return []
        rows = await self.db.execute(
            select(TeamMember.user_id).where(TeamMember.team_id.in_(team_ids)).distinct()
        )
        return sorted(rows.scalars().all())

    async def memberships(self, org_id: int) -> dict[int, list[int]]:
        stmt = (
            select(TeamMember.team_id, TeamMember.user_id)
            .join(Team, Team.id == TeamMember.team_id)
            .where(Team.org_id == org_id)
        )
        out: dict[int, list[int]] = {}
        for team_id, user_id in (await self.db.execute(stmt)).all():
            out.setdefault(team_id, []).append(user_id)
        return out

    async def set_team_members(self, team_id: int, user_ids: Sequence[int]) -> None:
        await self.db.execute(delete(TeamMember).where(TeamMember.team_id == team_id))
        for uid in sorted(set(user_ids)):
            self.db.add(TeamMember(team_id=team_id, user_id=uid))


# Built once: every request runs it.
_PRINCIPAL = (
    select(User.id, User.org_id, User.username, User.display_name, User.role, TeamMember.team_id)
    .join(AuthToken, AuthToken.user_id == User.id)
    .outerjoin(TeamMember, TeamMember.user_id == User.id)
    .where(
        AuthToken.token_hash == bindparam("digest"),
        AuthToken.revoked_at.is_(None),
        AuthToken.expires_at > bindparam("now", type_=AuthToken.expires_at.type),
        User.is_active.is_(True),
    )
)


async def principal_row(
    db: AsyncSession | AsyncConnection, digest: str, now: datetime
) -> tuple[tuple[int, int, str, str, str], list[int]] | None:
    """The user behind a live token and their team ids, in one query (every request pays it)."""
    rows = (await db.execute(_PRINCIPAL, {"digest": digest, "now": now})).all()
    if not rows:
        return None
    first = rows[0]
    teams = sorted({r[5] for r in rows if r[5] is not None})
    return (first[0], first[1], first[2], first[3], first[4]), teams


@dataclass(frozen=True)
class Credentials:
    id: int
    org_id: int
    username: str
    display_name: str
    password_hash: str
    is_active: bool


_CREDENTIALS = select(
    User.id, User.org_id, User.username, User.display_name, User.password_hash, User.is_active
)


async def credentials_by_username(db: AsyncConnection, username: str) -> Credentials | None:
    """For a password check outside any write transaction (a read connection)."""
    stmt = _CREDENTIALS.where(func.lower(User.username) == func.lower(username.strip()))
    row = (await db.execute(stmt)).first()
    return Credentials(*row) if row is not None else None


async def credentials_by_id(db: AsyncConnection, user_id: int) -> Credentials | None:
    row = (await db.execute(_CREDENTIALS.where(User.id == user_id))).first()
    return Credentials(*row) if row is not None else None
