"""The scorer seam: the service asks for a scorecard; which scorer answers is configuration."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from app.scenarios.schema import Scenario
from app.scoring.schema import Scorecard


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
        return self._rubric.score(turns, language=language, scenario=scenario, events=events)
