"""CSV downloads of the analytics views: a header row, UTF-8 with a byte-order mark so Excel
opens Chinese text right, CRLF line ends, and text cells a spreadsheet won't run as formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from app.analytics.schemas import Completion, Heatmap, Spread, Trend, UsageReport
from app.scoring.schema import DIMENSIONS

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
Label = Callable[[str], str]  # a header key -> its text in the reader's language


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([_cell(h) for h in header])
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return (BOM + buf.getvalue()).encode("utf-8")


def heatmap_csv(h: Heatmap, label: Label) -> bytes:
    header = [label("trainee"), label("username"), label("sessions")]
    for m in h.metrics:
        header += [label(f"avg.{m}"), label(f"count.{m}")]
    rows = []
    for r in h.rows:
        row: list[object] = [r.person.display_name, r.person.username, r.sessions]
        for m in h.metrics:
            row += [r.cells[m].average, r.cells[m].count]
        rows.append(row)
    return to_csv(header, rows)


def trend_csv(tr: Trend | None, label: Label) -> bytes:
    header = [label("trainee"), label("username"), label("scenario_id"), label("scenario")]
    header += [label("number"), label("ended_at"), label("score.overall")]
    header += [label(f"score.{d}") for d in DIMENSIONS] + [label("session_id")]
    rows: list[list[object]] = []
    if tr is not None and tr.scenario is not None:
        for p in tr.points:
            row: list[object] = [tr.person.display_name, tr.person.username]
            row += [tr.scenario.scenario_id, tr.scenario.title, p.number, p.ended_at, p.overall]
            row += [p.scores[d] for d in DIMENSIONS] + [p.session_id]
            rows.append(row)
    return to_csv(header, rows)


def distribution_csv(spreads: Sequence[Spread], metric_label: str, label: Label) -> bytes:
    keys = ["scenario_id", "scenario", "metric", "sessions_n", "min", "q1", "median", "q3"]
    keys += ["max", "mean", *(f"bin.{i}" for i in range(5))]
    rows = [
        [
            *(s.scenario.scenario_id, s.scenario.title, metric_label, s.count),
            *(s.minimum, s.q1, s.median, s.q3, s.maximum, s.mean, *s.bins),
        ]
        for s in spreads
    ]
    return to_csv([label(k) for k in keys], rows)


def completion_csv(items: Sequence[Completion], label: Label) -> bytes:
    keys = ["assignment_id", "assignment", "due_at", "min_score", "assigned", "started"]
    keys += ["completed", "overdue", "in_progress", "not_started", "rate"]
    rows = [
        [
            *(c.assignment_id, c.title, c.due_at, c.min_score, c.assigned, c.started),
            *(c.completed, c.overdue, c.in_progress, c.not_started, c.rate),
        ]
        for c in items
    ]
    return to_csv([label(k) for k in keys], rows)


def usage_trainees_csv(u: UsageReport, label: Label) -> bytes:
    keys = ["trainee", "username", "sessions", "prompt_tokens", "completion_tokens"]
    keys += ["total_tokens", "cost", "estimated"]
    rows = [
        [
            *(t.person.display_name, t.person.username, t.sessions),
            *(t.tokens.prompt, t.tokens.completion, t.tokens.total, t.tokens.cost),
            label(f"yes_no.{t.tokens.estimated}"),
        ]
        for t in u.trainees
    ]
    return to_csv([label(k) for k in keys], rows)


def usage_sessions_csv(u: UsageReport, label: Label) -> bytes:
    keys = ["session_id", "trainee", "username", "scenario", "created_at", "session_status"]
    keys += ["buyer_engine", "prompt_tokens", "completion_tokens", "total_tokens", "cost"]
    keys += ["estimated"]
    rows = [
        [
            *(s.session.session_id, s.person.display_name, s.person.username, s.session.title),
            s.session.created_at,
            label(f"state.{s.session.status}"),
            label(f"engine.{s.session.buyer_engine}"),
            *(s.tokens.prompt, s.tokens.completion, s.tokens.total, s.tokens.cost),
            label(f"yes_no.{s.tokens.estimated}"),
        ]
        for s in u.sessions
    ]
    return to_csv([label(k) for k in keys], rows)
