"""What each question of a trainee turn asks for, and which of the scenario's content answers it.

Two readings meet here: what kind of answer the question wants (its intent,
app/analysis/intent.py: an amount, a person, how it works today, what a
problem costs...) and which item's own words it shares (BM25 over the
scenario's content, app/scenarios/content.py). Intent routes to a kind of
content (a "who" question to the people, a cost question to the impact of a
problem); the words pick the item within it. Context breaks ties: a follow-up
goes to what the buyer just talked about and the need that builds on it.

Pure: the scenario, the buyer's state and the turn's analysis in, a ranking out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.analysis.intent import Intent, IntentReading, read_intent
from app.analysis.model import Question, TraineeTurnAnalysis
from app.analysis.terms import index_terms
from app.analysis.text import sentences
from app.analysis.topics import Topic
from app.buyer.state import BuyerState
from app.scenarios.content import ContentIndex, ContentItem, ItemKind
from app.scenarios.schema import NeedLayer

# Weights fitted on the built-in scenarios' example questions, each left out of
# the index in turn (app/simulation/reach.py); the held-out benchmark never tuned them.
LEXICAL_WEIGHT = 0.7
INTENT_WEIGHT = 0.3
TOPIC_WEIGHT = 0.1  # the question's business topic is one the item is tagged with
# An item's BM25 score is taken relative to the best one's, and discounted when even
# the best is weak: lexical / (best + SATURATION).
SATURATION = 3.0
CONTEXT_BONUS = 0.15
LEANING_BONUS = 0.3  # on top, for a short question pointing back with nothing before it
MIN_SCORE = 0.2  # below this the question is about none of the items
CONCERN_SHARE = 0.3  # how sure the reading must be that a question is about a concern
# "要是审核过不了，对厂里意味着什么？" names the words of the buyer's private stake ("这次再失败")
# as much as those of the business impact: unless the reading is about the person, the
# business reading comes first.
PERSONAL_SHARE = 0.3
PERSONAL_DISCOUNT = 0.85
# Asked who, how it is decided, with what money or by when: answered by people and the
# decision, whatever else shares the turn's words.
_WHO_AND_HOW = frozenset({Intent.people, Intent.decision_process, Intent.budget, Intent.timeline})
PLAIN_INTENT = 0.75  # a reading this sure says what sort of thing is asked for...
NO_FIT = 0.1  # ...and an item this far from it is probably not the answer
OFF_INTENT_DISCOUNT = 0.8

_GOAL_TOPICS = frozenset({Topic.goal, Topic.strategy})
_SUPPLIER_TOPICS = frozenset({Topic.supplier, Topic.current_solution})
# Intents that name no content of their own: the words alone decide, or the policy does.
CONVERSATIONAL = frozenset(
    {Intent.concern, Intent.elaborate, Intent.product_opinion, Intent.check, Intent.other}
)
# Readings that ask for how things stand (facts, people, the decision)...
ASKS_FOR_FACTS = frozenset(
    {
        Intent.current_state,
        Intent.supplier,
        Intent.goal,
        Intent.decision_process,
        Intent.people,
        Intent.budget,
        Intent.timeline,
        Intent.criteria,
    }
)
# ...and, with what goes wrong, what it costs and what it means to them, for anything the
# buyer knows: not a proposal, a close, a remark or a question about a concern.
ASKS_FOR_CONTENT = ASKS_FOR_FACTS | {Intent.problem, Intent.impact, Intent.personal}


def affinity(intent: Intent, item: ContentItem) -> float:
    """How well an item answers a question of this intent, 0..1."""
    kind, layer = item.kind, item.layer
    if kind is ItemKind.concern:
        return {Intent.concern: 1.0, Intent.elaborate: 0.3, Intent.problem: 0.2}.get(intent, 0.0)
    if kind is ItemKind.decision:
        table = {
            "decision:process": {Intent.decision_process: 1.0, Intent.people: 0.5},
            "decision:budget": {Intent.budget: 1.0},
            "decision:timeline": {Intent.timeline: 1.0, Intent.goal: 0.3},
            "decision:criteria": {Intent.criteria: 1.0, Intent.decision_process: 0.3},
        }
        return table[item.key].get(intent, 0.0)
    if kind is ItemKind.stakeholder:
        return {Intent.people: 1.0, Intent.decision_process: 0.4}.get(intent, 0.0)
    if kind is ItemKind.fact:
        if item.topics & _GOAL_TOPICS:
            return {Intent.goal: 1.0, Intent.current_state: 0.5, Intent.timeline: 0.3}.get(
                intent, 0.0
            )
        if item.topics & _SUPPLIER_TOPICS:
            return {Intent.supplier: 1.0, Intent.current_state: 1.0, Intent.problem: 0.2}.get(
                intent, 0.0
            )
        return {Intent.current_state: 1.0, Intent.supplier: 0.4, Intent.problem: 0.2}.get(
            intent, 0.0
        )
    if layer is NeedLayer.surface:
        return {Intent.problem: 1.0, Intent.impact: 0.4, Intent.current_state: 0.2}.get(intent, 0.0)
    if layer is NeedLayer.impact:
        return {Intent.impact: 1.0, Intent.payoff: 0.5, Intent.problem: 0.4}.get(intent, 0.0)
    return {Intent.personal: 1.0, Intent.impact: 0.2}.get(intent, 0.0)


@dataclass(frozen=True)
class Ranked:
    item: ContentItem
    score: float
    lexical: float  # raw BM25


@dataclass(frozen=True)
class Asked:
    """One question of the turn, read."""

    question: Question
    reading: IntentReading
    ranked: tuple[Ranked, ...]  # best first; empty when nothing in the scenario is near

    @property
    def intent(self) -> Intent:
        return self.reading.intent

    @property
    def best(self) -> Ranked | None:
        return self.ranked[0] if self.ranked else None


def _context_keys(state: BuyerState, index: ContentIndex) -> set[str]:
    """What the buyer just talked about, and the needs that deepen it."""
    keys = set(state.last_keys)
    for item in index.items:
        if item.builds_on in keys:
            keys.add(item.key)
    return keys


def asks_plainly_who_or_how(reading: IntentReading) -> bool:
    """The reading says surely that people, the decision, money or timing is asked."""
    return reading.confidence >= PLAIN_INTENT and reading.intent in _WHO_AND_HOW


def rank(
    index: ContentIndex,
    text: str,
    reading: IntentReading,
    context: set[str],
    topics: frozenset[Topic] = frozenset(),
    leaned_on: frozenset[str] = frozenset(),
) -> list[Ranked]:
    lexical = index.lexical(text, ignore=index.address_terms)
    top = float(lexical.max()) if len(lexical) else 0.0
    about_concern = reading.p(Intent.concern, Intent.elaborate, Intent.problem) >= CONCERN_SHARE
    personal = reading.p(Intent.personal) >= PERSONAL_SHARE
    plain = asks_plainly_who_or_how(reading)
    out: list[Ranked] = []
    for i, item in enumerate(index.items):
        if item.kind is ItemKind.concern and not about_concern:
            continue  # the story behind an objection is told only to a question about it
        lex = float(lexical[i])
        lex_share = lex / (top + SATURATION)
        fit = sum(p * affinity(intent, item) for intent, p in reading.probabilities.items())
        score = LEXICAL_WEIGHT * lex_share + INTENT_WEIGHT * fit
        if topics & item.topics:
            score += TOPIC_WEIGHT
        if item.key in context and (lex_share > 0 or fit > 0.2):
            score += CONTEXT_BONUS
        if item.key in leaned_on:
            # "How often does that happen?" opening a turn leans on the last answer alone
            score += LEANING_BONUS
        if item.layer is NeedLayer.personal and not personal:
            score *= PERSONAL_DISCOUNT  # a business question near a private matter
        if plain and item.kind in (ItemKind.need, ItemKind.fact) and fit < NO_FIT:
            # "…who else would need to be involved?" is plainly about people: a need
            # sharing the turn's words is not what it asks for.
            score *= OFF_INTENT_DISCOUNT
        if score >= MIN_SCORE:
            out.append(Ranked(item, score, lex))
    out.sort(key=lambda r: -r.score)
    return out


def read_questions(
    index: ContentIndex, language: str, state: BuyerState, analysis: TraineeTurnAnalysis
) -> list[Asked]:
    """Every question of the turn, in the order asked, with its intent and ranked content."""
    context = _context_keys(state, index)
    out = []
    for q in analysis.questions:
        reading = read_intent(q.text, language)
        # "…ten at exit. Who else would have to be part of it?" says by its form what it
        # asks for: the statement before it is no part of the question.
        plain = asks_plainly_who_or_how(reading)
        words = q.text if plain else _with_lead_in(analysis.text, q.text)
        leans = words == q.text and _leans_on_the_answer(q.text)
        leaned_on = frozenset(state.last_keys) if leans else frozenset()
        ranked = rank(index, words, reading, context, q.topics, leaned_on)
        out.append(Asked(q, reading, tuple(ranked)))
    return out


SHORT_QUESTION = 6  # index terms: "How did that go?" needs the sentence before it
# Chinese terms are characters and their pairs: "当时主要是卡在哪儿了？" has seven, and
# names nothing; count its content characters instead.
SHORT_QUESTION_ZH_CHARS = 4


def _with_lead_in(turn: str, question: str) -> str:
    """The question, with the statement just before it when the question alone names
    nothing ("I heard you tried some cameras a while back. How did that go?")."""
    if not _names_little(question):
        return question
    parts = [s.text for s in sentences(turn)]
    if question not in parts:
        return question
    at = parts.index(question)
    if at == 0:
        return question
    if parts[at - 1].rstrip().endswith(("?", "？")) and not _POINTS_BACK.search(question):
        return question  # "怎么走流程？哪些部门要参与？": a second ask of its own
    return f"{parts[at - 1]} {question}"


def _names_little(question: str) -> bool:
    """Too few words of its own to name what it asks about."""
    terms = index_terms(question)
    chars = [t for t in terms if len(t) == 1 and not t.isascii()]
    return len(chars) < SHORT_QUESTION_ZH_CHARS if chars else len(terms) < SHORT_QUESTION


def _leans_on_the_answer(question: str) -> bool:
    """A short question that points back and brings no words of its own in the turn."""
    return _names_little(question) and bool(_THAT.search(question))


# "that", not "it" ("when it comes to the fleet") nor "then"
_THAT = re.compile(
    r"当时|那时|那次|那个|这个|这事|那事|\b(that|those)\b(?! (is|was|'s) (why|what|how))", re.I
)


# Words that lean on what was just said: "当时卡在哪儿了？", "How did that go?"
_POINTS_BACK = re.compile(
    r"当时|那时|那次|那会儿?|那个|那些|这事|那事|其中|它|\b(that|it|those|them|there|then)\b", re.I
)
