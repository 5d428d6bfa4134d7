"""Drive the offline buyer through a scripted conversation, as the service does."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.analysis.conversation import context_for
from app.analysis.trainee import analyze_trainee_turn
from app.buyer.offline import OfflineBuyer
from app.buyer.state import BuyerState
from app.scenarios.catalog import load_builtin
from app.scenarios.schema import Scenario

SCENARIOS = load_builtin()
ENGINE = OfflineBuyer()


@dataclass
class Played:
    scenario: Scenario
    turns: list[tuple[str, str]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)  # one per buyer reply to a trainee
    states: list[BuyerState] = field(default_factory=list)

    @property
    def state(self) -> BuyerState:
        return self.states[-1]

    @property
    def last_reply(self) -> str:
        return self.turns[-1][1]

    def revealed(self) -> list[str]:
        return list(self.state.revealed_needs)

    def layer_of(self, need_id: str) -> str:
        return self.scenario.need(need_id).layer.value


def start(scenario_id: str, seed: int = 3) -> Played:
    sc = SCENARIOS[scenario_id]
    opening = ENGINE.open(sc, ENGINE.initial_state(sc), seed)
    return Played(sc, [("buyer", opening.text)], [], [opening.state])


def say(p: Played, text: str, seed: int = 3) -> Played:
    p.turns.append(("trainee", text))
    index = len(p.turns) - 1
    analysis = analyze_trainee_turn(index, text, p.scenario.language, context_for(p.turns[:-1]))
    reply = ENGINE.respond(p.scenario, p.state, analysis, seed, buyer_index=index + 1)
    p.turns.append(("buyer", reply.text))
    p.events.append(reply.events)
    p.states.append(reply.state)
    return p


def play(scenario_id: str, lines: list[str], seed: int = 3) -> Played:
    p = start(scenario_id, seed)
    for line in lines:
        if p.state.ended:
            break
        say(p, line, seed)
    return p
