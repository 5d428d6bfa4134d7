"""Analytics pages for coaches and managers, and the usage and cost page for managers.

Each page has its CSV beside it (`….csv`, same filters, same role check). Routes stay thin:
the figures come from app.analytics.service, the chart geometry from app.web.analytics_charts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.responses import Response

from app.accounts.models import Role
from app.accounts.service import Principal, require_role
from app.analytics import export
from app.analytics.aggregate import METRICS
from app.analytics.schemas import Prices
from app.analytics.service import AnalyticsService
from app.container import Container, ContainerDep
from app.deps import CurrentUser
from app.inputs import INT32_MAX, PlainText
from app.scoring.schema import DIMENSIONS
from app.web import analytics_charts as charts
from app.web.i18n import Lang, request_lang, translate
from app.web.pageroute import PageRoute
from app.web.render import SECURITY_HEADERS, render
from app.web.views_staff import visible_teams

router = APIRouter(route_class=PageRoute, include_in_schema=False)

Lenient = Annotated[str, Query(), PlainText(max_length=100)]
USAGE_PAGE = 50


def _number(raw: str) -> int | None:
    """A positive id an INTEGER column can hold, or None (filters are lenient)."""
    if not (raw.isascii() and raw.isdigit()):
        return None
    value = int(raw)
    return value if 1 <= value <= INT32_MAX else None


def _metric(raw: str) -> str:
    return raw if raw in METRICS else "overall"


def _csv(body: bytes, name: str) -> Response:
    day = datetime.now(UTC).strftime("%Y%m%d")
    headers = {
        **SECURITY_HEADERS,
        "Content-Disposition": f'attachment; filename="{name}-{day}.csv"',
    }
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


def _labels(lang: Lang) -> export.Label:
    return lambda key: translate(lang, f"csv.{key}")


def _service(c: Container, db: AsyncSession, user: Principal) -> AnalyticsService:
    return AnalyticsService(db, user, c.builtin_scenarios)


def _query(**values: object) -> str:
    """The page's filters as a query string for its CSV link."""
    kept = {k: v for k, v in values.items() if v not in (None, "")}
    return f"?{urlencode(kept)}" if kept else ""


async def _page(
    request: Request, user: Principal, c: Container, template: str, tab: str, **data: Any
) -> Response:
    return render(
        request,
        template,
        user=user,
        tab=tab,
        dims=DIMENSIONS,
        teams=await visible_teams(c, user),
        **data,
    )


# --- heatmap ------------------------------------------------------------------------------


@router.get("/analytics")
async def heatmap(
    request: Request, user: CurrentUser, container: ContainerDep, team_id: Lenient = ""
) -> Response:
    team = _number(team_id)
    async with container.unit_of_work() as db:
        h = await _service(container, db, user).heatmap(team)
    return await _page(
        request,
        user,
        container,
        "analytics_heatmap.html",
        "heatmap",
        heat=h,
        team_id=team,
        csv_query=_query(team_id=team),
    )


@router.get("/analytics/heatmap.csv")
async def heatmap_csv(
    request: Request, user: CurrentUser, container: ContainerDep, team_id: Lenient = ""
) -> Response:
    async with container.unit_of_work() as db:
        h = await _service(container, db, user).heatmap(_number(team_id))
    return _csv(export.heatmap_csv(h, _labels(request_lang(request))), "heatmap")


# --- trends ----------------------------------------------------------------------------------


@router.get("/analytics/trends")
async def trends(
    request: Request,
    user: CurrentUser,
    container: ContainerDep,
    team_id: Lenient = "",
    trainee_id: Lenient = "",
    scenario_id: Lenient = "",
) -> Response:
    team = _number(team_id)
    async with container.unit_of_work() as db:
        people, tr = await _service(container, db, user).trend(
            team, _number(trainee_id), scenario_id or None
        )
    chart = charts.line_chart(tr.points) if tr is not None and tr.points else None
    query = _query(
        team_id=team,
        trainee_id=tr.person.id if tr else None,
        scenario_id=tr.scenario.scenario_id if tr and tr.scenario else None,
    )
    return await _page(
        request,
        user,
        container,
        "analytics_trends.html",
        "trends",
        people=people,
        trend=tr,
        chart=chart,
        series=charts.SERIES,
        team_id=team,
        csv_query=query,
    )


