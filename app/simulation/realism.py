"""The scenario realism check: play each scenario with scripted trainees against the offline buyer.

A scenario is realistic when the consultant earns the advance within two asks and
none of the pitcher, the folder, the arguer or the discounter does, and the consultant outscores the
pitcher on questioning and needs discovery. `coach scenarios check --simulate`
prints this report; the tests run it over every built-in scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.buyer.offline import OfflineBuyer
from app.scenarios.schema import Scenario
from app.scoring.rubric import RubricScorer
from app.simulation.scripted import Trainee, all_styles
from app.simulation.session import OfflineSession

MAX_TURNS = 30
MAX_EARNED_ASKS = 2  # a well-earned step is accepted after at most one ritual stall
SEED = 1


@dataclass
class StyleRun:
    style: str
    trainee_turns: int
    advance_turn: int | None  # trainee turn number that won the advance
    advance_asks: int  # how often the trainee proposed a step or asked for the order
    needs: list[str]
    ended: str | None
    scores: dict[str, int | None]
    overall: int | None
    turns: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    """One way a scenario fails the check, as a code and its values (the web editor says it
    in the user's language) and as the English sentence the CLI prints."""

    code: str  # no_advance | too_many_asks | weak_style_won | pitcher_scored_as_well
    params: dict[str, str | int]
    text: str


@dataclass
class ScenarioReport:
    scenario: str
    runs: dict[str, StyleRun]
    issues: list[Problem]

    @property
    def problems(self) -> list[str]:
        return [p.text for p in self.issues]

    @property
    def realistic(self) -> bool:
        return not self.issues


def play(
    scenario: Scenario, trainee: Trainee, engine: OfflineBuyer, scorer: RubricScorer
) -> StyleRun:
    session = OfflineSession(scenario, engine, SEED)
    advance_turn: int | None = None
    count = 0
    while count < MAX_TURNS and not session.state.ended:
        line = trainee.next_line(scenario, session.state, session.last_reply)
        if line is None:
            break
        count += 1
        if session.say(line).state.advance_granted and advance_turn is None:
            advance_turn = count
    state, turns = session.state, session.turns
    card = scorer.score(turns, language=scenario.language, scenario=scenario, events=session.events)
    return StyleRun(
        style=trainee.style,
        trainee_turns=count,
        advance_turn=advance_turn,
        advance_asks=state.advance_asks,
        needs=list(state.revealed_needs),
        ended=state.end_reason.value if state.end_reason else None,
        scores={k: v.score for k, v in card.dimensions.items()},
        overall=card.overall,
        turns=turns,
    )


def simulate(scenario: Scenario) -> ScenarioReport:
    engine, scorer = OfflineBuyer(), RubricScorer()
    runs = {t.style: play(scenario, t, engine, scorer) for t in all_styles()}
    problems = []
    consultant = runs["consultant"]
    if consultant.advance_turn is None:
        problems.append(Problem("no_advance", {}, "the consultant could not earn the advance"))
    elif consultant.advance_asks > MAX_EARNED_ASKS:
        asks = consultant.advance_asks
        text = f"the consultant needed {asks} asks for the advance"
        problems.append(Problem("too_many_asks", {"n": asks}, text))
    for style in ("pitcher", "folder", "arguer", "discounter"):
        if runs[style].advance_turn is not None:
            problems.append(
                Problem("weak_style_won", {"style": style}, f"the {style} won the advance")
            )
    c, p = runs["consultant"], runs["pitcher"]
    for dim in ("questioning", "needs_discovery"):
        if (c.scores[dim] or 0) <= (p.scores[dim] or 0):
            text = f"the pitcher scored at least as well as the consultant on {dim}"
            problems.append(Problem("pitcher_scored_as_well", {"dimension": dim}, text))
    return ScenarioReport(scenario.id, runs, problems)


def simulate_all(scenarios: list[Scenario]) -> list[ScenarioReport]:
    return [simulate(s) for s in scenarios]


def format_report(reports: list[ScenarioReport]) -> str:
    lines = []
    for r in reports:
        lines.append(f"{r.scenario}: {'realistic' if r.realistic else 'UNREALISTIC'}")
        for run in r.runs.values():
            adv = (
                f"advance at turn {run.advance_turn} ({run.advance_asks} asks)"
                if run.advance_turn
                else f"no advance ({run.advance_asks} asks)"
            )
            scores = " ".join(
                f"{k[:4]}={v if v is not None else '-'}" for k, v in run.scores.items()
            )
            ended = f", ended: {run.ended}" if run.ended else ""
            lines.append(
                f"  {run.style:<10} {run.trainee_turns:>2} turns, {adv}, needs {len(run.needs)} {run.needs}, "
                f"{scores} overall={run.overall}{ended}"
            )
        for p in r.problems:
            lines.append(f"  ! {p}")
    return "\n".join(lines)
