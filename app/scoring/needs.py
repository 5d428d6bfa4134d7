"""Which of the scenario's hidden needs and decision makers the trainee brought to light."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from app.analysis.text import content_terms
from app.scenarios.schema import Scenario
from app.scoring.schema import NeedsReport, NeedUncovered, StakeholderUncovered


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
            for s in scenario.decision.stakeholders:
                if s.name.lower() in lowered or s.title.lower() in lowered:
                    person_at.setdefault(s.id, index)
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
