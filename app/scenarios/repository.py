"""Every query on the scenarios table (managers' own scenarios; built-in ones are files)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.scenarios.models import StoredScenario


class ScenariosRepository:
    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def live_in_org(self, org_id: int) -> list[StoredScenario]:
        """The organisation's scenarios not archived, oldest first."""
        rows = await self.db.execute(
            select(StoredScenario)
            .where(StoredScenario.org_id == org_id, StoredScenario.archived.is_(False))
            .order_by(StoredScenario.created_at)
        )
        return list(rows.scalars().all())

    async def get(self, scenario_id: str) -> StoredScenario | None:
        """Any scenario by id, whatever its organisation or archived flag."""
        return await self.db.get(StoredScenario, scenario_id)

    def add(self, row: StoredScenario) -> None:
        self.db.add(row)
