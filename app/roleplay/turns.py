"""Where a turn is taken: store the trainee's words, let the buyer answer, store the answer.

`TurnTaker.send` and `reply_again` take a whole turn; a streamed turn
(app/roleplay/streaming.py) runs the same steps in a background task. The
turn's two transactions are app/roleplay/turn_store.py's `store_trainee_turn`
and `store_reply`, around the buyer so a slow or failing LLM never holds a
database transaction, and the trainee's words are committed before anything
of the buyer's answer is relayed or stored:

0. for a streamed reply, a preview: the same checks and turn analysis on a
   plain read of the session, so the provider request can go out at once.
1. claim: lock the session row, check it may take a message, store the trainee
   turn (with its analysis) and take the session's reply lease; commit. When
   the row is what the preview read, the preview's claim is the claim.
2. the buyer engine answers, outside any transaction.
3. store: one conditional UPDATE proves the lease is still ours (nobody ended
   the session or took over), then the buyer turn is inserted; commit. When
   the reply closed the meeting, the transcript is scored first (outside any
   transaction) and the same commit ends the session with its scorecard.

Per-session order comes from the lease (guarded by the row lock), and within
one process from an asyncio lock, so waiting is FIFO instead of polling. The
lease is short and renewed while the reply is produced (app/roleplay/leases.py),
so a reply left by a process that died frees its session within one lease.

No request waits for another's reply without bound: one that finds the session
busy (its lock, or a lease held here, elsewhere or by a dead process) waits at
most the lease plus REPLY_WAIT_MARGIN_SECONDS, then answers 503
`reply_in_progress` with Retry-After, having changed nothing.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from app.accounts.service import Principal
from app.analysis.conversation import context_for
from app.analysis.model import TraineeTurnAnalysis
from app.analysis.trainee import analyze_trainee_turn
from app.buyer.engine import BuyerEngine, BuyerReply, HistoryTurn
from app.buyer.state import BuyerState, EndReason
from app.container import Container
from app.errors import BadRequest, CoachError, Conflict, ReplyInProgress, Unprocessable
from app.observability.metrics import BUYER_TURNS
from app.roleplay import turn_store
from app.roleplay.access import check_owner, holds
from app.roleplay.leases import lease_left
from app.roleplay.locks import SessionBusy
from app.roleplay.service import score_transcript
from app.roleplay.snapshots import cached_scenario, remember
from app.roleplay.turn_store import Ending, SessionRow, TraineeTurn, TurnRow
from app.scenarios.schema import Scenario

LEASE_WAIT_STEP = 0.05  # the first pause while another process holds the lease
LEASE_WAIT_MAX_STEP = 0.25  # the pauses grow to this
# How much longer than a lease a request waits for a busy session: long enough that
# a lease left by a process that died lapses while a request waits for it.
REPLY_WAIT_MARGIN_SECONDS = 2.0
# A session busy with a reply in this process: come back after about this long.
BUSY_RETRY_AFTER_SECONDS = 2.0


def _now() -> datetime:
    return datetime.now(UTC)


def trainee_meta(analysis: TraineeTurnAnalysis) -> dict[str, Any]:
    return {
        "acts": sorted(a.value for a in analysis.acts),
        "questions": [
            {"form": q.form.value, "stage": q.stage.value, "text": q.text}
            for q in analysis.questions
        ],
    }


@dataclass(frozen=True)
class Stored:
    """A trainee turn and the buyer's reply to it, as stored."""

    session: SessionRow
    message: TurnRow
    reply: TurnRow
    scorecard: dict[str, Any] | None

    def outcome(self) -> TurnOutcome:
        """The turn's first result, again (an Idempotency-Key retry of a finished turn)."""
        s = self.session
        return TurnOutcome(
            message=self.message,
            reply=self.reply,
            status=s.status,
            buyer_ended=bool(s.buyer_state.get("ended")),
            end_reason=s.buyer_state.get("end_reason"),
            scorecard=self.scorecard,
        )


@dataclass(frozen=True)
class TurnOutcome:
    """What a taken turn came to: both turns, the session's state after, and the
    scorecard when the buyer's reply ended the meeting."""

    message: TurnRow
    reply: TurnRow
    status: str
    buyer_ended: bool
    end_reason: str | None
    scorecard: dict[str, Any] | None


