"""Words the scorecard speaks: evidence notes and reasons, zh and en."""

from __future__ import annotations

NOTES: dict[str, tuple[str, str]] = {
    # evidence notes: (zh, en)
    "open_question": ("开放式提问", "open question"),
    "closed_question": ("封闭式提问", "closed question"),
    "followup": ("顺着客户的话追问", "follow-up on what the buyer said"),
    "feedback_request": ("寻求客户反馈、确认理解", "asks for feedback"),
    "summary": ("用自己的话确认需求", "confirms the need in own words"),
    "leading": ("诱导式提问", "leading question"),
    "product_question": (
        "问客户喜不喜欢产品，而不是问客户的业务",
        "asks about liking the product, not the business",
    ),
    "brushed_past": (
        "客户刚说出严重问题，这里却换了话题",
        "moves on from what the buyer just disclosed",
    ),
    "interrogation": ("连续封闭式提问，像在审问", "a run of closed questions with no follow-up"),
    "monologue": ("长篇推介，没有提问", "long pitch without a question"),
    "pitch_first": ("还没了解需求就介绍产品", "pitches before any discovery"),
    "problem_question": ("问题型提问（难点与不满）", "problem question"),
    "implication_question": ("暗示型提问（问题带来的影响）", "implication question"),
    "need_payoff_question": ("需求-效益型提问", "need-payoff question"),
    "personal_probe": ("关注客户个人的利益与压力（买点）", "asks about the buyer's own stake"),
    "decision_probe": ("了解决策流程与决策人", "asks about the decision process"),
    "value": ("结合客户讲过的需求谈价值", "value tied to the buyer's stated need"),
    "buyer_disclosed": ("客户说出了痛点", "the buyer disclosed a pain"),
    "buyer_impact": ("客户说出了问题的影响", "the buyer stated an impact"),
    "buyer_personal": ("客户说出了个人的顾虑", "the buyer shared a personal stake"),
    "objection": ("客户提出异议", "buyer objection"),
    "understanding": ("先表示理解", "acknowledges with understanding"),
    "counter_question": ("反问，挖顾虑背后的原因", "counter-question to uncover the reason"),
    "nod_then_pitch": (
        "表示理解后直接推介，没有问顾虑",
        "a nod straight into the pitch; the concern was not asked about",
    ),
    "proof": ("用案例或数据回应", "answers with a case or data"),
    "proof_unasked": (
        "没问清顾虑就搬出案例或数据",
        "recites a case or figures before asking about the concern",
    ),
    "pilot": ("提出低风险的小步尝试", "offers a low-risk small step"),
    "argument": ("与客户争辩", "argues with the buyer"),
    "discount": ("马上让价", "offers a discount at once"),
    "give_up": ("放弃推进", "gives up"),
    "badmouth": ("贬低竞争对手", "runs down a competitor"),
    "parked": (
        "先把顾虑放一放，之后又接了回来",
        "sets the concern aside for now and comes back to it",
    ),
    "ignored": ("没有回应客户的异议", "ignores the objection"),
    "advance": ("提出明确的下一步", "proposes a concrete next step"),
    "hard_close": ("需求未确认就要求成交", "asks for the order before the need is confirmed"),
    "buyer_softened": ("客户态度松动", "the buyer softened"),
    "buyer_accepted": ("客户同意了下一步", "the buyer agreed to a next step"),
    "injection": ("这句话是说给评分系统的，不计分", "addressed to the scorer; ignored"),
    # why the buyer turned the next step down, by the code in its record (app/buyer/advance.py)
    "refused": ("客户没有同意下一步", "the buyer did not agree to the step"),
    "refused_needs": (
        "客户觉得你对他们的情况还了解得不够，需求没挖到位",
        "the buyer felt you did not yet understand their situation: too few needs uncovered",
    ),
    "refused_trust": ("客户对你的信任还不够", "the buyer did not trust you enough yet"),
    "refused_concern": (
        "客户还有顾虑没有打消，下一步被这个顾虑挡住了",
        "a concern of the buyer's was still standing in the way",
    ),
    "refused_unfitting": (
        "提议的下一步不合客户这个阶段的需要",
        "the step proposed did not fit what the buyer needed at this stage",
    ),
    "refused_stall": (
        "客户用托辞把下一步拖住了，托辞没有被处理",
        "the buyer stalled, and the stall was not dealt with",
    ),
}


def note(key: str, language: str) -> str:
    zh, en = NOTES[key]
    return zh if language == "zh" else en


def pick(language: str, zh: str, en: str) -> str:
    return zh if language == "zh" else en
