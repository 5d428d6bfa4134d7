"""The buyer's policy: from a trainee turn to a plan and the buyer's new state.

In the order a guarded key-account customer reacts: how the turn sounds
(trust and patience), the objection on the table (opened up, resolved, said
again or set aside), a proposed step (judged on its content), then the
answers to what was asked, reactions to what was said, and a new objection
when something sets one off — said after the answer, never instead of it.

`decide` leaves the content it plans to say out of the state; `disclose`
records what was actually said (all of it for the offline voice, what the
model's reply shows for the LLM voice), so the state never claims more than
the transcript holds.
"""

from __future__ import annotations

import re

from app.analysis import lexicon as lx
from app.analysis.intent import Intent
from app.analysis.model import (
    INTERROGATION_RUN,
    MONOLOGUE_WORDS,
    PITCH_WORDS,
    Act,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.analysis.text import sentences
from app.analysis.trainee import names_the_time
from app.buyer import advance, answers, objections
from app.buyer.asking import ASKS_FOR_CONTENT, Asked
from app.buyer.lines import Phrasebook, digest
from app.buyer.plan import Depth
from app.buyer.state import BuyerState, EndReason, ObjectionStatus
from app.buyer.turn import Turn
from app.scenarios.content import ItemKind
from app.scenarios.schema import NeedLayer, Scenario

_STAGE_TRUST = {
    SpinStage.situation: 1,
    SpinStage.problem: 2,
    SpinStage.implication: 3,
    SpinStage.need_payoff: 2,
}
# Words no buyer takes quietly: insults, and offers to get round the rules.
_INSULT = re.compile(
    r"(你|您)(是不是)?(傻|蠢|笨|懂个|外行|脑子)|什么都不懂|真是(无知|糊涂)|\b(stupid|idiot|clueless|dumb|incompetent|you don'?t have a clue)\b",
    re.I,
)
# "…which was dumb of me", "我刚才是挺蠢的": the seller owning a mistake insults nobody.
_SELF_BLAME = re.compile(
    r"我(刚才|之前|前面)?(是|真|也)?(挺|太|有点|真是)?(傻|蠢|笨)|"
    r"\b(dumb|stupid) (of me|move on my part)\b|\b(i was|i've been|that was me being) (\w+ )?(dumb|stupid)\b",
    re.I,
)


def _insults(text: str) -> bool:
    return bool(_INSULT.search(_SELF_BLAME.sub("", text)))


_IMPROPER = re.compile(
    r"(不用|不走|绕过|绕开|跳过|省掉)(公开)?(招标|招投标|采购流程|比选)|回扣|返点给您|好处费|私下(给|打|塞|找|聊|见|定)|红包|"
    r"配合(做|写|出)参数|控标|定向(招标|采购)|拆(成|分).{0,8}(小项目|几单|几个合同)|(不用|不必)(您)?出面|"
    r"\b(skip|bypass|get around|avoid) (the )?(tender|bid(ding)?|procurement|rfp)\b|\bkickback\b|\bunder the table\b|\b(a little )?something for you personally\b",
    re.I,
)


SURE_CONTENT = 0.6
SURE_PROPOSAL = 0.5
_RHETORICAL = re.compile(
    r"能不|难道|哪有|哪能|怎么可能|谁还|\b(who wouldn'?t|how could (i|we)|isn'?t it obvious)\b",
    re.I,
)


def _asks_seller(text: str) -> bool:
    """The buyer put a real question to the seller (not a rhetorical one)."""
    parts = sentences(text)
    last = parts[-1].text if parts else ""
    return last.endswith(("？", "?")) and not _RHETORICAL.search(last)


def decide(
    scenario: Scenario,
    state: BuyerState,
    analysis: TraineeTurnAnalysis,
    lines: Phrasebook,
    seed: int,
    buyer_index: int,
) -> Turn:
    """Plan the buyer's reply to the last trainee turn (`turn.plan`). `state` is not changed."""
    t = Turn(scenario, state.model_copy(deep=True), analysis, lines, seed, buyer_index)
    _run(t)
    return t


def _run(t: Turn) -> None:
    st, a = t.state, t.analysis
    st.trainee_turns += 1
    st.adjust(patience=-2)  # a busy buyer: every turn costs a little
    if a.has(Act.injection):
        # Whatever else the text says, the buyer hears nonsense aimed at someone else.
        st.adjust(trust=-5, patience=-15)
        t.react("stay_in_role")
        t.plan.events["stayed_in_role"] = True
        _patience(t)
        return
    if a.words < 2 and not a.questions:
        st.adjust(patience=-8)
        t.react("prompt_more")
        _patience(t)
        return
    if a.has(Act.give_up) or _takes_leave(t):
        t.end(EndReason.trainee_left, "accept_leave")
        return
    moves = _moves(t)
    _tone(t)
    objections.handle_open(t)
    if moves and not _only_a_probe(t):
        advance.judge(t)
    if a.has(Act.summary) and a.evidence.get(Act.summary) != a.evidence.get(Act.advance):
        _summary(t)
    answers.answer_all(t)
    _statements(t)
    _dissolve_by_discovery(t)
    objections.raise_due(t)
    if not t.spoke:
        t.react("advance_granted_wrapup" if st.advance_granted else "generic_ack")
    _patience(t)


# Saying goodbye: "Okay. Thanks for your time.", "那今天就先到这儿，不打扰您了。"
_FAREWELL = re.compile(
    r"(今天)?(就)?(先)?(聊到|说到|到)这(儿|里)?(吧|了)|再见|告辞|不打扰(您|你)?了|改天再(聊|约|来)|"
    r"\b(thanks|thank you) (again )?for (your|the) time\b|\bgood ?bye\b|\bbye\b|"
    r"\bi'?ll let you go\b|\bthat'?s all (for today|i had|i needed)\b",
    re.I,
)
LEAVE_WORDS = 25  # a goodbye is short; a long turn that ends with one said more


def _takes_leave(t: Turn) -> bool:
    """A short goodbye after the meeting has started, with no question or step in it."""
    a = t.analysis
    return (
        t.state.trainee_turns > 1
        and not a.questions
        and not a.has(Act.advance)
        and a.words <= LEAVE_WORDS
        and bool(_FAREWELL.search(a.text))
    )


# Talking down to the buyer: not an argument about a fact, still arguing with them.
_CONDESCENDING = re.compile(
    r"(您|你)(还)?没(看到|看明白|想明白|搞明白|明白)|(您|你)(根本)?(不懂|不明白|没概念)|格局|想太多了|"
    r"\byou('re| are) (not|missing) (seeing |getting )?the (big|bigger) picture\b|\byou don'?t (get|see|understand) (it|this)\b|"
    r"\btrust me\b|\bwith all due respect\b",
    re.I,
)


def _moves(t: Turn) -> bool:
    """Consume the questions that are part of a move, not asking for content ("shall we
    meet Tuesday?", "did I get that right?" after a summary): the move gets the reply.
    True when the turn proposes a step or asks for the order.

    A "move" the cues saw in a question the intent reader is sure asks for content
    ("付款按什么节奏走？", "how confident are you in the number you'll book?") was a
    misreading: the buyer answers the question instead.
    """
    a = t.analysis
    steps = {a.evidence.get(x) for x in (Act.advance, Act.hard_close)} - {None}
    misread: set[str] = set()
    for asked in t.asked:
        if asked.question.text in steps and (
            (asked.intent in ASKS_FOR_CONTENT and asked.reading.confidence >= SURE_CONTENT)
            or _choice_about_their_decision(t, asked)
        ):
            misread.add(asked.question.text)
    steps -= misread
    closes: set[str] = set()
    # "pilot 40 trucks toledo, meet next week w/ maria?": a step the cues missed, read as a
    # proposal (not a question for content) and naming a step; or the second half of one
    # ("先挑几家店跑一个月？下周我把方案带过来，跟您和信息部一起过一下？").
    for asked in t.asked:
        text = asked.question.text
        if (
            text not in misread
            and asked.intent is Intent.other
            and asked.reading.confidence >= SURE_PROPOSAL
            and (lx.NEXT_STEP.find(text, t.language) or advance.step_kinds(text, t.language))
        ):
            steps.add(text)
        elif (
            text not in misread
            and a.has(Act.advance)
            and not (asked.intent in ASKS_FOR_CONTENT and asked.reading.confidence >= SURE_CONTENT)
            and lx.PROPOSING.search(text, t.language)
            and (lx.NEXT_STEP.find(text, t.language) or advance.step_kinds(text, t.language))
        ):
            # "案例我们有，可以安排您去看；…您看这样行不行：下周我带顾问去做一次调研？":
            # the turn's step is asked again as its closing question.
            steps.add(text)
        elif (
            text not in misread
            and a.has(Act.hard_close)
            and lx.ORDER.find(text, t.language) is not None
        ):
            steps.add(text)  # "...36-month term. Deal?": the close asked as its own question
            closes.add(text)
    t.asks_order = a.has(Act.hard_close) and (
        a.evidence.get(Act.hard_close) in steps or not t.asked or bool(closes)
    )
    t.proposal = a.evidence.get(Act.advance) or next(iter(steps), None)
    moves = set(steps)
    if a.has(Act.summary):
        moves |= {a.evidence.get(Act.summary), a.evidence.get(Act.feedback_request)}
    proposed = False
    for i, asked in enumerate(t.asked):
        summary_check = a.has(Act.summary) and asked.intent is Intent.check
        text = asked.question.text
        if text in steps:
            proposed = True
        if (
            text in moves
            or summary_check
            or (proposed and names_the_time(text, t.language))  # "...? How about Tuesday?"
            # "A working session next week… Would that work?": the step, asked for
            or (t.proposal is not None and _STEP_TAG.search(text))
        ):
            t.consumed.add(i)
    return bool(steps) or t.asks_order


# Agreement asked for the step just put: "Would that work?", "您看行吗？", "Sound fair?".
_STEP_TAG = re.compile(
    r"^\W*(so,? )?((would|does|could|will) (that|this|it) (work|suit you|be ok(ay)?|sound|"
    r"be worth (it|an hour|a look|a try|your time|half an hour))|"
    r"how (does|would) (that|this) (sound|work)|(does )?(that|this) (sound|work)s?( ok(ay)?| good| fair)?( for you)?|"
    r"sound (good|fair|ok(ay)?)|fair|ok(ay)?|deal|works for you)\W*$|"
    r"^\W*(那)?(您|你)?(看)?(这样)?(行吗|行不行|可以吗|可不可以|怎么样|如何|合适吗|方便吗|好吗)\W*$",
    re.I,
)


# "是要打报告上去，还是您签个字就行？", "do you roll it out this year or wait?": the
# buyer is asked to pick between ways their own organisation decides, not to agree to one.
SURE_DECISION = 0.6  # how closely such a question must match a decision item of the scenario


def _choice_about_their_decision(t: Turn, asked: Asked) -> bool:
    """An either-or question about how, when or with what money the buyer decides: the
    step words in it ("试一试", "签字", "roll out") describe the choice, they don't propose it.
    A choice of times ("周三还是周四？") stays a proposal."""
    text, best = asked.question.text, asked.best
    return (
        lx.EITHER_OR.search(text) is not None
        and best is not None
        and best.item.kind is ItemKind.decision
        and best.score >= SURE_DECISION
        and not _offers_times(text, t.language)
    )


def _offers_times(text: str, language: str) -> bool:
    """The either-or is between times ("…先做一次现场评估，您看周三还是周四方便？"):
    the clause that holds the choice names when, however long the proposal before it."""
    return any(
        lx.EITHER_OR.search(clause) and names_the_time(clause, language)
        for clause in lx.clauses(text)
    )


def _only_a_probe(t: Turn) -> bool:
    """The "step" the analysis saw is the question that dug into the concern
    ("what would you need to see from that session?"): nothing was proposed."""
    step = t.analysis.evidence.get(Act.advance)
    return (
        step is not None
        and t.probe is not None
        and t.asked[t.probe].question.text == step
        and not t.asks_order
    )


def _tone(t: Turn) -> None:
    a, st = t.analysis, t.state
    if _takes_back(t):
        st.adjust(trust=-8, patience=-8)  # milder than arguing outright, but still arguing
    elif a.has(Act.argument) or _CONDESCENDING.search(a.text):
        st.adjust(trust=-12, patience=-15)
    if a.has(Act.badmouth):
        st.adjust(trust=-6)
    if a.has(Act.leading):
        st.adjust(trust=-4)
    if a.has(Act.discount):
        st.adjust(trust=-6)
    if _insults(a.text):
        st.adjust(trust=-15, patience=-25)
    if _IMPROPER.search(a.text):
        st.adjust(trust=-12, patience=-10)
    if a.has(Act.understanding):
        st.adjust(trust=2)
    if a.has(Act.self_disclosure):
        st.adjust(trust=2)
    if a.has(Act.followup):
        st.adjust(trust=3, patience=3)
    if a.has(Act.feedback_request):
        st.adjust(trust=2)
    if a.pitch_words >= PITCH_WORDS and not a.questions:
        st.pitch_strikes += 1
        st.adjust(trust=-3, patience=-12 if a.pitch_words >= MONOLOGUE_WORDS else -8)
    elif a.pitch_words >= MONOLOGUE_WORDS:
        st.adjust(patience=-6)  # a long pitch with a question tacked on
    for q in a.questions[:2]:  # a barrage of questions earns no more than two
        st.adjust(trust=2 if q.form is QuestionForm.open else 1)
        st.adjust(trust=_STAGE_TRUST[q.stage])
    asking = [x.question for i, x in enumerate(t.asked) if i not in t.consumed]
    situation_only = bool(asking) and all(
        q.form is QuestionForm.closed and q.stage is SpinStage.situation for q in asking
    )
    st.closed_streak = st.closed_streak + 1 if situation_only else 0


def _takes_back(t: Turn) -> bool:
    """An acknowledgement the turn's argument withdrew ("I understand, but ours is better"):
    the analysis drops the understanding and keeps the argument."""
    a = t.analysis
    return (
        a.has(Act.argument)
        and not a.has(Act.understanding)
        and bool(lx.UNDERSTANDING.find(a.text, t.language))
        and not _CONDESCENDING.search(a.text)
    )


def _summary(t: Turn) -> None:
    st = t.state
    if st.advance_granted:
        # "I'll send a recap: four weeks in Iowa, a call with Greg and Tom…": after the
        # yes, a recap is of the agreed step, not of the needs.
        t.react("advance_granted_wrapup")
        return
    shown = [t.scenario.need(n) for n in st.revealed_needs]
    # "您要的是第三方、经得起委员会推敲的东西" plays back the worry the buyer explained:
    # once needs are on the table, as fair a summary as one of them.
    worries = [
        o.reveals
        for o in t.scenario.objections
        if (o_st := st.objections.get(o.id)) is not None
        and o_st.status is ObjectionStatus.reason_shared
    ]
    if shown and (
        any(t.mentions(n.keywords) or t.echoes(n.says) for n in shown)
        or any(t.echoes(w, minimum=3) for w in worries)
    ):
        if not st.summary_confirmed:
            st.adjust(trust=8)
        st.summary_confirmed = True
        # A guess at the worry that hit it: "Yes, that's about it" leads into the story.
        t.react("summary_confirm", first=t.probe is not None)
        t.plan.events["summary_confirmed"] = True
    else:
        st.adjust(trust=-2)
        # Nothing told yet: a summary is premature; needs told and none of them in it: off.
        t.react("summary_off" if shown else "summary_premature")


# What the seller came for, said with the greeting: to hear, learn or ask about something.
_STATES_PURPOSE = re.compile(
    r"(想|希望|主要是?|就是|来)(先|多)?(听听|了解|请教|交流|学习|聊聊|问问|看看)|来(拜访|请教|学习)|"
    r"\b(understand|learn|hear|get a sense|find out|listen|ask you)\b",
    re.I,
)


def _statements(t: Turn) -> None:
    """Reactions to what the turn says rather than asks."""
    a, st = t.analysis, t.state
    if _insults(a.text):
        t.react("insult", first=True)
    if _IMPROPER.search(a.text):
        t.react("improper_offer", first=True)
    taken_back = _takes_back(t)
    if taken_back:
        t.react("taken_back", first=True)
    elif (a.has(Act.argument) or _CONDESCENDING.search(a.text)) and not t.plan.advance_accepted:
        # A point that wins the step was a fair one: no "I don't need a lecture" before the yes.
        t.react("argued", first=True)
    if a.has(Act.badmouth):
        t.react("badmouth", first=True)
    # One word on the manner is enough; "…You agree?" after a proposal asks for the step.
    if a.has(Act.leading) and a.questions and not taken_back and not t.proposal:
        t.react("leading_pushback", first=True)
    if st.closed_streak >= INTERROGATION_RUN and not t.proposal:
        st.adjust(patience=-6)
        t.react("interrogation")
    answered = bool(t.plan.answers or t.plan.withheld)
    if a.has(Act.discount) and not any(r.line == "discount_suspicious" for r in t.plan.reactions):
        t.react("discount_unasked")
    elif (
        a.has(Act.value)
        and not a.has(Act.summary)  # a recap's benefits are the buyer's own words
        and not t.plan.events.get("objections_resolved")
        and not t.plan.events.get("advance_refused")
        and not st.advance_granted
    ):
        shown = [t.scenario.need(n) for n in st.revealed_needs]
        if any(t.mentions(n.keywords) or t.echoes(n.says) for n in shown):
            st.adjust(trust=4)
            t.react("value_ack")
        elif not answered:
            t.react("value_unrelated")
    elif a.has(Act.proof) and not answered and not t.plan.events.get("objections_resolved"):
        t.react("proof_interest")
    elif a.pitch_words >= PITCH_WORDS and not a.questions:
        t.react("pitch_brushoff")
    elif a.has(Act.self_disclosure) and not answered:
        t.react("self_disclosure_ack")
    elif a.has(Act.greeting) and not a.questions and a.pitch_words < PITCH_WORDS and not t.spoke:
        # Told why the seller came ("主要想听听门店订货的情况"), nobody asks "what's this about?".
        t.react("go_ahead" if _STATES_PURPOSE.search(a.text) else "greeting_reply")


def _dissolve_by_discovery(t: Turn) -> None:
    """ "No time" and "no need" fade once the buyer has voiced a real business impact.

    The trainee has shown the conversation is worth the buyer's time; there is
    nothing left to answer in those, unlike a price or a risk concern.
    """
    needs = t.state.revealed_needs + [
        d.key.split(":", 1)[1] for d in t.plan.answers if d.key.startswith("need:")
    ]
    if not any(t.scenario.need(n).layer is not NeedLayer.surface for n in needs):
        return
    for o in t.scenario.objections:
        s = objections.status(t, o).status
        acknowledged = s is ObjectionStatus.open and objections.status(t, o).acknowledged
        if o.kind.value in ("no_time", "no_need") and (
            acknowledged or s in (ObjectionStatus.reason_shared, ObjectionStatus.parked)
        ):
            objections.resolve(t, o, say=False)


def _patience(t: Turn) -> None:
    st = t.state
    if st.ended:
        return
    if st.patience <= 0:
        t.end(EndReason.patience, "end_patience")
    elif st.patience < 25 and st.trainee_turns % 2 == 0:
        t.plan.suffix = "impatient_suffix"


# --- what was actually said ----------------------------------------------------------------


def disclose(t: Turn, keys: list[str], reply: str) -> BuyerState:
    """The state after the buyer said `reply`, which disclosed the content `keys`."""
    st = t.state
    said_now = set(keys)
    for d in t.plan.answers:
        if d.key not in said_now or d.depth is Depth.recall:
            continue
        kind, _, ident = d.key.partition(":")
        if "#" in ident:
            continue  # a second thing said about an item (a person's concerns): no new item
        if kind == "fact" and ident not in st.revealed_facts:
            st.revealed_facts.append(ident)
        elif kind == "need" and ident not in st.revealed_needs:
            st.revealed_needs.append(ident)
            st.adjust(trust=4)
            t.plan.events.setdefault("revealed_needs", []).append(ident)
        elif kind == "decision" and ident not in st.shared_decision:
            st.shared_decision.append(ident)
            t.plan.events.setdefault("shared_decision", []).append(ident)
        elif kind == "stakeholder" and ident not in st.named_stakeholders:
            st.named_stakeholders.append(ident)
            t.plan.events.setdefault("named_stakeholders", []).append(ident)
        if kind == "fact":
            t.plan.events.setdefault("revealed_facts", []).append(ident)
        if d.depth is Depth.brief and d.key not in st.brief_keys:
            st.brief_keys.append(d.key)
            if d.part is not None:
                st.brief_said[d.key] = d.part
        elif d.depth in (Depth.more, Depth.full) and d.key in st.brief_keys:
            st.brief_keys.remove(d.key)
            st.brief_said.pop(d.key, None)
    touched = [d.key for d in t.plan.answers if d.key in said_now or d.depth is Depth.recall]
    if touched:
        st.last_keys = touched
    due = t.plan.objection
    st.buyer_asked = due is not None and _asks_seller(due.text)
    if due is not None:
        t.plan.events["objection_quote"] = due.text  # where the scorer finds it in the reply
    known = set(st.said)
    for piece in [reply, *t.spoken]:
        for sentence in sentences(piece):
            fingerprint = digest(sentence.text)
            if fingerprint not in known:
                known.add(fingerprint)
                st.said.append(fingerprint)
    return st
