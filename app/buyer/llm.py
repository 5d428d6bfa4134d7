"""The LLM buyer: the offline buyer decides, the model says it in character.

Each turn the shared analysis and the offline engine decide what the buyer
does (reveal a need, raise or drop an objection, agree to a step, end the
meeting) and how it feels; the model gets that as a short turn note and
phrases the reply. So the LLM buyer reveals and objects on exactly the
schedule the rubric expects, and improvises only the wording.

Messages: one system prompt per scenario (persona, facts, hidden brief,
rules; the opening line too, so the chat starts with the trainee), then the
conversation as user/assistant turns, appended and never rewritten, then
this turn's note as a trailing system message. The trainee's words only ever
appear in user messages; a provider's prompt cache hits on the shared prefix.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from app.analysis.model import TraineeTurnAnalysis
from app.buyer.engine import BuyerReply, HistoryTurn
from app.buyer.guard import violation
from app.buyer.offline import OfflineBuyer
from app.buyer.state import BuyerState
from app.llm import ChatMessage, LLMClient, StreamEnd, TextDelta, Usage
from app.prompting import PromptLibrary
from app.scenarios.schema import Scenario

TEMPERATURE = 0.7
MAX_TOKENS = 400

_MOODS = {
    "guarded": ("戒备，不太想多聊，话说得短", "guarded, not keen to talk, short answers"),
    "warming": ("有点松动，愿意多说两句", "warming up a little, willing to say a bit more"),
    "open": ("比较信任对方，愿意交底", "fairly trusting, willing to open up"),
    "impatient": ("不耐烦，想快点结束", "impatient, wants to wrap up"),
    "annoyed": ("被冒犯了，有点不高兴", "put off and a little annoyed"),
}


def _mood(before: BuyerState, after: BuyerState, language: str) -> str:
    key = "annoyed" if after.trust <= before.trust - 8 else after.mood
    zh, en = _MOODS[key]
    return zh if language == "zh" else en


class LLMBuyer:
    """Implements app.buyer.engine.BuyerEngine over any OpenAI-compatible model."""

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
            needs=[{"layer": n.layer.value, "says": n.says} for n in scenario.needs],
            decision={
                "process": scenario.decision.process,
                "budget": scenario.decision.budget,
                "time": scenario.decision.timeline,
                "criteria": scenario.decision.criteria,
                "people": [
                    f"{p.name}（{p.title}）：{p.says}"
                    if scenario.language == "zh"
                    else f"{p.name} ({p.title}): {p.says}"
                    for p in scenario.decision.stakeholders
                ],
            },
            objections=[
                {"kind": o.kind.value, "example": o.phrasings[0], "reason": o.reason}
                for o in scenario.objections
            ],
            advance=scenario.advance.goal,
            opening=opening,
        )
        self._systems[key] = text
        return text

    def messages(
        self,
        scenario: Scenario,
        history: Sequence[HistoryTurn],
        decided: BuyerReply,
        before: BuyerState,
    ) -> list[ChatMessage]:
        opening = history[0].text if history and history[0].role == "buyer" else ""
        msgs = [ChatMessage.system(self.system_prompt(scenario, opening))]
        for turn in history[1:] if opening else history:
            msgs.append(
                ChatMessage.user(turn.text)
                if turn.role == "trainee"
                else ChatMessage.assistant(turn.text)
            )
        note = self.prompts.get("buyer-turn", scenario.language).render(
            mood=_mood(before, decided.state, scenario.language),
            gist=decided.text,
            ended=decided.state.ended,
        )
        msgs.append(ChatMessage.system(note))
        return msgs

    def _refs(self, language: str) -> list[str]:
        return [
            self.prompts.get("buyer", language).ref,
            self.prompts.get("buyer-turn", language).ref,
        ]

    # --- replies --------------------------------------------------------------------------

    def _decide(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> BuyerReply:
        return self.offline.respond(scenario, state, analysis, seed, buyer_index=len(history))

    def _finish(
        self, scenario: Scenario, decided: BuyerReply, text: str, usage: Usage, model: str
    ) -> BuyerReply:
        problem = violation(text, scenario, decided.state)
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
            meta["replaced"] = problem  # the model strayed: the offline reply stands in
        return BuyerReply(
            text=decided.text if problem is not None else text.strip(),
            state=decided.state,
            events=decided.events,
            meta=meta,
        )

    async def reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> BuyerReply:
        decided = self._decide(scenario, state, history, analysis, seed)
        result = await self.client.complete(
            self.messages(scenario, history, decided, state),
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
            seed=seed,
        )
        return self._finish(scenario, decided, result.text, result.usage, result.model)

    async def stream_reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> AsyncIterator[str | BuyerReply]:
        """Text pieces as the model produces them, then the final BuyerReply (possibly replaced)."""
        decided = self._decide(scenario, state, history, analysis, seed)
        end: StreamEnd | None = None
        async for event in self.client.stream(
            self.messages(scenario, history, decided, state),
            temperature=TEMPERATURE,
            max_tokens=MAX_TOKENS,
            seed=seed,
        ):
            if isinstance(event, TextDelta):
                yield event.text
            elif isinstance(event, StreamEnd):
                end = event
        assert end is not None, "a stream always ends with StreamEnd or raises"
        yield self._finish(scenario, decided, end.text, end.usage, end.model)
