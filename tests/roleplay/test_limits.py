"""Usage limits over HTTP: open role-plays per trainee, transcript imports per user an hour."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from tests.conftest import app_client, login, make_settings, running_app
from tests.roleplay.test_import_api import TRANSCRIPT

MES = "zh-mes-auto-parts"


@pytest.fixture
async def limited(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    settings = make_settings(database_url, max_active_sessions=3, imports_per_hour=2)
    async with running_app(settings) as app, app_client(app) as c:
        yield c


async def start(c: httpx.AsyncClient, h: dict[str, str]) -> httpx.Response:
    return await c.post("/api/sessions", json={"scenario_id": MES}, headers=h)


async def test_a_trainee_may_hold_only_so_many_open_sessions(
    limited: httpx.AsyncClient,
) -> None:
    h = await login(limited, "trainee1")
    ids = []
    for _ in range(3):
        r = await start(limited, h)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    refused = await start(limited, h)
    assert refused.status_code == 409
    assert refused.json()["error"] == "too_many_active_sessions"
    assert "limit is 3" in refused.json()["detail"]
    assert "COACH_MAX_ACTIVE_SESSIONS" in refused.json()["detail"]
    # Nothing was stored for the refused start.
    mine = (await limited.get("/api/sessions?status=active", headers=h)).json()
    assert mine["total"] == 3
    # Another trainee has their own allowance; ending one frees a place.
    assert (await start(limited, await login(limited, "trainee2"))).status_code == 201
    assert (await limited.post(f"/api/sessions/{ids[0]}/end", headers=h)).status_code == 200
    assert (await start(limited, h)).status_code == 201
    assert (await start(limited, h)).status_code == 409


async def test_concurrent_starts_do_not_pass_the_limit(limited: httpx.AsyncClient) -> None:
    h = await login(limited, "trainee1")
    answers = await asyncio.gather(*(start(limited, h) for _ in range(8)))
    assert sorted(r.status_code for r in answers) == [201] * 3 + [409] * 5
    mine = (await limited.get("/api/sessions?status=active", headers=h)).json()
    assert mine["total"] == 3


async def test_imports_are_limited_per_user_and_hour(limited: httpx.AsyncClient) -> None:
    coach = await login(limited, "coach1")
    for _ in range(2):
        r = await limited.post("/api/sessions/import", json=TRANSCRIPT, headers=coach)
        assert r.status_code == 201, r.text
    refused = await limited.post("/api/sessions/import", json=TRANSCRIPT, headers=coach)
    assert refused.status_code == 429
    assert refused.json()["error"] == "too_many_requests"
    assert "COACH_IMPORTS_PER_HOUR" in refused.json()["detail"]
    assert 3500 <= int(refused.headers["retry-after"]) <= 3601
    manager = await login(limited, "manager1")
    r = await limited.post("/api/sessions/import", json=TRANSCRIPT, headers=manager)
    assert r.status_code == 201


async def test_concurrent_imports_do_not_pass_the_limit(limited: httpx.AsyncClient) -> None:
    coach = await login(limited, "coach1")
    answers = await asyncio.gather(
        *(limited.post("/api/sessions/import", json=TRANSCRIPT, headers=coach) for _ in range(5))
    )
    assert sorted(r.status_code for r in answers) == [201, 201, 429, 429, 429]
    sessions = (await limited.get("/api/sessions", headers=coach)).json()["items"]
    assert len([s for s in sessions if s["source"] == "import"]) == 2
