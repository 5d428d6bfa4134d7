"""The reply lease: which request may produce a session's next buyer reply.

A claim takes the lease on the session row (a token and the time) in the
transaction that stores the trainee's turn; the buyer's turn is stored only
under it (app/roleplay/turns.py). The lease lapses `reply_lease_seconds` after
it was taken or last renewed, so it is short, and this process renews every
lease it holds every third of that while the reply is being produced: a live
reply keeps its session however long the model takes, and one left by a
process that died (kill -9, a lost machine) frees its session within one
lease. On SQLite, whose file one process serves at a time (app/db/serving.py),
every lease found at start-up was left by a process that died, and start-up
releases them at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncConnection

from app.roleplay import turn_store
from app.roleplay.turn_store import SessionRow

if TYPE_CHECKING:
    from app.container import Container  # which holds the process's keeper

log = logging.getLogger(__name__)


class LeaseKeeper:
    """Renews, in one statement every third of a lease, the leases this process holds.

    One per process (Container.lease_keeper); its task starts on first use, and
    `stop` (registered with the container's shutdown) ends it."""

    def __init__(
        self,
        connection: Callable[[], AbstractAsyncContextManager[AsyncConnection]],
        lease_seconds: float,
    ) -> None:
        self.connection = connection  # one write transaction (Container.connection)
        self.every = lease_seconds / 3
        self._held: dict[str, str] = {}  # token -> session id
        self._task: asyncio.Task[None] | None = None

    @asynccontextmanager
    async def keep(self, session_id: str, token: str) -> AsyncIterator[None]:
        """Keep the lease `token` alive while the block runs (the reply is produced)."""
        self._held[token] = session_id
        if self._task is None or self._task.done():
            # A context of its own: not the request's that happened to start it.
            self._task = asyncio.create_task(
                self._run(), name="reply-lease-keeper", context=contextvars.Context()
            )
        try:
            yield
        finally:
            self._held.pop(token, None)

    @property
    def held(self) -> int:
        return len(self._held)

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            if not self._held:
                continue
            try:
                await self.renew()
            except Exception:  # the database is away: the next round tries again
                log.warning("could not renew %d reply leases", len(self._held), exc_info=True)

    async def renew(self) -> int:
        """Renew every lease held now; how many still were ours."""
        tokens = list(self._held)
        if not tokens:
            return 0
        async with self.connection() as conn:
            return await turn_store.renew_leases(conn, tokens, datetime.now(UTC))

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def release_orphaned_leases(container: Container) -> int:
    """At start-up on SQLite: the leases left by the process that served the file
    before (it died mid-reply), released so their sessions answer at once. Not on
    PostgreSQL, where other live processes may hold leases: those lapse instead."""
    if container.engine.dialect.name != "sqlite":
        return 0
    async with container.connection() as conn:
        released = await turn_store.release_all_leases(conn)
    if released:
        log.warning(
            "released %d reply(s) left unfinished by the previous run; "
            "their sessions take the reply again at once",
            released,
        )
    return released


def lease_left(row: SessionRow | None, lease_seconds: float, now: datetime) -> float:
    """Seconds until the lease on `row` lapses unless renewed; 0 when it is free."""
    if row is None or row.reply_token is None or row.reply_started_at is None:
        return 0.0
    return max(0.0, lease_seconds - (now - row.reply_started_at).total_seconds())
