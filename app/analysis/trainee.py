"""Analysis of one trainee turn: its questions, and what else it does.

The turn is read sentence by sentence, and a sentence clause by clause where
it matters (a pitch and a proof can share a sentence; "您说X，Y几个人？" asks
about Y). What the buyer said just before (`TurnContext`) decides what is a
follow-up, a benefit tied to the buyer's words (value), and the stage of a
bare probe after an objection.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from app.analysis import lexicon as lx
from app.analysis.buyer import buyer_reading
from app.analysis.intent import Intent, IntentReading, read_intent
from app.analysis.lexicon import topics_of
from app.analysis.model import (
    Act,
    AdvanceKind,
    BuyerSignal,
    Question,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.analysis.sentence_acts import ActReading, read_acts
from app.analysis.sentence_acts import SentenceAct as SA
from app.analysis.text import Sentence, content_terms, sentences, words
from app.analysis.topics import Topic

__all__ = ["TurnContext", "analyze_trainee_turn", "topics_of"]


@dataclass(frozen=True)
class TurnContext:
    """What the trainee turn answers to: the buyer's last words, and all of theirs."""

    previous_buyer_text: str = ""
    buyer_terms: frozenset[str] = field(default_factory=frozenset)


_HAS_CJK = lx.rx(r"[\u4e00-\u9fff]")
_ZH_STATEMENT_END = lx.rx(r"[。!！]\s*$")
_EN_STATEMENT_END = lx.rx(r"[.!]\s*$")
_ZH_WHY_ASKED = lx.rx(
    r"为什么|为啥|为何|知道.{0,6}(吗|么)|\bwhy\b|\bwhat('s| is) the (reason|answer|secret)\b", re.I
)

_PRODUCT_REF = lx.CUES["PRODUCT_REF"]
# "这套系统" is ours only when nothing says it is the buyer's ("现在这套系统").
_PRODUCT_REF_WEAK = lx.rx(
    r"(这套|这款)(新)?(系统|产品|设备|方案|软件|平台)|(这个|这些)(新)?(界面|功能|演示|设计|页面|看板)"
    r"|\b(the|this) (new )?(dashboard|interface|ui|layout|screen|feature set)\b",
    re.I,
)
_BUYERS_OWN = lx.rx(
    r"现在|目前|在用|你们|您的|贵|\b(your|you're using|current|you (have|use|run)|today|now)\b",
    re.I,
)
_PRODUCT_LIKING = lx.CUES["PRODUCT_LIKING"]
_BUSINESS_QUESTION = lx.rx(
    r"多少|几[个家条台次]|一般|通常|平时|流程|到期|"
    # "现在维保是跟谁签的？": who they have a contract with, not a close.
    r"(跟|和|与)(谁|哪家|哪个|哪些)|签的(是)?(谁|哪家)|"
    r"\bhow (many|much|often)\b|\busually\b|\bexpire|\bend\b|\brenew",
    re.I,
)
# Judging the buyer's choices or caution instead of asking about them: "您那套老引擎
# 早该换了", "国企也要与时俱进嘛，老是讲程序", "you're being too cautious".
_DISMISSES = lx.rx(
    r"早(就)?(该|应该)(换|改|上|淘汰|升级)|老是(讲|说|提|强调)|与时俱进|"
    r"(您|你|你们|贵司)[^，,。？?]{0,6}太(保守|谨慎|小心|死板|传统)|想(得)?太多|"
    r"\byou('re| are) (being )?(too|overly) (cautious|conservative|careful)\b|\bbehind the times\b|"
    r"\bshould have (replaced|switched|upgraded|moved)\b|\boverthinking\b|"
    r"\bevery (day|week|month) you wait\b",
    re.I,
)
# A rival run down by comparison: "用友的MES没法跟我们比，他们根本不懂锻造".
_PUTS_DOWN_RIVAL = lx.rx(
    r"没法(跟|和)我们比|(跟|和)我们没法比|比不(上|了)我们|远不如我们|(他们|它们|人家|对方|那家)[^，,。]{0,4}根本不懂|"
    r"(别家|别的厂家|其他家|其他厂家|同行|友商|竞品)[^，,。]{0,3}(都|根本|完全)?(比不了|比不上|没法比|差远了)|"
    r"\bcan'?t (compare|compete) with us\b|\bnowhere near (us|our)\b|\bdon'?t (even )?understand (the|your) (industry|business)\b",
    re.I,
)
# A trial that leaves production alone, in words the pilot cues lack: "并行跑，不切生产",
# "用脱敏数据离线回溯", "run it in shadow mode alongside the old engine".
_NO_RISK_TRIAL = lx.rx(
    r"并行(跑|运行|测试)|(离线|历史数据)?回溯(测试|验证)?|不(动|切|碰)生产|影子(模式|运行)|"
    r"\b(run(ning)? (it )?in parallel|parallel run|shadow (mode|run)|back-?test(ing)?|"
    r"without touching (production|the live system))\b",
    re.I,
)


def _trial_without_risk(t: str) -> bool:
    m = _NO_RISK_TRIAL.search(t)
    return m is not None and not lx.negated(t, m.start())


_ECHO_NEG = lx.rx(r"[\u4e00-\u9fff][不没][\u4e00-\u9fff]")
_QUOTE_BACK = lx.rx(
    r"(您|你)(也|刚才|刚刚|之前|前面)?(说|提到|讲)(了|过|的)|\byou (mentioned|said|told me)\b|\blike you said\b",
    re.I,
)
_CONDITIONAL_PREFACE = lx.rx(
    r"^[^，,]{2,16}的话[，,]|^(像|那|这)?(这种|这个|那个|那种)|^(if|when|with) (that|this|the)\b",
    re.I,
)
# A bare probe, no topic of its own: it digs into whatever the buyer just said.
_CONCERN_PROBE = lx.CUES["CONCERN_PROBE"]
_ELABORATE_PROBE = lx.CUES["ELABORATE_PROBE"]


