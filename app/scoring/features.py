"""Conversation features the rubric scores: counts, episodes and their quotes.

Turns addressed to the scorer (injection) are set aside entirely: they are
evidence of nothing, whatever else they contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from app.analysis.conversation import ConversationAnalysis
from app.analysis.lexicon import ANAPHORA, FIGURE_ASKED, PROBE
from app.analysis.model import (
    Act,
    BuyerSignal,
    BuyerTurnAnalysis,
    ObjectionKind,
    Question,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.analysis.responses import counter_question
from app.analysis.sentence_acts import SentenceAct, read_acts
from app.analysis.text import cjk_count, content_terms, sentences, words
from app.analysis.topics import Topic

DECISION_TOPICS = (Topic.decision, Topic.stakeholders, Topic.budget, Topic.timeline, Topic.criteria)


@dataclass(frozen=True)
class AskedQuestion:
    index: int
    question: Question
    followup: bool


_DISMISS = re.compile(
    r"\banyway\b|\bmoving on\b|\bbe that as it may\b|\b(leaving|putting|setting) that aside\b|\bthat aside\b|"
    r"先不说(这个|那个|这些)|不管怎么样|不管怎样|(这个|那个)(先)?放(一)?放|先不管|撇开(这个|那个)|(那个|这个)(回头|以后)再说|这些都不是问题",
    re.I,
)


# What each kind of objection stands on: a question about these is about the concern.
OBJECTION_GROUND: dict[ObjectionKind, frozenset[Topic]] = {
    # "Expensive" is measured against what the problem costs.
    ObjectionKind.price: frozenset(
        {Topic.price, Topic.cost, Topic.budget, Topic.criteria, Topic.impact}
    ),
    # A budget is explored by asking whose money, which pot and when it is set.
    ObjectionKind.budget: frozenset(
        {Topic.budget, Topic.cost, Topic.price, Topic.decision, Topic.stakeholders, Topic.timeline}
    ),
    ObjectionKind.incumbent: frozenset({Topic.supplier, Topic.current_solution, Topic.criteria}),
    ObjectionKind.no_need: frozenset({Topic.problem, Topic.current_solution, Topic.goal}),
    ObjectionKind.no_time: frozenset({Topic.timeline}),
    ObjectionKind.risk: frozenset({Topic.risk}),
    ObjectionKind.send_material: frozenset({Topic.criteria}),
    ObjectionKind.think_it_over: frozenset({Topic.decision, Topic.criteria, Topic.risk}),
    ObjectionKind.authority: frozenset({Topic.decision, Topic.stakeholders}),
}


_QUESTION_MARK = re.compile(r"[?？]")
_CHOICE = re.compile(r"还是|\bor\b", re.I)
_YES_NO = re.compile(
    r"吗\s*[？?]?\s*$|^\W*(and |so |but )?(do|does|did|is|are|was|were|have|has|can|could|will)\b",
    re.I,
)


@dataclass
class ObjectionEpisode:
    """A buyer objection and the trainee's answer to it (the turns until the buyer speaks again)."""

    buyer_index: int
    kinds: tuple[ObjectionKind, ...]
    quote: str
    said: str = ""  # the whole buyer turn the objection is in
    responses: list[TraineeTurnAnalysis] = field(default_factory=list)
    buyer_after: BuyerTurnAnalysis | None = None
    extended: bool = False  # the buyer gave the reason; the answer to it counts here

    def has(self, act: Act) -> bool:
        return any(act in r.acts for r in self.responses)

    def quote_of(self, act: Act) -> tuple[int, str] | None:
        for r in self.responses:
            if act in r.acts:
                return r.index, r.evidence[act]
        return None

    def open_question(self) -> tuple[int, str] | None:
        """Any open question in the answer that is not a proposal or a close."""
        for r in self.responses:
            excluded = {
                r.evidence.get(a) for a in (Act.advance, Act.hard_close, Act.product_question)
            }
            for q in r.questions:
                if q.form is QuestionForm.open and not q.leading and q.text not in excluded:
                    return r.index, q.text
        return None

    def brushed_aside(self) -> bool:
        """The answer waves the objection away ("Sure, anyway. ...", "这个先不说")."""
        return any(_DISMISS.search(r.text) for r in self.responses[:1])

    def conceded(self) -> tuple[int, str] | None:
        """ "不换人。换个谈法——…", "No contest, then. Something small instead.": the answer
        opens by granting the buyer's condition in a few of its words, then goes another
        way; the opposite of arguing it, and the understanding a stock phrase would say."""
        if not self.responses:
            return None
        r = self.responses[0]
        if r.has(Act.argument, Act.discount, Act.hard_close, Act.give_up):
            return None
        said = sentences(r.text)
        if len(said) < 2:
            return None  # granted and left there is compliance, not a way forward
        first = said[0].text
        # "不换人。" grants; "不换才吃亏。" argues in as few characters, so Chinese gets three.
        short = cjk_count(first) <= GRANT_CHARS if cjk_count(first) else words(first) <= GRANT_WORDS
        if not short or not _GRANTS.match(first):
            return None
        if _shared_words(first, self.quote):
            return r.index, first
        return None

    def counter_question(self) -> tuple[int, str] | None:
        """The first question back that digs into the objection (反问)."""
        if self.brushed_aside():
            return None
        said = content_terms(self.quote)
        for r in self.responses:
            q = counter_question(r)
            if q is None or presses(q, r.language):
                continue
            # "理解理解。主要是哪几个品种？": a question after a nod, about something
            # else, leaves the objection standing. A probe, or a question that
            # takes up the objection's words, goes after the reason.
            probes = any(x.probes_concern for x in r.questions if x.text == q)
            # "Are energy costs a big issue for you right now?" after "I've heard a lot of
            # energy pitches" shares the scenario's topic, and asks for a yes or a no.
            asked = next((x for x in r.questions if x.text == q), None)
            closed = asked is not None and asked.form is QuestionForm.closed
            yes_no = (bool(_YES_NO.search(q)) or closed) and not _CHOICE.search(q)
            related = _related(content_terms(q), said) and not yes_no
            if probes or PROBE.search(q, r.language) or related:
                return r.index, q
            # Taken up from the buyer's words, it still has to ask for more than a fact:
            # "一共有多少家店？" after "没列预算" follows the talk, not the concern.
            if _fact_check(r, q) or yes_no:
                continue
            if Act.understanding not in r.acts or q == r.evidence.get(Act.followup):
                return r.index, q
        return self._question_on_its_ground() or self._question_that_opened_it()

    def _question_that_opened_it(self) -> tuple[int, str] | None:
        """The question the buyer answered with the problem behind the objection: "不聊换。
        同样一箱鸡腿，两个品牌拿到的价，一样还是不一样？" after "we're not switching" drew
        "不一样，差百分之八到十二". Whatever its words, it found what the pushback stood on."""
        after = self.buyer_after
        if after is None or after.objections or not self.responses:
            return None
        if not after.signals & {BuyerSignal.pain, BuyerSignal.impact}:
            return None
        last = self.responses[-1]
        excluded = {
            last.evidence.get(a) for a in (Act.advance, Act.hard_close, Act.product_question)
        }
        for q in reversed(last.questions):
            # "那几托退货，是这周的？" checks a fact; what the buyer added of their own
            # accord was not found by asking about the pushback.
            checks = q.form is QuestionForm.closed and not _CHOICE.search(q.text)
            if checks or q.leading or q.text in excluded or presses(q.text, last.language):
                continue
            return last.index, q.text
        return None

    def _question_on_its_ground(self) -> tuple[int, str] | None:
        """A question about what the objection stands on, in words no probe list holds:
        "您现在算账是按运费算，还是把拒收也算进去？" after "too expensive" asks how the
        buyer measures the cost; "is it the kit or the way it was rolled out?" after
        "we tried that" asks what went wrong. Its topics are the objection's ground,
        or it takes up the buyer's own words ("排他条款写的是全部，还是某几类？")."""
        ground = frozenset().union(*(OBJECTION_GROUND[k] for k in self.kinds))
        said = content_terms(self.said or self.quote)
        for r in self.responses:
            excluded = {
                r.evidence.get(a) for a in (Act.advance, Act.hard_close, Act.product_question)
            }
            # A sentence asked outright before one read as a question ("贵不贵得看跟什么比。").
            asked = sorted(r.questions, key=lambda q: not _QUESTION_MARK.search(q.text))
            for q in asked:
                if q.leading or q.text in excluded or presses(q.text, r.language):
                    continue
                # "明年有预算吗？" checks a fact with a yes or a no and leaves the concern
                # where it was; "卡在价，还是卡在人情？" or "啥时候报？" makes the buyer say more.
                if _YES_NO.search(q.text) and not _CHOICE.search(q.text):
                    continue
                # One shared content word is enough here: the question already passed
                # as neither a push nor a close, and it answers the objection's turn.
                on_ground = q.topics & ground
                if _fact_check(r, q.text):
                    # A blank to fill meets the ground only on what the objection is
                    # about: "明年的盘子啥时候报？" after "no budget" asks about the money;
                    # "希望什么时候上线？" or "一共有多少家店？" is the next checklist item.
                    on_ground -= _AROUND_THE_GROUND
                if on_ground or content_terms(q.text) & said:
                    return r.index, q.text
        return None


