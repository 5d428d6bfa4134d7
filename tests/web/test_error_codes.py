"""Every error the API can answer a page with has words in both languages.

The codes are gathered from the code base itself: every CoachError subclass's `code`,
every code a handler or endpoint writes with `error_body("...")`, and the codes the HTTP
handler gives statuses. Each must be in app.web.i18n.ERROR_KEYS, whose keys must be in
both catalogs; so must the `msg.<key>` of every `key=` an error names.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import app.main  # noqa: F401  (loads every module, so every CoachError subclass exists)
from app.errors import CoachError, TooManyRequests
from app.web.i18n import (
    ERROR_KEYS,
    GENERIC_ERROR_CODES,
    LANGS,
    STATUS_KEYS,
    catalog,
    error_text,
    wait_text,
)

APP = Path(__file__).resolve().parents[2] / "app"
SOURCES = {path: path.read_text(encoding="utf-8") for path in APP.rglob("*.py")}
HAN = re.compile(r"[\u3400-\u9fff]")


def _subclasses(cls: type) -> set[type]:
    out = set()
    for sub in cls.__subclasses__():
        out |= {sub} | _subclasses(sub)
    return out


def api_error_codes() -> set[str]:
    codes = {CoachError.code} | {sub.code for sub in _subclasses(CoachError)}
    for text in SOURCES.values():
        codes |= set(re.findall(r"""error_body\(\s*["']([a-z_]+)["']""", text))
        codes |= set(re.findall(r"""^\s+code = ["']([a-z_]+)["']""", text, re.M))
    # The HTTP handler's own: statuses it names, and the rest.
    handler = SOURCES[APP / "errors.py"]
    codes |= set(re.findall(r"""\d{3}: ["']([a-z_]+)["']""", handler))
    codes |= set(re.findall(r"""["']([a-z_]+)["']\s*\)\s*$""", handler, re.M)) & {"http_error"}
    return codes


def message_keys() -> set[str]:
    """Every `key=` an error names in the code base (and a field's "key")."""
    keys: set[str] = set()
    for text in SOURCES.values():
        keys |= set(re.findall(r"""\bkey=["']([a-z_]+)["']""", text))
        keys |= set(re.findall(r"""["']key["']:\s*["']([a-z_]+)["']""", text))
    return keys


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_gathering_finds_the_codes_we_know() -> None:
    codes = api_error_codes()
    expected = {"too_many_active_sessions", "reply_in_progress", "too_many_requests"}
    expected |= {"payload_too_large", "weak_password", "csrf_failed", "not_ready", "internal"}
    expected |= {"method_not_allowed", "http_error", "llm_unavailable", "wrong_password"}
    assert expected <= codes
    assert {"active_sessions_limit", "import_limit", "login_throttled"} <= message_keys()


def test_every_api_error_code_has_a_message_key() -> None:
    missing = sorted(api_error_codes() - ERROR_KEYS.keys())
    assert missing == [], f"add these codes to app.web.i18n.ERROR_KEYS: {missing}"
    assert ERROR_KEYS.keys() >= GENERIC_ERROR_CODES


@pytest.mark.parametrize("lang", LANGS)
def test_every_error_message_is_in_both_catalogs(lang: str) -> None:
    words = catalog(lang)  # type: ignore[arg-type]
    wanted = set(ERROR_KEYS.values()) | set(STATUS_KEYS.values())
    wanted |= {f"msg.{key}" for key in message_keys()}
    wanted |= {"error.generic", "error.wait_seconds", "error.wait_minutes"}
    missing = sorted(key for key in wanted if key not in words)
    assert missing == [], f"{lang}.json lacks {missing}"
    for key in wanted:
        if lang == "zh":
            assert HAN.search(words[key]), f"{key} is not Chinese: {words[key]!r}"
        else:
            assert not HAN.search(words[key]), f"{key} is not English: {words[key]!r}"


def test_both_languages_fill_the_same_placeholders() -> None:
    zh, en = catalog("zh"), catalog("en")
    for key in sorted(set(ERROR_KEYS.values()) | {f"msg.{k}" for k in message_keys()}):
        assert placeholders(zh[key]) == placeholders(en[key]), key
    # A code's own message (no params of its error) needs nothing but the wait.
    for code, key in ERROR_KEYS.items():
        assert placeholders(zh[key]) <= {"wait"}, code


def test_the_words_a_page_shows_for_the_limits() -> None:
    assert error_text("zh", 503, "reply_in_progress", "The buyer is still answering ...") == (
        "对方还在回复，请稍候几秒再发。"
    )
    limit = {"active": 3, "limit": 3}
    zh = error_text("zh", 409, "too_many_active_sessions", "You have 3 active sessions...",
                    key="active_sessions_limit", params=limit)  # fmt: skip
    assert zh == "你已有 3 场对练还没结束，最多只能同时进行 3 场。请先结束一场，再开始新的。"
    throttled = TooManyRequests("Too many failed sign-ins.", retry_after=42, key="login_throttled")
    assert error_text(
        "zh", 429, throttled.code, throttled.detail, key=throttled.key, retry_after=42
    ) == ("登录尝试过多，请 42 秒后再试。")
    assert error_text("en", 429, "too_many_requests", None, retry_after=900) == (
        "Too many requests. Try again in 15 min."
    )
    assert error_text("zh", 413, "payload_too_large", "The request body is larger than ...") == (
        "提交的内容太大了，请删减后再试。"
    )
    # A code that only restates its status: the English detail on an English page, never on
    # a Chinese one; no code at all (a proxy's 502): what the status says.
    assert error_text("en", 409, "conflict", "This session has ended.") == "This session has ended."
    assert error_text("zh", 409, "conflict", "This session has ended.") == "当前状态下不能这样做"
    assert error_text("zh", 502, None, "<html>Bad gateway</html>") == "服务暂时不可用，请稍后再试。"
    assert wait_text("zh", 119) == "119 秒"
    assert wait_text("zh", 120) == "2 分钟"
    assert wait_text("en", None) == "5 s"
