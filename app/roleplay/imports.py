"""Transcripts that did not come from a role-play (a transcribed real call), scored and stored."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import Field, field_validator

from app.accounts.models import Role
from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.analysis.text import detect_language
from app.container import Container
from app.errors import NotFound
from app.inputs import Id, PlainText, strip_controls
from app.roleplay.models import PracticeSession, Turn
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


class ImportService:
    def __init__(self, container: Container) -> None:
        self.c = container

    async def import_transcript(self, user: Principal, transcript: TranscriptImport) -> str:
        """Score and store; nothing is stored when anything is wrong."""
        owner_id = await self._owner(user, transcript.trainee_id)
        language = transcript.language or detect_language(
            " ".join(t.text for t in transcript.turns)
        )
        card = await self.c.scorer.score_transcript(transcript.pairs(), language=language)
        data = card.model_dump(mode="json")
        now = datetime.now(UTC)
        sid = secrets.token_hex(16)
        title = transcript.title or (transcript.scenario.title if transcript.scenario else None)
        async with self.c.unit_of_work() as db:
            db.add(
                PracticeSession(
                    id=sid,
                    org_id=user.org_id,
                    user_id=owner_id,
                    created_by_id=user.id,
                    source="import",
                    scenario_id=None,
                    scenario=transcript.scenario.model_dump(mode="json")
                    if transcript.scenario
                    else {},
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
                db.add(
                    Turn(
                        session_id=sid, index=index, role=turn.role, text=turn.text, created_at=now
                    )
                )
        return sid

    async def _owner(self, user: Principal, trainee_id: int | None) -> int:
        """Whose session it is: a trainee the uploader looks after, or the uploader."""
        if trainee_id is None:
            return user.id
        async with self.c.unit_of_work() as db:
            accounts = AccountsService(AccountsRepository(db))
            trainee = await accounts.repo.user(trainee_id)
            if (
                trainee is None
                or trainee.role != Role.trainee.value
                or not await accounts.can_read_user(user, trainee.id, trainee.org_id)
            ):
                raise NotFound(f"No trainee {trainee_id} in your teams.")
            return trainee.id
