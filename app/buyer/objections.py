"""Objections as a real key-account buyer raises them: with the answer, on a real trigger.

The guidance: a refusal is a reaction, not opposition. So an objection comes
up alongside the buyer's answer, never instead of it, and only when something
sets it off (a pitch, talk of our price, a proposed step, its time in the
meeting). Met with understanding and a question about the concern, the buyer
opens up (its reason); answered with the fitting remedy, it is resolved and
stays resolved. Talked past, it is said again in other words once or twice,
then set aside at a cost in patience — it comes back on its own trigger (a
step proposed while it is unanswered), never as a wall in front of every
question.
"""

from __future__ import annotations

import re

from app.analysis import lexicon as lx
from app.analysis.intent import Intent
from app.analysis.model import PITCH_WORDS, Act, AdvanceKind, ObjectionKind, QuestionForm
from app.analysis.text import content_terms, sentences
from app.buyer.asking import ASKS_FOR_FACTS
from app.buyer.plan import Disclosure, ObjectionDue, ObjectionMove
from app.buyer.state import ObjectionState, ObjectionStatus
from app.buyer.turn import OUR_OFFER, Turn
from app.scenarios.schema import Objection, ObjectionTrigger, Resolution

MAX_RESTATES = 2
OPEN_TRUST = 60  # scheduled objections stay unsaid once trust is this high
SUBSTANCE_WORDS = 3  # English stems shared with what would settle a concern
SUBSTANCE_BIGRAMS = 4  # Chinese character pairs, likewise
AIMED_WORDS = 3.0  # BM25 a question shares with some content to be about it, not the concern
OTHER_CONCERN = 4.0  # BM25 a question must share with another concern's words to be about it
SURE_CONCERN = 0.5  # a reading this sure that a question is about the concern overrides that
_REMEDY_ACTS = {
    Resolution.value: Act.value,
    Resolution.proof: Act.proof,
    Resolution.pilot: Act.pilot,
}
_PRICE_KINDS = (ObjectionKind.price, ObjectionKind.budget)
# Our price, our quote, what it costs them to buy from us: the trainee's own words about money.
_OUR_PRICE = re.compile(
    r"(报价|价格|价钱|多少钱|费用|收费|单价|总价|花费|投入|预算|折扣|打折|优惠|便宜)"
    r"|\b(price|pricing|priced|quote|cost of (our|the) (solution|platform|system|service)|fee|fees|discount|per (truck|seat|user|licen[cs]e|month))\b",
    re.I,
)


def objection(t: Turn, objection_id: str) -> Objection:
    return next(o for o in t.scenario.objections if o.id == objection_id)


def status(t: Turn, o: Objection) -> ObjectionState:
    return t.state.objections[o.id]


def remedies(t: Turn, o: Objection) -> bool:
    """The turn offers what answers this concern (value, proof, a small step), and is no bribe."""
    a = t.analysis
    if a.has(Act.discount) and not a.has(Act.value, Act.proof, Act.pilot):
        return False
    if a.has(Act.argument):
        return False
    if a.has(Act.summary) and not a.has(Act.pilot, Act.proof):
        return False  # the buyer's own words played back: the "value" in them is theirs
    if any(_REMEDY_ACTS[r] in a.acts for r in o.resolved_by):
        return True
    # A concrete step with the people concerned answers "send me material" or "not my
    # call", once the buyer has said what is behind it.
    explored = status(t, o).status is ObjectionStatus.reason_shared
    if o.trigger is ObjectionTrigger.advance and explored and (a.has(Act.advance) or t.proposal):
        return a.advance_kind not in (AdvanceKind.order, AdvanceKind.proposal)
    return answers_in_substance(t, o)


def answers_in_substance(t: Turn, o: Objection) -> bool:
    """The trainee's statement takes up what would settle this concern, in its own words
    ("we hold billing until your TrakLine contract ends in April"), though no cue for a
    case, a pilot or a benefit fired: the words of the concern's reason and remedy.
    A recap ("so what I'm hearing is: savings you can prove, no baseline fight") says the
    buyer's words back; it offers nothing that settles the concern."""
    if t.analysis.has(Act.summary):
        return False
    said = content_terms(" ".join(s for s in _statements(t)))
    if not said:
        return False
    wanted = content_terms(" ".join([o.resolution, o.reason, o.reveals]))
    shared = said & wanted
    latin = sum(1 for x in shared if x.isascii())
    return latin >= SUBSTANCE_WORDS or len(shared) - latin >= SUBSTANCE_BIGRAMS


