"""Drive the offline buyer through a scripted conversation, as the service does."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.buyer.lines import load_phrasebook
from app.buyer.offline import OfflineBuyer
from app.buyer.state import BuyerState
from app.scenarios.catalog import load_builtin
from app.scenarios.schema import Scenario
from app.simulation.session import OfflineSession

SCENARIOS = load_builtin()
ENGINE = OfflineBuyer()


@dataclass
class Played:
    session: OfflineSession
    events: list[dict[str, Any]] = field(default_factory=list)  # one per buyer reply to a trainee

    @property
    def scenario(self) -> Scenario:
        return self.session.scenario

    @property
    def turns(self) -> list[tuple[str, str]]:
        return self.session.turns

    @property
    def state(self) -> BuyerState:
        return self.session.state

    @property
    def last_reply(self) -> str:
        return self.session.last_reply

    def revealed(self) -> list[str]:
        return list(self.state.revealed_needs)

    def layer_of(self, need_id: str) -> str:
        return self.scenario.need(need_id).layer.value


def start(scenario_id: str, seed: int = 3) -> Played:
    session = OfflineSession(SCENARIOS[scenario_id], ENGINE, seed)
    return Played(session)


def say(p: Played, text: str) -> Played:
    reply = p.session.say(text)
    p.events.append(reply.events)
    return p


def play(scenario_id: str, lines: list[str], seed: int = 3) -> Played:
    p = start(scenario_id, seed)
    for line in lines:
        if p.state.ended:
            break
        say(p, line)
    return p


LINES = load_phrasebook()


def said_any(text: str, language: str, key: str) -> bool:
    """Whether `text` holds any of the phrasebook's lines of this kind."""
    return any(line.strip() in text for line in LINES.variants(language, key))  # type: ignore[arg-type]
