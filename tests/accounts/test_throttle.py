"""Login throttling over HTTP: 429 + Retry-After per account and address, per account,
per address; remembered addresses; shared between processes through the database."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from tests.conftest import make_settings, running_app

WRONG = {"username": "manager1", "password": "not-the-password"}
RIGHT = {"username": "manager1", "password": "demo"}


@asynccontextmanager
async def from_address(app: Any, ip: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client whose requests come from `ip`."""
    transport = httpx.ASGITransport(app=app, client=(ip, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


async def post_login(app: Any, ip: str, body: dict[str, str]) -> httpx.Response:
    async with from_address(app, ip) as c:
        return await c.post("/api/auth/login", json=body)


def assert_throttled(r: httpx.Response, window: int = 900) -> None:
    assert r.status_code == 429, r.text
    assert r.json()["error"] == "too_many_requests"
    assert "Try again in" in r.json()["detail"]
    assert 1 <= int(r.headers["Retry-After"]) <= window


async def test_five_failures_from_one_address_lock_that_account_there(app: Any) -> None:
    for _ in range(5):
        assert (await post_login(app, "203.0.113.9", WRONG)).status_code == 401
    # The sixth try is refused before the password is looked at, even the right one.
    assert_throttled(await post_login(app, "203.0.113.9", RIGHT))
    assert_throttled(await post_login(app, "203.0.113.9", {**RIGHT, "username": "MANAGER1"}))
    # The owner elsewhere is not held by this limit; nor is another account here.
    assert (await post_login(app, "198.51.100.7", RIGHT)).status_code == 200
    other = {"username": "coach1", "password": "demo"}
    assert (await post_login(app, "203.0.113.9", other)).status_code == 200


async def test_a_success_forgives_the_earlier_typos(app: Any) -> None:
    for _ in range(3):
        for _ in range(4):
            assert (await post_login(app, "203.0.113.9", WRONG)).status_code == 401
        assert (await post_login(app, "203.0.113.9", RIGHT)).status_code == 200


async def test_parallel_guesses_cannot_slip_past_the_limit(app: Any) -> None:
    results = await asyncio.gather(*(post_login(app, "203.0.113.9", WRONG) for _ in range(16)))
    codes = sorted(r.status_code for r in results)
    assert codes.count(401) == 5
    assert codes.count(429) == 11


@pytest.fixture
def small_limits(database_url: str) -> Any:
    return make_settings(database_url, login_failures_per_account=6, login_failures_per_address=4)


async def test_many_addresses_lock_the_account_but_not_its_known_address(
    small_limits: Any,
) -> None:
    async with running_app(small_limits) as app:
        assert (await post_login(app, "192.0.2.1", RIGHT)).status_code == 200  # the office
        for i in range(6):  # a botnet, one guess per address
            assert (await post_login(app, f"198.51.100.{i + 10}", WRONG)).status_code == 401
        assert_throttled(await post_login(app, "198.51.100.99", WRONG))
        # A new address waits out the account's window, even with the right password...
        assert_throttled(await post_login(app, "198.51.100.100", RIGHT))
        # ...but the owner signs in from where they signed in before.
        assert (await post_login(app, "192.0.2.1", RIGHT)).status_code == 200


async def test_one_address_trying_many_accounts_is_stopped(small_limits: Any) -> None:
    async with running_app(small_limits) as app:
        assert (await post_login(app, "192.0.2.1", RIGHT)).status_code == 200
        for name in ("ghost1", "ghost2", "trainee1", "coach1"):
            body = {"username": name, "password": "guess-guess"}
            assert (await post_login(app, "192.0.2.1", body)).status_code == 401
        assert_throttled(
            await post_login(app, "192.0.2.1", {"username": "trainee2", "password": "demo"})
        )
        # An account already known at this (shared, office) address still gets in.
        assert (await post_login(app, "192.0.2.1", RIGHT)).status_code == 200


# Long enough for five password checks on a loaded two-core machine (a 2 s window
# ran out before the sixth login there), short enough for the test to wait it out.
WINDOW = 6


async def test_the_lock_ends_with_its_window(database_url: str) -> None:
    settings = make_settings(database_url, login_throttle_window_seconds=WINDOW)
    async with running_app(settings) as app:
        started = time.monotonic()
        for _ in range(5):
            assert (await post_login(app, "203.0.113.9", WRONG)).status_code == 401
        r = await post_login(app, "203.0.113.9", RIGHT)
        assert_throttled(r, window=WINDOW)
        await asyncio.sleep(max(0.0, started + WINDOW + 0.1 - time.monotonic()))
        assert (await post_login(app, "203.0.113.9", RIGHT)).status_code == 200


async def test_ipv6_addresses_count_per_64_prefix(app: Any) -> None:
    for i in range(5):
        assert (await post_login(app, f"2001:db8:1:2::{i + 1}", WRONG)).status_code == 401
    assert_throttled(await post_login(app, "2001:db8:1:2:ffff::1", RIGHT))
    assert (await post_login(app, "2001:db8:1:3::1", RIGHT)).status_code == 200


async def test_processes_share_the_counters_through_the_database(database_url: str) -> None:
    settings = make_settings(database_url, login_throttle="database")
    if database_url.startswith("sqlite"):
        # One server per SQLite file (app/db/serving.py): the counters outlive a restart.
        async with running_app(settings) as one:
            for _ in range(5):
                assert (await post_login(one, "203.0.113.9", WRONG)).status_code == 401
        async with running_app(settings) as two:
            assert_throttled(await post_login(two, "203.0.113.9", RIGHT))
            assert (await post_login(two, "198.51.100.7", RIGHT)).status_code == 200
        return
    async with running_app(settings) as one, running_app(settings) as two:
        for i in range(5):
            app = one if i % 2 else two
            assert (await post_login(app, "203.0.113.9", WRONG)).status_code == 401
        assert_throttled(await post_login(one, "203.0.113.9", RIGHT))
        assert_throttled(await post_login(two, "203.0.113.9", RIGHT))
        assert (await post_login(two, "198.51.100.7", RIGHT)).status_code == 200


async def test_the_web_login_form_is_throttled_too(app: Any) -> None:
    for _ in range(5):
        assert (await post_login(app, "127.0.0.1", WRONG)).status_code == 401
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        await c.get("/login", headers={"Accept-Language": "zh"})
        data = {"username": "manager1", "password": "demo", "csrf_token": c.cookies["coach_csrf"]}
        r = await c.post("/login", data=data, headers={"Accept-Language": "zh"})
    assert r.status_code == 429
    assert "登录尝试过多" in r.text  # the page says how long to wait, in its language
    assert int(r.headers["Retry-After"]) >= 1
    assert "coach_token" not in c.cookies


async def test_a_failed_login_does_not_hold_up_a_trainees_turn(
    client: httpx.AsyncClient, trainee: dict[str, str], app: Any
) -> None:
    """The password check runs outside any write transaction (on SQLite, the one lock
    every trainee's turn needs): a turn sent among failed logins is not queued behind them."""
    r = await client.post(
        "/api/sessions", json={"scenario_id": "zh-mes-auto-parts"}, headers=trainee
    )
    assert r.status_code == 201
    sid = r.json()["id"]
    done: dict[str, float] = {}

    async def bad_login(i: int) -> None:
        body = {"username": f"nobody{i}", "password": "wrong-wrong"}
        assert (await post_login(app, f"198.51.100.{i + 1}", body)).status_code == 401
        done[f"login{i}"] = time.perf_counter()

    async def turn() -> None:
        await asyncio.sleep(0.005)  # the logins are under way
        text = "周总您好，现在三个厂区的生产数据是怎么统计的？"
        r = await client.post(f"/api/sessions/{sid}/messages", json={"text": text}, headers=trainee)
        assert r.status_code == 200
        done["turn"] = time.perf_counter()

    await asyncio.gather(*(bad_login(i) for i in range(8)), turn())
    assert done["turn"] < max(v for k, v in done.items() if k != "turn")
