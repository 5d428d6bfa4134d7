"""How long `coach serve --demo` spends seeding the demo history (app/demo), once per database.

Each run makes a fresh database, starts the app once in demo mode with the history
off (migrations, demo users, warm-up: what every start pays) and then times the
seeding alone, as the lifespan runs it. Prints the median and the spread, the
CPU time this process spent (on a shared host the wall time also counts the
waits for a core; the CPU time doesn't), and what was seeded.

    python bench/demo_seed.py [--runs 3] [--database-url postgresql+psycopg://...]

With --database-url the database must be empty (or dropped between runs by you);
without it each run uses a new SQLite file in a temporary directory.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from typing import Any

from app.config import Settings
from app.demo.seed import seed_demo_history
from app.main import create_app


async def one(url: str) -> tuple[float, float, dict[str, Any]]:
    app = create_app(Settings(database_url=url, demo=True, demo_history=False))
    async with app.router.lifespan_context(app):
        container = app.state.container
        container.settings = container.settings.model_copy(update={"demo_history": True})
        started, cpu = time.perf_counter(), time.process_time()
        summary = await seed_demo_history(container)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert summary is not None, "the database had a history already"
    return seconds, cpu, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    times, cpus = [], []
    summary: dict[str, Any] = {}
    for _ in range(args.runs if args.database_url is None else 1):
        with tempfile.TemporaryDirectory() as d:
            url = args.database_url or f"sqlite+aiosqlite:///{d}/coach.db"
            seconds, cpu, summary = asyncio.run(one(url))
            times.append(seconds)
            cpus.append(cpu)
    print(
        f"seeding: median {statistics.median(times):.2f} s "
        f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} run(s)); "
        f"CPU time of this process: median {statistics.median(cpus):.2f} s"
    )
    print(f"seeded: {summary}")


if __name__ == "__main__":
    main()
