"""`coach serve` as an operator runs it: a real server process, its log lines on stderr."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.server_process import free_port


def wait_until_up(base: str, proc: subprocess.Popen[str], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("coach serve did not come up")


def test_json_logs_are_one_object_per_line_with_the_request_id(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "COACH_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'coach.db'}",
        "COACH_LOG_FORMAT": "json",
        "PORT": str(port),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, proc)
        missing = httpx.get(f"{base}/api/sessions/nosuch", headers={"X-Request-ID": "serve-1"})
        assert missing.status_code == 401
        assert missing.headers["x-request-id"] == "serve-1"
        assert httpx.get(f"{base}/readyz").status_code == 200
        assert "coach_http_requests_total" in httpx.get(f"{base}/metrics").text
    finally:
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)

    lines = [json.loads(line) for line in stderr.splitlines() if line.strip()]
    assert all({"ts", "level", "logger", "msg"} <= line.keys() for line in lines)
    assert any("Uvicorn running on" in line["msg"] for line in lines)  # uvicorn's own, as JSON
    ours = [line for line in lines if line.get("request_id") == "serve-1"]
    assert sorted(line["logger"] for line in ours) == ["app.access", "app.errors"]
    assert all(line["level"] == "INFO" and "exc_info" not in line for line in ours)
    # Probes and scrapes that succeed stay out of the INFO log.
    assert not [line for line in lines if line.get("route") in ("/readyz", "/metrics")]
