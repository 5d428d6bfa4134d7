"""The body cap (a JSON 413, declared or chunked) and the security headers, over real HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from app.main import MAX_BODY_BYTES


async def _chunks(total: int, size: int = 65536) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        yield b" " * min(size, total - sent)
        sent += size


def _is_json_413(r: httpx.Response) -> None:
    assert r.status_code == 413, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == {
        "error": "payload_too_large",
        "detail": f"The request body is larger than {MAX_BODY_BYTES} bytes.",
    }
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("declared", [True, False])
async def test_a_body_over_the_cap_is_a_json_413(
    client: httpx.AsyncClient, trainee: dict, declared: bool
) -> None:
    total = MAX_BODY_BYTES + 1
    content: bytes | AsyncIterator[bytes] = b" " * total if declared else _chunks(total)
    r = await client.post(
        "/api/sessions", content=content, headers={**trainee, "content-type": "application/json"}
    )
    _is_json_413(r)
    # before any login, and on the web app's forms too
    _is_json_413(await client.post("/api/auth/login", content=_chunks(total)))
    _is_json_413(await client.post("/login", content=b" " * total))


async def test_a_body_that_says_less_than_it_sends_is_cut_off(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    """A lying Content-Length doesn't get past the count either."""
    r = await client.post(
        "/api/sessions",
        content=_chunks(MAX_BODY_BYTES + 1),
        headers={**trainee, "content-type": "application/json", "content-length": "10"},
    )
    _is_json_413(r)


async def test_a_body_at_the_cap_is_read(client: httpx.AsyncClient, trainee: dict) -> None:
    padding = MAX_BODY_BYTES - len(b'{"scenario_id": "zh-mes-auto-parts"}')
    body = b'{"scenario_id": "zh-mes-auto-parts"}' + b" " * padding
    assert len(body) == MAX_BODY_BYTES
    r = await client.post(
        "/api/sessions", content=body, headers={**trainee, "content-type": "application/json"}
    )
    assert r.status_code == 201, r.text


async def test_api_responses_carry_nosniff_and_no_store(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    for r in (
        await client.get("/api/scenarios", headers=trainee),
        await client.get("/api/me"),  # a 401
        await client.get("/api/nowhere", headers=trainee),  # a 404
        await client.post(
            "/api/sessions/zzz/messages/stream", json={"text": "hi"}, headers=trainee
        ),
    ):
        assert r.headers["x-content-type-options"] == "nosniff", r.url
        assert r.headers["cache-control"] == "no-store", r.url
        # A JSON answer never runs, loads or frames anything, nor leaks a referrer.
        assert r.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert r.headers["x-frame-options"] == "DENY", r.url
        assert r.headers["referrer-policy"] == "no-referrer", r.url
        assert r.headers["cross-origin-resource-policy"] == "same-origin", r.url


async def test_pages_keep_their_own_content_security_policy(client: httpx.AsyncClient) -> None:
    page = await client.get("/login")
    assert page.status_code == 200
    assert "script-src" in page.headers["content-security-policy"]
    assert "cross-origin-resource-policy" not in page.headers


async def test_a_stream_is_no_store_and_still_streams(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    sid = (
        await client.post(
            "/api/sessions", json={"scenario_id": "zh-mes-auto-parts"}, headers=trainee
        )
    ).json()["id"]
    async with client.stream(
        "POST", f"/api/sessions/{sid}/messages/stream", json={"text": "您好"}, headers=trainee
    ) as r:
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("text/event-stream")
        assert r.headers["cache-control"] == "no-store"
        assert r.headers["x-content-type-options"] == "nosniff"
        events = [line async for line in r.aiter_lines() if line.startswith("event:")]
    assert events[0] == "event: message"
    assert events[-1] == "event: done"


async def test_pages_and_assets_keep_their_own_caching(client: httpx.AsyncClient) -> None:
    health = await client.get("/healthz")
    assert health.headers["x-content-type-options"] == "nosniff"
    assert "cache-control" not in health.headers
    asset = await client.get("/static/js/core.js")
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "no-cache"
    assert asset.headers["x-content-type-options"] == "nosniff"
