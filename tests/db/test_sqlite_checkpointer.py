"""The WAL checkpointer runs beside the app's transactions without making them wait."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from app.db.sqlite_inline import Checkpointer, inline_connector


def _wal_frames(path: Path) -> int:
    wal = Path(f"{path}-wal")
    return wal.stat().st_size if wal.exists() else 0


async def test_checkpoints_run_beside_writers_that_never_wait(tmp_path: Path) -> None:
    path = tmp_path / "coach.db"
    conn = (await inline_connector(str(path))())._conn
    # No busy handler: a writer or reader that met a lock would fail at once
    # instead of sleeping on the event loop.
    conn.execute("PRAGMA busy_timeout=0")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    checkpointer = Checkpointer(str(path), every_seconds=0.001)
    checkpointer.start()
    try:
        for i in range(400):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t (body) VALUES (?)", ("x" * 4000,))
            conn.execute("COMMIT")
            assert conn.execute("SELECT count(*) FROM t").fetchone() == (i + 1,)
            if i % 20 == 0:
                await asyncio.sleep(0.002)  # let the checkpointer's thread run
    finally:
        await checkpointer.stop()
    # Everything reached the database file: a fresh reader without the WAL sees it all.
    conn.close()
    assert _wal_frames(path) == 0  # the last checkpoint truncated the WAL
    check = sqlite3.connect(path)
    assert check.execute("SELECT count(*) FROM t").fetchone() == (400,)
    check.close()
