"""What the lifespan builds once and every request shares."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.config import Settings
from app.scenarios.schema import Scenario


@dataclass
class Container:
    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    builtin_scenarios: dict[str, Scenario]
    buyers: dict[str, Any]  # engine name -> BuyerEngine
    scorer: Any  # app.scoring.scorer.Scorer
    extras: dict[str, Any] = field(default_factory=dict)
    # SQLite allows one writer; queueing writers here (FIFO, no polling) is far
    # cheaper than SQLite's busy handler, which sleeps in growing steps.
    _sqlite_writer: asyncio.Lock | None = None

    def __post_init__(self) -> None:
        if self.engine.dialect.name == "sqlite":
            self._sqlite_writer = asyncio.Lock()

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """One transaction: commits when the block ends, rolls back on error."""
        if self._sqlite_writer is None:
            async with self.sessionmaker() as db, db.begin():
                yield db
            return
        async with self._sqlite_writer, self.sessionmaker() as db, db.begin():
            yield db
