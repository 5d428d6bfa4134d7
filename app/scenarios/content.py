"""A scenario's content as items the buyer can talk about, indexed for matching questions.

Every fact, need, decision item and stakeholder becomes a `ContentItem` with
a key ("fact:plant-scale", "need:data-delay", "decision:budget",
"stakeholder:it-manager"). Its matching text is the content's own wording
(what the buyer says, the need's summary, the person's name, title and
concerns), its keywords and the author's example questions: so a manager who
writes a scenario in plain words gets a buyer that recognises them, and
keywords only widen the net. BM25 over index terms (character n-grams for
Chinese, stems for English) ranks the items for a question.

Pure: built from a Scenario, no I/O; one index per scenario version, cached.
"""

from __future__ import annotations

import enum
import math
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from app.analysis.terms import index_terms
from app.analysis.topics import Topic
from app.scenarios.schema import NeedLayer, Scenario

DECISION_KEYS = ("process", "budget", "timeline", "criteria")


class ItemKind(enum.StrEnum):
    fact = "fact"
    need = "need"
    decision = "decision"
    stakeholder = "stakeholder"
    concern = "concern"  # the reason behind an objection: told to a question about it


@dataclass(frozen=True)
class ContentItem:
    key: str
    kind: ItemKind
    says: str  # the buyer's own words for it
    topics: frozenset[Topic]
    match_text: str  # what a question is matched against
    probes: tuple[str, ...] = ()
    layer: NeedLayer | None = None  # needs only
    builds_on: str | None = None  # needs only: the key of the need it deepens

    @property
    def id(self) -> str:
        return self.key.split(":", 1)[1]


def content_items(scenario: Scenario) -> tuple[ContentItem, ...]:
    items: list[ContentItem] = []
    for f in scenario.facts:
        items.append(
            ContentItem(
                key=f"fact:{f.id}",
                kind=ItemKind.fact,
                says=f.says,
                topics=frozenset(f.topics),
                match_text=" ".join([f.says, *f.keywords]),
                probes=tuple(f.probes),
            )
        )
    for n in scenario.needs:
        items.append(
            ContentItem(
                key=f"need:{n.id}",
                kind=ItemKind.need,
                says=n.says,
                topics=frozenset(),
                match_text=" ".join([n.says, n.summary, *n.keywords]),
                probes=tuple(n.probes),
                layer=n.layer,
                builds_on=f"need:{n.builds_on}" if n.builds_on else None,
            )
        )
    dp = scenario.decision
    decision_topics = {
        "process": Topic.decision,
        "budget": Topic.budget,
        "timeline": Topic.timeline,
        "criteria": Topic.criteria,
    }
    for key in DECISION_KEYS:
        says: str = getattr(dp, key)
        probes: list[str] = getattr(dp.probes, key)
        items.append(
            ContentItem(
                key=f"decision:{key}",
                kind=ItemKind.decision,
                says=says,
                topics=frozenset({decision_topics[key]}),
                match_text=says,
                probes=tuple(probes),
            )
        )
    for s in dp.stakeholders:
        items.append(
            ContentItem(
                key=f"stakeholder:{s.id}",
                kind=ItemKind.stakeholder,
                says=s.says,
                topics=frozenset({Topic.stakeholders}),
                match_text=" ".join([s.name, s.title, s.cares_about, s.says]),
                probes=tuple(s.probes),
            )
        )
    for o in scenario.objections:
        items.append(
            ContentItem(
                key=f"reason:{o.id}",
                kind=ItemKind.concern,
                says=o.reveals,
                topics=frozenset(),
                match_text=" ".join([o.reveals, *o.phrasings, *o.again]),
            )
        )
    return tuple(items)


def address_of(scenario: Scenario) -> str:
    """The ways a trainee names the buyer: full name, given name, surname plus title."""
    name = scenario.buyer.name
    if scenario.language == "zh":
        surname = name[:1]
        forms = [name, *(surname + t for t in ("总", "主任", "处长", "部长", "经理", "院长", "董"))]
    else:
        forms = [name, *name.split()]
    return " ".join(forms)


class ContentIndex:
    """BM25 over a scenario's items; `leave_out` drops example questions (for honest checks)."""

    def __init__(
        self,
        items: Sequence[ContentItem],
        leave_out: frozenset[str] = frozenset(),
        address: str = "",
    ):
        # How trainees address the buyer ("周总", "Dave") says nothing about what they ask.
        self.address_terms = frozenset(index_terms(address))
        self.items = tuple(items)
        self.by_key = {i.key: i for i in self.items}
        docs = [
            list(
                index_terms(" ".join([i.match_text, *(p for p in i.probes if p not in leave_out)]))
            )
            for i in self.items
        ]
        self._bm25 = bm25s.BM25()
        self._bm25.index(docs, show_progress=False)
        self._vocab = {t for d in docs for t in d}
        self._df = Counter(t for d in docs for t in set(d))

    def rarity(self, term: str) -> float:
        """How much a term singles out one passage of this scenario: high for "核磁",
        low for "设备", which half of a hospital's items say."""
        return math.log(1 + len(self.items) / (1 + self._df.get(term, 0)))

    def lexical(self, text: str, ignore: frozenset[str] = frozenset()) -> np.ndarray:
        """BM25 score of every item (in `items` order) for `text`; zeros when nothing is shared."""
        terms = [t for t in index_terms(text) if t in self._vocab and t not in ignore]
        if not terms:
            return np.zeros(len(self.items))
        scores: np.ndarray = self._bm25.get_scores(terms)
        return scores


_INDEXES: OrderedDict[str, ContentIndex] = OrderedDict()
_CACHE_SIZE = 256


def content_index(scenario: Scenario) -> ContentIndex:
    """The shared index of a scenario, built once per distinct scenario content.

    Keyed by the scenario's JSON (~50 µs): a manager's edit that keeps the
    version number still gets a fresh index.
    """
    key = scenario.model_dump_json()
    index = _INDEXES.get(key)
    if index is None:
        index = ContentIndex(content_items(scenario), address=address_of(scenario))
        _INDEXES[key] = index
        if len(_INDEXES) > _CACHE_SIZE:
            _INDEXES.popitem(last=False)
    else:
        _INDEXES.move_to_end(key)
    return index
