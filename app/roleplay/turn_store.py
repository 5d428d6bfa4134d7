"""The queries of a turn, in SQLAlchemy Core: the hot path of every role-play message.

A turn runs a handful of small statements. Through the ORM's unit of work,
and with statements rebuilt on every call, they cost several times the SQL
itself; so the turn path works on rows directly with statements built once
(bound parameters), which SQLAlchemy compiles once and caches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

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


async def store_reply_state(
    conn: AsyncConnection,
    session_id: str,
    token: str,
    expected_turns: int,
    state: dict[str, Any],
    now: datetime,
    usage: dict[str, Any] | None,
) -> bool:
    """Record the buyer's new state, only while we hold the lease and nothing else was added.

    True when it did; adds the call's token usage to the session's counters.
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
    result = await conn.execute(statement, params)
    return result.rowcount == 1
