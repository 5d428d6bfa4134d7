"""The account page (who I am, change my password) and a manager's account actions on the
teams page: rendering, language, and the API calls the page scripts make, with the cookie
login and the CSRF header a browser sends."""

from __future__ import annotations

import re
from typing import Any

import httpx

from tests.web.helpers import browser, csrf, post_login, web_login

NEW_PASSWORD = "violet-harbor-cactus-92"


async def test_every_role_has_an_account_page_linked_from_the_header(app: Any) -> None:
    for username, role in (("trainee1", "学员"), ("coach1", "教练"), ("manager1", "经理")):
        async with browser(app) as c:
            await web_login(c, username)
            home = (await c.get("/", follow_redirects=True)).text
            assert '<a class="btn btn-sm btn-ghost" href="/account">账户</a>' in home
            r = await c.get("/account")
            assert r.status_code == 200, r.text[:300]
            page = r.text
            assert "<title>我的账户" in page
            assert f"<code>{username}</code>" in page
            assert f"<dd>{role}</dd>" in page
            assert 'href="/account" aria-current="page"' in page
            for label in ("当前密码", "新密码", "再输一次新密码", "修改密码"):
                assert label in page
            assert 'autocomplete="current-password"' in page
            assert "js/account.js" in page
    async with browser(app) as c:
        r = await c.get("/account", follow_redirects=False)
        assert r.status_code == 303
        assert r.headers["location"] == "/login?next=/account"


async def test_the_account_page_shows_teams_and_the_language_in_english(app: Any) -> None:
    async with browser(app, lang="en-US,en;q=0.9") as c:
        await web_login(c, "trainee1")
        page = (await c.get("/account")).text
        assert "<title>My account" in page
        assert "<dd>Trainee</dd>" in page
        assert re.search(r'<span class="chip">[^<]+</span>', page)  # the demo team
        assert "English <small" in page
        assert "from your browser" in page
        await c.get("/lang/zh")
        page = (await c.get("/account")).text
        assert "中文 <small" in page
        assert "在页面右上角选的" in page


async def test_changing_my_password_keeps_this_login_and_ends_the_others(
    app: Any, client: httpx.AsyncClient
) -> None:
    r = await client.post("/api/auth/login", json={"username": "trainee2", "password": "demo"})
    other = {"Authorization": f"Bearer {r.json()['token']}"}
    async with browser(app) as c:
        await web_login(c, "trainee2")
        url = "/api/me/password"
        wrong = await c.post(
            url, json={"current_password": "nope", "new_password": NEW_PASSWORD}, headers=csrf(c)
        )
        assert wrong.status_code == 403
        assert wrong.json()["error"] == "wrong_password"
        same = await c.post(
            url, json={"current_password": "demo", "new_password": "demo"}, headers=csrf(c)
        )
        assert same.status_code == 422  # "demo" is also too short for a new password
        weak = await c.post(
            url, json={"current_password": "demo", "new_password": "12345678"}, headers=csrf(c)
        )
        assert weak.status_code == 422
        assert weak.json()["error"] == "weak_password"
        assert weak.json()["fields"][0]["loc"] == ["body", "new_password"]
        assert (await c.get("/api/me", headers=other)).status_code == 200  # nothing changed yet
        ok = await c.post(
            url, json={"current_password": "demo", "new_password": NEW_PASSWORD}, headers=csrf(c)
        )
        assert ok.status_code == 204
        assert (await c.get("/account")).status_code == 200  # this browser stays signed in
    assert (await client.get("/api/me", headers=other)).status_code == 401  # the others don't
    async with browser(app) as c:
        await c.get("/login")
        assert (await post_login(c, "trainee2", "demo")).status_code == 401
        assert (await post_login(c, "trainee2", NEW_PASSWORD)).status_code == 303


async def _people(c: httpx.AsyncClient) -> dict[str, int]:
    return {u["username"]: u["id"] for u in (await c.get("/api/users")).json()}


async def test_managers_reset_and_deactivate_from_the_teams_page(app: Any) -> None:
    async with browser(app) as c:
        await web_login(c, "manager1")
        page = (await c.get("/teams")).text
        ids = await _people(c)
        me, trainee = ids["manager1"], ids["trainee2"]
        assert f'data-reset-user="{trainee}"' in page
        assert f'data-deactivate-user="{trainee}"' in page
        assert f'data-reset-user="{me}"' not in page  # my own password: the account page
        assert f'data-deactivate-user="{me}"' not in page
        assert "修改我的密码" in page
        assert '<dialog class="confirm" id="deactivate-dialog"' in page
        assert "停用账号" in page
        assert "重置密码" in page
        assert "js/people.js" in page

        r = await c.post(
            f"/api/users/{trainee}/password", json={"new_password": "12345678"}, headers=csrf(c)
        )
        assert r.status_code == 422
        assert r.json()["error"] == "weak_password"
        r = await c.post(
            f"/api/users/{trainee}/password", json={"new_password": NEW_PASSWORD}, headers=csrf(c)
        )
        assert r.status_code == 204
        async with browser(app) as t:
            await t.get("/login")
            assert (await post_login(t, "trainee2", NEW_PASSWORD)).status_code == 303

        r = await c.post(f"/api/users/{trainee}/deactivate", headers=csrf(c))
        assert r.status_code == 200
        assert r.json()["is_active"] is False
        page = (await c.get("/teams")).text
        assert f'data-deactivate-user="{trainee}"' not in page
        async with browser(app) as t:
            await t.get("/login")
            assert (await post_login(t, "trainee2", NEW_PASSWORD)).status_code == 401
        r = await c.post(f"/api/users/{trainee}/reactivate", headers=csrf(c))
        assert r.status_code == 200
        assert r.json()["is_active"] is True
        async with browser(app) as t:
            await t.get("/login")
            assert (await post_login(t, "trainee2", NEW_PASSWORD)).status_code == 303
