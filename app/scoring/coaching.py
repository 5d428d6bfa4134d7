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
from app.scoring.features import Features, presses
from app.scoring.schema import TurnCoaching

# code -> (zh label, en label)
LABELS: dict[str, tuple[str, str]] = {
    "addressed_to_scorer": ("对系统说话（不计分）", "addressed to the scorer (ignored)"),
    "gave_up": ("放弃", "gave up"),
    "argued": ("争辩", "argued"),
    "discounted": ("让价", "offered a discount"),
    "hard_close": ("要求成交", "asked for the order"),
    "objection_understanding_question": (
        "处理异议：理解+反问",
        "objection response: understanding + question",
    ),
    "objection_question": ("处理异议：反问", "objection response: question"),
    "objection_understanding": ("处理异议：仅表示理解", "objection response: understanding only"),
    "objection_value": ("处理异议：用价值/案例回应", "objection response: value or proof"),
    "objection_ignored": ("没有回应异议", "objection ignored"),
    "objection_nod_then_pitch": (
        "处理异议：表示理解后直接推介",
        "objection response: a nod, then the pitch",
    ),
    "objection_proof_unasked": (
        "处理异议：没问顾虑就摆案例",
        "objection response: proof before asking",
    ),
    "objection_pressed": ("处理异议：施压而非反问", "objection response: pressure, not a question"),
    "brushed_past": ("没有接住客户说出的问题", "moved on from what the buyer disclosed"),
    "summary": ("总结确认需求", "summary of the need"),
    "advance": ("提出下一步", "proposed a next step"),
    "value_statement": ("结合需求谈价值", "value tied to a stated need"),
    "pitch": ("产品推介", "pitch"),
    "greeting": ("寒暄开场", "greeting"),
    "statement": ("陈述", "statement"),
    "personal_probe": ("了解个人利益", "asks about the buyer's own stake"),
    "decision_probe": ("了解决策流程", "asks about the decision process"),
}
_FORM = {QuestionForm.open: ("开放式", "open"), QuestionForm.closed: ("封闭式", "closed")}
_STAGE = {
    SpinStage.situation: ("背景问题", "situation question"),
    SpinStage.problem: ("难点问题", "problem question"),
    SpinStage.implication: ("影响问题", "implication question"),
    SpinStage.need_payoff: ("价值问题", "need-payoff question"),
}
TIPS: dict[str, tuple[str, str]] = {
    "closed_situation": (
        "换成开放式问题让客户多讲，比如“现在这块具体是怎么做的？”",
        'Open it up so the buyer talks: "How does that work today?"',
    ),
    "too_much_situation": (
        "背景问得差不多了，转到难点：“这里面最让您头疼的是什么？”",
        'You have the background; move to problems: "What\'s the hardest part of that?"',
    ),
    "problem": (
        "顺着追问影响：“这个问题对交付、成本或客户有什么影响？”",
        'Follow with the impact: "What does that cost you, or who feels it?"',
    ),
    "implication": (
        "再进一步，请客户自己说出价值：“如果这个问题解决了，对您意味着什么？”",
        'Let the buyer state the value: "If that were solved, what would it mean for you?"',
    ),
    "pitch": (
        "先别介绍产品，问一个关于客户业务的问题，等了解需求后再谈方案。",
        "Hold the pitch; ask about their business first and fit the solution to what you learn.",
    ),
    "argued": (
        "不要争辩，先理解再反问：“您这么说肯定有原因，能说说您最担心的是什么吗？”",
        'Don\'t argue. Acknowledge, then ask: "You must have a reason for that. What worries you most?"',
    ),
    "discounted": (
        "别急着降价，用价值回应：先弄清客户在跟谁比、比的是什么。",
        "Don't discount; answer with value. First find out what they compare you with.",
    ),
    "gave_up": (
        "拒绝是反应，不是反对。先理解，再反问原因，再提一个小的下一步。",
        "A refusal is a reaction, not a verdict. Acknowledge, ask why, then propose a small next step.",
    ),
    "hard_close": (
        "需求还没确认就要订单太早了，先确认需求，再提一个合适的下一步（如现场调研）。",
        "Too early to ask for the order. Confirm the need, then propose a fitting step such as a site visit.",
    ),
    "objection_ignored": (
        "客户刚提出了顾虑，先回应它：表示理解，再问背后的原因。",
        "The buyer just raised a concern. Address it first: acknowledge and ask what's behind it.",
    ),
    "objection_understanding": (
        "理解之后加一个反问，弄清楚顾虑背后的真正原因。",
        "After acknowledging, ask a question to uncover the real reason.",
    ),
    "objection_nod_then_pitch": (
        "一句“理解”接着就推产品，等于没听。先问一句：“您这么说，主要是担心哪一块？”",
        'A nod followed by the pitch tells the buyer you did not listen. Ask first: "What\'s behind that?"',
    ),
    "objection_proof_unasked": (
        "案例和数据要等弄清顾虑再拿出来，并且对准那个顾虑；先问清楚客户为什么这么说。",
        "Save the case study until you know the concern, then aim it at that; first ask why they say so.",
    ),
    "objection_pressed": (
        "反问要问客户的顾虑（原因、来由、要看到什么），而不是用问句推产品或催会面。",
        "Ask about the concern (why, how it came about, what they'd need to see), not for the meeting.",
    ),
    "brushed_past": (
        "客户刚说出了要紧的事，先接住：问一句这件事对业务、对他本人意味着什么，再往下问。",
        "The buyer just told you something that matters. Take it up: ask what it means for them before moving on.",
    ),
    "advance_no_summary": (
        "提下一步之前，先用自己的话总结一下客户的需求，请客户确认。",
        "Before proposing a step, summarise the need in your words and get a yes.",
    ),
    "addressed_to_scorer": (
        "这句话不是说给客户的，不会计分。把注意力放回客户身上。",
        "That was not said to the buyer and counts for nothing. Talk to the buyer.",
    ),
    "leading": (
        "别替客户下结论，换成中性的问题：“您怎么看？”",
        "Don't put words in the buyer's mouth; ask neutrally: \"How do you see it?\"",
    ),
    "product_question": (
        "别问客户喜不喜欢产品，问他们的业务和难点。",
        "Don't ask whether they like the product; ask about their business.",
    ),
}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[0] if language == "zh" else pair[1]


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
        if turn.questions and all(q.stage is SpinStage.situation for q in turn.questions):
            situation_streak += 1
            if situation_streak >= 4 and tip_key in (None, "closed_situation"):
                tip_key = "too_much_situation"
        else:
            situation_streak = 0
        if turn.has(Act.summary):
            summarised = True
        if label_key == "advance" and not summarised:
            tip_key = "advance_no_summary"
        if label_key:
            label = _pick(LABELS[label_key], lang)
        else:
            lead = max(turn.questions, key=lambda q: list(SpinStage).index(q.stage))
            form, stage = _pick(_FORM[lead.form], lang), _pick(_STAGE[lead.stage], lang)
            label = f"{form}{stage}" if lang == "zh" else f"{form} {stage}"
        out.append(
            TurnCoaching(
                index=turn.index,
                code=code,
                label=label,
                tip=_pick(TIPS[tip_key], lang) if tip_key else None,
            )
        )
        last_buyer = None if after_objection else last_buyer
    return out
