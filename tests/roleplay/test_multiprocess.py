"""Several server processes on one PostgreSQL database keep every session's turns in
order and every Idempotency-Key to one turn (README, 'Deploying for a team').

`coach serve --workers 2` and a second `coach serve` start together on an empty
database (three processes racing to migrate and seed it), then take concurrent
turns and idempotent retries for the same sessions on both; the LLM buyer
answers from a loopback fake slowly enough that the processes meet mid-reply.
Then one is killed mid-reply and the other takes its turn over once the lease
lapses.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import PG_OK, _pg_admin, _pg_url
from tests.roleplay.test_crash_recovery import LEASE, WAIT_MARGIN, llm_env, login, send
from tests.support.fake_openai import Behaviour, FakeOpenAI, hang
from tests.support.server_process import ServerProcess, wait_for

pytestmark = pytest.mark.skipif(not PG_OK, reason="no PostgreSQL")

MES = "zh-mes-auto-parts"
SESSIONS = 6
TURNS = 3


@pytest.fixture
def empty_pg() -> Iterator[str]:
    """A new, empty database: the servers migrate and seed it themselves."""
    name = f"coach_mp_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(name)
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def workers_of(server: ServerProcess) -> int:
    """uvicorn's worker processes under this server (spawned by multiprocessing)."""
    assert server.proc is not None
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        count += ppid == server.proc.pid and b"spawn_main" in cmdline
    return count


def question(session: int, turn: int) -> str:
    return f"第{session}位销售的第{turn}个问题：现在生产数据出错时，最头疼的是哪个环节？"


async def test_two_servers_on_one_database_keep_order_and_idempotency(empty_pg: str) -> None:
    with FakeOpenAI(model="buyer-model") as fake:
        env = llm_env(fake)
        a = ServerProcess(empty_pg, args=("--demo", "--quiet", "--workers", "2"), env=env)
        b = ServerProcess(empty_pg, args=("--demo", "--quiet"), env=env)
        try:
            a.start_timeout = b.start_timeout = 120
            a.spawn(), b.spawn()  # together: both migrate and seed the empty database
            a.wait_ready(), b.wait_ready()
            assert workers_of(a) == 2
            await take_turns_on_both(a, b, fake)
            await kill_one_mid_reply(a, b, fake)
        finally:
            for server in (a, b):
                server.kill()
                server.log.unlink(missing_ok=True)


async def take_turns_on_both(a: ServerProcess, b: ServerProcess, fake: FakeOpenAI) -> None:
    # Slow enough replies that requests on the two servers overlap mid-reply.
    fake.script(*[Behaviour(first_token_delay=0.15)] * (SESSIONS * TURNS * 2))
    async with (
        httpx.AsyncClient(base_url=a.url, timeout=60) as ca,
        httpx.AsyncClient(base_url=b.url, timeout=60) as cb,
    ):
        users = [await login(ca, "trainee1"), await login(cb, "trainee2")]
        h = [users[i % 2] for i in range(SESSIONS)]
        sids = []
        for i in range(SESSIONS):
            r = await (ca if i % 2 else cb).post(
                "/api/sessions", json={"scenario_id": MES, "seed": i}, headers=h[i]
            )
            assert r.status_code == 201, r.text
            sids.append(r.json()["id"])

        async def converse(i: int) -> None:
            for t in range(TURNS):
                text, key = question(i, t), f"s{i}-t{t}"
                # The same turn sent to both servers at once, and again to the first.
                sent = await asyncio.gather(
                    send(ca, h[i], sids[i], text, key),
                    send(cb, h[i], sids[i], text, key),
                    send(ca, h[i], sids[i], text, key),
                )
                assert all(r.status_code == 200 for r in sent), [r.text for r in sent]
                replies = {(r.json()["message"]["index"], r.json()["reply"]["text"]) for r in sent}
                assert replies == {(1 + 2 * t, sent[0].json()["reply"]["text"])}
            # Two different messages at once, one on each server: taken one after the other.
            both = await asyncio.gather(
                send(ca, h[i], sids[i], f"第{i}位：那预算一般怎么定？"),
                send(cb, h[i], sids[i], f"第{i}位：决策要经过哪些人？"),
            )
            assert all(r.status_code == 200 for r in both), [r.text for r in both]
            indexes = sorted(r.json()["message"]["index"] for r in both)
            assert indexes == [1 + 2 * TURNS, 3 + 2 * TURNS]

        await asyncio.gather(*(converse(i) for i in range(SESSIONS)))

        for i, sid in enumerate(sids):
            turns = (await cb.get(f"/api/sessions/{sid}", headers=h[i])).json()["turns"]
            assert [t["index"] for t in turns] == list(range(1 + 2 * (TURNS + 2)))
            assert [t["role"] for t in turns] == ["buyer"] + ["trainee", "buyer"] * (TURNS + 2)
            trainee = [t["text"] for t in turns if t["role"] == "trainee"]
            assert trainee[:TURNS] == [question(i, t) for t in range(TURNS)]
            assert len(set(trainee)) == len(trainee)
    # One model call per trainee turn: no retry produced a second reply.
    assert len(fake.chat_requests) == SESSIONS * (TURNS + 2)


async def kill_one_mid_reply(a: ServerProcess, b: ServerProcess, fake: FakeOpenAI) -> None:
    """B dies mid-reply; the same request on A waits for B's lease to lapse (it isn't
    renewed any more), then takes the turn over: within the lease and the margin."""
    fake.reset()
    fake.script(hang(60))
    async with (
        httpx.AsyncClient(base_url=a.url, timeout=60) as ca,
        httpx.AsyncClient(base_url=b.url, timeout=60) as cb,
    ):
        h = await login(ca, "trainee1")
        r = await ca.post("/api/sessions", json={"scenario_id": MES}, headers=h)
        sid = r.json()["id"]
        text = "周总您好，想先了解一下现在三个厂区的生产数据是怎么统计的？"
        doomed = asyncio.create_task(send(cb, h, sid, text, "k"))
        await wait_for(lambda: fake.pending == 0, 30, "the reply to reach the provider")
        b.kill()
        assert isinstance((await asyncio.gather(doomed, return_exceptions=True))[0], Exception)
        t0 = time.monotonic()
        r = await send(ca, h, sid, text, "k")
        took = time.monotonic() - t0
        assert r.status_code == 200, r.text
        assert r.json()["message"]["index"] == 1
        assert took < LEASE + WAIT_MARGIN + 1.0, took
        print(f"taken over by the other server {took:.2f} s after the kill")
        turns = (await ca.get(f"/api/sessions/{sid}", headers=h)).json()["turns"]
        assert [t["role"] for t in turns] == ["buyer", "trainee", "buyer"]
