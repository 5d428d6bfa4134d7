"""Role-plays end to end through the HTTP API, on every database backend."""

from __future__ import annotations

import httpx

ZH_SCENARIO = "zh-mes-auto-parts"
EN_SCENARIO = "en-fleet-telematics"


async def start(
    client: httpx.AsyncClient, headers: dict[str, str], scenario: str, seed: int = 7
) -> dict:
    r = await client.post(
        "/api/sessions", json={"scenario_id": scenario, "seed": seed}, headers=headers
    )
    assert r.status_code == 201, r.text
    return r.json()


async def say(
    client: httpx.AsyncClient, headers: dict[str, str], sid: str, text: str, **kw: object
) -> httpx.Response:
    return await client.post(
        f"/api/sessions/{sid}/messages", json={"text": text}, headers=headers, **kw
    )  # type: ignore[arg-type]


async def test_scenarios_listed_with_the_interface_fields(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    r = await client.get("/api/scenarios", headers=trainee)
    assert r.status_code == 200
    items = r.json()
    assert {s["language"] for s in items} == {"zh", "en"}
    assert sum(1 for s in items if s["language"] == "zh") >= 4
    assert all({"id", "title", "language"} <= set(s) for s in items)
    # a trainee never sees the hidden brief
    detail = (await client.get(f"/api/scenarios/{ZH_SCENARIO}", headers=trainee)).json()
    assert "full" not in detail
    assert "needs" not in str(detail)


async def test_chinese_roleplay_end_to_end(client: httpx.AsyncClient, trainee: dict) -> None:
    session = await start(client, trainee, ZH_SCENARIO)
    sid = session["id"]
    assert session["status"] == "active"
    assert session["turns"][0]["role"] == "buyer"
    assert session["turns"][0]["text"]
    lines = [
        "周总您好，感谢您抽时间。想先了解一下，咱们现在三个厂区的生产数据是怎么统计的？",
        "明白，您时间宝贵。那现在这种统计方式，在管理上有没有遇到什么麻烦？",
        "您刚才说数据对不上，质量追溯这块出了问题一般要查多久？",
    ]
    for line in lines:
        r = await say(client, trainee, sid, line)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["reply"]["role"] == "buyer"
        assert body["reply"]["text"].strip()
        assert body["message"]["text"] == line
    transcript = (await client.get(f"/api/sessions/{sid}", headers=trainee)).json()
    assert [t["role"] for t in transcript["turns"]] == ["buyer"] + ["trainee", "buyer"] * len(lines)
    assert [t["index"] for t in transcript["turns"]] == list(range(len(transcript["turns"])))
    card = (await client.post(f"/api/sessions/{sid}/end", headers=trainee)).json()
    assert set(card["dimensions"]) == {"questioning", "objection_handling", "needs_discovery"}
    assert card["scorer"] == "rubric"
    for dim in card["dimensions"].values():
        for ev in dim["evidence"]:
            assert ev["quote"] in transcript["turns"][ev["index"]]["text"]
    again = (await client.get(f"/api/sessions/{sid}", headers=trainee)).json()
    assert again["status"] == "ended"
    assert again["scorecard"] == card


async def test_english_roleplay_end_to_end(client: httpx.AsyncClient, trainee: dict) -> None:
    session = await start(client, trainee, EN_SCENARIO)
    sid = session["id"]
    r = await say(
        client,
        trainee,
        sid,
        "Thanks for your time, Dave. How do you keep track of your trucks today?",
    )
    assert r.status_code == 200
    assert r.json()["reply"]["text"].isascii() or "'" in r.json()["reply"]["text"]
    r = await say(client, trainee, sid, "What's the biggest headache with that setup for you?")
    assert r.status_code == 200
    card = (await client.post(f"/api/sessions/{sid}/end", headers=trainee)).json()
    assert card["language"] == "en"
    assert card["dimensions"]["questioning"]["score"] is not None


async def test_messages_to_an_ended_session_are_refused(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    await client.post(f"/api/sessions/{sid}/end", headers=trainee)
    r = await say(client, trainee, sid, "还在吗？")
    assert r.status_code == 409
    assert r.json()["error"] == "conflict"


async def test_idempotent_retry_stores_nothing_twice(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    key = {"Idempotency-Key": "abc-123", **trainee}
    first = await say(client, key, sid, "您好，现在生产数据是怎么统计的？")
    second = await say(client, key, sid, "您好，现在生产数据是怎么统计的？")
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    turns = (await client.get(f"/api/sessions/{sid}", headers=trainee)).json()["turns"]
    assert len(turns) == 3
    reused = await say(client, key, sid, "换一句话")
    assert reused.status_code == 409


async def test_concurrent_sends_are_serialized(client: httpx.AsyncClient, trainee: dict) -> None:
    import asyncio

    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    texts = [f"第{i}个问题：现在的系统用了多久了？" for i in range(6)]
    results = await asyncio.gather(*(say(client, trainee, sid, t) for t in texts))
    assert all(r.status_code == 200 for r in results), [r.text for r in results]
    turns = (await client.get(f"/api/sessions/{sid}", headers=trainee)).json()["turns"]
    roles = [t["role"] for t in turns]
    assert roles == ["buyer"] + ["trainee", "buyer"] * 6
    assert sorted(t["text"] for t in turns if t["role"] == "trainee") == sorted(texts)
    # every reply sits right after the message it answers
    for r in results:
        body = r.json()
        assert body["reply"]["index"] == body["message"]["index"] + 1


async def test_text_is_stored_verbatim_html_included(
    client: httpx.AsyncClient, trainee: dict
) -> None:
    sid = (await start(client, trainee, ZH_SCENARIO))["id"]
    text = "<script>alert('x')</script> 您好 &amp; <b>现在</b>怎么统计？\n第二行"
    assert (await say(client, trainee, sid, text)).status_code == 200
    turns = (await client.get(f"/api/sessions/{sid}", headers=trainee)).json()["turns"]
    assert turns[1]["text"] == text


async def test_list_my_sessions(client: httpx.AsyncClient, trainee: dict, trainee2: dict) -> None:
    a = (await start(client, trainee, ZH_SCENARIO))["id"]
    b = (await start(client, trainee2, ZH_SCENARIO))["id"]
    mine = (await client.get("/api/sessions", headers=trainee)).json()
    ids = [s["id"] for s in mine["items"]]
    assert a in ids
    assert b not in ids
