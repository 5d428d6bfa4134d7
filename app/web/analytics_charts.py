"""Geometry of the analytics charts, drawn as inline SVG by templates/_charts.html.

Pure: numbers in, coordinates out. Every chart has a fixed viewBox in px; its box scrolls
sideways on a narrow screen rather than shrinking the text. Scores run 0-100.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.analytics.schemas import Completion, Spread, TrendPoint, UsageByTrainee

WIDTH = 640
TICKS = (0, 20, 40, 60, 80, 100)
# Lines are told apart by marker shape and dash as well as colour.
SERIES: tuple[tuple[str, str, str], ...] = (
    ("overall", "circle", ""),
    ("questioning", "square", "6 4"),
    ("objection_handling", "triangle", "2 4"),
    ("needs_discovery", "diamond", "10 3 2 3"),
)


@dataclass(frozen=True)
class Axis:
    left: float
    right: float

    def x(self, score: float) -> float:
        return round(self.left + (self.right - self.left) * score / 100, 1)


@dataclass
class LineChart:
    width: int
    height: int
    top: float
    bottom: float
    left: float
    right: float
    grid: list[tuple[int, float]] = field(default_factory=list)  # (score, y)
    xs: list[tuple[TrendPoint, float, bool]] = field(default_factory=list)  # point, x, labelled
    series: list[dict[str, object]] = field(default_factory=list)


def _y(top: float, bottom: float, v: float) -> float:
    return round(bottom - (bottom - top) * v / 100, 1)


def line_chart(points: Sequence[TrendPoint]) -> LineChart:
    """One point per session, evenly spaced in time order: two sessions on one day are two
    points. Labels are thinned to about one per 56 px."""
    n = len(points)
    width = max(WIDTH, 56 * n + 80)
    c = LineChart(width=width, height=300, top=16, bottom=236, left=44, right=width - 20)
    c.grid = [(v, _y(c.top, c.bottom, v)) for v in TICKS]
    inner = c.right - c.left
    step = max(1, -(-n * 56 // int(inner)))
    for i, p in enumerate(points):
        x = c.left + (inner / 2 if n == 1 else inner * i / (n - 1))
        c.xs.append((p, round(x, 1), i % step == 0 or i == n - 1))
    for key, marker, dash in SERIES:
        dots = []
        path = ""
        pen = False
        for p, x, _ in c.xs:
            v = p.overall if key == "overall" else p.scores.get(key)
            if v is None:
                pen = False
                continue
            y = _y(c.top, c.bottom, v)
            path += f"{'L' if pen else 'M'}{x},{y} "
            pen = True
            dots.append({"x": x, "y": y, "value": v, "point": p})
        c.series.append(
            {"key": key, "marker": marker, "dash": dash, "path": path.strip(), "dots": dots}
        )
    return c


def box_rows(spreads: Sequence[Spread]) -> dict[str, object]:
    """A box plot per scenario (whiskers min-max, box q1-q3, median), a row each."""
    axis = Axis(24, WIDTH - 24)
    row_h = 64
    rows = []
    for i, s in enumerate(spreads):
        top = 8 + i * row_h
        rows.append(
            {
                "s": s,
                "label_y": top + 14,
                "mid": top + 38,
                "box_top": top + 26,
                "box_h": 24,
                "min": axis.x(s.minimum),
                "q1": axis.x(s.q1),
                "median": axis.x(s.median),
                "q3": axis.x(s.q3),
                "max": axis.x(s.maximum),
                "mean": axis.x(s.mean),
            }
        )
    height = 8 + row_h * len(spreads) + 28
    ticks = [(v, axis.x(v)) for v in TICKS]
    return {"width": WIDTH, "height": height, "rows": rows, "ticks": ticks, "axis_y": height - 24}


STATUSES = ("completed", "in_progress", "overdue", "not_started")


def completion_bars(items: Sequence[Completion]) -> dict[str, object]:
    """A bar per assignment, split into completed / in progress / overdue / not started."""
    left, right, row_h = 8, WIDTH - 8, 56
    rows = []
    for i, c in enumerate(items):
        top = 8 + i * row_h
        x = float(left)
        parts = []
        for status in STATUSES:
            n = getattr(c, status)
            if not n or not c.assigned:
                continue
            w = (right - left) * n / c.assigned
            parts.append({"status": status, "n": n, "x": round(x, 1), "w": round(w, 1)})
            x += w
        rows.append({"c": c, "label_y": top + 14, "bar_y": top + 22, "bar_h": 22, "parts": parts})
    return {"width": WIDTH, "height": 8 + row_h * len(items), "rows": rows, "left": left}


def usage_bars(items: Sequence[UsageByTrainee], by_cost: bool) -> dict[str, object]:
    """A bar per trainee: cost when a price is set, else total tokens."""
    left, right, row_h = 8, WIDTH - 110, 44
    values = [(u.tokens.cost if by_cost else u.tokens.total) for u in items]
    top_value = max(values, default=0) or 1
    rows = []
    for i, (u, v) in enumerate(zip(items, values, strict=True)):
        top = 6 + i * row_h
        w = (right - left) * v / top_value
        rows.append({"u": u, "v": v, "label_y": top + 14, "bar_y": top + 20, "w": round(w, 1)})
    return {
        "width": WIDTH,
        "height": 6 + row_h * len(items),
        "rows": rows,
        "left": left,
        "value_x": right + 8,
    }
