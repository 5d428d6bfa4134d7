"""Pages: role checks, escaping, language, security headers, static files, catalogs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.i18n.catalog import BOOKS_DIR
from app.web.i18n import PAGE_BOOKS, catalog, parse_accept_language
from tests.reviews.helpers import played
from tests.web.helpers import browser, web_login

WEB = Path(__file__).resolve().parents[2] / "app" / "web"


async def test_every_page_renders_for_its_roles(
    app: Any, client: httpx.AsyncClient, trainee: dict, coach: dict
) -> None:
    sid, _ = await played(client, trainee)
    await client.post(
        f"/api/reviews/sessions/{sid}/comments", json={"turn_index": 1, "body": "好"}, headers=coach
    )
    pages = {
        "trainee1": ["/", "/history", f"/sessions/{sid}"],
        "coach1": [
            "/reviews",
            "/reviews?filter=all&sort=lowest",
            "/dashboard",
            f"/sessions/{sid}",
            "/assignments",
        ],
        "manager1": [
            "/dashboard",
            "/reviews",
            "/scenarios",
            "/scenarios/new",
            "/scenarios/new?copy=en-fleet-telematics",
            "/teams",
            "/assignments",
            f"/sessions/{sid}",
            "/trainees/1",
        ],
    }
    for username, paths in pages.items():
        async with browser(app) as c:
            await web_login(c, username)
            for path in paths:
                r = await c.get(path)
                assert r.status_code == 200, (username, path, r.text[:300])
                assert r.headers["content-type"].startswith("text/html")
    async with browser(app) as c:
        await web_login(c, "coach1")
        assert (await c.get("/", follow_redirects=False)).headers["location"] == "/reviews"


@pytest.mark.parametrize(
    ("username", "path", "status"),
    [
        ("trainee1", "/dashboard", 403),
        ("trainee1", "/reviews", 403),
        ("trainee1", "/scenarios", 403),
        ("trainee1", "/teams", 403),
        ("trainee1", "/assignments", 403),
        ("trainee1", "/trainees/2", 403),
        ("coach1", "/scenarios", 403),
        ("coach1", "/teams", 403),
        ("trainee1", "/sessions/deadbeef", 404),
        ("manager1", "/scenarios/zh-mes-auto-parts/edit", 404),
        ("manager1", "/assignments/999", 404),
        ("manager1", "/trainees/999", 404),
    ],
)
async def test_pages_check_role_and_ownership(
    app: Any, username: str, path: str, status: int
) -> None:
    async with browser(app) as c:
        await web_login(c, username)
        r = await c.get(path)
        assert r.status_code == status
        assert "<html" in r.text  # a friendly page, not JSON
        assert "返回首页" in r.text


async def test_someone_elses_session_is_not_found(
    app: Any, client: httpx.AsyncClient, trainee: dict
) -> None:
    sid, _ = await played(client, trainee, lines=["现在的数据是怎么统计的？"])
    async with browser(app) as c:
        await web_login(c, "trainee2")
        assert (await c.get(f"/sessions/{sid}")).status_code == 404


async def test_user_and_model_text_is_escaped(
    app: Any, client: httpx.AsyncClient, trainee: dict, coach: dict
) -> None:
    evil = "<script>alert('x')</script><img src=x onerror=alert(1)> 现在的数据怎么统计？"
    sid = (
        await client.post(
            "/api/sessions", json={"scenario_id": "zh-mes-auto-parts"}, headers=trainee
        )
    ).json()["id"]
    await client.post(f"/api/sessions/{sid}/messages", json={"text": evil}, headers=trainee)
    async with browser(app) as c:
        await web_login(c, "trainee1")
        chat = (await c.get(f"/sessions/{sid}")).text
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x" in chat
        assert "<script>alert" not in chat
        assert "<img src=x" not in chat
    await client.post(f"/api/sessions/{sid}/end", headers=trainee)
    await client.post(
        f"/api/reviews/sessions/{sid}/comments",
        json={"turn_index": 1, "body": "</script><script>alert(2)</script>"},
        headers=coach,
    )
    async with browser(app) as c:
        await web_login(c, "trainee1")
        report = (await c.get(f"/sessions/{sid}")).text
        assert "<script>alert" not in report
        assert "&lt;/script&gt;&lt;script&gt;alert(2)" in report


async def test_language_follows_the_browser_then_the_switch(app: Any) -> None:
    async with browser(app, lang="en-US,en;q=0.9,zh;q=0.5") as c:
        assert "Sign in" in (await c.get("/login")).text
        r = await c.get("/lang/zh", params={"next": "/login"})
        assert r.status_code == 303
        assert r.headers["location"] == "/login"
        page = (await c.get("/login")).text
        assert "登录" in page
        assert 'lang="zh-CN"' in page
    async with browser(app, lang="zh-CN") as c:
        assert 'lang="zh-CN"' in (await c.get("/login")).text


def test_accept_language_parsing() -> None:
    assert parse_accept_language("zh-CN,zh;q=0.9,en;q=0.8") == "zh"
    assert parse_accept_language("en-GB,en;q=0.9") == "en"
    assert parse_accept_language("fr-FR,fr;q=0.9,zh;q=0.3,en;q=0.5") == "en"
    assert parse_accept_language("de,ja") is None
    assert parse_accept_language("zh;q=0,en;q=bad") is None
    assert parse_accept_language("") is None


async def test_pages_carry_security_headers(app: Any) -> None:
    async with browser(app) as c:
        r = await c.get("/login")
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert "<script>" not in r.text  # no inline script: data travels as JSON


async def test_static_files_are_served(app: Any) -> None:
    async with browser(app) as c:
        for name, kind in (
            ("app.css", "text/css"),
            ("js/core.js", "javascript"),
            ("js/chat.js", "javascript"),
            ("favicon.svg", "image/svg"),
        ):
            r = await c.get(f"/static/{name}")
            assert r.status_code == 200, name
            assert kind in r.headers["content-type"]
            assert r.headers["cache-control"] == "no-cache"
        assert (await c.get("/static/../main.py")).status_code == 404


def _flat(node: Any, prefix: str = "") -> set[str]:
    if isinstance(node, dict):
        return set().union(*(_flat(v, f"{prefix}.{k}" if prefix else k) for k, v in node.items()))
    return {prefix}


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), f"duplicate keys: {keys}"
    return dict(pairs)


def _load(lang: str) -> set[str]:
    """Every key the pages of a language can show (app.i18n's page books)."""
    keys: set[str] = set()
    for book in PAGE_BOOKS:
        text = (BOOKS_DIR / f"{book}.{lang}.json").read_text(encoding="utf-8")
        keys |= _flat(json.loads(text, object_pairs_hook=_no_duplicates))
    return keys


def test_catalogs_have_the_same_keys_and_every_used_key() -> None:
    en = _load("en")
    zh = _load("zh")
    assert en - zh == set()
    used: set[str] = set()
    for path in (WEB / "templates").glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_]+\.[a-z_.0-9]+)'", path.read_text(encoding="utf-8")))
    for path in (WEB / "static" / "js").glob("*.js"):
        used |= set(re.findall(r'\bt\("([a-z_]+\.[a-z_.0-9]+)"', path.read_text(encoding="utf-8")))
    used = {k for k in used if not k.endswith(".")}  # prefixes of keys built at run time
    assert used - en == set()
    assert used - zh == set()
    assert catalog("zh")["dim.questioning"] == "提问"


