"""HTTP for the team dashboard (coaches and managers).

The URL stays under /api/reviews, where the dashboard was first served; the code lives in
app.analytics because the dashboard reads assignments as well as reviews.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.analytics import dashboard as team_dashboard
from app.analytics.dashboard_schemas import Dashboard
from app.container import ContainerDep
from app.deps import SessionDep, StaffUser
from app.inputs import Id

router = APIRouter(prefix="/api/reviews", tags=["reviews"])

TeamFilter = Annotated[Id | None, Query(description="one team; default: all you may see")]


@router.get("/dashboard", response_model=Dashboard)
async def dashboard(
    user: StaffUser, db: SessionDep, container: ContainerDep, team_id: TeamFilter = None
) -> Dashboard:
    return await team_dashboard.dashboard(db, user, team_id, container.builtin_scenarios)
