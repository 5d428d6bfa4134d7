"""Who may read and write whose sessions, and every bad input a 4xx that changes nothing."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import login
from tests.roleplay.test_sessions_api import ZH_SCENARIO, say, start


async def transcript(client: httpx.AsyncClient, headers: dict, sid: str) -> list[dict]:
    return (await client.get(f"/api/sessions/{sid}", headers=headers)).json()["turns"]


async def test_trainee_cannot_read_or_write_anothers_session(
    client: httpx.AsyncClient, trainee: dict, trainee2: dict
) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    await say(client, trainee, sid, "现在生产数据是怎么统计的？")
    before = await transcript(client, trainee, sid)
    for method, path, body in (
        ("GET", f"/api/sessions/{sid}", None),
        ("POST", f"/api/sessions/{sid}/messages", {"text": "我来插一句"}),
        ("POST", f"/api/sessions/{sid}/end", None),
    ):
        r = await client.request(method, path, json=body, headers=trainee2)
        assert r.status_code == 404, (path, r.text)
        assert r.json()["error"] == "not_found"
    assert await transcript(client, trainee, sid) == before


async def test_coach_reads_team_sessions_but_cannot_play_them(
    client: httpx.AsyncClient, trainee: dict, coach: dict
) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    assert (await client.get(f"/api/sessions/{sid}", headers=coach)).status_code == 200
    r = await say(client, coach, sid, "我替他说")
    assert r.status_code == 403
    listed = (await client.get("/api/sessions", headers=coach)).json()
    assert sid in [s["id"] for s in listed["items"]]


async def test_coach_of_another_team_sees_nothing(
    client: httpx.AsyncClient, trainee: dict, manager: dict
) -> None:
    team = (await client.post("/api/teams", json={"name": "Other team"}, headers=manager)).json()
    body = {
        "username": "coach9",
        "display_name": "C9",
        "role": "coach",
        "password": "harbour-lamp-9",
        "team_ids": [team["id"]],
    }
    assert (await client.post("/api/users", json=body, headers=manager)).status_code == 201
    other = await login(client, "coach9", "harbour-lamp-9")
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    assert (await client.get(f"/api/sessions/{sid}", headers=other)).status_code == 404
    assert sid not in [
        s["id"] for s in (await client.get("/api/sessions", headers=other)).json()["items"]
    ]
    # the manager sees the whole organisation
    assert (await client.get(f"/api/sessions/{sid}", headers=manager)).status_code == 200


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": ""}, 422),
        ({"text": "   \n\t "}, 422),
        ({"text": "问" * 4001}, 422),
        ({"text": 12}, 422),
        ({"txt": "hi"}, 422),
        ({}, 422),
        ([], 422),
    ],
)
async def test_bad_messages_change_nothing(
    client: httpx.AsyncClient, trainee: dict, body: object, status: int
) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    before = await transcript(client, trainee, sid)
    r = await client.post(f"/api/sessions/{sid}/messages", json=body, headers=trainee)
    assert r.status_code == status, r.text
    assert r.json()["error"]
    assert r.json()["detail"]
    assert await transcript(client, trainee, sid) == before


async def test_message_limit_is_inclusive(client: httpx.AsyncClient, trainee: dict) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    assert (await say(client, trainee, sid, "问" * 4000)).status_code == 200


async def test_malformed_body_and_invalid_utf8_message(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    before = await transcript(client, trainee, sid)
    headers = {"Content-Type": "application/json", **trainee}
    for raw in (b'{"text": "abc"', b'{"text": "\xff\xfe\xfd"}', b"\x00\x01"):
        r = await client.post(f"/api/sessions/{sid}/messages", content=raw, headers=headers)
        assert 400 <= r.status_code < 500, (raw, r.status_code)
        assert "error" in r.json()
    assert await transcript(client, trainee, sid) == before


async def test_unknown_resources(client: httpx.AsyncClient, trainee: dict) -> None:
    r = await client.post("/api/sessions", json={"scenario_id": "no-such-thing"}, headers=trainee)
    assert r.status_code == 404
    assert (await client.get("/api/sessions/deadbeef", headers=trainee)).status_code == 404
    assert (
        await client.post("/api/sessions/deadbeef/messages", json={"text": "hi"}, headers=trainee)
    ).status_code == 404
    assert (await client.get("/api/nothing-here", headers=trainee)).status_code == 404
    assert (await client.get("/api/sessions", headers=trainee)).json()["total"] == 0
