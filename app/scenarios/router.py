"""HTTP for the scenario library."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request, Response, status

from app.deps import CurrentUser, ManagerUser, SessionDep
from app.inputs import Key
from app.scenarios.schema import Scenario
from app.scenarios.schemas import ScenarioDetail, ScenarioRead
from app.scenarios.service import ScenarioService, public_view

router = APIRouter(prefix="/api/scenarios", tags=["scenarios"])


async def get_builtin(request: Request) -> dict[str, Scenario]:
    """The built-in scenarios the lifespan loaded, from the app's container (read, not
    imported: the container holds what sits above this package)."""
    builtin: dict[str, Scenario] = request.app.state.container.builtin_scenarios
    return builtin


BuiltinDep = Annotated[dict[str, Scenario], Depends(get_builtin)]


def _service(db: SessionDep, builtin: dict[str, Scenario]) -> ScenarioService:
    return ScenarioService(db, builtin)


def _read(scenario: Scenario, source: str) -> ScenarioRead:
    return ScenarioRead.model_validate(public_view(scenario, source))


def _detail(scenario: Scenario, source: str, *, full: bool) -> ScenarioDetail:
    return ScenarioDetail.model_validate(
        {**public_view(scenario, source), "full": scenario if full else None}
    )


@router.get("", response_model=list[ScenarioRead])
async def list_scenarios(
    user: CurrentUser, db: SessionDep, builtin: BuiltinDep
) -> list[ScenarioRead]:
    return [_read(s, source) for s, source in await _service(db, builtin).list(user)]


@router.get("/{scenario_id}", response_model=ScenarioDetail)
async def get_scenario(
    scenario_id: Key, user: CurrentUser, db: SessionDep, builtin: BuiltinDep
) -> ScenarioDetail:
    """Trainees and coaches get the public brief; managers also get the hidden one."""
    svc = _service(db, builtin)
    scenario, source = await svc.get(user, scenario_id)
    return _detail(scenario, source, full=svc.can_see_brief(user))


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ScenarioDetail)
async def create_scenario(
    manager: ManagerUser,
    db: SessionDep,
    builtin: BuiltinDep,
    body: dict[str, Any] = Body(...),
) -> ScenarioDetail:
    scenario = await _service(db, builtin).create(manager, body)
    return _detail(scenario, "custom", full=True)


@router.put("/{scenario_id}", response_model=ScenarioDetail)
async def update_scenario(
    scenario_id: Key,
    manager: ManagerUser,
    db: SessionDep,
    builtin: BuiltinDep,
    body: dict[str, Any] = Body(...),
) -> ScenarioDetail:
    scenario = await _service(db, builtin).update(manager, scenario_id, body)
    return _detail(scenario, "custom", full=True)


@router.delete("/{scenario_id}", status_code=status.HTTP_204_NO_CONTENT)
async def archive_scenario(
    scenario_id: Key, manager: ManagerUser, db: SessionDep, builtin: BuiltinDep
) -> Response:
    await _service(db, builtin).archive(manager, scenario_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
