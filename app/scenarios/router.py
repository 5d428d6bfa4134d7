"""HTTP for the scenario library."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Response, status

from app.deps import ContainerDep, CurrentUser, ManagerUser, SessionDep
from app.inputs import Key
from app.scenarios.service import ScenarioService, public_view

router = APIRouter(prefix="/api/scenarios", tags=["scenarios"])


def _service(db: SessionDep, container: ContainerDep) -> ScenarioService:
    return ScenarioService(db, container.builtin_scenarios)


@router.get("")
async def list_scenarios(
    user: CurrentUser, db: SessionDep, container: ContainerDep
) -> list[dict[str, Any]]:
    return [public_view(s, source) for s, source in await _service(db, container).list(user)]


@router.get("/{scenario_id}")
async def get_scenario(
    scenario_id: Key, user: CurrentUser, db: SessionDep, container: ContainerDep
) -> dict[str, Any]:
    """Trainees and coaches get the public brief; managers also get the hidden one."""
    svc = _service(db, container)
    scenario, source = await svc.get(user, scenario_id)
    out = public_view(scenario, source)
    if svc.can_see_brief(user):
        out["full"] = scenario.model_dump(mode="json")
    return out


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_scenario(
    manager: ManagerUser,
    db: SessionDep,
    container: ContainerDep,
    body: dict[str, Any] = Body(...),
) -> dict[str, Any]:
    scenario = await _service(db, container).create(manager, body)
    return {**public_view(scenario, "custom"), "full": scenario.model_dump(mode="json")}


@router.put("/{scenario_id}")
async def update_scenario(
    scenario_id: Key,
    manager: ManagerUser,
    db: SessionDep,
    container: ContainerDep,
    body: dict[str, Any] = Body(...),
) -> dict[str, Any]:
    scenario = await _service(db, container).update(manager, scenario_id, body)
    return {**public_view(scenario, "custom"), "full": scenario.model_dump(mode="json")}


@router.delete("/{scenario_id}", status_code=status.HTTP_204_NO_CONTENT)
async def archive_scenario(
    scenario_id: Key, manager: ManagerUser, db: SessionDep, container: ContainerDep
) -> Response:
    await _service(db, container).archive(manager, scenario_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
