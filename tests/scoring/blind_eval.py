"""Score a blind-rated set and compare with its two independent raters.

    python -m tests.scoring.blind_eval [--set blind|blind2|dev] [--show]

Both sets hold transcripts written by helpers who never saw the scorer's code,
cues or earlier sets, each rated separately by two raters who saw only the
rubric, the band anchors and the transcripts (labels-rater-a*.json,
labels-rater-b*.json). The scorer is compared with the raters' mean; the raters'
agreement with each other is printed beside it, since no scorer can be held to
more than that.

- blind/ (44 transcripts) is held out: it measures, nothing is tuned on it.
- blind2/ (44 transcripts, four industries no other set uses, written and rated
  on 2026-12-07 by helpers who never saw the scorer) is the validation set of
  issue #11: measured once per change worth reporting, never read for misses.
- dev/ (40 transcripts, five industries no other set uses) is where the
  scorer's misses are read; its figures show progress, blind/ shows whether it
  carries over.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.scoring.rubric import RubricScorer
from app.scoring.schema import DIMENSIONS, Scorecard, band_of
from app.scoring.transcript import Transcript
from tests.scoring.calibration_eval import spearman

BLIND = Path(__file__).parent / "blind"
SETS = {
    "blind": BLIND,
    "blind2": Path(__file__).parent / "blind2",
    "dev": Path(__file__).parent / "dev",
}
BANDS = ("absent", "weak", "developing", "proficient", "excellent")


@dataclass
class Rated:
    name: str
    transcript: Transcript
    a: dict[str, Any]
    b: dict[str, Any]
    card: Scorecard

    def mean(self, dim: str) -> float | None:
        x, y = self.a[dim], self.b[dim]
        if x is None or y is None:
            return None
        return (x + y) / 2


def load(directory: Path = BLIND) -> list[Rated]:
    scorer = RubricScorer()
    a, b = _labels(directory, "a"), _labels(directory, "b")
    out = []
    for path in sorted(directory.glob("*.json")):
        if path.name.startswith("labels-") or path.name not in a or path.name not in b:
            continue  # a transcript both raters have not labelled yet is not compared
        t = Transcript.model_validate(json.loads(path.read_text(encoding="utf-8")))
        card = scorer.score(t.pairs(), language=t.language)
        out.append(Rated(path.stem, t, a[path.name], b[path.name], card))
    return out


def _labels(directory: Path, rater: str) -> dict[str, Any]:
    """One rater's labels, from one file or one per language (labels-rater-a-zh.json)."""
    out: dict[str, Any] = {}
    for path in sorted(directory.glob(f"labels-rater-{rater}*.json")):
        out.update(json.loads(path.read_text(encoding="utf-8")))
    return out


def _band(score: float) -> int:
    return BANDS.index(band_of(round(score)))


def figures(cases: list[Rated]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for dim in DIMENSIONS:
        rows = [
            (c.a[dim], c.b[dim], c.card.dimensions[dim].score)
            for c in cases
            if c.a[dim] is not None
            and c.b[dim] is not None
            and c.card.dimensions[dim].score is not None
        ]
        ra = [float(r[0]) for r in rows]
        rb = [float(r[1]) for r in rows]
        mean = [(x + y) / 2 for x, y in zip(ra, rb, strict=True)]
        sc = [float(r[2]) for r in rows]  # type: ignore[arg-type]
        out[f"n_{dim}"] = len(rows)
        out[f"rho_raters_{dim}"] = round(spearman(ra, rb), 3)
        out[f"rho_scorer_{dim}"] = round(spearman(mean, sc), 3)
        out[f"rho_scorer_vs_a_{dim}"] = round(spearman(ra, sc), 3)
        out[f"rho_scorer_vs_b_{dim}"] = round(spearman(rb, sc), 3)
        out[f"mae_scorer_{dim}"] = round(
            sum(abs(m - s) for m, s in zip(mean, sc, strict=True)) / len(rows), 1
        )
        out[f"bias_scorer_{dim}"] = round(
            sum(s - m for m, s in zip(mean, sc, strict=True)) / len(rows), 1
        )
        out[f"within_band_scorer_{dim}"] = round(
            sum(abs(_band(m) - _band(s)) <= 1 for m, s in zip(mean, sc, strict=True)) / len(rows), 3
        )
        out[f"within_band_raters_{dim}"] = round(
            sum(abs(_band(x) - _band(y)) <= 1 for x, y in zip(ra, rb, strict=True)) / len(rows), 3
        )
    null_raters = sum(
        (c.a["objection_handling"] is None) == (c.b["objection_handling"] is None) for c in cases
    )
    null_scorer = sum(
        (c.mean("objection_handling") is None and c.a["objection_handling"] is None)
        == (c.card.dimensions["objection_handling"].score is None)
        for c in cases
    )
    out["null_agreement_raters"] = f"{null_raters}/{len(cases)}"
    out["null_agreement_scorer"] = f"{null_scorer}/{len(cases)}"
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", choices=sorted(SETS), default="blind")
    ap.add_argument("--show", action="store_true", help="every case: raters vs scorer")
    args = ap.parse_args()
    cases = load(SETS[args.set])
    if args.show:
        for c in cases:
            row = "  ".join(
                f"{d[:4]} {c.a[d]!s:>4}/{c.b[d]!s:>4}/{c.card.dimensions[d].score!s:>4}"
                for d in DIMENSIONS
            )
            print(f"{c.name:10} {row}")
    for k, v in figures(cases).items():
        print(f"{k}: {v}")


if __name__ == "__main__":
    main()
