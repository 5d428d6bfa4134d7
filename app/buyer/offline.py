"""The offline buyer: the policy's plan, worded from the scenario and the phrasebook.

A deterministic key-account customer: it answers what it is asked at the
depth trust allows, raises objections alongside its answers on the
scenario's schedule, opens up to understanding plus a question about the
concern, hardens when argued with, pushed or discounted at once, judges a
proposed step on its content, and ends the meeting when its patience runs
out. It never leaves its role and never tells its brief. Same seed, same
transcript.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.analysis.disclosure import disclosure_model
from app.analysis.intent import intent_model
from app.analysis.model import TraineeTurnAnalysis
from app.analysis.sentence_acts import act_model
from app.buyer import voice
from app.buyer.engine import BuyerReply, HistoryTurn
from app.buyer.lines import Phrasebook, digest, load_phrasebook, rotate
from app.buyer.policy import decide, disclose
from app.buyer.state import BuyerState, ObjectionState
from app.buyer.turn import Turn
from app.scenarios.content import content_index
from app.scenarios.schema import Scenario


class OfflineBuyer:
    """Implements app.buyer.engine.BuyerEngine without any model."""

    name = "offline"

    def __init__(self, lines: Phrasebook | None = None) -> None:
        self.lines = lines or load_phrasebook()

    def initial_state(self, scenario: Scenario) -> BuyerState:
        return BuyerState(
            trust=scenario.tuning.initial_trust,
            patience=scenario.tuning.patience,
            objections={o.id: ObjectionState() for o in scenario.objections},
        )

    async def opening(self, scenario: Scenario, state: BuyerState, seed: int) -> BuyerReply:
        return self.open(scenario, state, seed)

    async def reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> BuyerReply:
        return self.respond(scenario, state, analysis, seed, buyer_index=len(history))

    # The pure core, usable without an event loop.

    def open(self, scenario: Scenario, state: BuyerState, seed: int) -> BuyerReply:
        st = state.model_copy(deep=True)
        text = rotate(scenario.buyer.opening_lines, seed, "opening", 0)
        st.said.append(digest(text))
        return BuyerReply(text=text, state=st, events={"opening": True})

    def plan(
        self,
        scenario: Scenario,
        state: BuyerState,
        analysis: TraineeTurnAnalysis,
        seed: int,
        buyer_index: int,
    ) -> Turn:
        """What the buyer will do, as `turn.plan` (the LLM buyer words the same plan its own way)."""
        return decide(scenario, state, analysis, self.lines, seed, buyer_index)

    def respond(
        self,
        scenario: Scenario,
        state: BuyerState,
        analysis: TraineeTurnAnalysis,
        seed: int,
        buyer_index: int,
    ) -> BuyerReply:
        turn = self.plan(scenario, state, analysis, seed, buyer_index)
        plan = turn.plan
        text = voice.word(turn)
        after = disclose(turn, plan.disclosed_keys(), text)
        events = dict(plan.events)
        if plan.answers:
            events["answered"] = [d.key for d in plan.answers]
        return BuyerReply(text=text, state=after, events=events)


def warm_up(scenarios: Iterable[Scenario]) -> None:
    """Fit the intent, sentence-act and disclosure readers and index the scenarios (two
    or three seconds, once per process)."""
    for language in ("zh", "en"):
        intent_model(language)
        act_model(language)
        disclosure_model(language)
    for scenario in scenarios:
        content_index(scenario)
