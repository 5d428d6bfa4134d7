"""The web app's routes, in one router for app.main to include."""

from __future__ import annotations

from fastapi import APIRouter

from app.web import auth, pages_account, pages_analytics, pages_staff, pages_trainee

router = APIRouter(include_in_schema=False)
router.include_router(auth.router)
router.include_router(pages_trainee.router)
router.include_router(pages_staff.router)
router.include_router(pages_analytics.router)
router.include_router(pages_account.router)
