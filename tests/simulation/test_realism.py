"""Every built-in scenario plays like a real account: the consultant earns the advance
within two asks, the pitcher, the folder, the arguer and the discounter don't, and the
scores order them."""

from __future__ import annotations

import pytest

from app.scenarios.catalog import load_builtin
from app.simulation.realism import simulate

SCENARIOS = load_builtin()


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_scenario_is_realistic(scenario_id: str) -> None:
    report = simulate(SCENARIOS[scenario_id])
    assert report.realistic, report.problems
    runs = report.runs
    consultant = runs["consultant"]
    assert consultant.advance_turn is not None
    assert len(consultant.needs) >= SCENARIOS[scenario_id].advance.requires_needs
    # the weak styles uncover less and score lower overall
    assert consultant.advance_asks <= 2
    for style in ("pitcher", "folder", "arguer", "discounter"):
        assert runs[style].advance_turn is None
        assert len(runs[style].needs) < len(consultant.needs)
        assert (runs[style].overall or 0) < (consultant.overall or 0)
    # the folder leaves, the arguer and the pitcher wear the buyer out or get nowhere
    assert runs["folder"].ended == "trainee_gave_up"


def test_simulation_report_names_unrealistic_scenarios() -> None:
    """A scenario whose buyer gives the advance away is reported, not passed: here it
    wants nothing learnt, no trust, raises no objection, and its step is the pitcher's demo."""
    base = SCENARIOS["zh-retail-fresh-replenishment"]
    easy = base.model_copy(
        update={
            "advance": base.advance.model_copy(
                update={
                    "requires_needs": 0,
                    "min_trust": 0,
                    "goal": "约定下周给林总做一次产品演示。",
                }
            ),
            "objections": [],
        },
        deep=True,
    )
    report = simulate(easy)
    assert not report.realistic
    assert any(
        style in p
        for p in report.problems
        for style in ("pitcher", "folder", "arguer", "discounter")
    )
