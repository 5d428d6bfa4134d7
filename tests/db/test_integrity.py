"""Concurrent creates of one name: one 201, every other a 409, on SQLite and PostgreSQL.

The services check for a duplicate before they insert, but concurrent requests
all pass that check on PostgreSQL; the unique index then refuses all but one
(app/db/integrity.py turns that into the 409 the check would have given).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import psycopg

from tests.conftest import app_client

RACERS = 10


@asynccontextmanager
async def _inserts_held(database_url: str, table: str) -> AsyncIterator[None]:
    """On PostgreSQL, hold every INSERT into `table` until all racers have passed the
    service's duplicate check and wait at their insert: the race happens every run."""
    if not database_url.startswith("postgresql"):
        yield  # SQLite: one writer at a time, the check sees the winner's row
        return
    dsn = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    async with await psycopg.AsyncConnection.connect(dsn) as conn:
        await conn.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")  # reads go on
        yield
        for _ in range(200):  # all racers queued behind the lock, or 10 s
            async with await psycopg.AsyncConnection.connect(dsn, autocommit=True) as probe:
                cur = await probe.execute(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = %s::regclass",
                    (table,),
                )
                row = await cur.fetchone()
            if row is not None and row[0] >= RACERS:
                break
            await asyncio.sleep(0.05)
        await conn.rollback()


async def _race(
    app: Any, database_url: str, table: str, headers: dict, url: str, body: dict
) -> list[httpx.Response]:
    # One client each, as separate callers would be; all start together.
    async def one() -> httpx.Response:
        async with app_client(app) as c:
            return await c.post(url, json=body, headers=headers)

    async with _inserts_held(database_url, table):
        tasks = [asyncio.create_task(one()) for _ in range(RACERS)]
        await asyncio.sleep(0)
    return await asyncio.gather(*tasks)


def _one_created(responses: list[httpx.Response]) -> None:
    assert Counter(r.status_code for r in responses) == {201: 1, 409: RACERS - 1}, [
        (r.status_code, r.text[:200]) for r in responses
    ]
    for r in responses:
        assert r.headers["content-type"].startswith("application/json")
        if r.status_code == 409:
            assert r.json()["error"] == "conflict"
            assert r.json()["detail"]


async def test_concurrent_users_with_one_username(
    app: Any, database_url: str, client: httpx.AsyncClient, manager: dict
) -> None:
    body = {
        "username": "racer",
        "display_name": "Racer",
        "role": "trainee",
        "password": "orchard-lantern-42",
    }
    _one_created(await _race(app, database_url, "users", manager, "/api/users", body))
    users = (await client.get("/api/users", headers=manager)).json()
    assert [u["username"] for u in users].count("racer") == 1


async def test_concurrent_teams_with_one_name(
    app: Any, database_url: str, client: httpx.AsyncClient, manager: dict
) -> None:
    body = {"name": "Key accounts"}
    _one_created(await _race(app, database_url, "teams", manager, "/api/teams", body))
    teams = (await client.get("/api/teams", headers=manager)).json()
    assert [t["name"] for t in teams].count("Key accounts") == 1


async def test_concurrent_scenarios_with_one_id(
    app: Any, database_url: str, client: httpx.AsyncClient, manager: dict
) -> None:
    builtin = (await client.get("/api/scenarios/zh-mes-auto-parts", headers=manager)).json()
    body = {**builtin["full"], "id": "raced-copy"}
    _one_created(await _race(app, database_url, "scenarios", manager, "/api/scenarios", body))
    listed = (await client.get("/api/scenarios", headers=manager)).json()
    assert [s["id"] for s in listed].count("raced-copy") == 1
