"""Scripted trainees for the realism check: a consultant, a pitcher, a folder, an arguer.

Each is a policy: given the scenario and the conversation so far it says its
next line. The consultant does what RUBRIC.md rewards, building its questions
from what a good listener would know (the facts and needs it is probing for,
by their keywords); the others do the anti-patterns. They read the buyer's
state to know whether an objection is open, as a trainee reads the buyer's
words. Lines are plain zh or en.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from app.buyer.state import BuyerState, ObjectionStatus
from app.scenarios.schema import Need, NeedLayer, Objection, Resolution, Scenario


class Trainee(Protocol):
    style: str

    def next_line(self, scenario: Scenario, state: BuyerState, last_reply: str) -> str | None: ...


def _zh(scenario: Scenario) -> bool:
    return scenario.language == "zh"


def _kw(keywords: list[str], used: set[str]) -> str:
    for k in keywords:
        if k not in used:
            used.add(k)
            return k
    return keywords[0]


def _open_objection(
    scenario: Scenario, state: BuyerState
) -> tuple[Objection, ObjectionStatus] | None:
    if state.open_objection is None:
        return None
    o = next(x for x in scenario.objections if x.id == state.open_objection)
    return o, state.objections[o.id].status


@dataclass
class Consultant:
    """Questions in SPIN order, understanding + a question about every objection, the
    fitting remedy once the concern is out, a summary, then the advance; persistent,
    but not pushy: it asks for the step again only after it has learnt something."""

    style: str = "consultant"
    turn: int = 0
    asked: dict[str, int] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    remedied: set[str] = field(default_factory=set)
    proposals: int = 0
    summarised: bool = False

    def next_line(self, scenario: Scenario, state: BuyerState, last_reply: str) -> str | None:
        self.turn += 1
        zh = _zh(scenario)
        if state.advance_granted:
            return None
        handling = _open_objection(scenario, state)
        if handling is not None:
            o, status = handling
            if status is ObjectionStatus.open:
                return (
                    "我理解，您有这个顾虑很正常，换作是我也会这么想。能具体说说，主要是担心哪方面吗？"
                    if zh
                    else "I understand, that's a fair concern and I'd feel the same. What's behind it, if you don't mind me asking?"
                )
            if o.trigger.value != "advance" and o.id not in self.remedied:
                answer = self._resolve(scenario, state, o)
                if answer is not None:
                    self.remedied.add(o.id)
                    return answer
            # Nothing more to answer it with yet: keep discovering.
        if self.turn > 1 and self._ready(scenario, state) and self.summarised:
            if self.proposals < 5:
                return self._propose(scenario)
            return None
        plan = self._plan_step(scenario, state)
        if plan is not None:
            return plan
        if not self.summarised and len(state.revealed_needs) >= 2:
            self.summarised = True
            return self._summary(scenario, state)
        if self.proposals < 5:
            return self._propose(scenario)
        return None

    def _ready(self, scenario: Scenario, state: BuyerState) -> bool:
        return len(state.revealed_needs) >= max(1, scenario.advance.requires_needs)

    def _ask(self, key: str, limit: int = 2) -> bool:
        n = self.asked.get(key, 0)
        if n >= limit:
            return False
        self.asked[key] = n + 1
        return True

    def _plan_step(self, scenario: Scenario, state: BuyerState) -> str | None:
        zh = _zh(scenario)
        if self.turn == 1:
            fact = scenario.facts[0]
            self._ask(f"fact:{fact.id}")
            return (
                f"{scenario.buyer.name}您好，感谢您抽时间见我。我想先听听您这边的情况：咱们{_kw(fact.keywords or [fact.topics[0].value], self.used)}这块，现在是怎么做的？"
                if zh
                else f"Thanks for making the time. Before I say anything about us, I'd like to understand how things work today. How do you handle {_kw(fact.keywords or [fact.topics[0].value], self.used)} at the moment?"
            )
        for need in scenario.needs:
            if need.id in state.revealed_needs:
                continue
            if need.builds_on and need.builds_on not in state.revealed_needs:
                continue
            n = self.asked.get(f"need:{need.id}", 0)
            if not self._ask(f"need:{need.id}", limit=2):
                continue
            return self._probe(scenario, need, n)
        if not state.named_stakeholders and self._ask("decision"):
            return (
                "这个项目如果往前推，除了您，还有哪些人会参与决策？最后谁来拍板？"
                if zh
                else "If this moves forward, who else would be involved in the decision, and who signs off?"
            )
        if "budget" not in state.shared_decision and self._ask("budget", limit=1):
            return (
                "预算上，这类项目一般是怎么安排的？"
                if zh
                else "How is budget usually handled for a project like this?"
            )
        return None

    def _probe(self, scenario: Scenario, need: Need, attempt: int) -> str:
        """A question for the need: the author's own example questions first, as a
        trainee would phrase them, else one built around its keywords."""
        if attempt < len(need.probes):
            return need.probes[attempt]
        zh = _zh(scenario)
        kw = _kw(need.keywords, self.used)
        if need.layer is NeedLayer.surface:
            return (
                f"在{kw}这块，现在最让您头疼的是什么？"
                if zh
                else f"When it comes to {kw}, what's the biggest problem you're running into?"
            )
        if need.layer is NeedLayer.impact:
            return (
                f"您刚才说的这个情况，在{kw}上会带来什么影响？对业务的代价有多大？"
                if zh
                else f"What does that do to {kw}? How much is it costing the business?"
            )
        return (
            "这件事对您个人来说压力大吗？在您的考核上会有什么影响？"
            if zh
            else "And what does all this mean for you personally, given your own targets?"
        )

    def _resolve(self, scenario: Scenario, state: BuyerState, o: Objection) -> str | None:
        """Answer the concern the way it can be answered: a case, a small step, or value."""
        zh = _zh(scenario)
        if Resolution.proof in o.resolved_by:
            return (
                "我们在同行业已经有类似的客户案例，上线后的效果有数据，可以安排您去现场参观。"
                if zh
                else "We've done this for other companies like yours, with measured results, and I can arrange a visit to one of them."
            )
        if Resolution.pilot in o.resolved_by:
            return (
                "要不我们先小范围做个试点，风险可控，效果您自己看。"
                if zh
                else "How about we start with a small pilot, so the risk stays low and you judge the results yourself?"
            )
        if not state.revealed_needs:
            return None
        need = scenario.need(state.revealed_needs[-1])
        kw = next((k for k in need.keywords if k.lower() in need.says.lower()), need.keywords[0])
        return (
            f"针对您刚才说的{kw}的问题，我们可以帮您把这块的损失降下来，直接解决{kw}这件事。"
            if zh
            else f"On the {kw} problem you just described, we can help you cut that loss and fix {kw} directly."
        )

    def _summary(self, scenario: Scenario, state: BuyerState) -> str:
        needs = [scenario.need(n).summary for n in state.revealed_needs[:3]]
        if _zh(scenario):
            return f"我确认一下：您现在最关心的是{'；'.join(needs)}，我理解得对吗？"
        return f"Let me make sure I understand: what matters most is {'; '.join(needs)}. Did I get that right?"

    def _propose(self, scenario: Scenario) -> str:
        self.proposals += 1
        if _zh(scenario):
            return f"那我们下一步这样安排：{scenario.advance.goal.rstrip('。')}。您看可以吗？"
        return f"Could we set up the next step: {scenario.advance.goal.rstrip('.')}. Would that work for you?"


@dataclass
class Pitcher:
    """Features, a demo, a discount and a contract; no questions about the buyer's business."""

    style: str = "pitcher"
    turn: int = 0

    def next_line(self, scenario: Scenario, state: BuyerState, last_reply: str) -> str | None:
        self.turn += 1
        zh = _zh(scenario)
        lines_zh = [
            f"{scenario.buyer.name}您好，我们{scenario.seller_company}是行业领先的厂商，我们的{scenario.product}功能全面，技术先进，已经服务了几百家客户。",
            "我们的产品性价比很高，上线快，服务好，很多大企业都在用，口碑非常好。",
            "您看下周我们给您做个产品演示怎么样？",
            "我们的系统真的很适合您，今天就可以把合同签了，我给您打个九折。",
            "我们的方案功能是最全的，技术也是最先进的，您用了肯定满意。",
            "您看什么时候方便，我们再来拜访一次？",
        ]
        lines_en = [
            f"Hi, we're {scenario.seller_company}, the leading provider in the market. Our solution ({scenario.product}) is feature-rich, proven and trusted by hundreds of customers.",
            "Our platform is powerful, easy to use and the best value on the market; many large companies rely on it.",
            "Can we schedule a demo next week?",
            "Honestly, our solution is perfect for you. If you sign today I can give you a 10% discount.",
            "We offer the most complete features and the best technology in the industry.",
            "When would be a good time for us to visit again?",
        ]
        lines = lines_zh if zh else lines_en
        return lines[self.turn - 1] if self.turn <= len(lines) else None


