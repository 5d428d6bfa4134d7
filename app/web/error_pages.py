"""Errors as the browser sees them: an HTML page in the user's language, never raw JSON.

Page routes (app.web.pageroute) render their typed errors here. Addresses no route
answers (`/usage`, a mistyped link) and wrong methods reach the app's HTTP error
handler instead; `install_page_errors` puts this page in front of it for every
path outside the API and the machine endpoints, which keep their JSON.
"""

from __future__ import annotations

import inspect
from typing import Any

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response

from app.accounts.service import Principal, authenticate
from app.deps import TOKEN_COOKIE
from app.errors import CoachError, Unauthorized, internal_error
from app.web.i18n import error_text, request_lang
from app.web.render import render

# First path segments that are not pages: they answer JSON (or files) as before.
NOT_PAGES = frozenset({"api", "static", "docs", "redoc", "openapi.json", "healthz", "metrics"})
# The statuses error.html has words for; the rest read as "something went wrong".
KNOWN_STATUSES = frozenset({400, 403, 404, 409, 422})


def is_page_path(path: str) -> bool:
    return path.lstrip("/").split("/", 1)[0] not in NOT_PAGES


def error_page(
    request: Request,
    status_code: int,
    exc: CoachError | None = None,
    *,
    user: Principal | None = None,
) -> Response:
    """The error page; the error's message in this language (app.web.i18n.error_text:
    its own, its code's, or on an English page its English `detail`, which would leak
    into a Chinese page)."""
    lang = request_lang(request)
    message = None
    if exc is not None:
        message = error_text(
            lang,
            exc.status_code,
            exc.code,
            exc.detail,
            key=exc.key,
            params=exc.params,
            retry_after=getattr(exc, "retry_after", None),
        )
    return render(
        request,
        "error.html",
        user=user or getattr(request.state, "principal", None),
        status_code=status_code,
        code=status_code,
        known=status_code in KNOWN_STATUSES,
        message=message,
    )


async def _viewer(request: Request) -> Principal | None:
    """Who is signed in, so an unknown address still shows their navigation."""
    token = request.cookies.get(TOKEN_COOKIE)
    container: Any = getattr(request.app.state, "container", None)
    if not token or container is None:
        return None
    try:
        async with container.read() as conn:
            principal: Principal = await authenticate(conn, token)
    except Unauthorized:
        return None
    return principal


def install_page_errors(app: FastAPI) -> None:
    """Answer HTTP errors (404, 405) on page addresses with the HTML page; call it after
    app.errors.install_error_handlers, whose JSON handler stays for everything else."""
    json_handler = app.exception_handlers[StarletteHTTPException]

    async def _http(request: Request, exc: Exception) -> Response:
        if isinstance(exc, StarletteHTTPException) and is_page_path(request.url.path):
            page = error_page(request, exc.status_code, user=await _viewer(request))
            if exc.status_code == 405 and exc.headers:
                page.headers.update(exc.headers)  # Allow
            return page
        response = json_handler(request, exc)
        return await response if inspect.isawaitable(response) else response

    app.add_exception_handler(StarletteHTTPException, _http)

    async def _bug(request: Request, exc: Exception) -> Response:
        """A bug: logged once (app.errors.internal_error); a page answers with the HTML page."""
        answer = internal_error(request, exc)
        if not is_page_path(request.url.path):
            return answer
        try:
            page = error_page(request, 500)
        except Exception:  # the page itself failing must not hide the first bug
            return answer
        page.headers.update({k: v for k, v in answer.headers.items() if k == "x-request-id"})
        return page

    app.add_exception_handler(Exception, _bug)
