"""How a trainee turn answers a buyer's objection: one reading for buyer and scorer."""

from __future__ import annotations

from app.analysis import lexicon as lx
from app.analysis.model import Act, TraineeTurnAnalysis


def counter_question(turn: TraineeTurnAnalysis) -> str | None:
    """The question that digs into the objection (反问), if the turn asks one.

    A question counts when it takes up the buyer's words (a follow-up), comes
    with an acknowledgement, or is a probe ("why?", "what worries you?"). A
    proposal ("shall we meet?"), a close, a leading push or a question about
    liking the product is not a counter-question.
    """
    excluded = {turn.evidence.get(a) for a in (Act.advance, Act.hard_close, Act.product_question)}
    understanding = Act.understanding in turn.acts
    followup = turn.evidence.get(Act.followup)
    for q in turn.questions:
        if q.leading or q.text in excluded:
            continue
        if (
            understanding
            or q.text == followup
            or q.probes_concern
            or lx.PROBE.search(q.text, turn.language)
        ):
            return q.text
    return None
