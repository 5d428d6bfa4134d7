"""A turn whose reply streams: events for the trainee's turn, the reply's pieces, the end.

The reply is produced by a background task, not by the HTTP response: if the
trainee closes or reloads the page mid-reply, the task still finishes and
stores the buyer's turn, so the conversation is whole when the page comes
back. The response only relays the task's events.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

from app.buyer.engine import BuyerReply
from app.errors import CoachError
from app.roleplay.turn_store import TurnRow
from app.roleplay.turns import Claim, Stored, TurnTaker

log = logging.getLogger(__name__)

_PIECES = re.compile(r"[^。！？!?；;.…]+[。！？!?；;.…]*\s*|.+$")


@dataclass(frozen=True)
class MessageStored:
    message: TurnRow


@dataclass(frozen=True)
class Delta:
    text: str


@dataclass(frozen=True)
class Finished:
    outcome: Any  # app.roleplay.service.TurnOutcome


@dataclass(frozen=True)
class Failed:
    error: CoachError


Event = MessageStored | Delta | Finished | Failed


def pieces(text: str) -> list[str]:
    """A whole reply cut at sentence ends, for engines that don't stream."""
    return [p for p in _PIECES.findall(text) if p] or [text]


class TurnStream:
    """Runs one claimed turn in the background and relays its events."""

    def __init__(
        self, service: Any, taker: TurnTaker, lock: AbstractAsyncContextManager[None]
    ) -> None:
        self.service = service
        self.taker = taker
        self.lock = lock
        self.queue: asyncio.Queue[Event | None] = asyncio.Queue()

    def start(self, user: Any, got: Stored | Claim) -> None:
        tasks: set[asyncio.Task[None]] = self.service.c.extras.setdefault("turn_tasks", set())
        task = asyncio.create_task(self._run(user, got))
        tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(tasks.discard)

    async def events(self) -> AsyncIterator[Event]:
        while (event := await self.queue.get()) is not None:
            yield event

    async def _run(self, user: Any, got: Stored | Claim) -> None:
        try:
            if isinstance(got, Stored):  # an Idempotency-Key retry of a finished turn
                outcome = self.service._replayed(got)
                await self.queue.put(MessageStored(got.message))
                await self.queue.put(Delta(got.reply.text))
                await self.queue.put(Finished(outcome))
                return
            await self.queue.put(MessageStored(got.message))
            reply = await self._produce(got)
            engine_name = self.service._engine(got.engine).name
            turn = await self.taker.store(got, reply, engine_name)
            await self.queue.put(Finished(await self.service._finish(user, got, reply, turn)))
        except CoachError as exc:
            await self.queue.put(Failed(exc))
        except Exception:  # a bug: log it, tell the client plainly, keep the stream well-formed
            log.exception("streamed turn failed")
            await self.queue.put(Failed(CoachError("Internal error.")))
        finally:
            await self.lock.__aexit__(None, None, None)
            await self.queue.put(None)

    async def _produce(self, claim: Claim) -> BuyerReply:
        engine = self.service._engine(claim.engine)
        if not hasattr(engine, "stream_reply"):
            reply: BuyerReply = await self.taker.answer(engine, claim)
            for piece in pieces(reply.text):
                await self.queue.put(Delta(piece))
            return reply
        final: BuyerReply | None = None
        async for item in self.taker.stream(engine, claim):
            if isinstance(item, str):
                await self.queue.put(Delta(item))
            else:
                final = item
        assert final is not None
        return final
