"""Answering the trainee's questions from the scenario, at the depth trust allows.

Facts go to any fair question, even from a guarded buyer (the first sentence
only, while trust is low; the rest when asked again). Surface needs go to a
question about difficulties once the buyer has a little trust; what a problem
costs (impact) only once that problem is on the table and trust is there;
the buyer's own stake only to a personal question at high trust. Decision
people and process are shared when asked. Something already said is pointed
back to, never said again word for word. A question the scenario holds no
answer to gets an honest "couldn't say", in character.
"""

from __future__ import annotations

import re

from app.analysis import lexicon as lx
from app.analysis.intent import Intent
from app.analysis.model import Act, SpinStage
from app.analysis.terms import index_terms
from app.analysis.text import sentences
from app.analysis.topics import Topic
from app.buyer import objections as obj
from app.buyer import portion
from app.buyer.asking import CONVERSATIONAL, Asked, Ranked, affinity
from app.buyer.lines import LineKey
from app.buyer.plan import Depth, Disclosure
from app.buyer.state import ObjectionStatus
from app.buyer.turn import OUR_OFFER, THIRD_PERSON, Turn
from app.scenarios.content import ContentItem, ItemKind
from app.scenarios.schema import NeedLayer

BRIEF_BELOW_TRUST = 30  # a guarded buyer answers facts in a sentence
BUDGET_TRUST = 30  # below this, or as the very first thing asked, money is not discussed
PEOPLE_TRUST = 12
PEOPLE_OPEN_TRUST = 40  # trusting enough to name two people at once
GENERIC_LEXICAL = 3.0  # a question sharing less than this with any item names none of them
MAX_ANSWERS = 2  # a barrage of questions gets two answers
# How close another item must score to stand in for the best one (a person not named yet).
NEAR = 0.7
CONVERSATIONAL_MATCH = 0.3
# BM25 a question must share with a fact or a need to be about it (an English word
# shared weighs about what a Chinese character pair does, and there are fewer of them).
MIN_WORDS = {"zh": 1.5, "en": 0.8}
NEED_INTENT = 0.25  # share of the reading that asks about difficulties, costs, stakes
PLAINLY_ONE = 3.0  # how far a question's best match must lead the next to be about it alone
NAMES_THE_NEED = 6.0  # BM25 at which a question plainly names a need in its own words
NAMES_IT = NAMES_THE_NEED / 2  # ...and at which it is plainly about its best match
PROBLEM_LEAN = 0.25  # enough of the reading asks what is hard, not just how it is
STORY = 0.75
PAIN_WORDS = 0.5
SAID_ALREADY = 0.4  # share of what someone cares about that their introduction holds
PERSONAL_ASK = 0.6  # a reading this sure is a question about the buyer as a person
PERSONAL_READING = 0.4  # "leave me out of it" only to a question that is about the person
SMALL_TALK_UNTIL = 4  # the buyer's reply to the trainee's first two turns: still settling in
PERSONAL_HINT_GAP = 20  # this far short of the trust a personal need takes: a sentence of it
TWIN = 0.85  # a second reading this close to the best is answered too...
TWIN_WORDS = 2.0  # ...when the question shares real words with it
FALLBACK = 0.6  # a held-back answer gives way to another reading scoring at least this share
# ...and, for a question about something already told, only when the question's words
# point at the other reading at least as much as at what was told.
SHARED_WORDS = 1.0
_PERMISSION = re.compile(
    r"(能|可以|方便)(不能|)?(问|请教|了解)(您|你)?(几个|一些|一下)?|问(您)?几个问题|"
    r"\b(can|could|may) i (ask|run through|go through)\b|\bmind if i (ask|take notes)\b|"
    r"\bok(ay)? if i ask\b|"
    # "今天主要想听听…的情况，您看行吗？", "I'd like to understand your side first. Fair?":
    # what the seller means to do, and leave to do it.
    r"(想|希望)(先|多)?(听听|了解|请教|问问|聊聊)[^？?]{0,40}(行吗|可以吗|方便吗|好吗|行不行|可不可以|您看呢)|"
    r"\b(i'?d like to|i want to|i wanted to|i'?d love to) (understand|hear|learn|ask|get a sense)\b"
    r"[^?]{0,100}\b(ok|okay|all right|alright|fair|is that ok|if that'?s ok|would that be ok|does that work)\s*\?",
    re.I,
)
# "…想听听集团培训这块的情况，您看行吗？" asks leave; read as asking for agreement, too.
_LEAVE_INTENTS = frozenset({Intent.other, Intent.check})
_DEFLECT: dict[NeedLayer, LineKey] = {
    NeedLayer.surface: "problem_deflect",
    NeedLayer.impact: "impact_deflect",
    NeedLayer.personal: "personal_deflect",
}


def revealed(t: Turn, item: ContentItem) -> bool:
    st = t.state
    if item.kind is ItemKind.fact:
        return item.id in st.revealed_facts
    if item.kind is ItemKind.need:
        return item.id in st.revealed_needs
    if item.kind is ItemKind.decision:
        return item.id in st.shared_decision
    return item.id in st.named_stakeholders


def _depth(t: Turn, item: ContentItem, question: str) -> Depth:
    if item.key in t.state.brief_keys:
        said = _said_briefly(t, item)
        if portion.asks_for_what_was_said(question, said, portion.rest(item.says, said)):
            return Depth.recall  # asked again for what the short answer told: point back
        return Depth.more
    if revealed(t, item):
        return Depth.recall
    if t.state.trust < BRIEF_BELOW_TRUST and len(sentences(item.says)) > 1:
        return Depth.brief
    return Depth.full


def _said_briefly(t: Turn, item: ContentItem) -> str:
    """The sentences of an item a short answer told (the first ones, for older states)."""
    return t.state.brief_said.get(item.key) or portion.brief(item.says, None)[0]


def _say(t: Turn, item: ContentItem, question: str, depth: Depth | None = None) -> None:
    depth = depth or _depth(t, item, question)
    text = item.says
    if depth is Depth.recall and item.key in t.state.brief_keys:
        text = _said_briefly(t, item)  # point back to what was said, not to the rest
    t.answer(Disclosure(item.key, text, depth=depth, question=question))


def need_open(t: Turn, item: ContentItem) -> bool:
    """Whether the buyer would tell this need now: its base is out, and trust allows."""
    assert item.layer is not None
    need = t.scenario.need(item.id)
    return _base_out(t, item) and t.state.trust >= need.trust_needed()


