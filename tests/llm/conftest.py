"""Fixtures of the LLM seam's tests: one loopback server, fresh clients."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from app.llm.client import LLMClient
from tests.support.fake_openai import FakeOpenAI

API_KEY = "sk-test-SECRET-4f9c2e7a1b"
MODEL = "fake-model"

ClientFactory = Callable[..., LLMClient]


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(model=MODEL) as server:
        yield server


@pytest.fixture
def fake(fake_server: FakeOpenAI) -> Iterator[FakeOpenAI]:
    """The shared server, with no scripts, records or personality left over."""
    fake_server.reset()
    yield fake_server
    fake_server.reset()


@pytest.fixture
async def make_client(fake: FakeOpenAI) -> AsyncIterator[ClientFactory]:
    """Build clients on the fake server with tiny backoffs; closed afterwards."""
    clients: list[LLMClient] = []

    def make(**overrides: Any) -> LLMClient:
        options: dict[str, Any] = {
            "base_url": fake.base_url,
            "api_key": API_KEY,
            "model": MODEL,
            "timeout_seconds": 2.0,
            "max_attempts": 4,
            "retry_budget_seconds": 5.0,
            "backoff_base_seconds": 0.01,
            "backoff_max_seconds": 0.05,
        }
        options.update(overrides)
        client = LLMClient(**options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        await client.aclose()


@pytest.fixture
def api_key() -> str:
    """The key every test client sends (and that must never leak)."""
    return API_KEY
