"""Role-play rules and orchestration: start, take a turn, reply again, end.

A turn runs in three steps so the trainee's words are safe before any buyer
(possibly a slow, failing LLM) is asked: (1) store the trainee turn and take
the session's reply lease, commit; (2) produce the reply outside any
transaction; (3) store the buyer turn and new state, release the lease,
commit. Per-session order comes from the lease (and the row lock that guards
it); idempotency from the unique (session, Idempotency-Key) constraint.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.analysis.conversation import context_for
from app.analysis.trainee import analyze_trainee_turn
from app.buyer.engine import BuyerEngine, BuyerReply, HistoryTurn
from app.buyer.state import BuyerState, EndReason
from app.container import Container
from app.errors import BadRequest, Conflict, Forbidden, NotFound, Unprocessable
from app.roleplay.locks import SessionLocks
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.repository import RoleplayRepository
from app.scenarios.schema import Scenario
from app.scenarios.service import ScenarioService

LEASE_WAIT_STEP = 0.05


def new_session_id() -> str:
    return secrets.token_hex(16)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class TurnOutcome:
    session: PracticeSession
    message: Turn
    reply: Turn
    scorecard: dict[str, Any] | None


def _scenario_of(s: PracticeSession) -> Scenario | None:
    return Scenario.model_validate(s.scenario) if s.source == "roleplay" and s.scenario else None


def _history(turns: Sequence[Turn]) -> list[HistoryTurn]:
    return [HistoryTurn(t.role, t.text) for t in turns]


def _trainee_meta(analysis: Any) -> dict[str, Any]:
    return {
        "acts": sorted(a.value for a in analysis.acts),
        "questions": [
            {"form": q.form.value, "stage": q.stage.value, "text": q.text}
            for q in analysis.questions
        ],
    }


class RoleplayService:
    def __init__(self, container: Container) -> None:
        self.c = container
        self.locks: SessionLocks = container.extras.setdefault("session_locks", SessionLocks())
        self.lease = timedelta(
            seconds=container.settings.llm_timeout_seconds * container.settings.llm_max_attempts
            + 30
        )

    def _engine(self, name: str) -> BuyerEngine:
        engine: BuyerEngine | None = self.c.buyers.get(name)
        if engine is None:
            raise Conflict(f"The buyer engine {name!r} is not configured on this server.")
        return engine

    # --- access ------------------------------------------------------------------

    async def _readable(
        self, db: Any, user: Principal, s: PracticeSession | None, sid: str
    ) -> PracticeSession:
        if s is None:
            raise NotFound(f"No session {sid}.")
        accounts = AccountsService(AccountsRepository(db))
        if not await accounts.can_read_user(user, s.user_id, s.org_id):
            # Not 403: whether someone else's session exists is not the caller's business.
            raise NotFound(f"No session {sid}.")
        return s

    async def _owned(
        self, db: Any, user: Principal, s: PracticeSession | None, sid: str
    ) -> PracticeSession:
        s = await self._readable(db, user, s, sid)
        if s.user_id != user.id:
            raise Forbidden("Only the trainee who holds this session can do that.")
        return s

    # --- start ---------------------------------------------------------------------

    async def start(self, user: Principal, scenario_id: str, seed: int | None) -> PracticeSession:
        async with self.c.unit_of_work() as db:
            scenario, _ = await ScenarioService(db, self.c.builtin_scenarios).get(user, scenario_id)
        engine_name = self.c.settings.buyer_engine
        engine = self._engine(engine_name)
        seed = seed if seed is not None else secrets.randbelow(2**31)
        state = engine.initial_state(scenario)
        opening = await engine.opening(scenario, state, seed)
        async with self.c.unit_of_work() as db:
            session = PracticeSession(
                id=new_session_id(),
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

    # --- one turn --------------------------------------------------------------------

    async def send(self, user: Principal, sid: str, text: str, key: str | None) -> TurnOutcome:
        limit = self.c.settings.max_message_chars
        if not text.strip():
            raise Unprocessable("text: the message is empty.")
        if len(text) > limit:
            raise Unprocessable(f"text: at most {limit} characters (got {len(text)}).")
        if key is not None and not (1 <= len(key) <= 200):
            raise BadRequest("Idempotency-Key: 1 to 200 characters.")
        async with self.locks.hold(sid):
            claim = await self._claim(user, sid, text, key)
            if isinstance(claim, TurnOutcome):
                return claim
            return await self._produce(user, sid, claim)

    async def reply_again(self, user: Principal, sid: str) -> TurnOutcome:
        """Produce the buyer's reply to the last trainee turn, after a failed attempt."""
        async with self.locks.hold(sid):
            claim = await self._claim(user, sid, None, None, retry_only=True)
            if isinstance(claim, TurnOutcome):
                return claim
            return await self._produce(user, sid, claim)

    async def _claim(
        self,
        user: Principal,
        sid: str,
        text: str | None,
        key: str | None,
        *,
        retry_only: bool = False,
    ) -> TurnOutcome | tuple[str, int]:
        """Step 1: store the trainee turn (or find it again) and take the reply lease."""
        deadline = asyncio.get_running_loop().time() + self.lease.total_seconds()
        while True:
            async with self.c.unit_of_work() as db:
                repo = RoleplayRepository(db)
                s = await self._owned(db, user, await repo.session(sid, lock=True), sid)
                if s.status != "active":
                    raise Conflict("This session has ended; it takes no more messages.")
                existing = await repo.turn_by_key(sid, key) if key else None
                if existing is not None:
                    if existing.text != text:
                        raise Conflict("This Idempotency-Key was used for a different message.")
                    reply = await repo.turn_at(sid, existing.index + 1)
                    if reply is not None and reply.role == "buyer":
                        return TurnOutcome(s, existing, reply, s.scorecard)
                lease_held = (
                    s.reply_token is not None
                    and s.reply_started_at is not None
                    and s.reply_started_at > _now() - self.lease
                )
                if lease_held:
                    pass  # another process is producing a reply: wait below, then look again
                else:
                    state = BuyerState.model_validate(s.buyer_state)
                    if state.ended:
                        raise Conflict(
                            "The buyer has ended the meeting. End the session to see your scorecard."
                        )
                    last = await repo.turn_at(sid, s.turn_count - 1)
                    if existing is not None:
                        target_index = existing.index
                    elif last is not None and last.role == "trainee":
                        if not retry_only:
                            raise Conflict(
                                "The buyer has not answered your last message yet. Ask for the reply again "
                                "(POST /api/sessions/{id}/reply) or resend it with the same Idempotency-Key."
                            )
                        target_index = last.index
                    elif retry_only:
                        raise Conflict("There is no unanswered message to reply to.")
                    else:
                        assert text is not None
                        turn = Turn(
                            session_id=sid,
                            index=s.turn_count,
                            role="trainee",
                            text=text,
                            idempotency_key=key,
                        )
                        repo.add(turn)
                        s.turn_count += 1
                        target_index = turn.index
                    token = secrets.token_hex(16)
                    s.reply_token = token
                    s.reply_started_at = _now()
                    s.updated_at = _now()
                    return token, target_index
            if asyncio.get_running_loop().time() > deadline:
                raise Conflict(
                    "The buyer is still answering an earlier message; try again shortly."
                )
            await asyncio.sleep(LEASE_WAIT_STEP)

    async def _produce(self, user: Principal, sid: str, claim: tuple[str, int]) -> TurnOutcome:
        token, index = claim
        async with self.c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await repo.session(sid)
            assert s is not None
            turns = list(await repo.turns(sid))
        scenario = _scenario_of(s)
        assert scenario is not None
        history = [t for t in turns if t.index <= index]
        message = history[-1]
        analysis = analyze_trainee_turn(
            index, message.text, s.language, context_for([(t.role, t.text) for t in history[:-1]])
        )
        state = BuyerState.model_validate(s.buyer_state)
        engine = self._engine(s.buyer_engine)
        try:
            reply = await engine.reply(scenario, state, _history(history), analysis, s.seed)
        except BaseException:
            await self._release(sid, token)
            raise
        return await self._store_reply(user, sid, token, message, reply, analysis, engine.name)

    async def _release(self, sid: str, token: str) -> None:
        async with self.c.unit_of_work() as db:
            s = await RoleplayRepository(db).session(sid, lock=True)
            if s is not None and s.reply_token == token:
                s.reply_token = None
                s.reply_started_at = None

    async def _store_reply(
        self,
        user: Principal,
        sid: str,
        token: str,
        message: Turn,
        reply: BuyerReply,
        analysis: Any,
        engine_name: str,
    ) -> TurnOutcome:
        scorecard: dict[str, Any] | None = None
        async with self.c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await repo.session(sid, lock=True)
            assert s is not None
            if s.reply_token != token or s.status != "active":
                # The session was ended (or the lease expired) while we worked: drop the reply.
                raise Conflict("The session changed while the buyer was answering; reload it.")
            stored_message = await repo.turn_at(sid, message.index)
            assert stored_message is not None
            stored_message.meta = _trainee_meta(analysis)
            turn = Turn(
                session_id=sid,
                index=s.turn_count,
                role="buyer",
                text=reply.text,
                meta={"engine": engine_name, "events": reply.events, **reply.meta},
            )
            repo.add(turn)
            s.turn_count += 1
            s.buyer_state = reply.state.model_dump(mode="json")
            s.reply_token = None
            s.reply_started_at = None
            s.updated_at = _now()
            await repo.flush()
        if reply.state.ended:
            scorecard = await self.end(user, sid)
            s.status = "ended"
        return TurnOutcome(s, stored_message, turn, scorecard)

    # --- end and score ----------------------------------------------------------------

    async def end(self, user: Principal, sid: str) -> dict[str, Any]:
        async with self.c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await self._owned(db, user, await repo.session(sid, lock=True), sid)
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
        card = await self.c.scorer.score_transcript(
            [(t.role, t.text) for t in turns],
            language=s.language,
            scenario=_scenario_of(s),
            events=events if s.source == "roleplay" else None,
        )
        data: dict[str, Any] = card.model_dump(mode="json")
        return data

    # --- reading ------------------------------------------------------------------------

    async def get(self, user: Principal, sid: str) -> tuple[PracticeSession, list[Turn], Any]:
        async with self.c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await self._readable(db, user, await repo.session(sid), sid)
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
