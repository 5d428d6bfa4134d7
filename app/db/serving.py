"""Who serves the database: one process for a SQLite file, any number on PostgreSQL.

SQLite is the embedded, one-process setup: the app queues its own writers
(Container), runs SQLite on the event loop (app/db/sqlite_inline.py) and
releases, at start-up, replies left unfinished by the process before it
(app/roleplay/leases.py), all of which assume no other server process uses
the file. `ServingLock` makes that true: an exclusive lock on `<file>.lock`
while the service runs. The operating system drops it when the process ends,
however it ends (kill -9 included), so a crash never leaves the file locked.
CLI commands (`coach users create`) don't take it; they only write briefly.

On PostgreSQL, processes that start together take turns through their
start-up (first-start seeding), with an advisory lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import BinaryIO

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

# Any constant works; it only has to be the same for every process of the app
# (and differ from the migration lock of app/db/migrate.py).
_PG_START_LOCK = 7_204_316


class DatabaseInUse(RuntimeError):
    """Another process is serving this SQLite file."""


class ServingLock:
    """The exclusive right to serve one SQLite file (an flock on `<file>.lock`)."""

    def __init__(self, database_path: str) -> None:
        self.path = f"{database_path}.lock"
        self._file: BinaryIO | None = None  # closing it (or losing it) drops the lock

    def acquire(self) -> None:
        """Take the lock, or raise DatabaseInUse naming the process that has it."""
        f = open(self.path, "a+b")  # noqa: SIM115 - held open until release()
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            f.seek(0)
            holder = f.read(32).decode(errors="replace").strip() or "?"
            f.close()
            raise DatabaseInUse(
                f"another process (pid {holder}) is serving {self.path.removesuffix('.lock')}: "
                "SQLite is served by one process. Stop that one first, or use PostgreSQL "
                "for several processes (README, 'Deploying for a team')."
            ) from None
        f.truncate(0)
        f.write(str(os.getpid()).encode())
        f.flush()
        self._file = f

    def release(self) -> None:
        f, self._file = self._file, None
        if f is not None:
            with contextlib.suppress(OSError):
                f.truncate(0)
            f.close()


def sqlite_file(url: str) -> str | None:
    """The file a SQLite database URL names (None: PostgreSQL, or SQLite in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    path = parsed.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return path


def serving_lock(engine: AsyncEngine) -> ServingLock | None:
    """The lock this engine's server must hold: a SQLite file's (None otherwise)."""
    path = sqlite_file(engine.url.render_as_string(hide_password=True))
    return ServingLock(path) if path is not None else None


@asynccontextmanager
async def one_start_at_a_time(engine: AsyncEngine) -> AsyncIterator[None]:
    """On PostgreSQL, processes starting together run this block one after another
    (so the first start seeds accounts once); on SQLite the serving lock already
    keeps every other server out."""
    if engine.dialect.name != "postgresql":
        yield
        return
    async with engine.connect() as conn:
        await conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_START_LOCK})
        await conn.commit()
        try:
            yield
        finally:
            await conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_START_LOCK})
            await conn.commit()
