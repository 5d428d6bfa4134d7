"""What the buyer will do this turn, decided before anyone words it.

The policy (app/buyer/policy.py) fills a `TurnPlan`: the content that answers
each question at the depth trust allows, the questions it won't answer yet and
why, its reactions to the rest of the turn, the objection due, the verdict on
a proposed step. A voice words the plan: the offline phrasebook, or a model
given the plan as its limits. So both voices answer the same things and
withhold the same things, and the model never rephrases a sentence decided
without it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from app.buyer.lines import LineKey


class Depth(enum.StrEnum):
    full = "full"  # say all of it
    brief = "brief"  # guarded: the first sentence, coolly
    more = "more"  # said briefly before: now the rest
    recall = "recall"  # said before: point back to it, don't repeat it


ADVANCE_ACCEPTS = "advance:accepts"  # the key of the buyer's yes to the next step


@dataclass(frozen=True)
class Disclosure:
    """Content the buyer says now. `key` is a content key ("need:data-delay") or an
    objection's "reason:<id>" / "resolution:<id>", or "advance:accepts"."""

    key: str
    text: str
    depth: Depth = Depth.full
    question: str | None = None  # the trainee's words it answers
    elaborated: bool = False  # asked to say more ("具体说说？"): the rest comes with a lead-in
    # What of `text` is said now, chosen for the question when the turn is planned
    # (app/buyer/portion.py): a short answer's sentences (brief), the rest (more), or
    # the words that point back to it (recall).
    part: str | None = None

    @property
    def new(self) -> bool:
        return self.depth is not Depth.recall


@dataclass(frozen=True)
class Reaction:
    """The buyer's reaction to something the trainee did (not a question)."""

    line: LineKey
    first: bool = False  # said before the answers (taking offence, a verdict on the whole turn)
    text: str | None = None  # a scenario line to say as it is (e.g. the reason a step is refused)


class ObjectionMove(enum.StrEnum):
    raise_ = "raise"  # first time
    restate = "restate"  # the trainee talked past it: again, in other words
    bring_back = "bring_back"  # a concern set aside earlier comes back on its own trigger


@dataclass(frozen=True)
class ObjectionDue:
    objection_id: str
    move: ObjectionMove
    text: str  # the phrasing for the offline voice; the gist for the model
    unanswered: bool = False  # the buyer had asked the trainee something, and got no answer
    refusal: bool = False  # given as the reason a proposed step is turned down


@dataclass
class TurnPlan:
    answers: list[Disclosure] = field(default_factory=list)
    # Questions heard but not answered with content now: the line says how.
    withheld: list[LineKey] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    objection: ObjectionDue | None = None
    advance_accepted: bool = False
    closing: LineKey | None = None  # the meeting ends with this line
    suffix: LineKey | None = None  # a closing remark (impatience)
    events: dict[str, Any] = field(default_factory=dict)

    def disclosed_keys(self) -> list[str]:
        return [d.key for d in self.answers if d.new]

    @property
    def tells_something_new(self) -> bool:
        """Some answer of the reply is more than a pointer back to what was said."""
        return any(d.new for d in self.answers)
