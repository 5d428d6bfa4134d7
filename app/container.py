"""What the lifespan builds once and every request shares."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from app.accounts.service import Principal
from app.accounts.throttle import LoginThrottle, make_throttle
from app.config import Settings
from app.roleplay.leases import LeaseKeeper
from app.roleplay.locks import SessionLocks
from app.scenarios.schema import Scenario

if TYPE_CHECKING:
    from app.buyer.engine import BuyerEngine
    from app.llm.client import LLMClient
    from app.scoring.scorer import Scorer

# Raises unless the trainee may start another attempt of this assignment on this scenario;
# run in the role-play start's transaction. The lifespan wires app.assignments.service's
# check_start: role-play calls it without importing assignments, which reads its sessions.
AssignmentGate = Callable[[AsyncSession, Principal, int, str], Awaitable[None]]


@dataclass
class Container:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    builtin_scenarios: dict[str, Scenario]
    buyers: dict[str, BuyerEngine]  # by engine name: "offline", and "llm" when configured
    scorer: Scorer
    assignment_gate: AssignmentGate
    # The one LLM client the buyer and the judge share; None when no model is configured.
    llm_client: LLMClient | None = None

    # Made fresh for each container (so a copy made with dataclasses.replace has its own):
    # Shutdown, last registered first: the lifespan registers what it starts and closes.
    shutdown: AsyncExitStack = field(init=False, default_factory=AsyncExitStack)
    # Replies of streamed turns still being produced: shutdown lets them finish first.
    turn_tasks: set[asyncio.Task[None]] = field(init=False, default_factory=set)
    # Per-session order within this process (app/roleplay/turns.py).
    session_locks: SessionLocks = field(init=False, default_factory=SessionLocks)
    # Renews the reply leases this process holds; its task starts on first use.
    lease_keeper: LeaseKeeper = field(init=False)
    # From the settings: counters in this process on SQLite, in the database on PostgreSQL.
    login_throttle: LoginThrottle = field(init=False)
    # Demo mode's seeded history is in this database: the pages show a banner (app/demo).
    demo_history: bool = field(init=False, default=False)
    # SQLite allows one writer; queueing writers here (FIFO, no polling) is far
    # cheaper than SQLite's busy handler, which sleeps in growing steps.
    _sqlite_writer: asyncio.Lock | None = None
    _writer_task: asyncio.Task[object] | None = None

    def __post_init__(self) -> None:
        if self.engine.dialect.name == "sqlite":
            self._sqlite_writer = asyncio.Lock()
        self.login_throttle = make_throttle(
            self.settings, self.engine.dialect.name, self.connection
        )
        self.lease_keeper = LeaseKeeper(self.connection, self.settings.reply_lease_seconds)

    @asynccontextmanager
    async def _writer(self) -> AsyncIterator[None]:
        """SQLite's one writer. A transaction opened inside another in the same task
        could never start (the outer one holds the database), so that is a loud bug."""
        if self._sqlite_writer is None:
            yield
            return
        task = asyncio.current_task()
        if self._writer_task is not None and self._writer_task is task:
            raise RuntimeError(
                "nested database transaction in one task: it would deadlock on SQLite"
            )
        async with self._sqlite_writer:
            self._writer_task = task
            try:
                yield
            finally:
                self._writer_task = None

    @asynccontextmanager
    async def writer_turn(self) -> AsyncIterator[None]:
        """SQLite's writer turn without a transaction: no writer of ours runs meanwhile
        (the WAL checkpointer truncates the file in it). Nothing on PostgreSQL."""
        async with self._writer():
            yield

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[AsyncConnection]:
        """One transaction on a Core connection (no ORM): for the hot paths."""
        async with self._writer(), self.engine.begin() as conn:
            yield conn

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A read-only transaction. On SQLite (WAL) readers never wait for the writer,
        so this takes no writer turn and may run inside another transaction."""
        async with self.engine.connect() as conn:
            if self._sqlite_writer is not None:
                await conn.execution_options(sqlite_deferred=True)
            async with conn.begin():
                yield conn

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """One transaction: commits when the block ends, rolls back on error."""
        async with self._writer(), self.sessionmaker() as db, db.begin():
            yield db


# The whole container, for the routers and pages of the features that sit above
# everything it holds (role-play, assignments, reviews, analytics, the web pages); the
# others take app.deps.AppDep. The dependency is `async def`: a plain `def` one would
# run in FastAPI's threadpool, a thread hop on every request.
async def get_container(request: Request) -> Container:
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


if TYPE_CHECKING:
    from app.accounts.credentials import ContainerView

    # Routers below the container's contents read it as accounts' view (app.deps.AppDep):
    # mypy holds the container to that view here.
    _READ_AS: type[ContainerView] = Container
