"""What the buyer actually said: the needs and decision makers it revealed, the objections it raised.

In a role-play the buyer keeps its own record (the events stored on its turns),
so the scorecard's lists are what happened, not what the words look like; an
imported transcript is read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from app.analysis.conversation import ConversationAnalysis
from app.analysis.model import BuyerSignal, BuyerTurnAnalysis, ObjectionHit
from app.analysis.text import content_terms, sentences
from app.i18n.catalog import SCORECARD
from app.scenarios.content import content_items
from app.scenarios.schema import Scenario
from app.scoring.schema import AdvanceOutcome, NeedsReport, NeedUncovered, StakeholderUncovered


def needs_report(
    scenario: Scenario,
    turns: Sequence[tuple[str, str]],
    events: Mapping[int, Mapping[str, Any]] | None = None,
) -> NeedsReport:
    """From the buyer's own record when there is one (a live role-play), else from the text.

    For an imported transcript a need counts as uncovered when a buyer turn says
    enough of it: most of its keywords, or much of its wording.
    """
    need_at: dict[str, int] = {}
    person_at: dict[str, int] = {}
    if events:
        for index, ev in sorted(events.items()):
            for nid in ev.get("revealed_needs", []):
                need_at.setdefault(nid, index)
            for sid in ev.get("named_stakeholders", []):
                person_at.setdefault(sid, index)
    else:
        for index, (role, text) in enumerate(turns):
            if role != "buyer":
                continue
            lowered = text.lower()
            terms = content_terms(text)
            for need in scenario.needs:
                hits = sum(1 for k in need.keywords if k.lower() in lowered)
                overlap = len(terms & content_terms(need.says)) / max(
                    1, len(content_terms(need.says))
                )
                if hits >= max(2, len(need.keywords) // 3) or overlap >= 0.35:
                    need_at.setdefault(need.id, index)
    # People the buyer names in the text count in both cases: "…goes to Linda, our CFO,
    # and then Tom signs." told with the process named them, whichever item the buyer's
    # record filed the reply under.
    for index, (role, text) in enumerate(turns):
        if role == "buyer":
            for s in scenario.decision.stakeholders:
                if _names(text, s.name, s.title):
                    person_at[s.id] = min(person_at.get(s.id, index), index)
    needs = [
        NeedUncovered(
            id=n.id,
            layer=n.layer.value,
            summary=n.summary,
            uncovered=n.id in need_at,
            index=need_at.get(n.id),
        )
        for n in scenario.needs
    ]
    people = [
        StakeholderUncovered(
            id=s.id,
            name=s.name,
            title=s.title,
            uncovered=s.id in person_at,
            index=person_at.get(s.id),
        )
        for s in scenario.decision.stakeholders
    ]
    return NeedsReport(
        needs=needs,
        stakeholders=people,
        needs_uncovered=sum(1 for n in needs if n.uncovered),
        needs_total=len(needs),
        stakeholders_uncovered=sum(1 for p in people if p.uncovered),
        stakeholders_total=len(people),
    )


def _names(text: str, name: str, title: str) -> bool:
    """Whether a buyer turn names this person: their name (an English given name alone
    too: "Tom signs"), or their title as the scenario writes it."""
    lowered = text.lower()
    if name.lower() in lowered or title.lower() in lowered:
        return True
    words = name.split()
    given = words[0] if len(words) > 1 and all(w[:1].isupper() for w in words) else ""
    return bool(given) and re.search(rf"\b{re.escape(given)}\b", text) is not None


def with_raised_objections(
    analysis: ConversationAnalysis, scenario: Scenario, events: Mapping[int, Mapping[str, Any]]
) -> ConversationAnalysis:
    """The analysis with every objection the buyer's record says it raised or repeated.

    The cues can miss an objection said in everyday words ("再让店长学个新东西，我怕他们
    有意见"); the buyer knows it raised one, so objection handling is scored on it.
    """
    by_id = {o.id: o for o in scenario.objections}
    says = {item.key: item.says for item in content_items(scenario)}
    cares = {f"stakeholder:{p.id}#cares": p.cares_about for p in scenario.decision.stakeholders}
    turns = list(analysis.turns)
    for i, turn in enumerate(turns):
        if not isinstance(turn, BuyerTurnAnalysis):
            continue
        ev = events.get(turn.index) or {}
        told = [says.get(k) or cares.get(k) or "" for k in ev.get("answered") or ()]
        kept = tuple(hit for hit in turn.objections if not _told(hit.quote, told))
        if kept != turn.objections:
            # "他最怕换核心系统出故障" told of a colleague, "最后拍板的是黄行长" told of the
            # process: what the buyer said from the scenario when asked is no pushback.
            turn = replace(turn, objections=kept)
            if not kept:
                turn = replace(
                    turn,
                    signals=turn.signals - {BuyerSignal.objection},
                    evidence={
                        k: v for k, v in turn.evidence.items() if k is not BuyerSignal.objection
                    },
                )
            turns[i] = turn
        raised = ev.get("objection_raised") or ev.get("objection_restated")
        objection = by_id.get(raised) if isinstance(raised, str) else None
        if objection is None or objection.kind in turn.objection_kinds:
            continue
        quote = _quote(turn.text, str(ev.get("objection_quote") or ""))
        turns[i] = replace(
            turn,
            objections=(*turn.objections, ObjectionHit(objection.kind, quote)),
            signals=turn.signals | {BuyerSignal.objection},
            evidence={**turn.evidence, BuyerSignal.objection: quote},
        )
    return replace(analysis, turns=tuple(turns))


def _told(quote: str, told: Sequence[str]) -> bool:
    core = quote.strip().rstrip("。.！!？?")
    return bool(core) and any(core in t for t in told if t)


def _quote(text: str, said: str) -> str:
    """The verbatim words of the objection in the buyer's turn (the sentence that carries most of it)."""
    if said and said in text:
        return said
    parts = sentences(text)
    if not parts:
        return text
    want = content_terms(said)
    return max(parts, key=lambda s: len(content_terms(s.text) & want)).text


def advance_outcome(
    scenario: Scenario, events: Mapping[int, Mapping[str, Any]], language: str
) -> AdvanceOutcome:
    """Whether the next step was agreed, refused (and why, the last time) or never asked."""
    granted = [i for i, ev in sorted(events.items()) if ev.get("advance_granted")]
    refused = [
        (i, str(ev["advance_refused"]))
        for i, ev in sorted(events.items())
        if ev.get("advance_refused")
    ]
    asks = len(granted) + len(refused)
    goal = scenario.advance.goal
    if granted:
        return AdvanceOutcome(goal=goal, status="agreed", index=granted[0], asks=asks)
    if refused:
        index, why = refused[-1]
        key = f"outcome.why.{why}" if SCORECARD.has(f"outcome.why.{why}") else "outcome.why.other"
        return AdvanceOutcome(
            goal=goal,
            status="refused",
            index=index,
            asks=asks,
            reason=SCORECARD.say(language, key),
            why=why,
        )
    return AdvanceOutcome(goal=goal, status="not_asked")
