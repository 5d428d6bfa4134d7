"""Demo mode's history (app/demo): seeded once per database, by simulated trainees
playing the real offline buyer, scored by the real scorer; never outside demo mode."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg
import pytest
from sqlalchemy import func, select

from app.assignments.models import Assignment
from app.demo.models import DemoHistory
from app.demo.plan import plan
from app.reviews.models import ScoreDispute, ScoreOverride, SessionComment, SessionReview
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.repository import RoleplayRepository
from app.roleplay.service import RoleplayService
from app.scenarios.catalog import load_builtin
from tests.conftest import PG_OK, _pg_admin, _pg_url, app_client, login, make_settings, running_app
from tests.support.server_process import ServerProcess
from tests.web.helpers import web_login


async def _count(app: Any, model: Any, *where: Any) -> int:
    async with app.state.container.unit_of_work() as db:
        stmt = select(func.count()).select_from(model)
        for w in where:
            stmt = stmt.where(w)
        return int((await db.execute(stmt)).scalar_one())


async def _sessions(c: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    r = await c.get("/api/sessions", params={"limit": 200}, headers=headers)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def test_demo_mode_seeds_a_true_history_once(database_url: str) -> None:
    settings = make_settings(database_url, demo_history=True)
    async with running_app(settings) as app, app_client(app) as c:
        assert app.state.container.demo_history  # the pages show the demo banner
        manager = await login(c, "manager1")
        sessions = await _sessions(c, manager)
        now = datetime.now(UTC)
        # Several trainees, both teams, scenarios in both languages, weeks of history.
        assert len(sessions) >= 30
        assert all(s["is_demo"] and s["status"] == "ended" for s in sessions)
        owners = {s["owner"]["username"] for s in sessions}
        assert {"trainee1", "trainee2"} <= owners
        assert len(owners) >= 6
        assert len({s["scenario_id"] for s in sessions}) >= 5
        assert {s["language"] for s in sessions} == {"zh", "en"}
        started = sorted(datetime.fromisoformat(s["created_at"]) for s in sessions)
        assert started[-1] < now
        assert started[-1] - started[0] > timedelta(weeks=4)
        overall = [s["overall"] for s in sessions]
        assert min(overall) < 30
        assert max(overall) > 80
        for s in sessions:
            assert datetime.fromisoformat(s["ended_at"]) > datetime.fromisoformat(s["created_at"])

        # Every scorecard is the real scorer's: scoring the stored transcript again gives it.
        container = app.state.container
        for s in sessions[:: max(1, len(sessions) // 6)]:
            async with container.unit_of_work() as db:
                repo = RoleplayRepository(db)
                row = await repo.session(s["id"])
                turns = list(await repo.turns(s["id"]))
                assert row is not None
                rescored = await RoleplayService(container, db).score(row, turns)
            assert row.scorecard is not None
            assert row.scorecard["scorer"] == "rubric"
            assert rescored == row.scorecard
            assert all(row.created_at <= t.created_at <= row.ended_at for t in turns)  # type: ignore[operator]
            assert [t.role for t in turns[:3]] == ["buyer", "trainee", "buyer"]

        # The coach's work and the trainees' disputes, dated after the sessions they are on.
        assert await _count(app, SessionReview) >= 10
        assert await _count(app, SessionComment) >= 5
        assert await _count(app, ScoreOverride) >= 2
        assert await _count(app, ScoreDispute, ScoreDispute.status == "open") >= 1
        assert await _count(app, ScoreDispute, ScoreDispute.status == "resolved") >= 1
        async with container.unit_of_work() as db:
            reviewed = (
                await db.execute(
                    select(SessionReview.reviewed_at, PracticeSession.ended_at).join(
                        PracticeSession, PracticeSession.id == SessionReview.session_id
                    )
                )
            ).all()
        assert all(ended < at < now for at, ended in reviewed)

        coach = await login(c, "coach1")
        queue = (await c.get("/api/reviews/queue", headers=coach)).json()["items"]
        assert any(item["open_disputes"] for item in queue)
        assert any(not item["reviewed"] for item in queue)  # the last week waits for review

        # The manager's assignments: one past due, done by some and not by others.
        assignments = (await c.get("/api/assignments", headers=manager)).json()
        past = [a for a in assignments if datetime.fromisoformat(a["due_at"]) < now]
        assert len(past) == 1
        assert past[0]["completed"] >= 1
        assert past[0]["overdue"] >= 1
        statuses = {p["status"] for a in assignments for p in a["progress"]}
        assert {"completed", "overdue", "in_progress", "not_started"} <= statuses

        # The new trainees sign in with the demo password; the pages carry the demo banner.
        await login(c, "trainee3")
        await web_login(c, "manager1")
        page = await c.get("/dashboard")
        assert 'class="demo-banner"' in page.text
        total = len(sessions)
        marker = await _count(app, DemoHistory, DemoHistory.finished_at.is_not(None))
        assert marker == 1

    # A second start finds the marker and adds nothing.
    async with running_app(settings) as app, app_client(app) as c:
        assert len(await _sessions(c, await login(c, "manager1"))) == total
        assert await _count(app, DemoHistory) == 1
        assert await _count(app, Assignment) == 3


@pytest.mark.parametrize("overrides", [{"demo": False, "demo_history": True}, {}])
async def test_no_history_outside_demo_mode_or_without_the_setting(
    database_url: str, overrides: dict[str, Any]
) -> None:
    async with running_app(make_settings(database_url, **overrides)) as app:
        assert await _count(app, PracticeSession) == 0
        assert await _count(app, Turn) == 0
        assert await _count(app, Assignment) == 0
        assert await _count(app, DemoHistory) == 0
        assert not app.state.container.demo_history


async def test_a_seeding_that_died_half_way_is_done_again(database_url: str) -> None:
    settings = make_settings(database_url, demo_history=True)
    async with running_app(settings) as app:
        total = await _count(app, PracticeSession)
        async with app.state.container.unit_of_work() as db:
            marker = (await db.execute(select(DemoHistory))).scalar_one()
            marker.finished_at = None  # as if the process died before the end
    async with running_app(settings) as app:
        assert await _count(app, PracticeSession) == total
        assert await _count(app, Assignment) == 3
        assert await _count(app, DemoHistory, DemoHistory.finished_at.is_not(None)) == 1


def test_serve_demo_turns_the_history_on_unless_the_environment_says(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    import app.main
    from app.cli import main

    seen: list[Any] = []
    monkeypatch.setattr(app.main, "create_app", lambda settings, **kw: seen.append(settings))
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)
    monkeypatch.setenv("COACH_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'c.db'}")
    assert main(["serve"]) == 0
    assert main(["serve", "--demo"]) == 0
    monkeypatch.setenv("COACH_DEMO_HISTORY", "false")
    assert main(["serve", "--demo"]) == 0
    assert [(s.demo, s.demo_history) for s in seen] == [(False, False), (True, True), (True, False)]


@pytest.mark.skipif(not PG_OK, reason="no PostgreSQL")
async def test_servers_starting_together_on_postgresql_seed_it_once() -> None:
    """`coach serve --demo --workers 2` and another `coach serve --demo`, together on an
    empty database: three processes race through start-up, one history comes out."""
    name = f"coach_demo_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    servers = [
        ServerProcess(_pg_url(name), args=("--demo", "--quiet", "--workers", "2")),
        ServerProcess(_pg_url(name), args=("--demo", "--quiet")),
    ]
    try:
        for s in servers:
            s.start_timeout = 180
            s.spawn()
        for s in servers:
            s.wait_ready()
        async with httpx.AsyncClient(base_url=servers[1].url, timeout=30) as c:
            sessions = await _sessions(c, await login(c, "manager1"))
        planned, _ = plan(sorted(load_builtin()), datetime.now(UTC))
        assert len(sessions) == len(planned)
        with psycopg.connect(_pg_url(name).replace("+psycopg", "")) as conn:
            row = conn.execute("SELECT count(*), count(finished_at) FROM demo_history").fetchone()
        assert row == (1, 1)
    finally:
        for s in servers:
            s.kill()
            s.log.unlink(missing_ok=True)
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
