"""A live conversation with the offline buyer, played turn by turn the way the service plays it.

The simulations (realism, responsiveness) and the buyer tests all drive the
buyer through this one loop, so what they measure is what a trainee meets:
each trainee line is read in the context of the conversation so far, and the
buyer replies from the state its last reply left.
"""

from __future__ import annotations

from typing import Any

from app.analysis.conversation import context_for
from app.analysis.trainee import analyze_trainee_turn
from app.buyer.engine import BuyerReply
from app.buyer.offline import OfflineBuyer
from app.buyer.state import BuyerState
from app.scenarios.schema import Scenario


class OfflineSession:
    def __init__(self, scenario: Scenario, engine: OfflineBuyer, seed: int) -> None:
        self.scenario, self.engine, self.seed = scenario, engine, seed
        opening = engine.open(scenario, engine.initial_state(scenario), seed)
        self.state: BuyerState = opening.state
        self.turns: list[tuple[str, str]] = [("buyer", opening.text)]
        # The buyer's events by transcript index, as the scorer takes them.
        self.events: dict[int, dict[str, Any]] = {0: opening.events}

    @property
    def last_reply(self) -> str:
        return self.turns[-1][1]

    def say(self, text: str) -> BuyerReply:
        self.turns.append(("trainee", text))
        index = len(self.turns) - 1
        analysis = analyze_trainee_turn(
            index, text, self.scenario.language, context_for(self.turns[:-1])
        )
        reply = self.engine.respond(
            self.scenario, self.state, analysis, self.seed, buyer_index=index + 1
        )
        self.turns.append(("buyer", reply.text))
        self.events[index + 1] = reply.events
        self.state = reply.state
        return reply
