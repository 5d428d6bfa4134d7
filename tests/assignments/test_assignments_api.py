"""Assignments through the HTTP API: who assigns, who sees, attempts, completion, overdue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from app.accounts.service import DEMO_TEAM
from app.assignments.models import Assignment
from tests.conftest import login
from tests.reviews.helpers import assign, demo_team, in_days, me, played
from tests.roleplay.test_sessions_api import EN_SCENARIO, ZH_SCENARIO


async def listed(client: httpx.AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    r = await client.get("/api/assignments", headers=headers)
    assert r.status_code == 200, r.text
    data: list[dict[str, Any]] = r.json()
    return data


async def test_manager_assigns_a_team_and_its_trainees_see_it(
    client: httpx.AsyncClient, manager: dict, trainee: dict, trainee2: dict, coach: dict
) -> None:
    team = await demo_team(client, manager)
    due = in_days(7)
    a = await assign(
        client, manager, team_id=team["id"], due_at=due, min_score=70, max_attempts=3, note="先练"
    )
    assert a["title"] == "三厂区汽车零部件企业的MES项目"
    assert a["team"] == {"id": team["id"], "name": DEMO_TEAM}
    assert a["assignees"] == 2  # the team's trainees, not its coach or manager
    for headers in (trainee, trainee2):
        mine = await listed(client, headers)
        assert [x["id"] for x in mine] == [a["id"]]
        progress = mine[0]["mine"]
        assert progress["status"] == "not_started"
        assert progress["attempts_left"] == 3
        assert progress["can_start"] is True
        assert mine[0]["min_score"] == 70
        assert datetime.fromisoformat(mine[0]["due_at"]) == datetime.fromisoformat(due)
        assert len(mine[0]["progress"]) == 1  # a trainee sees only their own row
    coach_view = await listed(client, coach)
    assert coach_view[0]["assignees"] == 2


async def test_trainee_named_alone_and_new_team_members(
    client: httpx.AsyncClient, manager: dict, trainee: dict, trainee2: dict
) -> None:
    t1 = await me(client, trainee)
    a = await assign(client, manager, trainee_ids=[t1["id"]])
    assert [x["id"] for x in await listed(client, trainee)] == [a["id"]]
    assert await listed(client, trainee2) == []
    r = await client.get(f"/api/assignments/{a['id']}", headers=trainee2)
    assert r.status_code == 404
    # a team assignment follows the team: a trainee who joins later sees it
    team = (await client.post("/api/teams", json={"name": "New team"}, headers=manager)).json()
    b = await assign(client, manager, team_id=team["id"])
    assert b["assignees"] == 0
    t2 = await me(client, trainee2)
    r = await client.put(
        f"/api/teams/{team['id']}/members", json={"user_ids": [t2["id"]]}, headers=manager
    )
    assert r.status_code == 200
    assert [x["id"] for x in await listed(client, trainee2)] == [b["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"scenario_id": "no-such-scenario", "team_id": "TEAM"}, "scenario_id"),
        ({"scenario_id": ZH_SCENARIO}, "trainee_ids"),
        ({"scenario_id": ZH_SCENARIO, "team_id": 999}, "team_id"),
        ({"scenario_id": ZH_SCENARIO, "trainee_ids": [999]}, "trainee_ids"),
        ({"scenario_id": ZH_SCENARIO, "trainee_ids": ["COACH"]}, "trainee_ids"),
        ({"scenario_id": ZH_SCENARIO, "team_id": "TEAM", "due_at": "PAST"}, "due_at"),
        ({"scenario_id": ZH_SCENARIO, "team_id": "TEAM", "due_at": "soon"}, "due_at"),
        ({"scenario_id": ZH_SCENARIO, "team_id": "TEAM", "min_score": 101}, "min_score"),
        ({"scenario_id": ZH_SCENARIO, "team_id": "TEAM", "max_attempts": 0}, "max_attempts"),
        ({"scenario_id": ZH_SCENARIO, "team_id": "TEAM", "colour": "red"}, "colour"),
    ],
)
async def test_bad_assignments_name_the_field_and_store_nothing(
    client: httpx.AsyncClient, manager: dict, coach: dict, body: dict, field: str
) -> None:
    team = await demo_team(client, manager)
    coach_id = (await me(client, coach))["id"]
    body = dict(body)
    if body.get("team_id") == "TEAM":
        body["team_id"] = team["id"]
    if body.get("trainee_ids") == ["COACH"]:
        body["trainee_ids"] = [coach_id]
    if body.get("due_at") == "PAST":
        body["due_at"] = in_days(-1)
    r = await client.post("/api/assignments", json=body, headers=manager)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid"
    assert field in r.json()["fields"][0]["loc"]
    assert await listed(client, manager) == []


async def test_only_managers_write_assignments(
    client: httpx.AsyncClient, manager: dict, trainee: dict, coach: dict
) -> None:
    team = await demo_team(client, manager)
    for headers in (trainee, coach):
        r = await client.post(
            "/api/assignments",
            json={"scenario_id": ZH_SCENARIO, "team_id": team["id"]},
            headers=headers,
        )
        assert r.status_code == 403
    a = await assign(client, manager, team_id=team["id"])
    for headers in (trainee, coach):
        assert (
            await client.patch(
                f"/api/assignments/{a['id']}", json={"min_score": 1}, headers=headers
            )
        ).status_code == 403
        assert (
            await client.delete(f"/api/assignments/{a['id']}", headers=headers)
        ).status_code == 403
    assert (await client.get("/api/assignments")).status_code == 401


async def test_edit_and_archive(client: httpx.AsyncClient, manager: dict, trainee: dict) -> None:
    team = await demo_team(client, manager)
    a = await assign(client, manager, team_id=team["id"], max_attempts=2)
    r = await client.patch(
        f"/api/assignments/{a['id']}",
        json={"min_score": 80, "max_attempts": None, "due_at": in_days(3)},
        headers=manager,
    )
    assert r.status_code == 200, r.text
    assert r.json()["min_score"] == 80
    assert r.json()["max_attempts"] is None
    bad = await client.patch(
        f"/api/assignments/{a['id']}", json={"team_id": 12345}, headers=manager
    )
    assert bad.status_code == 422
    assert (await client.get(f"/api/assignments/{a['id']}", headers=manager)).json()["team"]
    assert (await client.delete(f"/api/assignments/{a['id']}", headers=manager)).status_code == 204
    assert await listed(client, trainee) == []
    assert (await client.delete(f"/api/assignments/{a['id']}", headers=manager)).status_code == 404
    r = await client.post(
        "/api/sessions",
        json={"scenario_id": ZH_SCENARIO, "assignment_id": a["id"]},
        headers=trainee,
    )
    assert r.status_code == 404


async def test_starting_for_an_assignment_counts_attempts(
    client: httpx.AsyncClient, manager: dict, trainee: dict, trainee2: dict
) -> None:
    t1 = await me(client, trainee)
    a = await assign(client, manager, trainee_ids=[t1["id"]], max_attempts=1, min_score=100)

    async def begin(headers: dict, scenario: str = ZH_SCENARIO) -> httpx.Response:
        return await client.post(
            "/api/sessions",
            json={"scenario_id": scenario, "assignment_id": a["id"]},
            headers=headers,
        )

    wrong = await begin(trainee, EN_SCENARIO)
    assert wrong.status_code == 422
    assert "assignment_id" in wrong.json()["fields"][0]["loc"]
    assert (await begin(trainee2)).status_code == 404  # not theirs
    assert (await begin(manager)).status_code == 404
    first = await begin(trainee)
    assert first.status_code == 201
    again = await begin(trainee)
    assert again.status_code == 409
    assert again.json()["error"] == "conflict"
    sessions = (await client.get("/api/sessions", headers=trainee)).json()
    assert sessions["total"] == 1  # the refused starts stored nothing
    progress = (await listed(client, trainee))[0]["mine"]
    assert progress["attempts_used"] == 1
    assert progress["attempts_left"] == 0
    assert progress["can_start"] is False
    assert progress["active_session_id"] == first.json()["id"]
    assert progress["status"] == "in_progress"


async def test_completion_follows_the_effective_score(
    client: httpx.AsyncClient, manager: dict, trainee: dict, coach: dict
) -> None:
    t1 = await me(client, trainee)
    a = await assign(client, manager, trainee_ids=[t1["id"]], min_score=95)
    sid, card = await played(client, trainee, assignment_id=a["id"])
    progress = (await listed(client, trainee))[0]["mine"]
    assert progress["best_score"] == card["overall"] < 95
    assert progress["completed"] is False
    for dim in ("questioning", "objection_handling", "needs_discovery"):
        r = await client.post(
            f"/api/reviews/sessions/{sid}/overrides",
            json={"dimension": dim, "score": 96, "reason": "教练复核：表现很好"},
            headers=coach,
        )
        assert r.status_code == 201, r.text
    progress = (await listed(client, trainee))[0]["mine"]
    assert progress["best_score"] == 96
    assert progress["completed"] is True
    assert progress["status"] == "completed"
    detail = (await client.get(f"/api/assignments/{a['id']}", headers=manager)).json()
    assert detail["completed"] == 1
    assert detail["progress"][0]["trainee"]["username"] == "trainee1"


async def test_overdue_when_the_due_date_passes_unfinished(
    app: Any, client: httpx.AsyncClient, manager: dict, trainee: dict
) -> None:
    team = await demo_team(client, manager)
    a = await assign(client, manager, team_id=team["id"], due_at=in_days(1))
    async with app.state.container.unit_of_work() as db:  # time passes
        await db.execute(
            update(Assignment)
            .where(Assignment.id == a["id"])
            .values(due_at=datetime.now(UTC) - timedelta(hours=1))
        )
    progress = (await listed(client, trainee))[0]["mine"]
    assert progress["overdue"] is True
    assert progress["status"] == "overdue"
    assert progress["can_start"] is True  # late work is still welcome
    # an edit that sends the (past) due date back unchanged is fine; a new past date is not
    due = (await listed(client, manager))[0]["due_at"]
    same = {"due_at": due, "min_score": 55}
    r = await client.patch(f"/api/assignments/{a['id']}", json=same, headers=manager)
    assert r.status_code == 200, r.text
    earlier = {"due_at": (datetime.now(UTC) - timedelta(days=3)).isoformat()}
    r = await client.patch(f"/api/assignments/{a['id']}", json=earlier, headers=manager)
    assert r.status_code == 422
    detail = (await client.get(f"/api/assignments/{a['id']}", headers=manager)).json()
    assert detail["overdue"] == 2


async def test_coach_of_another_team_sees_no_assignments(
    client: httpx.AsyncClient, manager: dict
) -> None:
    team = await demo_team(client, manager)
    await assign(client, manager, team_id=team["id"])
    other = (await client.post("/api/teams", json={"name": "Other"}, headers=manager)).json()
    body = {
        "username": "coach7",
        "display_name": "C7",
        "role": "coach",
        "password": "harbour-lamp-7",
        "team_ids": [other["id"]],
    }
    assert (await client.post("/api/users", json=body, headers=manager)).status_code == 201
    assert await listed(client, await login(client, "coach7", "harbour-lamp-7")) == []