def _statements(t: Turn) -> list[str]:
    """The turn without its questions: what the trainee offers, not what it asks. A
    step offered as a question ("如果先拿两三台试半年，原厂的保修不动，出了问题我们
    兜底，您觉得说得通吗？") offers what it names, so it stays."""
    a = t.analysis
    offered = {a.evidence.get(Act.pilot), a.evidence.get(Act.advance)} - {None}
    asked = {x.question.text for x in t.asked} - offered
    return [s.text for s in sentences(a.text) if s.text not in asked]


def _probes_concern(t: Turn, o: Objection) -> int | None:
    """Index of the question that digs into this concern (反问), if the turn asks one.

    A question about the concern itself ("what worries you about it?", "why
    now?", "say more?"), not one aimed at other content, nor at another concern
    of the buyer's. An acknowledgement followed by a question about something
    else is not one: the buyer answers that question and the concern waits.
    """
    for i, asked in enumerate(t.asked):
        q = asked.question
        if q.leading:
            continue
        # "您真正担心的是不是迁移那两千多条规则时出事？": a guess at the worry, in its words.
        stories = _story_words(t, q.text)
        names_it = bool(_WORRY.search(q.text)) and stories.get(o.id, 0.0) >= AIMED_WORDS
        # "What would have to be true for it to be worth a look before April?" asks for the
        # concern's conditions, though it holds a date: the reading of a fact gives way.
        conditions = bool(lx.CONDITION_PROBE.search(q.text, t.language))
        # "Walk me through that last ESCO: where did the baseline argument go wrong?"
        # takes up the pushback in its own words and asks what lies behind it.
        content = next((r for r in asked.ranked if not r.item.key.startswith("reason:")), None)
        quotes_it = _quotes(q.text, o, content.item.says if content else "") and (
            asked.intent in (Intent.concern, Intent.elaborate, Intent.problem)
            or bool(lx.CAUSE_ASK.search(q.text, t.language))
        )
        names_it = names_it or quotes_it
        about = (
            asked.intent in (Intent.concern, Intent.elaborate)
            or bool(lx.PROBE.search(q.text, t.language))
            or names_it
            or conditions
        )
        if not about:
            continue
        if (
            asked.intent is Intent.elaborate
            and not quotes_it
            and any(k in t.state.brief_keys for k in t.state.last_keys)
        ):
            continue  # "tell me more" after a short answer: more of that answer
        # "那您到底担心什么呢？" asks what the worry is, whatever stray characters it shares.
        sure = asked.reading.p(Intent.concern) >= SURE_CONCERN or (
            bool(_WORRY.search(q.text)) and q.form is QuestionForm.open
        )
        if (
            not sure
            and not names_it
            and not conditions
            and (
                asked.intent in ASKS_FOR_FACTS
                or (content is not None and content.lexical >= AIMED_WORDS)
            )
        ):
            continue
        if _about_another_concern(o, stories):
            continue
        # "What's behind the 'another box' worry: the drivers' reaction, or the hassle?"
        # puts people among the causes of the buyer's own worry.
        offers_causes = bool(
            lx.EITHER_OR.search(q.text) and lx.CAUSE_ASK.search(q.text, t.language)
        )
        if (
            asked.intent is not Intent.elaborate
            and t.person_meant(q.text) is not None
            and not names_it
            and not offers_causes
        ):
            continue  # what would make Greg nervous is about Greg, not the buyer's own worry
        return i
    return None


QUOTED_WORDS = 2  # content words a question shares with the pushback it takes up


def _quotes(question: str, o: Objection, content: str) -> bool:
    """The question uses the words the buyer pushed back in, beyond those it shares
    with the content it reads as ("店长每周…花多少时间" is about the reports, though the
    pushback spoke of busy store managers)."""
    said = content_terms(" ".join([*o.phrasings, *o.again])) - content_terms(content)
    return len(content_terms(question) & said) >= QUOTED_WORDS


_WORRY = re.compile(
    r"担心|顾虑|怕|不放心|忧虑|\b(worr(y|ied|ies)|concern(ed|s)?|afraid|nervous)\b", re.I
)


