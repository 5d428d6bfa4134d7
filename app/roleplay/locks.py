"""In-process, per-session locks: the fast path of per-session ordering.

Across processes the reply lease on the session row does the same job; this
only spares one process from polling its own database for its own work.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class SessionBusy(Exception):
    """The session's lock was not free by the deadline."""


class SessionLocks:
    def __init__(self) -> None:
        self._locks: dict[str, asyncio.Lock] = {}
        self._users: dict[str, int] = {}

    @asynccontextmanager
    async def hold(self, session_id: str, deadline: float | None = None) -> AsyncIterator[None]:
        """Hold the session's lock (FIFO); SessionBusy when it is not ours by `deadline`
        (the event loop's clock)."""
        lock = self._locks.setdefault(session_id, asyncio.Lock())
        self._users[session_id] = self._users.get(session_id, 0) + 1
        try:
            try:
                async with asyncio.timeout_at(deadline):
                    await lock.acquire()
            except TimeoutError:
                raise SessionBusy(session_id) from None
            try:
                yield
            finally:
                lock.release()
        finally:
            self._users[session_id] -= 1
            if self._users[session_id] == 0:  # nobody waiting: forget it
                del self._users[session_id]
                del self._locks[session_id]
