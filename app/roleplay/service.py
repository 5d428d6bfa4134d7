"""Role-play rules and orchestration: start, end and score, read.

Each method runs in the caller's unit of work (the request's session, from
app/deps.py's SessionDep) and never commits. Taking a turn is
app/roleplay/turns.py: it owns its two transactions (app/roleplay/turn_store.py).
Ending a meeting through the API is `end_session` below, shaped like a turn: the
transcript is read, scored outside any transaction (the judge may be an LLM call,
and on SQLite a request's unit of work holds the one writer), then stored.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.buyer.engine import BuyerEngine
from app.buyer.state import BuyerState, EndReason
from app.container import Container
from app.errors import Conflict, TooManyActiveSessions
from app.observability.metrics import LIMIT_REFUSALS, count_scoring
from app.roleplay.access import check_owner, readable_session
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.repository import RoleplayRepository
from app.roleplay.snapshots import scenario_of
from app.scenarios.schema import Scenario
from app.scenarios.service import ScenarioService
from app.scoring.scorer import Scorer


def new_session_id() -> str:
    return secrets.token_hex(16)


def _now() -> datetime:
    return datetime.now(UTC)


async def score_transcript(
    scorer: Scorer,
    turns: Sequence[tuple[str, str]],
    *,
    language: str,
    scenario: Scenario | None,
    events: Mapping[int, Mapping[str, Any]] | None,
    source: str,
) -> dict[str, Any]:
    """The scorecard of a session's transcript, as stored (counted in the metrics)."""
    started = time.perf_counter()
    card = await scorer.score_transcript(turns, language=language, scenario=scenario, events=events)
    count_scoring(scorer.name, source, time.perf_counter() - started)
    data: dict[str, Any] = card.model_dump(mode="json")
    return data


async def _store_ending(db: AsyncSession, s: PracticeSession, card: dict[str, Any]) -> None:
    state = BuyerState.model_validate(s.buyer_state)
    s.status = "ended"
    s.ended_at = _now()
    s.end_reason = (state.end_reason or EndReason.trainee_ended).value
    s.scorecard = card
    s.overall = card.get("overall")
    s.reply_token = None  # a reply still being produced will not be stored
    s.reply_started_at = None
    await db.flush()


def _scoring_inputs(s: PracticeSession, turns: Sequence[Turn]) -> dict[str, Any]:
    events = {t.index: t.meta.get("events", {}) for t in turns if t.role == "buyer"}
    return {
        "turns": [(t.role, t.text) for t in turns],
        "language": s.language,
        "scenario": scenario_of(s),
        "events": events if s.source == "roleplay" else None,
        "source": s.source,
    }


ENDING_ATTEMPTS = 3  # a turn stored while the transcript was scored: score it again


async def end_session(c: Container, user: Principal, sid: str) -> dict[str, Any]:
    """End the meeting and score it; an ended session's scorecard, again.

    Read (a short transaction), score with no transaction open, then store in a
    second one that checks nothing was added meanwhile; a turn that landed while
    the transcript was scored is scored with the rest.
    """
    for _ in range(ENDING_ATTEMPTS):
        async with c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await repo.session(sid)
            await check_owner(db, user, s, sid)
            assert s is not None
            if s.status == "ended" and s.scorecard is not None:
                return s.scorecard
            turns = list(await repo.turns(sid))
            inputs = _scoring_inputs(s, turns)  # read now: the rows are gone after the block
        card = await score_transcript(c.scorer, **inputs)
        async with c.unit_of_work() as db:
            repo = RoleplayRepository(db)
            s = await repo.session(sid, lock=True)
            assert s is not None
            if s.status == "ended" and s.scorecard is not None:
                return s.scorecard  # ended by the buyer or another request meanwhile
            if len(await repo.turns(sid)) != len(turns):
                continue
            await _store_ending(db, s, card)
            return card
    raise Conflict("The meeting kept changing while it was being scored; try again.")


class RoleplayService:
    def __init__(self, container: Container, db: AsyncSession) -> None:
        self.c = container
        self.db = db

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
        db = self.db
        scenario, _ = await ScenarioService(db, self.c.builtin_scenarios).get(user, scenario_id)
        engine_name = self.c.settings.buyer_engine
        engine = self.engine(engine_name)
        seed = seed if seed is not None else secrets.randbelow(2**31)
        state = engine.initial_state(scenario)
        opening = await engine.opening(scenario, state, seed)
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
        await db.flush()  # read back in this transaction (the router answers it)
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

    # --- end and score ----------------------------------------------------------------

    async def end(self, user: Principal, sid: str) -> dict[str, Any]:
        """End the session and score it within the caller's unit of work (the demo
        history's offline scorer); an ended session's scorecard, again."""
        repo = RoleplayRepository(self.db)
        s = await repo.session(sid, lock=True)
        await check_owner(self.db, user, s, sid)
        assert s is not None
        if s.status == "ended" and s.scorecard is not None:
            return s.scorecard
        card = await self.score(s, await repo.turns(sid))
        await _store_ending(self.db, s, card)
        return card

    async def score(self, s: PracticeSession, turns: Sequence[Turn]) -> dict[str, Any]:
        return await score_transcript(self.c.scorer, **_scoring_inputs(s, turns))

    # --- reading ------------------------------------------------------------------------

    async def get(self, user: Principal, sid: str) -> tuple[PracticeSession, list[Turn], Any]:
        repo = RoleplayRepository(self.db)
        s = await readable_session(self.db, user, sid)
        turns = list(await repo.turns(sid))
        owner = await repo.owner(s.user_id)
        return s, turns, owner

    async def list(
        self, user: Principal, *, status: str | None, limit: int, offset: int, mine: bool
    ) -> tuple[list[tuple[PracticeSession, Any]], int]:
        readable = await AccountsService(AccountsRepository(self.db)).readable_user_ids(user)
        if mine:
            readable = {user.id}
        rows, total = await RoleplayRepository(self.db).list_sessions(
            user.org_id, readable, status=status, limit=limit, offset=offset
        )
        return list(rows), total
