"""What the lifespan builds once and every request shares."""

from __future__ import annotations

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

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """One transaction: commits when the block ends, rolls back on error."""
        async with self.sessionmaker() as db, db.begin():
            yield db
