"""What the analysis says about a turn. Plain frozen data, no behaviour beyond views."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from app.analysis.topics import Topic

# A statement about ourselves this long, with no question, is a pitch; this long
# even with a question, a monologue. The buyer reacts to exactly what the rubric
# penalises, so both read these two numbers.
PITCH_WORDS = 15
MONOLOGUE_WORDS = 45
# Turns in a row of nothing but closed questions about the situation, none following up:
# the rubric's interrogation. The buyer feels it where the scorer charges it.
INTERROGATION_RUN = 3


class QuestionForm(enum.StrEnum):
    open = "open"
    closed = "closed"


class SpinStage(enum.StrEnum):
    situation = "situation"
    problem = "problem"
    implication = "implication"
    need_payoff = "need_payoff"


class ObjectionKind(enum.StrEnum):
    price = "price"
    budget = "budget"
    incumbent = "incumbent"  # "we already have a supplier"
    no_need = "no_need"
    no_time = "no_time"
    risk = "risk"
    send_material = "send_material"
    think_it_over = "think_it_over"
    authority = "authority"  # "not my decision"


class Act(enum.StrEnum):
    """Things a trainee turn does. A turn usually does several."""

    greeting = "greeting"
    question = "question"
    followup = "followup"  # a question that builds on what the buyer just said
    leading = "leading"  # a question that pushes the answer ("surely you'd agree...")
    product_question = "product_question"  # asks about liking the product, not their business
    personal_probe = "personal_probe"  # asks about the buyer's own stake
    decision_probe = "decision_probe"  # asks who decides, budget, timeline, criteria
    pitch = "pitch"  # talks about own product/company features
    value = "value"  # a benefit tied to what the buyer said
    proof = "proof"  # a case, a reference, data
    pilot = "pilot"  # a small low-risk step
    advance = "advance"  # proposes a concrete next step
    hard_close = "hard_close"  # asks for the order / contract
    discount = "discount"  # offers a price cut or concession
    understanding = "understanding"  # acknowledges the buyer's view
    argument = "argument"  # contradicts, argues the buyer down
    give_up = "give_up"  # drops the sale
    badmouth = "badmouth"  # runs down a competitor or the incumbent
    summary = "summary"  # restates the buyer's need in own words
    feedback_request = "feedback_request"  # asks whether they got it right
    self_disclosure = "self_disclosure"  # shares something of their own to earn openness
    injection = "injection"  # addressed to the system/scorer, not the buyer


class AdvanceKind(enum.StrEnum):
    meeting = "meeting"
    site_visit = "site_visit"
    demo = "demo"
    pilot = "pilot"
    introduction = "introduction"  # meet another decision maker
    proposal = "proposal"
    order = "order"  # sign / place the order: a close, not an advance


class BuyerSignal(enum.StrEnum):
    objection = "objection"
    pain = "pain"  # admits a problem
    impact = "impact"  # states a consequence or cost
    personal = "personal"  # states their own stake
    stakeholder = "stakeholder"  # names someone else in the decision
    accepts = "accepts"  # agrees to a next step
    softens = "softens"  # concedes a point, opens up
    ends = "ends"  # closes the meeting


@dataclass(frozen=True)
class Question:
    text: str
    form: QuestionForm
    stage: SpinStage
    topics: frozenset[Topic]
    leading: bool = False
    probes_concern: bool = False  # asks what is behind the buyer's hesitation


@dataclass(frozen=True)
class ObjectionHit:
    kind: ObjectionKind
    quote: str


@dataclass(frozen=True)
class TraineeTurnAnalysis:
    index: int
    text: str
    language: str
    words: int
    questions: tuple[Question, ...]
    acts: frozenset[Act]
    evidence: Mapping[Act, str]  # the sentence that shows each act, verbatim
    topics: frozenset[Topic]
    pitch_words: int
    advance_kind: AdvanceKind | None

    @property
    def open_questions(self) -> int:
        return sum(1 for q in self.questions if q.form is QuestionForm.open)

    def has(self, *acts: Act) -> bool:
        return any(a in self.acts for a in acts)


@dataclass(frozen=True)
class BuyerTurnAnalysis:
    index: int
    text: str
    language: str
    objections: tuple[ObjectionHit, ...]
    signals: frozenset[BuyerSignal]
    evidence: Mapping[BuyerSignal, str]
    topics: frozenset[Topic]

    @property
    def objection_kinds(self) -> frozenset[ObjectionKind]:
        return frozenset(o.kind for o in self.objections)
