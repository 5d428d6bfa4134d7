"""`coach serve --workers N` needs PostgreSQL; a SQLite file is served by one process.

Both refusals happen before any server starts: a one-line error, exit 2.
(`tests/roleplay/test_multiprocess.py` runs `--workers 2` on PostgreSQL for real.)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from app.cli import main
from app.db.serving import ServingLock


@pytest.fixture(autouse=True)
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the server was started")

    monkeypatch.setattr(uvicorn, "run", refuse)


def test_workers_on_sqlite_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COACH_DATABASE_URL", f"sqlite:///{tmp_path / 'coach.db'}")
    assert main(["serve", "--workers", "2"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("coach: --workers 2 needs PostgreSQL: SQLite is served by one process.")
    assert "COACH_DATABASE_URL=postgresql://" in err
    assert err.count("\n") == 1
    monkeypatch.setenv("COACH_WORKERS", "3")  # the same from the environment
    assert main(["serve"]) == 2
    assert "--workers 3 needs PostgreSQL" in capsys.readouterr().err


def test_a_sqlite_file_served_already_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "coach.db"
    monkeypatch.setenv("COACH_DATABASE_URL", f"sqlite+aiosqlite:///{path}")
    held = ServingLock(str(path))
    held.acquire()  # as a running `coach serve` holds it
    try:
        assert main(["serve"]) == 2
    finally:
        held.release()
    err = capsys.readouterr().err
    assert f"another process (pid {os.getpid()}) is serving {path}" in err
    assert "SQLite is served by one process" in err
