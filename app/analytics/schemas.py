"""What the analytics pages show: plain frozen records, built by app.analytics.aggregate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# The columns of the heatmap and the figures of a distribution: the three dimensions, overall.
Metric = str


@dataclass(frozen=True)
class Person:
    id: int
    username: str
    display_name: str


@dataclass(frozen=True)
class ScoredSession:
    """One finished, scored role-play as coaches left it (overrides applied)."""

    session_id: str
    user_id: int
    scenario_id: str
    title: str
    ended_at: datetime
    overall: int | None
    scores: dict[str, int | None]  # effective score per dimension; None: not scored

    def value(self, metric: Metric) -> int | None:
        return self.overall if metric == "overall" else self.scores.get(metric)


@dataclass(frozen=True)
class Cell:
    average: float | None  # None: no scored session in this cell
    count: int


@dataclass(frozen=True)
class HeatRow:
    person: Person
    cells: dict[str, Cell]  # metric -> cell
    sessions: int


@dataclass(frozen=True)
class Heatmap:
    metrics: tuple[str, ...]
    rows: list[HeatRow]
    totals: dict[str, Cell]  # every session in scope, per metric


@dataclass(frozen=True)
class ScenarioRef:
    scenario_id: str
    title: str
    sessions: int


@dataclass(frozen=True)
class TrendPoint:
    number: int  # 1-based position in time order
    session_id: str
    ended_at: datetime
    same_day: int  # 1-based position among this trainee's sessions that day (UTC); 0: alone
    overall: int | None
    scores: dict[str, int | None]


@dataclass(frozen=True)
class Trend:
    person: Person
    scenario: ScenarioRef | None  # None: the trainee has no scored session
    scenarios: list[ScenarioRef]  # every scenario the trainee has scores in, most played first
    points: list[TrendPoint]


@dataclass(frozen=True)
class Spread:
    """Five-number summary (quartiles inclusive of the ends), the mean and a histogram."""

    scenario: ScenarioRef
    count: int
    minimum: int
    q1: float
    median: float
    q3: float
    maximum: int
    mean: float
    bins: tuple[int, ...]  # counts per 20-point band: 0-20, 21-40, 41-60, 61-80, 81-100


@dataclass(frozen=True)
class Completion:
    assignment_id: int
    title: str
    due_at: datetime | None
    min_score: int
    assigned: int
    started: int  # made at least one attempt (completed ones included)
    completed: int
    overdue: int  # not completed and past the due date
    in_progress: int  # started, not completed, not overdue
    not_started: int  # not started and not overdue

    @property
    def rate(self) -> float | None:
        return round(self.completed / self.assigned, 3) if self.assigned else None


@dataclass(frozen=True)
class UsageSession:
    session_id: str
    user_id: int
    title: str
    status: str
    buyer_engine: str
    created_at: datetime
    prompt_tokens: int
    completion_tokens: int
    estimated: bool


@dataclass(frozen=True)
class Tokens:
    prompt: int
    completion: int
    cost: float
    estimated: bool  # some of the counts are estimates (the provider sent no usage)

    @property
    def total(self) -> int:
        return self.prompt + self.completion


@dataclass(frozen=True)
class UsageByTrainee:
    person: Person
    sessions: int
    tokens: Tokens


@dataclass(frozen=True)
class UsageBySession:
    session: UsageSession
    person: Person
    tokens: Tokens


@dataclass(frozen=True)
class Prices:
    input_per_mtok: float
    output_per_mtok: float


@dataclass(frozen=True)
class UsageReport:
    prices: Prices
    trainees: list[UsageByTrainee]  # most expensive (then most tokens) first
    sessions: list[UsageBySession]  # newest first
    total: Tokens