def _digs_into_concern(question: str, language: str) -> bool:
    """What is behind it, or what would have to be true for the buyer to move."""
    return bool(
        _CONCERN_PROBE.search(question, language) or lx.CONDITION_PROBE.search(question, language)
    )


# The trainee owns a misunderstanding and picks the buyer's point up again.
_CORRECTED = lx.rx(
    r"(理解|听|搞|说|记)错了|误会了|\bi (misunderstood|misheard|got (that|it) wrong)\b|\bmy (mistake|bad)\b|\bstand corrected\b",
    re.I,
)
# "When a line goes down, …": a subordinate clause, not the question itself.
_EN_SUBORDINATE = lx.rx(
    r"^\s*(when|if|once|while|whenever|where|as|after|before)\s+(a|an|the|your|our|this|that|it|we|you|they|he|she|i|there|things|people|something|someone|one)\s+(?!do\b|does\b|did\b|is\b|are\b|was\b|were\b|can\b|could\b|would\b|will\b|should\b|have\b|has\b|had\b)",
    re.I,
)


def _echo_terms(text: str) -> frozenset[str]:
    """Content terms plus negated verbs ("对不上", "跟不上"), which bigrams lose."""
    return content_terms(text) | frozenset(_ECHO_NEG.findall(text))


def _strong_echo(shared: frozenset[str]) -> bool:
    """Two Chinese terms, or one English content word / number, in common."""
    latin = [t for t in shared if t.isascii()]
    return len(shared) - len(latin) >= 2 or any(len(t) >= 4 or t[0].isdigit() for t in latin)


# --- questions ----------------------------------------------------------------


# "对不上的时候，后面是——", "So when the auditor came in...": a sentence left
# open at the end of a turn for the buyer to finish asks them to tell the rest.
# "质量问题一堆啊……" closes with an exclamation and trails off: a sigh, not a
# sentence left for the buyer to finish.
_UNFINISHED = re.compile(r"(?<![啊呀哎哦嗯唉吧呢嘛啦…—.\-])(——|—|--|…|\.\.\.)+\s*$")
UNFINISHED_WORDS = 20


def _unfinished(t: str, next_text: str) -> bool:
    if next_text or not _UNFINISHED.search(t) or not 2 <= words(t) <= UNFINISHED_WORDS:
        return False
    lang = "zh" if _HAS_CJK.search(t) else "en"
    return not lx.PITCH_SELF.search(t, lang)


def _is_question(t: str, next_text: str) -> bool:
    if lx.RHETORICAL.search(t):
        return False
    if _unfinished(t, next_text):
        return True
    # Offers to retreat, asks for the buyer's time and requests that the buyer do
    # something for the seller ask nothing about the business;
    # an open interrogative in the same sentence still makes it a real question.
    if (
        lx.RETREAT_OFFER.search(t) or lx.COURTESY_ASK.search(t) or lx.ACTION_REQUEST.search(t)
    ) and not _OPEN_ASK.search(t):
        return False
    if next_text and lx.SELF_ANSWER.search(next_text) and _ZH_WHY_ASKED.search(t):
        return False
    if lx.QUESTION_MARK.search(t) or lx.CORRECTION_INVITE.search(
        t, "zh" if _HAS_CJK.search(t) else "en"
    ):
        return True
    if _HAS_CJK.search(t):
        if lx.ZH_TAG.search(t):
            return True
        particle = re.search(r"(吗|(?<![什怎这那多要])么|嘛|呢)[\s。!！,，~～…]*$", t)
        if particle and (
            particle.group(1) != "呢" or lx.ZH_INTERROGATIVE.search(t) or lx.ZH_ADDRESSED.search(t)
        ):
            return True
        if lx.ZH_EMBEDDED.search(t) or lx.ZH_INDEFINITE.search(t):
            return False
        addressed = bool(lx.ZH_ADDRESSED.search(t))
        asking = bool(lx.ZH_ASK_FRAME.search(t))
        if lx.ZH_TELL_ME.search(t) and (addressed or asking) and not lx.ZH_SELF_TELL.search(t):
            return True
        if lx.ZH_GUESS.search(t) and not lx.PITCH_SELF.search(t, "zh") and not _PLEA.search(t):
            return True
        if lx.ZH_INTERROGATIVE.search(t):
            if lx.ZH_OPINION_FRAME.search(t) or asking:
                return True
            if addressed and not _ZH_STATEMENT_END.search(t):
                return True
            # Chat questions often end in "。": "后果是什么。", "谁说了算。钱从哪出。"
            if _ZH_WH_AT_END.search(t):
                return True
    if lx.EN_TELL_ME.search(t) or lx.EN_GUESS.search(t):
        return True
    return bool(
        lx.EN_QUESTION_START.search(t)
        and not lx.EN_WH_CLAUSE.search(t)
        and not _EN_STATEMENT_END.search(t)
    )


def _en_core(t: str) -> str:
    """The clause that carries an English question: prefaces ("Ignoring X, …") dropped."""
    for c in lx.clauses(t):
        if lx.EN_QUESTION_START.search(c) and not _EN_SUBORDINATE.search(c):
            return c.strip()
    return ""


