"""Conversation features the rubric scores: counts, episodes and their quotes.

Turns addressed to the scorer (injection) are set aside entirely: they are
evidence of nothing, whatever else they contain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.analysis.conversation import ConversationAnalysis
from app.analysis.lexicon import PROBE
from app.analysis.model import (
    Act,
    BuyerTurnAnalysis,
    ObjectionKind,
    Question,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.analysis.responses import counter_question
from app.analysis.text import content_terms, words
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


@dataclass
class ObjectionEpisode:
    """A buyer objection and the trainee's answer to it (the turns until the buyer speaks again)."""

    buyer_index: int
    kinds: tuple[ObjectionKind, ...]
    quote: str
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

    def counter_question(self) -> tuple[int, str] | None:
        """The first question back that digs into the objection (反问)."""
        if self.brushed_aside():
            return None
        said = content_terms(self.quote)
        for r in self.responses:
            q = counter_question(r)
            if q is None:
                continue
            # "理解理解。主要是哪几个品种？": a question after a nod, about something
            # else, leaves the objection standing. A probe, or a question that
            # takes up the objection's words, goes after the reason.
            probes = any(x.probes_concern for x in r.questions if x.text == q)
            if probes or PROBE.search(q, r.language) or _related(content_terms(q), said):
                return r.index, q
            if Act.understanding not in r.acts or q == r.evidence.get(Act.followup):
                return r.index, q
        return None


@dataclass
class Features:
    analysis: ConversationAnalysis
    trainee: list[TraineeTurnAnalysis]  # injection turns removed
    injections: list[TraineeTurnAnalysis]
    buyer: list[BuyerTurnAnalysis]
    questions: list[AskedQuestion]
    episodes: list[ObjectionEpisode]
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
                named = [topic for topic in DECISION_TOPICS if topic in q.topics] or [
                    Topic.decision
                ]
                for topic in named:
                    out.setdefault(topic, AskedQuestion(t.index, q, False))
        return out

    def advances(self) -> list[TraineeTurnAnalysis]:
        return [t for t in self.trainee if t.advance_kind is not None]


def extract(analysis: ConversationAnalysis) -> Features:
    trainee_all = analysis.trainee
    injections = [t for t in trainee_all if Act.injection in t.acts]
    trainee = [t for t in trainee_all if Act.injection not in t.acts]
    questions = [
        AskedQuestion(t.index, q, Act.followup in t.acts and q.text == t.evidence.get(Act.followup))
        for t in trainee
        for q in t.questions
    ]
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
        trainee_words=sum(t.words for t in trainee_all),
        buyer_words=sum(words(b.text) for b in analysis.buyer),
    )


def _related(asked: frozenset[str], said: frozenset[str]) -> bool:
    """Shares a content word (English) or two bigrams (Chinese) with the objection."""
    shared = asked & said
    latin = [t for t in shared if t.isascii()]
    return len(shared) - len(latin) >= 2 or bool(latin)
