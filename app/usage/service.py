"""Token usage and cost from the counters each session keeps."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.roleplay.repository import RoleplayRepository
from app.usage.repository import UsageRepository
from app.usage.schemas import (
    Prices,
    SessionUsage,
    SessionUsagePage,
    TraineeUsage,
    TraineeUsagePage,
)


def cost(settings: Settings, prompt_tokens: int, completion_tokens: int) -> float:
    return round(
        prompt_tokens / 1e6 * settings.price_input_per_mtok
        + completion_tokens / 1e6 * settings.price_output_per_mtok,
        6,
    )


class UsageService:
    def __init__(self, db: AsyncSession, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    async def sessions(
        self, org_id: int, *, user_id: int | None, limit: int, offset: int
    ) -> SessionUsagePage:
        rows, total = await RoleplayRepository(self.db).list_sessions(
            org_id, {user_id} if user_id is not None else None, limit=limit, offset=offset
        )
        items = [
            SessionUsage(
                session_id=s.id,
                trainee=user.username,
                title=s.title,
                buyer_engine=s.buyer_engine,
                created_at=s.created_at.isoformat(),
                **self._figures(
                    s.llm_prompt_tokens, s.llm_completion_tokens, s.llm_usage_estimated
                ),
            )
            for s, user in rows
        ]
        return SessionUsagePage(
            items=items, total=total, limit=limit, offset=offset, prices=self._prices()
        )

    async def trainees(self, org_id: int) -> TraineeUsagePage:
        items = [
            TraineeUsage(
                user_id=t.user_id,
                username=t.username,
                display_name=t.display_name,
                sessions=t.sessions,
                **self._figures(t.prompt_tokens, t.completion_tokens, t.estimated),
            )
            for t in await UsageRepository(self.db).per_trainee(org_id)
        ]
        return TraineeUsagePage(items=items, prices=self._prices())

    def _figures(self, prompt: int, completion: int, estimated: bool) -> dict[str, Any]:
        """The figures every row has (prompt, completion and total tokens, estimated, cost)."""
        return {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
            "estimated": estimated,
            "cost": cost(self.settings, prompt, completion),
        }

    def _prices(self) -> Prices:
        return Prices(
            input_per_mtok=self.settings.price_input_per_mtok,
            output_per_mtok=self.settings.price_output_per_mtok,
        )
