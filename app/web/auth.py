"""Browser login and logout (HttpOnly cookie + double-submit CSRF token) and the language switch."""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import RedirectResponse, Response

from app.accounts.credentials import sign_in
from app.accounts.service import AccountsService
from app.container import ContainerDep
from app.deps import CSRF_COOKIE, TOKEN_COOKIE, check_csrf
from app.errors import TooManyRequests, Unauthorized
from app.inputs import PlainText
from app.web.i18n import LANG_COOKIE, LANGS, request_lang, translate, wait_text
from app.web.pageroute import PageRoute, safe_next
from app.web.render import render, set_csrf_cookie

router = APIRouter(route_class=PageRoute, include_in_schema=False)

FormText = Annotated[str, Form(), PlainText(max_length=200)]
NextPath = Annotated[str, PlainText(max_length=500)]


def _login_page(
    request: Request, *, error: str | None, username: str, next_url: str, status: int
) -> Response:
    settings = request.app.state.container.settings
    password = settings.demo_password.get_secret_value()
    return render(
        request,
        "login.html",
        user=None,
        status_code=status,
        error=error,
        username=username,
        login_next=next_url,
        # Only the well-known default is shown; a chosen demo password stays private.
        show_demo_password=password if settings.demo and password == "demo" else "",  # noqa: S105
    )


@router.get("/login")
async def login_page(request: Request, container: ContainerDep, next: NextPath = "/") -> Response:
    token = request.cookies.get(TOKEN_COOKIE)
    if token:
        try:
            async with container.unit_of_work() as db:
                await AccountsService.of(db).authenticate(token)
            return RedirectResponse(safe_next(next), status_code=303)
        except Unauthorized:
            pass
    return _login_page(request, error=None, username="", next_url=safe_next(next), status=200)


@router.post("/login")
async def login(
    request: Request,
    container: ContainerDep,
    username: FormText = "",
    password: FormText = "",
    csrf_token: FormText = "",
    next: Annotated[str, Form(), PlainText(max_length=500)] = "/",
) -> Response:
    lang = request_lang(request)
    target = safe_next(next)
    expected = request.cookies.get(CSRF_COOKIE) or ""
    if not expected or not hmac.compare_digest(expected, csrf_token):
        msg = translate(lang, "login.expired")
        return _login_page(request, error=msg, username=username, next_url=target, status=400)
    if not username.strip() or not password:
        msg = translate(lang, "login.missing")
        return _login_page(request, error=msg, username=username, next_url=target, status=400)
    settings = container.settings
    ttl = timedelta(hours=settings.token_ttl_hours)
    try:
        client = request.client.host if request.client else None
        issued = await sign_in(container, username, password, client)
    except Unauthorized:
        msg = translate(lang, "login.wrong")
        return _login_page(request, error=msg, username=username, next_url=target, status=401)
    except TooManyRequests as exc:
        msg = translate(lang, "login.throttled", wait=wait_text(lang, exc.retry_after))
        page = _login_page(request, error=msg, username=username, next_url=target, status=429)
        page.headers["Retry-After"] = str(exc.retry_after)
        return page
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        TOKEN_COOKIE,
        issued.token,
        max_age=int(ttl.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=settings.cookie_secure,
        path="/",
    )
    # A fresh CSRF token per login: one planted before login is worth nothing after it.
    set_csrf_cookie(response, secrets.token_urlsafe(32), settings.cookie_secure)
    return response


@router.post("/logout")
async def logout(request: Request, container: ContainerDep) -> Response:
    await check_csrf(request)
    token = request.cookies.get(TOKEN_COOKIE)
    if token:
        async with container.unit_of_work() as db:
            await AccountsService.of(db).logout(token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(TOKEN_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.get("/lang/{lang}")
async def switch_language(request: Request, lang: str, next: NextPath = "/") -> Response:
    response = RedirectResponse(safe_next(next), status_code=303)
    if lang in LANGS:
        response.set_cookie(
            LANG_COOKIE,
            lang,
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=request.app.state.container.settings.cookie_secure,
            path="/",
        )
    return response
