"""Login, tokens, logout and roles."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import login


async def test_login_returns_token_and_role(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/auth/login", json={"username": "coach1", "password": "demo"})
    assert r.status_code == 200
    body = r.json()
    assert body["role"] == "coach"
    assert len(body["token"]) >= 32
    me = await client.get("/api/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200
    assert me.json()["username"] == "coach1"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"username": "trainee1", "password": "wrong"}, 401),
        ({"username": "nobody", "password": "demo"}, 401),
        ({"username": "trainee1"}, 422),
        ({"username": 5, "password": "demo"}, 422),
        ({"username": "trainee1", "password": "demo", "extra": 1}, 422),
    ],
)
async def test_bad_logins_are_4xx_with_a_json_error(
    client: httpx.AsyncClient, body: dict, status: int
) -> None:
    r = await client.post("/api/auth/login", json=body)
    assert r.status_code == status
    assert {"error", "detail"} <= set(r.json())


async def test_malformed_json_and_invalid_utf8(client: httpx.AsyncClient) -> None:
    r = await client.post(
        "/api/auth/login", content=b'{"username": ', headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 422
    assert "JSON" in r.json()["detail"]
    r = await client.post(
        "/api/auth/login",
        content=b'{"username": "\xff\xfe", "password": "x"}',
        headers={"Content-Type": "application/json"},
    )
    assert 400 <= r.status_code < 500


async def test_missing_and_bad_tokens(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/me")).status_code == 401
    assert (
        await client.get("/api/me", headers={"Authorization": "Bearer nope"})
    ).status_code == 401
    assert (await client.get("/api/me", headers={"Authorization": "Basic abc"})).status_code == 401
    r = await client.get("/api/sessions", headers={"Authorization": "Bearer "})
    assert r.status_code == 401
    assert r.json()["error"] == "unauthorized"


async def test_logout_revokes_the_token(client: httpx.AsyncClient) -> None:
    headers = await login(client, "trainee1")
    assert (await client.post("/api/auth/logout", headers=headers)).status_code == 204
    assert (await client.get("/api/me", headers=headers)).status_code == 401


async def test_only_managers_create_users(
    client: httpx.AsyncClient, trainee: dict, manager: dict
) -> None:
    body = {
        "username": "newbie",
        "display_name": "新人",
        "role": "trainee",
        "password": "orchard-lantern-42",
    }
    assert (await client.post("/api/users", json=body, headers=trainee)).status_code == 403
    r = await client.post("/api/users", json=body, headers=manager)
    assert r.status_code == 201
    assert (await client.post("/api/users", json=body, headers=manager)).status_code == 409
    await login(client, "newbie", "orchard-lantern-42")


async def test_demo_mode_users_exist(client: httpx.AsyncClient) -> None:
    roles = {"trainee1": "trainee", "trainee2": "trainee", "coach1": "coach", "manager1": "manager"}
    for name, role in roles.items():
        me = await client.get("/api/me", headers=await login(client, name))
        assert me.status_code == 200
        assert (me.json()["username"], me.json()["role"]) == (name, role)
