"""One demo session, played the way a trainee plays it: through the role-play service.

A scripted trainee (app/simulation/scripted.py) reads the buyer's state after
each reply, as a trainee reads the buyer's words, and says its next line; the
service stores the line, lets the configured offline buyer answer and, when the
meeting ends, the real scorer scores the transcript. Nothing here writes a turn
or a score itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.accounts.service import Principal
from app.buyer.state import BuyerState
from app.container import Container
from app.roleplay import turn_store
from app.roleplay.service import RoleplayService
from app.roleplay.turns import TurnTaker
from app.scenarios.schema import Scenario
from app.simulation.scripted import Arguer, Consultant, Discounter, Folder, Pitcher, Trainee

MAX_TRAINEE_TURNS = 14  # a demo meeting stays short enough to read


def habit_style(habit: str) -> Trainee:
    """The anti-pattern a developing trainee falls back into, joined mid-meeting
    (past its own greeting, which was said already)."""
    styles: dict[str, Trainee] = {
        "pitcher": Pitcher(turn=1),
        "discounter": Discounter(turn=1),
        "arguer": Arguer(turn=1),
        "folder": Folder(turn=2),
    }
    return styles[habit]


@dataclass
class Developing:
    """A trainee still learning: the consultant's questioning for `stamina` lines, then
    their habit. None: the consultant to the end; 0: the habit from the start."""

    habit: str
    stamina: int | None
    style: str = field(init=False)
    said: int = 0
    consultant: Consultant = field(default_factory=Consultant)
    fallback: Trainee = field(init=False)

    def __post_init__(self) -> None:
        if self.stamina is None:
            self.style = "consultant"
        elif self.stamina == 0:
            self.style = self.habit
        else:
            self.style = f"consultant-{self.stamina}-then-{self.habit}"
        fresh: dict[str, Trainee] = {
            "pitcher": Pitcher(),
            "discounter": Discounter(),
            "arguer": Arguer(),
        }
        self.fallback = (
            fresh.get(self.habit, Folder()) if self.stamina == 0 else habit_style(self.habit)
        )

    @property
    def switch_index(self) -> int | None:
        """The transcript index of the habit's first line (None: never, or from the start)."""
        return None if not self.stamina else 2 * self.stamina + 1

    def next_line(self, scenario: Scenario, state: BuyerState, last_reply: str) -> str | None:
        self.said += 1
        if self.stamina is None or self.said <= self.stamina:
            return self.consultant.next_line(scenario, state, last_reply)
        return self.fallback.next_line(scenario, state, last_reply)


async def _state(container: Container, sid: str) -> BuyerState:
    async with container.read() as conn:
        row = await turn_store.peek_session_row(conn, sid)
    assert row is not None
    return BuyerState.model_validate(row.buyer_state)


@dataclass(frozen=True)
class Played:
    session_id: str
    scorecard: dict[str, Any]
    turns: int  # in the transcript, the buyer's opening included


async def play_session(
    container: Container,
    trainee: Principal,
    scenario: Scenario,
    style: Trainee,
    seed: int,
    assignment_id: int | None = None,
) -> Played:
    """Play one meeting to its end and have it scored, as the trainee's requests would."""
    # Like a request: start and end each in a unit of work; the turns own theirs.
    async with container.unit_of_work() as db:
        session = await RoleplayService(container, db).start(
            trainee, scenario.id, seed, assignment_id
        )
    state = BuyerState.model_validate(session.buyer_state)
    last_reply, turns = "", 1
    for _ in range(MAX_TRAINEE_TURNS):
        line = style.next_line(scenario, state, last_reply)
        if line is None:
            break
        outcome = await TurnTaker(container).send(trainee, session.id, line, None)
        turns += 2
        if outcome.scorecard is not None:  # the buyer closed the meeting: scored already
            return Played(session.id, outcome.scorecard, turns)
        last_reply = outcome.reply.text
        state = await _state(container, session.id)
    async with container.unit_of_work() as db:
        scorecard = await RoleplayService(container, db).end(trainee, session.id)
    return Played(session.id, scorecard, turns)