def _form(t: str, language: str) -> QuestionForm:
    zh = bool(_HAS_CJK.search(t)) and (language == "zh" or not re.search(r"[A-Za-z]{3}", t))
    if zh:
        if lx.ZH_OPEN_STRONG.search(t):
            return QuestionForm.open
        if lx.ZH_TAG.search(t) or lx.ZH_CLOSED_SPECIFIC.search(t) or lx.ZH_YES_NO.search(t):
            return QuestionForm.closed
        if lx.ZH_OPEN_WEAK.search(t):
            return QuestionForm.open
        return QuestionForm.closed
    if lx.EN_TAG.search(t):
        return QuestionForm.closed
    if lx.EN_OPEN_REQUEST.search(t):
        return QuestionForm.open
    if lx.EN_GUESS.search(t):
        return QuestionForm.closed  # a guess to confirm or correct
    if lx.EN_TELL_ME.search(t) and re.search(r"\b(what|how|why|which|where|who)\b", t, re.I):
        return QuestionForm.open  # "I'm curious what...", "I'd want a feel for how..."
    core = _en_core(t)
    if not core:
        return QuestionForm.closed  # a statement with a question mark: a check
    start = lx.EN_QUESTION_START.search(core)
    word = start.group(1).lower() if start else ""
    if word in ("what", "how", "why", "which", "where") and not lx.EN_CLOSED_WH.search(
        core[start.start(1) :] if start else ""
    ):
        return QuestionForm.open
    return QuestionForm.closed


def _strip_preface(t: str) -> str:
    """Drop a leading clause that only quotes the buyer back ("您说X，…")."""
    parts = lx.clauses(t)
    if (
        len(parts) > 1
        and lx.FOLLOWUP_MARKER.search(parts[0], "zh")
        and not lx.ZH_INTERROGATIVE.search(parts[0])
    ):
        return t[t.find(parts[1]) :]
    return t


_CLOSED_FACT = lx.rx(
    r"多少|几[个家条台位次年月天种岁成号点套]|多久|什么时候|啥时候|哪天|谁|\bhow (many|much|long|often|soon)\b|^\W*(when|who)\b",
    re.I,
)
_CAUSE = lx.rx(
    r"原因|为什么|为啥|为何|怎么会|\b(why|how come|what causes|what caused|root cause)\b", re.I
)


# "第一个问题，…", "下一个问题": 问题 here is the seller's question, not the buyer's problem.
_NUMBERED_QUESTION = re.compile(
    r"(第[一二三四五六七八九十\d]+|下一|最后一|再一|另一|还有一|问(您|你)?[一几两]?)个问题[，,：:。]?\s*"
)


def _stage(t: str, language: str, *, probe_default: bool) -> SpinStage:
    core = _strip_preface(_NUMBERED_QUESTION.sub("", t))
    if lx.NEED_PAYOFF.search(core, language):
        return SpinStage.need_payoff
    # "什么原因造成的" looks for a cause (problem), not for a consequence.
    if lx.IMPLICATION.search(core, language) and not _CAUSE.search(core):
        return SpinStage.implication
    if lx.PROBLEM.search(core, language) or probe_default:
        return SpinStage.problem
    return SpinStage.situation


# An interrogative in the last words of the sentence asks, whatever the full stop says.
_ZH_WH_AT_END = re.compile(
    r"(什么|啥|哪(头|个|些|里|儿|块|边|方面)?|谁(说了算|定|拍板|负责|管)?|怎么(看|办|想|弄|样|说)?|如何|多少|多久|多大|几(个|家|年|天)?|为什么|为啥)"
    r"[^，,。！!？?]{0,3}[。.]?\s*$"
    r"|(?<=.{4})(?<![还都也])没有\s*[。.]?\s*$"
)
# A step is proposed by someone: the seller, or both ("咱们", "let's"); a sentence
# with neither is not worth the learnt reader's time (the scorer has 20 ms).
# A question that puts forward something to do together: "Would it make sense to meter the
# Iowa plant for four weeks…?", "要不我们先…？". Whether it is a step is the reader's call.
# "您就给个机会吧", "您就考虑考虑吧": a request with 吧, not a guess to confirm.
_CAN_DO = re.compile(r"(就|都|也|即|便|直接)(能|可以|可)")
_PLEA = re.compile(r"(给|让|帮|请|考虑|定|签|行个方便|通融)[^，,。？?]{0,6}吧")
_PROPOSAL_FRAME = re.compile(
    r"^\W*(要不(要)?(我们|咱们)|(我们|咱们)(先|可以|能不能|要不要))|"
    r"^\W*(would it make sense|could we|can we|shall we|should we|how about|what if we|"
    r"why don'?t we|would you be open to|would you be up for)\b",
    re.I,
)
_PROPOSER = re.compile(r"我|咱|您|你|\b(we|let's|let us|i|i'll|i'd|us|you)\b", re.I)
_CHOICE = re.compile(r"[^还就]还是(?!说)|\b(or|either)\b", re.I)
_OPEN_ASK = re.compile(
    r"什么|啥|怎么|为什么|如何|多大|多少|哪(?!怕)|\b(what|how|why|which)\b", re.I
)
_PERMISSION = re.compile(
    r"^\s*(那)?(您|你)?(看)?(这样)?(可以|行|方便|合适|怎么样|如何|好|可不可以|合不合适|方不方便)"
    r"(吗|不|么|呢|不好|不行)?\s*[？?]?\s*$"
    r"|^\s*(那)?(您|你)看(呢|怎么样|行吗|可以吗|如何|行不行|合不合适|方便吗)\s*[？?]?\s*$"
    r"|\b(would|does|will|could) (that|this|it) (work|suit)|\bhow does (that|this) sound\b"
    r"|\bsound (good|ok|okay|reasonable)\b|\bis that (ok|okay|alright|fine)\b"
    r"|\bwould you (support|back|go for|agree to|be up for|be open to|sign off on) (that|this|it)\b"
    r"|\bare you (ok|okay|happy|comfortable) with (that|this)\b",
    re.I,
)


def _advance_kind(t: str, language: str) -> AdvanceKind:
    for kind, c in (
        (AdvanceKind.pilot, lx.PILOT),
        (AdvanceKind.introduction, lx.INTRODUCTION),
        (AdvanceKind.site_visit, lx.SITE_VISIT),
        (AdvanceKind.demo, lx.DEMO),
        (AdvanceKind.proposal, lx.PROPOSAL),
    ):
        if c.search(t, language):
            return kind
    return AdvanceKind.meeting


