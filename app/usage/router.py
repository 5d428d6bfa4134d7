"""HTTP for usage and cost (managers)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import ManagerUser, SessionDep, SettingsDep
from app.inputs import Count, Id
from app.usage.schemas import SessionUsagePage, TraineeUsagePage
from app.usage.service import UsageService

router = APIRouter(prefix="/api/usage", tags=["usage"])


@router.get("/sessions", response_model=SessionUsagePage)
async def usage_by_session(
    manager: ManagerUser,
    db: SessionDep,
    settings: SettingsDep,
    user_id: Id | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[Count, Query()] = 0,
) -> SessionUsagePage:
    """Tokens and cost of each session (buyer turns and the judge), newest first."""
    return await UsageService(db, settings).sessions(
        manager.org_id, user_id=user_id, limit=limit, offset=offset
    )


@router.get("/trainees", response_model=TraineeUsagePage)
async def usage_by_trainee(
    manager: ManagerUser, db: SessionDep, settings: SettingsDep
) -> TraineeUsagePage:
    """Tokens and cost per trainee, over all their sessions."""
    return await UsageService(db, settings).trainees(manager.org_id)
