"""Where a turn is stored: its two transactions, and the queries they run.

Taking a turn writes twice, each in a short transaction of its own, with the
buyer's answer produced between them outside any transaction
(app/roleplay/turns.py takes the turn):

- `store_trainee_turn`: lock the session row, let the turn taker decide what
  the row allows (it reads under the lock), store the trainee's turn and take
  the session's reply lease;
- `store_reply`: prove the lease is still ours (one conditional UPDATE), store
  the buyer's turn and new state, and end the session with its scorecard when
  the reply closed the meeting.

`release_reply_lease` gives the lease back when no reply will be stored. Nothing
else in a turn writes. The lease's upkeep is app/roleplay/leases.py.

A turn runs a handful of small statements. Through the ORM's unit of work,
and with statements rebuilt on every call, they cost several times the SQL
itself; so the turn path works on rows directly with statements built once
(bound parameters), which SQLAlchemy compiles once and caches.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from app.buyer.engine import BuyerReply
from app.roleplay.models import PracticeSession, Turn

S = cast(Table, PracticeSession.__table__)
T = cast(Table, Turn.__table__)


@dataclass(frozen=True)
class TurnRow:
    index: int
    role: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class SessionRow:
    id: str
    org_id: int
    user_id: int
    status: str
    language: str
    seed: int
    buyer_engine: str
    buyer_state: dict[str, Any]
    turn_count: int
    reply_token: str | None
    reply_started_at: datetime | None


_TURN_COLUMNS = (T.c.index, T.c.role, T.c.text, T.c.created_at)

_SESSION_COLUMNS = (
    S.c.id,
    S.c.org_id,
    S.c.user_id,
    S.c.status,
    S.c.language,
    S.c.seed,
    S.c.buyer_engine,
    S.c.buyer_state,
    S.c.turn_count,
    S.c.reply_token,
    S.c.reply_started_at,
)
# A look ahead outside the writer's turn reads it without a lock.
_PEEK_SESSION_ROW = select(*_SESSION_COLUMNS).where(S.c.id == bindparam("sid"))
# Row lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the write lock.
_SESSION_ROW = _PEEK_SESSION_ROW.with_for_update()
_SCENARIO = select(S.c.scenario).where(S.c.id == bindparam("sid"))
_SCORECARD = select(S.c.scorecard).where(S.c.id == bindparam("sid"))
_BUYER_META = (
    select(T.c.index, T.c.meta)
    .where(T.c.session_id == bindparam("sid"), T.c.role == "buyer")
    .order_by(T.c.index)
)
_HISTORY = select(*_TURN_COLUMNS).where(T.c.session_id == bindparam("sid")).order_by(T.c.index)
_BY_KEY = select(*_TURN_COLUMNS).where(
    T.c.session_id == bindparam("sid"), T.c.idempotency_key == bindparam("key")
)
_AT = select(*_TURN_COLUMNS).where(
    T.c.session_id == bindparam("sid"), T.c.index == bindparam("idx")
)
_ADD_TURN = insert(T)
_SET_META = update(T).where(T.c.session_id == bindparam("sid"), T.c.index == bindparam("idx"))
_TAKE_LEASE = (
    update(S)
    .where(S.c.id == bindparam("sid"))
    .values(
        turn_count=bindparam("turns"),
        reply_token=bindparam("token"),
        reply_started_at=bindparam("now", type_=S.c.reply_started_at.type),
        updated_at=bindparam("now", type_=S.c.updated_at.type),
    )
)
_RELEASE = (
    update(S)
    .where(S.c.id == bindparam("sid"), S.c.reply_token == bindparam("token"))
    .values(reply_token=None, reply_started_at=None)
)
# The keeper's heartbeat: every lease this process holds, renewed in one statement.
_RENEW = (
    update(S)
    .where(S.c.reply_token.in_(bindparam("tokens", expanding=True)))
    .values(reply_started_at=bindparam("now", type_=S.c.reply_started_at.type))
)
_RELEASE_ALL = (
    update(S).where(S.c.reply_token.is_not(None)).values(reply_token=None, reply_started_at=None)
)
_STORE = (
    update(S)
    .where(
        S.c.id == bindparam("sid"),
        S.c.reply_token == bindparam("token"),
        S.c.status == "active",
        S.c.turn_count == bindparam("expected"),
    )
    .values(
        turn_count=bindparam("turns"),
        buyer_state=bindparam("state", type_=S.c.buyer_state.type),
        reply_token=None,
        reply_started_at=None,
        updated_at=bindparam("now", type_=S.c.updated_at.type),
    )
)
# The same update, adding the LLM's token counts to the session's totals.
_STORE_WITH_USAGE = _STORE.values(
    llm_prompt_tokens=S.c.llm_prompt_tokens + bindparam("prompt_tokens"),
    llm_completion_tokens=S.c.llm_completion_tokens + bindparam("completion_tokens"),
    llm_usage_estimated=S.c.llm_usage_estimated | bindparam("estimated"),
)
# Added to either when the reply closed the meeting: the session ends, scored (once a session).
_ENDS = {
    "status": "ended",
    "ended_at": bindparam("now", type_=S.c.ended_at.type),
    "end_reason": bindparam("end_reason"),
    "scorecard": bindparam("scorecard", type_=S.c.scorecard.type),
    "overall": bindparam("overall"),
}


async def session_row(conn: AsyncConnection, session_id: str) -> SessionRow | None:
    """The session's turn-taking fields, row-locked."""
    row = (await conn.execute(_SESSION_ROW, {"sid": session_id})).first()
    return SessionRow(*row) if row is not None else None


