"""Forget the analysis's memoised work, e.g. to time a cold pass over new text."""

from __future__ import annotations

from app.analysis import buyer, cue_book, intent, lexicon, sentence_acts, text, trainee


def clear_caches() -> None:
    """Forget memoised cue matches, readings and term sets, e.g. to time a cold pass over
    new text (the fitted models stay)."""
    for module in (buyer, cue_book, lexicon, text, trainee):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()
    intent.read_intent.cache_clear()
    sentence_acts.read_acts.cache_clear()
