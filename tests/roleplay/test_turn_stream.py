"""A streamed turn's reply opened ahead of its claim: used when the claim comes out as
predicted, closed when it fails or differs (nothing leaks, nothing is asked twice)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncGenerator, AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from app.buyer.engine import BuyerEngine, BuyerReply, StreamingBuyerEngine
from app.buyer.offline import OfflineBuyer
from app.config import Settings
from app.container import Container
from app.main import build_container
from app.roleplay.streaming import TurnStream
from app.roleplay.turns import Claim, TurnTaker


class CountingEngine:
    """The offline buyer, but its reply streams one piece and then waits like a slow
    provider; counts opens and closes."""

    name = "counting"

    def __init__(self, offline: OfflineBuyer) -> None:
        self.offline = offline
        self.initial_state = offline.initial_state
        self.opening = offline.opening
        self.reply = offline.reply
        self.opened = 0
        self.closed = 0
        self.streaming = asyncio.Event()  # the first piece is out
        self.ended = asyncio.Event()  # the reply was closed

    async def stream_reply(self, *args: Any) -> AsyncGenerator[str | BuyerReply, None]:
        self.opened += 1
        try:
            self.streaming.set()
            yield "先说好，"
            await asyncio.sleep(30)
        finally:
            self.closed += 1
            self.ended.set()


def claim() -> Claim:
    fields: dict[str, Any] = {f.name: None for f in dataclasses.fields(Claim)}
    return Claim(**{**fields, "engine": "counting", "token": "t", "session_id": "s"})


@pytest.fixture
async def container(tmp_path: Path) -> AsyncIterator[Container]:
    built = build_container(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 's.db'}"))
    async with built.shutdown:
        built.shutdown.push_async_callback(built.engine.dispose)
        yield built


def stream(container: Container, engine: BuyerEngine) -> TurnStream:
    return TurnStream(
        TurnTaker(container), engine_of=lambda name: engine, tasks=container.turn_tasks
    )


async def quiet() -> None:
    """Until every other task on the loop (a reply opened ahead, its closing) is done."""
    others = asyncio.all_tasks() - {asyncio.current_task()}
    if others:
        await asyncio.wait(others, timeout=5)


def counting(container: Container) -> CountingEngine:
    offline = container.buyers["offline"]
    assert isinstance(offline, OfflineBuyer)
    engine = CountingEngine(offline)
    assert isinstance(engine, StreamingBuyerEngine)
    return engine


async def test_a_failed_claim_closes_the_reply_opened_for_it(container: Container) -> None:
    engine = counting(container)
    s = stream(container, engine)
    assert s.prepare(claim())
    await asyncio.wait_for(engine.streaming.wait(), 5)  # the stream is open
    s.abandon()
    await asyncio.wait_for(engine.ended.wait(), 5)
    assert (engine.opened, engine.closed) == (1, 1)


async def test_a_claim_abandoned_before_its_reply_opens_leaves_nothing_open(
    container: Container,
) -> None:
    engine = counting(container)
    s = stream(container, engine)
    assert s.prepare(claim())
    s.abandon()
    await quiet()
    assert engine.closed == engine.opened


async def test_engines_that_do_not_stream_are_not_opened_ahead(container: Container) -> None:
    s = stream(container, container.buyers["offline"])
    assert not s.prepare(claim())