async def peek_session_row(conn: AsyncConnection, session_id: str) -> SessionRow | None:
    """The same fields without the row lock (what a claim would find, a moment ago)."""
    row = (await conn.execute(_PEEK_SESSION_ROW, {"sid": session_id})).first()
    return SessionRow(*row) if row is not None else None


async def scenario_data(conn: AsyncConnection, session_id: str) -> dict[str, Any]:
    data: dict[str, Any] = (await conn.execute(_SCENARIO, {"sid": session_id})).scalar_one()
    return data


async def scorecard(conn: AsyncConnection, session_id: str) -> dict[str, Any] | None:
    card: dict[str, Any] | None = (await conn.execute(_SCORECARD, {"sid": session_id})).scalar_one()
    return card


async def buyer_events(conn: AsyncConnection, session_id: str) -> dict[int, Any]:
    """The events the buyer's turns recorded, by turn index (what the scorer reads)."""
    rows = await conn.execute(_BUYER_META, {"sid": session_id})
    return {index: meta.get("events", {}) for index, meta in rows}


async def history(conn: AsyncConnection, session_id: str) -> list[TurnRow]:
    return [TurnRow(*r) for r in await conn.execute(_HISTORY, {"sid": session_id})]


async def turn_by_key(conn: AsyncConnection, session_id: str, key: str) -> TurnRow | None:
    row = (await conn.execute(_BY_KEY, {"sid": session_id, "key": key})).first()
    return TurnRow(*row) if row is not None else None


async def turn_at(conn: AsyncConnection, session_id: str, index: int) -> TurnRow | None:
    row = (await conn.execute(_AT, {"sid": session_id, "idx": index})).first()
    return TurnRow(*row) if row is not None else None


async def add_turn(
    conn: AsyncConnection,
    session_id: str,
    index: int,
    role: str,
    text: str,
    created_at: datetime,
    meta: dict[str, Any],
    key: str | None = None,
) -> TurnRow:
    await conn.execute(
        _ADD_TURN,
        {
            "session_id": session_id,
            "index": index,
            "role": role,
            "text": text,
            "idempotency_key": key,
            "meta": meta,
            "created_at": created_at,
        },
    )
    return TurnRow(index, role, text, created_at)


async def set_turn_meta(
    conn: AsyncConnection, session_id: str, index: int, meta: dict[str, Any]
) -> None:
    await conn.execute(_SET_META.values(meta=meta), {"sid": session_id, "idx": index})


async def take_lease(
    conn: AsyncConnection, session_id: str, turn_count: int, token: str, now: datetime
) -> None:
    await conn.execute(
        _TAKE_LEASE, {"sid": session_id, "turns": turn_count, "token": token, "now": now}
    )


async def release_lease(conn: AsyncConnection, session_id: str, token: str) -> None:
    await conn.execute(_RELEASE, {"sid": session_id, "token": token})


async def renew_leases(conn: AsyncConnection, tokens: list[str], now: datetime) -> int:
    """Renew the leases `tokens` (those still held by them); how many were."""
    return (await conn.execute(_RENEW, {"tokens": tokens, "now": now})).rowcount


async def release_all_leases(conn: AsyncConnection) -> int:
    """Release every lease (start-up on SQLite: whoever held them is gone); how many."""
    return (await conn.execute(_RELEASE_ALL)).rowcount


