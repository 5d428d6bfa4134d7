"""Importing a transcript that did not come from a role-play: scored, stored, reviewable."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

TRANSCRIPT = {
    "language": "zh",
    "scenario": {"title": "医院设备维保电话", "buyer_role": "设备科主任"},
    "turns": [
        {"role": "trainee", "text": "许主任您好，想了解一下现在医院的大型设备是怎么维保的？"},
        {"role": "buyer", "text": "都是原厂在保，合作很多年了，暂时没打算换。"},
        {
            "role": "trainee",
            "text": "理解，原厂确实让人放心。能问一下，现在原厂服务有没有让您不太满意的地方？",
        },
        {"role": "trainee", "text": "比如响应速度或者费用方面？"},
        {"role": "buyer", "text": "费用是真贵，一年好几百万，院长一直让我们降。"},
    ],
}


async def test_coach_imports_a_transcript_for_a_trainee(
    client: httpx.AsyncClient, coach: dict, trainee: dict
) -> None:
    me = (await client.get("/api/me", headers=trainee)).json()
    r = await client.post(
        "/api/sessions/import", json={**TRANSCRIPT, "trainee_id": me["id"]}, headers=coach
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["source"] == "import"
    assert body["status"] == "ended"
    assert body["owner"]["username"] == "trainee1"
    assert [t["text"] for t in body["turns"]] == [t["text"] for t in TRANSCRIPT["turns"]]
    card = body["scorecard"]
    assert set(card["dimensions"]) == {"questioning", "objection_handling", "needs_discovery"}
    for dim in card["dimensions"].values():
        for ev in dim["evidence"]:
            assert ev["quote"] in TRANSCRIPT["turns"][ev["index"]]["text"]
    # the trainee sees it among their sessions, like any other
    mine = (await client.get("/api/sessions", headers=trainee)).json()["items"]
    assert body["id"] in [s["id"] for s in mine]


@pytest.mark.parametrize(
    "bad",
    [
        {"turns": []},
        {"language": "zh"},
        {"turns": [{"role": "customer", "text": "hi"}]},
        {"turns": [{"role": "trainee", "text": "   "}]},
        {"turns": [{"role": "trainee"}]},
        {"language": "fr", "turns": [{"role": "trainee", "text": "bonjour"}]},
        {**TRANSCRIPT, "trainee_id": "x"},
        [],
    ],
)
async def test_bad_transcripts_are_refused_and_nothing_is_stored(
    client: httpx.AsyncClient, coach: dict, bad: object
) -> None:
    before = (await client.get("/api/sessions", headers=coach)).json()["total"]
    r = await client.post("/api/sessions/import", json=bad, headers=coach)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid"
    assert (await client.get("/api/sessions", headers=coach)).json()["total"] == before


async def test_only_staff_import_and_only_for_their_trainees(
    client: httpx.AsyncClient, trainee: dict, coach: dict
) -> None:
    assert (
        await client.post("/api/sessions/import", json=TRANSCRIPT, headers=trainee)
    ).status_code == 403
    r = await client.post(
        "/api/sessions/import", json={**TRANSCRIPT, "trainee_id": 99999}, headers=coach
    )
    assert r.status_code == 404


async def test_oversized_transcript_is_413(client: httpx.AsyncClient, coach: dict) -> None:
    huge = {"turns": [{"role": "trainee", "text": "问" * 15000} for _ in range(60)]}
    r = await client.post("/api/sessions/import", json=huge, headers=coach)
    assert r.status_code == 413
    assert r.json()["error"] == "payload_too_large"


async def test_oversized_transcript_is_413_when_chunked_too(
    client: httpx.AsyncClient, coach: dict
) -> None:
    """No Content-Length to check: the bytes received are counted."""
    huge = json.dumps({"turns": [{"role": "trainee", "text": "问" * 15000} for _ in range(60)]})

    async def chunks() -> AsyncIterator[bytes]:
        data = huge.encode()
        for i in range(0, len(data), 65536):
            yield data[i : i + 65536]

    before = (await client.get("/api/sessions", headers=coach)).json()["total"]
    r = await client.post(
        "/api/sessions/import",
        content=chunks(),
        headers={**coach, "content-type": "application/json"},
    )
    assert r.status_code == 413, r.text
    assert r.json()["error"] == "payload_too_large"
    assert (await client.get("/api/sessions", headers=coach)).json()["total"] == before


async def test_control_characters_in_a_transcript_are_removed(
    client: httpx.AsyncClient, coach: dict
) -> None:
    """Transcripts come from other tools: their stray controls are dropped (line-like
    ones become newlines), not refused; every quote still stands in the stored text."""
    dirty = {
        "language": "zh",
        "scenario": {"title": "医院\x00设备维保", "buyer_role": "设备科\x1b主任"},
        "turns": [
            {"role": "trainee", "text": "许主任您好，\x0b现在大型设备\x00是怎么维保的？"},
            {"role": "buyer", "text": "都是原厂在保\x07，\r\n合作很多年了。"},
            {"role": "trainee", "text": "现在原厂服务有没有\ud800让您不太满意的地方？\t"},
        ],
    }
    r = await client.post(
        "/api/sessions/import",
        content=json.dumps(dirty),  # ASCII JSON: the lone surrogate travels as \\ud800
        headers={**coach, "content-type": "application/json"},
    )
    assert r.status_code == 201, r.text
    body = r.json()
    assert [t["text"] for t in body["turns"]] == [
        "许主任您好，\n现在大型设备是怎么维保的？",
        "都是原厂在保，\r\n合作很多年了。",
        "现在原厂服务有没有让您不太满意的地方？\t",
    ]
    assert body["scenario"] == {
        "title": "医院设备维保",
        "buyer_role": "设备科主任",
        "context": None,
    }
    stored = (await client.get(f"/api/sessions/{body['id']}", headers=coach)).json()
    assert stored["turns"] == body["turns"]
    for dim in body["scorecard"]["dimensions"].values():
        for ev in dim["evidence"]:
            assert ev["quote"] in body["turns"][ev["index"]]["text"]


@pytest.mark.parametrize("text", ["\x00", "\x00\x1b\x07"])
async def test_a_turn_of_nothing_but_controls_is_refused(
    client: httpx.AsyncClient, coach: dict, text: str
) -> None:
    before = (await client.get("/api/sessions", headers=coach)).json()["total"]
    bad = {"turns": [{"role": "trainee", "text": text}]}
    r = await client.post("/api/sessions/import", json=bad, headers=coach)
    assert r.status_code == 422, r.text
    assert "turns.0.text" in r.json()["detail"]
    assert (await client.get("/api/sessions", headers=coach)).json()["total"] == before


async def test_the_title_is_ours_and_refuses_controls(
    client: httpx.AsyncClient, coach: dict
) -> None:
    r = await client.post(
        "/api/sessions/import", json={**TRANSCRIPT, "title": "a\x00b"}, headers=coach
    )
    assert r.status_code == 422, r.text
    assert r.json()["detail"].startswith("title: must not contain control characters")