@dataclass
class Folder:
    """Asks one question and gives up at the first objection."""

    style: str = "folder"
    turn: int = 0

    def next_line(self, scenario: Scenario, state: BuyerState, last_reply: str) -> str | None:
        self.turn += 1
        zh = _zh(scenario)
        if state.open_objection is not None or self.turn > 2:
            return (
                "那好吧，那我就不打扰了，您需要的时候再联系我。"
                if zh
                else "Okay, no problem. Sorry to bother you, I'll let you go."
            )
        return (
            "您好，我是来介绍我们产品的。咱们现在这块是怎么做的？"
            if zh
            else "Hi, I'm here to tell you about our product. How do you handle this today?"
        )


@dataclass
class Arguer:
    """Asks, then argues with every objection."""

    style: str = "arguer"
    turn: int = 0

    def next_line(self, scenario: Scenario, state: BuyerState, last_reply: str) -> str | None:
        self.turn += 1
        zh = _zh(scenario)
        if self.turn == 1:
            return (
                "您好，咱们现在这块业务是怎么做的？" if zh else "Hi. How do you handle this today?"
            )
        if self.turn > 6:
            return None
        if state.open_objection is not None:
            return (
                "您这么说不对，现在哪家还这样做，您这种想法太落后了。"
                if zh
                else "With respect, that's just not true. Nobody works like that anymore, you're being too cautious."
            )
        return (
            "不可能出问题的，您不了解我们的产品，用了就知道了。"
            if zh
            else "There's no risk at all. You don't understand our product yet; you'll see once you use it."
        )


@dataclass
class Discounter:
    """Asks one question, then answers every objection with a price cut and pushes for the step."""

    style: str = "discounter"
    turn: int = 0

    def next_line(self, scenario: Scenario, state: BuyerState, last_reply: str) -> str | None:
        self.turn += 1
        zh = _zh(scenario)
        if self.turn > 7:
            return None
        if self.turn == 1:
            return "您好，咱们现在这块是怎么做的？" if zh else "Hi. How do you handle this today?"
        if state.open_objection is not None:
            return (
                "这样，价格上我给您打个八折，今年内签的话再送一年服务。"
                if zh
                else "Tell you what, I can take 20% off and throw in a year of service if you sign this year."
            )
        return (
            f"那我们下一步这样安排：{scenario.advance.goal.rstrip('。')}。价格您放心，肯定给您最低价。您看可以吗？"
            if zh
            else f"Could we set up the next step: {scenario.advance.goal.rstrip('.')}. And I'll make sure you get our lowest price. Would that work?"
        )


def all_styles() -> list[Trainee]:
    return [Consultant(), Pitcher(), Folder(), Arguer(), Discounter()]