async def _store_reply_state(
    conn: AsyncConnection,
    session_id: str,
    token: str,
    expected_turns: int,
    state: dict[str, Any],
    now: datetime,
    usage: dict[str, Any] | None,
    ending: Ending | None,
) -> bool:
    """Record the buyer's new state, only while we hold the lease and nothing else was added.

    True when it did; adds the call's token usage to the session's counters, and
    ends the session when `ending` says the reply closed the meeting.
    """
    params: dict[str, Any] = {
        "sid": session_id,
        "token": token,
        "expected": expected_turns,
        "turns": expected_turns + 1,
        "state": state,
        "now": now,
    }
    statement = _STORE
    if usage:
        statement = _STORE_WITH_USAGE
        params |= {
            "prompt_tokens": int(usage.get("prompt_tokens", 0)),
            "completion_tokens": int(usage.get("completion_tokens", 0)),
            "estimated": bool(usage.get("estimated", False)),
        }
    if ending is not None:
        statement = statement.values(_ENDS)
        params |= {
            "end_reason": ending.reason,
            "scorecard": ending.scorecard,
            "overall": ending.scorecard.get("overall"),
        }
    result = await conn.execute(statement, params)
    return result.rowcount == 1


# --- the turn's transactions -----------------------------------------------------------

# One write transaction on a Core connection (Container.connection).
Connection = Callable[[], AbstractAsyncContextManager[AsyncConnection]]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class TraineeTurn:
    """What a claim stores: the trainee's turn and the reply lease it takes.

    `new` is False when an earlier attempt stored the turn already (a retry):
    then only its analysis (`meta`) is written again."""

    message: TurnRow
    new: bool
    meta: dict[str, Any]
    key: str | None  # the request's Idempotency-Key
    token: str  # the reply lease


@dataclass(frozen=True)
class Ending:
    """The session's end, when the buyer's reply closed the meeting."""

    reason: str
    scorecard: dict[str, Any]


Decided = TypeVar("Decided")
# Given the locked session row (None: no such session), reads what it needs in the same
# transaction and says what to store (None: nothing) and what the claim came to.
Decide = Callable[
    [AsyncConnection, SessionRow | None], Awaitable[tuple[TraineeTurn | None, Decided]]
]


async def store_trainee_turn(
    connection: Connection, session_id: str, decide: Decide[Decided]
) -> tuple[SessionRow | None, Decided]:
    """The first of a turn's two transactions: lock the session row, let `decide`
    (app/roleplay/turns.py's rules) read under the lock and choose, then store the
    trainee turn it chose and take the session's reply lease; commit.

    Returns the row as locked and what `decide` returned. Whatever `decide` raises
    rolls the transaction back.
    """
    async with connection() as conn:
        s = await session_row(conn, session_id)
        turn, decided = await decide(conn, s)
        if turn is not None:
            assert s is not None
            message = turn.message
            if turn.new:
                await add_turn(
                    conn,
                    s.id,
                    message.index,
                    "trainee",
                    message.text,
                    message.created_at,
                    turn.meta,
                    turn.key,
                )
            else:
                await set_turn_meta(conn, s.id, message.index, turn.meta)
            await take_lease(conn, s.id, message.index + 1, turn.token, _now())
        return s, decided


async def store_reply(
    connection: Connection,
    session_id: str,
    token: str,
    index: int,
    reply: BuyerReply,
    meta: dict[str, Any],
    ending: Ending | None,
) -> TurnRow | None:
    """The second of a turn's two transactions: store the buyer's reply at `index`,
    its new state and usage, releasing the lease `token`, and end the session with
    its scorecard when `ending` is given; commit.

    None, having stored nothing, when the lease is no longer ours: the session was
    ended, or the lease lapsed and another request took the turn over.
    """
    async with connection() as conn:
        stored = await _store_reply_state(
            conn,
            session_id,
            token,
            index,
            reply.state.model_dump(mode="json"),
            _now(),
            reply.meta.get("usage"),
            ending,
        )
        if not stored:
            return None
        return await add_turn(conn, session_id, index, "buyer", reply.text, _now(), meta)


async def release_reply_lease(connection: Connection, session_id: str, token: str) -> None:
    """Give the lease `token` back: no reply will be stored under it (the buyer failed)."""
    async with connection() as conn:
        await release_lease(conn, session_id, token)
