"""The LLM buyer: the policy sets the limits, the model answers the trainee within them.

Each turn the buyer's policy (the same one the offline buyer follows) decides
what content answers each question at the depth trust allows, what is held
back, the objection due, the verdict on a proposed step and the mood. The
model gets that as a turn note of limits and answers the trainee's actual
words in character. What it actually disclosed is read back from its reply
(app/buyer/readback.py) to update the buyer's state; a reply that leaves the
role or discloses beyond the limits is replaced by the offline buyer's
wording of the same plan (app/buyer/guard.py).

Messages: one system prompt per scenario (persona, the facts anyone may hear,
rules; the opening line too, so the chat starts with the trainee), then the
conversation as user/assistant turns, appended and never rewritten, then this
turn's note as a trailing system message. The trainee's words only ever appear
in user messages; a provider's prompt cache hits on the shared prefix.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from typing import Any

from app.analysis.model import TraineeTurnAnalysis
from app.buyer import readback, voice
from app.buyer.engine import BuyerReply, HistoryTurn
from app.buyer.guard import violation
from app.buyer.notes import note_values
from app.buyer.offline import OfflineBuyer
from app.buyer.plan import Depth
from app.buyer.policy import disclose
from app.buyer.state import BuyerState
from app.buyer.turn import Turn
from app.llm.client import LLMClient
from app.llm.types import ChatMessage, StreamEnd, TextDelta, Usage
from app.prompting.library import PromptLibrary
from app.scenarios.schema import Scenario

TEMPERATURE = 0.7
MAX_TOKENS = 400


@dataclass
class _Planned:
    """A turn decided before the model speaks, with the offline wording as the fallback."""

    turn: Turn  # the decided turn; its plan is `turn.plan`
    fallback: str
    fallback_spoken: list[str]
    before: BuyerState


def _mood_key(before: BuyerState, after: BuyerState) -> str:
    return "annoyed" if after.trust <= before.trust - 8 else after.mood


class LLMBuyer:
    """Implements app.buyer.engine.StreamingBuyerEngine over any OpenAI-compatible model."""

    name = "llm"

    def __init__(
        self, client: LLMClient, prompts: PromptLibrary, offline: OfflineBuyer | None = None
    ) -> None:
        self.client = client
        self.prompts = prompts
        self.offline = offline or OfflineBuyer()
        self._systems: dict[tuple[str, int, str], str] = {}

    def initial_state(self, scenario: Scenario) -> BuyerState:
        return self.offline.initial_state(scenario)

    async def opening(self, scenario: Scenario, state: BuyerState, seed: int) -> BuyerReply:
        # The scenario's own opening lines: nothing to improvise before the trainee speaks.
        return self.offline.open(scenario, state, seed)

    # --- prompts ----------------------------------------------------------------------

    def system_prompt(self, scenario: Scenario, opening: str) -> str:
        key = (scenario.id, scenario.version, opening)
        cached = self._systems.get(key)
        if cached is not None:
            return cached
        template = self.prompts.get("buyer", scenario.language)
        text = template.render(
            buyer=scenario.buyer.model_dump(),
            scenario={
                "industry": scenario.industry,
                "seller_company": scenario.seller_company,
                "product": scenario.product,
            },
            facts=[f.says for f in scenario.facts],
            opening=opening,
        )
        self._systems[key] = text
        return text

    def messages(
        self, scenario: Scenario, history: Sequence[HistoryTurn], planned: _Planned
    ) -> list[ChatMessage]:
        opening = history[0].text if history and history[0].role == "buyer" else ""
        msgs = [ChatMessage.system(self.system_prompt(scenario, opening))]
        for turn in history[1:] if opening else history:
            msgs.append(
                ChatMessage.user(turn.text)
                if turn.role == "trainee"
                else ChatMessage.assistant(turn.text)
            )
        values = note_values(
            planned.turn.plan, scenario.language, _mood_key(planned.before, planned.turn.state)
        )
        msgs.append(
            ChatMessage.system(self.prompts.get("buyer-turn", scenario.language).render(**values))
        )
        return msgs

    def _refs(self, language: str) -> list[str]:
        return [
            self.prompts.get("buyer", language).ref,
            self.prompts.get("buyer-turn", language).ref,
        ]

    # --- replies --------------------------------------------------------------------------

    def _plan(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> _Planned:
        turn = self.offline.plan(scenario, state, analysis, seed, buyer_index=len(history))
        fallback = voice.word(turn)
        return _Planned(turn, fallback, list(turn.spoken), state)

    def _finish(
        self, scenario: Scenario, planned: _Planned, text: str, usage: Usage, model: str
    ) -> BuyerReply:
        turn = planned.turn
        plan = turn.plan
        allowed = set(planned.before.revealed_needs) | {
            k.split(":", 1)[1] for k in plan.disclosed_keys() if k.startswith("need:")
        }
        problem = violation(text, scenario, allowed)
        meta: dict[str, Any] = {
            "prompts": self._refs(scenario.language),
            "model": model,
            "usage": {
                "prompt_tokens": usage.prompt_tokens,
                "completion_tokens": usage.completion_tokens,
                "estimated": usage.estimated,
            },
        }
        if problem is not None:
            # The model strayed: the offline wording of the same plan stands in.
            meta["replaced"] = problem
            turn.spoken = planned.fallback_spoken
            final, keys = planned.fallback, plan.disclosed_keys()
        else:
            turn.spoken = []
            final, keys = text.strip(), readback.said(scenario, plan, text)
            meta["disclosed"] = keys
        after = disclose(turn, keys, final)
        events = dict(plan.events)
        drawn = [d.key for d in plan.answers if d.key in keys or d.depth is Depth.recall]
        if drawn:
            events["answered"] = drawn
        return BuyerReply(text=final, state=after, events=events, meta=meta)

    async def reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> BuyerReply:
        planned = self._plan(scenario, state, history, analysis, seed)
        result = await self.client.complete(
            self.messages(scenario, history, planned),
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
            seed=seed,
        )
        return self._finish(scenario, planned, result.text, result.usage, result.model)

    async def stream_reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> AsyncGenerator[str | BuyerReply, None]:
        """Text pieces as the model produces them, then the final BuyerReply (possibly replaced)."""
        planned = self._plan(scenario, state, history, analysis, seed)
        end: StreamEnd | None = None
        async for event in self.client.stream(
            self.messages(scenario, history, planned),
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
            seed=seed,
        ):
            if isinstance(event, TextDelta):
                yield event.text
            elif isinstance(event, StreamEnd):
                end = event
        assert end is not None, "a stream always ends with StreamEnd or raises"
        yield self._finish(scenario, planned, end.text, end.usage, end.model)
