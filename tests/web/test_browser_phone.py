"""On a phone (390×844): ending a meeting opens the scorecard at its top, summary first; the
chat box holds a message to the limit while typing. Screenshots of the new screens too."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import expect

from tests.web.conftest import needs_chromium
from tests.web.pw import ZH_LINES, login, say, shot, tab

pytestmark = [pytest.mark.browser, needs_chromium]

PHONE = {"width": 390, "height": 844}


async def test_ending_a_meeting_on_a_phone_shows_the_score_at_the_top(
    live_server: str, chromium: Any, artifacts: Path
) -> None:
    async with tab(chromium, "zh-CN", viewport=PHONE) as page:
        await login(page, live_server, "trainee1")
        await page.locator("#library [data-scenario-id='zh-mes-auto-parts'] button").click()
        await page.wait_for_url(re.compile(r"/sessions/[0-9a-f]{32}$"))
        for line in ZH_LINES:
            await say(page, line)
        await shot(page, artifacts, "phone-01-chat", full=False)

        # The length limit holds while typing: maxlength stops the box, a counter shows
        # from 80% and turns red at the limit, with a note for screen readers.
        box = page.locator("#message")
        limit = int(await box.get_attribute("maxlength") or 0)
        assert limit == 4000
        await box.fill("问" * (limit - 10))
        await expect(page.locator("#counter")).to_have_text(f"{limit - 10} / {limit}")
        await expect(page.locator("#counter")).not_to_have_class(re.compile("at-limit"))
        await box.press("End")
        await page.keyboard.type("再多说几句话就到上限了吧")  # 12 characters, 2 over
        assert len(await box.input_value()) == limit
        await expect(page.locator("#counter")).to_have_class(re.compile("at-limit"))
        await expect(page.locator("#limit-note")).to_contain_text("4000")
        await shot(page, artifacts, "phone-02-chat-limit", full=False)
        await box.fill("")
        await expect(page.locator("#counter")).to_have_text("")

        # Far down the page, as a trainee is after a long conversation on a phone.
        await page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        assert await page.evaluate("() => window.scrollY") > 0
        await page.locator("#end-btn").click()
        await page.locator("#end-yes").click()
        await expect(page.locator("#scorecard")).to_be_visible()
        await expect(page.locator("#scorecard .score-ring")).to_be_in_viewport()
        assert await page.evaluate("() => window.scrollY") == 0
        await page.wait_for_timeout(300)  # a late scroll restoration would move it now
        await expect(page.locator("#scorecard .score-ring")).to_be_in_viewport()
        assert await page.evaluate("() => window.scrollY") == 0
        await shot(page, artifacts, "phone-03-scorecard-top", full=False)
        await expect(page.locator("#scorecard svg[role=img]")).to_be_visible()
        await page.locator("#practise-next").scroll_into_view_if_needed()
        await shot(page, artifacts, "phone-04-practise-next", full=False)
        await page.locator("#dim-questioning details summary").click()
        await page.locator("#dim-questioning").scroll_into_view_if_needed()
        await shot(page, artifacts, "phone-05-evidence-open", full=False)

        # Every later visit opens at the top too (a reload restores no scroll position).
        await page.evaluate("() => window.scrollTo(0, 1500)")
        await page.reload()
        await expect(page.locator("#scorecard .score-ring")).to_be_in_viewport()

    async with tab(chromium, "en-US") as page:
        await login(page, live_server, "trainee1")
        await page.locator("#recent a[href^='/sessions/']").first.click()
        await expect(page.locator("#scorecard")).to_be_visible()
        await expect(page.locator("#practise-next h3")).to_have_text("Practise next")
        await shot(page, artifacts, "desktop-01-scorecard-summary", full=False)
