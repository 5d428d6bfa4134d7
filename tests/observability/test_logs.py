"""Request ids and log lines, through HTTP: the id round-trips and names every line of its
request; an expected refusal is one line, a bug is a traceback."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import uvicorn

from app.config import Settings
from app.main import create_app
from app.observability.logs import make_handler
from tests.conftest import login
from tests.support.server_process import free_port

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

Lines = Callable[[], list[dict[str, Any]]]


@pytest.fixture
def log_lines() -> Iterator[Lines]:
    """Everything logged, as the JSON lines `COACH_LOG_FORMAT=json` writes."""
    stream = io.StringIO()
    handler = make_handler("json", stream)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    def lines() -> list[dict[str, Any]]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    yield lines
    root.removeHandler(handler)
    root.setLevel(level)


def of_request(lines: list[dict[str, Any]], request_id: str) -> list[dict[str, Any]]:
    return [line for line in lines if line.get("request_id") == request_id]


async def test_the_request_id_round_trips_and_names_the_access_line(
    client: httpx.AsyncClient, log_lines: Lines
) -> None:
    r = await client.get("/api/scenarios", headers={"X-Request-ID": "trace-7f3a.1"})
    assert r.headers["x-request-id"] == "trace-7f3a.1"
    lines = of_request(log_lines(), "trace-7f3a.1")
    assert {line["logger"] for line in lines} == {"app.access", "app.errors"}
    (access,) = [line for line in lines if line["logger"] == "app.access"]
    assert access["route"] == "/api/scenarios"
    assert access["status"] == 401
    assert access["duration_ms"] >= 0
    assert access["ts"].endswith("Z")

    # No id, or one that isn't sane (spaces, quotes, 200 characters): a fresh one.
    for sent in ({}, {"X-Request-ID": 'a b"c'}, {"X-Request-ID": "x" * 200}):
        got = (await client.get("/healthz", headers=sent)).headers["x-request-id"]
        assert len(got) == 32
        assert int(got, 16) >= 0
    ids = {(await client.get("/healthz")).headers["x-request-id"] for _ in range(3)}
    assert len(ids) == 3


async def test_client_errors_log_one_line_without_a_traceback(
    client: httpx.AsyncClient, log_lines: Lines
) -> None:
    h = await login(client, "trainee1")
    r404 = await client.get("/api/sessions/nosuch", headers={**h, "X-Request-ID": "req-404"})
    assert r404.status_code == 404
    r422 = await client.post(
        "/api/sessions", json={"scenario_id": []}, headers={**h, "X-Request-ID": "req-422"}
    )
    assert r422.status_code == 422
    for request_id, status, code in (("req-404", 404, "not_found"), ("req-422", 422, "invalid")):
        lines = of_request(log_lines(), request_id)
        (error,) = [line for line in lines if line["logger"] == "app.errors"]
        assert error["level"] == "INFO"
        assert error["status"] == status
        assert error["error"] == code
        assert f"-> {status} {code}" in error["msg"]
        assert "exc_info" not in error
        assert all("exc_info" not in line and "Traceback" not in line["msg"] for line in lines)
        assert [line["status"] for line in lines if line["logger"] == "app.access"] == [status]


async def test_a_bug_logs_its_traceback_with_the_request_id(app: Any, log_lines: Lines) -> None:
    async def broken() -> None:
        raise RuntimeError("a bug in a route")

    app.add_api_route("/api/test-broken", broken)
    # raise_app_exceptions stays on: the bug is answered, not raised on to the server.
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        r = await c.get("/api/test-broken", headers={"X-Request-ID": "req-500"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal", "detail": "Internal error."}
    assert r.headers["x-request-id"] == "req-500"
    lines = of_request(log_lines(), "req-500")
    (error,) = [
        line for line in lines if line["level"] == "ERROR" and line["logger"] == "app.errors"
    ]
    assert "Traceback" in error["exc_info"]
    assert "a bug in a route" in error["exc_info"]
    assert [line["status"] for line in lines if line["logger"] == "app.access"] == [500]


async def test_a_bug_is_logged_once_under_a_real_server(
    settings: Settings, log_lines: Lines
) -> None:
    """Ours, with the request id, and not uvicorn's "Exception in ASGI application" again:
    the app answers the 500 and does not raise the bug on to the server."""
    application = create_app(settings)

    async def broken() -> None:
        raise RuntimeError("a bug under uvicorn")

    application.add_api_route("/api/test-broken", broken)
    application.add_api_route("/test-broken-page", broken)  # a page address: the HTML page
    port = free_port()
    config = uvicorn.Config(
        application, host="127.0.0.1", port=port, log_config=None, lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="bug-server", daemon=True)
    thread.start()
    try:
        for _ in range(600):
            if server.started or not thread.is_alive():
                break
            await asyncio.sleep(0.05)
        assert server.started
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
            api = await c.get("/api/test-broken", headers={"X-Request-ID": "bug-api"})
            page = await c.get(
                "/test-broken-page",
                headers={"X-Request-ID": "bug-page", "Accept-Language": "zh-CN"},
            )
    finally:
        server.should_exit = True
        await asyncio.to_thread(thread.join, 15)
    assert api.status_code == 500
    assert api.json() == {"error": "internal", "detail": "Internal error."}
    assert api.headers["x-content-type-options"] == "nosniff"
    assert page.status_code == 500
    assert page.headers["content-type"].startswith("text/html")
    assert "出了点问题" in page.text
    assert "a bug under uvicorn" not in api.text + page.text
    lines = log_lines()
    tracebacks = [line for line in lines if "exc_info" in line]
    assert [line["request_id"] for line in tracebacks] == ["bug-api", "bug-page"]
    assert all(line["logger"] == "app.errors" for line in tracebacks)
    assert all("a bug under uvicorn" in line["exc_info"] for line in tracebacks)
    assert not [line for line in lines if "Exception in ASGI application" in line["msg"]]
    for request_id in ("bug-api", "bug-page"):
        access = [line for line in of_request(lines, request_id) if line["logger"] == "app.access"]
        assert [line["status"] for line in access] == [500]
