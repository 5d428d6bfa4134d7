"""The realism check of a scenario draft, before it is saved: what the editor shows.

The same two checks `coach scenarios check --simulate` runs over files: scripted trainees of
five styles play the draft against the offline buyer (does a consultative trainee earn the
advance, and do the weaker styles not), and the draft's own example questions are asked of
it (which facts, needs, decision items and people no example question reaches). Pure CPU
work, no I/O: the route runs it in a worker thread.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.scenarios.catalog import ScenarioInvalid, validate_scenario
from app.scenarios.content import content_items
from app.scenarios.schema import Scenario
from app.scenarios.service import invalid
from app.simulation.reach import reachability
from app.simulation.realism import MAX_EARNED_ASKS, simulate


class StyleResult(BaseModel):
    style: str  # consultant, pitcher, folder, arguer, discounter
    trainee_turns: int
    advance_turn: int | None = Field(description="the trainee turn that won the advance")
    advance_asks: int
    needs_revealed: int
    overall: int | None
    scores: dict[str, int | None]


class CheckProblem(BaseModel):
    code: str = Field(
        description="no_advance | too_many_asks | weak_style_won | pitcher_scored_as_well"
    )
    params: dict[str, str | int] = Field(default_factory=dict)
    text: str = Field(description="the same in English, as the CLI prints it")


class ReachItem(BaseModel):
    key: str  # "fact:plant-scale"
    kind: str  # fact | need | decision | stakeholder
    id: str
    probes: int
    reached: int


class DraftCheck(BaseModel):
    """The realism check of one draft."""

    scenario: str
    realistic: bool
    advance_earned: bool = Field(description="a consultative trainee earns the advance")
    advance_turn: int | None
    advance_asks: int
    max_asks: int = MAX_EARNED_ASKS
    needs_required: int
    problems: list[CheckProblem]
    styles: list[StyleResult]
    probes: int = Field(description="example questions asked")
    reached: int = Field(description="example questions that reached their own item")
    unreachable: list[ReachItem] = Field(description="items none of whose questions reach them")
    without_probes: list[ReachItem] = Field(description="items with no example question")


def check_scenario(scenario: Scenario) -> DraftCheck:
    report = simulate(scenario)
    reach = reachability(scenario)
    consultant = report.runs["consultant"]
    kinds = {i.key: i for i in content_items(scenario)}

    def item(key: str) -> ReachItem:
        found = next(r for r in reach.items if r.key == key)
        return ReachItem(
            key=key,
            kind=kinds[key].kind.value,
            id=kinds[key].id,
            probes=found.probes,
            reached=found.reached,
        )

    return DraftCheck(
        scenario=scenario.id,
        realistic=report.realistic,
        advance_earned=consultant.advance_turn is not None,
        advance_turn=consultant.advance_turn,
        advance_asks=consultant.advance_asks,
        needs_required=scenario.advance.requires_needs,
        problems=[CheckProblem(code=p.code, params=p.params, text=p.text) for p in report.issues],
        styles=[
            StyleResult(
                style=run.style,
                trainee_turns=run.trainee_turns,
                advance_turn=run.advance_turn,
                advance_asks=run.advance_asks,
                needs_revealed=len(run.needs),
                overall=run.overall,
                scores=run.scores,
            )
            for run in report.runs.values()
        ],
        probes=reach.probes,
        reached=reach.reached,
        unreachable=[item(k) for k in reach.unreachable],
        without_probes=[item(k) for k in reach.without_probes],
    )


def check_draft(data: Any) -> DraftCheck:
    """Validate the draft as saving would (422 with the fields on failure), then check it."""
    try:
        scenario = validate_scenario(data)
    except ScenarioInvalid as exc:
        raise invalid(exc) from exc
    return check_scenario(scenario)
