"""/metrics over HTTP: what a turn, a scoring and an LLM call leave behind, and who may read it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from app.config import Settings
from tests.conftest import app_client, login, make_settings, running_app
from tests.observability.scrape import delta, scrape, total
from tests.support.fake_openai import FakeOpenAI, reply, server_error

MES = "zh-mes-auto-parts"
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def test_a_turn_and_a_scoring_are_counted(
    client: httpx.AsyncClient, trainee: dict[str, str]
) -> None:
    before = await scrape(client)
    r = await client.post("/api/sessions", json={"scenario_id": MES, "seed": 1}, headers=trainee)
    assert r.status_code == 201
    sid = r.json()["id"]
    text = "周总您好，现在三个厂区的生产数据是怎么统计的？"
    sent = await client.post(f"/api/sessions/{sid}/messages", json={"text": text}, headers=trainee)
    assert sent.status_code == 200
    assert (await client.post(f"/api/sessions/{sid}/end", headers=trainee)).status_code == 200
    after = await scrape(client)

    assert delta(before, after, "coach_buyer_turns_total", engine="offline") == 1
    assert delta(before, after, "coach_scoring_runs_total", scorer="rubric", source="roleplay") == 1
    assert delta(before, after, "coach_scoring_duration_seconds_count", scorer="rubric") == 1
    messages = {"method": "POST", "route": "/api/sessions/{session_id}/messages"}
    assert delta(before, after, "coach_http_requests_total", status="200", **messages) == 1
    assert delta(before, after, "coach_http_request_duration_seconds_count", **messages) == 1
    assert (
        delta(
            before,
            after,
            "coach_http_requests_total",
            method="POST",
            route="/api/sessions",
            status="201",
        )
        == 1
    )
    # Routes are templates: no session id ever becomes a label.
    assert sid not in (await client.get("/metrics")).text


@SQLITE_ONLY
async def test_requests_are_counted_by_route_template_and_status(
    client: httpx.AsyncClient, trainee: dict[str, str]
) -> None:
    before = await scrape(client)
    assert (await client.get("/api/sessions/abc123", headers=trainee)).status_code == 404
    assert (await client.get("/no/such/page")).status_code == 404
    assert (await client.get("/static/no-such-file.js")).status_code == 404
    after = await scrape(client)
    by = "coach_http_requests_total"
    one = {"method": "GET", "status": "404"}
    assert delta(before, after, by, route="/api/sessions/{session_id}", **one) == 1
    assert delta(before, after, by, route="unmatched", **one) == 1
    assert delta(before, after, by, route="/static/{path}", **one) == 1
    assert total(after, "process_resident_memory_bytes") > 0  # the client's process metrics


@SQLITE_ONLY
async def test_metrics_answer_loopback_only_unless_a_token_is_set(database_url: str) -> None:
    async def get(app: Any, client_host: str, **headers: str) -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=(client_host, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
            return await c.get("/metrics", headers=headers)

    async with running_app(make_settings(database_url)) as app:
        assert (await get(app, "127.0.0.1")).status_code == 200
        assert (await get(app, "::1")).status_code == 200
        remote = await get(app, "10.2.3.4")
        assert remote.status_code == 403
        assert remote.json()["error"] == "forbidden"
        assert "COACH_METRICS_TOKEN" in remote.json()["detail"]

    token = "scrape-me-7d1f0c9a"
    async with running_app(make_settings(database_url, metrics_token=token)) as app:
        for host in ("10.2.3.4", "127.0.0.1"):
            assert (await get(app, host)).status_code == 401
            assert (await get(app, host, Authorization="Bearer wrong")).status_code == 401
            ok = await get(app, host, Authorization=f"Bearer {token}")
            assert ok.status_code == 200
            assert "coach_http_requests_total" in ok.text


# --- the LLM ---------------------------------------------------------------------------


@pytest.fixture
async def llm_client(database_url: str, llm_server: FakeOpenAI) -> AsyncIterator[httpx.AsyncClient]:
    llm_server.reset()
    settings = Settings(
        database_url=database_url,
        demo=True,
        openai_base_url=llm_server.base_url,
        openai_api_key="sk-test-metrics",  # type: ignore[arg-type]
        llm_model="buyer-model",
        judge="offline",
        llm_timeout_seconds=2,
        llm_max_attempts=2,
        llm_retry_budget_seconds=3,
    )
    async with running_app(settings) as app, app_client(app) as c:
        yield c
    llm_server.reset()


@SQLITE_ONLY
async def test_llm_calls_retries_errors_and_tokens_are_counted(
    llm_client: httpx.AsyncClient, llm_server: FakeOpenAI
) -> None:
    h = await login(llm_client, "trainee1")
    r = await llm_client.post("/api/sessions", json={"scenario_id": MES, "seed": 3}, headers=h)
    sid = r.json()["id"]
    url = f"/api/sessions/{sid}/messages"

    before = await scrape(llm_client)
    llm_server.script(server_error(500), reply("嗯，您说。"))
    assert (await llm_client.post(url, json={"text": "周总您好。"}, headers=h)).status_code == 200
    after = await scrape(llm_client)
    assert delta(before, after, "coach_llm_calls_total") == 1
    assert delta(before, after, "coach_llm_retries_total", reason="LLMServerError") == 1
    assert delta(before, after, "coach_llm_errors_total") == 0
    assert delta(before, after, "coach_buyer_turns_total", engine="llm") == 1
    usage = llm_server.chat_requests[-1].usage
    assert delta(before, after, "coach_llm_tokens_total", kind="prompt") == usage["prompt_tokens"]
    completion = delta(before, after, "coach_llm_tokens_total", kind="completion")
    assert completion == usage["completion_tokens"]

    # Down for good: one error, by class; the trainee's turn gets its 503.
    llm_server.script(server_error(500), server_error(503))
    failed = await llm_client.post(url, json={"text": "现在怎么排产？"}, headers=h)
    assert failed.status_code == 503
    final = await scrape(llm_client)
    assert delta(after, final, "coach_llm_errors_total", error="LLMServerError") == 1
    assert delta(after, final, "coach_llm_retries_total") == 1
    assert delta(after, final, "coach_buyer_turns_total") == 0