def _base_out(t: Turn, item: ContentItem) -> bool:
    """The need this one builds on has been told (or is being told in this reply)."""
    return item.builds_on is None or item.builds_on.split(":", 1)[1] in (
        t.state.revealed_needs + [d.key.split(":", 1)[1] for d in t.plan.answers]
    )


def _hints(t: Turn, item: ContentItem, asked: Asked) -> bool:
    """A plainly personal question, the need's base on the table, and trust within reach
    of what the need takes: enough for a hint of the buyer's own stake, not the story."""
    need = t.scenario.need(item.id)
    return (
        asked.reading.p(Intent.personal) >= PERSONAL_READING
        and t.state.trust >= need.trust_needed() - PERSONAL_HINT_GAP
        and _base_out(t, item)
    )


def _asks_for_a_need(asked: Asked, item: ContentItem) -> bool:
    """A question about what is hard, what it costs, what it means to them, or one that
    names the need in its own words: only such a question gets a hidden need told. The
    first layer (the problem a buyer names first) takes less: asked how things go in
    that very area, a buyer says where it hurts."""
    wanting = asked.reading.p(
        Intent.problem,
        Intent.impact,
        Intent.personal,
        Intent.payoff,
        Intent.elaborate,
        Intent.concern,
    )
    lexical = asked.best.lexical if asked.best is not None else 0.0
    if item.layer is NeedLayer.surface:
        return wanting >= NEED_INTENT / 2 or lexical >= NAMES_IT
    # What a problem costs, or what it means to them: not to "is X a problem?".
    deeper = wanting - asked.reading.p(Intent.problem)
    return deeper >= NEED_INTENT or lexical >= NAMES_THE_NEED


def _asks_what_was_said(t: Turn, item: ContentItem, question: str) -> bool:
    said = _said_briefly(t, item)
    return portion.asks_for_what_was_said(question, said, portion.rest(item.says, said))


def _in_its_words(asked: Asked, item: ContentItem, words: float = NAMES_IT) -> bool:
    """The question's best match is this item, by at least `words` of BM25."""
    best = asked.best
    return best is not None and best.item is item and best.lexical >= words


def _untold_need(
    t: Turn, asked: Asked, best: Ranked, layer: NeedLayer, words: float = 0.0
) -> ContentItem | None:
    """An untold need of this layer reading nearly as well as the best, sharing at least
    `words` times its words."""
    return next(
        (
            r.item
            for r in asked.ranked
            if r.item.layer is layer
            and not revealed(t, r.item)
            and r.score >= FALLBACK * best.score
            and r.lexical >= words * best.lexical
        ),
        None,
    )


# A question asking for an occasion: "哪次", "最难的一次", "the worst week", "a time when".
_EPISODE_ASKED = re.compile(
    r"哪(一)?次|有一次|最[\u4e00-\u9fff]{0,4}的一次|印象最深|"
    r"\b(a time when|the last time|worst (time|week|day|month|incident)|one time|walk me through (the|that))\b",
    re.I,
)
# A passage telling an occasion: "上个月东院区那台CT坏了两天", "last year we settled a crash".
_EPISODE_TOLD = re.compile(
    r"上个?月|上周|去年|前年|那次|上次|有一次|有回|"
    r"\b(last (year|month|week|spring|summer|fall|winter|quarter)|ago|that time|one night)\b",
    re.I,
)
EPISODE_NEAR = 0.4  # how near the best reading a passage telling an occasion must score


def _episode(t: Turn, asked: Asked, best: Ranked) -> ContentItem | None:
    """The untold problem that tells an occasion, for a question asking for one, when the
    best reading tells none."""
    if not _EPISODE_ASKED.search(asked.question.text) or _EPISODE_TOLD.search(best.item.says):
        return None
    return next(
        (
            r.item
            for r in asked.ranked
            if r.item.kind is ItemKind.need
            and r.item.layer is not NeedLayer.personal
            and r.score >= EPISODE_NEAR * best.score
            and not revealed(t, r.item)
            and not t.planned(r.item.key)
            and _EPISODE_TOLD.search(r.item.says)
        ),
        None,
    )


def _asks_what_happened(asked: Asked, item: ContentItem) -> bool:
    """ "这两年停机的情况多吗？": a problem question in an impact's own terms. Not yet what
    it cost, but the trouble itself is the buyer's to tell."""
    return (
        item.layer is NeedLayer.impact
        and _in_its_words(asked, item)
        and asked.reading.p(Intent.problem) >= PROBLEM_LEAN
    )


def _owns_up(t: Turn, item: ContentItem, q: str) -> None:
    """What happened, in a sentence; what it cost waits for trust or an implication question."""
    # The lead into the passage ("钱是一方面，更怕的是停机。") answers nothing yet: the short
    # answer comes from what follows it.
    part = portion.brief(portion.past_the_lead(item.says), q, t.index.rarity)[0]
    t.answer(Disclosure(item.key, item.says, depth=Depth.brief, question=q, part=part))


