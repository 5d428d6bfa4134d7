"""Checks on an LLM buyer's words before they are stored: in role, brief kept.

The model is told the rules and given only the content it may use; this is
the safety net. A reply that talks about being an AI, the prompt or scores,
coaches the trainee, or gives away a hidden need beyond this turn's limits is
replaced by the offline buyer's reply for the same plan, which is in role by
construction.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from app.analysis.text import content_terms
from app.scenarios.schema import Scenario

_OUT_OF_ROLE = re.compile(
    r"我是(一个)?(AI|人工智能|机器人|语言模型|助手)|作为(一个)?(AI|人工智能|语言模型|助手|模型)|语言模型|角色扮演|扮演(的)?(角色|客户)|"
    r"本轮提示|提示词|系统提示|评分|打分|满分|销售技巧|你(应该|可以)(先)?(问|试着)|建议你(问|先)|"
    r"\b(I am|I'm|as) an? (AI|language model|assistant|chatbot)\b|\blanguage model\b|\brole-?play|"
    r"\bturn note\b|\bsystem prompt\b|\b(rubric|scoring|full marks)\b|\byou should (ask|try)\b|\bgood question to ask\b",
    re.I,
)
LEAK_SHARE = 0.45
LEAK_MIN_TERMS = 4


def violation(reply: str, scenario: Scenario, allowed_needs: Collection[str]) -> str | None:
    """Why the reply can't be used, or None when it can (`allowed_needs`: said before or now)."""
    if not reply.strip():
        return "empty"
    if _OUT_OF_ROLE.search(reply):
        return "out_of_role"
    said = content_terms(reply)
    for need in scenario.needs:
        if need.id in allowed_needs:
            continue
        terms = content_terms(need.says)
        shared = terms & said
        if len(shared) >= LEAK_MIN_TERMS and len(shared) / max(1, len(terms)) >= LEAK_SHARE:
            return f"leak:{need.id}"
    return None
