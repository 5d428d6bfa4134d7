"""Figures for managers: how coaches overrode the scorer, and the CSV export of scores.

The team dashboard reads assignment progress too, so it sits above this package, in
app.analytics.dashboard.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from statistics import fmean

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts.service import Principal
from app.reviews.effective import effective, latest_overrides
from app.reviews.queue import trainee_scope
from app.reviews.repository import ReviewsRepository
from app.reviews.schemas import OverrideStat, OverrideStats
from app.scoring.schema import DIMENSIONS


def _mean(values: Iterable[float | None]) -> float | None:
    """The mean of the values that are numbers, to one decimal; None when there are none."""
    vals = [v for v in values if v is not None]
    return round(fmean(vals), 1) if vals else None


async def override_stats(db: AsyncSession, viewer: Principal, team_id: int | None) -> OverrideStats:
    """Per dimension: how often coaches overrode the scorer, and by how much (newest override)."""
    repo = ReviewsRepository(db)
    scope = await trainee_scope(db, viewer, team_id)
    sessions = await repo.finished_sessions(viewer.org_id, scope)
    overrides = await repo.overrides([s.id for s in sessions])
    out = []
    for dim in DIMENSIONS:
        rows = [o for s in sessions for o in overrides.get(s.id, []) if o.dimension == dim]
        changes: list[int] = []
        touched = 0
        for s in sessions:
            latest = latest_overrides(overrides.get(s.id, [])).get(dim)
            if latest is None:
                continue
            touched += 1
            if latest.original_score is not None:
                changes.append(latest.score - latest.original_score)
        out.append(
            OverrideStat(
                dimension=dim,
                overrides=len(rows),
                sessions_overridden=touched,
                share=round(touched / len(sessions), 3) if sessions else 0.0,
                mean_abs_change=_mean(abs(c) for c in changes),
                mean_signed_change=_mean(changes),
            )
        )
    return OverrideStats(finished_sessions=len(sessions), dimensions=out)


CSV_SAFE_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Text a spreadsheet won't run as a formula (CSV injection)."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(CSV_SAFE_START) else text


async def export_csv(db: AsyncSession, viewer: Principal, team_id: int | None) -> str:
    """One row per finished session: trainee, team, scenario, date, overall, each dimension."""
    repo = ReviewsRepository(db)
    scope = await trainee_scope(db, viewer, team_id)
    sessions = await repo.finished_sessions(viewer.org_id, scope)
    overrides = await repo.overrides([s.id for s in sessions])
    users = await repo.users({s.user_id for s in sessions})
    teams = await repo.team_names_of(users.keys())
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    header = ["session_id", "trainee", "trainee_name", "team", "scenario_id", "scenario"]
    header += ["ended_at", "overall_original", "overall_effective"]
    for dim in DIMENSIONS:
        header += [f"{dim}_original", f"{dim}_effective"]
    writer.writerow(header)
    for s in sessions:
        eff = effective(s.scorecard, overrides.get(s.id, []))
        u = users[s.user_id]
        row: list[object] = [s.id, u.username, u.display_name, "; ".join(teams.get(u.id, []))]
        row += [s.scenario_id, s.title, s.ended_at.isoformat() if s.ended_at else None]
        row += [eff.original_overall, eff.overall]
        for dim in DIMENSIONS:
            row += [eff.dimensions[dim].original, eff.dimensions[dim].effective]
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue()
