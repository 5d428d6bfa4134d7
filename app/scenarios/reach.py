"""Which of a scenario's items its own example questions reach, when the buyer hasn't seen them.

Each example question (an item's `probes`) is left out of the index and
asked; it reaches its item when the buyer's matching (intent + the content's
words, app/buyer/asking.py) ranks that item first. An item none of whose
questions reach it is one a trainee will struggle to get answered: its words
or its probes need work. `coach scenarios check` prints this report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.analysis.intent import read_intent
from app.analysis.lexicon import topics_of
from app.buyer.asking import rank
from app.scenarios.content import ContentIndex, ItemKind, content_items
from app.scenarios.schema import Scenario


@dataclass
class ItemReach:
    key: str
    probes: int
    reached: int
    misses: list[tuple[str, str | None]] = field(default_factory=list)  # (question, what it found)


@dataclass
class ReachReport:
    scenario: str
    items: list[ItemReach]

    @property
    def probes(self) -> int:
        return sum(i.probes for i in self.items)

    @property
    def reached(self) -> int:
        return sum(i.reached for i in self.items)

    @property
    def rate(self) -> float | None:
        return self.reached / self.probes if self.probes else None

    @property
    def unreachable(self) -> list[str]:
        return [i.key for i in self.items if i.probes and not i.reached]

    @property
    def without_probes(self) -> list[str]:
        return [i.key for i in self.items if not i.probes]


def reachability(scenario: Scenario) -> ReachReport:
    items = content_items(scenario)
    out: list[ItemReach] = []
    for item in items:
        if item.kind is ItemKind.concern:
            continue  # told to a question about the objection, not asked for cold
        reach = ItemReach(item.key, len(item.probes), 0)
        for probe in item.probes:
            index = ContentIndex(items, leave_out=frozenset({probe}))
            reading = read_intent(probe, scenario.language)
            ranked = rank(index, probe, reading, set(), topics_of(probe, scenario.language))
            found = ranked[0].item.key if ranked else None
            if found == item.key:
                reach.reached += 1
            else:
                reach.misses.append((probe, found))
        out.append(reach)
    return ReachReport(scenario.id, out)


def format_reach(reports: list[ReachReport], verbose: bool = False) -> str:
    lines = []
    for r in reports:
        rate = f"{r.rate:.0%}" if r.rate is not None else "-"
        lines.append(
            f"{r.scenario}: example questions reach their item {r.reached}/{r.probes} ({rate})"
        )
        for key in r.unreachable:
            lines.append(f"  ! no example question reaches {key}")
        if r.without_probes:
            lines.append(f"  ? no example questions for {', '.join(r.without_probes)}")
        if verbose:
            for item in r.items:
                for q, found in item.misses:
                    lines.append(f"    {item.key} <- {q!r} found {found}")
    return "\n".join(lines)