def _need(t: Turn, item: ContentItem, asked: Asked) -> None:
    q = asked.question.text
    if revealed(t, item):
        if item.key in t.state.brief_keys and need_open(t, item):
            _say(t, item, q)  # only hinted at while guarded: now the rest, or back to the hint
        elif item.key in t.state.brief_keys and not _asks_what_was_said(t, item, q):
            t.withhold(_DEFLECT[item.layer or NeedLayer.surface])  # the rest, not yet
        else:
            _say(t, item, q, Depth.recall)
        return
    if not _asks_for_a_need(asked, item):
        if _asks_what_happened(asked, item):
            _owns_up(t, item, q)
            return
        fact = _near(t, asked, ItemKind.fact, below=item)
        if fact is not None:
            _route(t, asked, fact.item)  # a fair question about the area: how things stand
        else:
            t.withhold("problem_deflect")
        return
    if need_open(t, item):
        _say(t, item, q, Depth.full)
        return
    layer = item.layer
    if layer is NeedLayer.impact and _in_its_words(asked, item, NAMES_THE_NEED):
        # "上次CT停机那次，对科室那边影响有多大？" names what the outage did in the need's
        # own words: the problem is on the table (the buyer came in from that very fault),
        # whichever need the scenario tells before it. A guarded buyer still owns up to
        # what happened, in a sentence, and keeps what it cost for later.
        if t.state.trust >= t.scenario.need(item.id).trust_needed():
            _say(t, item, q, Depth.full)
            return
        _owns_up(t, item, q)
        return
    base = t.index.by_key.get(item.builds_on or "")
    if base is not None and not revealed(t, base) and not t.planned(base.key):
        # Asked what a problem costs before the problem is on the table: the problem first.
        if base.layer is NeedLayer.surface and need_open(t, base):
            # "How bad is driver turnover?" where the scenario builds the cost of turnover
            # on the fuel problem: a question that shares no word with that problem is
            # about another area, and gets how things stand there.
            fact = _near(t, asked, ItemKind.fact, below=item)
            if (
                fact is not None
                and not revealed(t, fact.item)
                and not any(r.item.key == base.key and r.lexical > 0 for r in asked.ranked)
            ):
                _route(t, asked, fact.item)
                return
            _say(t, base, q, Depth.full)
            return
        if layer is NeedLayer.impact:
            t.withhold("impact_needs_problem")
            return
    if layer is NeedLayer.personal and _hints(t, item, asked):
        # Asked about themselves by someone they have begun to trust, people let a sentence
        # slip and keep the rest until trust allows (asked again, it comes as "more").
        _say(t, item, q, Depth.brief)
        t.withhold("personal_hint")
        return
    line = _DEFLECT[layer or NeedLayer.surface]
    if layer is NeedLayer.personal and asked.reading.p(Intent.personal) < PERSONAL_READING:
        line = "impact_deflect"  # a business question near a private matter: stay vague
    t.withhold(line)
    if layer is NeedLayer.surface:
        # Guarded but fair: say how things stand in that area, not where it hurts.
        fact = _near(t, asked, ItemKind.fact, below=item)
        if fact is not None and not revealed(t, fact.item):
            _say(t, fact.item, q, Depth.brief)


def _near(t: Turn, asked: Asked, kind: ItemKind, below: ContentItem | None = None) -> Ranked | None:
    best = asked.best
    if best is None:
        return None
    for r in asked.ranked:
        if r.item.kind is kind and r.item is not below and r.score >= NEAR * best.score:
            return r
    return None


def _stakeholder(t: Turn, asked: Asked, item: ContentItem) -> None:
    q = asked.question.text
    if t.state.trust < PEOPLE_TRUST:
        t.withhold("stakeholders_guarded")
        return
    if revealed(t, item) and not _ELSE.search(q) and _points_at(t, asked, item):
        # "What does Zheng care about?" once he is named asks about him, not for the next
        # person: what he cares about, or back to what was said of him.
        if not _cares(t, item, q):
            _say(t, item, q)
        return
    if revealed(t, item) or t.planned(item.key):
        # "Who else?" after someone is named: the next person, if another fits the question.
        others = [
            r.item
            for r in asked.ranked
            if r.item.kind is ItemKind.stakeholder
            and not revealed(t, r.item)
            and not t.planned(r.item.key)
        ]
        if asked.intent is Intent.people and others:
            _say(t, others[0], q, Depth.full)
            return
        if asked.intent is Intent.people and all(
            revealed(t, i) for i in t.index.items if i.kind is ItemKind.stakeholder
        ):
            t.withhold("stakeholders_all_named")
            return
    _say(t, item, q)
    generic = asked.best is not None and asked.best.lexical < GENERIC_LEXICAL
    if asked.intent is Intent.people and generic and t.state.trust >= PEOPLE_OPEN_TRUST:
        # "Who else is involved?" from a buyer who trusts you: the next person too.
        for other in t.index.items:
            if (
                other.kind is ItemKind.stakeholder
                and not revealed(t, other)
                and not t.planned(other.key)
            ):
                _say(t, other, q, Depth.full)
                break


_ELSE = re.compile(
    r"还有谁|还有哪|除了|另外|其他|其它|别的|\b(else|other|besides|apart from)\b", re.I
)


def _points_at(t: Turn, asked: Asked, item: ContentItem) -> bool:
    """The question is about this person: it names them, or shares real words with them
    and with no one else as much (their department, their title)."""
    named = t.named_person(asked.question.text)
    if named is not None:
        return named.key == item.key
    best = asked.best
    return best is not None and best.item.key == item.key and best.lexical >= GENERIC_LEXICAL


def _decision(t: Turn, asked: Asked, item: ContentItem) -> None:
    q = asked.question.text
    too_soon = t.state.trust < BUDGET_TRUST or t.state.trainee_turns < 2
    if item.key == "decision:budget" and too_soon and not revealed(t, item):
        money = asked.question.topics & {Topic.budget, Topic.price}
        if asked.reading.p(Intent.budget) < ABOUT_MONEY and not money:
            # "What's going on with insurance?" shares words with where the money would
            # come from, but asks nothing about money: no "too early to talk budget".
            if not t.plan.answers:
                t.withhold("problem_deflect")
            return
        t.withhold("budget_too_early")
        return
    _say(t, item, q)
    if item.key == "decision:process" and asked.intent is Intent.people:
        # "Who decides?" answered with the process: name the one who signs too.
        person = _near(t, asked, ItemKind.stakeholder)
        if person is not None and t.state.trust >= PEOPLE_TRUST and not revealed(t, person.item):
            _say(t, person.item, q, Depth.full)


def elaborate(t: Turn, asked: Asked) -> bool:
    """ "Say more": the rest of a short answer, or how the problem just told goes deeper."""
    q = asked.question.text
    for key in t.state.last_keys:
        item = t.index.by_key.get(key)
        if item is None:
            continue
        if key in t.state.brief_keys:
            t.answer(Disclosure(item.key, item.says, Depth.more, q, elaborated=True))
            return True
        deeper = [
            i
            for i in t.index.items
            if i.builds_on == key and not revealed(t, i) and i.layer is NeedLayer.impact
        ]
        if deeper and need_open(t, deeper[0]):
            _say(t, deeper[0], q, Depth.full)
            return True
    return False


