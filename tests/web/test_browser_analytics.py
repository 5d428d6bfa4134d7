"""The analytics and usage pages in a real browser: both languages, desktop and a 390x844 phone,
no sideways page scroll, focus visible, CSV downloads with a BOM. The buyer is an LLM on a
loopback server so the usage page has real token counts to show."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from app.config import Settings
from app.main import create_app
from tests.support.fake_openai import FakeOpenAI
from tests.support.live_server import serving
from tests.web.conftest import needs_chromium
from tests.web.pw import ZH_LINES, api_token, login, shot, tab

pytestmark = [pytest.mark.browser, needs_chromium]

EN_LINES = [
    "Thanks for making the time. How do you keep track of your trucks today?",
    "What is the hardest part of that setup for your team?",
]
PAGES = {
    "heatmap": ("/analytics", {"zh": "能力热力图", "en": "Skills heatmap"}),
    "trends": ("/analytics/trends", {"zh": "个人趋势", "en": "Trainee trends"}),
    "scenarios": ("/analytics/scenarios", {"zh": "场景分数分布", "en": "Scores by scenario"}),
    "assignments": (
        "/analytics/assignments",
        {"zh": "任务完成情况", "en": "Assignment completion"},
    ),
    "usage": ("/usage", {"zh": "用量与费用", "en": "Usage and cost"}),
}
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def llm_live_server(tmp_path: Path, llm_server: FakeOpenAI) -> Iterator[str]:
    """The service with the LLM buyer on the loopback model and a price set, demo mode."""
    llm_server.reset()
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}",
        demo=True,
        openai_base_url=llm_server.base_url,
        openai_api_key="sk-test-buyer",  # type: ignore[arg-type]
        llm_model="buyer-model",
        judge="offline",
        price_input_per_mtok=2.0,
        price_output_per_mtok=8.0,
    )
    with serving(create_app(settings)) as url:
        yield url


async def _play(c: httpx.AsyncClient, h: dict[str, str], scenario: str, lines: list[str]) -> str:
    r = await c.post("/api/sessions", json={"scenario_id": scenario}, headers=h)
    assert r.status_code == 201, r.text
    sid: str = r.json()["id"]
    for line in lines:
        r = await c.post(f"/api/sessions/{sid}/messages", json={"text": line}, headers=h)
        assert r.status_code == 200, r.text
    assert (await c.post(f"/api/sessions/{sid}/end", headers=h)).status_code == 200
    return sid


async def _history(base: str) -> None:
    """Two trainees, two scenarios, three MES role-plays on one day, an override, an assignment."""
    t1, t2 = await api_token(base, "trainee1"), await api_token(base, "trainee2")
    coach, manager = await api_token(base, "coach1"), await api_token(base, "manager1")
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        teams = (await c.get("/api/teams", headers=manager)).json()
        r = await c.post(
            "/api/assignments",
            json={"scenario_id": "zh-mes-auto-parts", "team_id": teams[0]["id"], "min_score": 40},
            headers=manager,
        )
        assert r.status_code == 201, r.text
        first = await _play(c, t1, "zh-mes-auto-parts", ZH_LINES[:2])
        await _play(c, t1, "zh-mes-auto-parts", ZH_LINES[:4])
        await _play(c, t1, "zh-mes-auto-parts", ZH_LINES)
        await _play(c, t1, "en-fleet-telematics", EN_LINES)
        await _play(c, t2, "zh-mes-auto-parts", ZH_LINES[:3])
        await _play(c, t2, "en-fleet-telematics", EN_LINES[:1])
        r = await c.post(
            f"/api/reviews/sessions/{first}/overrides",
            json={"dimension": "questioning", "score": 35, "reason": "问题太笼统。"},
            headers=coach,
        )
        assert r.status_code in (200, 201), r.text


async def _no_page_overflow(page: Any) -> None:
    wide = await page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wide <= 0, f"{page.url} scrolls sideways by {wide}px"


async def test_analytics_pages_in_both_languages_desktop_and_phone(
    llm_live_server: str, chromium: Any, artifacts: Path
) -> None:
    base = llm_live_server
    await _history(base)
    for lang, locale in (("zh", "zh-CN"), ("en", "en-US")):
        for size_name, size in SIZES.items():
            async with tab(chromium, locale, viewport=size) as page:
                await login(page, base, "manager1")
                for name, (path, titles) in PAGES.items():
                    await page.goto(f"{base}{path}")
                    await expect(page.locator("h1")).to_have_text(titles[lang])
                    await expect(page.locator(".tabs a[aria-current=page]")).to_have_count(1)
                    await _no_page_overflow(page)
                    await shot(page, artifacts, f"analytics-{lang}-{name}-{size_name}")

    async with tab(chromium, "zh-CN") as page:
        await login(page, base, "manager1")
        await page.get_by_role("link", name="数据分析").click()
        heat = page.locator("#heatmap tbody tr[data-trainee=trainee1] td[data-metric]")
        await expect(heat).to_have_count(4)
        await expect(heat.first).to_contain_text("4 场")  # every cell says its count
        await page.locator("#heatmap tbody tr[data-trainee=trainee1] th a").click()
        await expect(page.locator("h1")).to_have_text("个人趋势")
        # Three MES sessions on one day: three points, told apart on the axis and in the table.
        await expect(page.locator("#trend-table tbody tr")).to_have_count(3)
        dates = await page.locator("#trend-chart text[data-time]").all_text_contents()
        assert len(set(dates)) == 3
        assert all("·" in d for d in dates)
        await expect(page.locator("#trend-chart g[data-series=questioning] .dot")).to_have_count(3)
        await page.select_option("#f-scenario", "en-fleet-telematics")
        await expect(page.locator("#trend-table tbody tr")).to_have_count(1)

        # The chart box takes keyboard focus, and shows it.
        await page.locator(".chart-scroll").focus()
        outline = await page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"

        await page.goto(f"{base}/usage")
        cost = page.locator("#usage-trainees tbody tr[data-username=trainee1] td[data-cost]")
        assert float(await cost.get_attribute("data-cost") or 0) > 0
        await expect(page.locator("#usage-chart .usage-row")).to_have_count(2)
        async with page.expect_download() as info:
            await page.get_by_role("link", name="按学员下载 CSV").click()
        download = await info.value
        body = await asyncio.to_thread(Path(await download.path()).read_bytes)
        assert body.startswith(b"\xef\xbb\xbf")
        assert "学员" in body.decode("utf-8-sig").splitlines()[0]
        assert download.suggested_filename.startswith("usage-trainees-")

    async with tab(chromium, "en-US", viewport=SIZES["phone"]) as page:
        await login(page, base, "coach1")
        await page.goto(f"{base}/analytics/assignments")
        await expect(page.locator(".tabs a")).to_have_count(4)  # no usage tab for coaches
        await expect(page.locator("#completion-table tbody tr")).to_have_count(1)
        await shot(page, artifacts, "analytics-en-coach-assignments-phone")
        await page.goto(f"{base}/usage")
        await expect(page.locator("h1")).not_to_have_text("Usage and cost")
