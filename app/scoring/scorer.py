"""The scorer seam: the service asks for a scorecard; which scorer answers is configuration."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from app.scenarios.schema import Scenario
from app.scoring.schema import Scorecard

if TYPE_CHECKING:
    from app.scoring.judge import LLMJudge


class Scorer(Protocol):
    name: str

    async def score_transcript(
        self,
        turns: Sequence[tuple[str, str]],
        *,
        language: str | None = None,
        scenario: Scenario | None = None,
        events: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> Scorecard: ...


class OfflineScorer:
    """The rubric alone: always available, deterministic, fast."""

    name = "rubric"

    def __init__(self) -> None:
        from app.scoring.rubric import RubricScorer

        self._rubric = RubricScorer()

    async def score_transcript(
        self,
        turns: Sequence[tuple[str, str]],
        *,
        language: str | None = None,
        scenario: Scenario | None = None,
        events: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> Scorecard:
        # Off the event loop: scoring a long transcript is tens of milliseconds of
        # CPU, and the loop keeps serving other trainees' turns in between.
        return await asyncio.to_thread(
            self._rubric.score, turns, language=language, scenario=scenario, events=events
        )


class JudgedScorer:
    """The rubric, always; then the LLM judge; then both combined.

    The judge never fails the scorecard: when it fails or answers badly the
    rubric's scores stand, flagged (see `app.scoring.combine`).
    """

    name = "rubric+judge"

    def __init__(self, judge: LLMJudge) -> None:
        self.judge = judge
        self._offline = OfflineScorer()

    async def score_transcript(
        self,
        turns: Sequence[tuple[str, str]],
        *,
        language: str | None = None,
        scenario: Scenario | None = None,
        events: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> Scorecard:
        from app.scoring.combine import combine
        from app.scoring.judge import scenario_info_of

        card = await self._offline.score_transcript(
            turns, language=language, scenario=scenario, events=events
        )
        verdict = await self.judge.judge(
            turns, language=card.language, scenario_info=scenario_info_of(scenario)
        )
        return combine(card, verdict)
