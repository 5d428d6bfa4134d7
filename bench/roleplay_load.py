"""Concurrent role-plays over HTTP against a real `coach serve` with the offline buyer.

Starts the service in a subprocess (fresh SQLite file, demo mode, no access
log), then drives N sessions at once, each a scripted consultative
conversation. Prints per-turn latency (POST /messages) p50/p99, turns per
second and errors.

Two loads are reported:
  * paced:     each simulated trainee starts within the first 3 x --think
               seconds and waits --think seconds (+-50%) between a reply and
               the next turn, as people do (they read and type); this is the
               latency target's load (50 open sessions, ~40 turns/s at 1 s);
  * saturated: no think time at all, every session fires its next turn as soon
               as the reply lands; this measures throughput.

    python bench/roleplay_load.py [--sessions 50] [--turns 12] [--think 1.0] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

LINES = [
    "周总您好，感谢您抽时间。想先了解一下，咱们三个厂区的生产数据现在是怎么汇总的？",
    "明白，主机厂的事确实最要紧。那您这边现在最牵扯精力的是哪件事？",
    "您刚才说查一批货要翻纸，质量追溯这块现在有没有遇到什么麻烦？",
    "查三天的话，对主机厂那边的审核和后面的定点会有什么影响？",
    "我理解，上过一次不好用的系统，换谁都会有顾虑。当时主要是卡在哪儿了？",
    "那我们先在一条线上做试点，跑通了再推开；我们有锻造厂的追溯案例，可以带您去现场看。",
    "这个项目如果推进，除了您，还有哪些人会参与决策？",
    "这件事对您个人来说压力大吗？",
    "我确认一下：现在追溯靠翻纸，主机厂审核要求两小时内查到，过不了定点就悬了，我理解得对吗？",
    "下周我带实施顾问去现场看一下追溯流程，顺便跟孙部长和刘经理一起碰一下，您看可以吗？",
    "理解，这个确实得大家一起定。您看除了现场调研，还需要我们提前准备什么？",
    "好的，那我们下周二上午去宁波厂做调研，请孙部长和刘经理一起参加，您看行吗？",
]


def start_server(
    db_url: str, port: int, extra_env: dict[str, str] | None = None, *, quiet: bool = False
) -> subprocess.Popen[bytes]:
    """`coach serve --demo` on `db_url` (BENCH_SERVER replaces `-m app.cli`); `quiet`
    also drops the server's log (a password guesser's thousand 401 lines)."""
    env = {
        **os.environ,
        "COACH_DATABASE_URL": db_url,
        "COACH_DEMO": "true",
        # One demo account plays many simulated trainees: lift the per-trainee limit on
        # open sessions (COACH_MAX_ACTIVE_SESSIONS, default 20) a real trainee meets.
        "COACH_MAX_ACTIVE_SESSIONS": "100000",
        **(extra_env or {}),
    }
    server = os.environ.get("BENCH_SERVER", "-m app.cli").split()
    return subprocess.Popen(
        [sys.executable, *server, "serve", "--quiet", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if quiet else None,
    )


async def demo_tokens(base: str) -> list[str]:
    """Bearer tokens of the two demo trainees."""
    tokens = []
    async with httpx.AsyncClient(base_url=base) as c:
        for name in ("trainee1", "trainee2"):
            r = await c.post("/api/auth/login", json={"username": name, "password": "demo"})
            tokens.append(r.json()["token"])
    return tokens


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


async def wait_ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient() as c:
        for _ in range(300):
            if proc.poll() is not None:
                raise SystemExit("the service exited during start-up")
            try:
                if (await c.get(f"{base}/healthz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("the service did not become ready")


async def one_session(
    c: httpx.AsyncClient,
    headers: dict[str, str],
    turns: int,
    think: float,
    rng: random.Random,
    latencies: list[float],
    errors: list[str],
    slow: list[tuple[float, int, float]] | None = None,
) -> None:
    if think:
        # People don't all open the app in the same millisecond: start within a few seconds.
        await asyncio.sleep(rng.uniform(0, 3 * think))
    r = await c.post("/api/sessions", json={"scenario_id": "zh-mes-auto-parts"}, headers=headers)
    if r.status_code != 201:
        errors.append(f"start {r.status_code}")
        return
    sid = r.json()["id"]
    for i in range(turns):
        if think:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
        t0 = time.perf_counter()
        r = await c.post(
            f"/api/sessions/{sid}/messages", json={"text": LINES[i % len(LINES)]}, headers=headers
        )
        elapsed = time.perf_counter() - t0
        if r.status_code == 409 and "ended" in r.text:
            return  # the buyer closed the meeting: a normal end
        if r.status_code != 200:
            errors.append(f"turn {r.status_code}: {r.text[:80]}")
            return
        latencies.append(elapsed)
        if slow is not None:
            slow.append((elapsed, i, t0))
        if r.json()["session"]["status"] == "ended":
            return


async def run_load(
    base: str, tokens: list[str], sessions: int, turns: int, think: float
) -> dict[str, float]:
    latencies: list[float] = []
    errors: list[str] = []
    slow: list[tuple[float, int, float]] = []
    rng = random.Random(42)
    limits = httpx.Limits(max_connections=sessions + 10, max_keepalive_connections=sessions + 10)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as c:
        t0 = time.perf_counter()
        await asyncio.gather(
            *(
                one_session(
                    c,
                    {"Authorization": f"Bearer {tokens[i % len(tokens)]}"},
                    turns,
                    think,
                    rng,
                    latencies,
                    errors,
                    slow,
                )
                for i in range(sessions)
            )
        )
        wall = time.perf_counter() - t0
    return {
        "turns": len(latencies),
        "errors": len(errors),
        "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
        "p99_ms": 1000 * percentile(latencies, 99) if latencies else float("nan"),
        "max_ms": 1000 * max(latencies) if latencies else float("nan"),
        "turns_per_s": len(latencies) / wall,
        "first_error": errors[0] if errors else "",
        "slowest": ", ".join(
            f"{1000 * e:.0f}ms@turn{i}+{at - t0:.1f}s" for e, i, at in sorted(slow)[-6:]
        ),
    }


async def main() -> None:
    gc.freeze()  # the client's own collector pauses would show up as the server's latency
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--turns", type=int, default=12)
    ap.add_argument(
        "--repeats", type=int, default=3, help="paced runs (the machine is shared: take the median)"
    )
    ap.add_argument(
        "--think", type=float, default=1.0, help="mean seconds between a reply and the next turn"
    )
    ap.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="coach-bench-")
    db_url = args.database_url or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
    port = free_port()
    proc = start_server(db_url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_ready(base, proc)
        tokens = await demo_tokens(base)
        print(
            f"database: {db_url.split('://')[0]} | sessions: {args.sessions} | turns per session: {args.turns}"
        )
        runs = [("paced", args.think)] * args.repeats + [("saturated", 0.0)]
        paced_p99: list[float] = []
        for label, think in runs:
            res = await run_load(base, tokens, args.sessions, args.turns, think)
            if label == "paced":
                paced_p99.append(res["p99_ms"])
            print(
                f"{label:>9} (think {think:.1f}s): {res['turns']:.0f} turns, errors {res['errors']:.0f}, "
                f"p50 {res['p50_ms']:.1f} ms, p99 {res['p99_ms']:.1f} ms, max {res['max_ms']:.1f} ms, "
                f"{res['turns_per_s']:.1f} turns/s\n            slowest: {res['slowest']}"
                + (f"  first error: {res['first_error']}" if res["errors"] else "")
            )
        print(f"paced p99 over {len(paced_p99)} runs: median {statistics.median(paced_p99):.1f} ms")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    asyncio.run(main())
