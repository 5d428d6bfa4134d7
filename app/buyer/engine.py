"""The buyer engine protocols: offline and LLM engines both implement BuyerEngine; an
engine that can also stream its reply (the LLM buyer) implements StreamingBuyerEngine."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from app.analysis.model import TraineeTurnAnalysis
from app.buyer.state import BuyerState
from app.scenarios.schema import Scenario


@dataclass(frozen=True)
class HistoryTurn:
    role: str  # "trainee" | "buyer"
    text: str


@dataclass
class BuyerReply:
    text: str
    state: BuyerState
    # What happened this turn (revealed need ids, objection raised, ...): stored
    # on the buyer turn, shown to coaches, used by tests and the realism check.
    events: dict[str, Any] = field(default_factory=dict)
    # How it was produced (prompt id@version, token usage): stored on the turn.
    meta: dict[str, Any] = field(default_factory=dict)


class BuyerEngine(Protocol):
    name: str

    def initial_state(self, scenario: Scenario) -> BuyerState: ...

    async def opening(self, scenario: Scenario, state: BuyerState, seed: int) -> BuyerReply:
        """The buyer's first line, when the trainee walks in."""
        ...

    async def reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> BuyerReply:
        """React to the last trainee turn (the last item of history)."""
        ...


@runtime_checkable
class StreamingBuyerEngine(BuyerEngine, Protocol):
    """A buyer engine whose reply can stream. A streamed turn checks for it with isinstance
    and relays the pieces; other engines' whole replies are cut at sentence ends."""

    def stream_reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> AsyncGenerator[str | BuyerReply, None]:
        """Like reply(): text pieces as they are produced, then the final BuyerReply.
        A generator, so a reply opened ahead and then not wanted can be closed."""
        ...
