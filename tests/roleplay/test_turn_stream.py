"""A streamed turn's reply opened ahead of its claim: used when the claim comes out as
predicted, closed when it fails or differs (nothing leaks, nothing is asked twice)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import SimpleNamespace
from typing import Any

from app.roleplay.streaming import TurnStream
from app.roleplay.turns import Claim


class CountingEngine:
    """Streams one piece, then waits like a slow provider; counts opens and closes."""

    name = "counting"

    def __init__(self) -> None:
        self.opened = 0
        self.closed = 0

    async def stream_reply(self, *args: Any) -> AsyncIterator[str]:
        self.opened += 1
        try:
            yield "先说好，"
            await asyncio.sleep(30)
        finally:
            self.closed += 1


def claim() -> Claim:
    fields = {name: None for name in Claim.__dataclass_fields__}
    return Claim(**{**fields, "engine": "counting", "token": "t", "session_id": "s"})


@asynccontextmanager
async def no_lock() -> AsyncIterator[None]:
    yield


def stream(engine: CountingEngine) -> TurnStream:
    service = SimpleNamespace(_engine=lambda name: engine, c=SimpleNamespace(extras={}))
    return TurnStream(service, taker=None, lock=no_lock())  # type: ignore[arg-type]


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0.01)


async def test_a_failed_claim_closes_the_reply_opened_for_it() -> None:
    engine = CountingEngine()
    s = stream(engine)
    assert s.prepare(claim())
    await settle()  # the first piece is in: the stream is open
    s.abandon()
    await settle()
    assert (engine.opened, engine.closed) == (1, 1)


async def test_a_claim_abandoned_before_its_reply_opens_leaves_nothing_open() -> None:
    engine = CountingEngine()
    s = stream(engine)
    assert s.prepare(claim())
    s.abandon()
    await settle()
    assert engine.closed == engine.opened


async def test_engines_that_do_not_stream_are_not_opened_ahead() -> None:
    plain = SimpleNamespace(name="plain")
    service = SimpleNamespace(_engine=lambda name: plain, c=SimpleNamespace(extras={}))
    s = TurnStream(service, taker=None, lock=no_lock())  # type: ignore[arg-type]
    assert not s.prepare(claim())