def answer(t: Turn, asked: Asked) -> None:
    """Answer one question from the scenario's content, or say why not."""
    q = asked.question.text
    intent = asked.intent
    if t.analysis.evidence.get(Act.product_question) == q and not t.proposal:
        t.withhold("product_question")  # "how do you like our demo?" is not about them
        return
    if _WHO_IS.search(q) and not _ELSE.search(q):
        # "Who's Linda?", "Her role?" after she was named: her job, not her worries again.
        meant = _spoken_of(t, q)
        if meant is not None and revealed(t, meant):
            _who_they_are(t, meant, q)
            return
        if meant is not None and not t.planned(meant.key) and t.state.trust >= PEOPLE_TRUST:
            # "Who's Linda?" when she came up in passing: who she is, then what she's like.
            _who_they_are(t, meant, q)
            _introduce(t, meant, q)
            return
    best = asked.best
    # "You mentioned the dashcams you tried. How did that go?": more, but of what the
    # sentence before names, not of the last answer.
    elsewhere = (
        best is not None
        and best.item.key not in t.state.last_keys
        and _in_its_words(asked, best.item)
    )
    if intent is Intent.elaborate and not elsewhere and elaborate(t, asked):
        return
    told = _ruled_out(t, asked)
    if told is not None:
        # "Besides the cost, what else is a headache?": what was told is ruled out by the
        # question itself; the buyer goes on to another thing of the same sort, or says
        # that was it.
        if told.kind is ItemKind.decision:
            # "Besides price, what else do you weigh?": the criteria told were the list.
            _say(t, told, _EXCLUDED.sub(" ", q), Depth.recall)
            return
        other = _another(t, asked, told)
        if other is None:
            t.withhold("nothing_else")
        else:
            _route(t, asked, other)
        return
    # Conversational questions ("what do you think of our product?") name no content of
    # their own; only a clear match makes them about an item.
    if _PERMISSION.search(q) and intent in _LEAVE_INTENTS:
        t.withhold("go_ahead")  # "may I ask a few questions?"
        return
    # Facts and needs are many: an intent alone can't say which one is meant. A question
    # that shares next to no words with any, or the same few with several, is about
    # something else.
    if (
        best is not None
        and best.item.kind in _MANY
        and best.lexical < MIN_WORDS[t.language]
        and best.item.key not in t.state.last_keys  # "and that, once more?": just said
    ):
        runner_up = max((r.lexical for r in asked.ranked[1:]), default=0.0)
        if best.lexical >= 2 * runner_up > 0 or (runner_up == 0 and best.lexical > 0):
            pass  # few words, but they point at this item and no other
        else:
            best = None
    if (
        intent is Intent.check
        and asked.reading.p(Intent.check) >= CHECKING
        and _RESTATES.search(q)
        and (best is None or revealed(t, best.item))
    ):
        # "所以规则没人敢动？", "我确认下：…，对吗？": the seller checks what they heard of
        # what was told; the buyer confirms it, it doesn't say it again or plead ignorance.
        t.react("feedback_ack")
        return
    # With the step agreed, "anything you'd want in that page?" is about the step, not a
    # cue to tell a need no one asked for: only a clear match is about content.
    match = SURELY_ABOUT if t.state.advance_granted else CONVERSATIONAL_MATCH
    if best is None or (intent in CONVERSATIONAL and best.score < match):
        ours = bool(OUR_OFFER.search(q))
        if t.state.advance_granted and not t.plan.advance_accepted:
            t.withhold("advance_granted_wrapup")  # the step is agreed: details later
        elif intent in (Intent.other, Intent.product_opinion) and not ours and not t.proposal:
            # The weather, football, fishing: a word, then business. Later on, a question
            # the buyer can't place is one to have put again, not a chat to close.
            t.withhold("small_talk" if t.buyer_index <= SMALL_TALK_UNTIL else "off_topic")
        elif intent is Intent.product_opinion:
            t.withhold("product_question")
        elif intent is Intent.check:
            t.react("feedback_ack")
        elif intent is Intent.elaborate:
            t.withhold("elaborate_nothing")
        elif intent is Intent.payoff:
            payoff(t, q)
        elif intent not in (Intent.other, Intent.concern):
            _unknown(t, q)
        return
    item = best.item
    if intent in (Intent.concern, Intent.problem) and item.kind is not ItemKind.concern:
        # Asked what went wrong, why, what worries them: the story behind a concern
        # wins over a fact that merely shares the words, when it reads nearly as well
        # (for a question about a difficulty, when it shares as many of the words).
        story = next((r for r in asked.ranked if r.item.kind is ItemKind.concern), None)
        close = story is not None and (
            story.score >= STORY * best.score
            if intent is Intent.concern
            else story.lexical >= best.lexical
        )
        if story is not None and close and best.item.kind in (ItemKind.fact, ItemKind.need):
            item = story.item
    if t.planned(item.key) and not (revealed(t, item) and _asks_detail(t, asked)):
        return  # "卡在哪一步？是排期，还是审批？": the either-or asks on past the pointer
    person = t.person_meant(q)
    # "哪边最难碰？是唐总那边吗？": the short check names whom the stance question is about.
    stance = _STANCE.search(q) or (len(q) <= SHORT_CHECK and _STANCE.search(t.analysis.text))
    about_them = asked.intent in _ABOUT_A_PERSON or stance
    if person is not None and asked.intent is Intent.personal and _TO_THEM.search(q):
        person = None  # "Where does this leave you, with the owner watching?": about the buyer
    if person is not None and (
        about_them or (asked.intent is Intent.people and not _ELSE.search(q))
    ):
        # "What would Greg need to see?": about him, whether the buyer has named him yet
        # or the trainee knew the name beforehand (then who he is comes first); what
        # would make him nervous is his worry, not the story behind the buyer's own.
        if revealed(t, person) and _cares(t, person, q):
            return
        if revealed(t, person) and about_them:
            if t.plan.tells_something_new:
                return  # something new is being told: enough for one reply
            if f"{person.key}#cares" in t.state.last_keys and not _CARES_ASKED.search(q):
                # "…会愿意去别的医院看看吗？" straight after what they care about was told:
                # the buyer can't speak for them beyond it. (Asked again what they'd
                # object to, what they care about is the answer again.)
                t.withhold("speak_for_them")
            else:
                _recall_cares(t, person, q)  # said before: back to what matters to them
            return
        if not revealed(t, person) and not t.planned(person.key) and t.state.trust >= PEOPLE_TRUST:
            _introduce(t, person, q)
            return
    if item.kind is ItemKind.concern:
        _concern(t, asked, item)
        return
    episode = _episode(t, asked, best)
    if episode is not None:
        # "有没有哪次设备坏了让您特别头疼的？", "Walk me through the worst week": asked for a
        # time it went wrong, the buyer tells the time it did (what it cost waits for trust).
        if need_open(t, episode):
            _say(t, episode, q, Depth.full)
        else:
            _owns_up(t, episode, q)
        return
    item = _deeper(t, asked, best)
    if (
        asked.intent is Intent.problem or asked.question.stage is SpinStage.problem
    ) and item.kind is ItemKind.fact:
        # "What's hardest about X?" read closer to how X works: where it hurts, if near
        # (the pain of that area: it shares the question's words, not just its mood).
        item = _untold_need(t, asked, best, NeedLayer.surface, PAIN_WORDS) or item
    if (
        revealed(t, item)
        and asked.question.stage is SpinStage.need_payoff
        and item.kind is ItemKind.need
        and not _AGAIN.search(q)
    ):
        # "If you got that down a point or two, what would it mean for you?" about a need
        # already told asks what solving it is worth, not for the need once more.
        payoff(t, q)
        return
    if (
        revealed(t, item)
        and item.layer is not NeedLayer.personal
        and asked.intent is Intent.personal
        and asked.reading.p(Intent.personal) >= PERSONAL_ASK
    ):
        # "四千多万。您压力大吗？" asks about them, not for the loss again: their own stake,
        # or a "leave me out of it" while trust is short.
        item = _untold_need(t, asked, best, NeedLayer.personal) or item
    if revealed(t, item) and item.key not in t.state.brief_keys and not _asks_again(t, asked, item):
        # A follow-up on something already told asks for more than was said: the next
        # thing it could mean, or an honest "couldn't say", never the same words again.
        parity = 0.0 if _goes_deeper(asked, item) or _asks_detail(t, asked) else SHARED_WORDS
        fresh = _fresh(t, asked, best, parity)
        if fresh is not None and _figure_untold(q, fresh):
            fresh = None  # "How often does that happen?" is no cue for another story
        if fresh is not None:
            item = fresh
        elif (
            best.score < SURELY_ABOUT
            or _coverage(t, q, item) < LOW_COVERAGE
            or _beyond_the_told(q, item)
        ):
            _unknown(t, q)  # asks for a detail the buyer never had
            return
        # else: plainly about what was told, in other words: point back to it
    withheld = len(t.plan.withheld)
    _route(t, asked, item)
    if item.kind is ItemKind.fact and t.planned(item.key):
        _and_the_pain(t, asked, best)
    if t.planned(item.key):
        _and_the_neighbour(t, asked, best)
    if len(t.plan.withheld) > withheld and not t.plan.answers:
        # Held back on what was asked: a guarded buyer still answers the part it can.
        for r in asked.ranked[1:]:
            if r.score < FALLBACK * best.score:
                break
            if r.item.kind in (ItemKind.fact, ItemKind.decision) and not revealed(t, r.item):
                del t.plan.withheld[withheld:]
                _route(t, asked, r.item)
                return
            if r.item.kind is ItemKind.need and not revealed(t, r.item) and need_open(t, r.item):
                del t.plan.withheld[withheld:]
                _say(t, r.item, q, Depth.full)
                return
            if (
                r.item.kind is ItemKind.need
                and revealed(t, r.item)
                and best.item.layer is NeedLayer.personal
            ):
                # "您过来八个月，最想先动的是哪一块？" reads near the private stake but asks
                # about the business: what they already said is the answer.
                del t.plan.withheld[withheld:]
                _say(t, r.item, q, Depth.recall)
                return


