"""The loopback server's wire format, read with plain httpx (no SDK leniency)."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from tests.support.fake_openai import FakeOpenAI, reply


def sse_payloads(body: str) -> list[str]:
    return [line.removeprefix("data: ") for line in body.split("\n\n") if line.startswith("data: ")]


async def test_stream_wire_format_with_usage(fake: FakeOpenAI) -> None:
    fake.script(reply("Hello there, buyer.", chunks=["Hello ", "there, ", "buyer."]))
    request: dict[str, Any] = {
        "model": "fake-model",
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    async with httpx.AsyncClient(base_url=fake.base_url) as http:
        response = await http.post("/chat/completions", json=request)

    assert response.headers["content-type"].startswith("text/event-stream")
    payloads = sse_payloads(response.text)
    assert payloads[-1] == "[DONE]"
    chunks = [json.loads(p) for p in payloads[:-1]]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    assert text == "Hello there, buyer."
    assert chunks[-2]["choices"][0]["finish_reason"] == "stop"
    assert chunks[-1]["choices"] == []
    assert chunks[-1]["usage"]["completion_tokens"] == 3
    assert all(c["usage"] is None for c in chunks[:-1])


async def test_stream_without_usage_personality(fake: FakeOpenAI) -> None:
    fake.no_stream_usage = True
    request = {
        "model": "m",
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    async with httpx.AsyncClient(base_url=fake.base_url) as http:
        response = await http.post("/chat/completions", json=request)
    chunks = [json.loads(p) for p in sse_payloads(response.text)[:-1]]
    assert all("usage" not in c for c in chunks)
    assert fake.chat_requests[0].usage is None


async def test_records_and_server_side_ttft(fake: FakeOpenAI) -> None:
    fake.script(reply("slow start", first_token_delay=0.2))
    request = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "stream": True}
    async with httpx.AsyncClient(base_url=fake.base_url) as http:
        started = time.monotonic()
        response = await http.post(
            "/chat/completions", json=request, headers={"Authorization": "Bearer t"}
        )
        elapsed = time.monotonic() - started
    assert response.status_code == 200
    [record] = fake.chat_requests
    assert record.headers["authorization"] == "Bearer t"
    assert record.body == request
    assert record.ttft is not None
    assert 0.2 <= record.ttft <= elapsed
    assert record.finished_at is not None
    assert started <= record.received_at <= record.finished_at


async def test_models_endpoint(fake: FakeOpenAI) -> None:
    async with httpx.AsyncClient(base_url=fake.base_url) as http:
        response = await http.get("/models")
    assert response.json()["data"][0]["id"] == "fake-model"