@dataclass(frozen=True)
class Claim:
    """What the buyer needs to answer, and the lease that lets us store the answer."""

    token: str
    session_id: str
    message: TurnRow
    language: str
    scenario: Scenario
    state: BuyerState
    seed: int
    engine: str
    history: list[HistoryTurn]
    analysis: TraineeTurnAnalysis


@dataclass(frozen=True)
class Preview:
    """The claim a plain read of the session predicts."""

    row: SessionRow  # the session as read: the claim stands while the row is unchanged
    claim: Claim
    new: bool  # the message is not stored yet


class TurnTaker:
    def __init__(self, container: Container) -> None:
        self.c = container
        self.locks = container.session_locks
        self.lease = timedelta(seconds=container.settings.reply_lease_seconds)
        self.keeper = container.lease_keeper
        # Every wait of this request (the session's lock, another process's lease) ends here.
        wait = container.settings.reply_lease_seconds + REPLY_WAIT_MARGIN_SECONDS
        self.deadline = asyncio.get_running_loop().time() + wait

    def engine(self, name: str) -> BuyerEngine:
        """The configured buyer engine of that name; Conflict when this server has none."""
        engine = self.c.buyers.get(name)
        if engine is None:
            raise Conflict(f"The buyer engine {name!r} is not configured on this server.")
        return engine

    def check_message(self, text: str, key: str | None) -> None:
        limit = self.c.settings.max_message_chars
        if not text.strip():
            raise Unprocessable("text: the message is empty.", key="message_empty")
        if len(text) > limit:
            raise Unprocessable(
                f"text: at most {limit} characters (got {len(text)}).",
                key="message_too_long",
                params={"max": limit, "n": len(text)},
            )
        if key is not None and not (1 <= len(key) <= 200):
            raise BadRequest("Idempotency-Key: 1 to 200 characters.")

    # --- a whole turn ---------------------------------------------------------------------

    async def send(self, user: Principal, sid: str, text: str, key: str | None) -> TurnOutcome:
        """The trainee's message and the buyer's reply to it (or, for an Idempotency-Key
        retry of a finished turn, the first result again)."""
        self.check_message(text, key)
        async with self.hold(sid):
            got = await self.claim(user, sid, text, key)
            if isinstance(got, Stored):
                return got.outcome()
            engine = self.engine(got.engine)
            return await self.finish(got, await self.answer(engine, got), engine.name)

    async def reply_again(self, user: Principal, sid: str) -> TurnOutcome:
        """Produce the buyer's reply to the last trainee turn, after a failed attempt."""
        async with self.hold(sid):
            got = await self.claim(user, sid, None, None, retry_only=True)
            assert isinstance(got, Claim)
            engine = self.engine(got.engine)
            return await self.finish(got, await self.answer(engine, got), engine.name)

    # --- its steps ------------------------------------------------------------------------

    @asynccontextmanager
    async def hold(self, sid: str) -> AsyncIterator[None]:
        """The session's lock in this process, or ReplyInProgress by the deadline."""
        try:
            async with self.locks.hold(sid, self.deadline):
                yield
        except SessionBusy:
            raise self._busy(sid, BUSY_RETRY_AFTER_SECONDS) from None

    def _busy(self, sid: str, retry_after: float) -> ReplyInProgress:
        return ReplyInProgress(
            "The buyer is still answering an earlier message of this session; nothing was "
            f"changed. Try again in {max(1, round(retry_after))} s: resend with the same "
            f"Idempotency-Key, or POST /api/sessions/{sid}/reply.",
            retry_after=retry_after,
        )

    async def claim(
        self,
        user: Principal,
        sid: str,
        text: str | None,
        key: str | None,
        *,
        retry_only: bool = False,
        on_preview: Callable[[Claim], bool] | None = None,
    ) -> Stored | Claim:
        """Store the trainee turn (or find it again) and take the reply lease.

        Returns the stored pair when an Idempotency-Key retry finds it complete.

        `on_preview` gets the claim as a read of the session predicts it, before
        the writer's turn: a streamed reply's provider request can go out while
        the claim is written and committed. It returns whether it started such
        work (then the event loop gets a moment to send it). The claim returned
        is that same object when nothing changed in between, and a new one when
        something did (the preview must then be dropped).
        """
        preview = await self._preview(user, sid, text, key, retry_only) if on_preview else None
        if preview is not None and on_preview is not None and on_preview(preview.claim):
            await asyncio.sleep(0)
        loop = asyncio.get_running_loop()
        step = LEASE_WAIT_STEP

        async def decide(
            conn: AsyncConnection, s: SessionRow | None
        ) -> tuple[TraineeTurn | None, Stored | Claim | None]:
            if not holds(user, s):
                return None, None
            assert s is not None
            return await self._claim_in(conn, s, text, key, retry_only, preview)

        while True:
            s, got = await turn_store.store_trainee_turn(self.c.connection, sid, decide)
            if got is not None:
                return got
            if not holds(user, s):
                # Decided after the transaction: it held the (SQLite) writer lock.
                await self._refuse(user, s, sid)
            left = self.deadline - loop.time()
            if left <= 0:
                lapses = lease_left(s, self.lease.total_seconds(), _now())
                raise self._busy(sid, lapses or BUSY_RETRY_AFTER_SECONDS)
            await asyncio.sleep(min(step, left))  # another process holds the lease
            step = min(step * 1.5, LEASE_WAIT_MAX_STEP)

    async def _preview(
        self, user: Principal, sid: str, text: str | None, key: str | None, retry_only: bool
    ) -> Preview | None:
        """The claim a read of the session predicts (no writer's turn), or None when
        the claim itself would refuse or replay: it decides, with its own errors."""
        async with self.c.read() as conn:
            s = await turn_store.peek_session_row(conn, sid)
            if s is None or not holds(user, s):
                return None
            try:
                decided = await self._decide(conn, s, text, key, retry_only)
            except CoachError:
                return None
        if decided is None or isinstance(decided, Stored):
            return None
        return Preview(s, *decided)

    async def _claim_in(
        self,
        conn: AsyncConnection,
        s: SessionRow,
        text: str | None,
        key: str | None,
        retry_only: bool,
        preview: Preview | None,
    ) -> tuple[TraineeTurn | None, Stored | Claim | None]:
        """Inside store_trainee_turn's transaction: the trainee turn to store and the
        claim, or what to answer instead (a finished retry's pair; None while another
        process holds the lease)."""
        if preview is not None and preview.row == s:
            # Same row, so the same turns and state: the preview's claim stands.
            claim, new = preview.claim, preview.new
        else:
            decided = await self._decide(conn, s, text, key, retry_only)
            if decided is None or isinstance(decided, Stored):
                return None, decided
            claim, new = decided
        turn = TraineeTurn(claim.message, new, trainee_meta(claim.analysis), key, claim.token)
        return turn, claim

    async def _decide(
        self,
        conn: AsyncConnection,
        s: SessionRow,
        text: str | None,
        key: str | None,
        retry_only: bool,
    ) -> Stored | tuple[Claim, bool] | None:
        """What the claim will be, from reads only: the stored pair of a finished
        retry, (the claim, whether its message is new), or None while another
        process holds the lease. Raises when the session takes no message."""
        existing = await turn_store.turn_by_key(conn, s.id, key) if key else None
        if existing is not None and existing.text != text:
            raise Conflict("This Idempotency-Key was used for a different message.")
        if existing is not None and s.turn_count > existing.index + 1:
            # A retry of a turn that went through: the first result, again.
            reply = await turn_store.turn_at(conn, s.id, existing.index + 1)
            assert reply is not None
            card = await turn_store.scorecard(conn, s.id) if s.status == "ended" else None
            return Stored(s, existing, reply, card)
        if s.status != "active":
            raise Conflict("This session has ended; it takes no more messages.")
        if self._lease_held(s):
            return None
        return await self._plan(conn, s, existing, text, retry_only)

    async def _refuse(self, user: Principal, s: SessionRow | None, sid: str) -> None:
        """Raise what a request that may not play this session is told (a read)."""
        async with self.c.read() as conn, AsyncSession(bind=conn) as session:
            await check_owner(session, user, s, sid)

    def _lease_held(self, s: SessionRow) -> bool:
        return (
            s.reply_token is not None
            and s.reply_started_at is not None
            and s.reply_started_at > _now() - self.lease
        )

    async def _plan(
        self,
        conn: AsyncConnection,
        s: SessionRow,
        existing: TurnRow | None,
        text: str | None,
        retry_only: bool,
    ) -> tuple[Claim, bool]:
        state = BuyerState.model_validate(s.buyer_state)
        if state.ended:
            raise Conflict(
                "The buyer has ended the meeting. End the session to see your scorecard."
            )
        history = await turn_store.history(conn, s.id)
        last = history[-1] if history else None
        new = False
        if existing is not None:
            message = existing
        elif last is not None and last.role == "trainee":
            if not retry_only:
                raise Conflict(
                    "The buyer has not answered your last message yet. Ask for the reply again "
                    "(POST /api/sessions/{id}/reply) or resend it with the same Idempotency-Key."
                )
            message = last
        elif retry_only:
            raise Conflict("There is no unanswered message to reply to.")
        else:
            assert text is not None
            new = True
            message = TurnRow(s.turn_count, "trainee", text, _now())
        before = [(t.role, t.text) for t in history if t.index < message.index]
        analysis = analyze_trainee_turn(
            message.index, message.text, s.language, context_for(before)
        )
        scenario = cached_scenario(s.id) or remember(
            s.id, await turn_store.scenario_data(conn, s.id)
        )
        claim = Claim(
            token=secrets.token_hex(16),
            session_id=s.id,
            message=message,
            language=s.language,
            scenario=scenario,
            state=state,
            seed=s.seed,
            engine=s.buyer_engine,
            history=[HistoryTurn(r, t) for r, t in before] + [HistoryTurn("trainee", message.text)],
            analysis=analysis,
        )
        return claim, new

    async def answer(self, engine: BuyerEngine, claim: Claim) -> BuyerReply:
        try:
            async with self.keeper.keep(claim.session_id, claim.token):
                return await engine.reply(
                    claim.scenario, claim.state, claim.history, claim.analysis, claim.seed
                )
        except BaseException:
            await self.release(claim)
            raise

    async def stream(
        self, claim: Claim, items: AsyncIterator[str | BuyerReply]
    ) -> AsyncIterator[str | BuyerReply]:
        """Like answer(), for engines that stream: relays `items` (text pieces, then
        the BuyerReply, from the engine's `stream_reply` for this claim)."""
        try:
            async with self.keeper.keep(claim.session_id, claim.token):
                async for item in items:
                    yield item
        except BaseException:
            await self.release(claim)
            raise

    async def release(self, claim: Claim) -> None:
        await turn_store.release_reply_lease(self.c.connection, claim.session_id, claim.token)

    async def finish(self, claim: Claim, reply: BuyerReply, engine_name: str) -> TurnOutcome:
        """Store the buyer's reply under the claim's lease. When the reply closed the
        meeting, the transcript is scored first, outside any transaction (a judge may
        be an LLM call), and the same commit ends the session with its scorecard."""
        meta = {"engine": engine_name, "events": reply.events, **reply.meta}
        ending = await self._ending(claim, reply, meta) if reply.state.ended else None
        turn = await turn_store.store_reply(
            self.c.connection,
            claim.session_id,
            claim.token,
            claim.message.index + 1,
            reply,
            meta,
            ending,
        )
        if turn is None:
            # The session was ended (or the lease expired) while the buyer answered.
            raise Conflict("The session changed while the buyer was answering; reload it.")
        BUYER_TURNS.labels(claim.engine).inc()
        return TurnOutcome(
            message=claim.message,
            reply=turn,
            status="ended" if ending is not None else "active",
            buyer_ended=reply.state.ended,
            end_reason=reply.state.end_reason.value if reply.state.end_reason else None,
            scorecard=ending.scorecard if ending is not None else None,
        )

    async def _ending(self, claim: Claim, reply: BuyerReply, meta: dict[str, Any]) -> Ending:
        """The session's end and scorecard, the reply included (still under the lease)."""
        try:
            async with self.keeper.keep(claim.session_id, claim.token):
                async with self.c.read() as conn:
                    events = await turn_store.buyer_events(conn, claim.session_id)
                events[claim.message.index + 1] = meta.get("events", {})
                transcript = [(t.role, t.text) for t in claim.history]
                card = await score_transcript(
                    self.c.scorer,
                    [*transcript, ("buyer", reply.text)],
                    language=claim.language,
                    scenario=claim.scenario,
                    events=events,
                    source="roleplay",
                )
        except BaseException:
            await self.release(claim)
            raise
        reason = reply.state.end_reason or EndReason.trainee_ended
        return Ending(reason.value, card)
