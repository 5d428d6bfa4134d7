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


async def _steady_writes(path: Path, checkpointer: Checkpointer, lock: asyncio.Lock) -> int:
    """Writes arriving faster than checkpoints finish (one lands during each); the
    largest the WAL file got."""
    conn = (await inline_connector(str(path))())._conn
    conn.execute("PRAGMA busy_timeout=0")  # a writer that met the checkpoint's lock fails
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    checkpointer.start()
    peak = 0
    try:
        for _ in range(600):
            async with lock:  # the app's writer turn (Container.writer_turn)
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO t (body) VALUES (?)", ("x" * 20_000,))
                conn.execute("COMMIT")
            peak = max(peak, _wal_frames(path))
            await asyncio.sleep(0.001)
    finally:
        await checkpointer.stop()
        conn.close()
    return peak


async def test_the_wal_stays_bounded_under_writes_that_never_pause(tmp_path: Path) -> None:
    bound = 2 * 1024 * 1024  # 12 MB are written in all
    lock = asyncio.Lock()
    path = tmp_path / "bounded.db"
    checkpointer = Checkpointer(
        str(path), every_seconds=0.02, max_wal_bytes=bound, writers=lambda: lock
    )
    peak = await _steady_writes(path, checkpointer, lock)
    assert checkpointer.truncations >= 2
    # One round's writes past the bound on a quiet host; a loaded host can starve the
    # checkpointer's thread for a few rounds, so the check is "restarted well before the
    # 12 MB an unbounded WAL reaches", not a scheduling-tight margin.
    assert peak < bound * 3, peak
    # Without the bound, passive checkpoints alone never let the WAL start over.
    unbounded = tmp_path / "unbounded.db"
    grown = await _steady_writes(unbounded, Checkpointer(str(unbounded), every_seconds=0.02), lock)
    assert grown > bound * 3, grown
