"""Password checks and changes: signing in, changing your password, a manager's reset.

A password hash costs tens of milliseconds of CPU, so it is never computed
inside a database transaction: on SQLite a transaction that writes holds the
one write lock, and a failed login holding it while scrypt ran stalled every
trainee's turn. Each flow reads on a read connection (no write lock), checks or
hashes on the hashing threads with no transaction open, then writes in a short
transaction that first checks the row didn't change meanwhile.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.accounts.models import AuthToken
from app.accounts.passwords import check_password
from app.accounts.repository import (
    AccountsRepository,
    Credentials,
    credentials_by_id,
    credentials_by_username,
)
from app.accounts.security import (
    DUMMY_HASH,
    hash_password_async,
    new_token,
    token_digest,
    verify_password_async,
)
from app.accounts.service import IssuedToken, Principal
from app.accounts.throttle import LoginThrottle
from app.config import Settings
from app.errors import BadRequest, Conflict, Forbidden, NotFound, Unauthorized

WRONG_LOGIN = "Wrong username or password."


class ContainerView(Protocol):
    """What these flows need of the app's container (app.container.Container, which
    matches it): the settings, the login throttle and its transactions. A protocol, so
    accounts, which the container is built from, does not import it back."""

    @property
    def settings(self) -> Settings: ...

    @property
    def login_throttle(self) -> LoginThrottle: ...

    def read(self) -> AbstractAsyncContextManager[AsyncConnection]: ...

    def unit_of_work(self) -> AbstractAsyncContextManager[AsyncSession]: ...


class WrongPassword(Forbidden):
    code = "wrong_password"


async def sign_in(
    container: ContainerView, username: str, password: str, client: str | None
) -> IssuedToken:
    """A new token for the right password; 401 otherwise, 429 while throttled."""
    attempt = await container.login_throttle.begin(username, client)
    async with container.read() as conn:
        found = await credentials_by_username(conn, username)
    usable = found is not None and found.is_active
    # An unknown or disabled user costs the same check: the answer's timing tells nothing.
    stored = found.password_hash if found is not None and usable else DUMMY_HASH
    if not await verify_password_async(password, stored) or found is None or not usable:
        raise Unauthorized(WRONG_LOGIN)
    ttl = timedelta(hours=container.settings.token_ttl_hours)
    async with container.unit_of_work() as db:
        repo = AccountsRepository(db)
        user = await repo.user(found.id)
        if user is None or not user.is_active or user.password_hash != found.password_hash:
            raise Unauthorized(WRONG_LOGIN)  # disabled or re-passworded while we checked
        token = new_token()
        expires_at = datetime.now(UTC) + ttl
        repo.add(AuthToken(token_hash=token_digest(token), user_id=user.id, expires_at=expires_at))
        issued = IssuedToken(token, expires_at, user, await repo.team_ids_of(user.id))
    await attempt.succeeded()
    return issued


async def _store_password(
    container: ContainerView, before: Credentials, new_hash: str, keep_token: str | None
) -> int:
    """Write the new hash and revoke the user's tokens (but `keep_token`); how many."""
    async with container.unit_of_work() as db:
        repo = AccountsRepository(db)
        user = await repo.user(before.id)
        if user is None:
            raise NotFound(f"No user {before.id}.")
        if user.password_hash != before.password_hash:
            raise Conflict("The password was changed meanwhile; try again.")
        user.password_hash = new_hash
        keep = token_digest(keep_token) if keep_token else None
        return await repo.revoke_tokens(user.id, datetime.now(UTC), keep=keep)


async def change_password(
    container: ContainerView,
    me: Principal,
    current: str,
    new: str,
    token: str | None,
    client: str | None,
) -> int:
    """Needs the current password (throttled like a login, so a stolen token can't
    be used to guess it); every other session of mine ends. Returns how many."""
    if new == current:
        raise BadRequest(
            "new_password: choose a password different from the current one.",
            key="same_password",
        )
    check_password(new, username=me.username, display_name=me.display_name, field="new_password")
    attempt = await container.login_throttle.begin(me.username, client)
    async with container.read() as conn:
        found = await credentials_by_id(conn, me.id)
    if found is None or not await verify_password_async(current, found.password_hash):
        raise WrongPassword("current_password: that is not your current password.")
    revoked = await _store_password(
        container, found, await hash_password_async(new), keep_token=token
    )
    await attempt.succeeded()
    return revoked


async def reset_password(
    container: ContainerView, manager: Principal, user_id: int, new: str
) -> int:
    """A manager sets another user's password; all that user's sessions end."""
    if user_id == manager.id:
        raise BadRequest(
            "Change your own password with POST /api/me/password (it asks for the current one).",
            key="reset_own_password",
        )
    async with container.read() as conn:
        found = await credentials_by_id(conn, user_id)
    if found is None or found.org_id != manager.org_id:
        raise NotFound(f"No user {user_id}.")
    check_password(
        new, username=found.username, display_name=found.display_name, field="new_password"
    )
    revoked = await _store_password(
        container, found, await hash_password_async(new), keep_token=None
    )
    await container.login_throttle.forget_account(found.username)
    return revoked
