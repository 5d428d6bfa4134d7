"""The analytics service on real role-plays, on SQLite and PostgreSQL: figures, scopes, roles."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from statistics import fmean
from typing import Any

import httpx
import pytest

from app.accounts.service import Principal, authenticate
from app.analytics.schemas import Prices
from app.analytics.service import AnalyticsService
from app.errors import Forbidden, NotFound
from tests.analytics.helpers import effective_score, history
from tests.roleplay.test_sessions_api import EN_SCENARIO, ZH_SCENARIO


async def principal(app: Any, headers: dict[str, str]) -> Principal:
    token = headers["Authorization"].removeprefix("Bearer ")
    async with app.state.container.read() as conn:
        return await authenticate(conn, token)


@asynccontextmanager
async def service(app: Any, headers: dict[str, str]) -> AsyncIterator[AnalyticsService]:
    """The service as a page builds it: one unit of work, the signed-in viewer."""
    container = app.state.container
    viewer = await principal(app, headers)
    async with container.unit_of_work() as db:
        yield AnalyticsService(db, viewer, container.builtin_scenarios)


async def test_figures_from_played_sessions(
    app: Any, client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict, manager: dict
) -> None:
    h = await history(client, trainee, trainee2, coach, manager)
    t1 = h["t1"]["id"]
    async with service(app, manager) as svc:
        heat = await svc.heatmap(None)
        row = next(r for r in heat.rows if r.person.id == t1)
        for dim in ("questioning", "objection_handling", "needs_discovery"):
            values = [effective_score(h, s, dim) for s in h["by_user"][t1]]
            scored = [v for v in values if v is not None]
            assert row.cells[dim].count == len(scored)
            assert row.cells[dim].average == (round(fmean(scored), 1) if scored else None)

        _, tr = await svc.trend(None, t1, None)
        assert tr is not None
        assert tr.scenario is not None
        assert tr.scenario.scenario_id == ZH_SCENARIO  # two MES sessions, one fleet
        assert [p.session_id for p in tr.points] == h["zh"]
        assert tr.points[0].scores["questioning"] == 91  # the override, not the scorer
        assert tr.points[1].same_day == 2  # both played today
        _, en = await svc.trend(None, t1, EN_SCENARIO)
        assert en is not None
        assert [p.session_id for p in en.points] == h["en"]

        spreads = await svc.distribution(None, "overall")
        mes = next(s for s in spreads if s.scenario.scenario_id == ZH_SCENARIO)
        assert mes.count == 3
        assert sum(mes.bins) == 3

        done = await svc.completion(None)
        work = next(c for c in done if c.assignment_id == h["assignment"]["id"])
        assert (work.assigned, work.started, work.completed, work.overdue) == (2, 1, 0, 0)
        assert work.not_started == 1
        assert work.in_progress == 1

        usage = await svc.usage(None, Prices(2.0, 8.0))
        sessions = {u.session.session_id for u in usage.sessions}
        assert set(h["sessions"]) <= sessions
        assert all(u.tokens.total == 0 for u in usage.sessions)  # the offline buyer and judge


async def test_coach_scope_and_roles(
    app: Any, client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict, manager: dict
) -> None:
    h = await history(client, trainee, trainee2, coach, manager)
    async with service(app, coach) as svc:
        heat = await svc.heatmap(h["team"]["id"])
        assert {r.person.id for r in heat.rows} == {h["t1"]["id"], h["t2"]["id"]}
        with pytest.raises(Forbidden):
            await svc.usage(None, Prices(0, 0))  # usage and cost is for managers
        with pytest.raises(NotFound):
            await svc.trend(None, 99999, None)
        with pytest.raises(NotFound):
            await svc.heatmap(99999)
    async with service(app, trainee) as svc:
        with pytest.raises(Forbidden):
            await svc.heatmap(None)
