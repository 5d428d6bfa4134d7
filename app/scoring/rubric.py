"""The offline rubric scorer: analysis → features → three dimensions → overall."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.analysis.conversation import analyze_conversation
from app.analysis.model import Act
from app.i18n.catalog import SCORECARD
from app.scenarios.schema import Scenario
from app.scoring import dimensions
from app.scoring.coaching import coach_turns
from app.scoring.features import extract
from app.scoring.needs import advance_outcome, needs_report, with_raised_objections
from app.scoring.schema import DIMENSIONS, DimensionName, DimensionScore, Flag, Scorecard

VERSION = "rubric@1"
WEIGHTS: dict[DimensionName, float] = {
    "questioning": 0.35,
    "objection_handling": 0.30,
    "needs_discovery": 0.35,
}


_WEIGHT_OF: dict[str, float] = {str(k): w for k, w in WEIGHTS.items()}


def weighted_overall(scores: Mapping[str, int | None]) -> int | None:
    """The overall score: the weighted mean of the dimensions that have a score
    (a rubric scorecard, a combined one, or one with a coach's overrides)."""
    scored = [(_WEIGHT_OF.get(k, 1.0), v) for k, v in scores.items() if v is not None]
    total = sum(w for w, _ in scored)
    return round(sum(w * v for w, v in scored) / total) if scored and total else None


class RubricScorer:
    name = "rubric"

    def score(
        self,
        turns: Sequence[tuple[str, str]],
        *,
        language: str | None = None,
        scenario: Scenario | None = None,
        events: Mapping[int, Mapping[str, Any]] | None = None,
    ) -> Scorecard:
        analysis = analyze_conversation(turns, language)
        if events and scenario is not None:
            analysis = with_raised_objections(analysis, scenario, events)
        features = extract(analysis)
        report = needs_report(scenario, turns, events) if scenario is not None else None
        dims: dict[DimensionName, DimensionScore] = {
            "questioning": dimensions.questioning(features),
            "objection_handling": dimensions.objection_handling(features),
            "needs_discovery": dimensions.needs_discovery(features, report),
        }
        overall = weighted_overall({k: d.score for k, d in dims.items()})
        flags = [
            Flag(
                type="injection",
                index=t.index,
                quote=t.evidence[Act.injection],
                detail=SCORECARD.say(analysis.language, "note.injection"),
            )
            for t in features.injections
        ]
        return Scorecard(
            dimensions={k: dims[k] for k in DIMENSIONS},
            overall=overall,
            scorer="rubric",
            language=analysis.language,
            version=VERSION,
            coaching=coach_turns(analysis, features),
            needs_uncovered=report,
            outcome=(
                advance_outcome(scenario, events, analysis.language)
                if events is not None and scenario is not None
                else None
            ),
            flags=flags,
            stats={
                "trainee_turns": len(analysis.trainee),
                "questions": len(features.questions),
                "open_questions": len(features.open_questions),
                "objections": len(features.episodes),
                "trainee_talk_share": round(
                    features.trainee_words / max(1, features.trainee_words + features.buyer_words),
                    2,
                ),
            },
        )