# Topics a checklist question touches whatever the objection was (when, who, how big).
_AROUND_THE_GROUND = frozenset({Topic.timeline, Topic.stakeholders, Topic.goal, Topic.scale})


GRANT_WORDS, GRANT_CHARS = 4, 3
_GRANTS = re.compile(r"\W*(不|没|别|no\b|not\b)", re.I)
_NOT_CONTENT = frozenset("不没别了的是就那这吧啊呢吗么个也都")


def _shared_words(short: str, objection: str) -> bool:
    """A content word (English) or a content character (Chinese) in both."""
    if content_terms(short) & content_terms(objection):
        return True
    chars = {c for c in short if "\u4e00" <= c <= "\u9fff"} - _NOT_CONTENT
    return bool(chars & set(objection))


def _fact_check(turn: TraineeTurnAnalysis, text: str) -> bool:
    """A closed question that asks for a figure or a date, with no choice in it."""
    asked = next((q for q in turn.questions if q.text == text), None)
    return (
        asked is not None
        and asked.form is QuestionForm.closed
        and bool(FIGURE_ASKED.search(text))
        and not _CHOICE.search(text)
        and not asked.probes_concern
    )


# How sure the learnt reader must be that a question presses rather than asks.
PRESSES = 0.6


def presses(question: str, language: str) -> bool:
    """A question that pushes instead of asking about the concern, in words the cues
    may not list: a tag on a claim ("…, is there?"), a close or a step in question
    form ("can we pencil in a tour?"), an argument with a question mark."""
    r = read_acts(question, language)
    pushing = (
        SentenceAct.leading,
        SentenceAct.hard_close,
        SentenceAct.next_step,
        SentenceAct.argue,
        SentenceAct.take_back,  # "I hear you, but the thing is…, right?"
    )
    return max(r.p(a) for a in pushing) >= PRESSES and r.p(SentenceAct.concern_probe) < PRESSES