@router.get("/analytics/trends.csv")
async def trends_csv(
    request: Request,
    user: CurrentUser,
    container: ContainerDep,
    team_id: Lenient = "",
    trainee_id: Lenient = "",
    scenario_id: Lenient = "",
) -> Response:
    async with container.unit_of_work() as db:
        _, tr = await _service(container, db, user).trend(
            _number(team_id), _number(trainee_id), scenario_id or None
        )
    return _csv(export.trend_csv(tr, _labels(request_lang(request))), "trends")


# --- score distribution per scenario ---------------------------------------------------------------


@router.get("/analytics/scenarios")
async def distribution(
    request: Request,
    user: CurrentUser,
    container: ContainerDep,
    team_id: Lenient = "",
    metric: Lenient = "overall",
) -> Response:
    team, chosen = _number(team_id), _metric(metric)
    async with container.unit_of_work() as db:
        spreads = await _service(container, db, user).distribution(team, chosen)
    return await _page(
        request,
        user,
        container,
        "analytics_scenarios.html",
        "scenarios",
        spreads=spreads,
        box=charts.box_rows(spreads),
        metric=chosen,
        metrics=METRICS,
        team_id=team,
        csv_query=_query(team_id=team, metric=chosen),
    )


@router.get("/analytics/scenarios.csv")
async def distribution_csv(
    request: Request,
    user: CurrentUser,
    container: ContainerDep,
    team_id: Lenient = "",
    metric: Lenient = "overall",
) -> Response:
    chosen = _metric(metric)
    async with container.unit_of_work() as db:
        spreads = await _service(container, db, user).distribution(_number(team_id), chosen)
    lang = request_lang(request)
    body = export.distribution_csv(spreads, translate(lang, f"dim.{chosen}"), _labels(lang))
    return _csv(body, "scenario-scores")


# --- assignment completion ---------------------------------------------------------------------


@router.get("/analytics/assignments")
async def completion(
    request: Request, user: CurrentUser, container: ContainerDep, team_id: Lenient = ""
) -> Response:
    team = _number(team_id)
    async with container.unit_of_work() as db:
        items = await _service(container, db, user).completion(team)
    return await _page(
        request,
        user,
        container,
        "analytics_assignments.html",
        "assignments",
        work=items,
        bars=charts.completion_bars(items),
        statuses=charts.STATUSES,
        team_id=team,
        csv_query=_query(team_id=team),
    )


@router.get("/analytics/assignments.csv")
async def completion_csv(
    request: Request, user: CurrentUser, container: ContainerDep, team_id: Lenient = ""
) -> Response:
    async with container.unit_of_work() as db:
        items = await _service(container, db, user).completion(_number(team_id))
    return _csv(export.completion_csv(items, _labels(request_lang(request))), "assignments")


# --- usage and cost (managers) -------------------------------------------------------------------


def _prices(c: Container) -> Prices:
    return Prices(c.settings.price_input_per_mtok, c.settings.price_output_per_mtok)


@router.get("/usage")
async def usage(
    request: Request,
    user: CurrentUser,
    container: ContainerDep,
    team_id: Lenient = "",
    page: Lenient = "1",
) -> Response:
    require_role(user, Role.manager)
    team = _number(team_id)
    async with container.unit_of_work() as db:
        report = await _service(container, db, user).usage(team, _prices(container))
    pages = max(1, -(-len(report.sessions) // USAGE_PAGE))
    page_no = min(_number(page) or 1, pages)
    priced = bool(report.prices.input_per_mtok or report.prices.output_per_mtok)
    return await _page(
        request,
        user,
        container,
        "usage.html",
        "usage",
        report=report,
        priced=priced,
        bars=charts.usage_bars(report.trainees, priced),
        rows=report.sessions[(page_no - 1) * USAGE_PAGE : page_no * USAGE_PAGE],
        page=page_no,
        pages=pages,
        team_id=team,
        csv_query=_query(team_id=team),
    )


@router.get("/usage/trainees.csv")
async def usage_trainees_csv(
    request: Request, user: CurrentUser, container: ContainerDep, team_id: Lenient = ""
) -> Response:
    require_role(user, Role.manager)
    async with container.unit_of_work() as db:
        report = await _service(container, db, user).usage(_number(team_id), _prices(container))
    return _csv(export.usage_trainees_csv(report, _labels(request_lang(request))), "usage-trainees")


@router.get("/usage/sessions.csv")
async def usage_sessions_csv(
    request: Request, user: CurrentUser, container: ContainerDep, team_id: Lenient = ""
) -> Response:
    require_role(user, Role.manager)
    async with container.unit_of_work() as db:
        report = await _service(container, db, user).usage(_number(team_id), _prices(container))
    return _csv(export.usage_sessions_csv(report, _labels(request_lang(request))), "usage-sessions")
