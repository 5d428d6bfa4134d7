"""The password policy, changing and resetting passwords, deactivating users, revoking tokens."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import login

STRONG = "harbour-lantern-oxide"


async def user_id(client: httpx.AsyncClient, headers: dict[str, str], username: str) -> int:
    users = (await client.get("/api/users", headers=headers)).json()
    return next(u["id"] for u in users if u["username"] == username)


async def status_of(client: httpx.AsyncClient, headers: dict[str, str]) -> int:
    return (await client.get("/api/me", headers=headers)).status_code


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("boss2", "12345678"),
        ("boss2", " " * 8),
        ("manager2", "Manager2"),  # the username, capitalised
        ("boss2", "password1"),
        ("boss2", "qwertyuiop"),
        ("boss2", "woaini1314"),
        ("boss2", "Beijing2024"),
    ],
)
async def test_common_and_trivial_passwords_are_refused(
    client: httpx.AsyncClient, manager: dict[str, str], username: str, password: str
) -> None:
    body = {"username": username, "display_name": "Boss", "role": "manager", "password": password}
    r = await client.post("/api/users", json=body, headers=manager)
    assert r.status_code == 422, r.text
    err = r.json()
    assert err["error"] == "weak_password"
    assert err["detail"].startswith("password: this password is too easy to guess.")
    assert err["fields"][0]["loc"] == ["body", "password"]
    assert (
        await client.post("/api/auth/login", json={"username": username, "password": password})
    ).status_code == 401


async def test_a_hard_to_guess_password_is_accepted(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    body = {"username": "boss2", "display_name": "Boss", "role": "manager", "password": STRONG}
    assert (await client.post("/api/users", json=body, headers=manager)).status_code == 201
    await login(client, "boss2", STRONG)


async def test_changing_my_password_needs_the_current_one_and_ends_my_other_sessions(
    client: httpx.AsyncClient,
) -> None:
    here = await login(client, "trainee1")
    elsewhere = await login(client, "trainee1")
    url = "/api/me/password"
    wrong = await client.post(
        url, json={"current_password": "nope", "new_password": STRONG}, headers=here
    )
    assert wrong.status_code == 403
    assert wrong.json()["error"] == "wrong_password"
    weak = await client.post(
        url, json={"current_password": "demo", "new_password": "12345678"}, headers=here
    )
    assert weak.status_code == 422
    assert weak.json()["error"] == "weak_password"
    assert weak.json()["detail"].startswith("new_password:")
    assert await status_of(client, elsewhere) == 200  # nothing changed so far

    ok = await client.post(
        url, json={"current_password": "demo", "new_password": STRONG}, headers=here
    )
    assert ok.status_code == 204
    assert await status_of(client, here) == 200
    assert await status_of(client, elsewhere) == 401
    r = await client.post("/api/auth/login", json={"username": "trainee1", "password": "demo"})
    assert r.status_code == 401
    await login(client, "trainee1", STRONG)


async def test_guessing_the_current_password_with_a_stolen_token_is_throttled(
    client: httpx.AsyncClient, trainee: dict[str, str]
) -> None:
    body = {"current_password": "guess", "new_password": STRONG}
    for _ in range(5):
        r = await client.post("/api/me/password", json=body, headers=trainee)
        assert r.status_code == 403
    r = await client.post(
        "/api/me/password", json={**body, "current_password": "demo"}, headers=trainee
    )
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1


async def test_a_manager_resets_a_password_and_every_session_of_that_user_ends(
    client: httpx.AsyncClient, manager: dict[str, str], trainee: dict[str, str]
) -> None:
    uid = await user_id(client, manager, "trainee1")
    url = f"/api/users/{uid}/password"
    assert (
        await client.post(url, json={"new_password": STRONG}, headers=trainee)
    ).status_code == 403
    weak = await client.post(url, json={"new_password": "trainee1trainee1"}, headers=manager)
    assert weak.status_code == 422
    assert (
        await client.post(url, json={"new_password": STRONG}, headers=manager)
    ).status_code == 204
    assert await status_of(client, trainee) == 401
    await login(client, "trainee1", STRONG)
    assert (
        await client.post(
            "/api/users/999999/password", json={"new_password": STRONG}, headers=manager
        )
    ).status_code == 404
    mine = await user_id(client, manager, "manager1")
    r = await client.post(
        f"/api/users/{mine}/password", json={"new_password": STRONG}, headers=manager
    )
    assert r.status_code == 400
    assert "/api/me/password" in r.json()["detail"]


async def test_a_reset_lifts_the_accounts_locks(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    for _ in range(5):
        r = await client.post(
            "/api/auth/login", json={"username": "trainee2", "password": "x-x-x-x"}
        )
        assert r.status_code == 401
    r = await client.post("/api/auth/login", json={"username": "trainee2", "password": "demo"})
    assert r.status_code == 429
    uid = await user_id(client, manager, "trainee2")
    assert (
        await client.post(
            f"/api/users/{uid}/password", json={"new_password": STRONG}, headers=manager
        )
    ).status_code == 204
    # The owner who forgot it and locked themselves out signs in with the new one.
    await login(client, "trainee2", STRONG)


async def test_a_deactivated_user_cannot_log_in_and_their_tokens_stop_working(
    client: httpx.AsyncClient, manager: dict[str, str], coach: dict[str, str]
) -> None:
    trainee = await login(client, "trainee1")
    uid = await user_id(client, manager, "trainee1")
    assert (await client.post(f"/api/users/{uid}/deactivate", headers=coach)).status_code == 403
    r = await client.post(f"/api/users/{uid}/deactivate", headers=manager)
    assert r.status_code == 200
    assert r.json()["is_active"] is False
    assert await status_of(client, trainee) == 401
    r = await client.post("/api/auth/login", json={"username": "trainee1", "password": "demo"})
    assert r.status_code == 401
    listed = {
        u["username"]: u["is_active"]
        for u in (await client.get("/api/users", headers=manager)).json()
    }
    assert listed["trainee1"] is False
    assert listed["trainee2"] is True

    r = await client.post(f"/api/users/{uid}/reactivate", headers=manager)
    assert r.status_code == 200
    assert r.json()["is_active"] is True
    assert await status_of(client, trainee) == 401  # old sessions stay ended
    await login(client, "trainee1")

    mine = await user_id(client, manager, "manager1")
    assert (await client.post(f"/api/users/{mine}/deactivate", headers=manager)).status_code == 409
    assert (await client.post("/api/users/999999/deactivate", headers=manager)).status_code == 404


async def test_a_manager_revokes_every_token_of_a_user(
    client: httpx.AsyncClient, manager: dict[str, str]
) -> None:
    first, second = await login(client, "coach1"), await login(client, "coach1")
    uid = await user_id(client, manager, "coach1")
    r = await client.post(f"/api/users/{uid}/revoke-tokens", headers=manager)
    assert r.status_code == 200
    assert r.json() == {"revoked": 2}
    assert await status_of(client, first) == 401
    assert await status_of(client, second) == 401
    await login(client, "coach1")
    assert (await client.post(f"/api/users/{uid}/revoke-tokens", headers=first)).status_code == 401
