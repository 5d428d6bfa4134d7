"""The reply lease: short, renewed while a reply is produced, released at start-up on
SQLite; and no request waits on a busy session beyond the lease plus a margin.

A process that holds a lease elsewhere is played here by writing the session
row directly: a lease that stays put is a process that died mid-reply, one
renewed every moment is a live process producing a slow reply.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from app.config import Settings
from app.db.serving import DatabaseInUse
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.turns import BUSY_RETRY_AFTER_SECONDS, REPLY_WAIT_MARGIN_SECONDS
from tests.conftest import app_client, login, make_settings, running_app
from tests.support.fake_openai import Behaviour, FakeOpenAI
from tests.support.server_process import wait_for

MES = "zh-mes-auto-parts"
LEASE = 1.0
WAIT = LEASE + REPLY_WAIT_MARGIN_SECONDS
FIRST = "周总您好，想先了解一下，现在三个厂区的生产数据是怎么统计的？"
SECOND = "明白，这些数据出了错，最头疼的是哪个环节？"


def lease_settings(database_url: str, fake: FakeOpenAI | None = None) -> Settings:
    llm: dict[str, Any] = {}
    if fake is not None:
        llm = {
            "openai_base_url": fake.base_url,
            "openai_api_key": "sk-test-buyer",
            "llm_model": "buyer-model",
            "judge": "offline",
            "llm_timeout_seconds": 10,
            "llm_max_attempts": 1,
        }
    return make_settings(database_url, reply_lease_seconds=LEASE, **llm)


@pytest.fixture
async def app(database_url: str) -> AsyncIterator[Any]:
    async with running_app(lease_settings(database_url)) as application:
        yield application


async def start(c: httpx.AsyncClient, h: dict[str, str]) -> str:
    r = await c.post("/api/sessions", json={"scenario_id": MES, "seed": 1}, headers=h)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def left_mid_reply(app: Any, sid: str, text: str, key: str) -> None:
    """As if another process had stored the trainee turn `text` and taken the lease."""
    container = app.state.container
    now = datetime.now(UTC)
    async with container.connection() as conn:
        count = (
            await conn.execute(select(PracticeSession.turn_count).where(PracticeSession.id == sid))
        ).scalar_one()
        await conn.execute(
            Turn.__table__.insert().values(
                session_id=sid, index=count, role="trainee", text=text, idempotency_key=key, meta={}
            )
        )
        await conn.execute(
            update(PracticeSession)
            .where(PracticeSession.id == sid)
            .values(turn_count=count + 1, reply_token="elsewhere", reply_started_at=now)
        )


async def renew_as_elsewhere(app: Any, sid: str) -> None:
    async with app.state.container.connection() as conn:
        await conn.execute(
            update(PracticeSession)
            .where(PracticeSession.id == sid, PracticeSession.reply_token == "elsewhere")
            .values(reply_started_at=datetime.now(UTC))
        )


async def lease_of(app: Any, sid: str) -> tuple[str | None, datetime | None]:
    async with app.state.container.read() as conn:
        row = (
            await conn.execute(
                select(PracticeSession.reply_token, PracticeSession.reply_started_at).where(
                    PracticeSession.id == sid
                )
            )
        ).one()
    return row[0], row[1]


async def post(c: httpx.AsyncClient, h: dict[str, str], sid: str, text: str, key: str | None):  # type: ignore[no-untyped-def]
    headers = {**h, "Idempotency-Key": key} if key else h
    t0 = time.monotonic()
    r = await c.post(f"/api/sessions/{sid}/messages", json={"text": text}, headers=headers)
    return r, time.monotonic() - t0


async def test_a_live_reply_elsewhere_gets_a_503_then_a_dead_ones_lease_lapses(app: Any) -> None:
    async with app_client(app) as c:
        h = await login(c, "trainee1")
        sid = await start(c, h)
        await left_mid_reply(app, sid, FIRST, "k1")

        # Live elsewhere (renewed all along): the retry is told to come back, in bounded time.
        async def keep_renewing() -> None:
            while True:
                await renew_as_elsewhere(app, sid)
                await asyncio.sleep(0.1)

        renewer = asyncio.create_task(keep_renewing())
        try:
            r, took = await post(c, h, sid, FIRST, "k1")
        finally:
            renewer.cancel()
        assert r.status_code == 503, r.text
        assert r.json()["error"] == "reply_in_progress"
        assert "nothing was changed" in r.json()["detail"]
        assert 1 <= int(r.headers["Retry-After"]) <= LEASE + 1
        assert WAIT - 0.3 < took < WAIT + 1.5
        # The process died: nobody renews, so the lease lapses within one lease. A 200
        # (not the 503 the wait ends in) shows it lapsed inside the wait; the time bound
        # only catches a hang, since it also holds the buyer's reply on a busy host.
        r, took = await post(c, h, sid, FIRST, "k1")
        assert r.status_code == 200, r.text
        assert took < WAIT + 1.0
        assert (r.json()["message"]["index"], r.json()["reply"]["index"]) == (1, 2)
        turns = (await c.get(f"/api/sessions/{sid}", headers=h)).json()["turns"]
        assert [t["role"] for t in turns] == ["buyer", "trainee", "buyer"]
        assert await lease_of(app, sid) == (None, None)


async def test_a_slow_reply_keeps_its_lease_and_a_second_request_is_answered_503(
    database_url: str, fake: FakeOpenAI
) -> None:
    fake.script(Behaviour(first_token_delay=WAIT + 1.0))
    async with running_app(lease_settings(database_url, fake)) as app, app_client(app) as c:
        h = await login(c, "trainee1")
        sid = await start(c, h)
        slow = asyncio.create_task(post(c, h, sid, FIRST, "k1"))
        await wait_for(lambda: bool(fake.chat_requests), 10, "the reply to be under way")
        other = asyncio.create_task(post(c, h, sid, SECOND, None))
        # Past the lease, the reply is still in progress and its lease still fresh.
        renewed = []
        for _ in range(3):
            await asyncio.sleep(LEASE * 0.9)
            token, at = await lease_of(app, sid)
            assert token is not None
            assert at is not None
            renewed.append((datetime.now(UTC) - at).total_seconds())
        assert max(renewed) < LEASE, renewed
        # The other request waited on the session in this process, then gave up.
        r, took = await other
        assert r.status_code == 503, r.text
        assert r.json()["error"] == "reply_in_progress"
        assert r.headers["Retry-After"] == str(int(BUSY_RETRY_AFTER_SECONDS))
        assert took < WAIT + 1.0
        r, _ = await slow
        assert r.status_code == 200, r.text
        again, _ = await post(c, h, sid, FIRST, "k1")
        assert again.json() == r.json()
    assert len(fake.chat_requests) == 1  # the retry replayed the stored reply


async def test_sqlite_releases_a_dead_runs_leases_at_start_up(database_url: str) -> None:
    """A restart on SQLite answers at once; on PostgreSQL the lease lapses instead
    (other live processes may hold leases, so start-up leaves them alone)."""
    settings = lease_settings(database_url).model_copy(update={"reply_lease_seconds": 60})
    async with running_app(settings) as app, app_client(app) as c:
        h = await login(c, "trainee1")
        sid = await start(c, h)
        await left_mid_reply(app, sid, FIRST, "k1")
    async with running_app(settings) as app, app_client(app) as c:
        h = await login(c, "trainee1")
        token, _ = await lease_of(app, sid)
        if app.state.container.engine.dialect.name == "sqlite":
            assert token is None
            t0 = time.monotonic()
            r = await c.post(f"/api/sessions/{sid}/reply", headers=h)
            assert r.status_code == 200, r.text
            assert time.monotonic() - t0 < 1.0
        else:
            assert token == "elsewhere"


async def test_one_server_per_sqlite_file(sqlite_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    shutil.copyfile(sqlite_template, path)
    settings = lease_settings(f"sqlite+aiosqlite:///{path}")
    async with running_app(settings):
        with pytest.raises(DatabaseInUse, match="SQLite is served by one process"):
            async with running_app(settings):
                pass
    async with running_app(settings) as app, app_client(app) as c:  # free again
        assert (await c.get("/healthz")).status_code == 200
