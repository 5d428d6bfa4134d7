"""A trainee in a real browser: a Chinese role-play, the live chat, the scorecard with evidence."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import expect

from tests.web.conftest import needs_chromium
from tests.web.pw import ZH_LINES, login, say, shot, tab

pytestmark = [pytest.mark.browser, needs_chromium]


async def test_trainee_completes_a_chinese_roleplay_and_reads_the_scorecard(
    live_server: str, chromium: Any, artifacts: Path
) -> None:
    async with tab(chromium, "zh-CN") as page:
        await page.goto(live_server)
        await expect(page.locator("h2")).to_have_text("登录")  # the browser asked for Chinese
        await shot(page, artifacts, "trainee-01-login")
        await login(page, live_server, "trainee1")
        await expect(page.locator("h1")).to_contain_text("你好")
        await shot(page, artifacts, "trainee-02-home")

        card = page.locator("#library [data-scenario-id='zh-mes-auto-parts']")
        await card.get_by_role("button", name="开始练习").click()
        await page.wait_for_url(re.compile(r"/sessions/[0-9a-f]{32}$"))
        await expect(page.locator("#messages .msg.buyer").first).to_be_visible()

        # Shift+Enter breaks the line and sends nothing; Enter sends.
        await page.fill("#message", "第一行")
        await page.press("#message", "Shift+Enter")
        await page.keyboard.type("第二行")
        assert await page.input_value("#message") == "第一行\n第二行"
        assert await page.locator("#messages .msg.trainee").count() == 0
        await page.fill("#message", "")

        for line in ZH_LINES[:3]:
            await say(page, line)
        await expect(page.locator("#messages .msg.trainee")).to_have_count(3)

        # The conversation survives a reload, an unsent draft too.
        await page.fill("#message", "还没发出去的草稿")
        await page.reload()
        await expect(page.locator("#messages .msg.trainee")).to_have_count(3)
        await expect(page.locator("#messages .msg.trainee").last).to_contain_text(ZH_LINES[2])
        assert await page.input_value("#message") == "还没发出去的草稿"
        await page.fill("#message", "")
        for line in ZH_LINES[3:]:
            await say(page, line)
        await shot(page, artifacts, "trainee-03-chat")

        await page.click("#end-btn")
        await page.click("#end-yes")
        await expect(page.locator("#scorecard")).to_be_visible()
        for dim in ("questioning", "objection_handling", "needs_discovery"):
            box = page.locator(f"#dim-{dim}")
            await expect(box.locator("[data-role=effective]")).to_have_text(
                re.compile(r"^(\d+|—)$")
            )
        # The summary first: the chart says every score, and up to three things to practise.
        chart = page.locator("#scorecard svg[role=img]")
        await expect(chart).to_be_visible()
        assert "提问" in (await chart.locator("desc").text_content() or "")
        assert 1 <= await page.locator("#practise-next li").count() <= 3
        # Evidence is folded per dimension; opening it shows the quotes.
        evidence = page.locator("#dim-questioning .evidence a").first
        await expect(evidence).to_be_hidden()
        await page.locator("#dim-questioning details summary").click()
        await expect(evidence).to_be_visible()
        target = await evidence.get_attribute("data-jump")
        quote = await page.locator("#dim-questioning .evidence q").first.inner_text()
        await evidence.click()
        turn = page.locator(f"#turn-{target}")
        await expect(turn).to_have_class(re.compile("highlight"))
        await expect(turn).to_be_in_viewport()
        assert quote in await turn.locator(".turn-text").inner_text()
        assert page.url.endswith(f"#turn-{target}")
        await expect(page.locator(".checklist .tick.yes").first).to_be_visible()  # needs found
        await expect(page.locator(".coach-tip").first).to_be_visible()  # turn-by-turn codes
        await shot(page, artifacts, "trainee-04-scorecard")

        await page.get_by_role("link", name="我的进步").click()
        await expect(page.locator("#progress-chart svg circle").first).to_be_visible()
        await shot(page, artifacts, "trainee-05-progress")


async def test_html_in_a_line_renders_as_text(
    live_server: str, chromium: Any, artifacts: Path
) -> None:
    evil = '<script>window.__pwned = 1</script><b>加粗</b><img src=x onerror="window.__pwned=2">'
    async with tab(chromium, "zh-CN") as page:
        await login(page, live_server, "trainee1")
        await page.locator("#library [data-scenario-id='zh-mes-auto-parts'] button").click()
        await page.wait_for_url(re.compile(r"/sessions/"))
        await say(page, evil)
        bubble = page.locator("#messages .msg.trainee .bubble").last
        await expect(bubble).to_contain_text(evil)
        assert await bubble.locator("b, img, script").count() == 0
        await page.reload()
        bubble = page.locator("#messages .msg.trainee .bubble").last
        await expect(bubble).to_contain_text(evil)
        assert await bubble.locator("b, img, script").count() == 0
        await page.click("#end-btn")
        await page.click("#end-yes")
        turn = page.locator("#turn-1 .turn-text")
        await expect(turn).to_have_text(evil)
        assert await turn.locator("b, img, script").count() == 0
        assert await page.evaluate("() => window.__pwned") is None
        await shot(page, artifacts, "escaping-01-report")


async def test_chat_falls_back_and_recovers(
    live_server: str, chromium: Any, artifacts: Path
) -> None:
    async with tab(chromium, "en-US") as page:
        await login(page, live_server, "trainee1")
        await expect(page.locator("h1")).to_contain_text("Hello")
        await page.locator("#library [data-scenario-id='en-fleet-telematics'] button").click()
        await page.wait_for_url(re.compile(r"/sessions/"))

        # The stream breaks after the message is stored: the trainee is offered a retry, and the
        # retry (POST /reply, 409: the server had answered after all) shows the stored reply.
        async def broken_stream(route: Any) -> None:
            real = await route.fetch()
            body = await real.text()
            first = body.split("\n\n")[0]
            await route.fulfill(
                status=200,
                headers={"content-type": "text/event-stream"},
                body=f'{first}\n\nevent: error\ndata: {{"error": "llm_unavailable", "detail": "x"}}\n\n',
            )

        await page.route("**/messages/stream", broken_stream)
        await page.fill("#message", "How do you keep track of your trucks today?")
        await page.press("#message", "Enter")
        await expect(page.locator("#notice")).to_be_visible()
        await expect(page.locator("#retry")).to_be_visible()
        await shot(page, artifacts, "chat-01-retry-offered")
        await page.click("#retry")
        await expect(page.locator("#notice")).to_be_hidden()
        await expect(page.locator("#messages .msg.buyer:not(#typing)")).to_have_count(2)
        await page.unroute("**/messages/stream")

        # Where no stream is offered (404), the plain endpoint answers; the typing indicator
        # shows while the buyer is "thinking".
        async def slow_plain(route: Any) -> None:
            await page.wait_for_timeout(700)
            await route.continue_()

        await page.route("**/messages/stream", lambda route: route.fulfill(status=404, body="{}"))
        await page.route("**/messages", slow_plain)
        await page.fill("#message", "What is the biggest headache with that setup?")
        await page.press("#message", "Enter")
        await expect(page.locator("#typing")).to_be_visible()
        await shot(page, artifacts, "chat-02-typing")
        await expect(page.locator("#messages .msg.buyer:not(#typing)")).to_have_count(3)
        await expect(page.locator("#typing")).to_be_hidden()

        # The language switch, then logout.
        await page.get_by_role("link", name="中文").click()
        await expect(page.locator("#send")).to_have_text("发送")
        await page.get_by_role("button", name="退出登录").click()
        await page.wait_for_url(re.compile(r"/login$"))
        await page.goto(f"{live_server}/history")
        await page.wait_for_url(re.compile(r"/login\?next=/history$"))
