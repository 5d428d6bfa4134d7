"""Browser login: HttpOnly cookie, double-submit CSRF, logout, and where redirects may go."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import running_app
from tests.web.helpers import browser, csrf, post_login, web_login


def set_cookie_headers(r: httpx.Response) -> dict[str, str]:
    return {h.split("=", 1)[0]: h for h in r.headers.get_list("set-cookie")}


async def test_login_sets_an_httponly_token_and_a_readable_csrf_cookie(app: Any) -> None:
    async with browser(app) as c:
        page = await c.get("/login")
        assert "coach_csrf" in set_cookie_headers(page)
        r = await post_login(c, next="/history")
        assert r.status_code == 303
        assert r.headers["location"] == "/history"
        cookies = set_cookie_headers(r)
        token = cookies["coach_token"].lower()
        assert "httponly" in token
        assert "samesite=lax" in token
        assert "path=/" in token
        assert "secure" not in token  # COACH_COOKIE_SECURE is off in tests
        assert "httponly" not in cookies["coach_csrf"].lower()  # page scripts must read it
        assert (await c.get("/api/me")).json()["username"] == "trainee1"


async def test_secure_cookies_when_configured(settings: Any) -> None:
    async with (
        running_app(settings.model_copy(update={"cookie_secure": True})) as secure_app,
        browser(secure_app, base_url="https://test") as c,
    ):
        await c.get("/login")
        r = await post_login(c)
        assert r.status_code == 303
        assert "secure" in set_cookie_headers(r)["coach_token"].lower()


async def test_wrong_password_and_forged_login_form(app: Any) -> None:
    async with browser(app) as c:
        await c.get("/login")
        r = await post_login(c, password="nope")
        assert r.status_code == 401
        assert "用户名或密码不正确" in r.text
        assert "coach_token" not in c.cookies
        forged = await c.post(
            "/login", data={"username": "trainee1", "password": "demo", "csrf_token": "x" * 40}
        )
        assert forged.status_code == 400
        assert "coach_token" not in c.cookies
        huge = await post_login(c, "u" * 500, "p")
        assert huge.status_code == 400
        assert "<html" in huge.text


async def test_cookie_requests_need_the_csrf_token(app: Any) -> None:
    async with browser(app) as c:
        await web_login(c, "trainee1")
        body = {"scenario_id": "zh-mes-auto-parts"}
        r = await c.post("/api/sessions", json=body)
        assert r.status_code == 403
        assert r.json()["error"] == "csrf_failed"
        r = await c.post("/api/sessions", json=body, headers={"X-CSRF-Token": "wrong-token-value"})
        assert r.status_code == 403
        assert (await c.get("/api/sessions")).json()["total"] == 0  # nothing was stored
        r = await c.post("/api/sessions", json=body, headers=csrf(c))
        assert r.status_code == 201


async def test_bearer_requests_are_exempt(client: httpx.AsyncClient, trainee: dict) -> None:
    r = await client.post(
        "/api/sessions", json={"scenario_id": "zh-mes-auto-parts"}, headers=trainee
    )
    assert r.status_code == 201


async def test_logout_revokes_the_token_and_clears_cookies(app: Any) -> None:
    async with browser(app) as c:
        await web_login(c, "coach1")
        token = c.cookies["coach_token"]
        refused = await c.post("/logout")  # no CSRF token: refused, still logged in
        assert refused.status_code == 403
        assert (await c.get("/api/me")).status_code == 200
        r = await c.post("/logout", data={"csrf_token": c.cookies["coach_csrf"]})
        assert r.status_code == 303
        assert r.headers["location"] == "/login"
        assert "coach_token" not in c.cookies
        assert "coach_csrf" not in c.cookies
        stale = await c.get("/api/me", headers={"Authorization": f"Bearer {token}"})
        assert stale.status_code == 401


async def test_pages_send_visitors_to_login_and_back(app: Any) -> None:
    async with browser(app) as c:
        r = await c.get("/dashboard?team_id=1")
        assert r.status_code == 303
        assert r.headers["location"] == "/login?next=/dashboard%3Fteam_id%3D1"
        c.cookies.set("coach_token", "expired-or-made-up")
        r = await c.get("/history")
        assert r.status_code == 303
        assert r.headers["location"].startswith("/login")


async def test_redirects_stay_on_this_site(app: Any) -> None:
    async with browser(app) as c:
        for target in (
            "https://evil.example/",
            "//evil.example",
            "/\\evil.example",
            "javascript:x",
        ):
            r = await c.get("/lang/en", params={"next": target})
            assert r.headers["location"] == "/", target
        await c.get("/login")
        r = await post_login(c, next="//evil.example/x")
        assert r.headers["location"] == "/"
