"""The scenario library a user sees: the built-in files plus their organisation's own."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role
from app.accounts.service import Principal
from app.errors import Conflict, NotFound, Unprocessable
from app.scenarios.catalog import ScenarioInvalid, validate_scenario
from app.scenarios.models import StoredScenario
from app.scenarios.repository import ScenariosRepository
from app.scenarios.schema import Scenario


def public_view(s: Scenario, source: str) -> dict[str, Any]:
    """What a trainee may know before the meeting: never the hidden brief."""
    return {
        "id": s.id,
        "version": s.version,
        "title": s.title,
        "language": s.language,
        "industry": s.industry,
        "difficulty": s.difficulty,
        "product": s.product,
        "seller_company": s.seller_company,
        "trainee_brief": s.trainee_brief,
        "goal": s.advance.goal,
        "buyer": {"name": s.buyer.name, "title": s.buyer.title, "company": s.buyer.company},
        "source": source,
    }


def snapshot_view(source: str, snapshot: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What a trainee may know of the scenario a session was played with: the public view
    of its snapshot; None for a session with no scenario of ours (an imported transcript)."""
    if source != "roleplay" or not snapshot:
        return None
    return public_view(Scenario.model_validate(snapshot), "snapshot")


def invalid(exc: ScenarioInvalid) -> Unprocessable:
    fields = [{"loc": p.field.split("."), "field": p.field, "msg": p.message} for p in exc.problems]
    first = exc.problems[0]
    detail = f"{first.field}: {first.message}" if first.field else first.message
    return Unprocessable(
        f"The scenario is not valid: {detail}",
        fields=fields,
        key="scenario_invalid",
        params={"n": len(exc.problems)},
    )


class ScenarioService:
    def __init__(self, db: AsyncSession, builtin: dict[str, Scenario]) -> None:
        self.repo = ScenariosRepository(db)
        self.builtin = builtin

    async def list(self, user: Principal) -> list[tuple[Scenario, str]]:
        out = [(s, "builtin") for s in self.builtin.values()]
        for row in await self.repo.live_in_org(user.org_id):
            out.append((Scenario.model_validate(row.data), "custom"))
        return out

    async def get(self, user: Principal, scenario_id: str) -> tuple[Scenario, str]:
        if scenario_id in self.builtin:
            return self.builtin[scenario_id], "builtin"
        row = await self.repo.get(scenario_id)
        if row is None or row.org_id != user.org_id or row.archived:
            raise NotFound(f"No scenario {scenario_id!r}.", key="no_scenario")
        return Scenario.model_validate(row.data), "custom"

    async def create(self, user: Principal, data: Any) -> Scenario:
        try:
            scenario = validate_scenario(data)
        except ScenarioInvalid as exc:
            raise invalid(exc) from exc
        if scenario.id in self.builtin or await self.repo.get(scenario.id) is not None:
            raise Conflict(
                f"A scenario with id {scenario.id!r} exists already.",
                key="scenario_exists",
                params={"id": scenario.id},
            )
        self.repo.add(
            StoredScenario(
                id=scenario.id,
                org_id=user.org_id,
                version=scenario.version,
                data=scenario.model_dump(mode="json"),
                created_by_id=user.id,
            )
        )
        return scenario

    async def update(self, user: Principal, scenario_id: str, data: Any) -> Scenario:
        if scenario_id in self.builtin:
            raise Conflict(
                "Built-in scenarios can't be edited; create a copy with a new id.",
                key="builtin_readonly",
            )
        row = await self.repo.get(scenario_id)
        if row is None or row.org_id != user.org_id or row.archived:
            raise NotFound(f"No scenario {scenario_id!r}.", key="no_scenario")
        if isinstance(data, dict):
            data = {**data, "id": scenario_id}
        try:
            scenario = validate_scenario(data)
        except ScenarioInvalid as exc:
            raise invalid(exc) from exc
        row.version += 1
        scenario = scenario.model_copy(update={"version": row.version})
        row.data = scenario.model_dump(mode="json")
        row.updated_at = datetime.now(UTC)
        return scenario

    async def archive(self, user: Principal, scenario_id: str) -> None:
        if scenario_id in self.builtin:
            raise Conflict("Built-in scenarios can't be removed.", key="builtin_undeletable")
        row = await self.repo.get(scenario_id)
        if row is None or row.org_id != user.org_id or row.archived:
            raise NotFound(f"No scenario {scenario_id!r}.", key="no_scenario")
        row.archived = True

    @staticmethod
    def can_see_brief(user: Principal) -> bool:
        return user.role is Role.manager
