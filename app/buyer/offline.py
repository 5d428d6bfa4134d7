"""The offline buyer: a deterministic key-account customer played from a scenario.

It reads each trainee turn through the shared analysis and keeps state (trust,
patience, what it has revealed, which objections are open). It shares facts
to situation questions, its deeper needs only to good probing and enough
trust, raises objections on the scenario's schedule, softens to understanding
plus a counter-question, hardens when argued with, pushed or discounted at
once, and ends the meeting when its patience runs out. It never leaves its
role and never tells its brief.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.analysis.model import (
    Act,
    AdvanceKind,
    ObjectionKind,
    Question,
    QuestionForm,
    SpinStage,
    TraineeTurnAnalysis,
)
from app.analysis.responses import counter_question
from app.analysis.topics import Topic
from app.buyer.engine import BuyerReply, HistoryTurn
from app.buyer.lines import LineKey, Phrasebook, load_phrasebook, rotate
from app.buyer.state import BuyerState, EndReason, ObjectionState, ObjectionStatus
from app.buyer.turn import BuyerTurn
from app.scenarios.schema import (
    Need,
    NeedLayer,
    Objection,
    ObjectionTrigger,
    Resolution,
    Scenario,
)

PITCH_WORDS = 15  # a statement about ourselves this long, with no question, is a pitch
MONOLOGUE_WORDS = 45
_RESOLUTION_ACTS = {
    Resolution.value: Act.value,
    Resolution.proof: Act.proof,
    Resolution.pilot: Act.pilot,
}
_STAGE_TRUST = {
    SpinStage.situation: 0,
    SpinStage.problem: 1,
    SpinStage.implication: 2,
    SpinStage.need_payoff: 1,
}


class OfflineBuyer:
    """Implements app.buyer.engine.BuyerEngine without any model."""

    name = "offline"

    def __init__(self, lines: Phrasebook | None = None) -> None:
        self.lines = lines or load_phrasebook()

    def initial_state(self, scenario: Scenario) -> BuyerState:
        return BuyerState(
            trust=scenario.tuning.initial_trust,
            patience=scenario.tuning.patience,
            objections={o.id: ObjectionState() for o in scenario.objections},
        )

    async def opening(self, scenario: Scenario, state: BuyerState, seed: int) -> BuyerReply:
        return self.open(scenario, state, seed)

    async def reply(
        self,
        scenario: Scenario,
        state: BuyerState,
        history: Sequence[HistoryTurn],
        analysis: TraineeTurnAnalysis,
        seed: int,
    ) -> BuyerReply:
        return self.respond(scenario, state, analysis, seed, buyer_index=len(history))

    # The pure core, usable without an event loop.

    def open(self, scenario: Scenario, state: BuyerState, seed: int) -> BuyerReply:
        st = state.model_copy(deep=True)
        text = rotate(scenario.buyer.opening_lines, seed, "opening", 0)
        return BuyerReply(text=text, state=st, events={"opening": True})

    def respond(
        self,
        scenario: Scenario,
        state: BuyerState,
        analysis: TraineeTurnAnalysis,
        seed: int,
        buyer_index: int,
    ) -> BuyerReply:
        turn = BuyerTurn(
            scenario, state.model_copy(deep=True), analysis, self.lines, seed, buyer_index
        )
        _Decision(turn).run()
        return turn.result()


class _Decision:
    """One buyer turn's reasoning, in the order a guarded customer reacts."""

    def __init__(self, turn: BuyerTurn) -> None:
        self.t = turn
        self.sc = turn.scenario
        self.st = turn.state
        self.a = turn.analysis

    def run(self) -> None:
        t, st, a = self.t, self.st, self.a
        st.trainee_turns += 1
        st.adjust(patience=-2)  # a busy buyer: every turn costs a little

        if a.has(Act.injection):
            # Whatever else the text says, the buyer hears nonsense aimed at someone else.
            st.adjust(trust=-5, patience=-15)
            t.say_line("stay_in_role")
            t.events["stayed_in_role"] = True
            self._patience_check()
            return
        if a.words < 2 and not a.questions:
            st.adjust(patience=-8)
            t.say_line("prompt_more")
            self._patience_check()
            return
        if a.has(Act.give_up):
            t.say_line("accept_leave")
            t.end(EndReason.trainee_left)
            return

        self._tone()
        if st.open_objection is not None:
            handled = self._handle_open_objection()
            if handled:
                self._patience_check()
                return
        if not t.spoke and self._raise_on_trigger():
            self._patience_check()
            return
        if a.has(Act.advance, Act.hard_close):
            self._advance()
        elif a.has(Act.summary):
            self._summary()
        if a.questions and not t.blocked:
            lead = self._lead_question()
            # "Did I get that right?" after a summary is answered by the confirmation.
            if not (
                a.has(Act.summary)
                and lead.text in (a.evidence.get(Act.summary), a.evidence.get(Act.feedback_request))
            ):
                self._answer(lead)
        if not t.spoke:
            self._statement()
        self._dissolve_by_discovery()
        if not t.blocked:
            self._scheduled_objection()
        self._patience_check()

    def _dissolve_by_discovery(self) -> None:
        """ "No time" and "no need" fade once the buyer has voiced a real business impact.

        The trainee has shown the conversation is worth the buyer's time; there
        is nothing left to answer in those, unlike a price or a risk concern.
        """
        st = self.st
        impact_out = any(self.sc.need(n).layer is not NeedLayer.surface for n in st.revealed_needs)
        if not impact_out:
            return
        for o in self.sc.objections:
            if o.kind in (ObjectionKind.no_time, ObjectionKind.no_need) and (
                st.objections[o.id].status is ObjectionStatus.reason_shared
            ):
                self._resolve(o)

    # --- how the turn sounds -------------------------------------------------

    def _tone(self) -> None:
        a, st = self.a, self.st
        if a.has(Act.argument):
            st.adjust(trust=-12, patience=-15)
        if a.has(Act.badmouth):
            st.adjust(trust=-6)
        if a.has(Act.leading):
            st.adjust(trust=-4)
        if a.has(Act.discount):
            st.adjust(trust=-6)
        if a.has(Act.hard_close) and not self._ready_for_advance():
            st.adjust(trust=-6, patience=-8)
        if a.has(Act.understanding):
            st.adjust(trust=2)
        if a.has(Act.self_disclosure):
            st.adjust(trust=2)
        if a.has(Act.followup):
            st.adjust(trust=3, patience=3)
        if a.has(Act.feedback_request):
            st.adjust(trust=2)
        if a.pitch_words >= PITCH_WORDS and not a.questions:
            st.pitch_strikes += 1
            st.adjust(trust=-3, patience=-12 if a.pitch_words >= MONOLOGUE_WORDS else -8)
        elif a.pitch_words >= MONOLOGUE_WORDS:
            st.adjust(patience=-6)  # a long pitch with a question tacked on
        for q in a.questions[:2]:  # a barrage of questions earns no more than two
            st.adjust(trust=2 if q.form is QuestionForm.open else 0)
            st.adjust(trust=_STAGE_TRUST[q.stage])
        situation_only = bool(a.questions) and all(
            q.form == "closed" and q.stage is SpinStage.situation for q in a.questions
        )
        st.closed_streak = st.closed_streak + 1 if situation_only else 0

    # --- objections ------------------------------------------------------------

    def _objection(self, objection_id: str) -> Objection:
        return next(o for o in self.sc.objections if o.id == objection_id)

    def _resolves(self, o: Objection) -> bool:
        a = self.a
        if any(_RESOLUTION_ACTS[r] in a.acts for r in o.resolved_by):
            return True
        # A concrete, fitting next step answers "send me material" or "not my call".
        if o.trigger is ObjectionTrigger.advance and a.has(Act.advance):
            return a.advance_kind is not AdvanceKind.order
        return False

    def _counter_question(self) -> bool:
        return counter_question(self.a) is not None

    def _handle_open_objection(self) -> bool:
        """React to the objection on the table. True when that is the whole reply."""
        t, st, a = self.t, self.st, self.a
        assert st.open_objection is not None
        o = self._objection(st.open_objection)
        ost = st.objections[o.id]
        if a.has(Act.argument):
            t.say_line("argued")
            self._restate(o)
            return True
        if a.has(Act.discount) and o.kind in (ObjectionKind.price, ObjectionKind.budget):
            t.say_line("discount_suspicious")
            return True
        understanding = a.has(Act.understanding)
        if ost.status is ObjectionStatus.open:
            if self._counter_question():
                st.adjust(trust=6 if understanding else 3)
                ost.status = ObjectionStatus.reason_shared
                t.say(o.reveals)
                t.events["objection_reason_shared"] = o.id
                return True
            if understanding and self._resolves(o):
                st.adjust(trust=4)
                ost.status = ObjectionStatus.reason_shared
                t.say(o.reveals)
                t.events["objection_reason_shared"] = o.id
                return True
            if understanding:
                st.adjust(trust=1)
                t.say_line("still_objection")
                return True
            if a.has(Act.advance, Act.hard_close):
                st.advance_asks += 1
                st.adjust(patience=-5)
                self._restate(o)
                return True
            st.adjust(patience=-6 if a.pitch_words >= PITCH_WORDS else -4)
            t.say_line("ignored_objection")
            self._restate(o)
            return True
        # The concern is out. The talk can go on; it wants an answer before any next step.
        if self._resolves(o):
            st.adjust(trust=8)
            self._resolve(o)
            t.say(o.resolution)
            # The same answer (a pilot, a reference) may settle earlier concerns too.
            for other in self.sc.objections:
                if st.objections[
                    other.id
                ].status is ObjectionStatus.reason_shared and self._resolves(other):
                    self._resolve(other)
            # A resolved advance objection and a renewed ask: go on to the advance.
            return not (o.trigger is ObjectionTrigger.advance and a.has(Act.advance))
        if a.has(Act.advance, Act.hard_close):
            st.advance_asks += 1
            st.adjust(patience=-5)
            self._restate(o)
            return True
        if a.pitch_words >= PITCH_WORDS and not a.questions:
            st.adjust(patience=-4)
            t.say_line("ignored_objection")
            self._restate(o)
            return True
        return False  # questions, summaries, small talk: carry on, the concern stays open

    def _resolve(self, o: Objection) -> None:
        ost = self.st.objections[o.id]
        ost.status = ObjectionStatus.resolved
        ost.resolved_at = self.t.buyer_index
        if self.st.open_objection == o.id:
            self.st.open_objection = None
        self.t.events.setdefault("objections_resolved", []).append(o.id)

    def _restate(self, o: Objection) -> None:
        ost = self.st.objections[o.id]
        ost.times_raised += 1
        self.t.say_line("repeat_prefix", join=False)
        self.t.say(self.t.rotate_list(o.phrasings, f"objection:{o.id}"))
        self.t.blocked = True

    def _raise(self, o: Objection) -> None:
        ost = self.st.objections[o.id]
        ost.status = ObjectionStatus.open
        ost.times_raised += 1
        ost.raised_at = self.t.buyer_index
        self.st.open_objection = o.id
        self.t.say(self.t.rotate_list(o.phrasings, f"objection:{o.id}"))
        self.t.events["objection_raised"] = o.id
        self.t.blocked = True

    def _pending(self, trigger: ObjectionTrigger) -> Objection | None:
        for o in self.sc.objections:
            if o.trigger is trigger and self.st.objections[o.id].status is ObjectionStatus.pending:
                return o
        return None

    def _raise_on_trigger(self) -> bool:
        """Objections the trainee's own move sets off: a pitch, price talk, an early ask."""
        a = self.a
        candidates: list[ObjectionTrigger] = []
        if a.pitch_words >= PITCH_WORDS and not a.questions:
            candidates.append(ObjectionTrigger.pitch)
        if Topic.price in a.topics or a.has(Act.discount) or a.advance_kind is AdvanceKind.proposal:
            candidates.append(ObjectionTrigger.price_talk)
        if a.has(Act.advance, Act.hard_close) and not self.st.advance_granted:
            candidates.append(ObjectionTrigger.advance)
        if self.st.trainee_turns <= 3 and not self._only_greeting():
            candidates.append(ObjectionTrigger.opening)
        for trigger in candidates:
            o = self._pending(trigger)
            if o is None:
                continue
            if trigger is ObjectionTrigger.advance:
                self.st.advance_asks += 1
            if a.has(Act.discount) and o.kind in (ObjectionKind.price, ObjectionKind.budget):
                self.t.say_line("discount_suspicious")
            self._raise(o)
            return True
        return False

    def _scheduled_objection(self) -> None:
        """A 'turn' objection comes up once its time has come and nothing else is open."""
        if self.st.open_objection is not None or self.st.ended:
            return
        for o in self.sc.objections:
            ost = self.st.objections[o.id]
            if (
                o.trigger is ObjectionTrigger.turn
                and ost.status is ObjectionStatus.pending
                and o.at_turn is not None
                and self.st.trainee_turns >= o.at_turn
            ):
                self._raise(o)
                return

    def _only_greeting(self) -> bool:
        a = self.a
        return a.has(Act.greeting) and not a.questions and a.pitch_words < PITCH_WORDS

    # --- advances ----------------------------------------------------------------

    def _unresolved_raised(self) -> bool:
        return any(
            s.status in (ObjectionStatus.open, ObjectionStatus.reason_shared)
            for s in self.st.objections.values()
        )

    def _ready_for_advance(self) -> bool:
        adv = self.sc.advance
        return (
            len(self.st.revealed_needs) >= adv.requires_needs
            and self.st.trust >= adv.min_trust
            and not self._unresolved_raised()
        )

    def _advance(self) -> None:
        t, st, a = self.t, self.st, self.a
        if st.advance_granted:
            t.say_line("already_agreed")
            return
        if a.has(Act.hard_close):
            st.advance_asks += 1
            t.say_line("too_early_to_sign")
            t.blocked = True
            return
        if self._ready_for_advance():
            st.advance_granted = True
            st.adjust(trust=5)
            t.say(self.sc.advance.accepts)
            t.events["advance_granted"] = True
            t.blocked = True
            return
        st.advance_asks += 1
        t.blocked = True
        if "objections_resolved" in t.events:
            return  # the buyer just conceded a point; no need to turn the trainee down twice
        if st.advance_asks > 2:
            st.adjust(patience=-8)  # asking again without learning anything new is pushing
        t.say_line("not_yet")

    def _summary(self) -> None:
        t, st = self.t, self.st
        revealed = [self.sc.need(n) for n in st.revealed_needs]
        if revealed and any(self.t.mentions(n.keywords) or self.t.echoes(n.says) for n in revealed):
            if not st.summary_confirmed:
                st.adjust(trust=8)
            st.summary_confirmed = True
            t.say_line("summary_confirm")
            t.events["summary_confirmed"] = True
        else:
            st.adjust(trust=-2)
            t.say_line("summary_premature")

    # --- questions -----------------------------------------------------------------

    def _lead_question(self) -> Question:
        """The question the buyer takes up: the one that asks the most."""
        a = self.a
        rank = {
            SpinStage.need_payoff: 3,
            SpinStage.implication: 4,
            SpinStage.problem: 2,
            SpinStage.situation: 1,
        }

        def weight(q: Question) -> int:
            w = rank[q.stage]
            if Topic.personal in q.topics:
                w += 6
            if q.form is QuestionForm.open:
                w += 1
            return w

        return max(a.questions, key=weight)

    def _answer(self, q: Question) -> None:
        t, st, a = self.t, self.st, self.a
        if st.closed_streak >= 3:
            st.adjust(patience=-6)
            t.say_line("interrogation")
        if q.leading:
            t.say_line("leading_pushback")
        if a.has(Act.product_question) and not a.has(Act.decision_probe, Act.personal_probe):
            t.say_line("product_question")
            return
        if a.has(Act.personal_probe) and Topic.personal in q.topics | a.topics:
            self._reveal_need(NeedLayer.personal, deflect="personal_deflect")
            return
        if a.has(Act.decision_probe):
            self._decision(q)
            return
        if q.stage is SpinStage.need_payoff:
            if any(self.sc.need(n).layer is NeedLayer.impact for n in st.revealed_needs):
                st.adjust(trust=3)
                t.say_line("need_payoff_positive")
            elif st.revealed_needs:
                st.adjust(trust=1)
                t.say_line("need_payoff_positive")
            else:
                t.say_line("need_payoff_premature")
            return
        if q.stage is SpinStage.implication:
            if not any(self.sc.need(n).layer is NeedLayer.surface for n in st.revealed_needs):
                if not self._reveal_need(NeedLayer.surface, deflect=None, question=q):
                    t.say_line("impact_needs_problem")
                return
            self._reveal_need(NeedLayer.impact, deflect="impact_deflect", question=q)
            return
        if q.stage is SpinStage.problem:
            if self._direct_hit(q):
                return
            if self._reveal_need(NeedLayer.surface, deflect=None, question=q):
                return
            if all(
                self.sc.need(n).layer is not NeedLayer.surface or n in st.revealed_needs
                for n in (x.id for x in self.sc.needs)
            ):
                self._reveal_need(NeedLayer.impact, deflect="already_said", question=q)
            else:
                t.say_line("problem_deflect")
            return
        self._situation(q)

    def _direct_hit(self, q: Question) -> bool:
        """A problem question that names a deeper need outright ("will the audit be a problem?")."""
        for need in self._eligible(NeedLayer.impact):
            if self.t.keyword_hits(need.keywords, q.text) >= 2:
                self._reveal(need)
                return True
        return False

    def _eligible(self, layer: NeedLayer) -> list[Need]:
        st = self.st
        return [
            n
            for n in self.sc.needs
            if n.layer is layer
            and n.id not in st.revealed_needs
            and (n.builds_on is None or n.builds_on in st.revealed_needs)
            and st.trust >= n.trust_needed()
        ]

    def _reveal_need(
        self, layer: NeedLayer, deflect: LineKey | None, question: Question | None = None
    ) -> bool:
        candidates = self._eligible(layer)
        if not candidates:
            if deflect is not None:
                self.t.say_line(deflect)
            return False
        text = question.text if question is not None else self.a.text
        best = max(candidates, key=lambda n: self.t.keyword_hits(n.keywords, text))
        self._reveal(best)
        return True

    def _reveal(self, need: Need) -> None:
        self.st.revealed_needs.append(need.id)
        self.st.adjust(trust=4)
        self.t.say(need.says)
        self.t.events.setdefault("revealed_needs", []).append(need.id)

    def _decision(self, q: Question) -> None:
        t, st = self.t, self.st
        dp = self.sc.decision
        asked = [
            k
            for k, topic in (
                ("process", Topic.decision),
                ("stakeholders", Topic.stakeholders),
                ("budget", Topic.budget),
                ("timeline", Topic.timeline),
                ("criteria", Topic.criteria),
            )
            if topic in q.topics
        ] or ["process"]
        if "stakeholders" in asked:
            # "Who else is involved, who signs?" is answered with people, after the process if new.
            just_said = "process" in asked and "process" not in st.shared_decision
            if just_said:
                self._share_decision("process", dp.process)
            self._name_stakeholders(limit=1 if just_said else 2)
            return
        fresh = [k for k in asked if k not in st.shared_decision]
        if not fresh:
            if asked == ["process"]:
                self._name_stakeholders()
            else:
                t.say_line("already_said")
            return
        topic = fresh[0]
        if topic == "budget" and st.trust < 30:
            t.say_line("budget_too_early")
            return
        lines = {
            "process": dp.process,
            "budget": dp.budget,
            "timeline": dp.timeline,
            "criteria": dp.criteria,
        }
        self._share_decision(topic, lines[topic])

    def _share_decision(self, topic: str, line: str) -> None:
        self.st.shared_decision.append(topic)
        self.t.say(line)
        self.t.events.setdefault("shared_decision", []).append(topic)

    def _name_stakeholders(self, limit: int = 2) -> None:
        t, st = self.t, self.st
        if st.trust < 12:
            t.say_line("stakeholders_guarded")
            return
        unnamed = [s for s in self.sc.decision.stakeholders if s.id not in st.named_stakeholders]
        if not unnamed:
            t.say_line("stakeholders_all_named")
            return
        for s in unnamed[: limit if st.trust >= 40 else 1]:
            st.named_stakeholders.append(s.id)
            t.say(s.says)
            t.events.setdefault("named_stakeholders", []).append(s.id)

    def _situation(self, q: Question) -> None:
        t, st = self.t, self.st
        scored = [
            (2 * t.keyword_hits(f.keywords, q.text) + len(set(f.topics) & q.topics), i, f)
            for i, f in enumerate(self.sc.facts)
        ]
        matching = [x for x in scored if x[0] > 0]
        fresh = [x for x in matching if x[2].id not in st.revealed_facts]
        if fresh:
            fact = max(fresh, key=lambda x: (x[0], -x[1]))[2]
        elif matching:
            t.say_line("already_said")
            return
        else:
            unrevealed = [f for f in self.sc.facts if f.id not in st.revealed_facts]
            general = q.form == "open" and (
                not q.topics or q.topics & {Topic.overview, Topic.operations}
            )
            if not unrevealed or not general:
                t.say_line("nothing_more")
                return
            fact = unrevealed[0]
        st.revealed_facts.append(fact.id)
        t.say(fact.says)
        t.events.setdefault("revealed_facts", []).append(fact.id)

    # --- statements without a question ------------------------------------------

    def _statement(self) -> None:
        t, st, a = self.t, self.st, self.a
        if a.has(Act.argument):
            t.say_line("argued")
        elif a.has(Act.badmouth):
            t.say_line("badmouth")
        elif a.has(Act.discount):
            t.say_line("discount_unasked")
        elif a.has(Act.value):
            revealed = [self.sc.need(n) for n in st.revealed_needs]
            if any(t.mentions(n.keywords) or t.echoes(n.says) for n in revealed):
                st.adjust(trust=4)
                t.say_line("value_ack")
            else:
                t.say_line("value_unrelated")
        elif a.pitch_words >= PITCH_WORDS:
            t.say_line("pitch_brushoff")
        elif a.has(Act.self_disclosure):
            t.say_line("self_disclosure_ack")
        elif self._only_greeting():
            t.say_line("greeting_reply")
        elif st.advance_granted:
            t.say_line("advance_granted_wrapup")
        else:
            t.say_line("generic_ack")

    def _patience_check(self) -> None:
        t, st = self.t, self.st
        if st.ended:
            return
        if st.patience <= 0:
            t.say_line("end_patience")
            t.end(EndReason.patience)
        elif st.patience < 25 and st.trainee_turns % 2 == 0:
            t.say_line("impatient_suffix")
