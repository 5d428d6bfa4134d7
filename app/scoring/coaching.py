"""Turn-by-turn coaching: a code for every trainee turn and, where it helps, one tip."""

from __future__ import annotations

from app.analysis.conversation import ConversationAnalysis
from app.analysis.model import (
    PITCH_WORDS,
    Act,
    BuyerTurnAnalysis,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.i18n.catalog import SCORECARD
from app.scoring.features import Features, presses
from app.scoring.schema import TurnCoaching

# The label of every code and the tips are in the scorecard book (app/i18n/scorecard.*.json):
# "label.<code>", "tip.<key>"; a question's label is its form and stage ("coaching.form.open").
TIPS: frozenset[str] = frozenset(SCORECARD.keys("tip"))


def _code(t: TraineeTurnAnalysis, after_objection: bool) -> tuple[str, str, str | None]:
    """(code, label key or "" for a question label, tip key)."""
    if t.has(Act.injection):
        return "addressed_to_scorer", "addressed_to_scorer", "addressed_to_scorer"
    if t.has(Act.give_up):
        return "gave_up", "gave_up", "gave_up"
    if t.has(Act.argument):
        return "argued", "argued", "argued"
    if t.has(Act.discount):
        return "discounted", "discounted", "discounted"
    if t.has(Act.hard_close):
        return "hard_close", "hard_close", "hard_close"
    if after_objection:
        understanding = t.has(Act.understanding)
        asks = bool(t.questions) and not t.has(Act.advance)
        if understanding and asks:
            return "objection_understanding_question", "objection_understanding_question", None
        if asks:
            return "objection_question", "objection_question", "objection_understanding"
        if t.has(Act.value, Act.proof, Act.pilot):
            return "objection_value", "objection_value", None
        if understanding:
            return "objection_understanding", "objection_understanding", "objection_understanding"
        return "objection_ignored", "objection_ignored", "objection_ignored"
    if t.has(Act.summary):
        return "summary", "summary", None
    if t.has(Act.advance):
        return f"advance_{t.advance_kind}", "advance", None
    if t.questions:
        lead = max(t.questions, key=lambda q: list(SpinStage).index(q.stage))
        code = f"{lead.form}_{lead.stage}_question"
        if t.has(Act.personal_probe):
            return "personal_probe", "personal_probe", None
        if t.has(Act.decision_probe):
            return "decision_probe", "decision_probe", None
        if lead.leading:
            return code, "", "leading"
        if t.has(Act.product_question):
            return code, "", "product_question"
        tip = {
            SpinStage.problem: "problem",
            SpinStage.implication: "implication",
        }.get(lead.stage)
        if lead.stage is SpinStage.situation and lead.form is QuestionForm.closed:
            tip = "closed_situation"
        return code, "", tip
    if t.has(Act.value):
        return "value_statement", "value_statement", None
    if t.pitch_words >= PITCH_WORDS:
        return "pitch", "pitch", "pitch"
    if t.has(Act.greeting):
        return "greeting", "greeting", None
    return "statement", "statement", None


def _episode_code(t: TraineeTurnAnalysis, f: Features) -> str | None:
    """How the scorer read this turn as an answer to an objection, when it answered one:
    the same reading that scored the episode, so the coaching and the score agree."""
    for ep in f.episodes:
        if not ep.responses or ep.responses[0].index != t.index:
            continue
        counter = ep.counter_question()
        if counter is not None and counter[0] == t.index:
            return (
                "objection_understanding_question"
                if t.has(Act.understanding)
                else "objection_question"
            )
        if t.has(Act.understanding) and t.has(Act.pitch, Act.proof):
            return "objection_nod_then_pitch"
        if t.has(Act.proof):
            return "objection_proof_unasked"
        if any(presses(q.text, t.language) or q.leading for q in t.questions):
            return "objection_pressed"
    return None


def coach_turns(analysis: ConversationAnalysis, f: Features | None = None) -> list[TurnCoaching]:
    lang = analysis.language
    brushed = {i for i, _ in f.brushed_past} if f is not None else set()
    out: list[TurnCoaching] = []
    last_buyer: BuyerTurnAnalysis | None = None
    situation_streak = 0
    summarised = False
    for turn in analysis.turns:
        if isinstance(turn, BuyerTurnAnalysis):
            last_buyer = turn
            continue
        after_objection = last_buyer is not None and bool(last_buyer.objections)
        code, label_key, tip_key = _code(turn, after_objection)
        read = _episode_code(turn, f) if f is not None and after_objection else None
        if read is not None and code.startswith("objection_"):
            code = label_key = read
            tip_key = read if read in TIPS else None
        elif turn.index in brushed and code not in ("gave_up", "argued", "discounted"):
            code = label_key = tip_key = "brushed_past"
        # A step asked for, a recap or a check reads as "situation" by its form; it is
        # no background question, so it neither lengthens the run nor gets the tip.
        moves = turn.has(Act.advance, Act.hard_close, Act.pilot, Act.summary, Act.feedback_request)
        background = bool(turn.questions) and all(
            q.stage is SpinStage.situation for q in turn.questions
        )
        if background and not moves:
            situation_streak += 1
            if situation_streak >= 4 and tip_key in (None, "closed_situation"):
                tip_key = "too_much_situation"
        elif not moves:
            situation_streak = 0
        if turn.has(Act.summary):
            summarised = True
        if label_key == "advance" and not summarised:
            tip_key = "advance_no_summary"
        if label_key:
            label = SCORECARD.say(lang, f"label.{label_key}")
        else:
            lead = max(turn.questions, key=lambda q: list(SpinStage).index(q.stage))
            label = SCORECARD.say(
                lang,
                "coaching.question",
                form=SCORECARD.say(lang, f"coaching.form.{lead.form.value}"),
                stage=SCORECARD.say(lang, f"coaching.stage.{lead.stage.value}"),
            )
        out.append(
            TurnCoaching(
                index=turn.index,
                code=code,
                label=label,
                tip=SCORECARD.say(lang, f"tip.{tip_key}") if tip_key else None,
            )
        )
        last_buyer = None if after_objection else last_buyer
    return out
