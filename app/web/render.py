"""Rendering pages: one Jinja environment (autoescaped), security headers, static URLs."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from app.accounts.service import Principal
from app.deps import CSRF_COOKIE
from app.scoring.schema import band_of
from app.web.i18n import Lang, js_errors, js_messages, request_lang, translate

WEB_DIR = Path(__file__).resolve().parent
STATIC_DIR = WEB_DIR / "static"
TEMPLATE_DIR = WEB_DIR / "templates"

# No inline script may run: page data travels in <script type="application/json">.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def static_url(name: str) -> str:
    """Where a static file is served. No version in the URL: page modules import one another
    by relative URL and must resolve to the same module; freshness comes from revalidation
    (see app.web.static_files)."""
    return f"/static/{name}"


def _utc_text(value: datetime | str | None) -> str:
    if value is None:
        return ""
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _iso(value: datetime | str | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value.astimezone(UTC).isoformat()


def _band(score: int | float | None) -> str:
    return band_of(round(score)) if score is not None else "none"


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Keep key order (schemas and forms read top to bottom); tojson still escapes <, >, &, '.
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    env.globals["static"] = static_url
    env.filters["utc"] = _utc_text
    env.filters["iso"] = _iso
    env.filters["band"] = _band
    return env


def csrf_token(request: Request) -> tuple[str, bool]:
    """The request's CSRF token, and whether it is new (and must be set as a cookie)."""
    token = request.cookies.get(CSRF_COOKIE)
    if token and 16 <= len(token) <= 128:
        return token, False
    return secrets.token_urlsafe(32), True


def set_csrf_cookie(response: HTMLResponse | Any, token: str, secure: bool) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=False, samesite="lax", secure=secure, path="/")


def render(
    request: Request,
    template: str,
    *,
    user: Principal | None,
    status_code: int = 200,
    page_data: dict[str, Any] | None = None,
    **context: Any,
) -> HTMLResponse:
    lang: Lang = request_lang(request)
    token, fresh = csrf_token(request)
    settings = request.app.state.container.settings

    def t(key: str, **values: Any) -> str:
        return translate(lang, key, **values)

    html = (
        environment()
        .get_template(template)
        .render(
            request=request,
            path=request.url.path,
            next_url=request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            lang=lang,
            t=t,
            user=user,
            csrf=token,
            demo=settings.demo,
            # The demo history (app/demo) is in this database: the pages say so.
            demo_history=request.app.state.container.demo_history,
            page_data=page_data or {},
            js_messages=js_messages(lang),
            js_errors=js_errors(),
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)
    if fresh:
        set_csrf_cookie(response, token, settings.cookie_secure)
    return response
