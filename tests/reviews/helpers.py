"""Small helpers shared by the assignments, reviews and web tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.accounts.service import DEMO_TEAM
from tests.roleplay.test_sessions_api import ZH_SCENARIO, say, start

GOOD_LINES = [
    "周总您好，感谢您抽时间。想先了解一下，咱们现在三个厂区的生产数据是怎么统计的？",
    "明白，您时间宝贵。那现在这种统计方式，在管理上有没有遇到什么麻烦？",
    "您刚才说数据对不上，质量追溯这块出了问题一般要查多久？",
]


async def played(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    lines: list[str] | None = None,
    *,
    scenario: str = ZH_SCENARIO,
    assignment_id: int | None = None,
) -> tuple[str, dict[str, Any]]:
    """Start a role-play, say the lines, end it: (session id, scorecard)."""
    if assignment_id is None:
        sid = (await start(client, headers, scenario))["id"]
    else:
        r = await client.post(
            "/api/sessions",
            json={"scenario_id": scenario, "seed": 7, "assignment_id": assignment_id},
            headers=headers,
        )
        assert r.status_code == 201, r.text
        sid = r.json()["id"]
    for line in GOOD_LINES if lines is None else lines:
        assert (await say(client, headers, sid, line)).status_code == 200
    r = await client.post(f"/api/sessions/{sid}/end", headers=headers)
    assert r.status_code == 200, r.text
    return sid, r.json()


async def me(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    r = await client.get("/api/me", headers=headers)
    assert r.status_code == 200
    data: dict[str, Any] = r.json()
    return data


async def demo_team(client: httpx.AsyncClient, manager: dict[str, str]) -> dict[str, Any]:
    teams = (await client.get("/api/teams", headers=manager)).json()
    team: dict[str, Any] = next(t for t in teams if t["name"] == DEMO_TEAM)
    return team


def in_days(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


async def assign(client: httpx.AsyncClient, manager: dict[str, str], **body: Any) -> dict[str, Any]:
    body.setdefault("scenario_id", ZH_SCENARIO)
    r = await client.post("/api/assignments", json=body, headers=manager)
    assert r.status_code == 201, r.text
    data: dict[str, Any] = r.json()
    return data
