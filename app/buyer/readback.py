"""What a model's reply actually disclosed, read back against the plan that allowed it.

The LLM buyer is told which content it may draw on; whether it did is read
from its words: a planned item counts as said when the reply shares enough of
its wording (its content terms, figures included) or names the person. The
buyer's state records only what was said, so a model that answered around a
question leaves that need for a later turn, as a person would.
"""

from __future__ import annotations

from app.analysis.text import content_terms
from app.buyer.plan import Depth, Disclosure, TurnPlan
from app.scenarios.schema import Scenario

MIN_SHARED = 3
MIN_SHARE = 0.25


def draws_on(reply: str, text: str) -> bool:
    """Whether `reply` carries enough of `text` to have said it (in other words or not)."""
    terms = content_terms(text)
    if not terms:
        return False
    shared = terms & content_terms(reply)
    return len(shared) >= min(MIN_SHARED, len(terms)) and len(shared) >= MIN_SHARE * len(terms)


def _names(scenario: Scenario, key: str) -> list[str]:
    ident = key.split(":", 1)[1]
    person = next((s for s in scenario.decision.stakeholders if s.id == ident), None)
    return [person.name, person.title] if person is not None else []


def said(scenario: Scenario, plan: TurnPlan, reply: str) -> list[str]:
    """The keys of the plan's new content that the reply actually disclosed."""
    out = []
    for d in plan.answers:
        if d.depth is Depth.recall:
            continue
        if _disclosed(scenario, d, reply):
            out.append(d.key)
    return out


def _disclosed(scenario: Scenario, d: Disclosure, reply: str) -> bool:
    if d.key.startswith("stakeholder:"):
        lowered = reply.lower()
        if any(n and n.lower() in lowered for n in _names(scenario, d.key)):
            return True
    text = d.text
    if d.depth is Depth.brief:
        text = text.split("。")[0] if scenario.language == "zh" else text.split(". ")[0]
    return draws_on(reply, text)
