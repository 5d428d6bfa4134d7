"""Analysis of a whole transcript, turn by turn, each in its context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.analysis.buyer import analyze_buyer_turn
from app.analysis.model import BuyerTurnAnalysis, TraineeTurnAnalysis
from app.analysis.text import content_terms, detect_language
from app.analysis.trainee import TurnContext, analyze_trainee_turn


@dataclass(frozen=True)
class ConversationAnalysis:
    language: str
    turns: tuple[TraineeTurnAnalysis | BuyerTurnAnalysis, ...]

    @property
    def trainee(self) -> list[TraineeTurnAnalysis]:
        return [t for t in self.turns if isinstance(t, TraineeTurnAnalysis)]

    @property
    def buyer(self) -> list[BuyerTurnAnalysis]:
        return [t for t in self.turns if isinstance(t, BuyerTurnAnalysis)]


def context_for(history: Sequence[tuple[str, str]]) -> TurnContext:
    """The context of the next trainee turn after `history` ((role, text) pairs)."""
    buyer_texts = [text for role, text in history if role == "buyer"]
    terms: frozenset[str] = frozenset()
    for text in buyer_texts:
        terms |= content_terms(text)
    previous = ""
    for role, text in reversed(history):
        if role == "buyer":
            previous = text
            break
        # Consecutive trainee turns answer the same buyer line.
    return TurnContext(previous_buyer_text=previous, buyer_terms=terms)


def analyze_conversation(
    turns: Sequence[tuple[str, str]], language: str | None = None
) -> ConversationAnalysis:
    """Analyse (role, text) turns; role is "trainee" or "buyer"."""
    lang = language or detect_language(" ".join(text for _, text in turns))
    out: list[TraineeTurnAnalysis | BuyerTurnAnalysis] = []
    buyer_terms: frozenset[str] = frozenset()
    previous_buyer = previous_trainee = ""
    for index, (role, text) in enumerate(turns):
        if role == "buyer":
            out.append(analyze_buyer_turn(index, text, lang, previous_trainee))
            buyer_terms |= content_terms(text)
            previous_buyer = text
        else:
            ctx = TurnContext(previous_buyer_text=previous_buyer, buyer_terms=buyer_terms)
            out.append(analyze_trainee_turn(index, text, lang, ctx))
            previous_trainee = text
    return ConversationAnalysis(language=lang, turns=tuple(out))
