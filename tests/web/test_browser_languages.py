"""Every page in both languages, as trainee, coach and manager, in a real browser: no English
on a Chinese page and no Chinese on an English page, except user data.

User data is what people wrote or the scenario holds: scenario content, names, team names,
the transcript, comments, notes, and the scorer's reasons in the role-play's language. It is
taken from the API and set aside before the check; text the page marks as being in another
language (`lang="en"` on a Chinese page) and decorative marks (`aria-hidden`) are set aside too.
Everything else the page shows, scripts' text, placeholders, labels for screen readers, error
messages and the error pages included, must be in the page's language.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from app.accounts.service import DEMO_TEAM
from tests.web.conftest import needs_chromium
from tests.web.pw import ZH_LINES, api_token, login, shot, tab

pytestmark = [pytest.mark.browser, needs_chromium]

EN_LINES = [
    "Thanks for making the time. How do you keep track of your trucks today?",
    "What is the hardest part of that setup for your team?",
    "When a truck breaks down unexpectedly, what does that cost you?",
]
CUSTOM_ID = "walk-custom-scenario"
ANALYTICS = ["/analytics", "/analytics/trends", "/analytics/scenarios", "/analytics/assignments"]

# Every piece of text the page renders or says, as the browser has it after the scripts ran:
# visible text nodes, the document and SVG titles, and the attributes people read or hear.
COLLECT = """
(pageLang) => {
  const out = [];
  const primary = (tag) => (tag || "").toLowerCase().split("-")[0];
  const foreign = (el) => {
    const marked = el.closest("[lang]");
    return marked && marked !== document.documentElement && primary(marked.getAttribute("lang")) !== pageLang;
  };
  // Code (usernames, the demo password, commands) is no language; aria-hidden is decoration.
  const skip = (el) => !el || el.closest("script, style, noscript, template, code, kbd, [aria-hidden='true']") || foreign(el);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.data.trim();
    if (!text || skip(el)) continue;
    const svgText = el.closest("svg");
    if (!svgText && el.checkVisibility && !el.checkVisibility() && !el.closest("option, desc, title")) continue;
    out.push(text);
  }
  out.push(document.title);
  for (const el of document.querySelectorAll("[placeholder], [aria-label], [title], [alt], input[type=submit], input[type=button]")) {
    if (skip(el)) continue;
    for (const name of ["placeholder", "aria-label", "title", "alt", "value"]) {
      if (name === "value" && el.tagName !== "INPUT") continue;
      const v = el.getAttribute(name);
      if (v && v.trim()) out.push(v.trim());
    }
  }
  return out;
}
"""
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Key names a Chinese page writes the way the keyboard does ("Enter 发送").
KEYS = {"Enter", "Shift"}
# What a Chinese page may say in Latin letters: keys on the keyboard, CSV (a file type), and
# token, the unit model providers bill in, as Chinese vendors' price lists write it.
ZH_ALLOWED = KEYS | {"CSV", "token"}


def _strings(node: Any, out: set[str], skip_keys: frozenset[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in skip_keys:
                _strings(value, out, skip_keys)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out, skip_keys)
    elif isinstance(node, str) and node.strip() and not re.fullmatch(r"[a-z_+]+", node):
        # Enum values (`price`, `proficient`) are not user data: the page must translate them.
        out.add(node.strip())


async def _user_data(base: str) -> list[str]:
    """Everything people wrote or the scenarios hold, longest first (to be cut out whole)."""
    found: set[str] = set()
    skip = frozenset({"coaching", "scorer", "band", "role", "status", "source", "language"})
    manager = await api_token(base, "manager1")
    async with httpx.AsyncClient(base_url=base, headers=manager) as c:
        for s in (await c.get("/api/scenarios")).json():
            _strings((await c.get(f"/api/scenarios/{s['id']}")).json(), found, skip)
        _strings((await c.get("/api/users")).json(), found, skip)
        _strings((await c.get("/api/teams")).json(), found, skip)
        _strings((await c.get("/api/assignments")).json(), found, skip)
        for s in (await c.get("/api/sessions", params={"limit": 200})).json()["items"]:
            _strings((await c.get(f"/api/sessions/{s['id']}")).json(), found, skip)
            _strings((await c.get(f"/api/reviews/sessions/{s['id']}")).json(), found, skip)
    return sorted(found, key=len, reverse=True)


def _leaks(strings: list[str], lang: str, user_data: list[str]) -> list[str]:
    leaks = []
    for text in strings:
        rest = text
        for data in user_data:
            if data in rest:
                rest = rest.replace(data, " ")
        if lang == "zh":
            words = [w for w in LATIN_WORD.findall(rest) if w not in ZH_ALLOWED]
            if words:
                leaks.append(f"{text!r} -> {words}")
        elif HAN.search(rest):
            leaks.append(repr(text))
    return leaks


async def _play(base: str, headers: dict[str, str], scenario: str, lines: list[str]) -> str:
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=60) as c:
        r = await c.post("/api/sessions", json={"scenario_id": scenario})
        assert r.status_code == 201, r.text
        sid: str = r.json()["id"]
        for line in lines:
            r = await c.post(f"/api/sessions/{sid}/messages", json={"text": line})
            assert r.status_code == 200, r.text
    return sid


async def _history(base: str) -> dict[str, Any]:
    """Finished role-plays in both languages with comments, an override and a dispute; open
    ones to chat in; an assignment, a scenario of the manager's own."""
    trainee = await api_token(base, "trainee1")
    coach = await api_token(base, "coach1")
    manager = await api_token(base, "manager1")
    zh = await _play(base, trainee, "zh-mes-auto-parts", ZH_LINES[:4])
    en = await _play(base, trainee, "en-fleet-telematics", EN_LINES)
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        for sid in (zh, en):
            assert (await c.post(f"/api/sessions/{sid}/end", headers=trainee)).status_code == 200
        review = f"/api/reviews/sessions/{zh}"
        await c.post(
            f"{review}/comments", json={"turn_index": 1, "body": "开场问得好。"}, headers=coach
        )
        await c.post(
            f"/api/reviews/sessions/{en}/comments",
            json={"turn_index": 1, "body": "Good opening question."},
            headers=coach,
        )
        await c.post(
            f"{review}/overrides",
            json={"dimension": "questioning", "score": 90, "reason": "追问很自然。"},
            headers=coach,
        )
        await c.post(
            f"{review}/disputes",
            json={"dimension": "needs_discovery", "reason": "第三句问到了影响。"},
            headers=trainee,
        )
        scenario = (
            await c.get("/api/scenarios/zh-retail-fresh-replenishment", headers=manager)
        ).json()["full"]
        scenario.update(id=CUSTOM_ID, title="生鲜补货试点（自建）")
        scenario.pop("version", None)
        r = await c.post("/api/scenarios", json=scenario, headers=manager)
        assert r.status_code == 201, r.text
        teams = (await c.get("/api/teams", headers=manager)).json()
        r = await c.post(
            "/api/assignments",
            json={
                "scenario_id": CUSTOM_ID,
                "team_id": teams[0]["id"],
                "min_score": 60,
                "max_attempts": 3,
                "note": "重点练习挖掘决策链",
            },
            headers=manager,
        )
        assert r.status_code == 201, r.text
        assignment = r.json()["id"]
    active_zh = await _play(base, trainee, "zh-mes-auto-parts", ZH_LINES[:1])
    trainee_id = (await httpx.AsyncClient(base_url=base, headers=trainee).get("/api/me")).json()[
        "id"
    ]
    return {
        "zh": zh,
        "en": en,
        "active_zh": active_zh,
        "assignment": assignment,
        "trainee_id": trainee_id,
    }


