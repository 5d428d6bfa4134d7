"""Transcripts that did not come from a role-play (a transcribed real call), scored and stored."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from pydantic import Field, field_validator
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role
from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.analysis.text import detect_language
from app.container import Container
from app.errors import NotFound, TooManyRequests
from app.inputs import Id, PlainText, strip_controls
from app.observability.metrics import LIMIT_REFUSALS, count_scoring
from app.roleplay.models import PracticeSession, Turn
from app.roleplay.repository import RoleplayRepository
from app.scoring.transcript import Transcript


def _strip_texts(items: Any, keys: tuple[str, ...]) -> Any:
    """`items` (a turn, the scenario, or a list of turns) with those keys' text stripped."""
    if isinstance(items, list):
        return [_strip_texts(item, keys) for item in items]
    if isinstance(items, dict):
        return {
            k: strip_controls(v) if k in keys and isinstance(v, str) else v
            for k, v in items.items()
        }
    return items


class TranscriptImport(Transcript):
    """The transcript file format, plus whose it is and what to call it.

    A transcript comes from other tools (exports, speech-to-text), so control
    characters in its own text are removed (line-like ones become newlines)
    rather than refusing the file; `title` is ours and refuses them like any
    other field.
    """

    trainee_id: Id | None = Field(default=None, description="a trainee of your teams; default: you")
    title: Annotated[str, PlainText(strip=True, min_length=1, max_length=300)] | None = None

    @field_validator("turns", mode="before")
    @classmethod
    def _clean_turns(cls, turns: Any) -> Any:
        return _strip_texts(turns, ("text",))

    @field_validator("scenario", mode="before")
    @classmethod
    def _clean_scenario(cls, scenario: Any) -> Any:
        return _strip_texts(scenario, ("title", "buyer_role", "context"))


IMPORT_WINDOW = timedelta(hours=1)


async def import_transcript(c: Container, user: Principal, transcript: TranscriptImport) -> str:
    """Score and store; nothing is stored when anything is wrong.

    Like a turn, it owns its transactions so that scoring (the judge may be an LLM
    call) runs in none: who may import and the hourly limit are checked first, the
    transcript is scored, and the limit is checked again, under the user's lock,
    in the transaction that stores it (concurrent imports count in turn).
    """
    async with c.unit_of_work() as db:
        svc = ImportService(c, db)
        await svc._owner(user, transcript.trainee_id)
        await svc._check_rate(RoleplayRepository(db), user)
    language = transcript.language or detect_language(" ".join(t.text for t in transcript.turns))
    started = time.perf_counter()
    card = await c.scorer.score_transcript(transcript.pairs(), language=language)
    count_scoring(c.scorer.name, "import", time.perf_counter() - started)
    async with c.unit_of_work() as db:
        return await ImportService(c, db).store(
            user, transcript, language, card.model_dump(mode="json")
        )


class ImportService:
    """Runs in the caller's unit of work; never commits."""

    def __init__(self, container: Container, db: AsyncSession) -> None:
        self.c = container
        self.db = db

    async def store(
        self, user: Principal, transcript: TranscriptImport, language: str, data: dict[str, Any]
    ) -> str:
        """Store a scored transcript, ended, for review like any session."""
        owner_id = await self._owner(user, transcript.trainee_id)
        repo = RoleplayRepository(self.db)
        await repo.lock_user(user.id)
        await self._check_rate(repo, user)
        sid = secrets.token_hex(16)
        title = transcript.title or (transcript.scenario.title if transcript.scenario else None)
        now = datetime.now(UTC)
        repo.add(
            PracticeSession(
                id=sid,
                org_id=user.org_id,
                user_id=owner_id,
                created_by_id=user.id,
                source="import",
                scenario_id=None,
                scenario=transcript.scenario.model_dump(mode="json") if transcript.scenario else {},
                title=(title or "Imported transcript")[:300],
                language=language,
                status="ended",
                buyer_engine="none",
                seed=0,
                buyer_state={},
                end_reason="imported",
                scorecard=data,
                overall=data.get("overall"),
                turn_count=len(transcript.turns),
                ended_at=now,
            )
        )
        for index, turn in enumerate(transcript.turns):
            repo.add(
                Turn(session_id=sid, index=index, role=turn.role, text=turn.text, created_at=now)
            )
        await repo.flush()  # read back in this transaction (the router answers it)
        return sid

    async def _check_rate(self, repo: RoleplayRepository, user: Principal) -> None:
        """At most COACH_IMPORTS_PER_HOUR imports by one user in any hour."""
        limit = self.c.settings.imports_per_hour
        now = datetime.now(UTC)
        count, first = await repo.imports_since(user.id, now - IMPORT_WINDOW)
        if count < limit:
            return
        LIMIT_REFUSALS.labels("imports_per_hour").inc()
        free_at = (first or now) + IMPORT_WINDOW
        wait = int((free_at - now).total_seconds()) + 1
        raise TooManyRequests(
            f"At most {limit} transcript imports an hour (COACH_IMPORTS_PER_HOUR); "
            f"try again in {wait} seconds.",
            retry_after=wait,
            key="import_limit",
            params={"limit": limit},
        )

    async def _owner(self, user: Principal, trainee_id: int | None) -> int:
        """Whose session it is: a trainee the uploader looks after, or the uploader."""
        if trainee_id is None:
            return user.id
        accounts = AccountsService(AccountsRepository(self.db))
        trainee = await accounts.repo.user(trainee_id)
        if (
            trainee is None
            or trainee.role != Role.trainee.value
            or not await accounts.can_read_user(user, trainee.id, trainee.org_id)
        ):
            raise NotFound(f"No trainee {trainee_id} in your teams.")
        return trainee.id
