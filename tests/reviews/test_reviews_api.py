"""Coach reviews through the HTTP API: comments, overrides beside the original, disputes, reviewed."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import login
from tests.reviews.helpers import played
from tests.roleplay.test_sessions_api import ZH_SCENARIO, start


async def review(client: httpx.AsyncClient, headers: dict, sid: str) -> dict:
    r = await client.get(f"/api/reviews/sessions/{sid}", headers=headers)
    assert r.status_code == 200, r.text
    data: dict = r.json()
    return data


async def test_coach_comments_on_a_turn_and_the_trainee_reads_it(
    client: httpx.AsyncClient, trainee: dict, coach: dict
) -> None:
    sid, _ = await played(client, trainee)
    body = {"turn_index": 1, "body": "这个开场问题很好，<b>继续</b>追问影响。"}
    r = await client.post(f"/api/reviews/sessions/{sid}/comments", json=body, headers=coach)
    assert r.status_code == 201, r.text
    assert r.json()["author"]["username"] == "coach1"
    general = {"body": "整体不错"}
    r = await client.post(f"/api/reviews/sessions/{sid}/comments", json=general, headers=coach)
    assert r.status_code == 201
    seen = await review(client, trainee, sid)
    assert [(c["turn_index"], c["body"]) for c in seen["comments"]] == [
        (1, body["body"]),
        (None, "整体不错"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        {"turn_index": 99, "body": "哪一句？"},
        {"turn_index": -1, "body": "负数"},
        {"turn_index": 1, "body": "   "},
        {"turn_index": 1, "body": "长" * 2001},
        {"turn_index": 1},
        {"turn_index": 1, "body": "x", "extra": 1},
    ],
)
async def test_bad_comments_store_nothing(
    client: httpx.AsyncClient, trainee: dict, coach: dict, body: dict
) -> None:
    sid, _ = await played(client, trainee, lines=["现在生产数据是怎么统计的？"])
    r = await client.post(f"/api/reviews/sessions/{sid}/comments", json=body, headers=coach)
    assert r.status_code == 422, r.text
    assert r.json()["detail"]
    assert (await review(client, trainee, sid))["comments"] == []


async def test_who_may_comment(
    client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict, manager: dict
) -> None:
    sid, _ = await played(client, trainee, lines=["现在生产数据是怎么统计的？"])
    url = f"/api/reviews/sessions/{sid}/comments"
    body = {"turn_index": 0, "body": "看看这里"}
    assert (await client.post(url, json=body, headers=trainee)).status_code == 403
    assert (await client.post(url, json=body, headers=trainee2)).status_code == 403
    assert (await client.get(f"/api/reviews/sessions/{sid}", headers=trainee2)).status_code == 404
    assert (await client.post(url, json=body, headers=manager)).status_code == 201
    missing = "/api/reviews/sessions/deadbeef/comments"
    assert (await client.post(missing, json=body, headers=coach)).status_code == 404
    assert (await client.post(url, json=body)).status_code == 401


async def test_override_is_kept_beside_the_original(
    client: httpx.AsyncClient, trainee: dict, coach: dict
) -> None:
    sid, card = await played(client, trainee)
    original = card["dimensions"]["questioning"]["score"]
    url = f"/api/reviews/sessions/{sid}/overrides"
    r = await client.post(
        url,
        json={"dimension": "questioning", "score": 90, "reason": "追问做得很自然"},
        headers=coach,
    )
    assert r.status_code == 201, r.text
    assert r.json()["original_score"] == original
    assert r.json()["author"]["username"] == "coach1"
    seen = await review(client, trainee, sid)
    q = seen["dimensions"]["questioning"]
    assert (q["original"], q["effective"], q["overridden"], q["band"]) == (
        original,
        90,
        True,
        "excellent",
    )
    assert q["override"]["reason"] == "追问做得很自然"
    assert seen["original_overall"] == card["overall"]
    assert seen["overall"] != card["overall"]
    # the stored scorecard is never rewritten
    session = (await client.get(f"/api/sessions/{sid}", headers=trainee)).json()
    assert session["scorecard"] == card
    # a second override wins; both stay on record
    r = await client.post(
        url,
        json={"dimension": "questioning", "score": 40, "reason": "再看一遍，偏高了"},
        headers=coach,
    )
    assert r.status_code == 201
    seen = await review(client, trainee, sid)
    assert seen["dimensions"]["questioning"]["effective"] == 40
    assert [o["score"] for o in seen["overrides"]] == [90, 40]


@pytest.mark.parametrize(
    "body",
    [
        {"dimension": "questioning", "score": 101, "reason": "太高"},
        {"dimension": "questioning", "score": -1, "reason": "太低"},
        {"dimension": "questioning", "score": 50, "reason": ""},
        {"dimension": "questioning", "score": 50},
        {"dimension": "charisma", "score": 50, "reason": "没有这个维度"},
        {"dimension": "questioning", "score": "high", "reason": "不是数字"},
    ],
)
async def test_bad_overrides_store_nothing(
    client: httpx.AsyncClient, trainee: dict, coach: dict, body: dict
) -> None:
    sid, _ = await played(client, trainee, lines=["现在生产数据是怎么统计的？"])
    r = await client.post(f"/api/reviews/sessions/{sid}/overrides", json=body, headers=coach)
    assert r.status_code == 422, r.text
    assert (await review(client, trainee, sid))["overrides"] == []


async def test_override_rules(
    client: httpx.AsyncClient, trainee: dict, coach: dict, manager: dict
) -> None:
    body = {"dimension": "questioning", "score": 70, "reason": "复核"}
    active = (await start(client, trainee, ZH_SCENARIO))["id"]
    r = await client.post(f"/api/reviews/sessions/{active}/overrides", json=body, headers=coach)
    assert r.status_code == 409  # nothing scored yet
    sid, _ = await played(client, trainee, lines=["现在生产数据是怎么统计的？"])
    url = f"/api/reviews/sessions/{sid}/overrides"
    assert (await client.post(url, json=body, headers=trainee)).status_code == 403
    # nobody reviews their own session
    own, _ = await played(client, coach, lines=["现在生产数据是怎么统计的？"])
    r = await client.post(f"/api/reviews/sessions/{own}/overrides", json=body, headers=coach)
    assert r.status_code == 403
    assert (await client.post(url, json=body, headers=manager)).status_code == 201


async def test_coach_of_another_team_cannot_review(
    client: httpx.AsyncClient, trainee: dict, manager: dict
) -> None:
    other = (await client.post("/api/teams", json={"name": "Other"}, headers=manager)).json()
    body = {
        "username": "coach8",
        "display_name": "C8",
        "role": "coach",
        "password": "harbour-lamp-8",
        "team_ids": [other["id"]],
    }
    assert (await client.post("/api/users", json=body, headers=manager)).status_code == 201
    outsider = await login(client, "coach8", "harbour-lamp-8")
    sid, _ = await played(client, trainee, lines=["现在生产数据是怎么统计的？"])
    for path, payload in (
        ("comments", {"turn_index": 0, "body": "hi"}),
        ("overrides", {"dimension": "questioning", "score": 1, "reason": "x"}),
        ("reviewed", None),
    ):
        r = await client.post(f"/api/reviews/sessions/{sid}/{path}", json=payload, headers=outsider)
        assert r.status_code == 404, path
    queue = (await client.get("/api/reviews/queue", headers=outsider)).json()
    assert queue["total"] == 0


async def test_dispute_and_its_answer(
    client: httpx.AsyncClient, trainee: dict, trainee2: dict, coach: dict
) -> None:
    sid, _ = await played(client, trainee)
    url = f"/api/reviews/sessions/{sid}/disputes"
    body = {"dimension": "needs_discovery", "reason": "我问到了决策人，评分没算进去"}
    r = await client.post(url, json=body, headers=trainee)
    assert r.status_code == 201, r.text
    dispute = r.json()
    assert dispute["status"] == "open"
    again = await client.post(url, json=body, headers=trainee)
    assert again.status_code == 409
    other_dim = {"dimension": "overall", "reason": "总分也偏低"}
    assert (await client.post(url, json=other_dim, headers=trainee)).status_code == 201
    assert (await client.post(url, json=body, headers=trainee2)).status_code == 404
    assert (await client.post(url, json=body, headers=coach)).status_code == 403
    assert (
        await client.post(url, json={"dimension": "x", "reason": "y"}, headers=trainee)
    ).status_code == 422
    assert (
        await client.post(url, json={"dimension": "overall", "reason": " "}, headers=trainee)
    ).status_code == 422
    resolve = f"{url}/{dispute['id']}/resolve"
    assert (await client.post(resolve, json={"response": "好"}, headers=trainee)).status_code == 403
    r = await client.post(resolve, json={"response": "已复核，维持原分"}, headers=coach)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "resolved"
    assert r.json()["resolved_by"]["username"] == "coach1"
    assert (await client.post(resolve, json={"response": "再看"}, headers=coach)).status_code == 409
    missing = f"{url}/99999/resolve"
    assert (await client.post(missing, json={"response": "?"}, headers=coach)).status_code == 404
    seen = await review(client, trainee, sid)
    assert [d["status"] for d in seen["disputes"]] == ["resolved", "open"]
    # once answered, the trainee may dispute that score again
    assert (await client.post(url, json=body, headers=trainee)).status_code == 201


async def test_no_dispute_before_the_end(client: httpx.AsyncClient, trainee: dict) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    r = await client.post(
        f"/api/reviews/sessions/{sid}/disputes",
        json={"dimension": "overall", "reason": "还没结束"},
        headers=trainee,
    )
    assert r.status_code == 409


async def test_mark_reviewed_is_idempotent(
    client: httpx.AsyncClient, trainee: dict, coach: dict
) -> None:
    sid, _ = await played(client, trainee, lines=["现在生产数据是怎么统计的？"])
    url = f"/api/reviews/sessions/{sid}/reviewed"
    first = await client.post(url, headers=coach)
    assert first.status_code == 200
    second = await client.post(url, headers=coach)
    assert second.json() == first.json()
    assert (await client.post(url, headers=trainee)).status_code == 403
    assert (await review(client, trainee, sid))["reviewed"]["reviewer"]["username"] == "coach1"
