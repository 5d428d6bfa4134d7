"""Errors in the user's language: HTML pages for browser addresses, JSON for the API, and
the messages API errors name (`key`) worded in both catalogs."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from typing import Any

import pytest

from app.web.i18n import catalog
from tests.web.helpers import browser, csrf, web_login

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _main(text: str) -> str:
    """The page's own part, without the header (brand mark, language switch, user's name)."""
    return text.split("Log out", 1)[-1]


def _visible_text(html: str) -> str:
    html = re.sub(r"<script\b.*?</script>", " ", html, flags=re.S)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("path", ["/nosuch", "/no/such/page", "/sessions", "/reviews/x/y"])
async def test_an_unknown_address_is_the_html_error_page(app: Any, path: str) -> None:
    async with browser(app, "zh-CN,zh;q=0.9") as c:
        r = await c.get(path)
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("text/html")
        assert "找不到页面" in r.text
        assert "Content-Security-Policy" in r.headers
        assert not r.text.startswith("{")
    async with browser(app, "en-US,en;q=0.9") as c:
        await web_login(c, "trainee1")
        r = await c.get(path)
        assert r.status_code == 404
        assert "Not found" in r.text
        assert 'href="/history"' in r.text  # signed in: the page keeps their navigation


async def test_the_api_and_machine_addresses_keep_json(app: Any) -> None:
    async with browser(app) as c:
        for path in ("/api/nope", "/api", "/static/nope.js"):
            r = await c.get(path)
            assert r.status_code == 404, path
            assert r.headers["content-type"].startswith("application/json"), path
            assert r.json()["error"] == "not_found"
        r = await c.post("/healthz")
        assert r.status_code == 405
        assert r.json()["error"] == "method_not_allowed"


async def test_a_wrong_method_on_a_page_is_an_html_page(app: Any) -> None:
    async with browser(app) as c:
        r = await c.post("/history", headers={"X-CSRF-Token": "x"})
        assert r.status_code == 405
        assert r.headers["content-type"].startswith("text/html")
        assert "GET" in r.headers.get("allow", "")


@pytest.mark.parametrize(
    ("username", "path", "zh", "en"),
    [
        ("trainee1", "/dashboard", "这里只对教练和经理开放。", "This is for coaches and managers."),
        ("coach1", "/teams", "这里只对经理开放。", "This is for managers."),
        ("trainee1", "/sessions/" + "0" * 32, "没有这场对练", "No such role-play"),
        ("manager1", "/trainees/999", "你的团队里没有这位学员。", "No such trainee"),
        ("manager1", "/scenarios/zh-mes-auto-parts/edit", "内置场景不能修改", "can't be edited"),
    ],
)
async def test_error_pages_say_why_in_the_users_language(
    app: Any, username: str, path: str, zh: str, en: str
) -> None:
    async with browser(app, "zh-CN") as c:
        await web_login(c, username)
        text = _visible_text((await c.get(path)).text)
        assert zh in text
        assert not re.search(r"\b(This needs|No session|role\.)\b", text)
    async with browser(app, "en") as c:
        await web_login(c, username)
        text = _visible_text((await c.get(path)).text)
        assert en in text
        assert not HAN.search(_main(text))


async def test_api_errors_name_their_message_for_the_web_app(app: Any) -> None:
    async with browser(app, "zh-CN") as c:
        await web_login(c, "manager1")
        r = await c.post(
            "/api/assignments",
            json={"scenario_id": "zh-mes-auto-parts", "trainee_ids": []},
            headers=csrf(c),
        )
        assert r.status_code == 422
        body = r.json()
        assert body["detail"] == "trainee_ids: choose a team or at least one trainee"  # English
        assert body["key"] == "assign_target"
        (field,) = body["fields"]
        assert field["key"] == "assign_target"
        assert catalog("zh")["msg.assign_target"] == "请选择一个团队，或至少一名学员。"


def test_every_message_key_the_code_raises_is_in_both_catalogs() -> None:
    """A `key="..."` in app/ without its `msg.<key>` in zh and en would show English."""
    raised: set[str] = set()
    for path in (ROOT / "app").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        raised |= set(re.findall(r"""\bkey=["']([a-z_]+)["']""", text))
        raised |= set(re.findall(r"""_field_error\([^)]*?,\s*"([a-z_]+)"\s*[,)]""", text, re.S))
    raised |= {f"needs_role_{r}" for r in ("trainee", "manager", "coach_manager")}
    assert {"assign_target", "no_session"} <= raised
    for lang in ("zh", "en"):
        missing = sorted(k for k in raised if f"msg.{k}" not in catalog(lang))
        assert missing == [], (lang, missing)