_AGAIN = re.compile(
    r"再说一遍|再讲一遍|刚才(说|讲|提)的|您说的是|来着|是吧[？?]?$|对吧[？?]?$|"
    r"\b(again|once more|remind me|one more time|did you say|you said)\b",
    re.I,
)
REPEAT_COVERAGE = 0.6  # share of a question's words that an earlier answer already holds
SURELY_ABOUT = 0.45  # a reading this strong is about the item, however it is worded...
LOW_COVERAGE = 0.25  # ...unless it hardly shares a word with it: then it asks for a detail


_ABOUT_A_PERSON = frozenset(
    {Intent.concern, Intent.criteria, Intent.personal, Intent.product_opinion, Intent.problem}
)
# Where someone stands: "Where does your president stand on cameras?", "郑总会怎么看？".
_STANCE = re.compile(
    r"怎么看|什么态度|态度(怎么样|如何)|看法|意见|顾虑|担心|支持|反对|抵触|反感|不满|"
    r"愿意|相信|更信|信得过|买账|认可|说服|打动|管用|难(碰|搞|沟通|对付)|"
    r"\b(stand|feel|think|view|take on|react|concerns?|worr(y|ied|ies)|nervous|afraid|opinion|"
    r"on board|buy in|in (this|it) for|object(ions?)?|push ?back|complain|resist|"
    r"(they|he|she)'?d say|would (they|he|she) say|win (them|him|her) over|convince)\b",
    re.I,
)
# What a person's cares answer: what they weigh, worry about or would push back on.
_CARES_ASKED = re.compile(
    r"在意|看重|关心|顾虑|担心|反对|抵触|不满|\b(care|concern|worr|object|push ?back|matter)",
    re.I,
)
ABOUT_MONEY = 0.2
CHECKING = 0.5  # a reading this sure that a question checks what was heard
# The form of a check: "所以…？", "我确认下：…，对吗？", "So it's the baseline, right?"
_RESTATES = re.compile(
    r"^\W*(所以|也就是说|就是说|那就是|我确认|确认一下|我理解|换句话说)|"
    r"(对吗|对吧|是吧|对不对|没错吧|是这样吧)[？?]?\s*$|"
    r"^\W*(so\b|in other words|if i understand|let me check)|"
    r"\b(right|correct|is that right|did i get that right|fair)\s*\?\s*$",
    re.I,
)
SHORT_CHECK = 12  # characters: "是唐总那边吗？", "Is it Greg?"
_TO_THEM = re.compile(r"\byou\b|您|你(?!们)", re.I)
_ZH_OFFICE = ("主任", "处长", "科长", "院长", "行长", "部长", "经理", "书记", "主管")


def _zh_address(name: str, title: str) -> str:
    """How a colleague is referred to in Chinese: 郑总 for an executive, 刘主任 for a
    director of an office, the full name otherwise."""
    surname = name[:1]
    if "总" in title or "董事" in title or "老板" in title:
        return surname + "总"
    office = next((o for o in _ZH_OFFICE if title.endswith(o)), None)
    return surname + office if office else name


