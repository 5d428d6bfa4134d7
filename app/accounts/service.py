"""Login, tokens, users and teams, and who may see whose work."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.accounts.models import AuthToken, Organization, Role, Team, TeamMember, User
from app.accounts.repository import AccountsRepository, principal_row
from app.accounts.security import (
    DUMMY_HASH,
    hash_password,
    new_password,
    new_token,
    token_digest,
    verify_password,
)
from app.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized

DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("trainee1", "Trainee One / 学员一", Role.trainee),
    ("trainee2", "Trainee Two / 学员二", Role.trainee),
    ("coach1", "Coach One / 教练一", Role.coach),
    ("manager1", "Manager One / 经理一", Role.manager),
)


@dataclass(frozen=True)
class Principal:
    """The signed-in user as every request sees it."""

    id: int
    org_id: int
    username: str
    display_name: str
    role: Role
    team_ids: tuple[int, ...]


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime
    user: User
    team_ids: list[int]


async def _hash(password: str) -> str:
    return await asyncio.to_thread(hash_password, password)


async def _verify(password: str, stored: str) -> bool:
    return await asyncio.to_thread(verify_password, password, stored)


class AccountsService:
    def __init__(self, repo: AccountsRepository) -> None:
        self.repo = repo

    async def login(self, username: str, password: str, ttl: timedelta) -> IssuedToken:
        user = await self.repo.user_by_username(username.strip())
        if user is None or not user.is_active:
            await _verify(password, DUMMY_HASH)  # same cost either way
            raise Unauthorized("Wrong username or password.")
        if not await _verify(password, user.password_hash):
            raise Unauthorized("Wrong username or password.")
        token = new_token()
        expires_at = datetime.now(UTC) + ttl
        self.repo.add(
            AuthToken(token_hash=token_digest(token), user_id=user.id, expires_at=expires_at)
        )
        return IssuedToken(token, expires_at, user, await self.repo.team_ids_of(user.id))

    async def authenticate(self, token: str) -> Principal:
        return await authenticate(self.repo.db, token)

    async def logout(self, token: str) -> None:
        row = await self.repo.token(token_digest(token))
        if row is not None and row.revoked_at is None:
            row.revoked_at = datetime.now(UTC)

    # --- visibility -----------------------------------------------------------

    async def readable_user_ids(self, viewer: Principal) -> set[int] | None:
        """Whose sessions the viewer may read; None means everyone in the organisation."""
        if viewer.role is Role.manager:
            return None
        if viewer.role is Role.coach:
            return set(await self.repo.members_of(viewer.team_ids)) | {viewer.id}
        return {viewer.id}

    async def can_read_user(self, viewer: Principal, owner_id: int, owner_org_id: int) -> bool:
        if owner_org_id != viewer.org_id:
            return False
        readable = await self.readable_user_ids(viewer)
        return readable is None or owner_id in readable

    # --- users and teams ---------------------------------------------------------

    async def create_user(
        self,
        org_id: int,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        team_ids: list[int] | None = None,
    ) -> User:
        if await self.repo.user_by_username(username) is not None:
            raise Conflict(f"The username {username!r} is taken.")
        for team_id in team_ids or []:
            team = await self.repo.team(team_id)
            if team is None or team.org_id != org_id:
                raise BadRequest(f"team_ids: no team {team_id} in your organisation.")
        user = User(
            org_id=org_id,
            username=username,
            display_name=display_name,
            role=role.value,
            password_hash=await _hash(password),
        )
        self.repo.add(user)
        await self.repo.flush()
        for team_id in sorted(set(team_ids or [])):
            self.repo.add(TeamMember(team_id=team_id, user_id=user.id))
        return user

    async def create_team(self, org_id: int, name: str) -> Team:
        if await self.repo.team_by_name(org_id, name) is not None:
            raise Conflict(f"A team named {name!r} exists already.")
        team = Team(org_id=org_id, name=name)
        self.repo.add(team)
        await self.repo.flush()
        return team

    async def set_members(self, viewer: Principal, team_id: int, user_ids: list[int]) -> Team:
        team = await self.repo.team(team_id)
        if team is None or team.org_id != viewer.org_id:
            raise NotFound(f"No team {team_id}.")
        for uid in user_ids:
            user = await self.repo.user(uid)
            if user is None or user.org_id != viewer.org_id:
                raise BadRequest(f"user_ids: no user {uid} in your organisation.")
        await self.repo.set_team_members(team_id, user_ids)
        return team

    # --- first start ----------------------------------------------------------------

    async def ensure_organization(self, name: str = "Demo") -> Organization:
        org = await self.repo.first_organization()
        if org is None:
            org = Organization(name=name)
            self.repo.add(org)
            await self.repo.flush()
        return org

    async def seed_demo(self, password: str) -> list[str]:
        """Demo users in one team; resets their passwords to the demo password."""
        org = await self.ensure_organization()
        team = await self.repo.team_by_name(org.id, "Demo team")
        if team is None:
            team = await self.create_team(org.id, "Demo team")
        created = []
        for username, display, role in DEMO_USERS:
            user = await self.repo.user_by_username(username)
            if user is None:
                await self.create_user(org.id, username, display, role, password, [team.id])
                created.append(username)
            else:
                user.password_hash = await _hash(password)
                user.is_active = True
        return created

    async def bootstrap_admin(self) -> str | None:
        """On a first start without demo mode: one manager with a one-time password."""
        org = await self.ensure_organization("Organisation")
        if await self.repo.users_in_org(org.id):
            return None
        password = new_password()
        await self.create_user(org.id, "admin", "Administrator", Role.manager, password)
        return password


def require_role(principal: Principal, *roles: Role) -> None:
    if principal.role not in roles:
        names = " or ".join(r.value for r in roles)
        raise Forbidden(f"This needs the {names} role.")


async def authenticate(db: AsyncSession | AsyncConnection, token: str) -> Principal:
    """The principal behind a bearer token, or 401."""
    found = await principal_row(db, token_digest(token), datetime.now(UTC))
    if found is None:
        raise Unauthorized("The token is missing, expired or revoked. Log in again.")
    (user_id, org_id, username, display_name, role), team_ids = found
    return Principal(
        id=user_id,
        org_id=org_id,
        username=username,
        display_name=display_name,
        role=Role(role),
        team_ids=tuple(team_ids),
    )
