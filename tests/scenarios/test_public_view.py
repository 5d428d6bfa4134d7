"""What a trainee may see of a scenario: one view for the library and for a session's snapshot."""

from __future__ import annotations

import pytest

from app.scenarios.catalog import load_builtin
from app.scenarios.schemas import ScenarioRead
from app.scenarios.service import public_view, snapshot_view

SCENARIOS = load_builtin()


@pytest.mark.parametrize("scenario_id", ["zh-mes-auto-parts", "en-fleet-telematics"])
def test_a_sessions_snapshot_shows_what_the_library_shows_and_nothing_hidden(
    scenario_id: str,
) -> None:
    scenario = SCENARIOS[scenario_id]
    view = snapshot_view("roleplay", scenario.model_dump(mode="json"))
    assert view == public_view(scenario, "snapshot")
    assert set(view) == set(ScenarioRead.model_fields)  # no needs, facts or hidden brief
    assert view["trainee_brief"] == scenario.trainee_brief


@pytest.mark.parametrize(("source", "snapshot"), [("import", {"title": "x"}), ("roleplay", {})])
def test_a_session_without_a_scenario_of_ours_has_no_view(
    source: str, snapshot: dict[str, str]
) -> None:
    assert snapshot_view(source, snapshot) is None
