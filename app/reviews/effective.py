"""The effective score: the scorer's scorecard plus the newest coach override per dimension.

Pure functions. The stored scorecard is never rewritten, so the original stays
readable beside every override.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from app.scoring.rubric import weighted_overall
from app.scoring.schema import DIMENSIONS, band_of


class OverrideLike(Protocol):
    dimension: str
    score: int
    created_at: datetime
    id: int


OverrideT = TypeVar("OverrideT", bound=OverrideLike)


@dataclass(frozen=True)
class EffectiveDimension:
    original: int | None
    effective: int | None
    overridden: bool

    @property
    def band(self) -> str | None:
        return band_of(self.effective) if self.effective is not None else None


@dataclass(frozen=True)
class Effective:
    dimensions: dict[str, EffectiveDimension]
    original_overall: int | None
    overall: int | None

    @property
    def overridden(self) -> bool:
        return any(d.overridden for d in self.dimensions.values())


def original_scores(scorecard: Mapping[str, Any] | None) -> dict[str, int | None]:
    dims: Mapping[str, Any] = (scorecard or {}).get("dimensions") or {}
    out: dict[str, int | None] = {}
    for name in DIMENSIONS:
        score = (dims.get(name) or {}).get("score")
        out[name] = score if isinstance(score, int) else None
    return out


def latest_overrides(overrides: Iterable[OverrideT]) -> dict[str, OverrideT]:
    """The newest override of each dimension (by time, then id)."""
    latest: dict[str, OverrideT] = {}
    for o in sorted(overrides, key=lambda o: (o.created_at, o.id)):
        latest[o.dimension] = o
    return latest


def effective(scorecard: Mapping[str, Any] | None, overrides: Iterable[OverrideLike]) -> Effective:
    originals = original_scores(scorecard)
    latest = latest_overrides(overrides)
    dims: dict[str, EffectiveDimension] = {
        name: EffectiveDimension(
            original=originals[name],
            effective=latest[name].score if name in latest else originals[name],
            overridden=name in latest,
        )
        for name in DIMENSIONS
    }
    raw_overall = (scorecard or {}).get("overall")
    original_overall = raw_overall if isinstance(raw_overall, int) else None
    overall = (
        weighted_overall({k: d.effective for k, d in dims.items()}) if latest else original_overall
    )
    return Effective(dims, original_overall, overall)