def _pages(h: dict[str, Any]) -> dict[str, list[str]]:
    reports = [f"/sessions/{h['zh']}", f"/sessions/{h['en']}"]
    return {
        "trainee1": [
            "/",
            "/history",
            *reports,
            f"/sessions/{h['active_zh']}",
            "/no-such-page",  # 404
            "/usage",  # 403
            "/dashboard",  # 403
            "/account",
        ],
        "coach1": [
            "/reviews",
            "/reviews?filter=all",
            "/dashboard",
            *reports,
            f"/trainees/{h['trainee_id']}",
            "/assignments",
            f"/assignments/{h['assignment']}",
            *ANALYTICS,
            "/usage",  # 403: managers only
            "/teams",  # 403
            "/account",
        ],
        "manager1": [
            "/dashboard",
            "/reviews?filter=all",
            "/scenarios",
            "/scenarios/new",
            f"/scenarios/{CUSTOM_ID}/edit",
            "/teams",
            "/assignments",
            f"/assignments/{h['assignment']}",
            f"/trainees/{h['trainee_id']}",
            *ANALYTICS,
            f"/analytics/trends?trainee_id={h['trainee_id']}&scenario_id=en-fleet-telematics",
            "/analytics/scenarios?metric=objection_handling",
            "/usage",
            *reports,
            "/sessions/" + "0" * 32,  # 404 with its reason
            "/account",
        ],
    }


async def _check(page: Any, lang: str, user_data: list[str], where: str) -> list[str]:
    await page.wait_for_load_state("networkidle")
    found = _leaks(await page.evaluate(COLLECT, lang), lang, user_data)
    return [f"{where}: {leak}" for leak in found]


async def _open_everything(page: Any) -> None:
    """Show what the page folds away: evidence, briefs, hidden forms."""
    for summary in await page.locator("details > summary").all():
        if await summary.is_visible():
            await summary.click()
    for opener in await page.locator("[data-open]").all():
        if await opener.is_visible():
            await opener.click()


