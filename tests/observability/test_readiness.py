"""/readyz: 200 while the database answers a trivial query, 503 JSON when it does not."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.db.engine import make_engine
from tests.conftest import PG_OK, _pg_admin

BROKEN = {
    # A file in a directory that does not exist; a port nothing listens on.
    "sqlite": "sqlite+aiosqlite:////nonexistent-coach-dir/coach.db",
    "postgresql": "postgresql+psycopg://coach:s3cret-pw@127.0.0.1:1/coach",
}


async def test_ready_while_the_database_answers(client: httpx.AsyncClient) -> None:
    r = await client.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ready"}
    assert (await client.get("/healthz")).json() == {"status": "ok"}


async def test_not_ready_when_the_database_is_unreachable(
    app: Any, client: httpx.AsyncClient, database_url: str
) -> None:
    container = app.state.container
    working = container.engine
    broken = make_engine(BROKEN[working.dialect.name])
    container.engine = broken  # the database the process talks to is gone
    try:
        r = await client.get("/readyz")
    finally:
        container.engine = working
        await broken.dispose()
    assert r.status_code == 503
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["error"] == "not_ready"
    assert body["detail"].startswith("The database does not answer")
    assert "s3cret" not in r.text
    assert "nonexistent" not in r.text
    # The process is still up; and once the database is back, it is ready again.
    assert (await client.get("/healthz")).status_code == 200
    assert (await client.get("/readyz")).status_code == 200


@pytest.mark.skipif(not PG_OK, reason="no PostgreSQL")
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_not_ready_when_the_postgresql_database_is_dropped(
    client: httpx.AsyncClient, database_url: str
) -> None:
    assert (await client.get("/readyz")).status_code == 200
    name = database_url.rsplit("/", 1)[1]
    _pg_admin(f'DROP DATABASE "{name}" WITH (FORCE)')
    r = await client.get("/readyz")
    assert r.status_code == 503
    assert r.json()["error"] == "not_ready"
