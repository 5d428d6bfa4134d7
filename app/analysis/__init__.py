"""Turn analysis, pure and deterministic, zh + en.

One analysis serves both the offline buyer (what to react to) and the scorer
(what to reward), so the buyer reacts to exactly the behaviours the rubric
rewards.
"""

from app.analysis import buyer, intent, lexicon, sentence_acts, text, trainee
from app.analysis.conversation import ConversationAnalysis, analyze_conversation
from app.analysis.model import (
    Act,
    BuyerSignal,
    BuyerTurnAnalysis,
    Question,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.analysis.text import detect_language


def clear_caches() -> None:
    """Forget memoised cue matches, readings and term sets, e.g. to time a cold pass over
    new text (the fitted models stay)."""
    for module in (buyer, lexicon, text, trainee):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
    intent.read_intent.cache_clear()
    sentence_acts.read_acts.cache_clear()


__all__ = [
    "Act",
    "BuyerSignal",
    "BuyerTurnAnalysis",
    "ConversationAnalysis",
    "Question",
    "QuestionForm",
    "SpinStage",
    "TraineeTurnAnalysis",
    "analyze_conversation",
    "clear_caches",
    "detect_language",
]