@dataclass
class Features:
    analysis: ConversationAnalysis
    trainee: list[TraineeTurnAnalysis]  # injection turns removed
    injections: list[TraineeTurnAnalysis]
    buyer: list[BuyerTurnAnalysis]
    questions: list[AskedQuestion]
    episodes: list[ObjectionEpisode]
    brushed_past: list[tuple[int, str]]  # (turn, question) moving on from a disclosure
    # Turns whose question the buyer answered with their own stake, in words no
    # personal-probe cue holds ("今年的担子是？").
    elicited_personal: list[TraineeTurnAnalysis]
    trainee_words: int
    buyer_words: int

    @property
    def business_turns(self) -> int:
        """Trainee turns that do something beyond a greeting."""
        return sum(1 for t in self.trainee if not (t.acts <= {Act.greeting} and t.words < 25))

    def acts(self, act: Act) -> list[TraineeTurnAnalysis]:
        return [t for t in self.trainee if act in t.acts]

    def stage_questions(self, stage: SpinStage) -> list[AskedQuestion]:
        return [q for q in self.questions if q.question.stage is stage]

    @property
    def open_questions(self) -> list[AskedQuestion]:
        return [q for q in self.questions if q.question.form is QuestionForm.open]

    @property
    def decision_subtopics(self) -> dict[Topic, AskedQuestion]:
        """Which parts of the decision process the trainee asked about, first ask of each."""
        out: dict[Topic, AskedQuestion] = {}
        for t in self.acts(Act.decision_probe):
            for q in t.questions:
                # The probe itself, or a question on a decision topic; a push or the
                # time for a proposed step ("How about next Tuesday?") asks neither.
                if q.leading or q.text == t.evidence.get(Act.advance):
                    continue
                named = [topic for topic in DECISION_TOPICS if topic in q.topics]
                if not named and q.text != t.evidence.get(Act.decision_probe):
                    continue
                named = named or [Topic.decision]
                for topic in named:
                    out.setdefault(topic, AskedQuestion(t.index, q, False))
        return out

    def advances(self) -> list[TraineeTurnAnalysis]:
        return [t for t in self.trainee if t.advance_kind is not None]


