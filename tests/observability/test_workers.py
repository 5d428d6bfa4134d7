"""`coach serve --workers 2`: whichever worker answers a scrape, /metrics is the server's sum."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.cli.test_serve import free_port, wait_until_up
from tests.conftest import PG_OK

pytestmark = [
    pytest.mark.skipif(not PG_OK, reason="no PostgreSQL"),
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]


def healthz_count(base: str) -> float:
    text = httpx.get(f"{base}/metrics").text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "coach_http_requests_total" and sample.labels["route"] == "/healthz"
    )


def test_every_worker_answers_with_the_sum(database_url: str, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "COACH_DATABASE_URL": database_url, "PORT": str(port)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--demo", "--quiet", "--workers", "2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        before = healthz_count(base)
        for _ in range(20):  # a new connection each: the workers share them out
            assert httpx.get(f"{base}/healthz").status_code == 200
        # Eight scrapes, each on a new connection: every one sees all twenty.
        assert {healthz_count(base) - before for _ in range(8)} == {20}
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=60)
