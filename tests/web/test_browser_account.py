"""The account page and a manager's account actions in a real browser, in both languages, at
desktop and phone sizes: a wrong current password and a weak new one are said in the page's
language, a changed password is the one that signs in next, and a manager resets, deactivates
and reactivates an account through localized confirm dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from tests.web.conftest import needs_chromium
from tests.web.pw import api_token, login, shot, tab

pytestmark = [pytest.mark.browser, needs_chromium]

FIRST = "amber-kettle-orchid-17"
SECOND = "violet-harbor-cactus-92"
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
TEXT = {
    "zh": {
        "locale": "zh-CN",
        "link": "账户",
        "title": "我的账户",
        "wrong": "当前密码不对。",
        "weak": "太容易被猜到",
        "mismatch": "两次输入的新密码不一样。",
        "changed": "密码已修改。",
        "logout": "退出登录",
        "login_wrong": "用户名或密码",
        "reset": "重置密码",
        "reset_title": "重置 {name} 的密码",
        "reset_done": "{name} 的密码已重置。",
        "deactivate": "停用",
        "deactivate_title": "停用 {name} 的账号？",
        "inactive": "已停用的账号",
        "reactivate": "恢复",
    },
    "en": {
        "locale": "en-US",
        "link": "Account",
        "title": "My account",
        "wrong": "That isn't your current password.",
        "weak": "Too easy to guess",
        "mismatch": "The two new passwords don't match.",
        "changed": "Password changed.",
        "logout": "Log out",
        "login_wrong": "username or password",
        "reset": "Reset password",
        "reset_title": "Reset {name}'s password",
        "reset_done": "{name}'s password has been reset.",
        "deactivate": "Deactivate",
        "deactivate_title": "Deactivate {name}?",
        "inactive": "Deactivated accounts",
        "reactivate": "Reactivate",
    },
}


async def _new_trainee(base: str, username: str, display_name: str) -> int:
    manager = await api_token(base, "manager1")
    async with httpx.AsyncClient(base_url=base, headers=manager) as c:
        r = await c.post(
            "/api/users",
            json={
                "username": username,
                "display_name": display_name,
                "role": "trainee",
                "password": FIRST,
            },
        )
        assert r.status_code == 201, r.text
        user_id: int = r.json()["id"]
        return user_id


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", list(TEXT))
async def test_change_password_in_the_browser(
    live_server: str, chromium: Any, artifacts: Path, lang: str, size: str
) -> None:
    say = TEXT[lang]
    username = f"pw-{lang}-{size}"
    await _new_trainee(live_server, username, f"Account {lang} {size}")
    async with tab(chromium, say["locale"], viewport=SIZES[size]) as page:
        await login(page, live_server, username, FIRST)
        link = page.locator("header a[href='/account']")
        await expect(link).to_be_visible()  # on a phone too
        await expect(link).to_have_text(say["link"])
        await link.click()
        await expect(page.locator("h1")).to_have_text(say["title"])
        form = page.locator("#password-form")

        # Wrong current password: said at that field, in the page's language.
        await page.fill("#current-password", "not-my-password")
        await page.fill("#new-password", SECOND)
        await page.fill("#confirm-password", SECOND)
        await form.locator("button[type=submit]").click()
        current_error = page.locator("#current-password ~ .field-error")
        await expect(current_error).to_have_text(say["wrong"])
        await expect(page.locator("#current-password")).to_be_focused()

        # Confirmation that doesn't match: caught before anything is sent.
        await page.fill("#current-password", FIRST)
        await page.fill("#confirm-password", SECOND + "x")
        await form.locator("button[type=submit]").click()
        await expect(page.locator("#confirm-password ~ .field-error")).to_have_text(say["mismatch"])

        # A weak new password: the policy's message, at the new password.
        await page.fill("#new-password", "12345678")
        await page.fill("#confirm-password", "12345678")
        await form.locator("button[type=submit]").click()
        new_error = page.locator(
            "#new-password ~ .hint ~ .field-error, #new-password ~ .field-error"
        )
        await expect(new_error.first).to_contain_text(say["weak"])
        await shot(page, artifacts, f"account-{lang}-weak-{size}")

        # Success: this browser stays signed in and is told what happened.
        await page.fill("#new-password", SECOND)
        await page.fill("#confirm-password", SECOND)
        await form.locator("button[type=submit]").click()
        await expect(page.locator("#password-done")).to_contain_text(say["changed"])
        await expect(page.locator("#current-password")).to_have_value("")
        await expect(form.locator(".field-error")).to_have_count(0)
        await shot(page, artifacts, f"account-{lang}-changed-{size}")
        await page.reload()
        await expect(page.locator("h1")).to_have_text(say["title"])

        # Log out; the old password no longer works, the new one does.
        await page.locator("header form[action='/logout'] button").click()
        await page.wait_for_url("**/login")
        await page.fill("#username", username)
        await page.fill("#password", FIRST)
        await page.click("form[action='/login'] button[type=submit]")
        await expect(page.locator(".login-card .form-error")).to_contain_text(say["login_wrong"])
        await login(page, live_server, username, SECOND)
        await page.goto(f"{live_server}/account")
        await expect(page.locator("#profile")).to_contain_text(username)


@pytest.mark.parametrize("lang", list(TEXT))
async def test_manager_resets_deactivates_and_reactivates(
    live_server: str, chromium: Any, artifacts: Path, lang: str
) -> None:
    say = TEXT[lang]
    username = f"admin-{lang}"
    name = f"Admin Target {lang}"
    user_id = await _new_trainee(live_server, username, name)
    for size, viewport in SIZES.items():
        async with tab(chromium, say["locale"], viewport=viewport) as page:
            await login(page, live_server, "manager1")
            await page.goto(f"{live_server}/teams")
            row = page.locator(f"#people tr[data-user-id='{user_id}']")
            await row.get_by_role("button", name=say["reset"]).click()
            dialog = page.locator("#reset-dialog")
            await expect(dialog).to_be_visible()
            await expect(dialog.locator("h2")).to_have_text(say["reset_title"].format(name=name))
            await dialog.locator("input[name=new_password]").fill("12345678")
            await dialog.locator("button[type=submit]").click()
            await expect(dialog.locator(".field-error").first).to_contain_text(say["weak"])
            await shot(page, artifacts, f"people-{lang}-reset-{size}", full=False)
            await dialog.locator("input[name=new_password]").fill(
                SECOND if size == "phone" else FIRST + "!"
            )
            await dialog.locator("button[type=submit]").click()
            await expect(page.locator("#toast")).to_contain_text(
                say["reset_done"].format(name=name)
            )

    async with tab(chromium, say["locale"]) as page:
        await login(page, live_server, username, SECOND)  # the manager's new password
    async with tab(chromium, say["locale"], viewport=SIZES["phone"]) as page:
        await login(page, live_server, "manager1")
        await page.goto(f"{live_server}/teams")
        row = page.locator(f"#people tr[data-user-id='{user_id}']")
        await row.get_by_role("button", name=say["deactivate"]).click()
        dialog = page.locator("#deactivate-dialog")
        await expect(dialog.locator("h2")).to_have_text(say["deactivate_title"].format(name=name))
        await shot(page, artifacts, f"people-{lang}-deactivate-phone", full=False)
        await dialog.locator("button[type=submit]").click()
        inactive = page.locator("#inactive-people")
        await expect(inactive.locator("h2")).to_have_text(say["inactive"])
        await expect(inactive.locator(f"tr[data-user-id='{user_id}']")).to_be_visible()
        await expect(page.locator(f"#people tr[data-user-id='{user_id}']")).to_have_count(0)
        await shot(page, artifacts, f"people-{lang}-inactive-phone")
        await (
            inactive.locator(f"tr[data-user-id='{user_id}']")
            .get_by_role("button", name=say["reactivate"])
            .click()
        )
        await expect(page.locator(f"#people tr[data-user-id='{user_id}']")).to_be_visible()
