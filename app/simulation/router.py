"""HTTP for the realism check of a scenario draft (the editor's "check" before saving)."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Body

from app.deps import ManagerUser
from app.simulation.draft import DraftCheck, check_draft

router = APIRouter(prefix="/api/scenarios", tags=["scenarios"])


@router.post("/check", response_model=DraftCheck)
async def check_scenario_draft(_: ManagerUser, body: Any = Body(...)) -> DraftCheck:
    """Play an unsaved scenario (the body `POST /api/scenarios` takes) with scripted trainees
    against the offline buyer and ask it its own example questions: does a consultative
    trainee earn the advance, and which items can't a question reach. Nothing is stored;
    an invalid draft answers 422 with its fields, as saving would."""
    return await asyncio.to_thread(check_draft, body)
