"""The aggregation rules of the analytics pages. Pure: no I/O, no clock.

Scores count as coaches left them (overrides applied, app.reviews.effective).
An average is over the sessions that scored the dimension: objection handling
is not scored when the buyer raised no objection, so its cells can count fewer
sessions than the others, and every cell says how many.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from statistics import fmean, quantiles

from app.analytics.schemas import (
    Cell,
    Completion,
    Heatmap,
    HeatRow,
    Person,
    Prices,
    ScenarioRef,
    ScoredSession,
    Spread,
    Tokens,
    Trend,
    TrendPoint,
    UsageBySession,
    UsageByTrainee,
    UsageReport,
    UsageSession,
)
from app.assignments.schemas import AssignmentDetail
from app.scoring.schema import DIMENSIONS

METRICS: tuple[str, ...] = (*DIMENSIONS, "overall")
BAND_EDGES = (20, 40, 60, 80)  # app.scoring.schema.band_of: a score <= 20 is "absent", ...


def cell(values: Iterable[int | None]) -> Cell:
    scored = [v for v in values if v is not None]
    return Cell(round(fmean(scored), 1) if scored else None, len(scored))


def heatmap(trainees: Sequence[Person], sessions: Sequence[ScoredSession]) -> Heatmap:
    """One row per trainee (those without a scored session too), one cell per metric."""
    by_user: dict[int, list[ScoredSession]] = defaultdict(list)
    for s in sessions:
        by_user[s.user_id].append(s)
    rows = [
        HeatRow(
            person=p,
            cells={m: cell(s.value(m) for s in by_user[p.id]) for m in METRICS},
            sessions=len(by_user[p.id]),
        )
        for p in trainees
    ]
    shown = {p.id for p in trainees}
    everyone = [s for s in sessions if s.user_id in shown]
    return Heatmap(METRICS, rows, {m: cell(s.value(m) for s in everyone) for m in METRICS})


def scenarios_of(sessions: Iterable[ScoredSession]) -> list[ScenarioRef]:
    """The scenarios played, most played first (then by title); a scenario is titled as it
    was in its newest session."""
    count: Counter[str] = Counter()
    newest: dict[str, ScoredSession] = {}
    for s in sessions:
        count[s.scenario_id] += 1
        if s.scenario_id not in newest or s.ended_at > newest[s.scenario_id].ended_at:
            newest[s.scenario_id] = s
    refs = [ScenarioRef(sid, newest[sid].title, n) for sid, n in count.items()]
    return sorted(refs, key=lambda r: (-r.sessions, r.title, r.scenario_id))


def trend(person: Person, sessions: Sequence[ScoredSession], scenario_id: str | None) -> Trend:
    """One trainee's sessions of one scenario in time order (scenarios never share a line).

    `scenario_id` None or unknown: the trainee's most played scenario. Sessions on one day
    keep their own point and say which of the day's sessions they are (`same_day`).
    """
    mine = [s for s in sessions if s.user_id == person.id]
    refs = scenarios_of(mine)
    chosen = next((r for r in refs if r.scenario_id == scenario_id), refs[0] if refs else None)
    if chosen is None:
        return Trend(person, None, [], [])
    played = sorted(
        (s for s in mine if s.scenario_id == chosen.scenario_id),
        key=lambda s: (s.ended_at, s.session_id),
    )
    per_day = Counter(s.ended_at.date() for s in played)
    seen: Counter[object] = Counter()
    points = []
    for n, s in enumerate(played, start=1):
        day = s.ended_at.date()
        seen[day] += 1
        points.append(
            TrendPoint(
                number=n,
                session_id=s.session_id,
                ended_at=s.ended_at,
                same_day=seen[day] if per_day[day] > 1 else 0,
                overall=s.overall,
                scores=dict(s.scores),
            )
        )
    return Trend(person, chosen, refs, points)


def bins(values: Iterable[int]) -> tuple[int, ...]:
    """Counts per band of the rubric (0-20, 21-40, 41-60, 61-80, 81-100)."""
    out = [0] * (len(BAND_EDGES) + 1)
    for v in values:
        out[sum(1 for edge in BAND_EDGES if v > edge)] += 1
    return tuple(out)


def spread(scenario: ScenarioRef, values: Sequence[int]) -> Spread:
    ordered = sorted(values)
    if len(ordered) >= 2:
        q1, median, q3 = quantiles(ordered, n=4, method="inclusive")
    else:
        q1 = median = q3 = float(ordered[0])
    return Spread(
        scenario=scenario,
        count=len(ordered),
        minimum=ordered[0],
        q1=round(q1, 1),
        median=round(median, 1),
        q3=round(q3, 1),
        maximum=ordered[-1],
        mean=round(fmean(ordered), 1),
        bins=bins(ordered),
    )


def distribution(sessions: Sequence[ScoredSession], metric: str) -> list[Spread]:
    """Per scenario, the spread of one metric over the sessions that scored it; scenarios
    most played first. A scenario with no score on this metric is left out."""
    out = []
    for ref in scenarios_of(sessions):
        values = [
            v
            for s in sessions
            if s.scenario_id == ref.scenario_id and (v := s.value(metric)) is not None
        ]
        if values:
            out.append(spread(ScenarioRef(ref.scenario_id, ref.title, len(values)), values))
    return out


def completion(details: Sequence[AssignmentDetail]) -> list[Completion]:
    """Per assignment: assigned, started, completed, overdue, and the statuses they sum to."""
    out = []
    for d in details:
        status = Counter(p.status for p in d.progress)
        out.append(
            Completion(
                assignment_id=d.id,
                title=d.title,
                due_at=d.due_at,
                min_score=d.min_score,
                assigned=len(d.progress),
                started=sum(1 for p in d.progress if p.attempts_used > 0),
                completed=status["completed"],
                overdue=status["overdue"],
                in_progress=status["in_progress"],
                not_started=status["not_started"],
            )
        )
    return out


def cost(prices: Prices, prompt_tokens: int, completion_tokens: int) -> float:
    """The same rule as app.usage.service.cost: the configured price per million tokens."""
    return round(
        prompt_tokens / 1e6 * prices.input_per_mtok
        + completion_tokens / 1e6 * prices.output_per_mtok,
        6,
    )


def tokens(prices: Prices, rows: Iterable[UsageSession]) -> Tokens:
    rows = list(rows)
    prompt = sum(r.prompt_tokens for r in rows)
    completion_ = sum(r.completion_tokens for r in rows)
    return Tokens(
        prompt, completion_, cost(prices, prompt, completion_), any(r.estimated for r in rows)
    )


def usage(prices: Prices, people: dict[int, Person], rows: Sequence[UsageSession]) -> UsageReport:
    """Tokens and cost per trainee (everyone with a session) and per session, newest first."""
    by_user: dict[int, list[UsageSession]] = defaultdict(list)
    for r in rows:
        by_user[r.user_id].append(r)
    trainees = [
        UsageByTrainee(people[uid], len(mine), tokens(prices, mine))
        for uid, mine in by_user.items()
        if uid in people
    ]
    trainees.sort(key=lambda u: (-u.tokens.cost, -u.tokens.total, u.person.username))
    sessions = [
        UsageBySession(r, people[r.user_id], tokens(prices, [r]))
        for r in sorted(rows, key=lambda r: (r.created_at, r.session_id), reverse=True)
        if r.user_id in people
    ]
    return UsageReport(prices, trainees, sessions, tokens(prices, rows))
