"""The LLM buyer's turn note: the policy's plan given to the model as its limits.

The note lists the content the model may draw on to answer each question (with
how much of it to say), what it holds back and how, its reactions to the rest
of the turn, the objection due, the step it accepts. The model words all of it
itself, answering the trainee's actual words; nothing in the note is a
sentence for it to rephrase.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ConfigDict

from app.buyer import voice
from app.buyer.lines import LineKey
from app.buyer.plan import Depth, ObjectionMove, TurnPlan
from app.resources import data_dir

_DEPTH = {
    "zh": {
        Depth.full: "照实说",
        Depth.brief: "只说一两句，语气冷淡些",
        Depth.more: "把上次没说完的细节补上",
        Depth.recall: "你之前说过，简单提一句就行，别重复原话",
    },
    "en": {
        Depth.full: "say it",
        Depth.brief: "a sentence or two, coolly",
        Depth.more: "add the detail you left out last time",
        Depth.recall: "you said this before; point back to it briefly, don't repeat it",
    },
}
_REASON = {
    "zh": "他问到了你顾虑背后的原因，可以交底",
    "en": "they asked what's behind your concern; you can open up",
}
_RESOLUTION = {
    "zh": "他的回应打消了你的这个顾虑，表示认可",
    "en": "their answer settles this concern; say so",
}
_OBJECTION = {
    "zh": {
        ObjectionMove.raise_: "提出你的顾虑",
        ObjectionMove.restate: "他没接你刚才的顾虑，换个说法再提一次",
        ObjectionMove.bring_back: "你之前的顾虑还没解决，把它重新提出来",
    },
    "en": {
        ObjectionMove.raise_: "raise your concern",
        ObjectionMove.restate: "they talked past your concern; raise it again in other words",
        ObjectionMove.bring_back: "your earlier concern is still unresolved; bring it back",
    },
}
_REFUSAL = {
    "zh": "先别答应他提的下一步，",
    "en": "don't agree to the step they proposed; ",
}
_MOODS = {
    "guarded": ("戒备，不太想多聊，话说得短", "guarded, not keen to talk, short answers"),
    "warming": ("有点松动，愿意多说两句", "warming up a little, willing to say a bit more"),
    "open": ("比较信任对方，愿意交底", "fairly trusting, willing to open up"),
    "impatient": ("不耐烦，想快点结束", "impatient, wants to wrap up"),
    "annoyed": ("被冒犯了，有点不高兴", "put off and a little annoyed"),
}


class ReactionHints(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    version: int
    zh: dict[LineKey, str]
    en: dict[LineKey, str]


# Lines that only ever run into another sentence, or restate a concern: not reactions.
_NOT_REACTIONS = {k for k in get_args(LineKey) if k.endswith("_lead") or k.startswith("again_")}


@lru_cache
def reaction_hints() -> ReactionHints:
    path = data_dir("prompts") / "buyer_reactions.yaml"
    hints = ReactionHints.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    wanted = set(get_args(LineKey)) - _NOT_REACTIONS
    for lang in ("zh", "en"):
        missing = sorted(wanted - set(getattr(hints, lang)))
        if missing:
            raise ValueError(f"buyer_reactions.yaml ({lang}): no hint for {', '.join(missing)}")
    return hints


def mood(key: str, language: str) -> str:
    zh, en = _MOODS[key]
    return zh if language == "zh" else en


def note_values(plan: TurnPlan, language: str, mood_key: str) -> dict[str, Any]:
    """The turn note's variables (prompts/buyer-turn.*.md) for a plan."""
    lang = "zh" if language == "zh" else "en"
    table = getattr(reaction_hints(), lang)
    answers = []
    for d in plan.answers:
        if d.key == "advance:accepts":
            continue
        if d.key.startswith("reason:"):
            how = _REASON[lang]
        elif d.key.startswith("resolution:"):
            how = _RESOLUTION[lang]
        else:
            how = _DEPTH[lang][d.depth]
        # The trainee's words never go into a system message: answers keep the order asked.
        answers.append({"how": how, "text": voice.content_for(d, language)})
    due = plan.objection
    objection = None
    if due is not None:
        how = _OBJECTION[lang][due.move]
        objection = {"how": (_REFUSAL[lang] if due.refusal else "") + how, "text": due.text}
    accepted = next((d.text for d in plan.answers if d.key == "advance:accepts"), "")
    reactions = [table[r.line] for r in plan.reactions]
    if plan.suffix:
        reactions.append(table[plan.suffix])
    if plan.closing:
        reactions.append(table[plan.closing])
    return {
        "mood": mood(mood_key, lang),
        "answers": answers,
        "withheld": [table[w] for w in plan.withheld],
        "reactions": reactions,
        "objection": objection,
        "accepted": accepted,
        "ended": plan.closing is not None,
    }
