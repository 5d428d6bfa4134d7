"""Async engine and session factory for SQLite (embedded) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from app.db.sqlite_inline import Checkpointer, inline_connector

ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+psycopg"}


def normalize_url(url: str) -> str:
    """Accept plain `sqlite:///x.db` / `postgresql://...` and pick our async drivers."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend not in ASYNC_DRIVERS:
        raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql")
    if "+" not in parsed.drivername:
        parsed = parsed.set(drivername=ASYNC_DRIVERS[backend])
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> AsyncEngine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ":memory:"
        engine = create_async_engine(
            url, async_creator=inline_connector(path, uri=bool(parsed.query.get("uri")))
        )
        _begin_immediate(engine)
        return engine
    return create_async_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)


def _begin_immediate(engine: AsyncEngine) -> None:
    """Every SQLite transaction takes the write lock at its start.

    Two transactions that read and then write can't deadlock on a lock
    upgrade (SQLITE_BUSY); within the process they queue on
    Container.unit_of_work first, so this lock is normally free.
    """

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Container.read() marks its connections: a reader needs no write lock.
        deferred = conn.get_execution_options().get("sqlite_deferred", False)
        conn.exec_driver_sql("BEGIN" if deferred else "BEGIN IMMEDIATE")


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def sqlite_checkpointer(
    engine: AsyncEngine, writers: Callable[[], AbstractAsyncContextManager[None]] | None = None
) -> Checkpointer | None:
    """The background WAL checkpointer a file-backed SQLite engine needs (None otherwise).

    `writers` holds the app's writers back while the WAL is truncated (Container.writer_turn).
    """
    if engine.dialect.name != "sqlite":
        return None
    path = engine.url.database
    if not path or path == ":memory:":
        return None
    return Checkpointer(path, writers=writers)
