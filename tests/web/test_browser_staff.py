"""Managers and coaches in a real browser: scenario editor, assignments, reviews, dashboard."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from app.accounts.service import DEMO_TEAM
from tests.web.conftest import needs_chromium
from tests.web.pw import ZH_LINES, api_token, login, say, shot, tab

pytestmark = [pytest.mark.browser, needs_chromium]


async def test_manager_writes_a_scenario_fixes_an_error_and_assigns_it(
    live_server: str, chromium: Any, artifacts: Path
) -> None:
    async with tab(chromium, "zh-CN") as page:
        await login(page, live_server, "manager1")
        await expect(page.locator("h1")).to_have_text("团队看板")
        await page.get_by_role("link", name="场景库").click()
        await page.get_by_role("link", name="新建场景").click()
        await expect(page.locator("#editor-root [data-section='basics']")).to_be_visible()

        # Two mistakes: an id that isn't a slug, and a need without keywords (the editor
        # shows one section at a time; the navigation opens the others).
        await page.fill("[data-path='id']", "ACME MES!")
        await page.fill("[data-path='title']", "华锐机械的MES试点")
        await page.locator("#editor-toc a[data-sec='needs']").click()
        await page.fill("[data-path='needs[0].keywords']", "")
        await page.click("#save-scenario")
        id_field = page.locator("[data-field='id']")
        await expect(id_field).to_have_class(re.compile("has-error"))
        await expect(id_field.locator(".field-error")).to_have_text("格式不对。")
        keywords = page.locator("[data-field='needs[0].keywords']")
        await expect(keywords.locator(".field-error")).to_contain_text("至少需要 1 项")
        await expect(page.locator("#form-errors .form-error")).to_contain_text("2 处")
        await expect(page.locator("#editor-toc a.bad")).to_have_count(2)
        await expect(page.locator("[data-path='id']")).to_be_visible()  # the first error's section
        await page.locator("#form-errors").scroll_into_view_if_needed()
        await page.wait_for_timeout(600)  # let the smooth scroll to the first error settle
        await shot(page, artifacts, "manager-01-scenario-errors", full=False)
        await page.locator("#form-errors a", has_text="关键词").click()  # the summary opens it
        await expect(keywords).to_be_visible()
        await page.wait_for_timeout(300)
        await shot(page, artifacts, "manager-02-scenario-list-error", full=False)

        await page.fill("[data-path='needs[0].keywords']", "数据\n进度\n实时")
        await page.locator("#editor-toc a[data-sec='basics']").click()
        await page.fill("[data-path='id']", "acme-mes-pilot")
        await page.click("#save-scenario")
        await page.wait_for_url(re.compile(r"/scenarios#acme-mes-pilot$"))
        row = page.locator("#scenario-list tr[data-scenario-id='acme-mes-pilot']")
        await expect(row).to_contain_text("华锐机械的MES试点")
        await expect(row).to_contain_text("自建")
        await shot(page, artifacts, "manager-03-scenario-saved")

        await row.get_by_role("link", name="布置").click()
        await page.wait_for_url(re.compile(r"/assignments\?scenario=acme-mes-pilot"))
        assert await page.input_value("#a-scenario") == "acme-mes-pilot"
        await page.select_option("#a-team", label=DEMO_TEAM)
        await page.fill("#a-due", "2031-06-30T18:00")
        await page.fill("#a-min", "150")  # out of range: shown at the field
        await page.fill("#a-att", "2")
        await page.fill("#a-note", "重点练习挖掘决策链")
        await page.click("#create-assignment")
        await expect(page.locator("#a-min ~ .field-error")).to_contain_text("不能大于 100")
        await page.fill("#a-min", "50")
        await page.click("#create-assignment")
        listed = page.locator("#assignment-list tbody tr")
        await expect(listed).to_have_count(1)
        await expect(listed.first).to_contain_text("华锐机械的MES试点")
        await expect(listed.first).to_contain_text(DEMO_TEAM)
        await shot(page, artifacts, "manager-04-assigned")
        await listed.first.get_by_role("link").first.click()
        await page.get_by_role("button", name="修改任务").click()
        await page.fill("#e-min", "55")
        await page.get_by_role("button", name="保存修改").click()
        await expect(page.locator(".page-head p")).to_contain_text("总分 ≥ 55")
        await expect(page.locator("tbody tr")).to_have_count(2)  # the team's two trainees

    async with tab(chromium, "zh-CN") as page:
        await login(page, live_server, "trainee1")
        card = page.locator("#assignments .assignment").first
        await expect(card).to_contain_text("华锐机械的MES试点")
        await expect(card).to_contain_text("总分 ≥ 55")
        await expect(card).to_contain_text("已用 0 / 2 次")
        await expect(card).to_contain_text("2031")
        await expect(card).to_contain_text("重点练习挖掘决策链")
        await shot(page, artifacts, "manager-05-trainee-sees-assignment")
        await card.get_by_role("button", name="开始对练").click()
        await page.wait_for_url(re.compile(r"/sessions/"))
        await say(page, ZH_LINES[0])
        await page.goto(live_server)
        await expect(page.locator("#assignments .assignment").first).to_contain_text(
            "已用 1 / 2 次"
        )


async def test_coach_comments_and_overrides_and_the_trainee_sees_both(
    live_server: str, chromium: Any, artifacts: Path
) -> None:
    trainee = await api_token(live_server, "trainee1")
    async with httpx.AsyncClient(base_url=live_server, headers=trainee) as api:
        sid = (await api.post("/api/sessions", json={"scenario_id": "zh-mes-auto-parts"})).json()[
            "id"
        ]
        for line in ZH_LINES[:3]:
            assert (
                await api.post(f"/api/sessions/{sid}/messages", json={"text": line})
            ).status_code == 200
        card = (await api.post(f"/api/sessions/{sid}/end")).json()
    original = card["dimensions"]["questioning"]["score"]
    new_score = 88 if original != 88 else 87

    async with tab(chromium, "zh-CN") as page:
        await login(page, live_server, "coach1")
        await expect(page.locator("h1")).to_have_text("复盘队列")
        row = page.locator(f"#queue tr[data-session-id='{sid}']")
        await expect(row).to_contain_text("林悦 Lin Yue")
        await shot(page, artifacts, "coach-01-queue")
        await row.get_by_role("link", name="去复盘").click()
        await page.wait_for_url(re.compile(f"/sessions/{sid}"))

        await page.locator("#turn-1").get_by_role("button", name="点评").click()
        await page.fill("#cm-1", "开场就问现状，很好；下一步追问“对交付有什么影响”。")
        await page.locator("#comment-1").get_by_role("button", name="发表点评").click()
        await expect(page.locator("#turn-1 .comment")).to_contain_text("开场就问现状")

        dim = page.locator("#dim-questioning")
        await dim.get_by_role("button", name="调整分数").click()
        await page.fill("#ov-score-questioning", str(new_score))
        await page.click("#override-questioning button[type=submit]")  # no reason yet
        await expect(page.locator("#override-questioning .field-error")).to_be_visible()
        await page.fill("#ov-reason-questioning", "追问很自然，系统低估了第5句的跟进")
        await page.click("#override-questioning button[type=submit]")
        await expect(dim.locator("[data-role=effective]")).to_have_text(str(new_score))
        await expect(dim.locator(".strike")).to_have_text(str(original))
        await expect(dim.locator("[data-role=override]")).to_contain_text("王芳 Wang Fang")
        await page.get_by_role("button", name="标记为已复盘").click()
        await expect(page.locator("#reviewed-chip")).to_be_visible()
        await shot(page, artifacts, "coach-02-reviewed")

    async with tab(chromium, "zh-CN") as page:
        await login(page, live_server, "trainee1")
        await page.goto(f"{live_server}/sessions/{sid}")
        await expect(page.locator("#turn-1 .comment")).to_contain_text("开场就问现状")
        dim = page.locator("#dim-questioning")
        await expect(dim.locator("[data-role=effective]")).to_have_text(str(new_score))
        await expect(dim.locator("[data-role=override]")).to_contain_text("系统低估了第5句的跟进")
        await expect(page.locator("#reviewed-chip")).to_contain_text("王芳 Wang Fang")
        # ... and may dispute a score.
        await page.locator("#dim-needs_discovery").get_by_role("button", name="申诉").click()
        await page.fill("#dp-needs_discovery", "第9句问了决策人，评分没算进去")
        await (
            page.locator("#dispute-needs_discovery")
            .get_by_role("button", name="提交给教练")
            .click()
        )
        await expect(page.locator("#dim-needs_discovery")).to_contain_text("申诉处理中")
        await shot(page, artifacts, "coach-03-trainee-sees-review")

    async with tab(chromium, "zh-CN") as page:
        await login(page, live_server, "manager1")
        trust = page.locator("#override-stats tr[data-dimension='questioning']")
        await expect(trust).to_contain_text("100.0%")
        await expect(trust).to_contain_text(f"{abs(new_score - original)}.0")
        await expect(page.locator("#trend-chart svg")).to_be_visible()
        await shot(page, artifacts, "coach-04-manager-dashboard")
        async with page.expect_download() as download_info:
            await page.get_by_role("link", name="导出 CSV").click()
        download = await download_info.value
        saved = Path(await download.path())
        text = await asyncio.to_thread(saved.read_text, encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows[0]["session_id"] == sid
        assert rows[0]["questioning_original"] == str(original)
        assert rows[0]["questioning_effective"] == str(new_score)
