"""kill -9 in the middle of replies: after a restart nothing is lost or doubled, and every
session answers its next request within the bound the README states.

A real server process (`coach serve`) with the LLM buyer on a loopback fake
provider that hangs, so every session is mid-reply when the process is killed:
half the turns were acknowledged (the stream's `message` event), half were
plain requests still waiting for their reply. After the restart each is
retried the ways a client would (the same Idempotency-Key, POST /reply, a
new message), and each transcript must hold every turn exactly once, in order.
"""

from __future__ import annotations

import asyncio
import time

import httpx

from tests.support.fake_openai import FakeOpenAI, hang
from tests.support.server_process import ServerProcess, wait_for

MES = "zh-mes-auto-parts"
SESSIONS = 8
LEASE = 3.0  # COACH_REPLY_LEASE_SECONDS for these servers
WAIT_MARGIN = 2.0  # app.roleplay.turns.REPLY_WAIT_MARGIN_SECONDS
# The README's bound: a request waits at most the lease plus the margin for a busy
# session; the offline-fast fake then answers in milliseconds (slack for a busy host).
BOUND = LEASE + WAIT_MARGIN + 3.0


def llm_env(fake: FakeOpenAI, **extra: str) -> dict[str, str]:
    return {
        "OPENAI_BASE_URL": fake.base_url,
        "OPENAI_API_KEY": "sk-test-buyer",
        "COACH_LLM_MODEL": "buyer-model",
        "COACH_JUDGE": "offline",
        "COACH_LLM_TIMEOUT_SECONDS": "30",
        "COACH_LLM_MAX_ATTEMPTS": "1",
        "COACH_REPLY_LEASE_SECONDS": str(LEASE),
        **extra,
    }


async def login(c: httpx.AsyncClient, username: str) -> dict[str, str]:
    r = await c.post("/api/auth/login", json={"username": username, "password": "demo"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


async def send(
    c: httpx.AsyncClient, h: dict[str, str], sid: str, text: str, key: str | None = None
) -> httpx.Response:
    headers = {**h, "Idempotency-Key": key} if key else h
    return await c.post(f"/api/sessions/{sid}/messages", json={"text": text}, headers=headers)


async def acknowledged(
    c: httpx.AsyncClient, h: dict[str, str], sid: str, text: str, key: str
) -> httpx.Response:
    """A streamed turn, read up to its `message` event (the turn is stored); left open."""
    request = c.build_request(
        "POST",
        f"/api/sessions/{sid}/messages/stream",
        json={"text": text},
        headers={**h, "Idempotency-Key": key},
    )
    response = await c.send(request, stream=True)
    assert response.status_code == 200
    async for line in response.aiter_lines():
        if line == "event: message":
            return response
    raise AssertionError("the stream ended before the turn was acknowledged")


def first(i: int) -> str:
    return f"您好，我是第{i}位销售，想先了解一下现在三个厂区的生产数据是怎么统计的？"


def second(i: int) -> str:
    return f"明白了。第{i}个问题：这些数据出错的时候，最头疼的是哪个环节？"


async def test_kill_9_mid_reply_then_restart_loses_and_doubles_nothing(
    database_url: str,
) -> None:
    with FakeOpenAI(model="buyer-model") as fake:
        server = ServerProcess(database_url, args=("--demo", "--quiet"), env=llm_env(fake))
        try:
            await crash_and_recover(server, fake)
        finally:
            server.kill()
            server.log.unlink(missing_ok=True)


async def crash_and_recover(server: ServerProcess, fake: FakeOpenAI) -> None:
    server.start()
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
        users = [await login(c, "trainee1"), await login(c, "trainee2")]
        h = [users[i % 2] for i in range(SESSIONS)]
        sids = []
        for i in range(SESSIONS):
            r = await c.post("/api/sessions", json={"scenario_id": MES, "seed": i}, headers=h[i])
            assert r.status_code == 201, r.text
            sids.append(r.json()["id"])
        done = await asyncio.gather(
            *(send(c, h[i], sids[i], first(i), f"a{i}") for i in range(SESSIONS))
        )
        assert all(r.status_code == 200 for r in done), [r.text for r in done]

        # Every session's next reply hangs at the provider; then the process dies.
        fake.script(*[hang(60)] * SESSIONS)
        half = SESSIONS // 2
        streams = await asyncio.gather(
            *(acknowledged(c, h[i], sids[i], second(i), f"b{i}") for i in range(half))
        )
        in_flight = [
            asyncio.create_task(send(c, h[i], sids[i], second(i), f"b{i}"))
            for i in range(half, SESSIONS)
        ]
        await wait_for(lambda: fake.pending == 0, 30, "every reply to reach the provider")
        server.kill()
        for response in streams:
            await response.aclose()
        lost = await asyncio.gather(*in_flight, return_exceptions=True)
        assert all(isinstance(x, httpx.HTTPError) for x in lost), lost

    fake.reset()  # the provider answers at once from now on
    server.start()
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as c:
        users = [await login(c, "trainee1"), await login(c, "trainee2")]
        h = [users[i % 2] for i in range(SESSIONS)]
        started = time.monotonic()

        async def retry(i: int) -> tuple[float, httpx.Response]:
            t0 = time.monotonic()
            if i == 0:  # the web app's 'ask again'
                r = await c.post(f"/api/sessions/{sids[i]}/reply", headers=h[i])
            elif i == SESSIONS - 1:  # a client that lost its key: told why, at once
                refused = await send(c, h[i], sids[i], "那我换个问题问吧？")
                assert refused.status_code == 409, refused.text
                assert refused.json()["error"] == "conflict"
                assert "has not answered your last message" in refused.json()["detail"]
                r = await c.post(f"/api/sessions/{sids[i]}/reply", headers=h[i])
            else:  # the same request again, with its Idempotency-Key
                r = await send(c, h[i], sids[i], second(i), f"b{i}")
            return time.monotonic() - t0, r

        answers = await asyncio.gather(*(retry(i) for i in range(SESSIONS)))
        recovered_in = time.monotonic() - started
        for i, (elapsed, r) in enumerate(answers):
            assert r.status_code == 200, (i, r.status_code, r.text)
            assert r.json()["message"]["text"] == second(i)
            assert r.json()["message"]["index"] == 3
            assert r.json()["reply"]["index"] == 4
            assert elapsed < BOUND, (i, elapsed)

        # Every acknowledged turn is there exactly once, in order, answered once.
        for i, sid in enumerate(sids):
            r = await c.get(f"/api/sessions/{sid}", headers=h[i])
            turns = r.json()["turns"]
            assert [t["role"] for t in turns] == ["buyer", "trainee", "buyer", "trainee", "buyer"]
            assert [t["index"] for t in turns] == [0, 1, 2, 3, 4]
            assert [t["text"] for t in turns if t["role"] == "trainee"] == [first(i), second(i)]

        # And the next turn of every session goes through at once.
        nexts = await asyncio.gather(
            *(
                send(c, h[i], sids[i], "好的，那下周方便见一面聊聊吗？", f"c{i}")
                for i in range(SESSIONS)
            )
        )
        assert all(r.status_code == 200 for r in nexts), [r.text for r in nexts]
    print(f"restart {server.started_in:.1f} s; every session answered {recovered_in:.2f} s after")
