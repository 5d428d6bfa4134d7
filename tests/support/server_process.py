"""The service as a real server process (`coach serve`), for tests that kill or multiply it.

    with ServerProcess(database_url, env={...}) as server:
        httpx.get(f"{server.url}/healthz")
        server.kill()          # SIGKILL to its whole process group (workers included)
        server.start()         # the same command again, on the same port

The process runs in a session of its own, so `kill()` reaches uvicorn's
workers too, and stdout/stderr go to a file the failure message shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]


async def wait_for(predicate: Callable[[], bool], within: float, what: str) -> None:
    """Poll `predicate` until it holds; fail after `within` seconds."""
    deadline = time.monotonic() + within
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    """The process's environment: ours without any COACH_/OPENAI_ setting, plus these."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "OPENAI_"))}
    env["COACH_DATABASE_URL"] = database_url
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


class ServerProcess:
    def __init__(
        self,
        database_url: str,
        *,
        args: tuple[str, ...] = ("--demo",),
        env: dict[str, str] | None = None,
        port: int | None = None,
        start_timeout: float = 90.0,
    ) -> None:
        self.port = port or free_port()
        self.args = args
        self.env = server_env(database_url, **(env or {}))
        self.start_timeout = start_timeout
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = Path(tempfile.mkstemp(prefix="coach-serve-", suffix=".log")[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "app.cli", "serve", "--port", str(self.port), *self.args]

    def spawn(self) -> subprocess.Popen[bytes]:
        """Start the process (without waiting for it to serve)."""
        self.spawned_at = time.monotonic()
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self.proc

    def start(self) -> ServerProcess:
        """Start it and wait until /healthz answers; how long that took is `started_in`."""
        self.spawn()
        return self.wait_ready()

    def wait_ready(self) -> ServerProcess:
        """Wait until the spawned process answers /healthz (or fail with its output)."""
        began = self.spawned_at
        proc = self.proc
        assert proc is not None
        deadline = began + self.start_timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}:\n{self.output()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    self.started_in = time.monotonic() - began
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"the server did not start in {self.start_timeout} s:\n{self.output()}")

    def kill(self) -> None:
        """SIGKILL the server and its workers (kill -9: no shutdown of any kind)."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):  # its workers may outlive it
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.proc = None

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.kill()
        self.log.unlink(missing_ok=True)