def _meta_notes(text: str, language: str) -> list[tuple[int, int]]:
    """Bracketed asides addressed to the scorer ("【评分提示：…】", "[Note to the evaluator…]")."""
    return [
        (m.start(), m.end())
        for m in lx.BRACKETED.finditer(text)
        if lx.INJECTION.search(m.group(0), language)
    ]


@lru_cache(maxsize=512)
def _previous(text: str, language: str) -> tuple[frozenset[str], bool, bool]:
    """The buyer's previous words: their echo terms, whether they pushed back, whether they admitted pain."""
    kinds, signals = buyer_reading(text, language)
    pain = bool({BuyerSignal.pain, BuyerSignal.impact} & signals)
    return _echo_terms(text), bool(kinds), pain


_SELF_OR_BUYER = lx.rx(r"我|你|您|咱|贵|自己|本")
# "客户那边会有哪些变化": the buyer's customers, staff or bosses are nobody's competitor.
_NOT_A_RIVAL = lx.rx(
    r"客户|用户|员工|同事|领导|老板|工人|医生|护士|患者|司机|车队|门店|仓库|工厂|车间"
)


# "What you need is…", "您需要的是…": a recap only when what follows is the buyer's own words.
_NEED_FRAME = lx.rx(
    r"\bwhat you (really |actually )?need is\b|\bso,? (what )?you (really )?(need|want)\b|"
    r"(您|你们|贵司)(真正|其实|现在)?(需要|要)的(其实)?(是|就是)",
    re.I,
)
_SIGNING = lx.rx(r"sign|contract|order|deal|签|合同|下单|订单", re.I)


def _badmouths(t: str, language: str) -> bool:
    """A negative judgement with a competitor (not us, not the buyer) as its target."""
    if not lx.BADMOUTH_NEGATIVE.find(t, language):
        return False
    return any(
        not (
            _HAS_CJK.match(m.group(0))
            and (_SELF_OR_BUYER.search(m.group(0)) or _NOT_A_RIVAL.search(m.group(0)))
        )
        for m in lx.BADMOUTH_TARGET.finditer(t, language)
    )


def _discount(t: str, language: str, before: str = "") -> bool:
    # A free pilot or a free survey is a small step offered, not a price cut; "这一天
    # 不收费" may speak of the visit the sentence before proposed.
    pilot = any(
        lx.PILOT.search(x, language) or lx.SITE_VISIT.search(x, language) for x in (t, before) if x
    )
    return any(
        not lx.negated(t, m.start())
        and not (pilot and lx.FREE_ONLY.search(m.group(0)))
        # "每年续约的时候，价格好谈吗？" asks how the buyer's own renewals go: no offer.
        and not _ASKED_OF_BUYER.match(t, m.end())
        # "损耗能降一到两个点", "30 percent off their energy bill": what the buyer loses
        # or spends goes down, not our price.
        and not _BUYER_LOSS.search(t, max(0, m.start() - 8), m.start() + 1)
        and not _THEIR_BILL.match(t, m.end())
        for m in lx.DISCOUNT.finditer(t, language)
    )


_THEIR_BILL = lx.rx(
    r"\s*(of\s+)?(their|your|the|its)\s+(annual\s+|monthly\s+)?(energy|fuel|electric(ity)?|utility|"
    r"power|insurance|maintenance|repair|operating|running)\s+(bill|bills|costs?|spend)",
    re.I,
)


_BUYER_LOSS = lx.rx(
    r"损耗|报损|成本|库存|缺货|不良|故障|停机|能耗|电费|油耗|工时|人力|人工|差错|返工|废品|投诉|"
    r"\b(shrink|waste|costs?|downtime|losses|claims|premiums?|turnover|idl(e|ing)|fuel)\b",
    re.I,
)


_ASKED_OF_BUYER = lx.rx(r"\s*(吗|么|不[？?])")


_FIRST_PERSON = lx.rx(r"^[^，,]{0,6}我(?!们)|^\W*i\b", re.I)
_BARE_ABILITY = lx.rx(r"可以|能够|能|就能|都能|can", re.I)
_OTHER_SUBJECT = lx.rx(r"^(您|你们|你|他们|客户|贵司)|^\W*(you|they|your|their|customers)\b", re.I)


def _pitches(parts: Sequence[str], language: str) -> bool:
    """A claim about one's own product or company, clause by clause.

    The self-reference carries over to the clauses that follow it until another
    subject takes over ("我们这个系统界面友好，操作简单，上手很快").
    """
    self_topic = False
    for c in parts:
        own = bool(lx.PITCH_SELF.search(c, language))
        if own:
            self_topic = True
        elif _OTHER_SUBJECT.search(c) or _FIRST_PERSON.search(c):
            self_topic = False
        claim = lx.PITCH_CLAIM.find(c, language)
        # A carried-over subject takes attributes ("操作简单"), not a bare "可以".
        if claim and not own and _BARE_ABILITY.fullmatch(claim.group(0)):
            claim = None
        if (
            self_topic
            and claim
            and not lx.PITCH_EXCLUDE.search(c, language)
            and not lx.PROOF.search(c, language)
            and not lx.PILOT.search(c, language)
        ):
            return True
    return False


# "耽误您半小时，辛苦了。": thanks for the buyer's time, not a word for what they said.
_FOR_THEIR_TIME = re.compile(r"耽误|打扰|百忙|抽空|抽(出)?时间|占用|\bfor (your|the) time\b", re.I)


def _understands(t: str, language: str) -> bool:
    m = lx.UNDERSTANDING.find(t, language)
    if m is None:
        return False
    return not (m.group(0).startswith("辛苦") and _FOR_THEIR_TIME.search(t))


