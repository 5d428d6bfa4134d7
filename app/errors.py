"""Typed, status-coded errors and the one handler that renders them.

Every error body is {"error": <code>, "detail": <human text>} (plus optional
"fields" for validation errors), so clients and the web app read one shape.
An expected client error (4xx) is logged as one line (no traceback): what was
asked and why it was refused; a 500 is a bug and is logged whole.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.observability.logs import current_request_id

log = logging.getLogger(__name__)


class CoachError(Exception):
    status_code = 400
    code = "bad_request"

    def __init__(
        self,
        detail: str,
        *,
        fields: list[dict[str, Any]] | None = None,
        key: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.fields = fields
        self.key = key
        self.params = params


class BadRequest(CoachError):
    status_code = 400
    code = "bad_request"


class Unauthorized(CoachError):
    status_code = 401
    code = "unauthorized"


class Forbidden(CoachError):
    status_code = 403
    code = "forbidden"


class NotFound(CoachError):
    status_code = 404
    code = "not_found"


class Conflict(CoachError):
    status_code = 409
    code = "conflict"


class TooManyActiveSessions(Conflict):
    """A trainee at the limit of open role-plays (COACH_MAX_ACTIVE_SESSIONS) starts another."""

    code = "too_many_active_sessions"


class PayloadTooLarge(CoachError):
    status_code = 413
    code = "payload_too_large"


class Unprocessable(CoachError):
    status_code = 422
    code = "invalid"


class TooManyRequests(CoachError):
    """Refused for now (login throttling); the client may retry after `retry_after` seconds."""

    status_code = 429
    code = "too_many_requests"

    def __init__(
        self,
        detail: str,
        *,
        retry_after: int,
        key: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail, key=key, params=params)
        self.retry_after = max(1, retry_after)


class LLMUnavailable(CoachError):
    """The model provider failed after our retries; nothing was lost."""

    status_code = 503
    code = "llm_unavailable"
    retry_after: float | None = None  # the provider's own, when it said


class ReplyInProgress(CoachError):
    """Another request's reply to this session is still being produced (here, in
    another process, or by one that died and whose lease has not lapsed yet): we
    waited as long as we promise and answer rather than hang; nothing changed."""

    status_code = 503
    code = "reply_in_progress"

    def __init__(self, detail: str, *, retry_after: float) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


# A 503 that says nothing more tells the client to come back after this long.
DEFAULT_RETRY_AFTER_SECONDS = 5


def retry_after_header(exc: CoachError) -> str | None:
    """Whole seconds for Retry-After: on a 429 or 503, which ask the client to come back."""
    if exc.status_code not in (429, 503):
        return None
    seconds = getattr(exc, "retry_after", None) or DEFAULT_RETRY_AFTER_SECONDS
    return str(max(1, math.ceil(seconds)))


def error_body(
    code: str,
    detail: str,
    fields: list[dict[str, Any]] | None = None,
    *,
    key: str | None = None,
    params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"error": code, "detail": detail}
    if fields:
        body["fields"] = fields
    if key:
        body["key"] = key
        body["params"] = params or {}
    return body


def _validation_fields(exc: RequestValidationError) -> list[dict[str, Any]]:
    fields = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        fields.append({"loc": loc, "msg": str(err.get("msg", "")), "type": err.get("type", "")})
    return fields


def _validation_detail(fields: list[dict[str, Any]]) -> str:
    if not fields:
        return "The request is not valid."
    first = fields[0]
    where = ".".join(p for p in first["loc"] if p != "body") or "body"
    if first["type"] == "json_invalid":
        return "The request body is not valid JSON."
    return f"{where}: {first['msg']}"


def _log_refusal(request: Request, status: int, code: str, detail: str) -> None:
    """One line for an expected refusal; a server-side 5xx (LLM down) at warning."""
    level = logging.WARNING if status >= 500 else logging.INFO
    log.log(
        level,
        "%s %s -> %d %s: %s",
        request.method,
        request.url.path,
        status,
        code,
        detail[:300],
        extra={"status": status, "error": code},
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(CoachError)
    async def _coach_error(request: Request, exc: CoachError) -> JSONResponse:
        _log_refusal(request, exc.status_code, exc.code, exc.detail)
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
        if (retry_after := retry_after_header(exc)) is not None:
            headers = {"Retry-After": retry_after}
        return JSONResponse(
            error_body(exc.code, exc.detail, exc.fields, key=exc.key, params=exc.params),
            status_code=exc.status_code,
            headers=headers,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = _validation_fields(exc)
        detail = _validation_detail(fields)
        _log_refusal(request, 422, "invalid", detail)
        return JSONResponse(error_body("invalid", detail, fields), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}.get(
            exc.status_code, "http_error"
        )
        _log_refusal(request, exc.status_code, code, str(exc.detail))
        return JSONResponse(
            error_body(code, str(exc.detail)),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return internal_error(request, exc)


def internal_error(request: Request, exc: BaseException) -> JSONResponse:
    """A 500 is always a bug: log it whole, once; tell the client nothing internal.

    app.middleware.ServerErrors answers the routes' bugs with this and keeps them from
    the server, which would log the traceback a second time."""
    log.error(
        "unhandled error on %s %s",
        request.method,
        request.url.path,
        exc_info=(type(exc), exc, exc.__traceback__),
        extra={"status": 500, "error": "internal"},
    )
    # Possibly answered outside the request-id middleware's reach: name the request here.
    request_id = current_request_id()
    return JSONResponse(
        error_body("internal", "Internal error."),
        status_code=500,
        headers={"X-Request-ID": request_id} if request_id else None,
    )
