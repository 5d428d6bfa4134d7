"""A turn whose reply streams: events for the trainee's turn, the reply's pieces, the end.

The turn is taken by a background task, not by the HTTP response: if the
trainee closes or reloads the page mid-reply, the task still finishes and
stores the buyer's turn, so the conversation is whole when the page comes
back. The task holds the session's lock (`async with`) for the whole turn; the
request waits only until the trainee's turn is claimed, so a refusal is still
a plain 4xx answer, and the response then relays the task's events.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass

from app.accounts.service import Principal
from app.buyer.engine import BuyerEngine, BuyerReply, StreamingBuyerEngine
from app.errors import CoachError
from app.roleplay.turn_store import TurnRow
from app.roleplay.turns import Claim, Stored, TurnOutcome, TurnTaker

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
    outcome: TurnOutcome


@dataclass(frozen=True)
class Failed:
    error: CoachError


Event = MessageStored | Delta | Finished | Failed


def pieces(text: str) -> list[str]:
    """A whole reply cut at sentence ends, for engines that don't stream."""
    return [p for p in _PIECES.findall(text) if p] or [text]


Opened = tuple[AsyncGenerator[str | BuyerReply, None], str | BuyerReply]
# The configured buyer engine of a name (TurnTaker.engine: Conflict when there is none).
EngineOf = Callable[[str], BuyerEngine]


async def send_streamed(
    taker: TurnTaker,
    user: Principal,
    sid: str,
    text: str,
    key: str | None,
    *,
    tasks: set[asyncio.Task[None]],
) -> TurnStream:
    """TurnTaker.send, streamed: returns once the trainee's turn is claimed (raising
    the refusal when it is not), and the turn goes on in the background."""
    taker.check_message(text, key)
    stream = TurnStream(taker, engine_of=taker.engine, tasks=tasks)
    await stream.take(user, sid, text, key)
    return stream


class TurnStream:
    """Runs one claimed turn in the background and relays its events.

    The provider request goes out as soon as a read of the session predicts the
    claim (`prepare`), while the claim itself is written: the reply is relayed
    only once the claim has committed as predicted, and is dropped when the
    claim fails or turns out different (`abandon`).
    """

    def __init__(
        self,
        taker: TurnTaker,
        *,
        engine_of: EngineOf,
        tasks: set[asyncio.Task[None]],
    ) -> None:
        """`tasks` holds the running turns (Container.turn_tasks: shutdown waits)."""
        self.taker = taker
        self.engine_of = engine_of
        self.tasks = tasks
        self.queue: asyncio.Queue[Event | None] = asyncio.Queue()
        self._early: asyncio.Task[Opened] | None = None
        self._early_claim: Claim | None = None
        self._claimed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def take(self, user: Principal, sid: str, text: str, key: str | None) -> None:
        """Start the turn in the background; return once it is claimed, or raise why not."""
        task = asyncio.create_task(self._take(user, sid, text, key))
        self.tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(self.tasks.discard)
        await self._claimed

    def prepare(self, claim: Claim) -> bool:
        """Open a streaming engine's reply to the claim a preview predicts, now;
        True when a request was started."""
        engine = self.engine_of(claim.engine)
        if not isinstance(engine, StreamingBuyerEngine):
            return False
        self._early = asyncio.create_task(self._open(engine, claim))
        self._early_claim = claim
        return True

    @staticmethod
    def _reply(
        engine: StreamingBuyerEngine, claim: Claim
    ) -> AsyncGenerator[str | BuyerReply, None]:
        return engine.stream_reply(
            claim.scenario, claim.state, claim.history, claim.analysis, claim.seed
        )

    @classmethod
    async def _open(cls, engine: StreamingBuyerEngine, claim: Claim) -> Opened:
        items = cls._reply(engine, claim)
        try:
            first = await anext(items)
        except BaseException:
            await items.aclose()
            raise
        return items, first

    def abandon(self) -> None:
        """The claim failed or came out other than predicted: stop the reply opened
        for the preview, quietly."""
        early, self._early = self._early, None
        if early is None:
            return
        early.cancel()

        def close(task: asyncio.Task[Opened]) -> None:
            if task.cancelled() or task.exception() is not None:
                return  # the error is the claim's to report, not this task's
            items, _ = task.result()
            closing = asyncio.ensure_future(items.aclose())
            closing.add_done_callback(lambda t: t.cancelled() or t.exception())

        early.add_done_callback(close)

    async def events(self) -> AsyncIterator[Event]:
        while (event := await self.queue.get()) is not None:
            yield event

    async def _take(self, user: Principal, sid: str, text: str, key: str | None) -> None:
        try:
            async with self.taker.hold(sid):
                try:
                    got = await self.taker.claim(user, sid, text, key, on_preview=self.prepare)
                except BaseException:
                    self.abandon()
                    raise
                if got is not self._early_claim:
                    self.abandon()  # the session changed between the preview and the claim
                if not self._claimed.done():  # (the request may have gone: the turn goes on)
                    self._claimed.set_result(None)
                await self._run(got)
        except asyncio.CancelledError:
            self._claimed.cancel()
            raise
        except BaseException as exc:  # refused before the claim: the request answers it
            if not self._claimed.done():  # (unless it has gone: then nobody is told)
                self._claimed.set_exception(exc)
        finally:
            await self.queue.put(None)

    async def _run(self, got: Stored | Claim) -> None:
        """The claimed turn, as events; every failure becomes the last event."""
        try:
            if isinstance(got, Stored):  # an Idempotency-Key retry of a finished turn
                outcome = got.outcome()
                await self.queue.put(MessageStored(got.message))
                await self.queue.put(Delta(got.reply.text))
                await self.queue.put(Finished(outcome))
                return
            await self.queue.put(MessageStored(got.message))
            reply = await self._produce(got)
            engine_name = self.engine_of(got.engine).name
            await self.queue.put(Finished(await self.taker.finish(got, reply, engine_name)))
        except CoachError as exc:
            await self.queue.put(Failed(exc))
        except Exception:  # a bug: log it, tell the client plainly, keep the stream well-formed
            log.exception("streamed turn failed")
            await self.queue.put(Failed(CoachError("Internal error.")))

    async def _produce(self, claim: Claim) -> BuyerReply:
        engine = self.engine_of(claim.engine)
        if not isinstance(engine, StreamingBuyerEngine):
            reply: BuyerReply = await self.taker.answer(engine, claim)
            for piece in pieces(reply.text):
                await self.queue.put(Delta(piece))
            return reply
        final: BuyerReply | None = None
        async for item in self.taker.stream(claim, self._items(engine, claim)):
            if isinstance(item, str):
                await self.queue.put(Delta(item))
            else:
                final = item
        assert final is not None
        return final

    async def _items(
        self, engine: StreamingBuyerEngine, claim: Claim
    ) -> AsyncIterator[str | BuyerReply]:
        """The reply's items: from the request opened for the preview, when the claim
        turned out as predicted."""
        early, self._early = self._early, None
        if early is None:
            async for item in self._reply(engine, claim):
                yield item
            return
        items, first = await early
        try:
            yield first
            async for item in items:
                yield item
        finally:
            await items.aclose()
