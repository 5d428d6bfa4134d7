"""Assignment rules: who assigns what to whom, who sees it, and how far each trainee got.

Managers create, edit and archive assignments in their organisation; coaches
see those that concern their teams' trainees; a trainee sees their own. A
role-play started for an assignment is checked here (`check_start`, which the
lifespan hands role-play as `Container.assignment_gate`): the trainee is assigned,
the scenario matches, and an attempt is left.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.models import Role, User
from app.accounts.repository import AccountsRepository
from app.accounts.service import AccountsService, Principal
from app.assignments.models import Assignment
from app.assignments.progress import trainee_progress
from app.assignments.repository import AssignmentsRepository
from app.assignments.schemas import (
    AssignmentCreate,
    AssignmentDetail,
    AssignmentUpdate,
    TeamRef,
    TraineeProgress,
)
from app.errors import Conflict, NotFound, Unprocessable
from app.reviews.repository import ReviewsRepository
from app.reviews.schemas import PersonRead
from app.scenarios.schema import Scenario
from app.scenarios.service import ScenarioService


def _now() -> datetime:
    return datetime.now(UTC)


def _field_error(field: str, msg: str, key: str, **params: Any) -> Unprocessable:
    """A 422 at one field; `key` names the message for the web app (see app.errors)."""
    fields = [{"loc": ["body", field], "field": field, "msg": msg, "key": key, "params": params}]
    return Unprocessable(f"{field}: {msg}", fields=fields, key=key, params=params)


def _same_minute(a: datetime | None, b: datetime | None) -> bool:
    """Forms edit dates to the minute: a date sent back unchanged must not count as new."""
    if a is None or b is None:
        return a is b
    return abs((a - b).total_seconds()) < 60


def _utc(when: datetime | None) -> datetime | None:
    if when is None:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


async def check_start(
    db: AsyncSession, user: Principal, assignment_id: int, scenario_id: str
) -> None:
    """Raise unless `user` may start another attempt of this assignment on this scenario.

    Role-play's hook (app.container.AssignmentGate), run in the start's transaction: the
    assignment's row is locked, so concurrent starts count attempts one after another.
    """
    repo = AssignmentsRepository(db)
    a = await repo.assignment(assignment_id, lock=True)
    mine = await repo.for_trainee(user.org_id, user.id, user.team_ids)
    if a is None or a.org_id != user.org_id or a.archived or a.id not in mine:
        raise NotFound(f"No assignment {assignment_id} for you.", key="no_assignment")
    if user.role is not Role.trainee:
        raise NotFound(f"No assignment {assignment_id} for you.", key="no_assignment")
    if a.scenario_id != scenario_id:
        raise _field_error(
            "assignment_id",
            f"assignment {a.id} is for scenario {a.scenario_id!r}, not {scenario_id!r}",
            "wrong_scenario",
        )
    if a.max_attempts is not None and await repo.attempts(a.id, user.id) >= a.max_attempts:
        raise Conflict(
            f"You have used all {a.max_attempts} attempts of this assignment.",
            key="attempts_used",
            params={"n": a.max_attempts},
        )


class AssignmentsService:
    def __init__(self, db: AsyncSession, builtin: dict[str, Scenario]) -> None:
        self.db = db
        self.repo = AssignmentsRepository(db)
        self.builtin = builtin

    # --- writing (managers) -------------------------------------------------------------

    async def create(self, manager: Principal, body: AssignmentCreate) -> AssignmentDetail:
        scenario = await self._scenario(manager, body.scenario_id)
        await self._check_targets(manager, body.team_id, body.trainee_ids)
        due_at = self._due(body.due_at)
        a = Assignment(
            org_id=manager.org_id,
            scenario_id=scenario.id,
            title=scenario.title,
            language=scenario.language,
            team_id=body.team_id,
            due_at=due_at,
            min_score=body.min_score,
            max_attempts=body.max_attempts,
            note=body.note,
            created_by_id=manager.id,
        )
        self.repo.add(a)
        await self.repo.flush()
        await self.repo.set_named_trainees(a.id, body.trainee_ids)
        await self.repo.flush()
        return await self.get(manager, a.id)

    async def update(
        self, manager: Principal, assignment_id: int, body: AssignmentUpdate
    ) -> AssignmentDetail:
        a = await self._live(manager, assignment_id)
        sent = body.model_fields_set
        team_id = body.team_id if "team_id" in sent else a.team_id
        named = (await self.repo.named_trainees([a.id])).get(a.id, [])
        trainee_ids = body.trainee_ids if body.trainee_ids is not None else named
        await self._check_targets(manager, team_id, trainee_ids)
        if "due_at" in sent and not _same_minute(_utc(body.due_at), a.due_at):
            a.due_at = self._due(body.due_at)  # an unchanged (maybe past) date is no error
        if body.min_score is not None:
            a.min_score = body.min_score
        if "max_attempts" in sent:
            a.max_attempts = body.max_attempts
        if body.note is not None:
            a.note = body.note
        a.team_id = team_id
        a.updated_at = _now()
        if body.trainee_ids is not None:
            await self.repo.set_named_trainees(a.id, body.trainee_ids)
        await self.repo.flush()
        return await self.get(manager, a.id)

    async def archive(self, manager: Principal, assignment_id: int) -> None:
        a = await self._live(manager, assignment_id)
        a.archived = True
        a.updated_at = _now()

    # --- reading --------------------------------------------------------------------------

    async def visible(self, viewer: Principal) -> list[AssignmentDetail]:
        """The assignments the viewer may see, with progress within what they may see."""
        return await self._read(viewer, None)

    async def get(self, viewer: Principal, assignment_id: int) -> AssignmentDetail:
        found = await self._read(viewer, assignment_id)
        if not found:
            raise NotFound(f"No assignment {assignment_id}.")
        return found[0]

    async def assignment(self, assignment_id: int) -> Assignment | None:
        """The assignment row itself, archived or not (a session names the one it was for)."""
        return await self.repo.assignment(assignment_id)

    async def progress(self, viewer: Principal, scope: set[int] | None) -> list[AssignmentDetail]:
        """For dashboards: every visible assignment, progress limited to the `scope` trainees."""
        details = await self._read(viewer, None)
        if scope is None:
            return details
        out = []
        for d in details:
            rows = [p for p in d.progress if p.trainee.id in scope]
            if rows:
                out.append(_with_progress(d, rows))
        return out

    async def _read(self, viewer: Principal, only: int | None) -> list[AssignmentDetail]:
        assignments = [
            a for a in await self.repo.active_in_org(viewer.org_id) if only is None or a.id == only
        ]
        scope = await self._scope(viewer)
        named = await self.repo.named_trainees([a.id for a in assignments])
        team_ids = {a.team_id for a in assignments if a.team_id is not None}
        by_team = await self.repo.team_trainees(team_ids)
        assignees: dict[int, set[int]] = {}
        for a in assignments:
            people = set(named.get(a.id, [])) | set(by_team.get(a.team_id, []) if a.team_id else [])
            visible = people if scope is None else people & scope
            if visible or (viewer.role is Role.manager):
                assignees[a.id] = visible
        shown = [a for a in assignments if a.id in assignees]
        everyone = set().union(*assignees.values()) if assignees else set()
        sessions = await self.repo.sessions_for([a.id for a in shown], everyone)
        ended = [s.id for s in sessions if s.status == "ended"]
        overrides = await ReviewsRepository(self.db).overrides(ended)
        creators = {a.created_by_id for a in shown}
        users = await self.repo.users(everyone | creators)
        teams = await self.repo.teams(team_ids)
        now = _now()
        out = []
        for a in shown:
            rows = [
                trainee_progress(
                    a,
                    users[uid],
                    [s for s in sessions if s.assignment_id == a.id and s.user_id == uid],
                    overrides,
                    now,
                )
                for uid in sorted(assignees[a.id], key=lambda u: users[u].username)
                if uid in users
            ]
            detail = _detail(a, named.get(a.id, []), teams, users)
            detail = _with_progress(detail, rows)
            if viewer.role is Role.trainee:
                detail.mine = next((p for p in rows if p.trainee.id == viewer.id), None)
            out.append(detail)
        return out

    # --- helpers ---------------------------------------------------------------------------

    async def _scope(self, viewer: Principal) -> set[int] | None:
        return await AccountsService(AccountsRepository(self.db)).readable_user_ids(viewer)

    async def _live(self, manager: Principal, assignment_id: int) -> Assignment:
        a = await self.repo.assignment(assignment_id, lock=True)
        if a is None or a.org_id != manager.org_id or a.archived:
            raise NotFound(f"No assignment {assignment_id}.", key="no_assignment")
        return a

    async def _scenario(self, user: Principal, scenario_id: str) -> Scenario:
        try:
            scenario, _ = await ScenarioService(self.db, self.builtin).get(user, scenario_id)
        except NotFound as exc:
            raise _field_error(
                "scenario_id", f"no scenario {scenario_id!r}", "no_scenario"
            ) from exc
        return scenario

    async def _check_targets(
        self, manager: Principal, team_id: int | None, trainee_ids: Sequence[int]
    ) -> None:
        if team_id is None and not trainee_ids:
            raise _field_error(
                "trainee_ids", "choose a team or at least one trainee", "assign_target"
            )
        if team_id is not None:
            team = (await self.repo.teams([team_id])).get(team_id)
            if team is None or team.org_id != manager.org_id:
                raise _field_error("team_id", f"no team {team_id} in your organisation", "no_team")
        users = await self.repo.users(trainee_ids)
        for uid in trainee_ids:
            u = users.get(uid)
            if u is None or u.org_id != manager.org_id:
                raise _field_error("trainee_ids", f"no user {uid} in your organisation", "no_user")
            if u.role != Role.trainee.value:
                raise _field_error(
                    "trainee_ids",
                    f"{u.username} is not a trainee",
                    "not_a_trainee",
                    name=u.display_name,
                )

    @staticmethod
    def _due(when: datetime | None) -> datetime | None:
        due = _utc(when)
        if due is not None and due <= _now():
            raise _field_error("due_at", "the due date must be in the future", "due_in_past")
        return due


def _detail(
    a: Assignment, named: Sequence[int], teams: dict[int, Any], users: dict[int, User]
) -> AssignmentDetail:
    team = teams.get(a.team_id) if a.team_id is not None else None
    creator = users.get(a.created_by_id)
    return AssignmentDetail(
        id=a.id,
        scenario_id=a.scenario_id,
        title=a.title,
        language=a.language,
        team=TeamRef(id=team.id, name=team.name) if team is not None else None,
        trainee_ids=sorted(named),
        due_at=a.due_at,
        min_score=a.min_score,
        max_attempts=a.max_attempts,
        note=a.note,
        created_by=PersonRead.model_validate(creator) if creator is not None else None,
        created_at=a.created_at,
        assignees=0,
        completed=0,
        overdue=0,
    )


def _with_progress(d: AssignmentDetail, rows: list[TraineeProgress]) -> AssignmentDetail:
    return d.model_copy(
        update={
            "progress": rows,
            "assignees": len(rows),
            "completed": sum(1 for p in rows if p.completed),
            "overdue": sum(1 for p in rows if p.overdue),
        }
    )
