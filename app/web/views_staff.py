"""What the coach and manager pages show, gathered through the same services the API uses."""

from __future__ import annotations

from typing import Any

from app.accounts.models import Role
from app.accounts.service import AccountsService, Principal, require_role
from app.analytics import dashboard as team_dashboard
from app.assignments.service import AssignmentsService
from app.container import Container
from app.errors import NotFound
from app.i18n.catalog import WEB
from app.reviews import analytics
from app.reviews.queue import review_queue
from app.reviews.schemas import QueueQuery
from app.scenarios.schema import Scenario
from app.scenarios.service import ScenarioService, public_view

PAGE_SIZE = 25


async def visible_teams(c: Container, user: Principal) -> list[dict[str, Any]]:
    async with c.unit_of_work() as db:
        teams = await AccountsService.of(db).teams_in_org(user.org_id)
    return [
        {"id": t.id, "name": t.name}
        for t in teams
        if user.role is Role.manager or t.id in user.team_ids
    ]


async def queue_page(
    c: Container,
    user: Principal,
    query: QueueQuery,
    page: int,
) -> dict[str, Any]:
    require_role(user, Role.coach, Role.manager)
    async with c.unit_of_work() as db:
        result = await review_queue(db, user, query, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    pages = max(1, -(-result.total // PAGE_SIZE))
    return {"queue": result, "page": page, "pages": pages, "teams": await visible_teams(c, user)}


async def dashboard_page(c: Container, user: Principal, team_id: int | None) -> dict[str, Any]:
    require_role(user, Role.coach, Role.manager)
    async with c.unit_of_work() as db:
        board = await team_dashboard.dashboard(db, user, team_id, c.builtin_scenarios)
        stats = (
            await analytics.override_stats(db, user, team_id) if user.role is Role.manager else None
        )
    return {"board": board, "stats": stats, "teams": await visible_teams(c, user)}


async def scenarios_page(c: Container, user: Principal) -> list[dict[str, Any]]:
    require_role(user, Role.manager)
    async with c.unit_of_work() as db:
        library = await ScenarioService(db, c.builtin_scenarios).list(user)
    return [public_view(s, source) for s, source in library]


def _copy_of(s: Scenario, taken: set[str]) -> dict[str, Any]:
    data = s.model_dump(mode="json")
    base = f"{s.id}-copy"[:72]
    new_id, n = base, 2
    while new_id in taken:
        new_id, n = f"{base}-{n}", n + 1
    data["id"] = new_id
    data["version"] = 1
    data["title"] = WEB.say(s.language, "scen.copy_title", title=s.title)
    return data


async def editor_data(
    c: Container, user: Principal, scenario_id: str | None, copy_from: str | None, lang: str
) -> dict[str, Any]:
    """The scenario to edit (or a copy of one to start from) as plain JSON."""
    require_role(user, Role.manager)
    async with c.unit_of_work() as db:
        svc = ScenarioService(db, c.builtin_scenarios)
        taken = {s.id for s, _ in await svc.list(user)}
        if scenario_id is not None:
            scenario, source = await svc.get(user, scenario_id)
            if source != "custom":
                raise NotFound(
                    f"Built-in scenario {scenario_id!r} can't be edited; copy it.",
                    key="builtin_readonly",
                )
            return {"mode": "edit", "data": scenario.model_dump(mode="json")}
        same_language = [s for s in c.builtin_scenarios.values() if s.language == lang]
        template_id = copy_from or (same_language or list(c.builtin_scenarios.values()))[0].id
        scenario, _ = await svc.get(user, template_id)
    return {"mode": "new", "data": _copy_of(scenario, taken), "source_title": scenario.title}


async def teams_page(c: Container, user: Principal) -> dict[str, Any]:
    require_role(user, Role.manager)
    async with c.unit_of_work() as db:
        accounts = AccountsService.of(db)
        teams = await accounts.teams_in_org(user.org_id)
        users = await accounts.users_in_org(user.org_id)
        members = await accounts.memberships(user.org_id)
    people = [
        {"id": u.id, "username": u.username, "display_name": u.display_name, "role": u.role}
        for u in users
        if u.is_active
    ]
    by_id = {p["id"]: p for p in people}
    return {
        "teams": [
            {
                "id": t.id,
                "name": t.name,
                "members": [by_id[m] for m in sorted(members.get(t.id, [])) if m in by_id],
            }
            for t in teams
        ],
        "people": people,
    }


async def assignments_page(c: Container, user: Principal) -> dict[str, Any]:
    require_role(user, Role.coach, Role.manager)
    async with c.unit_of_work() as db:
        assignments = await AssignmentsService(db, c.builtin_scenarios).visible(user)
        library = await ScenarioService(db, c.builtin_scenarios).list(user)
        accounts = AccountsService.of(db)
        teams = await accounts.teams_in_org(user.org_id)
        trainees = [
            u
            for u in await accounts.users_in_org(user.org_id)
            if u.role == "trainee" and u.is_active
        ]
    return {
        "assignments": assignments,
        "scenarios": sorted(
            (public_view(s, source) for s, source in library),
            key=lambda s: (s["source"] != "custom", s["language"] != "zh", s["title"]),
        ),
        "teams": [{"id": t.id, "name": t.name} for t in teams],
        "trainees": [
            {"id": u.id, "name": u.display_name, "username": u.username} for u in trainees
        ],
    }


async def assignment_page(c: Container, user: Principal, assignment_id: int) -> dict[str, Any]:
    require_role(user, Role.coach, Role.manager)
    async with c.unit_of_work() as db:
        detail = await AssignmentsService(db, c.builtin_scenarios).get(user, assignment_id)
    return {"a": detail}
