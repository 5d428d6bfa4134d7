"""The buyer's reply under construction: lines said, events, deterministic picks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from app.analysis.model import TraineeTurnAnalysis
from app.analysis.text import content_terms
from app.buyer.engine import BuyerReply
from app.buyer.lines import LineKey, Phrasebook, rotate
from app.buyer.state import BuyerState, EndReason
from app.scenarios.schema import Scenario


class BuyerTurn:
    def __init__(
        self,
        scenario: Scenario,
        state: BuyerState,
        analysis: TraineeTurnAnalysis,
        lines: Phrasebook,
        seed: int,
        buyer_index: int,
    ) -> None:
        self.scenario = scenario
        self.state = state
        self.analysis = analysis
        self.lines = lines
        self.seed = seed
        self.buyer_index = buyer_index
        self.parts: list[str] = []
        self.events: dict[str, Any] = {}
        self.blocked = False  # the reply is already about one thing; don't pile on
        self._glue_next = False
        self._lowered = analysis.text.lower()
        self._terms: frozenset[str] | None = None

    @property
    def spoke(self) -> bool:
        return bool(self.parts)

    def rotate_list(self, variants: Sequence[str], key: str) -> str:
        uses = self.state.line_uses.get(key, 0)
        self.state.line_uses[key] = uses + 1
        return rotate(variants, self.seed, key, uses)

    def say(self, text: str) -> None:
        if self._glue_next and self.parts:
            if self.scenario.language == "en" and text[:1].isupper() and text[1:2].islower():
                text = text[0].lower() + text[1:]  # "As I said, we ..." not "As I said, We ..."
            self.parts[-1] = self.parts[-1] + text
            self._glue_next = False
        else:
            self.parts.append(text)

    def say_line(self, key: LineKey, *, join: bool = True) -> None:
        self.say(self.rotate_list(self.lines.variants(self.scenario.language, key), key))
        if not join:
            self._glue_next = True  # a prefix ("As I said, ") runs into what follows

    def end(self, reason: EndReason) -> None:
        self.state.ended = True
        self.state.end_reason = reason
        self.events["ended"] = reason.value

    def keyword_hits(self, keywords: Sequence[str], text: str) -> int:
        lowered = text.lower()
        return sum(1 for k in keywords if _contains(lowered, k.lower()))

    def mentions(self, keywords: Sequence[str]) -> bool:
        return self.keyword_hits(keywords, self._lowered) > 0

    def echoes(self, said: str) -> bool:
        """Whether the trainee's turn takes up the words of something the buyer said."""
        if self._terms is None:
            self._terms = content_terms(self.analysis.text)
        shared = self._terms & content_terms(said)
        return len(shared) >= 2

    def result(self) -> BuyerReply:
        sep = "" if self.scenario.language == "zh" else " "
        text = sep.join(p.strip() for p in self.parts if p.strip())
        return BuyerReply(text=text, state=self.state, events=self.events)


def _contains(text: str, keyword: str) -> bool:
    if keyword.isascii() and keyword[:1].isalnum():
        return re.search(rf"\b{re.escape(keyword)}", text) is not None
    return keyword in text
