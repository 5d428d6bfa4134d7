"""Turn analysis, pure and deterministic, zh + en.

One analysis serves both the offline buyer (what to react to) and the scorer
(what to reward), so the buyer reacts to exactly the behaviours the rubric
rewards.
"""

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
    "detect_language",
]
