"""Does the buyer answer what it is asked? Natural questions, each aimed at one item, played live.

Each question is asked by a competent trainee against the offline buyer, twice:
- early: an introduction, a fair reply to the first pushback (understanding and
  a question about it), then the question;
- mid-conversation: the same start, four other questions of the set, then it.
A question about a deeper need first asks, in the same words the set uses, for
the need it builds on (what a problem costs only makes sense once the problem
is on the table). It counts as answered when the buyer's reply draws on the
item it was aimed at.

bench/buyer_responsiveness.py runs it on held-out questions written by people
who never saw the code; `coach scenarios check --simulate` runs it on each
scenario's own example questions, each removed from the scenario before it is
asked (in folds), so neither figure flatters the buyer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.buyer.offline import OfflineBuyer
from app.scenarios.content import ItemKind, content_items
from app.scenarios.schema import Scenario
from app.simulation.reach import folds
from app.simulation.session import OfflineSession

SEED = 7
MID_CONVERSATION_QUESTIONS = 4
INTRO = {
    "zh": "{name}您好，谢谢您抽时间见我。今天我不急着介绍产品，想先听听咱们这边的情况，可以吗？",
    "en": "Thanks for making the time, {name}. I won't pitch anything today; I'd like to understand your situation first. Is that all right?",
}
FAIR_REPLY = {
    "zh": "理解，您这边事情确实多。能说说主要是顾虑哪方面吗？",
    "en": "That's fair, and I appreciate you being straight with me. What's behind that, if you don't mind me asking?",
}


@dataclass(frozen=True)
class Probe:
    target: str  # a content key: "fact:plant-scale", "need:data-delay", "decision:budget", ...
    text: str


@dataclass
class ProbeResult:
    probe: Probe
    setting: str  # "early" | "mid"
    answered: bool
    got: list[str]  # what the reply drew on
    reply: str


@dataclass
class ResponsivenessReport:
    scenario: str
    results: list[ProbeResult] = field(default_factory=list)

    def rate(self, setting: str | None = None, kind: str | None = None) -> float | None:
        rs = [
            r
            for r in self.results
            if (setting is None or r.setting == setting)
            and (kind is None or r.probe.target.startswith(kind + ":"))
        ]
        return sum(r.answered for r in rs) / len(rs) if rs else None

    @property
    def misses(self) -> list[ProbeResult]:
        return [r for r in self.results if not r.answered]


def prerequisites(scenario: Scenario, target: str, first: dict[str, str]) -> list[str]:
    """Questions for the needs a need builds on, deepest last."""
    chain: list[str] = []
    key = target
    while key.startswith("need:"):
        base = scenario.need(key.split(":", 1)[1]).builds_on
        if base is None:
            break
        key = f"need:{base}"
        if key in first:
            chain.insert(0, first[key])
    return chain


def _start(scenario: Scenario, engine: OfflineBuyer) -> OfflineSession:
    s = OfflineSession(scenario, engine, SEED)
    lang = scenario.language
    s.say(INTRO[lang].format(name=scenario.buyer.name))
    s.say(FAIR_REPLY[lang])
    return s


def responsiveness(
    scenario: Scenario,
    probes: Sequence[Probe],
    engine: OfflineBuyer | None = None,
    settings: Sequence[str] = ("early", "mid"),
    ask: Sequence[Probe] | None = None,
) -> ResponsivenessReport:
    """Ask each of `ask` (default: all `probes`); the others set the scene."""
    engine = engine or OfflineBuyer()
    first: dict[str, str] = {}
    for p in probes:
        if p not in (ask or ()):
            first.setdefault(p.target, p.text)
    for p in probes:
        first.setdefault(p.target, p.text)
    order = list(first)
    report = ResponsivenessReport(scenario.id)
    for probe in ask if ask is not None else probes:
        prereqs = prerequisites(scenario, probe.target, first)
        for setting in settings:
            session = _start(scenario, engine)
            if setting == "mid":
                at = order.index(probe.target)
                others = [
                    first[k]
                    for k in order[at + 1 :] + order[:at]
                    if first[k] not in prereqs and k != probe.target
                ][:MID_CONVERSATION_QUESTIONS]
                for text in others:
                    if session.state.ended:
                        break
                    session.say(text)
            for text in prereqs:
                if not session.state.ended:
                    session.say(text)
            if session.state.ended:
                report.results.append(ProbeResult(probe, setting, False, [], "(meeting ended)"))
                continue
            reply = session.say(probe.text)
            got = list(reply.events.get("answered", []))
            # "What does Greg care about?" answered from the person's item ("stakeholder:cfo#cares")
            # is an answer from that item.
            drew_on = {key.split("#", 1)[0] for key in got}
            report.results.append(
                ProbeResult(probe, setting, probe.target in drew_on, got, reply.text)
            )
    return report


def own_probes(scenario: Scenario) -> list[Probe]:
    """The scenario's example questions, aimed at their items."""
    return [
        Probe(item.key, text)
        for item in content_items(scenario)
        if item.kind is not ItemKind.concern
        for text in item.probes
    ]


def without_probes(scenario: Scenario, probes: Sequence[Probe]) -> Scenario:
    """The scenario with these example questions removed, so asking them tests the buyer honestly."""
    data = scenario.model_dump()
    for probe in probes:
        kind, _, ident = probe.target.partition(":")
        if kind == "decision":
            data["decision"]["probes"][ident].remove(probe.text)
            continue
        group = {
            "fact": data["facts"],
            "need": data["needs"],
            "stakeholder": data["decision"]["stakeholders"],
        }[kind]
        next(x for x in group if x["id"] == ident)["probes"].remove(probe.text)
    return Scenario.model_validate(data)


def own_responsiveness(
    scenario: Scenario, settings: Sequence[str] = ("early",)
) -> ResponsivenessReport:
    """The scenario's own example questions, each group asked of the scenario without it
    (the same folds as app/simulation/reach.py)."""
    engine = OfflineBuyer()
    probes = own_probes(scenario)
    report = ResponsivenessReport(scenario.id)
    for group in folds([(p.target, p.text) for p in probes]):
        asked = [Probe(k, q) for k, q in group]
        reduced = without_probes(scenario, asked)
        rest = [p for p in probes if p not in asked]
        part = responsiveness(reduced, [*rest, *asked], engine, settings, ask=asked)
        report.results.extend(part.results)
    return report
