"""Who may read a session (one rule for the role-play, review and report paths),
and who may play it."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.errors import Forbidden, NotFound
from app.roleplay.models import PracticeSession
from app.roleplay.repository import RoleplayRepository


class HeldSession(Protocol):
    """Whose a session is: a PracticeSession, or a turn's SessionRow."""

    @property
    def user_id(self) -> int: ...
    @property
    def org_id(self) -> int: ...


async def readable_session(
    db: AsyncSession, viewer: Principal, sid: str, *, lock: bool = False
) -> PracticeSession:
    """The session, if `viewer` may read it (its trainee, their coach, a manager)."""
    s = await RoleplayRepository(db).session(sid, lock=lock)
    accounts = AccountsService(AccountsRepository(db))
    if s is None or not await accounts.can_read_user(viewer, s.user_id, s.org_id):
        # Not 403: whether someone else's session exists is not the caller's business.
        raise NotFound(f"No session {sid}.", key="no_session")
    return s


def holds(user: Principal, s: HeldSession | None) -> bool:
    """Whether `user` is the trainee who holds the session `s` (None: no session)."""
    return s is not None and s.user_id == user.id and s.org_id == user.org_id


async def check_owner(db: AsyncSession, user: Principal, s: HeldSession | None, sid: str) -> None:
    """Only the trainee who holds a session plays it; others learn nothing about it.

    Those who may read it (their coach, a manager) get a 403; anyone else a
    404, so the existence of someone else's session is not given away.
    """
    if holds(user, s):
        return
    if s is not None and await AccountsService(AccountsRepository(db)).can_read_user(
        user, s.user_id, s.org_id
    ):
        raise Forbidden("Only the trainee who holds this session can do that.")
    raise NotFound(f"No session {sid}.")