# "那次之后" / "this has…": words that point back at what the buyer just told.
# "我个人怎么想不重要", "Never mind me": the buyer declining to tell is no disclosure to
# take up.
_DEFLECTS = re.compile(
    r"不重要|别问我|不方便(说|细说|谈)|不展开|先不说|以后再(说|聊)|我自己没什么|"
    r"听听就(算了|行了|好)|你知道就行|别(往外|外传|传出去)|"
    r"\b(never mind me|doesn'?t matter|rather not|not today|leave me out)\b",
    re.I,
)
ELLIPTICAL_WORDS = 3
_POINTS_BACK = re.compile(
    r"那(几|一|两|次|回|件|些|个|笔|批|段|阵|天|时候)|这(种|一|几|两|笔|些|批|件|次|段|么)|出了|"
    r"\b(when|after) that\b",
    re.I,
)


def brushed_past(buyer: BuyerTurnAnalysis, turn: TraineeTurnAnalysis) -> str | None:
    """The question with which the trainee moves on from a serious disclosure.

    The buyer has just told what a problem costs or what it means for them (an
    accident, a regulator, their job); "好的，明白。那您最看重哪些功能？" takes
    none of it up: no word of it, nothing pointing back at it, no question about
    what it means for them. Experts read that as not listening, however polite."""
    # "…我就不用干了。这话你听听就算了。": told, then taken back; moving on respects it.
    if _DEFLECTS.search(buyer.text):
        return None
    serious = buyer.signals & {BuyerSignal.impact, BuyerSignal.personal}
    if not serious or not turn.questions:
        return None
    # "进度呢？", "Louder where?": a question of a few words leans on what was just said.
    if words(turn.text) <= ELLIPTICAL_WORDS:
        return None
    # Words of the disclosure itself: "…contract end date with Vantor?" shares the
    # supplier's name with the turn, not the outage it told of.
    told = frozenset().union(*(content_terms(buyer.evidence.get(s, "")) for s in serious))
    if turn.has(Act.summary, Act.personal_probe) or content_terms(turn.text) & told:
        return None
    if ANAPHORA.search(turn.text) or _POINTS_BACK.search(turn.text):
        return None
    # The buyer led with where it hurts and let a side matter slip ("最头疼的就是订不准……
    # 店长自己也苦恼"); asking what that problem does to the business ("缺货了对门店那边影响
    # 大吗？") goes deeper into what was told, it does not move on from it.
    if BuyerSignal.pain in buyer.signals and any(
        q.stage is SpinStage.implication for q in turn.questions
    ):
        return None
    for q in turn.questions:
        r = read_acts(q.text, turn.language)
        if max(r.p(SentenceAct.personal_probe), r.p(SentenceAct.concern_probe)) >= PRESSES:
            return None
    return turn.questions[0].text


def _told(
    answer: BuyerTurnAnalysis | None,
    turn: TraineeTurnAnalysis,
    next_turn: TraineeTurnAnalysis | None,
    moved_on: set[int],
) -> frozenset[BuyerSignal]:
    """What the buyer's answer to this turn disclosed, if the trainee then took it up:
    a question is judged by what it brought out ("保险公司那头……" drew what the drop
    costs), but not a checklist item the buyer answered with more than was asked and
    the trainee walked past (the next trainee turn is two on)."""
    if answer is None or not turn.questions or turn.index + 2 in moved_on:
        return frozenset()
    if turn.advance_kind is not None or turn.has(Act.leading, Act.product_question):
        return frozenset()
    if next_turn is None or not _takes_up(next_turn, answer):
        return frozenset()
    return answer.signals


_NEXT_ITEM = re.compile(
    r"(第[一二三四五六七八九十\d]+|下一|最后一|再一|还有一)个问题|\b(next|last|final) question\b|"
    r"\bquestion (one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
    re.I,
)


