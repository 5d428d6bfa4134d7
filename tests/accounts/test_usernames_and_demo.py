"""Usernames are unique and matched whatever their case (migration 0005 included);
demo accounts exist only in demo mode."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.db.engine import make_engine
from app.db.migrate import alembic_config, upgrade_to_head
from tests.conftest import (
    BACKENDS,
    _pg_admin,
    _pg_url,
    app_client,
    login,
    make_settings,
    running_app,
)

STRONG = "harbour-lantern-oxide"


async def test_usernames_differing_only_in_case_are_one(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    body = {"username": "Manager1", "display_name": "Twin", "role": "manager", "password": STRONG}
    r = await client.post("/api/users", json=body, headers=manager)
    assert r.status_code == 409
    assert "not case-sensitive" in r.json()["detail"]

    body = {**body, "username": "NewBie", "role": "trainee"}
    assert (await client.post("/api/users", json=body, headers=manager)).status_code == 201
    for typed in ("newbie", "NEWBIE", " NewBie "):
        me = await client.get("/api/me", headers=await login(client, typed, STRONG))
        assert me.json()["username"] == "NewBie"
    assert (
        await client.post("/api/users", json={**body, "username": "nEwBiE"}, headers=manager)
    ).status_code == 409


@pytest.fixture(params=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
        return
    name = f"coach_m_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(name)
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_migration_0005_keeps_the_oldest_name_and_flags_demo_users(
    empty_database_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    engine = make_engine(empty_database_url)
    try:
        async with engine.connect() as conn:

            def to_0004(sync_conn: object) -> None:
                cfg = alembic_config("")
                cfg.attributes["connection"] = sync_conn
                command.upgrade(cfg, "0004")

            await conn.run_sync(to_0004)
            await conn.execute(
                text(
                    "INSERT INTO organizations (id, name, created_at) VALUES (1, 'Org', CURRENT_TIMESTAMP)"
                )
            )
            for uid, name, display in [
                (1, "manager1", "Manager One / 经理一"),  # seeded by an old --demo start
                (2, "Manager1", "A real person"),
                (3, "MANAGER1", "Another one"),
                (4, "coach1", "Our own coach"),  # a real account that has a demo name
            ]:
                await conn.execute(
                    text(
                        "INSERT INTO users (id, org_id, username, display_name, role, password_hash, is_active, created_at)"
                        " VALUES (:id, 1, :u, :d, 'manager', 'x', true, CURRENT_TIMESTAMP)"
                    ),
                    {"id": uid, "u": name, "d": display},
                )
            await conn.commit()
        await upgrade_to_head(engine)
        async with engine.connect() as conn:
            rows = (
                await conn.execute(text("SELECT id, username, is_demo FROM users ORDER BY id"))
            ).all()
            assert [tuple(r) for r in rows] == [
                (1, "manager1", True),
                (2, "Manager1.2", False),
                (3, "MANAGER1.3", False),
                (4, "coach1", False),
            ]
            with pytest.raises(IntegrityError):
                await conn.execute(
                    text(
                        "INSERT INTO users (org_id, username, display_name, role, password_hash, is_active, is_demo, created_at)"
                        " VALUES (1, 'COACH1', 'x', 'trainee', 'x', true, false, CURRENT_TIMESTAMP)"
                    )
                )
    finally:
        await engine.dispose()
    assert "'Manager1' is now 'Manager1.2'" in capfd.readouterr().err


async def test_demo_accounts_are_disabled_by_a_start_without_demo_mode(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    async with running_app(make_settings(database_url)) as app, app_client(app) as c:
        kept = await login(c, "manager1")
    capsys.readouterr()

    async with running_app(make_settings(database_url, demo=False)) as app, app_client(app) as c:
        err = capsys.readouterr().err
        assert (
            "Demo mode is off: disabled the demo accounts trainee1, trainee2, coach1, manager1"
            in err
        )
        for name in ("trainee1", "trainee2", "coach1", "manager1"):
            r = await c.post("/api/auth/login", json={"username": name, "password": "demo"})
            assert r.status_code == 401
        assert (await c.get("/api/me", headers=kept)).status_code == 401
        # Someone can still run the organisation: a manager with a one-time password.
        found = re.search(r"Created manager 'admin' with password (\S+) \(shown only now\)", err)
        assert found is not None
        admin = await login(c, "admin", found.group(1))
        users = {
            u["username"]: u["is_active"] for u in (await c.get("/api/users", headers=admin)).json()
        }
        assert users["manager1"] is False

    async with running_app(make_settings(database_url, demo=False)) as app:
        assert capsys.readouterr().err == ""  # said once; admin exists now

    async with running_app(make_settings(database_url)) as app, app_client(app) as c:
        await login(c, "manager1")  # demo mode brings them back
        assert (await c.get("/api/me", headers=kept)).status_code == 401  # old sessions stay ended
