"""One buyer turn being decided: the scenario, the state being changed, the plan being filled.

The helpers here are what every part of the policy needs: picking a line
nobody has heard yet in this session, telling whether the trainee's words take
up something the buyer said, and adding to the plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from app.analysis.model import TraineeTurnAnalysis
from app.analysis.text import content_terms, sentences
from app.buyer import portion
from app.buyer.asking import Asked, read_questions
from app.buyer.lines import LineKey, Phrasebook, digest, rotate
from app.buyer.plan import Depth, Disclosure, Reaction, TurnPlan
from app.buyer.state import BuyerState, EndReason
from app.scenarios.content import ContentIndex, ContentItem, content_index
from app.scenarios.schema import Objection, Scenario

# The seller's own offer, in the trainee's words: what makes "price" our price and a
# "how do you like it?" a question about the product rather than small talk.
OUR_OFFER = re.compile(
    r"我们|我司|咱们的(方案|系统|产品|服务|平台)|这套|这款|这个方案|方案|产品|演示|报价|"
    r"\b(we|our|us|this solution|the (demo|proposal|platform|product|solution|offer))\b",
    re.I,
)


def _en_title_forms(title: str) -> list[str]:
    """How people say a title: "Owner and President" -> owner, president; "Chief
    Operating Officer" -> that, and COO; "Operating Partner, X (board member)" -> both."""
    forms: list[str] = []
    for part in re.split(r"[,()]|\band\b", title.lower()):
        words = part.split()
        if not words or len(words) > 3:
            continue
        forms.append(" ".join(words))
        if len(words) > 2 and words[0] == "chief":
            forms.append("".join(w[0] for w in words))
    return forms


THIRD_PERSON = re.compile(r"他|她|\b(he|him|his|she|her)\b", re.I)
_ZH_TITLES = ("总", "主任", "部长", "经理", "处长", "院长", "董", "科长", "行长", "主管")
# A department: "信息部", "采购中心", "IT" - how people refer to the one who heads it.
_ZH_UNIT = r"[A-Za-z]{2,6}|[\u4e00-\u9fff]{2,4}?(?:部|科|处|室|中心)"
_ZH_ROLE = r"总|经理|主任|部长|处长|科长|主管|副|负责人"


@lru_cache(maxsize=256)  # asked for every stakeholder on every question
def _zh_units(name: str, title: str, says: str) -> tuple[str, ...]:
    """The units a stakeholder is known by: the one in the title ("信息部经理"), and the
    one the buyer puts before their name ("IT的曾磊", "商品部唐总")."""
    units = [m.group(1) for m in re.finditer(rf"^({_ZH_UNIT})(?={_ZH_ROLE}|$)", title)]
    for n in (name, *(name[:1] + x for x in _ZH_TITLES)):
        units += [m.group(1) for m in re.finditer(rf"({_ZH_UNIT})的?{re.escape(n)}", says)]
    return tuple(dict.fromkeys(units))


def _names_unit(unit: str, lowered: str) -> bool:
    # "IT那边" names the IT lead; "digit" does not.
    return bool(re.search(rf"(?<![a-z]){re.escape(unit.lower())}(?![a-z])", lowered))