async def test_the_queue_sorts_and_filters_by_query_parameters(
    app: Any, client: httpx.AsyncClient, trainee: dict, trainee2: dict
) -> None:
    """Without scripts: the filters are a GET form, the headers are links, and a link to the
    page shows the same list (bad values fall back to the defaults, never an error)."""
    sid, _ = await played(client, trainee)
    other, _ = await played(client, trainee2, lines=["你们要不要买我们的系统？"])
    async with browser(app) as c:
        await web_login(c, "coach1")
        r = await c.get("/reviews?filter=all&sort=questioning&order=desc")
        assert r.status_code == 200
        html = r.text
        assert 'aria-sort="descending" data-column="questioning"' in html
        assert 'href="/reviews?filter=all&amp;sort=questioning&amp;order=asc"' in html
        assert 'href="/reviews?filter=all&amp;sort=trainee&amp;order=asc"' in html
        for dim in ("questioning", "objection_handling", "needs_discovery"):
            assert f'data-score="{dim}"' in html
        assert 'name="flagged"' in html
        assert html.index(f'data-session-id="{sid}"') != html.index(f'data-session-id="{other}"')

        trainee_id = (await client.get("/api/me", headers=trainee)).json()["id"]
        r = await c.get(f"/reviews?filter=all&trainee={trainee_id}&scenario=zh-mes-auto-parts")
        assert f'data-session-id="{sid}"' in r.text
        assert f'data-session-id="{other}"' not in r.text
        assert f'<option value="{trainee_id}" selected>' in r.text
        assert "清除筛选" in r.text

        r = await c.get("/reviews?filter=all&flagged=1")
        assert 'data-session-id="' not in r.text  # nobody was flagged
        assert 'name="flagged" value="1" checked' in r.text

        for junk in ("sort=drop&order=sideways", "trainee=abc&page=-1", "filter=nope&scenario=zz"):
            assert (await c.get(f"/reviews?{junk}")).status_code == 200, junk


async def test_the_scenario_editor_page_carries_the_preview_and_the_check(app: Any) -> None:
    async with browser(app) as c:
        await web_login(c, "manager1")
        r = await c.get("/scenarios/new")
        assert r.status_code == 200
        for marker in ('id="editor-preview"', 'id="editor-check"', 'id="check-scenario"'):
            assert marker in r.text
        assert "真实度检查" in r.text
        assert "预览" in r.text
