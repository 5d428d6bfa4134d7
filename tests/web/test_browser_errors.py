"""The API's refusals as a user meets them in a real browser, in both languages: the login
throttle (429 + Retry-After) on the login page, the open role-play limit on the home page,
and a reply still in progress (503 reply_in_progress + Retry-After) in the chat, which the
page says and waits out before sending again. No English on the Chinese page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import expect

from app.config import Settings
from app.main import create_app
from tests.support.live_server import serving
from tests.web.conftest import needs_chromium
from tests.web.pw import login, shot, tab

pytestmark = [pytest.mark.browser, needs_chromium]

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
LOCALES = {"zh": "zh-CN", "en": "en-US"}


@pytest.fixture
def strict_server(tmp_path: Path) -> Iterator[str]:
    """The service in demo mode with small limits: one open role-play per trainee, and a
    sign-in blocked after two failures for a minute."""
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}",
        demo=True,
        max_active_sessions=1,
        login_failures_per_account_and_address=2,
        login_throttle_window_seconds=60,
    )
    with serving(create_app(settings)) as url:
        yield url


def in_language(text: str, lang: str) -> None:
    if lang == "zh":
        assert not LATIN_WORD.search(text), f"English on the Chinese page: {text!r}"
    else:
        assert not re.search(r"[\u3400-\u9fff]", text), f"Chinese on the English page: {text!r}"


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_login_throttle_says_how_long_to_wait(
    chromium: Any, strict_server: str, artifacts: Path, lang: str
) -> None:
    async with tab(chromium, LOCALES[lang]) as page:
        for _ in range(3):
            await page.goto(f"{strict_server}/login")
            await page.fill("#username", "trainee2")
            await page.fill("#password", "not-the-password")
            await page.click("form[action='/login'] button[type=submit]")
            await page.wait_for_load_state()
        error = page.locator(".login-card .form-error")
        text = (await error.inner_text()).strip()
        if lang == "zh":
            assert re.fullmatch(r"登录尝试过多，请 \d+ 秒后再试。", text), text
        else:
            assert re.fullmatch(r"Too many sign-in attempts\. Try again in \d+ s\.", text), text
        seconds = int(re.search(r"\d+", text).group())  # type: ignore[union-attr]
        assert 1 <= seconds <= 60
        in_language(text, lang)
        await shot(page, artifacts, f"errors-login-throttled-{lang}")
        # Even the right password waits now: the same words, not a sign-in.
        await page.fill("#password", "demo")
        await page.click("form[action='/login'] button[type=submit]")
        await page.wait_for_load_state()
        assert "/login" in page.url
        await expect(error).to_contain_text("登录尝试过多" if lang == "zh" else "Too many sign-in")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_open_role_play_limit_in_the_users_language(
    chromium: Any, strict_server: str, artifacts: Path, lang: str
) -> None:
    async with tab(chromium, LOCALES[lang]) as page:
        await login(page, strict_server, "trainee1")
        start = page.locator("#library [data-start-scenario]").first
        await start.click()
        await page.wait_for_url(re.compile(r"/sessions/[0-9a-f]{32}$"))
        await page.goto(strict_server)
        await page.locator("#library [data-start-scenario]").nth(1).click()
        toast = page.locator("#toast .toast.error")
        await expect(toast).to_be_visible()
        text = (await toast.inner_text()).strip()
        if lang == "zh":
            assert (
                text == "你已有 1 场对练还没结束，最多只能同时进行 1 场。请先结束一场，再开始新的。"
            )
        else:
            assert text == (
                "Role-plays still open: 1, the most you can have at once is 1. "
                "End one before starting another."
            )
        in_language(text, lang)
        assert "/sessions/" not in page.url
        await page.wait_for_timeout(400)  # the toast's fade-in
        await shot(page, artifacts, f"errors-open-sessions-limit-{lang}", full=False)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_reply_in_progress_is_said_and_waited_out(
    chromium: Any, strict_server: str, artifacts: Path, lang: str
) -> None:
    """The first send meets a session still busy with a reply (as when another tab's or a
    dead process's reply holds it): 503 reply_in_progress, Retry-After: 2. The page says so
    in its language, keeps the words, and sends them again after the wait, once."""
    async with tab(chromium, LOCALES[lang]) as page:
        await login(page, strict_server, "trainee1")
        await page.locator("#library [data-start-scenario]").first.click()
        await page.wait_for_url(re.compile(r"/sessions/[0-9a-f]{32}$"))
        await expect(page.locator("#messages .msg.buyer").first).to_be_visible()
        busy = {"left": 1, "sent": 0}

        async def once_busy(route: Any) -> None:
            busy["sent"] += 1
            if busy["left"]:
                busy["left"] -= 1
                await route.fulfill(
                    status=503,
                    headers={"Retry-After": "2", "Content-Type": "application/json"},
                    body=json.dumps(
                        {
                            "error": "reply_in_progress",
                            "detail": "The buyer is still answering an earlier message of "
                            "this session; nothing was changed. Try again in 2 s.",
                        }
                    ),
                )
            else:
                await route.continue_()

        await page.route(re.compile(r"/api/sessions/[0-9a-f]{32}/messages(/stream)?$"), once_busy)
        line = (
            "请问贵司目前的生产数据是怎么统计的？"
            if lang == "zh"
            else "How do you track output today?"
        )
        await page.fill("#message", line)
        await page.press("#message", "Enter")
        notice = page.locator("#notice-text")
        await expect(notice).to_be_visible()
        text = (await notice.inner_text()).strip()
        if lang == "zh":
            assert text == "对方还在回复，请稍候几秒，你的话会自动重发。"
        else:
            assert text == (
                "The buyer is still answering. Wait a few seconds; your message will be sent again."
            )
        in_language(text, lang)
        await shot(page, artifacts, f"errors-reply-in-progress-{lang}", full=False)
        # After Retry-After the same words go again, and the buyer answers them.
        await expect(page.locator("#messages .msg.buyer:not(#typing)")).to_have_count(
            2, timeout=15000
        )
        await expect(page.locator("#notice")).to_be_hidden()
        mine = page.locator("#messages .msg.trainee")
        await expect(mine).to_have_count(1)
        await expect(mine).to_contain_text(line)
        assert busy["sent"] == 2