def _story_words(t: Turn, question: str) -> dict[str, float]:
    """BM25 the question shares with the story behind each concern, by objection id."""
    scores = t.index.lexical(question)
    return {
        item.id: float(scores[i])
        for i, item in enumerate(t.index.items)
        if item.key.startswith("reason:")
    }


def _about_another_concern(o: Objection, stories: dict[str, float]) -> bool:
    """The question clearly takes up the words of a different concern than `o`."""
    mine = stories.get(o.id, 0.0)
    others = [v for k, v in stories.items() if k != o.id]
    return bool(others) and max(others) >= max(2 * mine, OTHER_CONCERN)


def reveal_reason(t: Turn, o: Objection, question: str | None) -> None:
    ost = status(t, o)
    ost.status = ObjectionStatus.reason_shared
    t.answer(Disclosure(f"reason:{o.id}", o.reveals, question=question))
    t.plan.events["objection_reason_shared"] = o.id


def resolve(t: Turn, o: Objection, *, say: bool = True) -> None:
    ost = status(t, o)
    ost.status = ObjectionStatus.resolved
    ost.resolved_at = t.buyer_index
    if t.state.open_objection == o.id:
        t.state.open_objection = None
    if say:
        t.answer(Disclosure(f"resolution:{o.id}", o.resolution))
    t.plan.events.setdefault("objections_resolved", []).append(o.id)


def say_again(t: Turn, o: Objection, move: ObjectionMove) -> None:
    """The objection once more, in words not used yet this session."""
    ost = status(t, o)
    ost.restated += 1
    ost.times_raised += 1
    t.plan.events["objection_restated"] = o.id
    t.plan.objection = ObjectionDue(
        o.id, move, t.objection_text(o, again=True), unanswered=t.state.buyer_asked
    )


def park(t: Turn, o: Objection, *, minds: bool = True) -> None:
    """Talked past: the buyer stops saying it (and minds, when it was talked past too often);
    it comes back with the next step."""
    ost = status(t, o)
    ost.status = ObjectionStatus.parked
    if t.state.open_objection == o.id:
        t.state.open_objection = None
    if minds:
        t.state.adjust(trust=-2, patience=-6)
    t.plan.events["objection_set_aside"] = o.id


def handle_open(t: Turn) -> None:
    """React to the objection on the table: opened up, resolved, said again, or set aside."""
    st, a = t.state, t.analysis
    if st.open_objection is None:
        return
    o = objection(t, st.open_objection)
    ost = status(t, o)
    if a.has(Act.argument):
        # Arguing the buyer down hardens it: the concern is repeated, not opened up.
        if ost.restated < MAX_RESTATES:
            say_again(t, o, ObjectionMove.restate)
        return
    if a.has(Act.discount) and o.kind in _PRICE_KINDS:
        t.react("discount_suspicious", first=True)
        return
    understanding = a.has(Act.understanding)
    probe = _probes_concern(t, o)
    if ost.status is ObjectionStatus.open:
        if probe is not None:
            st.adjust(trust=6 if understanding else 3)
            t.consumed.add(probe)
            t.probe = probe
            reveal_reason(t, o, t.asked[probe].question.text)
            return
        if understanding and remedies(t, o):
            st.adjust(trust=4)
            reveal_reason(t, o, None)
            return
        if understanding:
            # Acknowledged: the buyer lets the talk go on, and won't keep repeating it.
            st.adjust(trust=1)
            ost.acknowledged = True
            if not t.asked:
                t.react("still_objection")
            return
        if ost.acknowledged and t.asked and a.pitch_words < PITCH_WORDS:
            return  # questions after an acknowledgement: the concern waits for the next step
        if t.proposal or t.asks_order:
            return  # the verdict on the step gives this concern as its reason
        if t.asked and a.pitch_words < PITCH_WORDS and ost.restated >= 1:
            # Questions about their business, not a pitch: reminded once, the buyer sets
            # the concern aside for the next step instead of tacking it onto every answer.
            park(t, o, minds=False)
            return
        _talked_past(t, o)
        return
    # The concern is out: the talk goes on; it wants an answer before any next step.
    # A stall on the next step itself is settled only by an earned step (advance.judge).
    if o.trigger is not ObjectionTrigger.advance and remedies(t, o):
        st.adjust(trust=8)
        resolve(t, o)
        # The same answer (a pilot, a reference) may settle earlier concerns too.
        for other in t.scenario.objections:
            if (
                other.trigger is not ObjectionTrigger.advance
                and status(t, other).status is ObjectionStatus.reason_shared
                and remedies(t, other)
            ):
                resolve(t, other, say=False)


