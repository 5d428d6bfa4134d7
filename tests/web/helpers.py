"""Browser-style clients for the web tests: cookie login through the login form."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx


@asynccontextmanager
async def browser(
    app: Any, lang: str = "zh-CN,zh;q=0.9", base_url: str = "http://test"
) -> AsyncIterator[httpx.AsyncClient]:
    """A client that behaves like a browser tab: keeps cookies, sends Accept-Language."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport, base_url=base_url, headers={"Accept-Language": lang}
    ) as c:
        yield c


async def post_login(
    c: httpx.AsyncClient, username: str = "trainee1", password: str = "demo", **fields: str
) -> httpx.Response:
    """Submit the login form with the CSRF cookie the client holds (GET /login first)."""
    data = {"username": username, "password": password, "csrf_token": c.cookies["coach_csrf"]}
    return await c.post("/login", data={**data, **fields})


async def web_login(c: httpx.AsyncClient, username: str, password: str = "demo") -> None:
    r = await c.get("/login")
    assert r.status_code == 200
    r = await post_login(c, username, password)
    assert r.status_code == 303, r.text
    assert "coach_token" in c.cookies


def csrf(c: httpx.AsyncClient) -> dict[str, str]:
    return {"X-CSRF-Token": c.cookies["coach_csrf"]}
