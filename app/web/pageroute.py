"""Page routes answer in HTML: a friendly page for every error, and a login redirect for 401."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from app.deps import TOKEN_COOKIE
from app.errors import CoachError, Unauthorized
from app.web.error_pages import error_page

log = logging.getLogger(__name__)


def safe_next(target: str | None) -> str:
    """A local path to go to after login or a language switch; anything else goes home."""
    if (
        not target
        or len(target) > 500
        or not target.startswith("/")
        or target.startswith(("//", "/\\"))
        or any(c in target for c in "\r\n\\")
    ):
        return "/"
    return target


def login_redirect(request: Request) -> RedirectResponse:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    response = RedirectResponse(f"/login?next={quote(safe_next(here), safe='/')}", status_code=303)
    if request.cookies.get(TOKEN_COOKIE):
        response.delete_cookie(TOKEN_COOKIE, path="/")  # expired or revoked: drop it
    return response


class PageRoute(APIRoute):
    """Catches the typed errors of dependencies and handlers and renders them as pages."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        inner = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                return await inner(request)
            except Unauthorized:
                return login_redirect(request)
            except CoachError as exc:
                return error_page(request, exc.status_code, exc)
            except RequestValidationError:
                # A malformed address is a page that doesn't exist; a malformed form is a 400.
                return error_page(request, 404 if request.method == "GET" else 400)
            except StarletteHTTPException as exc:
                return error_page(request, exc.status_code)
            except Exception:
                # A 500 is a bug: log it whole, show a page that says nothing internal.
                log.exception("page %s %s failed", request.method, request.url.path)
                return error_page(request, 500)

        return handler
