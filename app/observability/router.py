"""`/readyz` (can this process serve: the database answers) and `/metrics` (Prometheus text).

`/metrics` tells how busy the service is and which routes fail: not secret,
but not for everyone. It answers clients on this machine (loopback) without
more; with `COACH_METRICS_TOKEN` set it answers any client that sends
`Authorization: Bearer <token>`, and only those.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text

from app.container import Container
from app.errors import Forbidden, Unauthorized, error_body
from app.observability.metrics import exposition
from app.observability.schemas import Ready

log = logging.getLogger(__name__)

router = APIRouter(tags=["health"])

READY_TIMEOUT_SECONDS = 3.0


@router.get(
    "/readyz",
    response_model=Ready,  # documents the 200; the route answers its own JSONResponse
    responses={
        200: {"content": {"application/json": {"example": {"status": "ready"}}}},
        503: {"description": "not ready: the database does not answer"},
    },
)
async def readyz(request: Request) -> JSONResponse:
    """200 when a trivial query on the database works; 503 JSON otherwise.

    For load balancers and orchestrators: send traffic here only while ready.
    (`/healthz` says the process is up; this says it can do its work.)
    """
    container: Container | None = getattr(request.app.state, "container", None)
    if container is None:
        return _not_ready("The service is still starting.")
    try:
        async with asyncio.timeout(READY_TIMEOUT_SECONDS), container.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to answer means: not ready
        # The class only in the answer (messages can name hosts and users); all of it in the log.
        log.warning("readiness: the database check failed: %s: %s", type(exc).__name__, exc)
        reason = "timed out" if isinstance(exc, TimeoutError) else type(exc).__name__
        return _not_ready(f"The database does not answer ({reason}).")
    return JSONResponse(Ready().model_dump())


def _not_ready(detail: str) -> JSONResponse:
    return JSONResponse(error_body("not_ready", detail), status_code=503)


def _is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request) -> Response:
    """This process's metrics in the Prometheus text format (see the module docstring)."""
    container: Container = request.app.state.container
    token = container.settings.metrics_token
    if token is not None:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        expected = token.get_secret_value().encode()
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
            raise Unauthorized(
                "Send the metrics token: Authorization: Bearer <COACH_METRICS_TOKEN>."
            )
    elif not _is_loopback(request):
        raise Forbidden(
            "Metrics are served to this machine only; set COACH_METRICS_TOKEN to scrape "
            "from elsewhere."
        )
    return Response(exposition(), media_type=CONTENT_TYPE_LATEST)
