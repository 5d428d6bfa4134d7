"""Does a password guesser slow down everyone else? Trainees' turn latency, quiet vs under attack.

Starts `coach serve` (fresh SQLite file, demo mode, no access log) in a
subprocess, then plays a few trainees doing role-play turns (each pauses
--think seconds, +-50%, between a reply and the next turn; a new session when
the buyer ends one) through rounds of three phases of --seconds each:

  * quiet:    the trainees alone;
  * account:  plus an attacker sending --rate failed logins per second for
              manager1 (the outside probe's pattern: one account, one address);
  * spray:    plus an attacker sending --rate failed logins per second, each for
              a different unknown username (every one costs a password hash
              until the address is throttled).

The machine is shared and a p99 moves with it, so there are --repeats rounds
and the figure of each phase is the median of its p99s (as in
bench/roleplay_load.py). It does this against two servers: the default
throttling, and throttling off (limits set out of reach), which shows what
keeping the password check out of the database's write lock (and off the
event loop's CPU) does on its own. Prints each phase's turn p50/p99 and the
ratio of the attack p99 to the quiet p99 (target: within 2x), and what the
attacker got back.

    python -m bench.login_abuse [--seconds 15] [--repeats 3] [--rate 20] [--trainees 4] [--think 0.25]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

from bench.roleplay_load import LINES, demo_tokens, free_port, percentile, start_server, wait_ready

OFF = {
    "COACH_LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS": "1000000",
    "COACH_LOGIN_FAILURES_PER_ACCOUNT": "1000000",
    "COACH_LOGIN_FAILURES_PER_ADDRESS": "1000000",
}


async def trainee(
    c: httpx.AsyncClient,
    headers: dict[str, str],
    until: float,
    think: float,
    rng: random.Random,
    latencies: list[float],
    errors: list[str],
) -> None:
    await asyncio.sleep(rng.uniform(0, think))
    while time.perf_counter() < until:
        r = await c.post(
            "/api/sessions", json={"scenario_id": "zh-mes-auto-parts"}, headers=headers
        )
        if r.status_code != 201:
            errors.append(f"start {r.status_code}")
            return
        sid = r.json()["id"]
        for i in range(len(LINES)):
            if time.perf_counter() >= until:
                return
            t0 = time.perf_counter()
            r = await c.post(
                f"/api/sessions/{sid}/messages", json={"text": LINES[i]}, headers=headers
            )
            elapsed = time.perf_counter() - t0
            if r.status_code == 409 and "ended" in r.text:
                break
            if r.status_code != 200:
                errors.append(f"turn {r.status_code}: {r.text[:80]}")
                return
            latencies.append(elapsed)
            if r.json()["session"]["status"] == "ended":
                break
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))


async def attacker(base: str, kind: str, rate: float, seconds: float, got: Counter[str]) -> None:
    """`rate` failed logins a second, each sent on schedule whether or not the last returned."""
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=200)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as c:

        async def one(i: int) -> None:
            name = "manager1" if kind == "account" else f"user{i:05d}"
            try:
                r = await c.post(
                    "/api/auth/login", json={"username": name, "password": f"guess-{i}"}
                )
                got[str(r.status_code)] += 1
            except httpx.HTTPError as exc:
                got[type(exc).__name__] += 1

        start = time.perf_counter()
        tasks = []
        for i in range(int(rate * seconds)):
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(one(i)))
        await asyncio.gather(*tasks)


async def phase(
    base: str, tokens: list[str], args: argparse.Namespace, attack: str | None, seed: int
) -> tuple[list[float], list[str], Counter[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    got: Counter[str] = Counter()
    rng = random.Random(seed)
    until = time.perf_counter() + args.seconds
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:
        jobs = [
            trainee(
                c,
                {"Authorization": f"Bearer {tokens[i % len(tokens)]}"},
                until,
                args.think,
                rng,
                latencies,
                errors,
            )
            for i in range(args.trainees)
        ]
        if attack is not None:
            jobs.append(attacker(base, attack, args.rate, args.seconds, got))
        await asyncio.gather(*jobs)
    return latencies, errors, got


def figures(latencies: list[float]) -> tuple[float, float]:
    return 1000 * statistics.median(latencies), 1000 * percentile(latencies, 99)


async def against(label: str, extra_env: dict[str, str], args: argparse.Namespace) -> None:
    tmp = tempfile.mkdtemp(prefix="coach-bench-")
    db_url = args.database_url or f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
    port = free_port()
    proc = start_server(db_url, port, extra_env, quiet=True)
    base = f"http://127.0.0.1:{port}"
    try:
        await wait_ready(base, proc)
        tokens = await demo_tokens(base)
        runs: dict[str, list[tuple[list[float], list[str], Counter[str]]]] = {}
        for r in range(args.repeats):
            for i, kind in enumerate(("quiet", "account", "spray")):
                attack = None if kind == "quiet" else kind
                runs.setdefault(kind, []).append(
                    await phase(base, tokens, args, attack, 10 * r + i)
                )
        print(
            f"\n{label} ({db_url.split('://')[0]}, {args.trainees} trainees, think {args.think}s, "
            f"{args.repeats} x {args.seconds:g} s per phase, load average {os.getloadavg()[0]:.2f})"
        )
        quiet_p99 = statistics.median(figures(lat)[1] for lat, _, _ in runs["quiet"])
        for kind, results in runs.items():
            p50s = [figures(lat)[0] for lat, _, _ in results]
            p99s = [figures(lat)[1] for lat, _, _ in results]
            got: Counter[str] = Counter()
            for _, _, g in results:
                got.update(g)
            turns = sum(len(lat) for lat, _, _ in results)
            errors = sum(len(e) for _, e, _ in results)
            p99 = statistics.median(p99s)
            line = (
                f"  {kind:8} {turns} turns, p50 {statistics.median(p50s):.1f} ms, "
                f"p99 median {p99:.1f} ms (runs {', '.join(f'{v:.0f}' for v in p99s)})"
            )
            if kind != "quiet":
                answers = ", ".join(f"{k}: {v}" for k, v in sorted(got.items()))
                line += f", {p99 / quiet_p99:.2f}x quiet; attacker {args.rate:g}/s got {answers}"
            print(line + f"; errors {errors}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def main() -> None:
    gc.freeze()
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seconds", type=float, default=15.0, help="length of each phase")
    ap.add_argument("--repeats", type=int, default=3, help="rounds of the three phases")
    ap.add_argument("--rate", type=float, default=20.0, help="failed logins per second")
    ap.add_argument("--trainees", type=int, default=4)
    ap.add_argument("--think", type=float, default=0.25, help="mean pause between turns")
    ap.add_argument("--database-url", default=None, help="default: a fresh SQLite file")
    ap.add_argument(
        "--only", choices=("throttled", "unthrottled"), default=None, help="one server only"
    )
    args = ap.parse_args()
    if args.only in (None, "throttled"):
        await against("throttling on (defaults)", {}, args)
    if args.only in (None, "unthrottled"):
        await against("throttling off (limits out of reach)", OFF, args)


if __name__ == "__main__":
    asyncio.run(main())
