"""The built-in scenarios' example questions as more labelled questions for the intent reader.

Each probe asks for one item; the item's kind says what kind of answer it
wants (a fact about how things stand → current_state, a surface need →
problem, a person → people, the budget line → budget...). Written to
app/analysis/intent_data/<language>-probes.jsonl by scripts/write_probe_intents.py
(a test fails when they are stale), so the reader also learns how trainees ask
in these meetings. Derived labels are coarser than the hand-labelled sets; they
add the sales-meeting wording, not new label boundaries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from app.analysis.intent import DATA_DIR, Intent
from app.analysis.topics import Topic
from app.scenarios.content import ContentItem, ItemKind, content_items
from app.scenarios.schema import NeedLayer, Scenario

_DECISION = {
    "decision:process": Intent.decision_process,
    "decision:budget": Intent.budget,
    "decision:timeline": Intent.timeline,
    "decision:criteria": Intent.criteria,
}
_NEED = {
    NeedLayer.surface: Intent.problem,
    NeedLayer.impact: Intent.impact,
    NeedLayer.personal: Intent.personal,
}


def intent_of(item: ContentItem) -> Intent | None:
    if item.kind is ItemKind.decision:
        return _DECISION[item.key]
    if item.kind is ItemKind.stakeholder:
        return Intent.people
    if item.kind is ItemKind.need and item.layer is not None:
        return _NEED[item.layer]
    if item.kind is ItemKind.fact:
        if item.topics & {Topic.goal, Topic.strategy}:
            return Intent.goal
        if Topic.supplier in item.topics:
            return Intent.supplier
        return Intent.current_state
    return None


def labelled(scenarios: Iterable[Scenario]) -> dict[str, str]:
    """The JSONL text of each language's file."""
    rows: dict[str, list[str]] = {"zh": [], "en": []}
    for scenario in sorted(scenarios, key=lambda s: s.id):
        for item in content_items(scenario):
            intent = intent_of(item)
            if intent is None:
                continue
            for probe in item.probes:
                row = {"text": probe, "intent": intent.value}
                rows[scenario.language].append(json.dumps(row, ensure_ascii=False))
    return {lang: "".join(f"{r}\n" for r in lines) for lang, lines in rows.items()}


def path_for(language: str, directory: Path = DATA_DIR) -> Path:
    return directory / f"{language}-probes.jsonl"


def write(scenarios: Iterable[Scenario], directory: Path = DATA_DIR) -> dict[str, int]:
    counts = {}
    for lang, text in labelled(scenarios).items():
        path_for(lang, directory).write_text(text, encoding="utf-8")
        counts[lang] = text.count("\n")
    return counts
