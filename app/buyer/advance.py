"""A proposed next step, judged on its content: is it earned, and is it the step that fits?

Earned means the trainee has uncovered enough of the buyer's needs, has its
trust, and has no concern left unanswered. Fitting means it is the kind of
step the scenario's advance describes (a site survey, a pilot, a meeting with
the people named) or shares its substance. A well-earned, fitting step is
accepted, after at most one ritual stall (the scenario's advance objection);
an early or unfitting one is refused with a reason; a discount, a brochure or
pressure never buys it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from app.analysis import lexicon as lx
from app.analysis.model import Act, AdvanceKind
from app.analysis.text import content_terms
from app.buyer import objections as obj
from app.buyer.lines import LineKey
from app.buyer.plan import ADVANCE_ACCEPTS, Disclosure, ObjectionMove, Reaction
from app.buyer.state import ObjectionStatus
from app.buyer.turn import Turn
from app.scenarios.schema import ObjectionTrigger, Scenario

_KIND_CUES = (
    (AdvanceKind.pilot, lx.PILOT),
    (AdvanceKind.introduction, lx.INTRODUCTION),
    (AdvanceKind.site_visit, lx.SITE_VISIT),
    (AdvanceKind.demo, lx.DEMO),
    (AdvanceKind.proposal, lx.PROPOSAL),
)
# Steps that count as the same move for a buyer: meeting the people concerned on site
# is a visit and an introduction at once.
_SHARED_TERMS = 3
GOAL_SHARE = 0.4  # of the advance goal's own terms: a proposal that says this much is that step


def step_kinds(text: str, language: str) -> frozenset[AdvanceKind]:
    return frozenset(kind for kind, cue in _KIND_CUES if cue.search(text, language))


@lru_cache(maxsize=256)
def _goal_terms(goal: str, people: tuple[str, ...]) -> frozenset[str]:
    return content_terms(" ".join([goal, *people]))


def fits(scenario: Scenario, proposal: str) -> bool:
    """Whether a proposed step is the kind of step the scenario's advance is, or shares
    its substance (`proposal`: the trainee's whole turn, which describes the step)."""
    goal = scenario.advance.goal
    wanted = step_kinds(goal, scenario.language) - {AdvanceKind.proposal}
    offered = step_kinds(proposal, scenario.language)
    if offered & wanted:
        return True
    said = content_terms(proposal)
    own = _goal_terms(goal, ())
    if len(said & own) >= GOAL_SHARE * len(own):
        return True  # the step the scenario is after, in much its own words ("…的方案敲一下")
    people = tuple(x for s in scenario.decision.stakeholders for x in (s.name, s.title))
    shared = said & _goal_terms(goal, people)
    only_paper = bool(offered) and offered <= {AdvanceKind.proposal, AdvanceKind.demo}
    return len(shared) >= _SHARED_TERMS and not only_paper


def needs_required(t: Turn) -> int:
    """Needs the trainee must have brought out; one fewer once they summarised the need
    back and the buyer confirmed it (they showed they understood, 需求确认)."""
    wanted = t.scenario.advance.requires_needs
    return max(min(wanted, 1), wanted - 1) if t.state.summary_confirmed else wanted


def _ready(t: Turn) -> bool:
    return (
        len(t.state.revealed_needs) >= needs_required(t)
        and t.state.trust >= t.scenario.advance.min_trust
    )


# "周二前发您", "by Friday", "before Tuesday": a day the seller sets for their own errand.
_DEADLINE_AFTER = re.compile(r"^\s*(之前|以前|前)")
_DEADLINE_BEFORE = re.compile(r"\b(by|before|until|no later than)\s+((next|this)\s+)?$", re.I)


def _deadline(text: str, day: re.Match[str]) -> bool:
    return bool(
        _DEADLINE_AFTER.match(text[day.end() :]) or _DEADLINE_BEFORE.search(text[: day.start()])
    )


def judge(t: Turn) -> None:
    """The buyer's verdict on a proposed step or a close."""
    st, a = t.state, t.analysis
    if st.advance_granted:
        days = list(lx.WEEKDAY.finditer(a.text, t.language))
        offered = [d for d in days if not _deadline(a.text, d)]
        if days and not offered:
            return  # "指标初稿我周二前发您": the seller's own errand, no time to pick
        if not offered:
            # Asked for once more: it's agreed. Told what the seller will do next ("我回去
            # 先把清单发给您"): fine, the details come later.
            t.react("already_agreed" if a.questions else "advance_granted_wrapup")
            return
        day = offered[0]
        # "Could we get Greg and Tom on a call, say Tuesday or Wednesday?" after the yes:
        # the buyer takes the first day offered.
        when = day.group(0)
        when = when[:1].upper() + when[1:] if t.language == "en" else when
        t.plan.reactions.append(
            Reaction("time_picked", text=t.line("time_picked").format(time=when))
        )
        return
    st.advance_asks += 1
    if t.asks_order:
        # Asking for the order: never what this meeting can give.
        if not _ready(t):
            st.adjust(trust=-6, patience=-8)
        t.react("too_early_to_sign", first=True)
        return
    if st.advance_asks > 2 and not _ready(t):
        st.adjust(patience=-8)  # asking again without learning anything new is pushing
    proposal = t.proposal or a.evidence.get(Act.advance, a.text)
    earned = _ready(t) and fits(t.scenario, a.text)
    blocker = obj.blocking(t)
    while blocker is not None and obj.status(t, blocker).status is ObjectionStatus.reason_shared:
        # A concern already talked through is settled by its remedy, or by an earned,
        # fitting step once the buyer has confirmed what it needs (the step is where
        # the concern gets checked).
        if obj.remedies(t, blocker):
            st.adjust(trust=6)
            obj.resolve(t, blocker)
        elif earned and st.summary_confirmed:
            obj.resolve(t, blocker, say=False)
        else:
            break
        blocker = obj.blocking(t)
    if blocker is not None:
        # The unanswered concern is the reason: it comes back on this trigger.
        bs = obj.status(t, blocker)
        if bs.status is ObjectionStatus.parked:
            bs.status = ObjectionStatus.open
            st.open_objection = blocker.id
            obj.say_again(t, blocker, ObjectionMove.bring_back)
        elif t.plan.objection is None:
            obj.say_again(t, blocker, ObjectionMove.restate)
        if t.plan.objection is not None:
            t.plan.objection = replace(t.plan.objection, refusal=True)
        t.plan.events["advance_refused"] = "concern"
        return
    stall = next((o for o in t.scenario.objections if o.trigger is ObjectionTrigger.advance), None)
    stall_state = obj.status(t, stall) if stall is not None else None
    if len(st.revealed_needs) < needs_required(t):
        _refuse(t, "not_yet", "needs")
        return
    if st.trust < t.scenario.advance.min_trust:
        _refuse(t, "not_yet_trust", "trust")
        return
    if not fits(t.scenario, a.text):
        t.react("advance_unfitting")
        t.plan.events["advance_refused"] = "unfitting"
        return
    conceded = bool(t.plan.events.get("objections_resolved"))
    if stall is not None and stall_state is not None:
        if stall_state.status is ObjectionStatus.pending and not conceded:
            obj.raise_objection(t, stall)  # the ritual stall, once
            t.plan.events["advance_refused"] = "stall"
            return
        if (
            stall_state.status is ObjectionStatus.open
            and not conceded
            and not obj.remedies(t, stall)
        ):
            # The stall raised and talked past: asking again is not answering it.
            obj.say_again(t, stall, ObjectionMove.restate)
            t.plan.events["advance_refused"] = "stall"
            return
        if stall_state.unresolved:
            obj.resolve(t, stall, say=False)
    st.advance_granted = True
    st.adjust(trust=5)
    t.answer(Disclosure(ADVANCE_ACCEPTS, t.scenario.advance.accepts, question=proposal))
    t.plan.advance_accepted = True
    t.plan.events["advance_granted"] = True


def _refuse(t: Turn, line: LineKey, why: str) -> None:
    """Not earned yet: the scenario's own stall if it has one to raise, else a reason."""
    stall = obj.pending(t, ObjectionTrigger.advance)
    if stall is not None and t.state.open_objection is None:
        obj.raise_objection(t, stall)
    else:
        t.react(line)
    t.plan.events["advance_refused"] = why