def analyze_trainee_turn(
    index: int, text: str, language: str, context: TurnContext | None = None
) -> TraineeTurnAnalysis:
    ctx = context or TurnContext()
    prev_text = ctx.previous_buyer_text
    prev_terms, prev_objection, prev_pain = (
        _previous(prev_text, language) if prev_text else (frozenset(), False, False)
    )

    notes = _meta_notes(text, language)
    work = text
    for a, b in notes:
        work = work[:a] + "\n" * (b - a) + work[b:]
    sents = sentences(work) or (Sentence(0, len(text), text.strip() or text),)

    questions: list[Question] = []
    acts: set[Act] = set()
    evidence: dict[Act, str] = {}
    topics: set[Topic] = set()
    statements: list[str] = []  # their topics count only when the turn asks nothing
    pitch_words = 0
    advance_kind: AdvanceKind | None = None

    def mark(act: Act, quote: str) -> None:
        acts.add(act)
        evidence.setdefault(act, quote)

    for a, b in notes:
        mark(Act.injection, text[a:b])

    texts = [s.text for s in sents]
    # The learnt reader (sentence_acts.py) next to the cues: it knows wording no list
    # holds; each of its readings below is taken only when it is confident.
    # Acknowledgement stays with the cues: the learnt reader also hears it in
    # "That's not fair to say." (held-out corpus precision fell below 0.90).
    understood = [_understands(t, language) for t in texts]
    summary_turn = any(lx.SUMMARY.search(t, language) for t in texts)
    preceding = ""  # statements of this turn before the current sentence
    last_stage: SpinStage | None = None
    prev_claim = False  # the sentence before made a claim for the offer

    for i, t in enumerate(texts):
        next_text = texts[i + 1] if i + 1 < len(texts) else ""
        if lx.INJECTION.search(t, language):
            mark(Act.injection, t)
            continue
        # Whether a sentence asks stays with the cues: the learnt reader, let decide it
        # too, found questions in statements (calibration questioning rho 0.93 -> 0.92).
        asks = _is_question(t, next_text)
        parts = lx.clauses(t) or (t,)

        # "那我捋一捋：一是…三是上回栽在阀门上；四是超四百万要招标。": once a
        # turn sums up, a sentence made of the buyer's own words recaps what
        # they said; it argues, disparages or closes nothing.
        recap = Act.summary in acts and not asks and _restates(t, ctx)
        if understood[i]:
            mark(Act.understanding, t)
        if i == 0 and lx.GREETING.find(t, language):
            mark(Act.greeting, t)
        if (
            lx.ARGUMENT.search(t, language)
            or _DISMISSES.search(t)
            or (
                # Read only where an argument could be: a sentence about the buyer or
                # their view (the reader costs ~0.1 ms a sentence; the scorer has 20 ms).
                _BUYER_REF.search(t)
                and read_acts(t, language).p(SA.argue) >= VERY_SURE
                and read_acts(t, language).p(SA.self_disclosure) < MAYBE
                # "不逼您，您放心。" eases the pressure; it corrects nobody
                and not lx.REASSURE.search(t, language)
            )
        ) and not recap:
            mark(Act.argument, t)
        # "我理解下来是：…又被折扣店压价…，对吗？" plays back the buyer's price pressure.
        discounted = _discount(t, language, texts[i - 1] if i else "") and not (
            lx.SUMMARY.search(t, language) and _restates(t, ctx)
        )
        if discounted:
            mark(Act.discount, t)
        if lx.PILOT.search(t, language) or _trial_without_risk(t):
            mark(Act.pilot, t)
        if (
            words(text) >= 8
            and (
                lx.SUMMARY.search(t, language)
                or (lx.SUMMARY_WEAK.search(t, language) and _about_buyer(t, prev_terms, ctx))
                # "So: no footage, renewal in seven months. Did I get that right?": the
                # buyer's words played back and then checked are a summary in any wording.
                # ("…最后还得是您EHS，我说的没错吧？" argues: the check is not its own sentence).
                or (
                    not asks
                    and _restates(t, ctx)
                    and lx.FEEDBACK.search(next_text, language)
                    and words(next_text) <= 8
                )
            )
            # "What you just said about X: what does it cost?" takes up the buyer's
            # words to ask more, and "您最担心的是A，还是B？" asks them to choose; a
            # summary restates and checks.
            and not (
                asks
                and (_OPEN_ASK.search(t) or _CHOICE.search(t))
                and not lx.FEEDBACK.search(t, language)
            )
        ):
            mark(Act.summary, t)
        if lx.SELF_DISCLOSURE.search(t, language):
            mark(Act.self_disclosure, t)
        if not recap and (_badmouths(t, language) or _PUTS_DOWN_RIVAL.search(t)):
            mark(Act.badmouth, t)

        product = asks and bool(
            (
                _PRODUCT_REF.search(t, language)
                or (_PRODUCT_REF_WEAK.search(t) and not _BUYERS_OWN.search(t))
            )
            and _PRODUCT_LIKING.search(t, language)
        )
        order = lx.ORDER.find(t, language)
        close = (
            not recap
            and order is not None
            and not (asks and _BUSINESS_QUESTION.search(t))
            # "What would Alan need to see to say yes?" asks for the conditions; "What
            # would it take to get a signature this month?" asks for the order.
            and not (asks and lx.CONDITION_PROBE.search(t, language) and not _SIGNING.search(t))
            # "店长手机上点一下就能下单": what the product lets them do, not a close
            and not _CAN_DO.search(t[max(0, order.start() - 4) : order.end()])
        )
        # "挑两条最容易出事的线，我们跑一个月" proposes a trial in words no step list
        # holds; the learnt reader hears it (in a statement: a question proposing a
        # step is for the cues, which know a close from a step).
        read_step = (
            read_acts(t, language).p(SA.next_step)
            if (not asks and _PROPOSER.search(t)) or (asks and _PROPOSAL_FRAME.search(t))
            else 0.0
        )
        offered = bool(
            lx.NEXT_STEP.find(t, language)
            or lx.PILOT.search(t, language)
            or read_step >= QUITE_SURE
        ) and not (lx.DEFERRAL.search(t, language))
        step = (
            not product
            # "Let me check I've got it: … you need a baseline you can audit": their words
            # summed up, no step.
            and not (recap or evidence.get(Act.summary) == t)
            and offered
            # "Next week we walk the line with Ms Sun. Would that work?": the ask may
            # be the short sentence after the proposal.
            and bool(
                read_step >= VERY_SURE
                or lx.PROPOSING.search(t, language)
                or _PERMISSION.search(next_text)
                # "...next Tuesday. Price won't be a problem. Does that work?"
                or (i + 1 < len(texts) and _PERMISSION.search(texts[-1]))
            )
        ) or (
            # "…set up the meeting with IT? How about Tuesday?": naming the time is the
            # same proposal, not a question about their business; nor is "您看行不行？".
            asks
            and advance_kind is not None
            and (names_the_time(t, language) or bool(_PERMISSION.search(t)))
        )
        if close:
            mark(Act.hard_close, t)
            advance_kind = AdvanceKind.order
        elif step and advance_kind is None:
            mark(Act.advance, t)
            advance_kind = _advance_kind(t, language)

        # Claims, evidence and benefits live in statement clauses.
        claim_parts = [
            c
            for c in parts
            if not (
                asks
                and (
                    lx.QUESTION_MARK.search(c)
                    or lx.ZH_INTERROGATIVE.search(c)
                    or lx.EN_QUESTION_START.search(c)
                )
            )
        ]
        claim_here = bool(lx.VALUE_CLAIM.search(t, language))
        if not asks or claim_parts:
            body = t if not asks else "，".join(claim_parts)
            proof = not asks and bool(lx.PROOF.search(t, language))
            if proof:
                mark(Act.proof, t)
            pitch_here = not discounted and (
                _pitches(claim_parts if asks else parts, language)
                or (
                    not asks
                    and bool(lx.PITCH_SELF.search(t, language))  # a pitch speaks of "we"
                    and read_acts(t, language).p(SA.pitch) >= QUITE_SURE
                    and read_acts(t, language).p(SA.proof) < MAYBE
                    and read_acts(t, language).p(SA.value) < MAYBE
                )
            )
            value_here = False
            # "15% off if you sign by Friday" is a price cut, whatever words it echoes.
            if (
                not asks
                and not discounted
                and (prev_text or ctx.buyer_terms)
                and lx.BENEFIT.find(t, language)
            ):
                # "Twenty changeovers is forty hours a month; win half of that back and
                # it pays for itself": the need may be restated just before the benefit.
                tied = f"{texts[i - 1]} {t}" if i else t
                shared = (content_terms(tied) & ctx.buyer_terms) | (_echo_terms(tied) & prev_terms)
                value_here = len(shared) >= 2 or (bool(shared) and bool(_QUOTE_BACK.search(t)))
            if value_here:
                mark(Act.value, t)
                if lx.FEATURE.search(t, language):
                    pitch_here = True
            claim_here = claim_here or pitch_here
            if pitch_here:
                mark(Act.pitch, t)  # the sentence, verbatim, even when only a clause pitches
                pitch_words += words(body)
            statements.append(body)

        if asks:
            checking = summary_turn or bool(lx.PARAPHRASE.search(t, language))
            # "Isn't that worth it?", "We're number one, right?": a push to agree with
            # a claim for the offer, made in this sentence or the one before.
            pushing = (
                bool(lx.LEADING.search(t, language))
                or (bool(lx.PUSH_QUESTION.search(t, language)) and (claim_here or prev_claim))
                # The reader's push only with a claim for the offer in reach: "资产质量是不是
                # 已经受到冲击了？" asks about their situation, yes or no.
                or (
                    read_acts(t, language).p(SA.leading) >= SURE
                    and read_acts(t, language).p(SA.check) < MAYBE
                    and (claim_here or prev_claim)
                )
                # "这个钱可比系统费多多了，是吧？": a tag on a claim no claim list holds,
                # when the reader is all but certain (and hears no check or sympathy).
                or (
                    read_acts(t, language).p(SA.leading) >= VERY_SURE
                    and read_acts(t, language).p(SA.check) < MAYBE
                    and read_acts(t, language).p(SA.acknowledge) < MAYBE
                )
            )
            # "那您看下周我带技术总监过来做个演示？" asks for a yes to a step, not whether
            # the seller understood.
            feedback = not (step and not summary_turn) and (
                bool(lx.FEEDBACK.search(t, language))
                or (
                    checking
                    and not pushing
                    and bool(
                        lx.ZH_TAG.search(t)
                        or lx.EN_TAG.search(t)
                        or lx.FEEDBACK_WEAK.search(t, language)
                        or _declarative_check(t)
                    )
                )
            )
            leading = pushing and not feedback
            # "What's stopping you from signing today?" presses for the order; it does
            # not ask what is behind the hesitation.
            concern = not close and (
                _digs_into_concern(t, language)
                or (
                    read_acts(t, language).p(SA.concern_probe) >= SURE
                    and read_acts(t, language).p(SA.leading) < MAYBE
                )
            )
            elaborate = bool(_ELABORATE_PROBE.search(t, language))
            probe = concern or elaborate
            non_business = feedback or close or (step and not probe) or product or leading
            if non_business:
                stage = SpinStage.situation
            else:
                stage = _stage(
                    t,
                    language,
                    probe_default=(concern and (prev_objection or prev_pain))
                    or (elaborate and prev_pain),
                )
                # Digging into a difficulty the buyer has just admitted is a
                # problem question, unless it only asks for a fact (how many,
                # when, who); after a mere objection only a probe of the concern is.
                if (
                    stage is SpinStage.situation
                    and (
                        prev_pain
                        or (not prev_objection and bool(lx.PROBLEM.search(prev_text, language)))
                    )
                    and not _CLOSED_FACT.search(t)
                    and not lx.DECISION_PROBE.search(t, language)
                    and _follows_up(
                        t, preceding, prev_terms, language, acknowledged=False, probe=probe
                    )
                ):
                    stage = SpinStage.problem
                if (
                    stage is SpinStage.situation
                    and last_stage in (SpinStage.problem, SpinStage.implication)
                    and not lx.DECISION_PROBE.search(t, language)
                ):
                    stage = last_stage
                stage = _stage_read(t, language, stage)
            last_stage = stage
            asked_for = read_intent(t, language)
            sent_topics = topics_of(t, language) | _intent_topics(asked_for)
            q = Question(
                probes_concern=concern,
                text=t,
                form=QuestionForm.closed
                if (step and not probe) or close
                else _read_form(t, language, read_acts(t, language)),
                stage=stage,
                topics=sent_topics,
                leading=leading,
            )
            questions.append(q)
            topics |= sent_topics
            mark(Act.question, t)
            if leading:
                mark(Act.leading, t)
            personal = bool(lx.PERSONAL_PROBE.search(t, language)) or (
                not non_business and _asks(asked_for, Intent.personal)
            )
            if personal:
                mark(Act.personal_probe, t)
            # "How about next Tuesday?" names a time for the step, not their timeline.
            if (
                not personal
                and not (step and not probe)
                and (
                    lx.DECISION_PROBE.search(t, language)
                    or (not non_business and _asks(asked_for, *_DECISION_INTENTS))
                )
            ):
                mark(Act.decision_probe, t)
            if product:
                mark(Act.product_question, t)
            if feedback:
                mark(Act.feedback_request, t)
            if (
                prev_text
                and not (close or step or product or leading)
                and _follows_up(
                    t,
                    preceding,
                    prev_terms,
                    language,
                    acknowledged=any(understood[: i + 1]) or bool(_CORRECTED.search(preceding + t)),
                    probe=probe,
                )
            ):
                mark(Act.followup, t)
        else:
            preceding += t
        prev_claim = claim_here

    taken_back = _taken_back(texts, understood, language, questions) or _taken_back_read(
        texts, understood, language, questions
    )
    if taken_back is not None:
        # "I understand, but ours is far better": the acknowledgement is withdrawn by
        # the argument or the push after it (RUBRIC: understanding that a "but" undoes).
        acts.discard(Act.understanding)
        evidence.pop(Act.understanding, None)
        sentence, argues = taken_back
        if argues:
            mark(Act.argument, sentence)

    summed = evidence.get(Act.summary)
    if summed is not None and (
        summed in (evidence.get(Act.value), evidence.get(Act.pitch))
        or (_NEED_FRAME.search(summed) and not _restates(summed, ctx))
    ):
        # "What you need is cloud cameras that upload the clip in minutes": the offer
        # prescribed in the words of a recap restates nothing the buyer said.
        acts.discard(Act.summary)
        evidence.pop(Act.summary)

    def retreats(part: str) -> bool:
        return bool(lx.GIVE_UP.search(part, language) or lx.DEFERRAL.search(part, language))

    if Act.advance not in acts and not questions and retreats(work):
        mark(Act.give_up, next((s for s in texts if retreats(s)), texts[0]))

    return TraineeTurnAnalysis(
        index=index,
        text=text,
        language=language,
        words=words(text),
        questions=tuple(questions),
        acts=frozenset(acts),
        evidence=evidence,
        topics=frozenset(topics)
        or frozenset().union(*(topics_of(x, language) for x in statements)),
        pitch_words=pitch_words,
        advance_kind=advance_kind,
    )


