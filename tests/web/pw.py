"""Small helpers for the Playwright tests: pages that record script errors, login, screenshots."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

ZH_LINES = [
    "周总您好，感谢您抽时间。想先了解一下，咱们现在三个厂区的生产数据是怎么统计的？",
    "明白，您时间宝贵。那现在这种统计方式，在管理上有没有遇到什么麻烦？",
    "您刚才说数据对不上，质量追溯这块出了问题一般要查多久？",
    "理解您的顾虑。那这件事如果拖下去，对主机厂审核会有什么影响？",
    "除了您，这个项目还有哪些人参与决策？",
]


@asynccontextmanager
async def tab(chromium: Any, locale: str = "zh-CN", viewport: dict[str, int] | None = None) -> Any:
    """A fresh browser profile (context) and page; fails the test on any script error.
    A viewport narrower than 500 px is a phone (touch, the page's meta viewport honoured)."""
    size = viewport or {"width": 1280, "height": 900}
    phone = size["width"] < 500
    context = await chromium.new_context(
        locale=locale, viewport=size, is_mobile=phone, has_touch=phone
    )
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.script_errors = errors
    try:
        yield page
    finally:
        await context.close()
    assert errors == [], errors


async def login(page: Any, base: str, username: str, password: str = "demo") -> None:
    await page.goto(f"{base}/login")
    await page.fill("#username", username)
    await page.fill("#password", password)
    await page.click("form[action='/login'] button[type=submit]")
    await page.wait_for_url(lambda url: "/login" not in url)


async def shot(page: Any, artifacts: Path, name: str, *, full: bool = True) -> None:
    """A full-page screenshot (from the top, so the sticky header sits where it belongs),
    or with full=False just what the viewport shows now."""
    if full:
        await page.evaluate("() => window.scrollTo(0, 0)")
    await page.screenshot(path=str(artifacts / f"{name}.png"), full_page=full)


async def say(page: Any, text: str) -> None:
    """Type a line in the chat and press Enter; wait for the buyer's answer to appear."""
    replies = page.locator("#messages .msg.buyer:not(#typing)")
    before = await replies.count()
    await page.fill("#message", text)
    await page.press("#message", "Enter")
    await replies.nth(before).wait_for()


async def api_token(base: str, username: str) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=base) as c:
        r = await c.post("/api/auth/login", json={"username": username, "password": "demo"})
        return {"Authorization": f"Bearer {r.json()['token']}"}