class Turn:
    def __init__(
        self,
        scenario: Scenario,
        state: BuyerState,
        analysis: TraineeTurnAnalysis,
        lines: Phrasebook,
        seed: int,
        buyer_index: int,
    ) -> None:
        self.scenario = scenario
        self.state = state
        self.analysis = analysis
        self.lines = lines
        self.seed = seed
        self.buyer_index = buyer_index
        self.plan = TurnPlan()
        self.index: ContentIndex = content_index(scenario)
        # Read before anything changes: what was asked is about the conversation so far.
        self.asked: list[Asked] = read_questions(self.index, scenario.language, state, analysis)
        self.consumed: set[int] = (
            set()
        )  # questions already answered (e.g. by an objection's reason)
        self.probe: int | None = None  # the question that dug into the objection on the table
        self.proposal: str | None = None  # the words of a step the trainee proposes, if any
        self.asks_order = False  # the trainee asks for the order or the signature
        self._said = set(state.said)
        self._picked: set[str] = set()
        self.spoken: list[str] = []  # the pieces the voice said, before any lead-in was glued on

    @property
    def language(self) -> str:
        return self.scenario.language

    # --- picking words nobody has heard yet ------------------------------------------------

    def fresh(self, text: str) -> bool:
        """Nothing of `text` has been said in this session (sentence by sentence)."""
        for s in sentences(text) or ():
            d = digest(s.text)
            if d in self._said or d in self._picked:
                return False
        return True

    def pick(self, variants: Sequence[str], key: str) -> str:
        """The next variant of a seed-dependent rotation that this session hasn't heard."""
        uses = self.state.line_uses.get(key, 0)
        choice = rotate(variants, self.seed, key, uses)
        for step in range(len(variants)):
            candidate = rotate(variants, self.seed, key, uses + step)
            if self.fresh(candidate):
                choice = candidate
                uses += step
                break
        self.state.line_uses[key] = uses + 1
        self._picked.update(digest(s.text) for s in sentences(choice))
        return choice

    def line(self, key: LineKey) -> str:
        return self.pick(self.lines.variants(self.language, key), key)

    def objection_text(self, o: Objection, *, again: bool) -> str:
        """A way of saying the objection: first raising, or coming back to it in other words."""
        if again:
            pool = [x for x in [*o.again, *o.phrasings] if self.fresh(x)]
            if pool:
                return self.pick(pool, f"again:{o.id}")
            key: LineKey = f"again_{o.kind.value}"  # type: ignore[assignment]
            return self.line(key)
        return self.pick(o.phrasings, f"objection:{o.id}")

    # --- reading the trainee's words ---------------------------------------------------------

    def named_person(self, text: str) -> ContentItem | None:
        """The stakeholder the text names (name, given name, surname with a title)."""
        lowered = text.lower()
        for s in self.scenario.decision.stakeholders:
            if self.language == "zh":
                forms = [s.name, s.title, *(s.name[:1] + x for x in _ZH_TITLES)]
                if any(f and f.lower() in lowered for f in forms):
                    return self.index.by_key.get(f"stakeholder:{s.id}")
                if any(_names_unit(unit, lowered) for unit in _zh_units(s.name, s.title, s.says)):
                    return self.index.by_key.get(f"stakeholder:{s.id}")
                continue
            # A person's name ("Tom Reyes": also "Tom"), never a word inside another
            # ("tomorrow") nor a group named in ordinary words ("Driver advisory council").
            words = s.name.split()
            personal = all(w[:1].isupper() for w in words)
            forms = [s.name, words[0]] if personal and len(words) > 1 else [s.name]
            if any(re.search(rf"\b{re.escape(f.lower())}\b", lowered) for f in forms):
                return self.index.by_key.get(f"stakeholder:{s.id}")
            # A group by the people in it or its kind: "the drivers" (not "the driver
            # level"), "your council".
            heads = {words[0].lower() + "s", words[-1].lower()} if not personal else set()
            if any(
                re.search(rf"\b(the|your|their|those)\s+{re.escape(h)}\b", lowered)
                for h in heads
                if len(h) > 3
            ):
                return self.index.by_key.get(f"stakeholder:{s.id}")
            # "your CFO", "the president": the person by their job, said as one says it.
            if any(
                re.search(rf"\b(your|the|their)\s+{re.escape(f)}\b", lowered)
                for f in _en_title_forms(s.title)
            ):
                return self.index.by_key.get(f"stakeholder:{s.id}")
        return None

    def person_meant(self, question: str) -> ContentItem | None:
        """The stakeholder a question is about: named in it, or named in the turn and
        then called "him" ("Tom sent us. What's in this for him?")."""
        person = self.named_person(question)
        if person is None and THIRD_PERSON.search(question):
            person = self.named_person(self.analysis.text)
        return person

    def mentions(self, keywords: Sequence[str]) -> bool:
        lowered = self.analysis.text.lower()
        return any(_contains(lowered, k.lower()) for k in keywords)

    def echoes(self, said: str, minimum: int = 2) -> bool:
        """Whether the trainee's turn takes up the words of something the buyer said."""
        return len(content_terms(self.analysis.text) & content_terms(said)) >= minimum

    # --- filling the plan --------------------------------------------------------------------------

    def answer(self, d: Disclosure) -> None:
        if any(x.key == d.key for x in self.plan.answers):
            return  # two questions of the turn led to one thing: it is said once
        if d.part is None and d.depth is Depth.brief:
            d = replace(d, part=portion.brief(d.text, d.question, self.index.rarity)[0])
        elif d.part is None and d.depth is Depth.more:
            d = replace(d, part=portion.rest(d.text, self.state.brief_said.get(d.key)))
        elif d.part is None and d.depth is Depth.recall:
            d = replace(d, part=portion.point_back(d.text, d.question or "", self.index.rarity))
        self.plan.answers.append(d)

    def react(self, key: LineKey, *, first: bool = False) -> None:
        self.plan.reactions.append(Reaction(key, first=first))

    def withhold(self, key: LineKey) -> None:
        """The question is heard but not answered with content now; `key` says how. Said
        once a turn: two questions held back alike get one "let's leave me out of it"."""
        if key not in self.plan.withheld:
            self.plan.withheld.append(key)

    def planned(self, key: str) -> bool:
        return any(d.key == key for d in self.plan.answers)

    @property
    def spoke(self) -> bool:
        p = self.plan
        return bool(p.answers or p.withheld or p.reactions or p.objection or p.closing)

    def end(self, reason: EndReason, line: LineKey) -> None:
        self.state.ended = True
        self.state.end_reason = reason
        self.plan.closing = line
        self.plan.events["ended"] = reason.value


def _contains(text: str, keyword: str) -> bool:
    if keyword.isascii() and keyword[:1].isalnum():
        return re.search(rf"\b{re.escape(keyword)}", text) is not None
    return keyword in text