SCHEDULING_WORDS = 8


def names_the_time(question: str, language: str) -> bool:
    """A short question that names when ("How about Tuesday at ten?", "下周三行吗？"):
    after a proposal, part of it."""
    return words(question) <= SCHEDULING_WORDS and bool(lx.SCHEDULE_ASK.search(question, language))


# What a question asks for (app/analysis/intent.py, learnt from 6,600 questions
# written blind): where the cues see a plain situation question, a confident
# reading of "what goes wrong", "what it costs", "what solving it is worth", "what
# it means to you" or "who decides / budget / when / on what" stands.
SURE_INTENT = 0.6
_STAGE_OF_INTENT = {
    Intent.problem: SpinStage.problem,
    Intent.impact: SpinStage.implication,
    Intent.payoff: SpinStage.need_payoff,
}
_DECISION_INTENTS = (
    Intent.decision_process,
    Intent.people,
    Intent.budget,
    Intent.timeline,
    Intent.criteria,
)
_TOPIC_OF_INTENT = {
    Intent.decision_process: Topic.decision,
    Intent.people: Topic.stakeholders,
    Intent.budget: Topic.budget,
    Intent.timeline: Topic.timeline,
    Intent.criteria: Topic.criteria,
}


def _asks(reading: IntentReading, *intents: Intent) -> bool:
    return reading.intent in intents and reading.confidence >= SURE_INTENT


