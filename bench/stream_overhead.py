"""What the service adds on top of the LLM provider when streaming a buyer reply.

Starts a loopback OpenAI-compatible server (own process, fixed time to first
token) and `coach serve` with the LLM buyer (own process), then drives N
concurrent sessions over HTTP, each sending streamed messages. For each
message: (time from sending the request to the first `delta` event) minus
(the provider's own time to first token for that request) = the service's
share. Prints p50 and p99. Target: under 15 ms at p99 with 50 sessions.

Each simulated trainee opens the session within the first --think seconds
and pauses --think seconds (varied +-50%) between a reply and their next
message, as people read and type; --think 0 instead measures a saturated
service (then the figure is queueing, not overhead).

The machine is shared and a p99 of a few hundred turns moves with it, so the
run is repeated (--repeats, new sessions each time) and the median p99 is the
figure, as in bench/roleplay_load.py.

    python -m bench.stream_overhead [--sessions 50] [--turns 6] [--ttft 0.2] [--think 3] [--repeats 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.roleplay_load import free_port, percentile, wait_ready

ROOT = Path(__file__).resolve().parent.parent


async def first_delta(c: httpx.AsyncClient, sid: str, text: str, headers: dict[str, str]) -> float:
    t0 = time.perf_counter()
    async with c.stream(
        "POST", f"/api/sessions/{sid}/messages/stream", json={"text": text}, headers=headers
    ) as r:
        if r.status_code != 200:
            raise RuntimeError(f"{r.status_code}: {await r.aread()!r}")
        seen = None
        async for line in r.aiter_lines():
            if seen is None and line == "event: delta":
                seen = time.perf_counter() - t0
            if line == "event: error":
                raise RuntimeError("stream error")
        if seen is None:
            raise RuntimeError("no delta")
        return seen


async def direct_first_delta(c: httpx.AsyncClient, base: str, text: str) -> float:
    """The same measurement straight against the provider: the floor of the method."""
    t0 = time.perf_counter()
    body = {
        "model": "bench-model",
        "stream": True,
        "messages": [{"role": "user", "content": text}],
    }
    async with c.stream("POST", f"{base}/v1/chat/completions", json=body) as r:
        seen = None
        async for line in r.aiter_lines():
            if seen is None and line.startswith("data: {"):
                choices = json.loads(line[6:]).get("choices") or [{}]
                if choices[0].get("delta", {}).get("content"):
                    seen = time.perf_counter() - t0
        if seen is None:
            raise RuntimeError("no content chunk")
        return seen


async def direct_session(
    c: httpx.AsyncClient,
    base: str,
    i: int,
    turns: int,
    think: float,
    out: dict[str, float],
    repeat: int,
) -> None:
    rng = random.Random(i * 1000 + repeat)
    await asyncio.sleep(rng.uniform(0, think))
    for k in range(turns):
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))
        text = f"直连{repeat}：第{i}号学员的第{k}个问题"
        out[text] = await direct_first_delta(c, base, text)


async def session(
    c: httpx.AsyncClient,
    i: int,
    turns: int,
    think: float,
    headers: dict[str, str],
    out: dict[str, float],
    repeat: int,
) -> None:
    rng = random.Random(i * 1000 + repeat)
    await asyncio.sleep(rng.uniform(0, think))  # people don't all start in the same millisecond
    r = await c.post("/api/sessions", json={"scenario_id": "zh-mes-auto-parts"}, headers=headers)
    sid = r.json()["id"]
    for k in range(turns):
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))
        text = f"第{repeat}轮第{i}号学员的第{k}个问题：咱们现在的生产数据是怎么统计的？"
        out[text] = await first_delta(c, sid, text, headers)


async def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--turns", type=int, default=6)
    ap.add_argument("--ttft", type=float, default=0.2)
    ap.add_argument(
        "--think", type=float, default=3.0, help="mean seconds a trainee takes to read and type"
    )
    ap.add_argument(
        "--repeats", type=int, default=3, help="runs (the machine is shared: take the median)"
    )
    args = ap.parse_args()
    llm_port, app_port = free_port(), free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    fake = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench._fake_llm",
            "--port",
            str(llm_port),
            "--ttft",
            str(args.ttft),
        ],
        env=env,
        cwd=ROOT,
    )
    tmp = tempfile.mkdtemp(prefix="coach-bench-")
    app_env = {
        **env,
        "COACH_DATABASE_URL": f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}",
        "COACH_DEMO": "true",
        "OPENAI_BASE_URL": f"http://127.0.0.1:{llm_port}/v1",
        "OPENAI_API_KEY": "bench",
        "COACH_LLM_MODEL": "bench-model",
        "COACH_JUDGE": "offline",
        # One demo account plays every session: lift the per-trainee limit on open ones.
        "COACH_MAX_ACTIVE_SESSIONS": "100000",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--quiet", "--port", str(app_port)],
        env=app_env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{app_port}"
    try:
        await wait_ready(base, app)
        limits = httpx.Limits(
            max_connections=args.sessions + 10, max_keepalive_connections=args.sessions + 10
        )
        llm_base = f"http://127.0.0.1:{llm_port}"
        runs: dict[str, list[dict[str, float]]] = {"service adds": [], "floor (provider alone)": []}
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as c:
            tokens = []
            for name in ("trainee1", "trainee2"):
                r = await c.post("/api/auth/login", json={"username": name, "password": "demo"})
                tokens.append(r.json()["token"])
            for repeat in range(args.repeats):
                client_side: dict[str, float] = {}
                await asyncio.gather(
                    *(
                        session(
                            c,
                            i,
                            args.turns,
                            args.think,
                            {"Authorization": f"Bearer {tokens[i % 2]}"},
                            client_side,
                            repeat,
                        )
                        for i in range(args.sessions)
                    )
                )
                runs["service adds"].append(client_side)
        # The floor: the same load sent straight to the provider, measured the same
        # way. What it shows is the client's and the provider's own HTTP handling on
        # this shared machine, which the service's figure includes too.
        async with httpx.AsyncClient(timeout=60, limits=limits) as c:
            for repeat in range(args.repeats):
                direct: dict[str, float] = {}
                await asyncio.gather(
                    *(
                        direct_session(c, llm_base, i, args.turns, args.think, direct, repeat)
                        for i in range(args.sessions)
                    )
                )
                runs["floor (provider alone)"].append(direct)
        async with httpx.AsyncClient() as c:
            records = (await c.get(f"{llm_base}/_records")).json()
        provider = {r["last_user"]: r["ttft"] for r in records if r["ttft"] is not None}
        for label, measured in runs.items():
            p99s = []
            for seen in measured:
                added = [1000 * (seen[t] - provider[t]) for t in seen if t in provider]
                p99s.append(percentile(added, 99))
                print(
                    f"{len(added)} streamed turns, {args.sessions} concurrent sessions, "
                    f"think {args.think:.1f} s, provider TTFT {args.ttft * 1000:.0f} ms: {label} "
                    f"p50 {statistics.median(added):.1f} ms, p99 {p99s[-1]:.1f} ms, "
                    f"max {max(added):.1f} ms"
                )
            print(f"{label}: p99 over {len(p99s)} runs: median {statistics.median(p99s):.1f} ms")
    finally:
        app.terminate()
        fake.terminate()
        app.wait(timeout=10)
        fake.wait(timeout=10)


if __name__ == "__main__":
    asyncio.run(main())
