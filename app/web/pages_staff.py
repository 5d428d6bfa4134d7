"""Pages for coaches and managers: review queue, dashboard, scenarios, teams, assignments."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from app.accounts.service import Principal
from app.container import ContainerDep
from app.deps import CurrentUser
from app.inputs import INT32_MAX, Id, Key, PlainText
from app.reviews.queue import sort_column
from app.reviews.schemas import QueueFilter, QueueOrder, QueueQuery, QueueSort
from app.scenarios.schema import Scenario
from app.scoring.schema import DIMENSIONS
from app.web import scorecard_view, views_staff
from app.web.i18n import request_lang
from app.web.pageroute import PageRoute
from app.web.render import render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

SORTS: tuple[QueueSort, ...] = get_args(QueueSort)
FILTERS: tuple[QueueFilter, ...] = get_args(QueueFilter)
ORDERS: tuple[QueueOrder, ...] = get_args(QueueOrder)
Lenient = Annotated[str, Query(), PlainText(max_length=40)]


Choice = TypeVar("Choice", bound=str)


def _choose(value: str, options: tuple[Choice, ...], default: Choice) -> Choice:
    return next((o for o in options if o == value), default)


def _number(raw: str) -> int | None:
    """A positive number an INTEGER column can hold, or None (these filters are lenient)."""
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if 1 <= value <= INT32_MAX else None


def _team(raw: str) -> int | None:
    return _number(raw)


STATUSES: tuple[QueueFilter, ...] = ("unreviewed", "disputed", "reviewed", "all")
# Table columns that sort, in the order they appear: who, how they did, on what, when (the
# scores come early so a phone shows them without scrolling the table sideways).
SORT_COLUMNS: tuple[QueueSort, ...] = ("trainee", "overall", *DIMENSIONS, "scenario", "date")


def _queue_url(params: dict[str, Any], **changes: Any) -> str:
    """/reviews with these filters and this order; defaults left out so links stay short."""
    merged = {**params, **changes}
    shown = {
        k: v
        for k, v in merged.items()
        if k not in ("sort", "order", "filter", "page") and v not in (None, "", False)
    }
    if merged.get("filter", "unreviewed") != "unreviewed":
        shown["filter"] = merged["filter"]
    if (merged.get("sort", "date"), merged.get("order", "desc")) != ("date", "desc"):
        shown["sort"], shown["order"] = merged["sort"], merged["order"]
    if merged.get("page", 1) != 1:
        shown["page"] = merged["page"]
    return "/reviews" + ("?" + urlencode(shown) if shown else "")


@router.get("/reviews")
async def reviews(
    request: Request,
    user: CurrentUser,
    container: ContainerDep,
    sort: Lenient = "date",
    order: Lenient = "",
    filter: Lenient = "unreviewed",
    flagged: Lenient = "",
    team_id: Lenient = "",
    trainee: Lenient = "",
    scenario: Annotated[str, Query(), PlainText(max_length=100)] = "",
    page: Lenient = "1",
) -> Response:
    """The review queue: every filter and the order are query parameters (works without
    scripts; a link to it shows the same list)."""
    chosen_filter = _choose(filter, FILTERS, "unreviewed")
    only_flagged = flagged in ("1", "true", "on") or chosen_filter == "flagged"
    if chosen_filter == "flagged":
        chosen_filter = "all"
    query = QueueQuery(
        sort=_choose(sort, SORTS, "date"),
        order=_choose(order, ORDERS, "desc") if order in ORDERS else None,
        only=chosen_filter,
        flagged=only_flagged,
        team_id=_team(team_id),
        trainee_id=_number(trainee),
        scenario_id=scenario or None,
    )
    column, direction = sort_column(query)
    page_no = _number(page) or 1
    data = await views_staff.queue_page(container, user, query, page=page_no)
    params: dict[str, Any] = {
        "filter": chosen_filter,
        "flagged": "1" if only_flagged else "",
        "team_id": query.team_id,
        "trainee": query.trainee_id,
        "scenario": query.scenario_id,
        "sort": column,
        "order": direction,
    }

    def url(**changes: Any) -> str:
        return _queue_url(params, **changes)

    def sort_url(col: str) -> str:
        if col == column:
            return url(sort=col, order="asc" if direction == "desc" else "desc")
        natural = "desc" if col == "date" else "asc"
        return url(sort=col, order=natural)

    return render(
        request,
        "queue.html",
        user=user,
        filter=chosen_filter,
        flagged=only_flagged,
        team_id=query.team_id,
        trainee_id=query.trainee_id,
        scenario_id=query.scenario_id,
        sort=column,
        order=direction,
        statuses=STATUSES,
        columns=SORT_COLUMNS,
        dims=DIMENSIONS,
        url=url,
        sort_url=sort_url,
        **data,
    )


@router.get("/dashboard")
async def dashboard(
    request: Request, user: CurrentUser, container: ContainerDep, team_id: Lenient = ""
) -> Response:
    data = await views_staff.dashboard_page(container, user, _team(team_id))
    board = data["board"]
    page = {"trend": [p.model_dump(mode="json") for p in board.trend]}
    return render(
        request,
        "dashboard.html",
        user=user,
        team_id=_team(team_id),
        dims=DIMENSIONS,
        page_data=page,
        misses=scorecard_view.misses(board.common_misses, request_lang(request)),
        **data,
    )


@router.get("/scenarios")
async def scenarios(request: Request, user: CurrentUser, container: ContainerDep) -> Response:
    items = await views_staff.scenarios_page(container, user)
    return render(request, "scenarios.html", user=user, scenarios=items)


@router.get("/scenarios/new")
async def new_scenario(
    request: Request, user: CurrentUser, container: ContainerDep, copy: Lenient = ""
) -> Response:
    data = await views_staff.editor_data(container, user, None, copy or None, request_lang(request))
    return _editor(request, user, data, await views_staff.scenarios_page(container, user))


@router.get("/scenarios/{scenario_id}/edit")
async def edit_scenario(
    request: Request, scenario_id: Key, user: CurrentUser, container: ContainerDep
) -> Response:
    data = await views_staff.editor_data(container, user, scenario_id, None, request_lang(request))
    return _editor(request, user, data, [])


def _editor(
    request: Request, user: Principal, data: dict[str, Any], library: list[dict[str, Any]]
) -> Response:
    page = {"mode": data["mode"], "data": data["data"], "schema": Scenario.model_json_schema()}
    return render(request, "scenario_edit.html", user=user, page_data=page, library=library, **data)


@router.get("/teams")
async def teams(request: Request, user: CurrentUser, container: ContainerDep) -> Response:
    data = await views_staff.teams_page(container, user)
    return render(request, "teams.html", user=user, page_data={"teams": data["teams"]}, **data)


@router.get("/assignments")
async def assignments(request: Request, user: CurrentUser, container: ContainerDep) -> Response:
    data = await views_staff.assignments_page(container, user)
    return render(request, "assignments.html", user=user, **data)


@router.get("/assignments/{assignment_id}")
async def assignment(
    request: Request, assignment_id: Id, user: CurrentUser, container: ContainerDep
) -> Response:
    data = await views_staff.assignment_page(container, user, assignment_id)
    return render(request, "assignment.html", user=user, **data)
