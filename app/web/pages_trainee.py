"""Pages a trainee lives in: home (assignments, library), the role-play, the report, history."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from app.accounts.models import Role
from app.accounts.service import Principal, require_role
from app.container import Container, ContainerDep
from app.deps import CurrentUser
from app.inputs import Id, Key
from app.scoring.schema import DIMENSIONS
from app.web import scorecard_view, views
from app.web.i18n import request_lang
from app.web.pageroute import PageRoute
from app.web.render import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/")
async def home(request: Request, user: CurrentUser, container: ContainerDep) -> Response:
    if user.role is Role.coach:
        return RedirectResponse("/reviews", status_code=303)
    if user.role is Role.manager:
        return RedirectResponse("/dashboard", status_code=303)
    data = await views.trainee_home(container, user)
    return render(request, "home.html", user=user, **data)


@router.get("/sessions/{session_id}")
async def session(
    request: Request, session_id: Key, user: CurrentUser, container: ContainerDep
) -> Response:
    data = await views.session_page(container, user, session_id)
    s = data["s"]
    if data["can_play"]:
        last = data["turns"][-1] if data["turns"] else None
        page = {
            "session_id": s.id,
            "buyer_name": (data["scenario"] or {}).get("buyer", {}).get("name", ""),
            "pending": bool(last is not None and last.role == "trainee"),
            "buyer_ended": data["buyer_ended"],
            "max_chars": container.settings.max_message_chars,
        }
        return render(request, "chat.html", user=user, page_data=page, **data)
    page = {
        "session_id": s.id,
        "can_review": data["can_review"],
        "can_comment": data["can_comment"],
        "can_dispute": data["can_dispute"],
    }
    lang = request_lang(request)
    coaching = (data["card"] or {}).get("coaching") or []
    return render(
        request,
        "report.html",
        user=user,
        page_data=page,
        dims=DIMENSIONS,
        coaching=scorecard_view.coaching_lines(coaching, lang),
        practise=scorecard_view.practise_next(coaching, lang),
        bars=scorecard_view.dimension_bars(data["review"], DIMENSIONS, lang)
        if data["card"]
        else [],
        **data,
    )


@router.get("/history")
async def history(request: Request, user: CurrentUser, container: ContainerDep) -> Response:
    return await _history(request, user, container, user.id, mine=True)


@router.get("/trainees/{user_id}")
async def trainee_history(
    request: Request, user_id: Id, user: CurrentUser, container: ContainerDep
) -> Response:
    require_role(user, Role.coach, Role.manager)
    return await _history(request, user, container, user_id, mine=False)


async def _history(
    request: Request, user: Principal, container: Container, user_id: int, *, mine: bool
) -> Response:
    data = await views.history_page(container, user, user_id)
    return render(
        request,
        "history.html",
        user=user,
        page_data={"points": data["points"]},
        dims=DIMENSIONS,
        mine=mine,
        **data,
    )