def _stage_read(t: str, language: str, stage: SpinStage) -> SpinStage:
    t = _NUMBERED_QUESTION.sub("", t) or t
    if stage is SpinStage.need_payoff:
        # "要是主机厂突然来电话问进度，您现在多久能给个准话？": an "if" and a "can" the
        # cues take for "what would solving it be worth", asking what goes wrong today.
        reading = read_intent(t, language)
        if _asks(reading, Intent.problem, Intent.impact):
            return _STAGE_OF_INTENT[reading.intent]
        return stage
    if stage is not SpinStage.situation:
        return stage
    reading = read_intent(t, language)
    for intent, deeper in _STAGE_OF_INTENT.items():
        if _asks(reading, intent):
            return deeper
    return stage


def _intent_topics(reading: IntentReading) -> frozenset[Topic]:
    topic = _TOPIC_OF_INTENT.get(reading.intent)
    return frozenset({topic}) if topic and reading.confidence >= SURE_INTENT else frozenset()


SURE = 0.6  # a learnt reading taken on its own
QUITE_SURE = 0.75  # ...where it overrides what the cues say
VERY_SURE = 0.9  # ...where a wrong reading costs the trainee dearly (arguing)
MAYBE = 0.5


def _read_form(t: str, language: str, reading: ActReading) -> QuestionForm:
    """Open or closed in meaning: the learnt reader decides when it clearly leans one
    way ("用的什么系统？" is a blank to fill; "您给我讲讲那天" asks for a story)."""
    if _unfinished(t, ""):
        return QuestionForm.open  # the buyer tells the rest: no blank to fill
    if lx.CAUSE_ASK.search(t, language):
        return QuestionForm.open  # "卡在哪个环节？", "What's behind that?": what lies under it
    lean = reading.p(SA.open_question) - reading.p(SA.closed_question)
    if lean >= FORM_LEAN:
        return QuestionForm.open
    if lean <= -FORM_LEAN:
        return QuestionForm.closed
    return _form(t, language)


