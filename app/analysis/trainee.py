"""Analysis of one trainee turn: its questions, and what else it does."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.analysis import lexicon as lx
from app.analysis.model import (
    Act,
    AdvanceKind,
    Question,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.analysis.text import Sentence, content_terms, sentences, words
from app.analysis.topics import Topic


@dataclass(frozen=True)
class TurnContext:
    """What the trainee turn answers to: the buyer's last words, and all of theirs."""

    previous_buyer_text: str = ""
    buyer_terms: frozenset[str] = field(default_factory=frozenset)


_ZH_STRONG_OPEN = re.compile(
    r"为什么|为何|怎么(?!样的时候)|怎样|如何|哪些|哪方面|说说|讲讲|聊聊|谈谈|介绍|展开|描述|举个例子|多大程度|意味着什么|分享一下|详细"
)
_ZH_WEAK_OPEN = re.compile(r"什么(?!时候)")
_ZH_ADDRESSED = re.compile(r"您|你们|你|贵")
_EN_STATEMENT_END = re.compile(r"[.!]\s*$")
_PRODUCT_QUESTION = lx.cue(
    [
        r"(我们|我们的|我司|这款|这个|咱们的)(产品|方案|系统|平台|功能|演示|服务).{0,12}(怎么样|如何|喜欢|满意|不错|好不好|感兴趣|有兴趣|觉得)",
        r"(喜欢|感兴趣|有兴趣|考虑买|考虑采购).{0,10}(我们|产品|方案)",
        r"(要不要|想不想|愿不愿意)(买|采购|订|上)",
    ],
    [
        r"\bdo you like (our|the|this|my)\b",
        r"\bwhat do you think (of|about) (our|the|this|my) (product|solution|platform|demo|offer)",
        r"\bare you interested in (our|buying|the)\b",
        r"\bwould you (like|want) to (buy|purchase|order)\b",
        r"\bhow (do you like|does our)\b",
    ],
)
_ZH_EARLY_GIVEUP_BREAK = re.compile(r"[?？]")


def _is_question(s: Sentence, language: str) -> bool:
    t = s.text
    if lx.QUESTION_MARK.search(t):
        return True
    if lx.ZH_FINAL_PARTICLE.search(t) and re.search(r"[\u4e00-\u9fff]", t):
        return True
    if lx.ZH_TELL_ME.search(t) and _ZH_ADDRESSED.search(t):
        return True
    if lx.EN_TELL_ME.search(t):
        return True
    if lx.EN_QUESTION_START.search(t) and not _EN_STATEMENT_END.search(t):
        return True
    return bool(
        language == "zh"
        and lx.ZH_INTERROGATIVE.search(t)
        and _ZH_ADDRESSED.search(t)
        and not re.search(r"[。!！]\s*$", t)
    )


def _form(t: str, language: str) -> QuestionForm:
    if re.search(r"[\u4e00-\u9fff]", t) and (language == "zh" or not re.search(r"[A-Za-z]{3}", t)):
        if _ZH_STRONG_OPEN.search(t):
            return QuestionForm.open
        if lx.ZH_YES_NO.search(t):
            return QuestionForm.closed
        if _ZH_WEAK_OPEN.search(t):
            return QuestionForm.open
        return QuestionForm.closed
    return QuestionForm.open if lx.OPEN.en.search(t) else QuestionForm.closed


def _stage(t: str, language: str) -> SpinStage:
    if lx.NEED_PAYOFF.search(t, language):
        return SpinStage.need_payoff
    if lx.IMPLICATION.search(t, language):
        return SpinStage.implication
    if lx.PROBLEM.search(t, language):
        return SpinStage.problem
    return SpinStage.situation


def topics_of(text: str, language: str) -> frozenset[Topic]:
    return frozenset(topic for topic, c in lx.TOPICS.items() if c.search(text, language))


def _echoes(terms: frozenset[str], buyer_terms: frozenset[str]) -> frozenset[str]:
    return terms & buyer_terms


def _enough_echo(shared: frozenset[str]) -> bool:
    """Two Chinese bigrams, or one English content word / number, in common."""
    latin = [t for t in shared if t.isascii()]
    return len(shared) - len(latin) >= 2 or any(len(t) >= 4 or t[0].isdigit() for t in latin)


