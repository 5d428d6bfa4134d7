"""Score the calibration set with the offline rubric scorer and compare with the expert labels.

    python -m tests.scoring.calibration_eval [--show]

Prints Spearman's rho per dimension, the share of designed within-group
contrasts ordered right, null handling, and evidence checks.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from app.scoring.rubric import RubricScorer
from app.scoring.schema import DIMENSIONS, Scorecard
from app.scoring.transcript import Transcript

CALIBRATION = Path(__file__).parent / "calibration"
CONTRAST_MARGIN = 5  # label differences of this or less are ties by design


@dataclass
class Case:
    name: str
    transcript: Transcript
    labels: dict[str, Any]
    card: Scorecard


def load_cases(directory: Path = CALIBRATION) -> list[Case]:
    scorer = RubricScorer()
    cases = []
    for path in sorted(directory.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        t = Transcript.model_validate(raw)
        card = scorer.score(t.pairs(), language=t.language)
        cases.append(Case(path.stem, t, raw["labels"], card))
    return cases


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    rx, ry = _ranks(xs), _ranks(ys)
    n = len(xs)
    mx, my = sum(rx) / n, sum(ry) / n
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def figures(cases: list[Case]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for dim in DIMENSIONS:
        pairs = [
            (float(c.labels[dim]), float(c.card.dimensions[dim].score))  # type: ignore[arg-type]
            for c in cases
            if c.labels[dim] is not None and c.card.dimensions[dim].score is not None
        ]
        out[f"rho_{dim}"] = round(spearman([p[0] for p in pairs], [p[1] for p in pairs]), 3)
        out[f"n_{dim}"] = len(pairs)
        out[f"mae_{dim}"] = round(sum(abs(a - b) for a, b in pairs) / len(pairs), 1)
        out[f"bias_{dim}"] = round(sum(b - a for a, b in pairs) / len(pairs), 1)
    right = total = 0
    wrong: list[str] = []
    groups: dict[str, list[Case]] = {}
    for c in cases:
        groups.setdefault(c.labels["group"], []).append(c)
    for members in groups.values():
        for a, b in combinations(members, 2):
            for dim in DIMENSIONS:
                la, lb = a.labels[dim], b.labels[dim]
                sa, sb = a.card.dimensions[dim].score, b.card.dimensions[dim].score
                if la is None or lb is None or abs(la - lb) <= CONTRAST_MARGIN:
                    continue
                if la < 21 and lb < 21:
                    continue  # both absent: not a confident ranking
                total += 1
                hi, lo = (a, b) if la > lb else (b, a)
                shi, slo = (sa, sb) if la > lb else (sb, sa)
                if shi is not None and slo is not None and shi > slo:
                    right += 1
                else:
                    wrong.append(f"{dim}: {hi.name} ({shi}) should beat {lo.name} ({slo})")
    out["contrasts_right"] = f"{right}/{total}"
    out["contrast_share"] = round(right / total, 3) if total else 1.0
    out["wrong_contrasts"] = wrong
    null_ok = sum(
        1
        for c in cases
        if (c.labels["objection_handling"] is None)
        == (c.card.dimensions["objection_handling"].score is None)
    )
    out["null_agreement"] = f"{null_ok}/{len(cases)}"
    bad_quotes = []
    for c in cases:
        for dim, d in c.card.dimensions.items():
            for ev in d.evidence:
                if (
                    not (0 <= ev.index < len(c.transcript.turns))
                    or ev.quote not in c.transcript.turns[ev.index].text
                ):
                    bad_quotes.append(f"{c.name} {dim} {ev.index}")
    out["bad_quotes"] = bad_quotes
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="every case: labels vs scores")
    ap.add_argument("--set", default="calibration", choices=["calibration", "validation"])
    args = ap.parse_args()
    cases = load_cases(CALIBRATION.parent / args.set)
    if args.show:
        for c in cases:
            row = "  ".join(
                f"{d[:4]} {c.labels[d]!s:>4}/{c.card.dimensions[d].score!s:>4}" for d in DIMENSIONS
            )
            print(f"{c.name:42} {row}")
    f = figures(cases)
    for k, v in f.items():
        if k == "wrong_contrasts":
            print(f"wrong contrasts ({len(v)}):")
            for w in v:
                print("   ", w)
        else:
            print(f"{k}: {v}")


if __name__ == "__main__":
    main()
