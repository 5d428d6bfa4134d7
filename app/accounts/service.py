"""Login, tokens, users and teams, and who may see whose work."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.accounts.models import Organization, Role, Team, TeamMember, User
from app.accounts.passwords import check_password
from app.accounts.repository import AccountsRepository, principal_row
from app.accounts.security import (
    hash_password_async,
    new_password,
    token_digest,
    verify_password_async,
)
from app.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized

# Demo people and team named the way a bilingual sales team writes its names: they read
# naturally on a Chinese page and on an English one.
DEMO_USERS: tuple[tuple[str, str, Role], ...] = (
    ("trainee1", "林悦 Lin Yue", Role.trainee),
    ("trainee2", "陈浩 Chen Hao", Role.trainee),
    ("coach1", "王芳 Wang Fang", Role.coach),
    ("manager1", "赵强 Zhao Qiang", Role.manager),
)
DEMO_TEAM = "华东大客户组 East China KA"
# What earlier versions called them; a demo start renames these (and only these).
_OLD_DEMO_NAMES = {
    "trainee1": "Trainee One / 学员一",
    "trainee2": "Trainee Two / 学员二",
    "coach1": "Coach One / 教练一",
    "manager1": "Manager One / 经理一",
}
_OLD_DEMO_TEAM = "Demo team"


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
    return await hash_password_async(password)


class AccountsService:
    def __init__(self, repo: AccountsRepository) -> None:
        self.repo = repo

    @classmethod
    def of(cls, db: AsyncSession) -> AccountsService:
        """The service over a session, for callers that hold no repository of their own."""
        return cls(AccountsRepository(db))

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

    async def teams_in_org(self, org_id: int) -> Sequence[Team]:
        return await self.repo.teams_in_org(org_id)

    async def users_in_org(self, org_id: int) -> Sequence[User]:
        return await self.repo.users_in_org(org_id)

    async def memberships(self, org_id: int) -> dict[int, list[int]]:
        """Team id -> its members' user ids."""
        return await self.repo.memberships(org_id)

    async def create_user(
        self,
        org_id: int,
        username: str,
        display_name: str,
        role: Role,
        password: str,
        team_ids: list[int] | None = None,
        *,
        is_demo: bool = False,
    ) -> User:
        """`is_demo`: demo mode's own users, whose public password skips the policy."""
        taken = await self.repo.user_by_username(username)
        if taken is not None:
            same = "" if taken.username == username else f" (as {taken.username!r})"
            raise Conflict(
                f"The username {username!r} is taken{same}: usernames are not case-sensitive.",
                key="username_taken",
                params={"username": username},
            )
        if not is_demo:
            check_password(password, username=username, display_name=display_name)
        for team_id in team_ids or []:
            team = await self.repo.team(team_id)
            if team is None or team.org_id != org_id:
                raise BadRequest(
                    f"team_ids: no team {team_id} in your organisation.", key="no_team"
                )
        user = User(
            org_id=org_id,
            username=username,
            display_name=display_name,
            role=role.value,
            password_hash=await _hash(password),
            is_demo=is_demo,
        )
        self.repo.add(user)
        await self.repo.flush()
        for team_id in sorted(set(team_ids or [])):
            self.repo.add(TeamMember(team_id=team_id, user_id=user.id))
        return user

    async def create_team(self, org_id: int, name: str) -> Team:
        if await self.repo.team_by_name(org_id, name) is not None:
            raise Conflict(
                f"A team named {name!r} exists already.", key="team_exists", params={"name": name}
            )
        team = Team(org_id=org_id, name=name)
        self.repo.add(team)
        await self.repo.flush()
        return team

    async def set_members(self, viewer: Principal, team_id: int, user_ids: list[int]) -> Team:
        team = await self.repo.team(team_id)
        if team is None or team.org_id != viewer.org_id:
            raise NotFound(f"No team {team_id}.", key="no_team")
        for uid in user_ids:
            user = await self.repo.user(uid)
            if user is None or user.org_id != viewer.org_id:
                raise BadRequest(f"user_ids: no user {uid} in your organisation.", key="no_user")
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
        """Demo users in one team; resets their passwords to the demo password and
        enables them. A real account holding a demo name is left alone."""
        org = await self.ensure_organization()
        team = await self.repo.team_by_name(org.id, DEMO_TEAM)
        if team is None:
            team = await self.repo.team_by_name(org.id, _OLD_DEMO_TEAM)
            if team is not None:
                team.name = DEMO_TEAM
            else:
                team = await self.create_team(org.id, DEMO_TEAM)
        created = []
        for username, display, role in DEMO_USERS:
            user = await self.repo.user_by_username(username)
            if user is None:
                await self.create_user(
                    org.id, username, display, role, password, [team.id], is_demo=True
                )
                created.append(username)
            elif user.is_demo:
                if user.display_name == _OLD_DEMO_NAMES.get(username):
                    user.display_name = display
                # Only when it differs: a new hash would sign out a login racing this
                # start (another process of a fleet starting while this one serves).
                if not await verify_password_async(password, user.password_hash):
                    user.password_hash = await _hash(password)
                user.is_active = True
        return created

    async def disable_demo_users(self) -> list[str]:
        """Outside demo mode the demo password is public knowledge: disable those
        accounts and end their sessions. Returns who was disabled just now."""
        now = datetime.now(UTC)
        disabled = []
        for user in await self.repo.demo_users():
            if user.is_active:
                user.is_active = False
                await self.repo.revoke_tokens(user.id, now)
                disabled.append(user.username)
        return disabled

    async def bootstrap_admin(self) -> tuple[str, str] | None:
        """Without demo mode, when no one (but demo users) can manage the organisation:
        a manager `admin` with a one-time password. Returns (username, password)."""
        org = await self.ensure_organization("Organisation")
        if await self.repo.has_active_manager(org.id):
            return None
        username = "admin"
        suffix = 1
        while await self.repo.user_by_username(username) is not None:
            suffix += 1
            username = f"admin{suffix}"
        password = new_password()
        await self.create_user(org.id, username, "Administrator", Role.manager, password)
        return username, password

    # --- managing accounts ------------------------------------------------------------

    async def _user_in_org(self, manager: Principal, user_id: int) -> User:
        user = await self.repo.user(user_id)
        if user is None or user.org_id != manager.org_id:
            raise NotFound(f"No user {user_id}.", key="no_user")
        return user

    async def set_active(self, manager: Principal, user_id: int, active: bool) -> User:
        """Deactivating ends every session of the user now, and reactivating
        doesn't bring those back: they sign in again."""
        if user_id == manager.id and not active:
            raise Conflict(
                "You can't deactivate yourself; ask another manager.", key="deactivate_self"
            )
        user = await self._user_in_org(manager, user_id)
        user.is_active = active
        if not active:
            await self.repo.revoke_tokens(user.id, datetime.now(UTC))
        return user

    async def revoke_tokens(self, manager: Principal, user_id: int) -> int:
        user = await self._user_in_org(manager, user_id)
        return await self.repo.revoke_tokens(user.id, datetime.now(UTC))


def require_role(principal: Principal, *roles: Role) -> None:
    if principal.role not in roles:
        names = " or ".join(r.value for r in roles)
        # One message per set of roles (needs_role_coach_manager ...), worded in the catalogs.
        key = "needs_role_" + "_".join(r.value for r in roles)
        raise Forbidden(f"This needs the {names} role.", key=key)


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
