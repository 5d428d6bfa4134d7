"""Analysis of one buyer turn: objections raised, needs disclosed, next steps accepted."""

from __future__ import annotations

from app.analysis import lexicon as lx
from app.analysis.model import BuyerSignal, BuyerTurnAnalysis, ObjectionHit, ObjectionKind
from app.analysis.text import Sentence, sentences
from app.analysis.trainee import topics_of

_SIGNALS: tuple[tuple[BuyerSignal, lx.Cue], ...] = (
    (BuyerSignal.pain, lx.BUYER_PAIN),
    (BuyerSignal.impact, lx.BUYER_IMPACT),
    (BuyerSignal.personal, lx.BUYER_PERSONAL),
    (BuyerSignal.stakeholder, lx.BUYER_STAKEHOLDER),
    (BuyerSignal.softens, lx.BUYER_SOFTENS),
    (BuyerSignal.ends, lx.BUYER_ENDS),
)


def analyze_buyer_turn(index: int, text: str, language: str) -> BuyerTurnAnalysis:
    sents = sentences(text) or [Sentence(0, len(text), text.strip() or text)]
    objections: list[ObjectionHit] = []
    seen: set[ObjectionKind] = set()
    signals: set[BuyerSignal] = set()
    evidence: dict[BuyerSignal, str] = {}

    def mark(signal: BuyerSignal, quote: str) -> None:
        signals.add(signal)
        evidence.setdefault(signal, quote)

    for s in sents:
        t = s.text
        kinds = [k for k, c in lx.OBJECTIONS.items() if c.search(t, language)]
        for kind in kinds:
            if kind not in seen:
                seen.add(kind)
                objections.append(ObjectionHit(kind, t))
        if kinds:
            mark(BuyerSignal.objection, t)
        elif lx.BUYER_ACCEPTS.search(t, language):
            # "OK, send me something" is a brush-off, not a yes: objections win.
            mark(BuyerSignal.accepts, t)
        for signal, c in _SIGNALS:
            if c.search(t, language):
                mark(signal, t)
    return BuyerTurnAnalysis(
        index=index,
        text=text,
        language=language,
        objections=tuple(objections),
        signals=frozenset(signals),
        evidence=evidence,
        topics=topics_of(text, language),
    )
