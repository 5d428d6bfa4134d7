"""When each demo session happens, who plays it, on which scenario, in which style. Pure.

Six weeks up to yesterday, on working days and in Beijing office hours; each
trainee's sessions spread evenly from the week they joined. The plan depends
only on the scenarios on hand and today's date, so every demo database tells
the same story.
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.accounts.service import DEMO_TEAM
from app.demo.cast import SECOND_TEAM, TRAINEES

WEEKS = 6
SEED = 13  # the plan's own dice: days and hours, and each meeting's buyer seed
# Office hours in Beijing (UTC+8), as UTC: 09:30 to 17:30.
FIRST_MINUTE_UTC = 90
LAST_MINUTE_UTC = 9 * 60 + 30
MIN_GAP = timedelta(hours=2)  # between one trainee's meetings


@dataclass(frozen=True)
class Planned:
    trainee: str
    scenario_id: str
    habit: str
    stamina: int | None  # turns of consultative questioning before the habit; None: all
    started_at: datetime
    seed: int
    assignment: str | None = None  # a key of ASSIGNMENTS when played for one


@dataclass(frozen=True)
class PlannedAssignment:
    key: str
    scenario_id: str
    team: str | None
    trainees: tuple[str, ...]  # named one by one
    created_days_ago: int
    due_in_days: int  # negative: past due
    min_score: int
    max_attempts: int | None
    note_key: str


def _working_day(day: datetime) -> datetime:
    while day.weekday() >= 5:  # Saturday, Sunday: the Friday before
        day -= timedelta(days=1)
    return day


def _at(now: datetime, days_ago: int, rng: random.Random) -> datetime:
    day = _working_day(now - timedelta(days=days_ago))
    minute = rng.randrange(FIRST_MINUTE_UTC, LAST_MINUTE_UTC)
    return day.replace(
        hour=minute // 60, minute=minute % 60, second=rng.randrange(60), microsecond=0
    )


def pick_scenarios(ids: list[str], language: str) -> list[str]:
    return sorted(i for i in ids if i.startswith(f"{language}-"))


def _prefer(ids: list[str], wanted: str) -> str:
    return wanted if wanted in ids else ids[0]


def assignments(zh: list[str], en: list[str]) -> tuple[PlannedAssignment, ...]:
    """One past due and partly done, one running, one just given to a single trainee."""
    return (
        PlannedAssignment(
            "overdue", _prefer(zh, "zh-mes-auto-parts"), SECOND_TEAM, (), 24, -10, 70, 3, "overdue"
        ),
        PlannedAssignment(
            "current", _prefer(en, "en-fleet-telematics"), DEMO_TEAM, (), 6, 6, 65, None, "current"
        ),
        PlannedAssignment(
            "personal",
            _prefer(zh, "zh-bank-risk-platform"),
            None,
            ("trainee2",),
            1,
            9,
            60,
            None,
            "personal",
        ),
    )


def _one_at_a_time(sessions: list[Planned]) -> list[Planned]:
    """A trainee plays one meeting at a time: an earlier one too close to the next
    moves back, so it ends (a quarter of an hour at most) well before the next starts."""
    out: list[Planned] = []
    for username in dict.fromkeys(p.trainee for p in sessions):
        mine = sorted((p for p in sessions if p.trainee == username), key=lambda p: p.started_at)
        for i in range(len(mine) - 2, -1, -1):
            latest = mine[i + 1].started_at - MIN_GAP
            if mine[i].started_at > latest:
                mine[i] = dataclasses.replace(mine[i], started_at=latest)
        out.extend(mine)
    return out


def plan(
    scenario_ids: list[str], now: datetime
) -> tuple[list[Planned], tuple[PlannedAssignment, ...]]:
    """Every session of the history, oldest first, and the manager's assignments."""
    now = now.astimezone(UTC)
    zh, en = pick_scenarios(scenario_ids, "zh"), pick_scenarios(scenario_ids, "en")
    if not zh:
        zh = en
    if not en:
        en = zh
    rng = random.Random(SEED)  # noqa: S311 - a story's dice, not a secret
    out: list[Planned] = []
    for n, t in enumerate(TRAINEES):
        weeks = WEEKS - t.first_week
        zh_turn = n  # each trainee starts the rotation somewhere else
        for i, stamina in enumerate(t.stamina):
            week = t.first_week + i * weeks // len(t.stamina)
            days_ago = 1 + (WEEKS - 1 - week) * 7 + rng.randrange(7)
            if i in t.english:
                scenario = en[(n + i) % len(en)]
            else:
                scenario = zh[zh_turn % len(zh)]
                zh_turn += 1
            out.append(Planned(t.username, scenario, t.habit, stamina, _at(now, days_ago, rng), 0))
    given = assignments(zh, en)
    overdue, current = given[0].scenario_id, given[1].scenario_id
    # Attempts at the assignments: within their dates, as the story needs them.
    for username, key, scenario, stamina, days_ago in (
        ("trainee4", "overdue", overdue, 3, 19),
        ("trainee5", "overdue", overdue, None, 17),
        ("trainee4", "overdue", overdue, 4, 12),
        ("trainee1", "current", current, None, 3),
        ("trainee2", "current", current, 4, 2),
    ):
        habit = next(t.habit for t in TRAINEES if t.username == username)
        out.append(Planned(username, scenario, habit, stamina, _at(now, days_ago, rng), 0, key))
    out = _one_at_a_time(out)
    out.sort(key=lambda p: (p.started_at, p.trainee))
    seeded = [
        Planned(p.trainee, p.scenario_id, p.habit, p.stamina, p.started_at, 1000 + i, p.assignment)
        for i, p in enumerate(out)
    ]
    return seeded, given