def _introduce(t: Turn, person: ContentItem, question: str) -> None:
    """Who someone is, and what they care about unless that said it already: "Linda will
    ask about payback" needs no "For Linda, it comes down to payback" after it."""
    _say(t, person, question, Depth.full)
    s = t.scenario.stakeholder(person.id)
    cares = set(index_terms(s.cares_about))
    if cares and len(cares & set(index_terms(person.says))) / len(cares) < SAID_ALREADY:
        _cares(t, person, question)


# Who someone is: "Who's Linda?", "Her role?", "孙丽是哪个部门的？".
_WHO_IS = re.compile(
    r"是谁|是哪位|是干什么的|是做什么的|是干嘛的|哪个部门|什么职位|什么岗位|管什么的|管哪块|"
    r"\bwho('?s| is| was)\b(?! (else|in charge|responsible|the|going|on|behind))|"
    r"\b(her|his|their) (role|job|title|position)\b|\bwhat does (she|he) do\b",
    re.I,
)


def _spoken_of(t: Turn, q: str) -> ContentItem | None:
    """The person a question names, or, for "her"/"他", the one the buyer just spoke of."""
    named = t.named_person(q)
    if named is not None:
        return named
    if not THIRD_PERSON.search(q):
        return None
    for key in t.state.last_keys:
        item = t.index.by_key.get(key.split("#", 1)[0])
        if item is not None and item.kind is ItemKind.stakeholder:
            return item
    return t.person_meant(q)


def _who_they_are(t: Turn, person: ContentItem, q: str) -> None:
    s = t.scenario.stakeholder(person.id)
    if t.language == "zh":
        text = f"{s.title}。" if s.name[:2] in s.title else f"{s.name}，{s.title}。"
    elif all(w[:1].isupper() for w in s.name.split()):
        text = f"{s.name}, {s.title}."
    else:
        text = f"The {s.name[0].lower()}{s.name[1:]}: {s.title[0].lower()}{s.title[1:]}."
    if t.fresh(text):
        t.answer(Disclosure(f"{person.key}#who", text, Depth.full, question=q))
    else:  # asked again: "Like I said, CFO."
        t.answer(Disclosure(f"{person.key}#who", text, Depth.recall, question=q, part=s.title))


def _en_address(name: str) -> str:
    """How the buyer refers to someone: a person by first name ("Linda"), a group as a
    group ("the driver advisory council")."""
    words = name.split()
    if all(w[:1].isupper() for w in words):
        return words[0]
    return "the " + name[0].lower() + name[1:]


def _cares_text(t: Turn, person: ContentItem) -> tuple[str, str]:
    """The sentence saying what a person cares about, and the care alone (to point back to)."""
    s = t.scenario.stakeholder(person.id)
    care = s.cares_about.rstrip("。.")
    if t.language == "zh":
        return f"{_zh_address(s.name, s.title)}那边，最在意的是{care}。", care
    care = portion.run_on(care)
    return f"For {_en_address(s.name)}, it comes down to {care}.", care


def _recall_cares(t: Turn, person: ContentItem, question: str) -> None:
    text, care = _cares_text(t, person)
    t.answer(Disclosure(f"{person.key}#cares", text, Depth.recall, question=question, part=care))


def _cares(t: Turn, person: ContentItem, question: str) -> bool:
    """What a person already named cares about, once. False when it was said before."""
    text, _ = _cares_text(t, person)
    if not t.fresh(text):
        return False
    t.answer(Disclosure(f"{person.key}#cares", text, Depth.full, question=question))
    return True


def _coverage(t: Turn, question: str, item: ContentItem) -> float:
    """Share of the question's words found in the item's own words or its example
    questions: how people ask for this very thing, not for some detail beside it."""
    terms = set(index_terms(question)) - t.index.address_terms
    if not terms:
        return 1.0
    known = set(index_terms(" ".join([item.says, *item.probes])))
    return len(terms & known) / len(terms)


def _asks_again(t: Turn, asked: Asked, item: ContentItem) -> bool:
    """The question asks for what was already told (in so many words, or says so)."""
    q = asked.question.text
    if _AGAIN.search(q):
        return True
    # "策略从写出来到上线，中间到底卡在哪个环节？" quotes what was told to ask what is under it.
    return (
        _coverage(t, q, item) >= REPEAT_COVERAGE
        and not _asks_detail(t, asked)
        and not _beyond_the_told(q, item)
    )


# "不换的话，那百分之十五您打算从哪儿出？": how they mean to deal with it, which a
# passage telling the problem does not say.
_PLAN_ASKED = re.compile(
    r"打算|怎么(办|补|弄|解决|应对)|有(什么)?办法|从哪(儿|里)?(出|来|省|补)|心里有(没有)?(数|谱|路径)|"
    r"\b(what'?s the plan|how (will|would|are|do) you (plan to |going to )?"
    r"(cover|close|make up|find|fix|handle|deal with))\b",
    re.I,
)


def _beyond_the_told(q: str, item: ContentItem) -> bool:
    """Asks for what the told passage doesn't hold (a figure, a plan), whatever words
    of it the question quotes."""
    return _figure_untold(q, item) or bool(_PLAN_ASKED.search(q))


def _figure_untold(q: str, item: ContentItem) -> bool:
    """ "How often?" after a story with no number in it: a figure the told words don't
    hold, so pointing back to them answers nothing."""
    return bool(lx.HOW_MUCH.search(q)) and not lx.HOLDS_FIGURE.search(item.says)


_ANOTHER = re.compile(
    r"除了.{0,12}(以外|之外|外)?|还有(没有)?(什么|哪些|别的|其他|其它)|(别的|其他|其它)(的)?(难处|问题|麻烦|方面|地方|头疼|挑战)|"
    r"\b(what else|anything else|besides|apart from|aside from|other than|beyond that|"
    r"any other|other (problems?|issues?|challenges?|headaches?|pain points?))\b",
    re.I,
)


# The part a "besides X, ..." question sets aside: "除了价格，", "Apart from the fuel bill, ".
_EXCLUDED = re.compile(
    r"除了[^，,。？?]{1,12}?(以外|之外|外)?[，,]|\b(besides|apart from|aside from|other than)\b[^,?]{1,40},",
    re.I,
)


