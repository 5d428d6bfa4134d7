"""Offline scoring speed: median time and peak memory to score transcripts of 10, 40 and 160 turns.

The transcripts are built from the calibration set's real conversations
(Chinese and English), cut or repeated to the length, so the text is the
kind the scorer sees. Target: under 20 ms for 40 turns, time growing
linearly with the number of turns.

Two figures per length, because the analysis memoises cue matches per sentence:
- cold: every memo cleared first, as for a transcript the process has never seen
  (an imported transcript, or a server restarted mid-session);
- warm: the same text scored again (a re-score). Scoring at the end of a live
  session sits in between: the offline buyer has already analysed the trainee's
  turns, not its own lines.

    python bench/score_speed.py [--repeats 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import timeit
import tracemalloc
from pathlib import Path

from app.analysis.caches import clear_caches
from app.scoring.rubric import RubricScorer

CALIBRATION = Path(__file__).resolve().parent.parent / "tests" / "scoring" / "calibration"


def conversation(language: str) -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    for path in sorted(CALIBRATION.glob(f"{language}-*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        turns += [(t["role"], t["text"]) for t in data["turns"]]
    return turns


def cut(turns: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    out = (turns * (n // len(turns) + 1))[:n]
    return out


def reference_ms() -> float:
    """Best of 10 runs of a fixed workload: the machine's speed right now."""
    return min(timeit.repeat("sum(range(10**6))", number=1, repeat=10)) * 1000


def measure(
    scorer: RubricScorer, turns: list[tuple[str, str]], language: str, repeats: int, *, cold: bool
) -> tuple[float, float, float]:
    scorer.score(turns, language=language)  # import-time work and compiled patterns
    times = []
    for _ in range(repeats):
        if cold:
            clear_caches()
        t0 = time.perf_counter()
        scorer.score(turns, language=language)
        times.append(time.perf_counter() - t0)
    if cold:
        clear_caches()
    tracemalloc.start()
    scorer.score(turns, language=language)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(times) * 1000, min(times) * 1000, peak / 1024 / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=30)
    args = ap.parse_args()
    scorer = RubricScorer()
    print(
        f"reference workload before: {reference_ms():.1f} ms (seen here: 9.5 ms on a quick host, 16 quiet, 30 busy)"
    )
    for language in ("zh", "en"):
        base = conversation(language)
        for cold in (True, False):
            label = f"{language} {'cold' if cold else 'warm'}"
            rows = []
            for n in (10, 40, 160):
                ms, best, mib = measure(scorer, cut(base, n), language, args.repeats, cold=cold)
                rows.append((n, ms))
                print(
                    f"{label}: {n:>3} turns  median {ms:6.2f} ms  best {best:6.2f} ms  "
                    f"peak {mib:5.2f} MiB  ({ms / n:.3f} ms/turn)"
                )
            (n1, t1), (_, t2), (n3, t3) = rows
            print(
                f"{label}: 160/10 turns time ratio {t3 / t1:.1f} (linear would be {n3 / n1:.0f}); 40 turns {t2:.2f} ms"
            )

    print(f"reference workload after: {reference_ms():.1f} ms")


if __name__ == "__main__":
    main()
