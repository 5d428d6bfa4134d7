"""SQLite for the async engine without a thread hop per statement.

aiosqlite runs every call on a worker thread; each hop costs about a
millisecond on this machine, and a role-play turn makes a couple of dozen of
them. SQLite on a local file answers in microseconds, so running it inline on
the event loop is both faster and simpler. This adapter gives SQLAlchemy's
aiosqlite dialect (through `async_creator`) an object with the aiosqlite
connection interface that executes synchronously.

It is safe because the app serialises its own SQLite writers (one process,
Container.unit_of_work) and WAL readers never wait; SQLite is the embedded,
one-process default, PostgreSQL the multi-process setup.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

log = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 5.0  # only another process (a CLI command) can hold the lock
# The WAL file past which the checkpointer truncates it (and a reset trims it back to).
MAX_WAL_BYTES = 64 * 1024 * 1024
TRUNCATE_WAIT_MS = 500  # how long that waits for readers before trying again next round


class InlineCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        self._cursor.execute(sql, parameters or ())
        return self

    async def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> InlineCursor:
        self._cursor.executemany(sql, seq)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """The parts of aiosqlite.Connection that SQLAlchemy's adapter uses."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._connection: sqlite3.Connection | None = conn

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._connection is None:
            raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._conn.cursor())

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def inline_connector(path: str, uri: bool = False) -> Any:
    """An `async_creator` for create_async_engine."""

    async def connect() -> InlineConnection:
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,  # we emit BEGIN IMMEDIATE ourselves
            check_same_thread=False,
            uri=uri,
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        # No checkpoint inside a commit: it would fsync on the event loop and
        # stall every request; Checkpointer does it in a thread instead.
        conn.execute("PRAGMA wal_autocheckpoint=0")
        # When the WAL starts over, a file grown past this is cut back to it.
        conn.execute(f"PRAGMA journal_size_limit={MAX_WAL_BYTES}")
        return InlineConnection(conn)

    return connect


class Checkpointer:
    """Copies the WAL back into the database file from a worker thread, now and then,
    and keeps the WAL file bounded.

    A passive checkpoint takes no lock that a reader or the writer waits for
    (it backfills only frames no reader still needs, and the writer keeps
    appending meanwhile), so it runs beside our transactions rather than in a
    writer turn: a slow fsync here (tens of ms now and then) must not hold up
    the next trainee's message. But the WAL only starts over from its beginning
    when a writer finds every frame copied back, which a steady stream of writes
    (one landing during each checkpoint) never lets happen: under sustained load
    the file would grow without end. So once it passes `max_wal_bytes`, the next
    round takes the app's writer turn (`writers`: writers queue in the app
    instead of sleeping in SQLite's busy handler on the event loop), copies the
    rest back and truncates the file to zero; that costs the queued writers one
    checkpoint of the frames since the last passive round. Closing the last
    connection checkpoints whatever is left.
    """

    def __init__(
        self,
        path: str,
        every_seconds: float = 1.0,
        *,
        max_wal_bytes: int = MAX_WAL_BYTES,
        writers: Callable[[], AbstractAsyncContextManager[None]] | None = None,
    ) -> None:
        self.path = path
        self.every = every_seconds
        self.max_wal_bytes = max_wal_bytes
        self.writers = writers
        self.truncations = 0
        self._task: asyncio.Task[None] | None = None
        self._conn: sqlite3.Connection | None = None
        self._thread_lock = threading.Lock()  # one thread at a time on self._conn

    def _checkpoint(self, mode: str = "PASSIVE") -> bool:
        """One checkpoint; whether it copied back every frame."""
        with self._thread_lock:
            return self._checkpoint_locked(mode)

    def _checkpoint_locked(self, mode: str) -> bool:
        if self._conn is None:
            self._conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
            )
        # The writers wait while a truncating checkpoint waits for readers: not for long.
        wait_ms = int(BUSY_TIMEOUT_SECONDS * 1000) if mode == "PASSIVE" else TRUNCATE_WAIT_MS
        self._conn.execute(f"PRAGMA busy_timeout={wait_ms}")
        busy, _, _ = self._conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        return bool(busy == 0)

    def wal_bytes(self) -> int:
        try:
            return os.path.getsize(f"{self.path}-wal")
        except OSError:
            return 0

    async def round(self) -> None:
        """A passive checkpoint; then, when the WAL is over its bound, a truncating one."""
        await asyncio.to_thread(self._checkpoint)
        if self.writers is None or self.wal_bytes() <= self.max_wal_bytes:
            return
        async with self.writers():  # no writer of ours starts meanwhile
            if await asyncio.to_thread(self._checkpoint, "TRUNCATE"):
                self.truncations += 1

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.every)
            try:
                await self.round()
            except sqlite3.Error:
                log.warning("WAL checkpoint failed; retrying later", exc_info=True)

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._conn is not None:
            await asyncio.to_thread(self._close)

    def _close(self) -> None:
        # A cancelled round's thread may still be checkpointing: closing the
        # connection under it would crash the process.
        with self._thread_lock:
            self._close_locked()

    def _close_locked(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None