def _advance_kind(t: str, language: str) -> AdvanceKind:
    if lx.ORDER.search(t, language):
        return AdvanceKind.order
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


def analyze_trainee_turn(
    index: int, text: str, language: str, context: TurnContext | None = None
) -> TraineeTurnAnalysis:
    ctx = context or TurnContext()
    sents = sentences(text) or [Sentence(0, len(text), text.strip() or text)]
    prev_terms = content_terms(ctx.previous_buyer_text) if ctx.previous_buyer_text else frozenset()
    questions: list[Question] = []
    acts: set[Act] = set()
    evidence: dict[Act, str] = {}
    topics: set[Topic] = set()
    statement_topics: set[Topic] = set()
    pitch_words = 0
    advance_kind: AdvanceKind | None = None

    def mark(act: Act, quote: str) -> None:
        acts.add(act)
        evidence.setdefault(act, quote)

    for i, s in enumerate(sents):
        t = s.text
        asks = _is_question(s, language)
        sent_topics = topics_of(t, language)
        if asks:
            q = Question(
                text=t,
                form=_form(t, language),
                stage=_stage(t, language),
                topics=sent_topics,
                leading=bool(lx.LEADING.search(t, language)),
            )
            questions.append(q)
            topics |= sent_topics
            mark(Act.question, t)
            if q.leading:
                mark(Act.leading, t)
            if lx.PERSONAL_PROBE.search(t, language):
                mark(Act.personal_probe, t)
            if lx.DECISION_PROBE.search(t, language):
                mark(Act.decision_probe, t)
            if _PRODUCT_QUESTION.search(t, language):
                mark(Act.product_question, t)
            if lx.FEEDBACK.search(t, language):
                mark(Act.feedback_request, t)
            if ctx.previous_buyer_text and (
                lx.FOLLOWUP_MARKER.search(t, language)
                or _enough_echo(content_terms(t) & prev_terms)
            ):
                mark(Act.followup, t)
        else:
            statement_topics |= sent_topics
            echo = _enough_echo(_echoes(content_terms(t), ctx.buyer_terms))
            benefit = bool(lx.BENEFIT.search(t, language))
            claims = bool(lx.PITCH_SELF.search(t, language) and lx.PITCH_CLAIM.search(t, language))
            if benefit and echo:
                mark(Act.value, t)
            elif claims:
                mark(Act.pitch, t)
                pitch_words += words(t)
        if i == 0 and lx.GREETING.search(t, language):
            mark(Act.greeting, t)
        if lx.UNDERSTANDING.search(t, language):
            mark(Act.understanding, t)
        if lx.ARGUMENT.search(t, language):
            mark(Act.argument, t)
        if lx.DISCOUNT.search(t, language):
            mark(Act.discount, t)
        if lx.PROOF.search(t, language) and not asks:
            mark(Act.proof, t)
        if lx.PILOT.search(t, language):
            mark(Act.pilot, t)
        if lx.SUMMARY.search(t, language) and words(text) >= 8:
            mark(Act.summary, t)
        if lx.SELF_DISCLOSURE.search(t, language):
            mark(Act.self_disclosure, t)
        if lx.INJECTION.search(t, language):
            mark(Act.injection, t)
        if lx.BADMOUTH_TARGET.search(t, language) and lx.BADMOUTH_NEGATIVE.search(t, language):
            mark(Act.badmouth, t)
        proposing = asks or bool(lx.PROPOSING.search(t, language))
        if proposing and lx.ORDER.search(t, language) and not lx.INJECTION.search(t, language):
            mark(Act.hard_close, t)
            advance_kind = AdvanceKind.order
        elif proposing and lx.NEXT_STEP.search(t, language) and advance_kind is None:
            mark(Act.advance, t)
            advance_kind = _advance_kind(t, language)

    if lx.GIVE_UP.search(text, language) and Act.advance not in acts and not questions:
        quote = next(s.text for s in sents if lx.GIVE_UP.search(s.text, language))
        mark(Act.give_up, quote)

    return TraineeTurnAnalysis(
        index=index,
        text=text,
        language=language,
        words=words(text),
        questions=tuple(questions),
        acts=frozenset(acts),
        evidence=evidence,
        topics=frozenset(topics or statement_topics),
        pitch_words=pitch_words,
        advance_kind=advance_kind,
        echoed_terms=_echoes(content_terms(text), ctx.buyer_terms),
    )
