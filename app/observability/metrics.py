"""The service's Prometheus metrics (prometheus-client, this process's default registry).

Defined once here; the code that does the work counts it (the HTTP middleware,
the role-play service, the LLM client and retry policy, scoring). Labels stay
few and bounded: a route is its template (`/api/sessions/{session_id}`), never
the raw path; an error is its class name. Each server (`coach serve`)
exposes its own counters at `/metrics`; Prometheus scrapes every server. The
worker processes of one server (`--workers N`) share a port, so a scrape
reaches any one of them: they keep their counts in files of one directory
(prometheus-client's multiprocess mode, `share_across_processes`) and every
worker answers with the sum.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

# The `*_created` timestamp series double the exposition for nothing Prometheus needs.
disable_created_metrics()  # type: ignore[no-untyped-call]

# Latency buckets from a cached read (ms) to a streamed LLM reply (tens of seconds).
_SECONDS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

HTTP_REQUESTS = Counter(
    "coach_http_requests",
    "HTTP requests answered, by method, route template and status code.",
    ["method", "route", "status"],
)
HTTP_DURATION = Histogram(
    "coach_http_request_duration_seconds",
    "From a request's arrival to its response's last byte (a whole stream for streamed turns), "
    "by method and route template.",
    ["method", "route"],
    buckets=_SECONDS,
)
BUYER_TURNS = Counter(
    "coach_buyer_turns",
    "Buyer replies to a trainee's turn, stored, by buyer engine (offline or llm).",
    ["engine"],
)
LLM_CALLS = Counter(
    "coach_llm_calls",
    "LLM requests made (one logical call, however many attempts), by operation "
    "(complete or stream).",
    ["operation"],
)
LLM_RETRIES = Counter(
    "coach_llm_retries",
    "LLM attempts repeated after a retryable failure, by the failure's class.",
    ["reason"],
)
LLM_ERRORS = Counter(
    "coach_llm_errors",
    "LLM calls that failed for good (after retries), by operation and error class.",
    ["operation", "error"],
)
LLM_TOKENS = Counter(
    "coach_llm_tokens",
    "LLM tokens used, by kind (prompt or completion) and whether they were estimated "
    "(the server reported no usage).",
    ["kind", "estimated"],
)
LLM_DURATION = Histogram(
    "coach_llm_call_duration_seconds",
    "Duration of an LLM call, retries included (a stream: to its last piece), by operation.",
    ["operation"],
    buckets=_SECONDS,
)
SCORING_RUNS = Counter(
    "coach_scoring_runs",
    "Transcripts scored, by scorer (rubric or rubric+judge) and source (roleplay or import).",
    ["scorer", "source"],
)
SCORING_DURATION = Histogram(
    "coach_scoring_duration_seconds",
    "Time to score one transcript, by scorer.",
    ["scorer"],
    buckets=_SECONDS,
)
LIMIT_REFUSALS = Counter(
    "coach_limit_refusals",
    "Requests refused by a usage limit (active_sessions, imports_per_hour).",
    ["limit"],
)


def count_tokens(prompt: int, completion: int, *, estimated: bool) -> None:
    flag = "true" if estimated else "false"
    LLM_TOKENS.labels("prompt", flag).inc(prompt)
    LLM_TOKENS.labels("completion", flag).inc(completion)


def count_scoring(scorer: str, source: str, seconds: float) -> None:
    SCORING_RUNS.labels(scorer, source).inc()
    SCORING_DURATION.labels(scorer).observe(seconds)


@contextmanager
def observed(operation: str) -> Iterator[None]:
    """Count one LLM call, its duration, and its failure (by class) if it fails.

    A caller that stops reading a stream early (GeneratorExit) or a cancelled
    request is not a failure of the provider and is not counted as one.
    """
    LLM_CALLS.labels(operation).inc()
    started = time.perf_counter()
    try:
        yield
    except Exception as exc:
        LLM_ERRORS.labels(operation, type(exc).__name__).inc()
        raise
    finally:
        LLM_DURATION.labels(operation).observe(time.perf_counter() - started)


# prometheus-client's own variable: set, each process writes its counts to files
# there (read when prometheus_client is first imported, so before a worker starts).
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"


def share_across_processes() -> str:
    """For a server with several worker processes: call once in the parent, before
    the workers start. Returns the fresh directory, removed when the parent exits.
    (The process's own CPU and memory series are not served in this mode.)"""
    directory = tempfile.mkdtemp(prefix="coach-metrics-")
    os.environ[MULTIPROCESS_DIR] = directory
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    return directory


def exposition() -> bytes:
    """This server's metrics in the Prometheus text format: every worker's, summed,
    when they share a directory; else this process's."""
    if os.environ.get(MULTIPROCESS_DIR):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)
