"""The pages' messages (app.i18n's web and scorecard books) and choosing the language
of a request.

The language is the `coach_lang` cookie set by the switch in the header, or
else the first supported language in the browser's Accept-Language.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from starlette.requests import Request

from app.i18n.catalog import DEFAULT_LANG, LANGS, Lang, messages

__all__ = ["DEFAULT_LANG", "LANGS", "LANG_COOKIE", "Lang", "catalog", "translate"]

LANG_COOKIE = "coach_lang"
# The pages show what the scorecard says (its tips, reasons, outcome) beside their own
# messages; the two books share no key (tests/i18n/test_catalog.py).
PAGE_BOOKS = ("scorecard", "web")


@cache
def catalog(lang: Lang) -> dict[str, str]:
    """The flat key -> message map the pages of one language may show."""
    out: dict[str, str] = {}
    for book in PAGE_BOOKS:
        out.update(messages(book, lang))
    return out


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def translate(lang: Lang, key: str, **values: Any) -> str:
    """The message, with {name} placeholders filled; an unknown key shows as itself."""
    text = catalog(lang).get(key) or catalog(DEFAULT_LANG).get(key) or key
    return text.format_map(_Blank(values)) if values else text


def error_message(lang: Lang, key: str, params: dict[str, Any]) -> str | None:
    """An error's message (`msg.<key>`, see app.errors) in this language; None when the
    catalog lacks it (the caller then says only what the status says)."""
    name = f"msg.{key}"
    if name not in catalog(lang):
        return None
    return translate(lang, name, **params)


# Every error code the API answers with (`{"error": <code>}`: app.errors and its
# subclasses, the handlers' own codes, /readyz) and the web app's own `network`, with the
# catalog key that says it to a person. An error's `key` (a `msg.<key>` message) says
# more and goes first; the page scripts get this map (base.html, core.js errorText).
# tests/web/test_error_codes.py holds it to every code the code base can produce.
ERROR_KEYS: dict[str, str] = {
    "bad_request": "error.bad_request",
    "unauthorized": "error.unauthorized",
    "forbidden": "error.forbidden",
    "csrf_failed": "msg.csrf_failed",
    "wrong_password": "error.wrong_password",
    "not_found": "error.not_found",
    "method_not_allowed": "error.generic",
    "conflict": "error.conflict",
    "too_many_active_sessions": "error.too_many_active_sessions",
    "payload_too_large": "error.too_large",
    "invalid": "error.invalid",
    "weak_password": "msg.weak_password",
    "too_many_requests": "error.too_many_requests",
    "llm_unavailable": "error.llm",
    "reply_in_progress": "error.reply_in_progress",
    "internal": "error.internal",
    "not_ready": "error.not_ready",
    "http_error": "error.generic",
    "network": "error.network",
}
# Codes whose message only restates the status: on an English page the API's own detail
# (English, and more precise) is shown before them.
GENERIC_ERROR_CODES = frozenset(
    {"bad_request", "unauthorized", "forbidden", "not_found", "conflict", "invalid"}
    | {"method_not_allowed", "http_error"}
)
# Where an answer carries no code (a proxy's page): what its status says.
STATUS_KEYS: dict[int, str] = {
    400: "error.bad_request",
    401: "error.unauthorized",
    403: "error.forbidden",
    404: "error.not_found",
    409: "error.conflict",
    413: "error.too_large",
    422: "error.invalid",
    429: "error.too_many_requests",
    500: "error.internal",
    502: "error.not_ready",
    503: "error.not_ready",
    504: "error.not_ready",
}
# A 429 or 503 without Retry-After: come back after this long (as app.errors says).
DEFAULT_WAIT_SECONDS = 5


def wait_text(lang: Lang, seconds: float | None) -> str:
    """How long to wait, said: "30 秒" / "30 s"; from two minutes on, whole minutes rounded up."""
    n = max(1, math.ceil(seconds or DEFAULT_WAIT_SECONDS))
    if n < 120:
        return translate(lang, "error.wait_seconds", n=n)
    return translate(lang, "error.wait_minutes", n=math.ceil(n / 60))


def error_text(
    lang: Lang,
    status: int,
    code: str | None,
    detail: str | None = None,
    *,
    key: str | None = None,
    params: dict[str, Any] | None = None,
    retry_after: float | None = None,
) -> str:
    """What a page says for an API error, in its language; the same order as core.js
    errorText: the error's own message (`key`), the code's unless it only restates the
    status, the API's detail on an English page, the code's or the status's message."""
    values = {"wait": wait_text(lang, retry_after), **(params or {})}
    if key and (own := error_message(lang, key, values)) is not None:
        return own
    code_key = ERROR_KEYS.get(code or "")
    if code_key and code not in GENERIC_ERROR_CODES:
        return translate(lang, code_key, **values)
    if lang == "en" and detail:
        return detail
    return translate(lang, code_key or STATUS_KEYS.get(status, "error.generic"), **values)


def js_errors() -> dict[str, Any]:
    """The code -> key map and its generic codes, for the page scripts (core.js)."""
    return {
        "codes": ERROR_KEYS,
        "generic": sorted(GENERIC_ERROR_CODES),
        "statuses": STATUS_KEYS,
        "default_wait": DEFAULT_WAIT_SECONDS,
    }


def parse_accept_language(header: str) -> Lang | None:
    """The supported language the browser prefers most (q-values honoured)."""
    ranked: list[tuple[float, int, Lang]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def request_lang(request: Request) -> Lang:
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGS:
        return chosen
    return parse_accept_language(request.headers.get("accept-language", "")) or DEFAULT_LANG


def js_messages(lang: Lang) -> dict[str, str]:
    """Every message, for the page scripts (the catalogs are small; one JSON blob per page)."""
    return {**catalog(DEFAULT_LANG), **catalog(lang)}
