"""Which of a scenario's items its own example questions reach, when the buyer hasn't seen them.

The example questions (the items' `probes`) are split into FOLDS groups; each
group is asked of an index built without it (cross-validation, so no question
is ever matched against itself). A question reaches its item when the buyer's
matching (intent + the content's words, app/buyer/asking.py) ranks it first.
(For the built-in scenarios the intent reader has also learnt from these
questions, app/simulation/probe_intents.py; the word index never has.) An item none of whose
questions reach it is one a trainee will struggle to get answered: its words
or its probes need work. `coach scenarios check` prints this report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.analysis.intent import read_intent
from app.analysis.lexicon import topics_of
from app.buyer.asking import rank
from app.scenarios.content import ContentIndex, ItemKind, address_of, content_items
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


FOLDS = 5


def folds(keys_and_probes: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Deterministic groups of (item key, question): every FOLDS-th question of each item."""
    groups: list[list[tuple[str, str]]] = [[] for _ in range(FOLDS)]
    seen: dict[str, int] = {}
    for key, probe in keys_and_probes:
        n = seen.get(key, 0)
        seen[key] = n + 1
        groups[n % FOLDS].append((key, probe))
    return [g for g in groups if g]


def reachability(scenario: Scenario) -> ReachReport:
    items = [i for i in content_items(scenario) if i.kind is not ItemKind.concern]
    every = content_items(scenario)
    by_key = {i.key: ItemReach(i.key, len(i.probes), 0) for i in items}
    for group in folds([(i.key, p) for i in items for p in i.probes]):
        index = ContentIndex(
            every, leave_out=frozenset(p for _, p in group), address=address_of(scenario)
        )
        for key, probe in group:
            reading = read_intent(probe, scenario.language)
            ranked = rank(index, probe, reading, set(), topics_of(probe, scenario.language))
            found = ranked[0].item.key if ranked else None
            if found == key:
                by_key[key].reached += 1
            else:
                by_key[key].misses.append((probe, found))
    return ReachReport(scenario.id, list(by_key.values()))


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