FORM_LEAN = 0.5


def _taken_back_read(
    texts: Sequence[str],
    understood: Sequence[bool],
    language: str,
    questions: Sequence[Question],
) -> tuple[str, bool] | None:
    """The learnt reader's take-back ("换谁都犯嘀咕，可咱们这套真不一样"), with the same
    exemption: a question about the concern keeps the acknowledgement."""
    if not any(understood) or any(q.probes_concern for q in questions):
        return None
    for t in texts:
        # The turn ("but", "其实", "that said") from the cues, what follows it from the
        # reader: "…，可咱们这套跟他们不是一个路数" argues in words no claim list holds.
        if not lx.TAKE_BACK.search(t, language):
            continue
        r = read_acts(t, language)
        if r.p(SA.take_back) >= SURE:
            argues = max(r.p(SA.argue), r.p(SA.pitch), r.p(SA.leading)) >= MAYBE
            return t, argues
    return None


def _taken_back(
    texts: Sequence[str], understood: Sequence[bool], language: str, questions: Sequence[Question]
) -> tuple[str, bool] | None:
    """The sentence that takes an acknowledgement back, if one does, and whether it argues:
    after "I understand" comes a "but", "that said", "不过", "其实" and an argument for the
    offer (it is better, worth it, an investment) or a push for the next step, and the
    turn asks nothing about the buyer's concern."""
    if not any(understood):
        return None
    first = understood.index(True)
    for j in range(first, len(texts)):
        turn = lx.TAKE_BACK.search(texts[j], language)
        if turn is None:
            continue
        rest = texts[j][turn.start() :]
        # A question about the concern after the "but" keeps the acknowledgement ("I
        # get it. But what happened last time?"); the concern named inside the
        # acknowledgement ("理解您的顾虑，但是…") is no such question.
        asked = [rest if q.text == texts[j] else q.text for q in questions]
        if any(_digs_into_concern(q, language) for q in asked):
            return None
        # The argument may run on into the sentence after the "but".
        after = " ".join([rest, *texts[j + 1 : j + 2]])
        # "可是…这个钱可比系统费多多了，是吧？": a tag question after the "but" presses
        # the argument it makes.
        pressed = any(q.leading for q in questions if q.text in texts[j : j + 2])
        if (
            pressed
            or lx.VALUE_CLAIM.search(after, language)
            or lx.ARGUMENT.search(after, language)
            or lx.LEADING.search(after, language)
        ):
            return texts[j], True
        if lx.NEXT_STEP.find(after, language) and lx.PROPOSING.search(after, language):
            return texts[j], False  # "Fair enough, but can we meet IT on Tuesday?": pushed past
    return None


_BUYER_REF = lx.rx(
    r"您|你们|你|贵(司|公司|院|厂|行)|咱们(这边|那边|厂|公司)|\b(you|your|you'?re|you'?ve)\b", re.I
)


def _restates(t: str, ctx: TurnContext) -> bool:
    """The sentence is made of the buyer's words (two or more of their content terms)."""
    return len(content_terms(t) & ctx.buyer_terms) >= 2


def _about_buyer(t: str, prev_terms: frozenset[str], ctx: TurnContext) -> bool:
    """A summary restates the buyer's situation, not the trainee's own offer."""
    if _BUYER_REF.search(t):
        return True
    shared = (content_terms(t) & ctx.buyer_terms) | (_echo_terms(t) & prev_terms)
    return len(shared) >= 2


def _declarative_check(t: str) -> bool:
    """A statement turned into a question by intonation: "So the bottleneck is packing?"."""
    if _HAS_CJK.search(t):
        body = lx.ZH_TAG.sub("", re.sub(r"(吗|吧|呢)?[\s?？。]*$", "", t))
        return not lx.ZH_INTERROGATIVE.search(body)
    return not lx.EN_QUESTION_START.search(t) and not lx.EN_TELL_ME.search(t)


def _follows_up(
    t: str,
    preceding: str,
    prev_terms: frozenset[str],
    language: str,
    *,
    acknowledged: bool,
    probe: bool,
) -> bool:
    """Whether a question takes up what the buyer just said."""
    if lx.FOLLOWUP_MARKER.search(t, language) or probe or acknowledged:
        return True
    shared = _echo_terms(preceding + t) & prev_terms
    if _strong_echo(shared) or (lx.ANAPHORA_STRONG.search(t) and words(t) <= 12):
        return True
    return bool(shared) and bool(_CONDITIONAL_PREFACE.search(t) or lx.ANAPHORA.search(t))
