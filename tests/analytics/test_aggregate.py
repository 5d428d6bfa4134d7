"""The aggregation rules of the analytics pages, on hand-made records (pure functions)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.analytics import aggregate
from app.analytics.schemas import Person, Prices, ScoredSession, UsageSession
from app.web import analytics_charts

ANN = Person(1, "ann", "Ann")
BO = Person(2, "bo", "Bo")
CY = Person(3, "cy", "Cy")
T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def scored(
    sid: str,
    user: Person,
    scenario: str,
    hours: float,
    q: int | None,
    o: int | None,
    n: int | None,
    overall: int | None = None,
) -> ScoredSession:
    return ScoredSession(
        session_id=sid,
        user_id=user.id,
        scenario_id=scenario,
        title=f"Scenario {scenario}",
        ended_at=T0 + timedelta(hours=hours),
        overall=overall,
        scores={"questioning": q, "objection_handling": o, "needs_discovery": n},
    )


SESSIONS = [
    scored("a1", ANN, "mes", 0, 60, None, 40, 50),
    scored("a2", ANN, "mes", 2, 80, 70, 60, 70),  # same day as a1
    scored("a3", ANN, "fleet", 30, 20, 30, 10, 20),
    scored("b1", BO, "mes", 1, 45, 55, None, 50),
]


def test_heatmap_averages_only_scored_sessions_and_counts_them() -> None:
    h = aggregate.heatmap([ANN, BO, CY], SESSIONS)
    ann, bo, cy = h.rows
    assert ann.cells["questioning"] == aggregate.Cell(53.3, 3)  # (60 + 80 + 20) / 3
    assert ann.cells["objection_handling"] == aggregate.Cell(50.0, 2)  # None not counted
    assert bo.cells["needs_discovery"] == aggregate.Cell(None, 0)
    assert cy.sessions == 0
    assert cy.cells["overall"].average is None
    assert h.totals["questioning"] == aggregate.Cell(51.2, 4)  # (60 + 80 + 20 + 45) / 4
    assert h.metrics == ("questioning", "objection_handling", "needs_discovery", "overall")


def test_heatmap_totals_leave_out_trainees_not_shown() -> None:
    h = aggregate.heatmap([BO], SESSIONS)
    assert [r.person for r in h.rows] == [BO]
    assert h.totals["questioning"] == aggregate.Cell(45.0, 1)


def test_trend_keeps_one_scenario_per_line_and_numbers_same_day_sessions() -> None:
    tr = aggregate.trend(ANN, SESSIONS, None)
    assert tr.scenario is not None
    assert tr.scenario.scenario_id == "mes"
    assert [r.scenario_id for r in tr.scenarios] == ["mes", "fleet"]
    assert [(p.number, p.session_id, p.same_day) for p in tr.points] == [
        (1, "a1", 1),
        (2, "a2", 2),
    ]
    other = aggregate.trend(ANN, SESSIONS, "fleet")
    assert [(p.session_id, p.same_day, p.overall) for p in other.points] == [("a3", 0, 20)]
    assert aggregate.trend(ANN, SESSIONS, "nope").scenario == tr.scenario
    assert aggregate.trend(CY, SESSIONS, None).points == []


def test_spread_quartiles_and_band_bins() -> None:
    ref = aggregate.ScenarioRef("x", "X", 5)
    s = aggregate.spread(ref, [10, 20, 40, 60, 100])
    assert (s.minimum, s.q1, s.median, s.q3, s.maximum) == (10, 20.0, 40.0, 60.0, 100)
    assert s.mean == 46.0
    assert s.bins == (2, 1, 1, 0, 1)  # 20 is still "absent": a score <= 20
    one = aggregate.spread(ref, [55])
    assert (one.q1, one.median, one.q3, one.count) == (55.0, 55.0, 55.0, 1)


def test_distribution_per_scenario_skips_unscored_metric() -> None:
    spreads = aggregate.distribution(SESSIONS, "overall")
    assert [(s.scenario.scenario_id, s.count, s.median) for s in spreads] == [
        ("mes", 3, 50.0),
        ("fleet", 1, 20.0),
    ]
    needs = aggregate.distribution(SESSIONS, "needs_discovery")
    assert needs[0].count == 2  # b1 did not score needs discovery


def test_usage_prices_every_session_and_sums_per_trainee() -> None:
    rows = [
        UsageSession("s1", 1, "MES", "ended", "llm", T0, 1000, 200, False),
        UsageSession("s2", 1, "MES", "active", "llm", T0 + timedelta(hours=1), 500, 100, True),
        UsageSession("s3", 2, "MES", "ended", "offline", T0 - timedelta(hours=1), 0, 0, False),
    ]
    prices = Prices(2.0, 8.0)
    u = aggregate.usage(prices, {1: ANN, 2: BO}, rows)
    assert [s.session.session_id for s in u.sessions] == ["s2", "s1", "s3"]
    ann = u.trainees[0]
    assert (ann.person, ann.sessions, ann.tokens.prompt, ann.tokens.completion) == (
        ANN,
        2,
        1500,
        300,
    )
    assert ann.tokens.cost == pytest.approx(1500 / 1e6 * 2 + 300 / 1e6 * 8)
    assert ann.tokens.estimated
    assert not u.trainees[1].tokens.estimated
    assert u.total.total == 1800


def test_line_chart_gives_same_day_sessions_their_own_x() -> None:
    tr = aggregate.trend(ANN, SESSIONS, "mes")
    chart = analytics_charts.line_chart(tr.points)
    xs = [x for _, x, _ in chart.xs]
    assert len(set(xs)) == 2
    overall = next(s for s in chart.series if s["key"] == "overall")
    assert [d["value"] for d in overall["dots"]] == [50, 70]  # type: ignore[index]
