"""Pure ASGI middlewares every response passes: the body-size cap, the security headers,
and the one that answers a route's bug.

Pure ASGI (not BaseHTTPMiddleware) so streamed responses stream and nothing
is buffered.
"""

from __future__ import annotations

import inspect
import logging

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import error_body, internal_error

log = logging.getLogger("app.errors")


class BodyTooLarge(HTTPException):
    """Raised from `receive` when the body grows past the cap: the route reading the
    body re-raises HTTP exceptions, so the app's handler answers with the JSON 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"The request body is larger than {limit} bytes.")


def _too_large(limit: int) -> JSONResponse:
    body = error_body("payload_too_large", BodyTooLarge(limit).detail)
    return JSONResponse(body, status_code=413, headers={"Connection": "close"})


class BodyLimit:
    """A JSON 413 for any request body over `max_bytes`, declared or not.

    A Content-Length over the cap is refused before a byte is read; a chunked
    body (no Content-Length) or one longer than it declared is counted as it
    streams in and cut off at the cap.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, sending)
        except BodyTooLarge:
            # Read outside the routes' error handling (none today): answer here.
            if started:
                raise
            await _too_large(limit)(scope, receive, send)


# What an API answer (JSON, or a stream of events) never needs: to run or load
# anything if a browser renders it, to be framed, to send a referrer, or to be
# read by another site's page as an image or script (a cross-origin fetch that
# CORS allows is not affected). HSTS belongs to whoever terminates TLS.
API_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class SecurityHeaders:
    """`nosniff` on every response; on the API's, `no-store` (tokens, transcripts,
    scores) and `API_HEADERS`.

    The web pages set their own (CSP, frame options) in app/web/render.py.
    """

    def __init__(self, app: ASGIApp, *, no_store_prefix: str = "/api/") -> None:
        self.app = app
        self.no_store_prefix = no_store_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        no_store = scope["path"].startswith(self.no_store_prefix)

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                if no_store:
                    headers["Cache-Control"] = "no-store"
                    for name, value in API_HEADERS.items():
                        headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, sending)


class ServerErrors:
    """A route's bug (any exception but an HTTP one) answered here with the app's handler
    for `Exception` (JSON for the API, the HTML page for pages), which logs it once, and
    not raised further.

    Without it Starlette's outermost error middleware runs the same handler and then
    re-raises, so the server logs the traceback a second time ("Exception in ASGI
    application"). Innermost of our middlewares: the 500 carries the request id and the
    security headers and is counted like any answer. A bug after the response started
    (a stream) is logged once too; the server then only notes the cut response.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def sending(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, sending)
        except HTTPException:
            raise
        except Exception as exc:
            request = Request(scope)
            if started:
                log.error(
                    "unhandled error on %s %s after the response started",
                    request.method,
                    request.url.path,
                    exc_info=(type(exc), exc, exc.__traceback__),
                    extra={"status": 500, "error": "internal"},
                )
                return
            handlers = getattr(scope.get("app"), "exception_handlers", {})
            handler = handlers.get(Exception, internal_error)
            response: Response = handler(request, exc)
            if inspect.isawaitable(response):
                response = await response
            await response(scope, receive, send)