def _takes_up(turn: TraineeTurnAnalysis, said: BuyerTurnAnalysis) -> bool:
    """The trainee's next turn builds on what the buyer disclosed: its words, a word
    pointing back at it, or a recap."""
    if _NEXT_ITEM.search(turn.text):
        return False  # "下一个问题，…" / "Question five:": the next item on a list
    told = frozenset().union(*(content_terms(q) for q in said.evidence.values()))
    return bool(
        _related(content_terms(turn.text), told)
        or _POINTS_BACK.search(turn.text)
        or ANAPHORA.search(turn.text)
        or turn.has(Act.summary)
    )


_STAGE_TOLD = (
    (BuyerSignal.impact, SpinStage.implication),
    (BuyerSignal.pain, SpinStage.problem),
)


def _as_answered(q: Question, told: frozenset[BuyerSignal]) -> Question:
    """The question at the SPIN stage of what the buyer answered, if that is deeper."""
    order = list(SpinStage)
    for signal, stage in _STAGE_TOLD:
        if signal in told and order.index(stage) > order.index(q.stage):
            return replace(q, stage=stage)
    return q


def extract(analysis: ConversationAnalysis) -> Features:
    trainee_all = analysis.trainee
    injections = [t for t in trainee_all if Act.injection in t.acts]
    trainee = [t for t in trainee_all if Act.injection not in t.acts]
    before = {
        t.index: b
        for b, t in zip(analysis.turns, analysis.turns[1:], strict=False)
        if isinstance(b, BuyerTurnAnalysis) and isinstance(t, TraineeTurnAnalysis)
    }
    brushed: list[tuple[int, str]] = []
    for t in trainee:
        quote = brushed_past(before[t.index], t) if t.index in before else None
        if quote is not None:
            brushed.append((t.index, quote))
    moved_on = {i for i, _ in brushed}
    answered_by = {b.index - 1: b for b in analysis.buyer}
    questions: list[AskedQuestion] = []
    elicited_personal: list[TraineeTurnAnalysis] = []
    by_index = {t.index: t for t in trainee}
    for t in trainee:
        told = _told(answered_by.get(t.index), t, by_index.get(t.index + 2), moved_on)
        if BuyerSignal.personal in told and not t.has(Act.personal_probe):
            elicited_personal.append(t)
        for q in t.questions:
            if q is t.questions[-1] and not q.leading:
                q = _as_answered(q, told)
            questions.append(
                AskedQuestion(
                    t.index,
                    q,
                    Act.followup in t.acts
                    and q.text == t.evidence.get(Act.followup)
                    and t.index
                    not in moved_on,  # "好的，明白。" before a new topic follows nothing
                )
            )
    episodes: list[ObjectionEpisode] = []
    current: ObjectionEpisode | None = None
    for turn in analysis.turns:
        if isinstance(turn, BuyerTurnAnalysis):
            if (
                current is not None
                and current.buyer_after is None
                and current.responses
                and not current.extended
                and current.counter_question() is not None
            ):
                # The buyer answers the counter-question: what it says is the reason
                # behind the objection, not a new one; the trainee's answer to it
                # still belongs to this objection.
                current.extended = True
                current.kinds = tuple(
                    dict.fromkeys((*current.kinds, *(o.kind for o in turn.objections)))
                )
                continue
            if current is not None and current.buyer_after is None and current.responses:
                current.buyer_after = turn
            if turn.objections:
                current = ObjectionEpisode(
                    buyer_index=turn.index,
                    kinds=tuple(o.kind for o in turn.objections),
                    quote=turn.objections[0].quote,
                    said=turn.text,
                )
                episodes.append(current)
            elif current is not None and current.responses:
                current = None
        elif current is not None and current.buyer_after is None and Act.injection not in turn.acts:
            current.responses.append(turn)
    return Features(
        analysis=analysis,
        trainee=trainee,
        injections=injections,
        buyer=analysis.buyer,
        questions=questions,
        episodes=episodes,
        brushed_past=brushed,
        elicited_personal=elicited_personal,
        trainee_words=sum(t.words for t in trainee_all),
        buyer_words=sum(words(b.text) for b in analysis.buyer),
    )


def _related(asked: frozenset[str], said: frozenset[str]) -> bool:
    """Shares a content word (English) or two bigrams (Chinese) with the objection."""
    shared = asked & said
    latin = [t for t in shared if t.isascii()]
    return len(shared) - len(latin) >= 2 or bool(latin)