def _talked_past(t: Turn, o: Objection) -> None:
    ost = status(t, o)
    t.state.adjust(patience=-6 if t.analysis.pitch_words >= PITCH_WORDS else -3)
    if ost.restated < MAX_RESTATES:
        say_again(t, o, ObjectionMove.restate)
    else:
        park(t, o)


def talks_price(t: Turn) -> bool:
    """The trainee brings up our price, a quote or a discount (not the buyer's own costs)."""
    a = t.analysis
    if a.has(Act.discount) or a.advance_kind is AdvanceKind.proposal:
        return True
    own_cost = {Intent.impact, Intent.current_state, Intent.supplier, Intent.budget}
    for sentence in sentences(a.text):
        s = sentence.text
        if not _OUR_PRICE.search(s) or not OUR_OFFER.search(s):
            continue
        asked = next((x for x in t.asked if s in x.question.text), None)
        if asked is not None and asked.intent in own_cost:
            continue
        return True
    return False


def pending(t: Turn, trigger: ObjectionTrigger) -> Objection | None:
    for o in t.scenario.objections:
        if o.trigger is trigger and status(t, o).status is ObjectionStatus.pending:
            return o
    return None


def raise_objection(t: Turn, o: Objection) -> None:
    ost = status(t, o)
    ost.status = ObjectionStatus.open
    ost.times_raised += 1
    ost.raised_at = t.buyer_index
    t.state.open_objection = o.id
    t.plan.objection = ObjectionDue(o.id, ObjectionMove.raise_, t.objection_text(o, again=False))
    t.plan.events["objection_raised"] = o.id


def raise_due(t: Turn) -> None:
    """A new objection the trainee's own move, or the meeting's clock, sets off."""
    st, a = t.state, t.analysis
    if st.open_objection is not None or t.plan.objection is not None or st.ended:
        return
    if st.advance_granted:
        return  # agreed on the next step: the rest waits for that meeting
    triggers: list[ObjectionTrigger] = []
    if talks_price(t):
        triggers.append(ObjectionTrigger.price_talk)
    if a.pitch_words >= PITCH_WORDS and not a.questions:
        triggers.append(ObjectionTrigger.pitch)
    business = bool(a.questions) or a.pitch_words >= PITCH_WORDS or a.has(Act.advance)
    if st.trainee_turns <= 3 and business:
        triggers.append(ObjectionTrigger.opening)
    for trigger in triggers:
        o = pending(t, trigger)
        if o is not None:
            raise_objection(t, o)
            return
    if t.plan.events.get("objections_resolved"):
        return  # one concern just settled: the next one on the clock can wait a turn
    if st.trust >= OPEN_TRUST:
        return  # a buyer this open tells its worries as its story, not as pushback
    for o in t.scenario.objections:
        if (
            o.trigger is ObjectionTrigger.turn
            and status(t, o).status is ObjectionStatus.pending
            and o.at_turn is not None
            and st.trainee_turns >= o.at_turn
            and _sets_off(t, o)
        ):
            raise_objection(t, o)
            return


def _sets_off(t: Turn, o: Objection) -> bool:
    """Its time has come, and the turn gives the buyer something to object to: a claim,
    a benefit, a case, a step, a price — or the very subject of the concern."""
    a = t.analysis
    if a.has(Act.pitch, Act.value, Act.proof, Act.pilot, Act.advance, Act.discount):
        return True
    if a.pitch_words >= PITCH_WORDS:
        return True
    words = content_terms(" ".join([*o.phrasings, o.reason]))
    shared = content_terms(a.text) & words
    latin = sum(1 for x in shared if x.isascii())
    return latin >= 2 or len(shared) - latin >= 3


def blocking(t: Turn) -> Objection | None:
    """An unanswered concern that stands before any next step (not the step's own stall)."""
    order = (ObjectionStatus.open, ObjectionStatus.reason_shared, ObjectionStatus.parked)
    for wanted in order:
        for o in t.scenario.objections:
            if o.trigger is ObjectionTrigger.advance:
                continue
            if status(t, o).status is wanted:
                return o
    return None
