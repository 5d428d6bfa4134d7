"""The LLM buyer's turn note: the policy's plan given to the model as its limits.

The note lists the content the model may draw on to answer each question (with
how much of it to say), what it holds back and how, its reactions to the rest
of the turn, the objection due, the step it accepts. The model words all of it
itself, answering the trainee's actual words; nothing in the note is a
sentence for it to rephrase. How the note says each part is in the llm book
(app/i18n/llm.*.json): "reaction.<line>" is what an offline line conveys.
"""

from __future__ import annotations

from typing import Any, get_args

from app.buyer import voice
from app.buyer.lines import LineKey
from app.buyer.plan import ADVANCE_ACCEPTS, TurnPlan
from app.i18n.catalog import LLM_NOTE, lang_of

# Reactions that only ever run into another sentence, or restate a concern, need no hint.
_NOT_REACTIONS = {k for k in get_args(LineKey) if k.endswith("_lead") or k.startswith("again_")}
REACTIONS: frozenset[str] = frozenset(get_args(LineKey)) - _NOT_REACTIONS


def note_values(plan: TurnPlan, language: str, mood_key: str) -> dict[str, Any]:
    """The turn note's variables (prompts/buyer-turn.*.md) for a plan."""
    lang = lang_of(language)

    def table(line: str) -> str:  # what the offline buyer's line conveys, for the model
        return LLM_NOTE.say(lang, f"reaction.{line}")

    answers = []
    for d in plan.answers:
        if d.key == ADVANCE_ACCEPTS:
            continue
        if d.key.startswith("reason:"):
            how = LLM_NOTE.say(lang, "answer.reason")
        elif d.key.startswith("resolution:"):
            how = LLM_NOTE.say(lang, "answer.resolution")
        else:
            how = LLM_NOTE.say(lang, f"answer.depth.{d.depth.value}")
        # The trainee's words never go into a system message: answers keep the order asked.
        answers.append({"how": how, "text": voice.content_for(d, language)})
    due = plan.objection
    objection = None
    if due is not None:
        how = LLM_NOTE.say(lang, f"objection.{due.move.value}")
        refusal = LLM_NOTE.say(lang, "refusal") if due.refusal else ""
        objection = {"how": refusal + how, "text": due.text}
    accepted = next((d.text for d in plan.answers if d.key == ADVANCE_ACCEPTS), "")
    reactions = [table(r.line) for r in plan.reactions]
    if plan.suffix:
        reactions.append(table(plan.suffix))
    if plan.closing:
        reactions.append(table(plan.closing))
    return {
        "mood": LLM_NOTE.say(lang, f"mood.{mood_key}"),
        "answers": answers,
        "withheld": [table(w) for w in plan.withheld],
        "reactions": reactions,
        "objection": objection,
        "accepted": accepted,
        "ended": plan.closing is not None,
    }