# "具体是指哪些方面？", "what exactly do you mean by that?": a detail of what was said.
_DETAIL = re.compile(
    r"具体|详细|细说|展开|哪些方面|哪几个方面|怎么回事|指的是|是指|"
    r"\b(exactly|specifically|in what way|what do you mean|how so|such as|for example)\b",
    re.I,
)


def _asks_detail(t: Turn, asked: Asked) -> bool:
    """Asks for a detail of something told: another passage that answers it may share
    fewer of its words than the told one, which the question quotes."""
    q = asked.question.text
    return (
        bool(_DETAIL.search(q))
        # "中间到底卡在哪个环节？", "What's driving it?": what lies under it, not it again
        or bool(lx.CAUSE_ASK.search(q, t.language))
        # "…到底是卡在哪一步了？是排科技的开发排期，还是测试审批？": the either-or
        # spells out the causes the turn asks about
        or bool(lx.EITHER_OR.search(q) and lx.CAUSE_ASK.search(t.analysis.text, t.language))
        or asked.reading.p(Intent.elaborate) >= STORY
    )


def _goes_deeper(asked: Asked, item: ContentItem) -> bool:
    """ "查三天的话，对审核有什么影响？" about a difficulty told: what it leads to, not the
    difficulty again."""
    return item.layer is NeedLayer.surface and (
        asked.question.stage in (SpinStage.implication, SpinStage.need_payoff)
        or asked.intent in (Intent.impact, Intent.payoff)
    )


def _ruled_out(t: Turn, asked: Asked) -> ContentItem | None:
    """What a "what else?" question sets aside: the told item it names, or, when it
    names none, what the buyer just talked about. None for any other question."""
    q = asked.question.text
    if not _ANOTHER.search(q):
        return None
    best = asked.best
    if best is not None and best.item.kind is not ItemKind.concern:
        if revealed(t, best.item):
            return None if _names_it_outside_the_besides(t, q, best.item) else best.item
        # "What else" words name nothing; the rest may ("besides the cost, how do the
        # records work?" is a question of its own).
        rest = t.index.lexical(_ANOTHER.sub(" ", q), ignore=t.index.address_terms)
        if len(rest) and float(rest.max()) >= MIN_WORDS[t.language]:
            return None
    for key in t.state.last_keys:
        item = t.index.by_key.get(key)
        if item is not None and item.kind in (ItemKind.need, ItemKind.fact):
            # "Besides you, who else is involved?" sets aside the buyer, not the last
            # thing told: only a question that could ask for that sort of thing again.
            if asked.intent in CONVERSATIONAL or affinity(asked.intent, item) > 0:
                return item
            return None
    return None


def _names_it_outside_the_besides(t: Turn, q: str, item: ContentItem) -> bool:
    """ "店长除了订货，每周还得花多少时间填表？" after the buyer told of the forms: what is
    set aside is the ordering; the question is about the forms again, not about a third thing."""
    remaining = _EXCLUDED.sub(" ", q)
    if remaining == q:
        return False
    scores = t.index.lexical(remaining, ignore=t.index.address_terms)
    if len(scores) < 2:
        return False
    top, runner_up = (int(i) for i in scores.argsort()[::-1][:2])
    # Plainly and only that item: "最头疼的是哪块？" shares a word or two with every
    # difficulty told, "填表、做汇报" names one.
    return (
        t.index.items[top].key == item.key
        and float(scores[top]) >= NAMES_THE_NEED
        and float(scores[top]) >= PLAINLY_ONE * float(scores[runner_up])
    )


def _another(t: Turn, asked: Asked, told: ContentItem) -> ContentItem | None:
    """Another thing of the sort that was told (a difficulty after a difficulty, a fact
    after a fact): the question's own best reading of that sort first, else the
    scenario's next such item the buyer would tell now."""

    def sayable(i: ContentItem) -> bool:
        return (
            i.kind is told.kind
            and (i.layer is told.layer or told.kind is not ItemKind.need)
            and not revealed(t, i)
            and not t.planned(i.key)
            and (i.kind is not ItemKind.need or need_open(t, i))
        )

    ranked = next((r.item for r in asked.ranked if sayable(r.item)), None)
    return ranked or next((i for i in t.index.items if sayable(i)), None)


def _deeper(t: Turn, asked: Asked, best: Ranked) -> ContentItem:
    """Asked again about a problem already told: the buyer takes it as a question about
    what lies under it (the need that builds on it), when that reading is close."""
    item = best.item
    if item.kind is not ItemKind.need or not revealed(t, item):
        return item
    for r in asked.ranked[1:]:
        if r.score < FALLBACK * best.score:
            break
        if r.item.builds_on == item.key and not revealed(t, r.item) and need_open(t, r.item):
            return r.item
    return item


_SHAREABLE = (ItemKind.fact, ItemKind.decision, ItemKind.stakeholder)
_MANY = (ItemKind.fact,)  # needs come in layers: the reading's layer narrows them down


def _and_the_neighbour(t: Turn, asked: Asked, best: Ranked) -> None:
    """A question that reads almost equally well as two open things gets both: "IT?
    Five people; Liu runs it, and he has a veto." Only for what anyone may hear."""
    if best.item.kind not in _SHAREABLE or len(asked.ranked) < 2:
        return
    second = asked.ranked[1]
    item = second.item
    if (
        second.score >= TWIN * best.score
        and second.lexical >= TWIN_WORDS
        and item.kind in _SHAREABLE
        and not revealed(t, item)
        and not t.planned(item.key)
        and not (item.key == "decision:budget" and t.state.trust < BUDGET_TRUST)
        and not (item.kind is ItemKind.stakeholder and t.state.trust < PEOPLE_TRUST)
    ):
        _say(t, item, asked.question.text)


def _and_the_pain(t: Turn, asked: Asked, best: Ranked) -> None:
    """How it works, and — asked in a way that leans on what's hard — where it hurts.

    A question about an area often touches both how things are done (a fact) and
    what goes wrong there (a surface need); a buyer with enough trust says both.
    """
    if asked.reading.p(Intent.problem, Intent.impact, Intent.payoff) < PROBLEM_LEAN:
        return
    for r in asked.ranked[1:]:
        if r.score < NEAR * best.score:
            return
        item = r.item
        if item.layer is NeedLayer.surface and not revealed(t, item) and need_open(t, item):
            _say(t, item, asked.question.text, Depth.full)
            return


