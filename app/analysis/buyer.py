"""Analysis of one buyer turn: objections raised, needs disclosed, next steps accepted.

An objection is resistance, not a neutral fact: naming the current supplier is
no objection, refusing to switch from it is. Signals are read clause by clause
so that one sentence can admit a problem and refuse in the same breath
("我们确实有这个问题，但今年没预算") without the refusal reading as pain, and
"OK, send me something" stays a brush-off rather than an acceptance.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from app.analysis import lexicon as lx
from app.analysis.disclosure import Told, read_disclosure
from app.analysis.lexicon import topics_of
from app.analysis.model import BuyerSignal, BuyerTurnAnalysis, ObjectionHit, ObjectionKind
from app.analysis.text import Sentence, sentences, words

# Kinds whose cues carry their own negation ("不好说换就换", "没时间"): a
# negator before them is part of the objection, not a denial of it.
_NEGATABLE = frozenset(
    {ObjectionKind.price, ObjectionKind.risk, ObjectionKind.send_material, ObjectionKind.no_need}
)
_SELLER = lx.rx(r"你们|你|您|贵司|\byou\b|\byour\b", re.I)
# Tools of one's own, not a supplier one is loyal to.
_OWN_TOOLS = lx.rx(r"\b(excel|word|wps|ppt|ok|it|erp|oa|i)\b|表格|手工", re.I)
_ACCEPT_ALONE = lx.CUES["ACCEPT_ALONE"]


# Kinds whose resistance words are specific enough to pair with a topic
# anywhere in the sentence; the others pair within a clause or a topic-comment
# pair ("这个价，是按镀金算的吧").
_SENTENCE_WIDE = frozenset(
    {ObjectionKind.incumbent, ObjectionKind.risk, ObjectionKind.think_it_over}
)


def _windows(t: str, *, whole: bool) -> list[str]:
    parts = lx.clauses(t) or (t,)
    if whole:
        return [t]
    out = list(parts)
    for a, b in itertools.pairwise(parts):
        if words(a) <= 4:  # a short topic clause, then its comment
            out.append(a + "，" + b)
    return out


# A buyer sentence is read twice: in its turn, and again (out of context) as
# what the trainee's next turn answers; the context-free parts are remembered.
@lru_cache(maxsize=2048)
def _objection_kinds(t: str, language: str) -> tuple[ObjectionKind, ...]:
    kinds = [
        kind
        for kind, c in lx.OBJECTIONS.items()
        if c.find(t, language, negatable=kind in _NEGATABLE)
    ]
    for kind, (topic, resistance) in lx.COMPOSED.items():
        if kind in kinds or (
            kind is ObjectionKind.risk and not lx.SWITCH_CONTEXT.search(t, language)
        ):
            continue
        if any(
            topic.search(c, language) and resistance.find(c, language, negatable=False)
            for c in _windows(t, whole=kind in _SENTENCE_WIDE)
        ):
            kinds.append(kind)
    if lx.PRICE_FINE.search(t, language):
        kinds = [k for k in kinds if k not in (ObjectionKind.price, ObjectionKind.budget)]
    if ObjectionKind.incumbent not in kinds and lx.RESISTANCE.search(t, language):
        ref = lx.INCUMBENT_REF.search(t, language)
        if ref and not _OWN_TOOLS.fullmatch(ref.group(0)):
            kinds.append(ObjectionKind.incumbent)
    if ObjectionKind.authority not in kinds and lx.INTERNAL_RESISTANCE.find(t, language):
        kinds.append(ObjectionKind.authority)
    if ObjectionKind.incumbent in kinds and ObjectionKind.no_need in kinds:
        kinds.remove(ObjectionKind.no_need)  # "用得好好的，没必要换" is loyalty, not a lack of need
    postponed = (
        ObjectionKind.think_it_over not in kinds
        and lx.POSTPONE.search(t, language)
        and not lx.CONTINUE_INVITE.search(t, language)
        and not ({ObjectionKind.no_time, ObjectionKind.send_material} & set(kinds))
    )
    if postponed:
        kinds.append(ObjectionKind.think_it_over)
    return tuple(kinds)


def _any_objection(c: str, language: str) -> bool:
    return any(
        c_.find(c, language, negatable=kind in _NEGATABLE) for kind, c_ in lx.OBJECTIONS.items()
    )


@lru_cache(maxsize=2048)
def _signals_of(t: str, language: str, objected: bool) -> frozenset[BuyerSignal]:
    parts = lx.clauses(t) or (t,)
    free = [c for c in parts if not _any_objection(c, language)] if objected else parts
    out: set[BuyerSignal] = set()
    hypothetical = False  # a clause after "万一…"/"if…" is its consequence: imagined, not lived
    # "你们能解决排产的问题吗？" asks about the seller; it admits nothing.
    asking_seller = bool(re.search(r"[?？]\s*$", t)) and bool(_SELLER.search(t))
    for c in parts:
        hypothetical = hypothetical or bool(lx.HYPOTHETICAL.search(c, language))
        if c not in free:
            continue
        pain = lx.BUYER_PAIN.find(c, language)
        if pain and not hypothetical and not asking_seller:
            fear = re.match(r"担心|怕|worr", pain.group(0), re.I)
            if not (fear and lx.SWITCH_CONTEXT.search(c, language)):
                out.add(BuyerSignal.pain)
        if lx.BUYER_SOFTENS.find(c, language):
            out.add(BuyerSignal.softens)
        if lx.BUYER_IMPACT.find(c, language):
            out.add(BuyerSignal.impact)
    if lx.BUYER_PERSONAL.find(t, language):
        out.add(BuyerSignal.personal)
    if not asking_seller:
        # "If this slips again, I'm the one explaining it to the board": a stake told as
        # a condition is still the buyer's own; a problem or cost told so is imagined.
        learnt = _learnt_disclosures(t, language, out)
        out |= learnt if not hypothetical else learnt & {BuyerSignal.personal}
    if (
        lx.STAKEHOLDER_NAMED.search(t, language)
        or lx.STAKEHOLDER_TITLE.search(t, language)
        or (
            lx.STAKEHOLDER_ROLE.search(t, language)
            and lx.STAKEHOLDER_ROLE_IN_DECISION.search(t, language)
        )
    ):
        out.add(BuyerSignal.stakeholder)
    ends = lx.BUYER_ENDS.search(t, language)
    if ends and not lx.HYPOTHETICAL.search(t[: ends.start()], language):
        out.add(BuyerSignal.ends)
    if any(_ACCEPT_ALONE.search(c, language) for c in free) or (
        any(lx.ACCEPT_ACTIVITY.find(c, language) for c in free)
        and any(lx.BUYER_ACCEPTS.find(c, language) for c in free)
    ):
        out.add(BuyerSignal.accepts)
    return frozenset(out)


# What a sentence tells, as the learnt reader sees it, against the signal it adds. Each
# cut is where the reader, fitted on one writer's lines, is right at least four times in
# five on another writer's (zh and en): a disclosure the cues missed is credited, one
# that isn't there is seldom invented. Pains are the hardest to tell from plain facts.
_LEARNT = (
    (Told.pain, BuyerSignal.pain, 0.85),
    (Told.impact, BuyerSignal.impact, 0.75),
    (Told.personal, BuyerSignal.personal, 0.75),
)


def _learnt_disclosures(t: str, language: str, found: set[BuyerSignal]) -> frozenset[BuyerSignal]:
    """Disclosures in words no buyer cue holds ("大部分是没人跟", "谁挨……我呗"), read by
    the learnt reader; never one it reads as pushback more than as a disclosure."""
    r = read_disclosure(t, language)
    # "主要靠Excel，计划员每天手工排": how things are done, which the reader takes for a
    # plain fact as well, is no admitted problem.
    plain = r.p(Told.fact) >= PLAIN_FACT
    return frozenset(
        signal
        for told, signal, cut in _LEARNT
        if signal not in found
        and r.p(told) >= cut
        and r.p(told) > r.p(Told.objection)
        and not (told is Told.pain and plain)
    )


PLAIN_FACT = 0.5


@lru_cache(maxsize=512)
def buyer_reading(
    text: str, language: str
) -> tuple[frozenset[ObjectionKind], frozenset[BuyerSignal]]:
    """Objection kinds and signals of a buyer text (for reading a trainee turn in context)."""
    a = analyze_buyer_turn(0, text, language)
    return a.objection_kinds, a.signals


_OFFER_TO_SEND = lx.CUES["OFFER_TO_SEND"]
_SEND_TO_PROCEED = lx.CUES["SEND_TO_PROCEED"]


_AGREED_TIME = lx.CUES["AGREED_TIME"]


def analyze_buyer_turn(
    index: int, text: str, language: str, previous_trainee: str = ""
) -> BuyerTurnAnalysis:
    """`previous_trainee`: what the trainee just said, when known. "Send it over" is a
    brush-off on its own, but a yes when the trainee has just offered to send it."""
    sents = sentences(text) or (Sentence(0, len(text), text.strip() or text),)
    # Answering "who else decides?" with who signs is information, not "not my call";
    # "我签不了" to "能不能先把意向书签了？" is a refusal, however the ask was put.
    probe = lx.DECISION_PROBE.search(previous_trainee, language) if previous_trainee else None
    order = lx.ORDER.find(previous_trainee, language) if previous_trainee else None
    # "the people who sign this in the end?" asks who decides; its "sign this" is no close.
    asked_decision = probe is not None and (
        order is None or probe.start() <= order.start() < probe.end()
    )
    # "Thursday. Loop in Devon." after a proposal is a yes, whatever errand comes with it.
    proposed = bool(previous_trainee) and bool(
        lx.NEXT_STEP.find(previous_trainee, language)
        and lx.PROPOSING.search(previous_trainee, language)
    )
    agreed_time = proposed and bool(_AGREED_TIME.search(text.strip(), language))
    # "I'll send it over. Can we pencil in a site tour?" - "Send the information first.":
    # asked for instead of the step just proposed, the material is the brush-off again.
    offered = (
        bool(previous_trainee)
        and bool(_OFFER_TO_SEND.search(previous_trainee, language))
        and not proposed
    )
    objections: list[ObjectionHit] = []
    seen: set[ObjectionKind] = set()
    signals: set[BuyerSignal] = set()
    evidence: dict[BuyerSignal, str] = {}

    def mark(signal: BuyerSignal, quote: str) -> None:
        signals.add(signal)
        evidence.setdefault(signal, quote)

    # "他不一定乐意。这事我得跟他商量。": someone's resistance makes the whole turn's
    # "I must talk to him" an objection, not just an answer about who decides.
    internal_resistance = bool(lx.INTERNAL_RESISTANCE.find(text, language))
    for s in sents:
        t = s.text
        kinds = list(_objection_kinds(t, language))
        if ObjectionKind.send_material in kinds and (
            offered or agreed_time or _SEND_TO_PROCEED.search(t, language)
        ):
            kinds.remove(ObjectionKind.send_material)
            mark(BuyerSignal.accepts, t)
        if (
            asked_decision
            and ObjectionKind.authority in kinds
            and not lx.RESISTANCE.search(t, language)
            and not internal_resistance
        ):
            kinds.remove(ObjectionKind.authority)
        for kind in kinds:
            if kind not in seen:
                seen.add(kind)
                objections.append(ObjectionHit(kind, t))
        if kinds:
            mark(BuyerSignal.objection, t)
        for signal in _signals_of(t, language, bool(kinds)):
            mark(signal, t)
    if agreed_time and BuyerSignal.objection not in signals:
        mark(BuyerSignal.accepts, sents[0].text)
    return BuyerTurnAnalysis(
        index=index,
        text=text,
        language=language,
        objections=tuple(objections),
        signals=frozenset(signals),
        evidence=evidence,
        topics=topics_of(text, language),
    )