async def test_no_page_mixes_languages(live_server: str, chromium: Any, artifacts: Path) -> None:
    h = await _history(live_server)
    user_data = await _user_data(live_server)
    assert "林悦 Lin Yue" in user_data
    leaks: list[str] = []
    walked = 0
    for lang, locale in (("zh", "zh-CN"), ("en", "en-US")):
        for username, paths in _pages(h).items():
            async with tab(chromium, locale) as page:
                await login(page, live_server, username)
                leaks += await _check(page, lang, user_data, f"{lang} {username} login")
                for path in paths:
                    await page.goto(f"{live_server}{path}")
                    await _open_everything(page)
                    leaks += await _check(page, lang, user_data, f"{lang} {username} {path}")
                    walked += 1
                if username == "manager1":
                    leaks += await _form_errors(page, live_server, lang, user_data)
                if username == "trainee1":
                    await page.goto(f"{live_server}/no-such-page")
                    await shot(page, artifacts, f"walk-{lang}-404-desktop")
            async with tab(chromium, locale) as page:
                await page.goto(f"{live_server}/login")
                leaks += await _check(page, lang, user_data, f"{lang} login page")
    assert walked > 40
    unique = list(dict.fromkeys(leaks))
    assert unique == [], "\n".join(unique)

    async with tab(chromium, "zh-CN", viewport={"width": 390, "height": 844}) as page:
        await login(page, live_server, "trainee1")
        await page.goto(f"{live_server}/no-such-page")
        await expect(page.locator("h1")).to_have_text("找不到页面")
        await shot(page, artifacts, "walk-zh-404-phone")
    async with tab(chromium, "zh-CN", viewport={"width": 390, "height": 844}) as page:
        await login(page, live_server, "manager1")
        await page.goto(f"{live_server}/dashboard")
        await shot(page, artifacts, "walk-zh-dashboard-phone")


async def _form_errors(page: Any, base: str, lang: str, user_data: list[str]) -> list[str]:
    """Server validation as the forms show it: an assignment with nobody to do it, a team
    whose name is taken, a password too easy to guess."""
    leaks = []
    await page.goto(f"{base}/assignments")
    await page.click("#create-assignment")
    error = page.locator("#new-assignment .field-error, #new-assignment .form-error").first
    await expect(error).to_be_visible()
    expected = "请选择一个团队，或至少一名学员。" if lang == "zh" else "Choose a team"
    await expect(error).to_contain_text(expected)
    leaks += await _check(page, lang, user_data, f"{lang} assignment form error")

    await page.goto(f"{base}/teams")
    team_form = page.locator("form[data-kind=team]")
    await team_form.locator("input[name=name]").fill(DEMO_TEAM)
    await team_form.locator("button[type=submit]").click()
    await expect(team_form.locator(".form-error, .field-error").first).to_be_visible()
    leaks += await _check(page, lang, user_data, f"{lang} team form error")

    # A manager's account actions: the reset dialog with its policy message.
    await page.locator("#people [data-reset-user]").first.click()
    reset = page.locator("#reset-dialog")
    await reset.locator("input[name=new_password]").fill("12345678")
    await reset.locator("button[type=submit]").click()
    await expect(reset.locator(".field-error").first).to_be_visible()
    leaks += await _check(page, lang, user_data, f"{lang} reset password dialog")
    await reset.locator("[data-cancel]").click()

    # The account page's own errors: a wrong current password, then a weak new one.
    await page.goto(f"{base}/account")
    await page.fill("#current-password", "not-my-password")
    await page.fill("#new-password", "violet-harbor-cactus-92")
    await page.fill("#confirm-password", "violet-harbor-cactus-92")
    await page.click("#password-form button[type=submit]")
    await expect(page.locator("#password-form .field-error")).to_be_visible()
    leaks += await _check(page, lang, user_data, f"{lang} account wrong password")
    await page.fill("#current-password", "demo")
    await page.fill("#new-password", "12345678")
    await page.fill("#confirm-password", "12345678")
    await page.click("#password-form button[type=submit]")
    await expect(page.locator("#new-password ~ .field-error")).to_be_visible()
    leaks += await _check(page, lang, user_data, f"{lang} account weak password")
    await page.goto(f"{base}/teams")

    user_form = page.locator("form[data-kind=user]")
    await user_form.locator("input[name=username]").fill(f"walker{lang}")
    await user_form.locator("input[name=display_name]").fill("Walker")
    await user_form.locator("input[name=password]").fill("12345678")
    await user_form.locator("button[type=submit]").click()
    await expect(user_form.locator(".field-error, .form-error").first).to_be_visible()
    leaks += await _check(page, lang, user_data, f"{lang} user form error")
    return leaks