def _fresh(t: Turn, asked: Asked, best: Ranked, parity: float) -> ContentItem | None:
    """Another reading of a question about something already told: a thing not told yet,
    scoring near the best and sharing at least `parity` times its words, or nearly as
    many when it holds words of the question the told thing lacks ("原厂的响应速度…头疼
    吗？" after the cost was told: the response speed is in the downtime story)."""
    asked_terms = set(index_terms(asked.question.text))
    told_terms = set(index_terms(best.item.match_text))

    def new_words(item: ContentItem) -> bool:
        return bool((asked_terms & set(index_terms(item.match_text))) - told_terms)

    return next(
        (
            r.item
            for r in asked.ranked
            if r.item.kind is not ItemKind.concern
            and not revealed(t, r.item)
            and not t.planned(r.item.key)
            # "一个厂先跑，您倾向哪个？" asks for no one: a person is another reading
            # only of a question about people
            and (r.item.kind is not ItemKind.stakeholder or affinity(asked.intent, r.item) > 0)
            and r.score >= FALLBACK * best.score
            # "要改一条策略，是自己能动，还是得排队等别的部门？" after the buyer told of
            # the queue for rule changes: asked again, not about the modelling team
            # that merely shares a few words; point back to what was told.
            and (
                r.lexical >= parity * best.lexical
                or (r.lexical >= NEW_WORDS_PARITY * parity * best.lexical and new_words(r.item))
            )
        ),
        None,
    )


NEW_WORDS_PARITY = 0.9


def _concern(t: Turn, asked: Asked, item: ContentItem) -> None:
    """A question about a concern the buyer has (raised or not yet): the story behind it."""
    o = obj.objection(t, item.id)
    status = obj.status(t, o)
    if status.status in (ObjectionStatus.pending, ObjectionStatus.open):
        if status.status is ObjectionStatus.pending:
            # Asked before it came up: the buyer tells the story, and the concern is out.
            status.raised_at = t.buyer_index
            t.state.open_objection = t.state.open_objection or o.id
        obj.reveal_reason(t, o, asked.question.text)
        return
    best = asked.best
    if best is not None and not _AGAIN.search(asked.question.text):
        # "主机厂那个质量问题，具体是怎么回事？" after the story named it: about the thing
        # the story mentions, when the scenario tells it, not the story once more.
        fresh = _fresh(t, asked, best, 0.0 if _asks_detail(t, asked) else SHARED_WORDS)
        if fresh is not None:
            _route(t, asked, fresh)
            return
    _say(t, item, asked.question.text, Depth.recall)


_CANT_SAY: tuple[LineKey, ...] = ("unknown_answer", "unknown_figure")


def _unknown(t: Turn, q: str) -> None:
    """What the buyer can't answer: a figure nobody keeps, or a question they can't say."""
    t.withhold("unknown_figure" if lx.FIGURE_ASKED.search(q) else "unknown_answer")


def _route(t: Turn, asked: Asked, item: ContentItem) -> None:
    if item.kind is ItemKind.need:
        _need(t, item, asked)
    elif item.kind is ItemKind.stakeholder:
        _stakeholder(t, asked, item)
    elif item.kind is ItemKind.decision:
        _decision(t, asked, item)
    else:
        _say(t, item, asked.question.text)


def payoff(t: Turn, q: str) -> None:
    """What solving it would be worth: only meaningful once there is a problem to solve."""
    st = t.state
    impact_out = any(t.scenario.need(n).layer is not NeedLayer.surface for n in st.revealed_needs)
    if impact_out or st.revealed_needs:
        st.adjust(trust=3 if impact_out else 1)
        t.withhold("need_payoff_positive")
    else:
        t.withhold("need_payoff_premature")


def _pushes_the_offer(t: Turn) -> bool:
    return t.analysis.has(Act.pitch) or t.analysis.has(Act.argument)


def answer_all(t: Turn) -> None:
    _answer_each(t)
    if t.plan.tells_something_new:
        # "Which project? What went wrong with it?": the second question found the
        # project; the first one's "couldn't tell you" would contradict it.
        t.plan.withheld = [w for w in t.plan.withheld if w not in _CANT_SAY]
    if (
        t.state.advance_granted
        and not t.plan.advance_accepted
        and t.plan.answers
        and not t.plan.tells_something_new
        and not _AGAIN.search(t.analysis.text)
        # "这样的边界，郑总那边会有什么顾虑吗？": where someone stands matters to the step
        and not any(d.key.endswith("#cares") for d in t.plan.answers)
    ):
        # "样本量和时间窗口，小陈先定个初稿？" after the yes is about the meeting's
        # details, not a cue to point back to the budget: those come at the meeting.
        t.plan.answers.clear()
        t.withhold("advance_granted_wrapup")
    if t.state.advance_granted and not t.plan.advance_accepted:
        # The step is agreed: what the buyer can't answer now waits for that meeting.
        t.plan.withheld = [
            "advance_granted_wrapup" if w in _CANT_SAY else w for w in t.plan.withheld
        ]


def _asks_leave(asked: Asked) -> bool:
    return bool(_PERMISSION.search(asked.question.text)) and asked.intent in _LEAVE_INTENTS


def _announces(asked: Asked) -> bool:
    """ "I'd like to understand how things run on your side." said before "OK if I ask a
    few questions?": a statement of what the seller means to ask, naming nothing."""
    q = asked.question.text
    best = asked.best
    return not _QUESTION_MARK.search(q) and (best is None or best.lexical < GENERIC_LEXICAL)


_QUESTION_MARK = re.compile(r"[?？]")


def _answer_each(t: Turn) -> None:
    answered = 0
    asks_leave = any(_asks_leave(a) for a in t.asked)
    for i, asked in enumerate(t.asked):
        if i in t.consumed or (asked.question.leading and _pushes_the_offer(t)):
            continue  # "We're number one, right?" asks for agreement, not for their story
        if asks_leave and not _asks_leave(asked) and _announces(asked):
            continue  # the go-ahead answers it: "Sure, ask away."
        if answered >= MAX_ANSWERS:
            break
        before = len(t.plan.answers) + len(t.plan.withheld)
        answer(t, asked)
        if len(t.plan.answers) + len(t.plan.withheld) > before:
            answered += 1
