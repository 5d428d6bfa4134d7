"""Demo mode's history, seeded once per database: `coach serve --demo` shows a team at work.

Simulated trainees of different styles (app/demo/play.py) play the built-in
scenarios through the role-play service against the offline buyer, and the
offline scorer scores every meeting, exactly as for a person. The manager's
assignments and the coach's reviews, overrides and the trainees' disputes go
through their services too. Only the dates are set afterwards: the meetings
are played now and moved into the past weeks, each row consistently (turns
follow the start, reviews follow the end, an assignment's attempts fall
between its creation and its due date).

Once per database: a marker row (demo_history) says the history is there; a
row without its finish time is a seeding that died half way, whose rows are
removed and played again. The lifespan calls this inside the start-up lock
(app/db/serving.py), so processes starting together seed it once. Everything
seeded is marked: sessions and assignments carry is_demo, the trainees are
demo accounts (disabled by a start without --demo), and the web pages show a
demo banner.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.accounts.models import Role, TeamMember
from app.accounts.repository import AccountsRepository
from app.accounts.security import hash_password_async, verify_password_async
from app.accounts.service import DEMO_TEAM, AccountsService, Principal
from app.assignments.schemas import AssignmentCreate
from app.assignments.service import AssignmentsService
from app.container import Container
from app.demo import cast
from app.demo.models import DemoHistory
from app.demo.plan import Planned, PlannedAssignment, plan
from app.demo.play import Developing, Played, play_session
from app.demo.repository import DemoRepository
from app.demo.reviews import review_history
from app.scoring.scorer import OfflineScorer

log = logging.getLogger("app.demo")

VERSION = 1


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Cast:
    org_id: int
    people: dict[str, Principal]  # username -> principal, trainees, coach1 and manager1
    team_ids: dict[str, int]  # team name -> id


async def seed_demo_history(container: Container) -> dict[str, Any] | None:
    """Seed the history unless it is there (or the database holds real work).
    Returns what was seeded, None when nothing was. Demo mode with COACH_DEMO_HISTORY only."""
    settings = container.settings
    if not (settings.demo and settings.demo_history):
        return None
    password = settings.demo_password.get_secret_value()
    started = _now()
    async with container.unit_of_work() as db:
        accounts = AccountsService(AccountsRepository(db))
        org_id = (await accounts.ensure_organization()).id
        repo = DemoRepository(db)
        marker = await repo.marker(org_id, lock=True)
        if marker is None and await repo.has_real_sessions(org_id):
            _say("Demo history not seeded: this database holds real people's sessions.")
            return None
        # Its trainees are demo accounts: enabled, with the demo password, on every demo start.
        found = await _cast(accounts, password)
        if marker is not None and marker.finished_at is not None:
            container.demo_history = True
            return None
        if not isinstance(found, Cast):
            _say(f"Demo history not seeded: the username {found!r} belongs to a real account.")
            return None
        if marker is not None:  # a seeding that died half way: start it over
            await repo.discard_partial(org_id, marker.started_at)
            marker.started_at = started
        else:
            repo.add(DemoHistory(org_id=org_id, version=VERSION, started_at=started, summary={}))
    clock = time.perf_counter()
    summary = await _seed(container, found, started)
    summary["seconds"] = round(time.perf_counter() - clock, 2)
    async with container.unit_of_work() as db:
        marker = await DemoRepository(db).marker(org_id, lock=True)
        assert marker is not None
        marker.finished_at = _now()
        marker.summary = summary
    container.demo_history = True
    _say(
        f"Demo history: {summary['sessions']} sessions by {summary['trainees']} simulated "
        f"trainees on {summary['scenarios']} scenarios, seeded in {summary['seconds']} s "
        "(once per database; marked as demo data)."
    )
    return summary


def _say(line: str) -> None:
    log.info(line)  # the server's log (text or JSON lines, COACH_LOG_FORMAT)


async def _cast(accounts: AccountsService, password: str) -> Cast | str:
    """The demo trainees beyond seed_demo's four, the second team, coach1 on both teams.
    Like seed_demo: existing demo accounts are enabled and take the demo password;
    a real account holding a demo username stops the history (returns that name)."""
    repo = accounts.repo
    org = await accounts.ensure_organization()
    team_ids: dict[str, int] = {}
    for name in (DEMO_TEAM, cast.SECOND_TEAM):
        team = await repo.team_by_name(org.id, name) or await accounts.create_team(org.id, name)
        team_ids[name] = team.id
    for t in cast.NEW_TRAINEES:
        user = await repo.user_by_username(t.username)
        if user is None:
            await accounts.create_user(
                org.id, t.username, t.display_name, Role.trainee, password,
                [team_ids[t.team]], is_demo=True,
            )  # fmt: skip
        elif not user.is_demo:
            return t.username
        else:
            if not await verify_password_async(password, user.password_hash):
                user.password_hash = await hash_password_async(password)
            user.is_active = True
    people: dict[str, Principal] = {}
    for username in (*(t.username for t in cast.TRAINEES), cast.COACH, cast.MANAGER):
        user = await repo.user_by_username(username)
        if user is None or not user.is_demo:
            return username
        teams = await repo.team_ids_of(user.id)
        if username == cast.COACH and team_ids[cast.SECOND_TEAM] not in teams:
            repo.add(TeamMember(team_id=team_ids[cast.SECOND_TEAM], user_id=user.id))
            teams = sorted({*teams, team_ids[cast.SECOND_TEAM]})
        people[username] = Principal(
            id=user.id,
            org_id=user.org_id,
            username=user.username,
            display_name=user.display_name,
            role=Role(user.role),
            team_ids=tuple(teams),
        )
    await repo.flush()
    return Cast(org.id, people, team_ids)


def _offline(container: Container) -> Container:
    """The same database and scenarios with the offline buyer and scorer, whatever the
    server is configured with: the history costs no LLM calls and is the same each time.
    A copy with its own lease keeper, locks and shutdown (dataclasses.replace makes those
    fresh): it plays before the server serves anyone."""
    settings = container.settings.model_copy(update={"buyer": "offline", "judge": "offline"})
    return dataclasses.replace(
        container,
        settings=settings,
        buyers={"offline": container.buyers["offline"]},
        scorer=OfflineScorer(),
    )


async def _seed(container: Container, found: Cast, now: datetime) -> dict[str, Any]:
    seeder = _offline(container)
    seeder.shutdown.push_async_callback(seeder.lease_keeper.stop)
    try:
        planned, given = plan(sorted(seeder.builtin_scenarios), now)
        assignment_ids = await _assign(seeder, found, given, now)
        played: list[tuple[Planned, Played, Developing]] = []
        for p in planned:
            style = Developing(p.habit, p.stamina)
            result = await play_session(
                seeder,
                found.people[p.trainee],
                seeder.builtin_scenarios[p.scenario_id],
                style,
                p.seed,
                assignment_ids.get(p.assignment) if p.assignment else None,
            )
            played.append((p, result, style))
        async with seeder.unit_of_work() as db:
            repo = DemoRepository(db)
            ended = {}
            for p, result, _ in played:
                ended[result.session_id] = await repo.date_session(
                    result.session_id, p.started_at, _gaps(result.turns, p.seed)
                )
            actions = await review_history(db, found.people, played, ended, now)
    finally:
        await seeder.shutdown.aclose()
    return {
        "version": VERSION,
        "sessions": len(played),
        "trainees": len({p.trainee for p, _, _ in played}),
        "scenarios": len({p.scenario_id for p, _, _ in played}),
        "assignments": len(assignment_ids),
        **actions,
    }


def _gaps(turns: int, seed: int) -> list[float]:
    """Seconds before each turn: the trainee thinks and types, the buyer answers quickly."""
    out: list[float] = [0.0]
    for i in range(1, turns):
        wobble = (seed * 7 + i * 13) % 20
        out.append(25.0 + 2 * wobble if i % 2 else 2.0 + wobble / 5)
    return out


async def _assign(
    container: Container, found: Cast, given: tuple[PlannedAssignment, ...], now: datetime
) -> dict[str, int]:
    """The manager's assignments, made through the service, then dated: one past due."""
    manager = found.people[cast.MANAGER]
    notes = {"overdue": cast.NOTE_OVERDUE, "current": cast.NOTE_CURRENT,
             "personal": cast.NOTE_PERSONAL}  # fmt: skip
    out: dict[str, int] = {}
    async with container.unit_of_work() as db:
        service = AssignmentsService(db, container.builtin_scenarios)
        repo = DemoRepository(db)
        for a in given:
            detail = await service.create(
                manager,
                AssignmentCreate(
                    scenario_id=a.scenario_id,
                    team_id=found.team_ids[a.team] if a.team else None,
                    trainee_ids=[found.people[u].id for u in a.trainees],
                    due_at=now + timedelta(days=365),  # the service takes future dates only
                    min_score=a.min_score,
                    max_attempts=a.max_attempts,
                    note=notes[a.note_key],
                ),
            )
            created = now - timedelta(days=a.created_days_ago)
            await repo.date_assignment(detail.id, created, now + timedelta(days=a.due_in_days))
            out[a.key] = detail.id
    return out
