"""HTTP for role-play sessions. Thin: parse, call the service, shape the answer.

Starting and reading run in the request's session (SessionDep), which commits
once after the handler. The turn routes take no session: a turn owns its two
short transactions (app/roleplay/turns.py, app/roleplay/turn_store.py), so the
buyer's answer is never produced inside one; ending a meeting and importing a
transcript own theirs too, so that scoring (the judge may be an LLM call) runs in
none (app/roleplay/service.py's end_session, app/roleplay/imports.py).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, status
from fastapi.responses import StreamingResponse

from app.container import ContainerDep
from app.deps import CurrentUser, SessionDep, SettingsDep, StaffUser
from app.errors import PayloadTooLarge, error_body
from app.inputs import Count, Key, PlainText
from app.roleplay import imports, service
from app.roleplay.imports import TranscriptImport
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.schemas import (
    MessageCreate,
    MessageResult,
    OwnerRead,
    ReplyRead,
    SessionCreate,
    SessionPage,
    SessionRead,
    SessionState,
    SessionSummary,
    TurnRead,
)
from app.roleplay.service import RoleplayService
from app.roleplay.streaming import Delta, Finished, MessageStored, send_streamed
from app.roleplay.turn_store import TurnRow
from app.roleplay.turns import TurnOutcome, TurnTaker
from app.scenarios.service import snapshot_view
from app.scoring.schema import Scorecard

router = APIRouter(prefix="/api/sessions", tags=["sessions"])

IdempotencyKey = Annotated[
    Annotated[str, PlainText(min_length=1, max_length=200)] | None,
    Header(alias="Idempotency-Key"),
]
SessionId = Annotated[Key, Path(description="a session id")]


def turn_read(t: Turn | TurnRow) -> TurnRead:
    return TurnRead(index=t.index, role=t.role, text=t.text, created_at=t.created_at)


def owner_read(owner: Any) -> OwnerRead:
    return OwnerRead(id=owner.id, username=owner.username, display_name=owner.display_name)


def session_read(s: PracticeSession, turns: list[Turn], owner: Any) -> SessionRead:
    # an imported transcript shows the scenario notes it came with
    scenario = snapshot_view(s.source, s.scenario) or s.scenario or None
    return SessionRead(
        id=s.id,
        status=s.status,
        source=s.source,
        title=s.title,
        language=s.language,
        scenario_id=s.scenario_id,
        scenario=scenario,
        buyer_engine=s.buyer_engine,
        buyer_ended=bool(s.buyer_state.get("ended", False)),
        end_reason=s.end_reason,
        created_at=s.created_at,
        ended_at=s.ended_at,
        owner=owner_read(owner),
        turns=[turn_read(t) for t in turns],
        scorecard=s.scorecard,
        overall=s.overall,
        is_demo=s.is_demo,
    )


def outcome_read(o: TurnOutcome) -> MessageResult:
    return MessageResult(
        reply=ReplyRead(text=o.reply.text, index=o.reply.index),
        message=turn_read(o.message),
        session=SessionState(status=o.status, buyer_ended=o.buyer_ended, end_reason=o.end_reason),
        scorecard=o.scorecard,
    )


@router.post("", status_code=status.HTTP_201_CREATED, response_model=SessionRead)
async def start_session(
    body: SessionCreate, user: CurrentUser, db: SessionDep, container: ContainerDep
) -> SessionRead:
    svc = RoleplayService(container, db)
    s = await svc.start(user, body.scenario_id, body.seed, body.assignment_id)
    session, turns, owner = await svc.get(user, s.id)
    return session_read(session, turns, owner)


@router.get("", response_model=SessionPage)
async def list_sessions(
    user: CurrentUser,
    db: SessionDep,
    container: ContainerDep,
    status_: Annotated[str | None, Query(alias="status", pattern="^(active|ended)$")] = None,
    mine: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[Count, Query()] = 0,
) -> SessionPage:
    """My sessions as a trainee; my teams' as a coach; the organisation's as a manager."""
    rows, total = await RoleplayService(container, db).list(
        user, status=status_, limit=limit, offset=offset, mine=mine
    )
    items = [
        SessionSummary(
            id=s.id,
            status=s.status,
            source=s.source,
            title=s.title,
            language=s.language,
            scenario_id=s.scenario_id,
            owner=owner_read(u),
            turn_count=s.turn_count,
            overall=s.overall,
            created_at=s.created_at,
            ended_at=s.ended_at,
            is_demo=s.is_demo,
        )
        for s, u in rows
    ]
    return SessionPage(items=items, total=total, limit=limit, offset=offset)


async def transcript_size_limit(request: Request, settings: SettingsDep) -> None:
    """COACH_MAX_TRANSCRIPT_BYTES, on the bytes received, declared or chunked (the
    app-wide cap of app/middleware.py stopped anything larger while it streamed in)."""
    size = len(await request.body())  # read already, for the body parameter
    if size > settings.max_transcript_bytes:
        raise PayloadTooLarge(
            f"The transcript is {size} bytes; the limit is {settings.max_transcript_bytes}."
        )


@router.post(
    "/import",
    status_code=status.HTTP_201_CREATED,
    response_model=SessionRead,
    dependencies=[Depends(transcript_size_limit)],
)
async def import_transcript(
    body: TranscriptImport, user: StaffUser, container: ContainerDep
) -> SessionRead:
    """Score a transcript that did not come from a role-play (coaches and managers).

    The body is the transcript file format (INTERFACES.md), optionally with
    `trainee_id` (a trainee of your teams; default: yourself) and `title`.
    It is scored at once and stored, ended, for review like any session.
    """
    sid = await imports.import_transcript(container, user, body)  # scored in no transaction
    async with container.unit_of_work() as db:
        s, turns, owner = await RoleplayService(container, db).get(user, sid)
        return session_read(s, turns, owner)


@router.get("/{session_id}", response_model=SessionRead)
async def get_session(
    session_id: SessionId, user: CurrentUser, db: SessionDep, container: ContainerDep
) -> SessionRead:
    s, turns, owner = await RoleplayService(container, db).get(user, session_id)
    return session_read(s, turns, owner)


@router.post("/{session_id}/messages", response_model=MessageResult)
async def send_message(
    session_id: SessionId,
    body: MessageCreate,
    user: CurrentUser,
    container: ContainerDep,
    idempotency_key: IdempotencyKey = None,
) -> MessageResult:
    outcome = await TurnTaker(container).send(user, session_id, body.text, idempotency_key)
    return outcome_read(outcome)


def _sse(event: str, data: Any) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


@router.post(
    "/{session_id}/messages/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def stream_message(
    session_id: SessionId,
    body: MessageCreate,
    user: CurrentUser,
    container: ContainerDep,
    idempotency_key: IdempotencyKey = None,
) -> StreamingResponse:
    """The same turn as /messages, answered as Server-Sent Events.

    `message` (the stored trainee turn), then `delta` pieces of the buyer's
    reply as they are produced, then `done` with the /messages result; or a
    final `error` event. Refusals before the stream starts are plain 4xx JSON.
    """
    stream = await send_streamed(
        TurnTaker(container),
        user,
        session_id,
        body.text,
        idempotency_key,
        tasks=container.turn_tasks,
    )

    async def relay() -> AsyncIterator[bytes]:
        async for event in stream.events():
            if isinstance(event, MessageStored):
                yield _sse("message", {"message": turn_read(event.message).model_dump(mode="json")})
            elif isinstance(event, Delta):
                yield _sse("delta", {"text": event.text})
            elif isinstance(event, Finished):
                yield _sse("done", outcome_read(event.outcome).model_dump(mode="json"))
            else:
                yield _sse("error", error_body(event.error.code, event.error.detail))

    return StreamingResponse(
        relay(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@router.post("/{session_id}/reply", response_model=MessageResult)
async def reply_again(
    session_id: SessionId, user: CurrentUser, container: ContainerDep
) -> MessageResult:
    """Ask the buyer again for a reply to the last message (after a provider failure)."""
    return outcome_read(await TurnTaker(container).reply_again(user, session_id))


# Only the keys the stored scorecard has: it is answered exactly as stored (and as
# GET /api/sessions/{id} shows it), even one stored before a field was added.
@router.post("/{session_id}/end", response_model=Scorecard, response_model_exclude_unset=True)
async def end_session(
    session_id: SessionId, user: CurrentUser, container: ContainerDep
) -> Scorecard:
    """End the meeting and return the scorecard (the same one on every later call).
    Scored outside any transaction: see app/roleplay/service.py's end_session."""
    return Scorecard.model_validate(await service.end_session(container, user, session_id))
