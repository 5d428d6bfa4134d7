"""Who may read a session: one rule for the role-play, review and report paths."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.errors import NotFound
from app.roleplay.models import PracticeSession
from app.roleplay.repository import RoleplayRepository


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
