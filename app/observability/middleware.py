"""Every HTTP request: a request id, its metrics and one access line.

Pure ASGI (streams stay streams). The outermost of our middlewares, so an early
413 is counted and carries its id like any other answer.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability.logs import REQUEST_ID
from app.observability.metrics import HTTP_DURATION, HTTP_REQUESTS

access_log = logging.getLogger("app.access")

HEADER = "X-Request-ID"
# An incoming id is kept when it looks like one (a UUID, a trace id, a proxy's
# request id); anything else (spaces, quotes, controls, 200 characters) could
# forge or break log lines, so it is replaced by a fresh id.
_SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/+=-]{0,127}")
# Probes and scrapes every few seconds: their access lines only at DEBUG, unless they fail.
QUIET_ROUTES = frozenset({"/healthz", "/readyz", "/metrics"})
UNMATCHED = "unmatched"


def request_id_of(scope: Scope) -> str:
    """The client's X-Request-ID when it is sane, else a new one."""
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            candidate: str = value.decode("latin-1").strip()
            if _SANE_ID.fullmatch(candidate):
                return candidate
            break
    return uuid.uuid4().hex


def route_of(scope: Scope, root_path: str) -> str:
    """The template of the route that answered (`/api/sessions/{session_id}`),
    a mount's prefix plus `/{path}`, or `unmatched`: never the raw path."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    mounted = scope.get("root_path", "")
    if isinstance(mounted, str) and len(mounted) > len(root_path):
        return mounted[len(root_path) :] + "/{path}"
    return UNMATCHED


class RequestObserver:
    """Sets `REQUEST_ID` for the request, answers with it in `X-Request-ID`,
    counts the request by route template and status, times it to its last
    byte, and logs one access line (`app.access`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        root_path = scope.get("root_path", "")
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        token = REQUEST_ID.set(request_id)
        try:
            await self.app(scope, receive, sending)
        except BaseException:
            # The 500 is answered outside this middleware (Starlette's error
            # middleware runs the app's handler): the id stays set for its log
            # line. It lives in this request's context only.
            self._observe(scope, root_path, status, started)
            raise
        self._observe(scope, root_path, status, started)
        REQUEST_ID.reset(token)

    @staticmethod
    def _observe(scope: Scope, root_path: str, status: int, started: float) -> None:
        elapsed = time.perf_counter() - started
        method = scope["method"]
        route = route_of(scope, root_path)
        HTTP_REQUESTS.labels(method, route, str(status)).inc()
        HTTP_DURATION.labels(method, route).observe(elapsed)
        level = logging.DEBUG if route in QUIET_ROUTES and status < 400 else logging.INFO
        if not access_log.isEnabledFor(level):
            return
        client = scope.get("client")
        access_log.log(
            level,
            "%s %s %d %.1fms",
            method,
            scope["path"],
            status,
            elapsed * 1000,
            extra={
                "method": method,
                "path": scope["path"],
                "route": route,
                "status": status,
                "duration_ms": round(elapsed * 1000, 2),
                "client": client[0] if client else None,
            },
        )
