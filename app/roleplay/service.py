"""Role-play rules and orchestration: start, take a turn, reply again, end, read.

How a turn is taken (stored before the buyer answers, serialized per
session, idempotent) lives in app/roleplay/turns.py.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.buyer.engine import BuyerEngine, BuyerReply
from app.buyer.state import BuyerState, EndReason
from app.container import Container
from app.errors import BadRequest, Conflict, TooManyActiveSessions, Unprocessable
from app.observability.metrics import BUYER_TURNS, LIMIT_REFUSALS, count_scoring
from app.roleplay.access import readable_session
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.repository import RoleplayRepository
from app.roleplay.snapshots import scenario_of
from app.roleplay.streaming import TurnStream
from app.roleplay.turn_store import TurnRow
from app.roleplay.turns import Claim, Stored, TurnOutcome, TurnTaker, check_owner
from app.scenarios.service import ScenarioService


def new_session_id() -> str:
    return secrets.token_hex(16)


def _now() -> datetime:
    return datetime.now(UTC)


class RoleplayService:
    def __init__(self, container: Container) -> None:
        self.c = container

    def engine(self, name: str) -> BuyerEngine:
        """The configured buyer engine of that name; Conflict when this server has none."""
        engine = self.c.buyers.get(name)
        if engine is None:
            raise Conflict(f"The buyer engine {name!r} is not configured on this server.")
        return engine

    # --- start ---------------------------------------------------------------------

    async def start(
        self, user: Principal, scenario_id: str, seed: int | None, assignment_id: int | None = None
    ) -> PracticeSession:
        async with self.c.unit_of_work() as db:
            scenario, _ = await ScenarioService(db, self.c.builtin_scenarios).get(user, scenario_id)
        engine_name = self.c.settings.buyer_engine
        engine = self.engine(engine_name)
        seed = seed if seed is not None else secrets.randbelow(2**31)
        state = engine.initial_state(scenario)
        opening = await engine.opening(scenario, state, seed)
        async with self.c.unit_of_work() as db:
            await self._check_active_limit(RoleplayRepository(db), user)
            if assignment_id is not None:  # assigned, same scenario, an attempt left (locked)
                await self.c.assignment_gate(db, user, assignment_id, scenario.id)
            session = PracticeSession(
                id=new_session_id(),
                assignment_id=assignment_id,
                org_id=user.org_id,
                user_id=user.id,
                created_by_id=user.id,
                source="roleplay",
                scenario_id=scenario.id,
                scenario=scenario.model_dump(mode="json"),
                title=scenario.title,
                language=scenario.language,
                status="active",
                buyer_engine=engine_name,
                seed=seed,
                buyer_state=opening.state.model_dump(mode="json"),
                turn_count=1,
            )
            db.add(session)
            db.add(
                Turn(
                    session_id=session.id,
                    index=0,
                    role="buyer",
                    text=opening.text,
                    meta={"engine": engine.name, "events": opening.events},
                )
            )
        return session

    async def _check_active_limit(self, repo: RoleplayRepository, user: Principal) -> None:
        """At most COACH_MAX_ACTIVE_SESSIONS open role-plays per trainee. The user's
        row is locked first, so concurrent starts are counted one after another."""
        limit = self.c.settings.max_active_sessions
        await repo.lock_user(user.id)
        active = await repo.active_sessions(user.id)
        if active >= limit:
            LIMIT_REFUSALS.labels("active_sessions").inc()
            raise TooManyActiveSessions(
                f"You have {active} active sessions; the limit is {limit} "
                "(COACH_MAX_ACTIVE_SESSIONS). End one before starting another.",
                key="active_sessions_limit",
                params={"active": active, "limit": limit},
            )

    # --- one turn --------------------------------------------------------------------

    async def send(self, user: Principal, sid: str, text: str, key: str | None) -> TurnOutcome:
        self._check_message(text, key)
        taker = TurnTaker(self.c)
        async with taker.hold(sid):
            got = await taker.claim(user, sid, text, key)
            if isinstance(got, Stored):
                return got.outcome()
            engine = self.engine(got.engine)
            reply = await taker.answer(engine, got)
            turn = await taker.store(got, reply, engine.name)
        return await self._finish(user, got, reply, turn)

    async def reply_again(self, user: Principal, sid: str) -> TurnOutcome:
        """Produce the buyer's reply to the last trainee turn, after a failed attempt."""
        taker = TurnTaker(self.c)
        async with taker.hold(sid):
            got = await taker.claim(user, sid, None, None, retry_only=True)
            assert isinstance(got, Claim)
            engine = self.engine(got.engine)
            reply = await taker.answer(engine, got)
            turn = await taker.store(got, reply, engine.name)
        return await self._finish(user, got, reply, turn)

    async def send_streamed(
        self, user: Principal, sid: str, text: str, key: str | None
    ) -> TurnStream:
        """Claim the turn now (so refusals are plain 4xx answers), then stream the reply."""
        self._check_message(text, key)
        taker = TurnTaker(self.c)
        lock = taker.hold(sid)
        await lock.__aenter__()
        stream = TurnStream(
            taker, lock, engine_of=self.engine, finish=self._finish, tasks=self.c.turn_tasks
        )
        try:
            got = await taker.claim(user, sid, text, key, on_preview=stream.prepare)
        except BaseException:
            stream.abandon()
            await lock.__aexit__(None, None, None)
            raise
        stream.start(user, got)
        return stream

    def _check_message(self, text: str, key: str | None) -> None:
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

    async def _finish(
        self, user: Principal, claim: Claim, reply: BuyerReply, turn: TurnRow
    ) -> TurnOutcome:
        """When the buyer closed the meeting, the session ends and is scored at once."""
        BUYER_TURNS.labels(claim.engine).inc()
        scorecard = await self.end(user, claim.session_id) if reply.state.ended else None
        return TurnOutcome(
            message=claim.message,
            reply=turn,
            status="ended" if scorecard is not None else "active",
            buyer_ended=reply.state.ended,
            end_reason=reply.state.end_reason.value if reply.state.end_reason else None,
            scorecard=scorecard,
        )

    # --- end and score ----------------------------------------------------------------

    async def end(self, user: Principal, sid: str) -> dict[str, Any]:
        async with self.c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await repo.session(sid, lock=True)
            await check_owner(db, user, s, sid)
            assert s is not None
            if s.status == "ended" and s.scorecard is not None:
                return s.scorecard
            turns = list(await repo.turns(sid))
        card = await self.score(s, turns)
        async with self.c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s2 = await repo.session(sid, lock=True)
            assert s2 is not None
            if s2.status == "ended" and s2.scorecard is not None:
                return s2.scorecard  # a concurrent end got there first
            state = BuyerState.model_validate(s2.buyer_state)
            s2.status = "ended"
            s2.ended_at = _now()
            s2.end_reason = (state.end_reason or EndReason.trainee_ended).value
            s2.scorecard = card
            s2.overall = card.get("overall")
            s2.reply_token = None
            s2.reply_started_at = None
            return card

    async def score(self, s: PracticeSession, turns: Sequence[Turn]) -> dict[str, Any]:
        events = {t.index: t.meta.get("events", {}) for t in turns if t.role == "buyer"}
        started = time.perf_counter()
        card = await self.c.scorer.score_transcript(
            [(t.role, t.text) for t in turns],
            language=s.language,
            scenario=scenario_of(s),
            events=events if s.source == "roleplay" else None,
        )
        count_scoring(self.c.scorer.name, s.source, time.perf_counter() - started)
        data: dict[str, Any] = card.model_dump(mode="json")
        return data

    # --- reading ------------------------------------------------------------------------

    async def get(self, user: Principal, sid: str) -> tuple[PracticeSession, list[Turn], Any]:
        async with self.c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await readable_session(db, user, sid)
            turns = list(await repo.turns(sid))
            owner = await repo.owner(s.user_id)
        return s, turns, owner

    async def list(
        self, user: Principal, *, status: str | None, limit: int, offset: int, mine: bool
    ) -> tuple[list[tuple[PracticeSession, Any]], int]:
        async with self.c.unit_of_work() as db:
            readable = await AccountsService(AccountsRepository(db)).readable_user_ids(user)
            if mine:
                readable = {user.id}
            rows, total = await RoleplayRepository(db).list_sessions(
                user.org_id, readable, status=status, limit=limit, offset=offset
            )
        return list(rows), total
